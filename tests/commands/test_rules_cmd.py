"""``ssotlint rules [CODE]`` and the rule documents in rules/."""

from __future__ import annotations

from pathlib import Path

import pytest

from ssotlint.rules import ALL_RULES

from tests.conftest import REPO_ROOT

RULES_DIR = REPO_ROOT / "rules"
SECTIONS = ["What it finds", "Why it matters", "Example", "Configuration", "How to fix", "How to suppress"]


def test_lists_every_rule(cli):
    result = cli("rules")
    assert result.code == 0
    codes = [line.split()[0] for line in result.out.splitlines() if line.startswith("SSOT")]
    assert codes == [f"SSOT00{i}" for i in range(8)]
    for rule in ALL_RULES:
        assert rule.name in result.out


def test_lists_every_rule_as_json(cli):
    result = cli("rules", "--format", "json")
    assert [r["code"] for r in result.json()] == [r.code for r in ALL_RULES]


@pytest.mark.parametrize("key", ["SSOT002", "ssot002", "circular-import"])
def test_prints_the_document(cli, key):
    result = cli("rules", key)
    assert result.code == 0
    assert result.out == (RULES_DIR / "SSOT002.md").read_text(encoding="utf-8")
    assert result.out.startswith("# SSOT002: circular-import\n")


def test_unknown_rule(cli):
    result = cli("rules", "SSOT999")
    assert result.code == 2
    assert result.out == ""
    assert result.err.strip() == "ssotlint: error: unknown rule 'SSOT999' (run 'ssotlint rules' for the list)"


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_every_rule_has_a_complete_document(rule):
    path = RULES_DIR / f"{rule.code}.md"
    assert path.is_file(), f"{path} is missing"
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == f"# {rule.code}: {rule.name}"
    headings = [line[3:].strip() for line in text.splitlines() if line.startswith("## ")]
    assert headings == SECTIONS
    assert f"ssotlint: ignore[{rule.code}]" in text or rule.code == "SSOT007"
    assert "per-file-ignores" in text
    assert "```python" in text or "```text" in text
    assert "\r" not in text


def test_no_document_without_a_rule():
    assert sorted(p.stem for p in RULES_DIR.glob("*.md")) == sorted(r.code for r in ALL_RULES)
