"""SSOT002 on the shapes a seventh holdout of real code got wrong (astropy, statsmodels,
gradio, hypothesis, moto): imports that cannot close a cycle that fails. Each test reads
what the user reads, the JSON finding."""

from __future__ import annotations

from tests.rules.cycle_findings import cycles as _cycles


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


_HEADER = "# File generated from our OpenAPI spec by apigen. See CONTRIBUTING.md for details.\n\n"


def test_advice_on_an_import_in_a_generated_file_says_to_change_its_generator(make_repo, cli):
    """openai's ``_module_client.py`` (``# File generated from our OpenAPI spec by ...``)
    imports ``_load_client`` from its package, whose ``__init__`` imports it back: the only
    import to move is in the generated file, so the advice says the edit belongs in what
    generates it, and no fix edits the file."""
    [finding] = _cycles(make_repo, cli, {
        "sdk/__init__.py": "from ._module_client import chat\n\n\ndef _load_client():\n    return 1\n",
        "sdk/_module_client.py": _HEADER + "from . import _load_client\n\n\ndef chat():\n    return _load_client()\n",
    })
    assert finding["message"].endswith(
        "break it by moving sdk/_module_client.py:3 `from . import _load_client` into the function that uses it (sdk/_module_client.py says a generator wrote it: an edit there is lost at its "
        "next run, so make the change in what generates it)"
    )
    assert "fix" not in finding or finding.get("fix") is None


def test_an_import_of_a_hand_written_file_is_advised_before_one_in_a_generated_file(make_repo, cli):
    """Of two imports that would each break the cycle, the one in the hand-written file is
    the one advised."""
    [finding] = _cycles(make_repo, cli, {
        "app/__init__.py": "",
        "app/a_gen.py": _HEADER + "from app.b import make\n\n\ndef run():\n    return make()\n",
        "app/b.py": "from app.a_gen import run\n\n\ndef make():\n    return run()\n",
    })
    assert "moving app/b.py:1 `from app.a_gen import run` into the function" in finding["message"]


def test_no_fix_edits_a_generated_file(make_repo, cli):
    """The import to move leaves the reported (generated) file, and a function could take
    it: the fix would edit the generated file, so none is offered."""
    [finding] = _cycles(make_repo, cli, {
        "app/__init__.py": "",
        "app/a_gen.py": _HEADER + "from app.b import make\n\n\nclass Base:\n    def run(self):\n        return make()\n",
        "app/b.py": "from app.a_gen import Base\n\n\nclass B(Base): ...\n\n\ndef make():\n    return B()\n",
    })
    assert finding["path"] == "app/a_gen.py"
    assert "make the change in what generates it" in finding["message"]
    assert finding["fix"] is None


def test_over_history_a_compiled_submodule_coming_and_going_is_seen():
    """``score --history`` keeps the edges of modules that did not change: when ``_stats.pyx``
    appears beside an unchanged ``from . import _stats``, that import stops being an edge to
    the package (and the cycle goes), and comes back with the cycle when the file goes. (The
    package binds ``_stats`` itself, below that import: without the compiled module, the
    import fails by the order; a name the package bound nowhere would be SSOT003's.)"""
    from ssotlint.testing import config_from_text, rule_counts_over

    settings = config_from_text("")
    files = {
        "stats/__init__.py": "from .funcs import mean\n\n_stats = None\n",
        "stats/funcs.py": "from . import _stats\n\nSCALE = _stats.scale\n\n\ndef mean(x):\n    return x\n",
    }
    steps = ({"stats/_stats.pyx": "def scale(x):\n    return x\n"}, {"stats/_stats.pyx": None})
    assert rule_counts_over(files, steps, settings, "SSOT002") == [1, 0, 1]
