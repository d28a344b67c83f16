"""Statement walk over CPython's ``ast``: exact positions, and the fallback extractor.

CPython's parser is the authority on what the interpreter accepts. It also survives inputs
that defeat LibCST (huge expressions, some valid 3.11+ syntax), so when LibCST fails on a
file the interpreter accepts, this walker produces the summary instead.

Only statements are visited, never expressions: statement nesting is bounded by the
interpreter's indentation limit, so the recursion here cannot run away.
"""

from __future__ import annotations

import ast
import bisect
import hashlib
import re
from functools import lru_cache
from typing import Iterator, Sequence

from ssotlint.astnames import dotted_name
from ssotlint.extract.builder import (
    ABSTRACT_DECORATORS,
    EXISTS_FUNCTIONS,
    EXISTS_METHODS,
    IMPORTORSKIP_CALLS,
    PATH_FACTORIES,
    Handler,
    exists_flags,
    SummaryBuilder,
    fails_test,
    last_part,
    with_flags,
)
from ssotlint.extract.summary import (
    CTX_CONDITIONAL,
    CTX_FUNCTION,
    CTX_MAIN,
    CTX_TYPE_CHECKING,
    FRAGMENT_PREFIX,
    UNKNOWN_VALUE,
    VALUE_INT,
    VALUE_LABEL,
    VALUE_PLAIN,
    VALUE_SEQUENCE,
)
from ssotlint.extract.nodes import inner_statements  # noqa: F401 - read from here too
from ssotlint.extract.writes import assignment
from ssotlint.extract.bodies import without_comment
from ssotlint.extract.layout import layout_digest
from ssotlint.extract.spelling import Respelling

_FUNCS = (ast.FunctionDef, ast.AsyncFunctionDef)
_TRY = tuple(t for t in (ast.Try, getattr(ast, "TryStar", None)) if t is not None)


def name_chain(node: ast.expr) -> str:
    """``sys.path.insert`` for a chain of names and attributes (``sys.path.insert``); ""
    for anything else (a call, a subscript or a literal anywhere in it)."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    return ".".join([node.id, *reversed(parts)]) if isinstance(node, ast.Name) else ""


def dotted(node: ast.expr | None) -> str | None:
    """``a.b.c`` for Name/Attribute chains; the head of a subscript or call."""
    parts: list[str] = []
    while node is not None:
        if isinstance(node, ast.Name):
            parts.append(node.id)
            return ".".join(reversed(parts))
        if isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        elif isinstance(node, (ast.Subscript, ast.Call)) and not parts:
            node = node.value if isinstance(node, ast.Subscript) else node.func
        else:
            return None
    return None


def is_type_checking(test: ast.expr) -> bool:
    name = dotted(test)
    return name is not None and name.rsplit(".", 1)[-1] == "TYPE_CHECKING"


def is_main_guard(test: ast.expr) -> bool:
    """``__name__ == "__main__"`` (either way round), or an ``and`` of conditions one of
    which is (``not TYPE_CHECKING and __name__ == "__main__"``): the body runs only when
    the file is run as a script."""
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And):
        return any(is_main_guard(value) for value in test.values)
    if not (isinstance(test, ast.Compare) and len(test.comparators) == 1 and isinstance(test.ops[0], ast.Eq)):
        return False
    left, right = test.left, test.comparators[0]
    return any(
        isinstance(name, ast.Name) and name.id == "__name__" and isinstance(text, ast.Constant) and text.value == "__main__"
        for name, text in ((left, right), (right, left))
    )


def _target_names(target: ast.expr) -> Iterator[str]:
    if isinstance(target, ast.Name):
        yield target.id
    elif isinstance(target, (ast.Tuple, ast.List)):
        for element in target.elts:
            yield from _target_names(element)
    elif isinstance(target, ast.Starred):
        yield from _target_names(target.value)


def _string_list(node: ast.expr | None) -> list[str] | None:
    if isinstance(node, (ast.List, ast.Tuple)) and all(
        isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts
    ):
        return [e.value for e in node.elts]  # type: ignore[attr-defined]
    # ``"__version__ __author__".split()``: a literal too (visidata's ``__about__.py``).
    if (
        isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "split"
        and isinstance(node.func.value, ast.Constant) and isinstance(node.func.value.value, str)
        and not node.keywords and not node.args
    ):
        return node.func.value.value.split()
    return None


def _is_trivial(body: Sequence[ast.stmt]) -> bool:
    for stmt in body:
        if isinstance(stmt, ast.Pass):
            continue
        if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
            continue  # docstring or ...
        return False
    return True


def _is_noop_init(stmt: ast.stmt) -> bool:
    """``def __init__(self): pass`` (or a docstring, or ``...``): an initializer that takes
    nothing and does nothing. In a class without bases it is the same as none (krkn's two
    ``class GENERAL: def __init__(self): pass``); see :func:`_without_noop_init`."""
    if not isinstance(stmt, ast.FunctionDef) or stmt.name != "__init__" or stmt.decorator_list:
        return False
    a = stmt.args
    if a.vararg or a.kwarg or a.kwonlyargs or a.posonlyargs or len(a.args) != 1:
        return False
    return _is_trivial(stmt.body)


def _without_noop_init(node: ast.ClassDef) -> list[ast.stmt]:
    """The class's body as its behaviour goes: a class with no bases (and no metaclass)
    whose one ``__init__`` takes and does nothing is the same class without it, so that
    ``__init__`` is neither a member nor something its body does."""
    inits = [s for s in node.body if isinstance(s, _FUNCS) and s.name == "__init__"]
    if node.bases or node.keywords or len(inits) != 1 or not _is_noop_init(inits[0]):
        return node.body
    return [s for s in node.body if s is not inits[0]]


def _exception_names(node: ast.expr) -> tuple[str, ...]:
    """The dotted names an exception spec lists: ``E``, ``m.E`` or a tuple of them
    (``"?"`` for anything else)."""
    elements = node.elts if isinstance(node, ast.Tuple) else [node]
    # ``type(obj).DoesNotExist`` is an attribute that is not a dotted name.
    return tuple((dotted(e) if isinstance(e, (ast.Name, ast.Attribute)) else None) or "?" for e in elements)


def _handler(handler: ast.ExceptHandler) -> Handler:
    types = None if handler.type is None else _exception_names(handler.type)
    fails = False
    for stmt in handler.body:
        if isinstance(stmt, ast.Raise):
            fails = True
        elif isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
            fails = fails or fails_test(_call_name(stmt.value))
    return Handler(types, fails)


def _call_name(call: ast.Call) -> str | None:
    return dotted(call.func) if isinstance(call.func, (ast.Name, ast.Attribute)) else None


def _with_context(items: Sequence[ast.withitem]) -> int:
    """Flags for the body of ``with``: an import expected to raise, or suppressed."""
    flags = 0
    for item in items:
        call = item.context_expr
        if not isinstance(call, ast.Call):
            continue
        spec = call.args[0] if call.args else next(
            (k.value for k in call.keywords if k.arg == "expected_exception"), None
        )
        expected = _exception_names(spec) if spec is not None else None
        suppressed = [t for arg in call.args for t in _exception_names(arg)]
        flags |= with_flags(_call_name(call), expected, suppressed)
    return flags


def _importorskip(node: ast.stmt) -> str | None:
    """The module of ``pytest.importorskip("m")`` as a statement or an assignment."""
    value = node.value if isinstance(node, (ast.Expr, ast.Assign, ast.AnnAssign)) else None
    if not isinstance(value, ast.Call) or _call_name(value) not in IMPORTORSKIP_CALLS:
        return None
    arg = value.args[0] if value.args else next((k.value for k in value.keywords if k.arg == "modname"), None)
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return arg.value


def _is_docstring_like(node: ast.expr) -> bool:
    """A string without interpolation, or ``...``: what a declaration's body may hold."""
    return isinstance(node, ast.Constant) and (isinstance(node.value, str) or node.value is Ellipsis)


def _is_interface_body(body: Sequence[ast.stmt]) -> bool:
    """Only a docstring, ``pass``, ``...``, bare annotations and abstract methods."""
    for stmt in body:
        if isinstance(stmt, _FUNCS):
            if not any(last_part(dotted(d) or "") in ABSTRACT_DECORATORS for d in stmt.decorator_list):
                return False
        elif isinstance(stmt, ast.Pass) or (isinstance(stmt, ast.AnnAssign) and stmt.value is None):
            continue
        elif not (isinstance(stmt, ast.Expr) and _is_docstring_like(stmt.value)):
            return False
    return True


def _members(body: Sequence[ast.stmt]) -> tuple[list[str], list[str]]:
    """Methods and class-level fields (assigned or annotated) of a class body, in source
    order; and the fields alone."""
    names: list[str] = []
    fields: list[str] = []
    for stmt in body:
        if isinstance(stmt, _FUNCS):
            names.append(stmt.name)
            continue
        start = len(names)
        if isinstance(stmt, ast.Assign):
            for target in stmt.targets:
                names.extend(_target_names(target))
        elif isinstance(stmt, ast.AnnAssign):
            names.extend(_target_names(stmt.target))
        fields.extend(names[start:])
    return names, fields


def _availability(test: ast.expr) -> tuple[str, bool] | None:
    """``if X:`` / ``if X is not None:`` -> (X, False); ``if not X:`` / ``if X is None:``
    -> (X, True); anything else None."""
    if isinstance(test, ast.Name):
        return test.id, False
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        return (test.operand.id, True) if isinstance(test.operand, ast.Name) else None
    if (
        isinstance(test, ast.Compare)
        and isinstance(test.left, ast.Name)
        and len(test.ops) == 1
        and isinstance(test.ops[0], (ast.Is, ast.IsNot))
        and isinstance(test.comparators[0], ast.Constant)
        and test.comparators[0].value is None
    ):
        return test.left.id, isinstance(test.ops[0], ast.Is)
    return None


def _is_exists_call(node: ast.expr) -> bool:
    """``os.path.exists(p)``, ``os.path.isfile(p)``, or ``exists()``/``is_file()`` of a path
    object made here (``Path(p)``, ``base.joinpath(p)``, ``BASE_DIR / "x.py"``)."""
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    if _call_name(node) in EXISTS_FUNCTIONS:
        return True
    if not (isinstance(func, ast.Attribute) and func.attr in EXISTS_METHODS):
        return False
    receiver = func.value
    if isinstance(receiver, ast.BinOp):
        return isinstance(receiver.op, ast.Div)
    return isinstance(receiver, ast.Call) and last_part(_call_name(receiver) or "") in PATH_FACTORIES


def _exists_check(test: ast.expr) -> tuple[bool, bool]:
    """(is a file-existence check, negated): the check itself, ``not`` it, or an ``and``
    one of whose operands is the check (its body runs only when the file is there)."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        return _is_exists_call(test.operand), True
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And):
        return any(_is_exists_call(v) for v in test.values), False
    return _is_exists_call(test), False


class AstWalker:
    def __init__(self, builder: SummaryBuilder) -> None:
        self.b = builder

    def walk(self, body: Sequence[ast.stmt], ctx: int = 0, top: bool = True) -> None:
        for stmt in body:
            self.statement(stmt, ctx, top)

    def statement(self, node: ast.stmt, ctx: int, top: bool) -> None:
        b = self.b
        module_level = top and not ctx & CTX_FUNCTION
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            self.import_statement(node, ctx)
        elif isinstance(node, ast.ClassDef):
            self.class_def(node, ctx, module_level)
        elif isinstance(node, _FUNCS):
            if module_level:
                b.function_def(node.name, ctx)
            b.enter_function()
            self.walk(node.body, ctx | CTX_FUNCTION, top)
            b.leave_function()
        elif isinstance(node, ast.If):
            self.if_statement(node, ctx, top)
        elif isinstance(node, _TRY):
            self.try_statement(node, ctx, top, module_level)
        elif isinstance(node, (ast.For, ast.AsyncFor)):
            if module_level:
                b.bind(_target_names(node.target))
            self.walk(node.body, ctx | CTX_CONDITIONAL, top)
            self.walk(node.orelse, ctx | CTX_CONDITIONAL, top)
        elif isinstance(node, ast.While):
            self.walk(node.body, ctx | CTX_CONDITIONAL, top)
            self.walk(node.orelse, ctx | CTX_CONDITIONAL, top)
        elif isinstance(node, (ast.With, ast.AsyncWith)):
            if module_level:
                for item in node.items:
                    if item.optional_vars is not None:
                        b.bind(_target_names(item.optional_vars))
            self.walk(node.body, ctx | _with_context(node.items), top)
        elif isinstance(node, getattr(ast, "Match", ())):
            for case in node.cases:  # type: ignore[attr-defined]
                self.walk(case.body, ctx | CTX_CONDITIONAL, top)
        else:
            skipped = _importorskip(node)
            if skipped is not None:
                b.importorskip(skipped)
            if module_level:
                self.binding(node)
            elif isinstance(node, ast.Global):
                b.bind(node.names)

    def import_statement(self, node: ast.Import | ast.ImportFrom, ctx: int) -> None:
        if isinstance(node, ast.Import):
            records = [(a.name, 0, (), False, a.asname) for a in node.names]
        else:
            names = tuple((a.name, a.asname) for a in node.names)
            records = [(node.module or "", node.level or 0, names, True, None)]
        self.b.import_statement(records, node.lineno, node.col_offset, ctx)  # type: ignore[arg-type]

    def try_statement(self, node: ast.Try, ctx: int, top: bool, module_level: bool) -> None:
        parts = {"body": node.body, "else": node.orelse, "finally": node.finalbody}

        def walk(part: str, index: int, flags: int) -> None:
            self.walk(node.handlers[index].body if part == "handler" else parts[part], flags, top)

        handlers = [(_handler(h), h.name) for h in node.handlers]
        self.b.try_statement(handlers, walk, ctx, module_level)

    def if_statement(self, node: ast.If, ctx: int, top: bool) -> None:
        body_ctx = else_ctx = ctx | CTX_CONDITIONAL
        if is_type_checking(node.test):
            body_ctx = ctx | CTX_TYPE_CHECKING
        elif isinstance(node.test, ast.UnaryOp) and isinstance(node.test.op, ast.Not) and (
            is_type_checking(node.test.operand)
        ):
            else_ctx = ctx | CTX_TYPE_CHECKING
        elif is_main_guard(node.test):
            body_ctx = ctx | CTX_MAIN
        else:
            body_extra, else_extra = exists_flags(*_exists_check(node.test))
            body_ctx, else_ctx = body_ctx | body_extra, else_ctx | else_extra
        before = self.b.mark()
        self.walk(node.body, body_ctx, top)
        middle = self.b.mark()
        self.walk(node.orelse, else_ctx, top)
        self.b.alternatives(before, middle, _availability(node.test))

    def binding(self, node: ast.stmt) -> None:
        b = self.b
        if isinstance(node, ast.Assign):
            for target in node.targets:
                b.bind(_target_names(target))
            if len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                name = node.targets[0].id
                if name == "__all__":
                    b.set_all(_string_list(node.value))
                else:
                    target = dotted(node.value)
                    if target is not None and isinstance(node.value, (ast.Name, ast.Attribute)):
                        b.alias(name, target)
        elif isinstance(node, ast.AnnAssign):
            if node.value is not None:
                b.bind(_target_names(node.target))
        elif isinstance(node, ast.AugAssign):
            b.bind(_target_names(node.target))
            if isinstance(node.target, ast.Name) and node.target.id == "__all__":
                b.set_all(_string_list(node.value), extend=True)
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
            func = node.value.func
            if (
                isinstance(func, ast.Attribute)
                and dotted(func.value) == "__all__"
                and func.attr in ("extend", "append")
                and len(node.value.args) == 1
            ):
                arg = node.value.args[0]
                if func.attr == "append" and isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    b.set_all([arg.value], extend=True)
                else:
                    b.set_all(_string_list(arg), extend=True)
        elif isinstance(node, ast.Global):
            b.bind(node.names)
        elif type(node).__name__ == "TypeAlias":
            b.bind(_target_names(node.name))  # type: ignore[attr-defined]

    def class_def(self, node: ast.ClassDef, ctx: int, module_level: bool) -> None:
        bases = [d for d in (dotted(base) for base in node.bases) if d]
        metaclass = next((dotted(k.value) for k in node.keywords if k.arg == "metaclass"), None)
        methods = [s for s in node.body if isinstance(s, _FUNCS)]
        behaving = _without_noop_init(node)
        members, fields = _members(behaving)
        self.b.class_def(
            name=node.name,
            line=node.lineno,
            col=node.col_offset,
            bases=bases,
            metaclass=metaclass,
            method_names=[m.name for m in methods],
            method_decorators=[[d for d in map(dotted, m.decorator_list) if d] for m in methods],
            trivial_body=_is_trivial(behaving),
            top_level=module_level,
            context=ctx,
            members=members,
            fields=fields,
            interface_body=_is_interface_body(node.body),
        )
        if module_level and not ctx & CTX_TYPE_CHECKING:  # only type checkers see it otherwise
            self.b.bind([node.name])
        self.walk(node.body, ctx, top=False)




def _in_order(tree: ast.Module) -> Iterator[ast.stmt]:
    """Import and class statements, in source order: body, except handlers / match cases,
    else, finally (the order both walkers record them in)."""
    stack: list[Iterator[ast.stmt]] = [iter(tree.body)]
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        elif isinstance(node, ast.ClassDef):
            yield node
            stack.append(iter(node.body))
        elif isinstance(node, _LEAVES):
            continue
        else:
            stack.append(iter(inner_statements(node)))


_LEAVES = (ast.Expr, ast.Assign, ast.AnnAssign, ast.AugAssign, ast.Return, ast.Pass, ast.Raise,
           ast.Delete, ast.Global, ast.Nonlocal, ast.Assert, ast.Break, ast.Continue)


def statement_positions(tree: ast.Module) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Positions of import statements and class statements, in source order."""
    imports: list[tuple[int, int]] = []
    classes: list[tuple[int, int]] = []
    for node in _in_order(tree):
        target = classes if isinstance(node, ast.ClassDef) else imports
        target.append((node.lineno, node.col_offset))
    return imports, classes


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _is_stub(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """A body that does nothing worth comparing: docstring, pass, ..., a constant return,
    ``raise NotImplementedError``."""
    body = function.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]
    if len(body) > 1:
        return False
    if not body:
        return True
    stmt = body[0]
    if isinstance(stmt, ast.Pass) or (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant)):
        return True
    if isinstance(stmt, ast.Return):
        return stmt.value is None or isinstance(stmt.value, ast.Constant)
    if isinstance(stmt, ast.Raise) and stmt.exc is not None:
        return (dotted(stmt.exc) or "").rpartition(".")[2] == "NotImplementedError"
    return False


# Dunder methods whose body says what a class holds; the others (``__enter__`` returning
# self, ``__exit__`` calling close) are protocol boilerplate written alike everywhere.
_TELLING_DUNDERS = frozenset({"__init__", "__new__", "__post_init__", "__call__", "__repr__", "__str__"})


def _is_protocol_method(name: str) -> bool:
    return name.startswith("__") and name.endswith("__") and name not in _TELLING_DUNDERS


def class_statements(tree: ast.Module) -> list[ast.ClassDef]:
    """The class statements, in the order of :func:`statement_positions`."""
    return [node for node in _in_order(tree) if isinstance(node, ast.ClassDef)]


def split_lines(text: str) -> list[str]:
    return _LINE_BREAK.split(text)


def class_annotations(
    classes: Sequence[ast.ClassDef], respelling: Respelling | None = None,
) -> list[tuple[tuple[str, int], ...]]:
    """For each class statement, the names its own body declares with an annotation, each
    with a digest of the annotation (``Callable[[CameraData], bool]``) as CPython reads it,
    in the module's one spelling (``uuid.UUID`` as ``UUID``, see ``extract/spelling.py``)."""
    result: list[tuple[tuple[str, int], ...]] = []
    for node in classes:
        found: dict[str, int] = {}
        for stmt in node.body:
            if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
                text = ast.dump(stmt.annotation, annotate_fields=False)
                if respelling:
                    text = respelling.dump(text)
                digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest()
                found.setdefault(stmt.target.id, int.from_bytes(digest, "big"))
        result.append(tuple(found.items()))
    return result


def class_tags(classes: Sequence[ast.ClassDef]) -> list[tuple[tuple[str, int], ...]]:
    """For each class statement, the names its own body annotates ``Literal[...]``
    (``typing.Literal``, ``t.Literal``), each with a digest of the values it allows: the tag
    of one type of a discriminated union (``label: Literal["rtvi-ai"] = "rtvi-ai"``)."""
    result: list[tuple[tuple[str, int], ...]] = []
    for node in classes:
        found: dict[str, int] = {}
        for stmt in node.body:
            if not (isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name)):
                continue
            annotation = stmt.annotation
            if not isinstance(annotation, ast.Subscript) or name_chain(annotation.value).rpartition(".")[2] != "Literal":
                continue
            text = ast.dump(annotation.slice, annotate_fields=False)
            digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest()
            found.setdefault(stmt.target.id, int.from_bytes(digest, "big"))
        result.append(tuple(found.items()))
    return result


_DEFS = (ast.FunctionDef, ast.AsyncFunctionDef)


def class_values(classes: Sequence[ast.ClassDef]) -> list[tuple[tuple[str, int, int], ...]]:
    """For each class statement that names a base (an enum always does) or declares data
    only (no method: reflex's ``class ClassNames: POPUP = "..."``), the names its own
    body assigns a plain value to (``NAME = value``, ``NAME: T = value``; see
    :func:`_plain_value`), each with a digest of
    the value as CPython reads it, so that quotes, spacing and comments do not count
    (``UNKNOWN_VALUE`` for a call such as ``auto()``, whose value the text does not say), and
    what kind of value it is (see :func:`_value_kind`)."""
    result: list[tuple[tuple[str, int, int], ...]] = []
    for node in classes:
        found: dict[str, tuple[str, int, int]] = {}
        labelled = _labelled_choices(node)
        for stmt in node.body if node.bases or not any(type(s) in _DEFS for s in node.body) else ():
            pair = assignment(stmt)
            if pair is None:
                continue
            target, value = pair
            value = _choice_value(value) if labelled else _declared_default(value)
            if isinstance(target, ast.Name) and target.id not in found and _plain_value(value):
                found[target.id] = (target.id, _value_digest(value), _value_kind(target.id, value))
        result.append(tuple(found.values()))
    return result


@lru_cache(maxsize=256)
def number_digest(number: int) -> int:
    """The digest ``ClassRecord.values`` holds for a member written as the int ``number``
    (``Long_enter = 2``): what a rule compares to tell an enum that numbers its members in
    order (see SSOT006)."""
    return _value_digest(ast.parse(str(number), mode="eval").body)


@lru_cache(maxsize=1024)
def name_digest(name: str) -> int:
    """The digest ``ClassRecord.values`` holds for a field whose value is the bare name
    ``name`` (``rules = rules``): what a rule compares to tell a class whose body binds one
    of its module's own globals (see SSOT001)."""
    return _value_digest(ast.Name(id=name, ctx=ast.Load()))


def _value_digest(value: ast.expr) -> int:
    """A digest of the value as CPython reads it, or ``UNKNOWN_VALUE`` for a call and for
    another enum member's value or name (``PASS = _TestStatus.PASS.value``): the text does
    not say what either is."""
    if isinstance(value, ast.Call):
        return UNKNOWN_VALUE
    if isinstance(value, ast.Attribute) and value.attr in ("value", "name") and isinstance(value.value, ast.Attribute):
        return UNKNOWN_VALUE
    text = ast.dump(value, annotate_fields=False)
    digest = int.from_bytes(hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "big")
    return digest or 1


def _value_kind(name: str, value: ast.expr) -> int:
    """``VALUE_LABEL`` for text with a word the name does not have (``"OSX Disk Image"`` for
    ``bdist_dmg``; not ``"low"`` for ``LOW``, nor ``"exponential"`` for
    ``EXPONENTIAL_BACKOFF``: those spell the name, or part of it); ``VALUE_INT`` for an int
    as written (``0x03``, ``-1``; not ``True``); ``VALUE_SEQUENCE`` for a list, tuple or set
    of values (a member that stands for several codes); else ``VALUE_PLAIN``."""
    if isinstance(value, (ast.List, ast.Tuple, ast.Set)):
        return VALUE_SEQUENCE
    if isinstance(value, ast.UnaryOp) and isinstance(value.op, (ast.USub, ast.UAdd)):
        value = value.operand
    if not isinstance(value, ast.Constant):
        return VALUE_PLAIN
    if isinstance(value.value, str) and {w for w in _words(value.value) if not w.isdigit()} - _words(name):
        # (digits are a code, not words: ``On = "0"`` is what a device sends for ``On``)
        return VALUE_LABEL
    if isinstance(value.value, int) and not isinstance(value.value, bool):
        return VALUE_INT
    return VALUE_PLAIN


# Calls that declare a field of a dataclass, a pydantic model or an attrs class: what such a
# call says of the field's value is its default (``field(default="trl-lib/zen", metadata=...)``).
_FIELD_DECLARATIONS = frozenset({"field", "Field", "ib", "attrib"})


def _declared_default(value: ast.expr) -> ast.expr:
    """The default a field declaration gives (``field(default=V, ...)``, pydantic's
    ``Field(V, ...)``, ``attr.ib(default=V)``), else ``value`` itself. A declared default is
    the field's value as plainly as ``name: T = V`` is, so two classes whose fields default to
    different values are told apart; a ``default_factory`` says nothing the text can read."""
    if not isinstance(value, ast.Call):
        return value
    func = value.func
    name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
    if name not in _FIELD_DECLARATIONS:
        return value
    for keyword in value.keywords:
        if keyword.arg == "default":
            return keyword.value
    if name == "Field" and value.args and not isinstance(value.args[0], ast.Starred):
        return value.args[0]
    return value


# Django's enum bases whose members may carry a label after their value
# (``ACTIVE = "active", _("Active")``): ``django.db.models.enums``.
LABELLED_CHOICES = frozenset({"Choices", "TextChoices", "IntegerChoices"})


def _labelled_choices(node: ast.ClassDef) -> bool:
    """A class on one of Django's choices bases, as written (``models.TextChoices``)."""
    return any(dotted_name(base).rpartition(".")[2] in LABELLED_CHOICES for base in node.bases)


def _choice_value(value: ast.expr) -> ast.expr:
    """A Django choices member's value: a tuple whose last item is its label (text, or a
    call such as ``_("Active")``) stands for the items before it, one item for itself,
    as ``ChoicesMeta`` reads it; the label is display text, not what is stored."""
    if isinstance(value, ast.Tuple) and len(value.elts) > 1:
        last = value.elts[-1]
        if isinstance(last, ast.Call) or (isinstance(last, ast.Constant) and isinstance(last.value, str)):
            rest = value.elts[:-1]
            return rest[0] if len(rest) == 1 else ast.Tuple(elts=rest, ctx=ast.Load())
    return value


def _plain_value(node: ast.expr, depth: int = 0) -> bool:
    """A value an enum member is written with: a constant (``"low"``, ``-1``), a name or
    attribute, ``auto()``, or a tuple or list of those. Not a field built by a call with
    arguments (``models.CharField(max_length=20)``), which no enum compares: skipped, so
    model classes cost nothing here."""
    if isinstance(node, (ast.Constant, ast.Name, ast.Attribute)):
        return True
    if isinstance(node, ast.UnaryOp):
        return isinstance(node.operand, ast.Constant)
    if isinstance(node, ast.Call):
        return not node.args and not node.keywords and isinstance(node.func, (ast.Name, ast.Attribute))
    if isinstance(node, (ast.Tuple, ast.List)) and depth < 2:
        return all(_plain_value(item, depth + 1) for item in node.elts)
    return False


def _words(text: str) -> set[str]:
    """The words of a name or a text, in one case: ``HALF_OPEN`` and ``half-open`` alike."""
    return set(_WORDS.findall(text.casefold()))


_WORDS = re.compile(r"[^\W_]+")


# Class attributes under which a framework registers a class: Odoo models (``_name``),
# SQLAlchemy declarative models (``__tablename__``), document mappers' collections, and
# the REST path of an OpenStack SDK resource (``base_path = "/servers"``: otcextensions'
# two ``NotBoundApi`` listings, one under ``sign-bindings/``, one under
# ``throttle-bindings/``, two endpoints).
REGISTRATION_ATTRIBUTES = frozenset({"_name", "__tablename__", "__collection__", "__collectionname__", "base_path"})
# Nested classes in which a framework reads a model's options (Django's, Peewee's and
# Tortoise's ``Meta``, Ming's ``__mongometa__``, Beanie's ``Settings``), and the options
# that name the table or collection the model is stored under.
OPTION_CLASSES = frozenset({"Meta", "__mongometa__", "Settings"})
OPTION_NAMES = frozenset({"name", "db_table", "table", "table_name", "collection", "collection_name"})
# A class-level dict of options (MongoEngine's ``meta = {"collection": "pages"}``), and its
# keys that name the collection.
OPTION_DICTS = frozenset({"meta"})
OPTION_KEYS = frozenset({"collection"})


def class_registrations(classes: Sequence[ast.ClassDef]) -> list[int]:
    """For each class statement, a digest of the name under which a framework stores it:
    the string its own body assigns to a registration attribute, or to a table or
    collection option of a nested options class or dict (the last one wins, as at
    runtime), with the ``polymorphic_identity`` its ``__mapper_args__`` give, or 0."""
    result: list[int] = []
    for node in classes:
        found = ""
        identity = ""
        for stmt in node.body:
            if isinstance(stmt, ast.ClassDef) and stmt.name in OPTION_CLASSES:
                found = _assigned_text(stmt.body, OPTION_NAMES) or found
            else:
                found = _assigned_text([stmt], REGISTRATION_ATTRIBUTES) or _option_key(stmt) or found
                identity = _polymorphic_identity(stmt) or identity
        if identity:
            # SQLAlchemy's mapper keeps each class of a hierarchy by its identity too
            # (c2cgeoportal's two `log` tables, "main" and "static").
            found = f"{found}\0{identity}"
        digest = hashlib.blake2b(found.encode("utf-8", "surrogatepass"), digest_size=8).digest() if found else b""
        result.append(int.from_bytes(digest, "big") or 1 if found else 0)
    return result


# A registry key spelled as a dotted name (xDSL's and MLIR's ``name = "tensor.dim"``, an
# operation's name in its dialect; a Celery task's ``name = "tasks.add"``): assigned to a
# class's ``name``, it registers the class as a registration attribute does.
_DOTTED_KEY = re.compile(r"[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)+")


def _assigned_text(body: Sequence[ast.stmt], names: frozenset[str]) -> str:
    """The last non-empty string the statements assign to one of ``names`` (or a dotted
    registry key assigned to ``name``, when ``names`` are the registration attributes), or ""."""
    found = ""
    for stmt in body:
        target, value = _assignment(stmt)
        if not (isinstance(target, ast.Name) and isinstance(value, ast.Constant) and isinstance(value.value, str)):
            continue
        if target.id in names or (
            names is REGISTRATION_ATTRIBUTES and target.id == "name" and _DOTTED_KEY.fullmatch(value.value)
        ):
            found = value.value or found
    return found


def _polymorphic_identity(stmt: ast.stmt) -> str:
    """The string a ``__mapper_args__`` dict gives ``polymorphic_identity``, or ""."""
    target, value = _assignment(stmt)
    if not (isinstance(target, ast.Name) and target.id == "__mapper_args__" and isinstance(value, ast.Dict)):
        return ""
    for key, item in zip(value.keys, value.values):
        if isinstance(key, ast.Constant) and key.value == "polymorphic_identity" and isinstance(item, ast.Constant):
            return str(item.value)
    return ""


def class_model_options(classes: Sequence[ast.ClassDef]) -> list[tuple[str, ...]]:
    """For each class statement, what its own ``class Meta`` says of a Django model's
    table: ``abstract`` and ``proxy`` when assigned True (the model has no table of its
    own), ``app_label=NAME`` when assigned a string (the last assignment wins, as at run
    time). A concrete model without ``db_table`` is stored as ``<app_label>_<name>``."""
    result: list[tuple[str, ...]] = []
    for node in classes:
        found: dict[str, str] = {}
        for stmt in node.body:
            if not (isinstance(stmt, ast.ClassDef) and stmt.name == "Meta"):
                continue
            for option in stmt.body:
                target, value = _assignment(option)
                if not (isinstance(target, ast.Name) and isinstance(value, ast.Constant)):
                    continue
                if target.id in ("abstract", "proxy"):
                    if value.value is True:
                        found[target.id] = target.id
                    else:
                        found.pop(target.id, None)
                elif target.id == "app_label" and isinstance(value.value, str) and value.value:
                    found["app_label"] = f"app_label={value.value}"
        result.append(tuple(sorted(found.values())))
    return result


def _option_key(stmt: ast.stmt) -> str:
    """The string an options dict (``meta = {"collection": "pages"}``) gives a collection
    key, or ""."""
    target, value = _assignment(stmt)
    if not (isinstance(target, ast.Name) and target.id in OPTION_DICTS and isinstance(value, ast.Dict)):
        return ""
    found = ""
    for key, item in zip(value.keys, value.values):
        if isinstance(key, ast.Constant) and key.value in OPTION_KEYS and isinstance(item, ast.Constant):
            found = item.value if isinstance(item.value, str) and item.value else found
    return found


def _assignment(stmt: ast.stmt) -> tuple[ast.expr | None, ast.expr | None]:
    """(target, value) of ``name = value`` or ``name: T = value``; (None, None) otherwise."""
    if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
        return stmt.targets[0], stmt.value
    if isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
        return stmt.target, stmt.value
    return None, None


# The longest class-level string kept as a class's own text (see ``class_texts``): names
# and labels are short; longer strings are prose or templates.
TEXT_LIMIT = 80


def class_texts(classes: Sequence[ast.ClassDef]) -> list[tuple[tuple[str, str], ...]]:
    """For each class statement, the short strings its own body assigns to class-level
    names (``name = "members"``, ``connector: str = "backpack_perpetual"``), the first
    assignment of each name, as written: what a registered instance of a convention says
    it is (see SSOT001: two same-named classes that each name their own module are two
    instances, not copies). A tuple or list of such strings (angr's ``ALT_NAMES =
    ("std::__throw_bad_cast()",)``: the names a procedure is registered under) counts as
    its strings joined by a space. So does the first argument a decorator passes as a
    string (``@sources.register("describe-kube")``: the key a registry files the class
    under), kept under the decorator's dotted name with an ``@`` before it."""
    result: list[tuple[tuple[str, str], ...]] = []
    for node in classes:
        found: dict[str, str] = {}
        for decorator in node.decorator_list:
            name = dotted(decorator.func) if isinstance(decorator, ast.Call) else None
            key = _label(decorator.args[0]) if name is not None and decorator.args else None
            if key is not None and f"@{name}" not in found:
                found[f"@{name}"] = key
        for stmt in node.body:
            target, value = _assignment(stmt)
            if not isinstance(target, ast.Name) or target.id in found:
                continue
            text = _label(value) if isinstance(value, ast.Constant) else _labels(value)
            if text is not None:
                found[target.id] = text
        result.append(tuple(found.items()))
    return result


def _label(value: ast.expr) -> str | None:
    """A short string literal's text (see ``TEXT_LIMIT``), or None."""
    if isinstance(value, ast.Constant) and isinstance(value.value, str) and 0 < len(value.value) <= TEXT_LIMIT:
        return value.value
    return None


def _labels(value: ast.expr | None) -> str | None:
    """The texts of a tuple or list literal of short strings, joined by a space (at most
    ``TEXT_LIMIT`` characters in all), or None."""
    if not isinstance(value, (ast.Tuple, ast.List)) or not value.elts:
        return None
    texts = [_label(item) for item in value.elts]
    if any(text is None for text in texts):
        return None
    joined = " ".join(texts)  # type: ignore[arg-type]
    return joined if len(joined) <= TEXT_LIMIT else None


# ``# Copied from diffusers.models.attention.Attention with Attention->Attn``: the marker a
# project's copy checker (Hugging Face's ``make fix-copies``) reads to keep a copy in step;
# ``# Adapted from transformers.models.detr.image_processing_detr.DetrImageProcessorKwargs``:
# a copy its author says was made from that definition, which no checker keeps in step. A
# dotted name only (``# Adapted from https://...`` names a file of another project).
_MARKED_FROM = re.compile(r"^\s*#\s*(Copied|Adapted) from\s+([A-Za-z_][\w.]*[\w])(?=\s|$)")
# ``# this is a copy of buildbot.util.Notifier``, as the first line of the class's body: a
# copy its author says was made from that class, as ``Adapted from`` says.
_COPY_OF = re.compile(r"^\s*#\s*(?:this is\s+)?(?:a\s+)?copy of\s+([A-Za-z_][\w.]*\.[A-Za-z_]\w*)(?=[\s.,;:)]|$)", re.I)


def class_placeholders(classes: Sequence[ast.ClassDef]) -> list[bool]:
    """For each class statement: whether it defines at least one method that only raises
    ``NotImplementedError`` (a docstring first, or not), every other method does nothing
    (a docstring, ``pass`` or ``...``), and nothing else but a docstring or ``pass`` (see
    ``ClassRecord.placeholder``)."""
    return [_is_placeholder(node.body) for node in classes]


def class_unimplemented(classes: Sequence[ast.ClassDef]) -> list[tuple[str, ...]]:
    """For each class statement, the methods it leaves to subclasses, sorted: those whose
    body (a docstring aside) only raises ``NotImplementedError``, and those decorated as
    abstract (see ``ClassRecord.unimplemented``)."""
    found: list[tuple[str, ...]] = []
    for node in classes:
        names = set()
        for stmt in node.body:
            if not isinstance(stmt, _FUNCS):
                continue
            inner = _after_docstring(stmt.body)
            abstract = any(last_part(dotted(d) or "") in ABSTRACT_DECORATORS for d in stmt.decorator_list)
            if abstract or (len(inner) == 1 and _raises_not_implemented(inner[0])):
                names.add(stmt.name)
        found.append(tuple(sorted(names)))
    return found


def _after_docstring(body: Sequence[ast.stmt]) -> Sequence[ast.stmt]:
    """A function's statements after its docstring, if it has one."""
    return body[1:] if body and isinstance(body[0], ast.Expr) and _is_docstring_like(body[0].value) else body


def _is_placeholder(body: Sequence[ast.stmt]) -> bool:
    methods = 0
    for stmt in body:
        if isinstance(stmt, _FUNCS):
            inner = _after_docstring(stmt.body)
            if len(inner) == 1 and _raises_not_implemented(inner[0]):
                methods += 1
            elif not _empty_body(inner):
                return False
        elif not (isinstance(stmt, ast.Pass) or (isinstance(stmt, ast.Expr) and _is_docstring_like(stmt.value))):
            return False
    return methods > 0


def _empty_body(body: Sequence[ast.stmt]) -> bool:
    """A method that does nothing: a docstring alone, ``pass`` or ``...`` (guildai's
    ``ViewData.one_run`` beside its methods that raise ``NotImplementedError``)."""
    return len(body) <= 1 and all(
        isinstance(stmt, ast.Pass) or (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant) and stmt.value.value is Ellipsis)
        for stmt in body
    )


def _raises_not_implemented(stmt: ast.stmt) -> bool:
    """``raise NotImplementedError`` or ``raise NotImplementedError(...)``."""
    if not isinstance(stmt, ast.Raise) or stmt.exc is None:
        return False
    exc = stmt.exc.func if isinstance(stmt.exc, ast.Call) else stmt.exc
    return isinstance(exc, ast.Name) and exc.id == "NotImplementedError"


def class_copied_from(classes: Sequence[ast.ClassDef], lines: Sequence[str]) -> list[tuple[str, str]]:
    """For each class statement, the dotted names a ``# Copied from X`` comment and an
    ``# Adapted from X`` comment name on the line just above it or above its decorators,
    or between them (``@dataclass``, then the comment, then ``class``), each ``""`` when
    there is none (a ``# this is a copy of X`` comment opening the class's body says
    ``Adapted from X``): a copy the project's own tooling regenerates from ``X`` and checks, so
    it cannot drift; a copy its author made from ``X``, which stays the source."""
    result: list[tuple[str, str]] = []
    markers = _fragment_markers(lines) if classes else []
    for node in classes:
        first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
        found = {"Copied": "", "Adapted": ""}
        for number in range(max(first - 1, 1), node.lineno):  # 1-based line numbers
            match = _MARKED_FROM.match(lines[number - 1]) if number <= len(lines) else None
            if match and not found[match.group(1)]:
                found[match.group(1)] = match.group(2)
        # The comments between the class line and its first statement.
        for number in range(node.lineno + 1, min(node.body[0].lineno, len(lines) + 1)) if node.body else ():
            copy = _COPY_OF.match(lines[number - 1])
            if copy and not found["Adapted"]:
                found["Adapted"] = copy.group(1)
        if not found["Copied"] and markers:
            found["Copied"] = _included_fragment(markers, first)
        result.append((found["Copied"], found["Adapted"]))
    return result


# A generator's marker around the text it pasted from a fragment file (openshift-ansible's
# ``# -*- -*- -*- Begin included fragment: ../../lib_utils/src/class/yedit.py -*- -*- -*-``),
# and the one that ends it.
_FRAGMENT_BEGIN = re.compile(r"^#.*?\b(?:begin included fragment|included from|inlined from)\s*:?\s*(\S+\.py)\b", re.I)
_FRAGMENT_END = re.compile(r"^#.*?\bend included fragment\b", re.I)


def _fragment_markers(lines: Sequence[str]) -> list[tuple[int, str]]:
    """The fragment markers of a file's lines, in order: ``(line, "file:<path>")`` where a
    fragment opens, ``(line, "")`` where one ends (see :func:`_included_fragment`)."""
    found: list[tuple[int, str]] = []
    for number, line in enumerate(lines, 1):
        if not line.startswith("#"):
            continue
        lowered = line.lower()
        if "fragment" not in lowered and "from" not in lowered:
            continue  # most comments: the regexes run only on those that may be markers
        if _FRAGMENT_END.match(line):
            found.append((number, ""))
            continue
        match = _FRAGMENT_BEGIN.match(line)
        if match:
            parts = [p for p in match.group(1).replace("\\", "/").split("/") if p not in (".", "..", "")]
            found.append((number, FRAGMENT_PREFIX + "/".join(parts) if parts else ""))
    return found


def _included_fragment(markers: Sequence[tuple[int, str]], first: int) -> str:
    """The fragment file a generator pasted the class at line ``first`` from: the nearest
    marker above it, when it opens a fragment (``file:lib_utils/src/class/yedit.py``);
    ``""`` when the class lies in no such region. The generator rewrites the module from
    its fragments (openshift-tools' ``generate.py``, with ``--verify``), so the class is
    kept in step with the fragment's, as a ``# Copied from`` copy is."""
    index = bisect.bisect_left(markers, (first,)) - 1
    return markers[index][1] if index >= 0 else ""


def class_decorators(classes: Sequence[ast.ClassDef]) -> list[tuple[str, ...]]:
    """For each class statement, its decorators as the dotted names they call or are
    (``token.route`` for ``@token.route("/x")``, ``registry`` for ``@registry[kind]``);
    ``?`` for one that names nothing (``@(lambda c: c)``)."""
    return [tuple(dotted(decorator) or "?" for decorator in node.decorator_list) for node in classes]


def class_factory_bases(classes: Sequence[ast.ClassDef]) -> list[tuple[str, ...]]:
    """For each class statement, the dotted names of the functions its bases call
    (``make_base_model`` for ``class BaseModel(make_base_model()):``): each call makes a
    class of its own, with its own registry or state, so two modules' calls are two bases.
    Not six's ``with_metaclass``, which only sets a metaclass on the bases it is given."""
    found = []
    for node in classes:
        names = (dotted(base.func) for base in node.bases if isinstance(base, ast.Call))
        found.append(tuple(n for n in names if n and not n.endswith("with_metaclass")))
    return found


def class_shapes(classes: Sequence[ast.ClassDef], lines: Sequence[str]) -> list[tuple[int, ...]]:
    """For each class statement (see :func:`class_statements`; ``lines``: the text's lines),
    digests of its member statements that do something (protocol boilerplate such as
    ``__enter__`` aside), each as written: blank and comment lines and a method's docstring
    dropped, a trailing comment too (scenic's ``# pytype: disable=...`` beside a copied
    statement), and the layout a formatter changes (``extract/layout.py``), so a copy
    re-indented, reformatted, re-commented or re-documented still matches; given lines in
    the module's one spelling (``extract/spelling.py``), one that spells a type otherwise
    (``uuid.UUID`` for ``UUID``, ``List`` for ``list``) too."""
    result: list[tuple[int, ...]] = []
    for node in classes:
        shapes: list[int] = []
        for stmt in node.body:
            if isinstance(stmt, _FUNCS):
                if _is_stub(stmt) or _is_protocol_method(stmt.name):
                    continue
            elif not isinstance(stmt, (ast.Assign, ast.AnnAssign)):
                continue
            end = stmt.end_lineno or stmt.lineno
            doc = _docstring_span(stmt) if isinstance(stmt, _FUNCS) else range(0)
            kept = [
                without_comment(s) if "#" in s else s
                for number, s in enumerate((line.strip() for line in lines[stmt.lineno - 1 : end]), stmt.lineno)
                if s and not s.startswith("#") and number not in doc
            ]
            shapes.append(layout_digest(kept))
        result.append(tuple(shapes))
    return result


def _docstring_span(func: ast.FunctionDef | ast.AsyncFunctionDef) -> range:
    """The lines of a method's docstring, which say nothing of what it does: a copy whose
    docstrings were reworded is still written alike (livekit's plugins' ``PeriodicCollector``)."""
    first = func.body[0] if func.body else None
    if (
        isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str)
        and first.lineno != func.lineno and len(func.body) > 1
    ):
        return range(first.lineno, (first.end_lineno or first.lineno) + 1)
    return range(0)


def walrus_bindings(tree: ast.Module, text: str) -> list[str]:
    """The module-level names assignment expressions bind: ``:=`` anywhere the module's own
    scope evaluates it (a statement, a decorator's or a default's arguments, a
    comprehension), not in a function, lambda or class body. nicegui's documentation
    binds ``@doc.demo(title := 'Other HTML Elements', ...)`` and another module imports
    ``title``."""
    if ":=" not in text:
        return []
    found: list[str] = []
    pending: list[ast.AST] = list(tree.body)
    while pending:
        node = pending.pop()
        kind = type(node)
        if kind is ast.NamedExpr:
            if isinstance(node.target, ast.Name):  # type: ignore[attr-defined]
                found.append(node.target.id)  # type: ignore[attr-defined]
            pending.append(node.value)  # type: ignore[attr-defined]
        elif kind in (ast.FunctionDef, ast.AsyncFunctionDef):
            args = node.args  # type: ignore[attr-defined]
            pending.extend((*node.decorator_list, *args.defaults, *(d for d in args.kw_defaults if d is not None)))  # type: ignore[attr-defined]
        elif kind is ast.Lambda:
            pending.extend((*node.args.defaults, *(d for d in node.args.kw_defaults if d is not None)))  # type: ignore[attr-defined]
        elif kind is ast.ClassDef:
            pending.extend((*node.decorator_list, *node.bases, *(k.value for k in node.keywords)))  # type: ignore[attr-defined]
        else:
            pending.extend(ast.iter_child_nodes(node))
    found.reverse()
    return found
