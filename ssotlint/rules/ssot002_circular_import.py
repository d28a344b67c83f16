"""SSOT002 circular-import: first-party modules that import each other at import time."""

from __future__ import annotations

from typing import Iterator

from ssotlint.model.cycles import components, edges_of, feedback_arcs, shortest_cycles
from ssotlint.model.graph import EdgeImport, cycle_graph, cycle_successors
from ssotlint.model.project import Project
from ssotlint.rules.base import Example, Rule, Violation


def _first_import(imports: list[EdgeImport], include_tc: bool) -> EdgeImport:
    return next((i for i in imports if i.runtime or (include_tc and i.type_checking)), imports[0])


def check(project: Project) -> Iterator[Violation]:
    include_tc = project.config.type_checking_imports == "include"
    edges = project.import_edges

    def path_of(module: str) -> str:
        return project.modules[module].path

    def edge_info(u: str, v: str) -> dict:
        imp = _first_import(edges[u][v], include_tc)
        return {"from": u, "to": v, "path": path_of(u), "line": imp.line, "import": imp.text}

    def weight(u: str, v: str) -> float:
        return len(edges[u][v])

    successors = cycle_successors(edges, include_tc)
    for component in components(successors):
        sub = cycle_graph(successors, component)
        fix = [edge_info(u, v) for u, v in feedback_arcs(sub, weight)]
        fix_edges = {(e["from"], e["to"]) for e in fix}
        for cycle in shortest_cycles(sub):
            edges_info = [edge_info(u, v) for u, v in edges_of(cycle)]
            first = edges_info[0]
            breaking = [e for e in edges_info if (e["from"], e["to"]) in fix_edges] or edges_info[-1:]
            chain = " -> ".join([*cycle, cycle[0]])
            size = f" (part of a cycle of {len(component)} modules)" if len(component) > len(cycle) else ""
            hint = "; ".join(f"{e['path']}:{e['line']} `{e['import']}`" for e in breaking)
            yield Violation(
                "SSOT002",
                first["path"],
                first["line"],
                _first_import(edges[cycle[0]][cycle[1]], include_tc).col,
                f"circular import: {chain}{size}; break it by moving {hint} into the function "
                f"that uses it or under `if TYPE_CHECKING:`",
                key="cycle:" + "|".join(cycle),
                details={
                    "modules": list(cycle),
                    "edges": edges_info,
                    "component_size": len(component),
                    "component": component if len(component) <= 50 else component[:50],
                    "suggested_fix": fix,
                },
            )


RULE = Rule(
    code="SSOT002",
    name="circular-import",
    summary="First-party modules that import each other at import time",
    check=check,
    valid=(
        Example(
            {
                "app/__init__.py": "",
                "app/a.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from app.b import B\n\nclass A: ...\n",
                "app/b.py": "from app.a import A\n\nclass B:\n    pass\n",
                "app/c.py": "def f():\n    from app.d import D\n    return D\n\nclass C: ...\n",
                "app/d.py": "from app.c import C\n\nclass D: ...\n",
            }
        ),
    ),
    invalid=(
        Example(
            {
                "app/__init__.py": "",
                "app/a.py": "import os\nfrom app.b import B\n\nclass A: ...\n",
                "app/b.py": "from app import a\n\nclass B: ...\n",
            },
            expect=(("app/a.py", 2),),
        ),
        Example(
            {
                "pkg/__init__.py": "",
                "pkg/x.py": "from . import y\n",
                "pkg/y.py": "from .z import Z\n",
                "pkg/z.py": "from .x import *\nclass Z: ...\n",
            },
            expect=(("pkg/x.py", 1),),
        ),
    ),
)
