"""The two extraction engines (LibCST and CPython's ast) give the same summary of any module:
`--parser ast` is a speed choice, never a change of findings."""

from __future__ import annotations

import json
import random
import sysconfig
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from ssotlint.extract.summarize import summarize
from ssotlint.extract.summary import FileSummary

STDLIB = Path(sysconfig.get_paths()["stdlib"])


def facts(summary: FileSummary) -> FileSummary:
    """Everything but which engine made it."""
    return summary._replace(engine="", note="")


def both(data: bytes) -> tuple[FileSummary, FileSummary]:
    cst = summarize(data, use_libcst=True)
    assert cst.engine == "libcst" or cst.problem is not None, cst.note
    return facts(cst), facts(summarize(data, use_libcst=False))


# -- generated modules ---------------------------------------------------------------------
NAMES = st.sampled_from(["a", "b", "pkg", "pkg.sub", "app.models", "x_y"])
IDENT = st.sampled_from(["A", "B", "Manager", "Status", "helper", "X", "_private"])
HANDLERS = st.sampled_from([
    "except ImportError:", "except ModuleNotFoundError:", "except (ImportError, KeyError):",
    "except (ValueError, KeyError):", "except Exception:", "except:", "except builtins.ImportError:",
    "except ImportError as exc:", "except (OSError,):",
])
BASES = st.sampled_from(["", "(Base)", "(*bases)", "(*make(), Base, **kw)", "(enum.Enum)", "(Enum)", "(str, Enum)", "(Protocol)", "(ABC)",
                         "(a.B, metaclass=M)", "(Generic[T])", "(unittest.TestCase)", "(SSotBaseTestCase)"])
COMMENTS = st.sampled_from(["", "  # ssotlint: ignore", "  # ssotlint: ignore[SSOT003]",
                            "  # ssotlint: ignore[SSOT001, SSOT003]", "  # noqa", "  # type: ignore"])


@st.composite
def import_line(draw) -> str:
    module, name, alias = draw(NAMES), draw(IDENT), draw(IDENT)
    dots = draw(st.sampled_from(["", ".", ".."]))
    shape = draw(st.integers(0, 6))
    if shape == 0:
        return f"import {module}"
    if shape == 1:
        return f"import {module} as {alias.lower()}, {draw(NAMES)}"
    if shape == 2:
        return f"from {dots}{module} import {name}, {alias} as z"
    if shape == 3:
        return f"from {dots}{module} import (\n    {name},  # why\n    {alias},\n)"
    if shape == 4:
        return f"from {dots or '.'} import {name.lower()}"
    if shape == 5:
        return f"from {module} import *"
    return f"from {module} import {name} as \\\n    {alias}"


@st.composite
def block(draw, depth: int = 0) -> list[str]:
    kind = draw(st.integers(0, 11 if depth < 2 else 4))
    if kind <= 1:
        return [draw(import_line()) + draw(COMMENTS)]
    if kind == 2:
        return [f"{draw(IDENT)} = {draw(st.sampled_from(['1', 'a.b', 'None', '[1, 2]', 'f()']))}"]
    if kind == 3:
        return [f"__all__ = [{', '.join(repr(n) for n in draw(st.lists(IDENT, max_size=3)))}]"]
    if kind == 4:
        return ["pass"]
    body = [" " * 4 + line for part in draw(st.lists(block(depth + 1), min_size=1, max_size=3)) for line in part]
    if kind == 5:
        return [f"class {draw(IDENT)}{draw(BASES)}:" + draw(COMMENTS), *body]
    if kind == 6:
        return [f"def {draw(IDENT).lower()}(self):", *body]
    if kind == 7:
        test = draw(st.sampled_from(["TYPE_CHECKING", "typing.TYPE_CHECKING", "not TYPE_CHECKING",
                                     "__name__ == '__main__'", "sys.version_info >= (3, 11)", "HAS_X"]))
        other = [" " * 4 + line for line in draw(block(depth + 1))]
        return [f"if {test}:", *body, "else:", *other]
    if kind == 8:
        handler = [" " * 4 + line for line in draw(block(depth + 1))]
        return ["try:", *body, draw(HANDLERS), *handler]
    if kind == 9:
        return [f"with {draw(st.sampled_from(['pytest.raises(ImportError)', 'self.assertRaises(Exception)', 'open(p)']))}:", *body]
    if kind == 10:
        return ["for _ in range(3):", *body]
    return [f"class {draw(IDENT)}(enum.Enum):", "    A = 1", "    B = 'b'"]


@st.composite
def module(draw) -> bytes:
    lines = [line for part in draw(st.lists(block(), min_size=1, max_size=8)) for line in part]
    text = "\n".join(lines) + "\n"
    head = draw(st.sampled_from(["", "# -*- coding: latin-1 -*-\n", '"""Doc."""\n', "#!/usr/bin/env python\n"]))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    data = (head + text).replace("\n", newline)
    encoding = "latin-1" if "latin-1" in head else "utf-8"
    extra = draw(st.sampled_from(["", "# café\n"]))
    return data.encode(encoding) + extra.encode(encoding)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(module())
def test_generated_modules_summarise_the_same(data):
    try:  # only valid modules: both engines must analyse them
        compile(data, "<generated>", "exec")
    except SyntaxError:
        assume(False)
    cst, fallback = both(data)
    assert cst == fallback


# -- real code -------------------------------------------------------------------------------
def _stdlib_slice(count: int) -> list[Path]:
    files = sorted(p for p in STDLIB.rglob("*.py") if "site-packages" not in p.parts and p.is_file())
    return random.Random(17).sample(files, min(count, len(files)))


@pytest.mark.skipif(not STDLIB.is_dir(), reason="no standard library sources on this interpreter")
@pytest.mark.parametrize("path", _stdlib_slice(80) if STDLIB.is_dir() else [], ids=lambda p: p.name)
def test_the_standard_library_summarises_the_same(path):
    cst, fallback = both(path.read_bytes())
    assert cst == fallback


def test_ast_engine_is_chosen_by_configuration_and_flag(make_repo, cli):
    root = make_repo({"app/__init__.py": "", "app/a.py": "from app.b import Missing\n", "app/b.py": "X = 1\n"},
                     config='parser = "ast"\n')
    configured = cli("check", str(root), "--format", "json", "--verbose", "--jobs", "1", "--profile")
    assert configured.code == 1
    flagged = cli("check", str(root), "--format", "json", "--jobs", "1", "--parser", "libcst", "--profile")
    assert flagged.json()["violations"] == configured.json()["violations"]
    assert "3 parsed" in flagged.err  # the other engine's summaries are not reused
    again = cli("check", str(root), "--format", "json", "--jobs", "1", "--profile")
    assert "0 parsed" in again.err
    bad = make_repo({"a.py": ""}, config='parser = "fast"\n', name="bad")
    result = cli("check", str(bad))
    assert result.code == 2 and "tool.ssotlint.parser must be 'libcst' or 'ast'" in result.err


# -- files too large for LibCST ------------------------------------------------------------
def test_a_huge_file_is_walked_with_ast_and_its_findings_stay(make_repo, cli):
    """LibCST reads about 150 KB a second: a generated module of several MB (manticore's
    per-instruction CPU tests) would cost a cold run half a minute. Past HUGE_FILE the
    interpreter's tree gives the same facts; the user sees which files, with --verbose."""
    filler = "".join(f"def case_{i}():\n    return {i}\n\n\n" for i in range(22_000))
    root = make_repo({
        "app/__init__.py": "",
        "app/models.py": "X = 1\n",
        "app/huge.py": filler + "from app.models import Gone\n",
        "app/small.py": "from app.models import Lost\n",
    })
    huge = (root / "app/huge.py").read_text()
    assert len(huge) > 512 * 1024
    result = cli("check", str(root), "--no-cache", "--format", "json")

    found = {(v["path"], v["line"]) for v in json.loads(result.out)["violations"] if v["rule"] == "SSOT003"}
    assert found == {("app/huge.py", huge.count("\n")), ("app/small.py", 1)}
    text = cli("check", str(root), "--no-cache", "--verbose")
    assert f"app/huge.py: {len(huge):,} characters; analysed with CPython's ast" in text.err
    assert "app/small.py:" not in text.err
