"""SSOT002 circular-import: first-party modules that import each other at import time."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cached_property
from itertools import repeat
from typing import Callable, Iterable, Iterator, NamedTuple

from ssotlint.extract.summary import (
    CTX_CONDITIONAL,
    CTX_GUARDED,
    CTX_FUNCTION,
    CTX_IMPLICIT_RELATIVE,
    CTX_TYPE_CHECKING,
    NOT_AT_IMPORT_TIME,
    USE_ANNOTATION,
    USE_CALL,
    USE_IMPORT_TIME,
    USE_NONE,
    FileSummary,
    ImportRecord,
)
from ssotlint.model.changes import Change, Since
from ssotlint.model.cycles import MAX_CYCLES_PER_COMPONENT, components, edges_of, feedback_arcs, shortest_cycles
from ssotlint.model.graph import EdgeImport, cycle_graph, cycle_successors, describe
from ssotlint.model.project import MODULE_ATTRIBUTES, Binding, Project, SourceFile
from ssotlint.rules.base import Example, Fix, Rule, Violation
from ssotlint.rules.import_runs import ImportRuns, Statements


# What a package's import of its own submodule costs on top of its statements. Such an
# edge is never suggested (``feedback_arcs`` keeps it, since a cycle cannot consist of such
# imports alone: the name grows along each); the weight keeps the ordering heuristic from
# building its order around it.
_OWN_SUBMODULE = 10_000.0


# How an advice that keeps the import (no edit breaks the cycle) ends its sentence: such
# advice gets no note about what moving the import would leave.
SUPPRESS = "suppress the finding on this line saying so"


def _loads_own_submodule(u: str, v: str) -> bool:
    """``pkg/__init__.py`` importing ``pkg.sub`` (``from .sub import X``, ``from . import
    sub``): the package's public surface, re-exported to its users, which no function of
    the package uses, so "move it into the function that uses it" cannot apply. The cycle
    is broken on the way back: the submodule, or a module it imports, importing the
    package (``from pkg import Y``) where it could import the module that defines ``Y``."""
    return v.startswith(u + ".")


# What an edge costs per import statement, by what its names are needed for: moving an
# import into the functions that use it, or importing its names from the module that
# defines them, changes nothing else; names needed while the module is imported make the
# modules' shared definitions move; an import whose names nothing reads is there for what
# loading its module does (a registration) or to re-export them, and cannot move at all.
_COST_MOVABLE = 1.0
# How the file uses its names is not known (only a newer Python's parser reads it): it may
# need them at module level, so an edge whose uses are known to allow the move goes first.
_COST_UNKNOWN = 2.0
_COST_NEEDED = 3.0
_COST_UNUSED = 8.0
# A registration import at a module's bottom (``import app.events  # noqa`` below every
# class and import, nothing of it read): moving that one statement to where the program
# starts is cheaper than moving the definitions the registered code needs.
_COST_REGISTRATION = 2.5
# What an import in a generated file costs on top: a generator writes the file again at its
# next run, so an edit there is lost; an import a function can take in another file goes
# first, but not one whose names are needed at import time (moving their definitions edits
# files too, the generated one among them).
_GENERATED = 1.5


# Libraries that resolve annotations while a module is imported (or on a later call that
# needs the names bound in the module): pydantic's models, ``TypeAdapter`` and
# ``validate_call``, the serialisers and validators built on annotations, and the frameworks
# that read a decorated function's signature (FastAPI's routes, typer's commands). In a
# module that imports one, a name "used only in annotations" may be read at run time all
# the same: under ``TYPE_CHECKING`` it would be missing then. (Not SQLAlchemy: it documents
# ``TYPE_CHECKING`` imports for the classes its ``Mapped[...]`` annotations name, which it
# looks up in its own registry.)
_ANNOTATION_READERS = frozenset({
    "pydantic", "pydantic_settings", "sqlmodel", "msgspec", "cattrs", "typer", "fastapi", "beartype",
    "typeguard", "dacite", "mashumaro", "apischema", "dataclasses_json", "marshmallow_dataclass", "strawberry",
    "litestar", "ninja", "cyclopts", "jsonargparse", "typedload", "serde", "injector", "punq", "lagom",
})
# What the standard library offers to resolve annotations at run time.
_HINT_READERS = frozenset({"get_type_hints", "get_annotations"})


def _annotation_reader(summary: FileSummary) -> str:
    """The library the module imports at import time that resolves annotations at run
    time (see ``_ANNOTATION_READERS``), or ``typing.get_type_hints`` it imports by name;
    ``""`` when none."""
    for rec in summary.imports:
        if rec.context & NOT_AT_IMPORT_TIME or rec.level:
            continue
        top = rec.module.partition(".")[0]
        if top in _ANNOTATION_READERS:
            return top
        if rec.is_from and top in ("typing", "typing_extensions", "inspect"):
            hit = next((name for name, _ in rec.names if name in _HINT_READERS), None)
            if hit is not None:
                return f"{rec.module}.{hit}"
    return ""


class _Kind:
    """What an edge's runtime import statements are to the importing module."""

    UNKNOWN = "unknown"  # no facts on uses (a file only a newer Python's parser reads)
    ANNOTATIONS = "annotations"  # names used only in annotations never evaluated
    CALLS = "calls"  # used in function bodies (and maybe annotations), never at import time
    NEEDED = "needed"  # some name used while the module is imported (or a star import)
    UNUSED = "unused"  # nothing reads any of its names


_MOVABLE = (_Kind.UNKNOWN, _Kind.ANNOTATIONS, _Kind.CALLS)


class _EdgeFacts(NamedTuple):
    kind: str
    needed: tuple[str, ...]  # the names used while the importer is imported
    # Every imported name and the module outside the cycle's component that defines it,
    # when each has one other than the imported module: import them from there instead.
    reroute: tuple[tuple[str, tuple[str, str]], ...]
    own: tuple[str, ...]  # imported names the imported module defines itself
    # Each imported name (``from v import a, b``) and where it comes from (``_defined_in``;
    # None: not known); empty when the statements are not all such imports.
    defined: tuple[tuple[str, tuple[str, str] | None], ...] = ()
    whole: str = _Kind.UNKNOWN  # the kind over every name of the statements (the fix moves them all)
    star: bool = False  # one of the statements is a star import
    loading: tuple[str, ...] = ()  # the names of the statements that load the imported module
    # The names the statements bind to the imported module itself (``import pkg as p``),
    # when ``defined`` lists the attributes the importer reads off them instead of names.
    held: tuple[str, ...] = ()
    # The other names that load the imported module and how the importer uses each
    # (``USE_*``): they keep the import, and the cycle, unless they go too.
    rest: tuple[tuple[str, int], ...] = ()
    # A package the new home of moved definitions must be outside of: importing anything
    # in it from the importer runs its ``__init__``, which is on the cycle.
    outside: str = ""
    # The library the importer imports that resolves annotations at run time (pydantic), and
    # the names of ``needed`` that are needed only for that: used only in annotations.
    resolved: tuple[str, tuple[str, ...]] = ("", ())
    # The names of ``needed`` that are needed only because other modules import them from
    # the importer (see ``_Cycles._reexported``), and whether the uses of the others are
    # not known (a file only a newer Python's parser reads).
    reexported: tuple[str, ...] = ()
    unread: bool = False
    # The kind over every name of the statements were the importer's annotations postponed
    # (``from __future__ import annotations``), when that alone makes them movable: the
    # names it needs while it is imported are read then only in annotations it evaluates.
    postponed: str = ""
    # The attributes read off the module object (``held``) that other first-party modules
    # set while the program runs, each with those modules (``Project.rebound``): the
    # importer reads the object set last, so they are not to be imported by name from
    # where they are first defined (``defined`` says None for them).
    rebound: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # A decorator the imported module calls on another module's object while it is imported
    # (``UI_NS.app_template_filter``), when no other module imports it then: the import
    # registers what it defines, and must stay at import time (see ``_Cycles.registers``).
    registers: str = ""
    # Of ``needed``, the names a ``from v import`` statement takes that ``v`` defines
    # itself, also when the statements mix such imports with others (``import pkg`` beside
    # ``from pkg import Base``, where ``defined`` and ``own`` are empty): no other module
    # holds them to import them from.
    needed_own: tuple[str, ...] = ()

    @property
    def movable(self) -> bool:
        return self.kind in _MOVABLE and not self.registers

    @property
    def deferrable(self) -> bool:
        """Whether the deferral fix may move the statements: every name they bind can go."""
        return self.whole in _MOVABLE and not self.registers

    @property
    def cost(self) -> float:
        if self.registers and not self.reroute:
            return _COST_UNUSED  # it cannot move: what importing it does is needed then
        if self.reroute or (self.movable and self.kind != _Kind.UNKNOWN):
            return _COST_MOVABLE
        if self.kind == _Kind.UNKNOWN:
            return _COST_UNKNOWN
        return _COST_UNUSED if self.kind == _Kind.UNUSED else _COST_NEEDED


def _postponed_kind(whole: str, later: list[int], excluded: bool) -> str:
    """The kind of the statements were the importer's annotations postponed (``later``: the
    uses of their names then), when they are needed at import time now and would be movable
    then; ``""`` otherwise, or when ``excluded`` (a star import; a library that resolves
    annotations at run time, which reads them then all the same)."""
    if excluded or whole != _Kind.NEEDED or not later:
        return ""
    kind = _kind(later)
    return kind if kind in (_Kind.ANNOTATIONS, _Kind.CALLS) else ""


def _cheap(facts: _EdgeFacts) -> bool:
    """An edge another suggested one may be traded for: its names can come from the modules
    that define them, or are used only inside functions (see ``_Cycles.violations``)."""
    return bool(facts.reroute) or (facts.kind == _Kind.CALLS and not facts.registers)


def _statement_uses(summary: FileSummary, imp: EdgeImport) -> list[int] | None:
    """How the file uses each name the statement binds (``_bound_names`` order); None
    when not known."""
    uses = summary.import_uses
    if len(uses) != len(summary.imports):
        return None
    index = next((i for i, rec in enumerate(summary.imports) if rec is imp.record), None)
    if index is None:
        index = next((i for i, rec in enumerate(summary.imports) if rec == imp.record), None)
    if index is None or len(uses[index]) != len(_bound_names(imp)):
        return None
    return list(uses[index])


def _kind(uses: list[int]) -> str:
    strongest = max(uses, default=USE_NONE)
    return {
        USE_IMPORT_TIME: _Kind.NEEDED,
        USE_CALL: _Kind.CALLS,
        USE_ANNOTATION: _Kind.ANNOTATIONS,
        USE_NONE: _Kind.UNUSED,
    }[strongest]


def _defined_in(project: Project, module: str, name: str) -> tuple[str, str] | None:
    """Where ``name`` comes from as ``module`` provides it: the module whose own statements
    bind it, and its name there, following from-imports and star imports (``from .base
    import X``, ``from .base import *`` in a package's ``__init__``); for a name another
    distribution provides (``from sqlite3 import dbapi2 as Database``), that module. None
    when it cannot be told (a submodule, a module object, a name from nowhere visible)."""
    seen: set[str] = set()
    while module not in seen and len(seen) < 20:
        seen.add(module)
        binding = project.bindings(module).get(name)
        if binding is None:
            source = _star_source(project, module, name)
            if source is None:
                return None
            module = source
            continue
        if binding.typing_only or binding.kind == "import" or _branches_differ(project, module, name):
            return None
        alias = _alias_home(project, module, name, binding)
        if alias is not None:
            module, name = alias  # ``config = configurations.config``: defined over there
            continue
        if binding.kind != "from":
            return module, name
        module, _, name = binding.target.partition(":")
        if module not in project.modules and module in project.opaque_modules and _VERSION_FILE.search(module):
            return module, name  # the version file a build writes: it defines the name and imports nothing
        if module not in project.modules:
            first_party = project.is_first_party(module) or project.module_exists(f"{module}.{name}")
            return None if first_party else (module, name)
    return None


def _alias_home(project: Project, module: str, name: str, binding: Binding) -> tuple[str, str] | None:
    """For a module-level alias of another first-party module's attribute (``config =
    configurations.config``, or annotated, ``config: Config = configurations.config``, in
    flax's ``__init__`` after ``from flax import configurations``): that module and the
    attribute's name there. None for any other binding (an alias of a deeper path, of a
    class's attribute, of another distribution's module)."""
    if binding.kind == "alias":
        target = binding.target
    elif binding.kind == "def":
        target = dict(project.modules[module].summary.annotated_aliases).get(name, "")
    else:
        return None
    root, _, rest = target.partition(".")
    if not rest or "." in rest:
        return None
    held = project.bindings(module).get(root)
    if held is None and module in project.packages:
        home = f"{module}.{root}"  # ``from pkg import sub`` in pkg's ``__init__``: its own submodule
    elif held is None or held.typing_only:
        return None
    elif held.kind == "from":
        source, _, imported = held.target.partition(":")
        home = f"{source}.{imported}"
    elif held.kind == "import" and "." not in root:
        home = held.target
    else:
        return None
    return (home, rest) if home in project.modules and home != module else None


# A version file a build writes from version control (hatch-vcs' ``version-file``,
# setuptools-scm's ``version_file``: ``pkg/_version.py``), not analysed, but known to exist.
_VERSION_FILE = re.compile(r"(?:^|\.)_{0,2}version_{0,2}$")


def _branches_differ(project: Project, module: str, name: str) -> bool:
    """``module`` binds ``name`` by imports of different things in different branches (``if
    PY3: from past.types import oldstr as str`` / ``else: from __builtin__ import str``, or
    a ``try`` and its ``except ImportError``): which one runs is decided at run time, so
    where the name comes from is not known."""
    f = project.modules[module]
    targets = set()
    for rec, absolute in zip(f.summary.imports, f.absolutes):
        if not rec.is_from or rec.context & NOT_AT_IMPORT_TIME or not rec.context & (CTX_CONDITIONAL | CTX_GUARDED):
            continue
        targets.update(f"{absolute or rec.module}:{original}" for original, alias in rec.names if (alias or original) == name)
    return len(targets) > 1


def _by_home(defined: dict[str, tuple[str, str] | None]) -> dict[str, tuple[str, ...]]:
    """The names to import from each module that defines some (``_defined_in``'s values),
    as that module binds them."""
    homes: dict[str, list[str]] = defaultdict(list)
    for where in defined.values():
        if where is not None:
            homes[where[0]].append(where[1])
    return {home: tuple(names) for home, names in homes.items()}


def _star_source(project: Project, module: str, name: str) -> str | None:
    """The first-party module whose names a star import of ``module`` brings ``name`` from."""
    f = project.modules[module]
    for rec, source in zip(f.summary.imports, f.absolutes):
        if (
            rec.is_from
            and rec.names[0][0] == "*"
            and not rec.context & NOT_AT_IMPORT_TIME
            and source not in (None, module)
            and source in project.modules
            and name in project.exports(source).names
        ):
            return source
    return None


class _Early(NamedTuple):
    """What a module reads off the package object it holds (``import pkg``) while it is
    imported, which is what keeps the import at module level: ``sabnzbd.MACOS`` at module
    level, or ``pl.accelerators`` in a function a module-level call runs."""

    names: frozenset[str]  # the attributes read then
    submodules: tuple[str, ...]  # those that are the package's own submodules
    loaded: bool  # the package's ``__init__`` has imported each before it leads to the importer
    back: bool  # importing one of them directly leads back to the importer
    line: int | None  # the ``__init__``'s first import that leads to the importer
    init: str = ""  # the path of the package's ``__init__``


def _deferred_to(kind: str) -> str:
    """Where an import whose names are used as ``kind`` says can go: into the functions
    that use them when any is read at run time (under ``TYPE_CHECKING`` it would be
    unbound there: a NameError), under ``TYPE_CHECKING`` when only annotations that are
    never evaluated use them, and either when how they are used is not known."""
    if kind == _Kind.CALLS:
        return "into the function that uses it"
    if kind == _Kind.ANNOTATIONS:
        return "under `if TYPE_CHECKING:`"
    return "into the function that uses it or under `if TYPE_CHECKING:`"


def _edge_advice(
    e: dict, facts: _EdgeFacts, reroute: tuple[tuple[str, tuple[str, str]], ...], hint: str, package: bool,
    harmless: bool = False, back: frozenset[str] = frozenset(), early: _Early | None = None,
    pinned: frozenset[str] = frozenset(),
) -> str:
    """How to break the cycle at one edge (``e``: its ``edge_info``; ``hint``: its import
    statements), in kind: what the importing module does with the names decides whether
    a function can take the import, and where they are defined whether it can import
    them from there (``reroute``; ``back``: the modules defining some that lead back to
    the importer, so that importing from them closes the cycle again). ``pinned``: the
    modules whose definitions are not to move out (see :func:`_pinned_advice`)."""
    # The whole statement moves (its every name: ``whole``), or only its names that load
    # the module (``kind``) when the others are needed at import time.
    moved = _deferred_to(facts.whole)
    defer = f"moving it {moved}"
    to_package = _loads_own_submodule(e["to"], e["from"])
    partial = facts.movable and not facts.deferrable and bool(facts.loading)
    if partial:
        # Other names of the statement are needed at import time: only these can move.
        defer = (
            f"moving its import of {', '.join(f'`{n}`' for n in facts.loading)} {_deferred_to(facts.kind)}; "
            f"its other names stay, {e['path']} needs them while it is imported"
        )
    if reroute:
        where: dict[str, list[str]] = defaultdict(list)
        for name, (module, original) in reroute:
            where[module].append(f"`{name}`" if original == name else f"`{original}` (as `{name}`)")
        sources = " and ".join(f"{', '.join(names)} from {module}" for module, names in where.items())
        also = f" (or by {defer})" if facts.movable else ""
        return (
            f"break it by importing {sources} in {hint}, where {'it is' if len(reroute) == 1 else 'they are'} defined, "
            f"not from {e['to']}{_renamed_note(e, facts, reroute)}{also}"
        )
    if facts.registers:
        return (
            f"{hint} cannot move into a function: importing {e['to']} registers what it defines (its "
            f"`@{facts.registers}` runs while it is imported) and no other module imports it then, so the "
            f"registration would wait for the function; break it by moving what the modules of the cycle share "
            f"into a module that imports none of them"
        )
    if facts.postponed and not facts.movable:
        # Only when the names that load the module are needed then: when those are read only
        # in functions, the statement's other names (caluma's ``from . import domain_logic,
        # models``, whose ``models`` every annotation reads) are no part of the cycle.
        return _postponed_advice(e, facts, hint)
    if facts.held and facts.defined and facts.movable and facts.kind != _Kind.ANNOTATIONS:
        # Not every name it reads can come from elsewhere: a function can take the import.
        return f"break it at {hint} by {defer}" if partial else f"break it by moving {hint} {moved}"
    if facts.held and facts.defined and not facts.movable and facts.kind != _Kind.UNUSED:
        return _held_advice(e, facts, hint, back, early, pinned)
    if facts.movable:
        if facts.kind == _Kind.ANNOTATIONS and facts.whole == _Kind.ANNOTATIONS:
            return f"break it by moving {hint} under `if TYPE_CHECKING:`: its names are used only in annotations"
        if facts.kind == _Kind.ANNOTATIONS and facts.loading:
            # Only the names that load the module are annotations' (radicale's ``from radicale
            # import config, utils``, whose ``utils`` a function calls): those alone go.
            them = ", ".join(f"`{n}`" for n in facts.loading)
            stay = f", {e['path']} needs them while it is imported" if partial else " (or go into the functions that use them)"
            return (
                f"break it at {hint} by moving its import of {them} under `if TYPE_CHECKING:` (only annotations use "
                f"{'it' if len(facts.loading) == 1 else 'them'}); its other names stay{stay}"
            )
        # Not for the module object of a package the importer is inside of, read only in
        # functions (``import pkg.sub`` for ``pkg.sub.__file__``): there may be no names to
        # import, and moving it into those functions always works.
        if to_package and not facts.own and not harmless and (not facts.defined or any(w is None for _, w in facts.defined)):
            return (  # where its names are defined is not known: both ways, the deferral sure to work
                f"break it by importing the names of {hint} from the modules that define them, "
                f"not from the package (or by {defer})"
            )
        if partial:
            return f"break it at {hint} by {defer}"
        if facts.kind == _Kind.UNKNOWN:
            return (
                f"break it by moving {hint} into the function that uses it or under `if TYPE_CHECKING:`, "
                f"if no module-level code of {e['path']} needs its names (not known: the Python running ssotlint "
                f"cannot read the file; check first)"
            )
        return f"break it by moving {hint} {moved}"
    if facts.kind == _Kind.UNUSED and facts.loading and facts.whole != _Kind.UNUSED and not facts.star:
        # ``from mylar import db, helpers, webserve``: the module reads the other names.
        them = ", ".join(f"`{n}`" for n in facts.loading)
        one = len(facts.loading) == 1
        return (
            f"break it by dropping {them} from {hint}: nothing in {e['path']} reads {'it' if one else 'them'} "
            f"or imports {'it' if one else 'them'} from there (its other names stay; if {'it is' if one else 'they are'} "
            f"there for what importing {e['to']} does, import {e['to']} where the program starts instead)"
        )
    if facts.kind == _Kind.UNUSED:
        return (
            f"{hint} cannot move into a function: nothing in {e['path']} reads its names (it is there for "
            f"what importing {e['to']} does, or to re-export them); break it by moving what the modules of "
            f"the cycle share into a module that imports none of them"
        )
    names = ", ".join(f"`{n}`" for n in facts.needed) or "its names"
    defined = dict(facts.defined)
    why = "a function cannot hold a star import" if facts.star and not facts.needed else _why_needed(e, facts)
    # Names the package's own ``__init__`` defines have no other module to come from
    # (tenacity's ``asyncio`` needing ``BaseRetrying`` of ``tenacity/__init__.py``): their
    # definitions move out instead (below).
    in_init = to_package and bool(facts.needed_own)
    if not facts.own and to_package and not in_init and not all(defined.get(n) for n in facts.needed):
        return (  # ``import pkg`` in pkg's own submodule: its attributes cannot be followed
            f"break it by importing the names of {hint} from the modules that define them, not from the "
            f"package: {why}, so it cannot move into a function"
        )
    if not facts.defined and e["to"] in pinned:
        return _pinned_advice(hint, why, f"what it uses of {e['to']}", [e["to"]])
    if not facts.defined:  # ``import m``, a star import: the module's own names are used
        return (
            f"{hint} cannot move into a function: {why}; break it by moving what it uses of {e['to']} into "
            f"a module that imports none of the cycle's modules, and importing that from there"
        )
    homes = sorted({(defined.get(n) or (e["to"], n))[0] for n in facts.needed})
    stuck = [home for home in homes if home in pinned]
    if stuck:
        return _pinned_advice(hint, why, f"the definitions of {names}", stuck)
    itself = " (the package's own `__init__` defines them)" if package and (facts.own or in_init) and homes == [e["to"]] else ""
    return (
        f"{hint} cannot move into a function: {why}; break it by moving the definitions of "
        f"{names} (and what they need of the cycle) out of {' and '.join(homes)}{itself} into a module "
        f"{_outside_note(facts)}that imports none of the cycle's modules, and importing them from there{_rest_note(facts, e)}"
    )


def _alternative_advice(e: dict, hint: str, names: list[str], functions: bool) -> str:
    """The advice for a conditional import of names the module also defines in another
    branch (see ``_Cycles._alternatives``): moved into the functions that use them, the
    import would run whichever branch was taken (click's ``_winconsole`` asserts it runs on
    Windows); under ``TYPE_CHECKING``, the branch would lose them. A function defined in
    the branch that imports the real one when called keeps the choice and the names."""
    them = ", ".join(f"`{n}`" for n in names)
    one = len(names) == 1
    text = (
        f"{hint} is one branch of a conditional definition: {e['path']} also defines {them} itself in another branch "
        f"(or as a fallback), so the import can go neither into the functions that use {'it' if one else 'them'} (it "
        f"would run whichever branch was taken) nor under `if TYPE_CHECKING:` (the branch would lose "
        f"{'it' if one else 'them'})"
    )
    if functions:
        return (
            f"{text}; break it by defining {them} in that branch as {'a function' if one else 'functions'} that "
            f"import{'s' if one else ''} the real one from {e['to']} when called"
        )
    return f"{text}; break it at another import of the cycle"


def _pinned_advice(hint: str, why: str, what: str, modules: list[str]) -> str:
    """The advice when the import needs names at import time and the modules that define
    them look names up in their own namespace by a computed name (ranger's ``vcs.py``:
    ``Vcs.init_state`` swaps its class for ``globals()[kind + "Root"]``, the backend classes
    it imports at its bottom): a definition moved out of such a module may be one those
    lookups no longer find, so that usual fix is not offered; nothing else local breaks the
    cycle, and when the modules bind what the other needs before importing it, the order
    makes it work: keep it, and say so where the finding is suppressed."""
    one = len(modules) == 1
    return (
        f"{hint} cannot move into a function: {why}; and {what} cannot simply move out of "
        f"{' and '.join(modules)}: {'its' if one else 'their'} code looks names up in {'its' if one else 'their'} own "
        f"namespace by computed name (`globals()[...]`, `vars()[...]` or `sys.modules[__name__]`), which may no "
        f"longer find what moved. No edit of this import breaks the cycle: if each module binds what the other "
        f"needs before it imports that module (an import at the bottom, below the definitions), that order makes "
        f"it work; keep it, and {SUPPRESS}"
    )


def _renamed_note(e: dict, facts: _EdgeFacts, reroute: tuple[tuple[str, tuple[str, str]], ...]) -> str:
    """For a statement that binds the module itself (``from pkg import action``, read as
    ``@action.action``), whose name is also one of the names to import by name (the package
    re-exports a function ``action``): the new import binds that name to the function, no
    longer to the module, so the reads off the module change too. Said, lest the advice read
    as giving the module's name to the function while ``action.action`` stays."""
    if not facts.held:
        return ""
    clashing = [n for n, _ in reroute if n in facts.held]
    if not clashing:
        return ""
    held = facts.held[0]
    reads = ", ".join(f"`{held}.{n}`" for n, _ in reroute)
    names = ", ".join(f"`{n}`" for n, _ in reroute)
    return (
        f" ({e['path']} binds `{held}` to the module {e['to']} and reads {reads} off it: once imported by name, "
        f"read {'it' if len(reroute) == 1 else 'them'} as {names}, and the module is no longer bound there)"
    )


def _postponed_advice(e: dict, facts: _EdgeFacts, hint: str) -> str:
    """The names the importer needs while it is imported are read then only in annotations
    it evaluates (certbot's ``def isEqualVirtualHost(first: VirtualHost, ...)`` with no
    ``from __future__ import annotations``): once they are postponed, the import can go
    under ``TYPE_CHECKING`` (or into the functions that use its names), and no definition
    has to move."""
    names = ", ".join(f"`{n}`" for n in facts.needed) or "its names"
    where = _deferred_to(facts.postponed)
    return (
        f"break it by adding `from __future__ import annotations` to {e['path']} (or quoting the annotations) and "
        f"moving {hint} {where}: {e['path']} reads {names} while it is imported only in annotations, which it "
        f"evaluates then because it does not postpone them"
    )


def _why_needed(e: dict, facts: _EdgeFacts) -> str:
    """Why the names the importer needs while it is imported (``facts.needed``) keep the
    import at module level: read then, read in annotations a library resolves at run time,
    or re-exported to other modules."""
    reader, resolved = facts.resolved
    used = [n for n in facts.needed if n not in resolved and n not in facts.reexported]
    parts: list[str] = []
    if used:
        parts.append(
            f"{e['path']} uses {', '.join(f'`{n}`' for n in used)} while it is imported (at module level, in a "
            f"class body, a decorator or a default value)"
        )
    if resolved:
        one = len(resolved) == 1
        parts.append(
            f"{e['path']} uses {', '.join(f'`{n}`' for n in resolved)} only in annotations, "
            f"but it imports {reader}, which resolves annotations at run time (a model's fields, a type adapter, a "
            f"validated signature): under `if TYPE_CHECKING:` {'it' if one else 'they'} would be missing then"
        )
    if facts.reexported:
        one = len(facts.reexported) == 1
        them = ", ".join(f"`{n}`" for n in facts.reexported)
        parts.append(
            f"{e['path']} re-exports {them} (its `__all__` lists {'it' if one else 'them'}, it imports "
            f"{'it' if one else 'them'} as {'itself' if one else 'themselves'}, or other modules import "
            f"{'it' if one else 'them'} from it): {'it' if one else 'they'} must stay bound at module level"
            + (" (how it uses its other names is not known: the Python running ssotlint cannot read the file)" if facts.unread else "")
        )
    return "; ".join(parts) or f"{e['path']} uses its names while it is imported"


def _outside_note(facts: _EdgeFacts) -> str:
    if not facts.outside:
        return ""
    return f"outside {facts.outside} (importing anything in it runs its `__init__`, which is on the cycle) "


# The use of a name a module imports only for other modules to import from it (a re-export):
# it cannot just go, its importers must import it from where it is defined.
_REEXPORTED = -1


def _rest_note(facts: _EdgeFacts, e: dict) -> str:
    """What the statement's other names need for the import to go: each keeps it otherwise."""
    if not facts.rest:
        return ""
    groups: dict[int, list[str]] = defaultdict(list)
    for name, use in facts.rest:
        groups[use].append(f"`{name}`")
    steps = []
    if groups.get(USE_ANNOTATION):
        steps.append(f"{', '.join(groups[USE_ANNOTATION])} under `if TYPE_CHECKING:` (only annotations use them)")
    if groups.get(USE_CALL):
        steps.append(f"{', '.join(groups[USE_CALL])} into the functions that use them")
    if groups.get(USE_NONE):
        steps.append(f"{', '.join(groups[USE_NONE])} (read by nothing) out of the statement")
    if groups.get(_REEXPORTED):
        steps.append(
            f"{', '.join(groups[_REEXPORTED])} (nothing here reads them, but other modules import them from "
            f"{e['from']}) into those modules' imports, from where they are defined"
        )
    return f"; its other names still import {e['to']}: move " + ", and ".join(steps)


def _moves_statement(text: str, path: str, line: int) -> bool:
    """Whether the advice moves the statement at ``path:line`` (into functions, under
    ``TYPE_CHECKING``, or out of the module)."""
    return f"{path}:{line} `" in text and any(
        word in text for word in ("into the function", "under `if TYPE_CHECKING:`", "out of ", "inside the functions")
    )


def _annotations_note(summary: FileSummary, statements: list[EdgeImport], path: str, text: str) -> str:
    """For advice that moves an import into functions: the names it binds that annotations
    spell too (``FileSummary.annotation_names``), which would be unbound for type checkers
    at the top level once it moves (odmantic's ``ODMEngine`` in ``session.py``, read in two
    ``isinstance`` checks and named by fifteen annotations)."""
    if "into the function" not in text or "TYPE_CHECKING" in text or not summary.annotation_names:
        return ""
    spelled = set(summary.annotation_names)
    # The names that move: read in functions (a name needed while the module is imported
    # stays where it is, unless the advice postpones the annotations that need it).
    postponing = "from __future__ import annotations" in text
    names = [
        n for imp in statements
        for n, use in zip(_bound_names(imp), _statement_uses(summary, imp) or ())
        if n in spelled and (use == USE_CALL or (postponing and use == USE_IMPORT_TIME))
    ]
    if not names:
        return ""
    shown = ", ".join(f"`{n}`" for n in dict.fromkeys(names))
    one = len(dict.fromkeys(names)) == 1
    return (
        f" (its annotations name {shown} too: import {'it' if one else 'them'} under `if TYPE_CHECKING:` as well, "
        f"so that type checkers still find {'it' if one else 'them'} in {path})"
    )


def _rebound_note(e: dict, facts: _EdgeFacts) -> str:
    """Why the advice does not import the names in ``facts.rebound`` from the modules that
    define them: other modules set them on the imported module at run time."""
    if not facts.rebound:
        return ""
    names = [f"`{n}`" for n, _ in facts.rebound]
    setters = sorted({s for _, found in facts.rebound for s in found})
    one = len(names) == 1
    them = "it" if one else "them"
    return (
        f" ({', '.join(names)} cannot come from where {'it is' if one else 'they are'} defined: {' and '.join(setters)} "
        f"{'sets' if len(setters) == 1 else 'set'} {them} on {e['to']} while the program runs, and {e['path']} reads "
        f"{them} off {e['to']}, which gives the object set last)"
    )


def _held_advice(
    e: dict, facts: _EdgeFacts, hint: str, back: frozenset[str] = frozenset(), early: _Early | None = None,
    pinned: frozenset[str] = frozenset(),
) -> str:
    """The advice for statements that import the module itself (``import pkg as p``, ``from
    parent import pkg``): what the importer reads of it (``p.read_csv``), and where each of
    those names is defined, so that it can import them from there; a name the module itself
    defines has to move out of it first, as does one defined in a module that leads back to
    the importer (``back``: importing it from there closes the cycle again), and one whose
    definition is not known is said to be so.

    ``early``: what it reads of the package while it is imported (None: not known). Only
    those names keep the import at module level; what it reads only inside functions stays
    read off the package there, the import with it (sabnzbd's ``cfg.py`` needs ``MACOS``
    at import time; its ``RESTART_REQ``, which other modules set at run time, is not to be
    imported by name and frozen). A package's own submodules read then are not definitions
    to move (see :func:`_submodule_advice`)."""
    target = e["to"]
    if early is not None and early.submodules and early.names == frozenset(early.submodules):
        return _submodule_advice(e, facts, hint, early)
    later = [f"`{n}`" for n, _ in facts.defined if early is not None and n not in early.names]
    homes: dict[str, list[str]] = defaultdict(list)
    own: list[str] = []
    unknown: list[str] = []
    returning: dict[str, list[str]] = defaultdict(list)
    for name, where in facts.defined:
        if early is not None and name not in early.names:
            continue
        if where is None:
            unknown.append(f"`{name}`")
        elif where[0] == target:
            own.append(f"`{name}`")
        elif where[0] in back:
            returning[where[0]].append(f"`{where[1]}`")
        else:
            homes[where[0]].append(f"`{name}`" if where[1] == name else f"`{where[1]}` (as `{name}`)")
    held = ", ".join(f"`{n}`" for n in facts.held)
    stuck = ([target] if own and target in pinned else []) + [m for m in returning if m in pinned]
    if stuck:
        why = f"{e['path']} uses {held} while it is imported (at module level, in a class body, a decorator or a default value)"
        names = ", ".join([*own, *(n for m in returning for n in returning[m])])
        return _pinned_advice(hint, why, f"the definitions of {names}", stuck)
    steps: list[str] = []
    if homes:
        sources = "; ".join(f"{', '.join(names)} from {module}" for module, names in homes.items())
        steps.append(f"importing what it reads of {target} from the modules that define it instead ({sources})")
    if own:
        them = "it" if len(own) == 1 else "them"
        steps.append(
            f"moving the definition{'s' if len(own) > 1 else ''} of {', '.join(own)}, which {target} defines "
            f"itself, into a module that imports none of the cycle's modules, and importing {them} from there"
        )
    for module, names in returning.items():
        them = "it" if len(names) == 1 else "them"
        steps.append(
            f"moving the definition{'s' if len(names) > 1 else ''} of {', '.join(names)} out of {module}, which "
            f"leads back to {e['from']}, into a module that imports none of the cycle's modules, and importing "
            f"{them} from there"
        )
    text = " and ".join(steps) or "moving what it reads of it into a module that imports none of the cycle's modules"
    if unknown:
        text += f" ({'where ' + ', '.join(unknown) + ' is' if len(unknown) == 1 else 'where ' + ', '.join(unknown) + ' are'} defined is not known: a submodule, or a name set at run time)"
    if later:
        text += (
            f"; what it reads of {target} only inside functions ({', '.join(later)}) stays read off the package "
            f"there, and the import goes into those functions"
        )
    return (
        f"{hint} cannot move into a function: {e['path']} uses {held} while it is imported (at module level, in a "
        f"class body, a decorator or a default value); break it by {text}"
    )


def _submodule_advice(e: dict, facts: _EdgeFacts, hint: str, early: _Early) -> str:
    """What to do when all the importer reads of the package while it is imported are the
    package's own submodules (pytorch-lightning's ``_graveyard/tpu.py`` patching
    ``pl.accelerators``): there is no definition to move. Importing them as modules breaks
    the cycle when none leads back to the importer; otherwise nothing this module can do
    breaks it, and when the package's ``__init__`` imports them before the import that
    leads here, the import finds them in any import order: the advice says so."""
    target = e["to"]
    subs = ", ".join(f"`{n}`" for n in early.submodules)
    held = ", ".join(f"`{n}`" for n in facts.held)
    one = len(early.submodules) == 1
    why = f"{e['path']} uses {held} while it is imported, for the submodule{'' if one else 's'} {subs} of {target}"
    rest = [f"`{n}`" for n, _ in facts.defined if n not in early.names]
    later = (
        f"; what it reads of {target} only inside functions ({', '.join(rest)}) stays read off the package there"
        if rest else ""
    )
    if not early.back:
        return (
            f"{hint} cannot move into a function: {why}; break it by importing {'it' if one else 'them'} as "
            f"module{'' if one else 's'} (`from {target} import {', '.join(early.submodules)}`) instead of reading "
            f"{'it' if one else 'them'} off the package: {'it does' if one else 'they do'} not lead back to "
            f"{e['from']}{later}"
        )
    if early.loaded and early.line is not None:
        return (
            f"{hint} cannot move into a function: {why}, which {early.init} has imported (itself or through "
            f"its imports) above line {early.line}, its first import that leads to {e['from']}: the import finds "
            f"{'it' if one else 'them'} in any import order. Importing {'it' if one else 'them'} directly leads back "
            f"too, so no edit of this import breaks the cycle: keep that order (the module changes its package "
            f"while it is imported), and {SUPPRESS}{later}"
        )
    if _inside(e["from"], target):
        # The package started first and does not run again: importing the submodules as
        # modules removes this import of the package, the reported cycle's own edge
        # (volatility3's ``interfaces/automagic.py`` reading ``interfaces.configuration``).
        return (
            f"{hint} cannot move into a function: {why}; break this cycle by importing {'it' if one else 'them'} as "
            f"module{'' if one else 's'} (`from {target} import {', '.join(early.submodules)}`) instead of reading "
            f"{'it' if one else 'them'} off the package, which removes this import of {target}; "
            f"{'it leads' if one else 'they lead'} back to {e['from']} too, so the cycles through "
            f"{'it' if one else 'them'} stay until {'its' if one else 'their'} imports that lead back move into the "
            f"functions that use them{later}"
        )
    return (
        f"{hint} cannot move into a function: {why}, which lead{'s' if one else ''} back to {e['from']} too: break it "
        f"in {'it' if one else 'them'}, by moving {'its' if one else 'their'} imports that lead back into the "
        f"functions that use them{later}"
    )


# What the import system sets on a module before its code runs: reading them off a
# package that is still being initialised never fails.
_IMPORT_SYSTEM = frozenset({"__path__", "__file__", "__name__", "__spec__", "__loader__", "__package__", "__cached__"})


def _packages_of(module: str) -> Iterator[str]:
    """``a`` and ``a.b`` for ``a.b.c``: the packages importing it runs first."""
    dot = module.find(".")
    while dot >= 0:
        yield module[:dot]
        dot = module.find(".", dot + 1)


def _taken_before(other: list[tuple[str, str, int | None]], way: list[tuple[str, str, int | None]]) -> bool:
    """Whether the way back ``other`` leaves the module where it parts from ``way`` by an
    earlier unconditional import: both go through the same modules up to there, then the
    same module imports two modules, ``other``'s first. The interpreter takes ``other``."""
    for (a, b, line), (c, d, other_line) in zip(way, other):
        if a != c:
            return False
        if b != d:
            return line is not None and other_line is not None and other_line < line
    return False


def _rotated(cycle: list[str]) -> tuple[str, ...]:
    """A cycle from its alphabetically first module, as cycles are reported."""
    i = cycle.index(min(cycle))
    return tuple(cycle[i:] + cycle[:i])


class _Runs:
    """The modules importing one runs first, as a successor map over the whole project:
    what it imports, and the packages of those, whose ``__init__`` runs first."""

    def __init__(self, successors: dict[str, list[str]] | dict[str, set[str]], modules: object) -> None:
        self._successors = successors
        self._modules = modules
        self._found: dict[str, list[str]] = {}

    def get(self, u: str, default: object = ()) -> list[str]:
        found = self._found.get(u)
        if found is None:
            seen: dict[str, None] = {}  # in order, each once
            for w in self._successors.get(u, ()):
                for p in (*_packages_of(w), w):
                    if p not in seen and p != u and p in self._modules and not _inside(u, p):
                        seen[p] = None
            found = self._found[u] = list(seen)
        return found


def _unconditional(rec: ImportRecord) -> bool:
    """The import statement runs whenever its module's top level runs: in no block, not
    guarded, not for type checkers. That Python 2 reads it relative to its package
    (``CTX_IMPLICIT_RELATIVE``: zenoss' ``from process import *`` in a package ``__init__``)
    is no condition."""
    return not rec.context & ~CTX_IMPLICIT_RELATIVE


def _inside(module: str, package: str) -> bool:
    """``module`` is in ``package`` (so the package started before it did)."""
    return module.startswith(package + ".")


def _first_import(imports: list[EdgeImport], include_tc: bool) -> EdgeImport:
    return next((i for i in imports if i.runtime or (include_tc and i.type_checking)), imports[0])


_TIE_BREAK = 1e-7
# What each place that spells an import's names adds to its weight, up to a bound: less
# in all than the smallest step between costs (see ``_Cycles._spread``).
_PER_MENTION = 1e-4
_MAX_SPREAD = 2_000


class _Importers:
    """How other first-party modules reach a module's names, built on first use (only a
    project with a cycle pays for it): the names they import from it with
    ``from M import x`` (or through ``*``), and whether any holds the module object."""

    def __init__(self, project: Project) -> None:
        self.project = project

    @cached_property
    def _index(self) -> tuple[dict[str, set[str]], set[str], dict[str, set[str]], dict[str, set[str]]]:
        names: dict[str, set[str]] = defaultdict(set)
        objects: set[str] = set()
        product: dict[str, set[str]] = defaultdict(set)  # the names production code imports
        typing: dict[str, set[str]] = defaultdict(set)  # ... under ``if TYPE_CHECKING:``
        for f, rec, absolute in self.project.first_party_imports:
            if absolute is None:
                continue
            if not rec.is_from:
                objects.add(absolute)  # ``import a.b.c`` also reaches a.b as an attribute
                parts = absolute.split(".")
                objects.update(".".join(parts[:i]) for i in range(1, len(parts)))
                continue
            for name, _ in rec.names:
                names[absolute].add(name)
                objects.add(f"{absolute}.{name}")
                if not f.is_test:
                    (typing if rec.context & CTX_TYPE_CHECKING else product)[absolute].add(name)
        return names, objects, product, typing

    @cached_property
    def _tests(self) -> dict[tuple[str, str], list[str]]:
        """(module, name) -> the test files that import the name from the module, or hold
        the module and read the name off it (``from wandb.apis import internal``, then
        ``internal.InternalApi()``). Built only when a message asks (a history, which gives
        no advice, never does)."""
        tests: dict[tuple[str, str], list[str]] = defaultdict(list)
        modules = self.project.modules
        for f in self.project.files:
            if not f.is_test:
                continue
            reads = dict(f.summary.attribute_reads) if f.summary.attribute_reads else {}
            for rec, absolute in zip(f.summary.imports, f.absolutes):
                if absolute is None:
                    continue
                if rec.is_from:
                    for name, _ in rec.names:
                        tests[absolute, name].append(f.path)
                if not reads or rec.context & CTX_FUNCTION:
                    continue
                if rec.is_from:
                    held = [(alias or name, f"{absolute}.{name}") for name, alias in rec.names]
                else:
                    held = [(rec.asname or absolute, absolute)] if rec.asname or "." not in absolute else []
                for bound, module in held:
                    if module in modules:
                        for attribute in reads.get(bound, ()):
                            tests[module, attribute].append(f.path)
        return tests

    def imported_from(self, module: str) -> set[str]:
        return self._index[0].get(module, set())

    def imported_by_product(self, module: str) -> set[str]:
        """The names production modules import from ``module`` at run time (test code,
        and imports only type checkers read, left out)."""
        return self._index[2].get(module, set())

    def imported_for_typing(self, module: str) -> set[str]:
        """The names production modules import from ``module`` only under ``if
        TYPE_CHECKING:``: there for type checkers, which still see them there if the
        module's own import of them moves under ``TYPE_CHECKING`` too."""
        return self._index[3].get(module, set()) - self.imported_by_product(module)

    def test_importers(self, module: str, name: str) -> list[str]:
        """The test files that import ``name`` from ``module``, or read it off the module."""
        return sorted(set(self._tests.get((module, name), ())))

    def held_as_object(self, module: str) -> bool:
        return module in self._index[1]


def _bound_names(imp: EdgeImport) -> list[str]:
    rec = imp.record
    if rec.is_from:
        return [alias or name for name, alias in rec.names]
    return [rec.asname or rec.module.split(".")[0]]


def _needed_at_import(summary: FileSummary, names: set[str]) -> bool:
    """What the summary already shows of a name used while the module is imported: a base
    or metaclass of a class outside every function, or a module-level alias of it. (Other
    such uses, a decorator or a default value, are found by the codemod, which then
    declines.)"""

    def uses(dotted: str | None) -> bool:
        return dotted is not None and dotted.partition(".")[0] in names

    for c in summary.classes:
        if not c.context & CTX_FUNCTION and (any(uses(b) for b in c.bases) or uses(c.metaclass)):
            return True
    return any(uses(target) for _, target in summary.aliases)


def _defer(project: Project, importers: _Importers, module: str, imports: list[EdgeImport], include_tc: bool) -> Fix | None:
    """Moving the edge's import statements into the functions that use their names (or
    under TYPE_CHECKING), when the model allows it: each runs unconditionally at module
    level (not under ``try``/``if``), binds plain names (no star), and no other module
    imports those names from this one (nor does its ``__all__`` list them), since they
    would no longer be there. The codemod then proves the uses from the file's scopes.
    Unsafe when another module holds this one as a module object (it might read a moved
    name as an attribute, which ssotlint cannot see)."""
    if include_tc and any(i.type_checking for i in imports):
        return None
    moving = [i for i in imports if i.runtime]
    if not moving or any(i.record.context for i in moving):
        return None
    kept = set(project.modules[module].summary.runtime_noqa)
    if any(i.line in kept for i in moving):
        return None  # `# noqa: TC001`: kept at runtime on purpose, not for a fix to move
    if any(i.record.is_from and i.record.names[0][0] == "*" for i in moving):
        return None
    names = {n for i in moving for n in _bound_names(i)}
    if _needed_at_import(project.modules[module].summary, names):
        return None
    taken = importers.imported_from(module)
    exported = project.modules[module].summary.all_names or ()
    if names & taken or names & set(exported) or ("*" in taken and any(not n.startswith("_") for n in names)):
        return None
    statements = [
        {"line": i.line, "level": i.record.level, "module": i.record.module, "is_from": i.record.is_from,
         "names": [n for n, _ in i.record.names]}
        for i in sorted(moving, key=lambda i: i.line)
    ]
    spelled = "; ".join(f"`{describe(i.record)}`" for i in sorted(moving, key=lambda i: i.line))
    return Fix(
        "defer-import",
        safe=not importers.held_as_object(module),
        description=f"move {spelled} into the functions that use it (or under `if TYPE_CHECKING:`)",
        args={"statements": statements},
    )


def check(project: Project) -> Iterator[Violation]:
    cycles = _Cycles(project)
    data = project.test_data
    explicit: dict[str, int] = {}
    for n, component in enumerate(components(cycles.successors)):
        explicit.update(dict.fromkeys(component, n))
        if data and all(project.modules[m].path in data for m in component):
            continue  # test data (see ``Project.test_data``): no module that runs imports it
        yield from cycles.violations(component)
    yield from cycles.through_packages(explicit, data)


def unchanged(change: Change, since: Since) -> bool:
    """No cycle can have appeared, gone or moved: every module whose edges changed was in
    no cycle, and none of its imports now leads back to a changed module. (A new cycle
    needs a new edge, out of a changed module, and a way back to one, through the edges
    that did not change, which the previous reachability knows.) Packages run before their
    modules, which the reachability folds in: a changed package is checked again. So is a
    changed module whose imports lead into a cycle through which a package's run enters
    it (``ImportRuns``): the cycle's modules are inside that package, which reaches the
    changed module, so its imports lead back to it."""
    reach, changed = since.reach, since.changed
    if change.project.config.type_checking_imports == "include":
        return False
    if change.before.rebound != change.project.rebound:
        return False  # which attributes are read off a module for the object set last: the advice's weights
    if change.before.test_data != change.project.test_data:
        return False  # a cycle of test data is not reported: one may have become code, or data
    if change.before.django_setup != change.project.django_setup:
        return False  # which runs a framework's set-up allows (model/django_setup.py)
    if not changed:
        return True
    if not changed.isdisjoint(change.before.packages) or not changed.isdisjoint(change.project.packages):
        return False
    mask = reach.mask(changed)
    edges = change.project.import_edges
    for module in changed:
        if reach.reaches_any(module, reach.mask([module]), itself=True):
            return False  # it was in a cycle
        for target, statements in edges.get(module, {}).items():
            if any(s.runtime for s in statements) and (target in changed or reach.reaches_any(target, mask, itself=True)):
                return False
        now = edges.get(module, {})
        for target, statements in change.before.edges.get(module, {}).items():
            if target not in now and any(s.runtime for s in statements) and reach.reaches_any(target, reach.mask([target]), itself=True):
                return False  # a module of a cycle lost an importer: whether its importer registers it (``registers``)
    return True


class _Cycles:
    """The cycles of one project's import graph, reported component by component."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.include_tc = project.config.type_checking_imports == "include"
        self.edges = project.import_edges
        self.successors = cycle_successors(self.edges, self.include_tc)
        self.importers = _Importers(project)
        self.proposed: set[tuple[str, str]] = set()  # one fix per edge: the first cycle through it
        self.members: frozenset[str] = frozenset()  # the component being reported
        self._facts: dict[tuple[str, str], _EdgeFacts] = {}
        self._harmless: dict[tuple[str, str], bool] = {}
        self.failing: frozenset[tuple[str, str]] = frozenset()  # the component's imports that can fail
        self._reached_above: dict[tuple[str, int], frozenset[str]] = {}
        self._first_lines: dict[tuple[str, str, frozenset[tuple[str, str]]], int | None] = {}
        self._package_hits: dict[tuple[str, str, frozenset[tuple[str, str]]], bool] = {}  # see ``_package_runs``
        self._statements: dict[str, Statements] = {}  # see ``_run_statements``
        self._caught: dict[str, frozenset[int]] = {}  # see ``_caught_lines``

    @cached_property
    def pinned(self) -> frozenset[str]:
        """The modules that look names up in their own namespace by computed name
        (``FileSummary.namespace_lookups``): advice never moves their definitions out."""
        return frozenset(m for m, f in self.project.modules.items() if f.summary.namespace_lookups)

    def edge_info(self, u: str, v: str) -> dict:
        imp = _first_import(self.edges[u][v], self.include_tc)
        return {"from": u, "to": v, "path": self.project.modules[u].path, "line": imp.line, "import": imp.text}

    def weight(self, u: str, v: str) -> float:
        # Fewer statements are cheaper to move, and statements a function can take (or
        # whose names can come from the modules that define them) cheaper than the rest;
        # among equally cheap edges, the one out of the alphabetically earlier module: a
        # cycle is reported on the import that leaves its first module, so the reported
        # import is the one to move, and its fix is in the finding's own file. (The
        # tie-break adds less than 1 to any sum of weights.)
        if _loads_own_submodule(u, v):
            return len(self.edges[u][v]) + _OWN_SUBMODULE
        generated = _GENERATED if self.project.modules[u].summary.generated else 0.0
        cost = _COST_REGISTRATION if self._bottom_unread(u, v) and self._reads_module(u, v) != USE_IMPORT_TIME else self.facts(u, v).cost
        spread = self._spread(u, v) if cost == _COST_MOVABLE else 0.0
        return len(self.edges[u][v]) * cost + generated + spread + (_TIE_BREAK if u > v else 0.0)

    def _spread(self, u: str, v: str) -> float:
        """A little more for an import whose names the file spells in more places: between
        two imports equally cheap to move into the functions that use them, the one a single
        function uses is the smaller change (cloud-init's ``util.py`` reads ``net`` in one function, while
        ``net/__init__.py`` reads ``util`` all over). Less than any step of cost."""
        importer = self.project.modules[u]
        mentions = dict(importer.summary.import_mentions)
        if not mentions:
            return 0.0
        count = 0
        for statement in self.edges[u][v]:
            rec = statement.record
            if rec.is_from:
                # ``from cloudinit import net, util``: only the name that binds ``v`` moves
                # for this edge (another name is another edge's); all of them when the
                # statement imports names from ``v`` itself.
                source = self.project.absolute(importer, rec)
                names = [alias or name for name, alias in rec.names if f"{source}.{name}" == v]
                names = names or [alias or name for name, alias in rec.names]
            else:  # ``import a.b.c`` is spelt whole where it is used (see ``import_mentions``)
                names = [rec.asname or (rec.module if rec.module in mentions else rec.module.partition(".")[0])]
            count += sum(mentions.get(name, 0) for name in names)
        return min(count, _MAX_SPREAD) * _PER_MENTION

    def _needed_elsewhere(
        self, u: str, v: str, facts: _EdgeFacts, removed: set[tuple[str, str]], strict: bool,
    ) -> dict[str, list[tuple[str, str]]]:
        """For statements whose names needed at import time all come from modules outside
        the component that ``v`` only imports them from (nipype's ``from ... import config,
        __version__``: the package's ``__init__`` imports ``__version__`` from its
        ``_version.py``), while other names stay with ``v``: each such module and the names
        to import from it (name as imported, name there). Empty when any needed name is
        ``v``'s own, not known, or its home leads back to ``u``."""
        if facts.held or facts.star or facts.movable or not facts.needed or not facts.defined:
            return {}
        defined = dict(facts.defined)
        homes: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for name in facts.needed:
            where = defined.get(name)
            if where is None or where[0] == v or where[0] in self.members:
                return {}
            homes[where[0]].append((name, where[1]))
        read = {home: tuple(original for _, original in names) for home, names in homes.items()}
        if any(self.runs_back(home, u, removed, names, strict) for home, names in read.items()):
            return {}
        return dict(homes)

    def registration(self, u: str, v: str) -> bool:
        """Whether ``u`` imports ``v`` only for what importing it does, at its bottom (see
        :meth:`_bottom_unread`), and no code of ``u`` reads ``v`` through another import's
        name (``app.events.on_insert`` after ``import app``, for ``from app import events``):
        moving the statement out of the module then changes nothing the module reads."""
        return self._bottom_unread(u, v) and self._reads_module(u, v) == USE_NONE

    def read_later(self, u: str, v: str) -> bool:
        """Whether the statement is such a bottom import, but functions of ``u`` (and no code
        that runs while it is imported) read ``v`` through another import's name: they find
        it only once something has imported it, so the import goes into them."""
        return self._bottom_unread(u, v) and self._reads_module(u, v) == USE_CALL

    def _reads_module(self, u: str, v: str) -> int:
        """How ``u``'s code reads module ``v`` through dotted paths off its imports' names
        (``FileSummary.dotted_reads``): ``USE_NONE``, ``USE_CALL`` (only in functions) or
        ``USE_IMPORT_TIME``."""
        found = USE_NONE
        for path, use in self.project.modules[u].summary.dotted_reads:
            if use <= found:
                continue
            resolved = self.project.bound_path(u, path)
            if resolved is not None and (resolved == v or resolved.startswith(v + ".")):
                found = use
        return found

    def _reading_paths(self, u: str, v: str) -> list[str]:
        """The dotted paths by which ``u``'s code reads ``v`` (see :meth:`_reads_module`)."""
        found = []
        for path, _ in self.project.modules[u].summary.dotted_reads:
            resolved = self.project.bound_path(u, path)
            if resolved is not None and (resolved == v or resolved.startswith(v + ".")):
                found.append(path)
        return found

    def _bottom_unread(self, u: str, v: str) -> bool:
        """Whether ``u`` imports ``v`` by a statement whose names nothing reads, at its bottom:
        one module-level statement (under a module-level ``if`` at most: CAPEv2's ``if
        repconf.mongodb.enabled: from . import mongo_hooks``) whose names nothing reads nor imports
        from ``u`` (``import faraday.server.events  # noqa F401`` in ``models.py``, so that
        the listeners ``events`` defines for the models are registered), below every class
        and every other import of ``u``, which defines a class or function. ``u`` is no package ``__init__`` (whose bottom
        imports make its submodules its attributes) and ``v`` no package ``u`` is inside
        of. The registered module needs ``u``'s definitions; ``u`` needs nothing of it."""
        importer = self.project.modules[u]
        statements = [i for i in self.edges[u][v] if i.runtime or (self.include_tc and i.type_checking)]
        if len(statements) != 1 or u in self.project.packages or _loads_own_submodule(v, u):
            return False
        imp = statements[0]
        summary = importer.summary
        if imp.record.context not in (0, CTX_CONDITIONAL) or (imp.record.is_from and imp.record.names[0][0] == "*"):
            return False
        if any(c.top_level and c.line > imp.line for c in summary.classes):
            return False
        rec = imp.record
        if rec.is_from and not all(f"{self.project.absolute(importer, rec)}.{name}" == v for name, _ in rec.names):
            return False  # it imports names of the module, not the module (``from m.visitor import TypeTranslator``)
        if not summary.functions and not any(c.top_level for c in summary.classes):
            return False  # nothing defined above it to register (CPython's import-cycle test data)
        if any(rec.line > imp.line for rec in summary.imports):
            return False
        facts = self.facts(u, v)
        return facts.kind == _Kind.UNUSED and facts.whole == _Kind.UNUSED

    def facts(self, u: str, v: str) -> _EdgeFacts:
        """What the edge's import-time statements are to ``u`` (see :class:`_EdgeFacts`)."""
        found = self._facts.get((u, v))
        if found is None:
            found = self._facts[(u, v)] = self._edge_facts(u, v)
        return found

    def _edge_facts(self, u: str, v: str) -> _EdgeFacts:
        importer = self.project.modules[u]
        statements = [i for i in self.edges[u][v] if i.runtime or (self.include_tc and i.type_checking)]
        every: list[int] | None = []  # the uses of every name the statements bind
        mine: list[tuple[str, int]] = []  # of the names that load ``v``
        reader = _annotation_reader(importer.summary)
        resolved: list[str] = []  # names used only in annotations that ``reader`` may resolve
        public = self._reexported(importer)
        # Names other modules import from u only for type checkers (discord.py's
        # ``message.py`` taking ``MessageInteractionMetadata`` from ``types/message.py``
        # under ``TYPE_CHECKING``): they may move under ``TYPE_CHECKING``, not into functions.
        typing = self.importers.imported_for_typing(u) - public if u else frozenset()
        # The names that load ``v`` and must stay bound at module level: others import them from u.
        kept = [n for imp in statements for n in _bound_names(imp) if n in public and n in self._loading(importer, imp, v)]
        shared: list[str] = []  # of them, those no code reads while the module is imported
        evaluated = dict(importer.summary.evaluated_annotations)
        later: list[int] = []  # the uses of every name were the annotations postponed
        for imp in statements:
            found = _statement_uses(importer.summary, imp)
            relevant = self._loading(importer, imp, v)
            if found is None:
                every = None
                break
            bound = _bound_names(imp)
            shared.extend(
                n for n, use in zip(bound, found)
                if (use in (USE_CALL, USE_ANNOTATION) and n in public) or (use == USE_CALL and n in typing)
            )
            found = [
                USE_IMPORT_TIME if n in shared else USE_ANNOTATION if use == USE_NONE and n in typing else use
                for n, use in zip(bound, found)
            ]
            if reader:  # annotations read at run time: the names are needed then
                resolved.extend(n for n, use in zip(_bound_names(imp), found) if use == USE_ANNOTATION)
                found = [USE_IMPORT_TIME if use == USE_ANNOTATION else use for use in found]
            every.extend(found)
            later.extend(evaluated.get(n, use) if use == USE_IMPORT_TIME and n not in public else use for n, use in zip(bound, found))
            mine.extend((n, use) for n, use in zip(_bound_names(imp), found) if n in relevant)
        if every is None:
            # How it uses them is not known, but a re-exported name stays at module level.
            kind = whole = _Kind.NEEDED if kept else _Kind.UNKNOWN
            mine = [(n, USE_IMPORT_TIME) for n in dict.fromkeys(kept)]
        else:
            kind, whole = _kind([use for _, use in mine]), _kind(every)
        needed = tuple(dict.fromkeys(n for n, use in mine if use == USE_IMPORT_TIME and n != "*"))
        names = self._imported_names(importer, statements, v)
        # `import pkg as p` / `from parent import pkg` in pkg's own submodule: the package
        # re-exports what the submodule reads of it, from modules that may be outside the cycle.
        own_package = v in self.project.packages and _loads_own_submodule(v, u)
        held = None if names is not None or not own_package else self._attributes_read(importer, statements, v)
        if held is not None:  # `import pkg as p` / `from parent import pkg`: what it reads of p
            names = self._read_of(u, v, held)
        defined = {name: _defined_in(self.project, v, name) for name in names or ()}
        rebound = self._rebound(v, defined) if held is not None else ()
        defined.update((name, None) for name, _ in rebound)
        own = tuple(n for n, where in defined.items() if where is not None and where[0] == v)
        outside = names and all(
            where is not None and where[0] != v and where[0] not in self.members for where in defined.values()
        ) and not any(
            self.runs_back(home, u, frozenset(), read, self.harmless(u, v)) for home, read in _by_home(defined).items()
        )
        reroute = tuple((n, defined[n]) for n in names) if outside else ()
        star = any(i.record.is_from and i.record.names[0][0] == "*" for i in statements)
        loading = tuple(dict.fromkeys(n for n, _ in mine))
        exported = self.importers.imported_from(u)  # a name read by nothing here may be a re-export
        rest = tuple(dict.fromkeys(
            (n, _REEXPORTED if use == USE_NONE and n in exported else use) for n, use in mine if n not in needed and n != "*"
        ))
        return _EdgeFacts(
            kind, needed, reroute, own, tuple(defined.items()), whole, star, loading, tuple(held or ()),  # type: ignore[arg-type]
            rest if needed else (), self._outside(u, v), (reader, tuple(n for n in needed if n in resolved)) if reader else ("", ()),
            tuple(n for n in needed if n in (shared if every is not None else kept)), every is None,
            postponed=_postponed_kind(whole, later, star or bool(reader)), rebound=rebound,
            registers=self.registers(u, v) if kind in _MOVABLE and every is not None else "",
            needed_own=self._needed_own(importer, statements, v, needed),
        )

    def _needed_own(self, importer: SourceFile, statements: list[EdgeImport], v: str, needed: tuple[str, ...]) -> tuple[str, ...]:
        """Of ``needed``, the names the statements' ``from v import`` take that ``v``'s own
        statements define (see ``_EdgeFacts.needed_own``)."""
        taken = {
            bound: name for imp in statements if imp.record.is_from and self.project.absolute(importer, imp.record) == v
            for (name, _), bound in zip(imp.record.names, _bound_names(imp)) if name != "*"
        }
        return tuple(
            n for n in needed if n in taken and (_defined_in(self.project, v, taken[n]) or ("", ""))[0] == v
        )

    def registers(self, u: str, v: str) -> str:
        """A decorator of a module-level function or class of ``v`` that calls a method of an
        object ``v`` imports by name from a first-party module (pagure's ``filters.py``:
        ``@UI_NS.app_template_filter("humanize")``, ``UI_NS`` from ``pagure.ui``): importing
        ``v`` registers what it defines on that object. When ``u`` is the only module that
        imports ``v`` while it is imported, that import is what registers them, though a
        function of ``u`` also reads ``v``: moving it into that function would leave them
        unregistered until it runs. ``""`` otherwise."""
        target = self.project.modules.get(v)
        if target is None or not target.summary.module_decorators:
            return ""
        bindings = self.project.bindings(v)
        found = ""
        for decorator in target.summary.module_decorators:
            binding = bindings.get(decorator.partition(".")[0])
            if binding is None or binding.kind != "from" or binding.typing_only:
                continue
            source, _, name = binding.target.partition(":")
            if source in self.project.modules and not self.project.module_exists(f"{source}.{name}"):
                found = decorator
                break
        if not found or any(w != u and self._imports_at_run_time(w, v) for w in self._importers_of(v)):
            return ""
        return found

    def _imports_at_run_time(self, w: str, v: str) -> bool:
        return any(i.runtime for i in self.edges.get(w, {}).get(v, ()))

    def _importers_of(self, v: str) -> list[str]:
        """The first-party modules with an import of ``v`` (built once, on first use)."""
        index = self.__dict__.get("_importer_index")
        if index is None:
            index = defaultdict(list)
            for w, targets in self.edges.items():
                for t in targets:
                    index[t].append(w)
            self.__dict__["_importer_index"] = index
        return index.get(v, [])

    def _rebound(self, v: str, defined: dict[str, tuple[str, str] | None]) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """Of the attributes read off module ``v`` (``defined``'s names), those other
        first-party modules set while the program runs, each with the modules that do
        (holoviews' ``ipython/__init__.py`` sets ``hv.archive = notebook_archive``, and
        ``display_hooks.py`` reads ``hv.archive`` for that object): the name is not to be
        imported from the module that first defines it."""
        pairs = self.project.rebound.get(v)
        if not pairs:
            return ()
        setters: dict[str, list[str]] = defaultdict(list)
        for setter, attribute in sorted(pairs):
            if attribute in defined and defined[attribute] is not None:
                setters[attribute].append(setter)
        return tuple((name, tuple(setters[name])) for name in defined if name in setters)

    def _reexported(self, importer: SourceFile) -> frozenset[str]:
        """The names a module binds for other modules to import from it: those its literal
        ``__all__`` lists, those it imports as themselves (``from .a import X as X``, the
        explicit re-export), and those other first-party production modules import from it
        by name. An import of such a name cannot move into a function (nor under
        ``TYPE_CHECKING``): the name would be gone from the module (zarr's
        ``api/asynchronous.py``, whose ``__all__`` lists ``create_hierarchy``). A name only
        tests import from it does not pin the import (wandb's ``apis/internal.py`` binding
        ``InternalApi``, which one test imports from there): the tests can import it from
        where it is defined, and the message says so (:meth:`_tests_note`)."""
        summary = importer.summary
        found = set(summary.all_names or ())
        for rec in summary.imports:
            if rec.is_from and not rec.context & NOT_AT_IMPORT_TIME:
                found.update(name for name, alias in rec.names if alias == name)
        if importer.module:
            found |= self.importers.imported_by_product(importer.module)
        found.discard("*")
        return frozenset(found)

    def _outside(self, u: str, v: str) -> str:
        """The outermost package of ``v`` in the cycle's component that ``u`` is not inside
        of: importing from it runs its ``__init__``, so a definition moved out of ``v`` must
        leave it too."""
        return next((p for p in (*_packages_of(v), v) if p in self.members and p in self.project.packages and not _inside(u, p) and p != u), "")

    def _loading(self, importer: SourceFile, imp: EdgeImport, v: str) -> set[str]:
        """The names of a statement that load module ``v``: of ``from p import a, sub``
        the edge to ``p`` is ``a``'s, the edge to ``p.sub`` is ``sub``'s."""
        rec = imp.record
        if not rec.is_from:
            return set(_bound_names(imp))
        absolute = self.project.absolute(importer, rec)
        children = self.project.submodules.get(absolute or "", set())
        inside = _inside(importer.module or "", absolute or "")
        found = {
            alias or name
            for name, alias in rec.names
            if (f"{absolute}.{name}" if name in children else absolute) == v
            # A submodule nothing is known of (a compiled extension) loads itself alone
            # from inside its package (see model/graph.py).
            and not (inside and name not in children and name != "*" and self.project.has_submodule(absolute or "", name))
        }
        # What the import system binds before the module runs (ProDy's `from prody import
        # LOGGER, __path__`) is there in any order: the statement's other names hold it.
        others = found - {alias or name for name, alias in rec.names if name in MODULE_ATTRIBUTES}
        return others or found

    def advice(self, e: dict, removed: set[tuple[str, str]]) -> str:
        """``_edge_advice`` for one suggested edge. Its names may also come from defining
        modules inside the component, when none of them runs the importer again once the
        suggested edges are gone (``removed``; see :meth:`runs_back`): the new import
        closes no cycle then. Only imports a function can take, or whose names can come
        from elsewhere, count as gone: one whose names are needed at import time (or read
        by nothing) stays until definitions move, which may never happen (numba's
        ``cuda/intrinsics.py`` needs the package object ``cuda`` itself, so its import of
        ``numba.cuda`` stays, and ``dispatcher.py`` is not told to import ``grid`` from it)."""
        u, v = e["from"], e["to"]
        facts = self.facts(u, v)
        removed = {a for a in removed if a == (u, v) or self.light(*a)}
        reroute = self._reroute(u, v, removed)
        strict = self.harmless(u, v)
        statements = [i for i in self.edges[u][v] if i.runtime or (self.include_tc and i.type_checking)]
        hint = " and ".join(f"{e['path']}:{i.line} `{i.text}`" for i in sorted(statements, key=lambda i: i.line))
        hint = hint or f"{e['path']}:{e['line']} `{e['import']}`"
        back = frozenset(
            home for home, read in _by_home(dict(facts.defined)).items()
            if home != v and self.runs_back(home, u, removed, read, strict)
        ) if facts.held and not reroute else frozenset()
        early = self.early(u, v, facts, removed) if facts.held and not facts.movable else None
        elsewhere = self._needed_elsewhere(u, v, facts, removed, strict) if not reroute else {}
        if elsewhere:
            sources = " and ".join(
                f"{', '.join(f'`{n}`' if n == original else f'`{original}` (as `{n}`)' for n, original in names)} from {home}"
                for home, names in elsewhere.items()
            )
            one = len(facts.needed) == 1
            text = (
                f"break it by importing {sources} in {hint}, where {'it is' if one else 'they are'} defined, not from "
                f"{v}, which only imports {'it' if one else 'them'}: {e['path']} needs {'it' if one else 'them'} while "
                f"it is imported{_rest_note(facts, e)}"
            )
        elif self.registration(u, v):
            init = self._importing_init(u)
            where = f"into {init}, below its import of {u}" if init else f"to where the program starts (after it imports {u})"
            text = (
                f"break it by moving {hint} out of {e['path']}, {where}: it sits below the module's classes and "
                f"imports and nothing in {e['path']} reads its names, so it is there for what importing {v} does "
                f"(registering what {u} defines), which works as well from there"
            )
            if init:
                text += f" (importing anything in the package runs {init} first: the registration happens in every import order)"
        elif self.read_later(u, v):
            paths = self._reading_paths(u, v)
            shown = ", ".join(f"`{p}`" for p in paths[:3]) + (" ..." if len(paths) > 3 else "")
            text = (
                f"break it by importing {v} inside the functions of {e['path']} that read it (as {shown}) instead of "
                f"at {hint}: nothing reads the names that statement binds, and those functions find {v} only once "
                f"it is imported; if it is also there for what importing {v} does (registering what {u} defines), "
                f"import it where the program starts too (after it imports {u})"
            )
        elif facts.movable and not reroute and (alternatives := self._alternatives(u, v)):
            # Not for ``try: ... except ImportError:``: a wrapper would fail when called, not
            # while the module is imported, and the fallback would never be chosen.
            guarded = any(i.record.context & CTX_GUARDED for i in statements)
            text = _alternative_advice(e, hint, alternatives, self._functions(facts, alternatives) and not guarded)
        else:
            text = _edge_advice(
                e, facts, reroute, hint, v in self.project.packages, self.harmless(u, v), back, early, self.pinned,
            )
        text += _rebound_note(e, facts)
        text += _annotations_note(self.project.modules[u].summary, statements, e["path"], text)
        text += self._tests_note(u, v, statements, text)
        if self.project.modules[u].summary.generated:
            text += (
                f" ({e['path']} says a generator wrote it: an edit there is lost at its next run, so make the "
                f"change in what generates it)"
            )
        kept = set(self.project.modules[u].summary.runtime_noqa)
        marked = [i for i in statements if i.line in kept]
        if marked and "TYPE_CHECKING" in text:
            text += (
                f" ({e['path']}:{marked[0].line} carries a `# noqa` for a type-checking-import code: it is kept "
                f"at runtime on purpose, so check why before moving it)"
            )
        explained = set(self.project.modules[u].summary.explained_imports)
        said = [i for i in statements if i.line in explained]
        if said and not marked and _moves_statement(text, e["path"], said[0].line):
            text += (
                f" (a comment above {e['path']}:{said[0].line} says why it is imported there, as it is: read it "
                f"before moving it)"
            )
        return text

    def _tests_binding(self, u: str, statements: list[EdgeImport]) -> dict[str, list[str]]:
        """The names the statements bind that test files import from ``u``, with those files."""
        found: dict[str, list[str]] = {}
        for imp in statements:
            for name in _bound_names(imp):
                paths = self.importers.test_importers(u, name)
                if paths and name not in found:
                    found[name] = paths
        return found

    def _tests_note(self, u: str, v: str, statements: list[EdgeImport], text: str) -> str:
        """When the advice moves the statements off module level, the tests that import one
        of their names from ``u`` (which :meth:`_reexported` does not let pin the import):
        they must import it from ``v`` instead, or they fail once it moves."""
        if not self.project.advice or ("into the function" not in text and "TYPE_CHECKING" not in text):
            return ""  # (a history gives no advice: its index of the tests is never built)
        found = self._tests_binding(u, statements)
        if not found:
            return ""
        names = {alias or name: name for imp in statements if imp.record.is_from for name, alias in imp.record.names}
        parts = []
        for bound, paths in found.items():
            shown = ", ".join(paths[:2]) + (f" and {len(paths) - 2} more" if len(paths) > 2 else "")
            original = names.get(bound, bound)
            spelled = f"`{original}`" if original == bound else f"`{original}` (as `{bound}`)"
            parts.append(f"{shown} use `{bound}` from {u}: import {spelled} from {v} there")
        return f" (tests rely on it: {'; '.join(parts)}, or they fail once it moves)"

    def _importing_init(self, u: str) -> str:
        """The ``__init__`` of ``u``'s package, when it imports ``u`` unconditionally while it
        is imported (angr's ``mcp/__init__.py`` imports ``.server``, whose bottom import of
        ``edit_tools`` registers tools on the server): a registration moved there runs
        whenever anything imports the package, not only where a program starts (an API user
        who calls ``create_server`` gets the tools too); ``""`` otherwise."""
        package = u.rpartition(".")[0]
        if package not in self.project.packages or package not in self.project.modules:
            return ""
        statements = self.edges.get(package, {}).get(u, ())
        if not any(i.runtime and _unconditional(i.record) for i in statements):
            return ""
        return self.project.modules[package].path

    def _alternatives(self, u: str, v: str) -> list[str]:
        """The names the edge's import binds under an ``if`` or ``try`` at module level that
        ``u`` also defines itself, in another branch or as the fallback (click's
        ``_compat.py``: ``if WIN: from ._winconsole import _get_windows_console_stream``,
        ``else: def _get_windows_console_stream(...)``): the import is one of two
        definitions of the name, chosen while the module is imported."""
        summary = self.project.modules[u].summary
        own = {*summary.functions, *summary.assigned, *(c.name for c in summary.classes if c.top_level)}
        statements = [i for i in self.edges[u][v] if i.runtime or (self.include_tc and i.type_checking)]
        if not statements or not all(i.record.context & (CTX_CONDITIONAL | CTX_GUARDED) for i in statements):
            return []
        importer = self.project.modules[u]
        bound = [n for i in statements for n in sorted(self._loading(importer, i, v))]
        return [n for n in dict.fromkeys(bound) if n in own]

    def _functions(self, facts: _EdgeFacts, names: list[str]) -> bool:
        """Whether each of ``names`` is a function where it is defined (``facts.defined``):
        a function defined in the branch instead, that imports it when called, stands in
        for it."""
        defined = dict(facts.defined)
        for name in names:
            where = defined.get(name)
            if where is None or where[0] not in self.project.modules:
                return False
            if where[1] not in self.project.modules[where[0]].summary.functions:
                return False
        return True

    def _reroute(self, u: str, v: str, removed: set[tuple[str, str]]) -> tuple[tuple[str, tuple[str, str]], ...]:
        """The names of the edge and where each is defined, when every one can come from there
        once the ``removed`` edges are gone (see :meth:`advice`); empty otherwise."""
        facts = self.facts(u, v)
        if facts.reroute:
            return facts.reroute
        homes = {where[0] if where else None for _, where in facts.defined}
        if facts.defined and None not in homes and v not in homes:
            strict = self.harmless(u, v)
            if not any(self.runs_back(home, u, removed, read, strict) for home, read in _by_home(dict(facts.defined)).items()):
                return facts.defined  # type: ignore[return-value]
        return ()

    def _moves_definitions(self, u: str, v: str, removed: set[tuple[str, str]]) -> bool:
        """Whether the advice for the edge is to move definitions (or what the modules share)
        out of the cycle: its names are needed while the importer is imported, or read by
        nothing, and no local edit takes it (into functions, under ``TYPE_CHECKING``, names
        imported from where they are defined, annotations postponed, a name dropped, a
        registration moved to where the program starts)."""
        facts = self.facts(u, v)
        if self.light(u, v) or facts.postponed or self.registration(u, v) or self.read_later(u, v):
            return False
        if facts.kind == _Kind.UNUSED and facts.loading and facts.whole != _Kind.UNUSED and not facts.star:
            return False
        light = {a for a in removed if a == (u, v) or self.light(*a)}
        if self._reroute(u, v, light) or self._needed_elsewhere(u, v, facts, light, self.harmless(u, v)):
            return False
        return True

    def in_functions(
        self, cycle: tuple[str, ...], via: dict[tuple[str, str], list[str]], breaking: list[dict], joint: str,
        removed: set[tuple[str, str]],
    ) -> tuple[list[dict], str]:
        """An import of the cycle whose names its module reads only inside functions (or can
        import from where they are defined) wins over imports whose advice is to move
        definitions: the component's cut may go through an import needed at import time that
        many cycles share (pydicom's ``config.py`` holding its pixel handlers in a list, whose
        ``from pydicom import config`` is read only in functions; polars' ``_reexport`` hub,
        which its importers read only in functions), yet each of those cycles is broken by
        deferring one import of its own. Of alternatives (``; or``), the function-only ones
        are kept; when every advised import moves definitions, or they go together (``; and``)
        and one does, the cycle's own import that alone breaks it is advised instead: the one
        into the module of a heavy import (the way back to it), else the lightest (accelerate's
        ``logging.py`` importing ``PartialState``, read only in methods, rather than ``state.py``
        moving a utility it needs at import time and another import of ``utils``)."""
        pairs = [(b["from"], b["to"]) for b in breaking]
        heavy = [p for p in pairs if self._moves_definitions(*p, removed)]
        if not heavy:
            return breaking, joint
        if joint == "; or " and len(heavy) < len(pairs):
            return [b for b, p in zip(breaking, pairs) if p not in heavy], joint
        generated = self.project.modules
        cheap = [
            (a, b) for a, b in edges_of(cycle)
            if b in self.successors.get(a, ()) and not _loads_own_submodule(a, b) and not self.harmless(a, b)
            and not generated[a].summary.generated and _cheap(self.facts(a, b)) and not self.live(cycle, via, {(a, b)})
        ]
        if not cheap:
            return breaking, joint
        into = {u for u, _ in heavy}
        best = min(cheap, key=lambda a: (a[1] not in into, self.weight(*a), a))
        return [self.edge_info(*best)], "; or "

    def early(self, u: str, v: str, facts: _EdgeFacts, removed: set[tuple[str, str]]) -> _Early | None:
        """What ``u`` reads off the package ``v`` it holds as an object, while it is imported
        (see :class:`_Early`); None when it passes the object itself on then (what is read
        of it is not known) or the summary does not say."""
        reads = dict(self.project.modules[u].summary.import_time_reads)
        names: set[str] = set()
        for bound in facts.held:
            found = reads.get(bound)
            if found is None or "" in found:
                return None
            names.update(n for n in found if not n.startswith(("=", "~")))  # a write reads nothing; ``~``: at a call
        if not names:
            return None
        submodules = tuple(sorted(n for n in names if f"{v}.{n}" in self.project.modules))
        return _Early(
            frozenset(names),
            submodules,
            _inside(u, v) and self._loaded_through(v, {f"{v}.{n}" for n in submodules}, u, removed),
            any(self._leads_to(f"{v}.{n}", u, removed) for n in submodules),
            self._first_line_to(v, u, removed) if _inside(u, v) else None,
            self.project.modules[v].path,
        )

    def _loaded_through(self, p: str, wanted: set[str], u: str, removed: set[tuple[str, str]]) -> bool:
        """Whether the ``__init__`` of ``p``, a package ``u`` is inside of, has run each of
        the ``wanted`` modules to its end before ``u`` runs: its unconditional module-level
        imports above its first one that leads to ``u`` import them, directly or through
        other such imports (each of which has then run to its end too, leading nowhere near
        ``u``): pytorch-lightning's ``__init__`` imports ``trainer``, which imports
        ``accelerators``, on the lines above its import of ``_graveyard``."""
        first = self._first_line_to(p, u, removed)
        if first is None:
            return False

        def unconditional(n: str, m: str) -> bool:
            return (n, m) not in removed and any(i.runtime and _unconditional(i.record) for i in self.edges.get(n, {}).get(m, ()))

        modules = self.project.modules
        stack = [
            q for t, imports in self.edges.get(p, {}).items()
            if any(i.runtime and _unconditional(i.record) and i.line < first for i in imports)
            for q in (*_packages_of(t), t) if q in modules and not _inside(p, q) and q != p
        ]
        seen = set(stack)
        while stack:
            n = stack.pop()
            for m in self.successors.get(n, ()):
                if not unconditional(n, m):
                    continue
                for q in (*_packages_of(m), m):
                    if q not in seen and q in modules and not _inside(n, q) and q != p:
                        seen.add(q)
                        stack.append(q)
        return wanted <= seen

    def light(self, u: str, v: str) -> bool:
        """Whether the edge's imports go by a local edit: into functions, under
        ``TYPE_CHECKING``, or their names imported from where they are defined."""
        facts = self.facts(u, v)
        return facts.movable or bool(facts.reroute)

    def _read_of(self, u: str, v: str, held: dict[str, tuple[str, ...]]) -> list[str]:
        """The attributes read off the module object that ``v`` provides (the text may name
        others in a docstring or a comment), less those ``u`` defines itself (``dd.read_hdf``
        in ``dask.dataframe.io.hdf``, its own function: nothing to import)."""
        provided = self.project.provided(v).names
        names = sorted({a for attributes in held.values() for a in attributes})
        return [
            n for n in names
            if (n in provided or self.project.has_submodule(v, n)) and (_defined_in(self.project, v, n) or ("",))[0] != u
        ]

    def _attributes_read(self, importer: SourceFile, statements: list[EdgeImport], v: str) -> dict[str, tuple[str, ...]] | None:
        """When every statement binds module ``v`` itself as an object (``import pkg as p``,
        ``import pkg``, ``from parent import pkg``): each such name and the attributes the
        importer reads off it (``p.read_csv``), which are the names it uses of ``v``. None
        when some statement imports names or another module, or a name is never read as
        ``name.attribute`` (the module object itself is passed on: what is used of it is
        not known)."""
        reads = dict(importer.summary.attribute_reads)
        held: dict[str, tuple[str, ...]] = {}
        for imp in statements:
            rec = imp.record
            if rec.is_from:
                absolute = self.project.absolute(importer, rec)
                bound = [alias or name for name, alias in rec.names if f"{absolute}.{name}" == v]
                # Its other names may bind other modules of the same package (``from pkg
                # import action, utils``): those are other edges' imports, not names of ``v``.
                others = [name for name, _ in rec.names if f"{absolute}.{name}" != v]
                if not bound or any(n == "*" or not self.project.module_exists(f"{absolute}.{n}") for n in others):
                    return None
            elif rec.module == v and (rec.asname or "." not in rec.module):
                bound = [rec.asname or rec.module]
            else:
                return None
            for name in bound:
                if not reads.get(name):
                    return None
                held[name] = reads[name]
        return held or None

    def _imported_names(self, importer: SourceFile, statements: list[EdgeImport], v: str) -> list[str] | None:
        """The names the statements import from module ``v`` itself (``from v import a, b``),
        not submodules of it; None when some statement is not such an import (a plain
        ``import v``, a star import, ``from pkg import v``)."""
        children = self.project.submodules.get(v, set())
        names: list[str] = []
        for imp in statements:
            rec = imp.record
            if not rec.is_from or self.project.absolute(importer, rec) != v:
                return None
            for name, _ in rec.names:
                if name == "*":
                    return None
                if name not in children and not self.project.has_submodule(v, name):
                    names.append(name)
        return list(dict.fromkeys(names))

    def harmless(self, u: str, v: str) -> bool:
        """``u`` imports a package it is inside of (``import pkg``, ``from parent import pkg``,
        ``from . import __path__`` in ``pkg/sub.py``) only for the module object, which it
        reads nothing of while it is imported, or for what the import system sets on it
        (``__path__``, ``__file__``): the package started before ``u`` did, so the import
        runs nothing and reads nothing that can be missing. It cannot fail, whatever order
        the modules are imported in (beets' ``import beets``, flexget's ``from . import
        __path__``)."""
        if not _inside(u, v):
            return False
        found = self._harmless.get((u, v))
        if found is None:
            found = self._harmless[(u, v)] = self._harmless_edge(u, v)
        return found

    def failing_edges(self, component: list[str], effective: dict[str, list[str]]) -> frozenset[tuple[str, str]]:
        """The imports of the component that can fail in some order of importing its
        modules: ``u -> v`` along which ``u`` reads of ``v`` while it is imported
        (:meth:`reads_unfinished`), when ``v`` can be unfinished then: when, started first,
        ``v`` runs a chain of imports (each running the packages of what it imports that
        have not started, ``effective``) that reaches ``u``. An import of a module that has
        started runs nothing, so a chain stops at a package of ``v`` or of its importer:
        ``pkg/__init__.py`` importing ``pkg.sub``, which imports ``pkg`` back, can fail only
        on ``sub``'s own reads of ``pkg``. A cycle none of whose imports can fail is not
        reported: nothing in it can break a start-up (flair's ``import flair`` in its
        submodules, read in their functions; Flask's ``app`` and click's command groups,
        bound by the package before it imports the modules that register on them)."""
        reads = [(u, v) for u in component for v in self.successors.get(u, ()) if v in self.members and self.reads_unfinished(u, v)]
        if not reads:
            return frozenset()
        ancestry = any(_inside(u, w) for u in component for w in effective.get(u, ()))
        reach: dict[str, frozenset[str]] = {}
        found = set()
        for u, v in reads:
            blocked = {*_packages_of(v), v}
            if not ancestry and blocked.isdisjoint(self.members - {v}):
                found.add((u, v))  # nothing on any way back has started: the component's cycles run
                continue
            if v not in reach:
                reach[v] = self._running_reach(effective, v, blocked)
            if u in reach[v]:
                found.add((u, v))
        return frozenset(found)

    @staticmethod
    def _running_reach(effective: dict[str, list[str]], start: str, blocked: set[str]) -> frozenset[str]:
        """The modules a chain of imports from ``start`` runs, none of them a package of
        ``start`` or of the module importing it (which have started and run nothing)."""
        seen = {start}
        stack = [start]
        while stack:
            node = stack.pop()
            for succ in effective.get(node, ()):
                if succ in seen or succ in blocked or _inside(node, succ):
                    continue
                seen.add(succ)
                stack.append(succ)
        return frozenset(seen)

    def reads_unfinished(self, u: str, v: str) -> bool:
        """Whether ``u``, while it is imported, may read of ``v`` a name ``v`` has not bound
        yet should ``v`` be unfinished then. Not when ``u`` reads nothing of ``v`` then: it
        takes only ``v``'s module object (``import pkg.v``, ``from pkg import v``; since
        Python 3.7 such an import finds a module that has started in ``sys.modules``,
        finished or not, and what the functions read later is there by then: PlasmaPy's
        ``formulary`` modules, plumbum's ``commands.base`` and ``modifiers``), or, when ``v``
        is a package ``u`` is inside of, only what the import system sets (:meth:`harmless`:
        ``import flair`` read in functions). Nor when ``u`` reads only names ``v`` binds
        above its first import that leads to ``u``: ``v`` can be unfinished while ``u``
        runs only part-way through that statement, whatever the order (nextcord's ``from .
        import __version__`` in ``http.py``, bound at the top of its ``__init__``; optuna's
        ``samplers`` taking ``StudyDirection`` from ``study``, whose ``__init__`` binds it a
        line before it imports what leads there; sentry's ``tracing`` and ``tracing_utils``,
        each importing the other at its bottom for classes defined above). Any other read
        may fail: the names are bound below the statement that leads to ``u``, or not
        known (gaphor's ``association``, vispy's transforms); or ``v`` read as an attribute
        of its package (:meth:`_read_off_parent`)."""
        if self.harmless(u, v):
            return False
        if self._read_off_parent(u, v):
            return True
        names = self._read_of_package(u, v)
        if names is None:
            return True
        modules = [n for n in names if self.project.has_submodule(v, n)]
        names = tuple(n for n in names if n not in modules)
        return not (
            self.bound_before(v, u, names, frozenset())
            and all(self._finished_when_read(u, v, f"{v}.{m}") for m in modules)
        )

    def _read_off_parent(self, u: str, v: str) -> bool:
        """Whether ``u``, while it is imported, reads the module ``v`` as an attribute of its
        package (``import app`` then ``LISTENERS = app.events.LISTENED``), which the
        package has only once ``v`` has finished, and ``v`` may be running then: the
        package's ``__init__`` has not imported it before whatever leads to ``u``, nor have
        ``u``'s own imports to its end."""
        parent, _, last = v.rpartition(".")
        if not parent or parent not in self.edges.get(u, {}) or self.harmless(u, parent):
            return False
        names = self._read_of_package(u, parent)
        if names is None or last not in names:
            return False
        return not self._finished_when_read(u, parent, v)

    def _finished_when_read(self, u: str, package: str, module: str) -> bool:
        """Whether ``module``, read by ``u`` as an attribute of its ``package``, has
        finished whenever ``u`` runs: the package's ``__init__`` has loaded it first
        (:meth:`finished_before`), or ``u``'s own imports have (:meth:`loaded_by_itself`)."""
        return self.finished_before(package, module, u) or self.loaded_by_itself(u, package, module)

    def _leads_back(self, module: str, u: str) -> bool:
        """Whether ``module``, once started, runs ``u``: it may be running below ``u``."""
        return u in self._running_reach(self.runs, module, {*_packages_of(module), module})

    @cached_property
    def runs(self) -> _Runs:
        return _Runs(self.successors, self.project.modules)

    def through_packages(self, explicit: dict[str, int], data: frozenset[str] | set[str]) -> Iterator[Violation]:
        """Failures on no cycle of explicit imports, only through a package's ``__init__``
        that importing one of its modules runs first (``p/s/__init__.py`` imports ``a``,
        which imports ``p.s.d`` and reads ``p.s.d.X`` while ``p.s`` is still running: ``p``
        has no ``s`` yet). Found on the components of the graph of what importing each
        module runs (its imports and their packages), by the same runs
        (:class:`ImportRuns`); a failure between two modules of one component of explicit
        imports is that component's (:meth:`violations`). Reported at the statement that
        leads to the read, with the way back; no advice: which import to move depends on
        what the package's ``__init__`` is for."""
        modules = self.project.modules
        graph = {u: self.runs.get(u) for u in modules}
        # Packages whose ``__init__`` hands the package itself to a function while it runs
        # (MONAI's ``load_submodules(sys.modules[__name__], ...)``): that function may import
        # any module inside, in an order the model cannot replay. A call whose result is
        # kept (``logger = logging.getLogger(__name__)``) only names the package.
        loaders = {m for m, f in modules.items() if f.is_package and f.summary.handing_calls}
        for component in components(graph):
            if all(explicit.get(m, -1) == explicit.get(component[0], -2) for m in component):
                continue  # the same as a component of explicit imports
            if data and all(modules[m].path in data for m in component):
                continue
            if loaders and any(p in loaders for m in component for p in (*_packages_of(m), m)):
                continue  # entered in an order a loader decides
            # Where each run stops (the interpreter raises there: a later read fails only
            # once that one is fixed, and would be the same failure told again).
            ways = self.import_runs.first_failures(component)
            seen: set[str] = set()
            for (u, v), way in sorted(ways.items()):
                if explicit.get(u, -1) == explicit.get(v, -2) or u in seen:
                    continue  # a cycle as written's own; one finding per reading module
                seen.add(u)
                yield from self._package_failure(u, v, way, len(component))

    def _package_failure(self, u: str, v: str, way: tuple[str, ...], size: int) -> Iterator[Violation]:
        """The finding for ``u``'s read of ``v``, the way back as the run came (from the
        module read, or its package, to ``u``)."""
        statement = self._statement_to(u, v)
        if statement is None or len(way) < 2:
            return
        chain = [u, *way]
        importer = self.project.modules[u]
        text = f"{importer.path}:{statement.line} `{statement.text}`"
        yield RULE.violation(
            importer.path,
            statement.line,
            statement.col,
            f"circular import through a package's __init__: {' -> '.join(chain)}; {text} reads {v} while it is still "
            f"running (importing a module runs its packages' __init__ first, and that leads back here)",
            key="runs:" + "|".join(chain),
            details={"modules": chain, "reads": v, "component_size": size, "through_packages": True},
        )

    def _statement_to(self, u: str, v: str) -> EdgeImport | None:
        """``u``'s first run-time import of ``v`` or of a module inside it."""
        found = [
            i for t, imports in self.edges.get(u, {}).items() if t == v or t.startswith(v + ".")
            for i in imports if i.runtime or (self.include_tc and i.type_checking)
        ]
        return min(found, key=lambda i: (i.line, i.col)) if found else None

    @cached_property
    def import_runs(self) -> ImportRuns:
        setup = self.project.django_setup
        return ImportRuns(
            self._run_statements, self.runs.get, self.project.modules, self._fails_running, setup.order, setup.guards,
            self._caught_lines, self._raises_import_error, self._lost_harmlessly, setup.alternatives,
        )

    def _lost_harmlessly(self, module: str, line: int) -> bool:
        """``module``'s import statement on ``line`` is guarded by an ``except ImportError``,
        every name it binds is read by nothing that runs (``USE_NONE``, or only in
        annotations never evaluated: ``USE_ANNOTATION``), and no other first-party module
        imports one of them from ``module`` (nor any with a star): a failure caught there
        leaves only those names unbound, which nothing misses."""
        f = self.project.modules.get(module)
        if f is None:
            return False
        uses = f.summary.import_uses
        if len(uses) != len(f.summary.imports):
            return False
        names: list[str] = []
        found = False
        for rec, used in zip(f.summary.imports, uses):
            if rec.line != line or rec.context & NOT_AT_IMPORT_TIME:
                continue
            if not rec.context & CTX_GUARDED or any(use > USE_ANNOTATION for use in used):
                return False
            found = True
            names += [alias or name for name, alias in rec.names] if rec.is_from else [rec.asname or rec.module.split(".")[0]]
        return found and not self._taken_from(module, set(names))

    def _taken_from(self, module: str, names: set[str]) -> bool:
        """Another first-party module imports one of ``names`` from ``module``, or all of it
        with a star."""
        modules = self.project.modules
        for importer in self.project.importers.get(module, ()):
            g = modules.get(importer)
            if g is None:
                continue
            for rec in g.summary.imports:
                if rec.is_from and self.project.absolute(g, rec) == module and any(
                    name == "*" or name in names for name, _ in rec.names
                ):
                    return True
        return False

    def _raises_import_error(self, u: str, v: str, line: int | None) -> bool:
        """Whether ``u``'s failing read of ``v`` (paused on ``line``) raises ImportError,
        which an ``except ImportError`` catches: a ``from v import name`` of a name ``v`` has
        not bound yet. A module read off ``v`` or an attribute read later raises
        AttributeError instead, which no such handler catches."""
        if line is None:
            return False
        importer = self.project.modules[u]
        taken = {
            name for imp in self.edges.get(u, {}).get(v, ())
            if imp.runtime and imp.record.is_from and self.project.absolute(importer, imp.record) == v
            for name, _ in imp.record.names if name != "*" and not self.project.has_submodule(v, name)
        }
        return bool(taken) and not self._bound_above(v, tuple(sorted(taken)), line)

    def _caught_lines(self, module: str) -> frozenset[int]:
        """The lines of ``module``'s import-time imports under a ``try`` whose handler
        catches ImportError (``CTX_GUARDED``): a failure raised below one is caught there."""
        found = self._caught.get(module)
        if found is None:
            f = self.project.modules.get(module)
            found = self._caught[module] = frozenset(
                rec.line for rec in (f.summary.imports if f is not None else ())
                if rec.context & CTX_GUARDED and not rec.context & NOT_AT_IMPORT_TIME
            )
        return found

    def _run_statements(self, module: str) -> Statements:
        """``module``'s import statements that run while it is imported, by line, each with
        the first-party modules it imports in the order the statement runs them (see
        :class:`ImportRuns`)."""
        found = self._statements.get(module)
        if found is None:
            # Each target at its place in the statement: a from-import's module, then its
            # names as written (``from tianshou import data, env, algorithm`` runs ``data``
            # first); statements on one line by column.
            by_line: dict[int, dict[str, tuple[int, int]]] = defaultdict(dict)
            importer = self.project.modules[module]
            for target, imports in self.edges.get(module, {}).items():
                for i in imports:
                    if i.runtime or (self.include_tc and i.type_checking):
                        rec = i.record
                        place = -1
                        if rec.is_from:
                            absolute = self.project.absolute(importer, rec)
                            place = next((k for k, (name, _) in enumerate(rec.names) if f"{absolute}.{name}" == target), -1)
                        key = (i.col, place)
                        by_line[i.line][target] = min(key, by_line[i.line].get(target, key))
            found = self._statements[module] = tuple(
                (line, tuple(sorted(targets, key=lambda t: (targets[t], t)))) for line, targets in sorted(by_line.items())
            )
        return found

    def _fails_running(self, u: str, v: str, line: int | None, finished: Callable[[str], bool]) -> list[str]:
        """The modules whose reads fail when ``u`` imports ``v`` in a run (see
        :class:`ImportRuns`): ``v`` when it is paused on ``line`` and ``u`` reads of it what
        it has not bound above that line (what ``u`` reads not known counts as failing);
        ``v.m`` when ``u`` reads the module ``m`` off ``v`` as an attribute before ``m`` has
        finished (the package has it only then: pytorch-lightning's ``_graveyard``). An
        import of a package ``u`` is inside of for the module object alone (:meth:`harmless`)
        reads nothing."""
        if self.harmless(u, v):
            return []
        chain = self._unfinished_chain(u, v, finished)
        if chain:
            return [*chain, v]
        names = self._read_of_package(u, v, stars=False)
        if names is None:
            return [v] if line is not None else []
        if line is not None and self._star_fails(u, v, line):
            return [v]
        modules = [n for n in names if self.project.has_submodule(v, n)]
        failing = [f"{v}.{n}" for n in modules if not finished(f"{v}.{n}") and not self._compiled_loaded(v, n, line)]
        never = self._never_bound(v, names, u)
        rest = tuple(n for n in names if n not in modules and n not in never)
        if failing or (line is not None and rest and not self._bound_above(v, rest, line)):
            failing.append(v)  # (a module read off ``v`` is read through the import of ``v``)
        return failing

    def _compiled_loaded(self, v: str, name: str, line: int | None) -> bool:
        """``v.name`` is a compiled submodule (no Python source: it imports nothing back, so
        it finishes as soon as it is imported) that ``v``'s own statements import, at its
        top and unconditionally, above ``line`` (anywhere, when ``v`` has finished): the
        package has it as an attribute by then (psi4's ``from psi4.core import ...`` in
        ``psi4/__init__.py`` above ``from .driver import *``, whose modules read
        ``psi4.core.Molecule``)."""
        target = f"{v}.{name}"
        f = self.project.modules.get(v)
        if target in self.project.modules or f is None:
            return False
        compiled = self.project.opaque_modules
        for rec, absolute in zip(f.summary.imports, f.absolutes):
            if absolute is None or rec.context & (CTX_FUNCTION | CTX_TYPE_CHECKING | CTX_CONDITIONAL):
                continue
            if line is not None and rec.line >= line:
                continue
            if absolute == target or absolute.startswith(target + ".") or (
                rec.is_from and absolute == v and any(n == name for n, _ in rec.names)
            ):
                return True
            if target in compiled and self._runs_compiled(absolute, rec):
                # Compiled code ran above (cupy's ``from cupy import _core``, a package of
                # Cython modules): what it imports is not known, ``cupy._util`` perhaps.
                return True
        return False

    def _runs_compiled(self, absolute: str, rec: ImportRecord) -> bool:
        """Importing ``absolute`` (and the names ``rec`` takes from it) runs a compiled
        module of the project: one such itself, or a package holding one."""
        project = self.project
        named = [absolute] + ([f"{absolute}.{n}" for n, _ in rec.names] if rec.is_from else [])
        compiled = project.opaque_modules
        return any(
            m in compiled or (m in project.packages and any(c.startswith(m + ".") for c in compiled)) for m in named
        )

    def _never_bound(self, v: str, names: Iterable[str], u: str) -> set[str]:
        """Those of ``names`` that ``u`` imports from ``v`` by name and ``v`` binds in no
        statement and gets in no other way (no ``__getattr__``, no star import of unknown
        names, nothing another module sets on it): such an import fails whatever the
        order, once ``v`` has finished too, so it is a missing name (SSOT003's), not a
        cycle's failure (psychopy's ``from . import Image`` in the package's own ``except
        ImportError`` fallback for Pillow)."""
        provided = self.project.provided(v)
        if provided.open:
            return set()
        missing = [n for n in names if n not in provided.names and n not in provided.typing_only]
        if not missing:
            return set()  # (nearly always: the names are bound somewhere)
        planted = self.project.planted
        set_on: set[str] = set()
        for target in (v, *(p + ".*" for p in _packages_of(v))):
            set_on.update(attribute for _, attribute in planted.get(target, ()))
        if "*" in set_on:
            return set()
        # By name only: SSOT003 judges a from-import (and excuses it in an ``except
        # ImportError`` handler); an attribute read off ``v`` (``pkg.NAME``) stays the
        # cycle's finding, the one place it is reported.
        imported = {
            name for imp in self.edges[u][v] if imp.record.is_from for name, _ in imp.record.names
        }
        return {n for n in missing if n in imported and n not in set_on}

    def _unfinished_chain(self, u: str, v: str, finished: Callable[[str], bool]) -> list[str]:
        """The modules of the dotted path of ``u``'s ``import a.b.c`` (``v``) below its top
        that have not finished, when ``u`` reads the name ``a`` while it is imported: a
        package has a module as an attribute only once that module has finished, so
        ``a.b.c.X`` fails while ``a.b`` or ``a.b.c`` is running (``partially initialized
        module 'a' has no attribute 'b'``)."""
        summary = self.project.modules[u].summary
        reads = dict(summary.import_time_reads)
        for imp in self.edges[u][v]:
            rec = imp.record
            if not imp.runtime or rec.is_from or rec.asname or rec.module != v or "." not in v:
                continue
            uses = _statement_uses(summary, imp)
            if uses is not None and uses[0] != USE_IMPORT_TIME:
                continue
            # Read through this module (kept under its dotted name), or the top name passed
            # on as it is; a read of another attribute of the top name (pwndbg's
            # ``pwndbg.dbg`` beside ``import pwndbg.hexdump``) needs nothing of this chain.
            # (``~``: read in a body a JIT compiler compiles at its first call, not now; a
            # write, ``a.b.c.X = 1``, looks the chain up as a read does.)
            root = reads.get(v.partition(".")[0], ())
            through = [r for r in reads.get(v, ()) if not r.startswith("~")]
            if not through and "" not in root and uses is not None:
                continue
            chain = [p for p in (*list(_packages_of(v))[1:], v) if p in self.project.modules and not finished(p)]
            if chain:
                return chain
        return []

    def _star_fails(self, u: str, v: str, line: int) -> bool:
        """Whether ``u``'s ``from v import *`` fails while ``v`` is paused on ``line``: the
        interpreter takes the names ``v`` has bound so far, or, once ``v`` has bound
        ``__all__``, each name it lists, which must be bound by then. (What ``u`` then reads
        of the names it did not get fails as a NameError, not at the import: not followed.)"""
        if not any(i.record.is_from and i.record.names[0][0] == "*" for i in self.edges[u][v] if i.runtime):
            return False
        all_line = self._binding_lines(v).get("__all__")
        if all_line is None or all_line >= line:
            return False  # no ``__all__`` yet: what is bound is taken
        listed = self.project.modules[v].summary.all_names
        if listed is None:
            return True  # an ``__all__`` computed: what it lists is not known
        return not self._bound_above(v, tuple(n for n in listed if not self.project.has_submodule(v, n)), line)

    def loaded_by_itself(self, u: str, v: str, module: str) -> bool:
        """Whether ``u``'s own other imports load ``module`` to its end before ``u`` reads
        it off its package ``v``: they run it (flair's ``tars_model.py`` imports
        ``flair.embeddings``, which imports ``flair.nn``, then reads ``flair.nn.Classifier``),
        and it does not lead to ``u``, so it cannot be one of the modules still running
        while ``u`` runs. (Imports are taken to come before the reads, as they mostly do.)"""
        started = {*_packages_of(u), u, v}
        reached = self._running_reach(self.runs, u, started)
        if module not in reached:
            return False
        return not self._leads_back(module, u)

    def finished_before(self, p: str, module: str, u: str) -> bool:
        """Whether ``module`` has finished whenever ``u``, inside the package ``p``, runs:
        a statement of ``p``'s ``__init__`` above its first import that leads to ``u`` has
        imported it, directly or through what it imports (pytorch-lightning's
        ``pl.accelerators``, imported by ``trainer`` on line 1, read off ``pl`` by
        ``_graveyard/tpu.py``, which line 2 leads to), or none leads to ``u`` and ``module``
        does not either. Everything such a statement runs has finished when it returns, but
        ``p`` and its packages, which are still running."""
        first = self._first_line_to(p, u, frozenset())
        if first is None:
            # ``p`` ran to its end before ``u`` started; the module has finished then unless
            # it leads to ``u`` and may be running, below it (``events`` imported first runs
            # ``models``, whose ``LISTENERS = app.events.LISTENED`` finds no ``app.events``).
            return not self._leads_back(module, u)
        key = (p, first)
        reached = self._reached_above.get(key)
        if reached is None:
            running = {*_packages_of(p), p}
            stack = [
                q for t, imports in self.edges.get(p, {}).items()
                if any(i.line < first and (i.runtime or (self.include_tc and i.type_checking)) for i in imports)
                for q in (*_packages_of(t), t) if q not in running
            ]
            seen = set(stack)
            while stack:
                n = stack.pop()
                for m in self.successors.get(n, ()):
                    for q in (*_packages_of(m), m):
                        if q not in seen and q not in running:
                            seen.add(q)
                            stack.append(q)
            reached = self._reached_above[key] = frozenset(seen)
        return module in reached

    def _read_of_package(self, u: str, v: str, stars: bool = True) -> tuple[str, ...] | None:
        """The names ``u`` takes from its package ``v`` while it is imported: those it
        imports by name, and the attributes it reads then off the package object an ``import
        pkg`` binds (sabnzbd's ``DEFAULT = not pkg.WINDOWS``); None when not known (a star
        import, an object read by a computed name). A submodule imported by name (``from .
        import utils``) is not among them: the import finds it in ``sys.modules``, finished
        or not; read as an attribute (``pkg.config.Configurable``), it is, for the package
        has it only once it has finished."""
        importer = self.project.modules[u]
        reads = dict(importer.summary.import_time_reads)
        found: list[str] = []
        for imp in self.edges[u][v]:
            if not (imp.runtime or (self.include_tc and imp.type_checking)):
                continue
            rec = imp.record
            if not stars and rec.is_from and rec.names[0][0] == "*":
                continue  # (``stars`` False: star imports are the caller's business)
            uses = _statement_uses(importer.summary, imp)
            if uses is None and not rec.is_from:
                return None
            # In a file only a newer Python's parser reads (onegov's `matching/utils.py`, a
            # 3.13 type parameter default), how it uses its names is not known (None), but
            # what `from v import name` takes is, and it is taken at the import.
            absolute = self.project.absolute(importer, rec) if rec.is_from else None
            loading = self._loading(importer, imp, v)
            names = rec.names if rec.is_from else ((rec.module, rec.asname),)
            for (name, _), bound, use in zip(names, _bound_names(imp), repeat(None) if uses is None else uses):
                if name == "*":
                    return None
                if bound not in loading:
                    continue
                if rec.is_from and f"{absolute}.{name}" != v:
                    found.append(name)  # ``from v import name``
                    continue
                if use is None:
                    return None  # the module object, read when is not known
                if use != USE_IMPORT_TIME:
                    continue  # the module object, read later or not at all
                if not rec.is_from and not rec.asname and rec.module == v and "." in v:
                    # ``import a.b.c``: what is read through ``a.b.c`` (kept under that
                    # name); what is read of ``a`` itself is ``a``'s (pwndbg's ``pwndbg.dbg``
                    # beside ``import pwndbg.hexdump``), unless ``a`` is passed on as it is.
                    if "" in reads.get(bound, ()):
                        return None
                    found += [r for r in reads.get(v, ()) if r and not r.startswith(("=", "~")) and r not in _IMPORT_SYSTEM]
                    continue
                read = reads.get(bound)
                if read is None or (not rec.is_from and rec.module != v):
                    return None  # read by a computed name, or ``import a.b`` read through ``a``
                # (a write reads nothing; ``~``: read when a JIT compiler compiles, at a call)
                found += [r for r in read if r and not r.startswith(("=", "~")) and r not in _IMPORT_SYSTEM]
        return tuple(dict.fromkeys(found))

    def inert(self, u: str, v: str) -> bool:
        """``from . import __path__`` in ``pkg/sub.py``, or ``import pkg`` there read while
        it is imported only for ``pkg.__file__`` (or passed on as the package object), or
        read by nothing at all: an import of its own package for what the import system sets
        on it alone, or for nothing, which no function can take and which can never fail
        (flexget's api.app, gradio's utils, hypothesis' escalation, nltk's chunked reader).
        A cycle it closes is not reported."""
        if not self.harmless(u, v):
            return False
        importer = self.project.modules[u]
        statements = [i for i in self.edges[u][v] if i.runtime or (self.include_tc and i.type_checking)]
        return all(self._inert_statement(importer, i, v) for i in statements)

    def _inert_statement(self, importer: SourceFile, imp: EdgeImport, v: str) -> bool:
        """One statement of a harmless edge that no function can take: it imports only what
        the import system sets (``from . import __path__``), or the module reads the package
        object it binds while it is imported (for ``gradio.__file__``, or to pass it on)."""
        rec = imp.record
        loading = self._loading(importer, imp, v)
        if rec.is_from and all(name in _IMPORT_SYSTEM for name, alias in rec.names if (alias or name) in loading):
            return True
        uses = _statement_uses(importer.summary, imp)
        if uses is None:
            return False
        found = [use for bound, use in zip(_bound_names(imp), uses) if bound in loading]
        # Read while it is imported (for what the import system set, or passed on), or read
        # by nothing at all (nltk's ``import nltk`` in ``corpus/reader/chunked.py``): there
        # is no use for a function to take, and deleting an import that can never fail is
        # tidying, not breaking a cycle.
        return any(use == USE_IMPORT_TIME for use in found) or (bool(found) and all(use == USE_NONE for use in found))

    def _harmless_edge(self, u: str, v: str) -> bool:
        importer = self.project.modules[u]
        statements = [i for i in self.edges[u][v] if i.runtime or (self.include_tc and i.type_checking)]
        for imp in statements:
            uses = _statement_uses(importer.summary, imp)
            if uses is None:
                return False
            relevant = self._loading(importer, imp, v)
            rec = imp.record
            absolute = self.project.absolute(importer, rec) if rec.is_from else None
            for (name, alias), bound, use in zip(rec.names if rec.is_from else [(rec.module, rec.asname)], _bound_names(imp), uses):
                if bound not in relevant:
                    continue
                if rec.is_from and name in _IMPORT_SYSTEM:
                    continue  # set before the package's code runs
                module_object = not rec.is_from or f"{absolute}.{name}" == v
                if not module_object or (use == USE_IMPORT_TIME and not self._reads_only_import_system(importer, bound)):
                    return False
        return bool(statements)

    @staticmethod
    def _reads_only_import_system(importer: SourceFile, bound: str) -> bool:
        """While it is imported, the module reads nothing of the package object it holds as
        ``bound`` but what the import system set on it before its code ran
        (``gradio.__file__``, moto's ``moto.__file__``), or passes the object itself on
        (hypothesis' ``is_hypothesis_file = belongs_to(hypothesis)``, which reads its
        ``__file__``): nothing an unfinished ``__init__`` may still lack; or only sets
        attributes on it (sickgear's ``sickgear.ENV = EnvVar()`` in ``classes.py``), which
        reads nothing and never fails on a module. (What a function it is passed to reads is
        not followed.)"""
        reads = dict(importer.summary.import_time_reads).get(bound)
        return reads is not None and all(r == "" or r in _IMPORT_SYSTEM or r.startswith(("=", "~")) for r in reads)

    def effective(self, component: list[str]) -> tuple[dict[str, list[str]], dict[tuple[str, str], list[str]]]:
        """The component's edges as importing runs them: an edge that cannot fail
        (:meth:`harmless`) left out, and an import of ``p.x`` from outside the package
        ``p`` also an edge to ``p``, whose ``__init__`` runs first (nautobot's
        ``generics`` importing ``extras.models.customfields`` runs ``extras/models/__init__.py``).
        Returns the graph and, for each such package edge, the imported modules behind it."""
        members = self.members
        graph: dict[str, list[str]] = {}
        via: dict[tuple[str, str], list[str]] = defaultdict(list)
        for u in component:
            targets = [v for v in self.successors.get(u, ()) if v in members and not self.harmless(u, v)]
            for w in self.successors.get(u, ()):
                for p in _packages_of(w):
                    if p in members and p != u and not _inside(u, p):
                        via[(u, p)].append(w)
                        if p not in targets:
                            targets.append(p)
            graph[u] = targets
        return graph, dict(via)

    def runs_back(
        self, home: str, u: str, removed: frozenset[tuple[str, str]] | set[tuple[str, str]], names: tuple[str, ...] = (),
        strict: bool = False,
    ) -> bool:
        """Whether importing ``home`` from ``u`` (once the ``removed`` edges are gone) runs a
        module that imports ``u`` back: following run-time imports, each of which first runs
        the packages of what it imports that have not started yet (not those ``u`` is inside
        of: they started before). Misago's ``threads.views.base`` runs
        ``threads/views/__init__.py``, which imports ``detail``, which imports the importer.

        A package ``u`` is inside of does not run again, but it may be half-way through its
        ``__init__``: when that ``__init__`` leads to ``u`` (it imports ``u``, or a module
        that does), a module reached from ``home`` that imports from the package reads it
        half-initialised, and the cycle stays (pretalx's ``person/models/user.py`` importing
        ``event.models.event`` runs ``event/models/__init__.py``, whose ``organiser`` imports
        ``person.models``, whose ``__init__`` imports ``user``). So the walk goes on through
        such a package's own imports rather than stopping there, unless what is imported
        of it is bound before the statement of its ``__init__`` that leads to ``u`` (see
        :meth:`bound_before`: litestar's ``openapi/plugins.py`` importing ``get`` from
        ``handlers``, bound two lines before ``handlers/__init__.py`` imports the
        websocket handlers). ``names``: what the new import reads of ``home``; when
        ``home`` is such a package itself (``from ._internal import Meter`` in
        ``metrics/_internal/instrument.py``), they must be bound before that statement
        too (opentelemetry's ``Meter``, defined below the ``__init__``'s import of
        ``instrument``). And ``home`` runs nothing when such a package's ``__init__`` has
        imported it before it leads to ``u`` (see :meth:`loaded_before`).

        ``strict``: for an edge that cannot fail (:meth:`harmless`), whose cycle is reported
        only because a function can take the import, the new import must close no cycle at
        all, not even through an import that cannot fail either (numba's ``cuda/intrinsics.py``
        passes the package object ``cuda`` on while it is imported): trading one such cycle
        for another changes nothing (see :meth:`_leads_to`)."""
        if strict:
            return self._leads_to(home, u, removed)
        started = set(_packages_of(u))
        modules = self.project.modules
        if home in started:
            return not self.bound_before(home, u, names, removed)
        if self._runs_first(home, u, removed) and not self.bound_before(home, u, names, removed):
            # Started first, ``home`` runs ``u``, which then asks the running ``home`` for
            # names it binds only below that import (tianshou's ``collector.py`` told to
            # take ``Algorithm`` from ``algorithm_base``, whose import of ``tianshou.data``
            # leads to ``collector`` above the class).
            return True
        if any(self.loaded_before(p, home, u, removed) for p in started if p in modules):
            return False
        stack = [p for p in (*_packages_of(home), home) if p in modules and p not in started and p != u]
        seen = {*stack, u}
        while stack:
            n = stack.pop()
            for m in self.successors.get(n, ()):
                if (n, m) in removed:
                    continue
                if m == u and not self.harmless(n, m):
                    return True
                for p in (*_packages_of(m), m):
                    if p in seen or p not in modules or p == n:
                        continue
                    if p in started:
                        # Not run again: only an import of the package itself reads it
                        # (not ``import p.x``, nor one for the module object read later),
                        # and only what its ``__init__`` has not bound yet is missing.
                        if p != m or self.harmless(n, m) or self.bound_before(p, u, self._names_from(n, p), removed):
                            continue
                    elif _inside(n, p):
                        continue  # it started before ``n`` did
                    seen.add(p)
                    stack.append(p)
        return False

    def _runs_first(self, home: str, u: str, removed: frozenset[tuple[str, str]] | set[tuple[str, str]]) -> bool:
        """Whether ``home``, imported before ``u`` has started (its own packages running
        before it), runs ``u`` through run-time imports as written (but the ``removed``
        ones), each of which also runs the packages of what it imports."""
        modules = self.project.modules
        running = {*_packages_of(home), home}
        if u in running:
            return False
        stack = [home]
        seen = set(running)
        while stack:
            n = stack.pop()
            for m in self.successors.get(n, ()):
                if (n, m) in removed:
                    continue
                for p in (*_packages_of(m), m):
                    if p in seen or p not in modules:
                        continue
                    if p == u:
                        return True
                    seen.add(p)
                    stack.append(p)
        return False

    def _leads_to(self, home: str, u: str, removed: frozenset[tuple[str, str]] | set[tuple[str, str]]) -> bool:
        """Whether ``home`` imports ``u`` through run-time imports as written (but the
        ``removed`` ones), each of which also runs the packages of what it imports: the graph
        the cycles are found on, so a new import of ``home`` from ``u`` would close a cycle
        that is reported again. (Imports that cannot fail count: they close it too.)"""
        modules = self.project.modules
        stack = [p for p in (*_packages_of(home), home) if p in modules and p != u and (p == home or not _inside(u, p))]
        seen = {*stack, u}
        while stack:
            n = stack.pop()
            for m in self.successors.get(n, ()):
                if (n, m) in removed:
                    continue
                if m == u:
                    return True
                for p in (*_packages_of(m), m):
                    if p not in seen and p in modules and (p == m or not _inside(n, p)):
                        seen.add(p)
                        stack.append(p)
        return False

    def _names_from(self, n: str, p: str) -> tuple[str, ...] | None:
        """The names ``n``'s run-time statements import from module ``p`` (``from p import
        a, b``); None when one of them takes the module object (``import p``), of which
        what is read is not known."""
        names: list[str] = []
        for imp in self.edges[n][p]:
            if not (imp.runtime or (self.include_tc and imp.type_checking)):
                continue
            rec = imp.record
            if not rec.is_from:
                return None
            absolute = self.project.absolute(self.project.modules[n], rec)
            for name, _ in rec.names:
                if name == "*" or f"{absolute}.{name}" == p:
                    return None
                names.append(name)
        return tuple(names)

    def bound_before(
        self, p: str, u: str, names: tuple[str, ...] | None, removed: frozenset[tuple[str, str]] | set[tuple[str, str]],
    ) -> bool:
        """Whether each of ``names`` is there to import from the package ``p``, which ``u``
        is inside of, while ``u`` runs: ``p``'s ``__init__`` has either run to its end
        (none of its imports leads to ``u``, so ``u`` was imported after it), or up to its
        first import statement that leads to ``u``, and so has bound what its statements
        above that one bind (an unconditional module-level import or class: a name bound
        in any other way, or not known, counts as missing). ``names`` None: not known."""
        if names is None:
            return False
        first = self._first_line_to(p, u, removed)
        return first is None or self._bound_above(p, names, first)

    def _bound_above(self, p: str, names: tuple[str, ...], first: int) -> bool:
        """Whether ``p``'s statements above line ``first`` bind each of ``names``: an
        unconditional module-level import or class, a name bound in a block that line is
        in, or one a star import above brings (a name bound in any other way, or not
        known, counts as missing)."""
        lines = self._binding_lines(p)
        missing = [n for n in names if lines.get(n, first) >= first]
        if missing:
            # Bound above it in a block the import is in (imbalanced-learn's ``else:``).
            summary = self.project.modules[p].summary
            inside = {n for n, line, start, end in summary.branch_bindings if line < first and start <= first <= end}
            missing = [n for n in missing if n not in inside]
        if not missing:
            return True
        summary = self.project.modules[p].summary
        if summary.dynamic_names and (summary.dynamic_line or 1) < first:
            # Names bound by computed keys above it (easybuild's package ``__init__``:
            # ``globals().update(ALL_CATEGORIES)`` binds ``MANDATORY`` before it imports the
            # module that reads it): any may be there.
            return True
        # A star import above brings a name its module exports (featuretools'
        # ``from featuretools.primitives.standard import *`` above ``import utils``); one
        # from a module whose exports are not known (another distribution: firedrake's
        # ``from ufl import *``; a compiled extension: qutip's ``from .cy.qobjevo import *``;
        # a module that computes them) may bring any name.
        f = self.project.modules[p]
        # (also one inside a block the import is in: GridCal's package ``__init__`` holds
        # every import in one ``try``)
        blocked = {line for n, line, start, end in summary.branch_bindings if n == "*" and line < first and start <= first <= end}
        stars = [
            source for rec, source in zip(f.summary.imports, f.absolutes)
            if rec.is_from and rec.names[0][0] == "*" and source != p and rec.line < first
            and (_unconditional(rec) or rec.line in blocked)
        ]
        if not stars:
            return False
        provided = []
        unknown = False  # a star import above whose names are not known may bring any name...
        for source in stars:
            if source is None or source not in self.project.modules:
                unknown = True
                continue
            exported = self.project.exports(source)
            if exported.open:
                unknown = True
                continue
            provided.append(exported.names)
        # ... but not one the module binds itself, further down (Project Altis'
        # ``CogdoBarrelRoomMovies`` star-imports panda3d's modules, then its sibling, whose
        # import takes ``CogdoBarrelRoomIntro`` from it: a class it defines below): its own name.
        return all(any(n in names for names in provided) or (unknown and n not in lines) for n in missing)

    def loaded_before(self, p: str, home: str, u: str, removed: frozenset[tuple[str, str]] | set[tuple[str, str]]) -> bool:
        """Whether ``home`` has run to its end whenever ``u`` runs: the ``__init__`` of
        ``p``, a package ``u`` is inside of (which runs before ``u``), imports it
        unconditionally, above its first statement that leads to ``u`` (sktime's
        ``base/__init__.py`` imports ``_base``, then ``_base_panel``; litestar's
        ``handlers/__init__.py`` imports ``base``, then the websocket handlers). Importing
        ``home`` again from ``u`` then runs nothing, whatever ``home`` imports."""
        lines = [i.line for i in self.edges.get(p, {}).get(home, ()) if i.runtime and _unconditional(i.record)]
        if not lines:
            return False
        first = self._first_line_to(p, u, removed)
        return first is None or min(lines) < first

    def _binding_lines(self, p: str) -> dict[str, int]:
        """The first line of each name ``p`` binds by an unconditional module-level
        statement: an import, a class or function, an assignment."""
        summary = self.project.modules[p].summary
        lines: dict[str, int] = dict(summary.binding_lines)
        for rec in summary.imports:
            if not _unconditional(rec) or not rec.is_from:
                continue
            for name, alias in rec.names:
                if name != "*":
                    lines[alias or name] = min(rec.line, lines.get(alias or name, rec.line))
        for c in summary.classes:
            if c.top_level and not c.context:
                lines[c.name] = min(c.line, lines.get(c.name, c.line))
        return lines

    def _first_line_to(self, p: str, u: str, removed: frozenset[tuple[str, str]] | set[tuple[str, str]]) -> int | None:
        """The line of the first run-time import statement of ``p`` that leads to ``u``
        (importing it runs, module by module, a module that imports ``u``, or ``u``'s
        package), following imports and the ``__init__`` of each package not started yet;
        the packages ``u`` is inside of that ``p`` is inside of (or is) do not run again; one
        between ``p`` and ``u`` has not started (``import lightning.pytorch._graveyard`` in
        ``lightning/pytorch/__init__.py`` leads to ``_graveyard/tpu.py``). None when none does."""
        key = (p, u, frozenset(removed))
        if key in self._first_lines:
            return self._first_lines[key]
        started = {q for q in _packages_of(u) if q == p or _inside(p, q)}
        modules = self.project.modules
        statements = sorted(
            (i.line, t)
            for t, imports in self.edges.get(p, {}).items()
            if (p, t) not in removed
            for i in imports
            if i.runtime or (self.include_tc and i.type_checking)
        )
        seen: set[str] = {p}  # a walk that did not reach ``u`` leaves what it saw: none of it does

        def reaches(start: str) -> bool:
            stack = [start]
            while stack:
                n = stack.pop()
                for m in self.successors.get(n, ()):
                    if (n, m) in removed:
                        continue
                    for q in (*_packages_of(m), m):
                        if q == u:
                            return True
                        if q in seen or q not in modules or q in started or _inside(n, q):
                            continue
                        seen.add(q)
                        stack.append(q)
            return False

        found = None
        for line, t in statements:
            starts = [q for q in (*_packages_of(t), t) if q in modules and q not in started and q not in seen and not _inside(p, q)]
            if u in (*_packages_of(t), t) or any(seen.add(q) or reaches(q) for q in starts):  # type: ignore[func-returns-value]
                found = line
                break
        self._first_lines[key] = found
        return found

    def violations(self, component: list[str]) -> Iterator[Violation]:
        sub = cycle_graph(self.successors, component)
        advice = self.project.advice
        self.members = frozenset(component)
        effective, via = self.effective(component)
        # The imports that fail in a run the interpreter can make: packages run before their
        # modules, each module its statements in order (:class:`ImportRuns`; qutip's
        # ``core`` binds what ``blochredfield`` takes before it imports it, and every import
        # of ``blochredfield`` runs it first); of those, the ones the reads alone say can fail
        # when there are any (they are the ones to show).
        runs = self.import_runs.failures(component)
        self.failing = (self.failing_edges(component, effective) & runs) or runs if runs else frozenset()
        if not self.failing:
            # No order of importing its modules can fail (``failing_edges``). A member that,
            # started first, runs through a package's ``__init__`` a module that reads of it
            # too early (``h/base.py`` importing ``o.spec`` runs ``o/__init__.py``, whose
            # ``plugins`` takes ``Late`` from ``h`` before ``h`` binds it: litestar's
            # ``handlers`` and ``openapi/plugins.py``) fails on no cycle of this component:
            # advice on these would break cycles that cannot fail and leave that one.
            return

        def explicit(u: str, v: str) -> list[tuple[str, str]]:
            """The imports to remove for the effective edge ``u -> v`` to go."""
            own = [(u, v)] if v in self.successors.get(u, ()) and not self.harmless(u, v) else []
            return own + [(u, w) for w in via.get((u, v), ()) if w != v]

        def weight(u: str, v: str) -> float:
            return sum(self.weight(a, b) for a, b in explicit(u, v))

        def cheap(u: str, v: str) -> bool:
            """An edge whose imports the functions using them can take, or whose names can
            come from the modules that define them: what a heavier cut is traded for
            (misago's ``detail.py`` importing ``polls.views``' functions, used only in
            methods, rather than moving ``BaseThreadView`` out of its package). Not an edge
            of names needed at import time (moving their definitions may drag the cycle
            along), nor one used only in annotations: a framework may read those at run time
            (a pydantic field's ``Optional["TriageResult"]``), which the summary cannot see."""
            imports = explicit(u, v)
            return bool(imports) and all(_cheap(self.facts(a, b)) for a, b in imports)

        arcs = feedback_arcs(effective, weight, _loads_own_submodule, cheap) if advice else []
        removed = [a for u, v in arcs for a in explicit(u, v)]
        fix_edges = set(removed)
        suggested = [self.edge_info(u, v) for u, v in dict.fromkeys(removed)]
        # The shortest cycles but those closed by an import of what the import system sets
        # (``from . import __path__``), unless their modules also run each other through a
        # package's ``__init__``.
        reported = {u: [v for v in targets if not self.inert(u, v)] for u, targets in sub.items()}
        found = dict.fromkeys([
            *shortest_cycles(reported),
            *(c for c in shortest_cycles(sub) if any(self.inert(*e) for e in edges_of(c)) and self.live(c, via, set())),
        ])
        # Only cycles that can fail; when the shortest cannot but the component can, the
        # shortest cycles through its imports that can.
        # The cycles that run to a failure; else (it goes through a package's ``__init__``
        # that an import from outside runs, which no cycle as written shows: nautobot's
        # ``ipam.formfields`` importing ``forms.fields``) those with an import that can fail.
        running = self.routes_taken([c for c in found if self.runs_to_failure(c)]) or self.failing_cycles(sub)
        if self.failing and not running:
            # Imports that can fail, but no cycle as written runs to them: each way back
            # goes through a package that started before (chroma's and featuretools'
            # ``import pkg`` of the top package, which runs nothing): nothing to show.
            return
        found = dict.fromkeys(running or found)
        plans = []
        for cycle in sorted(found, key=lambda c: (len(c), c))[:MAX_CYCLES_PER_COMPONENT]:
            edges_info = [self.edge_info(u, v) for u, v in edges_of(cycle)]
            nodes = set(cycle)
            candidates = [(e["from"], e["to"]) for e in edges_info if (e["from"], e["to"]) in fix_edges]
            if self.live(cycle, via, set()):  # else the advice is on its own imports (below)
                candidates += [a for u, v in arcs if u in nodes and v in nodes for a in explicit(u, v) if a not in candidates]
            alone = [a for a in candidates if not self.live(cycle, via, {a})]
            together = [] if alone else self.enough(cycle, via, candidates)
            joint = "; and " if together else "; or "  # all of them, or any one
            breaking = [self.edge_info(*a) for a in alone or together] or [
                # A cycle closed by an import that cannot fail (``import pkg`` read only in
                # functions): that import, which a function can take.
                e for e in edges_info if self.harmless(e["from"], e["to"])
            ] or [e for e in edges_info if not _loads_own_submodule(e["from"], e["to"])][-1:]
            breaking, joint = self.in_functions(cycle, via, breaking, joint, fix_edges)
            breaking, joint = self.complete(cycle, breaking, joint, fix_edges)
            plans.append((cycle, edges_info, breaking, joint))
        # The imports the advice names, also those that break a cycle closed by an import
        # that cannot fail (which the effective graph leaves out).
        for _, _, breaking, _ in plans:
            suggested += [e for e in breaking if e not in suggested]
        # What the findings' messages name (not the cut the details suggest, which may
        # hold imports no message asks to move).
        advised = frozenset((b["from"], b["to"]) for _, _, breaking, _ in plans for b in breaking)
        # The same, by statement: a message moves a whole statement, whose other names may
        # be other modules (qutebrowser's ``from qutebrowser.keyinput import modeman, modeparsers``).
        moved = self._statement_pairs((b["from"], b["line"]) for _, _, breaking, _ in plans for b in breaking)
        for cycle, edges_info, breaking, joint in plans:
            first = edges_info[0]
            chain = " -> ".join([*cycle, cycle[0]])
            size = f" (part of a cycle of {len(component)} modules)" if len(component) > len(cycle) else ""
            # The advice counts the suggested imports as gone (the plan), but alternatives
            # (``; or``) are each advised as if alone: a name imported from where it is
            # defined instead must not lead back through another alternative's import
            # (great_expectations' ``render.components`` runs ``render/__init__.py``, whose
            # ``view`` imports the package the other alternative moves).
            pairs = [(b["from"], b["to"]) for b in breaking]
            if joint == "; or " and advice:
                # Of alternatives, those that take the importer off the cycle on their own.
                whole = [(b, p) for b, p in zip(breaking, pairs) if not self.alone(p, {p})]
                if whole:
                    breaking, pairs = [b for b, _ in whole], [p for _, p in whole]
            texts = []
            for e, pair in zip(breaking, pairs):
                gone = set(pairs) if joint == "; and " else {pair}
                # Only moves a finding asks for count as done: an edge of the cut that no
                # message names stays (optuna's ``study.study`` importing ``_heartbeat``, which
                # would otherwise let ``_heartbeat`` take ``BaseStorage`` from ``_base``).
                text = self.advice(e, advised.union(pairs) if joint == "; and " else advised.difference(p for p in pairs if p != pair))
                note = self.alone(pair, gone, advised)
                if not note and SUPPRESS not in text:
                    note = self.stays(pair, gone | moved)  # (``moved`` holds this finding's statements)
                texts.append(text + note)
            move = "; " + joint.join(texts) if advice and breaking else ""
            yield RULE.violation(
                first["path"],
                first["line"],
                _first_import(self.edges[cycle[0]][cycle[1]], self.include_tc).col,
                f"circular import: {chain}{size}{move}",
                key="cycle:" + "|".join(cycle),
                details={
                    "modules": list(cycle),
                    "edges": edges_info,
                    "component_size": len(component),
                    "component": component if len(component) <= 50 else component[:50],
                    "suggested_fix": suggested,
                },
                fix=self.fix(cycle, breaking) if advice else None,
            )

    def runs_to_failure(self, cycle: tuple[str, ...]) -> bool:
        """Whether the cycle itself can fail: one of its imports can (``self.failing``), and
        the chain from what that import takes around the cycle back to its importer runs
        each module on it, importing no module that has started (a package of one before it
        on the chain). A cycle that can fail only elsewhere in its component is not the one
        to show: featuretools' ``primitives/utils.py`` closes one by ``import featuretools``,
        read in functions, which runs nothing, whatever other imports of the cycle do."""
        return self._failure_of(cycle) is not None

    def _failure_of(self, cycle: tuple[str, ...]) -> tuple[str, str] | None:
        """The import of the cycle that fails when its chain runs (:meth:`runs_to_failure`),
        or None."""
        edges = list(edges_of(cycle))
        for i, (u, v) in enumerate(edges):
            if (u, v) not in self.failing:
                continue
            started = {*_packages_of(v), v}
            entered: set[str] = set()  # packages the chain ran first, their bodies still going on
            for _, b in (*edges[i + 1 :], *edges[:i]):
                if b in started and b not in entered:
                    break
                # Importing ``b`` from outside its packages runs them first: the chain goes
                # on from their bodies (nautobot's ``ipam.formfields`` importing
                # ``forms.fields`` runs ``forms/__init__.py``, which imports ``forms.views``).
                entered.update(q for q in _packages_of(b) if q not in started)
                started.update((*_packages_of(b), b))
            else:
                return u, v
        return None

    def routes_taken(self, cycles: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
        """Of cycles that fail on one import ``u -> v``, those whose way back from ``v`` the
        interpreter takes: each module on it runs its statements in order, so where two ways
        back leave one module by two imports, the earlier import (an unconditional one)
        reaches ``u`` first, and the later never runs to the failure. CellProfiler's
        ``pipelinecontroller`` imports ``addmoduleframe`` on line 149, which leads to
        ``cpframe``, before it imports ``cpframe`` itself on line 150: only the cycle through
        line 149 is shown. So further along the way: SurfSense's ``automations/persistence/
        models/__init__.py`` imports ``.automation`` before ``.run`` and ``.trigger``, each of
        which leads back to ``app.db``: only the cycle through ``.automation`` is shown."""
        groups: dict[tuple[str, str], list[tuple[tuple[str, ...], list[tuple[str, str, int | None]]]]] = defaultdict(list)
        kept: list[tuple[str, ...]] = []
        for cycle in cycles:
            failure = self._failure_of(cycle)
            if failure is None:
                kept.append(cycle)
                continue
            edges = list(edges_of(cycle))
            start = edges.index(failure) + 1
            way = [edges[(start + k) % len(edges)] for k in range(len(edges) - 1)]  # from v back to u
            groups[failure].append((cycle, [(a, b, self._first_unconditional(a, b)) for a, b in way]))
        for members in groups.values():
            for cycle, way in members:
                if not any(_taken_before(other, way) for _, other in members if other is not way):
                    kept.append(cycle)
        return kept

    def _first_unconditional(self, a: str, b: str) -> int | None:
        """The line of ``a``'s first unconditional run-time import of ``b`` (None: none)."""
        lines = [s.line for s in self.edges.get(a, {}).get(b, ()) if s.runtime and not s.record.context]
        return min(lines) if lines else None

    def failing_cycles(self, sub: dict[str, list[str]]) -> list[tuple[str, ...]]:
        """For each import that can fail (``self.failing``), the shortest cycle of imports
        as written through it that runs to that failure (:meth:`runs_to_failure`), when
        there is one."""
        found: dict[tuple[str, ...], None] = {}
        for u, v in sorted(self.failing):
            path = self._shortest_path(sub, v, u)
            if path is not None and self.runs_to_failure(_rotated(path)):
                found.setdefault(_rotated(path))
                if len(found) >= MAX_CYCLES_PER_COMPONENT:
                    break
        return list(found)

    @staticmethod
    def _shortest_path(sub: dict[str, list[str]], start: str, goal: str) -> list[str] | None:
        """The shortest chain of imports as written from ``start`` to ``goal`` that imports
        no package of ``start``, nor of the module importing (which have started)."""
        parents: dict[str, str | None] = {start: None}
        started = set(_packages_of(start))
        queue = [start]
        for node in queue:
            for succ in sorted(sub.get(node, ())):
                if succ in parents or succ in started or _inside(node, succ):
                    continue
                parents[succ] = node
                if succ == goal:
                    path = [succ]
                    while parents[path[-1]] is not None:
                        path.append(parents[path[-1]])  # type: ignore[arg-type]
                    return list(reversed(path))
                queue.append(succ)
        return None

    def alone(self, edge: tuple[str, str], gone: set[tuple[str, str]], advised: frozenset[tuple[str, str]] = frozenset()) -> str:
        """For an advised import that cannot fail (:meth:`harmless`: ``import pkg`` in
        ``pkg/sub.py``, read only in functions), whose cycle is reported only because a
        function can take it, what moving it leaves: ``sub``'s other run-time imports that
        still lead back to ``pkg`` once the finding's advised imports (``gone``) are, through
        modules that import it too (sabnzbd's ``api.py`` imports ``sabnzbd.config`` and ``sabnzbd.cfg``,
        which import ``sabnzbd``). Moving the one import alone leaves the module on a cycle
        with the package; the advice names those imports (empty when there are none), and
        says when they lead back only through imports the component's other advice
        (``advised``) moves."""
        a, b = edge
        if not self.harmless(a, b):
            return ""
        # ``a`` and its packages have started before its body runs (``b`` among them): an
        # import of one of them runs nothing again, and a route leads back only through
        # modules that have not (volatility3's ``from volatility3 import framework`` inside
        # ``volatility3.framework.interfaces`` runs no ``framework/__init__``).
        started = frozenset((*_packages_of(a), a))
        back = self._reaching(b, a, gone, started)
        found = [w for w in self.successors.get(a, ()) if w != b and w not in started and (a, w) not in gone and self._leads(a, w, back, started)]
        if not found:
            return ""
        kept = found
        # The other findings' imports (never this module's own, which its message would name).
        others = frozenset(p for p in advised - gone if p[0] != a)
        if others:
            # The ways back that the component's other advice leaves too (astroid's two
            # ``import astroid``, each the only way back of the other's module).
            rest = self._reaching(b, a, gone | others, started)
            kept = [w for w in found if self._leads(a, w, rest, started)]
            if not kept:
                return (
                    f"; that alone leaves {a} on a cycle with {b} until the other imports advised for "
                    f"these modules move too: {self._listed(a, found)} back to it only through them"
                )
        even = ", even once the other imports advised for these modules move," if len(kept) < len(found) else ","
        return (
            f"; that alone leaves {a} on a cycle with {b}: {self._listed(a, kept)} back to it through modules that "
            f"import {b}{even} and the cycle goes only when {'they do' if len(kept) > 1 else 'that does'} too (or "
            f"those modules stop importing it)"
        )

    def _leads(self, a: str, w: str, reached: set[str], started: frozenset[str]) -> bool:
        """``a``'s import of ``w`` runs a module of ``reached``: ``w`` or a package it is in
        that has not started (the packages ``a`` is in have; only ``w`` itself counts there)."""
        return any(
            t in reached for t in (*_packages_of(w), w)
            if t in self.members and t not in started and (t == w or not _inside(a, t))
        )

    def _statement_pairs(self, statements: Iterable[tuple[str, int]]) -> set[tuple[str, str]]:
        """The edges the statements (importer, line) are behind: moving a statement moves
        every module it imports."""
        found: set[tuple[str, str]] = set()
        for u, line in statements:
            for w, imports in self.edges.get(u, {}).items():
                if any(imp.line == line for imp in imports):
                    found.add((u, w))
        return found

    def stays(self, edge: tuple[str, str], gone: set[tuple[str, str]]) -> str:
        """For an advised move, when the importer stays on a cycle even once every import
        the component's messages advise is gone (``gone``): its other
        run-time imports that still lead back to it (django-cms's ``cms/forms/fields.py``,
        whose ``from cms.models.pagemodel import Page`` runs ``cms/models/__init__.py``,
        which loads the fields module again, through imports no message names). The
        finding's own loop goes, and following every message would still leave the module
        on a cycle (often through a package ``__init__``, which the cycles, found on the
        imports as written, do not show): the message says so rather than let a reader
        think the messages are enough. Gone are whole statements (a statement moved takes
        every module it imports with it). When the other messages' imports close every
        way back (four modules each importing the package they all lead back to), following
        them all breaks it, and nothing is added. Ways back through a package the importer
        is in do not count: it has started, and runs nothing again."""
        a, _ = edge
        started = frozenset((*_packages_of(a), a))
        back = self._reaching(a, a, gone, started)
        found = [
            w for w in self.successors.get(a, ())
            if w not in started and (a, w) not in gone and not self.inert(a, w) and self._leads(a, w, back, started)
        ]
        if not found:
            return ""
        return (
            f"; that breaks this loop, but {a} stays on a cycle even once the imports these findings "
            f"advise move: {self._listed(a, found)} back to it"
        )

    def _listed(self, a: str, imported: list[str]) -> str:
        """``its imports of x (line 3), y (line 5) lead``: ``a``'s imports of the modules
        ``imported``, by statement line, at most three lines named."""
        lines: dict[int, list[str]] = defaultdict(list)  # one statement may import several
        for w in imported:
            lines[self.edge_info(a, w)["line"]].append(w)
        shown = [f"{', '.join(modules)} (line {line})" for line, modules in sorted(lines.items())[:3]]
        if len(lines) > 3:
            shown.append(f"{len(lines) - 3} more")
        listed = shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} and {shown[-1]}"
        return f"its imports of {listed} lead" if len(imported) > 1 else f"its import of {listed} leads"

    def _reaching(self, b: str, a: str, gone: set[tuple[str, str]], started: frozenset[str] = frozenset()) -> set[str]:
        """The component's modules whose run-time imports (but the ``gone`` ones, and not
        through ``a``) lead to ``b``, counting the package ``__init__`` each import runs
        first; ``b`` itself among them. An import of a package for what the import system
        sets on it, or passed on as the object (:meth:`inert`), does not count: the cycles it
        closes are not reported (hypothesis' ``escalation.py``). Nor does running a module of
        ``started`` (``a`` and its packages, which are running): only an import of ``b``
        itself reads it again (OctoPrint's ``printer`` importing from ``filemanager.storage``,
        whose ``__init__`` is what imports ``a``)."""
        preds: dict[str, set[str]] = defaultdict(set)
        for x in self.members:
            if x == a:
                continue
            for y in self.successors.get(x, ()):
                if (x, y) in gone or self.inert(x, y):
                    continue
                for t in (*_packages_of(y), y):
                    if t in started and not t == y == b:
                        continue  # already running: only an import of ``b`` itself closes the cycle
                    if t in self.members and t != x and (t == y or not _inside(x, t)):
                        preds[t].add(x)
        found, stack = {b}, [b]
        while stack:
            for x in preds.get(stack.pop(), ()):
                if x not in found:
                    found.add(x)
                    stack.append(x)
        return found

    def complete(
        self, cycle: tuple[str, ...], breaking: list[dict], joint: str, gone: set[tuple[str, str]],
    ) -> tuple[list[dict], str]:
        """The advised imports, and each other import of the same module that would still
        run the next module of the cycle once they are gone, through the ``__init__`` of a
        package outside the component (which the cycles, found on the imports as written,
        do not show): cobbler's ``base_item.py`` deferring ``from cobbler.items.options
        import base`` still runs ``options.base`` by ``from cobbler.utils import
        input_converters``, whose package's ``__init__`` imports it. Those go too (``; and``).
        Of alternatives (``; or``), those that need no other import are kept, else the
        first with what it needs. Not when the cycle comes back to the importer from a
        package it is inside of (OctoBot's ``supabase_backend/__init__.py`` importing
        ``community_supabase_client``): that package started first and does not run again,
        so the second way stops there."""
        pairs = [(b["from"], b["to"]) for b in breaking]
        back = {node: cycle[i - 1] for i, node in enumerate(cycle)}
        needs = [
            [] if a not in back or _inside(a, back[a])
            else self._running(a, b, gone.union(pairs) if joint == "; and " else (gone - set(pairs)) | {(a, b)})
            for a, b in pairs
        ]
        if not any(needs):
            return breaking, joint
        if joint == "; or ":
            sufficient = [b for b, extra in zip(breaking, needs) if not extra]
            if sufficient:
                return sufficient, joint
            breaking, needs = breaking[:1], needs[:1]
        extra = [self.edge_info(*a) for found in needs for a in found]
        return [*breaking, *(e for e in extra if e not in breaking)], "; and "

    def _running(self, a: str, b: str, gone: set[tuple[str, str]]) -> list[tuple[str, str]]:
        """``a``'s run-time imports (but those ``gone``) that run ``b`` through the
        ``__init__`` of a package outside the component that has not started (not one
        ``a`` is inside of): the ``__init__``, or a module of the same package it runs,
        imports ``b``. (Only there: a longer way, through other packages' ``__init__``,
        depends on which of them an entry point has imported already, which the code does
        not tell.)"""
        modules, members = self.project.modules, self.members
        found: list[tuple[str, str]] = []
        if _inside(a, b):
            return found  # ``b`` started before ``a`` did: nothing runs it again
        for w in self.successors.get(a, ()):
            if w == b or (a, w) in gone:
                continue
            packages = [p for p in _packages_of(w) if p in modules and p not in members and not _inside(a, p) and p != a]
            if any(self._package_runs(p, b, gone) for p in packages):
                found.append((a, w))
        return found

    def _package_runs(self, p: str, b: str, gone: set[tuple[str, str]]) -> bool:
        """Whether the ``__init__`` of package ``p``, or a module of ``p`` it runs, imports
        ``b`` (or a module of package ``b``), once the ``gone`` imports are."""
        key = (p, b, frozenset(gone))
        found = self._package_hits.get(key)
        if found is not None:
            return found
        found = False
        seen, stack = {p}, [p]
        while stack and not found:
            n = stack.pop()
            for m in self.successors.get(n, ()):
                if (n, m) in gone:
                    continue
                if b == m or _inside(m, b):
                    found = True
                    break
                if m not in seen and _inside(m, p) and m not in self.members:
                    seen.add(m)
                    stack.append(m)
        self._package_hits[key] = found
        return found

    def enough(self, cycle: tuple[str, ...], via: dict[tuple[str, str], list[str]], candidates: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """Of imports that together break the cycle (none alone does), the ones still needed
        once each import another one makes unnecessary is given back, cheapest first."""
        kept = list(candidates)
        for a in sorted(candidates, key=lambda a: (self.weight(*a), a)):
            trial = [b for b in kept if b != a]
            if trial and not self.live(cycle, via, set(trial)):
                kept = trial
        return kept

    def live(self, cycle: tuple[str, ...], via: dict[tuple[str, str], list[str]], removed: set[tuple[str, str]]) -> bool:
        """Whether the cycle's own imports still run around it once the ``removed`` imports
        are gone, as importing runs them: an import that cannot fail (:meth:`harmless`)
        does not close it, and an import of ``p.x`` from outside ``p`` also runs ``p``,
        as long as one of the module's imports of a module of ``p`` is left."""
        nodes = set(cycle)
        graph: dict[str, list[str]] = defaultdict(list)
        for a, b in edges_of(cycle):
            if (a, b) not in removed and not self.harmless(a, b):
                graph[a].append(b)
            for p in (*_packages_of(b), b):  # b too: ``a`` may also import modules of package ``b``
                if p in nodes and p != a and not _inside(a, p) and any((a, w) not in removed for w in via.get((a, p), ())):
                    graph[a].append(p)
        return bool(components({u: graph.get(u, []) for u in cycle}))

    def fix(self, cycle: list[str], breaking: list[dict]) -> Fix | None:
        """A fix changes the violation's own file: the suggested edge out of it, if any."""
        own = next(((e["from"], e["to"]) for e in breaking if e["from"] == cycle[0]), None)
        if own is None or own in self.proposed or not self.facts(*own).deferrable or self.project.modules[own[0]].summary.generated:
            return None  # names needed at import time, or read by nothing: no function takes it
        fix = _defer(self.project, self.importers, own[0], self.edges[own[0]][own[1]], self.include_tc)
        if fix is not None:
            self.proposed.add(own)
        return fix


def _fixture_cycle(test: str) -> dict[str, str]:
    """Two test fixtures written to import each other, beside the test ``test``."""
    return {
        "app/__init__.py": "",
        "tests/__init__.py": "",
        "tests/importer/__init__.py": "",
        "tests/importer/circular_a.py": "from .circular_b import foo  # noqa\n\nbar = 1\n",
        "tests/importer/circular_b.py": "from .circular_a import bar  # noqa\n\nfoo = 1\n",
        "tests/importer/test_importer.py": test,
    }


def _django_apps(*installed: str) -> dict[str, str]:
    """Two Django applications whose models modules form a cycle through a third module,
    installed in the order given (the examples of Django's set-up)."""
    return {
        "settings.py": f"INSTALLED_APPS = [\n    'django.contrib.auth',\n    {', '.join(map(repr, installed))},\n]\n",
        "users/__init__.py": "",
        "users/models.py": "from django.db import models\n\n\nclass User(models.Model):\n    pass\n\n\n"
        "from alerts.models import Alert  # noqa: E402\n",
        "alerts/__init__.py": "",
        "alerts/models.py": "from django.db import models\n\nfrom alerts.snapshot import Snapshot\n\n\n"
        "class Alert(models.Model):\n    pass\n",
        "alerts/snapshot.py": "from users.models import User\n\n\nclass Snapshot:\n    owner = User\n",
    }


def _unlisted_django_app(model_base: str = "models.Model", guard: str = "from django.contrib.admin.models import LogEntry\n\n") -> dict[str, str]:
    """A Django application whose settings no module spells (akvo-rsr's settings package
    executes ``*.conf`` files): its models package imports a user model whose module
    imports the permissions, which import the models package back."""
    return {
        "rsr/__init__.py": "",
        "rsr/models/__init__.py": guard + "from .org import Org\nfrom .user import User\n",
        "rsr/models/org.py": f"from django.db import models\n\n\nclass Org({model_base}):\n    pass\n",
        "rsr/models/user.py": f"from django.db import models\n\nfrom rsr.permissions import can_edit\n\n\nclass User({model_base}):\n    pass\n",
        "rsr/permissions.py": "from rsr.models import Org\n\n\ndef can_edit(user):\n    return Org\n",
    }


# habitat-lab's navigation task and dataset modules, each importing the other.
_NAV_TASK = (
    "try:\n    from nav.dataset import DatasetV1\nexcept ImportError:\n    pass\n\n\n"
    "class Episode:\n    pass\n\n\ndef load(config) -> 'DatasetV1':\n{load}"
)
_NAV_DATASET = "from nav.task import Episode\n\n\nclass DatasetV1:\n    def add(self):\n        return Episode()\n"

RULE = Rule(
    code="SSOT002",
    name="circular-import",
    summary="First-party modules that import each other at import time",
    check=check,
    unchanged=unchanged,
    fixable="sometimes",
    valid=(
        # What the import system binds before a package's first statement runs: ProDy's
        # submodules import `from prody import LOGGER, __path__` while `prody/__init__.py`,
        # which bound LOGGER above, imports them.
        Example(
            {
                "prody/__init__.py": "import logging\n\nLOGGER = logging.getLogger('prody')\n\nfrom . import atomic\n",
                "prody/atomic/__init__.py": "from .atomic import *\n",
                "prody/atomic/atomic.py": "from prody import LOGGER, __path__\n\nPATH = __path__[0]\n",
            }
        ),
        # A compiled submodule the package imports above the module that reads it off the
        # package (psi4's `from psi4.core import ...` above `from .driver import *`, whose
        # annotations read `psi4.core.Molecule`): it finished when it was imported.
        Example(
            {
                "pkg/__init__.py": "from pkg.core import x\n\nfrom .driver import *\n",
                "pkg/core.pyi": "x: int\n\n\nclass M: ...\n",
                "pkg/core.cpython-311-x86_64-linux-gnu.so": "",
                "pkg/driver.py": "import pkg\n\n\ndef f(m: pkg.core.M) -> None:\n    pass\n",
            }
        ),
        # Compiled code runs above the import (cupy's `from cupy import _core`, a package of
        # Cython modules), so another compiled submodule the reader reads off the package
        # (`cupy._util`, imported by the package itself only further down) may be loaded by
        # then: whether the read fails is not known.
        Example(
            {
                "gpu/__init__.py": "from gpu import _core\n\nfrom gpu import fft\n\nfrom gpu._util import memoize\n",
                "gpu/_core/__init__.py": "from gpu._core.core import ndarray\n",
                "gpu/_core/core.pyx": "cdef class ndarray: pass\n",
                "gpu/_util.pyx": "def memoize(): pass\n",
                "gpu/fft.py": "import gpu\n\n\n@gpu._util.memoize()\ndef plan():\n    return gpu._core.ndarray\n",
            }
        ),
        # A submodule's fallback reads a name its package binds nowhere (psychopy's `from .
        # import Image` when Pillow is missing): that read fails in every order, the
        # package finished or not: a missing name (SSOT003's), not the cycle's failure.
        Example(
            {
                "vis/__init__.py": "from vis.base import BaseStim\nfrom vis.shape import Shape\n",
                "vis/base.py": "try:\n    from PIL import Image\nexcept ImportError:\n    from . import Image\n\n\n"
                "class BaseStim:\n    image = Image\n",
                "vis/shape.py": "from vis.base import BaseStim\n\n\nclass Shape(BaseStim): ...\n",
            }
        ),
        # A package that binds names by computed keys (`globals().update(...)`) before it
        # imports the submodule that reads one of them back (easybuild's easyconfig
        # package binds `MANDATORY` so): any name may be bound by then.
        Example(
            {
                "eb/__init__.py": "",
                "eb/conf/__init__.py": "from eb.conf.default import ALL_CATEGORIES\nglobals().update(ALL_CATEGORIES)\n\n"
                "from eb.conf.easyconfig import EasyConfig\n",
                "eb/conf/default.py": "ALL_CATEGORIES = {'MANDATORY': 'mandatory', 'CUSTOM': 'custom'}\n",
                "eb/conf/easyconfig.py": "from eb.conf import MANDATORY\n\n\nclass EasyConfig:\n    kind = MANDATORY\n",
            }
        ),
        # A guarded import back into the cycle whose name nothing that runs reads (a string
        # annotation, a function's own import): the ImportError is caught in every order,
        # the module runs again, whole, when imported next (habitat-lab's navigation tasks).
        Example(
            {
                "nav/__init__.py": "",
                "nav/task.py": _NAV_TASK.format(load="    from nav.dataset import DatasetV1\n\n    return DatasetV1(config)\n"),
                "nav/dataset.py": _NAV_DATASET,
            }
        ),
        # A `try` body's bindings hold in its `else`: the package binds `Visa` before the
        # submodule that reads it back from the package runs (pymeasure's adapters).
        Example(
            {
                "ad/__init__.py": "try:\n    from ad.visa import Visa\nexcept ImportError:\n    pass\nelse:\n"
                "    from ad.prologix import Prologix\n",
                "ad/visa.py": "class Visa: ...\n",
                "ad/prologix.py": "from ad import Visa\n\n\nclass Prologix(Visa): ...\n",
            }
        ),
        # A star import in a `try` body brings its names for the later statements of that
        # body: the package binds `StrVec` before the import that leads back to it for
        # `StrVec` (GridCal's package `__init__`, all of it in one `try`).
        Example(
            {
                "vg/__init__.py": "try:\n    from vg.basic import *\n    from vg.io.handler import FileOpen\n"
                "except ModuleNotFoundError as e:\n    print('modules not found', e)\n",
                "vg/basic.py": "class StrVec: ...\n",
                "vg/io/__init__.py": "",
                "vg/io/handler.py": "from vg.io.cgmes import make\n\n\nclass FileOpen: ...\n",
                "vg/io/cgmes.py": "from vg import StrVec\n\n\ndef make():\n    return StrVec()\n",
            }
        ),
        # A Django project: a model class cannot be defined before `django.setup()`, which
        # imports each installed application's models in the order of INSTALLED_APPS. Only
        # `users.models` first can enter this cycle (from `alerts.models`, the run reaches
        # `class User(models.Model)` before the read that would fail, and raises there), and
        # in that order every name read is bound.
        Example(
            _django_apps("users", "alerts")
        ),
        # The same where no settings module spells INSTALLED_APPS: the applications are the
        # packages whose models define Django models. Before the set-up, a run that would
        # start at the permissions stops at the admin's models import (AppRegistryNotReady);
        # the set-up imports the models package first, and every name read is bound then.
        Example(_unlisted_django_app()),
        # Two modules that import each other at their bottoms, each for names the other
        # defines above that import (sentry's ``tracing`` and ``tracing_utils``): whichever
        # starts first has bound them before it leads to the other, so no order fails.
        Example(
            {
                "app/__init__.py": "",
                "app/tracing.py": "class Span: ...\n\n\nfrom app.tracing_utils import Baggage  # noqa: E402\n",
                "app/tracing_utils.py": "class Baggage: ...\n\n\nfrom app.tracing import Span  # noqa: E402\n",
            }
        ),
        # A module outside a package taking a name the package binds above the import that
        # leads to that module (optuna's ``samplers`` taking ``StudyDirection`` from
        # ``study``, whose ``__init__`` binds it a line before it imports what leads there).
        Example(
            {
                "app/__init__.py": "",
                "app/handlers/__init__.py": "from app.handlers.http import get\nfrom app.handlers import ws\n",
                "app/handlers/http.py": "def get(): ...\n",
                "app/handlers/ws.py": "import app.connection\n",
                "app/connection.py": "import app.plugins\n",
                "app/plugins.py": "from app.handlers import get\n\n\nclass Plugin:\n    route = get\n",
            }
        ),
        # A package that adds a folder to its own `__path__`: `from app import activations`
        # in that folder's `__init__` loads the submodule from the folder, not the package's
        # body again, so there is no cycle app -> app.api -> app.
        Example(
            {
                "app/__init__.py": "import os\n__path__.append(os.path.join(os.path.dirname(__file__), 'api'))\n"
                "from app.api import *\n",
                "app/api/__init__.py": "from app import activations\n",
                "app/api/activations/__init__.py": "from app.src.act import relu\n",
                "app/src/__init__.py": "",
                "app/src/act.py": "def relu(): ...\n",
            }
        ),
        # A package that adds plugin folders to its `__path__` under a condition (pyscf's
        # `PYSCF_EXT_PATH`): `from app import fast_einsum`, of a name the package binds with
        # none of its statements, loads a plugin's submodule from inside the package, which
        # started first; nothing is read off its body, so there is no cycle app -> app.lib -> app.
        Example(
            {
                "app/__init__.py": "import os\nif os.environ.get('APP_EXT'):\n    for p in os.environ['APP_EXT'].split(':'):\n"
                "        __path__.append(p)\nfrom app import lib\n",
                "app/lib.py": "try:\n    from app import fast_einsum\nexcept ImportError:\n    fast_einsum = None\n",
            }
        ),
        Example(
            {
                "app/__init__.py": "",
                "app/a.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from app.b import B\n\nclass A: ...\n",
                "app/b.py": "from app.a import A\n\nclass B:\n    pass\n",
                "app/c.py": "def f():\n    from app.d import D\n    return D\n\nclass C: ...\n",
                "app/d.py": "from app.c import C\n\nclass D: ...\n",
            }
        ),
        # An import under a main guard runs only when the file is run as a script, also
        # when the guard is one condition of an ``and`` (either way round).
        Example(
            {
                "cli.py": "try:\n    from typing import TYPE_CHECKING\nexcept ImportError:\n    TYPE_CHECKING = False\n\n"
                "if not TYPE_CHECKING and __name__ == '__main__':\n    from app.main import main\n    main()\n"
                "elif '__main__' == __name__:\n    from app.other import run\nelse:\n    from app.shadow import *\n",
                "app/__init__.py": "",
                "app/main.py": "from app.code import Code\n\ndef main(): ...\n",
                "app/other.py": "from app.code import Code\nrun = 1\n",
                "app/shadow.py": "X = 1\n",
                "app/code.py": "import cli\n\nclass Code: ...\n",
            }
        ),
        # ``import pkg`` in pkg's own submodule, read while it is imported only for what the
        # import system set on the package (``pkg.__file__``) or passed on as the object
        # (``belongs_to(pkg)``), whatever functions read of it later: the package started
        # first, so the import runs nothing and reads nothing that can be missing.
        Example(
            {
                "pkg/__init__.py": "from pkg.utils import ROOT\nfrom pkg.escalation import is_own\n\nVERSION = 1\n",
                "pkg/utils.py": "import os\n\nimport pkg\n\nROOT = os.path.dirname(pkg.__file__)\n\n\n"
                "def version():\n    return pkg.VERSION\n",
                "pkg/escalation.py": "import pkg\n\n\ndef belongs_to(package):\n    return package.__name__\n\n\n"
                "is_own = belongs_to(pkg)\n",
            }
        ),
        # ``import pkg`` in pkg's own submodule that nothing reads (a docstring names
        # ``pkg.chunk``): the package started first, the import runs nothing, and no
        # function has a use to take (nltk's ``corpus/reader/chunked.py``).
        Example(
            {
                "pkg/__init__.py": "from pkg import reader\n\nVERSION = 1\n",
                "pkg/reader.py": '"""Parses with ``pkg.chunk``."""\nimport pkg\n\n\nclass Reader:\n    pass\n',
            }
        ),
        # A package that binds a submodule's name itself (a lazy proxy that imports the
        # submodule on first use, inside a function): ``from pkg import window`` reads the
        # proxy and loads no submodule, so pkg.app and pkg.window never load each other.
        Example(
            {
                "pkg/__init__.py": "from typing import TYPE_CHECKING\n\n\nclass _Proxy:\n"
                "    def __init__(self, name):\n        self.name = name\n\n"
                "    def __getattr__(self, attr):\n        import importlib\n"
                "        return getattr(importlib.import_module('pkg.' + self.name), attr)\n\n\n"
                "if TYPE_CHECKING:\n    from . import app, window\nelse:\n"
                "    app = _Proxy('app')\n    window = _Proxy('window')\n",
                "pkg/app.py": "from pkg import window\n\n\ndef run():\n    return window.Window()\n",
                "pkg/window.py": "from pkg import app\n\n\nclass Window:\n    loop = app.run\n",
            }
        ),
        # ``from . import _stats`` names a submodule, here a compiled one (a ``.pyx``; an
        # extension a ``setup.py`` builds alike): from inside its package it loads that
        # module alone, never a name of the package's ``__init__``, which started first.
        Example(
            {
                "stats/__init__.py": "from .funcs import mean\nfrom .model import Model\n",
                "stats/_stats.pyx": "def scale(x):\n    return x\n",
                "stats/_smoothers.pyx": "def run(x):\n    return x\n",
                "stats/funcs.py": "from . import _stats\n\nSCALE = _stats.scale\n\n\ndef mean(x):\n    return x\n",
                "stats/model.py": "from stats import _smoothers as fast\n\n\nclass Model:\n    run = fast.run\n",
            }
        ),
        # An import that never runs closes no cycle: ``if False:`` / ``if 0:`` (an idiom for
        # imports only type checkers and editors read) and the dead branch of a flag the module
        # binds once to a constant are read like ``if TYPE_CHECKING:``.
        Example(
            {
                "lib/__init__.py": "if 0:  # code completion in editors\n    from lib.tools import Tool\n",
                "lib/tools.py": "from lib import *\n\n\nclass Tool: ...\n",
                "lib/types.py": "if False:  # work around for mypy\n    from lib.base import Node\n\n\nclass Kind: ...\n",
                "lib/base.py": "from lib.types import Kind\n\n\nclass Node:\n    kind = Kind\n",
                "lib/sync.py": "_IS_ASYNC = False\nif _IS_ASYNC:\n    from lib.user import User\n\n\nclass Sync: ...\n",
                "lib/user.py": "from lib.sync import Sync\n\n\nclass User(Sync): ...\n",
            }
        ),
        # Two test fixtures written to import each other, which a test loads by name
        # (``import_from_string("tests.importer.circular_a:bar")``) to check its error: no
        # statement of code that runs imports them, so they are test data and their cycle
        # breaks nothing (uvicorn's ``tests/importer/``).
        Example(_fixture_cycle("def test_cycle():\n    load('tests.importer.circular_a:bar')\n")),
        # Cycles that no order of importing their modules can make fail: a package's module
        # reading the package only in functions (flair's ``import flair``), or only names the
        # package binds above its import of that module (nextcord's ``__version__``; a click
        # group or a Flask ``app`` its modules register on). The package always starts first.
        Example(
            {
                "p/__init__.py": "from p.a import A\n",
                "p/a/__init__.py": "from p.a.y import A\nfrom p.a.x import X\n",
                "p/a/y.py": "from p.a.x import X\n\n\nclass A(X): ...\n",
                "p/a/x.py": "import p\n\n\nclass X:\n    def make(self):\n        return p.A()\n",
            }
        ),
        Example(
            {
                "web/__init__.py": "__version__ = '1'\napp = object()\n\nfrom web import views  # noqa: E402\n",
                "web/views.py": "from web import __version__, app\n\nROUTES = {app: __version__}\n",
            }
        ),
        # A name the package binds in a `try` whose handler binds nothing (dynesty's
        # `__version__` from the metadata, `except PackageNotFoundError: pass`): where the
        # handler runs, it is missing in every order; the order is judged on the way that
        # binds it, and none fails.
        Example(
            {
                "dy/__init__.py": "from importlib.metadata import PackageNotFoundError, version\n\ntry:\n"
                "    __version__ = version('dy')\nexcept PackageNotFoundError:\n    pass\n\nfrom dy import utils\n",
                "dy/utils.py": "from dy import __version__ as DY_VERSION\n",
            }
        ),
    ),
    invalid=(
        # A package that names itself to a logger (`logging.getLogger(__name__)`, the
        # result kept) loads nothing by that: convert2rhel's `toolopts` imports a module of
        # `utils`, whose `__init__` reads `toolopts.tool_opts` before it is bound.
        Example(
            {
                "app/__init__.py": "",
                "app/toolopts/__init__.py": "import logging\n\nfrom app.utils.subscription import setup_parts\n\n"
                "loggerinst = logging.getLogger(__name__)\n\n\nclass ToolOpts:\n    pass\n\n\ntool_opts = ToolOpts()\n",
                "app/utils/__init__.py": "import logging\n\nfrom app.toolopts import tool_opts\n\nlogger = logging.getLogger(__name__)\n",
                "app/utils/subscription.py": "def setup_parts():\n    return 1\n",
            },
            expect=(("app/utils/__init__.py", 3),),
        ),
        # The same shape with no Django model anywhere: no set-up holds a start back, and a
        # run from the permissions module fails at the user module's read of it.
        Example(_unlisted_django_app("object", ""), expect=(("rsr/models/__init__.py", 2),)),
        # Two cycles fail on one import, `cpframe`'s of `PipelineController`; the controller
        # imports `addframe` (which leads to `cpframe`) on the line before it imports
        # `cpframe` itself, so only the way through `addframe` runs to the failure, and only
        # that cycle is shown (CellProfiler's GUI).
        Example(
            {
                "gui/__init__.py": "",
                "gui/pipelinecontroller.py": "import gui.addframe\nimport gui.cpframe\n\n\nclass PipelineController:\n"
                "    def frame(self):\n        return gui.cpframe.ID\n",
                "gui/addframe.py": "import gui.cpframe\n\n\nclass AddModuleFrame:\n    pass\n",
                "gui/cpframe.py": "from gui.pipelinecontroller import PipelineController\n\nID = 1\n\n\n"
                "class CPFrame:\n    controller = PipelineController\n",
            },
            expect=(("gui/addframe.py", 1),),
        ),
        # So further along the way back: two cycles fail on `db`'s read of the half-run
        # `persistence`; its `models/__init__.py` imports `.automation` before `.run`, each
        # of which imports `db`, so only the way through `.automation` runs to the failure
        # and only that cycle is shown (SurfSense's automations).
        Example(
            {
                "app/__init__.py": "",
                "app/db.py": "class BaseModel:\n    pass\n\n\nfrom app.persistence import Automation\n",
                "app/persistence/__init__.py": "from app.persistence.models import Automation, Run\n",
                "app/persistence/models/__init__.py": (
                    "from app.persistence.models.automation import Automation\nfrom app.persistence.models.run import Run\n"
                ),
                "app/persistence/models/automation.py": "from app.db import BaseModel\n\n\nclass Automation(BaseModel):\n    pass\n",
                "app/persistence/models/run.py": "from app.db import BaseModel\n\n\nclass Run(BaseModel):\n    pass\n",
            },
            expect=(("app/db.py", 5),),
        ),
        # The same compiled submodule imported below the module that reads it: not there yet.
        Example(
            {
                "pkg/__init__.py": "from .driver import *\n\nfrom pkg.core import x\n",
                "pkg/core.pyi": "x: int\n\n\nclass M: ...\n",
                "pkg/core.cpython-311-x86_64-linux-gnu.so": "",
                "pkg/driver.py": "import pkg\n\n\ndef f(m: pkg.core.M) -> None:\n    pass\n",
            },
            expect=(("pkg/__init__.py", 1),),
        ),
        # Names bound by computed keys below the import that closes the cycle are not
        # there yet when the submodule reads them back.
        Example(
            {
                "eb/__init__.py": "",
                "eb/conf/__init__.py": "EASYCONFIGS_PKG_SUBDIR = 'easyconfigs'\nfrom eb.conf.easyconfig import EasyConfig\n"
                "from eb.conf.default import ALL_CATEGORIES\nglobals().update(ALL_CATEGORIES)\n",
                "eb/conf/default.py": "ALL_CATEGORIES = {'MANDATORY': 'mandatory', 'CUSTOM': 'custom'}\n",
                "eb/conf/easyconfig.py": "from eb.conf import MANDATORY\n\n\nclass EasyConfig:\n    kind = MANDATORY\n",
            },
            expect=(("eb/conf/__init__.py", 2),),
        ),
        # A failing from-import raised below an import a `try` guards with `except
        # ImportError` fails silently: the logger never gets its key from the credentials
        # (lumibot's). The handler catches it, so the modules still running above it are
        # dropped and run again, whole, when the package imports them once its names are
        # bound: that later run reads nothing unbound (`data`'s `FOLDER`), and is not reported.
        Example(
            {
                "pkg/__init__.py": "from pkg import log\nFOLDER = 'cache'\nfrom pkg import data\n",
                "pkg/log.py": "try:\n    from pkg.creds import KEY\nexcept ImportError:\n    KEY = None\n\n\n"
                "def get_logger():\n    return KEY\n",
                "pkg/creds.py": "from pkg import data\nKEY = 'k'\n",
                "pkg/data.py": "from pkg.log import get_logger\nfrom pkg import FOLDER\n",
            },
            expect=(("pkg/creds.py", 1),),
        ),
        # The same guarded import whose name a function reads: unbound when the dataset
        # module started first, so the call fails.
        Example(
            {
                "nav/__init__.py": "",
                "nav/task.py": _NAV_TASK.format(load="    return DatasetV1(config)\n"),
                "nav/dataset.py": _NAV_DATASET,
            },
            expect=(("nav/dataset.py", 1),),
        ),
        # A `try` body's bindings hold in its `else` only: a package whose handler imports
        # the submodule that reads the name back runs it with the name unbound.
        Example(
            {
                "ad/__init__.py": "try:\n    from ad.visa import Visa\nexcept ImportError:\n"
                "    from ad.prologix import Prologix\n",
                "ad/visa.py": "class Visa: ...\n",
                "ad/prologix.py": "from ad import Visa\n\n\nclass Prologix(Visa): ...\n",
            },
            expect=(("ad/__init__.py", 4),),
        ),
        # ... and with `alerts` installed first, the set-up itself runs `alerts.models` first,
        # and `users.models` reads `Alert` from it before it is bound.
        Example(
            _django_apps("alerts", "users"),
            expect=(("alerts/models.py", 3),),
        ),
        # The same fixtures, imported by a test: the cycle runs when the tests are collected.
        Example(_fixture_cycle("from tests.importer import circular_a\n"), expect=(("tests/importer/circular_a.py", 1),)),
        # Round 12's advice shapes, each still a cycle: a module that swaps its class for
        # ``globals()[...]`` (its definitions are not advised out of it); a Windows-only
        # import whose ``else`` defines the same name (not advised into functions nor under
        # ``TYPE_CHECKING``); ``import pkg.auxv`` beside ``import pkg``, read only in a
        # function (advised into it though ``pkg`` is read at import time).
        Example(
            {
                "vcs/__init__.py": "",
                "vcs/vcs.py": "class Vcs:\n    def init_state(self):\n        self.__class__ = globals()['GitRoot']\n\n\n"
                "from .git import Git  # noqa: E402\n\n\nclass GitRoot(Vcs, Git): ...\n",
                "vcs/git.py": "from .vcs import Vcs\n\n\nclass Git(Vcs): ...\n",
                "win/__init__.py": "",
                "win/compat.py": "import sys\n\n\nclass Wrapper: ...\n\n\nif sys.platform == 'win32':\n"
                "    from ._console import get_stream\nelse:\n\n    def get_stream(f):\n        return None\n",
                "win/_console.py": "from .compat import Wrapper\n\n\nclass Stream(Wrapper): ...\n\n\n"
                "def get_stream(f):\n    return Stream()\n",
                "pkg/__init__.py": "",
                "pkg/dbg.py": "def enabled():\n    return True\n",
                "pkg/elf.py": "import pkg\nimport pkg.dbg\n\nif pkg.dbg.enabled():\n    import pkg.auxv\n\n\n"
                "def entry():\n    return pkg.auxv.get()\n\n\ndef base():\n    return 1\n",
                "pkg/auxv.py": "import pkg.elf\n\nBASE = pkg.elf.base\n\n\ndef get():\n    return BASE\n",
            },
            expect=(("pkg/auxv.py", 1), ("vcs/git.py", 1), ("win/_console.py", 1)),
        ),
        # A package that binds a submodule's name and also imports the submodule at import
        # time (a fallback only, or a first import then a rebinding): the from-import is
        # an edge to the submodule, and the cycle is real (``app`` reads ``Window`` off the
        # running ``window`` above the class).
        Example(
            {
                "pkg/__init__.py": "try:\n    from . import window\nexcept ImportError:\n    window = None\n",
                "pkg/app.py": "from pkg import window\n\nDEFAULT = window.Window\n\n\ndef run():\n    return window.Window()\n",
                "pkg/window.py": "from pkg.app import run\n\n\nclass Window:\n    loop = run\n",
            },
            expect=(("pkg/app.py", 1),),
        ),
        # ``if True:`` and a flag something rebinds run their body: the edge is real.
        Example(
            {
                "lib/__init__.py": "",
                "lib/types.py": "if True:\n    from lib.base import Node\n\n\nclass Kind: ...\n",
                "lib/base.py": "from lib.types import Kind\n\n\nclass Node:\n    kind = Kind\n",
                "lib/sync.py": "_IS_ASYNC = False\n_IS_ASYNC = True\nif _IS_ASYNC:\n    from lib.user import User\n\n\nclass Sync: ...\n",
                "lib/user.py": "from lib.sync import Sync\n\n\nclass User(Sync): ...\n",
            },
            expect=(("lib/base.py", 1), ("lib/sync.py", 4)),
        ),
        Example(
            {
                "app/__init__.py": "",
                "app/a.py": "import os\nfrom app.b import B\n\nclass A: ...\n",
                "app/b.py": "from app import a\n\nclass B: ...\n",
            },
            expect=(("app/a.py", 2),),
        ),
        Example(
            {
                "pkg/__init__.py": "",
                "pkg/x.py": "from . import y\n",
                "pkg/y.py": "from .z import Z\n",
                "pkg/z.py": "from .x import *\nclass Z: ...\n",
            },
            expect=(("pkg/x.py", 1),),
        ),
        # The fix: the reported import moves into the method that calls it, and under
        # TYPE_CHECKING for the (postponed) annotation.
        Example(
            {
                "app/__init__.py": "",
                "app/a.py": '"""Orders."""\nfrom __future__ import annotations\n\n'
                "from app.b import Invoice  # billing\n\n\nclass Order:\n"
                '    def bill(self) -> Invoice:\n        """Bill it."""\n        return Invoice(self)\n',
                "app/b.py": "from app.a import Order\n\n\nclass Invoice:\n"
                "    def __init__(self, order: Order) -> None:\n        self.order = order\n",
            },
            expect=(("app/a.py", 4),),
            fixed={
                "app/a.py": '"""Orders."""\nfrom __future__ import annotations\n\n'
                "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from app.b import Invoice  # billing\n\n\n"
                'class Order:\n    def bill(self) -> Invoice:\n        """Bill it."""\n'
                "        from app.b import Invoice  # billing\n        return Invoice(self)\n",
            },
        ),
        # A base class is needed while the module is imported: no function can take the
        # import. ``api`` re-exports it from ``api.base``, outside the cycle: the advice is
        # to import it from there, and no fix is offered (``fixed={}``: nothing changes).
        Example(
            {
                "api/__init__.py": "from .base import *\nfrom .models import *\n",
                "api/base.py": "class ValidatedSerializer: ...\n",
                "api/models.py": "from users.owners import OwnerSerializer\n",
                "users/__init__.py": "",
                "users/owners.py": "from api import ValidatedSerializer\n\n\nclass OwnerSerializer(ValidatedSerializer): ...\n",
            },
            expect=(("api/__init__.py", 2),),
            fixed={},
        ),
        # Each module reads the other's name at import time (a class body, a module-level
        # tuple): the advice moves shared definitions, and there is no fix.
        Example(
            {
                "app/__init__.py": "",
                "app/core.py": "from app.opt import optimize\n\n\ndef getter(x):\n    return x\n\n\n"
                "class Array:\n    __optimize__ = staticmethod(optimize)\n",
                "app/opt.py": "from app.core import getter\n\nGETTERS = (getter,)\n\n\ndef optimize(g):\n    return g\n",
            },
            expect=(("app/core.py", 1),),
            fixed={},
        ),
        # An import nothing reads, kept for what loading its module does (registering a
        # migration), is never the one advised: the migration's import of the store is.
        # (Above the class, so importing the store first fails.)
        Example(
            {
                "app/__init__.py": "",
                "app/migrations/__init__.py": "MIGRATIONS = []\n",
                "app/migrations/m0001.py": "from app.migrations import MIGRATIONS\nfrom app.base_store import Store\n\n\n"
                "def apply():\n    return Store()\n\n\nMIGRATIONS.append(apply)\n",
                "app/base_store.py": "from app.migrations import m0001  # noqa: F401\n\n\nclass Store: ...\n",
            },
            expect=(("app/base_store.py", 1),),
        ),
        # The package's ``__init__`` defines the helper itself, below its import of the
        # submodule that takes it: "import it from the module that defines it" cannot apply;
        # the submodule's import moves into its function.
        Example(
            {
                "pkg/__init__.py": "from pkg.config import Config\n\n\ndef _to_text(x):\n    return str(x)\n",
                "pkg/config.py": "from pkg import _to_text\n\n\nclass Config:\n    def name(self):\n        return _to_text(1)\n",
            },
            expect=(("pkg/__init__.py", 1),),
        ),
        # ``import pkg`` in pkg's own submodule, reading at import time a name pkg's
        # ``__init__`` defines after importing it (``pkg.VERSION``, ``getattr(pkg,
        # "DEBUG")``): missing when the package is imported first.
        Example(
            {
                "pkg/__init__.py": "from pkg.utils import ROOT\nfrom pkg.flags import LOUD\n\nVERSION = 1\nDEBUG = 0\n",
                "pkg/utils.py": "import pkg\n\nROOT = pkg.__file__ + str(pkg.VERSION)\n",
                "pkg/flags.py": "import pkg\n\nLOUD = getattr(pkg, 'DEBUG')\n",
            },
            expect=(("pkg/__init__.py", 1), ("pkg/__init__.py", 2)),
        ),
        # A module that patches its package's own submodule while it is imported (a
        # ``_graveyard``), imported before that submodule is: the cycle is reported, its advice
        # says to import the submodule as a module (it does not lead back), and no fix is
        # offered. (Imported after ``trainer``, which loads ``accelerators``, it cannot fail.)
        Example(
            {
                "pl/__init__.py": "import pl._graveyard\nfrom pl.trainer import Trainer\n",
                "pl/trainer.py": "from pl.accelerators import Acc\n\n\nclass Trainer: ...\n",
                "pl/accelerators.py": "class Acc: ...\n",
                "pl/_graveyard/__init__.py": "import pl._graveyard.tpu\n",
                "pl/_graveyard/tpu.py": "import pl\n\n\ndef _patch():\n    pl.accelerators.Old = pl.accelerators.Acc\n\n\n_patch()\n",
            },
            expect=(("pl/__init__.py", 1),),
            fixed={},
        ),
        # The same package binding the name itself: the import reads it off the package's body.
        Example(
            {
                "app/__init__.py": "import os\nif os.environ.get('APP_EXT'):\n    __path__.append(os.environ['APP_EXT'])\n"
                "from app import lib\nfast_einsum = None\n",
                "app/lib.py": "from app import fast_einsum\n",
            },
            expect=(("app/__init__.py", 4),),
        ),
        # No fix: the breaker's name is a base class, needed while the module is imported.
        Example(
            {
                "app/__init__.py": "",
                "app/a.py": "from app.b import Base\n\n\nclass A(Base): ...\n",
                "app/b.py": "class Base: ...\n\n\ndef make():\n    return 1\n\n\nfrom app.a import A\n",
            },
            expect=(("app/a.py", 1),),
        ),
    ),
)
