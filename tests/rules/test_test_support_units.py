"""Test tooling units: a distribution the repository's other units require for their tests
alone, or only from a unit named for tests, is test code for SSOT001. datalens'
``dl-api-client`` (an HTTP client of the service, listed under
``[tool.poetry.group.tests.dependencies]`` and required by ``dl-api-lib-testing``) mirrors
the server's models: 17 findings there were read as noise."""

from __future__ import annotations

import pytest

_ROLE = "import attr\n\n\n@attr.s\nclass RoleSpec:\n    role: str = attr.ib()\n    visible: bool = attr.ib()\n"


def _repo(app_group: str) -> dict[str, str]:
    return {
        "core/pyproject.toml": '[tool.poetry]\nname = "acme-core"\n\n[tool.poetry.dependencies]\nattrs = "*"\n',
        "core/acme_core/__init__.py": "",
        "core/acme_core/legend.py": _ROLE,
        "core/acme_core/query.py": "from acme_core.legend import RoleSpec\n",
        "client/pyproject.toml": '[tool.poetry]\nname = "acme-client"\n\n[tool.poetry.dependencies]\nattrs = "*"\n',
        "client/acme_client/__init__.py": "",
        "client/acme_client/primitives.py": _ROLE + "\n\n@attr.s\nclass Dataset:\n    roles: list = attr.ib()\n\n\n"
        "class Dataset:\n    pass\n",
        "core_testing/pyproject.toml": (
            '[tool.poetry]\nname = "acme-core-testing"\n\n[tool.poetry.dependencies]\n'
            'acme-client = {path = "../client"}\nacme-core = {path = "../core"}\n'
        ),
        "core_testing/acme_core_testing/__init__.py": "",
        "core_testing/acme_core_testing/base.py": "from acme_client.primitives import Dataset\n",
        "app/pyproject.toml": (
            '[tool.poetry]\nname = "acme-app"\n\n[tool.poetry.dependencies]\nacme-core = {path = "../core"}\n'
            + (f'\n[{app_group}]\n' if app_group else "") + 'acme-client = {path = "../client"}\n'
        ),
        "app/acme_app/__init__.py": "",
        "app/acme_app/views.py": "from acme_core.query import RoleSpec\n",
    }


def _found(cli, root) -> list[tuple[str, int]]:
    result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT001")
    return sorted((v["path"], v["line"]) for v in result.json()["violations"])


@pytest.mark.parametrize("group", ["tool.poetry.group.tests.dependencies", "tool.poetry.dev-dependencies"])
def test_a_client_the_others_require_for_their_tests_alone_is_test_tooling(make_repo, cli, group):
    """Its copy of the server's model is not reported; a class it defines twice in one
    module still is (line 15 replaces line 11)."""
    assert _found(cli, make_repo(_repo(group))) == [("client/acme_client/primitives.py", 15)]


def test_the_same_client_the_application_needs_is_product_code(make_repo, cli):
    root = make_repo(_repo(""))  # in [tool.poetry.dependencies]
    assert _found(cli, root) == [("client/acme_client/primitives.py", 15), ("core/acme_core/legend.py", 5)]


def test_a_unit_no_test_named_unit_requires_is_product_code(make_repo, cli):
    """Listed by the application for its tests alone, but required by nothing named for
    tests: a library whose consumers may not say so as data."""
    files = _repo("tool.poetry.group.tests.dependencies")
    files["core_testing/pyproject.toml"] = files["core_testing/pyproject.toml"].replace('acme-client = {path = "../client"}\n', "")
    assert _found(cli, make_repo(files)) == [("client/acme_client/primitives.py", 15), ("core/acme_core/legend.py", 5)]


def test_its_enums_are_test_code_too(make_repo, cli):
    files = _repo("tool.poetry.group.tests.dependencies")
    enum = "import enum\n\n\nclass FieldRole(enum.Enum):\n    row = 'row'\n    total = 'total'\n"
    files["core/acme_core/roles.py"] = enum
    files["client/acme_client/roles.py"] = enum
    files["app/acme_app/views.py"] += "from acme_core.roles import FieldRole\n"
    result = cli("check", str(make_repo(files)), "--format", "json", "--no-cache", "--select", "SSOT006")
    assert result.json()["violations"] == []
    files["app/pyproject.toml"] = files["app/pyproject.toml"].replace("[tool.poetry.group.tests.dependencies]\n", "")
    result = cli("check", str(make_repo(files, name="needed")), "--format", "json", "--no-cache", "--select", "SSOT006")
    assert [v["path"] for v in result.json()["violations"]] == ["core/acme_core/roles.py"]


def test_the_repository_named_for_tests_is_the_product(make_repo, cli):
    """scylla-cluster-tests' root ``pyproject.toml`` names the distribution for tests: its
    ``sdcm/`` framework is what the repository makes, and its copies are reported."""
    files = {
        "pyproject.toml": "[project]\nname = 'scylla-cluster-tests'\nversion = '0.1'\n",
        "sdcm/__init__.py": "",
        "sdcm/utils.py": "class Singleton(type):\n    _instances = {}\n\n    def __call__(cls, *args):\n"
        "        if cls not in cls._instances:\n            cls._instances[cls] = super().__call__(*args)\n"
        "        return cls._instances[cls]\n",
        "sdcm/aws.py": "from sdcm.utils import Singleton as _S\n",
    }
    files["sdcm/provision.py"] = files["sdcm/utils.py"]
    assert _found(cli, make_repo(files)) == [("sdcm/provision.py", 1)]
