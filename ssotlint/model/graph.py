"""The first-party import graph (networkx), with each edge's import statements.

``from pkg import sub`` is an edge to the submodule ``pkg.sub``; ``from pkg import name``
an edge to ``pkg``, and so is ``from pkg import sub`` when the package binds ``sub`` itself
(``sub = _ModuleProxy("sub")``, a lazy loader) without importing the submodule: Python
imports a submodule for a from-import only when the package has no such attribute. ``import a.b.c`` is an edge to ``a.b.c``: importing it also runs the
parent packages, but the parents are already in ``sys.modules`` by then, so that edge
cannot fail in a cycle and would only add noise.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Mapping, NamedTuple

from ssotlint.extract.summary import CTX_IMPLICIT_RELATIVE, CTX_TYPE_CHECKING, NOT_AT_IMPORT_TIME, ImportRecord
from ssotlint.model.project import Project, SourceFile

if TYPE_CHECKING:
    import networkx as nx  # imported where used: it costs 0.2 s at start-up


class EdgeImport(NamedTuple):
    """One import statement behind an edge."""

    line: int
    col: int
    runtime: bool  # runs when the importing module is imported
    type_checking: bool
    record: ImportRecord

    @property
    def text(self) -> str:
        """``from app.b import X``: the statement in a short human-readable form."""
        return describe(self.record)


def describe(rec: ImportRecord) -> str:
    """The statement as written (a Python 2 implicit relative import without its dots)."""
    module = ("" if rec.context & CTX_IMPLICIT_RELATIVE else "." * rec.level) + rec.module
    if not rec.is_from:
        return f"import {module}" + (f" as {rec.asname}" if rec.asname else "")
    names = ", ".join(n if a is None else f"{n} as {a}" for n, a in rec.names)
    return f"from {module} import {names}"


Edges = dict[str, dict[str, list[EdgeImport]]]  # importer -> imported -> statements


def import_edges(project: Project) -> Edges:
    """Every first-party import edge with the statements behind it (plain dicts: the
    rules need no more, and building a networkx graph of a large repository costs more
    than finding its cycles). An importer the previous model already knows
    (``project.earlier_edges``) keeps its edges."""
    modules, submodules = project.modules, project.submodules
    earlier = project.earlier_edges
    project.first_party_imports  # noqa: B018 - every file's imports, by file
    edges: Edges = {}
    for f in project.files:
        # A module shadowed by a package of the same name imports nothing.
        importer = f.module
        if importer is None or modules.get(importer) is not f:
            continue
        targets = earlier.get(importer)
        if targets is None:
            targets = _importer_edges(
                importer, project.imports_of(f), modules, submodules, project.module_exists, project.checking_lines(f),
                project.through_path,
            )
        if targets:
            edges[importer] = targets
    return edges


def binds_itself(package: SourceFile, name: str, child: str) -> bool:
    """Package ``name`` (its ``__init__`` is ``package``) binds ``child`` with its own
    statements (an assignment, a ``def``, a ``class``) and never imports its submodule
    ``child`` at import time: ``from name import child`` then reads the package's object
    and loads no submodule (pyglet's ``app = _ModuleProxy("app")``, which imports
    ``pyglet.app`` on first use, inside a function)."""
    summary = package.summary
    if not package.is_package or (
        child not in summary.assigned and child not in summary.functions
        and not any(c.name == child and c.top_level for c in summary.classes)
    ):
        return False
    submodule = f"{name}.{child}"
    for rec, absolute in zip(summary.imports, package.absolutes):
        if absolute is None or rec.context & NOT_AT_IMPORT_TIME:
            continue
        if absolute == submodule or absolute.startswith(submodule + "."):
            return False
        if rec.is_from and absolute == name and any(n == child or n == "*" for n, _ in rec.names):
            return False
    return True


def _plugin_submodule(package: SourceFile | None, name: str) -> bool:
    """``from package import name`` loads a submodule from another folder: the package
    adds folders to its ``__path__`` (pyscf's plugins, from ``PYSCF_EXT_PATH``) and binds
    ``name`` with none of its own statements, so nothing is read off its body."""
    if package is None or not package.is_package or not package.summary.extends_path:
        return False
    summary = package.summary
    if name in summary.assigned or name in summary.functions or any(c.name == name and c.top_level for c in summary.classes):
        return False
    for rec in summary.imports:
        if rec.is_from:
            if any(n == "*" or (a or n) == name for n, a in rec.names):
                return False
        elif (rec.asname or rec.module.partition(".")[0]) == name:
            return False
    return True


def _importer_edges(
    importer: str,
    imports: list[tuple[SourceFile, ImportRecord, str | None]],
    modules: Mapping[str, SourceFile],
    submodules: Mapping[str, set[str]],
    exists: Callable[[str], bool],
    checking: frozenset[int] = frozenset(),
    through: Callable[[str], str | None] = lambda dotted: None,
) -> dict[str, list[EdgeImport]]:
    """The edges of one module: imported module -> the statements behind it. ``exists``:
    whether a dotted module exists at all (analysed or not: a compiled extension, a
    ``.pyx``, a module the build writes). ``checking``: the lines of imports under a flag
    False whenever the code runs (``if MYPY_RUNNING:``), edges as under ``TYPE_CHECKING``.
    ``through``: the model's name of a module reached through a folder its package adds
    to ``__path__`` (``Project.through_path``: ``from keras import activations`` loads
    ``keras/api/activations/``, not the package's body)."""
    no_children: set[str] = set()
    targets: dict[str, list[EdgeImport]] = {}
    for _, rec, absolute in imports:
        if absolute is None:
            continue
        if absolute not in modules:
            absolute = through(absolute) or absolute
        # Which first-party modules the statement loads (existing ones only).
        if rec.is_from:
            to_package = False
            loaded = []
            children = submodules.get(absolute, no_children)
            inside = importer.startswith(absolute + ".")
            package = modules.get(absolute)
            for name, _ in rec.names:
                if name in children and not (package is not None and binds_itself(package, absolute, name)):
                    loaded.append(f"{absolute}.{name}")
                elif name != "*" and (extra := through(f"{absolute}.{name}")) is not None and extra in modules:
                    loaded.append(extra)
                elif not (inside and name != "*" and (
                    exists(f"{absolute}.{name}") or _plugin_submodule(package, name)
                )):
                    # A submodule nothing is known of (``from . import _stats``, a compiled
                    # extension, a plugin from a folder the package adds to ``__path__``)
                    # loads itself alone from inside its package, which started before the
                    # importer did; from outside, the package runs first.
                    to_package = True
            if to_package and absolute in modules:
                loaded.append(absolute)
        elif absolute in modules:
            loaded = [absolute]
        else:
            continue
        entry = None
        for target in loaded:
            if target == importer:
                continue
            if entry is None:
                context = rec.context | (CTX_TYPE_CHECKING if rec.line in checking else 0)
                entry = EdgeImport(rec.line, rec.col, not context & NOT_AT_IMPORT_TIME, bool(context & CTX_TYPE_CHECKING), rec)
            found = targets.get(target)
            if found is None:
                targets[target] = [entry]
            else:
                found.append(entry)
    return targets


def build_graph(project: Project) -> nx.DiGraph:
    """The import graph as a networkx graph: every first-party module a node, every edge
    with ``imports`` (its statements) and ``runtime`` (one of them runs at import time)."""
    import networkx as nx

    graph = nx.DiGraph()
    graph.add_nodes_from(project.modules)
    graph.add_edges_from(
        (u, v, {"imports": imports, "runtime": any(i.runtime for i in imports)})
        for u, targets in project.import_edges.items()
        for v, imports in targets.items()
    )
    return graph


def _counts(imports: list[EdgeImport], include_type_checking: bool) -> bool:
    return any(i.runtime or (include_type_checking and i.type_checking) for i in imports)


def cycle_successors(edges: Edges, include_type_checking: bool) -> dict[str, list[str]]:
    """The edges that can take part in an import-time cycle, as successor lists."""
    return {
        u: [v for v, imports in targets.items() if _counts(imports, include_type_checking)]
        for u, targets in edges.items()
    }


def cycle_graph(successors: Mapping[str, list[str]], nodes: list[str]) -> dict[str, list[str]]:
    """The successor map restricted to ``nodes`` (one strongly connected component)."""
    members = set(nodes)
    return {u: [v for v in successors.get(u, ()) if v in members] for u in nodes}
