"""When a duplicate class can be replaced by an import of the one kept (SSOT001, SSOT006).

Only an exact copy: the same text once comments and the docstring are gone (decorators
and bases included), whose module-level names (an ``Enum`` base, a helper it calls) are
the same objects in both modules, because both modules import them from the same place.
A name either module defines itself (``KeyTransform`` next to each copy) may differ, so
there is no fix. Replacing a class statement by ``from kept import Name`` keeps every
importer of the old location working; it is unsafe all the same, because the class's
``__module__`` changes (pickles, registries keyed by module) and the copy's module now
loads the kept one's.
"""

from __future__ import annotations

from typing import NamedTuple

from ssotlint.discover.modules import importable
from ssotlint.extract.summary import CTX_FUNCTION, CTX_TYPE_CHECKING, ClassRecord
from ssotlint.model.project import Project, SourceFile
from ssotlint.rules.base import Fix
from ssotlint.rules.definitions import Definition, Reach

def _star_import(f: SourceFile) -> bool:
    return any(rec.is_from and rec.names[0][0] == "*" for rec in f.summary.imports)


def _different_objects(project: Project, copy: SourceFile, kept: SourceFile, names: set[str]) -> list[str]:
    """The names that may be bound to different objects in the two modules: all but those
    both modules import from the same place (the model's bindings, as the rules read them)."""
    ours, theirs = project.bindings(copy.module or ""), project.bindings(kept.module or "")
    differ = []
    for name in sorted(names):
        binding = ours.get(name)
        imported = binding is not None and binding.kind in ("from", "import") and not binding.typing_only
        if not imported or binding != theirs.get(name):
            differ.append(name)
    return differ


class Replacement(NamedTuple):
    fix: Fix | None
    # Why there is no fix, for the message ("" when there is one, or when the reason is not
    # about the two classes themselves: a conditional definition, an import cycle).
    why_not: str = ""


def _difference(record: ClassRecord, original: ClassRecord) -> str:
    here = [m for m in record.members if m not in original.members]
    there = [m for m in original.members if m not in record.members]
    if not here and not there:
        return "no fix: the same members, written differently"
    parts = [f"only here: {', '.join(here[:5])}" if here else "", f"only there: {', '.join(there[:5])}" if there else ""]
    return f"no fix: the two bodies differ ({'; '.join(p for p in parts if p)})"


def replacement(project: Project, copy: Definition, kept: Definition, reach: Reach) -> Replacement:
    """The fix replacing ``copy`` by an import of ``kept``, when it is an exact copy."""
    (copy_file, record), (kept_file, original) = copy, kept
    module = kept_file.module
    if record.name != original.name or not record.body or not original.body:
        return Replacement(None)
    if record.body != original.body:
        return Replacement(None, _difference(record, original))
    if not record.top_level or record.fallback or record.context & (CTX_TYPE_CHECKING | CTX_FUNCTION):
        return Replacement(None)
    if original.context or not original.top_level or original.fallback:
        return Replacement(None)  # the kept class must exist whenever its module is imported
    if module is None or not importable(module) or reach.reaches(module, copy_file.module):
        return Replacement(None)  # importing it would load the copy's module: an import cycle
    if _star_import(copy_file) or _star_import(kept_file):
        return Replacement(None)  # names a star import binds are not known
    differ = _different_objects(project, copy_file, kept_file, set(record.refs) | set(original.refs))
    if differ:
        objects = "another object" if len(differ) == 1 else "other objects"
        return Replacement(None, f"no fix: the same text, but {', '.join(differ[:5])} may be {objects} there")
    return Replacement(
        Fix(
            "replace-with-import",
            safe=False,
            description=f"replace the copy with `from {module} import {record.name}`",
            args={"name": record.name, "line": record.line, "module": module},
        )
    )
