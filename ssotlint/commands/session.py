"""``ssotlint session --since REF_OR_TIME``: which commits of a "read-only" session changed behaviour."""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path
from typing import Iterator

from ssotlint.commands import common
from ssotlint.config import Config, load_config
from ssotlint.errors import EXIT_OK, EXIT_VIOLATIONS, SsotlintError
from ssotlint.session.classify import (
    CommitVerdict,
    FileChange,
    FileVerdict,
    Policy,
    Referrer,
    blobs_needed,
    classify,
)
from ssotlint.session.commits import History, Range, open_history
from ssotlint.session.references import ReferenceIndex
from ssotlint.report.session import Audited, write_json, write_text

FORMATS = ("text", "json")


def add_parser(subparsers: argparse._SubParsersAction, summary: str) -> None:
    parser = subparsers.add_parser(
        "session",
        help=summary,
        description="Classify every file changed by every commit in a range as docs, test, "
        "non-functional (production Python whose syntax tree, without docstrings, did not "
        "change), functional, dependency or config, and report the commits that changed "
        "behaviour. Only git objects are read: the work tree, index, refs and stash are "
        "never touched. Exit status: 0 no functional commit, 1 functional commits, 2 error.",
    )
    parser.add_argument("path", nargs="?", type=Path, metavar="PATH", help="a folder inside the repository (default: .)")
    parser.add_argument("--repo", type=Path, metavar="PATH", help="same as PATH")
    parser.add_argument(
        "--since",
        required=True,
        metavar="REF_OR_TIME",
        help="a commit (excluded, as in REF..HEAD) or an ISO-8601 time (commits whose "
        "committer date is at or after it; no offset means local time)",
    )
    parser.add_argument("--until", default="HEAD", metavar="REF", help="last commit of the range (default: HEAD)")
    parser.add_argument(
        "--author",
        metavar="PATTERN",
        help="only commits whose author (\"Name <email>\") matches PATTERN, a regular "
        "expression as for git log --author: one session's own work in a shared range",
    )
    parser.add_argument(
        "--first-parent",
        action="store_true",
        help="follow only the first parent of merges and judge a merge by everything it "
        "brought in (for ranges that do not contain the merged branches' own commits); "
        "by default every commit is walked and a merge is judged by its conflict resolution",
    )
    parser.add_argument("--config", type=Path, metavar="FILE", help="read [tool.ssotlint] from FILE instead of the repository's pyproject.toml")
    common.output_options(parser, FORMATS)
    # The shared options' help speaks of violations; say what they mean here.
    parser._option_string_actions["--quiet"].help = "text: only the functional commits, no summary"
    parser._option_string_actions["--verbose"].help = "text: every changed file of every commit, with the reason"
    parser.set_defaults(run=run)


def _repo_path(args: argparse.Namespace) -> Path:
    if args.path is not None and args.repo is not None and args.path.resolve() != args.repo.resolve():
        raise SsotlintError("give the repository either as PATH or with --repo, not both")
    return args.repo or args.path or Path(".")


def _config(history: History, explicit: Path | None) -> Config:
    root = history.work_tree
    if root is None:  # a bare repository has no pyproject.toml to read
        return load_config(Path(history.repo.git_dir), explicit) if explicit else Config()
    return load_config(root, explicit)


CHUNK = 256  # changed files whose blobs are fetched together


def audit(history: History, rng: Range, policy: Policy) -> Iterator[Audited]:
    """Classify the range commit by commit, lazily."""
    references = ReferenceIndex(policy.paths, history.tree_listing, history.prefetch)
    for info, changes in history.walk(rng):
        exact = not info.is_merge or rng.first_parent  # a resolution is not the whole change
        references.note(info.sha, info.parents, changes, exact)
        files = _classified(history, changes, policy, references.referrer(info.sha))
        if info.is_merge and not rng.first_parent:
            files = (replace(f, reason=f"merge resolution: {f.reason}") for f in files)
        yield Audited(info, CommitVerdict.of(files, policy))


def _classified(history: History, changes: list[FileChange], policy: Policy, referrer: Referrer) -> Iterator[FileVerdict]:
    for start in range(0, len(changes), CHUNK):
        chunk = changes[start : start + CHUNK]
        blobs = history.prefetch([oid for change in chunk for oid in blobs_needed(change, policy)])

        def read(oid: str, blobs: dict[str, bytes] = blobs) -> bytes:
            data = blobs.get(oid)
            return data if data is not None else history.read(oid)

        for change in chunk:
            yield classify(change, policy, read, referrer)


def run(args: argparse.Namespace) -> int:
    with open_history(_repo_path(args)) as history:
        policy = Policy.from_config(_config(history, args.config))
        rng = history.resolve(args.since, args.until, args.author, args.first_parent)
        with common.output_stream(args) as stream:
            audited = audit(history, rng, policy)
            if args.format == "json":
                summary = write_json(stream, rng, audited, policy)
            else:
                summary = write_text(stream, rng, audited, policy, quiet=args.quiet, verbose=args.verbose)
    return EXIT_VIOLATIONS if summary.functional else EXIT_OK
