"""Writing planned files, and putting them back.

A file is written only if it still holds the bytes the plan started from (an editor may
have saved it meanwhile), only inside the repository, and atomically with its mode kept
(:mod:`ssotlint.fix.atomic`). Rolling back writes the original bytes the same way.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import NamedTuple, Sequence

from ssotlint.fix.atomic import FixError, atomic_replace, contained_target
from ssotlint.fix.plan import FilePlan


class WriteResult(NamedTuple):
    written: list[FilePlan]
    failures: list[tuple[str, str]]  # (path, why it was not written)


def _replace(root: Path, path: str, expected: bytes, data: bytes) -> None:
    target = contained_target(root / path, root)
    if target.read_bytes() != expected:
        raise FixError("it changed while ssotlint was running; run again")
    mode = stat.S_IMODE(os.stat(target).st_mode)
    with atomic_replace(target, mode) as fh:
        fh.write(data)


def write(root: Path, plans: Sequence[FilePlan]) -> WriteResult:
    written: list[FilePlan] = []
    failures: list[tuple[str, str]] = []
    for plan in plans:
        if not plan.changed:
            continue
        try:
            _replace(root, plan.path, plan.before, plan.after)
        except OSError as exc:
            failures.append((plan.path, exc.strerror or str(exc)))
        except FixError as exc:
            failures.append((plan.path, str(exc)))
        else:
            written.append(plan)
    return WriteResult(written, failures)


def restore(root: Path, plans: Sequence[FilePlan]) -> list[tuple[str, str]]:
    """Put the original bytes back; the failures, if any (path, why)."""
    failures: list[tuple[str, str]] = []
    for plan in plans:
        try:
            _replace(root, plan.path, plan.after, plan.before)
        except (OSError, FixError) as exc:
            failures.append((plan.path, getattr(exc, "strerror", None) or str(exc)))
    return failures
