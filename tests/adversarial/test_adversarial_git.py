"""Git as it is found in the wild: no repository, no commits, detached, shallow, worktrees,
submodules, and a commit of 10,000 files."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import git, run_process

BROKEN = {"app/__init__.py": "", "app/a.py": "from app.b import Missing\n", "app/b.py": "X = 1\n"}
FIXED_A = "from app.b import X\n"
SENTINEL = "app/a.py:1:1: SSOT003 cannot import name 'Missing' from app.b"


def assert_one_line_error(result, *needles: str) -> None:
    assert result.code == 2, (result.out, result.err)
    assert "Traceback" not in result.err
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("ssotlint: error: "), result.err
    for needle in needles:
        assert needle in lines[0], lines[0]


def commit_all(root: Path, message: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)


@pytest.fixture
def history(make_repo):
    """Three commits: broken import, fixed, then a new broken import in app/c.py."""
    root = make_repo(BROKEN, git_init=True)
    (root / "app/a.py").write_text(FIXED_A)
    commit_all(root, "fix a")
    (root / "app/c.py").write_text("import app.zzz\n")
    commit_all(root, "break c")
    return root


def test_not_a_repository(make_repo, cli):
    root = make_repo(BROKEN)
    check = cli("check", str(root), "--no-cache")
    assert check.code == 1 and SENTINEL in check.out
    score = cli("score", str(root), "--no-cache", "--format", "json")
    assert score.code == 0, score.err
    assert score.json()["overall"]["files"] == 3
    graph = cli("graph", str(root), "--no-cache", "--format", "json")
    assert graph.code == 0 and len(graph.json()["nodes"]) == 3
    assert_one_line_error(cli("diff", str(root), "--no-cache"), "not in a git repository")
    assert_one_line_error(cli("session", str(root), "--since", "HEAD~1"), "not a git repository")


def test_repository_without_commits(make_repo, cli):
    root = make_repo(BROKEN)
    git(root, "init", "-q", "-b", "main")
    check = cli("check", str(root), "--no-cache")
    assert check.code == 1 and SENTINEL in check.out  # untracked files are analysed
    assert cli("score", str(root), "--no-cache").code == 0
    diff = cli("diff", str(root), "--no-cache", "--format", "json")
    assert diff.code == 1 and [v["path"] for v in diff.json()["new"]] == ["app/a.py"]
    assert_one_line_error(cli("diff", str(root), "--no-cache", "--base", "main~1"), "no commits yet")
    assert_one_line_error(cli("session", str(root), "--since", "2020-01-01"), "no commits yet")


def test_detached_head(history, cli):
    git(history, "checkout", "-q", "--detach", "HEAD~1")
    check = cli("check", str(history), "--no-cache")
    assert check.code == 0 and "(3 files analysed)" in check.out
    diff = cli("diff", str(history), "--no-cache", "--base", "HEAD~1", "--format", "json").json()
    assert [v["path"] for v in diff["fixed"]] == ["app/a.py"] and diff["new"] == []
    session = cli("session", str(history), "--since", "HEAD~1", "--format", "json")
    assert session.code == 1, session.err


def test_shallow_clone(history, cli, tmp_path):
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{history}", str(clone)], check=True)
    assert (clone / ".git/shallow").is_file()
    check = cli("check", str(clone), "--no-cache")
    assert check.code == 1 and "app/c.py:1:1: SSOT003" in check.out
    assert cli("score", str(clone), "--no-cache").code == 0
    diff = cli("diff", str(clone), "--no-cache", "--format", "json")
    assert diff.code == 0 and diff.json()["unchanged"] == 1
    assert_one_line_error(cli("diff", str(clone), "--no-cache", "--base", "HEAD~1"), "shallow clone")
    session = cli("session", str(clone), "--since", "HEAD~1")
    assert_one_line_error(session, "HEAD~1")


def test_worktree(history, cli, tmp_path):
    tree = tmp_path / "wt"
    git(history, "worktree", "add", "-q", "--detach", str(tree), "HEAD~2")
    assert (tree / ".git").is_file()  # a worktree's .git is a file pointing at the main repository
    check = cli("check", str(tree), "--no-cache")
    assert check.code == 1 and SENTINEL in check.out and "(3 files analysed)" in check.out
    (tree / "app/a.py").write_text(FIXED_A)
    diff = cli("diff", str(tree), "--no-cache", "--format", "json")
    assert diff.code == 0 and [v["path"] for v in diff.json()["fixed"]] == ["app/a.py"]
    session = cli("session", str(history), "--since", "HEAD~2", "--format", "json")
    assert session.code == 1, session.err
    # The main work tree is unaffected by the worktree's edit.
    assert (history / "app/a.py").read_text() == FIXED_A


def test_submodule_contents_belong_to_the_submodule(history, cli, tmp_path):
    library = tmp_path / "library"
    library.mkdir()
    (library / "lib.py").write_text("import nowhere_to_be_found\nx = (\n")
    git(library, "init", "-q", "-b", "main")
    commit_all(library, "lib")
    git(history, "-c", "protocol.file.allow=always", "submodule", "add", "-q", str(library), "vendor")
    commit_all(history, "add submodule")
    assert (history / "vendor/lib.py").is_file()
    check = cli("check", str(history), "--no-cache", "--format", "json")
    assert check.code == 1 and "warning" not in check.err
    document = check.json()
    assert document["files"] == 4
    assert not [v for v in document["violations"] if v["path"].startswith("vendor")]
    diff = cli("diff", str(history), "--no-cache", "--base", "HEAD~1", "--format", "json")
    assert diff.code == 0 and diff.json()["new"] == [], diff.err
    session = cli("session", str(history), "--since", "HEAD~1", "--format", "json")
    assert session.err == "" and session.code == (1 if session.json()["summary"]["functional"] else 0)


def test_a_commit_of_ten_thousand_files(tmp_path, cli):
    """Scale of git plumbing, stat, hashing and the model; content repeats, so the parse is
    short and the test stays well under 30 s."""
    started = time.monotonic()
    root = tmp_path / "big"
    for p in range(100):
        folder = root / f"pkg{p}"
        folder.mkdir(parents=True)
        (folder / "__init__.py").write_bytes(b"")
        for i in range(99):
            (folder / f"m{i}.py").write_bytes(b"import os\n\nVALUE = os.sep\n" if i % 7 else b"from pkg0 import m1\n")
    (root / "pkg42/m5.py").write_bytes(b"from pkg0 import gone\n")
    (root / "pyproject.toml").write_text("[tool.ssotlint]\n")
    git(root, "init", "-q", "-b", "main")
    commit_all(root, "ten thousand files")
    assert len(git(root, "ls-files").splitlines()) == 10_001
    check = cli("check", str(root), "--format", "json", "--cache-dir", str(tmp_path / "cache"), "--jobs", "2")
    assert check.code == 1, check.err
    document = check.json()
    assert document["files"] == 10_000
    assert [(v["path"], v["rule"]) for v in document["violations"]] == [("pkg42/m5.py", "SSOT003")]
    diff = cli("diff", str(root), "--format", "json", "--cache-dir", str(tmp_path / "cache"), "--jobs", "2")
    assert diff.code == 0 and diff.json()["unchanged"] == 1
    assert time.monotonic() - started < 60


def test_git_not_installed(history):
    """No git on PATH: check walks the tree instead; diff says so in one line."""
    no_git = {"PATH": "/nonexistent", "GIT_PYTHON_GIT_EXECUTABLE": "", "GIT_PYTHON_REFRESH": ""}
    check = run_process("check", str(history), "--no-cache", "--jobs", "1", env=no_git)
    assert check.code == 1 and "app/c.py:1:1: SSOT003" in check.out, check.err
    diff = run_process("diff", str(history), "--no-cache", env=no_git)
    assert_one_line_error(diff, "git is not installed or not on PATH")
