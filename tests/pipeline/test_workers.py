"""The worker pool that parsing and fixing share: results in order whatever happens."""

from __future__ import annotations

import os
import signal
import time

from ssotlint.workers import Failure, Retry, Work, WorkerPool


def _run(task: str) -> str:
    if task.startswith("crash"):
        os.kill(os.getpid(), signal.SIGKILL)
    if task.startswith("hang"):  # a parser stuck computing: it burns CPU
        while True:
            pass
    if task.startswith("wait"):  # a task that uses no CPU while it waits (as when starved of a core)
        time.sleep(float(task.partition(":")[2].rstrip("!")))
    return task.upper()


def _recover(task: str, failure: Failure) -> str | Retry[str]:
    if task.endswith("!"):  # the second try failed too
        return f"{task} failed: {failure.kind}"
    return Retry("fine-after-" + task + "!") if task.startswith("crash-once") else Retry(task + "!")


WORK = Work(_run, len, lambda task: 1.0, _recover)


def test_results_come_in_task_order_from_several_workers():
    tasks = [f"t{i}" * (1 + i % 7) for i in range(300)]
    assert WorkerPool(WORK, 2).run(tasks) == [t.upper() for t in tasks]


def test_a_task_that_kills_or_outlasts_its_worker_is_recovered_and_the_rest_carries_on():
    # One long task makes the chunks hold several short ones: a chunk's rest goes on.
    small = [f"s{i}" for i in range(40)]
    tasks = ["L" * 2000, *small[:10], "crash-once", *small[10:20], "crash-always", "hang", *small[20:]]
    started = time.monotonic()
    results = WorkerPool(WORK, 2).run(tasks)
    assert time.monotonic() - started < 15  # the hang cost its budget (1 s) twice, not 60 s
    assert results == [
        "L" * 2000,
        *[s.upper() for s in small[:10]],
        "FINE-AFTER-CRASH-ONCE!",  # retried in its place
        *[s.upper() for s in small[10:20]],
        "crash-always! failed: crash",
        "hang! failed: timeout",
        *[s.upper() for s in small[20:]],
    ]


def test_progress_is_told_how_many_results_are_in():
    seen: list[int] = []
    WorkerPool(WORK, 2, progress=seen.append).run(["x"] * 50)
    assert seen and seen[-1] == 50 and seen == sorted(seen)


def test_the_budget_is_cpu_time_a_task_that_waits_is_not_stopped_by_the_clock_alone():
    """On a loaded machine a worker waits for a core: past its budget on the clock but not
    in CPU time, it goes on (up to WALL_FACTOR times its budget), so the machine's load does
    not decide which files are analysed."""
    started = time.monotonic()
    assert WorkerPool(WORK, 2).run(["wait:1.8", "x"]) == ["WAIT:1.8", "X"]
    assert time.monotonic() - started >= 1.8


def test_a_task_that_waits_past_its_budget_on_the_clock_many_times_over_is_stopped():
    started = time.monotonic()
    assert WorkerPool(WORK, 1).run(["wait:60", "x"]) == ["wait:60! failed: timeout", "X"]
    assert time.monotonic() - started < 15  # 4 s on the clock, twice



def test_collect_until_returns_as_soon_as_the_tasks_asked_for_are_in():
    """The tasks after ``in_order_from`` are handed out in their order, after the others: a
    caller waiting for the first of them gets it while the slow last ones still run."""
    tasks = ["a", "b", "first-later", "wait:0.4", "wait:0.4", "wait:0.4", "wait:0.4"]
    pool = WorkerPool(Work(_run, len, lambda task: 5.0, _recover), 1)
    pool.start(tasks, in_order_from=2)
    results = pool.collect_until([0, 1, 2])
    assert results[:3] == ["A", "B", "FIRST-LATER"]
    # The waiting tasks (the largest) were not handed out first: they are still to come.
    assert results[3:] == [None] * 4
    assert pool.collect() == [t.upper() for t in tasks]
