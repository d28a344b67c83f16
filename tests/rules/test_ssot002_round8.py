"""SSOT002's advice on the shapes an eighth reading of real code (round 7's holdout, read
again on main) still got wrong: the cycles were real, but the advice did not break them
(numba's ``cuda/dispatcher.py``, sabnzbd's and Tautulli's submodules importing their
package, pytorch-lightning's ``_graveyard``, sabnzbd's ``cfg.py``). Each test reads what
the user reads, the JSON finding."""

from __future__ import annotations

import pytest

from tests.rules.cycle_findings import cannot_fail, advice as _advice, cycles as _cycles


def test_an_import_of_the_package_read_in_a_method_cannot_fail(make_repo, cli):
    """numba's cuda/dispatcher.py: its import c is read only in a method, and
    c.intrinsics' own import c passes the package on while it is imported: no order of
    importing them fails, and nothing is reported."""
    cannot_fail(make_repo, cli, {
        "c/__init__.py": "from .device_init import *\n",
        "c/device_init.py": "from .intrinsics import grid\nfrom .dispatcher import Dispatcher\n",
        "c/intrinsics.py": "import c\n\n\ndef register(module):\n    return module\n\n\nREGISTERED = register(c)\n\n\n"
        "def grid():\n    return 1\n",
        "c/dispatcher.py": "import c\n\n\nclass Dispatcher:\n    def run(self):\n        return c.grid()\n",
    })


def test_a_definer_leading_back_to_a_module_that_can_fail_is_still_advised_when_the_cycle_can_fail(make_repo, cli):
    """The same, but ``dispatcher`` reads ``c.grid`` while it is imported: its import can
    fail, the strict walk does not apply, and importing ``grid`` from ``c.intrinsics``
    (whose way back cannot fail) breaks what can."""
    [finding] = _cycles(make_repo, cli, {
        "c/__init__.py": "from .device_init import *\n",
        "c/device_init.py": "from .intrinsics import grid\nfrom .dispatcher import Dispatcher\n",
        "c/intrinsics.py": "import c\n\n\ndef register(module):\n    return module\n\n\nREGISTERED = register(c)\n\n\n"
        "def grid():\n    return 1\n",
        "c/dispatcher.py": "import c\n\nGRID = c.grid\n\n\nclass Dispatcher: ...\n",
    })
    assert _advice(finding) == (
        "break it by importing `grid` from c.intrinsics in c/dispatcher.py:1 `import c`, where it is defined, not from c"
    ), finding["message"]


_PACKAGE_READ_IN_FUNCTIONS = {
    "pkg/__init__.py": "from pkg import config\n\nDEBUG = 0\n",
    "pkg/helpers.py": "import pkg\n\n\ndef debug():\n    return pkg.DEBUG\n",
}


def test_modules_reading_their_package_only_in_functions_cannot_fail(make_repo, cli):
    """sabnzbd's ``api.py`` and ``cfg.py``: ``config`` and ``helpers`` read
    ``pkg.DEBUG`` only in functions, and import nothing else that reads the package
    while imported: nothing to report, however many of them import it."""
    cannot_fail(make_repo, cli, {
        **_PACKAGE_READ_IN_FUNCTIONS,
        "pkg/config.py": "import pkg\nfrom pkg import helpers\n\n\ndef load():\n    return pkg.DEBUG, helpers.debug()\n",
    })


def test_a_module_whose_only_import_of_the_package_is_read_in_a_function_cannot_fail(make_repo, cli):
    """``config`` reads ``pkg.DEBUG`` only in a function: importing it first runs
    ``pkg`` first, which it reads nothing of while imported."""
    cannot_fail(make_repo, cli, {
        **_PACKAGE_READ_IN_FUNCTIONS,
        "pkg/config.py": "import os\n\nimport pkg\n\n\ndef load():\n    return pkg.DEBUG, os.sep\n",
    })


def test_what_a_module_reads_of_its_package_while_imported_bound_above_cannot_fail(make_repo, cli):
    """sabnzbd's ``cfg.py`` reads ``pkg.WINDOWS`` at module level, but
    ``pkg/__init__.py`` binds it (and ``RESTART``, read in a function) above its
    ``import pkg.cfg``: the package always runs first, so the name is there."""
    cannot_fail(make_repo, cli, {
        "pkg/__init__.py": "WINDOWS = False\nRESTART = False\n\nimport pkg.cfg\n",
        "pkg/cfg.py": "import pkg\n\nDEFAULT = not pkg.WINDOWS\n\n\ndef restart():\n    return pkg.RESTART\n",
    })


_PATCHES_ITS_PACKAGE = {
    "pl/__init__.py": "from pl.trainer import Trainer\nimport pl._graveyard\n",
    "pl/trainer.py": "from pl.accelerators import Acc\n\n\nclass Trainer: ...\n",
    "pl/_graveyard/__init__.py": "import pl._graveyard.tpu\n",
    "pl/_graveyard/tpu.py": "import pl\n\n\ndef _patch():\n    setattr(pl.accelerators, 'Old', pl.accelerators.Acc)\n\n\n_patch()\n",
}


def test_a_module_patching_its_packages_submodules_in_a_function_cannot_fail(make_repo, cli):
    """pytorch-lightning's ``_graveyard``: ``tpu.py`` reads ``pl.accelerators`` only in
    ``_patch``, which it calls once ``pl`` has imported ``trainer`` (and so
    ``accelerators``): no order fails."""
    cannot_fail(make_repo, cli, {
        **_PATCHES_ITS_PACKAGE,
        "pl/accelerators.py": "import pl\n\n\nclass Acc:\n    def trainer(self):\n        return pl.Trainer\n",
    })


def test_a_module_patching_submodules_that_do_not_lead_back_cannot_fail(make_repo, cli):
    """The same, ``accelerators`` importing nothing of ``pl``: no order fails."""
    cannot_fail(make_repo, cli, {**_PATCHES_ITS_PACKAGE, "pl/accelerators.py": "class Acc: ...\n"})


def test_alternatives_that_all_read_the_package_in_functions_cannot_fail(make_repo, cli):
    """opentelemetry's ``sdk/metrics/_internal``: every way back to the package is an
    import read only in functions."""
    cannot_fail(make_repo, cli, {
        "m/__init__.py": "from m.export import E\n",
        "m/export.py": "from m._internal.point import P\n\n\nclass E: ...\n",
        "m/_internal/__init__.py": "import m\nfrom m._internal.helper import H\n\n\ndef f():\n    return m.E\n",
        "m/_internal/point.py": "import m._internal\n\n\nclass P:\n    def g(self):\n        return m._internal.f()\n",
        "m/_internal/helper.py": "import m\n\n\nclass H:\n    def h(self):\n        return m.E\n",
    })


def test_a_way_back_through_an_import_that_passes_the_package_on_cannot_fail(make_repo, cli):
    """A module that passes its package on while imported (``register(pkg)``), and
    another that reads it in a function: neither can fail."""
    cannot_fail(make_repo, cli, {
        "pkg/__init__.py": "from pkg import config\n\nDEBUG = 0\n",
        "pkg/helpers.py": "import pkg\n\n\ndef belongs_to(package):\n    return package.__name__\n\n\n"
        "OWN = belongs_to(pkg)\n",
        "pkg/config.py": "import pkg\nfrom pkg import helpers\n\n\ndef load():\n    return pkg.DEBUG, helpers.OWN\n",
    })


def test_a_module_reading_a_package_it_is_in_only_in_functions_cannot_fail(make_repo, cli):
    """volatility3's ``from volatility3 import framework`` in
    ``framework/interfaces/configuration.py``: ``conf`` imports two packages it is in,
    which started before it ran, and reads them only in a function."""
    cannot_fail(make_repo, cli, {
        "v/__init__.py": "",
        "v/fw/__init__.py": "from v.fw import iface\n",
        "v/fw/iface/__init__.py": "from v.fw.iface import conf\n",
        "v/fw/iface/conf.py": "from v import fw\nfrom v.fw import iface\n\n\ndef load():\n    return fw, iface\n",
    })


def test_of_a_module_on_two_cycles_only_the_one_that_can_fail_is_reported(make_repo, cli):
    """OctoPrint's ``printer`` imports ``Local`` from ``filemanager.storage``, whose
    ``__init__`` is importing ``local``, which imports ``printer``: that cycle fails when
    ``o.fm`` is imported first. ``local``'s ``import o.fm``, read in a method, closes a
    cycle that cannot fail, which is not reported."""
    [finding] = _cycles(make_repo, cli, {
        "o/__init__.py": "",
        "o/fm/__init__.py": "from o.fm.storage import Local\n",
        "o/fm/storage/__init__.py": "from o.fm.storage.local import Local\n",
        "o/fm/storage/local.py": "import o.fm\nfrom o import printer\n\n\nclass Local:\n    def fm(self):\n        return o.fm, printer\n",
        "o/printer.py": "from o.fm.storage import Local\n",
    })
    assert finding["message"].startswith("circular import: o.fm.storage -> o.fm.storage.local -> o.printer -> o.fm.storage (part of a cycle of 4 modules);"), finding["message"]


def test_two_modules_each_reading_the_package_in_functions_cannot_fail(make_repo, cli):
    """astroid's ``objectmodel`` and ``dunder_lookup``: each imports the package, read
    only in functions, and the other: no order fails."""
    cannot_fail(make_repo, cli, {
        "pkg/__init__.py": "from pkg import om, dl\n\nX = 1\n",
        "pkg/om.py": "import pkg\nfrom pkg import dl\n\n\ndef f():\n    return pkg.X, dl\n",
        "pkg/dl.py": "import pkg\n\n\ndef g():\n    return pkg.X\n",
    })


_IMPORTS_ITS_PACKAGE = "import pkg\n\n\ndef g():\n    return pkg.X\n"


def test_ways_back_through_modules_reading_the_package_in_functions_cannot_fail(make_repo, cli):
    """Several modules leading back to the package, each reading it only in functions:
    no order fails."""
    others = 3
    extra = {f"pkg/a{i}.py": _IMPORTS_ITS_PACKAGE for i in range(others)}
    cannot_fail(make_repo, cli, {
        "pkg/__init__.py": f"from pkg import geoseries{''.join(f', a{i}' for i in range(others))}\n\nX = 1\n",
        "pkg/geoseries.py": "import pkg\nfrom pkg import explore\nfrom pkg import plotting\n\n\n"
        "def f():\n    return pkg.X, explore, plotting\n",
        "pkg/explore.py": _IMPORTS_ITS_PACKAGE, "pkg/plotting.py": _IMPORTS_ITS_PACKAGE, **extra,
    })


def test_names_the_package_binds_before_importing_the_reader_cannot_fail(make_repo, cli):
    """The package binds the names its module reads while imported above its import of
    that module: they are there whichever module is imported first."""
    cannot_fail(make_repo, cli, {
        "pkg/__init__.py": "class BaseRetrying: ...\n\n\nclass DoSleep: ...\n\n\nfrom pkg.aio import AsyncRetrying\n",
        "pkg/aio/__init__.py": "import pkg\nfrom pkg import BaseRetrying, DoSleep\n\n\n"
        "class AsyncRetrying(BaseRetrying):\n    sleep = pkg.DoSleep\n",
    })


# The plugin module imported above the base class it derives from: importing the
# package first fails (bs4 imports it below, which cannot fail; the advice is what is
# tested here).
_REGISTRY = (
    "import sys\n\nfrom . import _htmlparser\n\n\nclass TreeBuilder: ...\n\n\nclass HTMLTreeBuilder(TreeBuilder): ...\n\n\n"
    "def register_treebuilders_from(module):\n    this_module = sys.modules[__name__]\n    for name in module.__all__:\n"
    "        obj = getattr(module, name)\n        {use}\n\n\n"
    "register_treebuilders_from(_htmlparser)\n"
)


@pytest.mark.parametrize("use, pinned", [
    # bs4's builder registry writes names onto its own module: nothing looks a name up.
    ("setattr(this_module, name, obj)\n        this_module.__all__.append(name)\n        this_module.registry.append(obj)", False),
    # Reading a name off the module object by a computed name: a moved definition is missed.
    ("setattr(this_module, name, getattr(this_module, 'Base' + name))", True),
])
def test_a_module_that_only_writes_names_onto_itself_can_lose_its_definitions(make_repo, cli, use, pinned):
    """bs4's ``builder/__init__.py`` binds ``this_module = sys.modules[__name__]`` and
    ``setattr``s each plugin's builder on it: a write, which moves no lookup, so its base
    classes can move into a module outside the cycle. A module that reads its own names by
    a computed name keeps them (the advice says no edit of the import breaks it)."""
    [finding] = _cycles(make_repo, cli, {
        "b/__init__.py": "",
        "b/builder/__init__.py": _REGISTRY.format(use=use),
        "b/builder/_htmlparser.py": "from b.builder import HTMLTreeBuilder\n\n__all__ = ['HTMLParserTreeBuilder']\n\n\n"
        "class HTMLParserTreeBuilder(HTMLTreeBuilder): ...\n",
    })
    assert ("looks names up in its own namespace by computed name" in finding["message"]) is pinned, finding["message"]
    assert ("break it by moving the definitions of `HTMLTreeBuilder`" in finding["message"]) is not pinned, finding["message"]
