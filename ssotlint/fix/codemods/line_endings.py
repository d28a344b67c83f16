"""SSOT005: every CRLF and lone CR becomes LF; nothing else changes."""

from __future__ import annotations

from typing import Any, Mapping


def normalise(text: str, args: Mapping[str, Any]) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
