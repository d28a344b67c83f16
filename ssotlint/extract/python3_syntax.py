"""Whether a module is written in syntax only Python 3 reads, or calls what only Python 2 has.

A project that declares no Python at all, whose failing files fail on Python 2 statements
and none of whose files uses anything Python 2 cannot compile, is Python 2 code (see
:func:`ssotlint.model.python2.python2_evidence`). One such construct in one file says
the code is written for Python 3, whatever the others read like. Calls of what Python 3
removed (``d.iteritems()``, ``xrange(n)``) compile on Python 3 and fail when they run: in
many files, they say the code is run on Python 2.
"""

from __future__ import annotations

import ast
from typing import NamedTuple

# Statements and expressions Python 2 has no syntax for.
_PYTHON3_NODES = (
    ast.JoinedStr, ast.AnnAssign, ast.AsyncFunctionDef, ast.AsyncFor, ast.AsyncWith, ast.Await,
    ast.Nonlocal, ast.YieldFrom, ast.NamedExpr, ast.MatMult,
)


# Methods Python 3's dict dropped, and builtins it removed, which a module calls only when it
# runs on Python 2 (unless it binds the name itself: ``xrange = range`` for both).
_PYTHON2_METHODS = frozenset({"iteritems", "iterkeys", "itervalues", "has_key"})
_PYTHON2_BUILTINS = frozenset({"xrange", "raw_input", "unichr", "execfile", "basestring", "unicode", "long"})
# ``from __future__ import print_function`` and the like: code that means to run on Python 3 too.
_PYTHON3_FUTURES = frozenset({"print_function", "unicode_literals", "division", "absolute_import"})
# ``sys.version_info``, ``sys.version``, ``platform.python_version()``: asking which Python runs it.
_VERSION_QUESTIONS = frozenset({("sys", "version_info"), ("sys", "version"), ("platform", "python_version")})


# Words without which a module holds neither Python 2 fact (read before the tree is walked).
_PYTHON2_MARKERS = (*_PYTHON2_METHODS, *_PYTHON2_BUILTINS, "version", "six", "future")


class PythonFacts(NamedTuple):
    """Which Python a module is written for (see the module's docstring)."""

    python3_syntax: bool
    python2_idioms: bool = False
    python3_aware: bool = False


def python3_syntax(tree: ast.Module) -> bool:
    """The module uses syntax Python 2 rejects: an f-string, an annotation (of a variable,
    a parameter or a return), ``async``/``await``, ``nonlocal``, ``yield from``, ``:=``,
    ``@``, keyword-only parameters, ``raise ... from ...``, a starred assignment target."""
    return python_facts(tree, "").python3_syntax


def python_facts(tree: ast.Module, text: str) -> PythonFacts:
    """In one walk of the tree: :func:`python3_syntax`, and in a module with none (the only
    ones whose other facts the project's verdict reads: one Python 3 construct anywhere
    settles it), whether it calls what only Python 2 has (a dict's ``iteritems()`` or
    ``has_key(k)``; ``xrange``, ``raw_input``, ``unicode``, ``basestring`` ..., names it does
    not bind itself) and whether it is written to run on Python 3 as well (it asks which
    Python runs it, imports ``six`` or ``future``, or takes ``print_function`` and the like
    from ``__future__``: TACTIC, being ported, has 303 such modules). ``text`` (the
    module's source) says whether the last two can hold at all, before the walk."""
    looking = any(marker in text for marker in _PYTHON2_MARKERS)
    bound: set[str] = set()
    called: set[str] = set()
    method = aware = False
    for node in ast.walk(tree):
        if _python3_node(node):
            return PythonFacts(True)
        if not looking:
            continue
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute) and func.attr in _PYTHON2_METHODS:
                method = True
            elif isinstance(func, ast.Name) and func.id in _PYTHON2_BUILTINS:
                called.add(func.id)
        elif isinstance(node, ast.Name):
            if isinstance(node.ctx, ast.Store):
                bound.add(node.id)
        elif isinstance(node, ast.Attribute):
            if isinstance(node.value, ast.Name) and (node.value.id, node.attr) in _VERSION_QUESTIONS:
                aware = True
        elif isinstance(node, ast.ImportFrom):
            bound.update((a.asname or a.name) for a in node.names)
            if node.module == "__future__" and any(a.name in _PYTHON3_FUTURES for a in node.names):
                aware = True
            elif (node.module or "").partition(".")[0] in ("six", "future") and not node.level:
                aware = True
        elif isinstance(node, ast.Import):
            bound.update((a.asname or a.name).partition(".")[0] for a in node.names)
            if any(a.name.partition(".")[0] in ("six", "future") for a in node.names):
                aware = True
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            bound.add(node.name)
    return PythonFacts(False, method or bool(called - bound), aware)


def _python3_node(node: ast.AST) -> bool:
    """``node`` is syntax Python 2 has none of (see :func:`python3_syntax`)."""
    if isinstance(node, _PYTHON3_NODES):
        return True
    if isinstance(node, (ast.FunctionDef, ast.Lambda)):
        args = node.args
        if args.kwonlyargs or args.posonlyargs:
            return True
        return isinstance(node, ast.FunctionDef) and (
            node.returns is not None or any(a.annotation is not None for a in (*args.args, args.vararg, args.kwarg) if a)
        )
    if isinstance(node, ast.Raise):
        return node.cause is not None
    if isinstance(node, (ast.Assign, ast.For)):
        return any(
            isinstance(t, (ast.Tuple, ast.List)) and any(isinstance(e, ast.Starred) for e in t.elts)
            for t in (node.targets if isinstance(node, ast.Assign) else [node.target])
        )
    return False


