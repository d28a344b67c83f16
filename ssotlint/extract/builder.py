"""Collects the facts of one file while a syntax walker visits its statements.

Both walkers (LibCST, and CPython's ``ast`` as the fallback) report what they see through
this one class, so the decisions about what a statement *means* live in one place.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Callable, Iterable, Mapping, NamedTuple, Sequence

from ssotlint.extract.bodies import ClassBody
from ssotlint.extract.summary import (
    CTX_CONDITIONAL,
    CTX_EXPECTED_FAILURE,
    CTX_FUNCTION,
    CTX_GUARDED,
    CTX_MAIN,
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


def catches_import_error(handler: Handler) -> bool:
    """Whether one ``except`` clause names ImportError or ModuleNotFoundError: the clause a
    fallback definition (``except ImportError: class X: ...``) lives in."""
    return handler.types is not None and bool({last_part(t) for t in handler.types} & IMPORT_ERRORS)


# What a failed attribute lookup raises, and its bases.
_ATTRIBUTE_ERRORS = frozenset({"AttributeError", "Exception", "BaseException"})


def _catches_all(handler: Handler) -> bool:
    """A bare ``except:``, or one naming a base of ImportError (``Exception``)."""
    return handler.types is None or bool({last_part(t) for t in handler.types} & IMPORT_ERROR_BASES)


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


def try_flags(handlers: Sequence[Handler]) -> int:
    """Context flags for the body of a ``try`` with these handlers."""
    return (CTX_GUARDED if guards_imports(handlers) else 0) | (
        CTX_SYNTAX_ERROR_HANDLED if handles_syntax_error(handlers) else 0
    )


def with_flags(call: str | None, expected: Sequence[str] | None, suppressed: Sequence[str]) -> int:
    """Context flags for the body of ``with call(...):``, from what the call names:
    ``expected`` is the exception spec of ``pytest.raises``/``assertRaises`` (None when it
    has none), ``suppressed`` what ``contextlib.suppress`` swallows."""
    if call in RAISES_CONTEXTS:
        return expected_flags(expected) if expected is not None else 0
    if call in SUPPRESS_CONTEXTS:
        return try_flags([Handler(tuple(suppressed), False)])
    return 0


# ``if os.path.exists(p):`` / ``if Path(p).is_file():``: the body runs only when a file is
# there (an optional ``local_settings.py``), so an import in it is deliberately optional.
EXISTS_FUNCTIONS = frozenset({"os.path.exists", "os.path.isfile"})
EXISTS_METHODS = frozenset({"exists", "is_file"})
# Calls that make a path object, whose ``exists()``/``is_file()`` asks the file system.
PATH_FACTORIES = frozenset({"Path", "PurePath", "PosixPath", "WindowsPath", "joinpath"})


def exists_flags(checks: bool, negated: bool) -> tuple[int, int]:
    """Extra flags for the body and the ``else`` of an ``if`` whose test is (``negated``:
    the negation of) a file-existence check, when ``checks``."""
    if not checks:
        return 0, 0
    return (0, CTX_GUARDED) if negated else (CTX_GUARDED, 0)


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


def _names(names: Iterable[str]) -> tuple[str, ...]:
    """Distinct identifiers in first-seen order, NFKC-normalised as the interpreter (and
    CPython's ast) reads them."""
    return tuple(dict.fromkeys(n if n.isascii() else unicodedata.normalize("NFKC", n) for n in names))


# A module-level name bound to exception classes, one of them ImportError's kind:
# ``IMPORT_EXCEPT = RuntimeError if _FFI_MODE == "cython" else ImportError`` (dgl), or a
# tuple of them. An ``except IMPORT_EXCEPT:`` then catches ImportError in some set-up.
_EXCEPTION_ALIAS = re.compile(
    r"^([A-Za-z_]\w*)[ \t]*=[ \t]*([^#\n]*\b(?:ImportError|ModuleNotFoundError)\b[^#\n]*)$", re.MULTILINE
)
_EXCEPTION_NAME = re.compile(r"\b[A-Za-z_][\w.]*(?:Error|Exception)\b")


def exception_aliases(text: str) -> dict[str, tuple[str, ...]]:
    """Module-level names bound (unindented, on one line) to an expression that names
    ImportError or ModuleNotFoundError, each with the exception names the expression
    holds: what an ``except`` naming it may catch."""
    if "ImportError" not in text and "ModuleNotFoundError" not in text:
        return {}
    return {m.group(1): tuple(_EXCEPTION_NAME.findall(m.group(2))) for m in _EXCEPTION_ALIAS.finditer(text)}


def _expanded(handler: Handler, aliases: Mapping[str, tuple[str, ...]]) -> Handler:
    """``handler`` with the names of ``aliases`` it catches replaced by what they hold."""
    if handler.types is None or not aliases or not any(t in aliases for t in handler.types):
        return handler
    return handler._replace(types=tuple(n for t in handler.types for n in aliases.get(t, (t,))))


class SummaryBuilder:
    """Accumulates records; positions of imports and classes may be filled in later."""

    def __init__(self, text: str = "") -> None:
        # Module-level names that stand for ImportError in an ``except`` (see
        # :func:`exception_aliases`); the walkers' handlers are read through them.
        self.exception_aliases = exception_aliases(text) if text else {}
        self.imports: list[ImportRecord] = []
        self.import_stmt: list[int] = []  # import record -> index of its statement
        self.import_statements = 0
        self.classes: list[ClassRecord] = []
        self.function_digests: tuple[tuple[str, int], ...] = ()
        self.value_digests: tuple[tuple[str, int], ...] = ()
        self.functions: list[str] = []
        self.main_functions: set[str] = set()  # defined under ``if __name__ == "__main__":``
        self.plain_functions: set[str] = set()  # defined elsewhere at module level
        self.assigned: list[str] = []
        self.aliases: list[tuple[str, str]] = []
        self.all_names: list[str] | None = None
        self.has_getattr = False
        self.all_unknown = False
        # Modules passed to ``pytest.importorskip``, one set per enclosing function scope.
        self.skipped: list[set[str]] = [set()]
        # Names bound (imported or assigned) in a ``try`` guarded against ImportError, or
        # in its handlers: the subjects of availability checks (``if HAS_X:``).
        self.guarded_names: set[str] = set()
        self.import_uses: tuple[tuple[int, ...], ...] = ()
        self.attribute_reads: tuple[tuple[str, tuple[str, ...]], ...] = ()  # see extract/dynamic.py
        self.local_module_reads: tuple[str, ...] = ()  # see extract/dynamic.py
        self.class_attribute_reads: tuple[tuple[str, tuple[str, ...]], ...] = ()  # see extract/dynamic.py
        self.deep_class_reads: tuple[str, ...] = ()  # see extract/dynamic.py
        self.import_mentions: tuple[tuple[str, int], ...] = ()  # see extract/uses.py
        self.annotation_names: tuple[str, ...] = ()  # see extract/annotation_names.py
        self.dotted_reads: tuple[tuple[str, int], ...] = ()  # see extract/dynamic.py
        self.import_time_reads: tuple[tuple[str, tuple[str, ...]], ...] = ()  # see extract/uses.py
        self.evaluated_annotations: tuple[tuple[str, int], ...] = ()  # see extract/uses.py
        # Imports in an ImportError handler of a ``try`` whose body's imports it guards (or in a
        # handler catching everything, that goes on, of a ``try`` that imports):
        # (handler record index, the body's record indexes); lines once the positions are
        # final (``FileSummary.fallback_imports``).
        self.handler_imports: list[tuple[int, tuple[int, ...]]] = []

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
        members: Sequence[str] = (),
        interface_body: bool = False,
        fields: Sequence[str] = (),
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
                members=_names(members),
                interface_body=interface_body,
                fields=_names(fields),
            )
        )

    def function_def(self, name: str, context: int) -> None:
        if context & CTX_FUNCTION:
            return
        self.functions.append(name)
        (self.main_functions if context & CTX_MAIN else self.plain_functions).add(name)
        if name == "__getattr__":
            self.has_getattr = True

    def bind(self, names: Iterable[str]) -> None:
        """Module-level names bound by assignment, loops, ``with``, ``global``..."""
        self.assigned.extend(names)

    def alias(self, name: str, target: str) -> None:
        self.aliases.append((name, target))
        if target != name and not target.startswith(name + "."):
            self.rebound(name)

    def rebound(self, name: str) -> None:
        """A module-level ``name = other.thing`` after a top-level class ``name`` (under an
        ``if`` or not): the class was a placeholder (``class Hub: pass`` until ``Hub =
        gevent.hub.Hub`` where gevent is found), and the module's ``name`` is, or may be,
        the other object. Like a fallback stub, it is not the module's definition of the
        name."""
        for i, c in enumerate(self.classes):
            if c.top_level and c.name == name and not c.fallback:
                self.classes[i] = c._replace(fallback=True)

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

    # -- fallback stubs ---------------------------------------------------------------
    # A walker marks where a block starts and ends (``mark()``), then reports which
    # classes of one block stand in for names another block imports.
    def mark(self) -> tuple[int, int, int]:
        """Where the next import, binding and class will go."""
        return len(self.imports), len(self.assigned), len(self.classes)

    def imported_since(self, start: tuple[int, int, int], end: tuple[int, int, int] | None = None) -> set[str]:
        """Names the module-level imports recorded between two marks bind."""
        stop = len(self.imports) if end is None else end[0]
        names: set[str] = set()
        for rec in self.imports[start[0] : stop]:
            if rec.context & CTX_FUNCTION:
                continue
            if rec.is_from:
                names.update(asname or name for name, asname in rec.names if name != "*")
            else:
                names.add(rec.asname or rec.module.partition(".")[0])
        return names

    def guarded_try(self, start: tuple[int, int, int]) -> None:
        """The statements since ``start`` were a ``try`` guarded against ImportError and
        its handlers: what they bound may be missing, and checks of it are availability checks."""
        self.guarded_names.update(self.imported_since(start))
        self.guarded_names.update(self.assigned[start[1] :])

    def fallbacks(self, start: tuple[int, int, int], end: tuple[int, int, int] | None, names: set[str] | None) -> None:
        """Classes recorded between two marks stand in for missing ones: those named in
        ``names``, or all of them when ``names`` is None."""
        stop = len(self.classes) if end is None else end[2]
        for i in range(start[2], stop):
            c = self.classes[i]
            if c.top_level and (names is None or c.name in names):
                self.classes[i] = c._replace(fallback=True)

    def handler_fallbacks(self, start: tuple[int, int, int], imported: set[str]) -> None:
        """Classes of an ImportError handler since ``start``, when its ``try`` imports
        something: they stand in for what failed to import (the same name, or a helper
        such as ``class _Callable`` behind ``Callable = _Callable()``)."""
        if imported:
            self.fallbacks(start, None, None)

    def broad_handler_fallbacks(self, start: tuple[int, int, int], imported: set[str]) -> None:
        """Classes of a handler that catches everything (``except:``, ``except Exception:``)
        since ``start``, when one of them is named like what its ``try`` imports: a stand-in
        block for a missing module, helpers and all (insights-core's ``try: import colorama
        as C`` / ``except: class Pass`` and ``class C: Fore = Pass()``). Without such a
        namesake, the handler's classes are the module's own."""
        if any(c.top_level and c.name in imported for c in self.classes[start[2] :]):
            self.fallbacks(start, None, None)

    def else_fallbacks(
        self, handlers_start: tuple[int, int, int], else_start: tuple[int, int, int], guarded: bool
    ) -> None:
        """Classes of a ``try``'s ``else`` since ``else_start`` named like an import of its
        ImportError handlers (``except ImportError: from _py_abc import ABCMeta`` / ``else:
        class ABCMeta``): one of two alternatives, not a definition of its own."""
        if guarded:
            self.fallbacks(else_start, None, self.imported_since(handlers_start, else_start))

    def try_statement(
        self,
        handlers: Sequence[tuple[Handler, str | None]],
        walk: Callable[[str, int, int], None],
        ctx: int,
        module_level: bool,
    ) -> None:
        """A ``try`` statement, for both walkers: the order its parts are walked in and what
        each part means. ``handlers``: each handler's facts and the name it binds (``as e``);
        ``walk(part, index, flags)`` walks the statements of ``"body"``, handler ``index``
        (``"handler"``), ``"else"`` or ``"finally"`` under ``flags``."""
        handlers = [(_expanded(h, self.exception_aliases), name) for h, name in handlers]
        facts = [h for h, _ in handlers]
        caught = try_flags(facts)
        guarded = any(map(catches_import_error, facts))  # stand-ins may be defined
        start = self.mark()
        walk("body", 0, ctx | caught | CTX_CONDITIONAL)
        imported = self.imported_since(start)
        handlers_start = self.mark()
        body = tuple(range(start[0], handlers_start[0])) if caught & CTX_GUARDED else ()
        alternatives: set[str] = set()  # what the ImportError handlers import instead
        for index, (handler, name) in enumerate(handlers):
            if module_level and name:
                self.bind([name])
            handler_start = self.mark()
            walk("handler", index, ctx | CTX_CONDITIONAL)
            if catches_import_error(handler):
                self.handler_fallbacks(handler_start, imported)
                alternatives |= self.imported_since(handler_start)
                if body and not handler.fails:
                    self.handler_imports.extend((i, body) for i in range(handler_start[0], len(self.imports)))
            elif imported and not handler.fails and _catches_all(handler):
                self.broad_handler_fallbacks(handler_start, imported)
                # ``try: from .lxml_wrapper import *`` / ``except: from .xml_wrapper import *``
                # (TACTIC's two XML back-ends): the handler's imports run only when the body
                # failed, as under ``except ImportError``.
                tried = tuple(range(start[0], handlers_start[0]))
                self.handler_imports.extend((i, tried) for i in range(handler_start[0], len(self.imports)))
            if not handler.fails and (handler.types is None or {last_part(t) for t in handler.types} & _ATTRIBUTE_ERRORS):
                # ``try: NullHandler = logging.NullHandler`` / ``except AttributeError: class
                # NullHandler``: a stand-in for what an older library lacks.
                self.fallbacks(handler_start, None, set(self.assigned[start[1] : handlers_start[1]]) & {
                    c.name for c in self.classes[handler_start[2] :]
                })
        if alternatives and imported:
            # ``try: from native import t`` / ``class Tokens: ...`` / ``except ImportError: from
            # .py_tokens import Tokens``: the body's class is one of two alternatives.
            self.fallbacks(start, handlers_start, alternatives)
        else_start = self.mark()
        walk("else", 0, ctx | CTX_CONDITIONAL)
        self.else_fallbacks(handlers_start, else_start, guarded)
        if guarded:
            self.guarded_try(start)
        walk("finally", 0, ctx)

    def alternatives(
        self, before: tuple[int, int, int], middle: tuple[int, int, int], test: tuple[str, bool] | None
    ) -> None:
        """An ``if`` whose body ran from ``before`` to ``middle`` and whose ``else`` (or
        ``elif`` chain) from ``middle`` to now. A class in one branch named like an import
        of the other is a fallback; so is every class in the unavailable branch of an
        availability check: ``test`` is ``(name, negated)`` for ``if name:``/``if name is
        not None:`` (False) and ``if not name:``/``if name is None:`` (True); when the name
        was not bound by a guarded import, only a class of that very name in the branch
        where it is missing."""
        self.fallbacks(before, middle, self.imported_since(middle))
        self.fallbacks(middle, None, self.imported_since(before, middle))
        if test is not None and test[0] in self.guarded_names:
            if test[1]:
                self.fallbacks(before, middle, None)
            else:
                self.fallbacks(middle, None, None)
        elif test is not None:
            # A class named like the checked name, in the branch where that name is
            # missing, stands in for it however the name was bound (``nn =
            # _safe_import("torch.nn")`` / ``if nn is None: class nn: ...``).
            if test[1]:
                self.fallbacks(before, middle, {test[0]})
            else:
                self.fallbacks(middle, None, {test[0]})

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

    def with_shapes(self, shapes: Sequence[tuple[int, ...]]) -> None:
        """Member digests of each class, in source order (see ``ast_walk.class_shapes``)."""
        if len(shapes) == len(self.classes):
            self.classes = [rec._replace(shapes=s) if s else rec for rec, s in zip(self.classes, shapes)]

    def with_annotations(self, annotated: Sequence[tuple[tuple[str, int], ...]]) -> None:
        """Annotated field names of each class (see ``ast_walk.class_annotations``)."""
        if len(annotated) == len(self.classes):
            self.classes = [rec._replace(annotated=a) if a else rec for rec, a in zip(self.classes, annotated)]

    def with_tags(self, tags: Sequence[tuple[tuple[str, int], ...]]) -> None:
        """``Literal``-annotated fields of each class (see ``ast_walk.class_tags``)."""
        if len(tags) == len(self.classes):
            self.classes = [rec._replace(tags=t) if t else rec for rec, t in zip(self.classes, tags)]

    def with_values(self, values: Sequence[tuple[tuple[str, int, int], ...]]) -> None:
        """Assigned field values of each class (see ``ast_walk.class_values``)."""
        if len(values) == len(self.classes):
            self.classes = [rec._replace(values=v) if v else rec for rec, v in zip(self.classes, values)]

    def with_registrations(self, registered: Sequence[int]) -> None:
        """Registration digests of each class (see ``ast_walk.class_registrations``)."""
        if len(registered) == len(self.classes):
            self.classes = [rec._replace(registered=r) if r else rec for rec, r in zip(self.classes, registered)]

    def with_model_options(self, options: Sequence[tuple[str, ...]]) -> None:
        """What each class's ``Meta`` says of its table (see ``ast_walk.class_model_options``)."""
        if len(options) == len(self.classes):
            self.classes = [rec._replace(model_options=o) if o else rec for rec, o in zip(self.classes, options)]

    def with_decorators(self, decorators: Sequence[tuple[str, ...]]) -> None:
        """Decorator names of each class (see ``ast_walk.class_decorators``)."""
        if len(decorators) == len(self.classes):
            self.classes = [rec._replace(decorators=d) if d else rec for rec, d in zip(self.classes, decorators)]

    def with_factory_bases(self, factories: Sequence[tuple[str, ...]]) -> None:
        """The functions each class's bases call (see ``ast_walk.class_factory_bases``)."""
        if len(factories) == len(self.classes):
            self.classes = [rec._replace(factory_bases=f) if f else rec for rec, f in zip(self.classes, factories)]

    def with_placeholders(self, placeholders: Sequence[bool]) -> None:
        """Which classes are placeholders (see ``ast_walk.class_placeholders``)."""
        if len(placeholders) == len(self.classes):
            self.classes = [rec._replace(placeholder=True) if p else rec for rec, p in zip(self.classes, placeholders)]

    def with_unimplemented(self, unimplemented: Sequence[tuple[str, ...]]) -> None:
        """The methods each class leaves to subclasses (see ``ast_walk.class_unimplemented``)."""
        if len(unimplemented) == len(self.classes):
            self.classes = [rec._replace(unimplemented=u) if u else rec for rec, u in zip(self.classes, unimplemented)]

    def with_copied_from(self, sources: Sequence[tuple[str, str]]) -> None:
        """The source each class's ``# Copied from`` and ``# Adapted from`` markers name (see
        ``ast_walk.class_copied_from``)."""
        if len(sources) == len(self.classes):
            self.classes = [
                rec._replace(copied_from=c, adapted_from=a) if c or a else rec for rec, (c, a) in zip(self.classes, sources)
            ]

    def with_texts(self, texts: Sequence[tuple[tuple[str, str], ...]]) -> None:
        """Class-level strings of each class (see ``ast_walk.class_texts``)."""
        if len(texts) == len(self.classes):
            self.classes = [rec._replace(texts=t) if t else rec for rec, t in zip(self.classes, texts)]

    def bound_names(self) -> set[str]:
        """Every name an import, class, function or assignment of the module binds (at
        any depth: a superset of the module-level ones, which errs on the side of care)."""
        names = set(self.functions) | set(self.assigned) | {c.name for c in self.classes if c.top_level}
        for rec in self.imports:
            if rec.is_from:
                names.update(asname or name for name, asname in rec.names if name != "*")
            else:
                names.add(rec.asname or rec.module.partition(".")[0])
        return names

    def with_bodies(self, bodies: Sequence[ClassBody]) -> None:
        """Text digest, mentioned module names, those read as names, the methods'
        parameters, the docstring's digest and the respelled text's digest, of each class
        (see extract/bodies.py)."""
        if len(bodies) == len(self.classes):
            self.classes = [
                rec._replace(body=b, refs=r, names_used=u, parameters=p, classes_read=c, doc=d, spelled=s, worded=w)
                for rec, (b, r, u, p, c, d, s, w) in zip(self.classes, bodies)
            ]

    def with_nestings(self, nestings: Sequence[tuple[tuple[str, tuple[str, ...]], ...]]) -> None:
        """The fields of each class built from its own module's classes (see
        ``bodies.class_nestings``)."""
        if len(nestings) == len(self.classes):
            self.classes = [rec._replace(nested=n) if n else rec for rec, n in zip(self.classes, nestings)]

    def with_reads(self, reads: Sequence[bool]) -> None:
        """Whether the module reads each class's name outside it (``bodies.class_reads``)."""
        if len(reads) == len(self.classes):
            self.classes = [rec._replace(read_in_module=True) if r else rec for rec, r in zip(self.classes, reads)]

    def with_instances(self, instances: Sequence[tuple[str, ...]]) -> None:
        """The names of which each class's fields hold instances (``bodies.class_instances``)."""
        if len(instances) == len(self.classes):
            self.classes = [rec._replace(instances=i) if i else rec for rec, i in zip(self.classes, instances)]

    def with_import_uses(
        self, uses: Sequence[tuple[int, ...]], reads: tuple[tuple[str, tuple[str, ...]], ...] = (),
        evaluated: tuple[tuple[str, int], ...] = (),
    ) -> None:
        """How the file uses each import's names, what it reads of them while it is
        imported, and which of those it reads then only in annotations it evaluates (see
        ``extract.uses.import_facts``), when the other walk found the same import records."""
        if len(uses) == len(self.imports):
            self.import_uses = tuple(uses)
            self.import_time_reads = reads
            self.evaluated_annotations = evaluated

    def build(self, **facts: object) -> FileSummary:
        # A ``__getattr__`` that serves a closed set of names leaves the module closed: those
        # names are its own (``getattr_names``), any other is missing (extract/lazy_getattr.py).
        if facts.get("getattr_names") is not None and not self.has_getattr:
            facts = facts | {"getattr_names": None}
        return FileSummary(
            problem=None,
            imports=tuple(self.imports),
            classes=tuple(self.classes),
            functions=tuple(self.functions),
            main_functions=tuple(sorted(self.main_functions - self.plain_functions)),
            assigned=tuple(dict.fromkeys(self.assigned)),
            aliases=tuple(self.aliases),
            all_names=None if self.all_names is None or self.all_unknown else tuple(self.all_names),
            has_getattr=self.has_getattr and facts.get("getattr_names") is None,
            import_uses=self.import_uses,
            attribute_reads=self.attribute_reads,
            local_module_reads=self.local_module_reads,
            class_attribute_reads=self.class_attribute_reads,
            deep_class_reads=self.deep_class_reads,
            import_mentions=self.import_mentions,
            annotation_names=self.annotation_names,
            dotted_reads=self.dotted_reads,
            import_time_reads=self.import_time_reads,
            evaluated_annotations=self.evaluated_annotations,
            function_digests=self.function_digests,
            value_digests=self.value_digests,
            fallback_imports=tuple(
                (self.imports[i].line, tuple(sorted({self.imports[j].line for j in body})))
                for i, body in self.handler_imports
            ),
            **facts,  # type: ignore[arg-type]
        )
