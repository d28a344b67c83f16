"""Compliance figures: the share of files with no violation, per kind of code.

Pure domain code over the project model and its violations, shared by ``score`` and ``diff``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable, Protocol

from ssotlint.rules.base import Violation


class ScoredFile(Protocol):
    """What scoring needs of a file (the pipeline's FileFacts)."""

    @property
    def path(self) -> str: ...
    @property
    def module(self) -> str | None: ...
    @property
    def is_test(self) -> bool: ...
    @property
    def test_data(self) -> bool: ...


@dataclass(frozen=True)
class Compliance:
    files: int
    clean: int
    violations: int

    @property
    def percent(self) -> float:
        """Share of clean files, rounded to one decimal (100.0 when there are no files)."""
        return 100.0 if self.files == 0 else round(100.0 * self.clean / self.files, 1)

    def as_dict(self) -> dict[str, Any]:
        return {
            "score": self.percent,
            "files": self.files,
            "clean_files": self.clean,
            "files_with_violations": self.files - self.clean,
            "violations": self.violations,
        }


@dataclass(frozen=True)
class Score:
    production: Compliance
    tests: Compliance
    overall: Compliance
    by_rule: dict[str, int] = field(default_factory=dict)
    by_package: dict[str, Compliance] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "production": self.production.as_dict(),
            "tests": self.tests.as_dict(),
            "overall": self.overall.as_dict(),
            "by_rule": dict(sorted(self.by_rule.items())),
            "by_package": {k: v.as_dict() for k, v in sorted(self.by_package.items())},
        }


def package_of(path: str, module: str | None) -> str:
    """Top-level package of a file: its module's first component, else its first folder."""
    if module:
        return module.split(".", 1)[0]
    head, sep, _ = path.partition("/")
    return head if sep else "(root)"


def compute(all_files: Iterable[ScoredFile], violations: Iterable[Violation], paths: Iterable[str] | None = None) -> Score:
    """Score the files in ``paths`` (default: every file). Test data is not code: neither
    it nor what is reported in it counts."""
    selected = set(paths) if paths is not None else None
    files = []
    unscored = set()
    for f in all_files:
        if f.test_data:
            unscored.add(f.path)
        elif selected is None or f.path in selected:
            files.append(f)
    per_file: Counter[str] = Counter()
    by_rule: Counter[str] = Counter()
    for v in violations:
        if (selected is None or v.path in selected) and v.path not in unscored:
            per_file[v.path] += 1
            by_rule[v.rule] += 1

    def tally(group: list) -> Compliance:
        return Compliance(
            files=len(group),
            clean=sum(1 for f in group if per_file[f.path] == 0),
            violations=sum(per_file[f.path] for f in group),
        )

    packages: dict[str, list] = defaultdict(list)
    for f in files:
        packages[package_of(f.path, f.module)].append(f)
    return Score(
        production=tally([f for f in files if not f.is_test]),
        tests=tally([f for f in files if f.is_test]),
        overall=tally(files),
        by_rule=dict(by_rule),
        by_package={name: tally(group) for name, group in packages.items()},
    )


def overall_percent(files: int, violations: Iterable[Violation], unscored: frozenset[str] = frozenset()) -> float:
    """``compute(...).overall.percent`` without the per-kind and per-package tallies;
    ``files`` counts the scored files, ``unscored`` the paths of the others (test data)."""
    dirty = len({v.path for v in violations if v.path not in unscored})
    return Compliance(files, files - dirty, 0).percent
