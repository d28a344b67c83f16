"""A client a generator writes from its server's API (data-product-portal's
``sdk/sdk/api_client/``, marked ``linguist-generated=true`` in ``.gitattributes``, its files
carrying no header that says so) mirrors the server's enums and models in another
distribution: its generator keeps them in step, and neither is told to import the other."""

from __future__ import annotations

ENUM = "from enum import Enum\n\n\nclass DataProductStatus(str, Enum):\n    PENDING = 'pending'\n    ACTIVE = 'active'\n    ARCHIVED = 'archived'\n"

FILES = {
    "backend/pyproject.toml": '[project]\nname = "app"\ndependencies = ["fastapi"]\n',
    "backend/app/__init__.py": "",
    "backend/app/status.py": ENUM,
    "sdk/pyproject.toml": '[project]\nname = "portal-sdk"\ndependencies = ["httpx"]\n',
    "sdk/sdk/__init__.py": "",
    "sdk/sdk/api_client/__init__.py": "",
    "sdk/sdk/api_client/models/__init__.py": "",
    "sdk/sdk/api_client/models/data_product_status.py": ENUM,
}


def _rules(cli, root) -> list[tuple[str, str]]:
    result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT001,SSOT006")
    return [(v["rule"], v["path"]) for v in result.json()["violations"]]


def test_a_generated_client_mirrors_its_server(make_repo, cli):
    root = make_repo({**FILES, ".gitattributes": "sdk/sdk/api_client/** linguist-generated=true\n"})
    assert _rules(cli, root) == []


def test_without_the_attribute_the_copies_are_reported(make_repo, cli):
    root = make_repo({**FILES, ".gitattributes": "*.py text eol=lf\n"})
    assert len(_rules(cli, root)) == 1
    # ... nor when a later line unsets it.
    unset = make_repo(
        {**FILES, ".gitattributes": "sdk/** linguist-generated=true\nsdk/sdk/api_client/** -linguist-generated\n"}, name="unset"
    )
    assert len(_rules(cli, unset)) == 1
