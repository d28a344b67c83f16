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
