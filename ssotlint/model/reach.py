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
    def __init__(self, edges: Edges) -> None:
        index: dict[str, int] = {}

        def node(module: str) -> int:
            found = index.get(module)
            if found is None:
                found = index[module] = len(index)
            return found

        targets: dict[int, int] = {}  # node -> bitset of the modules it imports at run time
        runs: dict[int, set[int]] = {}  # node -> the nodes importing it runs next (packages too)
        for source, imported in edges.items():
            s = node(source)
            for target, statements in imported.items():
                if all(i.type_checking for i in statements):
                    continue
                targets[s] = targets.get(s, 0) | (1 << node(target))
                runs.setdefault(s, set()).update(node(p) for p in _prefixes(target))
        self._index = index
        self._reached = _reached_sets(len(index), targets, runs)

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


def same_runtime_edges(before: Edges, after: Edges) -> bool:
    """Whether two graphs make the same module run the same modules, whatever the lines of
    the statements: then their reachability is the same. Importers whose edges are the
    same object in both (a model built from the previous one keeps them) are not compared."""
    for source in before.keys() | after.keys():
        old, new = before.get(source), after.get(source)
        if old is new:
            continue
        if _runtime_targets(old or {}) != _runtime_targets(new or {}):
            return False
    return True


def _runtime_targets(imported: Mapping[str, Sequence[EdgeImport]]) -> set[str]:
    return {target for target, statements in imported.items() if not all(i.type_checking for i in statements)}


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
