"""Two plugin distributions of one host, each requiring the host alone (livekit's
``livekit-plugins-deepgram`` and ``livekit-plugins-xai``, each with its copy of a
``PeriodicCollector``): the copy is reported, but never told to import from the other plugin,
which its distribution does not require; the host both require is where it can live. (The
packages are portions of one namespace, ``host.plugins.<name>``, as livekit's are.)"""

from __future__ import annotations

COLLECTOR = (
    "class PeriodicCollector:\n    def __init__(self, callback):\n        self._callback = callback\n        self._total = 0\n\n"
    "    def push(self, value):\n        self._total += value\n\n"
    "    def flush(self):\n        self._callback(self._total)\n        self._total = 0\n"
)


def _plugin(name: str) -> dict[str, str]:
    return {
        f"plugins/{name}/pyproject.toml": f"[project]\nname = 'host-plugins-{name}'\ndependencies = ['host-agents>=1.0']\n",
        f"plugins/{name}/host/plugins/{name}/__init__.py": "",
        f"plugins/{name}/host/plugins/{name}/_utils.py": COLLECTOR,
        f"plugins/{name}/host/plugins/{name}/stt.py": f"from host.plugins.{name}._utils import PeriodicCollector\n",
    }


def test_a_plugin_is_never_told_to_import_from_another_plugin(make_repo, cli):
    files = {
        "agents/pyproject.toml": "[project]\nname = 'host-agents'\ndependencies = ['aiohttp']\n",
        "agents/host/agents/__init__.py": "",
        **_plugin("deepgram"),
        **_plugin("xai"),
    }
    result = cli("check", str(make_repo(files)), "--format", "json", "--no-cache", "--select", "SSOT001")
    [finding] = result.json()["violations"]
    assert finding["path"] == "plugins/xai/host/plugins/xai/_utils.py"
    assert "keep one definition, in a module both can import: host_plugins_xai does not require host_plugins_deepgram" in finding["message"]
    assert "(both require host_agents)" in finding["message"], finding["message"]
    assert "fix" not in finding or not finding["fix"]
