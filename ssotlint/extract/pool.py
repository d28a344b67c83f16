"""Parallel extraction that survives hostile files.

Files are sent to worker processes in chunks; a worker answers file by file, so the parent
always knows which file a worker is on. A worker that dies (LibCST's native parser can
segfault) or overruns the file's time budget is killed and replaced; that file is retried
once with CPython's ``ast`` only, and the rest of its chunk goes back in the queue. A file
that defeats both is reported as not analysed, with the reason. Output order never depends
on scheduling.
"""

from __future__ import annotations

import multiprocessing
import signal
import time
from collections import deque
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Callable, NamedTuple, Sequence

from ssotlint.extract.budget import BYTES_PER_SECOND, DEFAULT_TIMEOUT, MAX_BUDGET
from ssotlint.extract.source import line_endings
from ssotlint.extract.summarize import problem_summary, summarize
from ssotlint.extract.summary import FileSummary, ParseProblem



class Task(NamedTuple):
    index: int
    data: bytes
    use_libcst: bool = True
    note: str = ""
    target: str | None = None  # see summarize()


def _worker_main(conn: Connection, use_libcst: bool = True) -> None:
    try:
        # Ctrl-C reaches every process of the group; the parent reports it and stops us.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        _serve(conn, use_libcst)
    except (EOFError, KeyboardInterrupt, BrokenPipeError):
        return


def _serve(conn: Connection, use_libcst: bool) -> None:
    import faulthandler
    import gc

    gc.enable()  # the parent runs without the cyclic collector; a parser needs it
    # A crash is the parent's to report, in one line: no C-level dump on the user's terminal
    # (faulthandler is inherited through fork under -X faulthandler or pytest).
    faulthandler.disable()
    if use_libcst:
        try:
            import libcst  # noqa: F401 - now, while the parent is still finding what to parse
        except Exception:  # noqa: BLE001 - summarize() reports a broken LibCST file by file
            pass
    while True:
        chunk = conn.recv()
        if chunk is None:
            return
        for task in chunk:
            try:
                summary = summarize(task.data, task.use_libcst, task.note, task.target)
            except Exception as exc:  # noqa: BLE001 - a bug must not lose the run
                summary = problem_summary(
                    ParseProblem(f"internal error while analysing: {exc!r}", 1, 0, "internal"),
                    line_endings(task.data),
                )
            conn.send((task.index, summary))


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: Connection
    chunk: list[Task] = field(default_factory=list)
    position: int = 0
    since: float = 0.0
    used: bool = False  # has been sent work (an unused, pre-started worker is just killed)

    @property
    def busy(self) -> bool:
        return self.position < len(self.chunk)

    @property
    def current(self) -> Task:
        return self.chunk[self.position]


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


class ExtractionPool:
    def __init__(
        self,
        jobs: int,
        timeout: float = DEFAULT_TIMEOUT,
        progress: Callable[[int], None] | None = None,
        use_libcst: bool = True,
    ) -> None:
        self.jobs = max(1, jobs)
        self.timeout = timeout
        self.use_libcst = use_libcst  # False: the ast engine, for every file
        self.progress = progress
        # A Python version newer than the running interpreter that judges the files the
        # interpreter rejects (see summarize()); set before start().
        self.target: str | None = None
        self._ctx = _context()
        self._workers: list[_Worker] = []
        self._queue: deque[list[Task]] = deque()
        self._results: list[FileSummary | None] = []
        self._done = 0

    def prestart(self, count: int) -> None:
        """Start ``count`` workers before there is work: each imports LibCST (a quarter of
        a second) while the caller is still finding out what needs parsing."""
        try:
            while len(self._workers) < min(count, self.jobs):
                self._workers.append(self._spawn())
        except BaseException:
            self.close()
            raise

    def budget(self, task: Task) -> float:
        return min(self.timeout + len(task.data) / BYTES_PER_SECOND, max(MAX_BUDGET, self.timeout))

    def _spawn(self) -> _Worker:
        parent, child = self._ctx.Pipe(duplex=True)
        process = self._ctx.Process(target=_worker_main, args=(child, self.use_libcst), daemon=True)
        process.start()
        child.close()
        return _Worker(process, parent)

    @staticmethod
    def _chunks(tasks: Sequence[Task], jobs: int) -> deque[list[Task]]:
        """Chunks of about 1/(16 x jobs) of the bytes and at most 64 files: small enough to
        balance the load (a large file travels alone), large enough to keep messages few."""
        target = max(1, sum(len(t.data) for t in tasks) // (jobs * 16))
        chunks: deque[list[Task]] = deque()
        chunk: list[Task] = []
        size = 0
        for task in tasks:
            chunk.append(task)
            size += len(task.data)
            if size >= target or len(chunk) >= 64:
                chunks.append(chunk)
                chunk, size = [], 0
        if chunk:
            chunks.append(chunk)
        return chunks

    def run(self, datas: Sequence[bytes]) -> list[FileSummary]:
        """Summaries of ``datas``, in order."""
        self.start(datas)
        return self.collect()

    def start(self, datas: Sequence[bytes]) -> None:
        """Start the workers on their first chunks and return at once: the caller can do
        other work (load the cache) while they import LibCST and parse. Always follow with
        :meth:`collect`, which also stops the workers."""
        self._results = [None] * len(datas)
        # Largest files first: the last chunks are then small, and no core idles at the end
        # while another parses a 20,000-line module.
        tasks = sorted((Task(i, d, self.use_libcst, target=self.target) for i, d in enumerate(datas)), key=lambda t: -len(t.data))
        self._queue = self._chunks(tasks, self.jobs)
        self._done = 0
        try:
            while len(self._workers) < min(self.jobs, len(self._queue)):
                self._workers.append(self._spawn())
            self._feed()
        except BaseException:
            self.close()
            raise

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
            worker.chunk, worker.position, worker.since, worker.used = chunk, 0, now, True

    def collect(self) -> list[FileSummary]:
        """Wait for every summary (see the module docstring for what a failure does)."""
        results, queue, workers = self._results, self._queue, self._workers
        try:
            while queue or any(w.busy for w in workers):
                self._feed()
                busy = [w for w in workers if w.busy]
                # A worker's clock starts when its chunk is sent or its last answer came;
                # time the caller spent elsewhere since start() counts, which only errs on
                # the side of patience (the budget is per file, and generous).
                deadline = min(w.since + self.budget(w.current) for w in busy)
                ready = wait(
                    [w.conn for w in busy] + [w.process.sentinel for w in busy],
                    timeout=max(0.0, deadline - time.monotonic()),
                )
                for index, worker in enumerate(workers):
                    if not worker.busy:
                        continue
                    failure = None
                    try:
                        while worker.busy and worker.conn.poll():
                            task_index, summary = worker.conn.recv()
                            results[task_index] = summary
                            worker.position += 1
                            worker.since = time.monotonic()
                            self._done += 1
                    except (EOFError, OSError, ConnectionError):
                        failure = "the parser crashed"
                    if worker.busy and failure is None:
                        if worker.process.sentinel in ready and not worker.process.is_alive():
                            failure = "the parser crashed"
                        elif time.monotonic() - worker.since > self.budget(worker.current):
                            failure = f"the parser exceeded its time budget ({self.budget(worker.current):.0f} s)"
                    if failure is None:
                        continue
                    culprit = worker.current
                    rest = worker.chunk[worker.position + 1 :]
                    self._kill(worker)
                    workers[index] = self._spawn()
                    if rest:
                        queue.appendleft(rest)
                    if culprit.use_libcst:
                        queue.appendleft([Task(culprit.index, culprit.data, False, f"LibCST: {failure}; analysed with CPython's ast", culprit.target)])
                    else:
                        results[culprit.index] = problem_summary(
                            ParseProblem(f"could not be analysed: {failure}", 1, 0, "crash"),
                            line_endings(culprit.data),
                        )
                        self._done += 1
                if self.progress is not None:
                    self.progress(self._done)
        finally:
            self.close()
        return results  # type: ignore[return-value]

    def close(self) -> None:
        """Stop every worker (idempotent)."""
        for worker in self._workers:
            self._kill(worker, graceful=worker.used)
        self._workers = []

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
