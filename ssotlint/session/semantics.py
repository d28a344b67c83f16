"""Do two versions of a Python file behave the same?

Both versions are parsed with CPython's :mod:`ast`; comments and layout do not exist in a
syntax tree, so re-indenting, re-wrapping, changing quotes or parentheses, or adding a
comment leave it unchanged by construction. On top of that, statements that do nothing
are removed: ``pass`` and bare constant expressions, which covers docstrings (the first
string of a module, class or function body), ``...`` bodies and strings used as block
comments. Everything else - type annotations, ``if __name__ == "__main__"`` blocks,
decorators, the order of definitions - is behaviour and is kept.

When the trees differ, :func:`compare_python` also says where, by comparing the two
versions scope by scope (module level, each class and function), so a reviewer sees
"changed Manager.connect (line 42)" rather than just "changed".
"""

from __future__ import annotations

import ast
import copy
import difflib
import warnings
from dataclasses import dataclass
from typing import NamedTuple

from ssotlint.extract.source import DecodeError, decode

MAX_LISTED = 3


class Comparison(NamedTuple):
    equivalent: bool
    reason: str


class Unparsable(Exception):
    """A version cannot be turned into a syntax tree; the message says why."""


def compare_python(old: bytes, new: bytes) -> Comparison:
    """Whether ``new`` behaves like ``old``, with a one-line reason either way."""
    if old == new:
        return Comparison(True, "content unchanged")
    try:
        old_tree = parse(old)
    except Unparsable as exc:
        return Comparison(False, f"the previous version cannot be parsed ({exc}), so the change cannot be shown to be harmless")
    try:
        new_tree = parse(new)
    except Unparsable as exc:
        return Comparison(False, f"the new version cannot be parsed ({exc})")
    try:
        old_noops, new_noops = normalise(old_tree), normalise(new_tree)
        if ast.dump(old_tree) == ast.dump(new_tree):
            if old_noops == new_noops:
                return Comparison(True, "only comments or formatting changed")
            return Comparison(True, "only docstrings, comments or formatting changed")
        return Comparison(False, explain(old_tree, new_tree))
    except RecursionError:
        return Comparison(False, "the code is too deeply nested to compare")


def parse(data: bytes) -> ast.Module:
    """Decode per PEP 263 and parse; :class:`Unparsable` with a short message on failure."""
    try:
        text = decode(data)
    except DecodeError as exc:
        raise Unparsable(f"cannot decode: {exc}") from None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # invalid escape sequences and the like
        try:
            return ast.parse(text)
        except SyntaxError as exc:
            where = f"line {exc.lineno}: " if exc.lineno else ""
            raise Unparsable(f"{where}{exc.msg}") from None
        except (ValueError, RecursionError, MemoryError) as exc:
            raise Unparsable(str(exc) or type(exc).__name__) from None


def normalise(tree: ast.AST) -> list[object]:
    """Remove what cannot affect behaviour, in place: no-op statements, string prefixes.

    Returns what was removed (the docstrings' and other no-ops' values), so a caller can
    tell "only layout changed" from "docstrings changed too" without a second dump.
    """
    removed: list[object] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant):
            node.kind = None  # the u"" prefix
            continue
        for name, value in ast.iter_fields(node):
            if isinstance(value, list) and value and isinstance(value[0], ast.stmt):
                kept = []
                for stmt in value:
                    if isinstance(stmt, ast.Pass):
                        removed.append(None)
                    elif isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
                        removed.append(stmt.value.value)
                    else:
                        kept.append(stmt)
                if len(kept) != len(value):
                    setattr(node, name, kept)
    return removed


# ---------------------------------------------------------------------------------------
# Where did behaviour change?

_DEFS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


@dataclass(frozen=True)
class _Scope:
    display: str
    line: int
    header: str  # the definition without its body: name, arguments, decorators, bases
    statements: tuple[str, ...]  # dumps, nested definitions left out
    lines: tuple[int, ...]  # the line of each statement, for messages only

    def code(self) -> tuple[str, tuple[str, ...]]:
        return self.header, self.statements


def _scopes(tree: ast.Module) -> dict[str, _Scope]:
    found: dict[str, _Scope] = {}

    def visit(node: ast.AST, key: str, display: str) -> None:
        statements: list[str] = []
        lines: list[int] = []
        seen: dict[str, int] = {}
        for stmt in getattr(node, "body", []):
            if isinstance(stmt, _DEFS):
                seen[stmt.name] = seen.get(stmt.name, 0) + 1
                suffix = f"#{seen[stmt.name]}" if seen[stmt.name] > 1 else ""
                child_display = f"{display}.{stmt.name}" if display else stmt.name
                visit(stmt, f"{key}/{stmt.name}{suffix}", child_display)
            else:
                statements.append(ast.dump(stmt))
                lines.append(stmt.lineno)
        header = ""
        if not isinstance(node, ast.Module):
            shell = copy.copy(node)
            shell.body = []  # type: ignore[attr-defined]
            header = ast.dump(shell)
        found[key] = _Scope(display or "module-level code", getattr(node, "lineno", 1), header, tuple(statements), tuple(lines))

    visit(tree, "", "")
    return found


def _first_difference(old: _Scope, new: _Scope) -> str:
    """Where, in the new version, the first differing statement of a scope is."""
    if old.header != new.header:
        return f"line {new.line}"
    matcher = difflib.SequenceMatcher(a=old.statements, b=new.statements, autojunk=False)
    for tag, _i1, _i2, j1, _j2 in matcher.get_opcodes():
        if tag != "equal":
            if j1 < len(new.lines):
                return f"line {new.lines[j1]}"
            return f"after line {new.lines[-1]}" if new.lines else f"line {new.line}"
    return f"line {new.line}"


def _listing(items: list[str]) -> str:
    shown = ", ".join(items[:MAX_LISTED])
    if len(items) > MAX_LISTED:
        shown += f" and {len(items) - MAX_LISTED} more"
    return shown


def explain(old_tree: ast.Module, new_tree: ast.Module) -> str:
    """A short description of the differing scopes of two normalised trees."""
    old, new = _scopes(old_tree), _scopes(new_tree)

    def top_most(keys: list[str]) -> list[str]:
        """Leave out definitions nested in one that is itself added or removed."""
        chosen = set(keys)
        return [k for k in keys if k.rsplit("/", 1)[0] not in chosen]

    changed = [
        f"{new[k].display} ({_first_difference(old[k], new[k])})"
        for k in new
        if k in old and old[k].code() != new[k].code()
    ]
    added_keys = [k for k in new if k not in old]
    removed_keys = [k for k in old if k not in new]
    added = [f"{new[k].display} (line {new[k].line})" for k in top_most(added_keys)]
    removed = [old[k].display for k in top_most(removed_keys)]
    parts = []
    if changed:
        parts.append(f"changed {_listing(changed)}")
    if added:
        parts.append(f"added {_listing(added)}")
    if removed:
        parts.append(f"removed {_listing(removed)}")
    if not parts:
        return "the order of definitions changed"
    return "; ".join(parts)
