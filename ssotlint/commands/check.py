"""``ssotlint check [PATH...]``: audit the repository and report violations."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ssotlint.commands import common
from ssotlint.errors import EXIT_OK, EXIT_VIOLATIONS, SsotlintError
from ssotlint.fix.run import FixReport, fix_and_verify, planned, wanted
from ssotlint.pipeline import analyse_worktree, open_cache
from ssotlint.report import render
from ssotlint.report.fixes import fix_warnings, print_diff
from ssotlint.report.text import plural


def add_parser(subparsers: argparse._SubParsersAction, summary: str) -> None:
    parser = subparsers.add_parser(
        "check",
        help=summary,
        description="Audit the repository containing PATH (default: the current folder) and "
        "report violations of the SSOT rules. The whole repository is analysed, since imports "
        "cross files; with paths, only violations in those files or folders are reported. "
        "Exit status: 0 clean, 1 violations, 2 error.",
    )
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="files or folders to report on (default: .)")
    parser.add_argument(
        "--fix", action="store_true",
        help="apply the safe fixes (marked [*]) atomically, check again, and roll back any fix that made a new violation",
    )
    parser.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff, apply the unsafe fixes too; mark them [*]")
    parser.add_argument(
        "--diff", action="store_true",
        help="print the fixes as a unified diff and write nothing (exit 1 when there is something to fix)",
    )
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are violations")
    common.analysis_options(parser)
    common.output_options(parser, render.CHECK_FORMATS)
    parser.set_defaults(run=run)


def _scope(root: Path, paths: list[Path]) -> list[str] | None:
    """Relative POSIX prefixes to report on, or None for the whole repository."""
    scopes = []
    for p in paths:
        full = p.resolve()
        try:
            rel = full.relative_to(root).as_posix()
        except ValueError:
            raise SsotlintError(f"{p}: not inside the repository at {root}") from None
        if rel == ".":
            return None
        scopes.append(rel)
    return scopes or None


def in_scope(path: str, scopes: list[str] | None) -> bool:
    return scopes is None or any(path == s or path.startswith(s + "/") for s in scopes)


def run(args: argparse.Namespace) -> int:
    paths = args.paths or [Path(".")]
    for p in paths:
        if not p.exists():
            raise SsotlintError(f"{p}: no such file or directory")
    root, config = common.load(args, paths[0])
    if args.verbose:
        _print_roots(root, config)
    scopes = _scope(root, paths)
    opts = common.options(args)
    analysis = analyse_worktree(root, config, opts)
    args.retain.append(analysis)
    violations = [v for v in analysis.violations if in_scope(v.path, scopes)]
    if args.diff:
        return _diff(args, analysis, violations)
    report: FixReport | None = None
    if args.fix:
        plans, dropped = planned(root, wanted(violations, args.unsafe_fixes))
        report, analysis = fix_and_verify(
            root, plans, dropped, analysis.violations, lambda: analyse_worktree(root, config, opts)
        )
        analysis.warnings.extend(fix_warnings(report))
        violations = [v for v in analysis.violations if in_scope(v.path, scopes)]
    edits = None
    if args.format in ("json", "sarif") and any(v.fix is not None for v in violations):
        # The edits of the fixes this run's options would apply (unsafe ones with
        # --unsafe-fixes): computing an edit costs a parse of the file's statement.
        edits = _edits(analysis, wanted(violations, args.unsafe_fixes), opts)
    with common.output_stream(args) as stream:
        view = render.View(args.format, args.quiet, args.verbose, args.unsafe_fixes)
        render.check_report(view, analysis, violations, stream, fixes=report, edits=edits)
    common.print_warnings(args, analysis.warnings)
    common.print_profile(args, analysis.timings.phases, f"  ({analysis.parsed} parsed, {analysis.files - analysis.parsed} cached)")
    if violations and not args.exit_zero:
        return EXIT_VIOLATIONS
    return EXIT_OK


def _print_roots(root: Path, config) -> None:
    """``--verbose``: the source roots module names are relative to, and where they came
    from; nothing when the root is the only one."""
    from ssotlint.discover.modules import source_roots

    found = source_roots(root, config.src)
    if found == [""]:
        return
    roots = ", ".join(r or "." for r in found)
    origin = f"; {', '.join(config.src)} from {config.src_source}" if config.src and config.src_source else ""
    print(f"ssotlint: note: source roots: {roots}{origin}", file=sys.stderr)


def _diff(args: argparse.Namespace, analysis, violations) -> int:
    """``--diff``: what ``--fix`` would write, as a unified diff; nothing is written."""
    plans, dropped = planned(analysis.root, wanted(violations, args.unsafe_fixes))
    with common.output_stream(args) as stream:
        print_diff(stream, plans)
    common.print_warnings(args, analysis.warnings + fix_warnings(FixReport([], [], dropped, [])))
    if not args.quiet:
        count = sum(len(p.applied) for p in plans)
        print(f"Would fix {plural(count, 'violation')} in {plural(len(plans), 'file')}.", file=sys.stderr)
    return EXIT_VIOLATIONS if plans else EXIT_OK


def _edits(analysis, violations, opts) -> dict:
    """Each fix as an edit of the file as it is (JSON and SARIF carry them), from the cache
    when the file and the fix are unchanged."""
    from ssotlint.fix.edits import edits

    warnings: list[str] = []
    cache = open_cache(analysis.root, opts, warnings)
    try:
        return edits(analysis.root, violations, cache, opts.jobs or 0)
    finally:
        if cache is not None:
            cache.close()
