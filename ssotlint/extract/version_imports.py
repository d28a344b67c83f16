"""Imports that run only from some Python version on.

``if sys.version_info >= (3, 12): from ._impl312 import x`` loads ``_impl312`` only on
Python 3.12 and later: when every importer of a module says so, the module is written for
that version (SSOT000 does not judge it by an older interpreter). Read: ``sys.version_info``
(or ``sys.version_info[:2]``) compared with a literal tuple ``(3, N, ...)`` by ``>=`` or
``>`` (either way round), and the ``else`` of ``< (3, N)``; nested checks keep the newest
version. Anything else (a name bound to such a test, ``and`` with another test) is not
read. Computed from the interpreter's tree, for both engines alike.
"""

from __future__ import annotations

import ast
from typing import Callable, Iterator


def version_imports(tree: ast.Module, text: str) -> tuple[tuple[int, int], ...]:
    """``(line, minor)`` of each import statement that runs only on Python ``3.minor`` and
    later, by line."""
    if "version_info" not in text:
        return ()
    return tuple(sorted(set(_gated(tree.body, 0, _newest, True))))


# How an ``if`` passes a bound on to its two branches: (its body's, its ``else``'s).
Split = Callable[[ast.If, int], tuple[int, int]]
_DEFS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def _gated(body: list[ast.stmt], bound: int, split: Split, into_defs: bool) -> Iterator[tuple[int, int]]:
    """``(line, bound)`` of each import statement of ``body`` with a bound (not 0), the
    bound passed on by each ``if`` above it as ``split`` says; through every other compound
    statement as it is, and into ``def`` and ``class`` bodies when ``into_defs``."""
    for stmt in body:
        if isinstance(stmt, (ast.Import, ast.ImportFrom)):
            if bound:
                yield stmt.lineno, bound
        elif isinstance(stmt, ast.If):
            inner, other = split(stmt, bound)
            yield from _gated(stmt.body, inner, split, into_defs)
            yield from _gated(stmt.orelse, other, split, into_defs)
        elif into_defs or not isinstance(stmt, _DEFS):
            for field in ("body", "orelse", "finalbody", "handlers", "cases"):
                block = getattr(stmt, field, None)
                if isinstance(block, list):
                    for part in block:
                        if isinstance(part, (ast.ExceptHandler, ast.match_case)):
                            yield from _gated(part.body, bound, split, into_defs)
                    yield from _gated([s for s in block if isinstance(s, ast.stmt)], bound, split, into_defs)


def _newest(stmt: ast.If, floor: int) -> tuple[int, int]:
    """Nested checks keep the newest version a branch needs."""
    return max(floor, _from_on(stmt.test)), max(floor, _before(stmt.test))


def _from_on(test: ast.expr) -> int:
    """N when ``test`` holds on Python 3.N and later only: ``sys.version_info >= (3, N)``,
    ``> (3, N)`` (3.N.x is more than ``(3, N)``), ``(3, N) <= sys.version_info``; else 0."""
    pair = _comparison(test)
    if pair is None:
        return 0
    op, minor, info_left = pair
    if info_left and isinstance(op, (ast.GtE, ast.Gt)) or not info_left and isinstance(op, (ast.LtE, ast.Lt)):
        return minor
    return 0


def _before(test: ast.expr) -> int:
    """N when ``test`` holds only before Python 3.N: ``sys.version_info < (3, N)``, ``(3, N)
    > sys.version_info``; else 0 (its ``else`` runs from 3.N on)."""
    pair = _comparison(test)
    if pair is None:
        return 0
    op, minor, info_left = pair
    if info_left and isinstance(op, ast.Lt) or not info_left and isinstance(op, ast.Gt):
        return minor
    return 0


def _comparison(test: ast.expr) -> tuple[ast.cmpop, int, bool] | None:
    """``(operator, N, version_info on the left)`` of ``sys.version_info <op> (3, N, ...)``."""
    if not isinstance(test, ast.Compare) or len(test.ops) != 1:
        return None
    left, right = test.left, test.comparators[0]
    if _version_info(left):
        minor = _minor(right)
        return None if minor is None else (test.ops[0], minor, True)
    if _version_info(right):
        minor = _minor(left)
        return None if minor is None else (test.ops[0], minor, False)
    return None


def _version_info(node: ast.expr) -> bool:
    if isinstance(node, ast.Subscript):
        node = node.value
    return (
        isinstance(node, ast.Attribute) and node.attr == "version_info"
        and isinstance(node.value, ast.Name) and node.value.id == "sys"
    )


def _minor(node: ast.expr) -> int | None:
    """N of a literal ``(3, N, ...)``."""
    if not isinstance(node, ast.Tuple) or len(node.elts) < 2:
        return None
    major, minor = node.elts[0], node.elts[1]
    if not (isinstance(major, ast.Constant) and major.value == 3):
        return None
    if isinstance(minor, ast.Constant) and type(minor.value) is int and minor.value > 0:
        return minor.value
    return None


def legacy_imports(tree: ast.Module, text: str) -> tuple[tuple[int, int], ...]:
    """``(line, minor)`` of each import statement that runs, when the program runs, only on
    Pythons before ``3.minor``: under ``if sys.version_info < (3, minor):`` (or the ``else``
    of ``>= (3, minor)``), also when the test is that check ``or TYPE_CHECKING`` (plotly's
    ``if sys.version_info < (3, 7) or TYPE_CHECKING:``, whose other branch loads the names
    lazily): ``TYPE_CHECKING`` is False at run time. A project whose oldest Python is
    ``3.minor`` or newer never runs them; type checkers may read them."""
    if "version_info" not in text:
        return ()
    return tuple(sorted(set(_gated(tree.body, 0, _oldest, False))))


def _oldest(stmt: ast.If, ceiling: int) -> tuple[int, int]:
    """The tighter "only before 3.N" bound each branch runs under when the program runs."""
    test = _without_type_checking(stmt.test)
    older, newer = (_before(test), _from_on(test)) if test is not None else (0, 0)
    return _lower(ceiling, older), _lower(ceiling, newer if stmt.test is test else 0)


def _lower(ceiling: int, bound: int) -> int:
    """The tighter of two "only before 3.N" bounds (0: none)."""
    return min(ceiling, bound) if ceiling and bound else ceiling or bound


def _without_type_checking(test: ast.expr) -> ast.expr | None:
    """``X`` of ``X or TYPE_CHECKING`` (what the test is when the program runs); the test
    itself otherwise; None for a test that is all ``TYPE_CHECKING``."""
    if not (isinstance(test, ast.BoolOp) and isinstance(test.op, ast.Or)):
        return test
    rest = [v for v in test.values if not _type_checking(v)]
    if not rest:
        return None
    return rest[0] if len(rest) == 1 else test if len(rest) == len(test.values) else ast.BoolOp(op=ast.Or(), values=rest)


def _type_checking(node: ast.expr) -> bool:
    return (isinstance(node, ast.Name) and node.id == "TYPE_CHECKING") or (
        isinstance(node, ast.Attribute) and node.attr == "TYPE_CHECKING"
    )
