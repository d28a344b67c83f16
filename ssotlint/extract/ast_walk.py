"""Statement walk over CPython's ``ast``: exact positions, and the fallback extractor.

CPython's parser is the authority on what the interpreter accepts. It also survives inputs
that defeat LibCST (huge expressions, some valid 3.11+ syntax), so when LibCST fails on a
file the interpreter accepts, this walker produces the summary instead.

Only statements are visited, never expressions: statement nesting is bounded by the
interpreter's indentation limit, so the recursion here cannot run away.
"""

from __future__ import annotations

import ast
from typing import Iterator, Sequence

from ssotlint.extract.builder import (
    IMPORTORSKIP_CALLS,
    RAISES_CONTEXTS,
    SUPPRESS_CONTEXTS,
    Handler,
    SummaryBuilder,
    expected_flags,
    fails_test,
    guards_imports,
    handles_syntax_error,
)
from ssotlint.extract.summary import (
    CTX_CONDITIONAL,
    CTX_SYNTAX_ERROR_HANDLED,
    CTX_FUNCTION,
    CTX_GUARDED,
    CTX_MAIN,
    CTX_TYPE_CHECKING,
)

_FUNCS = (ast.FunctionDef, ast.AsyncFunctionDef)
_TRY = tuple(t for t in (ast.Try, getattr(ast, "TryStar", None)) if t is not None)


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
    return (
        isinstance(test, ast.Compare)
        and isinstance(test.left, ast.Name)
        and test.left.id == "__name__"
        and len(test.comparators) == 1
        and isinstance(test.ops[0], ast.Eq)
        and isinstance(test.comparators[0], ast.Constant)
        and test.comparators[0].value == "__main__"
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
    return None


def _is_trivial(body: Sequence[ast.stmt]) -> bool:
    for stmt in body:
        if isinstance(stmt, ast.Pass):
            continue
        if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
            continue  # docstring or ...
        return False
    return True


def _exception_names(node: ast.expr) -> tuple[str, ...]:
    """The dotted names an exception spec lists: ``E``, ``m.E`` or a tuple of them
    (``"?"`` for anything else)."""
    elements = node.elts if isinstance(node, ast.Tuple) else [node]
    return tuple(dotted(e) if isinstance(e, (ast.Name, ast.Attribute)) else "?" for e in elements)


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
        name = _call_name(call)
        if name in RAISES_CONTEXTS:
            spec = call.args[0] if call.args else next(
                (k.value for k in call.keywords if k.arg == "expected_exception"), None
            )
            if spec is not None:
                flags |= expected_flags(_exception_names(spec))
        elif name in SUPPRESS_CONTEXTS:
            types = tuple(t for arg in call.args for t in _exception_names(arg))
            swallowed = [Handler(types, False)]
            if guards_imports(swallowed):
                flags |= CTX_GUARDED
            if handles_syntax_error(swallowed):
                flags |= CTX_SYNTAX_ERROR_HANDLED
    return flags


def _importorskip(node: ast.stmt) -> str | None:
    """The module of ``pytest.importorskip("m")`` as a statement or an assignment."""
    value = node.value if isinstance(node, (ast.Expr, ast.Assign, ast.AnnAssign)) else None
    if not isinstance(value, ast.Call) or _call_name(value) not in IMPORTORSKIP_CALLS:
        return None
    arg = value.args[0] if value.args else next((k.value for k in value.keywords if k.arg == "modname"), None)
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return arg.value
    return None


class AstWalker:
    def __init__(self, builder: SummaryBuilder) -> None:
        self.b = builder

    def walk(self, body: Sequence[ast.stmt], ctx: int = 0, top: bool = True) -> None:
        for stmt in body:
            self.statement(stmt, ctx, top)

    def statement(self, node: ast.stmt, ctx: int, top: bool) -> None:
        b = self.b
        module_level = top and not ctx & CTX_FUNCTION
        if isinstance(node, ast.Import):
            b.import_statement(
                [(a.name, 0, (), False, a.asname) for a in node.names],
                node.lineno,
                node.col_offset,
                ctx,
            )
        elif isinstance(node, ast.ImportFrom):
            names = tuple((a.name, a.asname) for a in node.names)
            b.import_statement(
                [(node.module or "", node.level or 0, names, True, None)],
                node.lineno,
                node.col_offset,
                ctx,
            )
        elif isinstance(node, ast.ClassDef):
            self.class_def(node, ctx, module_level)
        elif isinstance(node, _FUNCS):
            if module_level:
                b.function_def(node.name, ctx)
            b.enter_function()
            self.walk(node.body, ctx | CTX_FUNCTION, top)
            b.leave_function()
        elif isinstance(node, ast.If):
            if is_type_checking(node.test):
                self.walk(node.body, ctx | CTX_TYPE_CHECKING, top)
                self.walk(node.orelse, ctx | CTX_CONDITIONAL, top)
            elif isinstance(node.test, ast.UnaryOp) and isinstance(node.test.op, ast.Not) and (
                is_type_checking(node.test.operand)
            ):
                self.walk(node.body, ctx | CTX_CONDITIONAL, top)
                self.walk(node.orelse, ctx | CTX_TYPE_CHECKING, top)
            elif is_main_guard(node.test):
                self.walk(node.body, ctx | CTX_MAIN, top)
                self.walk(node.orelse, ctx | CTX_CONDITIONAL, top)
            else:
                self.walk(node.body, ctx | CTX_CONDITIONAL, top)
                self.walk(node.orelse, ctx | CTX_CONDITIONAL, top)
        elif isinstance(node, _TRY):
            handlers = [_handler(h) for h in node.handlers]
            caught = (CTX_GUARDED if guards_imports(handlers) else 0) | (
                CTX_SYNTAX_ERROR_HANDLED if handles_syntax_error(handlers) else 0
            )
            self.walk(node.body, ctx | caught | CTX_CONDITIONAL, top)
            for handler in node.handlers:
                if module_level and handler.name:
                    b.bind([handler.name])
                self.walk(handler.body, ctx | CTX_CONDITIONAL, top)
            self.walk(node.orelse, ctx | CTX_CONDITIONAL, top)
            self.walk(node.finalbody, ctx, top)
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
        self.b.class_def(
            name=node.name,
            line=node.lineno,
            col=node.col_offset,
            bases=bases,
            metaclass=metaclass,
            method_names=[m.name for m in methods],
            method_decorators=[[d for d in map(dotted, m.decorator_list) if d] for m in methods],
            trivial_body=_is_trivial(node.body),
            top_level=module_level,
            context=ctx,
        )
        if module_level:
            self.b.bind([node.name])
        self.walk(node.body, ctx, top=False)


def statement_positions(tree: ast.Module) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Positions of import statements and class statements, in source order."""
    imports: list[tuple[int, int]] = []
    classes: list[tuple[int, int]] = []

    def visit(body: Sequence[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                imports.append((node.lineno, node.col_offset))
            elif isinstance(node, ast.ClassDef):
                classes.append((node.lineno, node.col_offset))
                visit(node.body)
            elif isinstance(node, (ast.Expr, ast.Assign, ast.AnnAssign, ast.AugAssign, ast.Return,
                                   ast.Pass, ast.Raise, ast.Delete, ast.Global, ast.Nonlocal,
                                   ast.Assert, ast.Break, ast.Continue)):
                continue
            else:
                # Source order: body, except handlers / match cases, else, finally.
                visit(getattr(node, "body", ()))
                for handler in getattr(node, "handlers", ()):
                    visit(handler.body)
                for case in getattr(node, "cases", ()):
                    visit(case.body)
                visit(getattr(node, "orelse", ()))
                visit(getattr(node, "finalbody", ()))

    visit(tree.body)
    return imports, classes
