"""Is a data file or a developer script referred to by the product at a given commit?

A report written by a test run (``test_results/run.json``), a generated listing, or a
one-off script under ``scripts/`` is not behaviour, unless production code or deployment
configuration names it: ``open("config/limits.json")``, ``COPY scripts/entrypoint.sh``,
``command: python scripts/migrate.py``. This is decided from the commit's tree, not from
a list of folders: the production Python files, deployment and build configuration, and
package manifests of that tree are searched for the file's path or name.

Reading every such file of a large repository costs time, so it happens only for commits
that change a data file or a script, and what each file mentions is remembered by blob id:
the next commit reads only the files that changed since.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable, Sequence

from ssotlint.session.paths import Category, PathRules

# What a referring file can mention: a file name with a data or script suffix, or a path.
_NAME = re.compile(
    rb"[\w.\-/]*[\w\-]\.(?:json|jsonl|ndjson|csv|tsv|xml|html?|log|sh|bash|zsh|py|ps1|bat|cmd|js|rb|pl)(?![\w])"
    rb"|[\w.\-]+(?:/[\w.\-]+)+",
    re.IGNORECASE,
)
_REFERRER_CATEGORIES = (Category.PYTHON, Category.CONFIG, Category.MANIFEST)
_SCRIPT_SUFFIXES = (".sh", ".bash", ".ps1", ".bat", ".cmd")
_PACKAGING_NAMES = ("manifest.in",)

Listing = Sequence[tuple[str, str]]  # (path, blob id) of every file in a tree


def _keys(path: str) -> tuple[str, ...]:
    """How a file can be named: its path, its last two components, and (when it has a
    suffix, so the name says what it is) its bare file name."""
    parts = path.split("/")
    keys = [path, "/".join(parts[-2:])]
    if "." in parts[-1].lstrip("."):
        keys.append(parts[-1])
    return tuple(dict.fromkeys(k.lower() for k in keys))


def mentions(data: bytes) -> frozenset[str]:
    """The names and paths a file's text mentions, in the forms :func:`_keys` looks up."""
    found: set[str] = set()
    for match in _NAME.finditer(data):
        token = match.group().decode("utf-8", "replace").strip("./").lower()
        if not token:
            continue
        parts = token.split("/")
        found.add(token)
        found.add(parts[-1])
        if len(parts) > 1:
            found.add("/".join(parts[-2:]))
    return frozenset(found)


class ReferenceIndex:
    """What each referring file (by blob id) mentions, remembered across commits."""

    def __init__(self, paths: PathRules) -> None:
        self._paths = paths
        self._mentions: dict[str, frozenset[str]] = {}

    def is_referrer(self, path: str) -> bool:
        """Production Python, deployment/build configuration, manifests, shell scripts."""
        category = self._paths.classify(path).category
        if category in _REFERRER_CATEGORIES:
            return True
        name = path.rsplit("/", 1)[-1].lower()
        return name in _PACKAGING_NAMES or (category is Category.OTHER and name.endswith(_SCRIPT_SUFFIXES))

    def referrer(self, listing: Callable[[], Listing], read_many: Callable[[list[str]], dict[str, bytes]]) -> "TreeReferrer":
        return TreeReferrer(self, listing, read_many)

    def _learn(self, files: Iterable[tuple[str, str]], read_many: Callable[[list[str]], dict[str, bytes]]) -> None:
        unknown = list(dict.fromkeys(oid for _, oid in files if oid not in self._mentions))
        if not unknown:
            return
        contents = read_many(unknown)
        for oid in unknown:
            data = contents.get(oid)
            # Unreadable or too large to fetch in a batch: it mentions nothing we can see.
            self._mentions[oid] = mentions(data) if data is not None else frozenset()


class TreeReferrer:
    """``referrer(path)`` for one commit's tree: the first referring file naming it."""

    def __init__(
        self, index: ReferenceIndex, listing: Callable[[], Listing], read_many: Callable[[list[str]], dict[str, bytes]]
    ) -> None:
        self._index = index
        self._listing = listing
        self._read_many = read_many
        self._where: dict[str, str] | None = None

    def _build(self) -> dict[str, str]:
        files = [(path, oid) for path, oid in self._listing() if self._index.is_referrer(path)]
        self._index._learn(files, self._read_many)
        where: dict[str, str] = {}
        for path, oid in files:
            for name in self._index._mentions[oid]:
                where.setdefault(name, path)
        return where

    def __call__(self, path: str) -> str | None:
        if self._where is None:
            self._where = self._build()
        for key in _keys(path):
            by = self._where.get(key)
            if by is not None and by != path:
                return by
        return None
