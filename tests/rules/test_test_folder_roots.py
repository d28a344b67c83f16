"""A folder of tests that pytest's ``pythonpath`` makes a source root is on the test
runner's path only (siliconcompiler: ``pythonpath = ["tests"]`` makes ``tests/schema/`` the
top-level ``schema``). A production module's import of such a name means another module of
that name, never the tests; a test's import, and the repository's own ``tests/`` folder at
the top (the program run from the top has it on its path too), are checked as before."""

from __future__ import annotations

PYPROJECT = "[project]\nname = 'siliconcompiler'\n\n[tool.pytest.ini_options]\npythonpath = ['tests']\n"


def _files(production: str, pyproject: str = PYPROJECT) -> dict[str, str]:
    return {
        "pyproject.toml": pyproject,
        "siliconcompiler/__init__.py": "",
        "siliconcompiler/schema/__init__.py": "",
        "siliconcompiler/schema/safeschema.py": "class SafeSchema:\n    pass\n",
        "siliconcompiler/tools/__init__.py": "",
        "siliconcompiler/tools/klayout.py": production,
        "tests/schema/test_safeschema.py": (
            "from siliconcompiler.schema.safeschema import SafeSchema\n\n\ndef test_schema():\n    assert SafeSchema\n"
        ),
        "tests/test_flow.py": "def test_flow():\n    assert True\n",
    }


def _found(make_repo, cli, files: dict[str, str], name: str = "repo") -> list[tuple[str, int, str]]:
    result = cli("check", str(make_repo(files, name=name)), "--format", "json", "--no-cache", "--select", "SSOT003")
    assert result.code in (0, 1), result.err
    return [(v["path"], v["line"], v["message"]) for v in result.json()["violations"]]


def test_production_import_of_a_test_root_namespace_is_not_the_tests(make_repo, cli):
    klayout = "import sys\n\n\ndef get_schema(manifest):\n    from schema.safeschema import SafeSchema\n    return SafeSchema\n"
    assert _found(make_repo, cli, _files(klayout)) == []
    assert _found(make_repo, cli, _files("from schema import Schema\n"), name="second") == []


def test_a_top_level_tests_folder_is_checked_for_production_code(make_repo, cli):
    pyproject = "[project]\nname = 'siliconcompiler'\n"
    report = "from tests.gone import render\n"
    assert _found(make_repo, cli, _files(report, pyproject)) == [
        ("siliconcompiler/tools/klayout.py", 1, "`from tests.gone import render`: package tests has no module 'gone'"),
    ]
