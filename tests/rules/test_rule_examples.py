"""Every rule's own VALID and INVALID examples: each in memory (ssotlint.testing, fast),
and one per rule through the real `check` command, which must agree with the harness."""

from __future__ import annotations

import textwrap

import pytest

from ssotlint.rules import ALL_RULES
from ssotlint.testing import run_rule

CASES = [
    pytest.param(rule, example, kind, id=f"{rule.code}-{kind}-{i}")
    for rule in ALL_RULES
    for kind, examples in (("valid", rule.valid), ("invalid", rule.invalid))
    for i, example in enumerate(examples)
]


def _files(example) -> dict[str, str]:
    return {path: text if isinstance(text, bytes) else textwrap.dedent(text) for path, text in example.files.items()}  # as make_repo writes them


def test_every_rule_has_examples():
    for rule in ALL_RULES:
        assert rule.valid and rule.invalid, rule.code


@pytest.mark.parametrize("rule,example,kind", CASES)
def test_rule_example(rule, example, kind):
    found = sorted((v.path, v.line) for v in run_rule(rule, _files(example), textwrap.dedent(example.config)))
    assert found == sorted(example.expect)
    if kind == "invalid":
        assert found


@pytest.mark.parametrize("rule", ALL_RULES, ids=[r.code for r in ALL_RULES])
def test_the_harness_agrees_with_check(rule, make_repo, cli):
    example = rule.invalid[0]
    root = make_repo(dict(example.files), config=example.config)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    assert result.code == 1, result.err
    on_disk = [(v["path"], v["line"], v["message"], v["fingerprint"]) for v in result.json()["violations"] if v["rule"] == rule.code]
    in_memory = [(v.path, v.line, v.message, v.fingerprint) for v in run_rule(rule.code, _files(example), textwrap.dedent(example.config))]
    assert in_memory == on_disk
