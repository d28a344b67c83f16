"""``ssotlint cache clear [PATH]``: delete the summary cache."""

from __future__ import annotations

import argparse
from pathlib import Path

from ssotlint.cache import clear, default_cache_dir
from ssotlint.commands.common import resolve_root
from ssotlint.errors import SsotlintError
from ssotlint.trust import refusal


def add_parser(subparsers: argparse._SubParsersAction, summary: str) -> None:
    parser = subparsers.add_parser("cache", help=summary, description="Manage ssotlint's cache of per-file summaries.")
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    clear_parser = actions.add_parser("clear", help="delete the cache", description="Delete the cache of the repository containing PATH.")
    clear_parser.add_argument("path", nargs="?", type=Path, default=Path("."), metavar="PATH")
    clear_parser.add_argument("--cache-dir", type=Path, metavar="DIR", help="the cache to delete (default: ROOT/.ssotlint_cache, or $SSOTLINT_CACHE_DIR)")
    clear_parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    root = resolve_root(args.path)
    directory = args.cache_dir or default_cache_dir(root)
    refused = refusal(root, directory)
    if refused is not None:  # its files are the repository's, or lie elsewhere: not ours
        raise SsotlintError(refused.replace("cache not used", "cache not cleared", 1))
    if clear(directory):
        print(f"Removed the cache at {directory}")
    else:
        print(f"No cache at {directory}")
    return 0
