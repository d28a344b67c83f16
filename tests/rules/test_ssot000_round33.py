"""SSOT000 on shapes a 33rd reading of unseen repositories found: beartype keeps test data
in the syntax of a newer Python than its oldest (PEP 695's ``type X = ...``) and imports it
only where that Python runs: under a flag its version module binds
(``IS_PYTHON_AT_LEAST_3_12 = IS_PYTHON_AT_LEAST_3_13 or version_info >= (3, 12)``),
imported in the test function that tests it, or in a test a version skip marks
(``@skip_if_python_version_less_than('3.12.0')``, ``@pytest.mark.skipif(sys.version_info <
(3, 12), ...)``). The running interpreter cannot judge such a file; it is listed in a
warning, not reported. (3.99 stands for a Python newer than any running one.)"""

from __future__ import annotations

import pytest

_VERSIONS = (
    "from sys import version_info\n\n"
    "IS_PYTHON_AT_LEAST_4_0 = version_info >= (4, 0)\n"
    "IS_PYTHON_AT_LEAST_3_99 = IS_PYTHON_AT_LEAST_4_0 or version_info >= (3, 99)\n"
)
_DATA = "def newer(:\n    pass\n"  # stands for syntax only the newer Python reads


def _findings(make_repo, cli, test: str) -> tuple[list[tuple[str, int]], str]:
    root = make_repo({
        "lib/__init__.py": "",
        "lib/versions.py": _VERSIONS,
        "lib_test/__init__.py": "",
        "lib_test/data/__init__.py": "",
        "lib_test/data/data_new.py": _DATA,
        "lib_test/test_new.py": test,
    })
    result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT000")
    return [(v["path"], v["line"]) for v in result.json()["violations"]], result.err


@pytest.mark.parametrize(
    "test",
    [
        # the flag imported in the test function that tests it
        "def test_new():\n    from lib.versions import IS_PYTHON_AT_LEAST_3_99\n\n"
        "    if IS_PYTHON_AT_LEAST_3_99:\n        from lib_test.data.data_new import newer\n",
        # imported at module level, tested in the function
        "from lib.versions import IS_PYTHON_AT_LEAST_3_99\n\n\ndef test_new():\n"
        "    if IS_PYTHON_AT_LEAST_3_99:\n        from lib_test.data.data_new import newer\n",
        # pytest's own version skip
        "import sys\n\nimport pytest\n\n\n@pytest.mark.skipif(sys.version_info < (3, 99), reason='3.99')\n"
        "def test_new():\n    from lib_test.data.data_new import newer\n",
        # a helper named for it
        "from lib_test.marks import skip_if_python_version_less_than\n\n\n"
        "@skip_if_python_version_less_than('3.99.0')\ndef test_new():\n    from lib_test.data.data_new import newer\n",
    ],
    ids=["flag-imported-in-function", "flag-imported-at-top", "skipif", "skip-helper"],
)
def test_data_imported_only_where_a_newer_python_runs_is_not_judged(make_repo, cli, test):
    findings, err = _findings(make_repo, cli, test)
    assert findings == [], findings
    assert "lib_test/data/data_new.py" in err and "Python 3.99 or later" in err, err


@pytest.mark.parametrize(
    "test",
    [
        "def test_new():\n    from lib_test.data.data_new import newer\n",
        # a flag of another test (``and`` of two), not read
        "from lib.versions import IS_PYTHON_AT_LEAST_3_99\n\nFAST = True\n\n\ndef test_new():\n"
        "    if FAST:\n        from lib_test.data.data_new import newer\n",
        # a skip helper called with something other than a version
        "from lib_test.marks import skip_if_python_version_less_than\n\n\n"
        "@skip_if_python_version_less_than(LIMIT)\ndef test_new():\n    from lib_test.data.data_new import newer\n",
    ],
    ids=["ungated", "another-flag", "not-a-version"],
)
def test_data_imported_without_a_version_gate_is_reported(make_repo, cli, test):
    findings, _ = _findings(make_repo, cli, test)
    assert findings == [("lib_test/data/data_new.py", 1)]


# ploomber's scaffold templates: Jinja with the delimiters ``[% %]`` and ``[[ ]]``, in a
# folder not named like a template folder (``resources/ploomber_add/``).
_SCAFFOLD = (
    "\n\ndef [[function_name]](product):\n    \"\"\"Add description here\"\"\"\n"
    "    [% if extract_upstream -%]\n    pass\n    [% endif -%]\n"
)


def _syntax(make_repo, cli, files: dict[str, str]) -> list[tuple[str, int]]:
    root = make_repo({"app/__init__.py": "", **files})
    result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT000")
    return [(v["path"], v["line"]) for v in result.json()["violations"]]


def test_a_template_with_its_own_delimiters_is_not_a_module(make_repo, cli):
    assert _syntax(make_repo, cli, {
        "app/resources/scaffold/function.py": _SCAFFOLD,
        "app/resources/scaffold/task.py": "# Add description here\n\n[% if not is_ipynb -%]\nupstream = None\n[% endif -%]\n",
    }) == []


def test_a_placeholder_left_in_a_module_is_reported(make_repo, cli):
    """The control: markup on the error line of a file with no template control flow may be
    a placeholder someone forgot to fill in."""
    assert _syntax(make_repo, cli, {"app/handlers.py": "def [[function_name]](product):\n    return product\n"}) == [
        ("app/handlers.py", 1)
    ]
