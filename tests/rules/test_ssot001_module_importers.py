"""When no copy is imported more by name, SSOT001 keeps the one in the module the project
imports most (a package's shared ``common/exceptions.py`` rather than one driver's own
``exceptions.py``), and says so; the order of paths decides only what nothing else does."""

from __future__ import annotations

_API_EXCEPTION = (
    "class APIException(Exception):\n    code = 500\n    message = 'error'\n\n"
    "    def __init__(self, **kwargs):\n        super().__init__(self.message % kwargs)\n"
)


def _repo(importers: dict[str, str]) -> dict[str, str]:
    return {
        "app/__init__.py": "",
        "app/amphorae/__init__.py": "",
        "app/amphorae/drivers/__init__.py": "",
        "app/amphorae/drivers/haproxy/__init__.py": "",
        "app/amphorae/drivers/haproxy/exceptions.py": _API_EXCEPTION,
        "app/common/__init__.py": "",
        "app/common/exceptions.py": _API_EXCEPTION,
        **importers,
    }


def _findings(make_repo, cli, files: dict[str, str]) -> list[dict]:
    result = cli("check", str(make_repo(files)), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT001")
    return [v for v in result.json()["violations"] if v["rule"] == "SSOT001"]


def test_the_copy_in_the_module_most_modules_import_is_kept(make_repo, cli):
    importers = {
        "app/api/__init__.py": "",
        "app/api/views.py": "from app.common import exceptions\n",
        "app/api/hooks.py": "import app.common.exceptions\n",
        "app/controller.py": "from app.common.exceptions import __name__ as _n\n",
        "app/amphorae/drivers/haproxy/client.py": "from app.amphorae.drivers.haproxy import exceptions\n",
    }
    (v,) = _findings(make_repo, cli, _repo(importers))
    assert (v["path"], v["details"]["canonical"]) == ("app/amphorae/drivers/haproxy/exceptions.py", "app.common.exceptions.APIException")
    assert v["details"]["chosen_by"] == "most-imported-module"
    assert (
        "the one in the most imported module (3 first-party modules import app.common.exceptions; "
        "none is imported more by name, none is configured)"
    ) in v["message"]
    assert v["message"].endswith("import it from app.common.exceptions")


def test_test_code_importing_a_module_makes_it_no_home(make_repo, cli):
    """Only production importers count, as for imports by name: with the shared module
    imported by tests alone, the path decides (the driver's copy comes first)."""
    importers = {
        "tests/__init__.py": "",
        "tests/test_a.py": "from app.common import exceptions\n",
        "tests/test_b.py": "import app.common.exceptions\n",
    }
    (v,) = _findings(make_repo, cli, _repo(importers))
    assert (v["path"], v["details"]["chosen_by"]) == ("app/common/exceptions.py", "first-by-path")
