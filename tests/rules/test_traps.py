"""The trap repository (tests/fixtures/traps): every planted defect found, nothing else.

Each trap is a construct that naive import analysis gets wrong: TYPE_CHECKING and
function-local imports, try/except ImportError, module __getattr__, star re-exports,
submodule imports, Protocol/Enum/ABC/alias named like a manager, a base test case reached
through a mixin in another module, coding cookies, a BOM, namespace packages, deep
relative imports, imports under `if __name__ == "__main__":`.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES

PLANTED = {
    ("SSOT001", "app/ws/rogue.py", 4),
    ("SSOT002", "app/cycles/x.py", 2),
    ("SSOT003", "app/deep/a/b/c/mod.py", 2),
    ("SSOT003", "app/imports/user.py", 11),
    ("SSOT003", "app/imports/user.py", 12),
    ("SSOT004", "tests/test_bad.py", 1),
    ("SSOT006", "app/enums/other_status.py", 5),  # status.py is the module named for it
}


@pytest.fixture
def traps(tmp_path: Path) -> Path:
    root = tmp_path / "traps"
    shutil.copytree(FIXTURES / "traps", root)
    return root


def found(result) -> set[tuple[str, str, int]]:
    return {(v["rule"], v["path"], v["line"]) for v in result.json()["violations"]}


def test_exactly_the_planted_defects(traps, cli):
    result = cli("check", str(traps), "--format", "json", "--no-cache")
    assert result.code == 1
    assert found(result) == PLANTED


def test_type_checking_cycles_on_request(traps, cli):
    pyproject = traps / "pyproject.toml"
    pyproject.write_text(pyproject.read_text().replace("[tool.ssotlint]\n", '[tool.ssotlint]\ntype-checking-imports = "include"\n'))
    result = cli("check", str(traps), "--format", "json", "--no-cache", "--select", "SSOT002")
    cycles = sorted(tuple(v["details"]["modules"]) for v in result.json()["violations"])
    assert cycles == [("app.cycles.a", "app.cycles.b"), ("app.cycles.x", "app.cycles.y")]


def test_cycle_details_name_every_edge(traps, cli):
    result = cli("check", str(traps), "--format", "json", "--no-cache", "--select", "SSOT002")
    (violation,) = result.json()["violations"]
    details = violation["details"]
    assert details["modules"] == ["app.cycles.x", "app.cycles.y"]
    assert [(e["path"], e["line"], e["import"]) for e in details["edges"]] == [
        ("app/cycles/x.py", 2, "from app.cycles import y"),
        ("app/cycles/y.py", 1, "import app.cycles.x"),
    ]
    assert len(details["suggested_fix"]) == 1
    assert "break it by moving" in violation["message"]


def test_encodings_are_analysed_not_reported(traps, cli):
    result = cli("check", str(traps), "--format", "json", "--no-cache")
    paths = {v["path"] for v in result.json()["violations"]}
    assert "app/encoding/latin.py" not in paths and "app/encoding/bom.py" not in paths
    assert result.json()["summary"]["files_not_analysed"] == 0
