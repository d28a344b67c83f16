"""Command-line entry point: ``ssotlint COMMAND ...``.

Exit status, for every command: 0 success / nothing found, 1 violations (or functional
commits, or a score under the threshold), 2 usage, configuration or repository error,
130 interrupted. Errors are one line on stderr, never a traceback (set SSOTLINT_DEBUG=1
to see one).
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from typing import NoReturn, Sequence

from ssotlint import __version__
from ssotlint.errors import EXIT_ERROR, EXIT_INTERRUPTED, SsotlintError


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits 2 too; keep one line + hint
        self.print_usage(sys.stderr)
        print(f"ssotlint: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_ERROR)


# name -> (module under ssotlint.commands, one-line summary). Only the module of the command
# being run is imported: each pulls in what it needs (git, rich, the model), and a warm
# run of `check` should not pay for `session`.
COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("check", 'audit a repository and report violations'),
    "score": ("score", 'compliance: the share of files with no violation'),
    "diff": ("diff", 'new and fixed violations against a commit (the ratchet)'),
    "report": ("report", 'write a self-contained HTML report: score, trend, violations, cycles'),
    "session": ("session", 'find the commits of a read-only session that changed behaviour'),
    "graph": ("graph", 'export the first-party import graph (DOT, Mermaid, JSON)'),
    "rules": ("rules_cmd", 'list the rules, or explain one'),
    "cache": ("cache_cmd", 'manage the cache'),
}


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser, with the full options of the command named in ``argv`` (all of them
    when ``argv`` is None) and a one-line entry for every other command."""
    import importlib

    parser = _Parser(
        prog="ssotlint",
        description="Audit a Python monorepo for drift from a single source of truth.",
        epilog="Exit status: 0 clean, 1 violations found, 2 error, 130 interrupted. "
        "Run 'ssotlint COMMAND --help' for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"ssotlint {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    subparsers.required = True
    wanted = _command_in(argv)
    for name, (module, summary) in COMMANDS.items():
        if argv is None or name == wanted:
            importlib.import_module(f"ssotlint.commands.{module}").add_parser(subparsers, summary)
        else:
            subparsers.add_parser(name, help=summary)
    return parser


def _command_in(argv: Sequence[str]) -> str | None:
    """The command word: the first argument that is not an option (the top-level options,
    --help and --version, take no value)."""
    return next((a for a in argv if not a.startswith("-")), None)


def _escape_unencodable(exc: UnicodeError) -> tuple[str, int]:
    """``\\uXXXX`` for what the stream's encoding lacks: readable as text, and a valid escape
    inside a JSON string (JSON's syntax itself is ASCII)."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    parts = []
    for char in exc.object[exc.start : exc.end]:
        code = ord(char)
        if code > 0xFFFF:  # a surrogate pair, as JSON writes it
            code -= 0x10000
            parts.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            parts.append(f"\\u{code:04x}")
    return "".join(parts), exc.end


def _make_output_encodable() -> None:
    """A non-UTF-8 stdout/stderr (PYTHONIOENCODING=ascii, a Windows code page) must not turn
    a non-ASCII path or name into a crash."""
    import codecs

    codecs.register_error("ssotlint-escape", _escape_unencodable)
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("_", "-")
        if encoding not in ("utf-8", "utf8", "utf-8-sig") and hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors="ssotlint-escape")
            except (ValueError, OSError):
                pass


def run() -> NoReturn:
    """The console script and ``python -m ssotlint``: :func:`main`, then leave at once.

    A run over a large repository holds millions of small objects; freeing them one by one
    at interpreter shutdown costs a noticeable part of a warm run, and nothing needs it.
    """
    retained: list[object] = []
    code = main(retain=retained)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: nothing more can be said
            pass
    os._exit(code)


def main(argv: Sequence[str] | None = None, retain: list[object] | None = None) -> int:
    """Run one command and return its exit status (what tests and embedders call).

    ``retain`` receives the command's large results (the analysis) so that the caller
    decides when they are freed; :func:`run` never frees them.

    The cyclic garbage collector is off meanwhile: a run allocates about a million
    long-lived objects (summaries, model) and creates almost no cyclic garbage, and the
    collector's repeated passes over them would cost a third of a warm run. Parser workers
    turn it back on for themselves.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _main(argv, [] if retain is None else retain)
    finally:
        if collecting:
            gc.enable()


def _main(argv: Sequence[str] | None, retain: list[object]) -> int:
    debug = bool(os.environ.get("SSOTLINT_DEBUG"))
    _make_output_encodable()
    try:
        arguments = sys.argv[1:] if argv is None else list(argv)
        parser = build_parser(arguments)
        args = parser.parse_args(arguments)
        # Commands put their large results here; run() exits without freeing them.
        args.retain = retain
        return int(args.run(args))
    except SsotlintError as exc:
        print(f"ssotlint: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("ssotlint: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # Output piped into `head` and the like: not an error worth a traceback.
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return 0
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else EXIT_ERROR
    except Exception as exc:  # noqa: BLE001 - never a traceback for the user
        if debug:
            raise
        print(
            f"ssotlint: error: internal error: {type(exc).__name__}: {exc} "
            "(please report it; SSOTLINT_DEBUG=1 shows the traceback)",
            file=sys.stderr,
        )
        return EXIT_ERROR


if __name__ == "__main__":  # pragma: no cover
    run()
