"""Which Python version judges each file: the project's, or a nested project's own.

A monorepo holds several projects (``server/``, ``sdk/``), each with its pyproject.toml and
its own ``requires-python``. A file is judged for the target of the nearest folder above it
(below the analysed root) whose own pyproject.toml declares one, else for the root's target
(the configuration's). The nested files are read statically: a regular file (no link is
followed), at most :data:`~ssotlint.config.MAX_NESTED_CONFIG_BYTES`, parsed as TOML only.
"""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Callable, Iterable, Mapping, TypeVar

from ssotlint.config import MAX_NESTED_CONFIG_BYTES, Config, pyproject_target
from ssotlint.config_project import read_file
from ssotlint.discover.files import NESTED_CONFIG as CONFIG_NAME
from ssotlint.discover.files import display_path, is_nested_config

Version = tuple[int, int]
Declared = tuple[Version, str]  # a version and where it was declared
T = TypeVar("T")


def nearest_target(path: str, folders: Mapping[str, T], default: T) -> T:
    """The target of the nearest folder enclosing ``path`` that declares one (``folders``:
    folder path -> the target of that folder's own configuration), else ``default`` (the
    root's)."""
    folder = path
    while "/" in folder:
        folder = folder.rpartition("/")[0]
        found = folders.get(folder)
        if found is not None:
            return found
    return default


def declared_targets(configs: Mapping[str, Callable[[], bytes | None]]) -> dict[str, Declared]:
    """folder -> the target its pyproject.toml declares, for the nested configuration files
    ``configs`` (path -> a reader of its bytes, None when unreadable)."""
    found: dict[str, Declared] = {}
    for path in sorted(configs):
        if not is_nested_config(path):
            continue
        data = configs[path]()
        declared = pyproject_target(data) if data is not None else None
        if declared is not None:
            found[path[: -len(CONFIG_NAME) - 1]] = declared
    return found


def read_worktree_config(root: Path, path: str) -> bytes | None:
    """A nested pyproject.toml of the working tree (:func:`~ssotlint.config_project.read_file`:
    no link followed, no FIFO opened, at most the size limit)."""
    return read_file(root / path, MAX_NESTED_CONFIG_BYTES)


@dataclass(frozen=True)
class FileTargets:
    """The target of every file of one tree: the root's, and the nested projects' own."""

    root: Version | None = None
    root_source: str = ""
    folders: Mapping[str, Declared] = field(default_factory=dict)
    running: Version = sys.version_info[:2]

    @classmethod
    def of(cls, config: Config, folders: Mapping[str, Declared] | None = None) -> "FileTargets":
        return cls(config.target_version, config.target_source, dict(folders or {}))

    @cached_property
    def _versions(self) -> dict[str, Version]:
        return {folder: version for folder, (version, _) in self.folders.items()}

    def declared(self, path: str) -> Version | None:
        """The Python version ``path`` is written for (None: not said)."""
        return nearest_target(path, self._versions, self.root) if self.folders else self.root

    def parser_version(self, path: str) -> str | None:
        """The version LibCST's parser judges ``path`` for when its target is newer than the
        running Python (the interpreter rejects its newer syntax); None: the interpreter's
        own verdict stands."""
        return self._parser_version(self.declared(path))

    def _parser_version(self, target: Version | None) -> str | None:
        if target is None or target <= self.running:
            return None
        from ssotlint.extract.summarize import libcst_version

        return libcst_version(target)

    def any_newer(self) -> bool:
        """Whether some file is judged for a target newer than the running Python."""
        return any(self._parser_version(v) is not None for v in (self.root, *self._versions.values()))

    def parser_versions(self, paths: Iterable[str]) -> dict[str, str | None]:
        """:meth:`parser_version` of many paths, each folder looked up once."""
        by_folder: dict[str, str | None] = {}
        versions: dict[str, str | None] = {}
        for path in paths:
            folder = path.rpartition("/")[0]
            if folder not in by_folder:
                by_folder[folder] = self.parser_version(path)
            versions[path] = by_folder[folder]
        return versions

    def fingerprint(self) -> str:
        """What the nested targets add to a result's key ("" when there are none)."""
        if not self.folders:
            return ""
        text = repr(sorted((f, v) for f, (v, _) in self.folders.items()))
        return hashlib.sha1(text.encode("utf-8", "surrogateescape")).hexdigest()

    def warnings(self) -> list[str]:
        """Which version judged the files, when one is newer than the running Python: the
        root's, and one line per nested project that declares its own."""
        found = []
        running = f"{self.running[0]}.{self.running[1]}"
        if self._parser_version(self.root) is not None:
            found.append(
                f"the project targets Python {_dotted(self.root)} ({self.root_source}), newer than the running "
                f"Python {running}: files this interpreter cannot compile are judged by LibCST's parser for "
                f"Python {self._used(self.root)}"
            )
        for folder, (version, source) in sorted(self.folders.items()):
            if self._parser_version(version) is None:
                continue
            found.append(
                f"the nested project {display_path(folder)}/ targets Python {_dotted(version)} ({source} in "
                f"{display_path(folder)}/{CONFIG_NAME}), newer than the running Python {running}: its files this "
                f"interpreter cannot compile are judged by LibCST's parser for Python {self._used(version)}"
            )
        return found

    def _used(self, target: Version) -> str:
        version = self._parser_version(target) or ""
        return version if version == _dotted(target) else f"{version} (the newest it knows)"


def _dotted(version: Version | None) -> str:
    return "" if version is None else f"{version[0]}.{version[1]}"
