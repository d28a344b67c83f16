"""Same-named definitions that are each their own by design, for SSOT001 and SSOT006 alike.

Both rules ask the same question of two files before calling two same-named classes one
thing defined twice, so they ask it here, in one place:

- two self-contained files (documentation listings, example and sample scripts: see
  :func:`~ssotlint.discover.roles.is_self_contained`), each written to be read or run on
  its own; and a documentation listing that imports nothing of the project and any other
  file (:meth:`Apart.standalone_listing`);
- two vendored third-party distributions' files, kept as released; two modules of one
  library copied in whole under the project's code, each stamped with its release
  (:func:`released_copy`: PLY's ``lex.py`` and ``yacc.py`` under ``app/parsers/ply/``);
- two deployment units that cannot import each other and keep their copies by design
  (:meth:`~ssotlint.rules.units.Units.own_copies`): two analyzer folders, each built into
  its own image from its own ``requirements.txt``, importing no first-party code in
  common; a standalone client distribution that imports its server only for an optional
  extra and mirrors its schemas. (Two distributions apart that never import each other
  are reported, told that neither requires the other: see
  :meth:`~ssotlint.rules.definitions.Chooser.import_advice`.)
- two plugins of one host of the repository, each found by its entry points (toga's
  per-platform backends: :meth:`~ssotlint.rules.units.Units.alternatives`);
- two alternatives code loads by a computed name, one at a time, that no import statement
  names (msgspec's ``bench_{library}`` benchmarks: :meth:`Apart.loaded_alone`);
- two packages, each versioned on its own, that lie below folders that are no packages and
  that no import statement names (:func:`~ssotlint.rules.loose.loose_packages`: OpenPype's server add-ons,
  ``server_addon/<name>/server/`` each with its own ``version.py``, importing only their own
  modules relatively): each is zipped and loaded by path on its own, so neither can import
  the other's class by any name;
- two programs each run from its own folder with a package of one name beside its script
  (cuckoo's per-OS analyzers, each with its own ``lib``:
  :meth:`~ssotlint.rules.units.Units.programs_apart`);
- a hand-written public layer over a private generated one: a generated file inside a
  private package (``azure/ai/ml/_restclient/``, ``sdk/_generated/``: a folder whose name
  starts with ``_``) and a hand-written file outside that package. An SDK keeps its public
  surface (``azure.ai.ml.constants``) apart from the regenerated transport layer it converts
  to and from, on purpose: the public enum is not told to import the private generated one.

- the same module of two trees that mirror each other file for file and never import
  each other (:class:`~ssotlint.rules.mirrors.MirrorTrees`: kubernetes' asyncio client
  ``kubernetes/aio/`` beside ``kubernetes/``): each backend keeps its own copies;

- two test modules outside the tests (:func:`is_test_module`: they import ``pytest`` and
  hold tests, run by giving pytest their paths: a pytest-codspeed ``benchmarks/`` folder):
  each test's own parameter classes;

- a stand-in and a module that is not one (:func:`~ssotlint.discover.roles.is_stand_in`: a
  module or folder named as a dummy, fake, mock or stub, such as roundup's
  ``TAL/DummyEngine.py``): the stand-in names its classes as the real ones so that code can
  take either, and each hands out its own (the dummy engine's ``CompilerError``);

- a test helper outside the tests (:func:`is_test_helper`: it imports ``pytest`` when it
  is imported) and a module that is not one: the helper's classes are the tests' own.

A class marked ``@deprecated`` (:func:`is_deprecated`) is neither half of a duplicate: it
is kept as it was until it is removed.

- a module scaffolded from a template (:attr:`~ssotlint.extract.summary.FileSummary.scaffolded`:
  a header naming the scaffold, ``# LocalStack Resource Provider Scaffolding v2``) and any
  other: the scaffold filled in its types from its own resource's spec (each resource
  provider's ``Tag``), so it neither copies nor is copied;
- a module a first-party generator writes one per service
  (:func:`~ssotlint.rules.generators.per_service_outputs`) and another such module, a
  scaffolded module, or a hand-written module of another service: each spec's shapes
  are its own (an EC2 key pair does not import its ``Tag`` from S3 Control's API);
- a generated module and the Python file its header says it was generated from
  (:attr:`~ssotlint.extract.summary.FileSummary.generated_from`: transformers'
  ``modeling_x.py``, "automatically generated from .../modular_x.py"): the converter
  repeats the source's classes in its output by design, and the source is where they are
  edited.

A generated file (:attr:`~ssotlint.extract.summary.FileSummary.generated`) is never told
to change (:func:`never_edited`): a generator writes each module whole, and writes it
again at its next run, so what two generated files share is its business. A hand-written
copy of a generated class is still a copy, told to import the generated one (the
:class:`~ssotlint.rules.definitions.Chooser` keeps a generated definition first), unless
the generated one is a private layer's (above).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from fnmatch import fnmatchcase

from collections.abc import Callable, Mapping
from functools import partial
from posixpath import normpath

from ssotlint.discover.roles import SAMPLE_FOLDERS, in_samples, is_documentation, is_migration, is_product, is_self_contained, is_stand_in
from ssotlint.extract.summary import ClassRecord
from ssotlint.model.changes import prefixes
from ssotlint.model.project import Project, SourceFile, holds_tests, imports_pytest, is_script
from ssotlint.rules.copies import constants_table
from ssotlint.rules.definitions import Definition, from_fragment, is_vendored
from ssotlint.rules.loose import loose_packages
from ssotlint.rules.generators import generator_sources, per_service_apart, per_service_outputs, unasync_outputs
from ssotlint.rules.independent import independent_projects, top_folder
from ssotlint.rules.mirrors import MirrorTrees
from ssotlint.rules.units import Units, runs_as_program

# Folders of a benchmark suite's programs.
_BENCHMARK_FOLDERS = frozenset({"benchmark", "benchmarks", "benchmarking"})


def shadowed_modules(project: Project) -> frozenset[str]:
    """The paths of modules a package of the same name beside them hides (horilla's
    ``recruitment/views.py`` beside ``recruitment/views/__init__.py``; pyNastran's
    ``cards/aero.py`` beside ``cards/aero/``): the import system takes the package, so the
    module's imports never run and its classes are never defined, unless it is run as a
    program.
    Once per model."""
    return project.shared(shadowed_modules, partial(_shadowed_modules, project))


def _shadowed_modules(project: Project) -> frozenset[str]:
    packages = {f.path[: -len("/__init__.py")] for f in project.files if f.path.endswith("/__init__.py")}
    return frozenset(
        f.path for f in project.files
        if f.path.endswith(".py") and not f.path.endswith("/__init__.py") and f.path[:-3] in packages and not is_script(f)
    )


def read_as_data(project: Project) -> frozenset[str]:
    """The paths of the ``.py`` files that the project's production code reads as text or
    bytes by a literal path and that no first-party import names: data the program reads,
    not modules. A server shipping a payload script to another runtime (``(DIR /
    "data/agent/agent.py").read_text()``: no definition of theirs is a copy of a module's),
    or a generator pasting a template's source into the module it writes (SSOT003's
    ``read_as_text``). The literal is read from the reader's folder, from the repository's
    top, or, when it names a folder too, as the end of the file's path (a path joined onto
    an install folder computed at run time). Once per model."""
    return project.shared(read_as_data, partial(_read_as_data, project))


def _read_as_data(project: Project) -> frozenset[str]:
    # Production readers only: a test that reads its module's source to assert on the text
    # says nothing of what the module is.
    reads = [(f, literal) for f in project.files if not f.is_test for literal in f.summary.read_files]
    if not reads:
        return frozenset()
    readers: dict[str, set[str]] = {}  # path read -> the paths of its readers
    tails: set[str] = set()
    patterns: set[str] = set()  # a format template's file names (``mlperf_*_custom.py``)
    for f, literal in reads:
        if "*" in literal:
            patterns.add(literal.lstrip("./"))
            continue
        folder = f.path.rpartition("/")[0]
        for path in {normpath(f"{folder}/{literal}") if folder else normpath(literal), normpath(literal)}:
            readers.setdefault(path, set()).add(f.path)
        if "/" in literal.lstrip("./"):
            tails.add("/" + literal.lstrip("./"))
    read = [
        f for f in project.files
        if (f.path in readers and readers[f.path] != {f.path}) or (tails and _ends_with_any(f.path, tails))
        or (patterns and any(fnmatchcase(f.path, p) or fnmatchcase(f.path, "*/" + p) for p in patterns))
    ]
    imported = _imported(project, {f.module for f in read if f.module is not None}) if read else set()
    return frozenset(f.path for f in read if f.module is None or f.module not in imported)


def _imported(project: Project, modules: set[str]) -> set[str]:
    """Those of ``modules`` that a first-party import names (``import a.b``, ``from a
    import b``)."""
    parents = {m.rpartition(".")[0] for m in modules}
    found: set[str] = set()
    for _, rec, absolute in project.first_party_imports:
        if absolute is None:
            continue
        if absolute in modules:
            found.add(absolute)
        if rec.is_from and absolute in parents:
            found.update(m for m in (f"{absolute}.{name}" for name, _ in rec.names) if m in modules)
    return found


def _ends_with_any(path: str, tails: set[str]) -> bool:
    """Whether ``path`` ends with one of ``tails`` (each starting with "/"): one lookup per
    folder separator of the path, not one comparison per tail."""
    at = path.find("/")
    while at >= 0:
        if path[at:] in tails:
            return True
        at = path.find("/", at + 1)
    return False


def is_test_helper(f: SourceFile) -> bool:
    """A module outside the tests that imports ``pytest`` unconditionally when it is
    imported (not in a function, nor under ``TYPE_CHECKING``, an ``if`` or a ``try``): a
    pytest plugin's helpers (``pytest_simcore/helpers/playwright.py``), code that only runs
    under the test runner. Its classes are the tests' own (an end-to-end helper's
    ``ServiceType`` with the labels the UI shows): it is not production's duplicate, and
    production is never told to share with it."""
    return not f.is_test and imports_pytest(f.summary)


def is_test_module(f: SourceFile) -> bool:
    """A test helper (:func:`is_test_helper`: it imports ``pytest`` when imported) that holds
    tests of its own, top-level ``test*`` functions or ``Test*`` classes with test methods:
    a test module the configuration does not name, run by giving pytest its path
    (starlette's ``benchmarks/*_benchmark.py``, run by ``pytest benchmarks/x.py
    --codspeed``). Its classes (each benchmark's ``BenchmarkCase`` with its own fields,
    parametrizing its own tests) are that test's own, as a test file's are."""
    return is_test_helper(f) and holds_tests(f.summary)


def never_edited(f: SourceFile, project: Project | None = None) -> bool:
    """A file no finding may tell anyone to edit: a generator wrote it (its header says so,
    or, with the model, the project's ``.gitattributes`` marks it ``linguist-generated``, or a
    first-party generator writes it one per service:
    :func:`~ssotlint.rules.generators.per_service_outputs`)."""
    return f.summary.generated or (
        project is not None and (project.config.marked_generated(f.path) or f.path in per_service_outputs(project))
    )


def generated_model(c: ClassRecord) -> bool:
    """A model class as an OpenAPI or Swagger client generator writes it: its members map
    each attribute to its type and to its wire name (``openapi_types`` or
    ``swagger_types``, and ``attribute_map``), the templates' own pair, which hand-written
    code has no use for. A generated SDK holds one per endpoint (bitmovin's SDK, with no
    header, an ``AesEncryptionDrmListQueryParams`` in each muxing's endpoint package):
    what they share is the generator's to change, as for a file whose header says so."""
    members = set(c.members)
    return "attribute_map" in members and not members.isdisjoint(("openapi_types", "swagger_types"))


def is_deprecated(c: ClassRecord) -> bool:
    """A class marked deprecated (``@deprecated("Use x.Y instead")``, PEP 702's
    ``warnings.deprecated``, ``typing_extensions.deprecated``, the ``deprecated`` package's):
    kept as it was for compatibility until it is removed. Neither half of a duplicate: it
    is not told to import its replacement (that would change a frozen API), and nothing is
    told to import it."""
    return any(d.rpartition(".")[2] == "deprecated" for d in c.decorators)


def deprecated_whole(d: tuple[SourceFile, ClassRecord]) -> bool:
    """:func:`is_deprecated`, or its module says it is deprecated as a whole (its docstring's
    ``.. deprecated::``, or a warning its own body gives at import about the module: ``"The
    'pkg.octi.enums' module is deprecated ... use 'pkg.enums' instead"``): a module kept
    for its old importers until it is removed keeps its copies, and nothing is told to
    import from it (SSOT006)."""
    return is_deprecated(d[1]) or "*" in d[0].summary.deprecated


def deprecated_here(d: tuple[SourceFile, ClassRecord]) -> bool:
    """:func:`is_deprecated`, or its text or its module's says so (``.. deprecated::``, a
    ``DeprecationWarning``: ``FileSummary.deprecated``), or only such classes of its module
    use it (the input spec of a deprecated interface: ``input_spec = SimilarityInputSpec``):
    kept as it was until it is removed, neither half of a duplicate."""
    f, c = d
    if is_deprecated(c):
        return True
    marked = f.summary.deprecated
    if not marked:
        return False
    if "*" in marked or c.name in marked:
        return True
    users = [u for u in f.summary.classes if u.top_level and u.name != c.name and c.name in u.refs]
    return bool(users) and all(u.name in marked for u in users)


def copied_in_step(a: Definition, b: Definition) -> bool:
    """One is marked ``# Copied from`` the other (``# Copied from
    diffusers.pipelines.ledits_pp.pipeline_leditspp_stable_diffusion.LeditsGaussianSmoothing``),
    or both from one source: the project's copy checker (Hugging Face's ``make
    fix-copies``) regenerates the copy from its source and fails the build when they differ,
    so the copy is kept on purpose (a file that stands alone) and cannot drift."""
    source_a, source_b = a[1].copied_from, b[1].copied_from
    if source_a and (source_a == f"{b[0].module}.{b[1].name}" or from_fragment(source_a, b[0].path)):
        return True
    if source_b and (source_b == f"{a[0].module}.{a[1].name}" or from_fragment(source_b, a[0].path)):
        return True
    return bool(source_a) and source_a == source_b



def generated_projection(project: Project, a: Definition, b: Definition) -> bool:
    """One of the two is written by a generator (:func:`never_edited`), the other by hand,
    and a production module imports both modules: the generated one is a projection of a
    spec (renku's ``apispec.py``, written by datamodel-codegen from ``api.spec.yaml``, with
    its wire ``LauncherType``), the hand-written one the domain's own (``models.py``), and
    the module that imports both (``core.py``) converts between them. A model and its API
    type: each layer keeps its own, and the domain is never told to import the generated
    one. A hand-written copy of a generated class that no module converts is still a copy."""
    (f, _), (g, _) = a, b
    if f.module is None or g.module is None or never_edited(f, project) == never_edited(g, project):
        return False
    both = (project.importers.get(f.module, frozenset()) & project.importers.get(g.module, frozenset())) - {f.module, g.module}
    is_test = project.config.is_test_file
    return any(
        (h := project.modules.get(m)) is not None and not h.is_test and not is_test(h.path) and not never_edited(h, project)
        for m in both
    )


def generator_hook(project: Project, d: Definition) -> bool:
    """A class that only generated modules beside it import (renku's per-component
    ``apispec_base.BaseAPISpec``, the base its Makefile has datamodel-codegen build that
    component's ``apispec.py`` on): the generator's hook for that folder's output, one per
    folder by design, however alike."""
    f, c = d
    if f.module is None:
        return False
    folder = f.path.rpartition("/")[0]
    importers = [project.modules.get(m) for m in project.importers.get(f.module, frozenset())]
    if not importers or any(h is None for h in importers):
        return False
    return all(
        h.path.rpartition("/")[0] == folder and never_edited(h, project)  # type: ignore[union-attr]
        and any(c.name in (n for n, _ in rec.names) for rec in h.summary.imports if rec.is_from)  # type: ignore[union-attr]
        for h in importers
    )


# Words of a distribution's name that say it is a collection of samples (``temporalio-samples``).
_COLLECTION_WORDS = frozenset({"samples", "examples", "demos", "tutorials", "cookbook"})


def sample_collections(project: Project) -> frozenset[str]:
    """The folders of the deployment units whose distribution is named as a collection
    of samples (``temporalio-samples``, ``*-examples``, ``*-demos``, ``*-tutorials``,
    ``*-cookbook``: "" for the repository's root): each folder below is a sample of its own,
    as below a ``samples/`` folder."""
    return frozenset(
        u.folder for u in project.config.units
        if u.name and not _COLLECTION_WORDS.isdisjoint(re.split(r"[-_.]+", u.name.lower()))
    )


def _collection_of(path: str, collections: frozenset[str]) -> str | None:
    """The innermost collection of samples holding ``path``, if any."""
    best: str | None = None
    for folder in collections:
        if (not folder or path.startswith(folder + "/")) and (best is None or len(folder) > len(best)):
            best = folder
    return best


def samples_root(path: str, collections: frozenset[str]) -> str | None:
    """The innermost folder of samples (``samples/``) or collection of samples
    (:func:`sample_collections`) holding ``path``; None when none does."""
    collection, folder = _collection_of(path, collections), _samples_folder(path)
    if collection is None or (folder is not None and len(folder) > len(collection)):
        return folder
    return collection


def _samples_folder(path: str) -> str | None:
    """The innermost folder of samples (``samples/``, ``demos/`` ...) holding ``path``."""
    parts = path.split("/")[:-1]
    for i in range(len(parts) - 1, -1, -1):
        if parts[i].lower() in SAMPLE_FOLDERS:
            return "/".join(parts[: i + 1])
    return None


def _branches(a: str, b: str) -> tuple[str | None, str | None]:
    """The two folders just below the deepest folder holding both ``a`` and ``b`` on
    their way down (None for one that is that folder itself: it holds the other)."""
    pa, pb = a.split("/") if a else [], b.split("/") if b else []
    i = 0
    while i < len(pa) and i < len(pb) and pa[i] == pb[i]:
        i += 1
    return ("/".join(pa[: i + 1]) if i < len(pa) else None, "/".join(pb[: i + 1]) if i < len(pb) else None)


def _example_and_benchmark(example: str, benchmark: str) -> bool:
    """``example`` is documentation code (``examples/``, ``docs/``) and ``benchmark`` lies
    in a benchmark suite (a ``benchmark/`` or ``benchmarks/`` folder), neither of them the
    product's. A script of the product's own package (lerobot's ``lerobot/scripts/``) is
    not a benchmark: an example copying its class is told to import it."""
    return (
        is_documentation(example) and not is_documentation(benchmark)
        and not _BENCHMARK_FOLDERS.isdisjoint(benchmark.split("/")[:-1])
        and not is_product(example) and not is_product(benchmark)
    )


class Apart:
    """Whether two files' same-named definitions are each their own by design (see the
    module's docstring), with the project's package folders (one pass per model, shared by
    both rules: :attr:`Project.package_folders`)."""

    def __init__(self, project: Project) -> None:
        self._project = project
        self._modules = project.modules
        self._packages = project.package_folders
        self._units = Units.of_model(project)
        self._outputs = per_service_outputs(project)
        self._sources = generator_sources(project)
        self._unasync = unasync_outputs(project)
        self._mirrors = MirrorTrees.of_model(project)
        self._first_party = project.is_first_party
        self._loose = _loose_modules(project)
        self._collections = sample_collections(project)
        self._projects = independent_projects(project)
        self._between: dict[tuple[str, str], bool] = {}  # see _imports_between
        self._by_path: list[SourceFile] | None = None  # the files in path order, when asked
        self._paths: list[str] = []

    def never_together(self, a: SourceFile, b: SourceFile) -> bool:
        """No program of the repository loads the two files' units together
        (:meth:`Units.never_together`)."""
        return self._units.never_together(a.path, b.path)

    def units_apart(self, a: SourceFile, b: SourceFile) -> bool:
        """The two files lie in two deployment units installed apart (neither requires the
        other: :meth:`Units.apart`), where neither can import the other's module."""
        return self._units.apart(a.path, b.path)

    def __call__(self, a: SourceFile, b: SourceFile) -> bool:
        if is_vendored(a.path) and is_vendored(b.path):
            return True  # two third-party distributions' own code, vendored as released
        if (copy := released_copy(a, self._modules)) is not None and copy == released_copy(b, self._modules):
            return True  # two modules of one library copied in whole, each stamped with its release
        if a.summary.upstream or b.summary.upstream:
            return True  # another project's file copied in, its header says (with the address): upstream's design
        if self.taken_apart(a, b):
            return True  # each taken from another project's code (adapted, or skipped by the project's linters)
        if self._units.own_copies(a.path, b.path):
            return True  # two units apart by design: programs shipped apart, an optional client
        if _build_script_apart(a.path, b.path):
            return True  # a setup.py runs before its distribution is installed: it imports no one's copy
        if self.configuration_file(a) and self.configuration_file(b):
            return True  # two files of settings read by path, each complete: one is loaded, not both
        if (never_edited(a, self._project) or never_edited(b, self._project)) and self.units_apart(a, b):
            return True  # a generator's mirror in another unit (an API client of its server): kept in step by it
        if (one := self._loose.get(a.module or "")) is not None and one != self._loose.get(b.module or "", one):
            return True  # two packages loaded by path, each versioned on its own: add-ons zipped apart
        if self._units.programs_apart(a.path, b.path):
            return True  # two programs each run from its own folder with its own ``lib``: per-OS analyzers
        if self._units.isolated_script(a) or self._units.isolated_script(b):
            return True  # a PEP 723 script in an environment of its own: it cannot import the other
        if self._units.alternatives(a.path, b.path):
            return True  # two plugins of one host, each found by its entry point: one backend each
        if self.loaded_alone(a, b):
            return True  # two alternatives a runner loads by a computed name, one at a time
        if _over_private_generated(a, b) or _over_private_generated(b, a):
            return True  # a public layer over a private generated one keeps its own
        if b.path in self._sources.get(a.path, ()) or a.path in self._sources.get(b.path, ()):
            return True  # a module generated from the other: the other is where its classes are edited
        if self._unasync and (self._unasync.get(a.path) == b.path or self._unasync.get(b.path) == a.path):
            return True  # unasync writes one from the other: its source is where both are edited
        if a.summary.scaffolded or b.summary.scaffolded:
            return True  # a module scaffolded from a template: its types are its own spec's
        if per_service_apart(self._outputs, a, b):
            return True  # a generator's module per service: each service's spec its own
        if is_stand_in(a.path) != is_stand_in(b.path):
            return True  # a stand-in (``DummyEngine.py``) names its classes as the real ones on purpose
        if is_test_helper(a) != is_test_helper(b):
            return True  # a test helper's own (a UI's labels) and production's: never shared
        if is_test_module(a) and is_test_module(b):
            return True  # two test modules run by path: each test's own cases (benchmarks/)
        if self._mirrors(a, b):
            return True  # one module of two trees mirrored file for file: each backend's own (``aio/``)
        if self.standalone_listing(a) or self.standalone_listing(b):
            return True  # a documentation listing that uses nothing of the project keeps its own
        if (self._sample_program(a) or self._sample_program(b)) and self._in_samples(a.path) and self._in_samples(b.path):
            return True  # a sample program run on its own, in a package of samples too: each keeps its own
        if self._separate_samples(a, b):
            return True  # two samples of one collection, neither importing the other: each keeps its own
        if self._projects and top_folder(a.path) != top_folder(b.path):
            return True  # two projects of a repository of independent ones (unilm's papers): each keeps its own
        if self._benchmark_program(a) and self._benchmark_program(b):
            return True  # two programs of a benchmark suite: each measures its own model
        if _example_and_benchmark(a.path, b.path) or _example_and_benchmark(b.path, a.path):
            # An example and a benchmark (dgl's pinsage example and the benchmark that
            # copied its model): neither is the product's, each is written for its own
            # purpose, and neither is a module the other should import from.
            return True
        return is_self_contained(a.path, self._packages) and is_self_contained(b.path, self._packages)

    def _sample_program(self, f: SourceFile) -> bool:
        """A sample run as a program (a ``__main__`` block or a Python shebang) that no
        module imports, in a samples folder that is a package: semantic-kernel's
        ``python/samples/concepts/agents/openai_assistant/openai_assistant_streaming.py``,
        one of 19 samples each with its own toy ``MenuPlugin``. Like a sample script in a
        folder of scripts (:func:`~ssotlint.discover.roles.is_sample_script`), it is
        written to be read and run on its own; the ``__init__.py`` there only lets the
        samples share a settings module."""
        if not (is_script(f) and self._in_samples(f.path)):
            return False
        modules = self._modules
        return all(
            (h := modules.get(m)) is not None and h.is_test for m in self._project.importers.get(f.module or "", ())
        )  # a sample's own test imports it to test it: it is a sample all the same

    def _in_samples(self, path: str) -> bool:
        """The file lies below a folder of samples, or in a collection of samples
        (:func:`sample_collections`)."""
        return in_samples(path) or _collection_of(path, self._collections) is not None

    def _separate_samples(self, a: SourceFile, b: SourceFile) -> bool:
        """Two samples of one collection (below a folder of samples, or in a repository
        whose distribution is one: :func:`sample_collections`), in two folders neither of
        which holds the other, and no production module of either subtree imports the
        other's: temporalio's samples-python, whose ``hello/``, ``polling/`` and
        ``message_passing/waiting_for_handlers/`` each define their own
        ``ComposeGreetingInput`` or ``WorkflowInput``. Each sample is written to be read and
        run on its own, and keeps what it needs."""
        root = samples_root(a.path, self._collections)
        if root is None or root != samples_root(b.path, self._collections):
            return False
        mine, theirs = _branches(a.path.rpartition("/")[0], b.path.rpartition("/")[0])
        if mine is None or theirs is None:
            return False  # one folder holds the other: one sample's modules
        return not self._imports_between(mine, theirs) and not self._imports_between(theirs, mine)

    def _imports_between(self, source: str, target: str) -> bool:
        """Whether a production module below folder ``source`` imports a module below
        folder ``target``."""
        key = (source, target)
        known = self._between.get(key)
        if known is None:
            if self._by_path is None:
                self._by_path = sorted(self._project.files, key=lambda f: f.path)
                self._paths = [f.path for f in self._by_path]
            prefix, into = source + "/", target + "/"
            known = False
            at = bisect_left(self._paths, into)  # the files below ``target``, in path order
            while not known and at < len(self._paths) and self._paths[at].startswith(into):
                f = self._by_path[at]
                at += 1
                known = f.module is not None and any(
                    (h := self._modules.get(m)) is not None and not h.is_test and h.path.startswith(prefix)
                    for m in self._project.importers.get(f.module, ())
                )
            self._between[key] = known
        return known

    def _benchmark_program(self, f: SourceFile) -> bool:
        """A program of a benchmark suite (below a ``benchmark/`` or ``benchmarks/`` folder)
        that no module imports: PyG's ``benchmark/citation/gcn.py`` and ``cheb.py``, each
        parsing its arguments at its top and training its own ``Net`` (a ``GCNConv`` or a
        ``ChebConv`` model, the rest alike). Each is run on its own to measure its own
        thing; importing one would run it."""
        return (
            not _BENCHMARK_FOLDERS.isdisjoint(f.path.split("/")[:-1])
            and runs_as_program(self._project, f)
        )

    def taken_apart(self, a: SourceFile, b: SourceFile) -> bool:
        """Both modules come from other projects' code (:meth:`from_elsewhere`), from two
        sources, or inside one package taken whole (InvokeAI's ``mlsd``: the tiny and the
        large model as controlnet_aux wrote them); not two modules whose own headers name
        one source repository (two copies the project made of it)."""
        one, other = self.from_elsewhere(a), self.from_elsewhere(b)
        if not one[0] or not other[0]:
            return False
        return _repository_of(one[0]) != _repository_of(other[0]) or one[1] or other[1]

    def from_elsewhere(self, f: SourceFile) -> tuple[str, bool]:
        """Where the module's code comes from, when its header, or the ``__init__`` of a
        package it is in (below the top-level one), says it comes from another project (an
        address on a code host: InvokeAI's ``mlsd`` package, "Adapted from
        https://github.com/huggingface/controlnet_aux"), or when it tells the project's
        linters to skip it whole (Fooocus' ``# pylint: skip-file`` on each architecture it
        took from GFPGAN, SwinIR, Swin2SR ...: then ``"skipped:"`` and its path); "" for the
        project's own. What two such files of two sources share is their sources'
        business, each kept as it was taken (two architectures of one name are two
        architectures); two adaptations of one source (InvokeAI's two ``z_image`` modules
        from one VideoX-Fun file) are the project's own copies of it."""
        s = f.summary
        if s.upstream or s.derived:
            return s.upstream or s.derived, False
        if s.skips_linters:
            return "skipped:" + f.path, False
        package = f.module.rpartition(".")[0] if f.module and not f.is_package else (f.module or "")
        while "." in package:
            init = self._modules.get(package)
            if init is not None and (init.summary.derived or init.summary.upstream):
                return init.summary.upstream or init.summary.derived, True
            package = package.rpartition(".")[0]
        return "", False

    def loaded_alone(self, a: SourceFile, b: SourceFile) -> bool:
        """Two modules that code loads by a name it computes from one literal start
        (:meth:`Project.loaded_by_name_as`: msgspec's benchmark runner importing
        ``bench_{library}``) and that no import statement of production code names (a test
        may import one to test it: msgspec's ``tests/prof``): alternatives, each loaded on
        its own and written to stand apart, often on a third-party library of its own.
        Importing one's class into the other would load both (and the other's library)."""
        if a.module is None or b.module is None:
            return False
        start = self._project.loaded_by_name_as(a.module)
        return start is not None and start == self._project.loaded_by_name_as(b.module) and not (
            self._imported_by_product(a.module) or self._imported_by_product(b.module)
        )

    def _imported_by_product(self, module: str) -> bool:
        modules = self._project.modules
        return any(not modules[i].is_test for i in self._project.importers.get(module, ()) if i in modules)

    def configuration_file(self, f: SourceFile) -> bool:
        """A file of settings written in Python: it imports nothing, defines no function,
        assigns names of its own at its top level and holds classes that are tables of
        constants and nothing else, and no module imports it. Code finds it by a path it
        builds and reads it as data (sonic's per-board ``hal-config/x86_64_<board>_device.py``
        and its ``_exhaust_device.py`` variant, each with the same ``Unit`` table, of which the
        loader reads the first that exists): each is complete on purpose, and a module of
        shared tables would be one it has no way to import."""
        summary = f.summary
        return (
            not summary.imports and not summary.functions and not summary.main_guard and bool(summary.classes)
            and bool(set(summary.assigned) - {c.name for c in summary.classes})
            and all(constants_table(c) for c in summary.classes)
            and not self._project.importers.get(f.module or "")
        )

    def standalone_listing(self, f: SourceFile) -> bool:
        """A documentation listing or example (:func:`is_documentation`) that imports no
        first-party module: written to be copied and run apart from the project (feast's
        ``docs/tutorials/azure/data/data_generator.py`` with its own ``EventTimestampType``),
        so it is never told to import the product's class, nor the product its. An example
        that imports the project (qlib's ``examples/highfreq/highfreq_ops.py``, built on
        ``qlib.data.ops``) is still compared."""
        return is_documentation(f.path) and not any(
            rec.level or (absolute is not None and self._first_party(absolute))
            for rec, absolute in zip(f.summary.imports, f.absolutes)
        )


def _repository_of(address: str) -> str:
    """The repository an address on a code host names (``github.com/microsoft/swin-transformer``
    for ``https://github.com/microsoft/Swin-Transformer/blob/main/models/swin_transformer.py``
    and for ``https://github.com/microsoft/Swin-Transformer.git``), lower case; the address
    itself when it names no repository. Two headers that give one repository's addresses
    differently (its top, a file in it, its ``.git``: modelscope's two ports of
    Swin-Transformer) name one source."""
    host, _, path = address.partition("://")[2].partition("/")
    host = host.lower().removeprefix("www.")
    if host == "raw.githubusercontent.com":
        host = "github.com"
    parts = [p for p in path.split("/") if p][:2]
    if len(parts) < 2:
        return address.lower()
    return f"{host}/{parts[0]}/{parts[1].removesuffix('.git')}".lower()


def _loose_modules(project: Project) -> dict[str, str]:
    """The modules of :func:`loose_packages`, each to its package."""
    loose = loose_packages(project)
    if not loose:
        return {}
    found: dict[str, str] = {}
    for name in project.modules:
        for p in prefixes(name):
            if p in loose:
                found[name] = p
                break
    return found


def released_copy(f: SourceFile, modules: Mapping[str, SourceFile]) -> str | None:
    """The package ``f`` belongs to when it is another library copied in whole under the
    project's code (PLY as ``app/parsers/ply/``): a package inside a package of the project
    whose ``__init__`` sets a ``__version__``, ``f`` one of its modules that sets its own
    ``__version__`` too (PLY's ``lex.py`` and ``yacc.py``: each module stamped with the
    library's release, as upstream ships them). What two such modules of one copy share
    (``NullLogger`` in both) is upstream's design, kept as released. A package of the
    project's own with a version (a solver's ``__version__``) has modules that set none."""
    if f.is_package or f.module is None or "__version__" not in f.summary.assigned:
        return None
    package, _, _ = f.module.rpartition(".")
    parent = modules.get(package.rpartition(".")[0]) if "." in package else None
    init = modules.get(package)
    if parent is None or not parent.is_package or init is None or not init.is_package:
        return None
    return package if "__version__" in init.summary.assigned else None


def migration_snapshots(project: Project, modules: set[str]) -> frozenset[str]:
    """Those of ``modules`` that only database migrations import, directly or through other
    such modules (Alembic revisions, see :func:`~ssotlint.discover.roles.is_migration`): a
    frozen snapshot of the models as they were at one revision (cloudkitty's
    ``alembic/models/f8c799db4aa0_fix_unnamed_constraints.py``, imported by the revision of
    that name alone; backend.ai's ``rbac_models/migration/`` package, whose ``enums.py`` its
    ``models.py`` imports, which the revisions import). Like the revision itself, it keeps
    its own copies of the live classes: importing the live ones would make an old migration
    follow today's models."""
    return modules & model_snapshots(project)


def model_snapshots(project: Project) -> frozenset[str]:
    """The model's snapshot modules (:func:`snapshot_modules`), once per model."""
    return project.shared(snapshot_modules, partial(_snapshot_modules, project))


def snapshot_modules(
    edges: Mapping[str, Mapping[str, object]], migration: Callable[[str], bool], test: Callable[[str], bool]
) -> frozenset[str]:
    """The modules imported only by migrations (``migration(module)``) and by other such
    modules, at least one migration among their importers' chains: what the migrations'
    imports reach, less every module that a module outside the set imports, until none is
    left to take out. Test code (``test(module)``) importing a snapshot, to test the
    migrations' conversions, neither makes nor unmakes one."""
    start = [m for m in edges if migration(m)]
    if not start:
        return frozenset()
    importers: dict[str, set[str]] = {}
    for importer, targets in edges.items():
        if test(importer):
            continue
        for target in targets:
            if target != importer:
                importers.setdefault(target, set()).add(importer)
    reached: set[str] = set()
    stack = [t for m in start for t in edges.get(m, ())]
    while stack:
        m = stack.pop()
        if m in reached or migration(m):
            continue
        reached.add(m)
        stack.extend(edges.get(m, ()))
    kept = set(reached)
    queue = list(reached)
    while queue:
        m = queue.pop()
        if m not in kept:
            continue
        if any(not migration(i) and i not in kept for i in importers.get(m, ())):
            kept.discard(m)
            queue.extend(t for t in edges.get(m, ()) if t in kept)
    return frozenset(kept)


def _snapshot_modules(project: Project) -> frozenset[str]:
    files = project.modules

    def migration(module: str) -> bool:
        f = files.get(module)
        return f is not None and is_migration(f.path, f.summary.assigned, f.summary.attribute_reads)

    def test(module: str) -> bool:
        f = files.get(module)
        return f is not None and f.is_test

    return snapshot_modules(project.import_edges, migration, test)


def private_package(path: str) -> str | None:
    """The outermost private package a file lies in (the folder path up to the first folder
    whose name starts with one ``_``: ``azure/ai/ml/_restclient``), or None."""
    folders = path.split("/")[:-1]
    for i, part in enumerate(folders):
        if part.startswith("_") and not part.startswith("__"):
            return "/".join(folders[: i + 1])
    return None


def _build_script_apart(a: str, b: str) -> bool:
    """One of the two is a distribution's ``setup.py`` and the other lies outside its
    folder (rekall's ``CleanCommand`` in ``rekall-gui/setup.py`` and ``rekall-agent/setup.py``):
    a build script runs before anything of the project is installed, so it can import
    nothing from another folder, and each keeps its own."""
    folder_a, _, name_a = a.rpartition("/")
    folder_b, _, name_b = b.rpartition("/")
    if name_a != "setup.py" and name_b != "setup.py":
        return False
    return folder_a != folder_b


def _over_private_generated(generated: SourceFile, other: SourceFile) -> bool:
    """``generated`` was written by a generator inside a private package, and ``other`` is a
    hand-written file outside that package."""
    if not generated.summary.generated or other.summary.generated:
        return False
    private = private_package(generated.path)
    return private is not None and not other.path.startswith(private + "/")
