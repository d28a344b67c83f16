"""``ssotlint report``: the score, its trend, every violation and every import cycle, in one
self-contained HTML file meant to be kept as a CI artifact."""

from __future__ import annotations

import argparse
import platform
from datetime import datetime, timezone
from pathlib import Path

from ssotlint import __version__
from ssotlint.commands import common
from ssotlint.config import Config
from ssotlint.errors import EXIT_OK, GitError, SsotlintError
from ssotlint.pipeline import Analysis, Options, Timings, analyse_worktree
from ssotlint.score import compute

DEFAULT_OUTPUT = Path("ssotlint-report.html")


def add_parser(subparsers: argparse._SubParsersAction, summary: str) -> None:
    parser = subparsers.add_parser(
        "report",
        help=summary,
        description="Write one self-contained HTML file (no network needed to view it): the score, "
        "its trend over the last commits, tables per rule and per package, every violation "
        "grouped by rule and file, each import cycle drawn as a graph, and the run's facts. "
        "History is read from git objects; nothing in the repository is touched. "
        "Exit status: 0 when the report was written, 2 on errors.",
    )
    parser.add_argument("path", nargs="?", type=Path, default=Path("."), metavar="PATH", help="the repository (default: .)")
    parser.add_argument("--output", "-o", type=Path, default=DEFAULT_OUTPUT, metavar="FILE", help=f"where to write the report (default: {DEFAULT_OUTPUT}; - for stdout)")
    parser.add_argument("--history", type=int, default=30, metavar="N", help="commits in the trend chart (default: 30; 0: none)")
    parser.add_argument(
        "--link",
        metavar="TEMPLATE",
        help="link each violation to a URL built from TEMPLATE, whose {sha}, {path} and {line} are "
        "replaced, e.g. https://github.com/org/repo/blob/{sha}/{path}#L{line}",
    )
    parser.add_argument("--quiet", "-q", action="store_true", help="print nothing but errors")
    common.analysis_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ssotlint.report.html import render

    if args.history < 0:
        raise SsotlintError("--history must be 0 or more")
    root, config = common.load(args, args.path)
    opts = common.options(args)
    opts.progress = None
    analysis = analyse_worktree(root, config, opts)
    args.retain.append(analysis)
    data = report_data(args, root, config, opts, analysis)
    page = render(data)
    target = args.output
    args.output = None if str(target) == "-" else target
    with common.output_stream(args) as stream:
        stream.write(page)
    if args.output is not None and not args.quiet:
        overall = data.score.overall
        print(f"Wrote {target}: overall {overall.percent:.1f}% SSOT compliant, {len(data.violations)} violations.")
    common.print_warnings(args, list(data.warnings))
    common.print_profile(args, analysis.timings.phases)
    return EXIT_OK


def report_data(args: argparse.Namespace, root: Path, config: Config, opts: Options, analysis: Analysis):
    from ssotlint.report.html import ReportData, config_rows
    from ssotlint.rules import RULES_BY_CODE

    warnings = list(analysis.warnings)
    commit, dirty, history, note, prefix = _git_facts(root, config, opts, analysis, args.history, warnings)
    return ReportData(
        title=f"ssotlint report: {root.name or root}",
        version=__version__,
        python=platform.python_version(),
        root=str(root),
        commit=commit,
        dirty=dirty,
        generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        files=analysis.files,
        unparsed=analysis.unparsed,
        score=compute(analysis.facts, analysis.violations),
        violations=sorted(analysis.violations, key=lambda v: v.sort_key()),
        rule_names={code: rule.name for code, rule in RULES_BY_CODE.items()},
        fixable=frozenset(code for code, rule in RULES_BY_CODE.items() if rule.fixable != "never"),
        config=config_rows(config),
        history=history,
        history_note=note,
        link=args.link,
        link_prefix=prefix,
        warnings=warnings,
    )


def _git_facts(root: Path, config: Config, opts: Options, analysis: Analysis, commits: int, warnings: list[str]):
    """HEAD's sha, whether the work tree differs from it, the score history, a note on the
    history's absence, and the root's folder in the repository (links name paths from the top)."""
    from ssotlint.gitrev import has_commits, open_repo, resolve, root_prefix
    from ssotlint.history import RangeSpec, first_parent_commits, score_history
    from ssotlint.pipeline import revision_blobs
    from ssotlint.pipeline.revision import without_vendored

    try:
        repo = open_repo(root)
    except GitError:
        return None, False, None, "Not a git repository: no history.", ""
    prefix = root_prefix(repo, root)
    if not has_commits(repo):
        return None, False, None, "The repository has no commits yet.", prefix
    sha = resolve(repo, "HEAD")
    config = without_vendored(config, analysis.vendored)
    dirty = revision_blobs(root, config, repo, sha, opts) != analysis.blobs
    if commits == 0:
        return sha, dirty, None, "History not requested (--history 0).", prefix
    entries = score_history(
        root, config, opts, repo, first_parent_commits(repo, RangeSpec(None, "HEAD", commits)),
        analysis.opaque, Timings(), warnings,
    )
    return sha, dirty, entries, "", prefix
