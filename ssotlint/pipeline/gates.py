"""Files a project's ``conftest.py`` stops pytest collecting on older Pythons.

A project that supports Python 3.10 may keep tests written in 3.12 syntax (``type X =
int``, ``class Box[T]``) and tell pytest to skip them on older interpreters, in a
``conftest.py``:

- ``collect_ignore`` / ``collect_ignore_glob`` entries added under ``if sys.version_info <
  (3, 12):`` (``.append``, ``.extend``, ``+=``, or the list assigned there), also from a
  loop over minor versions (``for minor in ...: if sys.version_info < (3, minor):
  collect_ignore_glob.append(f"cover/*py3{minor}*.py")``);
- a ``pytest_ignore_collect`` hook that returns True under such a check, for a path with
  a named folder in it (``"python_312" in collection_path.parts``) or a named file
  (``collection_path.name == "test_x.py"``).

Those files run only on the newer Python: they are judged for it (see
:class:`~ssotlint.pipeline.targets.FileTargets`). The conftest is read with ``ast`` as
text, never imported or run; what it computes otherwise is not followed.
"""

from __future__ import annotations

import ast
import fnmatch
from typing import Iterator, Literal, NamedTuple

Version = tuple[int, int]
CONFTEST = "conftest.py"
_LISTS = frozenset({"collect_ignore", "collect_ignore_glob"})
# The minor versions a template entry (``f"cover/*py3{minor}*.py"``) is tried with.
_MINORS = range(0, 40)


def is_conftest(path: str) -> bool:
    """A pytest ``conftest.py`` (at the root or below)."""
    return path == CONFTEST or path.endswith("/" + CONFTEST)


class Gate(NamedTuple):
    """Files below ``folder`` (the conftest's) that pytest collects only from ``version``
    on: those matching ``pattern`` (a ``collect_ignore_glob`` glob, a ``collect_ignore``
    path, or a folder name that must be one of the path's parts)."""

    folder: str
    kind: Literal["glob", "path", "part"]
    pattern: str
    version: Version
    source: str  # the conftest's path and line, for the warning

    def matches(self, path: str) -> bool:
        prefix = self.folder + "/" if self.folder else ""
        if not path.startswith(prefix):
            return False
        rel = path[len(prefix):]
        if self.kind == "glob":
            return fnmatch.fnmatchcase(rel, self.pattern)
        if self.kind == "path":
            pattern = self.pattern.rstrip("/")
            return rel == pattern or rel.startswith(pattern + "/")
        return self.pattern in rel.split("/")[:-1]


def conftest_gates(path: str, data: bytes) -> list[Gate]:
    """The gates the conftest at ``path`` declares (see the module's docstring)."""
    if b"version_info" not in data:
        return []  # no version check: nothing to parse (read on every run)
    try:
        tree = ast.parse(data)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return []
    folder = path.rpartition("/")[0]
    found: list[Gate] = []
    for kind, pattern, version, line in _walk(tree.body, None):
        for text, floor in _expand(pattern, version):
            found.append(Gate(folder, kind, text, floor, f"{path}:{line}"))
    return found


# A pattern as read: a string, or an f-string's parts (text, or the name it formats).
Pattern = tuple[str | None, ...]
# A version as read: ``(3, 12)``, or ``(3, name)`` for a loop's variable.
VersionRead = tuple[int, int | str]


def _walk(body: list[ast.stmt], version: VersionRead | None) -> Iterator[tuple[str, tuple, VersionRead, int]]:
    """``(kind, pattern parts, version, line)`` of each entry added under a version check."""
    for stmt in body:
        if isinstance(stmt, ast.If):
            inner = _older_than(stmt.test)
            yield from _walk(stmt.body, inner or version)
            yield from _walk(stmt.orelse, version)
        elif isinstance(stmt, (ast.For, ast.While, ast.With, ast.Try)):
            for block in (stmt.body, getattr(stmt, "orelse", []), getattr(stmt, "finalbody", [])):
                yield from _walk(block, version)
        elif isinstance(stmt, ast.FunctionDef) and stmt.name == "pytest_ignore_collect":
            yield from _hook(stmt.body, version)
        elif version is not None:
            yield from _added(stmt, version)


def _added(stmt: ast.stmt, version: VersionRead) -> Iterator[tuple[str, tuple, VersionRead, int]]:
    """Entries a statement adds to ``collect_ignore`` or ``collect_ignore_glob``."""
    target, values = None, []
    if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call) and isinstance(stmt.value.func, ast.Attribute):
        call = stmt.value
        if isinstance(call.func.value, ast.Name) and call.args:
            target = call.func.value.id
            if call.func.attr == "append":
                values = [call.args[0]]
            elif call.func.attr == "extend" and isinstance(call.args[0], (ast.List, ast.Tuple)):
                values = list(call.args[0].elts)
    elif isinstance(stmt, ast.AugAssign) and isinstance(stmt.target, ast.Name) and isinstance(stmt.value, (ast.List, ast.Tuple)):
        target, values = stmt.target.id, list(stmt.value.elts)
    elif isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
        if isinstance(stmt.value, (ast.List, ast.Tuple)):
            target, values = stmt.targets[0].id, list(stmt.value.elts)
    if target not in _LISTS:
        return
    kind = "glob" if target == "collect_ignore_glob" else "path"
    for value in values:
        pattern = _pattern(value)
        if pattern is not None:
            yield kind, pattern, version, stmt.lineno


def _hook(body: list[ast.stmt], version: VersionRead | None) -> Iterator[tuple[str, tuple, VersionRead, int]]:
    """``if <older than> and "name" in path.parts: return True`` in ``pytest_ignore_collect``
    (or the two tests in nested ``if`` statements). Every part of the tests must be the
    version check or the path's: a gate that also asks for a platform or a package lets
    older Pythons collect the file elsewhere."""
    for stmt in body:
        if not isinstance(stmt, ast.If):
            continue
        tests = stmt.test.values if isinstance(stmt.test, ast.BoolOp) and isinstance(stmt.test.op, ast.And) else [stmt.test]
        versions = [v for v in map(_older_than, tests) if v is not None]
        paths = [found for found in map(_path_test, tests) if found is not None]
        if len(tests) != len(versions) + len(paths) or len(paths) > 1:
            continue
        floor = versions[0] if versions else version
        if not paths:
            yield from _hook(stmt.body, floor)
            continue
        returns = any(
            isinstance(s, ast.Return) and isinstance(s.value, ast.Constant) and s.value.value is True for s in stmt.body
        )
        if floor is not None and returns:
            yield paths[0][0], (paths[0][1],), floor, stmt.lineno


def _path_test(test: ast.expr) -> tuple[str, str] | None:
    """``"name" in x.parts`` -> ("part", name); ``x.name == "f.py"`` -> ("glob", "**/f.py" as
    ``*/f.py`` or ``f.py``)."""
    if not isinstance(test, ast.Compare) or len(test.ops) != 1:
        return None
    left, op, right = test.left, test.ops[0], test.comparators[0]
    if isinstance(op, ast.In) and _text(left) and isinstance(right, ast.Attribute) and right.attr == "parts":
        return "part", left.value  # type: ignore[union-attr]
    if isinstance(op, ast.Eq) and isinstance(left, ast.Attribute) and left.attr in ("name", "basename") and _text(right):
        return "glob", "*" + right.value  # type: ignore[union-attr]
    return None


def _text(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and "/" not in node.value and bool(node.value)


def _pattern(node: ast.expr) -> Pattern | None:
    """A string's text, or an f-string's parts (names for the plain ``{name}`` fields)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return (node.value,)
    if isinstance(node, ast.JoinedStr):
        parts: list[str | None] = []
        for value in node.values:
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                parts.append(value.value)
            elif isinstance(value, ast.FormattedValue) and isinstance(value.value, ast.Name) and value.format_spec is None:
                parts.append(None)
                parts.append(value.value.id)
            else:
                return None
        return tuple(parts)
    return None


def _older_than(test: ast.expr) -> VersionRead | None:
    """The version of ``sys.version_info < (3, N)`` (or ``(3, N) > sys.version_info``,
    ``sys.version_info[:2] < ...``; ``N`` may be a name); None for any other test,
    ``and`` with another test included (older Pythons that fail the other collect the
    file)."""
    if not isinstance(test, ast.Compare) or len(test.ops) != 1:
        return None
    left, op, right = test.left, test.ops[0], test.comparators[0]
    if isinstance(op, ast.Lt) and _version_info(left):
        return _tuple(right)
    if isinstance(op, ast.Gt) and _version_info(right):
        return _tuple(left)
    return None


def _version_info(node: ast.expr) -> bool:
    if isinstance(node, ast.Subscript):
        node = node.value
    return isinstance(node, ast.Attribute) and node.attr == "version_info" and isinstance(node.value, ast.Name) and node.value.id == "sys"


def _tuple(node: ast.expr) -> VersionRead | None:
    if not isinstance(node, ast.Tuple) or len(node.elts) < 2:
        return None
    major, minor = node.elts[0], node.elts[1]
    if not (isinstance(major, ast.Constant) and major.value == 3):
        return None
    if isinstance(minor, ast.Constant) and isinstance(minor.value, int):
        return (3, minor.value)
    if isinstance(minor, ast.Name):
        return (3, minor.id)
    return None


def _expand(pattern: Pattern, version: VersionRead) -> Iterator[tuple[str, Version]]:
    """The patterns and versions of one entry: itself, or for a template whose only field
    is the version's own name (``f"*py3{minor}*.py"`` under ``(3, minor)``) one per minor."""
    names = {pattern[i + 1] for i, part in enumerate(pattern) if part is None}
    texts = [p for i, p in enumerate(pattern) if p is not None and (i == 0 or pattern[i - 1] is not None)]
    if not names:
        if isinstance(version[1], int):
            yield "".join(texts), (3, version[1])
        return
    if names != {version[1]}:
        return
    for minor in _MINORS:
        text = "".join(str(minor) if part is None else part for i, part in enumerate(pattern) if i == 0 or pattern[i - 1] is not None)
        yield text, (3, minor)


def gated_version(path: str, gates: "list[Gate] | tuple[Gate, ...]") -> Version | None:
    """The newest version a gate matching ``path`` collects it from; None when none does."""
    found = [g.version for g in gates if g.matches(path)]
    return max(found) if found else None
