"""``ssotlint score``'s reports: the compliance figures as text (with per-rule and
per-package tables) and as its JSON document."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO, Any

from ssotlint.report import json_report
from ssotlint.report.text import console_for
from ssotlint.rules import RULES_BY_CODE
from ssotlint.score import Compliance, Score


def document(root: Path, score: Score, minimum: float | None, minimum_production: float | None, failures: list[str]) -> dict[str, Any]:
    return {
        "version": json_report.JSON_VERSION,
        "root": str(root),
        **score.as_dict(),
        "thresholds": {"overall": minimum, "production": minimum_production},
        "passed": not failures,
    }


def text(stream: IO[str], score: Score, failures: list[str], tables: bool = True) -> None:
    console = console_for(stream, color=None if stream is sys.stdout else False)
    print_score(console, score, verbose_tables=tables)
    for failure in failures:
        console.print(f"\nFAILED: {failure}", style="bold red")


def format_line(label: str, c: Compliance, width: int = 17) -> str:
    return (
        f"{label + ':':<{width}}{c.percent:5.1f}% SSOT compliant "
        f"({c.files} file{'s' if c.files != 1 else ''}, {c.violations} violation{'s' if c.violations != 1 else ''})"
    )


def print_score(console, score: Score, verbose_tables: bool = True) -> None:
    console.print(format_line("Production code", score.production))
    console.print(format_line("Tests", score.tests))
    console.print(format_line("Overall", score.overall), style="bold")
    if not verbose_tables:
        return
    from rich.table import Table

    if score.by_rule:
        table = Table(title="Violations by rule", title_justify="left", show_edge=False)
        table.add_column("Rule")
        table.add_column("Name")
        table.add_column("Count", justify="right")
        for code, count in sorted(score.by_rule.items()):
            table.add_row(code, RULES_BY_CODE[code].name, str(count))
        console.print()
        console.print(table)
    if score.by_package:
        table = Table(title="By top-level package", title_justify="left", show_edge=False)
        for name in ("Package", "Files", "With violations", "Violations", "Score"):
            table.add_column(name, justify="left" if name == "Package" else "right")
        ranked = sorted(score.by_package.items(), key=lambda kv: (kv[1].percent, kv[0]))
        for name, c in ranked:
            table.add_row(name, str(c.files), str(c.files - c.clean), str(c.violations), f"{c.percent:.1f}%")
        console.print()
        console.print(table)
