"""`ssotlint diff`: new and fixed violations against a commit, read-only."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import git

BASE = {
    "app/__init__.py": "",
    "app/a.py": "class A:\n    pass\n",
    "app/b.py": "from app.a import A\nfrom app.a import Old\n",
}


def snapshot(root: Path) -> tuple:
    return (
        git(root, "status", "--porcelain=v2", "--branch", "--untracked-files=all"),
        (root / ".git" / "index").read_bytes(),
        git(root, "for-each-ref"),
        git(root, "rev-parse", "HEAD"),
        git(root, "stash", "list"),
    )


def test_reports_exactly_what_the_last_commit_changed(make_repo, cli):
    root = make_repo(BASE, git_init=True)
    # The second commit fixes `Old` (moved lines too) and introduces a broken import.
    (root / "app/b.py").write_text('"""Docs."""\n\nfrom app.a import A\n')
    (root / "app/c.py").write_text("from app.a import Gone\n")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "second")
    before = snapshot(root)
    result = cli("diff", str(root), "--base", "HEAD~1", "--format", "json", "--no-cache")
    assert result.code == 1
    document = result.json()
    assert document["base"] == git(root, "rev-parse", "HEAD~1").strip()
    assert [(v["path"], v["line"], v["rule"]) for v in document["new"]] == [("app/c.py", 1, "SSOT003")]
    assert [(v["path"], v["line"]) for v in document["fixed"]] == [("app/b.py", 2)]
    assert document["unchanged"] == 0
    assert document["score"] == {"base": 66.7, "current": 75.0, "delta": 8.3}
    assert snapshot(root) == before


def test_moved_code_is_not_new(make_repo, cli):
    root = make_repo(BASE, git_init=True)
    (root / "app/b.py").write_text("import os\n\n\nfrom app.a import Old\nfrom app.a import A\n")
    result = cli("diff", str(root), "--format", "json", "--no-cache")
    assert result.code == 0
    assert result.json()["new"] == [] and result.json()["unchanged"] == 1


def test_uncommitted_change_against_head_text(make_repo, cli):
    root = make_repo(BASE, git_init=True)
    (root / "app/d.py").write_text("import app.nothing\n")
    before = snapshot(root)
    result = cli("diff", str(root))
    assert result.code == 1
    assert "New violations since HEAD" in result.out
    assert "app/d.py:1:1: SSOT003" in result.out
    assert "1 new violation, 0 fixed, 1 still present" in result.out
    assert snapshot(root) == before


def test_fail_on(make_repo, cli):
    root = make_repo(BASE, git_init=True)
    assert cli("diff", str(root), "--fail-on", "new").code == 0
    assert cli("diff", str(root), "--fail-on", "any").code == 1
    (root / "app/d.py").write_text("import app.nothing\n")
    assert cli("diff", str(root), "--fail-on", "none").code == 0


def test_clean_tree_parses_nothing_twice(make_repo, cli):
    root = make_repo(BASE, git_init=True)
    cli("check", str(root))
    result = cli("diff", str(root), "--profile")
    assert result.code == 0
    assert "parse" not in result.err.split("profile:")[1]


def test_errors(make_repo, cli, tmp_path):
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "pyproject.toml").write_text("")
    not_repo = cli("diff", str(plain))
    assert not_repo.code == 2 and "not in a git repository" in not_repo.err
    root = make_repo(BASE, git_init=True)
    unknown = cli("diff", str(root), "--base", "no-such-ref")
    assert unknown.code == 2 and "unknown revision 'no-such-ref'" in unknown.err
    assert "Traceback" not in unknown.err


def test_repository_without_commits(make_repo, cli):
    root = make_repo(BASE)
    git(root, "init", "-q")
    result = cli("diff", str(root), "--format", "json", "--no-cache")
    assert result.code == 1
    assert result.json()["base"] is None
    assert "no commits yet" in result.json()["notice"]
    assert len(result.json()["new"]) == 1


def test_shallow_clone_without_base(make_repo, cli, tmp_path):
    root = make_repo(BASE, git_init=True)
    (root / "app/a.py").write_text("class A:\n    x = 1\n")
    git(root, "commit", "-qam", "second")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{root}", str(clone))
    result = cli("diff", str(clone), "--base", "HEAD~1")
    assert result.code == 2 and "shallow clone" in result.err


def test_cached_runs_answer_the_same(make_repo, cli):
    """The second diff reads the base's file listing and both outcomes from the cache; an
    edit after that is still seen (the working tree is never taken from the cache blindly)."""
    import sqlite3

    root = make_repo(BASE, git_init=True)
    (root / "app/c.py").write_text("from app.a import Gone\n")
    first = cli("diff", str(root), "--format", "json")
    second = cli("diff", str(root), "--format", "json")
    assert first.code == second.code == 1
    assert first.json()["new"] == second.json()["new"] and len(first.json()["new"]) == 1
    with sqlite3.connect(root / ".ssotlint_cache" / "cache.db") as db:
        keys = [k for (k,) in db.execute("SELECT key FROM results")]
    assert any(k.startswith("tree:") for k in keys)  # the commit's listing
    (root / "app/c.py").write_text("from app.a import A\n")
    third = cli("diff", str(root), "--format", "json")
    assert third.code == 0 and third.json()["new"] == []
    assert third.json()["unchanged"] == 1  # app/b.py's broken import, in base and tree alike
