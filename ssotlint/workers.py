"""Work done in worker processes that input can crash or hang.

Parsing a hostile file (LibCST's native parser can segfault, or take minutes) and rewriting
one (a fix parses it again) run in worker processes. Tasks are sent in chunks; a worker
answers task by task, so the parent always knows which task a worker is on. A worker that
dies or overruns its task's time budget is killed and replaced, the rest of its chunk goes
back in the queue, and the task itself goes to ``Work.recover``: another task to try in its
place (:class:`Retry`), or the result to give. Output order never depends on scheduling.

The budget is CPU time, not time on the clock: on a loaded machine (a CI runner shared with
other jobs) a worker may wait for a core, and a file that takes 3 s alone takes 12 s then;
killing it would turn a good file into one "not analysed" by the machine's load. When a
task's budget has passed on the clock, the worker's CPU time (Linux: ``/proc``) says how
much of it the task used; it is given the rest, up to :data:`WALL_FACTOR` times its budget
on the clock (a worker that waits on nothing at all is stopped then).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from collections import deque
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Callable, Generic, Iterable, Literal, NamedTuple, Sequence, TypeVar

# A task's budget is CPU time; on the clock it may take this many times its budget (a
# worker that is given no core, or waits on something, is stopped then).
WALL_FACTOR = 4.0

T = TypeVar("T")  # a task
R = TypeVar("R")  # its result


class Failure(NamedTuple):
    """Why a task got no answer: its worker died, or ran past ``budget`` seconds."""

    kind: Literal["crash", "timeout"]
    budget: float


class Retry(Generic[T]):
    """What :attr:`Work.recover` returns to have another task tried in place of the failed one."""

    def __init__(self, task: T) -> None:
        self.task = task


@dataclass(frozen=True)
class Work(Generic[T, R]):
    """What the pool runs. ``run`` and ``prepare`` run in the workers: with the ``spawn``
    start method they are pickled, so they must be module-level functions."""

    run: Callable[[T], R]
    size: Callable[[T], int]  # for balancing the chunks: the largest tasks go first
    budget: Callable[[T], float]  # seconds one task may take
    recover: Callable[[T, Failure], "R | Retry[T]"]
    prepare: Callable[[], None] | None = None  # once per worker, before its first task


def _worker_main(conn: Connection, run: Callable, prepare: Callable[[], None] | None) -> None:
    import faulthandler
    import gc

    try:
        # Ctrl-C reaches every process of the group; the parent reports it and stops us.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        gc.enable()  # the parent may run without the cyclic collector; a parser needs it
        # A crash is the parent's to report, in one line: no C-level dump on the user's
        # terminal (faulthandler is inherited through fork under -X faulthandler or pytest).
        faulthandler.disable()
        if prepare is not None:
            prepare()
        while True:
            chunk = conn.recv()
            if chunk is None:
                return
            for index, task in chunk:
                result = run(task)
                conn.send((index, result, time.process_time()))
    except (EOFError, KeyboardInterrupt, BrokenPipeError):
        return


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: Connection
    chunk: list[tuple[int, object]] = field(default_factory=list)
    position: int = 0
    since: float = 0.0  # the clock time its budget counts from (moved on by CPU it did not get)
    started: float = 0.0  # the clock time its current task started
    cpu: float = 0.0  # its CPU seconds when its current task started (as it last reported them)
    used: bool = False  # has been sent work (an unused, pre-started worker is just killed)

    @property
    def busy(self) -> bool:
        return self.position < len(self.chunk)

    @property
    def current(self) -> tuple[int, object]:
        return self.chunk[self.position]


def can_fork() -> bool:
    """Whether workers are forked (they then start with the parent's memory, and may run
    closures); otherwise they are spawned, and ``Work``'s functions are pickled."""
    return "fork" in multiprocessing.get_all_start_methods()


def _context() -> multiprocessing.context.BaseContext:
    return multiprocessing.get_context("fork" if can_fork() else "spawn")


def _start_from_the_standard_library(process: multiprocessing.process.BaseProcess) -> None:
    """Start a spawned worker (Windows) with the standard library's folder as its working
    directory. The new interpreter is run with ``-c``, which puts its working directory
    first on ``sys.path`` before it imports ``multiprocessing`` and what that needs
    (``socket``, ``pickle``, ``selectors`` ...); from the audited repository's root, that
    repository's modules of those names would be imported, and run, in their place. (The
    worker's tasks carry their data, never a path.) The parent returns to its own folder
    at once."""
    try:
        here = os.getcwd()
    except OSError:  # its folder was removed: nothing there to import
        process.start()
        return
    os.chdir(os.path.dirname(os.__file__))
    try:
        process.start()
    finally:
        os.chdir(here)


class WorkerPool(Generic[T, R]):
    """Runs ``work.run`` over tasks in up to ``jobs`` worker processes (see the module
    docstring). ``progress`` is told how many results are in after each wake-up."""

    def __init__(self, work: Work[T, R], jobs: int, progress: Callable[[int], None] | None = None) -> None:
        self.work = work
        self.jobs = max(1, jobs)
        self.progress = progress
        self._ctx = _context()
        self._workers: list[_Worker] = []
        self._queue: deque[list[tuple[int, T]]] = deque()
        self._results: list[R | None] = []
        self._done = 0

    def prestart(self, count: int) -> None:
        """Start ``count`` workers before there is work (each runs ``work.prepare``, which
        may take a while, while the caller is still finding out what to do)."""
        try:
            while len(self._workers) < min(count, self.jobs):
                self._workers.append(self._spawn())
        except BaseException:
            self.close()
            raise

    def run(self, tasks: Sequence[T]) -> list[R]:
        """The results of ``tasks``, in order."""
        self.start(tasks)
        return self.collect()

    def start(self, tasks: Sequence[T], in_order_from: int | None = None) -> None:
        """Start the workers on their first chunks and return at once. Always follow with
        :meth:`collect`, which also stops the workers. ``in_order_from``: the tasks from
        that index on are handed out in their order, after all the earlier ones (a caller
        that waits for them in that order, :meth:`collect_until`, gets each soonest)."""
        self._results = [None] * len(tasks)
        cut = len(tasks) if in_order_from is None else in_order_from
        # Largest first: the last chunks are then small, and no core idles at the end while
        # another works through the one large task.
        numbered = sorted(enumerate(tasks[:cut]), key=lambda item: -self.work.size(item[1]))
        self._queue = self._chunks(numbered)
        if cut < len(tasks):
            self._queue.extend(self._chunks([(i, tasks[i]) for i in range(cut, len(tasks))]))
        self._done = 0
        try:
            while len(self._workers) < min(self.jobs, len(self._queue)):
                self._workers.append(self._spawn())
            self._feed()
        except BaseException:
            self.close()
            raise

    def collect(self) -> list[R]:
        """Wait for every result (see the module docstring for what a failure does)."""
        try:
            while self._working():
                self._step()
        finally:
            self.close()
        return self._results  # type: ignore[return-value]

    def collect_until(self, indices: Iterable[int]) -> list[R | None]:
        """Wait until the results of the tasks ``indices`` are in, the workers going on
        with the others; the results so far (None: not yet). Follow with :meth:`collect`."""
        waiting = [i for i in indices if self._results[i] is None]
        try:
            while waiting and self._working():
                self._step()
                waiting = [i for i in waiting if self._results[i] is None]
        except BaseException:  # interrupted: stop the workers rather than leave them running
            self.close()
            raise
        return self._results

    def _working(self) -> bool:
        return bool(self._queue) or any(w.busy for w in self._workers)

    def _step(self) -> None:
        """Hand out work, wait for an answer (or a budget to run out), take the answers."""
        self._feed()
        busy = [w for w in self._workers if w.busy]
        # A worker's clock starts when its chunk is sent or its last answer came;
        # time the caller spent elsewhere since start() counts, which only errs on
        # the side of patience (the budget is per task, and generous).
        deadline = min(w.since + self._budget(w) for w in busy)
        ready = wait(
            [w.conn for w in busy] + [w.process.sentinel for w in busy],
            timeout=max(0.0, deadline - time.monotonic()),
        )
        for index, worker in enumerate(self._workers):
            if worker.busy:
                self._read(index, worker, ready)
        if self.progress is not None:
            self.progress(self._done)

    def close(self) -> None:
        """Stop every worker (idempotent)."""
        for worker in self._workers:
            self._kill(worker, graceful=worker.used)
        self._workers = []

    # -- inside -----------------------------------------------------------------------------
    def _budget(self, worker: _Worker) -> float:
        return self.work.budget(worker.current[1])  # type: ignore[arg-type]

    def _chunks(self, numbered: Sequence[tuple[int, T]]) -> deque[list[tuple[int, T]]]:
        """Chunks of about 1/(16 x jobs) of the total size and at most 64 tasks: small
        enough to balance the load (a large task travels alone), large enough to keep
        messages few."""
        size_of = self.work.size
        target = max(1, sum(size_of(t) for _, t in numbered) // (self.jobs * 16))
        chunks: deque[list[tuple[int, T]]] = deque()
        chunk: list[tuple[int, T]] = []
        size = 0
        for item in numbered:
            chunk.append(item)
            size += size_of(item[1])
            if size >= target or len(chunk) >= 64:
                chunks.append(chunk)
                chunk, size = [], 0
        if chunk:
            chunks.append(chunk)
        return chunks

    def _spawn(self) -> _Worker:
        parent, child = self._ctx.Pipe(duplex=True)
        process = self._ctx.Process(target=_worker_main, args=(child, self.work.run, self.work.prepare), daemon=True)
        if self._ctx.get_start_method() == "spawn":
            _start_from_the_standard_library(process)
        else:
            process.start()
        child.close()
        return _Worker(process, parent)

    def _feed(self) -> None:
        now = time.monotonic()
        for index, worker in enumerate(self._workers):
            if worker.busy or not self._queue:
                continue
            chunk = self._queue.popleft()
            try:
                worker.conn.send(chunk)
            except OSError:  # it died before its first task (a pre-started worker): replace it
                self._kill(worker)
                worker = self._workers[index] = self._spawn()
                worker.conn.send(chunk)
            worker.chunk, worker.position, worker.since, worker.started, worker.used = chunk, 0, now, now, True  # type: ignore[assignment]

    def _read(self, index: int, worker: _Worker, ready: list) -> None:
        """Take a worker's answers; replace it if it died or overran its task's budget."""
        failure: Failure | None = None
        try:
            while worker.busy and worker.conn.poll():
                task_index, result, cpu = worker.conn.recv()
                self._results[task_index] = result
                worker.position += 1
                worker.since = worker.started = time.monotonic()
                worker.cpu = cpu
                self._done += 1
        except (EOFError, OSError, ConnectionError):
            failure = Failure("crash", self._budget(worker))
        if worker.busy and failure is None:
            if worker.process.sentinel in ready and not worker.process.is_alive():
                failure = Failure("crash", self._budget(worker))
            elif time.monotonic() - worker.since > self._budget(worker) and not self._starved(worker):
                failure = Failure("timeout", self._budget(worker))
        if failure is None:
            return
        task_index, task = worker.current
        rest = worker.chunk[worker.position + 1 :]
        self._kill(worker)
        self._workers[index] = self._spawn()
        if rest:
            self._queue.appendleft(rest)  # type: ignore[arg-type]
        outcome = self.work.recover(task, failure)  # type: ignore[arg-type]
        if isinstance(outcome, Retry):
            self._queue.appendleft([(task_index, outcome.task)])
        else:
            self._results[task_index] = outcome
            self._done += 1

    def _starved(self, worker: _Worker) -> bool:
        """The worker's task is past its budget on the clock but has not used it in CPU time
        (the machine is loaded), and is within :data:`WALL_FACTOR` times it on the clock:
        its budget now counts on from the CPU time it did use (see the module docstring)."""
        budget = self._budget(worker)
        now = time.monotonic()
        if now - worker.started > budget * WALL_FACTOR:
            return False
        cpu = _cpu_seconds(worker.process.pid)
        if cpu is None:
            return False  # not known here: the clock decides
        used = max(0.0, cpu - worker.cpu)
        if used >= budget:
            return False
        worker.since = now - used
        return True

    @staticmethod
    def _kill(worker: _Worker, graceful: bool = False) -> None:
        if graceful and worker.process.is_alive():
            try:
                worker.conn.send(None)
            except (OSError, ValueError):
                pass
            worker.process.join(timeout=0.5)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join(timeout=5)
        worker.conn.close()


_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") and "SC_CLK_TCK" in getattr(os, "sysconf_names", {}) else 100


def _cpu_seconds(pid: int | None) -> float | None:
    """A process's CPU time so far (user and system), from Linux's ``/proc/<pid>/stat``;
    None elsewhere or when it cannot be read."""
    if pid is None:
        return None
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            stat = fh.read()
    except OSError:
        return None
    # Fields after the command name, which is in parentheses and may hold spaces.
    fields = stat[stat.rfind(b")") + 2:].split()
    try:
        return (int(fields[11]) + int(fields[12])) / _TICKS
    except (IndexError, ValueError):
        return None

