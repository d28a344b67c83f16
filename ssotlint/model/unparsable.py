"""Modules that do not parse, and the imports that fail because of them.

A module the interpreter cannot compile (SSOT000) makes every import statement that loads
it raise, whatever names it asks for: the statement runs the parent packages, the module,
and the submodules a from-import names, and one of them fails to compile. Those imports are
one problem, reported once (SSOT000, with the importers in its details), not one SSOT003
per name the unreadable module "lacks".
"""

from __future__ import annotations

from typing import Iterable, Mapping, NamedTuple

from ssotlint.extract.summary import (
    CTX_SYNTAX_ERROR_HANDLED,
    CTX_TYPE_CHECKING,
    NOT_AT_IMPORT_TIME,
    ImportRecord,
)
from ssotlint.extract.version_imports import PYTHON2_ONLY
from ssotlint.model.project import Project, SourceFile

# Problems that make ``import`` fail. A file ssotlint could not analyse (its parser crashed or
# timed out) may well import fine, so it is not said to break its importers.
BREAKS_IMPORTERS = frozenset({"syntax", "decode", "too-complex"})


class Importer(NamedTuple):
    """A file whose import statement loads an unparsable module."""

    file: SourceFile
    record: ImportRecord
    at_import: bool  # the statement runs when the importing module is imported


class Unparsable:
    """The unparsable modules of a project, indexed to tell quickly whether an import
    statement loads one (asked for every first-party import)."""

    def __init__(self, modules: dict[str, SourceFile]) -> None:
        self.modules = modules
        self._tops = {m.partition(".")[0] for m in modules}
        # parent package -> names of its unparsable submodules (``from pkg import broken``)
        self._children: dict[str, set[str]] = {}
        for m in modules:
            parent, _, child = m.rpartition(".")
            if parent:
                self._children.setdefault(parent, set()).add(child)

    def __bool__(self) -> bool:
        return bool(self.modules)

    def loaded_by(self, rec: ImportRecord, absolute: str) -> SourceFile | None:
        """The first unparsable module the statement loads, if any: a parent package, the
        module itself, or a submodule named by a from-import."""
        if absolute.partition(".")[0] not in self._tops:
            return None
        modules = self.modules
        end = absolute.find(".")
        while end != -1:
            found = modules.get(absolute[:end])
            if found is not None:
                return found
            end = absolute.find(".", end + 1)
        found = modules.get(absolute)
        if found is not None:
            return found
        children = self._children.get(absolute) if rec.is_from else None
        if children:
            for name, _ in rec.names:
                if name in children:
                    return modules[f"{absolute}.{name}"]
        return None


def unparsable_modules(project: Project) -> Unparsable:
    """The modules that were not parsed."""
    return Unparsable({m: f for m, f in project.modules.items() if not f.summary.ok})


def importers_of_unparsable(project: Project) -> dict[str, list[Importer]]:
    """Path of each unparsable module -> the files whose imports it breaks (one entry per
    file: its first such statement, preferring one that runs at import time).

    Left out: imports whose SyntaxError is caught or expected (``except SyntaxError:``,
    ``except Exception:``, ``pytest.raises(SyntaxError)``) and imports only for the type
    checker. ``except ImportError:`` does not catch a SyntaxError: such importers fail.
    """
    unparsable = Unparsable(
        {m: f for m, f in project.modules.items() if f.summary.problem is not None and f.summary.problem.kind in BREAKS_IMPORTERS}
    )
    found: dict[str, dict[str, Importer]] = {}
    if not unparsable:
        return {}
    for f, rec, absolute in project.first_party_imports:
        if absolute is None or rec.context & (CTX_SYNTAX_ERROR_HANDLED | CTX_TYPE_CHECKING):
            continue
        broken = unparsable.loaded_by(rec, absolute)
        if broken is None or broken is f:
            continue
        at_import = not rec.context & NOT_AT_IMPORT_TIME
        by_file = found.setdefault(broken.path, {})
        previous = by_file.get(f.path)
        if previous is None or (at_import and not previous.at_import):
            by_file[f.path] = Importer(f, rec, at_import)
    return {path: sorted(by_file.values(), key=lambda i: i.file.path) for path, by_file in found.items()}


Version = tuple[int, int]


def imported_from_newer_python(project: Project, running: Version, among: Iterable[str] | None = None) -> dict[str, Version]:
    """Path of each module the interpreter rejects for its syntax that every import of it
    loads only on a Python newer than ``running`` (``if sys.version_info >= (3, 12): from
    ._impl312 import x``, ``FileSummary.version_imports``) -> the oldest such version: the
    module is written for it, and the running interpreter cannot judge it.

    An import loads the module when it names it (a relative import, a parent package, or a
    from-import of it as a submodule), or, written without dots, when it is the importer's
    own folder's (a test run with its folder on ``sys.path``: ``from _impl312 import x``
    beside ``_impl312.py``). At least one import, every import gated; imports for the type
    checker alone, and imports whose SyntaxError is caught, do not count either way.
    ``among``: the paths of the modules to look at instead of those the interpreter rejects
    (those an older Python rejects, which SSOT000 judges for the project's oldest Python)."""
    if among is None:
        rejected = {f.path: f for f in project.files if f.summary.problem is not None and f.summary.problem.kind == "syntax"}
    else:
        wanted = set(among)
        rejected = {f.path: f for f in project.files if f.path in wanted}
    if not rejected:
        return {}
    if not any((3, minor) > running for f in project.files for _, minor in f.summary.version_imports) and not any(
        (3, minor) > running for f in project.files for _, minor in f.summary.version_flags
    ):
        return {}  # no import waits for a newer Python: none of them is gated
    key = ("imported_from_newer_python", running, None if among is None else frozenset(rejected))
    return project.shared(key, lambda: _GatedImports(project, rejected, running, project.earlier(key))).result


class _GatedImports:
    """:func:`imported_from_newer_python`'s answer, with each file's share of it: the
    rejected modules its imports load, each with the newest Python the import waits for.
    A model built from the previous one takes a file's share over while the file is the
    same object and the same files are rejected (a history pays for what changed); a file
    whose gates are flags (``if PY312:``) is read again, as a flag may be bound elsewhere."""

    def __init__(
        self, project: Project, rejected: dict[str, SourceFile], running: Version, prior: object | None
    ) -> None:
        self.rejected = frozenset(rejected)
        kept = prior.shares if isinstance(prior, _GatedImports) and prior.rejected == self.rejected else {}
        by_module = Unparsable({f.module: f for f in rejected.values() if f.module})
        self.shares: dict[str, tuple[SourceFile, tuple[tuple[str, int], ...]]] = {}
        oldest: dict[str, int] = {}
        ungated: set[str] = set()
        for f in project.files:
            if not f.summary.ok or not f.summary.imports:
                continue
            earlier = kept.get(f.path)
            if earlier is not None and earlier[0] is f and not f.summary.flag_imports:
                share = earlier[1]
            else:
                share = _loads(project, f, by_module, rejected)
            self.shares[f.path] = (f, share)
            for path, minor in share:
                if (3, minor) <= running:
                    ungated.add(path)
                else:
                    oldest[path] = min(oldest.get(path, minor), minor)
        self.result = {path: (3, minor) for path, minor in oldest.items() if path not in ungated}


def _loads(
    project: Project, f: SourceFile, by_module: Unparsable, rejected: Mapping[str, SourceFile]
) -> tuple[tuple[str, int], ...]:
    """The rejected modules ``f``'s imports load, each with the minor version of the newest
    Python its import waits for (0: none)."""
    gates = dict(f.summary.version_imports)
    for name, lines in f.summary.flag_imports:  # ``if PY312:``, the flag bound here or imported
        minor = project.version_flag(f, name)
        if minor:
            for line in lines:
                gates[line] = max(gates.get(line, 0), minor)
    folder = f.path.rpartition("/")[0]
    prefix = folder + "/" if folder else ""
    found: list[tuple[str, int]] = []
    for rec in f.summary.imports:
        if rec.context & (CTX_SYNTAX_ERROR_HANDLED | CTX_TYPE_CHECKING):
            continue
        loaded: set[str] = set()
        absolute = project.absolute(f, rec)
        if absolute is not None and by_module:
            hit = by_module.loaded_by(rec, absolute)
            if hit is not None:
                loaded.add(hit.path)
        if rec.level == 0 and rec.module:
            own = prefix + rec.module.replace(".", "/")
            loaded.update(p for p in (own + ".py", own + "/__init__.py") if p in rejected)
        loaded.discard(f.path)
        found.extend((path, gates.get(rec.line, 0)) for path in sorted(loaded))
    return tuple(found)


def imported_only_on_python2(project: Project) -> frozenset[str]:
    """Paths of the modules the interpreter rejects for their syntax that every import of
    them loads only on Python 2 (``if six.PY2: from .Python2 import CongressParser``, with
    ``else: from .Python3 import ...``; ``FileSummary.legacy_imports``): written for Python
    2, never run by a Python 3, whose syntax SSOT000 judges (on Python 2, where it runs, its
    syntax may well be valid). At least one import, every import gated (imports for the type
    checker alone, and imports whose SyntaxError is caught, do not count either way)."""
    rejected = {f.path: f for f in project.files if f.summary.problem is not None and f.summary.problem.kind == "syntax"}
    if not rejected or not any(minor == PYTHON2_ONLY for f in project.files for _, minor in f.summary.legacy_imports):
        return frozenset()
    return project.shared("imported_only_on_python2", lambda: _python2_gated(project, rejected))


def _python2_gated(project: Project, rejected: dict[str, SourceFile]) -> frozenset[str]:
    by_module = Unparsable({f.module: f for f in rejected.values() if f.module})
    gated: set[str] = set()
    ungated: set[str] = set()
    for f in project.files:
        if not f.summary.ok or not f.summary.imports:
            continue
        python2 = {line for line, minor in f.summary.legacy_imports if minor == PYTHON2_ONLY}
        for rec in f.summary.imports:
            if rec.context & (CTX_SYNTAX_ERROR_HANDLED | CTX_TYPE_CHECKING):
                continue
            absolute = project.absolute(f, rec)
            found = by_module.loaded_by(rec, absolute) if absolute is not None and by_module else None
            if found is None or found.path == f.path:
                continue
            (gated if rec.line in python2 else ungated).add(found.path)
    return frozenset(gated - ungated)
