"""Every rule's ``details`` have the shape ``ssotlint/rules/details.py`` declares for it:
each finding of each rule's own examples, run in memory, matches one of the rule's shapes
(its required keys present, no key the shapes do not know)."""

from __future__ import annotations

import pytest

from ssotlint.rules import ALL_RULES
from ssotlint.rules.details import SHAPES, shape_keys
from ssotlint.testing import run_rule


def test_every_rule_with_details_declares_their_shape():
    assert set(SHAPES) == {rule.code for rule in ALL_RULES}


def matches(details: dict, shapes: tuple[type, ...]) -> bool:
    required: set[str] = set()
    known: set[str] = set()
    for shape in shapes:
        needed, keys = shape_keys(shape)
        required |= needed
        known |= keys
    return required <= set(details) <= known


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_details_have_the_declared_shape(rule):
    found = [v for example in rule.invalid for v in run_rule(rule, dict(example.files), example.config)]
    assert found, rule.code
    for v in found:
        assert any(matches(dict(v.details), shapes) for shapes in SHAPES[rule.code]), (v.path, v.line, dict(v.details))


def test_violations_are_made_through_their_rule():
    """A rule's code is written once: its module makes violations with ``RULE.violation``."""
    import inspect
    import re

    for rule in ALL_RULES:
        source = inspect.getsource(inspect.getmodule(rule.check or rule.post_process))
        assert not re.search(r"\bViolation\(", source), rule.code
