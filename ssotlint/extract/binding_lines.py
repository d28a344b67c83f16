"""The line of each name's first module-level binding that runs whenever the module does.

A package's ``__init__`` that binds a name (``__version__ = "1.2"``, ``app = Flask(...)``,
``@click.group() def admin``, ``from .base import Base``) before it imports its submodules
has that name there for any submodule that imports it back: the package always starts
before its submodules. Which cycles can fail at import time depends on it
(rules/ssot002_circular_import.py ``reads_unfinished``).

Computed from the interpreter's tree, for both engines alike (as :mod:`ssotlint.extract.writes`).
"""

from __future__ import annotations

import ast
from typing import Iterator

from ssotlint.extract.ast_walk import _target_names as _targets

_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def _bound(stmt: ast.stmt) -> Iterator[str]:
    """The names one top-level statement binds whenever it runs to its end."""
    if isinstance(stmt, _FUNCTIONS):
        yield stmt.name
    elif isinstance(stmt, ast.Assign):
        for target in stmt.targets:
            yield from _targets(target)
    elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
        yield from _targets(stmt.target)
    else:
        yield from _imported(stmt)


def _imported(stmt: ast.stmt) -> Iterator[str]:
    if isinstance(stmt, ast.Import):
        for alias in stmt.names:
            yield alias.asname or alias.name.partition(".")[0]
    elif isinstance(stmt, ast.ImportFrom):
        for alias in stmt.names:
            if alias.name != "*":
                yield alias.asname or alias.name


def _raises(block: list[ast.stmt]) -> bool:
    return bool(block) and isinstance(block[-1], ast.Raise)


def _always_bound(block: list[ast.stmt]) -> set[str]:
    """The names a block binds on every way through it that completes: its own statements,
    an ``if`` whose branches all
    bind them, a ``try`` whose body (or ``else``) and every handler that does not re-raise
    bind them (gcsfs' ``__version__`` from ``_version``, else from the metadata, else
    ``"unknown"``)."""
    found: set[str] = set()
    for stmt in block:
        found.update(_bound(stmt))
        if isinstance(stmt, ast.If) and stmt.orelse:
            found |= _always_bound(stmt.body) & _always_bound(stmt.orelse)
        elif isinstance(stmt, _TRY):
            found |= _try_bound(stmt)
    return found


def _try_bound(stmt: ast.Try) -> set[str]:
    """What a ``try`` binds on every way through it that completes and binds anything: a
    handler that binds nothing (``except PackageNotFoundError: pass``) leaves the body's
    names unbound in every import order, whichever module starts first (dynesty's
    ``__version__`` from the metadata): that failure is no ordering's, so the import
    order is judged on the way that binds them."""
    ways = [_always_bound(stmt.body) | _always_bound(stmt.orelse)]
    ways += [bound for h in stmt.handlers if not _raises(h.body) and (bound := _always_bound(h.body))]
    return set.intersection(*ways) | _always_bound(stmt.finalbody)


_TRY = (ast.Try, getattr(ast, "TryStar", ast.Try))


def binding_lines(tree: ast.Module) -> tuple[tuple[str, int], ...]:
    """``(name, line)`` for each name the module's own top level binds, at its first such
    statement, in source order: an assignment, ``def``, class or import (not under ``if``,
    ``with`` or a loop, which may not bind it), or a ``try`` (or an ``if`` with an ``else``)
    every completing way through which binds it."""
    found: dict[str, int] = {}
    for stmt in tree.body:
        names = list(_bound(stmt))
        if isinstance(stmt, _TRY):
            names += sorted(_try_bound(stmt))
        elif isinstance(stmt, ast.If) and stmt.orelse:
            names += sorted(_always_bound(stmt.body) & _always_bound(stmt.orelse))
        for name in names:
            found.setdefault(name, stmt.lineno)
    return tuple(found.items())


def branch_bindings(tree: ast.Module) -> tuple[tuple[str, int, int, int], ...]:
    """``(name, line, first, last)`` for each name a statement inside a module-level
    compound statement (``if``, ``try``, ``with``, a loop) binds, with the lines of the
    block of statements it is in: a statement of that block, or of a block inside it, that
    comes later runs only once the binding has (imbalanced-learn's ``else:`` branch binds
    ``__version__`` two lines above its import of the module that takes it back). A
    ``try``'s ``else`` block runs only once the ``try`` body has completed, so what the body
    always binds is bound there too (pymeasure's ``try: from .visa import VISAAdapter``
    ``else: from .prologix import PrologixAdapter``, whose module imports it back). A star
    import there is recorded as the name ``*``: what it brings is bound for the later
    statements of its block too (GridCal's ``try: from VeraGridEngine.basic_structures
    import *`` above the import that leads back to the package for ``StrVec``)."""
    found: list[tuple[str, int, int, int]] = []
    pending = [stmt for stmt in tree.body if not isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))]
    while pending:
        stmt = pending.pop()
        blocks = [getattr(stmt, field, None) or [] for field in ("body", "orelse", "finalbody")]
        blocks += [h.body for h in getattr(stmt, "handlers", None) or []]
        blocks += [c.body for c in getattr(stmt, "cases", None) or []]
        if isinstance(stmt, _TRY) and stmt.orelse:
            first, last = stmt.orelse[0].lineno, stmt.orelse[-1].end_lineno or stmt.orelse[-1].lineno
            found.extend((name, stmt.body[0].lineno, first, last) for name in sorted(_always_bound(stmt.body)))
        for block in blocks:
            if not block:
                continue
            first, last = block[0].lineno, block[-1].end_lineno or block[-1].lineno
            for inner in block:
                if isinstance(inner, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    found.append((inner.name, inner.lineno, first, last))
                    continue
                found.extend((name, inner.lineno, first, last) for name in _bound(inner))
                if isinstance(inner, ast.ImportFrom) and inner.names[0].name == "*":
                    found.append(("*", inner.lineno, first, last))
                pending.append(inner)
    return tuple(sorted(found, key=lambda item: (item[1], item[0])))
