"""Modules a file loads by a computed name: ``importlib.import_module(f"pkg.bench_{lib}")``.

A runner that picks one of several sibling modules by a name it builds at run time
(msgspec's ``benchmarks/bench_validation/runner.py`` loading ``bench_{library}``, a
backend chosen by a setting) loads each alone: the modules are alternatives, written to
stand apart (each imports its own third-party library). The summary records the literal
start of each such name; the model matches the modules it can name.

Computed from the interpreter's tree, for both engines alike (as :mod:`ssotlint.extract.dynamic`).
"""

from __future__ import annotations

import ast

from ssotlint.extract.nodes import nodes_of

_LOADERS = frozenset({"importlib.import_module", "import_module", "__import__"})
_ANCHORS = frozenset({"__name__", "__package__"})


def _callee(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        return f"{node.value.id}.{node.attr}"
    return ""


def _literal_start(node: ast.expr) -> str | None:
    """The literal text a computed string starts with: the first piece of an f-string
    followed by a formatted value, or the left string of ``"a." + name``; None for a
    string known whole, or one that starts with a computed piece."""
    if isinstance(node, ast.JoinedStr):
        values = node.values
        if len(values) >= 2 and isinstance(values[0], ast.Constant) and isinstance(values[0].value, str):
            return values[0].value
        return None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left = node.left
        while isinstance(left, ast.BinOp) and isinstance(left.op, ast.Add):
            left = left.left
        if isinstance(left, ast.Constant) and isinstance(left.value, str):
            return left.value
    return None


def _anchor(call: ast.Call) -> str | None:
    """What a relative name is resolved against: ``package=__name__`` or ``__package__``."""
    arg = call.args[1] if len(call.args) > 1 else next((k.value for k in call.keywords if k.arg == "package"), None)
    return arg.id if isinstance(arg, ast.Name) and arg.id in _ANCHORS else None


def loaded_by_name(tree: ast.Module, text: str) -> tuple[tuple[str, str], ...]:
    """``(anchor, start)`` for each call that imports a module by a computed name: the
    literal start of the name (``pkg.bench_``), and for a relative one (``.backends.``)
    the name it is resolved against (``__package__`` or ``__name__``; ``""`` for an
    absolute name). A start that is not a dotted prefix of module names is left out."""
    if "import_module" not in text and "__import__" not in text:
        return ()
    found: dict[tuple[str, str], None] = {}
    for node in nodes_of(tree):
        if not isinstance(node, ast.Call) or not node.args or _callee(node.func) not in _LOADERS:
            continue
        start = _literal_start(node.args[0])
        if not start:
            continue
        anchor = ""
        if start.startswith("."):
            if _callee(node.func) == "__import__":
                continue
            anchor = _anchor(node) or ""
            if not anchor:
                continue
            start = start[1:]
            if start.startswith("."):
                continue  # climbing above the anchor's package: not followed
        *whole, last = start.split(".")
        if all(part.isidentifier() for part in whole) and (last == "" or last.isidentifier()):
            found[(anchor, start)] = None
    return tuple(found)
