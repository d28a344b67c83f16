"""How a file uses the names its module-level imports bind: while it is imported, only in
function bodies, only in annotations, or not at all.

A rule that advises moving an import into "the function that uses it" must know there is
one: a name that is a base class, read in a class body, a decorator or a default value is
needed while the module is imported, and an import whose names nothing reads is there for
what loading its module does (registering a plugin, a signal, a migration). Computed from
the interpreter's tree, for both engines alike (as the class facts of extract/bodies.py).

The walk is iterative (expressions nest without bound) and in two passes: first the code
that runs at import time, with function bodies set aside; then the function bodies, only
as long as some name has not been seen used there or at import time.
"""

from __future__ import annotations

import ast
import re
from collections import Counter
from functools import lru_cache
from typing import Iterator, Sequence

from ssotlint.extract.ast_walk import inner_statements, is_main_guard, is_type_checking, split_lines
from ssotlint.extract.summary import CTX_FUNCTION, USE_ANNOTATION, USE_CALL, USE_IMPORT_TIME, USE_NONE, ImportRecord

_FUNCS = (ast.FunctionDef, ast.AsyncFunctionDef)
_IDENTIFIER = re.compile(r"[^\W\d]\w*")

# A stack entry: a node, the use its names get, and whether it is part of an annotation
# (where a string is an annotation too).
_Item = tuple[ast.AST, int, bool]


Reads = tuple[tuple[str, tuple[str, ...]], ...]


def import_uses(tree: ast.Module, text: str, records: Sequence[ImportRecord]) -> tuple[tuple[int, ...], ...]:
    """For each import record the walkers found (``import a, b`` is two), the ``USE_*`` of
    each name it binds (see :func:`import_facts`)."""
    return import_facts(tree, text, records)[0]


Evaluated = tuple[tuple[str, int], ...]


def import_facts(
    tree: ast.Module, text: str, records: Sequence[ImportRecord]
) -> tuple[tuple[tuple[int, ...], ...], Reads, Evaluated]:
    """For each import record the walkers found (``import a, b`` is two), the ``USE_*`` of
    each name it binds; ``()`` for an import inside a function; every name of an import in
    a class body, and a star import, count as used at import time. ``()`` as a whole when
    the tree's imports outside functions are not the records' (never, for one text).

    And, for each module-level name read while the module is imported, what is read of it
    then: its attributes, and ``""`` for the object itself (``FileSummary.import_time_reads``):
    ``pkg.__file__`` reads only what the import system set on a module before its code ran;
    an attribute only set then (``pkg.ENV = EnvVar()``) is marked ``"=ENV"``: no read.

    And the names read then only in annotations the module evaluates (it does not postpone
    them), each with its use were they postponed (``FileSummary.evaluated_annotations``):
    a second walk, as if the module said ``from __future__ import annotations``, finds
    them used later or never."""
    outer = [r for r in records if not r.context & CTX_FUNCTION]
    layout: list[tuple[list[str], int]] = [
        (names, scope) for node, scope in _outer_imports(tree.body) for names in _bound(node)
    ]
    if len(layout) != len(outer):
        return (), (), ()
    wanted = {_root(name) for names, scope in layout if scope == _MODULE and names != ["*"] for name in names}
    dotted: dict[str, list[str]] = {}  # ``import a.b``, ``import a.c``: a -> [a.b, a.c]
    for names, scope in layout:
        for name in names:
            if scope == _MODULE and name != _root(name):
                dotted.setdefault(_root(name), []).append(name)
    plain = {name for names, scope in layout if scope == _MODULE for name in names if name in dotted}
    postponed = _postponed(tree)
    walker = _Uses(wanted, postponed, dotted, plain)
    if wanted:
        walker.run(tree, text)

    def use(walked: _Uses, name: str) -> int:
        """The use of a name an import binds: ``import a.b`` binds ``a``, and what is read of
        ``a`` that no dotted import loads (``a.z``, ``a`` itself) is its too, unless a plain
        ``import a`` binds ``a`` as well (pwndbg's ``aglib/elf.py``: ``import pwndbg`` for its
        module-level ``pwndbg.dbg``, ``import pwndbg.auxv`` read only in a function): those
        reads are the plain import's, and the dotted one's are only those through its module."""
        owned = walked.owned.get(name, USE_NONE)
        if name != _root(name) and _root(name) in plain:
            return owned
        return max(walked.found.get(_root(name), USE_NONE), owned)

    uses = iter(
        (USE_IMPORT_TIME,) * len(names) if scope == _CLASS or names == ["*"]
        else tuple(use(walker, name) for name in names)
        for names, scope in layout
    )
    reads = tuple((name, tuple(sorted(walker.at_import[name]))) for name in sorted(walker.at_import))
    early = {
        name for names, scope in layout if scope == _MODULE and names != ["*"]
        for name in names if use(walker, name) == USE_IMPORT_TIME
    }
    evaluated: Evaluated = ()
    candidates = {_root(name) for name in early} & walker.evaluated
    if candidates and not postponed:
        # Only names an evaluated annotation reads can be read then for nothing else.
        again = _Uses(candidates, True, dotted, plain)
        again.run(tree, text)
        early = {name for name in early if _root(name) in candidates}
        evaluated = tuple(sorted((name, use(again, name)) for name in early if use(again, name) < USE_IMPORT_TIME))
    return tuple(() if r.context & CTX_FUNCTION else next(uses) for r in records), reads, evaluated


def module_level_bindings(records: Sequence[ImportRecord]) -> set[str]:
    """The names the imports outside functions bind (``a`` for ``import a.b``; a star
    import's names are not known)."""
    bound = {
        (alias or name) if rec.is_from else _root(rec.asname or rec.module)
        for rec in records if not rec.context & CTX_FUNCTION
        for name, alias in (rec.names if rec.is_from else (("", None),))
        if name != "*"
    }
    bound.discard("")
    return bound


def import_mentions(text: str, records: Sequence[ImportRecord]) -> tuple[tuple[str, int], ...]:
    """For each name a module-level import binds, how many times the text spells it as a
    word (its import statement included), sorted by name: one pass over the text's words;
    and for ``import a.b.c`` (no ``as``), how many times it spells ``a.b.c``."""
    bound = module_level_bindings(records)
    if not bound:
        return ()
    words = Counter(_IDENTIFIER.findall(text))  # counted in C
    found = {name: words[name] for name in bound if name in words}
    # ``import a.b.c`` binds ``a``, which every ``import a.x`` of the file binds too: its
    # places are where the text spells the whole dotted name.
    for rec in records:
        if not rec.is_from and not rec.asname and "." in rec.module and not rec.context & CTX_FUNCTION:
            found[rec.module] = len(re.findall(rf"(?<![\w.]){re.escape(rec.module)}(?![\w])", text))
    return tuple(sorted(found.items()))


def _root(name: str) -> str:
    return name.partition(".")[0]


def _bound(node: ast.Import | ast.ImportFrom) -> Iterator[list[str]]:
    """What each record of the statement binds, as the extractors split it: the names, but
    the whole dotted module for ``import a.b`` (which binds ``a``), so that its uses can be
    told from those of another ``import a.c`` of the same file (see ``_Uses.owner``)."""
    if isinstance(node, ast.Import):
        for alias in node.names:
            yield [alias.asname or alias.name]
    else:
        yield [alias.asname or alias.name for alias in node.names]


_MODULE, _CLASS = 0, 1


def _outer_imports(body: Sequence[ast.stmt]) -> Iterator[tuple[ast.Import | ast.ImportFrom, int]]:
    """The import statements outside every ``def``, in the walkers' order (a block's
    body, then its handlers or cases, ``else`` and ``finally``), each with where it binds
    its names: the module (at module level, under any ``if``, ``try``, ``with``, loop or
    ``match``) or a class body. Statements only: their nesting is bounded."""
    stack: list[tuple[Iterator[ast.stmt], int]] = [(iter(body), _MODULE)]
    while stack:
        items, scope = stack[-1]
        node = next(items, None)
        if node is None:
            stack.pop()
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node, scope
        elif isinstance(node, ast.ClassDef):
            stack.append((iter(node.body), _CLASS))
        elif not isinstance(node, _FUNCS) and hasattr(node, "body"):
            stack.append((iter(inner_statements(node)), scope))


def _postponed(tree: ast.Module) -> bool:
    """``from __future__ import annotations``: annotations are never evaluated."""
    return any(
        isinstance(node, ast.ImportFrom)
        and node.module == "__future__"
        and any(alias.name == "annotations" for alias in node.names)
        for node in tree.body
    )


class _Uses:
    """The strongest use of each wanted name."""

    def __init__(
        self, wanted: set[str], postponed: bool, dotted: dict[str, list[str]] | None = None, plain: set[str] | None = None,
    ) -> None:
        self.wanted = wanted
        self.postponed = postponed
        self.found: dict[str, int] = {}
        # ``import a.b`` binds ``a``, as ``import a.c`` does: a read of ``a.b.x`` is the first
        # one's, of ``a.c.y`` the second's (``owned``, by dotted module); of ``a`` alone, or of
        # ``a.z`` that no such import loads, every one's (``found``), unless a plain
        # ``import a`` binds ``a`` too: then the plain one's (see ``import_facts``).
        self.dotted = dotted or {}
        self.plain = plain or set()  # names also bound by a plain ``import a`` (or ``as a``)
        self.owned: dict[str, int] = {}
        self.open = set(wanted)  # wanted names not yet seen used at call or import time
        # Functions whose bodies run when called, for the second pass.
        self.later: list[ast.FunctionDef | ast.AsyncFunctionDef] = []
        # The functions defined while the module is imported, by name, and the names called
        # (or used as decorators) then: such a function's body runs while it is imported too.
        self.defined: dict[str, list[ast.FunctionDef | ast.AsyncFunctionDef]] = {}
        self.called: list[str] = []
        self.scripted: set[int] = set()  # the calls of the ``__main__`` block (see ``run``)
        # What is read of each name while the module is imported: its attributes, and ""
        # for the name itself (passed on, compared, called).
        self.at_import: dict[str, set[str]] = {}
        self.augmented: set[int] = set()  # the targets of augmented assignments: read, then set
        self.traced: set[str] = set()  # names bound to jax (see ``_compiled``)
        # Walking the body of a function a JIT compiler compiles at its first call (see
        # ``_compiled``): what it reads is read then, not while the module is imported, and
        # is recorded with a ``~`` in front.
        self.compiling = 0
        self.compiled_calls: list[str] = []  # the functions such a body calls
        # Wanted names read in an annotation evaluated while the module is imported.
        self.evaluated: set[str] = set()
        # The names the function whose body is being walked binds itself (see ``_locals``):
        # there they are never the module's imports.
        self.shadowed: frozenset[str] = frozenset()

    def run(self, tree: ast.Module, text: str) -> dict[str, int]:
        # Calls under ``if __name__ == "__main__":`` run when the file is run as a script,
        # not when it is imported: the functions they call do not run at import time.
        self.scripted = {
            id(node) for stmt in tree.body if isinstance(stmt, ast.If) and is_main_guard(stmt.test)
            for part in stmt.body for node in ast.walk(part) if isinstance(node, ast.Call)
        }
        self.traced = _bound_to(tree, _TRACERS)
        # The ``__main__`` block's own statements run when the file is run as a script, as a
        # function's body does when called; its ``else`` runs on import (PyTables'
        # ``expression.py`` demo, which reads the package it imports back).
        walked: list[tuple[ast.AST, int, bool]] = []
        for stmt in tree.body:
            if isinstance(stmt, ast.If) and is_main_guard(stmt.test):
                walked += [(part, USE_CALL, False) for part in stmt.body]
                walked += [(part, USE_IMPORT_TIME, False) for part in stmt.orelse]
            else:
                walked.append((stmt, USE_IMPORT_TIME, False))
        self.walk(walked)
        self.called_at_import()
        if self.later and self.open:
            lines = split_lines(text)
            for function in self.later:
                if not self.open:
                    break
                self.shadowed = _shadowed(function, lines, self.open)
                self.calls(function.body, lines)
            self.shadowed = frozenset()
        return self.found

    def called_at_import(self) -> None:
        """Walk, as run while the module is imported, the bodies of its own functions that
        a module-level call runs (``INT_ADD = int_binary_op(...)``, where ``int_binary_op``
        calls an imported ``binary_op``), and of the functions those call, once each."""
        done: set[str] = set()
        self.walk_called(self.called, done)
        # The functions a body compiled at its first call calls: compiled with it, then.
        self.compiling += 1
        self.walk_called(self.compiled_calls, done)
        self.compiling -= 1

    def walk_called(self, called: list[str], done: set[str]) -> None:
        """Walk the bodies of the module's functions named in ``called`` (which the walks
        add to) as run now, each once (``done``)."""
        while called:
            name = called.pop()
            if name in done:
                continue
            done.add(name)
            for function in self.defined.get(name, ()):
                self.shadowed = _locals(function)
                self.walk([(stmt, USE_IMPORT_TIME, False) for stmt in function.body])
                self.shadowed = frozenset()

    def calls(self, statements: list[ast.stmt], lines: list[str]) -> None:
        """Walk a function body (run when called) where its text mentions a name still
        open: statement by statement, into compound statements, so most of it is skipped
        without a walk (a mention may be a string or an attribute; a walk decides)."""
        pending = list(reversed(statements))
        while pending and self.open:
            stmt = pending.pop()
            if not self.mentioned(stmt, lines):
                continue
            kind = type(stmt)
            if kind in _FUNCS or kind is ast.ClassDef or not hasattr(stmt, "body"):
                self.walk([(stmt, USE_CALL, False)])
                continue
            nested: list[ast.stmt] = []
            for field in _fields(kind):
                value = getattr(stmt, field, None)
                if field in ("body", "orelse", "finalbody"):
                    nested.extend(value or ())
                elif field in ("handlers", "cases"):
                    for part in value or ():
                        nested.extend(part.body)
                        self.walk([(part, USE_CALL, False) for part in _headers(part)])
                elif type(value) is list:
                    self.walk([(child, USE_CALL, False) for child in value if isinstance(child, ast.AST)])
                elif isinstance(value, ast.AST):
                    self.walk([(value, USE_CALL, False)])
            pending.extend(reversed(nested))

    def mentioned(self, stmt: ast.stmt, lines: list[str]) -> bool:
        """Whether the statement's text mentions a name still open at all (as an
        identifier anywhere in its lines)."""
        if not all(name.isascii() for name in self.open):
            return True  # the text may spell it in a form the tree normalises
        text = "\n".join(lines[stmt.lineno - 1 : stmt.end_lineno or stmt.lineno])
        return not self.open.isdisjoint(_IDENTIFIER.findall(text))

    def see(self, name: str, use: int) -> None:
        before = self.found.get(name, USE_NONE)
        if use > before:
            self.found[name] = use
            if use >= USE_CALL and (name not in self.plain or self.owned_all(name)):
                self.open.discard(name)

    def owned_all(self, root: str) -> bool:
        """Each ``import root.x`` of the file is used when called or sooner: with a plain
        ``import root`` too, reads of ``root`` are that one's, and the dotted imports' uses
        are still to be found until each has its own."""
        return all(self.owned.get(m, USE_NONE) >= USE_CALL for m in self.dotted.get(root, ()))

    def owner(self, chain: str) -> str | None:
        """Of the file's ``import a.b`` statements, the one whose module a read of the
        dotted ``chain`` (``a.b.c.x``) goes through: the longest such module."""
        modules = self.dotted.get(_root(chain), ())
        through = [m for m in modules if chain == m or chain.startswith(m + ".")]
        return max(through, key=len, default=None)

    def see_owned(self, module: str, use: int) -> None:
        if use > self.owned.get(module, USE_NONE):
            self.owned[module] = use
            root = _root(module)
            if self.owned_all(root) and (root not in self.plain or self.found.get(root, USE_NONE) >= USE_CALL):
                self.open.discard(root)  # each import of the name is used when called or sooner

    def annotation(self, use: int) -> int:
        """The use of a name in an annotation evaluated where ``use`` code runs."""
        return USE_ANNOTATION if self.postponed else use

    def walk(self, stack: list[_Item]) -> None:
        wanted = self.wanted
        while stack:
            node, use, in_annotation = stack.pop()
            kind = type(node)
            if in_annotation and use == USE_IMPORT_TIME and kind in (ast.Name, ast.Attribute):
                root = _root(_chain(node) or "")  # type: ignore[arg-type]
                if root in wanted:
                    self.evaluated.add(root)  # read in an annotation evaluated now
            if kind is ast.Name:
                if node.id in wanted and node.id not in self.shadowed and not isinstance(node.ctx, (ast.Store, ast.Del)):  # type: ignore[attr-defined]
                    self.see(node.id, use)  # type: ignore[attr-defined]
                    if use == USE_IMPORT_TIME:
                        self.read_now(node.id, "")  # type: ignore[attr-defined]
            elif kind is ast.Attribute and self.shadowed and _chain_root(node) in self.shadowed:
                continue  # ``extensions.Extension`` where ``extensions`` is the function's parameter
            elif kind is ast.Attribute and self.dotted and (chain := _chain(node)) is not None and _root(chain) in self.dotted:
                module = self.owner(chain)
                if module is None:
                    self.see(_root(chain), use)
                    if use == USE_IMPORT_TIME:
                        parts = chain.split(".")
                        mark = self.written(node) if len(parts) == 2 else ""  # type: ignore[arg-type]
                        self.read_now(_root(chain), mark + parts[1])
                else:
                    self.see_owned(module, use)
                    if use == USE_IMPORT_TIME:
                        # Read through ``import a.b.c``'s own module while the module is
                        # imported (``a.b.c.X``: ``X``; ``""`` for the module itself): kept
                        # under the dotted name, which no bound name has.
                        self.read_now(module, chain[len(module) + 1 :].partition(".")[0])
            elif kind is ast.Attribute and type(node.value) is ast.Name and node.value.id in wanted:  # type: ignore[attr-defined]
                self.see(node.value.id, use)  # type: ignore[attr-defined]
                if use == USE_IMPORT_TIME:
                    self.read_now(node.value.id, self.written(node) + node.attr)  # type: ignore[attr-defined]
            elif kind is ast.AugAssign:
                self.augmented.add(id(node.target))  # type: ignore[attr-defined]
                stack.append((node.target, use, in_annotation))  # type: ignore[attr-defined]
                stack.append((node.value, use, in_annotation))  # type: ignore[attr-defined]
            elif kind is ast.Subscript and _generic(node.value) is not None:  # type: ignore[attr-defined]
                # ``Type["pkg.Model"]``, ``Optional["Order"]``: a type, whose quoted parts
                # only type checkers read, wherever it is written (a module-level alias);
                # not ``Literal["a"]``, whose strings are values.
                literal = _generic(node.value) == "Literal"  # type: ignore[attr-defined]
                stack.append((node.value, use, False))  # type: ignore[attr-defined]
                stack.append((node.slice, use, not literal))  # type: ignore[attr-defined]
            elif kind is ast.Constant:
                if in_annotation and isinstance(node.value, str):  # type: ignore[attr-defined]
                    stack.extend(_string_annotation(node.value))  # type: ignore[attr-defined]
            elif kind in (ast.FunctionDef, ast.AsyncFunctionDef):
                self.function(node, use, stack)  # type: ignore[arg-type]
            elif kind is ast.Call and (types := _type_arguments(node)):  # type: ignore[arg-type]
                # ``TypeVar("T", bound="pkg.Model")``, ``cast("pkg.Model", x)``: the types
                # it is given are forward references where quoted, which nothing evaluates.
                if use == USE_IMPORT_TIME and type(node.func) is ast.Name and id(node) not in self.scripted:  # type: ignore[attr-defined]
                    self.call(node.func.id)  # type: ignore[attr-defined]
                stack.append((node.func, use, in_annotation))  # type: ignore[attr-defined]
                for child in (*node.args, *(k.value for k in node.keywords)):  # type: ignore[attr-defined]
                    stack.append((child, use, in_annotation or any(child is t for t in types)))
            elif kind is ast.Call and use == USE_IMPORT_TIME and type(node.func) is ast.Name:  # type: ignore[attr-defined]
                self.getattr_read(node)  # type: ignore[arg-type]
                if id(node) not in self.scripted:
                    self.call(node.func.id)  # type: ignore[attr-defined]
                stack.extend((child, use, in_annotation) for child in (node.func, *node.args, *node.keywords))  # type: ignore[attr-defined]
            elif kind is ast.Lambda:
                self.arguments(node.args, use, stack, annotated=False)  # type: ignore[attr-defined]
                stack.append((node.body, USE_CALL if use > USE_ANNOTATION else use, False))  # type: ignore[attr-defined]
            elif kind is ast.AnnAssign:
                stack.append((node.annotation, self.annotation(use), True))  # type: ignore[attr-defined]
                if node.value is not None:  # type: ignore[attr-defined]
                    # ``Alias: TypeAlias = "pkg.Model"``: the value is a type.
                    alias = _last_name(node.annotation) == "TypeAlias"  # type: ignore[attr-defined]
                    stack.append((node.value, use, alias))  # type: ignore[attr-defined]
            elif kind is ast.If and is_type_checking(_unnegated(node.test)):  # type: ignore[attr-defined]
                checked, other = (node.body, node.orelse) if _unnegated(node.test) is node.test else (node.orelse, node.body)  # type: ignore[attr-defined]
                stack.append((node.test, use, False))  # type: ignore[attr-defined]
                stack.extend((child, min(use, USE_ANNOTATION), False) for child in checked)
                stack.extend((child, use, False) for child in other)
            else:
                for field in _fields(kind):
                    value = getattr(node, field, None)
                    if type(value) is list:
                        stack.extend((child, use, in_annotation) for child in value if isinstance(child, ast.AST))
                    elif isinstance(value, ast.AST):
                        stack.append((value, use, in_annotation))

    def call(self, name: str) -> None:
        """A call of ``name`` while the module is imported (or, in a body compiled at its
        first call, then: what that function reads is read then too)."""
        (self.compiled_calls if self.compiling else self.called).append(name)

    def read_now(self, name: str, what: str) -> None:
        """Record ``what`` is read of ``name`` while the module is imported (``~`` in front
        when in a body a JIT compiler compiles at its first call: read then)."""
        self.at_import.setdefault(name, set()).add("~" + what if self.compiling else what)

    def written(self, node: ast.Attribute) -> str:
        """``"="`` for an attribute the statement only sets (``pkg.ENV = EnvVar()``): a
        write, which reads nothing of the object and never fails on a module, whatever its
        code has bound yet; ``""`` for a read (``pkg.N += 1`` reads it first, ``del pkg.N``
        needs it there)."""
        return "=" if type(node.ctx) is ast.Store and id(node) not in self.augmented else ""

    def getattr_read(self, call: ast.Call) -> None:
        """``getattr(pkg, "name")`` while the module is imported reads ``name`` off ``pkg``
        (an attribute read in another spelling); one not spelt as a string is not known."""
        if call.func.id == "getattr" and len(call.args) >= 2 and type(call.args[0]) is ast.Name:  # type: ignore[attr-defined]
            name = call.args[0].id  # type: ignore[attr-defined]
            if name in self.wanted:
                attribute = call.args[1]
                spelt = attribute.value if type(attribute) is ast.Constant and isinstance(attribute.value, str) else "?"  # type: ignore[attr-defined]
                self.read_now(name, spelt)

    def function(self, node: ast.FunctionDef | ast.AsyncFunctionDef, use: int, stack: list[_Item]) -> None:
        """Decorators and defaults run with the ``def``; annotations too, unless postponed;
        the body when called (at once when the ``def`` is itself in a function body)."""
        stack.extend((d, use, False) for d in node.decorator_list)
        if use == USE_IMPORT_TIME:
            self.defined.setdefault(node.name, []).append(node)
            self.called.extend(d.id for d in node.decorator_list if type(d) is ast.Name)
        self.arguments(node.args, use, stack, annotated=True)
        if node.returns is not None:
            stack.append((node.returns, self.annotation(use), True))
        for param in getattr(node, "type_params", ()):
            stack.append((param, USE_ANNOTATION, True))
        if use == USE_IMPORT_TIME and _compiled(node, self.traced):
            # A JIT compiler reads the globals of the body it compiles and cannot run an
            # import statement there: no function can take the import. Without signatures it
            # compiles at the first call, and reads them then (sktime's ``@njit(cache=True)``).
            if _compiled_lazily(node, self.traced):
                self.compiling += 1
                self.walk([(stmt, USE_IMPORT_TIME, False) for stmt in node.body])
                self.compiling -= 1
            else:
                stack.extend((stmt, USE_IMPORT_TIME, False) for stmt in node.body)
        elif use == USE_IMPORT_TIME:
            self.later.append(node)
        else:
            stack.extend((stmt, USE_CALL if use > USE_ANNOTATION else use, False) for stmt in node.body)

    def arguments(self, args: ast.arguments, use: int, stack: list[_Item], annotated: bool) -> None:
        stack.extend((d, use, False) for d in args.defaults)
        stack.extend((d, use, False) for d in args.kw_defaults if d is not None)
        if annotated:
            stack.extend((a.annotation, self.annotation(use), True) for a in parameters(args) if a.annotation is not None)


@lru_cache(maxsize=None)
def _fields(kind: type) -> tuple[str, ...]:
    """The fields of a node type that may hold nodes (``ctx`` and plain values aside)."""
    return tuple(f for f in kind._fields if f not in ("ctx", "id", "arg", "attr", "kind", "type_comment", "conversion"))


def _headers(part: ast.AST) -> list[ast.AST]:
    """What an ``except`` clause or a ``case`` evaluates besides its body."""
    if isinstance(part, ast.ExceptHandler):
        return [part.type] if part.type is not None else []
    return [x for x in (getattr(part, "pattern", None), getattr(part, "guard", None)) if x is not None]


def parameters(args: ast.arguments) -> list[ast.arg]:
    """Every parameter of a function or lambda, in order of kind."""
    return [a for a in (*args.posonlyargs, *args.args, args.vararg, *args.kwonlyargs, args.kwarg) if a is not None]


def _chain_root(node: ast.Attribute) -> str | None:
    """``a`` of the attribute read ``a.b.c``; None when it does not start at a name."""
    current: ast.expr = node
    while type(current) is ast.Attribute:
        current = current.value  # type: ignore[attr-defined]
    return current.id if type(current) is ast.Name else None  # type: ignore[attr-defined]


_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)


def _shadowed(function: ast.FunctionDef | ast.AsyncFunctionDef, lines: list[str], names: set[str]) -> frozenset[str]:
    """The names of ``names`` the function binds itself (see :func:`_locals`), walking its
    body only when its text spells one of them where a binding could be (``name =``, ``for
    name in``, ``as name``, ``import name``, ``def name``): most functions bind no name an
    import of their module binds, and their parameters say so at once."""
    params = {a.arg for a in parameters(function.args)}
    rest = names - params
    if rest:
        text = "\n".join(lines[function.lineno - 1 : function.end_lineno or function.lineno])
        if any(_MAY_BIND(name).search(text) for name in rest if name in text):
            return _locals(function)
    return frozenset(params & names)


@lru_cache(maxsize=4096)
def _MAY_BIND(name: str) -> re.Pattern[str]:
    """Where ``name`` may be bound in a function's text (generous: a false match costs a walk)."""
    spelt = re.escape(name)
    return re.compile(rf"(?<![\w.]){spelt}\s*(?:[=,:)]|\s+in\b)|\b(?:as|import|def|class)\s+{spelt}\b")


def _locals(function: ast.FunctionDef | ast.AsyncFunctionDef) -> frozenset[str]:
    """The names a function binds in its own scope: its parameters and what its body
    assigns, imports, defines or catches as (``global``/``nonlocal`` names aside). Python
    resolves every read of such a name in the function to the local, never to a module-level
    import of the same name (websockets' ``def parse(extensions: Sequence[extensions.Extension])``
    reads its parameter ``extensions.pop()``, not the module ``extensions``). Nested scopes
    are not entered (their bindings are their own); what a comprehension binds is its own."""
    names = {a.arg for a in parameters(function.args)}
    declared: set[str] = set()
    pending: list[ast.AST] = list(function.body)
    while pending:
        node = pending.pop()
        kind = type(node)
        if kind is ast.Name:
            if type(node.ctx) is not ast.Load:  # type: ignore[attr-defined]
                names.add(node.id)  # type: ignore[attr-defined]
            continue
        if kind in (ast.Global, ast.Nonlocal):
            declared.update(node.names)  # type: ignore[attr-defined]
            continue
        if kind in (ast.Import, ast.ImportFrom):
            names.update((a.asname or a.name).partition(".")[0] for a in node.names if a.name != "*")  # type: ignore[attr-defined]
            continue
        if kind in (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef):
            names.add(node.name)  # type: ignore[attr-defined]
            pending.extend(node.decorator_list)  # type: ignore[attr-defined]
            continue
        if kind is ast.ExceptHandler and node.name:  # type: ignore[attr-defined]
            names.add(node.name)  # type: ignore[attr-defined]
        elif kind in (ast.MatchAs, ast.MatchStar) and node.name:  # type: ignore[attr-defined]
            names.add(node.name)  # type: ignore[attr-defined]
        elif kind is ast.MatchMapping and node.rest:  # type: ignore[attr-defined]
            names.add(node.rest)  # type: ignore[attr-defined]
        if kind in _SCOPES:
            continue
        pending.extend(ast.iter_child_nodes(node))
    return frozenset(names - declared)


def _chain(node: ast.Attribute) -> str | None:
    """``a.b.c`` for the attribute read ``a.b.c``; None when it does not start at a name."""
    parts: list[str] = []
    current: ast.expr = node
    while type(current) is ast.Attribute:
        parts.append(current.attr)  # type: ignore[attr-defined]
        current = current.value  # type: ignore[attr-defined]
    if type(current) is not ast.Name:
        return None
    parts.append(current.id)  # type: ignore[attr-defined]
    return ".".join(reversed(parts))


# Generic types and type forms whose subscript is a type (``typing``'s, the builtins' and
# ``collections.abc``'s), by their last name: a string there is a forward reference.
_GENERICS = frozenset({
    "Annotated", "AbstractSet", "AsyncGenerator", "AsyncIterable", "AsyncIterator", "Awaitable", "ClassVar",
    "Callable", "ChainMap", "Collection", "Container", "Coroutine", "Counter", "DefaultDict", "Deque", "Dict",
    "Final", "FrozenSet", "Generator", "Generic", "Iterable", "Iterator", "List", "Literal", "Mapping",
    "MutableMapping", "MutableSequence", "MutableSet", "NotRequired", "Optional", "OrderedDict", "ReadOnly",
    "Required", "Sequence", "Set", "Tuple", "Type", "TypeGuard", "TypeIs", "Union", "dict", "frozenset", "list",
    "set", "tuple", "type",
})


def _generic(node: ast.expr) -> str | None:
    """The name of a generic type form (``Type``, ``typing.Optional``, ``list``); None
    for anything else (a dict read ``d["key"]``)."""
    name = node.attr if type(node) is ast.Attribute else node.id if type(node) is ast.Name else None  # type: ignore[attr-defined]
    return name if name in _GENERICS else None


# Calls given types as arguments, by their last name, and which: the positions, from
# one, past which every positional argument is one (``TypeVar``'s constraints) or at which
# one is, and the keywords that are. A string there is a forward reference: ``TypeVar("T",
# bound="pkg.Model")`` (sanic's handler types), ``cast("Model", x)``, ``NewType("Id",
# "pkg.Key")``, ``TypeAliasType("A", "pkg.Model")``, ``ForwardRef("pkg.Model")``.
_TYPE_CALLS: dict[str, tuple[slice, frozenset[str]]] = {
    "TypeVar": (slice(1, None), frozenset({"bound"})),
    "cast": (slice(0, 1), frozenset({"typ"})),
    "ForwardRef": (slice(0, 1), frozenset({"arg"})),
    "NewType": (slice(1, 2), frozenset({"tp"})),
    "TypeAliasType": (slice(1, 2), frozenset({"value"})),
    "assert_type": (slice(1, 2), frozenset()),
}


def _last_name(node: ast.expr) -> str | None:
    """``TypeVar`` of ``TypeVar`` or ``typing.TypeVar``; None for other expressions."""
    return node.attr if type(node) is ast.Attribute else node.id if type(node) is ast.Name else None  # type: ignore[attr-defined]


def _type_arguments(node: ast.Call) -> list[ast.expr]:
    """The arguments of a call that are types (see ``_TYPE_CALLS``); none for other calls."""
    found = _TYPE_CALLS.get(_last_name(node.func) or "")
    if found is None:
        return []
    positions, keywords = found
    return [*node.args[positions], *(k.value for k in node.keywords if k.arg in keywords)]


# Decorators that compile the function they decorate (numba's, and wrappers spelled the
# same, as sktime's ``utils.numba.njit``), by their last name. ``jit`` is also jax's, which
# traces the function by running it in Python: an import there runs as usual.
_COMPILERS = frozenset({"njit", "jit", "generated_jit", "vectorize", "guvectorize", "stencil", "cfunc"})
_TRACERS = ("jax",)


def _compilers(node: ast.FunctionDef | ast.AsyncFunctionDef, traced: set[str]) -> Iterator[ast.expr]:
    """The function's decorators that are a JIT compiler's (``@njit``, ``@numba.jit(cache=True)``,
    ``@cuda.jit``), not jax's (``@jax.jit``, or ``jit`` imported from jax)."""
    for decorator in node.decorator_list:
        target = decorator.func if type(decorator) is ast.Call else decorator
        chain = _chain(target) if type(target) is ast.Attribute else target.id if type(target) is ast.Name else None  # type: ignore[attr-defined]
        if chain and chain.rpartition(".")[2] in _COMPILERS and _root(chain) not in traced:
            yield decorator


def _compiled(node: ast.FunctionDef | ast.AsyncFunctionDef, traced: set[str]) -> bool:
    """Whether a decorator of the function is a JIT compiler's (:func:`_compilers`)."""
    return next(_compilers(node, traced), None) is not None


def _compiled_lazily(node: ast.FunctionDef | ast.AsyncFunctionDef, traced: set[str]) -> bool:
    """Whether no compiler decorator of the function gives signatures (``@njit``,
    ``@njit(cache=True)``; not ``@njit("float64(float64)")`` or ``@vectorize([...])``, which
    compile as the ``def`` runs): the body is compiled at its first call."""
    return not any(
        type(d) is ast.Call and (d.args or any(k.arg in ("signature", "signatures", "sig") for k in d.keywords))  # type: ignore[attr-defined]
        for d in _compilers(node, traced)
    )


def _bound_to(tree: ast.Module, packages: tuple[str, ...]) -> set[str]:
    """The names the module's top-level imports bind to these packages or their contents."""
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            names.update((a.asname or a.name).partition(".")[0] for a in node.names if _root(a.name) in packages)
        elif isinstance(node, ast.ImportFrom) and not node.level and _root(node.module or "") in packages:
            names.update(a.asname or a.name for a in node.names)
    return names


def type_strings(nodes: Sequence[ast.AST]) -> set[int]:
    """The ids of the string constants among ``nodes`` (a tree's, see ``nodes_of``) that
    spell types: in an annotation, a generic type's subscript (not ``Literal``'s), a type
    given to ``cast``/``TypeVar`` and the like, or a ``TypeAlias``'s value. Other strings are
    values (a logger's name ``"paramiko.transport"``): text the code does not read as code."""
    roots: list[ast.AST] = []
    for node in nodes:
        kind = type(node)
        if kind in _FUNCS:
            roots.extend(a.annotation for a in parameters(node.args) if a.annotation is not None)  # type: ignore[attr-defined]
            if node.returns is not None:  # type: ignore[attr-defined]
                roots.append(node.returns)  # type: ignore[attr-defined]
        elif kind is ast.AnnAssign:
            roots.append(node.annotation)  # type: ignore[attr-defined]
            if node.value is not None and _last_name(node.annotation) == "TypeAlias":  # type: ignore[attr-defined]
                roots.append(node.value)  # type: ignore[attr-defined]
        elif kind is ast.Subscript and _generic(node.value) not in (None, "Literal"):  # type: ignore[attr-defined]
            roots.append(node.slice)  # type: ignore[attr-defined]
        elif kind is ast.Call:
            roots.extend(_type_arguments(node))  # type: ignore[arg-type]
    found: set[int] = set()
    while roots:
        node = roots.pop()
        if type(node) is ast.Constant:
            if isinstance(node.value, str):  # type: ignore[attr-defined]
                found.add(id(node))
        elif not (type(node) is ast.Subscript and _generic(node.value) == "Literal"):  # type: ignore[attr-defined]
            roots.extend(ast.iter_child_nodes(node))
    return found


def _unnegated(test: ast.expr) -> ast.expr:
    """``X`` of ``not X``; the test itself otherwise."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        return test.operand
    return test


def _string_annotation(text: str) -> list[_Item]:
    """The names of an annotation written as a string (``"Request | None"``): used only
    where annotations are read, never while the module runs."""
    try:
        expression = ast.parse(text.strip(), mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return []
    return [(expression.body, USE_ANNOTATION, True)]
