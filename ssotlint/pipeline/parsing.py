"""Summaries for file contents: from the cache, else parsed by a pool of worker processes.

The workers start before the cache is read, so loading cached summaries (and whatever the
caller does meanwhile) overlaps with their start-up and parsing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Mapping

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
    with timings.phase("cache"):
        known = _probably_cached(wanted, cache, assumed_known)
    pending = _start_parsing([b for b in wanted if b not in known], wanted, options, timings, pool)
    if pending is None and pool is not None:
        pool.close()  # started for a change that turned out to be in the cache already
    try:
        with timings.phase("cache"):
            found = cache.get(known) if cache is not None else {}
        if meanwhile is not None:
            meanwhile()
    except BaseException:  # interrupted: stop the workers rather than wait for them
        if pending is not None:
            pending.abort()
        raise
    parsed: dict[str, FileSummary] = {}
    if pending is not None:
        with timings.phase("parse"):
            parsed.update(pending.finish())
    # A row that could not be decoded (or was assumed known) is a miss after all: parse it now.
    missed = [b for b in known if b not in found]
    again = _start_parsing(missed, wanted, options, timings) if missed else None
    if again is not None:
        with timings.phase("parse"):
            parsed.update(again.finish())
    if parsed and cache is not None:
        with timings.phase("cache"):
            cache.put(parsed)
    count = len(parsed)  # each distinct content was parsed once
    found.update(parsed)
    return found, count


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
) -> _Parsing | None:
    """Read the missing contents and hand them to the workers; None when none is readable."""
    datas: list[bytes] = []
    blobs: list[str] = []
    with timings.phase("read"):
        for blob in missing:
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
                pool.start(datas, targets)
            else:
                pool.start(datas)
    except BaseException:
        if progress is not None:
            progress.close()
        raise
    return _Parsing(blobs, pool, progress)
