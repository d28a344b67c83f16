"""The project model: every analysed file, its module, and what each module provides.

Pure domain code: no I/O, no parser. Built from (path, summary) pairs, so the same model
serves the working tree and a git revision. Name resolution is memoised per model.
"""

from __future__ import annotations

import fnmatch
import posixpath
import re
import sys
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain
from typing import TYPE_CHECKING, Callable, Hashable, Iterable, Iterator, Literal, Mapping, NamedTuple, Protocol, Sequence, TypeVar

from ssotlint.config import DEFAULT_TEST_PATTERNS, Config, dependency_name
from ssotlint.config_project import PYTEST_DEFAULT_FILES
from ssotlint.discover.roles import compiler_input_folders, in_template_folder, is_product
from ssotlint.discover.modules import importable, loader_name, module_name, opaque_module_name
from ssotlint.discover.files import UNKNOWN_TREE
from ssotlint.extract.ast_walk import LABELLED_CHOICES
from ssotlint.extract.builder import ENUM_BASES, last_part
from ssotlint.extract.summary import (
    CTX_CONDITIONAL,
    CTX_EXPECTED_FAILURE,
    CTX_FUNCTION,
    CTX_GUARDED,
    CTX_TYPE_CHECKING,
    ClassRecord,
    FileSummary,
    ImportRecord,
    NOT_AT_IMPORT_TIME,
)
from ssotlint.extract.version_imports import PYTHON2_ONLY
from ssotlint.model.python2 import implicit_relative, python2_evidence, runs_python2
from ssotlint.model.built_src import in_built_tree
from ssotlint.model.overlay import Candidates, in_loader_folder, loader_folders, named_absolutely

T = TypeVar("T")

class OldestPython(Protocol):
    """A file's path -> the oldest Python 3 it must compile on and where the project says
    so (``requires-python = '>=3.8'``), None when it says none; and whether the project
    declares a Python anywhere (its own, a nested project's, a folder's container): see
    ``pipeline.targets.FileTargets``."""

    declares_any: bool

    def __call__(self, path: str) -> "tuple[tuple[int, int], str] | None": ...


class _ConfiguredPython:
    """:class:`OldestPython` from the configuration alone: its declared target for every file."""

    def __init__(self, config: Config) -> None:
        declared = config.target_version
        self._oldest = (declared, config.target_source) if declared is not None and not config.target_evident else None
        self.declares_any = declared is not None

    def __call__(self, path: str) -> "tuple[tuple[int, int], str] | None":
        return self._oldest

if TYPE_CHECKING:
    import networkx as nx

    from ssotlint.model.django_setup import DjangoSetup
    from ssotlint.model.graph import EdgeImport, Edges
    from ssotlint.model.reach import Reachability


# A unit-test module named for the module it tests, beside it: ``ActionTests.py`` beside
# ``Action.py`` (SCons' runner collects ``*Tests.py``), ``parser_tests.py``.
_UNITTEST_NAME = re.compile(r"\w*[A-Za-z0-9](?:Tests|_tests)\.py")


def unittest_module(path: str, summary: FileSummary) -> bool:
    """A module named ``*Tests.py`` or ``*_tests.py`` (:data:`_UNITTEST_NAME`) that defines a
    ``unittest`` test case with tests of its own (a top-level class over a ``*TestCase`` base
    with ``test*`` methods or unittest's default ``runTest``): the unit tests of the module beside it, run by a project's own
    runner whose pattern is not the default (``test_*.py``, ``*_test.py``). Test code, by
    its name and its content together; what production imports of it is production again
    (:meth:`Project.reclassify_imported_tests`)."""
    if not _UNITTEST_NAME.fullmatch(path.rpartition("/")[2]):
        return False
    return any(
        c.top_level
        and (c.test_methods or "runTest" in c.members)
        and any(last_part(b).endswith("TestCase") for b in c.bases)
        for c in summary.classes
    )


def program_named_like_a_test(config: Config, path: str, summary: FileSummary) -> bool:
    """A program whose file name alone makes it look like a test module (the default
    ``test-patterns``' ``*_test.py``: checkbox's ``providers/base/bin/audio_test.py``, a
    hardware test a job runs as a command): outside the test tree, not a name the project's
    pytest configuration collects, run as a script (a ``__main__`` block or a Python
    shebang), and defining no test (no top-level ``test*`` function, no class with
    ``test*`` methods or named ``Test*``). It is production code, a program, whatever its
    name; a test module run as a script (``pytest.main()`` under ``__main__``) defines tests
    and stays one. A project's own ``test-patterns`` are taken at their word."""
    if config.test_patterns != DEFAULT_TEST_PATTERNS or not (summary.main_guard or summary.shebang):
        return False
    collection = config.test_collection
    if config.in_test_tree(path) or (collection.python_files != PYTEST_DEFAULT_FILES and collection.names_test_module(path)):
        return False
    if any(name.startswith("test") for name, _ in summary.binding_lines):
        return False
    return not any(c.test_methods or c.name.startswith("Test") for c in summary.classes)


class SourceFile:
    """One analysed file, with its module name and its imports made absolute.

    A plain class with slots: a model holds one per file (10,000 and more), and a frozen
    dataclass costs several times as much to create.
    """

    __slots__ = (
        "path", "module", "is_package", "is_test", "named_test", "summary", "package", "absolutes", "names_unknown", "_product", "_stars",
        "_heads", "_dotted", "_interface", "_runner", "_template", "_probes",
    )

    def __init__(self, path: str, module: str | None, is_package: bool, is_test: bool, summary: FileSummary) -> None:
        self.path = path  # POSIX, relative to the root
        self.module = module
        self.is_package = is_package
        self.is_test = is_test  # may be reclassified by the import graph
        self.named_test = is_test  # what the path alone says
        self.summary = summary
        # The package relative imports are resolved against.
        self.package: str | None = module if is_package or module is None else module.rpartition(".")[0]
        # The absolute module each import record names (None: a relative import with no
        # anchor, or climbing above the top-level package), in the order of summary.imports.
        self.absolutes: tuple[str | None, ...] = tuple(
            [r.module if not r.level else _absolute(self.package, r) for r in summary.imports]
        )
        # Its names are not all known: it writes them at run time (``FileSummary.
        # dynamic_names``), or puts another module into ``sys.modules`` under its own name
        # (qutip's ``qip.py``: ``sys.modules["qutip.qip"] = sys.modules["qutip_qip"]``).
        self.names_unknown = summary.dynamic_names or (module is not None and module in summary.planted_modules)
        self._product: bool | None = None
        self._stars: bool | None = None
        self._heads: frozenset[str] | None = None
        self._dotted: tuple[str, ...] | None = None
        self._interface: tuple | None = None
        self._runner: bool | None = None
        self._template: bool | None = None
        self._probes: tuple[frozenset[str], frozenset[str], frozenset[str]] | None = None

    def collected(self, config: Config) -> bool:
        """A test runner imports it by itself (``Config.is_collected_test``). Kept, as
        :attr:`product` is: a history's models share their configuration and their
        unchanged files."""
        if self._runner is None:
            self._runner = config.is_collected_test(self.path)
        return self._runner

    @property
    def product(self) -> bool:
        """Neither tooling nor a backup copy (:func:`is_product`; kept: a history's models
        share their unchanged files)."""
        if self._product is None:
            self._product = is_product(self.path)
        return self._product

    @property
    def in_template_folder(self) -> bool:
        """In a template folder (:func:`in_template_folder`; kept, as :attr:`product` is)."""
        if self._template is None:
            self._template = in_template_folder(self.path)
        return self._template

    @property
    def star_imports(self) -> bool:
        """The file has a ``from m import *``."""
        if self._stars is None:
            self._stars = any(r.is_from and r.names[0][0] == "*" for r in self.summary.imports)
        return self._stars

    @property
    def import_heads(self) -> frozenset[str]:
        """The top-level names its imports start with (``app`` for ``from app.x import y``)."""
        if self._heads is None:
            self._heads = frozenset(a.partition(".")[0] for a in self.absolutes if a)
        return self._heads

    @property
    def import_probes(self) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
        """The dotted names through which a change to a module can reach this file (see
        ``ssotlint.model.changes``; kept, as :attr:`product` is): every module its imports
        name and the packages those are in; the names its statements bind or import from
        (``import a.b`` binds ``a``, ``from a.b import c`` imports from ``a.b``); and the
        dotted references and their packages. A file none of whose probes is a touched
        module (the first, the third) or a package of one (the second) reads none."""
        if self._probes is None:
            named: set[str] = set()
            bound: set[str] = set()
            for rec, absolute in zip(self.summary.imports, self.absolutes):
                if absolute is None:
                    continue
                named.add(absolute)
                named.update(_parents(absolute))
                bound.add(absolute if rec.is_from or rec.asname else absolute.partition(".")[0])
            dotted = {p for d in self.dotted_references for p in (d, *_parents(d))}
            self._probes = (frozenset(named), frozenset(bound), frozenset(dotted))
        return self._probes

    @property
    def dotted_references(self) -> tuple[str, ...]:
        """Dotted names a class's bases are resolved from as written: dotted bases, and the
        values of module-level aliases (``Base = fw.cases.Base``). One whose head nothing
        binds is looked up by its path."""
        if self._dotted is None:
            s = self.summary
            self._dotted = tuple(
                d for d in (*(b for c in s.classes for b in c.bases), *(v for _, v in s.aliases)) if "." in d
            )
        return self._dotted

    @property
    def interface(self) -> tuple:
        """What resolving another file's imports can read of this one: the names it binds and
        how (its imports, its classes with their bases and kind, functions, assignments,
        aliases, ``__all__``, ``__getattr__``), and whether and how it fails to parse; not
        where things are, nor what is inside its classes and functions. Two contents with one interface
        look the same to every importer (``score --history`` checks their importers again
        only when it differs)."""
        if self._interface is None:
            s = self.summary
            self._interface = (
                s.problem.kind if s.problem is not None else None,
                tuple(r._replace(line=0, col=0) for r in s.imports),
                tuple(
                    (c.name, c.bases, c.metaclass, c.kind, c.top_level, c.context, c.fallback, c.interface_body)
                    for c in s.classes
                ),
                s.functions, s.assigned, s.aliases, s.all_names, s.has_getattr, s.getattr_names, s.dynamic_names, s.extends_path,
                s.path_folders, s.module_writers, s.definer_writers, s.getattr_installers, s.module_fillers, s.hook_installers, s.finder_names, s.handing_calls, s.own_name_calls, s.checking_flags, s.name_calls, s.attribute_writes, s.planted_modules, s.entered_writes,
                s.generates_at_import,
            )
        return self._interface

    def __repr__(self) -> str:
        return f"SourceFile({self.path!r}, module={self.module!r})"


def _under_any(modules: Iterable[str], folders: Mapping[str, tuple[str, ...]]) -> bool:
    """One of ``modules`` is, or lies in, a package some ``__path__`` takes in."""
    inside = tuple(f"{name}." for names in folders.values() for name in names)
    flat = {name for names in folders.values() for name in names}
    return any(m in flat or m.startswith(inside) for m in modules)


def _joined_folder(folder: str, relative: str) -> str | None:
    """``folder`` joined with ``relative`` (``..`` climbs), or None above the root."""
    parts = folder.split("/") if folder else []
    for part in relative.split("/"):
        if part == "..":
            if not parts:
                return None
            parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)


def _absolute(package: str | None, rec: ImportRecord) -> str | None:
    """The absolute module a relative import names, from the importer's package; None
    when it climbs above the top-level package: in package ``a.b`` (two parts) a level of
    three or more fails (``from ...x import y``), as importlib finds fewer parts than the
    level asks for, whether or not a module is named after the dots."""
    if package is None:
        return None
    parts = package.split(".") if package else []
    drop = rec.level - 1
    if drop > len(parts) or (drop == len(parts) and (parts or not rec.module)):
        return None
    base = parts[: len(parts) - drop]
    if not base and not rec.module:
        return None
    return ".".join(base + ([rec.module] if rec.module else []))


def _parents(dotted: str) -> Iterator[str]:
    """``a.b`` and ``a`` for ``a.b.c``."""
    while "." in dotted:
        dotted = dotted.rpartition(".")[0]
        yield dotted


def _steps_of(imported: Mapping | None) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """What importing a module runs next, read from its import edges (imported module ->
    statements): each module an import that runs at import time names, with its packages."""
    if not imported:
        return ()
    return tuple(
        (target, tuple(_parents(target))) for target, statements in imported.items() if any(s.runtime for s in statements)
    )


# Folders of a test tree that hold a test's inputs: a shebang there is part of the sample
# (lib2to3's ``tests/data/false_encoding.py``, read by the refactoring tool under test).
_INPUT_FOLDERS = frozenset({"data", "testdata", "test_data", "fixtures", "input", "inputs", "samples"})


def _input_folder(folder: str) -> str:
    """The folder of inputs ``folder`` lies in (``atest/testdata`` for
    ``atest/testdata/misc``: the deepest named for inputs), else ``folder`` itself."""
    parts = folder.split("/")
    for k in range(len(parts), 0, -1):
        if parts[k - 1] in _INPUT_FOLDERS:
            return "/".join(parts[:k])
    return folder


def is_script(f: SourceFile) -> bool:
    """A file meant to be run as a program: it has a ``__main__`` block, or a Python shebang
    outside a folder of test inputs."""
    if f.summary.main_guard:
        return True
    return f.summary.shebang and _INPUT_FOLDERS.isdisjoint(f.path.split("/")[:-1])


def imports_pytest(summary: FileSummary) -> bool:
    """The module imports ``pytest`` whenever it is imported: at its top, not in a function,
    under ``TYPE_CHECKING``, an ``if`` or a ``try``."""
    skip = NOT_AT_IMPORT_TIME | CTX_GUARDED | CTX_CONDITIONAL
    return any(
        rec.level == 0 and not rec.context & skip and rec.module.partition(".")[0] in ("pytest", "_pytest")
        for rec in summary.imports
    )


def holds_tests(summary: FileSummary) -> bool:
    """The module defines tests of its own: top-level ``test*`` functions or ``Test*``
    classes with test methods."""
    return any(name.startswith("test") for name in summary.functions) or any(
        c.top_level and c.name.startswith("Test") and c.test_methods for c in summary.classes
    )


def holds_pytest_tests(f: SourceFile) -> bool:
    """A test module by its content, whatever its name (:func:`imports_pytest` and
    :func:`holds_tests`): a runner given its path collects it (letta's
    ``tests/integration_test_batch_sdk.py``, which its CI names, outside pytest's
    ``test_*.py`` patterns); not in a folder of inputs (``data/``, ``fixtures/``)."""
    return (
        _INPUT_FOLDERS.isdisjoint(f.path.split("/")[:-1]) and holds_tests(f.summary) and imports_pytest(f.summary)
    )


def _holds_code(names: list[str], package: str, data: set[str]) -> bool:
    """Whether a module under ``package`` (``names``: every module, sorted) is not in ``data``."""
    prefix = package + "."
    at = bisect_left(names, prefix)
    while at < len(names) and names[at].startswith(prefix):
        if names[at] not in data:
            return True
        at += 1
    return False


# Every module has these, whatever its source says.
MODULE_ATTRIBUTES = frozenset(
    {"__doc__", "__file__", "__name__", "__spec__", "__loader__", "__package__", "__path__",
     "__builtins__", "__dict__", "__cached__"}
)


class ClassRef(NamedTuple):
    """A first-party class: where it is defined."""

    module: str
    record: ClassRecord

    @property
    def qualname(self) -> str:
        return f"{self.module}.{self.record.name}"


class Binding(NamedTuple):
    kind: Literal["class", "alias", "from", "import", "def"]
    target: str  # class name, alias target, "module:name", or module path
    typing_only: bool


# Bindings whose target nobody reads (resolution looks the class up by name): shared.
_DEF = Binding("def", "", False)
_CLASS = Binding("class", "", False)
_CLASS_TC = Binding("class", "", True)
_DECLARED = Binding("def", "", True)  # `name: T` with no value: for type checkers only


def _loaded_starts(f: "SourceFile") -> list[str]:
    """The literal starts of the module names ``f`` imports by a computed name
    (``FileSummary.loaded_by_name``), made absolute (a relative one against its package)."""
    found: list[str] = []
    for anchor, start in f.summary.loaded_by_name:
        if not anchor:
            found.append(start)
            continue
        base = f.package if anchor == "__package__" else (f.module if f.is_package else None)
        if base:
            found.append(f"{base}.{start}")
    return found


def _bind_classes(classes: Iterable[ClassRecord], runtime: set[str], typing: set[str]) -> None:
    """Class statements bind last, as in :meth:`Project.bindings`: a class defined only
    under ``if TYPE_CHECKING:`` exists for type checkers alone, unless the name is also
    bound at run time (``else: Hub = object``), which the class does not undo."""
    for c in classes:
        if not c.top_level:
            continue
        if c.context & CTX_TYPE_CHECKING:
            if c.name not in runtime:
                typing.add(c.name)
        else:
            runtime.add(c.name)
            typing.discard(c.name)


class Provided(NamedTuple):
    names: frozenset[str]
    typing_only: frozenset[str]  # bound only under TYPE_CHECKING
    open: bool  # may provide names we cannot see (``__getattr__``, unknown star import)


@dataclass
class Project:
    config: Config
    files: list[SourceFile]
    modules: dict[str, SourceFile] = field(init=False)
    packages: set[str] = field(init=False)
    top_level: set[str] = field(init=False)
    opaque_modules: set[str] = field(default_factory=set)  # exist, but are not analysed
    # Folders that hold files but no Python, as modules (``pkg.templates``): Python 3 imports
    # them as namespace packages. Only inside a first-party top-level package: a folder of
    # data at the top (``docs``, ``config``) makes no import first-party.
    folders: set[str] = field(default_factory=set)
    # Modules below which nothing is known (a git submodule not checked out): each exists,
    # and so does any module below it, with names ssotlint cannot see.
    opaque_trees: frozenset[str] = frozenset()
    # Whether findings carry advice: hints, fixes, the copy to keep, the import to move.
    # Where findings are does not depend on it; ``score --history`` only counts them.
    advice: bool = True

    def __post_init__(self) -> None:
        # Each file's oldest Python (SSOT000 judges its syntax for it too): the one the
        # configuration declares, unless ``build`` is told each file's.
        self.oldest_python: OldestPython = _ConfiguredPython(self.config)
        self.files.sort(key=lambda f: f.path)
        self.modules = {}
        for f in self.files:
            if f.module is None:
                continue
            existing = self.modules.get(f.module)
            # The interpreter prefers the package (a/b/__init__.py) over a/b.py.
            if existing is None or (f.is_package and not existing.is_package):
                self.modules[f.module] = f
        self.packages = {m for m, f in self.modules.items() if f.is_package}
        # Analysed modules with a stub or a compiled twin beside them (``m.pyi``, ``m.so``):
        # a type checker reads the stub, and the extension replaces the source at run time.
        self.twinned: frozenset[str] = frozenset(self.opaque_modules.intersection(self.modules))
        self.opaque_modules -= set(self.modules)
        packages = self.packages
        # Namespace packages are made of what an import statement can name: a folder that
        # holds only a file no import can spell (ubuntu-pro-client's `apport/` with the hook
        # `source_ubuntu-advantage-tools.py`, installed for the system's apport) makes no
        # package of that name, and `from apport.hookutils import x` stays the library's.
        named = [m for m in (*self.modules, *self.opaque_modules) if importable(m)]
        for name in named:  # namespace packages included
            parent = name.rpartition(".")[0]
            while parent and parent not in packages:
                packages.add(parent)
                parent = parent.rpartition(".")[0]
        self.top_level = {m.partition(".")[0] for m in (*named, *packages)}
        # A namespace folder named like a declared dependency (the root's, or a nested
        # project's: pulumi's ``docs/pyproject.toml`` requires sphinx, whose configuration
        # folder is ``docs/sphinx/``): the installed package wins.
        declared = self.config.required_anywhere
        self.top_level -= {
            top for top in self.top_level
            if top not in self.modules and top not in self.opaque_modules
            and dependency_name(top) in declared
        }
        # A package named like a standard-library module, under a source root other than the
        # repository's own (``src/html/``): such a root is on ``sys.path`` only as installed,
        # after the standard library, so ``import html`` finds the standard library's, never
        # this one (python-future installs its ``src/html/`` and ``src/builtins/`` only on
        # Python 2; a backport of ``dataclasses`` only where the standard library lacks it).
        # At the repository's root, a script run from there would import it: that stays.
        self.top_level -= {top for top in self.top_level if top in sys.stdlib_module_names and self._installed_apart(top)}
        # A folder without ``__init__.py`` named like a standard-library module, wherever it
        # lies (ansible-lint's root ``collections/`` holding ``ansible_collections/``): the
        # import system takes a namespace portion only when no ``sys.path`` entry holds a
        # module or regular package of that name, and the standard library's always does.
        self.top_level -= {
            top for top in self.top_level
            if top in sys.stdlib_module_names and top not in self.modules and top not in self.opaque_modules
        }
        # A module beside a folder of the same name wins (``pkg/data.py`` over ``pkg/data/``).
        packages.update(
            m for m in self.folders
            if m.partition(".")[0] in self.top_level and m not in self.modules and m not in self.opaque_modules
        )
        # So is a folder inside a first-party package that holds only files no import can
        # spell (pajbot's ``migration_revisions/redis/`` of ``0001_init.py`` revisions,
        # which its migrator lists through the package's ``__path__``): Python 3 imports it
        # as a namespace package, as it does a folder of data.
        for name in self.modules:
            folder = name.rpartition(".")[0]
            if (
                folder not in packages and not importable(name) and importable(folder)
                and folder.partition(".")[0] in self.top_level and folder not in self.modules
            ):
                while folder and folder not in packages:
                    packages.add(folder)
                    folder = folder.rpartition(".")[0]
        self._provided: dict[str, Provided] = {}
        self._defined: dict[str, frozenset[str]] = {}
        self._resolved: dict[tuple[str, str], ClassRef | str | None] = {}
        self._classes: dict[str, dict[str, ClassRecord]] = {}
        self._bindings: dict[str, dict[str, Binding]] = {}
        self._ancestors: dict[tuple[str, str, int], tuple[list[ClassRef], list[str]]] = {}
        self._roots: tuple[str, ...] | None = None  # the source roots, when built by :meth:`build`
        # Nested projects that are no roots because a package of theirs has another root's
        # package's name (see ``discover.modules.SettledRoots``), when built by :meth:`build`.
        self.apart: tuple[str, ...] = ()
        # The source roots of distributions (see ``SettledRoots.distributions``): installed
        # into one environment, their packages of one name may be one package.
        self.distributions: tuple[str, ...] = ()
        # Folders of a compiler's test inputs (see ``roles.compiler_input_folders``).
        self.compiler_inputs: frozenset[str] = frozenset()
        self.opaque_files: tuple[tuple[str, str], ...] = ()  # (path, module) of each opaque file
        # Patterns of module files a build step writes, from a folder's own ``.gitignore``
        # (``src/sonic-py-common/sonic_grpc/gnoi/*_pb2.py``), from the repository's top.
        self.written_patterns: tuple[str, ...] = ()
        # Each file's first-party imports (see :attr:`first_party_imports`), by path.
        self._import_parts: dict[str, list[tuple[SourceFile, ImportRecord, str | None]]] = {}
        # Importers whose edges the previous model already knows (see :meth:`_adopt`);
        # :func:`ssotlint.model.graph.import_edges` takes them as they are.
        self.earlier_edges: dict[str, dict[str, list]] = {}
        # The edges and reachability of the last model before it that had one (see :attr:`reachability`).
        self._earlier_reach: tuple[Mapping, "Reachability | None"] = ({}, None)
        # How many times each class or base name occurs (see :attr:`class_and_base_names`),
        # and the previous model's files, when it had them counted.
        self._name_counts: Counter[str] | None = None
        self._earlier_names: tuple[Counter[str] | None, dict[str, SourceFile]] = (None, {})
        # The sibling packages each importer makes depend on each other (see
        # :attr:`package_dependencies`): this model's, and the last model's that had them.
        self._side_parts: dict[str, frozenset[tuple[str, str]]] = {}
        self._earlier_sides: tuple[Mapping, dict[str, frozenset[tuple[str, str]]]] = ({}, {})
        # Each test file's imports that a tool's loader could serve (see :attr:`test_data`),
        # this model's and the previous model's.
        self._loader_candidates: "Candidates | None" = None
        self._earlier_loader: "Candidates | None" = None
        # How many absolute import statements name each module (see :attr:`absolutely_named`),
        # and the previous model's, with its files, when it had them counted.
        self._absolute_counts: Counter[str] | None = None
        self._earlier_absolute: tuple[Counter[str] | None, dict[str, SourceFile], set[str]] = (None, {}, set())
        # What importing a module runs at import time (see :meth:`import_time_closure`):
        # this model's, and the last model's that had any, with the edges they were read from.
        self._closures: dict[tuple[str, frozenset[str]], frozenset[str]] = {}
        # Each importer's run-time steps (see :meth:`_runtime_steps`), with the edges they
        # were read from; passed on from model to model (an entry serves while its importer's
        # edges are the same object).
        self._steps: dict[str, tuple[Mapping, tuple[tuple[str, tuple[str, ...]], ...]]] = {}
        self._shared: dict[Hashable, object] = {}  # see :meth:`shared`
        self._earlier_shared: dict[Hashable, object] = {}  # the last model's, see :meth:`earlier`
        # The last model's import edges reversed, with its edges (see :attr:`importers`).
        self._earlier_importers: tuple[Mapping, dict[str, frozenset[str]]] | None = None
        self._earlier_closures: tuple[Mapping, dict[tuple[str, frozenset[str]], frozenset[str]]] | None = None

    @classmethod
    def build(
        cls,
        config: Config,
        roots: list[str],
        entries: Iterable[tuple[str, FileSummary]],
        opaque_paths: Iterable[str] = (),
        previous: "Project | None" = None,
        advice: bool = True,
        oldest_python: "OldestPython | None" = None,
    ) -> "Project":
        """The model of the files ``entries`` lists (path, summary).

        ``oldest_python``: each file's oldest Python (see :attr:`oldest_python`; default: the
        configuration's declared target for every file).

        ``previous``: the model of a similar tree (the parent commit's, in a history),
        built with the same configuration and roots. What depends only on files both trees
        share (the files themselves, their first-party imports, their import edges, their
        local names) is taken from it instead of computed again, so a model costs what
        changed; the model is the same as without it. ``previous`` is consumed: its file
        objects move to the new model, and it must not be used afterwards.
        """
        key = tuple(roots)
        earlier: dict[str, SourceFile] = {}
        if previous is not None and previous.config is config and previous._roots == key:
            earlier = {f.path: f for f in previous.files}
        files = []
        for path, summary in implicit_relative(config, roots, list(entries)):
            old = earlier.get(path)
            if old is not None and (old.summary is summary or old.summary == summary):
                old.is_test = old.named_test  # the import graph judges it again
                files.append(old)
                continue
            module, is_package = module_name(path, roots)
            if module is None:  # `0001_initial.py`: importlib loads it, statements cannot
                module = loader_name(path, roots)
                is_package = module is not None and path.endswith("/__init__.py")
                if is_package and not any(rec.level for rec in summary.imports):
                    module = None  # brings nothing from its modules: no package to name (see loader_name)
                    is_package = False
            is_test = config.is_test_file(path) or unittest_module(path, summary)
            if is_test and program_named_like_a_test(config, path, summary):
                is_test = False
            files.append(SourceFile(path, module, is_package, is_test, summary))
        opaque: set[str] = set()
        folders: set[str] = set()
        trees: set[str] = set()
        opaque_paths = list(opaque_paths)
        # A folder's ``.gitignore`` pattern for the modules a build step writes there (see
        # Discovery.opaque): not a file, a pattern the files it stands for match.
        written = tuple(
            p for p in opaque_paths if not p.endswith(UNKNOWN_TREE) and any(c in p.rpartition("/")[2] for c in "*?[")
        )
        opaque_paths = [p for p in opaque_paths if p not in written]
        for p in opaque_paths:
            if p.endswith(UNKNOWN_TREE):  # a submodule not checked out (see Discovery.opaque)
                name = module_name(p[: -len(UNKNOWN_TREE)] + "/__init__.py", roots)[0]
                if name:
                    trees.add(name)
                    opaque.add(name)
            elif p.endswith("/"):  # a folder without Python (see Discovery.opaque)
                name = module_name(p + "__init__.py", roots)[0]
                if name:
                    folders.add(name)
            else:
                name = opaque_module_name(p, roots)
                if name:
                    opaque.add(name)
        project = cls(config, files, opaque, folders, frozenset(trees), advice)
        project._roots = key
        project.apart = tuple(getattr(roots, "apart", ()))
        project.distributions = tuple(getattr(roots, "distributions", ()))
        if oldest_python is not None:
            project.oldest_python = oldest_python
        project.compiler_inputs = compiler_input_folders([*(f.path for f in files), *opaque_paths])
        # Each compiled module, stub or build output by path, with its name from its own
        # root: the roots that hold a package of one name each have their own (see SSOT003's
        # ``_Namesakes``).
        project.opaque_files = tuple(
            (p, name) for p in opaque_paths if not p.endswith(("/", UNKNOWN_TREE))
            and (name := opaque_module_name(p, roots)) is not None
        )
        project.written_patterns = written
        project.top_level -= project._apart_tops(roots)
        if earlier:
            project._adopt(previous, earlier)  # type: ignore[arg-type]
        project.mark_named_data()
        project.reclassify_imported_tests()
        return project

    def _adopt(self, previous: "Project", earlier: dict[str, SourceFile]) -> None:
        """Take over from ``previous`` what this model would compute identically. For each
        module whose file object both models share (``earlier``: the previous files by
        path): the names it binds (its own statements only); its first-party imports,
        unless a top-level package they name appeared or left; its import edges, unless
        a module they name (or a submodule of it) appeared or left."""
        theirs = previous.modules
        same = [(m, f) for m, f in self.modules.items() if theirs.get(m) is f]
        names = {m for m, _ in same}
        for memo, known in (
            (self._bindings, previous._bindings),
            (self._defined, previous._defined),
            (self._classes, previous._classes),
        ):
            if memo:  # (not expected: nothing is asked of a model before it adopts)
                memo.update([(m, known[m]) for m in known.keys() & names])
                continue
            memo.update(known)  # a copy, then the few modules that differ taken out
            for m in known.keys() - names:
                del memo[m]
        # What a module without star imports provides is its own statements' business,
        # unless it hands its own name to another module's function (``self_replacing``).
        known_provided = previous._provided
        # ... or a decorator that fills its module, when which functions do changed.
        writers = self.definer_writer_names | previous.definer_writer_names
        same_writers = self.definer_writer_names == previous.definer_writer_names
        # ... or a call that hands it to a function filling its argument, when that changed.
        refilled = self.argument_filled ^ previous.argument_filled
        self._provided.update(
            [
                (m, known_provided[m]) for m, f in same
                if m in known_provided and not f.star_imports and not f.summary.name_calls
                and (same_writers or not any(_decorated_by(f.summary, writers)))
                and m not in refilled
            ]
        )
        # Which imports are first-party: those naming a first-party top-level package.
        tops = self.top_level ^ previous.top_level
        parts = previous._import_parts
        for f in self.files:
            if earlier.get(f.path) is f:
                part = parts.get(f.path)
                if part is not None and (not tops or tops.isdisjoint(f.import_heads)):
                    self._import_parts[f.path] = part
        changed = self.modules.keys() ^ previous.modules.keys()
        if not changed:
            self.__dict__["submodules"] = previous.submodules
        # An edge depends on whether the module an import names (or its submodule) exists,
        # analysed or not (``from . import _stats``, a compiled extension).
        changed |= self.opaque_modules ^ previous.opaque_modules
        touched = changed | {name.rpartition(".")[0] for name in changed}
        # ... and on what a package binds itself (``graph.binds_itself``): a from-import
        # of a package whose ``__init__`` changed is answered again.
        touched |= {m for m, f in self.modules.items() if f.is_package and theirs.get(m) is not f}
        if self.opaque_trees != previous.opaque_trees:
            same = []
        # Through a folder a package adds to ``__path__``, an import names a module by
        # another name: when those folders, or the modules in them, differ, every edge may.
        folders = self.path_folders
        if folders != previous.path_folders or (folders and _under_any(touched, folders)):
            same = []
        edges = previous.import_edges
        # The last reachability computed (this model's predecessors' edges move on with it)
        # serves while the runtime import structure is the same, or is updated from it.
        known = previous.__dict__.get("reachability")
        self._earlier_reach = (edges, known) if known is not None else previous._earlier_reach
        if previous._name_counts is not None:
            self._earlier_names = (previous._name_counts, earlier)
        if previous._absolute_counts is not None:
            self._earlier_absolute = (previous._absolute_counts, earlier, previous.top_level)
        self._earlier_sides = (edges, previous._side_parts) if previous._side_parts else previous._earlier_sides
        self._earlier_loader = previous._loader_candidates or previous._earlier_loader
        self._earlier_closures = (edges, previous._closures) if previous._closures else previous._earlier_closures
        self._steps = previous._steps
        self._earlier_shared = previous._shared
        known_importers = previous.__dict__.get("importers")
        self._earlier_importers = (edges, known_importers) if known_importers is not None else previous._earlier_importers
        for m, f in same:
            # An import under an imported flag is an edge as the flag's module says.
            if f.path in self._import_parts and touched.isdisjoint(f.absolutes) and not f.summary.flag_imports:
                self.earlier_edges[m] = edges.get(m, {})

    def named_data_folders(self) -> list[str]:
        """Folders outside the test tree that test code reads as its inputs: a test spells
        the folder's path as literal pieces (``os.path.join(os.getcwd(), "examples",
        name)`` for a code checker's samples at the root, ``join(ROOT, "atest",
        "testdata", "misc")``; see ``FileSummary.named_folders``), taken from the test's
        folder or any folder above it; when the path runs through a folder named for
        inputs (``testdata/``, ``fixtures/``: ``_INPUT_FOLDERS``), that whole folder.
        Only a folder that holds a Python file other than a script (a ``__main__`` block or
        a shebang: ``doc/schema/`` holds the programs that write the schemas a test reads),
        holds none of the tests naming it, is no source root nor in or above one other
        than the repository's (``src/``), and whose modules nothing outside it imports:
        code is imported, inputs are read."""
        tests = [f for f in self.files if f.named_test and f.summary.named_folders]
        if not tests:
            return []
        folders: set[str] = set()  # every folder holding a file
        for f in self.files:
            folder = f.path.rpartition("/")[0]
            while folder and folder not in folders:
                folders.add(folder)
                folder = folder.rpartition("/")[0]
        named: dict[str, set[str]] = defaultdict(set)  # folder -> the tests naming it
        for f in tests:
            above = f.path.split("/")[:-1]
            bases = ["/".join(above[:k]) for k in range(len(above) + 1)]
            for spelled in f.summary.named_folders:
                for base in bases:
                    folder = f"{base}/{spelled}" if base else spelled
                    if folder in folders:
                        named[_input_folder(folder)].add(f.path)
        found = []
        roots = self.source_roots
        importers = self.importers
        files_below: dict[str, list[SourceFile]] = {folder: [] for folder in named}
        for f in self.files:
            folder = f.path.rpartition("/")[0]
            while folder:
                if folder in files_below:
                    files_below[folder].append(f)
                folder = folder.rpartition("/")[0]
        for folder, namers in sorted(named.items()):
            below = files_below[folder]
            if all(is_script(g) for g in below) or any(path.startswith(folder + "/") for path in namers):
                continue  # programs (a folder of tools beside the schemas a test reads), or the test's own folder
            if any(root and (folder == root or (folder + "/").startswith(root + "/") or root.startswith(folder + "/")) for root in roots):
                continue  # a source root, or in or above one (`src/`): the product's code
            if in_built_tree(self, folder):
                continue  # imported by the names a build gives it (panda3d's `direct/src/`)
            inside = {g.module for g in below if g.module is not None}
            if not all(importer in inside for module in inside for importer in importers.get(module, ())):
                continue  # code imports it: code
            if _INPUT_FOLDERS.isdisjoint(folder.split("/")) and self._built_on_product(below, inside):
                continue  # applications built on the product (agentUniverse's `examples/` apps)
            found.append(folder)
        return found

    def _built_on_product(self, below: list[SourceFile], inside: set[str | None]) -> bool:
        """Whether the modules of a folder not named for inputs are built on the project's
        own code: one in ten of those that are no scripts, and one at least, imports a
        first-party module outside the folder that is no test code. A checker's samples
        and a loader's inputs stand alone; example applications a test reads a
        configuration file of (agentUniverse's `examples/` tree, about 960 modules) import
        the product, and run where a user runs them."""
        edges = self.import_edges
        modules = self.modules
        candidates = [g for g in below if g.module is not None and not is_script(g)]
        built = 0
        for g in candidates:
            for target in edges.get(g.module, ()):  # type: ignore[arg-type]
                reached = modules.get(target)
                if target not in inside and reached is not None and not reached.is_test:
                    built += 1
                    break
        return built > 0 and built * 10 >= len(candidates)

    def mark_named_data(self) -> None:
        """The files of :meth:`named_data_folders` are test files: inputs of the tests,
        not the product (what production imports of them is made production again by
        :meth:`reclassify_imported_tests`)."""
        folders = tuple(folder + "/" for folder in self.named_data_folders())
        if folders:
            for f in self.files:
                if f.path.startswith(folders):
                    f.is_test = True

    def reclassify_imported_tests(self) -> list[SourceFile]:
        """A module whose path looks like test code but which production code imports is
        production (``app/testing.py`` imported by a view): the import graph knows better
        than the name. Transitive: what such a module imports is production too. Imports
        under ``if TYPE_CHECKING:`` do not count (production never runs them).
        Only the product counts as an importer: developer tooling, backup copies and loose
        scripts at the top of the repository (a module in no package, ``verify_fix.py``)
        import test helpers without making them production.
        Returns the files reclassified."""
        edges = self.import_edges
        changed: list[SourceFile] = []
        stack = [
            f.module for f in self.files
            if not f.is_test and f.module is not None and (f.package or f.is_package) and f.product
        ]
        seen = set(stack)
        while stack:
            for target, statements in edges.get(stack.pop(), {}).items():
                f = self.modules.get(target)
                if f is None or target in seen or all(s.type_checking for s in statements):
                    continue
                seen.add(target)
                if f.is_test:
                    f.is_test = False
                    changed.append(f)
                    stack.append(target)
        return changed

    # -- modules ----------------------------------------------------------------------
    @property
    def source_roots(self) -> tuple[str, ...]:
        """The source roots the model was built with, deepest first (empty when built
        directly, not by :meth:`build`)."""
        return self._roots or ()

    def source_root_of(self, path: str) -> str:
        """The deepest source root holding ``path`` ("" for the repository's top)."""
        return next((root for root in self.source_roots if not root or path.startswith(root + "/")), "")

    def _apart_tops(self, roots: list[str]) -> set[str]:
        """Top-level names that only a project apart's own folder gives (toga's ``android/``,
        which builds the ``toga-android`` distribution from ``android/src/``, beside
        ``cocoa/`` and others with the same ``tests_backend`` package): that folder is no
        namespace package of the repository, and ``from android.widget import X`` is
        another package's (Chaquopy's Java classes), not a broken first-party import."""
        found = set()
        for folder in self.apart:
            top = module_name(folder + "/__init__.py", roots)[0]
            if top and "." not in top and top not in self.modules and top not in self.opaque_modules:
                found.add(top)
        return found

    def apart_place(self, path: str) -> tuple[str, str] | None:
        """The nested project apart (see :attr:`apart`) whose environment runs ``path``, and
        the module the file is there (``oss.src.models`` for ``api/oss/src/models.py`` when
        ``api/`` builds its own distribution beside ``services/`` with its own ``oss``
        package; "" for a file no import can name, such as a migration): None when the file
        lies in no such project, or under a deeper source root that names it."""
        for folder in self.apart:
            if not path.startswith(folder + "/"):
                continue
            kept = next((r for r in self.source_roots if not r or path.startswith(r + "/")), "")
            if kept and not folder.startswith(kept + "/"):
                return None  # a root inside the project names the file
            return folder, module_name(path, [folder])[0] or ""  # "": no importable name (a migration)
        return None

    def _installed_apart(self, top: str) -> bool:
        """The files of top-level module ``top`` lie under a source root that is not the
        repository's root (``src/html/__init__.py`` for ``html``)."""
        f = self.modules.get(top) or next((g for m, g in self.modules.items() if m.startswith(top + ".")), None)
        if f is None or f.module is None:
            return False
        return not f.path.startswith((top + "/", top + "."))

    def is_first_party(self, dotted: str) -> bool:
        return dotted.partition(".")[0] in self.top_level

    def module_exists(self, dotted: str) -> bool:
        """Whether ``dotted`` can be imported: a module or package of the tree (analysed or
        not), or one reached through a folder its package adds to ``__path__``."""
        if self._exists_here(dotted):
            return True
        if not self.path_folders:
            return False
        through = self.through_path(dotted)
        return through is not None and self._exists_here(through)

    def _exists_here(self, dotted: str) -> bool:
        """``dotted`` is a module or package the tree holds under that very name."""
        if dotted.endswith(".__init__"):  # `import pkg.__init__` loads the file once more
            package = self.modules.get(dotted[: -len(".__init__")])
            return package is not None and package.is_package
        return dotted in self.modules or dotted in self.packages or dotted in self.opaque_modules or self.in_opaque_tree(dotted)

    @cached_property
    def path_folders(self) -> dict[str, tuple[str, ...]]:
        """For each package whose ``__init__`` adds folders of the tree to its own
        ``__path__`` (``FileSummary.path_folders``): the model's names of those folders'
        packages (``{"keras": ("keras.api",)}`` for ``__path__.append(os.path.join(
        os.path.dirname(__file__), "api"))`` in ``keras/__init__.py``). A module in such a
        folder is a submodule of the package too: ``keras.activations`` is the file the model
        names ``keras.api.activations`` (:meth:`through_path`)."""
        adding = [
            f for f in self.files
            if f.summary.path_folders and f.is_package and f.module is not None and self.modules.get(f.module) is f
        ]
        if not adding:
            return {}
        named: dict[str, str] = {}  # folder -> the model's name of the package it is
        for f in self.files:
            if f.module is None:
                continue
            folder = f.path.rpartition("/")[0]
            name = f.module if f.is_package else f.module.rpartition(".")[0]
            if name:
                named.setdefault(folder, name)
        found: dict[str, tuple[str, ...]] = {}
        for f in adding:
            here = f.path.rpartition("/")[0]
            names = []
            for relative in f.summary.path_folders:
                folder = _joined_folder(here, relative)
                name = named.get(folder) if folder is not None else None
                if name is not None and name != f.module:
                    names.append(name)
            if names:
                found[f.module] = tuple(dict.fromkeys(names))  # type: ignore[index]
        return found

    def through_path(self, dotted: str) -> str | None:
        """The model's name of the module ``dotted`` imports through a folder a package
        above it adds to its ``__path__`` (``keras.api.activations.relu`` for
        ``keras.activations.relu``), when the tree has no module of that very name and the
        folder has the first part below the package (``activations``: the rest may be
        missing there); None otherwise."""
        folders = self.path_folders
        if not folders or self._exists_here(dotted):
            return None
        parts = dotted.split(".")
        for i in range(len(parts) - 1, 0, -1):
            for folder in folders.get(".".join(parts[:i]), ()):
                candidate = ".".join((folder, *parts[i:]))
                if self._exists_here(".".join((folder, parts[i]))):
                    return candidate
        return None

    def in_opaque_tree(self, dotted: str) -> bool:
        """``dotted`` is, or lies below, a module nothing is known of (``opaque_trees``),
        and not below a module the tree holds as a file (a plain module has no submodules,
        wherever it lies)."""
        if not self.opaque_trees or not any(dotted == t or dotted.startswith(t + ".") for t in self.opaque_trees):
            return False
        parts = dotted.split(".")
        for i in range(1, len(parts)):
            f = self.modules.get(".".join(parts[:i]))
            if f is not None and not f.is_package:
                return False
        return True

    def absolute(self, importer: SourceFile, rec: ImportRecord) -> str | None:
        """The absolute module a record of ``importer`` names; None when a relative import
        has no anchor or climbs above the top-level package."""
        return rec.module if not rec.level else _absolute(importer.package, rec)

    def relative_overflow(self, importer: SourceFile, rec: ImportRecord) -> bool:
        """A relative import that climbs above the top-level package (fails at runtime)."""
        if rec.level == 0 or importer.module is None:
            return False
        package = importer.package or ""
        depth = len(package.split(".")) if package else 0
        return rec.level - 1 >= depth if depth else True

    # -- names a module provides --------------------------------------------------------
    def bindings(self, module: str) -> dict[str, Binding]:
        """Module-level names and what they are bound to (later bindings win)."""
        cached = self._bindings.get(module)
        if cached is not None:
            return cached
        f = self.modules.get(module)
        result: dict[str, Binding] = {}
        if f is not None:
            s = f.summary
            result = dict.fromkeys(s.declared_only, _DECLARED)
            result.update(dict.fromkeys(s.assigned, _DEF))
            result.update(dict.fromkeys(s.functions, _DEF))
            for name, target in s.aliases:
                result[name] = Binding("alias", target, False)
            for rec, absolute in zip(s.imports, f.absolutes):
                if rec.context & CTX_FUNCTION or absolute is None:
                    continue
                typing_only = bool(rec.context & CTX_TYPE_CHECKING)
                if rec.is_from:
                    for name, asname in rec.names:
                        # `from m import x` inside m itself binds nothing new, but an alias
                        # does: `from . import mapper as mapperlib` in a package's __init__.
                        if name == "*" or (absolute == module and asname in (None, name)):
                            continue
                        local = asname or name
                        if typing_only and local in result and not result[local].typing_only:
                            continue
                        result[local] = Binding("from", f"{absolute}:{name}", typing_only)
                else:
                    local = rec.asname or absolute.partition(".")[0]
                    target = absolute if rec.asname else local
                    if typing_only and local in result and not result[local].typing_only:
                        continue
                    result[local] = Binding("import", target, typing_only)
            for c in s.classes:
                if not c.top_level:
                    continue
                if not c.context & CTX_TYPE_CHECKING:
                    result[c.name] = _CLASS
                elif c.name not in result or result[c.name].typing_only:  # never hides a run-time name
                    result[c.name] = _CLASS_TC
        self._bindings[module] = result
        return result

    def provided(self, module: str, _seen: frozenset[str] = frozenset()) -> Provided:
        """Every name ``from module import name`` can find, star re-exports included."""
        cached = self._provided.get(module)
        if cached is not None:
            return cached
        f = self.modules.get(module)
        if f is None:  # a stub/extension we cannot see into, or a namespace package
            return Provided(frozenset(), frozenset(), module in self.opaque_modules or self.in_opaque_tree(module))
        if not f.summary.ok:
            return Provided(frozenset(), frozenset(), True)
        names, typing_only = self._local_names(f)
        names |= MODULE_ATTRIBUTES
        served = self.lazily_served(module)
        if served is not None:
            names |= served | typing_only
        is_open = (
            f.summary.has_getattr or "__getattr__" in f.summary.assigned or f.names_unknown
            or self.opened_by_call(module) or self.filled_by_decorator(module) or module in self.argument_filled
        )
        for rec, source in zip(f.summary.imports, f.absolutes):
            if rec.context & CTX_FUNCTION or not rec.is_from or rec.names[0][0] != "*":
                continue
            if source is None or not self.is_first_party(source) or source not in self.modules:
                is_open = True  # unknown star import: anything may come through
                continue
            if source in _seen or source == module:
                continue
            exported = self.exports(source, _seen | {module})
            target = typing_only if rec.context & CTX_TYPE_CHECKING else names
            target.update(exported.names)
            typing_only.update(exported.typing_only)
            is_open = is_open or exported.open
        result = Provided(frozenset(names), frozenset(typing_only - names), is_open)
        if not _seen:
            self._provided[module] = result
        return result

    @cached_property
    def definer_writer_names(self) -> frozenset[str]:
        """The names of the project's functions and methods that set computed names on the
        module an object they are given was defined in (``FileSummary.definer_writers``)."""
        return frozenset(name for f in self.files for name in f.summary.definer_writers)

    def filled_by_decorator(self, module: str) -> bool:
        """Whether one of the module's module-level classes or functions is decorated by a
        project function that sets computed names on the decorated object's module
        (matplotlib's ``@_BackendQT.export`` on ``class _BackendQTAgg``, inherited from
        ``_Backend.export``, which sets ``FigureCanvas`` and ``new_figure_manager`` on
        ``backend_qtagg``): the module serves names no statement of it binds, as a module
        with a ``__getattr__`` does. The decorator is matched by its last name (the
        method's), as the class it is reached through may inherit it."""
        return module in self.decorator_filled

    @cached_property
    def argument_filled(self) -> frozenset[str]:
        """First-party modules a call hands to a function that sets computed names on its
        argument (``FileSummary.argument_fills``: ganga's ``GangaCore.GPI``, filled by
        ``exportToGPI``): they serve names no statement of theirs binds, so they are open
        (a history checks every file's imports again when this changes)."""
        return frozenset(
            dotted for f in self.files for dotted in f.summary.argument_fills if dotted in self.modules
        )

    @cached_property
    def decorator_filled(self) -> frozenset[str]:
        """The modules :meth:`filled_by_decorator` answers for (a history checks every
        file's imports again when they change)."""
        writers = self.definer_writer_names
        if not writers:
            return frozenset()
        return frozenset(m for m, f in self.modules.items() if any(_decorated_by(f.summary, writers)))

    def lazily_served(self, module: str) -> frozenset[str] | None:
        """The names a module that replaces itself by a lazy module declares it serves, or
        None when it does not replace itself that way.

        It replaces itself when a module-level statement passes its own ``__name__`` to a
        first-party function that puts modules into ``sys.modules`` (celery's ``__init__``
        calls ``local.recreate_module(__name__, by_module={...})``). The new module's names
        are known only at run time; those the module declares are taken as served: its
        ``__all__``, the names it binds only under ``if TYPE_CHECKING:`` (the mirror kept for
        type checkers), and the identifiers the call spells as strings. Any other name stays
        missing: the module is not open."""
        f = self.modules.get(module)
        if f is None or not f.summary.name_calls:
            return None
        served: set[str] | None = None
        for callee, spelled in f.summary.name_calls:
            if self._writes_modules(self._function_of(module, callee)):
                served = (served or set()) | set(spelled)
        if served is None:
            return None
        served.update(f.summary.all_names or ())
        return frozenset(served)

    def opened_by_call(self, module: str) -> bool:
        """Whether a module-level statement of the module passes its own ``__name__`` to a
        first-party function that installs a ``__getattr__`` on it (yt-dlp's
        ``passthrough_module(__name__, '.extractors')``) or sets names computed at run time
        on it (``FileSummary.module_fillers``: synnefo's ``extend_settings(__name__,
        'synnefo')``), or a statement that is only a call of a library's function handing it
        the module's name (``FileSummary.handing_calls``: tvm's ``tvm_ffi.init_ffi_api(
        "testing", __name__)`` registers what a C++ library exports): the module then serves
        names no statement binds, as with a ``def __getattr__`` of its own (it is open)."""
        f = self.modules.get(module)
        if f is not None and f.summary.getattr_decorated:
            return True  # a decorator of its own installs it (``@module_property``)
        if f is None or not f.summary.name_calls:
            return False
        for callee in f.summary.handing_calls:
            path = self.bound_path(module, callee)
            if path is not None and not self.is_first_party(path.partition(".")[0]):
                return True  # a library's function, called for what it does to the module
        return any(
            self._writes_modules(self._function_of(module, callee), fact=fact)
            for callee, _ in f.summary.name_calls
            for fact in ("getattr_installers", "module_fillers")
        )

    def _writes_modules(self, found: tuple[str, str] | None, depth: int = 0, fact: str = "module_writers") -> bool:
        """``found`` (module, function) is a function that writes ``sys.modules`` (or the
        functions of another summary ``fact``: ``getattr_installers``), defined there or
        imported from where it is (a re-export, followed a few steps)."""
        if found is None or depth > 5:
            return False
        source, function = found
        if function in getattr(self.modules[source].summary, fact):
            return True
        binding = self.bindings(source).get(function)
        if binding is None or binding.kind not in ("from", "import"):
            return False
        return self._writes_modules(self._function_of(source, function), depth + 1, fact)

    def _function_of(self, module: str, dotted: str) -> tuple[str, str] | None:
        """The analysed module and the name of the function that ``dotted`` names inside
        ``module`` (``local.recreate_module`` after ``from . import local``), if known."""
        head, _, rest = dotted.partition(".")
        binding = self.bindings(module).get(head)
        if not rest and (binding is None or binding.kind in ("def", "class")):
            return module, head
        path = self.bound_path(module, dotted)
        if path is None:
            return None
        owner, _, function = path.rpartition(".")
        return (owner, function) if owner in self.modules else None

    def bound_path(self, module: str, dotted: str) -> str | None:
        """The dotted path ``dotted``, written in ``module``, names through the run-time
        import that binds its head (``pkg.base.X`` for ``base.X`` after ``from . import
        base`` in package ``pkg``, ``pkg.sub.base`` for ``sub.base`` after ``import pkg.sub as
        sub``); None when no such import binds it."""
        head, _, rest = dotted.partition(".")
        binding = self.bindings(module).get(head)
        if binding is None and f"{module}.{head}" in self.modules and module in self.packages:
            path = f"{module}.{head}"  # `from . import base` in the package binds its submodule
        elif binding is None or binding.typing_only:
            return None
        elif binding.kind == "from":
            source, _, name = binding.target.partition(":")
            path = f"{source}.{name}"
        elif binding.kind == "import":
            path = binding.target
        else:
            return None
        return f"{path}.{rest}" if rest else path

    def defined_names(self, module: str) -> frozenset[str]:
        """Names the module's own statements bind at run time (classes, functions,
        assignments): a subset of :meth:`provided` that costs a fraction of it, enough to
        settle nearly every from-import."""
        cached = self._defined.get(module)
        if cached is not None:
            return cached
        f = self.modules.get(module)
        if f is None:
            result = frozenset()
        else:
            s = f.summary
            names = {*s.assigned, *s.functions, *[a for a, _ in s.aliases]}
            _bind_classes(s.classes, names, set())
            result = frozenset(names)
        self._defined[module] = result
        return result

    @staticmethod
    def _local_names(f: SourceFile) -> tuple[set[str], set[str]]:
        """Names bound at module level: at run time, and only under ``TYPE_CHECKING``.

        The same facts as :meth:`bindings`, as two sets: checking every from-import of a
        large repository needs only these, for nearly every module.
        """
        s = f.summary
        runtime = set(s.assigned)
        runtime.update(s.functions)
        runtime.update([name for name, _ in s.aliases])
        runtime.update(s.getattr_names or ())  # served by a closed __getattr__
        typing: set[str] = set()
        module = f.module
        for rec, absolute in zip(s.imports, f.absolutes):
            context = rec.context
            if context & CTX_FUNCTION or absolute is None:
                continue
            target = typing if context & CTX_TYPE_CHECKING else runtime
            if rec.is_from:
                if absolute != module:
                    target.update([asname or name for name, asname in rec.names])
                else:  # inside m itself only an alias binds a new name (`from . import x as y`)
                    target.update([asname for name, asname in rec.names if asname and asname != name])
            else:
                target.add(rec.asname or absolute.partition(".")[0])
        _bind_classes(s.classes, runtime, typing)
        typing.update(s.declared_only)
        runtime.discard("*")
        typing.discard("*")
        return runtime, typing - runtime

    def exports(self, module: str, _seen: frozenset[str] = frozenset()) -> Provided:
        """What ``from module import *`` brings: ``__all__``, else the public names, and the
        public submodules the package's own import-time statements load (see
        :meth:`loaded_submodules`); and, for type checkers alone, the public names the
        module binds only under ``if TYPE_CHECKING:`` (they run it: modelscope's
        ``hf_util/auto_class.py`` imports ``AutoConfig`` from transformers so, and
        ``hf_util/__init__.py``'s ``from .auto_class import *`` passes it on to a
        ``TYPE_CHECKING`` import of ``modelscope.utils.hf_util``)."""
        f = self.modules.get(module)
        provided = self.provided(module, _seen)
        if f is not None and f.summary.all_names is not None:
            return Provided(frozenset(f.summary.all_names), frozenset(), provided.open)
        public = frozenset(n for n in provided.names | self.loaded_submodules(module) if not n.startswith("_"))
        typing_only = frozenset(n for n in provided.typing_only if not n.startswith("_"))
        return Provided(public, typing_only, provided.open)

    def loaded_submodules(self, module: str) -> frozenset[str]:
        """The submodules of package ``module`` that its own module-level statements import
        when it runs, outside ``TYPE_CHECKING`` (``from pkg.jax import random`` or ``from .
        import random``, ``from .random import seed``, ``import pkg.jax.random`` in
        ``pkg/jax/__init__.py``): the import system sets each one on the package as an
        attribute, so a star import of the package without ``__all__`` brings it (keras'
        ``from keras.src.backend.jax import *`` binds ``random`` in ``keras.src.backend``).
        Not part of :meth:`provided`: ``from pkg import sub`` finds a submodule anyway."""
        f = self.modules.get(module)
        if f is None or not f.is_package:
            return frozenset()
        found: set[str] = set()
        prefix = module + "."
        for rec, absolute in zip(f.summary.imports, f.absolutes):
            if absolute is None or rec.context & (CTX_FUNCTION | CTX_TYPE_CHECKING):
                continue
            if absolute == module and rec.is_from:
                found.update(name for name, _ in rec.names if name != "*" and self.module_exists(prefix + name))
            elif absolute.startswith(prefix):
                child = absolute[len(prefix):].partition(".")[0]
                if self.module_exists(prefix + child):
                    found.add(child)
        return frozenset(found)

    def nearest_module(self, dotted: str) -> SourceFile | None:
        """The analysed module that is the longest prefix of ``dotted``."""
        parts = dotted.split(".")
        for i in range(len(parts), 0, -1):
            found = self.modules.get(".".join(parts[:i]))
            if found is not None:
                return found
        return None

    def has_submodule(self, module: str, name: str) -> bool:
        return self.module_exists(f"{module}.{name}")

    # -- classes ------------------------------------------------------------------------
    def resolve(self, module: str, dotted: str, depth: int = 0) -> ClassRef | str | None:
        """What ``dotted`` names inside ``module``: a first-party class, an external
        dotted name (``enum.Enum``), or None when unknown. Memoised: class hierarchies
        share their upper levels."""
        key = (module, dotted)
        if key in self._resolved:
            return self._resolved[key]
        if depth > 25:  # a cycle of aliases
            return None
        result = self._resolve(module, dotted, depth)
        if result is not None or depth == 0:  # a None deep down may only be the depth limit
            self._resolved[key] = result
        return result

    def _resolve(self, module: str, dotted: str, depth: int) -> ClassRef | str | None:
        head, _, rest = dotted.partition(".")
        binding = self.bindings(module).get(head)
        if binding is None:
            source = self._star_source(module, head)
            if source is not None:
                return self.resolve(source, dotted, depth + 1)
            return dotted if not self.is_first_party(dotted) else self._resolve_path(dotted, depth)
        if binding.kind == "class" and not rest:
            record = self._top_level_classes(module).get(head)
            return ClassRef(module, record) if record else None
        if binding.kind == "alias":
            return self.resolve(module, binding.target + (f".{rest}" if rest else ""), depth + 1)
        if binding.kind == "from":
            source, _, name = binding.target.partition(":")
            if not self.is_first_party(source):
                return f"{source}.{name}" + (f".{rest}" if rest else "")
            if self.module_exists(f"{source}.{name}"):
                return self._resolve_path(f"{source}.{name}" + (f".{rest}" if rest else ""), depth)
            if source in self.modules:
                if name not in self.bindings(source) and self._star_source(source, name) is None:
                    return None  # not there (a broken import): no builtin, no library of that name
                return self.resolve(source, name + (f".{rest}" if rest else ""), depth + 1)
            return None
        if binding.kind == "import":
            full = binding.target + (f".{rest}" if rest else "")
            if not self.is_first_party(full):
                return full
            return self._resolve_path(full, depth)
        return None

    def _star_source(self, module: str, name: str) -> str | None:
        """The first-party module a star import of ``module`` brings ``name`` from
        (``from .fields import *`` in a package ``__init__``), if any."""
        f = self.modules.get(module)
        if f is None:
            return None
        for rec, source in zip(f.summary.imports, f.absolutes):
            if (
                rec.is_from
                and rec.names[0][0] == "*"
                and not rec.context & CTX_FUNCTION
                and source is not None
                and source != module
                and source in self.modules
                and name in self.exports(source).names
            ):
                return source
        return None

    def _top_level_classes(self, module: str) -> dict[str, ClassRecord]:
        """The module's top-level classes by name (the last definition wins)."""
        found = self._classes.get(module)
        if found is None:
            found = self._classes[module] = {c.name: c for c in self.modules[module].summary.classes if c.top_level}
        return found

    def _resolve_path(self, dotted: str, depth: int) -> ClassRef | str | None:
        """``pkg.mod.Class``: the longest module prefix, then the name inside it. A
        first-party module itself (``from cmake.Tools import common``) is no class and no
        external name: looked up as a name inside its package, it would read as a library
        called ``common``."""
        if dotted in self.modules or dotted in self.packages:
            return None
        parts = dotted.split(".")
        for i in range(len(parts) - 1, 0, -1):
            module = ".".join(parts[:i])
            if module in self.modules:
                return self.resolve(module, ".".join(parts[i:]), depth + 1)
        return None

    def ancestors(self, module: str, record: ClassRecord) -> tuple[list[ClassRef], list[str]]:
        """All first-party ancestor classes and the external base names reached."""
        key = (module, record.name, record.line)
        cached = self._ancestors.get(key)
        if cached is not None:
            return cached
        first_party: list[ClassRef] = []
        external: list[str] = []
        seen: set[tuple[str, int, str]] = {(module, record.line, record.name)}
        stack = [(module, base) for base in record.bases]
        while stack:
            where, base = stack.pop()
            target = self.resolve(where, base)
            if isinstance(target, ClassRef):
                ident = (target.module, target.record.line, target.record.name)
                if ident in seen:
                    continue
                seen.add(ident)
                first_party.append(target)
                stack.extend((target.module, b) for b in target.record.bases)
            elif isinstance(target, str):
                external.append(target)
            else:
                external.append(base)  # unresolved: keep the name as written
        self._ancestors[key] = (first_party, external)
        return first_party, external

    def is_enum(self, module: str, record: ClassRecord) -> bool:
        """An ``enum`` class: some ancestor is ``Enum``, ``IntEnum`` ... from outside the
        project. Judged by the resolved bases, not the name written: a first-party class
        named ``Enum`` (SQLAlchemy's ``sqltypes.Enum`` column type) makes its subclasses
        column types, not enums."""
        if not record.bases:
            return False
        _, external = self.ancestors(module, record)
        return any(last_part(e) in ENUM_BASES or _django_choices(e) for e in external)

    # -- iteration helpers ----------------------------------------------------------------
    def production_files(self) -> Iterator[SourceFile]:
        return (f for f in self.files if not f.is_test)

    def top_level_classes(self, files: Iterable[SourceFile]) -> Iterator[tuple[SourceFile, ClassRecord]]:
        """The classes the files' modules define when they are loaded: not those after a
        top-level ``raise``, where every load stops (``FileSummary.stops_at``)."""
        for f in files:
            if f.module is None:
                continue
            stops_at = f.summary.stops_at
            for c in f.summary.classes:
                if c.top_level and not (stops_at and c.line > stops_at):
                    yield f, c

    @cached_property
    def first_party_imports(self) -> list[tuple[SourceFile, ImportRecord, str | None]]:
        """Every import of a first-party module, and every relative import (``absolute``
        None when it names no module): the only imports rules can report. In a typical
        repository they are a quarter of all imports."""
        top_level = self.top_level
        parts = self._import_parts
        own_tops = self.apart_own_tops
        found: list[tuple[SourceFile, ImportRecord, str | None]] = []
        for f in self.files:
            part = parts.get(f.path)
            if part is None:
                # In a nested project apart, its own top-level packages are first-party too
                # (``from oss.retry import X`` in ``api/oss/client.py``).
                tops = own_tops.get(next((a for a in self.apart if f.path.startswith(a + "/")), ""), frozenset())
                part = parts[f.path] = [
                    (f, rec, absolute)
                    for rec, absolute in zip(f.summary.imports, f.absolutes)
                    if absolute is None or absolute.partition(".")[0] in top_level
                    # A relative import names a module of the file's own package, whatever the
                    # model names the folders above it (orbax's ``export/orbax/`` in a nested
                    # project; a top folder ``platform/`` the standard library's module
                    # shadows; sonic's ``sonic-platform-modules-ragile/``, no import's name).
                    or bool(rec.level)
                    or absolute.partition(".")[0] in tops
                ]
            found.extend(part)
        return found

    @cached_property
    def apart_own_tops(self) -> dict[str, frozenset[str]]:
        """Each nested project apart (:attr:`apart`) -> the top-level modules and regular
        packages its environment holds (its files' names there, see :meth:`apart_place`).
        Not a folder without ``__init__.py``: a namespace portion loses to any installed
        package of its name (bugbug's services each keep an ``alembic/`` folder of
        migrations, and ``from alembic import op`` is the library)."""
        if not self.apart:
            return {}
        tops: dict[str, set[str]] = {folder: set() for folder in self.apart}
        for f in self.files:
            place = self.apart_place(f.path)
            if place is None or not place[1]:
                continue
            if "." not in place[1]:  # a top-level module, or a regular package's __init__.py
                tops[place[0]].add(place[1])
        return {folder: frozenset(names) for folder, names in tops.items()}

    def imports_of(self, f: SourceFile) -> list[tuple[SourceFile, ImportRecord, str | None]]:
        """The first-party imports of one file (as :attr:`first_party_imports` lists them)."""
        self.first_party_imports  # noqa: B018 - computes every file's
        return self._import_parts[f.path]

    @cached_property
    def submodules(self) -> dict[str, set[str]]:
        """Analysed modules by parent: ``{"app": {"core", "ws"}}`` (``from app import core``
        imports the submodule app.core)."""
        children: dict[str, set[str]] = {}
        for name in self.modules:
            parent, _, child = name.rpartition(".")
            if parent:
                found = children.get(parent)
                if found is None:
                    children[parent] = {child}
                else:
                    found.add(child)
        return children

    @cached_property
    def planted(self) -> dict[str, frozenset[tuple[str, str]]]:
        """What modules' import-time code sets on other first-party modules (see
        ``FileSummary.attribute_writes`` and ``planted_modules``): target -> the (setting
        module, attribute) pairs. A target ``pkg.*`` is any module of ``pkg``
        (``setattr(getattr(pkg, name), ...)``); the attribute ``*`` is any name (a computed
        ``setattr``); the attribute ``""`` says the target itself is put into
        ``sys.modules``. Whether the setter has run when an import reads the target is the
        rule's question (SSOT003)."""
        found: dict[str, set[tuple[str, str]]] = {}
        for f in self.files:
            s = f.summary
            if not (s.attribute_writes or s.planted_modules) or f.module is None or self.modules.get(f.module) is not f:
                continue
            for owner, attribute in s.attribute_writes:
                any_module = owner.endswith(".*")
                if owner.startswith("@"):  # a module a call imports and returns: its absolute name
                    path = owner[1:-2] if any_module else owner[1:]
                else:
                    path = self.bound_path(f.module, owner[:-2] if any_module else owner)
                if path is None or path == f.module or path not in self.modules:
                    continue
                found.setdefault(path + ".*" if any_module else path, set()).add((f.module, attribute))
            for module in s.planted_modules:
                if module.startswith("."):  # below the module's own name (``__name__ + ".config"``)
                    module = f.module + module
                if self.is_first_party(module):
                    found.setdefault(module, set()).add((f.module, ""))
        return {target: frozenset(pairs) for target, pairs in found.items()}

    @cached_property
    def rebound(self) -> dict[str, frozenset[tuple[str, str]]]:
        """The attributes of first-party modules that other modules' code sets, whenever
        it runs (``hv.archive = notebook_archive`` in a method, after ``import holoviews as
        hv``; see ``FileSummary.attribute_sets``): module -> the (setting module, attribute)
        pairs. Reading such an attribute off the module object gets the object set last, not
        always the one the module's own statements bind."""
        found: dict[str, set[tuple[str, str]]] = {}
        for f in self.files:
            if not f.summary.attribute_sets or f.module is None or self.modules.get(f.module) is not f:
                continue
            for owner, attribute in f.summary.attribute_sets:
                path = self.bound_path(f.module, owner)
                if path is not None and path != f.module and path in self.modules:
                    found.setdefault(path, set()).add((f.module, attribute))
        return {module: frozenset(pairs) for module, pairs in found.items()}

    @cached_property
    def filled_by_setattr(self) -> dict[str, tuple[str, ...]]:
        """The first-party modules on which other modules' code sets attributes with
        computed names, whenever it runs, with those modules (``setattr(objects,
        cls.obj_name(), cls)`` after ``from cinder import objects``: a registry that puts
        each registered class on the package when it is called; see
        ``FileSummary.computed_sets``). A name imported from such a module that none of its
        statements binds exists only once that code has run: SSOT003 still reports it,
        and says so."""
        found: dict[str, dict[str, None]] = {}
        for f in self.files:
            if not f.summary.computed_sets or f.module is None or self.modules.get(f.module) is not f:
                continue
            for owner in f.summary.computed_sets:
                path = self.bound_path(f.module, owner)
                if path is not None and path != f.module and path in self.modules:
                    found.setdefault(path, {})[f.module] = None
        return {module: tuple(setters) for module, setters in found.items()}

    def checking_lines(self, f: SourceFile) -> frozenset[int]:
        """The lines of ``f``'s imports under a flag that is False whenever the code runs
        (``if MYPY_RUNNING:``), bound in its own module or imported from the first-party
        module that binds it (``from pkg.constants import MYPY_RUNNING``): read as under
        ``if TYPE_CHECKING:``. See extract/flags.py. So are the lines of imports that run
        only on Pythons older than the project's oldest (``if sys.version_info < (3, 7) or
        TYPE_CHECKING:`` in a project requiring 3.8: ``FileSummary.legacy_imports``)."""
        lines: set[int] = set()
        oldest = self.config.target_version
        if f.summary.legacy_imports and oldest is not None and oldest[0] == 3:
            lines.update(line for line, minor in f.summary.legacy_imports if minor <= oldest[1])
        lines.update(self.python2_only_lines(f))
        if not f.summary.flag_imports or f.module is None:
            return frozenset(lines)
        own = f.summary.checking_flags
        for name, at in f.summary.flag_imports:
            if name in own or self._imported_flag(f.module, name):
                lines.update(at)
        return frozenset(lines)

    def version_flag(self, f: SourceFile, name: str) -> int:
        """N when ``name`` in ``f`` is a test that holds only from Python 3.N on, bound in
        ``f`` itself or imported from the first-party module that binds it (``from
        pkg.utilpyversion import IS_PYTHON_AT_LEAST_3_12``), at module level or in the
        function that tests it (beartype's tests: every such import must agree); else 0.
        See ``FileSummary.version_flags``."""
        own = dict(f.summary.version_flags).get(name)
        if own is not None or f.module is None:
            return own or 0
        if name in self.bindings(f.module):
            found = self._flag_source(f.module, name)
            return dict(found[0].summary.version_flags).get(found[1], 0) if found else 0
        minors = set()
        for rec in f.summary.imports:
            if rec.is_from:
                for original, alias in rec.names:
                    if (alias or original) == name:
                        g = self.modules.get(self.absolute(f, rec) or "")
                        minors.add(dict(g.summary.version_flags).get(original, 0) if g is not None else 0)
        return minors.pop() if len(minors) == 1 else 0

    def _flag_source(self, module: str, name: str) -> tuple[SourceFile, str] | None:
        """The first-party module ``name`` is imported from into ``module`` by a module-level
        from-import that runs, and the name there."""
        binding = self.bindings(module).get(name)
        if binding is None or binding.kind != "from" or binding.typing_only:
            return None
        source, _, original = binding.target.partition(":")
        f = self.modules.get(source)
        return (f, original) if f is not None else None

    def _imported_flag(self, module: str, name: str) -> bool:
        """Whether ``name`` in ``module`` is imported from a first-party module that binds
        it as a checking flag."""
        found = self._flag_source(module, name)
        return found is not None and found[1] in found[0].summary.checking_flags

    @cached_property
    def django_setup(self) -> "DjangoSetup":
        """What ``django.setup()`` imports, in order, and which modules cannot run before
        it (model/django_setup.py). Read by SSOT002 across modules: ``score --history``
        checks its cycles again when it changes (rules/ssot002_circular_import.py)."""
        from ssotlint.model.django_setup import django_setup

        return django_setup(self)

    @cached_property
    def self_replacing(self) -> dict[str, tuple[frozenset[str] | None, bool]]:
        """For each module that passes its own ``__name__`` to a function at module level:
        the names it serves lazily (:meth:`lazily_served`) and whether a call opens it to
        names no statement binds (:meth:`opened_by_call`: a ``__getattr__`` installed, names
        set on it). Both are read through another
        module's function: ``score --history`` checks such a module's importers again when
        either answer changes (model/changes.py)."""
        return {
            f.module: (self.lazily_served(f.module), self.opened_by_call(f.module))
            for f in self.files
            if f.summary.name_calls and f.module is not None and self.modules.get(f.module) is f
        }

    @cached_property
    def finder_served(self) -> frozenset[tuple[str, bool]]:
        """The module names the finders first-party modules install in ``sys.meta_path``
        answer for (``FileSummary.finder_names``: calibre's ``DeVendor`` serves
        ``calibre.web.feeds.feedparser`` and every ``calibre.ebooks.markdown*``), each with
        whether it is a prefix of the names served; a start computed from the finder's own
        package with a literal end (fun_mc's ``fullname.startswith(_root_name() +
        '.dynamic')``) serves the packages of that last name in its top-level package. Test
        code's finders serve tests alone, and are left out."""
        found: set[tuple[str, bool]] = set()
        for f in self.files:
            if f.is_test or not f.summary.finder_names:
                continue
            for name, prefix in f.summary.finder_names:
                if name.startswith("*."):
                    # A computed start with a literal end (fun_mc's ``_root_name() +
                    # '.dynamic'``): the packages of that last name in the finder's own
                    # top-level package (``fun_mc.dynamic``).
                    top = (f.module or "").partition(".")[0]
                    found.update((p, prefix) for p in self.packages if p.startswith(top + ".") and p.endswith(name[1:]))
                else:
                    found.add((name, prefix))
        return frozenset(found)

    def served_by_finder(self, module: str) -> bool:
        """A finder of the project answers for ``module`` (:attr:`finder_served`). A prefix
        that is a whole first-party top-level package (ramble's ``ReposFinder``, asked for
        every ``ramble.*``, answers for the namespaces its repositories declare:
        ``ramble.app``, ``ramble.pkg_man``) serves only a missing package directly in it:
        what a package of the tree lacks (``ramble.util.gone``) stays missing."""
        for name, prefix in self.finder_served:
            if module == name:
                return True
            if not prefix or not module.startswith(name):
                continue
            whole = name.rstrip(".")
            if "." in whole or whole not in self.top_level:
                return True
            if not self.module_exists(".".join(module.split(".")[:2])):
                return True  # the first part missing lies directly in the package
        return False

    @cached_property
    def hook_served(self) -> dict[str, frozenset[tuple[str, bool]]]:
        """For each package whose ``__init__`` calls, at module level and with its own
        ``__name__`` in the arguments, a first-party function that installs an import hook
        (a finder in ``sys.meta_path``) or writes ``sys.modules``: the identifiers those calls
        spell as strings. The hook serves submodule names the files do not have (Cirq's
        ``_compat.deprecated_submodule(new_module_name=f"{__name__}.module_a",
        old_parent=__name__, old_child="fake_a")`` makes ``import pkg.fake_a`` load
        ``pkg.module_a``), each with whether the function installs a finder (which serves
        submodules at any depth below the package) rather than only writing ``sys.modules``
        (which serves the package's own names); SSOT003 takes a missing submodule so named
        as served. Read through another module's function: ``score --history`` checks the
        importers again when an answer changes (model/changes.py)."""
        found: dict[str, frozenset[tuple[str, bool]]] = {}
        for f in self.files:
            calls = f.summary.own_name_calls
            if not calls or not f.is_package or f.module is None or self.modules.get(f.module) is not f:
                continue
            served: set[tuple[str, bool]] = set()
            for callee, spelled in calls:
                function = self._function_of(f.module, callee)
                finder = self._writes_modules(function, fact="hook_installers")
                if finder or self._writes_modules(function):
                    served.update((name, finder) for name in spelled)
            if served:
                found[f.module] = frozenset(served)
        return found

    @cached_property
    def import_edges(self) -> "Edges":
        """First-party import edges: importer -> imported -> the statements behind it."""
        from ssotlint.model.graph import import_edges

        return import_edges(self)

    @cached_property
    def reachability(self) -> "Reachability":
        """Which modules importing a module runs (see :mod:`ssotlint.model.reach`)."""
        from ssotlint.model.reach import Reachability, runtime_changes

        edges = self.import_edges
        earlier, reach = self._earlier_reach
        self._earlier_reach = ({}, None)  # used once: a model is not built from twice
        if reach is not None:
            changed = runtime_changes(earlier, edges)
            if not changed:
                return reach
            updated = reach.after(edges, changed)
            if updated is not None:
                return updated
        return Reachability(edges, reach)

    def earlier(self, key: Hashable) -> object | None:
        """What the model this one was built from computed for ``key`` by :meth:`shared`
        (None when it did not, or when this model was built from scratch), given once: a
        whole-model structure takes over from it the parts of the files both models share
        (the same :class:`SourceFile` objects), so a history pays for what changed."""
        return self._earlier_shared.pop(key, None)

    def shared(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()`` (a function of this model alone), once per model: what two entry
        points of a rule each derive from the whole model (SSOT003's scope key and its
        check) is derived once a commit in a history."""
        if key not in self._shared:
            self._shared[key] = compute()
        return self._shared[key]  # type: ignore[return-value]

    def import_time_closure(self, source: str, skip: frozenset[str] = frozenset()) -> frozenset[str]:
        """The modules importing ``source`` runs at import time (itself and its packages
        included): through imports that run when a module is imported (not those inside
        functions or under ``TYPE_CHECKING``) and the packages each module is in, not
        running the packages of ``skip`` (nor what they alone import).

        Each answer reads the run-time steps (:meth:`_runtime_steps`) of exactly the modules
        it contains, so the last model's answers that contain no module whose steps differ
        now are taken over. A model built from the previous one keeps each unchanged
        importer's edges, so only the importers whose edges are another object are compared;
        an edit that leaves a module's run-time imports as they were (a body, a line, an
        import inside a function) keeps every answer that passes through it."""
        key = (source, skip)
        found = self._closures.get(key)
        if found is not None:
            return found
        if self._earlier_closures is not None:
            earlier, known = self._earlier_closures
            self._earlier_closures = None  # used once: a model is not built from twice
            edges = self.import_edges
            changed = {
                m for m in earlier.keys() | edges.keys()
                if (old := earlier.get(m)) is not (new := edges.get(m)) and _steps_of(old) != self._runtime_steps(m, new)
            }
            self._closures.update((k, v) for k, v in known.items() if changed.isdisjoint(v))
            found = self._closures.get(key)
            if found is not None:
                return found
        found = self._closures[key] = self._import_time_closure(source, skip)
        return found

    def _import_time_closure(self, source: str, skip: frozenset[str]) -> frozenset[str]:
        edges = self.import_edges
        seen: set[str] = set(skip)
        stack = [source, *(p for p in _parents(source) if p not in skip)]
        while stack:
            module = stack.pop()
            if module in seen:
                continue
            seen.add(module)
            for target, parents in self._runtime_steps(module, edges.get(module)):
                if target not in seen:
                    stack.append(target)
                    stack.extend(p for p in parents if p not in seen)
        return frozenset(seen - skip)

    def runtime_steps(self, module: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """What importing ``module`` runs next: each module one of its imports that run at
        import time names, with that module's packages (innermost first)."""
        return self._runtime_steps(module, self.import_edges.get(module))

    def _runtime_steps(
        self, module: str, imported: Mapping | None
    ) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """:func:`_steps_of` the module's edges ``imported``, kept while they are the same object."""
        if imported is None:
            return ()
        known = self._steps.get(module)
        if known is not None and known[0] is imported:
            return known[1]
        steps = _steps_of(imported)
        self._steps[module] = (imported, steps)
        return steps

    @cached_property
    def importers(self) -> dict[str, frozenset[str]]:
        """The import edges reversed: imported module -> the modules importing it (any
        statement). Taken from the last model that had them, with the importers whose
        edges are another object now (a model built from the previous one keeps each
        unchanged importer's) taken out of their old targets and put in their new ones."""
        edges = self.import_edges
        earlier = self._earlier_importers
        self._earlier_importers = None  # used once: a model is not built from twice
        if earlier is None:
            found: dict[str, set[str]] = {}
            for importer, targets in edges.items():
                for target in targets:
                    found.setdefault(target, set()).add(importer)
            return {target: frozenset(modules) for target, modules in found.items()}
        old, known = earlier
        reversed_ = dict(known)
        changed = [m for m in old.keys() | edges.keys() if old.get(m) is not edges.get(m)]
        lost: dict[str, set[str]] = {}
        gained: dict[str, set[str]] = {}
        for m in changed:
            for target in old.get(m, ()):
                lost.setdefault(target, set()).add(m)
            for target in edges.get(m, ()):
                gained.setdefault(target, set()).add(m)
        for target in lost.keys() | gained.keys():
            modules = (reversed_.get(target, frozenset()) - lost.get(target, set())) | gained.get(target, set())
            if modules:
                reversed_[target] = frozenset(modules)
            else:
                reversed_.pop(target, None)
        return reversed_

    @cached_property
    def package_folders(self) -> frozenset[str]:
        """The folders (paths) that hold an ``__init__.py``: regular packages."""
        return frozenset(f.path.rpartition("/")[0] for f in self.files if f.path.rpartition("/")[2] == "__init__.py")

    @cached_property
    def package_dependencies(self) -> frozenset[tuple[str, str]]:
        """``(P, Q)``: a module of package ``P`` imports a module of its sibling package
        ``Q`` at run time (``P`` and ``Q`` are where the two modules' dotted paths part, see
        :func:`sides`: ``prefect.client`` and ``prefect.server`` for
        ``prefect.client.schemas.objects`` importing ``prefect.server.schemas.statuses``).
        Test code does not count: a distribution's tests may import another that the
        product itself needs only inside functions (buildbot's master tests start a
        ``buildbot_worker``; the master imports it in functions, as an optional extra).
        Which files are tests is read from the configuration's paths alone, so it changes
        only with the file. Each importer's pairs are taken from the last model that had
        them while its edges are the same object (a model built from the previous one keeps
        them, and only for the same file)."""
        edges = self.import_edges
        earlier, known = self._earlier_sides
        self._earlier_sides = ({}, {})  # used once: a model is not built from twice
        parts = self._side_parts
        modules, is_test = self.modules, self.config.is_test_file
        for module, targets in edges.items():
            pairs = known.get(module) if earlier.get(module) is targets else None
            if pairs is None:
                f = modules.get(module)
                pairs = frozenset() if f is not None and is_test(f.path) else frozenset(
                    pair
                    for target, statements in targets.items()
                    if any(st.runtime for st in statements) and (pair := sides(module, target)) is not None
                )
            parts[module] = pairs
        return frozenset().union(*parts.values())

    @cached_property
    def package_dependency_weights(self) -> dict[tuple[str, str], int]:
        """For each pair of :attr:`package_dependencies`, how many product modules of ``P``
        import from ``Q`` at run time: which way two packages mostly depend."""
        weights: dict[tuple[str, str], int] = {}
        self.package_dependencies  # (fills the per-module pairs)
        for pairs in self._side_parts.values():
            for pair in pairs:
                weights[pair] = weights.get(pair, 0) + 1
        return weights

    @cached_property
    def fill_in_templates(self) -> frozenset[str]:
        """Paths of the files of a template folder (``templates/``, sktime's
        ``extension_templates/``, a ``{{placeholder}}`` path: see
        :func:`~ssotlint.discover.roles.in_template_folder`) that no module outside such
        folders imports: files meant to be copied and filled in ("NOT a concrete class to
        import! ... a fill-in coding template"), or rendered by a generator. Their imports
        name the code they will live in, placeholders included (``from sktime.somewhere
        import MyOtherEstimator``), and never run here. A template folder that code imports
        from (a web framework's ``template/`` package) is code."""
        candidates = [f for f in self.files if f.in_template_folder]
        if not candidates:
            return frozenset()
        inside = {f.module for f in candidates if f.module is not None}
        imported: set[str] = set()
        for module, targets in self.import_edges.items():
            if module not in inside:
                for target in targets:
                    imported.add(target)
                    imported.update(_parents(target))  # importing a.b runs the package a
        return frozenset(
            f.path for f in candidates
            if f.module is None or f.module not in imported
        )

    @cached_property
    def python2(self) -> str:
        """Where the project says it runs on Python 2 only, in words; "" when it does not.
        Its packaging metadata says so (``Config.python2_source``), or, when nothing declares
        any Python 3 (no target of any kind, no ``Python :: 3`` classifier), a script at the
        root runs on ``python2`` by its shebang (``#!/usr/bin/env python2``): the program
        the project is started as."""
        return python2_evidence(self.config, ((f.path, f.summary) for f in self.files))

    @cached_property
    def runs_on_python2(self) -> bool:
        """The project runs on Python 2, only (:attr:`python2`) or as well as on Python 3
        (``Config.python2_also``): code under ``if six.PY2:`` runs somewhere."""
        return bool(self.python2) or bool(self.config.python2_also)

    def python2_only_lines(self, f: SourceFile) -> frozenset[int]:
        """The lines of ``f``'s imports that only Python 2 runs (``if six.PY2:``,
        ``FileSummary.legacy_imports``), when the project runs on Python 3 alone: they
        never run (empty when it runs on Python 2 too)."""
        if not f.summary.legacy_imports or self.runs_on_python2:
            return frozenset()
        return frozenset(line for line, minor in f.summary.legacy_imports if minor == PYTHON2_ONLY)

    def runs_python2(self, f: SourceFile) -> bool:
        """``f`` runs on Python 2: its own shebang names ``python2``, or the project runs on
        Python 2 (:attr:`python2`) and its shebang names no ``python3``."""
        return runs_python2(f.summary, bool(self.python2))

    @cached_property
    def test_data(self) -> frozenset[str]:
        """Paths of the files that are test data, not code: in the test tree, collected by
        no test runner (``Config.is_collected_test``), not a script (no ``if __name__ ==
        "__main__":`` block, nor a Python shebang on its first line, ``#!/usr/bin/env python``:
        a test runs it as a program, ``./ticker.py``; not in a folder of inputs, ``data/``),
        and imported by no module that runs:
        the sample inputs of a code-checking tool's test suite (broken on purpose), fixtures
        read as text. Nothing imports them, so what they import, how they parse and how
        their lines end break nothing at run time. A module counts as imported when any
        statement of a module that is not test data imports it (or a module inside it:
        importing ``a.b`` runs the package ``a``), directly or through other such files;
        test data importing test data stays data. A file whose header says a generator wrote
        it and not to edit it is such a candidate even when a runner would collect it by its
        name, or it has a ``__main__`` block (reportlab's
        ``tests/charts-out/test_graphics_charts_*.py``, "Autogenerated ... do not edit",
        drawings its tests write out as scripts, which its runner skips): an output, not a
        test. A test "generated" once and kept by hand since says no such thing. So is a file
        the pytest configuration's ``addopts`` tells pytest to skip (``--ignore
        tests/_ast/codegen_data``), script or not: the suite's inputs (marimo's notebooks
        with a syntax error on purpose). Also test data, whatever their names and
        ``__main__`` blocks: the modules of a folder that a tool's own loader runs (see
        :mod:`ssotlint.model.overlay`), when nothing imports them either; and so the ``.py``
        files of a test folder of a compiler's inputs, whose Cython sources outnumber them
        (Cython's ``tests/run/``, see ``roles.compiler_input_folders``): the compiler reads
        them, not the interpreter. So is a file, script or not, that no runner collects and
        whose bytes the project's ``.gitattributes`` has git keep as written (``-text``:
        pylint's ``tests/regrtest_data/**``, lint inputs with a ``__main__`` block of their
        own): inputs whose bytes the tests read. So is a file a ``conftest.py`` above it
        tells pytest never to collect (``collect_ignore``, ``collect_ignore_glob``: bisheng's
        ``test/_legacy/``, "kept for reference only", ``collect_ignore_glob = ["*.py"]``),
        script or not, unless it is a script beside product code (a research folder's
        ``diffusion_test.py`` with a ``__main__`` block next to ``diffusion.py``). Empty with ``skip-test-data = false``."""
        config = self.config
        if not config.skip_test_data:
            return frozenset()
        # Modules a tool's loader runs: its test data too.
        loader, self._loader_candidates = loader_folders(self, self._earlier_loader)
        self._earlier_loader = None  # used once: a model is not built from twice
        inputs = frozenset(d for d in self.compiler_inputs if config.in_test_tree(f"{d}/_"))  # not a package's own
        ignored = _conftest_ignores(self.files)
        # A runnable test beside the code it tests, in a folder pytest is told to skip
        # (TensorFlow Probability's research ``discussion/``): run by hand, so code.
        code_folders = {
            folder for folder, _, name in (f.path.rpartition("/") for f in self.files if not f.is_test) if name != "__init__.py"
        } if ignored else set()
        candidates = [
            f for f in self.files
            if f.is_test
            and (
                f.summary.regenerated or (not is_script(f) and not f.collected(config) and not holds_pytest_tests(f))
                or config.skipped_by_runner(f.path)
                or (
                    ignored and _ignored_by_conftest(f.path, ignored)
                    and not (is_script(f) and f.path.rpartition("/")[0] in code_folders)
                )
                or in_loader_folder(f, loader) or in_loader_folder(f, inputs)
                or (not f.collected(config) and config.keeps_line_endings(f.path))
            )
        ]
        if not candidates:
            return frozenset()
        # A file no statement can name (``contract-tests/...``) waits under its path: only
        # an import by its name from its own folder on sys.path reaches it (``_imported_beside``).
        waiting = {k for k in map(self._data_key, candidates) if k is not None}
        edges = self.import_edges
        stack: list[str] = []

        def wake(names: Iterable[str]) -> None:
            for name in names:
                if name in waiting:
                    waiting.discard(name)
                    stack.append(name)

        beside = self._imported_beside(candidates)
        for module, targets in self._loaded_by_name_edges().items():
            beside.setdefault(module, set()).update(targets)
        edges = self._expecting_edges(edges, waiting)
        for module, targets in chain(edges.items(), beside.items()):  # what code imports
            if module not in waiting:
                wake(waiting.intersection(targets))
        # Importing a module runs its packages: a package of test data that holds code runs.
        packages = [m for m in waiting if m in self.modules and self.modules[m].is_package]
        names = sorted(self.modules) if packages else []
        while True:
            while stack:  # what the code found so far imports, in turn
                module = stack.pop()
                wake(waiting.intersection(edges.get(module, ())))
                wake(waiting.intersection(beside.get(module, ())))
            running = [p for p in packages if p in waiting and _holds_code(names, p, waiting)]
            if not running:
                break
            wake(running)
        return frozenset(f.path for f in candidates if self._data_key(f) in waiting or (f.module is not None and self.modules.get(f.module) is not f))

    def _expecting_edges(self, edges: "Edges", waiting: set[str]) -> "Edges":
        """``edges`` without a test's imports of a candidate that expect it to fail: each
        statement inside a test function under a ``try`` whose ``except ImportError``
        goes on, or under ``pytest.raises(ImportError)`` (dd-trace-py's
        ``tests/submod/import_test.py``, whose broken import a test imports to look at the
        error it raises). A file imported only so is an input of the tests, broken on
        purpose: it runs only where its failure is what is tested."""
        changed: dict[str, dict] = {}
        for module, targets in edges.items():
            hit = waiting.intersection(targets) if targets and waiting else ()
            if not hit:
                continue
            f = self.modules.get(module)
            if f is None or not f.is_test:
                continue
            expecting = {
                t for t in hit
                if all(
                    s.record.context & CTX_EXPECTED_FAILURE
                    or (s.record.context & CTX_GUARDED and s.record.context & CTX_FUNCTION)
                    for s in targets[t]
                )
            }
            if expecting:
                changed[module] = {t: v for t, v in targets.items() if t not in expecting}
        if not changed:
            return edges
        return {**edges, **changed}

    def _data_key(self, f: SourceFile) -> str | None:
        """What ``test_data`` calls a file: its module, or ``path:`` and its path when no
        statement can name it; None for a module the model knows by another file."""
        if f.module is None:
            return "path:" + f.path
        return f.module if self.modules.get(f.module) is f else None

    @cached_property
    def alternatives(self) -> Mapping[str, frozenset[str]]:
        """Each module imported in one branch of a module-level ``if``/``elif`` chain, and
        the modules other branches of that chain import (``FileSummary.import_alternatives``):
        one branch runs, so each is loaded without the others (ginga's ``gw/GwHelp.py``
        picks ``ginga.gtk3w.GtkHelp`` or ``ginga.gtk4w.GtkHelp`` by the toolkit in use)."""
        found: dict[str, set[str]] = {}
        edges = self.import_edges
        for f in self.files:
            chains = f.summary.import_alternatives
            if not chains or f.module is None or self.modules.get(f.module) is not f:
                continue
            by_line: dict[int, set[str]] = {}
            for target, statements in edges.get(f.module, {}).items():
                for statement in statements:
                    by_line.setdefault(statement.line, set()).add(target)
            for chain in chains:
                branches = [set().union(*(by_line.get(line, set()) for line in lines)) for lines in chain]
                for i, mine in enumerate(branches):
                    others = set().union(*(b for j, b in enumerate(branches) if j != i)) - mine
                    for module in mine:
                        found.setdefault(module, set()).update(others)
        return {module: frozenset(others) for module, others in found.items() if others}

    @cached_property
    def alternatives_loaded_together(self) -> frozenset[tuple[str, str]]:
        """The pairs of :attr:`alternatives` that are loaded together all the same: one
        runs the other's import at import time, through its own imports or its package's
        (TACTIC's ``simple_app_server`` imports ``app_server``, and ``pyasm/web/__init__.py``
        star-imports both), so whichever branch runs, both modules' classes exist."""
        together = self.import_time_closure
        return frozenset(
            (module, other) for module, others in self.alternatives.items() for other in others
            if other in together(module) or module in together(other)
        )

    @cached_property
    def module_name_writers(self) -> frozenset[str]:
        """The production modules that ``setattr`` computed names on module objects they
        look up at run time (``FileSummary.sets_module_names``): registries that put the
        classes they build into other modules (django-simple-history's ``simple_history.
        models``, which sets ``HistoricalPoll`` on the module of each model that declares
        ``history = HistoricalRecords()``)."""
        return frozenset(
            f.module for f in self.files if f.summary.sets_module_names and not f.is_test and f.module is not None
        )

    @cached_property
    def fallback_modules(self) -> frozenset[str]:
        """Modules every first-party import of which lies in an ``except ImportError``
        handler (``FileSummary.fallback_imports``): what the program loads only when the
        import the handler guards fails (botbuilder's AutoRest ``_models`` for Python 2,
        behind ``try: from ._models_py3 import Error``). Their classes are the fallback's
        (see :func:`fallback_modules`)."""
        if not any(f.summary.fallback_imports for f in self.files):
            return frozenset()
        return fallback_modules(self.import_edges, self.modules)

    @cached_property
    def plugin_names(self) -> frozenset[str]:
        """The class names production code reads by a literal off a module it imports by a
        computed name (``FileSummary.plugin_names``: routersploit's loader does
        ``getattr(importlib.import_module(path), "Exploit")``): every module it loads
        defines its own class of that name."""
        return frozenset(n for f in self.files if not f.is_test for n in f.summary.plugin_names)

    @cached_property
    def loaded_by_name(self) -> frozenset[str]:
        """The literal starts of the module names files import by a computed name
        (``FileSummary.loaded_by_name``), made absolute: ``benchmarks.bench_validation.bench_``
        for ``importlib.import_module(f"benchmarks.bench_validation.bench_{library}")``."""
        return frozenset(start for f in self.files for start in _loaded_starts(f))

    def _loaded_by_name_edges(self) -> dict[str, set[str]]:
        """Module -> the modules one of its computed names can name (:attr:`loaded_by_name`,
        the rest of the name one part): pywinauto's ``tests/__init__.py`` loads each check
        of its package with ``__import__(name.lower(), globals(), locals(), level=1)``."""
        found: dict[str, set[str]] = {}
        names: list[str] | None = None
        for f in self.files:
            starts = _loaded_starts(f)
            if not starts or f.module is None:
                continue
            names = names if names is not None else sorted(self.modules)
            for start in starts:
                i = bisect_left(names, start)
                while i < len(names) and names[i].startswith(start):
                    if len(names[i]) > len(start) and "." not in names[i][len(start):]:
                        found.setdefault(f.module, set()).add(names[i])
                    i += 1
        return found

    def loaded_by_name_as(self, module: str) -> str | None:
        """The computed name's literal start (:attr:`loaded_by_name`) that names ``module``,
        the rest of its name one part (``bench_`` + ``cattrs``); None when none does. A
        start that names a whole top-level package's modules (``"app." + name``) says
        nothing of which of them are alternatives: only a start that spells part of the
        name (``pkg.bench_``), or a package below the top level (``pkg.backends.``), counts."""
        for start in self.loaded_by_name:
            if not start.endswith(".") or start.count(".") >= 2:
                if module.startswith(start) and len(module) > len(start) and "." not in module[len(start):]:
                    return start
        return None

    def _imported_beside(self, candidates: list[SourceFile]) -> dict[str, set[str]]:
        """For the candidates to be test data, the modules that import one by its name from
        a folder on ``sys.path`` that no import statement of the graph starts from: a
        module's own folder when that is no package (tianshou's
        ``test/pettingzoo/test_tic_tac_toe.py``: ``from tic_tac_toe import train_agent``;
        normandy's ``contract-tests/v3_api/test_list.py``: ``from support.assertions import
        ...``, the package ``support/`` beside it), as Python puts a script's folder first;
        and for a test module inside packages, the *basedir* pytest (in its default
        ``prepend`` import mode) puts first, the first folder above it that is no package
        (experimenter's ``tests/integration/nimbus/test_mobile_targeting.py``, in the
        package ``nimbus/``: ``from nimbus.models.base_app_context_dataclass import ...``,
        through the folder ``models/`` without an ``__init__.py``). The import runs the
        module there, and the packages it is in."""
        packages = self.package_folders
        wanted_paths: dict[str, str] = {}  # a candidate's path -> what test_data calls it
        for f in candidates:
            key = self._data_key(f)
            if key is not None and f.path.endswith(".py"):
                wanted_paths[f.path] = key
        if not wanted_paths:
            return {}
        # The folders below which a candidate sits: an import from elsewhere cannot reach one.
        holding = {path.rpartition("/")[0] for path in wanted_paths}
        above = {folder[:i] for folder in holding for i in range(len(folder) + 1) if i == len(folder) or folder[i] == "/"}
        found: dict[str, set[str]] = defaultdict(set)
        for f in self.files:
            base = f.path.rpartition("/")[0]
            if base in packages:
                if not f.is_test:
                    continue  # a module of a package runs with the folder above the packages on sys.path only under pytest
                while base and base in packages:  # (a root that is a package: eden's __init__.py)
                    base = base.rpartition("/")[0]
            if base not in above:
                continue
            importer = f.module if f.module is not None else "path:" + f.path
            prefix = base + "/" if base else ""
            for rec in f.summary.imports:
                if rec.level or not rec.module:
                    continue
                parts = rec.module.split(".")
                wanted = [parts[: i + 1] for i in range(len(parts))]  # a.b runs a first
                if rec.is_from:
                    wanted += [[*parts, name] for name, _ in rec.names if name != "*"]
                for dotted in wanted:
                    rel = prefix + "/".join(dotted)
                    for path in (rel + ".py", rel + "/__init__.py"):
                        target = wanted_paths.get(path)
                        if target is not None and target != importer:
                            found[importer].add(target)
        return found

    @cached_property
    def graph(self) -> "nx.DiGraph":
        """The same edges as a networkx graph (for export and graph algorithms)."""
        from ssotlint.model.graph import build_graph

        return build_graph(self)

    @cached_property
    def class_and_base_names(self) -> frozenset[str]:
        """Every class name, and the last part of every base a class statement names:
        which classes exist for the project, defined in it or inherited from outside."""
        counts, files = self._earlier_names
        self._earlier_names = (None, {})  # used once: a model is not built from twice
        if counts is None:
            counts = Counter(name for f in self.files for name in _class_and_base_names(f.summary))
        else:  # the previous model's, with what the files that differ add and take away
            counts = counts.copy()
            now = {f.path: f for f in self.files}
            for path, f in files.items():
                if now.get(path) is not f:
                    counts.subtract(_class_and_base_names(f.summary))
            for path, f in now.items():
                if files.get(path) is not f:
                    counts.update(_class_and_base_names(f.summary))
            counts = +counts  # drop the names no file has any more
        self._name_counts = counts
        return frozenset(counts)


    @cached_property
    def absolutely_named(self) -> frozenset[str]:
        """Every first-party module an absolute import statement names, with the packages
        it runs through (see :mod:`ssotlint.model.overlay`). Counted per statement, so a
        model built from the previous one takes the previous counts, and takes away what
        the files that differ named and adds what they name now; so too for the files
        importing from a top-level package that appeared or left (whether their imports
        are first-party changed)."""
        counts, files, top_level = self._earlier_absolute
        self._earlier_absolute = (None, {}, set())  # used once: a model is not built from twice
        if counts is None:
            counts = Counter()
            for f in self.files:
                counts.update(self._named_by(f, self.top_level))
        else:
            counts = counts.copy()
            tops = top_level ^ self.top_level
            now = {f.path: f for f in self.files}
            lowered: set[str] = set()
            for path, f in files.items():
                if now.get(path) is not f or (tops and not tops.isdisjoint(f.import_heads)):
                    named = self._named_by(f, top_level)
                    counts.subtract(named)
                    lowered.update(named)
            for path, f in now.items():
                if files.get(path) is not f or (tops and not tops.isdisjoint(f.import_heads)):
                    counts.update(self._named_by(f, self.top_level))
            for module in lowered:  # drop the modules no statement names any more
                if counts[module] <= 0:
                    del counts[module]
        self._absolute_counts = counts
        return frozenset(counts)

    @staticmethod
    def _named_by(f: SourceFile, top_level: set[str]) -> list[str]:
        """What ``f``'s absolute imports of the ``top_level`` packages name (see
        :attr:`absolutely_named`)."""
        return named_absolutely(
            [a for rec, a in zip(f.summary.imports, f.absolutes) if not rec.level and a and a.partition(".")[0] in top_level]
        )


def _decorated_by(summary: FileSummary, names: frozenset[str]) -> Iterator[bool]:
    """For each decorator of a module-level class or function, whether its last name is one
    of ``names``."""
    for decorator in summary.module_decorators:
        yield decorator.rpartition(".")[2] in names
    for c in summary.classes:
        if c.top_level:
            for decorator in c.decorators:
                yield decorator.rpartition(".")[2] in names


def sides(module: str, other: str) -> tuple[str, str] | None:
    """Where two modules' dotted paths part: the package (or module) of each just below
    what they share (``a.b.c``, ``a.d`` -> ``a.b``, ``a.d``); None when one is inside the
    other."""
    mine, theirs = module.split("."), other.split(".")
    k = 0
    while k < len(mine) and k < len(theirs) and mine[k] == theirs[k]:
        k += 1
    if k == len(mine) or k == len(theirs):
        return None
    return ".".join(mine[: k + 1]), ".".join(theirs[: k + 1])


def _class_and_base_names(summary: FileSummary) -> list[str]:
    """The names of a file's classes and the last parts of their bases, each as often as
    it occurs."""
    names: list[str] = []
    for c in summary.classes:
        names.append(c.name)
        names.extend(base.rpartition(".")[2] for base in c.bases)
    return names


def _conftest_ignores(files: Iterable[SourceFile]) -> list[tuple[str, str, str]]:
    """``(folder, kind, entry)`` of what each ``conftest.py`` tells pytest never to collect
    (``FileSummary.collect_ignored``)."""
    return [
        (f.path.rpartition("/")[0], kind, posixpath.normpath(entry.replace("\\", "/")))
        for f in files if f.summary.collect_ignored and f.path.rpartition("/")[2] == "conftest.py"
        for kind, entry in f.summary.collect_ignored
    ]


def _ignored_by_conftest(path: str, ignored: list[tuple[str, str, str]]) -> bool:
    """Whether a conftest above ``path`` tells pytest not to collect it: a
    ``collect_ignore`` path that is the file or a folder above it, or a
    ``collect_ignore_glob`` pattern its path (from the conftest's folder) matches, as
    pytest's ``fnmatch`` does (``*`` crosses folders)."""
    for folder, kind, entry in ignored:
        if folder and not path.startswith(folder + "/"):
            continue
        rel = path[len(folder) + 1 :] if folder else path
        if kind == "glob" and fnmatch.fnmatchcase(rel, entry):
            return True
        if kind == "path" and (rel == entry or rel.startswith(entry.rstrip("/") + "/")):
            return True
    return False


def fallback_modules(edges: Mapping[str, Mapping[str, Sequence["EdgeImport"]]], modules: Mapping[str, "SourceFile"]) -> frozenset[str]:
    """The modules imported at least once, and only by imports in ``except ImportError``
    handlers of their importers (:attr:`Project.fallback_modules`)."""
    # Few files have such handlers: their targets are the candidates, and only the
    # candidates' other imports are counted (a history asks this of every commit).
    candidates: set[str] = set()
    for importer, imported in edges.items():
        f = modules.get(importer)
        if f is None or not f.summary.fallback_imports:
            continue
        lines = {line for line, _ in f.summary.fallback_imports}
        candidates.update(
            target for target, statements in imported.items()
            if any(s.runtime and s.line in lines for s in statements)
        )
    for importer, imported in edges.items():
        if not candidates:
            break
        reached = [t for t in candidates if t in imported]
        if not reached:
            continue
        f = modules.get(importer)
        lines = {line for line, _ in f.summary.fallback_imports} if f is not None else set()
        for target in reached:
            if any(s.runtime and s.line not in lines for s in imported[target]):
                candidates.discard(target)
    return frozenset(candidates)


def _django_choices(base: str) -> bool:
    """Django's enum bases (``django.db.models.TextChoices``, ``IntegerChoices``,
    ``Choices``): subclasses of ``enum.Enum`` whose members may carry a label."""
    return base.startswith("django.") and last_part(base) in LABELLED_CHOICES
