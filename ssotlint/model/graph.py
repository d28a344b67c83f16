"""The first-party import graph (networkx), with each edge's import statements.

``from pkg import sub`` is an edge to the submodule ``pkg.sub``; ``from pkg import name``
an edge to ``pkg``. ``import a.b.c`` is an edge to ``a.b.c``: importing it also runs the
parent packages, but the parents are already in ``sys.modules`` by then, so that edge
cannot fail in a cycle and would only add noise.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator, NamedTuple


from ssotlint.extract.summary import NOT_AT_IMPORT_TIME, CTX_TYPE_CHECKING, ImportRecord
from ssotlint.model.project import Project, SourceFile

if TYPE_CHECKING:
    import networkx as nx  # imported where used: it costs 0.2 s at start-up


class EdgeImport(NamedTuple):
    """One import statement behind an edge."""

    line: int
    col: int
    runtime: bool  # runs when the importing module is imported
    type_checking: bool
    text: str  # ``from app.b import X`` as a short human-readable form


def describe(rec: ImportRecord) -> str:
    module = "." * rec.level + rec.module
    if not rec.is_from:
        return f"import {module}" + (f" as {rec.asname}" if rec.asname else "")
    names = ", ".join(n if a is None else f"{n} as {a}" for n, a in rec.names)
    return f"from {module} import {names}"


def import_targets(project: Project, f: SourceFile, rec: ImportRecord) -> Iterator[str]:
    """First-party modules an import statement loads (existing ones only)."""
    absolute = project.absolute(f, rec)
    if absolute is None or not project.is_first_party(absolute):
        return
    if not rec.is_from:
        if absolute in project.modules:
            yield absolute
        return
    to_package = False
    for name, _ in rec.names:
        sub = f"{absolute}.{name}"
        if name != "*" and sub in project.modules:
            yield sub
        else:
            to_package = True
    if to_package and absolute in project.modules:
        yield absolute


def build_graph(project: Project) -> nx.DiGraph:
    import networkx as nx

    graph = nx.DiGraph()
    graph.add_nodes_from(project.modules)
    for f in project.files:
        if f.module is None or project.modules.get(f.module) is not f:
            continue
        for rec in f.summary.imports:
            runtime = not rec.context & NOT_AT_IMPORT_TIME
            entry = None  # built on the first edge: most imports are not first-party
            for target in import_targets(project, f, rec):
                if target == f.module:
                    continue
                if entry is None:
                    entry = EdgeImport(rec.line, rec.col, runtime, bool(rec.context & CTX_TYPE_CHECKING), describe(rec))
                data = graph.get_edge_data(f.module, target)
                if data is None:
                    graph.add_edge(f.module, target, imports=[entry], runtime=runtime)
                else:
                    data["imports"].append(entry)
                    data["runtime"] = data["runtime"] or runtime
    return graph


def cycle_graph(graph: nx.DiGraph, include_type_checking: bool) -> nx.DiGraph:
    """The subgraph of edges that can take part in an import-time cycle."""
    def counts(data: dict) -> bool:
        return any(
            i.runtime or (include_type_checking and i.type_checking) for i in data["imports"]
        )

    import networkx as nx

    return nx.DiGraph((u, v, d) for u, v, d in graph.edges(data=True) if counts(d))
