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
