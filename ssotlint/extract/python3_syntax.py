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


# Methods Python 3's dict dropped, and builtins it removed, which a module calls only when it
# runs on Python 2 (unless it binds the name itself: ``xrange = range`` for both).
_PYTHON2_METHODS = frozenset({"iteritems", "iterkeys", "itervalues", "has_key"})
_PYTHON2_BUILTINS = frozenset({"xrange", "raw_input", "unichr", "execfile", "basestring", "unicode", "long"})
# ``from __future__ import print_function`` and the like: code that means to run on Python 3 too.
_PYTHON3_FUTURES = frozenset({"print_function", "unicode_literals", "division", "absolute_import"})
# ``sys.version_info``, ``sys.version``, ``platform.python_version()``: asking which Python runs it.
_VERSION_QUESTIONS = frozenset({("sys", "version_info"), ("sys", "version"), ("platform", "python_version")})


def python2_facts(tree: ast.Module) -> tuple[bool, bool]:
    """(idioms, aware), read in one walk of the tree:

    - idioms: the module calls a method Python 3's dict lacks (``d.iteritems()``,
      ``d.has_key(k)``) or a builtin Python 3 removed (``xrange``, ``raw_input``,
      ``unicode``, ``basestring`` ...), one it does not bind itself;
    - aware: it is written to run on Python 3 as well: it asks which Python runs it,
      imports ``six`` or ``future``, or takes Python 3's behaviour from ``__future__``
      (``print_function``, ``unicode_literals``, ``division``, ``absolute_import``). A
      project with such modules (TACTIC: 303 of them) ports to Python 3, whatever Python 2
      calls others keep."""
    bound: set[str] = set()
    called: set[str] = set()
    method = aware = False
    for node in ast.walk(tree):
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
            head = (node.module or "").partition(".")[0]
            if node.module == "__future__" and any(a.name in _PYTHON3_FUTURES for a in node.names):
                aware = True
            elif head in ("six", "future") and not node.level:
                aware = True
        elif isinstance(node, ast.Import):
            bound.update((a.asname or a.name).partition(".")[0] for a in node.names)
            if any(a.name.partition(".")[0] in ("six", "future") for a in node.names):
                aware = True
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            bound.add(node.name)
    return method or bool(called - bound), aware
