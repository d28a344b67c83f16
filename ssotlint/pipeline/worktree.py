"""The working tree as a source: the stat/read loop.

A file whose size, modification time and inode match the cache's stat row keeps the
content key recorded there and is not read; any other file is read once and keyed by its
blob id (the bytes are kept for the parser).
"""

from __future__ import annotations

import os
from pathlib import Path
from stat import S_ISREG
from typing import Callable, Mapping, Sequence

from ssotlint.discover.files import display_path
from ssotlint.gitrev import blob_id

StatKey = tuple[int, int, int]  # size, mtime in ns, inode


class WorktreeSource:
    """The discovered files of a working tree.

    ``stats``: the cache's ``path -> (stat key, blob id)`` rows. ``on_change``: called once,
    at the first file that changed in a tree the cache knows (the caller starts a parser
    then, so its start-up overlaps the rest of the loop). Problems are appended to
    ``warnings``; after :meth:`list_files`, ``unreadable`` holds the files that exist but
    could not be read (imports of them are not "broken"), ``unchanged`` the content keys
    of the files the stat rows vouched for, and ``new_stats`` the rows to store.
    """

    def __init__(
        self,
        root: Path,
        files: Sequence[str],
        warnings: list[str],
        stats: Mapping[str, tuple[StatKey, str]] | None = None,
        on_change: Callable[[], None] | None = None,
    ) -> None:
        self.root, self.files, self.warnings = root, files, warnings
        self.stats = stats or {}
        self.on_change = on_change
        self.unreadable: list[str] = []
        self.unchanged: set[str] = set()
        self.new_stats: list[tuple[str, StatKey, str]] = []
        self._contents: dict[str, bytes] = {}

    def list_files(self) -> dict[str, str]:
        path_blob: dict[str, str] = {}
        prefix = os.path.join(self.root, "")  # plain strings: pathlib costs microseconds a file
        changed = False
        for path in self.files:
            full = prefix + path
            try:
                st = os.stat(full)
            except OSError as exc:
                self._skip(path, exc)
                continue
            if not S_ISREG(st.st_mode):
                self.warnings.append(f"skipped {display_path(path)}: not a regular file")
                continue
            key = (st.st_size, st.st_mtime_ns, st.st_ino)
            cached = self.stats.get(path)
            if cached is not None and cached[0] == key:
                path_blob[path] = cached[1]
                self.unchanged.add(cached[1])
                continue
            if not changed and self.stats and self.on_change is not None:
                self.on_change()
            changed = True
            try:
                data = Path(full).read_bytes()
            except OSError as exc:
                self._skip(path, exc)
                continue
            blob = blob_id(data)
            path_blob[path] = blob
            self._contents.setdefault(blob, data)
            self.new_stats.append((path, key, blob))
        return path_blob

    def read(self, path: str, key: str) -> bytes | None:
        data = self._contents.get(key)
        if data is not None:
            return data
        try:  # the stat row was stale for the content cache: read again
            return (self.root / path).read_bytes()
        except OSError as exc:
            self.warnings.append(f"skipped {display_path(path)}: {exc.strerror or exc}")
            return None

    def _skip(self, path: str, exc: OSError) -> None:
        self.warnings.append(f"skipped {display_path(path)}: {exc.strerror or exc}")
        self.unreadable.append(path)
