"""Where the files of an analysis come from: one interface, two trees.

The working tree (:class:`~ssotlint.pipeline.worktree.WorktreeSource`) and a git revision
(:class:`~ssotlint.pipeline.revision.RevisionSource`) both list their Python files with a
content key (the git blob id of the content) and read a file's bytes on demand. The rest of
the pipeline sees only this interface, so a commit and the working tree are judged alike,
and a content the cache knows is neither read nor parsed, whichever tree it comes from.
"""

from __future__ import annotations

from typing import Mapping, Protocol


class Source(Protocol):
    def list_files(self) -> Mapping[str, str]:
        """``path -> content key`` of the tree's Python files (paths relative to the root)."""
        ...

    def read(self, path: str, key: str) -> bytes | None:
        """The bytes of a listed file; None when they cannot be read (it is then not analysed)."""
        ...
