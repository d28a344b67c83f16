"""Whether a module's import-time code runs ``exec`` on source it builds.

``exec(source)`` at module level binds whatever the source defines in the module's
namespace. The text pattern of ``summarize._DYNAMIC_NAMES`` sees such a call at the start of
a line; one inside a module-level loop or branch is indented (SCons' ``Script/__init__.py``:
``for name in GlobalDefaultEnvironmentFunctions + GlobalDefaultBuilders: exec("%s =
_SConscript.DefaultEnvironmentCall(%s)" % (name, repr(name)))`` binds ``Depends`` and
forty other names), and one inside a function defines names in that function only. This
reads the tree: a call of the builtin ``exec`` in a statement that runs at import time
(through ``if``/``for``/``while``/``try``/``with``, not into functions or classes), with no
namespace of its own as second argument (``exec(code, ns)`` fills ``ns``, not the module).

Computed from the interpreter's tree, for both engines alike.
"""

from __future__ import annotations

import ast
from typing import Iterator

from ssotlint.extract.ast_walk import inner_statements

_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)


def _module_level(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    for stmt in body:
        yield stmt
        if not isinstance(stmt, _SCOPES):
            yield from _module_level(inner_statements(stmt))


def _own_nodes(stmt: ast.stmt) -> Iterator[ast.AST]:
    """The nodes of the statement itself, not of the statements it holds nor of the
    functions, classes and lambdas in it."""
    nested = {id(s) for s in inner_statements(stmt)} if not isinstance(stmt, _SCOPES) else set()
    stack: list[ast.AST] = [stmt]
    while stack:
        node = stack.pop()
        yield node
        for child in ast.iter_child_nodes(node):
            if id(child) not in nested and not isinstance(child, _SCOPES):
                stack.append(child)


def execs_at_module_level(tree: ast.Module, text: str) -> bool:
    """A call of ``exec`` runs at import time in the module's own namespace."""
    if "exec" not in text:
        return False
    for stmt in _module_level(tree.body):
        if isinstance(stmt, _SCOPES):
            continue
        for node in _own_nodes(stmt):
            if (
                isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "exec"
                and node.args and len(node.args) < 2 and not node.keywords
            ):
                return True
    return False
