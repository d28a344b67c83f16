"""SSOT007 unused-suppression, the post-processor that applies inline suppressions and
per-file ignores.

``# ssotlint: ignore[SSOT003]`` (or a bare ``# ssotlint: ignore``) on the line a violation is
reported on silences it; anything after the comment is the reason. A suppression that
silences nothing is itself reported, so stale ones do not pile up.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from ssotlint.model.project import Project
from ssotlint.rules.details import UnusedSuppression
from ssotlint.rules.base import SKIP_TEST_DATA, Example, Rule, Violation

CODE = "SSOT007"


def apply(project: Project, violations: Iterable[Violation]) -> Iterator[Violation]:
    """Drop suppressed and per-file-ignored violations; add SSOT007 for unused comments."""
    config = project.config
    comments: dict[tuple[str, int], tuple[str, ...] | None] = {}
    for f in project.files:
        for line, codes in f.summary.suppressions:
            comments[(f.path, line)] = codes
    used: set[tuple[str, int, str | None]] = set()
    for v in violations:
        if config.ignored_for_path(v.rule, v.path):
            continue
        codes = comments.get((v.path, v.line), ())
        if codes is None:
            used.add((v.path, v.line, None))
            continue
        if codes and v.rule in codes:
            used.add((v.path, v.line, v.rule))
            continue
        yield v
    if not config.rule_enabled(CODE):
        return
    data = project.test_data  # the rules that pass over it silence nothing there
    for (path, line), codes in sorted(comments.items()):
        if config.ignored_for_path(CODE, path):
            continue
        if path in data:
            codes = None if codes is None else tuple(c for c in codes if c not in SKIP_TEST_DATA)
            if not codes:
                continue
        if codes is None:
            if (path, line, None) not in used:
                yield RULE.violation(
                    path, line, 0, "unused suppression: nothing to ignore on this line",
                    key="suppression:*", details=UnusedSuppression(codes=None),
                )
            continue
        stale = [c for c in codes if config.rule_enabled(c) and (path, line, c) not in used]
        if stale:
            yield RULE.violation(
                path, line, 0,
                f"unused suppression of {', '.join(stale)}: no such violation on this line",
                # One subject per code: a comment that keeps one stale code of two is the same finding.
                key=f"suppression:{stale[0]}", details=UnusedSuppression(codes=stale),
                also=tuple((path, f"suppression:{c}") for c in stale[1:]),
            )


RULE = Rule(
    code=CODE,
    name="unused-suppression",
    summary="An `# ssotlint: ignore` comment that suppresses nothing",
    check=None,
    post_process=apply,  # after every other rule: it sees what they found
    level="warning",
    valid=(
        Example(
            {
                "app/__init__.py": "",
                "app/a.py": "from app.b import Gone  # ssotlint: ignore[SSOT003] removed next sprint\n",
                "app/b.py": "X = 1\n",
            }
        ),
    ),
    invalid=(
        Example(
            {"app/__init__.py": "", "app/a.py": "import os  # ssotlint: ignore[SSOT003]\n"},
            expect=(("app/a.py", 1),),
        ),
    ),
)
