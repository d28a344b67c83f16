"""A progress bar on stderr for long parses: only on a terminal, only after a second.

It draws from the main thread (no refresh thread), because the extraction pool forks
worker processes while it runs. Commands hand the class to the pipeline as its progress
callback (``Options.progress``): the pipeline itself draws nothing.
"""

from __future__ import annotations

import sys
import time
from typing import Any


class ParseProgress:
    DELAY = 1.0
    INTERVAL = 0.1

    def __init__(self, total: int, enabled: bool = True) -> None:
        self.total = total
        self.enabled = enabled and total > 0 and sys.stderr.isatty()
        self.started = time.monotonic()
        self._last = 0.0
        self._progress: Any = None
        self._task: Any = None

    def __call__(self, done: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.started < self.DELAY or now - self._last < self.INTERVAL:
            return
        self._last = now
        if self._progress is None:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self._progress = Progress(
                TextColumn("parsing"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                auto_refresh=False,
                transient=True,
            )
            self._progress.start()
            self._task = self._progress.add_task("parse", total=self.total)
        self._progress.update(self._task, completed=done)
        self._progress.refresh()

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
