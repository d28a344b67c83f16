"""What a merge commit itself changed: its resolution, not the branches it joined.

A merge's diff against its first parent repeats the work of the merged branch, whose own
commits are judged separately. What belongs to the merge is what differs from the merge
git would have made by itself: a conflict resolved by hand, or a change slipped into the
merge ("evil merge"). git's ``--remerge-diff`` shows exactly that, but it writes the
re-merged objects (and refreshes the modification times of existing ones) in the
repository, so this module does the equivalent read-only:

* git's combined diff (``--diff-merges=combined --raw``) lists the files that differ
  from *every* parent: the only candidates (a file taken whole from one side is that
  side's work);
* each candidate is merged line by line from the merge base's version and the two
  parents' versions; when that is clean and equals the committed file, the merge changed
  nothing there; when it is clean and differs, the merge result is compared with the
  committed file; when it conflicts, the committed resolution is compared with the first
  parent's version (what the mainline had).
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Callable, Sequence

from ssotlint.gitrev import blob_id
from ssotlint.session.classify import BlobUnavailable, FileChange, Side, Status

_ZERO = "0" * 40


@dataclass(frozen=True)
class MergeEntry:
    """One path of a combined diff: its side in each parent and in the merge result."""

    path: str
    parents: tuple[Side | None, ...]
    result: Side | None


def merge3(base: Sequence[bytes], ours: Sequence[bytes], theirs: Sequence[bytes]) -> list[bytes] | None:
    """A line-based three-way merge (diff3's rule): the merged lines, or None on a conflict.

    Lines of ``base`` kept by both sides synchronise the three; between two such lines,
    a region changed on one side only takes that side, one changed identically on both
    takes either, and one changed differently on both is a conflict.
    """
    in_ours = _matches(base, ours)
    in_theirs = _matches(base, theirs)
    merged: list[bytes] = []
    prev_b = prev_o = prev_t = -1
    syncs = [(i, in_ours[i], in_theirs[i]) for i in range(len(base)) if i in in_ours and i in in_theirs]
    syncs.append((len(base), len(ours), len(theirs)))
    for b, o, t in syncs:
        if o <= prev_o or t <= prev_t:
            continue  # not monotonic in one side: leave it to the next sync point
        region_b, region_o, region_t = base[prev_b + 1 : b], ours[prev_o + 1 : o], theirs[prev_t + 1 : t]
        if region_o == region_b:
            merged.extend(region_t)
        elif region_t == region_b or region_o == region_t:
            merged.extend(region_o)
        else:
            return None
        if b < len(base):
            merged.append(base[b])
        prev_b, prev_o, prev_t = b, o, t
    return merged


def _matches(base: Sequence[bytes], other: Sequence[bytes]) -> dict[int, int]:
    """Lines of ``base`` kept in ``other``: base index -> other index.

    The common head and tail are matched directly (a branch usually changes a few places
    of a long file); only the middle goes through SequenceMatcher, whose cost grows with
    the square of what it is given.
    """
    head = 0
    limit = min(len(base), len(other))
    while head < limit and base[head] == other[head]:
        head += 1
    tail = 0
    while tail < limit - head and base[-1 - tail] == other[-1 - tail]:
        tail += 1
    found = {i: i for i in range(head)}
    middle_base, middle_other = base[head : len(base) - tail], other[head : len(other) - tail]
    if middle_base and middle_other:
        for block in SequenceMatcher(None, middle_base, middle_other, autojunk=False).get_matching_blocks():
            for k in range(block.size):
                found[head + block.a + k] = head + block.b + k
    shift = len(other) - len(base)
    for i in range(len(base) - tail, len(base)):
        found[i] = i + shift
    return found


def resolution_changes(
    entries: Sequence[MergeEntry],
    base_blob: Callable[[str], bytes | None],
    read: Callable[[str], bytes],
    remember: Callable[[str, bytes], None],
) -> list[FileChange]:
    """The changes a two-parent merge made itself, as :class:`FileChange` pairs.

    ``base_blob(path)`` is the merge base's version (None if absent or unknown), ``read``
    reads a blob, ``remember(oid, data)`` makes a computed merge result readable under
    ``oid`` for the classifier.
    """
    changes: list[FileChange] = []
    for entry in entries:
        change = _resolution(entry, base_blob, read, remember)
        if change is not None:
            changes.append(change)
    return changes


def _content(side: Side | None, read: Callable[[str], bytes]) -> bytes | None:
    return None if side is None else read(side.oid)


def _resolution(
    entry: MergeEntry,
    base_blob: Callable[[str], bytes | None],
    read: Callable[[str], bytes],
    remember: Callable[[str, bytes], None],
) -> FileChange | None:
    ours_side = entry.parents[0]
    result = entry.result
    if len(entry.parents) == 2:
        try:
            auto = _auto_merge(base_blob(entry.path), _content(ours_side, read), _content(entry.parents[1], read))
            committed = _content(result, read)
        except BlobUnavailable:  # judge the committed file against the first parent
            auto = committed = _CONFLICT
        if auto is not _CONFLICT:
            if auto == committed:
                return None  # exactly what git would have merged: nothing of the merge's own
            if auto is not None:
                mode = (result or ours_side or entry.parents[1]).mode  # type: ignore[union-attr]
                oid = blob_id(auto)
                remember(oid, auto)
                ours_side = Side(entry.path, oid, mode)
            else:
                ours_side = None
    if ours_side is None and result is None:
        return None
    if ours_side is None:
        return FileChange(Status.ADDED, None, result)
    if result is None:
        return FileChange(Status.DELETED, ours_side, None)
    return FileChange(Status.MODIFIED, ours_side, result)


class _Conflict:
    pass


_CONFLICT = _Conflict()


def _auto_merge(base: bytes | None, ours: bytes | None, theirs: bytes | None) -> bytes | None | _Conflict:
    """The clean merge of one file's versions (None: the file is deleted), or a conflict."""
    if ours == theirs:
        return ours
    if ours == base:
        return theirs
    if theirs == base:
        return ours
    if ours is None or theirs is None or base is None:
        return _CONFLICT  # deleted on one side and changed on the other, or added twice
    merged = merge3(base.splitlines(True), ours.splitlines(True), theirs.splitlines(True))
    return _CONFLICT if merged is None else b"".join(merged)


def parse_combined(header: bytes, path: str) -> MergeEntry:
    """One ``--raw`` combined-diff entry: ``::mode mode mode oid oid oid MM`` and its path."""
    colons = len(header) - len(header.lstrip(b":"))
    fields = header[colons:].decode("ascii").split()
    modes, oids = fields[: colons + 1], fields[colons + 1 : 2 * colons + 2]

    def side(i: int) -> Side | None:
        return None if oids[i] == _ZERO else Side(path, oids[i], int(modes[i], 8))

    return MergeEntry(path, tuple(side(i) for i in range(colons)), side(colons))
