"""The folders a module puts on sys.path by a spelled path, and whether first (extract/syspath.py)."""

from __future__ import annotations

import pytest

from ssotlint.extract.summarize import summarize

CASES = [
    # A bare literal: relative to the working directory.
    ("import sys\nsys.path.insert(0, 'cuckoo/data/analyzer/windows')\n", [("cwd", "cuckoo/data/analyzer/windows", 2, True)]),
    # Built from __file__ through a name bound once, with `..` taken back.
    ("import os, sys\nHERE = os.path.dirname(os.path.abspath(__file__))\n"
     "sys.path.insert(0, os.path.join(HERE, '..', 'lib'))\n", [("file", "../lib", 3, True)]),
    # pathlib: parents, `/` and str().
    ("import sys\nfrom pathlib import Path\nsys.path.append(str(Path(__file__).resolve().parent.parent / 'src'))\n",
     [("file", "../src", 3, False)]),
    ("import site\nfrom os.path import dirname\nsite.addsitedir(dirname(__file__))\n", [("file", "", 3, False)]),
    # Computed, absolute, or the file itself: nothing.
    ("import os, sys\nsys.path.append(os.environ['X'])\nsys.path.insert(0, '/usr/lib/x')\n"
     "for d in DIRS:\n    sys.path.insert(0, d)\nsys.path.insert(0, __file__)\n"
     "sys.path.insert(0, os.path.join(ROOT, 'lib'))\n", []),
    # A name bound twice says nothing.
    ("import sys\nP = 'a'\nP = 'b'\nsys.path.insert(0, P)\n", []),
    # First only at the literal index 0 (not False, not 1, not a name); parents[n] is n folders above the file's own.
    ("import sys\nfrom pathlib import Path\nsys.path.insert(0, str(Path(__file__).resolve().parents[1]))\n"
     "sys.path.insert(1, 'lib')\nsys.path.insert(False, 'a')\nsys.path.insert(i, 'b')\n",
     [("file", "..", 3, True), ("cwd", "lib", 4, False), ("cwd", "a", 5, False), ("cwd", "b", 6, False)]),
    # A path below the file itself is no folder.
    ("import os, sys\nsys.path.insert(0, os.path.join(__file__, 'x'))\n", []),
    # A one-expression helper (a Django settings' `root(*x)`), its arguments bound, the
    # extra ones spread into its `*x`; a lambda alike; defaults fill what is not given.
    ("import os, sys\n\n\ndef here(*x):\n    return os.path.join(os.path.abspath(os.path.dirname(__file__)), *x)\n\n\n"
     "PROJECT_ROOT = here('..')\n\n\ndef root(*x):\n    \"\"\"Below the project.\"\"\"\n"
     "    return os.path.join(os.path.abspath(PROJECT_ROOT), *x)\n\n\n"
     "sys.path.insert(0, root('apps'))\n", [("file", "../apps", 16, True)]),
    ("import os, sys\nBASE = os.path.dirname(__file__)\nlib = lambda name, sub='src': os.path.join(BASE, name, sub)\n"
     "sys.path.append(lib('vendor'))\nsys.path.append(lib('a', 'b'))\n",
     [("file", "vendor/src", 4, False), ("file", "a/b", 5, False)]),
    # A helper given a computed argument, too many arguments, or one doing more than return: nothing.
    ("import os, sys\nBASE = os.path.dirname(__file__)\n\n\ndef root(*x):\n    return os.path.join(BASE, *x)\n\n\n"
     "def one(x):\n    return os.path.join(BASE, x)\n\n\ndef busy(x):\n    print(x)\n    return os.path.join(BASE, x)\n\n\n"
     "sys.path.append(root(os.environ['X']))\nsys.path.append(one('a', 'b'))\nsys.path.append(busy('c'))\n", []),
]


@pytest.mark.parametrize("text,expected", CASES)
@pytest.mark.parametrize("libcst", [True, False])
def test_path_entries(text, expected, libcst):
    assert list(summarize(text.encode(), use_libcst=libcst).path_entries) == expected
