"""SSOT004: put a test class on the SSOT base test case.

The configured base becomes a base of the class: in place of the first base the SSOT base
already derives from (``unittest.TestCase`` when it is a ``TestCase`` itself; the others it
covers are dropped), else after the other bases, so the method resolution order stays
valid (a base never comes before a class derived from it). Its import,
``from <module> import <Base>``, goes after the last module-level import above the class
(after the docstring and ``from __future__`` lines when there is none), unless the rule
found the name already bound to it.
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

from ssotlint.fix.codemods import CannotFix
from ssotlint.fix.codemods.syntax import dotted, parse


def add_base(text: str, args: Mapping[str, Any]) -> str:
    """``args``: ``class`` and ``line`` of the class statement, ``base`` (the class name to
    add), ``module`` (where to import it from), ``replace`` (bases as written that the
    base already derives from), ``add_import`` (whether the file must import it)."""
    name, base = str(args["class"]), str(args["base"])
    replace = {str(r) for r in args["replace"]}
    module = parse(text)
    index, classdef = _find(module, name, int(args["line"]))
    body = list(module.body)
    body[index] = classdef.with_changes(**_new_bases(classdef, base, replace))
    if args.get("add_import") and not _imports(body, str(args["module"]), base):
        body = _with_import(body, index, cst.parse_statement(f"from {args['module']} import {base}\n"))
    return module.with_changes(body=body).code


def _find(module: cst.Module, name: str, hint: int) -> tuple[int, cst.ClassDef]:
    """The module-level class ``name``; of several, the one nearest line ``hint``. (Line
    numbers cost more than the parse, and a file with many test classes gets one fix per
    class: they are computed only when the name is ambiguous.)"""
    found = [(i, s) for i, s in enumerate(module.body) if isinstance(s, cst.ClassDef) and s.name.value == name]
    if not found:
        raise CannotFix(f"no module-level class {name} in the file")
    if len(found) == 1:
        return found[0]
    positions = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
    return min(found, key=lambda item: (abs(positions[item[1]].start.line - hint), item[0]))


def _new_bases(classdef: cst.ClassDef, base: str, replace: set[str]) -> dict[str, Any]:
    if any(k.keyword is not None and k.keyword.value == "metaclass" for k in classdef.keywords):
        raise CannotFix("the class has a metaclass")
    if any(a.star for a in classdef.bases):
        raise CannotFix("the class has starred bases")
    new = cst.Arg(value=cst.Name(base))
    bases: list[cst.Arg] = []
    placed = False
    for arg in classdef.bases:
        if dotted(arg.value) in replace:
            if not placed:
                bases.append(arg.with_changes(value=new.value))
                placed = True
            continue  # the new base derives from it already
        bases.append(arg)
    if not placed:
        bases = _append(bases, new, classdef.lpar)
    elif len(bases) < len(classdef.bases):
        # Dropped bases: the last one left ends as the last one written did (a comma only
        # when the bases had a trailing comma or keywords follow).
        bases[-1] = bases[-1].with_changes(comma=classdef.bases[-1].comma)
    changes: dict[str, Any] = {"bases": bases}
    if not isinstance(classdef.lpar, cst.LeftParen):
        changes["lpar"] = cst.LeftParen()
        changes["rpar"] = cst.RightParen()
    return changes


def _append(bases: list[cst.Arg], new: cst.Arg, lpar: cst.LeftParen | cst.MaybeSentinel) -> list[cst.Arg]:
    if not bases:
        return [new]
    last = bases[-1]
    if last.comma == cst.MaybeSentinel.DEFAULT:
        return [*bases[:-1], last.with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))), new]
    # A trailing comma stays trailing; the comma before the new base separates as the
    # bases before it are separated (one per line, say).
    if len(bases) > 1:
        between = bases[-2].comma
    elif isinstance(lpar, cst.LeftParen):
        between = cst.Comma(whitespace_after=lpar.whitespace_after)
    else:
        between = cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
    return [*bases[:-1], last.with_changes(comma=between), new.with_changes(comma=last.comma)]


def _imports(body: Sequence[cst.BaseStatement], module: str, name: str) -> bool:
    """Whether a module-level ``from <module> import <name>`` is there already (the fix of
    another class of the same file added it)."""
    for statement in body:
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            if (
                isinstance(small, cst.ImportFrom)
                and not small.relative
                and dotted(small.module) == module
                and not isinstance(small.names, cst.ImportStar)
                and any(dotted(a.name) == name and a.asname is None for a in small.names)
            ):
                return True
    return False


def _is_import_line(statement: cst.BaseStatement) -> bool:
    return isinstance(statement, cst.SimpleStatementLine) and all(
        isinstance(s, (cst.Import, cst.ImportFrom)) for s in statement.body
    )


def _is_docstring(statement: cst.BaseStatement) -> bool:
    return (
        isinstance(statement, cst.SimpleStatementLine)
        and len(statement.body) == 1
        and isinstance(statement.body[0], cst.Expr)
        and isinstance(statement.body[0].value, (cst.SimpleString, cst.ConcatenatedString))
    )


def _with_import(body: Sequence[cst.BaseStatement], before: int, line: cst.BaseStatement) -> list[cst.BaseStatement]:
    """``line`` after the last import line above ``before`` (after the docstring when
    there is none); the statement after it keeps (or gets) a blank line."""
    at = 1 if body and _is_docstring(body[0]) and before > 0 else 0
    for position in range(before):
        if _is_import_line(body[position]):
            at = position + 1
    result = list(body)
    if at < len(result) and not _is_import_line(result[at]) and not result[at].leading_lines:  # type: ignore[attr-defined]
        result[at] = result[at].with_changes(leading_lines=[cst.EmptyLine()])
    result.insert(at, line)
    return result
