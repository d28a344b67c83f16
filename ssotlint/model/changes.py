"""Which files a change between two similar trees can affect, through their imports.

How a file's imports resolve (which modules exist, which names a module binds, which module
does not parse, what a class's bases are) is read from the modules it imports and, through
their own imports, the modules those import; and only from what a module binds, its
*interface* (:attr:`SourceFile.interface`), not from its function bodies or line numbers.
So when some files change, the files whose import resolution can differ are the changed
files and the files that reach, through the import graph, a module whose interface changed,
or that appeared or left (or whose package did): a *touched* module. Everything else
resolves as before. ``score --history`` uses this to check again only those files with
the rules whose findings are of that kind (see ``Rule.check_files``), and to let the rules
over the whole tree say whether a change can alter their findings at all (``Rule.unchanged``,
given the graph those findings were made on, :class:`Since`).

The answer errs on the side of "affected": a file counts as affected when it merely might be.
Whether it errs only that way is tested by walking histories built to exercise each kind of
dependency (tests/rules/test_rules_over_history.py) and, on a real repository, by
``benchmarks/history_equivalence.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Mapping, NamedTuple, TypeVar

from ssotlint.extract.summary import ImportRecord
from ssotlint.model.graph import Edges
from ssotlint.model.project import Project, SourceFile
from ssotlint.model.reach import Reachability, runtime_changes

T = TypeVar("T")


@dataclass(frozen=True)
class Snapshot:
    """What :class:`Change` needs of a model, taken before the next model is built
    from it (building consumes the model: its file objects move to the next one and their
    test classification is judged again)."""

    files: dict[str, tuple[SourceFile, bool]]  # path -> (file object, is_test at the time)
    modules: dict[str, SourceFile]
    top_level: frozenset[str]
    opaque: frozenset[str]
    packages: frozenset[str]
    edges: Edges
    test_data: frozenset[str] = frozenset()  # paths (see ``Project.test_data``)
    planted: Mapping[str, frozenset[tuple[str, str]]] = field(default_factory=dict)  # ``Project.planted``
    templates: frozenset[str] = frozenset()  # paths (see ``Project.fill_in_templates``)
    self_replacing: Mapping[str, object] = field(default_factory=dict)  # ``Project.self_replacing``
    hook_served: Mapping[str, frozenset[tuple[str, bool]]] = field(default_factory=dict)  # ``Project.hook_served``
    finder_served: frozenset[tuple[str, bool]] = frozenset()  # ``Project.finder_served``
    path_folders: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # ``Project.path_folders``
    apart: tuple[str, ...] = ()  # ``Project.apart``
    rebound: Mapping[str, frozenset[tuple[str, str]]] = field(default_factory=dict)  # ``Project.rebound``
    loaded_by_name: frozenset[str] = frozenset()  # ``Project.loaded_by_name``
    django_setup: object = None  # ``Project.django_setup``
    plugin_names: frozenset[str] = frozenset()  # ``Project.plugin_names``
    alternatives: Mapping[str, frozenset[str]] = field(default_factory=dict)  # ``Project.alternatives``

    @classmethod
    def of(cls, project: Project) -> "Snapshot":
        return cls(
            {f.path: (f, f.is_test) for f in project.files},
            dict(project.modules),
            frozenset(project.top_level),
            frozenset(project.opaque_modules | project.twinned),  # a stub beside a module too
            frozenset(project.packages),
            project.import_edges,
            project.test_data,
            project.planted,
            project.fill_in_templates,
            project.self_replacing,
            project.hook_served,
            project.finder_served,
            project.path_folders,
            project.apart,
            project.rebound,
            project.loaded_by_name,
            project.django_setup,
            project.plugin_names,
            project.alternatives,
        )


def _apart_modules(project: Project, paths: Iterable[str]) -> set[str]:
    """The names ``paths`` have in the nested projects apart that hold them (see
    ``Project.apart_place``)."""
    if not project.apart:
        return set()
    places = (project.apart_place(p) for p in paths)
    return {place[1] for place in places if place is not None and place[1]}


class Since(NamedTuple):
    """The import graph of the tree whose findings a rule keeps, as far as a change can be
    judged against it: its reachability, the modules whose edges are not the same now, and
    of those the ones that import other modules at run time (not only other lines)."""

    reach: Reachability
    changed: frozenset[str]
    runtime: frozenset[str] = frozenset()


class Change:
    """What changed from ``before``'s tree to ``project``'s, and the files it can affect."""

    def __init__(self, before: Snapshot, project: Project) -> None:
        self.before = before
        self.project = project
        old = before.files
        # A new file, another content, or judged test code differently (by identity: a file
        # object the model kept is the same content).
        self.changed_paths = {
            f.path for f in project.files if (b := old.get(f.path)) is None or b[0] is not f or b[1] != f.is_test
        }
        present = {f.path for f in project.files}
        # A file becomes test data, or code, when the last import of it goes or the first
        # comes (from another file): as a changed file, it is checked again.
        self.changed_paths.update((before.test_data ^ project.test_data) & present)
        self.changed_paths.update((before.templates ^ project.fill_in_templates) & present)  # the same for templates
        # A nested project that comes apart, or stops being apart, judges its own imports anew.
        moved = tuple(set(before.apart) ^ set(project.apart))
        if moved:
            self.changed_paths.update(p for p in present if p.startswith(tuple(f + "/" for f in moved)))
        self.removed = [f for path, (f, _) in before.files.items() if path not in present]
        self.changed_modules = changed_modules = {
            m for m in before.modules.keys() | project.modules.keys()
            if before.modules.get(m) is not project.modules.get(m)
        }
        appeared_or_left = (before.modules.keys() ^ project.modules.keys()) | (
            before.opaque ^ (project.opaque_modules | project.twinned)
        )
        # A module whose content changed but not what its importers read of it (a function's
        # body, a line number) changes no other file's findings: it is checked itself.
        reread = {m for m in changed_modules if _reads_differently(before, project, m)}
        # A changed file that a namesake hides from the model (``libs/b/tests/conftest.py``
        # beside ``libs/a/tests/conftest.py``) is still read by its own project's imports
        # (SSOT003 resolves them in the importer's root): its module counts as touched.
        hidden = {
            f.module for f in (*(g for g in project.files if g.path in self.changed_paths), *self.removed)
            if f.module and project.modules.get(f.module) is not f and before.modules.get(f.module) is not f
        }
        # So is a changed file of a nested project apart, by the name its own project's
        # imports give it (``oss.src.models`` for ``api/oss/src/models.py``).
        hidden |= _apart_modules(project, self.changed_paths | {f.path for f in self.removed})
        touched = reread | appeared_or_left | hidden | {p for m in appeared_or_left | hidden for p in parents(m)}
        self._edges_changed: set[str] | None = None
        self._runtime_changed: set[str] | None = None
        touched |= self._planted_touched()
        # A module that replaces itself, or installs its ``__getattr__``, through another
        # module's function serves other names when that function changes.
        old_replacing, new_replacing = before.self_replacing, project.self_replacing
        touched |= {m for m in old_replacing.keys() | new_replacing.keys() if old_replacing.get(m) != new_replacing.get(m)}
        touched |= _reexporters_of_entered(before, project, reread)
        # A package whose calls register other submodule names with an import hook (or
        # whose hook function changed) serves other submodules.
        old_hooks, new_hooks = before.hook_served, project.hook_served
        touched |= {m for m in old_hooks.keys() | new_hooks.keys() if old_hooks.get(m) != new_hooks.get(m)}
        # A module in a folder a package adds to ``__path__`` is imported by the package's
        # name too (``keras.activations`` for ``keras.api.activations``).
        touched |= _through_path_names(before.path_folders, touched) | _through_path_names(project.path_folders, touched)
        tops = before.top_level ^ project.top_level  # which imports are first-party at all
        # What a finder in ``sys.meta_path`` answers for changed: every file importing from
        # the top-level packages of the names it served or serves now is checked again.
        tops |= {name.partition(".")[0] for name, _ in before.finder_served ^ project.finder_served}
        self.touched = touched
        self.reached: set[str] = set()  # paths of the files whose imports read a touched module
        if touched or tops:
            _add_star_importers(project, touched)
            self.reached = _reached(before, project, touched, tops)
        self.seeds = self.changed_paths | self.reached  # the files the change reaches directly
        self._closure: set[str] | None = None
        self._answers: dict[object, object] = {}

    def _planted_touched(self) -> set[str]:
        """The modules on which what other modules' import-time code sets (SSOT003 reads
        it, see ``Project.planted``) may have changed: those whose setters changed, and every
        such module when modules import others at run time differently (which setters
        have run before an import of it depends on that)."""
        old, new = self.before.planted, self.project.planted
        if not old and not new:
            return set()
        targets = {t for t in old.keys() | new.keys() if old.get(t) != new.get(t)}
        changed = self.runtime_changed
        if changed:
            # What has run before an import of ``t`` is what its packages import at run time,
            # directly or not: it differs only when one of those modules imports otherwise
            # (the first such module on any path is reached in the new graph too). The
            # reachability counts more imports (inside functions too), so it errs towards
            # more modules touched, never fewer.
            reach = self.project.reachability
            mask = reach.mask(changed)
            for t in old.keys() - targets | new.keys() - targets:
                # ``x.*``: names set on each module of ``x``, whose packages include ``x``
                packages = prefixes(t[:-2]) if t.endswith(".*") else parents(t)
                if any(p in changed or reach.reaches_any(p, mask, itself=True) for p in packages):
                    targets.add(t)
        return {t[:-2] if t.endswith(".*") else t for t in targets}

    def affected_paths(self, closure: bool) -> set[str]:
        """Paths whose findings may differ from those they had in the earlier tree.
        ``closure``: findings read through the modules a file's imports reach, directly or
        not (a class's bases); otherwise only through the modules it imports (and what
        those bring in with ``import *``), as whether a name can be imported is."""
        if not closure:
            return self.seeds
        if self._closure is None:
            files = self.project.files
            read = self.touched | {f.module for f in files if f.path in self.reached and f.module}
            modules = _importers_of(self.project, read)
            self._closure = self.seeds | {f.path for f in files if f.module in modules}
        return self._closure

    @property
    def edges_changed(self) -> set[str]:
        """Modules whose import edges (targets, statements, lines) differ, or whose file
        is another one: a model built from the previous one keeps the edges it can."""
        if self._edges_changed is None:
            old, new = self.before.edges, self.project.import_edges
            self._edges_changed = self.changed_modules | {
                m for m in old.keys() | new.keys() if old.get(m) is not new.get(m) and old.get(m) != new.get(m)
            }
        return self._edges_changed

    def answer(self, question: Callable[["Change"], T]) -> T:
        """``question(self)``, asked once per change (rules that share a question, as
        SSOT001 and SSOT006 do, share its answer)."""
        if question not in self._answers:
            self._answers[question] = question(self)
        return self._answers[question]  # type: ignore[return-value]

    def since(self, earlier: Since) -> Since:
        """``earlier`` (the graph a rule's kept findings were made on, as of the previous
        tree) as of this tree."""
        return Since(earlier.reach, earlier.changed | self.edges_changed, earlier.runtime | self.runtime_changed)

    @property
    def runtime_changed(self) -> set[str]:
        """Modules that import other modules at run time than in the previous tree (see
        :func:`ssotlint.model.reach.runtime_changes`): what a reachability can change by."""
        if self._runtime_changed is None:
            old, new, changed = self.before.edges, self.project.import_edges, self.edges_changed
            self._runtime_changed = runtime_changes(
                {m: old[m] for m in changed if m in old}, {m: new[m] for m in changed if m in new}
            )
        return self._runtime_changed

    def versions(self, closure: bool) -> Iterable[tuple[SourceFile, bool]]:
        """The affected files as they are now and as they were (removed files included),
        each with whether it was test code then."""
        paths = self.affected_paths(closure)
        for f in self.project.files:
            if f.path in paths:
                yield f, f.is_test
                old = self.before.files.get(f.path)
                if old is not None and old != (f, f.is_test):
                    yield old
        for f in self.removed:
            yield self.before.files[f.path]


def _through_path_names(folders: Mapping[str, tuple[str, ...]], touched: set[str]) -> set[str]:
    """The names by which ``touched`` modules in folders that packages add to their
    ``__path__`` (``Project.path_folders``) are imported through those packages."""
    found: set[str] = set()
    for package, names in folders.items():
        for name in names:
            found.update(
                package + m[len(name):] for m in touched if m == name or m.startswith(name + ".")
            )
    return found


def _reached(before: Snapshot, project: Project, touched: set[str], tops: set[str]) -> set[str]:
    """The paths of the files whose imports read a touched module: importers of one, of a
    name in one, or of a package or module a touched module is reached through as an
    attribute (a dotted base or alias is looked up by its path), and, when a top-level
    package appeared or left, the files importing from it."""
    seeds: set[str] = set()
    above = {p for m in touched for p in parents(m)}  # the packages a touched module is in
    under_touched: dict[str, bool] = {}  # dotted name -> whether it or a parent is touched

    def hits(dotted: str) -> bool:
        known = under_touched.get(dotted)
        if known is None:
            known = under_touched[dotted] = any(p in touched for p in prefixes(dotted))
        return known

    heads = {m.partition(".")[0] for m in touched}  # every name these checks match starts so
    for f in project.files:
        # A statement matches only through a touched module it or a package of it names, or
        # a name it binds (``import a.b``: ``a``) or imports from that is a touched module's
        # package: a file with no such name reads nothing touched (SourceFile.import_probes).
        named, bound, dotted = f.import_probes
        if tops and not tops.isdisjoint(f.import_heads):
            seeds.add(f.path)
        elif not (named.isdisjoint(touched) and bound.isdisjoint(above)) and _reads_touched(
            project, before, f, touched, above, heads, hits
        ):
            seeds.add(f.path)
        elif not dotted.isdisjoint(touched):  # a dotted reference is, or lies in, a touched module
            seeds.add(f.path)
    return seeds


def _reads_touched(
    project: Project, before: Snapshot, f: SourceFile, touched: set[str], above: set[str], heads: set[str],
    hits: Callable[[str], bool],
) -> bool:
    """One of the file's first-party import statements reads a touched module (see
    :func:`_reached`)."""
    for _, rec, absolute in project.imports_of(f):
        if absolute is None or absolute.partition(".")[0] not in heads:
            continue
        if hits(absolute) or _binds_touched(project, before, rec, absolute, touched, above):
            return True
    return False


def _reexporters_of_entered(before: Snapshot, project: Project, reread: set[str]) -> set[str]:
    """The modules importing a module whose context managers set other things on entering
    now (``FileSummary.entered_writes``): an import inside a ``with`` block of one reads
    them, also through a package that re-exports it (``from pkg import legacy_patch``)."""
    changed = set()
    for module in reread:
        old, new = before.modules.get(module), project.modules.get(module)
        if (old.summary.entered_writes if old else ()) != (new.summary.entered_writes if new else ()):
            changed.add(module)
    if not changed:
        return set()
    return {importer for importer, targets in project.import_edges.items() if not changed.isdisjoint(targets)}


def _add_star_importers(project: Project, touched: set[str]) -> None:
    """A module that star-imports a touched module provides other names: touched too."""
    stars = [f for f in project.files if f.module is not None and f.star_imports]
    grew = True
    while grew:
        grew = False
        for f in stars:
            if f.module not in touched and not touched.isdisjoint(project.import_edges.get(f.module, {})):
                touched.add(f.module)  # type: ignore[arg-type]
                grew = True


def _binds_touched(
    project: Project, before: Snapshot, rec: ImportRecord, absolute: str, touched: set[str], above: set[str]
) -> bool:
    """Whether the statement binds a touched module or a name in one, or a package or
    module through which a touched module is reached as an attribute (``import a.b`` binds
    ``a``, and ``a.c.Base`` then names ``a.c``; ``from a import c`` binds the module ``a.c``)."""
    if not rec.is_from:
        bound = absolute if rec.asname else absolute.partition(".")[0]
        return bound in above or bound in touched
    if absolute not in above:
        return False
    for name, _ in rec.names:
        full = f"{absolute}.{name}"
        if full in touched or (full in above and (project.module_exists(full) or full in before.modules)):
            return True
    return False


def _reads_differently(before: Snapshot, project: Project, module: str) -> bool:
    """Whether importers can read ``module`` differently now: it appeared or left, its file
    is another path, its interface differs, or it is judged test code differently."""
    old, new = before.modules.get(module), project.modules.get(module)
    if old is None or new is None or old.path != new.path:
        return True
    return old.interface != new.interface or before.files[old.path][1] != new.is_test


def _importers_of(project: Project, modules: Iterable[str]) -> set[str]:
    """``modules`` and every module that imports one of them, directly or not."""
    importers = project.importers
    seen = set(modules)
    stack = list(seen)
    while stack:
        for importer in importers.get(stack.pop(), ()):
            if importer not in seen:
                seen.add(importer)
                stack.append(importer)
    return seen


def prefixes(dotted: str) -> Iterable[str]:
    """``a.b.c`` -> ``a.b.c``, ``a.b``, ``a``."""
    yield dotted
    yield from parents(dotted)


def parents(dotted: str) -> Iterable[str]:
    """``a.b.c`` -> ``a.b``, ``a``: the packages importing it runs first, innermost first."""
    while "." in dotted:
        dotted = dotted.rpartition(".")[0]
        yield dotted
