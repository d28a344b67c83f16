"""``ssotlint diff``'s own reports: its JSON document and its text (SARIF and GitHub
annotations of the new violations go through ``render.dispatch`` like check's)."""

from __future__ import annotations

import sys
from typing import IO, Any

from ssotlint.compare import Changed, DiffResult
from ssotlint.discover.files import display_path
from ssotlint.report import json_report
from ssotlint.report.text import console_for, plural, print_violations


def document(result: DiffResult) -> dict[str, Any]:
    found: dict[str, Any] = {
        "version": json_report.JSON_VERSION,
        "root": str(result.root),
        "base": result.base_sha,
        "base_ref": result.base_ref,
        "new": json_report.violations_list(result.new),
        "fixed": json_report.violations_list(result.fixed),
        "changed": [_changed_dict(c) for c in result.changed],
        "unchanged": result.unchanged,
        "score": {"base": result.base_score, "current": result.current_score, "delta": result.delta},
    }
    if result.notice:
        found["notice"] = result.notice
    return found


def _changed_dict(c: Changed) -> dict[str, Any]:
    """The violation as it is now, and where and how it was reported at the base."""
    found = json_report.violation_dict(c.current)
    p = c.previous
    found["previous"] = {
        "path": display_path(p.path),
        "line": p.line,
        "col": p.col,
        "message": p.message,
        "fingerprint": p.fingerprint,
    }
    return found


def _print_changed(console, changed: list[Changed]) -> None:
    for c in changed:
        print_violations(console, [c.current])
        was = f"    was: {display_path(c.previous.path)}:{c.previous.line}: {c.previous.message}"
        if console.is_terminal:
            from rich.text import Text

            console.print(Text(was, style="dim"))
        else:
            console.print(was)


def text(stream: IO[str], result: DiffResult, quiet: bool = False) -> None:
    new, fixed, changed = result.new, result.fixed, result.changed
    console = console_for(stream, color=None if stream is sys.stdout else False, plain_ok=True)
    base_name = f"{result.base_ref} ({result.base_sha[:10]})" if result.base_sha else result.base_ref
    if result.notice:
        console.print(f"Note: {result.notice}.")
    if new:
        console.print(f"New violations since {base_name}:", style="bold red")
        print_violations(console, new)
    if fixed and not quiet:
        if new:
            console.print()
        console.print(f"Fixed since {base_name}:", style="bold green")
        print_violations(console, fixed)
    if changed and not quiet:
        if new or fixed:
            console.print()
        console.print(f"Changed since {base_name} (same problem, reported differently):", style="bold yellow")
        _print_changed(console, changed)
    if quiet:
        return
    if new or fixed or changed:
        console.print()
    reworded = f"{len(changed)} changed, " if changed else ""
    console.print(
        f"{plural(len(new), 'new violation')}, {len(fixed)} fixed, {reworded}"
        f"{result.unchanged} still present (compared with {base_name})."
    )
    if result.base_score is None:
        console.print(f"Score: {result.current_score:.1f}% now.")
    else:
        console.print(f"Score: {result.base_score:.1f}% at base -> {result.current_score:.1f}% now ({result.delta:+.1f}).")
