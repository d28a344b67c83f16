"""SSOT002: which import of a cycle the advice names, and what it says of the rest of a
statement (holdout round 5: misago, nautobot, mypy, beets, privacyidea). Each test reads
what the user reads, the JSON finding."""

from __future__ import annotations

from ssotlint.model.cycles import feedback_arcs


def _cycles(make_repo, cli, files: dict[str, str]) -> list[dict]:
    root = make_repo(files)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT002")
    assert result.code == 1, result.err
    return sorted(result.json()["violations"], key=lambda v: (v["path"], v["line"], v["message"]))


def _advice(finding: dict) -> str:
    return finding["message"].partition("; ")[2]


def test_a_deferrable_import_is_advised_over_moving_a_base_class(make_repo, cli):
    """misago: ``polls.views`` derives from ``BaseThreadView`` (needed at import time, and
    re-exported by ``threads/views/__init__.py``, which imports ``detail``);
    ``detail.py`` imports ``polls.views``' functions, used only inside a method. Moving
    that one import into the method breaks the cycle: it is the advice, not moving the
    base class out of the package."""
    [finding] = _cycles(make_repo, cli, {
        "app/__init__.py": "",
        "app/polls/__init__.py": "",
        "app/polls/views.py": "from ..threads.views import BaseThreadView\n\n\nclass PollView(BaseThreadView): ...\n\n\n"
        "def dispatch_poll(request):\n    return request\n",
        "app/threads/__init__.py": "",
        "app/threads/views/__init__.py": "from .base import BaseThreadView\nfrom .detail import DetailView\n",
        "app/threads/views/base.py": "class BaseThreadView: ...\n",
        "app/threads/views/detail.py": "from .base import BaseThreadView\nfrom ...polls.views import dispatch_poll\n\n\n"
        "class DetailView(BaseThreadView):\n    def get(self, request):\n        return dispatch_poll(request)\n",
    })
    assert finding["path"] == "app/polls/views.py"
    assert _advice(finding) == (
        "break it by moving app/threads/views/detail.py:2 `from ...polls.views import dispatch_poll` into the "
        "function that uses it"
    ), finding["message"]
    assert [(e["path"], e["line"]) for e in finding["details"]["suggested_fix"]] == [("app/threads/views/detail.py", 2)]


def test_feedback_arcs_trade_a_heavy_edge_for_a_lighter_one_on_every_cycle_through_it():
    """The ordering heuristic puts the heaviest node first and cuts ``p -> t`` (3); every
    cycle through it also crosses ``d -> p`` (1), which breaks them all alone."""
    graph = {"p": ["t"], "t": ["d"], "d": ["p"]}
    weights = {("p", "t"): 3.0, ("t", "d"): 10_001.0, ("d", "p"): 1.0}
    assert feedback_arcs(graph, lambda u, v: weights[(u, v)], lambda u, v: (u, v) == ("t", "d")) == [("d", "p")]
    # Weights closer than half a statement differ by a caller's tie-breaks: no trade.
    close = {**weights, ("p", "t"): 1.2}
    assert feedback_arcs(graph, lambda u, v: close[(u, v)], lambda u, v: (u, v) == ("t", "d")) == [("p", "t")]
    # Between two edges the caller calls cheap, a smaller gain is worth a trade (an import
    # used in fewer places), though never a tie-break's.
    every = lambda u, v: (u, v) != ("t", "d")  # noqa: E731
    assert feedback_arcs(graph, lambda u, v: close[(u, v)], lambda u, v: (u, v) == ("t", "d"), every) == [("d", "p")]
    tied = {**weights, ("p", "t"): 1.0 + 1e-7}
    assert feedback_arcs(graph, lambda u, v: tied[(u, v)], lambda u, v: (u, v) == ("t", "d"), every) == [("p", "t")]
    # Nor for an edge the caller does not call cheap.
    assert feedback_arcs(graph, lambda u, v: weights[(u, v)], lambda u, v: (u, v) == ("t", "d"), lambda u, v: False) == [("p", "t")]
    # Not when the lighter edge leaves a cycle: ``t -> p`` is a second way back.
    graph = {"p": ["t"], "t": ["d", "p"], "d": ["p"]}
    weights[("t", "p")] = 5.0
    arcs = feedback_arcs(graph, lambda u, v: weights[(u, v)])
    assert ("p", "t") in arcs or {("d", "p"), ("t", "p")} <= set(arcs)


def test_an_import_used_only_in_annotations_is_not_what_a_heavier_cut_is_traded_for(make_repo, cli):
    """The same shape, but ``detail.py`` uses what it imports only in a class field's
    annotation, which a framework may read at run time (a pydantic model's
    ``Optional["TriageResult"]``, seen on a Django + pydantic monorepo): the advice is not
    traded for moving it under ``TYPE_CHECKING``."""
    [finding] = _cycles(make_repo, cli, {
        "app/__init__.py": "",
        "app/polls/__init__.py": "",
        "app/polls/views.py": "from ..threads.views import BaseThreadView\n\n\nclass PollView(BaseThreadView): ...\n\n\n"
        "class PollResult: ...\n",
        "app/threads/__init__.py": "",
        "app/threads/views/__init__.py": "from .base import BaseThreadView\nfrom .detail import DetailView\n",
        "app/threads/views/base.py": "class BaseThreadView: ...\n",
        "app/threads/views/detail.py": "from typing import Optional\n\nfrom .base import BaseThreadView\n"
        "from ...polls.views import PollResult\n\n\nclass DetailView(BaseThreadView):\n"
        "    result: Optional[\"PollResult\"] = None\n",
    })
    advice = _advice(finding)
    assert "app/threads/views/detail.py" not in advice, advice
    assert "app/polls/views.py:1 `from ..threads.views import BaseThreadView` cannot move into a function" in advice, advice
