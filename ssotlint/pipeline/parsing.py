"""Summaries for file contents: from the cache, else parsed by a pool of worker processes.

The workers start before the cache is read, so loading cached summaries (and whatever the
caller does meanwhile) overlaps with their start-up and parsing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterable, Mapping, Sequence

from ssotlint.cache import Cache
from ssotlint.extract.budget import default_jobs
from ssotlint.extract.summary import FileSummary
from ssotlint.pipeline.caching import summary_target
from ssotlint.pipeline.options import Options, Progress
from ssotlint.pipeline.results import Timings

if TYPE_CHECKING:
    from ssotlint.extract.pool import ExtractionPool

# Reads one content's bytes; None when it cannot be read (the file is then not analysed).
Reader = Callable[[], "bytes | None"]


def summarize_blobs(
    wanted: Mapping[str, Reader],
    cache: Cache | None,
    options: Options,
    timings: Timings,
    meanwhile: Callable[[], None] | None = None,
    pool: "ExtractionPool | None" = None,
    assumed_known: set[str] | None = None,
) -> tuple[dict[str, FileSummary], int]:
    """Summaries for blob ids: from the cache, else parsed (each distinct content once).

    ``wanted`` maps a blob id to a function that reads its bytes (None if unreadable).
    ``meanwhile`` (e.g. importing what the model needs) runs while the workers parse.
    ``pool``: workers already started. ``assumed_known``: blob ids the cache very probably
    holds (unchanged files); only the others are looked up before parsing starts.
    A key made for a target Python version (:func:`~ssotlint.pipeline.caching.summary_key`)
    is parsed for that version (see :class:`~ssotlint.pipeline.targets.FileTargets`).
    Returns the summaries and how many contents were parsed.
    """
    stream = SummaryStream([wanted], cache, options, timings, pool=pool, assumed_known=assumed_known)
    try:
        if meanwhile is not None:
            meanwhile()
    except BaseException:  # interrupted: stop the workers rather than wait for them
        stream.abort()
        raise
    return stream.finish()


class SummaryStream:
    """Summaries for blob ids that arrive as the workers finish them: the first batch's
    largest first, then each later batch's in order, so that a caller working through the
    batches in order (``score --history``: one commit after another) waits only for what
    it needs next, and works while the workers parse what comes after. Always end with
    :meth:`finish`."""

    def __init__(
        self,
        batches: Sequence[Mapping[str, Reader]],
        cache: Cache | None,
        options: Options,
        timings: Timings,
        pool: "ExtractionPool | None" = None,
        assumed_known: set[str] | None = None,
    ) -> None:
        """``pool``: workers already started; ``assumed_known``: blob ids the cache very
        probably holds (see :func:`summarize_blobs`)."""
        self._wanted: dict[str, Reader] = {}
        for batch in batches:
            for blob, reader in batch.items():
                self._wanted.setdefault(blob, reader)
        self._cache, self._options, self._timings = cache, options, timings
        with timings.phase("cache"):
            self._known = _probably_cached(self._wanted, cache, assumed_known)
        first = [b for b in (batches[0] if batches else {}) if b not in self._known]
        firsts = set(first)
        later = [b for b in self._wanted if b not in self._known and b not in firsts]
        self._pending = _start_parsing(first + later, self._wanted, options, timings, pool, in_order_from=len(first))
        if self._pending is None and pool is not None:
            pool.close()  # started for a change that turned out to be in the cache already
        self._index = {blob: i for i, blob in enumerate(self._pending.blobs)} if self._pending is not None else {}
        try:
            with timings.phase("cache"):
                self.found: dict[str, FileSummary] = cache.get(self._known) if cache is not None else {}
        except BaseException:  # interrupted: stop the workers rather than wait for them
            self.abort()
            raise
        self._parsed: dict[str, FileSummary] = {}
        self._finished = False

    def wait(self, blobs: Iterable[str]) -> Mapping[str, FileSummary]:
        """The summaries so far, with those of ``blobs`` among them (but for contents
        that could not be read)."""
        needed = [b for b in blobs if b not in self.found]
        if not needed:
            return self.found
        indices = [self._index[b] for b in needed if b in self._index]
        if indices and self._pending is not None:
            with self._timings.phase("parse"):
                results = self._pending.pool.collect_until(indices)
            for i in indices:
                summary = results[i]
                if summary is not None:
                    self.found[self._pending.blobs[i]] = self._parsed[self._pending.blobs[i]] = summary
        self._parse_missed([b for b in needed if b in self._known])
        return self.found

    def _parse_missed(self, blobs: Iterable[str]) -> None:
        """Parse those of ``blobs`` the cache was thought to hold and did not give (a row
        that could not be decoded, or one assumed known): a miss after all."""
        missed = [b for b in blobs if b not in self.found]
        again = _start_parsing(missed, self._wanted, self._options, self._timings) if missed else None
        if again is not None:
            with self._timings.phase("parse"):
                fresh = again.finish()
            self.found.update(fresh)
            self._parsed.update(fresh)

    def finish(self) -> tuple[dict[str, FileSummary], int]:
        """Every summary, and how many contents were parsed (each distinct content once);
        the workers stop, and what they parsed goes into the cache (once, however many
        times this is called)."""
        if self._finished:
            return self.found, len(self._parsed)
        if self._pending is not None:
            with self._timings.phase("parse"):
                fresh = self._pending.finish()
            self._pending = None
            self.found.update(fresh)
            self._parsed.update(fresh)
        self._parse_missed(self._known)
        self._finished = True
        if self._parsed and self._cache is not None:
            with self._timings.phase("cache"):
                self._cache.put(self._parsed)
        return self.found, len(self._parsed)

    def abort(self) -> None:
        if self._pending is not None:
            self._pending.abort()
            self._pending = None


def _probably_cached(wanted: Mapping[str, Reader], cache: Cache | None, assumed_known: set[str] | None) -> set[str]:
    if cache is None:
        return set()
    if assumed_known is None:
        return cache.known(wanted)
    return assumed_known | cache.known(b for b in wanted if b not in assumed_known)


class _Parsing:
    """Blobs being parsed by a started pool."""

    def __init__(self, blobs: list[str], pool: "ExtractionPool", progress: Progress | None) -> None:
        self.blobs, self.pool, self.progress = blobs, pool, progress

    def finish(self) -> dict[str, FileSummary]:
        try:
            return dict(zip(self.blobs, self.pool.collect()))
        finally:
            self._close_progress()

    def abort(self) -> None:
        try:
            self.pool.close()
        finally:
            self._close_progress()

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.close()


def new_pool(options: Options) -> "ExtractionPool":
    from ssotlint.extract.pool import ExtractionPool

    return ExtractionPool(options.jobs or default_jobs(), options.timeout, use_libcst=options.parser == "libcst")


def _start_parsing(
    missing: list[str],
    wanted: Mapping[str, Reader],
    options: Options,
    timings: Timings,
    pool: "ExtractionPool | None" = None,
    in_order_from: int | None = None,
) -> _Parsing | None:
    """Read the missing contents and hand them to the workers; None when none is readable.
    ``in_order_from``: the contents from that index of ``missing`` on are parsed in order,
    after the others (:class:`SummaryStream`)."""
    datas: list[bytes] = []
    blobs: list[str] = []
    cut: int | None = None
    with timings.phase("read"):
        for index, blob in enumerate(missing):
            if index == in_order_from:
                cut = len(blobs)
            data = wanted[blob]()
            if data is not None:
                blobs.append(blob)
                datas.append(data)
    if not datas:
        return None
    progress = options.progress(len(datas)) if options.progress is not None else None
    pool = pool or new_pool(options)
    pool.progress = progress
    targets = [summary_target(b) for b in blobs]
    pool.target = None
    try:
        with timings.phase("parse"):
            if any(targets):
                pool.start(datas, targets, in_order_from=cut)
            else:
                pool.start(datas, in_order_from=cut)
    except BaseException:
        if progress is not None:
            progress.close()
        raise
    return _Parsing(blobs, pool, progress)
