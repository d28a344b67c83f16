"""SSOT000 on a ``.py`` file whose error line is template markup: in a template folder
(polar's SDK generator keeps Jinja templates named ``*.py`` under
``sdk/generator/python/template/``, crewAI's CLI under ``crewai_cli/templates/``) the file
is a template: not reported, and named in one warning. Elsewhere, when the error line is an
expression (``{{ name }}``), the finding stays, since ssotlint cannot tell a template from a
module with a placeholder left in it, and says how to exclude the templates. When it is a
statement tag alone on its line (``{% include 'common/aes.py' %}``, ``{% if imports %}``),
the file is a template wherever it is."""

from __future__ import annotations


def _findings(make_repo, cli, files: dict[str, str]) -> list[dict]:
    root = make_repo(files)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT000")
    return sorted(result.json()["violations"], key=lambda v: v["path"])


def test_a_syntax_error_on_template_markup_says_how_to_exclude_the_templates(make_repo, cli):
    findings = _findings(make_repo, cli, {
        "sdk/generator/template/polar/errors.py": "import typing\nclass {{ name }}Error:\n    pass\n",
        "app/mod.py": "def f(:\n    return '{{ not markup at the error }}'\n",
        "app/view.py": "x = 1\n{{ name }} = 2\n",
    })
    assert [(f["path"], f["line"]) for f in findings] == [("app/mod.py", 1), ("app/view.py", 2)]
    plain, placeholder = findings
    assert plain["message"] == "SyntaxError: invalid syntax", plain["message"]
    assert placeholder["message"].endswith(
        "(line 2 holds template markup, `{% ... %}`, `{{ ... }}` or a `{name}` placeholder: if a generator renders this file, it is a "
        'template, not a module: exclude it in [tool.ssotlint] with extend-exclude = ["app/view.py"])'
    ), placeholder["message"]


def test_markup_in_a_template_folder_is_a_template(make_repo, cli):
    """The generator's templates are listed in the warning; a module with a placeholder
    left in it outside a template folder is still reported, and so is a template folder's
    file whose error is no markup."""
    root = make_repo({
        "sdk/generator/template/polar/errors.py": "import typing\nclass {{ name }}Error:\n    pass\n",
        "lib/cli/templates/crew/main.py": "#!/usr/bin/env python\nimport sys\nfrom {{folder_name}}.crew import {{crew_name}}Crew\n",
        "lib/cli/templates/crew/broken.py": "def f(:\n    pass\n",
        "app/view.py": "x = 1\n{{ name }} = 2\n",
    })
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT000")
    assert [(v["path"], v["line"]) for v in result.json()["violations"]] == [
        ("app/view.py", 2), ("lib/cli/templates/crew/broken.py", 1),
    ]
    assert result.err.count(
        "2 files named .py are templates (a line is a `{% ... %}` tag alone, or markup in a template folder: "
        "lib/cli/templates/crew/main.py, sdk/generator/template/polar/errors.py)"
    ) == 1, result.err


def test_a_statement_tag_alone_on_the_error_line_makes_a_template(make_repo, cli):
    root = make_repo({
        "app/data/stagers/http.py": "import random\n\n{% include 'common/aes.py' %}\nclass Stage:\n    key = '{{ key }}'\n",
        "app/errors.py": "import typing\n{% if imports %}\nfrom app import x\n{% endif %}\n",
        "app/inline.py": "x = {% if a %}1{% endif %}\n",
    })
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT000")
    assert [(v["path"], v["line"]) for v in result.json()["violations"]] == [("app/inline.py", 1)]
    assert result.err.count("2 files named .py are templates (a line is a `{% ... %}` tag alone, or markup in a "
                            "template folder: app/data/stagers/http.py, app/errors.py)") == 1, result.err
