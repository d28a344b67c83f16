"""One changed file in, one verdict out; and a commit's verdict from its files' verdicts.

Nothing here talks to git. A :class:`FileChange` names the two sides of a change by
path, mode and object id, and :func:`classify` asks a ``read(oid) -> bytes`` callable
for content only when the path's category needs it (production Python, manifests and
requirements files, a file without a suffix that may be a Python script), so a commit
touching thousands of documents reads no blob at all. Whether a data file or a developer
script is referred to by production code or deployment configuration at that commit is
asked of a ``referrer(path) -> referring path | None`` callable, only for such files.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Callable, Iterable

from ssotlint.config import Config
from ssotlint.gitrev import BlobUnavailable
from ssotlint.session import manifests
from ssotlint.session.paths import Category, PathClass, PathRules
from ssotlint.session.semantics import Unparsable, compare_python, parse

MODE_SYMLINK = 0o120000
MODE_GITLINK = 0o160000  # a submodule: the "blob" is a commit of another repository


class Kind(str, Enum):
    DOCS = "docs"
    TEST = "test"
    NON_FUNCTIONAL = "non-functional"
    FUNCTIONAL = "functional"
    DEPENDENCY = "dependency"
    CONFIG = "config"
    TOOLING = "tooling"  # developer tooling: shown, functional only with tooling-is-functional


class Status(str, Enum):
    ADDED = "added"
    DELETED = "deleted"
    MODIFIED = "modified"
    RENAMED = "renamed"
    COPIED = "copied"
    TYPE_CHANGED = "type-changed"


@dataclass(frozen=True)
class Side:
    path: str
    oid: str
    mode: int


@dataclass(frozen=True)
class FileChange:
    status: Status
    old: Side | None  # None when added
    new: Side | None  # None when deleted

    @property
    def path(self) -> str:
        side = self.new or self.old
        assert side is not None
        return side.path


@dataclass(frozen=True)
class FileVerdict:
    path: str
    kind: Kind
    reason: str
    status: Status
    old_path: str | None = None  # renames and copies


Reader = Callable[[str], bytes]
Referrer = Callable[[str], "str | None"]  # a path -> a production/deployment file naming it


def _no_referrer_known(path: str) -> str | None:
    """Without a view of the tree, every data file and script may be in use."""
    return "(the tree was not searched)"


@dataclass(frozen=True)
class Policy:
    """The path rules and what counts as functional, from the configuration."""

    paths: PathRules
    config_is_functional: bool = True
    tooling_is_functional: bool = False

    @classmethod
    def from_config(cls, config: Config) -> "Policy":
        session = config.session
        return cls(PathRules(config), session.config_is_functional, session.tooling_is_functional)

    def counts(self, kind: Kind) -> bool:
        """Does a file of this kind make its commit functional?"""
        if kind is Kind.CONFIG:
            return self.config_is_functional
        if kind is Kind.TOOLING:
            return self.tooling_is_functional
        return kind in (Kind.FUNCTIONAL, Kind.DEPENDENCY)

    def shown(self, kind: Kind) -> bool:
        """Is a file of this kind worth a reviewer's look even when it is not functional?"""
        return self.counts(kind) or kind is Kind.TOOLING

    def severity(self, kind: Kind) -> int:
        if self.counts(kind):
            return 2
        return 1 if kind in (Kind.NON_FUNCTIONAL, Kind.CONFIG, Kind.TOOLING) else 0


@dataclass(frozen=True)
class CommitVerdict:
    files: tuple[FileVerdict, ...]
    functional: bool

    @classmethod
    def of(cls, files: Iterable[FileVerdict], policy: Policy) -> "CommitVerdict":
        files = tuple(files)
        return cls(files, any(policy.counts(f.kind) for f in files))

    def culprits(self, policy: Policy) -> list[FileVerdict]:
        """The files that make the commit functional."""
        return [f for f in self.files if policy.counts(f.kind)]

    def noteworthy(self, policy: Policy) -> list[FileVerdict]:
        """The culprits, and the files a reviewer should see anyway (developer tooling)."""
        return [f for f in self.files if policy.shown(f.kind)]


def blobs_needed(change: FileChange, policy: Policy) -> list[str]:
    """The object ids :func:`classify` will read for this change, so they can be fetched
    in one batch. A superset is harmless; anything missed is read on demand."""
    sides = [s for s in (change.old, change.new) if s is not None and s.mode not in (MODE_SYMLINK, MODE_GITLINK)]
    wanted = []
    for side in sides:
        category = policy.paths.classify(side.path).category
        if category in (Category.MANIFEST, Category.REQUIREMENTS) or _may_be_script(side.path, category):
            wanted.append(side.oid)
        elif category is Category.PYTHON:
            added = len(sides) == 1 and side is change.new
            if added or (len(sides) == 2 and sides[0].oid != sides[1].oid):
                wanted.append(side.oid)
    return wanted


def _may_be_script(path: str, category: Category) -> bool:
    """A file without a suffix outside the known categories may be a Python script."""
    return category is Category.OTHER and "." not in path.rsplit("/", 1)[-1]


def _is_python_script(data: bytes) -> bool:
    first = data[:256].split(b"\n", 1)[0]
    return first.startswith(b"#!") and b"python" in first


def _path_class(side: Side, policy: Policy, read: Reader) -> PathClass:
    """The path's class; a suffix-less file starting with a Python shebang is Python."""
    pclass = policy.paths.classify(side.path)
    if _may_be_script(side.path, pclass.category) and side.mode not in (MODE_SYMLINK, MODE_GITLINK):
        try:
            if _is_python_script(read(side.oid)):
                return PathClass(Category.PYTHON, "production Python (a script with a Python shebang)")
        except BlobUnavailable:
            pass
    return pclass


def classify(change: FileChange, policy: Policy, read: Reader, referrer: Referrer = _no_referrer_known) -> FileVerdict:
    """The kind of one changed file and why; ``read`` is asked only for needed content,
    ``referrer`` only about data files and developer tooling."""
    old, new = change.old, change.new
    if old is not None and new is not None and change.status is Status.COPIED:
        # The source still exists: a copy is the addition of the new path.
        verdict = _one_sided(new, policy, read, referrer, added=True)
        return _verdict(change, verdict[0], f"copy of {old.path}: {verdict[1]}")
    if old is None or new is None:
        side = new or old
        assert side is not None
        kind, reason = _one_sided(side, policy, read, referrer, added=old is None)
        return _verdict(change, kind, reason)
    old_class, new_class = _path_class(old, policy, read), _path_class(new, policy, read)
    # A moved requirements file or manifest changes what installers and builds read
    # (``pip install -r requirements.txt``), unlike a moved module.
    moved_manifest = new_class.category in (Category.MANIFEST, Category.REQUIREMENTS) and old.path != new.path
    if old_class.category is not new_class.category or moved_manifest:
        # Moved across categories (e.g. from production code into tests): as severe as
        # deleting the old path and adding the new one.
        gone = _one_sided(old, policy, read, referrer, added=False)
        came = _one_sided(new, policy, read, referrer, added=True)
        kind, reason = max(gone, came, key=lambda kr: policy.severity(kr[0]))
        return _verdict(change, kind, f"moved from {old.path}: {reason}")
    kind, reason = _both_sides(old, new, new_class, read, referrer)
    if change.status is Status.RENAMED:
        reason = f"renamed from {old.path}: {reason}"
    return _verdict(change, kind, reason)


def _verdict(change: FileChange, kind: Kind, reason: str) -> FileVerdict:
    old_path = change.old.path if change.old and change.new and change.old.path != change.new.path else None
    return FileVerdict(change.path, kind, reason, change.status, old_path)


_PLAIN_KINDS = {
    Category.DOCS: Kind.DOCS,
    Category.TEST: Kind.TEST,
    Category.CONFIG: Kind.CONFIG,
    Category.DEPENDENCY: Kind.DEPENDENCY,
    Category.METADATA: Kind.NON_FUNCTIONAL,
    Category.BACKUP: Kind.NON_FUNCTIONAL,
    Category.OTHER: Kind.FUNCTIONAL,
}


def _referenced(side: Side, pclass: PathClass, referrer: Referrer, what: str) -> tuple[Kind, str] | None:
    """Data files and developer tooling: behaviour only when production code or
    deployment configuration names them (by path or file name) in the commit's tree."""
    if pclass.category not in (Category.DATA, Category.TOOLING):
        return None
    by = referrer(side.path)
    if by is not None:
        return Kind.FUNCTIONAL, f"{pclass.label} ({what}), referred to by {by}"
    if pclass.category is Category.TOOLING:
        return Kind.TOOLING, f"{pclass.label} ({what})"
    return Kind.NON_FUNCTIONAL, f"data file ({what}) that no production code or deployment file refers to"


def _special_mode(side: Side, pclass: PathClass) -> tuple[Kind, str] | None:
    if pclass.category in (Category.DOCS, Category.TEST):
        return None
    if side.mode == MODE_GITLINK:
        return Kind.DEPENDENCY, "submodule"
    if side.mode == MODE_SYMLINK and pclass.category not in (Category.CONFIG, Category.METADATA):
        return Kind.FUNCTIONAL, "symbolic link"
    return None


def _one_sided(side: Side, policy: Policy, read: Reader, referrer: Referrer, added: bool) -> tuple[Kind, str]:
    """A path that exists on one side only: added (or the target of a copy) or deleted."""
    pclass = _path_class(side, policy, read)
    verb = "added" if added else "deleted"
    special = _special_mode(side, pclass)
    if special is not None:
        return special[0], f"{special[1]} ({verb})"
    referenced = _referenced(side, pclass, referrer, verb)
    if referenced is not None:
        return referenced
    category = pclass.category
    if category is Category.PYTHON:
        reason = f"production Python file {verb}"
        if added:  # functional anyway; but say so if it does not even parse
            try:
                parse(read(side.oid))
            except BlobUnavailable:
                pass
            except Unparsable as exc:
                reason += f"; it cannot be parsed ({exc})"
        return Kind.FUNCTIONAL, reason
    if category in (Category.MANIFEST, Category.REQUIREMENTS):
        try:
            data = read(side.oid)
        except BlobUnavailable as exc:
            return Kind.DEPENDENCY, f"{pclass.label} ({verb}); {exc}"
        name = side.path.rsplit("/", 1)[-1]
        pair = (None, data) if added else (data, None)
        if category is Category.MANIFEST:
            result = manifests.compare_manifest(name, *pair)
        else:
            result = manifests.compare_requirements(*pair)
        return Kind(result.kind), result.reason
    return _PLAIN_KINDS[category], f"{pclass.label} ({verb})"


def _both_sides(old: Side, new: Side, pclass: PathClass, read: Reader, referrer: Referrer) -> tuple[Kind, str]:
    """The same category on both sides: modified in place, or renamed within it."""
    special = _special_mode(new, pclass) or _special_mode(old, pclass)
    if special is not None:
        if old.oid == new.oid and old.mode == new.mode:
            return Kind.NON_FUNCTIONAL, f"{special[1]} unchanged"
        return special[0], f"{special[1]} changed"
    referenced = _referenced(new, pclass, referrer, "modified")
    if referenced is not None:
        if referenced[0] is not Kind.FUNCTIONAL and old.path != new.path:
            # Renamed: production code still naming the old path is behaviour too.
            gone = _referenced(old, pclass, referrer, "under its old name")
            if gone is not None and gone[0] is Kind.FUNCTIONAL:
                return gone
        return referenced
    category = pclass.category
    if category not in (Category.PYTHON, Category.MANIFEST, Category.REQUIREMENTS):
        return _PLAIN_KINDS[category], pclass.label
    if old.oid == new.oid:
        return Kind.NON_FUNCTIONAL, "content unchanged" if old.mode == new.mode else "only the file mode changed"
    try:
        old_data, new_data = read(old.oid), read(new.oid)
    except BlobUnavailable as exc:
        fallback = Kind.FUNCTIONAL if category is Category.PYTHON else Kind.DEPENDENCY
        return fallback, f"cannot compare the two versions: {exc}"
    if category is Category.PYTHON:
        same, reason = compare_python(old_data, new_data)
        return (Kind.NON_FUNCTIONAL if same else Kind.FUNCTIONAL), reason
    if category is Category.MANIFEST:
        result = manifests.compare_manifest(new.path.rsplit("/", 1)[-1], old_data, new_data)
    else:
        result = manifests.compare_requirements(old_data, new_data)
    return Kind(result.kind), result.reason
