"""``check --format github``: one workflow command per violation, escaped as GitHub requires."""

from __future__ import annotations

import re

from ssotlint.report.github import escape_data, escape_property, github_lines
from ssotlint.rules.base import Violation

ANNOTATION = re.compile(
    r"^::(?P<level>error|warning) file=(?P<file>[^,]+),line=(?P<line>\d+),col=(?P<col>\d+),"
    r"title=(?P<title>SSOT\d{3} [a-z-]+)::(?P<message>.+)$"
)


def test_one_annotation_per_violation(make_repo, cli):
    root = make_repo(
        {
            "app/__init__.py": "",
            "app/a.py": "import os\nfrom app.b import B\n",
            "app/b.py": "from app import a\n\nclass B: ...\n",
            "app/c.py": "import app.missing  # ssotlint: ignore[SSOT006]\n",
        }
    )
    result = cli("check", str(root), "--format", "github", "--no-cache", "--jobs", "1")
    expected = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1").json()["violations"]
    assert result.code == 1
    lines = result.out.splitlines()
    assert len(lines) == len(expected) == 3
    for line, v in zip(lines, expected):
        match = ANNOTATION.match(line)
        assert match, line
        assert match["file"] == v["path"]
        assert (int(match["line"]), int(match["col"])) == (v["line"], v["col"] + 1)
        assert match["title"] == f"{v['rule']} {v['name']}"
        assert match["level"] == ("warning" if v["rule"] == "SSOT007" else "error")
    assert lines[0].startswith("::error file=app/a.py,line=2,col=1,title=SSOT002 circular-import::circular import: app.a -> app.b -> app.a")
    assert "::" not in result.err


def test_clean_repository_prints_nothing(make_repo, cli, tmp_path):
    root = make_repo({"app/__init__.py": "", "app/a.py": "X = 1\n"})
    result = cli("check", str(root), "--format", "github", "--no-cache", "--jobs", "1")
    assert (result.code, result.out) == (0, "")


def test_output_file(make_repo, cli, tmp_path):
    root = make_repo({"app/__init__.py": "", "app/a.py": "import app.gone\n"})
    target = tmp_path / "annotations.txt"
    result = cli("check", str(root), "--format", "github", "-o", str(target), "--no-cache", "--jobs", "1")
    assert (result.code, result.out) == (1, "")
    assert target.read_text().startswith("::error file=app/a.py,line=1,col=1,title=SSOT003 broken-import::")


def test_escaping():
    assert escape_data("100% sure\r\nnext: a,b") == "100%25 sure%0D%0Anext: a,b"
    assert escape_property("dir,x/a:b%.py") == "dir%2Cx/a%3Ab%25.py"
    v = Violation("SSOT003", "odd,dir/a:b%c.py", 7, 4, "line one\nline two: 50%, done", key="k")
    assert github_lines([v]) == [
        "::error file=odd%2Cdir/a%3Ab%25c.py,line=7,col=5,title=SSOT003 broken-import::"
        "line one%0Aline two: 50%25, done"
    ]


def test_rule_level_decides_the_command():
    lines = github_lines(
        [
            Violation("SSOT007", "a.py", 1, 0, "unused suppression", key="k"),
            Violation("SSOT005", "a.py", 1, 0, "crlf", key="k"),
        ]
    )
    assert [line.split(" ", 1)[0] for line in lines] == ["::warning", "::error"]
