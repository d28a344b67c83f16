"""The whole pipeline: discover -> (cache | extract) -> model -> rules.

Commands call :func:`analyse_worktree` or :func:`analyse_revision`; both end in
:func:`build_outcome`, so a git revision and the working tree are judged identically. An
unchanged tree's outcome comes from the result cache without loading a single summary.
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from stat import S_ISREG
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, Mapping, NamedTuple, Sequence

from ssotlint.cache import RESULT_SCHEMA, Cache, default_cache_dir
from ssotlint.config import Config
from ssotlint.discover.files import discover, display_path
from ssotlint.discover.modules import source_roots
from ssotlint.extract.budget import DEFAULT_TIMEOUT, default_jobs
from ssotlint.extract.summary import FileSummary
from ssotlint.rules.base import Violation
from ssotlint.trust import refusal

if TYPE_CHECKING:
    from ssotlint.extract.pool import ExtractionPool
    from ssotlint.model.project import Project
    from ssotlint.report.progress import ParseProgress


def blob_id(data: bytes) -> str:
    """The git blob id of some content: a content key that git already knows."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


@dataclass
class Options:
    jobs: int = 0  # 0: all cores
    timeout: float = DEFAULT_TIMEOUT
    use_cache: bool = True
    cache_dir: Path | None = None
    progress: bool = True
    parser: str = "libcst"  # the extraction engine; the configuration's, set by the pipeline
    # Cache folders already judged this run (``trust.refusal`` asks git): diff and history
    # open the cache several times. Shared by the copies ``replace`` makes.
    judged: dict[tuple[Path, Path], str | None] = field(default_factory=dict, repr=False, compare=False)


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

    @property
    def violations(self) -> list[Violation]:
        return self.outcome.violations

    @property
    def facts(self) -> list[FileFacts]:
        o = self.outcome
        return list(map(FileFacts, o.paths, o.modules, o.is_test, o.ok))

    @property
    def notes(self) -> list[str]:
        return self.outcome.notes

    @property
    def files(self) -> int:
        return len(self.outcome.paths)

    @property
    def unparsed(self) -> int:
        return self.outcome.ok.count(False)


def result_key(config: Config, roots: Sequence[str], path_blob: Mapping[str, str], opaque: Sequence[str]) -> str:
    """Everything model and rules depend on: same key, same outcome."""
    digest = hashlib.sha1(f"{RESULT_SCHEMA}\0{config.fingerprint()}\0{list(roots)!r}\0".encode())
    digest.update("\n".join(f"{p}\0{path_blob[p]}" for p in sorted(path_blob)).encode("utf-8", "surrogateescape"))
    digest.update(b"\0opaque\0")
    digest.update("\n".join(sorted(opaque)).encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def open_cache(root: Path, options: Options, warnings: list[str]) -> Cache | None:
    """The cache, unless it is off or arrived with the repository (then a warning says so)."""
    if not options.use_cache:
        return None
    directory = options.cache_dir or default_cache_dir(root)
    if (root, directory) not in options.judged:
        options.judged[(root, directory)] = refusal(root, directory)
    refused = options.judged[(root, directory)]
    if refused is not None:
        warnings.append(refused)
        return None
    return Cache.open(directory, warnings, engine=options.parser)


def summarize_blobs(
    wanted: Mapping[str, Callable[[], bytes | None]],
    cache: Cache | None,
    options: Options,
    timings: Timings,
    meanwhile: Callable[[], None] | None = None,
    pool: "ExtractionPool | None" = None,
    assumed_known: set[str] | None = None,
    target: str | None = None,
) -> tuple[dict[str, FileSummary], int]:
    """Summaries for blob ids: from the cache, else parsed (each distinct content once).

    ``wanted`` maps a blob id to a function that reads its bytes (None if unreadable).
    The parser workers start first, so loading the cached summaries (and ``meanwhile``,
    e.g. importing what the model needs) overlaps with their start-up and parsing.
    ``pool``: workers already started. ``assumed_known``: blob ids the cache very probably
    holds (unchanged files); only the others are looked up before parsing starts.
    ``target``: see :func:`parser_target`; the keys must then say it (:func:`summary_key`).
    """
    with timings.phase("cache"):
        if cache is None:
            known: set[str] = set()
        elif assumed_known is None:
            known = cache.known(wanted)
        else:
            known = assumed_known | cache.known(b for b in wanted if b not in assumed_known)
    parsed: dict[str, FileSummary] = {}
    count = 0
    pending = _start_parsing([b for b in wanted if b not in known], wanted, options, timings, pool, target)
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
    if pending is not None:
        with timings.phase("parse"):
            parsed.update(pending.finish())
        count += len(pending.blobs)
    # A row that could not be decoded (or was assumed known) is a miss after all: parse it now.
    missed = [b for b in known if b not in found]
    if missed:
        again = _start_parsing(missed, wanted, options, timings, target=target)
        if again is not None:
            with timings.phase("parse"):
                parsed.update(again.finish())
            count += len(again.blobs)
    if parsed and cache is not None:
        with timings.phase("cache"):
            cache.put(parsed)
    found.update(parsed)
    return found, count


class _Parsing:
    """Blobs being parsed by a started pool."""

    def __init__(self, blobs: list[str], pool: "ExtractionPool", progress: "ParseProgress") -> None:
        self.blobs, self.pool, self.progress = blobs, pool, progress

    def finish(self) -> dict[str, FileSummary]:
        try:
            return dict(zip(self.blobs, self.pool.collect()))
        finally:
            self.progress.close()

    def abort(self) -> None:
        try:
            self.pool.close()
        finally:
            self.progress.close()


def new_pool(options: Options) -> "ExtractionPool":
    from ssotlint.extract.pool import ExtractionPool

    return ExtractionPool(options.jobs or default_jobs(), options.timeout, use_libcst=options.parser == "libcst")


def _start_parsing(
    missing: list[str],
    wanted: Mapping[str, Callable[[], bytes | None]],
    options: Options,
    timings: Timings,
    pool: "ExtractionPool | None" = None,
    target: str | None = None,
) -> _Parsing | None:
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
    from ssotlint.report.progress import ParseProgress

    progress = ParseProgress(len(datas), options.progress)
    pool = pool or new_pool(options)
    pool.progress = progress
    pool.target = target
    try:
        with timings.phase("parse"):
            pool.start(datas)
    except BaseException:
        progress.close()
        raise
    return _Parsing(blobs, pool, progress)


def analyse_worktree(root: Path, config: Config, options: Options, need_model: bool = False) -> Analysis:
    """Analyse the working tree. ``need_model``: build the project model even when the
    cache holds the outcome (the graph command needs the graph itself)."""
    timings = Timings()
    warnings: list[str] = []
    options = replace(options, parser=config.parser)
    with timings.phase("discover"):
        found = discover(root, config.excludes())
    warnings.extend(found.warnings)
    cache = open_cache(root, options, warnings)
    pool: ExtractionPool | None = None
    try:
        with timings.phase("hash"):
            known = cache.stats() if cache is not None else {}
            path_blob: dict[str, str] = {}
            contents: dict[str, bytes] = {}
            new_stats: list[tuple[str, tuple[int, int, int], str]] = []
            # Files that exist but cannot be read are not analysed; imports of them are not
            # "broken" either, so they join the opaque modules.
            unreadable: list[str] = []
            stat_hits: set[str] = set()  # blob ids of unchanged files: the cache has them
            prefix = os.path.join(root, "")  # plain strings: pathlib costs microseconds a file
            for path in found.files:
                full = prefix + path
                try:
                    st = os.stat(full)
                except OSError as exc:
                    warnings.append(f"skipped {display_path(path)}: {exc.strerror or exc}")
                    unreadable.append(path)
                    continue
                if not S_ISREG(st.st_mode):
                    warnings.append(f"skipped {display_path(path)}: not a regular file")
                    continue
                key = (st.st_size, st.st_mtime_ns, st.st_ino)
                cached = known.get(path)
                if cached is not None and cached[0] == key:
                    path_blob[path] = cached[1]
                    stat_hits.add(cached[1])
                    continue
                if pool is None and known:
                    # A changed file in a warm tree: start a parser now, so that its LibCST
                    # import overlaps the rest of this loop and the cache loading.
                    pool = new_pool(options)
                    pool.prestart(1)
                try:
                    data = Path(full).read_bytes()
                except OSError as exc:
                    warnings.append(f"skipped {display_path(path)}: {exc.strerror or exc}")
                    unreadable.append(path)
                    continue
                blob = blob_id(data)
                path_blob[path] = blob
                contents.setdefault(blob, data)
                new_stats.append((path, key, blob))
            if cache is not None:
                cache.put_stats(new_stats)

        def reader(path: str, blob: str) -> Callable[[], bytes | None]:
            def read() -> bytes | None:
                if blob in contents:
                    return contents[blob]
                try:  # the stat row was stale for the content cache: read again
                    return (root / path).read_bytes()
                except OSError as exc:
                    warnings.append(f"skipped {display_path(path)}: {exc.strerror or exc}")
                    return None

            return read

        readers = {path: reader(path, blob) for path, blob in path_blob.items()}
        return _analyse(
            root, config, options, cache, path_blob, readers, found.opaque + unreadable,
            warnings, timings, need_model, pool, stat_hits,
        )
    finally:
        if pool is not None:
            pool.close()
        if cache is not None:
            cache.close()


def analyse_revision(
    root: Path,
    config: Config,
    options: Options,
    repo,
    sha: str,
    path_blob: Mapping[str, str] | None = None,
    opaque: Sequence[str] = (),
) -> Analysis:
    """Analyse the commit ``sha`` from git objects alone, judged by ``config``.

    Files are keyed by their blob id, so everything the cache already knows (typically
    every file the commit shares with the working tree) is neither read nor parsed.
    ``opaque`` should be the working tree's: generated modules exist on disk, not in git.
    """
    from ssotlint.gitrev import BlobReader

    timings = Timings()
    warnings: list[str] = []
    options = replace(options, parser=config.parser)
    if path_blob is None:
        with timings.phase("discover"):
            path_blob = revision_blobs(root, config, repo, sha)
    reader = BlobReader(repo)
    readers = {path: (lambda blob=blob: reader.read(blob)) for path, blob in path_blob.items()}
    cache = open_cache(root, options, warnings)
    try:
        return _analyse(root, config, options, cache, path_blob, readers, list(opaque), warnings, timings)
    finally:
        if cache is not None:
            cache.close()


def _analyse(
    root: Path,
    config: Config,
    options: Options,
    cache: Cache | None,
    path_blob: Mapping[str, str],
    readers: Mapping[str, Callable[[], bytes | None]],
    opaque: list[str],
    warnings: list[str],
    timings: Timings,
    need_model: bool = False,
    pool: "ExtractionPool | None" = None,
    assumed_known: set[str] | None = None,
) -> Analysis:
    """The outcome for a tree: from the result cache when the same tree (same contents,
    same configuration, same ssotlint) was analysed before, else summaries -> model -> rules."""
    roots = source_roots(root, config.src)
    key = result_key(config, roots, path_blob, opaque)
    if cache is not None and not need_model:
        with timings.phase("cache"):
            outcome = cache.get_result(key, Outcome)
        if outcome is not None:
            warnings.extend(outcome.warnings)
            return Analysis(root, config, outcome, warnings, timings, 0, dict(path_blob), opaque)
    target = parser_target(config)
    version = target[0] if target is not None else None
    wanted = {summary_key(blob, version): readers[path] for path, blob in path_blob.items()}
    if assumed_known is not None and version is not None:
        assumed_known = {summary_key(b, version) for b in assumed_known}
    summaries, parsed = summarize_blobs(
        wanted, cache, options, timings, meanwhile=_import_model, pool=pool, assumed_known=assumed_known,
        target=version,
    )
    analysed = {p: b for p, b in path_blob.items() if summary_key(b, version) in summaries}
    unread = [p for p in path_blob if p not in analysed]
    entries = [(p, summaries[summary_key(b, version)]) for p, b in analysed.items()]
    project, outcome = build_outcome(
        config, roots, entries, opaque + unread, timings, warnings=(target[1],) if target is not None else ()
    )
    warnings.extend(outcome.warnings)
    if cache is not None and not unread:
        with timings.phase("cache"):
            cache.put_result(key, outcome)
    return Analysis(root, config, outcome, warnings, timings, parsed, analysed, opaque + unread, project)


def summary_key(blob: str, target: str | None) -> str:
    """The cache key of a file's summary: its blob id, and the target Python version when
    one judges the files the interpreter rejects (the verdict then depends on it)."""
    return blob if target is None else f"{blob}:{target}"


def parser_target(config: Config) -> tuple[str, str] | None:
    """When the project targets a newer Python than the running one: the version LibCST's
    parser is configured for (the target, or the newest version it knows below it), and the
    warning that says so. None otherwise: the interpreter's own verdict stands."""
    target = config.target_version
    running = sys.version_info[:2]
    if target is None or target <= running:
        return None
    from ssotlint.extract.summarize import libcst_version

    version = libcst_version(target)
    wanted = f"{target[0]}.{target[1]}"
    used = version if version == wanted else f"{version} (the newest it knows)"
    warning = (
        f"the project targets Python {wanted} ({config.target_source}), newer than the running "
        f"Python {running[0]}.{running[1]}: files this interpreter cannot compile are judged by "
        f"LibCST's parser for Python {used}"
    )
    return version, warning


def _import_model() -> None:
    """Import the model and the rules while files parse."""
    import ssotlint.model.graph  # noqa: F401
    import ssotlint.rules.runner  # noqa: F401


def build_outcome(
    config: Config,
    roots: Sequence[str],
    entries: Sequence[tuple[str, FileSummary]],
    opaque: Sequence[str],
    timings: Timings,
    warnings: tuple[str, ...] = (),
    previous: "Project | None" = None,
) -> tuple["Project", Outcome]:
    """Model and rules: a pure function of the summaries and the configuration.
    ``previous``: a model to build from (see :meth:`Project.build`), consumed."""
    from ssotlint.model.project import Project
    from ssotlint.rules.runner import rule_warnings, run_rules

    with timings.phase("model"):
        project = Project.build(config, list(roots), entries, opaque, previous)
        project.import_edges  # noqa: B018 - built here so the profile shows it as model
    with timings.phase("rules"):
        violations = run_rules(project)
        warnings = (*warnings, *rule_warnings(project))
    files = project.files
    notes = [f"{display_path(f.path)}: {f.summary.note}" for f in files if f.summary.note]
    outcome = Outcome(
        tuple([f.path for f in files]),
        tuple([f.module for f in files]),
        tuple([f.is_test for f in files]),
        tuple([f.summary.problem is None for f in files]),
        violations,
        notes,
        warnings,
    )
    return project, outcome


def revision_blobs(root: Path, config: Config, repo, sha: str, options: Options | None = None) -> dict[str, str]:
    """``path -> blob id`` of the commit's Python files that the configuration includes.

    A commit never changes, so with ``options`` the listing is cached (a 10,000-file
    ``git ls-tree`` and its parsing cost a tenth of a warm check).
    """
    from ssotlint.gitrev import python_blobs

    excludes = config.excludes()
    key = f"tree:{sha}:{root}:{excludes.patterns!r}"
    warnings: list[str] = []  # a cache problem here is reported by the analysis itself
    cache = open_cache(root, options, warnings) if options is not None else None
    try:
        cached = cache.get_result(key, dict[str, str]) if cache is not None else None
        if cached is not None:
            return cached
        listing = {p: b for p, b in python_blobs(repo, sha, root).items() if not excludes.matches(p)}
        if cache is not None:
            cache.put_result(key, listing)
        return listing
    finally:
        if cache is not None:
            cache.close()
