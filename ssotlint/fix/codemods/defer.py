"""SSOT002: defer an import that closes a cycle to the places that need it.

A module-level ``from M import a, b`` / ``import M as m`` / ``import a.b`` is removed from
the top of the module. Every name it binds is then imported again where it is used:

- at the top of each function (the outermost ``def`` around the use, after its
  docstring) that uses it when it runs;
- under ``if TYPE_CHECKING:`` when it is used in annotations that are never evaluated
  (``from __future__ import annotations``, or a string annotation), or not at all in
  this file while other names of the statement are (type checkers and readers still find
  it there). A statement none of whose names is used stays: it may be there for what
  loading the module does.

The uses are found with LibCST's scope analysis. A use that runs while the module is
imported (a module-level statement, a class body, a base class, a decorator, a default
value, an annotation evaluated when the ``def`` runs, a module-level lambda or
comprehension) makes the import necessary where it is: no fix. So does an annotation a
framework may evaluate at runtime (a field of a decorated or derived class, the signature
of a decorated function), a ``global`` statement naming it, or another binding of the
same name at module level.
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping, NamedTuple, Sequence, Union

import libcst as cst
from libcst.metadata import (
    FunctionScope,
    GlobalScope,
    MetadataWrapper,
    ParentNodeProvider,
    PositionProvider,
    Scope,
    ScopeProvider,
)

from ssotlint.fix.codemods import CannotFix
from ssotlint.fix.codemods.syntax import dotted, parse

ImportNode = Union[cst.Import, cst.ImportFrom]

# Decorators known not to read annotations; any other decorator might (FastAPI routes,
# pydantic's validate_call, typer commands evaluate the signature when they decorate).
_PLAIN_DECORATORS = frozenset(
    {
        "property", "staticmethod", "classmethod", "abstractmethod", "abc.abstractmethod",
        "overload", "typing.overload", "cached_property", "functools.cached_property",
        "override", "typing.override", "typing_extensions.override",
    }
)
_PLAIN_BASES = frozenset({"object", "Protocol", "typing.Protocol", "ABC", "abc.ABC"})
_TYPE_CHECKING = frozenset({"TYPE_CHECKING", "typing.TYPE_CHECKING"})
_UNUSABLE = "\0"  # TYPE_CHECKING is bound, but not (only) by a module-level import from typing


class Target(NamedTuple):
    """One statement to defer, as the rule saw it."""

    line: int
    level: int
    module: str
    is_from: bool
    names: tuple[str, ...]  # for a from-import, the imported names (not aliases)


class Found(NamedTuple):
    line: cst.SimpleStatementLine
    statement: ImportNode


class Plan(NamedTuple):
    """Where each bound name of each statement goes."""

    functions: dict[cst.FunctionDef, dict[int, set[str]]]  # def -> statement index -> names
    typing_only: dict[int, set[str]]  # statement index -> names for the TYPE_CHECKING block


def defer(text: str, args: Mapping[str, Any]) -> str:
    """``args``: ``statements``, each ``{line, level, module, is_from, names}``."""
    targets = [
        Target(int(s["line"]), int(s["level"]), str(s["module"]), bool(s["is_from"]), tuple(str(n) for n in s["names"]))
        for s in args["statements"]
    ]
    module = parse(text)
    wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
    positions = wrapper.resolve(PositionProvider)
    scopes = wrapper.resolve(ScopeProvider)
    parents = wrapper.resolve(ParentNodeProvider)
    found = [_find(module, positions, t) for t in targets]
    if len({id(f.statement) for f in found}) != len(found):
        raise CannotFix("two of the imports to move are one statement")
    global_scope = scopes[module]
    assert isinstance(global_scope, GlobalScope)
    postponed = _postponed(module)
    plan = Plan({}, {})
    for index, item in enumerate(found):
        uses = list(_uses(global_scope, item.statement))
        if not any(nodes for _, nodes in uses):
            # Imported and never used: kept for what loading the module does (registering
            # checks, signals, plugins), which moving it would stop.
            names = ", ".join(f"`{name}`" for name, _ in uses)
            raise CannotFix(f"nothing in the file uses {names}: it may be imported for its side effects")
        for name, access_nodes in uses:
            _place(plan, index, name, access_nodes, scopes, parents, postponed, positions)
    return module.visit(_Defer(found, plan, _type_checking_name(module, global_scope))).code


# -- finding the statements --------------------------------------------------------------
def _find(module: cst.Module, positions: Mapping[cst.CSTNode, Any], target: Target) -> Found:
    """The module-level statement matching ``target``, nearest its line."""
    candidates: list[tuple[int, Found]] = []
    for line in module.body:
        if not isinstance(line, cst.SimpleStatementLine):
            continue
        for small in line.body:
            if _matches(small, target):
                candidates.append((abs(positions[small].start.line - target.line), Found(line, small)))  # type: ignore[arg-type]
    if not candidates:
        spelled = f"from {'.' * target.level}{target.module} import ..." if target.is_from else f"import {target.module}"
        raise CannotFix(f"no module-level `{spelled}` in the file")
    candidates.sort(key=lambda c: c[0])
    return candidates[0][1]


def _matches(small: cst.BaseSmallStatement, target: Target) -> bool:
    if target.is_from:
        if not isinstance(small, cst.ImportFrom) or isinstance(small.names, cst.ImportStar):
            return False
        if len(small.relative) != target.level or dotted(small.module) != target.module:
            return False
        return sorted(dotted(a.name) for a in small.names) == sorted(target.names)
    if not isinstance(small, cst.Import):
        return False
    return len(small.names) == 1 and dotted(small.names[0].name) == target.module


def _bound(alias: cst.ImportAlias, is_from: bool) -> tuple[str, str]:
    """(name bound in the module, the scope's assignment name) for one alias."""
    if alias.asname is not None:
        target = alias.asname.name
        if not isinstance(target, cst.Name):
            raise CannotFix("an import alias that is not a name")
        return target.value, target.value
    name = dotted(alias.name)
    if is_from or "." not in name:
        return name, name
    return name.split(".")[0], name  # ``import a.b`` binds ``a``


# -- classifying the uses ----------------------------------------------------------------
def _uses(scope: GlobalScope, statement: ImportNode) -> Iterable[tuple[str, list[cst.CSTNode]]]:
    """Each name the statement binds, with the nodes that read it."""
    aliases = statement.names
    assert not isinstance(aliases, cst.ImportStar)
    for alias in aliases:
        bound, recorded = _bound(alias, isinstance(statement, cst.ImportFrom))
        mine = [a for a in scope.assignments[bound] if getattr(a, "node", None) is not statement]
        if mine:
            raise CannotFix(f"`{bound}` is bound more than once at module level")
        nodes: list[cst.CSTNode] = []
        for name in {bound, recorded}:
            for assignment in scope.assignments[name]:
                if getattr(assignment, "node", None) is statement:
                    nodes.extend(access.node for access in assignment.references)
        yield bound, nodes


def _place(
    plan: Plan,
    index: int,
    name: str,
    nodes: Sequence[cst.CSTNode],
    scopes: Mapping[cst.CSTNode, Scope | None],
    parents: Mapping[cst.CSTNode, cst.CSTNode],
    postponed: bool,
    positions: Mapping[cst.CSTNode, Any],
) -> None:
    if not nodes:
        plan.typing_only.setdefault(index, set()).add(name)
    for node in nodes:
        scope = scopes.get(node)
        if scope is None:
            raise CannotFix(f"cannot tell where `{name}` is used")
        function = _outermost_function(scope)
        if function is not None:
            if isinstance(function.node, cst.Lambda):
                raise CannotFix(f"`{name}` is used in a lambda evaluated at module level")
            if not isinstance(function.node, cst.FunctionDef):
                raise CannotFix(f"cannot tell where `{name}` is used")
            if _declares(function.node, name):
                raise CannotFix(f"a `global` or `nonlocal` statement names `{name}`")
            plan.functions.setdefault(function.node, {}).setdefault(index, set()).add(name)
            continue
        why = _evaluated_at_import(node, parents, postponed)
        if why:
            line = positions[node].start.line if node in positions else 0
            raise CannotFix(f"`{name}` is used while the module is imported (line {line}: {why})")
        plan.typing_only.setdefault(index, set()).add(name)


def _declares(function: cst.FunctionDef, name: str) -> bool:
    """Whether a ``global``/``nonlocal`` statement in the function names ``name``."""

    class Finder(cst.CSTVisitor):
        found = False

        def visit_Global(self, node: cst.Global) -> None:
            self.found |= any(n.name.value == name for n in node.names)

        def visit_Nonlocal(self, node: cst.Nonlocal) -> None:
            self.found |= any(n.name.value == name for n in node.names)

    finder = Finder()
    function.visit(finder)
    return finder.found


def _outermost_function(scope: Scope) -> FunctionScope | None:
    """The function whose call runs code in ``scope``; None for import time."""
    found: FunctionScope | None = None
    current: Scope | None = scope
    while current is not None and not isinstance(current, GlobalScope):
        if isinstance(current, FunctionScope):
            found = current
        current = current.parent
    return found


def _evaluated_at_import(node: cst.CSTNode, parents: Mapping[cst.CSTNode, cst.CSTNode], postponed: bool) -> str:
    """Why a use outside every function runs at import time ("" when it does not)."""
    if isinstance(node, cst.BaseString):
        holder = _annotation_holder(node, parents)
        if holder is None:
            return "a string outside an annotation"
        return _framework(holder, parents)
    holder = _annotation_holder(node, parents)
    if holder is None:
        return "at module or class level"
    if not postponed:
        return "an annotation evaluated when its definition runs"
    return _framework(holder, parents)


def _annotation_holder(node: cst.CSTNode, parents: Mapping[cst.CSTNode, cst.CSTNode]) -> cst.CSTNode | None:
    """The Param, FunctionDef (return) or AnnAssign whose annotation holds ``node``."""
    child = node
    parent = parents.get(child)
    while parent is not None:
        if isinstance(child, cst.Annotation):
            return parent if isinstance(parent, (cst.Param, cst.FunctionDef, cst.AnnAssign)) else None
        if isinstance(parent, (cst.BaseStatement, cst.BaseSmallStatement)) and not isinstance(parent, cst.AnnAssign):
            return None
        child, parent = parent, parents.get(parent)
    return None


def _framework(holder: cst.CSTNode, parents: Mapping[cst.CSTNode, cst.CSTNode]) -> str:
    """Why an unevaluated annotation may still be evaluated at runtime by a framework."""
    if isinstance(holder, cst.Param):
        node: cst.CSTNode | None = holder
        while node is not None and not isinstance(node, cst.FunctionDef):
            node = parents.get(node)
        holder = node  # type: ignore[assignment]
    if isinstance(holder, cst.FunctionDef):
        odd = [d for d in holder.decorators if not _plain_decorator(d)]
        return "the signature of a decorated function, which the decorator may read" if odd else ""
    if isinstance(holder, cst.AnnAssign):
        owner = _owner_class(holder, parents)
        if owner is not None and (
            owner.decorators or owner.keywords or any(dotted(a.value) not in _PLAIN_BASES for a in owner.bases)
        ):
            return f"a field annotation of class {owner.name.value}, which dataclasses or pydantic may read"
        return ""
    return "an annotation"


def _plain_decorator(decorator: cst.Decorator) -> bool:
    name = dotted(decorator.decorator)
    return name in _PLAIN_DECORATORS or name.endswith((".setter", ".getter", ".deleter"))


def _owner_class(node: cst.CSTNode, parents: Mapping[cst.CSTNode, cst.CSTNode]) -> cst.ClassDef | None:
    current = parents.get(node)
    while current is not None and not isinstance(current, (cst.ClassDef, cst.FunctionDef, cst.Module)):
        current = parents.get(current)
    return current if isinstance(current, cst.ClassDef) else None


def _postponed(module: cst.Module) -> bool:
    """``from __future__ import annotations`` (which must come first)."""
    for line in module.body:
        if not isinstance(line, cst.SimpleStatementLine):
            continue
        for small in line.body:
            if (
                isinstance(small, cst.ImportFrom)
                and dotted(small.module) == "__future__"
                and not isinstance(small.names, cst.ImportStar)
                and any(dotted(a.name) == "annotations" for a in small.names)
            ):
                return True
    return False


def _type_checking_name(module: cst.Module, scope: GlobalScope) -> str | None:
    """How the module can spell TYPE_CHECKING: None when it must import it first."""
    for assignment in scope.assignments["TYPE_CHECKING"]:
        node = getattr(assignment, "node", None)
        if (
            isinstance(node, cst.ImportFrom)
            and dotted(node.module) in {"typing", "typing_extensions"}
            and len(scope.assignments["TYPE_CHECKING"]) == 1
            and any(line.body and node in line.body for line in module.body if isinstance(line, cst.SimpleStatementLine))
        ):
            return "TYPE_CHECKING"
        return _UNUSABLE
    return None


# -- rewriting -----------------------------------------------------------------------------
def _subset(found: Found, names: set[str], is_from: bool) -> cst.SimpleStatementLine:
    """The statement importing only the aliases that bind ``names``, as a line of its own
    (with the comment at the end of its line, when it was alone on it)."""
    statement = found.statement
    aliases = [a for a in statement.names if _bound(a, is_from)[0] in names]  # type: ignore[union-attr]
    if len(aliases) != len(statement.names):  # type: ignore[arg-type]
        if isinstance(statement, cst.ImportFrom) and statement.lpar is not None:
            pass  # in parentheses any trailing comma is valid
        else:
            aliases[-1] = aliases[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
    small = statement.with_changes(names=aliases, semicolon=cst.MaybeSentinel.DEFAULT)
    if len(found.line.body) == 1:
        return cst.SimpleStatementLine(body=[small], trailing_whitespace=found.line.trailing_whitespace)
    return cst.SimpleStatementLine(body=[small])


def _docstring_count(body: Sequence[cst.BaseStatement]) -> int:
    first = body[0] if body else None
    if (
        isinstance(first, cst.SimpleStatementLine)
        and len(first.body) == 1
        and isinstance(first.body[0], cst.Expr)
        and isinstance(first.body[0].value, (cst.SimpleString, cst.ConcatenatedString))
    ):
        return 1
    return 0


class _Defer(cst.CSTTransformer):
    def __init__(self, found: list[Found], plan: Plan, type_checking: str | None) -> None:
        self.found = found
        self.plan = plan
        self.type_checking = type_checking
        self.kinds = [isinstance(f.statement, cst.ImportFrom) for f in found]

    def _lines(self, wanted: Mapping[int, set[str]]) -> list[cst.SimpleStatementLine]:
        return [_subset(self.found[i], names, self.kinds[i]) for i, names in sorted(wanted.items())]

    def leave_FunctionDef(self, original: cst.FunctionDef, updated: cst.FunctionDef) -> cst.FunctionDef:
        wanted = self.plan.functions.get(original)
        if not wanted:
            return updated
        lines = self._lines(wanted)
        body = updated.body
        if isinstance(body, cst.SimpleStatementSuite):  # ``def f(): return B()``
            statements: list[cst.BaseStatement] = [cst.SimpleStatementLine(body=body.body, trailing_whitespace=body.trailing_whitespace)]
            return updated.with_changes(body=cst.IndentedBlock(body=[*lines, *statements]))
        assert isinstance(body, cst.IndentedBlock)
        at = _docstring_count(body.body)
        return updated.with_changes(body=body.with_changes(body=[*body.body[:at], *lines, *body.body[at:]]))

    def leave_Module(self, original: cst.Module, updated: cst.Module) -> cst.Module:
        originals = list(original.body)
        removing: dict[int, list[Found]] = {}
        for f in self.found:
            removing.setdefault(originals.index(f.line), []).append(f)
        first = min(removing)
        out: list[cst.BaseStatement] = []
        placed: dict[int, int] = {}  # original position -> position in ``out`` after it
        # The blank and comment lines above a removed line stay, above what comes next
        # (keyed by the position in ``out`` they go before).
        pending: dict[int, list[cst.EmptyLine]] = {}
        gone: set[int] = set()  # lines removed entirely
        for position, statement in enumerate(updated.body):
            if position in removing:
                kept = _without(removing[position], statement)  # type: ignore[arg-type]
                if kept is None:
                    gone.add(position)
                    pending.setdefault(len(out), []).extend(statement.leading_lines)  # type: ignore[attr-defined]
                    placed[position] = len(out)
                    continue
                statement = kept
            out.append(statement)
            placed[position] = len(out)
        if out and 0 in gone and not any(line.comment for line in pending.get(0, ())):
            out[0] = out[0].with_changes(leading_lines=_lstrip(out[0].leading_lines))  # no blank start
        typing_lines = self._lines(self.plan.typing_only)
        if typing_lines:
            where, count = self._add_typing(out, originals, placed, first, typing_lines)
            # The new block takes the place (and the lines above) of the first moved
            # statement when it is there; other lines move down with their statements.
            own = first in gone and placed[first] == where
            pending = {
                (k + count if k > where or (k == where and not own) else k): v for k, v in pending.items()
            }
        for index, lines in sorted(pending.items()):
            if index < len(out):
                out[index] = out[index].with_changes(leading_lines=[*lines, *out[index].leading_lines])
        footer = [line for index, lines in sorted(pending.items()) if index >= len(out) for line in lines]
        if not out:
            out = [cst.SimpleStatementLine(body=[cst.Pass()])]
        return updated.with_changes(body=out, footer=[*footer, *updated.footer])

    def _add_typing(
        self,
        out: list[cst.BaseStatement],
        originals: list[cst.BaseStatement],
        placed: Mapping[int, int],
        first: int,
        lines: list[cst.SimpleStatementLine],
    ) -> tuple[int, int]:
        """Append to the first module-level ``if TYPE_CHECKING:`` block, or open one where
        the first moved statement was (after the import of TYPE_CHECKING, if later).
        Changes ``out``; returns where statements were inserted and how many."""
        for position, statement in enumerate(out):
            if _is_type_checking_block(statement):
                block = statement.body  # type: ignore[attr-defined]
                out[position] = statement.with_changes(body=block.with_changes(body=[*block.body, *lines]))
                return position, 0
        if self.type_checking == _UNUSABLE:
            raise CannotFix("`TYPE_CHECKING` is bound to something else in the file")
        new: list[cst.BaseStatement] = []
        if self.type_checking is None:
            new.append(cst.parse_statement("from typing import TYPE_CHECKING\n"))
            where = placed[first]
        else:
            where = max(placed[first], placed[_binding_line(originals)])
        new.append(cst.If(test=cst.Name("TYPE_CHECKING"), body=cst.IndentedBlock(body=lines)))
        out[where:where] = new
        return where, len(new)


def _lstrip(lines: Sequence[cst.EmptyLine]) -> list[cst.EmptyLine]:
    kept = list(lines)
    while kept and kept[0].comment is None:
        kept.pop(0)
    return kept


def _without(found: list[Found], current: cst.SimpleStatementLine) -> cst.SimpleStatementLine | None:
    """The line without the moved statements; None when nothing is left of it."""
    moved = {id(f.statement) for f in found}
    original = found[0].line
    rest = [s for s, o in zip(current.body, original.body) if id(o) not in moved]
    if not rest:
        return None
    rest[-1] = rest[-1].with_changes(semicolon=cst.MaybeSentinel.DEFAULT)
    return current.with_changes(body=rest)


def _binding_line(originals: list[cst.BaseStatement]) -> int:
    for position, statement in enumerate(originals):
        if isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                if isinstance(small, cst.ImportFrom) and not isinstance(small.names, cst.ImportStar):
                    if any(_bound(a, True)[0] == "TYPE_CHECKING" for a in small.names):
                        return position
    return 0


def _is_type_checking_block(statement: cst.BaseStatement) -> bool:
    return (
        isinstance(statement, cst.If)
        and dotted(statement.test) in _TYPE_CHECKING
        and statement.orelse is None
        and isinstance(statement.body, cst.IndentedBlock)
    )
