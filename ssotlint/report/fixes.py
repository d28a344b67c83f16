"""What ``--fix`` did and ``--diff`` would do, in words and as a unified diff."""

from __future__ import annotations

import difflib
from typing import IO, Iterable

from ssotlint.discover.files import display_path
from ssotlint.fix.plan import FilePlan
from ssotlint.fix.run import FixReport
from ssotlint.fix.text import decode


def print_diff(stream: IO[str], plans: Iterable[FilePlan]) -> None:
    """A unified diff per changed file (``a/path`` and ``b/path``, as ``git apply`` reads)."""
    for plan in plans:
        before = decode(plan.before).text.splitlines(keepends=True)
        after = decode(plan.after).text.splitlines(keepends=True)
        name = display_path(plan.path)
        for line in difflib.unified_diff(before, after, f"a/{name}", f"b/{name}"):
            stream.write(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")


def fix_warnings(report: FixReport) -> list[str]:
    warnings = [f"could not fix {display_path(path)}: {why}" for path, why in report.failures]
    for dropped in report.dropped:
        v = dropped.violation
        warnings.append(f"could not fix {display_path(v.path)}:{v.line} {v.rule}: {dropped.reason}")
    for rollback in report.rolled_back:
        path = display_path(rollback.plan.path)
        if rollback.caused:
            first = rollback.caused[0]
            more = f" and {len(rollback.caused) - 1} more" if len(rollback.caused) > 1 else ""
            warnings.append(
                f"rolled back the fixes of {path}: they caused {first.rule} at "
                f"{display_path(first.path)}:{first.line} ({first.message}){more}"
            )
        else:
            warnings.append(f"rolled back the fixes of {path}: a new violation appeared that no single fix explains")
    return warnings
