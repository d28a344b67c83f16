"""Is a data file or a developer script referred to by the product at a given commit?

A report written by a test run (``test_results/run.json``), a generated listing, or a
one-off script under ``scripts/`` is not behaviour, unless production code or deployment
configuration names it: ``open("config/limits.json")``, ``COPY scripts/entrypoint.sh``,
``command: python scripts/migrate.py``. This is decided from the commit's tree, not from
a list of folders: the production Python files, deployment and build configuration, and
package manifests of that tree are searched for the file's path or name. Continuous
integration files are not searched: they run the developer tools and keep test reports.

Reading every such file of a large repository costs time, so it happens only for commits
that change a data file or a script, and what each file mentions is remembered by blob id:
the next commit reads only the files that changed since. The list of referring files is
read with ``ls-tree`` once per line of history and then kept up to date from the changes
the walk already has.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from typing import Callable, Iterable, Sequence

from ssotlint.session.classify import MODE_GITLINK, MODE_SYMLINK, FileChange, Status
from ssotlint.session.paths import Category, PathRules

# What a referring file can mention: a file name with a data or script suffix, or a path.
_NAME = re.compile(
    rb"[\w.\-/]*[\w\-]\.(?:json|jsonl|ndjson|csv|tsv|xml|html?|log|sh|bash|zsh|py|ps1|bat|cmd|js|rb|pl)(?![\w])"
    rb"|[\w.\-]+(?:/[\w.\-]+)+",
    re.IGNORECASE,
)
_REFERRER_CATEGORIES = (Category.PYTHON, Category.CONFIG, Category.MANIFEST)
# Continuous integration runs the developer tools (tests, linters, the scripts/ wrappers)
# and uploads reports: that it names a file does not make the file part of the product.
_CI = re.compile(
    r"(?:\.github/|\.circleci/|\.buildkite/|\.gitlab/|\.woodpecker/)"
    r"|(?:^|/)(?:\.gitlab-ci\.ya?ml|\.travis\.ya?ml|azure-pipelines[^/]*\.ya?ml|bitbucket-pipelines\.ya?ml"
    r"|appveyor\.ya?ml|jenkinsfile|\.pre-commit-config\.ya?ml|\.pre-commit-hooks\.ya?ml)$",
    re.IGNORECASE,
)
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
    """What each referring file (by blob id) mentions, and which referring files each
    commit of the walk has, remembered across commits.

    The referring files of a commit are derived from an earlier commit's (its changes
    applied) when the walk just asked about an ancestor on the same line of history, so
    ``ls-tree`` runs only when a line of history is first asked about.
    """

    def __init__(
        self,
        paths: PathRules,
        tree_listing: Callable[[str], Listing],
        read_many: Callable[[list[str]], dict[str, bytes]],
    ) -> None:
        self._paths = paths
        self._tree_listing = tree_listing
        self._read_many = read_many
        self._mentions: dict[str, frozenset[str]] = {}
        self._is_referrer: dict[str, bool] = {}
        # Recent commits of the walk: sha -> (first parent, changes); and the referring
        # files of the last commits asked about.
        self._recent: OrderedDict[str, tuple[str | None, Sequence[FileChange]]] = OrderedDict()
        self._files: OrderedDict[str, dict[str, str]] = OrderedDict()

    def is_referrer(self, path: str) -> bool:
        """Production Python, deployment/build configuration (not CI), manifests, and
        shell scripts outside tests and tooling."""
        known = self._is_referrer.get(path)
        if known is None:
            category = self._paths.classify(path).category
            name = path.rsplit("/", 1)[-1].lower()
            known = not _CI.search(path) and (
                category in _REFERRER_CATEGORIES
                or name in _PACKAGING_NAMES
                or (category is Category.OTHER and name.endswith(_SCRIPT_SUFFIXES))
            )
            self._is_referrer[path] = known
        return known

    def note(self, sha: str, parents: Sequence[str], changes: Sequence[FileChange], exact: bool) -> None:
        """The walk reached ``sha``; ``exact``: ``changes`` turn its first parent's tree
        into its tree (not so for a merge judged by its resolution)."""
        if exact:
            self._recent[sha] = (parents[0] if parents else None, changes)
            while len(self._recent) > _RECENT:
                self._recent.popitem(last=False)

    def referrer(self, sha: str) -> "TreeReferrer":
        return TreeReferrer(self, sha)

    def files_of(self, sha: str) -> dict[str, str]:
        """Referring files of the commit: path -> blob id."""
        files = self._files.get(sha)
        if files is None:
            files = self._derive(sha)
            if files is None:
                files = {path: oid for path, oid in self._tree_listing(sha) if self.is_referrer(path)}
            self._files[sha] = files
            while len(self._files) > _LISTINGS:
                self._files.popitem(last=False)
        return files

    def _derive(self, sha: str) -> dict[str, str] | None:
        chain: list[Sequence[FileChange]] = []
        current: str | None = sha
        while current is not None and current not in self._files:
            step = self._recent.get(current)
            if step is None:
                return None
            chain.append(step[1])
            current = step[0]
        if current is None:
            files: dict[str, str] = {}  # a root commit: built from nothing
        else:
            files = dict(self._files[current])
        for changes in reversed(chain):
            for change in changes:
                if change.old is not None and change.status is not Status.COPIED:
                    files.pop(change.old.path, None)
                new = change.new
                if new is not None and new.mode not in (MODE_SYMLINK, MODE_GITLINK) and self.is_referrer(new.path):
                    files[new.path] = new.oid
        return files

    def _learn(self, oids: Iterable[str]) -> None:
        unknown = [oid for oid in dict.fromkeys(oids) if oid not in self._mentions]
        if not unknown:
            return
        contents = self._read_many(unknown)
        for oid in unknown:
            data = contents.get(oid)
            # Unreadable or too large to fetch in a batch: it mentions nothing we can see.
            self._mentions[oid] = mentions(data) if data is not None else frozenset()


class TreeReferrer:
    """``referrer(path)`` for one commit's tree: a referring file naming it, or None."""

    def __init__(self, index: ReferenceIndex, sha: str) -> None:
        self._index = index
        self._sha = sha
        self._files: list[tuple[str, frozenset[str]]] | None = None
        self._unread: list[tuple[str, str]] = []  # referring files whose mentions are not known yet
        self._where: dict[str, str] | None = None
        self._asked = 0

    def __call__(self, path: str) -> str | None:
        """Files already read answer first; the others are read (in one batch) only when
        they are needed to say that nothing refers to ``path``."""
        if self._files is None:
            mentioned = self._index._mentions
            self._files = []
            for p, oid in self._index.files_of(self._sha).items():
                if oid in mentioned:
                    self._files.append((p, mentioned[oid]))
                else:
                    self._unread.append((p, oid))
        self._asked += 1
        by = self._lookup(path)
        if by is None and self._unread:
            self._index._learn(oid for _, oid in self._unread)
            self._files.extend((p, self._index._mentions[oid]) for p, oid in self._unread)
            self._unread = []
            self._where = None
            by = self._lookup(path)
        return by

    def _lookup(self, path: str) -> str | None:
        assert self._files is not None
        if self._where is None and self._asked > _SCANS:  # many questions: index the answers
            self._where = {}
            for referring, names in self._files:
                for name in names:
                    self._where.setdefault(name, referring)
        for key in _keys(path):
            if self._where is not None:
                by = self._where.get(key)
            else:
                by = next((referring for referring, names in self._files if key in names and referring != path), None)
            if by is not None and by != path:
                return by
        return None


_RECENT = 256  # commits whose changes are kept to derive a later commit's referring files
_LISTINGS = 4  # commits whose referring files are kept
_SCANS = 8  # questions about one commit answered by scanning before building an index
