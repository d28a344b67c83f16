"""When nothing else decides, SSOT001 keeps the copy in the module named for the class
(cartography's ``subnet_networkinterface.py`` for ``EC2SubnetToNetworkInterfaceRelProperties``),
not the first by path (a copy pasted into ``securitygroup_networkinterface.py`` without its
new name), and tells the other that it may be misnamed rather than a copy."""

from __future__ import annotations

_PROPS = "class SubnetToInterfaceRelProperties:\n    lastupdated = 'lastupdated'\n"


def _files(pasted: str = "securitygroup_interface.py") -> dict[str, str]:
    return {
        "app/__init__.py": "",
        "app/models/__init__.py": "",
        f"app/models/{pasted}": _PROPS + "\n\nclass SecurityGroupToInterface:\n    properties = SubnetToInterfaceRelProperties()\n",
        "app/models/subnet_interface.py": _PROPS + "\n\nclass SubnetToInterface:\n    properties = SubnetToInterfaceRelProperties()\n",
    }


def _findings(make_repo, cli, files: dict[str, str], name: str = "repo") -> list[dict]:
    result = cli("check", str(make_repo(files, name=name)), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT001")
    return [v for v in result.json()["violations"] if v["rule"] == "SSOT001"]


def test_the_copy_in_the_module_named_for_it_is_kept_and_the_other_may_be_misnamed(make_repo, cli):
    (v,) = _findings(make_repo, cli, _files())
    assert v["path"] == "app/models/securitygroup_interface.py"
    assert v["details"]["chosen_by"] == "named-module"
    assert "the one in the module named for it (subnet_interface; none is imported more, none is configured)" in v["message"]
    assert "unless this one is meant for what its module (securitygroup_interface.py) is named for: then rename it" in v["message"]
    assert v["fix"] is None


def test_when_neither_module_is_named_for_it_the_first_by_path_is_kept(make_repo, cli):
    files = _files()
    files["app/models/links.py"] = files.pop("app/models/subnet_interface.py")
    (v,) = _findings(make_repo, cli, files, name="neither")
    assert v["path"] == "app/models/securitygroup_interface.py"
    assert v["details"]["chosen_by"] == "first-by-path"
    assert "rename" not in v["message"]
