"""Module names from file paths, given the source roots."""

from __future__ import annotations

import keyword
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence


def source_roots(root: Path, configured: Sequence[str]) -> list[str]:
    """Relative POSIX source roots, deepest first: configured ``src``, ``src/``, folders
    that run a Django project (:func:`_project_folders`), the root."""
    return roots_of(configured, has_src=(root / "src").is_dir(), projects=_project_folders(root))


def roots_of(configured: Sequence[str], has_src: bool, projects: Iterable[str] = ()) -> list[str]:
    """:func:`source_roots` given whether the tree has a ``src/`` folder and its Django
    project folders (a tree held in memory has no folders to ask)."""
    roots = {""}
    if has_src:
        roots.add("src")
    roots.update(projects)
    for entry in configured:
        entry = entry.strip().strip("/")
        if entry.startswith("./"):
            entry = entry[2:]
        roots.add("" if entry in (".", "") else entry)
    return sorted(roots, key=lambda r: (-r.count("/") - (1 if r else 0), r))


def _project_folders(root: Path) -> set[str]:
    """Folders one or two levels down holding a ``manage.py`` and no ``__init__.py``
    (``netbox/manage.py`` beside the ``netbox/netbox/`` package): ``python manage.py`` puts
    its own folder first on ``sys.path``, so ``from netbox.api import x`` there means
    ``netbox/netbox/api``. A package's ``manage.py`` (a test project inside a package) is
    not a root."""
    found: set[str] = set()
    for pattern in ("*/manage.py", "*/*/manage.py"):
        for script in root.glob(pattern):
            folder = script.parent
            if script.is_file() and not (folder / "__init__.py").exists():
                found.add(folder.relative_to(root).as_posix())
    return found


def _place(rel_path: str, roots: Sequence[str]) -> tuple[str | None, str] | None:
    """``(package, file stem)`` of a ``.py`` file under the first source root that holds it:
    the package is None when a folder on the way is not a package name; None outside every
    root."""
    for source_root in roots:
        if source_root and not rel_path.startswith(source_root + "/"):
            continue
        inner = rel_path[len(source_root) + 1 :] if source_root else rel_path
        folder, _, stem = inner[:-3].rpartition("/")
        return _package(folder), stem
    return None


def module_name(rel_path: str, roots: Sequence[str]) -> tuple[str | None, bool]:
    """``(dotted name, is_package)`` of a file, or ``(None, False)`` if not importable."""
    place = _place(rel_path, roots)
    if place is None or place[0] is None:
        return None, False
    package, stem = place
    if stem == "__init__":
        return (package, True) if package else (None, False)
    if not _is_name(stem):
        return None, False
    return (f"{package}.{stem}" if package else stem), False


def loader_name(rel_path: str, roots: Sequence[str]) -> str | None:
    """The module name of a file whose *file name* is not an identifier (Django's
    ``0001_initial.py``, a ``dev-tools.py`` script), in an importable package or a root.

    No import statement can name it, but ``importlib.import_module("app.migrations.0001_initial")``
    loads it (Django does), or it runs as a script: its imports run, and what it defines
    exists. It can only ever be an importer. None for files :func:`module_name` names, and
    for stems with a dot (``a.b.py`` would read as a submodule).
    """
    place = _place(rel_path, roots)
    if place is None or place[0] is None:
        return None
    package, stem = place
    if not stem or "." in stem or stem == "__init__" or _is_name(stem):
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


def importable(module: str) -> bool:
    """Whether an import statement can name the module (every part an identifier)."""
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
