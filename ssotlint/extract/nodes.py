"""Every node of a module's tree, listed once per tree.

A dozen extractors each read the whole module (``sys.path`` entries, files read and
written, flag imports, attribute writes, ...). Walking the tree with :func:`ast.walk` once
per extractor cost about half of a file's extraction; the list is made on the first walk
and kept on the tree object itself, which lives as long as the file's extraction does.

Also the few walks over statements that extractors on every layer share (a leaf module:
it imports nothing of the project): the statements a compound statement holds, those
that run at import time, and a function's parameters as one string."""

from __future__ import annotations

import ast
from typing import Iterator, Sequence

_NODES = "_ssotlint_nodes"


def nodes_of(tree: ast.AST) -> list[ast.AST]:
    """``list(ast.walk(tree))``, in that order, made once per tree object. The tree must not
    be changed afterwards (extraction only reads it)."""
    found = tree.__dict__.get(_NODES)
    if found is None:
        found = _walk(tree)
        setattr(tree, _NODES, found)
    return found


def _walk(tree: ast.AST) -> list[ast.AST]:
    """Breadth first, children in field order, as :func:`ast.walk` yields them, without
    a generator per node."""
    found = [tree]
    AST = ast.AST
    for node in found:  # grows while it is read
        for name in node._fields:
            value = getattr(node, name, None)
            if isinstance(value, list):
                found.extend([item for item in value if isinstance(item, AST)])
            elif isinstance(value, AST):
                found.append(value)
    return found


def inner_statements(stmt: ast.stmt) -> list[ast.stmt]:
    """The statements a compound statement holds, in the order both walkers record them:
    body, except handlers, match cases, else, finally (a function's or a class's body too:
    callers that stop there check first)."""
    nested: list[ast.stmt] = list(getattr(stmt, "body", ()))
    for handler in getattr(stmt, "handlers", ()):
        nested.extend(handler.body)
    for case in getattr(stmt, "cases", ()):
        nested.extend(case.body)
    nested.extend(getattr(stmt, "orelse", ()))
    nested.extend(getattr(stmt, "finalbody", ()))
    return nested


def import_time_statements(body: Sequence[ast.stmt]) -> Iterator[ast.stmt]:
    """The statements of ``body`` that run when the module is imported: through
    ``if``/``try``/``with``/loops, not into functions or classes."""
    for stmt in body:
        yield stmt
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        yield from import_time_statements(inner_statements(stmt))


def parameter_list(args: ast.arguments, defaults: bool = False) -> str:
    """A function's parameters by name, in order (``"self, conf, *, component_manager,
    **kwargs"``): ``/`` after positional-only ones, ``*name`` and ``**name`` for the
    variadic ones, ``*`` before keyword-only ones when there is no ``*name``. Two
    namesakes whose lists differ take different arguments
    (:func:`ssotlint.extract.call_shapes.accepts` reads it). ``defaults``: a parameter
    with a default value is spelt with ``=`` after its name (``"a, b=, *, c="``), so that
    what a call must pass is known."""
    ordered = args.posonlyargs + args.args
    given = len(ordered) - len(args.defaults)  # the defaults belong to the last ones
    names = [a.arg + ("=" if defaults and i >= given else "") for i, a in enumerate(ordered)]
    parts = names[: len(args.posonlyargs)] + (["/"] if args.posonlyargs else [])
    parts += names[len(args.posonlyargs):]
    if args.vararg is not None:
        parts.append(f"*{args.vararg.arg}")
    elif args.kwonlyargs:
        parts.append("*")
    parts += [a.arg + ("=" if defaults and d is not None else "") for a, d in zip(args.kwonlyargs, args.kw_defaults)]
    if args.kwarg is not None:
        parts.append(f"**{args.kwarg.arg}")
    return ", ".join(parts)
