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
import io
import keyword
import re
import tokenize
from typing import Callable, Iterator, Sequence

from ssotlint.extract.nodes import nodes_of
from ssotlint.extract.uses import parameters, type_strings
from ssotlint.extract.nodes import import_time_statements
from ssotlint.extract.summary import ANY_NAME, CTX_FUNCTION, USE_CALL, USE_IMPORT_TIME, ImportRecord

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
    """``sys.modules`` (or ``_sys.modules``: the module imported under another name; or
    ``__import__("sys").modules``)."""
    if (
        isinstance(node, ast.Attribute) and node.attr == "modules" and isinstance(node.value, ast.Call)
        and isinstance(node.value.func, ast.Name) and node.value.func.id == "__import__"
        and len(node.value.args) == 1 and isinstance(node.value.args[0], ast.Constant) and node.value.args[0].value == "sys"
    ):
        return True
    return _is_sys_attribute(node, "modules")


def _is_sys_attribute(node: ast.expr, attribute: str) -> bool:
    """``sys.<attribute>``, the module ``sys`` spelled as any name ending in ``sys``."""
    name = _dotted(node)
    if name is None:
        return False
    head, _, last = name.rpartition(".")
    return last == attribute and head.rpartition(".")[2].endswith("sys")


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


def loader_writes(tree: ast.Module) -> tuple[frozenset[int], frozenset[str]]:
    """The lines of ``sys.modules[name] = ...`` written inside a function whose parameter
    ``name`` is (opencompass' ``import_source_file(fname, modname)``, a loader that puts a
    file it executes into ``sys.modules`` under the name its caller gives), and those
    functions' names. Such a write puts some other module there, the caller's: it neither
    binds names in this module nor replaces it (a call handing it the module's own
    ``__name__`` does, which :func:`own_name_calls` records)."""
    lines: set[int] = set()
    functions: set[str] = set()
    for function in ast.walk(tree):
        if not isinstance(function, _FUNCS):
            continue
        params = {a.arg for a in (*function.args.posonlyargs, *function.args.args, *function.args.kwonlyargs)}
        for node in ast.walk(function):
            if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Subscript) and _is_sys_modules(t.value)
                and isinstance(t.slice, ast.Name) and t.slice.id in params
                for t in node.targets
            ):
                lines.add(node.lineno)
                functions.add(function.name)
    return frozenset(lines), frozenset(functions)


def called_at_import(tree: ast.Module, names: frozenset[str]) -> bool:
    """Whether a statement of the module's own level (outside every function and class
    body) calls one of ``names`` by its bare name."""
    for stmt in import_time_statements(tree.body):
        if isinstance(stmt, (*_FUNCS, ast.ClassDef)):
            continue
        for child in ast.iter_child_nodes(stmt):
            if isinstance(child, ast.stmt):
                continue  # a statement of its block: the generator yields it
            for node in ast.walk(child):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in names:
                    return True
    return False


def module_writers(tree: ast.Module, text: str) -> tuple[str, ...]:
    """The module-level functions that put modules into ``sys.modules``, directly or by
    calling another such function of this module by its name; in source order."""
    if "modules" not in text:
        return ()  # the common case: no function of this file can write sys.modules
    return _doing_or_calling(tree, _writes_modules)


def definer_writers(tree: ast.Module, text: str) -> tuple[str, ...]:
    """The functions and methods, anywhere in the file, that set a computed name on the
    module an object they are given was defined in: ``setattr(sys.modules[cls.__module__],
    name, value)`` (matplotlib's ``_Backend.export``, a class decorator, sets
    ``FigureCanvas``, ``new_figure_manager`` ... on the module of the class it decorates).
    Such a function, applied as a decorator in a module, writes that module's names while
    it is imported; in source order, by their names."""
    if not ("__module__" in text and "setattr" in text) and "f_globals" not in text:
        return ()
    lines = text.split("\n") if "f_globals" in text else []

    def frames(node: ast.AST) -> bool:  # the function's text mentions ``f_globals``
        return bool(lines) and "f_globals" in "\n".join(lines[node.lineno - 1 : node.end_lineno])  # type: ignore[attr-defined]

    return tuple(dict.fromkeys(
        node.name for node in ast.walk(tree) if isinstance(node, _FUNCS) and _fills_definer(node, frames(node))
    ))


def _fills_definer(function: ast.AST, frames: bool = True) -> bool:
    """Whether the function's body calls ``setattr(sys.modules[x.__module__], <not a
    literal>, ...)``, or sets a computed name in its caller's globals (zope.interface's
    ``_use_c_impl``: ``globs = sys._getframe(1).f_globals``, then ``globs[name + 'Py'] =
    py_impl``; applied as a decorator at module level, the caller is the decorated class's
    module): a name set is known only at run time. ``frames``: the function's text
    mentions ``f_globals`` at all."""
    if frames and _fills_caller_globals(function):
        return True
    for node in ast.walk(function):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "setattr"):
            continue
        if len(node.args) != 3 or isinstance(node.args[1], ast.Constant):
            continue
        target = node.args[0]
        if (
            isinstance(target, ast.Subscript)
            and _is_sys_modules(target.value)
            and isinstance(target.slice, ast.Attribute)
            and target.slice.attr == "__module__"
        ):
            return True
    return False


def _caller_globals(node: ast.AST) -> bool:
    """``sys._getframe(1).f_globals`` (any frame above), alone or as an operand of ``or``
    (``globs or sys._getframe(1).f_globals``)."""
    if isinstance(node, ast.BoolOp):
        return any(_caller_globals(value) for value in node.values)
    return (
        isinstance(node, ast.Attribute) and node.attr == "f_globals" and isinstance(node.value, ast.Call)
        and (_dotted(node.value.func) or "").rpartition(".")[2] == "_getframe"
        and bool(node.value.args) and not (isinstance(node.value.args[0], ast.Constant) and node.value.args[0].value == 0)
    )


def _fills_caller_globals(function: ast.AST) -> bool:
    """The function stores a computed key into its caller's globals: subscripts
    ``sys._getframe(1).f_globals`` (or a name bound to it) with a key that is not a literal,
    or calls ``update`` on it."""
    nodes = list(ast.walk(function))
    held = {
        target.id for node in nodes if isinstance(node, ast.Assign) and _caller_globals(node.value)
        for target in node.targets if isinstance(target, ast.Name)
    }

    def frame(value: ast.AST) -> bool:
        return (isinstance(value, ast.Name) and value.id in held) or _caller_globals(value)

    for node in nodes:
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Subscript) and frame(target.value) and not isinstance(target.slice, ast.Constant):
                    return True
        elif (
            isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "update"
            and frame(node.func.value)
        ):
            return True
    return False


def _sets_getattr(function: ast.AST) -> tuple[bool, set[str]]:
    """Whether the function's body installs a ``__getattr__`` on an object (``parent.__getattr__
    = f``, ``setattr(parent, "__getattr__", f)``), and the bare names it calls."""
    sets = False
    called: set[str] = set()
    for node in ast.walk(function):
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            sets = sets or any(t.attr == "__getattr__" for t in _attribute_targets(node))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            called.add(node.func.id)
            name = node.args[1] if node.func.id == "setattr" and len(node.args) == 3 else None
            sets = sets or (isinstance(name, ast.Constant) and name.value == "__getattr__")
    return sets, called


def getattr_installers(tree: ast.Module, text: str) -> tuple[str, ...]:
    """The module-level functions that install a ``__getattr__`` on an object, directly or
    by calling another such function of this module by its name; in source order. Handed a
    module's own ``__name__`` (yt-dlp's ``passthrough_module(__name__, '.extractors')`` sets
    ``sys.modules[name].__getattr__``), such a function makes that module serve names no
    statement of it binds, as a ``def __getattr__`` of its own does."""
    if "__getattr__" not in text:
        return ()
    return _doing_or_calling(tree, _sets_getattr)


def _is_module_entry(node: ast.expr, entries: set[str]) -> bool:
    """``sys.modules[...]`` itself, or a local name the function bound to one (``module =
    sys.modules[module_name]``)."""
    if isinstance(node, ast.Subscript):
        return _is_sys_modules(node.value)
    return isinstance(node, ast.Name) and node.id in entries


def _fills_module(function: ast.AST) -> tuple[bool, set[str]]:
    """Whether the function's body sets names computed at run time on a module it looks up
    in ``sys.modules`` (``setattr(sys.modules[name], key, value)`` with ``key`` not a
    literal, or an ``update`` of its ``__dict__``), and the bare names it calls."""
    entries = {
        t.id
        for node in ast.walk(function) if isinstance(node, ast.Assign) and _is_module_entry(node.value, set())
        for t in node.targets if isinstance(t, ast.Name)
    }
    fills = False
    called: set[str] = set()
    for node in ast.walk(function):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name):
            called.add(func.id)
            if func.id == "setattr" and len(node.args) == 3 and not isinstance(node.args[1], ast.Constant):
                fills = fills or _is_module_entry(node.args[0], entries)
        elif isinstance(func, ast.Attribute) and func.attr == "update":
            owner = func.value
            if isinstance(owner, ast.Attribute) and owner.attr == "__dict__":
                fills = fills or _is_module_entry(owner.value, entries)
            elif isinstance(owner, ast.Call) and isinstance(owner.func, ast.Name) and owner.func.id == "vars" and len(owner.args) == 1:
                fills = fills or _is_module_entry(owner.args[0], entries)
    return fills, called


def module_fillers(tree: ast.Module, text: str) -> tuple[str, ...]:
    """The module-level functions that set names computed at run time on a module they
    look up in ``sys.modules``, directly or by calling another such function of this module
    by its name; in source order. Handed a module's own ``__name__`` (synnefo's settings
    call ``extend_settings(__name__, 'synnefo')``, which reaches ``extend_module``:
    ``module = sys.modules[module_name]``, then ``setattr(module, k, v)`` for each setting
    an installed application declares), such a function makes that module serve names no
    statement of it binds, as a ``def __getattr__`` does."""
    if "modules" not in text or ("setattr" not in text and "update" not in text):
        return ()  # the common case: nothing here sets names on a module it looks up
    return _doing_or_calling(tree, _fills_module)


def getattr_decorated(tree: ast.Module, installers: tuple[str, ...]) -> bool:
    """A module-level ``def`` or ``class`` is decorated by one of the module's own getattr
    installers that finds the module through what it decorates (reads ``__module__``:
    PySyft's ``module_property``, ``module = sys.modules[func.__module__]`` and then
    ``module.__getattr__ = new_getattr``, applied as ``@module_property`` to ``def
    _test_settings()`` in ``syft/__init__.py``): the module serves names no statement binds."""
    if not installers:
        return False
    functions = {s.name: s for s in import_time_statements(tree.body) if isinstance(s, _FUNCS)}
    finding = {
        name for name in installers
        if name in functions
        and any(isinstance(n, ast.Attribute) and n.attr == "__module__" for n in ast.walk(functions[name]))
    }
    if not finding:
        return False
    return any(
        isinstance(d, ast.Name) and d.id in finding
        for s in import_time_statements(tree.body) if isinstance(s, (*_FUNCS, ast.ClassDef))
        for d in s.decorator_list
    )


def _doing_or_calling(tree: ast.Module, judge: Callable[[ast.AST], tuple[bool, set[str]]]) -> tuple[str, ...]:
    """The module-level functions that do what ``judge`` looks for (it answers whether a
    function does it, and the bare names it calls), directly or by calling another such
    function of this module by its name; in source order."""
    functions = [s for s in import_time_statements(tree.body) if isinstance(s, _FUNCS)]
    facts = {f.name: judge(f) for f in functions}
    doing = {name for name, (does, _) in facts.items() if does}
    changed = bool(doing)
    while changed:
        changed = False
        for name, (_, called) in facts.items():
            if name not in doing and called & doing:
                doing.add(name)
                changed = True
    return tuple(dict.fromkeys(f.name for f in functions if f.name in doing))


def _is_meta_path(node: ast.expr) -> bool:
    """``sys.meta_path`` (or ``_sys.meta_path``)."""
    return _is_sys_attribute(node, "meta_path")


def _installs_finder(function: ast.AST) -> tuple[bool, set[str]]:
    """Whether the function's body puts a finder into ``sys.meta_path`` (``append``,
    ``insert``, ``extend``, an assignment), and the bare names it calls."""
    installs = False
    called: set[str] = set()
    for node in ast.walk(function):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name):
                called.add(func.id)
            elif isinstance(func, ast.Attribute) and func.attr in ("append", "insert", "extend"):
                installs = installs or _is_meta_path(func.value)
        elif isinstance(node, (ast.Assign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            installs = installs or any(
                _is_meta_path(t.value if isinstance(t, ast.Subscript) else t) for t in targets
            )
    return installs, called


def hook_installers(tree: ast.Module, text: str) -> tuple[str, ...]:
    """The module-level functions that install an import hook, a finder in
    ``sys.meta_path``, directly or by calling another such function of this module by its
    name; in source order (Cirq's ``_compat.deprecated_submodule``, which makes an old
    submodule name import the new module)."""
    if "meta_path" not in text:
        return ()
    return _doing_or_calling(tree, _installs_finder)


_DOTTED_NAME = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*")


def finder_names(tree: ast.Module, text: str) -> tuple[tuple[str, bool], ...]:
    """The module names a finder of this file answers for, when the file puts an instance
    of it in ``sys.meta_path``: the literals its ``find_spec`` (or ``find_module``) compares
    the name it is asked for with, each with whether it is a prefix (``startswith``).
    calibre's ``DeVendor``, installed by ``sys.meta_path.insert(0, DeVendor())`` in
    ``constants.py``, serves ``calibre.web.feeds.feedparser`` (``fullname == ...``, the
    external ``feedparser``) and every ``calibre.ebooks.markdown*``
    (``fullname.startswith(...)``): legacy names whose files are gone. In source order."""
    if "meta_path" not in text or ("find_spec" not in text and "find_module" not in text):
        return ()
    # Names bound to an instance of a class of the module (``finder = ReposFinder(kind)``,
    # in a loop over kinds), and module-level names bound once to a string (a namespace
    # prefix held in a constant: ``ROOT_PYTHON_NAMESPACE = 'spack.pkg'``).
    instances: dict[str, set[str]] = {}
    constants: dict[str, ast.expr] = {}
    counts: dict[str, int] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            if isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Name):
                instances.setdefault(name, set()).add(node.value.func.id)
    for node in tree.body:
        for target in node.targets if isinstance(node, ast.Assign) else ():
            if isinstance(target, ast.Name):
                counts[target.id] = counts.get(target.id, 0) + 1
                constants[target.id] = node.value  # type: ignore[union-attr]
    constants = {
        name: value for name, value in constants.items()
        if counts[name] == 1 and isinstance(value, ast.Constant) and isinstance(value.value, str)
    }
    installed: set[str] = set()
    for node in ast.walk(tree):
        if not (
            isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("insert", "append")
            and _is_sys_attribute(node.func.value, "meta_path")
        ):
            continue
        for arg in node.args:
            if isinstance(arg, ast.Call) and isinstance(arg.func, ast.Name):
                installed.add(arg.func.id)
            elif isinstance(arg, ast.Name):
                installed.update(instances.get(arg.id, ()))
    found: dict[tuple[str, bool], None] = {}
    for cls in ast.walk(tree):
        if not isinstance(cls, ast.ClassDef) or cls.name not in installed:
            continue
        for method in cls.body:
            if not isinstance(method, _FUNCS) or method.name not in ("find_spec", "find_module"):
                continue
            params = [a.arg for a in (*method.args.posonlyargs, *method.args.args)]
            if len(params) < 2:
                continue
            asked = params[1]  # after self (or cls)
            local = {  # names the method binds once to a value (``root_name = _root_name() + '.dynamic'``)
                **constants,
                **{
                    target.id: node.value
                    for node in ast.walk(method) if isinstance(node, ast.Assign) and len(node.targets) == 1
                    for target in node.targets if isinstance(target, ast.Name)
                },
            }
            for node in ast.walk(method):
                for name, prefix in _compared_names(node, asked, local):
                    if _DOTTED_NAME.fullmatch(name.removeprefix("*.").removesuffix(".") if prefix else name.removeprefix("*.")):
                        found[(name, prefix)] = None
    return tuple(found)


def _compared_names(node: ast.AST, asked: str, local: dict[str, ast.expr] | None = None) -> Iterator[tuple[str, bool]]:
    """The string literals ``node`` compares the name ``asked`` with: ``asked == 'a.b'``
    (either side), ``asked in ('a', 'b')``, and ``asked.startswith('a.b')`` (a prefix)."""
    if isinstance(node, ast.Compare) and len(node.ops) == 1:
        left, right = node.left, node.comparators[0]
        if isinstance(node.ops[0], ast.Eq):
            for one, other in ((left, right), (right, left)):
                if isinstance(one, ast.Name) and one.id == asked and isinstance(other, ast.Constant) and isinstance(other.value, str):
                    yield other.value, False
        elif isinstance(node.ops[0], ast.In) and isinstance(left, ast.Name) and left.id == asked:
            if isinstance(right, (ast.Tuple, ast.List, ast.Set)):
                for item in right.elts:
                    if isinstance(item, ast.Constant) and isinstance(item.value, str):
                        yield item.value, False
    elif (
        isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "startswith"
        and isinstance(node.func.value, ast.Name) and node.func.value.id == asked and len(node.args) == 1
    ):
        arg = node.args[0]
        items = arg.elts if isinstance(arg, ast.Tuple) else [arg]
        for item in items:
            if isinstance(item, ast.Name) and local and item.id in local:
                item = local[item.id]
            if isinstance(item, ast.Constant) and isinstance(item.value, str):
                yield item.value, True
            elif (
                isinstance(item, ast.BinOp) and isinstance(item.op, ast.Add) and isinstance(item.right, ast.Constant)
                and isinstance(item.right.value, str) and item.right.value.startswith(".")
            ):
                # A computed start with a literal end (fun_mc's ``_root_name() + '.dynamic'``,
                # its own package's name): a package of that last name, written ``*.dynamic``.
                yield "*" + item.right.value, True


def _mentions_own_name(call: ast.Call) -> bool:
    """An argument of the call reads ``__name__`` (``old_parent=__name__``,
    ``f"{__name__}.module_a"``)."""
    return any(
        isinstance(node, ast.Name) and node.id == "__name__"
        for arg in (*call.args, *(k.value for k in call.keywords))
        for node in ast.walk(arg)
    )


def own_name_calls(tree: ast.Module, text: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The module-level calls of a named function whose arguments read the module's own
    ``__name__`` anywhere and spell identifiers as strings: the callee as written and
    those identifiers (``_compat.deprecated_submodule(new_module_name=f"{__name__}.new",
    old_parent=__name__, old_child="old")`` spells ``old``). A first-party import hook so
    called registers submodules of the package under those names (see
    ``Project.hook_served``)."""
    if "__name__" not in text:
        return ()
    return tuple((callee, spelled) for callee, spelled in _module_calls(tree, _mentions_own_name) if spelled)


def handing_calls(tree: ast.Module, text: str) -> tuple[str, ...]:
    """The callees, as written, of the module-level statements that are only a call handing
    the module its own name and dropping what it returns (``tvm_ffi.init_ffi_api("testing",
    __name__)``, which registers the functions a C++ library exports as names of the
    module): a call made for what it does to the module. An assignment of the result
    (``logger = logging.getLogger(__name__)``) is not one. In source order."""
    if "__name__" not in text:
        return ()
    return tuple(dict.fromkeys(callee for callee, _ in _module_calls(tree, _passes_own_name, statements=(ast.Expr,))))


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
    return tuple(_module_calls(tree, _passes_own_name))


def _module_calls(
    tree: ast.Module, accepts: Callable[[ast.Call], bool],
    statements: tuple[type[ast.stmt], ...] = (ast.Expr, ast.Assign, ast.AnnAssign),
) -> Iterator[tuple[str, tuple[str, ...]]]:
    """The module-level calls of a named function that ``accepts`` takes (a statement of
    ``statements`` that is the call, or assigns its result): the callee as written and the
    identifiers the call spells as strings."""
    for stmt in import_time_statements(tree.body):
        value = stmt.value if isinstance(stmt, statements) else None
        if not isinstance(value, ast.Call) or not accepts(value):
            continue
        callee = _dotted(value.func)
        if callee is not None:
            yield callee, _spelled_names(value)


def _attribute_targets(stmt: ast.AST) -> Iterator[ast.Attribute]:
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


def _owner(node: ast.expr) -> str | None:
    """The object an attribute is set on, as written: ``base``, ``pl.plugins``, or through
    ``getattr``: ``pl.plugins.fsdp`` for ``getattr(pl.plugins, "fsdp")``, ``pl.plugins.*``
    (any attribute of it) for ``getattr(pl.plugins, name)``."""
    if (
        isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "getattr"
        and len(node.args) >= 2
    ):
        inner = _owner(node.args[0])
        if inner is None or inner.endswith(".*"):
            return None
        name = node.args[1]
        literal = isinstance(name, ast.Constant) and isinstance(name.value, str) and name.value.isidentifier()
        return f"{inner}.{name.value}" if literal else f"{inner}.{ANY_NAME}"  # type: ignore[union-attr]
    return _dotted(node)


def _imported_here(node: ast.expr) -> str | None:
    """The module a call imports and returns, as ``@`` and its absolute name:
    ``__import__("nuitka")`` (nuitka's ``__main__`` sets a function on its package so),
    ``importlib.import_module("pkg.mod")``. ``__import__("a.b")`` returns ``a``."""
    if not isinstance(node, ast.Call) or len(node.args) != 1 or node.keywords:
        return None
    name = node.args[0]
    if not isinstance(name, ast.Constant) or not isinstance(name.value, str) or name.value.startswith("."):
        return None
    if not all(part.isidentifier() for part in name.value.split(".")):
        return None
    func = _dotted(node.func)
    if func == "__import__":
        return "@" + name.value.partition(".")[0]
    if func in ("importlib.import_module", "import_module"):
        return "@" + name.value
    return None


def _import_time_nodes(tree: ast.Module) -> Iterator[ast.AST]:
    """What runs when the module is imported: its module-level statements (through ``if``,
    ``try``, ``with`` and loops), and every node of the module-level functions they call by
    name (``_patch_classes()`` at the bottom of lightning's ``_graveyard/precision.py``),
    and of the functions those call by name in turn."""
    statements = list(import_time_statements(tree.body))
    functions = {s.name: s for s in statements if isinstance(s, _FUNCS)}
    called: list[str] = []
    for stmt in statements:
        if isinstance(stmt, (*_FUNCS, ast.ClassDef)):
            continue
        yield stmt
        if functions:
            called.extend(_called_names(stmt, functions))
    seen: set[str] = set()
    while called:
        name = called.pop()
        if name in seen:
            continue
        seen.add(name)
        function = functions[name]
        yield from ast.walk(function)
        called.extend(_called_names(function, functions))


def _called_names(node: ast.AST, functions: dict[str, ast.AST]) -> Iterator[str]:
    for inner in ast.walk(node):
        if isinstance(inner, ast.Call) and isinstance(inner.func, ast.Name) and inner.func.id in functions:
            yield inner.func.id


def attribute_writes(tree: ast.Module, text: str) -> tuple[tuple[str, str], ...]:
    """The attributes import-time code sets on a named object: ``base.dialect = d``
    (sqlalchemy's dialect packages give their ``base`` module its ``dialect`` so) or
    ``setattr(base, "dialect", d)``, at module level or in a module-level function the module
    calls (lightning's deprecation graveyard), as ``(dotted object, attribute)`` in source
    order; :data:`ANY_NAME` for a ``setattr`` whose name is computed, and an object
    ending in ``.*`` for ``getattr(obj, name)``: any attribute of ``obj``. The model keeps
    those whose object is a first-party module (``Project.planted``): the name exists there
    once the writer has run."""
    if "." not in text and "setattr" not in text:
        return ()
    found: dict[tuple[str, str], None] = {}
    for node in _import_time_nodes(tree):
        for target in _attribute_targets(node):
            owner = _dotted(target.value) or _imported_here(target.value)
            if owner is not None:
                found[(owner, target.attr)] = None
        call = node.value if isinstance(node, ast.Expr) else None
        if (
            isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "setattr"
            and len(call.args) == 3
        ):
            owner = _owner(call.args[0])
            name = call.args[1]
            if owner is None:
                continue
            if isinstance(name, ast.Constant) and isinstance(name.value, str):
                if name.value.isidentifier():
                    found[(owner, name.value)] = None
            else:
                found[(owner, ANY_NAME)] = None
    return tuple(found)


def argument_fills(tree: ast.Module, text: str) -> tuple[str, ...]:
    """The objects, as dotted names, that a call of this module hands to a module-level
    function of its own that sets computed names on that argument (``setattr(param, name,
    value)`` with ``name`` not a literal), directly or through another such function it
    calls with that parameter: ganga's ``exportToGPI(name, obj)`` calls
    ``exportToInterface(GangaCore.GPI, name, obj)``, which calls ``_addToInterface(interface,
    name, obj)``, which does ``setattr(interface, name, addProxy(obj))``: ``GangaCore.GPI``
    serves every name exported so. In source order; the model keeps first-party modules."""
    if "setattr" not in text:
        return ()
    functions = {s.name: s for s in import_time_statements(tree.body) if isinstance(s, _FUNCS)}
    params = {name: [a.arg for a in (*f.args.posonlyargs, *f.args.args)] for name, f in functions.items()}
    # Each function's calls of a bare name, found once.
    calls = {
        name: [n for n in ast.walk(f) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)]
        for name, f in functions.items()
    }

    def own_parameter(name: str, arg: ast.expr) -> int | None:
        return params[name].index(arg.id) if isinstance(arg, ast.Name) and arg.id in params[name] else None

    filling: dict[str, set[int]] = {}  # function -> the positions of the parameters it fills
    for name in functions:
        for call in calls[name]:
            if call.func.id == "setattr" and len(call.args) == 3 and not isinstance(call.args[1], ast.Constant):  # type: ignore[attr-defined]
                position = own_parameter(name, call.args[0])
                if position is not None:
                    filling.setdefault(name, set()).add(position)
    changed = bool(filling)
    while changed:  # a function handing its own parameter on to one that fills it
        changed = False
        for name in functions:
            for call in calls[name]:
                for i in filling.get(call.func.id, ()):  # type: ignore[attr-defined]
                    position = own_parameter(name, call.args[i]) if i < len(call.args) else None
                    if position is not None and position not in filling.setdefault(name, set()):
                        filling[name].add(position)
                        changed = True
    found: dict[str, None] = {}
    for node in ast.walk(tree) if filling else ():
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in filling:
            for i in sorted(filling[node.func.id]):
                owner = _dotted(node.args[i]) if i < len(node.args) else None
                if owner is not None and "." in owner:
                    found[owner] = None
    return tuple(found)


def attribute_sets(tree: ast.Module, text: str) -> tuple[tuple[str, str], ...]:
    """The attributes the code sets, anywhere and whenever it runs (module level or a
    function body), on an object whose dotted name starts with a name the module's imports
    bind at module level: ``hv.archive = notebook_archive`` in a method after ``import
    holoviews as hv``, ``setattr(hv, "archive", a)``; as ``(dotted object, attribute)`` in
    source order. Not augmented assignments (``pkg.items += [x]`` mostly changes the object
    in place) nor a ``setattr`` with a computed name. The model keeps those whose object is
    a first-party module (``Project.rebound``): that module's attribute is rebound while the
    program runs, so code reading it off the module object may get another object than the
    one the module's own import binds."""
    if "=" not in text and "setattr" not in text:
        return ()
    bound = {name for names in _module_level_imports(tree) for name in names}
    bound.discard("*")
    if not bound:
        return ()
    found: dict[tuple[str, str], None] = {}
    for node in nodes_of(tree):
        for target in _attribute_targets(node):
            owner = _dotted(target.value)
            if owner is not None and owner.partition(".")[0] in bound:
                found[(owner, target.attr)] = None
        if (
            isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "setattr"
            and len(node.args) == 3 and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str) and node.args[1].value.isidentifier()
        ):
            owner = _dotted(node.args[0])
            if owner is not None and owner.partition(".")[0] in bound:
                found[(owner, node.args[1].value)] = None
    return tuple(found)


def _module_level_imports(tree: ast.Module) -> Iterator[set[str]]:
    """The names each module-level import binds (also under ``if``/``try``/``with``)."""
    for stmt in import_time_statements(tree.body):
        if isinstance(stmt, ast.Import):
            yield {a.asname or a.name.partition(".")[0] for a in stmt.names}
        elif isinstance(stmt, ast.ImportFrom):
            yield {a.asname or a.name for a in stmt.names}


def replaced_by_other(tree: ast.Module, text: str) -> bool:
    """The module puts something in its own place in ``sys.modules`` (``sys.modules[
    __name__] = value``) that it does not build itself by a call: an imported package, whose
    submodules are then that package's. A value built by a call here, directly or through a
    module-level name bound to one (deepchecks' ``__substitute_module__ =
    _SubstituteModule(__name__)``), is the module's own stand-in."""
    if "__name__" not in text or ".modules[" not in text:
        return False
    built: set[str] = set()
    for stmt in tree.body:
        if isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Call):
            built.update(t.id for t in stmt.targets if isinstance(t, ast.Name))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Assign):
            continue
        for target in node.targets:
            if (
                isinstance(target, ast.Subscript) and _is_sys_modules(target.value)
                and isinstance(target.slice, ast.Name) and target.slice.id == "__name__"
            ):
                value = node.value
                if not (isinstance(value, ast.Call) or (isinstance(value, ast.Name) and value.id in built)):
                    return True
    return False


def planted_modules(tree: ast.Module, text: str) -> tuple[str, ...]:
    """The modules import-time code (as :func:`attribute_writes` reads it) puts into
    ``sys.modules`` under a literal name (``sys.modules["pkg.old_name"] = module``, a renamed
    module kept importable), in source order; or under the module's own name and a literal
    rest (``sys.modules[__spec__.name + ".config"] = config``: cupy's ``cupy.fft`` keeping
    ``import cupy.fft.config`` working), written as that rest with a leading dot
    (``.config``), which the model reads below the module."""
    if "modules" not in text:
        return ()
    found: dict[str, None] = {}
    for node in _import_time_nodes(tree):
        if not isinstance(node, ast.Assign):
            continue
        for target in node.targets:
            if not (isinstance(target, ast.Subscript) and _is_sys_modules(target.value)):
                continue
            key = target.slice.value if isinstance(target.slice, ast.Constant) and isinstance(target.slice.value, str) else _below_own_name(target.slice)
            if key and all(part.isidentifier() for part in key.removeprefix(".").split(".")):
                found[key] = None
    return tuple(found)


def _below_own_name(key: ast.expr) -> str | None:
    """``.rest`` for a key spelled as the module's own name and a literal rest:
    ``__name__ + ".config"``, ``__spec__.name + ".config"``, ``f"{__name__}.config"``."""
    own = lambda e: (isinstance(e, ast.Name) and e.id == "__name__") or _dotted(e) == "__spec__.name"  # noqa: E731
    if isinstance(key, ast.BinOp) and isinstance(key.op, ast.Add) and own(key.left):
        rest = key.right
        if isinstance(rest, ast.Constant) and isinstance(rest.value, str) and rest.value.startswith(".") and len(rest.value) > 1:
            return rest.value
    if isinstance(key, ast.JoinedStr) and len(key.values) == 2:
        first, rest = key.values
        if isinstance(first, ast.FormattedValue) and own(first.value) and first.conversion == -1 and first.format_spec is None:
            if isinstance(rest, ast.Constant) and isinstance(rest.value, str) and rest.value.startswith(".") and len(rest.value) > 1:
                return rest.value
    return None


def _writes_in(nodes: Iterator[ast.AST]) -> Iterator[tuple[str, str]]:
    """``(dotted object, attribute)`` for each attribute the nodes set (as
    :func:`attribute_writes`), and ``("", module)`` for each module they put into
    ``sys.modules`` under a literal name."""
    for node in nodes:
        for target in _attribute_targets(node):
            owner = _dotted(target.value)
            if owner is not None:
                yield owner, target.attr
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "setattr" and len(node.args) == 3:
            owner, name = _owner(node.args[0]), node.args[1]
            if owner is not None and isinstance(name, ast.Constant) and isinstance(name.value, str):
                yield owner, name.value
            elif owner is not None:
                yield owner, ANY_NAME
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if (
                    isinstance(target, ast.Subscript) and _is_sys_modules(target.value)
                    and isinstance(target.slice, ast.Constant) and isinstance(target.slice.value, str)
                ):
                    yield "", target.slice.value


def _is_context_manager(function: ast.AST) -> bool:
    return any(
        (_dotted(d.func if isinstance(d, ast.Call) else d) or "").rpartition(".")[2] in ("contextmanager", "asynccontextmanager")
        for d in getattr(function, "decorator_list", ())
    )


def entered_writes(tree: ast.Module, text: str) -> tuple[tuple[str, str, str], ...]:
    """What entering a context manager of the module sets on other objects: for each
    module-level class with ``__enter__`` (or ``__aenter__``) and each module-level
    ``@contextmanager`` function, ``(its name, dotted object, attribute)`` as
    :func:`_writes_in` gives them (lightning's ``pl_legacy_patch`` sets the removed
    ``_FaultTolerantMode`` on ``pl.utilities.enums`` for the ``with`` block)."""
    if "__enter__" not in text and "__aenter__" not in text and "contextmanager" not in text:
        return ()
    found: dict[tuple[str, str, str], None] = {}
    for stmt in import_time_statements(tree.body):
        if isinstance(stmt, ast.ClassDef):
            for method in stmt.body:
                if isinstance(method, _FUNCS) and method.name in ("__enter__", "__aenter__"):
                    found.update(((stmt.name, owner, attr), None) for owner, attr in _writes_in(ast.walk(method)))
        elif isinstance(stmt, _FUNCS) and _is_context_manager(stmt):
            found.update(((stmt.name, owner, attr), None) for owner, attr in _writes_in(ast.walk(stmt)))
    return tuple(found)


def with_callees(tree: ast.Module, text: str) -> tuple[tuple[int, tuple[str, ...]], ...]:
    """For each import statement inside ``with`` blocks, by line: the callables the
    enclosing ``with`` items call (``pl_legacy_patch`` for ``with pl_legacy_patch():``),
    innermost last."""
    if "with" not in text:
        return ()
    found: dict[int, list[str]] = {}
    for node in nodes_of(tree):
        if not isinstance(node, (ast.With, ast.AsyncWith)):
            continue
        callees = [
            d for d in (_dotted(i.context_expr.func) for i in node.items if isinstance(i.context_expr, ast.Call))
            if d is not None
        ]
        if not callees:
            continue
        for stmt in node.body:
            for inner in ast.walk(stmt):
                if isinstance(inner, (ast.Import, ast.ImportFrom)):
                    found.setdefault(inner.lineno, []).extend(callees)
    return tuple((line, tuple(dict.fromkeys(callees))) for line, callees in sorted(found.items()))


_PUBLIC_MODULES = ("public", "atpublic")


def public_bindings(tree: ast.Module, text: str) -> tuple[str, ...]:
    """The names module-level calls of atpublic's ``public`` bind by keyword:
    ``public(now=factory.now)`` sets ``now`` in the calling module's globals (and its
    ``__all__``), as the library documents. ``public`` as imported from ``public`` or
    ``atpublic`` (``from public import public``, ``import public`` then ``public.public``)."""
    if "public" not in text:
        return ()
    statements = list(import_time_statements(tree.body))
    callees: set[str] = set()
    for stmt in statements:
        if isinstance(stmt, ast.ImportFrom) and not stmt.level and stmt.module in _PUBLIC_MODULES:
            callees.update(a.asname or a.name for a in stmt.names if a.name == "public")
        elif isinstance(stmt, ast.Import):
            callees.update(f"{a.asname or a.name}.public" for a in stmt.names if a.name in _PUBLIC_MODULES)
    if not callees:
        return ()
    found: dict[str, None] = {}
    for stmt in statements:
        value = stmt.value if isinstance(stmt, (ast.Expr, ast.Assign)) else None
        if isinstance(value, ast.Call) and _dotted(value.func) in callees:
            found.update((k.arg, None) for k in value.keywords if k.arg is not None)
    return tuple(found)


def dotted_reads(tree: ast.Module, records: Sequence[ImportRecord]) -> tuple[tuple[str, int], ...]:
    """The dotted paths of two parts or more that the code reads off a name a module-level
    import binds (``app.events.on_insert`` after ``import app``, ``scapy.layers.inet6.IPv6``
    after ``import scapy.all``), each as spelt in full and with where it is read:
    ``USE_CALL`` when only in function bodies (and lambdas), else ``USE_IMPORT_TIME``;
    sorted. Not the targets of assignments. A module the code reaches so, through another
    import's name, is read though no import of it binds a name that is (see SSOT002's
    registration imports). From CPython's tree, so comments and strings do not count."""
    bound: set[str] = set()
    for rec in records:
        if rec.context & CTX_FUNCTION:
            continue
        if rec.is_from:  # a module is spelt in lower case; a CapWords name is a class
            bound.update(asname or name for name, asname in rec.names if name != "*" and not name[:1].isupper())
        else:
            bound.add(rec.asname or rec.module.partition(".")[0])
    if not bound:
        return ()
    # Every read of such a path, outermost only (``a.b.c`` is read, not ``a.b`` within it).
    paths: dict[int, str] = {}
    inner: set[int] = set()
    for node in nodes_of(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Load):
            path = _dotted(node)
            if path is not None and path.partition(".")[0] in bound:
                paths[id(node)] = path
                inner.add(id(node.value))
    if not paths:
        return ()
    # Which of them run when the module is imported: a walk of what runs then, which does
    # not enter function bodies (most of a module's code).
    now: set[str] = set()
    stack: list[ast.AST] = list(tree.body)
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Attribute):
            path = paths.get(id(node))
            if path is not None:
                now.add(path)
                continue
            stack.append(node.value)
            continue
        if isinstance(node, (*_FUNCS, ast.Lambda)):
            stack.extend(_evaluated_now(node))
            continue
        stack.extend(ast.iter_child_nodes(node))
    found = {path: USE_IMPORT_TIME if path in now else USE_CALL for key, path in paths.items() if key not in inner}
    return tuple(sorted(found.items()))


def _evaluated_now(node: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) -> Iterator[ast.AST]:
    """What runs when a ``def`` or ``lambda`` does: its decorators, defaults and (not
    postponed) annotations; not its body."""
    if not isinstance(node, ast.Lambda):
        yield from node.decorator_list
        if node.returns is not None:
            yield node.returns
    args = node.args
    yield from args.defaults
    yield from (d for d in args.kw_defaults if d is not None)
    yield from (arg.annotation for arg in parameters(args) if arg.annotation is not None)


def _prose(tree: ast.Module | None, text: str, needles: Sequence[str] = ()) -> str:
    """``text`` without its prose: the lines of string statements (docstrings, whose
    examples spell ``pm.sample()`` or ``:const:`zmq.COPY_THRESHOLD```) and comments,
    blanked. Prose names what the code does not read; a string the code uses (a string
    annotation, ``'pkg.task.Task'``) stays. Import statements go too: ``from
    paramiko.auth_handler import AuthHandler`` names a submodule it imports, and reads
    nothing off the package. The text as it is when it does not tokenize. Comments are
    found by the tokenizer (a ``#`` in a string is none), which costs about two parses of
    the file: with ``needles`` given, only when one of them follows a ``#`` on some line,
    the only way a comment can hold one."""
    lines = text.split("\n")
    blank: set[int] = set()
    nodes = nodes_of(tree) if tree is not None else []
    for node in nodes:
        if not (
            isinstance(node, (ast.Import, ast.ImportFrom))
            or (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str))
        ):
            continue
        first, last = node.lineno - 1, (node.end_lineno or node.lineno) - 1
        if last >= len(lines) or node.end_col_offset is None:
            continue
        # Only a statement alone on its lines (not ``x = 1; "doc"``): those lines go whole.
        before = lines[first].encode()[: node.col_offset].strip()
        after = lines[last].encode()[node.end_col_offset :].strip()
        if not before and (not after or after.startswith(b"#")):
            blank.update(range(first, last + 1))
    commented = not needles or any(
        any(needle in line[line.index("#") :] for needle in needles) for line in lines if "#" in line
    )
    try:
        comments = [
            (tok.start[0] - 1, tok.start[1])
            for tok in tokenize.generate_tokens(io.StringIO(text).readline)
            if tok.type == tokenize.COMMENT
        ] if commented else []
    except (tokenize.TokenError, SyntaxError, IndentationError):
        comments = []
    for row, col in comments:
        if row < len(lines):
            lines[row] = lines[row][:col]
    _blank_values(nodes, lines, needles)  # last: it changes where a line's characters lie
    return "\n".join("" if i in blank else line for i, line in enumerate(lines))


def _blank_values(nodes: Sequence[ast.AST], lines: list[str], needles: Sequence[str] = ()) -> None:
    """Blank, in ``lines``, each one-line string constant that is a value, not a type (see
    ``type_strings``): ``self.log_name = "paramiko.transport"`` names a logger, and reads
    nothing off the package ``paramiko``. The parts of an f-string stay (their positions
    are the whole f-string's before Python 3.12), and so do strings spanning lines. With
    ``needles`` (``pkg.``), only strings that spell one are looked at."""
    strings = [
        node for node in nodes
        if type(node) is ast.Constant and isinstance(node.value, str) and "." in node.value  # type: ignore[attr-defined]
        and node.lineno == node.end_lineno  # type: ignore[attr-defined]
        and (not needles or any(needle in node.value for needle in needles))  # type: ignore[attr-defined]
    ]
    if not strings:
        return
    parts = {id(v) for node in nodes if type(node) is ast.JoinedStr for v in node.values}  # type: ignore[attr-defined]
    types = type_strings(nodes)
    for node in strings:
        if id(node) in parts or id(node) in types or node.end_col_offset is None:  # type: ignore[attr-defined]
            continue
        row = node.lineno - 1  # type: ignore[attr-defined]
        if row >= len(lines):
            continue
        raw = lines[row].encode()
        start, end = node.col_offset, node.end_col_offset  # type: ignore[attr-defined]
        lines[row] = (raw[:start] + b" " * (end - start) + raw[end:]).decode(errors="replace")


def attribute_reads(
    text: str, records: Sequence[ImportRecord], tree: ast.Module | None = None,
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """For each name a module-level import binds to a module object or a name (``import
    pkg``, ``import pkg.sub as s``, ``from pkg import sub``), the attributes the text reads
    off it (``s.read_csv`` gives ``read_csv``), sorted: what a file uses of a module it
    holds, for advice to import those names from where they are defined. ``import pkg.sub``
    binds ``pkg``; what the text reads off the whole dotted path is listed under
    ``pkg.sub`` (``pkg.sub.Config`` gives ``Config``). Read from the text (a name followed
    by a dot and an identifier), so it errs towards more: a string the code reads counts
    too (a string annotation). Not prose (with ``tree``: see :func:`_prose`): a name a
    docstring or a comment spells is no read, and advice that says the module reads it
    off the package would be wrong."""
    bound: dict[str, None] = {}
    for rec in records:
        if rec.context & CTX_FUNCTION:
            continue
        if rec.is_from:  # a module is spelt in lower case; a CapWords name is a class
            bound.update((asname or name, None) for name, asname in rec.names if name != "*" and not name[:1].isupper())
        else:
            bound[rec.asname or rec.module] = None
    needles = [name + "." for name in bound if name + "." in text]
    if not needles:
        return ()
    text = _prose(tree, text, needles)
    found: dict[str, set[str]] = {}
    for names in ([n for n in bound if "." not in n], [n for n in bound if "." in n]):
        wanted = [name for name in names if name + "." in text]
        if not wanted:
            continue
        # The longest first: ``pkg.sub.x`` is read off ``pkg.sub``, not off ``pkg.s``.
        alternatives = "|".join(re.escape(name) for name in sorted(wanted, key=len, reverse=True))
        for match in re.finditer(r"\b(" + alternatives + r")\.([^\W\d]\w*)", text):
            if not match.start() or text[match.start() - 1] != ".":  # `x.dd.y` is not `dd`'s
                found.setdefault(match.group(1), set()).add(match.group(2))
    return tuple((name, tuple(sorted(found[name]))) for name in bound if name in found)


def deep_class_reads(attribute_reads: Sequence[tuple[str, tuple[str, ...]]], text: str) -> tuple[str, ...]:
    """The dotted paths of two attributes or more that the text reads off a name a
    module-level import binds, ending in a CapWords name (``nknn.blocks.DeepSetMLP`` after
    ``import netket.nn as nknn``), sorted: a class the file reaches through packages that
    re-export it, as :func:`attribute_reads` lists only the first attribute. Read from the
    text, as that is."""
    deep = [name for name, attributes in attribute_reads if attributes]
    if not deep:
        return ()
    alternatives = "|".join(re.escape(name) for name in sorted(deep, key=len, reverse=True))
    found: set[str] = set()
    for match in re.finditer(r"\b(?:" + alternatives + r")(?:\.[^\W\d]\w*){2,4}", text):
        path = match.group(0)
        if (not match.start() or text[match.start() - 1] != ".") and path.rpartition(".")[2][:1].isupper():
            found.add(path)
    return tuple(sorted(found))


def class_attribute_reads(text: str, records: Sequence[ImportRecord]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """For each CapWords name a from-import binds (a class, as spelt), the attributes the
    text reads off it (``Node.objects``, ``Node.DoesNotExist``), sorted; an attribute whose
    ``value`` or ``name`` the text reads, as an enum member's, comes once more with that
    read (``BEGINNER`` and ``BEGINNER.value`` for ``Level.BEGINNER.value``). Read from the text,
    so it errs towards more (a docstring's ``Node.DoesNotExist`` counts): what it is for,
    telling a namesake that lacks them from the class the file meant, then gives less
    advice, never wrong advice."""
    bound = {
        asname or name for rec in records if rec.is_from
        for name, asname in rec.names if name != "*" and name[:1].isupper()
    }
    if not bound:
        return ()
    found: dict[str, set[str]] = {}
    for name, attribute, member in _CAPITAL_READ.findall(text):  # one pass over the text
        if name in bound:
            found.setdefault(name, set()).add(attribute)
            if member:  # ``Level.BEGINNER.value``: read as an enum's member is
                found[name].add(attribute + member)
    return tuple((name, tuple(sorted(found[name]))) for name in sorted(found))


# ``Name.attribute`` for a CapWords name not itself read off something (``a.Name.x``),
# and the ``.value`` or ``.name`` read off that attribute (not called, not read further).
_CAPITAL_READ = re.compile(r"(?<![\w.])([A-Z]\w*)\.([^\W\d]\w*)(\.(?:value|name)(?![\w.(]))?")


def local_module_reads(text: str, records: Sequence[ImportRecord]) -> tuple[str, ...]:
    """The names from-imports inside functions bind (lower case, as a module is spelt)
    that the text reads an attribute off (``lex.lexer`` after ``from . import lex``), as
    off a module, sorted. Read from the text, so it errs towards more."""
    bound = {
        asname or name for rec in records if rec.is_from and rec.context & CTX_FUNCTION
        for name, asname in rec.names if name != "*" and name[:1].islower()
    }
    return tuple(sorted(n for n in bound if n + "." in text and re.search(r"(?<![\w.])" + re.escape(n) + r"\.[^\W\d]", text)))


# A module's dotted name spelled as a string (``"plone.base.batch"``), or one of its names
# after a colon (``"plone.base.batch:Batch"``, as ``zope.deferredimport`` spells them).
_DOTTED_MODULE = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+(?::[A-Za-z_]\w*)?")


def forwards_to_module(tree: ast.Module) -> bool:
    """The module binds nothing of its own and hands another module's dotted name to a call
    at its top level: a shim that serves that module's names in its place
    (``zope.deprecation.moved("plone.base.batch", "Version 7.0")`` makes the module a
    proxy of ``plone.base.batch``; ``zope.deferredimport.deprecated(..., Batch=
    "plone.base.batch:Batch")`` binds ``Batch`` at first use). Which names it serves is
    known only at run time. A module that defines a class, a function or a variable (other
    than a dunder such as ``__all__``) is no such shim, whatever its calls spell."""
    forwards = False
    for index, stmt in enumerate(tree.body):
        if isinstance(stmt, (ast.Import, ast.ImportFrom, ast.Pass)):
            continue
        if isinstance(stmt, ast.Expr):
            value = stmt.value
            if index == 0 and isinstance(value, ast.Constant) and isinstance(value.value, str):
                continue  # the docstring
            if isinstance(value, ast.Call) and _dotted(value.func) is not None:
                forwards = forwards or _spells_module(value)
                continue
            return False
        if isinstance(stmt, ast.Assign) and all(
            isinstance(t, ast.Name) and t.id.startswith("__") and t.id.endswith("__") for t in stmt.targets
        ):
            continue
        return False
    return forwards


def _spells_module(call: ast.Call) -> bool:
    """An argument of the call (positional or keyword, not nested) is a dotted module name."""
    for arg in (*call.args, *(k.value for k in call.keywords)):
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and _DOTTED_MODULE.fullmatch(arg.value):
            return True
    return False


def computed_sets(tree: ast.Module, text: str) -> tuple[str, ...]:
    """The objects, by a dotted name that starts with a name the module's imports bind at
    module level, on which the code calls ``setattr`` with a computed name, anywhere and
    whenever it runs (cinder's ``CinderObjectRegistry.registration_hook`` does
    ``setattr(objects, cls.obj_name(), cls)`` after ``from cinder import objects``: every
    registered class becomes a name of ``cinder.objects``). The model keeps those that are
    first-party modules (``Project.filled_by_setattr``): such a module serves names no
    statement of it binds."""
    if "setattr" not in text:
        return ()
    bound = {name for names in _module_level_imports(tree) for name in names}
    bound.discard("*")
    if not bound:
        return ()
    found: dict[str, None] = {}
    for node in nodes_of(tree):
        if (
            isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "setattr"
            and len(node.args) == 3 and not isinstance(node.args[1], ast.Constant)
        ):
            owner = _dotted(node.args[0])
            if owner is not None and owner.partition(".")[0] in bound:
                found[owner] = None
    return tuple(found)
