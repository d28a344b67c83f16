"""SSOT001 duplicate-concept: one concept, several implementations."""

from __future__ import annotations

from collections import defaultdict
from typing import Iterator

from ssotlint.config import Concept
from ssotlint.discover.modules import importable
from ssotlint.errors import ConfigError
from ssotlint.extract.summary import CTX_TYPE_CHECKING, KIND_PLAIN, ClassRecord
from ssotlint.model.project import Project, SourceFile
from ssotlint.rules.base import Example, Rule, Violation

Definition = tuple[SourceFile, ClassRecord]


def _qualname(d: Definition) -> str:
    return f"{d[0].module}.{d[1].name}"


def _where(d: Definition) -> str:
    return f"{_qualname(d)} ({d[0].path}:{d[1].line})"


def canonical_definition(project: Project, concept: Concept) -> Definition | None:
    """The configured canonical class; raises ConfigError when it does not exist."""
    if concept.canonical is None:
        return None
    module, _, name = concept.canonical.rpartition(".")
    f = project.modules.get(module)
    record = None
    if f is not None:
        record = next((c for c in f.summary.classes if c.top_level and c.name == name), None)
    if f is None or record is None:
        where = project.config.source or "pyproject.toml"
        problem = "no such module" if f is None else f"no class {name} in {f.path}"
        raise ConfigError(
            f"{where}: tool.ssotlint.concepts.{concept.name}.canonical: "
            f"{concept.canonical!r} does not exist ({problem})"
        )
    return f, record


def _production_classes(project: Project) -> list[Definition]:
    return [
        (f, c)
        for f, c in project.top_level_classes(project.production_files())
        if not c.context & CTX_TYPE_CHECKING
    ]


def _is_implementation(project: Project, d: Definition, canonical: Definition | None) -> bool:
    """Protocols, all-abstract ABCs, enums and thin compatibility subclasses of the
    canonical class are not implementations of the concept."""
    f, c = d
    if c.kind != KIND_PLAIN or project.is_enum(f.module, c):  # type: ignore[arg-type]
        return False
    if canonical is not None and c.trivial_body:
        first_party, _ = project.ancestors(f.module, c)  # type: ignore[arg-type]
        if any(r.module == canonical[0].module and r.record.name == canonical[1].name for r in first_party):
            return False
    return True


def _extends(project: Project, d: Definition, other: Definition) -> bool:
    """Whether ``d`` inherits from ``other`` (a subclass of the same name extends it)."""
    if not d[1].bases:
        return False
    first_party, _ = project.ancestors(d[0].module, d[1])  # type: ignore[arg-type]
    return any(r.module == other[0].module and r.record.name == other[1].name for r in first_party)


def check(project: Project) -> Iterator[Violation]:
    classes = _production_classes(project)
    reported: set[tuple[str, int]] = set()
    for concept in project.config.concepts:
        canonical = canonical_definition(project, concept)
        names = concept.select(d[1].name for d in classes)
        matching = [d for d in classes if d[1].name in names and _is_implementation(project, d, canonical)]
        if canonical is None:
            if len(matching) < 2:
                continue
            canonical = min(matching, key=lambda d: not importable(d[0].module))  # type: ignore[arg-type]
        for d in matching:
            f, c = d
            if f is canonical[0] and c is canonical[1]:
                continue
            reported.add((f.path, c.line))
            yield Violation(
                "SSOT001",
                f.path,
                c.line,
                c.col,
                f"{c.name} is another implementation of the {concept.name} concept; "
                f"use the canonical {_where(canonical)} instead",
                # The class, not the canonical it is compared with: a new canonical is a new message.
                key=f"concept:{concept.name}:{c.name}",
                details={
                    "concept": concept.name,
                    "class": _qualname(d),
                    "canonical": _qualname(canonical),
                    "canonical_path": canonical[0].path,
                },
            )

    by_name: dict[str, list[Definition]] = defaultdict(list)
    for d in classes:
        f, c = d
        if c.kind == KIND_PLAIN and not project.is_enum(f.module, c):  # type: ignore[arg-type]
            by_name[c.name].append(d)
    for name, definitions in by_name.items():
        modules = {d[0].module for d in definitions}
        if len(modules) < 2:
            continue
        # Never advise importing from a file no import statement can name (`dev-tools.py`,
        # `0001_initial.py`): when every definition is in one, there is no advice to give.
        first = min(definitions, key=lambda d: not importable(d[0].module))  # type: ignore[arg-type]
        if not importable(first[0].module):  # type: ignore[arg-type]
            continue
        for d in definitions:
            f, c = d
            if f.module == first[0].module or (f.path, c.line) in reported:
                continue
            if _extends(project, d, first):
                continue  # `class Migration(migrations.Migration)`: an extension, not a copy
            yield Violation(
                "SSOT001",
                f.path,
                c.line,
                c.col,
                f"class {name} is also defined in {_where(first)}; keep one definition "
                f"and import it from {first[0].module}",
                key=f"name:{name}",
                details={"class": _qualname(d), "canonical": _qualname(first), "canonical_path": first[0].path},
            )


_MANAGER = "class {name}:\n    def send(self, event):\n        self.sent = event\n"

RULE = Rule(
    code="SSOT001",
    name="duplicate-concept",
    summary="A second implementation of a concept that must exist once (or a class name defined twice)",
    check=check,
    valid=(
        # An extension of a same-named class is not a copy; files no import statement can
        # name (migrations) are never where to import from.
        Example(
            {
                "fw/__init__.py": "",
                "fw/migration.py": "class Migration:\n    operations = []\n",
                "app/__init__.py": "",
                "app/migrations/__init__.py": "",
                "app/migrations/0001_initial.py": "from fw import migration\n"
                "class Migration(migration.Migration):\n    pass\n",
                "app/migrations/0002_more.py": "class Step:\n    pass\n",
                "app/migrations/0003_more.py": "class Step:\n    pass\n",
            }
        ),
        Example(
            {
                "app/__init__.py": "",
                "app/ws.py": _MANAGER.format(name="UnifiedWebSocketManager"),
                "app/compat.py": "from app.ws import UnifiedWebSocketManager\n"
                "WebSocketManager = UnifiedWebSocketManager\n",
                "app/proto.py": "from typing import Protocol\n\n"
                "class WebSocketManagerProtocol(Protocol):\n    def send(self, event): ...\n",
                "app/iface.py": "from abc import ABC, abstractmethod\n\n"
                "class BaseWebSocketManager(ABC):\n    @abstractmethod\n    def send(self, event): ...\n",
                "app/kinds.py": "import enum\n\nclass WebSocketManagerKind(enum.Enum):\n    A = 1\n",
                "tests/test_ws.py": _MANAGER.format(name="FakeWebSocketManager"),
            }
        ),
    ),
    invalid=(
        Example(
            {
                "app/__init__.py": "",
                "app/ws.py": _MANAGER.format(name="UnifiedWebSocketManager"),
                "app/legacy.py": "\n" + _MANAGER.format(name="IsolatedWebSocketManager"),
            },
            expect=(("app/ws.py", 1),),
            config='[tool.ssotlint.concepts.websocket-manager]\npattern = ".*WebSocketManager"\n'
            'canonical = "app.legacy.IsolatedWebSocketManager"\n',
        ),
        Example(
            {
                "app/__init__.py": "",
                "app/a.py": "class Settings:\n    debug = False\n",
                "app/b.py": "import os\n\nclass Settings:\n    debug = True\n",
            },
            expect=(("app/b.py", 3),),
        ),
    ),
)
