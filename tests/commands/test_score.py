"""`ssotlint score`: figures consistent with `check`, thresholds, JSON."""

from __future__ import annotations

FILES = {
    "app/__init__.py": "",
    "app/a.py": "from app.b import Gone\nfrom app.b import Missing\n",
    "app/b.py": "X = 1\n",
    "lib/__init__.py": "",
    "lib/c.py": "X = 1\r\n",
    "tests/__init__.py": "",
    # The base exists (SSOT004 enforces only a base that exists); TestA bypasses it.
    "tests/test_a.py": "class SSotBaseTestCase: ...\n\nclass TestA:\n    def test_x(self):\n        pass\n",
}


def test_text_figures(make_repo, cli):
    root = make_repo(FILES)
    result = cli("score", str(root), "--no-cache")
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0] == "Production code:  60.0% SSOT compliant (5 files, 3 violations)"
    assert lines[1] == "Tests:            50.0% SSOT compliant (2 files, 1 violation)"
    assert lines[2] == "Overall:          57.1% SSOT compliant (7 files, 4 violations)"
    assert "By top-level package" in result.out and "Violations by rule" in result.out


def test_json_consistent_with_check(make_repo, cli):
    root = make_repo(FILES)
    score = cli("score", str(root), "--format", "json", "--no-cache").json()
    check = cli("check", str(root), "--format", "json", "--no-cache").json()
    assert score["overall"]["violations"] == check["summary"]["violations"] == 4
    assert score["overall"]["files"] == check["files"]
    assert score["overall"]["files_with_violations"] == check["summary"]["files_with_violations"]
    assert score["by_rule"] == check["summary"]["by_rule"]
    assert score["by_package"]["app"] == {"score": 66.7, "files": 3, "clean_files": 2, "files_with_violations": 1, "violations": 2}
    assert score["passed"] is True


def test_thresholds(make_repo, cli):
    root = make_repo(FILES)
    assert cli("score", str(root), "--min-score", "57", "--no-cache").code == 0
    failing = cli("score", str(root), "--min-score", "57.2", "--no-cache")
    assert failing.code == 1 and "overall score 57.1% is below the minimum 57.2%" in failing.out
    assert cli("score", str(root), "--min-score-production", "61", "--no-cache").code == 1
    assert cli("score", str(root), "--min-score", "101").code == 2


def test_fail_under_from_configuration(make_repo, cli):
    root = make_repo(FILES, config="fail-under = 90\n")
    result = cli("score", str(root), "--format", "json", "--no-cache")
    assert result.code == 1
    assert result.json()["passed"] is False
    assert result.json()["thresholds"]["overall"] == 90.0
