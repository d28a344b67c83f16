"""SSOT003's hints on a repository of several projects (pyramid's documentation: each
tutorial step and its quick tour's demo a project of its own, with a ``pyproject.toml``):
a name one project lacks is not hinted from a sibling project it does not depend on."""

from __future__ import annotations

import pytest


def _project(name: str, *dependencies: str) -> str:
    listed = ", ".join(f'"{d}"' for d in dependencies)
    return f'[project]\nname = "{name}"\nversion = "0"\ndependencies = [{listed}]\n'


def _files(*dependencies: str) -> dict[str, str]:
    return {
        "pyproject.toml": '[project]\nname = "frame"\nversion = "1"\n',
        "frame/__init__.py": "",
        "docs/tut/step/pyproject.toml": _project("tutorial", "frame", *dependencies),
        "docs/tut/step/tutorial/__init__.py": "",
        "docs/tut/step/tutorial/views.py": "from .models import MyModel\n",
        "docs/tut/step/tutorial/models.py": "X = 1\n",
        "docs/quick/demo/pyproject.toml": _project("demo", "frame"),
        "docs/quick/demo/demo/__init__.py": "",
        "docs/quick/demo/demo/models.py": "class MyModel:\n    pass\n",
    }


@pytest.mark.parametrize(
    ("dependencies", "hint"),
    [
        ((), "; it is defined only in docs/quick/demo/demo/models.py, in another project of this repository (demo), "
             "which tutorial does not depend on"),
        (("demo",), "; it is defined only in developer tooling (docs/quick/demo/demo/models.py), which production code "
                    "should not import"),
    ],
    ids=["a-sibling-project", "a-project-it-requires"],
)
def test_a_name_is_hinted_only_from_a_project_the_importers_can_import(make_repo, cli, dependencies, hint):
    root = make_repo(_files(*dependencies))
    result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT003")
    [finding] = result.json()["violations"]
    assert finding["message"].endswith(hint), finding["message"]


def test_a_folder_named_like_a_nested_projects_dependency_is_not_first_party(make_repo, cli):
    """pulumi's ``docs/pyproject.toml`` requires sphinx, and Sphinx's configuration lives
    in ``docs/sphinx/`` (no ``__init__.py``): ``from sphinx.ext.autodoc import between`` in
    its ``conf.py`` finds the installed Sphinx, which wins over a namespace folder."""
    files = {
        "pyproject.toml": '[project]\nname = "frame"\nversion = "1"\n',
        "frame/__init__.py": "",
        "docs/pyproject.toml": _project("frame-docs", "sphinx>=7.4.7"),
        "docs/sphinx/conf.py": "from sphinx.ext.autodoc import between\n\nproject = 'frame'\n",
    }
    root = make_repo(files)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT003")
    assert result.code == 0, [v["message"] for v in result.json()["violations"]]
    # The control: the same folder, with no project declaring sphinx, is first-party.
    root = make_repo({**files, "docs/pyproject.toml": _project("frame-docs")}, name="control")
    result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT003")
    assert result.code == 1, result.out


def test_a_name_defined_only_as_a_placeholder_is_not_hinted_as_a_home():
    """statsmodels' ``tsa.arima_model.ARMA`` is kept only so that using it says it was
    removed (its ``__init__`` raises NotImplementedError): importing it from there would
    move the failure to the first call, so the hint says what it is."""
    from ssotlint.testing import run_rule

    files = {
        "app/__init__.py": "",
        "app/api.py": "X = 1\n",
        "app/arima_model.py": (
            "class ARMA:\n    \"\"\"Removed: use app.arima.ARIMA.\"\"\"\n\n"
            "    def __init__(self, *args, **kwargs):\n        raise NotImplementedError('removed')\n"
        ),
        "app/use.py": "from app.api import ARMA\n",
    }
    [finding] = run_rule("SSOT003", files)
    assert finding.message.endswith(
        "; app.arima_model defines it only as a placeholder left for a removed class (no base, and no member that does "
        "anything), not one to import"
    ), finding.message
    # The control: a class that does something there is the place to import it from.
    files["app/arima_model.py"] = "class ARMA:\n    def fit(self, y):\n        return sum(y) / len(y)\n"
    [finding] = run_rule("SSOT003", files)
    assert finding.message.endswith("; it is defined in app.arima_model: import it from there"), finding.message
