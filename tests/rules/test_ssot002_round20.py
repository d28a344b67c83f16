"""Round 20 (SSOT002): a name that only tests import from a module does not pin the module's
import of it at module level (wandb's ``apis/internal.py`` binding ``InternalApi``, which
two tests import from there): the import is advised into the function that uses it, the
message names the tests, which must import the name from where it is defined, and no
automatic fix is offered (it would break them). A production importer still pins it."""

from __future__ import annotations

from ssotlint.testing import run_rule

FILES = {
    "app/__init__.py": "",
    "app/api.py": (
        "from app.internal_api import Api as InternalApi\n\n\n"
        "class Client:\n    def make(self):\n        return InternalApi()\n"
    ),
    "app/internal_api.py": "from app.api import Client\n\n\nclass Api(Client):\n    pass\n",
    "tests/test_api.py": "from app.api import InternalApi\n\n\ndef test_it():\n    assert InternalApi\n",
    "tests/test_held.py": "from app import api\n\n\ndef test_held():\n    assert api.InternalApi()\n",
}


def test_a_name_only_tests_import_does_not_pin_the_import():
    (v,) = run_rule("SSOT002", FILES)
    assert (v.path, v.line) == ("app/api.py", 1)
    assert v.message.endswith(
        "break it by moving app/api.py:1 `from app.internal_api import Api as InternalApi` into the function that "
        "uses it (tests rely on it: tests/test_api.py, tests/test_held.py use `InternalApi` from app.api: import `Api` (as "
        "`InternalApi`) from app.internal_api there, or they fail once it moves)"
    ), v.message
    assert v.fix is None  # moving it alone would break the test


def test_without_the_test_the_fix_moves_it():
    files = {p: t for p, t in FILES.items() if not p.startswith("tests/")}
    (v,) = run_rule("SSOT002", files)
    assert "tests rely on it" not in v.message
    assert v.fix is not None


def test_a_production_importer_still_pins_it():
    files = dict(FILES, **{"app/cli.py": "from app.api import InternalApi\n\n\ndef main():\n    return InternalApi()\n"})
    (v,) = run_rule("SSOT002", files)
    assert "into the function that uses it" not in v.message
    assert "re-exports `InternalApi`" in v.message, v.message
