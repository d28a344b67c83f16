"""A folder of documentation examples whose README says at its top that they are no longer
kept working (nni's ``examples/nas/legacy/``: "marked as legacy and unmaintained") is not
analysed: kept for reference, written for an API the package has since replaced. A folder
of product code that says so still runs, and is analysed."""

from __future__ import annotations

import pytest

FILES = {
    "app/__init__.py": "X = 1\n",
    "examples/nas/legacy/darts/search.py": "from app.retiarii import Mutable\n",
    "examples/nas/current/search.py": "from app.gone import Mutable\n",
    "app/legacy/__init__.py": "from app.gone2 import Old\n",
}


def broken(cli, root) -> list[str]:
    result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT003")
    return sorted(v["path"] for v in result.json()["violations"])


@pytest.mark.parametrize(
    "readme",
    [
        "# NAS Examples (legacy)\n\nPlease note that the examples in this folder are marked as legacy and unmaintained.\n",
        "Deprecated: see the new tutorials.\n",
        "These examples are outdated and no longer maintained.\n",
        "# Old search\n\n```\npip install nni\n```\n\n> These examples are deprecated: see `examples/nas/current`.\n",
    ],
)
def test_examples_a_readme_retires_are_not_analysed(make_repo, cli, readme):
    root = make_repo({**FILES, "examples/nas/legacy/README.md": readme, "app/legacy/README.md": readme})
    assert broken(cli, root) == ["app/legacy/__init__.py", "examples/nas/current/search.py"]


@pytest.mark.parametrize(
    "readme",
    [
        "# NAS examples\n\nRun `python search.py`.\n",
        # the words are in what the README shows, not what it says (professional-services'
        # examples/genai-gradio-example/frontend/: a pip flag in a fenced block)
        "# Voice chat\n\n## Install\n```\n$ pip install gradio==3.38.0 --use-deprecated=legacy-resolver\n```\n",
        "# NAS examples\n\nIf pip fails, pass `--use-deprecated=legacy-resolver`.\n",
        "# NAS examples\n\n    python search.py --obsolete-ok\n\nThen run pip with --use-deprecated=legacy-resolver.\n",
    ],
)
def test_a_readme_that_says_nothing_of_the_kind_retires_nothing(make_repo, cli, readme):
    root = make_repo({**FILES, "examples/nas/legacy/README.md": readme})
    assert broken(cli, root) == ["app/legacy/__init__.py", "examples/nas/current/search.py", "examples/nas/legacy/darts/search.py"]


def test_a_folder_named_for_code_switched_off_is_not_analysed(make_repo, cli):
    """security_monkey's ``tests/not_used/openstack/``: tests no run collects, importing a
    module the project has since moved. A folder of another name is analysed."""
    files = {
        **FILES,
        "app/tests/__init__.py": "",
        "app/tests/not_used/__init__.py": "",
        "app/tests/not_used/openstack/test_watcher.py": "from app.tests.watchers.openstack import Base\n",
        "obsolete_tests/test_map.py": "from app.core import prepare\n",
        "app/tests/in_use/__init__.py": "",
        "app/tests/in_use/test_watcher.py": "from app.tests.watchers.aws import Base\n",
    }
    assert broken(cli, make_repo(files)) == [
        "app/legacy/__init__.py", "app/tests/in_use/test_watcher.py", "examples/nas/current/search.py",
        "examples/nas/legacy/darts/search.py",
    ]


def test_a_folder_named_deprecated_is_retired_unless_it_is_a_package(make_repo, cli):
    """PypeIt's top-level ``deprecated/``: no ``__init__.py``, kept to be read, pruned from
    the release. A package of that name (``app/deprecated/__init__.py``) still ships the
    names its users import, and is analysed."""
    files = {
        **FILES,
        "deprecated/arc_old.py": "from app.arcs import Arc\n",
        "archive/fit.py": "from app.fitting import Fit\n",
        "tools/old/fit.py": "from app.fitting import Fit\n",  # `old` says too little: analysed
        "scripts/archive/run.py": "from app.texts import get_text\n",  # deeper: scripts still run by hand
        "app/deprecated/__init__.py": "from app.gone3 import Alias\n",
    }
    assert broken(cli, make_repo(files)) == [
        "app/deprecated/__init__.py", "app/legacy/__init__.py", "examples/nas/current/search.py",
        "examples/nas/legacy/darts/search.py", "scripts/archive/run.py", "tools/old/fit.py",
    ]


def test_a_scratch_folder_is_retired_at_any_depth_unless_it_is_a_package(make_repo, cli):
    """sage-monorepo's ``apps/iatlas/api/tmp/``: an unused copy of ``config.py`` parked
    during a migration, not code anything runs. A package named so is analysed."""
    files = {
        **FILES,
        "apps/api/tmp/config.py": "from app.settings import Config\n",
        "apps/api/temp/old.py": "from app.settings import Config\n",
        "app/tmp/__init__.py": "from app.gone4 import Cache\n",
        "apps/api/tmpl/render.py": "from app.gone5 import Template\n",  # another word: analysed
    }
    assert broken(cli, make_repo(files)) == [
        "app/legacy/__init__.py", "app/tmp/__init__.py", "apps/api/tmpl/render.py", "examples/nas/current/search.py",
        "examples/nas/legacy/darts/search.py",
    ]
