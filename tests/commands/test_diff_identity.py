"""`ssotlint diff` on scripted histories: a finding is identified by what it is about.

For every rule, a commit that changes only why (or how) a violation is reported leaves
`new` and `fixed` empty and shows the violation as "changed"; `--fail-on new` passes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Mapping

from tests.conftest import git, write_files


def commit(root: Path, changes: Mapping[str, str | None], message: str = "change") -> None:
    """Write (or delete, for None) files and commit them."""
    for rel, content in changes.items():
        if content is None:
            (root / rel).unlink()
    write_files(root, {k: v for k, v in changes.items() if v is not None})
    git(root, "add", "-A")
    git(root, "commit", "-qm", message)


def diff_last_commit(cli, root: Path) -> tuple[int, dict]:
    result = cli("diff", str(root), "--base", "HEAD~1", "--format", "json", "--no-cache")
    assert result.code in (0, 1), result.err
    return result.code, result.json()


def where(violations: list[dict]) -> list[tuple[str, int, str]]:
    return [(v["path"], v["line"], v["rule"]) for v in violations]


def test_missing_module_becomes_missing_name_in_an_untouched_file(make_repo, cli):
    root = make_repo({"app/__init__.py": "", "app/user.py": "import os\nfrom app.x import Y\n"}, git_init=True)
    commit(root, {"app/x.py": "Z = 1\n"})  # adds the module, not the name; user.py untouched
    code, document = diff_last_commit(cli, root)
    assert code == 0
    assert document["new"] == [] and document["fixed"] == []
    [changed] = document["changed"]
    assert (changed["path"], changed["line"], changed["rule"]) == ("app/user.py", 2, "SSOT003")
    assert "cannot import name 'Y'" in changed["message"]
    assert changed["previous"]["message"] == "`from app.x import Y`: package app has no module 'x'"
    assert changed["previous"]["line"] == 2
    assert changed["fingerprint"] == changed["previous"]["fingerprint"]
    assert document["unchanged"] == 0
    # and back: deleting the module again is not new either
    commit(root, {"app/x.py": None})
    code, document = diff_last_commit(cli, root)
    assert code == 0 and document["new"] == [] and len(document["changed"]) == 1


def test_a_statement_broken_as_a_whole_then_name_by_name_is_not_new(make_repo, cli):
    root = make_repo({"app/__init__.py": "", "app/user.py": "from app.x import Y, Z as Zed\n"}, git_init=True)
    commit(root, {"app/x.py": "W = 1\n"})
    code, document = diff_last_commit(cli, root)
    assert code == 0
    assert document["new"] == [] and document["fixed"] == []
    assert sorted(v["message"].split(" from ")[0] for v in document["changed"]) == [
        "cannot import name 'Y'",
        "cannot import name 'Z'",
    ]
    commit(root, {"app/x.py": None})  # one violation again: nothing fixed, nothing new
    code, document = diff_last_commit(cli, root)
    assert code == 0 and document["new"] == [] and document["fixed"] == []
    assert len(document["changed"]) == 1


def test_a_second_identical_broken_import_is_new(make_repo, cli):
    root = make_repo({"app/__init__.py": "", "app/user.py": "from app.x import Y\n"}, git_init=True)
    commit(root, {"app/user.py": "from app.x import Y\n\n\ndef f():\n    from app.x import Y\n    return Y\n"})
    code, document = diff_last_commit(cli, root)
    assert code == 1
    assert where(document["new"]) == [("app/user.py", 5, "SSOT003")]
    assert document["unchanged"] == 1 and document["changed"] == []


def test_a_name_of_a_statement_already_broken_repeated_elsewhere_is_new(make_repo, cli):
    root = make_repo({"app/__init__.py": "", "app/user.py": "from app.x import Y, Z\n"}, git_init=True)
    commit(root, {"app/user.py": "from app.x import Y, Z\nfrom app.x import Z\n"})
    code, document = diff_last_commit(cli, root)
    assert code == 1
    assert where(document["new"]) == [("app/user.py", 2, "SSOT003")]


def test_text_output_shows_changed_and_fail_on_new_passes(make_repo, cli):
    root = make_repo({"app/__init__.py": "", "app/user.py": "from app.x import Y\n"}, git_init=True)
    commit(root, {"app/x.py": "Z = 1\n"})
    result = cli("diff", str(root), "--base", "HEAD~1", "--no-cache")
    assert result.code == 0, result.out
    assert "Changed since HEAD~1" in result.out
    assert "app/user.py:1:1: SSOT003 cannot import name 'Y'" in result.out
    assert "    was: app/user.py:1: `from app.x import Y`: package app has no module 'x'" in result.out
    assert "0 new violations, 0 fixed, 1 changed, 0 still present" in result.out
    assert "New violations" not in result.out


def test_syntax_error_that_moves_and_changes_kind_is_changed(make_repo, cli):
    root = make_repo({"app/bad.py": "def f(:\n    pass\n"}, git_init=True)
    commit(root, {"app/bad.py": "x = 1\n\n\nif True:\nz = 2\n"})
    code, document = diff_last_commit(cli, root)
    assert code == 0 and document["new"] == [] and document["fixed"] == []
    [changed] = document["changed"]
    assert changed["line"] == 5 and changed["previous"]["line"] != 5


def test_syntax_error_kinds_share_an_identity(make_repo, cli):
    root = make_repo({"app/bad.py": b"x = '\xff'\n"}, git_init=True)  # not UTF-8: a decode problem
    commit(root, {"app/bad.py": "def f(:\n"})
    code, document = diff_last_commit(cli, root)
    assert code == 0, document
    assert document["new"] == [] and len(document["changed"]) == 1
    assert document["changed"][0]["details"]["kind"] == "syntax"


def test_cycle_that_a_module_joins_is_changed_not_new(make_repo, cli):
    # Each cycle can fail: a and c read b.VALUE while they are imported, and b first fails.
    root = make_repo(
        {"app/__init__.py": "", "app/a.py": "from app import b\n\nLIMIT = b.VALUE\n", "app/b.py": "from app import a\n\nVALUE = 1\n"},
        git_init=True,
    )
    # c joins the component through b; the a <-> b cycle is the same finding, reworded.
    commit(root, {
        "app/b.py": "from app import a\nfrom app import c\n\nVALUE = 1\n", "app/c.py": "from app import b\n\nSIZE = b.VALUE\n",
    })
    code, document = diff_last_commit(cli, root)
    assert where(document["new"]) == [("app/b.py", 2, "SSOT002")]  # the b <-> c cycle is new
    assert document["fixed"] == []
    [changed] = document["changed"]
    assert changed["details"]["modules"] == ["app.a", "app.b"]
    assert "part of a cycle of 3 modules" in changed["message"]
    assert "part of a cycle" not in changed["previous"]["message"]


def test_duplicate_whose_canonical_changes_is_changed(make_repo, cli):
    files = {
        "app/__init__.py": "",
        # Copies of one class (a line written alike), not a convention of siblings.
        "app/a.py": "class Settings:\n    timeout = 30\n    debug = False\n",
        "app/b.py": "class Settings:\n    timeout = 30\n    debug = True\n",
        "app/c.py": "class Settings:\n    timeout = 30\n    debug = None\n",
    }
    root = make_repo(files, git_init=True)
    commit(root, {"app/a.py": "class Other:\n    pass\n"})  # b becomes the first definition
    code, document = diff_last_commit(cli, root)
    assert code == 0 and document["new"] == []
    assert where(document["fixed"]) == [("app/b.py", 1, "SSOT001")]
    [changed] = document["changed"]
    assert changed["path"] == "app/c.py" and "app.b" in changed["message"] and "app.a" in changed["previous"]["message"]


def test_duplicate_enum_whose_canonical_changes_is_changed(make_repo, cli):
    enum = "from enum import Enum\n\nclass Status(Enum):\n    DONE = {!r}\n    FAILED = 0\n"
    files = {"app/__init__.py": "", "app/a.py": enum.format(1), "app/b.py": enum.format(2), "app/c.py": enum.format(3)}
    root = make_repo(files, git_init=True)
    commit(root, {"app/a.py": "X = 1\n"})
    code, document = diff_last_commit(cli, root)
    assert code == 0 and document["new"] == []
    assert where(document["fixed"]) == [("app/b.py", 3, "SSOT006")]
    assert [v["path"] for v in document["changed"]] == ["app/c.py"]


def test_test_base_class_violation_reworded_is_changed_or_unchanged(make_repo, cli):
    base = "import unittest\n\n\nclass SSotBaseTestCase(unittest.TestCase):\n    pass\n"
    root = make_repo(
        {"tests/base.py": base, "tests/test_x.py": "class TestX:\n    def test_a(self):\n        pass\n"},
        git_init=True,
    )
    commit(root, {"tests/test_x.py": "import os\n\n\nclass TestX(object):\n    def test_a(self):\n        pass\n"})
    code, document = diff_last_commit(cli, root)
    assert code == 0 and document["new"] == [] and document["fixed"] == []
    assert document["unchanged"] == 1


def test_crlf_count_change_is_changed(make_repo, cli):
    root = make_repo({"app/dos.py": b"x = 1\r\n"}, git_init=True)
    commit(root, {"app/dos.py": b"import os\nx = 1\r\ny = 2\r\n".decode()})
    code, document = diff_last_commit(cli, root)
    assert code == 0 and document["new"] == [] and document["fixed"] == []
    [changed] = document["changed"]
    assert changed["message"].startswith("2 CRLF") and changed["previous"]["message"].startswith("1 CRLF")


def test_unused_suppression_that_keeps_one_of_its_codes_is_changed(make_repo, cli):
    root = make_repo({"app/a.py": "x = 1  # ssotlint: ignore[SSOT003, SSOT001]\n"}, git_init=True)
    commit(root, {"app/a.py": "from app.gone import y  # ssotlint: ignore[SSOT003, SSOT001]\n"})
    code, document = diff_last_commit(cli, root)
    assert code == 0 and document["new"] == [] and document["fixed"] == []
    [changed] = document["changed"]
    assert changed["details"]["codes"] == ["SSOT001"]


def test_a_canonical_that_only_moves_down_is_not_a_change(make_repo, cli):
    settings = "class Settings:\n    debug = False\n"
    files = {"app/__init__.py": "", "app/a.py": settings, "app/b.py": settings}
    root = make_repo(files, git_init=True)
    commit(root, {"app/a.py": '"""Settings."""\n\n\n' + settings})
    code, document = diff_last_commit(cli, root)
    assert code == 0
    assert (document["new"], document["fixed"], document["changed"], document["unchanged"]) == ([], [], [], 1)


def test_cycle_whose_imports_are_rewritten_is_changed(make_repo, cli):
    root = make_repo(
        {"app/__init__.py": "", "app/a.py": "from app import b\n\nLIMIT = b.VALUE\n", "app/b.py": "from app import a\n\nVALUE = 1\n"},
        git_init=True,
    )
    commit(root, {"app/a.py": "import os\nimport app.b as b\n\nLIMIT = b.VALUE\n"})  # the same cycle, another statement
    code, document = diff_last_commit(cli, root)
    assert code == 0 and document["new"] == [] and document["fixed"] == []
    assert len(document["changed"]) + document["unchanged"] == 1
