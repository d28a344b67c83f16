"""SSOT004 test-base-class: test classes that bypass the project's SSOT base test case."""

from __future__ import annotations

from typing import Collection, Iterable, Iterator

from ssotlint.discover.modules import importable
from ssotlint.discover.roles import is_backup
from ssotlint.extract.builder import last_part
from ssotlint.extract.summary import ClassRecord
from ssotlint.model.project import ClassRef, Project, SourceFile
from ssotlint.rules.base import Example, Fix, Rule, Violation


def _inherits_configured_base(
    project: Project, module: str | None, record: ClassRecord, dotted: set[str], bare: set[str]
) -> bool:
    if module is None or module not in project.modules:
        names = set(record.bases)
        seen_qualnames: set[str] = set()
    else:
        first_party, external = project.ancestors(module, record)
        names = set(external) | {r.record.name for r in first_party}
        seen_qualnames = {r.qualname for r in first_party}
    if dotted & (seen_qualnames | names):
        return True
    return any(last_part(n) in bare for n in names)


def configured_base_exists(project: Project) -> bool:
    """Whether any configured base test case exists for this project: a first-party class
    of that name (or dotted name), a base some class names (an installed test framework),
    or a dotted name outside the project (it cannot be seen, and was configured on purpose).
    Otherwise the rule would report every test class of a project that has no such base."""
    configured = project.config.test_base_classes
    bare = {b for b in configured if "." not in b}
    if not bare.isdisjoint(project.class_and_base_names):
        return True
    for name in configured:
        if "." not in name:
            continue
        if not project.is_first_party(name):
            return True
        module, _, class_name = name.rpartition(".")
        f = project.modules.get(module)
        if f is not None and any(c.top_level and c.name == class_name for c in f.summary.classes):
            return True
    return False


def _test_classes(project: Project, files: Iterable[SourceFile] | None = None) -> Iterator[tuple[SourceFile, ClassRecord]]:
    """The classes the test runner collects: top-level ``Test*`` classes with test methods,
    in test modules (of ``files``, by default the project's)."""
    for f in project.files if files is None else files:
        if not f.is_test or not project.config.is_test_module_file(f.path):
            continue
        for c in f.summary.classes:
            if c.top_level and c.name.startswith("Test") and c.test_methods:
                yield f, c


def _advice(project: Project) -> Iterator[str]:
    if configured_base_exists(project):
        return
    count = sum(1 for _ in _test_classes(project))
    if not count:
        return  # no test class to check: nothing is lost
    configured = ", ".join(project.config.test_base_classes) or "none"
    classes = f"{count} test class{'' if count == 1 else 'es'}"
    yield (
        f"SSOT004 reports nothing: no configured test-base-classes ({configured}) exists in this "
        f"project, so its {classes} are not checked; set test-base-classes in [tool.ssotlint] to "
        'the base test case your tests must inherit (a class name or dotted module.Class), or '
        'ignore = ["SSOT004"]'
    )


def _fix_base(project: Project) -> ClassRef | None:
    """The base test case a fix adds: the first configured one the project has, when it is
    one first-party class an import statement can name (a dotted name, or a bare name
    defined at module level in exactly one module, not counting stand-ins in an ``except
    ImportError`` and backup copies). None otherwise: a later configured base is another
    kind of test case (async), and an external base's ancestry is unknown, so where it may
    go among the other bases cannot be told."""
    configured = project.config.test_base_classes
    bare = {b for b in configured if "." not in b}
    defined: dict[str, list[tuple[SourceFile, ClassRecord]]] = {}
    if bare:
        for f, c in project.top_level_classes(project.files):
            if c.name in bare and project.modules.get(f.module) is f:  # type: ignore[arg-type]
                defined.setdefault(c.name, []).append((f, c))
    for name in configured:
        if "." in name:
            module, _, class_name = name.rpartition(".")
            if not project.is_first_party(name):
                return None
            f = project.modules.get(module)
            candidates = [(f, c) for c in (f.summary.classes if f else ()) if c.top_level and c.name == class_name]
        else:
            candidates = defined.get(name, [])
        if not candidates:
            continue
        found = [ClassRef(f.module, c) for f, c in candidates if not c.fallback and not is_backup(f.path)]  # type: ignore[arg-type]
        return found[0] if len(found) == 1 and importable(found[0].module) else None
    return None


def _add_base(project: Project, f: SourceFile, c: ClassRecord, target: ClassRef) -> Fix | None:
    """Make ``target`` a base of the test class ``c``: in place of the bases it already
    derives from (``unittest.TestCase``, ``object``), else after the other bases. None when
    the class has a metaclass, when its module cannot be resolved or is the base's own, or
    when the base's name means something else in the test module."""
    module = f.module
    if c.metaclass is not None or module is None or module == target.module or project.modules.get(module) is not f:
        return None
    name = target.record.name
    binding = project.bindings(module).get(name)
    if binding is not None and (binding.typing_only or project.resolve(module, name) != target):
        return None
    first_party, external = project.ancestors(target.module, target.record)
    covered_classes = {r.qualname for r in first_party}
    covered_names = {*external, "object", "builtins.object"}
    replace = []
    for base in c.bases:
        resolved = project.resolve(module, base)
        if base in covered_names or (isinstance(resolved, ClassRef) and resolved.qualname in covered_classes) or (
            isinstance(resolved, str) and resolved in covered_names
        ):
            replace.append(base)
    return Fix(
        "add-base-class",
        safe=False,
        description=f"inherit from {name} ({target.module})",
        args={
            "class": c.name,
            "line": c.line,
            "base": name,
            "module": target.module,
            "replace": replace,
            "add_import": binding is None,
        },
    )


def check(project: Project) -> Iterator[Violation]:
    return check_files(project, project.files)


def check_files(project: Project, files: Collection[SourceFile]) -> Iterator[Violation]:
    """The test classes of ``files`` not on the base: a class's ancestors are found through
    the modules its module imports (see ``Rule.check_files``)."""
    if not configured_base_exists(project):
        return  # nothing to enforce; _advice says so
    configured_bases = project.config.test_base_classes
    configured = ", ".join(configured_bases) or "(none configured)"
    dotted = {b for b in configured_bases if "." in b}
    bare = {b for b in configured_bases if "." not in b}
    target: ClassRef | None | bool = False  # found on the first violation
    for f, c in _test_classes(project, files):
        if _inherits_configured_base(project, f.module, c, dotted, bare):
            continue
        if target is False:
            target = _fix_base(project) if project.advice else None
        fix = _add_base(project, f, c, target) if isinstance(target, ClassRef) else None
        yield RULE.violation(
            f.path,
            c.line,
            c.col,
            f"test class {c.name} does not inherit from an SSOT base test case "
            f"({configured}); fixtures such as self.logger are missing",
            key=f"class:{c.name}",
            details={"class": c.name, "bases": list(c.bases)},
            fix=fix,
        )


RULE = Rule(
    code="SSOT004",
    name="test-base-class",
    summary="A test class that does not inherit the project's SSOT base test case",
    check=check,
    check_files=check_files,
    scope_key=configured_base_exists,
    advice=_advice,
    fixable="sometimes",
    valid=(
        Example(
            {
                "test_framework/__init__.py": "",
                "test_framework/base.py": "import unittest\n\nclass SSotBaseTestCase(unittest.TestCase):\n    pass\n",
                "tests/helpers.py": "from test_framework.base import SSotBaseTestCase\n\n"
                "class DbMixin(SSotBaseTestCase):\n    pass\n",
                "tests/test_db.py": "from tests.helpers import DbMixin\n\n"
                "class TestDb(DbMixin):\n    def test_query(self):\n        assert True\n\n"
                "def test_function():\n    pass\n\nclass TestNoTests:\n    helper = 1\n",
            }
        ),
        # No configured base exists in the project: nothing to enforce (a warning says so).
        Example(
            {
                "tests/test_plain.py": "import unittest\n\nclass TestPlain(unittest.TestCase):\n"
                "    def test_x(self):\n        pass\n",
            }
        ),
    ),
    invalid=(
        Example(
            {
                "test_framework/base.py": "class SSotBaseTestCase:\n    pass\n",
                "tests/test_plain.py": "import unittest\n\nclass TestPlain(unittest.TestCase):\n"
                "    def test_x(self):\n        pass\n",
                "tests/test_bare.py": "class TestBare:\n    def test_y(self):\n        pass\n",
            },
            expect=(("tests/test_bare.py", 1), ("tests/test_plain.py", 3)),
            # The base is no TestCase: it goes after the other bases, imported after the
            # file's imports (at the top when there are none).
            fixed={
                "tests/test_plain.py": "import unittest\nfrom test_framework.base import SSotBaseTestCase\n\n"
                "class TestPlain(unittest.TestCase, SSotBaseTestCase):\n    def test_x(self):\n        pass\n",
                "tests/test_bare.py": "from test_framework.base import SSotBaseTestCase\n\n"
                "class TestBare(SSotBaseTestCase):\n    def test_y(self):\n        pass\n",
            },
        ),
        # The base is a TestCase: it replaces the plain TestCase base, keeping the mixin
        # first; the file already imports it. A class with a metaclass gets no fix.
        Example(
            {
                "test_framework/__init__.py": "",
                "test_framework/base.py": "from unittest import TestCase\n\n\n"
                "class SSotBaseTestCase(TestCase):\n    pass\n",
                "tests/test_mixed.py": '"""Mixed."""\nfrom unittest import TestCase\n\n'
                "from test_framework.base import SSotBaseTestCase\n\n\nclass Mixin:\n    pass\n\n\n"
                "class TestMixed(Mixin, TestCase):\n    def test_x(self):\n        pass\n\n\n"
                "class TestMeta(metaclass=type):\n    def test_y(self):\n        pass\n",
            },
            expect=(("tests/test_mixed.py", 11), ("tests/test_mixed.py", 16)),
            fixed={
                "tests/test_mixed.py": '"""Mixed."""\nfrom unittest import TestCase\n\n'
                "from test_framework.base import SSotBaseTestCase\n\n\nclass Mixin:\n    pass\n\n\n"
                "class TestMixed(Mixin, SSotBaseTestCase):\n    def test_x(self):\n        pass\n\n\n"
                "class TestMeta(metaclass=type):\n    def test_y(self):\n        pass\n",
            },
        ),
    ),
)
