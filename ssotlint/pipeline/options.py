"""How a run is carried out (workers, cache, engine, progress): never what it finds."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Literal, Protocol

from ssotlint.extract.budget import DEFAULT_TIMEOUT


class Progress(Protocol):
    """Told how many files are parsed so far; closed when parsing ends or stops."""

    def __call__(self, done: int) -> None: ...

    def close(self) -> None: ...


# Given the number of files about to be parsed, a Progress to tell (a progress bar, say).
ProgressFactory = Callable[[int], Progress]


@dataclass
class Options:
    jobs: int = 0  # 0: all cores
    timeout: float = DEFAULT_TIMEOUT
    use_cache: bool = True
    cache_dir: Path | None = None
    # Shows parsing progress; None shows nothing. The caller's choice (the pipeline draws nothing).
    progress: ProgressFactory | None = None
    parser: Literal["libcst", "ast"] = "libcst"  # the extraction engine; the configuration's, set by the pipeline
    # Cache folders already judged this run (``trust.refusal`` asks git): diff and history
    # open the cache several times. Shared by the copies ``replace`` makes.
    judged: dict[tuple[Path, Path], str | None] = field(default_factory=dict, repr=False, compare=False)
