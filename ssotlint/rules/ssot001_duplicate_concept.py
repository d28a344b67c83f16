"""SSOT001 duplicate-concept: one concept, several implementations."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Collection, Iterator, Mapping

from ssotlint.config import Concept
from ssotlint.discover.roles import NAME_WORDS, is_documentation, is_migration, version_package, versioned_apart
from ssotlint.errors import ConfigError
from ssotlint.extract.builder import last_part
from ssotlint.extract.summary import CTX_FUNCTION, CTX_GUARDED, CTX_MAIN, CTX_TYPE_CHECKING, KIND_PLAIN, VALUE_LABEL, ClassRecord
from ssotlint.model.built_src import files_by_path
from ssotlint.model.project import ClassRef, Project, SourceFile, is_script, sides
from ssotlint.rules.apart import (
    Apart, copied_in_step, deprecated_here, generated_model, generated_projection, generator_hook, migration_snapshots, never_edited, read_as_data,
    shadowed_modules,
)
from ssotlint.rules.units import PROGRAM_PAIR_ADVICE, Units, two_programs
from ssotlint.rules.copies import (
    constants_table,
    differing_folder,
    Replacement,
    different_objects,
    different_collaborators,
    merge_advice,
    bound_to_own_data,
    wired_to_own,
    own_command_lines,
    reads_own_data,
    written_alike,
    nests_apart,
    built_from_other_classes,
    implementations_of,
    own_error_roots,
    is_exception,
    named_for_own_places,
    own_extras,
    own_registries,
    adapts_namesake,
    built_side_by_side,
    reads_namesake,
    sibling_family,
    typed_per_backend,
    own_libraries,
    member_difference,
    LAYOUT,
    ParallelParts,
    replacement,
    same_text_in_both,
    upstream_advice,
)
from ssotlint.rules.django_tables import bound_to_own_tables, tables_apart
from ssotlint.rules.state_holders import each_configured
from ssotlint.rules.details import Choice as ChoiceDetails
from ssotlint.rules.base import Example, Rule, Violation
from ssotlint.discover.modules import importable
from ssotlint.rules.definitions import (
    REASON_CONFIGURED,
    REASON_NAMED_MODULE,
    UNNAMED_ADVICE,
    Choice,
    Chooser,
    Definition,
    duplicates_affected,
    importers,
    is_ancestor,
    is_generator_template,
    marked_from,
    pasted_from_fragment,
    partly_named_module,
    language_variants,
    platform_sides,
    throwaway_name,
    is_generic,
    is_interface,
    is_test_case,
    live_definitions,
    qualname,
    role,
    shadow_message,
    top_package,
    where,
)

# Counts classes that extend nothing, for a plugin convention of bare classes.
_NO_BASE_NAME = "<no base>"
_NO_BASE = frozenset({_NO_BASE_NAME})
# Test doubles: in test code, never implementations of anything.
TEST_DOUBLE = re.compile(r"(?:Mock|Fake|Stub|Dummy|Spy)(?:[A-Z_0-9]|$)")


def canonical_definition(project: Project, concept: Concept) -> Definition | None:
    """The configured canonical class; raises ConfigError when it does not exist."""
    if concept.canonical is None:
        return None
    module, _, name = concept.canonical.rpartition(".")
    f = project.modules.get(module)
    record = None
    if f is not None:
        record = next((c for c in f.summary.classes if c.top_level and c.name == name), None)
    if f is None or record is None:
        where_ = project.config.source or "pyproject.toml"
        problem = "no such module" if f is None else f"no class {name} in {f.path}"
        raise ConfigError(
            f"{where_}: tool.ssotlint.concepts.{concept.name}.canonical: "
            f"{concept.canonical!r} does not exist ({problem})"
        )
    return f, record


_API_BASE = (
    "from pydantic import BaseModel, ConfigDict\n\n\nclass BaseAPISpec(BaseModel):\n"
    "    model_config = ConfigDict(from_attributes=True)\n\n    def serialize_id(self, value):\n        return str(value)\n"
)
_ORM_ROOT = (
    "from sqlalchemy import MetaData\nfrom sqlalchemy.orm import DeclarativeBase, MappedAsDataclass\n\n\n"
    "class BaseORM(MappedAsDataclass, DeclarativeBase):\n    metadata = MetaData(schema='common')\n\n"
    "    def describe(self):\n        return self.metadata.schema\n"
)

# SQLAlchemy 2's declarative roots: each subclass made of one of them gets a registry and
# a ``MetaData`` of its own.
_DECLARATIVE_ROOTS = frozenset({"DeclarativeBase", "DeclarativeBaseNoMeta"})


def _declarative_root(c: ClassRecord) -> bool:
    """A class built directly on SQLAlchemy's ``DeclarativeBase`` (renku's per-component
    ``BaseORM(MappedAsDataclass, DeclarativeBase)``): a registry of its own, whose tables
    its ``metadata`` collects. Two such roots alike are two table collections (Alembic's
    ``env.py`` hands each ``metadata`` over by itself), not one class to import: made one,
    both collections would be one object."""
    return any(base.rpartition(".")[2] in _DECLARATIVE_ROOTS for base in c.bases)


def _interfaces_apart(a: ClassRecord, b: ClassRecord) -> bool:
    """Each class leaves methods to its subclasses, and none of them the same (dials'
    lattice-search ``Strategy`` leaves ``find_crystal_models``, its basis-vector-search
    ``Strategy`` ``find_basis_vectors``, each the base of its own entry-point group): two
    interfaces of two families, whatever settings boilerplate they share."""
    return bool(a.unimplemented) and bool(b.unimplemented) and not set(a.unimplemented) & set(b.unimplemented)


def _is_candidate(project: Project, d: Definition) -> bool:
    """A production class that implements something: not an enum (SSOT006), not a
    fallback stub, not an interface, not a test double, not a migration's frozen copy."""
    f, c = d
    if c.kind != KIND_PLAIN or c.context & CTX_TYPE_CHECKING or c.fallback:
        return False
    if is_migration(f.path, f.summary.assigned, f.summary.attribute_reads):
        return False  # a migration's frozen copy of what it works with
    if throwaway_name(c.name):
        return False  # a class statement run for its decorator's effect, its name thrown away
    if c.context & CTX_MAIN:
        return False  # runs only when the file is run as a script: importing it never defines the class
    if f.module in project.fallback_modules:
        return False  # the fallback's: loaded only when the import its handler guards fails
    if is_generator_template(f.path):
        return False  # a generator's source, copied into each output by design
    if TEST_DOUBLE.match(c.name) and project.config.is_test_file(f.path):
        return False
    if c.placeholder:
        return False  # every method raises NotImplementedError: a stand-in for what is not there
    if is_test_case(project, f.module, c):  # type: ignore[arg-type]
        return False  # a module's own tests (``class Test(unittest.TestCase)`` kept in the module)
    return not project.is_enum(f.module, c) and not is_interface(project, f.module, c)  # type: ignore[arg-type]


def _production_classes(project: Project, only: frozenset[str] | None = None) -> list[Definition]:
    """The candidates (of these names only, when given), without the frozen model
    snapshots only migrations import (:func:`migration_snapshots`)."""
    classes = project.top_level_classes(project.production_files())
    # Payload scripts the program reads as text, and modules a package of their name hides
    # (never imported, so their classes never defined): not modules.
    data = read_as_data(project) | shadowed_modules(project)
    found = [
        d for d in classes
        if (only is None or d[1].name in only) and d[0].path not in data and not d[0].summary.injected_config
        and _is_candidate(project, d) and not pasted_from_fragment(project, d)
    ]
    if not found:
        return found
    snapshots = migration_snapshots(project, {f.module for f, _ in found if f.module})
    return [d for d in found if d[0].module not in snapshots] if snapshots else found


def _compat_subclass(project: Project, d: Definition, canonical: Definition) -> bool:
    """A thin compatibility subclass of the canonical class (``class Old(New): pass``)."""
    return d[1].trivial_body and is_ancestor(project, d, canonical)


def _concept_violations(
    project: Project, concept: Concept, names: frozenset[str], classes: list[Definition], chooser: Chooser
) -> Iterator[Violation]:
    """``names``: the class names the concept's pattern matches (:meth:`Concept.select`)."""
    configured = canonical_definition(project, concept)
    matching = [
        d
        for d in classes
        if d[1].name in names and not (configured is not None and _compat_subclass(project, d, configured))
    ]
    if configured is None and len(matching) < 2:
        return
    # Without a canonical, each version of an API (``pkg/v1/``) keeps its own implementation.
    kept_in: dict[str | None, Definition] = {}
    if configured is None:
        scopes: dict[str | None, list[Definition]] = defaultdict(list)
        for d in matching:
            scopes[version_package(d[0].path)].append(d)
        kept_in = {scope: chooser.keeper(group) for scope, group in scopes.items()}
    for d in matching:
        f, c = d
        scope = version_package(f.path)
        kept = configured if configured is not None else kept_in[scope]
        if f is kept[0] and c is kept[1]:
            continue
        if configured is not None:
            choice = Choice(configured, REASON_CONFIGURED, 0)
            message = (
                f"{c.name} is another implementation of the {concept.name} concept; "
                f"use the canonical {where(configured)} instead"
            )
        else:
            choice = chooser.choose(d, [o for o in matching if o is not d and version_package(o[0].path) == scope])
            message = (
                f"{c.name} is another implementation of the {concept.name} concept, also "
                f"implemented by {where(choice.definition)}, {choice.wording}; keep one "
                f"(set tool.ssotlint.concepts.{concept.name}.canonical to choose it)"
            )
        yield RULE.violation(
            f.path, c.line, c.col, message,
            key=f"concept:{concept.name}:{c.name}",
            details={"concept": concept.name, "class": qualname(d), **_choice_details(choice)},
        )


def _choice_details(choice: Choice) -> ChoiceDetails:
    target = choice.definition
    return {
        "canonical": qualname(target),
        "canonical_path": target[0].path,
        "canonical_line": target[1].line,
        "chosen_by": choice.reason,
        "canonical_importers": choice.imports,
    }


# Bases that declare a data shape rather than plug a class into a framework.
_DECLARATION_BASES = frozenset({"NamedTuple", "TypedDict"})


# Members through which a framework reads a class's options, not the data the class holds:
# pydantic's ``model_config`` and ``Config``, the ``Meta`` of Django, marshmallow and DRF.
# Two models of one framework all have them; they say nothing of what the two represent
# (onyx's Jira ``User`` and Teams ``User`` share ``display_name`` and a ``model_config``).
# A Django application of a rating model on an abstract base (``{app}``: its label), with
# an admin inline and translation options bound to its own model.
_DJANGO_RATING_BASE = (
    "from django.db import models\n\n\nclass RatingMixin(models.Model):\n    name = models.CharField(max_length=128)\n"
    "    order = models.IntegerField(null=True)\n\n    class Meta:\n        abstract = True\n"
)
_DJANGO_RATING_APP = {
    "__init__.py": "",
    "models.py": (
        "from django.db import models\n\nfrom geo.common.models import RatingMixin\n\n\n"
        "class Practice(models.Model):\n    name = models.CharField(max_length=128)\n    {app}_only = models.TextField()\n\n\n"
        "class Rating(RatingMixin):\n    practice = models.ForeignKey(Practice, on_delete=models.CASCADE)\n\n"
        "    class Meta:\n        ordering = ('order', 'name')\n"
    ),
    "admin.py": (
        "from django.contrib import admin\n\nfrom .models import Rating\n\n\n"
        "class RatingInline(admin.TabularInline):\n    model = Rating\n    extra = 1\n    fields = ('name', 'order')\n"
    ),
    "translation.py": (
        "from modeltranslation.translator import TranslationOptions, translator\n\n"
        "from geo.{app} import models as app_models\n\n\n"
        "class RatingTO(TranslationOptions):\n    fields = ('name',)\n    required_languages = ('en',)\n\n\n"
        "for model, options in [(app_models.Rating, RatingTO)]:\n    translator.register(model, options)\n"
    ),
}
# A table cell's combo box, as pymca's widget modules each keep one.
_COMBO_ITEM = (
    "import logging\n\nfrom qt import QComboBox, pyqtSignal\n\n_logger = logging.getLogger(__name__)\n\n\n"
    "class QComboTableItem(QComboBox):\n    sigCellChanged = pyqtSignal(int,int)\n\n"
    "    def __init__(self, parent=None, row = None, col = None):\n        self._row = row\n        self._col = col\n"
    "        QComboBox.__init__(self, parent)\n        self.activated[int].connect(self._cellChanged)\n\n"
    "    def _cellChanged(self, idx):\n        _logger.debug('cell changed %s', idx)\n"
    "        self.sigCellChanged.emit(self._row, self._col)\n"
)
# A broker's logging part typed with its client library's message class.
_LOGGING_BROKER = (
    "from typing import TYPE_CHECKING\n\nfrom app.usecase import Usecase\n\nif TYPE_CHECKING:\n    import {lib}\n\n\n"
    "class LoggingBroker(Usecase['{lib}.{message}']):\n    _max_topic_len: int\n\n"
    "    def __init__(self, *args):\n        super().__init__(*args)\n        self.logger_name = '{name}'\n        self._max_topic_len = 4\n\n"
    "    def get_fmt(self):\n        return f'%(topic)-{{self._max_topic_len}}s - %(message)s'\n"
)
# A model an example defines and a benchmark copies.
_PINSAGE = (
    "class PinSAGEModel:\n    layers = 2\n    hidden = 64\n\n    def forward(self, x):\n        return x * self.layers\n\n"
    "    def score(self, x):\n        return self.forward(x) + self.hidden\n"
)


def _brokers(lib: str, message: str) -> dict[str, str]:
    """A kafka backend's logging broker over aiokafka, and a confluent backend's over
    ``lib`` (its message class ``message``), both used by one module."""
    return {
        "app/__init__.py": "",
        "app/usecase.py": "from typing import Generic, TypeVar\n\nM = TypeVar('M')\n\n\nclass Usecase(Generic[M]):\n    pass\n",
        "app/kafka/__init__.py": "",
        "app/kafka/logging.py": _LOGGING_BROKER.format(lib="aiokafka", message="ConsumerRecord", name="kafka"),
        "app/confluent/__init__.py": "",
        "app/confluent/logging.py": _LOGGING_BROKER.format(lib=lib, message=message, name="confluent"),
        "app/use.py": "from app.kafka.logging import LoggingBroker\nfrom app.confluent.logging import LoggingBroker as B\n",
    }


_FRAMEWORK_OPTIONS = frozenset({"model_config", "Config", "Meta", "__mongometa__"})


def _is_dunder(name: str) -> bool:
    return name.startswith("__") and name.endswith("__")


def _similar(a: frozenset[str], b: frozenset[str], data_only: bool) -> bool:
    """Copies share most of their members: at least half of all the names either defines
    (two implementations of one interface share a few method names, not most). A copy
    also drifts by growing (a result class that gained six fields), so half of the smaller
    one's names is enough when they are at least four: three shared names are often
    common vocabulary (``id``, ``message``, ``timestamp``), four seldom. A data declaration
    (fields, no methods) copied as a projection keeps a subset of the fields: then two are
    enough, all of one's among the other's; two or three in common beside fields of each
    one's own are vocabulary (researchhub's two services' ``EnrichmentResult``, each with
    ``status`` and ``reason`` and results of its own)."""
    shared = len(a & b)
    if shared >= 4 and 2 * shared >= min(len(a), len(b)):
        return True
    if data_only and shared >= 2 and (a <= b or b <= a):
        return True
    return shared > 0 and 2 * shared >= len(a | b)


# Methods two classes on no base share, all of one's among the other's, that make one
# class twice (see ``_Copies.same_api``): an interface of two or three methods is a
# convention, six a class.
_MANY_METHODS = 6


def _constructors_apart(a: ClassRecord, b: ClassRecord) -> bool:
    """Both define ``__init__`` with named parameters, and no parameter name (``self``
    and the variadic ones aside) is in both: each is built from data of its own. A copy
    extended since keeps the original's parameters (``Defaults(timeout)``,
    ``Defaults(timeout, retries)``)."""
    own_a, own_b = _init_parameters(a), _init_parameters(b)
    return bool(own_a) and bool(own_b) and own_a.isdisjoint(own_b)


def _init_parameters(c: ClassRecord) -> frozenset[str]:
    listed = dict(c.parameters).get("__init__")
    if not listed:
        return frozenset()
    names = [part.strip().rstrip("=") for part in listed.split(",")]
    return frozenset(n for n in names[1:] if n and n not in ("/", "*") and not n.startswith("*"))


def _copied(a: ClassRecord, b: ClassRecord, shared: frozenset[str]) -> bool:
    """Evidence of copying, beyond shared names: most of the smaller class's member
    statements written the same way in both, or shared fields and no shared method
    (a data declaration copied and drifted). Two implementations of one interface share
    method names, each with its own body (and maybe a line of boilerplate)."""
    same = len(set(a.shapes) & set(b.shapes))
    if same and 2 * same > min(len(a.shapes), len(b.shapes)):
        return True
    # Overrides of a shared base's methods count here: they are implementations too.
    if not shared or _method_names(a) & _method_names(b):
        return False
    types_a, types_b = dict(a.annotated), dict(b.annotated)
    declared = shared & types_a.keys() & types_b.keys()
    if len(shared) == 1 and not same:
        # One field of one name and nothing written alike is a namesake when it is typed
        # for each owner (``value_fn: Callable[[CameraData], bool]`` and ``value_fn:
        # Callable[[SensiboDevice], bool]``), or when either class has anything else (two
        # forms' ``UsernameMixin``, each with its own validators, one with a
        # ``validate_username`` too): one word in common, no statement copied.
        field = next(iter(shared))
        if set(a.members) != set(b.members) or (field in declared and types_a[field] != types_b[field]):
            return False
    if not _extends(a) and not _extends(b):
        return True  # a bare data declaration (``class Settings: debug = False``), drifted
    # Declared fields (``user_id: str``) are data, copied however their types drifted.
    # Plain attributes that a base class reads are copied data when some are written alike
    # (two marshmallow ``RolesSchema``s with ``name = fields.String()``), settings of that
    # base when each has its own value (``optFlags = [...]`` of each script's own
    # ``usage.Options``).
    return bool(declared) or same > 0


def _overrides_copied(a: ClassRecord, b: ClassRecord) -> bool:
    """Every member of each overrides a shared base's, and both override the same three or
    more written alike, most statements the same (nipype's ``SigLoss(FSLCommand)`` in two
    modules: the same ``input_spec``, ``_cmd`` and ``_list_outputs``): one subclass copied
    whole, not two implementations of the base (those override with bodies of their own)."""
    ma, mb = set(a.members) - {"__doc__"}, set(b.members) - {"__doc__"}
    if ma != mb or len(ma) < 3:
        return False
    same = len(set(a.shapes) & set(b.shapes))
    return 2 * same > max(len(a.shapes), len(b.shapes))


def _literal_values(c: ClassRecord) -> dict[str, int]:
    """Its class-level fields with a value the summary knows, each with its digest."""
    return {field: digest for field, digest, _ in c.values if digest}


def _settings_only(c: ClassRecord) -> dict[str, int] | None:
    """Its literal values (:func:`_literal_values`) when every member but the docstring is
    one (no method, nothing computed): a class that only sets what a base reads."""
    values = _literal_values(c)
    return None if set(c.members) - {"__doc__"} - values.keys() else values


def _same_settings(a: ClassRecord, b: ClassRecord) -> bool:
    """No methods, and every field both set (each a base's, overridden) set to the same
    literal, at least one: authlib's two ``InvalidRequestObjectError(OAuth2Error)``, each
    with ``error = "invalid_request_object"``, one in ``oidc/core/errors.py`` and one in
    ``oauth2/rfc9101/errors.py``: one error declared twice, and code that catches one
    does not catch the other. (Different values are two settings of the base: namesakes.)"""
    mine, theirs = _settings_only(a), _settings_only(b)
    if mine is None or theirs is None:
        return False
    shared = mine.keys() & theirs.keys()
    return bool(shared) and all(mine[field] == theirs[field] for field in shared)


def _holds_classes(f: SourceFile, c: ClassRecord) -> bool:
    """A class statement lies inside ``c`` (after it, before the next top-level class):
    pyroute2's per-qdisc ``stats2``, the same ``nla_map`` over each qdisc's own nested
    ``stats_app``, is each qdisc's own, not one setting twice."""
    later = [k.line for k in f.summary.classes if k.top_level and k.line > c.line]
    end = min(later) if later else float("inf")
    return any(not k.top_level and c.line < k.line < end for k in f.summary.classes)


def _own_values(a: ClassRecord, b: ClassRecord) -> bool:
    """Two data declarations (fields, no methods) that give most of the fields they share
    values of their own (reflex's per-component
    ``ClassNames``, each module's ``POPUP`` and ``TITLE`` with its own style strings, some
    ``TRIGGER = ""`` alike). With a family of such classes, each in its own sibling module
    and none imported elsewhere, that is one convention, each module's own values."""
    if _method_names(a) or _method_names(b):
        return False
    mine, theirs = _literal_values(a), _literal_values(b)
    shared = mine.keys() & theirs.keys()
    differing = sum(mine[field] != theirs[field] for field in shared)
    return bool(shared) and differing * 2 > len(shared)


def _child(module: str, folder: str) -> str:
    """The module or package right below ``folder`` that holds ``module``."""
    return module[len(folder) + 1 :].partition(".")[0]


def _command_own(d: Definition) -> bool:
    """A declaration of data (no method) in a Django management command's module other
    than its ``Command``: Django loads each command by its path
    (``<app>/management/commands/<name>.py``), so a shape only its module uses
    (courtlistener's per-command ``OptionsType`` TypedDict, the keys of that command's own
    flags) is that command's own, unless written word for word as another command's. A
    class with behaviour copied between two commands (onadata's ``BackfillStats`` and its
    ``add``, one field renamed) is a helper copied, and compared as usual."""
    return (
        "/management/commands/" in f"/{d[0].path}" and d[1].name != "Command" and d[0].path.rpartition("/")[2] != "__init__.py"
        and not _method_names(d[1])
    )


def _namespaces_apart(a: ClassRecord, b: ClassRecord) -> bool:
    """Two bare namespaces of constants (plain class attributes: no base, no method, no
    annotated field) that give most of the names they share texts of their own, each
    naming something of its own (zato's ``Env_Host = 'Zato_Ext_DB_Host'`` and
    ``'Zato_PubSub_DB_Host'``: two databases' variables): each its module's own keys,
    wherever the modules are. Numbers or flags of their own (``retries = 3`` and ``5``) are
    one setting's defaults drifted apart, and mostly the same values one table twice."""
    if any(c.bases or c.annotated or _method_names(c) or not c.fields for c in (a, b)):
        return False
    mine = {name: (digest, kind) for name, digest, kind in a.values if digest}
    theirs = {name: (digest, kind) for name, digest, kind in b.values if digest}
    shared = mine.keys() & theirs.keys()
    own_texts = sum(
        1 for name in shared
        if mine[name][0] != theirs[name][0] and mine[name][1] == theirs[name][1] == VALUE_LABEL
    )
    return bool(shared) and 2 * own_texts > len(shared)


def _stem(module: str) -> str:
    """A module's last name, without the underscores that keep it off a keyword or a
    library's name (``openapi_``): the entity a module per entity is named for."""
    return module.rpartition(".")[2].strip("_").lower()


def _names_stem(name: str, stem: str) -> bool:
    """The class's name holds its module's (``JiraForm`` in ``jira.py``)."""
    words = {w.lower() for w in NAME_WORDS.findall(name)}
    return bool(stem) and (stem.replace("_", "") in name.lower() or set(stem.split("_")) <= words)


def _imported_in_functions_only(f: SourceFile, name: str) -> bool:
    """The module binds ``name`` by imports inside functions, and by nothing else."""
    found = False
    for rec in f.summary.imports:
        bound = (
            [asname or imported for imported, asname in rec.names] if rec.is_from
            else [rec.asname or rec.module.partition(".")[0]]
        )
        if name in bound:
            if not rec.context & CTX_FUNCTION:
                return False
            found = True
    return found and name not in f.summary.assigned and name not in f.summary.functions


def _unused_in_program(f: SourceFile, c: ClassRecord) -> bool:
    """A class of a program that nothing uses: its module's code never reads its name
    (``read_in_module``: not even as another class's base), and it has no decorator (one
    may register it), and it is no plugin a host loads from its file by the class's name
    (:func:`_host_loaded`). Asked only of programs no module imports."""
    return not c.read_in_module and not c.decorators and not _host_loaded(f, c)


# The classes Ansible loads by name from each file of a plugin folder of a role or a
# playbook (``filter_plugins/``, ``lookup_plugins/``, ``action_plugins/`` ...).
_ANSIBLE_PLUGIN_CLASSES = frozenset({
    "FilterModule", "LookupModule", "ActionModule", "CallbackModule", "TestModule", "InventoryModule",
    "VarsModule", "StrategyModule", "CacheModule", "Connection", "BecomeModule", "ShellModule",
})


def _host_loaded(f: SourceFile, c: ClassRecord) -> bool:
    """A plugin its host loads from the file by the class's name: Ansible's ``FilterModule``
    in a ``filter_plugins/`` folder (openshift-tools' roles, each shipping its own), used by
    the playbooks that name its filters, though no Python code reads it."""
    folder = f.path.rpartition("/")[0].rpartition("/")[2]
    return c.name in _ANSIBLE_PLUGIN_CLASSES and folder.endswith("_plugins")


def _translated(a: Definition, b: Definition) -> bool:
    """Two classes whose prose differs (``ClassRecord.worded``: the strings of two words or
    more their code holds), in two modules of one name but for the language each is
    written for (lm-evaluation-harness' ``CommaChecker`` in ``ca_instructions.py``, its
    prompt in Catalan, beside the English one in ``instructions.py``; its ``EndChecker``
    also drops a final full stop): each language's own version, not a copy to import.
    Importing the other would switch the language. Two such classes whose prose reads the
    same (an untranslated checker drifted in its pattern; ``es_instructions.py`` copied
    from ``ca_instructions.py``) are compared as usual."""
    return a[1].worded != b[1].worded and language_variants(a[0].module or "", b[0].module or "")


def _programs_own(a: ClassRecord, b: ClassRecord) -> bool:
    """Two same-named classes that read as two programs' own, not one copied: nothing of
    their statements is written alike (camel's profiling script's and example's
    ``JokeResponse``, ``funny_level: int`` against ``str``), or a field they share has a
    value of its own in each (pursuedpybear's viz-test ``Scene``s, ``lifespan = 2`` and
    ``4``). A class copied with only a method changed is a copy (zen's staging-validation
    scripts' ``Connection``)."""
    if written_alike(a, b):
        return False
    if not set(a.shapes) & set(b.shapes):
        return True
    mine = {field: digest for field, digest, _ in a.values if digest}
    theirs = {field: digest for field, digest, _ in b.values if digest}
    return any(mine[field] != theirs[field] for field in mine.keys() & theirs.keys())


def _tuple_fields(c: ClassRecord) -> tuple[str, ...] | None:
    """The fields of a ``NamedTuple`` class in order (its annotated names), None for any
    other class."""
    if not any(last_part(base) == "NamedTuple" for base in c.bases):
        return None
    return tuple(name for name, _ in c.annotated)


def _other_tuples(a: ClassRecord, b: ClassRecord) -> bool:
    """Two ``NamedTuple`` classes whose fields are not one the other's continued
    (``NavPoint(text, refuri, children)`` and ``NavPoint(navpoint, playorder, text, refuri,
    children)``): a tuple is built and unpacked by position, so they are two records, and
    importing one where the other is built would raise ``TypeError`` or shift every field.
    A copy that gained fields at the end still builds the same way and stays compared."""
    fa, fb = _tuple_fields(a), _tuple_fields(b)
    if fa is None or fb is None:
        return False
    shorter, longer = sorted((fa, fb), key=len)
    return longer[: len(shorter)] != shorter


def _extends(c: ClassRecord) -> bool:
    """It names a base class that may read its attributes (``object`` does not)."""
    return any(base not in ("object", "builtins.object") for base in c.bases)


# Methods of its own (dunders aside) that make a class behaviour, not a declaration (a
# mixin's ``list`` and ``permissions`` over a framework's view are still a declaration).
_BEHAVIOUR = 3


def _drifted_copy(a: ClassRecord, b: ClassRecord) -> bool:
    """The same members, two or more written alike and one changed: a copy whose one
    statement drifted (artiq's dashboard ``Model`` in ``waveform.py`` and ``moninj.py``,
    the same ``__init__`` and ``clear``, an ``update`` keyed otherwise), not two plugins'
    own classes."""
    if set(a.members) != set(b.members) or len(a.shapes) != len(b.shapes):
        return False
    shared = set(a.shapes) & set(b.shapes)
    return len(shared) >= 2 and len(a.shapes) - len(shared) == 1


def _own_methods(c: ClassRecord) -> frozenset[str]:
    """Its own ``def`` statements but dunders (``__init__``, ``__str__``)."""
    return frozenset(m for m in _method_names(c) if not _is_dunder(m))


# What a copy told to share a module with a namesake written differently is told besides.
_RECONCILE_THERE = "; the two have the same members written differently: reconcile them into one class there"


def _factory_made_apart(a: ClassRecord, b: ClassRecord) -> bool:
    """Two classes on the result of one factory's call (deepmd-kit's ``class
    BaseModel(make_base_model()):`` in the dpmodel and pt_expt backends, each call a new
    class with its own plugin registry, each backend registering the same keys in its own;
    ``DescriptorBlock`` on ``make_plugin_registry(...)`` with a framework base of its own):
    two bases, not one, unless a body with members is copied word for word."""
    if not set(a.factory_bases) & set(b.factory_bases):
        return False
    return a.trivial_body or b.trivial_body or not written_alike(a, b)


def _private_shape(c: ClassRecord) -> bool:
    """A ``TypedDict`` class with fields and no method: a shape for annotations."""
    return any(last_part(base) == "TypedDict" for base in c.bases) and not _method_names(c)


def _method_names(c: ClassRecord) -> frozenset[str]:
    """Its own ``def`` statements: the members that are not fields."""
    return frozenset(c.members) - frozenset(c.fields)


class _Copies:
    """Decides whether two same-named classes in different modules are copies of one
    thing, from facts computed once per class."""

    def __init__(
        self, project: Project, importers: dict[tuple[str, str], set[str]],
        groups: Mapping[str, list[Definition]] | None = None,
    ) -> None:
        self.project = project
        self.importers = importers
        # class name -> every definition of it the rule compares (for :meth:`own_helpers_apart`)
        self._all_groups: Mapping[str, list[Definition]] = groups or {}
        self._field_spellings: dict[str, tuple[int, int]] = {}  # path -> (camelCase, snake_case) fields
        self._in_helpers = False  # comparing two classes' helpers: their own helpers are not compared
        # class name -> (base, parent package) -> the sibling packages under that parent
        # that hold an empty class of that name and base used only inside the package.
        self._families: dict[str, dict[tuple[str, str], set[str]]] = {}
        # class name -> ids of its definitions each imported only by modules named as its
        # own module (see :meth:`mirrored_slots`), when three or more are.
        self._mirrored: dict[str, set[int]] = {}
        # (folder, module name prefix, class name) -> whether that family of constant tables
        # varies (see :meth:`per_entity_tables`), once per family, not once per pair.
        self._entity_tables: dict[tuple[str, str, str], bool] = {}
        self._groups: dict[str, list[Definition]] = {}  # class name -> its definitions
        self._bare_counts: dict[tuple[str, str], int] = {}  # (class name, package) -> :meth:`_bare_in_package`
        # (module, class record) -> its role: two files of one content share their records,
        # and a base is resolved in each file's own module.
        self._roles: dict[tuple[str, int], frozenset[str]] = {}
        # (path, line) -> what makes a class a variant of a namesake base (see
        # :meth:`_variants_of_namesake`), worked out once per class, not once per pair.
        self._namesake_keys: dict[tuple[str, int], frozenset[tuple[str, ...]]] = {}
        # (path, path) -> whether the two modules share a family of classes all written
        # alike (see :meth:`_family_copied`), once per pair of modules.
        self._copied_families: dict[tuple[str, str], bool] = {}
        self.apart = Apart(project)
        self.parallel = ParallelParts(project)
        # (part folder, part folder) -> whether one part imports the other's modules.
        self._dependent_parts: dict[tuple[str, ...], bool] = {}
        # module -> the first-party modules it imports inside a function, guarded.
        self._guarded: dict[str, set[str]] | None = None

    def role(self, d: Definition) -> frozenset[str]:
        key = (d[0].module or d[0].path, id(d[1]))
        found = self._roles.get(key)
        if found is None:
            found = self._roles[key] = role(self.project, d)
        return found

    def stands_in(self, a: Definition, b: Definition) -> bool:
        """``a``'s module tries, inside a function, to import from ``b``'s module and goes
        on when that fails (``try: from pkg.tenancy import viewer_for`` ... ``except
        ImportError: return Viewer()``): a facade over an optional module, whose own
        classes are the stand-ins it returns when that module is absent. Importing them
        from the module that may be missing would defeat it."""
        guarded = self._guarded
        if guarded is None:
            guarded = self._guarded = defaultdict(set)
            for f, rec, absolute in self.project.first_party_imports:
                if absolute is not None and f.module and rec.context & CTX_FUNCTION and rec.context & CTX_GUARDED:
                    guarded[f.module].add(absolute)
        return (b[0].module or "") in guarded.get(a[0].module or "", ())

    def imported(self, d: Definition) -> bool:
        """Imported by name by another first-party production module."""
        return bool(self.importers.get((d[0].module or "", d[1].name)))

    def private_shapes_apart(self, a: Definition, b: Definition) -> bool:
        """Two ``TypedDict`` declarations (no method) that no other module imports, in
        modules of two packages: each annotates its own module's data (openWB's per-device
        ``KwargsDict``, the keyword arguments that device's ``device.py`` passes its
        component: 187 namesakes across the plugins, each device's own). Type checkers
        alone read them; no value of one reaches the other's module by it. Two written word
        for word alike in one package (one device's battery and inverter modules, passed the
        same arguments) are one shape written twice, and compared as usual."""
        if not (_private_shape(a[1]) and _private_shape(b[1])) or self.imported(a) or self.imported(b):
            return False
        same_package = (a[0].module or "").rpartition(".")[0] == (b[0].module or "").rpartition(".")[0]
        return not (same_package and written_alike(a[1], b[1]))

    def named_through_module(self, a: Definition, b: Definition) -> bool:
        """A one-word name (``State``, ``Resource``, ``Error``) that no other module imports by
        name, in two modules of other names, with members of its own in each: each module's
        own, named through it (``objects.action_plan.State`` and ``objects.audit.State``: two
        entities' lifecycles; ``v2_0.ping.Resource`` and ``v2_0.health.Resource``: two
        endpoints). The one word says what it is only together with its module's name. Of two
        records of data (fields, no method), an import by a module of its own package names
        it through that package still (openWB's ``control/chargepoint/chargepoint_data.py``
        ``Get``, one entity's MQTT sub-tree, imported by ``chargepoint.py`` beside it;
        ``control/bat_all.py`` has the battery's). The same text written twice, or a copy
        imported by name (a class with behaviour: by any other module), is still a copy."""
        records = not _method_names(a[1]) and not _method_names(b[1])
        imported = self.imported_from_outside if records else self.imported
        if len(NAME_WORDS.findall(a[1].name)) != 1 or imported(a) or imported(b):
            return False
        if (a[0].module or "").rpartition(".")[2] == (b[0].module or "").rpartition(".")[2]:
            return False
        members_a = {m for m in a[1].members if m != "__doc__"}
        members_b = {m for m in b[1].members if m != "__doc__"}
        if bool(members_a - members_b) and bool(members_b - members_a):
            return True
        # One's fields a part of the other's, the fields they share typed otherwise (the
        # internal chargepoint handler's `Get` with `rfid: Optional[str]`, a chargepoint's
        # with `rfid: Optional[int]`): two records of two things, not one projected. (The
        # same fields retyped are one record drifted.)
        types_a, types_b = dict(a[1].annotated), dict(b[1].annotated)
        return members_a != members_b and any(types_a[n] != types_b[n] for n in types_a.keys() & types_b.keys())

    def imported_from_outside(self, d: Definition) -> bool:
        """Imported by name by a first-party production module outside the class's own
        package (a plugin's own modules, an integration's ``config_flow`` importing its
        ``exceptions``, are inside)."""
        package = d[0].package or ""
        return any(not _within(m, package) for m in self.importers.get((d[0].module or "", d[1].name), ()))

    def _home(self, d: Definition) -> tuple[str, str] | None:
        """(parent package, its own package) of a class that only its own package's
        modules import by name, when that package is not a top-level one."""
        package = d[0].package or ""
        if "." not in package or self.imported_from_outside(d):
            return None
        return package.rpartition(".")[0], package

    def _learn_families(self, group: list[Definition]) -> None:
        families: dict[tuple[str, str], set[str]] = defaultdict(set)
        for d in group:
            home = self._home(d) if _is_empty(d[1]) else None
            if home is not None:
                for base in self.role(d):
                    families[(base, home[0])].add(home[1])
        self._families[group[0][1].name] = families

    def _learn_mirrors(self, group: list[Definition]) -> None:
        mirrored = set()
        for d in group:
            module = d[0].module or ""
            stem = _stem(module)
            importers = self.importers.get((module, d[1].name), ())
            if stem and not _names_stem(d[1].name, stem) and importers and all(_stem(m) == stem for m in importers):
                mirrored.add(id(d))
        self._mirrored[group[0][1].name] = mirrored if len(mirrored) >= 3 else set()

    def own_plugin_classes(self, a: Definition, b: Definition) -> bool:
        """Two plugins of one folder, each defining the class on a first-party base outside
        the folder (the host's interface), with three or more of the folder's plugins
        defining a class of this name on it, and each class imported by name only inside
        its own plugin (tracardi's action plugins, each ``model/config.py`` with
        ``Config(PluginConfig)``, imported by its own ``plugin.py``): each plugin's
        settings, as each plugin's ``Command`` is its own. Overlapping fields (every
        plugin's ``source``) do not make them one. Still compared as usual: a class imported
        from outside its plugin, one on another base (two plugins' copies of one ``Token``),
        one written word for word alike (sqlmap's two DBMS plugins' ``Syntax`` copied
        whole), or alike but for one statement of its members (artiq's dashboard ``Model``). Read from the name's own definitions and importers alone, as a history's
        step must (``duplicates_affected``)."""
        if written_alike(a[1], b[1]) or _drifted_copy(a[1], b[1]):
            return False  # written word for word alike, or but for one statement: one class copied between plugins
        pair = sides(a[0].module or "", b[0].module or "")
        if pair is None:
            return False
        folder = pair[0].rpartition(".")[0]
        if not folder:
            return False
        for d, plugin in ((a, pair[0]), (b, pair[1])):
            if any(not _within(m, plugin) for m in self.importers.get((d[0].module or "", d[1].name), ())):
                return False
        hosts = [base for base in self.role(a) & self.role(b) if self._defined_outside(base, folder)]
        group = self._groups.get(a[1].name, ())
        return any(
            len({_child(d[0].module or "", folder) for d in group if base in self.role(d) and _within(d[0].module or "", folder)}) >= 3
            for base in hosts
        )

    def _defined_outside(self, base: str, folder: str) -> bool:
        """``base`` (a qualified class name) is a first-party class outside ``folder``."""
        module = base.rpartition(".")[0]
        return module in self.project.modules and not _within(module, folder)

    def mirrored_slots(self, a: Definition, b: Definition) -> bool:
        """One module per entity, each filling the same slots under names of their role
        (zato's web admin: ``forms/cloud/jira.py`` and 54 other form modules, each with its
        own ``CreateForm`` and ``EditForm``, each imported only by the view named as its
        module, ``views/cloud/jira.py``): the entity is the module's name, not the class's,
        and the views import their own module's, never another's. Three or more such
        definitions make the layout; a class named for its module (``JiraForm``) is not a
        slot."""
        mirrored = self._mirrored.get(a[1].name, set())
        return id(a) in mirrored and id(b) in mirrored

    def shared_api(self, a: Definition, b: Definition) -> bool:
        """One of two empty classes is imported by name elsewhere, and not as plugins do:
        three or more sibling packages of one parent (Home Assistant's
        ``components/<integration>/``) each declaring the same exception on the same base
        and importing only their own (``CannotConnect``) never raise one where another, or
        a namesake outside the family, is caught."""
        if not (self.imported(a) or self.imported(b)):
            return False
        if a[0].package == b[0].package:
            return True  # one package: its modules see both
        families = self._families.get(a[1].name, {})
        bases = self.role(a) & self.role(b)

        def plugin(home: tuple[str, str] | None) -> bool:
            return home is not None and any(len(families.get((base, home[0]), ())) >= 3 for base in bases)

        # A plugin's own class, used only inside the plugin, meets neither another
        # plugin's nor the core's namesake (an integration's InvalidAuth and the login's).
        return not (plugin(self._home(a)) or plugin(self._home(b))) and not self._worlds_apart(a, b)

    def composed_alike(self, a: Definition, b: Definition) -> bool:
        """Two empty classes extend classes of the same names, mixins included: an empty class is
        nothing but its bases, so two that mix another mixin into one shared base
        (open-forms' ``APIGroupQueryParamsSerializer(ZGWAPIGroupMixin, ...)`` beside
        ``(ObjectsAPIGroupMixin, ...)``, each plugin's filter over its own API group) are
        two compositions, not one class declared twice."""
        return self._composition(a) == self._composition(b)

    @staticmethod
    def _composition(d: Definition) -> frozenset[str]:
        """The names of its bases: two copies of one empty class, each over its own module's
        copy of the base (blueking-paas' two ``BkLogApiError(BkLogGatewayServiceError)``),
        are still composed alike."""
        return frozenset(base.rpartition(".")[2] for base in d[1].bases)

    def _worlds_apart(self, a: Definition, b: Definition) -> bool:
        """Three or more empty classes of one name on one base, each its own client's
        (open-forms: each integration's ``client.py`` with its own ``class
        NoServiceConfigured(RuntimeError): pass``, raised by its ``get_client()``), and no
        module of one's world touches the other's: a class's world is its module and the
        production modules that import it by name (the client's checks, the prefill plugin
        for that service), and a world touches another when one of its modules imports a
        module of the other (or a package of one, or a module below one). What one raises
        then never reaches code that catches the other. Two such classes (a pair is no
        family yet), or a module catching one that calls the other's raiser, stay compared."""
        bases = self.role(a) & self.role(b)
        members = [d for d in self._groups.get(a[1].name, ()) if _is_empty(d[1]) and self.role(d) & bases]
        if len(members) < 3:
            return False
        mine, theirs = self._world(a), self._world(b)
        return not (mine & theirs) and not self._touches(mine, theirs) and not self._touches(theirs, mine)

    def _world(self, d: Definition) -> frozenset[str]:
        module = d[0].module or ""
        return frozenset({module, *self.importers.get((module, d[1].name), ())})

    def _touches(self, world: frozenset[str], other: frozenset[str]) -> bool:
        """A module of ``world`` imports (by the absolute name its import statements name)
        a module of ``other``, a package holding one, or a module below one."""
        for module in world:
            f = self.project.modules.get(module)
            if f is None:
                return True  # not known: not apart
            for name in f.absolutes:
                if name and any(name == o or o.startswith(name + ".") or name.startswith(o + ".") for o in other):
                    return True
        return False

    def _imports_other(self, a: Definition, b: Definition) -> bool:
        """One of the two modules imports the other at run time: code of one meets the
        other's class (arches' ``bulk_edit_concept.py`` extends ``base_data_editor``'s
        ``BaseBulkEditor``, whose ``validate_inputs`` raises that module's empty
        ``MissingRequiredInputError``, and catches its own namesake)."""
        edges = self.project.import_edges
        ma, mb = a[0].module or "", b[0].module or ""
        return any(
            any(s.runtime for s in edges.get(x, {}).get(y, ())) for x, y in ((ma, mb), (mb, ma))
        )

    def unimported(self, group: list[Definition]) -> Counter[str]:
        """For each base (``_NO_BASE`` for none), how many classes of a same-named group
        extend it without any other module importing them by name. Asked once per group,
        before its pairs are compared: it also learns what the comparisons read of the
        whole group (its families, its mirrored slots, its definitions)."""
        self._learn_families(group)
        self._learn_mirrors(group)
        self._groups[group[0][1].name] = group
        return Counter(base for d in group if not self.imported(d) for base in self.role(d) or _NO_BASE)

    def _variants_of_namesake(self, a: Definition, b: Definition) -> bool:
        """Both extend one first-party class of their own name in a third module, and no
        other module imports either by name: variants of one base, each its module's own,
        found through its module (vumi's SMPP processors: ``mica.py`` and ``sixdee.py`` each
        with ``SubmitShortMessageProcessorConfig(default.SubmitShortMessageProcessorConfig)``,
        wired to its own processor by ``CONFIG_CLASS``, the processor chosen by its dotted
        path in configuration). Their overrides may read alike; a shared one belongs in the
        base, not in another variant's module. So is the same written base, a module's class
        of their name (``default.X``), when that module cannot be read (vumi's Python 2
        ``default.py``; a framework's ``migrations.Migration``). Not two classes over a
        library's class of their name written word for word alike that each module uses by
        name itself (modelscope's ``class LayerNorm(nn.LayerNorm)``, CLIP's half-precision
        fix, pasted into a dozen model packages that each build their layers with it): one
        helper copied, no framework finds it."""
        if self.imported(a) or self.imported(b):
            return False
        shared = self._namesake_of(a) & self._namesake_of(b)
        if not shared:
            return False
        modules = {a[0].module, b[0].module}
        if (
            all(key[0] == "written" for key in shared)
            and a[1].read_in_module and b[1].read_in_module and written_alike(a[1], b[1])
            and not any(self._first_party_base(a, key[1]) for key in shared)
        ):
            return False
        return any(key[0] == "written" or key[1] not in modules for key in shared)

    def _family_copied(self, a: SourceFile, b: SourceFile) -> bool:
        """The two modules define three or more classes of the same names at their top level,
        and each of those pairs is written word for word alike (newrelic's
        ``hooks/database_pymysql.py``, "taken mostly from" ``database_mysqldb.py``: its
        ``CursorWrapper``, ``ConnectionWrapper`` and ``ConnectionFactory``, each wired to the
        next, over ``database_dbapi2``'s of their names): a part of a module copied whole,
        not each module's own override. Not when a class reads a name its module binds to an
        object of its own (the standard library's CJK codecs, each class over its module's
        ``codec``). Once per pair of modules."""
        key = (a.path, b.path) if a.path < b.path else (b.path, a.path)
        found = self._copied_families.get(key)
        if found is None:
            mine = {c.name: c for c in a.summary.classes if c.top_level}
            theirs = {c.name: c for c in b.summary.classes if c.top_level}
            common = mine.keys() & theirs.keys()
            # Written alike over the same objects: not each over its own module's data (the
            # CJK codecs' `Codec`, `IncrementalEncoder` ... each over its module's `codec`,
            # one module per encoding, found by its name).
            found = len(common) >= 3 and all(
                written_alike(mine[n], theirs[n]) and not different_objects(self.project, a, b, set(mine[n].refs) - common)
                for n in common
            )
            self._copied_families[key] = found
        return found

    def _first_party_base(self, d: Definition, written: str) -> bool:
        """The dotted base ``written`` in ``d``'s module names a first-party module's class
        (vumi's ``default.SubmitConfig``), or is not known to name a library's."""
        path = self.project.bound_path(d[0].module or "", written)
        return path is None or self.project.is_first_party(path.partition(".")[0])

    def _namesake_of(self, d: Definition) -> frozenset[tuple[str, ...]]:
        """Its first-party ancestors of its own name, as ``("base", module, line)``, and its
        dotted bases of its own name as written, as ``("written", base)``."""
        key = (d[0].path, d[1].line)
        found = self._namesake_keys.get(key)
        if found is None:
            name = d[1].name
            first_party, _ = self.project.ancestors(d[0].module or "", d[1])
            found = frozenset(
                [("base", r.module, str(r.record.line)) for r in first_party if r.record.name == name]
                + [("written", base) for base in d[1].bases if "." in base and base.rpartition(".")[2] == name]
            )
            self._namesake_keys[key] = found
        return found

    def _shared_across_parts(self, a: Definition, b: Definition) -> bool:
        """Two parallel parts' classes written word for word alike, with members, one of
        them imported by name from another part of the layout (not by a script, nor by a
        package above the parts that gathers them): no longer each part's own, but an API
        other parts use, declared twice (a4-meinberlin's ``PermissionInfoMixin`` in
        ``apps/ideas/api.py`` and ``apps/topicprio/api.py``, each imported by other apps'
        views). A class many parts define alike is each part's own (each service's
        ``ValidationException``), unless it carries behaviour of its own (``_BEHAVIOUR``
        methods or more, dunders aside: FunASR's 89-line ``MultiHeadedAttention`` pasted from
        the ``transformer`` model's ``attention.py`` into ``sanm``'s, which builds on it)."""
        if not written_alike(a[1], b[1]) or not a[1].members:
            return False
        where = differing_folder(a[0].path, b[0].path)
        if where is None:
            return False
        for d in (a, b):
            mine = d[0].path.split("/")
            for importer in self.importers.get((d[0].module or "", d[1].name), ()):
                f = self.project.modules.get(importer)
                if f is None or f.is_test:
                    continue
                theirs = f.path.split("/")
                # Another part of the same layout: not a script, nor a package above the
                # parts that gathers every part's classes.
                if len(theirs) > where + 1 and theirs[:where] == mine[:where] and theirs[where] != mine[where]:
                    return True
        if self.parallel.defining(a[0].path, where, a[1].name) >= LAYOUT and len(_own_methods(a[1])) < _BEHAVIOUR:
            return False  # many parts define it (each service's ValidationException): each its own
        return self._parts_depend(a[0].path, b[0].path, where)

    def _parts_depend(self, one: str, other: str, where: int) -> bool:
        """One of two parts imports the other's modules (at run time, outside tests): a
        part built on the other, not kept apart from it (aries' ``revocation_anoncreds/``
        importing ``revocation/``'s errors and models, and repeating word for word schemas
        of ``revocation/routes.py`` in its own ``routes.py``). Asked of a pair of parts
        only: a class many parts of the layout define is each part's own, whether or not
        the parts use one another."""
        folders = ["/".join(path.split("/")[: where + 1]) + "/" for path in (one, other)]
        key = tuple(sorted(folders))
        known = self._dependent_parts.get(key)
        if known is None:
            known = self._dependent_parts[key] = self._imports_part(folders[0], folders[1]) or self._imports_part(
                folders[1], folders[0]
            )
        return known

    def _imports_part(self, importer: str, imported: str) -> bool:
        """Whether a production module under the folder ``importer`` imports, at run time,
        a module under the folder ``imported``."""
        modules = self.project.modules
        for f in self.project.files:
            if not f.path.startswith(importer) or f.is_test or f.module is None:
                continue
            for target, imports in self.project.import_edges.get(f.module, {}).items():
                g = modules.get(target)
                if g is not None and g.path.startswith(imported) and any(i.runtime for i in imports):
                    return True
        return False

    def _standalone(self, f: SourceFile) -> bool:
        """A program run on its own: a file in a folder that is no package, that no
        first-party module imports, and that runs something when it runs (a ``__main__``
        block, a Python shebang, or a call at its own level: pursuedpybear's
        ``viztests/soundonly.py`` ends ``ppb.run(starting_scene=Scene)``, and
        ``viztests/__main__.py`` runs each such file by path). Two of them never share a
        process (see :func:`_programs_own` for the classes that are each program's own)."""
        folder = f.path.rpartition("/")[0]
        return (
            folder not in self.project.package_folders
            and not self.project.importers.get(f.module or "")
            and (is_script(f) or f.summary.top_level_calls)
        )

    def _among_programs(self, f: SourceFile) -> bool:
        """A program (:func:`is_script`: a ``__main__`` block or a Python shebang) that no
        module imports but other programs and tests (opentrons' hardware scripts, each with
        its own ``InvalidInput(Exception): pass``, one of them importing another's): what it
        defines lives in its own process, or a sibling script's."""
        if not is_script(f):
            return False
        for module in self.project.importers.get(f.module or "", ()):
            g = self.project.modules.get(module)
            if g is None or not (is_script(g) or g.is_test):
                return False
        return True

    def _rebased(self, a: Definition, b: Definition, bases: frozenset[str]) -> bool:
        """Two record classes on two bases of one library module that declare mostly the same
        typed fields: one copied and moved onto a sibling base of that library (snapcraft's
        ``meta/manifest.py`` ``Manifest(CraftBaseModel)`` and ``models/manifest.py``
        ``Manifest(BaseMetadata)``, both from ``craft_application.models``, with the same 18
        fields, one since retyped). Five typed fields at least, and most of the smaller
        class's, with the same annotation in both."""
        modules = {name.rpartition(".")[0] for name in bases}
        if len(modules) != 1 or any(name.startswith("?") for name in bases):
            return False
        (module,) = modules
        if not module or self.project.is_first_party(module.partition(".")[0]):
            return False
        mine, theirs = set(a[1].annotated), set(b[1].annotated)
        same = len(mine & theirs)
        return same >= 5 and 5 * same >= 4 * min(len(mine), len(theirs))

    def _tuned_apart(self, a: Definition, b: Definition) -> bool:
        """Two subclasses of one library class that only set what it reads (plain class
        attributes with literal values: no method, no annotated field), and set some of
        the same ones apart: researchhub's two views' ``CursorSetPagination(CursorPagination)``,
        ``page_size = 10`` for one and ``20`` (with its own ``ordering``) for the other. Each
        view's own set-up of the library's class; importing one for the other changes what
        a view serves. The same values are one setting twice (:func:`_same_settings`); a
        class of fields (a dataclass, a model) with other defaults is a copy that drifted."""
        ca, cb = a[1], b[1]
        if ca.bases != cb.bases or not ca.bases or ca.annotated or cb.annotated:
            return False
        mine, theirs = _settings_only(ca), _settings_only(cb)
        if mine is None or theirs is None:
            return False
        if any(isinstance(self.project.resolve(a[0].module or "", base), ClassRef) for base in ca.bases):
            return False  # the project's own base: its settings are the project's to share
        return any(mine[field] != theirs[field] for field in mine.keys() & theirs.keys())

    @staticmethod
    def same_api(a: Definition, b: Definition) -> bool:
        """One class twice, however its bodies were edited: a class of many methods on no
        base (:data:`_MANY_METHODS`), all of one's members among the other's, with more than a
        quarter of its statements still written alike (EvalAI's API client
        `EvalAI_Interface`: 14 methods, 7 as they were). Classes that only share an API,
        each body its own, are not: backends implementing one interface (GridCal's
        `LpModel` for pulp and OR-Tools), a module mirroring another's API on purpose (the
        standard library's `multiprocessing.synchronize.Event` after `threading.Event`),
        per-platform implementations (`popen_fork.Popen`, `popen_spawn_win32.Popen`)."""
        ca, cb = a[1], b[1]
        if len(_method_names(ca) & _method_names(cb)) < _MANY_METHODS or _extends(ca) or _extends(cb):
            return False
        if not (set(ca.members) <= set(cb.members) or set(cb.members) <= set(ca.members)):
            return False
        return 4 * len(set(ca.shapes) & set(cb.shapes)) > min(len(ca.shapes), len(cb.shapes))

    def _bound_apart(self, a: Definition, b: Definition) -> bool:
        """Both extend the same first-party base, and each also extends a library's class the
        other does not (volttron's ``vip.Socket(_Socket, zmq.Socket)`` and
        ``vip.green.Socket(_Socket, zmq.green.Socket)``): the shared code is already one
        class, and each binds it to its own library (threads or gevent, Qt or Gtk). One
        cannot stand for the other: what it is made of differs."""
        ra, rb = self.role(a), self.role(b)
        shared = ra & rb
        mine, theirs = ra - rb, rb - ra
        if not shared or not mine or not theirs or not any(self._first_party_class(n) for n in shared):
            return False
        return not any(n.startswith("?") or self._first_party_class(n) for n in mine | theirs)

    def _first_party_class(self, qualname: str) -> bool:
        return self.project.is_first_party(qualname.partition(".")[0])

    def _portable(self, a: Definition, b: Definition) -> bool:
        """Both extend the same first-party classes, or nothing (``object``): one class could
        live in a module every backend imports. One built on a library's class (ginga's
        ``TopLevel(Gtk.Window)``, where each backend's module requires its own Gtk version
        first), or on its own backend's base (``GingaViewerWidget(Widgets.WidgetBase)``,
        ``Widgets`` each backend's module), is its backend's, whatever its text."""

        def bases(d: Definition) -> list[str] | None:
            found = []
            for base in d[1].bases:
                if base in ("object", "builtins.object"):
                    continue
                target = self.project.resolve(d[0].module or "", base)
                if not isinstance(target, ClassRef):
                    return None
                found.append(target.qualname)
            return found

        mine = bases(a)
        return mine is not None and mine == bases(b)

    def per_entity_tables(self, a: Definition, b: Definition) -> bool:
        """Two tables of constants (class-level constants and nothing else) of one name in
        two modules of one folder named as one family (``target_<chip>.py``: a word and an
        underscore before each entity's name), where :data:`LAYOUT` or more modules of the
        family define such a table of that name, with values that differ between them, and
        neither is imported by name: one module per entity, each with its own table (pyOCD's
        ``target/builtin/target_<chip>.py``, each chip's ``DBGMCU`` register addresses).
        Two tables of the family that read alike are one table twice, and tables of one
        family that all read alike a copy pasted around: both compared as usual."""
        folder = a[0].path.rpartition("/")[0]
        if folder != b[0].path.rpartition("/")[0] or not (constants_table(a[1]) and constants_table(b[1])):
            return False
        if a[1].body == b[1].body:
            return False  # the same values: one table twice, as reflex's same-styled components (round 14)
        if self.imported(a) or self.imported(b):
            return False
        prefix = _entity_prefix(a[0].path)
        if not prefix or prefix != _entity_prefix(b[0].path):
            return False
        key = (folder, prefix, a[1].name)
        varied = self._entity_tables.get(key)
        if varied is None:
            family = [
                d for d in self._all_groups.get(a[1].name, ())
                if d[0].path.rpartition("/")[0] == folder and constants_table(d[1]) and _entity_prefix(d[0].path) == prefix
            ]
            varied = self._entity_tables[key] = len({d[0].path for d in family}) >= LAYOUT and len({d[1].body for d in family}) > 1
        return varied

    def plugins(self, a: Definition, b: Definition, unimported: Counter[str]) -> bool:
        """A plugin convention: many (three or more) same-named classes extending one base,
        none imported by name, each found by its module path (management commands,
        database backends, codecs). Not two such classes with methods of their own (an
        ``__init__`` that does something counts: litex's ``OBI2Wishbone`` bridge, built in
        its ``__init__`` as Migen modules are, in three CPU wrappers), written
        word for word alike, that each module reads by name itself (agno's tools each with
        the same ``CustomJSONEncoder(json.JSONEncoder)`` and its ``default``, passed to
        ``json.dumps``): one helper pasted into each module, compared as any classes.
        Classes of their own text that each module uses (each LangChain tool's
        ``InputArgs`` with its own descriptions), and settings alone (each Zigbee quirk's
        ``CustomPowerConfigurationCluster`` with its device's battery volts, alike in many
        devices), stay each module's own. Classes that extend nothing follow one too when they
        are sibling modules of one package and nothing in them but their shared dunders
        (``__slots__``, ``__init__``) is written alike, or they give their shared fields
        values of their own (Ansible's ``ModuleDocFragment`` per file, each with its own
        documentation), or their code, alike, reads data each module assigns itself with
        a value of its own (each waste collection source's ``Source``, building its client
        from its own module's ``_CONFIG``)."""
        if self.imported(a) or self.imported(b):
            return False
        ra, rb = self.role(a), self.role(b)
        # A data declaration's construct (`NamedTuple`, `TypedDict`) is no framework that
        # finds its subclasses: three copies of one tuple type are copies (hummingbot's
        # `OrdersProposal` in three strategies' `data_types.py`).
        if any(unimported[base] >= 3 for base in ra & rb if last_part(base) not in _DECLARATION_BASES):
            if (
                a[1].read_in_module and b[1].read_in_module and (written_alike(a[1], b[1]) or _drifted_copy(a[1], b[1]))
                and _method_names(a[1]) and a[1].shapes
            ):
                return False  # one helper pasted into modules that each use it (`cls=CustomJSONEncoder`): no plugins
            # Each plugin its own implementation. But programs (a `__main__` block: run, not
            # loaded; a shebang alone is a plugin's too, CrackMapExec's protocol modules),
            # each with a class written word for word as the other's (nnpdf's
            # `hera_commondata` in five per-dataset `filter.py` scripts), keep one class
            # copied: a class copied verbatim between scripts is reported, as below.
            return not (written_alike(a[1], b[1]) and a[0].summary.main_guard and b[0].summary.main_guard)
        # Boilerplate each instance of the convention carries (`__slots__`, an `__init__`
        # that stores what it is given) may read alike; what each does may not: no more
        # statements written alike than the two share dunder members (zaqar's Falcon
        # `Resource` per route module, each mounted as `ping.Resource(...)`).
        same = len(set(a[1].shapes) & set(b[1].shapes))
        dunders = sum(1 for m in set(a[1].members) & set(b[1].members) if _is_dunder(m) and m != "__doc__")
        if not ra and not rb and unimported[_NO_BASE_NAME] >= 3 and _namespaces_apart(a[1], b[1]):
            # Each module's own namespace of constants, read only there (zato's 66
            # ``ModuleCtx``, in modules of every package): one convention, not one concept.
            return True
        return (
            not ra and not rb and a[0].package == b[0].package
            and self._bare_in_package(a) >= 3
            and (
                (same <= dunders and a[1].body != b[1].body) or _own_values(a[1], b[1])
                or bool(reads_own_data(self.project, a, b))
            )
        )

    def _bare_in_package(self, a: Definition) -> int:
        """How many classes of ``a``'s name on no base, none imported by name, its own
        package holds: a convention of sibling modules is counted among the siblings, so
        an unrelated namesake elsewhere (a script's ``InventoryReport``) does not make two
        copies in one package look like three plugins."""
        key = (a[1].name, a[0].package or "")
        found = self._bare_counts.get(key)
        if found is None:  # once per name and package, not once per pair of a large group
            found = self._bare_counts[key] = sum(
                1 for d in self._groups.get(a[1].name, ())
                if d[0].package == a[0].package and not self.role(d) and not self.imported(d)
            )
        return found

    def own_members(self, a: Definition, b: Definition) -> tuple[frozenset[str], frozenset[str]]:
        """Members of each, without those a shared first-party ancestor defines
        (overriding a base's method is polymorphism, not copying)."""
        project = self.project
        ancestors_a = {(r.module, r.record.line): r.record for r in project.ancestors(a[0].module or "", a[1])[0]}
        ancestors_b = project.ancestors(b[0].module or "", b[1])[0]
        inherited = {m for r in ancestors_b if (r.module, r.record.line) in ancestors_a for m in r.record.members}
        return frozenset(a[1].members) - inherited, frozenset(b[1].members) - inherited

    def shared_bases(self, d: Definition, own: bool = False) -> list[Definition]:
        """Its direct bases that say what it is (those in its role) and are first-party
        classes of other modules, as definitions. A base defined in the class's own module
        makes the two a family of that module's own (an example script's declarative
        ``Base``, a dialect's ``OnConflictClause``), not something shared to compare;
        ``own``: those bases instead (see :meth:`same_role`)."""
        project = self.project
        role = self.role(d)
        found: list[Definition] = []
        for base in d[1].bases:
            target = project.resolve(d[0].module or "", base)
            if isinstance(target, ClassRef) and target.qualname in role and (target.module == d[0].module) == own:
                f = project.modules.get(target.module)
                if f is not None:
                    found.append((f, target.record))
        return found

    def twins(self, x: Definition, y: Definition, depth: int) -> bool:
        """Two first-party base classes that are one thing defined twice: the same name in
        two modules, in the same role, with all of one's members among the other's (a
        copy, or a copy then extended), or themselves copies that drifted (most members
        shared and most written alike: plane's two ``BaseSerializer``). An interface copied
        into a second module counts (what matters for the classes built on them is that
        they extend the same thing); two empty bases do not: an empty root per package
        (``class Base(DeclarativeBase): pass``) is each package's own registry. Nor do two
        bases that each have members the other lacks, written apart: each tree's own base (Prefect's
        server ``PrefectBaseModel`` with ``model_dump_for_orm``, the client's with
        ``model_validate_list``), so the classes built on each mirror a schema, and
        importing one for the other would change what it inherits."""
        if x[1].name != y[1].name or x[0] is y[0] or depth > 3:
            return False
        if not self.same_role(x, y, depth + 1):
            return False
        mx, my = frozenset(x[1].members), frozenset(y[1].members)
        # A base copied and then extended keeps all of the original's members.
        return len(mx & my) >= 2 and (mx <= my or my <= mx) or (_similar(mx, my, False) and _copied(x[1], y[1], mx & my))

    def generic_apart(self, a: Definition, b: Definition) -> bool:
        """One is generic (``CheckpointPayload(TypedDict, Generic[StateT])``) and its package
        builds on the plain one's (imports from it, never the other way): the plain one is
        that package's wire projection (a client SDK's JSON shape), which the generic type
        cannot import in its place (its users subscript it), and which cannot import the
        generic one against the dependencies. Otherwise a plain copy of a generic class is a
        copy, told to import the generic one (see :meth:`Chooser.plain_of_generic`)."""
        first, second = is_generic(a[1]), is_generic(b[1])
        if first == second:
            return False
        generic, plain = (a, b) if first else (b, a)
        pair = sides(generic[0].module or "", plain[0].module or "")
        depends = self.project.package_dependencies
        return pair is not None and pair in depends and (pair[1], pair[0]) not in depends

    def views_of_shared_base(self, a: Definition, b: Definition) -> bool:
        """Two data declarations (fields, no methods) with different fields, in two
        top-level packages, each extending one first-party base class of a third top-level
        package (each service's ``Config(BaseConfig)`` on the shared library's base,
        declaring the sections that service reads): each package's own view of what the
        shared base describes, by design. Making them one would give every package the
        others' fields (and their types' modules). The same fields on such a base are a
        copy; so are two declarations of one top-level package, or on a third-party or
        their own package's base (a payload copied into a client package and extended)."""
        ca, cb = a[1], b[1]
        top_a, top_b = top_package(a), top_package(b)
        if top_a == top_b or _method_names(ca) or _method_names(cb) or set(ca.fields) == set(cb.fields):
            return False
        theirs = {(f.module, c.line) for f, c in self.shared_bases(b)}
        return any(
            (f.module, c.line) in theirs and top_package((f, c)) not in (top_a, top_b) for f, c in self.shared_bases(a)
        )

    def local_refs(self, a: Definition, b: Definition) -> bool:
        """Either class mentions a name its own module defines (a class, a function, an
        assignment) rather than imports, unless the other module defines that name with
        the same text too (a module copied whole: its ``MapRegexFilter(ExtendedRegexFilter)``
        beside the copied ``ExtendedRegexFilter``), or the module binds the name only
        inside functions (a method's ``import regex``: the same text imports the same)."""
        for (f, c), (g, _) in ((a, b), (b, a)):
            bindings = self.project.bindings(f.module or "")
            for name in c.refs:
                binding = bindings.get(name)
                if binding is None:
                    if not _imported_in_functions_only(f, name):
                        return True
                elif binding.kind in ("class", "def") and not same_text_in_both(f, g, name):
                    return True
        return False

    def _spelled_apart(self, one: SourceFile, other: SourceFile) -> bool:
        """The two modules name their classes' fields in two conventions: one in camelCase
        (several such fields, no snake_case one), the other in snake_case (no camelCase
        field) (blueking-paas' ``crd/bk_app.py``, the pydantic schema
        of a Kubernetes resource with ``httpHeaders`` and ``envName``, beside the stored
        model's ``entities/`` with ``http_headers`` and ``env_name``; ``manifest.py``
        converts one into the other): a wire format's mirror of the model, each
        representation its own, even where a class's fields happen to read alike."""
        (camel_a, snake_a), (camel_b, snake_b) = self._spellings(one), self._spellings(other)
        return (camel_a >= _CONVENTION_FIELDS and not snake_a and snake_b and not camel_b) or (
            camel_b >= _CONVENTION_FIELDS and not snake_b and snake_a and not camel_a
        )

    def _spellings(self, f: SourceFile) -> tuple[int, int]:
        """:func:`_field_spellings`, once per module (asked for every pair compared)."""
        found = self._field_spellings.get(f.path)
        if found is None:
            found = self._field_spellings[f.path] = _field_spellings(f)
        return found

    def own_helpers_apart(self, a: Definition, b: Definition) -> bool:
        """Both name a class of one name that each module defines itself, and those two
        classes are no copies of each other: Django's ``KeyTransformFactory``, the same text
        in ``fields/json.py`` and ``postgres/fields/hstore.py``, builds each module's own
        ``KeyTransform``, and those are two different transforms. The class is a template
        written out once per module; importing one into the other module would make it
        build the other module's object. Helpers that share half the members of the
        smaller or more (dunders aside) are a module copied whole, then drifted or grown
        (OpenPype's two ``WebServerManager``s, each over its ``WebServerThread``, seven of
        whose eight methods the other has): the classes are copies then. Only one level is
        compared: a helper's own helpers are not. A helper that is its own backend's template
        (:func:`different_collaborators`) makes the class one too, however alike the helpers'
        members."""
        if self._in_helpers:
            return False
        (fa, ca), (fb, cb) = a, b
        if fa.module is None or fb.module is None:
            return False
        if self._fields_nest_apart(a, b):
            return True
        apart = False
        for name in sorted(set(ca.refs) & set(cb.refs) - {ca.name}):
            here, there = self.project.resolve(fa.module, name), self.project.resolve(fb.module, name)
            if not (isinstance(here, ClassRef) and isinstance(there, ClassRef)):
                continue
            if here.module != fa.module or there.module != fb.module or here.record is there.record:
                continue  # imported on one side at least: compared as what each imports
            ha, hb = (fa, here.record), (fb, there.record)
            if ha[1].registered and hb[1].registered and ha[1].registered != hb[1].registered:
                # Two operations registered under their own names (xDSL's `arm_func.func`
                # and `func.func`): each module's own, however alike their members.
                apart = True
                continue
            group = self._all_groups.get(name) or [ha, hb]
            self._in_helpers = True
            try:
                if self(ha, hb, self.unimported(group)):
                    return False  # a helper copied along: the module was copied
            finally:
                self._in_helpers = False
            if different_collaborators(self.project, ha, hb):
                # Each helper is its own backend's template (each Ansible facts module's
                # `FactsBase` runs its own platform's `run_commands`): so is what is built on it.
                apart = True
                continue
            mine = {m for m in ha[1].members if not _is_dunder(m)}
            theirs = {m for m in hb[1].members if not _is_dunder(m)}
            if 2 * len(mine & theirs) >= min(len(mine), len(theirs)):
                return False  # a helper copied along, then drifted or grown: the module was copied
            apart = True
        return apart

    def _fields_nest_apart(self, a: Definition, b: Definition) -> bool:
        """A field both build from a class of one name that each module defines itself,
        and those two nest each their own module's classes (:func:`nests_apart`: each
        vendor's ``Session`` with its own ``voice: AzureVoice``): each class carries its own
        module's representation (ten-framework's four ``SessionCreated``, one per vendor's
        protocol), whatever else the modules share."""
        (fa, ca), (fb, cb) = a, b
        built = {name for _, names in ca.nested for name in names} & {name for _, names in cb.nested for name in names}
        for name in sorted(built - {ca.name}):
            here, there = self.project.resolve(fa.module or "", name), self.project.resolve(fb.module or "", name)
            if (
                isinstance(here, ClassRef) and isinstance(there, ClassRef) and here.record is not there.record
                and here.module == fa.module and there.module == fb.module and nests_apart((fa, here.record), (fb, there.record))
            ):
                return True
        return False

    def own_metaclass(self, d: Definition) -> bool:
        """Its ``metaclass=`` is a class its own module defines (each cloud provider's
        ``class TypeInfo(metaclass=TypeMeta)`` under that module's ``TypeMeta``): like a
        base defined in its own module (:meth:`shared_bases`), it makes the class one of
        that module's own family, not something two modules share."""
        f, c = d
        if c.metaclass is None or f.module is None:
            return False
        target = self.project.resolve(f.module, c.metaclass)
        return isinstance(target, ClassRef) and target.module == f.module

    def same_role(self, a: Definition, b: Definition, depth: int = 0) -> bool:
        """They extend the same thing (or neither extends anything): one direct base in
        common, or a first-party base of each that are twins (two copies of one base). A
        class whose metaclass its own module defines extends its module's own
        (:meth:`own_metaclass`)."""
        if self.own_metaclass(a) or self.own_metaclass(b):
            return False  # a metaclass of its own module, as a base there: each module's own family
        ra, rb = self.role(a), self.role(b)
        if not (ra or rb) or ra & rb:
            return True
        if not ra or not rb:
            return False
        if self._rebased(a, b, ra | rb):
            return True
        if any(self.twins(x, y, depth) for x in self.shared_bases(a) for y in self.shared_bases(b)):
            return True
        # Each on its own module's base, the two bases one class copied member for member
        # (pycbc's ``strain/calibration.py``, an older copy of ``strain/recalibrate.py``:
        # ``Recalibrate`` and its ``CubicSpline`` in each): the module was copied, and what
        # is built on the copied base is copied with it (a base with members written word for
        # word alike too: two `errors.py` each with `ExceptionBase` and its `DoesNotExist`;
        # an empty `ApiError(Exception)` in each of osf.io's add-ons is each one's own). Not a private base, each module's
        # helper (SQLAlchemy's per-dialect ``_FormatTypeMixin`` under each ``JSONPathType``).
        return any(
            x[1].name == y[1].name and not x[1].name.startswith("_")
            and (
                (x[1].members == y[1].members and len(x[1].members) >= 2)
                or (bool(x[1].members) and x[1].body != 0 and x[1].body == y[1].body)
            )
            and self.same_role(x, y, depth + 1)
            for x in self.shared_bases(a, own=True) for y in self.shared_bases(b, own=True)
        ) if depth < 3 else False

    def __call__(self, a: Definition, b: Definition, unimported: Counter[str]) -> bool:
        # Each test below can only say no, so the cheap one that settles whole groups goes
        # first: 1,788 Django ``Migration(migrations.Migration)`` classes are 1.6 million pairs.
        # Two classes written alike in modules that share a family of such classes, all
        # written alike (:meth:`_family_copied`): a part of a module copied, so neither each
        # module's variant of a base of their name nor a plugin convention applies.
        family = written_alike(a[1], b[1]) and self._family_copied(a[0], b[0])
        if not family and self._variants_of_namesake(a, b):
            return False  # each module's own override of one base of their name, found through its module
        if self.apart(a[0], b[0]):
            return False  # each its own by design: two listings, samples, generated or vendored files
        if (marked_from(a, b) or marked_from(b, a)) and self.apart.units_apart(a[0], b[0]):
            return False  # a unit's copy of another unit's class, said to be one: it cannot import it
        if deprecated_here(a) or deprecated_here(b):
            return False  # kept as it was until it is removed (rules/apart.py)
        if self._spelled_apart(a[0], b[0]):
            return False  # a wire schema's camelCase mirror of a snake_case model: two representations
        if generated_projection(self.project, a, b):
            return False  # a spec's generated type and the domain's own: two layers (rules/apart.py)
        if _pasted_by_generator(a, b) or _pasted_by_generator(b, a):
            return False  # a generator's own class pasted into the module it writes: its output
        if generator_hook(self.project, a) and generator_hook(self.project, b):
            return False  # each folder's base for its generated output, wired by the generator
        if _declarative_root(a[1]) and _declarative_root(b[1]):
            return False  # each its own SQLAlchemy registry and MetaData: one table collection each
        if _factory_made_apart(a[1], b[1]):
            return False  # each module's own class from a factory call: its own registry (deepmd's BaseModel)
        if _marker(a[1]) and _marker(b[1]) and self.apart.never_together(a[0], b[0]) and (
            is_exception(self.project, a) and is_exception(self.project, b)
        ):
            return False  # two services' own errors: no program loads both, so none catches the other's
        if _programs_own(a[1], b[1]) and self._standalone(a[0]) and self._standalone(b[0]):
            return False  # two programs run on their own, neither imported, each with its own class
        if _is_empty(a[1]) and _is_empty(b[1]) and self._among_programs(a[0]) and self._among_programs(b[0]):
            return False  # each program's own empty error: two programs never catch each other's
        if a[1].name in self.project.plugin_names and not written_alike(a[1], b[1]):
            return False  # a plugin protocol's name, read off each module a loader imports: one per plugin
        if (b[0].module or "") in self.project.alternatives.get(a[0].module or "", ()) and (
            not written_alike(a[1], b[1])
            or different_objects(self.project, a[0], b[0], set(a[1].refs) | set(b[1].refs))
            or (not self._portable(a, b) and (a[0].module, b[0].module) not in self.project.alternatives_loaded_together)
        ):
            # Two branches of one `if` import the two modules (a backend each, or a library's
            # versions: hamilton's polars_pre_1_0_0_extension and polars_post_1_0_0_extensions):
            # each is loaded alone, and a class whose text reads its own module's names is
            # that module's, whatever its text. Two loaded together all the same (one imports
            # the other: TACTIC's app servers, each with `AppServerException(Exception)`)
            # hold two classes of one text in one process: copies, whatever their bases.
            return False
        if self.stands_in(a, b) or self.stands_in(b, a):
            return False  # a facade's own stand-in for a module it may not find
        if copied_in_step(a, b):
            return False  # `# Copied from`: the project's copy checker keeps it in step
        if reads_namesake(self.project, a, b):
            return False  # one module converts to or from the other's class: two layers' own
        if adapts_namesake(self.project, a, b):
            return False  # one overrides or adapts the other, imported under an alias it names
        if built_side_by_side(self.project, a, b):
            return False  # a third module builds each under a name of its own: it converts one into the other
        if versioned_apart(a[0].path, b[0].path, files_by_path(self.project)) and not _version_builds_on(a[0], b[0]) and not _version_builds_on(b[0], a[0]):
            return False  # each version of an API keeps its own (``pkg/v1/``, ``sdk/v2026_10/``)
        if self.parallel(a[0], b[0], a[1].name) and not self._shared_across_parts(a, b):
            return False  # the same module of two parallel parts: each service's own exceptions
        if _command_own(a) and _command_own(b) and not self.imported(a) and not self.imported(b) and not written_alike(a[1], b[1]):
            return False  # each Django management command's own helper type: courtlistener's OptionsType
        if self.private_shapes_apart(a, b):
            return False  # each package's own TypedDict for its own annotations: openWB's per-device KwargsDict
        if self.own_plugin_classes(a, b):
            return False  # each plugin's own class on the host's interface: tracardi's per-action Config
        if each_configured(self.project, a, b):
            return False  # two settings objects, each configured at run time by its own code (rules/state_holders.py)
        if self.mirrored_slots(a, b):
            return False  # one module per entity, each imported by the view named as it: each slot its own
        if a[1].registered and b[1].registered and a[1].registered != b[1].registered:
            return False  # registered under two names (Odoo's _name, a __tablename__): two models
        if tables_apart(self.project, a, b) or bound_to_own_tables(self.project, a, b):
            return False  # two Django applications' own models (two tables), or classes bound to them
        if named_for_own_places(a, b):
            return False  # each names its own module in a value: two instances of one convention
        if bound_to_own_data(self.project, a, b):
            return False  # each bound to its own module's data (``rules = rules``): one per module
        if self.per_entity_tables(a, b):
            return False  # each module's own table of constants: one per chip, board or device
        if wired_to_own(a, b):
            return False  # each reads its own module's classes, or the files beside it
        if nests_apart(a, b):
            return False  # a field one builds from its own module's class, the other otherwise: two representations
        if built_from_other_classes(self.project, a, b):
            return False  # the same declared fields, one built from each module's own model: one pattern, two models
        if implementations_of(self.project, a, b):
            return False  # two implementations of one abstract interface, each its module's own
        if _interfaces_apart(a[1], b[1]):
            return False  # two bases leaving different methods to fill in: two families' interfaces
        if own_error_roots(self.project, a, b):
            return False  # each the root of its own module's family of errors, caught as such
        if not self.same_role(a, b):
            return False  # different roles: a model and its form or API type, per-app variants
        if self._bound_apart(a, b):
            return False  # one shared base bound to two libraries' classes: one adapter per library
        if self.views_of_shared_base(a, b):
            return False  # each package's own view on a shared library's base
        if self.generic_apart(a, b):
            return False  # a generic type built on the package of its plain projection
        if _other_tuples(a[1], b[1]):
            return False  # two tuple shapes: each is built and unpacked by position
        if not family and self.plugins(a, b, unimported):
            return False  # a plugin convention: each found by its module path
        if not self.imported(a) and not self.imported(b) and sibling_family(self.project, a, b):
            return False  # one family per driver: each sibling module implements the package's interface
        if own_registries(self.project, a, b):
            return False  # each registered by its own module's registry: one per target
        if different_collaborators(self.project, a, b):
            return False  # one template per backend: each uses its own module's helpers
        if self.own_helpers_apart(a, b):
            return False  # one template per module, over each module's own and different class
        if typed_per_backend(self.project, a, b):
            return False  # one shape typed per backend: each field typed by its own module's imports
        if own_libraries(self.project, a, b):
            return False  # each bound to a library of its own: one adapter per library (aiokafka, confluent_kafka)
        if own_command_lines(self.project, a, b):
            return False  # each built from its own program's options: `latency = args.l1latency`
        if _own_bases(self.project, a, b):
            return False  # each extends its own module's base object: one class per registry
        empty = _is_empty(a[1]) and _is_empty(b[1])
        # The same text (bases and members, comments and docstring aside) is a copy even
        # when every member overrides the shared base's (two
        # ``TagUpdateFailedError(UpdateFailedError)`` with one ``message``); unless it
        # names something each module defines itself (``_default_class =
        # ProxiedEmbedAPIBase``, one per API version): then each wires its own.
        same_text = not empty and written_alike(a[1], b[1]) and not self.local_refs(a, b)
        if not same_text and platform_sides(a[0].module or "", b[0].module or "") is not None:
            # One implementation per platform, chosen at run time (mercurial's ``posix.py``
            # and ``windows.py`` each with its own ``cachestat``, ``util.py`` binding
            # ``cachestat = platform.cachestat``): they differ because the platforms do.
            return False
        if not same_text and _translated(a, b):
            return False  # each language's own version (``ca_instructions`` beside ``instructions``)
        if not same_text and _worked_example(a, b):
            return False  # a documentation example implementing the interface its own way
        if not same_text and _tagged_apart(a[1], b[1]):
            return False  # two types of a discriminated union: each its own tag (two protocol versions' messages)
        if empty:
            # Used as an API (imported by name elsewhere), not a standalone script's own.
            copies = (
                (self.shared_api(a, b) or self._imports_other(a, b)) and _empty_copies(a, b, self.role(a))
                and self.composed_alike(a, b)
            )
        elif not same_text and self.named_through_module(a, b):
            copies = False  # each module's own State, Resource or Error: action_plan.State
        elif same_text:
            copies = True
        else:
            fa, fb = self.own_members(a, b)
            ma = frozenset(m for m in fa if not _is_dunder(m) and m not in _FRAMEWORK_OPTIONS)
            mb = frozenset(m for m in fb if not _is_dunder(m) and m not in _FRAMEWORK_OPTIONS)
            if not ma and not mb and not fa and not fb and (
                _overrides_copied(a[1], b[1])
                or (_same_settings(a[1], b[1]) and not _holds_classes(*a) and not _holds_classes(*b))
            ):
                return not is_ancestor(self.project, a, b) and not is_ancestor(self.project, b, a)
            if not ma and not mb:  # nothing but dunders: compare those
                ma, mb = fa, fb
            data_only = not _method_names(a[1]) and not _method_names(b[1])
            # Namesakes share few members; implementations of one interface share method
            # names but not their bodies.
            copies = _similar(ma, mb, data_only) and (
                _copied(a[1], b[1], ma & mb) or self.same_api(a, b) or _same_doc(a[1], b[1])
            )
            if copies and _constructors_apart(a[1], b[1]):
                # Each built from its own data: a code generator's models (every model of
                # alexa-apis-for-python's SDK with the same `to_dict`, `to_str` and
                # `attribute_map` members, `lwa.Error(error_description, error)` beside
                # `audioplayer.Error(message, type)`): two records, one template.
                copies = False
            if copies and data_only and _own_settings(ma, mb):
                copies = False  # each program's settings, a few of them named by convention
            if copies and data_only and self._tuned_apart(a, b):
                copies = False  # one library class set up twice, its settings set apart
            if copies and len(ma & mb) == 1 and not (fa <= fb or fb <= fa):
                # One name in common, and each has members the other lacks (search's
                # ``Tag(tag_name)`` with its own ``__init__`` and ``__str__``, the common
                # ``Tag(tag_type, tag_name)``): namesakes. A copy then extended keeps all
                # of the original's (``Defaults(timeout)``, ``Defaults(timeout, retries)``).
                copies = False
        project = self.project
        # A subclass of its namesake specialises it.
        return copies and not is_ancestor(project, a, b) and not is_ancestor(project, b, a)


def _same_doc(a: ClassRecord, b: ClassRecord) -> bool:
    """The two say the same thing of themselves, word for word (a docstring of five words
    or more, ``ClassRecord.doc``): one was copied from the other, and its methods drifted
    since (portage's ``sync/controller.py`` and ``emaint/main.py`` ``TaskHandler``, "Handles
    the running of the tasks it is given", each ``run_tasks`` changed a little), when the
    methods both define (their constructors aside) take the same parameters. A class ported
    to another interface keeps its docstring too: an abstract ``evaluate(already_waited,
    params)`` against ``evaluate(processes, already_waited, extra_params)`` (blueking-paas'
    two pollers' ``AbortPolicy``), a JAX buffer's static ``append(state, element, rng)``
    against a NumPy one's ``append(self, element)`` (open_spiel's ``ReservoirBuffer``)."""
    if a.doc == 0 or a.doc != b.doc:
        return False
    mine, theirs = dict(a.parameters), dict(b.parameters)
    shared = (mine.keys() & theirs.keys()) - {"__init__"}
    return bool(shared) and all(mine[m] == theirs[m] for m in shared)


def _entity_prefix(path: str) -> str:
    """The word before the first underscore of a module's name, with it (``target_`` of
    ``target_STM32F412xx.py``), when a name follows; "" otherwise."""
    stem = path.rpartition("/")[2].partition(".")[0]
    head, sep, rest = stem.partition("_")
    return f"{head}_" if head and sep and rest else ""


def _marker(c: ClassRecord) -> bool:
    """A class that says nothing but its name and bases, or an ``__init__`` besides (an
    exception that takes its message): no behaviour of its own to drift."""
    return set(c.members) <= {"__init__"}


def _own_settings(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two settings classes (only upper-case class attributes: a Flask ``Config``) that
    share fewer than half of their names, neither a part of the other: each program's own
    settings, some named alike by convention (amundsen's search and metadata services,
    each with ``LOG_LEVEL``, ``LOG_FORMAT`` and ``SWAGGER_ENABLED`` beside its own
    dozens). A copy keeps most of them; a projection keeps a part of the other's."""
    if not a or not b or not all(name.isupper() for name in a | b):
        return False
    return not (a <= b or b <= a) and 2 * len(a & b) < len(a | b)


def _worked_example(a: Definition, b: Definition) -> bool:
    """One of the two lies in the documentation and is another implementation of the same
    methods: what they write alike is no more than their class-level settings (pillow's
    ``docs/example/DdsImagePlugin.py``, the handbook's example of a decoder plugin, with
    ``format = "DDS"`` as the product's plugin has it, its methods its own). An example
    that copies the product's methods is a copy."""
    if is_documentation(a[0].path) == is_documentation(b[0].path):
        return False
    if not _method_names(a[1]) & _method_names(b[1]):
        return False
    same = len(set(a[1].shapes) & set(b[1].shapes))
    return same <= len(set(a[1].fields) & set(b[1].fields))


def _own_bases(project: Project, a: Definition, b: Definition) -> bool:
    """Both extend a base of one name that each module binds itself, by an assignment
    (mlrun's ``Base = declarative_base()`` in ``models/sqlite.py`` and in
    ``models/mysql.py``, each table class extending its own module's ``Base``): two
    objects, so two classes, each registered with its own module's base (two databases'
    metadata), however alike. A base each module imports, or aliases, is one object."""
    own_a, own_b = _assigned_bases(project, a), _assigned_bases(project, b)
    return bool(own_a & own_b)


def _assigned_bases(project: Project, d: Definition) -> frozenset[str]:
    """The bare base names of ``d`` that its module binds by a plain assignment (neither
    an import, an alias of another name, a class nor a function)."""
    module = d[0].module
    if module is None:
        return frozenset()
    summary = d[0].summary
    bindings = project.bindings(module)
    return frozenset(
        base for base in d[1].bases
        if "." not in base and base in summary.assigned and base not in summary.functions
        and (binding := bindings.get(base)) is not None and binding.kind == "def"  # an assignment binds as "def"
    )


def _within(module: str, package: str) -> bool:
    """``module`` is ``package`` or inside it (every module is inside the root, ``""``)."""
    return not package or module == package or module.startswith(package + ".")


def _is_empty(c: ClassRecord) -> bool:
    """Its body is only a docstring, ``pass`` or ``...``: all it says is its name and bases."""
    return c.trivial_body and not c.members


# Words of a class name: ``CircuitBreakerOpenError`` -> Circuit, Breaker, Open, Error.


def _pasted_by_generator(source: Definition, output: Definition) -> bool:
    """``output``, in a generated module, is ``source`` as a generator that writes modules
    pastes it there with ``inspect.getsource`` (phoenix's ``compile_python_prompts.py``
    copying its ``PromptMessage`` into the ``_models.py`` it writes): the generator's class
    is where the shape is edited."""
    return source[1].name in source[0].summary.source_copied and output[0].summary.generated


def _empty_copies(a: Definition, b: Definition, role: frozenset[str]) -> bool:
    """Two empty classes (``class CircuitBreakerOpenError(Exception): pass``) in one role
    are one thing declared twice: what is raised as one is not caught as the other. Only
    when one of them is imported by name elsewhere (a shared API, not two standalone
    scripts' own ``ApplicationError``); not when they extend nothing, and not for a one-word
    name (``Error``, ``Warning``): each module's own exception, named through its module
    (``shutil.Error``, ``configparser.Error``)."""
    return bool(role) and len(NAME_WORDS.findall(a[1].name)) >= 2


def _without_overrides(project: Project, found: dict[tuple[str, str], set[str]]) -> dict[tuple[str, str], set[str]]:
    """The importers of each class, without the modules that import it only to define their
    own flavour of it, in the same place of a parallel folder (WMCore's Oracle DAOs:
    ``WMBS/Oracle/Files/Exists.py`` does ``from WMCore.WMBS.MySQL.Files.Exists import Exists
    as ExistsMySQL``, then ``class Exists(ExistsMySQL)``; the DAO factory finds each by its
    module's path). Such an import makes the same DAO for another database, not a use of
    the class by name. A module of another name that extends it (one exploit built on
    another, routersploit's ``cisco.Exploit(FTPDefault)``) does use it."""
    kept: dict[tuple[str, str], set[str]] = {}
    for (module, name), modules in found.items():
        kept[(module, name)] = {
            m for m in modules if not (_flavour_of(m, module) and _overridden_in(project, m, module, name))
        }
    return kept


def _flavour_of(importer: str, module: str) -> bool:
    """The two dotted names differ in exactly one part, not the last (``...MySQL.Files.Exists``
    and ``...Oracle.Files.Exists``)."""
    a, b = importer.split("."), module.split(".")
    return len(a) == len(b) and a[-1] == b[-1] and sum(x != y for x, y in zip(a, b)) == 1


def _overridden_in(project: Project, importer: str, module: str, name: str) -> bool:
    """``importer`` defines a top-level class ``name`` with ``module.name`` among its bases."""
    f = project.modules.get(importer)
    if f is None:
        return False
    for c in f.summary.classes:
        if c.name != name:
            continue
        for base in c.bases:
            target = project.resolve(importer, base)
            if isinstance(target, ClassRef) and target.module == module and target.record.name == name:
                return True
    return False


_CAMEL = re.compile(r"^[a-z][a-z0-9]*[A-Z]")
# camelCase fields, at least, before a module is said to be a wire schema written in it.
_CONVENTION_FIELDS = 3


def _field_spellings(f: SourceFile) -> tuple[int, int]:
    """How many fields of the module's classes are named in camelCase, and how many in
    snake_case (one-word names are neither)."""
    camel = snake = 0
    for c in f.summary.classes:
        for name in c.fields:
            bare = name.strip("_")
            if _CAMEL.match(bare):
                camel += 1
            elif "_" in bare and bare.lower() == bare:
                snake += 1
    return camel, snake


def _drifted(mine: ClassRecord, kept: ClassRecord) -> bool:
    """The same members (the docstring aside), with bodies known to differ. Not the same
    statements in another order in a class with no annotated fields (pychron's per-task
    ``SaveAction``: ``name``, ``method`` and ``image`` set in two orders): only the order of
    a dataclass's or a named tuple's fields changes what it does."""
    same = set(mine.members) - {"__doc__"} == set(kept.members) - {"__doc__"}
    if not (same and bool(mine.body) and bool(kept.body) and mine.body != kept.body):
        return False
    reordered = bool(mine.shapes) and sorted(mine.shapes) == sorted(kept.shapes) and not mine.annotated and not kept.annotated
    return not reordered


def _other_base(project: Project, mine: Definition, kept: Definition) -> str | None:
    """A base both classes write by one name that is a first-party class in each module,
    a different one in each, written otherwise (a copy of it word for word is one base
    twice: importing the subclass changes nothing it is built on): the name, else None."""
    for base in mine[1].bases:
        if base not in kept[1].bases:
            continue
        here = project.resolve(mine[0].module or "", base)
        there = project.resolve(kept[0].module or "", base)
        if (
            isinstance(here, ClassRef) and isinstance(there, ClassRef) and here.qualname != there.qualname
            and here.record.body != there.record.body
        ):
            return base
    return None


def _tagged_apart(a: ClassRecord, b: ClassRecord) -> bool:
    """Both annotate a field of one name ``Literal[...]`` and allow other values in it (the
    tag of a discriminated union: achatbot's two RTVI protocol versions' ``RTVIBotReady``,
    ``label: Literal["rtvi"]`` and ``label: Literal["rtvi-ai"]``): two message types that
    the tag tells apart on the wire, whatever else they share."""
    if not a.tags or not b.tags:
        return False
    theirs = dict(b.tags)
    return any(name in theirs and theirs[name] != digest for name, digest in a.tags)


def _spelt_otherwise(mine: ClassRecord, kept: ClassRecord) -> bool:
    """Two texts that differ, and are one text once each is in its module's one spelling
    (``ClassRecord.spelled``): the same class with a name spelt two ways."""
    return mine.body != kept.body and written_alike(mine, kept)


def _name_violations(
    project: Project,
    classes: list[Definition],
    reported: set[tuple[str, int]],
    found: dict[tuple[str, str], set[str]],
    chooser: Chooser,
) -> Iterator[Violation]:
    by_name: dict[str, list[Definition]] = defaultdict(list)
    for d in classes:
        by_name[d[1].name].append(d)
    copies = _Copies(project, _without_overrides(project, found), by_name)
    advised: list[tuple[Definition, Choice]] = []
    for name, definitions in by_name.items():
        # A private class is its module's own business: never advise importing it.
        if len(definitions) < 2 or name.startswith("_"):
            continue
        partners: dict[int, list[Definition]] = defaultdict(list)
        unimported = copies.unimported(definitions)
        for i, a in enumerate(definitions):
            for b in definitions[i + 1 :]:
                if copies(a, b, unimported):
                    partners[id(a)].append(b)
                    partners[id(b)].append(a)
        involved = chooser.ranked([d for d in definitions if partners[id(d)]])
        rank = {id(d): i for i, d in enumerate(involved)}
        for d in involved:
            f, c = d
            if (f.path, c.line) in reported or never_edited(f, project) or generated_model(c):
                continue  # a generated file is never told to change: its generator writes it again
            # Advice points only to a copy ranked before this one (so never from production
            # to tooling, never back and forth); the first of a group is kept.
            # Nor to a backup copy, nor to a file no import statement can name (`0001_initial.py`)
            # unless this one cannot be named either.
            others = [o for o in partners[id(d)] if rank[id(o)] < rank[id(d)] and chooser.may_point(d, o)]
            if others:
                advised.append((d, chooser.choose(d, others, [d, *partners[id(d)]])))
    crossing = _crossing(advised, chooser)
    for d, choice in advised:
        f, c = d
        target = choice.definition
        back = crossing.get((f.module, target[0].module))
        if back:
            advice = (
                f"keep one definition, in a module both can import: {target[0].module} is told to import "
                f"{', '.join(back)} from this module, so importing from there too would make the two import each other"
            )
            copy = Replacement(None)
        elif not importable(target[0].module or ""):
            # No import names the other copy, so whether anything imports either is not known
            # (a Makefile may install it as a library): neither "a program" nor "unused".
            advice, copy = UNNAMED_ADVICE.format(path=target[0].path), Replacement(None)
        elif two_programs(project, f, target[0]):
            # Two programs (chia's ``benchmarks/mempool.py`` and ``mempool-long-lived.py``;
            # Open-Assistant's dataset scripts, whose statements download and write files
            # when they are loaded): their shared code goes into one module both import.
            advice = PROGRAM_PAIR_ADVICE.format(path=target[0].path)
            if _unused_in_program(f, c) and _unused_in_program(*target):
                # lm-evaluation-harness' ``FunctionTag``, written into fifteen generator
                # scripts and read by none: no code to share, code to remove.
                advice = (
                    f"neither copy is used: {target[0].path} is a program of its own, as this file is, and neither "
                    f"reads the class nor is imported; delete the copies rather than share one"
                )
            copy = Replacement(None)
        else:
            plain = f"keep one definition and import it from {target[0].module}"
            advice = chooser.import_advice(d, target, plain)
            if advice != plain and (differ := member_difference(c, target[1])):
                # Moved to a module both can import, the two still have to become one
                # (agent-framework's two sandboxes' `FileMount`, one with two more fields).
                advice += f"; the two differ ({differ}): make them one class there"
            elif advice != plain and _drifted(c, target[1]) and not (c.trivial_body and target[1].trivial_body):
                # The same members written otherwise (blueking-dbm's redis `TransFileService`,
                # which retries, beside doris' copy, which raises): one cannot simply replace
                # the other there either. (Two empty bodies, a docstring or `pass`, differ in nothing.)
                advice += _RECONCILE_THERE
            advisable = project.advice and chooser.may_import(d, target)
            copy = replacement(project, d, target, chooser.reach) if advisable else Replacement(None)
            if advice.endswith(_RECONCILE_THERE) and "written differently" in (copy.why_not or ""):
                advice = advice[: -len(_RECONCILE_THERE)]  # the fix's reason says it already
            if advice == plain and choice.reason == REASON_NAMED_MODULE and partly_named_module(d):
                # A copy pasted into another module without its new name (cartography's
                # per-relationship property classes): this one may be meant for what its
                # module is named for.
                advice += (
                    f", unless this one is meant for what its module ({f.path.rpartition('/')[2]}) is named "
                    "for: then rename it after that"
                )
                copy = Replacement(None, "no fix: which of the two it is takes a reader")
            if advice == plain and own_extras(c, target[1]):
                # Importing the other as it is would drop this one's own members; merging
                # them into it would move them into a package that never imports this one's.
                then = f"import it from {target[0].module}"
                pair = chooser.builds_on(d, target) if project.advice else None
                advice = upstream_advice(c, target[1], "class", then, target[0].module or "", pair) if pair else merge_advice(c, target[1], "class", then)
                copy = Replacement(None, "no fix")
            elif advice == plain and (base := _other_base(project, d, target)):
                # Each extends its own module's class of one name, and the two are different
                # classes (TACTIC's two `AnimLoadOptionsWdg(LoadOptionsWdg)`, each on its own
                # module's `LoadOptionsWdg`): importing the other rebases this one on the other base.
                advice = (
                    f"each extends its own module's {base}, and the two are different classes, so importing it as it is "
                    f"would change what this one is built on: reconcile the two {base} classes first, then import it "
                    f"from {target[0].module}"
                )
                copy = Replacement(None, "no fix")
            elif advice == plain and "__init__" in target[1].members and "__init__" not in c.members and c.bases:
                # The kept one has a constructor of its own; this one is built by its base's
                # (mmagic's `GroupNorm32`, whose kept namesake takes `num_channels` first, where
                # `nn.GroupNorm` takes `num_groups`): importing it changes every call that builds it.
                advice = (
                    f"the other one has an __init__ of its own, where this one is built by its base's, so importing it as it "
                    f"is would change what each call that builds this one passes: reconcile the two first, then import it "
                    f"from {target[0].module}"
                )
                copy = Replacement(None, "no fix")
            elif advice == plain and _drifted(c, target[1]):
                if _spelt_otherwise(c, target[1]):
                    # One class whose copy spells a name otherwise (``uuid.UUID`` for
                    # ``UUID``, ``List[float]`` for ``list[float]``): importing it changes nothing.
                    advice = (
                        f"the two differ only in how they spell a name (a module's name before it, or "
                        f"typing's List for list), so import it from {target[0].module}"
                    )
                    copy = Replacement(None, "no fix: the names are spelt otherwise there")
                else:
                    # The same members, written otherwise: a copy that drifted. Importing the
                    # other as it is would silently change what this one does (experimenter's
                    # new UI forms, one of them without the old one's check of a transition).
                    advice = (
                        f"the two have the same members written differently, so importing it as it is would change "
                        f"what this one does: reconcile the two into one class first, then import it from {target[0].module}"
                    )
                    copy = Replacement(None, "no fix")
        yield RULE.violation(
            f.path, c.line, c.col,
            f"class {c.name} is also defined in {where(target)}, {choice.wording}; "
            + advice
            + (f" ({copy.why_not})" if copy.why_not else ""),
            key=f"name:{c.name}",
            details={"class": qualname(d), **_choice_details(choice)},
            fix=copy.fix,
        )



# A click group that completes abbreviated commands, pasted into each script that uses it.
_ALIASED_GROUP = (
    "import click\n\n\nclass AliasedGroup(click.Group):\n    def get_command(self, ctx, name):\n"
    "        found = click.Group.get_command(self, ctx, name)\n        if found is not None:\n            return found\n"
    "        matches = [c for c in self.list_commands(ctx) if c.startswith(name)]\n"
    "        return click.Group.get_command(self, ctx, matches[0]) if len(matches) == 1 else None\n\n\n"
    "@click.group(cls=AliasedGroup)\ndef main():\n    pass\n\n\nif __name__ == '__main__':\n    main()\n"
)


# A factory written out in two modules, each building its own module's class of one name
# (Django's KeyTransformFactory in fields/json.py and postgres/fields/hstore.py).
_FACTORY = (
    "class TransformFactory:\n    def __init__(self, key):\n        self.key = key\n\n"
    "    def __call__(self, *args):\n        return KeyTransform(self.key, *args)\n"
)


def _two_spellings(crd_fields: str, model_fields: str) -> dict[str, str]:
    """A resource's wire schema and its stored model, each with a `Probe` of the fields
    given and an `ExecAction` alike in both."""
    action = "class ExecAction(BaseModel):\n    command: list\n\n\n"
    return {
        "app/__init__.py": "",
        "app/crd.py": "from pydantic import BaseModel\n\n\n" + action + "class Probe(BaseModel):\n" + crd_fields,
        "app/entities.py": "from pydantic import BaseModel\n\n\n" + action + "class Probe(BaseModel):\n" + model_fields,
        "app/manifest.py": "from app import crd, entities\n\n\ndef convert(p):\n    return crd.Probe(envName=p.env_name)\n",
        "app/use.py": "from app.entities import ExecAction, Probe\n",
    }


# Each vendor's protocol module (given its `voice` field's type), with a message that
# carries its `Session`, and a table of event names copied along.
_PROTOCOL = (
    "from dataclasses import dataclass\n\n\nclass EventType:\n    CREATED = 'session.created'\n    UPDATED = 'session.updated'\n\n\n"
    "{voice_class}\n\n\n@dataclass\nclass Session:\n    model: str\n    voice: {voice} = None\n    modalities: list = None\n\n\n"
    "@dataclass\nclass SessionCreated:\n    session: Session\n    kind: str = EventType.CREATED\n    event_id: str = ''\n"
)
_AZURE_PROTOCOL = _PROTOCOL.format(voice_class="@dataclass\nclass AzureVoice:\n    name: str = 'en'\n    style: str = ''", voice="AzureVoice")
_OPENAI_PROTOCOL = _PROTOCOL.format(voice_class="@dataclass\nclass Voices:\n    alloy: str = 'alloy'\n    echo: str = 'echo'", voice="Voices")


# A project generator over a helper module its package holds (given).
_GENERATOR = (
    'class ProjectGenerator:\n    """Writes the project."""\n\n    def __init__(self, root):\n        self.root = root\n\n'
    "    def execute(self):\n        return {helpers}.run(self.root)\n\n    def prepare(self):\n        return self.root\n"
)


def _over_sibling_helpers(present: bool) -> dict[str, str]:
    """Two packages' copies of a generator, each over its package's helper module (which
    is there, or not)."""
    files = {"tools/__init__.py": "", "app/__init__.py": ""}
    for package, helpers in (("tools", "common"), ("app", "utils")):
        files[f"{package}/android.py"] = f"from {package} import {helpers}\n\n\n" + _GENERATOR.format(helpers=helpers)
        if present:
            files[f"{package}/{helpers}.py"] = "def run(c):\n    return c\n"
    return files


# A platform's facts collector over its own helper, and a class built on it.
_FACTS_BASE = (
    "class FactsBase:\n    COMMANDS = []\n\n    def __init__(self, module):\n        self.module = module\n\n"
    "    def populate(self):\n        self.responses = run_commands(self.module, self.COMMANDS)\n\n\n"
    "class Default(FactsBase):\n    COMMANDS = ['show version']\n\n    def populate(self):\n"
    "        super().populate()\n        self.version = self.responses[0]\n"
)


def _factories(json_transform: str, hstore_transform: str) -> dict[str, str]:
    """Two modules with the same factory, each over its own ``KeyTransform`` (given)."""
    return {
        "app/__init__.py": "",
        "app/json.py": json_transform + "\n\n" + _FACTORY,
        "app/hstore.py": hstore_transform + "\n\n" + _FACTORY,
        "app/use.py": "from app.json import TransformFactory\nfrom app.hstore import TransformFactory as Other\n",
    }


_JSON_TRANSFORM = (
    "class KeyTransform:\n    def __init__(self, key, *args):\n        self.key = key\n\n"
    "    def as_sql(self):\n        return f\"JSON_EXTRACT(%s, '$.{self.key}')\"\n\n"
    "    def as_postgresql(self):\n        return f\"(%s -> '{self.key}')\"\n"
)
_HSTORE_TRANSFORM = (
    "class KeyTransform:\n    output = 'text'\n\n    def __init__(self, key, *args):\n        self.key = key\n\n"
    "    def as_hstore(self):\n        return f\"(%s -> '{self.key}')\"\n"
)

# A helper a tool's module passes to json.dumps itself.
_ENCODER_TOOL = (
    "import json\n\n\nclass CustomJSONEncoder(json.JSONEncoder):\n    def default(self, obj):\n"
    "        try:\n            return super().default(obj)\n        except TypeError:\n            return str(obj)\n\n\n"
    "def run(data):\n    return json.dumps(data, cls=CustomJSONEncoder)\n"
)


_ERROR_MODEL = (
    "class Error(Exception):\n    def __init__(self, deserialize, response, *args):\n"
    "        super(Error, self).__init__(deserialize, response, 'ErrorResponse', *args)\n"
)

def _error_twice(oidc: str, rfc: str) -> dict[str, str]:
    """An error class of one name over a shared base in two packages, with the codes given."""
    return {
        "app/__init__.py": "",
        "app/base.py": "class OAuth2Error(Exception):\n    error = None\n    description = ''\n    status_code = 400\n",
        "app/oidc/__init__.py": "",
        "app/oidc/errors.py": f"from app.base import OAuth2Error\n\n\nclass InvalidRequestObjectError(OAuth2Error):\n"
        f"    \"\"\"The request parameter contains an invalid Request Object.\"\"\"\n\n    error = {oidc!r}\n",
        "app/rfc9101/__init__.py": "",
        "app/rfc9101/errors.py": f"from app.base import OAuth2Error\n\n\nclass InvalidRequestObjectError(OAuth2Error):\n"
        f"    error = {rfc!r}\n    description = 'The request parameter contains an invalid Request Object.'\n",
        "app/server.py": "from app.rfc9101.errors import InvalidRequestObjectError\nfrom app.oidc import errors\n",
    }


def _nested_serializers(call_centre: tuple[str, ...], provider: tuple[str, ...]) -> dict[str, str]:
    """Two APIs' serializer modules, each a ``DetailsSerializer`` nesting its own module's
    ``PersonalSerializer`` (with the fields given) over a shared base."""
    def module(fields: tuple[str, ...]) -> str:
        return (
            "from app.base import DetailsBase, Field\n\n\n"
            "class PersonalSerializer:\n" + "".join(f"    {f} = Field('{f}')\n" for f in fields)
            + "\n    def validate(self, data):\n        return data\n\n\n"
            "class DetailsSerializer(DetailsBase):\n    personal = PersonalSerializer(required=True)\n"
        )

    return {
        "app/__init__.py": "",
        "app/base.py": "class DetailsBase:\n    def save(self):\n        return self\n\n\nclass Field:\n    pass\n",
        "app/call_centre/__init__.py": "",
        "app/call_centre/serializers.py": module(call_centre),
        "app/provider/__init__.py": "",
        "app/provider/serializers.py": module(provider),
    }


def _version_builds_on(versioned: SourceFile, plain: SourceFile) -> bool:
    """``versioned`` lies in a version package and ``plain`` in none, and ``versioned``
    imports ``plain``'s module (streamlit's ``components/v1/custom_component.py`` importing
    ``components.types.base_custom_component``, whose ``MarshallComponentException`` it
    copies): that version builds on the shared layer, so the copy is no version's own."""
    if version_package(versioned.path) is None or version_package(plain.path) is not None or not plain.module:
        return False
    return plain.module in versioned.absolutes


def _crossing(advised: list[tuple[Definition, Choice]], chooser: Chooser) -> dict[tuple[str | None, str | None], list[str]]:
    """Two modules told to import from each other (``case.models`` to import
    ``CaseReadBasic`` from ``incident.models``, which is told to import
    ``IncidentReadBasic`` from ``case.models``): following both makes them import each
    other. One direction is kept, the one more names point to (then the module more
    imported, then the first by path); for each finding the other way,
    ``(its module, the target's module) -> the names the target module is told to
    import from it``."""
    names: dict[tuple[str | None, str | None], list[str]] = defaultdict(list)  # (importer, source) -> names
    weight: Counter[str | None] = Counter()
    for d, choice in advised:
        if chooser.import_advice(d, choice.definition, "import") != "import":
            continue  # not told to import it (an import cycle, a dependency against the design)
        names[(d[0].module, choice.definition[0].module)].append(d[1].name)
        weight[choice.definition[0].module] += chooser.count(choice.definition)
    crossing: dict[tuple[str | None, str | None], list[str]] = {}
    for (importer, source), told in names.items():
        back = names.get((source, importer))
        if not back or importer is None or source is None:
            continue
        # Keep the direction more names point to, then the more imported, then by path.
        mine, theirs = (len(told), weight[source], importer), (len(back), weight[importer], source)
        if mine < theirs:
            crossing[(importer, source)] = sorted(back)
    return crossing


def _shadow_violations(
    project: Project, shadowed: list[tuple[Definition, Definition]], reported: set[tuple[str, int]]
) -> Iterator[Violation]:
    for earlier, later in shadowed:
        f, c = later
        if (f.path, c.line) in reported or never_edited(f, project):
            continue
        if is_documentation(f.path):
            continue  # a listing that shows one class two ways, the next step after the first
        yield RULE.violation(
            f.path, c.line, c.col,
            shadow_message("class", earlier, later),
            key=f"shadow:{c.name}",
            details={"class": qualname(later), "shadowed_line": earlier[1].line},
        )


def check(project: Project) -> Iterator[Violation]:
    return _check(project, None)


def check_names(project: Project, names: Collection[str]) -> Iterator[Violation]:
    """The findings about these class names (with one a concept names, all the names it
    names: see ``duplicates_affected``)."""
    return _check(project, frozenset(names))


def _check(project: Project, only: frozenset[str] | None) -> Iterator[Violation]:
    live, shadowed = live_definitions(project, _production_classes(project, only))
    # Test tooling the other units require for their tests alone mirrors what it tests (a
    # client's copy of the server's models): no implementation of the product's concepts,
    # though a class it defines twice in one module is still reported.
    units = Units.of_model(project)
    live = [d for d in live if not units.test_support(d[0].path)]
    # Import counts matter only for names defined more than once or named by a concept.
    counts = Counter(d[1].name for d in live)
    selected = {concept: concept.select(counts) for concept in project.config.concepts}
    named = frozenset().union(*selected.values())
    found = importers(project, {n for n, k in counts.items() if k > 1 or n in named})
    chooser = Chooser(project, {key: len(modules) for key, modules in found.items()})
    reported: set[tuple[str, int]] = set()
    for concept, names in selected.items():
        for v in _concept_violations(project, concept, names, live, chooser):
            reported.add((v.path, v.line))
            yield v
    yield from _name_violations(project, live, reported, found, chooser)
    yield from _shadow_violations(project, shadowed, reported)


_NAV = (
    "from typing import NamedTuple\n\n\nclass NavPoint(NamedTuple):\n{fields}"
    "    text: str\n    refuri: str\n    children: list[NavPoint]\n"
)
_PAREN_BASE = "class ParenList:\n    def get_id(self, version):\n        raise NotImplementedError\n"
_PAREN = (
    "class ParenExprList(ParenList):\n    def __init__(self, exprs: list[{items}]):\n        self.exprs = exprs\n\n"
    "    def __eq__(self, other):\n        return isinstance(other, ParenExprList) and self.exprs == other.exprs\n\n"
    "    def __hash__(self):\n        return hash(self.exprs)\n\n"
    "    def _stringify(self, transform):\n        return '(%s)' % ', '.join(map(transform, self.exprs))\n\n"
    "    def describe(self, node):\n        for e in self.exprs:\n            e.describe(node)\n{more}"
)
_C_AST = (
    "from app.cfamily import ParenList\n\n\nclass Expr:\n    def describe(self, node):\n        node.add('c')\n\n\n"
    "class BracedInit:\n    def __init__(self, exprs):\n        self.exprs = exprs\n\n\n"
    + _PAREN.format(items="Expr", more="")
)
_CPP_AST = (
    "from app.cfamily import ParenList\n\n\nclass Expr:\n    def describe(self, node):\n        node.add('cpp')\n\n\n"
    "class BracedInit:\n    def __init__(self, exprs):\n        self.exprs = exprs\n\n"
    "    def get_id(self, version):\n        return 'il'\n\n\n"
    + _PAREN.format(
        items="Expr | BracedInit",
        more="\n    def get_id(self, version):\n        return 'pi' + ''.join(e.get_id(version) for e in self.exprs)\n",
    )
)
# A lower layer's mirror of a native struct, and the public layer's class that converts
# into it (temporalio's ``runtime.PrometheusConfig._to_bridge_config``).
_BRIDGE_CONFIG = (
    "from dataclasses import dataclass\n\n\n@dataclass\nclass PrometheusConfig:\n"
    "    bind_address: str\n    counters_total_suffix: bool\n    unit_suffix: bool\n"
)
_PUBLIC_CONFIG = (
    "import app.bridge.runtime\nfrom dataclasses import dataclass\n\n\n@dataclass\nclass PrometheusConfig:\n"
    "    bind_address: str\n    counters_total_suffix: bool\n    unit_suffix: bool\n\n"
    "    def _to_bridge_config(self):\n        return {convert}(\n"
    "            self.bind_address, self.counters_total_suffix, self.unit_suffix\n        )\n"
)
_POLICY = "class FlowPolicy(Model):\n    retries: int = 0\n    delay: int = 0\n    pause_keys: list = []\n"
_DRIFTED_BASE = (
    "class Serializer:\n    def __init__(self, fields):\n        self.fields = list(fields)\n\n"
    "    def only(self, allowed):\n        return [f for f in self.fields if f in allowed]\n\n"
    "    def render(self, obj):\n        return {f: getattr(obj, f) for f in self.fields}\n"
)
_LABEL = "class LabelLite(Serializer):\n    model = 'label'\n    fields = ['id', 'name', 'color']\n"
_MANAGER = "class {name}:\n    def send(self, event):\n        self.sent = event\n"
_MODEL = (
    "from odoo import fields, models\n\n\nclass IrModuleType(models.Model):\n"
    '    _name = "{name}"\n    _order = "sequence"\n\n    sequence = fields.Integer()\n{extra}'
)
# A connector's settings, each connector's own by the value naming it (``connector``).
_CONNECTOR = (
    "from app.core.config import ConnectorConfig\n\n\nclass ExchangeConfigMap(ConnectorConfig):\n"
    '    connector: str = "{name}"\n    api_key: str = ""\n    api_secret: str = ""\n    timeout: int = 10\n'
)
# A subcommand found by scanning its package, known by its ``name``.
_SUBCOMMAND = (
    "from app.core.lists import roster\n\n\nclass Members:\n    name = '{name}'\n"
    "    help = 'Show or change the list.'\n\n    def __call__(self, args):\n        return roster(args)\n"
)
# A document model whose options name the collection it is stored in.
_DOCUMENT = (
    "from ming import schema\nfrom ming.odm import FieldProperty, MappedClass\n\n\nclass Globals(MappedClass):\n"
    "    class __mongometa__:\n        name = '{name}'\n\n    _id = FieldProperty(schema.ObjectId)\n"
    "    app_config_id = FieldProperty(schema.ObjectId)\n    last_num = FieldProperty(int)\n"
)
# A procedure registered under the names its tuple lists (angr's ``ALT_NAMES``), and a
# data source registered under its decorator's key, each naming its own module.
_PROCEDURE = (
    "from app.core import SimProcedure\n\n\nclass throw_bad_cast(SimProcedure):\n    NO_RET = True\n"
    "    ALT_NAMES = ('std::__throw_{name}()',)\n\n    def run(self):\n        self.exit(1)\n"
)
_SOURCE = (
    "from app.core import sources\n\n\nclass ResourceQuery:\n    def filter(self, manager):\n"
    "        return [manager, '{provider}']\n\n\n@sources.register('{key}')\nclass DescribeSource:\n"
    "    def __init__(self, manager):\n        self.manager = manager\n        self.query = ResourceQuery()\n\n"
    "    def get_resources(self):\n        return self.query.filter(self.manager)\n"
)
_PROCEDURES_CORE = (
    "class SimProcedure:\n    def exit(self, code):\n        return code\n\n\nclass Registry:\n"
    "    def register(self, key):\n        return lambda cls: cls\n\n\nsources = Registry()\n"
)


def _registered(names: tuple[str, str], keys: tuple[str, str]) -> dict[str, str]:
    """Two procedures registered under ``names`` and two providers' data sources under
    ``keys``, each in its own module."""
    files = {"app/__init__.py": "", "app/core.py": _PROCEDURES_CORE, "app/procs/__init__.py": ""}
    for name in names:
        files[f"app/procs/throw_{name}.py"] = _PROCEDURE.format(name=name)
    for provider, key in zip(("kube", "openstack"), keys):
        files[f"app/{provider}/__init__.py"] = ""
        files[f"app/{provider}/query.py"] = _SOURCE.format(provider=provider, key=key)
    return files


# A resource type's schema (each cloud provider's ``TypeInfo``), on a metaclass.
_TYPE_INFO = (
    "class TypeInfo(metaclass=TypeMeta):\n    service = None\n    id = None\n    name = None\n"
    "    enum_spec = None\n    {own} = None\n"
)
_TYPE_META = "class TypeMeta(type):\n    def __repr__(cls):\n        return '<TypeInfo %s>' % cls.{own}\n\n\n"


# A filter registered by its module's own resource class (``@Cluster.filter_registry``),
# or by a registry its module assigns (``filters = Registry()``), or by a shared one.
_FILTERS_BASE = (
    "class Registry:\n    def register(self, name):\n        return lambda cls: cls\n\n\n"
    "class Filter:\n    def process(self, resources):\n        return resources\n\n\n"
    "class Manager:\n    filter_registry = None\n\n\nshared = Registry()\n"
)
_PENDING = (
    "from app.base import Filter, Manager, Registry, shared\n\nfilters = Registry()\n\n\n"
    "class {manager}(Manager):\n    filter_registry = Registry()\n\n\n@{registry}.register('pending')\n"
    "class Pending(Filter):\n    annotation_key = 'pending'\n\n    def process(self, resources):\n"
    "        return [r for r in resources if r.get('{key}')]\n"
)


def _pending(registries: tuple[str, str], keys: tuple[str, str] = ("InstanceArn", "ClusterArn")) -> dict[str, str]:
    """Two resources' ``Pending`` filters, registered by ``registries``, reading ``keys``."""
    return {
        "app/__init__.py": "",
        "app/base.py": _FILTERS_BASE,
        "app/rds.py": _PENDING.format(manager="Instance", registry=registries[0], key=keys[0]),
        "app/rdscluster.py": _PENDING.format(manager="Cluster", registry=registries[1], key=keys[1]),
    }


def _waste_sources(domains: dict[str, str]) -> dict[str, str]:
    """A folder of source plugins, each module (name -> its site's domain) with the same
    ``Source`` class building its client from the module's own ``_CONFIG``; a loader
    imports each by its path, none is imported by name."""
    files = {
        "app/__init__.py": "", "app/sources/__init__.py": "",
        "app/client.py": "class SiteConfig:\n    def __init__(self, domain):\n        self.domain = domain\n\n\n"
        "class SiteClient:\n    def __init__(self, config):\n        self.config = config\n\n"
        "    def fetch(self, address):\n        return [self.config.domain, address]\n",
    }
    for name, domain in domains.items():
        files[f"app/sources/{name}.py"] = (
            "from app.client import SiteClient, SiteConfig\n\n"
            f"TITLE = {name.title()!r}\n"
            f"_CONFIG = SiteConfig(domain={domain!r})\n\n\n"
            "class Source:\n    def __init__(self, street):\n        self._street = street\n"
            "        self._client = SiteClient(_CONFIG)\n\n"
            "    def fetch(self):\n        return self._client.fetch(self._street)\n"
        )
    return files


# A library class's subclass with settings of its own.
_TRIGGER_BUFFER = '\n\nclass TriggerMessageBuffer(MessageBuffer):\n    ordered = False\n    randomization = "disabled"\n    allow_zero_latency = True\n'


# A configuration reader whose methods bind their own names, and a demo's use of it.
_CONFIG_WRAPPER = (
    "class ConfigWrapper:\n    def __init__(self, config_path):\n        import yaml\n        with open(config_path) as f:\n"
    "            self.data = yaml.safe_load(f)\n\n    def get(self, key):\n        data = self.data\n        return data[key]\n"
)
_CONFIG_DEMO = "\n\nif __name__ == '__main__':\n    config_path = 'c.yaml'\n    data = ConfigWrapper(config_path).get('x')\n"


# An exporter whose format is named by a string.
_EXPORTER = 'class Exporter:\n    format = "json"\n\n    def dump(self, rows):\n        return [self.format, len(rows)]\n'


# A driver's reader of packed values, its base given.
_STRUCT_FILE = (
    "class StructFile({base}):\n    def read_f(self, fmt, offset=None):\n        if offset is not None:\n"
    "            self.seek(offset)\n        return struct.unpack(fmt, self.read(struct.calcsize(fmt)))\n\n\n"
    "def header(path):\n    with open(path, 'rb') as fid:\n        return StructFile(fid).read_f('<4s')\n"
)


_YEDIT = (
    "class Yedit:\n    def __init__(self, filename):\n        self.filename = filename\n\n"
    "    def get(self, key):\n        return self.load().get(key)\n\n    def load(self):\n        return {}\n"
)


def _pasted(fragment: str, module: str) -> str:
    """A module a generator assembled, with the fragment ``fragment`` pasted in a marked region."""
    return (
        f"#!/usr/bin/env python\n# -*- -*- -*- Begin included fragment: {fragment} -*- -*- -*-\n{_YEDIT}"
        f"# -*- -*- -*- End included fragment: {fragment} -*- -*- -*-\n\n\n"
        f"def main():\n    return Yedit('{module}.yml').get('a')\n"
    )


_SIGNAL_MODEL = (
    "from django.db import models\n\n\nclass Signal(models.Model):\n    module_path = models.TextField()\n"
    "    name = models.CharField(max_length=64)\n"
)

_SCRIPT_CACHE = (
    "import argparse\n\nfrom m5.objects import Cache\n\nparser = argparse.ArgumentParser()\n"
    "parser.add_argument(\"--l1latency\", default=\"{latency}\")\nargs = parser.parse_args()\n\n\n"
    "class L1(Cache):\n    latency = args.l1latency\n    mshrs = 12\n    tgts_per_mshr = 8\n\n\n"
    "def system():\n    return L1()\n"
)

_COAT_SETTINGS = (
    "class CoatSettings({base}):\n    size: {floats}(name=\"Size\", default=1.0, min=0.0)\n"
    "    depth: {ints}(name=\"Depth\", default=2)\n\n    def draw(self, layout):\n"
    "        layout.prop(self, \"size\")\n        layout.prop(self, \"depth\")\n\n\n"
    "def register():\n    bpy.utils.register_class(CoatSettings)\n"
)


# A code generator's model: its fields in the class's tables and its constructor, the
# rest written alike in every model.
_GENERATED_MODEL = (
    "import pprint\n\n\nclass Error(object):\n    attribute_map = {{{fields}}}\n\n"
    "    def __init__(self, {params}):\n        for name in self.attribute_map:\n            setattr(self, name, locals()[name])\n\n"
    "    def to_dict(self):\n        return {{name: getattr(self, name) for name in self.attribute_map}}\n\n"
    "    def to_str(self):\n        return pprint.pformat(self.to_dict())\n\n"
    "    def __repr__(self):\n        return self.to_str()\n"
)


# A model's fix class, its method's docstring given.
_TRO3_FIX = (
    "from app.fix import Fix\n\n\nclass Tro3(Fix):\n    \"\"\"Fixes for tro3.\"\"\"\n\n"
    "    def fix_data(self, cube):\n        \"\"\"{doc}\n        \"\"\"\n"
    "        cube.data = cube.core_data() * 1e-9\n        return cube\n"
)


# Each DBMS plugin's dialect, one class in its ``syntax.py`` overriding the generic one.
_GENERIC_SYNTAX = (
    "class Syntax:\n    def __init__(self):\n        self.quote = \"'\"\n\n"
    "    @staticmethod\n    def escape(expression):\n        return expression\n"
)
_SYNTAX = (
    "from app.generic.syntax import Syntax as GenericSyntax\n\n\nclass Syntax(GenericSyntax):\n{own}"
    "    @staticmethod\n    def escape(expression):\n        return {escaped}\n"
)


def _dialects(own: str = "") -> dict[str, str]:
    """Three DBMS plugins, each with its ``syntax.py`` (two of them written alike, each
    also with ``own`` members) that its own package imports."""
    files = {"app/__init__.py": "", "app/generic/__init__.py": "", "app/generic/syntax.py": _GENERIC_SYNTAX,
             "app/dbms/__init__.py": ""}
    for dbms, escaped in (("hana", "expression"), ("cratedb", "expression"), ("oracle", "expression.upper()")):
        files[f"app/dbms/{dbms}/__init__.py"] = f"from app.dbms.{dbms}.syntax import Syntax\n"
        files[f"app/dbms/{dbms}/syntax.py"] = _SYNTAX.format(own=own, escaped=escaped)
    return files


# A wire-protocol driver, one per module of a drivers package: its own ``connect``,
# ``Connection`` and the ``Cursor`` its ``Connection`` builds.
_DRIVER = (
    "import socket\n\n\nclass Cursor:\n    def __init__(self, connection):\n        self.connection = connection\n"
    "        self.rows = []\n\n    def execute(self, query):\n        self.rows = self.connection.query(query)\n\n"
    "    def fetchall(self):\n        return self.rows\n\n\nclass Connection:\n    def __init__(self, sock):\n"
    "        self.sock = sock\n\n    def cursor(self):\n        return Cursor(self)\n\n    def query(self, query):\n"
    "        self.sock.sendall({wire})\n        return self.sock.recv(4096).split({separator})\n\n\n"
    "def connect(host, port={port}):\n    return Connection(socket.create_connection((host, port)))\n"
)


def _drivers(protocols: dict[str, tuple[str, str, int]]) -> dict[str, str]:
    """A drivers package with one module per protocol: its wire format, reply separator
    and port; each with a shebang, as sqlmap's (a driver is no script for that)."""
    files = {"app/__init__.py": "", "app/drivers/__init__.py": "class Error(Exception):\n    pass\n"}
    for name, (wire, separator, port) in protocols.items():
        files[f"app/drivers/{name}.py"] = "#!/usr/bin/env python\n\n" + _DRIVER.format(wire=wire, separator=separator, port=port)
    return files


def _benchmark_programs(folder: str) -> dict[str, str]:
    """Two programs of a benchmark suite in a package ``folder`` (PyG's
    ``benchmark/citation/``), each parsing its arguments at its top and training its own
    ``Net``: the same methods but the layers ``__init__`` builds."""
    head = (
        "import argparse\n\nfrom {layers} import {conv}\n\nparser = argparse.ArgumentParser()\n"
        "parser.add_argument('--hidden', type=int, default=16)\nargs = parser.parse_args()\n\n\n"
        "class Net:\n    def __init__(self, features):\n        self.conv1 = {conv}(features, args.hidden)\n\n"
        "    def reset_parameters(self):\n        self.conv1.reset_parameters()\n\n"
        "    def forward(self, x):\n        return self.conv1(x).relu()\n\n\nprint(Net(8).forward(1))\n"
    )
    return {
        f"{folder}/__init__.py": "",
        f"{folder}/gcn.py": head.format(layers="geo.nn", conv="GCNConv"),
        f"{folder}/cheb.py": head.format(layers="geo.nn", conv="ChebConv"),
        "geo/__init__.py": "",
        "geo/nn.py": "class GCNConv:\n    pass\n\n\nclass ChebConv:\n    pass\n",
    }


def _driver_hooks(pymysql_factory: str = "") -> dict[str, str]:
    """newrelic's database hooks: each driver's module extends ``dbapi2``'s
    ``CursorWrapper``, ``ConnectionWrapper`` and ``ConnectionFactory`` with classes of their
    names, each wired to the next; ``pymysql.py`` was taken from ``mysqldb.py`` (its
    trio written alike unless ``pymysql_factory`` gives its factory a body of its own)."""
    base = (
        "class CursorWrapper:\n    def __init__(self, cursor):\n        self.cursor = cursor\n\n\n"
        "class ConnectionWrapper:\n    __cursor_wrapper__ = CursorWrapper\n\n\n"
        "class ConnectionFactory:\n    __connection_wrapper__ = ConnectionWrapper\n"
    )
    head = (
        "from hooks.dbapi2 import ConnectionFactory as BaseFactory\n"
        "from hooks.dbapi2 import ConnectionWrapper as BaseConnection\n"
        "from hooks.dbapi2 import CursorWrapper as BaseCursor\n\n\n"
    )
    mysql = head + (
        "class CursorWrapper(BaseCursor):\n    def __enter__(self):\n        self.cursor.__enter__()\n        return self\n\n\n"
        "class ConnectionWrapper(BaseConnection):\n    __cursor_wrapper__ = CursorWrapper\n\n"
        "    def __enter__(self):\n        self.cursor.__enter__()\n        return self\n\n\n"
        "class ConnectionFactory(BaseFactory):\n    __connection_wrapper__ = ConnectionWrapper\n"
    )
    other = head + (
        "class CursorWrapper(BaseCursor):\n    def execute(self, sql, {p}=None):\n        return self.cursor.execute(sql, {p})\n\n\n"
        "class ConnectionWrapper(BaseConnection):\n    __cursor_wrapper__ = CursorWrapper\n\n"
        "    def commit(self):\n        return self.cursor.connection.commit({p}=True)\n\n\n"
        "class ConnectionFactory(BaseFactory):\n    __connection_wrapper__ = ConnectionWrapper\n    name = '{p}'\n"
    )
    pymysql = mysql + pymysql_factory
    return {
        "hooks/__init__.py": "",
        "hooks/dbapi2.py": base,
        "hooks/mysqldb.py": mysql,
        "hooks/pymysql.py": pymysql,
        "hooks/sqlite.py": other.format(p="params"),
        "hooks/psycopg.py": other.format(p="args"),
    }


def _dialect_ops(second: str) -> dict[str, str]:
    """xDSL's dialects: ``func.py`` and ``arm_func.py`` each define an operation
    ``FuncOp`` registered under its dialect's name (``second``: the other module's), and
    the same text of ``FuncOpCallableInterface`` over its own module's ``FuncOp``."""
    op = (
        "class FuncOp(IRDLOperation):\n    name = '{name}'\n    body = region_def()\n"
        "    sym_name = prop_def()\n\n    def parse(self, parser):\n        return parser.parse_op()\n\n"
        "    def print(self, printer):\n        printer.print_op(self)\n"
    )
    interface = (
        "from app.irdl import CallableOpInterface, IRDLOperation, prop_def, region_def\n\n\n"
        "class FuncOpCallableInterface(CallableOpInterface):\n    @classmethod\n"
        "    def get_callable_region(cls, op):\n        assert isinstance(op, FuncOp)\n        return op.body\n\n"
        "    @classmethod\n    def get_argument_types(cls, op):\n        assert isinstance(op, FuncOp)\n"
        "        return op.function_type.inputs\n\n\n"
    )
    return {
        "app/__init__.py": "",
        "app/irdl.py": "class CallableOpInterface:\n    pass\n\n\nclass IRDLOperation:\n    pass\n\n\n"
        "def prop_def():\n    return None\n\n\ndef region_def():\n    return None\n",
        "app/dialects/__init__.py": "",
        "app/dialects/func.py": interface + op.format(name="func.func"),
        "app/dialects/arm_func.py": interface + op.format(name=second),
        "app/use.py": "from app.dialects.func import FuncOpCallableInterface, FuncOp\n",
    }


def _task_handlers(doc: str) -> dict[str, str]:
    """portage's two ``TaskHandler``s: one class copied to a second program, its methods
    changed a little since; ``doc`` is the docstring of the second."""
    first = (
        "class TaskHandler:\n    \"\"\"Handles the running of the tasks it is given\"\"\"\n\n"
        "    def __init__(self, verbose=True, callback=None):\n        self.verbose = verbose\n        self.callback = callback\n\n"
        "    def run_tasks(self, tasks, func):\n        assert tasks\n        for task in tasks:\n"
        "            result = getattr(task(), func)()\n            if self.callback:\n                self.callback(result)\n"
    )
    second = (
        f"class TaskHandler:\n    \"\"\"{doc}\"\"\"\n\n"
        "    def __init__(self, verbose=True, callback=None, output=None):\n        self.verbose = verbose\n"
        "        self.callback = callback\n        self.output = output\n\n"
        "    def run_tasks(self, tasks, func):\n        codes = []\n        for task in tasks or ():\n"
        "            code, msgs = getattr(task(), func)(output=self.output)\n            codes.append(code)\n"
        "            if self.callback:\n                self.callback(msgs)\n        return codes\n"
    )
    return {
        "portage/__init__.py": "",
        "portage/sync/__init__.py": "",
        "portage/sync/controller.py": first,
        "portage/emaint/__init__.py": "",
        "portage/emaint/main.py": second,
    }


def _chip_targets(addresses: tuple[str, ...]) -> dict[str, str]:
    """pyOCD's shape: one module per chip under ``target/builtin/``, each with its own
    ``DBGMCU`` table of register constants (``addresses``: each chip's ``CR``)."""
    files = {"pyocd/__init__.py": "", "pyocd/target/__init__.py": "", "pyocd/target/builtin/__init__.py": ""}
    for i, address in enumerate(addresses):
        files[f"pyocd/target/builtin/target_chip{i}.py"] = (
            f"class DBGMCU:\n    CR = {address}\n    CR_VALUE = 0x7\n\n\n"
            "def setup(ap):\n    ap.write32(DBGMCU.CR, DBGMCU.CR_VALUE)\n"
        )
    return files


def _driver_scripts() -> dict[str, str]:
    """:func:`_drivers`' modules as programs in a folder of scripts: each runs on its own."""
    drivers = _drivers(
        {
            "mysql": ("b'\\x03' + query.encode()", "b'\\xfe'", 3306),
            "monetdb": ("b's' + query.encode() + b';'", "b'\\n'", 50000),
            "tds": ("query.encode('utf-16-le')", "b'\\xfd'", 1433),
        }
    )
    return {
        path.replace("app/drivers/", "scripts/probe_"): text + "\n\nif __name__ == '__main__':\n    connect('localhost')\n"
        for path, text in drivers.items() if path.startswith("app/drivers/") and not path.endswith("__init__.py")
    }


# A service's view of the configuration file, on the shared library's base.
_SERVICE_CONFIG = (
    "from shared_lib.base import BaseConfig, GeneralConfig, RabbitConfig\n{imports}\n\nclass Config(BaseConfig):\n"
    "    general: GeneralConfig\n    rabbitmq: RabbitConfig = RabbitConfig()\n{extra}"
)
_SHARED_CONFIG = (
    "class BaseConfig:\n    def __init__(self, path=None):\n        self.path = path\n\n\n"
    "class GeneralConfig:\n    timezone = 'UTC'\n\n\nclass RabbitConfig:\n    host = 'localhost'\n"
)
# A typing template registered in a registry: its module's own (``{registry}``), or one
# imported from a shared module.
_TEMPLATE_HEAD = "import math\n\nfrom app.typing.templates import ConcreteTemplate, Registry, signature\n{registry}\n"
_OWN_REGISTRY = "registry = Registry()\ninfer_global = registry.register_global\n"
_MATH_TEMPLATE = (
    "\n@infer_global(math.{function})\nclass Math_unary(ConcreteTemplate):\n"
    "    cases = [signature('float64', 'int64'), signature('float64', 'float64')]\n"
)
# A one-word class each module keeps for its own entity (``objects.action_plan.State``).
_LIFECYCLE = "class State:\n    PENDING = 'PENDING'\n    ONGOING = 'ONGOING'\n    SUCCEEDED = 'SUCCEEDED'\n{own}"
# A data class (its decorator, then the class, after the import).
_POINT_CLASS = "class Point:\n    x: float = 0.0\n    y: float = 0.0\n    label: str = ''\n"
_POINT = "import dataclasses\n\n\n@dataclasses.dataclass\n" + _POINT_CLASS
_CONFIG_ERROR = (
    "class ConfigError(Exception):\n    def __init__(self, filename, message):\n"
    "        super().__init__(message)\n        self.filename = filename\n"
)
# The modules of a client (its relative path -> the function it defines), mirrored file for
# file by its asyncio twin under ``aio/`` (kubernetes' ``kubernetes/aio/``).
_CLIENT_MODULES = {
    "config/loader.py": "load", "config/incluster.py": "load_incluster", "utils/retry.py": "retry",
    "utils/backoff.py": "backoff", "watch/watch.py": "watch", "stream/stream.py": "stream",
}


def _mirror(aio_extra: str = "", prefix: str = "") -> dict[str, str]:
    """A client package and its asyncio mirror, each with its own ``ConfigError``;
    ``aio_extra``: more text for the mirror's ``config/errors.py``; ``prefix``: what the
    mirror's names start with (``async_``, which unasync drops when it writes the other)."""
    files = {"pkg/__init__.py": "", "pkg/aio/__init__.py": ""}
    for root, define, start in (("pkg", "def", ""), ("pkg/aio", "async def", prefix)):
        for folder in ("config", "utils", "watch", "stream"):
            files[f"{root}/{folder}/__init__.py"] = ""
        for rel, name in _CLIENT_MODULES.items():
            files[f"{root}/{rel}"] = f"{define} {start}{name}(*args):\n    return args\n"
        files[f"{root}/config/errors.py"] = _CONFIG_ERROR
    files["pkg/aio/config/errors.py"] = aio_extra + _CONFIG_ERROR
    return files


def _moved(files: dict[str, str], path: str, to: str) -> dict[str, str]:
    """``files`` with the file at ``path`` moved to ``to``."""
    moved = dict(files)
    moved[to] = moved.pop(path)
    return moved


# A dataclass parametrizing a benchmark, in a module pytest runs by its path.
_BENCHMARK = (
    "from dataclasses import dataclass\n\nimport pytest\n\n\n@dataclass(frozen=True)\n"
    "class BenchmarkCase:\n    id: str\n    body_size: int\n    chunk_size: int\n\n\n"
    "CASES = (BenchmarkCase('1KiB', 1024, 1024),)\n{tests}"
)
_BENCHMARK_TEST = "\n\n@pytest.mark.parametrize('case', CASES)\ndef test_{name}(benchmark, case):\n    benchmark(len, case.id)\n"


def _snapshot(extra: dict[str, str]) -> dict[str, str]:
    """Live models, and a copy frozen at one revision that the revision imports."""
    return {
        "app/__init__.py": "",
        "app/db/__init__.py": "",
        "app/db/models.py": _POINT,
        "app/db/api.py": "from app.db.models import Point\n",
        "app/db/alembic/__init__.py": "",
        "app/db/alembic/models/__init__.py": "",
        "app/db/alembic/models/f8c_fix.py": _POINT,
        "app/db/alembic/versions/f8c_fix.py": (
            "from app.db.alembic.models import f8c_fix as models\n\nrevision = 'f8c'\ndown_revision = 'a01'\n"
        ),
        **extra,
    }


_TAG = "from typing import TypedDict\n\n\nclass Tag(TypedDict):\n    Key: str\n    Value: str\n"
_PROPERTIES = "\n\nclass Properties(TypedDict):\n    Name: str\n    Arn: str\n"
_SCAFFOLDER = (
    "from pathlib import Path\n\n\ndef write(service, code, base='app/api'):\n"
    "    path = Path(base, service)\n    (path / '__init__.py').write_text(code)\n"
)


def _per_service(extra: dict[str, str]) -> dict[str, str]:
    """A generator's per-service API modules, two scaffolded resource providers, and ``extra``."""
    return {
        "app/__init__.py": "",
        "app/scaffold.py": _SCAFFOLDER,
        "app/api/__init__.py": "",
        "app/api/ec2/__init__.py": _TAG,
        "app/api/s3control/__init__.py": _TAG,
        "app/services/__init__.py": "",
        "app/services/ec2/__init__.py": "",
        "app/services/ec2/keypair.py": "# Acme Resource Provider Scaffolding v2\n" + _TAG + _PROPERTIES,
        "app/services/iam/__init__.py": "",
        "app/services/iam/role.py": "# Acme Resource Provider Scaffolding v2\n" + _TAG + _PROPERTIES,
        "app/services/ec2/provider.py": "from app.api.ec2 import Tag\n",
        "app/services/iam/provider.py": "from app.services.iam.role import Properties\n",
        **extra,
    }


# A code generator's header (see extract/generated.py).
_GENERATED = "# Generated by apigen from openapi.yaml. DO NOT EDIT.\n\n"
_MAIN = "\n\nif __name__ == '__main__':\n    Notifier().send('hi')\n"
_PARSER = "class Parser:\n    def parse(self, text):\n        return text.split()\n"
_SHIM = (
    "try:\n    from typing import Callable\nexcept ImportError:\n    class CallableShim:\n"
    "        def __getitem__(self, item):\n            return item.origin\n\n    Callable = CallableShim()\n"
)
# Protocol boilerplate, written alike in every implementation: no evidence of copying.
_CONTEXT_MANAGER = (
    "\n    def __enter__(self):\n        self.set()\n        return self\n\n"
    "    def __exit__(self, *exc):\n        self.wait()\n"
)
_TABLES = {
    "app/__init__.py": "",
    "app/models/__init__.py": "",
    "app/models/base.py": "class MetricsBase:\n    name = 'metrics'\n",
    "app/models/sqlite.py": "from sqlalchemy.orm import declarative_base\nfrom .base import MetricsBase\n\nBase = declarative_base()\n\n\n"
    "class MetricsTable(Base, MetricsBase):\n    pass\n",
    "app/models/mysql.py": "from sqlalchemy.orm import declarative_base\nfrom .base import MetricsBase\n\nBase = declarative_base()\n\n\n"
    "class MetricsTable(Base, MetricsBase):\n    pass\n",
    "app/store.py": "from app.models.sqlite import MetricsTable\nfrom app.models.mysql import MetricsTable as M\n",
}


_RETRY = "class RetryConfig:\n    attempts = 3\n    backoff = 0.5\n"
_COMMAND = (
    "from app.core.management import BaseCommand\n\n\n"
    "class Command(BaseCommand):\n    help = 'x'\n\n    def handle(self):\n        return 0\n"
)
_CONTEXT = (
    "from dataclasses import dataclass\n\n\n@dataclass\nclass ExecutionContext:\n"
    "    run_id: str\n    user_id: str\n    {extra}: str\n"
)

_OPTIONS = (
    "from twisted.python import usage\n\n\nclass GeneralOptions(usage.Options):\n"
    "    synopsis = 'Usage: {tool} [options]'\n    optParameters = [['{param}', None, None, 'x']]\n"
    "    optFlags = [['{flag}', None, 'y']]\n    compData = usage.Completions(optActions={{'{param}': None}})\n"
)
_JOB = (
    "from dataclasses import dataclass\n\n\n@dataclass\nclass Job(Record):\n"
    "    job_id: {id_type}\n    owner: {owner_type}\n    queue: str{queue_default}\n"
)

_TAG_ERROR = (
    "from app.errors import UpdateFailedError\n\n\nclass TagUpdateFailedError(UpdateFailedError):\n"
    "    message = 'Tag could not be updated.'\n"
)
_KEYS = (
    "from collections.abc import Callable\nfrom dataclasses import dataclass\n\n\n@dataclass\n"
    "class RequiredKeysMixin:\n    value_fn: Callable[[{owner}], {result}]{default}\n"
)


def _integrations(names: tuple[str, ...]) -> dict[str, str]:
    """Plugin packages under ``app/components/``, each with its own empty ``CannotConnect``
    that only its own config flow imports."""
    files = {"app/__init__.py": "", "app/errors.py": "class AppError(Exception):\n    pass\n",
             "app/components/__init__.py": ""}
    for name in names:
        files[f"app/components/{name}/__init__.py"] = ""
        files[f"app/components/{name}/errors.py"] = (
            "from app.errors import AppError\n\n\nclass CannotConnect(AppError):\n    \"\"\"No answer.\"\"\"\n"
        )
        files[f"app/components/{name}/config_flow.py"] = f"from app.components.{name}.errors import CannotConnect\n"
    return files


_RESULT = (
    "from dataclasses import dataclass\n\n\n@dataclass\nclass ExecutionResult:\n    run_id: str\n"
    "    status: str\n    error: str\n\n    def succeeded(self):\n        return self.status == 'ok'\n"
)
_HANDLER_BASE = (
    "from abc import ABC, abstractmethod\n\n\nclass BaseHandler(ABC):\n    @abstractmethod\n"
    "    def can_undo(self, ctx): ...\n\n    @abstractmethod\n    def undo(self, ctx): ...\n"
)
_HANDLER = (
    "class ExternalHandler(BaseHandler):\n    def can_undo(self, ctx):\n        return ctx.remote\n\n"
    "    def undo(self, ctx):\n        return ctx.client.delete(ctx.key)\n"
)


def validate(project: Project) -> None:
    """A configured canonical class must exist (ConfigError otherwise), whichever rules run."""
    for concept in project.config.concepts:
        canonical_definition(project, concept)


_RETRY_HEAD = "import dataclasses\n\nfrom app.util import backoff\n\n"
_RETRY_CLASS = (
    "\n@dataclasses.dataclass\nclass RetryConfig:\n    \"\"\"CLASS_DOC\"\"\"\n\n    attempts: int = 3\n\n"
    "    def delay(self, n):\n        return backoff(n)  # seconds\n"
)

# A class whose behaviour comes from the module-level function it calls (``apply``).
_TEMPLATE = (
    "class Gufunc:\n    def __init__(self, func):\n        self.func = func\n\n"
    "    def __call__(self, *args):\n        return apply(self.func)\n\n"
    "    def describe(self):\n        return f'apply-{self.func}'\n"
)

# A configuration copied with the enum and the constant it uses.
_RETRY_WITH_ENUM = (
    "import dataclasses\nimport enum\n\nDEFAULT = 3\n\n\nclass Strategy(enum.Enum):\n    FIXED = 1\n"
    "    EXPONENTIAL = 2\n\n\n@dataclasses.dataclass\nclass RetryConfig:\n    attempts: int = DEFAULT\n"
    "    strategy: Strategy = Strategy.FIXED\n    timeout: float = 1.0\n"
)

# Each service's own errors, in the same module of each service (a layout of parallel parts).
_SERVICE_ERRORS = (
    "from app.core.errors import JsonError\n\n\nclass ValidationException(JsonError):\n"
    "    code = 400\n\n    def __init__(self, message):\n        super().__init__('ValidationException', message)\n"
    "\n\nclass {own}(JsonError):\n    code = 404\n"
)
_SERVICE_MODELS = "from app.{service}.exceptions import ValidationException\n"
# A tracker module: copied whole into another package, it is a duplicate all the same.
_TRACKER = (
    "class DeliveryRecord:\n    def __init__(self, event_id):\n        self.event_id = event_id\n\n\n"
    "class DeliveryTracker:\n    def __init__(self):\n        self.records = {}\n\n"
    "    def track(self, event_id):\n        self.records[event_id] = DeliveryRecord(event_id)\n"
)
_MENU_SAMPLE = (
    "import asyncio\n\nfrom app.kernel import kernel_function\n\n\nclass MenuPlugin:\n"
    "    @kernel_function\n    def get_specials(self):\n        return 'Clam Chowder'\n\n"
    "    @kernel_function\n    def get_item_price(self, item):\n        return '$9.99'\n"
    "\n\nasync def main():\n    print(MenuPlugin().get_specials())\n"
    "\n\nif __name__ == '__main__':\n    asyncio.run(main())\n"
)
# The sample's plugin class alone, without the program around it.
_MENU_PLUGIN = _MENU_SAMPLE.split("\n\n\nasync def")[0] + "\n"


def _sample_apps(*apps: tuple[str, str, str]) -> dict[str, str]:
    """A package of sample apps, each ``(name, its plugin class's name, more imports of its
    runner)``: ``samples/<name>/plugins.py`` defines the class, ``run.py`` imports it."""
    files = {"app/__init__.py": "", "app/kernel.py": "def kernel_function(f):\n    return f\n", "samples/__init__.py": ""}
    for name, plugin, more in apps:
        files[f"samples/{name}/__init__.py"] = ""
        files[f"samples/{name}/plugins.py"] = _MENU_PLUGIN.replace("MenuPlugin", plugin)
        files[f"samples/{name}/run.py"] = f"from samples.{name}.plugins import {plugin}\n" + more
    return files


_JOINED = (
    "from app.core.messages import {base}\n\n\nclass ParticipantJoinedNotification({base}):\n"
    "    subject = 'You have joined the activity {{title}}'\n"
    "    template = 'messages/{kind}_participant_joined'\n    context = {{'title': 'activity.title'}}\n"
    "    action_title = 'View activity'\n\n"
    "    @property\n    def action_link(self):\n        return self.obj.activity.get_absolute_url()\n\n"
    "    def get_context(self):\n"
    "        context = super().get_context()\n        context['start'] = self.obj.start.{start}\n        return context\n"
)

def _checkers(comma: str, end: str) -> str:
    """An instruction checker module (lm-evaluation-harness' IFEval), its prompts written
    in one language: ``comma`` and ``end``."""
    return (
        "import re\n\nfrom app.base import Instruction\n\n\n"
        "class CommaChecker(Instruction):\n    \"\"\"Checks the response for no commas.\"\"\"\n\n    def build_description(self):\n"
        f"        self._description_pattern = {comma!r}\n        return self._description_pattern\n\n"
        "    def get_instruction_args(self):\n        return None\n\n"
        "    def check_following(self, value):\n        return not re.search(r'\\,', value)\n\n\n"
        "class EndChecker(Instruction):\n    \"\"\"Checks that the response ends with a given phrase.\"\"\"\n\n"
        "    def build_description(self, *, end_phrase=None):\n"
        "        self._end_phrase = end_phrase.strip() if isinstance(end_phrase, str) else end_phrase\n"
        f"        self._description_pattern = {end!r}\n"
        "        return self._description_pattern.format(ender=self._end_phrase)\n\n"
        "    def get_instruction_args(self):\n        return {'end_phrase': self._end_phrase}\n\n"
        "    def check_following(self, value):\n        value = value.strip().lower()\n"
        "        return value.endswith(self._end_phrase.strip().lower())\n"
    )


_CHECKERS_BASE = (
    "import abc\n\n\nclass Instruction:\n    def __init__(self, instruction_id):\n        self.id = instruction_id\n\n"
    + "".join(
        f"    @abc.abstractmethod\n    def {name}(self, *args, **kwargs):\n        raise NotImplementedError\n\n"
        for name in ("build_description", "get_instruction_args", "check_following")
    )
)


_ENGLISH_PROMPTS = ("In your entire response, refrain from the use of any commas.", "Finish your response with this exact phrase {ender}.")


def _language_modules(catalan: str) -> dict[str, str]:
    """The English checkers in ``instructions.py``, and ``catalan`` as the module written for
    Catalan (``multilingual/ca_instructions.py``)."""
    return {
        "app/__init__.py": "", "app/base.py": _CHECKERS_BASE, "app/instructions.py": _checkers(*_ENGLISH_PROMPTS),
        "app/multilingual/__init__.py": "", "app/multilingual/ca_instructions.py": catalan,
    }


def _joined_apps(grown: str, module: str = "messages") -> dict[str, str]:
    """Three apps each with its ``messages.py`` notification, and a fourth whose
    ``messages`` grew into a package, ``grown`` its ``messages/{module}.py``."""
    return {
        "app/__init__.py": "",
        "app/core/__init__.py": "",
        "app/core/messages.py": "class TransitionMessage:\n    template = ''\n\n    def get_context(self):\n        return {}\n",
        **{
            f"app/{kind}/{module}": text
            for kind in ("deeds", "collect", "funding")
            for module, text in (
                ("__init__.py", ""),
                ("models.py", f"class Activity:\n    kind = {kind!r}\n"),
                ("messages.py", _JOINED.format(base="TransitionMessage", kind=kind, start="strftime('%x')")),
            )
        },
        "app/timebased/__init__.py": "",
        "app/timebased/models.py": "class Activity:\n    kind = 'slot'\n",
        "app/timebased/messages/__init__.py": f"from app.timebased.messages.{module} import ParticipantJoinedNotification\n",
        f"app/timebased/messages/{module}.py": grown,
    }


def _service_clients(crossing: bool = False) -> dict[str, str]:
    """Three services' clients (open-forms), each with its own empty exception raised by its
    ``get_client()`` and caught by its own plugin; with ``crossing``, one plugin catches
    its own service's exception around another service's ``get_client()``."""
    files = {"app/__init__.py": "", "app/contrib/__init__.py": "", "stuf/__init__.py": "", "app/prefill/__init__.py": ""}
    for module in ("app.contrib.kvk.client", "app.contrib.brk.client", "stuf.client"):
        path = module.replace(".", "/") + ".py"
        if module.count(".") == 3:
            files[path.rpartition("/")[0] + "/__init__.py"] = ""
        files[path] = (
            "class NoServiceConfigured(RuntimeError):\n    pass\n\n\n"
            "def get_client(config):\n    if config is None:\n        raise NoServiceConfigured()\n    return config\n"
        )
        service = module.split(".")[-2]
        files[f"app/prefill/{service}.py"] = (
            f"from {module} import NoServiceConfigured, get_client\n\n\n"
            "def prefill(config):\n    try:\n        return get_client(config)\n"
            "    except NoServiceConfigured:\n        return None\n"
        )
    if crossing:
        files["app/prefill/both.py"] = (
            "from app.contrib.kvk.client import NoServiceConfigured\nfrom stuf.client import get_client\n\n\n"
            "def prefill(config):\n    try:\n        return get_client(config)\n"
            "    except NoServiceConfigured:\n        return None\n"
        )
    return files


_LISTENER = (
    "from app.{app}.models import Post\n\n\nclass ThreadListener:\n    def removed(self, user):\n"
    "        Post.objects.filter(author=user).delete()\n\n    def moved(self, thread):\n"
    "        return Post.objects.filter(thread=thread).count()\n"
)

# Kolibri Studio's copy of a Kolibri module, kept as upstream wrote it (its header says so,
# with the address), beside the project's own class of one name.
_LANGUAGE = (
    "class Language:\n    def __init__(self, code, name):\n        self.code = code\n        self.name = name\n\n"
    "    def label(self):\n        return f'{self.name} ({self.code})'\n"
)
_UPSTREAM_HEADER = (
    '"""This file is an exact copy of the models.py file from Kolibri.\n\n'
    'https://github.com/learningequality/kolibri/blob/abc/kolibri/core/content/models.py\n"""\n'
)


_NOTIFICATION_KEY = (
    "class NotificationListKey:\n    def __init__(self, user):\n        self.user = user\n"
    "        self.bits = ['format', 'language']\n\n    def key(self, view):\n"
    "        return ':'.join(self.bits) + str(self.user.pk) + view\n"
)


# A layer of a model architecture, as Fooocus keeps GFPGAN's two StyleGAN2 files, or as a
# package adapted from another project holds it in two of its models.
_EQUAL_LINEAR = (
    "class EqualLinear:\n    def __init__(self, dim, bias=True):\n        self.dim = dim\n"
    "        self.scale = 1 / dim ** 0.5\n\n    def forward(self, x):\n        out = x * self.scale\n"
    "        return out + self.dim\n"
)
_SKIP_FILE = "# pylint: skip-file\n"
_ADAPTED = "# Adapted from https://github.com/aigc-apps/VideoX-Fun/blob/main/models/control.py\n"
_ARCH = {"arch/__init__.py": "", "arch/face/__init__.py": ""}


# Two engines of a template language, each with the error class it hands out.
_STAND_IN = {
    "tal/__init__.py": "",
    "tal/DummyEngine.py": (
        "class CompilerError(BaseException):\n    pass\n\n\n"
        "class DummyEngine:\n    def getCompilerError(self):\n        return CompilerError\n"
    ),
    "tal/translator.py": "class Translator:\n    def __init__(self, engine):\n        self.engine = engine\n",
    "pt/__init__.py": "",
    "pt/tales.py": (
        "from tal.translator import Translator\n\n\n"
        "class CompilerError(BaseException):\n    pass\n\n\n"
        "class Engine:\n    def getCompilerError(self):\n        return CompilerError\n\n"
        "    def translate(self):\n        return Translator(self)\n"
    ),
    "pt/expressions.py": "from pt.tales import CompilerError\n\n\ndef compile_path(path):\n    raise CompilerError(path)\n",
}


def _plugin_modules(lookup: str) -> dict[str, str]:
    """routersploit's modules: a loader imports each module by its path and reads its
    class by the literal ``lookup`` (``getattr(module, "Exploit")``); two FTP attacks each
    define their ``Exploit`` (alike where their base's protocol says so), and a camera's
    module extends one by name."""
    shared = (
        "    stop_on_success = True\n    verbosity = True\n\n"
        "    def check(self):\n        return self.connect() == 1\n\n"
        "    def target_function(self, running, data):\n        while running.is_set():\n"
        "            item = data.next()\n            if item is None:\n                break\n"
        "            self.try_login(item)\n\n"
        "    def try_login(self, item):\n        return self.connect() and item\n"
    )
    return {
        "app/__init__.py": "",
        "app/core.py": "class Client:\n    def connect(self):\n        return 1\n",
        "app/loader.py": (
            "import importlib\n\n\ndef load(path):\n    module = importlib.import_module(path)\n"
            f"    if hasattr(module, '{lookup}'):\n        return getattr(module, '{lookup}')\n    raise ImportError(path)\n"
        ),
        "app/modules/__init__.py": "",
        "app/modules/ftp_default.py": (
            "from app.core import Client\n\n\nclass Exploit(Client):\n    port = 21\n    threads = 8\n"
            "    defaults = ['admin:admin']\n\n    def run(self):\n        return self.attack(self.defaults)\n\n"
            "    def attack(self, pairs):\n        return [p for p in pairs if self.connect()]\n\n" + shared
        ),
        "app/modules/ftp_brute.py": (
            "from app.core import Client\n\n\nclass Exploit(Client):\n    port = 21\n    threads = 8\n"
            "    usernames = ['admin']\n    passwords = ['secret']\n\n"
            "    def run(self):\n        return self.attack(self.usernames, self.passwords)\n\n"
            "    def attack(self, users, words):\n        return [(u, w) for u in users for w in words if self.connect()]\n\n"
            + shared
        ),
        "app/modules/cisco.py": "from app.modules.ftp_default import Exploit as FTPDefault\n\n\nclass Exploit(FTPDefault):\n    threads = 1\n",
    }


def _payload_serializers(api_project: str, api_extra: str = "") -> dict[str, str]:
    """taiga's serializers: the REST API's ``MilestoneSerializer`` and the webhook payload's
    namesake, whose ``project`` field is written ``api_project`` in the API's (after
    ``api_extra``) and nests the webhook module's own ``ProjectSerializer``."""
    fields = (
        "    id = Field()\n    name = Field()\n    slug = Field()\n    estimated_start = Field()\n"
        "    estimated_finish = Field()\n    closed = Field()\n"
    )
    project = "class ProjectSerializer(LightSerializer):\n    id = Field()\n    name = Field()\n\n\n"
    head = "from app.base import LightSerializer\nfrom app.fields import Field\n\n\n"
    return {
        "app/__init__.py": "",
        "app/fields.py": "class Field:\n    def __init__(self, attr=None):\n        self.attr = attr\n",
        "app/base.py": "class LightSerializer:\n    def to_value(self, instance):\n        return instance\n",
        "app/milestones/__init__.py": "",
        "app/milestones/serializers.py": (
            head + api_extra + "class MilestoneSerializer(LightSerializer):\n" + fields
            + f"    project = {api_project}\n    owner = Field(attr='owner_id')\n"
        ),
        "app/milestones/api.py": "from app.milestones.serializers import MilestoneSerializer\n",
        "app/webhooks/__init__.py": "",
        "app/webhooks/serializers.py": (
            head + project + "class MilestoneSerializer(LightSerializer):\n" + fields
            + "    project = ProjectSerializer()\n    owner = Field()\n"
        ),
    }


def _toolkit_backends(selector: str) -> dict[str, str]:
    """ginga's widget backends: ``app/gtk3w/helper.py`` and ``app/gtk4w/helper.py`` each
    build on their Gtk version's window (the same text), and share a pure-Python mixin;
    ``selector`` is ``app/gw/help.py``, which imports one backend or the other."""
    helper = (
        "import gi\n\ngi.require_version('Gtk', '{version}')\nfrom gi.repository import Gtk\n\n\n"
        "class WidgetMask:\n    def __init__(self):\n        self.cb_fn = None\n        self.suppress = False\n\n"
        "    def mask(self, fn):\n        self.suppress = True\n        self.cb_fn = fn\n\n\n"
        "class TopLevel(Gtk.Window):\n    def __init__(self):\n        super().__init__()\n        self.closed = False\n\n"
        "    def close_window(self):\n        self.closed = True\n        self.destroy()\n"
    )
    return {
        "app/__init__.py": "",
        "app/toolkit.py": "def family():\n    return 'gtk3'\n",
        "app/gw/__init__.py": "",
        "app/gw/help.py": selector,
        "app/gtk3w/__init__.py": "",
        "app/gtk3w/helper.py": helper.format(version="3.0"),
        "app/gtk4w/__init__.py": "",
        "app/gtk4w/helper.py": helper.format(version="4.0"),
    }


def _library_versions(old_typing: str) -> dict[str, str]:
    """hamilton's polars plugins: ``ext.py`` imports ``pre.py`` or ``post.py`` by the
    installed library's version; both define ``CSVReader`` with the same text, reading
    ``CsvEncoding`` from ``old_typing`` (pre) or from the library's new module (post)."""
    reader = (
        "from app.plugins.base import DataLoader\nfrom {typing} import CsvEncoding\n\n\n"
        "class CSVReader(DataLoader):\n    encoding: CsvEncoding = 'utf8'\n    separator: str = ','\n\n"
        "    def load(self, path):\n        return (path, self.encoding, self.separator)\n"
    )
    return {
        "app/__init__.py": "",
        "app/plugins/__init__.py": "",
        "app/plugins/base.py": "class DataLoader:\n    def load(self, path):\n        raise NotImplementedError\n",
        "app/plugins/ext.py": (
            "import polars\n\nif polars.__version__ < '1.0.0':\n    from app.plugins.pre import CSVReader\n"
            "else:\n    from app.plugins.post import CSVReader\n"
        ),
        "app/plugins/pre.py": reader.format(typing=old_typing),
        "app/plugins/post.py": reader.format(typing="polars._typing"),
    }


_MANIFEST_FIELDS = (
    "    snapcraft_version: str\n    snapcraft_started_at: str\n    snapcraft_os_release_id: str\n"
    "    snapcraft_os_release_version_id: str\n    name: str\n    version: str\n"
)

def _cme_module(name: str, hook: str, action: str) -> str:
    """One of CrackMapExec's modules: the fields every module sets, and its own hook."""
    return (
        f"class CMEModule:\n    name = {name!r}\n    description = 'Module {name}'\n    supported_protocols = ['smb']\n"
        "    opsec_safe = True\n    multiple_hosts = True\n\n    def __init__(self, context=None, module_options=None):\n"
        "        self.context = context\n        self.module_options = module_options\n\n"
        "    def options(self, context, module_options):\n        self.module_options = module_options\n\n"
        f"    def {hook}(self, context, connection):\n        return {action}\n"
    )


def _tree(lookup: str, extra: tuple[str, ...] = (), arg: str = "key") -> str:
    """A tree class of six methods (and ``extra`` ones), each taking ``arg`` and looking
    nodes up as ``lookup`` says."""
    methods = ("node", "nodes", "parent", "children", "ancestors", "descendants", *extra)
    return "class SimpleTree:\n" + "".join(
        f"    def {m}(self, {arg}):\n        return ('{m}', {lookup.format(arg=arg)})\n\n" for m in methods
    )


def _api_client(base: str, extra: tuple[str, ...] = ()) -> str:
    """An API client class of eight methods (and ``extra`` ones): three written alike in
    every copy, the others' bodies naming ``base``."""
    alike = ("get_headers", "make_request", "close")
    own = ("get_challenge", "get_submission", "update_submission", "get_phase", "delete_message", *extra)
    return "class ApiClient:\n" + "".join(
        f"    def {m}(self, *args):\n        return self.session.{m}(*args)\n\n" for m in alike
    ) + "".join(f"    def {m}(self, pk):\n        return self.make_request('{base}/{m}/' + str(pk))\n\n" for m in own)


def _addons(versioned: bool) -> dict[str, str]:
    """Two add-on packages below a folder that is no package, each importing its own
    modules relatively, each with a settings model copied from the other."""
    model = "class Vector2d:\n    x: float = 0.0\n    y: float = 0.0\n\n    def as_list(self):\n        return [self.x, self.y]\n"
    files: dict[str, str] = {}
    for name in ("hiero", "nuke"):
        init = "from .settings import Vector2d\n"
        if versioned:
            init = "from .version import __version__\n" + init
            files[f"server_addon/{name}/server/version.py"] = "__version__ = '0.1.0'\n"
        files[f"server_addon/{name}/server/__init__.py"] = init
        files[f"server_addon/{name}/server/settings.py"] = model
    return files


_SOCKET_COPY = (
    "class Socket(_Socket, zmq.Socket):\n    context_class = zmq.Context\n\n"
    "    def bind_to(self, address):\n        self.bind(address)\n        return self.getsockopt(zmq.LAST_ENDPOINT)\n\n"
    "    def recv_all(self):\n        frames = self.recv_multipart()\n        return [f.decode() for f in frames]\n"
)


def _vendor_processors(extra: dict[str, str] | None = None) -> dict[str, str]:
    """vumi's SMPP processors: a default module and two vendors' modules, each vendor's
    config overriding the default's namesake, wired to its own processor."""
    vendor = (
        "from app.processors import default\n\n\nclass SubmitConfig(default.SubmitConfig):\n"
        "    max_session_length = 180\n\n    def session_key(self, msisdn):\n        return msisdn\n\n\n"
        "class SubmitProcessor(default.SubmitProcessor):\n    CONFIG_CLASS = SubmitConfig\n"
    )
    return {
        "app/__init__.py": "",
        "app/processors/__init__.py": "",
        "app/processors/default.py": (
            "class SubmitConfig:\n    data_coding = 0\n\n\nclass SubmitProcessor:\n    CONFIG_CLASS = SubmitConfig\n"
        ),
        "app/processors/mica.py": vendor,
        "app/processors/sixdee.py": vendor,
        **(extra or {}),
    }


_PERMISSION_MIXIN = (
    "class PermissionInfoMixin:\n    def list(self, request):\n        response = super().list(request)\n"
    "        response.data = {'results': response.data, 'permissions': self.permissions(request)}\n"
    "        return response\n\n    def permissions(self, request):\n        return {'view': True}\n"
)


def _app_parts(outside: str) -> dict[str, str]:
    """a4-meinberlin: two Django apps of one layout (``api.py`` and ``views.py`` in each),
    each ``api.py`` with the same ``PermissionInfoMixin`` beside a view set of its own;
    ``outside`` is a third app's module."""
    mixin = _PERMISSION_MIXIN
    return {
        "apps/__init__.py": "",
        **{f"apps/{app}/__init__.py": "" for app in ("ideas", "topicprio", "budgeting")},
        "apps/ideas/api.py": mixin + "\n\nclass IdeaViewSet(PermissionInfoMixin):\n    model = 'idea'\n",
        "apps/ideas/views.py": "def idea_list(request):\n    return []\n",
        "apps/topicprio/api.py": mixin + "\n\nclass TopicViewSet(PermissionInfoMixin):\n    model = 'topic'\n"
        "    ordering = 'score'\n",
        "apps/topicprio/views.py": "def topic_list(request):\n    return []\n",
        "apps/budgeting/api.py": outside,
    }


_ONE_OF_TWO = (
    "from app import toolkit\n\nif toolkit.family() == 'gtk3':\n    from app.gtk3w.helper import *\n"
    "elif toolkit.family() == 'gtk4':\n    from app.gtk4w.helper import *\n"
)


_AERO = (
    "class CAERO1:\n    type = 'CAERO1'\n\n    def __init__(self, eid, pid):\n        self.eid = eid\n"
    "        self.pid = pid\n\n    def validate(self):\n        assert self.eid > 0\n"
)


def _command_options() -> dict[str, str]:
    command = (
        "from typing import TypedDict\n\nfrom django.core.management.base import BaseCommand\n\n\n"
        "class OptionsType(TypedDict):\n    queue: str\n    verbosity: int\n    skip_until: str\n    {own}: str\n\n\n"
        "class Command(BaseCommand):\n    def handle(self, *args, **options: OptionsType):\n        return options['{own}']\n"
    )
    files = {"cl/__init__.py": ""}
    for app, name, own in (("search", "reindex", "index"), ("alerts", "send_alerts", "rate")):
        files.update({
            f"cl/{app}/__init__.py": "", f"cl/{app}/management/__init__.py": "",
            f"cl/{app}/management/commands/__init__.py": "",
            f"cl/{app}/management/commands/{name}.py": command.format(own=own),
        })
    return files


def _command_helpers() -> dict[str, str]:
    stats = (
        "from dataclasses import dataclass\n\n\n@dataclass\nclass BackfillStats:\n    {seen}: int = 0\n"
        "    activities_created: int = 0\n    activities_updated: int = 0\n    states_created: int = 0\n"
        "    states_updated: int = 0\n\n    def add(self, other):\n        self.{seen} += other.{seen}\n"
        "        self.activities_created += other.activities_created\n"
        "        self.activities_updated += other.activities_updated\n"
        "        self.states_created += other.states_created\n        self.states_updated += other.states_updated\n"
    )
    files = {"app/__init__.py": "", "app/main/__init__.py": "", "app/main/management/__init__.py": "",
             "app/main/management/commands/__init__.py": ""}
    for name, seen in (("backfill_edited", "editors_seen"), ("backfill_users", "users_seen")):
        files[f"app/main/management/commands/{name}.py"] = stats.format(seen=seen)
    return files


def _instrumentor_configs(configured: tuple[str, ...]) -> dict[str, str]:
    """openllmetry's instrumentation packages, each with a ``Config`` of settings; those of
    ``configured`` set its fields when they start, the others only read them."""
    config = 'class Config:\n    """Settings of the instrumentation."""\n\n    exception_logger = None\n    use_legacy_attributes = True\n'
    files = {"otel/__init__.py": ""}
    for name in ("agno", "groq"):
        start = "    Config.exception_logger = logger\n" if name in configured else ""
        files[f"otel/{name}/__init__.py"] = (
            "from otel.%s.config import Config\n\n\ndef instrument(logger):\n%s    return Config.use_legacy_attributes\n" % (name, start)
        )
        files[f"otel/{name}/config.py"] = config
    return files


def _plugin_configs() -> dict[str, str]:
    files = {
        "app/__init__.py": "", "app/plugin/__init__.py": "",
        "app/plugin/config.py": "class PluginConfig:\n    def validate(self):\n        return True\n",
        "app/connectors/__init__.py": "",
    }
    config = (
        "from app.plugin.config import PluginConfig\n\n\nclass Config(PluginConfig):\n    source: str\n"
        "    email: str\n    subject: str\n    message: str\n    {own}: str\n\n"
        "    def check(self):\n        return bool(self.source and self.{own})\n"
    )
    for service, action, own in (("mailchimp", "tag_contact", "audience"), ("sendgrid", "send_email", "list_id"), ("hubspot", "add_company", "company")):
        here = f"app/connectors/{service}/{action}"
        files.update({
            f"app/connectors/{service}/__init__.py": "", f"{here}/__init__.py": "",
            f"{here}/config.py": config.format(own=own),
            f"{here}/plugin.py": f"from app.connectors.{service}.{action}.config import Config\n\n\nCONFIG = Config\n",
        })
    return files


def _entity_forms() -> dict[str, str]:
    form = (
        "from django import forms\n\n\nclass CreateForm(forms.Form):\n    name = forms.CharField()\n"
        "    is_active = forms.BooleanField(required=False)\n    {own} = forms.CharField()\n\n\n"
        "class EditForm(CreateForm):\n    is_active = forms.BooleanField(required=False)\n"
    )
    view = "from app.forms.{entity} import CreateForm, EditForm\n\n\ndef create(request):\n    return CreateForm(request.POST)\n"
    files = {"app/__init__.py": "", "app/forms/__init__.py": "", "app/views/__init__.py": ""}
    for entity, own in (("jira", "address"), ("kafka", "brokers"), ("smtp", "host")):
        files[f"app/forms/{entity}.py"] = form.format(own=own)
        files[f"app/views/{entity}.py"] = view.format(entity=entity)
    return files


def _module_contexts() -> dict[str, str]:
    context = (
        "import os\n\n\nclass ModuleCtx:\n    Env_Type = 'Zato_{name}_Type'\n    Env_Host = 'Zato_{name}_Host'\n"
        "    Env_Port = 'Zato_{name}_Port'\n    Env_Username = 'Zato_{name}_Username'\n"
        "    Env_Password = 'Zato_{name}_Password'\n    Env_SSL = 'Zato_{name}_SSL'\n"
        "    Type_MySQL = 'mysql'\n    Default_SSL = False\n\n\ndef address():\n"
        "    return os.environ[ModuleCtx.Env_Host], os.environ[ModuleCtx.Env_Port]\n"
    )
    files = {"app/__init__.py": ""}
    for package, module, name in (("ext_db", "api", "X"), ("pubsub", "config", "Y"), ("scheduler", "client", "Z")):
        files[f"app/{package}/__init__.py"] = ""
        files[f"app/{package}/{module}.py"] = context.format(name=name)
    return files


_IERROR = "WXBizMsgCrypt_OK = 0\nWXBizMsgCrypt_EncryptAES_Error = -40006\n"
_CRYPT = (
    "from . import ierror\n\n\nclass Prpcrypt:\n    def __init__(self, key):\n        self.key = key\n\n"
    "    def encrypt(self, text):\n        if not text:\n            return ierror.WXBizMsgCrypt_EncryptAES_Error, None\n"
    "        return ierror.WXBizMsgCrypt_OK, text[::-1]\n"
)


_REFINERY = (
    "class RefineryBase:\n    def __init__(self, data, steps=10):\n        self.data = data\n        self.steps = steps\n\n"
    "    def residuals(self, params):\n        return [d - params for d in self.data]\n\n"
    "    def gradients(self, params):\n        return [-1.0 for _ in self.data]\n\n"
    "    def minimise(self, params):\n        for _ in range(self.steps):\n"
    "            params -= sum(self.residuals(params)) / len(self.data)\n        return params\n"
)


_CLEAN_COMMAND = (
    "import shutil\n\nfrom setuptools import Command, setup\n\n\nclass CleanCommand(Command):\n"
    "    description = 'remove build output'\n    user_options = []\n\n"
    "    def initialize_options(self):\n        self.cwd = None\n\n"
    "    def finalize_options(self):\n        self.cwd = '.'\n\n"
    "    def run(self):\n        shutil.rmtree('build', ignore_errors=True)\n"
)


def _pasting_generator(pasted: str) -> dict[str, str]:
    """A script that writes ``app/_models.py`` with ``pasted`` (its class's source, or a
    string), and that generated module."""
    shape = "class PromptMessage(BaseModel):\n    role: str\n    content: str\n"
    return {
        "app/__init__.py": "",
        "app/_models.py": "# This file is generated. Do not edit by hand.\nfrom pydantic import BaseModel\n\n\n" + shape,
        "app/use.py": "from app._models import PromptMessage\n",
        "scripts/compile.py": "import inspect\nfrom pathlib import Path\nfrom pydantic import BaseModel\n\n"
        + shape + f"\n\ndef main(out):\n    (Path(out) / '_models.py').write_text({pasted})\n",
    }


def _databases() -> dict[str, str]:
    """blueking-dbm's per-database flows: parts whose modules share their names (each
    named for its part) and little else, one module copied whole between two of them."""
    errors = (
        "class FlowError(Exception):\n    code = 1\n\n    def describe(self):\n        return 'flow failed'\n\n\n"
        "class CountError(FlowError):\n    code = 2\n\n    def describe(self):\n        return 'wrong machine count'\n"
    )
    files = {"scene/__init__.py": ""}
    for db in ("doris", "vm", "kafka"):
        files[f"scene/{db}/__init__.py"] = ""
        for step in ("apply", "base", "destroy", "reboot", "shrink"):
            files[f"scene/{db}/{db}_{step}_flow.py"] = (
                f"class {db.title()}{step.title()}Flow:\n    def run(self):\n        return '{db} {step}'\n"
            )
    files["scene/doris/exceptions.py"] = errors
    files["scene/vm/exceptions.py"] = errors
    files["scene/kafka/exceptions.py"] = "class KafkaError(Exception):\n    pass\n"
    return files


def _forks(names: tuple[str, ...], whole: bool = True) -> dict[str, str]:
    """execution-specs: one package per hard fork, each a whole copy of the previous one;
    not ``whole``: each holds modules of its own beside the copied ``blocks.py``."""
    header = (
        "from dataclasses import dataclass\n\n\n@dataclass\nclass Header:\n    parent_hash: bytes\n    number: int\n"
        "    gas_limit: int\n\n    def child_number(self):\n        return self.number + 1\n"
    )
    files = {"spec/__init__.py": ""}
    for name in names:
        files[f"spec/{name}/__init__.py"] = f'"""The {name} fork."""\n'
        files[f"spec/{name}/blocks.py"] = header
        for module in ("state", "trie", "fork_types", "transactions", "utils"):
            place = module if whole else f"{module}_{len(files)}"
            files[f"spec/{name}/{place}.py"] = f"def {module}_root(items):\n    return len(items)\n"
    return files


_STORED_REFERENCE = (
    "from typing import TypedDict\n\n\nclass StoredCodeReference(TypedDict):\n    file_path: str\n    line_number: int\n"
)
_API_CASE = (
    "import unittest\n\n\nclass ApiTestCase(unittest.TestCase):\n    def setUp(self):\n        self.client = object()\n\n"
    "    def login(self, user):\n        self.user = user\n"
)


def _module_tests() -> dict[str, str]:
    """Modules that each end with their own ``Test`` case, two of them through a shared
    first-party base test case."""
    test = (
        "class Test({base}):\n    def testCopyAndDeepcopy(self):\n        from lib.testing import copy_all\n"
        "        copy_all(self, globals())\n"
    )
    return {
        "lib/__init__.py": "",
        "lib/tie.py": "import unittest\n\n\nclass Tie:\n    kind = 'start'\n\n\n" + test.format(base="unittest.TestCase"),
        "lib/beam.py": "import unittest\n\n\nclass Beam:\n    kind = 'full'\n\n\n" + test.format(base="unittest.TestCase"),
        "lib/clef.py": "from lib.base_test import ModuleTest\n\n\nclass Clef:\n    sign = 'G'\n\n\n" + test.format(base="ModuleTest"),
        "lib/note.py": "from lib.base_test import ModuleTest\n\n\nclass Note:\n    step = 'C'\n\n\n" + test.format(base="ModuleTest"),
        "lib/base_test.py": "from unittest import TestCase\n\n\nclass ModuleTest(TestCase):\n    maxDiff = None\n",
    }


RULE = Rule(
    code="SSOT001",
    name="duplicate-concept",
    summary="A second implementation of a concept that must exist once (or a class name defined twice)",
    check=check,
    affected_names=duplicates_affected,
    check_names=check_names,
    fixable="sometimes",
    validate=validate,
    valid=(
        # An OpenAPI client generator's query parameters, one per endpoint package and the
        # same in each, with no header saying so (bitmovin's SDK): the template's
        # `openapi_types` and `attribute_map` say who writes them.
        Example({
            "sdk/__init__.py": "",
            **{
                path: content
                for muxing in ("fmp4", "ts")
                for path, content in (
                    (f"sdk/{muxing}/__init__.py", ""),
                    (
                        f"sdk/{muxing}/aes_list_query_params.py",
                        "class AesListQueryParams(object):\n    def __init__(self, offset=None, limit=None):\n"
                        "        self.offset = offset\n        self.limit = limit\n\n"
                        "    @property\n    def openapi_types(self):\n        return {'offset': 'int', 'limit': 'int'}\n\n"
                        "    @property\n    def attribute_map(self):\n        return {'offset': 'offset', 'limit': 'limit'}\n",
                    ),
                    (f"sdk/{muxing}/aes_api.py", f"from sdk.{muxing}.aes_list_query_params import AesListQueryParams\n"),
                )
            },
        }),
        # Two REST resources of an OpenStack SDK, one listing under each binding's path
        # (otcextensions' `NotBoundApi`): two endpoints, whatever fields they share.
        Example({
            "sdk/__init__.py": "",
            **{
                f"sdk/{module}.py": (
                    "from openstack import resource\n\n\nclass NotBoundApi(resource.Resource):\n"
                    f"    base_path = '/apigw/instances/%(gateway_id)s/{name}-bindings/unbinded-apis'\n"
                    "    allow_list = True\n    resources_key = 'apis'\n"
                    "    gateway_id = resource.URI('gateway_id')\n    auth_type = resource.Body('auth_type', type=str)\n"
                    "    run_env_name = resource.Body('run_env_name', type=str)\n"
                )
                for module, name in (("signature_binding", "sign"), ("throttling_policy_binding", "throttle"))
            },
        }),
        # Two audits' input forms, the same two fields, the application each validates
        # against built from its own model (carbure's `GenerateSampleForm` for charge points
        # and for meter readings): one pattern applied to two models, not one form twice.
        Example({
            "audit/__init__.py": "",
            "audit/models.py": "class ChargePointApplication:\n    kind = 'charge'\n\n\n"
            "class MeterReadingApplication:\n    kind = 'meter'\n",
            **{
                f"audit/{name}.py": (
                    f"from django import forms\nfrom audit.models import {model}\n\n\nclass RejectApplicationForm(forms.Form):\n"
                    f"    application_id = forms.ModelChoiceField(queryset={model}.objects.all())\n"
                    "    force_rejection = forms.BooleanField(required=False)\n"
                )
                for name, model in (("charge_points", "ChargePointApplication"), ("meter_readings", "MeterReadingApplication"))
            },
        }),
        # Each entity's own `Get` record (openWB's MQTT sub-trees), one imported by the
        # module of its own package that uses it; and a record whose fields are a part of
        # another's, the shared ones typed otherwise (the hardware handler's `Get`).
        Example({
            "control/__init__.py": "",
            "control/bat.py": "from dataclasses import dataclass\n\n\n@dataclass\nclass Get:\n    soc: int = 0\n"
            "    power: float = 0\n    fault_str: str = ''\n",
            "control/chargepoint/__init__.py": "",
            "control/chargepoint/data.py": "from dataclasses import dataclass\nfrom typing import Optional\n\n\n"
            "@dataclass\nclass Get:\n    power: float = 0\n    fault_str: str = ''\n    plug_state: bool = False\n"
            "    rfid: Optional[int] = None\n",
            "control/chargepoint/chargepoint.py": "from control.chargepoint.data import Get\n\n\ndef read(g: Get):\n"
            "    return g.power\n",
            "handler/__init__.py": "",
            "handler/config.py": "from dataclasses import dataclass\nfrom typing import Optional\n\n\n"
            "@dataclass\nclass Get:\n    power: float = 0\n    rfid: Optional[str] = None\n",
        }),
        # Two backends' classes on the result of one factory's call (deepmd-kit's
        # `make_base_model()`, `make_plugin_registry(...)`): each call a class with its own
        # registry, each backend registering the same keys in its own.
        Example({
            "app/__init__.py": "",
            "app/registry.py": "def make_base_model():\n    class Base:\n        plugins = {}\n    return Base\n",
            "app/core/__init__.py": "",
            "app/core/base_model.py": "def make_base_model():\n    class Base:\n        plugins = {}\n    return Base\n\n\n"
            "class BaseModel(make_base_model()):\n    \"\"\"The core backend's models.\"\"\"\n\n    pass\n",
            "app/core/dipole.py": "from app.core.base_model import BaseModel\n\n\n@BaseModel.register('dipole')\nclass Dipole: ...\n",
            "app/torch/__init__.py": "",
            "app/torch/model.py": "from app.core.base_model import make_base_model\n\n\nclass BaseModel(make_base_model()):\n"
            "    \"\"\"The torch backend's models.\"\"\"\n",
            "app/torch/dipole.py": "from app.torch.model import BaseModel\n\n\n@BaseModel.register('dipole')\nclass Dipole2: ...\n",
            "app/core/block.py": "import abc\nfrom app.registry import make_base_model as registry\n\n\n"
            "class Block(abc.ABC, registry()):\n    def call(self, x):\n        return x\n\n    def share(self):\n        return 1\n",
            "app/torch/block.py": "import abc, torch\nfrom app.registry import make_base_model as registry\n\n\n"
            "class Block(torch.nn.Module, abc.ABC, registry()):\n    def forward(self, x):\n        return x * 2\n\n"
            "    def share(self):\n        return 2\n",
        }),
        # Ansible modules a generator assembles from fragment files (openshift-tools'
        # `generate.py`, each pasted region marked `Begin included fragment: <path>`):
        # every pasted class is its fragment's, kept in step by the generator.
        Example({
            "roles/lib_utils/src/class/yedit.py": _YEDIT,
            "roles/lib_utils/library/oc_edit.py": _pasted("../../lib_utils/src/class/yedit.py", "oc_edit"),
            "roles/lib_utils/library/oc_env.py": _pasted("../../lib_utils/src/class/yedit.py", "oc_env"),
        }),
        # Two scripts, each building its classes from the options it was started with
        # (gem5's `configs/splash2/run.py` and `cluster.py`, `latency = args.l1latency`
        # after `args = parser.parse_args()`): each class is its program's own.
        Example({f"configs/splash2/{name}.py": _SCRIPT_CACHE.format(latency=latency) for name, latency in (("run", "1ns"), ("cluster", "2ns"))}),
        # One module per chip, each with its own table of register constants, the values
        # differing across the family (pyOCD's `DBGMCU`).
        Example(_chip_targets(("0xE0042004", "0xE0042020", "0xE00E1004"))),
        # The same two with docstrings of their own: two implementations, compared by their
        # members, none written alike.
        Example(_task_handlers("Runs the maintenance modules it is given")),
        # The same docstring over a method that takes other parameters: a class ported to
        # another interface (blueking-paas' two pollers' `AbortPolicy.evaluate`).
        Example({
            path: text.replace("def run_tasks(self, tasks, func):", "def run_tasks(self, processes, tasks, func):")
            if path.endswith("main.py") else text
            for path, text in _task_handlers("Handles the running of the tasks it is given").items()
        }),
        # Two programs of a benchmark suite, each training its own model (PyG's
        # `benchmark/citation/gcn.py` and `cheb.py`): each measures its own thing.
        Example(_benchmark_programs("benchmark/citation")),
        # ... and in a folder named for benchmarking (Daft's `benchmarking/ai/`).
        Example(_benchmark_programs("benchmarking/ai")),
        # Two operations registered under their dialects' names (xDSL's `func.func` and
        # `arm_func.func`), and one interface's text over each module's own operation.
        Example(_dialect_ops("arm_func.func")),
        # Each driver's hooks over the base's classes of their names, one of them with a body
        # of its own: each module's own overrides, found through its module (the two cursors
        # alike are still each driver's; see `_driver_hooks`).
        Example(_driver_hooks("    def __exit__(self, *exc):\n        return False\n")),
        # One module per encoding, each family of classes written alike over its own
        # module's `codec` (the standard library's CJK codecs): each module's own.
        Example({
            f"codecs_pkg/{name}.py": (
                f"import codecs\nimport _multibytecodec as mbc\n\ncodec = mbc.getcodec('{name}')\n\n\n"
                "class Codec(codecs.Codec):\n    encode = codec.encode\n    decode = codec.decode\n\n\n"
                "class IncrementalEncoder(mbc.MultibyteIncrementalEncoder, codecs.IncrementalEncoder):\n"
                "    codec = codec\n\n\n"
                "class StreamReader(Codec, mbc.MultibyteStreamReader, codecs.StreamReader):\n    codec = codec\n"
            )
            for name in ("big5", "gbk", "euc_kr")
        }),
        # Each distribution's build script keeps its own command class (rekall's
        # `CleanCommand` in `rekall-gui/setup.py` and `rekall-agent/setup.py`): a setup.py
        # runs before anything of the project is installed, so it can import no other copy.
        Example({
            "agent/setup.py": _CLEAN_COMMAND + "\n\nsetup(name='agent', cmdclass={'clean': CleanCommand})\n",
            "agent/agent/__init__.py": "",
            "gui/setup.py": _CLEAN_COMMAND + "\n\nsetup(name='gui', cmdclass={'clean': CleanCommand})\n",
            "gui/gui/__init__.py": "",
        }),
        # Class statements run for their decorator's effect, the name thrown away (cctbx's
        # `@bp.inject_into(ext_class) class _():`, which copies its methods onto a
        # Boost.Python extension class): no concept, and no shadowing, in a module or
        # across two.
        Example({
            "app/__init__.py": "",
            "app/ext.py": "import boost_adaptbx.boost.python as bp\n\next = bp.import_ext('app_ext')\n\n\n"
                          "@bp.inject_into(ext.A)\nclass _():\n    def show(self):\n        return 'a'\n\n\n"
                          "@bp.inject_into(ext.B)\nclass _():\n    def show(self):\n        return 'b'\n",
            "app/more.py": "import boost_adaptbx.boost.python as bp\nfrom app.ext import ext\n\n\n"
                           "@bp.inject_into(ext.A)\nclass _():\n    def show(self):\n        return 'a'\n",
        }),
        # A module a package of its name hides (pyNastran's `cards/aero.py` beside
        # `cards/aero/`): never imported, so its classes are never defined.
        Example({
            "app/__init__.py": "",
            "app/cards/__init__.py": "",
            "app/cards/aero.py": _AERO,
            "app/cards/aero/__init__.py": _AERO,
            "app/model.py": "from app.cards.aero import CAERO1\n",
        }),
        # Each Django management command's own options type (courtlistener's `OptionsType`
        # TypedDict in each command, the keys of its own flags, some common).
        Example(_command_options()),
        # Each action plugin's own settings on the host's interface, imported only by its own
        # plugin (tracardi's `connectors/<service>/model/config.py`): the fields every
        # plugin has (`source`) make no one class of them.
        Example(_plugin_configs()),
        # Each instrumentation package's settings object, set by its own code when it starts
        # (openllmetry's `Config.exception_logger = logger`): two states, not one class twice.
        Example(_instrumentor_configs(("agno", "groq"))),
        # One module per entity, each with the form classes of its role, each imported
        # only by the view named as its module (zato's web admin `forms/cloud/jira.py`
        # for `views/cloud/jira.py`): each entity's own form, not one form three times.
        Example(_entity_forms()),
        # Each module's own namespace of constants, read only there (zato's `ModuleCtx`
        # in modules of many packages): one convention, each module's own values.
        Example(_module_contexts()),
        # Each program's own empty error (opentrons' hardware scripts, each with
        # `InvalidInput(Exception): pass`, one importing another's): programs that only
        # programs import never catch each other's errors.
        Example({
            "app/__init__.py": "",
            "app/scripts/__init__.py": "",
            **{
                f"app/scripts/{name}.py": (
                    "import sys\n\n\nclass InvalidInput(Exception):\n    \"\"\"Bad input.\"\"\"\n\n\n"
                    "def main():\n    if not sys.argv[1:]:\n        raise InvalidInput('no args')\n\n\n"
                    "if __name__ == '__main__':\n    main()\n"
                )
                for name in ("can_comm", "gripper", "sensors")
            },
            "app/scripts/can_control.py": (
                "from app.scripts.can_comm import InvalidInput\n\n\ndef ask():\n    raise InvalidInput('x')\n\n\n"
                "if __name__ == '__main__':\n    ask()\n"
            ),
        }),
        # Each component's base for the API types a generator writes beside it (renku's
        # `apispec_base.BaseAPISpec`, which only that folder's generated `apispec.py`
        # imports): the generator's hook, one per folder.
        Example({
            "app/__init__.py": "",
            **{
                f"app/{part}/{name}": text for part in ("users", "secrets") for name, text in (
                    ("__init__.py", ""),
                    ("apispec_base.py", _API_BASE),
                    ("apispec.py", "# generated by datamodel-codegen:\n#   filename:  api.spec.yaml\n\n"
                     f"from app.{part}.apispec_base import BaseAPISpec\n\n\nclass Item(BaseAPISpec):\n    id: str\n"),
                )
            },
        }),
        # SQLAlchemy declarative roots, each its own registry and MetaData (renku's
        # per-component `BaseORM`): two table collections, though written alike.
        Example({
            "app/__init__.py": "",
            "app/users/__init__.py": "",
            "app/users/orm.py": _ORM_ROOT + "\n\nclass UserORM(BaseORM):\n    __tablename__ = 'users'\n",
            "app/groups/__init__.py": "",
            "app/groups/orm.py": _ORM_ROOT + "\n\nclass GroupORM(BaseORM):\n    __tablename__ = 'groups'\n",
            "app/migrations_env.py": "from app.users import orm as users\nfrom app.groups import orm as groups\n\n"
            "target_metadata = [users.BaseORM.metadata, groups.BaseORM.metadata]\n",
        }),
        # One table name mapped twice with two polymorphic identities (c2cgeoportal's `Log` of
        # the main and the static schema): two classes of one mapped hierarchy.
        Example({
            "app/__init__.py": "",
            "app/base.py": "class AbstractLog:\n    __abstract__ = True\n    id = 1\n",
            **{
                f"app/{schema}.py": (
                    f"from app.base import AbstractLog\n\n_schema = '{schema}'\n\n\nclass Log(AbstractLog):\n"
                    "    __tablename__ = 'log'\n    __table_args__ = {'schema': _schema}\n"
                    f"    __mapper_args__ = {{'polymorphic_identity': '{schema}', 'concrete': True}}\n"
                )
                for schema in ("main", "static")
            },
            "app/views.py": "from app.main import Log\nfrom app.static import Log as StaticLog\n",
        }),
        # Two bases that leave different methods to their subclasses (dials' lattice-search
        # and basis-vector-search `Strategy`, each the base of its own plugin group): two
        # families' interfaces, though their settings boilerplate is alike.
        Example({
            "app/__init__.py": "",
            "app/indexing/__init__.py": "",
            "app/indexing/lattice_search/__init__.py": "",
            "app/indexing/lattice_search/strategy.py": (
                'class Strategy:\n    """A base class for lattice search strategies."""\n\n    phil_help = None\n\n    phil_scope = None\n\n'
                "    def __init__(self, params=None, *args, **kwargs):\n        self._params = params\n"
                "        if self._params is None and self.phil_scope is not None:\n            self._params = self.phil_scope.extract()\n\n"
                "    def find_crystal_models(self, reflections, experiments):\n        raise NotImplementedError()\n"
            ),
            "app/indexing/basis_vector_search/__init__.py": "",
            "app/indexing/basis_vector_search/strategy.py": (
                'class Strategy:\n    """A base class for basis vector search strategies."""\n\n    phil_help = None\n\n    phil_scope = None\n\n'
                "    def __init__(self, max_cell, params=None, *args, **kwargs):\n        self._max_cell = max_cell\n"
                "        self._params = params\n        if self._params is None and self.phil_scope is not None:\n"
                "            self._params = self.phil_scope.extract()\n\n"
                '    def find_basis_vectors(self, reciprocal_lattice_vectors):\n        """The likely basis vectors."""\n'
                "        raise NotImplementedError()\n"
            ),
        }),
        # Two parallel parts' own copies, each used inside its part alone.
        Example(_app_parts("class ProposalViewSet:\n    model = 'proposal'\n")),
        # Each add-on's own empty error base and the errors on it (osf.io's `addons/github/`
        # and `addons/bitbucket/` `exceptions.py`): empty, the bases are no copied class.
        Example(
            {
                "addons/__init__.py": "",
                **{
                    f"addons/{addon}/{path}": text
                    for addon in ("github", "bitbucket")
                    for path, text in (
                        ("__init__.py", ""),
                        ("exceptions.py", "class ApiError(Exception):\n    pass\n\n\nclass NotFoundError(ApiError):\n    pass\n"),
                        ("api.py", f"from addons.{addon}.exceptions import NotFoundError\n\n\ndef get(key):\n    raise NotFoundError(key)\n"),
                    )
                },
            }
        ),
        # An informal interface kept in two modules (guildai's `ViewData`: methods that
        # raise NotImplementedError, one with a docstring alone): it implements nothing.
        Example(
            {
                "app/__init__.py": "",
                **{
                    f"app/{name}.py": (
                        "class ViewData:\n    \"\"\"Interface for view data.\"\"\"\n\n    def runs(self):\n"
                        "        raise NotImplementedError()\n\n    def config(self):\n        raise NotImplementedError()\n\n"
                        "    def one_run(self, run_id):\n        \"\"\"Returns one run.\"\"\"\n"
                    )
                    for name in ("view", "view_legacy")
                },
            }
        ),
        # Plugins a loader reads by one name off each file it loads by path (CrackMapExec's
        # `cme/modules/*.py`, each with its own `CMEModule`).
        Example(
            {
                "cme/__init__.py": "",
                "cme/loaders/__init__.py": "",
                "cme/loaders/moduleloader.py": (
                    "import importlib.util\n\n\ndef load(path):\n"
                    "    spec = importlib.util.spec_from_file_location('CMEModule', path)\n"
                    "    return spec.loader.load_module().CMEModule()\n"
                ),
                "cme/modules/enum_av.py": _cme_module("enum_av", "on_login", "connection.query('av')"),
                "cme/modules/runasppl.py": _cme_module("runasppl", "on_admin_login", "connection.execute('reg query')"),
            }
        ),
        # Variants of one base of their name, each its module's own (vumi's vendor
        # processors, chosen by their dotted path in configuration), even written alike.
        Example(_vendor_processors()),
        # ... also when the base's module cannot be read (vumi's Python 2 `default.py`).
        Example(_vendor_processors({"app/processors/default.py": "print 'Python 2'\n\n\nclass SubmitConfig:\n    pass\n"})),
        # ... also when the parts use one another, as long as many of them define it: each
        # part's own, as each service's errors.
        Example(
            {
                **_app_parts(_PERMISSION_MIXIN + "\n\nclass ProposalViewSet(PermissionInfoMixin):\n    model = 'proposal'\n"),
                "apps/topicprio/views.py": "from apps.ideas.views import idea_list\n\n\ndef topic_list(request):\n"
                "    return idea_list(request)\n",
            }
        ),
        # A stand-in block under a bare `except:` for a missing module, in two programs
        # (insights-core's `try: import colorama as C` / `except: class Pass` and `class C`).
        Example(
            {
                "app/__init__.py": "",
                **{
                    f"app/{tool}.py": "try:\n    import colorama as C\n    C.init()\nexcept:\n    class Pass(object):\n"
                    "        def __getattr__(self, name):\n            return ''\n\n    class C(object):\n"
                    "        Fore = Pass()\n        Style = Pass()\n\n\ndef red(text):\n    return C.Fore.RED + text\n"
                    for tool in ("cat", "inspect")
                },
                "app/main.py": "from app.cat import red\nfrom app.inspect import red as red2\n",
            }
        ),
        # Two services' result records sharing two vocabulary fields, each with results of
        # its own (researchhub's `EnrichmentResult`s): namesakes.
        Example(
            {
                "app/__init__.py": "",
                "app/openalex.py": "from dataclasses import dataclass\n\n\n@dataclass\nclass EnrichmentResult:\n"
                "    status: str\n    license: str | None = None\n    reason: str | None = None\n"
                "    authors_created: int = 0\n    hubs_created: int = 0\n",
                "app/metrics.py": "from dataclasses import dataclass\n\n\n@dataclass\nclass EnrichmentResult:\n"
                "    status: str\n    metrics: dict | None = None\n    reason: str | None = None\n",
                "app/jobs.py": "from app.metrics import EnrichmentResult\n",
            }
        ),
        # One library class set up by two views, some settings set apart (researchhub's two
        # `CursorSetPagination(CursorPagination)`, 10 and 20 a page): each view's own.
        Example(
            {
                "app/__init__.py": "",
                "app/audit.py": "from rest_framework.pagination import CursorPagination\n\n\n"
                "class CursorSetPagination(CursorPagination):\n    page_size = 10\n    cursor_query_param = 'page'\n",
                "app/contributions.py": "from rest_framework.pagination import CursorPagination\n\n\n"
                "class CursorSetPagination(CursorPagination):\n    page_size = 20\n    cursor_query_param = 'page'\n"
                "    ordering = '-created_date'\n",
            }
        ),
        # Two modules an `if` on the library's version chooses between, each reading the
        # library's names from where that version keeps them: each version's own class.
        Example(_library_versions("polars.type_aliases")),
        # Code taken from other projects: two files the project's linters skip whole, and two
        # modules of a package whose `__init__` says it is adapted from another project's.
        Example({**_ARCH, "arch/face/stylegan2.py": _SKIP_FILE + _EQUAL_LINEAR, "arch/face/bilinear.py": _SKIP_FILE + _EQUAL_LINEAR}),
        Example(
            {
                **_ARCH, "arch/mlsd/__init__.py": "# Adapted from https://github.com/huggingface/controlnet_aux\n",
                "arch/mlsd/models/__init__.py": "", "arch/mlsd/models/tiny.py": _EQUAL_LINEAR,
                "arch/mlsd/models/large.py": _EQUAL_LINEAR,
            }
        ),
        # Two ports of two repositories, in modelscope's words: "adopted from" with the address
        # two lines below, and a first header line that is only an address.
        Example(
            {
                **_ARCH,
                "arch/midas_blocks.py": "# This implementation is adopted from MiDaS\n# made publicly available under the MIT "
                "license\n# https://github.com/isl-org/MiDaS\n" + _EQUAL_LINEAR,
                "arch/psp_helpers.py": "# https://github.com/eladrich/pixel2style2pixel\n\n" + _EQUAL_LINEAR,
            }
        ),
        # Another project's file copied in, its header says (with its address): its classes
        # are upstream's, not the project's duplicates.
        Example(
            {"app/__init__.py": "", "app/models.py": _LANGUAGE, "app/kolibri_content/__init__.py": "",
             "app/kolibri_content/base.py": _UPSTREAM_HEADER + _LANGUAGE, "app/use.py": "from app.models import Language\n"}
        ),
        # Each module's table on its own module's ``Base = declarative_base()`` (mlrun's
        # per-database model modules): two registries, two classes.
        Example(_TABLES),
        # Two programs each run on its own by path (pursuedpybear's `viztests/`, a folder
        # that is no package, each file ending with a call that runs it), nothing importing
        # either: each `Scene` is its program's own, with its own lifespan.
        Example(
            {
                "game/__init__.py": "class Scene:\n    def on_update(self, event):\n        pass\n",
                **{
                    f"viztests/{name}.py": (
                        "import game\n\n\nclass Scene(game.Scene):\n"
                        f"    lifespan = {span}\n    running = 0\n\n"
                        "    def on_update(self, event):\n        self.running += event.time_delta\n"
                        "        if self.running > self.lifespan:\n            event.signal('stop')\n\n\n"
                        "game.run(starting_scene=Scene)\n"
                    )
                    for name, span in (("soundonly", 2), ("sound_flooded", 4))
                },
            }
        ),
        # The same with the values declared as dataclass fields (trl's dataset scripts, each
        # with its `ScriptArguments` for its own HfArgumentParser): a field's declared
        # default is its value, and each script pushes to a repository of its own.
        Example(
            {
                f"scripts/generate_{name}.py": (
                    "from dataclasses import dataclass, field\n\n\n@dataclass\nclass ScriptArguments:\n"
                    "    test_size: float = field(default=0.1, metadata={'help': 'Fraction held out.'})\n"
                    f"    repo_id: str = field(default='org/{name}', metadata={{'help': 'Where to push.'}})\n\n\n"
                    "if __name__ == '__main__':\n    print(ScriptArguments())\n"
                )
                for name in ("harmony", "zen")
            }
        ),
        # Each module's own private helper base, copied (SQLAlchemy's per-dialect
        # `_FormatTypeMixin`): what each builds on it is its own module's, even written
        # nearly alike.
        Example(
            {
                "app/__init__.py": "", "app/dialects/__init__.py": "",
                "app/dialects/mysql/__init__.py": "", "app/dialects/sqlite/__init__.py": "",
                "app/sqltypes.py": "class JSON:\n    class JSONPathType:\n        def string_bind_processor(self, dialect):\n            return None\n",
                "app/dialects/mysql/json.py": 'from app import sqltypes\n\n\nclass _FormatTypeMixin:\n    def _format_value(self, value):\n        raise NotImplementedError()\n\n    def bind_processor(self, dialect):\n        return self._format_value\n\n\nclass JSONPathType(_FormatTypeMixin, sqltypes.JSON.JSONPathType):\n    cache_ok = True\n\n    def _format_value(self, value):\n        return "$" + str(value)\n\n    def literal_processor(self, dialect):\n        return lambda value: repr(value)\n',
                "app/dialects/sqlite/json.py": 'from app import sqltypes\n\n\nclass _FormatTypeMixin:\n    def _format_value(self, value):\n        raise NotImplementedError()\n\n    def bind_processor(self, dialect):\n        return self._format_value\n\n\nclass JSONPathType(_FormatTypeMixin, sqltypes.JSON.JSONPathType):\n    cache_ok = True\n\n    def _format_value(self, value):\n        return "$" + str(value)\n\n    def literal_processor(self, dialect):\n        return lambda value: repr(str(value))\n',
                "app/use.py": "from app.dialects.mysql.json import JSONPathType\n",
            }
        ),
        # A stream's partial record and the finished one: a third module imports both under
        # names of its own and builds the finished one from the deltas (onyx's
        # `tracing_wrap.py`): kept apart on purpose.
        Example(
            {
                "app/__init__.py": "",
                "app/models.py": "from pydantic import BaseModel\n\n\nclass FunctionCall(BaseModel):\n"
                "    name: str\n    arguments: str\n",
                "app/stream.py": "from pydantic import BaseModel\n\n\nclass FunctionCall(BaseModel):\n"
                "    name: str | None = None\n    arguments: str | None = None\n",
                "app/wrap.py": "from app.stream import FunctionCall as Delta\n\n\ndef gather(chunks):\n"
                "    from app.models import FunctionCall as Finished\n    delta = Delta(name=chunks[0])\n"
                "    return Finished(name=delta.name, arguments=''.join(chunks[1:]))\n",
            }
        ),
        # A runner's wire record and the public model, a service building the one from each
        # of the other, imported under a name of its own (dstack's `RunnerLogEvent`).
        Example(
            {
                "app/__init__.py": "",
                "app/schemas.py": "from pydantic import BaseModel\n\n\nclass LogEvent(BaseModel):\n"
                "    timestamp: int\n    message: bytes\n",
                "app/models.py": "from datetime import datetime\n\nfrom pydantic import BaseModel\n\n\nclass LogEvent(BaseModel):\n"
                "    timestamp: datetime\n    message: str\n",
                "app/logs.py": "from app.models import LogEvent\nfrom app.schemas import LogEvent as RunnerLogEvent\n\n\n"
                "def convert(events: list[RunnerLogEvent]) -> list[LogEvent]:\n"
                "    return [LogEvent(timestamp=e.timestamp, message=e.message.decode()) for e in events]\n",
            }
        ),
        # A hand-written overlay of a generated class, importing it under an alias its body
        # converts from (gs-quant's `common.py` over `target/`): written knowing the other.
        Example(
            {
                "app/__init__.py": "", "app/target/__init__.py": "",
                "app/target/common.py": "class Entity:\n    def __init__(self, id):\n        self.id = id\n\n"
                "    def as_dict(self):\n        return {'id': self.id}\n",
                "app/common.py": "from app.target.common import Entity as _Entity\n\n\nclass Entity:\n"
                "    def __init__(self, id):\n        self.id = id\n\n    def as_dict(self):\n        return {'id': self.id}\n\n"
                "    @classmethod\n    def of(cls, other: _Entity):\n        return cls(other.id)\n",
                "app/use.py": "from app.common import Entity\nfrom app.target.common import Entity as E\n",
            }
        ),
        # Two vendors' wire models of a user, one field in common: the framework's options
        # (`model_config`) both have say nothing of what they hold (onyx's Jira and Teams).
        Example(
            {
                "app/__init__.py": "", "app/jira/__init__.py": "", "app/teams/__init__.py": "",
                "app/jira/models.py": "from pydantic import BaseModel, ConfigDict\n\n\nclass User(BaseModel):\n"
                "    account_id: str\n    email_address: str\n    display_name: str\n    active: bool\n\n"
                "    model_config = ConfigDict(alias_generator=str.title)\n",
                "app/teams/models.py": "from pydantic import BaseModel, ConfigDict\n\n\nclass User(BaseModel):\n"
                "    id: str\n    display_name: str\n\n    model_config = ConfigDict(populate_by_name=True)\n",
                "app/use.py": "from app.jira.models import User\nfrom app.teams.models import User as TeamsUser\n",
            }
        ),
        # A plugin protocol: the loader reads ``Exploit`` off each module it imports by
        # path, so every plugin module defines one, whoever extends whose.
        Example(_plugin_modules("Exploit")),
        # One record for two consumers: the webhook payload nests its own module's
        # ``ProjectSerializer`` where the API's serializer gives the project's id.
        Example(_payload_serializers("Field(attr='project_id')")),
        # A tool's configuration file, run by the tool with `get_config` injected (IPython's
        # ipython_config.py): never imported, so two copies of one profile are no concept.
        Example(
            {
                "extra/docker/ipython_config.py": (
                    "c = get_config()\nc.InteractiveShell.confirm_exit = False\n\nfrom IPython.terminal.prompts import Prompts, Token\n\n\n"
                "class ClassicPrompts(Prompts):\n    def in_prompt_tokens(self, cli=None):\n        return [(Token.Prompt, '>>> ')]\n\n"
                "    def out_prompt_tokens(self):\n        return []\n\n\nc.TerminalInteractiveShell.prompts_class = ClassicPrompts\n"
                ),
                "travis/docker/ipython_config.py": (
                    "c = get_config()\nc.InteractiveShell.confirm_exit = False\n\nfrom IPython.terminal.prompts import Prompts, Token\n\n\n"
                "class ClassicPrompts(Prompts):\n    def in_prompt_tokens(self, cli=None):\n        return [(Token.Prompt, '>>> ')]\n\n"
                "    def out_prompt_tokens(self):\n        return []\n\n\nc.TerminalInteractiveShell.prompts_class = ClassicPrompts\n"
                ),
            }
        ),
        # Unit tests named ``*Tests.py`` beside the module each tests (a project's own runner
        # collects them), each a unittest case: test code, whose doubles are their own.
        Example(
            {
                "eng/__init__.py": "",
                "eng/Action.py": "class Action:\n    def run(self, node):\n        return node.path\n",
                **{
                    f"eng/{name}Tests.py": (
                        "import unittest\n\nfrom eng.Action import Action\n\n\n"
                        "class DummyNode:\n    def __init__(self, path):\n        self.path = path\n\n"
                        "    def exists(self):\n        return True\n\n\n"
                        f"class {name}TestCase(unittest.TestCase):\n"
                        "    def runTest(self):\n        assert Action().run(DummyNode('a')) == 'a'\n"
                    )
                    for name in ("Action", "Subst")
                },
            }
        ),
        # Another library copied in whole (PLY under ``app/parsers/ply/``), each module
        # stamped with its release as upstream ships it: its modules' shared helper is
        # upstream's, kept as released.
        Example(
            {
                "app/__init__.py": "",
                "app/parsers/__init__.py": "",
                "app/parsers/ply/__init__.py": "__version__ = '3.11'\n__all__ = ['lex', 'yacc']\n",
                **{
                    f"app/parsers/ply/{name}.py": (
                        "import sys\n\n__version__ = '3.11'\n\n\nclass NullLogger:\n"
                        "    def __getattribute__(self, name):\n        return self\n\n"
                        "    def __call__(self, *args, **kwargs):\n        return self\n"
                    )
                    for name in ("lex", "yacc")
                },
                "app/parsers/main.py": "from app.parsers.ply import lex, yacc\n",
            }
        ),
        # Versioneer's installer holds the template it renders into each ``_version.py``:
        # the tool's own file, not the product's.
        Example(
            {
                "versioneer.py": (
                    "class VersioneerConfig:\n    VCS: str\n    style: str\n    versionfile_source: str\n"
                    "    versionfile_build: str\n\n\ndef get_config():\n    return VersioneerConfig()\n"
                ),
                "pkg/__init__.py": "from pkg._version import get_config\n",
                "pkg/_version.py": (
                    "class VersioneerConfig:\n    VCS: str\n    style: str\n    versionfile_source: str\n\n\n"
                    "def get_config():\n    return VersioneerConfig()\n"
                ),
                "pkg/cli.py": "from pkg._version import get_config\n",
            }
        ),
        # A ctypes forward declaration: the full structure's body points at the stub while
        # it runs (the name is still the stub's then), so the stub is used, not dead.
        Example(
            {
                "app/__init__.py": "",
                "app/native.py": (
                    "from ctypes import CFUNCTYPE, POINTER, Structure, c_int\n\n\n"
                    "class Exports(Structure):\n    pass\n\n\n"
                    "class Exports(Structure):\n    ADD = CFUNCTYPE(None, c_int, POINTER(Exports))\n\n"
                    "    _fields_ = [('n', c_int), ('add', ADD)]\n"
                ),
            }
        ),
        # A class backed by a native extension in a ``try`` whose ``except ImportError``
        # imports the pure-Python class instead: two alternatives, one bound at a time.
        Example(
            {
                "pkg/__init__.py": "",
                "pkg/py_token.py": "class TokenTypes:\n    NAME = 'NAME'\n    NUMBER = 'NUMBER'\n    OP = 'OP'\n",
                "pkg/token.py": (
                    "try:\n    from pkg_native import token_type as native\n\n"
                    "    class TokenTypes:\n        NAME = native.NAME\n        NUMBER = native.NUMBER\n"
                    "        OP = native.OP\n\nexcept ImportError:\n    from pkg.py_token import TokenTypes\n"
                ),
                "pkg/lexer.py": "from pkg.token import TokenTypes\n",
                "pkg/parser.py": "from pkg.token import TokenTypes\n",
            }
        ),
        # A stand-in engine (roundup's ``TAL/DummyEngine.py``) names its error class as the
        # real engine's, and each engine hands out its own: not a copy to import.
        Example(_STAND_IN),
        # A frozen snapshot of the models that only a migration imports (cloudkitty's
        # ``alembic/models/<revision>.py``): like the revision, it keeps its own copies.
        Example(_snapshot({})),
        # A public layer's class that converts into the lower layer's namesake, read off
        # that layer's module by its dotted path: each layer's own, not a copy.
        Example(
            {
                "app/__init__.py": "",
                "app/bridge/__init__.py": "",
                "app/bridge/runtime.py": _BRIDGE_CONFIG,
                "app/runtime.py": _PUBLIC_CONFIG.format(convert="app.bridge.runtime.PrometheusConfig"),
            },
        ),
        # The same, the lower layer's class read through a package that re-exports its
        # module (netket's model ``DeepSetMLP`` wraps ``nknn.blocks.DeepSetMLP``, after
        # ``import netket.nn as nknn``): a wrapper of its namesake, not a copy.
        Example(
            {
                "app/__init__.py": "",
                "app/bridge/__init__.py": "from app.bridge import runtime as rt\n",
                "app/bridge/runtime.py": _BRIDGE_CONFIG,
                "app/runtime.py": _PUBLIC_CONFIG.replace("import app.bridge.runtime", "import app.bridge as lower").format(
                    convert="lower.rt.PrometheusConfig"
                ),
            },
        ),
        # A tree that mirrors another file for file (kubernetes' asyncio client
        # ``kubernetes/aio/`` beside ``kubernetes/``), the same names defined in each twin
        # module, and neither tree imports the other: each backend keeps its own copies.
        Example(_mirror()),
        # ... also when the asynchronous tree's names carry ``async_`` (or ``Async``), which
        # unasync drops when it writes the synchronous one (httpcore's ``_async/``, ``_sync/``).
        Example(_mirror(prefix="async_")),
        # ... and a module of one tree against another module of the twin folder (httpcore's
        # ``_sync/http11.py`` and ``_async/http2.py``): neither tree imports from the other.
        Example(_moved(_mirror(), "pkg/aio/config/errors.py", "pkg/aio/config/failures.py")),
        # Two test modules run by their paths (a pytest-codspeed ``benchmarks/`` folder:
        # they import pytest and hold tests): each benchmark's own parameter class.
        Example(
            {
                "benchmarks/__init__.py": "",
                "benchmarks/streaming_benchmark.py": _BENCHMARK.format(tests=_BENCHMARK_TEST.format(name="streaming")),
                "benchmarks/request_benchmark.py": _BENCHMARK.format(tests=_BENCHMARK_TEST.format(name="request")),
            }
        ),
        # A copy the project's copy checker keeps in step (``# Copied from``, Hugging Face's
        # ``make fix-copies``), above the class or between its decorators and it: kept on
        # purpose, and it cannot drift.
        Example(
            {
                "app/__init__.py": "",
                "app/a.py": _POINT,
                "app/b.py": "import dataclasses\n\n\n@dataclasses.dataclass\n# Copied from app.a.Point\n" + _POINT_CLASS,
                "app/c.py": "# Copied from app.a.Point\n" + _POINT_CLASS,
            },
        ),
        # A one-word name no module imports by name, with members of its own in each module:
        # each entity's own lifecycle, named through its module (``objects.audit.State``).
        Example(
            {
                "app/__init__.py": "",
                "app/objects/__init__.py": "",
                "app/objects/action.py": _LIFECYCLE.format(own="    SKIPPED = 'SKIPPED'\n"),
                "app/objects/audit.py": _LIFECYCLE.format(own="    SUSPENDED = 'SUSPENDED'\n"),
                "app/api.py": "from app.objects import action, audit\n\nDONE = (action.State.SKIPPED, audit.State.SUSPENDED)\n",
            },
        ),
        # Parallel parts: the same module of each service (each its own ``exceptions.py``)
        # declares that service's errors; two of them named and written alike are each
        # service's own, raised and caught inside it; so are two dashboards' panels at one
        # place (the dashboards alike: each its own ``routers/urls.py`` too), each with its
        # own policy.
        Example(
            {
                "app/__init__.py": "",
                "app/core/__init__.py": "",
                "app/core/errors.py": "class JsonError(Exception):\n    pass\n",
                **{
                    f"app/{service}/{module}": text
                    for service, own in (("kinesis", "StreamNotFound"), ("ds", "DirectoryLimitExceeded"))
                    for module, text in (
                        ("__init__.py", ""),
                        ("exceptions.py", _SERVICE_ERRORS.format(own=own)),
                        ("models.py", _SERVICE_MODELS.format(service=service)),
                    )
                },
                **{
                    f"app/{service}/{module}": text
                    for service, own in (("shield", "AttackNotFound"), ("events", "RuleNotFound"), ("backup", "VaultFull"))
                    for module, text in (
                        ("__init__.py", ""),
                        ("exceptions.py", _SERVICE_ERRORS.format(own=own)),
                        ("models.py", _SERVICE_MODELS.format(service=service)),
                    )
                },
                # Two dashboards' panels at one place, each with its own policy.
                "app/dashboards/__init__.py": "",
                **{
                    f"app/dashboards/{board}/{module}": text
                    for board, policy in (("admin", "admin_required"), ("project", "member"))
                    for module, text in (
                        ("__init__.py", ""),
                        ("routers/__init__.py", ""),
                        ("routers/panel.py", f"class Routers:\n    slug = 'routers'\n    policy = '{policy}'\n"),
                        ("routers/urls.py", "from .panel import Routers\n"),
                    )
                },
                "app/urls.py": "from app.dashboards.admin.routers.panel import Routers\n",
            }
        ),
        # A generic payload (``Generic[StateT]``, subscripted by its users) and its plain
        # namesake, the wire projection declared by the client package it builds on: not
        # one class (neither can import the other in its place).
        Example(
            {
                "app/__init__.py": "",
                "app/types.py": (
                    "from typing import Generic, TypedDict, TypeVar\n\nStateT = TypeVar('StateT')\n\n\n"
                    "class CheckpointPayload(TypedDict, Generic[StateT]):\n    config: dict\n    values: StateT\n"
                    "    next: list\n"
                ),
                "app/run.py": (
                    "import sdk.client\nfrom app.types import CheckpointPayload\n\nPayload = CheckpointPayload[dict]\n"
                ),
                "sdk/__init__.py": "",
                "sdk/schema.py": (
                    "from typing import TypedDict\n\n\n"
                    "class CheckpointPayload(TypedDict):\n    config: dict\n    values: dict\n    next: list\n"
                ),
                "sdk/client.py": "from sdk.schema import CheckpointPayload\n",
            }
        ),
        # Sample programs in a package of samples (semantic-kernel's ``python/samples/``, an
        # ``__init__.py`` in each folder so that they share a settings module), each run on
        # its own with its own toy plugin.
        Example(
            {
                "app/__init__.py": "",
                "app/kernel.py": "def kernel_function(f):\n    return f\n",
                "samples/__init__.py": "",
                "samples/settings.py": "KEY = 'k'\n",
                "samples/agents/__init__.py": "",
                "samples/agents/step1_plugin.py": _MENU_SAMPLE,
                "samples/concepts/__init__.py": "",
                "samples/concepts/streaming.py": _MENU_SAMPLE,
                "samples/concepts/streaming_filter.py": _MENU_SAMPLE,
            }
        ),
        # Each app's own notification in its ``messages`` module, one app's module grown into
        # a package (bluebottle's ``time_based/messages/messages.py``): still the same place
        # of parallel parts, each app's own message.
        Example(
            _joined_apps(
                _JOINED.format(base="TransitionMessage", kind="slot", start="isoformat()").replace(
                    "return context", "context['slots'] = self.obj.slots\n        return context"
                )
            )
        ),
        # The same, the grown package's module named otherwise (SurfSense's tiktok scraper,
        # whose ``schemas.py`` became ``schemas/input.py``): still that app's own message.
        Example(
            _joined_apps(
                _JOINED.format(base="TransitionMessage", kind="slot", start="isoformat()").replace(
                    "return context", "context['slots'] = self.obj.slots\n        return context"
                ),
                module="participants",
            )
        ),
        # Two apps' listeners written alike, each over its own app's ``Post`` model (two
        # models of their own): each is bound to its own app, not a copy to import.
        Example(
            {
                "app/__init__.py": "",
                "app/forums/__init__.py": "",
                "app/forums/models.py": "class Post:\n    author = None\n    forum = None\n    thread = None\n",
                "app/forums/handlers.py": _LISTENER.format(app="forums"),
                "app/kb/__init__.py": "",
                "app/kb/models.py": "class Post:\n    creator = None\n    document = None\n    thread = None\n",
                "app/kb/listeners.py": _LISTENER.format(app="kb"),
                "app/signals.py": "from app.forums.handlers import ThreadListener\n",
            }
        ),
        # Each language's own version of a module, named for its language (lm-evaluation-harness'
        # ``ca_instructions.py`` beside the English ``instructions.py``): the prompts
        # translated, each checker that language's own.
        Example(
            _language_modules(
                _checkers("En tota la resposta, no facis servir comes.", "Acaba la resposta amb aquesta frase exacta {ender}.")
            )
        ),
        # Three languages' grammars composed alike (FunASR's per-language ``VerbalizeFinalFst``
        # over its language's ``VerbalizeFst``, itself the same lines in each language but
        # composing that language's own ``CardinalFst``): the same text down to parts that
        # differ, each class bound to its language.
        Example(
            {
                "tn/__init__.py": "",
                **{
                    f"tn/{lang}/{module}": text
                    for lang, word in (("en", "one"), ("es", "uno"), ("pt", "um"))
                    for module, text in (
                        ("__init__.py", ""),
                        ("cardinal.py", f"class CardinalFst:\n    words = ({word!r},)\n\n    def graph(self):\n        return self.words\n"),
                        ("verbalize.py", (
                            f"from tn.{lang}.cardinal import CardinalFst\n\n\nclass VerbalizeFst:\n"
                            "    def __init__(self):\n        self.parts = [CardinalFst().graph()]\n"
                        )),
                        ("verbalize_final.py", (
                            f"from tn.{lang}.verbalize import VerbalizeFst\n\n\nclass VerbalizeFinalFst:\n"
                            "    def __init__(self):\n        self.graph = VerbalizeFst().parts\n"
                        )),
                    )
                },
                "tn/run.py": "from tn.en.verbalize_final import VerbalizeFinalFst\nfrom tn.es.verbalize_final import VerbalizeFinalFst as Es\n",
            }
        ),
        # Each state's categorizer binds its own module's rules (``rules = rules``): the
        # same text, two classes, each configured by its module's data when it runs.
        Example(
            {
                "scrapers/__init__.py": "",
                "scrapers/base.py": "class BaseCategorizer:\n    rules = ()\n",
                **{
                    f"scrapers/{state}.py": (
                        f"from scrapers.base import BaseCategorizer\n\nrules = ({word!r},)\n\n\n"
                        "class Categorizer(BaseCategorizer):\n    rules = rules\n\n"
                        "    def categorize(self, text):\n        return [r for r in self.rules if r in text]\n"
                    )
                    for state, word in (("fl", "Filed"), ("va", "Tabled"))
                },
                "scrapers/run.py": "from scrapers.va import Categorizer\n",
            }
        ),
        # A first-party generator writes one module per service from each service's spec
        # (``Path(base, service) / "__init__.py"`` under its literal ``app/api``): two
        # services' shapes that agree are each its spec's own, so are a scaffolded
        # resource provider's, and a hand-written module of another service's.
        Example(_per_service({"app/services/sqs/__init__.py": "", "app/services/sqs/models.py": _TAG})),
        # A generator writes each module whole: what two generated modules share is its
        # business (an edit by hand is overwritten at its next run).
        Example(
            {
                "app/__init__.py": "",
                "app/gen/__init__.py": _GENERATED,
                "app/gen/mail.py": _GENERATED + _MANAGER.format(name="Notifier"),
                "app/gen/sms.py": _GENERATED + _MANAGER.format(name="Notifier"),
                # nor is a class it writes twice (the generator's to fix)
                "app/gen/push.py": _GENERATED + _MANAGER.format(name="Pusher") + "\n\n" + _MANAGER.format(name="Pusher"),
                "app/use.py": "from app.gen.mail import Notifier\n",
            }
        ),
        # A converter expands a source module into a generated one whose header names it
        # (transformers' ``modular_x.py`` -> ``modeling_x.py``): the output repeats the
        # source's classes by design, and the source is where they are edited.
        Example(
            {
                "src/app/__init__.py": "",
                "src/app/models/__init__.py": "",
                "src/app/models/modular_mail.py": _MANAGER.format(name="Notifier"),
                "src/app/models/modeling_mail.py": (
                    "# This file was automatically generated from src/app/models/modular_mail.py.\n"
                    "# Do NOT edit this file manually as any edits will be overwritten.\n\n"
                    + _MANAGER.format(name="Notifier")
                ),
                "src/app/models/sms.py": (
                    "# Generated from `modular_mail.py` by convert.py; do not edit.\n\n" + _MANAGER.format(name="Notifier")
                ),
                "src/app/use.py": "from app.models.modeling_mail import Notifier\n",
            }
        ),
        # Sample scripts (in a samples folder, no ``__init__.py``) are run one at a time:
        # each keeps its own classes, and none can import another by its dotted path.
        Example(
            {
                "samples/grpc_worker/run_rpc.py": _MANAGER.format(name="Notifier") + _MAIN,
                "samples/grpc_worker/run_pub_sub.py": _MANAGER.format(name="Notifier") + _MAIN,
            }
        ),
        # A samples folder named in capitals (Cython's ``Demos/benchmarks/``) is one too.
        Example(
            {
                "Demos/benchmarks/bm_pyclass.py": _MANAGER.format(name="Notifier") + _MAIN,
                "Demos/benchmarks/bm_cclass.py": _MANAGER.format(name="Notifier") + _MAIN,
            }
        ),
        # Each version of an API keeps its own copy: a bundled legacy major version
        # (``pkg/v1/``) and the live package, two generated per-version SDK packages; and a
        # second version's set of modules beside the first's (vulnerablecode's
        # ``pipelines/v2_improvers/``).
        Example(
            {
                "pkg/__init__.py": "",
                "pkg/retry.py": _RETRY,
                "pkg/client.py": "from pkg.retry import RetryConfig\n",
                "pkg/v1/__init__.py": "",
                "pkg/v1/retry.py": _RETRY,
                "pkg/v2_policies/__init__.py": "",
                "pkg/v2_policies/retry.py": _RETRY,
                "sdk/__init__.py": "",
                "sdk/v2026_04/__init__.py": "",
                "sdk/v2026_04/errors.py": _RETRY,
                "sdk/v2026_10/__init__.py": "",
                "sdk/v2026_10/errors.py": _RETRY,
            }
        ),
        # So does a module named for its version: BentoML's ``schemasv1.py`` and
        # ``schemasv2.py``, ``client.py`` beside ``client_v2.py``, ryu's
        # ``ofproto_v1_2_parser.py`` beside ``ofproto_v1_3_parser.py``, crewAI's ``v0_9.py``
        # (one protocol version's types) beside the package's ``catalog.py``.
        Example(
            {
                "app/__init__.py": "",
                "app/schemasv1.py": _RETRY,
                "app/schemasv2.py": _RETRY,
                "app/client.py": _RETRY.replace("RetryConfig", "Backoff"),
                "app/client_v2.py": _RETRY.replace("RetryConfig", "Backoff"),
                "app/a2ui/__init__.py": "",
                "app/a2ui/catalog.py": _RETRY.replace("RetryConfig", "ChildTemplate"),
                "app/a2ui/v0_9.py": _RETRY.replace("RetryConfig", "ChildTemplate"),
                # ryu's `ofproto_v1_2_parser.py` and `ofproto_v1_3_parser.py`: one per protocol version
                "app/ofproto_v1_2_parser.py": _RETRY.replace("RetryConfig", "OFPPropCommonExperimenter4ByteData"),
                "app/ofproto_v1_3_parser.py": _RETRY.replace("RetryConfig", "OFPPropCommonExperimenter4ByteData"),
                # opentrons' numbered snapshots of its database schema, `tables/schema_6.py`
                # and `schema_7.py`, each read by its migrations
                "app/tables/__init__.py": "",
                "app/tables/schema_6.py": _RETRY.replace("RetryConfig", "ProtocolKind"),
                "app/tables/schema_7.py": _RETRY.replace("RetryConfig", "ProtocolKind"),
                "app/use.py": "from app.schemasv1 import RetryConfig\nfrom app.a2ui.v0_9 import ChildTemplate\n"
                "from app.ofproto_v1_2_parser import OFPPropCommonExperimenter4ByteData\n"
                "from app.tables.schema_7 import ProtocolKind\n",
            }
        ),
        # A module unasync writes from its async source, by a rule of the project's own
        # generator (opensearch-py's `utils/generate_api.py`: `unasync.Rule(fromdir=
        # "/opensearchpy/_async/client/", todir="/opensearchpy/client/")`): the two are
        # one source, however alike, even where the async tree imports the sync one.
        Example(
            {
                "utils/generate_api.py": "import unasync\n\n\ndef dump():\n    rules = [unasync.Rule(\n"
                "        fromdir='/osp/_async/client/', todir='/osp/client/')]\n    unasync.unasync_files([], rules)\n",
                "osp/__init__.py": "", "osp/_async/__init__.py": "", "osp/_async/client/__init__.py": "",
                "osp/client/__init__.py": "", "osp/client/utils.py": "def _normalize_hosts(hosts):\n    return hosts\n",
                **{
                    f"osp/{tree}client/client.py": "from osp.client.utils import _normalize_hosts\n\n\nclass Client:\n"
                    "    def __init__(self, hosts=None, transport=None):\n        self.hosts = _normalize_hosts(hosts)\n"
                    "        self.transport = transport\n"
                    for tree in ("", "_async/")
                },
                "osp/use.py": "from osp.client.client import Client\nfrom osp._async.client.client import Client as A\n",
            }
        ),
        # A class with another's API, none of its statements written alike (the standard
        # library's `multiprocessing.synchronize.Event` after `threading.Event`; AllenSDK's
        # `SimpleTree` rewritten beside the old one): two implementations, not a copy.
        Example({
            "app/__init__.py": "",
            "app/core/__init__.py": "",
            "app/core/simple_tree.py": _tree("self._nodes[{arg}]", ("value_map", "filter_nodes")),
            "app/internal/__init__.py": "",
            "app/internal/core/__init__.py": "",
            "app/internal/core/simpletree.py": _tree("self.nodes.get({arg})", arg="node_id"),
            "app/use.py": "from app.core.simple_tree import SimpleTree\n",
        }),
        # Two solver backends implementing one interface on no base (GridCal's `LpModel` for
        # pulp and OR-Tools): the same method names, each body its own library's.
        Example({
            "app/__init__.py": "",
            "app/mip/__init__.py": "",
            **{
                f"app/mip/{lib}_interface.py": f"import {lib}\n\n\nclass LpModel:\n" + "".join(
                    f"    def {m}(self, *args):\n        return {lib}.{m}_{lib}(self.model, *args)\n\n"
                    for m in ("add_var", "add_cst", "minimize", "solve", "status", "get_value", "get_dual", "save")
                )
                for lib in ("pulp", "ortools")
            },
            "app/opf.py": "from app.mip.pulp_interface import LpModel\n",
        }),
        # Two add-ons a server loads by path, each versioned on its own (OpenPype's
        # `server_addon/<name>/server/`, each zipped apart): no import can name the other's.
        Example(_addons(versioned=True)),
        # One shared base bound to two libraries (volttron's `Socket(_Socket, zmq.Socket)`
        # for threads and `Socket(_Socket, zmq.green.Socket)` for gevent): an adapter each.
        Example({
            "app/__init__.py": "",
            "app/vip/__init__.py": "import zmq\nfrom app.vip.socket import _Socket\n\n\n" + _SOCKET_COPY,
            "app/vip/socket.py": "class _Socket:\n    def send_vip(self, peer):\n        return peer\n",
            "app/vip/green.py": "from zmq import green as zmq\nfrom app.vip.socket import _Socket\n\n\n"
            + _SOCKET_COPY + "\n    def __init__(self, *args):\n        super().__init__(*args)\n",
            "app/agent.py": "from app.vip import Socket\nfrom app.vip.green import Socket as GreenSocket\n",
        }),
        # Placeholders for what a platform lacks (pyroute2's `NetNS` on macOS and Windows,
        # whose `__init__` raises NotImplementedError), one module of an `if sys.platform`
        # chain each: they implement nothing, so neither is a copy of the other.
        Example(
            {
                "app/__init__.py": "",
                "app/iproute/__init__.py": "import sys\nif sys.platform.startswith('win'):\n"
                "    from app.iproute.windows import NetNS\nelif sys.platform.startswith('darwin'):\n"
                "    from app.iproute.darwin import NetNS\nelse:\n    from app.iproute.linux import NetNS\n",
                **{
                    f"app/iproute/{name}.py": "class NetNS:\n    \"\"\"Placeholder, to match the Linux code.\"\"\"\n\n"
                    "    def __init__(self, *argv, **kwarg):\n        raise NotImplementedError()\n\n"
                    "    def close(self):\n        raise NotImplementedError\n"
                    for name in ("windows", "darwin")
                },
                "app/iproute/linux.py": "class NetNS:\n    def __init__(self, netns):\n        self.netns = netns\n\n"
                "    def close(self):\n        self.netns = None\n",
                "app/use.py": "from app.iproute import NetNS\n",
            }
        ),
        # Two programs' settings classes that share a few conventional names (amundsen's
        # search and metadata services' Flask `Config`, each with `LOG_LEVEL`, `LOG_FORMAT`
        # and `SWAGGER_ENABLED` beside settings of its own): each program's own.
        Example(
            {
                "search/__init__.py": "",
                "search/config.py": "class Config:\n    LOG_FORMAT = '%(message)s'\n    LOG_LEVEL = 'INFO'\n"
                "    SWAGGER_ENABLED = False\n    ES_PROXY_CLIENT = 'es'\n    ES_INDEX_ALIAS_TEMPLATE = '{resource}'\n",
                "metadata/__init__.py": "",
                "metadata/settings.py": "class Config:\n    LOG_FORMAT = '%(message)s'\n    LOG_LEVEL = 'INFO'\n"
                "    SWAGGER_ENABLED = False\n    PROXY_USER = ''\n    PROXY_PASSWORD = ''\n    PROXY_ENCRYPTED = True\n"
                "    USER_DETAIL_METHOD = None\n    STATISTICS_FORMAT_SPEC = {}\n",
                "search/app.py": "from search.config import Config\n",
                "metadata/app.py": "from metadata.settings import Config\n",
            }
        ),
        # One member in common, each with members the other lacks: namesakes (a service's
        # `Tag(tag_name)` with its own `__init__` and `__str__`, the common `Tag(tag_type,
        # tag_name)`).
        Example(
            {
                "common/__init__.py": "",
                "common/tag.py": "import attr\n\n\n@attr.s(auto_attribs=True)\nclass Tag:\n    tag_type: str\n    tag_name: str\n",
                "search/__init__.py": "",
                "search/tag.py": "import attr\n\n\n@attr.s(auto_attribs=True)\nclass Tag:\n    tag_name: str\n\n"
                "    def __init__(self, tag_name: str):\n        self.tag_name = tag_name\n\n"
                "    def __str__(self) -> str:\n        return self.tag_name\n",
                "search/use.py": "from search.tag import Tag\nfrom common.tag import Tag as CommonTag\n",
            }
        ),
        # So does a module named for the Python it runs on (dd-trace-py's
        # `instrumentation_py3_9.py` and `instrumentation_py3_11.py`, one imported by each
        # interpreter): the same class text in each is still each version's own.
        Example(
            {
                "app/__init__.py": "",
                "app/instrumentation.py": "import sys\nif sys.version_info >= (3, 11):\n"
                "    from app.instrumentation_py3_11 import Instruction\nelse:\n"
                "    from app.instrumentation_py3_9 import Instruction\n",
                **{
                    f"app/instrumentation_py3_{minor}.py": "import sys\n"
                    f"assert sys.version_info[:2] == (3, {minor})\n\n\n"
                    "class Instruction:\n    __slots__ = ('opcode', 'arg')\n\n"
                    "    def __init__(self, opcode, arg):\n        self.opcode = opcode\n        self.arg = arg\n"
                    for minor in (9, 11)
                },
                "app/use.py": "from app.instrumentation import Instruction\n",
            }
        ),
        # A code generator's templates are copied into each output by design: neither the
        # template nor its output is a duplicate, and nothing imports from a template.
        Example(
            {
                "generator/__init__.py": "",
                "generator/emit.py": "import shutil\n",
                "generator/python/template/client/__init__.py": "",
                "generator/python/template/client/base.py": _RETRY,
                "sdk/client/__init__.py": "",
                "sdk/client/base.py": _RETRY,
                "sdk/client/api.py": "from sdk.client.base import RetryConfig\n",
                "{{cookiecutter.slug}}/retry.py": _RETRY,
            }
        ),
        # An Alembic revision (it assigns revision and down_revision) keeps frozen copies of
        # the model code it needs, wherever its folder is.
        Example(
            {
                "app/__init__.py": "",
                "app/retry.py": _RETRY,
                "app/client.py": "from app.retry import RetryConfig\n",
                "app/db/revisions/core/versions/2023-01-30_e4b4991dddcd.py": (
                    'revision = "e4b4991dddcd"\ndown_revision = None\n' + _RETRY
                ),
            }
        ),
        # A migration named by its version, run in order by a loader (sqlmesh's
        # `migrations/v0061_mysql_fix_blob_text_type.py`): its frozen copy.
        Example(
            {
                "app/__init__.py": "",
                "app/retry.py": _RETRY,
                "app/client.py": "from app.retry import RetryConfig\n",
                "app/migrations/__init__.py": "",
                "app/migrations/v0061_fix_retries.py": _RETRY + "\n\ndef migrate(state_sync):\n    return RetryConfig\n",
            }
        ),
        # A documentation example implementing a product plugin's methods its own way
        # (pillow's ``docs/example/DdsImagePlugin.py``), alike only in its settings.
        Example(
            {
                "app/__init__.py": "",
                "app/plugins.py": "class DdsImageFile:\n    format = 'DDS'\n    description = 'DirectDraw'\n\n"
                "    def _open(self):\n        self.size = self.read_header()\n\n    def load_seek(self, pos):\n        self.fp.seek(pos)\n",
                "app/use.py": "from app.plugins import DdsImageFile\n",
                "docs/example/dds_plugin.py": "from app import plugins\n\n\nclass DdsImageFile:\n    format = 'DDS'\n    description = 'DirectDraw'\n\n"
                "    def _open(self):\n        header = self.fp.read(128)\n        self.size = (header[12], header[16])\n\n"
                "    def load_seek(self, pos):\n        return None\n",
            }
        ),
        # Without a configured canonical, each version keeps its own implementation of a concept.
        Example(
            {
                "app/__init__.py": "",
                "app/ws.py": _MANAGER.format(name="WebSocketManager"),
                "app/v1/__init__.py": "",
                "app/v1/ws.py": _MANAGER.format(name="WebSocketManager"),
            }
        ),
        # One template per backend: the same class over each module's own helper function
        # (dask's gufunc calls its module's apply_gufunc) or another backend's imports.
        Example(
            {
                "app/__init__.py": "",
                "app/graph.py": "def apply(func):\n    return ('graph', func)\n",
                "app/expr.py": "def apply(func):\n    return ('expr', func)\n",
                "app/graph_api.py": "from app.graph import apply\n\n\n" + _TEMPLATE,
                "app/expr_api.py": "from app.expr import apply\n\n\n" + _TEMPLATE,
                "app/local_a.py": "def apply(func):\n    return func\n\n\n" + _TEMPLATE.replace("Gufunc", "Ufunc"),
                "app/local_b.py": "def apply(func):\n    return [func]\n\n\n" + _TEMPLATE.replace("Gufunc", "Ufunc"),
            }
        ),
        # Two modules kept for reference that raise before anything is defined (qiling's
        # generated `uefi/type32.py` and `type64.py`): their classes never exist.
        Example(
            {
                "app/__init__.py": "",
                "app/type32.py": "raise RuntimeError('for reference only')\n\n\n" + _MANAGER.format(name="Guid"),
                "app/type64.py": "raise RuntimeError('for reference only')\n\n\n" + _MANAGER.format(name="Guid"),
            }
        ),
        # One factory written out per module, each building its own module's transform: the
        # two transforms are no copies, so neither are the factories (importing one would
        # build the other module's transform).
        Example(_factories(_JSON_TRANSFORM, _HSTORE_TRANSFORM)),
        # A Kubernetes resource's schema in camelCase beside the stored model in snake_case
        # (blueking-paas' `crd/bk_app.py` and `entities/`): two representations, each its own,
        # even the class whose one field reads alike in both (`ExecAction.command`).
        Example(_two_spellings("    envName: str\n    targetPort: int\n    httpHeaders: list\n",
                               "    env_name: str\n    target_port: int\n    http_headers: list\n")),
        # Data access objects found by their module's path, one per table, each database's
        # variant overriding it by name (WMCore's `Exists` per component, the Oracle one
        # `class Exists(MySQLExists)`): an import to override is no use by name.
        Example({
            "app/__init__.py": "",
            "app/db.py": "class DBFormatter:\n    def run(self, sql, binds):\n        return [(sql, binds)]\n",
            **{
                f"app/{part}/{flavour}/exists.py": text
                for part, table in (("wmbs/files", "wmbs_file"), ("components/buffer/files", "dbsbuffer_file"), ("jobs", "wmbs_job"))
                for flavour, text in (
                    ("mysql", f"from app.db import DBFormatter\n\n\nclass Exists(DBFormatter):\n"
                              f"    sql = 'select id from {table} where lfn = :lfn'\n\n"
                              "    def format(self, result):\n        return result[0][0] if result else False\n\n"
                              "    def binds(self, lfn):\n        return {'lfn': lfn}\n\n"
                              "    def execute(self, lfn):\n        return self.format(self.run(self.sql, self.binds(lfn)))\n"),
                    ("oracle", f"from app.{part.replace('/', '.')}.mysql.exists import Exists as MySQLExists\n\n\nclass Exists(MySQLExists):\n"
                               f"    sql = 'select id from {table} where lfn = :lfn and rownum = 1'\n"),
                )
            },
        }),
        # A class built on its own module's base, where the bases are one text over each
        # module's own platform helper (community.network's facts modules: each `FactsBase`
        # runs its platform's `run_commands`): both are templates per platform.
        Example({
            "net/__init__.py": "",
            "net/enos.py": "def run_commands(module, commands):\n    return module.run('enos', commands)\n",
            "net/cnos.py": "def run_commands(module, commands):\n    return module.run('cnos', commands)\n",
            "net/enos_facts.py": "from net.enos import run_commands\n\n\n" + _FACTS_BASE,
            "net/cnos_facts.py": "from net.cnos import run_commands\n\n\n" + _FACTS_BASE,
        }),
        # Each device's battery settings on one library cluster, alike in three quirks that
        # each read their own (zha's `CustomPowerConfigurationCluster`): settings alone, each
        # device's own.
        Example(
            {"app/__init__.py": "", "app/quirks/__init__.py": ""}
            | {
                f"app/quirks/{device}.py": "from zigpy import PowerConfigurationCluster\n\n\n"
                "class CustomPowerConfigurationCluster(PowerConfigurationCluster):\n    MIN_VOLTS = 2.1\n    MAX_VOLTS = 3.0\n\n\n"
                "REPLACEMENT = {1: CustomPowerConfigurationCluster}\n"
                for device in ("contact", "motion", "button")
            }
        ),
        # Three same-named subclasses of one library base that no module reads itself nor
        # imports by name: each found by its module's path (a plugin convention).
        Example(
            {"app/__init__.py": "", "app/tools/__init__.py": ""}
            | {f"app/tools/{tool}.py": _ENCODER_TOOL.split("\n\n\ndef run")[0] + "\n" for tool in ("crawl", "search", "fetch")}
        ),
        # One family of classes per language: each module's ParenExprList is written over
        # its own module's Expr and BracedInit (the C++ one also builds an id).
        Example(
            {"app/__init__.py": "", "app/cfamily.py": _PAREN_BASE, "app/c/__init__.py": "", "app/c/ast.py": _C_AST,
             "app/cpp/__init__.py": "", "app/cpp/ast.py": _CPP_AST, "app/use.py": "from app.c.ast import ParenExprList\n"}
        ),
        # The same text, wiring each module's own class: one wrapper per API version.
        Example(
            {
                "app/__init__.py": "",
                "app/base.py": "class Override:\n    _default_class = None\n",
                "app/v2.py": "from app.base import Override\n\n\nclass ProxiedBase:\n    def get(self):\n        return 2\n\n\n"
                "class Proxied(Override):\n    _default_class = ProxiedBase\n",
                "app/v3.py": "from app.base import Override\n\n\nclass ProxiedBase:\n    def post(self):\n        return 3\n\n\n"
                "class Proxied(Override):\n    _default_class = ProxiedBase\n",
            }
        ),
        # A migration keeps a frozen copy of the model code it needs.
        Example(
            {
                "app/__init__.py": "",
                "app/helpers.py": _PARSER,
                "app/service.py": "from app.helpers import Parser\n",
                "app/migrations/versions/2022-04-01_14-38_a9422eeaae74_take_2.py": _PARSER,
                "alembic/versions/a9422eeaae74_take_3.py": _PARSER,
            }
        ),
        # Two tuple records of one name whose fields are not one the other's continued:
        # built and unpacked by position, they are two records (EPUB2's and EPUB3's
        # NavPoint); and two mixins sharing one field, written differently, one with its
        # own validator too: namesakes.
        Example(
            {
                "app/__init__.py": "",
                "app/ncx.py": _NAV.format(fields="    navpoint: str\n    playorder: int\n"),
                "app/nav.py": _NAV.format(fields=""),
                "app/use.py": "from app.ncx import NavPoint\nfrom app.nav import NavPoint as Nav\n",
                "app/accounts.py": "import wtforms\n\n\nclass UsernameMixin:\n"
                "    username = wtforms.StringField(validators=[not_email, not_taken])\n",
                "app/manage.py": "import wtforms\n\n\nclass UsernameMixin:\n"
                "    username = wtforms.StringField(validators=[required])\n\n"
                "    def validate_username(self, field):\n        return self.users.find(field.data)\n",
            }
        ),
        # One field of one name, typed for each owner: namesakes, not a copy.
        Example(
            {
                "app/__init__.py": "",
                "app/camera.py": _KEYS.format(owner="CameraData", result="bool", default=""),
                "app/sensor.py": _KEYS.format(owner="SensorData", result="float | None", default=""),
            }
        ),
        # Two plugins' filters, each an empty class mixing its own API group's mixin into one
        # shared serializer (open-forms' ``APIGroupQueryParamsSerializer``): two
        # compositions, not one class declared twice.
        Example(
            {
                "app/__init__.py": "",
                "app/filters.py": "class CatalogueFilter:\n    fields = ('catalogue',)\n",
                **{
                    f"app/{plugin}/__init__.py": "" for plugin in ("zgw", "objects")
                },
                **{
                    f"app/{plugin}/filters.py": (
                        f"from app.filters import CatalogueFilter\n\n\nclass {mixin}:\n    group_model = {plugin!r}\n\n\n"
                        f"class APIGroupQueryParams({mixin}, CatalogueFilter):\n    pass\n"
                    )
                    for plugin, mixin in (("zgw", "ZGWGroupMixin"), ("objects", "ObjectsGroupMixin"))
                },
                "app/views.py": "from app.zgw.filters import APIGroupQueryParams\nfrom app.objects.filters import APIGroupQueryParams as Objects\n",
            }
        ),
        # Three services' clients, each with its own empty exception, which only its own
        # code raises and catches: no module of one touches another's.
        Example(_service_clients()),
        # Plugins: three sibling packages each declare their own empty exception and import
        # only their own; one is never raised where another is caught.
        Example(
            {
                **_integrations(("hue", "ring", "nest")),
                "app/auth.py": "from app.errors import AppError\n\n\nclass CannotConnect(AppError):\n    pass\n",
                "app/login.py": "from app.auth import CannotConnect\n",
            }
        ),
        # Each command's own options for one framework base: the same attribute names (the
        # slots the base reads), none written alike.
        Example(
            {
                "app/__init__.py": "",
                "app/keygen.py": _OPTIONS.format(tool="keygen", param="bits", flag="quiet"),
                "app/console.py": _OPTIONS.format(tool="console", param="user", flag="compress")
                + "\n    def opt_identity(self, name):\n        self['identity'] = name\n",
            }
        ),
        # Documentation listings each stand alone: a tutorial's next step repeats the
        # classes of the one before, and an example repeats the tutorial's.
        Example(
            {
                "docs/tutorial/step1.py": _PARSER,
                "docs/tutorial/step2.py": _PARSER + "\nparser = Parser()\n",
                "examples/parse.py": _PARSER,
            }
        ),
        # Two models a framework registers under different names (Odoo's ``_name``,
        # SQLAlchemy's ``__tablename__``): the Python name was left as it was copied.
        Example(
            {
                "addon/__init__.py": "",
                "addon/models/__init__.py": "",
                "addon/models/module_type.py": _MODEL.format(name="ir.module.type", extra="    name = fields.Char()\n"),
                "addon/models/module_type_rule.py": _MODEL.format(name="ir.module.type.rule", extra="    domain = fields.Char()\n"),
            }
        ),
        # Two models stored under different names in their nested options (Ming's
        # ``__mongometa__``, Django's ``Meta.db_table``, MongoEngine's ``meta``): two
        # collections or tables, whatever their Python names.
        Example(
            {
                "app/__init__.py": "",
                "app/wiki/__init__.py": "",
                "app/wiki/model.py": _DOCUMENT.format(name="wiki-globals"),
                "app/blog/__init__.py": "",
                "app/blog/model.py": _DOCUMENT.format(name="blog-globals"),
                "app/shop/__init__.py": "",
                "app/shop/orders.py": (
                    "from django.db import models\n\n\nclass Entry(models.Model):\n    total = models.IntegerField()\n"
                    "    note = models.TextField()\n\n    class Meta:\n        db_table = 'shop_order'\n"
                ),
                "app/shop/returns.py": (
                    "from django.db import models\n\n\nclass Entry(models.Model):\n    total = models.IntegerField()\n"
                    "    note = models.TextField()\n\n    class Meta:\n        db_table = 'shop_return'\n"
                ),
            }
        ),
        # One broker shape per client library, each typed with its own library's classes
        # (faststream's ``KafkaLoggingBroker`` over aiokafka and over confluent_kafka): one
        # adapter per library, not a copy to import.
        Example(_brokers("confluent_kafka", "Message")),
        # Two Django applications' concrete models of one name: each is stored in its own
        # application's table (``outdoor_rating``, ``trekking_rating``), what they share is
        # already an abstract base, and each has a foreign key to its own application's
        # model. The admin inline (``model = Rating``) and the translation options
        # registered with each model (``translator.register(Rating, RatingTO)``, or a
        # tuple a loop registers) are each their own application's too.
        Example(
            {
                "geo/__init__.py": "",
                "geo/common/__init__.py": "",
                "geo/common/models.py": _DJANGO_RATING_BASE,
                **{
                    f"geo/{app}/{name}": text.format(app=app)
                    for app in ("outdoor", "trekking")
                    for name, text in _DJANGO_RATING_APP.items()
                },
            }
        ),
        # Instances of one convention, each named by a value that names its own module:
        # each connector's settings (``connector = "binance_perpetual"`` in
        # ``binance_perpetual/binance_perpetual_utils.py``), each subcommand (``name =
        # 'members'`` in ``cli_members.py``). A framework finds each by that value.
        Example(
            {
                "app/__init__.py": "",
                "app/core/__init__.py": "",
                "app/core/config.py": "class ConnectorConfig:\n    pass\n",
                "app/core/lists.py": "def roster(args):\n    return args\n",
                "app/connector/__init__.py": "",
                "app/connector/exchange/__init__.py": "",
                "app/connector/exchange/binance/__init__.py": "",
                "app/connector/exchange/binance/binance_utils.py": _CONNECTOR.format(name="binance"),
                "app/connector/derivative/__init__.py": "",
                "app/connector/derivative/binance_perpetual/__init__.py": "",
                "app/connector/derivative/binance_perpetual/binance_perpetual_utils.py": _CONNECTOR.format(
                    name="binance_perpetual"
                ),
                "app/commands/__init__.py": "",
                "app/commands/cli_members.py": _SUBCOMMAND.format(name="members"),
                "app/commands/cli_admins.py": _SUBCOMMAND.format(name="admins"),
            }
        ),
        # The same convention's values as a tuple (each procedure's ``ALT_NAMES``) or as a
        # decorator's key (``@sources.register('describe-kube')``), each naming its own module.
        Example(_registered(("bad_cast", "bad_alloc"), ("describe-kube", "describe-openstack"))),
        # A module the project's own script copies into a generated one (altair's
        # `tools/generate_schema_wrapper.py` reading `tools/schemapi/schemapi.py` and
        # writing `altair/utils/schemapi.py`, "automatically written by ... Do not modify
        # directly."): the source is where the class is edited, the copy is its output.
        Example(
            {
                "tools/__init__.py": "", "tools/schemapi/__init__.py": "",
                "tools/make.py": "from pathlib import Path\n\n\ndef copy():\n"
                "    source = Path(__file__).parent / 'schemapi' / 'schemapi.py'\n"
                "    target = Path(__file__).parent / '..' / 'alt' / 'utils' / 'schemapi.py'\n"
                "    target.write_text(HEADER + source.read_text())\n",
                "tools/schemapi/schemapi.py": _MANAGER.format(name="SchemaBase"),
                "tools/codegen.py": "from tools.schemapi.schemapi import SchemaBase\n",
                "alt/__init__.py": "", "alt/utils/__init__.py": "", "alt/core.py": "from alt.utils.schemapi import SchemaBase\n",
                "alt/utils/schemapi.py": "# The contents of this file are automatically written by\n"
                "# tools/make.py. Do not modify directly.\n" + _MANAGER.format(name="SchemaBase"),
            }
        ),
        # A generator's own class that it pastes into the module it writes, with
        # `inspect.getsource` (phoenix's prompt compiler and its `_models.py`).
        Example(_pasting_generator("inspect.getsource(PromptMessage)")),
        # Two implementations of one abstract interface, each in its own back-end's module
        # (piccolo's `AsyncBatch(BaseBatch)` for Postgres and SQLite): their bodies differ,
        # and what they share is the interface.
        Example(
            {
                "app/__init__.py": "",
                "app/engine/__init__.py": "",
                "app/engine/base.py": "from abc import ABCMeta, abstractmethod\n\n\nclass BaseBatch(metaclass=ABCMeta):\n"
                "    @abstractmethod\n    def next(self): ...\n",
                "app/engine/postgres.py": "from app.engine.base import BaseBatch\n\n\nclass AsyncBatch(BaseBatch):\n"
                "    connection: object\n    query: str\n    batch_size: int\n\n"
                "    @property\n    def transaction(self):\n        return self.connection.transaction()\n\n"
                "    def next(self):\n        return self.cursor.fetch(self.batch_size)\n",
                "app/engine/sqlite.py": "from app.engine.base import BaseBatch\n\n\nclass AsyncBatch(BaseBatch):\n"
                "    connection: object\n    query: str\n    batch_size: int\n\n"
                "    def next(self):\n        rows = self.connection.fetchmany(self.batch_size)\n        return list(rows)\n",
            }
        ),
        # A route module per resource, each with its own `Resource` mounted by its module
        # (`ping.Resource(driver)`): the boilerplate reads alike, what each does does not.
        Example(
            {
                "app/__init__.py": "",
                "app/routes/__init__.py": "from app.routes import health, ping, stats\n\n\n"
                "def routes(driver):\n    return [ping.Resource(driver), health.Resource(driver), stats.Resource(driver)]\n",
                "app/routes/ping.py": "class Resource:\n    __slots__ = ('_driver',)\n\n    def __init__(self, driver):\n        self._driver = driver\n\n    def on_get(self, req, resp):\n        resp.status = 204 if self._driver.is_alive() else 503\n\n    def on_head(self, req, resp):\n        resp.status = 204\n",
                "app/routes/health.py": "class Resource:\n    __slots__ = ('_driver',)\n\n    def __init__(self, driver):\n        self._driver = driver\n\n    def on_get(self, req, resp):\n        resp.text = self._driver.health()\n",
                "app/routes/stats.py": "class Resource:\n    __slots__ = ('_driver',)\n\n    def __init__(self, driver):\n        self._driver = driver\n\n    def on_get(self, req, resp):\n        resp.text = self._driver.stats()\n",
            }
        ),
        # Each the root of its own module's errors, caught to catch that family (zaqar's
        # storage and API `ExceptionBase`): one in place of the other would widen `except`.
        Example(
            {
                "app/__init__.py": "",
                "app/storage/errors.py": "class ExceptionBase(Exception):\n    msg_format = ''\n\n"
                "    def __init__(self, msg=None, **kwargs):\n        super().__init__(msg or self.msg_format.format(**kwargs))\n\n\n"
                "class DoesNotExist(ExceptionBase):\n    pass\n",
                "app/api/errors.py": "class ExceptionBase(Exception):\n    msg_format = ''\n\n"
                "    def __init__(self, msg=None, **kwargs):\n        super().__init__(msg or self.msg_format.format(**kwargs))\n\n\n"
                "class BadRequest(ExceptionBase):\n    pass\n",
            }
        ),
        # Two implementations of a plain base's interface, each for its own context: every
        # member of each overrides one of the base's (indico's `EventTitlePlaceholder
        # (Placeholder)` renders from an event in one module, from a registration in another).
        Example(
            {
                "app/__init__.py": "",
                "app/placeholders.py": "class Placeholder:\n    name = None\n    description = None\n\n"
                "    @classmethod\n    def render(cls, **kwargs):\n        raise NotImplementedError\n",
                "app/events.py": "from app.placeholders import Placeholder\n\n\nclass EventTitlePlaceholder(Placeholder):\n"
                "    name = 'event_title'\n    description = 'The title of the event'\n\n"
                "    @classmethod\n    def render(cls, event, **kwargs):\n        return event.title\n",
                "app/registrations.py": "from app.placeholders import Placeholder\n\n\nclass EventTitlePlaceholder(Placeholder):\n"
                "    name = 'event_title'\n    description = 'The title of the event'\n\n"
                "    @classmethod\n    def render(cls, regform, registration):\n"
                "        return registration.registration_form.event.title\n",
            }
        ),
        # Wired to its own module: the same text over a table of constants each module fills
        # its own way (esptool's per-chip ``EfuseDefineBlocks`` reading its own
        # ``EfuseDefineRegisters``), configured with its own module's class (devpi's
        # ``Storage`` with ``Connection = Connection``), or reading the files beside its own
        # module (``__file__``).
        Example(
            {
                "app/__init__.py": "",
                "app/efuse/__init__.py": "",
                **{
                    f"app/efuse/{chip}/{name}": text
                    for chip, base in (("h4", "0x600B1800"), ("c6", "0x600B0800"), ("h2", "0x600B0C00"))
                    for name, text in (
                        ("__init__.py", ""),
                        ("mem.py", f"class Registers:\n    BASE = {base}\n    CMD = BASE + 0x1D8\n\n\n"
                         "class Blocks:\n    base = Registers.BASE\n    BLOCKS = [('BLOCK0', base + 0x2C)]\n"),
                    )
                },
                "app/engine/__init__.py": "",
                "app/engine/postgres.py": "class Connection:\n    def cursor(self):\n        return 'pg'\n\n\nclass Storage:\n    Connection = Connection\n",
                "app/engine/sqlite.py": "class Connection:\n    def execute(self):\n        return 'lite'\n\n\nclass Storage:\n    Connection = Connection\n",
                "app/chips/__init__.py": "",
                "app/chips/h4/__init__.py": "",
                "app/chips/h4/defs.py": "import os\n\n\nclass Fields:\n    def load(self):\n"
                "        return os.path.join(os.path.dirname(__file__), 'fields.yaml')\n",
                "app/chips/c6/__init__.py": "",
                "app/chips/c6/defs.py": "import os\n\n\nclass Fields:\n    def load(self):\n"
                "        return os.path.join(os.path.dirname(__file__), 'fields.yaml')\n",
            }
        ),
        # Two settings of one base, each with its own code: namesakes.
        Example(_error_twice("invalid_request_object", "invalid_request_uri")),
        # The same setting over classes of its own inside each (pyroute2's per-qdisc
        # `stats2(nla)`, one `nla_map`, each qdisc's own nested `stats_app`).
        Example(
            {
                "app/__init__.py": "",
                "app/base.py": "class nla:\n    nla_map = ()\n",
                **{
                    f"app/{qdisc}.py": "from app.base import nla\n\n\nclass stats2(nla):\n"
                    "    nla_map = (('TCA_STATS_BASIC', 'basic'), ('TCA_STATS_APP', 'stats_app'))\n\n"
                    f"    class stats_app(nla):\n        fields = {fields!r}\n"
                    for qdisc, fields in (("common", (("qlen", "I"),)), ("sched_cake", (("memory_used", "I"), ("capacity", "I"))))
                },
                "app/use.py": "from app.common import stats2\nfrom app import sched_cake\n",
            }
        ),
        # ... or nesting its own module's class of a name in a field (cla_backend's call-centre
        # and provider APIs, each `ThirdPartyDetailsSerializer` with `personal_details =
        # ThirdPartyPersonalDetailsSerializer(required=True)`, the nested ones differing).
        Example(_nested_serializers(("name", "contact_for_research", "notes"), ("name", "reference", "case"))),
        # Each provider's schema on its own module's metaclass (``metaclass=TypeMeta``), as
        # on a base of its own module: each module's own family.
        Example(
            {
                "app/__init__.py": "",
                "app/aws.py": _TYPE_META.format(own="arn") + _TYPE_INFO.format(own="arn"),
                "app/kube.py": _TYPE_META.format(own="group") + _TYPE_INFO.format(own="group"),
                "app/use.py": "from app.aws import TypeInfo\nfrom app.kube import TypeInfo as KubeTypeInfo\n",
            }
        ),
        # Each filter registered by its own module: a registry it assigns, or its own
        # resource class's (``@Cluster.filter_registry.register('pending')``).
        Example(_pending(("filters", "Cluster.filter_registry"), ("Arn", "Arn"))),
        # Parallel parts, each filling the layout's slot with one class that only overrides
        # the shared base (each DBMS plugin's ``syntax.py``): two dialects alike are two.
        Example(_dialects()),
        # One family per driver: sibling modules of a package each define the same
        # ``connect``, ``Connection`` and ``Cursor``, each Connection building its own
        # module's Cursor: the cursors read alike, each is wired to its own protocol.
        Example(
            _drivers(
                {
                    "mysql": ("b'\\x03' + query.encode()", "b'\\xfe'", 3306),
                    "monetdb": ("b's' + query.encode() + b';'", "b'\\n'", 50000),
                    "tds": ("query.encode('utf-16-le')", "b'\\xfd'", 1433),
                }
            )
        ),
        # Each service's view of the shared configuration (the sections it reads), on the
        # shared library's base: each top-level package's own, by design.
        Example(
            {
                "shared_lib/__init__.py": "",
                "shared_lib/base.py": _SHARED_CONFIG,
                "worker_app/__init__.py": "",
                "worker_app/config.py": _SERVICE_CONFIG.format(imports="", extra=""),
                "playout_app/__init__.py": "",
                "playout_app/settings.py": "class PlayoutConfig:\n    fade = 0.5\n",
                "playout_app/config.py": _SERVICE_CONFIG.format(
                    imports="from playout_app.settings import PlayoutConfig\n",
                    extra="    playout: PlayoutConfig = PlayoutConfig()\n",
                ),
                "playout_app/main.py": "from playout_app.config import Config\n",
            }
        ),
        # One template per target, each registered by its own module's registry: the
        # class statement is what registers it there.
        Example(
            {
                "app/__init__.py": "",
                "app/typing/__init__.py": "",
                "app/typing/templates.py": (
                    "class ConcreteTemplate:\n    def apply(self):\n        return self.cases\n\n\nclass Registry:\n"
                    "    def register_global(self, key):\n        return lambda cls: cls\n\n\n"
                    "def signature(*types):\n    return types\n"
                ),
                "app/typing/mathdecl.py": _TEMPLATE_HEAD.format(registry=_OWN_REGISTRY)
                + _MATH_TEMPLATE.format(function="exp"),
                "app/gpu/__init__.py": "",
                "app/gpu/gpumath.py": _TEMPLATE_HEAD.format(registry=_OWN_REGISTRY)
                + _MATH_TEMPLATE.format(function="sin"),
            }
        ),
        # A code generator's runtime support, copied into each package it writes: the
        # generator's source for every output, as its templates are.
        Example(
            {
                "codegen/__init__.py": "",
                "codegen/json/__init__.py": "",
                "codegen/json/runtime/__init__.py": "",
                "codegen/json/runtime/json_codec.py": _MANAGER.format(name="JsonMessage"),
                "proto_json/__init__.py": "",
                "proto_json/_json_codec.py": _MANAGER.format(name="JsonMessage"),
                "proto_json/trace.py": "from proto_json._json_codec import JsonMessage\n",
            }
        ),
        # A package of one worked example keeps its tutorial's steps side by side
        # (``plugin_v1.py``, then ``plugin.py``), each registered on its own.
        Example(
            {
                "ext/__init__.py": "",
                "ext/example_itranslation/__init__.py": "",
                "ext/example_itranslation/plugin_v1.py": _PARSER,
                "ext/example_itranslation/plugin.py": _PARSER + "\n    def translate(self, text):\n        return text\n",
            }
        ),
        # A documentation source tree beside the prose (FastAPI's ``docs_src/``): each
        # tutorial listing is standalone and repeats the models of the step before.
        Example(
            {
                "docs_src/__init__.py": "",
                "docs_src/dependencies/__init__.py": "",
                "docs_src/dependencies/tutorial002.py": _PARSER,
                "docs_src/dependencies/tutorial002_non_an.py": _PARSER,
                "docs_src/dependencies/tutorial004.py": "from docs_src.dependencies.tutorial002 import Parser\n",
            }
        ),
        # Files of settings read by a path the loader builds, each complete (sonic's per-board
        # `hal-config/<board>_device.py` and its `_exhaust_device.py` variant): the loader
        # reads one of them, and a module of shared tables is one it has no way to import.
        Example({
            f"platform/modules-micas/hal-config/x86_64_w6510_r0{variant}_device.py": (
                "#!/usr/bin/python3\n\nfanairflow = {'intake': ['M1HFAN-F'], 'exhaust': ['M1HFAN-R']}\n\n\n"
                "class Unit:\n    Temperature = 'C'\n    Voltage = 'V'\n    Speed = 'RPM'\n\n\n"
                f"devices = {{'airflow': '{variant or 'intake'}', 'fans': 4}}\n"
            )
            for variant in ("", "_exhaust")
        }),
        # An extension of a same-named class is not a copy (each numbered migration's
        # `Migration`, which no import statement can name).
        Example(
            {
                "fw/__init__.py": "",
                "fw/migration.py": "class Migration:\n    operations = []\n",
                "app/__init__.py": "",
                "app/migrations/__init__.py": "",
                "app/migrations/0001_initial.py": "from fw import migration\n"
                "class Migration(migration.Migration):\n    x = 1\n",
                "app/migrations/0002_more.py": "from fw import migration\n"
                "class Migration(migration.Migration):\n    x = 2\n",
            }
        ),
        # Aliases, Protocols, all-abstract ABCs, enums and test code are not implementations.
        Example(
            {
                "app/__init__.py": "",
                "app/ws.py": _MANAGER.format(name="UnifiedWebSocketManager"),
                "app/compat.py": "from app.ws import UnifiedWebSocketManager\n"
                "WebSocketManager = UnifiedWebSocketManager\n",
                "app/proto.py": "from typing import Protocol\n\n"
                "class WebSocketManagerProtocol(Protocol):\n    def send(self, event): ...\n",
                "app/iface.py": "from abc import ABC, abstractmethod\n\n"
                "class BaseWebSocketManager(ABC):\n    @abstractmethod\n    def send(self, event): ...\n",
                "app/kinds.py": "import enum\n\nclass WebSocketManagerKind(enum.Enum):\n    A = 1\n",
                "tests/test_ws.py": _MANAGER.format(name="FakeWebSocketManager"),
                "testing/__init__.py": "",
                "testing/doubles.py": _MANAGER.format(name="StubWebSocketManager"),
            }
        ),
        # Fallback stubs are not definitions: in an `except ImportError` handler whose `try`
        # imports the name, or in the unavailable branch of an availability check.
        Example(
            {
                "app/__init__.py": "",
                "app/native.py": _PARSER,
                "app/compat.py": "try:\n    from app.native import Parser\nexcept ImportError:\n"
                + "".join("    " + line + "\n" for line in _PARSER.splitlines()),
                "app/optional.py": "try:\n    import app.native as native\nexcept ImportError:\n"
                "    native = None\n\nif native is None:\n"
                + "".join("    " + line + "\n" for line in _PARSER.splitlines()),
                # A helper of the fallback, and the alternative in the `else` of the `try`.
                "app/shim_a.py": _SHIM,
                "app/shim_b.py": _SHIM,
                "app/accel.py": "try:\n    from app._c import speedups\nexcept ImportError:\n"
                "    from app.native import Parser\nelse:\n"
                + "".join("    " + line + "\n" for line in _PARSER.splitlines()),
                # A stand-in named like the checked name, however the name was bound (a
                # soft-import helper returning None when the dependency is missing).
                "app/soft.py": "from app.deps import soft_import\n\nParser = soft_import('fastparse.Parser')\n\n"
                "if Parser is None:\n" + "".join("    " + line + "\n" for line in _PARSER.splitlines()),
                "app/deps.py": "def soft_import(name):\n    return None\n",
                # A placeholder rebound after it, under an ``if`` or not: the module's name is
                # (or may be) the other object.
                "app/placeholder.py": "import app.deps\n\n\n" + _PARSER + "\n\nif app.deps.soft_import('x'):\n"
                "    Parser = app.native.Parser\n",
                # A stand-in for what an older library lacks (``try: NullHandler =
                # logging.NullHandler`` / ``except AttributeError: class NullHandler``).
                "app/older.py": "import textlib\n\ntry:\n    Parser = textlib.Parser\nexcept AttributeError:\n"
                + "".join("    " + line + "\n" for line in _PARSER.splitlines()),
            }
        ),
        # Two types of a discriminated union, each with its own tag (two RTVI protocol
        # versions' messages, `label: Literal["rtvi"]` and `Literal["rtvi-ai"]`).
        Example(
            {
                "app/__init__.py": "",
                **{
                    f"app/{module}.py": "from typing import Literal\n\nfrom pydantic import BaseModel\n\n\n"
                    f"class BotReady(BaseModel):\n    label: Literal[{tag!r}] = {tag!r}\n"
                    "    type: Literal['bot-ready'] = 'bot-ready'\n    version: str\n    config: dict\n"
                    for module, tag in (("old_protocol", "rtvi"), ("protocol", "rtvi-ai"))
                },
                "app/use.py": "from app.old_protocol import BotReady\nfrom app.protocol import BotReady as Ready\n",
            }
        ),
        # Interfaces are not implementations, also when they extend another interface.
        Example(
            {
                "app/__init__.py": "",
                "app/base.py": "from abc import ABC, abstractmethod\n\n\nclass Repository(ABC):\n"
                "    @abstractmethod\n    def get(self, key): ...\n",
                "app/users.py": "from app.base import Repository\n\n\nclass Store(Repository):\n"
                "    \"\"\"Users.\"\"\"\n\n    name: str\n",
                "app/orders.py": "from app.base import Repository\n\n\nclass Store(Repository):\n"
                "    name: str\n",
            }
        ),
        # Same name, different things: a model and its API type (different framework
        # bases), namesakes with nothing in common, a plugin convention (same base, found
        # by module path, never imported by name), a subclass of its namesake.
        Example(
            {
                "app/__init__.py": "",
                "app/models.py": "from django.db import models\n\n\nclass User(models.Model):\n"
                "    name = models.CharField()\n    email = models.EmailField()\n",
                "app/schema.py": "import graphene\n\n\nclass User(graphene.ObjectType):\n"
                "    name = graphene.String()\n    email = graphene.String()\n",
                # The same by a library's decorator (phoenix's `@strawberry.type`
                # CostBreakdown over its data loaders' `@dataclass`).
                "app/costs.py": "from dataclasses import dataclass\n\n\n@dataclass\nclass CostBreakdown:\n"
                "    tokens: int\n    cost: float\n",
                "app/api_types.py": "import strawberry\n\n\n@strawberry.type\nclass CostBreakdown:\n"
                "    tokens: int\n    cost: float\n",
                "app/http.py": "class Client:\n    def get(self, url): ...\n    def post(self, url): ...\n",
                "app/db.py": "class Client:\n    def connect(self): ...\n    def execute(self, sql): ...\n",
                "app/core/__init__.py": "",
                "app/core/management.py": "class BaseCommand:\n    def run(self):\n        return self.handle()\n",
                "app/core/commands/__init__.py": "",
                "app/core/commands/migrate.py": _COMMAND,
                "app/core/commands/serve.py": _COMMAND,
                "app/core/commands/check.py": _COMMAND,
                # Parallel implementations of one duck-typed interface: same method names,
                # each with its own body.
                "app/threads.py": "class Event:\n    def set(self):\n        self.flag = True\n\n"
                "    def wait(self):\n        return self.flag\n" + _CONTEXT_MANAGER,
                "app/procs.py": "class Event:\n    def set(self):\n        self.sem.release()\n\n"
                "    def wait(self):\n        return self.sem.acquire()\n" + _CONTEXT_MANAGER,
                "app/use_events.py": "from app.threads import Event\nfrom app.procs import Event as ProcessEvent\n",
                "app/widgets.py": "class Widget:\n    def render(self):\n        return ''\n",
                "app/fancy.py": "from app.widgets import Widget as Base\n\n\nclass Widget(Base):\n"
                "    def render(self):\n        return '*'\n",
            }
        ),
        # Per-app variants: each extends its own app's base (different roles; a shared
        # mixin says nothing), even with identical declarations; or one generic base,
        # configured per app (only a line written alike).
        Example(
            {
                "app/__init__.py": "",
                "app/actions.py": "class BulkAction:\n    def run(self, items):\n        return [self.apply(i) for i in items]\n",
                "app/images/__init__.py": "",
                "app/images/base.py": "from app.actions import BulkAction\n\n\nclass ImageAction(BulkAction):\n    model = 'image'\n",
                "app/mixins.py": "class AuditMixin:\n    def audit(self):\n        return self.label\n",
                "app/images/delete.py": "from app.images.base import ImageAction\nfrom app.mixins import AuditMixin\n\n\n"
                "class DeleteAction(AuditMixin, ImageAction):\n    label = 'Delete'\n    danger = True\n",
                "app/docs/__init__.py": "",
                "app/docs/base.py": "from app.actions import BulkAction\n\n\nclass DocumentAction(BulkAction):\n    model = 'doc'\n",
                "app/docs/delete.py": "from app.docs.base import DocumentAction\nfrom app.mixins import AuditMixin\n\n\n"
                "class DeleteAction(AuditMixin, DocumentAction):\n    label = 'Delete'\n    danger = True\n",
                # One generic view configured per app: a line alike, the rest its own.
                "app/generic.py": "class UploadView:\n    def post(self):\n        return self.get_model()\n",
                "app/images/views.py": "from app.generic import UploadView as Base\n\n\nclass UploadView(Base):\n"
                "    url_kwarg = 'file_id'\n\n    def get_model(self):\n        return registry.image_model()\n",
                "app/docs/views.py": "from app.generic import UploadView as Base\n\n\nclass UploadView(Base):\n"
                "    url_kwarg = 'file_id'\n\n    def get_model(self):\n        return registry.document_model()\n",
                "app/hooks.py": "from app.images.delete import DeleteAction\nfrom app.docs.delete import DeleteAction as D\n"
                "from app.images.views import UploadView\nfrom app.docs.views import UploadView as U\n",
            }
        ),
        # Empty classes: a one-word exception is each module's own (`shutil.Error`), and
        # classes that extend nothing say nothing but their name.
        Example(
            {
                "app/__init__.py": "",
                "app/archive.py": "class Error(Exception):\n    pass\n",
                "app/config.py": "class Error(Exception):\n    \"\"\"Bad configuration.\"\"\"\n",
                "app/marks.py": "class MissingValue:\n    pass\n",
                "app/forms.py": "class MissingValue:\n    pass\n",
                # Two standalone scripts' own exception, imported by nobody.
                "app/release.py": "class ApplicationError(Exception):\n    pass\n",
                "app/incidental.py": "class ApplicationError(Exception):\n    pass\n",
            }
        ),
        # Two sample apps' modules (no program of their own, each imported by its app's
        # runner), neither app importing the other: each sample keeps its own (temporalio's
        # samples-python, where every sample has its own `ComposeGreetingInput`).
        Example(
            _sample_apps(("shop", "MenuPlugin", ""), ("cafe", "MenuPlugin", ""))
        ),
        # A class that extends nothing and whose one initializer takes and does nothing is
        # the same as an empty one (krkn's two scenario plugins' `class GENERAL: def
        # __init__(self): pass`): it says nothing but its name.
        Example(
            {
                "app/__init__.py": "",
                "app/nodes/__init__.py": "",
                "app/nodes/general.py": "class GeneralCloud:\n    def __init__(self):\n        pass\n\n\n"
                "def make():\n    return GeneralCloud()\n",
                "app/clusters/__init__.py": "",
                "app/clusters/scenarios.py": "class GeneralCloud:\n    def __init__(self):\n        pass\n\n\n"
                "def make():\n    return GeneralCloud()\n",
                "app/run.py": "from app.nodes.general import GeneralCloud\nfrom app.clusters.scenarios import GeneralCloud as G\n\n"
                "PAIR = (GeneralCloud, G)\n",
            }
        ),
        # Two models of a generated SDK, each built from data of its own (no constructor
        # parameter in common), the rest the generator's template (alexa-apis-for-python's
        # `services/lwa/error.py` and `interfaces/audioplayer/error.py`): two records.
        Example(
            {
                "sdk/__init__.py": "", "sdk/lwa/__init__.py": "", "sdk/player/__init__.py": "",
                "sdk/lwa/error.py": _GENERATED_MODEL.format(
                    fields="'error_description': 'error_description', 'error': 'error'", params="error_description=None, error=None"
                ),
                "sdk/player/error.py": _GENERATED_MODEL.format(
                    fields="'message': 'message', 'object_type': 'type'", params="message=None, object_type=None"
                ),
            }
        ),
        # A plugin convention of bare classes whose code is the same in every module, each
        # reading its own module's settings (hacs_waste_collection_schedule's `Source`,
        # built from the module's `_CONFIG`): each plugin's own entry point.
        Example(_waste_sources({"goldcoast": "goldcoast.qld.gov.au", "moyne": "moyne.vic.gov.au", "monash": "monash.vic.gov.au"})),
        # A plugin convention of bare classes: one per sibling module, found by its path,
        # each with its own content (nothing written alike).
        Example(
            {
                "app/__init__.py": "",
                "app/fragments/__init__.py": "",
                **{
                    f"app/fragments/{name}.py": "class ModuleDocFragment(object):\n"
                    f"    DOCUMENTATION = '{name} options'\n"
                    for name in ("files", "url", "backup")
                },
            }
        ),
        # A schema mirrored in two trees, each on its own base (the bases share members
        # but each has its own): importing one for the other changes what it inherits.
        Example(
            {
                "app/__init__.py": "",
                "app/client/__init__.py": "",
                "app/client/base.py": "class Model:\n    def __eq__(self, other):\n        return vars(self) == vars(other)\n\n"
                "    def reset(self):\n        return self\n\n    def validate_list(self, items):\n        return list(items)\n",
                "app/client/objects.py": "from app.client.base import Model\n\n\n" + _POLICY,
                "app/server/__init__.py": "",
                "app/server/base.py": "class Model:\n    def __eq__(self, other):\n        return vars(self) == vars(other)\n\n"
                "    def reset(self):\n        return self\n\n    def dump_for_orm(self):\n        return vars(self)\n",
                "app/server/core.py": "from app.server.base import Model\n\n\n" + _POLICY,
                "app/server/api.py": "from app.server.core import FlowPolicy\n",
            }
        ),
        # Two vendored third-party distributions (``_vendor/``), one copying the other's
        # helper as released: neither is the project's to edit.
        Example(
            {
                "pkg/__init__.py": "",
                "pkg/_vendor/__init__.py": "",
                "pkg/_vendor/itertools_more/__init__.py": "",
                "pkg/_vendor/itertools_more/more.py": _PARSER,
                "pkg/_vendor/metadata/__init__.py": "",
                "pkg/_vendor/metadata/_itertools.py": _PARSER,
                "pkg/use.py": "from pkg._vendor.metadata._itertools import Parser\n",
            }
        ),
        # A compatibility subclass under the same name extends the earlier class: it is
        # the new class's base, not dead code.
        Example(
            {
                "app/__init__.py": "",
                "app/errors.py": "class PermissionDenied(Exception):\n    status = 403\n\n\n"
                "class PermissionDenied(PermissionDenied):\n    detail = 'forbidden'\n",
            }
        ),
        # A redefinition the author marks as meant (``# noqa: F811``, pylint's
        # ``function-redefined``): a tutorial's next step of the same class.
        Example(
            {
                "app/__init__.py": "",
                "app/steps.py": "class KMeans:\n    def fit(self):\n        return 1\n\n\n"
                "class KMeans:  # noqa: F811\n    def fit(self, callbacks=()):\n        return 2\n\n\n"
                "class Search:\n    pass\n\n\nclass Search:  # pylint: disable=function-redefined\n    pass\n",
            }
        ),
        # A bare ``# noqa`` silences F811 with every other code (modelscope's second
        # ``class AttnBlock(nn.Module):  # noqa`` of one module).
        Example(
            {
                "app/__init__.py": "",
                "app/blocks.py": "class AttnBlock:\n    def forward(self, x):\n        return x\n\n\n"
                "class AttnBlock:  # noqa\n    def forward(self, x):\n        return x\n",
            }
        ),
        # A documentation listing that shows one class two ways (apischema's
        # `examples/pydantic_conversion.py`: pydantic's `RGB`, then apischema's, included
        # in a docs page side by side): each is a step of the page.
        Example(
            {
                "app/__init__.py": "",
                "examples/pydantic_conversion.py": "from pydantic import BaseModel\n\n\nclass RGB(BaseModel):\n"
                "    red: int\n    green: int\n    blue: int\n\n\nclass RGB:\n    def __init__(self, red, green, blue):\n"
                "        self.red, self.green, self.blue = red, green, blue\n",
            }
        ),
        # Alternative definitions under `if`/`else` in one module are not a shadow.
        Example(
            {
                "app/__init__.py": "",
                "app/compat.py": "import sys\n\nif sys.platform == 'win32':\n"
                "    class Path:\n        sep = '\\\\'\nelse:\n    class Path:\n        sep = '/'\n",
            }
        ),
        # A class defined under ``if __name__ == "__main__":`` exists only when the file runs
        # as a script: importing the module never defines it, so nothing can import it.
        Example(
            {
                "app/__init__.py": "",
                "app/runner.py": "class Run:\n    def __init__(self):\n        self.run = True\n\n    def stop(self):\n        self.run = False\n",
                "app/tool.py": "if __name__ == '__main__':\n    class Run:\n        def __init__(self):\n            self.run = True\n\n"
                "        def stop(self):\n            self.run = False\n\n    Run()\n",
            }
        ),
        # A facade over an optional module: its functions try to import from it and, when
        # that fails, return the facade's own stand-in of the same class.
        Example(
            {
                "app/__init__.py": "",
                "app/tenancy.py": _POINT,
                "app/tenancy_optional.py": _POINT + "\n\ndef point():\n    try:\n        from app.tenancy import Point as real\n"
                "    except ImportError:\n        return Point()\n    return real()\n",
                "app/use.py": "from app.tenancy import Point\n",
            }
        ),
        # A payload script the server reads as text and ships to another runtime, by a
        # literal path joined onto a folder computed at run time; nothing imports it: data.
        Example(
            {
                "srv/__init__.py": "",
                "srv/agent_common.py": _POINT,
                "srv/listener.py": "import srv.agent_common\n\n\ndef payload(root, legacy):\n"
                "    path = root / 'data/agent/legacy.py' if legacy else root / 'data/agent/modern.py'\n"
                "    return path.read_text(encoding='utf-8')\n",
                "srv/data/__init__.py": "",
                "srv/data/agent/__init__.py": "",
                "srv/data/agent/legacy.py": _POINT,
            }
        ),
        # The input spec of an interface documented deprecated (``.. deprecated::``, a
        # constructor that always warns): kept as it was until it is removed, neither half of
        # a duplicate, nor the copy the new home is told to import.
        Example(
            {
                "app/__init__.py": "",
                "app/metrics.py": "class SimilarityInputSpec:\n    volume1 = None\n    volume2 = None\n    metric = 'cc'\n\n\ndef helper():\n    return 1\n",
                "app/old/__init__.py": "",
                "app/old/utils.py": "import warnings\n\nfrom app.metrics import helper\n\n\nclass SimilarityInputSpec:\n    volume1 = None\n    volume2 = None\n    metric = 'cc'\n\n\nclass Similarity:\n"
                "    input_spec = SimilarityInputSpec\n\n    def __init__(self):\n"
                "        warnings.warn('use app.metrics.Similarity', DeprecationWarning)\n",
            }
        ),
        # A module whose head comment deprecates it (dd-trace-py's legacy pytest plugin,
        # "# DEPRECATED: This module is scheduled for removal in 5.0.0."): its classes are
        # kept as they are until it goes, and the rewrite's own are not told to import them.
        Example(
            {
                "app/__init__.py": "",
                "app/legacy/__init__.py": "",
                "app/legacy/utils.py": "# Copyright the authors\n"
                "# DEPRECATED: This module is scheduled for removal in 5.0.0.\n\n\n"
                "class TestPhase:\n    SETUP = 'setup'\n    CALL = 'call'\n    TEARDOWN = 'teardown'\n",
                "app/legacy/plugin.py": "from app.legacy.utils import TestPhase\n",
                "app/testing/__init__.py": "",
                "app/testing/plugin.py": "class TestPhase:\n    SETUP = 'setup'\n    CALL = 'call'\n    TEARDOWN = 'teardown'\n",
            }
        ),
        # One result shape typed per backend: the generic base's fields are ``Any``, each
        # backend's are its own library's frame type.
        Example(
            {
                "lib/__init__.py": "",
                "lib/base/__init__.py": "",
                "lib/base/checks.py": "from typing import NamedTuple\nfrom typing import Any\n\n\nclass CheckResult(NamedTuple):\n    \"\"\"A check's result.\"\"\"\n\n    output: Any\n    passed: Any\n    failures: Any\n",
                "lib/base/run.py": "from lib.base.checks import CheckResult\n",
                "lib/polars/__init__.py": "",
                "lib/polars/types.py": "from typing import NamedTuple\nimport polars as pl\n\n\nclass CheckResult(NamedTuple):\n    \"\"\"A check's result.\"\"\"\n\n    output: pl.LazyFrame\n    passed: pl.LazyFrame\n    failures: pl.LazyFrame\n",
                "lib/ibis/__init__.py": "",
                "lib/ibis/types.py": "from typing import NamedTuple\nimport ibis\n\n\nclass CheckResult(NamedTuple):\n    \"\"\"A check's result.\"\"\"\n\n    output: ibis.Table\n    passed: ibis.Table\n    failures: ibis.Table\n",
            }
        ),
        # Two subclasses overriding the same members of a shared base, each with bodies of
        # its own: two implementations, not a copy.
        Example(
            {
                "pkg/__init__.py": "",
                "pkg/base.py": "class Command:\n    input_spec = None\n    _cmd = ''\n\n    def outputs(self):\n        return {}\n\n    def filename(self, name):\n        return None\n",
                "pkg/utils.py": "from pkg.base import Command\n\n\nclass SigLoss(Command):\n    \"\"\"Estimates signal loss.\"\"\"\n    input_spec = dict\n    _cmd = 'sigloss'\n\n    def outputs(self):\n        out = {}\n        out['file'] = self._cmd + '.nii'\n        return out\n\n    def filename(self, name):\n        return self.outputs()['file'] if name == 'file' else None\n",
                "pkg/epi.py": "from pkg.base import Command\n\n\nclass SigLoss(Command):\n    \"\"\"Estimates signal loss (in rad/s).\"\"\"\n    input_spec = dict\n    _cmd = 'sigloss'\n\n    def outputs(self):\n        out = {}\n        out['file'] = self.input_spec.x\n        return out\n\n    def filename(self, name):\n        return name.upper()\n",
            }
        ),
        # A guide builds and uses the first class before it defines the next under the same
        # name: the earlier one did its work, a step of the script, not dead code.
        Example(
            {
                "guides/train.py": "class Model:\n    steps = 1\n\n\nmodel = Model()\nprint(model.steps)\n\n\n"
                "class Model:\n    steps = 2\n",
            }
        ),
        # Each module's own tests kept at its end (music21's ``class Test(unittest.TestCase)``
        # in every module, each testing its own ``globals()``), directly on the framework's
        # case or through a first-party base: tests the runner collects, not concepts.
        Example(_module_tests()),
        # A series of versions of one package, each a whole copy of the one before
        # (execution-specs' `src/ethereum/<fork>/`, one per hard fork): each keeps its own.
        Example(_forks(("frontier", "homestead", "byzantium"))),
        # A Django data migration (`migrations.RunPython`, on the historical models
        # `apps.get_model` gives) keeps the shapes it works with frozen beside it, as an
        # Alembic revision does (flagsmith's `StoredCodeReference` TypedDict).
        Example({
            "code_references/__init__.py": "",
            "code_references/types.py": _STORED_REFERENCE,
            "code_references/views.py": "from code_references.types import StoredCodeReference\n",
            "code_references/migrations/__init__.py": "",
            "code_references/migrations/0003_per_feature_references.py": (
                "from django.db import migrations\n" + _STORED_REFERENCE
                + "\n\ndef forward(apps, schema_editor):\n    Scan = apps.get_model('code_references', 'Scan')\n"
                "    return Scan.objects.count()\n\n\nclass Migration(migrations.Migration):\n"
                "    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]\n"
            ),
        }),
    ),
    invalid=(
        # A panel copied with its module, overriding its base's one method and reading a
        # module-level object both modules build with the same text (PYME's tiling
        # protocols' `SFGenPlotPanel` and their `ps = pointScanner(...)`): a copy.
        Example(
            {
                "app/__init__.py": "",
                "app/base.py": "class Base:\n    def draw(self):\n        pass\n",
                "app/scan.py": "class Scanner:\n    def __init__(self, n):\n        self.xp = n\n",
                **{
                    f"app/{name}.py": "from app.base import Base\nfrom app.scan import Scanner\n\nps = Scanner(10)\n\n\n"
                    "class Panel(Base):\n    def draw(self):\n        x = ps.xp * 2\n        return x + 1\n"
                    for name in ("strip_tile", "tile")
                },
            },
            expect=(("app/tile.py", 7),),
        ),
        # Two modules an `if` chooses between, one importing the other (TACTIC's app
        # servers): both are loaded whichever runs, and each has the same empty error on a
        # builtin base, two classes of one text in one process.
        Example(
            {
                "app/__init__.py": "",
                "app/servers/__init__.py": "",
                "app/servers/base.py": "class ServerError(Exception):\n    pass\n\n\nclass BaseServer:\n    pass\n",
                "app/servers/simple.py": "from app.servers.base import BaseServer\n\n\nclass ServerError(Exception):\n"
                "    pass\n\n\nclass SimpleServer(BaseServer):\n    pass\n",
                "app/start.py": "import os\n\nif os.environ.get('SERVER') == 'simple':\n"
                "    from app.servers.simple import SimpleServer as Server\nelse:\n"
                "    from app.servers.base import BaseServer as Server\n",
            },
            expect=(("app/servers/simple.py", 4),),
        ),
        # One form copied, its field built from one model imported under two aliases: the
        # same class, whatever each module calls it.
        Example(
            {
                "audit/__init__.py": "",
                "audit/models.py": "class Application:\n    kind = 'charge'\n",
                **{
                    f"audit/{name}.py": (
                        f"from django import forms\nfrom audit.models import Application as {alias}\n\n\nclass RejectForm(forms.Form):\n"
                        f"    application_id = forms.ModelChoiceField(queryset={alias}.objects.all())\n"
                        "    force_rejection = forms.BooleanField(required=False)\n"
                    )
                    for name, alias in (("charge_points", "ChargeApplication"), ("meter_readings", "MeterApplication"))
                },
            },
            expect=(("audit/meter_readings.py", 5),),
        ),
        # Two copies of a report in sibling modules of one package, each reading its own
        # module's `ISSUE`, and an unrelated namesake in a script elsewhere (robot_sf's
        # `InventoryReport`): a convention of sibling modules is counted in their package,
        # so the third, apart, does not make the two look like plugins.
        Example(
            {
                "lab/__init__.py": "",
                **{
                    f"lab/{name}.py": (
                        f"from dataclasses import dataclass\n\nISSUE = {issue}\n\n\n@dataclass\nclass InventoryReport:\n"
                        "    surfaces: tuple\n    prerequisites: tuple\n\n"
                        "    @property\n    def blockers(self):\n        return tuple(s for s in self.surfaces if s.missing)\n\n"
                        "    @property\n    def ok(self):\n        return not self.blockers\n\n"
                        "    def exit_code(self):\n        return 0 if self.ok else 1\n\n"
                        "    def to_dict(self):\n        return {'issue': ISSUE, 'ok': self.ok}\n"
                    )
                    for name, issue in (("forecast_inventory", 3470), ("ped_inventory", 3481))
                },
                "scripts/run_tree_inventory.py": "from dataclasses import dataclass\n\n\n@dataclass(frozen=True)\n"
                "class InventoryReport:\n    root: str\n    entries: tuple\n",
            },
            expect=(("lab/ped_inventory.py", 7),),
        ),
        # A model subclass copied whole, its copy with linters' notes beside its statements
        # (scenic's `MBTMultiHeadClassificationModel`, `# pytype: disable=...`) and one metric
        # renamed: most of its members are written alike.
        Example(
            {
                "app/__init__.py": "",
                "app/base.py": "class ClassificationModel:\n    def build(self):\n        return None\n",
                **{
                    f"app/{name}.py": (
                        "from app.base import ClassificationModel\n\n\nclass MultiHeadModel(ClassificationModel):\n"
                        f"    def build(self):\n        heads = self.heads(){note}\n        return [h for h in heads]{note}\n\n"
                        f"    def loss(self, logits, batch):\n        weights = batch.get('weights'){note}\n"
                        f"        return sum(l * w for l, w in zip(logits, weights)){note}\n\n"
                        f"    def metrics(self, logits, batch):\n        labels = batch['label']{note}\n"
                        f"        return {{'{key}': sum(int(l == t) for l, t in zip(logits, labels))}}\n"
                    )
                    for name, note, key in (("mbt", "", "acc"), ("mbt_audio", "  # pytype: disable=attribute-error", "accuracy"))
                },
            },
            expect=(("app/mbt_audio.py", 4),),
        ),
        # A helper pasted into sibling scripts of a folder no import can name (sonic's
        # `sonic-platform-modules-micas/common/script/`, each script with the same click
        # `AliasedGroup`): no copy can be imported as it is, and each is a copy all the same.
        Example(
            {f"platform/modules-micas/script/{name}.py": _ALIASED_GROUP for name in ("avscontrol", "dev_monitor", "fan_ctrl")},
            expect=(("platform/modules-micas/script/dev_monitor.py", 4), ("platform/modules-micas/script/fan_ctrl.py", 4)),
        ),
        # Parts whose modules share their names and little else are no versions of one
        # package: a module copied whole between two of them is a copy.
        Example(_databases(), expect=(("scene/vm/exceptions.py", 1), ("scene/vm/exceptions.py", 8))),
        # A class on a factory's result copied word for word, members and all, is a copy.
        Example(
            {
                "app/__init__.py": "",
                "app/registry.py": "def make_base_model():\n    class Base:\n        plugins = {}\n    return Base\n",
                "app/core.py": "from app.registry import make_base_model\n\n\nclass BaseModel(make_base_model()):\n"
                "    def fit(self, data):\n        return [d * 2 for d in data]\n\n    def score(self, data):\n        return sum(data)\n",
                "app/extra.py": "from app.registry import make_base_model\n\n\nclass BaseModel(make_base_model()):\n"
                "    def fit(self, data):\n        return [d * 2 for d in data]\n\n    def score(self, data):\n        return sum(data)\n",
            },
            expect=(("app/extra.py", 4),),
        ),
        # Two roles' own fragments alike: the generated modules are not compared, the
        # fragments are (and a class after a fragment's end marker is the module's own).
        Example(
            {
                "roles/lib_utils/src/lib/yedit.py": _YEDIT,
                "roles/lib_oa_utils/src/lib/yedit.py": _YEDIT,
                "roles/lib_utils/library/oc_edit.py": _pasted("../../lib_utils/src/lib/yedit.py", "oc_edit"),
                "roles/lib_oa_utils/library/yedit.py": _pasted("lib/yedit.py", "yedit")
                + "\n\nclass Helper:\n    def run(self, value):\n        return value * 2\n",
                "roles/tools/helper.py": "class Helper:\n    def run(self, value):\n        return value * 2\n",
            },
            expect=(("roles/lib_oa_utils/library/yedit.py", 19), ("roles/lib_utils/src/lib/yedit.py", 1)),
        ),
        # A copy of an installed Django application kept in a folder no settings install
        # (bk-itsm's `pipeline/django_signal_valve/`), its own modules importing its models:
        # the installed application's model is the one to keep, however those import.
        Example(
            {
                "config/__init__.py": "",
                "config/settings.py": "INSTALLED_APPS = ['django.contrib.admin']\n"
                "INSTALLED_APPS = locals().get('INSTALLED_APPS', [])\nINSTALLED_APPS += ['valve']\n",
                "valve/__init__.py": "",
                "valve/models.py": _SIGNAL_MODEL,
                "pipeline/__init__.py": "",
                "pipeline/valve/__init__.py": "",
                "pipeline/valve/models.py": _SIGNAL_MODEL,
                "pipeline/valve/admin.py": "from pipeline.valve.models import Signal\n\nprint(Signal)\n",
                "pipeline/valve/send.py": "from pipeline.valve.models import Signal\n\nprint(Signal)\n",
            },
            expect=(("pipeline/valve/models.py", 4),),
        ),
        # The same two scripts, the class reading none of the options: one class copied.
        Example(
            {
                f"configs/splash2/{name}.py": _SCRIPT_CACHE.format(latency=latency).replace("latency = args.l1latency", "latency = '1ns'")
                for name, latency in (("run", "1ns"), ("cluster", "2ns"))
            },
            expect=(("configs/splash2/run.py", 10),),
        ),
        # One model copied and then spelt otherwise (`uuid.UUID` under `import uuid`,
        # `UUID` under `from uuid import UUID`; typing's `List[float]` and `list[float]`):
        # the interpreter reads one class (papermerge's `Owner`, Kiln's `Embedding`).
        Example(
            {
                "app/__init__.py": "",
                "app/types.py": "import uuid\nfrom typing import List\n\nfrom pydantic import BaseModel\n\n\n"
                "class Owner(BaseModel):\n    owner_id: uuid.UUID\n    scores: List[float]\n",
                "app/schema.py": "from uuid import UUID\n\nfrom pydantic import BaseModel\n\n\n"
                "class Owner(BaseModel):\n    owner_id: UUID\n    scores: list[float]\n",
                "app/views.py": "from app.types import Owner\n",
            },
            expect=(("app/schema.py", 6),),
        ),
        # The same operation registered twice under one name: a copy, and so is the
        # interface over it.
        Example(_dialect_ops("func.func"), expect=(("app/dialects/arm_func.py", 4), ("app/dialects/arm_func.py", 16))),
        # A driver's hooks taken from another's, its three classes over the base's of their
        # names all written alike (newrelic's `database_pymysql.py` from `database_mysqldb.py`):
        # a part of a module copied, not each driver's own override.
        Example(_driver_hooks(), expect=(("hooks/pymysql.py", 6), ("hooks/pymysql.py", 12), ("hooks/pymysql.py", 20))),
        # The same generator writing its output from a template alone: its class is a
        # hand-written copy of the generated one.
        Example(_pasting_generator("'class PromptMessage: ...'"), expect=(("scripts/compile.py", 5),)),
        # Two of one library's decorated types, one GraphQL type declared twice, and a
        # `@dataclass` copied as an attrs class (a data shape of the same kind): copies.
        Example(
            {
                "app/__init__.py": "",
                "app/api_types.py": "import strawberry\n\n\n@strawberry.type\nclass CostBreakdown:\n"
                "    tokens: int\n    cost: float\n",
                "app/api_more.py": "import strawberry\n\n\n@strawberry.type\nclass CostBreakdown:\n"
                "    tokens: int\n    cost: float\n",
                "app/costs.py": "from dataclasses import dataclass\n\n\n@dataclass\nclass Usage:\n"
                "    tokens: int\n    cost: float\n",
                "app/usage.py": "import attr\n\n\n@attr.s(auto_attribs=True)\nclass Usage:\n"
                "    tokens: int\n    cost: float\n",
            },
            expect=(("app/api_types.py", 5), ("app/costs.py", 5)),
        ),
        # Packages that share one module copied whole, and hold modules of their own
        # besides, are no series of versions: the copies are reported.
        Example(
            _forks(("frontier", "homestead", "byzantium"), whole=False),
            expect=(("spec/frontier/blocks.py", 5), ("spec/homestead/blocks.py", 5)),
        ),
        # A base test case with helpers and no tests of its own, pasted into a second
        # module: one fixture written twice, which SSOT001 reports like any other class.
        Example(
            {
                **_module_tests(),
                "lib/testing.py": _API_CASE,
                "lib/contrib/testing.py": _API_CASE,
                "lib/contrib/__init__.py": "",
            },
            expect=(("lib/contrib/testing.py", 4),),
        ),
        # A settings object pasted into a second package that never sets it: its readers
        # read what nobody configures, a copy drifting from the one that is.
        Example(_instrumentor_configs(("agno",)), expect=(("otel/groq/config.py", 1),)),
        # The same broker shape twice over one client library: a copy.
        Example(_brokers("aiokafka", "ConsumerRecord"), expect=(("app/kafka/logging.py", 9),)),
        # A copy one module's formatter reformatted (spaces around ``=`` and after commas,
        # quotes, a call split over lines with a trailing comma): still written alike
        # (pymca's ``QComboTableItem`` in two widget modules).
        Example(
            {
                "gui/__init__.py": "",
                "gui/peaks.py": _COMBO_ITEM,
                "gui/params.py": _COMBO_ITEM.replace("(int,int)", "(int, int)").replace("row = None, col = None", "row=None, col=None")
                .replace("'cell changed %s'", '"cell changed %s"').replace("self._row, self._col)", "\n            self._row,\n            self._col,\n        )"),
                "gui/use.py": "from gui.peaks import QComboTableItem\n",
            },
            expect=(("gui/params.py", 8),),
        ),
        # Django models are tables of their application only when they are concrete: two
        # abstract bases pasted into two applications are one base twice, and two concrete
        # models of one application (its ``models`` package) claim one table.
        Example(
            {
                "geo/__init__.py": "",
                "geo/outdoor/__init__.py": "",
                "geo/outdoor/models.py": _DJANGO_RATING_BASE,
                "geo/trekking/__init__.py": "",
                "geo/trekking/models.py": _DJANGO_RATING_BASE,
                "geo/shop/__init__.py": "",
                "geo/shop/models/__init__.py": "",
                "geo/shop/models/orders.py": _DJANGO_RATING_BASE.replace("class RatingMixin", "class Line").replace("abstract", "ordering"),
                "geo/shop/models/returns.py": _DJANGO_RATING_BASE.replace("class RatingMixin", "class Line").replace("abstract", "ordering"),
            },
            expect=(("geo/shop/models/returns.py", 4), ("geo/trekking/models.py", 4)),
        ),
        # The same table pasted into every module of the family, alike everywhere: a copy.
        Example(_chip_targets(("0xE0042004",) * 3), expect=(("pyocd/target/builtin/target_chip1.py", 1), ("pyocd/target/builtin/target_chip2.py", 1))),
        # A helper pasted into two plugins, its methods' docstrings reworded since (livekit's
        # `PeriodicCollector`): what the methods do is written alike.
        Example(
            {
                "plugins/__init__.py": "",
                "plugins/deepgram.py": (
                    "class PeriodicCollector:\n    def __init__(self, callback, duration):\n"
                    "        \"\"\"Create a collector that calls back after the duration.\"\"\"\n"
                    "        self._callback = callback\n        self._duration = duration\n        self._total = 0\n\n"
                    "    def push(self, value):\n        \"\"\"Add a value to the accumulator.\"\"\"\n        self._total += value\n\n"
                    "    def flush(self):\n        \"\"\"Call back with the total if non-zero.\"\"\"\n"
                    "        if self._total:\n            self._callback(self._total)\n        self._total = 0\n"
                ),
                "plugins/inworld.py": (
                    "class PeriodicCollector:\n    def __init__(self, callback, duration):\n"
                    "        \"\"\"Accumulate values and invoke the callback with the total.\"\"\"\n"
                    "        self._callback = callback\n        self._duration = duration\n        self._total = 0\n\n"
                    "    def push(self, value):\n        self._total += value\n\n"
                    "    def flush(self):\n        if self._total:\n            self._callback(self._total)\n        self._total = 0\n"
                ),
            },
            expect=(("plugins/inworld.py", 1),),
        ),
        # The same plugins, two of them with the same settings too: one class copied.
        Example(
            _waste_sources({"goldcoast": "goldcoast.qld.gov.au", "moyne": "moyne.vic.gov.au", "monash": "moyne.vic.gov.au"}),
            expect=(("app/sources/moyne.py", 7),),
        ),
        # An exact copy whose text holds a string that spells a name the other module
        # imports (`format = "json"` beside `import json`): the string is no name, so the
        # fix is offered (it was withheld: "json may be another object there").
        Example(
            {
                "app/__init__.py": "",
                "app/export.py": "import json\n\n\n" + _EXPORTER + "\n\ndef save(rows):\n    return json.dumps(rows)\n",
                "app/report.py": _EXPORTER,
                "app/use.py": "from app.export import Exporter\n",
            },
            expect=(("app/report.py", 1),),
            fixed={"app/report.py": "from app.export import Exporter\n"},
        ),
        # An exact copy in a demo that binds, under its `__main__` block, names the class's
        # methods bind for themselves (opencompass' `ConfigWrapper`, `config_path` a
        # parameter, `data` a local): no module-level name is read, so the fix is offered.
        Example(
            {
                "app/__init__.py": "",
                "app/utils.py": _CONFIG_WRAPPER,
                "app/demo.py": _CONFIG_WRAPPER + _CONFIG_DEMO,
                "app/use.py": "from app.utils import ConfigWrapper\n",
            },
            expect=(("app/demo.py", 1),),
            fixed={"app/demo.py": "from app.utils import ConfigWrapper\n" + _CONFIG_DEMO},
        ),
        # A reader pasted into two drivers that each use it, its base spelt
        # `io.BufferedReader` in one and `BufferedReader` (from io) in the other, a third
        # driver's reader its own (python-neo's `StructFile`): one class copied.
        Example(
            {
                "app/__init__.py": "",
                "app/axon.py": "import struct\nfrom io import BufferedReader\n\n\n" + _STRUCT_FILE.format(base="BufferedReader"),
                "app/micromed.py": "import io\nimport struct\n\n\n" + _STRUCT_FILE.format(base="io.BufferedReader"),
                "app/axograph.py": "import io\n\n\nclass StructFile(io.BufferedReader):\n    def read_f(self, fmt):\n"
                "        return self.read(len(fmt))\n\n\ndef header(path):\n    return StructFile(open(path, 'rb')).read_f('<4s')\n",
            },
            expect=(("app/micromed.py", 5),),
        ),
        # An add-on's settings copied into a second module that imports the names the
        # first reaches through submodule paths (`bpy.props.FloatProperty` against `from
        # bpy.props import FloatProperty`, blender-addons' `io_coat3D`): one class copied.
        Example(
            {
                "addon/__init__.py": "",
                "addon/coat.py": "import bpy\n\n\n" + _COAT_SETTINGS.format(
                    base="bpy.types.PropertyGroup", floats="bpy.props.FloatProperty", ints="bpy.props.IntProperty"),
                "addon/coat_tools.py": "import bpy\nfrom bpy.props import FloatProperty, IntProperty\n"
                "from bpy.types import PropertyGroup\n\n\n" + _COAT_SETTINGS.format(
                    base="PropertyGroup", floats="FloatProperty", ints="IntProperty"),
            },
            expect=(("addon/coat_tools.py", 6),),
        ),
        # A library class's subclass copied from the library's package into a script that
        # star-imports the library (gem5's `configs/ruby/CHI_config.py`, `from m5.objects
        # import *`, beside `from m5.objects import MessageBuffer`): one base, one copy.
        Example(
            {
                "lib/__init__.py": "", "lib/chi/__init__.py": "",
                "lib/chi/nodes.py": "from m5.objects import MessageBuffer\n" + _TRIGGER_BUFFER,
                "lib/use.py": "from lib.chi.nodes import TriggerMessageBuffer\n",
                "configs/chi_config.py": "from m5.objects import *\n\nimport math\n" + _TRIGGER_BUFFER
                + "\n\ndef size(n):\n    return math.log2(n)\n",
            },
            expect=(("configs/chi_config.py", 6),),
        ),
        # Two models' fix classes whose code is the same, their methods' docstrings worded
        # otherwise (ESMValCore's `Tro3` in `miroc_esm.py` and `miroc_esm_chem.py`): no
        # docstring is part of the text compared, so they are one class copied.
        Example(
            {
                "app/__init__.py": "",
                "app/fix.py": "class Fix:\n    def fix_data(self, cube):\n        return cube\n",
                "app/models/__init__.py": "",
                "app/models/miroc.py": _TRO3_FIX.format(doc="Fix data.\n\n        Convert from ppb to mol mol-1."),
                "app/models/miroc_chem.py": _TRO3_FIX.format(doc="Fix data of the chemistry model.\n\n        Convert the units."),
            },
            expect=(("app/models/miroc_chem.py", 4),),
        ),
        # The same TypedDict over `typing_extensions.TypedDict` and over `typing.TypedDict`
        # (open-inwoner's `openklant/services.py` and `wrap.py`): the backport is the same base.
        Example(
            {
                "app/__init__.py": "",
                "app/wrap.py": "from typing import NotRequired, TypedDict\n\n\nclass OrgFetchParam(TypedDict):\n"
                "    user_kvk_or_rsin: str\n    vestigingsnummer: NotRequired[str]\n",
                "app/services.py": "from typing import NotRequired\n\nfrom typing_extensions import TypedDict\n\nimport app.wrap\n\n\n"
                "class OrgFetchParam(TypedDict):\n    user_kvk_or_rsin: str\n    vestigingsnummer: NotRequired[str]\n",
            },
            expect=(("app/services.py", 8),),
        ),
        # A class copied with its docstring, its methods changed a little since (portage's
        # `TaskHandler`, in `sync/controller.py` and `emaint/main.py`): the same sentence of
        # five words or more marks the copy.
        Example(_task_handlers("Handles the running of the tasks it is given"), expect=(("portage/sync/controller.py", 1),)),
        # The same two programs as a package's tools: copies.
        Example(_benchmark_programs("tools/citation"), expect=(("tools/citation/gcn.py", 10),)),
        # A copy left in a package's examples folder, which product code imports another
        # module of (cctbx's web page imports `cctbx.examples.all_axes`), never this one:
        # the product's copy is kept, though the example's path sorts first, and the
        # example's copy is the one reported.
        Example(
            {
                "lib/__init__.py": "",
                "lib/util.py": "def norm(x):\n    return abs(x)\n",
                "lib/examples/__init__.py": "",
                "lib/examples/all_axes.py": "def run():\n    return 1\n",
                "lib/examples/merging/__init__.py": "",
                "lib/examples/merging/refine.py": "from lib.util import norm\n\n\n" + _REFINERY,
                "lib/web/__init__.py": "",
                "lib/web/page.py": "from lib.examples import all_axes\n",
                "xfel/__init__.py": "",
                "xfel/util.py": "def norm(x):\n    return abs(x)\n",
                "xfel/refine.py": "from xfel.util import norm\n\n\n" + _REFINERY,
            },
            expect=(("lib/examples/merging/refine.py", 4),),
        ),
        # The same spelling on both sides is one representation twice: the copies are
        # reported (the one in the module not imported by name).
        Example(_two_spellings("    envName: str\n    targetPort: int\n    httpHeaders: list\n",
                               "    envName: str\n    targetPort: int\n    httpHeaders: list\n"),
                expect=(("app/crd.py", 4), ("app/crd.py", 8))),
        # Two modules of one sample app (no program of their own) with the same class:
        # compared as any modules; and so are two sample apps' when one imports the other.
        Example(
            _sample_apps(
                ("shop", "MenuPlugin", ""),
                ("cafe", "CafePlugin", "from samples.shop import run\n"),
                ("bar", "CafePlugin", "from samples.cafe import run\n"),
            ) | {"samples/shop/menu.py": _MENU_PLUGIN},
            expect=(("samples/bar/plugins.py", 6), ("samples/shop/menu.py", 6)),
        ),
        # A program's module-level `raise` after its classes (`raise SystemExit(main())`):
        # they are defined before it, and copies.
        Example(
            {
                "app/__init__.py": "",
                "app/one.py": _MANAGER.format(name="Guid") + "\n\nraise SystemExit(0)\n",
                "app/two.py": _MANAGER.format(name="Guid") + "\n\nraise SystemExit(0)\n",
                "app/use.py": "from app.one import Guid\n",
            },
            expect=(("app/two.py", 1),),
        ),
        # One helper pasted into three tools' modules, each passing it to `json.dumps`
        # itself (agno's `CustomJSONEncoder`): no plugin a framework finds, but copies.
        Example(
            {"app/__init__.py": "", "app/tools/__init__.py": ""}
            | {f"app/tools/{tool}.py": _ENCODER_TOOL for tool in ("crawl", "search", "fetch")},
            expect=(("app/tools/fetch.py", 4), ("app/tools/search.py", 4)),
        ),
        # A bridge built in its ``__init__`` (as Migen modules are), pasted into three CPU
        # wrappers that each build it (litex's ``OBI2Wishbone``): an ``__init__`` that does
        # something is a method of its own, so a helper, not a plugin.
        Example(
            {"cpu/__init__.py": ""}
            | {f"cpu/{core}/__init__.py": "" for core in ("ibex", "cv32e40p", "cv32e41p")}
            | {
                f"cpu/{core}/core.py": (
                    "from migen import Module\n\n\nclass OBI2Wishbone(Module):\n    def __init__(self, obi, wb):\n"
                    "        self.comb += wb.adr.eq(obi.addr[2:])\n        self.comb += wb.we.eq(obi.we)\n\n\n"
                    f"class CPU(Module):\n    def __init__(self):\n        self.bridge = OBI2Wishbone('{core}', None)\n"
                )
                for core in ("ibex", "cv32e40p", "cv32e41p")
            },
            expect=(("cpu/cv32e41p/core.py", 4), ("cpu/ibex/core.py", 4)),
        ),
        # A model layer pasted from one model's package into another's that builds on it,
        # where many models' packages hold an ``attention.py`` with a class of that name
        # (FunASR's ``MultiHeadedAttention``, 89 lines the same but for a note beside one
        # statement): behaviour copied, not each part's own declaration.
        Example(
            {"models/__init__.py": ""}
            | {f"models/{m}/__init__.py": "" for m in ("transformer", "sanm", "sond", "paraformer")}
            | {
                f"models/{m}/attention.py": (
                    "from torch import nn\n\n\nclass MultiHeadedAttention(nn.Module):\n"
                    f"    def __init__(self, n_head):\n        self.h = n_head  # {m}'s heads\n\n"
                    "    def forward_qkv(self, q):\n        return q.view(self.h)\n\n"
                    "    def forward_attention(self, v, scores):\n        return scores.softmax(dim=-1) @ v\n\n"
                    "    def forward(self, q):\n        return self.forward_attention(self.forward_qkv(q), q)\n\n\n"
                    "def build(n_head):\n    return MultiHeadedAttention(n_head)\n"
                    if m in ("transformer", "sanm") else
                    f"from torch import nn\n\n\nclass MultiHeadedAttention(nn.Module):\n    kind = '{m}'\n"
                )
                for m in ("transformer", "sanm", "sond", "paraformer")
            }
            | {"models/sanm/encoder.py": "from models.transformer import attention\n\nLAYER = attention\n"},
            expect=(("models/sanm/attention.py", 4),),
        ),
        # The same factory over two copies of one transform (a module copied whole): both
        # are copies, the factory too.
        Example(
            _factories(_JSON_TRANSFORM, _JSON_TRANSFORM),
            expect=(("app/json.py", 1), ("app/json.py", 12)),
        ),
        # The factory over two transforms that share most of their methods (OpenPype's two
        # `WebServerManager`s over their drifted `WebServerThread`s): a module copied whole.
        Example(
            _factories(_JSON_TRANSFORM, _JSON_TRANSFORM.replace("as_postgresql", "as_mysql")),
            expect=(("app/json.py", 12),),
        ),
        # The grown package's module copied whole from another app's: a copy all the same.
        Example(
            _joined_apps(_JOINED.format(base="TransitionMessage", kind="deeds", start="strftime('%x')")),
            expect=(("app/deeds/messages.py", 4),),
        ),
        # A class with behaviour copied between two Django management commands, one field
        # renamed (onadata's `BackfillStats` and its `add`): a helper copied, not each
        # command's own declaration.
        Example(_command_helpers(), expect=(("app/main/management/commands/backfill_users.py", 5),)),
        # A module copied whole into another package with the helper module it imports
        # (LangBot's two wecom `WXBizMsgCrypt3.py`, each beside its own `ierror.py`, the two
        # alike): each class reads the other package's `ierror`, but that is one module
        # copied, not a collaborator of its own.
        Example(
            {
                "app/__init__.py": "",
                "app/wecom/__init__.py": "",
                "app/wecom/ierror.py": _IERROR,
                "app/wecom/crypt.py": _CRYPT,
                "app/wecom_bot/__init__.py": "",
                "app/wecom_bot/ierror.py": _IERROR,
                "app/wecom_bot/crypt.py": _CRYPT,
                "app/handler.py": "from app.wecom.crypt import Prpcrypt\n",
            },
            expect=(("app/wecom_bot/crypt.py", 4),),
        ),
        # An API client of many methods on no base, copied into another program's folder,
        # each method's body edited since and one side grown (EvalAI's `EvalAI_Interface`):
        # one class twice, however its bodies drifted.
        Example(
            {
                "app/__init__.py": "",
                "app/monitoring/__init__.py": "",
                "app/monitoring/client.py": _api_client("https://monitor", extra=("get_metrics", "get_hosts")),
                "app/workers/__init__.py": "",
                "app/workers/utils.py": _api_client("https://workers"),
                "app/workers/run.py": "from app.workers.utils import ApiClient\n",
            },
            expect=(("app/monitoring/client.py", 1),),
        ),
        # The same two packages with no version of their own: one project's packages,
        # whatever loads them, and a copy between them is a copy.
        Example(_addons(versioned=False), expect=(("server_addon/nuke/server/settings.py", 1),)),
        # The same shared base bound to the same library's class twice, one copy drifted:
        # no adapter per library, one class twice.
        Example(
            {
                "app/__init__.py": "",
                "app/vip/__init__.py": "import zmq\nfrom app.vip.socket import _Socket\n\n\n" + _SOCKET_COPY,
                "app/vip/socket.py": "class _Socket:\n    def send_vip(self, peer):\n        return peer\n",
                "app/vip/router.py": "import zmq\nfrom app.vip.socket import _Socket\n\n\n" + _SOCKET_COPY
                + "\n    def route(self, frames):\n        return frames[1:]\n",
                "app/agent.py": "from app.vip import Socket\n",
            },
            expect=(("app/vip/router.py", 5),),
        ),
        # A class copied word for word into per-dataset scripts, each on one shared base
        # (nnpdf's `hera_commondata` in each `filter.py`): no plugin convention, one class.
        Example(
            {
                "data/__init__.py": "",
                "data/utils.py": "class commondata:\n    def write(self):\n        return self.values\n",
                **{
                    f"data/sets/{name}/filter.py": (
                        "from data.utils import commondata\n\n\nclass hera_commondata(commondata):\n"
                        "    def __init__(self, filename):\n        self.values = open(filename).read().split()\n\n\n"
                        f"if __name__ == '__main__':\n    hera_commondata('{name}.txt').write()\n"
                    )
                    for name in ("NC_225", "NC_251", "NC_300")
                },
            },
            expect=(("data/sets/NC_251/filter.py", 4), ("data/sets/NC_300/filter.py", 4)),
        ),
        # A module loaded only when the import an `except ImportError` handler guards fails
        # (botbuilder's AutoRest `_models` for Python 2, behind `try: from ._models_py3
        # import Error`) holds the fallback's classes: only the live copy is reported.
        Example(
            {
                "app/__init__.py": "",
                "app/schema/__init__.py": "from ._models_py3 import Error\n",
                "app/schema/_models_py3.py": _ERROR_MODEL,
                "app/use.py": "from app.schema import Error\n",
                "app/token/__init__.py": "try:\n    from ._models_py3 import Error\nexcept (SyntaxError, ImportError):\n"
                "    from ._models import Error\n",
                "app/token/_models_py3.py": _ERROR_MODEL,
                "app/token/_models.py": _ERROR_MODEL,
                # Also behind a handler that catches everything (TACTIC's two XML back-ends:
                # `try: from .lxml_wrapper import *` / `except: from .xml_wrapper import *`).
                "app/xml/__init__.py": "try:\n    from .lxml_wrapper import XmlError\nexcept:\n    from .xml_wrapper import XmlError\n",
                "app/xml/lxml_wrapper.py": _ERROR_MODEL.replace("Error", "XmlError"),
                "app/xml/xml_wrapper.py": _ERROR_MODEL.replace("Error", "XmlError"),
            },
            expect=(("app/token/_models_py3.py", 1),),
        ),
        # The copy a setting names by its dotted path is the one the program imports
        # (marsha's `default_site = "marsha.core.admin_site.MarshaAdminSite"`), whatever
        # else the other copy's module gives its importers: the other is reported.
        Example(
            {
                "app/__init__.py": "",
                "app/core/__init__.py": "",
                "app/core/admin.py": "class SiteBase:\n    pass\n\n\nclass MarshaAdminSite:\n    site_header = 'Marsha'\n"
                "    index_title = 'Admin'\n",
                "app/core/admin_site.py": "class MarshaAdminSite:\n    site_header = 'Marsha'\n    index_title = 'Admin'\n",
                "app/core/apps.py": "class AdminConfig:\n    default_site = 'app.core.admin_site.MarshaAdminSite'\n",
                "app/views.py": "from app.core.admin import SiteBase\n",
                "app/urls.py": "from app.core.admin import SiteBase\n",
            },
            expect=(("app/core/admin.py", 5),),
        ),
        # One error declared twice over the shared base, with the same code (authlib's
        # `InvalidRequestObjectError(OAuth2Error)` in the OIDC and the RFC 9101 packages):
        # code that catches one does not catch the other.
        Example(_error_twice("invalid_request_object", "invalid_request_object"), expect=(("app/oidc/errors.py", 4),)),
        # ... but a library class's namesake pasted into two modules that each build with it
        # (modelscope's `class LayerNorm(nn.LayerNorm)`, CLIP's half-precision fix, in a dozen
        # model packages) is one helper copied, not variants a framework finds by path.
        Example(
            {
                "app/__init__.py": "", "app/clip/__init__.py": "", "app/team/__init__.py": "",
                **{
                    f"app/{pkg}/model.py": "import torch\nfrom torch import nn\n\n\nclass LayerNorm(nn.LayerNorm):\n"
                    "    def forward(self, x):\n        orig_type = x.dtype\n        ret = super().forward(x.type(torch.float32))\n"
                    "        return ret.type(orig_type)\n\n\nclass Block(nn.Module):\n    def __init__(self, width):\n"
                    f"        super().__init__()\n        self.ln = LayerNorm(width)\n        self.{pkg} = width\n"
                    for pkg in ("clip", "team")
                },
            },
            expect=(("app/team/model.py", 5),),
        ),
        # ... but two that nest the same class (a module copied whole) are copies, and so are
        # the nested classes.
        Example(
            _nested_serializers(("name", "phone"), ("name", "phone")),
            expect=(("app/provider/serializers.py", 4), ("app/provider/serializers.py", 12)),
        ),
        # ... but two modules whose own headers name one source file are two copies the
        # project made of it (InvokeAI's z_image adapter and transformer), and a class of the
        # project's own beside a skipped file's is compared as usual.
        Example(
            {**_ARCH, "arch/control_adapter.py": _ADAPTED + _EQUAL_LINEAR, "arch/control_transformer.py": _ADAPTED + _EQUAL_LINEAR},
            expect=(("arch/control_transformer.py", 2),),
        ),
        Example({**_ARCH, "arch/face/stylegan2.py": _SKIP_FILE + _EQUAL_LINEAR, "arch/layers.py": _EQUAL_LINEAR}, expect=(("arch/layers.py", 1),)),
        # ... however the two headers spell the repository's address (modelscope's two ports
        # of Swin-Transformer: the repository's top, and a file in it two lines down).
        Example(
            {
                **_ARCH,
                "arch/seg_swin.py": "# The implementation is adopted from Swin Transformer, made publicly available under the MIT "
                "License at\n# https://github.com/microsoft/Swin-Transformer/blob/main/models/swin_transformer.py\n" + _EQUAL_LINEAR,
                "arch/depth_swin.py": "# The implementation is adopted from Swin Transformer\n# made publicly available under the "
                "MIT License at https://github.com/microsoft/Swin-Transformer.git\n" + _EQUAL_LINEAR,
            },
            expect=(("arch/seg_swin.py", 3),),
        ),
        # Nothing else decides: the copy in the package the class's name names is kept
        # (zds-site's notification app, not the private-messages app's trimmed copy).
        Example(
            {
                "app/__init__.py": "", "app/mp/__init__.py": "", "app/notification/__init__.py": "",
                "app/mp/views.py": _NOTIFICATION_KEY, "app/notification/views.py": _NOTIFICATION_KEY,
            },
            expect=(("app/mp/views.py", 1),),
        ),
        # A header that copies a path of the project itself is a copy to consolidate.
        Example(
            {"app/__init__.py": "", "app/models.py": _LANGUAGE, "app/kolibri_content/__init__.py": "",
             "app/kolibri_content/base.py": '"""Copied from app/models.py, to be merged.\n\nhttps://github.com/org/app/issues/12\n"""\n'
             + _LANGUAGE, "app/use.py": "from app.models import Language\n"},
            expect=(("app/kolibri_content/base.py", 5),),
        ),
        # The same modules when the loader reads another name: two FTP attacks sharing
        # most of their members, one of them imported by name, are reported.
        Example(_plugin_modules("Config"), expect=(("app/modules/ftp_brute.py", 4),)),
        # Two backends an `if` chooses between, loaded alone: each one's window on its own Gtk
        # is its own; the pure-Python mixin they copy could live in a module both import.
        Example(_toolkit_backends(_ONE_OF_TWO), expect=(("app/gtk4w/helper.py", 7),)),
        # The same chosen by a factory each time it is called (PaddleSpeech's engine factory,
        # one back-end's `TTSEngine` per `engine_type`).
        Example(
            _toolkit_backends(
                "def window(family):\n    if family == 'gtk3':\n        from app.gtk3w.helper import TopLevel\n"
                "    elif family == 'gtk4':\n        from app.gtk4w.helper import TopLevel\n    return TopLevel()\n"
            ),
            expect=(("app/gtk4w/helper.py", 7),),
        ),
        # An empty exception declared again by a module that builds on the other's code
        # (arches' `bulk_edit_concept.py` catching its own `MissingRequiredInputError`
        # while the base editor it extends raises the other): one thing declared twice.
        Example(
            {
                "app/__init__.py": "",
                "app/etl/__init__.py": "",
                "app/etl/base.py": "class MissingInputError(Exception):\n    pass\n\n\nclass BaseEditor:\n"
                "    def validate(self, request):\n        if not request:\n            raise MissingInputError('request')\n",
                "app/etl/concept.py": "from app.etl.base import BaseEditor\n\n\nclass MissingInputError(Exception):\n    pass\n\n\n"
                "class ConceptEditor(BaseEditor):\n    def run(self, request):\n        try:\n            self.validate(request)\n"
                "        except MissingInputError:\n            return None\n",
            },
            expect=(("app/etl/concept.py", 4),),
        ),
        # The same copies when another part imports one of them by name: an API declared twice.
        Example(
            _app_parts("from apps.ideas.api import PermissionInfoMixin\n\n\nclass ProposalViewSet(PermissionInfoMixin):\n    model = 'proposal'\n"),
            expect=(("apps/topicprio/api.py", 1),),
        ),
        # The same base read off one object both modules import (onadata's two
        # `AutoRetryTask(app.Task)`, `app` its Celery application): one role, copied.
        Example(
            {
                "proj/__init__.py": "",
                "proj/celeryapp.py": "from celery import Celery\n\napp = Celery('proj')\n",
                "proj/api/__init__.py": "",
                "proj/api/tasks.py": "from proj.celeryapp import app\n\n\nclass AutoRetryTask(app.Task):\n"
                "    autoretry_for = (Exception,)\n    max_retries = 3\n    retry_backoff = True\n",
                "proj/logger/__init__.py": "",
                "proj/logger/tasks.py": "from proj.celeryapp import app\n\n\nclass AutoRetryTask(app.Task):\n"
                "    autoretry_for = (Exception,)\n    max_retries = 3\n    retry_backoff = True\n",
                # Parts of one layout (each app's tasks.py), the api built on the logger.
                "proj/logger/models.py": "class Instance:\n    pass\n",
                "proj/api/views.py": "from proj.logger.models import Instance\n",
                "proj/main/__init__.py": "",
                "proj/main/tasks.py": "from proj.celeryapp import app\n",
            },
            expect=(("proj/api/tasks.py", 4),),
        ),
        # ... but one imported by name elsewhere is an API, declared twice.
        Example(
            _vendor_processors({"app/transport.py": "from app.processors.mica import SubmitConfig\n"}),
            expect=(("app/processors/sixdee.py", 4),),
        ),
        # ... and when one of the two parts that define it is built on the other (aries'
        # `revocation_anoncreds/` importing `revocation/`'s modules, and repeating its route
        # schemas word for word): not kept apart.
        Example(
            {
                **_app_parts("class ProposalViewSet:\n    model = 'proposal'\n"),
                "apps/topicprio/views.py": "from apps.ideas.views import idea_list\n\n\ndef topic_list(request):\n"
                "    return idea_list(request)\n",
            },
            expect=(("apps/topicprio/api.py", 1),),
        ),
        # A record copied onto a sibling base of one library (snapcraft's two `Manifest`s,
        # on `craft_application.models`' `CraftBaseModel` and `BaseMetadata`): a copy.
        Example(
            {
                "app/__init__.py": "",
                "app/meta/__init__.py": "",
                "app/meta/manifest.py": "import craft.models\n\n\nclass Manifest(craft.models.CraftBaseModel):\n"
                + _MANIFEST_FIELDS + "    summary: str\n\n    def marshal(self):\n        return dict(self)\n",
                "app/models/__init__.py": "",
                "app/models/manifest.py": "from craft.models import BaseMetadata\n\n\nclass Manifest(BaseMetadata):\n"
                + _MANIFEST_FIELDS + "    summary: str | None = None\n",
                "app/lifecycle.py": "from app.models.manifest import Manifest\n",
            },
            expect=(("app/meta/manifest.py", 4),),
        ),
        # The same two modules reading the same names from the same place: a copy.
        Example(_library_versions("polars._typing"), expect=(("app/plugins/pre.py", 5),)),
        # The same chosen by an `if` nested in another's branch.
        Example(
            _toolkit_backends(
                "from app import toolkit\n\nif toolkit.family() == 'gtk':\n    if toolkit.family() == 'gtk3':\n"
                "        from app.gtk3w.helper import *\n    else:\n        from app.gtk4w.helper import *\n"
            ),
            expect=(("app/gtk4w/helper.py", 7),),
        ),
        # Both imported unconditionally: the window class is a copy too.
        Example(
            _toolkit_backends("from app.gtk3w.helper import TopLevel\nfrom app.gtk4w.helper import WidgetMask\n"),
            expect=(("app/gtk3w/helper.py", 7), ("app/gtk4w/helper.py", 17)),
        ),
        # A field typed by one class, defined beside one copy and imported by the other
        # (private-gpt's `status: StreamStatus`): the same representation, a copy.
        Example(
            {
                "app/__init__.py": "",
                "app/streaming/__init__.py": "",
                "app/streaming/models.py": (
                    "from enum import Enum\n\nfrom pydantic import BaseModel\n\n\nclass StreamStatus(Enum):\n"
                    "    PENDING = 'pending'\n    DONE = 'done'\n\n\nclass StreamMetadata(BaseModel):\n"
                    "    correlation_id: str = ''\n    status: StreamStatus = StreamStatus.PENDING\n    created_at: str = ''\n"
                    "    updated_at: str = ''\n    error_message: str = ''\n    stream_type: str = 'default'\n"
                ),
                "app/server/__init__.py": "",
                "app/server/router.py": (
                    "from pydantic import BaseModel\n\nfrom app.streaming.models import StreamStatus\n\n\n"
                    "class StreamMetadata(BaseModel):\n    message_id: str = ''\n    status: StreamStatus = StreamStatus.PENDING\n"
                    "    created_at: str = ''\n    updated_at: str = ''\n    error_message: str = ''\n    stream_type: str = 'default'\n"
                ),
                "app/server/use.py": "from app.streaming.models import StreamMetadata\n",
            },
            expect=(("app/server/router.py", 6),),
        ),
        # The serializers module copied whole: each nests its own module's copy of
        # ``ProjectSerializer`` (the names are the same): copies, both reported.
        Example(
            _payload_serializers(
                "ProjectSerializer()",
                "class ProjectSerializer(LightSerializer):\n    id = Field()\n    name = Field()\n\n\n",
            ),
            expect=(("app/webhooks/serializers.py", 5), ("app/webhooks/serializers.py", 10)),
        ),
        # A stale program nothing imports (vaex's ``misc/parallelize.py``, with a
        # ``__main__`` demo) beside the module production imports: the program's copy is
        # reported and pointed at the imported module, whatever the packages' layering.
        Example(
            {
                "pkg/__init__.py": "",
                "pkg/misc/__init__.py": "",
                "pkg/misc/helpers.py": "def clamp(x):\n    return x\n",
                "pkg/frame.py": "from pkg.misc.helpers import clamp\n\n\ndef frame():\n    return clamp(1)\n",
                **{
                    path: (
                        f"import threading\n{extra}\n\nclass Watchdog(threading.Thread):\n"
                        "    def __init__(self, timeout):\n        super().__init__()\n        self.timeout = timeout\n\n"
                        "    def run(self):\n        return self.timeout\n\n\n"
                        "if __name__ == '__main__':\n    Watchdog(1).start()\n"
                    )
                    # The live module builds on ``pkg.misc``, which never imports it back.
                    for path, extra in (
                        ("pkg/parallelize.py", "from pkg.misc.helpers import clamp\n"),
                        ("pkg/misc/parallelize.py", "\n"),
                    )
                },
                "pkg/ui.py": "from pkg.parallelize import Watchdog\n\n\ndef watch():\n    return Watchdog(2)\n",
            },
            expect=(("pkg/misc/parallelize.py", 5),),
        ),
        # A version package's module that imports the shared module whose class it copies
        # (streamlit's ``components/v1/custom_component.py`` and
        # ``components/types/base_custom_component.py``' ``MarshallComponentException``):
        # that version builds on the shared layer, and its copy is a duplicate.
        Example(
            {
                "app/__init__.py": "",
                "app/components/__init__.py": "",
                "app/components/types/__init__.py": "",
                "app/components/types/base.py": _RETRY + "\n\nclass BaseComponent:\n    name = ''\n",
                "app/components/v1/__init__.py": "",
                "app/components/v1/custom.py": "from app.components.types.base import BaseComponent\n\n\n" + _RETRY,
            },
            expect=(("app/components/v1/custom.py", 4),),
        ),
        # The same table class on one shared base, imported by both: a copy.
        Example(
            {**_TABLES, "app/models/mysql.py": "from app.models.sqlite import Base\nfrom .base import MetricsBase\n\n\n"
             "class MetricsTable(Base, MetricsBase):\n    pass\n"},
            expect=(("app/models/mysql.py", 5),),
        ),
        # The same family in scripts of a folder that is no package, each run on its own
        # (zen's ``scripts/staging_validation_*.py``, each with its copy of
        # ``ServiceEndpoints``): programs copied one from another, not a package's drivers.
        Example(_driver_scripts(), expect=(
            ("scripts/probe_mysql.py", 6), ("scripts/probe_mysql.py", 18),
            ("scripts/probe_tds.py", 6), ("scripts/probe_tds.py", 18),
        )),
        # A module that names both copies without building either (an `isinstance` over
        # the two, a duplicate's workaround) does not keep them apart.
        Example(
            {
                "app/__init__.py": "",
                "app/models.py": "from pydantic import BaseModel\n\n\nclass FunctionCall(BaseModel):\n"
                "    name: str\n    arguments: str\n",
                "app/stream.py": "from pydantic import BaseModel\n\n\nclass FunctionCall(BaseModel):\n"
                "    name: str\n    arguments: str\n    index: int = 0\n",
                "app/wrap.py": "from app.stream import FunctionCall as Delta\nfrom app.models import FunctionCall as Finished\n\n\n"
                "def is_call(x):\n    return isinstance(x, (Delta, Finished))\n",
            },
            expect=(("app/stream.py", 4),),
        ),
        # A module copied whole: each copy's subclass extends its own module's copy of the
        # base (pycbc's `strain/calibration.py` beside `strain/recalibrate.py`): the base
        # copied member for member, what is built on it is copied with it.
        Example(
            {
                "app/__init__.py": "", "app/strain/__init__.py": "",
                "app/strain/calibration.py": "from abc import ABCMeta, abstractmethod\n\n\nclass Recalibrate(metaclass=ABCMeta):\n    name = None\n\n    def __init__(self, ifo):\n        self.ifo = str(ifo)\n\n    @abstractmethod\n    def apply(self, strain):\n        pass\n\n    def map_to_adjust(self, strain, **params):\n        self.params = params\n        return self.apply(strain)\n\n\nclass CubicSpline(Recalibrate):\n    name = 'cubic_spline'\n\n    def apply(self, strain):\n        return strain * 2\n",
                "app/strain/recalibrate.py": "from abc import ABCMeta, abstractmethod\n\n\nclass Recalibrate(metaclass=ABCMeta):\n    name = None\n\n    def __init__(self, ifo):\n        self.ifo = ifo\n\n    @abstractmethod\n    def apply(self, strain):\n        pass\n\n    def map_to_adjust(self, strain, **params):\n        self.params = params\n        return self.apply(strain)\n\n\nclass CubicSpline(Recalibrate):\n    name = 'cubic_spline'\n\n    def apply(self, strain):\n        return strain * 2\n",
                "app/strain/models.py": "from app.strain.recalibrate import CubicSpline\n",
            },
            expect=(("app/strain/calibration.py", 4), ("app/strain/calibration.py", 19)),
        ),
        # A module named for another language whose checkers show the same words as the
        # English ones, one drifted in its code (lm-evaluation-harness' ``es_instructions.py``
        # copied from ``ca_instructions.py``): no translation, a copy.
        Example(
            _language_modules(
                _checkers(*_ENGLISH_PROMPTS).replace(
                    "return self._description_pattern.format(", "return self._description_pattern.strip().format("
                )
            ),
            expect=(("app/multilingual/ca_instructions.py", 6), ("app/multilingual/ca_instructions.py", 20)),
        ),
        # A module copied whole, word for word (lm-evaluation-harness' bbh ``zeroshot/utils.py``
        # and ``cot_zeroshot/utils.py``): the subclasses name the module's own copied base and
        # a method's own ``import regex``, which the same text binds alike in each copy.
        Example(
            {
                "app/__init__.py": "", "app/tasks/__init__.py": "", "app/filters.py": (
                    "class Filter:\n    def __init__(self, pattern):\n        self.pattern = pattern\n\n"
                    "    def apply(self, texts):\n        raise NotImplementedError\n"
                ),
                **{
                    f"app/tasks/{task}/{module}": text
                    for task in ("zeroshot", "cot_zeroshot")
                    for module, text in (
                        ("__init__.py", ""),
                        (
                            "utils.py",
                            "from app.filters import Filter\n\n\nclass ExtendedFilter(Filter):\n"
                            "    def __init__(self, pattern):\n        self.pattern = pattern\n\n"
                            "    def find(self, regex, text):\n        return regex.findall(text)\n\n\n"
                            "class MapFilter(ExtendedFilter):\n    def apply(self, texts):\n        import regex\n\n"
                            "        return [self.find(regex.compile(self.pattern), t) for t in texts]\n",
                        ),
                    )
                },
            },
            expect=(("app/tasks/zeroshot/utils.py", 4), ("app/tasks/zeroshot/utils.py", 12)),
        ),
        # Two such scripts whose argument dataclasses declare the same defaults, only their
        # help texts reworded: one set of arguments, copied.
        Example(
            {
                f"scripts/generate_{name}.py": (
                    "from dataclasses import dataclass, field\n\n\n@dataclass\nclass ScriptArguments:\n"
                    f"    test_size: float = field(default=0.1, metadata={{'help': '{text}'}})\n"
                    "    repo_id: str = field(default='org/data', metadata={'help': 'Where to push.'})\n\n\n"
                    "if __name__ == '__main__':\n    print(ScriptArguments())\n"
                )
                for name, text in (("harmony", "Fraction held out."), ("zen", "Share kept for testing."))
            },
            expect=(("scripts/generate_zen.py", 5),),
        ),
        # A hand-written copy of a generated per-service shape in that service's own folder
        # is a copy: told to import the generated one (never the reverse), imported more
        # though the copy is.
        Example(
            _per_service({
                "app/services/ec2/models.py": _TAG,
                "app/services/ec2/a.py": "from app.services.ec2.models import Tag\n",
                "app/services/ec2/b.py": "from app.services.ec2.models import Tag\n",
                "app/services/ec2/provider.py": "",
            }),
            expect=(("app/services/ec2/models.py", 4),),
        ),
        # Only a variable's annotation names the earlier class before the second statement:
        # nothing uses it, it is dead.
        Example(
            {
                "app/auth.py": "from typing import Optional\n\n\nclass Auth:\n    level = 1\n\n\n"
                "_auth: Optional[Auth] = None\n\n\nclass Auth:\n    level = 2\n",
            },
            expect=(("app/auth.py", 11),),
        ),
        # A test reads a module's source to assert on it: the module is still a module, and
        # its copy of another module's class is reported.
        Example(
            {
                "web/compare/__init__.py": "",
                "web/compare/views.py": "class conditional_login_required:\n    def __init__(self, dec, condition):\n        self.decorator = dec\n        self.condition = condition\n\n    def __call__(self, func):\n        if not self.condition:\n            return func\n        return self.decorator(func)\n",
                "web/compare/test_scope.py": "import os\n\n\ndef test_scope():\n"
                "    with open(os.path.join(os.path.dirname(__file__), 'views.py')) as f:\n        assert 'seed' in f.read()\n",
                "web/apiv2/__init__.py": "",
                "web/apiv2/views.py": "class conditional_login_required:\n    def __init__(self, dec, condition):\n        self.decorator = dec\n        self.condition = condition\n\n    def __call__(self, func):\n        if not self.condition:\n            return func\n        return self.decorator(func)\n",
            },
            expect=(("web/compare/views.py", 1),),
        ),
        # A subclass copied whole into a second module, every member an override of the
        # shared base's, one statement respelt: a copy however polymorphic its members.
        Example(
            {
                "pkg/__init__.py": "",
                "pkg/base.py": "class Command:\n    input_spec = None\n    _cmd = ''\n\n    def outputs(self):\n        return {}\n\n    def filename(self, name):\n        return None\n",
                "pkg/utils.py": "from pkg.base import Command\n\n\nclass SigLoss(Command):\n    \"\"\"Estimates signal loss.\"\"\"\n    input_spec = dict\n    _cmd = 'sigloss'\n\n    def outputs(self):\n        out = {}\n        out['file'] = self._cmd + '.nii'\n        return out\n\n    def filename(self, name):\n        return self.outputs()['file'] if name == 'file' else None\n",
                "pkg/epi.py": "from pkg.base import Command\n\n\nclass SigLoss(Command):\n    \"\"\"Estimates signal loss (in rad/s).\"\"\"\n    input_spec = dict\n    _cmd = 'sigloss'\n\n    def outputs(self):\n        out = {}\n        out['file'] = (self._cmd + '.nii')\n        return out\n\n    def filename(self, name):\n        return self.outputs()['file'] if name == 'file' else None\n",
            },
            expect=(("pkg/utils.py", 4),),
        ),
        # The same shape with the same types spelt two ways: a copy.
        Example(
            {
                "lib/__init__.py": "",
                "lib/base/__init__.py": "",
                "lib/base/checks.py": "from typing import NamedTuple\nfrom typing import Optional\n\n\nclass CheckResult(NamedTuple):\n    \"\"\"A check's result.\"\"\"\n\n    output: Optional[str]\n    passed: Optional[str]\n    failures: Optional[str]\n",
                "lib/base/run.py": "from lib.base.checks import CheckResult\n",
                "lib/polars/__init__.py": "",
                "lib/polars/types.py": "from typing import NamedTuple\n\n\n\nclass CheckResult(NamedTuple):\n    \"\"\"A check's result.\"\"\"\n\n    output: str | None\n    passed: str | None\n    failures: str | None\n",
            },
            expect=(("lib/polars/types.py", 5),),
        ),
        # The same pair, the warning given for one parameter only: the class is not deprecated.
        Example(
            {
                "app/__init__.py": "",
                "app/metrics.py": "class SimilarityInputSpec:\n    volume1 = None\n    volume2 = None\n    metric = 'cc'\n\n\ndef helper():\n    return 1\n",
                "app/old/__init__.py": "",
                "app/old/utils.py": "import warnings\n\nfrom app.metrics import helper\n\n\nclass SimilarityInputSpec:\n    volume1 = None\n    volume2 = None\n    metric = 'cc'\n\n\nclass Similarity:\n"
                "    input_spec = SimilarityInputSpec\n\n    def __init__(self, fast=None):\n"
                "        if fast is not None:\n            warnings.warn('fast is ignored', DeprecationWarning)\n",
            },
            expect=(("app/old/utils.py", 6),),
        ),
        # The same payload, imported by a module too: a module, and its class a copy.
        Example(
            {
                "srv/__init__.py": "",
                "srv/agent_common.py": _POINT,
                "srv/listener.py": "import srv.agent_common\nimport srv.data.agent.legacy\n\n\ndef payload(root, legacy):\n"
                "    path = root / 'data/agent/legacy.py' if legacy else root / 'data/agent/modern.py'\n"
                "    return path.read_text(encoding='utf-8')\n",
                "srv/data/__init__.py": "",
                "srv/data/agent/__init__.py": "",
                "srv/data/agent/legacy.py": _POINT,
            },
            expect=(("srv/data/agent/legacy.py", 5),),
        ),
        # The same pair, the script's class at module level: importing the script defines
        # it, a copy.
        Example(
            {
                "app/__init__.py": "",
                "app/runner.py": "class Run:\n    def __init__(self):\n        self.run = True\n\n    def stop(self):\n        self.run = False\n",
                "app/tool.py": "class Run:\n    def __init__(self):\n        self.run = True\n\n"
                "    def stop(self):\n        self.run = False\n\n\nif __name__ == '__main__':\n    Run()\n",
            },
            expect=(("app/tool.py", 1),),
        ),
        # The same pair, the import inside the function not guarded: a copy.
        Example(
            {
                "app/__init__.py": "",
                "app/tenancy.py": _POINT,
                "app/tenancy_optional.py": _POINT + "\n\ndef point():\n    from app.tenancy import Point as real\n"
                "    return real()\n",
                "app/use.py": "from app.tenancy import Point\n",
            },
            expect=(("app/tenancy_optional.py", 5),),
        ),
        # Only a function reads the name between the two statements: it runs later and
        # gets the second class, so the first is dead.
        Example(
            {
                "guides/train.py": "class Model:\n    steps = 1\n\n\ndef build():\n    return Model()\n\n\n"
                "class Model:\n    steps = 2\n",
            },
            expect=(("guides/train.py", 9),),
        ),
        # The same module imported by product code too: not a migration's snapshot.
        Example(
            _snapshot({
                "app/report.py": "from app.db.alembic.models.f8c_fix import Point\n",
                "app/db/views.py": "from app.db.models import Point\n",
            }),
            expect=(("app/db/alembic/models/f8c_fix.py", 5),),
        ),
        # The same pair, but the public module never names the lower layer's class (it
        # calls a builder there): nothing says the two are kept apart, a copy.
        Example(
            {
                "app/__init__.py": "",
                "app/bridge/__init__.py": "",
                "app/bridge/runtime.py": _BRIDGE_CONFIG + "\n\ndef build(*args):\n    return PrometheusConfig(*args)\n",
                "app/runtime.py": _PUBLIC_CONFIG.format(convert="app.bridge.runtime.build"),
            },
            expect=(("app/runtime.py", 6),),
        ),
        # The same mirror, but the asyncio tree imports from the other: the trees meet, and
        # a copy between them is a copy.
        # The asyncio tree's copy, one sub-package deeper, is told to import the tree it
        # builds on.
        Example(_mirror("from pkg.utils.retry import retry\n\n\n"), expect=(("pkg/aio/config/errors.py", 4),)),
        # A module that imports pytest but holds no tests (a benchmark folder's shared
        # cases) and a benchmark: a copy between them is a copy.
        Example(
            {
                "benchmarks/__init__.py": "",
                "benchmarks/cases.py": _BENCHMARK.format(tests=""),
                "benchmarks/request_benchmark.py": _BENCHMARK.format(tests=_BENCHMARK_TEST.format(name="request")),
            },
            expect=(("benchmarks/request_benchmark.py", 7),),
        ),
        # A copy only legacy code imports (borg's ``fslocking``, used by ``legacy/`` alone)
        # and the live one: the legacy copy is told to import the live one, never the
        # other way, though it is the more imported by name.
        Example(
            {
                "app/__init__.py": "",
                "app/fslock.py": _RETRY,
                "app/storelock.py": _RETRY + "\n\ndef acquire():\n    return RetryConfig()\n",
                "app/repository.py": "from app.storelock import acquire\n",
                "app/legacy/__init__.py": "",
                "app/legacy/repository.py": "from app.fslock import RetryConfig\n",
            },
            expect=(("app/fslock.py", 1),),
        ),
        # A module whose name says it keeps the old way beside its live twin (openai's
        # ``_legacy_response.py`` beside ``_response.py``), though more modules import
        # it: its copy is told to import the live one, never the other way. (A name with
        # the word alone, transformers' ``tokenization_bert_legacy.py``, which other
        # models copy, says nothing: below.)
        Example(
            {
                "app/__init__.py": "",
                "app/_response.py": _RETRY,
                "app/_legacy_response.py": _RETRY,
                "app/use.py": "from app._response import RetryConfig\n",
                "app/one.py": "from app._legacy_response import RetryConfig\n",
                "app/two.py": "from app._legacy_response import RetryConfig\n",
            },
            expect=(("app/_legacy_response.py", 1),),
        ),
        Example(
            {
                "app/__init__.py": "",
                "app/bert/__init__.py": "",
                "app/bert/tokenization_bert_legacy.py": _RETRY,
                "app/japanese/__init__.py": "",
                "app/japanese/tokenization_japanese.py": _RETRY,
                "app/use.py": "from app.bert.tokenization_bert_legacy import RetryConfig\n",
            },
            expect=(("app/japanese/tokenization_japanese.py", 1),),
        ),
        # A copy its author marks ``# Adapted from`` the other (transformers' PIL image
        # processors): the marked copy is told to import its source, never the source its
        # copy, though the copy is the more imported.
        Example(
            {
                "app/__init__.py": "",
                "app/a.py": _POINT,
                "app/b.py": "import dataclasses\n\n\n# Adapted from app.a.Point\n@dataclasses.dataclass\n" + _POINT_CLASS,
                "app/use.py": "from app.b import Point\n",
            },
            expect=(("app/b.py", 6),),
        ),
        # A ``# Copied from`` naming another class, or one the copy is not: still a copy.
        Example(
            {
                "app/__init__.py": "",
                "app/a.py": _POINT,
                "app/b.py": "# Copied from app.geometry.Vector\n@dataclasses.dataclass\n" + _POINT_CLASS,
            },
            expect=(("app/b.py", 3),),
        ),
        # The same one-word class, but imported by name elsewhere (a shared API), or one
        # copy holding every member of the other (a copy that grew): copies.
        Example(
            {
                "app/__init__.py": "",
                "app/objects/__init__.py": "",
                "app/objects/action.py": _LIFECYCLE.format(own="    SKIPPED = 'SKIPPED'\n"),
                "app/objects/audit.py": _LIFECYCLE.format(own="    SUSPENDED = 'SUSPENDED'\n"),
                "app/api.py": "from app.objects.action import State\n",
            },
            expect=(("app/objects/audit.py", 1),),
        ),
        Example(
            {
                "app/__init__.py": "",
                "app/jobs/__init__.py": "",
                "app/jobs/task.py": _LIFECYCLE.format(own=""),
                "app/jobs/run.py": _LIFECYCLE.format(own="    FAILED = 'FAILED'\n"),
            },
            expect=(("app/jobs/task.py", 1),),
        ),
        # The same view of the configuration in two services is a copy; so are two
        # templates registered by one imported registry.
        Example(
            {
                "shared_lib/__init__.py": "",
                "shared_lib/base.py": _SHARED_CONFIG,
                "worker_app/__init__.py": "",
                "worker_app/config.py": _SERVICE_CONFIG.format(imports="", extra=""),
                "worker_app/main.py": "from worker_app.config import Config\n",
                "analyzer_app/__init__.py": "",
                "analyzer_app/config.py": _SERVICE_CONFIG.format(imports="", extra=""),
                "app/__init__.py": "",
                "app/typing/__init__.py": "",
                "app/typing/templates.py": (
                    "class ConcreteTemplate:\n    def apply(self):\n        return self.cases\n\n\ndef infer_global(key):\n"
                    "    return lambda cls: cls\n\n\ndef signature(*types):\n    return types\n"
                ),
                "app/typing/mathdecl.py": "import math\n\nfrom app.typing.templates import ConcreteTemplate, infer_global, signature\n"
                + _MATH_TEMPLATE.format(function="exp"),
                "app/typing/use.py": "from app.typing.mathdecl import Math_unary\n",
                "app/gpu/__init__.py": "",
                "app/gpu/gpumath.py": "import math\n\nfrom app.typing.templates import ConcreteTemplate, infer_global, signature\n"
                + _MATH_TEMPLATE.format(function="sin"),
            },
            expect=(("analyzer_app/config.py", 4), ("app/gpu/gpumath.py", 6)),
        ),
        # A copy whose value drifted (``mode = "fixed"``, then ``"backoff"``) is a copy: the
        # values name neither module. So are two models stored under one name.
        Example(
            {
                "app/__init__.py": "",
                "app/core/__init__.py": "",
                "app/core/config.py": "class ConnectorConfig:\n    pass\n",
                "app/jobs/__init__.py": "",
                "app/jobs/queue.py": _CONNECTOR.format(name="fixed"),
                "app/jobs/runner.py": "from app.jobs.queue import ExchangeConfigMap\n",
                "app/jobs/worker.py": _CONNECTOR.format(name="backoff"),
                "app/wiki/__init__.py": "",
                "app/wiki/model.py": _DOCUMENT.format(name="globals"),
                "app/wiki/views.py": "from app.wiki.model import Globals\n",
                "app/blog/__init__.py": "",
                "app/blog/model.py": _DOCUMENT.format(name="globals"),
            },
            expect=(("app/jobs/worker.py", 4), ("app/blog/model.py", 5)),
        ),
        # Copies each typed with its own module's enum (each service's ``RetryConfig`` over
        # its own ``RetryStrategy``): copies all the same (the enums are SSOT006's).
        Example(
            {
                "app/__init__.py": "",
                "app/retry.py": "import enum\nfrom dataclasses import dataclass\n\n\nclass RetryStrategy(enum.Enum):\n"
                "    FIXED = 'fixed'\n\n\n@dataclass\nclass RetryConfig:\n    attempts: int = 3\n"
                "    strategy: RetryStrategy = RetryStrategy.FIXED\n",
                "app/resilience.py": "import enum\nfrom dataclasses import dataclass\n\n\nclass RetryStrategy(enum.Enum):\n"
                "    FIXED = 'fixed'\n    EXPONENTIAL = 'exp'\n\n\n@dataclass\nclass RetryConfig:\n    attempts: int = 3\n"
                "    strategy: RetryStrategy = RetryStrategy.FIXED\n",
            },
            expect=(("app/resilience.py", 11),),  # retry.py is the module named for it
            config='ignore = ["SSOT006"]',
        ),
        # The same implementation of an abstract interface in two modules: a copy.
        Example(
            {
                "app/__init__.py": "",
                "app/engine/__init__.py": "",
                "app/engine/base.py": "from abc import ABCMeta, abstractmethod\n\n\nclass BaseBatch(metaclass=ABCMeta):\n"
                "    @abstractmethod\n    def next(self): ...\n",
                "app/engine/postgres.py": "from app.engine.base import BaseBatch\n\n\nclass AsyncBatch(BaseBatch):\n"
                "    def next(self):\n        return self.cursor.fetch(self.size)\n",
                "app/engine/sqlite.py": "from app.engine.base import BaseBatch\n\n\nclass AsyncBatch(BaseBatch):\n"
                "    def next(self):\n        return self.cursor.fetch(self.size)\n",
            },
            expect=(("app/engine/sqlite.py", 4),),
        ),
        # ... but one route module's resource copied into another, doing the same, is a copy.
        Example(
            {
                "app/__init__.py": "",
                "app/routes/__init__.py": "from app.routes import health, ping, stats\n",
                "app/routes/ping.py": "class Resource:\n    __slots__ = ('_driver',)\n\n    def __init__(self, driver):\n        self._driver = driver\n\n    def on_get(self, req, resp):\n        resp.text = self._driver.health()\n",
                "app/routes/health.py": "class Resource:\n    __slots__ = ('_driver',)\n\n    def __init__(self, driver):\n        self._driver = driver\n\n    def on_get(self, req, resp):\n        resp.text = self._driver.health()\n",
                "app/routes/stats.py": "class Resource:\n    __slots__ = ('_driver',)\n\n    def __init__(self, driver):\n        self._driver = driver\n\n    def on_get(self, req, resp):\n        resp.text = self._driver.stats()\n",
            },
            expect=(("app/routes/ping.py", 1),),
        ),
        # Three strategies' copies of one tuple type, none imported by name: a NamedTuple is
        # no framework that finds its subclasses by module path, so no plugin convention.
        Example(
            {
                "app/__init__.py": "",
                "app/strategy/__init__.py": "",
                **{
                    f"app/strategy/{name}.py": "from typing import NamedTuple\n\n\nclass PricingProposal(NamedTuple):\n"
                    "    buy_order_prices: list\n    sell_order_prices: list\n"
                    for name in ("data_types", "pure_data_types", "perpetual_data_types")
                },
            },
            expect=(("app/strategy/perpetual_data_types.py", 4), ("app/strategy/pure_data_types.py", 4)),
        ),
        # An errors module copied whole: the same root over the same family is a copy (its
        # subclasses are copies too).
        Example(
            {
                "app/__init__.py": "",
                "app/storage/errors.py": "class ExceptionBase(Exception):\n    msg_format = ''\n\n\n"
                "class DoesNotExist(ExceptionBase):\n    msg_format = 'gone'\n",
                "app/api/errors.py": "class ExceptionBase(Exception):\n    msg_format = ''\n\n\n"
                "class DoesNotExist(ExceptionBase):\n    msg_format = 'gone'\n",
            },
            expect=(("app/storage/errors.py", 1), ("app/storage/errors.py", 5)),
        ),
        # Overrides of a plain base whose methods take the same parameters: one reads the same
        # as the other, or was edited in place (parentheses added): copies.
        Example(
            {
                "app/__init__.py": "",
                "app/placeholders.py": "class Placeholder:\n    name = None\n    description = None\n\n"
                "    def render(self, event):\n"
                "        raise NotImplementedError\n",
                "app/events.py": "from app.placeholders import Placeholder\n\n\nclass TitlePlaceholder(Placeholder):\n"
                "    name = 'title'\n\n    def render(self, event):\n        return event.title\n\n\n"
                "class DatePlaceholder(Placeholder):\n    name = 'date'\n    description = 'The date'\n\n"
                "    def render(self, event):\n        return event.start\n",
                "app/mails.py": "from app.placeholders import Placeholder\n\n\nclass TitlePlaceholder(Placeholder):\n"
                "    name = 'title'\n\n    def render(self, event):\n        return event.title\n\n\n"
                "class DatePlaceholder(Placeholder):\n    name = 'date'\n    description = 'The date'\n\n"
                "    def render(self, event):\n        return (event.start)\n",
            },
            expect=(("app/mails.py", 4), ("app/mails.py", 11)),
        ),
        # Two modules (no layout of parts) with one table of values each: the table is a
        # drifted copy, reported; the class reading it is wired to its own module's, not.
        Example(
            {
                "app/__init__.py": "",
                "app/regs/__init__.py": "",
                "app/regs/h4.py": "class Registers:\n    BASE = 0x600B1800\n    CMD = BASE + 0x1D8\n\n\n"
                "class Blocks:\n    base = Registers.BASE\n    BLOCKS = [('BLOCK0', base + 0x2C)]\n",
                "app/regs/c6.py": "class Registers:\n    BASE = 0x600B0800\n    CMD = BASE + 0x1D4\n\n\n"
                "class Blocks:\n    base = Registers.BASE\n    BLOCKS = [('BLOCK0', base + 0x2C)]\n",
            },
            expect=(("app/regs/h4.py", 1),),
        ),
        # The same tuple of names, and one key naming neither module: copies.
        Example(
            _registered(("bad_cast", "bad_alloc"), ("describe", "describe")) | {
                "app/procs/throw_bad_alloc.py": _PROCEDURE.format(name="bad_cast"),
            },
            expect=(("app/procs/throw_bad_alloc.py", 4), ("app/openstack/query.py", 10)),  # the pasted copy
        ),
        # The same schema on one shared metaclass, imported by both: a copy.
        Example(
            {
                "app/__init__.py": "",
                "app/meta.py": _TYPE_META.format(own="service"),
                "app/azure.py": "from app.meta import TypeMeta\n\n\n" + _TYPE_INFO.format(own="arn"),
                "app/gcp.py": "from app.meta import TypeMeta\n\n\n" + _TYPE_INFO.format(own="group"),
            },
            expect=(("app/gcp.py", 4),),
        ),
        # One of them registered by a registry both import: a copy.
        Example(_pending(("shared", "Cluster.filter_registry"), ("Arn", "Arn")), expect=(("app/rdscluster.py", 11),)),
        # The same slot's class copied whole with a member the base lacks: a copy.
        Example(_dialects(own="    native = True\n\n"), expect=(("app/dbms/hana/syntax.py", 4),)),
        # Sibling modules copied whole (their classes read alike, only a port differs):
        # copies, not a family per driver.
        Example(
            _drivers({name: ("query.encode()", "b'\\n'", port) for name, port in (("one", 1), ("two", 2), ("three", 3))}),
            expect=(("app/drivers/three.py", 6), ("app/drivers/three.py", 18), ("app/drivers/two.py", 6), ("app/drivers/two.py", 18)),
        ),
        # A plain copy of a generic class, neither package building on the other: a copy,
        # told to import the generic one (its users may subscript it; the plain one's
        # users take it unsubscripted), however many modules import the plain one.
        Example(
            {
                "app/__init__.py": "",
                "app/schemas/__init__.py": "",
                "app/schemas/tool.py": (
                    "from typing import Generic, TypeVar\n\nfrom pydantic import BaseModel\n\nT = TypeVar('T')\n\n\n"
                    "class ToolInput(BaseModel, Generic[T]):\n    tool_name: str\n    args: list = []\n    kwargs: dict = {}\n"
                ),
                "app/agent/__init__.py": "",
                "app/agent/models.py": (
                    "from pydantic import BaseModel\n\n\nclass ToolInput(BaseModel):\n    tool_name: str\n"
                    "    args: list = []\n    kwargs: dict = {}\n"
                ),
                "app/agent/run.py": "from app.agent.models import ToolInput\n",
                "app/agent/plan.py": "from app.agent.models import ToolInput\n",
            },
            expect=(("app/agent/models.py", 4),),
        ),
        # A module copied whole into a second package (most of what each defines is in the
        # other, written alike) is a duplicate even at the same place of two packages.
        Example(
            {
                "app/__init__.py": "",
                "app/services/__init__.py": "",
                "app/services/tracker.py": _TRACKER + "\n\ndef started():\n    return DeliveryTracker()\n",
                "app/websocket/__init__.py": "",
                "app/websocket/tracker.py": _TRACKER,
                "app/websocket/manager.py": "from app.services.tracker import DeliveryTracker\n",
            },
            expect=(("app/websocket/tracker.py", 1), ("app/websocket/tracker.py", 6)),
        ),
        # A hand-written copy of a generated class is reported, told to import the
        # generated one (first by path though it is not); the generated one never is.
        Example(
            {
                "app/__init__.py": "",
                "app/a_notify.py": _MANAGER.format(name="Notifier"),
                "app/gen/__init__.py": _GENERATED,
                "app/gen/mail.py": _GENERATED + _MANAGER.format(name="Notifier"),
            },
            expect=(("app/a_notify.py", 1),),
        ),
        # The server builds on the client (imports it), never the other way: the client's
        # copy is kept, though the server's is more imported, and the server is reported.
        Example(
            {
                "app/__init__.py": "",
                "app/client/__init__.py": "",
                "app/client/schemas.py": _MANAGER.format(name="Notifier"),
                "app/server/__init__.py": "",
                "app/server/schemas.py": _MANAGER.format(name="Notifier"),
                "app/server/api.py": "from app.client import schemas\nfrom app.server.schemas import Notifier\n",
            },
            expect=(("app/server/schemas.py", 1),),
        ),
        # Two copies of one base that drifted (each gained a method, the rest written
        # alike) are still one base: the classes built on them are copies. (Two modules
        # at one place of two packages, each a base of its own that drifted, would be
        # parallel parts.)
        Example(
            {
                "app/__init__.py": "",
                "app/one/__init__.py": "",
                "app/one/base.py": _DRIFTED_BASE + "\n    def expand(self, names):\n        return [n for n in names if n]\n",
                "app/one/labels.py": "from app.one.base import Serializer\n\n\n" + _LABEL,
                "app/two/__init__.py": "",
                "app/two/serializers.py": _DRIFTED_BASE + "\n    def trim(self, names):\n        return names[:3]\n",
                "app/two/labels.py": "from app.two.serializers import Serializer\n\n\n" + _LABEL,
            },
            expect=(("app/two/serializers.py", 1), ("app/two/labels.py", 4)),
        ),
        # Registered under the same name (or one of them under none): one model, copied.
        Example(
            {
                "addon/__init__.py": "",
                "addon/models/__init__.py": "",
                "addon/models/module_type.py": _MODEL.format(name="ir.module.type", extra="    name = fields.Char()\n"),
                "addon/models/module_type_copy.py": _MODEL.format(name="ir.module.type", extra="    domain = fields.Char()\n"),
            },
            expect=(("addon/models/module_type_copy.py", 4),),
        ),
        # An exact copy (the same text without comments and docstring, naming the same
        # objects) can be replaced by an import of the kept one (an unsafe fix). A copy that
        # calls its own module's helper cannot: that helper may be another function.
        Example(
            {
                "app/__init__.py": "",
                "app/util.py": "def backoff(n):\n    return 2 ** n\n",
                "app/retry.py": _RETRY_HEAD + _RETRY_CLASS.replace("CLASS_DOC", "Retry policy."),
                "app/use.py": "from app.retry import RetryConfig\n",
                "app/client.py": _RETRY_HEAD + "\n# The client's own copy.\n"
                + _RETRY_CLASS.replace("CLASS_DOC", "How the client retries.").replace("\n\n    def", "\n    # at first\n    def"),
                "app/worker.py": "import dataclasses\n\n\ndef backoff(n):\n    return n\n\n\n"
                + _RETRY_CLASS.replace("CLASS_DOC", "Worker retries."),
            },
            expect=(("app/client.py", 9), ("app/worker.py", 10)),
            fixed={"app/client.py": _RETRY_HEAD + "\n# The client's own copy.\n\nfrom app.retry import RetryConfig\n"},
        ),
        Example(
            {
                "app/__init__.py": "",
                "app/ws.py": _MANAGER.format(name="UnifiedWebSocketManager"),
                "app/legacy.py": "\n" + _MANAGER.format(name="IsolatedWebSocketManager"),
            },
            expect=(("app/ws.py", 1),),
            config='[tool.ssotlint.concepts.websocket-manager]\npattern = ".*WebSocketManager"\n'
            'canonical = "app.legacy.IsolatedWebSocketManager"\n',
        ),
        Example(
            {
                "app/__init__.py": "",
                "app/a.py": "class Settings:\n    debug = False\n",
                "app/b.py": "import os\n\nclass Settings:\n    debug = True\n",
            },
            expect=(("app/b.py", 3),),
        ),
        # A tuple record copied and then extended at the end still builds alike: a copy; so
        # is a bare declaration copied with one field written alike and another added.
        Example(
            {
                "app/__init__.py": "",
                "app/ncx.py": _NAV.format(fields=""),
                "app/nav.py": _NAV.format(fields="").replace("]\n", "]\n    level: int = 0\n"),
                "app/use.py": "from app.ncx import NavPoint\n",
                "app/a.py": "class Defaults:\n    timeout = 30\n",
                "app/b.py": "class Defaults:\n    timeout = 30\n    retries = 3\n",
            },
            expect=(("app/b.py", 1), ("app/nav.py", 4)),
        ),
        # A module of a language's classes copied whole, then drifted in one class: most of
        # its classes read alike, so they are copies (unlike another language's family,
        # written over its own classes).
        Example(
            {"app/__init__.py": "", "app/cfamily.py": _PAREN_BASE, "app/c/__init__.py": "", "app/c/ast.py": _C_AST,
             "app/c_copy/__init__.py": "", "app/c_copy/ast.py": _C_AST.replace("node.add('c')", "node.add('c', copy=True)"),
             "app/cpp/__init__.py": "", "app/cpp/ast.py": _CPP_AST, "app/use.py": "from app.c.ast import ParenExprList\n"},
            expect=(("app/c_copy/ast.py", 9), ("app/c_copy/ast.py", 14)),
        ),
        # Drifted copies of models that refer to each other, in two modules that are not
        # one module of two sibling packages: copies, not a family per backend.
        Example(
            {"app/__init__.py": "", "app/cfamily.py": _PAREN_BASE, "app/models.py": _C_AST, "app/schemas.py": _CPP_AST,
             "app/use.py": "from app.models import ParenExprList\n"},
            expect=(("app/schemas.py", 17),),
        ),
        # The same field with the same type, written differently: a copy.
        Example(
            {
                "app/__init__.py": "",
                "app/camera.py": _KEYS.format(owner="Device", result="bool", default=""),
                "app/sensor.py": _KEYS.format(owner="Device", result="bool", default=" = lambda d: True"),
            },
            expect=(("app/sensor.py", 6),),
        ),
        # Three dock modules of a dashboard, each with its own ``Model`` on the GUI's tree
        # model (a plugin convention), two of them the same but for one statement (artiq's
        # ``waveform.py`` and ``moninj.py``): a copy that drifted, not each module's own.
        Example(
            {
                "gui/__init__.py": "",
                "gui/models.py": "class TreeModel:\n    def __init__(self, sep, init):\n        self.store = dict(init)\n",
                "dash/__init__.py": "",
                **{
                    f"dash/{module}.py": (
                        "from gui.models import TreeModel\n\n\nclass Model(TreeModel):\n"
                        "    def __init__(self, init):\n        TreeModel.__init__(self, '/', init)\n\n"
                        "    def clear(self):\n        self.store.clear()\n\n"
                        f"    def update(self, d):\n        for k, v in d.items():\n            self.store[{key}] = v\n\n\n"
                        "def dock(init):\n    return Model(init)\n"
                    )
                    for module, key in (("waveform", "k"), ("moninj", "v.path()"))
                },
                "dash/scope.py": (
                    "from gui.models import TreeModel\n\n\nclass Model(TreeModel):\n    columns = ('name', 'value')\n\n\n"
                    "def dock(init):\n    return Model('/', init)\n"
                ),
            },
            expect=(("dash/waveform.py", 4),),
        ),
        # A package copied whole beside its successor (pylabrobot's legacy Hamilton TCP
        # stack), its command the same lines over a codec of the same lines over a parser
        # that drifted: copies, however deep the drift (two copies of one package are no
        # layout of per-part variants).
        Example(
            {
                **{
                    f"{pkg}/{module}": text
                    for pkg, word in (("lab/legacy/tcp", "ascii"), ("lab/transport/tcp", "utf-8"))
                    for module, text in (
                        ("__init__.py", ""),
                        ("parser.py", f"class Parser:\n    encoding = {word!r}\n\n    def parse(self, data):\n        return data.decode(self.encoding)\n"),
                        ("codec.py", (
                            f"from {pkg.replace('/', '.')}.parser import Parser\n\n\nclass Codec:\n"
                            "    def decode(self, data):\n        return Parser().parse(data)\n"
                        )),
                        ("commands.py", (
                            f"from {pkg.replace('/', '.')}.codec import Codec\n\n\nclass Command:\n"
                            "    def run(self, data):\n        return Codec().decode(data)\n"
                        )),
                    )
                },
                "lab/__init__.py": "",
                "lab/legacy/__init__.py": "",
                "lab/transport/__init__.py": "",
                "lab/use.py": "from lab.transport.tcp.commands import Command\nfrom lab.legacy.tcp.commands import Command as Old\n",
            },
            expect=(("lab/legacy/tcp/commands.py", 4),),
        ),
        # A plugin catching one service's exception around another service's client: what
        # the client raises passes the handler by.
        Example(_service_clients(crossing=True), expect=(("app/contrib/kvk/client.py", 1),)),
        # Two sibling packages are not yet a plugin family: one exception declared twice.
        Example(_integrations(("hue", "ring")), expect=(("app/components/ring/errors.py", 4),)),
        # The same text, though its one member overrides the shared base's: a copy.
        Example(
            {
                "app/__init__.py": "",
                "app/errors.py": "class UpdateFailedError(Exception):\n    message = 'Update failed.'\n",
                "app/tags.py": _TAG_ERROR,
                "app/commands.py": _TAG_ERROR,
            },
            expect=(("app/tags.py", 4),),
        ),
        # Fields a base reads, one of them written alike: a copied schema.
        Example(
            {
                "app/__init__.py": "",
                "app/roles.py": "from marshmallow import Schema, fields\n\n\nclass RolesSchema(Schema):\n"
                "    name = fields.String()\n    id = fields.Integer()\n",
                "app/dashboards.py": "from marshmallow import Schema, fields\n\n\nclass RolesSchema(Schema):\n"
                "    id = fields.Int()\n    name = fields.String()\n",
            },
            expect=(("app/dashboards.py", 4),),  # roles.py is the module named for it
        ),
        # Declared fields drifted in type and default, none written alike: still a copy.
        Example(
            {
                "app/__init__.py": "",
                "app/base.py": "class Record:\n    def save(self):\n        return self\n",
                "app/jobs.py": "from app.base import Record\n"
                + _JOB.format(id_type="int", owner_type="str", queue_default=" = 'default'"),
                "app/worker.py": "from app.base import Record\n"
                + _JOB.format(id_type="str", owner_type="str | None", queue_default=""),
                "app/run.py": "from app.jobs import Job\n",
            },
            expect=(("app/worker.py", 6),),
        ),
        # Copies in the same role with overlapping fields: the less imported one is reported.
        Example(
            {
                "app/__init__.py": "",
                "app/agents/__init__.py": "",
                "app/agents/context.py": _CONTEXT.format(extra="thread_id"),
                "app/agents/run.py": "from app.agents.context import ExecutionContext\n",
                "app/agents/plan.py": "from app.agents.context import ExecutionContext\n",
                "app/tools/__init__.py": "",
                "app/tools/context.py": _CONTEXT.format(extra="trace_id"),
                "app/tools/call.py": "from app.tools.context import ExecutionContext\n",
            },
            expect=(("app/tools/context.py", 5),),
        ),
        # A stub is never the definition kept; a module named like a test that production
        # imports is production.
        Example(
            {
                "app/__init__.py": "",
                "app/compat.py": "try:\n    from app._speedups import Parser\nexcept ImportError:\n"
                + "".join("    " + line + "\n" for line in _PARSER.splitlines()),
                "app/other.py": _PARSER,
                "app/real.py": _PARSER,
                "app/test_support.py": _RETRY,
                "app/service.py": "from app.test_support import RetryConfig\n",
                "app/retry.py": _RETRY,
                "app/client.py": "from app.retry import RetryConfig\n",
            },
            expect=(("app/real.py", 1), ("app/test_support.py", 1)),
        ),
        # Two copies inside one version package are duplicates (told to import within it,
        # never across versions); a folder merely starting with v and a digit is no version.
        Example(
            {
                "pkg/__init__.py": "",
                "pkg/retry.py": _RETRY,
                "pkg/v2/__init__.py": "",
                "pkg/v2/retry.py": _RETRY,
                "pkg/v2/http/__init__.py": "",
                "pkg/v2/http/retry.py": _RETRY,
                "pkg/v2ray/__init__.py": "",
                "pkg/v2ray/retry.py": _RETRY,
            },
            expect=(("pkg/v2/retry.py", 1), ("pkg/v2ray/retry.py", 1)),
        ),
        # Production code is never told to import from tooling: the tooling copy is reported.
        Example(
            {
                "scripts/__init__.py": "",
                "scripts/retry.py": _RETRY,
                "services/__init__.py": "",
                "services/retry.py": _RETRY,
            },
            expect=(("scripts/retry.py", 1),),
        ),
        # A class naming a module its package holds (``from tools import common``) names no
        # library: two copies over sibling helper modules are not two libraries' adapters;
        # nor does a name its first-party module lacks (a broken import: SSOT003's).
        Example(_over_sibling_helpers(present=True), expect=(("tools/android.py", 4),)),
        Example(_over_sibling_helpers(present=False), expect=(("tools/android.py", 4),)),
        # A message carrying each module's own `Session`, whose fields nest that module's
        # own classes, is each vendor's (ten-framework's realtime protocols); a module copied
        # whole from one of them is a copy of that one.
        Example(
            {
                "ext/__init__.py": "",
                "ext/azure/__init__.py": "",
                "ext/azure/struct.py": _AZURE_PROTOCOL,
                "ext/openai/__init__.py": "",
                "ext/openai/struct.py": _OPENAI_PROTOCOL,
                "ext/stepfun/__init__.py": "",
                "ext/stepfun/struct.py": _OPENAI_PROTOCOL,
            },
            expect=(
                ("ext/openai/struct.py", 4), ("ext/stepfun/struct.py", 4), ("ext/stepfun/struct.py", 10),
                ("ext/stepfun/struct.py", 16), ("ext/stepfun/struct.py", 23),
            ),
        ),
        # An empty exception declared twice (what is raised as one is not caught as the
        # other); a result class that drifted by growing (4 of its 5 members in a copy of
        # 11); subclasses of two copies of one base (the bases are duplicates of each other).
        Example(
            {
                "app/__init__.py": "",
                "app/breaker.py": "class CircuitBreakerOpenError(Exception):\n    pass\n",
                "app/tracker.py": "class CircuitBreakerOpenError(Exception):\n    \"\"\"Open.\"\"\"\n",
                "app/use.py": "from app.breaker import CircuitBreakerOpenError\n",
                "app/core/__init__.py": "",
                "app/core/result.py": _RESULT,
                "app/agents/__init__.py": "",
                "app/agents/result.py": _RESULT.replace("    error: str\n", "    error: str\n    retries: int\n"
                "    duration: float\n    agent: str\n    trace: str\n    cost: float\n    tokens: int\n"),
                "app/core/run.py": "from app.agents.result import ExecutionResult\n",
                "app/comp/__init__.py": "",
                "app/comp/models.py": _HANDLER_BASE,
                "app/comp/base.py": _HANDLER_BASE + "\n    def kind(self):\n        return type(self).__name__\n",
                "app/comp/core.py": "from app.comp.models import BaseHandler\n\n\n" + _HANDLER,
                "app/comp/handlers.py": "from app.comp.base import BaseHandler\n\n\n" + _HANDLER,
                "app/comp/use.py": "from app.comp.handlers import ExternalHandler\n",
            },
            expect=(("app/tracker.py", 1), ("app/core/result.py", 5), ("app/comp/core.py", 4)),
        ),
        # Three sibling modules with one bare class each, written alike: copies, not a
        # plugin convention.
        Example(
            {
                "app/__init__.py": "",
                "app/jobs/__init__.py": "",
                "app/jobs/a.py": _RETRY,
                "app/jobs/b.py": _RETRY,
                "app/jobs/c.py": _RETRY,
            },
            expect=(("app/jobs/b.py", 1), ("app/jobs/c.py", 1)),
        ),
        # A later class statement of the same name replaces the earlier one.
        Example(
            {
                "app/__init__.py": "",
                "app/shapes.py": "class Point:\n    x = 0\n\n\nclass Point:\n    y = 0\n",
            },
            expect=(("app/shapes.py", 5),),
        ),
        # The same template over the same helper is a copy, also when each module has its
        # own helper of the same text; so is a class whose differing names are only classes
        # or constants each module defines (copied along with it).
        Example(
            {
                "app/__init__.py": "",
                "app/graph.py": "def apply(func):\n    return ('graph', func)\n",
                "app/one.py": "from app.graph import apply\n\n\n" + _TEMPLATE,
                "app/two.py": "from app.graph import apply\n\n\n" + _TEMPLATE,
                "app/retry_a.py": _RETRY_WITH_ENUM,
                "app/retry_b.py": _RETRY_WITH_ENUM,
                # Each module's own helper, but the same text: copied along with the class.
                "app/copy_a.py": "def apply(func):\n    return func\n\n\n" + _TEMPLATE.replace("Gufunc", "Stage"),
                "app/copy_b.py": "def apply(func):\n    return func\n\n\n" + _TEMPLATE.replace("Gufunc", "Stage"),
            },
            expect=(("app/copy_b.py", 5), ("app/retry_b.py", 13), ("app/two.py", 4)),
        ),
        # Only a method of the later class reads the name: it runs later and sees the later
        # class, so the earlier stub is dead.
        Example(
            {
                "app/__init__.py": "",
                "app/native.py": (
                    "class Exports:\n    pass\n\n\n"
                    "class Exports:\n    def copy(self):\n        return Exports()\n"
                ),
            },
            expect=(("app/native.py", 5),),
        ),
        # A package's ``__init__`` re-exports one module's classes (SurfSense's
        # ``app/artifacts/__init__.py`` and its ``service``): every module of the package
        # loads that module, yet it can import the package's value objects, whose own imports
        # never lead back to it. The copy more modules import is kept, and the service's reported.
        Example(
            {
                "app/__init__.py": "",
                "app/artifacts/__init__.py": "from .service import ArtifactFileInput, save_artifact\n",
                "app/artifacts/service.py": (
                    "from dataclasses import dataclass\n\n\n@dataclass\nclass ArtifactFileInput:\n    name: str\n"
                    "    data: bytes\n    role: str = 'primary'\n\n\ndef save_artifact(item):\n    return item.name\n"
                ),
                "app/artifacts/schemas/__init__.py": "from app.artifacts.schemas.file_input import ArtifactFileInput\n",
                "app/artifacts/schemas/file_input.py": (
                    "from dataclasses import dataclass\n\n\n@dataclass\nclass ArtifactFileInput:\n    name: str\n"
                    "    data: bytes\n    role: str = 'primary'\n"
                ),
                "app/media/__init__.py": "",
                "app/media/image.py": "from app.artifacts.schemas import ArtifactFileInput\n",
                "app/media/video.py": "from app.artifacts.schemas import ArtifactFileInput\n",
                "app/tools.py": "from app.artifacts import ArtifactFileInput, save_artifact\n",
            },
            expect=(("app/artifacts/service.py", 5),),
        ),
    ),
)
