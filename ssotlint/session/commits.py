"""Walking a range of commits and their changed files, read-only, through the git adapter.

Only commands that read objects are used: ``rev-parse``, ``rev-list``, ``log --raw``,
``ls-tree`` (a commit's file listing, only when a data file or script needs it) and
``cat-file --batch``. None of them writes the work tree, the index, refs or the stash
(``git diff`` and ``git status`` can refresh the index, so they are avoided). Everything
is streamed: commits and their changed files come one commit at a time from a single
``git log --raw -z`` process, and blobs are read only when the classifier needs them.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Iterator, Sequence

from ssotlint.errors import GitError, SsotlintError
from ssotlint.gitrev import BlobReader, GitRepo, commit_sha, find_repo, tree_blobs
from ssotlint.session.classify import FileChange, Side, Status
from ssotlint.session.merges import MergeEntry, parse_combined, resolution_changes

# A Python file larger than this is not parsed but reported as functional.
MAX_BLOB_BYTES = 20 * 1024 * 1024
# Blobs fetched ahead in batches; larger ones are read one by one when needed.
PREFETCH_MAX_BYTES = 1024 * 1024
_CHUNK = 1 << 16
_COMMIT_MARK = b"\x01"
_LOG_ARGS = (
    "--no-walk=unsorted",
    "--stdin",
    f"--format={_COMMIT_MARK.decode()}%H%x00%P%x00%ct%x00%cI%x00%s",
    "--encoding=UTF-8",
    "--raw",
    "-z",
    "--no-abbrev",
    "-M",
    "-C",
    "--root",
    "--ignore-submodules=none",
    "--no-color",
    "--no-show-signature",
    "--no-ext-diff",
    "--no-textconv",
)
_STATUS = {
    "A": Status.ADDED,
    "D": Status.DELETED,
    "M": Status.MODIFIED,
    "T": Status.TYPE_CHANGED,
    "R": Status.RENAMED,
    "C": Status.COPIED,
}


@dataclass(frozen=True)
class CommitInfo:
    sha: str
    parents: tuple[str, ...]  # as the walk sees them: none for a root or shallow boundary
    timestamp: int
    date: str  # committer date, ISO-8601 with the committer's offset
    subject: str

    @property
    def is_merge(self) -> bool:
        return len(self.parents) > 1


@dataclass(frozen=True)
class Range:
    since: str  # as given
    until: str  # as given
    until_sha: str
    since_sha: str | None = None
    since_time: datetime | None = None
    author: str | None = None  # only commits whose author matches (as ``git log --author``)
    # Walk the first-parent chain only, a merge judged by everything it brought in; by
    # default every commit is walked and a merge is judged by its conflict resolution.
    first_parent: bool = False

    def describe(self) -> str:
        by = f" by authors matching {self.author!r}" if self.author is not None else ""
        if self.since_time is not None:
            return f"commits of {self.until} since {self.since_time.isoformat()}{by}"
        return f"{self.since}..{self.until}{by}"


def parse_time(text: str) -> datetime | None:
    """An ISO-8601 time (trailing ``Z`` accepted; no offset means local time), or None."""
    value = text.strip()
    if value.endswith(("Z", "z")):
        value = value[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment.astimezone() if moment.tzinfo is None else moment


class History:
    """Read-only access to one repository's commits, changes and blobs."""

    def __init__(self, repo: GitRepo) -> None:
        self.repo = repo
        self._blobs = BlobReader(repo)
        self._computed: dict[str, bytes] = {}  # merge results computed here, by blob id

    @property
    def work_tree(self) -> Path | None:
        return Path(self.repo.working_tree_dir) if self.repo.working_tree_dir else None

    # -- refs and ranges ------------------------------------------------------------
    def commit_sha(self, spec: str) -> str | None:
        """The commit ``spec`` names (any git revision syntax), or None."""
        return commit_sha(self.repo, spec)

    def resolve(self, since: str, until: str = "HEAD", author: str | None = None, first_parent: bool = False) -> Range:
        until_sha = self.commit_sha(until)
        if until_sha is None:
            if until == "HEAD" and not self._has_commits():
                raise GitError("the repository has no commits yet")
            raise GitError(f"--until: {until!r} is not a commit in this repository")
        since_sha = self.commit_sha(since)
        if since_sha is not None:
            return Range(since, until, until_sha, since_sha=since_sha, author=author, first_parent=first_parent)
        moment = parse_time(since)
        if moment is None:
            raise SsotlintError(f"--since: {since!r} is neither a commit nor an ISO-8601 time")
        return Range(since, until, until_sha, since_time=moment, author=author, first_parent=first_parent)

    def _has_commits(self) -> bool:
        proc = self.repo.run("rev-list", "-n1", "--all")
        return proc.returncode == 0 and bool(proc.stdout.strip())

    # -- commits and their changes --------------------------------------------------
    def walk(self, rng: Range) -> Iterator[tuple[CommitInfo, list[FileChange]]]:
        """The commits of the range, oldest first, each with the files it changed.

        ``rev-list`` selects the commits and its output is piped, one sha at a time,
        into a single ``git log --no-walk --stdin`` that prints each commit's metadata
        and raw diff (against the parent; a root commit or a shallow boundary against the
        empty tree). git reads all of its stdin before writing, so the two never block
        each other, and nothing but the current commit is held here.

        A merge's first-parent diff repeats the work of the branch's own commits, which
        the range already contains; so by default a merge shows only what it changed
        itself compared with the automatic merge of its parents (as ``--remerge-diff``
        would, but read-only: :mod:`ssotlint.session.merges`), from a second ``git log``
        over the merges alone (a combined diff). With ``first_parent`` the walk follows
        first parents only and a merge is judged by everything it brought in.
        """
        selected = list(self._select(rng))
        if not selected:
            return  # an empty stdin would make git log show HEAD
        if rng.first_parent:
            yield from self._log([sha for sha, _ in selected], "--diff-merges=first-parent")  # type: ignore[misc]
            return
        merges = [sha for sha, is_merge in selected if is_merge]
        candidates = {info.sha: entries for info, entries in self._log(merges, "--diff-merges=combined")} if merges else {}
        for info, changes in self._log([sha for sha, _ in selected], "--diff-merges=off"):
            if info.sha in candidates:
                changes = self._resolution(info, candidates[info.sha])  # type: ignore[arg-type]
            yield info, changes  # type: ignore[misc]

    def _resolution(self, info: CommitInfo, entries: list[MergeEntry]) -> list[FileChange]:
        """What a merge changed itself (see :mod:`ssotlint.session.merges`)."""
        if not entries:
            return []
        base = self._merge_base(info.parents) if len(info.parents) == 2 else None
        names = [oid for e in entries for s in (*e.parents, e.result) if s is not None for oid in (s.oid,)]
        if base is not None:
            names += [f"{base}:{e.path}" for e in entries if "\n" not in e.path]
        contents = self.prefetch(names)

        def base_blob(path: str) -> bytes | None:
            return contents.get(f"{base}:{path}") if base is not None else None

        def read(oid: str) -> bytes:
            data = contents.get(oid)
            return data if data is not None else self.read(oid)

        return resolution_changes(entries, base_blob, read, self._computed.__setitem__)

    def _merge_base(self, parents: Sequence[str]) -> str | None:
        try:
            with self.repo.stream("merge-base", *parents) as out:
                return out.read().decode("ascii").strip() or None
        except GitError:  # unrelated histories, or a parent missing from a shallow clone
            return None

    def _log(self, shas: Sequence[bytes], merges: str) -> Iterator[tuple[CommitInfo, list[FileChange | MergeEntry]]]:
        """``git log --no-walk --stdin`` over ``shas``, in that order."""
        with self.repo.stream("log", *_LOG_ARGS, merges, stdin=b"".join(sha + b"\n" for sha in shas)) as out:
            yield from _parse_log(_nul_fields(out))

    def _select(self, rng: Range) -> Iterator[tuple[bytes, bool]]:
        """Shas of the range, oldest first (parents before children), and whether each
        is a merge (as the walk sees it).

        A time range keeps exactly the commits whose committer date is at or after the
        time, checked here one by one: git's own ``--since`` stops walking at the first
        older commit and so misses newer ones behind clock skew.
        """
        revs = [f"^{rng.since_sha}", rng.until_sha] if rng.since_sha else [rng.until_sha]
        threshold = rng.since_time.timestamp() if rng.since_time is not None else None
        # git's own matching (a regular expression on "Name <email>"), as in git log --author.
        author = [f"--author={rng.author}"] if rng.author is not None else []
        chain = ["--first-parent"] if rng.first_parent else []
        with self.repo.stream("rev-list", "--reverse", "--date-order", "--timestamp", "--parents", *chain, *author, *revs, "--") as out:
            for line in out:
                stamp, *shas = line.split()
                if shas and (threshold is None or int(stamp) >= threshold):
                    yield shas[0], len(shas) > 2

    def tree_listing(self, sha: str) -> list[tuple[str, str]]:
        """``(path, blob id)`` of every file in the commit's tree (submodules and
        symbolic links left out), from one ``ls-tree`` process."""
        return [(_path(name), blob) for name, blob in tree_blobs(self.repo, sha)]

    # -- blobs ----------------------------------------------------------------------
    def read(self, oid: str) -> bytes:
        """A blob's content (one round trip to the persistent ``cat-file --batch``);
        BlobUnavailable when it is missing or over :data:`MAX_BLOB_BYTES`."""
        computed = self._computed.get(oid)
        if computed is not None:
            return computed
        return self._blobs.read_limited(oid, MAX_BLOB_BYTES)

    def prefetch(self, oids: Sequence[str]) -> dict[str, bytes]:
        """Several blobs in one pipelined ``cat-file --batch`` exchange.

        Only blobs up to :data:`PREFETCH_MAX_BYTES` are returned, so a chunk never holds
        much memory; missing or larger ones are left to :meth:`read`.
        """
        found = {oid: self._computed[oid] for oid in oids if oid in self._computed}
        found.update(self._blobs.read_many([oid for oid in oids if oid not in found], PREFETCH_MAX_BYTES))
        return found

    def close(self) -> None:
        self._blobs.close()


def _nul_fields(stream: IO[bytes]) -> Iterator[bytes]:
    """The NUL-terminated fields of a stream, read in chunks."""
    pending = b""
    while True:
        chunk = stream.read(_CHUNK)
        if not chunk:
            break
        pending += chunk
        *complete, pending = pending.split(b"\0")
        yield from complete
    if pending:
        yield pending


def _parse_log(fields: Iterator[bytes]) -> Iterator[tuple[CommitInfo, list[FileChange | MergeEntry]]]:
    """Commits and raw diff entries from ``git log -z --raw`` with :data:`_LOG_ARGS`.

    Parsed by position: a field starting with the commit mark is followed by exactly
    four metadata fields; a raw entry (``:modes oids status``) by one path, or two for
    a rename or copy. Paths and subjects are never mistaken for either.
    """
    current: CommitInfo | None = None
    changes: list[FileChange | MergeEntry] = []
    for field in fields:
        if field.startswith(_COMMIT_MARK):
            if current is not None:
                yield current, changes
            parents, stamp, date, subject = (next(fields, b"") for _ in range(4))
            current = CommitInfo(
                sha=field[1:].decode("ascii"),
                parents=tuple(parents.decode("ascii").split()),
                timestamp=int(stamp or 0),
                date=date.decode("ascii"),
                subject=subject.decode("utf-8", "replace"),
            )
            changes = []
            continue
        header = field.lstrip(b"\n")
        if not header.startswith(b":"):
            continue
        if header.startswith(b"::"):  # a combined diff entry of a merge: one path
            changes.append(parse_combined(header, _path(next(fields, b""))))
            continue
        old_mode, new_mode, old_oid, new_oid, letters = header[1:].decode("ascii").split()
        status = _STATUS.get(letters[0], Status.MODIFIED)
        first = _path(next(fields, b""))
        second = _path(next(fields, b"")) if letters[0] in "RC" else first
        old = None if status is Status.ADDED else Side(first, old_oid, int(old_mode, 8))
        new = None if status is Status.DELETED else Side(second, new_oid, int(new_mode, 8))
        changes.append(FileChange(status, old, new))
    if current is not None:
        yield current, changes


def _path(raw: bytes) -> str:
    return raw.decode("utf-8", "backslashreplace")


@contextmanager
def open_history(path: Path) -> Iterator[History]:
    """The repository containing ``path`` (a bare one included); GitError when there is none."""
    if not path.exists():
        raise SsotlintError(f"{path}: no such file or directory")
    repo = find_repo(path if path.is_dir() else path.parent)
    if repo is None:
        raise GitError(f"{path.resolve()}: not a git repository")
    history = History(repo)
    try:
        yield history
    finally:
        history.close()
