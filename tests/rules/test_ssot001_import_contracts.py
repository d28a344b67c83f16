"""SSOT001 and SSOT006 never advise an import the project's import-linter contracts forbid:
a lower layer is not told to import a higher layer's copy, nor an independent module
another's, nor is a module told to take an import that would close a forbidden chain
(blueking-paas: ``paas_wl`` told to import ``paasng.platform``'s copy, which modules of the
lower ``paasng.accessories`` layer import). The finding stays; its advice says which
contract stands in the way, and there is no fix."""

from __future__ import annotations

import pytest

_RETRY = "class RetryPolicy:\n    attempts: int = 3\n    delay: float = 0.5\n\n    def next_delay(self, n):\n        return self.delay * 2 ** n\n"

_LAYERS_INI = """[importlinter]
root_package = app

[importlinter:contract:layers]
name = the app layers
type = layers
layers =
    # the highest first
    app.api
    app.domain
"""

_LAYERS_TOML = """[tool.importlinter]
root_package = "app"

[[tool.importlinter.contracts]]
name = "the app layers"
type = "layers"
layers = ["app.api", "app.domain"]
"""


def _findings(make_repo, cli, files: dict[str, str], rule: str = "SSOT001", name: str = "repo") -> list[dict]:
    root = make_repo(files, name=name)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", rule)
    return [v for v in result.json()["violations"] if v["rule"] == rule]


def _layered(config: dict[str, str]) -> dict[str, str]:
    """``app.api``'s copy is the more imported one; ``app.domain`` (the lower layer) would be
    told to import it, were it not for the contract. Neither layer imports the other."""
    return {
        **config,
        "app/__init__.py": "",
        "app/api/__init__.py": "",
        "app/api/retry.py": _RETRY,
        "app/api/views.py": "from app.api.retry import RetryPolicy\n",
        "app/api/jobs.py": "from app.api.retry import RetryPolicy\n",
        "app/domain/__init__.py": "",
        "app/domain/retry.py": _RETRY,
    }


def test_without_a_contract_the_lower_layer_is_told_to_import_the_more_imported_copy(make_repo, cli):
    (v,) = _findings(make_repo, cli, _layered({}))
    assert v["path"] == "app/domain/retry.py"
    assert "import it from app.api.retry" in v["message"]


_FORBIDDEN_INI = """[importlinter:contract:1]
name = the app layers
type = forbidden
source_modules =
    app.domain
forbidden_modules =
    app.api
    requests
"""


@pytest.mark.parametrize(
    "config",
    [{".importlinter": _LAYERS_INI}, {"setup.cfg": _LAYERS_INI}, {"pyproject.toml": _LAYERS_TOML}, {".importlinter": _FORBIDDEN_INI}],
    ids=["importlinter", "setup.cfg", "pyproject", "forbidden"],
)
def test_a_lower_layer_is_never_told_to_import_a_higher_one(make_repo, cli, config):
    found = _findings(make_repo, cli, _layered(config))
    assert found, "the copies are still reported"
    where = next(iter(config))
    for v in found:
        assert "import it from app.api" not in v["message"]
        assert v.get("fix") is None
    lower = [v for v in found if v["path"] == "app/domain/retry.py"]
    if lower:  # told why it keeps its copy
        assert (
            f"the project's import-linter contract 'the app layers' ({where}) forbids app.domain to import app.api"
        ) in lower[0]["message"]
    else:  # or the higher layer is told to import the lower layer's copy, which the contract allows
        (v,) = found
        assert v["path"] == "app/api/retry.py" and "import it from app.domain.retry" in v["message"]


def test_an_ignored_import_is_allowed(make_repo, cli):
    config = {".importlinter": _LAYERS_INI + "ignore_imports =\n    app.domain.retry -> app.api.*\n"}
    (v,) = _findings(make_repo, cli, _layered(config))
    assert v["path"] == "app/domain/retry.py"
    assert "import it from app.api.retry" in v["message"]


def test_independent_modules_are_not_told_to_import_each_other(make_repo, cli):
    """A contract in a nested project's folder (where its ``lint-imports`` runs) counts too."""
    independence = (
        "[importlinter]\nroot_packages =\n    app\n\n[importlinter:contract:apart]\nname = apps apart\n"
        "type = independence\nmodules =\n    app.billing\n    app.search\n"
    )
    files = {
        "service/pyproject.toml": '[project]\nname = "service"\n',
        "service/src/.importlinter": independence,
        "service/src/app/__init__.py": "",
        "service/src/app/billing/__init__.py": "",
        "service/src/app/billing/retry.py": _RETRY,
        "service/src/app/billing/use.py": "from app.billing.retry import RetryPolicy\n",
        "service/src/app/search/__init__.py": "",
        "service/src/app/search/retry.py": _RETRY,
        "service/src/app/search/views.py": "from app.billing import use\n",  # search may not, but does: the advice still may not
    }
    found = _findings(make_repo, cli, files)
    assert found
    for v in found:
        assert "import it from app." not in v["message"], v["message"]
        assert "import-linter contract 'apps apart' (service/src/.importlinter)" in v["message"]


def test_an_import_that_closes_a_forbidden_chain_is_not_advised(make_repo, cli):
    """``app.common`` is in no layer, and ``app.domain`` imports ``app.common.retry``: that
    module importing ``app.api`` would make the lower layer import the higher one through it.
    Without the contract it is told to import the more imported copy."""
    files = _layered({".importlinter": _LAYERS_INI})
    del files["app/domain/retry.py"]
    files.update({"app/domain/model.py": "import app.common.retry\n", "app/common/__init__.py": "", "app/common/retry.py": _RETRY})
    (v,) = _findings(make_repo, cli, files)
    assert v["path"] == "app/common/retry.py"
    assert "import it from app.api.retry" not in v["message"]
    assert (
        "importing it from app.api.retry would make app.domain.model import app.api.retry through app.common.retry, "
        "and the project's import-linter contract 'the app layers' (.importlinter) forbids app.domain to import app.api"
    ) in v["message"]
    assert v.get("fix") is None
    del files[".importlinter"]
    (v,) = _findings(make_repo, cli, files, name="without")
    assert "import it from app.api.retry" in v["message"]


def test_an_enum_follows_the_contract_too(make_repo, cli):
    status = "import enum\n\n\nclass Status(enum.Enum):\n    READY = 'ready'\n    DONE = 'done'\n"
    files = _layered({".importlinter": _LAYERS_INI})
    files.update({"app/api/status.py": status, "app/api/use.py": "from app.api.status import Status\n", "app/domain/status.py": status})
    found = _findings(make_repo, cli, files, "SSOT006")
    assert found
    assert all("import Status from app.api" not in v["message"] for v in found)


def test_a_contract_file_that_does_not_parse_changes_nothing(make_repo, cli):
    (v,) = _findings(make_repo, cli, _layered({".importlinter": "[importlinter:contract:x\nlayers = \x00\n"}))
    assert "import it from app.api.retry" in v["message"]
