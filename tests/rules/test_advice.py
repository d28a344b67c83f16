"""Findings without advice (``Project.advice``, what ``score --history`` builds) are the
findings with advice, in the same places, minus the hints and fixes."""

from __future__ import annotations

from collections import Counter

import pytest

from ssotlint.rules.registry import ALL_RULES
from ssotlint.testing import config_from_text, model_in_memory


def _examples():
    for rule in ALL_RULES:
        if rule.check is None:
            continue  # a post-processor of the others' findings (SSOT007), not a check
        for n, example in enumerate(rule.invalid):
            yield pytest.param(rule, example, id=f"{rule.code}-{n}")


def _places(violations) -> Counter:
    return Counter((v.rule, v.path, v.line, v.col, v.key) for v in violations)


@pytest.mark.parametrize("rule, example", list(_examples()))
def test_a_finding_is_where_it_is_whether_or_not_it_carries_advice(rule, example):
    settings = config_from_text(example.config)
    advised = list(rule.check(model_in_memory(example.files, settings)))
    bare = list(rule.check(model_in_memory(example.files, settings, advice=False)))
    assert _places(bare) == _places(advised)
    assert all(v.fix is None for v in bare)


def test_the_examples_do_carry_advice_to_leave_out():
    """Else the test above proves nothing: fixes and hints exist in the examples."""
    settings_fixes = []
    for rule in ALL_RULES:
        for example in rule.invalid:
            if rule.check is not None:
                found = rule.check(model_in_memory(example.files, config_from_text(example.config)))
                settings_fixes.extend(v.rule for v in found if v.fix is not None)
    assert {"SSOT001", "SSOT002", "SSOT003", "SSOT004", "SSOT006"} <= set(settings_fixes)


def test_a_missing_module_is_not_told_to_import_from_the_alternative_beside_it(make_repo, cli):
    """mmf's sweeps pick a backend in one ``if``: ``from .slurm import main`` in one branch,
    ``from .fblearner import main`` (a module the public tree lacks) in the other. slurm's
    ``main`` is the alternative, not where fblearner's went: no hint names it. A module the
    file imports nothing else from is still named."""
    root = make_repo({
        "tools/__init__.py": "",
        "tools/slurm.py": "def main(grid):\n    return grid\n\n\ndef submit(job):\n    return job\n",
        "tools/run.py": (
            "def run(backend, grid):\n    if backend == 'slurm':\n        from .slurm import main as backend_main\n"
            "    elif backend == 'internal':\n        from .internal import main as backend_main\n"
            "    return backend_main(grid)\n\n\ndef send(job):\n    from .queue import submit\n    return submit(job)\n"
        ),
    })
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT003")
    found = {v["line"]: v["message"] for v in result.json()["violations"]}
    assert sorted(found) == [5, 10]
    assert "defined in" not in found[5]
    assert "submit is defined in tools.slurm" in found[10]


def test_a_function_the_file_cannot_call_as_it_does_is_not_where_the_name_went(make_repo, cli):
    """letta's ``agent.py`` calls ``count_tokens(text)``; the only ``count_tokens`` left is
    ``async def count_tokens(actor, llm_config, messages)``, which needs two arguments no
    call passes: another thing of that name, no hint and no fix. A function the calls fit
    (its other parameters have defaults, or are passed by keyword) is still named."""
    root = make_repo({
        "app/__init__.py": "",
        "app/utils.py": "X = 1\n",
        "app/summarizer.py": (
            "async def count_tokens(actor, llm_config, messages):\n    return len(messages)\n\n\n"
            "def estimate(text, model='gpt', *, strict=False):\n    return len(text)\n\n\n"
            "def price(text, rate):\n    return len(text) * rate\n"
        ),
        "app/agent.py": (
            "from app.utils import count_tokens, estimate, price\n\n\n"
            "def size(text):\n    return count_tokens(text) + estimate(text, strict=True) + price(text, rate=2)\n"
        ),
    })
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT003")
    found = {v["message"].split("'")[1]: v for v in result.json()["violations"]}
    assert sorted(found) == ["count_tokens", "estimate", "price"]
    assert "another thing of that name" in found["count_tokens"]["message"]
    assert "takes (actor, llm_config, messages)" in found["count_tokens"]["message"]
    assert found["count_tokens"].get("fix") is None
    for name in ("estimate", "price"):
        assert "defined in app.summarizer" in found[name]["message"], found[name]["message"]


def _generator(extra: str = "") -> str:
    """A generator script (lm-evaluation-harness' ``gen_utils.py``) with a class it never uses,
    or uses (``extra``)."""
    return (
        "import sys\n\n\nclass FunctionTag:\n    def __init__(self, value):\n        self.value = value\n\n"
        "    def render(self):\n        return '!function ' + self.value\n\n\n"
        f"def main():\n    print(sys.argv){extra}\n\n\nif __name__ == '__main__':\n    main()\n"
    )


@pytest.mark.parametrize(
    ("extra", "advice"),
    [
        ("", "neither copy is used: tasks/a/gen_utils.py is a program of its own, as this file is, and neither reads "
             "the class nor is imported; delete the copies rather than share one"),
        ("\n    print(FunctionTag('x').render())", "keep one definition, in a module both import: tasks/a/gen_utils.py is "
                                                 "a program of its own"),
    ],
    ids=["used-by-neither", "used"],
)
def test_two_programs_copies_of_a_class_neither_uses_are_told_to_go(make_repo, cli, extra, advice):
    root = make_repo({"tasks/a/gen_utils.py": _generator(extra), "tasks/b/gen_utils.py": _generator(extra)})
    result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT001")
    [finding] = result.json()["violations"]
    assert finding["path"] == "tasks/b/gen_utils.py"
    assert advice in finding["message"], finding["message"]


_EXAMPLE = "from dataclasses import dataclass\n\n\n@dataclass\nclass InputExample:\n    key: int\n    prompt: str\n"


@pytest.mark.parametrize("builds_on", [False, True])
def test_the_enclosing_package_is_said_to_be_built_on_only_when_it_is(make_repo, cli, builds_on):
    """lm-evaluation-harness' ``ifeval/multilingual/utils.py`` copies ``ifeval/utils.py``'s
    dataclasses and imports nothing from ``ifeval`` outside ``multilingual`` (its package's
    ``__init__``, which loading it runs anyway, aside)."""
    root = make_repo({
        "evals/__init__.py": "",
        "evals/ifeval/__init__.py": "",
        "evals/ifeval/base.py": "LIMIT = 3\n",
        "evals/ifeval/utils.py": _EXAMPLE,
        "evals/ifeval/multilingual/__init__.py": "",
        "evals/ifeval/multilingual/utils.py": _EXAMPLE,
        "evals/ifeval/multilingual/run.py": (
            ("from evals.ifeval.base import LIMIT\n" if builds_on else "import evals.ifeval\n\nLIMIT = 3\n")
            + "from evals.ifeval.multilingual.utils import InputExample\n"
        ),
    })
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT001")
    (message,) = [v["message"] for v in result.json()["violations"]]
    assert "the one in the enclosing package (" in message
    assert ("its sub-packages build on it" in message) is builds_on


_PANEL = "class ObjectButtonsPanel:\n    bl_space_type = 'PROPERTIES'\n    bl_region_type = 'WINDOW'\n    bl_context = 'object'\n"


def test_a_class_in_a_top_level_packages_init_is_not_told_across_to_another_package(make_repo, cli):
    """Two add-ons, top-level packages that never import each other, one with the class in
    its ``__init__.py`` (blender-addons' ``io_coat3D``), the other in a module of it
    (``render_povray/model_gui.py``, imported more): never "import it from" the other
    add-on, which would make one depend on the other."""
    root = make_repo({
        "io_coat3D/__init__.py": _PANEL + "\n\nclass Panel(ObjectButtonsPanel):\n    bl_label = '3D-Coat'\n",
        "render_povray/__init__.py": "from render_povray import model_gui\n",
        "render_povray/model_gui.py": _PANEL + "    COMPAT_ENGINES = {'POVRAY_RENDER'}\n",
    })
    result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT001")
    [finding] = result.json()["violations"]
    assert finding["path"] == "io_coat3D/__init__.py"
    assert "keep one definition, in a module both can import: io_coat3D and render_povray never import each other" in finding["message"], finding["message"]
