"""A repository of independent projects (microsoft/unilm: a folder per paper, none
importing another, nothing at the top): copies across two projects are each that project's
own. A distribution built at the top makes the folders its parts again, whose copies
are reported."""

from __future__ import annotations

NORM = "class RMSNorm:\n    def __init__(self, dim, eps=1e-6):\n        self.dim = dim\n        self.eps = eps\n"
PAPERS = {
    "alpha-paper/model/norm.py": NORM,
    "beta/rms_norm.py": NORM,
    "beta/train.py": "from rms_norm import RMSNorm\n",
    "gamma/run.py": "import os\n",
    "delta/run.py": "import os\n",
    "epsilon/run.py": "import os\n",
}


def _duplicates(cli, root) -> list[tuple[str, int]]:
    document = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1").json()
    return sorted((v["path"], v["line"]) for v in document["violations"] if v["rule"] == "SSOT001")


def test_copies_in_two_independent_projects_are_not_reported(make_repo, cli):
    assert _duplicates(cli, make_repo(PAPERS)) == []


def test_copies_are_reported_when_a_distribution_at_the_top_makes_the_folders_its_parts(make_repo, cli):
    top = {"pyproject.toml": "[project]\nname = 'papers'\nversion = '1'\n"}
    assert _duplicates(cli, make_repo({**PAPERS, **top})) == [("alpha-paper/model/norm.py", 1)]


def test_a_history_finds_what_check_finds_as_the_repository_becomes_one_and_stops():
    """The walk over a history (``score --history``) keeps a name's findings only while
    nothing it reads changed: a folder starting, and stopping, to use another's code makes
    every copy across two folders apart, or not, with no copy's file touched."""
    from collections import Counter

    from ssotlint.rules.runner import RulesOverHistory, run_rules
    from ssotlint.testing import Summaries, config_from_text, model_in_memory, models_over

    steps = [
        {"gamma/use.py": "from delta.run import os\n"},  # one project uses another's code
        {"gamma/use.py": "import os\n"},  # and stops
        {"zeta/run.py": "import os\n"},  # a sixth project
        {"run_all.py": "import os\n"},  # a module at the top
    ]
    settings = config_from_text("")
    rules = RulesOverHistory()
    memo: Summaries = {}
    seen = []
    for files, model in models_over(PAPERS, steps, settings, memo):
        found = Counter((v.rule, v.path, v.line) for v in rules(model) if v.rule == "SSOT001")
        expected = Counter((v.rule, v.path, v.line) for v in run_rules(model_in_memory(files, settings, summaries=memo)) if v.rule == "SSOT001")
        assert found == expected
        seen.append(sum(expected.values()))
    assert seen == [0, 1, 0, 0, 1]
