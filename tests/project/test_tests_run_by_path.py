"""A file in the test tree that pytest's name patterns do not collect is test data when
nothing imports it, unless it is a test module by its content: it imports ``pytest`` and
holds tests (letta's ``tests/integration_test_batch_sdk.py``, which its CI runs by path).
Then its broken imports break a test run and are reported."""

from __future__ import annotations

_TESTS = "import pytest\n\nfrom app.db import db_context\n\n\ndef test_batch():\n    assert db_context\n"


def _broken(cli, root) -> list[str]:
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT003")
    return sorted(v["path"] for v in result.json()["violations"])


def test_a_test_module_run_by_path_is_code(make_repo, cli):
    root = make_repo({
        "app/__init__.py": "",
        "app/db.py": "def session():\n    return None\n",
        "tests/__init__.py": "",
        # pytest tests under a name its patterns miss: run by path, so code.
        "tests/integration_test_batch.py": _TESTS,
        # ... and a class of tests.
        "tests/manual_checks.py": "import pytest\nfrom app.db import db_context\n\n\nclass TestBatch:\n    def test_a(self):\n        pass\n",
        # No tests of its own, or no pytest: an input of the suite, test data.
        "tests/broken_input.py": "import pytest\nfrom app.db import db_context\n\n\ndef helper():\n    pass\n",
        "tests/plain_input.py": "from app.db import db_context\n\n\ndef test_like():\n    pass\n",
        # In a folder of inputs: test data whatever it holds.
        "tests/data/integration_test_input.py": _TESTS,
    })
    assert _broken(cli, root) == ["tests/integration_test_batch.py", "tests/manual_checks.py"]
