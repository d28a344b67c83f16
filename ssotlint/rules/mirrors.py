"""Two trees of modules that mirror one another file for file (SSOT001, SSOT006).

An API offered twice, once per backend, is often written as two trees with the same
layout: kubernetes' ``kubernetes/aio/`` beside ``kubernetes/`` (the asyncio client, built
by its own generator from the same specification: ``aio/config/kube_config.py`` beside
``config/kube_config.py``), an ``_async/`` tree beside the ``_sync/`` one that unasync
writes from it. Each tree keeps its own copies on purpose: the exceptions and helpers that
read the same in both are each backend's own, and the mirror never imports its twin, so
telling one to import the other's class would tie the two backends together (and a
regenerated tree would lose the import at its next run).

Two trees mirror each other when, for the two roots left once the longest common tail of
two paths is taken away (``kubernetes`` and ``kubernetes/aio`` for
``kubernetes/config/kube_config.py`` and ``kubernetes/aio/config/kube_config.py``):

- many modules sit at the same relative path in both (:data:`MIRRORED` at least), and they
  are most of the smaller tree's modules (two thirds): the layout is copied file for file,
  not two packages that merely share a few module names (two ``utils.py``);
- most of those twins define the same top-level names (half of what either defines, in two
  thirds of the twins that define anything; an ``Async`` or ``async_`` prefix aside, which
  unasync drops): the same API, translated, not two applications laid out alike by one
  template;
- no module of either tree imports one of the other (the packages around both aside, which
  any import of a submodule runs): the trees are kept apart by design;
- (a module of one tree and another module of the twin folder, ``_sync/http11.py`` and
  ``_async/http2.py``, are judged by their folders' roots: neither tree imports the other's);
- the two roots are not two of a family of sibling parts (a third sibling folder holds most
  of the same modules: each AWS service's ``exceptions.py``, each integration's
  ``const.py``). Parts of a family are compared by
  :class:`~ssotlint.rules.copies.ParallelParts`, which still reports a module copied whole
  from one part into another.
"""

from __future__ import annotations

from collections import defaultdict
from functools import partial

from ssotlint.model.project import Project, SourceFile

# How many modules the two trees must share by relative path.
MIRRORED = 6


def tree_roots(one: str, other: str) -> tuple[str, str] | None:
    """The two folders left once the longest common tail of two paths (the file's name
    and the folders above it that both share) is taken away: ``kubernetes`` and
    ``kubernetes/aio`` for ``kubernetes/config/x.py`` and ``kubernetes/aio/config/x.py``
    ("" for the repository's root). None for two files of different names, or one path."""
    first, second = one.split("/"), other.split("/")
    k = 0
    while k < len(first) and k < len(second) and first[-1 - k] == second[-1 - k]:
        k += 1
    if k == 0 or len(first) == len(second) == k:
        return None
    return "/".join(first[: len(first) - k]), "/".join(second[: len(second) - k])


class MirrorTrees:
    """Whether two files are the same module of two trees that mirror each other (see the
    module's docstring). Worked out once per pair of roots, and once per model."""

    def __init__(self, project: Project) -> None:
        self._project = project
        self._files = {f.path: f for f in project.files}
        self._below: dict[str, set[str]] | None = None
        self._known: dict[tuple[str, str], bool] = {}

    @classmethod
    def of_model(cls, project: Project) -> "MirrorTrees":
        return project.shared(cls, partial(cls, project))

    def __call__(self, a: SourceFile, b: SourceFile) -> bool:
        """``a`` and ``b`` lie in two trees that mirror each other: the same module of each,
        or two modules of two mirrored folders (``_sync/http11.py`` and ``_async/http2.py``:
        neither tree is told to import from the other)."""
        roots = tree_roots(a.path, b.path)
        if roots is None:
            folders = a.path.rpartition("/")[0], b.path.rpartition("/")[0]
            roots = tree_roots(f"{folders[0]}/-", f"{folders[1]}/-") if all(folders) else None
        if roots is None:
            return False
        key = (min(roots), max(roots))
        found = self._known.get(key)
        if found is None:
            found = self._known[key] = self._mirrors(*key)
        return found

    def _relative(self, root: str, other: str) -> set[str]:
        """The paths of the files below ``root``, relative to it, without those below
        ``other`` when that tree lies inside this one."""
        if self._below is None:
            below: dict[str, set[str]] = defaultdict(set)
            for path in self._files:
                parts = path.split("/")
                for i in range(len(parts)):
                    below["/".join(parts[:i])].add("/".join(parts[i:]))
            self._below = below
        found = self._below.get(root, set())
        inner = other if not root else other[len(root) + 1 :] if other.startswith(root + "/") else ""
        if inner:
            found = {rel for rel in found if not rel.startswith(inner + "/")}
        return found

    def _mirrors(self, first: str, second: str) -> bool:
        mine, theirs = self._relative(first, second), self._relative(second, first)
        modules = lambda rels: {rel for rel in rels if rel.rpartition("/")[2] != "__init__.py"}  # noqa: E731
        my_modules, their_modules = modules(mine), modules(theirs)
        twins = my_modules & their_modules
        smaller = min(len(my_modules), len(their_modules))
        if len(twins) < MIRRORED or 3 * len(twins) < 2 * smaller:
            return False
        if self._family(first, second, twins) or not self._same_api(first, second, twins):
            return False
        return not self._meet(first, second, mine, theirs)

    def _path(self, root: str, rel: str) -> str:
        return f"{root}/{rel}" if root else rel

    def _family(self, first: str, second: str, twins: set[str]) -> bool:
        """The two roots are siblings, and a third sibling folder holds at least half of
        their twins too: parts of a family, not a pair of mirrors."""
        parent, _, _ = first.rpartition("/")
        if not first or not second or parent != second.rpartition("/")[0]:
            return False
        assert self._below is not None
        prefix = f"{parent}/" if parent else ""
        siblings = {rel.partition("/")[0] for rel in self._below.get(parent, ()) if "/" in rel}
        for sibling in siblings - {first[len(prefix):], second[len(prefix):]}:
            held = self._below.get(prefix + sibling, set())
            if 2 * len(twins & held) >= len(twins):
                return True
        return False

    def _same_api(self, first: str, second: str, twins: set[str]) -> bool:
        """Two thirds of the twins that define anything define mostly the same top-level
        classes and functions (half of what either defines)."""
        considered = alike = 0
        for rel in twins:
            one, other = self._files[self._path(first, rel)], self._files[self._path(second, rel)]
            names, others = _defined(one), _defined(other)
            if not names and not others:
                continue
            considered += 1
            if 2 * len(names & others) >= len(names | others):
                alike += 1
        return considered > 0 and 3 * alike >= 2 * considered

    def _meet(self, first: str, second: str, mine: set[str], theirs: set[str]) -> bool:
        """A module of either tree imports one of the other (not a package around the
        importer, which importing any of its submodules runs anyway)."""
        project = self._project
        paths = ({self._path(first, rel) for rel in mine}, {self._path(second, rel) for rel in theirs})
        for here, there in (paths, paths[::-1]):
            for path in here:
                f = self._files[path]
                for target in project.import_edges.get(f.module or "", {}):
                    g = project.modules.get(target)
                    if g is None or g.path not in there:
                        continue
                    if g.is_package and path.startswith(g.path.rpartition("/")[0] + "/"):
                        continue  # a package around the importer: it runs first whatever is imported
                    return True
        return False


def _defined(f: SourceFile) -> frozenset[str]:
    """The module's top-level classes and functions by name, each without the ``Async`` or
    ``async_`` that an asynchronous twin's names carry (unasync writes httpcore's
    ``_sync/connection.py`` with ``HTTPConnection`` from ``_async/connection.py``'s
    ``AsyncHTTPConnection``): the same API, translated."""
    return frozenset(map(_unasync, (c.name for c in f.summary.classes if c.top_level))) | frozenset(map(_unasync, f.summary.functions))


def _unasync(name: str) -> str:
    if name.startswith("Async") and name[5:6].isupper():
        return name[5:]
    if name.startswith("async_") and len(name) > 6:
        return name[6:]
    return name
