"""Persistent cache (SQLite, safe for concurrent runs).

Three tables:
- ``summaries``: per-file summaries keyed by the git blob id of the file's content, so
  identical files share an entry and a git revision's files are found without reading them;
- ``stats``: each working tree file's (size, mtime_ns, inode) -> blob id, so unchanged files
  are not even read;
- ``results``: the whole outcome (violations and per-file facts) of a tree, keyed by every
  path -> blob pair plus the configuration, so a run over an unchanged tree skips the model
  and the rules; also the file listing of a commit (``diff``'s base). Only the few most
  recent entries are kept.
The ssotlint version, the Python version and a digest of the code are part of the schema:
another version's cache is discarded. A corrupt cache is deleted and rebuilt with a warning;
a locked one is skipped.

The cache is untrusted input (see :mod:`ssotlint.trust`): rows are JSON, validated against
their types when read (:mod:`ssotlint.storage`), and each carries a keyed digest made with a
secret kept outside the repository; a row that fails either check is a miss, never an error.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any, Iterable, Mapping

from ssotlint import __version__, storage
from ssotlint.extract.summary import FileSummary
from ssotlint.trust import Key, create_exclusive, installation_key, signer


def _code_digest(*parts: str) -> str:
    """Digest of some of ssotlint's own code, so a changed extractor or rule never reads
    stale entries (a release bumps the version anyway; this protects development installs)."""
    import hashlib

    package = Path(__file__).parent
    digest = hashlib.sha1()
    for part in parts:
        target = package / part
        for path in sorted(target.rglob("*.py")) if target.is_dir() else [target]:
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


_PYTHON = "%d.%d" % sys.version_info[:2]  # SSOT000 follows the interpreter
SCHEMA = f"6:{__version__}:{_PYTHON}:{_code_digest('extract')}"
# What else an outcome depends on: discovery of module names, the model, the rules, config.
_RESULT_CODE = _code_digest(
    "discover", "model", "rules", "config.py", "config_project.py", "globs.py", "pipeline",
    "packaging.py", "packaging_meson.py", "deployment_units.py",
)
RESULT_SCHEMA = f"{SCHEMA}:{_RESULT_CODE}"
CACHE_DIR_NAME = ".ssotlint_cache"
_BATCH = 500
_FACTS_KEPT = 100_000  # fixes' edits: a few per file with a fixable violation
_RESULTS_KEPT = 12  # outcomes of recent trees and commit listings (a branch switch and back stays warm)
_RACY_SECONDS = 2.0  # a file written this recently may change again within its mtime tick


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

    def __init__(self, directory: Path, warnings: list[str], key: Key, engine: str = "libcst") -> None:
        self.directory = directory
        self.warnings = warnings
        self.db: sqlite3.Connection | None = None
        self._sign_stat = signer(key.secret, b"stat")
        self._sign_summary = signer(key.secret, b"summary")
        self._sign_result = signer(key.secret, b"result")
        self._sign_fact = signer(key.secret, b"fact")
        # Summaries say which engine made them, so each engine's are kept apart.
        self._prefix = "" if engine == "libcst" else f"{engine}:"

    @classmethod
    def open(cls, directory: Path, warnings: list[str], key: Key | None = None, engine: str = "libcst") -> "Cache":
        """The cache in ``directory``, signing and checking rows with ``key`` (by default
        :func:`~ssotlint.trust.installation_key`, whose problem, if any, becomes a warning);
        summaries are those of the extraction ``engine``."""
        if key is None:
            key = installation_key()
            if key.problem:
                warnings.append(key.problem)
        cache = cls(directory, warnings, key, engine)
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
        try:
            create_exclusive(self.directory / ".gitignore", b"# Created by ssotlint.\n*\n")
        except FileExistsError:
            pass
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
            db.execute("DROP TABLE IF EXISTS results")
            db.execute("DROP TABLE IF EXISTS facts")
            db.execute("CREATE TABLE summaries (blob TEXT PRIMARY KEY, data BLOB NOT NULL, mac BLOB NOT NULL)")
            db.execute(
                "CREATE TABLE stats (path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER,"
                " inode INTEGER, blob TEXT, mac BLOB NOT NULL)"
            )
            db.execute(
                "CREATE TABLE results (key TEXT PRIMARY KEY, data BLOB NOT NULL, created INTEGER,"
                " mac BLOB NOT NULL)"
            )
            db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA,))
            db.execute("COMMIT")
        db.execute(
            "CREATE TABLE IF NOT EXISTS facts (key TEXT PRIMARY KEY, data BLOB NOT NULL, created INTEGER,"
            " mac BLOB NOT NULL)"
        )
        # Touch the tables once so a damaged file fails here rather than mid-run.
        db.execute("SELECT count(*) FROM summaries WHERE blob = ''").fetchone()
        db.execute("SELECT count(*) FROM results WHERE key = ''").fetchone()

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
    def stats(self) -> dict[str, tuple[tuple[int, int, int], str]]:
        """``path -> ((size, mtime_ns, inode), blob id)`` as last seen."""
        if self.db is None:
            return {}
        try:
            rows = self.db.execute("SELECT path, size, mtime_ns, inode, blob, mac FROM stats").fetchall()
        except sqlite3.DatabaseError as exc:
            self._fail(exc)
            return {}
        sign, found = self._sign_stat, {}
        for path, size, mtime_ns, inode, blob, mac in rows:
            try:
                if mac == sign(_stat_bytes(path, size, mtime_ns, inode, blob)):
                    found[path] = ((size, mtime_ns, inode), blob)
            except (TypeError, ValueError, UnicodeEncodeError):  # a field of the wrong type
                continue
        return found

    def put_stats(self, rows: Iterable[tuple[str, tuple[int, int, int], str]]) -> None:
        """Remember ``(path, (size, mtime_ns, inode), blob id)`` rows."""
        if self.db is None:
            return
        now_ns = time.time_ns()
        sign = self._sign_stat
        fresh = [
            (path, size, mtime_ns, inode, blob, sign(_stat_bytes(path, size, mtime_ns, inode, blob)))
            for path, (size, mtime_ns, inode), blob in rows
            if now_ns - mtime_ns > _RACY_SECONDS * 1e9 and _storable(path)
        ]
        if fresh:
            self._write("INSERT OR REPLACE INTO stats VALUES (?, ?, ?, ?, ?, ?)", fresh)

    # -- summaries --------------------------------------------------------------------------
    def known(self, blobs: Iterable[str]) -> set[str]:
        """Which of these blob ids have a summary (without loading any)."""
        if self.db is None:
            return set()
        prefix = self._prefix
        wanted = [prefix + b for b in dict.fromkeys(blobs)]
        found: set[str] = set()
        try:
            for i in range(0, len(wanted), _BATCH):
                batch = wanted[i : i + _BATCH]
                marks = ",".join("?" * len(batch))
                found.update(r[0] for r in self.db.execute(f"SELECT blob FROM summaries WHERE blob IN ({marks})", batch))
        except sqlite3.DatabaseError as exc:
            self._fail(exc)
            return set()
        return {b[len(prefix):] for b in found} if prefix else found

    def get(self, blobs: Iterable[str]) -> dict[str, FileSummary]:
        prefix = self._prefix
        wanted = [prefix + b for b in dict.fromkeys(blobs)]
        found = self._signed_rows("SELECT blob, data, mac FROM summaries WHERE blob IN", wanted, self._sign_summary, FileSummary)
        return {blob[len(prefix):]: summary for blob, summary in found.items()}

    def _signed_rows(self, select: str, keys: list[str], sign: Any, kind: Any) -> dict[str, Any]:
        """``key -> value`` of the rows ``select`` finds among ``keys``, in batches: only rows
        this installation signed, read back as ``kind``. A forged or damaged row is a miss;
        a damaged database is rebuilt (nothing found)."""
        found: dict[str, Any] = {}
        if self.db is None or not keys:
            return found
        try:
            for i in range(0, len(keys), _BATCH):
                batch = keys[i : i + _BATCH]
                for key, data, mac in self.db.execute(f"{select} ({','.join('?' * len(batch))})", batch):
                    try:
                        if mac == sign(key.encode("utf-8", "surrogateescape"), data):
                            found[key] = storage.loads(data, kind)
                    except (ValueError, TypeError, AttributeError):  # forged or damaged: a miss
                        continue
        except sqlite3.DatabaseError as exc:
            self._fail(exc)
            return {}
        return found

    def put(self, summaries: Mapping[str, FileSummary]) -> None:
        if self.db is None or not summaries:
            return
        sign, dumps = self._sign_summary, storage.dumps
        rows = []
        for blob, summary in summaries.items():
            data = dumps(summary)
            key = self._prefix + blob
            rows.append((key, data, sign(key.encode(), data)))
        self._write("INSERT OR REPLACE INTO summaries VALUES (?, ?, ?)", rows)

    # -- results ----------------------------------------------------------------------------
    def get_result(self, key: str, kind: Any) -> Any | None:
        """What was stored under ``key``, as a ``kind`` (a named tuple or a typing form);
        None when there is nothing, or nothing this installation wrote, or not a ``kind``."""
        if self.db is None:
            return None
        try:
            row = self.db.execute("SELECT data, mac FROM results WHERE key = ?", (key,)).fetchone()
        except sqlite3.DatabaseError as exc:
            self._fail(exc)
            return None
        if row is None:
            return None
        data, mac = row
        try:
            if mac != self._sign_result(key.encode("utf-8", "surrogateescape"), data):
                return None
            return storage.loads(data, kind)
        except (ValueError, TypeError, AttributeError):  # forged or damaged: a miss
            return None

    def put_result(self, key: str, outcome: Any) -> None:
        if self.db is None:
            return
        data = storage.dumps(outcome)
        mac = self._sign_result(key.encode("utf-8", "surrogateescape"), data)
        self._write("INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?)", [(key, data, time.time_ns(), mac)])
        if self.db is None:
            return
        try:
            self.db.execute(
                "DELETE FROM results WHERE key NOT IN"
                " (SELECT key FROM results ORDER BY created DESC LIMIT ?)",
                (_RESULTS_KEPT,),
            )
        except sqlite3.DatabaseError as exc:
            self._fail(exc)

    # -- facts: what was derived from a file's content (a fix's edit), many per run --------
    def get_facts(self, keys: list[str], kind: Any) -> dict[str, Any]:
        """The facts stored under ``keys`` (those this installation wrote, as ``kind``)."""
        return self._signed_rows("SELECT key, data, mac FROM facts WHERE key IN", keys, self._sign_fact, kind)

    def put_facts(self, facts: dict[str, Any]) -> None:
        """Store ``facts`` in one transaction; the oldest beyond the newest 100,000 go."""
        if self.db is None or not facts:
            return
        now = time.time_ns()
        rows = []
        for key, value in facts.items():
            data = storage.dumps(value)
            rows.append((key, data, now, self._sign_fact(key.encode("utf-8", "surrogateescape"), data)))
        self._write("INSERT OR REPLACE INTO facts VALUES (?, ?, ?, ?)", rows)
        if self.db is None:
            return
        try:
            self.db.execute(
                "DELETE FROM facts WHERE key NOT IN (SELECT key FROM facts ORDER BY created DESC LIMIT ?)",
                (_FACTS_KEPT,),
            )
        except sqlite3.DatabaseError as exc:
            self._fail(exc)

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


def _stat_bytes(path: str, size: int, mtime_ns: int, inode: int, blob: str) -> bytes:
    return f"{path}\0{size:d}\0{mtime_ns:d}\0{inode:d}\0{blob}".encode()


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
