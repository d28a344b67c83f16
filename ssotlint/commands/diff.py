"""``ssotlint diff [--base REF]``: the ratchet. New and fixed violations against a commit.

The working tree (uncommitted changes included) is compared with REF (default HEAD).
The base is read from git objects only; files identical in both are parsed at most once
(summaries are keyed by blob id), and a clean tree reuses the working tree's analysis.
Violations are matched by subject (``ssotlint.compare``), never by line or wording: moved
code is not new, and a finding whose subject stays while its message changes is "changed".
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ssotlint.commands import common
from ssotlint.compare import DiffResult, compare
from ssotlint.errors import EXIT_OK, EXIT_VIOLATIONS, GitError
from ssotlint.gitrev import has_commits, open_repo, resolve
from ssotlint.pipeline import analyse_revision, analyse_worktree, revision_blobs
from ssotlint.pipeline.revision import without_vendored
from ssotlint.report import diff_report, render
from ssotlint.rules.base import Violation
from ssotlint.score import overall_percent

DIFF_FORMATS = ("text", "json", "sarif", "github")


def add_parser(subparsers: argparse._SubParsersAction, summary: str) -> None:
    parser = subparsers.add_parser(
        "diff",
        help=summary,
        description="Compare the working tree, uncommitted changes included, with the commit "
        "REF (default HEAD) and report the violations the change introduces and fixes, and "
        "those still present but reported differently (changed: same subject, new message). "
        "Nothing in the repository is touched: the base is read from git objects. "
        "Exit status: 1 when --fail-on is met, 2 on errors.",
    )
    parser.add_argument("path", nargs="?", type=Path, default=Path("."), metavar="PATH", help="the repository (default: .)")
    parser.add_argument("--base", default="HEAD", metavar="REF", help="the commit to compare with (default: HEAD)")
    parser.add_argument(
        "--fail-on",
        choices=("new", "any", "none"),
        default="new",
        help="exit 1 on new violations (default), on any violation, or never",
    )
    common.analysis_options(parser)
    common.output_options(parser, DIFF_FORMATS)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    root, config = common.load(args, args.path)
    repo = open_repo(root)
    opts = common.options(args)
    current = analyse_worktree(root, config, opts)
    args.retain.append(current)
    current_score = overall_percent(current.files - len(current.test_data), current.violations, current.test_data)
    base_sha: str | None = None
    base_violations: list[Violation] = []
    base_score: float | None = None
    notice = None
    try:
        base_sha = resolve(repo, args.base)
    except GitError:
        if has_commits(repo):
            raise
        if args.base != "HEAD":
            raise GitError(f"unknown revision {args.base!r}: the repository has no commits yet") from None
        notice = "the repository has no commits yet: every violation is new"
    if base_sha is not None:
        config = without_vendored(config, current.vendored)
        blobs = revision_blobs(root, config, repo, base_sha, opts)
        if blobs == current.blobs:  # a clean tree: the base is the working tree
            base_violations, base_score = current.violations, current_score
        else:
            base = analyse_revision(root, config, opts, repo, base_sha, blobs, current.opaque)
            args.retain.append(base)
            base_violations = base.violations
            base_score = overall_percent(base.files - len(base.test_data), base.violations, base.test_data)
            current.warnings.extend(base.warnings)

    new, fixed, changed, unchanged = compare(base_violations, current.violations)
    result = DiffResult(root, args.base, base_sha, new, fixed, changed, unchanged, base_score, current_score, notice)
    with common.output_stream(args) as stream:
        render.dispatch(
            args.format, stream, new, root, lambda: diff_report.document(result),
            lambda: diff_report.text(stream, result, quiet=args.quiet),
        )
    common.print_warnings(args, current.warnings)
    common.print_profile(args, current.timings.phases)
    if args.fail_on == "new" and new:
        return EXIT_VIOLATIONS
    if args.fail_on == "any" and current.violations:
        return EXIT_VIOLATIONS
    return EXIT_OK
