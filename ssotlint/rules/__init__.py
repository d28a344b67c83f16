"""Step 4 of the pipeline: rules, pure functions of the project model.

The registry (``ALL_RULES``, ``RULES_BY_CODE``, ``RULES_BY_NAME``) is loaded on first use:
reading a cached outcome needs only :class:`Violation`, not the rules and the model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ssotlint.rules.base import Rule, Violation

if TYPE_CHECKING:
    from ssotlint.rules.registry import ALL_RULES, RULES_BY_CODE, RULES_BY_NAME

__all__ = ["ALL_RULES", "RULES_BY_CODE", "RULES_BY_NAME", "Rule", "Violation"]


def __getattr__(name: str) -> Any:
    if name in ("ALL_RULES", "RULES_BY_CODE", "RULES_BY_NAME"):
        from ssotlint.rules import registry

        return getattr(registry, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
