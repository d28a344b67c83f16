"""SSOT003 beside a loader function: ``sys.modules[modname] = module`` in a helper that
executes a file under the name its caller gives (opencompass' ``import_source_file``)
puts the caller's module there. The helper's own module stays closed: its missing names,
and its package's, are reported."""

from __future__ import annotations

_LOADER = """import importlib.util
import sys


def import_source_file(fname, modname):
    spec = importlib.util.spec_from_file_location(modname, fname)
    module = importlib.util.module_from_spec(spec)
    sys.modules[modname] = module
    spec.loader.exec_module(module)
    return module


class DS1000Dataset:
    pass
"""


def _findings(make_repo, cli, files: dict[str, str]) -> list[tuple[str, int]]:
    root = make_repo(files)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT003")
    return sorted((v["path"], v["line"]) for v in result.json()["violations"])


_USE = "from datasets import Missing\nfrom datasets.ds1000 import Gone\nfrom datasets.ds1000 import DS1000Dataset\n"


def test_a_loader_that_plants_its_callers_modules_leaves_its_own_module_closed(make_repo, cli):
    findings = _findings(make_repo, cli, {
        "datasets/__init__.py": "from .ds1000 import *  # noqa: F401, F403\n",
        "datasets/ds1000.py": _LOADER,
        "app/use.py": _USE,
    })
    assert findings == [("app/use.py", 1), ("app/use.py", 2)]


def test_a_loader_the_module_calls_at_import_may_still_replace_it(make_repo, cli):
    """The same helper called by the module's own statements (here with its own name)
    may bind anything: nothing is reported of that module."""
    findings = _findings(make_repo, cli, {
        "datasets/__init__.py": "",
        "datasets/ds1000.py": _LOADER + "\n\nimport_source_file(__file__.replace('.py', '_impl.py'), __name__)\n",
        "app/use.py": _USE,
    })
    assert findings == [("app/use.py", 1)]


def test_a_write_under_a_computed_name_outside_a_loader_still_opens_the_module(make_repo, cli):
    """``sys.modules[name] = ...`` in a loop of the module's own level (or keyed by a
    local, not a parameter) is not a loader's: the module is open as before."""
    findings = _findings(make_repo, cli, {
        "datasets/__init__.py": "",
        "datasets/ds1000.py": "import sys\nimport types\n\n\n"
        "def plant(suffix):\n    key = __name__ + suffix\n    sys.modules[key] = types.ModuleType(key)\n\n\n"
        "class DS1000Dataset:\n    pass\n",
        "datasets/loop.py": "import sys\nimport types\n\nfor name in ('a', 'b'):\n"
        "    sys.modules[__name__ + '.' + name] = types.ModuleType(name)\n",
        "app/use.py": _USE + "from datasets.loop import Gone\n",
    })
    assert findings == [("app/use.py", 1)]
