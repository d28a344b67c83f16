"""Packages loaded by path: what their dotted names in the repository say is not how
anything imports them (see :func:`loose_packages`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import partial

from ssotlint.model.changes import parents, prefixes
from ssotlint.model.project import Project, SourceFile


def loose_packages(project: Project) -> frozenset[str]:
    """Packages that are loaded by path, each versioned on its own: the outermost regular
    package (an ``__init__.py``) of its modules, below at least one folder that is no package,
    with a ``version`` module or a ``__version__`` of its own, and no module of which any
    import statement names by its absolute name (its own modules import each other
    relatively). Its dotted name is only where it lies in the repository; whatever loads it
    (a server's add-on loader reading a zip) gives it another. Once per model."""
    return project.shared(loose_packages, partial(packages_loaded_by_path, project.files, project.modules))


def packages_loaded_by_path(files: Iterable[SourceFile], modules: Mapping[str, SourceFile]) -> frozenset[str]:
    """:func:`loose_packages` of any tree's files and modules (a history's earlier one too)."""
    candidates: set[str] = set()
    for name, f in modules.items():
        if not f.is_package or "." not in name:
            continue
        if any((g := modules.get(p)) is not None and g.is_package for p in parents(name)):
            continue  # not the outermost package
        if f"{name}.version" in modules or "__version__" in f.summary.assigned:
            candidates.add(name)
    if not candidates:
        return frozenset()
    for f in files:
        for rec, absolute in zip(f.summary.imports, f.absolutes):
            if rec.level == 0 and absolute:
                candidates.difference_update(prefixes(absolute))
                if not candidates:
                    return frozenset()
    return frozenset(candidates)
