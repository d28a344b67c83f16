"""The first-party import graph as data, its views, and its DOT / Mermaid / JSON forms.

The command builds an :class:`ImportGraph` from the project model; everything here works
on that plain value, so it knows nothing of parsers or of networkx.

Edge styles, in every format: solid for an import that runs when the importing module
is imported (the ones that can form an import-time cycle), dashed for imports under
``if TYPE_CHECKING:``, dotted for the other non-runtime ones (inside a function, under
``if __name__ == "__main__":``). An edge merges all the import statements between two
nodes and takes the strongest style among them. Modules in an import cycle are red.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import PurePosixPath
from typing import Any, Iterable

CYCLE_COLOR = "#c62828"
CYCLE_FILL = "#ffebee"


@dataclass(frozen=True)
class ImportSite:
    """One import statement behind an edge."""

    path: str
    line: int
    text: str
    runtime: bool
    type_checking: bool


@dataclass(frozen=True)
class Node:
    id: str  # dotted module name, or package name once collapsed
    path: str  # the file, or the folder of a collapsed namespace package
    in_cycle: bool


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    imports: tuple[ImportSite, ...]
    in_cycle: bool = False  # part of an import-time cycle

    @property
    def runtime(self) -> bool:
        return any(i.runtime for i in self.imports)

    @property
    def type_checking(self) -> bool:
        return any(i.type_checking for i in self.imports)

    @property
    def style(self) -> str:
        """``solid`` (runtime), ``dashed`` (TYPE_CHECKING only) or ``dotted`` (other)."""
        if self.runtime:
            return "solid"
        return "dashed" if self.type_checking else "dotted"


@dataclass(frozen=True)
class ImportGraph:
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]

    @classmethod
    def of(cls, nodes: Iterable[Node], edges: Iterable[Edge]) -> "ImportGraph":
        """A graph in a stable order, keeping only edges between its nodes."""
        ordered = tuple(sorted(nodes, key=lambda n: n.id))
        ids = {n.id for n in ordered}
        kept = (e for e in edges if e.source in ids and e.target in ids and e.source != e.target)
        return cls(ordered, tuple(sorted(kept, key=lambda e: (e.source, e.target))))


# -- views ---------------------------------------------------------------------------------


def under_package(graph: ImportGraph, prefix: str) -> ImportGraph:
    """Only the modules named ``prefix`` or below it (``app.services`` keeps ``app.services.x``)."""
    prefix = prefix.strip().rstrip(".")
    nodes = [n for n in graph.nodes if n.id == prefix or n.id.startswith(prefix + ".")]
    return ImportGraph.of(nodes, graph.edges)


def cycles_only(graph: ImportGraph) -> ImportGraph:
    """Only the modules that are part of an import cycle, and the edges among them."""
    return ImportGraph.of((n for n in graph.nodes if n.in_cycle), graph.edges)


def _collapsed_path(node: Node, name: str) -> str:
    """The file or folder of the package ``name`` that contains the module ``node``."""
    if node.id == name:
        return node.path
    drop = node.id.count(".") - name.count(".")  # components of node.id below name
    path = PurePosixPath(node.path)
    if path.name != "__init__.py":
        drop -= 1  # a plain module's file is one level below its package's folder
    return str(path.parents[drop])


def collapse(graph: ImportGraph, depth: int) -> ImportGraph:
    """Each module merged into its ancestor of ``depth`` components (``app.a.b`` -> ``app.a``).

    A merged node is in a cycle when any of its modules is; a merged edge keeps every
    import statement, so it is runtime when any of them is. Imports between modules of
    the same merged node disappear.
    """
    if depth < 1:
        raise ValueError("depth must be at least 1")

    def name(module: str) -> str:
        return ".".join(module.split(".")[:depth])

    members: dict[str, list[Node]] = {}
    for node in graph.nodes:
        members.setdefault(name(node.id), []).append(node)
    nodes = []
    for merged, group in members.items():
        own = next((n for n in group if n.id == merged), None)
        path = own.path if own else _collapsed_path(group[0], merged)
        nodes.append(Node(merged, path, any(n.in_cycle for n in group)))
    edges: dict[tuple[str, str], Edge] = {}
    for edge in graph.edges:
        key = (name(edge.source), name(edge.target))
        if key[0] == key[1]:
            continue
        known = edges.get(key)
        if known is None:
            edges[key] = replace(edge, source=key[0], target=key[1])
        else:
            edges[key] = replace(
                known, imports=known.imports + edge.imports, in_cycle=known.in_cycle or edge.in_cycle
            )
    return ImportGraph.of(nodes, edges.values())


# -- formats -------------------------------------------------------------------------------


def to_json(graph: ImportGraph) -> dict[str, Any]:
    return {
        "nodes": [{"id": n.id, "path": n.path, "in_cycle": n.in_cycle} for n in graph.nodes],
        "edges": [
            {
                "source": e.source,
                "target": e.target,
                "runtime": e.runtime,
                "type_checking": e.type_checking,
                "in_cycle": e.in_cycle,
                "imports": [{"path": i.path, "line": i.line, "text": i.text} for i in e.imports],
            }
            for e in graph.edges
        ],
    }


def json_text(graph: ImportGraph) -> str:
    return json.dumps(to_json(graph), indent=2, ensure_ascii=False) + "\n"


def _dot_string(text: str) -> str:
    """A double-quoted DOT string; backslashes would otherwise start escapes like ``\\n``."""
    cleaned = text.replace("\\", "\\\\").replace('"', '\\"').replace("\r", " ").replace("\n", " ")
    return f'"{cleaned}"'


def _first_import(edge: Edge) -> ImportSite:
    return next((i for i in edge.imports if i.runtime), edge.imports[0])


def dot_text(graph: ImportGraph) -> str:
    """Graphviz DOT: ``dot -Tsvg graph.dot > graph.svg``."""
    lines = [
        "digraph imports {",
        "  // ssotlint graph: runtime imports solid, TYPE_CHECKING dashed, other dotted;",
        "  // modules in an import cycle red.",
        "  graph [rankdir=LR];",
        '  node [shape=box, style="rounded,filled", fillcolor="#ffffff", fontname="Helvetica", fontsize=10];',
        '  edge [fontname="Helvetica", fontsize=9];',
    ]
    for n in graph.nodes:
        attrs = [f"tooltip={_dot_string(n.path)}"]
        if n.in_cycle:
            attrs += [f'color="{CYCLE_COLOR}"', f'fontcolor="{CYCLE_COLOR}"', f'fillcolor="{CYCLE_FILL}"', "penwidth=2"]
        lines.append(f"  {_dot_string(n.id)} [{', '.join(attrs)}];")
    for e in graph.edges:
        site = _first_import(e)
        more = f" (+{len(e.imports) - 1} more)" if len(e.imports) > 1 else ""
        attrs = [f"style={e.style}", f"tooltip={_dot_string(f'{site.path}:{site.line} {site.text}{more}')}"]
        if e.in_cycle:
            attrs += [f'color="{CYCLE_COLOR}"', "penwidth=2"]
        lines.append(f"  {_dot_string(e.source)} -> {_dot_string(e.target)} [{', '.join(attrs)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _mermaid_label(text: str) -> str:
    """Label text inside ``["..."]``: Mermaid's entity codes for the characters it parses."""
    for char, code in (("&", "#amp;"), ('"', "#quot;"), ("<", "#lt;"), (">", "#gt;")):
        text = text.replace(char, code)
    return text


def mermaid_text(graph: ImportGraph) -> str:
    """A Mermaid flowchart (renders in GitHub Markdown inside a ```mermaid block).

    Node ids are ``m0``, ``m1``...: dotted names are not valid ids, and replacing the dots
    could make two names collide. The module name is the label.
    """
    ids = {n.id: f"m{i}" for i, n in enumerate(graph.nodes)}
    lines = ["flowchart LR"]
    for n in graph.nodes:
        lines.append(f'  {ids[n.id]}["{_mermaid_label(n.id)}"]')
    styles: list[str] = []
    for index, e in enumerate(graph.edges):
        arrow = "-->" if e.style == "solid" else "-.->"
        lines.append(f"  {ids[e.source]} {arrow} {ids[e.target]}")
        style = []
        if e.style == "dashed":  # Mermaid's own -.-> is dotted; dashes tell TYPE_CHECKING apart
            style.append("stroke-dasharray:8 4")
        if e.in_cycle:
            style += [f"stroke:{CYCLE_COLOR}", "stroke-width:2px"]
        if style:
            styles.append(f"  linkStyle {index} {','.join(style)}")
    lines.extend(styles)
    cyclic = [ids[n.id] for n in graph.nodes if n.in_cycle]
    if cyclic:
        lines.append(f"  classDef cycle fill:{CYCLE_FILL},stroke:{CYCLE_COLOR},color:{CYCLE_COLOR},stroke-width:2px")
        lines.append(f"  class {','.join(cyclic)} cycle")
    return "\n".join(lines) + "\n"


FORMATS = {"dot": dot_text, "mermaid": mermaid_text, "json": json_text}
