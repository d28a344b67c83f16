"""Imports that run only from some Python version on.

``if sys.version_info >= (3, 12): from ._impl312 import x`` loads ``_impl312`` only on
Python 3.12 and later: when every importer of a module says so, the module is written for
that version (SSOT000 does not judge it by an older interpreter). Read: ``sys.version_info``
(or ``sys.version_info[:2]``) compared with a literal tuple ``(3, N, ...)`` by ``>=`` or
``>`` (either way round), and the ``else`` of ``< (3, N)``; nested checks keep the newest
version. Also read: a name the module binds to such a test (``PY312 = sys.version_info >=
(3, 12)``, ``IS_PY_3_12 = IS_PY_3_13 or version_info >= (3, 12)``: :func:`version_flags`),
tested alone (``if PY312:``); a name imported from another module and tested alone
(extract/flags.py ``flag_imports``, which the model resolves against that module's flags:
``Project.version_flag``); and a test
function a version skip marks (``@pytest.mark.skipif(sys.version_info < (3, 12), ...)``,
or a helper named for it: ``@skip_if_python_version_less_than('3.12.0')``), whose body
runs only from that version on. Anything else (``and`` with another test, a flag read off
another object) is not read. Computed from the interpreter's tree, for both engines alike.
"""

from __future__ import annotations

import ast
import re
from typing import Callable, Iterator

from ssotlint.astnames import dotted_name


def version_imports(tree: ast.Module, text: str) -> tuple[tuple[int, int], ...]:
    """``(line, minor)`` of each import statement that runs only on Python ``3.minor`` and
    later, by line."""
    if "version_info" not in text and not _SKIP_HELPER.search(text):
        return ()
    flags = dict(version_flags(tree, text))
    return tuple(sorted(set(_gated(tree.body, 0, lambda stmt, floor: _newest(stmt, floor, flags), True))))


def version_flags(tree: ast.Module, text: str) -> tuple[tuple[str, int], ...]:
    """``(name, minor)`` of each name the module binds, at module level and once, to a test
    that holds only on Python ``3.minor`` and later (``PY312 = sys.version_info >= (3, 12)``;
    an ``or`` of such tests and names holds from the oldest of theirs on)."""
    if "version_info" not in text:
        return ()
    flags: dict[str, int] = {}
    bound: dict[str, int] = {}
    for stmt in tree.body:
        for target, value in _assignments(stmt):
            bound[target] = bound.get(target, 0) + 1
            minor = _from_on(value, flags) or (_NEVER if _from_major_4(value) else 0)
            if minor:
                flags[target] = minor
    return tuple(sorted((name, minor) for name, minor in flags.items() if bound[name] == 1 and minor != _NEVER))


# A test that never holds on Python 3 (``version_info >= (4, 0)``): in an ``or`` with
# others (beartype's ``IS_PYTHON_AT_LEAST_3_17 = IS_PYTHON_AT_LEAST_4_0 or version_info >=
# (3, 17)``), it adds nothing.
_NEVER = 1_000_000


def _from_major_4(test: ast.expr) -> bool:
    """``sys.version_info >= (4, ...)`` (or ``>``): false on every Python 3."""
    if not isinstance(test, ast.Compare) or len(test.ops) != 1 or not isinstance(test.ops[0], (ast.GtE, ast.Gt)):
        return False
    left, right = test.left, test.comparators[0]
    return (
        _version_info(left) and isinstance(right, ast.Tuple) and bool(right.elts)
        and isinstance(right.elts[0], ast.Constant) and type(right.elts[0].value) is int and right.elts[0].value > 3
    )


def _assignments(stmt: ast.stmt) -> Iterator[tuple[str, ast.expr]]:
    if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
        yield stmt.targets[0].id, stmt.value
    elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and stmt.value is not None:
        yield stmt.target.id, stmt.value


# How an ``if`` passes a bound on to its two branches: (its body's, its ``else``'s).
Split = Callable[[ast.If | ast.FunctionDef | ast.AsyncFunctionDef, int], tuple[int, int]]
_DEFS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def _gated(
    body: list[ast.stmt], bound: int, split: Split, into_defs: bool, exits: bool = False
) -> Iterator[tuple[int, int]]:
    """``(line, bound)`` of each import statement of ``body`` with a bound (not 0), the
    bound passed on by each ``if`` above it as ``split`` says; through every other compound
    statement as it is, and into ``def`` and ``class`` bodies when ``into_defs``.
    ``exits``: an ``if`` with no ``else`` whose body ends by leaving the block (``if PY3:
    return``) passes its ``else`` bound on to the statements after it in the block."""
    for stmt in body:
        if isinstance(stmt, (ast.Import, ast.ImportFrom)):
            if bound:
                yield stmt.lineno, bound
        elif isinstance(stmt, ast.If):
            inner, other = split(stmt, bound)
            yield from _gated(stmt.body, inner, split, into_defs, exits)
            yield from _gated(stmt.orelse, other, split, into_defs, exits)
            if exits and not stmt.orelse and isinstance(stmt.body[-1], (ast.Return, ast.Raise)):
                bound = other  # the rest of the block runs only where the test fails
        elif into_defs and isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)) and stmt.decorator_list:
            inner, _ = split(stmt, bound)
            yield from _gated(stmt.body, inner, split, into_defs, exits)
        elif into_defs or not isinstance(stmt, _DEFS):
            for field in ("body", "orelse", "finalbody", "handlers", "cases"):
                block = getattr(stmt, field, None)
                if isinstance(block, list):
                    for part in block:
                        if isinstance(part, (ast.ExceptHandler, ast.match_case)):
                            yield from _gated(part.body, bound, split, into_defs, exits)
                    yield from _gated([s for s in block if isinstance(s, ast.stmt)], bound, split, into_defs, exits)


def _newest(stmt: ast.If | ast.FunctionDef | ast.AsyncFunctionDef, floor: int, flags: dict[str, int]) -> tuple[int, int]:
    """Nested checks keep the newest version a branch needs (a function's body: the version
    its skip marker asks for, :func:`_skipped_before`)."""
    if not isinstance(stmt, ast.If):
        return max(floor, _skipped_before(stmt)), floor
    return max(floor, _from_on(stmt.test, flags)), max(floor, _before(stmt.test))


# A test helper named for skipping before a version (``skip_if_python_version_less_than``,
# ``skip_before_python``, ``requires_python``), called with the version as ``"3.12"`` or
# ``(3, 12)``.
_SKIP_HELPER = re.compile(r"skip\w*(?:less|lower|older|before|below|_lt)|requires?_python|min(?:imum)?_python", re.I)
_VERSION_TEXT = re.compile(r"3\.(\d+)(?:\.\d+)?")


def _skipped_before(function: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    """N when a decorator skips the function (a test) before Python 3.N:
    ``@pytest.mark.skipif(sys.version_info < (3, N), ...)``, or a helper named for it with
    the version as its first argument."""
    found = 0
    for decorator in function.decorator_list:
        if not isinstance(decorator, ast.Call) or not decorator.args:
            continue
        name = dotted_name(decorator.func)
        first = decorator.args[0]
        if name.endswith("skipif"):
            found = max(found, _before(first))
        elif _SKIP_HELPER.search(name):
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                match = _VERSION_TEXT.fullmatch(first.value.strip())
                minor = int(match.group(1)) if match else 0
            else:
                minor = _minor(first) or 0
            found = max(found, minor)
    return found


def _from_on(test: ast.expr, flags: dict[str, int] | None = None) -> int:
    """N when ``test`` holds on Python 3.N and later only: ``sys.version_info >= (3, N)``,
    ``> (3, N)`` (3.N.x is more than ``(3, N)``), ``(3, N) <= sys.version_info``; a name
    of ``flags`` (the module's own: :func:`version_flags`); an ``or`` of such tests, from
    the oldest of theirs on; else 0."""
    if flags is not None and isinstance(test, ast.Name):
        return flags.get(test.id, 0)
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.Or):
        minors = [_from_on(value, flags) or (_NEVER if _from_major_4(value) else 0) for value in test.values]
        oldest = min(minors) if all(minors) else 0
        return 0 if oldest == _NEVER else oldest
    pair = _comparison(test)
    if pair is None:
        return 0
    op, minor, info_left = pair
    if info_left and isinstance(op, (ast.GtE, ast.Gt)) or not info_left and isinstance(op, (ast.LtE, ast.Lt)):
        return minor
    return 0


def _before(test: ast.expr) -> int:
    """N when ``test`` holds only before Python 3.N: ``sys.version_info < (3, N)``, ``(3, N)
    > sys.version_info``; else 0 (its ``else`` runs from 3.N on)."""
    pair = _comparison(test)
    if pair is None:
        return 0
    op, minor, info_left = pair
    if info_left and isinstance(op, ast.Lt) or not info_left and isinstance(op, ast.Gt):
        return minor
    return 0


def _comparison(test: ast.expr) -> tuple[ast.cmpop, int, bool] | None:
    """``(operator, N, version_info on the left)`` of ``sys.version_info <op> (3, N, ...)``."""
    if not isinstance(test, ast.Compare) or len(test.ops) != 1:
        return None
    left, right = test.left, test.comparators[0]
    if _version_info(left):
        minor = _minor(right)
        return None if minor is None else (test.ops[0], minor, True)
    if _version_info(right):
        minor = _minor(left)
        return None if minor is None else (test.ops[0], minor, False)
    return None


def _version_info(node: ast.expr) -> bool:
    """``sys.version_info`` (or a slice of it), or ``version_info`` imported from ``sys``."""
    if isinstance(node, ast.Subscript):
        node = node.value
    if isinstance(node, ast.Name):
        return node.id == "version_info"
    return (
        isinstance(node, ast.Attribute) and node.attr == "version_info"
        and isinstance(node.value, ast.Name) and node.value.id == "sys"
    )


def _minor(node: ast.expr) -> int | None:
    """N of a literal ``(3, N, ...)``."""
    if not isinstance(node, ast.Tuple) or len(node.elts) < 2:
        return None
    major, minor = node.elts[0], node.elts[1]
    if not (isinstance(major, ast.Constant) and major.value == 3):
        return None
    if isinstance(minor, ast.Constant) and type(minor.value) is int and minor.value > 0:
        return minor.value
    return None


# The bound of an import that runs only on Python 2 (``if six.PY2:``, the ``else`` of ``if
# PY3:``, ``if sys.version_info[0] == 2:``): before every Python 3.
PYTHON2_ONLY = -1


def legacy_imports(tree: ast.Module, text: str) -> tuple[tuple[int, int], ...]:
    """``(line, minor)`` of each import statement that runs, when the program runs, only on
    Pythons before ``3.minor``: under ``if sys.version_info < (3, minor):`` (or the ``else``
    of ``>= (3, minor)``), also when the test is that check ``or TYPE_CHECKING`` (plotly's
    ``if sys.version_info < (3, 7) or TYPE_CHECKING:``, whose other branch loads the names
    lazily): ``TYPE_CHECKING`` is False at run time. A project whose oldest Python is
    ``3.minor`` or newer never runs them; type checkers may read them. ``minor`` is
    :data:`PYTHON2_ONLY` for an import only Python 2 runs (``if six.PY2:``, ``if
    sys.version_info[0] == 2:``, ``< (3,)``, the ``else`` of ``if PY3:``). So does one in a
    function defined only under such a test (python-future's ``else: def
    ensure_new_type(obj): from future.types.newbytes import newbytes``), and one after an
    ``if`` that leaves the block where the test holds (``if PY3: return``)."""
    if "version_info" not in text and "PY2" not in text and "PY3" not in text:
        return ()
    return tuple(sorted(set(_gated(tree.body, 0, _oldest, True, exits=True))))


def _oldest(stmt: ast.If | ast.FunctionDef | ast.AsyncFunctionDef, ceiling: int) -> tuple[int, int]:
    """The tighter "only before 3.N" bound each branch runs under when the program runs (a
    function's body: the bound its definition runs under, as only there is it defined)."""
    if not isinstance(stmt, ast.If):
        return ceiling, ceiling
    test = _without_type_checking(stmt.test)
    older, newer = (
        (_before(test) or (PYTHON2_ONLY if _python2(test) else 0), _from_on(test) or (PYTHON2_ONLY if _python3(test) else 0))
        if test is not None else (0, 0)
    )
    return _lower(ceiling, older), _lower(ceiling, newer if stmt.test is test else 0)


def _python2(test: ast.expr) -> bool:
    """A test that holds on Python 2 alone (:func:`_only_on`)."""
    return _only_on(test) == 2


def _python3(test: ast.expr) -> bool:
    """A test that holds on every Python 3 and no Python 2 (:func:`_only_on`)."""
    return _only_on(test) == 3


def _only_on(test: ast.expr) -> int:
    """2 for a test that holds on Python 2 alone (``six.PY2``, ``PY2``, ``not six.PY3``,
    ``sys.version_info[0] == 2``, ``.major < 3``, ``sys.version_info < (3,)``), 3 for one
    that holds on every Python 3 and no Python 2 (``six.PY3``, ``not PY2``, ``[0] == 3``,
    ``>= 3``, ``>= (3,)``), 0 for any other."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        inner = _only_on(test.operand)
        return 5 - inner if inner else 0
    for major in (2, 3):
        if _named(test, f"PY{major}"):
            return major
    if not isinstance(test, ast.Compare) or len(test.ops) != 1:
        return 0
    left, op, right = test.left, test.ops[0], test.comparators[0]
    if _major(left) and isinstance(right, ast.Constant) and type(right.value) is int:
        value = right.value
    elif (
        _version_info(left) and not isinstance(left, ast.Subscript) and isinstance(right, ast.Tuple)
        and len(right.elts) == 1 and isinstance(right.elts[0], ast.Constant) and right.elts[0].value == 3
    ):
        value = 3  # ``sys.version_info < (3,)``, ``>= (3,)``
        if isinstance(op, ast.Eq):
            return 0
    else:
        return 0
    if isinstance(op, ast.Eq) and value in (2, 3):
        return value
    if value == 3 and isinstance(op, ast.Lt):
        return 2
    if value == 3 and isinstance(op, ast.GtE):
        return 3
    return 0


def _named(node: ast.expr, name: str) -> bool:
    """``NAME`` or ``anything.NAME`` (``six.PY2``, ``compat.PY2``)."""
    return (isinstance(node, ast.Name) and node.id == name) or (isinstance(node, ast.Attribute) and node.attr == name)


def _major(node: ast.expr) -> bool:
    """``sys.version_info[0]`` or ``sys.version_info.major``."""
    if isinstance(node, ast.Subscript):
        index = node.slice
        return _version_info(node.value) and isinstance(index, ast.Constant) and index.value == 0
    return isinstance(node, ast.Attribute) and node.attr == "major" and _version_info(node.value)


def _lower(ceiling: int, bound: int) -> int:
    """The tighter of two "only before 3.N" bounds (0: none)."""
    return min(ceiling, bound) if ceiling and bound else ceiling or bound


def _without_type_checking(test: ast.expr) -> ast.expr | None:
    """``X`` of ``X or TYPE_CHECKING`` (what the test is when the program runs); the test
    itself otherwise; None for a test that is all ``TYPE_CHECKING``."""
    if not (isinstance(test, ast.BoolOp) and isinstance(test.op, ast.Or)):
        return test
    rest = [v for v in test.values if not _type_checking(v)]
    if not rest:
        return None
    return rest[0] if len(rest) == 1 else test if len(rest) == len(test.values) else ast.BoolOp(op=ast.Or(), values=rest)


def _type_checking(node: ast.expr) -> bool:
    return (isinstance(node, ast.Name) and node.id == "TYPE_CHECKING") or (
        isinstance(node, ast.Attribute) and node.attr == "TYPE_CHECKING"
    )
