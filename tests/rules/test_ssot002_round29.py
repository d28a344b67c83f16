"""SSOT002 on shapes a 29th reading of unseen repositories found: a module that takes from
another only names that one binds above the import that leads back cannot fail, whether
the other is its package or not (sentry's ``tracing`` and ``tracing_utils`` importing each
other at their bottoms; optuna's ``samplers`` taking ``StudyDirection`` from ``study``).
The interpreter is the judge of each fixture."""

from __future__ import annotations

from tests.rules.cycle_findings import can_fail, cannot_fail

_EVENTS = "from app.models import Host, db\n\nLISTENED = [Host]\n\n\ndef on_insert(target):\n    return db.add(target)\n"
_MODELS = "import app\n\ndb = object()\n\n\nclass Host:\n    pass\n\n\n# after every model\nfrom app import events  # noqa: F401\n"


def test_modules_importing_each_other_at_their_bottoms_for_names_defined_above_cannot_fail(make_repo, cli):
    cannot_fail(make_repo, cli, {
        "sdk/__init__.py": "",
        "sdk/tracing.py": "import os\n\n\nclass Span:\n    pass\n\n\nclass Transaction(Span):\n    pass\n\n\n"
                          "# Circular imports\nfrom sdk.tracing_utils import Baggage, has_tracing  # noqa: E402\n",
        "sdk/tracing_utils.py": "class Baggage:\n    pass\n\n\ndef has_tracing():\n    return True\n\n\n"
                                "# Circular imports\nfrom sdk.tracing import Span, Transaction  # noqa: E402\n",
    })


def test_a_registration_import_at_the_bottom_of_the_models_cannot_fail(make_repo, cli):
    """faraday's ``import faraday.server.events`` below every model: ``events`` takes only
    what the models define above it, so neither order fails."""
    cannot_fail(make_repo, cli, {"app/__init__.py": "", "app/events.py": _EVENTS, "app/models.py": _MODELS})


def test_a_name_bound_below_the_import_that_leads_back_can_fail(make_repo, cli):
    """The control: one name the other module binds below its import of this one, and
    importing that module first fails."""
    files = {
        "sdk/__init__.py": "",
        "sdk/tracing.py": "class Span:\n    pass\n\n\nfrom sdk.tracing_utils import Baggage  # noqa: E402\n\n\nclass Late:\n    pass\n",
        "sdk/tracing_utils.py": "class Baggage:\n    pass\n\n\nfrom sdk.tracing import Span, Late  # noqa: E402\n",
    }
    [finding] = can_fail(make_repo, cli, files)
    assert "sdk.tracing" in finding["message"], finding["message"]


def test_a_package_taking_a_name_its_init_binds_above_what_leads_back_cannot_fail(make_repo, cli):
    """``plugins`` (outside ``handlers``) takes ``get``, which the package's ``__init__``
    binds a line before it imports what leads to ``plugins`` (optuna's ``samplers`` and
    ``study``)."""
    cannot_fail(make_repo, cli, {
        "app/__init__.py": "",
        "app/handlers/__init__.py": "from app.handlers.http import get\nfrom app.handlers import ws\n",
        "app/handlers/http.py": "def get():\n    return 1\n",
        "app/handlers/ws.py": "import app.connection\n",
        "app/connection.py": "import app.plugins\n",
        "app/plugins.py": "from app.handlers import get\n\n\nclass Plugin:\n    route = get\n",
    })


def test_a_module_read_off_its_package_while_it_may_be_running_is_reported(make_repo, cli):
    """``models`` reads ``app.events.LISTENED`` below its bottom import of ``events``:
    imported first, ``events`` runs ``models``, and ``app`` has no ``events`` attribute
    until ``events`` has finished (the interpreter: "cannot access submodule 'events' of
    module 'app'"). That is a read of ``events``, though it goes through the package."""
    root = make_repo({
        "app/__init__.py": "", "app/events.py": _EVENTS, "app/models.py": _MODELS + "\nLISTENERS = app.events.LISTENED\n",
    })
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT002")
    assert result.code == 1, result.out
    [finding] = result.json()["violations"]
    assert set(finding["details"]["modules"]) == {"app.events", "app.models"}


_TYPED = {
    "app/__init__.py": "",
    "app/message.py": (
        "from __future__ import annotations\n\nfrom typing import TypedDict\n\nfrom app.interactions import Meta\n\n\n"
        "class Attachment(TypedDict):\n    url: str\n\n\nclass Message(TypedDict):\n    meta: Meta\n"
    ),
    "app/interactions.py": (
        "from __future__ import annotations\n\nfrom typing import TypedDict\n\nfrom app.message import Attachment\n\n\n"
        "class Meta(TypedDict):\n    files: list[Attachment]\n\n\nKINDS = (Attachment,)\n"
    ),
}


def test_a_name_other_modules_import_only_for_type_checkers_may_move_under_type_checking(make_repo, cli):
    """discord.py's ``types/message.py`` takes ``MessageInteractionMetadata`` for its
    annotations, and ``discord/message.py`` imports it from there only under ``if
    TYPE_CHECKING:``: the import may move under ``TYPE_CHECKING`` (type checkers still see
    the name), a one-line fix; it is no run-time re-export that forces the definitions to
    move."""
    files = {**_TYPED, "app/client.py": "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    from app.message import Meta\n"}
    [finding] = can_fail(make_repo, cli, files)
    assert finding["message"].endswith(
        "break it by moving app/message.py:5 `from app.interactions import Meta` under `if TYPE_CHECKING:`: its names "
        "are used only in annotations"
    ), finding["message"]


def test_a_name_other_modules_import_at_run_time_stays_bound(make_repo, cli):
    """The control: ``client`` imports ``Meta`` from ``app.message`` when it runs, so the
    import must stay bound there, and the advice is elsewhere."""
    [finding] = can_fail(make_repo, cli, {**_TYPED, "app/client.py": "from app.message import Meta\n"})
    assert "app/message.py:5" not in finding["message"].partition(";")[2], finding["message"]


def test_imports_a_comment_above_explains_are_recorded():
    from ssotlint.extract.summarize import explained_imports

    text = (
        "import os\n\n"
        "# Needed at run time to avoid a Sphinx warning (circular imports)\n"
        "from app import client\nfrom app import scheduler as scheduler_module\n\n"
        "# the rest\nfrom app import other\n"
    )
    assert explained_imports(text) == (4, 5)


def test_advice_to_move_an_import_a_comment_explains_says_to_read_it_first(make_repo, cli):
    """distributed's ``active_memory_manager.py`` imports ``scheduler`` at run time, under
    "Needed to avoid Sphinx WARNING ... dealing-with-circular-imports": moving it under
    ``TYPE_CHECKING`` breaks their docs build. The advice stands (the cycle can fail) but
    says to read the comment first."""
    files = {
        "app/__init__.py": "",
        "app/amm.py": (
            "from __future__ import annotations\n\n"
            "# Needed to avoid Sphinx WARNING: more than one target found for cross-reference\n"
            "from app import scheduler as scheduler_module\n\n\n"
            "class Manager:\n    def run(self, s: scheduler_module.State) -> None:\n        return None\n"
        ),
        "app/scheduler.py": "from app.amm import Manager\n\n\nclass State:\n    manager = Manager\n",
    }
    [finding] = can_fail(make_repo, cli, files)
    assert finding["message"].endswith(
        "(a comment above app/amm.py:4 says why it is imported there, as it is: read it before moving it)"
    ), finding["message"]
