"""What tells an exact copy of a class: its text without comments and docstring, and the
module-level names it mentions.

Two classes whose bodies read the same (lines stripped, blank and comment lines and the
docstring dropped, decorators included) are the same syntax. They behave the same only if
the module-level names they mention are the same objects in both modules, so each class
also records which of its module's bound names (imports, classes, functions, assignments)
appear in its text: the model compares how the two modules bind them. Computed from the
interpreter's tree and the text, for both engines alike, with string operations only.
"""

from __future__ import annotations

import ast
import hashlib
import re
from typing import Iterable

from ssotlint.extract.ast_walk import _in_order

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_IDENTIFIER = re.compile(r"[^\W\d]\w*")


def class_bodies(tree: ast.Module, text: str, bound: Iterable[str]) -> list[tuple[int, tuple[str, ...]]]:
    """For each class statement (in the order of ``statement_positions``): the digest of
    its text and the module-level names it mentions (its own name aside)."""
    names = frozenset(bound)
    lines: list[str] | None = None
    result: list[tuple[int, tuple[str, ...]]] = []
    for node in _in_order(tree):
        if not isinstance(node, ast.ClassDef):
            continue
        if lines is None:
            lines = _LINE_BREAK.split(text)
        first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
        skip = _docstring_lines(node)
        kept = [
            s
            for number in range(first, (node.end_lineno or node.lineno) + 1)
            if number not in skip
            for s in (lines[number - 1].strip(),)
            if s and not s.startswith("#")
        ]
        body = "\n".join(kept)
        digest = hashlib.blake2b(body.encode("utf-8", "surrogatepass"), digest_size=8).digest()
        mentioned = dict.fromkeys(n for n in _IDENTIFIER.findall(body) if n in names and n != node.name)
        result.append((int.from_bytes(digest, "big"), tuple(sorted(mentioned))))
    return result


def _docstring_lines(node: ast.ClassDef) -> range:
    first = node.body[0] if node.body else None
    if (
        isinstance(first, ast.Expr)
        and isinstance(first.value, ast.Constant)
        and isinstance(first.value.value, str)
        and first.lineno != node.lineno  # not `class A: "doc"` on the header line
    ):
        return range(first.lineno, (first.end_lineno or first.lineno) + 1)
    return range(0)
