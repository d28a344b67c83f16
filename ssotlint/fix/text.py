"""A Python file's bytes as text and back, losing nothing.

The encoding is the one Python itself would use (a BOM, a coding cookie, else UTF-8);
bytes that do not decode are carried through as surrogate escapes, so writing back text
that a codemod did not touch gives the original bytes exactly: BOM, cookie, line endings.
"""

from __future__ import annotations

import ast
import io
import tokenize
from functools import lru_cache
from typing import NamedTuple

from ssotlint.extract.summarize import python_ast
from ssotlint.extract.summary import ParseProblem


class SourceText(NamedTuple):
    text: str
    encoding: str  # a codec name; "utf-8-sig" when the file starts with a BOM


def decode(data: bytes) -> SourceText:
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError:  # an unknown or inconsistent cookie: read it as Python would fail to
        encoding = "utf-8"
    try:
        return SourceText(data.decode(encoding, "surrogateescape"), encoding)
    except (LookupError, UnicodeDecodeError):  # a codec that cannot escape (utf-16)
        return SourceText(data.decode("utf-8", "surrogateescape"), "utf-8")


def encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, "surrogateescape")


@lru_cache(maxsize=2)
def verdict(text: str) -> ast.Module | ParseProblem:
    """CPython's verdict on the text, as for SSOT000 (:func:`python_ast`). Kept for the last
    texts: the check after one fix and the next codemod's search read the same text."""
    return python_ast(text)


def compiles(text: str) -> bool:
    return not isinstance(verdict(text), ParseProblem)
