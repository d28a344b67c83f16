"""An Alembic revision is known by what it assigns (``revision`` and ``down_revision`` at
module level), wherever its folder is: its frozen copies of enums and models are never
reported, by either extraction engine."""

from __future__ import annotations

import pytest

ENUM = "import enum\n\n\nclass CaseStatus(enum.Enum):\n    new = 'New'\n    closed = 'Closed'\n    triage = 'Triage'\n"
MODEL = "class Participant:\n    id = None\n    name = None\n    role = None\n"
HEAD = 'from typing import Union\n\nrevision: str = "ce5c4ac967d8"\ndown_revision: Union[str, None] = "e4b4991dddcd"\n'

FILES = {
    "src/dispatch/__init__.py": "",
    "src/dispatch/enums.py": ENUM,
    "src/dispatch/models.py": MODEL,
    "src/dispatch/views.py": "from dispatch.enums import CaseStatus\nfrom dispatch.models import Participant\n",
    "src/dispatch/database/revisions/tenant/versions/2021-11-18_ce5c4ac967d8.py": HEAD + ENUM + MODEL,
    # A module with a revision number but no parent revision is not a migration.
    "src/dispatch/release.py": 'revision = "7"\n' + ENUM,
}


@pytest.mark.parametrize("engine", ["libcst", "ast"])
def test_revisions_are_known_by_content(make_repo, cli, engine):
    result = cli("check", str(make_repo(FILES)), "--format", "json", "--no-cache", "--parser", engine)
    found = [(v["rule"], v["path"], v["line"]) for v in result.json()["violations"]]
    assert found == [("SSOT006", "src/dispatch/release.py", 5)]
