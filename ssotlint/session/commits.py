"""Walking a range of commits and their changed files, read-only, through GitPython.

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
from typing import IO, TYPE_CHECKING, Any, Iterator, Sequence

from ssotlint.errors import GitError, SsotlintError
from ssotlint.gitcmd import gitpython_repo
from ssotlint.session.classify import BlobUnavailable, FileChange, Side, Status
from ssotlint.session.merges import MergeEntry, parse_combined, resolution_changes

if TYPE_CHECKING:
    from git import Repo

# A Python file larger than this is not parsed but reported as functional.
MAX_BLOB_BYTES = 20 * 1024 * 1024
# Blobs fetched ahead in batches; larger ones are read one by one when needed.
PREFETCH_MAX_BYTES = 1024 * 1024
_PREFETCH_CHUNK = 256
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

    def __init__(self, repo: "Repo") -> None:
        self.repo = repo
        self._batch_reader: _BatchReader | None = None
        self._computed: dict[str, bytes] = {}  # merge results computed here, by blob id

    @property
    def work_tree(self) -> Path | None:
        return Path(self.repo.working_tree_dir) if self.repo.working_tree_dir else None

    # -- refs and ranges ------------------------------------------------------------
    def commit_sha(self, spec: str) -> str | None:
        """The commit ``spec`` names (any git revision syntax), or None."""
        import git

        if not spec or spec.startswith("-"):
            return None
        try:
            out = self.repo.git.rev_parse("--verify", "--quiet", f"{spec}^{{commit}}")
        except git.GitCommandError:
            return None
        return out.strip() or None

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
        try:
            return bool(self.repo.git.rev_list("-n1", "--all").strip())
        except Exception:  # noqa: BLE001 - only used to word an error message
            return False

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
            with self._stream("merge-base", *parents) as out:
                return out.read().decode("ascii").strip() or None
        except GitError:  # unrelated histories, or a parent missing from a shallow clone
            return None

    def _log(self, shas: Sequence[bytes], merges: str) -> Iterator[tuple[CommitInfo, list[FileChange | MergeEntry]]]:
        """``git log --no-walk --stdin`` over ``shas``, in that order."""
        import subprocess

        with self._process("log", *_LOG_ARGS, merges, istream=subprocess.PIPE) as proc:
            stdin = proc.stdin
            for sha in shas:
                stdin.write(sha + b"\n")
            stdin.close()
            yield from _parse_log(_nul_fields(proc.stdout))

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
        with self._stream("rev-list", "--reverse", "--date-order", "--timestamp", "--parents", *chain, *author, *revs, "--") as out:
            for line in out:
                stamp, *shas = line.split()
                if shas and (threshold is None or int(stamp) >= threshold):
                    yield shas[0], len(shas) > 2

    def tree_listing(self, sha: str) -> list[tuple[str, str]]:
        """``(path, blob id)`` of every file in the commit's tree (submodules and
        symbolic links left out), from one ``ls-tree`` process."""
        with self._stream("ls-tree", "-r", "-z", "--full-tree", sha) as out:
            data = out.read()
        listing = []
        for entry in data.split(b"\0"):
            header, _, path = entry.partition(b"\t")
            fields = header.split()
            if len(fields) == 3 and fields[1] == b"blob" and fields[0] != b"120000":
                listing.append((_path(path), fields[2].decode("ascii")))
        return listing

    # -- blobs ----------------------------------------------------------------------
    def read(self, oid: str) -> bytes:
        """A blob's content (one round trip to the persistent ``cat-file --batch``)."""
        computed = self._computed.get(oid)
        if computed is not None:
            return computed
        try:
            stream = self.repo.odb.stream(bytes.fromhex(oid))
        except Exception as exc:  # noqa: BLE001 - a missing object (partial clone...) is a verdict, not a crash
            raise BlobUnavailable(f"object {oid[:12]} cannot be read") from exc
        if stream.size > MAX_BLOB_BYTES:
            while stream.read(_CHUNK):  # the batch process must be drained before the next request
                pass
            raise BlobUnavailable(f"too large to compare ({stream.size // (1024 * 1024)} MB)")
        return stream.read()

    def prefetch(self, oids: Sequence[str]) -> dict[str, bytes]:
        """Several blobs in one pipelined ``cat-file --batch`` exchange.

        Only blobs up to :data:`PREFETCH_MAX_BYTES` are returned, so a chunk never holds
        much memory; missing or larger ones are left to :meth:`read`.
        """
        found = {oid: self._computed[oid] for oid in oids if oid in self._computed}
        unique = [oid for oid in dict.fromkeys(oids) if oid not in found]
        for start in range(0, len(unique), _PREFETCH_CHUNK):
            chunk = unique[start : start + _PREFETCH_CHUNK]
            try:
                found.update(self._batch().read_many(chunk))
            except (OSError, ValueError):
                self._close_batch()  # out of step or dead: fall back to read()
                break
        return found

    def _batch(self) -> "_BatchReader":
        if self._batch_reader is None:
            self._batch_reader = _BatchReader(self.repo)
        return self._batch_reader

    def _close_batch(self) -> None:
        if self._batch_reader is not None:
            self._batch_reader.close()
            self._batch_reader = None

    def close(self) -> None:
        self._close_batch()
        self.repo.close()

    # -- plumbing -------------------------------------------------------------------
    @contextmanager
    def _stream(self, command: str, *args: str) -> Iterator[IO[bytes]]:
        """Run a read-only git command and yield its stdout; a failure is a GitError."""
        with self._process(command, *args) as proc:
            yield proc.stdout

    @contextmanager
    def _process(self, command: str, *args: str, **options: object) -> Iterator[Any]:
        """A running read-only git command; stopped if the caller stops early, and its
        failure reported as a GitError once its output has been read."""
        import git

        proc = getattr(self.repo.git, command.replace("-", "_"))(*args, as_process=True, **options)
        finished = False
        try:
            yield proc
            finished = True
        finally:
            if not finished:
                _stop(proc)
        try:
            proc.wait()
        except git.GitCommandError as exc:
            message = _first_line(exc.stderr) or f"exit status {exc.status}"
            raise GitError(f"git {command} failed: {message}") from None


class _BatchReader:
    """A ``git cat-file --batch`` process that answers a chunk of requests at a time.

    All requests of a chunk are written before any answer is read; a chunk's requests
    (:data:`_PREFETCH_CHUNK` lines of at most 65 bytes) fit in a pipe buffer, so git
    can never be blocked writing answers while this side is still writing requests.
    """

    def __init__(self, repo: "Repo") -> None:
        import subprocess

        self._proc = repo.git.cat_file("--batch", as_process=True, istream=subprocess.PIPE)

    def read_many(self, oids: Sequence[str]) -> dict[str, bytes]:
        stdin, stdout = self._proc.stdin, self._proc.stdout
        stdin.write(b"".join(oid.encode("ascii") + b"\n" for oid in oids))
        stdin.flush()
        found: dict[str, bytes] = {}
        for oid in oids:
            header = stdout.readline().split()
            if len(header) != 3:  # "<oid> missing" / "ambiguous"
                continue
            size = int(header[2])
            if size <= PREFETCH_MAX_BYTES and header[1] == b"blob":
                found[oid] = _read_exactly(stdout, size)
            else:
                remaining = size
                while remaining:
                    remaining -= len(_read_exactly(stdout, min(remaining, _CHUNK)))
            if stdout.read(1) != b"\n":
                raise ValueError("cat-file --batch answer out of step")
        return found

    def close(self) -> None:
        try:
            self._proc.stdin.close()
        except OSError:
            pass
        _stop(self._proc)


def _read_exactly(stream: IO[bytes], size: int) -> bytes:
    data = stream.read(size)
    if len(data) != size:
        raise ValueError("cat-file --batch ended early")
    return data


def _stop(proc: object) -> None:
    popen = getattr(proc, "proc", None)
    if popen is None:
        return
    try:
        popen.kill()
        popen.wait()
    except OSError:
        pass


def _first_line(stderr: object) -> str:
    text = stderr.decode("utf-8", "replace") if isinstance(stderr, bytes) else str(stderr or "")
    for line in text.splitlines():
        line = line.strip().strip("'").strip()
        if line.startswith("stderr:"):
            line = line[len("stderr:"):].strip().strip("'").strip()
        if line:
            return line
    return ""


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
    """The repository containing ``path``; GitError when there is none."""
    if not path.exists():
        raise SsotlintError(f"{path}: no such file or directory")
    try:
        import git
    except ImportError as exc:  # GitPython refuses to import without a git executable
        raise GitError(f"git is not available: {_first_line(str(exc))}") from None
    try:
        # Never fetch missing objects of a partial clone (that would write to .git), never
        # run a program the repository configured.
        repo = gitpython_repo(path, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        raise GitError(f"{path.resolve()}: not a git repository") from None
    history = History(repo)
    try:
        yield history
    finally:
        history.close()
