"""What the project's ``.editorconfig`` says of line endings (SSOT005).

A project that writes ``end_of_line = crlf`` for its Python files (Mengine's game scripts:
``[*]`` then ``end_of_line = crlf``, every ``.py`` committed with CRLF) chose those
endings; every editor that reads the file writes them. Only the top-level
``.editorconfig`` is read, as only the top-level ``.gitattributes`` is.

The format (editorconfig.org): ``[glob]`` section headers, ``key = value`` lines, ``#`` or
``;`` comments; for a file, the sections whose glob matches it apply in order, a later one
overriding an earlier. A glob without ``/`` matches a file's name at any depth; one with
``/`` matches the path from the file's folder. Braces choose (``{a,b}`` either, ``{1..3}``
an integer in the range); the rest reads as every glob of the project does
(:func:`ssotlint.globs.glob_body`: ``*`` within one path segment, ``**`` across segments,
``?`` one character, ``[seq]`` and ``[!seq]`` a class).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from ssotlint.config_project import read_text
from ssotlint.globs import glob_body

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
    """The glob as a pattern of paths (its braces expanded, each alternative read as the
    project reads every glob: :func:`ssotlint.globs.glob_body`); None for one no pattern
    can stand for (an inverted range, ``[z-a]``; more than :data:`_MAX_ALTERNATIVES`
    alternatives): that section applies to no file, as editors skip a glob they cannot read."""
    body = glob[1:] if glob.startswith("/") else glob
    prefix = "" if "/" in glob else "(?:.*/)?"
    alternatives = _expanded(body)
    if not alternatives:
        return None
    try:
        return re.compile(prefix + "(?:" + "|".join(glob_body(a) for a in alternatives) + ")", re.DOTALL)
    except re.error:
        return None


# Braces expand to at most this many globs (``{1..1000}`` is a thousand).
_MAX_ALTERNATIVES = 1_000


def _expanded(glob: str) -> list[str]:
    """The globs ``glob``'s braces stand for: ``{a,b}`` either, ``{1..3}`` each integer of
    the range, nested braces too; a brace with no comma or range is two characters. []
    when they would be more than :data:`_MAX_ALTERNATIVES`."""
    start = glob.find("{")
    end = _closing_brace(glob, start) if start != -1 else -1
    if end == -1:
        return [glob]
    head, inner, tail = glob[:start], glob[start + 1 : end], glob[end + 1 :]
    numbers = re.fullmatch(r"([+-]?\d+)\.\.([+-]?\d+)", inner)
    if numbers:
        low, high = sorted((int(numbers.group(1)), int(numbers.group(2))))
        # (bounded before the list is built: `{1..999999999}` is no list to make)
        choices = [str(k) for k in range(low, high + 1)] if high - low < _MAX_ALTERNATIVES else []
    elif len(parts := _split_top(inner)) > 1:
        choices = [choice for part in parts for choice in _expanded(part)]
    else:
        choices = ["{" + choice + "}" for choice in _expanded(inner)]
    rests = _expanded(tail)
    if not choices or not rests or len(choices) * len(rests) > _MAX_ALTERNATIVES:
        return []
    return [head + choice + rest for choice in choices for rest in rests]


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


def _split_top(inner: str) -> list[str]:
    """``a,b{c,d}`` -> ``a``, ``b{c,d}``: split at the commas outside nested braces."""
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
    return parts
