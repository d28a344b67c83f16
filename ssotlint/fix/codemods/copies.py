"""SSOT001/SSOT006: replace an exact copy of a class with an import of the one kept.

The class statement (decorators included) becomes ``from <module> import <Name>`` in the
same place, keeping the comments above it, so the name stays bound where it was and every
importer of the old location keeps working.
"""

from __future__ import annotations

import ast
from typing import Any, Mapping

import libcst as cst

from ssotlint.fix.codemods import CannotFix
from ssotlint.fix.codemods.syntax import edit_region, python_tree, region_of, statement_blocks, statement_lists


def replace_with_import(text: str, args: Mapping[str, Any]) -> str:
    """``args``: ``name`` of the class, ``line`` of its statement (a hint), and ``module``
    to import it from. CPython's tree finds the class; LibCST rewrites only its lines."""
    name, module_name, hint = str(args["name"]), str(args["module"]), int(args["line"])
    candidates = [
        (abs(node.lineno - hint), body, i)
        for body in statement_lists(python_tree(text))
        for i, node in enumerate(body)
        if isinstance(node, ast.ClassDef) and node.name == name
    ]
    if not candidates:
        raise CannotFix(f"no class {name} in the file")
    _, body, index = min(candidates, key=lambda c: c[0])
    region = region_of(text.splitlines(), body, index, index + 1)

    def transform(module: cst.Module) -> cst.Module:
        classes = [s for block in statement_blocks(module) for s in block if isinstance(s, cst.ClassDef) and s.name.value == name]
        if len(classes) != 1:
            raise CannotFix(f"the class {name} shares its lines with other statements")
        replacement = cst.parse_statement(f"from {module_name} import {name}\n")
        return module.visit(_Replace(classes[0], replacement.with_changes(leading_lines=classes[0].leading_lines)))

    return edit_region(text, region, transform)


class _Replace(cst.CSTTransformer):
    def __init__(self, target: cst.ClassDef, replacement: cst.BaseStatement) -> None:
        self.target = target
        self.replacement = replacement

    def leave_ClassDef(self, original: cst.ClassDef, updated: cst.ClassDef) -> cst.BaseStatement:
        return self.replacement if original is self.target else updated
