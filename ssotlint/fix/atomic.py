"""``--fix``: rewriting files atomically (temp file in the same folder, then rename)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from contextlib import contextmanager
from typing import IO, Iterator


class FixError(Exception):
    pass


@contextmanager
def atomic_replace(target: Path, mode: int, binary: bool = True) -> Iterator[IO]:
    """A file object whose content replaces ``target`` only once the block completes.

    It writes a temporary file beside the target, flushes it to disk, gives it ``mode`` and
    renames it over the target. Any failure before the rename leaves the target untouched
    and removes the temporary file. ``mkstemp`` errors are raised before the block runs.
    """
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".ssotlint-tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8"})) as fh:
            yield fh
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


def contained_target(path: Path, boundary: Path) -> Path:
    """The file that writing ``path`` would replace, which must lie inside ``boundary``.

    A symbolic link is written through (its target is rewritten and the link kept) only when
    the target stays inside ``boundary``: a link that an untrusted repository or folder holds
    must not make ssotlint write anywhere else. FixError otherwise.
    """
    target = path.resolve()
    base = boundary.resolve()
    if target != base and base not in target.parents:
        raise FixError(f"{path} is a symbolic link to {target}, outside {base}; not written through it")
    return target
