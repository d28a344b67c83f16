"""``ssotlint score --history``: the score at each first-parent commit of a range.

See :mod:`ssotlint.history` for how the commits are read (git objects only) and why the
work is shared across commits.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import IO, Sequence

from ssotlint.commands import common
from ssotlint.config import Config
from ssotlint.errors import EXIT_OK, SsotlintError
from ssotlint.history import DEFAULT_COMMITS, Entry, RangeSpec, entry_dict, sparkline
from ssotlint.pipeline import Options, Timings
from ssotlint.report import json_report
from ssotlint.report.text import _is_terminal, plural

KINDS = ("production", "tests", "overall")


def range_spec(args: argparse.Namespace, default: int = DEFAULT_COMMITS) -> RangeSpec:
    """The range the options ask for: the last ``default`` commits unless --since is given."""
    if args.max_commits is not None and args.max_commits < 1:
        raise SsotlintError("--max-commits must be 1 or more")
    limit = args.max_commits if args.max_commits is not None else (None if args.since else default)
    return RangeSpec(args.since, args.until, limit)


def series(root: Path, config: Config, options: Options, spec: RangeSpec, timings: Timings, warnings: list[str]) -> list[Entry]:
    """The history the spec selects, with the working tree's untracked modules as opaque."""
    from ssotlint.discover.files import discover_configured
    from ssotlint.gitrev import open_repo
    from ssotlint.history import first_parent_commits, score_history
    from ssotlint.pipeline.revision import without_vendored

    repo = open_repo(root)
    with timings.phase("discover"):
        commits = first_parent_commits(repo, spec)
        found = discover_configured(root, config)
    config = without_vendored(config, found.vendored)
    return score_history(root, config, options, repo, commits, found.opaque, timings, warnings)


def run_history(args: argparse.Namespace) -> int:
    if args.min_score is not None or args.min_score_production is not None:
        raise SsotlintError("--min-score and --min-score-production do not apply to --history")
    root, config = common.load(args, args.path)
    spec = range_spec(args)
    timings = Timings()
    warnings: list[str] = []
    entries = series(root, config, common.options(args), spec, timings, warnings)
    with common.output_stream(args) as stream:
        if args.format == "json":
            stream.write(json_report.dumps(history_document(root, spec, entries)))
        else:
            write_text(stream, spec, entries, terminal=stream is sys.stdout and _is_terminal(stream), quiet=args.quiet)
    common.print_warnings(args, warnings)
    common.print_profile(args, timings.phases)
    return EXIT_OK


def history_document(root: Path, spec: RangeSpec, entries: Sequence[Entry]) -> dict:
    analysed = [e for e in entries if e.point is not None]
    first = analysed[0].point.compliance("overall").percent if analysed else None
    last = analysed[-1].point.compliance("overall").percent if analysed else None
    return {
        "version": json_report.JSON_VERSION,
        "root": str(root),
        "range": {"since": spec.since, "until": spec.until, "max_commits": spec.max_commits},
        "commits": [entry_dict(e) for e in entries],
        "summary": {
            "commits": len(entries),
            "analysed": len(analysed),
            "gaps": len(entries) - len(analysed),
            "first": first,
            "last": last,
            "change": None if first is None else round(last - first, 1),
        },
    }


def _percent(entry: Entry, kind: str) -> str:
    return "-" if entry.point is None else f"{entry.point.compliance(kind).percent:.1f}%"


def _change(entry: Entry) -> str:
    if entry.point is None:
        return "gap"
    return "" if entry.delta is None else f"{entry.delta:+.1f}"


def printable(text: str) -> str:
    """Text from the repository, safe for a terminal: no control characters (escape
    sequences in a commit subject could rewrite the screen)."""
    return "".join(c if c.isprintable() else "\ufffd" for c in text)


def _subject(text: str, width: int = 60) -> str:
    text = printable(" ".join(text.split()))
    return text if len(text) <= width else text[: width - 1] + "…"


def write_text(stream: IO[str], spec: RangeSpec, entries: Sequence[Entry], terminal: bool = False, quiet: bool = False) -> None:
    """A fixed-width table, oldest commit first (plain text: CI logs keep it aligned), and
    in a terminal a sparkline of the overall score."""
    if not entries:
        stream.write("No commits in the range.\n")
        return
    rules = sorted({code for e in entries if e.point for code, n in e.point.by_rule.items() if n})
    header = ["commit", "date", "production", "tests", "overall", "change", *rules, "subject"]
    rows = [header]
    for e in entries:
        counts = [str(e.point.by_rule.get(code, 0)) if e.point else "-" for code in rules]
        date = e.commit.date[:16].replace("T", " ")
        rows.append([e.commit.sha[:10], date, _percent(e, "production"), _percent(e, "tests"), _percent(e, "overall"), _change(e), *counts, _subject(e.commit.subject)])
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    left = {0, 1, len(header) - 1}
    for row in rows:
        cells = [c.ljust(w) if i in left else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))]
        stream.write("  ".join(cells).rstrip() + "\n")
    gaps = [e for e in entries if e.point is None]
    if gaps:
        stream.write("\n")
        for e in gaps:
            stream.write(f"gap: {e.commit.sha[:10]} not analysed ({printable(e.gap or '')})\n")
    if quiet:
        return
    analysed = [e for e in entries if e.point is not None]
    stream.write("\n")
    summary = f"{plural(len(entries), 'commit')} ({spec.describe()}), {plural(len(gaps), 'gap')}"
    if analysed:
        first = analysed[0].point.compliance("overall").percent
        last = analysed[-1].point.compliance("overall").percent
        summary += f"; overall {first:.1f}% -> {last:.1f}% ({last - first:+.1f})"
    stream.write(summary + ".\n")
    if terminal and analysed:
        values = [e.point.compliance("overall").percent if e.point else None for e in entries]
        known = [v for v in values if v is not None]
        stream.write(f"overall {min(known):.1f}% {sparkline(values)} {max(known):.1f}% (lowest .. highest)\n")
