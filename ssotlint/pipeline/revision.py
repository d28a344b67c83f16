"""A git revision as a source: its tree listing and its blobs, from the object database."""

from __future__ import annotations

import os
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Mapping, Sequence

from ssotlint.config import MAX_NESTED_CONFIG_BYTES, Config
from ssotlint.discover.excludes import TreeExcludes, package_named
from ssotlint.pipeline.caching import open_cache
from ssotlint.pipeline.options import Options
from ssotlint.pipeline.targets import is_target_config

if TYPE_CHECKING:
    from ssotlint.gitrev import BlobReader, GitRepo


class RevisionSource:
    """The Python files of commit ``sha`` below ``root`` that ``config`` includes.

    ``listing``: the ``path -> blob id`` already known (from :func:`revision_blobs`);
    otherwise it is listed on demand, uncached. Nothing is checked out: blobs are read
    through one long-lived reader.
    """

    def __init__(
        self,
        root: Path,
        config: Config,
        repo: "GitRepo",
        sha: str,
        listing: Mapping[str, str] | None = None,
        options: Options | None = None,
    ) -> None:
        self.root, self.config, self.repo, self.sha = root, config, repo, sha
        self._listing = listing
        self._options = options
        self._reader: BlobReader | None = None

    def list_files(self) -> Mapping[str, str]:
        if self._listing is None:
            self._listing = revision_blobs(self.root, self.config, self.repo, self.sha)
        return self._listing

    def configs(self) -> dict[str, Callable[[], bytes | None]]:
        """The commit's nested pyproject.toml files (path -> a reader of its bytes, at most
        :data:`~ssotlint.config.MAX_NESTED_CONFIG_BYTES`)."""
        listing = revision_configs(self.root, self.config, self.repo, self.sha, self._options)
        return {path: partial(self.read_config, blob) for path, blob in listing.items()}

    def read_config(self, blob: str) -> bytes | None:
        from ssotlint.gitrev import BlobReader, BlobUnavailable

        if self._reader is None:
            self._reader = BlobReader(self.repo)
        try:
            return self._reader.read_limited(blob, MAX_NESTED_CONFIG_BYTES)
        except BlobUnavailable:
            return None

    def read(self, path: str, key: str) -> bytes | None:
        if self._reader is None:
            from ssotlint.gitrev import BlobReader

            self._reader = BlobReader(self.repo)
        return self._reader.read(key)

    def close(self) -> None:
        if self._reader is not None:
            self._reader.close()


def without_vendored(config: Config, vendored: Sequence[str]) -> Config:
    """``config`` for reading a commit of the working tree's repository: the working tree's
    folders of vendored code (``Discovery.vendored``) excluded, as discovery leaves them
    out of the working tree's analysis. Their modules stay opaque through the working
    tree's opaque list, so a commit whose files equal the working tree's is analysed alike
    (a ``diff`` of a clean tree, the last point of a history)."""
    if not vendored:
        return config
    patterns = (folder if folder.endswith(".py") else f"{folder}/**" for folder in vendored)  # (a file the linter skips)
    return replace(config, extend_exclude=(*config.extend_exclude, *patterns))


def revision_blobs(root: Path, config: Config, repo: "GitRepo", sha: str, options: Options | None = None) -> dict[str, str]:
    """``path -> blob id`` of the commit's Python files that the configuration includes.

    A commit never changes, so with ``options`` the listing is cached (a 10,000-file
    ``git ls-tree`` and its parsing cost a tenth of a warm check).
    """
    from ssotlint.gitrev import python_blobs

    excludes = config.excludes()

    def listing() -> dict[str, str]:
        blobs = python_blobs(repo, sha, root)
        in_tree = TreeExcludes.of(config, blobs)
        return {p: b for p, b in blobs.items() if not in_tree.matches(p)}

    spared = sorted(package_named(config))
    return _cached_listing(root, options, f"tree:{sha}:{root}:{excludes.patterns!r}:{spared!r}", listing)


def revision_configs(root: Path, config: Config, repo: "GitRepo", sha: str, options: Options | None = None) -> dict[str, str]:
    """``path -> blob id`` of the commit's nested pyproject.toml, conftest.py and folders'
    Dockerfiles below ``root`` that the configuration includes (cached with ``options``, as
    :func:`revision_blobs`): what declares targets (:func:`is_target_config`)."""
    from ssotlint.gitrev import root_prefix, tree_blobs

    def listing() -> dict[str, str]:
        prefix = root_prefix(repo, root)
        found = {}
        inits: list[str] = []  # the package folders, for the excludes of build-like names
        for name, blob in tree_blobs(repo, sha):
            lowered = name.lower()
            if name.endswith(b"/__init__.py"):
                path = os.fsdecode(name)
                if path.startswith(prefix):
                    inits.append(path[len(prefix):])
            if name.endswith((b"/pyproject.toml", b"conftest.py")) or b"dockerfile" in lowered or b"containerfile" in lowered:
                path = os.fsdecode(name)
                path = path[len(prefix):] if path.startswith(prefix) else ""
                if is_target_config(path):
                    found[path] = blob
        in_tree = TreeExcludes.of(config, inits)
        return {p: b for p, b in found.items() if not in_tree.matches(p)}

    spared = sorted(package_named(config))
    return _cached_listing(root, options, f"target-configs:{sha}:{root}:{config.excludes().patterns!r}:{spared!r}", listing)


def _cached_listing(
    root: Path, options: Options | None, key: str, compute: Callable[[], dict[str, str]]
) -> dict[str, str]:
    """``compute()``, from the cache when ``options`` allow one and it holds ``key``."""
    warnings: list[str] = []  # a cache problem here is reported by the analysis itself
    cache = open_cache(root, options, warnings) if options is not None else None
    try:
        cached = cache.get_result(key, dict[str, str]) if cache is not None else None
        if cached is not None:
            return cached
        listing = compute()
        if cache is not None:
            cache.put_result(key, listing)
        return listing
    finally:
        if cache is not None:
            cache.close()
