"""Path globs as users write them in pyproject.toml (``tests/**``, ``*_test.py``, ``build``).

Paths are POSIX and relative to the repository root. A pattern without a slash matches
any single path component (``build`` excludes every folder named build, ``*_test.py``
every such file); a pattern with a slash is anchored at the root. ``**`` spans folders.
A pattern also matches everything below a folder it matches.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Pattern


def _translate(pattern: str) -> str:
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif c == "*":
            out.append("[^/]*")
            i += 1
        elif c == "?":
            out.append("[^/]")
            i += 1
        elif c == "[":
            end = pattern.find("]", i + 1)
            if end == -1:
                out.append(re.escape(c))
                i += 1
            else:
                body = pattern[i + 1 : end]
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append(f"[{body}]")
                i = end + 1
        else:
            out.append(re.escape(c))
            i += 1
    return "".join(out)


@lru_cache(maxsize=512)
def compile_glob(pattern: str) -> Pattern[str]:
    """Compile one pattern into a regex over a relative POSIX path."""
    pattern = pattern.strip()
    if pattern.startswith("./"):
        pattern = pattern[2:]
    pattern = pattern.rstrip("/") or pattern
    body = _translate(pattern)
    if "/" in pattern:
        return re.compile(f"^{body}(?:/.*)?$")
    return re.compile(f"^(?:.*/)?{body}(?:/.*)?$")


class GlobSet:
    """A union of patterns, matched against relative POSIX paths."""

    def __init__(self, patterns: Iterable[str]) -> None:
        self.patterns = tuple(patterns)
        self._regexes = tuple(compile_glob(p) for p in self.patterns)

    def matches(self, rel_path: str) -> bool:
        return any(rx.match(rel_path) for rx in self._regexes)

    def __bool__(self) -> bool:
        return bool(self.patterns)


def basename_matches(name: str, patterns: Iterable[str]) -> bool:
    """File-name globs (``test_*.py``): match the last path component only."""
    from fnmatch import fnmatchcase

    return any(fnmatchcase(name, p) for p in patterns)
