"""SSOT001's advice never tells a module to import a class from one that loads a library
the project declares only as an optional extra (lm-evaluation-harness' multilingual IFEval
checkers were told to import from ``ifeval.instructions``, which loads ``nltk``, its
``ifeval`` extra, through ``instructions_util``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ssotlint.config import load_config

_CHECKER = (
    "class Checker:\n"
    "    def __init__(self, limit):\n        self.limit = limit\n\n"
    "    def check(self, text):\n        return len(text.split()) <= self.limit\n\n"
    "    def describe(self):\n        return f'at most {self.limit} words'\n"
)


def _tree(pyproject: str = "", **more: str) -> dict[str, str]:
    files = {
        "kit/__init__.py": "",
        "kit/text/__init__.py": "",
        "kit/text/util.py": "import nltk\n\n\ndef words(text):\n    return nltk.word_tokenize(text)\n",
        "kit/text/checks.py": "from kit.text import util\n\n\n" + _CHECKER,
        "kit/text/registry.py": "from kit.text.checks import Checker\n\nREGISTRY = {'words': Checker}\n",
        "kit/cli.py": "from kit.text.checks import Checker\n\n\ndef main(limit):\n    return Checker(limit)\n",
        "kit/multi/__init__.py": "",
        "kit/multi/checks.py": "import re\n\n\n" + _CHECKER,
        "kit/multi/registry.py": "from kit.multi.checks import Checker\n\nREGISTRY = {'words': Checker}\n",
    }
    if pyproject:
        files["pyproject.toml"] = pyproject
    files.update(more)
    return files


def _advice(cli, root: Path) -> str:
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT001")
    found = {v["path"]: v["message"] for v in result.json()["violations"]}
    assert list(found) == ["kit/multi/checks.py"]
    return found["kit/multi/checks.py"]


_EXTRAS = '[project]\nname = "kit"\ndependencies = ["requests"]\n\n[project.optional-dependencies]\ntext = ["nltk>=3.9"]\n'


def test_a_copy_is_not_told_to_import_from_a_module_that_loads_an_optional_extra(make_repo, cli):
    message = _advice(cli, make_repo(_tree(_EXTRAS)))
    assert "keep one definition, in a module both can import: kit.text.checks loads nltk when it is loaded" in message
    assert "(through kit.text.util)" in message
    assert "declares only as an optional extra" in message
    assert "import it from kit.text.checks" not in message


@pytest.mark.parametrize(
    "pyproject, more",
    [
        ('[project]\nname = "kit"\ndependencies = ["nltk"]\n[project.optional-dependencies]\nplot = ["matplotlib"]\n', {}),
        ('[project]\nname = "kit"\ndependencies = ["requests"]\n[project.optional-dependencies]\ntext = ["nltk"]\n',
         {"requirements.txt": "nltk==3.9.1\n"}),  # an extra, but the requirements file installs it
        ('[project]\nname = "kit"\n[project.optional-dependencies]\nplot = ["matplotlib"]\n', {}),  # not declared
        ("", {}),  # nothing declared
    ],
    ids=["required", "in-requirements", "undeclared", "no-declarations"],
)
def test_a_library_the_project_requires_leaves_the_advice_to_import(make_repo, cli, pyproject, more):
    message = _advice(cli, make_repo(_tree(pyproject, **more)))
    assert "import it from kit.text.checks" in message
    assert "optional extra" not in message


def test_a_module_that_loads_the_extra_itself_may_import_from_one_that_does(make_repo, cli):
    tree = _tree(_EXTRAS)
    tree["kit/multi/checks.py"] = "import nltk\n\n\n" + _CHECKER
    assert "import it from kit.text.checks" in _advice(cli, make_repo(tree))


def test_an_extra_imported_only_under_except_import_error_is_not_needed(make_repo, cli):
    tree = _tree(_EXTRAS)
    tree["kit/text/util.py"] = "try:\n    import nltk\nexcept ImportError:\n    nltk = None\n"
    assert "import it from kit.text.checks" in _advice(cli, make_repo(tree))


def test_an_extra_whose_import_failure_is_re_raised_is_needed(make_repo, cli):
    """lm-evaluation-harness' ``leaderboard/math/utils.py`` imports ``math_verify`` in a
    ``try`` whose handler raises again with an install hint: the module fails without it."""
    tree = _tree(_EXTRAS)
    tree["kit/text/util.py"] = (
        "try:\n    import nltk\nexcept ModuleNotFoundError:\n"
        "    raise ModuleNotFoundError('pip install kit[text]')\n"
    )
    assert "loads nltk when it is loaded" in _advice(cli, make_repo(tree))


def test_extras_and_required_names_are_read_from_every_declaration(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "kit"\ndependencies = ["numpy", "pandas"]\n'
        '[project.optional-dependencies]\nplot = ["matplotlib", "numpy>=2"]\n'
        '[tool.poetry.dependencies]\npython = "^3.10"\nrich = "*"\n'
        'PyYAML = { version = "*", optional = true }\n'
    )
    (tmp_path / "setup.py").write_text(
        "from setuptools import setup\nsetup(name='kit', install_requires=['click'],\n"
        "      extras_require={'speed': ['orjson', 'click'], 'cloud': 'boto3'})\n"
    )
    (tmp_path / "requirements-dev.txt").write_text("boto3==1.0\n")
    config = load_config(tmp_path)
    assert config.optional_extras == {"matplotlib", "pyyaml", "orjson"}
    assert {"numpy", "pandas", "rich", "click", "boto3", "matplotlib", "pyyaml", "orjson"} <= config.dependencies

