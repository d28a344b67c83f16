"""Smoke test on real code nobody here wrote: the running interpreter's standard library.

Every file is either analysed or reported as SSOT000 with a message; nothing crashes.
(The stdlib holds files that defeat LibCST — deep nesting, huge concatenations in
pydoc_data/topics.py, 3.11 grammar LibCST rejects — and deliberately broken test data.)
"""

from __future__ import annotations

import shutil
import sysconfig
from pathlib import Path

import pytest

from ssotlint.rules.ssot000_syntax_error import named_broken
from tests.conftest import run_process

STDLIB = Path(sysconfig.get_paths()["stdlib"])


@pytest.fixture(scope="module")
def stdlib_copy(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("stdlib") / "repo"
    shutil.copytree(STDLIB, root, ignore=shutil.ignore_patterns("site-packages", "__pycache__", "*.pyc"), symlinks=True)
    (root / "pyproject.toml").write_text('[tool.ssotlint]\nexclude = ["__pycache__"]\n')
    return root


def test_whole_stdlib_is_analysed_or_reported(stdlib_copy):
    expected = sum(1 for p in stdlib_copy.rglob("*.py") if p.is_file() and not p.is_symlink())
    result = run_process("check", str(stdlib_copy), "--format", "json", "--no-cache", timeout=1200)
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
    assert len(unparsable) + len(inputs) == summary["files_not_analysed"]
    assert all(v["message"] for v in unparsable)
    # Other deliberately broken files exist in the stdlib's tests, but they are few.
    assert 0 < len(unparsable) < 60
    assert any(v["path"].endswith("py2_test_grammar.py") and "leading zeros" in v["message"] for v in unparsable)
    # A file LibCST cannot parse is still analysed, by CPython's ast.
    assert "pydoc_data/topics.py" not in {v["path"] for v in unparsable}


def _compiles(path: Path) -> bool:
    try:
        compile(path.read_bytes(), str(path), "exec", dont_inherit=True)
    except (SyntaxError, ValueError):
        return False
    return True
