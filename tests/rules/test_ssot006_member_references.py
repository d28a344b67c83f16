"""An enum whose members take another enum's values (``PASS = _TestStatus.PASS.value``,
dd-trace-py's public ``TestStatus`` over its ``Status``) says nothing in its text about
what those values are: SSOT006 still reports the copy, but never says it encodes the
members with other values."""

from __future__ import annotations

_BASE = "from enum import Enum\n\n\nclass Status(Enum):\n    PASS = 'pass'\n    FAIL = 'fail'\n    SKIP = 'skip'\n"
_PUBLIC = (
    "from enum import Enum\n\nfrom app.ext.test import Status as _Status\n\n\nclass TestStatus(Enum):\n"
    "    PASS = _Status.PASS.value\n    FAIL = _Status.FAIL.value\n    SKIP = _Status.SKIP.value\n"
)
_COPY = "from enum import Enum\n\n\nclass TestStatus(Enum):\n    PASS = 'pass'\n    FAIL = 'fail'\n    SKIP = '{skip}'\n"


def _messages(make_repo, cli, skip: str) -> list[str]:
    root = make_repo({
        "app/__init__.py": "",
        "app/ext/__init__.py": "",
        "app/ext/test.py": _BASE,
        "app/ext/status.py": _PUBLIC,
        "app/ext/use.py": "from app.ext.status import TestStatus\n",
        "app/testing/__init__.py": "",
        "app/testing/data.py": _COPY.format(skip=skip),
    })
    result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT006")
    return [v["message"] for v in result.json()["violations"]]


def test_members_that_take_another_enums_values_are_not_said_to_differ(make_repo, cli):
    (message,) = _messages(make_repo, cli, "skip")
    assert message.startswith("enum TestStatus is also defined in app.ext.status.TestStatus")
    assert "other value" not in message and "import TestStatus from app.ext.status" in message


def test_members_written_with_other_values_still_are(make_repo, cli):
    copy = "from enum import Enum\n\n\nclass TestStatus(Enum):\n    PASS = 'PASS'\n    FAIL = 'FAIL'\n    SKIP = 'SKIP'\n"
    root = make_repo({
        "app/__init__.py": "",
        "app/ext/__init__.py": "",
        "app/ext/status.py": _COPY.format(skip="skip"),
        "app/ext/use.py": "from app.ext.status import TestStatus\n",
        "app/testing/__init__.py": "",
        "app/testing/data.py": copy,
    })
    result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT006")
    (message,) = [v["message"] for v in result.json()["violations"]]
    assert "PASS, FAIL, SKIP have other values there" in message
