"""The line of each name's first unconditional module-level binding.

A package's ``__init__`` that binds a name (``__version__ = "1.2"``, ``app = Flask(...)``,
``@click.group() def admin``) before it imports its submodules has that name there for any
submodule that imports it back: the package always starts before its submodules. Which
cycles can fail at import time depends on it (rules/ssot002_circular_import.py
``bound_before``).

Computed from the interpreter's tree, for both engines alike (as :mod:`ssotlint.extract.writes`).
"""

from __future__ import annotations

import ast
from typing import Iterator

_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def _targets(node: ast.expr) -> Iterator[str]:
    if isinstance(node, ast.Name):
        yield node.id
    elif isinstance(node, (ast.Tuple, ast.List)):
        for element in node.elts:
            yield from _targets(element)
    elif isinstance(node, ast.Starred):
        yield from _targets(node.value)


def _bound(stmt: ast.stmt) -> Iterator[str]:
    """The names one top-level statement binds whenever it runs to its end."""
    if isinstance(stmt, _FUNCTIONS):
        yield stmt.name
    elif isinstance(stmt, ast.Assign):
        for target in stmt.targets:
            yield from _targets(target)
    elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
        yield from _targets(stmt.target)
    elif isinstance(stmt, ast.Import):
        for alias in stmt.names:
            yield alias.asname or alias.name.partition(".")[0]
    elif isinstance(stmt, ast.ImportFrom):
        for alias in stmt.names:
            if alias.name != "*":
                yield alias.asname or alias.name


def binding_lines(tree: ast.Module) -> tuple[tuple[str, int], ...]:
    """``(name, line)`` for each name a statement of the module's own top level binds (not
    under ``if``, ``try``, ``with`` or a loop: those may not bind it), at its first such
    statement, in source order."""
    found: dict[str, int] = {}
    for stmt in tree.body:
        for name in _bound(stmt):
            found.setdefault(name, stmt.lineno)
    return tuple(found.items())
