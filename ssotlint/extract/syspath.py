"""The folders a module puts on ``sys.path`` by a path spelled in its code (SSOT003 reads
them, see rules/SSOT003.md): ``sys.path.insert(0, os.path.join(os.path.dirname(__file__),
"lib"))``, ``sys.path.append("tools")``, ``site.addsitedir(HERE / "vendor")``; one reader
for every use.

Each entry is ``(anchor, path, line, front)``: ``anchor`` is ``"file"`` for a path built
from the module's own ``__file__`` (``path`` then is relative to the module's folder: ``""``
for the folder itself, ``"../src"`` two levels of ``dirname`` up and down into ``src``,
``"../.."`` for ``Path(__file__).resolve().parents[2]``) and ``"cwd"`` for a relative
literal (``"cuckoo/data/analyzer/windows"``: relative to the working directory the code
runs in); ``line`` is the call's; ``front`` says the call puts the folder first
(``sys.path.insert(0, ...)``): from the call on, a module or package there comes before
every other folder, the script's own included, so ``from setup import build`` in
``build-aux/windows/setup.py`` means the repository's top ``setup.py`` once the script put
the top first. A path with a computed part (an environment variable, a loop variable, an
f-string) or an absolute one says nothing and is left out. Read from the interpreter's tree
(nothing runs), for both engines alike.
"""

from __future__ import annotations

import ast
import re
from typing import Iterator

from ssotlint.extract.nodes import nodes_of
from ssotlint.extract.ast_walk import name_chain
from ssotlint.extract.writes import bound_once

# The calls that put their argument on sys.path: (dotted callee, index of the path argument).
_ADDERS = {"sys.path.insert": 1, "sys.path.append": 0, "site.addsitedir": 0}
# Callees that return their (first) argument's path unchanged, as far as folders go.
_SAME = frozenset({"abspath", "realpath", "normpath", "fspath", "str", "resolve", "absolute", "expanduser"})
_JOIN = frozenset({"join", "Path", "PurePath", "PosixPath", "PurePosixPath", "joinpath"})
_MAX_DEPTH = 4  # names followed to their value, at most


_FILE = "__file__"


def sys_path_facts(tree: ast.Module, text: str) -> tuple[tuple[tuple[str, str, int, bool], ...], int]:
    """:func:`path_entries` and :func:`foreign_entry_line`, from one reading of the names
    the file binds once."""
    if "sys.path" not in text and "addsitedir" not in text:
        return (), 0  # most modules: spared the walks
    values = _single_values(tree)
    return path_entries(tree, text, values), foreign_entry_line(tree, text, values)


def path_entries(
    tree: ast.Module, text: str, values: dict[str, ast.expr] | None = None,
) -> tuple[tuple[str, str, int, bool], ...]:
    """The folders the module's code puts on ``sys.path`` (see the module's docstring);
    ``values``: :func:`_single_values` of the tree, when read already."""
    if "sys.path" not in text and "addsitedir" not in text:
        return ()  # most modules: spared the walks
    if values is None:
        values = _single_values(tree)
    found: list[tuple[str, str, int, bool]] = []
    loops = list(_loop_adders(tree))
    for node, bound in loops:
        for value in bound:
            _add(found, node, {**values, **value})
    looped = {id(node) for node, _ in loops}
    for node in nodes_of(tree):
        if isinstance(node, ast.Call) and id(node) not in looped:
            _add(found, node, values)
    return tuple(dict.fromkeys(found))


_ABSOLUTE = re.compile(r"^(?:/|[A-Za-z]:[\\/])")


def foreign_entry_line(tree: ast.Module, text: str, values: dict[str, ast.expr] | None = None) -> int:
    """The first line where the module puts an absolute literal path on ``sys.path``
    (``sys.path.insert(1, "/modal_examples/hyperparameter-sweep")``, a folder of the image
    the code runs in), 0 when it does not: a folder outside the tree, whose modules no
    reading of the tree can see. ``values``: as for :func:`path_entries`."""
    if "sys.path" not in text and "addsitedir" not in text:
        return 0
    if values is None:
        values = _single_values(tree)
    lines = []
    for node in nodes_of(tree):
        if not isinstance(node, ast.Call):
            continue
        at = _ADDERS.get(name_chain(node.func))
        if at is None or len(node.args) <= at:
            continue
        arg = node.args[at]
        if isinstance(arg, ast.Name) and isinstance(values.get(arg.id), ast.Constant):
            arg = values[arg.id]
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and _ABSOLUTE.match(arg.value):
            lines.append(node.lineno)
    return min(lines, default=0)


def _add(found: list[tuple[str, str, int, bool]], node: ast.Call, values: dict[str, ast.expr]) -> None:
    """The entry ``node`` puts on ``sys.path``, when it is an adder with a spelled path."""
    callee = name_chain(node.func)
    at = _ADDERS.get(callee)
    if at is None or len(node.args) <= at:
        return
    path = _path(node.args[at], values, 0)
    if path is None:
        return
    anchor, parts = path
    if _FILE in parts:
        return  # the module's own file (or a path below it): no folder
    found.append((anchor, "/".join(parts), node.lineno, callee == "sys.path.insert" and _first(node)))


def _first(call: ast.Call) -> bool:
    """``sys.path.insert(0, path)``: the literal index 0 (not ``False``), two arguments."""
    index = call.args[0]
    return len(call.args) == 2 and isinstance(index, ast.Constant) and index.value == 0 and not isinstance(index.value, bool)


def _loop_adders(tree: ast.Module) -> Iterator[tuple[ast.Call, list[dict[str, ast.expr]]]]:
    """The calls in the body of a ``for`` loop over a literal tuple or list of strings
    (``for rel in ("../../ee", "../../ee/server"): sys.path.insert(0, join(dirname(__file__),
    rel))``), each with the loop variable's values: one entry per value."""
    for loop in nodes_of(tree):
        if not (
            isinstance(loop, ast.For) and isinstance(loop.target, ast.Name) and isinstance(loop.iter, (ast.Tuple, ast.List))
            and loop.iter.elts and all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in loop.iter.elts)
        ):
            continue
        bound: list[dict[str, ast.expr]] = [{loop.target.id: e} for e in loop.iter.elts]
        for stmt in loop.body:
            for node in ast.walk(stmt):
                if isinstance(node, ast.Call) and name_chain(node.func) in _ADDERS:
                    yield node, bound


def _single_values(tree: ast.Module) -> dict[str, ast.expr]:
    """Names the file binds once, by a plain assignment, with their values; a module-level
    function whose body only returns a value is bound to it as a ``lambda`` would be
    (Django settings' ``def root(*x): return os.path.join(PROJECT_ROOT, *x)``)."""
    values: dict[str, ast.expr] = {}
    for node in nodes_of(tree):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            values[node.targets[0].id] = node.value
    for node in tree.body:
        helper = _returning(node)
        if helper is not None:
            values[node.name] = helper  # type: ignore[attr-defined]
    if not values:
        return {}
    # A function's parameter of the same name is that function's own name, not a rebinding
    # (``def __init__(self, project_root)`` beside a module-level ``project_root = ...``).
    once = bound_once(tree, values, parameters=False)
    return {name: value for name, value in values.items() if name in once}


def _returning(node: ast.stmt) -> ast.Lambda | None:
    """A plain function whose body (after a docstring) is one ``return`` of a value, as the
    ``lambda`` that computes it."""
    if not isinstance(node, ast.FunctionDef) or node.decorator_list:
        return None
    body = node.body[1:] if node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant) else node.body
    if len(body) != 1 or not isinstance(body[0], ast.Return) or body[0].value is None:
        return None
    return ast.Lambda(args=node.args, body=body[0].value)


def _applied(helper: ast.Lambda, call: ast.Call, values: dict[str, ast.expr], depth: int) -> Path | None:
    """The path a call of a one-expression helper returns: its parameters bound to the
    call's arguments (the extra ones to its ``*args``, as a tuple)."""
    args = helper.args
    if args.kwonlyargs or args.kwarg or any(isinstance(a, ast.Starred) for a in call.args):
        return None
    params = [*args.posonlyargs, *args.args]
    given = list(call.args)
    defaults = dict(zip(reversed(params), reversed(args.defaults)))
    if len(given) > len(params) and args.vararg is None:
        return None
    bound = {**values}
    for index, param in enumerate(params):
        if index < len(given):
            bound[param.arg] = given[index]
        elif param in defaults:
            bound[param.arg] = defaults[param]
        else:
            return None
    if args.vararg is not None:
        bound[args.vararg.arg] = ast.Tuple(elts=given[len(params):], ctx=ast.Load())
    return _path(helper.body, bound, depth + 1)


def _callee(func: ast.expr) -> str:
    """The last name of a callee (``dirname`` of ``os.path.dirname``), "" for a method of
    a literal (``"/".join(...)``)."""
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute) and not isinstance(func.value, ast.Constant):
        return func.attr
    return ""


Path = tuple[str, list[str]]  # (anchor, normalised parts)


def _path(expr: ast.expr, values: dict[str, ast.expr], depth: int) -> Path | None:
    """The path an expression spells, or None when a part of it is computed."""
    if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        text = expr.value.replace("\\", "/")
        if text.startswith("/") or ":" in text or "~" in text:
            return None  # absolute: another machine's layout
        return "cwd", _joined([], text.split("/"))
    if isinstance(expr, ast.Name):
        if expr.id == _FILE:
            return "file", [_FILE]
        if expr.id in values and depth < _MAX_DEPTH:
            return _path(values[expr.id], values, depth + 1)
        return None
    if isinstance(expr, ast.Attribute) and expr.attr == "parent":
        inner = _path(expr.value, values, depth)
        return None if inner is None else (inner[0], _joined(inner[1], [".."]))
    if isinstance(expr, ast.Subscript) and isinstance(expr.value, ast.Attribute) and expr.value.attr == "parents":
        n = expr.slice  # ``Path(__file__).parents[1]``: the folder above the file's own
        if isinstance(n, ast.Constant) and isinstance(n.value, int) and not isinstance(n.value, bool) and n.value >= 0:
            inner = _path(expr.value.value, values, depth)
            return None if inner is None else (inner[0], _joined(inner[1], [".."] * (n.value + 1)))
        return None
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Div):
        return _join(_path(expr.left, values, depth), [expr.right], values, depth)
    if isinstance(expr, ast.Call) and not expr.keywords:
        if isinstance(expr.func, ast.Name) and isinstance(values.get(expr.func.id), ast.Lambda):
            helper = values[expr.func.id]
            return _applied(helper, expr, values, depth) if depth < _MAX_DEPTH else None  # type: ignore[arg-type]
        return _called(expr, values, depth)
    return None


def _called(call: ast.Call, values: dict[str, ast.expr], depth: int) -> Path | None:
    """The path a call returns: ``dirname``, ``join``, ``Path(...)``, ``abspath`` and their
    kind; ``os.getcwd()``."""
    name = _callee(call.func)
    receiver = call.func.value if isinstance(call.func, ast.Attribute) else None
    if name in ("getcwd", "cwd") and not call.args:
        return "cwd", []
    if name in _SAME and receiver is not None and not call.args and name in ("resolve", "absolute", "expanduser"):
        return _path(receiver, values, depth)  # Path(...).resolve()
    if name in _SAME and len(call.args) == 1:
        return _path(call.args[0], values, depth)
    if name == "dirname" and len(call.args) == 1:
        inner = _path(call.args[0], values, depth)
        return None if inner is None else (inner[0], _joined(inner[1], [".."]))
    if name == "joinpath" and receiver is not None:
        return _join(_path(receiver, values, depth), call.args, values, depth)
    if name in _JOIN and call.args:
        return _join(_path(call.args[0], values, depth), call.args[1:], values, depth)
    return None


def _join(base: Path | None, rest: list[ast.expr], values: dict[str, ast.expr], depth: int) -> Path | None:
    """``base`` joined with the relative literal paths ``rest`` spell."""
    if base is None:
        return None
    anchor, parts = base
    for expr in _spread(rest, values):
        more = _path(expr, values, depth)
        if more is None or more[0] != "cwd":
            return None  # a computed part, or an anchored path (which would replace the base)
        parts = _joined(parts, more[1])
    return anchor, parts


def _spread(rest: list[ast.expr], values: dict[str, ast.expr]) -> Iterator[ast.expr]:
    """``rest`` with a helper's ``*args`` spread into the arguments it was given (a starred
    name bound to anything else stays, and says nothing)."""
    for expr in rest:
        if isinstance(expr, ast.Starred) and isinstance(expr.value, ast.Name):
            spread = values.get(expr.value.id)
            if isinstance(spread, ast.Tuple):
                yield from spread.elts
                continue
        yield expr


def _joined(parts: list[str], more: list[str]) -> list[str]:
    """``parts`` followed by ``more``, normalised: ``..`` takes back the part before it (the
    module's ``__file__`` too: its folder is what ``dirname`` gives), ``.`` and empty parts
    go."""
    out = list(parts)
    for part in _clean(more):
        if part == ".." and out and out[-1] != "..":
            out.pop()
        else:
            out.append(part)
    return out


def _clean(parts: list[str]) -> Iterator[str]:
    for part in parts:
        if part not in ("", "."):
            yield part
