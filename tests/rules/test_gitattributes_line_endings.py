"""Line endings the project keeps on purpose: a path ``.gitattributes`` marks ``-text``,
``binary`` or ``eol=crlf`` is stored and checked out as written (pylint's lint inputs), so
SSOT005 does not report it, and a test-tree file so marked that no runner collects and
nothing imports is test data even with a ``__main__`` block of its own."""

from __future__ import annotations

import pytest

from ssotlint.gitattributes import KeptEndings, parse_attributes

ATTRIBUTES = (
    "* text=auto\n"
    "tests/**/functional/** -text\n"
    "tests/regrtest_data/** -text\n"
    "*.bat eol=crlf\n"
    "legacy/*.py binary\n"
    "legacy/keep.py text\n"
    "docs/examples/ -text\n"
)


@pytest.mark.parametrize(
    ("path", "kept"),
    [
        ("tests/functional/c/crlf.py", True),
        ("tests/unit/functional/deep/x.py", True),
        ("tests/regrtest_data/crash.py", True),
        ("run.bat", True),
        ("tools/run.bat", True),  # no slash: a file name at any depth
        ("legacy/old.py", True),
        ("legacy/keep.py", False),  # a later line sets text again
        ("legacy/sub/old.py", False),  # `*` does not span folders
        ("docs/examples/x.py", False),  # a folder pattern applies to no file inside it
        ("app/core.py", False),
        ("tests/test_functional.py", False),
    ],
)
def test_which_paths_git_keeps_as_written(path, kept):
    assert KeptEndings(parse_attributes(ATTRIBUTES)).kept(path) is kept


@pytest.mark.parametrize(
    ("attributes", "kept"),
    [
        ("* text=auto\n*.py text eol=lf\n", False),  # lines that keep nothing
        ("*.py text eol=lf\n*.py -text\n", True),  # the keeping line comes last
        ("*.py -text\n*.py text eol=lf\n", False),  # and here first: the later line wins
        ("*.py eol=crlf\n", True),
        # git's old name of `text`: guildai's `* -crlf`; `crlf=input` sets it, with LF.
        ("* -crlf\n", True),
        ("* -crlf\n*.py crlf=input\n", False),
        ("* -crlf\n*.py crlf\n", False),
    ],
)
def test_only_a_line_that_keeps_endings_can_keep_a_path(attributes, kept):
    assert KeptEndings(parse_attributes(attributes)).kept("app/core.py") is kept


@pytest.mark.parametrize(
    ("attributes", "kept"),
    [
        # sphinx: a macro for CRLF files, applied to an encoding test input
        ("[attr]unix text eol=lf\n*.py unix\n[attr]dos text eol=crlf\napp/core.py dos\n", True),
        ("[attr]dos text eol=crlf\n*.bat dos\n", False),  # another path
        ("[attr]unix text eol=lf\napp/*.py unix\n", False),  # a macro that keeps nothing
        ("[attr]raw -text -diff\n[attr]fixture raw\napp/*.py fixture\n", True),  # a macro naming a macro
        ("[attr]loop loop\napp/*.py loop\n", False),  # a loop of macros stops
        ("[attr]binary text\napp/*.py binary\n", True),  # the built-in cannot be redefined
    ],
)
def test_a_macro_stands_for_the_attributes_it_names(attributes, kept):
    assert KeptEndings(parse_attributes(attributes)).kept("app/core.py") is kept


def reported(result) -> set[tuple[str, str]]:
    return {(v["rule"], v["path"]) for v in result.json()["violations"]}


def test_line_endings_kept_by_gitattributes_are_not_reported(make_repo, cli):
    files = {
        ".gitattributes": ATTRIBUTES,
        "app/__init__.py": "",
        "app/core.py": "X = 1\r\nY = 2\r\n",
        "legacy/__init__.py": "",
        "legacy/old.py": "X = 1\r\n",  # product code, stored byte for byte (`binary`)
        "tests/__init__.py": "",
        "tests/test_lint.py": "def test_it():\n    assert open('tests/functional/c/crlf.py', 'rb').read()\n",
        # A lint input with a `__main__` block of its own: test data all the same.
        "tests/functional/c/crlf.py": "import os\r\n\r\nif __name__ == '__main__':\r\n    print(os)\r\n",
        "tests/regrtest_data/crash.py": "print 'python 2'\n\nif __name__ == '__main__':\n    main()\n",
    }
    result = cli("check", str(make_repo(files)), "--format", "json", "--no-cache")
    assert reported(result) == {("SSOT005", "app/core.py")}


def test_without_the_attributes_the_same_files_are_reported(make_repo, cli):
    files = {
        "app/__init__.py": "",
        "tests/__init__.py": "",
        "tests/functional/c/crlf.py": "import os\r\n\r\nif __name__ == '__main__':\r\n    print(os)\r\n",
        "tests/regrtest_data/crash.py": "print 'python 2'\n\nif __name__ == '__main__':\n    main()\n",
    }
    result = cli("check", str(make_repo(files)), "--format", "json", "--no-cache")
    assert reported(result) == {("SSOT005", "tests/functional/c/crlf.py"), ("SSOT000", "tests/regrtest_data/crash.py")}
