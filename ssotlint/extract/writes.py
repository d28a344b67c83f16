"""Facts SSOT003 reads (see rules/SSOT003.md): two about what a module's code does that
decide whether one of its imports, or an import of a module it writes, can fail, and the
parameters of its functions (:func:`function_signatures`), which tell namesakes apart:

- :func:`written_files`: the ``.py`` files it writes by a literal path (a code generator's
  ``open(CODE_DIR / "async_client_base.py", "w")``): a module the project writes itself,
  which the next step of the generator imports, is absent from a clone without being
  missing;
- :func:`dead_imports`: the lines of imports in a branch that a module-level constant makes
  dead (``_IS_SYNC = True`` and ``if _IS_SYNC: ... else: from .x import y`` in a module an
  unasync step writes from its async twin): they never run;
- :func:`unasync_rules`: the folders an ``unasync.Rule`` writes one from the other (SSOT001
  and SSOT006: a written file's classes are its source's, rewritten).

Computed from the interpreter's tree, for both engines alike (as :mod:`ssotlint.extract.dynamic`).
"""

from __future__ import annotations

import ast
import re
from typing import Collection, Iterator

from ssotlint.astnames import dotted_name
from ssotlint.extract.builder import last_part
from ssotlint.extract.nodes import nodes_of, parameter_list

# Modules whose ``open`` is the builtin's, called as ``io.open(path, mode)``.
_OPEN_MODULES = frozenset({"io", "codecs", "builtins"})
_WRITE_MODES = frozenset("wax")
# A function named for reading: ``read_file``, ``readfile``, ``_read``, ``load_or_read`` (not ``thread``).
_READER = re.compile(r"(?:.*_)?_?read(?:_|[a-z]*$)", re.IGNORECASE)
# A call that takes a file of the project as data to ship or locate, path first:
# PerfKitBenchmarker's ``vm.PushDataFile(name)`` and ``data.ResourcePath(name)``,
# ``upload_file(path)``, ``copy_data_file(path)``.
_SHIPPER = re.compile(r"(?:push|upload|ship|send|copy|put)_?(?:data_?)?file|resource_?path", re.IGNORECASE)
# A format template's fields (``{benchmark}``), which a pattern of file names reads as ``*``.
_FIELD = re.compile(r"\{[^{}]*\}")


def written_files(tree: ast.Module, text: str) -> tuple[str, ...]:
    """The paths, as their literals spell them (``async_client_base.py``,
    ``pkg/version.py`` from ``os.path.join(here, "pkg", "version.py")``), of the ``.py``
    files the code opens for writing: ``open(p, "w")`` (also ``"a"``, ``"x"``, ``"w+"``,
    ``io.open``), ``p.open("w")``, ``p.write_text(...)``, ``p.write_bytes(...)``, where
    ``p`` ends in literal parts (a ``/`` of paths, ``os.path.join``, ``Path(...)``, an
    f-string's literal tail), or is a name assigned once such a path. A path whose last
    part is computed says nothing."""
    if ".py" not in text:
        return ()  # no literal names a Python file: most modules, spared two walks
    assigned = _single_assignments(tree)
    found: list[str] = []
    for node in nodes_of(tree):
        if isinstance(node, ast.Call):
            target = _write_target(node)
            if target is not None:
                path = _literal_path(target, assigned)
                if path is not None and path.endswith(".py"):
                    found.append(path)
    return tuple(dict.fromkeys(found))


def written_under(tree: ast.Module, text: str) -> tuple[str, ...]:
    """When the code writes a ``.py`` file whose name is literal but whose folder is
    computed (a generator writing one module per service: ``Path(base_path, service) /
    "__init__.py"``), the folder paths its string literals spell (``"./pkg/aws/api"``, a
    command-line option's default): where the folders it computes may lie. A literal path
    holds a ``/``, no space and no scheme (``://``), and does not name a ``.py`` file.
    Empty for any other module."""
    if ".py" not in text:
        return ()
    assigned = _single_assignments(tree)
    computed = False
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            target = _write_target(node)
            if target is not None:
                parts = list(_parts(target, assigned, 0))
                if parts and isinstance(parts[-1], str) and parts[-1].endswith(".py") and None in parts:
                    computed = True
                    break
    if not computed:
        return ()
    found = [
        node.value for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and _FOLDER_LITERAL.match(node.value)
        and not node.value.endswith(".py")
    ]
    return tuple(dict.fromkeys(found))


# A relative folder path as a literal spells it: ``./pkg/aws/api``, ``pkg/api/``.
_FOLDER_LITERAL = re.compile(r"^(?:\./)?\w[\w.-]*(?:/[\w.-]+)+/?$")


def unasync_rules(tree: ast.Module, text: str) -> tuple[tuple[str, str], ...]:
    """The ``(fromdir, todir)`` of each ``unasync.Rule(fromdir, todir, ...)`` the code
    builds with literal folders (opensearch-py's ``utils/generate_api.py``:
    ``unasync.Rule(fromdir="/opensearchpy/_async/client/", todir="/opensearchpy/client/")``):
    unasync writes each file under ``todir`` from its namesake under ``fromdir``."""
    if "unasync" not in text or "Rule" not in text:
        return ()
    found: list[tuple[str, str]] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if not (isinstance(func, ast.Attribute) and func.attr == "Rule" or isinstance(func, ast.Name) and func.id == "Rule"):
            continue
        given = dict(zip(("fromdir", "todir"), node.args))
        given.update((k.arg, k.value) for k in node.keywords if k.arg in ("fromdir", "todir"))
        values = [given.get(k) for k in ("fromdir", "todir")]
        if all(isinstance(v, ast.Constant) and isinstance(v.value, str) and v.value.strip("/") for v in values):
            found.append((values[0].value, values[1].value))  # type: ignore[union-attr]
    return tuple(dict.fromkeys(found))


def read_files(tree: ast.Module, text: str) -> tuple[str, ...]:
    """The paths, as their literals spell them, of the ``.py`` files the code reads as text
    or bytes: ``open(p)`` and ``p.open()`` in a mode that does not write, ``p.read_text()``,
    ``p.read_bytes()``, and a call of a function named for reading (``read_file(p)``,
    ``readfile``, ``_read``) with the path first, not inside ``exec``, ``eval`` or
    ``compile`` (which run what they read); ``p`` as :func:`written_files` reads it, or
    a name assigned once either of two such paths (``agent = DIR / "a.py" if ipy else DIR /
    "b.py"``). A module's source pasted into a generated one (yt-dlp's
    ``read_file('devscripts/lazy_load_template.py')``), a payload a server ships: data."""
    if ".py" not in text:
        return ()
    assigned = _single_assignments(tree)
    # A file read to be run (``exec(open("version.py").read())``) is code, not data.
    run = {
        id(inner) for node in nodes_of(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _RUNNERS
        for arg in node.args for inner in ast.walk(arg)
    }
    readers = _reading_functions(tree, assigned)
    found: list[str] = []
    for node in nodes_of(tree):
        if isinstance(node, ast.Call) and id(node) not in run:
            target = _read_target(node)
            if target is None and isinstance(node.func, ast.Name) and node.func.id in readers:
                index = readers[node.func.id]
                target = node.args[index] if index < len(node.args) else None
            if target is not None:
                found.extend(p for p in _literal_choices(target, assigned) if p.endswith(".py"))
    return tuple(dict.fromkeys(found))


_PATHS = frozenset({"Path", "PurePath"})


def _reading_functions(tree: ast.Module, assigned: dict[str, ast.expr]) -> dict[str, int]:
    """The functions of the module that read one of their parameters as a file (taipy's
    ``_build_header(filename)``: ``Path(filename).read_text()``, through a local name or
    not), by name, with that parameter's position: a call of one with a literal path reads
    that file. The module's own top-level functions: what a call by a bare name runs."""
    found: dict[str, int] = {}
    for node in tree.body:
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        params = [a.arg for a in (*node.args.posonlyargs, *node.args.args)]
        for inner in ast.walk(node):
            if not isinstance(inner, ast.Call):
                continue
            target = _read_target(inner)
            if isinstance(target, ast.Name) and isinstance(assigned.get(target.id), ast.Call):
                target = assigned[target.id]  # `_file = Path(filename)`, then `_file.read_text()`
            if isinstance(target, ast.Call) and last_part(dotted_name(target.func) or "") in _PATHS and target.args:
                target = target.args[0]
            if isinstance(target, ast.Name) and target.id in params:
                found[node.name] = params.index(target.id)
                break
    return found


_RUNNERS = frozenset({"exec", "eval", "compile"})


def _read_target(node: ast.Call) -> ast.expr | None:
    """The path expression a call reads, or None."""
    func = node.func
    if isinstance(func, ast.Name) and func.id == "open" or (
        isinstance(func, ast.Attribute) and func.attr == "open"
        and isinstance(func.value, ast.Name) and func.value.id in _OPEN_MODULES
    ):
        mode = _mode(node, 1)
        return node.args[0] if node.args and mode is not None and not _WRITE_MODES & set(mode) and "+" not in mode else None
    if isinstance(func, ast.Attribute) and func.attr in ("read_text", "read_bytes"):
        return func.value
    if isinstance(func, ast.Attribute) and func.attr == "open":
        mode = _mode(node, 0)
        return func.value if mode is not None and not _WRITE_MODES & set(mode) and "+" not in mode else None
    name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
    if (_READER.match(name) or _SHIPPER.fullmatch(name)) and node.args:
        return node.args[0]
    return None


def _literal_choices(expr: ast.expr, assigned: dict[str, ast.expr]) -> list[str]:
    """The literal paths of an expression, either branch of a conditional expression; a
    format template's (``'mlperf_{benchmark}_custom.py'.format(...)``, through a name
    assigned once too) as a pattern, its fields ``*`` (``mlperf_*_custom.py``)."""
    if isinstance(expr, ast.Name) and isinstance(assigned.get(expr.id), (ast.IfExp, ast.Call)):
        expr = assigned[expr.id]
    if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute) and expr.func.attr == "format":
        template = expr.func.value
        if isinstance(template, ast.Name):
            template = assigned.get(template.id, template)
        if isinstance(template, ast.Constant) and isinstance(template.value, str) and "/" not in template.value[:1]:
            pattern = _FIELD.sub("*", template.value)
            return [pattern] if pattern.endswith(".py") and pattern.strip("*") else []
    if isinstance(expr, ast.IfExp):
        branches = [expr.body, expr.orelse]
    else:
        branches = [expr]
    return [p for p in (_literal_path(b, assigned) for b in branches) if p is not None]


def _single_assignments(tree: ast.Module) -> dict[str, ast.expr]:
    """Names assigned exactly once in the file (any scope), with their values."""
    values: dict[str, ast.expr] = {}
    seen: set[str] = set()
    for node in nodes_of(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            if node.id in seen:
                values.pop(node.id, None)
            seen.add(node.id)
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            values[node.targets[0].id] = node.value
    return {name: value for name, value in values.items() if name in seen}


def _mode(node: ast.Call, position: int) -> str | None:
    for keyword in node.keywords:
        if keyword.arg == "mode":
            value = keyword.value
            return value.value if isinstance(value, ast.Constant) and isinstance(value.value, str) else None
    if len(node.args) > position:
        value = node.args[position]
        return value.value if isinstance(value, ast.Constant) and isinstance(value.value, str) else None
    return "r"


def _write_target(node: ast.Call) -> ast.expr | None:
    """The path expression a call writes to, or None."""
    func = node.func
    if isinstance(func, ast.Name) and func.id == "open" or (
        isinstance(func, ast.Attribute) and func.attr == "open"
        and isinstance(func.value, ast.Name) and func.value.id in _OPEN_MODULES
    ):
        mode = _mode(node, 1)
        if node.args and mode is not None and _WRITE_MODES & set(mode):
            return node.args[0]
        return None
    if not isinstance(func, ast.Attribute):
        return None
    if func.attr in ("write_text", "write_bytes"):
        return func.value
    if func.attr == "open":
        mode = _mode(node, 0)
        if mode is not None and _WRITE_MODES & set(mode):
            return func.value
    return None


def _literal_path(expr: ast.expr, assigned: dict[str, ast.expr], depth: int = 0) -> str | None:
    """The literal parts a path expression ends with, joined by ``/``; None when its last
    part is computed."""
    parts = list(_parts(expr, assigned, depth))
    tail: list[str] = []
    for part in reversed(parts):
        if part is None:
            break
        tail.append(part)
    if not tail or not parts or parts[-1] is None:
        return None
    path = "/".join(p.strip("/") for p in reversed(tail) if p.strip("/") not in ("", "."))
    return path or None


def _parts(expr: ast.expr, assigned: dict[str, ast.expr], depth: int) -> Iterator[str | None]:
    """The parts of a path expression in order: a literal's text, or None for a computed part."""
    if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        yield expr.value
    elif isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Div):
        yield from _parts(expr.left, assigned, depth)
        yield from _parts(expr.right, assigned, depth)
    elif isinstance(expr, ast.Call) and _path_call(expr.func) and not expr.keywords:
        for arg in expr.args:
            yield from _parts(arg, assigned, depth)
    elif isinstance(expr, ast.JoinedStr) and expr.values:
        last = expr.values[-1]
        yield None
        if isinstance(last, ast.Constant) and isinstance(last.value, str):
            yield last.value
    elif isinstance(expr, ast.Name) and expr.id in assigned and depth < 3:
        yield from _parts(assigned[expr.id], assigned, depth + 1)
    else:
        yield None


def _path_call(func: ast.expr) -> bool:
    """``os.path.join``, ``Path``, ``PurePath`` and the like, which join their arguments."""
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    return name in ("join", "Path", "PurePath", "PosixPath", "PurePosixPath")


def dead_imports(tree: ast.Module) -> tuple[int, ...]:
    """The lines of import statements that a module-level constant keeps from running:
    in the body of ``if FLAG:`` (or the ``else`` of ``if not FLAG:``) when ``FLAG = False``,
    in the ``else`` of ``if FLAG:`` (or the body of ``if not FLAG:``) when ``FLAG = True``.
    ``FLAG`` is a name bound once in the whole file, by a module-level assignment of the
    literal ``True`` or ``False``, ``1`` or ``0`` (annotated too: ``_IS_SYNC: Final = True``), so nothing
    rebinds it (a ``global`` in a function, a loop, an import, ``del``). A literal
    condition too: ``if False:`` and ``if 0:`` (an old idiom for imports only type
    checkers and editors read: libcloud's "work around for MYPY", web2py's "dummy code to
    enable code completion") never run their body. Any other condition, a flag a function
    or a test may flip, leaves the import live. So are the statements after a ``raise``,
    ``return``, ``continue`` or ``break`` in the same block (lino's retired
    ``utils/weekly.py``, which raises "no longer used" before its imports; Tuxemon's method
    that raises ``NotImplementedError`` before its old body): they never run."""
    flags = _constant_flags(tree)
    found: list[int] = []
    for node in nodes_of(tree):  # the module, and every compound statement, handler, function
        if isinstance(node, ast.If):
            value = _flag_value(node.test, flags)
            if value is not None:
                for stmt in node.orelse if value else node.body:
                    found.extend(_import_lines(stmt))
        for field in ("body", "orelse", "finalbody"):
            block = getattr(node, field, None)
            if isinstance(block, list) and block and isinstance(block[0], ast.stmt):
                ended = next((i for i, stmt in enumerate(block) if ends_block(stmt)), None)
                for stmt in block[ended + 1 :] if ended is not None else ():
                    found.extend(_import_lines(stmt))
    return tuple(sorted(set(found)))


# Statements after which nothing more of their block runs.
_ENDS = (ast.Raise, ast.Return, ast.Continue, ast.Break)
# Calls that never return: they exit, or raise to skip or fail what runs them
# (``pytest.skip("until fixed", allow_module_level=True)`` at the top of a test module).
_NO_RETURN = frozenset({
    "sys.exit", "exit", "quit", "os._exit", "os.abort",
    "pytest.skip", "pytest.exit", "pytest.fail", "pytest.xfail",
})


def ends_block(stmt: ast.stmt) -> bool:
    """Nothing after ``stmt`` in its block runs: a ``raise``, ``return``, ``continue`` or
    ``break``, or a call that never returns (:data:`_NO_RETURN`)."""
    if isinstance(stmt, _ENDS):
        return True
    return isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call) and dotted_name(stmt.value.func) in _NO_RETURN


def _constant_flags(tree: ast.Module) -> dict[str, bool]:
    """Names bound once in the file, by a module-level assignment of True or False (or of
    0 or 1: the standard library's ``codecs`` ends ``_false = 0`` / ``if _false: import
    encodings``, an import only modulefinder reads)."""
    candidates: dict[str, bool] = {}
    for stmt in tree.body:
        pair = assignment(stmt)
        if pair is None:
            continue
        target, value = pair
        if isinstance(target, ast.Name) and isinstance(value, ast.Constant) and (
            isinstance(value.value, bool) or (type(value.value) is int and value.value in (0, 1))
        ):
            candidates[target.id] = bool(value.value)  # (``_false = 0``: codecs' old idiom)
    if not candidates:
        return {}
    once = bound_once(tree, candidates)
    return {name: value for name, value in candidates.items() if name in once}


def assignment(stmt: ast.stmt) -> tuple[ast.expr, ast.expr] | None:
    """``(target, value)`` of a statement that assigns one value to one target
    (``X = v``, ``X: T = v``); None for anything else."""
    if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
        return stmt.targets[0], stmt.value
    if isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
        return stmt.target, stmt.value
    return None


def bound_once(tree: ast.Module, names: Collection[str], parameters: bool = True) -> set[str]:
    """Those of ``names`` the whole file binds exactly once (see :func:`_bound`);
    ``parameters``: whether a function's parameter counts as a binding."""
    bindings: dict[str, int] = {}
    for node in nodes_of(tree):
        if not parameters and isinstance(node, ast.arg):
            continue
        for name in _bound(node):
            if name in names:
                bindings[name] = bindings.get(name, 0) + 1
    return {name for name, count in bindings.items() if count == 1}


def _bound(node: ast.AST) -> Iterator[str]:
    """The names a node binds or unbinds (``global`` and ``nonlocal`` count: a function
    may rebind the name)."""
    if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
        yield node.id
    elif isinstance(node, (ast.Global, ast.Nonlocal)):
        yield from node.names
    elif isinstance(node, (ast.Import, ast.ImportFrom)):
        for alias in node.names:
            yield (alias.asname or alias.name).partition(".")[0]
    elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        yield node.name
    elif isinstance(node, ast.ExceptHandler) and node.name:
        yield node.name
    elif isinstance(node, ast.arg):
        yield node.arg


def _flag_value(test: ast.expr, flags: dict[str, bool]) -> bool | None:
    """The value of ``FLAG`` or ``not FLAG`` for a constant flag, or of a literal
    ``False``/``True``/``0``/``1``; None for anything else."""
    if isinstance(test, ast.Constant) and type(test.value) in (bool, int):
        return bool(test.value)
    if isinstance(test, ast.Name):
        return flags.get(test.id)
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not) and isinstance(test.operand, ast.Name):
        value = flags.get(test.operand.id)
        return None if value is None else not value
    return None


def _import_lines(stmt: ast.stmt) -> Iterator[int]:
    for node in ast.walk(stmt):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node.lineno


def function_signatures(tree: ast.Module) -> tuple[tuple[str, str], ...]:
    """Each module-level function's parameters (also under a module-level ``if`` or
    ``try``), spelt ``a, b=, *args, c=, **kw`` (``=``: it has a default): namesakes in
    several modules whose parameters differ are different functions (SSOT003 does not pick
    one of them as the one a broken import meant), and a function the importing file calls
    with arguments it cannot take is another thing."""
    found: dict[str, str] = {}
    stack = list(tree.body)
    while stack:
        stmt = stack.pop()
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
            found.setdefault(stmt.name, parameter_list(stmt.args, defaults=True))
        elif isinstance(stmt, (ast.If, ast.Try)) or type(stmt).__name__ == "TryStar":
            stack.extend(inner for inner in _inner(stmt))
    return tuple(sorted(found.items()))


def _inner(stmt: ast.stmt) -> Iterator[ast.stmt]:
    yield from getattr(stmt, "body", ())
    for handler in getattr(stmt, "handlers", ()):
        yield from handler.body
    yield from getattr(stmt, "orelse", ())
    yield from getattr(stmt, "finalbody", ())




def package_only_imports(tree: ast.Module) -> tuple[int, ...]:
    """The lines of relative imports that run only when the module is imported as part of a
    package: in the branch of an ``if`` that tests ``__package__`` or ``"." in __name__``
    which runs inside a package (SWIG's generated wrappers: ``if __package__ or "." in
    __name__: from . import _x``, ``else: import _x``; the ``else`` of ``if __package__ is
    None:`` or ``if not __package__:``). Run as a top-level module, such a file takes the
    other branch. A test whose sense is not read (``__package__ == "app"``) keeps its body."""
    found: list[int] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and _tests_package(node.test):
            branch = node.orelse if _package_sense(node.test) is False else node.body
            for inner in branch:
                for sub in ast.walk(inner):
                    if isinstance(sub, ast.ImportFrom) and sub.level:
                        found.append(sub.lineno)
    return tuple(sorted(set(found)))


_EMPTY_PACKAGE = (None, "")  # what ``__package__`` is in a module run as a script


def _package_sense(test: ast.expr) -> bool | None:
    """True when ``test`` holds inside a package (``__package__``, ``"." in __name__``,
    ``__package__ is not None``), False when it holds in a script (``not __package__``,
    ``__package__ is None``, ``__package__ in (None, "")``), None when it is not read."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        sense = _package_sense(test.operand)
        return None if sense is None else not sense
    if isinstance(test, ast.Name):
        return True if test.id == "__package__" else None
    if isinstance(test, ast.BoolOp):
        senses = {_package_sense(value) for value in test.values}
        return senses.pop() if len(senses) == 1 else None
    if not isinstance(test, ast.Compare) or len(test.ops) != 1:
        return None
    left, op, right = test.left, test.ops[0], test.comparators[0]
    if isinstance(right, ast.Name) and right.id == "__name__" and isinstance(left, ast.Constant) and left.value == ".":
        return True if isinstance(op, ast.In) else False if isinstance(op, ast.NotIn) else None
    if not (isinstance(left, ast.Name) and left.id == "__package__"):
        return None
    if isinstance(right, ast.Constant) and right.value in _EMPTY_PACKAGE:
        return False if isinstance(op, (ast.Is, ast.Eq)) else True if isinstance(op, (ast.IsNot, ast.NotEq)) else None
    if isinstance(right, (ast.Tuple, ast.List, ast.Set)) and all(
        isinstance(e, ast.Constant) and e.value in _EMPTY_PACKAGE for e in right.elts
    ):
        return False if isinstance(op, ast.In) else True if isinstance(op, ast.NotIn) else None
    return None


def runs_both_ways(tree: ast.Module) -> bool:
    """Whether an ``if`` of the module tests ``__package__`` or ``"." in __name__``, in
    either sense (``if __package__ is None:``, ``if not __package__:``, SWIG's ``if
    __package__ or "." in __name__:``): the module is written to run as a script too, with
    its own folder first on ``sys.path``, and as a module of its package."""
    return any(isinstance(node, ast.If) and _tests_package(node.test) for node in ast.walk(tree))


def _tests_package(test: ast.expr) -> bool:
    """``__package__`` read in the test, or ``... in __name__``."""
    for node in ast.walk(test):
        if isinstance(node, ast.Name) and node.id == "__package__":
            return True
        if (
            isinstance(node, ast.Compare) and any(isinstance(op, ast.In) for op in node.ops)
            and any(isinstance(c, ast.Name) and c.id == "__name__" for c in node.comparators)
        ):
            return True
    return False


def source_copied(tree: ast.Module, text: str, writes: bool) -> tuple[str, ...]:
    """The names whose source the code copies with ``inspect.getsource(Name)`` (or a
    ``getsource`` imported from ``inspect``), when it writes a ``.py`` file (``writes``):
    a generator pasting a class of its own into the module it writes (phoenix's
    ``compile_python_prompts.py``: ``inspect.getsource(PromptMessage)`` into
    ``_models.py``). That output's namesake is the class's copy by design."""
    if not writes or "getsource" not in text:
        return ()
    found: list[str] = []
    for node in nodes_of(tree):
        if (
            isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Name)
            and dotted_name(node.func) in ("inspect.getsource", "getsource")
        ):
            found.append(node.args[0].id)
    return tuple(dict.fromkeys(found))


def usage_list(tree: ast.Module) -> bool:
    """The module level holds only imports, constants (a docstring), ``pass``, and one or
    more statements that are a bare name or attribute (``hex_to_bytes256``,
    ``Withdrawal.validator_index``, vulture's ``_.attr``), with at most the
    ``Whitelist()`` objects vulture's helpers make: a list of uses that a dead-code checker
    parses (execution-specs' ``vulture_whitelist.py``), never imported or run for effect."""
    references = 0
    for stmt in tree.body:
        if isinstance(stmt, (ast.Import, ast.ImportFrom, ast.Pass)):
            continue
        if isinstance(stmt, ast.Expr):
            if isinstance(stmt.value, ast.Constant):
                continue
            if isinstance(stmt.value, (ast.Name, ast.Attribute)):
                references += 1
                continue
        if (
            isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Call)
            and (dotted_name(stmt.value.func) or "").rpartition(".")[2] == "Whitelist"
        ):
            continue
        return False
    return references >= 1
