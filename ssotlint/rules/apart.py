"""Same-named definitions that are each their own by design, for SSOT001 and SSOT006 alike.

Both rules ask the same question of two files before calling two same-named classes one
thing defined twice, so they ask it here, in one place:

- two self-contained files (documentation listings, example and sample scripts: see
  :func:`~ssotlint.discover.roles.is_self_contained`), each written to be read or run on
  its own;
- two vendored third-party distributions' files, kept as released;
- two deployment units that cannot import each other (:class:`Units`): a standalone client
  distribution that mirrors its server's schemas without requiring the server, two
  analyzer folders each built into its own image from its own ``requirements.txt``. Each
  keeps its copy because no module both can import exists: telling one to import the other
  would add a dependency the unit does not have;
- a hand-written public layer over a private generated one: a generated file inside a
  private package (``azure/ai/ml/_restclient/``, ``sdk/_generated/``: a folder whose name
  starts with ``_``) and a hand-written file outside that package. An SDK keeps its public
  surface (``azure.ai.ml.constants``) apart from the regenerated transport layer it converts
  to and from, on purpose: the public enum is not told to import the private generated one.

A class marked ``@deprecated`` (:func:`is_deprecated`) is neither half of a duplicate: it
is kept as it was until it is removed.

A generated file (:attr:`~ssotlint.extract.summary.FileSummary.generated`) is never told
to change (:func:`never_edited`): a generator writes each module whole, and writes it
again at its next run, so what two generated files share is its business. A hand-written
copy of a generated class is still a copy, told to import the generated one (the
:class:`~ssotlint.rules.definitions.Chooser` keeps a generated definition first), unless
the generated one is a private layer's (above).
"""

from __future__ import annotations

from collections import defaultdict

from ssotlint.discover.roles import is_self_contained
from ssotlint.discover.units import unit_of
from ssotlint.extract.summary import ClassRecord
from ssotlint.model.project import Project, SourceFile
from ssotlint.rules.definitions import is_vendored


def never_edited(f: SourceFile) -> bool:
    """A file no finding may tell anyone to edit: a generator wrote it."""
    return f.summary.generated


def is_deprecated(c: ClassRecord) -> bool:
    """A class marked deprecated (``@deprecated("Use x.Y instead")``, PEP 702's
    ``warnings.deprecated``, ``typing_extensions.deprecated``, the ``deprecated`` package's):
    kept as it was for compatibility until it is removed. Neither half of a duplicate: it
    is not told to import its replacement (that would change a frozen API), and nothing is
    told to import it."""
    return any(d.rpartition(".")[2] == "deprecated" for d in c.decorators)


class Apart:
    """Whether two files' same-named definitions are each their own by design (see the
    module's docstring), with the project's package folders (one pass per model, shared by
    both rules: :attr:`Project.package_folders`)."""

    def __init__(self, project: Project) -> None:
        self._packages = project.package_folders
        self._units = Units(project)

    def __call__(self, a: SourceFile, b: SourceFile) -> bool:
        if is_vendored(a.path) and is_vendored(b.path):
            return True  # two third-party distributions' own code, vendored as released
        if self._units.apart(a.path, b.path):
            return True  # two units that need neither each other nor a third: nowhere to share it
        if _over_private_generated(a, b) or _over_private_generated(b, a):
            return True  # a public layer over a private generated one keeps its own
        return is_self_contained(a.path, self._packages) and is_self_contained(b.path, self._packages)


class Units:
    """Which deployment units (``Config.units``, see :mod:`ssotlint.discover.units`) need
    which, and whether two files' units are apart.

    Unit ``U`` needs unit ``V`` when ``U``'s packaging requires ``V``'s distribution by name
    (``[project] dependencies``; an optional extra is no need), or, where that cannot be
    said as data (``U`` declares nothing readable, or ``V`` builds no named distribution: a
    folder with its own ``requirements.txt``), when a production module of ``U`` imports
    one of ``V`` at run time. Needs are followed through (what a required distribution
    requires is installed too). Two units are apart when neither needs the other and they
    need no unit in common: no module exists that both can import, so a class both define
    is each unit's own copy by design, and advice to import one from the other would be
    wrong in kind. Two units that share a third (two services on a ``shared`` library)
    are not apart: the copy can move there, and is reported."""

    def __init__(self, project: Project) -> None:
        self._project = project
        self._units = {u.folder: u for u in project.config.units}
        self._of: dict[str, str] = {}
        self._needs: dict[str, frozenset[str]] | None = None

    def of(self, path: str) -> str:
        """The folder of the innermost unit that holds ``path`` ("" for the root)."""
        folder = path.rpartition("/")[0]
        found = self._of.get(folder)
        if found is None:
            found = self._of[folder] = unit_of(self._units, path)
        return found

    def apart(self, one: str, other: str) -> bool:
        if len(self._units) < 2:
            return False
        first, second = self.of(one), self.of(other)
        if first == second:
            return False
        needs = self.needs()
        mine, theirs = needs.get(first, frozenset()), needs.get(second, frozenset())
        return second not in mine and first not in theirs and not mine & theirs

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
            mine = units[self.of(f.path)]
            for target, statements in project.import_edges.get(f.module or "", {}).items():
                g = project.modules.get(target)
                if g is None or not any(s.runtime for s in statements):
                    continue
                theirs = units[self.of(g.path)]
                if theirs is not mine and (mine.requires is None or theirs.name is None):
                    direct[mine.folder].add(theirs.folder)
        return direct


def private_package(path: str) -> str | None:
    """The outermost private package a file lies in (the folder path up to the first folder
    whose name starts with one ``_``: ``azure/ai/ml/_restclient``), or None."""
    folders = path.split("/")[:-1]
    for i, part in enumerate(folders):
        if part.startswith("_") and not part.startswith("__"):
            return "/".join(folders[: i + 1])
    return None


def _over_private_generated(generated: SourceFile, other: SourceFile) -> bool:
    """``generated`` was written by a generator inside a private package, and ``other`` is a
    hand-written file outside that package."""
    if not generated.summary.generated or other.summary.generated:
        return False
    private = private_package(generated.path)
    return private is not None and not other.path.startswith(private + "/")
