"""SSOT002's advice on two shapes an eleventh reading found wrong:

- a package attribute that other first-party code rebinds while the program runs
  (holoviews' ``ipython/__init__.py`` sets ``hv.archive = notebook_archive`` and
  ``display_hooks.py`` reads ``hv.archive`` for that object): importing ``archive`` from
  the module that first defines it would keep the first object, so the advice must not;
- a registration-like import at a module's bottom whose names nothing reads, while the
  module's functions read the imported module through another import's name
  (``app.events.on_insert`` after ``import app``): moving the statement out of the module
  would leave those functions without it, so the import goes into them.

Each test reads the JSON finding; the last ones read the summary facts behind them."""

from __future__ import annotations

import pytest

from ssotlint.extract.summarize import summarize
from ssotlint.extract.summary import USE_CALL, USE_IMPORT_TIME
from ssotlint.model.changes import Change, Since, Snapshot
from ssotlint.rules.ssot002_circular_import import RULE
from ssotlint.testing import config_from_text, model_in_memory
from tests.rules.cycle_findings import advice as _advice, cannot_fail, cycles as _cycles

# ``app`` re-exports ``archive`` from ``app.core`` and imports ``app.hooks``, which holds the
# package as an object and reads ``hv.archive`` in a function: a cycle app -> app.hooks -> app.
_HOOKS = (
    "import app as hv\n\n\ndef show(x):\n    return hv.archive.add(x)\n\n\n"
    "def pick():\n    return hv.output\n"
)
_REPO = {
    "app/__init__.py": "from app.core import archive, output\nfrom app import hooks\n",
    "app/core.py": "archive = object()\noutput = object()\n",
    "app/hooks.py": _HOOKS,
}
_SETTER = "import app\n\n\ndef enable(notebook):\n    app.archive = notebook\n"


def test_a_package_read_off_in_functions_only_cannot_fail(make_repo, cli):
    """``hooks`` reads ``hv.archive`` and ``hv.output`` only in functions, whatever other
    code later sets on the package: no order of importing them fails, and nothing is
    reported (which attribute a deferred import would read, the one set last, is no
    longer advice to give)."""
    cannot_fail(make_repo, cli, {**_REPO, "app/notebook.py": _SETTER})


# A module registering listeners at the bottom of ``app.models`` (see the tenth round's tests).
# It also takes ``READY``, bound below that import, so importing ``app.models`` first fails.
_EVENTS = "from app.models import Host, db, READY\n\nLISTENED = [Host]\n\n\ndef on_insert(target):\n    return db.add(target)\n"


def _models(body: str, tail: str = "") -> str:
    return (
        f"import app\n\ndb = object()\n\n\nclass Host:\n{body}\n\n"
        f"# after every model\nfrom app import events  # noqa: F401\n{tail}\nREADY = True\n"
    )


def test_a_bottom_import_whose_module_functions_read_otherwise_goes_into_them(make_repo, cli):
    models = _models("    def save(self):\n        return app.events.on_insert(self)\n")
    [finding] = _cycles(make_repo, cli, {"app/__init__.py": "", "app/events.py": _EVENTS, "app/models.py": models})
    assert _advice(finding) == (
        "break it by importing app.events inside the functions of app/models.py that read it (as "
        "`app.events.on_insert`) instead of at app/models.py:12 `from app import events`: nothing reads the names "
        "that statement binds, and those functions find app.events only once it is imported; if it is also there "
        "for what importing app.events does (registering what app.models defines), import it where the program "
        "starts too (after it imports app.models)"
    ), finding["message"]


def test_a_bottom_import_nothing_reads_at_all_still_moves_to_the_start(make_repo, cli):
    """The control: the functions read another attribute of the package, not the module."""
    models = _models("    def save(self):\n        return app.eventsx.on_insert(self)\n")
    [finding] = _cycles(make_repo, cli, {"app/__init__.py": "", "app/events.py": _EVENTS, "app/models.py": models})
    assert "out of app/models.py, to where the program starts" in _advice(finding), finding["message"]


def test_a_bottom_import_whose_module_is_read_while_it_is_imported_is_not_moved(make_repo, cli):
    models = _models("    pass\n", tail="\nLISTENERS = app.events.LISTENED\n")
    [finding] = _cycles(make_repo, cli, {"app/__init__.py": "", "app/events.py": _EVENTS, "app/models.py": models})
    assert "to where the program starts" not in finding["message"]
    assert "inside the functions" not in finding["message"], finding["message"]


@pytest.mark.parametrize("libcst", [True, False], ids=["libcst", "ast"])
def test_the_summary_lists_the_attributes_code_sets_on_imported_names(libcst):
    text = (
        "import app as hv\nimport os.path\nfrom app import core, Store\n\n"
        "hv.top = 1\n\n\nclass K:\n    def m(self, a):\n        self.x = a\n        hv.archive = a\n"
        "        hv.archive.exporters = [a]\n        core.flag: int = 2\n        setattr(hv, 'output', a)\n"
        "        setattr(hv, a, 1)\n        os.path.sep += '/'\n        local.z = 3\n"
    )
    summary = summarize(text.encode(), use_libcst=libcst)
    assert sorted(summary.attribute_sets) == [
        ("core", "flag"), ("hv", "archive"), ("hv", "output"), ("hv", "top"), ("hv.archive", "exporters"),
    ]


@pytest.mark.parametrize("libcst", [True, False], ids=["libcst", "ast"])
def test_the_summary_lists_the_dotted_paths_code_reads_off_imported_names(libcst):
    text = (
        "import app\nimport scapy.all\nfrom pkg import sub, Store\n\nX = app.config.DEBUG\n\n\n"
        "def f(a=sub.default.value):\n    return app.events.on_insert(scapy.layers.inet6.IPv6, Store.items.x)\n\n\n"
        "g = lambda: app.config.DEBUG\nh = lambda: app.late.x\napp.target.y = 1\n# app.comment.z\n"
    )
    summary = summarize(text.encode(), use_libcst=libcst)
    assert summary.dotted_reads == (
        ("app.config.DEBUG", USE_IMPORT_TIME), ("app.events.on_insert", USE_CALL), ("app.late.x", USE_CALL),
        ("app.target", USE_IMPORT_TIME), ("scapy.layers.inet6.IPv6", USE_CALL), ("sub.default.value", USE_IMPORT_TIME),
    )


@pytest.mark.parametrize(
    "setter, kept",
    [(_SETTER, False), ("import app\n\n\ndef enable(n):\n    return app.archive\n", True)],
    ids=["sets-the-attribute", "reads-it"],
)
def test_a_rebinding_that_appears_outside_every_cycle_makes_the_cycles_be_checked_again(setter, kept):
    """Where a name read off a package is set decides the advice (and the import advised),
    though no import changes: ``score --history`` does not keep the findings then."""
    first, settings = {**_REPO, "app/notebook.py": "import app\n"}, config_from_text("")
    before = model_in_memory(first, settings)
    snapshot = Snapshot.of(before)
    since = Since(before.reachability, frozenset())
    change = Change(snapshot, model_in_memory({**first, "app/notebook.py": setter}, settings, previous=before))
    assert RULE.unchanged(change, change.since(since)) is kept
