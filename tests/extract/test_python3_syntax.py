"""Which constructs say a module is written for Python 3 (extract/python3_syntax.py)."""

from __future__ import annotations

import ast

import pytest

from ssotlint.extract.python3_syntax import python3_syntax


@pytest.mark.parametrize(
    "source",
    [
        "x = f'{1}'\n",
        "x: int = 1\n",
        "def f(x: int):\n    pass\n",
        "def f(x) -> int:\n    pass\n",
        "def f(*args: int):\n    pass\n",
        "def f(a, *, b):\n    pass\n",
        "def f(a, /, b):\n    pass\n",
        "async def f():\n    await g()\n",
        "def f():\n    x = 1\n    def g():\n        nonlocal x\n",
        "def f():\n    yield from g()\n",
        "if (n := 1):\n    pass\n",
        "x = a @ b\n",
        "raise ValueError() from None\n",
        "a, *rest = [1, 2]\n",
        "for a, *rest in []:\n    pass\n",
        "g = lambda a, *, b: a\n",
    ],
)
def test_python_3_syntax(source):
    assert python3_syntax(ast.parse(source))


def test_code_python_2_compiles_too_is_not():
    source = (
        "from __future__ import print_function\nimport os\n\n\nclass A(object):\n    def f(self, x=1, *args, **kw):\n"
        "        print('x', x)\n        return {k: v for k, v in kw.items()}\n\n\ntry:\n    pass\nexcept ValueError as e:\n    raise\n"
        "with open(os.devnull) as f, open(os.devnull) as g:\n    pass\nx = b'a' if True else u'b'\n"
    )
    assert not python3_syntax(ast.parse(source))
