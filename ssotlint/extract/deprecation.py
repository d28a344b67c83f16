"""Which classes of a module say they are deprecated in their text: a docstring with a
``.. deprecated::`` directive, or a constructor that always warns ``DeprecationWarning``;
``*`` when the module's own docstring says so, or the comments at its head (``#
DEPRECATED: This module is scheduled for removal``), or a warning its own body gives at import
in a text about a module or package (``"The 'x' module is deprecated"``; a warning at
import about one name of it is not counted). A deprecated copy is kept as it was
until it is removed: neither half of a duplicate (see ``rules/apart.py``
``deprecated_here``).

Computed from the interpreter's tree, for both engines alike (as :mod:`ssotlint.extract.writes`).
"""

from __future__ import annotations

import ast
import re

_DIRECTIVE = re.compile(r"^\s*\.\.\s+deprecated::", re.MULTILINE)
_WARNINGS = ("DeprecationWarning", "PendingDeprecationWarning")


def deprecated_classes(tree: ast.Module, text: str) -> tuple[str, ...]:
    """The names of the module-level classes whose docstring or code says they are
    deprecated, or ``("*",)`` when the module's own docstring or import-time code does."""
    if _header_says(text):
        return ("*",)
    if "deprecated::" not in text and "DeprecationWarning" not in text:
        return ()
    if _says(ast.get_docstring(tree)) or any(_warns_of_itself(stmt) for stmt in tree.body):
        return ("*",)
    found = [
        stmt.name for stmt in tree.body
        if isinstance(stmt, ast.ClassDef) and (_says(ast.get_docstring(stmt)) or _always_warns(stmt))
    ]
    return tuple(dict.fromkeys(found))


_CONSTRUCTORS = frozenset({"__init__", "__new__", "__post_init__"})


def _always_warns(cls: ast.ClassDef) -> bool:
    """Its constructor warns of a deprecation whatever it is given: a statement of the
    constructor's own body, not one under an ``if`` (which deprecates a parameter)."""
    return any(
        isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)) and stmt.name in _CONSTRUCTORS
        and any(isinstance(inner, ast.Expr) and _warns(inner) for inner in stmt.body)
        for stmt in cls.body
    )


# A deprecation warning's text that is about a module or package as a whole (``"The
# 'pkg.models.octi.enums' module is deprecated ... use 'pkg.models.enums' instead"``).
_OF_A_MODULE = re.compile(r"\b(?:module|package)\b", re.IGNORECASE)


def _warns_of_itself(stmt: ast.stmt) -> bool:
    """A statement of the module's own body (not under an ``if``, which may deprecate one
    way of importing it) that warns of a deprecation in a text about a module or package:
    the module says at import that it is deprecated as a whole. A warning at import about
    one name (``"foo() is deprecated"``) is not counted."""
    if not (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call) and _warns(stmt)):
        return False
    texts = [a.value for a in (*stmt.value.args, *(k.value for k in stmt.value.keywords))
             if isinstance(a, ast.Constant) and isinstance(a.value, str)]
    return any("deprecat" in t.lower() and _OF_A_MODULE.search(t) for t in texts)


# A comment at the head of a module that deprecates it: ``# DEPRECATED: This module is
# scheduled for removal in 5.0.0.`` (dd-trace-py's legacy pytest plugin), ``# Deprecated``,
# or one that says the module, package or file is deprecated.
_HEADER = re.compile(r"#\s*deprecated\b|#.*\b(?:module|package|file)\b.*\bdeprecated\b", re.IGNORECASE)


def _header_says(text: str) -> bool:
    """The comments before the module's first statement (its licence, shebang and
    encoding lines among them) say the module is deprecated."""
    head = text[:4096]
    if "eprecated" not in head and "EPRECATED" not in head:
        return False
    for line in head.splitlines():
        line = line.strip()
        if not line:
            continue
        if not line.startswith("#"):
            return False
        if _HEADER.match(line):
            return True
    return False


def _says(doc: str | None) -> bool:
    return doc is not None and _DIRECTIVE.search(doc) is not None


def _warns(node: ast.AST) -> bool:
    """A call of ``warn``/``warnings.warn`` in ``node`` that names a deprecation warning."""
    for call in ast.walk(node):
        if not isinstance(call, ast.Call):
            continue
        func = call.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if name != "warn":
            continue
        for arg in (*call.args, *(k.value for k in call.keywords)):
            named = arg.attr if isinstance(arg, ast.Attribute) else arg.id if isinstance(arg, ast.Name) else ""
            if named in _WARNINGS:
                return True
    return False
