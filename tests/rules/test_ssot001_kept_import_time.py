"""Which copy SSOT001 keeps reads what importing a module runs at import time. An import
inside a function runs when the function is called, closes no cycle at start-up, and in a
large application some function reaches nearly every module: it must not decide the kept
copy."""

from __future__ import annotations

_PRICE_SIZE = "from dataclasses import dataclass\n\n\n@dataclass\nclass PriceSize:\n    price: float\n    size: float\n"


def _findings(make_repo, cli, files: dict[str, str]) -> list[dict]:
    root = make_repo({"app/__init__.py": "", "app/strategy/__init__.py": "", **files})
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT001")
    return sorted((v for v in result.json()["violations"] if v["rule"] == "SSOT001"), key=lambda v: v["path"])


def _shared_and_sub_package(shared_tail: str) -> dict[str, str]:
    return {
        "app/strategy/data_types.py": _PRICE_SIZE + shared_tail,
        "app/strategy/perp/__init__.py": "",
        "app/strategy/perp/data_types.py": _PRICE_SIZE,
        "app/strategy/perp/runner.py": "from app.strategy.perp.data_types import PriceSize\n",
    }


def test_an_import_inside_a_function_does_not_make_the_shared_module_import_the_sub_packages_copy(make_repo, cli):
    """The strategy-wide module reaches the sub-package's copy only when a helper function is
    called: the enclosing package's copy is still the one kept."""
    files = _shared_and_sub_package("\n\ndef start():\n    from app.strategy.perp import runner\n    return runner\n")
    found = _findings(make_repo, cli, files)
    assert [(v["path"], v["details"]["canonical"]) for v in found] == [
        ("app/strategy/perp/data_types.py", "app.strategy.data_types.PriceSize"),
    ]
    assert "the one in the enclosing package" in found[0]["message"]
    assert found[0]["message"].endswith("import it from app.strategy.data_types")


def test_an_import_at_import_time_still_keeps_the_copy_the_module_loads(make_repo, cli):
    """The same import at the top of the module: the shared module loads the sub-package's
    copy, which could then not import from it without an import cycle."""
    files = _shared_and_sub_package("\nfrom app.strategy.perp import runner\n")
    found = _findings(make_repo, cli, files)
    assert [(v["path"], v["details"]["canonical"]) for v in found] == [
        ("app/strategy/data_types.py", "app.strategy.perp.data_types.PriceSize"),
    ]


_POOL_STATE = "class PoolState:\n    PAUSED = 1\n    READY = 2\n    CLOSED = 3\n\n    def is_open(self, s):\n        return s != self.CLOSED\n"


def test_a_package_that_imports_all_its_layers_does_not_join_them(make_repo, cli):
    """pymongo's ``__init__`` imports both its ``synchronous`` and its ``asynchronous``
    layer, so importing either runs the other; but neither layer imports the other, each
    builds on shared siblings: a copy in one is not told to import the other's."""
    files = {
        "app/__init__.py": "from app.sync import pool as _sync_pool\nfrom app.aio import pool as _aio_pool\n",
        "app/common.py": "TIMEOUT = 5\n",
        "app/helpers.py": "RETRIES = 3\n",
        "app/sync/__init__.py": "",
        "app/sync/pool.py": "from app.common import TIMEOUT\nfrom app.helpers import RETRIES\n\n\n" + _POOL_STATE,
        "app/aio/__init__.py": "",
        "app/aio/pool.py": "from app.common import TIMEOUT\nfrom app.helpers import RETRIES\n\n\n" + _POOL_STATE,
    }
    root = make_repo(files)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT001")
    (v,) = [v for v in result.json()["violations"] if v["rule"] == "SSOT001"]
    assert "keep one definition, in a module both can import: app." in v["message"]
    assert "never import each other" in v["message"]
    assert v.get("fix") is None
