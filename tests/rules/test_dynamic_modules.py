"""SSOT003 on modules whose names or submodules are supplied at run time, through the CLI.

A package that hands its ``__name__`` to a first-party function writing ``sys.modules``
replaces itself by a lazy module (celery's ``local.recreate_module``): it serves what it
declares (``__all__``, its ``TYPE_CHECKING`` mirror, the names the call spells), and
nothing else. A plain module with a module-level ``__getattr__`` answers for ``__path__``
too (dask's ``dask.distributed`` proxies the ``distributed`` package): its "submodules" may exist.
"""

from __future__ import annotations

import pytest

from ssotlint.extract.summarize import summarize

LAZY = {
    "app/__init__.py": (
        "from typing import TYPE_CHECKING\n"
        "from . import _lazy\n"
        "__all__ = ('Engine', 'listed')\n"
        "if TYPE_CHECKING:\n"
        "    from app.core import Engine, helper\n"
        "_old, _new = _lazy.recreate(__name__, by_module={'app.core': ['Engine', 'Spelled']})\n"
    ),
    # The writer is reached through a helper of the same module, as celery's create_module.
    "app/_lazy.py": (
        "import sys\n"
        "def _create(name):\n    module = sys.modules[name] = type(sys)(name)\n    return module\n"
        "def recreate(name, by_module=None):\n    return sys.modules[name], _create(name)\n"
    ),
    "app/core.py": "class Engine: ...\ndef helper(): ...\nclass Spelled: ...\n",
    "app/user.py": (
        "from app import Engine, helper\n"  # 1: the TYPE_CHECKING mirror
        "from app import Spelled, listed\n"  # 2: spelled in the call, listed in __all__
        "from app import task\n"  # 3: served by nobody: broken
    ),
    # Passes its name to a first-party function that does not write sys.modules.
    "app/plain/__init__.py": (
        "from typing import TYPE_CHECKING\n"
        "from app.setup import configure\n"
        "if TYPE_CHECKING:\n    from app.core import Engine\n"
        "configure(__name__, 'Engine')\n"
    ),
    "app/setup.py": "import logging\ndef configure(name, *names):\n    logging.getLogger(name)\n",
    "app/plain_user.py": "from app.plain import Engine\n",
}


def ssot003(result) -> list[tuple[str, int, str]]:
    return sorted((v["path"], v["line"], v["message"]) for v in result.json()["violations"] if v["rule"] == "SSOT003")


@pytest.mark.parametrize("engine", ("libcst", "ast"))
def test_a_package_that_replaces_itself_serves_what_it_declares(make_repo, cli, engine):
    root = make_repo(LAZY)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--parser", engine)
    assert result.code == 1, result.err
    assert [(p, line) for p, line, _ in ssot003(result)] == [("app/plain_user.py", 1), ("app/user.py", 3)]
    messages = dict(((p, line), m) for p, line, m in ssot003(result))
    assert "cannot import name 'task' from app" in messages[("app/user.py", 3)]
    assert "only under `if TYPE_CHECKING:`" in messages[("app/plain_user.py", 1)]


def test_the_writer_and_the_call_are_summary_facts_of_both_engines():
    lazy = LAZY["app/_lazy.py"].encode()
    init = LAZY["app/__init__.py"].encode()
    for use_libcst in (True, False):
        assert summarize(lazy, use_libcst=use_libcst).module_writers == ("_create", "recreate")
        assert summarize(init, use_libcst=use_libcst).name_calls == (
            ("_lazy.recreate", ("Engine", "Spelled")),
        )


PROXIES = {
    "app/__init__.py": "",
    # A module proxying another distribution: its __getattr__ answers for __path__ too.
    "app/distributed.py": "def __getattr__(name):\n    import distributed\n    return getattr(distributed, name)\n",
    "app/ml.py": "import lazy_loader\n__getattr__, __dir__, __all__ = lazy_loader.attach(__name__, ['x'])\n",
    # A package has a __path__ of its own: a missing submodule stays missing.
    "app/pkg/__init__.py": "def __getattr__(name):\n    return name\n",
    "app/plain.py": "X = 1\n",
    "tests/test_proxy.py": (
        "from app.distributed.protocol import dumps\n"
        "import app.distributed.comm.tcp\n"
        "from app.ml.model_selection import GridSearchCV\n"
        "from app.pkg import anything\n"
        "import app.pkg.missing\n"  # 5
        "from app.plain.protocol import dumps\n"  # 6
    ),
}


def test_a_module_with_getattr_may_act_as_a_package(make_repo, cli):
    root = make_repo(PROXIES)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    assert result.code == 1, result.err
    assert [(p, line) for p, line, _ in ssot003(result)] == [("tests/test_proxy.py", 5), ("tests/test_proxy.py", 6)]


@pytest.mark.parametrize("engine", ("libcst", "ast"))
def test_an_all_split_from_one_string_is_a_literal(make_repo, cli, engine):
    """visidata's ``__about__.py``: ``__all__ = '__version__ __author__'.split()`` names
    what its star import brings, dunder names too; a name it does not list is still missing."""
    root = make_repo({
        "vd/__init__.py": "",
        "vd/__about__.py": "__all__ = '__version__ __author__'.split()\n__version__ = '3.1'\n__author__ = 'x'\n__license__ = 'GPL'\n",
        "vd/main.py": "from .__about__ import *\n",
        "vd/cli.py": "from vd.main import __version__\nfrom vd.main import __license__\n",
    })
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--parser", engine, "--select", "SSOT003")
    assert [(p, line) for p, line, _ in ssot003(result)] == [("vd/cli.py", 2)], result.json()["violations"]
