"""SSOT003 with folders on sys.path other than source roots: what a broken import says when
neither the folder nor the model's reading answers it (see rules/SSOT003.md)."""

from __future__ import annotations

from ssotlint.testing import run_rule


def _messages(files: dict[str, str]) -> dict[tuple[str, int], list[str]]:
    found: dict[tuple[str, int], list[str]] = {}
    for v in run_rule("SSOT003", files):
        found.setdefault((v.path, v.line), []).append(v.message)
    return found


def test_a_script_in_a_package_is_told_what_its_folder_lacks():
    """The model misses the whole module; the folder beside the script only the name."""
    found = _messages({
        "api/__init__.py": "",
        "service/__init__.py": "",
        "service/tags/__init__.py": "",
        "service/tags/main.py": "from api.places import Places, Gone\nif __name__ == '__main__':\n    Places()\n",
        "service/tags/api/places.py": "class Places: ...\n",
    })
    assert found == {("service/tags/main.py", 1): [
        "cannot import name 'Gone' from api.places (service/tags/api/places.py, beside the script); "
        "it is neither defined there nor a module of it"
    ]}


def test_a_name_a_conftest_folder_lacks_keeps_the_models_hint():
    """Both readings lack `Gone`: the model's finding (with its hint) for that name only."""
    found = _messages({
        "analyzer/readme.py": "",
        "conftest.py": "import sys\nsys.path.insert(0, 'app/analyzer/windows')\n",
        "app/__init__.py": "",
        "app/analyzer/windows/analyzer.py": "class Analyzer: ...\n",
        "tests/test_analyzer.py": "from analyzer import Analyzer, Gone\n",
    })
    assert found == {("tests/test_analyzer.py", 1): [
        "cannot import name 'Gone' from namespace package analyzer; it is not defined anywhere in the project"
    ]}


def test_a_module_of_a_namespace_package_imports_its_package_not_the_module_beside_it():
    """``src/poet/`` has no ``__init__.py`` (a namespace package, as poetry's beside
    poetry-core) and holds a ``poet.py``: its modules' ``from poet.x import`` name their own
    package, read through the source root; what that reading lacks is still reported."""
    found = _messages({
        "pyproject.toml": "[project]\nname = 'poet'\nversion = '1'\n",
        "src/poet/__main__.py": "from poet.console.application import main\n\nmain()\n",
        "src/poet/poet.py": "class Poet: ...\n",
        "src/poet/factory.py": "from poet.poet import Poet\nfrom poet.console.application import main\n",
        "src/poet/console/__init__.py": "",
        "src/poet/console/application.py": "from poet.factory import Poet\n\n\ndef main(): ...\n",
        "src/poet/broken.py": "from poet.console.missing import x\nfrom poet.poet import Gone\n",
    })
    assert found == {
        ("src/poet/broken.py", 1): ["`from poet.console.missing import x`: package poet.console has no module 'missing'"],
        ("src/poet/broken.py", 2): ["cannot import name 'Gone' from poet.poet (src/poet/poet.py); it is not defined anywhere in the project"],
    }


def test_a_scripts_bare_import_of_a_module_beside_it_is_judged_by_that_module():
    """icefall's recipes: ``streaming_decode.py`` (run as ``./zipformer/streaming_decode.py``
    from a folder that is no package) imports ``LibriSpeechAsrDataModule`` from the
    ``asr_datamodule.py`` beside it, which defines another data module. The bare name is no
    first-party top-level module, but the folder is first on ``sys.path``: the import fails."""
    files = {
        "toolkit/__init__.py": "",
        "egs/ta/ST/zipformer/asr_datamodule.py": "class IWSLTDataModule: ...\n",
        "egs/ta/ST/zipformer/beam_search.py": "def greedy_search(model):\n    return model\n",
        # A module beside named for a standard library module is not what a bare import gets.
        "egs/ta/ST/zipformer/typing.py": "from typing import Any\n\nPyTree = Any\n",
        "egs/ta/ST/zipformer/models.py": "from typing import List, Optional\n",
        "egs/ta/ST/zipformer/streaming_decode.py": (
            "#!/usr/bin/env python3\nimport torch\nfrom asr_datamodule import LibriSpeechAsrDataModule, IWSLTDataModule\n"
            "from beam_search import greedy_search\n\nif __name__ == '__main__':\n    greedy_search(IWSLTDataModule())\n"
        ),
    }
    assert _messages(files) == {("egs/ta/ST/zipformer/streaming_decode.py", 3): [
        "cannot import name 'LibriSpeechAsrDataModule' from asr_datamodule (egs/ta/ST/zipformer/asr_datamodule.py, "
        "beside the script); it is neither defined there nor a module of it"
    ]}


def test_a_history_sees_the_module_beside_a_script_gain_and_lose_the_name():
    from ssotlint.testing import config_from_text, rule_counts_over

    script = "egs/zipformer/decode.py"
    base = {
        "toolkit/__init__.py": "",
        "egs/zipformer/asr_datamodule.py": "class IWSLTDataModule: ...\n",
        script: "#!/usr/bin/env python3\nfrom asr_datamodule import LibriSpeechAsrDataModule\n",
    }
    steps = [
        {"egs/zipformer/asr_datamodule.py": "class IWSLTDataModule: ...\n\n\nclass LibriSpeechAsrDataModule: ...\n"},
        {"egs/zipformer/asr_datamodule.py": "class IWSLTDataModule: ...\n"},
        {script: "#!/usr/bin/env python3\nfrom asr_datamodule import IWSLTDataModule\n"},
    ]
    assert rule_counts_over(base, steps, config_from_text(""), "SSOT003") == [1, 0, 1, 0]


def test_a_module_committed_as_a_link_beside_a_script_exists(make_repo, cli):
    """luci-py's ``appengine/swarming/server/large.py -> ../../../client/utils/large.py``:
    the script's folder holds the module, as a link to a file analysed at its real path."""
    import os

    files = {
        "client/utils/__init__.py": "",
        "client/utils/large.py": "def pack(items):\n    return list(items)\n",
        "appengine/swarming/server/__init__.py": "",
        "appengine/swarming/test_env_handlers.py": (
            "#!/usr/bin/env python3\nfrom server import large\nfrom server import gone\n\nif __name__ == '__main__':\n"
            "    large.pack([])\n"
        ),
    }
    root = make_repo(files)
    os.symlink("../../../client/utils/large.py", root / "appengine/swarming/server/large.py")
    result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT003")
    found = [(v["path"], v["line"], v["message"]) for v in result.json()["violations"]]
    assert [(p, line) for p, line, _ in found] == [("appengine/swarming/test_env_handlers.py", 3)], found
    assert "cannot import name 'gone' from server" in found[0][2]


def test_a_module_importing_the_library_it_is_named_for_is_not_judged_by_itself():
    """studio's ``kolibri_public/tests/utils/mixer.py`` (a folder without ``__init__.py``)
    wraps the ``mixer`` library: ``from mixer.backend.django import Mixer`` is the library's."""
    files = {
        "app/__init__.py": "",
        "app/tests/utils/mixer.py": "from mixer.backend.django import Mixer\n\n\nclass AppMixer(Mixer):\n    pass\n",
        "app/tests/test_models.py": "from app.tests.utils.mixer import AppMixer\n",
    }
    assert _messages(files) == {}


def _service(requirements: bool) -> dict[str, str]:
    """catapult's ``skia_bridge/``: an App Engine service deployed from its folder (a
    package too), whose modules import its own ``application`` and ``common`` packages by
    those names, beside the repository's top ``common/`` folder."""
    files = {
        "common/__init__.py": "",
        "common/paths.py": "ROOT = '/'\n",
        "skia_bridge/__init__.py": "",
        "skia_bridge/main.py": "from application import app\n\nAPP = app.create()\n",
        "skia_bridge/application/__init__.py": "",
        "skia_bridge/application/app.py": "from application.perf_api import alerts\n\n\ndef create():\n    return alerts\n",
        "skia_bridge/application/perf_api/__init__.py": "",
        "skia_bridge/application/perf_api/alerts.py": "from common import cloud_metric, utils\n",
        "skia_bridge/common/__init__.py": "",
        "skia_bridge/common/cloud_metric.py": "X = 1\n",
        "skia_bridge/common/utils.py": "Y = 1\n",
    }
    if requirements:
        files["skia_bridge/requirements.txt"] = "flask\ngunicorn\n"
    return files


def test_a_deployment_unit_that_is_a_package_may_run_from_its_own_folder(make_repo, cli):
    root = make_repo(_service(requirements=True))
    result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT003")
    assert result.json()["violations"] == []
    # A package that is no unit of its own: its modules' imports read the repository's.
    root = make_repo(_service(requirements=False), name="plain")
    result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT003")
    assert {v["path"] for v in result.json()["violations"]} >= {"skia_bridge/application/perf_api/alerts.py"}
