"""Matching the violations of two analyses by subject: new, fixed, changed, unchanged.

Each violation has a primary fingerprint (its rule, file, subject and rank) and the
fingerprints of the further subjects it covers (``Violation.related``). A violation of one
side matches one of the other side when either's primary fingerprint is among the other's
fingerprints: a from-import that failed as a whole (missing module) and then fails name by
name is the same finding, or findings. Two violations that only share a *related*
fingerprint do not match (each is about its own primary subject).

A matched violation whose message differs (line numbers aside: moved code is not a change
of substance) is "changed": the same problem, reported differently.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import NamedTuple, Sequence

from ssotlint.rules.base import Violation

# `path.py:12`, `line 12`, `(line 12)`: positions, which move with unrelated edits.
_POSITION = re.compile(r"(?<=\.py):\d+|\blines? \d+")


class Changed(NamedTuple):
    current: Violation
    previous: Violation


class Comparison(NamedTuple):
    new: list[Violation]
    fixed: list[Violation]
    changed: list[Changed]
    unchanged: int


class DiffResult(NamedTuple):
    """What ``ssotlint diff`` found: the comparison with the base and the two scores."""

    root: Path
    base_ref: str  # as the user named it
    base_sha: str | None  # None: the repository has no commits yet
    new: list[Violation]
    fixed: list[Violation]
    changed: list[Changed]
    unchanged: int
    base_score: float | None
    current_score: float
    notice: str | None = None

    @property
    def delta(self) -> float | None:
        return None if self.base_score is None else round(self.current_score - self.base_score, 1)


def _wording(message: str) -> str:
    return _POSITION.sub("#", message)


def compare(base: Sequence[Violation], current: Sequence[Violation]) -> Comparison:
    by_any: dict[str, list[int]] = defaultdict(list)  # any fingerprint -> base indices
    by_primary: dict[str, list[int]] = defaultdict(list)
    for i, w in enumerate(base):
        by_primary[w.fingerprint].append(i)
        for fp in {w.fingerprint, *w.related}:
            by_any[fp].append(i)
    matched_base: set[int] = set()
    new: list[Violation] = []
    changed: list[Changed] = []
    unchanged = 0
    for v in current:
        matches = set(by_any.get(v.fingerprint, ()))
        for fp in v.related:
            matches.update(by_primary.get(fp, ()))
        if not matches:
            new.append(v)
            continue
        matched_base |= matches
        ordered = sorted(matches)
        wording = _wording(v.message)
        if any(_wording(base[i].message) == wording for i in ordered):
            unchanged += 1
        else:
            changed.append(Changed(v, base[ordered[0]]))
    fixed = [w for i, w in enumerate(base) if i not in matched_base]
    return Comparison(new, fixed, changed, unchanged)
