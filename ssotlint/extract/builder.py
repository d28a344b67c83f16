"""Collects the facts of one file while a syntax walker visits its statements.

Both walkers (LibCST, and CPython's ``ast`` as the fallback) report what they see through
this one class, so the decisions about what a statement *means* live in one place.
"""

from __future__ import annotations

from typing import Iterable, NamedTuple, Sequence

from ssotlint.extract.summary import (
    CTX_EXPECTED_FAILURE,
    CTX_FUNCTION,
    CTX_SYNTAX_ERROR_HANDLED,
    KIND_ABSTRACT,
    KIND_ENUM,
    KIND_PLAIN,
    KIND_PROTOCOL,
    ClassRecord,
    FileSummary,
    ImportRecord,
)

ENUM_BASES = frozenset({"Enum", "IntEnum", "StrEnum", "Flag", "IntFlag", "ReprEnum"})
ABC_BASES = frozenset({"ABC"})
ABC_METACLASSES = frozenset({"ABCMeta"})
ABSTRACT_DECORATORS = frozenset(
    {"abstractmethod", "abstractproperty", "abstractclassmethod", "abstractstaticmethod"}
)
# A handler naming one of these catches a failed import on purpose: the import is optional.
IMPORT_ERRORS = frozenset({"ImportError", "ModuleNotFoundError"})
# Bases of ImportError: a handler naming one catches a failed import too, but by accident
# (``except Exception:`` around some work), so it does not make the import optional.
IMPORT_ERROR_BASES = frozenset({"Exception", "BaseException"})
# Names that catch the SyntaxError of importing a module that does not compile.
CATCH_SYNTAX_ERROR = frozenset({"SyntaxError"}) | IMPORT_ERROR_BASES
# Calls that end a handler as a failure: the import it caught was required after all.
FAILING_CALLS = frozenset({"self.fail", "cls.fail", "pytest.fail", "fail"})
# Context managers that assert their body raises (``with pytest.raises(ImportError):``).
RAISES_CONTEXTS = frozenset(
    {"pytest.raises", "raises", "self.assertRaises", "self.assertRaisesRegex", "self.assertRaisesRegexp"}
)
# Context managers that swallow the exceptions named (``with suppress(ImportError):``).
SUPPRESS_CONTEXTS = frozenset({"contextlib.suppress", "suppress"})
# ``pytest.importorskip("m")`` skips the test module (or test) when m cannot be imported.
IMPORTORSKIP_CALLS = frozenset({"pytest.importorskip", "importorskip"})


def last_part(dotted: str) -> str:
    return dotted.rsplit(".", 1)[-1]


class Handler(NamedTuple):
    """What a syntax walker reports of one ``except`` clause.

    ``types``: the dotted names it catches, ``None`` for a bare ``except:``; an expression
    that is not a dotted name is ``"?"``. ``fails``: its body ends the program or the test
    unconditionally (a top-level ``raise`` or ``self.fail(...)``/``pytest.fail(...)``).
    """

    types: tuple[str, ...] | None
    fails: bool


def guards_imports(handlers: Iterable[Handler]) -> bool:
    """Whether a ``try`` makes the imports in its body deliberately optional.

    The first handler that would catch an ImportError decides (handlers are tried in
    order): it must name ImportError or ModuleNotFoundError and let the program go on.
    A bare ``except:`` or ``except Exception:`` catches the failure by accident, and a
    handler that re-raises or fails the test says the import was required.
    """
    for handler in handlers:
        if handler.types is None:
            return False
        names = {last_part(t) for t in handler.types}
        if names & IMPORT_ERRORS:
            return not handler.fails
        if names & IMPORT_ERROR_BASES:
            return False
    return False


def handles_syntax_error(handlers: Iterable[Handler]) -> bool:
    """Whether a ``try`` goes on when an import in its body raises SyntaxError (the module
    it loads does not compile): a handler catching it, or everything, that does not fail."""
    for handler in handlers:
        if handler.types is None or {last_part(t) for t in handler.types} & CATCH_SYNTAX_ERROR:
            return not handler.fails
    return False


def expected_flags(types: Iterable[str]) -> int:
    """Context flags for code asserting that an exception spec is raised (``pytest.raises(E)``):
    an import failure is expected when E matches ImportError, a SyntaxError when E matches it."""
    names = {last_part(t) for t in types}
    flags = 0
    if names & (IMPORT_ERRORS | IMPORT_ERROR_BASES):
        flags |= CTX_EXPECTED_FAILURE
    if names & CATCH_SYNTAX_ERROR:
        flags |= CTX_SYNTAX_ERROR_HANDLED
    return flags


def fails_test(call: str | None) -> bool:
    """Whether an expression statement calling ``call`` ends a handler as a failure
    (``self.fail(...)``, ``pytest.fail(...)``); a ``raise`` statement always does."""
    return call in FAILING_CALLS


def class_kind(
    bases: Sequence[str], metaclass: str | None, method_decorators: Sequence[Sequence[str]]
) -> str:
    """Kind of a class judged from its own statement: enum, protocol, abstract, plain.

    ``method_decorators`` has one entry per method: the dotted names of its decorators.
    An ABC counts as abstract only when every method it defines is abstract.
    """
    heads = {last_part(b) for b in bases}
    if heads & ENUM_BASES:
        return KIND_ENUM
    if "Protocol" in heads:
        return KIND_PROTOCOL
    is_abc = bool(heads & ABC_BASES) or (
        metaclass is not None and last_part(metaclass) in ABC_METACLASSES
    )
    if is_abc and all(
        any(last_part(d) in ABSTRACT_DECORATORS for d in decorators)
        for decorators in method_decorators
    ):
        return KIND_ABSTRACT
    return KIND_PLAIN


class SummaryBuilder:
    """Accumulates records; positions of imports and classes may be filled in later."""

    def __init__(self) -> None:
        self.imports: list[ImportRecord] = []
        self.import_stmt: list[int] = []  # import record -> index of its statement
        self.import_statements = 0
        self.classes: list[ClassRecord] = []
        self.functions: list[str] = []
        self.assigned: list[str] = []
        self.aliases: list[tuple[str, str]] = []
        self.all_names: list[str] | None = None
        self.has_getattr = False
        self.all_unknown = False
        # Modules passed to ``pytest.importorskip``, one set per enclosing function scope.
        self.skipped: list[set[str]] = [set()]

    # -- imports ----------------------------------------------------------------------
    def import_statement(
        self,
        records: Sequence[tuple[str, int, tuple[tuple[str, str | None], ...], bool, str | None]],
        line: int,
        col: int,
        context: int,
    ) -> None:
        """One ``import``/``from`` statement, which may name several modules."""
        index = self.import_statements
        self.import_statements += 1
        for module, level, names, is_from, asname in records:
            flags = context
            if not level and self._skipped(module, names):
                flags |= CTX_EXPECTED_FAILURE
            self.imports.append(ImportRecord(module, level, names, is_from, asname, line, col, flags))
            self.import_stmt.append(index)

    def importorskip(self, module: str) -> None:
        """``pytest.importorskip(module)``: later imports of it in this scope cannot fail."""
        self.skipped[-1].add(module)

    def enter_function(self) -> None:
        self.skipped.append(set())

    def leave_function(self) -> None:
        self.skipped.pop()

    def _skipped(self, module: str, names: tuple[tuple[str, str | None], ...]) -> bool:
        if not any(self.skipped):
            return False  # the common case: no importorskip in scope
        loaded = [module, *(f"{module}.{name}" for name, _ in names)]
        for scope in self.skipped:
            for skipped in scope:
                if any(m == skipped or m.startswith(skipped + ".") for m in loaded):
                    return True
        return False

    # -- definitions ------------------------------------------------------------------
    def class_def(
        self,
        name: str,
        line: int,
        col: int,
        bases: Sequence[str],
        metaclass: str | None,
        method_names: Sequence[str],
        method_decorators: Sequence[Sequence[str]],
        trivial_body: bool,
        top_level: bool,
        context: int,
    ) -> None:
        self.classes.append(
            ClassRecord(
                name=name,
                line=line,
                col=col,
                bases=tuple(bases),
                metaclass=metaclass,
                kind=class_kind(bases, metaclass, method_decorators),
                test_methods=sum(1 for m in method_names if m.startswith("test")),
                trivial_body=trivial_body,
                top_level=top_level,
                context=context,
            )
        )

    def function_def(self, name: str, context: int) -> None:
        if context & CTX_FUNCTION:
            return
        self.functions.append(name)
        if name == "__getattr__":
            self.has_getattr = True

    def bind(self, names: Iterable[str]) -> None:
        """Module-level names bound by assignment, loops, ``with``, ``global``..."""
        self.assigned.extend(names)

    def alias(self, name: str, target: str) -> None:
        self.aliases.append((name, target))

    def set_all(self, names: Sequence[str] | None, extend: bool = False) -> None:
        """``__all__`` as a literal list; ``names`` None means "computed": then the module
        exports what it defines, as if it had no ``__all__``."""
        if names is None:
            self.all_unknown = True
            return
        if extend and self.all_names is not None:
            self.all_names.extend(names)
        else:
            self.all_names = list(names)

    # -- result -----------------------------------------------------------------------
    def with_positions(
        self, import_positions: Sequence[tuple[int, int]], class_positions: Sequence[tuple[int, int]]
    ) -> bool:
        """Fill in positions found by another walker of the same file, in source order.

        Returns False (and changes nothing) when the two walks disagree on the count.
        """
        if len(import_positions) != self.import_statements or len(class_positions) != len(
            self.classes
        ):
            return False
        self.imports = [
            rec._replace(line=import_positions[i][0], col=import_positions[i][1])
            for rec, i in zip(self.imports, self.import_stmt)
        ]
        self.classes = [
            rec._replace(line=pos[0], col=pos[1]) for rec, pos in zip(self.classes, class_positions)
        ]
        return True

    def build(self, **facts: object) -> FileSummary:
        return FileSummary(
            problem=None,
            imports=tuple(self.imports),
            classes=tuple(self.classes),
            functions=tuple(self.functions),
            assigned=tuple(dict.fromkeys(self.assigned)),
            aliases=tuple(self.aliases),
            all_names=None if self.all_names is None or self.all_unknown else tuple(self.all_names),
            has_getattr=self.has_getattr,
            **facts,  # type: ignore[arg-type]
        )
