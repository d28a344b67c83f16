"""ssotlint's one git adapter: the repository, its processes, its tree listings and blobs.

Every command that reads git history (``diff``, ``report``, ``score --history``,
``session``) goes through here, and everything here goes through :mod:`ssotlint.gitcmd`
(the safe environment). Nothing checks out, stashes, or writes: no index refresh, no ref
update. Only reads (rev-parse, rev-list, log, ls-tree, merge-base, cat-file) are used, each
a subprocess: short ones captured (:meth:`GitRepo.run`), long ones streamed
(:meth:`GitRepo.stream`), and blob contents through one long-lived ``git cat-file
--batch`` (:class:`BlobReader`).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import weakref
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator, Sequence

from ssotlint.errors import GitError
from ssotlint.gitcmd import git_command, git_env

_CHUNK = 1 << 16


def blob_id(data: bytes) -> str:
    """The git blob id of some content: a content key that git already knows."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


class GitRepo:
    """A repository driven through git's plumbing commands. ``working_tree_dir`` is None
    for a bare repository (commands then run in ``git_dir``)."""

    def __init__(self, working_tree_dir: str | None, git_dir: str) -> None:
        self.working_tree_dir = working_tree_dir
        self.git_dir = git_dir

    @property
    def cwd(self) -> Path:
        return Path(self.working_tree_dir or self.git_dir)

    def run(self, *args: str) -> subprocess.CompletedProcess[bytes]:
        """A short command, its output captured (the caller reads ``returncode``)."""
        return _git(self.cwd, *args)

    @contextmanager
    def stream(self, *args: str, stdin: bytes | None = None) -> Iterator[IO[bytes]]:
        """A long command's stdout, read as it comes; ``stdin`` is written to it first
        (git reads all of its input before answering). The process is stopped if the
        caller stops early; a failure is a GitError once the output has been read."""
        import tempfile

        with tempfile.TemporaryFile() as errors:  # a file: a chatty stderr never blocks git
            proc = _popen(self.cwd, args, stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL, stderr=errors)
            finished = False
            try:
                if stdin is not None:
                    _feed(proc, stdin)
                yield proc.stdout
                finished = True
            finally:
                if not finished:
                    _stop(proc)
                proc.stdout.close()
            if proc.wait() != 0:
                errors.seek(0)
                message = _first_line(errors.read()) or f"exit status {proc.returncode}"
                raise GitError(f"git {args[0]} failed: {message}")


def _feed(proc: subprocess.Popen[bytes], data: bytes) -> None:
    """Write a process's whole input; a process that stopped reading has failed, and its
    exit status and message (read afterwards) say why."""
    try:
        proc.stdin.write(data)
        proc.stdin.close()
    except BrokenPipeError:
        try:
            proc.stdin.close()
        except OSError:
            pass


def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            git_command(*args), cwd=cwd, env=git_env(), stdin=subprocess.DEVNULL,
            capture_output=True, timeout=300,
        )
    except FileNotFoundError:
        raise GitError("git is not installed or not on PATH") from None
    except (OSError, subprocess.SubprocessError) as exc:
        raise GitError(f"git failed: {exc}") from None


def _popen(cwd: Path, args: Sequence[str], stdin: int, stderr: IO[bytes] | int) -> subprocess.Popen[bytes]:
    try:
        return subprocess.Popen(git_command(*args), cwd=cwd, env=git_env(), stdin=stdin, stdout=subprocess.PIPE, stderr=stderr)
    except FileNotFoundError:
        raise GitError("git is not installed or not on PATH") from None
    except OSError as exc:
        raise GitError(f"git failed: {exc}") from None


def _stop(proc: subprocess.Popen[bytes]) -> None:
    try:
        proc.kill()
        proc.wait()
    except OSError:
        pass


def _first_line(stderr: bytes) -> str:
    for line in stderr.decode("utf-8", "replace").splitlines():
        if line.strip():
            return line.strip()
    return ""


def open_repo(root: Path) -> GitRepo:
    """The git repository (with a work tree) containing ``root``; GitError outside one."""
    repo = _work_tree_repo(root)
    if repo is None:
        raise GitError(f"{root} is not in a git repository (diff compares the work tree with a commit)")
    return repo


def find_repo(path: Path) -> GitRepo | None:
    """The repository containing ``path`` (a bare one included), or None."""
    return _work_tree_repo(path) or _bare_repo(path)


def _work_tree_repo(path: Path) -> GitRepo | None:
    proc = _git(path, "rev-parse", "--show-toplevel", "--absolute-git-dir")
    lines = os.fsdecode(proc.stdout).splitlines()
    if proc.returncode == 0 and len(lines) == 2:
        return GitRepo(lines[0], lines[1])
    return None


def _bare_repo(path: Path) -> GitRepo | None:
    proc = _git(path, "rev-parse", "--is-bare-repository", "--absolute-git-dir")
    lines = os.fsdecode(proc.stdout).splitlines()
    if proc.returncode == 0 and len(lines) == 2 and lines[0] == "true":
        return GitRepo(None, lines[1])
    return None


def has_commits(repo: GitRepo) -> bool:
    return repo.run("rev-parse", "-q", "--verify", "HEAD^{commit}").returncode == 0


def is_shallow(repo: GitRepo) -> bool:
    return os.path.exists(os.path.join(repo.git_dir, "shallow"))


def commit_sha(repo: GitRepo, spec: str) -> str | None:
    """The commit ``spec`` names (any git revision syntax), or None."""
    if not spec or spec.startswith("-"):  # an option, not a revision
        return None
    proc = repo.run("rev-parse", "-q", "--verify", f"{spec}^{{commit}}")
    sha = proc.stdout.decode("ascii", "replace").strip()
    return sha if proc.returncode == 0 and sha else None


def resolve(repo: GitRepo, ref: str) -> str:
    """The full sha of the commit ``ref`` names."""
    if ref.startswith("-"):  # an option, not a revision (older git has no --end-of-options)
        raise GitError(f"unknown revision {ref!r}")
    proc = repo.run("rev-parse", "-q", "--verify", f"{ref}^{{commit}}")
    sha = proc.stdout.decode("ascii", "replace").strip()
    shallow = is_shallow(repo)
    if proc.returncode == 0 and sha:
        # A shallow clone knows its boundary commits' parents by id only: the tree must exist.
        if not shallow or repo.run("cat-file", "-e", f"{sha}^{{tree}}").returncode == 0:
            return sha
    if shallow:
        raise GitError(
            f"{ref!r} is not available in this shallow clone; fetch more history "
            "(git fetch --deepen=N or --unshallow)"
        )
    raise GitError(f"unknown revision {ref!r}")


def root_prefix(repo: GitRepo, root: Path) -> str:
    """Where ``root`` lies in the repository, as a path prefix ("" at the top, else "a/b/")."""
    top = Path(repo.working_tree_dir).resolve()
    try:
        prefix = root.resolve().relative_to(top).as_posix()
    except ValueError:
        prefix = "."
    return "" if prefix == "." else prefix + "/"


def tree_blobs(repo: GitRepo, sha: str) -> Iterator[tuple[bytes, str]]:
    """``(path as bytes, blob id)`` of every file of the commit's tree, from one ``ls-tree``
    (submodules and symbolic links left out); GitError when the tree cannot be read."""
    proc = repo.run("ls-tree", "-r", "-z", "--full-tree", sha)
    if proc.returncode != 0:
        raise GitError(f"cannot list the files of {sha[:12]}: {os.fsdecode(proc.stderr).strip()}")
    for record in proc.stdout.split(b"\0"):
        meta, _, name = record.partition(b"\t")
        fields = meta.split(b" ")
        if len(fields) == 3 and fields[1] == b"blob" and fields[0] != b"120000":
            yield name, fields[2].decode("ascii")


def python_blobs(repo: GitRepo, sha: str, root: Path) -> dict[str, str]:
    """``path -> blob id`` of every .py file of the commit below ``root``."""
    prefix = root_prefix(repo, root)
    entries: dict[str, str] = {}
    for name, blob in tree_blobs(repo, sha):
        if not name.endswith(b".py"):
            continue
        path = os.fsdecode(name)
        if path.startswith(prefix):
            entries[path[len(prefix):]] = blob
    return entries


class BlobUnavailable(Exception):
    """A blob that cannot be read: missing (partial or shallow clone) or over the size asked."""

    def __init__(self, message: str, size: int | None = None) -> None:
        super().__init__(message)
        self.size = size


class BlobReader:
    """Blob contents through one long-lived ``git cat-file --batch`` process, started on
    first use (and again after a failure).

    :meth:`read_many` writes a chunk's requests before reading any answer; a chunk of at
    most :data:`BATCH_CHUNK` requests (65 bytes each) fits in a pipe buffer, so git is
    never blocked writing answers while this side still writes requests.
    """

    BATCH_CHUNK = 256

    def __init__(self, repo: GitRepo) -> None:
        self.repo = repo
        self._proc: subprocess.Popen[bytes] | None = None
        self._finalizer: weakref.finalize | None = None

    def read(self, blob: str) -> bytes | None:
        """The blob's content, or None when it cannot be read."""
        try:
            return self.read_limited(blob, None)
        except BlobUnavailable:
            return None

    def read_limited(self, blob: str, max_bytes: int | None) -> bytes:
        """The blob's content; BlobUnavailable when missing or larger than ``max_bytes``."""
        try:
            answer = self._exchange([blob], max_bytes)
        except (OSError, ValueError, GitError) as exc:
            self.close()
            raise BlobUnavailable(f"object {blob[:12]} cannot be read") from exc
        found, sizes = answer
        if blob in found:
            return found[blob]
        size = sizes.get(blob)
        if size is None:
            raise BlobUnavailable(f"object {blob[:12]} cannot be read")
        raise BlobUnavailable(f"too large to compare ({size // (1024 * 1024)} MB)", size)

    def read_many(self, blobs: Sequence[str], max_bytes: int | None = None) -> dict[str, bytes]:
        """Several blobs, pipelined; missing ones and those over ``max_bytes`` are left out
        (read them one by one). A broken exchange stops the batch: what was read is kept."""
        found: dict[str, bytes] = {}
        unique = list(dict.fromkeys(blobs))
        for start in range(0, len(unique), self.BATCH_CHUNK):
            try:
                found.update(self._exchange(unique[start : start + self.BATCH_CHUNK], max_bytes)[0])
            except (OSError, ValueError, GitError):
                self.close()  # out of step or dead: the next read starts a new process
                break
        return found

    def _exchange(self, blobs: Sequence[str], max_bytes: int | None) -> tuple[dict[str, bytes], dict[str, int]]:
        proc = self._process()
        stdin, stdout = proc.stdin, proc.stdout
        stdin.write(b"".join(blob.encode("utf-8", "surrogateescape") + b"\n" for blob in blobs))
        stdin.flush()
        found: dict[str, bytes] = {}
        sizes: dict[str, int] = {}
        for blob in blobs:
            header = stdout.readline().split()
            if len(header) != 3:  # "<oid> missing" / "ambiguous"
                if not header:
                    raise ValueError("cat-file --batch ended early")
                continue
            size = sizes[blob] = int(header[2])
            if header[1] == b"blob" and (max_bytes is None or size <= max_bytes):
                found[blob] = _read_exactly(stdout, size)
            else:
                remaining = size  # drained: the process must be ready for the next request
                while remaining:
                    remaining -= len(_read_exactly(stdout, min(remaining, _CHUNK)))
            if stdout.read(1) != b"\n":
                raise ValueError("cat-file --batch answer out of step")
        return found, sizes

    def _process(self) -> subprocess.Popen[bytes]:
        if self._proc is None:
            self._proc = _popen(self.repo.cwd, ("cat-file", "--batch"), stdin=subprocess.PIPE, stderr=subprocess.DEVNULL)
            self._finalizer = weakref.finalize(self, _close_batch, self._proc)
        return self._proc

    def close(self) -> None:
        if self._finalizer is not None:
            self._finalizer()
        self._proc = self._finalizer = None


def _close_batch(proc: subprocess.Popen[bytes]) -> None:
    try:
        proc.stdin.close()
    except OSError:
        pass
    _stop(proc)
    proc.stdout.close()


def _read_exactly(stream: IO[bytes], size: int) -> bytes:
    data = stream.read(size)
    if len(data) != size:
        raise ValueError("cat-file --batch ended early")
    return data

def tracked_files(root: Path) -> set[str] | None:
    """The files git tracks under ``root``, relative to it; None when ``root`` is not in a
    git work tree (or git is missing), so that the caller can tell "none" from "no git"."""
    try:
        proc = _git(root, "ls-files", "-z", "--cached")
    except GitError:
        return None
    if proc.returncode != 0:
        return None
    return {os.fsdecode(p) for p in proc.stdout.split(b"\0") if p}
