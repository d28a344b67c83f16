"""A file the project's conftest.py stops pytest collecting on older Pythons is judged for
the version that collects it: in the working tree (check), in a commit (diff) and along a
history (score --history), where a commit that changes the conftest changes the verdicts.

Seen: strawberry keeps 3.12-only tests in ``tests/python_312/`` (a ``pytest_ignore_collect``
hook returns True there before 3.12), hypothesis names them ``cover/*py312*.py`` (added to
``collect_ignore_glob`` in a loop over minor versions), SQLAlchemy ``*_py314.py``. The
conftest is read as text, never run.
"""

from __future__ import annotations

import sys

import pytest

from tests.conftest import git, write_files

RUNNING = sys.version_info[:2]
NEWER = (3, RUNNING[1] + 1)
NEWER_TEXT = f"{NEWER[0]}.{NEWER[1]}"
pytestmark = pytest.mark.skipif(RUNNING >= (3, 12), reason="the interpreter itself accepts 3.12 syntax")

# Python 3.12 syntax, then a broken first-party import: when the file is judged for a newer
# target it parses, and the import is found.
NEW_SYNTAX = "import os\ntype Alias = int\nfrom app.missing import X\n"
PYPROJECT = f'[project]\nname = "app"\nrequires-python = ">={RUNNING[0]}.{RUNNING[1]}"\n'

HOOK = (
    "import sys\n\n\n"
    "def pytest_ignore_collect(collection_path, config):\n"
    f"    if sys.version_info < {NEWER} and \"python_new\" in collection_path.parts:\n"
    "        return True\n"
    "    return None\n"
)
HOOK_NESTED = (
    "import sys\n\n\n"
    "def pytest_ignore_collect(collection_path, config):\n"
    f"    if sys.version_info < {NEWER}:\n"
    "        if collection_path.name == 'test_generics_new.py':\n"
    "            return True\n"
)
LOOP = (
    "import sys\n\ncollect_ignore_glob = ['django/*']\n"
    "for minor_increment in range(10):\n"
    "    minor = 10 + minor_increment\n"
    "    if sys.version_info < (3, minor):\n"
    "        collect_ignore_glob.append(f'cover/*py3{minor}*.py')\n"
)
APPEND = f"import sys\n\ncollect_ignore = []\nif sys.version_info < {NEWER}:\n    collect_ignore.append('test_new_syntax.py')\n"


def found(result) -> list[tuple[str, str, int]]:
    return sorted((v["rule"], v["path"], v["line"]) for v in result.json()["violations"])


@pytest.mark.parametrize(
    "conftest, gated, ungated",
    [
        (HOOK, "tests/python_new/test_generics.py", "tests/other/test_generics.py"),
        (HOOK_NESTED, "tests/deep/test_generics_new.py", "tests/deep/test_generics.py"),
        (LOOP, f"tests/cover/test_alias_py3{NEWER[1]}.py", "tests/cover/test_alias.py"),
        (APPEND, "tests/test_new_syntax.py", "tests/test_other_syntax.py"),
    ],
)
def test_files_the_conftest_skips_before_a_newer_python_are_judged_for_it(make_repo, cli, conftest, gated, ungated):
    root = make_repo({
        "pyproject.toml": PYPROJECT,
        "app/__init__.py": "",
        "tests/conftest.py": conftest,
        gated: NEW_SYNTAX,
        ungated: NEW_SYNTAX,
    })
    result = cli("check", str(root), "--format", "json", "--no-cache")
    assert found(result) == [("SSOT000", ungated, 2), ("SSOT003", gated, 3)]
    assert "tests/conftest.py stops pytest collecting files on older Pythons" in result.err


def test_a_gate_for_another_check_or_an_older_python_changes_nothing(make_repo, cli):
    conftest = (
        "import sys\n\ncollect_ignore = []\n"
        "if sys.version_info >= (3, 11):\n    collect_ignore.append('test_a.py')\n"  # newer Pythons skip it
        "if sys.version_info < (3, 8):\n    collect_ignore.append('test_b.py')\n"  # only older than running
        "if sys.platform == 'win32':\n    collect_ignore.append('test_c.py')\n"
        # older Pythons on other platforms collect it
        f"if sys.version_info < {NEWER} and sys.platform == 'win32':\n    collect_ignore.append('test_d.py')\n"
        "def pytest_ignore_collect(collection_path, config):\n"
        f"    if sys.version_info < {NEWER} and sys.platform == 'win32' and 'python_new' in collection_path.parts:\n"
        "        return True\n"
    )
    root = make_repo({
        "pyproject.toml": PYPROJECT,
        "app/__init__.py": "",
        "tests/conftest.py": conftest,
        **{f"tests/test_{n}.py": NEW_SYNTAX for n in "abcd"},
        "tests/python_new/test_e.py": NEW_SYNTAX,
    })
    result = cli("check", str(root), "--format", "json", "--no-cache")
    expected = [("SSOT000", f"tests/test_{n}.py", 2) for n in "abcd"]
    assert found(result) == [("SSOT000", "tests/python_new/test_e.py", 2), *expected]
    assert "stops pytest collecting" not in result.err


def test_history_sees_a_commit_that_gates_the_files(make_repo, cli):
    files = {
        "pyproject.toml": PYPROJECT,
        "app/__init__.py": "",
        "tests/conftest.py": HOOK,
        "tests/python_new/test_generics.py": NEW_SYNTAX,
    }
    root = make_repo(files, git_init=True)
    # Second commit: the conftest no longer gates the folder; third: it does again.
    write_files(root, {"tests/conftest.py": "import pytest\n"})
    git(root, "commit", "-qam", "ungate")
    write_files(root, {"tests/conftest.py": HOOK, "app/x.py": "X = 1\n"})
    git(root, "add", "-A")
    git(root, "commit", "-qm", "gate the newer tests again")
    result = cli("score", "--history", str(root), "--format", "json", "--no-cache")
    assert result.code == 0, result.err
    commits = result.json()["commits"]
    assert [c["by_rule"].get("SSOT000", 0) for c in commits] == [0, 1, 0]
    assert [c["by_rule"].get("SSOT003", 0) for c in commits] == [1, 0, 1]
    # and diff judges the base commit by its own conftest
    diff = cli("diff", str(root), "--base", "HEAD~1", "--format", "json", "--no-cache").json()
    assert [(v["path"], v["rule"]) for v in diff["fixed"]] == [("tests/python_new/test_generics.py", "SSOT000")]
    same = cli("diff", str(root), "--base", "HEAD~2", "--format", "json", "--no-cache").json()
    assert (same["new"], same["fixed"]) == ([], [])  # the first commit gated them too


def test_a_file_whose_name_ends_with_a_newer_python_is_judged_for_it(make_repo, cli):
    """dd-trace-py keeps ``tests/wrapping/test_pep695_py312.py`` and ``test_tstrings_py314.py``
    in a project that supports 3.9, and its conftest collects each only from the version its
    name ends with (computed from the name, which the gates above cannot read)."""
    named = f"tests/test_generics_py3{NEWER[1]}.py"
    underscored = f"app/compat_py3_{NEWER[1]}.py"
    root = make_repo({
        "pyproject.toml": PYPROJECT,
        "app/__init__.py": "",
        named: NEW_SYNTAX,
        underscored: NEW_SYNTAX,
        "tests/test_generics.py": NEW_SYNTAX,  # no version in its name
        "tests/test_generics_py3.py": NEW_SYNTAX,  # no minor version
        f"tests/test_py3{NEWER[1]}_generics.py": NEW_SYNTAX,  # not at the end
        f"tests/test_generics_py3{NEWER[1]}.py.orig": NEW_SYNTAX,
        "app/broken_py313.py": "def f(:\n    pass\n",  # a syntax error no Python accepts
    })
    result = cli("check", str(root), "--format", "json", "--no-cache")
    assert found(result) == [
        ("SSOT000", "app/broken_py313.py", 1),
        ("SSOT000", "tests/test_generics.py", 2),
        ("SSOT000", "tests/test_generics_py3.py", 2),
        ("SSOT000", f"tests/test_py3{NEWER[1]}_generics.py", 2),
        ("SSOT003", underscored, 3),
        ("SSOT003", named, 3),
    ]
    assert (
        f"3 files' names say a Python newer than the running Python {RUNNING[0]}.{RUNNING[1]} "
        f"(app/broken_py313.py for 3.13, {underscored} for {NEWER_TEXT}, {named} for {NEWER_TEXT})"
    ) in result.err


def test_history_judges_a_file_by_the_version_its_name_says(make_repo, cli):
    named = f"tests/test_generics_py3{NEWER[1]}.py"
    root = make_repo({"pyproject.toml": PYPROJECT, "app/__init__.py": "", "tests/test_generics.py": NEW_SYNTAX},
                     git_init=True)
    git(root, "mv", "tests/test_generics.py", named)
    git(root, "commit", "-qm", "name the test for the Python it needs")
    result = cli("score", "--history", str(root), "--format", "json", "--no-cache")
    assert result.code == 0, result.err
    commits = result.json()["commits"]
    assert [c["by_rule"].get("SSOT000", 0) for c in commits] == [1, 0]
    assert [c["by_rule"].get("SSOT003", 0) for c in commits] == [0, 1]
    assert "names say a Python newer" in result.err or "name says a Python newer" in result.err
