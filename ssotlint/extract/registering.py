"""The decorators a module applies while it is imported, to its module-level functions and
classes: ``@UI_NS.app_template_filter("humanize")`` calls a method of an object another
module owns, which is how a module registers what it defines (a template filter, a route,
a task, a signal handler) when it is imported. A rule that advises moving an import of such
a module into a function must know: the registration would wait for that call."""

from __future__ import annotations

import ast
from typing import Iterator

from ssotlint.extract.ast_walk import dotted, inner_statements

_DEFS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def module_decorators(tree: ast.Module) -> tuple[str, ...]:
    """The dotted names the decorators of module-level ``def`` and ``class`` statements call
    or are (``UI_NS.app_template_filter``), those of two parts or more, sorted; statements
    under a module-level ``if``, ``try``, ``with`` or loop count, those in a function or
    class body do not."""
    found = {
        name
        for node in _module_level(tree.body)
        for name in map(dotted, node.decorator_list)
        if name is not None and "." in name
    }
    return tuple(sorted(found))


def _module_level(body: list[ast.stmt]) -> Iterator[ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef]:
    stack = list(reversed(body))
    while stack:
        node = stack.pop()
        if isinstance(node, _DEFS):
            yield node
        elif hasattr(node, "body"):
            stack.extend(reversed(inner_statements(node)))
