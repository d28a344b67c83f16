"""SSOT003: import a name from the module that defines it.

``from A import X, Y`` where X is not in A but defined in B becomes
``from A import Y`` followed by ``from B import X`` (or X joins a ``from B import ...``
already in the same block). Aliases, comments, parentheses and the statement's place
(a function body, a ``try:``) are kept; when every name moves, the statement is replaced
in place, keeping the comments above it and at the end of its line.
"""

from __future__ import annotations

import ast
from typing import Any, Mapping, Sequence

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

from ssotlint.fix.codemods import CannotFix
from ssotlint.fix.codemods.syntax import dotted, edit_region, python_tree, region_of, statement_blocks, statement_lists


def retarget(text: str, args: Mapping[str, Any]) -> str:
    """``args``: ``line`` (a hint), ``level`` and ``module`` of the statement as written,
    and ``moves``: ``[name, module to import it from, as written]`` pairs.

    CPython's tree finds the statement (and a ``from <target> import`` above it in the same
    block that a name may join); LibCST rewrites only those lines."""
    moves: dict[str, str] = {str(name): str(target) for name, target in args["moves"]}
    level, name, hint = int(args["level"]), str(args["module"]), int(args["line"])
    body, index = _locate(python_tree(text), level, name, moves, hint)
    start = index
    targets = {(len(t) - len(t.lstrip(".")), t.lstrip(".")) for t in moves.values()}
    for j in range(index - 1, -1, -1):
        node = body[j]
        if isinstance(node, ast.ImportFrom) and (node.level, node.module or "") in targets:
            start = j
    region = region_of(text.splitlines(), body, start, index + 1)
    offset = region.first - (2 if region.indent else 1)  # region line = file line - offset

    def transform(module: cst.Module) -> cst.Module:
        positions = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
        line, statement = _find(module, positions, level, name, moves, body[index].lineno - offset)
        return module.visit(_Retarget(line, statement, moves))

    return edit_region(text, region, transform)


def _locate(tree: ast.Module, level: int, name: str, moves: Mapping[str, str], hint: int) -> tuple[list[ast.stmt], int]:
    """The block and index of the from-import nearest ``hint`` that imports every moved name."""
    found: list[tuple[int, list[ast.stmt], int]] = []
    for body in statement_lists(tree):
        for i, node in enumerate(body):
            if isinstance(node, ast.ImportFrom) and node.level == level and (node.module or "") == name:
                if set(moves) <= {a.name for a in node.names}:
                    found.append((abs(node.lineno - hint), body, i))
    if not found:
        raise CannotFix(f"no `from {'.' * level}{name} import ...` of {', '.join(sorted(moves))} in the file")
    _, body, index = min(found, key=lambda item: item[0])
    return body, index


def _find(
    module: cst.Module, positions: Mapping[cst.CSTNode, Any], level: int, name: str, moves: Mapping[str, str], hint: int
) -> tuple[cst.SimpleStatementLine, cst.ImportFrom]:
    """The from-import of ``name`` at ``level`` importing every moved name, nearest ``hint``."""
    found: list[tuple[int, cst.SimpleStatementLine, cst.ImportFrom]] = []
    for block in statement_blocks(module):
        for line in block:
            if not isinstance(line, cst.SimpleStatementLine):
                continue
            for small in line.body:
                if not isinstance(small, cst.ImportFrom) or isinstance(small.names, cst.ImportStar):
                    continue
                if len(small.relative) != level or dotted(small.module) != name:
                    continue
                imported = {_alias_name(a) for a in small.names}
                if set(moves) <= imported:
                    found.append((abs(positions[small].start.line - hint), line, small))
    if not found:
        raise CannotFix(f"no `from {'.' * level}{name} import ...` of {', '.join(sorted(moves))} in the file")
    found.sort(key=lambda item: item[0])
    return found[0][1], found[0][2]


def _alias_name(alias: cst.ImportAlias) -> str:
    return dotted(alias.name)


def _asname(alias: cst.ImportAlias) -> str | None:
    if alias.asname is None:
        return None
    target = alias.asname.name
    return target.value if isinstance(target, cst.Name) else None


class _Retarget(cst.CSTTransformer):
    """Rewrites the one statement line; works on the block that holds it, since a moved
    name may need a statement of its own right after it."""

    def __init__(self, line: cst.SimpleStatementLine, statement: cst.ImportFrom, moves: Mapping[str, str]) -> None:
        self.line = line
        self.statement = statement
        self.moves = moves
        self.done = False

    def leave_Module(self, original: cst.Module, updated: cst.Module) -> cst.Module:
        result = updated.with_changes(body=self._rewrite(original.body, updated.body))
        if not self.done:
            raise CannotFix("the import statement is not in a block of statements")
        return result

    def leave_IndentedBlock(self, original: cst.IndentedBlock, updated: cst.IndentedBlock) -> cst.IndentedBlock:
        return updated.with_changes(body=self._rewrite(original.body, updated.body))

    def _rewrite(self, original: Sequence[cst.BaseStatement], updated: Sequence[cst.BaseStatement]) -> list[cst.BaseStatement]:
        body = list(updated)
        if self.done or not any(s is self.line for s in original):
            return body
        index = next(i for i, s in enumerate(original) if s is self.line)
        self.done = True
        kept = [a for a in self.statement.names if _alias_name(a) not in self.moves]  # type: ignore[union-attr]
        moved = [a for a in self.statement.names if _alias_name(a) in self.moves]  # type: ignore[union-attr]
        by_target: dict[str, list[cst.ImportAlias]] = {}
        for alias in moved:
            group = by_target.setdefault(self.moves[_alias_name(alias)], [])
            if all((_alias_name(a), _asname(a)) != (_alias_name(alias), _asname(alias)) for a in group):
                group.append(alias)  # a name imported twice moves once
        new_lines: list[cst.BaseStatement] = []
        rest = [s for s in self.line.body if s is not self.statement]
        # When every name moves into statements above, the line goes, and its comments go
        # to the statement below; at the end of a block there is none, so no merging then.
        may_merge = bool(kept or rest) or index + 1 < len(body)
        for target, aliases in by_target.items():
            merged = _merge_into_sibling(body, index, target, aliases) if may_merge else None
            if merged is None:
                new_lines.append(_statement(target, aliases))
            else:
                body[merged[0]] = merged[1]
        if kept:
            replaced = self.line.with_changes(
                body=[_without(s, kept) if s is self.statement else s for s in self.line.body]
            )
            body[index : index + 1] = [replaced, *new_lines]
        elif rest:
            rest[-1] = rest[-1].with_changes(semicolon=cst.MaybeSentinel.DEFAULT)
            body[index : index + 1] = [self.line.with_changes(body=rest), *new_lines]
        elif new_lines:
            first = new_lines[0].with_changes(  # type: ignore[union-attr]
                leading_lines=self.line.leading_lines, trailing_whitespace=self.line.trailing_whitespace
            )
            body[index : index + 1] = [first, *new_lines[1:]]
        else:
            following = body[index + 1]
            comments = list(self.line.leading_lines)
            trailing = self.line.trailing_whitespace.comment
            if trailing is not None:
                comments.append(cst.EmptyLine(comment=trailing))
            body[index + 1] = following.with_changes(leading_lines=[*comments, *following.leading_lines])  # type: ignore[union-attr]
            del body[index]
        return body


def _without(statement: cst.ImportFrom, kept: list[cst.ImportAlias]) -> cst.ImportFrom:
    """The statement importing only ``kept``; a trailing comma survives only in parentheses."""
    names = list(kept)
    if statement.lpar is None and names[-1].comma != cst.MaybeSentinel.DEFAULT:
        names[-1] = names[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
    return statement.with_changes(names=names)


def _statement(target: str, aliases: list[cst.ImportAlias]) -> cst.SimpleStatementLine:
    clean = [a.with_changes(comma=cst.MaybeSentinel.DEFAULT) for a in aliases]
    names = ", ".join(_alias_name(a) + (f" as {_asname(a)}" if _asname(a) else "") for a in clean)
    statement = cst.parse_statement(f"from {target} import {names}\n")
    assert isinstance(statement, cst.SimpleStatementLine)
    return statement


def _merge_into_sibling(
    body: list[cst.BaseStatement], index: int, target: str, aliases: list[cst.ImportAlias]
) -> tuple[int, cst.SimpleStatementLine] | None:
    """An existing one-statement ``from <target> import ...`` line above it in the block, with
    ``aliases`` added (names it imports already are not repeated); None when there is none."""
    level = len(target) - len(target.lstrip("."))
    name = target.lstrip(".")
    for position, line in enumerate(body):
        if position >= index:
            break  # a statement below would bind the name later than the one it replaces
        if not isinstance(line, cst.SimpleStatementLine) or len(line.body) != 1:
            continue
        statement = line.body[0]
        if not isinstance(statement, cst.ImportFrom) or isinstance(statement.names, cst.ImportStar):
            continue
        if len(statement.relative) != level or dotted(statement.module) != name:
            continue
        present = {(_alias_name(a), _asname(a)) for a in statement.names}
        new = [a for a in aliases if (_alias_name(a), _asname(a)) not in present]
        if not new:
            return position, line
        return position, line.with_changes(body=[_append(statement, new)])
    return None


def _append(statement: cst.ImportFrom, aliases: list[cst.ImportAlias]) -> cst.ImportFrom:
    names = list(statement.names)  # type: ignore[arg-type]
    last = names[-1]
    fresh = [a.with_changes(comma=cst.MaybeSentinel.DEFAULT) for a in aliases]
    if last.comma != cst.MaybeSentinel.DEFAULT and statement.lpar is not None:
        # A parenthesised list with a trailing comma: each new name takes the same comma
        # (and so the same line break and indentation).
        fresh = [a.with_changes(comma=last.comma) for a in fresh]
    else:
        names[-1] = last.with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")))
        for i in range(len(fresh) - 1):
            fresh[i] = fresh[i].with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")))
    return statement.with_changes(names=names + fresh)
