"""Small LibCST helpers the codemods share."""

from __future__ import annotations

import ast
from functools import lru_cache
from typing import Callable, Iterator, NamedTuple, Sequence

import libcst as cst

from ssotlint.extract.summary import ParseProblem
from ssotlint.fix.codemods import CannotFix
from ssotlint.fix.text import verdict


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


class Region(NamedTuple):
    """Lines ``first``..``last`` (1-based, inclusive) of one block of statements, and the
    indentation of that block."""

    first: int
    last: int
    indent: str


def python_tree(text: str) -> ast.Module:
    """CPython's tree of the file: it finds statements in milliseconds, where LibCST's parse
    of a whole large file takes a tenth of a second and more."""
    tree = verdict(text)
    if isinstance(tree, ParseProblem):
        raise CannotFix(f"the file does not compile ({tree.message})")
    return tree


def statement_lists(tree: ast.Module) -> Iterator[list[ast.stmt]]:
    """Every list of statements of the file (module body, bodies, else, handlers, cases)."""
    stack: list[list[ast.stmt]] = [tree.body]
    while stack:
        body = stack.pop()
        yield body
        for node in body:
            for name in ("body", "orelse", "finalbody"):
                child = getattr(node, name, None)
                if isinstance(child, list) and child and isinstance(child[0], ast.stmt):
                    stack.append(child)
            for handler in getattr(node, "handlers", ()):
                stack.append(handler.body)
            for case in getattr(node, "cases", ()):
                stack.append(case.body)


def region_of(lines: list[str], body: list[ast.stmt], start: int, stop: int) -> Region:
    """The lines of ``body[start:stop]``, widened to whole statements (a statement sharing
    a line through ``;`` or decorators above a definition)."""
    first = min([body[start].lineno, *(d.lineno for d in getattr(body[start], "decorator_list", ()))])
    last = body[stop - 1].end_lineno or body[stop - 1].lineno
    for node in body:
        node_first, node_last = node.lineno, node.end_lineno or node.lineno
        if node_first <= last and node_last >= first:
            first, last = min(first, node_first), max(last, node_last)
    line = lines[first - 1]
    return Region(first, last, line[: len(line) - len(line.lstrip(" \t"))])


def edit_region(text: str, region: Region, transform: Callable[[cst.Module], cst.Module]) -> str:
    """``text`` with the region's lines replaced by what ``transform`` makes of them.

    LibCST parses only those lines: at the top level when the block is, or else as the body
    of a stand-in ``if True:`` (any indentation is valid for the first block), so new
    statements take the block's indentation. Comments, formatting and line endings of the
    region are LibCST's to keep; the rest of the file is left byte for byte."""
    lines = text.splitlines(keepends=True)
    chunk = "".join(lines[region.first - 1 : region.last])
    if chunk and not chunk.endswith(("\n", "\r")):
        chunk += "\n"
        added_newline = True
    else:
        added_newline = False
    header = "if True:\n" if region.indent else ""
    try:
        module = cst.parse_module(header + chunk)
    except cst.ParserSyntaxError as exc:
        raise CannotFix(f"LibCST cannot parse the statement ({str(exc).splitlines()[0] if str(exc) else 'syntax'})") from None
    code = transform(module).code[len(header) :]
    if added_newline and code.endswith("\n"):
        code = code[:-1]
    return "".join(lines[: region.first - 1]) + code + "".join(lines[region.last :])
