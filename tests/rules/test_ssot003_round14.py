"""SSOT003 on round 14's holdout: names bound in ways other than a statement's target."""

from __future__ import annotations

from ssotlint.testing import run_rule


def test_a_name_an_assignment_expression_binds_at_module_level_exists():
    """nicegui's documentation: ``@doc.demo(title := 'Other HTML Elements', ...)`` binds
    ``title`` in the module (a decorator's arguments run in the module's scope). One bound
    inside a function is the function's own."""
    files = {
        "docs/__init__.py": "",
        "docs/html.py": "import doc\n\n\n@doc.demo(title := 'Other', text := 'More')\ndef demo():\n"
        "    (inner := 1)\n\n\nrows = [y for x in range(3) if (y := x)]\n",
        "docs/section.py": "from docs.html import title, text, y\nfrom docs.html import inner\n",
    }
    assert [(v.path, v.line) for v in run_rule("SSOT003", files)] == [("docs/section.py", 2)]


_COMPAT = (
    "import sys\n\n\ndef _use_c_impl(py_impl, name=None, globs=None):\n    name = name or py_impl.__name__\n"
    "    globs = globs or sys._getframe(1).f_globals\n    globs[name + 'Py'] = py_impl\n"
    "    globs[name + 'Fallback'] = py_impl\n    return py_impl\n"
)


def test_a_decorator_that_fills_its_callers_globals_makes_names_there():
    """zope.interface's ``@_use_c_impl`` keeps the Python class as ``LookupBaseFallback``
    and ``LookupBasePy`` in the decorated class's module, through
    ``sys._getframe(1).f_globals``: importing those names works. A module the decorator is
    not applied in has no such names."""
    files = {
        "zi/__init__.py": "",
        "zi/_compat.py": _COMPAT,
        "zi/adapter.py": "from zi._compat import _use_c_impl\n\n\n@_use_c_impl\nclass LookupBase:\n    pass\n",
        "zi/plain.py": "class Other:\n    pass\n",
        "zi/use.py": "from zi.adapter import LookupBaseFallback, LookupBasePy\nfrom zi.plain import OtherFallback\n",
    }
    assert [(v.path, v.line) for v in run_rule("SSOT003", files)] == [("zi/use.py", 2)]
    literal = _COMPAT.replace("globs[name + 'Py']", "globs['Py']").replace("globs[name + 'Fallback']", "globs['Fallback']")
    assert len(list(run_rule("SSOT003", {**files, "zi/_compat.py": literal}))) == 3
