"""Small LibCST helpers the codemods share."""

from __future__ import annotations

from functools import lru_cache
from typing import Iterator, Sequence

import libcst as cst

from ssotlint.fix.codemods import CannotFix


@lru_cache(maxsize=2)
def parse(text: str) -> cst.Module:
    """The module's tree. Trees are immutable, and the fixes of one file are planned one
    by one against the same text (for reports), so the last tree is kept."""
    try:
        return cst.parse_module(text)
    except cst.ParserSyntaxError as exc:
        raise CannotFix(f"LibCST cannot parse the file ({str(exc).splitlines()[0] if str(exc) else 'syntax'})") from None


def dotted(node: cst.BaseExpression | None) -> str:
    """``a.b.c`` for a Name/Attribute chain; "" for None (``from . import x``)."""
    if node is None:
        return ""
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return f"{dotted(node.value)}.{node.attr.value}"
    return ""


def statement_blocks(module: cst.Module) -> Iterator[Sequence[cst.BaseStatement]]:
    """The module's body and the body of every indented block in it, outermost first."""
    stack: list[Sequence[cst.BaseStatement]] = [module.body]
    while stack:
        body = stack.pop()
        yield body
        for statement in body:
            for child in _blocks(statement):
                stack.append(child.body)


def _blocks(node: cst.CSTNode) -> Iterator[cst.IndentedBlock]:
    """The indented blocks directly under a compound statement (its body, else, handlers...)."""
    for child in node.children:
        if isinstance(child, cst.IndentedBlock):
            yield child
        elif isinstance(child, (cst.BaseSuite, cst.SimpleStatementLine)):
            continue
        elif isinstance(child, (cst.Else, cst.ExceptHandler, cst.ExceptStarHandler, cst.Finally, cst.If, cst.MatchCase)):
            yield from _blocks(child)
