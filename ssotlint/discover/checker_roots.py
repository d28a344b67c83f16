"""Source roots the project tells its type checkers and editor about, read as data.

A project whose code lives in folders that are no package of the repository's root
(ballistica's ``src/assets/ba_data/python/`` holding ``babase``, ``bascenev1lib``, and
``tools/`` holding ``batools``, both put on ``sys.path`` by the programs that run them)
says so where its imports must resolve for a type checker: Pyright's ``extraPaths``
(``pyrightconfig.json``, ``[tool.pyright]``, and each execution environment's ``root``
and ``extraPaths``), VS Code's ``python.analysis.extraPaths`` (``.vscode/settings.json``)
and mypy's ``mypy_path`` (``mypy.ini``, ``.mypy.ini``, ``setup.cfg``, ``[tool.mypy]``).
Without them ``from bascenev1lib.game import x`` reads as a third-party import and the
folder's modules are named ``assets.ba_data.python.bascenev1lib...``, which no import
can spell.

These are candidate roots, as nested projects' folders are: the code decides
(``settle_roots``). An editor's path may be a convenience the imports contradict.
Nothing is run; the files are read as JSON (with the comments and trailing commas VS Code
allows), TOML or INI, and only folders inside the repository that exist are kept.
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path
from typing import Any, Iterable, Iterator

from ssotlint.config_project import read_ini, read_text, read_toml, string_list

_MAX_ENTRIES = 200
# What a path may start with to mean the folder of the file that configures it.
_ANCHORS = ("${workspaceFolder}/", "${workspaceRoot}/", "$MYPY_CONFIG_FILE_DIR/", "${MYPY_CONFIG_FILE_DIR}/")
_MYPY_SEPARATORS = re.compile(r"[,:]")


def checker_roots(root: Path) -> list[str]:
    """The folders the root's type-checker and editor settings put on the import path
    that exist inside ``root``, as relative POSIX folders, in a stable order."""
    entries: list[str] = []
    entries += _pyright(parse_jsonc(read_text(root / "pyrightconfig.json")))
    pyproject = read_toml(read_text(root / "pyproject.toml"))
    tool = pyproject.get("tool") if isinstance(pyproject, dict) else None
    if isinstance(tool, dict):
        entries += _pyright(tool.get("pyright"))
        mypy = tool.get("mypy")
        if isinstance(mypy, dict):
            entries += _mypy_path(mypy.get("mypy_path"))
    vscode = root / ".vscode"
    # (a linked folder could lead out of the repository: read only a folder of its own)
    settings = parse_jsonc(read_text(vscode / "settings.json")) if vscode.is_dir() and not vscode.is_symlink() else None
    if isinstance(settings, dict):
        for key in ("python.analysis.extraPaths", "python.autoComplete.extraPaths"):
            entries += string_list(settings.get(key))
    for name, section in (("mypy.ini", "mypy"), (".mypy.ini", "mypy"), ("setup.cfg", "mypy")):
        ini = read_ini(read_text(root / name))
        if ini is not None and ini.has_section(section):
            entries += _mypy_path(ini.get(section, "mypy_path", fallback=None))
    return sorted(set(_folders(root, entries[:_MAX_ENTRIES])))


def _pyright(table: Any) -> list[str]:
    """A Pyright configuration's ``extraPaths``, and each execution environment's ``root``
    and ``extraPaths``."""
    if not isinstance(table, dict):
        return []
    found = string_list(table.get("extraPaths"))
    environments = table.get("executionEnvironments")
    for env in environments if isinstance(environments, list) else ():
        if isinstance(env, dict):
            found += string_list(env.get("root")) + string_list(env.get("extraPaths"))
    return found


def _mypy_path(value: Any) -> list[str]:
    """mypy's ``mypy_path``: a list (TOML), or one string of paths separated by commas or
    colons (INI)."""
    if isinstance(value, str):
        return [part.strip() for part in _MYPY_SEPARATORS.split(value) if part.strip()]
    return string_list(value)


def _folders(root: Path, entries: Iterable[str]) -> Iterator[str]:
    """Each entry as a folder relative to ``root``: written from the configuring file's
    folder (``.``, ``./x``, ``${workspaceFolder}/x``); never the root itself (always a
    root), a path outside it, an absolute path (another machine's), one still naming a
    variable, or a folder that is not there (or is a link)."""
    for entry in entries:
        value = entry.strip().replace("\\", "/")
        for anchor in _ANCHORS:
            if value.startswith(anchor):
                value = value[len(anchor):]
                break
        if not value or value.startswith("/") or "$" in value or ":" in value:
            continue
        folder = posixpath.normpath(value)
        if folder in (".", "") or folder == ".." or folder.startswith("../"):
            continue
        path = root / folder
        if path.is_dir() and not path.is_symlink():
            yield folder


def parse_jsonc(text: str | None) -> Any:
    """JSON as VS Code and Pyright read it: ``//`` and ``/* */`` comments and trailing
    commas allowed; None when it does not parse."""
    if text is None:
        return None
    try:
        return json.loads(_plain_json(text))
    except (ValueError, RecursionError):
        return None


def _plain_json(text: str) -> str:
    """``text`` without comments and trailing commas, strings left as they are."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            out.append(text[i : j + 1])
            i = j + 1
        elif text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end < 0 else end
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end < 0 else end + 2
        else:
            out.append(c)
            i += 1
    return re.sub(r",(\s*[}\]])", r"\1", "".join(out))
