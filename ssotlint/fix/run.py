"""``check --fix``: plan, write, re-analyse, and roll back what made things worse.

After writing, the repository is analysed again (the cache makes that cost the changed
files). A violation that is new (by subject, as ``ssotlint diff`` matches them: a new
cycle, a broken import somewhere else) is blamed on the fixed files it names (its own
file, or a file or module its details mention); those files are put back, and the check
repeats. A new violation that names no fixed file puts every fixed file back: ssotlint
cannot tell which fix caused it, so it keeps none.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any, Callable, Iterable, NamedTuple, Sequence

from ssotlint.compare import compare
from ssotlint.fix import apply
from ssotlint.fix.plan import Dropped, FilePlan, Job, plan
from ssotlint.gitrev import tracked_files
from ssotlint.rules.base import Violation

MAX_ROUNDS = 3


class Rollback(NamedTuple):
    plan: FilePlan
    caused: tuple[Violation, ...]  # the new violations blamed on it (empty: none could be)


class FixReport(NamedTuple):
    kept: list[FilePlan]
    rolled_back: list[Rollback]
    dropped: list[Dropped]
    failures: list[tuple[str, str]]  # (path, why it was not written or not restored)

    @property
    def fixed(self) -> int:
        """Violations whose fix is in place."""
        return sum(len(p.applied) for p in self.kept)


def wanted(violations: Iterable[Violation], unsafe: bool) -> list[Violation]:
    return [v for v in violations if v.fix is not None and (v.fix.safe or unsafe)]


def jobs(root: Path, violations: Sequence[Violation]) -> tuple[list[Job], list[Dropped]]:
    """One job per file, with its bytes; files git does not track (when git is there),
    symbolic links and files that cannot be read are left alone."""
    by_path: dict[str, list[Violation]] = defaultdict(list)
    for v in violations:
        by_path[v.path].append(v)
    tracked = tracked_files(root) if by_path else None
    result: list[Job] = []
    dropped: list[Dropped] = []
    for path, found in sorted(by_path.items()):
        if tracked is not None and path not in tracked:
            dropped.extend(Dropped(v, "git does not track the file") for v in found)
            continue
        if (root / path).is_symlink():
            # Never written through: a link's target in the repository is fixed under its
            # own path, and one outside it is not ssotlint's to change.
            dropped.extend(Dropped(v, _link_reason(root, path)) for v in found)
            continue
        try:
            data = (root / path).read_bytes()
        except OSError as exc:
            dropped.extend(Dropped(v, exc.strerror or str(exc)) for v in found)
            continue
        result.append(Job(path, data, tuple(found)))
    return result, dropped


def _link_reason(root: Path, path: str) -> str:
    target = (root / path).resolve()
    if root.resolve() in target.parents:
        return "a symbolic link (the file it points to is fixed under its own path)"
    return f"a symbolic link to {target}, outside the repository; not written through it"


def planned(root: Path, violations: Sequence[Violation]) -> tuple[list[FilePlan], list[Dropped]]:
    todo, dropped = jobs(root, violations)
    plans = plan(todo)
    for p in plans:
        dropped.extend(p.dropped)
    return [p for p in plans if p.changed], dropped


def _strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


def blame(new: Sequence[Violation], written: Sequence[FilePlan], modules: dict[str, str | None]) -> dict[str, list[Violation]]:
    """Fixed path -> the new violations that name it; "" -> those that name none."""
    blamed: dict[str, list[Violation]] = defaultdict(list)
    paths = {p.path for p in written}
    for v in new:
        named = {v.path, *_strings(v.details)}
        hits = [p for p in paths if p in named or (modules.get(p) or "\0") in named]
        for p in hits:
            blamed[p].append(v)
        if not hits:
            blamed[""].append(v)
    return blamed


def _components(violations: Sequence[Violation]) -> list[frozenset[str]]:
    """The import cycles' components (as SSOT002 reports them) among ``violations``."""
    return [
        frozenset([*v.details.get("component", ()), *v.details.get("modules", ())])
        for v in violations
        if v.rule == "SSOT002"
    ]


def harmful(before: Sequence[Violation], after: Sequence[Violation]) -> list[Violation]:
    """The violations that are new after fixing. A cycle inside a component that was already
    cyclic is not: moving one import out of a large component changes which of its cycles
    are the shortest, and so which are reported, without making anything worse."""
    components = _components(before)
    return [
        v
        for v in compare(before, after).new
        if not (v.rule == "SSOT002" and any(set(v.details.get("modules", ())) <= c for c in components))
    ]


def fix_and_verify(
    root: Path, plans: list[FilePlan], dropped: list[Dropped], before: Sequence[Violation], analyse: Callable[[], Any]
) -> tuple[FixReport, Any]:
    """Write ``plans``, then re-analyse (``analyse()`` returns an Analysis) until no fix
    leaves a new violation. Returns the report and the last analysis."""
    result = apply.write(root, plans)
    kept = list(result.written)
    failures = list(result.failures)
    rolled: list[Rollback] = []
    analysis = analyse()
    for round_ in range(MAX_ROUNDS):
        if not kept:
            break
        new = harmful(before, analysis.violations)
        if not new:
            break
        modules = {f.path: f.module for f in analysis.facts}
        blamed = blame(new, kept, modules)
        back = kept if "" in blamed or round_ == MAX_ROUNDS - 1 else [p for p in kept if p.path in blamed]
        failures.extend(apply.restore(root, back))
        rolled.extend(Rollback(p, tuple(blamed.get(p.path, blamed.get("", ())))) for p in back)
        kept = [p for p in kept if p not in back]
        analysis = analyse()
    return FixReport(kept, rolled, dropped, failures), analysis
