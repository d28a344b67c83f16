"""The read-only guarantee: no command but ``check --fix`` changes the repository it audits.

Before and after each command (a real process), a snapshot records ``git status``, the
index's bytes, every ref and HEAD, the stash, and the mtime of every tracked and untracked
file, plus every file under .git. The repository is set up to be easy to disturb: staged
and unstaged changes, an untracked file, a stash entry, a CRLF file --fix would rewrite,
and index entries that are racily clean (a stray ``git status`` would rewrite the index).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import git, run_process, write_files

COMMANDS = {
    "check": ["check", "{root}"],
    "check-json-paths": ["check", "{root}/app", "--format", "json", "--verbose"],
    "score": ["score", "{root}"],
    "score-history": ["score", "{root}", "--history", "--format", "json"],
    "report": ["report", "{root}", "--output", "/dev/null"],
    "diff": ["diff", "{root}"],
    "diff-base": ["diff", "{root}", "--base", "HEAD~2", "--format", "json"],
    "rules": ["rules"],
    "rules-one": ["rules", "SSOT002"],
    "graph": ["graph", "{root}", "--format", "dot"],
    "session": ["session", "{root}", "--since", "HEAD~2"],
    "session-json": ["session", "{root}", "--since", "HEAD~2", "--format", "json"],
}


def _git_bytes(root: Path, *args: str) -> bytes:
    return subprocess.run(
        ["git", "--no-optional-locks", *args], cwd=root, capture_output=True, check=True
    ).stdout


def snapshot(root: Path) -> dict:
    """Everything a command could disturb; reads only (no optional locks, no index refresh)."""
    index = (root / ".git/index").read_bytes()  # before any git command of ours
    git_files = {}
    for folder, _, names in os.walk(root / ".git"):
        for name in names:
            path = Path(folder, name)
            st = path.lstat()
            git_files[str(path.relative_to(root))] = (st.st_size, st.st_mtime_ns, hashlib.sha1(path.read_bytes()).hexdigest())
    listed = _git_bytes(root, "ls-files", "-z", "--cached", "--others", "--exclude-standard").split(b"\0")
    work_tree = {}
    for rel in filter(None, listed):
        st = os.lstat(root / os.fsdecode(rel))
        work_tree[rel] = (st.st_mode, st.st_size, st.st_mtime_ns, st.st_ino)
    return {
        "status": _git_bytes(root, "status", "--porcelain=v2", "--branch", "--untracked-files=all"),
        "index": hashlib.sha1(index).hexdigest(),
        "refs": _git_bytes(root, "for-each-ref", "--format=%(refname) %(objectname)"),
        "head": ((root / ".git/HEAD").read_text(), _git_bytes(root, "rev-parse", "HEAD")),
        "stash": _git_bytes(root, "stash", "list", "--format=%H %gs"),
        "work_tree": work_tree,
        "git_dir": git_files,
    }


@pytest.fixture(scope="module")
def busy_repo(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("readonly") / "repo"
    write_files(root, {
        "pyproject.toml": "[tool.ssotlint]\n",
        "app/__init__.py": "",
        "app/a.py": "from app import b\n\nLIMIT = b.VALUE\n",
        "app/b.py": "from app import a\n\nVALUE = 1\n",  # a cycle that can fail: violations for every command to report
        "app/dos.py": b"x = 1\r\ny = 2\r\n",  # what --fix would rewrite
        "app/m.py": "X = 1\n",
        "README.md": "docs\n",
    })
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "one")
    (root / "app/m.py").write_text("X = 2\n")
    git(root, "commit", "-q", "-am", "two")
    (root / "app/c.py").write_text("import app.gone\n")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "three")
    (root / "app/m.py").write_text("X = 3\n")
    git(root, "stash", "-q")  # a stash entry
    (root / "app/m.py").write_text("X = 4\n")
    git(root, "add", "app/m.py")  # staged
    (root / "app/a.py").write_text("from app import b\nimport app.also_gone\n")  # unstaged
    (root / "app/new.py").write_text("import app.m\n")  # untracked
    git(root, "tag", "v1", "HEAD~1")
    git(root, "branch", "other", "HEAD~2")
    # No warm-up run: the first command of all is the one that creates the cache.
    return root


@pytest.mark.parametrize("name", list(COMMANDS))
def test_command_changes_nothing(busy_repo, name):
    args = [a.format(root=busy_repo) for a in COMMANDS[name]]
    before = snapshot(busy_repo)
    result = run_process(*args, cwd=busy_repo)
    after = snapshot(busy_repo)
    assert result.code in (0, 1), result.err
    assert "Traceback" not in result.err
    for key in before:
        assert after[key] == before[key], f"{name} changed {key}"


def test_fix_changes_only_the_file_it_fixes(busy_repo, tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(["cp", "-a", str(busy_repo), str(clone)], check=True)
    before = snapshot(clone)
    result = run_process("check", str(clone), "--fix", cwd=clone)
    after = snapshot(clone)
    assert result.code == 1 and "Fixed 1 violation in 1 file." in result.out, result.err
    assert (clone / "app/dos.py").read_bytes() == b"x = 1\ny = 2\n"
    changed = {p for p in before["work_tree"] if before["work_tree"][p] != after["work_tree"][p]}
    assert changed == {b"app/dos.py"}
    for key in ("index", "refs", "head", "stash", "git_dir"):
        assert after[key] == before[key], key


def test_snapshot_notices_changes(busy_repo, tmp_path):
    """The snapshot is sensitive to each kind of change it guards against."""
    clone = tmp_path / "clone"
    subprocess.run(["cp", "-a", str(busy_repo), str(clone)], check=True)
    base = snapshot(clone)
    git(clone, "status")  # what a careless tool might run: it refreshes and rewrites the index
    refreshed = snapshot(clone)
    assert refreshed["index"] != base["index"] and refreshed["git_dir"] != base["git_dir"]
    os.utime(clone / "README.md", ns=(1, 1))
    assert snapshot(clone)["work_tree"] != refreshed["work_tree"]
    git(clone, "stash", "-q")
    stashed = snapshot(clone)
    assert stashed["stash"] != base["stash"] and stashed["status"] != base["status"]
    assert stashed["refs"] != base["refs"]
