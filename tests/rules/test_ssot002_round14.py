"""SSOT002 on round 14's holdout: imports only an older Python than the project's runs."""

from __future__ import annotations

import pytest

from tests.rules.cycle_findings import cannot_fail

# ``Base`` bound below the eager import of the widget, which reads it: on a Python that runs
# that import, importing the package fails.
_INIT = (
    "import sys\nfrom typing import TYPE_CHECKING\n\n"
    "if sys.version_info < (3, 7) or TYPE_CHECKING:\n    from pkg._widget import Widget\n"
    "else:\n    def __getattr__(name):\n        import importlib\n        return importlib.import_module('pkg._widget').Widget\n"
    "\nfrom pkg._base import Base\n"
)
_FILES = {
    "pkg/__init__.py": _INIT,
    "pkg/_base.py": "class Base:\n    pass\n",
    "pkg/_widget.py": "from pkg import Base\n\n\nclass Widget(Base):\n    pass\n",
}


def _cycles(make_repo, cli, requires: str | None) -> list[dict]:
    files = dict(_FILES)
    if requires is not None:
        files["pyproject.toml"] = f"[project]\nname = 'pkg'\nrequires-python = '{requires}'\n"
    root = make_repo(files, name=f"r{requires}".replace(">", "").replace("=", "").replace(".", ""))
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT002")
    return result.json()["violations"]


@pytest.mark.parametrize("requires", [">=3.8", ">=3.7"])
def test_an_import_only_older_pythons_run_closes_no_cycle(make_repo, cli, requires):
    """plotly's ``graph_objs/__init__.py``: ``if sys.version_info < (3, 7) or
    TYPE_CHECKING:`` imports the widget eagerly; from 3.7 on, a module ``__getattr__``
    loads it lazily. A project requiring 3.7 or later never runs that import."""
    assert _cycles(make_repo, cli, requires) == []


@pytest.mark.parametrize("requires", [">=3.6", None])
def test_on_a_python_that_runs_it_the_cycle_is_reported(make_repo, cli, requires):
    assert len(_cycles(make_repo, cli, requires)) == 1


def test_of_two_imports_a_function_can_take_the_one_used_in_fewer_places_moves(make_repo, cli):
    """cloud-init: ``net/__init__.py`` reads ``util`` in many functions (and tests patch
    ``cloudinit.net.util.*``), ``util.py`` reads ``net`` in one: deferring the latter is the
    smaller change, whichever module's name sorts first. (Each takes a name of the other,
    which fails when the other is imported first.)"""
    net = "from app.util import run\n\n\n" + "".join(f"def f{i}():\n    return run({i})\n\n\n" for i in range(5))
    files = {
        "app/__init__.py": "",
        "app/net.py": net,
        "app/util.py": "from app.net import f0\n\n\ndef run(x):\n    return x\n\n\ndef interfaces():\n    return f0()\n",
    }
    root = make_repo(files)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT002")
    [finding] = result.json()["violations"]
    assert "break it by moving app/util.py:1 `from app.net import f0` into the function that uses it" in finding["message"]


def test_dotted_imports_read_in_functions_cannot_fail(make_repo, cli):
    """capa's extractors: ``import capa.features.common`` and ``import capa.features.pefile``
    both bind ``capa``, which every import line spells: what counts is where each spells
    the whole dotted name. ``common`` calls ``pefile`` in three functions, ``pefile`` calls
    ``common`` in one. Both take only module objects and read them in functions, so no
    order fails and nothing is reported (``pefile``'s import was once the one to defer)."""
    common = "import cap.feat.pefile\n\n\n" + "".join(f"def f{i}():\n    return cap.feat.pefile.arch({i})\n\n\n" for i in range(3))
    pefile = "import cap.feat.common\nimport cap.feat.a\nimport cap.feat.b\nimport cap.feat.c\n\n\ndef arch(x):\n    return x\n\n\n"
    pefile += "def strings(buf):\n    return cap.feat.common.f0(buf)\n"
    files = {
        "cap/__init__.py": "", "cap/feat/__init__.py": "", "cap/feat/a.py": "", "cap/feat/b.py": "", "cap/feat/c.py": "",
        "cap/feat/common.py": common, "cap/feat/pefile.py": pefile,
    }
    cannot_fail(make_repo, cli, files)
