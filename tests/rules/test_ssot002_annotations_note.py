"""Advice to move an import into the functions that use it says when annotations name
what it binds too (odmantic's ``session.py``: ``import odmantic.engine as ODMEngine``, read
in two ``isinstance`` checks and named by fifteen postponed annotations): once the import
moves, type checkers need it under ``if TYPE_CHECKING:`` as well."""

from __future__ import annotations

from tests.rules.cycle_findings import advice, can_fail

ENGINE = "from pkg.session import Session\n\n\nclass Engine:\n    session = Session\n"


def _session(annotated: bool) -> str:
    signature = "(self, engine: ODMEngine.Engine) -> None" if annotated else "(self, engine) -> None"
    return (
        "from __future__ import annotations\n\nimport pkg.engine as ODMEngine\n\n\nclass Session:\n"
        f"    def __init__{signature}:\n        self.ok = isinstance(engine, ODMEngine.Engine)\n"
    )


def test_the_advice_asks_for_a_type_checking_import_when_annotations_name_it(make_repo, cli):
    [finding] = can_fail(make_repo, cli, {"pkg/__init__.py": "", "pkg/engine.py": ENGINE, "pkg/session.py": _session(True)})
    assert advice(finding) == (
        "break it by moving pkg/session.py:3 `import pkg.engine as ODMEngine` into the function that uses it "
        "(its annotations name `ODMEngine` too: import it under `if TYPE_CHECKING:` as well, so that type checkers "
        "still find it in pkg/session.py)"
    ), finding["message"]


def test_no_such_note_when_only_functions_use_it(make_repo, cli):
    [finding] = can_fail(make_repo, cli, {"pkg/__init__.py": "", "pkg/engine.py": ENGINE, "pkg/session.py": _session(False)})
    assert advice(finding) == (
        "break it by moving pkg/session.py:3 `import pkg.engine as ODMEngine` into the function that uses it"
    ), finding["message"]


def test_advice_that_postpones_evaluated_annotations_asks_for_it_too(make_repo, cli):
    """The annotations are evaluated (no ``from __future__ import annotations``: certbot's
    ``assertions.py``): the advice postpones them and moves the import into the function
    that reads it, and the postponed annotation then needs it under ``if TYPE_CHECKING:``."""
    [finding] = can_fail(make_repo, cli, {
        "app/__init__.py": "",
        "app/obj.py": "from app.assertions import same\n\nCHECK = same\n\n\nclass VirtualHost:\n    pass\n",
        "app/assertions.py": "from app.obj import VirtualHost\n\n\ndef same(first: VirtualHost) -> bool:\n"
        "    return isinstance(first, VirtualHost)\n",
    })
    assert "adding `from __future__ import annotations` to app/assertions.py" in advice(finding), finding["message"]
    assert advice(finding).endswith(
        "(its annotations name `VirtualHost` too: import it under `if TYPE_CHECKING:` as well, so that type checkers "
        "still find it in app/assertions.py)"
    ), finding["message"]
