"""Every rule, in code order."""

from __future__ import annotations

from ssotlint.rules import (
    ssot000_syntax_error,
    ssot001_duplicate_concept,
    ssot002_circular_import,
    ssot003_broken_import,
    ssot004_test_base_class,
    ssot005_crlf,
    ssot006_duplicate_enum,
    ssot007_unused_suppression,
)
from ssotlint.rules.base import Rule

ALL_RULES: tuple[Rule, ...] = (
    ssot000_syntax_error.RULE,
    ssot001_duplicate_concept.RULE,
    ssot002_circular_import.RULE,
    ssot003_broken_import.RULE,
    ssot004_test_base_class.RULE,
    ssot005_crlf.RULE,
    ssot006_duplicate_enum.RULE,
    ssot007_unused_suppression.RULE,
)
RULES_BY_CODE = {r.code: r for r in ALL_RULES}
RULES_BY_NAME = {r.name: r for r in ALL_RULES}
