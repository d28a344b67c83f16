"""SSOT002 circular-import: first-party modules that import each other at import time."""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property
from typing import Iterator

from ssotlint.extract.summary import CTX_FUNCTION, FileSummary
from ssotlint.model.changes import Change, Since
from ssotlint.model.cycles import components, edges_of, feedback_arcs, shortest_cycles
from ssotlint.model.graph import EdgeImport, cycle_graph, cycle_successors, describe
from ssotlint.model.project import Project
from ssotlint.rules.base import Example, Fix, Rule, Violation


# What a package's import of its own submodule costs on top of its statements. Such an
# edge is never suggested (``feedback_arcs`` keeps it, since a cycle cannot consist of such
# imports alone: the name grows along each); the weight keeps the ordering heuristic from
# building its order around it.
_OWN_SUBMODULE = 10_000.0


def _loads_own_submodule(u: str, v: str) -> bool:
    """``pkg/__init__.py`` importing ``pkg.sub`` (``from .sub import X``, ``from . import
    sub``): the package's public surface, re-exported to its users, which no function of
    the package uses, so "move it into the function that uses it" cannot apply. The cycle
    is broken on the way back: the submodule, or a module it imports, importing the
    package (``from pkg import Y``) where it could import the module that defines ``Y``."""
    return v.startswith(u + ".")


def _advice(breaking: list[dict], hint: str) -> str:
    """How to break the cycle at ``breaking``. A module importing from its own package
    (``from . import X``, ``from shop import X`` in ``shop/orders.py``) usually needs the
    names while it is imported (a base class, a decorator): it imports them from the
    submodules that define them instead, which the package itself imports first."""
    if all(_loads_own_submodule(e["to"], e["from"]) for e in breaking):
        return (
            f"break it by importing the names of {hint} from the modules that define them, "
            f"not from the package (or by moving it into the function that uses it or under "
            f"`if TYPE_CHECKING:`)"
        )
    return f"break it by moving {hint} into the function that uses it or under `if TYPE_CHECKING:`"


def _first_import(imports: list[EdgeImport], include_tc: bool) -> EdgeImport:
    return next((i for i in imports if i.runtime or (include_tc and i.type_checking)), imports[0])


_TIE_BREAK = 1e-7


class _Importers:
    """How other first-party modules reach a module's names, built on first use (only a
    project with a cycle pays for it): the names they import from it with
    ``from M import x`` (or through ``*``), and whether any holds the module object."""

    def __init__(self, project: Project) -> None:
        self.project = project

    @cached_property
    def _index(self) -> tuple[dict[str, set[str]], set[str]]:
        names: dict[str, set[str]] = defaultdict(set)
        objects: set[str] = set()
        for _, rec, absolute in self.project.first_party_imports:
            if absolute is None:
                continue
            if not rec.is_from:
                objects.add(absolute)  # ``import a.b.c`` also reaches a.b as an attribute
                parts = absolute.split(".")
                objects.update(".".join(parts[:i]) for i in range(1, len(parts)))
                continue
            for name, _ in rec.names:
                names[absolute].add(name)
                objects.add(f"{absolute}.{name}")
        return names, objects

    def imported_from(self, module: str) -> set[str]:
        return self._index[0].get(module, set())

    def held_as_object(self, module: str) -> bool:
        return module in self._index[1]


def _bound_names(imp: EdgeImport) -> list[str]:
    rec = imp.record
    if rec.is_from:
        return [alias or name for name, alias in rec.names]
    return [rec.asname or rec.module.split(".")[0]]


def _needed_at_import(summary: FileSummary, names: set[str]) -> bool:
    """What the summary already shows of a name used while the module is imported: a base
    or metaclass of a class outside every function, or a module-level alias of it. (Other
    such uses, a decorator or a default value, are found by the codemod, which then
    declines.)"""

    def uses(dotted: str | None) -> bool:
        return dotted is not None and dotted.partition(".")[0] in names

    for c in summary.classes:
        if not c.context & CTX_FUNCTION and (any(uses(b) for b in c.bases) or uses(c.metaclass)):
            return True
    return any(uses(target) for _, target in summary.aliases)


def _defer(project: Project, importers: _Importers, module: str, imports: list[EdgeImport], include_tc: bool) -> Fix | None:
    """Moving the edge's import statements into the functions that use their names (or
    under TYPE_CHECKING), when the model allows it: each runs unconditionally at module
    level (not under ``try``/``if``), binds plain names (no star), and no other module
    imports those names from this one (nor does its ``__all__`` list them), since they
    would no longer be there. The codemod then proves the uses from the file's scopes.
    Unsafe when another module holds this one as a module object (it might read a moved
    name as an attribute, which ssotlint cannot see)."""
    if include_tc and any(i.type_checking for i in imports):
        return None
    moving = [i for i in imports if i.runtime]
    if not moving or any(i.record.context for i in moving):
        return None
    if any(i.record.is_from and i.record.names[0][0] == "*" for i in moving):
        return None
    names = {n for i in moving for n in _bound_names(i)}
    if _needed_at_import(project.modules[module].summary, names):
        return None
    taken = importers.imported_from(module)
    exported = project.modules[module].summary.all_names or ()
    if names & taken or names & set(exported) or ("*" in taken and any(not n.startswith("_") for n in names)):
        return None
    statements = [
        {"line": i.line, "level": i.record.level, "module": i.record.module, "is_from": i.record.is_from,
         "names": [n for n, _ in i.record.names]}
        for i in sorted(moving, key=lambda i: i.line)
    ]
    spelled = "; ".join(f"`{describe(i.record)}`" for i in sorted(moving, key=lambda i: i.line))
    return Fix(
        "defer-import",
        safe=not importers.held_as_object(module),
        description=f"move {spelled} into the functions that use it (or under `if TYPE_CHECKING:`)",
        args={"statements": statements},
    )


def check(project: Project) -> Iterator[Violation]:
    cycles = _Cycles(project)
    for component in components(cycles.successors):
        yield from cycles.violations(component)


def unchanged(change: Change, since: Since) -> bool:
    """No cycle can have appeared, gone or moved: every module whose edges changed was in
    no cycle, and none of its imports now leads back to a changed module. (A new cycle
    needs a new edge, out of a changed module, and a way back to one, through the edges
    that did not change, which the previous reachability knows.) Packages run before their
    modules, which the reachability folds in: a changed package is checked again."""
    reach, changed = since
    if change.project.config.type_checking_imports == "include":
        return False
    if not changed:
        return True
    if not changed.isdisjoint(change.before.packages) or not changed.isdisjoint(change.project.packages):
        return False
    mask = reach.mask(changed)
    edges = change.project.import_edges
    for module in changed:
        if reach.reaches_any(module, reach.mask([module]), itself=True):
            return False  # it was in a cycle
        for target, statements in edges.get(module, {}).items():
            if any(s.runtime for s in statements) and (target in changed or reach.reaches_any(target, mask, itself=True)):
                return False
    return True


class _Cycles:
    """The cycles of one project's import graph, reported component by component."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.include_tc = project.config.type_checking_imports == "include"
        self.edges = project.import_edges
        self.successors = cycle_successors(self.edges, self.include_tc)
        self.importers = _Importers(project)
        self.proposed: set[tuple[str, str]] = set()  # one fix per edge: the first cycle through it

    def edge_info(self, u: str, v: str) -> dict:
        imp = _first_import(self.edges[u][v], self.include_tc)
        return {"from": u, "to": v, "path": self.project.modules[u].path, "line": imp.line, "import": imp.text}

    def weight(self, u: str, v: str) -> float:
        # Fewer statements are cheaper to move; among equally cheap edges, the one out of
        # the alphabetically earlier module: a cycle is reported on the import that leaves
        # its first module, so the reported import is the one to move, and its fix is in
        # the finding's own file. (The tie-break adds less than 1 to any sum of weights.)
        cost = len(self.edges[u][v]) + (_TIE_BREAK if u > v else 0.0)
        return cost + _OWN_SUBMODULE if _loads_own_submodule(u, v) else cost

    def violations(self, component: list[str]) -> Iterator[Violation]:
        sub = cycle_graph(self.successors, component)
        advice = self.project.advice
        arcs = feedback_arcs(sub, self.weight, _loads_own_submodule) if advice else []
        suggested = [self.edge_info(u, v) for u, v in arcs]
        fix_edges = {(e["from"], e["to"]) for e in suggested}
        for cycle in shortest_cycles(sub):
            edges_info = [self.edge_info(u, v) for u, v in edges_of(cycle)]
            first = edges_info[0]
            breaking = [e for e in edges_info if (e["from"], e["to"]) in fix_edges] or [
                e for e in edges_info if not _loads_own_submodule(e["from"], e["to"])
            ][-1:]
            chain = " -> ".join([*cycle, cycle[0]])
            size = f" (part of a cycle of {len(component)} modules)" if len(component) > len(cycle) else ""
            hint = "; ".join(f"{e['path']}:{e['line']} `{e['import']}`" for e in breaking)
            move = f"; {_advice(breaking, hint)}" if advice else ""
            yield RULE.violation(
                first["path"],
                first["line"],
                _first_import(self.edges[cycle[0]][cycle[1]], self.include_tc).col,
                f"circular import: {chain}{size}{move}",
                key="cycle:" + "|".join(cycle),
                details={
                    "modules": list(cycle),
                    "edges": edges_info,
                    "component_size": len(component),
                    "component": component if len(component) <= 50 else component[:50],
                    "suggested_fix": suggested,
                },
                fix=self.fix(cycle, breaking) if advice else None,
            )

    def fix(self, cycle: list[str], breaking: list[dict]) -> Fix | None:
        """A fix changes the violation's own file: the suggested edge out of it, if any."""
        own = next(((e["from"], e["to"]) for e in breaking if e["from"] == cycle[0]), None)
        if own is None or own in self.proposed:
            return None
        fix = _defer(self.project, self.importers, own[0], self.edges[own[0]][own[1]], self.include_tc)
        if fix is not None:
            self.proposed.add(own)
        return fix

RULE = Rule(
    code="SSOT002",
    name="circular-import",
    summary="First-party modules that import each other at import time",
    check=check,
    unchanged=unchanged,
    fixable="sometimes",
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
        # The fix: the reported import moves into the method that calls it, and under
        # TYPE_CHECKING for the (postponed) annotation.
        Example(
            {
                "app/__init__.py": "",
                "app/a.py": '"""Orders."""\nfrom __future__ import annotations\n\n'
                "from app.b import Invoice  # billing\n\n\nclass Order:\n"
                '    def bill(self) -> Invoice:\n        """Bill it."""\n        return Invoice(self)\n',
                "app/b.py": "from app.a import Order\n\n\nclass Invoice:\n"
                "    def __init__(self, order: Order) -> None:\n        self.order = order\n",
            },
            expect=(("app/a.py", 4),),
            fixed={
                "app/a.py": '"""Orders."""\nfrom __future__ import annotations\n\n'
                "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from app.b import Invoice  # billing\n\n\n"
                'class Order:\n    def bill(self) -> Invoice:\n        """Bill it."""\n'
                "        from app.b import Invoice  # billing\n        return Invoice(self)\n",
            },
        ),
        # The package's re-export of its own submodule (``p -> p.a``) is never the import to
        # move, even where the ordering heuristic alone would pick it (``p.a`` re-exports
        # two submodules of its own): ``p/a/x.py``'s ``import p`` is.
        Example(
            {
                "p/__init__.py": "from p.a import A\n",
                "p/a/__init__.py": "from p.a.y import A\nfrom p.a.x import X\n",
                "p/a/y.py": "from p.a.x import X\n\n\nclass A(X): ...\n",
                "p/a/x.py": "import p\n\n\nclass X:\n    def make(self):\n        return p.A()\n",
            },
            expect=(("p/__init__.py", 1), ("p/__init__.py", 1)),
        ),
        # No fix: the breaker's name is a base class, needed while the module is imported.
        Example(
            {
                "app/__init__.py": "",
                "app/a.py": "from app.b import Base\n\n\nclass A(Base): ...\n",
                "app/b.py": "class Base: ...\n\n\ndef make():\n    return 1\n\n\nfrom app.a import A\n",
            },
            expect=(("app/a.py", 1),),
        ),
    ),
)
