"""The folders a module puts first on ``sys.path`` by a path built from its own ``__file__``
(``sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", ".."))``,
``sys.path.insert(0, str(Path(__file__).resolve().parents[1]))``): from the call on, a
module or package there comes before every other folder, the script's own included, so
``from setup import build`` in ``build-aux/windows/setup.py`` means the repository's top
``setup.py`` once the script put the top first (SSOT003 reads them). Each entry is
``(path, line)``: ``path`` relative to the module's folder (``""`` for the folder itself,
``"../.."`` two up, ``"../lib"``), ``line`` the call's. A path with a part not spelt in the
code (an environment variable, a parameter) says nothing. Read from the interpreter's tree
(nothing runs), for both engines alike."""

from __future__ import annotations

import ast

from ssotlint.extract.ast_walk import name_chain

_SAME = frozenset({"abspath", "realpath", "normpath", "fspath", "str", "Path", "PurePath", "resolve", "absolute"})
_MAX_DEPTH = 4  # names followed to their value, at most
_FILE = "__file__"


def front_inserts(tree: ast.Module, text: str) -> tuple[tuple[str, int], ...]:
    """``(path, line)`` for each ``sys.path.insert(0, <path from __file__>)`` (see above)."""
    if "sys.path.insert" not in text or _FILE not in text:
        return ()
    values = _bound_once(tree)
    found: list[tuple[str, int]] = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and name_chain(node.func) == "sys.path.insert" and len(node.args) == 2):
            continue
        index = node.args[0]
        if not (isinstance(index, ast.Constant) and index.value == 0 and not isinstance(index.value, bool)):
            continue
        parts = _parts(node.args[1], values, 0)
        if parts is None or _FILE in parts:
            continue  # not from __file__, or the file itself (no folder)
        found.append(("/".join(parts), node.lineno))
    return tuple(dict.fromkeys(found))


def _bound_once(tree: ast.Module) -> dict[str, ast.expr]:
    """Names the module binds once, at its top level, by a plain assignment, with values."""
    values: dict[str, ast.expr] = {}
    seen: set[str] = set()
    for node in ast.walk(tree):
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, (ast.AnnAssign, ast.AugAssign, ast.For, ast.With)):
            targets = [getattr(node, "target", None) or node]  # type: ignore[list-item]
        elif isinstance(node, ast.NamedExpr):
            targets = [node.target]
        for target in targets:
            if isinstance(target, ast.Name):
                if target.id in seen:
                    values.pop(target.id, None)
                else:
                    seen.add(target.id)
                    if isinstance(node, ast.Assign) and len(node.targets) == 1:
                        values[target.id] = node.value
    return values


def _parts(expr: ast.expr, values: dict[str, ast.expr], depth: int) -> list[str] | None:
    """The path ``expr`` spells from ``__file__``, as parts (``["__file__"]`` for the file,
    ``[]`` for its folder, ``[".."]`` one up); None when it is not spelt from ``__file__``
    alone and literals."""
    if isinstance(expr, ast.Name):
        if expr.id == _FILE:
            return [_FILE]
        value = values.get(expr.id)
        return _parts(value, values, depth + 1) if value is not None and depth < _MAX_DEPTH else None
    if isinstance(expr, ast.Attribute) and expr.attr == "parent":
        return _up(_parts(expr.value, values, depth), 1)
    if isinstance(expr, ast.Subscript) and isinstance(expr.value, ast.Attribute) and expr.value.attr == "parents":
        n = expr.slice
        if isinstance(n, ast.Constant) and isinstance(n.value, int) and not isinstance(n.value, bool) and n.value >= 0:
            return _up(_parts(expr.value.value, values, depth), n.value + 1)
        return None
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Div):
        return _joined(_parts(expr.left, values, depth), [expr.right])
    if not isinstance(expr, ast.Call) or expr.keywords:
        return None
    func = expr.func
    name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
    receiver = func.value if isinstance(func, ast.Attribute) else None
    if name in ("resolve", "absolute") and receiver is not None and not expr.args:
        return _parts(receiver, values, depth)
    if name in _SAME and len(expr.args) == 1:
        return _parts(expr.args[0], values, depth)
    if name == "dirname" and len(expr.args) == 1:
        return _up(_parts(expr.args[0], values, depth), 1)
    if name == "joinpath" and receiver is not None:
        return _joined(_parts(receiver, values, depth), expr.args)
    if name in ("join", "Path", "PurePath") and expr.args and name_chain(func) != "str.join":
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Constant):
            return None  # "/".join(...)
        return _joined(_parts(expr.args[0], values, depth), expr.args[1:])
    return None


def _up(parts: list[str] | None, times: int) -> list[str] | None:
    """``parts`` ``times`` folders up (the file's own name goes first)."""
    if parts is None:
        return None
    out = list(parts)
    for _ in range(times):
        if out and out[-1] != "..":
            out.pop()
        else:
            out.append("..")
    return out


def _joined(parts: list[str] | None, rest: list[ast.expr]) -> list[str] | None:
    """``parts`` joined with the relative string literals ``rest``."""
    if parts is None:
        return None
    for expr in rest:
        if not (isinstance(expr, ast.Constant) and isinstance(expr.value, str)):
            return None
        text = expr.value.replace("\\", "/")
        if text.startswith("/") or ":" in text:
            return None  # absolute: it replaces the base
        for part in text.split("/"):
            if part in ("", "."):
                continue
            parts = _up(parts, 1) if part == ".." else [*parts, part]
    return parts
