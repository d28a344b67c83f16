"""Names and modules a project's own deprecation helpers keep alive at their old place.

A library that moves a name keeps the old import working with a helper of its own, called
at module level with both places spelled as string literals: pyomo's
``relocated_module_attribute("cyipopt_available", "pyomo.contrib...cyipopt_interface
.cyipopt_available", version=...)`` installs a module ``__getattr__`` that serves the old
name, and ``moved_module("pyomo.core.expr.current", "pyomo._archive.current")`` in a
package above the old module puts a finder into ``sys.meta_path`` that imports the new
module under the old name. The old name (the call's first argument) then exists at run
time though no statement binds it.

Kept narrow, so that a registry call (``register("foo", "app.plugins.Foo")``) is not
read as one: the callee's name says it moves, renames, relocates, aliases or deprecates
something; it is imported at module level from an absolute module of a top-level package
``T``; the call's first argument is a string literal (the old name: an identifier, or a
dotted module path under ``T``) and its second a different dotted path under ``T`` (the
new place, in the same project). A plain name is one the calling module provides; a
dotted one a module the call makes importable (as a ``sys.modules`` write does, see
``FileSummary.planted_modules``).

Computed from the interpreter's tree, for both engines alike (as :mod:`ssotlint.extract.dynamic`).
"""

from __future__ import annotations

import ast
import keyword
import re
from typing import Iterator

from ssotlint.extract.ast_walk import inner_statements

_FUNCS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
# The words a relocation helper's name is made of (``moved_module``, ``relocated_module_attribute``,
# ``deprecated_alias``, ``renamed_function``, ``redirect_import``).
_MOVING = re.compile(r"(?:^|_)(?:mov|relocat|renam|deprecat|alias|redirect)", re.IGNORECASE)
_ANY_MOVING = re.compile(r"mov|relocat|renam|deprecat|alias|redirect", re.IGNORECASE)  # a cheap first look


def _module_level(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """The statements that run at import time: through ``if``/``try``/``with``/loops, not
    into functions or classes."""
    for stmt in body:
        yield stmt
        if not isinstance(stmt, _FUNCS):
            yield from _module_level(inner_statements(stmt))


def _helpers(statements: list[ast.stmt]) -> dict[str, str]:
    """Callee as written -> the top-level package it is imported from, for the functions
    whose names say they move something (``from pyomo.common.deprecation import
    moved_module`` -> ``moved_module``: ``pyomo``; ``import app.compat`` ->
    ``app.compat.<name>`` cannot be known, so only ``from`` imports count)."""
    found: dict[str, str] = {}
    for stmt in statements:
        if isinstance(stmt, ast.ImportFrom) and not stmt.level and stmt.module:
            top = stmt.module.partition(".")[0]
            for alias in stmt.names:
                if _MOVING.search(alias.name):
                    found[alias.asname or alias.name] = top
    return found


def _dotted_under(value: str, top: str) -> bool:
    """``value`` is a dotted path of two parts or more inside package ``top``."""
    parts = value.split(".")
    return len(parts) >= 2 and parts[0] == top and all(p.isidentifier() and not keyword.iskeyword(p) for p in parts)


def _literal(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def relocations(tree: ast.Module, text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The names the module's relocation calls keep in it, and the modules they keep
    importable, each in source order (see the module's docstring)."""
    if "(" not in text or not _ANY_MOVING.search(text):
        return (), ()
    statements = list(_module_level(tree.body))
    helpers = _helpers(statements)
    if not helpers:
        return (), ()
    names: dict[str, None] = {}
    modules: dict[str, None] = {}
    for stmt in statements:
        call = stmt.value if isinstance(stmt, (ast.Expr, ast.Assign)) else None
        if not isinstance(call, ast.Call) or not isinstance(call.func, ast.Name) or len(call.args) < 2:
            continue
        top = helpers.get(call.func.id)
        old, new = _literal(call.args[0]), _literal(call.args[1])
        if top is None or old is None or new is None or old == new or not _dotted_under(new, top):
            continue
        if old.isidentifier() and not keyword.iskeyword(old):
            names[old] = None
        elif _dotted_under(old, top):
            modules[old] = None
    return tuple(names), tuple(modules)
