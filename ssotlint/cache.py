"""Persistent cache of per-file summaries (SQLite, safe for concurrent runs).

Keys are git blob ids of file content, so identical files share an entry and a git
revision's files are found without reading them. A second table remembers each working
tree file's (size, mtime_ns, inode) -> blob id, so unchanged files are not even read.
The ssotlint version is part of the schema: another version's cache is discarded.
A corrupt cache is deleted and rebuilt with a warning; a locked one is skipped.
"""

from __future__ import annotations

import os
import pickle
import sqlite3
import time
from pathlib import Path
from typing import Iterable, Mapping, NamedTuple

from ssotlint import __version__
from ssotlint.extract.summary import FileSummary



def _extractor_digest() -> str:
    """Digest of the extraction code, so a changed extractor never reads stale summaries
    (a release bumps the version anyway; this protects development installs)."""
    import hashlib

    folder = Path(__file__).parent / "extract"
    digest = hashlib.sha1()
    for path in sorted(folder.glob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


SCHEMA = f"2:{__version__}:{_extractor_digest()}"
CACHE_DIR_NAME = ".ssotlint_cache"
_BATCH = 500
_RACY_SECONDS = 2.0  # a file written this recently may change again within its mtime tick


class StatKey(NamedTuple):
    size: int
    mtime_ns: int
    inode: int


def _storable(path: str) -> bool:
    """SQLite text is UTF-8: a file name with undecodable bytes (kept as surrogates) cannot
    be a key. Such a file is read every run; its summary is still cached by content."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def default_cache_dir(root: Path) -> Path:
    env = os.environ.get("SSOTLINT_CACHE_DIR")
    return Path(env) if env else root / CACHE_DIR_NAME


class Cache:
    """Open with :meth:`open`; every method degrades to "no cache" on database errors."""

    def __init__(self, directory: Path, warnings: list[str]) -> None:
        self.directory = directory
        self.warnings = warnings
        self.db: sqlite3.Connection | None = None

    @classmethod
    def open(cls, directory: Path, warnings: list[str]) -> "Cache":
        cache = cls(directory, warnings)
        try:
            cache._connect()
        except sqlite3.DatabaseError as exc:
            cache._rebuild(f"cache at {directory} was unreadable ({exc}); rebuilding it")
        except OSError as exc:
            warnings.append(f"cache disabled: cannot create {directory}: {exc.strerror or exc}")
            cache.db = None
        return cache

    def _connect(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        gitignore = self.directory / ".gitignore"
        if not gitignore.exists():
            gitignore.write_text("# Created by ssotlint.\n*\n")
        db = sqlite3.connect(self.directory / "cache.db", timeout=15, isolation_level=None)
        self.db = db
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        row = db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
        if row is None or row[0] != SCHEMA:
            db.execute("BEGIN IMMEDIATE")
            db.execute("DROP TABLE IF EXISTS summaries")
            db.execute("DROP TABLE IF EXISTS stats")
            db.execute("CREATE TABLE summaries (blob TEXT PRIMARY KEY, data BLOB NOT NULL)")
            db.execute(
                "CREATE TABLE stats (path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER,"
                " inode INTEGER, blob TEXT)"
            )
            db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA,))
            db.execute("COMMIT")
        # Touch both tables once so a damaged file fails here rather than mid-run.
        db.execute("SELECT count(*) FROM summaries WHERE blob = ''").fetchone()

    def _rebuild(self, message: str) -> None:
        self.warnings.append(message)
        self.close()
        for suffix in ("", "-wal", "-shm"):
            try:
                (self.directory / f"cache.db{suffix}").unlink()
            except FileNotFoundError:
                pass
            except OSError:
                break
        try:
            self._connect()
        except (sqlite3.DatabaseError, OSError) as exc:
            self.warnings.append(f"cache disabled: {exc}")
            self.close()

    def _fail(self, exc: Exception) -> None:
        if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
            self.warnings.append("cache busy (another ssotlint run holds it); results not cached")
            self.close()
        else:
            self._rebuild(f"cache was corrupt ({exc}); rebuilding it")

    def close(self) -> None:
        if self.db is not None:
            try:
                self.db.close()
            except sqlite3.Error:
                pass
        self.db = None

    # -- stats ----------------------------------------------------------------------------
    def stats(self) -> dict[str, tuple[StatKey, str]]:
        if self.db is None:
            return {}
        try:
            rows = self.db.execute("SELECT path, size, mtime_ns, inode, blob FROM stats").fetchall()
        except sqlite3.DatabaseError as exc:
            self._fail(exc)
            return {}
        return {r[0]: (StatKey(r[1], r[2], r[3]), r[4]) for r in rows}

    def put_stats(self, rows: Iterable[tuple[str, StatKey, str]]) -> None:
        if self.db is None:
            return
        now_ns = time.time_ns()
        fresh = [
            (path, key.size, key.mtime_ns, key.inode, blob)
            for path, key, blob in rows
            if now_ns - key.mtime_ns > _RACY_SECONDS * 1e9 and _storable(path)
        ]
        if fresh:
            self._write("INSERT OR REPLACE INTO stats VALUES (?, ?, ?, ?, ?)", fresh)

    # -- summaries --------------------------------------------------------------------------
    def get(self, blobs: Iterable[str]) -> dict[str, FileSummary]:
        if self.db is None:
            return {}
        wanted = list(dict.fromkeys(blobs))
        found: dict[str, FileSummary] = {}
        try:
            for i in range(0, len(wanted), _BATCH):
                batch = wanted[i : i + _BATCH]
                marks = ",".join("?" * len(batch))
                for blob, data in self.db.execute(
                    f"SELECT blob, data FROM summaries WHERE blob IN ({marks})", batch
                ):
                    try:
                        summary = pickle.loads(data)
                    except Exception:  # noqa: BLE001 - a damaged row is just a miss
                        continue
                    if isinstance(summary, FileSummary):
                        found[blob] = summary
        except sqlite3.DatabaseError as exc:
            self._fail(exc)
            return {}
        return found

    def put(self, summaries: Mapping[str, FileSummary]) -> None:
        if self.db is None or not summaries:
            return
        rows = [(blob, pickle.dumps(s, protocol=pickle.HIGHEST_PROTOCOL)) for blob, s in summaries.items()]
        self._write("INSERT OR REPLACE INTO summaries VALUES (?, ?)", rows)

    def _write(self, sql: str, rows: list[tuple]) -> None:
        if self.db is None:
            return
        try:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.executemany(sql, rows)
            self.db.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            try:
                self.db.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            self._fail(exc)


def clear(directory: Path) -> bool:
    """Delete the files ssotlint keeps in ``directory`` (and the folder, if then empty).

    Only our own files are removed, so a mistaken --cache-dir cannot wipe a folder.
    """
    removed = False
    for name in ("cache.db", "cache.db-wal", "cache.db-shm", ".gitignore"):
        try:
            (directory / name).unlink()
            removed = True
        except (FileNotFoundError, NotADirectoryError):
            pass
    try:
        directory.rmdir()
    except OSError:
        pass
    return removed
