"""The applications a Django settings module installs, in order.

Django imports a project's models only in ``django.setup()``: first every installed
application's package (and its ``apps`` module), then each application's ``models``, in the
order ``INSTALLED_APPS`` lists them; a model class defined before that raises
``AppRegistryNotReady``. That order decides which import cycles through models modules can
run (rules/ssot002_circular_import.py). Read from the interpreter's tree, for both engines
alike: each module-level statement binding ``INSTALLED_APPS`` (``=``, ``+=``, annotated),
the string literals of its value in order (lists, tuples and their concatenations), the
statements in source order.
"""

from __future__ import annotations

import ast
from typing import Iterator

from ssotlint.extract.nodes import import_time_statements

_NAME = "INSTALLED_APPS"


def installed_apps(tree: ast.Module, text: str) -> tuple[str, ...]:
    """The application names the module's ``INSTALLED_APPS`` statements spell, in order,
    each once; empty when it has none."""
    if _NAME not in text:
        return ()
    found: dict[str, None] = {}
    for stmt in import_time_statements(tree.body):
        if isinstance(stmt, ast.Assign):
            targets, value = stmt.targets, stmt.value
        elif isinstance(stmt, (ast.AugAssign, ast.AnnAssign)) and stmt.value is not None:
            targets, value = [stmt.target], stmt.value
        else:
            continue
        if any(isinstance(t, ast.Name) and t.id == _NAME for t in targets):
            found.update(dict.fromkeys(_strings(value)))
    return tuple(found)


def _strings(node: ast.expr) -> Iterator[str]:
    """The dotted names a list, tuple or concatenation of them spells, in order."""
    if isinstance(node, (ast.List, ast.Tuple)):
        for element in node.elts:
            if isinstance(element, ast.Constant) and isinstance(element.value, str):
                name = element.value.strip()
                if name and all(part.isidentifier() for part in name.split(".")):
                    yield name
            elif isinstance(element, ast.Starred):
                yield from _strings(element.value)
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        yield from _strings(node.left)
        yield from _strings(node.right)
