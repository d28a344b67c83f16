"""The configured excludes as one tree applies them.

The default excludes name folders of build output and environments (``build``, ``dist``,
``venv``) wherever they lie, as ruff's do. A project's own subpackage may bear such a name
(litex's ``litex/build/``, Meerschaum's ``meerschaum/utils/venv/``); a build output or a
virtual environment never is one. So a folder that only those default names exclude is
analysed when it is a package inside a package: it holds an ``__init__.py`` and so does
its parent folder. Names a user writes (``exclude`` replacing the defaults, or
``extend-exclude``) exclude as written.
"""

from __future__ import annotations

from typing import Callable, Iterable

from ssotlint.config import DEFAULT_EXCLUDE, Config
from ssotlint.globs import GlobSet

# Default excludes that a subpackage may be named.
PACKAGE_NAMED = frozenset({"build", "dist", "venv"})


def package_named(config: Config) -> frozenset[str]:
    """The names among ``config``'s excludes that spare a subpackage: the defaults' build
    and environment folders, unless the user wrote the name."""
    if tuple(config.exclude) != DEFAULT_EXCLUDE:
        return frozenset()
    return frozenset(PACKAGE_NAMED.intersection(config.exclude) - set(config.extend_exclude))


def package_folders(paths: Iterable[str]) -> frozenset[str]:
    """The folders holding an ``__init__.py`` among ``paths``."""
    return frozenset(p[: -len("/__init__.py")] for p in paths if p.endswith("/__init__.py"))


class TreeExcludes(GlobSet):
    """``config.excludes()`` over one tree: the same patterns, with a package-named folder
    (:func:`package_named`) kept when it is a package inside a package by
    ``is_package(folder)`` (by default, no folder is: only :meth:`firmly` and
    :meth:`only_by_name` then say something of the tree)."""

    def __init__(
        self, excludes: GlobSet, spared: frozenset[str], is_package: Callable[[str], bool] = lambda folder: False
    ) -> None:
        super().__init__(excludes.patterns)
        self.spared = spared
        self._firm = GlobSet(p for p in self.patterns if p not in spared) if spared else None
        self._is_package = is_package

    @classmethod
    def of(cls, config: Config, paths: Iterable[str]) -> "TreeExcludes":
        """Over a listing of the tree's files (excluded ones too)."""
        spared = package_named(config)
        folders = package_folders(paths) if spared else frozenset()
        return cls(config.excludes(), spared, folders.__contains__)

    def firmly(self, path: str) -> bool:
        """Excluded whatever the tree holds."""
        return super().matches(path) if self._firm is None else self._firm.matches(path)

    def only_by_name(self, path: str) -> bool:
        """Excluded only by a package-named folder on the way: the tree decides."""
        return self._firm is not None and super().matches(path) and not self._firm.matches(path)

    def matches(self, path: str) -> bool:
        if not super().matches(path):
            return False
        if self._firm is None or self._firm.matches(path):
            return True
        parts = path.split("/")
        if parts[0] in self.spared:
            return True  # at the top: no package holds it
        for i in range(1, len(parts)):
            if parts[i] in self.spared and not (self._is_package("/".join(parts[: i + 1])) and self._is_package("/".join(parts[:i]))):
                return True
        return False
