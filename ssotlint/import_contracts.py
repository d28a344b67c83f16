"""The project's import-linter contracts, read as data: which imports its architecture forbids.

import-linter (``lint-imports``) checks an import graph against contracts written in
``.importlinter``, ``setup.cfg`` (``[importlinter:contract:ID]`` sections) or
``pyproject.toml`` (``[[tool.importlinter.contracts]]``). ssotlint never runs it; it reads
three kinds of contract, so that its advice ("import it from X") does not tell a module to
take an import the project has declared against its design:

- ``layers``: each listed layer may import the layers below it, never those above; a layer
  written ``a | b`` holds two siblings that must not import each other (``a : b`` two that
  may); with ``containers``, the layers are named inside each container;
- ``independence``: the listed modules do not import each other;
- ``forbidden``: the ``source_modules`` do not import the ``forbidden_modules``.

Each also reads ``ignore_imports`` (``importer -> imported``, with ``*`` for one part of a
dotted name and ``**`` for one or more). The folders searched are the root and the
deployment units (nested projects run their own ``lint-imports``); module names are taken
as written, which is how the model names modules too.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Sequence

from ssotlint.config_project import read_ini, read_text, read_toml

_FILES = (".importlinter", "setup.cfg", "pyproject.toml")
_MAX_CONTRACTS = 200
_MAX_FOLDERS = 200  # folders below a unit looked into for a .importlinter
_MAX_ENTRIES = 2_000  # names a contract lists (layers, modules, ignores): bound a hostile file


@dataclass(frozen=True)
class ImportContract:
    """One contract, with everything a check of one import needs.

    ``layers``: for a layers contract, highest first, each layer a tuple of sibling module
    names (a container's name already prefixed); ``independent``: per layer, whether its
    siblings must not import each other. For an independence contract, ``layers`` holds one
    layer of the modules, all independent. For a forbidden contract, ``sources`` and
    ``forbidden``."""

    name: str
    kind: str  # "layers", "independence" or "forbidden"
    where: str  # the file it is written in, relative to the root
    layers: tuple[tuple[str, ...], ...] = ()
    independent: tuple[bool, ...] = ()
    containers: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    forbidden: tuple[str, ...] = ()
    indirect: bool = True  # a forbidden contract also forbids chains of imports
    ignored: tuple[tuple[str, str], ...] = ()  # (importer, imported) patterns

    def ignores(self, importer: str, imported: str) -> bool:
        return any(_matches(a, importer) and _matches(b, imported) for a, b in self.ignored)

    def forbids(self, importer: str, imported: str) -> tuple[str, str] | None:
        """``(the importer's side, the imported side)`` as the contract names them when it
        forbids ``importer`` to import ``imported`` (directly, or as a link of a chain);
        None when it allows it."""
        if self.kind == "forbidden":
            source = next((s for s in self.sources if _within(importer, s)), None)
            target = next((f for f in self.forbidden if _within(imported, f)), None)
            return (source, target) if source is not None and target is not None else None
        mine, theirs = self._place(importer), self._place(imported)
        if mine is None or theirs is None or mine[0] != theirs[0]:
            return None  # not both in the layers of one container
        (_, low, low_sibling), (_, high, high_sibling) = mine, theirs
        if low > high:
            return self.layers[low][low_sibling], self.layers[high][high_sibling]
        if low == high and low_sibling != high_sibling and self.independent[low]:
            return self.layers[low][low_sibling], self.layers[high][high_sibling]
        return None

    def side(self, module: str, importer: bool) -> tuple[str, int, int] | str | None:
        """Where the contract puts ``module`` as an importer (``importer``) or as the
        imported module: two modules on the same side are judged alike. None: nowhere."""
        if self.kind == "forbidden":
            names = self.sources if importer else self.forbidden
            return next((n for n in names if _within(module, n)), None)
        return self._place(module)

    def _place(self, module: str) -> tuple[str, int, int] | None:
        """``(container, layer index, sibling index)`` of the layer ``module`` is in."""
        for index, layer in enumerate(self.layers):
            for sibling, name in enumerate(layer):
                if _within(module, name):
                    container = next((c for c in self.containers if name.startswith(c + ".")), "")
                    return container, index, sibling
        return None

    def describe(self) -> str:
        return f"import-linter contract {self.name!r} ({self.where})"


def _within(module: str, name: str) -> bool:
    """``module`` is ``name`` or inside it (``name`` may hold ``*`` wildcards)."""
    if "*" in name:
        return _matches(name, module) or _matches(name + ".**", module)
    return module == name or module.startswith(name + ".")


def _matches(pattern: str, module: str) -> bool:
    return _compiled(pattern).fullmatch(module) is not None


@lru_cache(maxsize=1024)
def _compiled(pattern: str) -> re.Pattern[str]:
    """A contract's module pattern as a regular expression: ``*`` one part of a dotted
    name, ``**`` one or more (built from escaped parts, never the repository's own regex)."""
    parts = []
    for part in pattern.split("."):
        if part == "**":
            parts.append(r"[^.]+(?:\.[^.]+)*")
        elif part == "*":
            parts.append(r"[^.]+")
        else:
            parts.append(re.escape(part))
    return re.compile(r"\.".join(parts))


def import_contracts(root: Path, folders: Iterable[str]) -> tuple[ImportContract, ...]:
    """The contracts written in the root's and ``folders``' (the deployment units') files,
    and in a ``.importlinter`` one level below one of them (``apiserver/paasng/``, the
    folder a unit's code is imported from, where its ``lint-imports`` runs), in that order;
    a file that does not parse, or a contract of another kind, adds none."""
    found: list[ImportContract] = []
    for folder in dict.fromkeys(("", *folders)):
        base = root / folder if folder else root
        places = [(folder, name) for name in _FILES]
        places += [(f"{folder}/{sub}" if folder else sub, ".importlinter") for sub in _subfolders(base)]
        for place, name in places:
            where = f"{place}/{name}" if place else name
            text = read_text(root / where)
            if text is None or "importlinter" not in text:
                continue
            found.extend(_from_toml(text, where) if name == "pyproject.toml" else _from_ini(text, where))
            if len(found) >= _MAX_CONTRACTS:
                return tuple(found[:_MAX_CONTRACTS])
    return tuple(found)


def _subfolders(folder: Path) -> list[str]:
    try:
        with os.scandir(folder) as entries:
            names = sorted(e.name for e in entries if e.is_dir(follow_symlinks=False) and not e.name.startswith("."))
    except OSError:
        return []
    return names[:_MAX_FOLDERS]


def _from_ini(text: str, where: str) -> list[ImportContract]:
    parser = read_ini(text)
    if parser is None:
        return []
    contracts = []
    for section in parser.sections():
        if not section.startswith("importlinter:contract:"):
            continue
        table = parser[section]
        flag = table.get("allow_indirect_imports", "false").strip().lower()
        contract = _contract(
            where,
            {
                "name": table.get("name", section.partition("contract:")[2]),
                "type": table.get("type", ""),
                "layers": _lines(table.get("layers", "")),
                "containers": _lines(table.get("containers", "")),
                "modules": _lines(table.get("modules", "")),
                "source_modules": _lines(table.get("source_modules", "")),
                "forbidden_modules": _lines(table.get("forbidden_modules", "")),
                "ignore_imports": _lines(table.get("ignore_imports", "")),
                "allow_indirect_imports": flag in ("true", "yes", "1", "on"),
            },
        )
        if contract is not None:
            contracts.append(contract)
    return contracts


def _from_toml(text: str, where: str) -> list[ImportContract]:
    data = read_toml(text)
    table = data.get("tool", {}).get("importlinter", {}) if isinstance(data, dict) else {}
    listed = table.get("contracts", []) if isinstance(table, dict) else []
    contracts = []
    for entry in listed if isinstance(listed, list) else []:
        if not isinstance(entry, dict):
            continue
        contract = _contract(where, {key: _strings(value) if isinstance(value, list) else value for key, value in entry.items()})
        if contract is not None:
            contracts.append(contract)
    return contracts


def _lines(value: str) -> list[str]:
    """A multi-line INI value: one entry a line, comments and blank lines left out."""
    lines = (line.partition("#")[0].strip() for line in value.splitlines())
    return [line for line in lines if line][:_MAX_ENTRIES]


def _strings(values: list[Any]) -> list[str]:
    return [v.strip() for v in values if isinstance(v, str) and v.strip()][:_MAX_ENTRIES]


def _contract(where: str, table: dict[str, Any]) -> ImportContract | None:
    kind = table.get("type")
    name = table.get("name")
    name = name.strip() if isinstance(name, str) and name.strip() else "(unnamed)"
    ignored = tuple(_ignore(line) for line in _listed(table.get("ignore_imports")))
    ignored = tuple(pair for pair in ignored if pair is not None)
    if kind == "layers":
        containers = tuple(_listed(table.get("containers")))
        layers, independent = _layers(_listed(table.get("layers")), containers)
        if not layers:
            return None
        return ImportContract(name, kind, where, layers, independent, containers, ignored=ignored)
    if kind == "independence":
        modules = tuple(_listed(table.get("modules")))
        if len(modules) < 2:
            return None
        return ImportContract(name, kind, where, (modules,), (True,), ignored=ignored)
    if kind == "forbidden":
        sources, forbidden = tuple(_listed(table.get("source_modules"))), tuple(_listed(table.get("forbidden_modules")))
        if not sources or not forbidden:
            return None
        indirect = table.get("allow_indirect_imports") not in (True, "true", "True")
        return ImportContract(name, kind, where, sources=sources, forbidden=forbidden, indirect=indirect, ignored=ignored)
    return None  # a custom contract type: nothing ssotlint can read


def _listed(value: Any) -> list[str]:
    if isinstance(value, str):
        return _lines(value)
    if isinstance(value, list):
        return _strings(value)
    return []


def _ignore(line: str) -> tuple[str, str] | None:
    importer, arrow, imported = line.partition("->")
    importer, imported = importer.strip(), imported.strip()
    return (importer, imported) if arrow and importer and imported else None


def _layers(lines: Sequence[str], containers: Sequence[str]) -> tuple[tuple[tuple[str, ...], ...], tuple[bool, ...]]:
    """Each layer's siblings (``a | b`` independent, ``a : b`` not), optional layers'
    parentheses dropped, named in each container when there are containers."""
    layers: list[tuple[str, ...]] = []
    independent: list[bool] = []
    prefixes = [c + "." for c in containers] or [""]
    for prefix in prefixes:
        for line in lines:
            separator = ":" if ":" in line and "|" not in line else "|"
            siblings = [s.strip().strip("()").strip() for s in line.split(separator)]
            siblings = [prefix + s for s in siblings if re.fullmatch(r"[\w*]+(?:\.[\w*]+)*", s)]
            if siblings:
                layers.append(tuple(siblings))
                independent.append(separator == "|")
    return tuple(layers), tuple(independent)
