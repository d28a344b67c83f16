"""Deployment units (``Config.units``, see :mod:`ssotlint.deployment_units`) as the rules
read them: which unit needs which, and whether two files' units are apart (SSOT001, SSOT006)."""

from __future__ import annotations

from collections import defaultdict
from functools import partial

from ssotlint.deployment_units import unit_of
from ssotlint.model.project import Project


class Units:
    """Which deployment units (``Config.units``, see :mod:`ssotlint.deployment_units`) need
    which, and whether two files' units are apart.

    Unit ``U`` needs unit ``V`` when ``U``'s packaging requires ``V``'s distribution by name
    (``[project] dependencies``; an optional extra is no need), or, where that cannot be
    said as data (``U`` declares nothing readable, or ``V`` builds no named distribution: a
    folder with its own ``requirements.txt``), when a product module of ``U`` (not its
    tests, examples or scripts) imports one of ``V`` at run time. Needs are followed through (what a required distribution
    requires is installed too). Two units are apart when neither needs the other and they
    need no unit in common: no module exists that both can import, so advice to import
    one's class into the other would add a dependency the unit does not have (wrong in
    kind). Apart units that keep their own copies by design (:meth:`own_copies`) are not
    reported (:class:`~ssotlint.rules.apart.Apart`); other apart units (two distributions
    that never meet, split from one another) are reported and told to keep one definition
    where both can import it (:meth:`~ssotlint.rules.definitions.Chooser.import_advice`). Two units that share a
    third (two services on a ``shared`` library) are not apart: the copy can move there."""

    def __init__(self, project: Project) -> None:
        self._project = project
        self._units = {u.folder: u for u in project.config.units}
        self._of: dict[str, str] = {}
        self._needs: dict[str, frozenset[str]] | None = None
        self._imported: set[tuple[str, str]] = set()  # (unit, unit) a production module imports across

    @classmethod
    def of_model(cls, project: Project) -> "Units":
        """The model's units, worked out once for every rule that asks (SSOT001 and SSOT006,
        each twice a commit in a history)."""
        return project.shared(cls, partial(cls, project))

    def of(self, path: str) -> str:
        """The folder of the innermost unit that holds ``path`` ("" for the root)."""
        folder = path.rpartition("/")[0]
        found = self._of.get(folder)
        if found is None:
            found = self._of[folder] = unit_of(self._units, path)
        return found

    def label(self, path: str) -> str:
        """How a message names the unit of ``path``: its distribution, or its folder."""
        folder = self.of(path)
        return self._units[folder].name or (f"{folder}/" if folder else "the repository's root")

    def apart(self, one: str, other: str) -> bool:
        if len(self._units) < 2:
            return False
        first, second = self.of(one), self.of(other)
        if first == second:
            return False
        needs = self.needs()
        mine, theirs = needs.get(first, frozenset()), needs.get(second, frozenset())
        return second not in mine and first not in theirs and not mine & theirs

    def own_copies(self, one: str, other: str) -> bool:
        """The two files' units are apart (:meth:`apart`) and each keeps its own copy by
        design: two programs shipped apart (neither builds a distribution), or one unit
        imports the other at run time without requiring it (only in an optional extra, or
        as a peer it never declares: a standalone admin CLI whose ``bootstrap`` extra pulls
        in the server, a pool distribution that works with whichever driver is installed).
        Such a unit knows the other and chose not to depend on it: its copy mirrors the
        other's (a response schema, a helper of a private module) on purpose."""
        if not self.apart(one, other):
            return False
        first, second = self.of(one), self.of(other)
        if self._units[first].name is None and self._units[second].name is None:
            return True
        return (first, second) in self._imported or (second, first) in self._imported

    def needs(self) -> dict[str, frozenset[str]]:
        """Unit folder -> the folders of the units it needs, directly or through others."""
        if self._needs is None:
            direct = self._direct()
            closed: dict[str, frozenset[str]] = {}
            for unit in self._units:
                seen: set[str] = set()
                stack = list(direct.get(unit, ()))
                while stack:
                    other = stack.pop()
                    if other not in seen and other != unit:
                        seen.add(other)
                        stack.extend(direct.get(other, ()))
                closed[unit] = frozenset(seen)
            self._needs = closed
        return self._needs

    def _direct(self) -> dict[str, set[str]]:
        units = self._units
        by_name = {u.name: u.folder for u in units.values() if u.name is not None}
        direct: dict[str, set[str]] = defaultdict(set)
        for unit in units.values():
            if unit.requires is not None:
                direct[unit.folder].update(by_name[n] for n in unit.requires if n in by_name)
        project = self._project
        for f in project.production_files():
            if not f.product:
                continue  # a unit's examples, scripts and docs may use anything: the product decides
            mine = units[self.of(f.path)]
            for target, statements in project.import_edges.get(f.module or "", {}).items():
                g = project.modules.get(target)
                if g is None or not any(s.runtime for s in statements):
                    continue
                theirs = units[self.of(g.path)]
                if theirs is mine:
                    continue
                self._imported.add((mine.folder, theirs.folder))
                if mine.requires is None or theirs.name is None:
                    direct[mine.folder].add(theirs.folder)
        return direct
