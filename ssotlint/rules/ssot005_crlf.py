"""SSOT005 crlf: Windows (CRLF) or old-Mac (CR) line endings in Python files."""

from __future__ import annotations

from typing import Iterator

from ssotlint.model.project import Project
from ssotlint.rules.details import LineEndings
from ssotlint.rules.base import Example, Fix, Rule, Violation


def check(project: Project) -> Iterator[Violation]:
    data = project.test_data  # fixtures may keep the bytes they test
    for f in project.files:
        s = f.summary
        if not (s.crlf or s.lone_cr) or f.path in data:
            continue
        parts = []
        if s.crlf:
            parts.append(f"{s.crlf} CRLF")
        if s.lone_cr:
            parts.append(f"{s.lone_cr} lone CR")
        yield RULE.violation(
            f.path,
            s.first_bad_eol_line,
            0,
            f"{' and '.join(parts)} line ending(s), first on line {s.first_bad_eol_line}; "
            "run `ssotlint check --fix` to convert to LF",
            key="eol",
            details=LineEndings(crlf=s.crlf, lone_cr=s.lone_cr, first_line=s.first_bad_eol_line),
            fix=FIX,
        )


FIX = Fix("line-endings", safe=True, description="convert the line endings to LF")


RULE = Rule(
    code="SSOT005",
    name="crlf",
    summary="CRLF or CR line endings in a Python file",
    check=check,
    fixable="always",
    valid=(Example({"app/unix.py": "x = 1\ny = 2\n"}),),
    invalid=(
        Example(
            {"app/dos.py": "x = 1\ny = 2\r\nz = 3\r\n"},
            expect=(("app/dos.py", 2),),
            fixed={"app/dos.py": "x = 1\ny = 2\nz = 3\n"},
        ),
    ),
)
