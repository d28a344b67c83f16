"""``ssotlint score [PATH]``: compliance figures, and a threshold for CI."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ssotlint.commands import common
from ssotlint.errors import EXIT_OK, EXIT_VIOLATIONS, SsotlintError
from ssotlint.pipeline import analyse_worktree
from ssotlint.report import json_report
from ssotlint.report.text import console_for
from ssotlint.rules import RULES_BY_CODE
from ssotlint.score import Compliance, Score, compute


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


def format_line(label: str, c: Compliance, width: int = 17) -> str:
    return (
        f"{label + ':':<{width}}{c.percent:5.1f}% SSOT compliant "
        f"({c.files} file{'s' if c.files != 1 else ''}, {c.violations} violation{'s' if c.violations != 1 else ''})"
    )


def print_score(console, score: Score, verbose_tables: bool = True) -> None:
    console.print(format_line("Production code", score.production))
    console.print(format_line("Tests", score.tests))
    console.print(format_line("Overall", score.overall), style="bold")
    if not verbose_tables:
        return
    from rich.table import Table

    if score.by_rule:
        table = Table(title="Violations by rule", title_justify="left", show_edge=False)
        table.add_column("Rule")
        table.add_column("Name")
        table.add_column("Count", justify="right")
        for code, count in sorted(score.by_rule.items()):
            table.add_row(code, RULES_BY_CODE[code].name, str(count))
        console.print()
        console.print(table)
    if score.by_package:
        table = Table(title="By top-level package", title_justify="left", show_edge=False)
        for name in ("Package", "Files", "With violations", "Violations", "Score"):
            table.add_column(name, justify="left" if name == "Package" else "right")
        ranked = sorted(score.by_package.items(), key=lambda kv: (kv[1].percent, kv[0]))
        for name, c in ranked:
            table.add_row(name, str(c.files), str(c.files - c.clean), str(c.violations), f"{c.percent:.1f}%")
        console.print()
        console.print(table)


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
            document = {
                "version": json_report.JSON_VERSION,
                "root": str(root),
                **score.as_dict(),
                "thresholds": {"overall": minimum, "production": minimum_production},
                "passed": not failures,
            }
            stream.write(json_report.dumps(document))
        else:
            console = console_for(stream, color=None if stream is sys.stdout else False)
            print_score(console, score, verbose_tables=not args.quiet)
            for failure in failures:
                console.print(f"\nFAILED: {failure}", style="bold red")
    common.print_warnings(args, analysis.warnings)
    common.print_profile(args, analysis.timings.phases)
    return EXIT_VIOLATIONS if failures else EXIT_OK
