"""A Python file's bytes as text and back, losing nothing.

The encoding is the one Python itself would use (a BOM, a coding cookie, else UTF-8);
bytes that do not decode are carried through as surrogate escapes, so writing back text
that a codemod did not touch gives the original bytes exactly: BOM, cookie, line endings.
"""

from __future__ import annotations

import ast
import io
import tokenize
import warnings
from typing import NamedTuple


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


def compiles(text: str) -> bool:
    """CPython's verdict, as for SSOT000."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compile(text, "<ssotlint-fix>", "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
    except (SyntaxError, ValueError, RecursionError, MemoryError, UnicodeError):
        return False
    return True
