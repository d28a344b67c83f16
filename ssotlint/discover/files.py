"""Finding the repository root and the Python files to analyse."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path
from typing import Callable, Iterable, NamedTuple

from ssotlint.config_project import read_text, read_toml
from ssotlint.gitcmd import git_command, git_env
from ssotlint.globs import GlobSet
from ssotlint.packaging import generated_modules


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
    # pyproject.toml files below the root (nested projects: their own target Python), and
    # the conftest.py files (which may stop collecting files on older Pythons).
    configs: list[str] = []


OPAQUE_SUFFIXES = (".pyi", ".so", ".pyd", ".pyx")
NESTED_CONFIG = "pyproject.toml"
_PATTERNS = ("*.py",) + tuple("*" + s for s in OPAQUE_SUFFIXES) + ("*/" + NESTED_CONFIG,)
_PATTERN_SUFFIXES = (".py",) + OPAQUE_SUFFIXES


def is_nested_config(path: str) -> bool:
    """A pyproject.toml below the root (the root's own is the configuration)."""
    return path.endswith("/" + NESTED_CONFIG)


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
    return found


def _rel(root: Path, name: object) -> str:
    try:
        return os.path.relpath(str(name), root).replace(os.sep, "/")
    except ValueError:
        return str(name)


def discover(root: Path, excludes: GlobSet) -> Discovery:
    warnings: list[str] = []
    listed_git = _git_files(root)
    from_git = listed_git is not None
    if listed_git is None:
        listed, ignored = _walk_files(root, excludes, warnings), []
    else:
        listed, ignored = listed_git
    kept = [p for p in listed if not excludes.matches(p)]
    vendored = vendored_folders(kept, lambda path: read_text(root / path, _README_BYTES))
    files = sorted(p for p in kept if p.endswith(".py") and not in_folders(p, vendored))
    configs = sorted(p for p in kept if is_nested_config(p) or p.rpartition("/")[2] == "conftest.py")
    ignored = [p for p in ignored if not is_nested_config(p)]
    modules = [p for p in kept if p.endswith(_PATTERN_SUFFIXES)]
    others = [p for p in kept if not p.endswith(_PATTERN_SUFFIXES)]
    generated = [p for p in ignored if not excludes.matches(p)]
    projects = [p for p in configs if is_nested_config(p)]
    generated += [p for p in declared_generated(root, projects) if p not in kept and not excludes.matches(p)]
    opaque = sorted(
        {p for p in modules if p.endswith(OPAQUE_SUFFIXES) or in_folders(p, vendored)}
        | set(generated)
        | set(data_folders([*modules, *generated], others))
        | set(absent_submodules(root, listed, excludes))
    )
    return Discovery(files, warnings, from_git, opaque, configs)


# What a folder below which nothing is known ends in, in :attr:`Discovery.opaque`.
UNKNOWN_TREE = "/**"


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
    {"vendor", "third_party", "thirdparty", "third-party", "_third_party", "extern", "externals", "_extern"}
)
# Files that say a folder holds copies of other projects: pip's ``vendor.txt`` manifest,
# the licence each copied project keeps.
_VENDOR_EVIDENCE = ("vendor.txt", "vendored.txt", "license", "licence", "copying")


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


def vendored_folders(paths: Iterable[str], read: Callable[[str], str | None] | None = None) -> set[str]:
    """The folders holding vendored third-party code (``setuptools/_vendor``): named
    ``_vendor``, ``_vendored`` or ``vendored``; holding an installed distribution's
    metadata (a ``*.dist-info`` folder: packages copied in by ``pip install --target``);
    named ``vendor`` / ``third_party`` / ``extern`` / ``externals`` and holding a
    ``vendor.txt`` manifest or a licence file, in it or in a folder right below it (each
    copied project keeps its own) or (with ``read``, a reader of a file's text by path) a
    README that says the folder is a copy of other projects (astropy's ``extern/``:
    "contains third-party Python packages"; see :func:`_copy_folders`). Not the project's code: their files are not
    analysed, but imports of their modules are imports of modules that exist (see
    :class:`Discovery`)."""
    paths = list(paths)
    found: set[str] = _copy_folders(paths, read) if read is not None else set()
    for path in paths:
        if "vendor" not in path and "third" not in path and ".dist-info/" not in path:
            continue
        *folders, name = path.split("/")
        for i, part in enumerate(folders):
            if part in VENDORED_NAMES:
                found.add("/".join(folders[: i + 1]))
            elif part.endswith(".dist-info") and i > 0:
                found.add("/".join(folders[:i]))
            elif part in MAYBE_VENDORED_NAMES and len(folders) - i <= 2 and name.lower().startswith(_VENDOR_EVIDENCE):
                found.add("/".join(folders[: i + 1]))
    return found


def in_folders(path: str, folders: set[str]) -> bool:
    """Whether ``path`` lies in one of ``folders``."""
    if not folders:
        return False
    folder = path.rpartition("/")[0]
    while folder:
        if folder in folders:
            return True
        folder = folder.rpartition("/")[0]
    return False


def declared_generated(root: Path, configs: Iterable[str]) -> list[str]:
    """The Python files the root's and the nested projects' (``configs``: their
    pyproject.toml files) builds write (:func:`generated_modules`: ``pkg/_version.py``),
    relative to the root. They are modules that exist, like git-ignored generated files."""
    found: list[str] = []
    for config in ("pyproject.toml", *configs):
        folder = config.rpartition("/")[0]
        data = read_toml(read_text(root / config))
        found.extend(f"{folder}/{p}" if folder else p for p in generated_modules(data))
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
