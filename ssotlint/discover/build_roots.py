"""Source roots a build tool declares for the whole repository, read as data.

Pants puts each source root on ``sys.path`` when it runs, tests or packages the code:
``[source] root_patterns`` in ``pants.toml`` (``"/packages/trading"`` beside
``packages/trading/octobot_trading/``) make ``octobot_trading.enums`` the module, never
``packages.trading.octobot_trading.enums``, and ``marker_filenames`` make every folder
holding one of the named files a root. Pants' reading of a pattern:

- ``/`` is the repository's root; a pattern starting with ``/`` is a folder path from it;
- any other pattern matches every folder whose path *ends* with it, at any depth
  (``src/python`` matches ``src/python`` and ``services/a/src/python``);
- a ``*`` stands for one folder name (``/packages/*``).

Nothing is run; ``pants.toml`` is read as TOML, and the folders are looked for in a
bounded walk (not hidden folders, environments or build output).
"""

from __future__ import annotations

import os
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Iterator

from ssotlint.config_project import read_text, read_toml, string_list

_MAX_DEPTH = 6  # folders below the root searched for unanchored patterns and marker files
_MAX_FOLDERS = 20_000  # bound the walk on a hostile tree
_MAX_PATTERNS = 500
_SKIPPED = frozenset({"node_modules", "site-packages", "venv", "env", "build", "dist", "__pycache__", "dist-packages"})


def pants_roots(root: Path) -> list[str]:
    """The source roots ``root``'s ``pants.toml`` declares that exist, as relative POSIX
    folders ("" for the root), in a stable order; [] without such a file or section."""
    data = read_toml(read_text(root / "pants.toml"))
    source = data.get("source") if isinstance(data, dict) else None
    if not isinstance(source, dict):
        return []
    patterns = string_list(source.get("root_patterns"))[:_MAX_PATTERNS]
    markers = set(string_list(source.get("marker_filenames"))[:_MAX_PATTERNS])
    found: set[str] = set()
    unanchored: list[list[str]] = []
    for pattern in patterns:
        parts = [p for p in pattern.strip().split("/") if p and p != "."]
        if ".." in parts:
            continue  # never a folder outside the repository
        if pattern.strip().startswith("/"):
            found.update(_anchored(root, parts))
        elif parts:
            unanchored.append(parts)
    if unanchored or markers:
        for rel, names in _walk(root):
            folder = rel.split("/") if rel else []
            if any(_ends_with(folder, parts) for parts in unanchored) or names & markers:
                found.add(rel)
    return sorted(found)


def _anchored(root: Path, parts: list[str]) -> Iterator[str]:
    """The folders a pattern from the root names (each ``*`` one folder name)."""
    level = [""]
    for part in parts:
        below = []
        for rel in level:
            if any(c in part for c in "*?["):
                below.extend(
                    f"{rel}/{name}" if rel else name
                    for name in _subfolders(root / rel if rel else root)
                    if fnmatchcase(name, part)
                )
            elif (root / rel / part).is_dir() and not (root / rel / part).is_symlink():
                below.append(f"{rel}/{part}" if rel else part)
        level = below[:_MAX_FOLDERS]
    yield from level


def _subfolders(folder: Path) -> list[str]:
    try:
        with os.scandir(folder) as entries:
            return sorted(e.name for e in entries if e.is_dir(follow_symlinks=False) and not e.name.startswith("."))
    except OSError:
        return []


def _ends_with(folder: list[str], parts: list[str]) -> bool:
    """Whether a folder's path ends with a pattern's names (``*`` for any one name)."""
    if len(parts) > len(folder):
        return False
    return all(fnmatchcase(name, part) for name, part in zip(folder[len(folder) - len(parts) :], parts))


def _walk(root: Path) -> Iterator[tuple[str, frozenset[str]]]:
    """Each folder (the root as "") down to :data:`_MAX_DEPTH` levels, with the names of
    its files: one directory read per folder, at most :data:`_MAX_FOLDERS` folders."""
    level = [""]
    seen = 0
    for depth in range(_MAX_DEPTH + 1):
        below: list[str] = []
        for rel in level:
            names: set[str] = set()
            try:
                with os.scandir(root / rel if rel else root) as entries:
                    for entry in entries:
                        if entry.is_dir(follow_symlinks=False):
                            if depth < _MAX_DEPTH and not entry.name.startswith(".") and entry.name not in _SKIPPED:
                                below.append(f"{rel}/{entry.name}" if rel else entry.name)
                        else:
                            names.add(entry.name)
            except OSError:
                continue
            yield rel, frozenset(names)
        seen += len(below)
        if seen > _MAX_FOLDERS:
            return
        level = below
