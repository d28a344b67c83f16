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

import ast
from typing import Any, Mapping

import libcst as cst

from ssotlint.fix.codemods import CannotFix
from ssotlint.fix.codemods.syntax import dotted, edit_region, parse, python_tree, region_of


def add_base(text: str, args: Mapping[str, Any]) -> str:
    """``args``: ``class`` and ``line`` of the class statement, ``base`` (the class name to
    add), ``module`` (where to import it from), ``replace`` (bases as written that the
    base already derives from), ``add_import`` (whether the file must import it).

    CPython's tree finds the class and the imports; LibCST rewrites only the class's header
    lines (a file of many test classes gets one fix per class: parsing the whole file with
    LibCST each time cost more than all the rest)."""
    name, base, module = str(args["class"]), str(args["base"]), str(args["module"])
    replace = {str(r) for r in args["replace"]}
    tree = python_tree(text)
    found = [(i, n) for i, n in enumerate(tree.body) if isinstance(n, ast.ClassDef) and n.name == name]
    if not found:
        raise CannotFix(f"no module-level class {name} in the file")
    index, node = min(found, key=lambda item: (abs(item[1].lineno - int(args["line"])), item[0]))
    text = _with_header(text, tree.body, index, node, base, replace)
    if args.get("add_import") and not _imported(tree.body, module, base):
        text = _insert_import(text, tree.body, index, f"from {module} import {base}")
    return text


def _with_header(text: str, body: list[ast.stmt], index: int, node: ast.ClassDef, base: str, replace: set[str]) -> str:
    """The class statement's header (``class X(A, B):`` and any lines up to its body)
    parsed alone, with a stand-in ``pass`` body, and its bases rewritten."""
    first_body = node.body[0]
    if first_body.lineno == node.lineno:  # `class X(A): pass` on one line: the whole statement
        region = region_of(text.splitlines(), body, index, index + 1)
        return edit_region(text, region, lambda m: m.visit(_Bases(name=node.name, base=base, replace=replace)))
    lines = text.splitlines(keepends=True)
    header = lines[node.lineno - 1 : first_body.lineno - 1]
    newline = header[0][len(header[0].rstrip("\r\n")) :] or "\n"
    indent = lines[first_body.lineno - 1][: first_body.col_offset]
    stand_in = f"{indent}pass{newline}"
    module = parse("".join(header) + stand_in)
    code = module.visit(_Bases(name=node.name, base=base, replace=replace)).code
    if not code.endswith(stand_in):
        raise CannotFix("the class header could not be rewritten on its own")
    return "".join(lines[: node.lineno - 1]) + code[: -len(stand_in)] + "".join(lines[first_body.lineno - 1 :])


class _Bases(cst.CSTTransformer):
    def __init__(self, name: str, base: str, replace: set[str]) -> None:
        self.name, self.base, self.replace = name, base, replace

    def leave_ClassDef(self, original: cst.ClassDef, updated: cst.ClassDef) -> cst.ClassDef:
        if updated.name.value != self.name:
            return updated
        return updated.with_changes(**_new_bases(updated, self.base, self.replace))


def _imported(body: list[ast.stmt], module: str, name: str) -> bool:
    """Whether a module-level ``from <module> import <name>`` is there already (the fix of
    another class of the same file added it)."""
    return any(
        isinstance(s, ast.ImportFrom) and not s.level and s.module == module
        and any(a.name == name and a.asname is None for a in s.names)
        for s in body
    )


def _insert_import(text: str, body: list[ast.stmt], before: int, statement: str) -> str:
    """``statement`` after the last module-level import above ``body[before]`` (after the
    docstring when there is none, else before the first statement); the statement after it
    keeps (or gets) a blank line."""
    lines = text.splitlines(keepends=True)
    after: int | None = None  # the line the import goes after (1-based), or None: before the first statement
    if body and before > 0 and _is_docstring(body[0]):
        after = body[0].end_lineno
    for node in body[:before]:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            after = node.end_lineno
    if after is None:
        first = body[0]
        at = min([first.lineno, *(d.lineno for d in getattr(first, "decorator_list", ()))]) - 1
    else:
        at = after
    newline = next((line[len(line.rstrip("\r\n")) :] for line in lines if line.endswith(("\n", "\r"))), "\n")
    inserted = [statement + newline]
    following = lines[at] if at < len(lines) else ""
    next_statement = next((n for n in body if n.lineno > at), None)
    if following.strip() and not isinstance(next_statement, (ast.Import, ast.ImportFrom)):
        inserted.append(newline)
    if at > 0 and not lines[at - 1].endswith(("\n", "\r")):
        lines[at - 1] += newline
    return "".join(lines[:at] + inserted + lines[at:])


def _is_docstring(node: ast.stmt) -> bool:
    return isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)


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


