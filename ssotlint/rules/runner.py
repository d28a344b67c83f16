"""Running the selected rules over a project and giving each violation its fingerprint."""

from __future__ import annotations

from collections import Counter

from ssotlint.model.project import Project
from ssotlint.rules.base import Violation, fingerprint
from ssotlint.rules.registry import ALL_RULES


def validate(project: Project) -> None:
    """Configuration problems only the model can reveal (raises ConfigError)."""
    for rule in ALL_RULES:
        if rule.validate is not None:
            rule.validate(project)


def run_rules(project: Project) -> list[Violation]:
    config = project.config
    validate(project)
    found: list[Violation] = []
    for rule in ALL_RULES:
        if rule.check is not None and config.rule_enabled(rule.code):
            found.extend(rule.check(project))
    for rule in ALL_RULES:  # post-processors see every rule's findings, in registry order
        if rule.post_process is not None:
            found = list(rule.post_process(project, found))
    return assign_fingerprints(sorted(found, key=Violation.sort_key))


def assign_fingerprints(violations: list[Violation]) -> list[Violation]:
    """Each subject of each violation gets a fingerprint ranked among the subjects of the
    same rule, file and key, in report order: the second identical broken import of a file
    is another finding, not the first one again."""
    seen: Counter[tuple[str, str, str]] = Counter()

    def rank(rule: str, path: str, key: str) -> str:
        ident = (rule, path, key)
        digest = fingerprint(rule, path, key, seen[ident])
        seen[ident] += 1
        return digest

    result = []
    for v in violations:
        primary = rank(v.rule, v.path, v.key)
        related = tuple(rank(v.rule, path, key) for path, key in v.also)
        result.append(v._replace(fingerprint=primary, related=related))
    return result


def rule_warnings(project: Project) -> list[str]:
    """What the selected rules have to say about how they apply to this project."""
    config = project.config
    return [
        warning
        for rule in ALL_RULES
        if rule.advice is not None and config.rule_enabled(rule.code)
        for warning in rule.advice(project)
    ]
