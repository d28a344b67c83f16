"""Line endings the project's ``.editorconfig`` asks for (``end_of_line = crlf``: Mengine's
game scripts, every ``.py`` committed with CRLF) are the project's choice: SSOT005 does not
report them. Unlike a path ``.gitattributes`` keeps byte for byte, the choice says nothing
of what a file is: a test-tree file under it is not made test data."""

from __future__ import annotations

import pytest

from ssotlint.editorconfig import end_of_line, parse_editor_endings

EDITORCONFIG = (
    "root = true\n"
    "end_of_line = cr\n"  # the preamble sets nothing for files
    "\n"
    "[*]\n"
    "charset = utf-8\n"
    "end_of_line = lf\n"
    "\n"
    "# Windows tooling\n"
    "[{*.bat,*.cmd}]\n"
    "end_of_line = crlf\n"
    "\n"
    "[scripts/**.py]\n"
    "END_OF_LINE = CRLF\n"
    "\n"
    "[/vendor/*.py]\n"
    "end_of_line = crlf\n"
    "\n"
    "[logs/day{1..3}.py]\n"
    "end_of_line = crlf\n"
    "\n"
    "[scripts/keep_lf.py]\n"
    "end_of_line = lf\n"
    "\n"
    "[{src,lib}/{a,b{c,d}}.py]\n"
    "end_of_line = crlf\n"
    "\n"
    "[big{1..5000}.py]\n"  # too many to expand: no file
    "end_of_line = crlf\n"
    "\n"
    "[n{1..40}x{1..40}.py]\n"  # 1,600 together: too many too
    "end_of_line = crlf\n"
)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("app/core.py", "lf"),
        ("run.bat", "crlf"),
        ("tools/deep/run.cmd", "crlf"),  # no slash: a file name at any depth
        ("scripts/a.py", "crlf"),
        ("scripts/sub/b.py", "crlf"),  # `**` spans folders
        ("scripts/keep_lf.py", "lf"),  # a later section wins
        ("vendor/lib.py", "crlf"),
        ("vendor/sub/lib.py", "lf"),  # `*` does not span folders
        ("app/vendor/lib.py", "lf"),  # a glob with a slash is anchored at the file's folder
        ("logs/day2.py", "crlf"),
        ("logs/day4.py", "lf"),  # outside the range
        ("lib/bd.py", "crlf"),  # nested braces
        ("src/a.py", "crlf"),
        ("src/b.py", "lf"),
        ("big7.py", "lf"),
        ("n7x9.py", "lf"),
    ],
)
def test_which_ending_a_path_is_given(path, value):
    assert end_of_line(parse_editor_endings(EDITORCONFIG), path) == value


def test_a_glob_no_pattern_can_stand_for_applies_to_no_file():
    text = "[*.py]\nend_of_line = crlf\n\n[[z-a]*.py]\nend_of_line = lf\n"
    assert end_of_line(parse_editor_endings(text), "app/core.py") == "crlf"


def test_no_file_or_no_setting_gives_nothing():
    assert end_of_line(parse_editor_endings(None), "app/core.py") == ""
    assert end_of_line(parse_editor_endings("[*.py]\nindent_size = 4\n"), "app/core.py") == ""


def reported(result) -> set[tuple[str, str]]:
    return {(v["rule"], v["path"]) for v in result.json()["violations"]}


def test_line_endings_the_editorconfig_asks_for_are_not_reported(make_repo, cli):
    files = {
        ".editorconfig": "root = true\n\n[*]\nend_of_line = crlf\n\n[tools/*.py]\nend_of_line = lf\n",
        "app/__init__.py": "",
        "app/core.py": "X = 1\r\nY = 2\r\n",
        "tools/__init__.py": "",
        "tools/build.py": "X = 1\r\n",  # its own section asks for LF
        "tests/__init__.py": "",
        # Not test data for that: a Python 2 file in the test tree is still reported.
        "tests/regrtest_data/crash.py": "print 'python 2'\r\n\r\nif __name__ == '__main__':\r\n    main()\r\n",
    }
    result = cli("check", str(make_repo(files)), "--format", "json", "--no-cache")
    assert reported(result) == {("SSOT005", "tools/build.py"), ("SSOT000", "tests/regrtest_data/crash.py")}
