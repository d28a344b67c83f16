"""Where module-level code reads a class name that the module binds with more than one
class statement (a guide that defines ``CustomModel``, builds and trains one, then defines
``CustomModel`` again): the earlier class is used before the later replaces it, so it is
not dead (see ``rules/definitions.py`` ``live_definitions``).

Computed from the interpreter's tree, for both engines alike (as :mod:`ssotlint.extract.writes`).
"""

from __future__ import annotations

import ast
from collections import Counter, defaultdict
from typing import Iterator

_COMPOUND = (ast.If, ast.Try, ast.With, ast.AsyncWith, ast.For, ast.AsyncFor, ast.While)


def redefined_reads(tree: ast.Module) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """For each name two or more module-level class statements bind, the lines where code
    that runs at import time reads it outside class statements (``model = CustomModel()``,
    ``print(CustomModel)``; not inside function or lambda bodies, which run later and see
    the last binding, not in a variable's annotation, which uses no class, and not in class
    statements, whose uses ``ClassRecord.refs`` tells), and the line of a class statement of
    that name whose own body reads the name while it runs (:func:`_body_reads_own_name`: it
    reads the earlier class)."""
    counts = Counter(stmt.name for stmt in _module_statements(tree.body) if isinstance(stmt, ast.ClassDef))
    names = {name for name, n in counts.items() if n > 1}
    if not names:
        return ()
    found: dict[str, set[int]] = defaultdict(set)
    stack: list[ast.AST] = list(tree.body)
    while stack:
        node = stack.pop()
        if isinstance(node, ast.ClassDef):
            if node.name in names and _body_reads_own_name(node):
                found[node.name].add(node.lineno)
            continue
        if isinstance(node, ast.Name):
            if node.id in names and isinstance(node.ctx, ast.Load):
                found[node.id].add(node.lineno)
            continue
        stack.extend(_run_now(node))
    return tuple(sorted((name, tuple(sorted(lines))) for name, lines in found.items()))


def _body_reads_own_name(node: ast.ClassDef) -> bool:
    """The class body reads the class's own name while it runs, outside its functions
    (``ADDFUNC = CFUNCTYPE(None, POINTER(_AMPLEXPORTS))``): the name is still bound to an
    earlier class of that name, the forward declaration ctypes structures need to point at
    themselves. Such a read is recorded at the class statement's own line."""
    stack: list[ast.AST] = list(node.body)
    while stack:
        child = stack.pop()
        if isinstance(child, ast.ClassDef):
            continue
        if isinstance(child, ast.Name):
            if child.id == node.name and isinstance(child.ctx, ast.Load):
                return True
            continue
        stack.extend(_run_now(child))
    return False


def _module_statements(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """The statements at module level, also those in compound statements (not in defs)."""
    stack = list(body)
    while stack:
        stmt = stack.pop()
        yield stmt
        if isinstance(stmt, _COMPOUND) or type(stmt).__name__ == "TryStar":
            stack.extend(getattr(stmt, "body", ()))
            stack.extend(s for h in getattr(stmt, "handlers", ()) for s in h.body)
            stack.extend(getattr(stmt, "orelse", ()))
            stack.extend(getattr(stmt, "finalbody", ()))


def _run_now(node: ast.AST) -> Iterator[ast.AST]:
    """The children of ``node`` evaluated when ``node`` is: a function's decorators and
    defaults, not its body; a lambda's defaults, not its body."""
    if isinstance(node, ast.AnnAssign):
        # ``x: Optional[C] = None`` names C in a type, nothing uses the class.
        yield node.target
        if node.value is not None:
            yield node.value
        return
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
        if not isinstance(node, ast.Lambda):
            yield from node.decorator_list
        yield from node.args.defaults
        yield from (d for d in node.args.kw_defaults if d is not None)
        return
    yield from ast.iter_child_nodes(node)
