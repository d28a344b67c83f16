"""What ssotlint trusts of its own cache, and how it keeps the repository from choosing.

The audited repository is untrusted input, and the default cache folder lies inside it. So:

- a cache folder that arrives with the repository is never used: one that git tracks
  anything in, or one reached through a symbolic link (the folder, any folder between the
  repository root and it, or one of the files ssotlint keeps there) is neither read nor
  written (:func:`refusal`);
- every row ssotlint writes carries a keyed digest (BLAKE2b, 128 bits) made with a secret
  kept outside the repository (:func:`installation_key`), and a row whose digest does not
  verify is a miss. A cache only ever yields what this installation, or a CI system holding
  the same ``SSOTLINT_CACHE_KEY``, wrote.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import stat
import subprocess
from pathlib import Path
from typing import Callable, NamedTuple

from ssotlint.gitcmd import git_command, git_env

KEY_ENV = "SSOTLINT_CACHE_KEY"
_KEY_BYTES = 32
# The files ssotlint keeps in a cache folder (SQLite adds the -wal and -shm files itself).
CACHE_FILES = ("cache.db", "cache.db-wal", "cache.db-shm", ".gitignore")


class Key(NamedTuple):
    secret: bytes
    # Why results written by this run will not be trusted by the next one, if they won't.
    problem: str | None = None


def key_file() -> Path:
    """Where this installation keeps its secret: the user's cache folder, never a repository."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "ssotlint" / "key"


def installation_key() -> Key:
    """The secret that signs cache rows: ``$SSOTLINT_CACHE_KEY`` when set (a CI system
    restoring caches it wrote itself), else a random key made once and kept in
    :func:`key_file` (mode 0600). Without either, a key for this run alone."""
    configured = os.environ.get(KEY_ENV)
    if configured:
        return Key(hashlib.sha256(b"ssotlint-cache-key\0" + configured.encode("utf-8", "surrogateescape")).digest())
    path = key_file()
    try:
        return Key(_read_key(path))
    except FileNotFoundError:
        pass
    except OSError as exc:
        return _run_only_key(path, exc)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        secret = secrets.token_bytes(_KEY_BYTES)
        # Written under a temporary name and linked into place: a concurrent run sees the
        # whole key or none, and the first one to link wins.
        temp = path.with_name(f".key.{os.getpid()}.{secrets.token_hex(4)}")
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(secret)
            try:
                os.link(temp, path)
            except FileExistsError:
                secret = _read_key(path)
        finally:
            temp.unlink(missing_ok=True)
        return Key(secret)
    except OSError as exc:
        return _run_only_key(path, exc)


def _read_key(path: Path) -> bytes:
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fh.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
            raise PermissionError(f"{path} must be a file of yours that only you can read")
        secret = fh.read(_KEY_BYTES + 1)
    if len(secret) != _KEY_BYTES:
        raise PermissionError(f"{path} is not a key ssotlint wrote")
    return secret


def _run_only_key(path: Path, exc: OSError) -> Key:
    reason = exc.strerror or str(exc)
    return Key(
        secrets.token_bytes(_KEY_BYTES),
        f"cache not kept across runs: cannot keep a key in {path} ({reason}); set {KEY_ENV} to a secret",
    )


def signer(key: bytes, table: bytes) -> Callable[[bytes, bytes], bytes]:
    """``sign(row_key, data) -> 16-byte digest`` for the rows of one table.

    The keyed state for the table is made once and copied for each row (a warm run checks
    one digest per file, so this is on the hot path); the row key is length-prefixed so that
    no two (row key, data) pairs give the same message.
    """
    base = hashlib.blake2b(table + b"\0", key=key, digest_size=16)

    def sign(row_key: bytes, data: bytes = b"") -> bytes:
        state = base.copy()
        state.update(b"%d:" % len(row_key))
        state.update(row_key)
        state.update(data)
        return state.digest()

    return sign


def refusal(root: Path, directory: Path) -> str | None:
    """Why the cache folder ``directory`` must not be used for the repository at ``root``
    (None when it may). Only a folder inside the repository can arrive with it; one
    elsewhere was chosen by the user (``--cache-dir``, ``SSOTLINT_CACHE_DIR``)."""
    root = Path(os.path.abspath(root))
    folder = Path(os.path.abspath(directory))
    try:
        inside = folder.relative_to(root)
    except ValueError:
        return None
    advice = "keep the cache outside the checkout with --cache-dir DIR or SSOTLINT_CACHE_DIR"
    here = root
    for part in inside.parts:
        here = here / part
        if _is_link(here):
            return f"cache not used: {_shown(root, here)} is a symbolic link; {advice}"
    for name in CACHE_FILES:
        if _is_link(folder / name):
            return f"cache not used: {_shown(root, folder / name)} is a symbolic link; {advice}"
    if inside.parts and _tracked(root, inside.as_posix()):
        return f"cache not used: git tracks files in {inside.as_posix()}/ (it came with the repository); {advice}"
    return None


def _is_link(path: Path) -> bool:
    try:
        return stat.S_ISLNK(os.lstat(path).st_mode)
    except OSError:
        return False


def _shown(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def _tracked(root: Path, relative: str) -> bool:
    """Whether git tracks anything under ``relative`` (False outside a git work tree)."""
    try:
        proc = subprocess.run(
            git_command("ls-files", "-z", "--cached", "--", relative),
            cwd=root, env=git_env(), stdin=subprocess.DEVNULL, capture_output=True, timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return proc.returncode == 0 and bool(proc.stdout)


def create_exclusive(path: Path, data: bytes, mode: int = 0o644) -> None:
    """Create ``path`` with ``data``; never through a symbolic link, never over a file."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, mode)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
