"""Digests of source text that a formatter's changes leave alone: a class copied into a
module that black or ruff format reformatted (``pyqtSignal(int,int)`` and ``pyqtSignal(int,
int)``, ``row = None`` and ``row=None``, single and double quotes, a call split over lines
with a trailing comma) is still written alike (pymca's ``QComboTableItem`` in two modules)."""

from __future__ import annotations

import hashlib
import re
from typing import Iterable

_SPACE = re.compile(r"\s+")
_TRAILING_COMMA = re.compile(r",(?=[)\]}])")


def layout_free(lines: Iterable[str]) -> str:
    """The lines (stripped, comments dropped by the caller) as one text without
    whitespace, with double quotes for single ones and no comma before a closing bracket.
    Two texts that differ only in layout give the same; it errs towards equal only where a
    string's own spaces or quotes differ, which copies do not."""
    text = _SPACE.sub("", "".join(lines)).replace("'", '"')
    return _TRAILING_COMMA.sub("", text)


def layout_digest(lines: Iterable[str]) -> int:
    """A 64-bit digest of :func:`layout_free` of the lines."""
    return text_digest(layout_free(lines))


def text_digest(text: str) -> int:
    """A 64-bit digest of a text."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "big")
