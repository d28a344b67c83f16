"""Compliance over history: the score at each first-parent commit of a range.

Read-only, from git objects alone (``log``, ``ls-tree``, ``cat-file``), as ``diff`` reads
its base: the work tree, index, refs and stash are never touched. The work is shared
across commits:

- every commit's file listing is read first (the oldest commit's tree, then each later
  commit's changes from one ``git log --raw``), so the blobs that no commit has in the
  content cache are parsed by one pool of workers (a pool's start-up costs more than
  parsing the few files a commit changes): the oldest commit's first, then what each later
  commit adds, in the order of the commits, and each commit is scored as soon as its
  contents are in, while the workers parse what the next commits changed;
- each commit's model is built from the previous commit's (``Project.build(previous=)``):
  the files both share, their imports, import edges and local names are taken over, so
  the model costs what changed; the rules then run on it (they are whole-project
  functions of the model: their cost is the repository's size, about 0.1 s a commit at
  2,000 files). A commit whose Python tree, or whose summaries, equal the previous
  commit's builds nothing;
- a long range is cut into runs of consecutive commits walked in forked processes, one
  per core and no more than the available memory holds, once every summary is in memory
  (each run's first model is built from scratch; every step of a walk equals a fresh
  analysis, so the cut changes no score);
- the resulting scores are kept in one cache row per configuration, keyed by commit sha
  (a commit never changes), so a warm history costs one ``git log``, one lookup and no
  ``ls-tree`` at all.

Every commit is judged by the working tree's configuration (as ``diff`` judges its base).
A commit whose tree cannot be analysed (no Python files, objects missing from a partial
or shallow clone) is a gap, not an error.
"""

from __future__ import annotations

import gc
import hashlib
import os
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Mapping, NamedTuple, Protocol, Sequence

from ssotlint.cache import RESULT_SCHEMA, Cache
from ssotlint.config import Config
from ssotlint.discover.excludes import TreeExcludes, package_named
from ssotlint.discover.files import OPAQUE_SUFFIXES
from ssotlint.discover.modules import source_roots
from ssotlint.errors import ConfigError, GitError, SsotlintError
from ssotlint.extract.budget import default_jobs
from ssotlint.gitcmd import LOG_SAFETY
from ssotlint.gitrev import commit_sha, tree_blobs
from ssotlint.config import MAX_NESTED_CONFIG_BYTES
from ssotlint.discover.files import is_config_script, is_container_config, is_nested_config
from ssotlint.pipeline import Options, Timings, build_outcome, open_cache
from ssotlint.pipeline.parsing import SummaryStream
from ssotlint.pipeline.caching import summary_blob, summary_key
from ssotlint.pipeline.targets import FileTargets, declared_targets
from ssotlint.rules.runner import RulesOverHistory
from ssotlint.score import Compliance, Score, compute
from ssotlint.workers import Work, WorkerPool, can_fork

if TYPE_CHECKING:
    from ssotlint.extract.summary import FileSummary
    from ssotlint.gitrev import GitRepo
    from ssotlint.model.project import OldestPython, Project

DEFAULT_COMMITS = 30
# Scores kept in the cache row of one configuration: the most recently computed ones.
_POINTS_KEPT = 5000
# The walk is spread over processes, each a run of at least this many consecutive commits
# (a run's first model is built from scratch, which costs several steps of a walk).
MIN_RUN = 8
# CPU seconds a process may spend on its run before it is stopped and the run walked here.
_RUN_BUDGET = 6 * 3600.0


@dataclass(frozen=True)
class Commit:
    sha: str
    timestamp: int
    date: str  # committer date, ISO-8601 with the committer's offset
    subject: str


class Point(NamedTuple):
    """The score of one commit, as the cache stores it: ``(files, clean, violations)``."""

    production: tuple[int, int, int]
    tests: tuple[int, int, int]
    overall: tuple[int, int, int]
    by_rule: dict[str, int]
    unparsed: int  # files that do not parse (SSOT000)

    @classmethod
    def of(cls, score: Score, unparsed: int) -> "Point":
        def triple(c: Compliance) -> tuple[int, int, int]:
            return (c.files, c.clean, c.violations)

        return cls(triple(score.production), triple(score.tests), triple(score.overall), dict(score.by_rule), unparsed)

    def compliance(self, kind: str) -> Compliance:
        return Compliance(*getattr(self, kind))


@dataclass(frozen=True)
class Entry:
    """One commit of the series: its score, or the reason it is a gap."""

    commit: Commit
    point: Point | None
    gap: str | None = None
    delta: float | None = None  # overall score minus the previous analysed commit's


@dataclass(frozen=True)
class RangeSpec:
    since: str | None
    until: str
    max_commits: int | None

    def describe(self) -> str:
        if self.since is None:
            return f"up to the last {self.max_commits} commits of {self.until}"
        limit = f" (at most {self.max_commits})" if self.max_commits else ""
        return f"{self.since}..{self.until}{limit}"


# -- the range ------------------------------------------------------------------------------
def first_parent_commits(repo: "GitRepo", spec: RangeSpec) -> list[Commit]:
    """The range's first-parent commits, oldest first (the newest ``max_commits``)."""
    from ssotlint.session.commits import parse_time

    until = commit_sha(repo, spec.until)
    if until is None:
        if spec.until == "HEAD" and commit_sha(repo, "HEAD") is None:
            raise GitError("the repository has no commits yet")
        raise GitError(f"--until: {spec.until!r} is not a commit in this repository")
    revs = [until]
    threshold: float | None = None
    if spec.since is not None:
        since = commit_sha(repo, spec.since)
        if since is not None:
            revs.append(f"^{since}")
        else:
            moment = parse_time(spec.since)
            if moment is None:
                raise SsotlintError(f"--since: {spec.since!r} is neither a commit nor an ISO-8601 time")
            threshold = moment.timestamp()
    limit = [f"--max-count={spec.max_commits}"] if spec.max_commits and threshold is None else []
    proc = repo.run(
        "log", "--first-parent", "-z", "--encoding=UTF-8", "--no-color", *LOG_SAFETY,
        "--format=%H%x00%ct%x00%cI%x00%s", *limit, *revs, "--",
    )
    if proc.returncode != 0:
        raise GitError(f"git log failed: {os.fsdecode(proc.stderr).strip().splitlines()[:1]}")
    fields = proc.stdout.split(b"\0")
    commits: list[Commit] = []
    for i in range(0, len(fields) - 3, 4):
        sha, stamp, date, subject = fields[i : i + 4]
        sha = sha.strip(b"\n")  # git separates commits by a newline after the -z NUL
        # Clock skew: a time range keeps each commit at or after the time, not a prefix.
        if threshold is not None and int(stamp) < threshold:
            continue
        commits.append(Commit(sha.decode("ascii"), int(stamp), date.decode("ascii", "replace"), subject.decode("utf-8", "replace")))
    if spec.max_commits:
        commits = commits[: spec.max_commits]
    commits.reverse()
    return commits


# -- one commit's files ---------------------------------------------------------------------
class Listing(NamedTuple):
    blobs: dict[str, str]  # path -> blob id of the Python files the configuration includes
    opaque: list[str]  # stubs, extensions and Cython sources of the commit
    # path -> blob id of nested pyproject.toml files (their own target) and of conftest.py
    # files (analysed too: they may stop collecting files on older Pythons)
    configs: dict[str, str] = {}
    # Each file's oldest Python by the commit's configuration files (``FileTargets.oldest``),
    # None until :func:`_keyed` works it out.
    oldest: "OldestPython | None" = None


# What a path of a commit's tree is to the analysis.
_ANALYSED, _OPAQUE, _CONFIG = "analysed", "opaque", "config"


class _Selection:
    """Which paths of a commit's tree the analysis sees: below ``root``, not excluded;
    ``.py`` files are analysed, stubs and extensions are opaque modules."""

    def __init__(self, repo: "GitRepo", root: Path, config: Config) -> None:
        from ssotlint.gitrev import root_prefix

        self.prefix = root_prefix(repo, root)
        self.excludes = TreeExcludes(config.excludes(), package_named(config))

    def by_name_only(self, path: str) -> bool:
        """A placed path that only a build-like folder name excludes: each commit's tree
        decides (:class:`ssotlint.discover.excludes.TreeExcludes`)."""
        return self.excludes.only_by_name(path)

    def listing(self, blobs: dict[str, str], opaque: Iterable[str], configs: dict[str, str], by_name: Iterable[str]) -> Listing:
        """The commit's listing, without the paths of ``by_name`` its tree excludes."""
        in_tree = TreeExcludes(self.excludes, self.excludes.spared, lambda folder: f"{folder}/__init__.py" in blobs)
        dropped = {p for p in by_name if in_tree.matches(p)}
        if not dropped:
            return Listing(dict(blobs), sorted(opaque), dict(configs))
        return Listing(
            {p: b for p, b in blobs.items() if p not in dropped},
            sorted(p for p in opaque if p not in dropped),
            {p: b for p, b in configs.items() if p not in dropped},
        )

    def place(self, name: bytes) -> tuple[str, str] | None:
        """``(path below root, what it is)``, or None for a path the analysis does not see."""
        path = os.fsdecode(name)
        if not path.startswith(self.prefix):
            return None
        path = path[len(self.prefix):]
        if path.endswith(".py"):
            kind = _ANALYSED
        elif path.endswith(OPAQUE_SUFFIXES):
            kind = _OPAQUE
        elif is_nested_config(path) or is_container_config(path):
            kind = _CONFIG
        else:
            return None
        return None if self.excludes.firmly(path) else (path, kind)


def list_tree(repo: "GitRepo", sha: str, root: Path, config: Config, selection: _Selection | None = None) -> Listing:
    """One ``ls-tree`` of the commit, below ``root``; GitError when the tree is unreadable."""
    selection = selection or _Selection(repo, root, config)
    return selection.listing(*_tree_parts(repo, sha, selection))


def _tree_parts(
    repo: "GitRepo", sha: str, selection: _Selection
) -> tuple[dict[str, str], list[str], dict[str, str], list[str]]:
    """The commit's analysed, opaque and configuration paths as :meth:`_Selection.place`
    places them, and those among them its tree may exclude (not yet left out)."""
    blobs: dict[str, str] = {}
    opaque: list[str] = []
    configs: dict[str, str] = {}
    by_name: list[str] = []
    for name, blob in tree_blobs(repo, sha):  # submodules and symbolic links left out
        placed = selection.place(name)
        if placed is None:
            continue
        if selection.by_name_only(placed[0]):
            by_name.append(placed[0])
        if placed[1] == _ANALYSED:
            blobs[placed[0]] = blob
            if is_config_script(placed[0]):
                configs[placed[0]] = blob
        elif placed[1] == _CONFIG:
            configs[placed[0]] = blob
        else:
            opaque.append(placed[0])
    return blobs, opaque, configs, by_name


# A blob's mode in a raw diff: a regular or executable file (not a link, not a submodule).
_FILE_MODES = (b"100644", b"100755")


def list_trees(repo: "GitRepo", commits: Sequence[Commit], root: Path, config: Config) -> dict[str, Listing] | None:
    """Every commit's listing from two git processes: the oldest commit's ``ls-tree``, then
    the changes of each later first-parent commit (one ``git log --raw``) applied in
    order. A history of 10,000 files then costs what changed, not 10,000 paths a commit.
    None when git cannot give them so (an unreadable tree): list each commit alone."""
    if not commits:
        return {}
    selection = _Selection(repo, root, config)
    try:
        parts = _tree_parts(repo, commits[0].sha, selection)
    except GitError:
        return None
    listings = {commits[0].sha: selection.listing(*parts)}
    if len(commits) == 1:
        return listings
    proc = repo.run(
        "log", "--first-parent", "-m", "--raw", "-z", "--no-renames", "--no-abbrev", *LOG_SAFETY,
        "--format=%x01%H", f"{commits[0].sha}..{commits[-1].sha}", "--",
    )
    if proc.returncode != 0:
        return None
    changes: list[tuple[str, list[tuple[bytes, bytes, bytes]]]] = []  # newest first
    tokens = iter(proc.stdout.split(b"\0"))
    for token in tokens:
        token = token.lstrip(b"\n")
        if token.startswith(b"\x01"):
            changes.append((token[1:].decode("ascii"), []))
        elif token.startswith(b":") and changes:
            meta = token[1:].split(b" ")  # old mode, new mode, old blob, new blob, status
            changes[-1][1].append((meta[1], meta[3], next(tokens, b"")))
    blobs, opaque, configs = dict(parts[0]), set(parts[1]), dict(parts[2])
    by_name = set(parts[3])  # the placed paths a commit's tree may exclude (TreeExcludes)
    wanted = {c.sha for c in commits}
    for sha, records in reversed(changes):
        for mode, blob, name in records:
            placed = selection.place(name)
            if placed is None:
                continue
            path, kind = placed
            if mode not in _FILE_MODES:  # deleted, or now a link or a submodule (as ls-tree skips)
                blobs.pop(path, None)
                opaque.discard(path)
                configs.pop(path, None)
                by_name.discard(path)
                continue
            if selection.by_name_only(path):
                by_name.add(path)
            if kind == _ANALYSED:
                blobs[path] = blob.decode("ascii")
                if is_config_script(path):
                    configs[path] = blobs[path]
            elif kind == _CONFIG:
                configs[path] = blob.decode("ascii")
            else:
                opaque.add(path)
        if sha in wanted:
            listings[sha] = selection.listing(blobs, opaque, configs, by_name)
    if len(listings) != len(wanted):
        return None  # a commit the walk did not reach (not expected): list each alone
    return listings


# -- the series -----------------------------------------------------------------------------
def _row_key(config: Config, roots: Sequence[str], root: Path, repo: "GitRepo", opaque: Sequence[str]) -> str:
    """What a commit's score depends on besides its sha."""
    digest = hashlib.sha1(f"history\0{RESULT_SCHEMA}\0{config.fingerprint()}\0{list(roots)!r}\0".encode())
    digest.update(f"{root.resolve()}\0{repo.working_tree_dir}\0".encode("utf-8", "surrogateescape"))
    digest.update("\n".join(sorted(opaque)).encode("utf-8", "surrogateescape"))
    return "history:" + digest.hexdigest()


def score_history(
    root: Path,
    config: Config,
    options: Options,
    repo: "GitRepo",
    commits: Sequence[Commit],
    extra_opaque: Sequence[str] = (),
    timings: Timings | None = None,
    warnings: list[str] | None = None,
) -> list[Entry]:
    """The score of each commit, oldest first, with the change from the previous one.

    ``extra_opaque``: the working tree's modules that exist but are not in git (generated,
    git-ignored modules); they count as present in every commit, as ``diff`` assumes.
    """
    timings = timings if timings is not None else Timings()
    warnings = warnings if warnings is not None else []
    options = replace(options, parser=config.parser)  # the engine the configuration asks for
    roots = source_roots(root, config.src)
    warnings.extend(FileTargets.of(config).warnings())  # nested projects': as their commits are read
    cache = open_cache(root, options, warnings)
    try:
        key = _row_key(config, roots, root, repo, extra_opaque)
        with timings.phase("cache"):
            stored: dict[str, Point] = (cache.get_result(key, dict[str, Point]) if cache else None) or {}
        points: dict[str, Point] = {c.sha: stored[c.sha] for c in commits if c.sha in stored}
        gaps: dict[str, str] = {}
        missing = [c for c in commits if c.sha not in points]
        if missing:
            fresh = _analyse_commits(
                root, config, options, repo, missing, roots, extra_opaque, cache, timings, gaps, warnings
            )
            points.update(fresh)
            if cache is not None and fresh:
                kept = {k: v for k, v in stored.items() if k not in fresh}
                kept.update(fresh)
                kept = dict(list(kept.items())[-_POINTS_KEPT:])
                with timings.phase("cache"):
                    cache.put_result(key, kept)
    finally:
        if cache is not None:
            cache.close()
    return _entries(commits, points, gaps)


def _analyse_commits(
    root: Path,
    config: Config,
    options: Options,
    repo: "GitRepo",
    commits: Sequence[Commit],
    roots: Sequence[str],
    extra_opaque: Sequence[str],
    cache: Cache | None,
    timings: Timings,
    gaps: dict[str, str],
    warnings: list[str] | None = None,
) -> dict[str, Point]:
    """Scores of commits the cache does not know: one parsing batch, then model + rules each."""
    with timings.phase("discover"):
        listings = _listings(repo, commits, root, config, gaps)
        listings = _keyed(repo, config, listings, warnings if warnings is not None else [])
    stream = _summaries(repo, options, listings, cache, timings)
    try:
        runs = _runs(listings, options.jobs or default_jobs())
        if len(runs) == 1:  # one process: it scores each commit as soon as its contents are in
            return _walk(config, roots, listings, extra_opaque, stream, timings, gaps)
        summaries, _ = stream.finish()
        affordable = _affordable_runs()
        if affordable is not None and affordable < len(runs):
            runs = _runs(listings, affordable)  # as many as the memory holds
        if len(runs) == 1:
            return _walk(config, roots, listings, extra_opaque, _Parsed(summaries), timings, gaps)
        return _walk_runs(config, roots, runs, extra_opaque, summaries, timings, gaps)
    except BaseException:
        stream.abort()
        raise
    finally:
        stream.finish()


def _walk(
    config: Config,
    roots: Sequence[str],
    listings: Mapping[str, Listing],
    extra_opaque: Sequence[str],
    stream: _Summaries,
    timings: Timings,
    gaps: dict[str, str],
) -> dict[str, Point]:
    """Each commit's score in turn, the model built from the previous commit's, while the
    workers parse what later commits changed (``stream``)."""
    points: dict[str, Point] = {}
    same_tree: dict[tuple, str] = {}  # a commit that changed no Python file scores as its parent
    previous: Project | None = None  # the last model built: the next one starts from it
    rules = RulesOverHistory()  # and the rules check again only what a change can affect
    scored: tuple[str, Listing] | None = None  # the last commit scored
    for sha, listing in listings.items():
        tree = (frozenset(listing.blobs.items()), frozenset(listing.opaque), frozenset(listing.configs.items()))
        twin = same_tree.get(tree)
        if twin is not None and twin in points:
            points[sha] = points[twin]
            continue
        same_tree[tree] = sha
        summaries = stream.wait(listing.blobs.values())
        unread = [p for p, b in listing.blobs.items() if b not in summaries]
        if unread:
            gaps[sha] = f"{len(unread)} file{'s' if len(unread) != 1 else ''} not readable from git (e.g. {unread[0]})"
            continue
        if scored is not None and _same_summaries(scored[1], listing, summaries):
            points[sha] = points[scored[0]]  # edits the summaries do not see (comments, bodies)
            continue
        entries = [(p, summaries[b]) for p, b in listing.blobs.items()]
        opaque = sorted(set(listing.opaque) | set(extra_opaque))
        try:
            previous, outcome = build_outcome(
                config, roots, entries, opaque, timings, previous=previous, rules=rules, advice=False,
                oldest_python=listing.oldest,
            )
        except ConfigError as exc:  # e.g. a canonical class the commit does not have yet
            gaps[sha] = f"the configuration does not apply: {exc}"
            continue
        points[sha] = Point.of(compute(outcome.facts(), outcome.violations), outcome.unparsed())
        scored = (sha, listing)
    return points


def _runs(listings: Mapping[str, Listing], jobs: int) -> list[dict[str, Listing]]:
    """The commits to walk, cut into runs of consecutive commits, one per process (one
    run when processes cannot be forked: a spawned one would need every summary sent)."""
    count = min(jobs, len(listings) // MIN_RUN)
    if count < 2 or not can_fork():
        return [dict(listings)]
    items = list(listings.items())
    bounds = [round(i * len(items) / count) for i in range(count + 1)]
    return [dict(items[start:end]) for start, end in zip(bounds, bounds[1:])]


def _affordable_runs() -> int | None:
    """How many forked walks the machine's available memory holds, each counted at twice
    what this process holds once every summary is in (a walk touches the pages it shares,
    which are then copied, and builds its own models); None when the system does not say
    (no ``/proc``)."""
    try:
        resident = int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        available = next(
            int(line.split()[1]) * 1024 for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemAvailable:")
        )
    except (OSError, ValueError, IndexError, StopIteration):
        return None
    return max(1, available // max(1, 2 * resident))


class _Summaries(Protocol):
    """What :func:`_walk` reads the summaries from: a stream still parsing, or all of them."""

    def wait(self, blobs: Iterable[str]) -> Mapping[str, "FileSummary"]: ...


class _Parsed:
    """Every summary already in memory, in the shape :func:`_walk` waits on."""

    def __init__(self, summaries: Mapping[str, "FileSummary"]) -> None:
        self.summaries = summaries

    def wait(self, blobs: Iterable[str]) -> Mapping[str, "FileSummary"]:
        return self.summaries


_RunResult = tuple[dict[str, Point], dict[str, str], dict[str, float]]


def _walk_runs(
    config: Config,
    roots: Sequence[str],
    runs: Sequence[Mapping[str, Listing]],
    extra_opaque: Sequence[str],
    summaries: Mapping[str, "FileSummary"],
    timings: Timings,
    gaps: dict[str, str],
) -> dict[str, Point]:
    """:func:`_walk` over each run in a process of its own, forked once every summary is
    in memory (the processes share them, nothing is sent). Each step of a walk equals a
    fresh analysis of its commit, so where a run starts changes no score; a run whose
    process dies is walked here."""
    parsed = _Parsed(summaries)
    collecting = gc.isenabled()

    def walk(index: int) -> _RunResult:
        own_gaps: dict[str, str] = {}
        own = Timings()
        points = _walk(config, roots, runs[index], extra_opaque, parsed, own, own_gaps)
        return points, own_gaps, own.phases

    def as_here() -> None:  # the walk runs with the cyclic collector as this process does
        if not collecting:
            gc.disable()

    def walk_there(index: int) -> _RunResult | None:
        """``walk`` in a run's process: a failure there is no traceback on the user's
        terminal; the run is walked again here, where the command reports it."""
        try:
            return walk(index)
        except Exception:  # noqa: BLE001 - reported by the parent's own walk of the run
            return None

    work: Work[int, _RunResult | None] = Work(
        run=walk_there, size=lambda i: len(runs[i]), budget=lambda i: _RUN_BUDGET,
        recover=lambda i, failure: None, prepare=as_here,
    )
    results = WorkerPool(work, jobs=len(runs)).run(range(len(runs)))
    points: dict[str, Point] = {}
    for index, result in enumerate(results):
        found, found_gaps, phases = result if result is not None else walk(index)
        points.update(found)  # in the order of the commits
        gaps.update(found_gaps)
        for name, seconds in phases.items():  # summed over the processes: work, not time
            timings.phases[name] = timings.phases.get(name, 0.0) + seconds
    return points


def _listings(repo: "GitRepo", commits: Sequence[Commit], root: Path, config: Config, gaps: dict[str, str]) -> dict[str, Listing]:
    """Each commit's Python files (from one ``git log`` when it can), the others as gaps."""
    listings: dict[str, Listing] = {}
    known = list_trees(repo, commits, root, config) or {}
    for commit in commits:
        listing = known.get(commit.sha)
        if listing is None:
            try:
                listing = list_tree(repo, commit.sha, root, config)
            except GitError as exc:
                gaps[commit.sha] = f"tree not readable: {exc}"
                continue
        if not listing.blobs:
            gaps[commit.sha] = "no Python files"
            continue
        listings[commit.sha] = listing
    return listings


def _keyed(repo: "GitRepo", config: Config, listings: Mapping[str, Listing], warnings: list[str]) -> dict[str, Listing]:
    """The listings with each file's blob id replaced by its summary key: the blob id, or
    the blob id and the target Python it is parsed for (the root's, or its nested
    project's own, from the commit's pyproject.toml files). Each distinct pyproject.toml is
    read once, and the targets worked out once per distinct set of them, not per commit."""
    from ssotlint.gitrev import BlobReader, BlobUnavailable

    reader: BlobReader | None = None
    contents: dict[str, bytes | None] = {}  # pyproject.toml blob id -> its bytes

    def read(blob: str) -> bytes | None:
        nonlocal reader
        if blob not in contents:
            reader = reader or BlobReader(repo)
            try:
                contents[blob] = reader.read_limited(blob, MAX_NESTED_CONFIG_BYTES)
            except BlobUnavailable:
                contents[blob] = None
        return contents[blob]

    by_configs: dict[frozenset[tuple[str, str]], FileTargets] = {}
    keyed: dict[str, Listing] = {}
    try:
        for sha, listing in listings.items():
            configs = frozenset(listing.configs.items())
            targets = by_configs.get(configs)
            if targets is None:
                folders = declared_targets({p: partial(read, b) for p, b in listing.configs.items()})
                targets = by_configs[configs] = FileTargets.of(config, folders)
                warnings.extend(w for w in targets.warnings() if w not in warnings)
            warnings.extend(w for w in targets.named_warnings(listing.blobs) if w not in warnings)
            if not targets.any_newer(listing.blobs):
                keyed[sha] = listing._replace(oldest=targets)
                continue
            versions = targets.parser_versions(listing.blobs)
            blobs = {p: summary_key(b, versions[p]) for p, b in listing.blobs.items()}
            keyed[sha] = listing._replace(blobs=blobs, oldest=targets)
    finally:
        if reader is not None:
            reader.close()
    return keyed


def _summaries(
    repo: "GitRepo", options: Options, listings: Mapping[str, Listing], cache: Cache | None, timings: Timings
) -> "SummaryStream":
    """Summary key -> summary (see :func:`_keyed`), for every distinct content of the range,
    parsed by one pool of workers: the first commit's contents first, then what each later
    commit adds, in the order of the commits, so that the walk can score each commit while
    the workers parse the next ones' changes."""
    from ssotlint.gitrev import BlobReader

    reader = BlobReader(repo)
    seen: set[str] = set()
    batches: list[dict[str, Callable[[], bytes | None]]] = []
    for listing in listings.values():
        batch = {
            key: (lambda blob=summary_blob(key): reader.read(blob)) for key in listing.blobs.values() if key not in seen
        }
        seen.update(batch)
        if batch:
            batches.append(batch)
    return SummaryStream(batches, cache, options, timings)


def _same_summaries(before: Listing, after: Listing, summaries: Mapping[str, FileSummary]) -> bool:
    """The same files and opaque modules, and every changed content summarised the same:
    model and rules are a function of the summaries, so the score is the same too."""
    if before.blobs.keys() != after.blobs.keys() or sorted(before.opaque) != sorted(after.opaque):
        return False
    if before.configs != after.configs:
        return False  # (a nested project's oldest Python, a conftest's gate)
    old = before.blobs
    return all(blob == old[path] or summaries[blob] == summaries[old[path]] for path, blob in after.blobs.items())


def _entries(commits: Iterable[Commit], points: dict[str, Point], gaps: dict[str, str]) -> list[Entry]:
    entries: list[Entry] = []
    previous: float | None = None
    for commit in commits:
        point = points.get(commit.sha)
        if point is None:
            entries.append(Entry(commit, None, gaps.get(commit.sha, "not analysed")))
            continue
        percent = point.compliance("overall").percent
        delta = None if previous is None else round(percent - previous, 1)
        entries.append(Entry(commit, point, None, delta))
        previous = percent
    return entries


# -- output helpers -------------------------------------------------------------------------
SPARK = "▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[float | None]) -> str:
    """One block per value, scaled between the series' lowest and highest; a gap is a space."""
    known = [v for v in values if v is not None]
    if not known:
        return " " * len(values)
    low, high = min(known), max(known)
    span = high - low
    out = []
    for v in values:
        if v is None:
            out.append(" ")
        elif span == 0:
            out.append(SPARK[len(SPARK) // 2])
        else:
            out.append(SPARK[min(len(SPARK) - 1, int((v - low) / span * (len(SPARK) - 1) + 0.5))])
    return "".join(out)


def entry_dict(entry: Entry) -> dict:
    c = entry.commit
    document: dict = {
        "sha": c.sha,
        "short_sha": c.sha[:10],
        "date": c.date,
        "subject": c.subject,
        "analysed": entry.point is not None,
    }
    if entry.point is None:
        document["gap"] = entry.gap
        return document
    p = entry.point
    document.update(
        {
            "production": p.compliance("production").as_dict(),
            "tests": p.compliance("tests").as_dict(),
            "overall": p.compliance("overall").as_dict(),
            "by_rule": dict(sorted(p.by_rule.items())),
            "files_not_analysed": p.unparsed,
            "delta": entry.delta,
        }
    )
    return document
