"""Test data is not code: files in the test tree that no test runner collects, that are no
script and that nothing imports are not checked by SSOT000, SSOT003 and SSOT005, nor scored.

What the test runner collects is read from the project's pytest configuration, statically.
"""

from __future__ import annotations

import pytest

BROKEN = "from app import gone\n"

FILES = {
    "app/__init__.py": "",
    "app/core.py": "X = 1\n",
    "tests/__init__.py": "",
    "tests/check_api.py": BROKEN,  # collected only when python_files names check_*.py
    "tests/api_test.py": BROKEN,  # collected by pytest's default python_files
    "tests/input/__init__.py": "",
    "tests/input/bad_syntax.py": "def f(:\n    pass\n",
    "tests/input/bad_import.py": "from tests.input import bad_syntax\nimport app.missing\r\n",
}


def reported(result) -> set[tuple[str, str]]:
    return {(v["rule"], v["path"]) for v in result.json()["violations"]}


def test_test_data_is_not_reported_by_default(make_repo, cli):
    root = make_repo(FILES)
    result = cli("check", str(root), "--format", "json", "--no-cache")
    assert reported(result) == {("SSOT003", "tests/api_test.py")}
    # The files are analysed; the broken one is not counted as unparsable.
    assert result.json()["summary"]["files_not_analysed"] == 0


def test_skip_test_data_false_checks_it(make_repo, cli):
    root = make_repo(FILES, config="skip-test-data = false\n")
    result = cli("check", str(root), "--format", "json", "--no-cache")
    assert reported(result) == {
        ("SSOT003", "tests/api_test.py"), ("SSOT003", "tests/check_api.py"), ("SSOT000", "tests/input/bad_syntax.py"),
        ("SSOT003", "tests/input/bad_import.py"), ("SSOT005", "tests/input/bad_import.py"),
    }


def test_a_wrong_type_is_a_configuration_error(make_repo, cli):
    root = make_repo(FILES, config='skip-test-data = "no"\n')
    result = cli("check", str(root), "--no-cache")
    assert result.code == 2
    assert "tool.ssotlint.skip-test-data must be true or false" in result.err


PYTEST_CONFIGS = {
    "pytest.ini": ("pytest.ini", "[pytest]\npython_files = check_*.py\n"),
    "pyproject ini_options": ("pyproject.toml", '[tool.pytest.ini_options]\npython_files = ["check_*.py"]\n'),
    "pyproject string": ("pyproject.toml", '[tool.pytest.ini_options]\npython_files = "check_*.py"\n'),
    "pytest 9 table": ("pyproject.toml", '[tool.pytest]\npython_files = ["check_*.py"]\n'),
    "tox.ini": ("tox.ini", "[tox]\nenvlist = lint\n[pytest]\npython_files = check_*.py\n"),
    "setup.cfg": ("setup.cfg", "[metadata]\nname = demo\n[tool:pytest]\npython_files =\n    check_*.py\n"),
}


@pytest.mark.parametrize("name, content", PYTEST_CONFIGS.values(), ids=list(PYTEST_CONFIGS))
def test_python_files_come_from_the_pytest_configuration(make_repo, cli, name, content):
    """``check_*.py`` collected, ``*_test.py`` no longer: it is test data."""
    root = make_repo({**FILES, name: content})
    result = cli("check", str(root), "--format", "json", "--no-cache")
    assert reported(result) == {("SSOT003", "tests/check_api.py")}


def test_pytest_ini_wins_even_without_a_pytest_section(make_repo, cli):
    """pytest's own order: pytest.ini first, whatever it holds (here: the defaults)."""
    pyproject = '[tool.pytest.ini_options]\npython_files = ["check_*.py"]\n'
    root = make_repo({**FILES, "pytest.ini": "# nothing here\n", "pyproject.toml": pyproject})
    result = cli("check", str(root), "--format", "json", "--no-cache")
    assert reported(result) == {("SSOT003", "tests/api_test.py")}


def test_doctest_modules_collects_every_module_but_not_where_pytest_does_not_go(make_repo, cli):
    ini = "[pytest]\naddopts = -q --doctest-modules\nnorecursedirs = .* tests/input\n"
    root = make_repo({**FILES, "pytest.ini": ini, "tests/helper.py": BROKEN})
    result = cli("check", str(root), "--format", "json", "--no-cache")
    assert reported(result) == {
        ("SSOT003", "tests/api_test.py"), ("SSOT003", "tests/check_api.py"), ("SSOT003", "tests/helper.py"),
    }
    # A conftest.py where pytest does not go is not loaded either; unittest's test*.py is
    # collected wherever it is.
    root2 = make_repo(
        {**FILES, "pytest.ini": "[pytest]\nnorecursedirs = input\n", "tests/input/conftest.py": BROKEN,
         "tests/input/tests_unittest.py": BROKEN},
        name="repo2",
    )
    assert reported(cli("check", str(root2), "--format", "json", "--no-cache")) == {
        ("SSOT003", "tests/api_test.py"), ("SSOT003", "tests/input/tests_unittest.py"),
    }


def test_imported_test_data_is_code(make_repo, cli):
    root = make_repo({**FILES, "tests/test_checker.py": "from tests.input import bad_import\n"})
    result = cli("check", str(root), "--format", "json", "--no-cache")
    assert reported(result) == {
        ("SSOT003", "tests/api_test.py"), ("SSOT000", "tests/input/bad_syntax.py"),
        ("SSOT003", "tests/input/bad_import.py"), ("SSOT005", "tests/input/bad_import.py"),
    }


def test_verbose_says_how_many_files_are_test_data(make_repo, cli):
    root = make_repo(FILES)
    quiet = cli("check", str(root), "--no-cache")
    assert "test data" not in quiet.err
    verbose = cli("check", str(root), "--no-cache", "--verbose")
    lines = [line for line in verbose.err.splitlines() if "test data" in line]
    assert lines == [
        "ssotlint: note: 4 files treated as test data (in the test tree, collected by no test runner, no script, "
        "imported by nothing): not checked by SSOT000, SSOT003 and SSOT005, no SSOT002 cycle, and not scored "
        "(skip-test-data = false checks them)"
    ]


def test_test_data_is_not_scored(make_repo, cli):
    cycle = {"tests/input/cyc_a.py": "from tests.input import cyc_b\n", "tests/input/cyc_b.py": "from tests.input import cyc_a\n"}
    root = make_repo({**FILES, **cycle})
    score = cli("score", str(root), "--format", "json", "--no-cache").json()
    # 10 files, 6 of them test data; scored: app/__init__, app/core, tests/__init__ (the
    # package of a collected test) and tests/api_test.py.
    assert score["overall"]["files"] == 4
    assert score["tests"]["files"] == 2
    # A cycle of test data is not reported (SSOT002 passes over it: nothing that runs
    # imports it), nor scored.
    check = cli("check", str(root), "--format", "json", "--no-cache")
    assert reported(check) == {("SSOT003", "tests/api_test.py")}
    assert score["overall"]["files_with_violations"] == 1
    assert score["overall"]["violations"] == 1
    assert score["by_rule"] == {"SSOT003": 1}


def test_a_suppression_in_test_data_is_not_unused(make_repo, cli):
    files = {**FILES, "tests/input/bad_import.py": "import app.missing  # ssotlint: ignore[SSOT003]\nimport os  # ssotlint: ignore\n"}
    root = make_repo(files)
    result = cli("check", str(root), "--format", "json", "--no-cache")
    assert reported(result) == {("SSOT003", "tests/api_test.py")}
    # SSOT007 still judges the codes of other rules there.
    files["tests/input/bad_import.py"] = "import os  # ssotlint: ignore[SSOT002]\n"
    root2 = make_repo(files, name="repo2")
    assert ("SSOT007", "tests/input/bad_import.py") in reported(cli("check", str(root2), "--format", "json", "--no-cache"))


def test_a_script_with_a_python_shebang_is_code_not_test_data(make_repo, cli):
    """pexpect's ``tests/ticker.py`` (``#!/usr/bin/env python``, no ``__main__`` block) is a
    program a test runs (``./ticker.py``): its Python 2 syntax is reported; a shebang naming
    another interpreter, one below the first line, or one in a folder of test inputs
    (``tests/data/``) says nothing."""
    root = make_repo({
        "tests/__init__.py": "",
        "tests/ticker.py": "#!/usr/bin/env python\nimport time\nprint 'tick'\n",
        # (a shebang naming python2 would make it Python 2 code, which SSOT000 does not judge)
        "tests/platform_checks/check2.py": "#! /usr/bin/python3.11\nprint 'x'\n",
        "tests/input/bash_tool.py": "#!/bin/sh\nprint 'x'\n",
        "tests/input/late.py": "x = 1\n#!/usr/bin/env python\nprint 'x'\n",
        # lib2to3's inputs keep their shebangs: a sample of a script, read as text
        "tests/data/false_encoding.py": "#!/usr/bin/env python\nprint '#coding=0'\n",
    })
    result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT000")
    assert reported(result) == {("SSOT000", "tests/ticker.py"), ("SSOT000", "tests/platform_checks/check2.py")}


def test_ide_settings_folders_are_not_analysed(make_repo, cli):
    """PyCharm's file templates (``.idea/fileTemplates/Nox Pipeline.py``: ``def ${NAME}(...)``)
    and VS Code's settings are the editor's, never run: not discovered, like ``.venv``; a
    project's ``.github/scripts/`` are code."""
    root = make_repo({
        "app/__init__.py": "",
        ".idea/fileTemplates/Nox Pipeline.py": "import nox\n\n@nox.session\ndef ${NAME}(session):\n    pass\n",
        ".vscode/snippet.py": "def ${1:name}():\n    pass\n",
        ".github/scripts/release.py": "def f(:\n    pass\n",
    }, git_init=True)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT000")
    assert reported(result) == {("SSOT000", ".github/scripts/release.py")}
