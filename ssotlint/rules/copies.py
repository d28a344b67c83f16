"""When a duplicate class can be replaced by an import of the one kept (SSOT001, SSOT006).

Only an exact copy: the same text once comments and the docstring are gone (decorators
and bases included), whose module-level names (an ``Enum`` base, a helper it calls) are
the same objects in both modules, because both modules import them from the same place.
A name either module defines itself (``KeyTransform`` next to each copy) may differ, so
there is no fix. Replacing a class statement by ``from kept import Name`` keeps every
importer of the old location working; it is unsafe all the same, because the class's
``__module__`` changes (pickles, registries keyed by module) and the copy's module now
loads the kept one's.
"""

from __future__ import annotations

from functools import partial

import re
import sys
from collections import defaultdict
from functools import cached_property
from typing import Callable, Iterable, NamedTuple

from ssotlint.discover.modules import importable
from ssotlint.extract.ast_walk import name_digest
from ssotlint.extract.builder import last_part
from ssotlint.extract.summary import CTX_FUNCTION, CTX_TYPE_CHECKING, KIND_ABSTRACT, KIND_ENUM, PROGRAM_INPUT, ClassRecord
from ssotlint.model.built_src import installed_module
from ssotlint.model.project import ClassRef, Project, SourceFile
from ssotlint.rules.base import Fix
from ssotlint.rules.definitions import Definition, Reach, imported_then_replaced

def _star_import(f: SourceFile) -> bool:
    return any(rec.is_from and rec.names[0][0] == "*" for rec in f.summary.imports)


def different_objects(project: Project, copy: SourceFile, kept: SourceFile, names: set[str]) -> list[str]:
    """The names that may be bound to different objects in the two modules: all but those
    both modules import from the same place (the model's bindings, as the rules read them)."""
    ours, theirs = project.bindings(copy.module or ""), project.bindings(kept.module or "")
    differ = []
    for name in sorted(names):
        binding = ours.get(name)
        imported = binding is not None and binding.kind in ("from", "import") and not binding.typing_only
        if not imported or binding != theirs.get(name):
            differ.append(name)
    return differ


def _origin(project: Project, module: str, name: str, depth: int = 0) -> tuple[str, str] | None:
    """The first-party function, class or module ``name`` stands for in ``module``, as
    (kind, where it is defined), following imports and re-exports; None for anything else
    (an assignment, an alias, a third-party name), which is not compared."""
    if depth > 10:
        return None
    binding = project.bindings(module).get(name)
    if binding is None:
        source = project._star_source(module, name)
        return _origin(project, source, name, depth + 1) if source is not None else None
    if binding.typing_only:
        return None
    if binding.kind == "class":
        return ("class", f"{module}.{name}")
    if binding.kind == "def":
        f = project.modules.get(module)
        return ("function", f"{module}.{name}") if f is not None and name in f.summary.functions else None
    if binding.kind == "from":
        source, _, imported = binding.target.partition(":")
        if not project.is_first_party(source):
            # A first-party module imported by the name its packaging installs it as
            # (an Ansible collection's `ansible_collections.<namespace>.<name>....`).
            source = installed_module(project, source)  # type: ignore[assignment]
            if source is None:
                return None
        if project.module_exists(f"{source}.{imported}"):
            return ("module", f"{source}.{imported}")
        return _origin(project, source, imported, depth + 1) if source in project.modules else None
    if binding.kind == "import":
        if project.is_first_party(binding.target):
            return ("module", binding.target)
        installed = installed_module(project, binding.target)
        return ("module", installed) if installed is not None else None
    return None


def different_collaborators(project: Project, a: Definition, b: Definition, depth: int = 0) -> list[str]:
    """The names both classes read (bases aside: the role compares those) that their
    modules bind alike, both defining their own or both importing, to *different*
    first-party functions or modules: each calls its own module's ``apply_gufunc``, or
    imports ``asarray`` from its own backend. Such classes are one template instantiated
    per backend, not a copy to import: importing one into the other module would switch it
    to the other's collaborators. Not counted: a name one module imports and the other
    defines (a copy whose helper was rewritten beside it), two functions of the same text
    (the helper copied along with the class), classes (copied along with it, or compared as
    classes) and assignments (a logger, a constant)."""
    (fa, ca), (fb, cb) = a, b
    if fa.module is None or fb.module is None:
        return []
    bases = {base.partition(".")[0] for base in (*ca.bases, *cb.bases)}
    ours, theirs = project.bindings(fa.module), project.bindings(fb.module)
    differ = []
    for name in sorted(set(ca.names_used) & set(cb.names_used) - bases):
        if _defined_here(ours.get(name)) != _defined_here(theirs.get(name)):
            continue  # one imports it, the other defines its own: a copy that drifted
        here, there = _origin(project, fa.module, name), _origin(project, fb.module, name)
        if here is None or there is None or here == there:
            continue
        if "class" in (here[0], there[0]):
            if _own_parts_classes(project, ours.get(name), here, there, depth):
                differ.append(name)  # each imports its own part's model (``Post`` of each forum app)
            continue  # classes each module defines are compared as classes (copied with it)
        if here[0] == there[0] == "function" and _same_text(project, here[1], there[1]):
            continue  # one helper copied along with the class: a copy of both
        if here[0] == there[0] == "module" and _same_module(project, here[1], there[1]):
            continue  # the module copied along with it (LangBot's two wecom `ierror.py`)
        differ.append(name)
    return differ or _own_families(a, b)


def typed_per_backend(project: Project, a: Definition, b: Definition) -> bool:
    """Two declarations of the same annotated fields and nothing else (a ``NamedTuple``, a
    dataclass) whose every field is annotated differently, each naming only what its own
    module imports, and none of the same (``check_output: ibis.Table`` in the ibis
    backend's module, ``check_output: pl.LazyFrame`` in the polars one's, ``Any`` in the
    generic base's): one shape typed per backend, as each backend's code and its type
    checker see it. Importing one for the other would retype the other backend's values.
    The same types spelt two ways (``Optional[str]`` and ``str | None``) name a typing
    helper on one side only, so such copies are still copies."""
    (fa, ca), (fb, cb) = a, b
    if fa.module is None or fb.module is None or _has_methods(ca) or _has_methods(cb):
        return False
    ta, tb = dict(ca.annotated), dict(cb.annotated)
    fields = {m for m in ca.members if m != "__doc__"}
    if not ta or set(ta) != set(tb) or fields != set(ta) or fields != {m for m in cb.members if m != "__doc__"}:
        return False
    if any(ta[name] == tb[name] for name in ta):
        return False
    ra, rb = _imported_refs(project, fa.module, ca), _imported_refs(project, fb.module, cb)
    return bool(ra) and bool(rb) and not ra & rb


def own_libraries(project: Project, a: Definition, b: Definition) -> bool:
    """The third-party libraries each class's text names (through its module's imports,
    type-checking ones and string annotations included) that the other's does not, when
    each names one and they differ: faststream's ``KafkaLoggingBroker`` typed with
    ``aiokafka.ConsumerRecord`` in the kafka backend and ``confluent_kafka.Message`` in the
    confluent one. Each is its library's adapter of one shape, as Qt's and Gtk's
    widgets are: importing one into the other module would bind it to the other library.
    A copy that names the same libraries, or none, is compared as usual."""
    (fa, ca), (fb, cb) = a, b
    if fa.module is None or fb.module is None or fa.module == fb.module:
        return False
    la, lb = _libraries(project, fa.module, ca), _libraries(project, fb.module, cb)
    return bool(la - lb) and bool(lb - la)


def _libraries(project: Project, module: str, c: ClassRecord) -> frozenset[str]:
    """The top-level third-party modules (not first-party, not the standard library) that
    the names ``c``'s text mentions are bound to by its module's imports."""
    found = set()
    for name in c.refs:
        target = project.resolve(module, name)
        if not isinstance(target, str):
            continue
        top = target.partition(".")[0]
        if top and top not in sys.stdlib_module_names and not project.is_first_party(top) and top not in _NEUTRAL_LIBRARIES:
            found.add(top)
    return frozenset(found)


# Libraries that say nothing of a backend: typing backports and the like.
_NEUTRAL_LIBRARIES = frozenset({"typing_extensions", "attr", "attrs", "pydantic", "dataclasses_json", "six", "future"})


def _has_methods(c: ClassRecord) -> bool:
    return any(m not in c.fields and m != "__doc__" for m in c.members)


def _imported_refs(project: Project, module: str, c: ClassRecord) -> set[str]:
    """The names its text mentions that its module binds by an import (its bases aside);
    none when it mentions one its module defines."""
    bindings = project.bindings(module)
    bases = {base.partition(".")[0] for base in c.bases}
    found: set[str] = set()
    for name in c.refs:
        binding = bindings.get(name)
        if name in bases or binding is None:
            continue
        if binding.kind not in ("import", "from"):
            return set()
        found.add(name)
    return found


def reads_namesake(project: Project, a: Definition, b: Definition) -> bool:
    """One class's module reads the other class off the other's module by its dotted path
    (``temporalio.bridge.runtime.OpenTelemetryConfig(...)`` in ``temporalio/runtime.py``,
    beside its own ``OpenTelemetryConfig``; ``bridge.worker.FixedSizeSlotSupplier(n)`` in
    the public ``_tuning.py``): the module holds both classes on purpose and converts one
    into the other (a public layer's class and the lower layer's mirror of a native
    struct), so each is its layer's own. A copy does not name the original it copies."""
    return _reads_class_of(project, a, b) or _reads_class_of(project, b, a)


def _reads_class_of(project: Project, mine: Definition, theirs: Definition) -> bool:
    """``mine``'s module binds ``theirs``'s module as an object at its top (``import
    pkg.mod``, ``import pkg.mod as m``, ``from pkg import mod``) and its text reads the class
    name off it (``FileSummary.attribute_reads``)."""
    (f, c), (g, _) = mine, theirs
    if f.module is None or g.module is None or f.module == g.module:
        return False
    reads = dict(f.summary.attribute_reads)
    if not reads:
        return False
    for rec in f.summary.imports:  # the module itself, bound by name
        if rec.context & CTX_FUNCTION:
            continue
        if not rec.is_from:
            held = [rec.asname or rec.module] if rec.module == g.module else []
        else:
            source = project.absolute(f, rec)
            held = [alias or name for name, alias in rec.names if f"{source}.{name}" == g.module]
        if any(c.name in reads.get(name, ()) for name in held):
            return True
    # Or through packages that re-export it (``import netket.nn as nknn`` and
    # ``nknn.blocks.DeepSetMLP(...)`` in the model that wraps the block).
    other = theirs[1]
    for path in f.summary.deep_class_reads:
        if path.rpartition(".")[2] == c.name:
            target = project.resolve(f.module, path)
            if isinstance(target, ClassRef) and target.module == g.module and target.record.line == other.line:
                return True
    return False


def adapts_namesake(project: Project, a: Definition, b: Definition) -> bool:
    """One class's module imports the other class by name under an alias and the class's
    own body names that alias (gs-quant's hand-written ``PayReceive`` in ``common.py``,
    ``from gs_quant.target.common import PayReceive as _PayReceive``, whose ``_missing_``
    converts a ``_PayReceive``): an override or adapter of the other, written knowing it,
    not a copy made unaware of it."""
    return _adapts(project, a, b) or _adapts(project, b, a)


def _adapts(project: Project, mine: Definition, theirs: Definition) -> bool:
    (f, c), (g, other) = mine, theirs
    if f.module is None or g.module is None or f.module == g.module:
        return False
    used = set(c.names_used) | set(c.refs)
    for rec in f.summary.imports:
        if not rec.is_from or rec.context & CTX_TYPE_CHECKING:
            continue
        if project.absolute(f, rec) != g.module:
            continue
        if any(name == other.name and alias and alias != name and alias in used for name, alias in rec.names):
            return True
    return False


def built_side_by_side(project: Project, a: Definition, b: Definition) -> bool:
    """A product module imports both classes by name, under names of their own, and builds
    each (onyx's ``tracing_wrap.py``: ``FunctionCall as DeltaFunctionCall`` from the
    streaming module, ``FunctionCall as ModelFunctionCall`` from the models, and a
    ``ModelFunctionCall(...)`` made of the deltas it gathered): it converts one into the
    other, so the two are kept apart on purpose (a stream's partial record and the finished
    one), or builds one of them from the other (dstack's log services build the public
    ``LogEvent`` from each ``RunnerLogEvent``, the runner's wire record, imported under that
    name). A module that only names both (``isinstance(x, (A, B))``, a duplicate's
    workaround) builds neither, and a test may build whatever it tests."""
    (f, c), (g, _) = a, b
    if f.module is None or g.module is None or f.module == g.module:
        return False
    importers = project.importers
    is_test = project.config.is_test_file
    for module in importers.get(f.module, frozenset()) & importers.get(g.module, frozenset()):
        h = project.modules.get(module)
        if h is None or h.is_test or is_test(h.path) or not h.summary.call_shapes:
            continue
        local: dict[str, str] = {}  # the class's module -> the name this module binds it to
        for rec in h.summary.imports:
            if not rec.is_from or rec.context & CTX_TYPE_CHECKING:
                continue
            source = project.absolute(h, rec)
            if source in (f.module, g.module):
                for name, alias in rec.names:
                    if name == c.name:
                        local[source] = alias or name
        if len(local) == 2 and len(set(local.values())) == 2:
            called = {shape[0] for shape in h.summary.call_shapes}
            if called & set(local.values()):
                # It builds one of them, having imported the other under a name of its own
                # (dstack's log services: `LogEvent(...)` built from each `RunnerLogEvent`
                # of the runner's wire format): it converts one into the other.
                return True
    return False


def own_data_fields(project: Project, d: Definition) -> list[str]:
    """The class-level fields of ``d`` whose value is a bare name its own module binds by a
    module-level assignment (``rules = rules`` under ``rules = (Rule(...), ...)``; not an
    import, a function or a class): the class is configured by its module's own data when
    its statement runs. Only a class that extends something (a template a base class
    reads, openstates' ``Categorizer(BaseCategorizer)``): a bare dataclass whose default
    is its module's constant (``attempts: int = DEFAULT``) is data copied with it."""
    f, c = d
    if not c.values or not c.refs or f.module is None or not c.bases:
        return []
    assigned = set(f.summary.assigned) - set(f.summary.functions) - {k.name for k in f.summary.classes}
    mine = {name_digest(name): name for name in c.refs if name in assigned}
    if not mine:
        return []
    bindings = project.bindings(f.module)
    return [
        field for field, digest, _ in c.values
        if digest in mine and (b := bindings.get(mine[digest])) is not None and b.kind == "def"
    ]


def wired_to_own(a: Definition, b: Definition) -> list[str]:
    """What ties each of two classes to its own module, so that importing one into the
    other module would change what it does:

    - a name both mention (a base included) that each module defines itself as a class,
      the two classes differing: each chip's ``EfuseDefineBlocks`` reads its own module's
      ``EfuseDefineRegisters.DR_REG_EFUSE_BASE`` (esptool), each back-end's ``Storage``
      is configured with ``Connection = Connection``, its own module's connection class,
      and each API's serializer nests its own module's serializer of a name
      (``personal_details = ThirdPartyPersonalDetailsSerializer(required=True)`` in
      cla_backend's call-centre and provider APIs, the nested ones differing);
    - ``__file__``, read by both: each reads the files beside its own module (a chip's
      ``efuse_defs/<folder>.yaml`` found from its own path), in two folders.

    A helper class copied along with the class is no tie, changed or not, unless it only
    holds constants or the class is configured with it: a module copied whole whose one
    class drifted in behaviour is a copy (the drifted class is compared in its own right),
    and so are two copies each typed with its own module's enum or model (each service's
    ``RetryConfig`` over its own ``RetryStrategy``: copies of the concept, enum and all).
    Nor is a class only its own module defines (each copy's own helper types, named apart)."""
    (fa, ca), (fb, cb) = a, b
    if fa.module is None or fb.module is None or fa.module == fb.module:
        return []
    mine, theirs = _top_classes(fa), _top_classes(fb)
    heads = lambda c: set(c.refs) | {base.partition(".")[0] for base in c.bases}  # noqa: E731
    ra, rb = heads(ca) - {ca.name}, heads(cb) - {cb.name}
    ties = sorted(
        name for name in ra & rb
        if name in mine and name in theirs and mine[name].body and theirs[name].body and mine[name].body != theirs[name].body
        and (
            # a table of constants, each module's own: per-chip registers
            (constants_table(mine[name]) and constants_table(theirs[name]))
            # or the class each is configured with (``Connection = Connection``)
            or (_field_bound_to(ca, name) and _field_bound_to(cb, name))
            # or each builds a field from it (a nested serializer, ``personal_details =
            # PersonalDetailsSerializer(required=True)``: each API's own)
            or (_field_built_from(ca, name) and _field_built_from(cb, name))
        )
    )
    if ties:
        return ties
    if "__file__" in ra and "__file__" in rb and fa.path.rpartition("/")[0] != fb.path.rpartition("/")[0]:
        return ["__file__"]
    return []


def reads_own_data(project: Project, a: Definition, b: Definition) -> list[str]:
    """The module-level names both classes mention that each module binds by an
    assignment of its own, the two values written otherwise (``FileSummary.value_digests``):
    each plugin's ``Source``, the same code in every module, builds its client from its
    own module's ``_CONFIG = OpenCitiesConfig(domain=...)``. Importing one class into the
    other module would make it do the first module's work."""
    return _own_values_read(project, a, b, set(a[1].refs) & set(b[1].refs), lambda mine, theirs: mine != theirs)


def own_command_lines(project: Project, a: Definition, b: Definition) -> list[str]:
    """The module-level names both classes' own class-level fields are built from
    (``ClassRecord.nested``) that each module binds to its own program's command line
    (``args = parser.parse_args()``; see ``extract.summary.PROGRAM_INPUT``): gem5's
    ``configs/splash2/run.py`` and ``cluster.py`` each define ``class L1(Cache): latency =
    args.l1latency``, a class made, when its statement runs, of the options that script
    was started with; it cannot exist apart from its program. (A method that reads the
    options when called, PyG's ``Net.__init__`` reading ``args.hidden``, leaves a class
    that can move with its options passed in: two such are compared as usual.)"""
    built = [{name for _, names in c.nested for name in names} for _, c in (a, b)]
    return _own_values_read(project, a, b, built[0] & built[1], lambda mine, theirs: mine == theirs == PROGRAM_INPUT)


def _own_values_read(
    project: Project, a: Definition, b: Definition, names: set[str], own: Callable[[int, int], bool]
) -> list[str]:
    """Of ``names``, those each of the two modules binds by an assignment of its own whose
    value digests (``FileSummary.value_digests``) ``own`` says make it each module's own."""
    (fa, _), (fb, _) = a, b
    if not names or fa.module is None or fb.module is None or fa.module == fb.module:
        return []
    mine, theirs = dict(fa.summary.value_digests), dict(fb.summary.value_digests)
    if not mine or not theirs:
        return []
    bound_a, bound_b = project.bindings(fa.module), project.bindings(fb.module)
    return sorted(
        name for name in names
        if name in mine and name in theirs and own(mine[name], theirs[name])
        and _defined_here(bound_a.get(name)) and _defined_here(bound_b.get(name))
    )


def built_from_other_classes(project: Project, a: Definition, b: Definition) -> list[str]:
    """The fields of two declarations (fields only, the same ones, no method) that each
    builds from a first-party class the other does not name, two classes: one pattern
    applied to two models (carbure's ``GenerateSampleForm`` per audit, ``application_id =
    forms.ModelChoiceField(queryset=ChargePointRepository.get_annotated_applications())``
    and ``MeterReadingRepository`` in the other). Importing one in place of the other would
    validate against the other model; the shape alone is shared, and a shape is no concept.
    Two that build a field from one class, even under two aliases, are compared as usual,
    and so are two that each build it from its own module's class of one name (see
    :func:`nests_apart`, :func:`wired_to_own`)."""
    (fa, ca), (fb, cb) = a, b
    if fa.module is None or fb.module is None or fa.module == fb.module or not ca.fields:
        return []
    if set(ca.fields) != set(cb.fields) or set(ca.members) != set(ca.fields) or set(cb.members) != set(cb.fields):
        return []
    na, nb = dict(ca.nested), dict(cb.nested)

    def classes(module: str, names: set[str]) -> set[str]:
        return {t.qualname for t in (project.resolve(module, n) for n in names) if isinstance(t, ClassRef)}

    found = []
    for field in sorted(set(ca.fields)):
        mine, theirs = set(na.get(field, ())), set(nb.get(field, ()))
        own_a, own_b = classes(fa.module, mine - theirs), classes(fb.module, theirs - mine)
        if own_a and own_b and not own_a & own_b:
            found.append(field)
    return found


def nests_apart(a: Definition, b: Definition) -> list[str]:
    """The fields both classes declare that they build from different names, one of them a
    class its own module defines that the other does not name there: one record represented
    for two consumers, each in its own module's vocabulary (taiga's webhook payload
    ``MilestoneSerializer`` nests ``project = ProjectSerializer()`` and ``owner =
    UserSerializer()``, classes of the webhook module; the API's serializer of that name has
    ``project = Field(attr="project_id")``). Importing one for the other would change what
    it produces. Two copies that each nest their own module's class of one name (a module
    copied whole) name the same classes (unless those two classes have no member in
    common: emmet's OpenMM and Q-Chem ``CalculationInput``, each its record's own part), and so do two whose field is typed by the same
    class, defined beside one and imported by the other (private-gpt's ``status:
    StreamStatus``): they are compared as usual."""
    (fa, ca), (fb, cb) = a, b
    if fa.module == fb.module or not (ca.nested or cb.nested):
        return []
    na, nb = dict(ca.nested), dict(cb.nested)
    own_a, own_b = set(_top_classes(fa)) - {ca.name}, set(_top_classes(fb)) - {cb.name}
    found = []
    classes_a, classes_b = _top_classes(fa), _top_classes(fb)
    for field in sorted(set(ca.fields) & set(cb.fields)):
        mine, theirs = set(na.get(field, ())), set(nb.get(field, ()))
        if (mine - theirs) & own_a or (theirs - mine) & own_b:
            found.append(field)
        elif any(_unlike(classes_a[n], classes_b[n]) for n in mine & theirs & own_a & own_b):
            # Each module's own class of one name, with no member in common (emmet's
            # OpenMM and Q-Chem `Calculation`, each `input: CalculationInput` of its own
            # module, the two inputs sharing no field): two records' own parts.
            found.append(field)
    return found


def _unlike(a: ClassRecord, b: ClassRecord) -> bool:
    """Two classes of one name that have members, none of them in common (dunders aside)."""
    ma = {m for m in a.members if not (m.startswith("__") and m.endswith("__"))}
    mb = {m for m in b.members if not (m.startswith("__") and m.endswith("__"))}
    return bool(ma) and bool(mb) and not ma & mb


def implementations_of(project: Project, a: Definition, b: Definition) -> list[str]:
    """The abstract first-party classes (``ABCMeta``, abstract methods) of a third module
    that both classes extend, when their bodies differ: two implementations of one
    interface, each its own module's (piccolo's ``AsyncBatch(BaseBatch)`` in the Postgres
    and the SQLite engine, one fetching through a cursor in a transaction, the other
    straight from the connection). What they share is the interface; importing one into
    the other module would swap the implementation. Two copies that read the same are
    copies, abstract base or not."""
    (fa, ca), (fb, cb) = a, b
    if fa.module is None or fb.module is None or not ca.bases or not cb.bases:
        return []
    if not ca.body or not cb.body or ca.body == cb.body:
        return []
    own = {fa.module, fb.module}

    def abstract(module: str, c: ClassRecord) -> set[tuple[str, str]]:
        return {
            (ref.module, ref.record.name) for ref in project.ancestors(module, c)[0]
            if ref.record.kind == KIND_ABSTRACT and ref.module not in own
        }

    shared = abstract(fa.module, ca) & abstract(fb.module, cb)
    if not shared:
        shared = _overridden_by_both(project, a, b)
    return sorted(f"{module}.{name}" for module, name in shared)


def _overridden_by_both(project: Project, a: Definition, b: Definition) -> set[tuple[str, str]]:
    """The first-party classes of a third module that both classes extend, when each class
    only overrides what its ancestors there define (its docstring aside), methods among
    it, and a method both override takes other parameters in each: two implementations
    of one base's interface, each for its own context (indico's
    ``EventTitlePlaceholder(Placeholder)`` renders ``event.title`` from ``render(cls,
    event, **kwargs)`` in one module, and ``registration.registration_form.event.title``
    from ``render(cls, regform, registration)`` in another; each context's placeholders are
    looked up by that context, and called with its own arguments). The base need not be
    abstract: it declares what a subclass fills in. A class with members of its own beside
    the overrides, with fields alone, or whose methods take what the other's take (a copy
    edited in place), is judged as usual."""
    (fa, ca), (fb, cb) = a, b
    if fa.module is None or fb.module is None or not _has_methods(ca) or not _has_methods(cb):
        return set()
    own = {fa.module, fb.module}

    def overridden(module: str, c: ClassRecord) -> set[tuple[str, str]]:
        """The class's ancestors in other modules, none when it defines a member none of
        them has."""
        ancestors = [ref for ref in project.ancestors(module, c)[0] if ref.module not in own]
        inherited = {m for ref in ancestors for m in ref.record.members}
        if not set(c.members) - {"__doc__"} <= inherited:
            return set()
        return {(ref.module, ref.record.name) for ref in ancestors}

    if not _parameters_differ(ca, cb):
        return set()  # the same methods taking the same parameters: judged as usual
    return overridden(fa.module, ca) & overridden(fb.module, cb)


def _parameters_differ(a: ClassRecord, b: ClassRecord) -> bool:
    """A method both classes define takes other parameters in one than in the other."""
    theirs = dict(b.parameters)
    return any(name in theirs and theirs[name] != params for name, params in a.parameters)


_EXCEPTION_ROOTS = frozenset({"Exception", "BaseException"})


def own_error_roots(project: Project, a: Definition, b: Definition) -> bool:
    """Both classes are exceptions that classes of their own module extend, and the two
    modules' families differ: each is the root of its own module's errors, and code
    catches it to catch that family (zaqar's storage ``ExceptionBase``, whose subclasses
    the API turns into a 503, beside the API's ``ExceptionBase`` of ``BadRequest`` and
    its kin). Importing one in place of the other would make each ``except`` catch the
    other family too, however alike the two bodies read. Two modules with the same
    families (an errors module copied whole) are compared as usual."""
    (fa, ca), (fb, cb) = a, b
    if fa.module is None or fb.module is None:
        return False
    family_a, family_b = _extended_here(project, fa, ca), _extended_here(project, fb, cb)
    if not family_a or not family_b or family_a == family_b:
        return False
    return _is_exception(project, fa.module, ca) and _is_exception(project, fb.module, cb)


def _extended_here(project: Project, f: SourceFile, c: ClassRecord) -> frozenset[str]:
    """The names of the other top-level classes of ``f`` that extend ``c`` directly."""
    module = f.module or ""
    found: set[str] = set()
    for other in f.summary.classes:
        if other.top_level and other.name != c.name and other.bases:
            for base in other.bases:
                target = project.resolve(module, base)
                if isinstance(target, ClassRef) and target.module == module and target.record.name == c.name:
                    found.add(other.name)
    return frozenset(found)


def is_exception(project: Project, d: Definition) -> bool:
    """The class extends ``Exception`` or ``BaseException``, through any first-party bases."""
    return d[0].module is not None and _is_exception(project, d[0].module, d[1])


def _is_exception(project: Project, module: str, c: ClassRecord) -> bool:
    return any(last_part(e) in _EXCEPTION_ROOTS for e in project.ancestors(module, c)[1])


def constants_table(c: ClassRecord) -> bool:
    """Class-level constants and nothing else (no method, no annotated field, not an enum:
    an enum's members are values of its own type, compared by SSOT006)."""
    return c.kind != KIND_ENUM and bool(c.fields) and not c.annotated and not _has_methods(c)


def _field_bound_to(c: ClassRecord, name: str) -> bool:
    """A class-level field of ``c`` has the bare name ``name`` as its value."""
    digest = name_digest(name)
    return any(value == digest for _, value, _ in c.values)


def _field_built_from(c: ClassRecord, name: str) -> bool:
    """A class-level field of ``c`` holds an instance of the bare name ``name`` (``field =
    name(...)``, as a nested serializer is)."""
    return name in c.instances


def bound_to_own_data(project: Project, a: Definition, b: Definition) -> bool:
    """Both classes bind a class-level field to a global their own module assigns
    (``class Categorizer(BaseCategorizer): rules = rules`` in each state's ``actions.py``,
    each with that state's own ``rules``): the same text makes two classes, each bound to
    its module's data, as a template instantiated once per module. Importing one in place
    of the other would give this module the other's data."""
    return bool(own_data_fields(project, a)) and bool(own_data_fields(project, b))


def named_for_own_places(a: Definition, b: Definition) -> list[str]:
    """The class-level names to which both classes assign a string, where each string
    differs from the other in words of its own file's path alone (``name = "members"`` in
    ``commands/cli_members.py``, ``name = "admins"`` in ``commands/cli_admins.py``;
    ``connector = "backpack_perpetual"`` in ``derivative/backpack_perpetual/..._utils.py``
    and ``connector = "backpack"`` in ``exchange/backpack/backpack_utils.py``; a tuple of
    names, ``ALT_NAMES = ("std::__throw_bad_cast()",)``; a decorator's key,
    ``@sources.register("describe-kube")``: see :attr:`ClassRecord.texts`). Each class
    says which instance of a convention it is (a subcommand, a connector, a plugin), the
    one of its own module: a framework finds each by that value, so importing one in place
    of the other would register it twice under one name and lose the other. A copy whose
    value drifted (``timeout = "30s"`` and ``"60s"``, ``level = "info"`` and ``"debug"``)
    differs in words that name neither module: it is still a copy. Only for classes with
    the same members (their docstrings aside): two classes that also differ in what they
    hold (each service's health response, one with ``components``, the other with
    ``redis_connected``) are compared as usual, whatever service each names."""
    (fa, ca), (fb, cb) = a, b
    if fa.path == fb.path or not ca.texts or not cb.texts:
        return []
    if set(ca.members) - {"__doc__"} != set(cb.members) - {"__doc__"}:
        return []
    here, there = _words(fa.path), _words(fb.path)
    theirs = dict(cb.texts)
    found = []
    for name, value in ca.texts:
        other = theirs.get(name)
        if other is None:
            continue
        mine, others = _words(value), _words(other)
        if mine != others and mine - others <= here - there and others - mine <= there - here:
            found.append(name)
    return found


def own_registries(project: Project, a: Definition, b: Definition) -> list[str]:
    """The decorators (by the name they call last: ``register``) that both classes carry,
    each rooted at a name its own module binds itself: assigns or defines, or aliases to
    something it assigns (``registry = Registry()``, then ``infer_global =
    registry.register_global``, in each target's typing module), or a class it defines
    (``@RDSCluster.filter_registry.register('pending-maintenance')`` beside ``class
    RDSCluster``, ``@filters.register('pending-maintenance')`` under the other module's
    ``filters = FilterRegistry()``). Each class statement registers its class in its own
    module's registry when it runs: importing one in place of the other would register
    nothing in that module's registry (one template per target, not a copy). A decorator
    either module imports (a shared ``dataclass``, one registry's ``register``) does not
    count."""
    (fa, ca), (fb, cb) = a, b
    if fa.module is None or fb.module is None or fa.module == fb.module:
        return []
    mine = {d.rpartition(".")[2] for d in ca.decorators if _own_binding(project, fa.module, d)}
    theirs = {d.rpartition(".")[2] for d in cb.decorators if _own_binding(project, fb.module, d)}
    return sorted(mine & theirs)


def _own_binding(project: Project, module: str, dotted: str) -> bool:
    """The head of ``dotted`` is bound by the module itself (an assignment, a ``def`` or a
    ``class``, or an alias of such a name), not imported."""
    bindings = project.bindings(module)
    name = dotted.partition(".")[0]
    for _ in range(3):
        binding = bindings.get(name)
        if binding is None or binding.typing_only:
            return False
        if binding.kind != "alias":
            return binding.kind in ("def", "class")
        name = binding.target.partition(".")[0]
    return False


_WORD = re.compile(r"[^\W_]+")


def _words(text: str) -> frozenset[str]:
    """The words of a text or a path, in one case (``backpack_perpetual_utils.py``:
    backpack, perpetual, utils, py)."""
    return frozenset(_WORD.findall(text.casefold()))


# How many same-named classes two modules must both define to be one family per backend.
FAMILY = 3


def _own_families(a: Definition, b: Definition) -> list[str]:
    """The classes each of the two classes' modules defines for itself, under one name and
    with different texts, that either class mentions, when the two modules are the same
    module of two sibling packages and define a whole family of same-named classes (at
    least ``FAMILY``): one implementation per backend or language, each class wired to its
    own module's others (Sphinx's C and C++ ``_ast``
    modules, each with its own ``ASTParenExprList`` over its own ``ASTBracedInitList``).
    Importing one into the other module would mix the two families. Two modules sharing
    fewer classes (a configuration copied with its enum), or where at least half of the
    shared classes read the same (a module copied whole, then drifted in a class or two),
    are compared as usual. (Sibling modules of one package: :func:`sibling_family`.)"""
    (fa, ca), (fb, cb) = a, b
    if not _parallel(fa.path, fb.path):
        return []
    mine, theirs = _top_classes(fa), _top_classes(fb)
    family = mine.keys() & theirs.keys()
    if len(family) < FAMILY or 2 * sum(1 for name in family if mine[name].body == theirs[name].body) >= len(family):
        return []  # not a family, or a module copied whole (most of its classes read alike), then drifted
    return sorted(
        name
        for name in (set(ca.refs) | set(cb.refs)) & mine.keys() & theirs.keys()
        if mine[name].body and theirs[name].body and mine[name].body != theirs[name].body
    )


def sibling_family(project: Project, a: Definition, b: Definition) -> list[str]:
    """The public names two sibling modules of one package both define, when they are two
    members of a family the package's modules implement one per backend (sqlmap's
    ``extra/dbwire/``: nine wire-protocol drivers, each with its own ``connect``,
    ``Connection`` and ``Cursor``, each ``Connection.cursor()`` building its own module's
    ``Cursor``, which unpacks what that ``Connection._query`` returns; the package's
    loader imports each driver by a computed name). A family: the two modules define the
    same public names, two classes or more and ``FAMILY`` names in all, at most half of
    those classes read alike, and at least ``LAYOUT`` production modules of the package
    define them all. Each module is one implementation of the package's interface, and a
    class of one, even one that reads alike (a cursor), is wired to its own module's
    others: no driver is the home of another's. Two modules whose shared classes mostly
    read alike (a module copied whole), or a family that fewer than ``LAYOUT`` modules
    hold (two drifted copies of one module's models), are compared as usual; so are
    scripts (a ``__main__`` block, not merely a shebang, which sqlmap's drivers carry:
    each program's ``ServiceEndpoints`` and
    ``ValidationResult``, copied from one staging script into the next) and modules of a
    folder that is no package (nothing loads them as one package's drivers)."""
    (fa, _), (fb, _) = a, b
    if not _siblings(fa.path, fb.path):
        return []
    if fa.summary.main_guard or fb.summary.main_guard or fa.path.rpartition("/")[0] not in project.package_folders:
        return []  # programs run on their own (scripts/ copied one from another), not a package's drivers
    mine, theirs = _top_classes(fa), _top_classes(fb)
    classes = {name for name in mine.keys() & theirs.keys() if not name.startswith("_")}
    functions = {name for name in set(fa.summary.functions) & set(fb.summary.functions) if not name.startswith("_")}
    if len(classes) < 2 or len(classes) + len(functions) < FAMILY:
        return []
    if 2 * sum(1 for name in classes if mine[name].body == theirs[name].body) > len(classes):
        return []  # most of its classes read alike: a module copied whole
    family = classes | functions
    return sorted(family) if _family_holders(project, fa.path, family) >= LAYOUT else []


def _family_holders(project: Project, path: str, names: set[str]) -> int:
    """How many production modules in the folder of ``path`` (``__init__.py`` aside)
    define every one of ``names`` at their top level (as a class or a function)."""
    folder = path.rpartition("/")[0]
    count = 0
    for f in _modules_by_folder(project).get(folder, ()):
        if names <= set(_top_classes(f)) | set(f.summary.functions):
            count += 1
    return count


def _modules_by_folder(project: Project) -> dict[str, list[SourceFile]]:
    """The production modules of each folder (``__init__.py`` aside), once per model."""

    def build() -> dict[str, list[SourceFile]]:
        found: dict[str, list[SourceFile]] = defaultdict(list)
        for f in project.files:
            if not f.is_test and not f.path.endswith("/__init__.py") and f.path != "__init__.py":
                found[f.path.rpartition("/")[0]].append(f)
        return found

    return project.shared(_modules_by_folder, build)


def _siblings(one: str, other: str) -> bool:
    """Two modules of one folder (neither an ``__init__.py``)."""
    folder, _, name = one.rpartition("/")
    other_folder, _, other_name = other.rpartition("/")
    return folder == other_folder and name != other_name and "__init__.py" not in (name, other_name)


# How deep :func:`_own_parts_classes` follows classes of the same text to their own
# collaborators (a language's final verbalizer, its verbalizer, then its cardinal grammar).
_COLLABORATOR_DEPTH = 3


def _own_parts_classes(
    project: Project, binding: object, here: tuple[str, str], there: tuple[str, str], depth: int = 0
) -> bool:
    """Both modules import (neither defines) a class of one name, each from another
    first-party module, and the two classes read differently: two parts' own models
    (each forum app's ``Post``), so a class using one is bound to its own part. So do two
    classes of the same text that are themselves bound to their own parts' different
    collaborators (FunASR's per-language ``VerbalizeFst``, the same lines in each
    language's package, each composing its own language's ``CardinalFst`` and
    ``DateFst``): a class composing one composes a language, not a copy, when many parts
    (``LAYOUT``) hold such a module in the same place. Two copies of one package (pylabrobot's
    legacy Hamilton TCP stack beside its successor, drifted in a parser deep down) stay
    copies: the drift is what is reported. A class each
    module defines beside the copies is compared as a class instead (copied along with
    it, or drifted: SSOT001 reports it in its own right)."""
    if _defined_here(binding) or here[0] != "class" or there[0] != "class":
        return False
    first, second = _class_record(project, here[1]), _class_record(project, there[1])
    if first is None or second is None:
        return False
    if first.body != second.body:
        return True
    if depth >= _COLLABORATOR_DEPTH or here[1] == there[1]:
        return False
    a, b = project.modules[here[1].rpartition(".")[0]], project.modules[there[1].rpartition(".")[0]]
    where = differing_folder(a.path, b.path)
    if where is None or project.shared(ParallelParts, partial(ParallelParts, project)).holders(a.path, where) < LAYOUT:
        return False  # two copies of one package (a legacy one beside its successor), drifted deep down: copies
    return bool(different_collaborators(project, (a, first), (b, second), depth + 1))


def _class_record(project: Project, qualified: str) -> ClassRecord | None:
    module, _, name = qualified.rpartition(".")
    f = project.modules.get(module)
    return _top_classes(f).get(name) if f is not None else None


# How many parts must hold a module at one place for it to be a layout they follow.
LAYOUT = 3


# A series of versions of one package: parts that hold this many modules at the same places.
FORKED = 5


def part_places(paths: Iterable[str], name: str) -> frozenset[str]:
    """The places of a part named ``name`` that holds modules at ``paths`` (below the part,
    ``__init__.py`` aside), as two parts compare them: a file named for its part
    (``ecs/ecs_service.py``) is at the place of each part's own."""
    return frozenset(n.replace(name, "\0") for n in paths)


def whole_copies(one: frozenset[str], other: frozenset[str]) -> bool:
    """Two parts at these places (:func:`part_places`) are whole copies of each other
    (:meth:`ParallelParts._forked`): ``FORKED`` places at least in common, three quarters of
    each part's."""
    if 4 * min(len(one), len(other)) < 3 * max(len(one), len(other)):
        return False  # too unlike in size to share three quarters of each
    common = len(one & other)
    return common >= FORKED and 4 * common >= 3 * len(one) and 4 * common >= 3 * len(other)


class ParallelParts:
    """Whether two modules are the same module of two parallel parts of a project: the
    same path but for one folder (each AWS service's ``exceptions.py``, each dashboard's
    ``routers/panel.py``, each protocol's ``types.py``, each back-end's ``api.py``), in
    parts that follow one layout: at least ``LAYOUT`` parts hold a module at that place,
    or the two parts hold other modules at the same places too (two forum apps, each
    with its ``models.py``, ``feeds.py`` and ``handlers.py``). Such parts keep their own
    classes by design, named alike because the parts are alike: each service its own
    ``ValidationException``, each dashboard its own ``Routers`` panel with its own
    policy. Two folders that merely hold a module of one name (``agents/context.py`` and
    ``tools/context.py``, nothing else alike) are not parts of a layout: their classes
    are compared as usual.

    A module copied whole into another part (most of what each defines is defined in the
    other too, and most of that reads the same) is a copy all the same; where many parts
    hold the module, only when three quarters of what each defines is shared: two
    services' exception modules with the same three standard errors, and each its own
    others, are each service's own."""

    def __init__(self, project: Project) -> None:
        self._project = project
        self._paths = frozenset(f.path for f in project.files)
        self._children: dict[str, set[str]] | None = None
        self._below: dict[str, set[str]] | None = None
        self._part_places: dict[str, frozenset[str]] = {}
        self._known_places: dict[tuple[str, int], list[str]] = {}

    def __call__(self, first: SourceFile, second: SourceFile, name: str = "") -> bool:
        """``name``: the class compared; one that names the other's part (a ``FirewallRule``
        in the ``zone`` part beside a ``firewall`` part) is that part's concept, compared
        as usual."""
        where = differing_folder(first.path, second.path, grown=True)
        if where is None:
            return False
        if name and _names_part(name, first.path, second.path, where):
            return False
        # Counted where the module form is (``messages.py``, not a grown package's).
        shorter = min(first.path, second.path, key=lambda p: p.count("/"))
        many = self.holders(shorter, where) >= LAYOUT
        if not many and self._alike_modules(first.path, second.path, where) < 2:
            return False  # two folders that happen to hold a module of one name
        shared, alike, larger = _overlap(first, second)
        if not shared or 2 * alike < shared or 2 * shared < larger:
            return True  # not copied whole: most of it is each part's own, or written apart
        # Copied whole, unless many parts hold it and a quarter of the larger is its own,
        # or each fills the layout's slot with its own override of a shared base, or the
        # two parts are whole copies of each other, one of a series (versions of a package).
        return many and (
            4 * shared < 3 * larger or self._slot_filled(first, second, where)
            or self._forked(first.path, second.path, where)
        )

    def series(self, first: SourceFile, second: SourceFile) -> bool:
        """The two modules lie at one place of two parts that are whole copies of each
        other in a layout many parts follow (:meth:`_forked`): versions of one package."""
        where = differing_folder(first.path, second.path, grown=True)
        if where is None:
            return False
        shorter = min(first.path, second.path, key=lambda p: p.count("/"))
        return self.holders(shorter, where) >= LAYOUT and self._forked(first.path, second.path, where)

    def _forked(self, one: str, other: str, where: int) -> bool:
        """The two parts hold the same modules at the same places, ``FORKED`` of them at
        least and three quarters of each part's, in a layout many parts follow: a series of
        versions of one package, each a whole copy of the one before, kept side by side on
        purpose (execution-specs' ``src/ethereum/<fork>/``, one package per Ethereum hard
        fork, each made by copying the previous one and changed where the fork changes
        things; a lint of theirs forbids importing from forks two back). Each version keeps
        its own classes: importing frontier's into a later fork would tie two specs
        together. One module copied whole into another part, or two parts that share only
        some of their modules, are compared as usual. Nor are two parts most of whose common
        modules are named for their part (blueking-dbm's per-database ``scene/doris/`` and
        ``scene/vm/``, each with its own ``<db>_apply_flow.py`` ... and one module,
        ``exceptions.py``, copied whole): a version copies the modules of the one before
        under their names, a part of a layout writes its own. (Read from the paths alone, as
        a history's step must.)"""
        mine, theirs = self._places_of(one, where), self._places_of(other, where)
        if not whole_copies(mine, theirs):
            return False
        common = mine & theirs
        return 2 * sum(1 for place in common if "\0" in place) < len(common)

    def _slot_filled(self, first: SourceFile, second: SourceFile, where: int) -> bool:
        """Each module holds one class and nothing else, the same-named class in both, whose
        every member overrides a first-party base of another module (sqlmap's
        ``plugins/dbms/<dbms>/syntax.py``, each ``class Syntax(GenericSyntax)`` with its own
        ``escape``, 31 parts), and neither module imports from the other's part: each part
        fills the layout's slot with its own class, loaded by its own package, and two
        dialects whose override happens to read alike are not one class (telling one DBMS
        plugin to import another's would couple the two)."""
        one, other = _sole_class(first), _sole_class(second)
        if one is None or other is None or one.name != other.name:
            return False
        if not self._overrides_only(first, one) or not self._overrides_only(second, other):
            return False
        return not self._imports_part(first, second, where) and not self._imports_part(second, first, where)

    def _overrides_only(self, f: SourceFile, c: ClassRecord) -> bool:
        """Every member of ``c`` (its docstring aside; at least one) is a member of a
        first-party ancestor defined in another module."""
        members = set(c.members) - {"__doc__"}
        if not members or f.module is None:
            return False
        ancestors = self._project.ancestors(f.module, c)[0]
        inherited = {m for r in ancestors if r.module != f.module for m in r.record.members}
        return members <= inherited

    def _imports_part(self, f: SourceFile, other: SourceFile, where: int) -> bool:
        """``f`` imports a module of the part ``other`` lies in (its path up to the folder
        ``where``)."""
        part = "/".join(other.path.split("/")[: where + 1]) + "/"
        modules = self._project.modules
        for target in self._project.import_edges.get(f.module or "", {}):
            g = modules.get(target)
            if g is not None and g.path.startswith(part):
                return True
        return False

    def holders(self, path: str, where: int) -> int:
        """How many parts hold a module at this place (the path with folder ``where``
        replaced by each sibling folder)."""
        return len(self._places(path, where))

    def defining(self, path: str, where: int, name: str) -> int:
        """How many parts' modules at this place define a top-level class ``name``."""
        by_path = self._by_path
        return sum(1 for place in self._places(path, where) if name in _top_classes(by_path[place]))

    @cached_property
    def _by_path(self) -> dict[str, SourceFile]:
        return {f.path: f for f in self._project.files}

    def _places(self, path: str, where: int) -> list[str]:
        """The paths of the parts' modules at this place (each place worked out once: a
        group of many same-named classes asks it for every pair)."""
        key = (path, where)
        known = self._known_places.get(key)
        if known is None:
            known = self._known_places[key] = self._find_places(path, where)
        return known

    def _find_places(self, path: str, where: int) -> list[str]:
        if self._children is None:
            children: dict[str, set[str]] = defaultdict(set)
            for known in self._paths:
                folders = known.split("/")[:-1]
                for i, folder in enumerate(folders):
                    children["/".join(folders[:i])].add(folder)
            self._children = children
        parts = path.split("/")
        parent, rest = "/".join(parts[:where]), "/".join(parts[where + 1:])
        prefix = f"{parent}/" if parent else ""
        # A file named for its part (``ecs/ecs_service.py``) is at that place as each part's
        # own name (``batch/batch_service.py``); for another file the two spellings agree.
        own, head, file = parts[where], "/".join(parts[where + 1 : -1]), parts[-1]
        head = f"{head}/" if head else ""
        found = []
        for child in self._children.get(parent, ()):
            for place in (f"{prefix}{child}/{rest}", f"{prefix}{child}/{head}{file.replace(own, child)}"):
                if place in self._paths:
                    found.append(place)
                    break
        return found

    def _alike_modules(self, one: str, other: str, where: int) -> int:
        """How many modules (``__init__.py`` aside) the two parts hold at the same places."""
        return len(self._places_of(one, where) & self._places_of(other, where))

    def _places_of(self, path: str, where: int) -> frozenset[str]:
        """The places of the part ``path`` lies in (its folder ``where``): :func:`part_places`,
        worked out once per part."""
        parts = path.split("/")
        part = "/".join(parts[: where + 1])
        known = self._part_places.get(part)
        if known is None:
            if self._below is None:
                below: dict[str, set[str]] = defaultdict(set)
                for listed in self._paths:
                    pieces = listed.split("/")
                    if pieces[-1] != "__init__.py":
                        for i in range(1, len(pieces)):
                            below["/".join(pieces[:i])].add("/".join(pieces[i:]))
                self._below = below
            known = self._part_places[part] = part_places(self._below.get(part, ()), parts[where])
        return known


def _overlap(first: SourceFile, second: SourceFile) -> tuple[int, int, int]:
    """How many top-level names both modules define, how many of those read the same,
    and how many the larger module defines. A class that reads the same but is wired to
    its own module (:func:`wired_to_own`: it reads a class that differs between the two,
    or the files beside it) does not count as alike: each chip's memory map, copied from
    another chip's and given its own register values, is that chip's own."""
    mine, theirs = _definitions(first), _definitions(second)
    shared = mine.keys() & theirs.keys()
    alike = [name for name in shared if mine[name] == theirs[name] and mine[name][1]]
    if alike:
        ours, others = _top_classes(first), _top_classes(second)
        alike = [
            name for name in alike
            if name not in ours or name not in others or not wired_to_own((first, ours[name]), (second, others[name]))
        ]
    return len(shared), len(alike), max(len(mine), len(theirs))


def _sole_class(f: SourceFile) -> ClassRecord | None:
    """The module's one top-level class, when it defines no other class and no function."""
    classes = _top_classes(f)
    if len(classes) != 1 or f.summary.functions:
        return None
    return next(iter(classes.values()))


def differing_folder(one: str, other: str, grown: bool = False) -> int | None:
    """The index of the one folder in which two paths of one file name differ
    (``moto/kinesis/exceptions.py`` and ``moto/ds/exceptions.py``: 1), or None. A file
    named for its folder counts as one name (``services/ecs/ecs_service.py`` and
    ``services/batch/batch_service.py``: 2): each part's module in the same place.
    ``grown``: a module one part grew into a package of its name counts as at the same
    place, as any module of that package (bluebottle's ``time_based/messages/messages.py``
    beside ``deeds/messages.py``)."""
    first, second = one.split("/"), other.split("/")
    if grown and len(first) == len(second) + 1:
        first = _as_module(first)
    elif grown and len(second) == len(first) + 1:
        second = _as_module(second)
    if len(first) != len(second) or len(first) < 2:
        return None
    differ = [i for i, (x, y) in enumerate(zip(first[:-1], second[:-1])) if x != y]
    if len(differ) != 1:
        return None
    where = differ[0]
    if first[-1] == second[-1]:
        return where
    mine, theirs = first[where], second[where]
    if mine in first[-1] and theirs in second[-1] and first[-1].replace(mine, "\0") == second[-1].replace(theirs, "\0"):
        return where
    return None


def _as_module(parts: list[str]) -> list[str]:
    """A module of a package as the module the package grew from: ``messages/messages.py``,
    ``messages/__init__.py`` or ``schemas/input.py`` as ``messages.py`` or ``schemas.py``
    (SurfSense's tiktok scraper, whose ``schemas.py`` became ``schemas/input.py`` and
    ``schemas/items.py`` while each other platform kept its ``schemas.py``)."""
    if len(parts) >= 3:
        return [*parts[:-2], parts[-2] + ".py"]
    return parts


def _names_part(name: str, one: str, other: str, where: int) -> bool:
    """The class name holds the name of either part (its words, in any case:
    ``CloudflareFirewallRule`` and the part ``firewall``)."""
    words = name.lower()
    return any(len(part) >= 3 and part.lower().replace("_", "") in words for part in (one.split("/")[where], other.split("/")[where]))


def _definitions(f: SourceFile) -> dict[str, tuple[str, int]]:
    """The module's top-level classes and functions by name, each with its text's digest
    (a class's body; a function's digest), to tell a module copied whole."""
    found: dict[str, tuple[str, int]] = {name: ("def", digest) for name, digest in f.summary.function_digests}
    found.update({name: ("class", c.body) for name, c in _top_classes(f).items()})
    return found


def _parallel(one: str, other: str) -> bool:
    """Two modules of one name in sibling packages (``domains/c/_ast.py`` and
    ``domains/cpp/_ast.py``): the same part of two parallel implementations."""
    where = differing_folder(one, other)
    return where is not None and where == one.count("/") - 1


def _top_classes(f: SourceFile) -> dict[str, ClassRecord]:
    """The module's top-level classes by name (the last of a name, as the module keeps)."""
    return {c.name: c for c in f.summary.classes if c.top_level}


def _same_text(project: Project, one: str, other: str) -> bool:
    """Two module-level functions (dotted) whose texts are known and equal."""
    digests = []
    for qualified in (one, other):
        module, _, name = qualified.rpartition(".")
        f = project.modules.get(module)
        digests.append(dict(f.summary.function_digests).get(name) if f is not None else None)
    return digests[0] is not None and digests[0] == digests[1]


def written_alike(a: ClassRecord, b: ClassRecord) -> bool:
    """The two classes' texts are known and equal (comments and docstrings aside), as
    written or once each is in its module's one spelling (python-neo's
    ``StructFile(io.BufferedReader)`` and ``StructFile(BufferedReader)`` under ``from io
    import BufferedReader``: one class copied; see ``extract/spelling.py``)."""
    return a.body != 0 and (a.body == b.body or (a.spelled or a.body) == (b.spelled or b.body))


def same_text_in_both(one: SourceFile, other: SourceFile, name: str) -> bool:
    """Both modules define ``name`` at their top level, as classes or as functions some
    class reads, or assign it, with the same text (a module copied whole: PYME's tiling
    protocols, each with ``ps = pointScanner(...)`` read by the same ``SFGenPlotPanel``)."""
    classes = [_top_classes(f).get(name) for f in (one, other)]
    if classes[0] is not None and classes[1] is not None:
        return written_alike(classes[0], classes[1])
    digests = [dict(f.summary.function_digests).get(name) for f in (one, other)]
    if digests[0] is not None and digests[0] != 0 and digests[0] == digests[1]:
        return True
    values = [dict(f.summary.value_digests).get(name) for f in (one, other)]
    return values[0] is not None and values[0] != 0 and values[0] == values[1]


def _same_module(project: Project, one: str, other: str) -> bool:
    """Two first-party modules whose summaries are equal: one file copied (what either
    defines, imports and binds is the other's, line for line)."""
    a, b = project.modules.get(one), project.modules.get(other)
    return a is not None and b is not None and (a.summary is b.summary or a.summary == b.summary)


def _defined_here(binding: object) -> bool:
    return getattr(binding, "kind", None) in ("def", "class")


class Replacement(NamedTuple):
    fix: Fix | None
    # Why there is no fix, for the message ("" when there is one, or when the reason is not
    # about the two classes themselves: a conditional definition, an import cycle).
    why_not: str = ""


def own_extras(record: ClassRecord, original: ClassRecord) -> list[str]:
    """Members ``record`` has and ``original`` lacks (its docstring aside): what importing
    ``original`` in its place would drop (a server enum's ``as_sql_sort``)."""
    return [m for m in record.members if m not in original.members and m != "__doc__"]


def merge_advice(record: ClassRecord, original: ClassRecord, kind: str, then: str) -> str:
    """The advice when the reporting class has members the kept one lacks: importing the
    kept one as it is would drop them, so the two are merged first."""
    return (
        f"the two differ ({member_difference(record, original)}), so importing it as it is would drop what only this one has: "
        f"merge the two into one {kind} first, then {then}"
    )


def member_difference(record: ClassRecord, original: ClassRecord) -> str:
    """``only here: ...; only there: ...``: the members one of two classes has and the
    other lacks (docstrings aside), "" when they have the same."""
    here = own_extras(record, original)
    there = own_extras(original, record)
    parts = [
        f"only {side}: {', '.join(names[:5])}" + (" ..." if len(names) > 5 else "")
        for side, names in (("here", here), ("there", there)) if names
    ]
    return "; ".join(parts)


def upstream_advice(
    record: ClassRecord, original: ClassRecord, kind: str, then: str, module: str, pair: tuple[str, str]
) -> str:
    """The advice when the reporting class has members the kept one lacks and its package
    builds on the kept one's (``pair``: this package, that one; that one never imports
    this one): merging this one's members into the kept one would move this side's code
    (a server's ``as_sql_sort`` over its database, a webhook payload's ``permalink``) into a
    package that never imports this side, where what it uses is out of reach, and would
    change what the other side's users get. What only this side has stays on this side:
    in a subclass of the kept class (an enum with members cannot be extended: its methods
    move out of it), or, when the kept one has its own members too (two projections of one
    model for two consumers), in one of two classes that extend a shared base."""
    mine, theirs = pair
    here = own_extras(record, original)
    there = [m for m in original.members if m not in record.members and m != "__doc__"]
    parts = [f"only here: {_few(here)}"] + ([f"only there: {_few(there)}"] if there else [])
    why = f"the two differ ({'; '.join(parts)}), and {theirs} never imports from {mine}, so what only this one has cannot move there"
    if kind == "enum":
        methods = [m for m in here if m not in record.fields]
        if not methods:
            return merge_advice(record, original, kind, then)  # members are data: they can move
        fields = [m for m in here if m in record.fields]
        merge = f", merge the members {_few(fields)} into it" if fields else ""
        return f"{why}: move {_few(methods)} out of the enum, into {mine}{merge}, then {then}"
    if there:
        return (
            f"{why}, nor would importing it as it is keep this one as it is: keep what both have in one base "
            f"class in a module both can import (such as {module}), and let each extend it with its own"
        )
    if rewritten_shared(record, original):
        # PaddleSpeech's `Timer`, with an `ips` of its own and a `timing` that returns the
        # other's reciprocal: a subclass holding `ips` would inherit the other `timing`.
        return (
            f"{why}, and members both have are written differently, so a subclass of it would change what "
            f"this one does: reconcile what both have first, then {then}, and keep what only this one has in a "
            "subclass of it here"
        )
    return f"{why}: {then}, and keep what only this one has in a subclass of it here"


def rewritten_shared(record: ClassRecord, original: ClassRecord) -> bool:
    """Some member both classes have is written differently in each: fewer of their
    statements read alike than they share members. Known only when each member of each
    does something (one digest per member, ``ClassRecord.shapes``: a stub has none)."""
    shared = (set(record.members) & set(original.members)) - {"__doc__"}
    if not shared or any(len(c.shapes) != len(set(c.members) - {"__doc__"}) for c in (record, original)):
        return False
    return len(set(record.shapes) & set(original.shapes)) < len(shared)


def _few(names: list[str]) -> str:
    return ", ".join(names[:5]) + (" ..." if len(names) > 5 else "")


def _difference(record: ClassRecord, original: ClassRecord) -> str:
    here = [m for m in record.members if m not in original.members]
    there = [m for m in original.members if m not in record.members]
    if not here and not there:
        if record.shapes and record.shapes != original.shapes and sorted(record.shapes) == sorted(original.shapes):
            return "no fix: the same statements, in another order"
        if record.bases != original.bases:
            # The digests leave out the class line and protocol methods (``__next__``):
            # the bases tell what differs, not the order.
            return f"no fix: the same members, written differently, on other bases ({', '.join(original.bases) or 'none'} there)"
        return "no fix: the same members, written differently"
    parts = [f"only here: {', '.join(here[:5])}" if here else "", f"only there: {', '.join(there[:5])}" if there else ""]
    return f"no fix: the two bodies differ ({'; '.join(p for p in parts if p)})"


def replacement(project: Project, copy: Definition, kept: Definition, reach: Reach) -> Replacement:
    """The fix replacing ``copy`` by an import of ``kept``, when it is an exact copy."""
    (copy_file, record), (kept_file, original) = copy, kept
    module = kept_file.module
    if record.name != original.name or not record.body or not original.body:
        return Replacement(None)
    if not written_alike(record, original):
        return Replacement(None, _difference(record, original))
    if not record.top_level or record.fallback or record.context & (CTX_TYPE_CHECKING | CTX_FUNCTION):
        return Replacement(None)
    if original.context or not original.top_level or original.fallback:
        return Replacement(None)  # the kept class must exist whenever its module is imported
    if module is None or not importable(module) or reach.reaches(module, copy_file.module):
        return Replacement(None)  # importing it would load the copy's module: an import cycle
    if imported_then_replaced(copy, module) is not None:
        return Replacement(None)  # imported already, as the module spells it: the class only goes
    if _star_import(copy_file) or _star_import(kept_file):
        return Replacement(None)  # names a star import binds are not known
    differ = different_objects(project, copy_file, kept_file, set(record.refs) | set(original.refs))
    if differ:
        objects = "another object" if len(differ) == 1 else "other objects"
        return Replacement(None, f"no fix: the same text, but {', '.join(differ[:5])} may be {objects} there")
    return Replacement(
        Fix(
            "replace-with-import",
            safe=False,
            description=f"replace the copy with `from {module} import {record.name}`",
            args={"name": record.name, "line": record.line, "module": module},
        )
    )
