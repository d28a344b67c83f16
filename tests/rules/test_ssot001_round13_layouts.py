"""Round 13 (SSOT001): parts of one layout whose module is named for its part
(prowler's ``providers/aws/services/<service>/<service>_service.py``): each service keeps
its own resource models, named alike (``DBCluster`` for RDS and DocumentDB) because the
services are alike. A class named for the other part (``ZoneFirewallRule`` in ``zone``,
beside a ``firewall`` part) is that part's concept, and compared as usual."""

from __future__ import annotations

_MODEL = "from pydantic import BaseModel\n\n\nclass {name}(BaseModel):\n{fields}"


def _fields(*names: str) -> str:
    return "".join(f"    {n}: str\n" for n in names)


def _services(extra: dict[str, str]) -> dict[str, str]:
    files = {"app/__init__.py": "", "app/services/__init__.py": ""}
    for service in ("ecs", "rds", "efs", "zone", "firewall"):
        files[f"app/services/{service}/__init__.py"] = ""
        files[f"app/services/{service}/{service}_service.py"] = f"class {service.title()}:\n    pass\n"
    files.update(extra)
    return files


def _findings(make_repo, cli, files: dict[str, str], name: str = "repo") -> list[tuple[str, int]]:
    root = make_repo(files, name=name)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT001")
    return sorted((v["path"], v["line"]) for v in result.json()["violations"] if v["rule"] == "SSOT001")


def test_each_service_module_keeps_its_own_models(make_repo, cli):
    cluster = _fields("id", "arn", "name", "region", "engine")
    files = _services({
        "app/services/rds/rds_service.py": _MODEL.format(name="DBCluster", fields=cluster + _fields("backtrack")),
        "app/services/ecs/ecs_service.py": _MODEL.format(name="DBCluster", fields=cluster + _fields("multi_az")),
    })
    assert _findings(make_repo, cli, files) == []


def test_a_class_named_for_the_other_part_is_compared(make_repo, cli):
    rule = _fields("id", "name", "action", "expression", "enabled")
    files = _services({
        "app/services/firewall/firewall_service.py": _MODEL.format(name="FirewallRule", fields=rule),
        "app/services/zone/zone_service.py": _MODEL.format(name="FirewallRule", fields=rule + _fields("zone_id")),
        "app/services/zone/use.py": "from app.services.firewall.firewall_service import FirewallRule\n",
    })
    assert _findings(make_repo, cli, files) == [("app/services/zone/zone_service.py", 4)]


def test_modules_of_other_names_are_no_layout(make_repo, cli):
    """Two folders' modules that are not named for their folders are compared as usual."""
    cluster = _fields("id", "arn", "name", "region", "engine")
    files = _services({
        "app/services/rds/models.py": _MODEL.format(name="DBCluster", fields=cluster),
        "app/services/ecs/helpers.py": _MODEL.format(name="DBCluster", fields=cluster),
    })
    assert len(_findings(make_repo, cli, files)) == 1
