"""What the project's ``.editorconfig`` says of line endings (SSOT005).

A project that writes ``end_of_line = crlf`` for its Python files (Mengine's game scripts:
``[*]`` then ``end_of_line = crlf``, every ``.py`` committed with CRLF) chose those
endings; every editor that reads the file writes them. Only the top-level
``.editorconfig`` is read, as only the top-level ``.gitattributes`` is.

The format (editorconfig.org): ``[glob]`` section headers, ``key = value`` lines, ``#`` or
``;`` comments; for a file, the sections whose glob matches it apply in order, a later one
overriding an earlier. A glob without ``/`` matches a file's name at any depth; one with
``/`` matches the path from the file's folder. ``*`` matches within one path segment,
``**`` across segments, ``?`` one character, ``[seq]`` and ``[!seq]`` a class,
``{a,b}`` either, ``{1..3}`` an integer in the range.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from ssotlint.config_project import read_text

# Enough for any real file; a larger one is read in part, as ``.gitattributes`` is.
_MAX_LINES = 10_000


class EndingSection(NamedTuple):
    """A section of ``.editorconfig`` that sets ``end_of_line``: its glob and the value."""

    glob: str
    end_of_line: str


def read_editor_endings(root: Path) -> tuple[EndingSection, ...]:
    """The sections of ``root/.editorconfig`` that set ``end_of_line``, in order."""
    return parse_editor_endings(read_text(root / ".editorconfig"))


def parse_editor_endings(text: str | None) -> tuple[EndingSection, ...]:
    found: list[EndingSection] = []
    glob: str | None = None
    for raw in (text or "").splitlines()[:_MAX_LINES]:
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        if line.startswith("[") and line.endswith("]"):
            glob = line[1:-1]
            continue
        key, sep, value = line.partition("=")
        if glob is None or not sep or key.strip().lower() != "end_of_line":
            continue  # the preamble (``root = true``) or another setting
        found.append(EndingSection(glob, value.strip().lower()))
    return tuple(found)


class EditorEndings:
    """The sections' globs, compiled once: which ``end_of_line`` a path is given."""

    def __init__(self, sections: tuple[EndingSection, ...]) -> None:
        self._compiled = [(pattern, s.end_of_line) for s in sections if (pattern := _compiled(s.glob)) is not None]

    def end_of_line(self, rel_path: str) -> str:
        """The ``end_of_line`` the sections give ``rel_path`` (``""``: none says)."""
        value = ""
        for pattern, setting in self._compiled:
            if pattern.fullmatch(rel_path):
                value = setting
        return value


def end_of_line(sections: tuple[EndingSection, ...], rel_path: str) -> str:
    """:meth:`EditorEndings.end_of_line`, compiling the globs for this one path."""
    return EditorEndings(sections).end_of_line(rel_path)


def _compiled(glob: str) -> re.Pattern[str] | None:
    """The glob as a pattern of paths; None for one no pattern can stand for (an
    inverted range, ``[z-a]``): that section applies to no file, as editors skip it."""
    body = glob[1:] if glob.startswith("/") else glob
    prefix = "" if "/" in glob else "(?:.*/)?"
    try:
        return re.compile(prefix + _translate(body), re.DOTALL)
    except re.error:
        return None


def _translate(glob: str) -> str:
    out: list[str] = []
    i, n = 0, len(glob)
    while i < n:
        c = glob[i]
        if c == "\\" and i + 1 < n:
            out.append(re.escape(glob[i + 1]))
            i += 2
            continue
        if c == "*":
            if glob.startswith("**", i):
                out.append(".*")
                i += 2
            else:
                out.append("[^/]*")
                i += 1
            continue
        if c == "?":
            out.append("[^/]")
        elif c == "[" and (end := glob.find("]", i + 1)) > i + 1:
            inner = glob[i + 1 : end]
            negate = inner.startswith("!")
            inner = inner[1:] if negate else inner
            out.append(("[^" if negate else "[") + inner.replace("\\", "\\\\") + "]")
            i = end + 1
            continue
        elif c == "{" and (end := _closing_brace(glob, i)) > i:
            out.append(_braces(glob[i + 1 : end]))
            i = end + 1
            continue
        else:
            out.append(re.escape(c))
        i += 1
    return "".join(out)


def _closing_brace(glob: str, start: int) -> int:
    depth = 0
    for j in range(start, len(glob)):
        if glob[j] == "{":
            depth += 1
        elif glob[j] == "}":
            depth -= 1
            if depth == 0:
                return j
    return -1


def _braces(inner: str) -> str:
    numbers = re.fullmatch(r"([+-]?\d+)\.\.([+-]?\d+)", inner)
    if numbers:
        low, high = sorted((int(numbers.group(1)), int(numbers.group(2))))
        if high - low <= 1000:
            return "(?:" + "|".join(str(k) for k in range(low, high + 1)) + ")"
        return r"(?:[+-]?\d+)"
    parts: list[str] = []
    depth, start = 0, 0
    for j, c in enumerate(inner):
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        elif c == "," and depth == 0:
            parts.append(inner[start:j])
            start = j + 1
    parts.append(inner[start:])
    if len(parts) == 1:
        return re.escape("{" + inner + "}")  # a brace with no comma is literal
    return "(?:" + "|".join(_translate(p) for p in parts) + ")"
