"""Module names from file paths, given the source roots."""

from __future__ import annotations

import keyword
import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator, Sequence

from ssotlint.config_project import declared_pythonpath, read_ini, read_text, read_toml, setup_calls
from ssotlint.discover.build_roots import pants_roots
from ssotlint.discover.checker_roots import checker_roots
from ssotlint.packaging import packaging_roots

if TYPE_CHECKING:
    from ssotlint.extract.summary import FileSummary


class SourceRoots(list[str]):
    """Source roots (see :func:`source_roots`), and which of them are nested projects'
    (:func:`nested_project_roots`): those hold only until the code says otherwise (see
    :func:`settle_roots`); and of those, the roots of distributions (a folder that builds
    one, or its ``src/``), which pip installs into one environment."""

    def __init__(self, roots: Iterable[str], nested: Iterable[str] = (), distributions: Iterable[str] = ()) -> None:
        super().__init__(roots)
        self.nested = tuple(r for r in nested if r in self)
        self.distributions = tuple(r for r in distributions if r in self.nested)


def source_roots(root: Path, configured: Sequence[str]) -> SourceRoots:
    """Relative POSIX source roots, deepest first: configured ``src``, ``src/``, folders
    that run a Django project (:func:`_project_folders`), nested projects' folders
    (:func:`nested_project_roots`), the roots a build tool declares (Pants'
    ``root_patterns``, see :func:`pants_roots`), the root."""
    folders = list(_folders(root))
    # Django project folders one or two levels down; distributions up to three
    # (``python/packages/<name>/``, a uv workspace's members).
    shallow = [(f, n) for f, n in folders if len(f.relative_to(root).parts) <= 2]
    projects = _project_folders(shallow, root)
    declared = set(pants_roots(root))  # a build tool's roots: on sys.path whatever the code says
    # The folders the type checkers are told to resolve imports in: candidates, as nested
    # projects' folders are, that the code may contradict.
    checked = set(checker_roots(root))
    nested = (
        nested_project_roots(folders, root) | _packaged_project_folders(shallow, root) | _tested_from(root) | checked
    ) - projects - declared
    if (root / "src").is_dir():
        # A ``src/`` that is itself a package (MaiBot's, imported as ``src.chat.x`` 1,664
        # times), or a folder the code imports through as a namespace package (achatbot's,
        # ``from src.common.x import y`` 1,227 times, never ``common.x``): a candidate root, as
        # a nested project's package folder is, that the code's imports through ``src.``
        # drop when they outnumber those by its packages' own names (see :func:`settle_roots`).
        nested.add("src")
    roots = roots_of(configured, has_src=(root / "src").is_dir(), projects=projects | nested | declared)
    kept = sorted(nested - {_clean(c) for c in configured})
    return SourceRoots(roots, nested=kept, distributions=[r for r in kept if _distribution_root(root, r)])


def _distribution_root(root: Path, rel: str) -> bool:
    """``rel`` is a folder that builds a distribution, or the ``src/`` folder of one."""
    folder = root / rel
    if folder.name == "src" and rel != "src":
        folder = folder.parent
    try:
        names = frozenset(os.listdir(folder)) & _PACKAGING_FILES
    except OSError:
        return False
    return bool(names) and _builds_distribution(folder, names)


def roots_of(configured: Sequence[str], has_src: bool, projects: Iterable[str] = ()) -> list[str]:
    """:func:`source_roots` given whether the tree has a ``src/`` folder and its Django
    project folders (a tree held in memory has no folders to ask)."""
    roots = {""}
    if has_src:
        roots.add("src")
    roots.update(projects)
    for entry in configured:
        roots.add(_clean(entry))
    return sorted(roots, key=lambda r: (-r.count("/") - (1 if r else 0), r))


def _clean(entry: str) -> str:
    """A configured root as a relative POSIX folder ("" for the root itself)."""
    entry = entry.strip().strip("/")
    if entry.startswith("./"):
        entry = entry[2:]
    return "" if entry in (".", "") else entry


# Folders never searched for nested projects: environments, caches and build output, and
# test trees, whose projects are fixtures a test builds or inspects (poetry's
# ``tests/fixtures/<project>/pyproject.toml``), never installed beside the code.
_NOT_PROJECTS = frozenset(
    {"node_modules", "site-packages", "venv", "env", "build", "dist", "__pycache__",
     "tests", "test", "testing", "fixtures", "testdata", "test_data"}
)


def _folders(root: Path, depth: int = 3) -> Iterator[tuple[Path, frozenset[str]]]:
    """The folders one to ``depth`` levels below ``root`` (not hidden ones, not
    environments or build output), each with the names of the files it holds: one
    directory read per folder."""
    level = [root]
    for step in range(depth + 1):
        below: list[Path] = []
        for folder in level:
            names: set[str] = set()
            try:
                with os.scandir(folder) as entries:
                    for entry in entries:
                        if entry.is_dir(follow_symlinks=False):
                            if step < depth and not entry.name.startswith(".") and entry.name not in _NOT_PROJECTS:
                                below.append(Path(entry.path))
                        else:
                            names.add(entry.name)
            except OSError:
                continue
            if step:
                yield folder, frozenset(names)
        level = below


def _project_folders(folders: Iterable[tuple[Path, frozenset[str]]], root: Path) -> set[str]:
    """Folders (of :func:`_folders`) holding a ``manage.py`` and no ``__init__.py``
    (``netbox/manage.py`` beside the ``netbox/netbox/`` package): ``python manage.py`` puts
    its own folder first on ``sys.path``, so ``from netbox.api import x`` there means
    ``netbox/netbox/api``. A package's ``manage.py`` (a test project inside a package) is
    not a root."""
    return {
        folder.relative_to(root).as_posix() for folder, names in folders if "manage.py" in names and "__init__.py" not in names
    }


def _packaged_project_folders(folders: Iterable[tuple[Path, frozenset[str]]], root: Path) -> set[str]:
    """Folders (of :func:`_folders`) holding a ``manage.py`` and an ``__init__.py``
    (jumpserver's ``apps/``, whose code imports ``accounts.const``, never
    ``apps.accounts.const``): ``python manage.py`` puts the folder first on ``sys.path``
    whatever else it is, so it is a root, as a nested project's is, when the code imports
    its packages by their own names more than through the outer package (a test project
    inside a package is imported through it: :func:`settle_roots` drops it). Only a
    Django ``manage.py`` (it sets ``DJANGO_SETTINGS_MODULE``): a package's ``manage``
    command module is no such script."""
    return {
        rel for folder, names in folders
        if "manage.py" in names and "__init__.py" in names and (rel := folder.relative_to(root).as_posix()) not in ("", ".")
        and "DJANGO_SETTINGS_MODULE" in (read_text(folder / "manage.py") or "")  # Django's, not a CLI's `manage` command
    }


def nested_project_roots(folders: Iterable[tuple[Path, frozenset[str]]], root: Path) -> set[str]:
    """The source roots of the distributions built from folders (of :func:`_folders`)
    (buildbot's ``master/setup.py`` beside ``master/buildbot/``, ``worker/`` beside it):
    such a folder is installed (or installed editable) on its own, so its code imports
    ``buildbot.steps``, never ``master.buildbot.steps``. Each folder holding a packaging
    file that builds something (:func:`_builds_distribution`) and no ``__init__.py`` gives
    its own roots as the repository's root does: the folder, its ``src/``, and the folders
    its own packaging configuration declares (``sub/lib``); one with an ``__init__.py``
    gives the folder itself. So is a folder that holds a
    package of its own name (:func:`_holds_namesake_package`), and so are the folders a
    folder's own pytest configuration puts on ``sys.path`` (:func:`_pytest_roots`).
    :func:`settle_roots` drops those the code contradicts."""
    found: set[str] = set()
    for folder, names in folders:
        rel = folder.relative_to(root).as_posix()
        if "__init__.py" in names:
            # A stray ``__init__.py`` beside the packaging file (tracim's empty
            # ``backend/__init__.py`` beside ``backend/setup.py``, whose code imports
            # ``tracim_backend.lib``): the folder still installs its own packages, and
            # :func:`settle_roots` keeps it as a root only when the code imports them by
            # their own names more than through the folder's package.
            if names & _PACKAGING_FILES and _builds_distribution(folder, names):
                found.add(rel)
            continue
        if _holds_namesake_package(folder):
            found.add(rel)
        found.update(_pytest_roots(folder, names, rel))
        if not names & _PACKAGING_FILES or not _builds_distribution(folder, names):
            continue
        found.add(rel)
        if (folder / "src").is_dir():
            found.add(f"{rel}/src")
        declared = packaging_roots(folder)
        if declared is not None:
            found.update(f"{rel}/{r}" for r in declared.roots)
    return found


_PACKAGING_FILES = frozenset({"pyproject.toml", "setup.cfg", "setup.py"})
_PYTEST_FILES = frozenset({"pytest.ini", ".pytest.ini", "pyproject.toml", "tox.ini", "setup.cfg"})


def _pytest_roots(folder: Path, names: frozenset[str], rel: str) -> list[str]:
    """The folders that a pytest configuration in ``folder`` (a deployment unit's own
    ``pytest.ini`` with ``pythonpath = .``, which its CI runs as ``cd unit; pytest``) puts
    on ``sys.path``: the unit's modules import its own packages from there (``from
    lib.common import x`` for ``unit/lib/common/``), not the repository's namesakes."""
    if not names & _PYTEST_FILES:
        return []
    return [f"{rel}/{entry}" if entry else rel for entry in declared_pythonpath(folder) if (folder / entry).is_dir()]


def _tested_from(root: Path) -> set[str]:
    """The folders below ``root`` that its own test configuration puts on ``sys.path``
    (pytest's ``pythonpath``, tox's ``PYTHONPATH = {toxinidir}/lib``): its tests import the
    packages there by their own names (``vdsm.common`` for ``lib/vdsm/common/``). Like a
    nested project's roots, each holds only until the code says otherwise. Not a package's
    folder (vdsm's hooks environment adds ``lib/vdsm/hook`` for its ``import hooking``):
    its modules are the package's too, and the model names each module once, by its
    package."""
    return {
        entry for entry in declared_pythonpath(root)
        if entry and (root / entry).is_dir() and not (root / entry / "__init__.py").is_file()
    }


def _holds_namesake_package(folder: Path) -> bool:
    """Whether a folder that is no package holds a regular package of its own name
    (securedrop's ``journalist_gui/journalist_gui/__init__.py``, its scripts and tests
    beside it): the folder is the package's project, and what runs there (a script, a
    test) has it first on ``sys.path``. A regular package wins over a namespace portion
    wherever it lies on ``sys.path``, so ``journalist_gui`` is the inner package, never the
    outer folder."""
    return (folder / folder.name / "__init__.py").is_file()


def _builds_distribution(folder: Path, names: frozenset[str]) -> bool:
    """Whether ``folder`` is a project that builds a distribution: a ``setup.py`` that
    calls ``setup(...)`` (a developer script merely named ``setup.py`` does not; read with
    ``ast``, never run), a ``pyproject.toml`` with a ``[build-system]`` or a named
    ``[project]``, or a ``setup.cfg`` with ``[metadata] name``."""
    if "pyproject.toml" in names:
        data = read_toml(read_text(folder / "pyproject.toml"))
        if isinstance(data, dict):
            project = data.get("project")
            if isinstance(data.get("build-system"), dict) or (isinstance(project, dict) and "name" in project):
                return True
    if "setup.cfg" in names:
        cfg = read_ini(read_text(folder / "setup.cfg"))
        if cfg is not None and cfg.has_option("metadata", "name"):
            return True
    return "setup.py" in names and bool(setup_calls(read_text(folder / "setup.py")))


def settle_roots(roots: Sequence[str], entries: Sequence[tuple[str, "FileSummary"]]) -> list[str]:
    """``roots`` without the nested projects' roots (``roots.nested``, see
    :class:`SourceRoots`) that the code contradicts:

    - the code imports the folder's modules by their outer name (``from services.auth.api
      import x``, ``services`` on ``sys.path`` rather than ``services/auth``) at least as
      often as by their own (``from api import x``), or through an outer package that
      holds other code too (``services/`` beside ``services/auth/``, where such an import
      would read as broken) unless its own names are used ten times as often: the folder
      is part of the repository's namespace, not installed on its own. A stray outer-name
      import among many by the package's own name through a folder that holds nothing else
      (a test's ``from Allura.allura.tests import x`` beside a thousand ``from allura.lib
      import y``) says the package is installed, and the root stays;
    - a package of the folder has the name of another root's package (two services that
      each hold an ``app`` package): each is importable only in its own environment, and
      one name cannot stand for both. Such a project is kept in ``apart`` (see
      :class:`SettledRoots`): its own imports of its own packages resolve in its folder.

    And with the folders a package's ``__init__`` puts on ``sys.path`` to complete
    namespace packages (:func:`inserted_roots`). A pure function of the files' paths,
    imports and ``sys.path`` entries."""
    added = settings_roots(roots, entries)
    programs = [r for r in program_roots(roots, entries) if r not in added]
    added += programs
    if added:
        ordered = sorted([*roots, *added], key=lambda r: (-r.count("/") - (1 if r else 0), r))
        roots = SourceRoots(ordered, nested=[*getattr(roots, "nested", ()), *added], distributions=getattr(roots, "distributions", ()))
    settled = _settled(roots, entries)
    kept = [r for r in programs if r in settled]
    if kept:
        # A program's folder is first on sys.path only while that program runs: its
        # packages answer its own files' imports (``apart``), never the rest of the tree's
        # (NVIDIA's DeepLearningExamples: one model's `object_detection` is not another's).
        settled = SettledRoots(
            [r for r in settled if r not in kept], apart=sorted({*getattr(settled, "apart", ()), *kept}, key=lambda r: (-r.count("/"), r)),
            distributions=getattr(settled, "distributions", ()),
        )
    extra = inserted_roots(settled, entries)
    if not extra:
        return settled
    ordered = sorted([*settled, *extra], key=lambda r: (-r.count("/") - (1 if r else 0), r))
    return SettledRoots(ordered, apart=getattr(settled, "apart", ()), distributions=getattr(settled, "distributions", ()))


def settings_roots(roots: Sequence[str], entries: Sequence[tuple[str, "FileSummary"]]) -> list[str]:
    """Folders that a Django settings module (one that sets ``INSTALLED_APPS``) puts on
    ``sys.path`` by a path built from its own ``__file__`` (UK-Polling-Stations'
    ``sys.path.insert(0, root("apps"))``, whose apps import each other as
    ``data_importers.base``): Django imports the settings before any application, so the
    folder is on ``sys.path`` for the whole program. Each is a candidate root that
    :func:`settle_roots` keeps only when the code imports its packages by their own names
    more than through the outer package."""
    found: list[str] = []
    folders: set[str] | None = None
    for path, summary in entries:
        if not summary.installed_apps or not summary.path_entries:
            continue
        if folders is None:
            folders = {p.rpartition("/")[0] for p, _ in entries}
        for folder in file_anchored(path, summary):
            if folder not in roots and folder not in found and folder in folders:
                found.append(folder)
    return found


def program_roots(roots: Sequence[str], entries: Sequence[tuple[str, "FileSummary"]]) -> list[str]:
    """Folders a program in them puts on ``sys.path`` by being run there: a module with a
    ``__main__`` block that imports, by an absolute import, a package of its own folder
    (not a module beside it: in a package, that is Python 2's implicit relative import;
    openbmc's ``tests2/cit_runner.py``, ``from utils.platforms import PLATFORMS``
    for ``tests2/utils/platforms.py``, run as ``python cit_runner.py``; the tests it loads
    import ``from common.base_bic_test import ...``). Python puts a script's folder first
    on ``sys.path``, whatever ``__init__.py`` the folder holds. Only a package's folder: a
    script in a plain folder imports its siblings as the model reads any loose script's
    imports already. Each is a candidate root that :func:`settle_roots` keeps only when
    the code imports its packages by their own names more than through the outer package,
    and then as a project apart."""
    found: list[str] = []
    below: set[str] | None = None
    packages = {path.rpartition("/")[0] for path, _ in entries if path.endswith("/__init__.py")}
    for path, summary in entries:
        folder = path.rpartition("/")[0]
        if not summary.main_guard or folder not in packages or folder in roots or folder in found:
            continue
        if below is None:
            # The folders that hold modules.
            below = {p[:i] for p, _ in entries for i in range(len(p)) if p[i] == "/"}
        if any(not rec.level and rec.module and f"{folder}/{rec.module.partition('.')[0]}" in below for rec in summary.imports):
            found.append(folder)
    return found


def file_anchored(path: str, summary: "FileSummary") -> Iterator[str]:
    """The folders inside the repository that the module at ``path`` puts on ``sys.path``
    by a path built from its own ``__file__`` (``FileSummary.path_entries``)."""
    here = path.rpartition("/")[0]
    for anchor, spelled, _, _ in summary.path_entries:
        if anchor != "file":
            continue
        folder = os.path.normpath(f"{here}/{spelled}" if here else (spelled or "."))
        if folder not in (".", "") and not folder.startswith(".."):
            yield folder


def inserted_roots(roots: Sequence[str], entries: Sequence[tuple[str, "FileSummary"]]) -> list[str]:
    """Folders that a package's ``__init__`` puts on ``sys.path`` by a path built from its
    own ``__file__`` (zentral's settings package ``server/server/__init__.py`` inserting
    ``../../ee`` and ``../../ee/server``), when such a folder is no package and no root and
    holds a namespace folder (no ``__init__.py``) that a source root holds as a namespace
    folder too (``ee/zentral/`` beside the top's ``zentral/``): once the package is
    imported, the two portions are one namespace package, and ``zentral.contrib.wsone``
    is ``ee/zentral/contrib/wsone/``. A package's ``__init__`` runs before any of its
    modules, so the folder is on ``sys.path`` for the whole program."""
    candidates = [(path, summary) for path, summary in entries if path.endswith("/__init__.py") and summary.path_entries]
    if not candidates:
        return []
    folders: set[str] = set()
    packages: set[str] = set()
    for path, _ in entries:
        folder, _, name = path.rpartition("/")
        if name == "__init__.py":
            packages.add(folder)
        while folder and folder not in folders:
            folders.add(folder)
            folder = folder.rpartition("/")[0]
    found: list[str] = []
    for path, summary in candidates:
        if module_name(path, roots)[0] is None:
            continue  # no package the program imports
        for folder in file_anchored(path, summary):
            if folder in roots or folder in packages or folder not in folders:
                continue
            if folder not in found and _completes_namespace(folder, roots, folders, packages):
                found.append(folder)
    return found


def _completes_namespace(folder: str, roots: Sequence[str], folders: set[str], packages: set[str]) -> bool:
    """Whether ``folder`` holds a namespace folder that a source root holds as one too."""
    prefix = folder + "/"
    for child in folders:
        if not child.startswith(prefix) or "/" in child[len(prefix) :] or child in packages:
            continue
        name = child[len(prefix) :]
        for root in roots:
            other = f"{root}/{name}" if root else name
            if other != child and other in folders and other not in packages and not other.startswith(prefix):
                return True
    return False


# An outer package that holds other code keeps a nested project's folder in the
# repository's namespace, unless the code imports the folder's packages by their own
# names this many times as often as through the outer name (Kiln's ``libs/core/``: hundreds
# of ``kiln_ai`` imports, two of ``libs.core.kiln_ai``): then it is installed, and the few
# outer-name imports work only from the repository's root.
_OWN_NAMES_WIN = 10


def _settled(roots: Sequence[str], entries: Sequence[tuple[str, "FileSummary"]]) -> list[str]:
    """:func:`settle_roots` before the inserted folders."""
    nested = getattr(roots, "nested", ())
    if not nested:
        return list(roots)
    tops: dict[str, set[str]] = {r: set() for r in roots}  # modules and packages at the top of each root
    packages: dict[str, set[str]] = {r: set() for r in roots}  # packages (with __init__.py) at the top
    # Portions of one namespace package: a package whose ``__init__`` extends its
    # ``__path__`` in every root that holds it (sagemaker's core, train, serve and mlops
    # projects, each ``src/sagemaker/__init__.py`` calling ``pkgutil.extend_path``) is one
    # package made of all of them, not two packages that cannot both be installed.
    portions: dict[str, bool] = {}
    # (root, top package) -> the names inside it (``__init__`` aside), and the roots whose
    # ``__init__`` of that package does something (see :func:`_split_packages`).
    inside: dict[tuple[str, str], set[str]] = {}
    busy: dict[str, set[str]] = {}
    for path, summary in entries:
        place = _root_of(path, roots)
        if place is None:
            continue
        source_root, inner = place
        first, sep, rest = inner.partition("/")
        if sep:
            tops[source_root].add(first)
            if rest == "__init__.py":
                packages[source_root].add(first)
                portions[first] = portions.get(first, True) and summary.extends_path
                if not bare_module(summary):
                    busy.setdefault(first, set()).add(source_root)
            else:
                inside.setdefault((source_root, first), set()).add(rest.partition("/")[0].removesuffix(".py"))
        elif first.endswith(".py"):
            tops[source_root].add(first[:-3])
    distributions = getattr(roots, "distributions", ())
    merged = frozenset(name for name, extends in portions.items() if extends) | _split_packages(
        {r: names for r, names in packages.items() if r in distributions}, packages, inside, busy
    )
    # A name another root holds too is not this folder's own, unless the two are portions
    # of one namespace package (zato's eight ``src/zato/`` trees): then it is each one's.
    others: dict[str, set[str]] = {r: set().union(*(tops[o] for o in roots if o != r)) - merged for r in nested}
    dropped = set()
    paths = {path for path, _ in entries}
    for r in nested:
        if f"{r}/__init__.py" in paths:
            # A package folder (a Django project's folder with an ``__init__.py``): any
            # import through its package name reads it as the outer root's package, and it
            # is a root only when its own names are imported more.
            outer, inner = _package_imports(_outer_names(r, roots), entries), _inner_imports(tops[r] - others[r], entries)
            # (``src/`` is a root by convention: only imports through ``src.`` make it a package)
            if outer > inner or (outer == inner and r != "src"):
                dropped.add(r)
            continue
        outer = _outer_imports(_outer_names(r, roots), tops[r], entries)
        inner = _inner_imports(tops[r] - others[r], entries)
        if r == "src":
            # A root by convention: only more imports through ``src.`` than by its own
            # names make it a folder of the repository's namespace.
            if outer > inner:
                dropped.add(r)
            continue
        if outer and (outer >= inner or (_outer_folder_shared(r, roots, entries) and inner < _OWN_NAMES_WIN * outer)):
            dropped.add(r)
    dropped |= _climbed_out_of(nested, entries, paths)
    apart = set()
    for r in nested:
        if any(
            {n for n in packages[r] & packages[other] if not _test_package(n)} - merged and not _own_tests_mirror(r, other)
            for other in roots if other != r
        ):
            apart.add(r)
    return SettledRoots(
        [r for r in roots if r not in dropped | apart], apart=sorted(apart - dropped, key=lambda r: (-r.count("/"), r)),
        distributions=[r for r in distributions if r not in dropped | apart],
    )


def _climbed_out_of(nested: Sequence[str], entries: Sequence[tuple[str, "FileSummary"]], paths: set[str]) -> set[str]:
    """The nested roots below which a module's relative import climbs above the root to a
    module of the folders around it (openWB's device samples: ``docs/samples/sample_modbus/
    sample_modbus/config.py`` does ``from ..vendor import x``, ``vendor.py`` one folder up,
    beside an ``__init__ .py`` misspelt): the code reads the root's folder, which has no
    ``__init__.py``, as a namespace package, so it is no top of ``sys.path``."""
    found: set[str] = set()
    for r in nested:
        if not r or f"{r}/__init__.py" in paths:
            continue  # (a package folder's candidacy is the import counts' to settle)
        prefix, base = r + "/", r.split("/")
        for path, summary in entries:
            if not path.startswith(prefix) or not any(rec.level > 1 for rec in summary.imports):
                continue
            folders = path[len(prefix):].split("/")[:-1]
            for rec in summary.imports:
                if rec.level < 2 or rec.level - 1 < len(folders) or not rec.module:
                    continue
                up = rec.level - 1 - len(folders)  # folders above the root
                if up >= len(base):
                    continue
                target = "/".join([*base[: len(base) - up], *rec.module.split(".")])
                if f"{target}.py" in paths or f"{target}/__init__.py" in paths:
                    found.add(r)
                    break
            if r in found:
                break
    return found


def bare_module(summary: "FileSummary") -> bool:
    """A module that binds nothing and imports nothing (an empty ``__init__.py``, or one
    with only a docstring or comments)."""
    return not (summary.imports or summary.classes or summary.functions or summary.assigned)


def one_split_package(children: Iterable[set[str]], busy: int) -> bool:
    """Whether the regular packages of one name that several roots hold are parts of one
    package installed from several distributions: no module or subpackage name (``children``,
    one set per root) in two of them, and an ``__init__`` that does something (``busy``:
    how many do) in one of them at most. agno's ``libs/agno/agno/`` holds the agents and
    ``libs/agno_infra/agno/`` holds ``aws`` and ``docker`` under an empty ``__init__.py``:
    installed together, their files land in one folder and are one package. Two projects
    that each hold an ``app`` package of their own overlap (``app/models.py`` in both), or
    each sets its package up in its own ``__init__``."""
    if busy > 1:
        return False
    seen: set[str] = set()
    for names in children:
        if seen & names:
            return False
        seen |= names
    return True


def _split_packages(
    installed: dict[str, set[str]], packages: dict[str, set[str]], inside: dict[tuple[str, str], set[str]],
    busy: dict[str, set[str]],
) -> frozenset[str]:
    """The top packages that several distributions' roots hold, and no other root, that are
    one package (:func:`one_split_package`). ``installed``: the distributions' roots' top
    packages; ``packages``: every root's. A deployment unit's own ``lib`` beside the
    repository's is no part of it: the two never share an environment."""
    holders: dict[str, list[str]] = {}
    for root, names in packages.items():
        for name in names:
            holders.setdefault(name, []).append(root)
    return frozenset(
        name for name, roots in holders.items()
        if len(roots) > 1 and all(name in installed.get(r, ()) for r in roots)
        and one_split_package((inside.get((r, name), set()) for r in roots), len(busy.get(name, ())))
    )


def _own_tests_mirror(root: str, other: str) -> bool:
    """``other`` is the test folder of ``root``'s own project (``backend/tests`` beside
    ``backend/src``, both on ``sys.path`` by its pytest ``pythonpath = ["src", "tests"]``),
    whose packages mirror the product's (spiff-arena's ``tests/spiffworkflow_backend/``):
    the product's root comes first, so its packages are the product's, and only the test
    root gives way."""
    folder, _, name = other.rpartition("/")
    return name in TEST_FOLDERS and folder == root.rpartition("/")[0] and root.rpartition("/")[2] not in TEST_FOLDERS


# Names of a folder that holds a project's tests.
TEST_FOLDERS = frozenset({"tests", "test", "testing"})


class SettledRoots(list[str]):
    """The source roots :func:`settle_roots` keeps, and the nested projects it dropped
    because a package of theirs has another root's package's name (``apart``): each such
    project still runs in its own environment, where its own files answer its imports of
    its own packages (see ``Project.apart``)."""

    def __init__(self, roots: Iterable[str], apart: Iterable[str] = (), distributions: Iterable[str] = ()) -> None:
        super().__init__(roots)
        self.apart = tuple(apart)
        self.distributions = tuple(distributions)  # the kept roots that are distributions'


# Test packages of the same name in several projects (``tests``) shadow each other only for
# test code, which imported them by the ambiguous name before as after: no reason to drop
# a project's roots, and with them its product code's names.
_TEST_PACKAGES = frozenset({"tests", "test", "testing"})


def _test_package(name: str) -> bool:
    """A package named for tests (``tests``, or with such a word: girder's per-plugin
    ``plugin_tests``): every project of a monorepo may keep one, and none is installed, so
    two projects holding one are not two distributions of one package."""
    return name in _TEST_PACKAGES or not _TEST_PACKAGES.isdisjoint(name.lower().split("_"))


def _outer_names(folder: str, roots: Sequence[str]) -> list[str]:
    """The dotted names ``folder`` has inside the other roots that hold it (``svc/auth`` is
    ``svc.auth`` from the root, ``auth`` from a ``svc`` root); those that are names."""
    names = []
    for other in roots:
        if other == folder or (other and not folder.startswith(other + "/")):
            continue
        name = _package(folder[len(other) + 1 :] if other else folder)
        if name:
            names.append(name)
    return names


def _outer_folder_shared(folder: str, roots: Sequence[str], entries: Sequence[tuple[str, "FileSummary"]]) -> bool:
    """Whether the outer package an outer-name import starts from holds more than
    ``folder`` (``services/`` holds ``services/app/`` beside ``services/auth/``): it stays
    a package of the repository, and an import through it into ``folder`` would read as
    broken once ``folder`` is a root. ``Allura/`` alone in ``Allura/`` holds nothing else:
    its outer name simply goes away."""
    heads = set()
    for other in roots:
        if other != folder and (not other or folder.startswith(other + "/")):
            inner = folder[len(other) + 1 :] if other else folder
            heads.add(f"{other}/{inner.partition('/')[0]}" if other else inner.partition("/")[0])
    heads.discard(folder)
    return any(
        path.startswith(head + "/") and not path.startswith(folder + "/") for head in heads for path, _ in entries
    )


def _root_of(path: str, roots: Sequence[str]) -> tuple[str, str] | None:
    """The first root holding ``path``, and the path inside it."""
    for source_root in roots:
        if not source_root:
            return "", path
        if path.startswith(source_root + "/"):
            return source_root, path[len(source_root) + 1 :]
    return None


def _outer_imports(outers: Sequence[str], tops: set[str], entries: Sequence[tuple[str, "FileSummary"]]) -> int:
    """How many absolute imports name a module at the top of a folder through one of the
    folder's own dotted names (``outers``: ``master.buildbot.x``, ``from master import
    buildbot``)."""
    if not outers or not tops:
        return 0
    starts = tuple(outers)
    heads = tuple(outer + "." for outer in outers)
    count = 0
    for _, summary in entries:
        for record in summary.imports:
            module = record.module
            if record.level or not module.startswith(starts):
                continue
            if module in outers:
                count += any(name in tops for name, _ in record.names)
                continue
            count += any(module.startswith(head) and module[len(head) :].partition(".")[0] in tops for head in heads)
    return count


def _package_imports(outers: Sequence[str], entries: Sequence[tuple[str, "FileSummary"]]) -> int:
    """How many absolute imports name one of ``outers`` or a module in it (``kit``,
    ``kit.gone``)."""
    if not outers:
        return 0
    heads = tuple(outer + "." for outer in outers)
    return sum(
        1
        for _, summary in entries
        for record in summary.imports
        if not record.level and (record.module in outers or record.module.startswith(heads))
    )


def _inner_imports(tops: set[str], entries: Sequence[tuple[str, "FileSummary"]]) -> int:
    """How many absolute imports name a module at the top of a folder by its own name
    (``from allura.lib import helpers`` for ``Allura/allura/``): ``tops``, the folder's
    top-level names that no other root holds (a name two roots hold says nothing)."""
    if not tops:
        return 0
    return sum(
        1
        for _, summary in entries
        for record in summary.imports
        if not record.level and record.module.partition(".")[0] in tops
    )


def _place(rel_path: str, roots: Sequence[str]) -> tuple[str | None, str, str] | None:
    """``(package, file stem, folder)`` of a ``.py`` file under the first source root that
    holds it, the folder relative to that root: the package is None when a folder on the
    way is not a package name; None outside every root."""
    for source_root in roots:
        if source_root and not rel_path.startswith(source_root + "/"):
            continue
        inner = rel_path[len(source_root) + 1 :] if source_root else rel_path
        folder, _, stem = inner[:-3].rpartition("/")
        return _package(folder), stem, folder
    return None


def module_name(rel_path: str, roots: Sequence[str]) -> tuple[str | None, bool]:
    """``(dotted name, is_package)`` of a file, or ``(None, False)`` if not importable."""
    place = _place(rel_path, roots)
    if place is None or place[0] is None:
        return None, False
    package, stem, _ = place
    if stem == "__init__":
        return (package, True) if package else (None, False)
    if not _is_name(stem):
        return None, False
    return (f"{package}.{stem}" if package else stem), False


def loader_name(rel_path: str, roots: Sequence[str]) -> str | None:
    """The module name of a file whose *file name* is not an identifier (Django's
    ``0001_initial.py``, a ``dev-tools.py`` script), in an importable package or a root; or
    of any file in a folder whose name is not one (``pkg-a/x.py``: ``pkg-a.x``).

    No import statement can name it, but ``importlib.import_module("app.migrations.0001_initial")``
    loads it (Django does), or it runs as a script: its imports run, and what it defines
    exists. It can only ever be an importer. None for files :func:`module_name` names, and
    for stems with a dot (``a.b.py`` would read as a submodule).
    """
    place = _place(rel_path, roots)
    if place is None:
        return None
    package, stem, folder = place
    if package is None:
        # A folder on the way is no name (``docker/oso-host-monitoring/src/root/``): the file
        # is a script run from there, or loaded by path; named by its path from the root.
        parts = folder.split("/")
        if not stem or "." in stem or any(not p or "." in p or not _is_text(p) for p in parts):
            return None
        if stem == "__init__":
            # A package below a folder no import can name (``research/condist-fl/src/data/
            # augmentations/``): what its ``__init__`` brings from its modules (``from
            # .intensity import X``) is there for its siblings' relative imports (the model
            # names only such an ``__init__``). A folder whose own name is none
            # (``integration-tests/``) is no package to them.
            return ".".join(parts) if _is_name(parts[-1]) else None
        package = ".".join(parts)
    elif not stem or "." in stem or stem == "__init__" or _is_name(stem):
        return None
    if not _is_text(stem):
        return None  # undecodable bytes in the name: no str names it, importlib cannot load it
    return f"{package}.{stem}" if package else stem


def _is_text(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # surrogate escapes of undecodable bytes
        return False
    return True


@lru_cache(maxsize=1 << 16)
def importable(module: str) -> bool:
    """Whether an import statement can name the module (every part an identifier).
    Memoised: a history asks it of every module of the tree at each commit."""
    return all(_is_name(part) for part in module.split("."))


def _is_name(part: str) -> bool:
    return part.isidentifier() and not keyword.iskeyword(part)


@lru_cache(maxsize=4096)
def _package(folder: str) -> str | None:
    """The dotted package of a folder ("" for a root), None if some part is not a name.
    Cached: the files of a folder share it."""
    if not folder:
        return ""
    parts = folder.split("/")
    return ".".join(parts) if all(_is_name(p) for p in parts) else None


def opaque_module_name(rel_path: str, roots: Sequence[str]) -> str | None:
    """Module name of a stub, extension or Cython file (``pkg/_fast.cpython-311-x86_64-linux-gnu.so``)."""
    folder, _, name = rel_path.rpartition("/")
    stem = name.split(".", 1)[0]
    if not stem:
        return None
    return module_name(f"{folder}/{stem}.py" if folder else f"{stem}.py", roots)[0]
