"""What an analysis produces: the outcome the result cache stores, and the run around it."""

from __future__ import annotations

import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, NamedTuple

from ssotlint.config import Config
from ssotlint.rules.base import Violation

if TYPE_CHECKING:
    from ssotlint.model.project import Project


@dataclass
class Timings:
    phases: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def phase(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.phases[name] = self.phases.get(name, 0.0) + time.perf_counter() - start


class FileFacts(NamedTuple):
    """What reports and scores need to know of an analysed file (no summary, no model)."""

    path: str
    module: str | None
    is_test: bool
    ok: bool  # parsed; False means SSOT000
    test_data: bool = False  # not code (see ``Project.test_data``): not scored


class Outcome(NamedTuple):
    """The result of model + rules for one tree: what the result cache stores.

    Per-file facts are kept as columns: a tree of 10,000 files then stores and loads in a
    few milliseconds (one record per file costs ten times as much).
    """

    paths: tuple[str, ...]
    modules: tuple[str | None, ...]
    is_test: tuple[bool, ...]
    ok: tuple[bool, ...]  # parsed; False means SSOT000
    violations: list[Violation]
    notes: list[str]  # files analysed by the fallback parser
    warnings: tuple[str, ...] = ()  # about the analysis of this tree (printed on every run)
    test_data: tuple[bool, ...] = ()  # per file: test data, not code (empty: none is)

    def facts(self) -> list[FileFacts]:
        """What scores and reports need of each file."""
        data = self.test_data or (False,) * len(self.paths)
        return list(map(FileFacts, self.paths, self.modules, self.is_test, self.ok, data))

    def unparsed(self) -> int:
        """Files that do not parse (SSOT000), test data aside."""
        if not self.test_data:
            return self.ok.count(False)
        return sum(1 for ok, data in zip(self.ok, self.test_data) if not ok and not data)

    def test_data_paths(self) -> frozenset[str]:
        return frozenset(p for p, data in zip(self.paths, self.test_data) if data)


@dataclass
class Analysis:
    root: Path
    config: Config
    outcome: Outcome
    warnings: list[str]
    timings: Timings
    parsed: int  # files parsed this run (the rest came from the cache)
    blobs: dict[str, str] = field(default_factory=dict)  # path -> git blob id of what was analysed
    opaque: list[str] = field(default_factory=list)  # stubs, extensions, ignored generated modules
    # The model, when it was built this run; None when the whole outcome came from the cache.
    project: "Project | None" = None
    vendored: list[str] = field(default_factory=list)  # folders (and single .py files) of code not analysed (Discovery.vendored)

    @property
    def violations(self) -> list[Violation]:
        return self.outcome.violations

    @property
    def facts(self) -> list[FileFacts]:
        return self.outcome.facts()

    @property
    def notes(self) -> list[str]:
        return self.outcome.notes

    @property
    def files(self) -> int:
        return len(self.outcome.paths)

    @property
    def unparsed(self) -> int:
        """Files that do not parse (SSOT000), test data aside."""
        return self.outcome.unparsed()

    @property
    def test_data(self) -> frozenset[str]:
        """Paths of the files judged test data (see ``Project.test_data``)."""
        return self.outcome.test_data_paths()
