"""``check --fix`` for SSOT002 (defer the import that closes a cycle) and SSOT004 (put a test
class on the SSOT base test case), as a user sees them: the marks, the diff, the files
written, the exit codes, the cases with no fix; and a property test of the defer codemod."""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ssotlint.fix.codemods import CannotFix
from ssotlint.fix.codemods.defer import defer

FAST = ("--no-cache", "--jobs", "1")

A_USES_B_IN_A_METHOD = (
    "from app.b import B  # needed by make\n"
    "\n\n"
    "class A:\n"
    "    def make(self):\n"
    '        """Make a B."""\n'
    "        return B()\n"
)
B_DERIVES_FROM_A = "from app.a import A\n\n\nclass B(A):\n    pass\n"


def cycle_repo(make_repo, a: str, b: str = B_DERIVES_FROM_A, **extra: str):
    return make_repo({"app/__init__.py": "", "app/a.py": a, "app/b.py": b, **extra})


# -- SSOT002 -----------------------------------------------------------------------------
def test_cycle_is_marked_fixable_and_fix_moves_the_import_into_the_method(make_repo, cli):
    root = cycle_repo(make_repo, A_USES_B_IN_A_METHOD)
    shown = cli("check", str(root), *FAST)
    assert shown.code == 1
    assert "app/a.py:1:1: SSOT002 [*] circular import: app.a -> app.b -> app.a" in shown.out
    assert "1 fixable with --fix." in shown.out

    fixed = cli("check", str(root), "--fix", *FAST)
    assert fixed.code == 0, fixed.out + fixed.err
    assert "Fixed 1 violation in 1 file." in fixed.out
    assert (root / "app/a.py").read_text() == (
        "class A:\n"
        "    def make(self):\n"
        '        """Make a B."""\n'
        "        from app.b import B  # needed by make\n"
        "        return B()\n"
    )
    again = cli("check", str(root), *FAST)
    assert again.code == 0 and "All checks passed" in again.out  # the cycle is gone


def test_diff_shows_the_move_and_writes_nothing(make_repo, cli):
    root = cycle_repo(make_repo, A_USES_B_IN_A_METHOD)
    result = cli("check", str(root), "--diff", *FAST)
    assert result.code == 1
    assert "-from app.b import B  # needed by make\n" in result.out
    assert "+        from app.b import B  # needed by make\n" in result.out
    assert "Would fix 1 violation in 1 file." in result.err
    assert (root / "app/a.py").read_text() == A_USES_B_IN_A_METHOD


def test_annotation_only_use_goes_under_the_existing_type_checking_block(make_repo, cli):
    a = (
        "from typing import TYPE_CHECKING\n"
        "from app.b import B\n"
        "if TYPE_CHECKING:\n"
        "    from os import PathLike\n"
        "\n\n"
        'def first(items: "list[B]") -> "B":\n'
        "    return items[0]\n"
    )
    root = cycle_repo(make_repo, a, "from app.a import first\n\n\nclass B:\n    pass\n")
    result = cli("check", str(root), "--fix", *FAST)
    assert result.code == 0, result.out + result.err
    assert (root / "app/a.py").read_text() == (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from os import PathLike\n"
        "    from app.b import B\n"
        "\n\n"
        'def first(items: "list[B]") -> "B":\n'
        "    return items[0]\n"
    )


def test_postponed_annotations_get_a_new_type_checking_block_and_the_call_an_import(make_repo, cli):
    a = (
        "from __future__ import annotations\n"
        "\n"
        "from app.b import B\n"
        "\n\n"
        "def make() -> B:\n"
        "    return B()\n"
    )
    root = cycle_repo(make_repo, a, "from app.a import make\n\n\nclass B:\n    pass\n")
    result = cli("check", str(root), "--fix", *FAST)
    assert result.code == 0, result.out + result.err
    assert (root / "app/a.py").read_text() == (
        "from __future__ import annotations\n"
        "\n"
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from app.b import B\n"
        "\n\n"
        "def make() -> B:\n"
        "    from app.b import B\n"
        "    return B()\n"
    )


def test_module_object_importer_makes_the_fix_unsafe(make_repo, cli):
    # b holds app.a as a module object: it might read a.B, which ssotlint cannot see.
    b = "from app import a\n\n\nclass B:\n    pass\n"
    root = cycle_repo(make_repo, A_USES_B_IN_A_METHOD, b)
    shown = cli("check", str(root), *FAST)
    assert "SSOT002 circular import" in shown.out  # no [*]: not applied by --fix
    assert "1 fixable with --fix --unsafe-fixes." in shown.out
    assert cli("check", str(root), "--fix", *FAST).code == 1
    assert (root / "app/a.py").read_text() == A_USES_B_IN_A_METHOD
    result = cli("check", str(root), "--fix", "--unsafe-fixes", *FAST)
    assert result.code == 0, result.out + result.err
    assert (root / "app/a.py").read_text().startswith("class A:\n")


def test_base_class_use_has_no_fix(make_repo, cli):
    a = "from app.b import Base\n\n\nclass A(Base):\n    pass\n"
    b = "class Base:\n    pass\n\n\nfrom app.a import A\n"
    root = cycle_repo(make_repo, a, b)
    shown = cli("check", str(root), *FAST)
    assert shown.code == 1
    assert "SSOT002 circular import" in shown.out and "[*]" not in shown.out
    assert "fixable" not in shown.out
    result = cli("check", str(root), "--fix", "--unsafe-fixes", *FAST)
    assert result.code == 1 and "Fixed" not in result.out
    assert (root / "app/a.py").read_text() == a


def test_name_imported_from_the_module_by_another_has_no_fix(make_repo, cli):
    root = cycle_repo(make_repo, A_USES_B_IN_A_METHOD, **{"app/c.py": "from app.a import B\n"})
    shown = cli("check", str(root), *FAST)
    assert "SSOT002 circular import" in shown.out and "fixable" not in shown.out


def test_a_decorator_use_in_the_summary_has_no_fix(make_repo, cli):
    """The summary knows `B` is used while the module is imported (a decorator): no fix."""
    a = (
        "from app.b import B\n"
        "\n\n"
        "@B.register\n"
        "def handler():\n"
        "    return B()\n"
    )
    b = "class B:\n    @staticmethod\n    def register(f):\n        return f\n\n\nfrom app.a import handler\n"
    root = cycle_repo(make_repo, a, b)
    shown = cli("check", str(root), *FAST)
    assert "SSOT002 circular import" in shown.out and "fixable" not in shown.out
    result = cli("check", str(root), "--fix", "--unsafe-fixes", *FAST)
    assert result.code == 1 and "Fixed" not in result.out
    assert (root / "app/a.py").read_text() == a


def test_module_level_use_found_by_the_codemod_is_reported_and_nothing_written(make_repo, cli):
    """A lambda's body runs when called (the summary's view), but no import statement can
    go into it: the codemod, which reads the file, declines and says why."""
    a = "from app.b import B\n\n\nhandler = lambda: B()\n"
    b = "class B:\n    pass\n\n\nfrom app.a import handler\n"
    root = cycle_repo(make_repo, a, b)
    result = cli("check", str(root), "--fix", *FAST)
    assert result.code == 1
    assert "could not fix app/a.py:1 SSOT002: `B` is used in a lambda evaluated at module level" in result.err
    assert (root / "app/a.py").read_text() == a


# -- SSOT004 -----------------------------------------------------------------------------
BASE = "import unittest\n\n\nclass SSotBaseTestCase(unittest.TestCase):\n    pass\n"
PLAIN = '"""Plain."""\nimport unittest\n\n\nclass TestPlain(unittest.TestCase):\n    def test_x(self):\n        pass\n'


def test_base_class_fix_is_unsafe_and_replaces_the_test_case_base(make_repo, cli):
    root = make_repo({"fw/__init__.py": "", "fw/base.py": BASE, "tests/test_plain.py": PLAIN})
    shown = cli("check", str(root), *FAST)
    assert shown.code == 1
    assert "tests/test_plain.py:5:1: SSOT004 test class TestPlain" in shown.out
    assert "[*]" not in shown.out and "1 fixable with --fix --unsafe-fixes." in shown.out
    assert "[*]" in cli("check", str(root), "--unsafe-fixes", *FAST).out

    safe_only = cli("check", str(root), "--fix", *FAST)
    assert safe_only.code == 1 and (root / "tests/test_plain.py").read_text() == PLAIN

    result = cli("check", str(root), "--fix", "--unsafe-fixes", *FAST)
    assert result.code == 0, result.out + result.err
    text = (root / "tests/test_plain.py").read_text()
    assert text == (
        '"""Plain."""\nimport unittest\nfrom fw.base import SSotBaseTestCase\n\n\n'
        "class TestPlain(SSotBaseTestCase):\n    def test_x(self):\n        pass\n"
    )
    # The rewritten module imports, and its class is on the base (a valid MRO).
    probe = "import tests.test_plain as t, fw.base as b; assert issubclass(t.TestPlain, b.SSotBaseTestCase)"
    subprocess.run([sys.executable, "-c", probe], cwd=root, check=True)


def test_base_goes_after_other_bases_in_diff(make_repo, cli):
    test = "from tests.helpers import Mixin\n\n\nclass TestIt(Mixin):\n    def test_x(self):\n        pass\n"
    root = make_repo(
        {"fw/__init__.py": "", "fw/base.py": BASE, "tests/helpers.py": "class Mixin:\n    pass\n", "tests/test_it.py": test}
    )
    result = cli("check", str(root), "--diff", "--unsafe-fixes", *FAST)
    assert result.code == 1
    assert "+from fw.base import SSotBaseTestCase\n" in result.out
    assert "+class TestIt(Mixin, SSotBaseTestCase):\n" in result.out
    assert (root / "tests/test_it.py").read_text() == test


def test_metaclass_has_no_fix(make_repo, cli):
    test = "class Meta(type):\n    pass\n\n\nclass TestMeta(metaclass=Meta):\n    def test_x(self):\n        pass\n"
    root = make_repo({"fw/__init__.py": "", "fw/base.py": BASE, "tests/test_meta.py": test})
    shown = cli("check", str(root), "--unsafe-fixes", *FAST)
    assert "SSOT004 test class TestMeta" in shown.out and "[*]" not in shown.out
    result = cli("check", str(root), "--fix", "--unsafe-fixes", *FAST)
    assert result.code == 1 and "Fixed" not in result.out
    assert (root / "tests/test_meta.py").read_text() == test


# -- the defer codemod over generated modules ----------------------------------------------
NAMES = ["alpha", "beta", "gamma"]


@st.composite
def modules(draw):
    """A module importing some names from ``app.other`` (aliases, parentheses, a comment),
    then functions and methods that use some of them in their bodies, nested functions,
    comprehensions, and string annotations."""
    imported = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=3, unique=True))
    aliased = {n: (f"{n}_alias" if draw(st.booleans()) else None) for n in imported}
    bound = [aliased[n] or n for n in imported]
    spelled = ", ".join(n + (f" as {aliased[n]}" if aliased[n] else "") for n in imported)
    statement = f"from app.other import ({spelled},)" if draw(st.booleans()) else f"from app.other import {spelled}"
    lines = ['"""Generated."""', "import os", statement + ("  # keep" if draw(st.booleans()) else ""), ""]
    for i in range(draw(st.integers(1, 4))):
        used = draw(st.lists(st.sampled_from(bound), max_size=3, unique=True))
        annotation = draw(st.sampled_from([None, *bound]))
        signature = f'x: "{annotation}" = None' if annotation else "x=None"
        body = []
        if draw(st.booleans()):
            body.append('    """Docstring."""')
        style = draw(st.sampled_from(["call", "nested", "comprehension"]))
        for name in used:
            if style == "call":
                body.append(f"    {name}(os.sep)")
            elif style == "nested":
                body.append(f"    def inner_{name}():\n        return {name}")
            else:
                body.append(f"    values = [{name} for _ in range(2)]")
        body.append("    return x")
        header = f"def f{i}({signature}):"
        if draw(st.booleans()):
            lines.append(f"class C{i}:\n    def m(self, {signature}):\n" + textwrap.indent("\n".join(body), "    "))
        else:
            lines.append(header + "\n" + "\n".join(body))
        lines.append("")
    return "\n".join(lines) + "\n", statement


def runtime_names(function: ast.AST, bound: set[str]) -> set[str]:
    return {n.id for n in ast.walk(function) if isinstance(n, ast.Name) and n.id in bound}


def imported_at_top(function: ast.FunctionDef) -> set[str]:
    names: set[str] = set()
    for statement in function.body:
        if isinstance(statement, ast.ImportFrom):
            names.update(a.asname or a.name for a in statement.names)
    return names


def functions(tree: ast.Module) -> list[ast.FunctionDef]:
    found: list[ast.FunctionDef] = []
    for statement in tree.body:
        if isinstance(statement, ast.FunctionDef):
            found.append(statement)
        elif isinstance(statement, ast.ClassDef):
            found.extend(s for s in statement.body if isinstance(s, ast.FunctionDef))
    return found


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(modules())
def test_defer_codemod_keeps_every_function_binding_the_names_it_uses(case):
    text, statement = case
    before = ast.parse(text)
    imported = next(s for s in before.body if isinstance(s, ast.ImportFrom) and s.module == "app.other")
    bound = {a.asname or a.name for a in imported.names}
    args = {"statements": [{"line": 3, "level": 0, "module": "app.other", "is_from": True,
                            "names": [a.name for a in imported.names]}]}
    annotated = {
        a.annotation.value
        for f in functions(before)
        for a in f.args.args
        if isinstance(a.annotation, ast.Constant)
    }
    used_anywhere = annotated | set().union(*(runtime_names(f, bound) for f in functions(before)))
    try:
        result = defer(text, args)
    except CannotFix as exc:
        # The one reason in these modules: nothing uses the import (kept for its side effects).
        assert not used_anywhere and "side effects" in str(exc), exc
        return
    assert used_anywhere
    after = ast.parse(result)
    compile(result, "generated.py", "exec")
    # Nothing binds the names at module level any more, except for type checkers.
    runtime_top = [s for s in after.body if not isinstance(s, ast.If)]
    assert not any(isinstance(s, ast.ImportFrom) and s.module == "app.other" for s in runtime_top)
    for old, new in zip(functions(before), functions(after), strict=True):
        used = runtime_names(old, bound)
        assert imported_at_top(new) == used, result
        # The rest of the function is unchanged.
        body = [s for s in new.body if not (isinstance(s, ast.ImportFrom) and s.module == "app.other")]
        assert ast.dump(ast.Module(body=body, type_ignores=[])) == ast.dump(ast.Module(body=old.body, type_ignores=[]))
    # Names in (string) annotations, and names nothing uses, are under TYPE_CHECKING.
    typing_block = [s for s in after.body if isinstance(s, ast.If)]
    needed_for_types = (bound - set().union(*(runtime_names(f, bound) for f in functions(before)))) | annotated
    if needed_for_types:
        assert len(typing_block) == 1
        assert {a.asname or a.name for s in typing_block[0].body for a in s.names} == needed_for_types  # type: ignore[attr-defined]
    else:
        assert not typing_block
    try:  # idempotent: the statement is gone, a second run finds nothing to move
        defer(result, args)
    except CannotFix:
        pass
    else:
        raise AssertionError("deferred twice")


def test_plain_import_of_a_submodule_and_a_shared_line_move_too(make_repo, cli):
    a = "import os; import app.b\n\n\ndef make():\n    return app.b.B(os.sep)\n"
    root = cycle_repo(make_repo, a, "from app.a import make\n\n\nclass B:\n    pass\n")
    result = cli("check", str(root), "--fix", *FAST)
    assert result.code == 0, result.out + result.err
    assert (root / "app/a.py").read_text() == "import os\n\n\ndef make():\n    import app.b\n    return app.b.B(os.sep)\n"


def test_plain_import_whose_package_name_is_bound_twice_is_not_moved(make_repo, cli):
    a = "import app.b\nimport app.c\n\n\ndef make():\n    return app.b.B(app.c.C)\n"
    root = cycle_repo(make_repo, a, "from app.a import make\n\n\nclass B:\n    pass\n", **{"app/c.py": "C = 1\n"})
    result = cli("check", str(root), "--fix", *FAST)
    assert result.code == 1
    assert "`app` is bound more than once at module level" in result.err
    assert (root / "app/a.py").read_text() == a


def test_the_first_configured_base_is_added_even_with_a_stand_in_elsewhere(make_repo, cli):
    both = BASE + "\n\nclass SSotAsyncTestCase(SSotBaseTestCase):\n    pass\n"
    stand_in = (
        "try:\n    from fw.base import SSotBaseTestCase\nexcept ImportError:\n"
        "    class SSotBaseTestCase:\n        pass\n\n\n"
        "class TestOk(SSotBaseTestCase):\n    def test_x(self):\n        pass\n"
    )
    root = make_repo({"fw/__init__.py": "", "fw/base.py": both, "tests/test_ok.py": stand_in, "tests/test_plain.py": PLAIN})
    result = cli("check", str(root), "--diff", "--unsafe-fixes", *FAST)
    assert "+class TestPlain(SSotBaseTestCase):\n" in result.out, result.out


def test_add_base_picks_the_class_nearest_the_reported_line_among_namesakes():
    from ssotlint.fix.codemods.bases import add_base

    text = "class TestDup:\n    def test_a(self):\n        pass\n\n\nclass TestDup:\n    def test_b(self):\n        pass\n"
    args = {"class": "TestDup", "line": 6, "base": "Base", "module": "fw.base", "replace": [], "add_import": False}
    assert add_base(text, args) == text.replace("\nclass TestDup:\n    def test_b", "\nclass TestDup(Base):\n    def test_b")


def test_two_classes_in_one_file_share_one_import(make_repo, cli):
    test = (
        "import unittest\n\n\nclass TestOne(unittest.TestCase):\n    def test_x(self):\n        pass\n\n\n"
        "class TestTwo:\n    def test_y(self):\n        pass\n"
    )
    root = make_repo({"fw/__init__.py": "", "fw/base.py": BASE, "tests/test_two.py": test})
    result = cli("check", str(root), "--fix", "--unsafe-fixes", *FAST)
    assert result.code == 0, result.out + result.err
    assert "Fixed 2 violations in 1 file." in result.out
    assert (root / "tests/test_two.py").read_text() == (
        "import unittest\nfrom fw.base import SSotBaseTestCase\n\n\nclass TestOne(SSotBaseTestCase):\n"
        "    def test_x(self):\n        pass\n\n\nclass TestTwo(SSotBaseTestCase):\n    def test_y(self):\n        pass\n"
    )


def test_an_import_nothing_uses_stays_for_its_side_effects(make_repo, cli):
    """The summary shows nothing reads `b`: no fix is offered, and the advice does not say
    to move it into a function."""
    a = "from app import b  # registers the handlers\n\n\ndef make():\n    return 1\n"
    root = cycle_repo(make_repo, a, "from app.a import make\n\n\nclass B:\n    pass\n")
    result = cli("check", str(root), "--fix", "--unsafe-fixes", *FAST)
    assert result.code == 1 and "Fixed" not in result.out
    assert "into the function" not in result.out and "nothing in app/a.py reads its names" in result.out
    assert (root / "app/a.py").read_text() == a


def test_an_import_only_a_shadowing_name_seems_to_use_is_no_use_and_gets_no_fix(make_repo, cli):
    """`b` inside `make` is its parameter, not the module: the summary follows the
    function's own bindings, so nothing reads the import's name, the advice is the one for
    an import kept for what importing the module does, and no codemod touches it."""
    a = "from app import b  # registers the handlers\n\n\ndef make(b=None):\n    return b\n"
    root = cycle_repo(make_repo, a, "from app.a import make\n\n\nclass B:\n    pass\n")
    result = cli("check", str(root), "--fix", *FAST)
    assert result.code == 1
    assert "nothing in app/a.py reads its names, so it is there for what importing app.b does" in result.out
    assert "into the function that uses it" not in result.out
    assert (root / "app/a.py").read_text() == a
