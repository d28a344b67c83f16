"""Module-level annotated aliases: ``config: configurations.Config = configurations.config``
binds ``config`` to another module's object, as ``config = configurations.config`` does
(which the walkers record as an alias); the annotation makes it look like a definition of
the module's own."""

from __future__ import annotations

import ast

from ssotlint.extract.ast_walk import dotted


def annotated_aliases(tree: ast.Module) -> tuple[tuple[str, str], ...]:
    """``(name, dotted value)`` for each unconditional module-level ``name: T = a.b``."""
    found: list[tuple[str, str]] = []
    for node in tree.body:
        if (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and isinstance(node.value, (ast.Name, ast.Attribute))
        ):
            value = dotted(node.value)
            if value is not None and value not in ("None", "True", "False"):
                found.append((node.target.id, value))
    return tuple(found)
