"""The folders a package's ``__init__`` adds to its own ``__path__`` by a path spelled from
its ``__file__``: ``__path__.append(os.path.join(os.path.dirname(__file__), "api"))``,
``__path__.insert(0, ...)``, ``__path__.extend([...])``, ``__path__ += [...]``, ``__path__ =
__path__ + [...]`` (keras' ``keras/__init__.py`` adds ``api/``, so ``keras.activations`` is
``keras/api/activations/``). Each entry is the folder relative to the package's own folder
(``"api"``, ``"../plugins"``). A path with a computed part says nothing and is left out;
``pkgutil.extend_path`` and ``declare_namespace`` add other distributions' portions, which no
literal names (``FileSummary.extends_path`` says those). Read from the interpreter's tree
(nothing runs), for both engines alike.
"""

from __future__ import annotations

import ast

from ssotlint.extract.nodes import nodes_of
from ssotlint.extract.syspath import _path, _single_values

_ADDERS = {"append": 0, "insert": 1}


def path_folders(tree: ast.Module, text: str) -> tuple[str, ...]:
    """The folders the module adds to its ``__path__`` (see the module's docstring)."""
    if "__path__" not in text or "__file__" not in text:
        return ()
    values: dict[str, ast.expr] | None = None
    found: list[str] = []
    for node in nodes_of(tree):
        added = _added(node)
        if not added:
            continue
        if values is None:
            values = _single_values(tree)
        for expr in added:
            path = _path(expr, values, 0)
            if path is None or path[0] != "file" or not path[1] or path[1][-1] == "__file__":
                continue  # computed, not from __file__, the package's own folder, or a file
            found.append("/".join(path[1]))
    return tuple(dict.fromkeys(found))


def _added(node: ast.AST) -> list[ast.expr]:
    """The expressions a statement or call adds to ``__path__``."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and _is_path(node.func.value):
        at = _ADDERS.get(node.func.attr)
        if at is not None and len(node.args) == at + 1:
            return [node.args[at]]
        if node.func.attr == "extend" and len(node.args) == 1:
            return _items(node.args[0])
        return []
    if isinstance(node, ast.AugAssign) and isinstance(node.op, ast.Add) and _is_path(node.target):
        return _items(node.value)
    if (
        isinstance(node, ast.Assign) and len(node.targets) == 1 and _is_path(node.targets[0])
        and isinstance(node.value, ast.BinOp) and isinstance(node.value.op, ast.Add)
    ):
        left, right = node.value.left, node.value.right
        return _items(right) if _is_path(left) else _items(left) if _is_path(right) else []
    return []


def _is_path(node: ast.expr) -> bool:
    return isinstance(node, ast.Name) and node.id == "__path__"


def _items(node: ast.expr) -> list[ast.expr]:
    """The elements of a list or tuple literal."""
    return list(node.elts) if isinstance(node, (ast.List, ast.Tuple)) else []
