"""A folder whose README says it holds other projects' code is vendored, whatever its name.

astropy keeps PLY and ConfigObj in ``astropy/extern/`` (its README: "This sub-package
contains third-party Python packages"); moto keeps a parser copied from LocalStack in
``stepfunctions/parser/`` (its README links the upstream repository and the commit the copy
was taken at). Neither is the project's to edit: not analysed, but its modules exist. A
README that merely mentions the third-party libraries a package wraps says nothing of the
kind, nor does a project's own README.
"""

from __future__ import annotations

LEX = "class NullLogger:\n    def __getattribute__(self, name):\n        return self\n\n    def __call__(self, *args, **kwargs):\n        return self\n"


def _violations(cli, root):
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    return sorted((v["rule"], v["path"], v["line"]) for v in result.json()["violations"])


def test_a_folder_a_readme_calls_third_party_code_is_vendored(make_repo, cli):
    root = make_repo({
        "pkg/__init__.py": "",
        "pkg/units.py": "from pkg.extern.ply import yacc\nfrom pkg.extern.ply.lex import NullLogger\n",
        "pkg/extern/__init__.py": "",
        "pkg/extern/README.rst": "pkg.extern\n==========\n\nThis sub-package contains third-party Python packages/modules\n",
        "pkg/extern/ply/__init__.py": "",
        "pkg/extern/ply/lex.py": LEX,
        "pkg/extern/ply/yacc.py": LEX + "from .gone import Missing\n",
    })
    assert _violations(cli, root) == []


def test_a_folder_copied_at_an_upstream_commit_is_vendored(make_repo, cli):
    readme = "In-memory parser.\n\nCreated for Upstream by @someone (https://github.com/someone). Latest commit: 235a06a07ee04a84e02e656f0924a8f4ea2e96a8\n"
    root = make_repo({
        "svc/__init__.py": "",
        "svc/models.py": "from svc.parser.api import NullLogger\n",
        "svc/parser/__init__.py": "",
        "svc/parser/README.md": readme,
        "svc/parser/api.py": LEX,
        "svc/parser/providers/__init__.py": "",
        "svc/parser/providers/one.py": LEX,
    })
    assert _violations(cli, root) == []


def test_a_readme_about_wrapped_libraries_or_the_project_is_not_one(make_repo, cli):
    root = make_repo({
        "pyproject.toml": "[project]\nname = 'app'\n",
        "README.md": "This project bundles third-party code: see https://github.com/x/y at commit 235a06a0\n",
        "app/__init__.py": "",
        "app/integrations/__init__.py": "",
        "app/integrations/README.md": "Adapters for third-party libraries (https://github.com/x/y).\n",
        "app/integrations/one.py": LEX,
        "app/integrations/two.py": LEX,
        # a nested project's README describes the project, whatever it says
        "plugin/pyproject.toml": "[project]\nname = 'plugin'\n",
        "plugin/README.md": "A vendored copy of nothing: copied from https://github.com/x/y\n",
        "plugin/one.py": LEX,
        "plugin/two.py": LEX,
    })
    found = _violations(cli, root)
    assert ("SSOT001", "app/integrations/two.py", 1) in found
    assert ("SSOT001", "plugin/two.py", 1) in found  # analysed: the copies are reported
