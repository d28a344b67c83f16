"""SSOT006 duplicate-enum: the same enum defined in two production modules."""

from __future__ import annotations

from collections import defaultdict
from typing import Callable, Collection, Iterator, Mapping

from ssotlint.discover.roles import NAME_WORDS, is_migration, versioned_apart
from ssotlint.extract.ast_walk import number_digest
from ssotlint.extract.builder import ENUM_BASES, last_part
from ssotlint.extract.summary import CTX_TYPE_CHECKING, UNKNOWN_VALUE, VALUE_INT, VALUE_LABEL, VALUE_SEQUENCE, ClassRecord
from ssotlint.model.built_src import files_by_path
from ssotlint.model.project import ClassRef, Project
from ssotlint.rules.apart import (
    Apart, copied_in_step, deprecated_whole, generated_projection, migration_snapshots, never_edited, read_as_data, shadowed_modules,
)
from ssotlint.rules.copies import ParallelParts, Replacement, adapts_namesake, merge_advice, own_extras, replacement, upstream_advice
from ssotlint.rules.details import EnumShadow
from ssotlint.rules.units import PROGRAM_PAIR_ADVICE, Units, two_programs
from ssotlint.rules.base import Example, Rule, Violation
from ssotlint.rules.definitions import (
    REASON_CONFIGURED,
    Choice,
    Chooser,
    Definition,
    duplicates_affected,
    import_counts,
    is_ancestor,
    is_generator_template,
    library_decorators,
    live_definitions,
    pasted_from_fragment,
    qualname,
    shadow_message,
    where,
)



def _enums(project: Project, only: frozenset[str] | None = None) -> list[Definition]:
    """Production enums (of these names only, when given), without fallback stubs,
    typing-only declarations, the frozen copies database migrations keep and a code
    generator's templates."""
    data = read_as_data(project) | shadowed_modules(project)  # payload scripts, hidden modules: not modules
    found = [
        (f, c)
        for f, c in project.top_level_classes(project.production_files())
        if (only is None or c.name in only) and f.path not in data and not f.summary.injected_config
        and not c.context & CTX_TYPE_CHECKING and not c.fallback and f.module not in project.fallback_modules
        and not is_migration(f.path, f.summary.assigned, f.summary.attribute_reads) and not is_generator_template(f.path)
        and project.is_enum(f.module, c) and not pasted_from_fragment(project, (f, c))  # type: ignore[arg-type]
    ]
    if not found:
        return found
    # The frozen snapshots only migrations import keep their own copies (rules/apart.py).
    snapshots = migration_snapshots(project, {f.module for f, _ in found if f.module})
    return [d for d in found if d[0].module not in snapshots] if snapshots else found


# Libraries whose enum bases make Python enums (``enum.Enum`` subclasses, or the same
# protocol): backports and extensions of the standard module, and Django's choices.
_PYTHON_ENUM_LIBRARIES = frozenset({"enum", "aenum", "strenum", "backports", "enum_tools", "django", "typing_extensions"})


def _enum_library(project: Project, d: Definition) -> str:
    """Which library's enum ``d`` is: ``"enum"`` for a Python enum (the standard module,
    its backports, Django's choices, a base that cannot be resolved), else the top-level
    package of its outside enum base (``graphene`` for a GraphQL schema's
    ``graphene.Enum``, which declares a type of the API, not a Python enum)."""
    _, external = project.ancestors(d[0].module or "", d[1])
    tops = {
        e.partition(".")[0] for e in external
        if "." in e and (last_part(e) in ENUM_BASES or e.startswith("django."))
    }
    foreign = sorted(tops - _PYTHON_ENUM_LIBRARIES)
    if foreign and not tops & _PYTHON_ENUM_LIBRARIES:
        return foreign[0]
    # A Python enum a library's decorator makes one of its types (``@strawberry.enum``: a
    # GraphQL schema's enum over the domain's), that library's.
    decorated = sorted({name.partition(".")[0] for name in library_decorators(project, d)} - _PYTHON_ENUM_LIBRARIES)
    return decorated[0] if decorated else "enum"


class _ParallelTables:
    """Two modules that each list many enums, with several names in common of which most
    are not the same list: two tables written to one naming convention, each of its own
    subject (qiling's ``hw/const/sam3xa_adc.py`` and ``sam3xa_dac.py``, each peripheral's
    registers under the datasheet's names: their ``CR``, ``MR`` and ``ISR`` differ, and
    their ``WPMR``, the same layout, is still each peripheral's own register). A module
    copied from the other keeps most of its lists as they were."""

    SHARED = 4  # names in common, at least

    def __init__(self, enums: list[Definition]) -> None:
        self._by_module: dict[str, dict[str, ClassRecord]] = defaultdict(dict)
        for f, c in enums:
            self._by_module[f.module or f.path][c.name] = c
        self._judged: dict[tuple[str, str], bool] = {}

    def __call__(self, one: Definition, other: Definition) -> bool:
        key = (one[0].module or one[0].path, other[0].module or other[0].path)
        if key not in self._judged:
            mine, theirs = self._by_module[key[0]], self._by_module[key[1]]
            shared = mine.keys() & theirs.keys()
            same = sum(_enum_members(mine[n]) == _enum_members(theirs[n]) for n in shared)
            self._judged[key] = key[0] != key[1] and len(shared) >= self.SHARED and 2 * same < len(shared)
        return self._judged[key]


def _own_classes_read(project: Project, d: Definition) -> dict[str, ClassRecord]:
    """The classes of its own module that the enum's text reads (``DMA_CR`` in
    ``MEMORY_TO_PERIPH = DMA_CR.DIR``), by name; not a class named like a member's string
    value (airunner's ``CONTROLNET = "Controlnet"`` beside a ``Controlnet`` class)."""
    f, c = d
    found: dict[str, ClassRecord] = {}
    for name in c.classes_read:
        target = project.resolve(f.module or "", name)
        if isinstance(target, ClassRef) and target.module == f.module and target.record is not c:
            found[name] = target.record
    return found


def _over_own_classes(project: Project, one: Definition, other: Definition) -> bool:
    """Each enum's values are read off a class its own module defines, and those are not
    one class copied: other names, or members of which neither holds all the other's.
    qiling's ``stm32f1xx_dma.DMA`` (``MEMORY_TO_PERIPH = DMA_CR.DIR``) and
    ``stm32f4xx_dma.DMA`` (``= DMA_SxCR.DIR_0``) encode two chip families' registers: each
    module's own encoding, however alike the names. An enum copied with the class it reads
    (the same names, one's members all the other's) is a copy."""
    mine, theirs = _own_classes_read(project, one), _own_classes_read(project, other)
    if not mine or not theirs:
        return False
    if mine.keys() != theirs.keys():
        return True
    for name, record in mine.items():
        a, b = set(record.fields), set(theirs[name].fields)
        if not (a <= b or b <= a):
            return True
    return False


def _enum_members(c: ClassRecord) -> frozenset[str]:
    """The names of its members: the fields of its body, without ``_sunder_`` and dunder
    settings (``_ignore_``, ``__order__``); its methods say nothing about what it lists."""
    return frozenset(name for name in c.fields if not name.startswith("_"))


# Bases that make an enum's members compare as their values (``class S(str, Enum)``).
_VALUE_MIXINS = frozenset({"str", "int", "float", "bytes", "StrEnum", "IntEnum", "IntFlag", "TextChoices", "IntegerChoices"})


# Bases that make an enum's members ints (``class Code(IntEnum)``, ``enum8(int, Enum)``).
_INT_MIXINS = frozenset({"int", "IntEnum", "IntFlag", "IntegerChoices"})


def _int_valued(project: Project, d: Definition) -> bool:
    """Its members are ints (``IntEnum``, an ``int`` mix-in, through bases): their values
    are what the enum means to whatever reads or writes them (a code on a wire)."""
    _, external = project.ancestors(d[0].module or "", d[1])
    return any(last_part(e) in _INT_MIXINS for e in (*external, *d[1].bases))


def _value_mixin(project: Project, d: Definition) -> bool:
    """Its members are also values (``class S(str, Enum)``, ``StrEnum``, through bases)."""
    _, external = project.ancestors(d[0].module or "", d[1])
    return any(last_part(e) in _VALUE_MIXINS for e in (*external, *d[1].bases))


def _consequence(project: Project, d: Definition, other: Definition, differ: list[str]) -> str:
    """What two definitions of the enum do to code that mixes them, for the message: plain
    members of two enums never compare equal, nor does a ``StrEnum`` member with a plain
    enum's; when both have a value mix-in they do, but they are still two types
    (``isinstance``, ``is`` and ``Status(value)`` checks differ), and those of ``differ``
    (members with other values) do not even as values."""
    if _value_mixin(project, d) and _value_mixin(project, other):
        if differ:
            return (
                f"and members of the two are different types ({_other_values(differ)}; "
                "the others compare equal only as values; `is` and `isinstance` checks fail)"
            )
        return "and members of the two are different types (they compare equal only as values; `is` and `isinstance` checks fail)"
    return "and members of different enums never compare equal"


def _names(names: list[str]) -> str:
    return ", ".join(names[:4]) + (f" and {len(names) - 4} more" if len(names) > 4 else "")


def _other_values(names: list[str]) -> str:
    """``LOW has another value there`` / ``LOW, HIGH have other values there``."""
    return f"{names[0]} has another value there" if len(names) == 1 else f"{_names(names)} have other values there"


def _differing(a: ClassRecord, b: ClassRecord, known: bool = True) -> list[str]:
    """The members both assign, in ``a``'s order, whose values differ (as CPython reads them).
    ``known``: only those whose values the text says on both sides; a value made by a call
    (``auto()``: the enum's ``_generate_next_value_`` decides it, the member's name in a
    ``StrEnum`` or an ``AutoEnum`` base) is not claimed to differ from anything. Without
    ``known``, such a value differs from any written one (deciding whether two enums are one)."""
    theirs = {name: digest for name, digest, _ in b.values}
    return [
        name for name, digest, _ in a.values
        if name in theirs and theirs[name] != digest and not name.startswith("_")
        and not (known and UNKNOWN_VALUE in (digest, theirs[name]))
    ]


# The hook that makes the value of each ``auto()`` member.
_VALUE_HOOK = "_generate_next_value_"


def _same_values(a: ClassRecord, b: ClassRecord, configured: bool = False, ints: bool = False) -> bool:
    """Enums of one concept list (nearly) the same members: at least three quarters of the
    smaller one's are members of the other (they drift, so more may be added on one side).
    Two state machines or scales that happen to share a name and a couple of common words
    (``READY``, ``FAILED``; ``CRITICAL``, ``HEALTHY``) are namesakes. Enums without
    visible members (a base, members made by a function) count as the same.

    The same names with other values are still one concept encoded twice (``LOW =
    "LOW"`` and ``LOW = "low"``, or ``0`` and ``"low"``), unless one of them gives most of
    those members a label, text other than the member's name: a display label per stored
    value (``bdist_dmg = "OSX Disk Image"`` for the stored ``bdist_dmg = "bdist_dmg"``) is a
    table of labels for the names, not the enum. ``configured``: one of them is in a
    configured enum module, where the team says the enum lives; its namesakes there are
    compared by member names alone. ``ints``: both are int-valued enums (``IntEnum``), whose
    values are codes."""
    ma, mb = _enum_members(a), _enum_members(b)
    if not ma and not mb and _own_methods(a) - _own_methods(b) and _own_methods(b) - _own_methods(a):
        return False  # two member-less bases, each with methods of its own: each module's family base
    if (
        not ma and not mb and _VALUE_HOOK in a.members and _VALUE_HOOK in b.members
        and a.shapes and b.shapes and not set(a.shapes) & set(b.shapes)
    ):
        # Two member-less bases whose hook makes values otherwise (lear's `AutoName`, whose
        # `_generate_next_value_` makes each `auto()` value lower case in one module and
        # camelCase in another): their subclasses' values differ, so they are two enums.
        # (Other methods written a little otherwise, an annotation added, say nothing.)
        return False
    if not ma or not mb:
        return True
    shared = ma & mb
    if 4 * len(shared) < 3 * min(len(ma), len(mb)):
        return False
    # A one-word name (``Mode``) says what it is only with its owner's (a layer's modes); a
    # longer one (``AgentStatus``, ``ServiceType``) names the concept itself, and a list of it
    # that gained members elsewhere is the drift this rule is for.
    owned = len(NAME_WORDS.findall(a.name)) == 1
    if owned and 2 * len(shared) < max(len(ma), len(mb)):
        # Most of the longer list is its own: not a copy that gained a member or two, but
        # an owner's list that adds its own to a few common ones (a shapes layer's twelve
        # modes against the four of a points layer, three of them alike).
        return False
    if len(shared) < (3 if owned else 2) and ma != mb:
        # A word or two in common is no evidence of one list: the mode a component supports
        # (``JoinMode.CONCATENATE`` in an answer joiner) against the four of another, or
        # the two modes every layer has (``PAN_ZOOM, TRANSFORM``) against those of a layer
        # that adds its own (``ADD, SELECT``): each owner's own list.
        return False
    differ = set(_differing(a, b, known=False))
    if configured or not differ:
        return True
    if ma != mb and _numbered(a) and _numbered(b):
        # Each numbers its own list in order, and the lists differ: a member's value is its
        # place in its list (an action space of 4 against one of 5), two enumerations.
        return False
    known = {name for name, _, _ in a.values} & {name for name, _, _ in b.values} & shared
    if 2 * len(differ) <= len(known):
        return True  # a copy that drifted in a value or two
    if ints and len(known) > 1 and _int_codes(a, known) and _int_codes(b, known) and not (_numbered(a) and _numbered(b)):
        # Most of the same names with other ints, not places in a list: two code tables
        # (``StepMode.Up = 0x00`` in one protocol's command, ``0x01`` in another's).
        return False

    def labels(c: ClassRecord) -> bool:
        return 2 * sum(1 for name, _, kind in c.values if name in differ and kind == VALUE_LABEL) > len(differ)

    return not (labels(a) or labels(b))


def _code_tables(a: ClassRecord, b: ClassRecord) -> bool:
    """Both enums give most of the members they share a list of values (a member stands for
    several codes: karrio's per-carrier ``TrackingStatus``, ``delivered = ["D", "FS",
    "KB"]`` for UPS, beside the core's ``delivered = ["delivered"]``), and most of those
    lists differ: each is a lookup table from its own side's codes to the member names
    (``code in member.value``), not one encoding of them. The same lists are a copy."""
    kinds_a = {name: kind for name, _, kind in a.values}
    kinds_b = {name: kind for name, _, kind in b.values}
    shared = [n for n in kinds_a.keys() & kinds_b.keys() if not n.startswith("_")]
    if len(shared) < 2:
        return False
    listed = [n for n in shared if kinds_a[n] == VALUE_SEQUENCE and kinds_b[n] == VALUE_SEQUENCE]
    return 2 * len(listed) > len(shared) and 2 * len(set(_differing(a, b)) & set(listed)) > len(listed)


def _int_codes(c: ClassRecord, names: set[str]) -> bool:
    """It writes each of these members as an int (``Up = 0x01``): a code, the value the
    numbering it belongs to gives the name (a wire format, a protocol's field)."""
    kinds = {name: kind for name, _, kind in c.values}
    return bool(names) and all(kinds.get(name) == VALUE_INT for name in names)


def _encoded_otherwise(a: ClassRecord, b: ClassRecord) -> bool:
    """More than half of the members both write a value for have other values in each:
    not a copy that drifted in a value or two (``ERROR_MESSAGE = "error"`` against
    ``"error_message"``, the rest alike), but each its own encoding of the names."""
    known = {name for name, _, _ in a.values} & {name for name, _, _ in b.values}
    differ = _differing(a, b)
    return bool(differ) and 2 * len(differ) > len(known)


def _own_methods(c: ClassRecord) -> frozenset[str]:
    """The names its own body defines that are not members (its methods): what a
    member-less enum base gives the enums built on it (llama_index's
    ``ConfigurableComponent`` with ``build_configured_transformation`` in one module and
    ``build_configured_data_sink`` in another, each the base of its own module's enum)."""
    return frozenset(m for m in c.members if m not in c.fields and m != "__doc__")


def _numbered(c: ClassRecord) -> bool:
    """Its members are written as the ints of their places, in order (``0, 1, 2`` or
    ``1, 2, 3``): the value of each is where it stands in the list."""
    values = [digest for name, digest, _ in c.values if not name.startswith("_")]
    if len(values) < 2:
        return False
    return any(values == [number_digest(start + i) for i in range(len(values))] for start in (0, 1))


def _encoded_apart(a: ClassRecord, b: ClassRecord, differ: list[str]) -> bool:
    """Most of the members both write a value for have other values in each (``PENDING =
    "PENDING"`` against ``"pending"``, ``LOW = 0`` against ``"low"``): not a value or two
    that drifted, but two encodings of the members, each perhaps the format its side stores
    or sends."""
    known = {name for name, digest, _ in a.values if digest} & {name for name, digest, _ in b.values if digest}
    return bool(differ) and 2 * len(differ) > len(known)


def _encoding_note(name: str) -> str:
    """What to do with two encodings of one enum: importing one as it is would change the
    values the other side writes (a wire format, a stored column)."""
    return (
        f"the two encode the same members with other values, and each side's values may be what it stores or "
        f"sends (a wire format, a database column), which importing the other as it is would change: keep one "
        f"{name} and convert its members to the other values where those are written or read (a mapping), or, "
        f"if the two encodings are meant to stay apart, rename one"
    )


def check(project: Project) -> Iterator[Violation]:
    return _check(project, None)


def check_names(project: Project, names: Collection[str]) -> Iterator[Violation]:
    """The findings about these enum names (see ``duplicates_affected``)."""
    return _check(project, frozenset(names))


def _check(project: Project, only: frozenset[str] | None) -> Iterator[Violation]:
    live, shadowed = live_definitions(project, _enums(project, only))
    units = Units.of_model(project)  # test tooling's enums mirror what it tests (as SSOT001's classes)
    by_name: dict[str, list[Definition]] = defaultdict(list)
    for d in live:
        if units.test_support(d[0].path):
            continue
        by_name[d[1].name].append(d)
    # A private enum is its module's own business: never advise importing it.
    groups = {name: ds for name, ds in by_name.items() if len(ds) > 1 and not name.startswith("_")}
    imports = import_counts(project, set(groups))
    chooser = Chooser(project, imports)
    files_apart, parallel = Apart(project), ParallelParts(project)
    tables = _ParallelTables(live)

    def apart(one: Definition, other: Definition) -> bool:
        """Kept apart by design (:class:`Apart`), or the same module of two parallel parts
        (each plugin's ``parser.py``: see :class:`ParallelParts`) numbering the same
        members each its own way (:func:`_encoded_otherwise`): each part's own encoding
        (two plugins' parser states). So are two versions of one package, each a whole copy
        of the other in a series of them (:meth:`ParallelParts.series`). A copy that drifted in a value stays a copy. A copy
        marked ``# Copied from`` the other (:func:`copied_in_step`) is kept in step by the
        project's copy checker, as for SSOT001. One that extends the other (openfisca's
        ``indexed_enums.Enum`` over the member-less ``types.Enum`` it implements) is not a
        copy of it."""
        if files_apart(one[0], other[0]) or copied_in_step(one, other):
            return True
        if parallel.series(one[0], other[0]):
            return True  # each version of a package keeps its own (execution-specs' per-fork `Ops`)
        if _enum_library(project, one) != _enum_library(project, other):
            return True  # another library's enum: a GraphQL schema's graphene.Enum beside the domain's
        if _over_own_classes(project, one, other):
            return True  # each read off its own module's classes: two chips' register encodings
        if tables(one, other) and not imports.get((one[0].module or "", one[1].name)) and not imports.get(
            (other[0].module or "", other[1].name)
        ):
            return True  # two tables of one naming convention: each peripheral's own registers
        if generated_projection(project, one, other):
            return True  # a spec's generated wire enum and the domain's own (renku's apispec.py)
        if adapts_namesake(project, one, other):
            return True  # one overrides the other, imported under an alias it converts (gs-quant's PayReceive)
        if _named_through_modules(one, other, imports):
            return True  # each module's own list under a one-word name: runaround.Preset, onslaught.Preset
        if _own_vocabulary(one, other, by_name[one[1].name], imports):
            return True  # each module's own subset of one outside vocabulary, by convention
        if _code_tables(one[1], other[1]):
            return True  # each member a list of its own codes: two lookup tables, not one encoding
        if is_ancestor(project, one, other) or is_ancestor(project, other, one):
            return True  # one extends the other (a member-less base's implementation): not a copy
        return _encoded_otherwise(one[1], other[1]) and parallel(one[0], other[0])

    def same(one: Definition, other: Definition) -> bool:
        """One enum (see :func:`_same_values`)."""
        return _same_values(one[1], other[1], ints=_int_valued(project, one) and _int_valued(project, other))

    preferred = {m: i for i, m in enumerate(project.config.canonical_enum_modules)}
    for name, definitions in groups.items():
        for d, choice in _choices(definitions, chooser, preferred, imports, apart, same, project):
            yield _duplicate(project, name, d, choice, chooser)
    for earlier, later in shadowed:
        f, c = later
        if never_edited(f, project):
            continue  # the generator's to fix: it writes the module again
        yield RULE.violation(
            f.path,
            c.line,
            c.col,
            shadow_message("enum", earlier, later),
            key=f"shadow:{c.name}",
            details=EnumShadow(enum=c.name, module=f.module, shadowed_line=earlier[1].line),
        )


# How many modules of one package must each keep an enum of one name for it to be a
# convention of that package (each module its own).
_CONVENTION = 3


def _own_vocabulary(
    one: Definition, other: Definition, definitions: list[Definition], imports: Mapping[tuple[str, str], int]
) -> bool:
    """A package's convention: ``_CONVENTION`` or more of its modules (or subpackages:
    bigquery-etl's generator packages, each loaded by path) each keep an enum of this name,
    none of them imported by name by another module, and these two hold other members:
    each module spells the part of one outside vocabulary it uses (Solaar's UI modules
    each with a ``GtkSignal`` of the GTK signals it connects, ``CLICKED = "clicked"``,
    read as ``.value``). Two with the same members are a copy, unless each names just
    one: a list of one is what that module uses, not a list copied."""
    package = _package_of(one)
    if _package_of(other) != package:
        return False
    siblings = [d for d in definitions if _package_of(d) == package]
    if len(siblings) < _CONVENTION:
        return False
    if any(imports.get((d[0].module or "", d[1].name), 0) for d in siblings):
        return False
    members = _enum_members(one[1])
    return members != _enum_members(other[1]) or len(members) <= 1


def _named_through_modules(one: Definition, other: Definition, imports: Mapping[tuple[str, str], int]) -> bool:
    """A one-word name (``Preset``, ``Mode``) that no other module imports by name, in two
    modules of other names, each with members the other lacks: each module's own list,
    named through its module (ballistica's ``runaround.Preset`` and ``onslaught.Preset``,
    each game's difficulty levels, six of them alike). Its values stay in its module, so
    no comparison meets both. SSOT001 judges classes so (``named_through_module``). The
    same members written twice are a copy, and so is a list that only gained members on
    one side."""
    if len(NAME_WORDS.findall(one[1].name)) != 1:
        return False
    if imports.get((one[0].module or "", one[1].name)) or imports.get((other[0].module or "", other[1].name)):
        return False
    if (one[0].module or one[0].path).rpartition(".")[2] == (other[0].module or other[0].path).rpartition(".")[2]:
        return False
    mine, theirs = _enum_members(one[1]), _enum_members(other[1])
    return bool(mine - theirs) and bool(theirs - mine)


def _package_of(d: Definition) -> str:
    """The package whose module, or subpackage, defines ``d`` (a folder when the file has
    no module name)."""
    if d[0].module:
        return d[0].module.rpartition(".")[0]
    folder = d[0].path.rpartition("/")[0]
    return folder.rpartition("/")[0] if d[0].path.endswith("/__init__.py") else folder


def _choices(
    definitions: list[Definition],
    chooser: Chooser,
    preferred: dict[str, int],
    imports: dict[tuple[str, str], int],
    apart: Callable[[Definition, Definition], bool],
    same: Callable[[Definition, Definition], bool],
    project: Project | None = None,
) -> Iterator[tuple[Definition, Choice]]:
    """Each reported definition of one enum name, with the one it should import instead:
    the configured module's when there is one, else one ranked before it (``same``: one
    enum); never a generated file's, nor one kept apart from the other by design
    (:class:`Apart`)."""
    configured = [d for d in definitions if d[0].module in preferred]
    ranked = chooser.ranked(definitions)
    kept = min(configured, key=lambda d: preferred[d[0].module]) if configured else ranked[0]  # type: ignore[index]
    paths = files_by_path(project)
    for d in definitions:
        if d is kept or never_edited(d[0], project) or deprecated_whole(d):
            continue
        if configured:
            # Not a copy kept by another version of an API (``pkg/v1/``): never told across.
            if (
                not deprecated_whole(kept)
                and _same_values(d[1], kept[1], configured=True)
                and not versioned_apart(d[0].path, kept[0].path, paths)
                and not apart(d, kept)
            ):
                yield d, Choice(kept, REASON_CONFIGURED, imports.get((kept[0].module or "", kept[1].name), 0))
            continue
        # Advice points only to a definition ranked before this one: never from production
        # to tooling, never back and forth, never to a backup copy.
        # Nor across versions of an API: each version package keeps its own enums.
        others = [
            o for o in ranked[: ranked.index(d)]
            if same(d, o) and chooser.may_point(d, o) and not versioned_apart(d[0].path, o[0].path, paths)
            and not apart(d, o) and not deprecated_whole(o)
        ]
        if others:
            group = [
                o for o in definitions
                if o is d or (same(d, o) and not versioned_apart(d[0].path, o[0].path, paths) and not apart(d, o))
            ]
            yield d, chooser.choose(d, others, group)


def _duplicate(project: Project, name: str, d: Definition, choice: Choice, chooser: Chooser) -> Violation:
    f, c = d
    target = choice.definition
    advisable = project.advice and chooser.may_import(d, target)
    copy = replacement(project, d, target, chooser.reach) if advisable else Replacement(None)
    differ = _differing(c, target[1])
    encoded = _encoded_apart(c, target[1], differ)
    if differ and copy.fix is None:
        # Merging them changes values: say which, rather than "written differently".
        copy = Replacement(None, f"no fix: {_other_values(differ)}" + ("" if encoded else "; merge the values first"))
    plain = f"import {name} from {target[0].module}"
    advice = chooser.import_advice(d, target, plain)
    if advice == plain and two_programs(project, f, target[0]):
        # Two programs (PyKotor's `holopatcher/__main__.py` and a script beside it): their
        # shared enum goes into a module both import.
        advice, copy = PROGRAM_PAIR_ADVICE.format(path=target[0].path), Replacement(None)
    elif advice == plain and own_extras(c, target[1]):
        # Importing the other as it is would drop this one's own members (a method the
        # server's queries call, a member only this side has).
        pair = chooser.builds_on(d, target) if project.advice else None
        advice = upstream_advice(c, target[1], "enum", plain, target[0].module or "", pair) if pair else merge_advice(c, target[1], "enum", plain)
        copy = Replacement(None, f"no fix: {_other_values(differ)}" if differ else "no fix")
    if encoded and project.advice:
        # Not "merge the values": each side's values may be its wire or storage format.
        advice += "; " + _encoding_note(name)
    return RULE.violation(
        f.path,
        c.line,
        c.col,
        f"enum {name} is also defined in {where(target)}, {choice.wording}, {_consequence(project, d, target, differ)}; "
        + advice
        + (f" ({copy.why_not})" if copy.why_not else ""),
        key=f"enum:{name}",
        details={
            "enum": name,
            "module": f.module,
            "canonical": qualname(target),
            "canonical_path": target[0].path,
            "canonical_line": target[1].line,
            "chosen_by": choice.reason,
            "canonical_importers": choice.imports,
        },
        fix=copy.fix,
    )

_STATUS = "from enum import Enum\n\n\nclass Status(Enum):\n    DONE = 'done'\n"

_OBJECT_TYPE = "import enum\n\n\nclass ObjectType(enum.Enum):\n    query = 1\n    chart = 2\n    dashboard = 3\n"

_SORT_ORDER = "from enum import StrEnum\n\n\nclass SortOrder(StrEnum):\n    ASCENDING = \"ASCENDING\"\n    DESCENDING = \"DESCENDING\"\n"
_SERVICE_TYPE = "import enum\n\n\nclass ServiceType(enum.Enum):\n    COMPUTATIONAL = \"COMPUTATIONAL\"\n    DYNAMIC = \"{dynamic}\"\n"
_TLP = "import enum\n\n\nclass TLPLevel(enum.Enum):\n    WHITE = \"white\"\n    GREEN = \"green\"\n    RED = \"red\"\n"
# A code generator's header (see extract/generated.py).
_GENERATED = "# File generated from our OpenAPI spec by apigen. DO NOT EDIT.\n\n"

# Two plugins, each with its own ``parser.py`` (and the same other modules), each parser's
# states numbered its own way (Limnoria's Google and DDG plugins).
_GOOGLE_STATES = (
    "import enum\n\n\nclass ParserState(enum.Enum):\n    OUTSIDE = 0\n    IN_LINK = 1\n    IN_TITLE = 2\n"
    "    TITLE_PARSED = 3\n    BREADCRUMBS_PARSED = 5\n    LINK_PARSED = 6\n"
)
_DDG_STATES = (
    "import enum\n\n\nclass ParserState(enum.Enum):\n    OUTSIDE = 0\n    IN_TITLE = 1\n    TITLE_PARSED = 2\n"
    "    IN_SNIPPET = 3\n"
)


def _ui_signals(window: tuple[str, ...], tray: tuple[str, ...], rules: tuple[str, ...]) -> dict[str, str]:
    """Three UI modules, each with a ``GtkSignal`` enum of the signals given (the examples
    of a package's one-enum-per-module convention)."""
    def enum(signals: tuple[str, ...]) -> str:
        members = "".join(f"    {s.upper().replace('-', '_')} = '{s}'\n" for s in signals)
        return f"from enum import Enum\n\n\nclass GtkSignal(Enum):\n{members}"

    files = {"app/__init__.py": "", "app/ui/__init__.py": ""}
    files.update({f"app/ui/{name}.py": enum(signals) for name, signals in (("window", window), ("tray", tray), ("rules", rules))})
    return files


_PRESETS = (
    "from enum import Enum\n\n\nclass Preset(Enum):\n    ENDLESS = 'endless'\n    ENDLESS_TOURNAMENT = 'endless_tournament'\n    PRO = 'pro'\n    PRO_EASY = 'pro_easy'\n"
    "    UBER = 'uber'\n    UBER_EASY = 'uber_easy'\n    {own}\n\n\ndef levels():\n    return list(Preset)\n"
)


def _registers(own: dict[str, str]) -> str:
    """A peripheral's register table: ``CR``, ``MR``, ``ISR`` as given, and ``WPMR``."""
    enums = {**own, "WPMR": "WPEN = 0x1\n    WPKEY = 0xffffff << 8"}
    return "from enum import IntEnum\n" + "".join(f"\n\nclass {n}(IntEnum):\n    {body}\n" for n, body in enums.items())


_ADC = {"CR": "SWRST = 0x1\n    START = 0x2", "MR": "TRGEN = 0x1\n    LOWRES = 0x10", "ISR": "EOC0 = 0x1\n    DRDY = 0x1000000"}
_DAC = {"CR": "SWRST = 0x1", "MR": "TRGEN = 0x1\n    WORD = 0x10", "ISR": "TXRDY = 0x1\n    EOC = 0x2"}


def _encodings(f4_register: str) -> dict[str, str]:
    """Two chips' DMA encodings, each read off its own module's register class; the F4's
    register class is named ``f4_register``."""
    return {
        "app/__init__.py": "",
        "app/f1_dma.py": "from enum import IntEnum\n\n\nclass DMA_CR(IntEnum):\n    DIR = 0x10\n    PSIZE_0 = 0x100\n\n\n"
        "class DMA(IntEnum):\n    TO_MEMORY = 0\n    TO_PERIPH = DMA_CR.DIR\n    HALFWORD = DMA_CR.PSIZE_0\n",
        "app/f4_dma.py": f"from enum import IntEnum\n\n\nclass {f4_register}(IntEnum):\n    DIR_0 = 0x40\n    PSIZE_0 = 0x800\n\n\n"
        f"class DMA(IntEnum):\n    TO_MEMORY = 0\n    TO_PERIPH = {f4_register}.DIR_0\n    HALFWORD = {f4_register}.PSIZE_0\n",
    }


def _schema_enums(domain: str) -> dict[str, str]:
    """A GraphQL schema's enum type over a domain enum whose class line is ``domain``."""
    members = "\n    BASE = 'base'\n    DIFF = 'diff'\n"
    return {
        "app/__init__.py": "",
        "app/diff.py": domain + members,
        "app/schema.py": "import graphene\n\n\nclass Selection(graphene.Enum):" + members,
        "app/use.py": "from app.diff import Selection\nfrom app.schema import Selection as Api\n",
    }


def _decorated_schema_enums() -> dict[str, str]:
    """A GraphQL schema's enum a library's decorator declares, over the domain's enum."""
    members = "\n    BASE = 'base'\n    DIFF = 'diff'\n"
    return {
        "app/__init__.py": "",
        "app/diff.py": "from enum import Enum\n\n\nclass Selection(Enum):" + members,
        "app/schema.py": "from enum import Enum\n\nimport strawberry\n\n\n@strawberry.enum\nclass Selection(Enum):" + members,
        "app/use.py": "from app.diff import Selection\nfrom app.schema import Selection as Api\n",
    }


def _plugins(google: str, ddg: str) -> dict[str, str]:
    plugin = "from . import parser\n\n\ndef search(text):\n    return parser.ParserState.OUTSIDE, text\n"
    return {
        "plugins/__init__.py": "",
        **{
            f"plugins/{name}/{module}": text
            for name, states in (("google", google), ("ddg", ddg))
            for module, text in (("__init__.py", ""), ("parser.py", states), ("plugin.py", plugin), ("config.py", "ENABLED = True\n"))
        },
    }


def _loaded_alone(load: str) -> dict[str, str]:
    enum = "import enum\n\nimport {lib}\n\n\nclass Permissions(enum.Enum):\n    READ = 'r'\n    WRITE = 'w'\n"
    return {
        "bench/__init__.py": "",
        "bench/runner.py": f"import importlib\n\n\ndef run(lib):\n    return {load}\n",
        "bench/bench_cattrs.py": enum.format(lib="cattrs"),
        "bench/bench_pydantic.py": enum.format(lib="pydantic"),
        "tests/test_bench.py": "from bench import bench_cattrs\n\n\ndef test_read():\n    assert bench_cattrs.Permissions.READ\n",
    }


# A member-less enum base with a method of its own, and an enum built on it.
_COMPONENT_BASE = (
    "from enum import Enum\n\n\nclass ConfigurableComponent(Enum):\n"
    "    def build_configured_{what}(self, component):\n        return (self.name, component)\n\n\n"
    "class Configurable{kind}(ConfigurableComponent):\n    ONE = 1\n    TWO = 2\n"
)


def _fork_opcodes() -> dict[str, str]:
    """execution-specs: one package per hard fork, each a whole copy of the one before, each
    with its own opcode enum."""
    files = {"spec/__init__.py": ""}
    for name in ("frontier", "homestead", "byzantium"):
        files[f"spec/{name}/__init__.py"] = ""
        files[f"spec/{name}/ops.py"] = "import enum\n\n\nclass Ops(enum.Enum):\n    STOP = 0\n    ADD = 1\n    MUL = 2\n"
        for module in ("blocks", "state", "trie", "fork_types", "transactions"):
            files[f"spec/{name}/{module}.py"] = f"def {module}_root(items):\n    return len(items)\n"
    return files


RULE = Rule(
    code="SSOT006",
    name="duplicate-enum",
    summary="The same enum defined in more than one production module",
    check=check,
    affected_names=duplicates_affected,
    check_names=check_names,
    fixable="sometimes",
    valid=(
        # A series of versions of one package (execution-specs' per-fork `Ops`): each keeps
        # its own, and merging them would give an old fork the later opcodes.
        Example(_fork_opcodes()),
        # Two peripherals' register tables under the datasheet's names (qiling's sam3xa ADC
        # and DAC): their CR, MR and ISR differ, so their alike WPMR is each one's own too.
        Example({"app/__init__.py": "", "app/adc.py": _registers(_ADC), "app/dac.py": _registers(_DAC)}),
        # Two chips' encodings, each read off its own module's register class.
        Example(_encodings("DMA_SxCR")),
        # A GraphQL schema's enum type beside the domain's enum it exposes (infrahub's
        # `graphene.Enum` ConflictSelection): another library's declaration, not a Python enum.
        Example(_schema_enums("from enum import Enum\n\n\nclass Selection(Enum):")),
        # The same over a Python enum a library's decorator declares a GraphQL type
        # (phoenix's `@strawberry.enum` RevisionKind beside its database layer's).
        Example(_decorated_schema_enums()),
        # Two member-less bases whose hook makes other values (lear's `AutoName`: lower case
        # in one module, camelCase in another): their subclasses' `auto()` members differ.
        Example({
            "app/__init__.py": "",
            "app/codes.py": (
                "from enum import Enum\n\n\nclass AutoName(str, Enum):\n"
                "    def _generate_next_value_(name, start, count, last_values):\n        return name.lower()\n"
            ),
            "app/meta.py": (
                "from enum import Enum\n\n\nclass AutoName(str, Enum):\n"
                "    def _generate_next_value_(name, start, count, last_values):\n        names = name.split('_')\n"
                "        return ''.join(x.lower() if i == 0 else x.capitalize() for i, x in enumerate(names))\n"
            ),
            "app/use.py": "from app.codes import AutoName\nfrom app.meta import AutoName as CamelName\n",
        }),
        # The domain's enum and the wire enum a generator writes from the API spec beside it
        # (renku's `models.py` and datamodel-codegen's `apispec.py`), converted one into the
        # other by a module that imports both: a model and its API type, each layer's own.
        Example({
            "app/__init__.py": "",
            "app/session/__init__.py": "",
            "app/session/apispec.py": "# generated by datamodel-codegen:\n#   filename:  api.spec.yaml\n\n" + _OBJECT_TYPE,
            "app/session/models.py": _OBJECT_TYPE,
            "app/session/core.py": (
                "from app.session import apispec, models\n\n\ndef to_wire(kind):\n"
                "    return apispec.ObjectType(models.ObjectType(kind).value)\n"
            ),
        }),
        # A plugin's lookup table from its own codes to the core's member names (karrio's
        # per-carrier `TrackingStatus`, `delivered = ["D", "FS", "KB"]` beside the core's
        # `delivered = ["delivered"]`): each member a list of codes, the lists its own.
        Example(
            {
                "app/__init__.py": "", "app/core/__init__.py": "", "app/carriers/__init__.py": "",
                "app/core/units.py": "from enum import Enum\n\n\nclass TrackingStatus(Enum):\n"
                "    pending = ['pending']\n    delivered = ['delivered']\n    in_transit = ['in_transit']\n",
                "app/carriers/ups.py": "from enum import Enum\n\n\n"
                "class TrackingStatus(Enum):\n    pending = ['M', 'MV']\n    delivered = ['D', 'FS', 'KB']\n"
                "    in_transit = ['I', 'P']\n",
                "app/use.py": "from app.core.units import TrackingStatus\n",
            }
        ),
        # One module per Python version, the interpreter's own loaded by a version check
        # (dd-trace-py's `instrumentation_py3_9.py` and `instrumentation_py3_11.py`, each
        # asserting its version at import): each keeps its own copy.
        Example(
            {
                "app/__init__.py": "",
                "app/instrumentation.py": "import sys\nif sys.version_info >= (3, 11):\n"
                "    from app.instrumentation_py3_11 import JumpDirection\nelse:\n"
                "    from app.instrumentation_py3_9 import JumpDirection\n",
                **{
                    f"app/instrumentation_py3_{minor}.py": f"import sys\nfrom enum import Enum\n"
                    f"assert sys.version_info[:2] == (3, {minor})\n\n\n"
                    "class JumpDirection(int, Enum):\n    FORWARD = 1\n    BACKWARD = -1\n"
                    for minor in (9, 11)
                },
                "app/use.py": "from app.instrumentation import JumpDirection\n",
            }
        ),
        # A hand-written override of a generated enum, importing it under an alias it
        # converts (gs-quant's `common.PayReceive` over `target.common.PayReceive`): written
        # knowing the other, not a copy.
        Example(
            {
                "app/__init__.py": "", "app/target/__init__.py": "",
                "app/target/common.py": "from enum import Enum\n\n\nclass PayReceive(Enum):\n    Pay = 'Pay'\n    Receive = 'Receive'\n",
                "app/common.py": "from enum import Enum\n\nfrom app.target.common import PayReceive as _PayReceive\n\n\n"
                "class PayReceive(Enum):\n    Pay = 'Pay'\n    Receive = 'Rec'\n\n    @classmethod\n"
                "    def _missing_(cls, key):\n        if isinstance(key, _PayReceive):\n            return cls[key.name]\n",
                "app/use.py": "from app.common import PayReceive\nfrom app.target.common import PayReceive as P\n",
            }
        ),
        # A package's convention: each UI module keeps the GTK signals it connects (Solaar's
        # `GtkSignal` in nine modules, none imported by another): each its own subset.
        Example(
            _ui_signals(("changed", "clicked", "delete-event"), ("activate", "clicked"), ("activate", "changed", "clicked", "toggled"))
        ),
        # The same convention in a package's subpackages (bigquery-etl's SQL generators, each a
        # package its CLI loads by path, each with the `Browsers` it generates tables for):
        # two that each name one and the same browser chose it, they did not copy a list.
        Example(
            {
                "gen/__init__.py": "",
                **{
                    f"gen/{name}/__init__.py": "from enum import Enum\n\n\nclass Browsers(Enum):\n" + members
                    for name, members in (
                        ("serp", "    desktop = 'Firefox Desktop'\n"),
                        ("urlbar", "    desktop = 'Firefox Desktop'\n"),
                        ("mobile", "    fenix = 'Fenix'\n    focus = 'Focus'\n"),
                        ("deletions", "    desktop = 'Firefox Desktop'\n    fenix = 'Fenix'\n"),
                    )
                },
            }
        ),
        # An enum that extends a member-less enum of the same name (openfisca's
        # `indexed_enums.Enum(t.Enum, metaclass=EnumType)` over the typing declaration in
        # `types.py`): the base's implementation, not a copy of it.
        Example(
            {
                "app/__init__.py": "",
                "app/types.py": "import enum\n\n\nclass Enum(enum.Enum):\n    index: int\n",
                "app/indexed/__init__.py": "",
                "app/indexed/enum.py": "from app import types as t\n\n\nclass Enum(t.Enum):\n"
                "    def __init__(self, name):\n        self.index = len(self.__class__._member_names_)\n",
                "app/use.py": "from app.indexed.enum import Enum\nfrom app.types import Enum as Declared\n",
            }
        ),
        # A frozen snapshot of the models for database migrations, a package of its own that
        # only the revisions reach (backend.ai's `rbac_models/migration/`: its `models.py`
        # imports its `enums.py`, the revisions import `models.py`): it keeps its own copy of
        # the live enum, as it was when the revisions were written.
        Example(
            {
                "app/__init__.py": "",
                "app/roles.py": "from enum import Enum\n\n\nclass UserRole(Enum):\n    ADMIN = 'admin'\n    USER = 'user'\n"
                "    MONITOR = 'monitor'\n",
                "app/service.py": "from app.roles import UserRole\n",
                "app/migration/__init__.py": "",
                "app/migration/enums.py": "from enum import Enum\n\n\nclass UserRole(Enum):\n    ADMIN = 'admin'\n    USER = 'user'\n",
                "app/migration/models.py": "from app.migration.enums import UserRole\n",
                "alembic/versions/a1_roles.py": "from app.migration.models import UserRole\n\nrevision = 'a1'\ndown_revision = None\n",
                # A test of the snapshot's conversions imports it: still a snapshot.
                "tests/test_migration_enums.py": "from app.migration.enums import UserRole\n",
            }
        ),
        # A payload script the server reads as text by a literal path and ships to an agent;
        # nothing imports it: data, not a second definition of the server's enum.
        Example(
            {
                "srv/__init__.py": "",
                "srv/states.py": "import enum\n\n\nclass State(enum.Enum):\n    IDLE = 1\n    BUSY = 2\n",
                "srv/listener.py": "import srv.states\n\n\ndef payload(root):\n"
                "    with open(root / 'data' / 'agent.py') as f:\n        return f.read()\n",
                "srv/data/__init__.py": "",
                "srv/data/agent.py": "import enum\n\n\nclass State(enum.Enum):\n    IDLE = 1\n    BUSY = 2\n",
            }
        ),
        # A documentation listing that imports nothing of the project (feast's
        # ``docs/tutorials/.../data_generator.py``): written to be copied and run apart,
        # it keeps its own enum.
        Example(
            {
                "feast/__init__.py": "",
                "feast/driver_data.py": _STATUS,
                "feast/use.py": "from feast.driver_data import Status\n",
                "docs/tutorials/azure/data/generate.py": "import numpy\n" + _STATUS,
            }
        ),
        # The same module of two parallel plugins, each numbering its parser's states its
        # own way: each plugin's own automaton.
        Example(_plugins(_GOOGLE_STATES, _DDG_STATES)),
        # A one-word name no other module imports, each game's own presets (ballistica's
        # runaround and onslaught): six alike, and each has levels the other lacks.
        Example(
            {
                "games/__init__.py": "",
                "games/runaround.py": _PRESETS.format(own="TOURNAMENT = 'tournament'\n    TOURNAMENT_UBER = 'tournament_uber'"),
                "games/onslaught.py": _PRESETS.format(own="TRAINING = 'training'\n    ROOKIE = 'rookie'"),
            }
        ),
        # Alternatives a runner loads by a computed name, one per run, each on its own
        # library (msgspec's ``bench_{library}`` benchmarks): importing one's enum into
        # another would load both.
        Example(_loaded_alone("importlib.import_module(f'bench.bench_{lib}')")),
        # A member-less enum base per module, each with its own method, each the base of
        # that module's enum (llama_index's ``ConfigurableComponent``): two families' bases.
        Example(
            {
                "pkg/__init__.py": "",
                "pkg/sinks.py": _COMPONENT_BASE.format(what="data_sink", kind="Sinks"),
                "pkg/sources.py": _COMPONENT_BASE.format(what="data_source", kind="Sources"),
            }
        ),
        # A first-party generator writes one API module per service from each service's
        # spec (``Path(base, service) / "__init__.py"`` under its literal ``app/api``): two
        # services' enums that agree are each its spec's own, and so is a hand-written
        # module's of another service.
        Example(
            {
                "app/__init__.py": "",
                "app/scaffold.py": (
                    "from pathlib import Path\n\n\ndef write(service, code, base='app/api'):\n"
                    "    path = Path(base, service)\n    (path / '__init__.py').write_text(code)\n"
                ),
                "app/api/__init__.py": "",
                "app/api/acm/__init__.py": _SORT_ORDER,
                "app/api/route53/__init__.py": _SORT_ORDER,
                "app/services/__init__.py": "",
                "app/services/sqs/__init__.py": "",
                "app/services/sqs/listing.py": _SORT_ORDER,
                "app/services/acm/__init__.py": "",
                "app/services/acm/provider.py": "from app.api.acm import SortOrder\n",
                "app/services/route53/__init__.py": "",
                "app/services/route53/provider.py": "from app.api.route53 import SortOrder\n",
            }
        ),
        # A pytest plugin's end-to-end helper (it imports pytest when imported) keeps its own
        # enum, with the labels the UI shows: not production's duplicate, and production's
        # enum of the same values is never told to import it.
        Example(
            {
                "director/__init__.py": "",
                "director/client.py": _SERVICE_TYPE.format(dynamic="DYNAMIC"),
                "pytest_plugin/__init__.py": "",
                "pytest_plugin/helpers/__init__.py": "",
                "pytest_plugin/helpers/ui.py": "import pytest\n" + _SERVICE_TYPE.format(dynamic="DYNAMIC"),
                "pytest_plugin/helpers/pages.py": "from pytest_plugin.helpers.ui import ServiceType\n",
                "pytest_plugin/helpers/more.py": "from pytest_plugin.helpers.ui import ServiceType\n",
            }
        ),
        # What two generated modules share is their generator's business.
        Example(
            {
                "pkg/__init__.py": "",
                "pkg/types/__init__.py": _GENERATED,
                "pkg/types/chart.py": _GENERATED + _OBJECT_TYPE,
                "pkg/types/query.py": _GENERATED + _OBJECT_TYPE,
                "pkg/types/dashboard.py": _GENERATED + _OBJECT_TYPE + "\n\n" + _OBJECT_TYPE,
                "pkg/views.py": "from pkg.types.chart import ObjectType\n",
            }
        ),
        # Example and sample scripts each keep their own enums, as SSOT001 lets them keep
        # their classes: ``examples/`` (documentation code), and a samples folder without
        # an ``__init__.py``.
        Example(
            {
                "pkg/__init__.py": "",
                "examples/parsing_tools.py": _OBJECT_TYPE,
                "examples/responses/streaming_tools.py": _OBJECT_TYPE,
                "python/samples/worker/run_rpc.py": _OBJECT_TYPE,
                "python/samples/worker/run_pub_sub.py": _OBJECT_TYPE,
            }
        ),
        # A copy the project's copy checker keeps in step (``# Copied from``: transformers'
        # ``pipelines/image_classification.py`` copies ``ClassificationFunction`` from
        # ``text_classification.py``), though the copy is the more imported: as for SSOT001.
        Example(
            {
                "pkg/__init__.py": "",
                "pkg/text.py": _OBJECT_TYPE,
                "pkg/image.py": "import enum\n\n\n# Copied from pkg.text.ObjectType\n" + _OBJECT_TYPE.partition("\n\n\n")[2],
                "pkg/views.py": "from pkg.image import ObjectType\n",
            }
        ),
        # Each version of an API keeps its own enums (``pkg/v1/``, ``sdk/v2026_10/``).
        Example(
            {
                "pkg/__init__.py": "",
                "pkg/tags.py": _OBJECT_TYPE,
                "pkg/views.py": "from pkg.tags import ObjectType\n",
                "pkg/v1/__init__.py": "",
                "pkg/v1/tags.py": _OBJECT_TYPE,
                "pkg/v2026_10/__init__.py": "",
                "pkg/v2026_10/tags.py": _OBJECT_TYPE,
            }
        ),
        # A code generator's template is copied into each output by design.
        Example(
            {
                "pkg/__init__.py": "",
                "pkg/tags.py": _OBJECT_TYPE,
                "pkg/views.py": "from pkg.tags import ObjectType\n",
                "generator/project_templates/pkg/tags.py": _OBJECT_TYPE,
            }
        ),
        # Alembic revisions keep frozen copies of the enums they need: importing the live
        # enum would rewrite history.
        Example(
            {
                "app/__init__.py": "",
                "app/tags.py": _OBJECT_TYPE,
                "app/views.py": "from app.tags import ObjectType\n",
                "app/migrations/versions/2024-01-17_13-09_96164e_unique.py": _OBJECT_TYPE,
                "alembic/versions/96164e3017c6_unique.py": _OBJECT_TYPE,
            }
        ),
        # An Alembic revision is known by what it assigns, wherever its folder is.
        Example(
            {
                "app/__init__.py": "",
                "app/tags.py": _OBJECT_TYPE,
                "app/views.py": "from app.tags import ObjectType\n",
                "app/database/revisions/tenant/versions/2021-11-18_ce5c4ac967d8.py": (
                    'revision: str = "ce5c4ac967d8"\ndown_revision = "a1b2c3d4e5f6"\n' + _OBJECT_TYPE
                ),
            }
        ),
        Example(
            {
                "app/__init__.py": "",
                "app/enums.py": "from enum import Enum\n\nclass ExecutionStatus(Enum):\n    DONE = 'done'\n",
                "app/use.py": "from app.enums import ExecutionStatus\nStatus = ExecutionStatus\n",
                "tests/test_enums.py": "from enum import Enum\n\nclass ExecutionStatus(Enum):\n    DONE = 'done'\n",
            }
        ),
        # A fallback stub (the `except ImportError` branch, or the other branch of an `if`
        # that imports the name) is not a definition.
        Example(
            {
                "app/__init__.py": "",
                "app/status.py": _STATUS,
                "app/compat.py": "from enum import Enum\n\ntry:\n    from app.status import Status\n"
                "except ImportError:\n    class Status(Enum):\n        DONE = 'done'\n",
                "app/strenum.py": "import sys\nfrom enum import Enum\n\nif sys.version_info >= (3, 11):\n"
                "    from enum import StrEnum\nelse:\n    class StrEnum(str, Enum):\n        pass\n",
                "app/strenum2.py": "import sys\nfrom enum import Enum\n\nif sys.version_info < (3, 11):\n"
                "    class StrEnum(str, Enum):\n        pass\nelse:\n    from enum import StrEnum\n",
            }
        ),
        # Private enums are each module's own; enums of one name with nothing in common
        # are namesakes.
        Example(
            {
                "app/__init__.py": "",
                "app/runner.py": "import enum\n\n\nclass _State(enum.Enum):\n    CREATED = 1\n    CLOSED = 2\n",
                "app/timeout.py": "import enum\n\n\nclass _State(enum.Enum):\n    CREATED = 1\n    CLOSED = 2\n",
                "app/http.py": "import enum\n\n\nclass Method(enum.Enum):\n    GET = 1\n    POST = 2\n    PUT = 3\n",
                "app/solver.py": "import enum\n\n\nclass Method(enum.Enum):\n    NEWTON = 1\n    BISECT = 2\n",
            }
        ),
        # The same member names with other values: a display label per stored value is
        # another enum (importing it into the model would change every stored value).
        Example(
            {
                "app/__init__.py": "",
                "app/filters.py": "import enum\n\n\nclass PackageType(enum.Enum):\n    bdist_dmg = 'OSX Disk Image'\n"
                "    bdist_wheel = 'Wheel'\n    sdist = 'Source'\n",
                "app/models.py": "import enum\n\n\nclass PackageType(enum.StrEnum):\n    bdist_dmg = 'bdist_dmg'\n"
                "    bdist_wheel = 'bdist_wheel'\n    sdist = 'sdist'\n",
            }
        ),
        # Two state machines of one name sharing a few common words (3 of 5) are namesakes.
        Example(
            {
                "app/__init__.py": "",
                "app/launcher.py": "import enum\n\n\nclass ServiceState(enum.Enum):\n    STARTING = 1\n"
                "    READY = 2\n    FAILED = 3\n    GRACE_PERIOD = 4\n    MONITORING = 5\n",
                "app/lifecycle.py": "import enum\n\n\nclass ServiceState(enum.Enum):\n    UNINITIALIZED = 1\n"
                "    CONFIGURING = 2\n    STARTING = 3\n    READY = 4\n    STOPPING = 5\n    FAILED = 6\n",
            }
        ),
        # One member in common is no evidence of one list (the one mode a component
        # supports against another's four); two lists each numbered in order, with other
        # members, are two enumerations (a 4-action and a 5-action space).
        Example(
            {
                "app/__init__.py": "",
                "app/answer_joiner.py": "import enum\n\n\nclass JoinMode(enum.Enum):\n    CONCATENATE = 'concatenate'\n",
                "app/document_joiner.py": "import enum\n\n\nclass JoinMode(enum.Enum):\n    CONCATENATE = 'concatenate'\n"
                "    MERGE = 'merge'\n    RECIPROCAL_RANK_FUSION = 'rrf'\n",
                "app/env4.py": "import enum\n\n\nclass Actions(enum.Enum):\n    Neutral = 0\n    Exit = 1\n"
                "    Long_enter = 2\n    Short_enter = 3\n",
                "app/env5.py": "import enum\n\n\nclass Actions(enum.Enum):\n    Neutral = 0\n    Long_enter = 1\n"
                "    Long_exit = 2\n    Short_enter = 3\n    Short_exit = 4\n",
            }
        ),
        # Each layer owns its modes: the two every layer has, and its own. Two members in
        # common are no evidence of one list (points against the base), nor three when most
        # of the longer list is its own (points against shapes), for a one-word name that
        # says what it is only with its owner's.
        Example(
            {
                "app/__init__.py": "",
                "app/base.py": "import enum\n\n\nclass Mode(enum.Enum):\n    PAN_ZOOM = 'pan_zoom'\n"
                "    TRANSFORM = 'transform'\n",
                "app/points.py": "import enum\n\n\nclass Mode(enum.Enum):\n    PAN_ZOOM = 'pan_zoom'\n"
                "    TRANSFORM = 'transform'\n    ADD = 'add'\n    SELECT = 'select'\n",
                "app/shapes.py": "import enum\n\n\nclass Mode(enum.Enum):\n    PAN_ZOOM = 'pan_zoom'\n"
                "    TRANSFORM = 'transform'\n    SELECT = 'select'\n    DIRECT = 'direct'\n"
                "    ADD_RECTANGLE = 'add_rectangle'\n    ADD_ELLIPSE = 'add_ellipse'\n    ADD_LINE = 'add_line'\n"
                "    VERTEX_INSERT = 'vertex_insert'\n",
            }
        ),
        # The same names with other int codes: each protocol's own code table (a step
        # command's ``Up`` is 0 in one cluster, 1 in another), not one enum.
        Example(
            {
                "app/__init__.py": "",
                "app/general.py": "import enum\n\n\nclass StepMode(enum.IntEnum):\n    Up = 0x00\n    Down = 0x01\n",
                "app/lighting.py": "import enum\n\n\nclass StepMode(enum.IntEnum):\n    Up = 0x01\n    Down = 0x03\n",
            }
        ),
        # A first-party class named Enum that is not an enum (a database column type):
        # its subclasses are column types, not enums.
        Example(
            {
                "app/__init__.py": "",
                "app/types.py": "class String:\n    pass\n\n\nclass Enum(String):\n    native = False\n",
                "app/mysql.py": "from app import types\n\n\nclass ENUM(types.Enum):\n    native = True\n",
                "app/postgres.py": "from app import types\n\n\nclass ENUM(types.Enum):\n    native = True\n",
            }
        ),
    ),
    invalid=(
        # One enum pasted into two libraries of one vendor's tree below a folder no import
        # can name (sonic's `sonic-platform-modules-micas/common/lib/{wbutil,rjutil}/smbus.py`,
        # `I2cFunc`): copies all the same, told to go into a module both can import.
        Example(
            {
                f"platform/modules-micas/lib/{lib}/smbus.py": (
                    "from enum import IntFlag\n\n\nclass I2cFunc(IntFlag):\n    I2C = 0x1\n    ADDR_10BIT = 0x2\n"
                    "    PROTOCOL_MANGLING = 0x4\n\n\ndef can(flags):\n    return I2cFunc.I2C in flags\n"
                )
                for lib in ("rjutil", "wbutil")
            },
            expect=(("platform/modules-micas/lib/wbutil/smbus.py", 4),),
        ),
        # One device's protocol writes `On` and `Off` as digit strings, a newer model's as
        # words, and the older one has more members: digits are codes, not display labels,
        # so the two are one enum encoded two ways (python-miio's air-conditioning
        # companions' `SwingMode`).
        Example(
            {
                "acpartner/__init__.py": "",
                "acpartner/companion.py": (
                    "import enum\n\n\nclass SwingMode(enum.Enum):\n    On = '0'\n    Off = '1'\n"
                    "    Unknown1 = '2'\n    ChigoOn = 'C'\n"
                ),
                "acpartner/companion_mcn.py": "import enum\n\n\nclass SwingMode(enum.Enum):\n    On = 'on'\n    Off = 'off'\n",
            },
            expect=(("acpartner/companion_mcn.py", 4),),
        ),
        # Member values that spell a class of the module (`CONTROLNET = "Controlnet"` beside a
        # `Controlnet` class) read no class: the two enums are one, copied (airunner's
        # `ModelType` in its GUI's `enums.py` and its shared `contract_enums.py`).
        Example(
            {
                "gui/__init__.py": "",
                "gui/enums.py": (
                    "from enum import Enum\n\n\nclass Controlnet:\n    pass\n\n\nclass Scheduler:\n    pass\n\n\n"
                    "class ModelType(Enum):\n    CONTROLNET = 'Controlnet'\n    SCHEDULER = 'Scheduler'\n    LORA = 'Lora'\n"
                ),
                "shared/__init__.py": "",
                "shared/contract_enums.py": (
                    "from enum import Enum\n\n\nclass Scheduler:\n    pass\n\n\n"
                    "class ModelType(Enum):\n    CONTROLNET = 'Controlnet'\n    SCHEDULER = 'Scheduler'\n    LORA = 'Lora'\n"
                ),
                "shared/use.py": "from shared.contract_enums import ModelType\n",
                "gui/use.py": "from shared.contract_enums import ModelType\n",
            },
            expect=(("gui/enums.py", 12),),
        ),
        # A table copied whole: its lists are the same, and so is each copied enum.
        Example(
            {"app/__init__.py": "", "app/adc.py": _registers(_ADC), "app/adc2.py": _registers({**_ADC, "MR": "TRGEN = 0x1"})},
            expect=(("app/adc2.py", 4), ("app/adc2.py", 13), ("app/adc2.py", 18)),
        ),
        # Two Python enums of one name, one through a backport (both Python enums), and two
        # schema enums of one name (one GraphQL type declared twice).
        Example(
            _schema_enums("from aenum import Enum\n\n\nclass Selection(Enum):")
            | {"app/other.py": "from enum import Enum\n\n\nclass Selection(Enum):\n    BASE = 'base'\n    DIFF = 'diff'\n",
               "app/schema2.py": "import graphene\n\n\nclass Selection(graphene.Enum):\n    BASE = 'base'\n    DIFF = 'diff'\n"},
            expect=(("app/other.py", 4), ("app/schema2.py", 4)),
        ),
        # Two of one library's decorated types are one GraphQL enum declared twice, and a
        # plain decorator (`@unique`) makes no other library's enum.
        Example(
            _decorated_schema_enums() | {
                "app/schema2.py": "from enum import Enum\n\nimport strawberry\n\n\n@strawberry.enum\n"
                "class Selection(Enum):\n    BASE = 'base'\n    DIFF = 'diff'\n",
                "app/other.py": "from enum import Enum, unique\n\n\n@unique\nclass Selection(Enum):\n"
                "    BASE = 'base'\n    DIFF = 'diff'\n",
            },
            expect=(("app/other.py", 5), ("app/schema2.py", 7)),
        ),
        # Django's choices are enums: QFieldCloud's app model and its worker's copy, the
        # labels after the stored values aside.
        Example(
            {
                "app/__init__.py": "",
                "app/models.py": (
                    "from django.db import models\nfrom django.utils.translation import gettext_lazy as _\n\n\n"
                    "class BasemapStyle(models.TextChoices):\n    STANDARD = 'standard', _('Standard')\n"
                    "    DARK = 'dark', _('Dark')\n"
                ),
                "app/worker.py": "import enum\n\n\nclass BasemapStyle(str, enum.Enum):\n    STANDARD = 'standard'\n    DARK = 'dark'\n",
            },
            expect=(("app/worker.py", 4),),
        ),
        # The same member-less base in two modules, one method's signature annotated in one
        # (lear's `BaseEnum`): one base copied, whatever the annotation.
        Example(
            {
                "app/__init__.py": "",
                "app/model.py": (
                    "from enum import Enum\n\n\nclass BaseEnum(str, Enum):\n    @classmethod\n"
                    "    def get_enum_by_value(cls, value: str) -> str | None:\n        for member in cls:\n"
                    "            if member.value == value:\n                return member\n        return None\n"
                ),
                "app/common.py": (
                    "from enum import Enum\n\n\nclass BaseEnum(str, Enum):\n    @classmethod\n"
                    "    def get_enum_by_value(cls, value: str):\n        for member in cls:\n"
                    "            if member.value == value:\n                return member\n        return None\n"
                ),
                "app/use.py": "from app.model import BaseEnum\n",
            },
            expect=(("app/common.py", 4),),
        ),
        # The same lists in both: a copy of the table.
        Example(
            {
                "app/__init__.py": "", "app/core/__init__.py": "", "app/carriers/__init__.py": "",
                "app/core/units.py": "from enum import Enum\n\n\nclass TrackingStatus(Enum):\n"
                "    pending = ['pending']\n    delivered = ['delivered']\n    in_transit = ['in_transit']\n",
                "app/carriers/dpd.py": "from enum import Enum\n\n\nclass TrackingStatus(Enum):\n"
                "    pending = ['pending']\n    delivered = ['delivered']\n    in_transit = ['in_transit']\n",
                "app/use.py": "from app.core.units import TrackingStatus\n",
            },
            expect=(("app/carriers/dpd.py", 4),),
        ),
        # ... but two of them with the same members are a copy, and so is one another
        # module imports by name.
        Example(
            _ui_signals(("changed", "clicked"), ("changed", "clicked"), ("activate", "changed", "clicked", "toggled")),
            expect=(("app/ui/window.py", 4),),
        ),
        Example(
            {
                **_ui_signals(("changed", "clicked", "delete-event"), ("activate", "clicked"), ("activate", "changed", "clicked", "toggled")),
                "app/ui/menu.py": "from app.ui.rules import GtkSignal\n",
            },
            expect=(("app/ui/tray.py", 4),),
        ),
        # An example built on the project (it imports it) that copies its enum: told to
        # import it.
        Example(
            {
                "feast/__init__.py": "",
                "feast/driver_data.py": _STATUS,
                "feast/use.py": "from feast.driver_data import Status\n",
                "examples/generate.py": "import feast\n" + _STATUS,
            },
            expect=(("examples/generate.py", 5),),
        ),
        # The same modules loaded by a literal name: nothing says they are alternatives.
        Example(_loaded_alone("importlib.import_module('bench.bench_cattrs')"), expect=(("bench/bench_pydantic.py", 6),)),
        # A module that warns at import that it is deprecated as a whole keeps its copies
        # for its old importers: it is not reported, and the connector's copy is told to
        # import the new module's enum, not the deprecated one's (imported more though it is).
        # A copy its author marks ``# Adapted from`` the other (no checker keeps it in
        # step): reported, and told to import its source, though it is the more imported.
        Example(
            {
                "pkg/__init__.py": "",
                "pkg/text.py": _OBJECT_TYPE,
                "pkg/image.py": "import enum\n\n\n# Adapted from pkg.text.ObjectType\n" + _OBJECT_TYPE.partition("\n\n\n")[2],
                "pkg/views.py": "from pkg.image import ObjectType\n",
            },
            expect=(("pkg/image.py", 5),),
        ),
        Example(
            {
                "sdk/__init__.py": "",
                "sdk/enums.py": _TLP,
                "sdk/octi/__init__.py": "",
                "sdk/octi/enums.py": (
                    "import warnings\n\nwarnings.warn(\n    \"The 'sdk.octi.enums' module is deprecated; \"\n"
                    "    \"use 'sdk.enums' instead.\",\n    DeprecationWarning,\n)\n\n" + _TLP
                ),
                "sdk/old_a.py": "from sdk.octi.enums import TLPLevel\n",
                "sdk/old_b.py": "from sdk.octi.enums import TLPLevel\n",
                "sdk/new.py": "from sdk.enums import TLPLevel\n",
                "conn/__init__.py": "",
                "conn/enums.py": _TLP,
            },
            expect=(("conn/enums.py", 4),),
        ),
        # The same presets in two games, one of them gaining levels: a copy that grew; and
        # each game's own list imported by name elsewhere: a shared vocabulary, drifted.
        Example(
            {
                "games/__init__.py": "",
                "games/runaround.py": _PRESETS.format(own="TOURNAMENT = 'tournament'"),
                "games/onslaught.py": _PRESETS.format(own=""),
            },
            expect=(("games/runaround.py", 4),),
        ),
        Example(
            {
                "games/__init__.py": "",
                "games/runaround.py": _PRESETS.format(own="TOURNAMENT = 'tournament'\n    TOURNAMENT_UBER = 'tournament_uber'"),
                "games/onslaught.py": _PRESETS.format(own="TRAINING = 'training'\n    ROOKIE = 'rookie'"),
                "games/menu.py": "from games.onslaught import Preset\n",
            },
            expect=(("games/runaround.py", 4),),
        ),
        # The same payload, imported by the listener too: a module, its enum a copy.
        Example(
            {
                "srv/__init__.py": "",
                "srv/states.py": "import enum\n\n\nclass State(enum.Enum):\n    IDLE = 1\n    BUSY = 2\n",
                "srv/listener.py": "import srv.states\nimport srv.data.agent\n\n\ndef payload(root):\n"
                "    with open(root / 'data' / 'agent.py') as f:\n        return f.read()\n",
                "srv/data/__init__.py": "",
                "srv/data/agent.py": "import enum\n\n\nclass State(enum.Enum):\n    IDLE = 1\n    BUSY = 2\n",
            },
            expect=(("srv/states.py", 4),),
        ),
        # The same states with the same values in two plugins: a copy, however parallel;
        # so is one that drifted in one value of four.
        Example(_plugins(_GOOGLE_STATES, _GOOGLE_STATES), expect=(("plugins/google/parser.py", 4),)),
        Example(
            _plugins(_GOOGLE_STATES, _GOOGLE_STATES.replace("LINK_PARSED = 6", "LINK_PARSED = 7")),
            expect=(("plugins/google/parser.py", 4),),
        ),
        # The same member-less base copied into a second module (the same method): one base.
        Example(
            {
                "pkg/__init__.py": "",
                "pkg/sinks.py": _COMPONENT_BASE.format(what="data_sink", kind="Sinks"),
                "pkg/sources.py": _COMPONENT_BASE.format(what="data_sink", kind="Sources"),
            },
            expect=(("pkg/sources.py", 4),),
        ),
        # A hand-written copy of a generated enum is told to import the generated one (first
        # by path though it is not); the generated one is never told to change.
        Example(
            {
                "pkg/__init__.py": "",
                "pkg/a_tags.py": _OBJECT_TYPE,
                "pkg/types/__init__.py": _GENERATED,
                "pkg/types/chart.py": _GENERATED + _OBJECT_TYPE,
            },
            expect=(("pkg/a_tags.py", 4),),
        ),
        # The server builds on the client, never the other way: the client's enum is kept,
        # though the server's is more imported.
        Example(
            {
                "app/__init__.py": "",
                "app/client/__init__.py": "",
                "app/client/tags.py": _OBJECT_TYPE,
                "app/server/__init__.py": "",
                "app/server/tags.py": _OBJECT_TYPE,
                "app/server/views.py": "from app.client import tags\nfrom app.server.tags import ObjectType\n",
            },
            expect=(("app/server/tags.py", 4),),
        ),
        # A module that assigns a ``revision`` alone is no Alembic revision.
        Example(
            {
                "app/__init__.py": "",
                "app/tags.py": _OBJECT_TYPE,
                "app/views.py": "from app.tags import ObjectType\n",
                "app/release.py": 'revision = "3"\n' + _OBJECT_TYPE,
            },
            expect=(("app/release.py", 5),),
        ),
        # Two copies inside one version package: the second is told to import the first.
        Example(
            {
                "pkg/__init__.py": "",
                "pkg/tags.py": _OBJECT_TYPE,
                "pkg/v1/__init__.py": "",
                "pkg/v1/tags.py": _OBJECT_TYPE,
                "pkg/v1/more/__init__.py": "",
                "pkg/v1/more/tags.py": _OBJECT_TYPE,
            },
            expect=(("pkg/v1/tags.py", 4),),
        ),
        # A helper module of a migrations package is not a revision, nor is a Django
        # migration (its duplicates count, like any file's no import can name).
        Example(
            {
                "app/__init__.py": "",
                "app/tags.py": _OBJECT_TYPE,
                "app/views.py": "from app.tags import ObjectType\n",
                "app/migrations/__init__.py": "",
                "app/migrations/helpers.py": _OBJECT_TYPE,
                "app/migrations/0002_tags.py": _OBJECT_TYPE,
            },
            expect=(("app/migrations/0002_tags.py", 4), ("app/migrations/helpers.py", 4)),
        ),
        Example(
            {
                "app/__init__.py": "",
                "app/base.py": "import enum\n\nclass StrEnumBase(str, enum.Enum):\n    pass\n",
                "app/schemas/__init__.py": "",
                "app/schemas/core_enums.py": "from enum import IntEnum\n\nclass ExecutionStatus(IntEnum):\n    DONE = 1\n",
                "app/agents/status.py": "from app.base import StrEnumBase\n\n\nclass ExecutionStatus(StrEnumBase):\n    DONE = 'done'\n",
            },
            expect=(("app/agents/status.py", 4),),
            config='canonical-enum-modules = ["app.schemas.core_enums"]\n',
        ),
        # Without a configured module: the most imported definition is kept, and production
        # code is never told to import from tooling (the tooling copy is reported).
        Example(
            {
                "app/__init__.py": "",
                "app/a.py": _STATUS,
                "app/b.py": _STATUS,
                "app/use1.py": "from app.b import Status\n",
                "app/use2.py": "from app.b import Status\n",
                "app/use3.py": "from app.a import Status\n",
                "scripts/__init__.py": "",
                "scripts/report.py": _STATUS,
            },
            expect=(("app/a.py", 4), ("scripts/report.py", 4)),
            # Exact copies: each can be replaced by an import of the one kept (unsafe).
            fixed={
                "app/a.py": "from enum import Enum\n\n\nfrom app.b import Status\n",
                "scripts/report.py": "from enum import Enum\n\n\nfrom app.b import Status\n",
            },
        ),
        # Drifted copies (three of four members in common) are one enum; production is never
        # told to import from test code, even test code production imports (and which is
        # imported more): the test-path copy is reported.
        Example(
            {
                "app/__init__.py": "",
                "app/policy.py": "import enum\n\n\nclass EnvironmentType(enum.Enum):\n    DEVELOPMENT = 1\n"
                "    STAGING = 2\n    PRODUCTION = 3\n    TESTING = 4\n",
                "app/boot.py": "import test_framework.docker\n",
                "test_framework/__init__.py": "",
                "test_framework/docker.py": "import enum\n\n\nclass EnvironmentType(enum.Enum):\n    DEVELOPMENT = 1\n"
                "    STAGING = 2\n    PRODUCTION = 3\n    TEST = 4\n    DEDICATED = 5\n",
                "app/a.py": "from test_framework.docker import EnvironmentType\n",
                "app/b.py": "from test_framework.docker import EnvironmentType\n",
            },
            expect=(("test_framework/docker.py", 4),),
        ),
        # A copy that drifted in one value of four (most written alike) is still one enum.
        Example(
            {
                "app/__init__.py": "",
                "app/a.py": "import enum\n\n\nclass Level(enum.Enum):\n    LOW = 1\n    MID = 2\n    HIGH = 3\n    MAX = 4\n",
                "app/b.py": "import enum\n\n\nclass Level(enum.Enum):\n    LOW = 1\n    MID = 2\n    HIGH = 3\n    MAX = 9\n",
                # The same values, written with other quotes and comments.
                "app/llm.py": "import enum\n\n\nclass CircuitState(enum.Enum):\n    CLOSED = 'closed'  # normal\n"
                "    OPEN = 'open'  # failing\n",
                "app/mesh.py": "import enum\n\n\nclass CircuitState(enum.Enum):\n    CLOSED = \"closed\"      # fine\n"
                "    OPEN = \"open\"\n",
            },
            expect=(("app/b.py", 4), ("app/mesh.py", 4)),
        ),
        # A name that says what it is (not a one-word ``Mode``): a list that gained members
        # elsewhere is still that concept, drifted (two of two members shared; four of five
        # against a longer list).
        Example(
            {
                "app/__init__.py": "",
                "app/startup.py": "import enum\n\n\nclass ServiceType(str, enum.Enum):\n    BACKEND = 'backend'\n"
                "    FRONTEND = 'frontend'\n",
                "app/diagnostic.py": "import enum\n\n\nclass ServiceType(str, enum.Enum):\n    BACKEND = 'backend'\n"
                "    FRONTEND = 'frontend'\n    DATABASE = 'database'\n    UNKNOWN = 'unknown'\n",
                "app/shared.py": "import enum\n\n\nclass AgentStatus(str, enum.Enum):\n    IDLE = 'idle'\n"
                "    RUNNING = 'running'\n    COMPLETED = 'completed'\n    ERROR = 'error'\n    STOPPED = 'stopped'\n",
                "app/core.py": "import enum\n\n\nclass AgentStatus(str, enum.Enum):\n    IDLE = 'idle'\n"
                "    ACTIVE = 'active'\n    RUNNING = 'running'\n    WAITING = 'waiting'\n    PAUSED = 'paused'\n"
                "    COMPLETED = 'completed'\n    FAILED = 'failed'\n    ERROR = 'error'\n    CANCELLED = 'cancelled'\n",
            },
            expect=(("app/shared.py", 4), ("app/startup.py", 4)),
        ),
        # Three members in common with a fourth gained, the same list numbered from 0 and
        # from 1 (places, not codes), and plain enums' other ints: one enum each.
        Example(
            {
                "app/__init__.py": "",
                "app/a.py": "import enum\n\n\nclass Color(enum.Enum):\n    RED = 'red'\n    GREEN = 'green'\n"
                "    BLUE = 'blue'\n",
                "app/b.py": "import enum\n\n\nclass Color(enum.Enum):\n    RED = 'red'\n    GREEN = 'green'\n"
                "    BLUE = 'blue'\n    BLACK = 'black'\n",
                "app/c.py": "import enum\n\n\nclass Level(enum.IntEnum):\n    LOW = 0\n    MID = 1\n    HIGH = 2\n",
                "app/d.py": "import enum\n\n\nclass Level(enum.IntEnum):\n    LOW = 1\n    MID = 2\n    HIGH = 3\n",
                # Plain enums' ints are only identities, not codes anything reads.
                "app/e.py": "import enum\n\n\nclass Kind(enum.Enum):\n    ONE = 5\n    TWO = 7\n",
                "app/f.py": "import enum\n\n\nclass Kind(enum.Enum):\n    ONE = 1\n    TWO = 2\n",
                # One member is no table of codes: a copy whose value drifted.
                "app/g.py": "import enum\n\n\nclass Switch(enum.IntEnum):\n    ON = 1\n",
                "app/h.py": "import enum\n\n\nclass Switch(enum.IntEnum):\n    ON = 2\n",
            },
            expect=(("app/b.py", 4), ("app/d.py", 4), ("app/f.py", 4), ("app/h.py", 4)),
        ),
        # A later enum of the same name in the same module replaces the earlier one.
        Example(
            {
                "app/__init__.py": "",
                "app/status.py": _STATUS + "\n\n" + _STATUS,
            },
            expect=(("app/status.py", 11),),
        ),
    ),
)
