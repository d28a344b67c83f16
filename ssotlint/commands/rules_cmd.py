"""``ssotlint rules [CODE]``: list the rules, or show one rule's document."""

from __future__ import annotations

import argparse
import sys

from ssotlint.errors import SsotlintError
from ssotlint.rules import ALL_RULES, RULES_BY_CODE, RULES_BY_NAME
from ssotlint.rules.docs import rule_document


def add_parser(subparsers: argparse._SubParsersAction, summary: str) -> None:
    parser = subparsers.add_parser(
        "rules",
        help=summary,
        description="Without CODE, list every rule. With a code (SSOT002) or name "
        "(circular-import), print that rule's document.",
    )
    parser.add_argument("code", nargs="?", metavar="CODE", help="rule code or name")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from rich.console import Console

    console = Console(soft_wrap=False, highlight=False)
    if args.code is None:
        if args.format == "json":
            import json

            print(json.dumps([{"code": r.code, "name": r.name, "summary": r.summary, "fixable": r.fixable} for r in ALL_RULES], indent=2))
            return 0
        from rich.table import Table

        table = Table(show_edge=False, box=None, pad_edge=False)
        table.add_column("Code", style="bold")
        table.add_column("Name")
        table.add_column("Fix")
        table.add_column("Summary")
        for rule in ALL_RULES:
            table.add_row(rule.code, rule.name, "" if rule.fixable == "never" else rule.fixable, rule.summary)
        console.print(table)
        return 0
    key = args.code.strip()
    rule = RULES_BY_CODE.get(key.upper()) or RULES_BY_NAME.get(key.lower())
    if rule is None:
        raise SsotlintError(f"unknown rule {args.code!r} (run 'ssotlint rules' for the list)")
    document = rule_document(rule.code)
    if args.format == "json":
        import json

        print(json.dumps({"code": rule.code, "name": rule.name, "summary": rule.summary, "document": document}, indent=2))
        return 0
    if sys.stdout.isatty():
        from rich.markdown import Markdown

        console.print(Markdown(document))
    else:
        sys.stdout.write(document)
    return 0
