"""``ssotlint cache clear [PATH]``: delete the summary cache."""

from __future__ import annotations

import argparse
from pathlib import Path

from ssotlint.cache import clear, default_cache_dir
from ssotlint.commands.common import resolve_root


def add_parser(subparsers: argparse._SubParsersAction, summary: str) -> None:
    parser = subparsers.add_parser("cache", help=summary, description="Manage ssotlint's cache of per-file summaries.")
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    clear_parser = actions.add_parser("clear", help="delete the cache", description="Delete the cache of the repository containing PATH.")
    clear_parser.add_argument("path", nargs="?", type=Path, default=Path("."), metavar="PATH")
    clear_parser.add_argument("--cache-dir", type=Path, metavar="DIR", help="the cache to delete (default: ROOT/.ssotlint_cache, or $SSOTLINT_CACHE_DIR)")
    clear_parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    directory = args.cache_dir or default_cache_dir(resolve_root(args.path))
    if clear(directory):
        print(f"Removed the cache at {directory}")
    else:
        print(f"No cache at {directory}")
    return 0
