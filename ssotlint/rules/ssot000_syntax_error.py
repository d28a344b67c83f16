"""SSOT000 syntax-error: files the interpreter cannot import."""

from __future__ import annotations

from typing import Iterator

from ssotlint.model.project import Project
from ssotlint.rules.base import Example, Rule, Violation


def check(project: Project) -> Iterator[Violation]:
    for f in project.files:
        problem = f.summary.problem
        if problem is None:
            continue
        message = problem.message
        if problem.kind in ("crash", "internal"):
            message = f"not analysed: {message}"
        yield Violation(
            "SSOT000",
            f.path,
            problem.line,
            problem.col,
            message,
            # The subject is the file: an error that moves or changes kind is the same finding.
            key="unparsable",
            details={"kind": problem.kind},
        )


RULE = Rule(
    code="SSOT000",
    name="syntax-error",
    summary="A Python file that does not parse (it fails at import time)",
    check=check,
    valid=(Example({"app/ok.py": "x = 1\n"}),),
    invalid=(
        Example({"app/bad.py": "def f(:\n    pass\n"}, expect=(("app/bad.py", 1),)),
        Example({"app/indent.py": "if True:\nx = 1\n"}, expect=(("app/indent.py", 2),)),
        Example({"app/py2.py": "x = 1\nprint 'hello'\n"}, expect=(("app/py2.py", 2),)),
    ),
)
