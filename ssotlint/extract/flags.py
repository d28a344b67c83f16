"""Flags that say "a type checker is running": ``False`` whenever the code runs.

A module may bind a name once to such a value (pipenv's ``MYPY_RUNNING = is_type_checking()``,
whose function returns ``typing.TYPE_CHECKING``; ``MYPY = False``) and another module (or
itself) guards imports with ``if MYPY_RUNNING:``, as with ``if TYPE_CHECKING:``. The summary
records the two halves, and the model joins them across modules (``Project.checking_lines``):

- :func:`checking_flags`: the names the module binds once, at module level, to
  ``TYPE_CHECKING`` (``typing.TYPE_CHECKING``), or to a call of one of its module-level
  functions that returns it (or ``False``, when importing it fails) and nothing else. Not a
  name bound to a literal ``False``: a settings module's ``DEV = False`` is a default that
  the entry point sets (``plexpy.DEV = True``) before it imports the modules that read it
  (a module's own literal flag is extract/writes.py ``dead_imports``'s business);
- :func:`flag_imports`: the lines of the imports under ``if NAME:`` (or in the ``else`` of
  ``if not NAME:``), per ``NAME`` (not ``TYPE_CHECKING`` itself, which the walkers know).

Computed from the interpreter's tree, for both engines alike (as :mod:`ssotlint.extract.writes`).
"""

from __future__ import annotations

import ast
from typing import Iterator

from ssotlint.extract.nodes import nodes_of
from ssotlint.extract.writes import assignment, bound_once

_FUNCS = (ast.FunctionDef, ast.AsyncFunctionDef)


def _is_checking(expr: ast.expr | None) -> bool:
    """``TYPE_CHECKING`` or ``something.TYPE_CHECKING``."""
    if isinstance(expr, ast.Name):
        return expr.id == "TYPE_CHECKING"
    return isinstance(expr, ast.Attribute) and expr.attr == "TYPE_CHECKING"


def _returns_checking(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """A function whose every ``return`` returns ``False`` or ``TYPE_CHECKING`` (pipenv's
    ``is_type_checking``: ``from typing import TYPE_CHECKING`` in a ``try``, ``return False``
    when that fails), with at least one, and no ``yield``."""
    checking = 0
    for node in ast.walk(function):
        if isinstance(node, (ast.Yield, ast.YieldFrom)) or (isinstance(node, _FUNCS) and node is not function):
            return False
        if isinstance(node, ast.Return):
            if _is_checking(node.value):
                checking += 1
            elif not (isinstance(node.value, ast.Constant) and node.value.value is False):
                return False
    return checking > 0


def checking_flags(tree: ast.Module, text: str) -> tuple[str, ...]:
    """The names the module binds once, at module level, to a value that is False whenever
    the code runs and True for a type checker; sorted."""
    if "TYPE_CHECKING" not in text:
        return ()
    functions = {s.name: s for s in tree.body if isinstance(s, _FUNCS)}
    candidates: set[str] = set()
    for stmt in tree.body:
        pair = assignment(stmt)
        if pair is None:
            continue
        target, value = pair
        if not isinstance(target, ast.Name):
            continue
        if _is_checking(value) or (
            isinstance(value, ast.Call) and not value.args and not value.keywords
            and isinstance(value.func, ast.Name) and value.func.id in functions
            and _returns_checking(functions[value.func.id])
        ):
            candidates.add(target.id)
    return tuple(sorted(bound_once(tree, candidates)))


def flag_imports(tree: ast.Module, text: str) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """Per flag name, the lines of the imports that run only when the flag is true: under
    ``if NAME:`` or in the ``else`` of ``if not NAME:``; sorted by name."""
    if "if" not in text:
        return ()
    nodes = nodes_of(tree)
    top = {id(stmt) for stmt in tree.body}
    if not any(isinstance(node, (ast.Import, ast.ImportFrom)) and id(node) not in top for node in nodes):
        return ()  # every import at the module's top: none under an `if`
    found: dict[str, set[int]] = {}
    for node in nodes:
        if not isinstance(node, ast.If):
            continue
        test, branch = node.test, node.body
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
            test, branch = test.operand, node.orelse
        if isinstance(test, ast.Name) and test.id != "TYPE_CHECKING":
            lines = list(_import_lines(branch))
            if lines:
                found.setdefault(test.id, set()).update(lines)
    return tuple((name, tuple(sorted(lines))) for name, lines in sorted(found.items()))


def _import_lines(body: list[ast.stmt]) -> Iterator[int]:
    for stmt in body:
        for node in ast.walk(stmt):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                yield node.lineno
