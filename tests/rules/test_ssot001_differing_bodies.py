"""When the reported class has members the kept one lacks, "keep one definition and import
it" would drop them: the message says the two differ and must be merged first (SSOT001,
SSOT006). When only the kept one has more, importing it is the advice, as before."""

from __future__ import annotations

_SORT = (
    "import enum\n\n\nclass FlowSort(enum.Enum):\n    CREATED_DESC = 'created_desc'\n    NAME_ASC = 'name_asc'\n"
)
_SERVER_SORT = _SORT + "\n    def as_sql_sort(self):\n        return [self.value]\n"
_POLICY = "class RetryPolicy:\n    attempts: int = 3\n    delay: float = 0.5\n    jitter: float = 0.1\n"


def _findings(make_repo, cli, files: dict[str, str], rule: str) -> list[dict]:
    root = make_repo({"app/__init__.py": "", **files})
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", rule)
    return [v for v in result.json()["violations"] if v["rule"] == rule]


def test_an_enum_with_its_own_method_is_told_to_merge_first(make_repo, cli):
    files = {
        "app/sorting.py": _SORT,
        "app/views.py": "from app.sorting import FlowSort\n",
        "app/db.py": _SERVER_SORT,
    }
    (v,) = _findings(make_repo, cli, files, "SSOT006")
    assert v["path"] == "app/db.py"
    assert "the two differ (only here: as_sql_sort), so importing it as it is would drop what only this one has: " \
        "merge the two into one enum first, then import FlowSort from app.sorting (no fix)" in v["message"]
    assert v.get("fix") is None


def test_a_class_with_its_own_fields_is_told_to_merge_first(make_repo, cli):
    files = {
        "app/retry.py": _POLICY,
        "app/use.py": "from app.retry import RetryPolicy\n",
        "app/client.py": _POLICY + "    cap: float = 30.0\n",
    }
    (v,) = _findings(make_repo, cli, files, "SSOT001")
    assert v["path"] == "app/client.py"
    assert "the two differ (only here: cap), so importing it as it is would drop what only this one has: " \
        "merge the two into one class first, then import it from app.retry" in v["message"]
    assert "keep one definition and import it" not in v["message"]


def test_a_class_with_fewer_members_is_told_to_import_the_other(make_repo, cli):
    files = {
        "app/retry.py": _POLICY + "    cap: float = 30.0\n",
        "app/use.py": "from app.retry import RetryPolicy\n",
        "app/client.py": _POLICY,
    }
    (v,) = _findings(make_repo, cli, files, "SSOT001")
    assert "keep one definition and import it from app.retry" in v["message"]
    assert "merge" not in v["message"]
