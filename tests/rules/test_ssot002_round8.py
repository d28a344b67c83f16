"""SSOT002's advice on the shapes an eighth reading of real code (round 7's holdout, read
again on main) still got wrong: the cycles were real, but the advice did not break them
(numba's ``cuda/dispatcher.py``, sabnzbd's and Tautulli's submodules importing their
package, pytorch-lightning's ``_graveyard``, sabnzbd's ``cfg.py``). Each test reads what
the user reads, the JSON finding."""

from __future__ import annotations

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
        "break it by moving c/dispatcher.py:1 `import c` into the function that uses it or under `if TYPE_CHECKING:`"
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
        "break it by moving pkg/config.py:1 `import pkg` into the function that uses it or under "
        "`if TYPE_CHECKING:`; that alone leaves pkg.config on a cycle with pkg: its import of pkg.helpers (line 2) "
        "leads back to it through modules that import pkg, and the cycle goes only when that does too (or those "
        "modules stop importing it)"
    ), two["message"]


def test_moving_the_only_import_that_leads_back_says_nothing_more(make_repo, cli):
    """``config`` imports nothing else of the package: moving ``import pkg`` breaks it."""
    [finding] = _cycles(make_repo, cli, {
        **_PACKAGE_READ_IN_FUNCTIONS,
        "pkg/config.py": "import os\n\nimport pkg\n\n\ndef load():\n    return pkg.DEBUG, os.sep\n",
    })
    assert _advice(finding) == (
        "break it by moving pkg/config.py:3 `import pkg` into the function that uses it or under `if TYPE_CHECKING:`"
    ), finding["message"]
