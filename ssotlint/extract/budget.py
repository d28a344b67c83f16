"""Per-file parse budget: past it, a worker is killed and CPython's ast answers instead.

Kept apart from the pool so that a warm run, which parses nothing, need not import the pool.
"""

DEFAULT_TIMEOUT = 10.0  # seconds per file, plus BYTES_PER_SECOND below
BYTES_PER_SECOND = 50_000  # far below LibCST's worst measured speed on real code
MAX_BUDGET = 120.0  # seconds: past this, CPython's ast answers instead, whatever the size
