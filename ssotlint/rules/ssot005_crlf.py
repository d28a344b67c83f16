"""SSOT005 crlf: Windows (CRLF) or old-Mac (CR) line endings in Python files."""

from __future__ import annotations

from typing import Iterator

from ssotlint.model.project import Project
from ssotlint.rules.details import LineEndings
from ssotlint.rules.base import Example, Fix, Rule, Violation


def check(project: Project) -> Iterator[Violation]:
    data = project.test_data  # fixtures may keep the bytes they test
    config = project.config
    for f in project.files:
        s = f.summary
        if not (s.crlf or s.lone_cr) or f.path in data:
            continue
        if config.chose_line_endings(f.path):
            continue  # `.gitattributes` has git keep these bytes, or `.editorconfig` asks for them: chosen
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
            fix=FIX if project.advice else None,
        )


FIX = Fix("line-endings", safe=True, description="convert the line endings to LF")


RULE = Rule(
    code="SSOT005",
    name="crlf",
    summary="CRLF or CR line endings in a Python file",
    check=check,
    fixable="always",
    valid=(
        Example({"app/unix.py": "x = 1\ny = 2\n"}),
        # Test data: a fixture of a line-ending check, read as bytes by the test; nothing
        # imports it and no test runner collects it.
        Example(
            {
                "tests/test_eol.py": "def test_crlf():\n    assert b'\\r\\n' in open('tests/data/crlf_input.py', 'rb').read()\n",
                "tests/data/crlf_input.py": "x = 1\r\ny = 2\r\n",
            }
        ),
        # A module of a package in the test tree that nothing imports by name: read as data.
        Example(
            {
                "app/__init__.py": "",
                "app/checks.py": "from app import tests\n",
                "app/tests/__init__.py": "NAMES = ('Truncation',)\n",
                "app/tests/truncation.py": "x = 1\r\n",
            }
        ),
    ),
    invalid=(
        # ... but one its package loads by a computed name is code (pywinauto's `tests`
        # package: `__import__(name.lower(), globals(), locals(), level=1)` for each check).
        Example(
            {
                "app/__init__.py": "",
                "app/checks.py": "from app import tests\n",
                "app/tests/__init__.py": "for name in ('Truncation',):\n    __import__(name.lower(), globals(), locals(), level=1)\n",
                "app/tests/truncation.py": "x = 1\r\n",
            },
            expect=(("app/tests/truncation.py", 1),),
            fixed={"app/tests/truncation.py": "x = 1\n"},
        ),
        Example(
            {"app/dos.py": "x = 1\ny = 2\r\nz = 3\r\n"},
            expect=(("app/dos.py", 2),),
            fixed={"app/dos.py": "x = 1\ny = 2\nz = 3\n"},
        ),
        # In the test tree, but code: a helper a test imports.
        Example(
            {
                "tests/__init__.py": "",
                "tests/test_eol.py": "from tests import helpers\n",
                "tests/helpers.py": "x = 1\r\n",
            },
            expect=(("tests/helpers.py", 1),),
            fixed={"tests/helpers.py": "x = 1\n"},
        ),
    ),
)
