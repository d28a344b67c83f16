"""Smoke test on real code nobody here wrote: the running interpreter's standard library.

Every file is either analysed or reported as SSOT000 with a message; nothing crashes.
(The stdlib holds files that defeat LibCST — deep nesting, huge concatenations in
pydoc_data/topics.py, 3.11 grammar LibCST rejects — and deliberately broken test data.)
"""

from __future__ import annotations

import shutil
import sys
import sysconfig
from pathlib import Path

import pytest

from ssotlint.rules.ssot000_syntax_error import named_broken
from tests.conftest import run_process

STDLIB = Path(sysconfig.get_paths()["stdlib"])


# Of CPython's own test suite (``test/``, nearly half of the standard library's files, and
# as much of this test's time), the parts that hold what defeats parsers: test data broken on
# purpose or written in odd encodings, the grammar and pattern-matching tests, and the
# import system's circular-import data. The rest is ordinary test code, read in full by the
# rounds of real code the README reports.
_TEST_KEPT = (
    "tokenizedata", "encoded_modules", "test_future_stmt", "test_import", "test_grammar.py", "test_patma.py", "__init__.py",
)


def _ignored(folder: str, names: list[str]) -> set[str]:
    ignored = {n for n in names if n in ("site-packages", "__pycache__") or n.endswith(".pyc")}
    if Path(folder) == STDLIB / "test":
        ignored |= {n for n in names if n not in _TEST_KEPT and (n.endswith(".py") or (Path(folder) / n).is_dir())}
    return ignored


@pytest.fixture(scope="module")
def stdlib_copy(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("stdlib") / "repo"
    shutil.copytree(STDLIB, root, ignore=_ignored, symlinks=True)
    (root / "pyproject.toml").write_text('[tool.ssotlint]\nexclude = ["__pycache__"]\n')
    return root


def test_the_stdlib_and_the_hard_part_of_its_tests_are_analysed_or_reported(stdlib_copy):
    """The standard library, and of its own test suite the parts that defeat parsers
    (``_TEST_KEPT``), with CPython's ast as the engine (what decides SSOT000 whichever
    engine runs, and several times faster); LibCST on the files that defeat it is the next
    test's."""
    expected = sum(1 for p in stdlib_copy.rglob("*.py") if p.is_file() and not p.is_symlink())
    result = run_process("check", str(stdlib_copy), "--format", "json", "--no-cache", "--parser", "ast", timeout=1200)
    assert result.code in (0, 1), result.err
    assert "Traceback" not in result.err
    document = result.json()
    summary = document["summary"]
    assert document["files"] >= expected
    assert summary["files_analysed"] + summary["files_not_analysed"] == document["files"]
    unparsable = [v for v in document["violations"] if v["rule"] == "SSOT000"]
    # The test-tree inputs named for the error they hold (``test/badsyntax_*.py``) are
    # broken on purpose and not reported; every other file that does not compile is.
    inputs = [
        p for p in stdlib_copy.rglob("*.py")
        if named_broken(p.name) and p.relative_to(stdlib_copy).parts[0] == "test" and not _compiles(p)
    ]
    assert len(inputs) >= 5
    assert not {v["path"] for v in unparsable} & {p.relative_to(stdlib_copy).as_posix() for p in inputs}
    # Every file not analysed is reported or is such an input (one no test of the slice
    # names may count as test data instead, neither analysed nor reported).
    assert len(unparsable) <= summary["files_not_analysed"] <= len(unparsable) + len(inputs)
    assert all(v["message"] for v in unparsable)
    # Other deliberately broken files exist in the stdlib's tests, but they are few.
    assert 0 < len(unparsable) < 60
    assert any(v["path"].endswith("py2_test_grammar.py") and "leading zeros" in v["message"] for v in unparsable)


# What defeats LibCST in the standard library (huge concatenations, deep nesting, 3.11
# grammar it rejects) and what is broken on purpose.
_LIBCST_SLICE = ("pydoc_data", "lib2to3/tests/data", "test/test_grammar.py", "test/test_patma.py", "test/badsyntax_*.py")


def test_files_that_defeat_libcst_are_analysed_by_the_interpreters_parser(stdlib_copy, tmp_path):
    root = tmp_path / "slice"
    for pattern in _LIBCST_SLICE:
        for source in stdlib_copy.glob(pattern):
            target = root / source.relative_to(stdlib_copy)
            if source.is_dir():
                shutil.copytree(source, target, symlinks=True)
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target)
    (root / "pyproject.toml").write_text("[tool.ssotlint]\n")
    assert (root / "pydoc_data/topics.py").is_file()
    result = run_process("check", str(root), "--no-cache", "--parser", "libcst", "--verbose", timeout=1200)
    assert result.code in (0, 1), result.err
    assert "Traceback" not in result.err
    if sys.version_info[:2] == (3, 11):
        # LibCST 1.x rejects some of 3.11's test_grammar: the interpreter's parser reads it.
        assert "test/test_grammar.py: LibCST rejected valid Python" in result.err, result.err
    unparsable = [line for line in result.out.splitlines() if " SSOT000 " in line]
    assert not [line for line in unparsable if line.startswith(("pydoc_data/topics.py:", "test/test_grammar.py:", "test/test_patma.py:"))]
    assert any("py2_test_grammar.py:" in line and "leading zeros" in line for line in unparsable), unparsable


def _compiles(path: Path) -> bool:
    try:
        compile(path.read_bytes(), str(path), "exec", dont_inherit=True)
    except (SyntaxError, ValueError):
        return False
    return True
