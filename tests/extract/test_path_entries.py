"""The folders a module puts on sys.path by a spelled path (extract/syspath.py)."""

from __future__ import annotations

import pytest

from ssotlint.extract.summarize import summarize

CASES = [
    # A bare literal: relative to the working directory.
    ("import sys\nsys.path.insert(0, 'cuckoo/data/analyzer/windows')\n", [("cwd", "cuckoo/data/analyzer/windows", 2)]),
    # Built from __file__ through a name bound once, with `..` taken back.
    ("import os, sys\nHERE = os.path.dirname(os.path.abspath(__file__))\n"
     "sys.path.insert(0, os.path.join(HERE, '..', 'lib'))\n", [("file", "../lib", 3)]),
    # pathlib: parents, `/` and str().
    ("import sys\nfrom pathlib import Path\nsys.path.append(str(Path(__file__).resolve().parent.parent / 'src'))\n",
     [("file", "../src", 3)]),
    ("import site\nfrom os.path import dirname\nsite.addsitedir(dirname(__file__))\n", [("file", "", 3)]),
    # Computed, absolute, or the file itself: nothing.
    ("import os, sys\nsys.path.append(os.environ['X'])\nsys.path.insert(0, '/usr/lib/x')\n"
     "for d in DIRS:\n    sys.path.insert(0, d)\nsys.path.insert(0, __file__)\n"
     "sys.path.insert(0, os.path.join(ROOT, 'lib'))\n", []),
    # A name bound twice says nothing.
    ("import sys\nP = 'a'\nP = 'b'\nsys.path.insert(0, P)\n", []),
]


@pytest.mark.parametrize("text,expected", CASES)
@pytest.mark.parametrize("libcst", [True, False])
def test_path_entries(text, expected, libcst):
    assert list(summarize(text.encode(), use_libcst=libcst).path_entries) == expected
