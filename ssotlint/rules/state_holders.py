"""Classes used as mutable state (SSOT001): a class whose own fields product code in other
modules assigns at run time through its name (openllmetry's instrumentors, each setting
``Config.exception_logger = logger`` on its own package's ``Config`` when it starts).
Such a class is one object holding one set of settings. Two of them, each configured by its
own code, are two states: one class in place of both would make configuring one
reconfigure the other, so they are not copies of one definition. When only one is
configured, code reading the other reads settings nobody sets: that is still reported."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ssotlint.model.project import ClassRef, Project

if TYPE_CHECKING:
    from ssotlint.model.changes import Change
    from ssotlint.rules.definitions import Definition


def configured_classes(project: Project) -> frozenset[tuple[str, str]]:
    """``(module, class name)`` of the classes product code of another module assigns one
    of their own fields at run time, through a name a from-import binds to the class
    (``from .config import Config`` then ``Config.exception_logger = x``, in a method or at
    module level; ``FileSummary.attribute_sets``). Read through importers by name, so a
    history re-checks the name when a writer changes (``definitions.duplicates_affected``).
    Worked out once per model."""
    return project.shared(configured_classes, lambda: _configured(project))


def _configured(project: Project) -> frozenset[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for f in project.files:
        if not f.summary.attribute_sets or f.is_test or f.module is None:
            continue
        for owner, attribute in f.summary.attribute_sets:
            if "." in owner:
                continue
            target = project.resolve(f.module, owner)
            if isinstance(target, ClassRef) and target.module != f.module and attribute in target.record.fields:
                found.add((target.module, target.record.name))
    return frozenset(found)


def each_configured(project: Project, a: Definition, b: Definition) -> bool:
    """Both classes are configured at run time by code of their own (:func:`configured_classes`)."""
    configured = configured_classes(project)
    return all((d[0].module, d[1].name) in configured for d in (a, b))


def configuring_readers(change: "Change") -> frozenset[str]:
    """The class names a changed or removed file sets fields on (``FileSummary.attribute_sets``
    through a from-import's name, its alias undone), before or after the change: whether
    those classes are configured (:func:`configured_classes`) may have changed, though no
    import did (a history's ``duplicates_affected``)."""
    found: set[str] = set()
    summaries = [f.summary for f in change.project.files if f.path in change.changed_paths]
    summaries += [was[0].summary for path in change.changed_paths if (was := change.before.files.get(path)) is not None]
    summaries += [f.summary for f in change.removed]
    for summary in summaries:
        owners = {owner for owner, _ in summary.attribute_sets if "." not in owner}
        if not owners:
            continue
        found |= owners
        found.update(name for rec in summary.imports if rec.is_from for name, alias in rec.names if alias in owners)
    return frozenset(found)
