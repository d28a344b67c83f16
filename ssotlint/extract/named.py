"""Classes made by a call at module level: ``DetectorTypeEnum = StrEnum("DetectorTypeEnum",
{...})``, ``Point = namedtuple("Point", "x y")``, ``UserId = NewType("UserId", int)``. The
call is given the name it is bound to, as the functional APIs of ``enum``, ``collections``,
``typing`` and ``type()`` ask: the module defines that name as surely as a ``class``
statement would (SSOT003's hints say where such a name is defined). Read from the
interpreter's tree, for both engines alike."""

from __future__ import annotations

import ast


def self_named(tree: ast.Module, text: str) -> tuple[str, ...]:
    """The module-level names bound by ``Name = callee("Name", ...)``, in order."""
    if "(" not in text:
        return ()
    found: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            target, value = node.target, node.value
        else:
            continue
        if not isinstance(target, ast.Name) or not isinstance(value, ast.Call) or not value.args:
            continue
        first = value.args[0]
        if isinstance(first, ast.Constant) and first.value == target.id:
            found.append(target.id)
    return tuple(dict.fromkeys(found))
