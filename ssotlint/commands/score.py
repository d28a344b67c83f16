"""``ssotlint score [PATH]``: compliance figures, and a threshold for CI."""

from __future__ import annotations

import argparse
from pathlib import Path

from ssotlint.commands import common
from ssotlint.errors import EXIT_OK, EXIT_VIOLATIONS, SsotlintError
from ssotlint.pipeline import analyse_worktree
from ssotlint.report import json_report, score_report
from ssotlint.score import compute


def add_parser(subparsers: argparse._SubParsersAction, summary: str) -> None:
    parser = subparsers.add_parser(
        "score",
        help=summary,
        description="Print the share of files with no violation for production code, tests and "
        "overall, per rule and per top-level package. With --min-score (or fail-under in "
        "[tool.ssotlint]) exit 1 when the overall score is below the threshold.",
    )
    parser.add_argument("path", nargs="?", type=Path, default=Path("."), metavar="PATH", help="the repository (default: .)")
    parser.add_argument("--min-score", type=float, metavar="X", help="exit 1 when the overall score is below X percent (overrides fail-under)")
    parser.add_argument("--min-score-production", type=float, metavar="X", help="exit 1 when the production score is below X percent (overrides fail-under-production)")
    history = parser.add_argument_group("history (read from git objects; nothing is checked out)")
    history.add_argument("--history", action="store_true", help="the score at each first-parent commit of a range (default: the last 30 commits)")
    history.add_argument("--since", metavar="REF_OR_TIME", help="with --history: commits after REF, or at or after an ISO-8601 time")
    history.add_argument("--until", default="HEAD", metavar="REF", help="with --history: the last commit (default: HEAD)")
    history.add_argument("--max-commits", type=int, metavar="N", help="with --history: at most the N newest commits (default: 30 without --since)")
    common.analysis_options(parser)
    common.output_options(parser, ("text", "json"))
    parser.set_defaults(run=run)


def _threshold(value: float | None, configured: float | None, option: str) -> float | None:
    if value is None:
        return configured
    if not 0 <= value <= 100:
        raise SsotlintError(f"{option} must be a percentage from 0 to 100")
    return value


def run(args: argparse.Namespace) -> int:
    if args.history:
        from ssotlint.commands.score_history import run_history

        return run_history(args)
    if args.since is not None or args.max_commits is not None or args.until != "HEAD":
        raise SsotlintError("--since, --until and --max-commits go with --history")
    root, config = common.load(args, args.path)
    minimum = _threshold(args.min_score, config.fail_under, "--min-score")
    minimum_production = _threshold(args.min_score_production, config.fail_under_production, "--min-score-production")
    analysis = analyse_worktree(root, config, common.options(args))
    args.retain.append(analysis)
    score = compute(analysis.facts, analysis.violations)
    failures = []
    if minimum is not None and score.overall.percent < minimum:
        failures.append(f"overall score {score.overall.percent:.1f}% is below the minimum {minimum:.1f}%")
    if minimum_production is not None and score.production.percent < minimum_production:
        failures.append(
            f"production score {score.production.percent:.1f}% is below the minimum {minimum_production:.1f}%"
        )
    with common.output_stream(args) as stream:
        if args.format == "json":
            stream.write(json_report.dumps(score_report.document(root, score, minimum, minimum_production, failures)))
        else:
            score_report.text(stream, score, failures, tables=not args.quiet)
    common.print_warnings(args, analysis.warnings)
    common.print_profile(args, analysis.timings.phases)
    return EXIT_VIOLATIONS if failures else EXIT_OK
