"""Source roots a project's packaging configuration declares, read statically.

A project that builds from ``lib/`` (ansible-core: ``[tool.setuptools.packages.find] where =
["lib", "test/lib"]``) imports ``ansible.modules.copy``, not ``lib.ansible.modules.copy``.
When ssotlint's own ``src`` is not set, these folders are the default source roots:

- setuptools, in ``pyproject.toml``: ``[tool.setuptools.packages.find] where`` and
  ``[tool.setuptools] package-dir``; in ``setup.cfg``: ``[options.packages.find] where`` and
  ``[options] package_dir``;
- Poetry: ``packages = [{include = "x", from = "src"}]``;
- Hatch: ``[tool.hatch.build.targets.wheel] packages`` (``"src/x"``: its parent) and
  ``sources`` (a list of prefixes, or a mapping of a folder to the package path it becomes);
- PDM: ``[tool.pdm.build] package-dir``;
- scikit-build-core: ``[tool.scikit-build] wheel.packages`` (``"python/tvm"``: its parent);
- maturin: ``[tool.maturin] python-source`` (``"python"``: pathway's ``python/pathway/``);
- uv's build backend: ``[tool.uv.build-backend] module-root``;
- ``setup.py``: a literal ``setup(package_dir={"": "lib"})`` (read from its syntax tree);
- Meson (meson-python): the folders ``meson.build``'s ``install_sources(..., subdir: 'pkg')``
  installs as ``pkg`` (matplotlib's ``lib/matplotlib/``: ``lib``), see :func:`meson_roots`.

Nothing is executed (``setup.py`` never is); entries naming a folder outside the repository,
absolute paths and folders that do not exist are ignored. A ``package-dir`` entry that maps a
package to a folder of another name (``{"foo" = "src/bar"}``) is not a root: :func:`package_dirs`
reads those (from ``setup.py``'s ``setup(package_dir=...)`` too, as a literal) so that imports
inside such a folder are judged by the package it is installed as.
"""

from __future__ import annotations

import ast
import configparser
import re
from pathlib import Path, PurePosixPath
from typing import Any, Iterable, Mapping, NamedTuple

from ssotlint.config_project import read_ini, read_text, read_toml, setup_tree, string_list
from ssotlint.packaging_meson import meson_roots

_MAX_PACKAGE_DIRS = 2_000  # bound the table read from a hostile setup.py


class PackagingRoots(NamedTuple):
    roots: tuple[str, ...]  # relative POSIX folders, in the order declared
    source: str  # where they were read, for messages: "pyproject.toml [tool.setuptools.packages.find] where"


def packaging_roots(root: Path) -> PackagingRoots | None:
    """The source roots ``root``'s packaging configuration declares (the first file and
    table that declares any that exist), or None."""
    data = read_toml(read_text(root / "pyproject.toml"))
    candidates: list[tuple[str, list[str]]] = []
    if isinstance(data, dict):
        candidates.extend(_pyproject_candidates(data))
    cfg = read_ini(read_text(root / "setup.cfg"))
    if cfg is not None:
        candidates.extend(_setup_cfg_candidates(cfg))
    # setup.py's literal package_dir (``{"": "lib"}``, ``{"pkg": "lib/pkg"}``), read, never run.
    candidates.append(("setup.py [setup() package_dir]", _package_dir(_setup_py_package_dir(read_text(root / "setup.py")))))
    candidates.append(("meson.build [install_sources subdir]", meson_roots(root)))
    for source, entries in candidates:
        roots = _existing(root, entries)
        if roots:
            return PackagingRoots(roots, source)
    return None


def toml_table(data: Any, *keys: str) -> Mapping[str, Any]:
    """The table at ``keys`` of parsed TOML (``tool``, ``setuptools``), ``{}`` when any
    step is missing or not a table."""
    for key in keys:
        data = data.get(key) if isinstance(data, Mapping) else None
    return data if isinstance(data, Mapping) else {}


def _pyproject_candidates(data: Mapping[str, Any]) -> Iterable[tuple[str, list[str]]]:
    setuptools = toml_table(data, "tool", "setuptools")
    packages = setuptools.get("packages")
    find = toml_table(packages, "find") if isinstance(packages, Mapping) else {}
    yield "pyproject.toml [tool.setuptools.packages.find] where", string_list(find.get("where"))
    yield "pyproject.toml [tool.setuptools] package-dir", _package_dir(setuptools.get("package-dir"))
    poetry = toml_table(data, "tool", "poetry").get("packages")
    if isinstance(poetry, list):
        froms = [p.get("from") for p in poetry if isinstance(p, Mapping) and isinstance(p.get("from"), str)]
        yield "pyproject.toml [tool.poetry] packages from", froms
    wheel = toml_table(data, "tool", "hatch", "build", "targets", "wheel")
    yield "pyproject.toml [tool.hatch.build.targets.wheel] packages", [
        str(PurePosixPath(p).parent) for p in string_list(wheel.get("packages")) if "/" in p.strip("/")
    ]
    yield "pyproject.toml [tool.hatch.build.targets.wheel] sources", _hatch_sources(wheel.get("sources"))
    pdm = toml_table(data, "tool", "pdm", "build").get("package-dir")
    yield "pyproject.toml [tool.pdm.build] package-dir", string_list(pdm)
    # maturin's ``python-source = "python"``: the folder of a mixed Rust/Python project's
    # Python packages (pathway's ``python/pathway/``, beside the Rust crate).
    yield "pyproject.toml [tool.maturin] python-source", string_list(toml_table(data, "tool", "maturin").get("python-source"))
    # uv's build backend: ``[tool.uv.build-backend] module-root = "lib"`` (its default,
    # ``src``, is among ssotlint's own default roots already).
    yield "pyproject.toml [tool.uv.build-backend] module-root", [
        r for r in string_list(toml_table(data, "tool", "uv", "build-backend").get("module-root")) if r.strip("/")
    ]
    # scikit-build-core's ``wheel.packages = ["python/tvm"]``: the parent of each package folder.
    skbuild = toml_table(data, "tool", "scikit-build", "wheel")
    yield "pyproject.toml [tool.scikit-build] wheel.packages", [
        str(PurePosixPath(p.strip("/")).parent) for p in string_list(skbuild.get("packages")) if "/" in p.strip("/")
    ]


def _package_dir(value: Any) -> list[str]:
    """setuptools' ``package-dir``: the folder of the root package (``"" = "src"``), and
    the parent of a package's folder named like the package (``ansible = "lib/ansible"``)."""
    if not isinstance(value, Mapping):
        return []
    return [r for r in (_mapped_root(package.replace(".", "/"), folder) for package, folder in value.items()) if r is not None]


def _mapped_root(package: str, folder: Any) -> str | None:
    """The folder that holds ``package`` when it is built from ``folder``; None when the
    folder is not named like the package (no root can express that mapping)."""
    if not isinstance(folder, str):
        return None
    folder = folder.strip().strip("/")
    if not package:
        return folder or "."
    if folder == package:
        return "."
    if folder.endswith("/" + package):
        return folder[: -len(package) - 1]
    return None


def _hatch_sources(value: Any) -> list[str]:
    """Hatch's ``sources``: a list of prefixes removed from paths, or a mapping of a prefix
    to what replaces it (``{"src/foo" = "foo"}``: ``src`` holds the package ``foo``)."""
    if isinstance(value, list):
        return string_list(value)
    if isinstance(value, Mapping):
        return [r for r in (_mapped_root(str(to).strip("/"), prefix) for prefix, to in value.items()) if r is not None]
    return []


def _setup_cfg_candidates(cfg: configparser.ConfigParser) -> Iterable[tuple[str, list[str]]]:
    if cfg.has_option("options.packages.find", "where"):
        yield "setup.cfg [options.packages.find] where", _cfg_list(cfg.get("options.packages.find", "where"))
    if cfg.has_option("options", "package_dir"):
        mapping: dict[str, str] = {}
        for line in _cfg_list(cfg.get("options", "package_dir")):
            package, sep, folder = line.partition("=")
            if sep:
                mapping[package.strip()] = folder.strip()
        yield "setup.cfg [options] package_dir", _package_dir(mapping)


def _cfg_list(value: str) -> list[str]:
    """A setup.cfg list: one item a line, or separated by commas."""
    return [item.strip() for line in value.splitlines() for item in line.split(",") if item.strip()]


def _existing(root: Path, entries: Iterable[str]) -> tuple[str, ...]:
    """The entries that name folders inside ``root``, as relative POSIX paths; ``.`` (the
    root itself, always a source root) is left out."""
    found: list[str] = []
    base = root.resolve()
    for entry in entries:
        entry = entry.strip().replace("\\", "/")
        if entry.startswith("/"):
            continue  # absolute: outside the repository
        entry = entry.strip("/")
        if entry.startswith("./"):
            entry = entry[2:]
        if not entry or entry == "." or PurePosixPath(entry).is_absolute() or ".." in PurePosixPath(entry).parts:
            continue
        folder = root / entry
        try:
            inside = folder.is_dir() and folder.resolve().is_relative_to(base)
        except OSError:
            inside = False
        if inside and entry not in found:
            found.append(entry)
    return tuple(found)


def generated_modules(data: Any) -> list[str]:
    """The Python files a project's build writes from its version control (``pyproject.toml``
    as data): setuptools-scm's ``[tool.setuptools_scm] version_file`` (or ``write_to``),
    hatch-vcs' ``[tool.hatch.build.hooks.vcs] version-file``, pdm-backend's
    ``[tool.pdm.version] write_to`` (relative to the project's folder). Such a file is
    git-ignored and exists in every built or installed copy, so ``from pkg._version import
    version`` is not a broken import on a fresh checkout."""
    if not isinstance(data, Mapping):
        return []
    scm = toml_table(data, "tool", "setuptools_scm")
    candidates = [
        *string_list(scm.get("version_file")),
        *string_list(scm.get("write_to")),
        *string_list(toml_table(data, "tool", "hatch", "build", "hooks", "vcs").get("version-file")),
        *string_list(toml_table(data, "tool", "pdm", "version").get("write_to")),
    ]
    found: list[str] = []
    for entry in candidates:
        entry = entry.strip().replace("\\", "/").strip("/")
        if entry.startswith("./"):
            entry = entry[2:]
        path = PurePosixPath(entry)
        if entry.endswith(".py") and not path.is_absolute() and ".." not in path.parts and entry not in found:
            found.append(entry)
    return found


def package_dirs(root: Path) -> tuple[tuple[str, str], ...]:
    """The packages ``root``'s packaging installs from a folder of another name, with the
    other entries of the same table: ``(("supybot", "src"), ("supybot.plugins", "plugins"))``
    for setuptools' ``package_dir = {"supybot": "src", "supybot.plugins": "plugins"}`` (the
    folder ``src/`` is installed as the package ``supybot``, so ``from . import conf`` in
    ``src/ircmsgs.py`` is ``supybot.conf``, ``src/conf.py``). No source root can say that.

    Read from ``pyproject.toml`` ``[tool.setuptools] package-dir``, ``setup.cfg`` ``[options]
    package_dir`` and ``setup.py``: the ``package_dir=`` keyword of a ``setup(...)`` call as a
    dict literal, or a module-level name bound to one (with later ``name["pkg"] = "folder"``
    assignments of literals). Nothing is run: a value computed at run time is not seen.
    Entries of folders that do not exist inside ``root`` are left out; () when no entry maps
    a package to a folder of another name (every entry is then a source root, see
    :func:`packaging_roots`). The first file that declares a table wins. Without one, an
    Ansible collection's ``galaxy.yml`` maps its package to the top (``.``), see
    :func:`ansible_collection`."""
    data = read_toml(read_text(root / "pyproject.toml"))
    tables: list[Mapping[str, Any]] = []
    if isinstance(data, dict):
        value = toml_table(data, "tool", "setuptools").get("package-dir")
        if isinstance(value, Mapping):
            tables.append(value)
    cfg = read_ini(read_text(root / "setup.cfg"))
    if cfg is not None and cfg.has_option("options", "package_dir"):
        mapping: dict[str, str] = {}
        for line in _cfg_list(cfg.get("options", "package_dir")):
            package, sep, folder = line.partition("=")
            if sep:
                mapping[package.strip()] = folder.strip()
        tables.append(mapping)
    tables.append(_setup_py_package_dir(read_text(root / "setup.py")))
    tables.append(makefile_installs(root))
    for table in tables:
        entries = _remapped(root, table)
        if entries:
            return entries
    collection = ansible_collection(read_text(root / "galaxy.yml"))
    return ((collection, "."),) if collection else ()


# A make variable whose value is a folder of Python's site-packages, then a package name:
# spacewalk's ``backend/Makefile.defs``, ``SPACEWALK_ROOT ?= $(shell python2 -c "from
# distutils.sysconfig import get_python_lib; print get_python_lib()")/spacewalk``.
_MAKE_SITE_PACKAGE = re.compile(
    r"^[ \t]*[A-Za-z_][\w.]*[ \t]*[:?+!]?=[^\n]*(?:get_python_lib|site-packages|sitelib|purelib|platlib)[^\n]*?"
    r"/([A-Za-z_][A-Za-z0-9_]*)/?[ \t]*(?:#[^\n]*)?$",
    re.MULTILINE | re.IGNORECASE,
)
_MAKEFILE_NAMES = ("Makefile", "makefile", "GNUmakefile", "Makefile.defs", "Makefile.common")
_MAX_MAKE_FOLDERS = 200


def makefile_installs(root: Path) -> dict[str, str]:
    """The packages Makefiles install a folder as: a make variable at the root or in a
    first-level folder whose value is Python's site-packages folder and then a package name
    (``SPACEWALK_ROOT ?= $(shell python2 -c "...get_python_lib()...")/spacewalk`` in
    spacewalk's ``backend/Makefile.defs``, whose folders each install their files into
    ``$(SPACEWALK_ROOT)/$(SUBDIR)``) makes that Makefile's folder the package:
    ``{"spacewalk": "backend"}``. Read as text, never run; the first such variable of a
    folder counts, and one package is named by one folder at most."""
    found: dict[str, str] = {}
    folders = [""]
    try:
        folders += sorted(
            e.name for e in root.iterdir() if e.is_dir() and not e.is_symlink() and not e.name.startswith(".")
        )[:_MAX_MAKE_FOLDERS]
    except OSError:
        return found
    for folder in folders:
        for name in _MAKEFILE_NAMES:
            path = root / folder / name if folder else root / name
            text = read_text(path) if path.is_file() and not path.is_symlink() else None
            match = _MAKE_SITE_PACKAGE.search(text) if text else None
            if match is not None:
                package = match.group(1)
                if package not in found and folder:
                    found[package] = folder
                break
    return found


# The top-level keys of an Ansible collection's ``galaxy.yml`` that name it (read as text:
# a ``key: value`` line at the start, the value a plain or quoted identifier).
_GALAXY_KEY = re.compile(r"^(namespace|name):[ \t]*[\"']?([A-Za-z_][A-Za-z0-9_]*)[\"']?[ \t]*(?:#.*)?$", re.MULTILINE)


def ansible_collection(text: str | None) -> str | None:
    """The package an Ansible collection is installed as, ``ansible_collections.<namespace>.
    <name>``, from its ``galaxy.yml`` (amazon.aws: ``ansible_collections.amazon.aws``): the
    repository's top is that package, and its code imports itself so (``from
    ansible_collections.amazon.aws.plugins.module_utils.botocore import ...``). None
    without both keys."""
    if not text:
        return None
    keys = dict(_GALAXY_KEY.findall(text))
    if "namespace" not in keys or "name" not in keys:
        return None
    return f"ansible_collections.{keys['namespace']}.{keys['name']}"


def _remapped(root: Path, table: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    """The table's entries of named packages whose folders exist, when one of them maps a
    package to a folder of another name; () otherwise."""
    entries: list[tuple[str, str]] = []
    remapped = False
    for package, folder in list(table.items())[:_MAX_PACKAGE_DIRS]:
        if not isinstance(package, str) or not isinstance(folder, str):
            continue
        package = package.strip()
        if not package or not all(part.isidentifier() for part in package.split(".")):
            continue
        existing = _existing(root, [folder])
        if not existing:
            continue
        entries.append((package, existing[0]))
        remapped = remapped or _mapped_root(package.replace(".", "/"), existing[0]) is None
    return tuple(entries) if remapped else ()


def _setup_py_package_dir(text: str | None) -> dict[str, str]:
    """``package_dir`` of a setup.py's ``setup(...)`` call, read from its syntax tree."""
    found = setup_tree(text) if text and "package_dir" in text else None
    if found is None:
        return {}
    tree, calls = found
    for node in calls:
        for keyword in node.keywords:
            if keyword.arg != "package_dir":
                continue
            if isinstance(keyword.value, ast.Dict):
                return _literal_dict(keyword.value)
            if isinstance(keyword.value, ast.Name):
                return _module_level_dict(tree, keyword.value.id)
    return {}


def _literal_dict(node: ast.Dict) -> dict[str, str]:
    return {
        k.value: v.value
        for k, v in zip(node.keys, node.values)
        if isinstance(k, ast.Constant) and isinstance(k.value, str) and isinstance(v, ast.Constant) and isinstance(v.value, str)
    }


def _module_level_dict(tree: ast.Module, name: str) -> dict[str, str]:
    """What the module's top-level statements bind ``name`` to: a dict literal, then
    ``name["pkg"] = "folder"`` assignments of literals (a later literal binding starts
    over)."""
    found: dict[str, str] = {}
    for statement in tree.body:
        if not isinstance(statement, ast.Assign):
            continue
        value = statement.value
        for target in statement.targets:
            if isinstance(target, ast.Name) and target.id == name:
                found = _literal_dict(value) if isinstance(value, ast.Dict) else {}
            elif (
                isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name) and target.value.id == name
                and isinstance(target.slice, ast.Constant) and isinstance(target.slice.value, str)
                and isinstance(value, ast.Constant) and isinstance(value.value, str)
            ):
                found[target.slice.value] = value.value
    return found


class PackageDirs:
    """Module names by the package-to-folder table of :func:`package_dirs`: the module a
    file in a mapped folder is installed as, and the file a module name is built from."""

    def __init__(self, entries: Iterable[tuple[str, str]]) -> None:
        # Deepest folder first, so ``supybot.plugins`` = ``plugins`` beats a shallower one.
        self.by_folder = sorted(((folder, package) for package, folder in entries), key=lambda e: -e[0].count("/") - len(e[0]))
        self.by_package = dict((package, folder) for package, folder in entries)

    def module_of(self, path: str) -> tuple[str, bool] | None:
        """``(module, is_package)`` of the file at ``path`` as installed, None when no mapped
        folder holds it (or a folder on the way is not a name)."""
        for folder, package in self.by_folder:
            if folder != "." and not path.startswith(folder + "/"):
                continue
            inner = path if folder == "." else path[len(folder) + 1 :]
            parts = inner[:-3].split("/") if inner.endswith(".py") else []
            if not parts or not all(p.isidentifier() for p in parts):
                return None
            if parts[-1] == "__init__":
                return ".".join([package, *parts[:-1]]), True
            return ".".join([package, *parts]), False
        return None

    def candidates(self, module: str) -> list[str]:
        """The files ``module`` would be built from (``x.py``, ``x/__init__.py``), by the
        deepest package of the table that holds it; [] when none does."""
        parts = module.split(".")
        for i in range(len(parts), 0, -1):
            folder = self.by_package.get(".".join(parts[:i]))
            if folder is None:
                continue
            base = "/".join(p for p in (folder if folder != "." else "", *parts[i:]) if p)
            return [f"{base}/__init__.py"] if i == len(parts) else [f"{base}.py", f"{base}/__init__.py"]
        return []
