"""``ssotlint graph [PATH]``: export the first-party import graph (DOT, Mermaid, JSON)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ssotlint.commands import common
from ssotlint.errors import EXIT_OK, SsotlintError
from ssotlint.model.cycles import components
from ssotlint.model.graph import cycle_successors
from ssotlint.model.project import Project
from ssotlint.pipeline import analyse_worktree
from ssotlint.report import graph_export
from ssotlint.report.graph_export import Edge, ImportGraph, ImportSite, Node

GRAPH_FORMATS = ("dot", "mermaid", "json")


def add_parser(subparsers: argparse._SubParsersAction, summary: str) -> None:
    parser = subparsers.add_parser(
        "graph",
        help=summary,
        description="Write the import graph of the repository containing PATH (default: the "
        "current folder): one node per first-party module, one edge per importing module and "
        "imported module. Runtime imports are solid, imports under `if TYPE_CHECKING:` dashed, "
        "other imports that do not run at import time (inside functions, under "
        "`if __name__ == \"__main__\":`) dotted; modules in an import cycle are red. "
        "Render DOT with `dot -Tsvg`; paste Mermaid into a ```mermaid block.",
    )
    parser.add_argument("path", nargs="?", type=Path, default=Path("."), metavar="PATH", help="a folder or file in the repository (default: .)")
    parser.add_argument("--cycles-only", action="store_true", help="keep only the modules that are part of an import cycle")
    parser.add_argument("--package", metavar="PREFIX", help="keep only the modules under this dotted package (app.services)")
    parser.add_argument("--depth", type=int, metavar="N", help="merge modules into their package of N name components (1: top-level packages)")
    common.analysis_options(parser)
    output = parser.add_argument_group("output")
    output.add_argument("--format", choices=GRAPH_FORMATS, default="dot", help="dot (Graphviz), mermaid (flowchart) or json (default: dot)")
    output.add_argument("--output", "-o", type=Path, metavar="FILE", help="write the graph to FILE instead of stdout")
    output.add_argument("--quiet", "-q", action="store_true", help="no warnings on stderr")
    parser.set_defaults(run=run)


def import_graph(project: Project) -> ImportGraph:
    """The project's import graph, with the modules and edges of import-time cycles marked."""
    graph = project.graph
    include_tc = project.config.type_checking_imports == "include"
    runtime = cycle_successors(project.import_edges, include_tc)
    component_of: dict[str, int] = {}
    for index, component in enumerate(components(runtime)):
        for module in component:
            component_of[module] = index
    nodes = [Node(m, project.modules[m].path, m in component_of) for m in graph.nodes]
    edges = []
    for source, target, data in graph.edges(data=True):
        sites = tuple(
            ImportSite(project.modules[source].path, i.line, i.text, i.runtime, i.type_checking)
            for i in data["imports"]
        )
        in_cycle = (
            source in component_of
            and target in runtime.get(source, ())
            and component_of[source] == component_of.get(target)
        )
        edges.append(Edge(source, target, sites, in_cycle))
    return ImportGraph.of(nodes, edges)


def select(graph: ImportGraph, package: str | None, only_cycles: bool, depth: int | None) -> ImportGraph:
    """Apply the command's filters: package, then cycles, then collapsing to a depth."""
    if package is not None:
        prefix = package.strip().rstrip(".")
        if not prefix:
            raise SsotlintError("--package: give a dotted package name, like app.services")
        graph = graph_export.under_package(graph, prefix)
        if not graph.nodes:
            raise SsotlintError(f"--package: no first-party module named {prefix} or under it")
    if only_cycles:
        graph = graph_export.cycles_only(graph)
    if depth is not None:
        graph = graph_export.collapse(graph, depth)
    return graph


def run(args: argparse.Namespace) -> int:
    if args.depth is not None and args.depth < 1:
        raise SsotlintError("--depth must be 1 or more")
    root, config = common.load(args, args.path)
    analysis = analyse_worktree(root, config, common.options(args), need_model=True)
    graph = select(import_graph(analysis.project), args.package, args.cycles_only, args.depth)
    with common.output_stream(args) as stream:
        stream.write(graph_export.FORMATS[args.format](graph))
    common.print_warnings(args, analysis.warnings)
    common.print_profile(args, analysis.timings.phases)
    return EXIT_OK
