"""Finding the repository root and the Python files to analyse."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import NamedTuple

from ssotlint.gitcmd import git_command, git_env
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
    # Modules that exist but are not analysed: stubs, compiled extensions, Cython sources,
    # and git-ignored (typically generated) .py files. Imports of them are not "broken".
    opaque: list[str] = []
    # pyproject.toml files below the root (nested projects: their own target Python).
    configs: list[str] = []


OPAQUE_SUFFIXES = (".pyi", ".so", ".pyd", ".pyx")
NESTED_CONFIG = "pyproject.toml"
_PATTERNS = ("*.py",) + tuple("*" + s for s in OPAQUE_SUFFIXES) + ("*/" + NESTED_CONFIG,)
_PATTERN_SUFFIXES = (".py",) + OPAQUE_SUFFIXES


def is_nested_config(path: str) -> bool:
    """A pyproject.toml below the root (the root's own is the configuration)."""
    return path.endswith("/" + NESTED_CONFIG)


def _git_files(root: Path) -> tuple[list[str], list[str]] | None:
    """Tracked plus untracked-not-ignored files of interest, and the ignored ones;
    None outside a git work tree."""
    queries = {
        "listed": ("--cached", "--others", "--exclude-standard"),
        "deleted": ("--deleted",),
        # --directory collapses ignored folders (.venv/) into one entry, which we drop.
        "ignored": ("--others", "--ignored", "--exclude-standard", "--directory"),
    }
    # The three walks run side by side: each takes tens of milliseconds on a large tree.
    running: dict[str, subprocess.Popen[bytes]] = {}
    answers: dict[str, list[str] | None] = {}
    env = git_env()
    try:
        for name, extra in queries.items():
            try:
                running[name] = subprocess.Popen(
                    git_command("ls-files", "-z", *extra, "--", *_PATTERNS),
                    cwd=root,
                    env=env,
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                )
            except OSError:
                answers[name] = None
        for name, proc in running.items():
            try:
                out, _ = proc.communicate(timeout=120)
            except subprocess.SubprocessError:
                answers[name] = None
                continue
            answers[name] = [os.fsdecode(p) for p in out.split(b"\0") if p] if proc.returncode == 0 else None
    finally:
        for proc in running.values():
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    listed = answers.get("listed")
    if listed is None:
        return None
    deleted = set(answers.get("deleted") or ())
    ignored = [p for p in answers.get("ignored") or () if not p.endswith("/")]
    return [p for p in dict.fromkeys(listed) if p not in deleted], ignored


def _walk_files(root: Path, excludes: GlobSet, warnings: list[str]) -> list[str]:
    found: list[str] = []

    def on_error(exc: OSError) -> None:
        warnings.append(f"cannot read folder {_rel(root, exc.filename)}: {exc.strerror}")

    for folder, dirs, names in os.walk(root, onerror=on_error, followlinks=False):
        rel_folder = os.path.relpath(folder, root).replace(os.sep, "/")
        prefix = "" if rel_folder == "." else rel_folder + "/"
        dirs[:] = sorted(d for d in dirs if not excludes.matches(prefix + d))
        found.extend(prefix + n for n in names if n.endswith(_PATTERN_SUFFIXES) or (prefix and n == NESTED_CONFIG))
    return found


def _rel(root: Path, name: object) -> str:
    try:
        return os.path.relpath(str(name), root).replace(os.sep, "/")
    except ValueError:
        return str(name)


def discover(root: Path, excludes: GlobSet) -> Discovery:
    warnings: list[str] = []
    listed_git = _git_files(root)
    from_git = listed_git is not None
    if listed_git is None:
        listed, ignored = _walk_files(root, excludes, warnings), []
    else:
        listed, ignored = listed_git
    kept = [p for p in listed if not excludes.matches(p)]
    files = sorted(p for p in kept if p.endswith(".py"))
    configs = sorted(p for p in kept if is_nested_config(p))
    ignored = [p for p in ignored if not is_nested_config(p)]
    opaque = sorted(
        {p for p in kept if p.endswith(OPAQUE_SUFFIXES)} | {p for p in ignored if not excludes.matches(p)}
    )
    return Discovery(files, warnings, from_git, opaque, configs)


def display_path(path: str) -> str:
    """A path safe to print: undecodable bytes of a file name become U+FFFD."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
