"""A deterministic synthetic Python monorepo, for benchmarking ssotlint.

``generate(root, files=5000, seed=0)`` writes exactly ``files`` Python files under ``root``
(plus a ``pyproject.toml``) and returns what it planted. The same arguments always give
byte-identical files, with the same fixed modification time, so runs are comparable.

What the tree looks like:

- production packages three or four levels deep (``billing/api/orders/`` or
  ``billing/api/orders/internal/``), every folder a package with an ``__init__.py``
  (some re-export a class and set ``__all__``), 5-14 modules per leaf package;
- modules of 100-400 lines (skewed towards ~180, like real code): a docstring,
  ``from __future__`` and standard-library imports, imports of earlier sibling modules
  (relative) and of modules in other packages (absolute), the occasional lazy import in a
  function or an import under ``if TYPE_CHECKING:``, constants, dataclasses, enums, classes
  with documented methods, and module-level functions;
- imports only point to earlier modules, so the graph is acyclic except for the planted
  cycles; every imported name exists except in the planted broken imports;
- ``tests/`` mirrors the domains: ``test_*.py`` files with ``Test*`` classes inheriting
  ``SSotBaseTestCase`` from a ``test_framework`` package, a few inheriting
  ``unittest.TestCase`` instead, pytest-style test functions, and a ``conftest.py``.

Planted findings (see :class:`Planted`): import cycles of two and three modules, broken
imports (missing module, missing name, missing relative module, plus a guarded one that
is not a finding), duplicate enums across packages, two implementations of the
``*WebSocketManager`` concept, and one module written with CRLF line endings.

Run it alone with ``python benchmarks/synth.py DIR --files N``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
from dataclasses import asdict, dataclass, field
from pathlib import Path

FIXED_MTIME = 1_700_000_000  # 2023-11-14: every generated file gets this mtime

DOMAINS = (
    "billing", "catalog", "checkout", "identity", "inventory", "messaging", "payments",
    "reporting", "search", "shipping", "analytics", "notifications", "scheduling", "pricing",
    "accounts", "media", "compliance", "gateway", "ledger", "telemetry",
)
AREAS = ("api", "domain", "adapters", "workers", "storage", "services")
COMPONENTS = (
    "orders", "users", "events", "sessions", "documents", "metrics", "rules", "tokens",
    "exports", "webhooks", "quotas", "audit",
)
PARTS = ("internal", "handlers", "models", "v2")
NOUNS = (
    "invoice", "customer", "order", "session", "token", "report", "event", "queue", "cache",
    "policy", "account", "profile", "payment", "refund", "shipment", "schedule", "metric",
    "alert", "export", "template", "channel", "address", "warehouse", "product", "price",
    "discount", "balance", "permission", "subscription", "voucher",
)
ROLES = (
    "service", "repository", "client", "handler", "validator", "serializer", "factory",
    "manager", "store", "mapper", "builder", "parser", "registry", "router", "worker",
    "adapter", "controller", "resolver", "provider", "formatter",
)
VERBS = (
    "load", "save", "validate", "build", "render", "fetch", "apply", "merge", "compute",
    "resolve", "refresh", "publish", "archive", "normalise", "schedule", "reconcile",
)
HELPER_SUFFIXES = ("Config", "Result", "Error", "Options", "Snapshot", "Request")
STATE_SUFFIXES = ("State", "Kind", "Mode", "Phase")
STDLIB = (
    ("import", "os", ()),
    ("import", "sys", ()),
    ("import", "json", ()),
    ("import", "re", ()),
    ("import", "time", ()),
    ("import", "hashlib", ()),
    ("import", "functools", ()),
    ("import", "itertools", ()),
    ("import", "threading", ()),
    ("from", "collections", ("defaultdict", "OrderedDict")),
    ("from", "pathlib", ("Path",)),
    ("from", "datetime", ("datetime", "timedelta")),
    ("from", "typing", ("Any", "Iterable", "Mapping", "Optional")),
    ("from", "contextlib", ("contextmanager",)),
    ("from", "decimal", ("Decimal",)),
    ("from", "uuid", ("uuid4",)),
)


def camel(*words: str) -> str:
    return "".join(w[:1].upper() + w[1:] for w in words)


@dataclass
class Module:
    index: int
    path: str  # POSIX, relative to the root
    dotted: str
    package: str  # dotted package
    stem: str
    noun: str
    role: str
    main_class: str
    helpers: list[str]
    state_enum: str | None
    functions: list[str]
    target_lines: int
    # (kind, module index, name): kind in "sibling", "sibling-mod", "abs", "lazy", "tc"
    imports: list[tuple[str, int, str]] = field(default_factory=list)
    extra_lines: list[str] = field(default_factory=list)  # planted import statements
    extra_classes: list[str] = field(default_factory=list)  # planted class blocks
    crlf: bool = False

    @property
    def exports(self) -> list[str]:
        return [self.main_class, *self.helpers, *self.functions]


@dataclass
class Planted:
    cycles: list[list[str]] = field(default_factory=list)  # module chains
    broken_imports: list[str] = field(default_factory=list)  # "path: statement"
    duplicate_enums: dict[str, list[str]] = field(default_factory=dict)  # name -> modules
    concept_duplicates: list[str] = field(default_factory=list)
    crlf_files: list[str] = field(default_factory=list)
    plain_test_classes: int = 0  # Test* classes not inheriting SSotBaseTestCase


@dataclass
class SynthStats:
    files: int
    production_modules: int
    package_inits: int
    test_files: int
    packages_max_depth: int
    lines: int
    bytes: int
    seed: int
    planted: Planted

    def to_json(self) -> dict:
        return asdict(self)


class _Names:
    """Repository-wide unique class names (a shared name is an SSOT001 finding)."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def claim(self, name: str, prefix: str) -> str:
        candidate = name
        if candidate in self.taken:
            candidate = camel(prefix) + name
        n = 2
        while candidate in self.taken:
            candidate = f"{camel(prefix)}{name}{n}"
            n += 1
        self.taken.add(candidate)
        return candidate


def _domain_name(i: int) -> str:
    base = DOMAINS[i % len(DOMAINS)]
    return base if i < len(DOMAINS) else f"{base}{i // len(DOMAINS) + 1}"


def _leaves(rng: random.Random):
    """Leaf packages, as tuples of folder names, forever."""
    t = 0
    while True:
        domain = _domain_name(t)
        for area in AREAS:
            for comp in sorted(rng.sample(COMPONENTS, 4)):
                if rng.random() < 0.4:
                    for part in sorted(rng.sample(PARTS, 2)):
                        yield (domain, area, comp, part)
                else:
                    yield (domain, area, comp)
        t += 1


def _plan_production(budget: int, rng: random.Random, names: _Names) -> tuple[list[Module], list[str]]:
    modules: list[Module] = []
    inits: list[str] = []
    made: set[tuple[str, ...]] = set()
    leaves = _leaves(rng)
    remaining = budget
    current: tuple[str, ...] | None = None
    stems: set[str] = set()

    def add_module(leaf: tuple[str, ...]) -> None:
        noun, role = rng.choice(NOUNS), rng.choice(ROLES)
        stem = f"{noun}_{role}"
        n = 2
        while stem in stems:
            stem = f"{noun}_{role}_{n}"
            n += 1
        stems.add(stem)
        package = ".".join(leaf)
        helpers = [
            names.claim(camel(noun, suffix), leaf[-1])
            for suffix in rng.sample(HELPER_SUFFIXES, rng.randint(0, 2))
        ]
        state = names.claim(camel(noun, rng.choice(STATE_SUFFIXES)), leaf[-1]) if rng.random() < 0.3 else None
        functions = sorted({f"{rng.choice(VERBS)}_{noun}" for _ in range(rng.randint(2, 5))})
        modules.append(
            Module(
                index=len(modules),
                path="/".join(leaf) + f"/{stem}.py",
                dotted=f"{package}.{stem}",
                package=package,
                stem=stem,
                noun=noun,
                role=role,
                main_class=names.claim(camel(noun, role), leaf[-1]),
                helpers=helpers,
                state_enum=state,
                functions=functions,
                target_lines=int(rng.triangular(100, 400, 160)),
            )
        )

    while remaining > 0:
        leaf = next(leaves)
        new = [leaf[:i] for i in range(1, len(leaf) + 1) if leaf[:i] not in made]
        if len(new) + 1 > remaining:
            if current is None:  # too small for even one package: flat modules
                current = leaf[:0]
            for _ in range(remaining):
                add_module(current)  # type: ignore[arg-type]
            break
        for pkg in new:
            made.add(pkg)
            inits.append("/".join(pkg) + "/__init__.py")
        remaining -= len(new)
        current, stems = leaf, set()
        for _ in range(min(rng.randint(5, 14), remaining)):
            add_module(leaf)
            remaining -= 1
    return modules, inits


def _plan_imports(modules: list[Module], rng: random.Random) -> None:
    by_package: dict[str, list[Module]] = {}
    for m in modules:
        siblings = by_package.setdefault(m.package, [])
        earlier = list(siblings)
        siblings.append(m)
        for s in rng.sample(earlier, min(len(earlier), rng.randint(0, 3))):
            if rng.random() < 0.25:
                m.imports.append(("sibling-mod", s.index, s.stem))
            else:
                m.imports.append(("sibling", s.index, rng.choice(s.exports)))
        if m.index > 20:
            for _ in range(rng.randint(0, 3)):
                other = modules[rng.randrange(0, m.index - 10)]
                if other.package != m.package:
                    m.imports.append(("abs", other.index, rng.choice(other.exports)))
        if m.index > 20 and rng.random() < 0.2:
            other = modules[rng.randrange(0, m.index)]
            m.imports.append(("lazy", other.index, other.main_class))
        if m.index > 20 and rng.random() < 0.1:
            later = modules[rng.randrange(m.index, len(modules))]  # a forward import, typing only
            if later.index != m.index:
                m.imports.append(("tc", later.index, later.main_class))


def _plant(modules: list[Module], total_files: int, rng: random.Random, planted: Planted) -> None:
    if len(modules) < 12:
        return
    # Two-module cycles: an earlier sibling imports a later one that imports it back.
    candidates = [
        m for m in modules if any(kind in ("sibling", "sibling-mod") for kind, _, _ in m.imports)
    ]
    for m in rng.sample(candidates, min(len(candidates), max(2, total_files // 1500))):
        kind, target, _ = next(i for i in m.imports if i[0] in ("sibling", "sibling-mod"))
        earlier = modules[target]
        earlier.extra_lines.append(f"from .{m.stem} import {m.main_class}")
        planted.cycles.append([earlier.dotted, m.dotted])
    # A three-module cycle across packages (a -> b -> c -> a), between modules nothing
    # else imports, so that the cycle is exactly these three.
    imported = {t for m in modules for _, t, _ in m.imports} | {
        m.index for m in modules if m.extra_lines
    }
    free = [m for m in modules if m.index not in imported and not m.extra_lines]
    a, b, c = rng.sample(free, 3) if len(free) >= 3 else rng.sample(modules, 3)
    a.extra_lines.append(f"from {b.dotted} import {b.main_class}")
    b.extra_lines.append(f"from {c.dotted} import {c.main_class}")
    c.extra_lines.append(f"from {a.dotted} import {a.main_class}")
    planted.cycles.append([a.dotted, b.dotted, c.dotted])
    # Broken imports.
    for n in range(max(3, total_files // 400)):
        m = modules[rng.randrange(1, len(modules))]
        other = modules[rng.randrange(m.index)]  # an earlier module: no accidental cycle
        style = n % 4
        if style == 0:
            line = f"from {other.dotted} import {other.main_class}Legacy"
        elif style == 1:
            line = f"import {other.package}.removed_{other.stem}"
        elif style == 2:
            line = f"from .{m.stem}_old import {m.main_class}"
        else:  # guarded: an optional dependency, not a finding
            line = (
                f"try:\n    from {other.package}.optional_plugin import Plugin\n"
                "except ImportError:  # optional\n    Plugin = None"
            )
        m.extra_lines.append(line)
        if style != 3:
            planted.broken_imports.append(f"{m.path}: {line}")
    # Duplicate enums across packages.
    for name, base, count in (("ExecutionStatus", "str, Enum", 3), ("Priority", "IntEnum", 2)):
        owners = rng.sample(modules, count)
        for m in owners:
            values = ("PENDING", "RUNNING", "DONE") if base.startswith("str") else ("LOW", "HIGH")
            body = "\n".join(
                f"    {v} = {v.lower()!r}" if base.startswith("str") else f"    {v} = {i + 1}"
                for i, v in enumerate(values)
            )
            m.extra_classes.append(f'class {name}({base}):\n    """Shared status values."""\n\n{body}\n')
        planted.duplicate_enums[name] = [m.dotted for m in owners]
    # Two implementations of the WebSocketManager concept.
    for name, m in zip(("UnifiedWebSocketManager", "LegacyWebSocketManager"), rng.sample(modules, 2)):
        m.extra_classes.append(
            f'class {name}:\n    """Connections to browsers."""\n\n'
            "    def __init__(self) -> None:\n        self.connections: dict[str, Any] = {}\n\n"
            "    def send(self, user: str, payload: dict) -> None:\n"
            "        self.connections[user] = payload\n"
        )
        planted.concept_duplicates.append(f"{m.dotted}.{name}")
    crlf = modules[rng.randrange(len(modules))]
    crlf.crlf = True
    planted.crlf_files.append(crlf.path)


def _import_line(m: Module, kind: str, target: Module, name: str) -> str:
    if kind == "sibling":
        return f"from .{target.stem} import {name}"
    if kind == "sibling-mod":
        return f"from . import {target.stem}"
    return f"from {target.dotted} import {name}"


def _method(rng: random.Random, noun: str, verb: str, lines: list[str]) -> None:
    arg = rng.choice(("key", "item", "payload", "record", "value"))
    lines += [
        f"    def {verb}_{noun}(self, {arg}: Any, *, strict: bool = False) -> Optional[Any]:",
        f'        """{verb.capitalize()} the {noun} identified by ``{arg}``.',
        "",
        f"        Returns None when nothing matches; raises ValueError on an invalid {noun}",
        "        when ``strict`` is set.",
        '        """',
        f"        if {arg} is None:",
        "            if strict:",
        f'                raise ValueError("{noun} {arg} is required")',
        "            return None",
        f"        cached = self._items.get(str({arg}))",
        "        if cached is not None:",
        "            return cached",
    ]
    shape = rng.randrange(3)
    if shape == 0:
        lines += [
            "        result = []",
            "        for name, entry in sorted(self._items.items()):",
            f"            if name.startswith(str({arg})):",
            "                result.append(entry)",
            f'                logger.debug("{verb} %s matched %s", {arg}, name)',
            "        return result or None",
        ]
    elif shape == 1:
        lines += [
            "        started = time.monotonic()",
            "        try:",
            f"            value = json.loads(json.dumps({arg}, default=str))",
            "        except (TypeError, ValueError) as exc:",
            f'            logger.warning("cannot {verb} {noun}: %s", exc)',
            "            return None",
            f'        self._items[str({arg})] = value',
            f'        logger.info("{verb} took %.3f s", time.monotonic() - started)',
            "        return value",
        ]
    else:
        lines += [
            f"        digest = hashlib.sha1(repr({arg}).encode()).hexdigest()",
            "        with self._lock:",
            "            self._items[digest] = " + arg,
            "        return digest",
        ]
    lines.append("")


def _render_module(m: Module, modules: list[Module], rng: random.Random) -> str:
    lines: list[str] = [
        f'"""{camel(m.noun)} {m.role} for {m.package.replace(".", " / ")}.',
        "",
        f"The {m.role} owns the lifecycle of {m.noun} records: loading them from storage,",
        "validating them against the current policy, and publishing changes downstream.",
        '"""',
        "",
    ]
    if rng.random() < 0.8:
        lines += ["from __future__ import annotations", ""]
    plain = sorted({"logging", "json", "time", "hashlib", "threading"} | {
        name for kind, name, _ in rng.sample(STDLIB, 4) if kind == "import"
    })
    lines += [f"import {name}" for name in plain]
    froms = {"typing": {"Any", "Iterable", "Optional"}, "dataclasses": {"dataclass", "field"}}
    if m.state_enum or any("Enum" in c for c in m.extra_classes):
        froms["enum"] = {"Enum", "IntEnum"}
    for kind, name, names in rng.sample(STDLIB, 3):
        if kind == "from":
            froms.setdefault(name, set()).update(rng.sample(names, 1))
    if any(kind == "tc" for kind, _, _ in m.imports):
        froms["typing"].add("TYPE_CHECKING")
    lines += [f"from {mod} import {', '.join(sorted(names))}" for mod, names in sorted(froms.items())]
    lines.append("")
    top = [
        _import_line(m, kind, modules[t], name)
        for kind, t, name in m.imports
        if kind in ("sibling", "sibling-mod", "abs")
    ]
    lines += sorted(set(top)) + m.extra_lines
    tc = [modules[t] for kind, t, _ in m.imports if kind == "tc"]
    if tc:
        lines += ["", "if TYPE_CHECKING:"] + [f"    from {t.dotted} import {t.main_class}" for t in tc]
    lines += ["", "logger = logging.getLogger(__name__)", ""]
    for _ in range(rng.randint(2, 6)):
        const = f"{m.noun.upper()}_{rng.choice(('TIMEOUT', 'RETRIES', 'BATCH_SIZE', 'LIMIT', 'TTL', 'PREFIX', 'VERSION'))}"
        value = rng.choice((str(rng.randint(1, 500)), repr(f"{m.noun}-{rng.randint(1, 99)}"), f"{rng.random():.2f}"))
        lines.append(f"{const} = {value}")
    lines.append(f"DEFAULT_{m.role.upper()}_NAME = {m.stem!r}")
    lines += ["", ""]
    if m.state_enum:
        lines += [f"class {m.state_enum}(Enum):", f'    """Where a {m.noun} is in its lifecycle."""', ""]
        lines += [f"    {s} = {s.lower()!r}" for s in ("NEW", "ACTIVE", "SUSPENDED", "CLOSED")]
        lines += ["", ""]
    for block in m.extra_classes:
        lines += block.splitlines() + ["", ""]
    for helper in m.helpers:
        if helper.endswith("Error"):
            lines += [f"class {helper}(Exception):", f'    """Raised when a {m.noun} cannot be processed."""', "", ""]
            continue
        lines += [
            "@dataclass",
            f"class {helper}:",
            f'    """Settings and results of one {m.noun} operation."""',
            "",
            "    name: str",
            "    enabled: bool = True",
            "    retries: int = 3",
            "    tags: list[str] = field(default_factory=list)",
            "    extra: dict[str, Any] = field(default_factory=dict)",
            "",
            "    def describe(self) -> str:",
            f'        return f"{{self.name}} ({{len(self.tags)}} tags, {{self.retries}} retries)"',
            "",
            "",
        ]
    lazy = [modules[t] for kind, t, _ in m.imports if kind == "lazy"]
    lines += [
        f"class {m.main_class}:",
        f'    """The {m.noun} {m.role}.',
        "",
        f"    Thread-safe: every mutation of the {m.noun} table happens under ``self._lock``.",
        '    """',
        "",
        "    def __init__(self, name: str = " + repr(m.stem) + ", *, items: Optional[dict] = None) -> None:",
        "        self.name = name",
        "        self._items: dict[str, Any] = dict(items or {})",
        "        self._lock = threading.RLock()",
        "",
    ]
    verbs = list(VERBS)
    rng.shuffle(verbs)
    functions = list(m.functions)
    while len(lines) < m.target_lines - 12 * max(1, len(functions)):
        if not verbs:
            verbs = list(VERBS)
        _method(rng, m.noun, verbs.pop(), lines)
    for lazy_target in lazy:
        lines += [
            "    def _collaborator(self):",
            "        # Imported here: the dependency is only needed on this path.",
            f"        from {lazy_target.dotted} import {lazy_target.main_class}",
            "",
            f"        return {lazy_target.main_class}()",
            "",
        ]
        break
    lines.append("")
    for func in functions:
        lines += [
            f"def {func}(source: Iterable[Any], *, limit: int = 100) -> list[Any]:",
            f'    """{func.replace("_", " ").capitalize()}: at most ``limit`` entries, in order."""',
            "    out: list[Any] = []",
            "    for position, entry in enumerate(source):",
            "        if position >= limit:",
            '            logger.debug("limit %d reached", limit)',
            "            break",
            "        out.append(entry)",
            "    return out",
            "",
            "",
        ]
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines) + "\n"


def _render_init(path: str, modules_here: list[Module], rng: random.Random) -> str:
    package = path.rsplit("/", 1)[0].replace("/", ".")
    doc = f'"""The {package} package."""\n'
    if modules_here and rng.random() < 0.3:
        m = modules_here[0]
        return f'{doc}\nfrom .{m.stem} import {m.main_class}\n\n__all__ = ["{m.main_class}"]\n'
    return doc if rng.random() < 0.7 else ""


TEST_FRAMEWORK_BASE = '''"""The single source of truth for test fixtures: every test class inherits from here."""

import logging
import unittest


class SSotBaseTestCase(unittest.TestCase):
    """Gives every test ``self.logger`` and an isolated environment."""

    def setUp(self) -> None:
        super().setUp()
        self.logger = logging.getLogger(type(self).__name__)
        self.env: dict[str, str] = {}

    def tearDown(self) -> None:
        self.env.clear()
        super().tearDown()


class SSotAsyncTestCase(unittest.IsolatedAsyncioTestCase):
    """The asynchronous twin of :class:`SSotBaseTestCase`."""

    async def asyncSetUp(self) -> None:
        self.logger = logging.getLogger(type(self).__name__)
'''

CONFTEST = '''"""Shared pytest fixtures."""

import pytest


@pytest.fixture
def payload() -> dict:
    return {"id": "42", "name": "example", "tags": ["a", "b"]}
'''


def _render_test(path: str, subjects: list[Module], rng: random.Random, planted: Planted) -> str:
    lines = [f'"""Tests for {", ".join(s.dotted for s in subjects)}."""', "", "import unittest", "", "import pytest", ""]
    lines.append("from test_framework.base import SSotAsyncTestCase, SSotBaseTestCase")
    lines += sorted({f"from {s.dotted} import {s.main_class}" for s in subjects})
    lines += ["", ""]
    for s in subjects:
        plain = rng.random() < 0.1
        asynchronous = not plain and rng.random() < 0.2
        base = "unittest.TestCase" if plain else ("SSotAsyncTestCase" if asynchronous else "SSotBaseTestCase")
        planted.plain_test_classes += plain
        lines += [f"class Test{s.main_class}({base}):", f'    """Behaviour of {s.main_class}."""', ""]
        for i in range(rng.randint(3, 9)):
            verb = rng.choice(VERBS)
            prefix = "async def" if asynchronous else "def"
            lines += [
                f"    {prefix} test_{verb}_{s.noun}_{i}(self):",
                f"        subject = {s.main_class}(items={{'k{i}': {i}}})",
                f"        self.assertEqual(subject.name, {s.stem!r})",
                f"        self.assertIn('k{i}', subject._items)",
                "",
            ]
        lines.append("")
    for i in range(rng.randint(0, 4)):
        lines += [f"def test_payload_shape_{i}(payload):", f"    assert payload['id'] == '42'", f"    assert len(payload['tags']) == 2", "", ""]
    while lines[-1] == "":
        lines.pop()
    return "\n".join(lines) + "\n"


def generate(root: Path, files: int = 5000, seed: int = 0) -> SynthStats:
    """Write the repository into ``root`` (created; must be empty or absent)."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    planted = Planted()
    names = _Names()
    fixed = ["test_framework/__init__.py", "test_framework/base.py", "tests/__init__.py", "tests/conftest.py"]
    test_budget = max(0, round(files * 0.15)) if files >= 40 else 0
    prod_budget = files - test_budget - (len(fixed) if files >= 40 else 0)
    modules, inits = _plan_production(prod_budget, rng, names)
    _plan_imports(modules, rng)
    _plant(modules, files, rng, planted)

    out: dict[str, str] = {}
    by_package: dict[str, list[Module]] = {}
    for m in modules:
        by_package.setdefault(m.package, []).append(m)
    for m in modules:
        text = _render_module(m, modules, rng)
        out[m.path] = text.replace("\n", "\r\n") if m.crlf else text
    for init in inits:
        out[init] = _render_init(init, by_package.get(init.rsplit("/", 1)[0].replace("/", "."), []), rng)

    test_files = 0
    if files >= 40:
        out["test_framework/__init__.py"] = '"""Test infrastructure shared by every test suite."""\n'
        out["test_framework/base.py"] = TEST_FRAMEWORK_BASE
        out["tests/__init__.py"] = ""
        out["tests/conftest.py"] = CONFTEST
        remaining = test_budget
        made: set[str] = set()
        position = 0
        while remaining > 0:
            subject = modules[position % len(modules)]
            folder = "tests/" + "/".join(subject.package.split(".")[:2])
            new = [f for f in (folder.rsplit("/", 1)[0], folder) if f not in made]
            if len(new) + 1 > remaining:
                folder = "tests"
                new = []
            for f in new:
                made.add(f)
                out[f"{f}/__init__.py"] = ""
                remaining -= 1
            subjects = modules[position % len(modules) : position % len(modules) + rng.randint(1, 3)]
            name = f"{folder}/test_{subject.stem}.py"
            n = 2
            while name in out:
                name = f"{folder}/test_{subject.stem}_{n}.py"
                n += 1
            out[name] = _render_test(name, subjects, rng, planted)
            remaining -= 1
            test_files += 1
            position += rng.randint(3, 9)

    (root / "pyproject.toml").write_text(
        '[project]\nname = "synthetic-monorepo"\nversion = "0.0.0"\n\n'
        "[tool.ssotlint]\n"
        f"canonical-enum-modules = [{json.dumps(planted.duplicate_enums.get('ExecutionStatus', [''])[0])}]\n"
    )
    total_lines = total_bytes = 0
    folders: set[Path] = set()
    for rel, text in sorted(out.items()):
        path = root / rel
        if path.parent not in folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            folders.add(path.parent)
        data = text.encode("utf-8")
        path.write_bytes(data)
        os.utime(path, (FIXED_MTIME, FIXED_MTIME))
        total_lines += data.count(b"\n")
        total_bytes += len(data)
    depth = max((len(m.package.split(".")) for m in modules), default=0)
    return SynthStats(
        files=len(out),
        production_modules=len(modules),
        package_inits=len(inits),
        test_files=test_files,
        packages_max_depth=depth,
        lines=total_lines,
        bytes=total_bytes,
        seed=seed,
        planted=planted,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description="Write a synthetic Python monorepo.")
    parser.add_argument("root", type=Path)
    parser.add_argument("--files", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    stats = generate(args.root, args.files, args.seed)
    print(json.dumps(stats.to_json(), indent=2))


if __name__ == "__main__":
    main()
