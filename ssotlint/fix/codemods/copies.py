"""SSOT001/SSOT006: replace an exact copy of a class with an import of the one kept.

The class statement (decorators included) becomes ``from <module> import <Name>`` in the
same place, keeping the comments above it, so the name stays bound where it was and every
importer of the old location keeps working.
"""

from __future__ import annotations

from typing import Any, Mapping

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

from ssotlint.fix.codemods import CannotFix
from ssotlint.fix.codemods.syntax import parse, statement_blocks


def replace_with_import(text: str, args: Mapping[str, Any]) -> str:
    """``args``: ``name`` of the class, ``line`` of its statement (a hint), and ``module``
    to import it from."""
    name, module_name, hint = str(args["name"]), str(args["module"]), int(args["line"])
    module = parse(text)
    positions = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
    candidates = [
        statement
        for block in statement_blocks(module)
        for statement in block
        if isinstance(statement, cst.ClassDef) and statement.name.value == name
    ]
    if not candidates:
        raise CannotFix(f"no class {name} in the file")
    target = min(candidates, key=lambda c: abs(positions[c.name].start.line - hint))
    replacement = cst.parse_statement(f"from {module_name} import {name}\n")
    replacement = replacement.with_changes(leading_lines=target.leading_lines)
    return module.visit(_Replace(target, replacement)).code


class _Replace(cst.CSTTransformer):
    def __init__(self, target: cst.ClassDef, replacement: cst.BaseStatement) -> None:
        self.target = target
        self.replacement = replacement

    def leave_ClassDef(self, original: cst.ClassDef, updated: cst.ClassDef) -> cst.BaseStatement:
        return self.replacement if original is self.target else updated
