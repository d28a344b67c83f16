"""What SSOT001 and SSOT006 share: which class statements are definitions, and which of
several definitions of one thing to point a team to.

A definition the advice points to will have code built on it (a fix imports it), so the
choice is conservative and said honestly: a configured canonical first; otherwise never a
fallback stub (those are not definitions at all), never developer tooling when production
code has one, never test code when the product has one, then the definition most imported by first-party production modules, the one
in the reporting file's own top-level package, and the first by path.
"""

from __future__ import annotations

import builtins
import re
import sys
from collections import Counter, defaultdict
from functools import partial
from posixpath import commonprefix
from typing import Any, Callable, Iterable, Iterator, Mapping, NamedTuple

from ssotlint.extract.summary import (
    CTX_CONDITIONAL,
    CTX_FUNCTION,
    CTX_GUARDED,
    CTX_MAIN,
    CTX_TYPE_CHECKING,
    FRAGMENT_PREFIX,
    KIND_ABSTRACT,
    KIND_PROTOCOL,
    NOT_AT_IMPORT_TIME,
    ClassRecord,
    FileSummary,
)
from ssotlint.config import dependency_name
from ssotlint.discover.modules import importable
from ssotlint.extract.builder import last_part
from ssotlint.discover.roles import NAME_WORDS, in_template_folder, is_backup, is_documentation_folder, is_migration, is_product, is_tooling
from ssotlint.deployment_units import unit_of
from ssotlint.rules.generators import per_service_outputs, unasync_written, written_copies
from ssotlint.rules.units import Units, model_programs, program_folders
from ssotlint.rules.contracts import Contracts
from ssotlint.rules.django_tables import bound_models, uninstalled_model
from ssotlint.rules.state_holders import configuring_readers
from ssotlint.model.changes import Change, Since, parents, prefixes
from ssotlint.rules.independent import independent_projects, top_folder
from ssotlint.rules.loose import loose_packages, packages_loaded_by_path
from ssotlint.model.project import ClassRef, Project, SourceFile, fallback_modules, is_script, sides

Definition = tuple[SourceFile, ClassRecord]

# External bases that declare nothing about what a class is for.
NEUTRAL_BASES = frozenset({"object", "Generic", "ABC", "Protocol"})
# Where a statement may not run: a redefinition there is an alternative, not a shadow.
_ALTERNATIVE = CTX_CONDITIONAL | CTX_TYPE_CHECKING | CTX_MAIN | CTX_FUNCTION

REASON_CONFIGURED = "configured"
REASON_MOST_IMPORTED = "most-imported"
REASON_SAME_PACKAGE = "same-package"
REASON_NO_CYCLE = "no-import-cycle"
REASON_LOADED_HERE = "loaded-by-this-module"
REASON_MUTUAL = "modules-load-each-other"
REASON_UPSTREAM = "upstream"
REASON_ENCLOSING = "enclosing-package"
REASON_GENERIC = "generic"
REASON_MODULE_IMPORTED = "most-imported-module"
REASON_FIRST_BY_PATH = "first-by-path"
REASON_NAMED_HOME = "named-home"
REASON_NAMED_MODULE = "named-module"
# The reporter is a Django model of an application no settings install (rules/django_tables.py).
REASON_INSTALLED = "installed-application"
# Kept before a definition the counts or the paths would have kept (said why in the message).
REASON_KEPT = "kept"


def is_generator_template(path: str) -> bool:
    """A file a code generator copies or renders into its output: under a folder named
    ``template``/``templates`` (or ``*_template``, ``*-templates``: an SDK generator's
    ``generator/python/template/polar/base.py``, copied verbatim into ``sdk/python/polar/``),
    or with a placeholder in its path (``{{cookiecutter.slug}}/app.py``). Its classes are
    the generator's source for every output, not definitions of the product: each output
    keeps its own copy by design, and nothing imports from the template. So is a file of a
    code generator's runtime folder (see :func:`in_generator_runtime`), and Versioneer's
    ``versioneer.py`` (the tool's own installer, copied in by ``versioneer install``: it
    renders each package's ``_version.py`` from the template it holds)."""
    return in_template_folder(path) or in_generator_runtime(path) or path.rpartition("/")[2] == "versioneer.py"


# A code generator's folder: ``codegen``, ``generator``, ``generators``, as a word of the
# folder's name (``opentelemetry-codegen-json``, ``proto_generator``).
_GENERATOR_FOLDER = re.compile(r"(?:^|[_.-])(?:codegen|generators?)(?:$|[_.-])")


def in_generator_runtime(path: str) -> bool:
    """A file under a ``runtime`` folder (or ``_runtime``) inside a code generator's folder
    (``codegen/opentelemetry-codegen-json/.../codegen/json/runtime/json_codec.py``): the
    support code the generator copies into each package it writes (there as
    ``_json_codec.py``), so that the output runs without the generator installed."""
    folders = path.split("/")[:-1]
    return any(
        part.strip("_") == "runtime" and any(_GENERATOR_FOLDER.search(outer) for outer in folders[:i])
        for i, part in enumerate(folders)
    )


# Folders of third-party code copied into the project as it was released (setuptools'
# ``_vendor/more_itertools/``): not the project's to edit.
VENDORED_FOLDERS = frozenset({"_vendor", "vendor", "_vendored", "vendored", "third_party", "_third_party", "thirdparty"})


def is_vendored(path: str) -> bool:
    """A file of a vendored third-party distribution (under ``_vendor/``, ``third_party/`` ...)."""
    return any(part in VENDORED_FOLDERS for part in path.split("/")[:-1])


def qualname(d: Definition) -> str:
    return f"{d[0].module}.{d[1].name}"


# A copy whose kept definition no import statement can name (a folder or file name that is
# no identifier): the shared code goes where both can import it.
UNNAMED_ADVICE = (
    "keep one definition, in a module both can import: no import statement can name {path} "
    "(a folder or file name on its path is not an identifier)"
)


def unnamed_home(path: str) -> str:
    """The outermost folder on ``path`` whose name is no identifier
    (``platform/broadcom/sonic-platform-modules-micas`` for anything below it); the file's
    own folder when only its file name is none (``dev-tools.py``); "" when every part is a
    name."""
    parts = path.split("/")
    for i, part in enumerate(parts[:-1]):
        if not importable(part):
            return "/".join(parts[: i + 1])
    return "/".join(parts[:-1]) if not importable(parts[-1].removesuffix(".py")) else ""


def where(d: Definition) -> str:
    """The definition as a message names it: by its dotted name when an import can spell
    it, by its bare name otherwise (the path beside it says where)."""
    name = qualname(d) if importable(d[0].module or "") else d[1].name
    return f"{name} ({d[0].path}:{d[1].line})"


def from_fragment(copied_from: str, path: str) -> bool:
    """``copied_from`` (``ClassRecord.copied_from``) names the fragment file at ``path``: a
    generator pasted the class from that file (``file:lib_utils/src/class/yedit.py``, see
    ``extract.summary.FRAGMENT_PREFIX``), named from the generator's folder, which is not
    known: the file whose path ends so."""
    if not copied_from.startswith(FRAGMENT_PREFIX):
        return False
    tail = copied_from[len(FRAGMENT_PREFIX):]
    return path == tail or path.endswith("/" + tail)


def pasted_from_fragment(project: Project, d: Definition) -> bool:
    """The class lies in text a generator pasted from a fragment file of the tree
    (``ClassRecord.copied_from`` names it: openshift-tools' Ansible modules, each assembled
    by ``generate.py`` from ``src/lib/*.py`` and ``src/class/*.py``, which ``--verify``
    keeps in step). The fragment is the class's one source, and stands for it: the
    generated copies are never compared themselves (two fragments alike still are)."""
    marked = d[1].copied_from
    if not marked.startswith(FRAGMENT_PREFIX):
        return False
    return project.shared(("fragment", marked), lambda: _fragment_exists(project, marked))


def _fragment_exists(project: Project, marked: str) -> bool:
    return any(from_fragment(marked, f.path) for f in project.files)


def imported_then_replaced(d: Definition, module: str) -> int | None:
    """The line of an import of ``d``'s name from ``module``, under that name, that ``d``'s
    module runs before ``d``'s class statement rebinds the name (an unconditional
    module-level import above it); None for none."""
    f, c = d
    for rec, absolute in zip(f.summary.imports, f.absolutes):
        if absolute != module or not rec.is_from or rec.line >= c.line or rec.context & NOT_AT_IMPORT_TIME:
            continue
        if any(name == c.name and (alias is None or alias == c.name) for name, alias in rec.names):
            return rec.line
    return None


def marked_from(d: Definition, other: Definition) -> bool:
    """``d`` says it is a copy of ``other``: a ``# Copied from`` or ``# Adapted from``
    comment just above it names ``other`` (transformers' torchvision and PIL image
    processors: ``# Adapted from ...image_processing_detr.DetrImageProcessorKwargs``). The
    named definition is the source, never told to import its copy."""
    name = f"{other[0].module}.{other[1].name}"
    if name in (d[1].copied_from, d[1].adapted_from) or from_fragment(d[1].copied_from, other[0].path):
        return True
    # ``# this is a copy of buildbot.util.Notifier``: the class through a package that
    # re-exports it, for ``buildbot.util._notifier.Notifier``.
    named = d[1].adapted_from
    package, _, last = named.rpartition(".")
    return bool(package) and last == other[1].name and f"{other[0].module}.".startswith(f"{package}.")


# Folders (or modules) of code kept for the past: a major version's compatibility layer
# (borg's ``legacy/`` repository, for borg 1 archives), a ``compat/`` package, ``old/``.
LEGACY_NAMES = frozenset({"legacy", "compat", "old", "deprecated"})


# Words that say so inside a longer module name, of the module beside its live twin
# (``_legacy_response.py`` beside ``_response.py``: see :func:`legacy_twin`).
LEGACY_WORDS = frozenset({"legacy", "deprecated"})


def in_legacy(path: str) -> bool:
    """A file in a folder, or a module, named for code kept for the past
    (:data:`LEGACY_NAMES`, with or without a leading ``_``)."""
    parts = path.split("/")
    parts[-1] = parts[-1].rpartition(".")[0]
    return any(part.lstrip("_").lower() in LEGACY_NAMES for part in parts)


def legacy_twin(d: Definition, o: Definition) -> bool:
    """``d``'s module is ``o``'s, in the same folder, with the word ``legacy`` or
    ``deprecated`` added to its name (openai's ``_legacy_response.py`` beside
    ``_response.py``): the old way kept beside its replacement. A name with the word alone
    says nothing of another module (transformers' ``tokenization_bert_legacy.py`` is the
    tokenizer other models copy, not an old copy of theirs)."""
    (fd, _, nd), (fo, _, no) = d[0].path.rpartition("/"), o[0].path.rpartition("/")
    if fd != fo:
        return False
    words_d = [w for w in nd.rpartition(".")[0].lower().split("_") if w]
    words_o = [w for w in no.rpartition(".")[0].lower().split("_") if w]
    return not LEGACY_WORDS.isdisjoint(words_d) and [w for w in words_d if w not in LEGACY_WORDS] == words_o


def top_package(d: Definition) -> str:
    return (d[0].module or "").partition(".")[0]


def live_definitions(project: Project, definitions: Iterable[Definition]) -> tuple[list[Definition], list[tuple[Definition, Definition]]]:
    """One definition per module and name (the last, as the interpreter keeps), and the
    shadowed pairs ``(earlier, later)``: a class statement that runs unconditionally and
    replaces an earlier unconditional one of the same name in the same module."""
    by_key: dict[tuple[str, str], list[Definition]] = defaultdict(list)
    for d in definitions:
        by_key[(d[0].path, d[1].name)].append(d)
    live: list[Definition] = []
    shadowed: list[tuple[Definition, Definition]] = []
    for group in by_key.values():
        live.append(group[-1])
        unconditional = [d for d in group if not d[1].context & _ALTERNATIVE]
        # ``class X(X)`` extends the earlier class: the earlier lives on as its base.
        # A redefinition marked as meant (``# noqa: F811``) is the author's choice.
        shadowed.extend(
            pair for pair in zip(unconditional, unconditional[1:])
            if pair[1][1].name not in pair[1][1].bases and not throwaway_name(pair[1][1].name) and not _used_then_replaced(*pair)
            and pair[1][1].line not in pair[1][0].summary.redefinition_noqa
        )
    return live, shadowed


def throwaway_name(name: str) -> bool:
    """A name made of underscores alone (``_``, ``__``): the class statement runs for what
    its decorator does with the class (cctbx's ``@bp.inject_into(ext) class _():`` copies
    its methods onto an extension class), and the name is thrown away. Not a concept, and
    its next use replaces it by design."""
    return bool(name) and not name.strip("_")


def _used_then_replaced(earlier: Definition, later: Definition) -> bool:
    """Import-time code outside class statements reads the name between the two class
    statements (a guide builds and trains ``CustomModel``, then defines the next
    ``CustomModel``), and nothing else makes the pair a finding (no class in between holds
    the earlier one, no decorator may have registered it): the earlier class did its work
    before the later replaced it, a script's step, not dead code. So when the later class's
    own body reads the name while it runs (recorded at its statement's line): a forward
    declaration (``class _AMPLEXPORTS(Structure): pass``) that the full structure's fields
    point at (``POINTER(_AMPLEXPORTS)``)."""
    lines = dict(later[0].summary.redefined_reads).get(later[1].name, ())
    start, end = earlier[1].line, later[1].line
    if not any(start < line <= end for line in lines):
        return False
    return not registering_decorators(earlier[1]) and not shadow_users(earlier, later)


def shadow_users(earlier: Definition, later: Definition) -> list[ClassRecord]:
    """The module's top-level classes between two definitions of one name that mention
    it (as a base, a decorator, a field's value ...): they hold the earlier class, which is
    not dead, so the module keeps two different classes under one name (Misago's
    ``OAuth2AccessDeniedError(OAuth2ProviderError)`` built on the first of two
    ``OAuth2ProviderError`` s; an admin's ``form = JIRAForm_Admin`` before the second)."""
    name, start, end = later[1].name, earlier[1].line, later[1].line
    return [
        c for c in later[0].summary.classes
        if c.top_level and start < c.line < end and (name in c.refs or name in c.bases)
    ]


# Decorators that return the class they are given and register it nowhere.
PLAIN_DECORATORS = frozenset({
    "dataclass", "dataclasses.dataclass", "total_ordering", "functools.total_ordering", "final", "typing.final",
    "typing_extensions.final", "unique", "enum.unique", "verify", "enum.verify", "runtime_checkable",
    "typing.runtime_checkable", "typing_extensions.runtime_checkable", "attr.s", "attr.attrs", "attr.define",
    "attr.frozen", "attrs.define", "attrs.frozen", "attrs.mutable", "define", "frozen", "dataclass_transform",
    "typing.dataclass_transform", "override", "typing.override", "typing_extensions.override",
    "functools.wraps", "six.python_2_unicode_compatible", "python_2_unicode_compatible",
})


# Decorators that make a class a data shape of the usual kind, as ``@dataclass`` does,
# with validation or a metaclass: no framework's type (beside :data:`PLAIN_DECORATORS`).
_SHAPE_DECORATORS = frozenset({
    "pydantic.dataclasses.dataclass", "six.add_metaclass", "future.utils.with_metaclass",
    "dataclasses_json.dataclass_json",
})


def registering_decorators(record: ClassRecord) -> list[str]:
    """The decorators of a class that may do more than return it (anything but
    ``@dataclass`` and its kind): a framework's ``@app.route(...)``, ``@admin.register``."""
    return [d for d in record.decorators if d not in PLAIN_DECORATORS]


def shadow_message(kind: str, earlier: Definition, later: Definition) -> str:
    """What a redefinition in one module means: the earlier class is dead, or (when
    classes in between use it, or a decorator may have registered it) the name stands for
    two different classes."""
    c, first = later[1], earlier[1].line
    registering = registering_decorators(earlier[1])
    if registering:
        return (
            f"{kind} {c.name} is defined again in this module (first at line {first}, decorated with "
            f"@{registering[0]}, which may register it when the statement runs: a route, a handler, a plugin); "
            "if it does, both classes stay in use under one name: rename one"
        )
    users = shadow_users(earlier, later)
    if not users:
        return (
            f"{kind} {c.name} is defined again in this module (first at line {first}); "
            "this definition replaces the earlier one, which is dead: keep one"
        )
    used = ", ".join(f"{u.name} (line {u.line})" for u in users[:3]) + (" ..." if len(users) > 3 else "")
    return (
        f"{kind} {c.name} is defined again in this module (first at line {first}, which {used} "
        f"{'uses' if len(users) == 1 else 'use'}); from here on the name means this definition, so the module "
        "has two different classes of one name (what is raised or built as one is not the other): keep one, or rename one"
    )


def importers(project: Project, names: set[str]) -> dict[tuple[str, str], set[str]]:
    """``(module, class name) -> the first-party production modules that import the class
    by name`` (``from m import C``, through re-exports), for classes named in ``names``."""
    found: dict[tuple[str, str], set[str]] = defaultdict(set)
    by_name = project.shared(_names_imported, partial(_names_imported, project))
    for name in names & by_name.keys() if len(names) < len(by_name) else by_name.keys() & names:
        for importer, absolute in by_name[name]:
            target = project.resolve(absolute, name)
            # A fallback stub is not what the importer gets when the real class exists.
            if isinstance(target, ClassRef) and target.module != importer and not target.record.fallback:
                found[(target.module, target.record.name)].add(importer)
    return found


def _names_imported(project: Project) -> dict[str, list[tuple[str, str]]]:
    """Name -> (importing module, module it is imported from) for every ``from m import
    name`` of a first-party production module from a module the model has, and every
    dotted path to a class a production module spells in a string: built once per model
    for the rules that count a class's importers (SSOT001 and SSOT006)."""
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for f, rec, absolute in project.first_party_imports:
        if not rec.is_from or absolute is None or f.is_test or f.module is None:
            continue
        if absolute not in project.modules:
            continue
        for name, _ in rec.names:
            found[name].append((f.module, absolute))
    # A dotted path to a class in a string (Django's ``default_site =
    # "marsha.core.admin_site.MarshaAdminSite"``): the program imports it by that name.
    for f in project.files:
        if f.is_test or f.module is None or not f.summary.dotted_refs:
            continue
        for path in f.summary.dotted_refs:
            module, _, name = path.rpartition(".")
            if module in project.modules and module != f.module:
                found[name].append((f.module, module))
    return found


def package_tasks_module(f: SourceFile) -> bool:
    """A ``tasks.py`` inside a package: the package's own tasks module (a Celery or Huey
    app's ``deviceadmin/tasks.py``; emmet's ``emmet.core.tasks`` of task documents), never
    invoke's developer tasks, which sit at a project's top, outside every package."""
    folder, _, name = f.path.rpartition("/")
    return name == "tasks.py" and f.module is not None and "." in f.module and is_product(f"{folder}/__init__.py" if folder else "__init__.py")


def import_counts(project: Project, names: set[str]) -> dict[tuple[str, str], int]:
    """How many first-party production modules import each class by name."""
    return {key: len(modules) for key, modules in importers(project, names).items()}


def named_folder(d: Definition) -> str:
    """A folder of the definition's path that its class name names (a word of three letters
    or more, plural or not): ``PagingNotificationListKeyConstructor`` in
    ``zds/notification/api/views.py`` lives in the package of what it is about, where
    zds-site's private-messages app keeps a trimmed copy. "" when none does."""
    words = {w.lower().rstrip("s") for w in NAME_WORDS.findall(d[1].name) if len(w) >= 3}
    for folder in d[0].path.split("/")[:-1]:
        if folder.lower().rstrip("s") in words:
            return folder
    return ""


def _module_words(d: Definition) -> tuple[str, list[str], str]:
    """The definition's module name (its file's, or its package's folder's), its parts of
    three letters or more, and the class name, lowered."""
    parts = d[0].path.split("/")
    stem = parts[-2] if parts[-1] == "__init__.py" and len(parts) > 1 else parts[-1].rpartition(".")[0]
    return stem, [w for w in stem.lower().split("_") if len(w) >= 3], d[1].name.lower()


def named_module(d: Definition) -> str:
    """The definition's module name when every part of it of three letters or more spells
    part of the class name: ``EC2SubnetToNetworkInterfaceRelProperties`` in
    ``subnet_networkinterface.py`` is that module's own, where a pasted copy in
    ``securitygroup_networkinterface.py`` is not. "" when it does not."""
    stem, words, name = _module_words(d)
    return stem if words and all(w in name for w in words) else ""


def partly_named_module(d: Definition) -> bool:
    """Some part of the definition's module name spells part of the class name and some
    does not: a module named for a thing of the same kind (``securitygroup_networkinterface``
    beside ``subnet_networkinterface``), where a class pasted without its new name sits."""
    _, words, name = _module_words(d)
    return any(w in name for w in words) and not all(w in name for w in words)


def tooling_package(f: SourceFile) -> str | None:
    """The dotted package of the folder named like tooling (``tools/``, ``scripts/`` ...)
    that ``f`` lies in below the top of its package (``dojo.tools`` for
    ``dojo/tools/skf/parser.py``); None at the top of the repository, or outside any."""
    if not f.module:
        return None
    parts = f.module.split(".")
    packages = parts if f.is_package else parts[:-1]
    # The module's packages are the last folders of its path: below its source root
    # (bisheng's `src/backend/bisheng_langchain/gpts/tools/`, the agents' tools).
    folders = f.path.split("/")[:-1]
    if not packages or folders[len(folders) - len(packages) :] != packages:
        return None
    tooling = next((i for i, part in enumerate(packages) if is_tooling(part + "/x.py")), None)
    if tooling is None or tooling == 0:
        return None
    return ".".join(packages[: tooling + 1])


def product_imported(project: Project) -> frozenset[str]:
    """Every package and module a product module (neither tooling, test code nor a backup)
    imports from outside it when it is loaded, once per model (:meth:`Project.shared`)."""
    return project.shared(product_imported, lambda: _product_imported(((f, f.is_test) for f in project.files), project.import_edges))


def _product_imported(files: Iterable[tuple[SourceFile, bool]], edges: Mapping[str, Mapping[str, Any]]) -> frozenset[str]:
    """:func:`product_imported` of any tree (``files``: each file and whether it is test code)."""
    product = {f.module for f, is_test in files if f.module and not is_test and f.product}
    reached: set[str] = set()
    for importer, imported in edges.items():
        if importer not in product:
            continue
        for target, statements in imported.items():
            if any(s.runtime for s in statements):
                parts = target.split(".")
                reached.update(".".join(parts[:k]) for k in range(1, len(parts) + 1))
    return frozenset(reached)


class Reach:
    """Which first-party modules a module loads, directly or not (imports under
    ``TYPE_CHECKING`` aside): importing ``b`` from ``a`` when ``b`` reaches ``a`` would
    close an import cycle. The model answers for the whole graph at once
    (:mod:`ssotlint.model.reach`)."""

    def __init__(self, project: Project) -> None:
        self._project = project  # its reachability is computed at the first question

    def reaches(self, source: str | None, target: str | None) -> bool:
        """Importing ``source`` runs ``target`` (importing a module runs its packages'
        ``__init__`` first, and everything they import)."""
        if source is None or target is None or source == target:
            return False
        return self._project.reachability.reaches(source, target)


# Two packages importing each other are layered one way when one's product modules import
# the other's in at least this many modules, and this many times as many as the other way.
_LAYERED_AT_LEAST = 5
_LAYERED_RATIO = 5


class Choice(NamedTuple):
    definition: Definition
    reason: str  # one of the REASON_* constants
    imports: int  # first-party production modules importing it by name
    why: str = ""  # REASON_KEPT: why the definition the counts or paths prefer is not kept
    module_importers: int = 0  # REASON_MODULE_IMPORTED: first-party modules importing its module
    layering: tuple[int, int] | None = None  # REASON_UPSTREAM, mostly: modules importing each way
    built_on: bool = True  # REASON_ENCLOSING: the reporter's sub-package imports from the package around it

    @property
    def wording(self) -> str:
        """How it was chosen, for the message."""
        if self.reason == REASON_CONFIGURED:
            return "the canonical definition"
        if self.reason == REASON_NO_CYCLE:
            return "the one importable here without an import cycle (a more imported copy's module loads this one)"
        if self.reason == REASON_LOADED_HERE:
            return "the one to keep: this module loads it, so keeping this copy instead would close an import cycle"
        if self.reason == REASON_MUTUAL:
            return "whose module and this one load each other, so neither copy can be imported by the other's module"
        if self.reason == REASON_UPSTREAM:
            if self.layering:
                n, m = self.layering
                return f"the one upstream ({n} modules of this package import from its package, only {m} of its modules from this one)"
            return "the one upstream (this package imports from its package, never the other way)"
        if self.reason == REASON_ENCLOSING:
            if not self.built_on:  # lm-evaluation-harness' ifeval.multilingual imports nothing from ifeval
                return "the one in the enclosing package (importing into it from a sub-package would load that sub-package)"
            return "the one in the enclosing package (its sub-packages build on it; importing into it from one would load that sub-package)"
        if self.reason == REASON_INSTALLED:
            return (
                "the one of an installed application (no settings install this model's application, "
                "so Django cannot load it)"
            )
        if self.reason == REASON_GENERIC:
            return "the generic one (its users may subscript it, which this plain copy cannot take)"
        if self.reason == REASON_KEPT:
            return f"the one kept ({self.why})" if self.why else "the one kept for all the copies"
        if self.reason == REASON_MOST_IMPORTED:
            importers = "module imports" if self.imports == 1 else "modules import"
            return f"the most imported definition ({self.imports} first-party {importers} it)"
        if self.reason == REASON_SAME_PACKAGE:
            return "the definition in the same top-level package (none is imported more, none is configured)"
        if self.reason == REASON_MODULE_IMPORTED:
            importers = "module imports" if self.module_importers == 1 else "modules import"
            return (
                f"the one in the most imported module ({self.module_importers} first-party {importers} "
                f"{self.definition[0].module}; none is imported more by name, none is configured)"
            )
        if self.reason == REASON_NAMED_MODULE:
            return (
                f"the one in the module named for it ({named_module(self.definition)}; none is imported more, "
                "none is configured)"
            )
        if self.reason == REASON_NAMED_HOME:
            return (
                f"the one in the package its name names ({named_folder(self.definition)}; none is imported more, "
                "none is configured)"
            )
        return "the first by path (none is imported more, none is configured)"


# Names of packages (or modules) written for one operating system or windowing system:
# ``pyglet/libs/win32/`` beside ``pyglet/libs/x11/``, an analyzer's ``windows/`` beside
# its ``linux/``. Each loads its own platform's libraries when imported.
PLATFORM_NAMES = frozenset({
    "win32", "win64", "windows", "nt", "linux", "darwin", "macos", "macosx", "osx", "cocoa", "ios", "android",
    "x11", "xlib", "wayland", "posix", "unix", "freebsd", "openbsd", "netbsd", "solaris", "sunos", "aix", "cygwin",
    "emscripten", "wasi",
})


def platform_sides(module: str, other: str) -> tuple[str, str] | None:
    """Where two modules' paths part (:func:`sides`), when both parts are named for two
    different platforms (``pyglet.libs.win32`` and ``pyglet.libs.x11``): importing one
    side's module from the other would load the other platform's code, which fails (or
    loads libraries that are not there) on the importer's platform. None otherwise."""
    pair = sides(module, other)
    if pair is None:
        return None
    mine, theirs = (p.rpartition(".")[2].lower() for p in pair)
    return pair if mine != theirs and mine in PLATFORM_NAMES and theirs in PLATFORM_NAMES else None


# ISO 639-1 codes a module's name carries to say which language it is written for
# (lm-evaluation-harness' ``ca_instructions.py`` and ``es_instructions.py`` beside the
# English ``instructions.py``), less those that read as English words or common
# abbreviations in module names (``my_``, ``no_``, ``is_``, ``it_``, ``ml_``, ``os_``,
# ``io_``, ``id_``, ``ms_``, ``ta_``, ``pa_``, ``la_``, ``te_``, ``ne_``, ``ha_``, ``so_``).
LANGUAGE_CODES = frozenset({
    "af", "ar", "az", "bg", "bn", "bs", "ca", "cs", "cy", "da", "de", "el", "en", "eo", "es", "et", "eu", "fa",
    "fi", "fr", "gl", "gu", "he", "hi", "hr", "hu", "hy", "ja", "ka", "kk", "kn", "ko", "lt", "lv", "mk", "mn",
    "mr", "nb", "nl", "nn", "pl", "pt", "ro", "ru", "sk", "sl", "sq", "sr", "sv", "sw", "th", "tl", "tr", "uk",
    "ur", "uz", "vi", "yo", "zh", "zu",
})


def _language_stem(name: str) -> tuple[str, str]:
    """A module's name without the language code it carries as a word of its own
    (``es_instructions`` and ``instructions_es``: ``("instructions", "es")``; a region
    may follow: ``messages_pt_br``), and that code ("" when it carries none)."""
    words = name.lower().split("_")
    if words[0] in LANGUAGE_CODES and (len(words) == 1 or (len(words) == 2 and len(words[1]) == 2)):
        return "", words[0]  # the module is named for the language: ``de``, ``zh_cn``
    if len(words) >= 2 and words[0] in LANGUAGE_CODES:
        return "_".join(words[1:]), words[0]
    for cut in (1, 2):  # ``_es`` or ``_pt_br``
        if len(words) > cut and words[-cut] in LANGUAGE_CODES and (cut == 1 or len(words[-1]) == 2):
            return "_".join(words[:-cut]), words[-cut]
    return name.lower(), ""


def language_variants(module: str, other: str) -> bool:
    """Two modules of one name but for the language code one or both carry, and the codes
    differ (``multilingual/instructions/ca_instructions`` and ``ifeval/instructions``,
    ``es_instructions`` and ``ca_instructions``): each language's own version of the
    module, its classes written for that language (the prompts translated, a check or
    two adapted), not copies of the other's."""
    (stem, code), (other_stem, other_code) = (_language_stem(m.rpartition(".")[2]) for m in (module, other))
    return stem == other_stem and code != other_code


# Modules only a host application's embedded interpreter provides (no distribution installs
# them): Blender's ``bpy``, Houdini's ``hou``, Maya's ``maya``, Nuke's, 3ds Max's, Unreal's,
# Cinema 4D's, Substance Painter's, Krita's, GIMP's, QGIS', ArcGIS', FreeCAD's, Rhino's,
# Revit's .NET bridge, Sublime Text's, Vim's, Kodi's, IDA's and Ghidra's.
HOST_APPLICATION_MODULES = frozenset({
    "bpy", "bmesh", "bgl", "mathutils", "hou", "maya", "pymel", "nuke", "nukescripts", "hiero", "pymxs", "MaxPlus",
    "unreal", "c4d", "substance_painter", "krita", "gimpfu", "qgis", "arcpy", "FreeCAD", "FreeCADGui", "Rhino",
    "rhinoscriptsyntax", "scriptcontext", "Autodesk", "sublime", "sublime_plugin", "vim", "xbmc", "xbmcgui",
    "xbmcaddon", "xbmcplugin", "idaapi", "idc", "ghidra", "mari", "flame", "fusionscript", "DaVinciResolveScript",
    "rv", "modo", "Katana", "clarisse",
})


# Standard-library modules only some platforms have: Unix's ``syslog``, ``fcntl``, ``pwd``
# ..., Windows' ``winreg``, ``msvcrt`` ... A module that imports one when it is loaded does
# not load everywhere the interpreter runs.
PLATFORM_STDLIB_MODULES = frozenset({
    "syslog", "fcntl", "termios", "tty", "pty", "pwd", "grp", "resource", "crypt", "spwd", "posix", "nis",
    "readline", "curses", "_curses", "msvcrt", "winreg", "_winreg", "winsound", "_winapi", "nt", "_overlapped",
})


def _loaded_tops(f: SourceFile, skip: int = NOT_AT_IMPORT_TIME | CTX_GUARDED | CTX_CONDITIONAL) -> Iterator[str]:
    """The top-level names of what the module imports by absolute name whenever it is
    loaded (not in a function, under a condition or a guard, nor for type checkers):
    imports in none of the contexts ``skip`` holds."""
    for rec, absolute in zip(f.summary.imports, f.absolutes):
        if not rec.level and not rec.context & skip:
            yield (absolute or rec.module or "").partition(".")[0]


class Chooser:
    """Picks, for a group of definitions of one thing, the one to keep and, for each
    other, the one to import instead, in this order: production before tooling; no import
    cycle (a module never imports a definition whose module loads it); most imported by
    first-party production modules; in the reporting file's own top-level package; first
    by path."""

    def __init__(self, project: Project, imports: dict[tuple[str, str], int]) -> None:
        self.imports = imports
        self.config = project.config
        self.reach = Reach(project)
        self._edges = project.import_edges
        self._closures: dict[str, frozenset[str]] = {}
        self._wired: dict[str, set[str]] | None = None
        self._advice = project.advice
        self._loaded: dict[tuple[str, str], bool] = {}
        self._lazy: dict[tuple[str, str], bool] = {}  # see _imports_when_run
        self._project = project
        self._fan_in: Counter[str] | None = None
        self._apart: dict[tuple[str, frozenset[str]], frozenset[str]] = {}
        self._units = Units.of_model(project)
        self._importers: dict[str, set[str]] | None = None
        self._reached: set[str] | None = None  # modules and packages production imports from outside them
        self._plugin_cache: dict[str, dict[str, frozenset[str]]] = {}
        self._hosts: dict[str, set[str]] | None = None  # see _host_importers
        self._optional: tuple[frozenset[str], frozenset[str]] | None = None  # see _optional_imports
        self._needs: dict[str, list[tuple[str, str]]] = {}  # see _libraries_needed
        self._contracts = project.shared(Contracts, lambda: Contracts(project))  # SSOT001's and SSOT006's

    def count(self, d: Definition) -> int:
        return self.imports.get((d[0].module or "", d[1].name), 0)

    def module_importers(self, d: Definition) -> int:
        """How many first-party production modules import ``d``'s module, in any way and
        for any name (test code makes no home, as it counts no import by name). When no copy is imported more by name, the one in the module the project
        imports most is the shared home (a package's ``common/exceptions.py`` rather than
        one driver's ``exceptions.py``; an ``app/schemas/`` module rather than a loose
        ``app/startup_checks.py``), which the order of paths knows nothing about."""
        if self._fan_in is None:
            production = {f.module for f in self._project.production_files() if f.module}
            fan_in: Counter[str] = Counter()
            for importer, imported in self._edges.items():
                if importer in production:
                    fan_in.update(target for target in imported if target != importer)
            self._fan_in = fan_in
        return self._fan_in.get(d[0].module or "", 0)

    def plugins(self, reporter: Definition, target: Definition) -> str | None:
        """The folder of plugins (as a dotted package) when the two definitions lie in two
        plugins of it: two modules or packages of one package that no production module
        outside each imports, each defining a class on one first-party base outside that
        package (the host's) that three or more such modules or packages extend
        (quodlibet's ``ext/events/``, each plugin an ``EventPlugin`` found by its path and
        enabled on its own), or of a package below the top level whose modules the project
        imports by a computed name (DefectDojo's ``import_module(f"dojo.tools.{name}.parser")``,
        each parser its own, on no shared base). A plugin told
        to import another plugin's module would load it, enabled or not; the copy belongs
        in a module both can import. None otherwise."""
        pair = sides(reporter[0].module or "", target[0].module or "")
        if pair is None:
            return None
        parent = pair[0].rpartition(".")[0]
        if not parent or self._imported_from_outside(pair[0]) or self._imported_from_outside(pair[1]):
            return None
        if "." in parent and parent + "." in self._project.loaded_by_name:
            return parent  # a host imports each by a computed name (DefectDojo's ``f"dojo.tools.{name}.parser"``)
        bases = self._plugin_bases(parent)
        if not bases:
            return None  # no plugins
        first, second = bases.get(pair[0], frozenset()), bases.get(pair[1], frozenset())
        shared = first & second
        if not shared:
            return None
        return parent if any(sum(1 for found in bases.values() if base in found) >= 3 for base in shared) else None

    def _plugin_bases(self, parent: str) -> dict[str, frozenset[str]]:
        """For each module or package of ``parent`` that no production module outside it
        imports, the first-party classes outside ``parent`` its top-level classes extend
        (the host's plugin interface: not ``enum.Enum``, which any module may extend)."""
        found = self._plugin_cache.get(parent)
        if found is None:
            collected: dict[str, set[str]] = defaultdict(set)
            for f in self._project.files:
                module = f.module or ""
                if not module.startswith(parent + ".") or f.is_test:
                    continue
                child = f"{parent}.{module[len(parent) + 1 :].partition('.')[0]}"
                if self._imported_from_outside(child):
                    continue
                for c in f.summary.classes:
                    if not c.top_level:
                        continue
                    for base in c.bases:
                        target = self._project.resolve(module, base)
                        if isinstance(target, ClassRef) and not target.module.startswith(parent + "."):
                            collected[child].add(target.qualname)  # the host's interface, not a plugin's
            found = {child: frozenset(b) for child, b in collected.items()}
            self._plugin_cache[parent] = found
        return found

    def _imported_from_outside(self, module: str) -> bool:
        """A production module outside ``module`` (a module or a package) imports it or one
        of its modules (a file the configuration's paths call a test does not count: a
        plugin's own tests import it). A sibling importing it counts too: it is then a
        building block of its siblings (c7n's ``resources/`` modules import each other's
        resources), not a plugin found on its own. Other siblings building on one another
        say nothing of it (libcloud's ``compute/drivers/``: some drivers extend others, and
        a driver nothing imports is still found by its name alone). Only imports that run
        when the importer is imported count: one inside a function loads the module on
        demand, as a host loads a plugin (libcloud's ``contrib/`` tool building a table of
        the drivers' features)."""
        if self._reached is None:
            production = {f.module for f in self._project.production_files() if f.module and not f.named_test}
            reached: set[str] = set()
            for importer, imported in self._edges.items():
                if importer not in production:
                    continue
                for target, statements in imported.items():
                    if not any(s.runtime for s in statements):
                        continue  # loaded on demand, inside a function: as a plugin is
                    parts = target.split(".")
                    for k in range(len(parts), 0, -1):
                        prefix = ".".join(parts[:k])
                        if importer == prefix or importer.startswith(prefix + "."):
                            break  # the importer's own package, and those around it
                        reached.add(prefix)
            self._reached = reached
        return module in self._reached

    def _host_base(self, folder: str, reporter: Definition, target: Definition) -> str | None:
        """The first-party base (a dotted class name) both plugins' modules extend, from
        outside ``folder`` (the host's interface: libcloud's
        ``libcloud.compute.base.NodeDriver`` for its ``compute/drivers/``): its module is
        one both plugins import already, the host's, and a home for what they share. The
        class's own base when it is one of them, else the first by name. None when the
        class extends anything but first-party classes (qlib's ``LocalformerEncoder(nn.Module)``): moved there, it would
        bring its library into the host's module."""
        pair = sides(reporter[0].module or "", target[0].module or "")
        if pair is None:
            return None
        module = reporter[0].module or ""
        own: set[str] = set()
        for written in reporter[1].bases:
            if written in ("object", "builtins.object"):
                continue
            resolved = self._project.resolve(module, written)
            if not isinstance(resolved, ClassRef):
                return None
            own.add(resolved.qualname)
        bases = self._plugin_bases(folder)
        shared = sorted(bases.get(pair[0], frozenset()) & bases.get(pair[1], frozenset()))
        # The class's own base first (c7n's ``DescribeRemoved(DescribeSource)``: ``c7n.query``).
        return next((b for b in shared if b in own), shared[0] if shared else None)

    def _plugin_home(self, folder: str, reporter: Definition, target: Definition) -> str:
        """Where two plugins' shared definition could live, for the message (" (such as
        ...)", or ""): a shared package beside the folder; else the module defining the
        host's base both extend (:meth:`_host_base`); else a shared package around it."""
        home = self.shared_home(folder, beside=True)
        if home is None:
            base = self._host_base(folder, reporter, target)
            if base is not None and self._same_root(base.rpartition(".")[0], reporter, target):
                module, _, name = base.rpartition(".")
                return f" (such as {module}, which defines {name}, the base both plugins extend)"
            home = self.shared_home(folder)
        return f" (such as one in {home})" if home else ""

    def _same_root(self, module: str, *definitions: Definition) -> bool:
        """``module`` lies in the source root of each definition: the plugins and their host
        are one project. Plugins each built as a distribution of their own (flytekit's
        ``plugins/flytekit-kf-mpi/``, a source root apart from flytekit's core) would have
        their shared class moved into another distribution."""
        f = self._project.modules.get(module)
        if f is None:
            return False
        root = self._project.source_root_of
        return all(root(d[0].path) == root(f.path) for d in definitions)

    def shared_home(self, package: str, beside: bool = False) -> str | None:
        """A package beside ``package`` or beside one around it named as a shared home
        (``_shared``, ``shared``, ``common``): quodlibet's ``ext/_shared`` beside its
        ``ext/events`` plugins. ``beside``: only beside ``package`` itself."""
        modules = self._project.modules
        parts = package.split(".")
        lowest = len(parts) - 2 if beside else 0  # (exclusive)
        for k in range(len(parts) - 1, lowest, -1):
            above = ".".join(parts[:k])
            for name in ("_shared", "shared", "common", "_common"):
                if f"{above}.{name}" in modules:
                    return f"{above}.{name}"
        return None

    def legacy(self, d: Definition) -> bool:
        """``d`` is legacy code's: its file lies in a legacy folder (:func:`in_legacy`), or
        only legacy code imports its module (borg's ``fslocking``, imported by
        ``legacy/repository.py`` and ``legacy/remote.py`` alone, beside the live
        ``storelocking``). The live side is the one to keep: importing the legacy module
        into live code would make live code depend on what is kept for the past."""
        if in_legacy(d[0].path):
            return True
        found = self.module_users(d[0].module or "")
        return bool(found) and all(in_legacy(path) for path in found)

    def module_users(self, module: str) -> set[str]:
        """The paths of the production modules that import ``module`` (not itself). A file
        the configuration's paths call a test does not count, even when production imports
        it (borg's ``testsuite/fslocking_test.py``, imported by another test's helper)."""
        if self._importers is None:
            production = {f.module: f.path for f in self._project.production_files() if f.module and not f.named_test}
            importers: dict[str, set[str]] = defaultdict(set)
            for importer, imported in self._edges.items():
                if importer in production:
                    for target in imported:
                        if target != importer:
                            importers[target].add(production[importer])
            self._importers = importers
        return self._importers.get(module, set())

    def legacy_among(self, d: Definition, definitions: list[Definition]) -> bool:
        """``d`` is legacy code's (:meth:`legacy`) and another definition of the group is
        live code's: not legacy, and its module is imported by production code; or ``d``'s
        module is another's legacy twin (:func:`legacy_twin`)."""
        if any(o is not d and legacy_twin(d, o) for o in definitions):
            return True
        return self.legacy(d) and any(
            o is not d and not self.legacy(o) and bool(self.module_users(o[0].module or ""))
            for o in definitions
        )

    def legacy_importers(self, d: Definition) -> list[str]:
        """The production modules' paths importing ``d``'s module (for the message)."""
        return sorted(self.module_users(d[0].module or ""))

    @staticmethod
    def marked_copy(d: Definition, definitions: list[Definition]) -> bool:
        """``d`` says it is a copy of another definition of the group (:func:`marked_from`)."""
        return any(o is not d and marked_from(d, o) for o in definitions)

    def out_of_reach(self, d: Definition) -> int:
        """How far a definition is from being one to import: 0 for the product, 1 for
        developer tooling, for code the configuration calls test code (``test_framework/``
        that production happens to import is production by the import graph, but the copy
        to keep is never there) and for a program no first-party module imports (a
        ``__main__`` block or a Python shebang: vaex's stale ``misc/parallelize.py`` beside
        the ``parallelize.py`` its UI imports), 2 for a file no import statement can
        name (``dev-tools.py``, ``0001_initial.py``, anything below a
        ``sonic-platform-modules-micas/`` folder), 3 for a backup copy. Nothing is ever told
        to import from a copy ranked after its own (production never from tooling, test
        code or a program, tooling never from backups)."""
        f = d[0]
        if is_backup(f.path):
            return 3
        if not importable(f.module or ""):
            return 2
        return self.aside(d)

    def aside(self, d: Definition) -> int:
        """1 for developer tooling, test code or a program no first-party module imports, 0
        for the product (:meth:`out_of_reach`, whatever an import can name): among copies
        that no import can name, the product's is still the one kept."""
        f = d[0]
        path = f.path
        if (is_tooling(path) and not self._product_tooling(f) and not package_tasks_module(f)) or self.config.is_test_file(path):
            return 1
        return 1 if self._unimported_program(f) else 0

    def may_point(self, reporter: Definition, target: Definition) -> bool:
        """Whether a copy may be reported against ``target`` (ranked before it): one that
        an import can name, or, when neither can be named, the other unnameable copy
        (sonic's ``AliasedGroup`` pasted into nine scripts of one vendor's
        ``common/script/`` folder): what is copied is there to share all the same, in a
        module both can import (:data:`UNNAMED_ADVICE`), when both lie below one such folder
        (:func:`unnamed_home`). Two vendors' trees (``sonic-platform-modules-micas/`` and
        ``sonic-platform-modules-ragile/``), two boards' bundles (Adafruit's
        ``one-led-buttons/`` and ``two-led-buttons/``) are built and installed apart, and no
        module is there for both. Never a backup."""
        level = self.out_of_reach(target)
        return level < 2 or (level == 2 == self.out_of_reach(reporter) and unnamed_home(reporter[0].path) == unnamed_home(target[0].path))

    def _product_tooling(self, f: SourceFile) -> bool:
        """A module in a folder named like tooling inside a product package that product
        modules import when they are loaded: DefectDojo's ``dojo/tools/`` of scanner parsers,
        whose ``factory`` the application imports. The import graph says it is the
        product's, whatever its folder's name."""
        folder = tooling_package(f)
        imported = product_imported(self._project)
        if folder is None or folder not in imported:
            return False
        if is_documentation_folder(folder.rpartition(".")[2]):
            # An example stays an example unless product code imports that module itself
            # (cctbx's web pages import `cctbx.examples.all_axes`, never the 2016 refactor
            # step `cctbx/examples/merging/samosa/per_lattice_postrefinement.py`).
            return f.module in imported
        return True

    def _unimported_program(self, f: SourceFile) -> bool:
        """A program (a ``__main__`` block or a Python shebang) no first-party module imports."""
        return is_script(f) and not self._project.importers.get(f.module or "")

    def _dependencies(self) -> frozenset[tuple[str, str]]:
        """``(P, Q)``: a product module of package ``P`` imports one of its sibling ``Q`` at
        run time (see :attr:`Project.package_dependencies`; test code makes no dependency)."""
        return self._project.package_dependencies

    def against(self, reporter: Definition, target: Definition) -> tuple[str, str] | None:
        """``(P, Q)`` when importing ``target`` into ``reporter``'s module would go against
        the dependencies between their packages: ``P`` (the reporter's side) never imports
        from ``Q`` (the target's) but ``Q`` imports from ``P`` (a client told to import
        the server's copy, when the server builds on the client), or they are two
        top-level packages (two distributions: a worker and its master) that never import
        each other, or two packages of one parent that never import each other while each
        imports from other siblings (two layers kept apart), or two deployment units that are
        apart (:meth:`Units.apart`: a client distribution that does not require its server,
        whatever an optional extra of it imports; then the pair names the two units), or two
        units of which the reporter's does not require the target's (two plugins of one host,
        each on the host alone: livekit's). None when the import follows
        them, when the reporter's module loads the target's already at import time (through
        other packages: the import adds no dependency), or the two sides are packages of
        one parent that simply do not meet yet (neither imports any sibling); and tooling
        or test code (a script) may import any product package."""
        breach = self._contracts.breach(reporter[0].module, target[0].module)
        if breach is not None:
            return breach.mine, breach.theirs
        platforms = platform_sides(reporter[0].module or "", target[0].module or "")
        if platforms is not None:
            return platforms
        if (
            self._unimported_program(reporter[0]) and not self.out_of_reach(target)
            and not self._units.apart(reporter[0].path, target[0].path) and not self._built_on(reporter, target)
        ):
            # A program nothing imports depends on no one: it may import any product module
            # of its own unit (not one installed apart: QFieldCloud's worker image holds
            # only its own folder, not the Django app's).
            return None
        pair = self._against_packages(reporter, target)
        if pair is None and not self.out_of_reach(reporter) and self.plugins(reporter, target) is not None:
            return sides(reporter[0].module or "", target[0].module or "")
        # The reporter's unit imports the target's at run time already, not under a guard
        # (nfv_vim's product modules import nfv_plugins, whose distribution requires
        # nfv_vim's): whatever its packaging declares, one more name adds no dependency.
        already = self._units.imports_always(reporter[0].path, target[0].path)
        if pair is None and not self.out_of_reach(reporter) and (
            self._units.apart(reporter[0].path, target[0].path)
            or not already and (
                self._units.needed_by(reporter[0].path, target[0].path)
                or not self._units.can_import(reporter[0].path, target[0].path)
            )
        ):
            # (Tooling and test code may import any unit of the repository, as any package.)
            return self._units.label(reporter[0].path), self._units.label(target[0].path)
        return pair if pair is not None else self._against_packages(reporter, target, namespaces=True)

    def _built_on(self, reporter: Definition, target: Definition) -> bool:
        """The target's top-level package builds on the one the reporter lies in (it
        imports from it, never the other way), and the reporter lies inside that package: a
        program kept in a library's package (cctbx's
        ``scitbx/lbfgsb/boost_python/tst_fit_cdf.py``) is the library's, and importing from
        another distribution that builds on the library turns their dependency around
        (``rstbx`` imports ``scitbx``, never the other way). Inside one top-level package a
        stale program is told to import the live module whatever the layering (vaex's
        ``misc/parallelize.py``): it ships with it."""
        pair = sides(reporter[0].module or "", target[0].module or "")
        if pair is None or pair[0] == reporter[0].module or "." in pair[0]:
            return False
        depends = self._dependencies()
        return (pair[1], pair[0]) in depends and pair not in depends

    def _against_packages(self, reporter: Definition, target: Definition, namespaces: bool = False) -> tuple[str, str] | None:
        """:meth:`against`, from the dependencies between packages alone; with
        ``namespaces``, two packages of a namespace folder are apart too (asked last, when
        the deployment units say nothing more precise)."""
        pair = sides(reporter[0].module or "", target[0].module or "")
        if pair is None:
            return None
        mine, theirs = pair
        depends = self._dependencies()
        if (mine, theirs) in depends or self.loads_apart(reporter[0].module, target[0].module):
            return None
        if (theirs, mine) in depends:
            return pair
        # Each side a package holding the definition, or the package itself when the class
        # is in its `__init__.py` (blender-addons' `io_coat3D/__init__.py` beside
        # `render_povray/model_gui.py`: two add-ons); not a module beside the other's.
        packages = (mine != reporter[0].module or reporter[0].is_package) and (
            theirs != target[0].module or target[0].is_package
        )
        if not packages or self._tooling_package(mine):
            return None
        # Two top-level packages (two distributions), two packages of a folder that is no
        # package (a namespace folder: mmdetection3d's ``projects/PETR`` and
        # ``projects/DETR3D``, each loaded alone by name, each registering its own copies),
        # or two layers of one package that each build on others of its siblings but never
        # on each other (Prefect's ``prefect.events`` and ``prefect.server``): kept apart by
        # design, not yet to meet.
        if "." not in mine or namespaces and self._namespace_folder(mine.rpartition(".")[0]):
            return pair
        return pair if self._builds_on_others(mine, theirs) and self._builds_on_others(theirs, mine) else None

    def _namespace_folder(self, package: str) -> bool:
        """``package`` is a folder of packages with no module of its own (no
        ``__init__.py``), which ties them no more than the repository's top does."""
        project = self._project
        return package not in project.modules and package not in project.opaque_modules

    def _builds_on_others(self, package: str, other: str) -> bool:
        """``package`` imports, at run time, from a sibling of its own other than ``other``."""
        if self._wired is None:
            wired: dict[str, set[str]] = defaultdict(set)
            for p, q in self._dependencies():
                wired[p].add(q)
            self._wired = wired
        return bool(self._wired.get(package, set()) - {other})

    def builds_on(self, reporter: Definition, target: Definition) -> tuple[str, str] | None:
        """``(P, Q)`` when the reporter's package ``P`` imports from the target's ``Q`` at run
        time and ``Q`` never from ``P`` (a server building on its client, a webhook payload
        built on the REST API's modules): ``Q`` has no place for ``P``'s code. Two packages
        only: a module of one package can take code from a sibling module it is imported by."""
        pair = sides(reporter[0].module or "", target[0].module or "")
        depends = self._dependencies()
        if pair is None or pair not in depends or (pair[1], pair[0]) in depends:
            return None
        return pair if pair[0] != reporter[0].module and pair[1] != target[0].module else None

    def loads(self, source: str | None, target: str | None) -> bool:
        """Importing ``source`` runs ``target``: through imports that run when a module is
        imported (not those inside functions, which :class:`Reach` counts too: an optional
        extra loaded on demand is no dependency the module has already) and the packages
        each module is in."""
        if source is None or target is None:
            return False
        found = self._closures.get(source)
        if found is None:
            found = self._closures[source] = self._closure(source)
        return target in found

    def loads_apart(self, source: str | None, target: str | None) -> bool:
        """:meth:`loads`, but not through a package both modules are in: a package
        ``__init__`` that imports all its parts (pymongo's imports both its
        ``synchronous`` and its ``asynchronous`` layer) makes every part load every other,
        which says nothing of how the parts themselves depend on each other."""
        if source is None or target is None:
            return False
        shared = frozenset(parents(source)) & frozenset(parents(target))
        if not shared:
            return self.loads(source, target)
        key = (source, shared)
        found = self._apart.get(key)
        if found is None:
            found = self._apart[key] = self._closure(source, shared)
        return target in found

    def _closure(self, source: str, skip: frozenset[str] = frozenset()) -> frozenset[str]:
        """What importing ``source`` runs at import time, not running the packages of
        ``skip`` (nor what they alone import). The model's answer: shared by the rules and
        taken over from the previous commit's in a history."""
        return self._project.import_time_closure(source, skip)

    def runs(self, source: str | None, target: str | None) -> bool:
        """Importing module ``source`` runs module ``target`` (not merely one of its
        packages) through imports that run at import time: then ``target``'s module cannot
        import from ``source``'s without an import cycle. Imports inside functions do not
        count: an import made when a function is called closes no cycle at start-up, and
        in a large application some function reaches nearly every module. (The
        reachability, which counts those too, answers no for most pairs at once.)"""
        return self.reach.reaches(source, target) and self.loads(source, target)

    def cannot_import(self, source: str | None, importer: str | None) -> bool:
        """``importer``'s module cannot import from ``source``'s without an import cycle:
        importing ``source`` runs ``importer`` (:meth:`runs`), and not only through the
        ``__init__`` of a package both are in, which has started before ``importer`` runs
        (:meth:`closes_cycle`). SurfSense's ``app/artifacts/__init__.py`` re-exports
        ``service``'s classes, so every module of ``app.artifacts`` loads ``service``;
        ``service`` can still import from ``app.artifacts.schemas.file_input``, whose own
        imports never lead back to it."""
        return self.runs(source, importer) and self.closes_cycle(source, importer)

    def _tooling_package(self, package: str) -> bool:
        """A top-level package of developer tooling, tests or backups (``scripts/``,
        ``tests/``): such code may import any product package. A ``scripts`` folder inside
        a product package (``buildbot_worker/scripts/``) is the product's own."""
        path = package.replace(".", "/") + "/__init__.py"
        return is_backup(path) or is_tooling(path) or self.config.is_test_file(path)

    def downstream(self, d: Definition, definitions: list[Definition]) -> bool:
        """``d``'s package imports from another definition's package, which never imports
        from it, or all but rarely (:meth:`mostly_downstream`): the other is upstream, and
        the one to keep. Not a module no first-party module imports while ``d``'s is
        (papermerge's dead ``core/schemas/perms.py``, left over beside the live
        ``features/users/schema.py``): the layering of packages says nothing of a leftover."""
        depends = self._dependencies()
        for o in definitions:
            pair = sides(d[0].module or "", o[0].module or "") if o is not d else None
            if pair is not None and pair in depends and ((pair[1], pair[0]) not in depends or self._mostly(pair)):
                if self.module_importers(o) == 0 and self.module_importers(d) > 0:
                    continue
                return True
        return False

    def mostly_downstream(self, d: Definition, o: Definition) -> tuple[int, int] | None:
        """``(n, m)`` when ``d``'s package imports from ``o``'s in ``n`` product modules and
        ``o``'s from ``d``'s in only ``m`` (none too many to call the layering one way:
        deepchem's ``models`` imports ``utils`` in 46 modules, ``utils`` ``models`` in one);
        None when it is not so, or never the other way (:meth:`downstream` says that)."""
        pair = sides(d[0].module or "", o[0].module or "")
        if pair is None or (pair[1], pair[0]) not in self._dependencies() or not self._mostly(pair):
            return None
        weights = self._project.package_dependency_weights
        return weights.get(pair, 0), weights.get((pair[1], pair[0]), 0)

    def _mostly(self, pair: tuple[str, str]) -> bool:
        """Many more product modules of ``pair[0]`` import from ``pair[1]`` than the other
        way: at least :data:`_LAYERED_AT_LEAST` and :data:`_LAYERED_RATIO` times as many."""
        weights = self._project.package_dependency_weights
        forward, back = weights.get(pair, 0), weights.get((pair[1], pair[0]), 0)
        return forward >= _LAYERED_AT_LEAST and forward >= _LAYERED_RATIO * back

    @staticmethod
    def inner(d: Definition, definitions: list[Definition]) -> bool:
        """``d``'s module is a sub-package's own copy of a module of the package around it:
        the same module name, one package deeper (``strategy/perpetual_market_making/
        data_types.py`` beside ``strategy/data_types.py``). A sub-package builds on the
        package around it, and that package's module, which loads none of its
        sub-packages, is the shared home. Modules of other names are not compared so: an
        application's root package holds loose modules (``app/startup_checks.py``) whose
        classes belong in its ``schemas`` package, not the other way."""
        return any(o is not d and Chooser.enclosing_package(d, o) is not None for o in definitions)

    @staticmethod
    def enclosing_package(d: Definition, o: Definition) -> str | None:
        """The package around a sub-package that keeps, in ``d``, its own copy of ``o``'s
        module: ``o``'s module path is that package's, and ``d``'s is the same path one
        sub-package (or more) deeper (``strategy.data_types`` and
        ``strategy.perpetual_market_making.data_types``; gns3's generic
        ``compute.adapters.adapter`` and the Dynamips back end's
        ``compute.dynamips.adapters.adapter``). Or a sub-package that keeps a variant of
        the package's tree of sub-packages, whatever the modules are named: ``d``'s package
        is ``o``'s, below the package around them, one sub-package (or more) deeper
        (napari's ``layer_controls.dynamic.widgets._labels`` beside its
        ``layer_controls.widgets._labels``). None when it is not."""
        if not o[0].package:
            return None
        found = _enclosing((d[0].module or "").split("."), (o[0].module or "").split("."))
        if found is None and d[0].package and not d[0].is_package and not o[0].is_package:
            found = _enclosing(d[0].package.split("."), o[0].package.split("."))
        return found

    @staticmethod
    def plain_of_generic(d: Definition, definitions: list[Definition]) -> bool:
        """``d`` is not generic and another definition is: the generic one is kept, since
        its users may subscript it and the plain one cannot take that."""
        return not is_generic(d[1]) and any(o is not d and is_generic(o[1]) for o in definitions)

    def _naive(self, d: Definition) -> tuple:
        """The keeping order without import cycles."""
        return (self.out_of_reach(d), self.aside(d), -self.count(d), not named_folder(d), not named_module(d), d[0].path, d[1].line)

    def ranked(self, definitions: list[Definition]) -> list[Definition]:
        """The group in the order definitions are kept: the first is not reported. One
        whose module loads another definition's module at import time comes after the
        others: they cannot import it without an import cycle."""

        outputs = per_service_outputs(self._project)

        def key(d: Definition) -> tuple:
            above = any(self.cannot_import(d[0].module, o[0].module) for o in definitions if o is not d)
            # A generated definition first: it is never told to change (rules/apart.py).
            generated = not (d[0].summary.generated or d[0].path in outputs or self._project.config.marked_generated(d[0].path))
            # A marked copy after its source; legacy code's copy after the live one.
            return (
                self.out_of_reach(d), self.aside(d), uninstalled_model(self._project, d), generated, above,
                self.marked_copy(d, definitions), self.legacy_among(d, definitions),
                self.downstream(d, definitions), self.inner(d, definitions),
                self.plain_of_generic(d, definitions), -self.count(d), -self.module_importers(d), not named_folder(d),
                not named_module(d), d[0].path, d[1].line,
            )

        return sorted(definitions, key=key)

    def keeper(self, definitions: list[Definition]) -> Definition:
        """The one definition of a group that is not reported."""
        return self.ranked(definitions)[0]

    def import_advice(self, reporter: Definition, target: Definition, advice: str) -> str:
        """``advice`` (to import the class from ``target``'s module), unless that module's
        import-time imports lead back to the reporter's: then importing it there would close
        an import cycle, and the message says so."""
        module, importer = target[0].module, reporter[0].module
        if not self._advice or module is None or importer is None:
            return advice
        if not importable(module):
            return UNNAMED_ADVICE.format(path=target[0].path)
        line = imported_then_replaced(reporter, module)
        if line is not None:
            # DeepLearningExamples' `run_performance_on_triton.py` imports `MeasurementMode`
            # from `.deployment_toolkit.core`, then defines its own: the import is there.
            return (
                f"this module already imports {reporter[1].name} from {module} (line {line}), and this class "
                "statement replaces it: delete the class"
            )
        if (module, importer) not in self._loaded:
            self._loaded[module, importer] = self._loads_back(module, importer)
        if self._loaded[module, importer]:
            return (
                f"keep one definition, in a module both can import: {module} loads this module, "
                "so importing it from there would close an import cycle"
            )
        breach = self._contracts.breach(importer, module)
        if breach is not None:
            return f"keep one definition, in a module both can import: {breach.why()}"
        pair = self.against(reporter, target)
        if pair is not None:
            mine, theirs = pair
            folder = self.plugins(reporter, target)
            if folder is not None:
                return (
                    f"keep one definition, in a module both can import{self._plugin_home(folder, reporter, target)}: "
                    f"{mine} and {theirs} are two plugins of {folder} that no other module imports (each is found "
                    f"on its own), so importing it from {module} would make one plugin load the other"
                )
            if platform_sides(importer, module) is not None:
                why = (
                    f"{mine} and {theirs} are written for different platforms, so importing it from {module} "
                    f"would load {theirs}'s platform code (and its libraries) where {mine} runs"
                )
            elif (from_units := self._against_packages(reporter, target) is None) and self._units.needed_by(reporter[0].path, target[0].path):
                why = (
                    f"{theirs} builds on {mine} (a distribution of its own that does not require it), so importing it "
                    f"from {module} would add a dependency {mine} does not declare, against that direction"
                )
            elif from_units and self._units.apart(reporter[0].path, target[0].path):  # two deployment units apart
                why = (
                    f"{mine} and {theirs} are installed apart (neither requires the other, nor do both require "
                    f"a third), so importing it from {module} would add a dependency {mine} does not declare"
                )
            elif from_units:  # two units on a third, neither requiring the other: two plugins of one host
                shared = self._units.shared_label(reporter[0].path, target[0].path)
                why = (
                    f"{mine} does not require {theirs}, so importing it from {module} would add a dependency {mine} "
                    f"does not declare" + (f" (both require {shared})" if shared else "")
                )
            elif (theirs, mine) in self._dependencies():
                why = f"{theirs} imports from {mine}, never the other way, so importing it from {module} would add a dependency against that direction"
            elif self._imports_when_run(mine, theirs):
                why = (
                    f"{mine} imports {theirs} only inside functions, never when it is loaded, so importing it "
                    f"from {module} would make loading {mine} load {theirs}"
                )
            else:
                why = f"{mine} and {theirs} never import each other, so importing it from {module} would make {mine} depend on {theirs}"
            return f"keep one definition, in a module both can import: {why}"
        foreign = self._foreign_library(reporter, target)
        if foreign is not None:
            mine, theirs, library = foreign
            return (
                f"keep one definition, in a module both can import: {module} imports {library} when it is loaded, "
                f"which only its host application provides and no module of {mine} imports, so importing it from "
                f"there would fail where {mine} runs outside that application"
            )
        extra = self._extra_library(reporter, target)
        if extra is not None:
            library, via = extra
            through = "" if via == module else f" (through {via})"
            return (
                f"keep one definition, in a module both can import: {module} loads {library} when it is loaded"
                f"{through}, which the project declares only as an optional extra, and this module does not load "
                f"it, so importing it from there would make this module need that extra"
            )
        optional = self._optional_library(reporter, target)
        if optional is not None:
            if optional == module:
                why = (
                    f"the project imports {module} only under a condition or a guard (it may fail to load), and this "
                    "module does not need it, so importing it from there could make this module fail to load too"
                )
            elif optional in PLATFORM_STDLIB_MODULES:
                why = (
                    f"{module} imports {optional} when it is loaded, which only some platforms' Python has, and this "
                    f"module does not import it, so importing it from there would fail where {optional} is missing"
                )
            else:
                why = (
                    f"{module} imports {optional} when it is loaded, an optional library (the project guards imports "
                    f"of it with except ImportError) that this module does not import, so importing it from there "
                    f"would fail where {optional} is not installed"
                )
            return f"keep one definition, in a module both can import: {why}"
        return advice

    def _optional_library(self, reporter: Definition, target: Definition) -> str | None:
        """What importing the class from ``target``'s module would make the reporter's
        module need that the project treats as optional (pymca's ``SilxMaskImageWidget``
        imports silx when it is loaded, which other modules import under ``except
        ImportError``; its ``SIFTAlignmentWindow`` is itself imported only under a ``try``):
        a third-party module (or a standard-library module only some platforms have: apprise's
        ``syslog`` plugin imports ``syslog``, its ``rsyslog`` plugin keeps its own copy of the
        facility constants to run on Windows) the target's module imports unconditionally when it is loaded,
        that the reporter's module does not, and that some production module imports under
        such a guard; or the target's module itself, when every production import of it is
        guarded or conditional. None when neither holds. (Moving the class to a module both
        can import is right either way; this only keeps advice from a direct import.)"""
        f, mine = target[0], reporter[0]
        if f.module is None or mine.module is None:
            return None
        guarded_libraries, guarded_modules = self._optional_imports()
        if f.module in guarded_modules:
            return f.module
        guarded_libraries = guarded_libraries | PLATFORM_STDLIB_MODULES
        needed = set(_loaded_tops(mine))
        return next((top for top in _loaded_tops(f) if top in guarded_libraries and top not in needed), None)

    def _extra_library(self, reporter: Definition, target: Definition) -> tuple[str, str] | None:
        """``(library, module)`` when importing ``target``'s module would load, at import
        time, a third-party library the project declares only as an optional extra
        (:attr:`Config.optional_extras`) that nothing the reporter's module loads imports:
        ``module`` is the first-party module (the target's, or one it loads) importing it.
        lm-evaluation-harness' multilingual IFEval checkers told to import from
        ``ifeval.instructions``, which loads ``instructions_util`` and with it ``nltk``, its
        ``ifeval`` extra. An import under ``except ImportError`` that goes on is not
        needed; one under another condition, or a ``try`` that re-raises, may be."""
        extras = self.config.optional_extras
        mine, theirs = reporter[0].module, target[0].module
        if not extras or mine is None or theirs is None:
            return None
        needed = {library for library, _ in self._libraries_needed(mine)}
        return next(
            ((library, m) for library, m in self._libraries_needed(theirs) if library not in needed and dependency_name(library) in extras),
            None,
        )

    def _libraries_needed(self, source: str) -> list[tuple[str, str]]:
        """``(library, module)`` for each third-party top-level name importing ``source``
        makes some module import (:meth:`_closure`), ``source``'s own first, each once,
        with the first module (by name) that does so. Only imports it cannot do without
        count: not inside a function, for type checkers or under ``__main__``, nor under
        an ``except ImportError`` that goes on (one under an ``if``, or in a ``try`` whose
        handler raises again, does)."""
        found = self._needs.get(source)
        if found is None:
            modules = self._project.modules
            first: dict[str, str] = {}
            for m in sorted(self._closure(source), key=lambda m: (m != source, m)):
                f = modules.get(m)
                for top in _loaded_tops(f, NOT_AT_IMPORT_TIME | CTX_GUARDED) if f is not None else ():
                    if top not in first and not self._project.is_first_party(top):
                        first[top] = m
            found = self._needs[source] = list(first.items())
        return found

    def _optional_imports(self) -> tuple[frozenset[str], frozenset[str]]:
        """The third-party top-level modules some production module imports under an
        ``except ImportError`` guard (the project expects them to be missing somewhere; the
        modules that use them import them plainly), not named as a declared requirement, and the first-party modules every
        production import of which is guarded or conditional (a ``try``, an ``if``: pymca's
        plugin imports ``SIFTAlignmentWindow`` under ``except Exception``)."""
        if self._optional is None:
            project = self._project
            declared = project.config.dependencies  # a declared requirement is there (pymca's numpy)
            guarded: set[str] = set()
            modules_guarded: set[str] = set()
            modules_plain: set[str] = set()
            for f in project.files:
                if f.is_test or not f.module:
                    continue
                for rec, absolute in zip(f.summary.imports, f.absolutes):
                    if rec.context & (CTX_TYPE_CHECKING | CTX_MAIN):
                        continue
                    name = absolute or rec.module or ""
                    top = name.partition(".")[0]
                    targets = [name, *(f"{name}.{n}" for n, _ in rec.names)] if rec.is_from else [name]
                    into = modules_guarded if rec.context & (CTX_GUARDED | CTX_CONDITIONAL) else modules_plain
                    into.update(t for t in targets if t in project.modules)
                    if rec.context & CTX_GUARDED and not rec.level and top and not project.is_first_party(top):
                        if top not in sys.stdlib_module_names and dependency_name(top) not in declared:
                            guarded.add(top)
            self._optional = (frozenset(guarded), frozenset(modules_guarded - modules_plain))
        return self._optional

    def may_import(self, reporter: Definition, target: Definition) -> bool:
        """Whether the reporter's module may be told to import ``target`` as it is (a fix
        that does so): nothing it would go against (:meth:`against`), no host
        application's module it would load that the reporter's side never does
        (:meth:`_foreign_library`)."""
        return (
            self.against(reporter, target) is None and self._foreign_library(reporter, target) is None
            and self._optional_library(reporter, target) is None and self._extra_library(reporter, target) is None
        )

    def _foreign_library(self, reporter: Definition, target: Definition) -> tuple[str, str, str] | None:
        """``(P, Q, L)`` when ``target``'s module imports, when it is loaded, a module ``L``
        that only a host application's embedded interpreter provides
        (:data:`HOST_APPLICATION_MODULES`: OpenPype's Blender integration's ``import bpy``,
        Houdini's ``import hou``), which no module of ``P`` (the reporter's side of where the
        two modules' paths part) imports: ``P`` runs outside that application. (Whether an
        installable library is there cannot be told from the import name alone:
        ``crispy_forms`` comes from ``django-crispy-forms``.)"""
        pair = sides(reporter[0].module or "", target[0].module or "")
        if pair is None:
            return None
        mine, theirs = pair
        if mine == reporter[0].module or theirs == target[0].module:
            return None  # two modules, not two packages: a module's imports say little of where it runs
        for top in _loaded_tops(target[0]):
            if top not in HOST_APPLICATION_MODULES or self._project.is_first_party(top):
                continue
            if not any(m == mine or m.startswith(mine + ".") for m in self._host_importers().get(top, ())):
                return mine, theirs, top
        return None

    def _host_importers(self) -> dict[str, set[str]]:
        """The production modules importing each host application's module."""
        if self._hosts is None:
            found: dict[str, set[str]] = defaultdict(set)
            for f in self._project.files:
                if f.is_test or not f.module:
                    continue
                for rec, absolute in zip(f.summary.imports, f.absolutes):
                    top = (absolute or rec.module or "").partition(".")[0]
                    if not rec.level and top in HOST_APPLICATION_MODULES:
                        found[top].add(f.module)
            self._hosts = found
        return self._hosts

    def _imports_when_run(self, mine: str, theirs: str) -> bool:
        """A product module of package ``mine`` imports from package ``theirs`` where it is
        not loaded at import time (inside a function: DeepSpeed's ``op_builder`` reads
        ``deepspeed.git_version_info`` when it loads an op): the two do meet, though
        :attr:`Project.package_dependencies` holds no such pair."""
        if (mine, theirs) not in self._lazy:
            is_test = self._project.config.is_test_file
            self._lazy[mine, theirs] = any(
                sides(module, target) == (mine, theirs)
                for module, targets in self._project.import_edges.items()
                if (module == mine or module.startswith(mine + "."))
                and not ((f := self._project.modules.get(module)) is not None and is_test(f.path))
                for target, statements in targets.items()
                if any(not st.type_checking for st in statements)
            )
        return self._lazy[mine, theirs]

    def closes_cycle(self, source: str | None, importer: str | None) -> bool:
        """Importing ``source`` at the top of ``importer`` would close an import cycle (see
        :meth:`_loads_back`), for the message's claims: at import time, not through imports
        inside functions, which :class:`Reach` counts too."""
        if source is None or importer is None or source == importer:
            return False
        if (source, importer) not in self._loaded:
            self._loaded[source, importer] = self._loads_back(source, importer)
        return self._loaded[source, importer]

    def _loads_back(self, source: str, importer: str) -> bool:
        """Importing ``source`` at the top of ``importer`` runs ``importer`` again, half
        initialised: ``source``'s import-time imports lead back to it. The packages
        ``importer`` is in have started before it, so a way back through one of their
        ``__init__`` files does not count (a package that imports all its models would
        otherwise make every module load every other). Nor, when ``importer`` loads
        ``source`` already (the advice adds a name, not a module), does an import of one of
        those packages itself (``from . import ISO_8601`` in a sibling module): it is in
        ``sys.modules`` already and does not run again, and the names it binds are bound as
        they are today. When ``source`` would be loaded anew, such an import may find the
        package half initialised, and it counts."""
        packages = set(parents(importer)) if self.loads(importer, source) else set()
        started = {importer, *parents(importer)}
        steps = self._project.runtime_steps
        seen: set[str] = set()
        stack = [source, *(p for p in parents(source) if p not in started)]
        while stack:
            module = stack.pop()
            if module == importer:
                return True
            if module in seen:
                continue
            seen.add(module)
            for target, above in steps(module):
                if target not in seen and target not in packages:
                    stack.append(target)
                    stack.extend(p for p in above if p not in started and p not in seen)
        return False

    def choose(self, reporter: Definition, others: list[Definition], group: list[Definition] | None = None) -> Choice:
        """Which of ``others`` the reporting definition should import instead, and why.
        ``group``: every definition of the thing (``others`` and the reporter when not
        given): the wording is true of all of them ("the most imported definition" only when
        none of the group is imported more), and the one kept for the group is preferred, as
        :meth:`ranked` orders them, so that copies point to one definition, not in a chain."""
        group = group if group is not None else [reporter, *others]
        home = top_package(reporter)
        module = reporter[0].module

        def key(d: Definition, cycles: bool = True) -> tuple:
            loads = self.cannot_import(d[0].module, module)
            cycle = cycles and loads
            # Against the packages' dependencies (a cycle is that and more: said as a cycle).
            against = not loads and self.against(reporter, d) is not None
            # As the group is ranked: not one whose module loads another copy's, nor one downstream.
            above = cycles and any(self.cannot_import(d[0].module, o[0].module) for o in group if o is not d and o is not reporter)
            downstream = cycles and self.downstream(d, group)
            inner = cycles and self.inner(d, group)
            plain = cycles and self.plain_of_generic(d, group)
            marked = cycles and self.marked_copy(d, group)
            legacy = cycles and self.legacy_among(d, group)
            return (
                self.out_of_reach(d), self.aside(d), uninstalled_model(self._project, d), cycle, against, above, marked, legacy,
                downstream, inner, plain,
                -self.count(d), top_package(d) != home, -self.module_importers(d), not named_folder(d), not named_module(d),
                d[0].path, d[1].line,
            )

        best = min(others, key=key)
        naive = min(others, key=lambda d: key(d, cycles=False))
        level = self.out_of_reach(best)

        def plain(d: Definition) -> tuple:  # the counts, then the reporter's package, then the paths
            return (-self.count(d), top_package(d) != home, not named_folder(d), not named_module(d), d[0].path, d[1].line)

        # Definitions the counts, the package or the paths would have chosen rather than ``best``.
        # (The reporter's own package is a preference among the others, not for the reporter.)
        before = sorted(
            (
                d for d in group
                if d is not best and self.out_of_reach(d) == level
                and (self._naive(d) < self._naive(best) if d is reporter else plain(d) < plain(best))
            ),
            key=plain,
        )
        n = self.count(best)
        if uninstalled_model(self._project, reporter) and not uninstalled_model(self._project, best):
            reason = REASON_INSTALLED  # the reporter's module cannot be loaded where Django runs
        elif naive is not best and self.closes_cycle(naive[0].module, module):
            reason = REASON_NO_CYCLE  # a more imported copy's module loads the reporter's
        elif reporter in before and self.closes_cycle(reporter[0].module, best[0].module):
            # The reporter would be kept, but its module loads best's; when best's loads the
            # reporter's too, neither is the one to keep (pwndbg's aglib and gdblib ELFInfo).
            mutual = self.closes_cycle(best[0].module, reporter[0].module)
            reason = REASON_MUTUAL if mutual else REASON_LOADED_HERE
        elif reporter in before and self.downstream(reporter, [best]):
            # The reporter lies downstream of best's package (all but rarely: say how much).
            return Choice(best, REASON_UPSTREAM, n, layering=self.mostly_downstream(reporter, best))
        elif reporter in before and self.inner(reporter, [best]):
            # The reporter lies in a sub-package of best's package.
            return Choice(best, REASON_ENCLOSING, n, built_on=self._builds_on_enclosing(reporter, best))
        elif reporter in before and self.plain_of_generic(reporter, [best]):
            reason = REASON_GENERIC  # the reporter is a plain copy of a generic class
        elif before and self._most_imported_module(best, group, level):
            return Choice(best, REASON_MODULE_IMPORTED, n, module_importers=self.module_importers(best))
        elif before:
            return Choice(best, REASON_KEPT, n, self._why_not_kept(before[0], reporter, best, group))
        elif n > 0 and all(self.count(d) < n for d in group if d is not best and self.out_of_reach(d) == level):
            reason = REASON_MOST_IMPORTED  # (a tie is decided by the package, then the path)
        elif top_package(best) == home and any(top_package(d) != home for d in others if d is not best):
            reason = REASON_SAME_PACKAGE
        elif self._most_imported_module(best, group, level):
            return Choice(best, REASON_MODULE_IMPORTED, n, module_importers=self.module_importers(best))
        elif named_folder(best) and not any(named_folder(d) for d in group if d is not best):
            reason = REASON_NAMED_HOME
        elif named_module(best) and not any(named_module(d) for d in group if d is not best):
            reason = REASON_NAMED_MODULE
        else:
            reason = REASON_FIRST_BY_PATH
        return Choice(best, reason, n)

    def _builds_on_enclosing(self, reporter: Definition, best: Definition) -> bool:
        """The sub-package the reporter's module lies in, below the package around it that
        holds ``best`` (:meth:`enclosing_package`), imports (when it is loaded) some module
        of that package outside itself; that package's own ``__init__`` aside, which any
        import of the sub-package runs."""
        package = self.enclosing_package(reporter, best)
        module = reporter[0].module or ""
        if package is None or not module.startswith(package + "."):
            return True  # not said otherwise
        sub = f"{package}.{module[len(package) + 1 :].partition('.')[0]}"
        for importer, imported in self._edges.items():
            if importer != sub and not importer.startswith(sub + "."):
                continue
            for target, statements in imported.items():
                inside = target == sub or target.startswith(sub + ".")
                if not inside and target.startswith(package + ".") and any(s.runtime for s in statements):
                    return True
        return False

    def _most_imported_module(self, best: Definition, group: list[Definition], level: int) -> bool:
        """No definition of the group is imported more by name than ``best``, and the
        modules of those imported as much are each imported by fewer modules: the modules'
        importers chose it, and the message can say so of the whole group."""
        n, fan = self.count(best), self.module_importers(best)
        peers = [d for d in group if d is not best and self.out_of_reach(d) == level]
        return fan > 0 and all(self.count(d) < n or (self.count(d) == n and self.module_importers(d) < fan) for d in peers)

    def _why_not_kept(self, other: Definition, reporter: Definition, best: Definition, group: list[Definition]) -> str:
        """Why ``other``, which the counts or the paths would have kept, is not the one kept:
        for the message, "the one kept ({this})"."""
        name = "this copy" if other is reporter else qualname(other)
        count = self.count(other)
        if count > self.count(best):
            why = f"{name} is imported more, by {count} first-party {'module' if count == 1 else 'modules'},"
        elif other is not reporter and top_package(other) == top_package(reporter) != top_package(best):
            why = f"{name} is in this module's top-level package,"
        elif (fan := self.module_importers(other)) > self.module_importers(best):
            why = f"{name}'s module is imported more, by {fan} first-party {'module' if fan == 1 else 'modules'},"
        else:
            why = f"{name} comes first by path,"
        # Said of the kept one when it applies to it, else of another copy.
        group = [best, *(o for o in group if o is not best)]
        loaded = next((o for o in group if o is not other and self.closes_cycle(other[0].module, o[0].module)), None)
        if loaded is not None:
            return f"{why} but its module loads {loaded[0].module}, which could then not import it"
        source = next((o for o in group if o is not other and marked_from(other, o)), None)
        if source is not None:
            said = "copied" if other[1].copied_from == qualname(source) else "adapted"
            return f"{why} but it says it was {said} from {qualname(source)}"
        if self.legacy_among(other, [best]):
            if in_legacy(other[0].path) or legacy_twin(other, best):
                return f"{why} but it is legacy code (kept for the past), and {qualname(best)} is live code's"
            users = self.legacy_importers(other)
            return f"{why} but only legacy code imports its module ({', '.join(users[:3])}{' ...' if len(users) > 3 else ''})"
        upstream = next((o for o in group if o is not other and self.downstream(other, [o])), None)
        if upstream is not None:
            mine, theirs = sides(other[0].module or "", upstream[0].module or "") or ("", "")
            return f"{why} but {mine} imports from {theirs}, never the other way"
        if self.plain_of_generic(other, [best]):
            return f"{why} but it is not generic, and {qualname(best)} is (its users may subscript it)"
        enclosing = next((o for o in group if o is not other and self.inner(other, [o])), None)
        if enclosing is not None:
            return f"{why} but it lies in a sub-package of {self.enclosing_package(other, enclosing)}, which builds on that package"
        if other is not reporter and self.closes_cycle(other[0].module, reporter[0].module):
            return f"{why} but its module loads this one"
        if other is not reporter and self.against(reporter, other) is not None:
            return f"{why} but importing it here would go against the dependencies between the packages"
        return ""


def _enclosing(mine: list[str], theirs: list[str]) -> str | None:
    """The package around ``theirs`` that ``mine`` repeats one sub-package (or more)
    deeper: ``theirs`` is that package followed by a tail, and ``mine`` ends with the same
    tail. None when they are not so."""
    if len(mine) <= len(theirs):
        return None
    k = len(commonprefix([mine, theirs]))
    rest = theirs[k:]
    if not k or not rest or mine[-len(rest):] != rest:
        return None
    return ".".join(theirs[:k])


def is_generic(record: ClassRecord) -> bool:
    """It declares type parameters (``Generic[StateT]`` among its bases): its users may
    subscript it (``CheckpointPayload[StateT]``), which a namesake that is not generic
    cannot take, while a plain copy's users can take the generic one unsubscripted."""
    return any(base.rpartition(".")[2] == "Generic" for base in record.bases)


def is_test_case(project: Project, module: str, record: ClassRecord) -> bool:
    """A test the runner collects: a class with ``test*`` methods that reaches, through
    any first-party bases, a test framework's case (``unittest.TestCase``,
    ``django.test.TestCase``, ``absltest.TestCase``: an external class named
    ``*TestCase`` in a module whose dotted name has a word of testing in it). Projects that
    keep each module's tests in the module (music21's ``class Test(unittest.TestCase)`` at
    the end of every module, each reading its own module's ``globals()``) hold one such
    class per module by design: each tests its module, none is a concept to import. A
    shared base test case without test methods of its own is not one of these."""
    if not record.test_methods or not record.bases:
        return False
    _, external = project.ancestors(module, record)
    return any(_framework_test_case(name) for name in external)


def _framework_test_case(dotted: str) -> bool:
    head, _, last = dotted.rpartition(".")
    return last.endswith("TestCase") and any("test" in part.lower() for part in head.split("."))


def is_interface(project: Project, module: str, record: ClassRecord, _seen: frozenset[tuple[str, int]] = frozenset()) -> bool:
    """A Protocol, an ABC whose methods are all abstract, or a class whose own body only
    declares (docstring, ``pass``, ``...``, annotations, abstract methods) and whose bases
    are all interfaces (transitively through first-party bases)."""
    if record.kind in (KIND_PROTOCOL, KIND_ABSTRACT):
        return True
    if not record.interface_body or not record.bases:
        return False
    seen = _seen | {(module, record.line)}
    for base in record.bases:
        target = project.resolve(module, base)
        if isinstance(target, ClassRef):
            if (target.module, target.record.line) in seen:
                return False
            if not is_interface(project, target.module, target.record, seen):
                return False
        elif target is None or target.rpartition(".")[2] not in NEUTRAL_BASES:
            return False
    return True


def _unknown_base(project: Project, module: str, base: str) -> str:
    """A base the model cannot resolve to a class, named after the first-party module
    whose own statement binds its head (``app.Task`` after ``from pkg.celeryapp import
    app``, where ``app = Celery(...)``: ``?pkg.celeryapp:app.Task``): two modules that
    import one object extend the same thing (onadata's two ``AutoRetryTask(app.Task)``)."""
    head, dot, rest = base.partition(".")
    origin = (module, head)
    seen = {origin}
    while True:
        binding = project.bindings(origin[0]).get(origin[1])
        if binding is None or binding.kind != "from":
            break
        source, _, name = binding.target.partition(":")
        if f"{source}.{name}" in project.modules:
            # A module (`sqltypes.JSON.JSONPathType`, a class nested in its class): what the
            # model cannot resolve there stays each importer's own reading.
            origin = (module, head)
            break
        if source not in project.modules or (source, name) in seen:
            break
        origin = (source, name)
        seen.add(origin)
    return f"?{origin[0]}:{origin[1]}{dot}{rest}"


def _library_star(project: Project, module: str) -> str | None:
    """The module of the one star import ``module`` makes at its top level, when that is
    a library's (not first-party) and the module makes no other star import."""
    f = project.modules.get(module)
    if f is None:
        return None
    sources = {
        absolute for rec, absolute in zip(f.summary.imports, f.absolutes)
        if rec.is_from and absolute is not None and not rec.context & CTX_FUNCTION and any(n == "*" for n, _ in rec.names)
    }
    if len(sources) != 1:
        return None
    (source,) = sources
    return None if project.is_first_party(source) else source


def role(project: Project, d: Definition) -> frozenset[str]:
    """The role a class plays: what it directly extends (a first-party class, or an
    external base such as ``django.db.models.Model``), without bases that say nothing
    (``object``, ``Generic``) and, when there are others, without ``*Mixin`` bases. A model
    and its form, or an image action and a document action, extend different things;
    ``typing_extensions.TypedDict`` and ``typing.TypedDict`` the same one."""
    module = d[0].module or ""
    found: set[str] = set()
    for base in d[1].bases:
        target = project.resolve(module, base)
        name = target.qualname if isinstance(target, ClassRef) else (target or _unknown_base(project, module, base))
        if name == base and "." not in base and base not in project.bindings(module) and not hasattr(builtins, base):
            # Bound by the one star import of a library the module makes (gem5's
            # `from m5.objects import *` before `class TriggerMessageBuffer(MessageBuffer)`):
            # the library's class, as `from m5.objects import MessageBuffer` names it.
            star = _library_star(project, module)
            name = f"{star}.{base}" if star is not None else name
        if name.startswith("typing_extensions."):
            name = "typing." + name[len("typing_extensions."):]  # the backport is the same base
        if name.rpartition(".")[2] not in NEUTRAL_BASES:
            found.add(name)
    # A library's decorator that makes the class one of its types says what it is, as a
    # base does (see :func:`library_decorators`).
    found.update("@" + name for name in library_decorators(project, d))
    # A mixin adds a capability; the other bases say what the class is.
    primary = {name for name in found if not name.endswith("Mixin")}
    return frozenset(primary or found)


def library_decorators(project: Project, d: Definition) -> list[str]:
    """The decorators of ``d`` that make it one of an outside library's types, as dotted
    names (strawberry's ``@strawberry.type`` and ``@strawberry.enum``: a GraphQL type
    projecting the ``@dataclass`` or the enum of the domain beside it); not the data-shape
    kind (``@dataclass``, attrs, ``@total_ordering``: see :data:`PLAIN_DECORATORS`), nor
    the project's own decorators."""
    module = d[0].module or ""
    found = []
    for decorator in d[1].decorators:
        if decorator in PLAIN_DECORATORS:
            continue
        target = project.resolve(module, decorator)
        if (
            isinstance(target, str) and "." in target and target not in PLAIN_DECORATORS
            and target not in _SHAPE_DECORATORS and not project.is_first_party(target)
        ):
            found.append(target)
    return found


def is_ancestor(project: Project, d: Definition, other: Definition) -> bool:
    """``other`` is one of ``d``'s first-party ancestors."""
    first_party, _ = project.ancestors(d[0].module or "", d[1])
    module, record = other[0].module, other[1]
    return any(r.module == module and r.record.line == record.line and r.record.name == record.name for r in first_party)


def duplicates_affected(change: Change, since: Since) -> frozenset[str]:
    """The class names whose SSOT001 and SSOT006 findings may differ from the previous
    tree's (the others' stand); with one a concept names, all the names it names.

    The findings of a class name read, for that name (defined in more than one module, or
    named by a concept): its definitions (members, and bases resolved through the modules
    that define or re-export them), who imports it by name (resolved through re-exports),
    the defining files' roles, and which defining module loads another. A resolution
    follows a chain of modules each binding the name (``from b import Base``, an alias, a
    star import); when a module of the chain changes, the one before it imports a changed
    module, so the change reaches it directly, and it binds one of those names. So a name's
    findings stand when no file the change reaches directly defines, imports by name or
    aliases it or one of its definitions' bases' names (nor defines one name twice), before
    or after; a defining module whose imports lead to a changed one then loads the same
    modules too. Which of a name's definitions is kept also reads which defining module
    loads which (:meth:`Chooser.ranked`), through any number of modules: that stands when
    no defining module imports other modules at run time than in ``since``'s graph, nor
    reaches one that does (a new path leaves the old graph at such a module; a lost one ran
    through one). A rule whose findings of one name read another name's definitions must
    read them through the definitions' modules or bases, which this accounts for. Which copy
    is kept also reads which way dependencies go between the packages of two definitions
    (:func:`_direction_readers`). Which way SSOT001 advises between two modules reads every
    name both define (it never tells two modules to import from each other), so those names
    are made again with any of them. When no copy is imported more by name, the one kept is
    in the module more modules import (:meth:`Chooser.module_importers`): a name defined by
    a module that a changed module starts or stops importing is made again too. Whether a
    class is configured at run time reads the files that set its fields
    (:func:`ssotlint.rules.state_holders.configuring_readers`)."""
    names = set(
        change.answer(_names_read) | _definers_reaching(change, since) | _direction_readers(change, since)
        | change.answer(_importers_changed) | _unit_readers(change, since) | change.answer(_snapshot_readers)
        | change.answer(_program_readers) | change.answer(_copy_readers) | change.answer(_unasync_readers)
        | change.answer(_series_readers)
        | change.answer(_loader_readers) | change.answer(_dotted_readers) | change.answer(_tooling_readers)
        | change.answer(_fallback_readers) | change.answer(_loose_readers) | change.answer(configuring_readers)
        | (change.before.plugin_names ^ change.project.plugin_names)  # a plugin protocol's names (Project.plugin_names)
        | _alternative_readers(change) | change.answer(_independent_readers)
    )
    if change.project.advice:  # the direction of advice is wording; a history counts findings only
        names |= _sharing_modules(change, names)
    concepts = change.project.config.concepts
    if concepts and names:
        named = {n for ns in change.answer(_shared_definers).values() for n in ns}
        for concept in concepts:
            chosen = concept.select(named | names)
            if not chosen.isdisjoint(names):
                names.update(chosen)  # a concept reports its names together
    return frozenset(names)


def _loose_readers(change: Change) -> frozenset[str]:
    """The shared class names defined in a package that became, or stopped being, loaded
    by path (:func:`~ssotlint.rules.loose.loose_packages`: an import statement now names it,
    or it gained its own version): its copies are now, or no longer, apart from another
    such package's."""
    before = change.project.earlier(loose_packages)  # the model of the tree before, when it had them
    if before is None:
        before = packages_loaded_by_path([f for f, _ in change.before.files.values()], change.before.modules)
    moved = before ^ loose_packages(change.project)
    if not moved:
        return frozenset()
    return frozenset(
        name for module, names in change.answer(_shared_definers).items()
        if any(p in moved for p in prefixes(module)) for name in names
    )


def _independent_readers(change: Change) -> frozenset[str]:
    """The shared class names defined in more than one top-level folder, when the
    repository became, or stopped being, a collection of independent projects
    (:func:`~ssotlint.rules.independent.independent_projects`: a module at the top, or an
    import of one folder's code from another, decides it): copies in two of its projects
    are now, or no longer, apart. When the tree before was not read so, all of them."""
    project = change.project
    now = independent_projects(project)
    if project.earlier(independent_projects) == now:
        return frozenset()
    return _defined_in_several(change, top_folder)


def _defined_in_several(change: Change, place: Callable[[str], str]) -> frozenset[str]:
    """The shared class names whose defining modules lie in more than one ``place`` (of
    their paths): a top-level folder, a deployment unit."""
    by_name: dict[str, set[str]] = defaultdict(set)
    for module, names in change.answer(_shared_definers).items():
        f = change.project.modules.get(module)
        if f is not None:
            for name in names:
                by_name[name].add(place(f.path))
    return frozenset(name for name, places in by_name.items() if len(places) > 1)


def _fallback_readers(change: Change) -> frozenset[str]:
    """The shared names defined by a module that became, or stopped being, a fallback
    (:attr:`Project.fallback_modules`: loaded only by ``except ImportError`` handlers):
    its classes stop, or start, being candidates."""
    if not change.edges_changed:
        return frozenset()
    before = fallback_modules(change.before.edges, change.before.modules)
    moved = before ^ change.project.fallback_modules
    if not moved:
        return frozenset()
    definers = change.answer(_shared_definers)
    return frozenset(name for m in moved for name in definers.get(m, ()))


def _tooling_readers(change: Change) -> frozenset[str]:
    """The shared names defined in a folder named like tooling inside a product package
    that product code starts or stops importing (:meth:`Chooser._product_tooling`): their
    copies there are ranked as the product's, or as tooling, from now on."""
    definers = change.answer(_shared_definers)
    folders = {m: folder for m in definers if (f := change.project.modules.get(m)) is not None and (folder := tooling_package(f))}
    if not folders or not change.edges_changed:
        return frozenset()
    before = _product_imported(change.before.files.values(), change.before.edges)
    after = product_imported(change.project)
    return frozenset(
        name for m, folder in folders.items() if (folder in before) != (folder in after) for name in definers[m]
    )


def _dotted_readers(change: Change) -> frozenset[str]:
    """The class names a changed or removed file spells as dotted paths in strings
    (``FileSummary.dotted_refs``), before or after the change: each counts as an import of
    the copy it names."""
    old = change.before.files
    found: set[str] = set()
    for f in change.project.files:
        if f.path in change.changed_paths:
            found.update(r.rpartition(".")[2] for r in f.summary.dotted_refs)
            was = old.get(f.path)
            if was is not None:
                found.update(r.rpartition(".")[2] for r in was[0].summary.dotted_refs)
    for f in change.removed:
        found.update(r.rpartition(".")[2] for r in f.summary.dotted_refs)
    return frozenset(found)


def _importers_changed(change: Change) -> frozenset[str]:
    """The shared class names defined by a module that a production module imports now and
    did not before, or the other way (its imports changed, or it is judged test code
    differently): that module's count of importers changed."""
    before, project = change.before, change.project
    definers = change.answer(_shared_definers)
    candidates = set(change.edges_changed)
    candidates.update(f.module for f in project.files if f.module and f.path in change.changed_paths)
    found: set[str] = set()
    for module in candidates:
        old_file, new_file = before.modules.get(module), project.modules.get(module)
        was = old_file is not None and not before.files[old_file.path][1]
        now = new_file is not None and not new_file.is_test
        old = before.edges.get(module) or {} if was else {}
        new = project.import_edges.get(module) or {} if now else {}
        for target in old.keys() ^ new.keys():
            found |= definers.get(target, set())
    return frozenset(found)


def _sharing_modules(change: Change, names: set[str]) -> set[str]:
    """The other shared names two defining modules of one of ``names`` both define: which
    way SSOT001 advises between two modules reads every name they share (two modules are
    never told to import from each other), so their findings are made again together."""
    if not names:
        return set()
    definers = change.answer(_shared_definers)
    modules: dict[str, list[str]] = defaultdict(list)  # name -> its defining modules
    for module, defined in definers.items():
        for name in defined & names:
            modules[name].append(module)
    found: set[str] = set()
    for ms in modules.values():
        for i, one in enumerate(ms):
            for other in ms[i + 1 :]:
                found |= definers[one] & definers[other]
    return found - names


def _definers_reaching(change: Change, since: Since) -> frozenset[str]:
    """The shared class names one of whose defining modules (or their packages, which
    importing it runs first) is, or reaches through ``since``'s graph, a module whose
    run-time imports changed since."""
    if not since.runtime:
        return frozenset()
    definers = change.answer(_shared_definers)
    mask = since.reach.mask(since.runtime)
    runtime = since.runtime
    reaching = {m for m in definers if any(p in runtime for p in prefixes(m)) or since.reach.reaches_any(m, mask)}
    return frozenset(name for m in reaching for name in definers[m])


def _direction_readers(change: Change, since: Since) -> frozenset[str]:
    """The shared class names whose advice reads which way two of their definitions'
    packages import each other (:meth:`Chooser.against`, :meth:`Chooser.downstream`): the
    packages ``P`` and ``Q`` where two definitions' dotted paths part. That fact changes only
    when a module inside ``P`` or ``Q`` changes its run-time imports, that is a module that
    shares more of its path with one definition than the two definitions share."""
    if not since.runtime:
        return frozenset()
    by_name: dict[str, list[list[str]]] = defaultdict(list)
    for module, names in change.answer(_shared_definers).items():
        for name in names:
            by_name[name].append(module.split("."))
    changed = [m.split(".") for m in since.runtime]
    found: set[str] = set()
    for name, modules in by_name.items():
        for i, a in enumerate(modules):
            parting = min((_common(a, b) for j, b in enumerate(modules) if j != i), default=len(a))
            if any(_common(a, c) > parting for c in changed):
                found.add(name)
                break
    return frozenset(found)


def _snapshot_readers(change: Change) -> frozenset[str]:
    """The shared class names defined by a module that a changed file imports, before or
    now, when that file became or stopped being a migration: whether a module is a
    migration's frozen snapshot (:func:`~ssotlint.rules.apart.migration_snapshots`) reads
    whether all its importers are migrations."""
    before, project = change.before, change.project
    definers = change.answer(_shared_definers)
    found: set[str] = set()
    for f in project.files:
        old = before.files.get(f.path)
        if f.path not in change.changed_paths or old is None or f.module is None:
            continue
        earlier = old[0].summary
        if is_migration(f.path, f.summary.assigned, f.summary.attribute_reads) == is_migration(
            old[0].path, earlier.assigned, earlier.attribute_reads
        ):
            continue
        for target in {*(before.edges.get(f.module) or {}), *(project.import_edges.get(f.module) or {})}:
            found |= definers.get(target, set())
    # The snapshots are what only migrations reach, through any number of modules: a module
    # starting to import one far from the changed files takes it, and what it imports, out
    # (and a file judged test code or not anew changes what counts as an importer).
    from ssotlint.rules.apart import model_snapshots, snapshot_modules  # apart imports this module

    def was_migration(module: str) -> bool:
        f = before.modules.get(module)
        return f is not None and is_migration(f.path, f.summary.assigned, f.summary.attribute_reads)

    def was_test(module: str) -> bool:
        f = before.modules.get(module)
        return f is not None and before.files.get(f.path, (f, False))[1]

    earlier = project.earlier(snapshot_modules)
    if not isinstance(earlier, frozenset):
        earlier = snapshot_modules(before.edges, was_migration, was_test)
    moved = earlier ^ model_snapshots(project)
    for module in moved:
        found |= definers.get(module, set())
    return frozenset(found)


def _alternative_readers(change: Change) -> frozenset[str]:
    """The shared class names defined by a module whose alternatives (``Project.alternatives``:
    the modules the other branches of an ``if`` that imports it import) changed: whether two
    definitions are each their backend's own reads them."""
    before, now = change.before.alternatives, change.project.alternatives
    if before == now:
        return frozenset()
    moved = {m for m in set(before) | set(now) if before.get(m) != now.get(m)}
    return frozenset(n for module, names in change.answer(_shared_definers).items() if module in moved for n in names)


def _loader_readers(change: Change) -> frozenset[str]:
    """The shared class names defined by a module a computed-name import can load
    (:meth:`Project.loaded_by_name_as`) when the literal starts of such names changed:
    whether two such modules are alternatives (``Apart.loaded_alone``) reads them."""
    before, project = change.before.loaded_by_name, change.project.loaded_by_name
    if before == project:
        return frozenset()
    starts = tuple(before ^ project)
    return frozenset(
        name for module, names in change.answer(_shared_definers).items() if module.startswith(starts) for name in names
    )


def _unit_readers(change: Change, since: Since) -> frozenset[str]:
    """The shared class names defined in more than one deployment unit (``Config.units``):
    whether two units are apart reads which units' production modules import which at run
    time (:class:`~ssotlint.rules.apart.Units`), so those names are made again whenever a
    module's run-time imports change, or a file is judged test code differently."""
    project = change.project
    folders = frozenset(u.folder for u in project.config.units)
    if len(folders) < 2:
        return frozenset()
    if not since.runtime and not any(
        (old := change.before.files.get(f.path)) is not None and old[1] != f.is_test for f in project.files
    ):
        return frozenset()
    return _defined_in_several(change, partial(unit_of, folders))


def _program_readers(change: Change) -> frozenset[str]:
    """The shared class names defined in a folder that became a program of its own, or
    stopped being one, or whose scripts now import other names from beside them
    (:func:`~ssotlint.rules.units.program_folders`): whether two copies lie in two programs
    apart reads the scripts' imports, not the files that define them."""
    project = change.project
    roots = set(project.source_roots)
    now = model_programs(project)
    before = project.earlier(model_programs)  # the model of the tree before, when it had them
    if before is None:
        before = program_folders(((path, f.summary) for path, (f, _) in change.before.files.items()), roots)
    moved = {folder for folder in now.keys() | before.keys() if now.get(folder) != before.get(folder)}
    if not moved:
        return frozenset()
    inside = tuple(folder + "/" for folder in moved)
    found: set[str] = set()
    for module, names in change.answer(_shared_definers).items():
        f = project.modules.get(module)
        if f is not None and f.path.startswith(inside):
            found |= names
    return frozenset(found)


def _series_readers(change: Change) -> frozenset[str]:
    """The shared class names defined below two sibling parts that became, or stopped
    being, whole copies of each other when files were added or removed
    (:func:`~ssotlint.rules.copies.whole_copies`: versions of one package, each keeping its
    own classes): whether two parts are is read off the paths below both, not the files
    that define the names."""
    from ssotlint.rules.copies import part_places, whole_copies  # copies imports this module

    now = {f.path for f in change.project.files}
    before = set(change.before.files)
    moved = now ^ before
    if not moved:
        return frozenset()
    # The folders above a moved path, each a part of its parent folder's layout: below each
    # parent, every child folder's module paths in both trees, in one pass over each tree.
    parts_of: dict[str, set[str]] = defaultdict(set)
    for path in moved:
        folders = path.split("/")[:-1]
        for i in range(len(folders)):
            parts_of["/".join(folders[:i])].add("/".join(folders[: i + 1]))
    below: dict[str, tuple[set[str], set[str]]] = {}
    for index, tree in enumerate((before, now)):
        for path in tree:
            pieces = path.split("/")
            if pieces[-1] == "__init__.py":
                continue
            for i in range(len(pieces) - 1):
                if "/".join(pieces[:i]) in parts_of:
                    below.setdefault("/".join(pieces[: i + 1]), (set(), set()))[index].add("/".join(pieces[i + 1:]))
    flipped: set[str] = set()
    empty: tuple[set[str], set[str]] = (set(), set())
    for parent, parts in parts_of.items():
        siblings = [c for c in below if c.rpartition("/")[0] == parent] if parent else [c for c in below if "/" not in c]
        places = {c: tuple(part_places(paths, c.rpartition("/")[2]) for paths in below.get(c, empty)) for c in {*siblings, *parts}}
        for part in parts:
            (old, new) = places[part]
            for sibling in siblings:
                if sibling != part and whole_copies(old, places[sibling][0]) != whole_copies(new, places[sibling][1]):
                    flipped.update((part, sibling))
    if not flipped:
        return frozenset()
    folders = tuple(f"{part}/" for part in flipped)
    modules = change.project.modules
    return frozenset(
        name for module, names in change.answer(_shared_definers).items()
        if (f := modules.get(module)) is not None and f.path.startswith(folders) for name in names
    )


def _copy_readers(change: Change) -> frozenset[str]:
    """The shared class names defined in a file the project's own code writes from another,
    or in such a source, when which files are so written changed
    (:func:`~ssotlint.rules.generators.written_copies`): a copy and its source are apart,
    and the relation reads the writer's text, not the files that define the names."""
    return _relation_readers(change, lambda s: bool(s.written_files), written_copies)


def _unasync_readers(change: Change) -> frozenset[str]:
    """The same for the files an ``unasync.Rule`` writes from others
    (:func:`~ssotlint.rules.generators.unasync_written`): the relation reads the
    generator's rules."""
    return _relation_readers(change, lambda s: bool(s.unasync_rules), unasync_written)


def _relation_readers(
    change: Change,
    has: Callable[[FileSummary], bool],
    relation: Callable[[Iterable[tuple[str, FileSummary, bool]]], Mapping[str, "str | frozenset[str]"]],
) -> frozenset[str]:
    """The shared class names defined in a file whose sources under ``relation`` (generated
    path -> source path or paths, read off files whose summaries ``has`` the facts) differ
    between the two trees, or in one of those sources."""
    project = change.project
    if not any(has(f.summary) for f in project.files) and not any(
        has(old.summary) for old, _ in change.before.files.values()
    ):
        return frozenset()
    now = relation((f.path, f.summary, f.is_test) for f in project.files)
    before = relation((path, old.summary, test) for path, (old, test) in change.before.files.items())
    moved: set[str] = set()
    for target in now.keys() | before.keys():
        if now.get(target) != before.get(target):
            moved.add(target)
            for sources in (now.get(target), before.get(target)):
                moved.update((sources,) if isinstance(sources, str) else sources or ())
    if not moved:
        return frozenset()
    found: set[str] = set()
    for module, names in change.answer(_shared_definers).items():
        f = project.modules.get(module)
        if f is not None and f.path in moved:
            found |= names
    return frozenset(found)


def _common(a: list[str], b: list[str]) -> int:
    """How many leading parts two dotted paths share."""
    k = 0
    while k < len(a) and k < len(b) and a[k] == b[k]:
        k += 1
    return k


def _shared_definers(change: Change) -> dict[str, set[str]]:
    """Production module -> the top-level class names it defines that another production
    module's top-level class has, or a concept names (in this tree)."""
    defined = change.answer(_production_classes_by_name)
    named = set().union(*(c.select(list(defined)) for c in change.project.config.concepts))
    definers: dict[str, set[str]] = defaultdict(set)
    for name, ds in defined.items():
        modules = {f.module for f, _ in ds if f.module is not None}
        if len(modules) > 1 or name in named:
            for m in modules:
                definers[m].add(name)
    return definers


def _production_classes_by_name(change: Change) -> dict[str, list[tuple[SourceFile, ClassRecord]]]:
    """Class name -> the top-level classes of that name in production files (this tree)."""
    defined: dict[str, list[tuple[SourceFile, ClassRecord]]] = defaultdict(list)
    for f in change.project.production_files():
        for c in f.summary.classes:
            if c.top_level:
                defined[c.name].append((f, c))
    return defined


def _names_read(change: Change) -> frozenset[str]:
    """See :func:`duplicates_affected`, without the reachability. Only production code
    counts: both rules judge production classes, and count production importers."""
    project = change.project
    defined = change.answer(_production_classes_by_name)
    before = Counter({name: len({f.path for f, _ in ds}) for name, ds in defined.items()})  # as it was
    for f in project.files:
        if f.path in change.changed_paths:
            old = change.before.files.get(f.path)
            if not f.is_test:
                before.subtract(_class_names(f))
            if old is not None and not old[1]:
                before.update(_class_names(old[0]))
    for f in change.removed:
        if not change.before.files[f.path][1]:
            before.update(_class_names(f))
    read: set[str] = set()  # what the production files the change reaches directly define and bind
    twice: set[str] = set()  # names a module defines twice
    now = {f.path: f for f in project.files}
    for f, is_test in change.versions(closure=False):
        if is_test:
            continue
        if f.path not in change.changed_paths and now.get(f.path) is f:
            read.update(_names_through_touched(change, f))  # itself as it was: what it imports is not
            continue
        names = [c.name for c in f.summary.classes if c.top_level]
        twice.update(n for n in names if names.count(n) > 1)
        read.update(names)
        read.update(_names_bound(change, f, now))
    concepts = project.config.concepts
    named = set().union(*(c.select([*defined, *read]) for c in concepts))  # all reported
    shared = {n for n, ds in defined.items() if len({f.path for f, _ in ds}) > 1 or n in named}
    shared |= {n for n in read if before[n] > 1 or n in named}
    affected = (read & shared) | twice
    for name in shared - affected:
        bases: set[str] = set()  # the names of its definitions' bases, all the way up
        for f, c in defined.get(name, ()):
            bases.update(last_part(b) for b in c.bases)
            # A decorator may make it a library's type (see library_decorators), read
            # through what its module binds to the decorator's head.
            bases.update(n for dec in c.decorators for n in (dec.partition(".")[0], last_part(dec)))
            if f.module is not None:
                for ref in project.ancestors(f.module, c)[0]:
                    bases.add(ref.record.name)
                    bases.update(last_part(b) for b in ref.record.bases)
                for model in bound_models(project, f, c):
                    # The classes it is bound to (an admin's ``model = Rating``) decide
                    # whether two copies are each their own application's (django_tables).
                    bases.add(model.record.name)
                    bases.update(ref.record.name for ref in project.ancestors(model.module, model.record)[0])
        if not read.isdisjoint(bases):
            affected.add(name)
    return frozenset(affected)


def _names_bound(change: Change, f: SourceFile, now: dict[str, SourceFile]) -> set[str]:
    """The names ``f``'s from-imports and aliases bind that may be read differently now:
    all of them when the change reaches ``f`` through its imports, or ``f`` is new, gone or
    judged test code differently; else only those of statements that differ between its
    two versions (an edited body leaves what the others bind as it was)."""
    if now.get(f.path) is f:
        earlier = change.before.files.get(f.path)
        other = earlier[0] if earlier is not None and earlier[1] == f.is_test else None
    else:
        current = now.get(f.path)
        other = current if current is not None and change.before.files[f.path][1] == current.is_test else None
    mine = _bindings_written(f)
    if other is None or f.path in change.reached or other.module != f.module:
        return {name for _, name in mine}
    return {name for _, name in mine ^ _bindings_written(other)}


def _names_through_touched(change: Change, f: SourceFile) -> set[str]:
    """What an unchanged file the change reaches reads differently: the names it binds from
    the modules the change touched, the bases written through one of them, and its own
    classes (its module now loads what a touched module loads). All its names when it
    star-imports a touched module."""
    touched = change.touched
    bound: set[str] = set()
    heads: set[str] = set()  # names bound to touched modules themselves (`import a.b`, `from a import b`)
    for rec, absolute in zip(f.summary.imports, f.absolutes):
        if absolute is None:
            continue
        if not rec.is_from:
            if any(p in touched for p in prefixes(absolute)):
                heads.add(rec.asname or absolute.partition(".")[0])
            continue
        for name, asname in rec.names:
            if name == "*" and absolute in touched:
                return _all_names(f)
            if absolute in touched or f"{absolute}.{name}" in touched:
                bound.update((name, asname or name))
    names = bound | heads

    def through(dotted: str) -> bool:  # read through a name bound from a touched module, or by its path
        return _head(dotted) in names or any(p in touched for p in prefixes(dotted))

    aliases = {name for name, value in f.summary.aliases if through(value)}
    names |= aliases
    found = bound | aliases
    found.update(c.name for c in f.summary.classes if c.top_level)
    found.update(last_part(b) for c in f.summary.classes for b in c.bases if through(b))
    return found


def _all_names(f: SourceFile) -> set[str]:
    names = {c.name for c in f.summary.classes if c.top_level}
    names.update(bound for rec in f.summary.imports if rec.is_from for pair in rec.names for bound in pair if bound)
    names.update(name for name, _ in f.summary.aliases)
    return names


def _head(dotted: str) -> str:
    return dotted.partition(".")[0]


def _bindings_written(f: SourceFile) -> set[tuple[object, str]]:
    """``(where from, name)`` of each from-imported name and alias, as written."""
    found: set[tuple[object, str]] = {
        ((rec.level, rec.module, rec.context, asname), n) for rec in f.summary.imports if rec.is_from for n, asname in rec.names
    }
    found.update((value, name) for name, value in f.summary.aliases)
    return found


def _class_names(f: SourceFile) -> set[str]:
    return {c.name for c in f.summary.classes if c.top_level}
