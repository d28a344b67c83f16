"""Every fixable rule's own examples, fixed through the real ``check --fix`` command.

An INVALID example with ``fixed`` files is written to a repository, fixed with
``--fix --unsafe-fixes``, and must then hold exactly those files (the others untouched),
compile, and be left alone by a second ``--fix`` (fixes are idempotent).
"""

from __future__ import annotations

import pytest

from ssotlint.rules import ALL_RULES

CASES = [
    pytest.param(rule, example, id=f"{rule.code}-fix-{i}")
    for rule in ALL_RULES
    for i, example in enumerate(rule.invalid)
    if example.fixed is not None
]


def test_fixable_rules_show_their_fixes():
    for rule in ALL_RULES:
        shown = any(example.fixed is not None for example in rule.invalid)
        assert shown == (rule.fixable != "never"), rule.code


def snapshot(root, names):
    return {name: (root / name).read_text() for name in names}


@pytest.mark.parametrize("rule,example", CASES)
def test_rule_fix_example(rule, example, make_repo, cli):
    root = make_repo(dict(example.files), config=example.config)
    untouched = snapshot(root, [n for n in example.files if n not in example.fixed])
    result = cli("check", str(root), "--fix", "--unsafe-fixes", "--no-cache", "--jobs", "1")
    assert result.code in (0, 1), result.err
    assert "could not fix" not in result.err and "rolled back" not in result.err, result.err
    for name, expected in example.fixed.items():
        text = (root / name).read_bytes().decode()
        assert text == expected, f"{name}:\n{text}"
        compile(text, name, "exec")
    assert snapshot(root, untouched) == untouched
    again = cli("check", str(root), "--fix", "--unsafe-fixes", "--no-cache", "--jobs", "1")
    assert not any(line.startswith("Fixed ") for line in again.out.splitlines()), again.out
    assert snapshot(root, example.fixed) == dict(example.fixed)


def test_rule_documents_say_when_a_rule_fixes(cli):
    for rule in ALL_RULES:
        document = cli("rules", rule.code).out
        how = document.split("## How to fix", 1)[1].split("## How to suppress", 1)[0]
        if rule.fixable == "never":
            assert "--fix" not in how, rule.code
        else:
            assert "--fix" in how and ("```" in how or rule.code == "SSOT005"), rule.code
            assert "unsafe" in how or "safe" in how or rule.code == "SSOT005", rule.code
