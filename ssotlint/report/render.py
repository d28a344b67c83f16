"""Choosing a reporter by ``--format``."""

from __future__ import annotations

import argparse
import sys
from typing import IO

from ssotlint.report.text import console_for, plural, print_violations
from ssotlint.rules.base import Violation

CHECK_FORMATS = ("text", "json", "sarif", "github")


def check_report(args: argparse.Namespace, analysis, violations: list[Violation], stream: IO[str], fixed: int = 0) -> None:
    fmt = args.format
    unparsed = analysis.unparsed
    if fmt == "json":
        from ssotlint.report import json_report

        stream.write(json_report.dumps(json_report.check_document(str(analysis.root), analysis.files, violations, unparsed)))
        return
    if fmt == "sarif":
        from ssotlint.report import json_report, sarif

        stream.write(json_report.dumps(sarif.sarif_document(violations, analysis.root)))
        return
    if fmt == "github":
        from ssotlint.report import github

        stream.writelines(line + "\n" for line in github.github_lines(violations))
        return
    console = console_for(stream, color=None if stream is sys.stdout else False, plain_ok=True)
    print_violations(console, violations)
    if args.quiet:
        return
    if violations:
        console.print()
    analysed = f"{plural(analysis.files - unparsed, 'file')} analysed"
    if unparsed:
        analysed += f", {unparsed} not parsable (SSOT000)"
    if fixed:
        console.print(f"Fixed {plural(fixed, 'file')}.")
    if violations:
        files = len({v.path for v in violations})
        console.print(f"Found {plural(len(violations), 'violation')} in {plural(files, 'file')} ({analysed}).", style="bold")
    else:
        console.print(f"All checks passed ({analysed}).", style="bold green")
    if analysis.notes:
        if args.verbose:
            for note in analysis.notes:
                print(f"ssotlint: note: {note}", file=sys.stderr)
        else:
            print(
                f"ssotlint: note: {plural(len(analysis.notes), 'file')} analysed with CPython's ast "
                "because LibCST could not parse them (--verbose lists them)",
                file=sys.stderr,
            )
