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
import multiprocessing
import signal
import time
from collections import deque
from multiprocessing.connection import Connection, wait
from typing import Callable, NamedTuple, Sequence

from ssotlint.extract.budget import BYTES_PER_SECOND, DEFAULT_TIMEOUT, default_jobs
from ssotlint.fix import text as source
from ssotlint.fix.codemods import CannotFix, Codemod, codemod
from ssotlint.rules.base import Violation

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


class _Worker:
    """A worker process going through its own queue of jobs, one answer per job."""

    def __init__(self, context, jobs: Sequence[Job], queue: deque[int]) -> None:
        self.queue = queue
        self.receiver, sender = context.Pipe(duplex=False)
        self.process = context.Process(target=_serve, args=(sender, [(i, jobs[i]) for i in queue]), daemon=True)
        self.process.start()
        sender.close()
        self.since = time.monotonic()  # when it started on the job at the head of its queue

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.receiver.close()


def _plan_isolated(jobs: Sequence[Job], indices: list[int], processes: int) -> dict[int, FilePlan]:
    """Plans of ``jobs[i]`` for ``i`` in ``indices``, spread over ``processes`` workers. A
    worker that dies or overruns the budget of its current file is replaced by one that
    carries on with the rest of its queue."""
    results: dict[int, FilePlan] = {}
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    count = max(1, min(processes, len(indices)))
    active = {w.receiver: w for w in (_Worker(context, jobs, deque(indices[k::count])) for k in range(count)) if w.queue}

    def fail(worker: _Worker, reason: str) -> None:
        index = worker.queue.popleft()
        results[index] = _failed(jobs[index], reason)
        del active[worker.receiver]
        worker.stop()
        if worker.queue:
            replacement = _Worker(context, jobs, worker.queue)
            active[replacement.receiver] = replacement

    try:
        while active:
            deadline = min(w.since + _budget(jobs[w.queue[0]]) for w in active.values())
            for receiver in wait(list(active), timeout=max(0.0, deadline - time.monotonic())):
                worker = active[receiver]  # type: ignore[index]
                try:
                    done, result = receiver.recv()  # type: ignore[union-attr]
                except EOFError:
                    fail(worker, "the parser crashed on it")
                    continue
                results[done] = result
                worker.queue.popleft()
                worker.since = time.monotonic()
                if not worker.queue:
                    del active[worker.receiver]
                    worker.stop()
            now = time.monotonic()
            for worker in list(active.values()):
                if now - worker.since > _budget(jobs[worker.queue[0]]):
                    fail(worker, "rewriting it took too long")
    finally:
        for worker in active.values():
            worker.stop()
    return results


def _serve(conn: Connection, batch: list[tuple[int, Job]]) -> None:
    import faulthandler

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    faulthandler.disable()
    try:
        for index, job in batch:
            conn.send((index, plan_file(job)))
    except (BrokenPipeError, EOFError):
        return
