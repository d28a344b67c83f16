"""The model's reachability answers exactly what walking the import graph answers."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ssotlint.model.graph import EdgeImport
from ssotlint.model.reach import Reachability

MODULES = ["a", "a.b", "a.b.c", "a.d", "e", "e.f", "g", "g.h.i", "j"]


def walk(edges, source):
    """The definition: importing ``source`` runs its packages and itself, and each runs
    the modules it imports at run time (and their packages), transitively."""
    parts = source.split(".")
    stack = [".".join(parts[:i]) for i in range(1, len(parts) + 1)]
    walked = set(stack)
    reached = {source}
    while stack:
        for target, statements in edges.get(stack.pop(), {}).items():
            if all(s.type_checking for s in statements):
                continue
            reached.add(target)
            parts = target.split(".")
            for i in range(1, len(parts) + 1):
                module = ".".join(parts[:i])
                if module not in walked:
                    walked.add(module)
                    stack.append(module)
    return reached


def statement(type_checking: bool) -> EdgeImport:
    return EdgeImport(1, 0, not type_checking, type_checking, None)  # type: ignore[arg-type]


graphs = st.dictionaries(
    st.sampled_from(MODULES),
    st.dictionaries(st.sampled_from(MODULES), st.lists(st.booleans().map(statement), min_size=1, max_size=2), max_size=4),
    max_size=len(MODULES),
)


@settings(max_examples=300, deadline=None)
@given(graphs)
def test_reachability_equals_the_walk(edges):
    reach = Reachability(edges)
    for source in MODULES:
        expected = walk(edges, source)
        for target in MODULES:
            assert reach.reaches(source, target) == (target != source and target in expected), (source, target)


def test_a_long_chain_does_not_hit_the_recursion_limit():
    chain = {f"m{i}": {f"m{i + 1}": [statement(False)]} for i in range(5000)}
    reach = Reachability(chain)
    assert reach.reaches("m0", "m5000") and not reach.reaches("m5000", "m0")


MORE = [*MODULES, "k", "k.l", "tests.t1", "tests.t2", "run"]


@settings(max_examples=400, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(MORE),
        st.dictionaries(st.sampled_from(MORE), st.lists(st.booleans().map(statement), min_size=1, max_size=2), max_size=4),
        max_size=len(MORE),
    ),
    st.dictionaries(
        st.sampled_from(MORE),
        st.dictionaries(st.sampled_from(MORE), st.lists(st.booleans().map(statement), min_size=1, max_size=2), max_size=4),
        max_size=4,
    ),
)
def test_an_updated_reachability_equals_a_new_one(edges, rewritten):
    """``after`` (only some modules import anew) answers as a new build of the new graph
    does whenever it answers at all, and it answers when nothing runs the changed modules."""
    before = Reachability(edges)
    after_edges = {**edges, **rewritten}
    changed = set(rewritten)
    updated = before.after(after_edges, changed)
    fresh = Reachability(after_edges)
    if updated is not None:
        for source in MORE:
            for target in MORE:
                assert updated.reaches(source, target) == fresh.reaches(source, target), (source, target)
    run = {p for targets in [*edges.values(), *after_edges.values()] for t, s in targets.items()
           if not all(i.type_checking for i in s) for p in _prefixes_of(t)}
    if not (changed & run):
        assert updated is not None  # the usual case, a test or script changed, is taken


def _prefixes_of(module: str) -> list[str]:
    parts = module.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts) + 1)]
