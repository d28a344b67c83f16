"""SSOT004 when the project has none of the configured base test cases: nothing to enforce,
so no findings, and one warning that says how to configure the rule."""

from __future__ import annotations

TESTS = {
    "app/__init__.py": "",
    "tests/test_plain.py": "import unittest\n\nclass TestPlain(unittest.TestCase):\n    def test_x(self):\n        pass\n",
    "tests/test_bare.py": "class TestBare:\n    def test_y(self):\n        pass\n",
}
WARNING = (
    "ssotlint: warning: SSOT004 reports nothing: no configured test-base-classes "
    "(SSotBaseTestCase, SSotAsyncTestCase) exists in this project, so its 2 test classes are not "
    "checked; set test-base-classes in [tool.ssotlint] to the base test case your tests must "
    'inherit (a class name or dotted module.Class), or ignore = ["SSOT004"]'
)


def test_no_configured_base_means_no_findings_and_one_warning(make_repo, cli):
    root = make_repo(TESTS)
    result = cli("check", str(root), "--format", "json")
    assert result.code == 0
    assert result.json()["violations"] == []
    assert result.err.splitlines() == [WARNING]
    warm = cli("check", str(root), "--format", "json")  # the outcome comes from the cache
    assert warm.err.splitlines() == [WARNING]


def test_the_warning_goes_when_the_rule_is_off_or_a_base_is_configured(make_repo, cli):
    ignored = make_repo(TESTS, config='ignore = ["SSOT004"]\n', name="ignored")
    assert cli("check", str(ignored), "--no-cache").err == ""
    configured = make_repo(TESTS, config='test-base-classes = ["TestCase"]\n', name="configured")
    result = cli("check", str(configured), "--format", "json", "--no-cache")
    assert result.code == 1
    assert "SSOT004 reports nothing" not in result.err
    assert [(v["rule"], v["path"], v["line"]) for v in result.json()["violations"]] == [
        ("SSOT004", "tests/test_bare.py", 1)
    ]


def test_a_base_defined_in_the_project_is_enforced(make_repo, cli):
    root = make_repo({**TESTS, "testing/base.py": "import unittest\n\nclass SSotBaseTestCase(unittest.TestCase): ...\n"})
    result = cli("check", str(root), "--format", "json", "--no-cache")
    assert result.code == 1
    assert result.err == ""
    assert [(v["path"], v["line"], v["message"]) for v in result.json()["violations"]] == [
        ("tests/test_bare.py", 1, "test class TestBare does not inherit from an SSOT base test case "
         "(SSotBaseTestCase, SSotAsyncTestCase); fixtures such as self.logger are missing"),
        ("tests/test_plain.py", 3, "test class TestPlain does not inherit from an SSOT base test case "
         "(SSotBaseTestCase, SSotAsyncTestCase); fixtures such as self.logger are missing"),
    ]


def test_no_warning_for_a_project_without_test_classes(make_repo, cli):
    root = make_repo({"app/__init__.py": "", "tests/test_funcs.py": "def test_x():\n    pass\n"})
    result = cli("check", str(root), "--no-cache")
    assert (result.code, result.err) == (0, "")


def test_diff_prints_the_warning_once(make_repo, cli):
    root = make_repo(TESTS, git_init=True)
    (root / "app/new.py").write_text("X = 1\n")
    result = cli("diff", str(root), "--no-cache")
    assert result.code == 0, result.out
    assert [line for line in result.err.splitlines() if "SSOT004 reports nothing" in line] == [WARNING]
