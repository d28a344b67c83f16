"""SSOT001 on real files: the same class text over different collaborators is one template
per backend, not a copy (dask's ``gufunc`` calls its own module's ``apply_gufunc``; its
``ufunc`` builds its own backend's arrays), while a copy whose helpers are the same objects,
or whose differences are classes and constants copied along with it, is still reported.
"""

from __future__ import annotations

import pytest

from ssotlint.extract.summarize import summarize

GUFUNC = (
    "class gufunc:\n"
    "    def __init__(self, pyfunc):\n        self.pyfunc = pyfunc\n\n"
    "    def __call__(self, *args):\n        return apply_gufunc(self.pyfunc, *args)\n\n"
    "    def __repr__(self):\n        return f'apply_gufunc-{self.pyfunc}'\n"
)
UFUNC = (
    "class ufunc:\n"
    "    def __init__(self, name):\n        self.name = name\n\n"
    "    def __call__(self, *args):\n        return blockwise(self.name, *[asarray(a) for a in args])\n"
)
FILES = {
    "pkg/__init__.py": "",
    # Two backends: each module defines its own apply_gufunc.
    "pkg/graph/__init__.py": "",
    "pkg/graph/gufunc.py": "def apply_gufunc(func, *args):\n    return ('graph', func, args)\n\n\n" + GUFUNC,
    "pkg/expr/__init__.py": "",
    "pkg/expr/gufunc.py": "def apply_gufunc(func, *args):\n    return ('expr', func, args)\n\n\n" + GUFUNC,
    # ... and each imports its own backend's helpers.
    "pkg/graph/core.py": "def blockwise(*a):\n    return a\n\n\ndef asarray(x):\n    return [x]\n",
    "pkg/expr/core.py": "def blockwise(*a):\n    return list(a)\n\n\ndef asarray(x):\n    return (x,)\n",
    "pkg/graph/ufunc.py": "from pkg.graph.core import asarray, blockwise\n\n\n" + UFUNC,
    "pkg/expr/ufunc.py": "from pkg.expr.core import asarray, blockwise\n\n\n" + UFUNC,
    # A real copy: the same helpers, imported from the same place (reported).
    "pkg/helpers.py": "def backoff(n):\n    return 2 ** n\n",
    "pkg/retry.py": "from pkg.helpers import backoff\n\n\nclass Retry:\n    attempts = 3\n\n"
    "    def delay(self, n):\n        return backoff(n)\n",
    "pkg/retry_copy.py": "from pkg.helpers import backoff\n\n\nclass Retry:\n    attempts = 3\n\n"
    "    def delay(self, n):\n        return backoff(n)\n",
    # The same helper through its package's re-export is the same object (reported).
    "tools/__init__.py": "from tools.helpers import jitter\n",
    "tools/helpers.py": "def jitter(n):\n    return n\n",
    "tools/a.py": "from tools import jitter\n\n\nclass Pause:\n    def wait(self, n):\n        return jitter(n)\n",
    "tools/b.py": "from tools.helpers import jitter\n\n\nclass Pause:\n    def wait(self, n):\n        return jitter(n)\n",
}


@pytest.mark.parametrize("engine", ("libcst", "ast"))
def test_one_template_per_backend_is_not_a_copy(make_repo, cli, engine):
    root = make_repo(FILES)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--parser", engine)
    found = [(v["path"], v["line"]) for v in result.json()["violations"] if v["rule"] == "SSOT001"]
    assert sorted(found) == [("pkg/retry_copy.py", 4), ("tools/b.py", 4)], result.out


def test_names_read_leave_out_attributes_and_strings():
    """``np.frompyfunc`` and ``f"frompyfunc-{x}"`` spell ``frompyfunc`` without reading
    the module's own function of that name: neither is a name the class refers to."""
    text = (
        "import numpy as np\n\n\ndef frompyfunc(f):\n    return f\n\n\n"
        "class da_frompyfunc:\n    def __init__(self, func):\n"
        "        self._ufunc = np.frompyfunc(func, 1, 1)\n        self.__name__ = f'frompyfunc-{func}'\n"
    )
    for use_libcst in (True, False):
        record = summarize(text.encode(), use_libcst=use_libcst).classes[0]
        assert record.refs == ("np",)
        assert record.names_used == ("np",)
