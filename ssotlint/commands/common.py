"""What every analysing command shares: options, root and config resolution, output."""

from __future__ import annotations

import argparse
import os
import sys
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import IO, Iterator

from ssotlint.config import PARSERS, RULE_CODE, Config, load_config
from ssotlint.discover.files import find_root
from ssotlint.errors import SsotlintError
from ssotlint.pipeline import Options
from ssotlint.report.progress import ParseProgress


def analysis_options(parser: argparse.ArgumentParser) -> None:
    """Options of commands that analyse a repository."""
    group = parser.add_argument_group("analysis")
    group.add_argument("--config", type=Path, metavar="FILE", help="read [tool.ssotlint] from FILE instead of the root's pyproject.toml")
    group.add_argument("--select", metavar="CODES", help="comma-separated rule codes or prefixes to enable (default: all)")
    group.add_argument("--ignore", metavar="CODES", help="comma-separated rule codes or prefixes to disable")
    group.add_argument("--jobs", "-j", type=int, default=0, metavar="N", help="parser processes (default: all cores)")
    group.add_argument("--parser", choices=PARSERS, default=None, help="extraction engine (default: the parser key, else libcst; ast is several times faster cold)")
    group.add_argument("--timeout", type=float, default=None, metavar="SECONDS", help="per-file parse budget before falling back to CPython's ast (default: 10, plus 1 s per 50 kB)")
    group.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    group.add_argument("--cache-dir", type=Path, metavar="DIR", help="cache location (default: ROOT/.ssotlint_cache, or $SSOTLINT_CACHE_DIR)")
    group.add_argument("--profile", action="store_true", help="print the time spent in each phase on stderr")


def output_options(parser: argparse.ArgumentParser, formats: tuple[str, ...]) -> None:
    group = parser.add_argument_group("output")
    group.add_argument("--format", choices=formats, default=formats[0], help=f"output format (default: {formats[0]})")
    group.add_argument("--output", "-o", type=Path, metavar="FILE", help="write the report to FILE instead of stdout")
    verbosity = group.add_mutually_exclusive_group()
    verbosity.add_argument("--quiet", "-q", action="store_true", help="print only violations (no summary, no warnings)")
    verbosity.add_argument("--verbose", "-v", action="store_true", help="also print notes (files analysed with the fallback parser, how many files are test data)")


def _codes(value: str | None, option: str) -> tuple[str, ...] | None:
    if value is None:
        return None
    codes = tuple(c.strip().upper() for c in value.split(",") if c.strip())
    for code in codes:
        if code != "ALL" and not RULE_CODE.match(code):
            raise SsotlintError(f"{option}: {code!r} is not a rule code (like SSOT003)")
    return tuple("SSOT" if c == "ALL" else c for c in codes)


def resolve_root(path: Path) -> Path:
    if not path.exists():
        raise SsotlintError(f"{path}: no such file or directory")
    return find_root(path)


def load(args: argparse.Namespace, path: Path) -> tuple[Path, Config]:
    root = resolve_root(path)
    config = load_config(root, args.config)
    config = config.with_overrides(
        select=_codes(getattr(args, "select", None), "--select"),
        ignore=_codes(getattr(args, "ignore", None), "--ignore"),
        parser=getattr(args, "parser", None),
    )
    return root, config


def options(args: argparse.Namespace) -> Options:
    if args.jobs < 0:
        raise SsotlintError("--jobs must be 0 (all cores) or more")
    if args.timeout is not None and args.timeout <= 0:
        raise SsotlintError("--timeout must be a positive number of seconds")
    shown = getattr(args, "format", "text") in ("text", None) or getattr(args, "output", None) is not None
    opts = Options(
        jobs=args.jobs,
        use_cache=not args.no_cache,
        cache_dir=args.cache_dir,
        progress=ParseProgress if shown else None,
    )
    if args.timeout is not None:
        opts.timeout = args.timeout
    return opts


@contextmanager
def output_stream(args: argparse.Namespace) -> Iterator[IO[str]]:
    """stdout, or ``--output FILE`` written atomically once the report is complete."""
    target: Path | None = getattr(args, "output", None)
    if target is None:
        yield sys.stdout
        return
    import stat

    from ssotlint.fix.atomic import atomic_replace

    if target.is_dir():
        raise SsotlintError(f"--output: {target} is a folder")
    if target.exists() and not target.is_file():
        # A device, a FIFO, /dev/stdout: write into it. Renaming a file over it would replace
        # it (as root, `--output /dev/null` would turn /dev/null into a regular file).
        try:
            with open(target, "w", encoding="utf-8") as fh:
                yield fh
        except OSError as exc:
            raise SsotlintError(f"--output: cannot write {target}: {exc.strerror or exc}") from None
        return
    from ssotlint.fix.atomic import FixError, contained_target

    try:  # through a symlink, replace the file it points at, if that is in the same folder
        final = contained_target(target, target.absolute().parent)
    except FixError as exc:
        raise SsotlintError(f"--output: {exc}") from None
    directory = final.parent
    if not directory.is_dir():
        raise SsotlintError(f"--output: folder {directory} does not exist")
    if final.exists():
        mode = stat.S_IMODE(final.stat().st_mode)
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask  # what a plain open() would have created, not mkstemp's 0600
    stack = ExitStack()
    try:
        fh = stack.enter_context(atomic_replace(final, mode, binary=False))
    except OSError as exc:
        raise SsotlintError(f"--output: cannot write in {directory}: {exc.strerror or exc}") from None
    with stack:  # renames the report into place when the block succeeds
        try:
            yield fh
        except OSError as exc:  # disk full and the like: the old report stays as it was
            raise SsotlintError(f"--output: cannot write {target}: {exc.strerror or exc}") from None


def print_warnings(args: argparse.Namespace, warnings: list[str]) -> None:
    if getattr(args, "quiet", False):
        return
    for warning in dict.fromkeys(warnings):  # once each: diff analyses two trees alike
        print(f"ssotlint: warning: {warning}", file=sys.stderr)


def print_profile(args: argparse.Namespace, timings: dict[str, float], extra: str = "") -> None:
    if not getattr(args, "profile", False):
        return
    parts = "  ".join(f"{k} {v:.3f}s" for k, v in timings.items())
    print(f"ssotlint: profile: {parts}{extra}", file=sys.stderr)
