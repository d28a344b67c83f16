"""``ssotlint session`` output: a rich table or a JSON document, plus the summary.

JSON is written commit by commit as the range is walked, so a range of any length never
sits in memory; the document is byte-for-byte what ``json.dumps(doc, indent=2)`` of the
whole would give. The text table keeps one short row per commit (only the files that
made it functional and developer tooling, at most :data:`MAX_FILES_SHOWN` of them unless
``--verbose``).
"""

from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass
from typing import IO, Any, Iterable

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ssotlint import __version__
from ssotlint.report.text import plural
from ssotlint.session.classify import CommitVerdict, FileVerdict, Policy
from ssotlint.session.commits import CommitInfo, Range

JSON_VERSION = 1
MAX_FILES_SHOWN = 10
SHORT_SHA = 10


@dataclass(frozen=True)
class Audited:
    info: CommitInfo
    verdict: CommitVerdict


@dataclass(frozen=True)
class Summary:
    commits: int
    functional: int

    def line(self) -> str:
        return f"{plural(self.commits, 'commit')}, {self.functional} functional"


# ---------------------------------------------------------------------------------------
# JSON


def range_dict(rng: Range) -> dict[str, Any]:
    return {
        "since": rng.since,
        "until": rng.until,
        "since_commit": rng.since_sha,
        "since_time": rng.since_time.isoformat() if rng.since_time is not None else None,
        "until_commit": rng.until_sha,
        "author": rng.author,
        "merges": "first-parent" if rng.first_parent else "resolution",
        "description": rng.describe(),
    }


def file_dict(f: FileVerdict, policy: Policy) -> dict[str, Any]:
    return {
        "path": f.path,
        "kind": f.kind.value,
        "reason": f.reason,
        "status": f.status.value,
        "old_path": f.old_path,
        "functional": policy.counts(f.kind),
    }


def commit_dict(item: Audited, policy: Policy) -> dict[str, Any]:
    info = item.info
    return {
        "sha": info.sha,
        "short_sha": info.sha[:SHORT_SHA],
        "subject": info.subject,
        "date": info.date,
        "parents": list(info.parents),
        "merge": info.is_merge,
        "functional": item.verdict.functional,
        "files": [file_dict(f, policy) for f in item.verdict.files],
    }


def write_json(stream: IO[str], rng: Range, audited: Iterable[Audited], policy: Policy) -> Summary:
    head = {
        "version": JSON_VERSION,
        "tool": {"name": "ssotlint", "version": __version__},
        "range": range_dict(rng),
    }
    stream.write(_dumps(head)[:-2] + ',\n  "commits": [')
    commits = functional = 0
    for item in audited:
        stream.write(",\n" if commits else "\n")
        stream.write(textwrap.indent(_dumps(commit_dict(item, policy)), "    "))
        commits += 1
        functional += item.verdict.functional
    summary = Summary(commits, functional)
    tail = _dumps({"commits": summary.commits, "functional": summary.functional}).replace("\n", "\n  ")
    stream.write(("\n  ]" if commits else "]") + f',\n  "summary": {tail}\n}}\n')
    return summary


def _dumps(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


# ---------------------------------------------------------------------------------------
# Text


def _is_tty(stream: IO[str]) -> bool:
    return hasattr(stream, "isatty") and stream.isatty()


def _console(stream: IO[str]) -> Console:
    # Piped or written to a file: never wrap, so every row stays greppable.
    return Console(file=stream, highlight=False, emoji=False, width=None if _is_tty(stream) else 100_000)


def _print_table(console: Console, stream: IO[str], table: Table) -> None:
    if _is_tty(stream):
        console.print(table)
        return
    with console.capture() as captured:
        console.print(table)
    # Without a terminal, drop the padding rich adds to fill each column.
    stream.write("".join(line.rstrip() + "\n" for line in captured.get().splitlines()))


def _files_cell(item: Audited, policy: Policy, verbose: bool) -> Text:
    files = list(item.verdict.files) if verbose else item.verdict.noteworthy(policy)
    shown = files if verbose else files[:MAX_FILES_SHOWN]
    cell = Text()
    for index, f in enumerate(shown):
        if index:
            cell.append("\n")
        style = "bold" if policy.counts(f.kind) else "dim"
        cell.append(f.path, style=style)
        cell.append(f" ({f.kind.value}", style="dim")
        if verbose:
            cell.append(f": {f.reason}", style="dim")
        cell.append(")", style="dim")
    if len(files) > len(shown):
        cell.append(f"\n... and {len(files) - len(shown)} more (--verbose or --format json lists them)", style="dim")
    return cell


def write_text(
    stream: IO[str],
    rng: Range,
    audited: Iterable[Audited],
    policy: Policy,
    quiet: bool = False,
    verbose: bool = False,
) -> Summary:
    console = _console(stream)
    table = Table(box=None, show_edge=False, pad_edge=False, header_style="bold")
    for column in ("Commit", "Date", "Subject", "Verdict", "Changed behaviour" if not verbose else "Files"):
        table.add_column(column, no_wrap=column in ("Commit", "Date", "Verdict"))
    commits = functional = 0
    for item in audited:
        commits += 1
        functional += item.verdict.functional
        if quiet and not item.verdict.functional:
            continue
        verdict = Text("functional", style="bold red") if item.verdict.functional else Text("read-only", style="green")
        table.add_row(
            Text(item.info.sha[:SHORT_SHA], style="yellow"),
            Text(item.info.date),
            Text(item.info.subject),
            verdict,
            _files_cell(item, policy, verbose),
        )
    summary = Summary(commits, functional)
    if commits == 0:
        if not quiet:
            console.print(Text(f"No commits in {rng.describe()}: nothing to check."))
        return summary
    if table.row_count:
        _print_table(console, stream, table)
    if not quiet:
        console.print()
        console.print(Text(summary.line(), style="bold red" if functional else "bold green"))
    return summary
