"""Every node of a module's tree, listed once per tree.

A dozen extractors each read the whole module (``sys.path`` entries, files read and
written, flag imports, attribute writes, ...). Walking the tree with :func:`ast.walk` once
per extractor cost about half of a file's extraction; the list is made on the first walk
and kept on the tree object itself, which lives as long as the file's extraction does."""

from __future__ import annotations

import ast

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
