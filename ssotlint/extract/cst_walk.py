"""Statement walk over a LibCST module: the primary extractor.

A full ``CSTVisitor`` doubles LibCST's parse cost and recurses through every expression
(it overflows Python's stack on huge string concatenations). This walker visits only
statements and reads the few expressions it needs (bases, decorators, ``__all__``)
directly, so it costs a fraction of the parse and cannot recurse deeply.

Positions come from the caller (CPython's ``ast`` of the same text), because computing
them with LibCST's metadata costs more than the parse itself.
"""

from __future__ import annotations

from typing import Iterator, Sequence

import libcst as cst
from libcst.metadata import PositionProvider

from ssotlint.extract.builder import (
    ABSTRACT_DECORATORS,
    EXISTS_FUNCTIONS,
    EXISTS_METHODS,
    IMPORTORSKIP_CALLS,
    PATH_FACTORIES,
    Handler,
    SummaryBuilder,
    exists_flags,
    fails_test,
    last_part,
    with_flags,
)
from ssotlint.extract.summary import (
    CTX_CONDITIONAL,
    CTX_FUNCTION,
    CTX_MAIN,
    CTX_TYPE_CHECKING,
)


def dotted(node: cst.BaseExpression | None) -> str | None:
    """``a.b.c`` for Name/Attribute chains; the head of a subscript or call."""
    parts: list[str] = []
    while node is not None:
        if isinstance(node, cst.Name):
            parts.append(node.value)
            return ".".join(reversed(parts))
        if isinstance(node, cst.Attribute):
            parts.append(node.attr.value)
            node = node.value
        elif isinstance(node, cst.Subscript) and not parts:
            node = node.value
        elif isinstance(node, cst.Call) and not parts:
            node = node.func
        else:
            return None
    return None


def _module_name(node: cst.BaseExpression | None) -> str:
    return dotted(node) or "" if node is not None else ""


def _is_type_checking(test: cst.BaseExpression) -> bool:
    name = dotted(test) if isinstance(test, (cst.Name, cst.Attribute)) else None
    return name is not None and name.rsplit(".", 1)[-1] == "TYPE_CHECKING"


def _is_main_guard(test: cst.BaseExpression) -> bool:
    """As ``ast_walk.is_main_guard``: ``__name__ == "__main__"`` either way round, or an
    ``and`` with such a comparison among its operands."""
    if isinstance(test, cst.BooleanOperation) and isinstance(test.operator, cst.And):
        return _is_main_guard(test.left) or _is_main_guard(test.right)
    if not isinstance(test, cst.Comparison) or len(test.comparisons) != 1:
        return False
    comparison = test.comparisons[0]
    if not isinstance(comparison.operator, cst.Equal):
        return False
    return any(
        isinstance(name, cst.Name) and name.value == "__name__"
        and isinstance(text, cst.SimpleString) and text.evaluated_value == "__main__"
        for name, text in ((test.left, comparison.comparator), (comparison.comparator, test.left))
    )


def _target_names(target: cst.BaseExpression) -> Iterator[str]:
    if isinstance(target, cst.Name):
        yield target.value
    elif isinstance(target, (cst.Tuple, cst.List)):
        for element in target.elements:
            yield from _target_names(element.value)
    elif isinstance(target, cst.StarredElement):
        yield from _target_names(target.value)


def _string(node: cst.BaseExpression) -> str | None:
    if isinstance(node, (cst.SimpleString, cst.ConcatenatedString)):
        value = node.evaluated_value
        return value if isinstance(value, str) else None
    return None


def _string_list(node: cst.BaseExpression | None) -> list[str] | None:
    if isinstance(node, (cst.List, cst.Tuple)):
        values = [_string(e.value) for e in node.elements]
        if all(v is not None for v in values):
            return values  # type: ignore[return-value]
    # ``"__version__ __author__".split()``: a literal too (visidata's ``__about__.py``).
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and node.func.attr.value == "split" and not node.args:
        text = _string(node.func.value)
        if text is not None:
            return text.split()
    return None


def _body(block: cst.BaseSuite | None) -> Sequence[cst.BaseStatement | cst.BaseSmallStatement]:
    return block.body if block is not None else ()


def _is_trivial(block: cst.BaseSuite) -> bool:
    """Only ``pass`` and constants alone (a docstring, ``...``), as the ast walker's."""
    return all(isinstance(small, cst.Pass) or _is_constant_expression(small) for small in _statements(block))


def _is_noop_init(stmt: cst.CSTNode) -> bool:
    """``def __init__(self): pass`` (or a docstring, or ``...``), as the ast walker's."""
    if not isinstance(stmt, cst.FunctionDef) or stmt.name.value != "__init__" or stmt.decorators:
        return False
    p = stmt.params
    if p.star_arg is not cst.MaybeSentinel.DEFAULT or p.star_kwarg or p.kwonly_params or p.posonly_params or len(p.params) != 1:
        return False
    return _is_trivial(stmt.body)


def _is_constant_expression(small: cst.CSTNode) -> bool:
    """A statement that is a constant alone (what ``ast`` reads as ``Expr(Constant)``)."""
    if not isinstance(small, cst.Expr):
        return False
    value = small.value
    if isinstance(value, cst.Name):
        return value.value in ("None", "True", "False")
    return isinstance(value, (cst.SimpleString, cst.ConcatenatedString, cst.Ellipsis, cst.Integer, cst.Float, cst.Imaginary))


def _without_noop_init(node: cst.ClassDef) -> cst.BaseSuite:
    """The class's body as its behaviour goes (see the ast walker's)."""
    inits = [s for s in _body(node.body) if isinstance(s, cst.FunctionDef) and s.name.value == "__init__"]
    if node.bases or node.keywords or len(inits) != 1 or not _is_noop_init(inits[0]):
        return node.body
    return node.body.with_changes(body=[s for s in node.body.body if s is not inits[0]])


def _exception_names(node: cst.BaseExpression) -> tuple[str, ...]:
    """The dotted names an exception spec lists: ``E``, ``m.E`` or a tuple of them
    (``"?"`` for anything else)."""
    elements = [e.value for e in node.elements] if isinstance(node, cst.Tuple) else [node]
    # ``type(obj).DoesNotExist`` is an attribute that is not a dotted name.
    return tuple((dotted(e) if isinstance(e, (cst.Name, cst.Attribute)) else None) or "?" for e in elements)


def _smalls(block: cst.BaseSuite) -> Iterator[cst.BaseSmallStatement]:
    """The simple statements directly in a block (not nested in compound ones)."""
    for stmt in block.body:
        if isinstance(stmt, cst.SimpleStatementLine):
            yield from stmt.body
        elif isinstance(stmt, cst.BaseSmallStatement):
            yield stmt


def _handler(handler: cst.ExceptHandler | cst.ExceptStarHandler) -> Handler:
    types = None if handler.type is None else _exception_names(handler.type)
    fails = False
    for small in _smalls(handler.body):
        if isinstance(small, cst.Raise):
            fails = True
        elif isinstance(small, cst.Expr) and isinstance(small.value, cst.Call):
            fails = fails or fails_test(_call_name(small.value))
    return Handler(types, fails)


def _call_name(call: cst.Call) -> str | None:
    return dotted(call.func) if isinstance(call.func, (cst.Name, cst.Attribute)) else None


def _is_exists_call(node: cst.BaseExpression) -> bool:
    """``os.path.exists(p)``, ``os.path.isfile(p)``, or ``exists()``/``is_file()`` of a path
    object made here (``Path(p)``, ``base.joinpath(p)``, ``BASE_DIR / "x.py"``), as the ast
    walker's ``_is_exists_call``."""
    if not isinstance(node, cst.Call):
        return False
    func = node.func
    if _call_name(node) in EXISTS_FUNCTIONS:
        return True
    if not (isinstance(func, cst.Attribute) and func.attr.value in EXISTS_METHODS):
        return False
    receiver = func.value
    if isinstance(receiver, cst.BinaryOperation):
        return isinstance(receiver.operator, cst.Divide)
    return isinstance(receiver, cst.Call) and last_part(_call_name(receiver) or "") in PATH_FACTORIES


def _and_operands(test: cst.BaseExpression) -> Iterator[cst.BaseExpression]:
    """The operands of an ``and`` chain (LibCST nests ``a and b and c`` to the left)."""
    if isinstance(test, cst.BooleanOperation) and isinstance(test.operator, cst.And):
        yield from _and_operands(test.left)
        yield from _and_operands(test.right)
    else:
        yield test


def _exists_check(test: cst.BaseExpression) -> tuple[bool, bool]:
    """(is a file-existence check, negated), as the ast walker's ``_exists_check``."""
    if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
        return _is_exists_call(test.expression), True
    if isinstance(test, cst.BooleanOperation) and isinstance(test.operator, cst.And):
        return any(_is_exists_call(v) for v in _and_operands(test)), False
    return _is_exists_call(test), False


def _with_context(items: Sequence[cst.WithItem]) -> int:
    """Flags for the body of ``with``: an import expected to raise, or suppressed."""
    flags = 0
    for item in items:
        call = item.item
        if not isinstance(call, cst.Call):
            continue
        positional = [a.value for a in call.args if a.keyword is None and not a.star]
        spec = positional[0] if positional else next(
            (a.value for a in call.args if a.keyword is not None and a.keyword.value == "expected_exception"),
            None,
        )
        expected = _exception_names(spec) if spec is not None else None
        suppressed = [t for arg in positional for t in _exception_names(arg)]
        flags |= with_flags(_call_name(call), expected, suppressed)
    return flags


def _importorskip(node: cst.CSTNode) -> str | None:
    """The module of ``pytest.importorskip("m")`` as a statement or an assignment."""
    value = node.value if isinstance(node, (cst.Expr, cst.Assign, cst.AnnAssign)) else None
    if not isinstance(value, cst.Call) or _call_name(value) not in IMPORTORSKIP_CALLS:
        return None
    positional = [a.value for a in value.args if a.keyword is None and not a.star]
    arg = positional[0] if positional else next(
        (a.value for a in value.args if a.keyword is not None and a.keyword.value == "modname"), None
    )
    return _string(arg) if arg is not None else None


def _is_docstring_like(node: cst.BaseExpression) -> bool:
    """A string without interpolation, or ``...``: what a declaration's body may hold."""
    if isinstance(node, (cst.SimpleString, cst.Ellipsis)):
        return True
    if isinstance(node, cst.ConcatenatedString):
        return _is_docstring_like(node.left) and _is_docstring_like(node.right)
    return False


def _is_abstract(function: cst.FunctionDef) -> bool:
    return any(last_part(dotted(d.decorator) or "") in ABSTRACT_DECORATORS for d in function.decorators)


def _statements(block: cst.BaseSuite) -> Iterator[cst.CSTNode]:
    """The statements of a block, each small statement of a line on its own
    (``class A: x: int; y: int`` as well as an indented body)."""
    for stmt in block.body:
        if isinstance(stmt, cst.SimpleStatementLine):
            yield from stmt.body
        else:
            yield stmt


def _is_interface_body(block: cst.BaseSuite) -> bool:
    """Only a docstring, ``pass``, ``...``, bare annotations and abstract methods."""
    for stmt in _statements(block):
        if isinstance(stmt, cst.FunctionDef):
            if not _is_abstract(stmt):
                return False
        elif isinstance(stmt, cst.Pass) or (isinstance(stmt, cst.AnnAssign) and stmt.value is None):
            continue
        elif not (isinstance(stmt, cst.Expr) and _is_docstring_like(stmt.value)):
            return False
    return True


def _members(block: cst.BaseSuite) -> tuple[list[str], list[str]]:
    """Methods and class-level fields (assigned or annotated) of a class body, in source
    order; and the fields alone."""
    names: list[str] = []
    fields: list[str] = []
    for stmt in _statements(block):
        if isinstance(stmt, cst.FunctionDef):
            names.append(stmt.name.value)
            continue
        start = len(names)
        if isinstance(stmt, cst.Assign):
            for target in stmt.targets:
                names.extend(_target_names(target.target))
        elif isinstance(stmt, cst.AnnAssign):
            names.extend(_target_names(stmt.target))
        fields.extend(names[start:])
    return names, fields


def _availability(test: cst.BaseExpression) -> tuple[str, bool] | None:
    """``if X:`` / ``if X is not None:`` -> (X, False); ``if not X:`` / ``if X is None:``
    -> (X, True); anything else None."""
    if isinstance(test, cst.Name):
        return test.value, False
    if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
        if isinstance(test.expression, cst.Name):
            return test.expression.value, True
        return None
    if (
        isinstance(test, cst.Comparison)
        and isinstance(test.left, cst.Name)
        and len(test.comparisons) == 1
        and isinstance(test.comparisons[0].operator, (cst.Is, cst.IsNot))
        and isinstance(test.comparisons[0].comparator, cst.Name)
        and test.comparisons[0].comparator.value == "None"
    ):
        return test.left.value, isinstance(test.comparisons[0].operator, cst.Is)
    return None




class CstWalker:
    """Reports the statements of a LibCST module to a :class:`SummaryBuilder`.

    Imports and classes are recorded with position (0, 0); the caller fills positions in.
    """

    def __init__(self, builder: SummaryBuilder) -> None:
        self.b = builder

    def walk(self, body: Sequence[cst.CSTNode], ctx: int = 0, top: bool = True) -> None:
        for stmt in body:
            if isinstance(stmt, (cst.SimpleStatementLine, cst.SimpleStatementSuite)):
                for small in stmt.body:
                    self.small(small, ctx, top)
            elif isinstance(stmt, cst.BaseSmallStatement):
                self.small(stmt, ctx, top)
            else:
                self.compound(stmt, ctx, top)

    def small(self, node: cst.CSTNode, ctx: int, top: bool) -> None:
        b = self.b
        module_level = top and not ctx & CTX_FUNCTION
        if isinstance(node, cst.Import):
            records = []
            for alias in node.names:
                asname = alias.asname.name.value if alias.asname and isinstance(alias.asname.name, cst.Name) else None
                records.append((_module_name(alias.name), 0, (), False, asname))
            b.import_statement(records, 0, 0, ctx)
        elif isinstance(node, cst.ImportFrom):
            if isinstance(node.names, cst.ImportStar):
                names: tuple[tuple[str, str | None], ...] = (("*", None),)
            else:
                names = tuple(
                    (
                        _module_name(a.name),
                        a.asname.name.value
                        if a.asname and isinstance(a.asname.name, cst.Name)
                        else None,
                    )
                    for a in node.names
                )
            b.import_statement(
                [(_module_name(node.module), len(node.relative), names, True, None)], 0, 0, ctx
            )
        else:
            skipped = _importorskip(node)
            if skipped is not None:
                b.importorskip(skipped)
            if module_level:
                self.binding(node)
            elif isinstance(node, cst.Global):
                b.bind(n.name.value for n in node.names)

    def binding(self, node: cst.CSTNode) -> None:
        b = self.b
        if isinstance(node, cst.Assign):
            for target in node.targets:
                b.bind(_target_names(target.target))
            if len(node.targets) == 1 and isinstance(node.targets[0].target, cst.Name):
                name = node.targets[0].target.value
                if name == "__all__":
                    b.set_all(_string_list(node.value))
                elif isinstance(node.value, (cst.Name, cst.Attribute)):
                    target = dotted(node.value)
                    if target not in (None, "None", "True", "False"):
                        b.alias(name, target)
        elif isinstance(node, cst.AnnAssign):
            if node.value is not None:
                b.bind(_target_names(node.target))
        elif isinstance(node, cst.AugAssign):
            b.bind(_target_names(node.target))
            if isinstance(node.target, cst.Name) and node.target.value == "__all__":
                b.set_all(_string_list(node.value), extend=True)
        elif isinstance(node, cst.Expr) and isinstance(node.value, cst.Call):
            func = node.value.func
            args = node.value.args
            if (
                isinstance(func, cst.Attribute)
                and dotted(func.value) == "__all__"
                and func.attr.value in ("extend", "append")
                and len(args) == 1
            ):
                if func.attr.value == "append":
                    value = _string(args[0].value)
                    b.set_all([value] if value is not None else None, extend=True)
                else:
                    b.set_all(_string_list(args[0].value), extend=True)
        elif isinstance(node, cst.Global):
            b.bind(n.name.value for n in node.names)
        elif type(node).__name__ == "TypeAlias":
            b.bind([node.name.value])  # type: ignore[attr-defined]

    def compound(self, node: cst.CSTNode, ctx: int, top: bool) -> None:
        b = self.b
        module_level = top and not ctx & CTX_FUNCTION
        if isinstance(node, cst.ClassDef):
            self.class_def(node, ctx, module_level)
        elif isinstance(node, cst.FunctionDef):
            if module_level:
                b.function_def(node.name.value, ctx)
            b.enter_function()
            self.walk(_body(node.body), ctx | CTX_FUNCTION, top)
            b.leave_function()
        elif isinstance(node, cst.If):
            self.if_chain(node, ctx, top)
        elif isinstance(node, (cst.Try, cst.TryStar)):
            self.try_statement(node, ctx, top, module_level)
        elif isinstance(node, cst.For):
            if module_level:
                b.bind(_target_names(node.target))
            self.walk(_body(node.body), ctx | CTX_CONDITIONAL, top)
            if node.orelse is not None:
                self.walk(_body(node.orelse.body), ctx | CTX_CONDITIONAL, top)
        elif isinstance(node, cst.While):
            self.walk(_body(node.body), ctx | CTX_CONDITIONAL, top)
            if node.orelse is not None:
                self.walk(_body(node.orelse.body), ctx | CTX_CONDITIONAL, top)
        elif isinstance(node, cst.With):
            if module_level:
                for item in node.items:
                    if item.asname is not None:
                        b.bind(_target_names(item.asname.name))
            self.walk(_body(node.body), ctx | _with_context(node.items), top)
        elif isinstance(node, cst.Match):
            for case in node.cases:
                self.walk(_body(case.body), ctx | CTX_CONDITIONAL, top)

    def try_statement(self, node: cst.Try | cst.TryStar, ctx: int, top: bool, module_level: bool) -> None:
        parts = {
            "body": node.body,
            "else": node.orelse.body if node.orelse is not None else None,
            "finally": node.finalbody.body if node.finalbody is not None else None,
        }

        def walk(part: str, index: int, flags: int) -> None:
            block = node.handlers[index].body if part == "handler" else parts[part]
            if block is not None:
                self.walk(_body(block), flags, top)

        handlers = [
            (_handler(h), h.name.name.value if h.name is not None and isinstance(h.name.name, cst.Name) else None)
            for h in node.handlers
        ]
        self.b.try_statement(handlers, walk, ctx, module_level)

    def if_chain(self, node: cst.If, ctx: int, top: bool) -> None:
        test = node.test
        body_ctx = else_ctx = ctx | CTX_CONDITIONAL
        if _is_type_checking(test):
            body_ctx = ctx | CTX_TYPE_CHECKING
        elif (
            isinstance(test, cst.UnaryOperation)
            and isinstance(test.operator, cst.Not)
            and _is_type_checking(test.expression)
        ):
            else_ctx = ctx | CTX_TYPE_CHECKING
        elif _is_main_guard(test):
            body_ctx = ctx | CTX_MAIN
        else:
            body_extra, else_extra = exists_flags(*_exists_check(test))
            body_ctx, else_ctx = body_ctx | body_extra, else_ctx | else_extra
        before = self.b.mark()
        self.walk(_body(node.body), body_ctx, top)
        middle = self.b.mark()
        if isinstance(node.orelse, cst.If):  # elif: the ast nests it in orelse as well
            self.if_chain(node.orelse, else_ctx, top)
        elif isinstance(node.orelse, cst.Else):
            self.walk(_body(node.orelse.body), else_ctx, top)
        self.b.alternatives(before, middle, _availability(test))

    def class_def(self, node: cst.ClassDef, ctx: int, module_level: bool) -> None:
        # A starred base (``class A(*bases)``) names no class statically, as in the ast walker.
        bases = [d for d in (dotted(arg.value) for arg in node.bases if not arg.star) if d]
        metaclass = next(
            (
                dotted(k.value)
                for k in node.keywords
                if k.keyword is not None and k.keyword.value == "metaclass"
            ),
            None,
        )
        methods = [
            s for s in _body(node.body) if isinstance(s, cst.FunctionDef)
        ]
        behaving = _without_noop_init(node)
        members, fields = _members(behaving)
        self.b.class_def(
            name=node.name.value,
            line=0,
            col=0,
            bases=bases,
            metaclass=metaclass,
            method_names=[m.name.value for m in methods],
            method_decorators=[
                [d for d in (dotted(dec.decorator) for dec in m.decorators) if d] for m in methods
            ],
            trivial_body=_is_trivial(behaving),
            top_level=module_level,
            context=ctx,
            members=members,
            fields=fields,
            interface_body=_is_interface_body(node.body),
        )
        if module_level and not ctx & CTX_TYPE_CHECKING:  # only type checkers see it otherwise
            self.b.bind([node.name.value])
        self.walk(_body(node.body), ctx, top=False)


class StatementPositions(cst.CSTVisitor):
    """Positions of import and class statements, in source order, from LibCST's metadata:
    for files that only LibCST can parse (no CPython tree to take them from). Costly, so
    used only there."""

    METADATA_DEPENDENCIES = (PositionProvider,)

    def __init__(self) -> None:
        super().__init__()
        self.imports: list[tuple[int, int]] = []
        self.classes: list[tuple[int, int]] = []

    def _start(self, node: cst.CSTNode) -> tuple[int, int]:
        start = self.get_metadata(PositionProvider, node).start
        return start.line, start.column

    def visit_Import(self, node: cst.Import) -> None:
        self.imports.append(self._start(node))

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        self.imports.append(self._start(node))

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.classes.append(self._start(node))
