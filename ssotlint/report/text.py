"""Human-readable output: ``path:line:col CODE message``, grouped by file, then a summary."""

from __future__ import annotations

from itertools import groupby
import os
from typing import IO, TYPE_CHECKING, Iterable

from ssotlint.discover.files import display_path
from ssotlint.rules.base import Violation

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text


class PlainConsole:
    """What check and diff need of a rich Console, for output that is not a terminal (a
    pipe, a file, CI logs, a pre-commit hook): plain lines, without importing rich."""

    is_terminal = False

    def __init__(self, file: IO[str]) -> None:
        self.file = file

    def print(self, *objects: object, style: str | None = None) -> None:
        self.file.write(" ".join(str(o) for o in objects) + "\n")


def _is_terminal(stream: IO[str]) -> bool:
    if os.environ.get("FORCE_COLOR") or os.environ.get("TTY_COMPATIBLE") == "1":
        return True  # rich honours these: a CI log that renders colours
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except (OSError, ValueError):
        return False


def console_for(stream: IO[str], color: bool | None = None, plain_ok: bool = False) -> "Console | PlainConsole":
    """A rich Console on ``stream``; with ``plain_ok``, a PlainConsole when the stream is
    not a terminal and colour is not forced (printing text only, no tables)."""
    if plain_ok and (color is False or (color is None and not _is_terminal(stream))):
        return PlainConsole(stream)
    from rich.console import Console

    return Console(
        file=stream,
        soft_wrap=True,
        highlight=False,
        emoji=False,
        force_terminal=color,
        no_color=color is False,
    )


def can_fix(v: Violation, unsafe: bool) -> bool:
    """Whether ``--fix`` (with ``--unsafe-fixes`` when ``unsafe``) would try to fix it."""
    return v.fix is not None and (v.fix.safe or unsafe)


def _mark(v: Violation, unsafe: bool | None) -> str:
    return "[*] " if unsafe is not None and can_fix(v, unsafe) else ""


def violation_line(v: Violation, unsafe: bool | None = None) -> "Text":
    from rich.text import Text

    line = Text()
    line.append(display_path(v.path), style="bold")
    line.append(f":{v.line}:{v.col + 1}: ", style="dim")
    line.append(v.rule, style="bold red")
    line.append(" ")
    if _mark(v, unsafe):
        line.append("[*] ", style="cyan")
    line.append(v.message)
    return line


def _plain_line(v: Violation, unsafe: bool | None = None) -> str:
    return f"{display_path(v.path)}:{v.line}:{v.col + 1}: {v.rule} {_mark(v, unsafe)}{v.message}\n"


def print_violations(console: "Console | PlainConsole", violations: Iterable[Violation], unsafe: bool | None = None) -> None:
    """One line per violation, a blank line between files. With ``unsafe`` given (True or
    False), a violation ``--fix`` would fix is marked ``[*]`` (as ruff marks them).

    Rich costs about half a millisecond per ``print``; a legacy repository can have tens of
    thousands of violations. So plain output (a pipe, a file, CI logs) is written directly,
    and a terminal gets all the lines rendered in one call.
    """
    if not console.is_terminal:
        chunks: list[str] = []
        for _, group in groupby(violations, key=lambda v: v.path):
            if chunks:
                chunks.append("\n")
            chunks.extend(_plain_line(v, unsafe) for v in group)
        console.file.write("".join(chunks))
        return
    from rich.text import Text

    lines: list[Text] = []
    for _, group in groupby(violations, key=lambda v: v.path):
        if lines:
            lines.append(Text())
        lines.extend(violation_line(v, unsafe) for v in group)
    if lines:
        console.print(Text("\n").join(lines))


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def fixable_summary(violations: Iterable[Violation], unsafe: bool) -> str:
    """"3 fixable with --fix (2 more with --unsafe-fixes)." or "" when there is nothing."""
    safe = more = 0
    for v in violations:
        if v.fix is None:
            continue
        if v.fix.safe or unsafe:
            safe += 1
        else:
            more += 1
    if unsafe:
        return f"{safe} fixable with --fix --unsafe-fixes." if safe else ""
    if not safe:
        return f"{more} fixable with --fix --unsafe-fixes." if more else ""
    return f"{safe} fixable with --fix" + (f" ({more} more with --unsafe-fixes)." if more else ".")
