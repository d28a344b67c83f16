"""What a ``conftest.py`` tells pytest never to collect, whatever the Python: the literal
entries its own level puts in ``collect_ignore`` (paths) and ``collect_ignore_glob``
(patterns), relative to its folder (bisheng's ``test/_legacy/conftest.py``: "kept for
reference only", ``collect_ignore_glob = ["*.py"]``). Entries added under a condition (a
version check: see :mod:`ssotlint.pipeline.gates`; a platform check) are not read here.
Read from the interpreter's tree, for both engines alike."""

from __future__ import annotations

import ast

_KINDS = {"collect_ignore": "path", "collect_ignore_glob": "glob"}


def collect_ignores(tree: ast.Module, text: str) -> tuple[tuple[str, str], ...]:
    """``(kind, entry)`` for each literal entry: ``kind`` is ``"path"`` or ``"glob"``."""
    if "collect_ignore" not in text:
        return ()
    found: dict[tuple[str, str], None] = {}
    for stmt in tree.body:
        for name, values in _added(stmt):
            kind = _KINDS.get(name)
            if kind is None:
                continue
            for value in values:
                if isinstance(value, ast.Constant) and isinstance(value.value, str) and value.value.strip():
                    found.setdefault((kind, value.value.strip()), None)
    return tuple(found)


def _added(stmt: ast.stmt) -> list[tuple[str, list[ast.expr]]]:
    """``(list name, entries)`` a top-level statement puts in a list: an assignment of a
    list or tuple, ``+=``, ``.append(x)``, ``.extend([...])``."""
    if isinstance(stmt, ast.Assign) and isinstance(stmt.value, (ast.List, ast.Tuple)):
        return [(t.id, list(stmt.value.elts)) for t in stmt.targets if isinstance(t, ast.Name)]
    if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and isinstance(stmt.value, (ast.List, ast.Tuple)):
        return [(stmt.target.id, list(stmt.value.elts))]
    if isinstance(stmt, ast.AugAssign) and isinstance(stmt.target, ast.Name) and isinstance(stmt.value, (ast.List, ast.Tuple)):
        return [(stmt.target.id, list(stmt.value.elts))]
    if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
        call = stmt.value
        func = call.func
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and call.args:
            if func.attr == "append":
                return [(func.value.id, [call.args[0]])]
            if func.attr == "extend" and isinstance(call.args[0], (ast.List, ast.Tuple)):
                return [(func.value.id, list(call.args[0].elts))]
    return []
