"""A folder named like tooling inside a product package that product modules import is
the product's (DefectDojo's ``dojo/tools/`` of scanner parsers, whose ``factory`` the
application imports): its copies are weighed as any product copy. Its modules, imported by
a computed name (``import_module(f"dojo.tools.{name}.parser")``), are plugins: one is never
told to import another's copy."""

from __future__ import annotations

_STRATEGY = (
    "class ColumnMapping:\n    def __init__(self):\n        self.successor = None\n\n"
    "    def map(self, row):\n        return row\n\n    def process(self, row):\n        return self.map(row)\n"
)
_STRATEGY_2 = _STRATEGY + "\n    def evaluate_bool(self, value):\n        return value == 'true'\n"


def _findings(make_repo, cli, files: dict[str, str], name: str) -> list[dict]:
    result = cli("check", str(make_repo(files, name=name)), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT001")
    return [v for v in result.json()["violations"] if v["rule"] == "SSOT001"]


def _app(factory: str) -> dict[str, str]:
    return {
        "app/__init__.py": "",
        "app/views.py": "from app.tools.factory import parsers\n",
        "app/tools/__init__.py": "",
        "app/tools/factory.py": factory,
        "app/tools/skf/__init__.py": "",
        "app/tools/skf/parser.py": _STRATEGY,
        "app/tools/openvas/__init__.py": "",
        "app/tools/openvas/parser.py": "from app.tools.openvas.csv_parser import ColumnMapping\n",
        "app/tools/openvas/csv_parser.py": _STRATEGY_2,
    }


_LOADER = (
    "import os\nfrom importlib import import_module\n\n"
    "parsers = [import_module(f'app.tools.{name}.parser') for name in os.listdir(os.path.dirname(__file__))]\n"
)


def test_plugins_loaded_by_a_computed_name_are_told_to_share_a_module(make_repo, cli):
    (v,) = _findings(make_repo, cli, _app(_LOADER), "plugins")
    assert v["path"] == "app/tools/skf/parser.py"
    assert "two plugins of app.tools that no other module imports" in v["message"], v["message"]
    assert v["fix"] is None


def test_without_the_loader_the_copy_is_told_to_import_the_other(make_repo, cli):
    (v,) = _findings(make_repo, cli, _app("parsers = []\n"), "no-loader")
    assert v["path"] == "app/tools/skf/parser.py"
    assert "keep one definition and import it from app.tools.openvas.csv_parser" in v["message"], v["message"]


def test_a_product_tools_copy_more_imported_is_the_one_kept(make_repo, cli):
    files = {
        "app/__init__.py": "",
        "app/main.py": "from app.tools.mapping import ColumnMapping\n",
        "app/jobs.py": "from app.tools.mapping import ColumnMapping\n",
        "app/tools/__init__.py": "",
        "app/tools/mapping.py": _STRATEGY,
        "app/other.py": _STRATEGY,
    }
    (v,) = _findings(make_repo, cli, files, "kept")
    assert v["path"] == "app/other.py" and v["details"]["chosen_by"] == "most-imported", v
    # Tooling at the top of the repository stays tooling: the product copy is kept.
    files = {**files, "tools/__init__.py": "", "tools/mapping.py": _STRATEGY}
    del files["app/tools/mapping.py"]
    files["app/main.py"] = files["app/jobs.py"] = "from tools.mapping import ColumnMapping\n"
    (v,) = _findings(make_repo, cli, files, "top")
    assert v["path"] == "tools/mapping.py", v
