"""Turning a file's bytes into text, and the facts that live in the bytes themselves.

Decoding follows PEP 263 (UTF-8 BOM, ``# -*- coding: ... -*-`` cookie on line 1 or 2),
exactly as the interpreter does, via :func:`tokenize.detect_encoding`.
"""

from __future__ import annotations

import codecs
import io
import re
import tokenize
from typing import NamedTuple

from ssotlint.config import is_rule_code

_SUPPRESSION = re.compile(
    r"#\s*ssotlint:\s*ignore(?:\[(?P<codes>[^\]]*)\])?", re.IGNORECASE
)


class LineEndings(NamedTuple):
    crlf: int
    lone_cr: int
    first_line: int  # 1-based line of the first CR-ending line, 0 when none


class DecodeError(Exception):
    """The bytes are not text in the encoding the file declares."""

    def __init__(self, message: str, line: int = 1) -> None:
        super().__init__(message)
        self.line = line  # 1-based line of the offending byte


def _undecodable(data: bytes, exc: UnicodeDecodeError, what: str) -> DecodeError:
    line = data.count(b"\n", 0, exc.start) + 1
    return DecodeError(f"{what}: byte 0x{data[exc.start]:02x} on line {line} ({exc.reason})", line)


def decode(data: bytes) -> str:
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError as exc:  # bad cookie, BOM + non-UTF-8 cookie, non-UTF-8 first lines
        message = str(exc)
        if message.startswith("invalid or missing encoding declaration"):
            try:
                data.decode("utf-8")
            except UnicodeDecodeError as bad:
                raise _undecodable(data, bad, "not valid UTF-8, and no coding cookie names another encoding") from None
        elif message.startswith("encoding problem") and data.startswith(codecs.BOM_UTF8):
            message = f"the UTF-8 byte order mark contradicts the coding cookie ({message})"
        raise DecodeError(message) from None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise _undecodable(data, exc, f"not valid {encoding}") from None
    except LookupError as exc:
        raise DecodeError(f"cannot decode as {encoding}: {exc}") from None
    # With a BOM the encoding is utf-8-sig, which drops the mark; a second BOM is text, and
    # the interpreter rejects it (invalid non-printable character U+FEFF).
    return text


def decode_lenient(data: bytes) -> str:
    """:func:`decode` for a file the interpreter accepts although some bytes (in comments)
    do not decode: those become U+FFFD."""
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError:
        encoding = "utf-8-sig"  # drops a BOM, like the interpreter
    try:
        text = data.decode(encoding, "replace")
    except LookupError:
        text = data.decode("utf-8-sig", "replace")
    return text


def line_endings(data: bytes) -> LineEndings:
    crlf = data.count(b"\r\n")
    total_cr = data.count(b"\r")
    lone_cr = total_cr - crlf
    if not total_cr:
        return LineEndings(0, 0, 0)
    first = data.index(b"\r")
    # A lone CR ends a line too, so count every line terminator before the first CR.
    before = data[:first]
    line = before.count(b"\n") + 1
    return LineEndings(crlf, lone_cr, line)


def suppressions(text: str) -> tuple[tuple[int, tuple[str, ...] | None], ...]:
    """``# ssotlint: ignore[SSOT003]`` comments: (line, codes), codes None for "all".

    Only real comments count, not the same words inside a string; the tokenizer runs only
    on the rare files that contain the marker at all.
    """
    if "ssotlint" not in text or not _SUPPRESSION.search(text):
        return ()
    found = []
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type == tokenize.COMMENT:
                parsed = _parse_comment(token.string)
                if parsed is not _NOT_A_SUPPRESSION:
                    found.append((token.start[0], parsed))
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return ()
    return tuple(found)


_NOT_A_SUPPRESSION = ("",)


def _parse_comment(comment: str) -> tuple[str, ...] | None:
    match = _SUPPRESSION.search(comment)
    if not match:
        return _NOT_A_SUPPRESSION
    codes = match.group("codes")
    if codes is None:
        return None
    parsed = tuple(c.strip().upper() for c in codes.split(",") if c.strip())
    return tuple(c for c in parsed if is_rule_code(c)) or None


def count_lines(text: str) -> int:
    return text.count("\n") + (0 if text.endswith("\n") or not text else 1)
