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


def glob_body(pattern: str) -> str:
    """The regex for one glob, unanchored: ``**/`` any folders (none too), ``**`` anything,
    ``*`` and ``?`` within one path component, ``[...]`` a character class."""
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


def _parts(pattern: str) -> tuple[bool, str]:
    """``(anchored at the root, regex body)`` of one pattern."""
    pattern = pattern.strip()
    if pattern.startswith("./"):
        pattern = pattern[2:]
    pattern = pattern.rstrip("/") or pattern
    return "/" in pattern, glob_body(pattern)


@lru_cache(maxsize=512)
def compile_glob(pattern: str) -> Pattern[str]:
    """Compile one pattern into a regex over a relative POSIX path."""
    anchored, body = _parts(pattern)
    if anchored:
        return re.compile(f"^{body}(?:/.*)?$")
    return re.compile(f"^(?:.*/)?{body}(?:/.*)?$")


class GlobSet:
    """A union of patterns, matched against relative POSIX paths."""

    def __init__(self, patterns: Iterable[str]) -> None:
        self.patterns = tuple(patterns)
        # One regex for all patterns, with the "any folder" prefix factored out of the
        # component patterns: discovery matches every file of the repository against the
        # excludes, and one alternation per pattern would backtrack once per pattern.
        anchored = [body for a, body in map(_parts, self.patterns) if a]
        anywhere = [body for a, body in map(_parts, self.patterns) if not a]
        branches = []
        if anchored:
            branches.append("(?:%s)" % "|".join(anchored))
        if anywhere:
            branches.append("(?:.*/)?(?:%s)" % "|".join(anywhere))
        self._regex = re.compile(r"^(?:%s)(?:/|\Z)" % "|".join(branches), re.S) if branches else None

    def matches(self, rel_path: str) -> bool:
        return self._regex is not None and self._regex.match(rel_path) is not None

    def __bool__(self) -> bool:
        return bool(self.patterns)


class NameGlobs:
    """File-name globs (``test_*.py``): match the last path component only."""

    def __init__(self, patterns: Iterable[str]) -> None:
        from fnmatch import translate

        self.patterns = tuple(patterns)
        self._regex = re.compile("|".join(f"(?:{translate(p)})" for p in self.patterns)) if self.patterns else None

    def matches(self, name: str) -> bool:
        return self._regex is not None and self._regex.match(name) is not None
