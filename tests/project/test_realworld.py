"""benchmarks/realworld.py: worksheets, tallies and comparisons a reviewer relies on."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

SCRIPT = REPO_ROOT / "benchmarks" / "realworld.py"


@pytest.fixture(scope="module")
def realworld():
    spec = importlib.util.spec_from_file_location("realworld", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["realworld"] = module
    spec.loader.exec_module(module)
    yield module
    sys.modules.pop("realworld", None)


def _finding(rule: str, path: str, line: int, fingerprint: str, message: str = "m", **details) -> dict:
    return {"rule": rule, "path": path, "line": line, "col": 0, "message": message,
            "fingerprint": fingerprint, "details": details}


def test_worksheet_shows_context_other_definition_and_empty_verdicts(realworld, tmp_path, make_repo, cli):
    root = make_repo({
        "app/__init__.py": "",
        "app/a.py": "import os\n\n\nclass Settings:\n    debug = False\n",
        "app/b.py": "class Settings:\n    debug = True\n",
        "app/c.py": "from app.gone import thing\n",
    })
    document = cli("check", str(root), "--format", "json", "--no-cache").json()
    sheet = realworld.worksheet(document, per_rule=5, seed=1)
    by_rule = {e["rule"]: e for e in sheet["entries"]}
    assert set(by_rule) == {"SSOT001", "SSOT003"}
    dup = by_rule["SSOT001"]
    assert dup["verdict"] == "" and dup["error_class"] == ""
    assert dup["other"]["line"] in (1, 4) and dup["other"]["path"] in ("app/a.py", "app/b.py")
    assert dup["other"]["path"] != dup["path"]
    assert any(line.startswith(">") and "class Settings" in line for line in dup["other"]["context"])
    broken = by_rule["SSOT003"]
    assert "other" not in broken
    assert broken["context"] == [">     1  from app.gone import thing"]
    text = realworld.worksheet_markdown(sheet, "tiny")
    assert "## SSOT003 (1 findings)" in text and "- verdict: \n" in text
    assert "other definition: " in text


def test_sample_is_per_rule_bounded_and_deterministic(realworld):
    violations = [_finding("SSOT003", f"m{i}.py", i, f"f{i}") for i in range(1, 40)]
    violations += [_finding("SSOT002", "x.py", 1, "g1")]
    first = realworld.draw_sample(violations, 5, seed=7)
    assert [v["rule"] for v in first].count("SSOT003") == 5
    assert [v["rule"] for v in first].count("SSOT002") == 1
    assert first == realworld.draw_sample(list(reversed(violations)), 5, seed=7)
    assert first != realworld.draw_sample(violations, 5, seed=8)
    only = realworld.draw_sample(violations, 5, seed=7, rules=["SSOT002"])
    assert [v["fingerprint"] for v in only] == ["g1"]


def test_tally_computes_precision_over_judged_findings(realworld):
    entries = [
        {"rule": "SSOT003", "verdict": "right"},
        {"rule": "SSOT003", "verdict": "right"},
        {"rule": "SSOT003", "verdict": "right"},
        {"rule": "SSOT003", "verdict": "wrong", "error_class": "import under pytest.raises"},
        {"rule": "SSOT003", "verdict": "unsure"},
        {"rule": "SSOT001", "verdict": ""},
    ]
    result = realworld.tally(entries)
    assert result["SSOT003"]["precision"] == 0.75
    assert result["SSOT003"]["classes"] == {"import under pytest.raises": 1}
    assert result["SSOT001"]["precision"] is None and result["SSOT001"]["open"] == 1
    table = realworld.tally_markdown(result)
    assert "| SSOT003 | 4 | 3 | 1 | 1 | 0.75 | import under pytest.raises (1) |" in table


def test_compare_lists_appeared_and_disappeared_by_fingerprint(realworld, tmp_path):
    old = {"violations": [_finding("SSOT001", "a.py", 3, "keep"), _finding("SSOT001", "b.py", 9, "gone", "dup B")]}
    new = {"violations": [_finding("SSOT001", "a.py", 4, "keep"), _finding("SSOT003", "c.py", 1, "new", "broken C")]}
    result = realworld.compare(old, new)
    assert result["counts"] == {"SSOT001": {"old": 2, "new": 1}, "SSOT003": {"old": 0, "new": 1}}
    assert [v["fingerprint"] for v in result["appeared"]] == ["new"]
    assert [v["fingerprint"] for v in result["disappeared"]] == ["gone"]
    text = realworld.compare_markdown(result, limit=10)
    assert "| SSOT001 | 2 | 1 | -1 | 0 | 1 |" in text
    assert "- SSOT003 c.py:1 broken C" in text and "- SSOT001 b.py:9 dup B" in text
    rekeyed = {"violations": [_finding("SSOT001", "a.py", 3, "key-v2"), _finding("SSOT001", "b.py", 9, "gone-v2")]}
    assert realworld.compare(old, rekeyed)["appeared"] == [] == realworld.compare(old, rekeyed)["disappeared"]
    (tmp_path / "old.json").write_text(json.dumps(old))
    (tmp_path / "new.json").write_text(json.dumps(new))
    assert realworld.main(["--compare", str(tmp_path / "old.json"), str(tmp_path / "new.json")]) == 0


def test_counts_table_has_a_column_per_corpus(realworld):
    runs = {
        "one": {"files": 3, "violations": [_finding("SSOT003", "a.py", 1, "x")], "realworld": {"seconds": 1.5}},
        "two": {"files": 5, "violations": []},
    }
    table = realworld.counts_table(runs)
    assert "| rule | one | two |" in table
    assert "| SSOT003 | 1 | 0 |" in table
    assert "| files | 3 | 5 |" in table and "| seconds | 1.5 | ? |" in table


def test_compare_tags_disappeared_findings_with_their_hand_verdicts(realworld, tmp_path):
    old = {"violations": [_finding("SSOT003", "a.py", 1, "tp", "true one"), _finding("SSOT003", "b.py", 2, "fp", "false one"),
                          _finding("SSOT003", "c.py", 3, "unjudged", "never read")]}
    new = {"violations": []}
    sheet = tmp_path / "filled.json"
    sheet.write_text(json.dumps({"entries": [
        {"rule": "SSOT003", "path": "a.py", "line": 1, "fingerprint": "tp", "verdict": "right"},
        {"rule": "SSOT003", "path": "b.py", "line": 2, "fingerprint": "fp", "verdict": "Wrong "},
        {"rule": "SSOT003", "path": "c.py", "line": 3, "fingerprint": "unjudged", "verdict": ""},
    ]}))
    verdicts = realworld.load_verdicts([sheet])
    assert verdicts.by_fingerprint == {"tp": "right", "fp": "wrong"}
    assert verdicts.get(_finding("SSOT003", "b.py", 2, "new-key")) == "wrong"  # same site, new fingerprint
    text = realworld.compare_markdown(realworld.compare(old, new), limit=10, verdicts=verdicts)
    assert "1 judged right (lost true positives), 1 judged wrong (fixed false positives)" in text
    assert "- SSOT003 a.py:1 [judged right] true one" in text
    assert "- SSOT003 b.py:2 [judged wrong] false one" in text
    assert "- SSOT003 c.py:3 never read" in text


def test_worksheets_of_different_draws_do_not_overwrite_each_other(realworld, tmp_path, make_repo):
    root = make_repo({"app/__init__.py": "", "app/c.py": "from app.gone import thing\n"})
    out = tmp_path / "out"
    (out).mkdir()
    document = {"root": str(root), "violations": [_finding("SSOT003", "app/c.py", 1, "x", "broken")]}
    realworld._write_worksheets(document, "tiny", out, 5, 1, [])
    realworld._write_worksheets(document, "tiny", out, 5, 2, ["SSOT003"])
    assert sorted(p.name for p in out.iterdir()) == [
        "worksheet-tiny-s1.json", "worksheet-tiny-s1.md", "worksheet-tiny-s2-SSOT003.json", "worksheet-tiny-s2-SSOT003.md"]


def test_compare_shows_a_duplicate_reported_on_the_other_definition_as_moved(realworld):
    def dup(path: str, other: str, fingerprint: str) -> dict:
        module = path[:-3].replace("/", ".")
        return _finding("SSOT001", path, 1, fingerprint, f"{path} dup", **{
            "class": f"{module}.Settings", "canonical": f"{other[:-3].replace('/', '.')}.Settings", "canonical_path": other})
    old = {"violations": [dup("app/b.py", "app/a.py", "on-b")]}
    new = {"violations": [dup("app/a.py", "app/b.py", "on-a")]}
    result = realworld.compare(old, new)
    assert result["appeared"] == [] and result["disappeared"] == []
    assert [(o["path"], n["path"]) for o, n in result["moved"]] == [("app/b.py", "app/a.py")]
    assert "## Moved to the other definition of the pair (1)" in realworld.compare_markdown(result, limit=5)
    other_name = {"violations": [dict(dup("app/a.py", "app/b.py", "on-a"), details={
        "class": "app.a.Config", "canonical": "app.b.Config", "canonical_path": "app/b.py"})]}
    assert len(realworld.compare(old, other_name)["disappeared"]) == 1


def test_find_sdist_picks_the_project_not_a_project_with_a_longer_name(realworld, tmp_path):
    for name in ("django_extensions-3.2.3.tar.gz", "Django-5.2.19.tar.gz", "sentry_sdk-2.75.0.tar.gz"):
        (tmp_path / name).write_bytes(b"")
    assert realworld.find_sdist(tmp_path, "django==5.2.19").name == "Django-5.2.19.tar.gz"
    assert realworld.find_sdist(tmp_path, "sentry-sdk").name == "sentry_sdk-2.75.0.tar.gz"
    with pytest.raises(SystemExit):
        realworld.find_sdist(tmp_path, "flask")
