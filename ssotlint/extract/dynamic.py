"""What tells a module that replaces itself in ``sys.modules`` by calling a function.

A lazy package (``celery``'s ``__init__`` calls ``local.recreate_module(__name__, by_module=
{...})``) hands its own name to a function that builds a new module object and puts it in
``sys.modules``; the names the new module serves are known only at run time. The summary
records the two halves, and the model joins them across modules:

- each module-level function that writes ``sys.modules`` (an item assignment, ``update``,
  ``setdefault``), directly or through another function of the same module it calls by name;
- each module-level call that passes the module's own ``__name__`` (or ``sys.modules[__name__]``),
  with the identifiers its arguments spell as strings (the names a lazy module is told to serve).

Computed from the interpreter's tree, for both engines alike (as :mod:`ssotlint.extract.bodies`).
"""

from __future__ import annotations

import ast
import keyword
import re
from typing import Iterator, Sequence

from ssotlint.extract.ast_walk import inner_statements
from ssotlint.extract.summary import CTX_FUNCTION, ImportRecord

_FUNCS = (ast.FunctionDef, ast.AsyncFunctionDef)
_MODULE_MUTATORS = frozenset({"update", "setdefault", "__setitem__"})


def _dotted(node: ast.expr) -> str | None:
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    parts.append(node.id)
    return ".".join(reversed(parts))


def _is_sys_modules(node: ast.expr) -> bool:
    """``sys.modules`` (or ``_sys.modules``: the module imported under another name)."""
    name = _dotted(node)
    if name is None:
        return False
    head, _, last = name.rpartition(".")
    return last == "modules" and head.rpartition(".")[2].endswith("sys")


def _module_level(body: Sequence[ast.stmt]) -> Iterator[ast.stmt]:
    """The statements that run at import time: through ``if``/``try``/``with``/loops, not
    into functions or classes."""
    for stmt in body:
        yield stmt
        if isinstance(stmt, (*_FUNCS, ast.ClassDef)):
            continue
        yield from _module_level(inner_statements(stmt))


def _writes_modules(function: ast.AST) -> tuple[bool, set[str]]:
    """Whether the function's body writes ``sys.modules``, and the bare names it calls."""
    writes = False
    called: set[str] = set()
    for node in ast.walk(function):
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            writes = writes or any(isinstance(t, ast.Subscript) and _is_sys_modules(t.value) for t in targets)
        elif isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name):
                called.add(func.id)
            elif isinstance(func, ast.Attribute) and func.attr in _MODULE_MUTATORS and _is_sys_modules(func.value):
                writes = True
    return writes, called


def module_writers(tree: ast.Module, text: str) -> tuple[str, ...]:
    """The module-level functions that put modules into ``sys.modules``, directly or by
    calling another such function of this module by its name; in source order."""
    if "modules" not in text:
        return ()  # the common case: no function of this file can write sys.modules
    functions = [s for s in _module_level(tree.body) if isinstance(s, _FUNCS)]
    facts = {f.name: _writes_modules(f) for f in functions}
    writers = {name for name, (writes, _) in facts.items() if writes}
    changed = bool(writers)
    while changed:
        changed = False
        for name, (_, called) in facts.items():
            if name not in writers and called & writers:
                writers.add(name)
                changed = True
    return tuple(dict.fromkeys(f.name for f in functions if f.name in writers))


def _passes_own_name(call: ast.Call) -> bool:
    """``f(__name__, ...)``, ``f(name=__name__)`` or ``f(sys.modules[__name__])``."""
    for arg in (*call.args, *(k.value for k in call.keywords)):
        if isinstance(arg, ast.Starred):
            arg = arg.value
        if isinstance(arg, ast.Subscript) and _is_sys_modules(arg.value):
            arg = arg.slice
        if isinstance(arg, ast.Name) and arg.id == "__name__":
            return True
    return False


def _spelled_names(call: ast.Call) -> tuple[str, ...]:
    """The identifiers the call's arguments spell as strings, in source order."""
    found: dict[str, None] = {}
    for arg in (*call.args, *(k.value for k in call.keywords)):
        for node in ast.walk(arg):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                value = node.value
                if value.isidentifier() and not keyword.iskeyword(value):
                    found[value] = None
    return tuple(found)


def name_calls(tree: ast.Module, text: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The module-level calls of a named function that pass the module's own name: the
    callee as written (``local.recreate_module``) and the identifiers spelled in the call."""
    if "__name__" not in text:
        return ()
    found: list[tuple[str, tuple[str, ...]]] = []
    for stmt in _module_level(tree.body):
        value = stmt.value if isinstance(stmt, (ast.Expr, ast.Assign, ast.AnnAssign)) else None
        if not isinstance(value, ast.Call) or not _passes_own_name(value):
            continue
        callee = _dotted(value.func)
        if callee is not None:
            found.append((callee, _spelled_names(value)))
    return tuple(found)


def _attribute_targets(stmt: ast.stmt) -> Iterator[ast.Attribute]:
    """The ``obj.attr`` targets a statement assigns (chained and tuple targets included)."""
    if isinstance(stmt, ast.Assign):
        pending: list[ast.expr] = list(stmt.targets)
    elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
        pending = [stmt.target]
    else:
        return
    while pending:
        target = pending.pop()
        if isinstance(target, (ast.Tuple, ast.List)):
            pending.extend(target.elts)
        elif isinstance(target, ast.Attribute):
            yield target


def attribute_writes(tree: ast.Module, text: str) -> tuple[tuple[str, str], ...]:
    """The attributes module-level statements set on a named object: ``base.dialect = d``
    (sqlalchemy's dialect packages give their ``base`` module its ``dialect`` so) or
    ``setattr(base, "dialect", d)``, as ``(dotted object, attribute)`` in source order. The
    model keeps those whose object is a module (see ``ssot003``): the name exists there
    once the writer has run."""
    if "." not in text and "setattr" not in text:
        return ()
    found: dict[tuple[str, str], None] = {}
    for stmt in _module_level(tree.body):
        for target in _attribute_targets(stmt):
            owner = _dotted(target.value)
            if owner is not None:
                found[(owner, target.attr)] = None
        call = stmt.value if isinstance(stmt, ast.Expr) else None
        if (
            isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "setattr"
            and len(call.args) == 3 and isinstance(call.args[1], ast.Constant) and isinstance(call.args[1].value, str)
        ):
            owner = _dotted(call.args[0])
            if owner is not None and call.args[1].value.isidentifier():
                found[(owner, call.args[1].value)] = None
    return tuple(found)


def attribute_reads(text: str, records: Sequence[ImportRecord]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """For each name a module-level import binds to a module object or a name (``import
    pkg``, ``import pkg.sub as s``, ``from pkg import sub``; not ``import pkg.sub``, which
    binds ``pkg``), the attributes the text reads off it (``s.read_csv`` gives
    ``read_csv``), sorted: what a file uses of a module it holds, for advice to import those
    names from where they are defined. Read from the text (a name followed by a dot and an
    identifier), so it errs towards more: a word in a comment or string counts too."""
    bound: dict[str, None] = {}
    for rec in records:
        if rec.context & CTX_FUNCTION:
            continue
        if rec.is_from:  # a module is spelt in lower case; a CapWords name is a class
            bound.update((asname or name, None) for name, asname in rec.names if name != "*" and not name[:1].isupper())
        elif rec.asname or "." not in rec.module:
            bound[rec.asname or rec.module] = None
    wanted = [name for name in bound if name + "." in text]
    if not wanted:
        return ()
    found: dict[str, set[str]] = {}
    for match in re.finditer(r"\b(" + "|".join(wanted) + r")\.([^\W\d]\w*)", text):
        if not match.start() or text[match.start() - 1] != ".":  # `x.dd.y` is not `dd`'s
            found.setdefault(match.group(1), set()).add(match.group(2))
    return tuple((name, tuple(sorted(found[name]))) for name in bound if name in found)
