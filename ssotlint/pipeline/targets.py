"""Which Python version judges each file: the project's, or a nested project's own.

A monorepo holds several projects (``server/``, ``sdk/``), each with its pyproject.toml and
its own ``requires-python``. A file is judged for the target of the nearest folder above it
(below the analysed root) whose own pyproject.toml declares one, else for the root's target
(the configuration's). The nested files are read statically: a regular file (no link is
followed), at most :data:`~ssotlint.config.MAX_NESTED_CONFIG_BYTES`, parsed as TOML only.

A file a ``conftest.py`` stops pytest collecting before some Python (``collect_ignore_glob``
entries under ``if sys.version_info < (3, 12):``, see :mod:`ssotlint.pipeline.gates`) runs
only from that version on, and is judged for it when that is newer. The conftest files
are configuration files like the nested pyproject.toml files: read the same way (as text,
parsed with ``ast``, never run), listed with them, and part of the same keys.
"""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Callable, Iterable, Mapping, NamedTuple, TypeVar

from ssotlint.config import MAX_NESTED_CONFIG_BYTES, Config, pyproject_target
from ssotlint.config_project import NEWEST_PYTHON, dockerfile_python, read_file, setup_py_requires, version_text
from ssotlint.discover.files import NESTED_CONFIG as CONFIG_NAME
from ssotlint.discover.files import display_path, is_config_script, is_container_config, is_nested_config, is_nested_setup
from ssotlint.discover.roles import named_version
from ssotlint.pipeline.gates import Gate, conftest_gates, gated_version, is_conftest

Version = tuple[int, int]
Declared = tuple[Version, str]  # a version and where it was declared
T = TypeVar("T")


def nearest_folder(path: str, folders: Mapping[str, object]) -> str | None:
    """The nearest folder enclosing ``path`` among ``folders`` (the root's files: none)."""
    folder = path
    while "/" in folder:
        folder = folder.rpartition("/")[0]
        if folder in folders:
            return folder
    return None


def nearest_target(path: str, folders: Mapping[str, T], default: T) -> T:
    """The target of the nearest folder enclosing ``path`` that declares one (``folders``:
    folder path -> the target of that folder's own configuration), else ``default`` (the
    root's)."""
    folder = nearest_folder(path, folders)
    return folders[folder] if folder is not None else default


class Declarations(NamedTuple):
    """What the configuration files below the root declare: folder -> the target its
    pyproject.toml declares, the conftest files' version gates, and folder -> the oldest
    Python its Dockerfiles build from."""

    folders: dict[str, Declared]
    gates: tuple[Gate, ...] = ()
    containers: Mapping[str, Declared] = MappingProxyType({})


def is_target_config(path: str) -> bool:
    """A file that declares targets: a nested pyproject.toml or setup.py, a
    ``conftest.py``, or a folder's Dockerfile."""
    return is_nested_config(path) or is_config_script(path) or is_container_config(path)


def declared_targets(configs: Mapping[str, Callable[[], bytes | None]]) -> Declarations:
    """What the configuration files ``configs`` (path -> a reader of its bytes, None when
    unreadable) declare: each nested pyproject.toml's target, each conftest's gates."""
    found: dict[str, Declared] = {}
    setups: dict[str, Declared] = {}  # a nested setup.py's python_requires
    gates: list[Gate] = []
    containers: dict[str, Declared] = {}
    for path in sorted(configs):
        if is_container_config(path):
            data = configs[path]()
            declared = dockerfile_python(data.decode("utf-8", "replace"), path) if data is not None else None
            folder = path.rpartition("/")[0]
            if declared is not None and (folder not in containers or declared[0] < containers[folder][0]):
                containers[folder] = declared  # several Dockerfiles in one folder: the oldest
            continue
        if is_conftest(path):
            data = configs[path]()
            gates.extend(conftest_gates(path, data) if data is not None else ())
            continue
        if is_nested_setup(path):
            data = configs[path]()
            declared = setup_py_requires(data.decode("utf-8", "replace"), path) if data is not None else None
            if declared is not None:
                setups[path.rpartition("/")[0]] = declared
            continue
        if not is_nested_config(path):
            continue
        data = configs[path]()
        declared = pyproject_target(data) if data is not None else None
        if declared is not None:
            found[path[: -len(CONFIG_NAME) - 1]] = declared
    # A folder's pyproject.toml, when it declares a target, comes before its setup.py.
    return Declarations({**setups, **found}, tuple(gates), containers)


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
    gates: tuple[Gate, ...] = ()
    # Folders whose Dockerfile says which Python runs their files (used only when the
    # project declares no version: see :func:`container_targets`).
    containers: Mapping[str, Declared] = field(default_factory=dict)
    # The root's target is only what the project evidently runs on (``Config.target_evident``),
    # not the oldest Python it says it supports.
    root_evident: bool = False

    @classmethod
    def of(cls, config: Config, declared: "Declarations | Mapping[str, Declared] | None" = None) -> "FileTargets":
        if isinstance(declared, Declarations):
            containers = container_targets(config, declared) if declared.containers else {}
            return cls(
                config.target_version, config.target_source, dict(declared.folders), gates=declared.gates,
                containers=containers, root_evident=config.target_evident,
            )
        return cls(config.target_version, config.target_source, dict(declared or {}), root_evident=config.target_evident)

    @cached_property
    def _versions(self) -> dict[str, Version]:
        versions = {folder: version for folder, (version, _) in self.containers.items()}
        versions.update((folder, version) for folder, (version, _) in self.folders.items())
        return versions

    @cached_property
    def _newer_gates(self) -> tuple[Gate, ...]:
        """The gates that matter: those of a version newer than the running Python."""
        return tuple(g for g in self.gates if g.version > self.running)

    def declared(self, path: str) -> Version | None:
        """The Python version ``path`` is written for (None: not said): its project's, or
        the version a conftest collects it from, or the one its name ends with, when newer."""
        unnamed, named = self._unnamed(path), named_version(path)
        return named if named is not None and (unnamed is None or named > unnamed) else unnamed

    def __call__(self, path: str) -> Declared | None:
        """:meth:`oldest` (the model's ``OldestPython``)."""
        return self.oldest(path)

    @property
    def declares_any(self) -> bool:
        """Whether the project declares a Python anywhere: the root's target (declared or
        what it runs on), a nested project's, a folder's container, a conftest's gate."""
        return self.root is not None or bool(self.folders) or bool(self.containers) or bool(self.gates)

    def oldest(self, path: str) -> Declared | None:
        """The oldest Python 3 ``path`` must compile on, and where that is said: the
        ``requires-python`` (or ``target-version``...) of its project, the nearest nested one's
        or the root's, raised to the version a conftest collects it from or its name says
        (``test_match_py310.py``). None when its project declares no oldest Python (only
        what it runs on, a Dockerfile's or CI's Python, says nothing of older ones)."""
        folder = nearest_folder(path, self.folders)
        own = None
        if folder is not None:
            version, source = self.folders[folder]
            own = (version, _declared_in(folder, source))
        elif self.root is not None and not self.root_evident:
            own = (self.root, self.root_source)
        if own is None or own[0][0] != 3:
            return None
        found = own
        gated = [g for g in self.gates if g.matches(path)]
        if gated:
            gate = max(gated, key=lambda g: g.version)
            if gate.version > found[0]:
                found = (gate.version, f"collected from Python {_dotted(gate.version)} on by {gate.source}")
        named = named_version(path)
        if named is not None and named > found[0]:
            found = (named, "its name")
        return found

    def _unnamed(self, path: str) -> Version | None:
        """What ``path`` is written for by its project's target and the conftest gates alone."""
        own = nearest_target(path, self._versions, self.root) if self._versions else self.root
        gated = gated_version(path, self._newer_gates) if self._newer_gates else None
        return own if gated is None or (own is not None and own >= gated) else gated

    def _named_newer(self, path: str) -> bool:
        """Whether ``path``'s name says a Python newer than the running one."""
        named = named_version(path)
        return named is not None and named > self.running

    def parser_version(self, path: str) -> str | None:
        """The version LibCST's parser judges ``path`` for when its target is newer than the
        running Python (the interpreter rejects its newer syntax); None: the interpreter's
        own verdict stands."""
        return self._parser_version(self.declared(path))

    def _parser_version(self, target: Version | None) -> str | None:
        if target is None or target <= self.running:
            return None
        known = self._libcst_versions.get(target)
        if known is None:
            from ssotlint.extract.summarize import libcst_version

            # Asking LibCST which versions it knows builds a parser configuration each
            # time: once per target, not once per folder of every commit of a history.
            known = self._libcst_versions[target] = libcst_version(target)
        return known

    @cached_property
    def _libcst_versions(self) -> dict[Version, str]:
        return {}

    def any_newer(self, paths: Iterable[str] = ()) -> bool:
        """Whether some file (of the configuration's, or of ``paths`` by its name) is judged
        for a target newer than the running Python."""
        versions = (self.root, *self._versions.values(), *(g.version for g in self._newer_gates))
        return any(self._parser_version(v) is not None for v in versions) or any(map(self._named_newer, paths))

    def parser_versions(self, paths: Iterable[str]) -> dict[str, str | None]:
        """:meth:`parser_version` of many paths, each folder looked up once."""
        by_folder: dict[str, str | None] = {}
        versions: dict[str, str | None] = {}
        gated = self._newer_gates
        for path in paths:
            if (gated and gated_version(path, gated) is not None) or self._named_newer(path):
                versions[path] = self.parser_version(path)
                continue
            folder = path.rpartition("/")[0]
            if folder not in by_folder:
                by_folder[folder] = self._parser_version(nearest_target(path, self._versions, self.root))
            versions[path] = by_folder[folder]
        return versions

    def fingerprint(self) -> str:
        """What the nested targets add to a result's key ("" when there are none)."""
        # Every gate: one for an older Python than the running one decides which files must
        # compile on the project's oldest Python (``oldest``).
        gates = sorted((g.folder, g.kind, g.pattern, g.version) for g in self.gates)
        if not self.folders and not gates and not self.containers:
            return ""
        text = repr(sorted((f, v, source) for f, (v, source) in self.folders.items()))
        if self.containers:
            text += repr(sorted((f, v) for f, (v, _) in self.containers.items()))
        if gates:
            text += repr(gates)
        return hashlib.sha1(text.encode("utf-8", "surrogateescape")).hexdigest()

    def warnings(self) -> list[str]:
        """Which version judged the files, when one is newer than the running Python: the
        root's, and one line per nested project that declares its own."""
        found = []
        running = f"{self.running[0]}.{self.running[1]}"
        if self._parser_version(self.root) is not None:
            found.append(
                f"the project targets {_python(self.root)} ({self.root_source}), newer than the running "
                f"Python {running}: files this interpreter cannot compile are judged by LibCST's parser for "
                f"Python {self._used(self.root)}"
            )
        for folder, (version, source) in sorted(self.folders.items()):
            if self._parser_version(version) is None:
                continue
            found.append(
                f"the nested project {display_path(folder)}/ targets {_python(version)} ({_declared_in(folder, source)}), "
                f"newer than the running Python {running}: its files this "
                f"interpreter cannot compile are judged by LibCST's parser for Python {self._used(version)}"
            )
        newer = sorted(
            (folder, source) for folder, (version, source) in self.containers.items()
            if folder not in self.folders and version != self.root and self._parser_version(version) is not None
        )
        if newer:
            said = [source.partition(" ")[2] + f" in {display_path(folder)}/" for folder, source in newer[:3]]
            more = f" and {len(newer) - 3} more" if len(newer) > 3 else ""
            whose = "1 folder's Dockerfile builds" if len(newer) == 1 else f"{len(newer)} folders' Dockerfiles build"
            found.append(
                f"{whose} from a Python newer than the running Python {running} ({', '.join(said)}{more}): the "
                "files below them this interpreter cannot compile are judged by LibCST's parser for that version"
            )
        by_conftest: dict[str, list[Gate]] = {}
        for gate in self._newer_gates:
            if self._parser_version(gate.version) is not None:
                by_conftest.setdefault(gate.source.rpartition(":")[0], []).append(gate)
        for conftest, gates in sorted(by_conftest.items()):
            said = [f"{g.pattern} before Python {_dotted(g.version)}" for g in sorted(gates, key=lambda g: g.version)]
            more = f" and {len(said) - 3} more" if len(said) > 3 else ""
            found.append(
                f"{display_path(conftest)} stops pytest collecting files on older Pythons ({', '.join(said[:3])}{more}): "
                "those files are judged by LibCST's parser for the version that collects them"
            )
        return found

    def named_warnings(self, paths: Iterable[str]) -> list[str]:
        """One line for the files whose names say a Python newer than the one they would be
        judged for otherwise and than the running one (``test_pep695_py312.py``)."""
        named = []
        for path in sorted(p for p in paths if self._named_newer(p)):
            version, unnamed = named_version(path), self._unnamed(path)
            if version is not None and (unnamed is None or version > unnamed) and self._parser_version(version) is not None:
                named.append(f"{display_path(path)} for {_dotted(version)}")
        if not named:
            return []
        more = f" and {len(named) - 3} more" if len(named) > 3 else ""
        whose = "1 file's name says" if len(named) == 1 else f"{len(named)} files' names say"
        return [
            f"{whose} a Python newer than the running Python {_dotted(self.running)} ({', '.join(named[:3])}{more}): "
            "those this interpreter cannot compile are judged by LibCST's parser for that version"
        ]

    def _used(self, target: Version) -> str:
        version = self._parser_version(target) or ""
        return version if version == _dotted(target) else f"{version} (the newest it knows)"


def _python(version: Version) -> str:
    """``Python 3.12``, or ``the newest Python 3`` (an open image tag, ``python:3-slim``)."""
    return "the newest Python 3" if version == NEWEST_PYTHON else f"Python {_dotted(version)}"


def _dotted(version: Version | None) -> str:
    return "" if version is None else version_text(version)


def container_targets(config: Config, declared: Declarations) -> dict[str, Declared]:
    """The folders whose Dockerfile says which Python runs their files: all of them when the
    project declares no version (its target, if any, is only what it evidently runs on),
    except below a nested project that declares its own; none when the project declares one
    (``requires-python``, ``target-version``...: the code supports every version from it)."""
    if config.target_version is not None and not config.target_evident:
        return {}
    projects = declared.folders
    return {
        folder: found for folder, found in declared.containers.items()
        if nearest_target(folder + "/x", projects, None) is None
    }


def _declared_in(folder: str, source: str) -> str:
    """Where a nested project declares its Python, in words: a nested setup.py's reason
    names its file already (``spinoffs/autobnn/setup.py python_requires = '>=3.6'``), a
    pyproject.toml's key is said with the file's path."""
    if source.startswith(f"{display_path(folder)}/"):
        return source
    return f"{source} in {display_path(folder)}/{CONFIG_NAME}"

