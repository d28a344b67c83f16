"""Whether an import the rules would advise breaks one of the project's import-linter
contracts (read by :mod:`ssotlint.import_contracts`), directly or as a new link of a chain.

import-linter judges chains too: a lower layer must not import a higher one through other
modules either. A new import ``R -> T`` closes such a chain when some module that imports
``R`` (directly or not, ``R`` itself included) sits where the contract forbids importing
what ``T`` imports (directly or not, ``T`` itself included). The chains follow the model's
import edges (every statement, as import-linter's graph has them), less the imports the
contract ignores.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Hashable

from ssotlint.import_contracts import ImportContract
from ssotlint.model.project import Project


@dataclass(frozen=True)
class Breach:
    """``importer`` importing ``imported`` breaks ``contract``: it forbids ``mine`` (the
    contract's name for the side of ``via``, a module importing ``importer``, or
    ``importer`` itself) to import ``theirs``."""

    contract: ImportContract
    importer: str
    imported: str
    mine: str
    theirs: str
    via: str  # the module of ``mine``'s side that the chain starts from
    reached: str  # the module of ``theirs``'s side that the chain ends in

    @property
    def direct(self) -> bool:
        return self.via == self.importer and self.reached == self.imported

    def why(self) -> str:
        """Why the import cannot be taken, for a message."""
        rule = f"the project's {self.contract.describe()} forbids {self.mine} to import {self.theirs}"
        if self.direct:
            return f"{rule}, so {self.importer} cannot import from {self.imported}"
        chain = f"importing it from {self.imported} would make {self.via} import {self.reached}"
        if self.via != self.importer:
            chain += f" through {self.importer}"
        if self.reached != self.imported:
            chain += f" (which {self.imported} imports)"
        return f"{chain}, and {rule}"


class Contracts:
    """The contracts over one model's import graph; answers are kept per model."""

    def __init__(self, project: Project) -> None:
        self._project = project
        self._contracts = project.config.import_contracts
        self._importers: dict[tuple[int, str], frozenset[str]] = {}
        self._imported: dict[tuple[int, str], frozenset[str]] = {}
        self._answers: dict[tuple[str, str], Breach | None] = {}

    def breach(self, importer: str | None, imported: str | None) -> Breach | None:
        """The first contract ``importer`` importing ``imported`` would break, if any."""
        if not self._contracts or importer is None or imported is None or importer == imported:
            return None
        key = (importer, imported)
        if key not in self._answers:
            self._answers[key] = self._breach(importer, imported)
        return self._answers[key]

    def _breach(self, importer: str, imported: str) -> Breach | None:
        for index, contract in enumerate(self._contracts):
            if contract.ignores(importer, imported):
                continue
            sides = contract.forbids(importer, imported)
            if sides is not None:
                return Breach(contract, importer, imported, *sides, importer, imported)
            if contract.kind == "forbidden" and not contract.indirect:
                continue
            starts = _by_side(contract, self._closure(index, importer, backwards=True), importer_side=True)
            ends = _by_side(contract, self._closure(index, imported, backwards=False), importer_side=False)
            for via in starts.values():
                for reached in ends.values():
                    sides = contract.forbids(via, reached)
                    if sides is not None:
                        return Breach(contract, importer, imported, *sides, via, reached)
        return None

    def _closure(self, index: int, module: str, backwards: bool) -> frozenset[str]:
        """``module`` and the modules importing it (``backwards``) or imported by it,
        directly or not, through imports ``self._contracts[index]`` does not ignore."""
        known = self._importers if backwards else self._imported
        found = known.get((index, module))
        if found is not None:
            return found
        contract = self._contracts[index]
        edges = self._project.import_edges
        importers = self._project.importers
        seen = {module}
        stack = [module]
        while stack:
            current = stack.pop()
            if backwards:
                steps = [(other, current) for other in importers.get(current, ())]
            else:
                steps = [(current, other) for other in edges.get(current, {})]
            for source, target in steps:
                nxt = source if backwards else target
                if nxt not in seen and not contract.ignores(source, target):
                    seen.add(nxt)
                    stack.append(nxt)
        found = known[(index, module)] = frozenset(seen)
        return found


def _by_side(contract: ImportContract, modules: frozenset[str], importer_side: bool) -> dict[Hashable, str]:
    """One module (the first by name) for each place the contract puts any of ``modules``."""
    found: dict[Hashable, str] = {}
    for module in sorted(modules):
        side = contract.side(module, importer_side)
        if side is not None and side not in found:
            found[side] = module
    return found
