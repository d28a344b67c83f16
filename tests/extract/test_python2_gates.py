"""Imports only Python 2 runs (``if six.PY2:``, the ``else`` of ``if PY3:``): a Python 3
project never runs them, so SSOT003 does not judge them and SSOT000 does not judge the
modules only they load; a project that runs on Python 2 too does run them."""

from __future__ import annotations

import ast

import pytest

from ssotlint.extract.version_imports import PYTHON2_ONLY, legacy_imports


@pytest.mark.parametrize(
    "test, body_only",
    [
        ("six.PY2", True),
        ("PY2", True),
        ("not six.PY3", True),
        ("sys.version_info[0] == 2", True),
        ("sys.version_info.major < 3", True),
        ("sys.version_info < (3,)", True),
        ("six.PY3", False),  # its else is Python 2's
        ("sys.version_info[0] >= 3", False),
        ("not PY2", False),
    ],
)
def test_python2_checks(test, body_only):
    text = f"import sys, six\nif {test}:\n    import a\nelse:\n    import b\n"
    found = dict(legacy_imports(ast.parse(text), text))
    assert found == ({3: PYTHON2_ONLY} if body_only else {5: PYTHON2_ONLY})


@pytest.mark.parametrize("test", ["six.PY34", "sys.version_info[0] == 3 and X", "PY2 or X", "sys.version_info[1] == 2"])
def test_other_checks_say_nothing(test):
    text = f"import sys, six\nif {test}:\n    import a\n"
    assert legacy_imports(ast.parse(text), text) == ()


FILES = {
    "app/__init__.py": "",
    "app/compat.py": "import six\n\nif six.PY2:\n    from app.py2_only import urlparse\nelse:\n    from urllib.parse import urlparse\n",
}


def test_a_python_3_project_does_not_judge_python_2_only_imports(make_repo, cli):
    root = make_repo({**FILES, "pyproject.toml": '[project]\nname = "app"\nrequires-python = ">=3.8"\n'})
    result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT003")
    assert result.json()["violations"] == []


def test_a_project_on_python_2_too_judges_them(make_repo, cli):
    root = make_repo({**FILES, "setup.cfg": "[options]\npython_requires = >=2.7\n"})
    result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT003")
    assert [(v["path"], v["line"]) for v in result.json()["violations"]] == [("app/compat.py", 4)]


def test_functions_defined_only_on_python_2_and_blocks_after_an_exit():
    """python-future's ``else: def ensure_new_type(obj): from future.types... import``, and
    ``install_aliases()``'s ``if PY3: return`` before its Python 2 imports; a function
    defined for every Python, or an ``if`` that does not leave, says nothing."""
    text = (
        "import sys\nPY3 = sys.version_info[0] >= 3\n"
        "if PY3:\n    def f():\n        return 1\nelse:\n    def f():\n        from app.types import newbytes\n"  # 8
        "def install():\n    if PY3:\n        return\n    from app.backports import request\n"  # 12
        "def other():\n    if PY3:\n        print(1)\n    from app.kept import k\n"  # 16 stays
        "def checked():\n    if PY3:\n        raise ImportError\n    import app.old\n"  # 20
        "def everywhere():\n    import app.every\n"  # 22 stays
    )
    assert dict(legacy_imports(ast.parse(text), text)) == {8: PYTHON2_ONLY, 12: PYTHON2_ONLY, 20: PYTHON2_ONLY}
