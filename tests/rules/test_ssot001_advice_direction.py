"""SSOT001 never tells two modules to import from each other: following both findings would
make the two modules import each other at load time."""

from __future__ import annotations

_CASE = "class {name}:\n    id: int\n    title: str\n    status: str\n"


def _findings(make_repo, cli, files: dict[str, str]) -> list[dict]:
    root = make_repo({"app/__init__.py": "", **files})
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
