"""Packages a build makes of a ``src`` folder: a model fact, read off the tree and its imports.

panda3d keeps the sources of its Python package ``direct`` in ``direct/src/`` and its build
copies that folder to the installed ``direct``; the tests, samples and tools import
``direct.showbase.ShowBase``. The model names the files by the tree
(``direct.src.showbase.ShowBase``); this says which names the build gives them, so that
SSOT003 judges such imports by the installed names, and the folder is never taken for test
data that nothing imports.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from ssotlint.packaging import PackageDirs

if TYPE_CHECKING:
    from ssotlint.model.project import Project, SourceFile


def built_from_src(project: Project) -> tuple[tuple[str, str], ...]:
    """:func:`_built_from_src`, worked out once per model."""
    return project.shared(_built_from_src, partial(_built_from_src, project))


def _built_from_src(project: Project) -> tuple[tuple[str, str], ...]:
    """Top-level packages a build makes of a ``src`` folder, as :func:`package_dirs`
    entries (``("direct", "direct/src")``): a folder with no ``__init__.py`` whose Python
    lies only in its ``src/`` folder, itself no package, while the project's absolute
    imports name that folder's packages as the top's (``from direct.showbase.ShowBase
    import ShowBase`` beside ``direct/src/showbase/ShowBase.py``; panda3d's build copies
    ``direct/src`` to the installed ``direct``) and none spells ``top.src``. Imports of
    such a package are judged by the names the build gives it, as a declared
    ``package_dir`` is, so a module the copy lacks is still reported."""
    modules = project.modules
    folders: dict[str, str] = {}  # top -> the src folder's path
    spoiled: set[str] = set()
    for name, f in modules.items():
        top, _, rest = name.partition(".")
        if not rest or top in spoiled:
            continue
        inner, _, below = rest.partition(".")
        if inner != "src" or not below or top in modules or f"{top}.src" in modules:
            spoiled.add(top)  # the folder holds something beside src/, or is a package
            continue
        tail = below.replace(".", "/")
        for suffix in (f"/{tail}.py", f"/{tail}/__init__.py"):
            if f.path.endswith(suffix):
                folders.setdefault(top, f.path[: -len(suffix)])
    for top in spoiled:
        folders.pop(top, None)
    if not folders:
        return ()
    named: set[str] = set()
    for _, rec, absolute in project.first_party_imports:
        if absolute is None or rec.level:
            continue  # a relative import inside the folder resolves under either name
        top, _, rest = absolute.partition(".")
        if top not in folders:
            continue
        first = rest.partition(".")[0]
        if first == "src":
            folders.pop(top)  # the project spells the folder as it lies: judged as before
        elif first and (f"{top}.src.{first}" in modules or f"{top}.src.{first}" in project.packages):
            named.add(top)
    return tuple(sorted((top, folder) for top, folder in folders.items() if top in named))


def in_built_tree(project: Project, folder: str) -> bool:
    """``folder`` is a folder a build makes a package of, lies inside one, or holds one
    (``direct``, ``direct/src``, ``direct/src/showbase``): code imported by built names."""
    for top, src in built_from_src(project):
        if folder == src or folder.startswith(src + "/") or (src + "/").startswith(folder + "/"):
            return True
    return False


def installed_module(project: Project, dotted: str) -> str | None:
    """The model's name of the module that the packaging installs as ``dotted``, when the
    model knows no module of that name: a ``package_dir`` table's (an Ansible collection's
    ``ansible_collections.community.network.plugins.module_utils.network.enos.enos`` is the
    file the model names ``plugins.module_utils.network.enos.enos``) or a package built
    from a ``src`` folder. None when no table maps it, or no analysed file is there."""
    dirs = installed_dirs(project)
    if dirs is None:
        return None
    by_path = files_by_path(project)
    for path in dirs.candidates(dotted):
        f = by_path.get(path)
        if f is not None and f.module is not None:
            return f.module
    return None


def installed_dirs(project: Project) -> PackageDirs | None:
    """The packages installed from folders of other names: the packaging's ``package_dir``
    table (see :func:`ssotlint.packaging.package_dirs`) and the packages built from a
    ``src`` folder; None when there are none. Worked out once per model."""
    return project.shared(installed_dirs, partial(_installed_dirs, project))


def _installed_dirs(project: Project) -> PackageDirs | None:
    entries = (*project.config.package_dirs, *built_from_src(project))
    return PackageDirs(entries) if entries else None


def files_by_path(project: Project) -> dict[str, SourceFile]:
    """The model's files by path, once per model."""
    return project.shared(files_by_path, lambda: {f.path: f for f in project.files})
