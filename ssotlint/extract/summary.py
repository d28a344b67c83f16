"""The per-file summary: everything the rules need to know about one file.

Summaries are plain named tuples so they pickle small and fast across process boundaries;
the cache stores them as JSON (see :mod:`ssotlint.storage`). They hold facts about the file's *content* only — no
path, no module name — so identical files (a backup of a tree, a vendored copy) share one
cache entry, and the summary of a git blob is valid wherever that blob appears.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

# Import context flags: where an import statement sits.
# The attribute of ``FileSummary.attribute_writes`` a ``setattr`` with a computed name sets: any.
ANY_NAME = "*"

# The value digest (``FileSummary.value_digests``) of a name bound to what the program was
# started with: its command line parsed (``args = parser.parse_args()``), ``sys.argv`` or
# ``getopt``'s reading of it. Each program's own, whatever the text: the same words parse
# two programs' own options.
PROGRAM_INPUT = -1

# What ``ClassRecord.copied_from`` holds for a class a generator pasted from a fragment file
# (``extract/ast_walk._included_fragment``): ``file:`` and the fragment's path, its ``./``
# and ``../`` steps dropped (the generator's folder is not known).
FRAGMENT_PREFIX = "file:"

CTX_TYPE_CHECKING = 1  # under ``if TYPE_CHECKING:``
CTX_FUNCTION = 2  # inside a function body: runs when called, not at import time
CTX_GUARDED = 4  # deliberately optional: ``try:`` with an ``except ImportError:`` that goes on
CTX_MAIN = 8  # under ``if __name__ == "__main__":``
CTX_CONDITIONAL = 16  # under any other ``if``/``try``/``with``/loop at module level
# Expected to fail: under ``with pytest.raises(ImportError):`` / ``self.assertRaises(...)``
# (or a base such as Exception), or after ``pytest.importorskip`` of the same module.
CTX_EXPECTED_FAILURE = 32
# A SyntaxError the import raises (the module it loads does not compile) is caught: by
# ``except SyntaxError``/``Exception``/bare ``except:`` that goes on, or ``pytest.raises``
# of it. Such an importer does not fail with the module (SSOT000's blast radius).
CTX_SYNTAX_ERROR_HANDLED = 64
# Set by the model, never by an extractor: a Python 2 import written without dots that
# Python 2 resolves relative to its package (``from threads import X`` in ``network/``
# finds ``network/threads.py``), recorded with ``level`` 1 (see ssotlint.model.python2).
CTX_IMPLICIT_RELATIVE = 128

NOT_AT_IMPORT_TIME = CTX_TYPE_CHECKING | CTX_FUNCTION | CTX_MAIN

# How the file uses a name a module-level import binds (``FileSummary.import_uses``), the
# strongest use found: what a rule needs to know before it advises moving the import.
USE_NONE = 0  # never read: the import is there for what loading the module does, or re-exported
USE_ANNOTATION = 1  # only in annotations that are never evaluated, or under TYPE_CHECKING
USE_CALL = 2  # inside function bodies (and lambdas): when they are called
# While the module is imported: at module level, in a class body, a decorator, a base, a
# default value, an annotation evaluated when its ``def`` or class runs. Also every name
# of an import in a class body, and a star import (its names cannot be followed).
USE_IMPORT_TIME = 3

# Class kinds, decided from the syntax alone. Kinds that depend on other modules
# (a first-party Enum base) are decided by the model.
ClassKind = Literal["plain", "enum", "protocol", "abstract"]
KIND_PLAIN: ClassKind = "plain"
KIND_ENUM: ClassKind = "enum"
KIND_PROTOCOL: ClassKind = "protocol"
KIND_ABSTRACT: ClassKind = "abstract"

# Why a file could not be analysed. The first three are the file's own fault (the
# interpreter fails to import it too, so its importers break with it); "crash" (a parser
# worker died or ran out of time) and "internal" (a bug of ssotlint's) are not.
ProblemKind = Literal["syntax", "decode", "too-complex", "crash", "internal"]

# Which extractor produced a summary ("none": the file was not parsed, see ``problem``).
Engine = Literal["libcst", "ast", "none"]


class ImportRecord(NamedTuple):
    """One imported module: ``import a.b`` or ``from .a import x, y``.

    ``module`` is written without leading dots; ``level`` counts them. For ``import a, b``
    the extractor emits one record per module. ``names`` holds ``(name, asname)`` pairs of
    a from-import (``("*", None)`` for a star import) and is empty for plain imports.
    """

    module: str
    level: int
    names: tuple[tuple[str, str | None], ...]
    is_from: bool
    asname: str | None
    line: int
    col: int
    context: int


# The digest of a class field's value no reader of the text can know: what a call returns
# (``auto()``, whose value the enum's ``_generate_next_value_`` decides: the member's name
# in a ``StrEnum`` or a base that says so, a count in a plain ``Enum``).
UNKNOWN_VALUE = 0

# What a class field's value is, beside its digest (``ClassRecord.values``): text with a
# word the field's name does not have (a label: ``bdist_dmg = "OSX Disk Image"``; not
# ``LOW = "low"``), an int as written (``Up = 0x01``, ``-1``: a code of some numbering), or
# anything else.
VALUE_PLAIN = 0
VALUE_LABEL = 1
VALUE_INT = 2
VALUE_SEQUENCE = 3  # a list, tuple or set of values (``delivered = ["D", "FS", "KB"]``)


class ClassRecord(NamedTuple):
    """A class statement. ``bases`` are dotted names as written (``enum.Enum``);
    bases that are not plain names (``Generic[T]``) keep their head (``Generic``)."""

    name: str
    line: int
    col: int
    bases: tuple[str, ...]
    metaclass: str | None
    kind: ClassKind
    test_methods: int  # methods named test*
    trivial_body: bool  # only a docstring / pass / ...
    top_level: bool  # defined at module level (possibly under if/try)
    context: int
    # Names of the methods and class-level fields (assigned or annotated) of its own body,
    # in source order: what tells a copy of a class from a namesake.
    members: tuple[str, ...] = ()
    # A stand-in for a class that may be missing: defined in an ``except ImportError``
    # handler whose ``try`` imports the same name, in a ``try`` that imports something and
    # whose ``except ImportError`` handler imports the same name instead (a variant backed by
    # a native extension, the pure-Python class its alternative), in one branch of an ``if``
    # whose other branch imports it, or in the unavailable branch of an availability check
    # (``if X is None:``, ``if not HAS_X:``, the ``else`` of ``if HAS_X:``) on a name the
    # module binds in such a ``try``.
    fallback: bool = False
    # Its own body declares without implementing: only a docstring, ``pass``, ``...``,
    # annotations without a value, and methods decorated as abstract.
    interface_body: bool = False
    # Digests of its own member statements that do something (methods with more than a
    # stub body, class-level assignments and annotations), each as written (lines stripped,
    # blank and comment lines dropped): a copy shares some with the original, a parallel
    # implementation of one interface (thread and process ``Event``) none.
    shapes: tuple[int, ...] = ()
    # The members that are fields (assigned or annotated in the class body), in source order.
    fields: tuple[str, ...] = ()
    # Its text without comments and docstring, as a digest (0: not known), and the names
    # bound at its module's level that the text mentions: an exact copy has the same text
    # and mentions names its own module binds to the same objects (see extract/bodies.py).
    body: int = 0
    refs: tuple[str, ...] = ()
    # The digest of that text in its module's one spelling (``uuid.UUID`` as ``UUID``,
    # ``List`` as ``list``: extract/spelling.py), when that is another text; 0 otherwise.
    # Two classes whose spelled texts are equal differ only in how they spell a name.
    spelled: int = 0
    # A digest of the prose its strings hold (two words or more, docstrings aside), in
    # order (0: none): what it shows people, apart from its code, keys and patterns. Two
    # classes of one module written for two languages differ in it (a prompt translated);
    # a copy drifted in its code does not (extract/bodies.py ``_words_digest``).
    worded: int = 0
    # The fields declared with an annotation (``id: int``, ``id: int = 0``), each with a
    # digest of its annotation as written: the fields of a dataclass or model, as opposed
    # to plain class attributes (``optFlags = [...]``) that set what a base class reads.
    annotated: tuple[tuple[str, int], ...] = ()
    # The fields annotated ``Literal[...]`` (a discriminated union's tag: ``label:
    # Literal["rtvi-ai"]``), each with a digest of the values it allows.
    tags: tuple[tuple[str, int], ...] = ()
    # A digest of the name under which a framework registers the class, when its own body
    # assigns one as a string (Odoo's ``_name = "ir.module.type"``, SQLAlchemy's
    # ``__tablename__ = "users"``); 0 otherwise. Two classes registered under different
    # names are two things whatever their Python names.
    registered: int = 0
    # Those of ``refs`` naming a function or an import of its module that its text reads as
    # names (not only after a dot, ``np.frompyfunc``, or in a one-line string): the collaborators it really uses (``apply_gufunc``), compared
    # when two same-named classes may be one template per backend (see rules/copies.py).
    names_used: tuple[str, ...] = ()
    # Those of ``refs`` naming a class of its module that its text reads as names (not only
    # in a string: ``MEMORY_TO_PERIPH = DMA_CR.DIR``, not ``CONTROLNET = "Controlnet"``).
    classes_read: tuple[str, ...] = ()
    # The fields its own body assigns a value (``CLOSED = "closed"``, ``level: int = 3``),
    # the first assignment of a name, each with a digest of the value as CPython reads it
    # (quotes, spacing and comments aside) and its kind (``VALUE_LABEL``: text other than
    # the name; ``VALUE_INT``: an int as written; else ``VALUE_PLAIN``); the digest is 0
    # for a call (``auto()``: its value is not in the text). Two enums that
    # name the same members with other values are told apart by these (see SSOT006).
    values: tuple[tuple[str, int, int], ...] = ()
    # Its decorators as the dotted names they call or are (``token.route`` for
    # ``@token.route("/x")``, ``dataclass``), in source order: a decorator may register the
    # class when the statement runs (a web framework's route), so a later class of the same
    # name does not make it dead.
    decorators: tuple[str, ...] = ()
    # The dotted names of the functions its bases call (``make_base_model`` for ``class
    # BaseModel(make_base_model()):``; see ``ast_walk.class_factory_bases``): each call
    # makes a base of its own.
    factory_bases: tuple[str, ...] = ()
    # The short strings its own body assigns to class-level names, the first assignment
    # of each (``name = "members"``, ``connector: str = "backpack_perpetual"``; a tuple of
    # strings joined by a space), and the string a decorator passes first, under ``@`` and
    # the decorator's dotted name (``("@sources.register", "describe-kube")``): what an
    # instance of a registration convention says it is (see ``ast_walk.class_texts``).
    texts: tuple[tuple[str, str], ...] = ()
    # The dotted name a ``# Copied from X`` comment just above the class names (``""``:
    # none): a copy the project's own copy checker keeps in step with ``X``.
    copied_from: str = ""
    # The dotted name an ``# Adapted from X`` comment just above the class names (``""``:
    # none): a copy its author made from ``X``, which no checker keeps in step.
    adapted_from: str = ""
    # Each method its body defines, with the names of its parameters as written
    # (extract/bodies.py ``method_parameters``).
    parameters: tuple[tuple[str, str], ...] = ()
    # Its class-level fields whose value or annotation names what its module binds at its
    # top, each with those names (extract/bodies.py ``class_nestings``): ``project =
    # ProjectSerializer()``, ``status: StreamStatus``.
    nested: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # The names of its module's top level of which a class-level field holds an instance
    # (extract/bodies.py ``class_instances``): ``personal_details = PersonalSerializer()``.
    instances: tuple[str, ...] = ()
    # Its module's own code reads its name outside the class statement (``json.dumps(data,
    # cls=CustomJSONEncoder)``, ``Handler()``): a helper the module uses itself, not a class
    # only a framework finds by the module's path (extract/bodies.py ``class_reads``).
    read_in_module: bool = False
    # Every method it defines only raises ``NotImplementedError`` (after a docstring), and
    # it has no fields: a placeholder for what is not there (pyroute2's ``NetNS`` on
    # Windows and macOS, ``__init__`` raising), or an informal interface. It implements
    # nothing (see ``ast_walk.class_placeholders``).
    placeholder: bool = False
    # The methods it leaves to subclasses, sorted: each only raises ``NotImplementedError``
    # (after a docstring) or is decorated ``@abstractmethod`` (see
    # ``ast_walk.class_unimplemented``). Two bases that leave different methods to fill in
    # are interfaces of two families, whatever else they share.
    unimplemented: tuple[str, ...] = ()
    # A digest of its docstring, whitespace collapsed, when it says something (five words
    # or more; 0 otherwise): a sentence copied word for word with the class is a copy's mark
    # (portage's two ``TaskHandler``s, "Handles the running of the tasks it is given").
    doc: int = 0
    # What its own ``class Meta`` says of the model's table (see
    # ``ast_walk.class_model_options``): ``abstract`` or ``proxy`` when set to True (no
    # table of its own), ``app_label=NAME`` when given. A concrete Django model is stored in
    # ``<app_label>_<name>``, so two apps' models of one name are two tables.
    model_options: tuple[str, ...] = ()


class ParseProblem(NamedTuple):
    """Why the file could not be analysed (SSOT000)."""

    message: str
    line: int
    col: int
    kind: ProblemKind
    # The line of a syntax error holds template markup (``{% if x %}``, ``{{ name }}``,
    # ``{# note #}``): the file may be a template a generator renders, not a module.
    markup: bool = False
    # The line of the error elides code with ``...`` (``def jit_myfunc(arg0, arg1, ...):``):
    # pseudo-code, as a documentation listing shows it to be filled in.
    elided: bool = False
    # The file's header says it is not Python (``Despite the name, this file is NOT a
    # Python file``): a configuration file named ``.py`` for an editor's sake.
    not_python: bool = False
    # The line of the error is a template's statement tag alone (``{% include 'aes.py' %}``,
    # ``{% if x %}``, ``{% endif %}``): a template a generator renders, never a module with
    # a placeholder left in it.
    template: bool = False
    # The line of the error tells the project's linter to ignore a syntax error there
    # (``123 foo  # noqa: E999``, flake8's and ruff's code for one): a file kept invalid on
    # purpose, the input of a test that shows how the program reports it.
    meant: bool = False
    # Only top-level ``await``, ``async for`` or ``async with`` keep the compiler from taking
    # the file: code for an asyncio REPL or a notebook cell (a documentation page's snippets).
    awaited: bool = False
    # The Python version from which on the error line's construct is valid, when it is one
    # a newer Python added (``"3.12"``: an f-string that nests its own quotes, PEP 701; a
    # ``type`` alias statement or a generic ``def f[T]``, PEP 695); "" when none is known.
    newer: str = ""
    # LibCST's parser for ``newer`` accepts the whole file (checked when the file was not
    # judged for a target): valid on that Python, not a slip that only looks like its syntax.
    newer_valid: bool = False


class FileSummary(NamedTuple):
    problem: ParseProblem | None
    imports: tuple[ImportRecord, ...]
    classes: tuple[ClassRecord, ...]
    functions: tuple[str, ...]  # module-level function names
    assigned: tuple[str, ...]  # other module-level bound names (assignments, loops, globals)
    aliases: tuple[tuple[str, str], ...]  # module-level ``Name = dotted.value``
    all_names: tuple[str, ...] | None  # literal ``__all__``, when there is one
    has_getattr: bool  # module-level ``def __getattr__``
    suppressions: tuple[tuple[int, tuple[str, ...] | None], ...]  # line -> codes (None = all)
    crlf: int  # number of CRLF line endings
    lone_cr: int  # number of CR endings not followed by LF
    first_bad_eol_line: int  # first line with a CR ending (0 when none)
    lines: int
    engine: Engine  # which extractor produced it (a note, not a fact)
    note: str = ""  # why the fallback engine was used
    # Writes names or modules at run time (``globals()[k] = v``, ``sys.modules[k] = m``):
    # what it provides cannot be known statically.
    dynamic_names: bool = False
    # The line of the first such write the text shows (``globals().update(ALL_CATEGORIES)``),
    # from which on any name may be bound; 0 when none is shown (a module that binds names
    # no statement shows in another way: from its start).
    dynamic_line: int = 0
    # Among those, what may also put modules into ``sys.modules`` by computed names (see
    # ``summarize._MAY_PLANT``): its missing submodules may exist at run time.
    plants_modules: bool = False
    # Looks names up in its own namespace by computed name (``globals()[kind + "Root"]``,
    # ``vars()[name]``, ``getattr(sys.modules[__name__], name)``): what it defines must stay
    # in it, where those lookups find it (read from the text, so it errs towards more).
    namespace_lookups: bool = False
    # Extends its package's ``__path__`` (``pkgutil.extend_path``, ``__path__.append``,
    # ``pkg_resources.declare_namespace``): other folders or distributions add submodules.
    extends_path: bool = False
    # Has an ``if __name__ == "__main__":`` block at module level: a script meant to be run
    # (read from the text, so known for a file that does not parse too). So does a Modal
    # app's module (``app = modal.App(...)``, ``@app.local_entrypoint()``), which ``modal
    # run`` runs as a program in an image of its own.
    main_guard: bool = False
    # Its first line is a Python shebang (``#!/usr/bin/env python``): a script meant to be
    # run, ``__main__`` block or not (read from the text, so known for a file that does not
    # parse too).
    shebang: bool = False
    # The major version its shebang names (``#!/usr/bin/env python2`` -> 2, ``python3.11``
    # -> 3); 0 when it names none (``python``) or there is no Python shebang.
    shebang_major: int = 0
    # For each import record (in ``imports`` order), the ``USE_*`` of each name it binds:
    # one per name of a from-import, one for a plain import; empty for a record inside a
    # function. Empty as a whole when not known (a file only LibCST's parser for a newer
    # Python reads, and which does not compile here even lowered, extract/lowered.py: the
    # uses come from CPython's tree, for both engines alike).
    import_uses: tuple[tuple[int, ...], ...] = ()
    # Module-level functions that put modules into ``sys.modules`` (directly, or through
    # another such function of the module they call by name), and module-level calls that
    # pass the module's own ``__name__``: the callee as written, with the identifiers its
    # arguments spell as strings. A call of a first-party writer with the module's own name
    # replaces the module by a lazy one (see extract/dynamic.py and ``Project.provided``).
    module_writers: tuple[str, ...] = ()
    # Functions and methods (by name) that set computed names on the module an object they
    # are given was defined in (``setattr(sys.modules[cls.__module__], name, v)``): a class
    # decorator that fills its class's module (see extract/dynamic.py ``definer_writers``,
    # ``Project.filled_by_decorator``). From CPython's tree.
    definer_writers: tuple[str, ...] = ()
    # Module-level functions that install a ``__getattr__`` on an object (directly or through
    # another such function of the module): a call of one with the module's own name opens
    # the module, as a ``def __getattr__`` does (extract/dynamic.py ``getattr_installers``).
    getattr_installers: tuple[str, ...] = ()
    # The module-level functions that set names computed at run time on a module looked up
    # in ``sys.modules`` (extract/dynamic.py ``module_fillers``): handed a module's own
    # ``__name__``, they make it serve names no statement binds.
    module_fillers: tuple[str, ...] = ()
    # A module-level definition is decorated by one of those that finds the module through
    # what it decorates (``func.__module__``): the module is open (``getattr_decorated``).
    getattr_decorated: bool = False
    # The dotted objects a call hands to a function of this module that sets computed names
    # on that argument (extract/dynamic.py ``argument_fills``): ganga's ``GangaCore.GPI``.
    argument_fills: tuple[str, ...] = ()
    # Module-level functions that install an import hook, a finder in ``sys.meta_path``
    # (directly or through another such function of the module), and the module-level calls
    # whose arguments read the module's own ``__name__``, with the identifiers they spell as
    # strings (extract/dynamic.py ``hook_installers``, ``own_name_calls``): a package that so
    # calls a first-party hook has the submodules it names served at run time
    # (``Project.hook_served``).
    hook_installers: tuple[str, ...] = ()
    # The module names a finder this file installs in ``sys.meta_path`` answers for, each
    # with whether it is a prefix (extract/dynamic.py ``finder_names``: calibre's ``DeVendor``).
    finder_names: tuple[tuple[str, bool], ...] = ()
    own_name_calls: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # Names bound once to a value False whenever the code runs, True for type checkers
    # (``MYPY_RUNNING = typing.TYPE_CHECKING``), and per name the lines of the imports that
    # run only when it is true (``if MYPY_RUNNING:``): an import under a first-party flag of
    # the first kind is read as under ``if TYPE_CHECKING:`` (extract/flags.py,
    # ``Project.checking_lines``).
    checking_flags: tuple[str, ...] = ()
    flag_imports: tuple[tuple[str, tuple[int, ...]], ...] = ()
    name_calls: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # The callees of the module-level statements that only call a function handing it the
    # module's own name (extract/dynamic.py ``handing_calls``): a library's function so
    # called may set any name on the module (tvm's ``tvm_ffi.init_ffi_api("testing", __name__)``).
    handing_calls: tuple[str, ...] = ()
    # Attributes import-time code sets on a named object (``base.dialect = d``,
    # ``setattr(base, "dialect", d)``, at module level or in a function the module calls):
    # ``(dotted object, attribute)``. A module that runs before the object's module is
    # imported provides the name there (see extract/dynamic.py, ``Project.planted``).
    attribute_writes: tuple[tuple[str, str], ...] = ()
    # Modules its import-time code puts into ``sys.modules`` under a literal name
    # (``sys.modules["pkg.old"] = new``): importable once it has run (see extract/dynamic.py).
    planted_modules: tuple[str, ...] = ()
    # What entering each context manager of the module (a class with ``__enter__``, a
    # ``@contextmanager`` function) sets: ``(its name, dotted object, attribute)``, or
    # ``(its name, "", module)`` for a module it puts into ``sys.modules``; and for each import
    # inside ``with`` blocks, by line, the callables the ``with`` items call (see
    # extract/dynamic.py): a name such a block sets exists inside it.
    entered_writes: tuple[tuple[str, str, str], ...] = ()
    with_callees: tuple[tuple[int, tuple[str, ...]], ...] = ()
    # For each name a module-level import binds (``import pkg as p``, ``from pkg import
    # sub``; not ``import pkg.sub``), the attributes the text reads off it (``p.read_csv``),
    # sorted: what a file uses of a module it holds (see extract/dynamic.py).
    attribute_reads: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # The dotted paths of two attributes or more read off such a name, ending in a CapWords
    # name (``nknn.blocks.DeepSetMLP``), sorted (extract/dynamic.py ``deep_class_reads``).
    deep_class_reads: tuple[str, ...] = ()
    # The names from-imports inside functions bind (in lower case: a module's spelling) that
    # the text reads an attribute off (``lex.lexer`` after ``from . import lex``), sorted:
    # a name used as a module (extract/dynamic.py ``local_module_reads``).
    local_module_reads: tuple[str, ...] = ()
    # For each CapWords name a from-import binds, the attributes the text reads off it
    # (``Node.objects``), sorted (extract/dynamic.py ``class_attribute_reads``).
    class_attribute_reads: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # For each name a module-level import binds (``util`` of ``from cloudinit import util``,
    # ``a`` of ``import a.b``), how many times the text spells it as a word, sorted: how many
    # places would need the import if it moved into the functions that use it (SSOT002
    # prefers deferring the import used in fewer places).
    import_mentions: tuple[tuple[str, int], ...] = ()
    # For each name a module-level import binds that code reads while the module is
    # imported (``USE_IMPORT_TIME``), what it reads of it then, sorted: the attributes
    # (``pkg.__file__`` gives ``__file__``), and ``""`` for the object itself (passed on,
    # compared, called); ``"=X"`` for an attribute only set then (``pkg.X = ...``), which
    # reads nothing. From CPython's tree (extract/uses.py), for both engines alike.
    import_time_reads: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # Of the names a module-level import binds that code reads while the module is
    # imported, those read then only in annotations it evaluates (it does not say ``from
    # __future__ import annotations``: a parameter's ``first: VirtualHost``), each with its
    # ``USE_*`` were they postponed (``USE_ANNOTATION``, or ``USE_CALL`` when a function
    # body reads it too). Sorted; the names as ``import_uses`` counts them.
    evaluated_annotations: tuple[tuple[str, int], ...] = ()
    # Lines with a ``# noqa`` naming a type-checking-import code (flake8-type-checking's
    # and ruff's ``TC001``, ``TCH002`` ...): an import kept at runtime on purpose, though
    # only annotations use it (scrapy's ``import scrapy  # noqa: TC001`` for its docs build).
    runtime_noqa: tuple[int, ...] = ()
    # Lines of module-level imports under a comment that says why they are there as they
    # are (circular imports, Sphinx or autodoc, run time, on purpose): distributed's
    # ``from distributed import scheduler`` below "Needed to avoid Sphinx WARNING ...
    # dealing-with-circular-imports". Advice to move one says to check that first.
    explained_imports: tuple[int, ...] = ()
    # Lines with ``# noqa: F811`` or ``# pylint: disable=function-redefined``: a class
    # defined again there on purpose (a tutorial's next step; SSOT001's redefinitions).
    redefinition_noqa: tuple[int, ...] = ()
    # Lines with ``# type: ignore[import-not-found]`` (or ``[import]``, or pyright's
    # ``ignore[reportMissingImports]``): the project tells its type checker the module an
    # import there names is missing, knowingly (SSOT003 leaves such ``TYPE_CHECKING`` imports).
    missing_import_ignores: tuple[int, ...] = ()
    # The relative folders its code spells as literal pieces of a path (``os.path.join(
    # ROOT, "atest", "testdata", "misc")`` gives ``atest/testdata/misc``): in a test, the
    # folders whose files it reads as inputs (extract/data_paths.py,
    # ``Project.named_data_folders``). From CPython's tree, for both engines alike.
    named_folders: tuple[str, ...] = ()
    # A digest of the text of each module-level function some class of the module reads
    # (``ClassRecord.names_used``): same-named helpers of two modules are one copied
    # function when their digests match (see rules/copies.py).
    function_digests: tuple[tuple[str, int], ...] = ()
    # A digest of the value of each module-level assignment some class of the module
    # mentions (``_CONFIG = OpenCitiesConfig(domain=...)`` read by ``Source.__init__``):
    # two classes of the same text that read their own modules' data of one name, the
    # values differing, each do their own module's work (see rules/copies.py).
    value_digests: tuple[tuple[str, int], ...] = ()  # PROGRAM_INPUT: the command line's
    # Module-level names bound by a call given the name itself (``Color = Enum("Color",
    # ...)``, ``Point = namedtuple("Point", ...)``): classes made by a call (extract/named.py).
    self_named: tuple[str, ...] = ()
    # The module-level functions defined only under ``if __name__ == "__main__":``, sorted:
    # they exist when the file runs as a script, never in an importer's module.
    main_functions: tuple[str, ...] = ()
    # Its header says a code generator wrote it (``# Generated by the protocol buffer
    # compiler.  DO NOT EDIT!``, ``# File generated from our OpenAPI spec by ...``; see
    # extract/generated.py): edits by hand are overwritten, so no finding tells anyone to
    # edit it, and what two generated files share is the generator's business.
    generated: bool = False
    # Generated, and its header says not to edit it (``do not edit``, ``changes will be
    # lost``): written again by its generator, never kept by hand (extract/generated.py).
    regenerated: bool = False
    # The Python files its generated header says it was generated from
    # (``This file was automatically generated from src/pkg/x/modular_x.py.``; see
    # extract/generated.py ``generated_from``), as spelled: its classes are their source's,
    # repeated by design (rules/apart.py).
    generated_from: tuple[str, ...] = ()
    # The ``.py`` files its code writes by a literal path (``open(DIR / "base.py", "w")``),
    # as the literal spells them, and the lines of imports in a branch a module-level
    # constant makes dead (``_IS_SYNC = True``; ``else:`` of ``if _IS_SYNC:``): see
    # extract/writes.py. From CPython's tree, for both engines alike.
    written_files: tuple[str, ...] = ()
    # The ``(fromdir, todir)`` folders of each ``unasync.Rule`` its code builds: unasync
    # writes the files under ``todir`` from those under ``fromdir`` (extract/writes.py).
    unasync_rules: tuple[tuple[str, str], ...] = ()
    # The ``.py`` files its code reads as text or bytes by a literal path
    # (``read_file("tpl/module.py")``, ``(DIR / "data/agent/agent.py").read_text()``; see
    # extract/writes.py ``read_files``): a template pasted into a generated module (SSOT003
    # ``read_as_text``) or a payload the program ships (rules/apart.py ``read_as_data``),
    # not a module. From CPython's tree.
    read_files: tuple[str, ...] = ()
    # The names whose source a generator that writes a ``.py`` file copies with
    # ``inspect.getsource(Name)`` (phoenix's prompt compiler pasting its own
    # ``PromptMessage`` into the ``_models.py`` it writes; see extract/writes.py
    # ``source_copied``). From CPython's tree.
    source_copied: tuple[str, ...] = ()
    # Its module level only imports names and then names them, one bare name or attribute
    # a statement (``Withdrawal.validator_index``), one or more: a list of uses a
    # dead-code checker reads (a vulture whitelist), which does nothing when run (see
    # extract/writes.py ``usage_list``). From CPython's tree.
    usage_list: bool = False
    # A tool's configuration file, executed with names of its own injected (``c =
    # get_config()`` with ``get_config`` never bound: IPython's, Jupyter's; see
    # extract/tool_config.py): not a module. From CPython's tree.
    injected_config: bool = False
    # When its code writes a ``.py`` file of a literal name into a computed folder (one
    # module per service: ``Path(base, service) / "__init__.py"``), the folder paths its
    # string literals spell (``"./pkg/aws/api"``): where the modules it writes may lie
    # (extract/writes.py ``written_under``; rules/generators.py). From CPython's tree.
    written_under: tuple[str, ...] = ()
    # Its header names a scaffold it was written from (``# LocalStack Resource Provider
    # Scaffolding v2``; extract/generated.py ``is_scaffolded``): a template filled in from
    # one spec per module, then edited by hand. Not a generated file: it is edited.
    scaffolded: bool = False
    dead_imports: tuple[int, ...] = ()
    # The imports in an ``except ImportError:`` handler (one that goes on) of a ``try``
    # whose body's imports that handler guards: ``(line, lines of the body's imports)``
    # (``try: from app.qpy import dump`` / ``except ImportError: from app.old_qpy import
    # dump``, a fallback for other versions; SSOT003 reads them).
    fallback_imports: tuple[tuple[int, tuple[int, ...]], ...] = ()
    # Each module-level function's parameters, ``(name, "a,b,*args,c=,**kw")``, sorted
    # (extract/writes.py): namesakes whose parameters differ are different functions.
    function_signatures: tuple[tuple[str, str], ...] = ()
    # The folders its code puts on ``sys.path`` by a spelled path (``sys.path.insert(0,
    # os.path.join(os.path.dirname(__file__), "lib"))``): ``(anchor, path, line, front)``, the
    # path relative to the module's folder (anchor ``"file"``) or to the working directory
    # (``"cwd"``, a bare literal), and whether the call puts it first (``sys.path.insert(0,
    # ...)``: from there on it comes before every other folder); see extract/syspath.py.
    # From CPython's tree.
    path_entries: tuple[tuple[str, str, int, bool], ...] = ()
    # The first line where its code puts an absolute literal path on ``sys.path`` (a folder
    # of the image it runs in: extract/syspath.py ``foreign_entry_line``); 0 when none.
    foreign_entry_line: int = 0
    # The folders a package's ``__init__`` adds to its own ``__path__`` by a path spelled
    # from its ``__file__`` (``__path__.append(os.path.join(os.path.dirname(__file__),
    # "api"))``), relative to its folder: their modules are submodules of the package
    # (extract/package_path.py, ``Project.path_folders``). From CPython's tree.
    path_folders: tuple[str, ...] = ()
    # For each name two or more module-level class statements bind, the lines where
    # import-time code outside class statements reads it (extract/rebinding.py): an earlier
    # class read before the later statement replaces it is not dead.
    redefined_reads: tuple[tuple[str, tuple[int, ...]], ...] = ()
    # The module-level classes whose docstring (``.. deprecated::``) or code (a
    # ``DeprecationWarning``) says they are deprecated; ``("*",)`` when the module says so of
    # itself (extract/deprecation.py).
    deprecated: tuple[str, ...] = ()
    # Attributes its code sets anywhere, whenever it runs (a method's ``hv.archive = a``),
    # on an object named through a module-level import: ``(dotted object, attribute)``
    # (extract/dynamic.py ``attribute_sets``). On a first-party module, that attribute is
    # rebound at run time (``Project.rebound``). From CPython's tree.
    attribute_sets: tuple[tuple[str, str], ...] = ()
    # The dotted paths of two parts or more its code reads off a name a module-level import
    # binds (``app.events.on_insert`` after ``import app``), each with ``USE_CALL`` (only in
    # function bodies) or ``USE_IMPORT_TIME``, sorted (extract/dynamic.py ``dotted_reads``):
    # a module reached so is read, though no import of it binds a name that is. From
    # CPython's tree.
    dotted_reads: tuple[tuple[str, int], ...] = ()
    # The Python version (``"3.14"``) the file is written for, newer than the running
    # interpreter, when neither that interpreter nor LibCST's parser for the version could
    # judge it (the parser failed): not reported by SSOT000, which counts such files in a
    # warning; its facts come from the statements the interpreter parses ("" otherwise).
    unjudged: str = ""
    # ``(line, minor)`` of each import statement that runs only on Python ``3.minor`` and
    # later (under ``if sys.version_info >= (3, minor):``; see extract/version_imports.py).
    # From CPython's tree.
    version_imports: tuple[tuple[int, int], ...] = ()
    # ``(name, minor)`` of each name the module binds once to a test that holds only from
    # Python ``3.minor`` on (``PY312 = sys.version_info >= (3, 12)``; see
    # extract/version_imports.py): another module's ``if PY312:`` (``flag_imports``) gates
    # its imports to that version.
    version_flags: tuple[tuple[str, int], ...] = ()
    # It uses syntax Python 2 has none of (an f-string, an annotation, ``async``, keyword-only
    # parameters ...; extract/python3_syntax.py): code written for Python 3. From CPython's tree.
    python3_syntax: bool = False
    # It calls what only Python 2 has (``d.iteritems()``, ``xrange(n)``, ``unicode(x)``, a
    # name it does not bind itself; extract/python3_syntax.py): code run on Python 2.
    python2_idioms: bool = False
    # It is written to run on Python 3 too: it asks which Python runs it, imports ``six``,
    # or takes ``print_function`` and the like from ``__future__`` (extract/python3_syntax.py).
    python3_aware: bool = False
    # ``(line, minor)`` of each import statement that runs, when the program runs, only on
    # Pythons before ``3.minor`` (``if sys.version_info < (3, minor):``, also ``... or
    # TYPE_CHECKING``; see extract/version_imports.py ``legacy_imports``). From CPython's tree.
    legacy_imports: tuple[tuple[int, int], ...] = ()
    # The distributions a PEP 723 ``# /// script`` block lists as its dependencies (names as
    # written), ``()`` for none; None without such a block (extract/inline_script.py): the
    # script runs in an environment of its own.
    script_dependencies: tuple[str, ...] | None = None
    # The dotted decorators (two parts or more) of its module-level functions and classes,
    # sorted (``UI_NS.app_template_filter`` for ``@UI_NS.app_template_filter("humanize")``):
    # a method of another module's object called while it is imported registers what it
    # decorates there (extract/registering.py). From CPython's tree.
    module_decorators: tuple[str, ...] = ()
    # ``(class, partner)``: a module-level class named beside another object in one call's
    # arguments or one tuple of the module's own level (``translator.register(Rating,
    # RatingTO)``): configuration bound to that object (extract/registering.py
    # ``class_partners``). From CPython's tree.
    class_partners: tuple[tuple[str, str], ...] = ()
    # Unconditional module-level ``name: T = a.b``, as ``(name, "a.b")``: an alias of another
    # object despite its annotation (extract/annotated.py). From CPython's tree.
    annotated_aliases: tuple[tuple[str, str], ...] = ()
    # Names the module's top level only annotates (``name: T``, no value): type checkers
    # see them, the running program does not (extract/annotated.py). From CPython's tree.
    declared_only: tuple[str, ...] = ()
    # The names a module ``__getattr__`` serves when they are a closed set of literals
    # (``has_getattr`` is then False: the module is not open); None otherwise
    # (extract/lazy_getattr.py). From CPython's tree.
    getattr_names: tuple[str, ...] | None = None
    # Lines of relative imports under ``if __package__ ...:`` (or ``"." in __name__``): they
    # run only when the module is part of a package (extract/writes.py). From CPython's tree.
    package_only_imports: tuple[int, ...] = ()
    # Whether an ``if`` tests ``__package__`` or ``"." in __name__`` either way: the module
    # is written to run as a script too (extract/writes.py). From CPython's tree.
    runs_both_ways: bool = False
    # The address of another project's file that its header says this module copies
    # (extract/upstream.py); "" when it says none.
    upstream: str = ""
    # The address its header says its code comes from, copied or adapted (``Adapted from
    # https://github.com/...``), and whether its opening comments tell the project's
    # linters to skip the whole file (``# pylint: skip-file``): code from elsewhere
    # (extract/upstream.py).
    derived: str = ""
    skips_linters: bool = False
    # The line of a ``raise`` among the module's own top-level statements, or of a call
    # that never returns (``sys.exit()``, ``pytest.skip(..., allow_module_level=True)``):
    # the first, 0 when there is none. Every load of the module stops there, so nothing
    # after it is ever defined (qiling's ``uefi/type64.py``, "Do not use this module; for
    # reference only").
    # From CPython's tree.
    stops_at: int = 0
    # ``(name, line)``: the first statement of the module's own top level (unconditional)
    # that binds each name (extract/binding_lines.py). From CPython's tree.
    binding_lines: tuple[tuple[str, int], ...] = ()
    # ``(name, line, first, last)``: a binding inside a module-level compound statement and
    # the lines of its block of statements (extract/binding_lines.py). From CPython's tree.
    branch_bindings: tuple[tuple[str, int, int, int], ...] = ()
    # ``(anchor, start)``: the literal start of a module name the file imports by a computed
    # name (``importlib.import_module(f"pkg.bench_{lib}")``), relative to ``__package__`` or
    # ``__name__`` when the anchor says so (extract/name_loads.py). From CPython's tree.
    loaded_by_name: tuple[tuple[str, str], ...] = ()
    # The application names a Django settings module's ``INSTALLED_APPS`` statements spell,
    # in order (extract/django_apps.py). From CPython's tree.
    installed_apps: tuple[str, ...] = ()
    # Its ``INSTALLED_APPS`` also takes applications it does not spell (a star import's name,
    # a call: ``extract/django_apps.installed_apps_open``): what is installed is not known.
    installed_apps_open: bool = False
    # The objects (dotted, from a module-level import's name) the code hands to ``setattr``
    # with a computed name (extract/dynamic.py ``computed_sets``). From CPython's tree.
    computed_sets: tuple[str, ...] = ()
    # ``(name, most positional arguments, keywords, unpacks)``: how the file calls each
    # name a from-import binds (extract/call_shapes.py). From CPython's tree.
    call_shapes: tuple[tuple[str, int, tuple[str, ...], bool], ...] = ()
    # The names module-level imports bind that an annotation spells, evaluated or not, in a
    # string or not (extract/annotation_names.py). From CPython's tree.
    annotation_names: tuple[str, ...] = ()
    # The class-like names the code reads by a literal off a module it imports by a
    # computed name (``getattr(module, "Exploit")``): a plugin protocol's names
    # (extract/name_loads.py ``names_read_off_loaded``). From CPython's tree.
    plugin_names: tuple[str, ...] = ()
    # String constants that spell a dotted path to a class (``"marsha.core.admin_site.
    # MarshaAdminSite"``: Django's ``default_site``, a setting's class path), which the
    # program imports by that name (extract/name_loads.py ``dotted_class_paths``).
    dotted_refs: tuple[str, ...] = ()
    # For each module-level ``if``/``elif`` chain that imports in two branches or more, the
    # lines of each branch's imports: the modules they import are alternatives, loaded
    # alone (extract/name_loads.py ``import_alternatives``). From CPython's tree.
    import_alternatives: tuple[tuple[tuple[int, ...], ...], ...] = ()
    # A call stands as a statement at the module's own level (``ppb.run(starting_scene=
    # Scene)``, ``main()``): importing the module does something. From CPython's tree.
    top_level_calls: bool = False
    # A statement at the module's own level calls a generator (``ErrorsGenerator.
    # generate_python_files()``): a package's ``__init__`` that does may write its own
    # submodules each time it is imported (extract/summarize.py ``_generates_at_import``).
    generates_at_import: bool = False
    # The code ``setattr``s computed names on module objects it looks up at run time
    # (extract/name_loads.py ``sets_names_on_loaded``), or declares a django-simple-history
    # field its subclasses inherit (``inherits_history``). From CPython's tree.
    sets_module_names: bool = False
    # ``(minor, line, column, message)``: for each Python ``3.minor`` below the running one
    # (from 3.7) whose grammar rejects the file, the first error it reports
    # (extract/older_syntax.py): SSOT000 compares them with the project's oldest Python.
    older_syntax: tuple[tuple[int, int, int, str], ...] = ()
    # ``(kind, entry)``: what a conftest tells pytest never to collect, ``"path"``
    # (``collect_ignore``) or ``"glob"`` (``collect_ignore_glob``), relative to its folder
    # (extract/collect_ignores.py). From CPython's tree.
    collect_ignored: tuple[tuple[str, str], ...] = ()

    @property
    def ok(self) -> bool:
        return self.problem is None
