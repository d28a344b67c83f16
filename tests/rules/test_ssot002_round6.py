"""SSOT002's advice on the shapes a sixth holdout of real code got wrong (pretalx, astropy,
awx, streamlit, radicale, octoprint): every cycle was real, the advice was not. Each test
reads what the user reads, the JSON finding (and, for the name uses behind the advice, the
per-file summary both engines share)."""

from __future__ import annotations

from ssotlint.extract.summary import USE_ANNOTATION, USE_CALL, USE_IMPORT_TIME, USE_NONE
from tests.rules.cycle_findings import cannot_fail, cycles as _cycles, advice as _advice, import_uses as _uses


def test_a_definition_behind_a_half_initialised_package_of_the_importer_is_not_advised(make_repo, cli):
    """``person/models/user.py`` imports ``Event`` from ``ev.models``; importing
    ``ev.models.event`` instead still runs ``ev/models/__init__.py``, whose ``organiser``
    imports ``person.models``: the package ``user`` is inside of, half-way through its
    ``__init__``, which imports ``user`` (pretalx, astropy's coordinates.angles, awxkit's
    mixins). The cycle would stay: the advice is the deferral, which works."""
    [finding] = _cycles(make_repo, cli, {
        "ev/__init__.py": "",
        "ev/models/__init__.py": "from .event import Event\nfrom .organiser import Organiser\n",
        "ev/models/event.py": "class Event: ...\n",
        "ev/models/organiser.py": "from person.models import User\n\n\nclass Organiser(User): ...\n",
        "person/__init__.py": "",
        "person/models/__init__.py": "from .user import User\n",
        "person/models/user.py": "from ev.models import Event\n\n\nclass User:\n    def events(self):\n        return Event()\n",
    })
    assert _advice(finding) == (
        "break it by moving person/models/user.py:1 `from ev.models import Event` into the function that uses it"
    ), finding["message"]


def test_a_name_the_package_binds_before_the_import_that_leads_back_cannot_fail(make_repo, cli):
    """``ev/sub/user.py`` imports ``Event`` from ``ev``, whose ``__init__`` binds it on
    line 1, above its import of ``other`` (which imports ``user``); ``ev.event`` runs
    only ``ev/sub/__init__.py``, which leads back to nothing: no order fails."""
    cannot_fail(make_repo, cli, {
        "ev/__init__.py": "from .event import Event\nfrom .other import Other\n",
        "ev/event.py": "from ev.sub import Helper\n\n\nclass Event(Helper): ...\n",
        "ev/other.py": "from ev.sub.user import User\n\n\nclass Other(User): ...\n",
        "ev/sub/__init__.py": "class Helper: ...\n",
        "ev/sub/user.py": "from ev import Event\n\n\nclass User(Event): ...\n",
    })


def test_a_package_read_only_in_a_quoted_type_alias_cannot_fail(make_repo, cli):
    """``import w`` in ``w/path.py`` is read only in ``Type["w.events.Watcher"]``, a
    forward reference nothing evaluates (streamlit's watcher): no order fails."""
    cannot_fail(make_repo, cli, {
        "w/__init__.py": "from w import path\n",
        "w/events.py": "class Watcher: ...\n",
        "w/path.py": "from __future__ import annotations\n\nfrom typing import Type, Union\n\nimport w\n\n\n"
        "class Poller: ...\n\n\nWatcherType = Union[Type[\"w.events.Watcher\"], Type[Poller]]\n",
    })


def test_of_a_statement_only_the_names_annotations_use_go_under_type_checking(make_repo, cli):
    """``from app import config, utils``: ``config`` (the module of the cycle) is used only
    in string annotations, ``utils`` is called in a function (radicale's group). Moving the
    whole statement under ``TYPE_CHECKING`` would break the call: only ``config`` goes."""
    [finding] = _cycles(make_repo, cli, {
        "app/__init__.py": "",
        "app/group.py": "from app import config, utils\n\n\ndef load(c: \"config.Configuration\"):\n    return utils.load(c)\n",
        "app/config.py": "from app import group\n\n\nclass Configuration:\n    plugin = group.load\n",
        "app/utils.py": "def load(c):\n    return c\n",
    })
    assert _advice(finding) == (
        "break it at app/group.py:1 `from app import config, utils` by moving its import of `config` under "
        "`if TYPE_CHECKING:` (only annotations use it); its other names stay (or go into the functions that use them)"
    ), finding["message"]


def test_a_dotted_import_of_a_package_read_in_a_method_cannot_fail(make_repo, cli):
    """``import o.server`` in ``o/server/sock.py`` is read only in a method
    (``o.server.VERSION``, octoprint's sockjs), and ``o.printer``, read in the class
    body, leads back to nothing: no order fails."""
    cannot_fail(make_repo, cli, {
        "o/__init__.py": "",
        "o/printer.py": "class Callback: ...\n",
        "o/server/__init__.py": "VERSION = 1\n\nfrom o.server import sock\n",
        "o/server/sock.py": "import o.printer\nimport o.server\n\n\nclass Socket(o.printer.Callback):\n"
        "    def version(self):\n        return o.server.VERSION\n",
    })


def test_uses_of_dotted_imports_go_to_the_import_whose_module_they_read():
    source = """\
        import a.b
        import a.b.c
        import a.d
        import a
        import os.path

        X = a.b.c.VALUE


        def f():
            return a.b.other, a.zz, os.path.join


        def g():
            return a.d
        """
    for engine in ("libcst", "ast"):
        uses = _uses(source, engine)
        # a.b.c.VALUE is a.b.c's (the longest module it reads through); a.b.other is a.b's;
        # a.zz, which no dotted import loads, is every import's of ``a``, the plain one too.
        assert uses["a.b"] == (USE_CALL,), engine
        assert uses["a.b.c"] == (USE_IMPORT_TIME,), engine
        assert uses["a.d"] == (USE_CALL,), engine
        assert uses["a"] == (USE_CALL,), engine
        assert uses["os.path"] == (USE_CALL,), engine


def test_quoted_names_in_a_type_form_are_annotations_but_literal_strings_are_values():
    source = """\
        from typing import Literal, Optional, cast
        from app import model, mode, Base

        Alias = Optional["model.Model"]
        Kind = Literal["mode"]
        lookup = {"Base": 1}["Base"]
        """
    for engine in ("libcst", "ast"):
        uses = _uses(source, engine)
        assert uses["app.model,mode,Base"] == (USE_ANNOTATION, USE_NONE, USE_NONE), engine
