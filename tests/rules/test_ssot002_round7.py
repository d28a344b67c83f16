"""SSOT002 on the shapes a seventh holdout of real code got wrong (astropy, statsmodels,
gradio, hypothesis, moto): imports that cannot close a cycle that fails. Each test reads
what the user reads, the JSON finding."""

from __future__ import annotations


def _cycles(make_repo, cli, files: dict[str, str], code: int = 1) -> list[dict]:
    root = make_repo(files)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT002")
    assert result.code == code, result.err
    return sorted(result.json()["violations"], key=lambda v: (v["path"], v["line"], v["message"]))


_BUILT = {
    # The build writes ``stats/_built*.so`` from C: no file of it is in the tree.
    "setup.py": 'from setuptools import Extension, setup\n\nsetup(ext_modules=[Extension("stats._built", ["c/built.c"])])\n',
    "stats/__init__.py": "from .model import Model\n",
    "stats/model.py": "from stats import _built as fast\n\n\nclass Model:\n    run = fast.run\n",
}


def test_a_submodule_the_build_writes_is_no_import_of_the_package(make_repo, cli):
    """``from stats import _built`` inside ``stats`` loads the extension ``setup.py``
    declares (statsmodels' ``_exponential_smoothers``), not a name of ``stats/__init__.py``:
    no cycle."""
    assert _cycles(make_repo, cli, _BUILT, code=0) == []


def test_from_outside_its_package_a_compiled_submodule_still_runs_the_package(make_repo, cli):
    """From outside ``stats``, ``from stats import _built`` runs ``stats/__init__.py``
    first: a cycle back through it is real, and reported."""
    files = {
        **_BUILT,
        "stats/model.py": "from app.use import helper\n\n\nclass Model:\n    pass\n",
        "app/__init__.py": "",
        "app/use.py": "from stats import _built as fast\n\n\ndef helper():\n    return fast.run\n",
    }
    [finding] = _cycles(make_repo, cli, files)
    assert finding["details"]["modules"] == ["app.use", "stats", "stats.model"]
