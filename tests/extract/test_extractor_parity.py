"""The two extractors (LibCST, and CPython's ast as the fallback) produce the same summary.

Every fact in a summary must come out identically from both walkers; otherwise a file's
findings would depend on which parser happened to handle it. Compared on sources written to
exercise each construct the walkers interpret (handlers, ``with`` contexts, importorskip)
and on real code from the standard library.
"""

from __future__ import annotations

import sysconfig
import textwrap
from pathlib import Path

import pytest

from ssotlint.extract.summarize import summarize
from ssotlint.extract.summary import CTX_EXPECTED_FAILURE, CTX_GUARDED, CTX_SYNTAX_ERROR_HANDLED, FileSummary
from tests.conftest import FIXTURES

GUARDS = textwrap.dedent(
    """\
    import builtins, pytest
    from contextlib import suppress
    try:
        from app.a import A
    except (ValueError, KeyError):
        pass
    try:
        from app.b import B
    except ImportError:
        B = None
    try:
        from app.c import C
    except Exception:
        raise
    try:
        from app.d import D
    except:
        pass
    try:
        from app.e import E
    except ImportError:
        raise RuntimeError("x")
    try:
        from app.f import F
    except (builtins.ImportError, OSError):
        F = 1
    try:
        from app.g import G
    except Exception:
        pass
    except ImportError:
        pass
    try:
        import app.g2
    except ModuleNotFoundError: pass
    def t(self):
        try:
            import app.h
        except ImportError: self.fail("x")
        try:
            import app.h2
        except ImportError:
            pytest.fail("x")
        with pytest.raises(ImportError):
            from app.i import I
        with self.assertRaisesRegex((ValueError, ModuleNotFoundError), "x"):
            import app.j
        with pytest.raises(ValueError):
            import app.k
        with suppress(ImportError):
            import app.l
        pytest.importorskip("app.m")
        from app.m import M
        with self.assertRaises(expected_exception=Exception) as cm:
            import app.o
    def u():
        from app.m import M2
    try:
        import app.p
    except SyntaxError as exc:
        pass
    try:
        import app.q
    except (SyntaxError, ImportError):
        raise
    def v(self):
        with self.assertRaises(SyntaxError):
            import app.r
        with suppress(SyntaxError, ValueError):
            import app.s
    x = pytest.importorskip(modname="app" ".n")
    import app.n.sub
    if importlib.util.find_spec("app.t"):
        import app.t
    if find_spec("app.u") is not None:
        import app.u
    if find_spec("app.v") is None:
        import app.w
    else:
        import app.v
    __all__ = ["a" "b", "c"]
    """
)

# module -> (guarded, expected to fail), for every import of an app module above
EXPECTED = {
    "app.a": (False, False), "app.b": (True, False), "app.c": (False, False),
    "app.d": (False, False), "app.e": (False, False), "app.f": (True, False),
    "app.g": (False, False), "app.g2": (True, False), "app.h": (False, False),
    "app.h2": (False, False), "app.i": (False, True), "app.j": (False, True),
    "app.k": (False, False), "app.l": (True, False), "app.o": (False, True),
    "app.n.sub": (False, True), "app.p": (False, False), "app.q": (False, False), "app.r": (False, False),
    "app.s": (False, False),
    # under a check that the module can be imported (`find_spec`), or its `else` when negated
    "app.t": (True, False), "app.u": (True, False), "app.v": (True, False), "app.w": (False, False),
}
# modules whose SyntaxError is caught or expected
SYNTAX_ERROR_HANDLED = {"app.d", "app.g", "app.o", "app.p", "app.r", "app.s"}


def comparable(summary: FileSummary) -> FileSummary:
    """Everything but which engine produced it and why."""
    return summary._replace(engine="", note="")


def both(data: bytes) -> tuple[FileSummary, FileSummary]:
    cst_summary = summarize(data)
    ast_summary = summarize(data, use_libcst=False)
    assert ast_summary.engine == "ast"
    return cst_summary, ast_summary


def test_guard_contexts_and_both_extractors_agree():
    cst_summary, ast_summary = both(GUARDS.encode())
    assert cst_summary.engine == "libcst", cst_summary.note
    assert comparable(cst_summary) == comparable(ast_summary)
    flags = {}
    for rec in cst_summary.imports:
        if rec.module.startswith("app."):
            flags.setdefault(rec.module, set()).add(
                (bool(rec.context & CTX_GUARDED), bool(rec.context & CTX_EXPECTED_FAILURE))
            )
    assert flags.pop("app.m") == {(False, True), (False, False)}  # importorskip: only its scope
    assert {m: f.pop() for m, f in flags.items()} == EXPECTED
    assert cst_summary.all_names == ("ab", "c")
    handled = {r.module for r in cst_summary.imports if r.context & CTX_SYNTAX_ERROR_HANDLED}
    assert handled == SYNTAX_ERROR_HANDLED


def _real_files() -> list[Path]:
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    files = sorted((FIXTURES / "traps").rglob("*.py"))
    for name in ("json", "concurrent", "unittest", "importlib", "enum.py", "contextlib.py"):
        target = stdlib / name
        files.extend(sorted(target.rglob("*.py")) if target.is_dir() else [target])
    return [f for f in files if f.is_file()]


@pytest.mark.parametrize("path", _real_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_both_extractors_agree_on_real_code(path: Path):
    cst_summary, ast_summary = both(path.read_bytes())
    if cst_summary.engine == "libcst":
        assert comparable(cst_summary) == comparable(ast_summary)


def test_exception_specs_that_are_not_dotted_names_are_analysed():
    """``type(obj).DoesNotExist`` (an attribute of a call) as the exception of a handler or
    of ``assertRaises`` used to crash both walkers: the file was "not analysed"."""
    source = textwrap.dedent(
        """\
        from app.models import Thing
        class T:
            def test(self, obj):
                with self.assertRaises(type(obj).DoesNotExist):
                    obj.refresh_from_db()
                try:
                    from app.extra import Extra
                except type(obj).DoesNotExist:
                    pass
        """
    ).encode()
    cst_summary, ast_summary = both(source)
    assert cst_summary.engine == "libcst" and cst_summary.problem is None, cst_summary.note
    assert ast_summary.problem is None
    assert comparable(cst_summary) == comparable(ast_summary)
    assert {r.module for r in cst_summary.imports} == {"app.models", "app.extra"}


NOOP_INITS = textwrap.dedent(
    """\
    class Bare:
        def __init__(self):
            pass
    class Documented:
        \"\"\"A placeholder.\"\"\"
        def __init__(self):
            \"\"\"Nothing to set up.\"\"\"
    class Dotted:
        def __init__(self): ...
    class Based(object):
        def __init__(self):
            pass
    class Takes:
        def __init__(self, value):
            pass
    class Does:
        def __init__(self):
            self.value = 1
    class Twice:
        def __init__(self):
            pass
        def __init__(self):
            pass
    class Other:
        def __init__(self):
            pass
        def run(self):
            return 1
    class Numbered:
        0
    """
)


def test_a_do_nothing_initializer_of_a_class_without_bases_is_no_member():
    """``def __init__(self): pass`` in a class that extends nothing is the same class
    without it: the class is empty (its body trivial, no members), for both walkers; a base
    (whose initializer it would hide), a parameter, a body, or a second ``__init__`` keep it."""
    cst_summary, ast_summary = both(NOOP_INITS.encode())
    assert cst_summary.engine == "libcst", cst_summary.note
    assert comparable(cst_summary) == comparable(ast_summary)
    shape = {c.name: (c.trivial_body, c.members) for c in cst_summary.classes}
    assert shape == {
        "Bare": (True, ()),
        "Documented": (True, ()),
        "Dotted": (True, ()),
        "Based": (False, ("__init__",)),
        "Takes": (False, ("__init__",)),
        "Does": (False, ("__init__",)),
        "Twice": (False, ("__init__",)),
        "Other": (False, ("run",)),
        "Numbered": (True, ()),  # a constant alone, as ast reads it
    }
