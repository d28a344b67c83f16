"""One tree's analysis: source -> (cache | extract) -> model -> rules.

Commands call :func:`analyse_worktree` or :func:`analyse_revision`; both go through
:func:`analyse_source` and end in :func:`build_outcome`, so a git revision and the working
tree are judged identically. An unchanged tree's outcome comes from the result cache
without loading a single summary.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Mapping, Sequence

from ssotlint.cache import Cache
from ssotlint.config import Config
from ssotlint.discover.files import discover_configured, display_path
from ssotlint.discover.modules import settle_roots, source_roots
from ssotlint.extract.summary import FileSummary
from ssotlint.pipeline.caching import open_cache, result_key, summary_key
from ssotlint.pipeline.options import Options
from ssotlint.pipeline.parsing import new_pool, summarize_blobs
from ssotlint.pipeline.results import Analysis, Outcome, Timings
from ssotlint.pipeline.revision import RevisionSource
from ssotlint.pipeline.source import Source
from ssotlint.pipeline.targets import FileTargets, declared_targets, read_worktree_config
from ssotlint.pipeline.worktree import WorktreeSource

if TYPE_CHECKING:
    from ssotlint.extract.pool import ExtractionPool
    from ssotlint.gitrev import GitRepo
    from ssotlint.model.project import OldestPython, Project
    from ssotlint.rules.base import Violation


def analyse_worktree(root: Path, config: Config, options: Options, need_model: bool = False) -> Analysis:
    """Analyse the working tree. ``need_model``: build the project model even when the
    cache holds the outcome (the graph command needs the graph itself)."""
    timings = Timings()
    warnings: list[str] = []
    options = replace(options, parser=config.parser)
    with timings.phase("discover"):
        found = discover_configured(root, config)
    warnings.extend(found.warnings)
    cache = open_cache(root, options, warnings)
    started: list[ExtractionPool] = []

    def prestart() -> None:
        # A changed file in a warm tree: start a parser now, so that its LibCST import
        # overlaps the rest of the stat loop and the cache loading.
        started.append(new_pool(options))
        started[0].prestart(1)

    try:
        with timings.phase("hash"):
            stats = cache.stats() if cache is not None else {}
            source = WorktreeSource(root, found.files, warnings, stats, on_change=prestart)
            files = source.list_files()
            if cache is not None:
                cache.put_stats(source.new_stats)
            nested = declared_targets({p: partial(read_worktree_config, root, p) for p in found.configs})
        analysis = analyse_source(
            root, config, options, cache, source, files, found.opaque + source.unreadable, warnings, timings,
            need_model, started[0] if started else None, source.unchanged, FileTargets.of(config, nested),
        )
        analysis.vendored = found.vendored
        return analysis
    finally:
        for pool in started:
            pool.close()
        if cache is not None:
            cache.close()


def analyse_revision(
    root: Path,
    config: Config,
    options: Options,
    repo: "GitRepo",
    sha: str,
    path_blob: Mapping[str, str] | None = None,
    opaque: Sequence[str] = (),
) -> Analysis:
    """Analyse the commit ``sha`` from git objects alone, judged by ``config``.

    Files are keyed by their blob id, so everything the cache already knows (typically
    every file the commit shares with the working tree) is neither read nor parsed.
    ``opaque`` should be the working tree's: generated modules exist on disk, not in git.
    """
    timings = Timings()
    warnings: list[str] = []
    options = replace(options, parser=config.parser)
    source = RevisionSource(root, config, repo, sha, path_blob, options)
    with timings.phase("discover"):
        files = source.list_files()
        nested = declared_targets(source.configs())
    cache = open_cache(root, options, warnings)
    try:
        return analyse_source(
            root, config, options, cache, source, files, list(opaque), warnings, timings,
            targets=FileTargets.of(config, nested),
        )
    finally:
        source.close()
        if cache is not None:
            cache.close()


def analyse_source(
    root: Path,
    config: Config,
    options: Options,
    cache: Cache | None,
    source: Source,
    files: Mapping[str, str],
    opaque: list[str],
    warnings: list[str],
    timings: Timings,
    need_model: bool = False,
    pool: "ExtractionPool | None" = None,
    assumed_known: set[str] | None = None,
    targets: FileTargets | None = None,
) -> Analysis:
    """The outcome for a tree (``files``: its listing by ``source``): from the result cache
    when the same tree (same contents, same configuration, same ssotlint) was analysed
    before, else summaries -> model -> rules. ``targets``: each file's target Python
    (default: the configuration's, for every file)."""
    roots = source_roots(root, config.src)
    targets = targets if targets is not None else FileTargets.of(config)
    key = result_key(config, roots, files, opaque, targets.fingerprint())
    if cache is not None and not need_model:
        with timings.phase("cache"):
            outcome = cache.get_result(key, Outcome)
        if outcome is not None:
            warnings.extend(outcome.warnings)
            return Analysis(root, config, outcome, warnings, timings, 0, dict(files), opaque)
    versions = targets.parser_versions(files)
    keys = {path: summary_key(blob, versions[path]) for path, blob in files.items()}
    wanted = {keys[path]: partial(source.read, path, blob) for path, blob in files.items()}
    if assumed_known is not None and any(versions.values()):
        # The stat rows vouch for blob ids: a file parsed for a target has its own key.
        assumed_known = {keys[p] for p, b in files.items() if b in assumed_known}
    summaries, parsed = summarize_blobs(
        wanted, cache, options, timings, meanwhile=_import_model, pool=pool, assumed_known=assumed_known,
    )
    analysed = {p: b for p, b in files.items() if keys[p] in summaries}
    unread = [p for p in files if p not in analysed]
    entries = [(p, summaries[keys[p]]) for p in analysed]
    project, outcome = build_outcome(
        config, roots, entries, opaque + unread, timings, warnings=(*targets.warnings(), *targets.named_warnings(analysed)),
        oldest_python=targets,
    )
    warnings.extend(outcome.warnings)
    if cache is not None and not unread:
        with timings.phase("cache"):
            cache.put_result(key, outcome)
    return Analysis(root, config, outcome, warnings, timings, parsed, analysed, opaque + unread, project)


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
    rules: "Callable[[Project], list[Violation]] | None" = None,
    advice: bool = True,
    oldest_python: "OldestPython | None" = None,
) -> tuple["Project", Outcome]:
    """Model and rules: a pure function of the summaries and the configuration.
    ``previous``: a model to build from (see :meth:`Project.build`), consumed.
    ``rules``: what runs the rules (default :func:`run_rules`; a history passes
    :class:`RulesOverHistory`); ``advice``: see ``Project.advice``; ``oldest_python``: see
    ``Project.build``."""
    from ssotlint.model.project import OldestPython, Project
    from ssotlint.rules.runner import rule_warnings, run_rules

    rules = rules if rules is not None else run_rules

    with timings.phase("model"):
        roots = settle_roots(roots, entries)  # nested projects' roots the code contradicts go
        project = Project.build(config, roots, entries, opaque, previous, advice, oldest_python)
        project.import_edges  # noqa: B018 - built here so the profile shows it as model
    with timings.phase("rules"):
        violations = rules(project)
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
        _test_data_column(project),
    )
    return project, outcome


def _test_data_column(project: "Project") -> tuple[bool, ...]:
    data = project.test_data
    return tuple([f.path in data for f in project.files]) if data else ()
