"""An unpacked source distribution ships what its packaging includes, often only the
tests' ``test*.py`` files: a test's import of a test helper the sdist left out is not
reported there, nor a tool's or a loose script's import of a tool's or a test's module. Everything else is, and a checkout (``.git``) or a tree without the
sdist's ``PKG-INFO`` is judged as usual."""

from __future__ import annotations

import pytest

PKG_INFO = "Metadata-Version: 2.4\nName: app\nVersion: 1.0\n\n" + "A long description.\n" * 400

FILES = {
    "app/__init__.py": "",
    "app/core.py": "from app.gone import thing\n",
    "tests/test_core.py": "from tests.support.util import helper\nfrom tests.distributed_testing_utils import run\n"
    "from app.e2e_test import base\nfrom app.missing import other\n",
    # Tooling and loose scripts the sdist ships, importing what it left out (panel's
    # scripts/ and doc/_ext, peewee's runtests.py and tests/pwasyncio.py), and the product.
    "doc/conf.py": "",
    "scripts/sync.py": "from doc._ext.ui_reference import Reference\nfrom app.gone2 import other\n",
    "runtests.py": "from tests import pwasyncio\n",
}


def broken(result) -> list[tuple[str, int]]:
    return sorted((v["path"], v["line"]) for v in result.json()["violations"] if v["rule"] == "SSOT003")


def test_in_an_sdist_a_tests_missing_test_helper_is_not_reported(make_repo, cli):
    root = make_repo({**FILES, "PKG-INFO": PKG_INFO})
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    assert broken(result) == [("app/core.py", 1), ("scripts/sync.py", 2), ("tests/test_core.py", 4)]


@pytest.mark.parametrize("variant", ["no PKG-INFO", "not metadata", "a checkout"])
def test_elsewhere_it_is(make_repo, cli, variant: str):
    files = dict(FILES)
    if variant == "not metadata":
        files["PKG-INFO"] = "Notes about the package.\n"
    elif variant == "a checkout":
        files["PKG-INFO"] = PKG_INFO
    root = make_repo(files, git_init=variant == "a checkout")
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    assert broken(result) == [("app/core.py", 1), ("runtests.py", 1), ("scripts/sync.py", 1), ("scripts/sync.py", 2),
                              ("tests/test_core.py", 1), ("tests/test_core.py", 2),
                              ("tests/test_core.py", 3), ("tests/test_core.py", 4)]


def test_in_an_sdist_a_package_s_own_benchmark_module_is_shipped(make_repo, cli):
    """shap ships ``shap/benchmark/`` inside its package: a ``benchmark`` folder of a
    top-level package is the package's code, and its broken import is reported."""
    root = make_repo({
        "PKG-INFO": PKG_INFO,
        "app/__init__.py": "",
        "app/benchmark/__init__.py": "",
        "app/benchmark/framework.py": "from . import perturbation\nfrom tests import helper\n",
    })
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    assert broken(result) == [("app/benchmark/framework.py", 1)]
