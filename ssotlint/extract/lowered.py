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

What else is new (PEP 701's f-strings, say) is not lowered: such a file keeps no such facts.
"""

from __future__ import annotations

import ast
import warnings

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
