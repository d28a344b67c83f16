"""Kinds are declared once as types, and what the code emits and the cache accepts agree.

A comment listing a field's values drifts from the code; a ``Literal`` the storage
validator enforces and a test that reads every construction site cannot.
"""

from __future__ import annotations

import ast
import functools
import typing
from pathlib import Path

import pytest

from ssotlint import storage
from ssotlint.extract.summarize import summarize
from ssotlint.extract.summary import ClassKind, Engine, FileSummary, ParseProblem, ProblemKind

from tests.conftest import REPO_ROOT

PACKAGE = REPO_ROOT / "ssotlint"


@functools.cache
def _package_calls() -> tuple[tuple[str, ast.Call], ...]:
    """Every call of a plain name in the package, parsed once for the module's tests."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                found.append((f"{path.relative_to(PACKAGE)}:{node.lineno}", node))
    return tuple(found)


def _calls(name: str) -> list[tuple[str, ast.Call]]:
    return [(where, node) for where, node in _package_calls() if node.func.id == name]  # type: ignore[attr-defined]


def test_every_parse_problem_is_made_with_a_declared_kind():
    calls = _calls("ParseProblem")
    assert len(calls) >= 5
    kinds = set()
    for where, call in calls:
        kind = call.args[3] if len(call.args) > 3 else next(k.value for k in call.keywords if k.arg == "kind")
        assert isinstance(kind, ast.Constant), where  # a literal, so this test can read it
        kinds.add(kind.value)
    assert kinds == set(typing.get_args(ProblemKind))


def test_every_engine_named_is_declared():
    engines = {
        k.value.value
        for where, call in [*_calls("build"), *_calls("FileSummary")]
        for k in call.keywords
        if k.arg == "engine" and isinstance(k.value, ast.Constant)
    }
    assert engines and engines <= set(typing.get_args(Engine))
    assert summarize(b"x = 1\n", use_libcst=False).engine == "ast"
    assert summarize(b"x = (\n", use_libcst=False).engine in typing.get_args(Engine)


@pytest.mark.parametrize("source", [b"class A:\n    pass\n", b"import enum\nclass E(enum.Enum):\n    A = 1\n"])
def test_a_summary_round_trips_through_the_cache_format(source: bytes):
    summary = summarize(source, use_libcst=False)
    assert {c.kind for c in summary.classes} <= set(typing.get_args(ClassKind))
    assert storage.loads(storage.dumps(summary), FileSummary) == summary


def test_the_cache_refuses_a_kind_that_is_not_declared():
    broken = summarize(b"def f(:\n", use_libcst=False)
    assert broken.problem is not None and broken.problem.kind == "syntax"
    assert storage.loads(storage.dumps(broken), FileSummary) == broken
    forged = broken._replace(problem=ParseProblem("x", 1, 0, "parser-crash"))  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        storage.loads(storage.dumps(forged), FileSummary)
    plain = summarize(b"class A:\n    pass\n", use_libcst=False)
    forged = plain._replace(classes=(plain.classes[0]._replace(kind="dataclass"),))  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        storage.loads(storage.dumps(forged), FileSummary)
