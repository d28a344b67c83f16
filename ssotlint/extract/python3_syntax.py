"""Whether a module is written in syntax only Python 3 reads.

A project that declares no Python at all, whose failing files fail on Python 2 statements
and none of whose files uses anything Python 2 cannot compile, is Python 2 code (see
:func:`ssotlint.model.python2.python2_evidence`). One such construct in one file says
the code is written for Python 3, whatever the others read like.
"""

from __future__ import annotations

import ast

# Statements and expressions Python 2 has no syntax for.
_PYTHON3_NODES = (
    ast.JoinedStr, ast.AnnAssign, ast.AsyncFunctionDef, ast.AsyncFor, ast.AsyncWith, ast.Await,
    ast.Nonlocal, ast.YieldFrom, ast.NamedExpr, ast.MatMult,
)


def python3_syntax(tree: ast.Module) -> bool:
    """The module uses syntax Python 2 rejects: an f-string, an annotation (of a variable,
    a parameter or a return), ``async``/``await``, ``nonlocal``, ``yield from``, ``:=``,
    ``@``, keyword-only parameters, ``raise ... from ...``, a starred assignment target."""
    for node in ast.walk(tree):
        if isinstance(node, _PYTHON3_NODES):
            return True
        if isinstance(node, (ast.FunctionDef, ast.Lambda)):
            args = node.args
            if args.kwonlyargs or args.posonlyargs:
                return True
            if isinstance(node, ast.FunctionDef) and (
                node.returns is not None or any(a.annotation is not None for a in (*args.args, args.vararg, args.kwarg) if a)
            ):
                return True
        elif isinstance(node, ast.Raise) and node.cause is not None:
            return True
        elif isinstance(node, (ast.Assign, ast.For)) and any(
            isinstance(t, (ast.Tuple, ast.List)) and any(isinstance(e, ast.Starred) for e in t.elts)
            for t in (node.targets if isinstance(node, ast.Assign) else [node.target])
        ):
            return True
    return False
