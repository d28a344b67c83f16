"""Which first-party modules importing a module runs, for every module at once.

Importing ``a.b.c`` runs the packages ``a`` and ``a.b`` first, then the module, and each of
them runs what it imports (imports only type checkers see aside), and so on. The rules ask
"would importing X run Y?" thousands of times on a large repository (to never advise an
import that closes a cycle); walking the graph once per question cost seconds per run. So
the answer is computed for the whole graph at once: strongly connected components in one
pass, then the set of modules each component reaches, as a bitset (a Python int), from the
leaves up. A question is then a bit test.
"""

from __future__ import annotations

from typing import Iterable, Mapping, Sequence

from ssotlint.model.graph import EdgeImport

Edges = Mapping[str, Mapping[str, Sequence[EdgeImport]]]


def _prefixes(module: str) -> Iterable[str]:
    """``a``, ``a.b``, ``a.b.c`` for ``a.b.c``: what importing it runs, in order."""
    start = 0
    while True:
        dot = module.find(".", start)
        if dot < 0:
            yield module
            return
        yield module[:dot]
        start = dot + 1


class Reachability:
    def __init__(self, edges: Edges, earlier: "Reachability | None" = None) -> None:
        """``earlier``: the reachability of a similar graph (the previous commit's), whose
        numbering of modules and per-importer work this one reuses for the importers whose
        edges are the same object in both (a model built from the previous one keeps them)."""
        index: dict[str, int] = dict(earlier._index) if earlier is not None else {}
        known = earlier._plans if earlier is not None else {}

        def node(module: str) -> int:
            found = index.get(module)
            if found is None:
                found = index[module] = len(index)
            return found

        targets: dict[int, int] = {}  # node -> bitset of the modules it imports at run time
        runs: dict[int, set[int]] = {}  # node -> the nodes importing it runs next (packages too)
        plans: dict[str, tuple[object, int, set[int]]] = {}
        for source, imported in edges.items():
            plan = known.get(source)
            if plan is None or plan[0] is not imported:
                bits, nodes = 0, set()
                for target, statements in imported.items():
                    if all(i.type_checking for i in statements):
                        continue
                    bits |= 1 << node(target)
                    nodes.update(node(p) for p in _prefixes(target))
                plan = (imported, bits, nodes)
            plans[source] = plan
            s = node(source)
            if plan[2]:
                targets[s] = plan[1]
                runs[s] = plan[2]
        self._index = index
        self._plans = plans
        self._reached = _reached_sets(len(index), targets, runs)
        self._run_by_others = _bits(n for ns in runs.values() for n in ns)  # imported, or a package of one

    def after(self, edges: Edges, changed: Iterable[str]) -> "Reachability | None":
        """The reachability of ``edges``, a graph in which only the modules ``changed`` import
        other modules than in this one's, when those are modules nothing imports (nor runs
        as a package): tests, scripts, entry points. Nothing reaches them, so every other
        module's set stays; theirs are made from the sets of what they import now. None
        when the change is not of that kind (build a new one)."""
        changed = list(changed)
        index = dict(self._index)
        reached = list(self._reached)
        run_by_others = self._run_by_others
        new = {module: index.get(module) for module in changed}
        if any(n is not None and run_by_others >> n & 1 for n in new.values()):
            return None
        plans: list[tuple[int, int, list[int]]] = []
        for module in changed:
            targets, runs = 0, []
            for target, statements in edges.get(module, {}).items():
                if all(i.type_checking for i in statements):
                    continue
                if target in new:
                    return None  # a changed module imports another: nothing simple to say
                for package in _prefixes(target):
                    if package in new:
                        return None
                    n = index.get(package)
                    if n is None:
                        n = index[package] = len(index)
                        reached.append(0)
                    runs.append(n)
                targets |= 1 << index[target]
            n = new[module]
            if n is None:
                n = index[module] = len(index)
                reached.append(0)
            plans.append((n, targets, runs))
        for n, targets, runs in plans:
            for r in runs:
                targets |= reached[r]
                run_by_others |= 1 << r
            reached[n] = targets
        result = Reachability.__new__(Reachability)
        result._index, result._reached, result._run_by_others = index, reached, run_by_others
        result._plans = {source: plan for source, plan in self._plans.items() if source not in new}
        return result

    def mask(self, modules: Iterable[str]) -> int:
        """The modules as a set for :meth:`reaches_any` (the ones this graph has)."""
        bits = 0
        for module in modules:
            n = self._index.get(module)
            if n is not None:
                bits |= 1 << n
        return bits

    def reaches_any(self, source: str, mask: int, itself: bool = False) -> bool:
        """Importing ``source`` runs one of the modules of ``mask`` (``itself``: counting
        ``source`` when something it runs imports it back, an import cycle)."""
        reached = 0
        for package in _prefixes(source):
            n = self._index.get(package)
            if n is not None:
                reached |= self._reached[n]
        if not itself:
            n = self._index.get(source)
            if n is not None:
                mask &= ~(1 << n)
        return bool(reached & mask)

    def reaches(self, source: str | None, target: str | None) -> bool:
        """Importing ``source`` runs ``target`` (not merely its packages)."""
        if source is None or target is None or source == target:
            return False
        bit = self._index.get(target)
        if bit is None:
            return False
        reached = 0
        for package in _prefixes(source):
            n = self._index.get(package)
            if n is not None:
                reached |= self._reached[n]
        return bool(reached >> bit & 1)


def runtime_changes(before: Edges, after: Edges) -> set[str]:
    """The modules two graphs make import other modules at run time, or the same ones at
    import time rather than in functions (or the other way), whatever the lines of the
    statements (none: their reachability, and what importing each runs, are the same). Importers whose edges are the
    same object in both (a model built from the previous one keeps them) are not compared."""
    return {
        source for source in before.keys() | after.keys()
        if before.get(source) is not after.get(source)
        and _runtime_targets(before.get(source) or {}) != _runtime_targets(after.get(source) or {})
    }


def _bits(nodes: Iterable[int]) -> int:
    bits = 0
    for n in nodes:
        bits |= 1 << n
    return bits


def _runtime_targets(imported: Mapping[str, Sequence[EdgeImport]]) -> set[tuple[str, bool]]:
    """The modules imported other than for type checkers, each with whether one of its
    imports runs at import time: an import moved into a function (or out of one) changes
    what importing the module runs, which rules read (:meth:`Chooser.runs`), though not
    the reachability."""
    return {
        (target, any(i.runtime for i in statements))
        for target, statements in imported.items() if not all(i.type_checking for i in statements)
    }


def _reached_sets(count: int, targets: Mapping[int, int], runs: Mapping[int, set[int]]) -> list[int]:
    """For each node, the bitset of modules imported by any node it runs (itself included).
    Tarjan's algorithm, iteratively (import chains are deeper than Python's recursion limit):
    components come out leaves first, so each one's set is its members' targets and the sets
    of the components it runs, all already known."""
    reached = [0] * count
    order = [0] * count  # discovery number + 1 (0: not visited)
    low = [0] * count
    on_stack = [False] * count
    stack: list[int] = []
    counter = 0
    for root in range(count):
        if order[root]:
            continue
        work: list[tuple[int, Iterable[int]]] = [(root, iter(runs.get(root, ())))]
        counter += 1
        order[root] = low[root] = counter
        stack.append(root)
        on_stack[root] = True
        while work:
            v, successors = work[-1]
            advanced = False
            for w in successors:
                if not order[w]:
                    counter += 1
                    order[w] = low[w] = counter
                    stack.append(w)
                    on_stack[w] = True
                    work.append((w, iter(runs.get(w, ()))))
                    advanced = True
                    break
                if on_stack[w] and order[w] < low[v]:
                    low[v] = order[w]
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                if low[v] < low[parent]:
                    low[parent] = low[v]
            if low[v] == order[v]:
                members = []
                while True:
                    w = stack.pop()
                    on_stack[w] = False
                    members.append(w)
                    if w == v:
                        break
                _close(members, targets, runs, reached)
    return reached


def _close(members: list[int], targets: Mapping[int, int], runs: Mapping[int, set[int]], reached: list[int]) -> None:
    """Every member of a component reaches what any member imports, and what every
    component it runs reaches (all finished before it, in Tarjan's order)."""
    bits = 0
    inside = set(members)
    for m in members:
        bits |= targets.get(m, 0)
        for s in runs.get(m, ()):
            if s not in inside:
                bits |= reached[s]
    for m in members:
        reached[m] = bits
