"""``ssotlint check [PATH...]``: audit the repository and report violations."""

from __future__ import annotations

import argparse
from pathlib import Path

from ssotlint.commands import common
from ssotlint.errors import EXIT_OK, EXIT_VIOLATIONS, SsotlintError
from ssotlint.fix import FixError, normalise_line_endings, rewrite_atomically
from ssotlint.pipeline import Analysis, analyse_worktree
from ssotlint.report import render
from ssotlint.rules.base import Violation


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
    parser.add_argument("--fix", action="store_true", help="fix what can be fixed safely (SSOT005 line endings), atomically")
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


def _apply_fixes(analysis: Analysis, violations: list[Violation]) -> int:
    fixed = 0
    for v in violations:
        if v.rule != "SSOT005":
            continue
        try:
            if rewrite_atomically(analysis.root / v.path, normalise_line_endings, analysis.root):
                fixed += 1
        except OSError as exc:
            analysis.warnings.append(f"could not fix {v.path}: {exc.strerror or exc}")
        except FixError as exc:
            analysis.warnings.append(f"could not fix {v.path}: {exc}")
    return fixed


def run(args: argparse.Namespace) -> int:
    paths = args.paths or [Path(".")]
    for p in paths:
        if not p.exists():
            raise SsotlintError(f"{p}: no such file or directory")
    root, config = common.load(args, paths[0])
    scopes = _scope(root, paths)
    opts = common.options(args)
    analysis = analyse_worktree(root, config, opts)
    args.retain.append(analysis)
    violations = [v for v in analysis.violations if in_scope(v.path, scopes)]
    fixed = 0
    if args.fix:
        fixed = _apply_fixes(analysis, violations)
        if fixed:
            warnings = analysis.warnings
            analysis = analyse_worktree(root, config, opts)
            analysis.warnings[:0] = [w for w in warnings if w.startswith("could not fix")]
            violations = [v for v in analysis.violations if in_scope(v.path, scopes)]
    with common.output_stream(args) as stream:
        render.check_report(args, analysis, violations, stream, fixed=fixed)
    common.print_warnings(args, analysis.warnings)
    common.print_profile(args, analysis.timings.phases, f"  ({analysis.parsed} parsed, {analysis.files - analysis.parsed} cached)")
    if violations and not args.exit_zero:
        return EXIT_VIOLATIONS
    return EXIT_OK
