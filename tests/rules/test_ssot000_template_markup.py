"""SSOT000 on a ``.py`` file whose error line is template markup (polar's SDK generator
keeps Jinja templates named ``*.py`` under ``sdk/generator/python/template/``): the finding
stays, since ssotlint cannot tell a template from a module with a placeholder left in it,
and says how to exclude the templates."""

from __future__ import annotations


def _findings(make_repo, cli, files: dict[str, str]) -> list[dict]:
    root = make_repo(files)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT000")
    return sorted(result.json()["violations"], key=lambda v: v["path"])


def test_a_syntax_error_on_template_markup_says_how_to_exclude_the_templates(make_repo, cli):
    findings = _findings(make_repo, cli, {
        "sdk/generator/template/polar/errors.py": "import typing\n{% if imports %}\nfrom polar import x\n{% endif %}\n",
        "app/mod.py": "def f(:\n    return '{{ not markup at the error }}'\n",
        "app/view.py": "x = 1\n{{ name }} = 2\n",
    })
    assert [(f["path"], f["line"]) for f in findings] == [
        ("app/mod.py", 1), ("app/view.py", 2), ("sdk/generator/template/polar/errors.py", 2),
    ]
    plain, placeholder, template = findings
    assert plain["message"] == "SyntaxError: invalid syntax", plain["message"]
    assert placeholder["message"].endswith(
        "(line 2 holds template markup, `{% ... %}` or `{{ ... }}`: if a generator renders this file, it is a "
        'template, not a module: exclude it in [tool.ssotlint] with extend-exclude = ["app/view.py"])'
    ), placeholder["message"]
    assert template["message"].endswith('extend-exclude = ["sdk/generator/template/**"])'), template["message"]
