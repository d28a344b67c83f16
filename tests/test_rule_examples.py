"""Every rule's own VALID and INVALID examples, run through the real `check` command."""

from __future__ import annotations

import pytest

from ssotlint.rules import ALL_RULES

CASES = [
    pytest.param(rule, example, kind, id=f"{rule.code}-{kind}-{i}")
    for rule in ALL_RULES
    for kind, examples in (("valid", rule.valid), ("invalid", rule.invalid))
    for i, example in enumerate(examples)
]


def test_every_rule_has_examples():
    for rule in ALL_RULES:
        assert rule.valid and rule.invalid, rule.code


@pytest.mark.parametrize("rule,example,kind", CASES)
def test_rule_example(rule, example, kind, make_repo, cli):
    root = make_repo(dict(example.files), config=example.config)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    assert result.code in (0, 1), result.err
    found = sorted((v["path"], v["line"]) for v in result.json()["violations"] if v["rule"] == rule.code)
    assert found == sorted(example.expect), result.out
    if kind == "invalid":
        assert result.code == 1
