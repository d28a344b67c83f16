"""The cache's storage format: what is written reads back equal, and nothing else reads back."""

from __future__ import annotations

from pathlib import Path

import pytest

from ssotlint import storage
from ssotlint.extract.summarize import summarize
from ssotlint.extract.summary import FileSummary
from ssotlint.pipeline import Outcome
from ssotlint.rules.base import Violation

from tests.conftest import REPO_ROOT

ROOT = REPO_ROOT
SOURCES = sorted(
    p for folder in ("examples/sample_repo", "tests/fixtures", "ssotlint") for p in (ROOT / folder).rglob("*.py")
)
ODD = {
    "surrogates.py": "# \udcff\nimport a.b as c\n".encode("utf-8", "surrogateescape"),
    "crlf.py": b"import os\r\nclass A(object):\r\n    pass\r\n",
    "syntax.py": b"def broken(:\n",
    "py2.py": b"print 'hello'\n",
    "everything.py": (
        b"from __future__ import annotations\nimport typing\nif typing.TYPE_CHECKING:\n    from x import Y\n"
        b"try:\n    import z\nexcept ImportError:\n    z = None\n__all__ = ['A', 'f']\n"
        b"class A(Base, metaclass=M):\n    def test_x(self): ...\nclass E(enum.Enum):\n    X = 1\n"
        b"def f(): import q\ndef __getattr__(name): ...\nglobals()['k'] = 1  # ssotlint: ignore[SSOT003]\n"
    ),
}


@pytest.mark.parametrize("engine", ["libcst", "ast"])
def test_every_summary_reads_back_equal(engine):
    """Every fact of a summary survives the cache. The engines give summaries of one type
    (tests/extract/test_engines.py compares them), so LibCST, several times slower, reads
    the sample and the fixtures, and CPython's ast also ssotlint's own code."""
    sources = SOURCES if engine == "ast" else [p for p in SOURCES if not p.is_relative_to(ROOT / "ssotlint")]
    datas = [p.read_bytes() for p in sources] + list(ODD.values())
    assert len(datas) > 60
    for data in datas:
        summary = summarize(data, use_libcst=engine == "libcst")
        assert storage.loads(storage.dumps(summary), FileSummary) == summary


def test_an_outcome_reads_back_equal():
    outcome = Outcome(
        ("a.py", "b\udcff.py"), ("a", None), (False, True), (True, False),
        [Violation("SSOT003", "a.py", 1, 0, "msg", "key", {"import": "x", "n": [1, None]}, "f" * 20)],
        ["b.py: fallback"],
    )
    assert storage.loads(storage.dumps(outcome), Outcome) == outcome


@pytest.mark.parametrize(
    "data",
    [
        b"", b"not json", b"\xff", b"null", b"{}", b"[]", b"[[]]",
        b'[null, [], [], [], [], [], null, false, [], 0, 0, 0, 0, "ast", "", "not a bool"]',
        b"[" * 200_000 + b"]" * 200_000,
    ],
)
def test_anything_else_is_refused(data):
    with pytest.raises(ValueError):
        storage.loads(data, FileSummary)
    with pytest.raises(ValueError):
        storage.loads(data, Outcome)


def test_a_field_of_the_wrong_type_is_refused():
    summary = summarize(b"import os\nclass A:\n    pass\n")
    good = storage.dumps(summary)
    assert storage.loads(good, FileSummary) == summary
    for bad in (
        good.replace(b'"os"', b"7"),  # a module name that is a number
        good.replace(b'"A"', b'["A"]'),  # a class name that is a list
        good.replace(b"true", b"1", 1) if b"true" in good else good.replace(b"false", b"0", 1),
    ):
        assert bad != good
        with pytest.raises(ValueError):
            storage.loads(bad, FileSummary)
