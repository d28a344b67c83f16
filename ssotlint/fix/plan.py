"""Turning the fixes rules propose into new file contents, without writing anything.

Each file's fixes are applied one after another to its text, from the bottom of the file
up (a fix never moves the lines of the statements still to be fixed above it), by the
action's codemod. A fix that cannot be carried out, or whose result would not compile
where the file did, is dropped with its reason and the text stays as it was before it.

LibCST's native parser can crash or take minutes on hostile input (see the extraction
pool), so files are planned in worker processes with a time budget per file; a file that kills
or outlasts its worker keeps its bytes, and its fixes are dropped with the reason.
"""

from __future__ import annotations

import json
from typing import Callable, NamedTuple, Sequence

from ssotlint.extract.budget import BYTES_PER_SECOND, DEFAULT_TIMEOUT, default_jobs
from ssotlint.fix import text as source
from ssotlint.fix.codemods import CannotFix, Codemod, codemod
from ssotlint.rules.base import Violation
from ssotlint.workers import Failure, Work, WorkerPool

IN_PROCESS = frozenset({"line-endings"})  # actions that parse nothing: no worker needed


PER_FIX = 2.0  # seconds of budget per fix in a file, beyond the file's own


class Dropped(NamedTuple):
    violation: Violation
    reason: str


class FilePlan(NamedTuple):
    """One file: its bytes before and after, the violations whose fixes made the change,
    and those whose fixes were dropped (with why)."""

    path: str
    before: bytes
    after: bytes
    applied: tuple[Violation, ...]
    dropped: tuple[Dropped, ...]

    @property
    def changed(self) -> bool:
        return self.after != self.before


class Job(NamedTuple):
    path: str
    data: bytes
    violations: tuple[Violation, ...]


def order(violations: Sequence[Violation]) -> list[Violation]:
    """Bottom-up; line endings last (the other codemods keep the file's own endings)."""
    return sorted(violations, key=lambda v: (v.fix is not None and v.fix.action == "line-endings", -v.line, -v.col))


def plan_file(job: Job, mods: Callable[[str], Codemod | None] = codemod) -> FilePlan:
    """``mods``: the codemod of an action (the registry's, or a restricted one)."""
    decoded = source.decode(job.data)
    text = decoded.text
    compiled = source.compiles(text)
    applied: list[Violation] = []
    dropped: list[Dropped] = []
    done: dict[str, bool] = {}  # the same fix proposed twice (a name imported twice) is one
    for violation in order(job.violations):
        fix = violation.fix
        assert fix is not None
        same = json.dumps([fix.action, fix.args], sort_keys=True, default=str)
        if same in done:
            if done[same]:
                applied.append(violation)
            else:
                dropped.append(Dropped(violation, "its fix could not be applied"))
            continue
        done[same] = False
        rewrite = mods(fix.action)
        if rewrite is None:
            dropped.append(Dropped(violation, f"no codemod for {fix.action!r}"))
            continue
        try:
            updated = rewrite(text, fix.args)
        except CannotFix as exc:
            dropped.append(Dropped(violation, str(exc)))
            continue
        except (RecursionError, MemoryError):
            dropped.append(Dropped(violation, "the file is too deeply nested to rewrite"))
            continue
        except Exception as exc:  # noqa: BLE001 - a codemod bug must not lose the other fixes
            dropped.append(Dropped(violation, f"internal error in the {fix.action} fix: {exc!r}"))
            continue
        if compiled and not source.compiles(updated):
            dropped.append(Dropped(violation, "the fixed file would not compile"))
            continue
        text = updated
        applied.append(violation)
        done[same] = True
    after = source.encode(text, decoded.encoding) if applied else job.data
    return FilePlan(job.path, job.data, after, tuple(applied), tuple(dropped))


def plan(jobs: Sequence[Job], processes: int = 0) -> list[FilePlan]:
    """A plan per job, in order. Jobs whose fixes parse nothing run here; the others in
    ``processes`` worker processes (default: one per core), each file within its budget."""
    results: dict[int, FilePlan] = {}
    isolated: list[int] = []
    for index, job in enumerate(jobs):
        if all(v.fix is not None and v.fix.action in IN_PROCESS for v in job.violations):
            results[index] = plan_file(job)
        else:
            isolated.append(index)
    if isolated:
        results.update(_plan_isolated(jobs, isolated, processes or default_jobs()))
    return [results[i] for i in range(len(jobs))]


def _budget(job: Job) -> float:
    """Seconds for one file: more for a large file, and for each fix in it."""
    return DEFAULT_TIMEOUT + len(job.data) / BYTES_PER_SECOND + PER_FIX * len(job.violations)


def _failed(job: Job, reason: str) -> FilePlan:
    return FilePlan(job.path, job.data, job.data, (), tuple(Dropped(v, reason) for v in job.violations))


def _recover(job: Job, failure: Failure) -> FilePlan:
    """A file that killed or outlasted its worker keeps its bytes."""
    return _failed(job, "the parser crashed on it" if failure.kind == "crash" else "rewriting it took too long")


def _size(job: Job) -> int:
    return len(job.data)


def _plan_isolated(jobs: Sequence[Job], indices: list[int], processes: int) -> dict[int, FilePlan]:
    """Plans of ``jobs[i]`` for ``i`` in ``indices``, spread over ``processes`` workers."""
    work = Work(plan_file, _size, _budget, _recover)
    plans = WorkerPool(work, max(1, min(processes, len(indices)))).run([jobs[i] for i in indices])
    return dict(zip(indices, plans))
