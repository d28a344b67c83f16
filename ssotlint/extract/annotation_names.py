"""The imported names a module's annotations spell (``def f(e: engine.AIOEngine)``,
``x: "engine.Model"``, ``class C: e: engine.AIOEngine``), evaluated or not.

SSOT002 advises moving an import into the functions that use it; a name the annotations
spell as well is then unbound for type checkers (and for ``typing.get_type_hints``) unless
it is also imported under ``if TYPE_CHECKING:``, which the advice must say. From CPython's
tree, for both engines alike."""

from __future__ import annotations

import ast
import re
from typing import Collection, Iterator

from ssotlint.extract.nodes import nodes_of

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)


def _annotations(node: ast.AST) -> Iterator[ast.expr]:
    if isinstance(node, _FUNCTIONS):
        a = node.args
        for arg in (*a.posonlyargs, *a.args, *a.kwonlyargs, a.vararg, a.kwarg):
            if arg is not None and arg.annotation is not None:
                yield arg.annotation
        if node.returns is not None:
            yield node.returns
    elif isinstance(node, ast.AnnAssign):
        yield node.annotation


def _spelled(annotation: ast.expr) -> Iterator[str]:
    for inner in ast.walk(annotation):
        if isinstance(inner, ast.Name):
            yield inner.id
        elif isinstance(inner, ast.Constant) and isinstance(inner.value, str):
            yield from _IDENTIFIER.findall(inner.value)


def annotation_names(tree: ast.Module, imported: Collection[str]) -> tuple[str, ...]:
    """Of ``imported`` (the names the module's imports bind), those an annotation spells,
    sorted."""
    if not imported:
        return ()
    found: set[str] = set()
    for node in nodes_of(tree):
        for annotation in _annotations(node):
            found.update(name for name in _spelled(annotation) if name in imported)
    return tuple(sorted(found))
