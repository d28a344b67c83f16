"""``[tool.ssotlint]`` in pyproject.toml: loading, validation and defaults.

Keys are kebab-case, as in ruff. Unknown keys and wrong types are errors that name the
file and the key, so a typo never silently disables a check.
"""

from __future__ import annotations

import hashlib
import re
import signal
import sys
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field, fields, is_dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping

from ssotlint.config_project import (
    Collection,
    is_source_distribution,
    project_python,
    pytest_collection,
    python2_declared,
    python2_installed,
    python2_tested,
    python2_launched,
    EXACT_PIN,
    GeneratorOutput,
    generator_outputs,
    readme_clones,
    readme_installs,
    readme_python,
    python2_supported,
    python3_classifier,
    requirement_paths,
    runtime_python,
    setup_dependencies,
)
from ssotlint.config_project import generated_stubs, ignored_module_patterns, linter_excludes, local_files, lowest_python, python_version_file  # noqa: F401 - read from here too
from ssotlint.config_project import linter_python, spec_requirements, table_linter_python
from ssotlint.deployment_units import Unit, deployment_units
from ssotlint.import_contracts import ImportContract, import_contracts
from ssotlint.errors import ConfigError
from ssotlint.editorconfig import EditorEndings, EndingSection, read_editor_endings
from ssotlint.gitattributes import AttributeLine, GeneratedPaths, KeptEndings, read_attributes
from ssotlint.globs import GlobSet, NameGlobs
from ssotlint.packaging import package_dirs, packaging_roots

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

# Folders of IDE and editor settings: JetBrains' (``.idea``, ``.fleet``), VS Code's and
# Visual Studio's, Eclipse/PyDev's (``.settings``), Spyder's, Theia's, Zed's.
IDE_FOLDERS = (".idea", ".fleet", ".vscode", ".vs", ".settings", ".spyproject", ".theia", ".zed")
DEFAULT_EXCLUDE = (
    ".git",
    ".hg",
    ".svn",
    ".venv",
    "venv",
    "build",
    "dist",
    "node_modules",
    "__pycache__",
    ".tox",
    ".nox",
    ".mypy_cache",
    ".ruff_cache",
    ".pytest_cache",
    ".ssotlint_cache",
    "site-packages",
    ".eggs",
    "*.egg-info",
    # IDE and editor settings: their ``.py`` files are file templates the editor fills in
    # (PyCharm's ``.idea/fileTemplates/*.py``, ``def ${NAME}(...)``) or its own settings,
    # never run as the project's code.
    *IDE_FOLDERS,
)
# ``*_unittest.py``: the unit-test modules of projects that run unittest's discovery with
# that pattern (autotest's ``client/setup_job_unittest.py``, Chromium-style code).
DEFAULT_TEST_PATTERNS = ("test_*.py", "*_test.py", "*_unittest.py")
# The same test locations as ``session`` uses (it adds non-Python test configuration).
DEFAULT_TEST_PATHS = (
    "conftest.py",
    "tests/**",
    "**/tests/**",
    "test/**",
    "**/test/**",
    "test_framework/**",
    "**/test_framework/**",
    "testing/**",
    # CMake's and CTest's test folders at any depth, capitalised (3D Slicer's
    # ``Base/QTGUI/Testing/Data/Input/``, ``Modules/Scripted/DICOM/Testing/Python/``; VTK's
    # and ITK's ``Testing/``), and ``Tests/`` as such projects spell it.
    "**/Testing/**",
    "**/Tests/**",
    # The same words ending a CamelCase folder name (O3DE's ``AutomatedTesting/`` and its
    # ``Gem/PythonTests/``, ``UnitTests/``): a word boundary before them, so ``ABTests/``
    # (an A/B testing feature) is not one. Python files only, as below.
    "**/*[a-z]Tests/**/*.py",
    "**/*[a-z]Testing/**/*.py",
    # A Django project's settings for its test runs (synnefo's ``synnefo/settings/test.py``,
    # which imports the Pithos test suite's runner): test configuration, not the product's.
    "**/settings/test.py",
    "**/settings/testing.py",
    # A folder whose name begins or ends with the word "test" or "tests", at any depth: a
    # distribution's own test package (``dagster_tests/``, ``tests_pytorch/``), the inputs
    # of type-checker tests (``typing_tests/``), test applications and tools
    # (``test_apps/``, ``test_launcher/``), ``integration-tests/``, ``unit_test/``. Not a
    # word inside the name (``realistic_test_data/``: a service generating data), nor
    # ``latest/`` or ``contest_entries/``. Its Python files only: ``test_results/run.json``
    # is what a test run wrote, data like any other (``session`` tells them apart).
    *(
        f"**/{folder}/**/*.py"
        for word in ("tests", "test")
        for folder in (f"*_{word}", f"{word}_*", f"*-{word}", f"{word}-*")
    ),
)
DEFAULT_TEST_BASES = ("SSotBaseTestCase", "SSotAsyncTestCase")
DEFAULT_CONCEPTS_NAME = "websocket-manager"
PARSERS = ("libcst", "ast")
DEFAULT_CONCEPT_PATTERN = ".*WebSocketManager"

RULE_CODE = re.compile(r"^SSOT\d{0,3}$")  # a rule code or a prefix of codes: what select and ignore take


def is_rule_code(text: str) -> bool:
    """A whole rule code (``SSOT003``): what a suppression comment names."""
    return len(text) == len("SSOT000") and RULE_CODE.match(text) is not None


# A concept's pattern comes from the audited repository: a regular expression with nested
# repetition can backtrack for hours. The work is bounded three ways: the pattern's length,
# the length of a name it is matched against (class names are identifiers), and the time all
# of a run's matching may take.
MAX_PATTERN_LENGTH = 500
MAX_NAME_LENGTH = 200
MATCH_SECONDS = 2.0


@dataclass(frozen=True)
class Concept:
    """One thing the codebase must implement exactly once."""

    name: str
    pattern: str
    canonical: str | None = None  # dotted module.Class

    @cached_property
    def _regex(self) -> re.Pattern[str]:
        return re.compile(self.pattern)

    def select(self, names: Iterable[str]) -> frozenset[str]:
        """The class names the pattern matches in full; ConfigError when matching takes
        longer than :data:`MATCH_SECONDS` (a pattern that backtracks catastrophically)."""
        fullmatch = self._regex.fullmatch
        candidates = [n for n in set(names) if len(n) <= MAX_NAME_LENGTH]
        with time_limit(MATCH_SECONDS) as expired:
            try:
                return frozenset(n for n in candidates if fullmatch(n) is not None)
            except expired:
                raise ConfigError(
                    f"concept {self.name!r}: pattern {_shorten(self.pattern)!r} took more than "
                    f"{MATCH_SECONDS:g} s to match class names (nested repetition such as (a+)+ "
                    "backtracks without end); simplify it"
                ) from None


class _Expired(Exception):
    """Raised inside a :func:`time_limit` block when its time is up."""


@contextmanager
def time_limit(seconds: float) -> Iterator[type[Exception]]:
    """Interrupt the block after ``seconds`` by raising the exception class it is given.

    Uses SIGALRM, which Python's regular expression engine checks while it backtracks; in a
    thread other than the main one, or where there is no such timer, the block runs unbounded.
    """
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield _Expired
        return

    def expire(signum: int, frame: object) -> None:
        raise _Expired()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield _Expired
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


@dataclass(frozen=True)
class SessionConfig:
    config_is_functional: bool = True
    extra_test_paths: tuple[str, ...] = ()
    extra_docs_patterns: tuple[str, ...] = ()
    tooling_paths: tuple[str, ...] = ("scripts/**",)  # developer wrappers and one-off scripts
    tooling_is_functional: bool = False


@dataclass(frozen=True)
class Config:
    """Effective configuration of one run (file values merged with CLI overrides)."""

    source: str | None = None  # the pyproject.toml it came from, for messages
    src: tuple[str, ...] = ()
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    test_patterns: tuple[str, ...] = DEFAULT_TEST_PATTERNS
    test_paths: tuple[str, ...] = DEFAULT_TEST_PATHS
    test_base_classes: tuple[str, ...] = DEFAULT_TEST_BASES
    canonical_enum_modules: tuple[str, ...] = ()
    type_checking_imports: str = "ignore"
    concepts: tuple[Concept, ...] = (Concept(DEFAULT_CONCEPTS_NAME, DEFAULT_CONCEPT_PATTERN),)
    fail_under: float | None = None
    fail_under_production: float | None = None
    session: SessionConfig = field(default_factory=SessionConfig)
    # The extraction engine: LibCST (the design, and the fixes' engine) or CPython's ast
    # (several times faster cold; the same summaries).
    parser: str = "libcst"
    # The oldest Python the project supports, (3, 12): ``target-version`` here, else the
    # lower bound of ``requires-python`` in [project], else what other files of the
    # project say (see ``config_project.project_python``). None: not said.
    target_version: tuple[int, int] | None = None
    target_source: str = ""  # where it came from, for messages
    # The target is only what the project evidently runs on (``config_project.runtime_python``:
    # its pinned Python, container images, CI), not a declared version: the Dockerfiles of
    # its folders then say what runs the files below them (see ``pipeline.targets``).
    target_evident: bool = False
    # The packaging metadata lists a Python 3 classifier (read only when no target is said):
    # the project is Python 3, whichever its oldest version.
    python3_classifier: bool = False
    # Where the project declares Python 2 only (classifiers, ``python_requires < 3``), in
    # words; "" when it does not (read only when no Python 3 target or classifier is said;
    # when the target is only what the project runs on, a tox or CI Python 3, only a
    # declaration that excludes Python 3 counts: ``:: 2.7 :: Only``, ``python_requires < 3``).
    python2_source: str = ""
    # Where the project declares Python 2 beside Python 3 (``python_requires = '>=2.7'``, a
    # ``Python :: 2.7`` classifier with ``:: 3`` ones); "" otherwise. See SSOT000.
    python2_also: str = ""
    # Where ``src`` came from: "[tool.ssotlint] src", or the packaging configuration it was
    # read from when ssotlint's own is not set (see ssotlint/packaging.py); "" when neither.
    src_source: str = ""
    # Packages the packaging installs from a folder of another name, with the rest of that
    # table (``(("supybot", "src"),)``: see ``ssotlint.packaging.package_dirs``).
    package_dirs: tuple[tuple[str, str], ...] = ()
    # The distributions the project declares it needs (pyproject, requirements files),
    # normalised (``dependency_name``): a namespace folder at the top named like one of them
    # is shadowed by the installed package (PEP 420: a regular package anywhere on the path
    # wins), so imports of that name are not first-party.
    dependencies: frozenset[str] = frozenset()
    # Of those, the ones declared only as optional extras (``[project.optional-dependencies]``,
    # ``extras_require``, Poetry's ``optional = true``), named in no required list nor
    # requirements file: a module that loads one fails where that extra is not installed
    # (lm-evaluation-harness' ``nltk``, its ``ifeval`` extra), so SSOT001 never advises a
    # module that does not need it to import from one that loads it.
    optional_extras: frozenset[str] = frozenset()
    # The repository's deployment units (see ``ssotlint.deployment_units``): folders that are
    # built, installed or shipped on their own, with what each declares it requires. Two
    # units that need neither each other nor a third one cannot share a class (SSOT001,
    # SSOT006: see ``ssotlint.rules.apart.Units``).
    units: tuple[Unit, ...] = ()
    # The import-linter contracts written in the root's and the units' configuration files
    # (see ``ssotlint.import_contracts``): SSOT001 and SSOT006 never advise an import they forbid.
    import_contracts: tuple[ImportContract, ...] = ()
    # What the project's test runner imports by itself (from its pytest configuration): a
    # file in the test tree that no runner collects and nothing imports is test data.
    test_collection: Collection = Collection()
    # ``skip-test-data``: SSOT000, SSOT003 and SSOT005 pass over test data, and scores do
    # not count it (see ``Project.test_data``).
    skip_test_data: bool = True
    # ``respect-linter-excludes``: folders ruff is told to skip that are no package and no
    # test code are not analysed (discover/files.py ``linted_out_folders``).
    respect_linter_excludes: bool = True
    # What the project's ruff configuration skips (``exclude``, ``extend-exclude``), read
    # from the root at load; empty when ``respect-linter-excludes`` is false.
    linter_exclude: tuple[str, ...] = ()
    # The tree is an unpacked source distribution (``config_project.is_source_distribution``):
    # test code may import test helpers the sdist does not ship (SSOT003).
    source_distribution: bool = False
    # The top-level ``.gitattributes`` lines that say how git stores line endings: a file
    # whose endings git keeps as written (``-text``, ``binary``, ``eol=crlf``) has the
    # endings the project chose (SSOT005; see ``ssotlint.gitattributes``).
    line_endings: tuple[AttributeLine, ...] = ()
    # The top-level ``.editorconfig`` sections that set ``end_of_line``: a file they give
    # ``crlf`` (or ``cr``) has the endings the project chose (SSOT005; see
    # ``ssotlint.editorconfig``).
    editor_endings: tuple[EndingSection, ...] = ()
    # The ``.py`` names the top-level ``.gitignore`` lists alone (``config.py``): a module a
    # developer creates beside the code that imports it, which a clone never has (SSOT003).
    local_files: tuple[str, ...] = ()
    # The ``.py`` patterns the top-level ``.gitignore`` lists in a named folder
    # (``pkg/cache/*_cache.py``): modules a build step writes there (SSOT003).
    ignored_modules: tuple[str, ...] = ()
    # The folders a README says to clone another repository into (``fedvssl/CtP``): code a
    # set-up step puts in place, which a clone lacks (SSOT003).
    cloned_folders: tuple[str, ...] = ()
    # What the code generators the shell scripts run write (``xsdata --package pkg.x``):
    # each output its own spec's, generated (SSOT001, SSOT006).
    generator_outputs: tuple[GeneratorOutput, ...] = ()
    # The type-stub patterns the top-level ``.gitignore`` lists (``*_stub.pyi``): stubs a
    # build step writes beside their modules, which type checkers read (SSOT003).
    generated_stubs: tuple[str, ...] = ()
    # ``(folder, distribution)`` for each exact pin (``name==1.2``) of a requirements file
    # below the root: what that folder's programs run against (SSOT003: an example pinned
    # to an older release of the project itself).
    folder_pins: tuple[tuple[str, str], ...] = ()
    # (folder, distribution) for each distribution of more than one word (``airweave_sdk``,
    # normalised) that a requirements file in the folder lists, or that the README of a
    # folder below the root says to ``pip install``: what that folder's code runs against
    # (SSOT003: a published client whose import name is a first-party package's).
    folder_installs: tuple[tuple[str, str], ...] = ()

    def stub_generated(self, module_path: str) -> bool:
        """A build step writes the type stub beside the module at ``module_path``: its
        ``.pyi`` matches a pattern of :attr:`generated_stubs` (globs as ``.gitignore``
        spells them, see ssotlint.globs)."""
        return bool(self.generated_stubs) and module_path.endswith(".py") and self._stubs.matches(module_path + "i")

    # -- derived helpers -------------------------------------------------------------
    # Compiled pattern sets, built once per configuration (cached_property writes the
    # instance __dict__ directly, so it works on a frozen dataclass and stays out of repr).
    @cached_property
    def _stubs(self) -> GlobSet:
        return GlobSet(self.generated_stubs)

    @cached_property
    def _excludes(self) -> GlobSet:
        return GlobSet(self.exclude + self.extend_exclude)

    @cached_property
    def _test_paths(self) -> GlobSet:
        return GlobSet(self.test_paths)

    @cached_property
    def _test_names(self) -> NameGlobs:
        return NameGlobs(self.test_patterns)

    @cached_property
    def _per_file_ignores(self) -> tuple[tuple[GlobSet, tuple[str, ...]], ...]:
        return tuple((GlobSet([pattern]), codes) for pattern, codes in self.per_file_ignores)

    @cached_property
    def _kept_endings(self) -> KeptEndings:
        return KeptEndings(self.line_endings)

    @cached_property
    def _editor_endings(self) -> EditorEndings:
        return EditorEndings(self.editor_endings)

    def excludes(self) -> GlobSet:
        return self._excludes

    @cached_property
    def required_anywhere(self) -> frozenset[str]:
        """The distributions the root declares and every deployment unit requires
        (normalised): what is installed beside some part of the project."""
        return self.dependencies.union(*(u.requires or () for u in self.units))

    @cached_property
    def built_distributions(self) -> frozenset[str]:
        """The distributions the repository's deployment units build (normalised)."""
        return frozenset(u.name for u in self.units if u.name)

    @cached_property
    def every_requirement(self) -> frozenset[str]:
        """:attr:`required_anywhere` and the units' extras: what may be installed beside
        some part of the project."""
        return self.required_anywhere.union(*(u.extras for u in self.units))

    @cached_property
    def _generated_paths(self) -> GeneratedPaths:
        return GeneratedPaths(self.line_endings)

    def marked_generated(self, rel_path: str) -> bool:
        """The top-level ``.gitattributes`` marks the path ``linguist-generated``."""
        return bool(self.line_endings) and self._generated_paths.generated(rel_path)

    def keeps_line_endings(self, rel_path: str) -> bool:
        """The project's ``.gitattributes`` has git keep the file's line endings as
        written (``-text``, ``binary``, ``eol=crlf``): its bytes are chosen."""
        return bool(self.line_endings) and self._kept_endings.kept(rel_path)

    def chose_line_endings(self, rel_path: str) -> bool:
        """:meth:`keeps_line_endings`, or the project's ``.editorconfig`` has editors
        write the file with CRLF or CR endings (``end_of_line = crlf``): a project-wide
        choice, which says nothing of what the file is (unlike a path kept byte for byte)."""
        if self.keeps_line_endings(rel_path):
            return True
        return bool(self.editor_endings) and self._editor_endings.end_of_line(rel_path) in ("crlf", "cr")

    def is_test_file(self, rel_path: str) -> bool:
        """Test code (not production): matches test-patterns or test-paths, or a name the
        project's pytest configuration collects as a test module (``python_files =
        tests.py``: Django's and Horizon's per-app ``tests.py``)."""
        return (
            self._test_names.matches(rel_path.rpartition("/")[2])
            or self._test_paths.matches(rel_path)
            or self.test_collection.names_test_module(rel_path)
        )

    def in_test_tree(self, rel_path: str) -> bool:
        """A path under the test tree (``test-paths``), whatever its file name."""
        return self._test_paths.matches(rel_path)

    def is_collected_test(self, rel_path: str) -> bool:
        """A file a test runner imports by itself (see ``Collection.collects``)."""
        return self.test_collection.collects(rel_path)

    def skipped_by_runner(self, rel_path: str) -> bool:
        """A file the pytest configuration's ``addopts`` tells pytest to skip (``--ignore``,
        ``--ignore-glob``): an input of the suite, even a script a test runs as a program."""
        return self.test_collection.skipped(rel_path)

    def is_test_module_file(self, rel_path: str) -> bool:
        """A file whose Test* classes are collected by the test runner (SSOT004)."""
        return self._test_names.matches(rel_path.rpartition("/")[2])

    def rule_enabled(self, code: str) -> bool:
        selected = not self.select or any(code.startswith(s) for s in self.select)
        return selected and not any(code.startswith(s) for s in self.ignore)

    def ignored_for_path(self, code: str, rel_path: str) -> bool:
        for globs, codes in self._per_file_ignores:
            if any(code.startswith(c) for c in codes) and globs.matches(rel_path):
                return True
        return False

    def with_overrides(self, **changes: Any) -> "Config":
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    def fingerprint(self) -> str:
        """Digest of everything that changes results; used to key cached results. The
        same in every process: a set's order (its ``repr``) changes with the hash seed."""
        return hashlib.sha1(repr(_canonical(self)).encode()).hexdigest()[:16]


def _canonical(value: Any) -> Any:
    """``value`` with every set in sorted order, for a digest (dataclass fields only: a
    ``cached_property`` is derived from them)."""
    if is_dataclass(value) and not isinstance(value, type):
        return (type(value).__name__, tuple((f.name, _canonical(getattr(value, f.name))) for f in fields(value)))
    if isinstance(value, (set, frozenset)):
        return ("set", tuple(sorted((_canonical(v) for v in value), key=repr)))
    if isinstance(value, (tuple, list)):
        return tuple(_canonical(v) for v in value)
    if isinstance(value, dict):
        return ("dict", tuple(sorted(((_canonical(k), _canonical(v)) for k, v in value.items()), key=repr)))
    return value


# ---------------------------------------------------------------------------------------
# Loading


def load_config(root: Path, explicit: Path | None = None) -> Config:
    """Read ``[tool.ssotlint]`` from ``explicit`` or ``root/pyproject.toml``, and the
    project's declared dependencies (see ``Config.dependencies``); when ``src`` is not set
    there, the source roots the packaging configuration declares (``setup.py`` is never run)."""
    config, data = _load_table(root, explicit)
    declared = packaging_roots(root)
    if not config.src_source and declared is not None:
        config = replace(config, src=declared.roots, src_source=declared.source)
    if declared is not None and config.target_source.startswith("requires-python") and _hidden_only(declared.roots):
        # The root's distribution is a tool kept in a hidden folder (sonic-mgmt's pre-commit
        # hooks in `.hooks/`, `requires-python = ">=3.7"`): its floor says nothing of the
        # repository's code, which runs elsewhere (a test container on 3.12).
        config = replace(config, target_version=None, target_source="")
    if config.target_version is None:
        python = project_python(root)
        if python is not None:
            config = replace(config, target_version=python[0], target_source=python[1])
        else:
            python = runtime_python(root)
            if python is not None:
                readme = readme_python(root)
                if readme is not None and readme[0] > python[0]:
                    # What the project runs on was inferred (tox, a Dockerfile's default): a
                    # README that says it needs a newer Python says the inference is stale
                    # (PerfKitBenchmarker's tox py39 beside "at least Python 3.12").
                    python = (readme[0], f"{readme[1]}, newer than {python[1]}")
                config = replace(config, target_version=python[0], target_source=python[1], target_evident=True)
                # What the project runs on says less than a declaration that excludes Python 3.
                config = replace(config, python2_source=python2_declared(root, exclusive=True) or "")
            else:
                config = replace(config, python3_classifier=python3_classifier(root))
                if not config.python3_classifier:
                    config = replace(config, python2_source=python2_declared(root) or python2_installed(root) or python2_tested(root) or python2_launched(root) or "")
    elif not config.target_source.startswith("target-version"):
        config = _linter_newer(config, linter_python(root))
    if not config.python2_source:
        config = replace(config, python2_also=python2_supported(root) or "")
    requirements, pins, installs = requirement_files(root)
    requirements = requirements | {dependency_name(name) for name in spec_requirements(root)}
    units = deployment_units(root)
    readme_named, readme_pinned = readme_installs(root, (u.folder for u in units))
    setup_required, setup_extras = ({dependency_name(n) for n in names} for names in setup_dependencies(root))
    required = (config.dependencies - config.optional_extras) | requirements | setup_required
    return replace(
        config,
        package_dirs=package_dirs(root),
        dependencies=config.dependencies | requirements | setup_required | setup_extras,
        optional_extras=frozenset((config.optional_extras | setup_extras) - required),
        units=units,
        import_contracts=import_contracts(root, (u.folder for u in units)),
        test_collection=pytest_collection(root, data if explicit is None else None),
        source_distribution=is_source_distribution(root),
        line_endings=read_attributes(root),
        editor_endings=read_editor_endings(root),
        local_files=local_files(root),
        ignored_modules=ignored_module_patterns(root),
        cloned_folders=readme_clones(root, (u.folder for u in units)),
        generator_outputs=generator_outputs(root),
        generated_stubs=generated_stubs(root),
        folder_pins=pins + tuple((u.folder, name) for u in units if u.folder for name in sorted(u.pins))
        + tuple((folder, dependency_name(name)) for folder, name in readme_pinned),
        folder_installs=tuple(sorted(
            (folder, name)
            for folder, name in {*installs, *((f, dependency_name(n)) for f, n in readme_named)}
            if "_" in name  # a name of more words (`airweave_sdk`): a namesake's client, maybe
        )),
        linter_exclude=linter_excludes(root) if config.respect_linter_excludes else (),
    )


def _hidden_only(roots: tuple[str, ...]) -> bool:
    """Every folder a packaging declaration builds from is hidden (``.hooks``)."""
    return bool(roots) and all(any(part.startswith(".") and part not in (".", "..") for part in r.split("/")) for r in roots)


def _load_table(root: Path, explicit: Path | None) -> tuple[Config, Any]:
    """The configuration in ``explicit`` or the root's pyproject.toml, and that file as
    data (None when there is none)."""
    path = explicit or (root / "pyproject.toml")
    if not path.is_file():
        if explicit is not None:
            raise ConfigError(f"{explicit}: configuration file not found")
        return Config(), None
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except RecursionError:  # tomllib recurses once per nested array or inline table
        raise ConfigError(f"{path}: invalid TOML: arrays or tables nested too deeply") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    table = data.get("tool", {}).get("ssotlint", {}) if isinstance(data.get("tool"), dict) else {}
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.ssotlint] must be a table")
    config = parse_table(table, str(path))
    project = data.get("project")
    requires = project.get("requires-python") if isinstance(project, dict) else None
    if config.target_version is None and isinstance(requires, str):
        lowest = lowest_python(requires)
        if lowest is not None:
            config = replace(config, target_version=lowest, target_source=f"requires-python = {requires.strip()!r}")
    required, extras = pyproject_requirements(data)
    return replace(config, dependencies=required | extras, optional_extras=extras - required), data


_REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
_MAX_REQUIREMENTS_BYTES = 1_000_000


def dependency_name(name: str) -> str:
    """A distribution or folder name compared as PEP 503 does (case, ``-``/``_``/``.``)."""
    return re.sub(r"[-_.]+", "_", name).lower()


def _names(specifiers: Any) -> set[str]:
    found = set()
    if isinstance(specifiers, (list, tuple)):
        for item in specifiers:
            match = _REQUIREMENT.match(item) if isinstance(item, str) else None
            if match:
                found.add(dependency_name(match.group(1)))
    return found


def pyproject_dependencies(data: Any) -> frozenset[str]:
    """``[project]`` dependencies and optional dependencies, ``[dependency-groups]`` and
    Poetry's dependency tables: the names only."""
    required, extras = pyproject_requirements(data)
    return required | extras


def pyproject_requirements(data: Any) -> tuple[frozenset[str], frozenset[str]]:
    """The names of :func:`pyproject_dependencies`, as ``(required, extras)``: the extras are
    ``[project.optional-dependencies]`` and Poetry's dependencies marked ``optional = true``
    (what its ``[tool.poetry.extras]`` installs); the rest, development groups included, is
    required (installed wherever the project is developed)."""
    found: set[str] = set()
    optional: set[str] = set()
    project = data.get("project") if isinstance(data, dict) else None
    if isinstance(project, dict):
        found |= _names(project.get("dependencies"))
        extras = project.get("optional-dependencies")
        for group in extras.values() if isinstance(extras, dict) else ():
            optional |= _names(group)
    groups = data.get("dependency-groups") if isinstance(data, dict) else None
    for group in groups.values() if isinstance(groups, dict) else ():
        found |= _names(group)
    tool = data.get("tool") if isinstance(data, dict) else None
    poetry = tool.get("poetry") if isinstance(tool, dict) else None
    if isinstance(poetry, dict):
        tables = [poetry.get("dependencies"), poetry.get("dev-dependencies")]
        groups = poetry.get("group")
        tables += [g.get("dependencies") for g in groups.values() if isinstance(g, dict)] if isinstance(groups, dict) else []
        for table in tables:
            if isinstance(table, dict):
                for key, spec in table.items():
                    if isinstance(key, str) and key.lower() != "python":
                        marked = isinstance(spec, dict) and spec.get("optional") is True
                        (optional if marked else found).add(dependency_name(key))
    return frozenset(found), frozenset(optional)


def requirement_files(
    root: Path,
) -> tuple[frozenset[str], tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """Names in the project's requirements files (``requirements*.txt`` / ``.in``, the files
    of a ``requirements/`` folder, at the root and in folders below it: see
    :func:`requirement_paths`): regular files only (a link is not followed out of the
    repository), each read up to 1 MB; ``(folder, distribution)`` for each exact pin
    (``name==version``) of a file below the root (``Config.folder_pins``: ColossalAI's
    ``examples/language/gpt/titans/requirements.txt`` pins ``colossalai==0.2.0``); and
    ``(folder, distribution)`` for each name, the root's folder ``""`` (for
    ``Config.folder_installs``). One walk and one read of each file."""
    found: set[str] = set()
    pins: dict[tuple[str, str], None] = {}
    installs: dict[tuple[str, str], None] = {}
    for path in requirement_paths(root):
        try:
            if path.is_symlink() or not path.is_file():
                continue
            with path.open("rb") as fh:
                text = fh.read(_MAX_REQUIREMENTS_BYTES).decode("utf-8", "replace")
        except OSError:
            continue
        folder = path.parent.relative_to(root).as_posix() if path.parent != root else ""
        for line in text.splitlines():
            if line.lstrip().startswith(("#", "-")):
                continue
            match = _REQUIREMENT.match(line)
            if match:
                name = dependency_name(match.group(1))
                found.add(name)
                installs[(folder, name)] = None
            pin = EXACT_PIN.match(line) if folder else None
            if pin:
                pins[(folder, dependency_name(pin.group(1)))] = None
    return frozenset(found), tuple(pins), tuple(installs)




_TARGET = re.compile(r"^py3(\d{1,2})$")


def _target_version(value: Any, key: str, where: str) -> tuple[int, int]:
    match = _TARGET.match(value) if isinstance(value, str) else None
    if match is None:
        raise ConfigError(f"{where}: tool.ssotlint.{key} must be a Python version such as 'py312', not {value!r}")
    return (3, int(match.group(1)))


def _strings(value: Any, key: str, where: str) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, list) or not all(
        isinstance(v, str) for v in value
    ):
        raise ConfigError(f"{where}: tool.ssotlint.{key} must be a list of strings")
    return tuple(value)


def _codes(value: Any, key: str, where: str) -> tuple[str, ...]:
    codes = _strings(value, key, where)
    for code in codes:
        if code != "ALL" and not RULE_CODE.match(code):
            raise ConfigError(f"{where}: tool.ssotlint.{key}: {code!r} is not a rule code (SSOT001)")
    # "ALL" is the prefix every code shares.
    return tuple("SSOT" if c == "ALL" else c for c in codes)


def _bool(value: Any, key: str, where: str) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{where}: tool.ssotlint.{key} must be true or false")
    return value


def _score(value: Any, key: str, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
        raise ConfigError(f"{where}: tool.ssotlint.{key} must be a number from 0 to 100")
    return float(value)


def _choice(*choices: str) -> Callable[[Any, str, str], str]:
    def check(value: Any, key: str, where: str) -> str:
        if value not in choices:
            allowed = " or ".join(repr(c) for c in choices)
            raise ConfigError(f"{where}: tool.ssotlint.{key} must be {allowed}, not {value!r}")
        return value

    return check


def _per_file_ignores(value: Any, key: str, where: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: tool.ssotlint.{key} must be a table of glob = [codes]")
    return tuple(
        (glob, _codes(codes, f"{key}.{glob!r}", where)) for glob, codes in value.items()
    )


def _concepts(value: Any, key: str, where: str) -> tuple[Concept, ...]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: tool.ssotlint.{key} must be a table of concept tables")
    concepts = []
    for name, spec in value.items():
        ckey = f"{key}.{name}"
        if not isinstance(spec, dict):
            raise ConfigError(f"{where}: tool.ssotlint.{ckey} must be a table")
        unknown = set(spec) - {"pattern", "canonical"}
        if unknown:
            raise ConfigError(f"{where}: tool.ssotlint.{ckey}: unknown key {sorted(unknown)[0]!r}")
        pattern = spec.get("pattern")
        if not isinstance(pattern, str) or not pattern:
            raise ConfigError(f"{where}: tool.ssotlint.{ckey}.pattern must be a regular expression")
        if len(pattern) > MAX_PATTERN_LENGTH:
            raise ConfigError(
                f"{where}: tool.ssotlint.{ckey}.pattern is longer than {MAX_PATTERN_LENGTH} characters"
            )
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ConfigError(f"{where}: tool.ssotlint.{ckey}.pattern: invalid regex: {exc}") from None
        canonical = spec.get("canonical")
        if canonical is not None and (not isinstance(canonical, str) or "." not in canonical):
            raise ConfigError(
                f"{where}: tool.ssotlint.{ckey}.canonical must be a dotted 'module.Class' name"
            )
        concepts.append(Concept(name, pattern, canonical))
    return tuple(concepts)


def _session(value: Any, key: str, where: str) -> SessionConfig:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: tool.ssotlint.{key} must be a table")
    parsers = {
        "config-is-functional": ("config_is_functional", _bool),
        "test-paths": ("extra_test_paths", _strings),
        "docs-patterns": ("extra_docs_patterns", _strings),
        "tooling-paths": ("tooling_paths", _strings),
        "tooling-is-functional": ("tooling_is_functional", _bool),
    }
    values = {}
    for k, v in value.items():
        if k not in parsers:
            raise ConfigError(f"{where}: tool.ssotlint.{key}: unknown key {k!r}")
        attr, parse = parsers[k]
        values[attr] = parse(v, f"{key}.{k}", where)
    return SessionConfig(**values)


_KEYS: Mapping[str, tuple[str, Callable[[Any, str, str], Any]]] = {
    "src": ("src", _strings),
    "exclude": ("exclude", _strings),
    "extend-exclude": ("extend_exclude", _strings),
    "select": ("select", _codes),
    "ignore": ("ignore", _codes),
    "per-file-ignores": ("per_file_ignores", _per_file_ignores),
    "test-patterns": ("test_patterns", _strings),
    "test-paths": ("test_paths", _strings),
    "test-base-classes": ("test_base_classes", _strings),
    "canonical-enum-modules": ("canonical_enum_modules", _strings),
    "type-checking-imports": ("type_checking_imports", _choice("ignore", "include")),
    "concepts": ("concepts", _concepts),
    "fail-under": ("fail_under", _score),
    "fail-under-production": ("fail_under_production", _score),
    "session": ("session", _session),
    "parser": ("parser", _choice(*PARSERS)),
    "target-version": ("target_version", _target_version),
    "skip-test-data": ("skip_test_data", _bool),
    "respect-linter-excludes": ("respect_linter_excludes", _bool),
}


def parse_table(table: Mapping[str, Any], where: str) -> Config:
    values: dict[str, Any] = {"source": where}
    for key, value in table.items():
        if key not in _KEYS:
            hint = ""
            if key.replace("_", "-") in _KEYS:
                hint = f" (did you mean {key.replace('_', '-')!r}?)"
            raise ConfigError(f"{where}: unknown key tool.ssotlint.{key}{hint}")
        attr, parse = _KEYS[key]
        values[attr] = parse(value, key, where)
    if "target_version" in values:
        values["target_source"] = f"target-version = {table['target-version']!r}"
    if "src" in values:
        values["src_source"] = "[tool.ssotlint] src"
    return Config(**values)


KNOWN_KEYS = tuple(_KEYS)


# ---------------------------------------------------------------------------------------
# A nested project's own target (a monorepo's services and packages)

# A nested project's pyproject.toml is read up to this size (the repository is untrusted).
MAX_NESTED_CONFIG_BYTES = 1_000_000


def _linter_newer(config: Config, linter: tuple[tuple[int, int], str] | None) -> Config:
    """``config`` judged for the Python its formatter, linter or type checker is told the
    code is written for (ruff's or black's ``target-version``, mypy's ``python_version``)
    when that is newer than the oldest its packaging declares: they check the code on every
    change, the packaging's floor is often left behind (frePPLe's ``requires-python =
    ">=3.8"`` beside black's ``target-version = ['py312']``, its code written for 3.12)."""
    if linter is None or config.target_version is None or linter[0] <= config.target_version:
        return config
    return replace(config, target_version=linter[0], target_source=f"{linter[1]}, newer than {config.target_source}")


def own_target(data: Mapping[str, Any]) -> tuple[tuple[int, int], str] | None:
    """The Python version a parsed pyproject.toml declares for its own folder, with where it
    came from: ``[tool.ssotlint] target-version``, else the lower bound of ``[project]
    requires-python``; None when it declares neither (or only in a form not understood: a
    nested project's table configures nothing else, so it is not an error)."""
    tool = data.get("tool")
    table = tool.get("ssotlint") if isinstance(tool, dict) else None
    declared = table.get("target-version") if isinstance(table, dict) else None
    match = _TARGET.match(declared) if isinstance(declared, str) else None
    if match is not None:
        return (3, int(match.group(1))), f"target-version = {declared!r}"
    project = data.get("project")
    requires = project.get("requires-python") if isinstance(project, dict) else None
    lowest = lowest_python(requires) if isinstance(requires, str) else None
    if lowest is None:
        return None
    declared = lowest, f"requires-python = {requires.strip()[:40]!r}"
    linter = table_linter_python(tool if isinstance(tool, dict) else {})
    if linter is not None and linter[0] > lowest:  # (see _linter_newer)
        return linter[0], f"{linter[1]}, newer than {declared[1]}"
    return declared


def pyproject_target(data: bytes) -> tuple[tuple[int, int], str] | None:
    """:func:`own_target` of a pyproject.toml's bytes (read at most
    :data:`MAX_NESTED_CONFIG_BYTES` of); None when they are not TOML or say nothing."""
    try:
        parsed = tomllib.loads(data.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError, ValueError):
        return None
    return own_target(parsed)
