"""Names a module sets on its own module object: ``self = sys.modules[__name__]``, then
``self.publish_clip_color = "Pink"`` at its own level (OpenPype's Resolve integration keeps
its state so, an idiom older than ``global``). Each such attribute is a module-level name as
surely as an assignment's: importers read it (``from .lib import publish_clip_color``).
Read from the interpreter's tree, for both engines alike."""

from __future__ import annotations

import ast
from typing import Iterator


def module_self_attributes(tree: ast.Module, text: str) -> tuple[str, ...]:
    """The attributes the module's own statements (not its functions' or classes') set on
    a name bound to ``sys.modules[__name__]`` at its own level, in order."""
    if "__name__" not in text or "modules" not in text:
        return ()
    selves: set[str] = set()
    found: dict[str, None] = {}
    for stmt in _module_level(tree.body):
        if isinstance(stmt, ast.Assign):
            targets, value = stmt.targets, stmt.value
        elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
            targets, value = [stmt.target], stmt.value
        else:
            continue
        if _is_own_module(value):
            selves.update(t.id for t in targets if isinstance(t, ast.Name))
            continue
        for target in targets:
            if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id in selves:
                found.setdefault(target.attr, None)
    return tuple(found)


def _module_level(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """The statements that run when the module is loaded, in order: those of its own level
    and of the blocks there (``if``, ``try``, ``with``), not of functions or classes."""
    for stmt in body:
        yield stmt
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        for field in ("body", "orelse", "finalbody"):
            inner = getattr(stmt, field, None)
            if isinstance(inner, list):
                yield from _module_level(inner)
        for handler in getattr(stmt, "handlers", None) or ():
            yield from _module_level(handler.body)


def _is_own_module(node: ast.expr) -> bool:
    """``sys.modules[__name__]`` (``sys`` perhaps imported under another name)."""
    return (
        isinstance(node, ast.Subscript)
        and isinstance(node.value, ast.Attribute) and node.value.attr == "modules"
        and isinstance(node.value.value, ast.Name)
        and isinstance(node.slice, ast.Name) and node.slice.id == "__name__"
    )
