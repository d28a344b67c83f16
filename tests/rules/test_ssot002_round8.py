"""SSOT002's advice on the shapes an eighth reading of real code (round 7's holdout, read
again on main) still got wrong: the cycles were real, but the advice did not break them
(numba's ``cuda/dispatcher.py``, sabnzbd's and Tautulli's submodules importing their
package, pytorch-lightning's ``_graveyard``, sabnzbd's ``cfg.py``). Each test reads what
the user reads, the JSON finding."""

from __future__ import annotations

import pytest

from tests.rules.cycle_findings import advice as _advice, cycles as _cycles


def test_a_cycle_that_cannot_fail_is_not_traded_for_another(make_repo, cli):
    """``c/dispatcher.py``'s ``import c`` is read only in a method: its cycle cannot fail,
    and is reported because a function can take the import. ``c.grid`` is defined in
    ``c.intrinsics``, whose own ``import c`` passes the package on while it is imported
    (no cycle of its own is reported): importing ``grid`` from there would close a cycle
    again, through an import that cannot fail either. The advice is the deferral, which
    takes the cycle out (numba's ``cuda/dispatcher.py``, told to import ``grid`` from
    ``cuda.intrinsics``)."""
    [finding] = _cycles(make_repo, cli, {
        "c/__init__.py": "from .device_init import *\n",
        "c/device_init.py": "from .intrinsics import grid\nfrom .dispatcher import Dispatcher\n",
        "c/intrinsics.py": "import c\n\n\ndef register(module):\n    return module\n\n\nREGISTERED = register(c)\n\n\n"
        "def grid():\n    return 1\n",
        "c/dispatcher.py": "import c\n\n\nclass Dispatcher:\n    def run(self):\n        return c.grid()\n",
    })
    assert finding["path"] == "c/__init__.py", finding["message"]
    assert _advice(finding) == (
        "break it by moving c/dispatcher.py:1 `import c` into the function that uses it"
    ), finding["message"]


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


def test_moving_an_import_of_the_package_that_leaves_the_module_on_the_cycle_says_so(make_repo, cli):
    """``pkg/config.py``'s ``import pkg`` is read only inside a function: a function can
    take it, but ``config`` also imports ``pkg.helpers``, which imports ``pkg``, so moving
    it alone leaves ``config`` on a cycle with ``pkg`` (sabnzbd's ``api.py`` importing
    ``sabnzbd.cfg``, Tautulli's ``config.py`` importing ``plexpy.helpers``). The advice says
    which of its imports lead back, rather than promising a move that changes nothing."""
    found = _cycles(make_repo, cli, {
        **_PACKAGE_READ_IN_FUNCTIONS,
        "pkg/config.py": "import pkg\nfrom pkg import helpers\n\n\ndef load():\n    return pkg.DEBUG, helpers.debug()\n",
    })
    [two] = [f for f in found if f["message"].startswith("circular import: pkg -> pkg.config -> pkg (")]
    assert _advice(two) == (
        "break it by moving pkg/config.py:1 `import pkg` into the function that uses it; that alone leaves pkg.config on a cycle with pkg "
        "until the other imports advised for these modules move too: its import of pkg.helpers (line 2) leads back to it only through them"
    ), two["message"]


def test_moving_the_only_import_that_leads_back_says_nothing_more(make_repo, cli):
    """``config`` imports nothing else of the package: moving ``import pkg`` breaks it."""
    [finding] = _cycles(make_repo, cli, {
        **_PACKAGE_READ_IN_FUNCTIONS,
        "pkg/config.py": "import os\n\nimport pkg\n\n\ndef load():\n    return pkg.DEBUG, os.sep\n",
    })
    assert _advice(finding) == (
        "break it by moving pkg/config.py:3 `import pkg` into the function that uses it"
    ), finding["message"]


def test_only_what_the_module_reads_of_its_package_while_imported_is_to_move(make_repo, cli):
    """``pkg/cfg.py`` reads ``pkg.WINDOWS`` at module level, and ``pkg.RESTART``, state
    other code sets at run time, only inside a function (sabnzbd's ``cfg.py``). Only
    ``WINDOWS`` keeps the import at module level: it is the definition to move; ``RESTART``
    stays read off the package in the function (imported by name, it would be frozen)."""
    [finding] = _cycles(make_repo, cli, {
        "pkg/__init__.py": "WINDOWS = False\nRESTART = False\n\nimport pkg.cfg\n",
        "pkg/cfg.py": "import pkg\n\nDEFAULT = not pkg.WINDOWS\n\n\ndef restart():\n    return pkg.RESTART\n",
    })
    assert _advice(finding) == (
        "pkg/cfg.py:1 `import pkg` cannot move into a function: pkg/cfg.py uses `pkg` while it is imported (at module "
        "level, in a class body, a decorator or a default value); break it by moving the definition of `WINDOWS`, "
        "which pkg defines itself, into a module that imports none of the cycle's modules, and importing it from "
        "there; what it reads of pkg only inside functions (`RESTART`) stays read off the package there, and the "
        "import goes into those functions"
    ), finding["message"]


_PATCHES_ITS_PACKAGE = {
    "pl/__init__.py": "from pl.trainer import Trainer\nimport pl._graveyard\n",
    "pl/trainer.py": "from pl.accelerators import Acc\n\n\nclass Trainer: ...\n",
    "pl/_graveyard/__init__.py": "import pl._graveyard.tpu\n",
    "pl/_graveyard/tpu.py": "import pl\n\n\ndef _patch():\n    setattr(pl.accelerators, 'Old', pl.accelerators.Acc)\n\n\n_patch()\n",
}


def test_a_module_patching_its_packages_submodules_is_not_told_to_move_them(make_repo, cli):
    """``pl/_graveyard/tpu.py`` reads the package's own submodule ``accelerators`` while it is
    imported, to patch it (pytorch-lightning's ``_graveyard``): there is no definition to
    move. ``pl/__init__.py`` has imported it (through ``trainer``) above line 2, which
    leads to ``_graveyard`` and its ``tpu``, so the import finds it in any order; ``accelerators`` imports
    ``pl`` too, so importing it directly leads back: the advice says the cycle is by
    design and what keeps it safe."""
    found = _cycles(make_repo, cli, {
        **_PATCHES_ITS_PACKAGE,
        "pl/accelerators.py": "import pl\n\n\nclass Acc:\n    def trainer(self):\n        return pl.Trainer\n",
    })
    [finding] = [f for f in found if "pl._graveyard" in f["message"]]
    assert _advice(finding) == (
        "pl/_graveyard/tpu.py:1 `import pl` cannot move into a function: pl/_graveyard/tpu.py uses `pl` while it is imported, "
        "for the submodule `accelerators` of pl, which pl/__init__.py has imported (itself or through its imports) "
        "above line 2, its first import that leads to pl._graveyard.tpu: the import finds it in any import order. "
        "Importing it directly leads back too, so no edit of this import breaks the cycle: keep that order (the "
        "module changes its package while it is imported), and suppress the finding on this line saying so"
    ), finding["message"]


def test_a_module_patching_submodules_that_do_not_lead_back_imports_them_directly(make_repo, cli):
    """The same, but ``accelerators`` imports nothing of ``pl`` (pytorch-lightning's
    ``fabric/_graveyard/tpu.py``): importing it as a module breaks the cycle."""
    [finding] = _cycles(make_repo, cli, {**_PATCHES_ITS_PACKAGE, "pl/accelerators.py": "class Acc: ...\n"})
    assert _advice(finding) == (
        "pl/_graveyard/tpu.py:1 `import pl` cannot move into a function: pl/_graveyard/tpu.py uses `pl` while it is imported, "
        "for the submodule `accelerators` of pl; break it by importing it as module (`from pl import accelerators`) "
        "instead of reading it off the package: it does not lead back to pl._graveyard.tpu"
    ), finding["message"]


def test_of_alternatives_those_that_take_the_importer_off_the_cycle_are_kept(make_repo, cli):
    """Two imports that cannot fail close the cycle: ``point``'s ``import m._internal`` and
    ``m/_internal/__init__.py``'s ``import m``, each read only in a function, so either is
    an alternative. But ``m._internal`` also imports ``helper``, which imports ``m``: moving
    its import alone leaves it on a cycle with ``m``. Only ``point``'s is advised
    (opentelemetry's ``sdk/metrics/_internal/point.py``)."""
    found = _cycles(make_repo, cli, {
        "m/__init__.py": "from m.export import E\n",
        "m/export.py": "from m._internal.point import P\n\n\nclass E: ...\n",
        "m/_internal/__init__.py": "import m\nfrom m._internal.helper import H\n\n\ndef f():\n    return m.E\n",
        "m/_internal/point.py": "import m._internal\n\n\nclass P:\n    def g(self):\n        return m._internal.f()\n",
        "m/_internal/helper.py": "import m\n\n\nclass H:\n    def h(self):\n        return m.E\n",
    })
    [finding] = [f for f in found if f["message"].startswith("circular import: m -> m.export -> m._internal.point -> m._internal -> m (")]
    assert _advice(finding) == (
        "break it by moving m/_internal/point.py:1 `import m._internal` into the function that uses it"
    ), finding["message"]


def test_a_way_back_through_an_import_that_only_passes_the_package_on_does_not_count(make_repo, cli):
    """``helpers``' ``import pkg`` only passes the package object on while it is imported
    (hypothesis' ``escalation.py``): it can never fail, and the cycles it closes are not
    reported, so ``config``'s import of ``helpers`` leaves it on no cycle worth a word."""
    [finding] = _cycles(make_repo, cli, {
        "pkg/__init__.py": "from pkg import config\n\nDEBUG = 0\n",
        "pkg/helpers.py": "import pkg\n\n\ndef belongs_to(package):\n    return package.__name__\n\n\n"
        "OWN = belongs_to(pkg)\n",
        "pkg/config.py": "import pkg\nfrom pkg import helpers\n\n\ndef load():\n    return pkg.DEBUG, helpers.OWN\n",
    })
    assert _advice(finding) == (
        "break it by moving pkg/config.py:1 `import pkg` into the function that uses it"
    ), finding["message"]


@pytest.mark.parametrize("files, cycle, advice", [
    # ``conf``'s other import is of ``v.fw``, a package it is in: that package started
    # before ``conf`` ran, so its ``__init__`` (which imports ``iface``) does not run again
    # (volatility3's ``from volatility3 import framework`` in
    # ``framework/interfaces/configuration.py``).
    (
        {
            "v/__init__.py": "",
            "v/fw/__init__.py": "from v.fw import iface\n",
            "v/fw/iface/__init__.py": "from v.fw.iface import conf\n",
            "v/fw/iface/conf.py": "from v import fw\nfrom v.fw import iface\n\n\ndef load():\n    return fw, iface\n",
        },
        "v.fw.iface -> v.fw.iface.conf -> v.fw.iface ",
        "break it by moving v/fw/iface/conf.py:2 `from v.fw import iface` into the function that uses it",
    ),
    # ``local``'s other import, ``o.printer``, imports from ``o.fm.storage``: the package
    # whose ``__init__`` is importing ``local``, which has started and does not run again
    # (OctoPrint's ``printer`` importing from ``filemanager.storage``).
    (
        {
            "o/__init__.py": "",
            "o/fm/__init__.py": "from o.fm.storage import Local\n",
            "o/fm/storage/__init__.py": "from o.fm.storage.local import Local\n",
            "o/fm/storage/local.py": "import o.fm\nfrom o import printer\n\n\nclass Local:\n    def fm(self):\n        return o.fm, printer\n",
            "o/printer.py": "from o.fm.storage import Local\n",
        },
        "o.fm -> o.fm.storage -> o.fm.storage.local -> o.fm ",
        "break it by moving o/fm/storage/local.py:1 `import o.fm` into the function that uses it",
    ),
])
def test_a_way_back_through_a_package_that_has_started_is_none(make_repo, cli, files, cycle, advice):
    """A package the module is in has started before the module runs and does not run
    again: no way back goes through it, and the move alone breaks the cycle (a note that
    it leaves the module on the cycle would be false)."""
    [finding] = [f for f in _cycles(make_repo, cli, files) if f["message"].startswith(f"circular import: {cycle}")]
    assert _advice(finding) == advice, finding["message"]


def test_a_way_back_only_through_imports_other_findings_advise_moving_says_so(make_repo, cli):
    """``om``'s other import, ``dl``, leads back to ``pkg`` only through ``dl``'s own
    ``import pkg``, which its own finding advises moving (astroid's ``objectmodel`` and
    ``dunder_lookup``, each the other's only way back). The note says the cycle goes once
    that advice is followed too, not that ``dl`` must stop importing ``pkg`` some other way."""
    found = _cycles(make_repo, cli, {
        "pkg/__init__.py": "from pkg import om, dl\n\nX = 1\n",
        "pkg/om.py": "import pkg\nfrom pkg import dl\n\n\ndef f():\n    return pkg.X, dl\n",
        "pkg/dl.py": "import pkg\n\n\ndef g():\n    return pkg.X\n",
    })
    [om] = [f for f in found if f["message"].startswith("circular import: pkg -> pkg.om -> pkg ")]
    assert _advice(om) == (
        "break it by moving pkg/om.py:1 `import pkg` into the function that uses it; that alone leaves pkg.om on a "
        "cycle with pkg until the other imports advised for these modules move too: its import of pkg.dl (line 2) "
        "leads back to it only through them"
    ), om["message"]
    [dl] = [f for f in found if f["message"].startswith("circular import: pkg -> pkg.dl -> pkg ")]
    assert _advice(dl) == "break it by moving pkg/dl.py:1 `import pkg` into the function that uses it", dl["message"]


_IMPORTS_ITS_PACKAGE = "import pkg\n\n\ndef g():\n    return pkg.X\n"


def test_ways_back_the_other_advice_leaves_are_named(make_repo, cli):
    """geopandas' ``geoseries.py``: its ``explore`` and ``plotting`` each import the package,
    and a component of many cycles reports five. Explore's is one of them, whose finding
    advises moving its import; plotting's way back stays, and the note names it alone."""
    others = 3
    extra = {f"pkg/a{i}.py": _IMPORTS_ITS_PACKAGE for i in range(others)}
    found = _cycles(make_repo, cli, {
        "pkg/__init__.py": f"from pkg import geoseries{''.join(f', a{i}' for i in range(others))}\n\nX = 1\n",
        "pkg/geoseries.py": "import pkg\nfrom pkg import explore\nfrom pkg import plotting\n\n\n"
        "def f():\n    return pkg.X, explore, plotting\n",
        "pkg/explore.py": _IMPORTS_ITS_PACKAGE, "pkg/plotting.py": _IMPORTS_ITS_PACKAGE, **extra,
    })
    [finding] = [f for f in found if f["message"].startswith("circular import: pkg -> pkg.geoseries -> pkg ")]
    assert _advice(finding) == (
        "break it by moving pkg/geoseries.py:1 `import pkg` into the function that uses it; that alone leaves "
        "pkg.geoseries on a cycle with pkg: its import of pkg.plotting (line 3) leads back to it through modules that "
        "import pkg, even once the other imports advised for these modules move, and the cycle goes only when that "
        "does too (or those modules stop importing it)"
    ), finding["message"]


def test_names_the_package_itself_defines_are_not_told_to_come_from_their_defining_modules(make_repo, cli):
    """``aio`` imports the package (``import pkg``) and names its ``__init__`` defines
    (``from pkg import BaseRetrying``), needed while it is imported (tenacity's ``asyncio``):
    there is no other module to import them from, so the advice moves what it uses out of
    the package, and never says "from the modules that define them"."""
    [finding] = _cycles(make_repo, cli, {
        "pkg/__init__.py": "class BaseRetrying: ...\n\n\nclass DoSleep: ...\n\n\nfrom pkg.aio import AsyncRetrying\n",
        "pkg/aio/__init__.py": "import pkg\nfrom pkg import BaseRetrying, DoSleep\n\n\n"
        "class AsyncRetrying(BaseRetrying):\n    sleep = pkg.DoSleep\n",
    })
    assert _advice(finding) == (
        "pkg/aio/__init__.py:1 `import pkg` and pkg/aio/__init__.py:2 `from pkg import BaseRetrying, DoSleep` cannot move "
        "into a function: pkg/aio/__init__.py uses `pkg`, `BaseRetrying` while it is imported (at module level, in a class "
        "body, a decorator or a default value); break it by moving what it uses of pkg into a module that imports none of "
        "the cycle's modules, and importing that from there"
    ), finding["message"]


_REGISTRY = (
    "import sys\n\n\nclass TreeBuilder: ...\n\n\nclass HTMLTreeBuilder(TreeBuilder): ...\n\n\n"
    "def register_treebuilders_from(module):\n    this_module = sys.modules[__name__]\n    for name in module.__all__:\n"
    "        obj = getattr(module, name)\n        {use}\n\n\n"
    "from . import _htmlparser\nregister_treebuilders_from(_htmlparser)\n"
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
