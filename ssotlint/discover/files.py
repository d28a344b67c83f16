"""Finding the repository root and the Python files to analyse."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import NamedTuple

from ssotlint.globs import GlobSet


def find_root(start: Path) -> Path:
    """The nearest folder upward from ``start`` that holds pyproject.toml or .git."""
    start = start.resolve()
    here = start if start.is_dir() else start.parent
    for folder in (here, *here.parents):
        if (folder / "pyproject.toml").is_file() or (folder / ".git").exists():
            return folder
    return here


class Discovery(NamedTuple):
    files: list[str]  # POSIX paths relative to the root, sorted
    warnings: list[str]
    from_git: bool


def _git_files(root: Path) -> list[str] | None:
    """Tracked plus untracked-not-ignored .py files, or None outside a git work tree."""
    def ls(*extra: str) -> list[str] | None:
        try:
            proc = subprocess.run(
                ["git", "-c", "core.quotepath=off", "ls-files", "-z", *extra, "--", "*.py"],
                cwd=root,
                capture_output=True,
                timeout=120,
            )
        except (OSError, subprocess.SubprocessError):
            return None
        if proc.returncode != 0:
            return None
        return [os.fsdecode(p) for p in proc.stdout.split(b"\0") if p]

    listed = ls("--cached", "--others", "--exclude-standard")
    if listed is None:
        return None
    deleted = set(ls("--deleted") or ())
    return [p for p in dict.fromkeys(listed) if p not in deleted]


def _walk_files(root: Path, excludes: GlobSet, warnings: list[str]) -> list[str]:
    found: list[str] = []

    def on_error(exc: OSError) -> None:
        warnings.append(f"cannot read folder {_rel(root, exc.filename)}: {exc.strerror}")

    for folder, dirs, names in os.walk(root, onerror=on_error, followlinks=False):
        rel_folder = os.path.relpath(folder, root).replace(os.sep, "/")
        prefix = "" if rel_folder == "." else rel_folder + "/"
        dirs[:] = sorted(d for d in dirs if not excludes.matches(prefix + d))
        found.extend(prefix + n for n in names if n.endswith(".py"))
    return found


def _rel(root: Path, name: object) -> str:
    try:
        return os.path.relpath(str(name), root).replace(os.sep, "/")
    except ValueError:
        return str(name)


def discover(root: Path, excludes: GlobSet) -> Discovery:
    warnings: list[str] = []
    listed = _git_files(root)
    from_git = listed is not None
    if listed is None:
        listed = _walk_files(root, excludes, warnings)
    files = sorted(p for p in listed if not excludes.matches(p))
    return Discovery(files, warnings, from_git)


def display_path(path: str) -> str:
    """A path safe to print: undecodable bytes of a file name become U+FFFD."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
