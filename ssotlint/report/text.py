"""Human-readable output: ``path:line:col CODE message``, grouped by file, then a summary."""

from __future__ import annotations

from itertools import groupby
from typing import IO, Iterable

from rich.console import Console
from rich.text import Text

from ssotlint.discover.files import display_path
from ssotlint.rules.base import Violation


def console_for(stream: IO[str], color: bool | None = None) -> Console:
    return Console(
        file=stream,
        soft_wrap=True,
        highlight=False,
        emoji=False,
        force_terminal=color,
        no_color=color is False,
    )


def violation_line(v: Violation) -> Text:
    line = Text()
    line.append(display_path(v.path), style="bold")
    line.append(f":{v.line}:{v.col + 1}: ", style="dim")
    line.append(v.rule, style="bold red")
    line.append(" ")
    line.append(v.message)
    return line


def print_violations(console: Console, violations: Iterable[Violation]) -> None:
    """One line per violation, a blank line between files.

    Rich costs about half a millisecond per ``print``; a legacy repository can have tens of
    thousands of violations. So plain output (a pipe, a file, CI logs) is written directly,
    and a terminal gets all the lines rendered in one call.
    """
    lines: list[Text] = []
    for _, group in groupby(violations, key=lambda v: v.path):
        if lines:
            lines.append(Text())
        lines.extend(violation_line(v) for v in group)
    if not lines:
        return
    if console.is_terminal:
        console.print(Text("\n").join(lines))
    else:
        console.file.write("".join(f"{line.plain}\n" for line in lines))


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"
