"""Folders a build writes into a package, found where the project's linters are told to
skip them.

A module generated at build time is absent from the checkout, and the project tells its
linters and type checkers not to read it: experimenter's Dockerfile runs ``glean_parser
translate ... -o experimenter/glean/generated``, and its ``pyproject.toml`` has
``[tool.ruff] exclude = [..., "experimenter/glean/generated"]``; ``from
experimenter.glean.generated.server_events import ...`` runs in the container. A path a
linter configuration excludes, written out in full (no wildcard), that lies inside a
package of the tree and is not there, is such a folder: its modules are unknown, not
missing (as :func:`ssotlint.discover.files.ignored_trees` says of a folder
the ``.gitignore`` names).

Read as data: the root's ruff excludes as the configuration reads them
(``Config.linter_exclude``, none under ``respect-linter-excludes = false``); a nested
``pyproject.toml``'s ``[tool.ruff]`` (and ``[tool.ruff.lint]``) ``exclude`` and
``extend-exclude``; every ``pyproject.toml``'s ``[tool.pyright]`` ``exclude`` and
``ignore``, and ``pyrightconfig.json``'s; ``exclude`` of a ``[flake8]`` section
(``setup.cfg``, ``tox.ini``, ``.flake8``); each relative to its file's folder.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from ssotlint.config_project import read_ini, string_list
from ssotlint.discover.checker_roots import parse_jsonc
from ssotlint.globs import GlobSet

_MAX_CONFIG_FILES = 200
_MAX_ENTRIES = 500
_WILDCARDS = frozenset("*?[]{}\\")


def excluded_generated_trees(
    root: Path,
    listed: Iterable[str],
    excludes: GlobSet,
    read: Callable[[str], str | None],
    toml: Callable[[str], Any],
    root_ruff: Sequence[str] = (),
) -> list[str]:
    """The absent folders inside packages that a linter configuration of the tree
    excludes by their full path. ``read`` and ``toml``: discovery's readers (each file
    read and parsed once); ``root_ruff``: the root's ruff excludes as the configuration
    already read them (``Config.linter_exclude``: ``ruff.toml`` too, and none when
    ``respect-linter-excludes = false``)."""
    listed = set(listed)
    names = {"pyproject.toml", *_READERS}
    configs = sorted(p for p in listed if p.rpartition("/")[2] in names)[:_MAX_CONFIG_FILES]
    found: list[tuple[str, str]] = [("", entry) for entry in root_ruff]
    for config in configs:
        base, _, name = config.rpartition("/")
        if name == "pyproject.toml":
            entries = _pyproject(toml(config), ruff=bool(base))  # the root's ruff: ``root_ruff``
        else:
            text = read(config)
            entries = _READERS[name](text) if text else ()
        found += [(base, entry) for entry in list(entries)[:_MAX_ENTRIES]]
    candidates = {path for base, entry in found if (path := _relative(base, entry)) is not None and not excludes.matches(path)}
    if not candidates:
        return []
    holding: set[str] = set()  # every folder that holds a listed file
    for p in listed:
        folder = p.rpartition("/")[0]
        while folder and folder not in holding:
            holding.add(folder)
            folder = folder.rpartition("/")[0]
    return sorted(
        path for path in candidates
        if f"{path.rpartition('/')[0]}/__init__.py" in listed
        and path not in holding and f"{path}.py" not in listed
        and not os.path.lexists(root / path)
    )


def _relative(base: str, entry: str) -> str | None:
    """An excluded entry as a path from the root: a folder's full path only (no
    wildcard, not absolute, not leaving the tree, a name Python can import)."""
    value = entry.strip().replace("\\", "/") if isinstance(entry, str) else ""
    if value.startswith("./"):
        value = value[2:]
    value = value.strip("/")
    if not value or "/" not in value or any(c in _WILDCARDS for c in value) or entry.strip().startswith("/"):
        return None
    parts = value.split("/")
    if any(part in ("", ".", "..") for part in parts) or not parts[-1].isidentifier():
        return None
    return f"{base}/{value}" if base else value


def _pyproject(data: Any, ruff: bool) -> Iterator[str]:
    tool = data.get("tool") if isinstance(data, dict) else None
    if not isinstance(tool, dict):
        return
    if ruff and isinstance(tool.get("ruff"), dict):
        ruff_table = tool["ruff"]
        for table in (ruff_table, ruff_table.get("lint")):
            if isinstance(table, dict):
                yield from string_list(table.get("exclude"))
                yield from string_list(table.get("extend-exclude"))
    pyright = tool.get("pyright")
    if isinstance(pyright, dict):
        yield from string_list(pyright.get("exclude"))
        yield from string_list(pyright.get("ignore"))


def _pyright(text: str) -> Iterator[str]:
    data = parse_jsonc(text)
    if isinstance(data, dict):
        yield from string_list(data.get("exclude"))
        yield from string_list(data.get("ignore"))


def _flake8(text: str) -> Iterator[str]:
    ini = read_ini(text)
    if ini is None or not ini.has_section("flake8"):
        return
    for part in (ini.get("flake8", "exclude", fallback="") or "").replace("\n", ",").split(","):
        if part.strip():
            yield part.strip()


# The files other than ``pyproject.toml`` (parsed by discovery) read for what they exclude.
_READERS: dict[str, Callable[[str], Iterable[str]]] = {
    "pyrightconfig.json": _pyright,
    "setup.cfg": _flake8,
    "tox.ini": _flake8,
    ".flake8": _flake8,
}
