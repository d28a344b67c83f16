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


def class_partners(tree: ast.Module) -> tuple[tuple[str, str], ...]:
    """``(class, partner)``: a module-level class of the file named beside another object
    (a name or dotted name) in one call's arguments or one tuple of its top level:
    ``translator.register(Rating, RatingTO)``, ``admin.site.register(Rating, RatingAdmin)``,
    ``(trekking_models.Rating, RatingTO)`` in a list a loop registers. Such a class is
    configuration for its partner (the model it translates or administers), sorted."""
    classes = {node.name for node in _module_level(tree.body) if isinstance(node, ast.ClassDef)}
    if not classes:
        return ()
    found: set[tuple[str, str]] = set()
    for node in _top_level_expressions(tree.body):
        if isinstance(node, ast.Call):
            items = node.args
        elif isinstance(node, (ast.Tuple, ast.List)) and len(node.elts) <= 4:
            items = node.elts
        else:
            continue
        names = [dotted(item) if isinstance(item, (ast.Name, ast.Attribute)) else None for item in items]
        for name in names:
            if name in classes:
                found.update((name, other) for other in names if other is not None and other != name)
    return tuple(sorted(found))


def _top_level_expressions(body: list[ast.stmt]) -> Iterator[ast.AST]:
    """Every expression node of the module's own level (module-level ``if``, ``for``,
    ``try`` and ``with`` bodies included), not those of functions or classes."""
    stack: list[ast.AST] = list(reversed(body))
    while stack:
        node = stack.pop()
        if isinstance(node, (*_DEFS, ast.Lambda)):
            continue
        if isinstance(node, ast.expr):
            yield node
        stack.extend(ast.iter_child_nodes(node))


def _module_level(body: list[ast.stmt]) -> Iterator[ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef]:
    stack = list(reversed(body))
    while stack:
        node = stack.pop()
        if isinstance(node, _DEFS):
            yield node
        elif hasattr(node, "body"):
            stack.extend(reversed(inner_statements(node)))
