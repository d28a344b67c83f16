"""A fix as an edit of the file as it is now: the smallest region it replaces, and with what.

Reports carry fixes this way (JSON ``fix.edits``, SARIF ``fixes``), each computed alone
against the current file, so a consumer can apply any one of them (as ruff's JSON does).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
from pathlib import Path
from typing import NamedTuple, Sequence

from ssotlint.cache import Cache
from ssotlint.fix.plan import Job, plan
from ssotlint.fix.text import decode
from ssotlint.rules.base import Fix, Violation


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


def _edit(before: bytes, after: bytes) -> Edit | None:
    """The edit as text; None for a file whose bytes are not all text (an edit in a report
    cannot carry undecodable bytes: ``--fix`` still fixes such a file)."""
    edit = edit_between(decode(before).text, decode(after).text)
    try:
        edit.content.encode("utf-8")
        decode(before).text.encode("utf-8")
    except UnicodeEncodeError:
        return None
    return edit


def _schema() -> str:
    """The fix code and LibCST's version: what an edit computed before depends on."""
    digest = hashlib.sha1(_libcst_version().encode())
    for path in sorted(Path(__file__).parent.rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _libcst_version() -> str:
    try:
        return importlib.metadata.version("libcst")
    except importlib.metadata.PackageNotFoundError:
        return "?"


def _key(schema: str, data: bytes, fix: Fix) -> str:
    digest = hashlib.sha1(data)
    digest.update(json.dumps([fix.action, fix.args], sort_keys=True, default=str).encode("utf-8", "surrogateescape"))
    return f"edit:{schema}:{digest.hexdigest()}"


def edits(root: Path, violations: Sequence[Violation], cache: Cache | None = None, processes: int = 0) -> dict[str, Edit | None]:
    """Fingerprint -> the edit of that violation's fix (None: it cannot be carried out on
    the file as it is), for each violation with a fix. Each is kept in the cache under the file's content and the
    fix, so only new or changed fixes are computed again (in worker processes)."""
    schema = _schema() if cache is not None else ""
    data: dict[str, bytes | None] = {}
    wanted: list[tuple[str, Violation, bytes]] = []
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
            wanted.append((_key(schema, content, v.fix), v, content))
    known = cache.get_facts([key for key, _, _ in wanted], tuple[Edit, ...]) if cache is not None else {}
    result: dict[str, Edit | None] = {}
    jobs: list[tuple[str, Job]] = []
    for key, v, content in wanted:
        if key in known:
            result[v.fingerprint] = known[key][0] if known[key] else None
        else:
            jobs.append((key, Job(v.path, content, (v,))))
    new: dict[str, tuple[Edit, ...]] = {}
    plans = plan([job for _, job in jobs], processes) if jobs else []
    for (key, job), planned in zip(jobs, plans):
        edit = _edit(planned.before, planned.after) if planned.changed else None
        result[job.violations[0].fingerprint] = edit
        new[key] = (edit,) if edit is not None else ()
    if cache is not None:
        cache.put_facts(new)
    return result
