"""Reading a git revision's Python files straight from the object database (GitPython).

Nothing here checks out, stashes, or writes: no index refresh, no ref update. Only
plumbing reads (rev-parse, ls-tree, cat-file) are used.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

from ssotlint.errors import GitError


class RevisionFiles(NamedTuple):
    sha: str
    entries: dict[str, str]  # path relative to the ssotlint root -> blob id


def open_repo(root: Path):
    """The git repository containing ``root``; GitError outside one."""
    try:
        import git
    except ImportError as exc:  # GitPython refuses to import when git is not on PATH
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise GitError(f"git is not installed or not on PATH (GitPython: {first})") from None
    try:
        return git.Repo(root, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        raise GitError(f"{root} is not in a git repository (diff compares the work tree with a commit)") from None
    except git.GitCommandNotFound:
        raise GitError("git is not installed or not on PATH") from None


def has_commits(repo) -> bool:
    try:
        return repo.head.is_valid()
    except Exception:  # noqa: BLE001 - an unborn or broken HEAD
        return False


def is_shallow(repo) -> bool:
    return os.path.exists(os.path.join(repo.git_dir, "shallow"))


def resolve(repo, ref: str) -> str:
    """The full sha of the commit ``ref`` names."""
    import git

    try:
        commit = repo.commit(ref)
        commit.tree.hexsha  # noqa: B018 - a shallow clone knows parents' ids, not their objects
    except (git.BadName, git.BadObject, ValueError, git.GitCommandError, IndexError) as exc:
        if is_shallow(repo):
            raise GitError(
                f"{ref!r} is not available in this shallow clone; fetch more history "
                "(git fetch --deepen=N or --unshallow)"
            ) from None
        raise GitError(f"unknown revision {ref!r}") from None
    return commit.hexsha


def python_blobs(repo, sha: str, root: Path) -> dict[str, str]:
    """``path -> blob id`` of every .py file of the commit below ``root``."""
    top = Path(repo.working_tree_dir).resolve()
    try:
        prefix = root.resolve().relative_to(top).as_posix()
    except ValueError:
        prefix = "."
    prefix = "" if prefix == "." else prefix + "/"
    raw = repo.git.ls_tree("-r", "-z", "--full-tree", sha, stdout_as_string=False)
    entries: dict[str, str] = {}
    for record in raw.split(b"\0"):
        if not record:
            continue
        meta, _, name = record.partition(b"\t")
        mode, kind, blob = meta.split(b" ")
        if kind != b"blob" or mode == b"120000":  # submodules and symlinks
            continue
        path = os.fsdecode(name)
        if not path.endswith(".py") or not path.startswith(prefix):
            continue
        entries[path[len(prefix):]] = blob.decode()
    return entries


class BlobReader:
    """Reads blob contents through one long-lived ``git cat-file --batch`` process."""

    def __init__(self, repo) -> None:
        self.repo = repo

    def read(self, blob: str) -> bytes | None:
        try:
            return self.repo.odb.stream(bytes.fromhex(blob)).read()
        except Exception:  # noqa: BLE001 - a missing object (partial clone) is skipped
            return None
