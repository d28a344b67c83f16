"""The cycle algorithms against networkx (an independent oracle) on random graphs."""

from __future__ import annotations

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from ssotlint.model.cycles import components, feedback_arcs, shortest_cycles

NODES = [f"m{i}" for i in range(12)]
graphs = st.dictionaries(
    st.sampled_from(NODES), st.lists(st.sampled_from(NODES), max_size=4, unique=True), max_size=12
)


def closed(successors: dict[str, list[str]]) -> dict[str, list[str]]:
    """Every successor is also a key, with no self-loops (imports of oneself are dropped)."""
    out = {u: [v for v in vs if v != u] for u, vs in successors.items()}
    for vs in list(out.values()):
        for v in vs:
            out.setdefault(v, [])
    return out


def as_nx(successors: dict[str, list[str]]) -> nx.DiGraph:
    g = nx.DiGraph()
    g.add_nodes_from(successors)
    g.add_edges_from((u, v) for u, vs in successors.items() for v in vs)
    return g


@settings(max_examples=300, deadline=None)
@given(graphs)
def test_components_match_networkx(successors):
    graph = closed(successors)
    expected = sorted(sorted(c) for c in nx.strongly_connected_components(as_nx(graph)) if len(c) > 1)
    assert sorted(components(graph)) == expected


@settings(max_examples=300, deadline=None)
@given(graphs)
def test_feedback_arcs_break_every_cycle_and_cycles_are_real(successors):
    graph = closed(successors)
    for component in components(graph):
        members = set(component)
        sub = {u: [v for v in graph[u] if v in members] for u in component}
        arcs = feedback_arcs(sub, lambda u, v: 1.0)
        h = as_nx(sub)
        h.remove_edges_from(arcs)
        assert nx.is_directed_acyclic_graph(h)
        for arc in arcs:  # minimal: putting any arc back closes a cycle again
            h.add_edge(*arc)
            assert not nx.is_directed_acyclic_graph(h)
            h.remove_edge(*arc)
        for cycle in shortest_cycles(sub):
            edges = list(zip(cycle, cycle[1:] + cycle[:1]))
            assert all(v in sub[u] for u, v in edges)


def _fixed(u: str, v: str) -> bool:
    """An order on the nodes, so the fixed edges close no cycle (as a package's imports of
    its own submodules: the name grows along each)."""
    return int(u[1:]) < int(v[1:]) and int(v[1:]) % 3 != 0


@settings(max_examples=300, deadline=None)
@given(graphs)
def test_feedback_arcs_never_take_a_fixed_edge_and_still_break_every_cycle(successors):
    graph = closed(successors)
    for component in components(graph):
        members = set(component)
        sub = {u: [v for v in graph[u] if v in members] for u in component}
        arcs = feedback_arcs(sub, lambda u, v: 10_000.0 if _fixed(u, v) else 1.0, _fixed)
        assert not [a for a in arcs if _fixed(*a)]
        h = as_nx(sub)
        h.remove_edges_from(arcs)
        assert nx.is_directed_acyclic_graph(h)


def test_fixed_edges_that_close_a_cycle_leave_the_weights_to_decide():
    graph = {"a": ["b"], "b": ["a"]}
    arcs = feedback_arcs(graph, lambda u, v: 1.0, lambda u, v: True)
    assert len(arcs) == 1


def test_a_very_long_cycle_does_not_recurse():
    n = 50_000  # far beyond Python's recursion limit
    graph = {f"m{i}": [f"m{(i + 1) % n}"] for i in range(n)}
    [component] = components(graph)
    assert len(component) == n
