"""Per-file parse budget (past it, a worker is killed and CPython's ast answers instead),
and the default number of processes.

Kept apart from the pool so that a warm run, which parses nothing, need not import the pool.
"""

import os

DEFAULT_TIMEOUT = 10.0  # seconds per file, plus BYTES_PER_SECOND below
BYTES_PER_SECOND = 50_000  # far below LibCST's worst measured speed on real code
MAX_BUDGET = 120.0  # seconds: past this, CPython's ast answers instead, whatever the size


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)
