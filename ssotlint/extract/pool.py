"""Parallel extraction that survives hostile files (on :mod:`ssotlint.workers`).

A file whose worker dies (LibCST's native parser can segfault) or overruns the file's time
budget is retried once with CPython's ``ast`` only; a file that defeats both is reported as
not analysed, with the reason.
"""

from __future__ import annotations

from typing import Callable, Iterable, NamedTuple, Sequence

from ssotlint.extract.budget import BYTES_PER_SECOND, DEFAULT_TIMEOUT, MAX_BUDGET
from ssotlint.extract.source import line_endings
from ssotlint.extract.summarize import problem_summary, summarize
from ssotlint.extract.summary import FileSummary, ParseProblem
from ssotlint.workers import Failure, Retry, Work, WorkerPool


class Task(NamedTuple):
    data: bytes
    use_libcst: bool = True
    note: str = ""
    target: str | None = None  # see summarize()


def _summarize(task: Task) -> FileSummary:
    """In a worker: the file's summary; a bug in ssotlint must not lose the run."""
    try:
        return summarize(task.data, task.use_libcst, task.note, task.target)
    except Exception as exc:  # noqa: BLE001
        return problem_summary(
            ParseProblem(f"internal error while analysing: {exc!r}", 1, 0, "internal"), line_endings(task.data)
        )


def _import_libcst() -> None:
    """In a worker, before its first file: LibCST's import takes a quarter of a second,
    spent while the parent is still finding out what to parse."""
    try:
        import libcst  # noqa: F401
    except Exception:  # noqa: BLE001 - summarize() reports a broken LibCST file by file
        pass


def _size(task: Task) -> int:
    return len(task.data)


def _recover(task: Task, failure: Failure) -> FileSummary | Retry[Task]:
    """LibCST failed: try CPython's ast; ast failed too: the file is not analysed."""
    reason = "the parser crashed" if failure.kind == "crash" else f"the parser exceeded its time budget ({failure.budget:.0f} s)"
    if task.use_libcst:
        return Retry(task._replace(use_libcst=False, note=f"LibCST: {reason}; analysed with CPython's ast"))
    return problem_summary(ParseProblem(f"could not be analysed: {reason}", 1, 0, "crash"), line_endings(task.data))


class ExtractionPool:
    """Summaries of files' contents, in worker processes (see the module docstring)."""

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
        # A Python version newer than the running interpreter that judges the files the
        # interpreter rejects (see summarize()); set before start(), or per file there.
        self.target: str | None = None
        work = Work(_summarize, _size, self.budget, _recover, _import_libcst if use_libcst else None)
        self._pool: WorkerPool[Task, FileSummary] = WorkerPool(work, self.jobs, progress)

    @property
    def progress(self) -> Callable[[int], None] | None:
        return self._pool.progress

    @progress.setter
    def progress(self, report: Callable[[int], None] | None) -> None:
        self._pool.progress = report

    def budget(self, task: Task) -> float:
        return min(self.timeout + len(task.data) / BYTES_PER_SECOND, max(MAX_BUDGET, self.timeout))

    def prestart(self, count: int) -> None:
        """Start ``count`` workers before there is work (each imports LibCST meanwhile)."""
        self._pool.prestart(count)

    def run(self, datas: Sequence[bytes]) -> list[FileSummary]:
        """Summaries of ``datas``, in order."""
        self.start(datas)
        return self.collect()

    def start(
        self, datas: Sequence[bytes], targets: Sequence[str | None] | None = None, in_order_from: int | None = None
    ) -> None:
        """Start parsing and return at once; always follow with :meth:`collect`.
        ``targets``: each file's target version (default: :attr:`target` for all).
        ``in_order_from``: the files from that index on are parsed in their order, after
        the others (see :meth:`collect_until`)."""
        each = targets if targets is not None else [self.target] * len(datas)
        self._pool.start([Task(d, self.use_libcst, target=t) for d, t in zip(datas, each)], in_order_from)

    def collect_until(self, indices: Iterable[int]) -> list[FileSummary | None]:
        """Wait for the summaries of the files ``indices``, the others going on; the
        summaries so far (None: not yet). Follow with :meth:`collect`."""
        return self._pool.collect_until(indices)

    def collect(self) -> list[FileSummary]:
        """Every summary, in order (this also stops the workers)."""
        return self._pool.collect()

    def close(self) -> None:
        """Stop every worker (idempotent)."""
        self._pool.close()
