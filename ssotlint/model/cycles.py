"""Bounded cycle reporting and a feedback-arc-set heuristic for import cycles.

Enumerating every elementary cycle of a large strongly connected component is
exponential; instead each component yields a few *shortest* cycles (one BFS per start
node, a bounded number of starts) and a small set of edges whose removal makes the
component acyclic (Eades-Lin-Smyth ordering on edge weights, then a minimality pass and
a pass that trades each edge for a lighter one that every cycle through it also crosses).

Graphs here are plain successor maps (``module -> imported modules``), not networkx
graphs: importing networkx alone costs 0.2 s, more than finding every cycle of a
10,000-module repository, so the check path does without it (``Project.graph``, the
networkx form, serves ``ssotlint graph`` and library users).
"""

from __future__ import annotations

import heapq
from collections import deque
from typing import Callable, Collection, Iterable, Mapping

Successors = Mapping[str, Collection[str]]


MAX_CYCLES_PER_COMPONENT = 5
MAX_STARTS_PER_COMPONENT = 60
MAX_MINIMALITY_CHECKS = 60
# Edge visits the lighter-cut pass may spend per component (a few breadth-first searches
# per suggested edge): bounded, so a huge component costs what it did without the pass.
MAX_LIGHTER_CUT_VISITS = 400_000
# How much lighter an edge must be to replace a suggested one: a step of cost (a caller's
# smaller differences are tie-breaks the ordering has had its say on, or, between two cheap
# cuts, :data:`MIN_SPREAD_GAIN`).
MIN_TRADE_GAIN = 0.5
# Between two cheap cuts, the least difference of weight that is worth a trade: more than
# any tie-break a caller adds (SSOT002's is 1e-7), less than one place an import is used
# (its 1e-4 each).
MIN_SPREAD_GAIN = 5e-5


def components(successors: Successors) -> list[list[str]]:
    """Non-trivial strongly connected components, each sorted, in a stable order.

    Tarjan's algorithm, iterative (an import chain can be deeper than Python's recursion
    limit), over plain successor lists.
    """
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    counter = 0
    for root in successors:
        if root in index:
            continue
        work = [(root, iter(successors.get(root, ())))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(successors.get(child, ()))))
                    advanced = True
                    break
                if child in on_stack and index[child] < low[node]:
                    low[node] = index[child]
            if advanced:
                continue
            work.pop()
            if work and low[node] < low[work[-1][0]]:
                low[work[-1][0]] = low[node]
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return sorted(found, key=lambda c: c[0])


def _shortest_cycle_through(graph: Successors, start: str) -> list[str] | None:
    parents: dict[str, str | None] = {start: None}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for succ in sorted(graph.get(node, ())):
            if succ == start:
                path = [node]
                while parents[path[-1]] is not None:
                    path.append(parents[path[-1]])  # type: ignore[arg-type]
                return list(reversed(path))
            if succ not in parents:
                parents[succ] = node
                queue.append(succ)
    return None


def _canonical(cycle: list[str]) -> tuple[str, ...]:
    i = cycle.index(min(cycle))
    return tuple(cycle[i:] + cycle[:i])


def shortest_cycles(component_graph: Successors, limit: int = MAX_CYCLES_PER_COMPONENT) -> list[tuple[str, ...]]:
    cycles: dict[tuple[str, ...], None] = {}
    for start in sorted(component_graph)[:MAX_STARTS_PER_COMPONENT]:
        cycle = _shortest_cycle_through(component_graph, start)
        if cycle:
            cycles.setdefault(_canonical(cycle))
        if len(cycles) >= limit:
            break
    return sorted(cycles, key=lambda c: (len(c), c))


def _els_order(graph: Successors, weight: Callable[[str, str], float]) -> dict[str, int]:
    """Eades-Lin-Smyth vertex order (weighted), in O((V + E) log V).

    Sinks go to the end, sources to the front; otherwise the vertex whose outgoing
    weight most exceeds its incoming weight goes to the front. Arcs that point backwards
    in the order form the feedback arc set.
    """
    succ = {n: set(graph[n]) for n in graph}
    pred: dict[str, set[str]] = {n: set() for n in graph}
    for n, targets in graph.items():
        for t in targets:
            pred[t].add(n)
    out_w = {n: sum(weight(n, s) for s in succ[n]) for n in graph}
    in_w = {n: sum(weight(p, n) for p in pred[n]) for n in graph}
    alive = set(graph)
    left: list[str] = []
    right: deque[str] = deque()
    heap = [(-(out_w[n] - in_w[n]), n) for n in graph]
    heapq.heapify(heap)
    pending = deque(n for n in sorted(graph) if not succ[n] or not pred[n])

    def remove(node: str) -> None:
        alive.discard(node)
        for s in succ[node]:
            pred[s].discard(node)
            in_w[s] -= weight(node, s)
            heapq.heappush(heap, (-(out_w[s] - in_w[s]), s))
            if not pred[s]:
                pending.append(s)
        for p in pred[node]:
            succ[p].discard(node)
            out_w[p] -= weight(p, node)
            heapq.heappush(heap, (-(out_w[p] - in_w[p]), p))
            if not succ[p]:
                pending.append(p)

    while alive:
        while pending:
            node = pending.popleft()
            if node not in alive:
                continue
            if not succ[node]:
                right.appendleft(node)
            elif not pred[node]:
                left.append(node)
            else:
                continue
            remove(node)
        if not alive:
            break
        while True:
            key, node = heapq.heappop(heap)
            if node in alive and -key == out_w[node] - in_w[node]:
                break
        left.append(node)
        remove(node)
    return {n: i for i, n in enumerate(left + list(right))}


def _is_acyclic(graph: Successors, removed: set[tuple[str, str]]) -> bool:
    """Kahn's algorithm over the graph without the ``removed`` edges."""
    indegree = dict.fromkeys(graph, 0)
    for u, targets in graph.items():
        for v in targets:
            if (u, v) not in removed:
                indegree[v] += 1
    ready = [n for n, d in indegree.items() if d == 0]
    seen = 0
    while ready:
        u = ready.pop()
        seen += 1
        for v in graph[u]:
            if (u, v) not in removed:
                indegree[v] -= 1
                if indegree[v] == 0:
                    ready.append(v)
    return seen == len(indegree)


def _keeping(order: dict[str, int], graph: Successors, fixed: Callable[[str, str], bool]) -> dict[str, int]:
    """``order`` changed so that every ``fixed`` edge points forward (and so is never a
    feedback arc): a topological sort of the fixed edges that always takes, of the nodes
    ready, the one earliest in ``order``. ``order`` itself when the fixed edges close a
    cycle (then no order keeps them all)."""
    indegree = dict.fromkeys(graph, 0)
    for u, targets in graph.items():
        for v in targets:
            if fixed(u, v):
                indegree[v] += 1
    ready = [(order[n], n) for n, d in indegree.items() if d == 0]
    heapq.heapify(ready)
    result: list[str] = []
    while ready:
        _, u = heapq.heappop(ready)
        result.append(u)
        for v in graph[u]:
            if fixed(u, v):
                indegree[v] -= 1
                if indegree[v] == 0:
                    heapq.heappush(ready, (order[v], v))
    if len(result) != len(indegree):
        return order
    return {n: i for i, n in enumerate(result)}


def feedback_arcs(
    component_graph: Successors,
    weight: Callable[[str, str], float],
    fixed: Callable[[str, str], bool] | None = None,
    cheap: Callable[[str, str], bool] | None = None,
) -> list[tuple[str, str]]:
    """Edges to remove so the component has no cycle, preferring light edges, and never
    an edge that ``fixed`` names when the fixed edges close no cycle among themselves.
    ``cheap``: the edges a heavier one may be traded for (see :func:`_lighter_cuts`; all
    but the fixed ones when not given).
    (Weights alone do not ensure that: the ordering heuristic weighs a node's edges in
    sum, and in a large component it can still put a heavy edge backwards.)

    ``component_graph`` must be closed: every successor is also a key.
    """
    order = _els_order(component_graph, weight)
    if fixed is not None:
        order = _keeping(order, component_graph, fixed)
    arcs = sorted(
        ((u, v) for u, targets in component_graph.items() for v in targets if order[u] > order[v]),
        key=lambda e: (-weight(*e), e),
    )
    # Minimality: give back any arc whose return does not close a cycle.
    kept = list(arcs)
    edge_count = sum(len(t) for t in component_graph.values())
    if len(arcs) <= MAX_MINIMALITY_CHECKS and edge_count <= 20_000:
        for arc in arcs:
            trial = [a for a in kept if a != arc]
            if _is_acyclic(component_graph, set(trial)):
                kept = trial
        kept = _lighter_cuts(component_graph, kept, weight, fixed, cheap)
    return sorted(kept)


def _path(graph: Successors, removed: set[tuple[str, str]], start: str, goal: str, budget: list[int]) -> list[str] | None:
    """A shortest path from ``start`` to ``goal`` without the ``removed`` edges (BFS);
    None when there is none. Each edge looked at is taken off ``budget[0]``."""
    parent: dict[str, str] = {start: start}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for nxt in graph.get(node, ()):
            budget[0] -= 1
            if nxt in parent or (node, nxt) in removed:
                continue
            parent[nxt] = node
            if nxt == goal:
                path = [goal]
                while path[-1] != start:
                    path.append(parent[path[-1]])
                return path[::-1]
            queue.append(nxt)
    return None


def _lighter_cuts(
    graph: Successors,
    arcs: list[tuple[str, str]],
    weight: Callable[[str, str], float],
    fixed: Callable[[str, str], bool] | None,
    cheap: Callable[[str, str], bool] | None,
) -> list[tuple[str, str]]:
    """Each arc traded for a lighter edge that breaks the same cycles: once the other arcs
    are gone, every cycle left runs through the arc ``u -> v`` and so along a path from
    ``v`` back to ``u``; an edge that every such path crosses breaks them all as well. (The
    ordering heuristic weighs a node's edges in sum, so it can cut a cycle at its heaviest
    edge: a class needed at import time, where another import of the cycle is used only
    inside functions.) The edges every path crosses lie on any one path, so one path's
    lighter edges (by :data:`MIN_TRADE_GAIN` at least) are tried, lightest first; only
    ``cheap`` ones, never fixed ones. Bounded by
    :data:`MAX_LIGHTER_CUT_VISITS` edge visits."""
    kept = list(arcs)
    budget = [MAX_LIGHTER_CUT_VISITS]
    for arc in sorted(arcs, key=lambda e: (-weight(*e), e)):
        others = set(kept) - {arc}
        u, v = arc
        path = _path(graph, others, v, u, budget)
        if path is None or budget[0] <= 0:
            continue
        lighter = sorted(
            (
                e
                for e in zip(path, path[1:])
                if _gains(weight(*arc), weight(*e), cheap is not None and cheap(*arc))
                and not (fixed is not None and fixed(*e))
                and (cheap is None or cheap(*e))
            ),
            key=lambda e: (weight(*e), e),
        )
        for edge in lighter:
            if budget[0] <= 0:
                break
            if _path(graph, others | {edge}, v, u, budget) is None:
                kept[kept.index(arc)] = edge
                break
    return list(dict.fromkeys(kept))


def _gains(arc: float, edge: float, cheap_arc: bool) -> bool:
    """Whether cutting an edge of weight ``edge`` instead of an arc of weight ``arc`` is
    worth the trade: lighter by a step of cost, or, between two cuts the caller calls cheap
    (``cheap_arc``: the arc is one, and the edge is), lighter by what
    a caller adds for the size of the change (:data:`MIN_SPREAD_GAIN`: an import used in one
    function rather than in twelve), not by a tie-break."""
    gain = arc - edge
    return gain >= MIN_TRADE_GAIN or (cheap_arc and gain >= MIN_SPREAD_GAIN)


def edges_of(cycle: Iterable[str]) -> list[tuple[str, str]]:
    nodes = list(cycle)
    return list(zip(nodes, nodes[1:] + nodes[:1]))
