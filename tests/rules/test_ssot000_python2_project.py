"""A Python 2 project judged by Python 3 (cabot: Python 2.7 throughout, ``except X, e`` and
``print 'x'``, no version declared anywhere): the findings stand, and one warning says that
SSOT000 judges Python 3 syntax."""

from __future__ import annotations

import pytest

PYTHON2 = {
    "app/__init__.py": "",
    "app/graphite.py": "def get():\n    print 'Getting'\n",
    "app/views.py": "try:\n    pass\nexcept ValueError, e:\n    pass\n",
    "app/models.py": "X = 1\n",
    "pyproject.toml": "",
}
WARNING = "this looks like a Python 2 project: 2 of the 2 files that do not compile fail on Python 2 statements"


def run(make_repo, cli, files):
    root = make_repo(files)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT000")
    return sorted(v["path"] for v in result.json()["violations"]), result.err


def test_a_python_2_project_gets_one_warning_and_its_findings(make_repo, cli):
    paths, err = run(make_repo, cli, PYTHON2)
    assert paths == ["app/graphite.py", "app/views.py"]
    assert err.count(WARNING) == 1, err
    assert "SSOT000 judges Python 3 syntax" in err


@pytest.mark.parametrize(
    "extra",
    [
        # A Python 3 project keeping two stale Python 2 scripts (Limnoria's sandbox/).
        {"setup.py": "from setuptools import setup\nsetup(classifiers=['Programming Language :: Python :: 3.8'])\n"},
        {"pyproject.toml": '[project]\nname = "app"\nrequires-python = ">=3.8"\n'},
        {".github/workflows/ci.yml": "jobs:\n  t:\n    steps:\n      - with:\n          python-version: '3.9'\n"},
        # Most files that do not compile fail for other reasons.
        {"app/a.py": "def f(:\n", "app/b.py": "x = (\n", "app/c.py": "class C\n"},
    ],
    ids=["classifier", "requires-python", "CI version", "other errors"],
)
def test_no_warning_when_python_3_is_declared_or_python_2_is_not_most(make_repo, cli, extra):
    _, err = run(make_repo, cli, {**PYTHON2, **extra})
    assert "Python 2 project" not in err


def test_one_python_2_file_is_no_python_2_project(make_repo, cli):
    files = {k: v for k, v in PYTHON2.items() if k != "app/views.py"}
    _, err = run(make_repo, cli, files)
    assert "Python 2 project" not in err
