"""Same-named classes written once per platform or per backend (SSOT001): plugins of one
host found by its entry points (toga's backends, one distribution each), programs each run
from its own folder with its own ``lib`` package (cuckoo's per-OS analyzers, copied into
the guest alone), and packages written for two platforms (``libs/win32/`` beside
``libs/x11/``): never told to import one from the other."""

from __future__ import annotations

import pytest

_BUTTON = (
    "from {host}.widgets import Widget\n\n\nclass Button(Widget):\n"
    "    def create(self):\n        self.native = {native}.Button()\n        self.native.connect(self.on_press)\n\n"
    "    def set_text(self, text):\n        self.native.set_label(text)\n\n"
    "    def on_press(self, *args):\n        self.interface.on_press()\n"
)


def _backends(groups: str) -> dict[str, str]:
    """A host distribution and two backend distributions that register themselves in the
    entry-point table ``groups`` names, each with its own ``Button``."""
    files = {
        "core/pyproject.toml": "[project]\nname = 'guikit-core'\ndependencies = []\n",
        "core/src/guikit/__init__.py": "",
        "core/src/guikit/widgets.py": "class Widget:\n    def __init__(self, interface):\n        self.interface = interface\n",
    }
    for backend, native in (("gtk", "Gtk"), ("qt", "QtWidgets")):
        files[f"{backend}/pyproject.toml"] = (
            f"[project]\nname = 'guikit-{backend}'\ndependencies = ['guikit-core']\n"
            + groups.format(backend=backend)
        )
        files[f"{backend}/src/guikit_{backend}/__init__.py"] = ""
        files[f"{backend}/src/guikit_{backend}/button.py"] = f"from gi.repository import {native}\n" + _BUTTON.format(
            host="guikit", native=native
        )
        files[f"{backend}/src/guikit_{backend}/factory.py"] = f"from guikit_{backend}.button import Button\n"
    return files


def _findings(make_repo, cli, files: dict[str, str], name: str = "repo") -> list[dict]:
    root = make_repo(files, name=name)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT001")
    return [v for v in result.json()["violations"] if v["rule"] == "SSOT001"]


def test_backends_found_by_the_hosts_entry_points_keep_their_own_classes(make_repo, cli):
    groups = "[project.entry-points.'guikit.backends']\n{backend} = 'guikit_{backend}'\n"
    assert _findings(make_repo, cli, _backends(groups)) == []


@pytest.mark.parametrize(
    "groups",
    [
        "[project.scripts]\nguikit-{backend} = 'guikit_{backend}.factory:main'\n",
        "[project.entry-points.console_scripts]\nguikit-{backend} = 'guikit_{backend}.factory:main'\n",
        "[project.entry-points.'pytest11']\n{backend} = 'guikit_{backend}.factory'\n",
    ],
)
def test_backends_of_another_projects_group_or_with_commands_only_are_still_compared(make_repo, cli, groups):
    # A command, or a group of a host outside the repository, says nothing of alternatives.
    found = _findings(make_repo, cli, _backends(groups))
    assert [v["path"] for v in found] == ["qt/src/guikit_qt/button.py"]


_RESULTS = (
    "import socket\n\n\nclass NetlogConnection(object):\n"
    "    def __init__(self, proto=''):\n        self.sock = None\n        self.proto = proto\n\n"
    "    def connect(self):\n        self.sock = socket.create_connection(('192.168.56.1', 2042))\n\n"
    "    def send(self, data):\n        self.sock.sendall(data)\n"
)


def _analyzers(second_lib: str) -> dict[str, str]:
    """Two per-OS analyzers, each a script beside its own packages; the second's package
    is named ``second_lib``."""
    files = {"sandbox/__init__.py": "", "sandbox/core.py": "X = 1\n"}
    for system, lib in (("windows", "lib"), ("linux", second_lib)):
        folder = f"sandbox/data/analyzer/{system}"
        files[f"{folder}/analyzer.py"] = (
            f"from {lib}.common.results import NetlogConnection\n\n\nif __name__ == '__main__':\n    NetlogConnection().connect()\n"
        )
        files[f"{folder}/{lib}/__init__.py"] = ""
        files[f"{folder}/{lib}/common/__init__.py"] = ""
        files[f"{folder}/{lib}/common/results.py"] = _RESULTS
    return files


def test_programs_each_run_from_its_own_folder_with_its_own_lib_keep_their_copies(make_repo, cli):
    assert _findings(make_repo, cli, _analyzers("lib")) == []


def test_two_script_folders_whose_packages_are_named_apart_are_still_compared(make_repo, cli):
    # One process could have both folders on sys.path: nothing says they are apart.
    assert len(_findings(make_repo, cli, _analyzers("linuxlib"))) == 1


_LAYER = (
    "import torch.nn as nn\n\n\nclass EncoderLayer(nn.Module):\n    def __init__(self, d_model):\n"
    "        super().__init__()\n        self.d_model = d_model\n\n    def forward(self, x):\n        return x * self.d_model\n"
)


def _recipes(init: bool, script: bool = True) -> dict[str, str]:
    """Two recipes of a speech toolkit (icefall's ``egs/aishell/ASR/<recipe>/``), each a
    folder with an empty ``__init__.py`` whose training script, run as
    ``./<recipe>/train.py``, imports its own ``conformer`` module by its bare name."""
    files = {"toolkit/__init__.py": "", "toolkit/utils.py": "X = 1\n"}
    for recipe in ("conformer_ctc", "transducer_stateless"):
        folder = f"egs/aishell/ASR/{recipe}"
        if init:
            files[f"{folder}/__init__.py"] = ""
        head = "#!/usr/bin/env python3\n" if script else ""
        files[f"{folder}/train.py"] = head + "from conformer import EncoderLayer\n\nimport toolkit.utils\n\nEncoderLayer(4)\n"
        files[f"{folder}/conformer.py"] = _LAYER
    return files


@pytest.mark.parametrize("init", [False, True], ids=["folders", "package folders"])
def test_recipes_each_run_from_its_own_folder_keep_their_copies(make_repo, cli, init):
    """Each recipe runs with its own folder first on ``sys.path``, an ``__init__.py`` or not:
    neither can import the other's module (icefall: 72 such findings)."""
    assert _findings(make_repo, cli, _recipes(init)) == []


def test_package_folders_whose_modules_are_no_scripts_are_still_compared(make_repo, cli):
    # Without a script, a module importing ``conformer`` by its bare name says nothing of
    # how the folder runs.
    assert len(_findings(make_repo, cli, _recipes(True, script=False))) == 1


_C_VOID = "from ctypes import Structure, c_int\n\n\nclass c_void(Structure):\n    _fields_ = [('dummy', c_int)]\n"


def _platforms() -> dict[str, str]:
    return {
        "app/__init__.py": "",
        "app/libs/__init__.py": "",
        "app/libs/win32/__init__.py": "",
        "app/libs/win32/types.py": _C_VOID,
        "app/libs/x11/__init__.py": "",
        "app/libs/x11/xlib.py": "import ctypes\n\n_lib = ctypes.cdll.LoadLibrary('libX11.so.6')\n" + _C_VOID,
        "app/window.py": "from app.libs.x11.xlib import c_void\n",
    }


def test_packages_written_for_two_platforms_are_not_told_to_import_each_other(make_repo, cli):
    found = _findings(make_repo, cli, _platforms())
    assert [v["path"] for v in found] == ["app/libs/win32/types.py"]
    message = found[0]["message"]
    assert "keep one definition, in a module both can import: app.libs.win32 and app.libs.x11 are written for different platforms" in message
    assert "import it from" not in message and not found[0].get("fix")


def test_packages_not_named_for_platforms_are_told_to_import(make_repo, cli):
    files = {
        k.replace("win32", "win_types").replace("x11", "xtypes"): v.replace("x11", "xtypes")
        for k, v in _platforms().items()
    }
    found = _findings(make_repo, cli, files)
    assert len(found) == 1 and "import it from app.libs.xtypes.xlib" in found[0]["message"]


def test_score_history_sees_a_folder_become_a_program_and_stop_being_one():
    """Whether a folder is a program of its own reads its script's imports, not the files
    that define the classes: ``score --history`` makes those names again when the script
    starts or stops importing its ``lib``, and finds at each step what ``check`` finds."""
    from ssotlint.testing import config_from_text, rule_counts_over

    base = _analyzers("lib")
    script = "sandbox/data/analyzer/linux/analyzer.py"
    # The script imports a module of its lib that does not define the class.
    base[script] = "from lib.core import startup\n\nstartup.run()\n"
    base["sandbox/data/analyzer/linux/lib/core/__init__.py"] = ""
    base["sandbox/data/analyzer/linux/lib/core/startup.py"] = "def run():\n    return 1\n"
    steps = [
        {script: "import socket\n"},  # no longer run with its own lib: a plain folder
        {script: base[script]},  # and again
        {script: None},  # no script at all
    ]
    assert rule_counts_over(base, steps, config_from_text(""), "SSOT001") == [0, 1, 0, 1]


def test_entry_point_groups_are_read_from_each_kind_of_packaging(tmp_path):
    from ssotlint.deployment_units import deployment_units

    files = {
        "a/pyproject.toml": (
            "[project]\nname = 'a'\n[project.scripts]\na = 'a:main'\n"
            "[project.entry-points.'host.backends']\na = 'a'\n[project.entry-points.console_scripts]\nb = 'a:b'\n"
        ),
        "b/pyproject.toml": "[tool.poetry]\nname = 'b'\n[tool.poetry.plugins.'host.backends']\nb = 'b'\n",
        "c/setup.cfg": "[metadata]\nname = c\n[options.entry_points]\nhost.backends =\n    c = c\nconsole_scripts =\n    c = c:main\n",
        "d/setup.py": (
            "from setuptools import setup\n\nsetup(name='d', entry_points={'host.backends': ['d = d'], "
            "'gui_scripts': ['d = d:main']})\n"
        ),
        "e/setup.py": "from setuptools import setup\n\nsetup(name='e', entry_points=ENTRY_POINTS)\n",
    }
    for path, text in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text)
    groups = {u.folder: u.entry_groups for u in deployment_units(tmp_path)}
    assert groups == {
        "": frozenset(), "a": {"host.backends"}, "b": {"host.backends"}, "c": {"host.backends"},
        "d": {"host.backends"}, "e": frozenset(),
    }


def test_per_platform_implementations_that_differ_are_each_platforms_own(make_repo, cli):
    """mercurial's ``posix.py`` and ``windows.py`` each define ``cachestat``, and
    ``util.py`` binds the one for the running platform: two implementations that differ
    because the platforms do. The same text in both is still one thing written twice."""
    stat = (
        "import os\n\n\nclass cachestat:\n    def __init__(self, path):\n        self.stat = os.stat(path)\n\n"
        "    def __eq__(self, other):\n        return self.stat.st_size == other.stat.st_size{more}\n"
    )
    files = {
        "app/__init__.py": "",
        "app/posix.py": stat.format(more=" and self.stat.st_mode == other.stat.st_mode"),
        "app/windows.py": stat.format(more=""),
        "app/util.py": "import os\n\nif os.name == 'nt':\n    from app import windows as platform\nelse:\n"
        "    from app import posix as platform\ncachestat = platform.cachestat\n",
    }
    assert _findings(make_repo, cli, files) == []
    files["app/windows.py"] = files["app/posix.py"]
    found = _findings(make_repo, cli, files, name="same")
    assert len(found) == 1 and "written for different platforms" in found[0]["message"]
