"""``--fix``: rewriting files atomically (temp file in the same folder, then rename)."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path
from typing import Callable


class FixError(Exception):
    pass


def normalise_line_endings(data: bytes) -> bytes:
    return data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")


def rewrite_atomically(path: Path, transform: Callable[[bytes], bytes]) -> bool:
    """Apply ``transform`` to the file's bytes; True if it changed.

    The new content goes to a temporary file beside the original, with the original's
    permission bits, is flushed to disk, and then renamed over it. Any failure before the
    rename leaves the original untouched and removes the temporary file.
    """
    original = path.read_bytes()
    updated = transform(original)
    if updated == original:
        return False
    mode = stat.S_IMODE(os.stat(path).st_mode)
    target = path.resolve()  # keep symlinks: rewrite what they point at
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".ssotlint-tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(updated)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return True
