"""SSOT003's advice when the broken name is read as a module (guildai's vendored PLY:
``from . import lex`` inside a function, then ``lex.lexer``) and the only definition of the
name is a function (``_lex.py``'s ``lex()``): importing the function would fail on the
attribute read, so no fix is offered, and the module is named as what may be meant."""

from __future__ import annotations

from ssotlint.testing import run_rule

FILES = {
    "app/__init__.py": "",
    "app/_lex.py": "lexer = None\n\n\ndef lex(module=None):\n    return module\n",
    "app/_yacc.py": "def parse(lexer=None):\n    if not lexer:\n        from . import lex\n        lexer = lex.lexer\n    return lexer\n",
    "app/run.py": "def go():\n    from . import lex\n    return lex()\n",
}


def test_a_name_read_as_a_module_gets_no_function_as_its_fix():
    found = {v.path: v for v in run_rule("SSOT003", FILES)}
    read = found["app/_yacc.py"]
    assert read.line == 3
    assert "app._lex.lex is a function, and this file reads attributes off lex as off a module" in read.message
    assert "`from app import _lex as lex`" in read.message
    assert read.fix is None
    # Called as a function: the function is the advice, with its fix.
    called = found["app/run.py"]
    assert "it is defined in app._lex: import it from there" in called.message
    assert called.fix is not None


def test_a_class_lacking_what_the_file_reads_off_the_name_is_no_advice():
    """devilry: the Django model `Node` is gone; the only namesake left is a graphviz
    helper, and the file reads `Node.objects` and `Node.DoesNotExist` off the name."""
    files = {
        "app/__init__.py": "",
        "app/models.py": "class Period:\n    pass\n",
        "app/graphviz.py": "class Node(object):\n    def __init__(self, label):\n        self.label = label\n",
        "app/utils.py": "from app.models import Node\n\n\ndef get(path):\n    try:\n        return Node.objects.get(path=path)\n"
        "    except Node.DoesNotExist:\n        return None\n",
        "app/draw.py": "from app.models import Node\n\n\ndef draw():\n    return Node('x').label\n",
    }
    found = {v.path: v for v in run_rule("SSOT003", files)}
    assert (
        "the class Node of app.graphviz has no attribute DoesNotExist, objects, which this file reads off it: "
        "another thing of that name, no advice"
    ) in found["app/utils.py"].message
    assert found["app/utils.py"].fix is None
    # Read nothing off (built, and an instance attribute read): the class is the advice.
    assert "it is defined in app.graphviz: import it from there" in found["app/draw.py"].message


def test_a_removed_module_read_as_a_module_is_not_pointed_at_an_unrelated_function():
    """cctbx: ``from mmtbx.hydrogens import find as find_hydrogens`` after ``find.py`` was
    removed, then ``find_hydrogens.run(...)``; the only ``find`` left is a build helper's
    function in another package."""
    files = {
        "app/__init__.py": "",
        "app/hydrogens/__init__.py": "",
        "app/hydrogens/place.py": "def run():\n    return 1\n",
        "support/__init__.py": "",
        "support/crossmingw.py": "def find(env):\n    return env.get('mingw')\n",
        "support/crossclang.py": "def find(env):\n    return env.get('clang')\n",
        "app/check.py": "from app.hydrogens import find as find_hydrogens\n\n\ndef test():\n    return find_hydrogens.run()\n",
        "app/use.py": "from app.hydrogens import find\n\n\ndef go(env):\n    return find(env)\n",
    }
    found = {v.path: v for v in run_rule("SSOT003", files)}
    read = found["app/check.py"]
    assert "support.crossclang.find is a function, and this file reads attributes off find_hydrogens as off a module" in read.message
    assert "import it from there" not in read.message and read.fix is None
    # Called as a function: the functions are what it may mean.
    assert "support.crossclang" in found["app/use.py"].message
