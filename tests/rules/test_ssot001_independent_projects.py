"""A repository of independent projects (microsoft/unilm: a folder per paper, each with its
own environment, none importing another, nothing at the top): copies across two projects
are each that project's own. Anything that makes the folders one repository's parts (a
module or a distribution at the top, one folder using another's code, folders with no
environment of their own, as gem5's `configs/` and `src/`) brings their copies back."""

from __future__ import annotations

import dataclasses
from collections import Counter

import pytest

from ssotlint.deployment_units import Unit
from ssotlint.rules.runner import RulesOverHistory, run_rules
from ssotlint.testing import Summaries, config_from_text, model_in_memory, models_over

NORM = "class RMSNorm:\n    def __init__(self, dim, eps=1e-6):\n        self.dim = dim\n        self.eps = eps\n"
FOLDERS = ("alpha-paper", "beta", "gamma", "delta", "epsilon")
PAPERS = {
    "alpha-paper/model/norm.py": NORM,
    "beta/rms_norm.py": NORM,
    "beta/train.py": "from rms_norm import RMSNorm\n",
    "gamma/run.py": "import os\n",
    "delta/run.py": "import os\n",
    "epsilon/run.py": "import os\n",
}
# Each folder a distribution of its own (a folder of programs with only a requirements file
# is a unit of programs, whose copies are its own already).
ENVIRONMENTS = {f"{folder}/setup.py": f"from setuptools import setup\nsetup(name='{folder}')\n" for folder in FOLDERS}


def _duplicates(cli, root) -> list[tuple[str, int]]:
    document = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1").json()
    return sorted((v["path"], v["line"]) for v in document["violations"] if v["rule"] == "SSOT001")


def test_copies_in_two_independent_projects_are_not_reported(make_repo, cli):
    assert _duplicates(cli, make_repo({**PAPERS, **ENVIRONMENTS})) == []


@pytest.mark.parametrize(
    "change",
    [
        {"pyproject.toml": "[project]\nname = 'papers'\nversion = '1'\n"},
        {"run_all.py": "import os\n"},
        {"gamma/use.py": "from delta.run import os\n"},
        {"gamma/setup.py": None, "delta/setup.py": None},
        {"epsilon/run.py": None, "epsilon/setup.py": None, "tools/run.py": "import os\n", "tools/setup.py": ENVIRONMENTS["epsilon/setup.py"]},
    ],
    ids=[
        "a distribution at the top", "a module at the top", "one folder uses another's code", "folders without an environment",
        "a folder of tooling is no project",
    ],
)
def test_copies_are_reported_when_the_folders_are_one_repositorys_parts(make_repo, cli, change):
    files = {path: text for path, text in {**PAPERS, **ENVIRONMENTS, **change}.items() if text is not None}
    assert _duplicates(cli, make_repo(files)) == [("alpha-paper/model/norm.py", 1)]


def test_a_history_finds_what_check_finds_as_the_repository_becomes_one_and_stops():
    """The walk over a history (``score --history``) keeps a name's findings only while
    nothing it reads changed: a folder starting, and stopping, to use another's code makes
    every copy across two folders apart, or not, with no copy's file touched."""
    # (Steps that import nothing new: the readers of deployment units, which re-make
    # names across units whenever an import changes, do not fire for them.)
    folders = {"zeta/data.py": "X = 1\n", "eta/data.py": "X = 1\n", "theta/data.py": "X = 1\n"}
    steps = [
        {"gamma/use.py": "from delta.run import os\n"},  # one project uses another's code
        {"gamma/use.py": "import os\n"},  # and stops
        folders,  # three more folders, with no environment of their own: 5 of 8 have one
        dict.fromkeys(folders),  # and they go
        {"run_all.py": "X = 1\n"},  # a module at the top
    ]
    settings = dataclasses.replace(config_from_text(""), units=(Unit("", None, None), *(Unit(folder, folder, None) for folder in FOLDERS)))
    rules = RulesOverHistory()
    memo: Summaries = {}
    seen = []
    for files, model in models_over(PAPERS, steps, settings, memo):
        found = Counter((v.rule, v.path, v.line) for v in rules(model) if v.rule == "SSOT001")
        fresh = run_rules(model_in_memory(files, settings, summaries=memo))
        expected = Counter((v.rule, v.path, v.line) for v in fresh if v.rule == "SSOT001")
        assert found == expected
        seen.append(sum(expected.values()))
    assert seen == [0, 1, 0, 1, 0, 1]


# A collection of guides: each folder a program copied onto its board (Adafruit's).
_PROGRAM = "import time\n\n" + NORM + "\n\nnorm = RMSNorm(4)\nprint(norm.dim)\nwhile True:\n    time.sleep(norm.eps)\n"
GUIDES = {
    **{f"guide_{i:02d}/code.py": "import time\n\nprint('ready')\nwhile True:\n    time.sleep(1)\n" for i in range(2, 20)},
    "guide_00/code.py": _PROGRAM,
    "guide_01/code.py": _PROGRAM,
    "SPDX.py": "import os\n\nif __name__ == '__main__':\n    print(os.getcwd())\n",
}


@pytest.mark.parametrize(
    "change, reported",
    [
        ({}, False),
        ({f"guide_{i:02d}/code.py": None for i in range(6, 20)}, True),  # six folders: a product's parts
        ({"guide_02/code.py": "from guide_03.code import time\n"}, True),  # one guide uses another's code
        ({"SPDX.py": "from guide_03.code import time\n\nif __name__ == '__main__':\n    print(time)\n"}, True),
    ],
    ids=["twenty folders of programs", "six folders", "one folder uses another's code", "a program at the top uses a folder"],
)
def test_a_collection_of_folders_of_programs_keeps_each_programs_copies(make_repo, cli, change, reported):
    """Twenty top-level folders or more, each of programs nothing outside it imports, and at
    the top only a program over the whole tree: a collection of projects with no
    environment declared. Fewer folders, or one folder (or the top) using another's code,
    make them one repository's parts."""
    files = {path: text for path, text in {**GUIDES, **change}.items() if text is not None}
    assert _duplicates(cli, make_repo(files)) == ([("guide_01/code.py", 3)] if reported else [])
