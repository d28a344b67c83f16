"""Choosing a reporter by ``--format`` (:func:`dispatch`), and check's text report."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING, Callable, Mapping, NamedTuple, Sequence

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
    edits: "Mapping[str, Edit | None] | None" = None,
) -> None:
    """``fixes``: what ``--fix`` did; ``edits``: each fix as an edit, for JSON and SARIF."""
    unparsed = analysis.unparsed

    def document() -> dict:
        from ssotlint.report import json_report

        return json_report.check_document(str(analysis.root), analysis.files, violations, unparsed, edits or {})

    dispatch(view.format, stream, violations, analysis.root, document, lambda: _check_text(view, analysis, violations, stream, fixes), edits)


def dispatch(
    fmt: str,
    stream: IO[str],
    violations: Sequence[Violation],
    root: Path,
    document: Callable[[], dict],
    text: Callable[[], None],
    edits: "Mapping[str, Edit | None] | None" = None,
) -> None:
    """The one choice of a reporter by ``--format``, for every command that reports
    violations: ``json`` writes the command's own ``document()``, ``sarif`` and ``github`` the
    ``violations`` (new ones, for diff), ``text`` the command's own rendering."""
    if fmt in ("json", "sarif"):
        from ssotlint.report import json_report, sarif

        data = document() if fmt == "json" else sarif.sarif_document(violations, root, edits=edits or {})
        stream.write(json_report.dumps(data))
    elif fmt == "github":
        from ssotlint.report import github

        stream.writelines(line + "\n" for line in github.github_lines(violations))
    else:
        text()


def _check_text(view: View, analysis, violations: list[Violation], stream: IO[str], fixes: FixReport | None) -> None:
    unparsed = analysis.unparsed
    unsafe = view.unsafe_fixes
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
    data = len(analysis.test_data)
    if view.verbose and data:
        print(
            f"ssotlint: note: {plural(data, 'file')} treated as test data (in the test tree, collected by no test "
            "runner, no script, imported by nothing): not checked by SSOT000, SSOT003 and SSOT005, "
            "no SSOT002 cycle, and not scored (skip-test-data = false checks them)",
            file=sys.stderr,
        )
    if analysis.notes:
        if view.verbose:
            for note in analysis.notes:
                print(f"ssotlint: note: {note}", file=sys.stderr)
        else:
            print(
                f"ssotlint: note: {plural(len(analysis.notes), 'file')} analysed with CPython's ast "
                "instead of LibCST: too large for it, or not parsed by it (--verbose lists them)",
                file=sys.stderr,
            )
