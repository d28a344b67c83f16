"""SSOT001 never tells two modules to import from each other: following both findings would
make the two modules import each other at load time."""

from __future__ import annotations

_CASE = "class {name}:\n    id: int\n    title: str\n    status: str\n"


def _findings(make_repo, cli, files: dict[str, str], name: str = "repo") -> list[dict]:
    root = make_repo({"app/__init__.py": "", **files}, name=name)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT001")
    return sorted((v for v in result.json()["violations"] if v["rule"] == "SSOT001"), key=lambda v: v["path"])


def test_two_modules_are_never_told_to_import_from_each_other(make_repo, cli):
    """Each module keeps a copy of the other's read model: one direction is advised (the one
    more imported), the other finding asks for a module both can import, without a fix."""
    files = {
        "app/case.py": _CASE.format(name="CaseBasic") + "\n\n" + _CASE.format(name="IncidentBasic"),
        "app/incident.py": _CASE.format(name="IncidentBasic") + "\n\n" + _CASE.format(name="CaseBasic"),
        "app/views.py": "from app.incident import IncidentBasic\n",
        "app/api.py": "from app.incident import IncidentBasic\n",
        "app/jobs.py": "from app.case import CaseBasic\n",
    }
    found = _findings(make_repo, cli, files)
    assert [(v["path"], v["details"]["canonical"]) for v in found] == [
        ("app/case.py", "app.incident.IncidentBasic"),
        ("app/incident.py", "app.case.CaseBasic"),
    ]
    case, incident = found
    assert case["message"].endswith("keep one definition and import it from app.incident")
    assert "keep one definition, in a module both can import: app.case is told to import IncidentBasic " \
        "from this module" in incident["message"]
    assert "import it from app.case" not in incident["message"]
    assert incident.get("fix") is None


def test_over_history_the_other_names_advice_is_read_again():
    """Which direction is advised reads every name the two modules share: a change that
    concerns only one of them (new importers of ``IncidentBasic``) flips the wording of the
    other's finding too, and ``score --history`` must find what ``check`` finds."""
    from ssotlint.rules.runner import RulesOverHistory, run_rules
    from ssotlint.testing import config_from_text, model_in_memory

    settings = config_from_text("")
    files = {
        "app/__init__.py": "",
        "app/case.py": _CASE.format(name="CaseBasic") + "\n\n" + _CASE.format(name="IncidentBasic"),
        "app/incident.py": _CASE.format(name="IncidentBasic") + "\n\n" + _CASE.format(name="CaseBasic"),
        "app/views.py": "from app.incident import IncidentBasic\n",
        "app/jobs.py": "from app.case import CaseBasic\n",
        "app/api.py": "from app.case import CaseBasic\n",
    }
    rules = RulesOverHistory()
    model = model_in_memory(files, settings)
    rules(model)
    files.update({f"app/more{i}.py": "from app.incident import IncidentBasic\n" for i in range(2)})
    model = model_in_memory(files, settings, previous=model)

    def messages(violations) -> list[tuple[str, str]]:
        return sorted((v.path, v.message) for v in violations if v.rule == "SSOT001")

    found, expected = messages(rules(model)), messages(run_rules(model_in_memory(files, settings)))
    assert found == expected
    assert any("told to import IncidentBasic from this module" in m for _, m in expected)


def test_the_copy_in_a_sub_package_imports_the_enclosing_packages_one(make_repo, cli):
    """A class defined in a package's module and again in one of its sub-packages (a
    strategy's own ``data_types`` beside the strategies' shared one): the sub-package's copy
    is told to import the enclosing package's, even when its own importers outnumber the
    other's: importing the other way would load that sub-package (its ``__init__`` runs the
    strategy) from the shared module."""
    price = "class PriceSize:\n    def __init__(self, price, size):\n        self.price = price\n        self.size = size\n"
    files = {
        "app/strategy/__init__.py": "",
        "app/strategy/data_types.py": price,
        "app/strategy/perp/__init__.py": "from app.strategy.perp.run import Strategy\n",
        "app/strategy/perp/data_types.py": price,
        "app/strategy/perp/run.py": "from app.strategy.perp.data_types import PriceSize\n\n\nclass Strategy:\n    pass\n",
        "app/strategy/perp/book.py": "from app.strategy.perp.data_types import PriceSize\n",
    }
    found = _findings(make_repo, cli, files)
    assert [(v["path"], v["details"]["canonical"], v["details"]["chosen_by"]) for v in found] == [
        ("app/strategy/perp/data_types.py", "app.strategy.data_types.PriceSize", "enclosing-package"),
    ]
    assert "the one in the enclosing package" in found[0]["message"]
    assert found[0]["message"].endswith("import it from app.strategy.data_types")


def test_a_back_ends_mirror_of_the_generic_layers_module_imports_the_generic_one(make_repo, cli):
    """gns3's generic ``compute/adapters/adapter.py`` and the Dynamips back end's
    ``compute/dynamips/adapters/adapter.py``: the back end keeps, one sub-package deeper, a
    copy of the generic layer's module path. Its copy is told to import the generic one,
    though 25 of the back end's modules import its own: the generic layer must not depend
    on one back end."""
    adapter = "class Adapter:\n    def __init__(self, ports):\n        self.ports = ports\n\n    def count(self):\n        return len(self.ports)\n"
    files = {
        "app/__init__.py": "",
        "app/compute/__init__.py": "",
        "app/compute/adapters/__init__.py": "",
        "app/compute/adapters/adapter.py": adapter,
        "app/compute/dynamips/__init__.py": "",
        "app/compute/dynamips/adapters/__init__.py": "",
        "app/compute/dynamips/adapters/adapter.py": adapter,
        "app/compute/dynamips/adapters/serial.py": "from app.compute.dynamips.adapters.adapter import Adapter\n",
        "app/compute/dynamips/adapters/ethernet.py": "from app.compute.dynamips.adapters.adapter import Adapter\n",
    }
    found = _findings(make_repo, cli, files)
    assert [(v["path"], v["details"]["canonical"], v["details"]["chosen_by"]) for v in found] == [
        ("app/compute/dynamips/adapters/adapter.py", "app.compute.adapters.adapter.Adapter", "enclosing-package"),
    ]
    assert found[0]["message"].endswith("import it from app.compute.adapters.adapter")


_BENCH_RECORD = "class BenchRecord:\n    height: int\n    weight: int\n    fees: int\n\n\n"


def test_a_program_is_not_told_to_import_from_another_program(make_repo, cli):
    """Two benchmark programs of one package each keep a copy (chia's ``benchmarks/mempool.py``
    and ``mempool-long-lived.py``): the finding asks for a module both import, not for one
    program to import from the other."""
    main = "\n\nif __name__ == '__main__':\n    run()\n"
    found = _findings(make_repo, cli, {
        "app/bench/__init__.py": "",
        "app/bench/mempool.py": _BENCH_RECORD + "def run():\n    return BenchRecord()\n" + main,
        "app/bench/mempool-long-lived.py": _BENCH_RECORD + "def run():\n    return [BenchRecord()]\n" + main,
    })
    [finding] = found
    assert finding["path"] == "app/bench/mempool-long-lived.py", finding["message"]
    assert finding["message"].endswith(
        "keep one definition, in a module both import: app/bench/mempool.py is a program of its own "
        "(a `__main__` block, a Python shebang, or statements that run when it is loaded), as this file is, "
        "not a module to import from"
    ), finding["message"]
    assert finding.get("fix") is None


def test_a_module_nothing_imports_that_runs_when_loaded_is_a_program(make_repo, cli):
    """Open-Assistant's dataset scripts (``data/datasets/*/data_process.py``) download and
    write files at their top level, with no ``__main__`` block: importing one runs it, so
    another is not told to import its ``QnA`` from it. A module that modules import is a
    module, whatever its top level runs."""
    body = "from dataclasses import dataclass\n\n\n@dataclass\nclass QnA:\n    INSTRUCTION: str\n    RESPONSE: str\n    SOURCE: str\n\n\n"
    run = "rows = [QnA('q', 'a', 's')]\nprint(len(rows))\n"
    files = {
        "data/__init__.py": "",
        "data/gsm/__init__.py": "",
        "data/gsm/data_process.py": body + run,
        "data/bg/__init__.py": "",
        "data/bg/data_process.py": body + run,
    }
    [finding] = _findings(make_repo, cli, files)
    assert "is a program of its own" in finding["message"] and "import it from" not in finding["message"], finding["message"]
    assert finding.get("fix") is None
    files["data/use.py"] = "from data.bg.data_process import QnA\n"
    [finding] = _findings(make_repo, cli, files, name="imported")
    assert finding["message"].endswith("keep one definition and import it from data.bg.data_process"), finding["message"]


def test_a_module_with_a_main_block_that_modules_import_is_a_module(make_repo, cli):
    """A production module with a ``__main__`` block that a test imports (the monorepo's
    ``remediation_validator.py``) is a module: a script's copy is told to import from it."""
    main = "\n\nif __name__ == '__main__':\n    run()\n"
    found = _findings(make_repo, cli, {
        "app/bench/__init__.py": "",
        "app/bench/mempool.py": _BENCH_RECORD + "def run():\n    return BenchRecord()\n" + main,
        "app/bench/mempool-long-lived.py": _BENCH_RECORD + "def run():\n    return [BenchRecord()]\n" + main,
        "tests/test_mempool.py": "from app.bench.mempool import run\n\n\ndef test_run():\n    assert run()\n",
    })
    [finding] = found
    assert finding["message"].endswith("keep one definition and import it from app.bench.mempool"), finding["message"]


_MAIN_THREAD_ITEM = (
    "class MainThreadItem:\n    def __init__(self, callback):\n        self.callback = callback\n        self.done = False\n\n"
    "    def execute(self):\n        self.result = self.callback()\n        self.done = True\n        return self.result\n"
)


def _host_integrations(tvpaint_extra: str = "") -> dict[str, str]:
    """Two host integrations of one pipeline (OpenPype's Blender and TVPaint), each with a
    copy of a helper class; Blender's module imports ``bpy``, which Blender itself provides."""
    return {
        # (`crispy_forms`, an installable library no module of TVPaint's imports, says
        # nothing: `django-crispy-forms` installs it, wherever the side runs)
        "pyproject.toml": '[project]\nname = "pipe"\ndependencies = ["qtpy", "django-crispy-forms"]\n',
        "app/hosts/__init__.py": "",
        "app/hosts/blender/__init__.py": "",
        "app/hosts/blender/ops.py": "import crispy_forms\nimport bpy\nfrom qtpy import QtCore\n\n\n" + _MAIN_THREAD_ITEM,
        "app/hosts/tvpaint/__init__.py": "",
        "app/hosts/tvpaint/server.py": tvpaint_extra + _MAIN_THREAD_ITEM + "\n    def wait(self):\n        return self.done\n",
        "app/launcher.py": "from app.hosts.blender.ops import MainThreadItem\nfrom app.hosts.tvpaint import server\n",
        "app/tools.py": "from app.hosts.blender.ops import MainThreadItem\n",
    }


def test_a_module_that_loads_a_library_the_reporter_never_loads_is_no_home_to_import_from(make_repo, cli):
    """TVPaint's copy is not told to merge into Blender's module and import it from there:
    that module imports ``bpy`` when loaded, which only Blender provides and no TVPaint
    module imports, so a TVPaint process has no ``bpy``. Once TVPaint's side imports ``bpy``
    too, importing from Blender's module is advised again."""
    [finding] = _findings(make_repo, cli, _host_integrations())
    assert finding["path"] == "app/hosts/tvpaint/server.py"
    assert finding["message"].endswith(
        "keep one definition, in a module both can import: app.hosts.blender.ops imports bpy when it is loaded, "
        "which only its host application provides and no module of app.hosts.tvpaint imports, so importing it "
        "from there would fail where app.hosts.tvpaint runs outside that application; "
        "the two differ (only here: wait): make them one class there"
    ), finding["message"]
    assert finding.get("fix") is None
    [finding] = _findings(make_repo, cli, _host_integrations("import bpy\n\n\n"), name="both")
    assert "merge the two into one class first, then import it from app.hosts.blender.ops" in finding["message"], finding["message"]


def test_a_tools_package_inside_the_product_is_the_product_under_a_source_root_too(make_repo, cli):
    """bisheng keeps its agents' tools in ``src/backend/bisheng_langchain/gpts/tools/``,
    imported by the product when it loads: product code, not developer tooling, though its
    path has a ``tools`` folder and the package lies below a source root. Its copy, which
    every tool imports by name, is kept; the other is told to import it."""
    tool = "class MultArgsTool:\n    name = ''\n    description = ''\n\n    def run(self, **kwargs):\n        return kwargs\n"
    root = make_repo({
        "pyproject.toml": '[tool.setuptools.packages.find]\nwhere = ["src/backend"]\n',
        "src/backend/lc/__init__.py": "",
        "src/backend/lc/gpts/__init__.py": "",
        "src/backend/lc/gpts/load_tools.py": "from lc.gpts.tools.api import flow, search\n",
        "src/backend/lc/gpts/tools/__init__.py": "",
        "src/backend/lc/gpts/tools/api/__init__.py": "",
        "src/backend/lc/gpts/tools/api/base.py": tool,
        "src/backend/lc/gpts/tools/api/flow.py": "from lc.gpts.tools.api.base import MultArgsTool\n",
        "src/backend/lc/gpts/tools/api/search.py": "from lc.gpts.tools.api.base import MultArgsTool\n",
        "src/backend/lc/rag/__init__.py": "",
        "src/backend/lc/rag/tool.py": tool,
    }, name="bisheng")
    result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT001")
    [finding] = result.json()["violations"]
    assert finding["path"] == "src/backend/lc/rag/tool.py", finding["message"]
    assert finding["details"]["canonical"] == "lc.gpts.tools.api.base.MultArgsTool"
