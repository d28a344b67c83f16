"""Reading a git revision's Python files straight from the object database.

Nothing here checks out, stashes, or writes: no index refresh, no ref update. Only
plumbing reads (rev-parse, ls-tree, cat-file) are used.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from ssotlint.errors import GitError
from ssotlint.gitcmd import git_command, git_env, gitpython_repo


class GitRepo:
    """A repository driven through git's plumbing commands, each a short subprocess.

    GitPython costs 0.15 s to import; `diff` on a clean tree needs only rev-parse and
    ls-tree, so GitPython is imported only to stream blob contents (:class:`BlobReader`).
    """

    def __init__(self, working_tree_dir: str, git_dir: str) -> None:
        self.working_tree_dir = working_tree_dir
        self.git_dir = git_dir

    def run(self, *args: str) -> subprocess.CompletedProcess[bytes]:
        return _git(Path(self.working_tree_dir), *args)


def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            git_command(*args), cwd=cwd, env=git_env(), stdin=subprocess.DEVNULL,
            capture_output=True, timeout=300,
        )
    except FileNotFoundError:
        raise GitError("git is not installed or not on PATH") from None
    except (OSError, subprocess.SubprocessError) as exc:
        raise GitError(f"git failed: {exc}") from None


def open_repo(root: Path) -> GitRepo:
    """The git repository containing ``root``; GitError outside one."""
    proc = _git(root, "rev-parse", "--show-toplevel", "--absolute-git-dir")
    lines = os.fsdecode(proc.stdout).splitlines()
    if proc.returncode != 0 or len(lines) != 2:
        raise GitError(f"{root} is not in a git repository (diff compares the work tree with a commit)")
    return GitRepo(lines[0], lines[1])


def has_commits(repo: GitRepo) -> bool:
    return repo.run("rev-parse", "-q", "--verify", "HEAD^{commit}").returncode == 0


def is_shallow(repo: GitRepo) -> bool:
    return os.path.exists(os.path.join(repo.git_dir, "shallow"))


def resolve(repo: GitRepo, ref: str) -> str:
    """The full sha of the commit ``ref`` names."""
    if ref.startswith("-"):  # an option, not a revision (older git has no --end-of-options)
        raise GitError(f"unknown revision {ref!r}")
    proc = repo.run("rev-parse", "-q", "--verify", f"{ref}^{{commit}}")
    sha = proc.stdout.decode("ascii", "replace").strip()
    shallow = is_shallow(repo)
    if proc.returncode == 0 and sha:
        # A shallow clone knows its boundary commits' parents by id only: the tree must exist.
        if not shallow or repo.run("cat-file", "-e", f"{sha}^{{tree}}").returncode == 0:
            return sha
    if shallow:
        raise GitError(
            f"{ref!r} is not available in this shallow clone; fetch more history "
            "(git fetch --deepen=N or --unshallow)"
        )
    raise GitError(f"unknown revision {ref!r}")


def root_prefix(repo: GitRepo, root: Path) -> str:
    """Where ``root`` lies in the repository, as a path prefix ("" at the top, else "a/b/")."""
    top = Path(repo.working_tree_dir).resolve()
    try:
        prefix = root.resolve().relative_to(top).as_posix()
    except ValueError:
        prefix = "."
    return "" if prefix == "." else prefix + "/"


def python_blobs(repo, sha: str, root: Path) -> dict[str, str]:
    """``path -> blob id`` of every .py file of the commit below ``root``."""
    prefix = root_prefix(repo, root)
    proc = repo.run("ls-tree", "-r", "-z", "--full-tree", sha)
    if proc.returncode != 0:
        raise GitError(f"cannot list the files of {sha[:12]}: {os.fsdecode(proc.stderr).strip()}")
    raw = proc.stdout
    entries: dict[str, str] = {}
    for record in raw.split(b"\0"):
        if not record:
            continue
        meta, _, name = record.partition(b"\t")
        if not name.endswith(b".py"):
            continue
        mode, kind, blob = meta.split(b" ")
        if kind != b"blob" or mode == b"120000":  # submodules and symlinks
            continue
        path = os.fsdecode(name)
        if not path.startswith(prefix):
            continue
        entries[path[len(prefix):]] = blob.decode()
    return entries


class BlobReader:
    """Reads blob contents through one long-lived ``git cat-file --batch`` process
    (GitPython's object database, opened on first use)."""

    def __init__(self, repo: GitRepo) -> None:
        self.repo = repo
        self._odb = None

    def read(self, blob: str) -> bytes | None:
        try:
            if self._odb is None:
                self._odb = gitpython_repo(self.repo.working_tree_dir).odb
            return self._odb.stream(bytes.fromhex(blob)).read()
        except Exception:  # noqa: BLE001 - a missing object (partial clone) is skipped
            return None


def tracked_files(root: Path) -> set[str] | None:
    """The files git tracks under ``root``, relative to it; None when ``root`` is not in a
    git work tree (or git is missing), so that the caller can tell "none" from "no git"."""
    try:
        proc = _git(root, "ls-files", "-z", "--cached")
    except GitError:
        return None
    if proc.returncode != 0:
        return None
    return {os.fsdecode(p) for p in proc.stdout.split(b"\0") if p}
