"""Finding the repository root and the Python files to analyse."""

from __future__ import annotations

import ast
import os
import re
import subprocess
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any, Callable, Collection, Iterable, Iterator, Mapping, NamedTuple, Sequence

from ssotlint.astnames import dotted_name
from ssotlint.discover.excludes import TreeExcludes, package_folders, package_named
from ssotlint.discover.tool_excludes import excluded_generated_trees
from ssotlint.config import Config, dependency_name
from ssotlint.config_project import ignored_literals, ignored_patterns, is_container_file, read_text, read_toml
from ssotlint.deployment_units import declared_name
from ssotlint.discover.build_files import (
    bazel_brings_python,
    bazel_repository_name,
    gn_placed,
    InstalledFile,
    cffi_scripts,
    cmake_installed,
    cmake_installed_files,
    cmake_modules,
    cmake_output_folders,
    is_build_script,
    meson_declarations,
    scm_version_file,
    script_modules,
)
from ssotlint.discover.roles import is_documentation
from ssotlint.gitcmd import git_command, git_env
from ssotlint.globs import GlobSet
from ssotlint.packaging import generated_modules, toml_table


def find_root(start: Path) -> Path:
    """The nearest folder upward from ``start`` that holds pyproject.toml or .git."""
    start = start.resolve()
    here = start if start.is_dir() else start.parent
    for folder in (here, *here.parents):
        if (folder / "pyproject.toml").is_file() or (folder / ".git").exists():
            return folder
    return here


class Discovery(NamedTuple):
    files: list[str]  # POSIX paths relative to the root, sorted
    warnings: list[str]
    from_git: bool
    # Modules that exist but are not analysed: stubs, compiled extensions, Cython sources,
    # git-ignored (typically generated) .py files, the files a build writes (``_version.py``,
    # :func:`declared_generated`), vendored code (:func:`vendored_folders`), and folders that hold files but no
    # Python (``pkg/templates/``, with a trailing ``/``: namespace packages, see
    # :func:`data_folders`). Imports of them are not "broken". A git submodule that is not
    # checked out ends in ``/**`` (:func:`absent_submodules`): what is below it is not known.
    opaque: list[str] = []
    # pyproject.toml files below the root (nested projects: their own target Python), the
    # conftest.py files (which may stop collecting files on older Pythons), and the
    # Dockerfiles of folders below the root (the Python that runs their files).
    configs: list[str] = []
    # The folders of vendored code found (:func:`vendored_folders` and the others; a
    # ``.py`` entry is one file, :func:`linted_out_files`): their files are opaque modules here, and a commit's files there are not analysed either
    # (see :func:`ssotlint.pipeline.revision.without_vendored`).
    vendored: list[str] = []


# ``.pyx.in``, ``.pyx.tp``: a Cython template (Tempita) the build turns into the ``.pyx`` of
# an extension (scikit-learn's ``neighbors/_binary_tree.pyx.tp`` -> ``_ball_tree``'s is
# named by its build file, but ``utils/_seq_dataset.pyx.tp`` -> ``_seq_dataset`` by its own
# name); ``.py.in``: a module the build renders from a template (``__config__.py.in``).
OPAQUE_SUFFIXES = (".pyi", ".so", ".pyd", ".pyx", ".pyx.in", ".pyx.tp", ".py.in")
NESTED_CONFIG = "pyproject.toml"
_PATTERNS = ("*.py",) + tuple("*" + s for s in OPAQUE_SUFFIXES) + ("*/" + NESTED_CONFIG,)
_PATTERN_SUFFIXES = (".py",) + OPAQUE_SUFFIXES


def is_nested_config(path: str) -> bool:
    """A pyproject.toml below the root (the root's own is the configuration)."""
    return path.endswith("/" + NESTED_CONFIG)


def is_nested_setup(path: str) -> bool:
    """A ``setup.py`` below the root: a nested distribution's (GridCal's
    ``src/VeraGridEngine/setup.py``), whose ``python_requires`` says which Python its files
    run on (see :mod:`ssotlint.pipeline.targets`)."""
    return path.endswith("/setup.py")


def is_config_script(path: str) -> bool:
    """A Python file read as configuration too: a ``conftest.py`` (its version gates), a
    nested ``setup.py`` (its ``python_requires``)."""
    return path == "conftest.py" or path.endswith("/conftest.py") or is_nested_setup(path)


def is_container_config(path: str) -> bool:
    """A Dockerfile (``Dockerfile``, ``Dockerfile.web``, ``web.Dockerfile``, ``Containerfile``)
    in a folder below the root: the container that runs the files of its folder."""
    folder, _, name = path.rpartition("/")
    return bool(folder) and is_container_file(name)


def _git_files(root: Path) -> tuple[list[str], list[str]] | None:
    """Tracked plus untracked-not-ignored files, and the ignored ones of interest; None
    outside a git work tree."""
    queries = {
        # every file, not only Python's: the folders that hold no Python are modules too
        "listed": ("--cached", "--others", "--exclude-standard", "--"),
        "deleted": ("--deleted", "--"),
        # --directory collapses ignored folders (.venv/) into one entry, which we drop.
        "ignored": ("--others", "--ignored", "--exclude-standard", "--directory", "--", *_PATTERNS),
    }
    # The three walks run side by side: each takes tens of milliseconds on a large tree.
    running: dict[str, subprocess.Popen[bytes]] = {}
    answers: dict[str, list[str] | None] = {}
    env = git_env()
    try:
        for name, extra in queries.items():
            try:
                running[name] = subprocess.Popen(
                    git_command("ls-files", "-z", *extra),
                    cwd=root,
                    env=env,
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                )
            except OSError:
                answers[name] = None
        for name, proc in running.items():
            try:
                out, _ = proc.communicate(timeout=120)
            except subprocess.SubprocessError:
                answers[name] = None
                continue
            answers[name] = [os.fsdecode(p) for p in out.split(b"\0") if p] if proc.returncode == 0 else None
    finally:
        for proc in running.values():
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    listed = answers.get("listed")
    if listed is None:
        return None
    deleted = set(answers.get("deleted") or ())
    ignored = [p for p in answers.get("ignored") or () if not p.endswith("/")]
    return [p for p in dict.fromkeys(listed) if p not in deleted], ignored


def _walk_files(root: Path, excludes: GlobSet, warnings: list[str]) -> list[str]:
    found: list[str] = []

    def on_error(exc: OSError) -> None:
        warnings.append(f"cannot read folder {_rel(root, exc.filename)}: {exc.strerror}")

    for folder, dirs, names in os.walk(root, onerror=on_error, followlinks=False):
        rel_folder = os.path.relpath(folder, root).replace(os.sep, "/")
        prefix = "" if rel_folder == "." else rel_folder + "/"
        dirs[:] = sorted(d for d in dirs if not excludes.matches(prefix + d))
        found.extend(prefix + n for n in names)
        # a link to a folder is listed, not followed, as git lists it (see linked_modules)
        found.extend(prefix + d for d in dirs if d.isidentifier() and os.path.islink(os.path.join(folder, d)))
    return found


def _rel(root: Path, name: object) -> str:
    try:
        return os.path.relpath(str(name), root).replace(os.sep, "/")
    except ValueError:
        return str(name)


def discover_configured(root: Path, config: Config) -> Discovery:
    """:func:`discover` with what ``config`` says of the tree: its excludes (with the
    build-like names a subpackage may bear), dependencies, linter excludes and test paths."""
    return discover(
        root, config.excludes(), config.dependencies, config.linter_exclude, config.is_test_file, package_named(config)
    )


def discover(
    root: Path,
    excludes: GlobSet,
    dependencies: frozenset[str] = frozenset(),
    linter_exclude: Sequence[str] = (),
    is_test: Callable[[str], bool] = lambda path: False,
    spared: frozenset[str] = frozenset(),
) -> Discovery:
    """The files to analyse and the modules that exist without being analysed.
    ``dependencies``: the distributions the project declares (normalised names, see
    ``Config.dependencies``), which tell a folder of copied dependencies that a script puts
    on ``sys.path`` (:func:`path_vendored_folders`) from a source folder of its own.
    ``linter_exclude``: what the project's ruff configuration skips (``Config.linter_exclude``),
    and ``is_test``: the configuration's test paths, for :func:`linted_out_folders`.
    ``spared``: the excluded folder names a subpackage may bear
    (:func:`ssotlint.discover.excludes.package_named`)."""
    warnings: list[str] = []
    listed_git = _git_files(root)
    from_git = listed_git is not None
    if listed_git is None:
        on_disk = TreeExcludes(excludes, spared, lambda folder: os.path.isfile(os.path.join(root, folder, "__init__.py")))
        listed, ignored = _walk_files(root, on_disk, warnings), []
    else:
        listed, ignored = listed_git
    if spared:
        excludes = TreeExcludes(excludes, spared, package_folders(listed).__contains__)
    kept = [p for p in listed if not excludes.matches(p)]
    tomls: dict[str, Any] = {}  # each pyproject.toml read and parsed once, for every question
    texts: dict[str, str | None] = {}  # each other file read once (a .gitignore: twice asked)

    def text(path: str) -> str | None:
        if path not in texts:
            texts[path] = read_text(root / path)
        return texts[path]

    def toml(path: str) -> Any:
        if path not in tomls:
            tomls[path] = read_toml(text(path))
        return tomls[path]

    vendored = vendored_folders(kept, lambda path: read_text(root / path, _README_BYTES))
    vendored |= path_vendored_folders(kept, lambda path: read_text(root / path), dependencies)
    vendored |= dependency_copy_folders(kept, dependencies)
    vendored |= released_copies(kept, lambda path: read_text(root / path, _README_BYTES), lambda: _project_names(root, kept))
    vendored |= linted_out_folders(kept, linter_exclude, is_test)
    vendored |= retired_folders(kept, lambda path: read_text(root / path, _README_BYTES))
    vendored |= linted_out_files(kept, linter_exclude, is_test)  # files, among the folders
    vendored |= parked_projects(kept, toml)
    files = sorted(p for p in kept if p.endswith(".py") and p not in vendored and not in_folders(p, vendored))
    aliases = linked_files(root, files)
    if aliases:
        files = [p for p in files if p not in aliases]
    configs = sorted(
        p for p in kept if is_nested_config(p) or is_config_script(p) or is_container_config(p)
    )
    ignored = [p for p in ignored if not is_nested_config(p)]
    modules = [p for p in kept if p.endswith(_PATTERN_SUFFIXES)]
    others = [p for p in kept if not p.endswith(_PATTERN_SUFFIXES)]
    generated = [p for p in ignored if not excludes.matches(p)]
    projects = [p for p in configs if is_nested_config(p)]
    generated += [p for p in declared_generated(projects, toml) if p not in kept and not excludes.matches(p)]
    generated += [p for p in built_modules(kept, toml, text) if p not in kept and not excludes.matches(p)]
    configured = configured_modules(root, listed if from_git else kept, kept)
    generated += [p for p in configured if p not in kept and not excludes.matches(p)]
    unknown = [
        *absent_submodules(root, listed, excludes), *ignored_trees(root, listed, excludes, text),
        *(p + UNKNOWN_TREE for p in excluded_generated_trees(root, listed, excludes, text, toml, linter_exclude)),
    ]
    opaque = sorted(
        {p for p in modules if p.endswith(OPAQUE_SUFFIXES) or p in vendored or in_folders(p, vendored)}
        | set(generated)
        | set(data_folders([*modules, *generated], others))
        | set(unknown)
        | set(linked_modules(root, listed, modules, excludes, unknown))
        | aliases
    )
    return Discovery(files, warnings, from_git, opaque, configs, sorted(vendored))


def linked_modules(
    root: Path, listed: Iterable[str], modules: Sequence[str], excludes: GlobSet, unknown: Sequence[str] = ()
) -> list[str]:
    """The modules Python finds through a symbolic link to a folder of the repository
    (elasticsearch-py's ``test_examples/examples -> ../../../../examples/dsl``): each
    module file under the link's target, under the link's path instead. They exist, with
    the contents ssotlint reads at the target, so they are opaque here, never analysed
    twice. A link into a folder below which nothing is known (``unknown``: a submodule
    not checked out, landscape-client's ``landscape/client/snap_http ->
    ../../snap-http/snap_http``) makes its own path such a folder. A link is followed
    only to a folder inside ``root`` (the repository is untrusted: a link out of it says
    nothing of this project) and not to a folder that holds the link. Only entries named
    like a package (an identifier) are looked at, one ``lstat`` each."""
    real_root = os.path.realpath(root)
    unknown_folders = tuple(u[: -len(UNKNOWN_TREE)] for u in unknown if u.endswith(UNKNOWN_TREE))
    found: list[str] = []
    for link in listed:
        name = link.rpartition("/")[2]
        if not name.isidentifier() or excludes.matches(link) or not os.path.islink(root / link):
            continue
        target = os.path.realpath(root / link)
        if os.path.commonpath([real_root, target]) != real_root:
            continue
        inside = os.path.relpath(target, real_root).replace(os.sep, "/")
        if any(inside == u or inside.startswith(u + "/") for u in unknown_folders):
            found.append(link + UNKNOWN_TREE)
            continue
        if not os.path.isdir(target):
            continue
        if inside == "." or link == inside or link.startswith(inside + "/"):
            continue
        prefix = inside + "/"
        found.extend(link + "/" + p[len(prefix) :] for p in modules if p.startswith(prefix))
    return found


def linked_files(root: Path, files: Sequence[str]) -> set[str]:
    """The module files that are symbolic links to another module file analysed here
    (nicotine-plus's ``build-aux/macos/setup.py -> ../windows/setup.py``): the file is
    analysed, and reported, once, at its real path; the link's module exists (opaque).
    A link is followed only to a file inside ``root`` (the repository is untrusted)."""
    real_root = os.path.realpath(root)
    analysed = set(files)
    found: set[str] = set()
    for path in files:
        if not os.path.islink(root / path):
            continue
        target = os.path.realpath(root / path)
        if os.path.commonpath([real_root, target]) != real_root:
            continue
        inside = os.path.relpath(target, real_root).replace(os.sep, "/")
        if inside != path and inside in analysed and not os.path.islink(root / inside):
            found.add(path)
    return found


# What a folder below which nothing is known ends in, in :attr:`Discovery.opaque`.
UNKNOWN_TREE = "/**"


def ignored_trees(root: Path, listed: Iterable[str], excludes: GlobSet, read: Callable[[str], str | None]) -> list[str]:
    """Folders inside a package that the root's ``.gitignore`` names by their whole path
    (a line with a ``/`` inside it and no wildcard: hacs' ``custom_components/hacs/hacs_frontend``,
    which a script installs there from a distribution), absent here, each as ``path/**``:
    the module exists where the code runs, with names ssotlint cannot see. So does a folder
    whose contents it names (``dash/html/*``, the folder kept by a placeholder its negation
    keeps) and which holds no Python file here: a build writes its modules. So does a
    package whose contents a ``.gitignore`` in any folder names (``config_local/*`` in
    ``src/.gitignore``) while a negation keeps its ``__init__.py`` alone (``!config_local/
    __init__.py``): the modules a developer writes there at setup, from samples (researchhub's
    local settings). Read as text; a pattern with a wildcard, a negation, a folder outside a
    package, or one that is here (an ignored folder of data holds what it holds) says nothing."""
    listed = set(listed)
    paths: dict[str, bool] = {}  # path -> only its contents are ignored (``path/*``)
    placeholders: set[str] = set()  # packages whose __init__.py alone a negation keeps
    subfolders: set[str] = set()  # packages whose own .gitignore ignores every sub-folder
    packages: set[str] | None = None  # the folders holding an __init__.py, when a wildcard asks
    modules: list[tuple[str, str]] = []  # (the .gitignore's folder, a pattern naming a module file)
    for ignore in sorted(p for p in listed if p.rpartition("/")[2] == ".gitignore"):
        base = ignore.rpartition("/")[0]
        text = read(ignore)
        if not text:
            continue
        for line in text.splitlines():
            pattern = line.strip()
            if pattern.startswith("!") and pattern.lstrip("!/") == "__init__.py" and base:
                placeholders.add(base)  # the package's own .gitignore keeps its __init__.py
                continue
            if pattern.startswith("!") and pattern.endswith("/__init__.py"):
                kept = pattern[1:].strip("/")[: -len("/__init__.py")]
                if kept and not any(c in kept for c in "*?[]\\"):
                    placeholders.add(f"{base}/{kept}" if base else kept)
                continue
            if base and pattern.lstrip("/") == "*/" and not excludes.matches(base):
                # Every sub-folder of the package ignored (unstract's ``plugins/``: ``*/``
                # with ``!__init__.py`` and a few plugins tracked by negations): the others
                # are private plugins each installation puts there.
                subfolders.add(base)
                continue
            if base and pattern.lstrip("/") in ("*", "*.py") and not excludes.matches(base):
                # The package's own .gitignore ignoring its contents (modal's generated
                # ``modal_proto/``: ``*.py`` and ``!__init__.py``), a placeholder package
                # when a negation keeps its __init__.py alone.
                paths[base] = True
                continue
            if _ignored_module(pattern):
                modules.append((base, pattern))
                continue
            path = pattern.strip("/")
            if path.endswith("/*.py"):
                path = path[: -len(".py")]  # its modules alone (``modal_proto/*.py``): its contents
            contents = path.endswith(("/*", "/**"))
            if contents:
                path = path.rpartition("/")[0]
            if (
                not path or pattern.startswith(("#", "!")) or ("/" not in path and not contents)
                or ".." in path.split("/") or not path.rpartition("/")[2].isidentifier()
            ):
                continue
            if path.startswith("**/") and not contents and not base and not any(c in path[3:] for c in "*?[]\\"):
                # The same folder of a package at any depth (sonic-mgmt's
                # ``**/common/sai_validation/generated/``, the stubs a test fixture compiles).
                parent, _, last = path[3:].rpartition("/")
                if parent:
                    if packages is None:
                        packages = {q[: -len("/__init__.py")] for q in listed if q.endswith("/__init__.py")}
                    for full in sorted(q for q in packages if q == parent or q.endswith("/" + parent)):
                        if not excludes.matches(f"{full}/{last}"):
                            paths.setdefault(f"{full}/{last}", False)
                continue
            if any(c in path for c in "*?[]\\"):
                # A wildcard for the packages it is in (ballistica's
                # ``/src/assets/ba_data/python/*/_generated``): each package it matches.
                if contents or base or "**" in path or "\\" in path:
                    continue
                parent, _, last = path.rpartition("/")
                if packages is None:
                    packages = {q[: -len("/__init__.py")] for q in listed if q.endswith("/__init__.py")}
                for full in sorted(_matching_folders(parent, packages)):
                    if not excludes.matches(f"{full}/{last}"):
                        paths.setdefault(f"{full}/{last}", False)
                continue
            full = f"{base}/{path}" if base else path
            if not base or contents:
                if not excludes.matches(full):
                    paths[full] = paths.get(full, False) or contents
    # A home of private plugins: its own .gitignore ignores every sub-folder and keeps its
    # __init__.py. Its modules here are read as usual; one missing is not known.
    plugin_homes = [p + UNKNOWN_TREE for p in subfolders if p in placeholders and f"{p}/__init__.py" in listed]
    if modules:
        if packages is None:
            packages = {q[: -len("/__init__.py")] for q in listed if q.endswith("/__init__.py")}
        plugin_homes += [p for p in _ignored_module_files(modules, packages, excludes) if p not in listed]
    if not paths:
        return sorted(plugin_homes)
    holding: set[str] = set()
    python_holding: set[str] = set()
    python_files = [p for p in listed if p.endswith(".py")]
    for p in listed:
        _add_folders(p, holding)
    for p in python_files:
        _add_folders(p, python_holding)

    def placeholder_package(p: str) -> bool:
        # Only its ``__init__.py``, kept by a negation: the rest is written at setup.
        init = f"{p}/__init__.py"
        return p in placeholders and init in listed and all(q == init for q in python_files if q.startswith(p + "/"))

    return sorted({*plugin_homes, *(
        p + UNKNOWN_TREE for p, contents in paths.items()
        if (contents and placeholder_package(p))
        or (
            f"{p.rpartition('/')[0]}/__init__.py" in listed
            and (
                # A folder kept with a placeholder (``!dash/html/.gitkeep``) whose contents a
                # build writes: dash's ``dash/html/*``, generated from the components' sources.
                (contents and p not in python_holding)
                or (p not in holding and not os.path.lexists(root / p))
            )
        )
    )})


def _ignored_module(pattern: str) -> bool:
    """A ``.gitignore`` line naming one module file in any folder: ``**/ormatic_interface.py``.
    (A name alone, ``config.py``, is a file each developer writes beside its importer:
    ``Config.local_files``; a path in a named folder is ``Config.ignored_modules``.)"""
    name = pattern.removeprefix("**/")
    return pattern.startswith("**/") and name.endswith(".py") and name[:-3].isidentifier()


def _ignored_module_files(modules: Iterable[tuple[str, str]], packages: Collection[str], excludes: GlobSet) -> Iterator[str]:
    """The module files the ``.gitignore`` patterns of :func:`_ignored_module` stand for:
    one in every package below the ``.gitignore``'s folder (cognitive_robot_abstract_machine's
    ``**/ormatic_interface.py``, which a generator writes into each package). The build
    writes them where the code runs; git keeps them out of the tree."""
    for base, pattern in modules:
        name = pattern.removeprefix("**/")
        for package in sorted(packages):
            if (not base or package == base or package.startswith(base + "/")) and not excludes.matches(f"{package}/{name}"):
                yield f"{package}/{name}"


def _matching_folders(pattern: str, folders: Iterable[str]) -> Iterator[str]:
    """The folders whose path matches a ``.gitignore`` pattern from the root, part for
    part (a ``*`` never crosses a ``/``)."""
    parts = pattern.split("/")
    for folder in folders:
        names = folder.split("/")
        if len(names) == len(parts) and all(fnmatchcase(n, p) for n, p in zip(names, parts)):
            yield folder


def absent_submodules(root: Path, listed: Iterable[str], excludes: GlobSet) -> list[str]:
    """The git submodules (``path = ...`` in the root's ``.gitmodules``, read as text) that
    hold no file here, each as ``path/**``: a checkout without ``--recursive``, or a source
    archive, lacks their files, which a full checkout has (electrum's
    ``plugins/keepkey/keepkeylib``). Their modules are not known, not missing."""
    text = read_text(root / ".gitmodules")
    if not text:
        return []
    paths = []
    for line in text.splitlines():
        key, sep, value = line.partition("=")
        path = value.strip().strip('"').strip("/")
        if sep and key.strip() == "path" and path and ".." not in path.split("/") and not excludes.matches(path):
            paths.append(path)
    if not paths:
        return []
    holding = set()
    for p in listed:
        _add_folders(p, holding)
    return sorted(p + UNKNOWN_TREE for p in dict.fromkeys(paths) if p not in holding)


# Folders of vendored code by name: a private copy of other projects' distributions.
VENDORED_NAMES = frozenset({"_vendor", "_vendored", "vendored", "_vendored_packages"})
# Names that hold vendored code when what is inside says so (:func:`vendored_folders`);
# a project's own ``vendor`` app (suppliers) or ``third_party`` integrations are its code.
MAYBE_VENDORED_NAMES = frozenset(
    {"vendor", "third_party", "thirdparty", "third-party", "_third_party", "extern", "externals", "_extern", "deps", "3rdparty"}
)
# Files that say a folder holds copies of other projects: pip's ``vendor.txt`` manifest,
# the licence each copied project keeps.
_VENDOR_EVIDENCE = ("vendor.txt", "vendored.txt", "license", "licence", "copying")


# A shell script that copies other projects in: joblib's ``externals/vendor_loky.sh``.
_VENDOR_SCRIPTS = (".sh", ".bash", ".ps1", ".bat", ".cmd")


def _maybe_vendored(folder: str) -> bool:
    """A folder named like vendored code (:data:`MAYBE_VENDORED_NAMES`), or with the word
    ``vendor`` or ``thirdparty`` in its name (OpenPype's ``python2_vendor/``, golismero's
    ``thirdparty_libs/``, which its Python 2 launcher puts on ``sys.path``)."""
    if folder in MAYBE_VENDORED_NAMES:
        return True
    lowered = folder.lower()
    return not _VENDOR_WORDS.isdisjoint(re.split(r"[_.-]", lowered)) or lowered.replace("-", "_").startswith("third_party_")


_VENDOR_WORDS = frozenset({"vendor", "vendored", "vendors", "thirdparty", "3rdparty"})


def _vendor_evidence(name: str) -> bool:
    """A file (lower-cased name) saying its folder holds copies of other projects: a
    manifest or licence (:data:`_VENDOR_EVIDENCE`), or a vendoring shell script
    (``vendor_loky.sh``, ``vendor.sh``; not a module of a suppliers' ``vendor`` app)."""
    return name.startswith(_VENDOR_EVIDENCE) or (name.startswith("vendor") and name.endswith(_VENDOR_SCRIPTS))


# A README that says its folder holds other projects' code: "This sub-package contains
# third-party Python packages" (astropy's ``extern/``), "a vendored copy of", "copied from
# https://...", or a link to another repository with the commit the copy was taken at
# ("Created for Localstack by ... (https://github.com/...). Latest commit: 235a06a").
# Not a README that merely mentions third-party libraries it wraps.
_COPY_OF = re.compile(
    r"\b(?:contains|bundles|includes|holds|ships|vendors)\s+(?:(?:bundled|vendored)\s+)?(?:copies\s+of\s+)?"
    r"third[- ]party\s+(?:python\s+)?(?:packages?|modules?|librar(?:y|ies)|code|projects?)\b"
    r"|\b(?:vendored|bundled|verbatim)\s+copy\s+of\b"
    r"|\b(?:copied|vendored|taken)\s+(?:verbatim\s+)?from\s+https?://"
    r"|https?://(?:github\.com|gitlab\.com|bitbucket\.org)/[^\s)]+[^\n]{0,200}\bcommit\b\W{0,3}[0-9a-f]{7,40}\b",
    re.IGNORECASE,
)
_README_BYTES = 8_192
# Files that make a folder a project of its own: its README describes the project.
_PROJECT_FILES = ("pyproject.toml", "setup.py", "setup.cfg")


def _copy_folders(paths: list[str], read: Callable[[str], str | None]) -> set[str]:
    """The folders named like vendored code (:data:`MAYBE_VENDORED_NAMES`: ``extern``,
    ``third_party`` ...) whose README says they are copies of other
    projects (:data:`_COPY_OF`); never a project's own folder (one with a pyproject.toml
    or setup.py: its README describes the project). A folder of another name whose README
    says so (a parser copied from another project at a named commit) is the project's
    code all the same: it adapts its copy (imports its own modules, which may break) and
    its findings count."""
    projects = {p.rpartition("/")[0] for p in paths if p.rpartition("/")[2] in _PROJECT_FILES}
    found: set[str] = set()
    for path in paths:
        folder, _, name = path.rpartition("/")
        if folder.rpartition("/")[2] not in MAYBE_VENDORED_NAMES or not name.lower().startswith("readme"):
            continue
        if folder in projects:
            continue
        text = read(path)
        if text is not None and _COPY_OF.search(text):
            found.add(folder)
    return found


def linted_out_folders(paths: Iterable[str], patterns: Sequence[str], is_test: Callable[[str], bool]) -> set[str]:
    """The folders the project's own linter is told to skip (ruff's ``exclude`` and
    ``extend-exclude``: :func:`ssotlint.config_project.linter_excludes`) that are no package
    (no ``__init__.py`` of their own) and no test code: statsmodels' top-level ``archive/``
    of code its README calls deprecated and unmaintained, its ``examples/python/``. Not
    code the project maintains; like vendored code, their files are not analysed, and
    imports of their modules are imports of modules that exist. A package the linter skips
    (Django's ``migrations``) or a file pattern (``*__init__.py``, which a project may keep
    out of its lint for re-exports) is its code all the same; so are test folders (their
    line endings still reach the test run)."""
    if not patterns:
        return set()
    globs = GlobSet(tuple(patterns))
    paths = list(paths)
    present = set(paths)
    found: set[str] = set()
    for path in paths:
        parts = path.split("/")[:-1]
        for i in range(1, len(parts) + 1):
            folder = "/".join(parts[:i])
            if folder in found:
                break
            if globs.matches(folder):
                # (a module in it stands for the folder: test paths are globs over files)
                if f"{folder}/__init__.py" not in present and not is_test(f"{folder}/module.py"):
                    found.add(folder)
                break
    return found


def parked_projects(paths: Iterable[str], toml: Callable[[str], Any]) -> set[str]:
    """Nested projects whose packaging builds none of the code they hold: the packages their
    ``pyproject.toml`` names (``[tool.setuptools.packages.find] include``) exist in none of
    the folders it searches (emmet's ``emmet-builders-legacy/``, whose ``include =
    ["emmet.builders"]`` finds nothing since its code moved to ``emmet/builders-legacy/``, a
    name no import can spell). Nothing installs or imports that code, and its tests target
    a layout that is gone: parked, like a retired folder, its files are not analysed. A
    pattern with wildcards inside a name, or none at all, says nothing; nor does the table
    of a project another backend builds (agent-framework's uv workspace root, built by
    flit, keeps a ``[tool.setuptools.packages.find]`` nothing reads), and the files of
    projects nested inside (a workspace's members, each with its own packaging) are not
    the parked project's."""
    paths = list(paths)
    found: set[str] = set()
    projects = {p.rpartition("/")[0] for p in paths if p.rpartition("/")[2] in _PROJECT_FILES}
    for config in paths:
        folder, _, name = config.rpartition("/")
        if name != "pyproject.toml" or not folder or folder.count("/") > 2:
            continue
        data = toml(config)
        backend = toml_table(data, "build-system").get("build-backend")
        if isinstance(backend, str) and not backend.startswith("setuptools"):
            continue  # another backend builds it: a setuptools table there is read by nothing
        find = toml_table(data, "tool", "setuptools", "packages", "find")
        include = find.get("include")
        where = find.get("where", ["."])
        if not (isinstance(include, list) and include and isinstance(where, list) and where):
            continue
        if not all(isinstance(p, str) and p and not any(c in p.rstrip("*").rstrip(".") for c in "*?[") for p in include):
            continue  # a pattern inside a name: what it finds is not read here
        if any(_names_own_folder(folder, pattern) for pattern in include):
            continue  # the project is its own package, built from a staged copy
        prefixes = []
        for base in where:
            if not isinstance(base, str) or base.startswith(("/", "..")):
                break
            for pattern in include:
                stem = pattern.rstrip("*").rstrip(".").replace(".", "/")
                # `emmet.builders` finds `emmet/builders/`, not `emmet/builders-legacy/`;
                # `emmet.build*` finds both.
                prefixes.append(os.path.normpath(f"{folder}/{base}/{stem}") + ("" if pattern.endswith("*") and not pattern.endswith(".*") else "/"))
        else:
            # (a project nested inside it builds its own files: a workspace's members)
            own = [
                p for p in paths
                if p.startswith(folder + "/") and p.endswith(".py") and not _inside_other_project(p, folder, projects)
            ]
            if own and not any(p.startswith(prefix) for prefix in prefixes for p in own):
                found.add(folder)
    return found


def _names_own_folder(folder: str, pattern: str) -> bool:
    """Whether a package pattern of a nested project names the project's own folder by its
    path from the repository's top (taipy's ``taipy/gui/pyproject.toml`` includes
    ``taipy.gui``: its release copies the folder into a ``taipy/gui/`` of its own to build
    it): the code is the project's package, imported by that name, not parked."""
    stem = pattern.rstrip("*").rstrip(".").replace(".", "/")
    return folder == stem or folder.endswith("/" + stem)


def _inside_other_project(path: str, folder: str, projects: set[str]) -> bool:
    """``path`` lies in a project folder (its own ``pyproject.toml``, ``setup.py``...)
    below ``folder``."""
    parts = path.split("/")[:-1]
    depth = folder.count("/") + 1
    return any("/".join(parts[:i]) in projects for i in range(depth + 1, len(parts) + 1))


def linted_out_files(paths: Iterable[str], patterns: Sequence[str], is_test: Callable[[str], bool]) -> set[str]:
    """The Python files the project's own linter is told to skip by their very path, not
    by a pattern (aiida-core's ruff ``exclude`` of two documentation listings: an IPython
    session and an example of a SyntaxError, neither meant to be Python a program runs):
    the project says they are no code to check. A module of a package (its folder holds an
    ``__init__.py``: code that runs, kept out of the lint for its noise) and test code are
    code all the same, as for :func:`linted_out_folders`."""
    named = {
        entry[2:] if entry.startswith("./") else entry for entry in patterns
        if entry.endswith(".py") and not any(c in entry for c in "*?[")
    }
    if not named:
        return set()
    paths = list(paths)
    packages = {p.rpartition("/")[0] for p in paths if p.rpartition("/")[2] == "__init__.py"}
    return {p for p in paths if p in named and p.rpartition("/")[0] not in packages and not is_test(p)}


def _unpacked_sdists(paths: list[str]) -> set[str]:
    """The folders below the repository's top that hold a source distribution as its
    release unpacks: a ``PKG-INFO`` file beside a ``setup.py``, ``setup.cfg`` or
    ``pyproject.toml`` (gem5's ``ext/ply/``, PLY 3.11 from its release). A project's own
    repository holds its sources, not the metadata its releases are built with."""
    present = set(paths)
    found: set[str] = set()
    for path in paths:
        if not path.endswith("/PKG-INFO"):
            continue
        folder = path[: -len("/PKG-INFO")]
        if folder.endswith(".egg-info"):
            continue
        if any(f"{folder}/{name}" in present for name in _PROJECT_FILES):
            found.add(folder)
    return found


def vendored_folders(paths: Iterable[str], read: Callable[[str], str | None] | None = None) -> set[str]:
    """The folders holding vendored third-party code (``setuptools/_vendor``): named
    ``_vendor``, ``_vendored`` or ``vendored``; holding an unpacked source distribution
    (:func:`_unpacked_sdists`); holding an installed distribution's
    metadata (a ``*.dist-info`` folder: packages copied in by ``pip install --target``) or
    a ``.gitrepo`` file (git-subrepo's record of the repository a folder was cloned from:
    spyder's ``external-deps/qtconsole``, a release of another project kept in sync);
    named ``vendor`` / ``third_party`` / ``extern`` / ``externals`` / ``deps`` and holding a
    ``vendor.txt`` manifest, a licence file, a distribution's metadata or a vendoring
    script (joblib's ``externals/vendor_loky.sh``), in it or in a folder below it (each
    copied project keeps its own; OpenPype's ``vendor/python/python_2/secrets/LICENSE``,
    bunkerweb's ``src/deps/src/libinjection/COPYING`` among the clones its ``deps.json`` pins)
    or (with ``read``, a reader of a file's text by path) a
    README that says the folder is a copy of other projects (astropy's ``extern/``:
    "contains third-party Python packages"; see :func:`_copy_folders`). Not the project's code: their files are not
    analysed, but imports of their modules are imports of modules that exist (see
    :class:`Discovery`)."""
    paths = list(paths)
    found: set[str] = _copy_folders(paths, read) if read is not None else set()
    found.update(_unpacked_sdists(paths))
    for path in paths:
        if path.endswith("/.gitrepo"):
            found.add(path[: -len("/.gitrepo")])  # git-subrepo's record of another repository cloned here
            continue
        if "vendor" not in path and "third" not in path and "extern" not in path and "deps" not in path and "3rdparty" not in path and ".dist-info/" not in path:
            continue  # the common case: no folder name of MAYBE_VENDORED_NAMES nor VENDORED_NAMES
        *folders, name = path.split("/")
        for i, part in enumerate(folders):
            if part in VENDORED_NAMES:
                found.add("/".join(folders[: i + 1]))
            elif part.endswith(".dist-info") and i > 0:
                found.add("/".join(folders[:i]))
            elif _maybe_vendored(part) and (
                _vendor_evidence(name.lower()) or any(p.endswith(".dist-info") for p in folders[i + 1 :])
            ):
                # (at any depth: OpenPype's ``vendor/python/python_2/`` holds its copies'
                # licences and ``*.dist-info`` folders two levels further down)
                found.add("/".join(folders[: i + 1]))
    return found


# Scripts read for the folders they put on ``sys.path``: those at the top of the
# repository and one folder down (``Tautulli.py``, ``app/run.py``), each up to 1 MB.
_MAX_SCRIPTS = 50
_PATH_CALLS = frozenset({"sys.path.insert", "sys.path.append", "site.addsitedir"})
_MIN_COPIED = 2  # top-level names of a folder named like declared dependencies


def path_folders(paths: Sequence[str], read: Callable[[str], str | None]) -> set[str]:
    """The folders that the scripts at the top of the repository or one folder down put on
    ``sys.path`` by a literal name (``sys.path.insert(0, os.path.join(os.path.dirname(__file__),
    "lib"))``, ``sys.path.append("lib")``, ``site.addsitedir("vendor")``), relative to the
    script's folder, read with ``ast`` (nothing runs): the string literals of the call's
    arguments, in order, are the folder's path. Folders that hold no file are left out."""
    scripts = [p for p in paths if p.endswith(".py") and p.count("/") <= 1][:_MAX_SCRIPTS]
    folders = {p.rpartition("/")[0] for p in paths}
    found: set[str] = set()
    for script in scripts:
        text = read(script)
        if not text or "path" not in text:
            continue
        try:
            tree = ast.parse(text)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            continue
        base = script.rpartition("/")[0]
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and dotted_name(node.func) in _PATH_CALLS:
                parts = [
                    part
                    for arg in node.args
                    for c in ast.walk(arg)
                    if isinstance(c, ast.Constant) and isinstance(c.value, str)
                    for part in c.value.replace("\\", "/").split("/")
                    if part not in ("", ".")
                ]
                if not parts or ".." in parts:
                    continue
                folder = "/".join([base, *parts] if base else parts)
                if folder in folders or any(f.startswith(folder + "/") for f in folders):
                    found.add(folder)
    return found


def path_vendored_folders(paths: Sequence[str], read: Callable[[str], str | None], dependencies: frozenset[str]) -> set[str]:
    """The folders a script puts on ``sys.path`` (:func:`path_folders`) that hold copies of
    other projects, not the project's code:

    - at least two of the packages and modules at their top are named like distributions
      the project declares (Tautulli's ``lib/``, with ``apscheduler/``, ``arrow/``,
      ``cherrypy/`` ... all in its requirements.txt);
    - or, whatever the project declares (CouchPotato declares nothing), at least
      :data:`_MIN_RELEASED` of its packages carry a release's metadata in their
      ``__init__.py``: a ``__version__`` and an ``__author__``, ``__license__``,
      ``__copyright__``, ``__maintainer__`` or ``__email__`` (``requests/``,
      ``tornado/``, ``guessit/``: other projects' releases, copied).

    A folder that is a package itself (an ``__init__.py``) needs both: two packages named like
    declared distributions and two carrying a release's metadata (mylar3's ``lib/``, put on
    ``sys.path`` at index 1: ``natsort/``, ``rarfile/`` declared, ``rtorrent/``,
    ``transmissionrpc/`` released). A folder a script puts on the path for its own modules
    (``src``, ``noxfiles``) holds neither, and stays the project's code. A project's own folder (with a
    ``pyproject.toml``, ``setup.py`` or ``setup.cfg``) is never vendored."""
    candidates = path_folders(paths, read)
    found: set[str] = set()
    for folder in candidates:
        prefix = folder + "/"
        inside = [p[len(prefix) :] for p in paths if p.startswith(prefix)]
        if any(p in _PROJECT_FILES for p in inside):
            continue
        tops = {
            first if rest else first[:-3]
            for first, _, rest in (p.partition("/") for p in inside)
            if rest or first.endswith(".py")
        }
        copied = {t for t in tops if dependency_name(t) in dependencies}
        released = _released_packages([prefix + p for p in inside if p.count("/") == 1 and p.endswith("/__init__.py")], read)
        if released >= _MIN_RELEASED or (
            len(copied) >= _MIN_COPIED and ("__init__.py" not in inside or released >= _MIN_COPIED)
        ):
            found.add(folder)
    return found


_MIN_RELEASED = 5  # packages with a release's metadata in a folder on sys.path
_RELEASE_VERSION = re.compile(r"^__version__\s*=", re.M)
_RELEASE_PEOPLE = re.compile(r"^__(?:author|license|copyright|maintainer|email)__\s*=", re.M)


def _released_packages(inits: Sequence[str], read: Callable[[str], str | None]) -> int:
    """How many of the packages whose ``__init__.py`` files are ``inits`` carry a release's
    metadata (a ``__version__`` and an author, licence, copyright, maintainer or e-mail),
    read as text; counting stops at :data:`_MIN_RELEASED`."""
    count = 0
    for init in inits:
        text = read(init) or ""
        if _RELEASE_VERSION.search(text) and _RELEASE_PEOPLE.search(text):
            count += 1
            if count >= _MIN_RELEASED:
                break
    return count


# A folder of copied dependencies found without a literal ``sys.path`` call (the path may
# be built from constants in another module: Medusa's ``_configure_syspath``) needs more
# evidence: this many packages named like declared distributions, or half of its
# packages and modules and at least _MIN_HALF_COPIED.
_MANY_COPIED = 10
_MIN_HALF_COPIED = 3
_UNIT_FILES = frozenset({*_PROJECT_FILES, "requirements.txt", "Dockerfile"})
_TEST_FOLDER_NAMES = frozenset({"tests", "test", "testing", "test_framework"})


def dependency_copy_folders(paths: Sequence[str], dependencies: frozenset[str]) -> set[str]:
    """The folders at the top of the repository or one folder down that hold copies of the
    project's dependencies, whoever puts them on ``sys.path`` and however: no package
    themselves (no ``__init__.py``), no project of their own or of a folder right below,
    outside the test folders, and their importable names (modules, and packages with an
    ``__init__.py``, each no deployable unit with its own ``requirements.txt`` or
    ``Dockerfile``) are many declared distributions (:data:`_MANY_COPIED`) or half of them
    (Medusa's ``ext/``, with ``attrs/``, ``babelfish/``, ``certifi/`` ... pinned in its
    requirements.txt). A folder of plugins named like what they integrate is told apart by
    that: each plugin is a unit of its own, or they are a minority of the folder's names.
    A pure function of the paths."""
    if not dependencies:
        return set()
    inside: dict[str, list[str]] = {}
    for path in paths:
        parts = path.split("/")
        for depth in (1, 2):
            if len(parts) > depth:
                inside.setdefault("/".join(parts[:depth]), []).append("/".join(parts[depth:]))
    found: set[str] = set()
    for folder, names in inside.items():
        if set(folder.split("/")) & _TEST_FOLDER_NAMES:
            continue
        if "__init__.py" in names or any(n in _PROJECT_FILES or n.partition("/")[2] in _PROJECT_FILES for n in names):
            continue
        packages = {n.partition("/")[0] for n in names if n.partition("/")[2] == "__init__.py"}
        units = {n.partition("/")[0] for n in names if n.partition("/")[2] in _UNIT_FILES}
        importable = {n[:-3] for n in names if "/" not in n and n.endswith(".py")} | (packages - units)
        copied = {t for t in importable if dependency_name(t) in dependencies}
        if len(copied) >= _MANY_COPIED or (len(copied) >= _MIN_HALF_COPIED and 2 * len(copied) >= len(importable)):
            found.add(folder)
    return found


# The modules a copied release states its metadata in (requests' ``__version__.py``).
_RELEASE_MODULES = ("__init__.py", "__version__.py", "__about__.py")
# ``__url__ = "https://github.com/owner/python-name"``: the last part of the address.
_RELEASE_URL = re.compile(r"""^__(?:url|uri)__\s*=\s*['"]https?://[^'"\s]*?/([\w.-]+?)(?:\.git)?/?['"]""", re.M)
_URL_AFFIXES = re.compile(r"^(?:python|py)_|_(?:python|py)$")


# What a README says at its top of a folder of examples no longer kept working: nni's
# ``examples/nas/legacy/``, "the examples in this folder are marked as legacy and
# unmaintained".
_RETIRED = re.compile(
    r"\b(?:unmaintained|no\s+longer\s+(?:maintained|supported|updated|works?)|not\s+(?:maintained|supported)"
    r"|deprecated|outdated|obsolete)\b",
    re.IGNORECASE,
)
_README_NAMES = frozenset({"readme", "readme.md", "readme.rst", "readme.txt"})
_RETIRED_HEAD = 600  # characters of the README's prose read: its title and first paragraph
# What a README shows rather than says: fenced blocks, inline code, indented lines and
# shell prompts, and words joined to an option (pip's ``--use-deprecated=legacy-resolver``).
_NOT_PROSE = re.compile(
    r"^[ \t]*(?:```|~~~).*?(?:^[ \t]*(?:```|~~~)[^\n]*$|\Z)"
    r"|`[^`\n]*`"
    r"|^(?:    |\t|[ \t]*\$ )[^\n]*"
    r"|(?<![\w-])--?\w[-\w.=]*|[-\w.]+=[^\s]*",
    re.MULTILINE | re.DOTALL,
)


def _prose(text: str) -> str:
    """The words a README says, without the code and commands it shows."""
    return _NOT_PROSE.sub(" ", text)


# Folder names that say the code in them is switched off: security_monkey's
# ``tests/not_used/openstack/``, which no test run collects.
RETIRED_FOLDERS = frozenset(
    {"not_used", "notused", "unused", "attic", "graveyard", "dead_code", "deadcode", "obsolete"}
)
# Folder names that say the code is retired only when the folder is no package: a package
# named so (``pkg/deprecated/__init__.py``) still ships the deprecated names its users import.
RETIRED_UNLESS_PACKAGE = frozenset({"deprecated", "archive", "archived", "retired", "outdated"})
# Scratch folders, at any depth, when no package: files parked there for a while
# (sage-monorepo's `apps/iatlas/api/tmp/`, an unused copy of its `config.py` left from a
# migration), not code anything runs.
SCRATCH_FOLDERS = frozenset({"tmp", "temp"})


def retired_folders(paths: Iterable[str], read: Callable[[str], str | None]) -> set[str]:
    """Folders of documentation examples (under ``examples/``, ``docs/``: see
    :func:`~ssotlint.discover.roles.is_documentation`) whose README says at its top that
    they are no longer kept working: unmaintained, deprecated, outdated, obsolete (nni's
    ``examples/nas/legacy/``, written for an API the package has since replaced). Kept for
    reference, not run against this release: their files are not analysed, as a vendored
    copy's are not. A folder of product code that says so is still analysed: it still
    runs. So are folders whose name says their code is switched off (:data:`RETIRED_FOLDERS`:
    ``not_used``, ``unused``, ``attic``, ``graveyard``, ``dead_code``, ``obsolete`` and
    ``obsolete_*``: Tuxemon's ``obsolete_tests/``), and top-level folders with no
    ``__init__.py`` named ``deprecated``, ``archive`` and the like
    (:data:`RETIRED_UNLESS_PACKAGE`: PypeIt's ``deprecated/``, kept to be read, pruned from
    its release). Deeper, such a name says less: Sefaria's ``scripts/archive/`` holds
    scripts still run by hand, whose imports of removed modules are worth knowing. A
    ``tmp/`` or ``temp/`` folder that is no package is scratch at any depth
    (:data:`SCRATCH_FOLDERS`)."""
    found: set[str] = set()
    folders: set[str] = set()
    packages: set[str] = set()
    for path in paths:
        folder, _, name = path.rpartition("/")
        folders.add(folder)
        if name == "__init__.py":
            packages.add(folder)
        if folder and name.lower() in _README_NAMES and is_documentation(folder + "/example.py"):
            if _RETIRED.search(_prose(read(path) or "")[:_RETIRED_HEAD]):
                found.add(folder)
    for folder in folders:
        parts = folder.split("/")
        for i, part in enumerate(parts):
            lowered = part.lower()
            here = "/".join(parts[: i + 1])
            if (
                _retired_name(lowered) or (i == 0 and lowered in RETIRED_UNLESS_PACKAGE and here not in packages)
                or (lowered in SCRATCH_FOLDERS and here not in packages)
            ):
                found.add(here)
                break
    return found


def _retired_name(part: str) -> bool:
    return part in RETIRED_FOLDERS or part.startswith(("obsolete_", "obsolete-"))


def released_copies(paths: Sequence[str], read: Callable[[str], str | None], own_names: Callable[[], set[str]]) -> set[str]:
    """Packages copied whole from another project's release into a folder of the project's
    code, with no vendor folder name (CAPEv2's ``analyzer/linux/dbus_next/``, beside the
    guest agent's own ``analyzer.py`` and ``lib/``). Each says so itself: its
    ``__init__.py``, ``__version__.py`` or ``__about__.py`` carries a release's metadata (a
    ``__version__`` and an author, licence, copyright, maintainer or e-mail) and a
    ``__url__`` whose last part names this package (``python-dbus-next`` for
    ``dbus_next``; a ``python-`` or ``py-`` prefix, ``-python`` or ``-py`` suffix aside), a
    distribution that no ``pyproject.toml``, ``setup.cfg`` or ``setup.py`` of the repository builds (``own_names``, called only when a package says
    so), while the repository builds one of another name. A package at the top of the
    repository or alone in its folder is never one (an application's own package, its
    release metadata pointing at its own home), nor one beside or below a packaging file."""
    files = set(paths)
    found: set[str] = set()
    names: set[str] | None = None
    for path in paths:
        folder, _, name = path.rpartition("/")
        if name != "__init__.py" or "/" not in folder or folder in found:
            continue
        parent = folder.rpartition("/")[0]
        if any(f"{where}/{p}" in files for where in (folder, parent) for p in _PROJECT_FILES):
            continue
        package = dependency_name(folder.rpartition("/")[2])
        if not any(_says_released(read(f"{folder}/{m}") or "", package) for m in _RELEASE_MODULES if f"{folder}/{m}" in files):
            continue
        siblings = {p[len(parent) + 1 :].partition("/")[0] for p in paths if p.startswith(parent + "/") and p.endswith(".py")}
        if len(siblings - {folder.rpartition("/")[2]}) == 0:
            continue
        if names is None:
            names = own_names()
        if names and package not in names:
            found.add(folder)
    return found


def _says_released(text: str, package: str) -> bool:
    """Whether ``text`` carries a release's metadata whose ``__url__`` names ``package``."""
    if not (_RELEASE_VERSION.search(text) and _RELEASE_PEOPLE.search(text)):
        return False
    match = _RELEASE_URL.search(text)
    return match is not None and _URL_AFFIXES.sub("", dependency_name(match.group(1))) == package


def _project_names(root: Path, paths: Sequence[str]) -> set[str]:
    """The distributions the repository's packaging files (``paths`` named like them) build."""
    by_folder: dict[str, set[str]] = {}
    for path in paths:
        folder, _, name = path.rpartition("/")
        if name in _PROJECT_FILES:
            by_folder.setdefault(folder, set()).add(name)
    found = {declared_name(root / folder if folder else root, frozenset(names)) for folder, names in by_folder.items()}
    return {_URL_AFFIXES.sub("", n) for n in found if n is not None}


def in_folders(path: str, folders: "set[str] | frozenset[str]") -> bool:
    """Whether ``path`` lies in one of ``folders``."""
    if not folders:
        return False
    folder = path.rpartition("/")[0]
    while folder:
        if folder in folders:
            return True
        folder = folder.rpartition("/")[0]
    return False


def declared_generated(configs: Iterable[str], toml: Callable[[str], Any]) -> list[str]:
    """The Python files the root's and the nested projects' (``configs``: their
    pyproject.toml files, read as data by ``toml``) builds write (:func:`generated_modules`:
    ``pkg/_version.py``), relative to the root. They are modules that exist, like
    git-ignored generated files."""
    found: list[str] = []
    for config in ("pyproject.toml", *configs):
        folder = config.rpartition("/")[0]
        data = toml(config)
        found.extend(f"{folder}/{p}" if folder else p for p in generated_modules(data))
    return found


def built_modules(kept: Sequence[str], toml: Callable[[str], Any], read: Callable[[str], str | None]) -> list[str]:
    """Modules a build writes, absent from a fresh clone, as paths of opaque modules (read
    from the repository's files, nothing executed):

    - protobuf's ``X_pb2`` and ``X_pb2_grpc`` for each ``X.proto``, in every folder of
      Python files whose path ends like the ``.proto``'s folder (``protoc -I proto
      --python_out=lib`` turns ``proto/app/proto/Block.proto`` into
      ``lib/app/proto/Block_pb2.py``), and beside it in a folder of protos alone whose
      parent holds Python files (``tfx/proto/``, compiled in place);
    - compiled extensions declared by name in a Python build script (any ``.py`` file whose
      name has ``setup``, ``build`` or ``cffi`` in it: ``setup.py``, ``_setup.py``,
      ``setup_package.py``, cffi's ``_corecffi_build.py``, ``make_cffi.py``), read with
      ``ast`` (a name given as a parameter's default counts, see ``script_modules``):
      ``Extension("pkg.sub._fast", ...)`` (any call whose name ends in ``Extension``; a name
      with no package, ``CppExtension("deform_conv_cpu", ...)``, beside the script) and
      cffi's ``ffi.set_source("pkg.sub._ffi", ...)``; ``[tool.maturin] module-name``;
      ``[tool.setuptools] ext-modules`` names;
    - the extensions a Makefile beside a package's modules builds from the C or C++ sources
      beside it, when it says it builds Python extensions (``extension-suffix``, pybind11);
    - what a ``meson.build`` builds or installs (:func:`meson_declarations`):
      ``py.extension_module('_x', ...)`` in its folder (or in its install ``subdir``),
      ``py.install_sources([...], subdir: ...)`` files, and ``folder/**`` (nothing known
      below it) for an install whose ``subdir`` is computed (``external_dir / prefix``);
    - Qt's generated forms and resources beside their sources, in a folder of Python files
      (``X.ui`` -> ``X.py``, ``X.qrc`` -> ``X_rc.py``, see :func:`qt_generated`);
    - a module an installation writes from its sample beside it (``config.py.sample``,
      ``settings.py.example``, ``.dist``, ``.template``, ``.tmpl``, ``.tpl``, ``.default``);
    - files a ``.gitignore`` names literally (``pkg/_version.py``: no wildcard, relative to
      its folder), which the build or the developer's tooling writes;
    - modules a Cython source puts into ``sys.modules`` under a literal name
      (:func:`cython_planted`: lxml's ``lxml._elementpath``).

    ``toml``: a pyproject.toml's data by path, ``read``: a file's text by path (each read
    once per discovery).

    A dotted name is placed in the folders of Python files whose path ends like its package
    (``pkg/sub``): the source root it lies in is not known here."""
    folders = {p.rpartition("/")[0] for p in kept if p.endswith(".py")}
    tails = _tails(folders)
    all_folders = {p.rpartition("/")[0] for p in kept}  # any file's, Python or not
    kept_set = set(kept)
    found: list[str] = []
    for path in kept:
        folder, _, name = path.rpartition("/")
        if name.endswith(".proto"):
            stem = name[: -len(".proto")]
            for tail in _folder_tails(folder):
                for target in tails.get(tail, ()):
                    found.extend(f"{target}/{stem}{suffix}.py" for suffix in ("_pb2", "_pb2_grpc"))
            if folder and folder not in folders and folder.rpartition("/")[0] in folders:
                # Compiled in place, in a folder of protos alone inside a package: tfx's
                # ``tfx/proto/example_gen.proto``, its setup.py's ``gen_proto`` writing
                # ``example_gen_pb2.py`` beside it (``from tfx.proto import example_gen_pb2``).
                found.extend(f"{folder}/{stem}{suffix}.py" for suffix in ("_pb2", "_pb2_grpc"))
        elif name.endswith(_TEMPLATE_SUFFIXES):
            # A module each installation writes from the sample beside it (listenbrainz's
            # ``listenbrainz/config.py.sample``, copied to ``config.py`` by its docs and
            # its deployment): it exists where the code runs, with names not known here.
            stem = name[: name.rindex(".py.")]
            if stem.isidentifier():
                found.append(f"{folder}/{stem}.py" if folder else f"{stem}.py")
        elif name.endswith(_QT_SOURCES) and folder in folders:
            found.extend(f"{folder}/{module}.py" for module in qt_generated(name))
        elif is_build_script(name):
            text = read(path)
            declared = script_modules(text)
            found.extend(_placed(declared, tails))
            # A name with no package is built beside the script (``build_ext --inplace``):
            # EasyOCR's ``ops/dcn/setup.py`` builds ``CppExtension('deform_conv_cpu', ...)``
            # into the ``dcn`` package its functions import it from. A package folder that
            # holds no Python file but the extension's sources (stardist's ``stardist/lib/``
            # with ``stardist2d.cpp``) is where it lands too, below the script's folder.
            found.extend(f"{folder}/{n}.so" if folder else f"{n}.so" for n in declared if "." not in n and n != "*")
            for n in declared:
                package, _, leaf = n.rpartition(".")
                below = f"{folder}/{package.replace('.', '/')}" if folder else package.replace(".", "/")
                if package and leaf and leaf != "*" and below not in folders and below in all_folders:
                    found.append(f"{below}/{leaf}.so")
            written = scm_version_file(text) if name == "setup.py" else None
            if written is not None and written.endswith(".py"):
                # setuptools-scm's ``write_to``: the version module a build writes (PypeIt's
                # ``pypeit/version.py``, git-ignored, imported by its ``__init__``).
                found.append(f"{folder}/{written}" if folder else written)
            for script in cffi_scripts(text) if name == "setup.py" else ():
                named = f"{folder}/{script}" if folder else script
                if named in kept_set and not is_build_script(named.rpartition("/")[2]):
                    found.extend(_placed(script_modules(read(named)), tails))
        elif name in ("Makefile", "makefile", "GNUmakefile") and folder in folders:
            # A Makefile beside the package's modules that builds Python extensions from the
            # C or C++ sources beside it (``python3-config --extension-suffix``, pybind11):
            # Megatron's dataset ``helpers.cpp``, compiled by ``compile_helper()`` before
            # ``from . import helpers``.
            text = read(path) or ""
            if "extension-suffix" in text or "pybind11" in text:
                found.extend(
                    f"{folder}/{p.rpartition('/')[2].rpartition('.')[0]}.so" for p in kept
                    if p.rpartition("/")[0] == folder and p.endswith(_COMPILED_SOURCES)
                    and p.rpartition("/")[2].rpartition(".")[0].isidentifier()
                )
        elif name == "meson.build":
            found.extend(_meson_built(read(path), folder, tails))
        elif name == "pyproject.toml":
            found.extend(_placed(declared_extensions(toml(path)), tails))
        elif name == ".gitignore":
            text = read(path)
            found.extend(f"{folder}/{p}" if folder else p for p in ignored_literals(text))
            if folder:
                # A folder's own ``.gitignore`` keeping out what a build step writes there, one
                # module per input (sonic-buildimage's ``sonic_grpc/gnoi/*_pb2.py``): the
                # pattern itself (the top-level one is ``Config.ignored_modules``).
                found.extend(f"{folder}/{p}" for p in ignored_patterns(text))
        elif name == "BUILD.gn" and folder in folders:
            # Files a GN target copies beside the folder's modules (``"src=>utils/x.py"``).
            found.extend(f"{folder}/{placed}" for placed in gn_placed(read(path)))
        elif name in ("BUILD", "BUILD.bazel") and folder and bazel_brings_python(read(path)):
            found.append(folder + UNKNOWN_TREE)  # Python sources from another Bazel repository land here
        elif name == "CMakeLists.txt":
            text = read(path)
            built = cmake_modules(text)
            project = _project_name(toml(f"{folder}/pyproject.toml" if folder else "pyproject.toml")) if built else None
            installed = cmake_installed(text, built, project)
            placed = list(_placed_within(installed, tails, folder))
            found.extend(placed)
            leaves = {n.rpartition(".")[2] for n in installed} if placed else set()
            found.extend(_below([n for n in built if n not in leaves], folder, folders))
            found.extend(_flattened(cmake_installed_files(text), folder, folders, kept_set, tails))
            found.extend(_installed_up(text, folder, kept_set, packaged=False))
            found.extend(f"{place}/{module}.so" if place else f"{module}.so" for module, place in cmake_output_folders(text, folder, built))
        elif name == "SConscript":
            found.extend(_installed_up(read(path), folder, kept_set, packaged=True))
        elif name.endswith(_CYTHON_SOURCES):
            found.extend(_placed(cython_planted(read(path)), tails, ".py"))
        elif name.endswith(_COMPILED_SOURCES) and folder in folders:
            # A C or C++ source beside a package's modules that defines an extension
            # module's entry point (orbax's ``bfloat16.cc``: ``PYBIND11_MODULE(bfloat16,
            # m)``, built by a Bazel file not published): the module is built there.
            found.extend(f"{folder}/{module}.so" for module in extension_entry_points(read(path) or ""))
        elif not folder and name in ("MODULE.bazel", "WORKSPACE", "WORKSPACE.bazel"):
            found.extend(_through_repository_name(bazel_repository_name(read(path)), folders))
    found.extend(package_bindings(kept))
    found.extend(converted_sources(kept, folders, read))
    return list(dict.fromkeys(found))


# Build files whose globs say which sources a build converts (SCons, make, CMake, meson).
_GLOBBING_BUILDS = frozenset({"SConstruct", "SConscript", "Makefile", "makefile", "GNUmakefile", "CMakeLists.txt", "meson.build"})
# ``"python/" + name + "/*.gfr"``: a glob of one extension.
_EXTENSION_GLOB = re.compile(r"\*\.([A-Za-z][A-Za-z0-9_]{1,9})\b")
# Extensions of code, data and documents, which a build copies or compiles but turns into
# no module of the same name (Python's own, Qt's and protobuf's are read elsewhere).
_NOT_CONVERTED = frozenset({
    "py", "pyc", "pyi", "pyx", "pxd", "pxi", "c", "cc", "cpp", "cxx", "h", "hh", "hpp", "hxx", "inl", "o", "a",
    "so", "dll", "dylib", "lib", "exe", "ui", "qrc", "proto", "json", "yaml", "yml", "toml", "ini", "cfg",
    "txt", "md", "rst", "html", "htm", "css", "js", "ts", "xml", "svg", "png", "jpg", "jpeg", "gif", "ico",
    "bmp", "tif", "tiff", "exr", "csv", "tsv", "dat", "bin", "zip", "gz", "tar", "sh", "bat", "cmd", "ps1",
    "in", "cmake", "mk", "glsl", "osl", "oso", "usda", "usd", "usdc", "abc", "obj", "fbx", "ttf", "otf",
    "wav", "mp3", "mp4", "pdf", "tex", "log", "lock", "sql", "rb", "pl", "java", "go", "rs", "f", "f90",
})


def converted_sources(kept: Sequence[str], folders: Collection[str], read: Callable[[str], str | None]) -> list[str]:
    """Modules a build converts from sources of its own kind beside a package's modules:
    a file ``X.ext`` in a folder of Python files, whose extension a build file of the
    repository (:data:`_GLOBBING_BUILDS`) globs (``*.ext``), makes ``X.py`` there (gaffer's
    SConstruct exports each ``python/GafferImage/*.gfr`` node as a module the package's
    ``__init__`` imports: ``from .Anaglyph import Anaglyph``). Extensions of code, data and
    documents say nothing (:data:`_NOT_CONVERTED`)."""
    globbed: set[str] = set()
    for path in kept:
        if path.rpartition("/")[2] in _GLOBBING_BUILDS:
            globbed.update(e.lower() for e in _EXTENSION_GLOB.findall(read(path) or ""))
    globbed -= _NOT_CONVERTED
    if not globbed:
        return []
    found = []
    for path in kept:
        folder, _, name = path.rpartition("/")
        stem, dot, extension = name.rpartition(".")
        if dot and extension.lower() in globbed and folder in folders and stem.isidentifier():
            found.append(f"{folder}/{stem}.py")
    return found


# What a folder of a package's C or C++ bindings is called beside its name: gaffer's
# ``src/GafferModule/`` builds ``python/Gaffer/_Gaffer.so``.
_BINDING_FOLDERS = ("Module", "Bindings", "Binding", "Python", "_module", "_bindings", "_python")


def package_bindings(kept: Iterable[str]) -> list[str]:
    """The compiled binding of a package named after it with a leading underscore
    (``Gaffer/_Gaffer``, ``IECoreArnold/_IECoreArnold``: the Boost.Python and pybind11
    convention, a package's ``__init__`` doing ``from ._Gaffer import *``), when the
    repository holds a folder of C or C++ sources named for the package's binding
    (``GafferModule``, ``Gaffer_bindings``, see :data:`_BINDING_FOLDERS`), which a build
    system ssotlint does not read (SCons) compiles into it. Only that name: any other
    module of the package is as missing as before, and a folder of sources named as the
    package alone (open_spiel's C++ ``algorithms/`` beside its Python ``algorithms``
    package) is the library, not a binding."""
    kept = list(kept)
    sources = {
        p.rpartition("/")[0].rpartition("/")[2] for p in kept if p.endswith(_COMPILED_SOURCES) and "/" in p
    }
    if not sources:
        return []
    found = []
    for p in kept:
        if not p.endswith("/__init__.py"):
            continue
        package = p[: -len("/__init__.py")]
        name = package.rpartition("/")[2]
        if any(name + suffix in sources for suffix in _BINDING_FOLDERS):
            found.append(f"{package}/_{name}.so")
    return found


_CYTHON_SOURCES = (".pyx", ".pxi")
_COMPILED_SOURCES = (".c", ".cc", ".cpp", ".cxx")  # C and C++ a build compiles into extensions
# The entry point of an extension module in its C or C++ source: pybind11's and nanobind's
# macros, or CPython's own ``PyInit_<name>`` (a macro's name in capitals, such as torch's
# ``TORCH_EXTENSION_NAME``, is no module's).
_ENTRY_POINT = re.compile(r"\b(?:(?:PYBIND11_MODULE|NB_MODULE)\s*\(\s*|PyInit_)([A-Za-z_][A-Za-z0-9_]*)")


def extension_entry_points(text: str) -> list[str]:
    """The extension modules a C or C++ source defines an entry point for."""
    if "_MODULE" not in text and "PyInit_" not in text:
        return []
    return list(dict.fromkeys(name for name in _ENTRY_POINT.findall(text) if not name.isupper()))
_QT_SOURCES = (".ui", ".qrc")
# A module's sample, which an installation copies (and fills in) under the module's name.
_TEMPLATE_SUFFIXES = (".py.sample", ".py.example", ".py.dist", ".py.template", ".py.tmpl", ".py.tpl", ".py.default")


def qt_generated(name: str) -> tuple[str, ...]:
    """The modules Qt's compilers write from a Designer form (``X.ui``, by ``pyuic5``/
    ``pyside6-uic``) or a resource list (``X.qrc``, by ``pyrcc5``/``pyside6-rcc``) beside
    it, under the names projects give them: ``X``, ``ui_X``, ``X_ui``, ``Ui_X``, and
    ``X_rc``, ``rc_X``. The tools take the output's name as an argument, so these are the
    conventions; a module of any other name is not known to exist."""
    stem, _, suffix = name.rpartition(".")
    if not stem.isidentifier():
        return ()
    if suffix == "ui":
        return (stem, f"ui_{stem}", f"{stem}_ui", f"Ui_{stem}")
    return (f"{stem}_rc", f"rc_{stem}")


# ``sys.modules['pkg.old'] = ...`` or ``sys.modules.setdefault("pkg.old", ...)``.
_SYS_MODULES_KEY = re.compile(r"""\b_*sys_*\.modules(?:\.setdefault\(\s*|\[\s*)(['"])([A-Za-z_][\w.]*)\1""")


def cython_planted(text: str | None) -> list[str]:
    """The dotted names a Cython source (``.pyx``, or a ``.pxi`` it includes) puts into
    ``sys.modules`` under a literal name when its extension is imported (lxml's
    ``elementpath.pxi``: ``sys.modules.setdefault('lxml._elementpath', ...)``, the legacy
    module kept importable once ``lxml.etree`` is loaded), read as text."""
    if not text or "sys.modules" not in text:
        return []
    names = (m.group(2) for m in _SYS_MODULES_KEY.finditer(text))
    return [n for n in dict.fromkeys(names) if "." in n and all(part.isidentifier() for part in n.split("."))]


def _through_repository_name(name: str | None, folders: Collection[str]) -> Iterator[str]:
    """Trees unknown below ``name/X`` for each other top-level folder ``X`` of Python files,
    when the Bazel repository is named ``name`` like its own top-level package: Bazel's
    Python rules put the repository's root on the path under that name, so jax's
    ``jaxlib/config_test.py`` imports ``from jax.jaxlib import _jax`` and its filecheck tests
    ``from jax.tests.filecheck...``. A package ``name/X`` of the tree is left as it is."""
    if not name or not any(f == name or f.startswith(name + "/") for f in folders):
        return
    tops = {f.partition("/")[0] for f in folders if f}
    for top in sorted(tops - {name}):
        if not any(f == f"{name}/{top}" or f.startswith(f"{name}/{top}/") for f in folders):
            yield f"{name}/{top}{UNKNOWN_TREE}"


def _below(names: Sequence[str], folder: str, folders: Collection[str]) -> Iterator[str]:
    """Paths of compiled modules ``names`` in each folder of Python files at or below
    ``folder`` (where a CMake build installs them is its own business: any package the
    ``CMakeLists.txt`` builds for may hold them)."""
    if not names:
        return
    prefix = folder + "/" if folder else ""
    for target in sorted(folders):
        if target == folder or target.startswith(prefix):
            yield from (f"{target}/{name}.so" if target else f"{name}.so" for name in names)


# Build configuration in languages other than Python: files with these names, and
# (other than Python and documentation) files in a folder with one of these names.
_BUILD_FILE_NAMES = frozenset(
    {"makefile", "gnumakefile", "cmakelists.txt", "justfile", "build", "build.bazel", "build.rs",
     "build.gradle", "build.gradle.kts", "sconstruct", "sconscript", "rakefile", "taskfile.yml", "taskfile.yaml"}
)
_BUILD_SUFFIXES = (".mk", ".cmake", ".bzl", ".ninja")
_BUILD_FOLDERS = frozenset({"build", "builder", "build-aux", "buildscripts", "build_tools", "configure", "cmake"})
_NOT_BUILD_SUFFIXES = (".py", ".pyi", ".md", ".rst", ".txt", ".json", ".lock", ".html", ".svg", ".png", ".po")
_BUILD_CONFIG_BYTES = 256 * 1024
_MAX_BUILD_CONFIGS = 200
# A quoted path ending in ``.py``: ``"pylib/anki/buildinfo.py"``.
_SPELLED_MODULE = re.compile(r"""["']((?:[\w.-]+/)+\w+\.py)["']""")


def configured_modules(root: Path, configurations: Sequence[str], kept: Sequence[str]) -> list[str]:
    """Modules of a package that a build configuration in another language names
    by their path from the repository's top (anki's ``build/configure/src/pylib.rs``
    declares ``"pylib/anki/buildinfo.py"`` an output): ``configurations`` are the files to
    look among (git's tracked files, excluded ones too: a tracked ``build/`` folder is the
    build's configuration, not its output), ``kept`` the files analysed."""
    paths = [p for p in configurations if is_build_configuration(p)][:_MAX_BUILD_CONFIGS]
    if not paths:
        return []
    packages = {p.rpartition("/")[0] for p in kept if p.endswith(".py")}
    found = [m for p in paths for m in spelled_modules(read_text(root / p, _BUILD_CONFIG_BYTES), packages)]
    return list(dict.fromkeys(found))


def is_build_configuration(path: str) -> bool:
    """Whether ``path`` is a build configuration in a language other than Python: a
    Makefile, CMake, Bazel, Ninja, Cargo ``build.rs`` ... file, or any other file (not
    Python, not documentation or data) in a folder named ``build``, ``configure``,
    ``build-aux`` ... (anki's ``build/configure/src/pylib.rs``; a folder git tracks,
    so a build's configuration, not its output)."""
    *parents, name = path.lower().split("/")
    if name in _BUILD_FILE_NAMES or name.endswith(_BUILD_SUFFIXES):
        return True
    return not name.endswith(_NOT_BUILD_SUFFIXES) and any(p in _BUILD_FOLDERS for p in parents)


def spelled_modules(text: str | None, packages: Collection[str]) -> list[str]:
    """The ``.py`` paths ``text`` spells in quotes from the repository's top, in a folder
    of Python modules (``packages``; anki's ``pylib/anki/`` has no ``__init__.py``):
    modules the build writes into the package. A path elsewhere says nothing."""
    if not text or ".py" not in text:
        return []
    return [m for m in dict.fromkeys(_SPELLED_MODULE.findall(text)) if m.rpartition("/")[0] in packages]


def _flattened(
    installed: Iterable[InstalledFile], folder: str, folders: Collection[str], kept: Collection[str],
    tails: Mapping[str, list[str]],
) -> Iterator[str]:
    """The paths at which a CMake install puts Python files it takes from sub-folders of
    ``folder`` (:func:`cmake_installed_files`): ``folder/X.py`` for ``sub/X.py`` installed
    into the package the folder mirrors; with a literal destination, in the folders of
    Python files that end like it (the folder itself, when it does), or in a new folder of
    its last name inside those that end like the rest (``deepmd/lib``). Only
    files that are here, into folders of Python files: a destination of variables alone says
    nothing."""
    for item in installed:
        source = f"{folder}/{item.source}" if folder else item.source
        if source not in kept or item.destination is None:
            continue
        leaf = item.source.rpartition("/")[2]
        if item.destination == "":
            targets = [folder] if folder in folders else []
        else:
            targets = tails.get(item.destination, [])
            parent, _, last = item.destination.rpartition("/")
            if not targets and parent and last.isidentifier():
                # A folder the install makes inside a package of the tree (``deepmd/lib``
                # for ``deepmd/``): the package gains that sub-package.
                targets = [f"{t}/{last}" if t else last for t in tails.get(parent, [])]
        yield from (f"{t}/{leaf}" if t else leaf for t in targets)


# A Python file's name as a build file spells it: ``'Getpeg.py'``, ``Getpeg.py``.
_NAMED_FILE = re.compile(r"(?<![\w/.$-])([A-Za-z_]\w*\.py)\b")


def _installed_up(text: str | None, folder: str, kept: Collection[str], packaged: bool) -> Iterator[str]:
    """Where a component's own build file puts the Python files it names: a sub-folder of
    a regular package with a build file of its own naming ``X.py`` beside it is a
    component's sources (its bindings, C sources, tests), and the build installs ``X.py``
    into the package above (isce2's ``orbit/getpeg/SConscript``: ``listFiles =
    ['Getpeg.py']`` installed into ``stdproc.orbit``, whose ``__init__`` does ``from
    .Getpeg import Getpeg``): the package holds that file, by another path than the
    tree's. A ``CMakeLists.txt`` says so only in a folder that is no package (CMake
    projects mirror their packages' folders); a ``SConscript`` (``packaged``) also in one
    that is: SCons builds install by the environment's package, not by the folder."""
    parent = folder.rpartition("/")[0]
    if not text or not folder or f"{parent}/__init__.py" not in kept:
        return
    if not packaged and f"{folder}/__init__.py" in kept:
        return
    if packaged and _installs_into_own_folder(text, folder.rpartition("/")[2]):
        return  # ``install = ... + package + '/' + project``, the folder's own name: its own package
    for file in dict.fromkeys(_NAMED_FILE.findall(text)):
        if f"{folder}/{file}" in kept:
            yield f"{parent}/{file}"


def _installs_into_own_folder(text: str, name: str) -> bool:
    """A ``SConscript`` that names its own folder in a variable (``project = 'geogrid'``,
    any case) and installs into a path built with it (isce2's ``geo_autoRIFT/geogrid/``:
    ``install = env['PRJ_SCONS_INSTALL'] + '/' + package + '/' + project``): it installs
    into the package its folder is, not the one above."""
    variables = [
        m.group(1) for m in re.finditer(r"^\s*([A-Za-z_]\w*)\s*=\s*['\"]([^'\"\n]+)['\"]\s*$", text, re.MULTILINE)
        if m.group(2).lower() == name.lower()
    ]
    if not variables:
        return False
    pattern = re.compile(r"\b(?:%s)\b" % "|".join(map(re.escape, variables)))
    return any(
        "install" in line.lower() and "=" in line and pattern.search(line.partition("=")[2])
        for line in text.splitlines()
    )


def _meson_built(text: str | None, folder: str, tails: Mapping[str, list[str]]) -> Iterator[str]:
    """The paths of the modules a ``meson.build`` in ``folder`` builds or installs. An
    install ``subdir`` is placed in the folders of Python files that end like it, and in
    the meson.build's own folder when it ends like it (a package whose sources are all
    installed from elsewhere: ``src/version.py`` into ``pkg/_external/packaging_version``)."""
    declared = meson_declarations(text)
    own = {tail: [folder] for tail in _folder_tails(folder)}

    def placed(names: Iterable[str], suffix: str) -> Iterator[str]:
        yield from _placed(names, tails, suffix)
        yield from _placed(names, own, suffix)

    yield from (f"{folder}/{name}.so" if folder else f"{name}.so" for name in declared.here)
    yield from placed(declared.dotted, ".so")
    yield from placed(declared.installed, ".py")
    for tree in declared.trees:
        yield from (target + UNKNOWN_TREE for target in {*tails.get(tree, ()), *own.get(tree, ())})


def _folder_tails(folder: str) -> Iterator[str]:
    """``a/b/c``, ``b/c``, ``c``."""
    while folder:
        yield folder
        folder = folder.partition("/")[2]


def _tails(folders: Iterable[str]) -> dict[str, list[str]]:
    """Each folder under every tail of its path (``lib/app/proto`` under ``lib/app/proto``,
    ``app/proto`` and ``proto``)."""
    found: dict[str, list[str]] = {}
    for folder in sorted(folders):
        for tail in _folder_tails(folder):
            found.setdefault(tail, []).append(folder)
    return found


def _placed_within(names: Iterable[str], tails: Mapping[str, list[str]], folder: str) -> Iterator[str]:
    """Paths for dotted module names a build installs (``awkward_cpp.lib._ext``), in the
    folders at or below ``folder`` that end like their package, or like the longest part
    of it that exists (``awkward-cpp/src/awkward_cpp/lib/_ext.so``: the install makes
    ``lib/``); with none there, in any folder that ends like the whole package."""
    prefix = folder + "/" if folder else ""
    for dotted in names:
        parts = dotted.split(".")
        for k in range(len(parts) - 1, 0, -1):
            package = tails.get("/".join(parts[:k]), ())
            # Below the build file first; else anywhere (psi4's ``psi4/src/CMakeLists.txt``
            # installs ``core`` into the ``psi4`` package, a folder above it).
            targets = [t for t in package if t == folder or t.startswith(prefix)] or (list(package) if k == len(parts) - 1 else [])
            if targets:
                yield from (f"{t}/{'/'.join(parts[k:])}.so" for t in targets)
                break


def _project_name(data: Any) -> str | None:
    """``[project] name`` of a pyproject.toml's data, when it is a string."""
    project = data.get("project") if isinstance(data, Mapping) else None
    name = project.get("name") if isinstance(project, Mapping) else None
    return name if isinstance(name, str) else None


def _placed(names: Iterable[str], tails: Mapping[str, list[str]], suffix: str = ".so") -> Iterator[str]:
    """Paths for dotted module names (``pkg.sub._fast``) in each folder of Python files
    that ends like their package (``.../pkg/sub/_fast.so``)."""
    for dotted in names:
        package, _, leaf = dotted.rpartition(".")
        if package and leaf:
            for target in tails.get(package.replace(".", "/"), ()):
                # ``pkg.*``: modules of a name computed at build time (see ``script_modules``)
                yield f"{target}{UNKNOWN_TREE}" if leaf == "*" else f"{target}/{leaf}{suffix}"


def _dotted(value: Any) -> str | None:
    """A string that is a dotted module name."""
    if isinstance(value, str) and value and all(part.isidentifier() for part in value.split(".")):
        return value
    return None


def declared_extensions(data: Any) -> list[str]:
    """Extension modules a ``pyproject.toml`` (as data) declares by name: maturin's
    ``[tool.maturin] module-name``, setuptools' ``[tool.setuptools] ext-modules``."""
    tool = data.get("tool") if isinstance(data, Mapping) else None
    if not isinstance(tool, Mapping):
        return []
    found: list[str] = []
    maturin = tool.get("maturin")
    if isinstance(maturin, Mapping) and _dotted(maturin.get("module-name")):
        found.append(maturin["module-name"])
    setuptools = tool.get("setuptools")
    modules = setuptools.get("ext-modules") if isinstance(setuptools, Mapping) else None
    for entry in modules if isinstance(modules, list) else ():
        name = _dotted(entry.get("name")) if isinstance(entry, Mapping) else None
        if name:
            found.append(name)
    return found


def data_folders(modules: Iterable[str], others: Iterable[str]) -> list[str]:
    """The folders (``pkg/templates/``, with a trailing ``/``) that hold files (``others``)
    but no module (``modules``: ``.py`` files, stubs, extensions), at any depth. Python 3
    imports such a folder as a namespace package (``from pkg import templates``), so it is
    a module that exists; one that holds modules is known from them."""
    with_modules: set[str] = set()
    for path in modules:
        _add_folders(path, with_modules)
    found: set[str] = set()
    for path in others:
        _add_folders(path, found, stop=with_modules)
    return sorted(f + "/" for f in found - with_modules)


def _add_folders(path: str, into: set[str], stop: set[str] | None = None) -> None:
    """The folders ``path`` lies in, deepest first, into ``into`` (up to one already there,
    or in ``stop``: a folder's parents hold what it holds)."""
    folder = path.rpartition("/")[0]
    while folder and folder not in into and (stop is None or folder not in stop):
        into.add(folder)
        folder = folder.rpartition("/")[0]


def display_path(path: str) -> str:
    """A path safe to print: undecodable bytes of a file name become U+FFFD."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
