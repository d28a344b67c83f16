"""Round 12 (SSOT001): the advice between two plugins of one plugin folder (quodlibet's
``ext/events/``), and the wording when the copy the counts prefer is legacy code's or a
marked copy."""

from __future__ import annotations

_LABEL = (
    "from app.ui import Label\n\n\nclass ConfigLabel(Label):\n"
    "    def __init__(self, text, widget):\n        super().__init__(text)\n        self.widget = widget\n\n"
    "    def describe(self):\n        return (self.text, self.widget)\n"
)
_PLUGIN = "from app.plugins import EventPlugin\n\n\nclass {name}(EventPlugin):\n    PLUGIN_ID = '{name}'\n"


def _plugins(extra: dict[str, str] | None = None) -> dict[str, str]:
    """A host with a folder of event plugins nothing imports (found by path), two of them
    with a copy of one helper; a shared package beside the folder."""
    files = {
        "app/__init__.py": "",
        "app/ui.py": "class Label:\n    def __init__(self, text):\n        self.text = text\n",
        "app/plugins.py": "class EventPlugin:\n    PLUGIN_ID = ''\n",
        "app/ext/__init__.py": "",
        "app/ext/_shared/__init__.py": "",
        "app/ext/events/__init__.py": "",
        "app/ext/events/clock.py": _PLUGIN.format(name="Clock"),
        "app/ext/events/tags.py": _PLUGIN.format(name="Tags") + "\n\n" + _LABEL,
        "app/ext/events/osd/__init__.py": "from .main import Osd\n",
        "app/ext/events/osd/main.py": "from .prefs import ConfigLabel\n\n\n" + _PLUGIN.format(name="Osd"),
        "app/ext/events/osd/prefs.py": _LABEL,
    }
    files.update(extra or {})
    return files


def _findings(make_repo, cli, files: dict[str, str], name: str = "repo") -> list[dict]:
    root = make_repo(files, name=name)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT001")
    return [v for v in result.json()["violations"] if v["rule"] == "SSOT001"]


def test_a_plugin_is_not_told_to_import_another_plugins_module(make_repo, cli):
    (finding,) = _findings(make_repo, cli, _plugins())
    assert finding["path"] == "app/ext/events/tags.py"
    assert "keep one definition, in a module both can import (such as one in app.ext._shared)" in finding["message"]
    assert "two plugins of app.ext.events" in finding["message"]
    assert not finding.get("fix")


def test_modules_the_host_imports_are_no_plugins(make_repo, cli):
    # The host imports the tags module by name: it is a module like any other.
    (finding,) = _findings(make_repo, cli, _plugins({"app/main.py": "from app.ext.events import tags\n"}))
    assert finding["path"] == "app/ext/events/tags.py"
    assert "keep one definition and import it from app.ext.events.osd.prefs" in finding["message"]


def test_a_part_its_siblings_build_on_is_no_plugin(make_repo, cli):
    # The clock plugin imports the osd package's prefs: osd is a building block of its
    # siblings (c7n's resources/ modules import each other's resources), and a sibling may
    # import from it.
    extra = {"app/ext/events/clock.py": "from app.ext.events.osd.prefs import ConfigLabel\n\n\n" + _PLUGIN.format(name="Clock")}
    (finding,) = _findings(make_repo, cli, _plugins(extra))
    assert "keep one definition and import it from app.ext.events.osd.prefs" in finding["message"]


def test_plugins_stay_plugins_when_other_parts_of_their_folder_meet(make_repo, cli):
    # The clock plugin imports a helper module beside it, but nothing imports tags or osd:
    # each is still found on its own (libcloud's compute/drivers/, where some drivers build
    # on others), and neither is told to load the other.
    extra = {
        "app/ext/events/helpers.py": "def tick():\n    return 1\n",
        "app/ext/events/clock.py": "from app.ext.events.helpers import tick\n\n\n" + _PLUGIN.format(name="Clock"),
    }
    (finding,) = _findings(make_repo, cli, _plugins(extra))
    assert "two plugins of app.ext.events" in finding["message"]
    assert "import it from app.ext.events.osd.prefs" not in finding["message"]


def test_a_plugin_the_host_loads_inside_a_function_is_still_a_plugin(make_repo, cli):
    # A tool imports the tags plugin on demand, inside a function (libcloud's contrib/
    # script listing each driver's features): the plugin is still found on its own.
    extra = {"app/features.py": "def table():\n    from app.ext.events import tags\n    return tags\n"}
    (finding,) = _findings(make_repo, cli, _plugins(extra))
    assert "two plugins of app.ext.events" in finding["message"]


def test_without_a_shared_package_the_host_module_is_the_home(make_repo, cli):
    # No `_shared` package beside the folder: the module defining a first-party base both
    # plugins extend, which both import already, is named (libcloud's compute/base.py); the
    # class's own base first (c7n's query.py for `DescribeRemoved(DescribeSource)`).
    files = _plugins()
    del files["app/ext/_shared/__init__.py"]
    (finding,) = _findings(make_repo, cli, files)
    assert "keep one definition, in a module both can import (such as app.ui, which defines Label, " \
        "the base both plugins extend)" in finding["message"]
    # A class on no base: the plugins' host base.
    for path in ("app/ext/events/tags.py", "app/ext/events/osd/prefs.py"):
        files[path] = files[path].replace("class ConfigLabel(Label):", "class ConfigLabel:").replace("super().__init__(text)", "self.text = text")
    (finding,) = _findings(make_repo, cli, files, name="repo2")
    assert "(such as app.plugins, which defines EventPlugin, the base both plugins extend)" in finding["message"]


def test_a_class_on_a_library_base_is_not_sent_to_the_host_module(make_repo, cli):
    # A class extending a library's base would bring the library into the host's module.
    files = _plugins()
    del files["app/ext/_shared/__init__.py"]
    for path in ("app/ext/events/tags.py", "app/ext/events/osd/prefs.py"):
        files[path] = "import gi\n\n\n" + files[path].replace("class ConfigLabel(Label):", "class ConfigLabel(Label, gi.Widget):")
    (finding,) = _findings(make_repo, cli, files)
    assert "keep one definition, in a module both can import: " in finding["message"]
    assert "such as" not in finding["message"]


_RUN_POLICY = (
    "from flytekit.task import PythonFunctionTask\n\n\nclass RunPolicy:\n    clean_pod_policy = None\n"
    "    ttl_seconds_after_finished = None\n    active_deadline_seconds = None\n    backoff_limit = None\n\n\n"
    "class {task}(PythonFunctionTask):\n    kind = '{task}'\n"
)


def test_plugins_built_apart_are_not_sent_to_their_host_s_distribution(make_repo, cli):
    """flytekit's Kubeflow plugins, each its own distribution (``plugins/flytekit-kf-*/``,
    a source root apart from flytekit's core): their shared ``RunPolicy`` is no class of
    the core's ``PythonFunctionTask`` module, which lies in another distribution."""
    files = {
        "core/flytekit/__init__.py": "",
        "core/flytekit/task.py": "class PythonFunctionTask:\n    kind = ''\n",
        "plugins/kf-mpi/flytekitplugins/kfmpi/__init__.py": "",
        "plugins/kf-mpi/flytekitplugins/kfmpi/task.py": _RUN_POLICY.format(task="MPIFunctionTask"),
        "plugins/kf-pytorch/flytekitplugins/kfpytorch/__init__.py": "",
        "plugins/kf-pytorch/flytekitplugins/kfpytorch/task.py": _RUN_POLICY.format(task="PyTorchFunctionTask"),
        "plugins/dask/flytekitplugins/dask/__init__.py": "",
        "plugins/dask/flytekitplugins/dask/task.py": "from flytekit.task import PythonFunctionTask\n\n\nclass DaskTask(PythonFunctionTask):\n    kind = 'dask'\n",
        "pyproject.toml": '[tool.ssotlint]\nsrc = ["core", "plugins/kf-mpi", "plugins/kf-pytorch", "plugins/dask"]\n',
    }
    (finding,) = _findings(make_repo, cli, files)
    assert finding["path"] == "plugins/kf-pytorch/flytekitplugins/kfpytorch/task.py"
    assert "keep one definition, in a module both can import: " in finding["message"]
    assert "such as" not in finding["message"]
