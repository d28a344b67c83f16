"""``check --format sarif``: a valid SARIF 2.1.0 log that code scanning can ingest."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from ssotlint.report.sarif import FINGERPRINT_KEY, sarif_document
from ssotlint.rules import ALL_RULES

SCHEMA = Path("shared/schemas/sarif-schema-2.1.0.json")

# At least one violation of every rule.
EVERY_RULE = {
    "app/__init__.py": "",
    "app/bad.py": "def f(:\n    pass\n",  # SSOT000
    "app/ws.py": "class UnifiedWebSocketManager:\n    def send(self, event):\n        self.sent = event\n",
    "app/legacy.py": "class IsolatedWebSocketManager:\n    def send(self, event):\n        self.sent = event\n",  # SSOT001
    "app/a.py": "import os\nfrom app.b import B\n\nclass A: ...\n",  # SSOT002
    "app/b.py": "from app import a\n\nclass B: ...\n",
    "app/user.py": "from app.ws import IsolatedWebSocketManager\n",  # SSOT003
    "tests/test_plain.py": "class TestPlain:\n    def test_x(self):\n        pass\n",  # SSOT004
    "tests/base.py": "class SSotBaseTestCase: ...\n",  # the base SSOT004 enforces exists
    "app/dos.py": b"x = 1\r\ny = 2\r\n",  # SSOT005
    "app/enums.py": "from enum import Enum\n\nclass Status(Enum):\n    DONE = 1\n",
    "app/other_enums.py": "import enum\n\nclass Status(enum.Enum):\n    DONE = 1\n",  # SSOT006
    "app/stale.py": "import os  # ssotlint: ignore[SSOT003]\n",  # SSOT007
    "scripts/my tool.py": b"print('hi')\r\n",  # SSOT005, in a path that needs URI escaping
}


def _find_schema() -> Path | None:
    for folder in Path(__file__).resolve().parents:
        candidate = folder / SCHEMA
        if candidate.is_file():
            return candidate
    return None


@pytest.fixture(scope="module")
def validator():
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is not installed")
    path = _find_schema()
    if path is None:
        message = f"the official SARIF schema ({SCHEMA}) is not present above {Path(__file__).parent}"
        if os.environ.get("CI"):  # CI lays shared/ beside the clone: a missing schema is a failure there
            pytest.fail(message)
        pytest.skip(message)
    schema = json.loads(path.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def _errors(validator, document) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(document)]


@pytest.fixture
def every_rule(make_repo, cli):
    root = make_repo(EVERY_RULE)
    sarif = cli("check", str(root), "--format", "sarif", "--no-cache", "--jobs", "1")
    plain = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    return root, sarif, plain.json()["violations"]


def test_sarif_of_every_rule_is_valid(every_rule, validator):
    _, result, _ = every_rule
    assert result.code == 1, result.err
    document = result.json()
    assert _errors(validator, document) == []
    assert document["version"] == "2.1.0"
    results = document["runs"][0]["results"]
    assert {r["ruleId"] for r in results} == {rule.code for rule in ALL_RULES}


def test_results_match_the_json_report(every_rule):
    _, result, violations = every_rule
    run = result.json()["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert len(run["results"]) == len(violations)
    for r, v in zip(run["results"], violations):
        assert r["ruleId"] == v["rule"]
        assert rules[r["ruleIndex"]]["id"] == v["rule"]
        assert r["message"]["text"] == v["message"]
        location = r["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert location["region"] == {"startLine": v["line"], "startColumn": v["col"] + 1}
        assert r["partialFingerprints"] == {FINGERPRINT_KEY: v["fingerprint"]}
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
    assert "app/dos.py" in uris
    assert "scripts/my%20tool.py" in uris
    levels = {r["ruleId"]: r["level"] for r in run["results"]}
    assert levels["SSOT007"] == "warning" and levels["SSOT003"] == "error"


def test_driver_lists_every_rule_with_its_document(every_rule):
    root, result, _ = every_rule
    run = result.json()["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "ssotlint" and driver["version"] and driver["informationUri"]
    assert [r["id"] for r in driver["rules"]] == [rule.code for rule in ALL_RULES]
    for descriptor, rule in zip(driver["rules"], ALL_RULES):
        assert descriptor["name"] == rule.name
        assert descriptor["shortDescription"]["text"] == rule.summary
        assert descriptor["fullDescription"]["text"]
        assert descriptor["help"]["markdown"].startswith(f"# {rule.code}: {rule.name}\n")
        assert descriptor["defaultConfiguration"]["level"] == rule.level
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == root.resolve().as_uri() + "/"


def test_clean_repository_is_a_valid_empty_log(make_repo, cli, validator):
    root = make_repo({"app/__init__.py": "", "app/a.py": "X = 1\n"})
    result = cli("check", str(root), "--format", "sarif", "--no-cache", "--jobs", "1")
    assert result.code == 0
    assert result.json()["runs"][0]["results"] == []
    assert _errors(validator, result.json()) == []


def test_output_file_and_nothing_on_stdout(make_repo, cli, tmp_path):
    root = make_repo({"app/__init__.py": "", "app/a.py": "import app.gone\n"})
    target = tmp_path / "ssotlint.sarif"
    result = cli("check", str(root), "--format", "sarif", "--output", str(target), "--no-cache", "--jobs", "1")
    assert result.code == 1
    assert result.out == ""
    document = json.loads(target.read_text(encoding="utf-8"))
    assert [r["ruleId"] for r in document["runs"][0]["results"]] == ["SSOT003"]


def test_sarif_document_is_reusable(tmp_path, validator):
    from ssotlint.rules.base import Violation

    v = Violation("SSOT003", "app/ü.py", 3, 4, "cannot import", key="k", fingerprint="abc123")
    document = sarif_document([v], tmp_path)
    assert _errors(validator, document) == []
    (result,) = document["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "app/%C3%BC.py"
    assert result["locations"][0]["physicalLocation"]["region"] == {"startLine": 3, "startColumn": 5}
