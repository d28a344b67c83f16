"""A fix as an edit of the file as it is now: the smallest region it replaces, and with what.

Reports carry fixes this way (JSON ``fix.edits``, SARIF ``fixes``), each computed alone
against the current file, so a consumer can apply any one of them (as ruff's JSON does).
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple, Sequence

from ssotlint.fix.plan import Job, plan
from ssotlint.fix.text import decode
from ssotlint.rules.base import Violation


class Edit(NamedTuple):
    """Replace from (line, col) up to (end_line, end_col) with ``content``: lines from 1,
    columns from 0 in code points, as the violation's own position."""

    line: int
    col: int
    end_line: int
    end_col: int
    content: str


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    start = text.rfind("\n", 0, offset) + 1
    return line, offset - start


def edit_between(before: str, after: str) -> Edit:
    """The one replacement of whole lines that turns ``before`` into ``after`` (whole lines
    read better in a review and apply the same)."""
    old = before.splitlines(keepends=True)
    new = after.splitlines(keepends=True)
    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < min(len(old), len(new)) - head and old[len(old) - 1 - tail] == new[len(new) - 1 - tail]:
        tail += 1
    start = sum(map(len, old[:head]))
    end = len(before) - sum(map(len, old[len(old) - tail :])) if tail else len(before)
    line, col = _position(before, start)
    end_line, end_col = _position(before, end)
    return Edit(line, col, end_line, end_col, "".join(new[head : len(new) - tail]))


def edits(root: Path, violations: Sequence[Violation]) -> dict[str, Edit]:
    """Fingerprint -> the edit of that violation's fix, for the fixes that can be carried out."""
    jobs: list[Job] = []
    data: dict[str, bytes | None] = {}
    for v in violations:
        if v.fix is None:
            continue
        if v.path not in data:
            try:
                data[v.path] = (root / v.path).read_bytes()
            except OSError:
                data[v.path] = None
        content = data[v.path]
        if content is not None:
            jobs.append(Job(v.path, content, (v,)))
    result: dict[str, Edit] = {}
    for job, planned in zip(jobs, plan(jobs)):
        if planned.changed:
            result[job.violations[0].fingerprint] = edit_between(decode(planned.before).text, decode(planned.after).text)
    return result
