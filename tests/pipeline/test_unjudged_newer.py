"""Files written for a newer Python than the one running ssotlint that nothing here can judge.

A conftest collects ``*_py314.py`` only from Python 3.14 on (SQLAlchemy), and one such file
holds t-strings LibCST's parser fails on (``t"a " t"{b}"``, implicitly concatenated: a
parser bug, not a syntax error): the running interpreter rejects it, LibCST cannot say, so
the file is not judged (no SSOT000; a warning counts it), and its imports are still read
from the statements the interpreter parses (its broken import is found). Its twin, which
LibCST reads, is judged the same way: no finding for its syntax. A real syntax error in a
gated file that LibCST reads as one stays reported.
"""

from __future__ import annotations

import sys

import pytest

from ssotlint.extract import summarize as summarize_module
from ssotlint.extract.salvage import salvage
from ssotlint.extract.summarize import summarize

RUNNING = sys.version_info[:2]
pytestmark = pytest.mark.skipif(RUNNING >= (3, 14), reason="the interpreter itself reads t-strings")

CONFTEST = (
    "import sys\n\ncollect_ignore_glob = []\n\n"
    "if sys.version_info < (3, 14):\n    collect_ignore_glob.append(\"*_py314.py\")\n"
)
# LibCST 1.9 raises CSTLogicError on implicitly concatenated t-strings.
CONCATENATED = (
    "from app import tstring\nfrom app.missing import Gone\n\n\n"
    "class CompileTest:\n    def test_join(self):\n        status = 'x'\n"
    "        stmt = tstring(\n            t\"select a \"\n            t\"where b = {status}\"\n        )\n"
    "        return stmt\n"
)
SIMPLE = "from app import tstring\n\n\ndef test_one():\n    a = 5\n    return tstring(t\"select {a}\")\n"
BROKEN = "from app import tstring\n\n\ndef test_bad(:\n    return tstring(t\"select\")\n"


def found(result) -> list[tuple[str, str, int]]:
    return sorted((v["rule"], v["path"], v["line"]) for v in result.json()["violations"])


def test_a_gated_file_libcst_fails_on_is_not_judged_and_keeps_its_imports(make_repo, cli):
    root = make_repo({
        "pyproject.toml": '[project]\nname = "app"\nrequires-python = ">=3.10"\n',
        "app/__init__.py": "def tstring(t):\n    return t\n",
        "test/conftest.py": CONFTEST,
        "test/sql/test_tstrings_py314.py": CONCATENATED,
        "test/orm/test_tstring_py314.py": SIMPLE,
        "test/orm/test_broken_py314.py": BROKEN,
    })
    result = cli("check", str(root), "--format", "json", "--no-cache")
    assert found(result) == [
        ("SSOT000", "test/orm/test_broken_py314.py", 4),
        ("SSOT003", "test/sql/test_tstrings_py314.py", 2),
    ]
    if summarize(CONCATENATED.encode(), target="3.14").unjudged:  # LibCST still fails on it
        assert (
            "1 file (test/sql/test_tstrings_py314.py) written for Python 3.14 (the project's target, or a conftest "
            "that collects them from that version on) could not be judged" in result.err
        )


def test_a_parser_failure_is_no_verdict_a_parser_syntax_error_is(monkeypatch):
    import libcst

    text = "import os\nfrom app import models\nx = t'{os}'\nclass Box[T](Base):\n    item: T\n"
    judged = summarize(text.encode(), target="3.14")
    assert judged.problem is None and not judged.unjudged  # LibCST reads it: judged for 3.14

    def failing(*args, **kwargs):
        raise libcst.CSTLogicError("Logic error!")

    monkeypatch.setattr(libcst, "parse_module", failing)
    unjudged = summarize(text.encode(), target="3.14")
    assert unjudged.problem is None and unjudged.unjudged == "3.14"
    assert [r.module for r in unjudged.imports] == ["os", "app"]
    assert [(c.name, c.bases) for c in unjudged.classes] == [("Box", ("Base",))]
    assert unjudged.dynamic_names  # the names it binds are not all known
    assert "not judged" in unjudged.note
    # Without a newer target the interpreter's verdict stands.
    assert summarize(text.encode()).problem is not None

    def rejecting(*args, **kwargs):
        raise libcst.ParserSyntaxError("bad", lines=["x"], raw_line=1, raw_column=0)

    monkeypatch.setattr(libcst, "parse_module", rejecting)
    rejected = summarize(text.encode(), target="3.14")
    assert rejected.problem is not None and not rejected.unjudged
    assert summarize_module._RUNNING == f"{RUNNING[0]}.{RUNNING[1]}"


@pytest.mark.parametrize(
    "text, kept",
    [
        # A simple statement: `pass`, or its targets kept bound (`stmt = ...`).
        ("import a\nstmt = t'x' t'y'\nimport b\n", ["a", "b"]),
        # A generic class or function keeps its name and bases; a type alias its name.
        ("class Box[T](Base):\n    import c\ntype Alias[T] = list[T]\ndef f[T](x: T):\n    import d\n", ["c", "d"]),
        # A bad header of an `if` keeps its block.
        ("if (x := t'a' t'b'):\n    import e\nelse:\n    import f\n", ["e", "f"]),
    ],
)
def test_salvage_keeps_lines_and_the_statements_that_parse(text, kept):
    import ast

    salvaged = salvage(text)
    assert salvaged is not None
    assert salvaged.text.count("\n") == text.count("\n")
    imported = [n.names[0].name for n in ast.walk(salvaged.tree) if isinstance(n, ast.Import)]
    assert imported == kept
    lines = {n.names[0].name: n.lineno for n in ast.walk(salvaged.tree) if isinstance(n, ast.Import)}
    assert all(text.split("\n")[line - 1].strip() == f"import {name}" for name, line in lines.items())


def test_salvage_gives_up_on_what_it_cannot_replace():
    assert salvage("x = '''never closed\n") is None
    assert salvage("try:\n    pass\nelse x:\n    pass\n") is None
