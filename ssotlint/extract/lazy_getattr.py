"""A module ``__getattr__`` (PEP 562) that serves a closed set of names: each branch tests
the requested name against literals and the function otherwise raises ``AttributeError``
(thermo's ``interaction_parameters``: ``if name in ("IPDB",): ...; raise
AttributeError(...)``). Such a module provides those names and no other, so an import of any
other name from it still fails. A ``__getattr__`` that may answer any name (it delegates,
looks the name up in a table built at run time, or returns on some path for any name) stays
open. Pure: the tree in, the names (or None) out."""

from __future__ import annotations

import ast
from typing import Iterable


def closed_getattr_names(tree: ast.Module) -> tuple[str, ...] | None:
    """The names the module's ``def __getattr__(name)`` serves when they are a closed set of
    literals (module-level literal tuples, lists, sets or dict keys count, by name), else
    None (no such function, or one that may answer any name)."""
    function = None
    for stmt in tree.body:
        if isinstance(stmt, ast.FunctionDef) and stmt.name == "__getattr__":
            function = stmt  # the last definition is the one that stands
    if function is None or len(function.args.args) != 1 or function.args.vararg or function.args.kwarg:
        return None
    parameter = function.args.args[0].arg
    tables = _literal_tables(tree.body)
    served: list[str] = []
    body = list(function.body)
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]  # the docstring
    if not body or not _raises_attribute_error(body[-1]):
        return None
    for stmt in body[:-1]:
        names = _branch_names(stmt, parameter, tables)
        if names is None:
            return None
        served.extend(names)
    return tuple(dict.fromkeys(served))


def _branch_names(stmt: ast.stmt, parameter: str, tables: dict[str, tuple[str, ...]]) -> list[str] | None:
    """The names an ``if`` (with its ``elif`` chain) answers, when each test compares the
    parameter with literals and the chain has no ``else`` (or one that raises
    ``AttributeError``); None for any other statement."""
    if not isinstance(stmt, ast.If):
        return None
    names = _tested(stmt.test, parameter, tables)
    if names is None:
        return None
    if not stmt.orelse:
        return names
    if len(stmt.orelse) == 1 and isinstance(stmt.orelse[0], ast.If):
        rest = _branch_names(stmt.orelse[0], parameter, tables)
        return None if rest is None else names + rest
    if len(stmt.orelse) == 1 and _raises_attribute_error(stmt.orelse[0]):
        return names
    return None


def _tested(test: ast.expr, parameter: str, tables: dict[str, tuple[str, ...]]) -> list[str] | None:
    """``name == "X"``, ``name in ("X", "Y")``, ``name in TABLE`` (a module-level literal),
    or an ``or`` of those: the literal names; None for any other test."""
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.Or):
        found: list[str] = []
        for value in test.values:
            names = _tested(value, parameter, tables)
            if names is None:
                return None
            found.extend(names)
        return found
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.left, ast.Name)):
        return None
    if test.left.id != parameter:
        return None
    op, right = test.ops[0], test.comparators[0]
    if isinstance(op, ast.Eq):
        return [right.value] if isinstance(right, ast.Constant) and isinstance(right.value, str) else None
    if isinstance(op, ast.In):
        if isinstance(right, ast.Name):
            table = tables.get(right.id)
            return list(table) if table is not None else None
        return _literals(right)
    return None


def _literals(node: ast.expr) -> list[str] | None:
    """The strings of a literal tuple, list or set, or the keys of a literal dict."""
    items: Iterable[ast.expr | None]
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        items = node.elts
    elif isinstance(node, ast.Dict):
        items = node.keys
    else:
        return None
    found = []
    for item in items:
        if not (isinstance(item, ast.Constant) and isinstance(item.value, str)):
            return None
        found.append(item.value)
    return found


def _literal_tables(body: list[ast.stmt]) -> dict[str, tuple[str, ...]]:
    """Module-level names bound once to a literal collection of strings (``_LAZY = {...}``);
    a name bound again, or changed (``_LAZY[k] = v``, ``_LAZY.update(...)``), is no table."""
    tables: dict[str, tuple[str, ...]] = {}
    bound_again: set[str] = set()
    for stmt in body:
        targets: list[ast.expr] = []
        value: ast.expr | None = None
        if isinstance(stmt, ast.Assign):
            targets, value = stmt.targets, stmt.value
        elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
            targets, value = [stmt.target], stmt.value
        for target in targets:
            if isinstance(target, ast.Name):
                if target.id in tables:
                    bound_again.add(target.id)
                literal = _literals(value) if value is not None else None
                if literal is not None:
                    tables[target.id] = tuple(literal)
                else:
                    bound_again.add(target.id)
    for node in ast.walk(ast.Module(body=body, type_ignores=[])):
        if isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Store) and isinstance(node.value, ast.Name):
            bound_again.add(node.value.id)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name):
            if node.func.attr in ("update", "setdefault", "add", "append", "extend", "__setitem__"):
                bound_again.add(node.func.value.id)
    return {name: names for name, names in tables.items() if name not in bound_again}


def _raises_attribute_error(stmt: ast.stmt) -> bool:
    """``raise AttributeError(...)`` (or ``raise AttributeError``)."""
    if not isinstance(stmt, ast.Raise) or stmt.exc is None:
        return False
    exc = stmt.exc.func if isinstance(stmt.exc, ast.Call) else stmt.exc
    return isinstance(exc, ast.Name) and exc.id == "AttributeError"
