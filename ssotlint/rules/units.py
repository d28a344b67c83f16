"""Deployment units (``Config.units``, see :mod:`ssotlint.deployment_units`) as the rules
read them: which unit needs which, and whether two files' units are apart (SSOT001, SSOT006)."""

from __future__ import annotations

from collections import defaultdict
from functools import partial
from typing import Collection, Iterable

from ssotlint.config import dependency_name
from ssotlint.deployment_units import Unit, unit_of
from ssotlint.extract.summary import CTX_GUARDED, CTX_IMPLICIT_RELATIVE, FileSummary
from ssotlint.model.built_src import files_by_path
from ssotlint.model.django_setup import discovered_modules
from ssotlint.model.project import Project, SourceFile, is_script


def program_folders(files: Iterable[tuple[str, FileSummary]], roots: Collection[str]) -> dict[str, frozenset[str]]:
    """Folders that are programs of their own: a folder below the repository's root that is
    no package (no ``__init__.py``) and no source root, holding a script that imports a
    module or package beside it by its bare name (cuckoo's ``analyzer/linux/analyzer.py``
    importing ``lib.common.results`` from ``analyzer/linux/lib/``). ``python analyzer.py``
    puts that folder first on ``sys.path``: the packages beside the script are top-level
    packages of that program, which is run (and shipped: copied into a guest machine) on
    its own. Folder -> the top-level names its scripts import from beside them. (Python 2's
    implicit relative imports, which the model writes as relative ones, count as written.)

    So is a package folder whose parent is no package and no source root, when a script in
    it (a ``__main__`` block or a Python shebang) imports a module beside it by its bare
    name: icefall's recipes, ``egs/aishell/ASR/transducer_stateless/`` with an empty
    ``__init__.py``, whose ``train.py`` (``#!/usr/bin/env python3``, run as
    ``./transducer_stateless/train.py``) says ``from conformer import Conformer``. That
    import works only with the folder first on ``sys.path``, and nothing puts its parent
    there to import the folder as a package."""
    files = list(files)
    paths = {path for path, _ in files}
    found: dict[str, set[str]] = defaultdict(set)
    for path, summary in files:
        folder = path.rpartition("/")[0]
        if not folder or folder in roots:
            continue
        if f"{folder}/__init__.py" in paths:
            parent = folder.rpartition("/")[0]
            if not (summary.main_guard or summary.shebang) or not parent or parent in roots or f"{parent}/__init__.py" in paths:
                continue
        for rec in summary.imports:
            if rec.level and not (rec.level == 1 and rec.context & CTX_IMPLICIT_RELATIVE):
                continue
            head = rec.module.partition(".")[0]
            if head and (f"{folder}/{head}/__init__.py" in paths or f"{folder}/{head}.py" in paths):
                found[folder].add(head)
    return {folder: frozenset(heads) for folder, heads in found.items()}


def model_programs(project: Project) -> dict[str, frozenset[str]]:
    """:func:`program_folders` of the model's files, once per model (SSOT001 and SSOT006
    ask, and a history's next commit compares with them)."""
    return project.shared(
        model_programs, lambda: program_folders(((f.path, f.summary) for f in project.files), set(project.source_roots))
    )


def program_of(programs: Collection[str], path: str) -> str | None:
    """The innermost program folder (of :func:`program_folders`) holding ``path``."""
    parts = path.split("/")[:-1]
    for i in range(len(parts), 0, -1):
        folder = "/".join(parts[:i])
        if folder in programs:
            return folder
    return None


class Units:
    """Which deployment units (``Config.units``, see :mod:`ssotlint.deployment_units`) need
    which, and whether two files' units are apart.

    Unit ``U`` needs unit ``V`` when ``U``'s packaging requires ``V``'s distribution by name
    (``[project] dependencies``; an optional extra is no need), or, where that cannot be
    said as data (``U`` declares nothing readable, or ``V`` builds no named distribution: a
    folder with its own ``requirements.txt``), when a product module of ``U`` (not its
    tests, examples or scripts) imports one of ``V`` at run time. Needs are followed through (what a required distribution
    requires is installed too). Two units are apart when neither needs the other and they
    need no unit in common: no module exists that both can import, so advice to import
    one's class into the other would add a dependency the unit does not have (wrong in
    kind). Apart units that keep their own copies by design (:meth:`own_copies`) are not
    reported (:class:`~ssotlint.rules.apart.Apart`); other apart units (two distributions
    that never meet, split from one another) are reported and told to keep one definition
    where both can import it (:meth:`~ssotlint.rules.definitions.Chooser.import_advice`). Two units that share a
    third (two services on a ``shared`` library) are not apart: the copy can move there."""

    def __init__(self, project: Project) -> None:
        self._project = project
        self._units = {u.folder: u for u in project.config.units}
        self._of: dict[str, str] = {}
        self._needs: dict[str, frozenset[str]] | None = None
        self._imported: set[tuple[str, str]] = set()  # (unit, unit) a production module imports across
        self._imports_always: set[tuple[str, str]] = set()  # ... at run time, not only under a guard
        self._programs: dict[str, frozenset[str]] | None = None
        self._support: frozenset[str] | None = None

    @classmethod
    def of_model(cls, project: Project) -> "Units":
        """The model's units, worked out once for every rule that asks (SSOT001 and SSOT006,
        each twice a commit in a history)."""
        return project.shared(cls, partial(cls, project))

    def isolated_script(self, f: SourceFile) -> bool:
        """``f`` declares an environment of its own (a PEP 723 ``# /// script`` block:
        ``FileSummary.script_dependencies``) in which none of the repository's
        distributions is installed: run by ``uv run --script``, it imports what its listed
        dependencies provide, so no first-party module (reflex's ``scripts/release.py``,
        with its own copy of ``reflex_release.changelog.Section``)."""
        listed = f.summary.script_dependencies
        if listed is None:
            return False
        own = {dependency_name(u.name) for u in self._units.values() if u.name}
        return not own & {dependency_name(name) for name in listed}

    def of(self, path: str) -> str:
        """The folder of the innermost unit that holds ``path`` ("" for the root)."""
        folder = path.rpartition("/")[0]
        found = self._of.get(folder)
        if found is None:
            found = self._of[folder] = unit_of(self._units, path)
        return found

    def label(self, path: str) -> str:
        """How a message names the unit of ``path``: its distribution, or its folder."""
        folder = self.of(path)
        return self._units[folder].name or (f"{folder}/" if folder else "the repository's root")

    def can_import(self, importer: str, definition: str) -> bool:
        """Whether the unit of the file ``importer`` can import the module of the file
        ``definition``: the same unit, or one it needs (a folder outside every unit when the
        repository's root is none: nothing says it cannot). Not a sibling project it does
        not depend on: pyramid's tutorial steps and its quick tour's demo, each a project of
        its own, define their own ``MyModel``."""
        if len(self._units) < 2:
            return True
        mine, theirs = self.of(importer), self.of(definition)
        if mine == theirs or (theirs == "" and "" not in self._units):
            return True
        return theirs in self.needs().get(mine, frozenset())

    def _two(self, one: str, other: str) -> tuple[str, str] | None:
        """The units of the two files, when they are two."""
        if len(self._units) < 2:
            return None
        first, second = self.of(one), self.of(other)
        return None if first == second else (first, second)

    def apart(self, one: str, other: str) -> bool:
        units = self._two(one, other)
        if units is None:
            return False
        first, second = units
        needs = self.needs()
        mine, theirs = needs.get(first, frozenset()), needs.get(second, frozenset())
        return second not in mine and first not in theirs and not mine & theirs

    def shared_label(self, one: str, other: str) -> str:
        """How a message names a unit both files' units need (the nearest one, by name), ""
        for none."""
        units = self._two(one, other)
        if units is None:
            return ""
        needs = self.needs()
        both = sorted(needs.get(units[0], frozenset()) & needs.get(units[1], frozenset()))
        return next((self._units[u].name or f"{u}/" for u in both if self._units[u].name), "")

    def needed_by(self, one: str, other: str) -> bool:
        """The unit of the file ``one`` is one the unit of ``other`` needs, and not the other
        way round: megatron-fsdp (``megatron/core/distributed/fsdp/src/``, which requires
        only torch, einops and packaging) is what ``megatron/core`` builds on, so a module of
        it cannot import from there."""
        units = self._two(one, other)
        if units is None:
            return False
        first, second = units
        needs = self.needs()
        return first in needs.get(second, frozenset()) and second not in needs.get(first, frozenset())

    def never_together(self, one: str, other: str) -> bool:
        """No program of the repository loads the two files' units together: two units,
        neither needs the other, and no unit needs both (amundsen's search and metadata
        services, each on the shared ``amundsen-common``). They may share a third unit, so
        they are not :meth:`apart`; but what one raises, the other never catches."""
        units = self._two(one, other)
        if units is None:
            return False
        first, second = units
        needs = self.needs()
        if second in needs.get(first, frozenset()) or first in needs.get(second, frozenset()):
            return False
        return not any(first in needed and second in needed for needed in needs.values())

    def own_copies(self, one: str, other: str) -> bool:
        """The two files' units are apart (:meth:`apart`) and each keeps its own copy by
        design: two programs shipped apart (neither builds a distribution, or installs
        itself: Poetry's ``package-mode = false``, an image's ``poetry install --no-root``;
        or each is copied whole into an image of its own, ``Unit.image``), or one unit
        imports the other at run time without requiring it (only in an optional extra, or
        as a peer it never declares: a standalone admin CLI whose ``bootstrap`` extra pulls
        in the server, a pool distribution that works with whichever driver is installed).
        Such a unit knows the other and chose not to depend on it: its copy mirrors the
        other's (a response schema, a helper of a private module) on purpose. So does each
        of two units that build a distribution of one name: only one of them is ever
        installed (sonic-buildimage's 67 ``sonic-platform`` builds, one per device), and
        neither can import the other's."""
        first, second = self.of(one), self.of(other)
        if first != second:
            name = self._units[first].name
            if name is not None and name == self._units[second].name:
                return True  # alternatives: one is installed in place of the other
        if not self.apart(one, other):
            return False
        if all(self._units[u].name is None or self._units[u].program or self._units[u].image for u in (first, second)):
            return True  # (each shipped in an image of its own folder is a program there)
        return (first, second) in self._imported or (second, first) in self._imported

    def programs_apart(self, one: str, other: str) -> bool:
        """The two files lie in two programs of their own (:func:`program_folders`) whose
        scripts import a top-level name of the same spelling from beside them (each of
        cuckoo's per-OS analyzers, ``analyzer/windows/`` and ``analyzer/linux/``, runs
        with its own ``lib`` package): no process has both on ``sys.path``, so neither can
        import the other's module, and each program keeps its own copy."""
        if self._programs is None:
            self._programs = model_programs(self._project)
        programs = self._programs
        first, second = program_of(programs, one), program_of(programs, other)
        if first is None or second is None or first == second:
            return False
        return bool(programs[first] & programs[second])

    def alternatives(self, one: str, other: str) -> bool:
        """The two files' units are plugins of one host of this repository, each found by
        it at run time: both register entry points in one group the repository's own code
        owns (its first dotted part names a first-party top-level package or a unit's
        distribution: toga's ``toga.backends``, in which ``toga-cocoa``, ``toga-gtk`` and
        ``toga-winforms`` each register their package), and neither needs the other.
        Each is one implementation of the host's interface (a backend per platform,
        chosen by the host's factory), so their same-named classes (each backend's
        ``Button``, ``Window``, ``Font``) are each plugin's own, whatever the host they
        both build on."""
        first, second = self.of(one), self.of(other)
        if first == second:
            return False
        shared = self._plugin_groups(first) & self._plugin_groups(second)
        if not shared:
            return False
        needs = self.needs()
        if second in needs.get(first, frozenset()) or first in needs.get(second, frozenset()):
            return False
        return any(self._hosted(group) for group in shared)

    def _plugin_groups(self, folder: str) -> frozenset[str]:
        return frozenset(g.lower() for g in self._units[folder].entry_groups)

    def _hosted(self, group: str) -> bool:
        """The entry-point group belongs to a host in this repository: its first dotted
        part is a first-party top-level package or module, or a unit's distribution."""
        head = group.partition(".")[0].partition(":")[0]
        if not head:
            return False
        names = {u.name for u in self._units.values() if u.name}
        return self._project.is_first_party(head) or dependency_name(head) in names

    def test_support(self, path: str) -> bool:
        """The file lies in a test tooling unit (:func:`_test_support`): one named for tests,
        or one that only such units require (the others may list it for their tests alone:
        datalens' ``dl-api-client``, an HTTP client of the service its connectors list under
        ``[tool.poetry.group.tests.dependencies]``, required by ``dl-api-lib-testing``
        alone). Test code, as a test tree is: its classes mirror what it tests (the
        server's models as the client reads them), and are no concept implementations of
        the product. Read from the packaging alone, so the same at every commit of a
        history (judged by the working tree's configuration)."""
        if self._support is None:
            self._support = _test_support(self._units.values())
        return bool(self._support) and self.of(path) in self._support

    def imports_always(self, importer: str, definition: str) -> bool:
        """A product module of the unit of the file ``importer`` imports one of the unit of
        ``definition`` at run time, not only under ``try: ... except ImportError:``, whatever
        its packaging declares (StarlingX nfv's VIM, importing the plugins distribution that
        requires it): the dependency is there already."""
        if len(self._units) < 2:
            return False
        self.needs()
        return (self.of(importer), self.of(definition)) in self._imports_always

    def needs(self) -> dict[str, frozenset[str]]:
        """Unit folder -> the folders of the units it needs, directly or through others."""
        if self._needs is None:
            direct = self._direct()
            closed: dict[str, frozenset[str]] = {}
            for unit in self._units:
                seen: set[str] = set()
                stack = list(direct.get(unit, ()))
                while stack:
                    other = stack.pop()
                    if other not in seen and other != unit:
                        seen.add(other)
                        stack.extend(direct.get(other, ()))
                closed[unit] = frozenset(seen)
            self._needs = closed
        return self._needs

    def _direct(self) -> dict[str, set[str]]:
        units = self._units
        by_name = {u.name: u.folder for u in units.values() if u.name is not None}
        direct: dict[str, set[str]] = defaultdict(set)
        for unit in units.values():
            if unit.requires is not None:
                direct[unit.folder].update(by_name[n] for n in unit.requires if n in by_name)
        project = self._project
        programs = model_programs(project)
        held = {f.path.rpartition(".")[0] if f.path.endswith(".py") else f.path for f in project.files}
        held |= {folder for f in project.files for folder in _folders_of(f.path)}
        for f in project.production_files():
            if not f.product:
                continue  # a unit's examples, scripts and docs may use anything: the product decides
            mine = units[self.of(f.path)]
            home = _program_of(f.path, programs)
            for target, statements in project.import_edges.get(f.module or "", {}).items():
                g = project.modules.get(target)
                if g is None or not any(s.runtime for s in statements):
                    continue
                if home is not None and f"{home}/{target.partition('.')[0]}" in held and not g.path.startswith(home + "/"):
                    # A program's own folder answers it first, being first on ``sys.path``
                    # (python-docs-samples' App Engine Django sample: ``main.py`` importing
                    # its own ``mysite.wsgi``, its ``polls`` app its own ``polls.models``,
                    # which the model reads as another sample's, a source root): no need.
                    continue
                theirs = units[self.of(g.path)]
                if theirs is mine:
                    continue
                if mine.image and mine.folder and f"{mine.folder}/{target.partition('.')[0]}" in held:
                    # Run from its image's copy of its folder, whose own folder of that name
                    # answers first (DeepLearningExamples' UNet3P and its own ``utils/``).
                    continue
                self._imported.add((mine.folder, theirs.folder))
                if not any(s.runtime and not s.record.context & CTX_GUARDED for s in statements):
                    # Only under ``try: ... except ImportError:`` (megatron-fsdp's "Megatron
                    # Core is not installed, Megatron-FSDP will run without Megatron Core"):
                    # an optional import, no need.
                    continue
                self._imports_always.add((mine.folder, theirs.folder))
                if mine.requires is None or theirs.name is None:
                    direct[mine.folder].add(theirs.folder)
        return direct


def _folders_of(path: str) -> Iterable[str]:
    """The folders holding ``path``, innermost first."""
    folder = path.rpartition("/")[0]
    while folder:
        yield folder
        folder = folder.rpartition("/")[0]


def _program_of(path: str, programs: dict[str, frozenset[str]]) -> str | None:
    """The nearest folder holding ``path`` that is a program of its own (:func:`program_folders`)."""
    return next((folder for folder in _folders_of(path) if folder in programs), None)


def _test_support(units: Iterable[Unit]) -> frozenset[str]:
    """The folders of the test tooling units: those below the root named for tests
    (``dl-api-lib-testing``, ``acme-test-utils``), and, followed to a fixed point, those such a unit requires that
    no other unit requires (the others may list them for their tests: an extra or a group
    is no need). A unit another one needs is the product's."""
    units = [u for u in units if u.name is not None]
    needed_by: dict[str, set[str]] = defaultdict(set)
    for u in units:
        for name in u.requires or ():
            needed_by[name].add(u.folder)
    # The repository's root unit is the product whatever its name: a test framework's own
    # distribution (scylla-cluster-tests' ``sdcm/``) is what the repository makes.
    support = {u.folder for u in units if u.folder and _TEST_WORDS & set((u.name or "").replace("_", "-").split("-"))}
    changed = True
    while changed:
        changed = False
        for u in units:
            others = needed_by.get(u.name or "", set()) - {u.folder}
            if u.folder not in support and others and others <= support:
                support.add(u.folder)
                changed = True
    return frozenset(support)


_TEST_WORDS = frozenset({"test", "tests", "testing", "testlib", "testutils"})


def runs_as_program(project: Project, f: SourceFile) -> bool:
    """A file run as a program: a script (a ``__main__`` block, a Python shebang), or a
    module no first-party module imports whose own statements call something when it is
    loaded (a dataset script that downloads and writes at its top level). Not a module
    Django's set-up loads by its name (an application's ``admin.py``, whose
    ``admin.site.register(...)`` runs when the admin discovers it: gcd's)."""
    return is_script(f) or (
        f.summary.top_level_calls and not f.is_package and not project.importers.get(f.module or "")
        and (f.module or "") not in project.django_setup.order and not _discovered_by_name(project, f)
    )


def two_programs(project: Project, f: SourceFile, target: SourceFile) -> bool:
    """Both files run as programs and no first-party module imports the target's: neither
    is a module the other should import from (chia's two mempool benchmarks; PyKotor's
    ``holopatcher/__main__.py``, the package's ``-m`` entry point, beside its
    ``new_ui_alpha.py`` script). A module other modules import is a module, whatever its
    ``__main__`` block."""
    return runs_as_program(project, f) and runs_as_program(project, target) and not project.importers.get(target.module or "")


PROGRAM_PAIR_ADVICE = (
    "keep one definition, in a module both import: {path} is a program of its own (a `__main__` block, a Python "
    "shebang, or statements that run when it is loaded), as this file is, not a module to import from"
)


# The modules of a Django application that an installed application's ``ready()`` imports
# by their name: the admin's ``autodiscover``, django-modeltranslation's.
_DISCOVERED = frozenset({"admin", "translation"})


def _discovered_by_name(project: Project, f: SourceFile) -> bool:
    """``f`` is such a module (:data:`_DISCOVERED`; those the settings' installed
    applications search for, when a settings module lists them) of a Django application
    (its folder holds a ``models.py`` or an ``apps.py``) and imports Django itself: the
    framework loads it by its name, whatever lists the application itself (waldur's
    applications come from its plugins' entry points, which no settings module names)."""
    folder, _, name = f.path.rpartition("/")
    searched = discovered_modules(project)
    if name[:-3] not in (_DISCOVERED if searched is None else searched):
        return False
    prefix = f"{folder}/" if folder else ""
    paths = files_by_path(project)
    if not any(p in paths for p in (f"{prefix}models.py", f"{prefix}apps.py", f"{prefix}models/__init__.py")):
        return False
    return any(not rec.level and (rec.module or "").partition(".")[0] == "django" for rec in f.summary.imports)
