"""A file written for a newer Python, lowered so that the running interpreter can parse it.

Most of what the summary knows about how a file uses what it imports (at import time, in
functions, in annotations) comes from CPython's tree. A file that only LibCST's parser for
a newer Python reads (``requires-python = ">=3.12"`` under 3.11) had none of it, and every
rule then had to assume the worst (an import cycle through it "can fail"). The commonest
new syntax is PEP 695's: type parameters (``def f[**P, R](...)``, ``class C[T]:``) and
``type X = ...`` statements. Without them the file usually compiles, line for line:

- type parameter lists are dropped: their bounds and defaults are evaluated lazily, and the
  parameters are no imported names;
- ``type X[T] = value`` becomes ``X = lambda: (value)``: ``X`` is bound on the same line,
  and the value is read only when called, as an alias's value is read only when asked for.

The next commonest is PEP 701's f-strings (3.12: the same quotes inside a replacement
field, ``f'{row['id']}'``, backslashes, comments). An f-string is lowered to a tuple of
what its replacement fields (and their format specs) evaluate, ``(row['id'],)``: the same
names read at the same point, and what the text around them was does not matter to any
fact; newlines are kept inside the tuple's parentheses, so every later line stays where
it was. What else is new is not lowered: such a file keeps no such facts.
"""

from __future__ import annotations

import ast
import warnings
from typing import Sequence

import libcst as cst


class _Lower(cst.CSTTransformer):
    def leave_FunctionDef(self, original: cst.FunctionDef, updated: cst.FunctionDef) -> cst.FunctionDef:
        if updated.type_parameters is None:
            return updated
        return updated.with_changes(type_parameters=None, whitespace_after_type_parameters=cst.SimpleWhitespace(""))

    def leave_ClassDef(self, original: cst.ClassDef, updated: cst.ClassDef) -> cst.ClassDef:
        if updated.type_parameters is None:
            return updated
        return updated.with_changes(type_parameters=None, whitespace_after_type_parameters=cst.SimpleWhitespace(""))

    def leave_TypeAlias(self, original: cst.TypeAlias, updated: cst.TypeAlias) -> cst.Assign:
        value = updated.value.with_changes(
            lpar=[cst.LeftParen(), *updated.value.lpar], rpar=[*updated.value.rpar, cst.RightParen()]
        )
        return cst.Assign(
            targets=[cst.AssignTarget(updated.name)],
            value=cst.Lambda(params=cst.Parameters(), body=value),
            semicolon=updated.semicolon,
        )


    def leave_FormattedString(self, original: cst.FormattedString, updated: cst.FormattedString) -> cst.BaseExpression:
        return _evaluated(original, _field_values(updated.parts))

    def visit_ConcatenatedString(self, node: cst.ConcatenatedString) -> bool:
        return False  # its strings are lowered together (a tuple cannot be concatenated)

    def leave_ConcatenatedString(
        self, original: cst.ConcatenatedString, updated: cst.ConcatenatedString
    ) -> cst.BaseExpression:
        formatted = [s for s in _strings(original) if isinstance(s, cst.FormattedString)]
        if not formatted:
            return updated
        # The values of the f-strings' fields, the plain strings having none.
        return _evaluated(original, [s.visit(self) for s in formatted])  # type: ignore[misc]


def _strings(node: cst.BaseExpression) -> list[cst.BaseExpression]:
    """The strings a concatenation is made of, in order."""
    if isinstance(node, cst.ConcatenatedString):
        return [*_strings(node.left), *_strings(node.right)]
    return [node]


_CODE = cst.Module([])


def _field_values(parts: Sequence[cst.BaseFormattedStringContent]) -> list[cst.BaseExpression]:
    """The expressions of an f-string's replacement fields, those of their format specs
    (``{x:{width}}``) after each."""
    values: list[cst.BaseExpression] = []
    for part in parts:
        if isinstance(part, cst.FormattedStringExpression):
            values.append(part.expression)
            values.extend(_field_values(part.format_spec or ()))
    return values


def _evaluated(original: cst.CSTNode, values: list[cst.BaseExpression]) -> cst.BaseExpression:
    """A parenthesised tuple of ``values`` (``()`` for none) spanning as many lines as
    ``original`` did (a triple-quoted string's lines are kept as newlines before the
    closing parenthesis)."""
    text = "(" + "".join(_CODE.code_for_node(value) + ", " for value in values)
    text += "\n" * (_CODE.code_for_node(original).count("\n") - text.count("\n")) + ")"
    return cst.parse_expression(text)


def lowered_tree(module: cst.Module, text: str) -> tuple[ast.Module, str] | None:
    """CPython's tree of ``module`` (LibCST's tree of ``text``) without PEP 695's syntax,
    and the lowered text, when the running interpreter compiles it and every statement
    kept its line; else None."""
    try:
        lowered = module.visit(_Lower()).code
    except Exception:  # noqa: BLE001 - a node LibCST cannot rebuild: no facts, as before
        return None
    if lowered.count("\n") != text.count("\n"):
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = compile(lowered, "<ssotlint>", "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
            compile(tree, "<ssotlint>", "exec", dont_inherit=True)
    except (SyntaxError, ValueError, RecursionError, MemoryError, TypeError):
        return None
    return tree, lowered
