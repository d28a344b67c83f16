"""Module-level annotations the walkers do not record as bindings.

- Annotated aliases: ``config: configurations.Config = configurations.config`` binds
  ``config`` to another module's object, as ``config = configurations.config`` does (which
  the walkers record as an alias); the annotation makes it look like a definition of the
  module's own.
- Declarations: ``snakemake: Snakemake`` with no value binds nothing at run time, but type
  checkers read it as the module's name of that type (a stub a script imports under
  ``if TYPE_CHECKING:`` to type the object its runner injects).
"""

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


def declared_only(tree: ast.Module) -> tuple[str, ...]:
    """Names the module's own top level annotates without a value (``name: T``)."""
    found: dict[str, None] = {}
    for node in tree.body:
        if isinstance(node, ast.AnnAssign) and node.value is None and isinstance(node.target, ast.Name):
            found[node.target.id] = None
    return tuple(found)
