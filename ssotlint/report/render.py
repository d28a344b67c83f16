"""Choosing a reporter by ``--format``."""

from __future__ import annotations

import sys
from typing import IO, TYPE_CHECKING, Mapping, NamedTuple

from ssotlint.fix.run import FixReport

if TYPE_CHECKING:
    from ssotlint.fix.edits import Edit
from ssotlint.report.text import console_for, fixable_summary, plural, print_violations
from ssotlint.rules.base import Violation

CHECK_FORMATS = ("text", "json", "sarif", "github")


class View(NamedTuple):
    """How the user asked to see the result (from the command line, but not argparse's)."""

    format: str = "text"
    quiet: bool = False
    verbose: bool = False
    unsafe_fixes: bool = False  # mark and count the unsafe fixes as available


def check_report(
    view: View,
    analysis,
    violations: list[Violation],
    stream: IO[str],
    fixes: FixReport | None = None,
    edits: "Mapping[str, Edit] | None" = None,
) -> None:
    """``fixes``: what ``--fix`` did; ``edits``: each fix as an edit, for JSON and SARIF."""
    fmt = view.format
    unparsed = analysis.unparsed
    unsafe = view.unsafe_fixes
    if fmt in ("json", "sarif"):
        from ssotlint.report import json_report, sarif

        found = edits or {}
        if fmt == "json":
            document = json_report.check_document(str(analysis.root), analysis.files, violations, unparsed, found)
        else:
            document = sarif.sarif_document(violations, analysis.root, edits=found)
        stream.write(json_report.dumps(document))
        return
    if fmt == "github":
        from ssotlint.report import github

        stream.writelines(line + "\n" for line in github.github_lines(violations))
        return
    console = console_for(stream, color=None if stream is sys.stdout else False, plain_ok=True)
    print_violations(console, violations, unsafe)
    if view.quiet:
        return
    if violations:
        console.print()
    analysed = f"{plural(analysis.files - unparsed, 'file')} analysed"
    if unparsed:
        analysed += f", {unparsed} not parsable (SSOT000)"
    if fixes is not None and fixes.kept:
        console.print(f"Fixed {plural(fixes.fixed, 'violation')} in {plural(len(fixes.kept), 'file')}.")
    if violations:
        files = len({v.path for v in violations})
        console.print(f"Found {plural(len(violations), 'violation')} in {plural(files, 'file')} ({analysed}).", style="bold")
        fixable = fixable_summary(violations, unsafe)
        if fixable:
            console.print(fixable)
    else:
        console.print(f"All checks passed ({analysed}).", style="bold green")
    if analysis.notes:
        if view.verbose:
            for note in analysis.notes:
                print(f"ssotlint: note: {note}", file=sys.stderr)
        else:
            print(
                f"ssotlint: note: {plural(len(analysis.notes), 'file')} analysed with CPython's ast "
                "because LibCST could not parse them (--verbose lists them)",
                file=sys.stderr,
            )
