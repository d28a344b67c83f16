"""Hostile Python files: the inputs real repositories contain that break naive tools.

Importable by tests (``HOSTILE``, ``write_hostile``) and usable as a script::

    python tests/hostile.py OUTDIR          # write every hostile file into OUTDIR
    python tests/hostile.py --list          # name, size and expected outcome of each

Each case says what ssotlint must do with it:

* ``"ok"``: the interpreter accepts the file, so ssotlint must analyse it (no SSOT000),
  whichever parser ends up doing the work;
* ``"ssot000"``: the interpreter rejects it, so ssotlint must report SSOT000 with a message
  matching ``message`` (a regular expression, searched case-insensitively);
* ``"either"``: whether the interpreter accepts it depends on its version: analysed, or
  SSOT000 with a message matching ``message``.

The LibCST 1.9.0 hazards were measured on CPython 3.11: the native parser segfaults on
thousands of nested parentheses, takes over a minute on a 20,000-term sum, and rejects
valid files (a 100,000-piece implicit string concatenation, ``(x): int = 1``).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable


@dataclass(frozen=True)
class Case:
    name: str  # file name, ends in .py
    make: Callable[[], bytes]
    expect: str  # "ok" | "ssot000" | "either"
    message: str = ""  # regex the SSOT000 message must match
    why: str = ""


def _nested_parens(depth: int) -> bytes:
    return b"x = " + b"(" * depth + b"1" + b")" * depth + b"\n"


def _long_sum(terms: int) -> bytes:
    return b"a = 1\nx = " + b" + ".join([b"a"] * terms) + b"\n"


def _long_attribute(parts: int) -> bytes:
    return b"import a\nx = a" + b".b" * parts + b"\n"


def _nested_calls(depth: int) -> bytes:
    return b"x = " + b"f(" * depth + b"1" + b")" * depth + b"\n"


def _implicit_concat(pieces: int) -> bytes:
    return b"x = (\n" + b"".join(b"    'p%d'\n" % i for i in range(pieces)) + b")\n"


def _many_lines(lines: int) -> bytes:
    """What big generated files hold: data in a string, comments, blank lines, and a
    statement every tenth line (50,000 lines of statements would take LibCST ~9 s)."""
    half = lines // 2
    out = [b"import os\n", b'DATA = """\n']
    out += [b"row %d\n" % i for i in range(half - 3)]
    out.append(b'"""\n')
    for i in range(half, lines):
        out.append(b"v%d = os.sep\n" % i if i % 10 == 0 else b"# %d\n" % i if i % 3 else b"\n")
    return b"".join(out)


_PY2 = b"""\
import urllib2

class Old(object):
    def run(self):
        print "hello"
        exec "x = 1"
        raise ValueError, "no"
"""

_CONFLICT = b"""\
import os

<<<<<<< HEAD
VALUE = 1
=======
VALUE = 2
>>>>>>> feature
"""

_CRLF = b"import os\r\n\r\nclass A:\r\n    pass\r\n"

_LATIN1 = "# -*- coding: latin-1 -*-\nname = 'café ÿ'\nclass Caf\u00e9:\n    pass\n".encode("latin-1")

_BOM = b"\xef\xbb\xbfimport os\nclass WithBom:\n    pass\n"

# CPython 3.11 cannot compile some huge expressions (RecursionError, at import time too);
# newer interpreters may accept them. Either way ssotlint must answer, and quickly.
_TOO_DEEP = r"too deeply nested"

CASES: tuple[Case, ...] = (
    Case("nested_parens_3000.py", lambda: _nested_parens(3000), "ssot000", r"SyntaxError|nest",
         "segfaults LibCST's native parser; CPython: too many nested parentheses"),
    Case("long_sum_20000.py", lambda: _long_sum(20000), "either", _TOO_DEEP,
         "LibCST takes over 60 s; CPython 3.11 cannot compile it either (RecursionError)"),
    Case("long_attribute_100000.py", lambda: _long_attribute(100_000), "either", _TOO_DEEP,
         "a.b.b... with 100,000 attributes: segfaults LibCST; CPython 3.11 cannot compile it"),
    Case("nested_calls_1000.py", lambda: _nested_calls(1000), "ssot000", r"SyntaxError|nest",
         "1,000 nested calls: CPython rejects (too many nested parentheses)"),
    Case("implicit_concat_100000.py", lambda: _implicit_concat(100_000), "ok", "",
         "valid; LibCST rejects it"),
    Case("paren_annotated_target.py", lambda: b"(x): int = 1\nclass A:\n    pass\n", "ok", "",
         "valid annotated assignment with a parenthesised target"),
    Case("python2.py", lambda: _PY2, "ssot000", r"SyntaxError", "Python 2 print statement"),
    Case("merge_conflict.py", lambda: _CONFLICT, "ssot000", r"merge-conflict marker at line 3",
         "unresolved merge-conflict markers"),
    Case("crlf.py", lambda: _CRLF, "ok", "", "Windows line endings (SSOT005, not SSOT000)"),
    Case("latin1_cookie.py", lambda: _LATIN1, "ok", "", "a latin-1 coding cookie and latin-1 bytes"),
    Case("bom.py", lambda: _BOM, "ok", "", "a UTF-8 byte order mark"),
    Case("only_bom.py", lambda: b"\xef\xbb\xbf", "ok", "", "a file holding only a BOM"),
    Case("empty.py", lambda: b"", "ok", "", "an empty file"),
    Case("nul_byte.py", lambda: b"x = 1\ny = 2\0\n", "ssot000", r"null byte", "a NUL byte"),
    Case("invalid_utf8.py", lambda: b"x = '\xff\xfe'\n", "ssot000", r"decode|utf-8",
         "invalid UTF-8 without a coding cookie"),
    Case("wrong_cookie.py", lambda: b"# -*- coding: klingon -*-\nx = 1\n", "ssot000",
         r"unknown encoding|decode", "a coding cookie naming no codec"),
    Case("cookie_mismatch.py", lambda: b"# coding: ascii\nx = '\xc3\xa9'\n", "ssot000",
         r"decode|ascii", "bytes that do not match the declared encoding"),
    Case("bom_and_latin1_cookie.py", lambda: b"\xef\xbb\xbf# coding: latin-1\nx = 1\n", "ssot000",
         r"decode|encoding", "a BOM contradicting its cookie"),
    Case("lone_surrogate_bytes.py", lambda: b"x = '\xed\xa0\x80'\n", "ssot000", r"decode|utf-8",
         "a UTF-8-encoded lone surrogate (invalid UTF-8)"),
    Case("double_bom.py", lambda: b"\xef\xbb\xbf\xef\xbb\xbfx = 1\n", "ssot000", r"U\+FEFF",
         "two byte order marks: the second one is a character the interpreter rejects"),
    Case("latin1_comment_no_cookie.py", lambda: b"# Autor: Jos\xe9\nimport os\nclass L:\n    pass\n",
         "either", r"not valid UTF-8",
         "latin-1 bytes in a comment, no cookie: CPython 3.11 imports it (comments are not decoded)"),
    Case("lone_surrogate_escape.py", lambda: b"x = '\\ud800'\nclass S:\n    pass\n", "ok", "",
         "a lone surrogate written as an escape: valid"),
    Case("lines_50000.py", lambda: _many_lines(50_000), "ok", "", "a 50,000-line file"),
    Case("deep_indent_100.py",
         lambda: b"".join(b" " * i + b"if x:\n" for i in range(100)) + b" " * 100 + b"pass\n",
         "ssot000", r"SyntaxError|IndentationError|too many|nest",
         "100 nested blocks: over the interpreter's indentation limit"),
    Case("deep_list_150.py", lambda: b"x = " + b"[" * 150 + b"]" * 150 + b"\n", "ok", "",
         "deep but legal nesting (LibCST recursion)"),
    Case("lone_cr.py", lambda: b"import os\rx = 1\r", "ok", "", "old-Mac line endings"),
    Case("tabs_and_spaces.py", lambda: b"if x:\n\tif y:\n        pass\n", "ssot000",
         r"TabError|IndentationError|inconsistent", "inconsistent tabs and spaces"),
    Case("form_feed.py", lambda: b"\x0cimport os\n\x0c\nclass F:\n    pass\n", "ok", "", "form feeds"),
    Case("unicode_names.py", lambda: "é = 1\nclass Ünïcode:\n    pass\n".encode(), "ok", "",
         "non-ASCII identifiers"),
    Case("binary_junk.py", lambda: bytes(range(256)) * 4, "ssot000", r".", "a binary file named .py"),
    Case("no_trailing_newline.py", lambda: b"import os\nclass N:\n    pass", "ok", "", "no final newline"),
)

HOSTILE: dict[str, Case] = {c.name: c for c in CASES}


def write_hostile(folder: Path, names: list[str] | None = None) -> dict[str, Case]:
    """Write the hostile files (all, or ``names``) into ``folder``; return the cases written."""
    folder.mkdir(parents=True, exist_ok=True)
    chosen = {n: HOSTILE[n] for n in (names or HOSTILE)}
    for name, case in chosen.items():
        (folder / name).write_bytes(case.make())
    return chosen


def main(argv: list[str]) -> int:
    if argv == ["--list"]:
        for case in CASES:
            print(f"{case.name:32} {len(case.make()):>9} B  {case.expect:8} {case.why}")
        return 0
    if len(argv) != 1 or argv[0].startswith("-"):
        print("usage: python tests/hostile.py OUTDIR | --list", file=sys.stderr)
        return 2
    written = write_hostile(Path(argv[0]))
    print(f"wrote {len(written)} hostile files to {argv[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
