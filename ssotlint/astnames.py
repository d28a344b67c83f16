"""Names spelled by Python expressions, read from CPython's ``ast`` (no ssotlint imports:
every layer may use it)."""

from __future__ import annotations

import ast


def dotted_name(node: ast.expr) -> str:
    """``sys.path.insert`` for the expression ``sys.path.insert``: names joined by dots; ""
    for anything but a name and its attributes."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return ""
    parts.append(node.id)
    return ".".join(reversed(parts))
