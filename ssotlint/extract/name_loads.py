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
import re
from functools import partial
from typing import Callable, Iterator

from ssotlint.astnames import dotted_name
from ssotlint.extract.nodes import import_time_statements, nodes_of

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


def _level(call: ast.Call) -> int:
    """``__import__``'s ``level`` (its fifth argument), when an int literal; else 0."""
    arg = call.args[4] if len(call.args) > 4 else next((k.value for k in call.keywords if k.arg == "level"), None)
    return arg.value if isinstance(arg, ast.Constant) and isinstance(arg.value, int) else 0


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
        if start is None and _callee(node.func) == "__import__" and _level(node) == 1:
            # ``__import__(name, globals(), locals(), level=1)``: a module of the caller's
            # own package, any of them (pywinauto's ``tests`` package loading its checks).
            found[("__package__", "")] = None
            continue
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


def _computed_load(node: ast.expr) -> bool:
    """A call that imports a module by a name known only at run time (not a literal):
    a plugin loader's ``importlib.import_module(path)``."""
    return (
        isinstance(node, ast.Call) and bool(node.args) and _callee(node.func) in _LOADERS
        and not (isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str))
    )


# Calls that load a module from a file's path: ``spec.loader.load_module()``,
# ``importlib.util.module_from_spec(spec)``, ``imp.load_source(name, path)``.
_PATH_LOADERS = frozenset({"load_module", "module_from_spec", "load_source"})


def _plugin_load(node: ast.expr, own_loaders: bool = True) -> bool:
    """A call that loads a module the program finds at run time: by a computed name
    (:func:`_computed_load`), from a file's path (CrackMapExec's
    ``spec.loader.load_module().CMEModule``), or (with ``own_loaders``) through a loader of
    the project's own named for it and handed a computed path
    (``p_loader.load_protocol(path)``)."""
    if _computed_load(node):
        return True
    if not isinstance(node, ast.Call):
        return False
    name = node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id if isinstance(node.func, ast.Name) else ""
    if name in _PATH_LOADERS:
        return True
    return (
        own_loaders and name.startswith("load_") and bool(node.args)
        and not (isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str))
    )


def _class_like(name: object) -> bool:
    return isinstance(name, str) and name.isidentifier() and name[:1].isupper()


def _scopes(tree: ast.Module) -> Iterator[list[ast.AST]]:
    """The nodes of the module and of each function, one list per scope (a function's
    nodes are its enclosing scope's too: a loader's helper inside another reads the
    outer's names)."""
    for scope in [tree, *(n for n in nodes_of(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)))]:
        yield [n for stmt in scope.body for n in ast.walk(stmt)]  # type: ignore[attr-defined]


def _bound_to(nodes: list[ast.AST], value: Callable[[ast.expr], bool]) -> set[str]:
    """The names the nodes assign a value of which ``value`` holds."""
    return {
        t.id for n in nodes if isinstance(n, (ast.Assign, ast.AnnAssign)) and n.value is not None and value(n.value)
        for t in (n.targets if isinstance(n, ast.Assign) else [n.target]) if isinstance(t, ast.Name)
    }


def names_read_off_loaded(tree: ast.Module, text: str) -> tuple[str, ...]:
    """The names the code reads by a literal off a module it loads at run time (by a
    computed name, or from a file's path: :func:`_plugin_load`): ``getattr(module,
    "Exploit")`` or ``hasattr(...)`` (any identifier), or a capitalised ``module.Command``
    after ``module = importlib.import_module(path)``, in the same function (routersploit's
    ``import_exploit``, a framework's command loader, CrackMapExec's
    ``spec.loader.load_module().CMEModule``). Each module
    such a loader can load must define a class of that name: the name is a plugin
    protocol, and the classes that bear it are the plugins, not copies of one concept."""
    # Most files load nothing so: a pass over each function's nodes only where the text
    # names a loader (a project's own `load_*` counts only for a `getattr` literal).
    own_loaders = "load_" in text and ("getattr(" in text or "hasattr(" in text)
    if not own_loaders and "import_module" not in text and "__import__" not in text and not any(
        name in text for name in _PATH_LOADERS
    ):
        return ()
    found: dict[str, None] = {}
    for nodes in _scopes(tree):
        loaded = _bound_to(nodes, _plugin_load)
        by_path = _bound_to(nodes, partial(_plugin_load, own_loaders=False))

        def is_loaded(node: ast.expr, own: bool = True) -> bool:
            if isinstance(node, ast.Name):
                return node.id in (loaded if own else by_path)
            return _plugin_load(node, own_loaders=own)

        for n in nodes:
            if (
                isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id in ("getattr", "hasattr")
                and len(n.args) >= 2 and is_loaded(n.args[0])
                and isinstance(n.args[1], ast.Constant) and isinstance(n.args[1].value, str)
                and n.args[1].value.isidentifier() and not n.args[1].value.startswith("__")
            ):
                # (a literal names the protocol whatever its case: CrackMapExec's `database`)
                found[n.args[1].value] = None
            elif isinstance(n, ast.Attribute) and isinstance(n.ctx, ast.Load) and _class_like(n.attr) and is_loaded(n.value, own=False):
                found[n.attr] = None
    return tuple(found)


def import_alternatives(tree: ast.Module) -> tuple[tuple[tuple[int, ...], ...], ...]:
    """For each ``if``/``elif`` chain that imports in two of its branches or more, the lines
    of each branch's import statements (not those of functions in it), in branch order: one
    branch runs, so the modules the branches import are alternatives, each loaded alone.
    A chain that runs at import time (ginga's ``gw/GwHelp.py``: ``if tkname == 'qt': from
    ginga.qtw.QtHelp import *``, ``elif tkname == 'gtk3': from ginga.gtk3w.GtkHelp import
    *`` ...: one toolkit's widgets per process), chains nested in a branch (PySolFC's ``if
    USE_TILE:`` inside ``if TOOLKIT == 'tk':``), and a chain in a function, which picks one
    each time it is called (PaddleSpeech's engine factory: ``elif engine_type == 'online':
    from ...tts.online.python.tts_engine import TTSEngine``, ``elif engine_type ==
    'online-onnx': from ...tts.online.onnx.tts_engine import TTSEngine``: one back-end per
    engine)."""
    found: list[tuple[tuple[int, ...], ...]] = []
    elifs: set[int] = set()  # ids of the ``if`` nodes that continue a chain already read
    bodies = [tree.body, *(n.body for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)))]
    for body in bodies:
        for stmt in import_time_statements(body):
            if not isinstance(stmt, ast.If) or id(stmt) in elifs:
                continue
            branches: list[list[ast.stmt]] = []
            node = stmt
            while True:
                branches.append(node.body)
                if len(node.orelse) == 1 and isinstance(node.orelse[0], ast.If):
                    node = node.orelse[0]
                    elifs.add(id(node))
                    continue
                if node.orelse:
                    branches.append(node.orelse)
                break
            lines = [
                tuple(sorted(s.lineno for s in import_time_statements(branch) if isinstance(s, (ast.Import, ast.ImportFrom))))
                for branch in branches
            ]
            if sum(1 for group in lines if group) >= 2:
                found.append(tuple(lines))
    return tuple(sorted(found))


def sets_names_on_loaded(tree: ast.Module, text: str) -> bool:
    """The code ``setattr``s a computed name on a module object it looks up at run time
    (``module = importlib.import_module(model.__module__)``, ``sys.modules[name]``), in the
    same function: a registry that puts classes it builds into other modules (django-simple-
    history's ``HistoricalRecords`` sets ``HistoricalPoll`` on the module that defines
    ``Poll``), which no statement of those modules binds."""
    if "setattr" not in text or ("import_module" not in text and "modules[" not in text and "__import__" not in text):
        return False

    def looked_up(node: ast.expr) -> bool:
        if isinstance(node, ast.Call) and node.args and _callee(node.func) in _LOADERS:
            return True
        return isinstance(node, ast.Subscript) and _callee(node.value) == "sys.modules"

    for nodes in _scopes(tree):
        modules = _bound_to(nodes, looked_up)
        for n in nodes:
            if (
                isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "setattr" and len(n.args) == 3
                and not isinstance(n.args[1], ast.Constant)
                and ((isinstance(n.args[0], ast.Name) and n.args[0].id in modules) or looked_up(n.args[0]))
            ):
                return True
    return False


def inherits_history(tree: ast.Module, text: str) -> bool:
    """A class of the module, at any depth (one a factory function builds too), declares a
    django-simple-history field that its subclasses inherit
    (``history = HistoricalRecords(inherit=True)``, or the project's own subclass of it,
    ``SoftDeleteAwareHistoricalRecords(..., inherit=True)``): the library then builds
    ``Historical<Model>`` for every concrete subclass and sets it on that subclass's module
    (flagsmith's ``from features.models import HistoricalFeatureState``, whose model takes
    the field from ``core.models``' factory). Counted with the modules that set names on
    others (:func:`sets_names_on_loaded`)."""
    if "simple_history" not in text or "inherit" not in text:
        return False
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call) and dotted_name(node.func).rpartition(".")[2].endswith("HistoricalRecords")
            and any(
                k.arg == "inherit" and isinstance(k.value, ast.Constant) and k.value.value is True
                for k in node.keywords
            )
        ):
            return True
    return False


# ``"pkg.module.ClassName"``: three parts or more, the last capitalised (a class).
_DOTTED_CLASS = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+\.[A-Z]\w*")
_MAX_DOTTED = 500


# The same, quoted in the text: most files have none, and are not walked.
_QUOTED_DOTTED_CLASS = re.compile(r"""["'][A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+\.[A-Z]\w*["']""")


def dotted_class_paths(tree: ast.Module, text: str) -> tuple[str, ...]:
    """The string constants of the module that are dotted paths to a class, module and
    name (``default_site = "marsha.core.admin_site.MarshaAdminSite"``, a settings entry,
    ``import_string("app.backends.Mail")``): Django, Celery and most plugin settings
    import the class by that name. Docstrings aside; at most :data:`_MAX_DOTTED`."""
    if not _QUOTED_DOTTED_CLASS.search(text):
        return ()
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)
    }
    found: dict[str, None] = {}
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
            and len(node.value) < 200 and _DOTTED_CLASS.fullmatch(node.value)
        ):
            found.setdefault(node.value)
            if len(found) >= _MAX_DOTTED:
                break
    return tuple(found)
