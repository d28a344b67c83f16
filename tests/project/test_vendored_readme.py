"""A folder named like vendored code (``extern``, ``third_party``, ``vendor`` ...) whose README
says it holds other projects' code is vendored, as one with a licence file is.

astropy keeps PLY and ConfigObj in ``astropy/extern/`` (its README: "This sub-package
contains third-party Python packages"; no licence file): not the project's to edit, not
analysed, but its modules exist. A README that merely mentions the third-party libraries a
package wraps says nothing of the kind, nor does a project's own README. A folder of any
other name is the project's code whatever its README says: moto's ``stepfunctions/parser/``
was copied from LocalStack at a named commit (its README says so), but moto adapted it (it
imports moto's own modules, some of those imports broken): its findings count.
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


def test_a_third_party_folder_copied_at_an_upstream_commit_is_vendored_another_is_not(make_repo, cli):
    readme = "In-memory parser.\n\nCreated for Upstream by @someone (https://github.com/someone). Latest commit: 235a06a07ee04a84e02e656f0924a8f4ea2e96a8\n"
    root = make_repo({
        "svc/__init__.py": "",
        "svc/models.py": "from svc.third_party.api import NullLogger\nfrom svc.parser.api import NullLogger as N\n",
        "svc/third_party/__init__.py": "",
        "svc/third_party/README.md": readme,
        "svc/third_party/api.py": LEX,
        "svc/third_party/providers/__init__.py": "",
        "svc/third_party/providers/one.py": LEX + "from svc.gone import X\n",
        # the same README in a folder of another name: the project's adapted copy
        "svc/parser/__init__.py": "",
        "svc/parser/README.md": readme,
        "svc/parser/api.py": LEX,
        "svc/parser/provider.py": "from svc.utilities import arn_of\n",
    })
    assert _violations(cli, root) == [("SSOT003", "svc/parser/provider.py", 1)]


def test_a_readme_about_wrapped_libraries_or_the_project_is_not_one(make_repo, cli):
    root = make_repo({
        "pyproject.toml": "[project]\nname = 'app'\n",
        "README.md": "This project bundles third-party code: see https://github.com/x/y at commit 235a06a0\n",
        "app/__init__.py": "",
        "app/integrations/__init__.py": "",
        "app/integrations/README.md": "Adapters for third-party libraries (https://github.com/x/y).\n",
        "app/third_party/README.md": "Adapters for third-party libraries (https://github.com/x/y).\n",
        "app/third_party/client.py": "from app.gone import Y\n",
        "app/integrations/one.py": LEX,
        "app/integrations/two.py": LEX,
        # a nested project's README describes the project, whatever it says
        "app/vendor/pyproject.toml": "[project]\nname = 'vendor'\n",
        "app/vendor/README.md": "A vendored copy of nothing: copied from https://github.com/x/y\n",
        "app/vendor/one.py": "from app.vendor.gone import X\n",
    })
    found = _violations(cli, root)
    assert ("SSOT001", "app/integrations/two.py", 1) in found
    assert ("SSOT003", "app/third_party/client.py", 1) in found  # a README about wrapped libraries
    assert any(path.startswith("app/vendor/") for _, path, _ in found), found  # analysed


def test_an_externals_folder_with_a_copied_projects_licence_is_vendored(make_repo, cli):
    """scikit-learn's ``sklearn/externals/array_api_extra/`` keeps its own LICENSE: the
    folder is a copy of other projects (its cycles and imports are theirs), as with
    ``vendor/`` or ``third_party/``."""
    root = make_repo({
        "pkg/__init__.py": "",
        "pkg/utils.py": "from pkg.externals.extra import at\n",
        "pkg/externals/__init__.py": "",
        "pkg/externals/README": "This directory contains bundled external dependencies.\n",
        "pkg/externals/extra/LICENSE": "BSD 3-Clause License\n",
        "pkg/externals/extra/__init__.py": "from ._at import at\nfrom ._lib import helper\n",
        "pkg/externals/extra/_at.py": "from . import _lib\nat = 1\n",
        "pkg/externals/extra/_lib.py": "from . import _at\nfrom .gone import thing\nhelper = 2\n",
    })
    assert _violations(cli, root) == []


def test_a_folder_cloned_by_git_subrepo_is_vendored(make_repo, cli):
    """spyder keeps qtconsole in ``external-deps/qtconsole/`` with git-subrepo's ``.gitrepo``
    (the repository and commit it was cloned from): another project's code kept in sync, so
    spyder's adapted ``kill_ring.py`` is not told to import from it, and its own findings are
    upstream's. The same folder without the record is the project's code."""
    kill = "class KillRing:\n    def __init__(self):\n        self._ring = []\n\n    def kill(self, text):\n        self._ring.append(text)\n\n    def yank(self):\n        return self._ring[-1]\n"
    files = {
        "app/__init__.py": "",
        "app/kill_ring.py": kill,
        "app/use.py": "from app.kill_ring import KillRing\n",
        "external-deps/qtconsole/qtconsole/__init__.py": "",
        "external-deps/qtconsole/qtconsole/kill_ring.py": kill + "from qtconsole.gone import X\n",
    }
    root = make_repo({**files, "external-deps/qtconsole/.gitrepo": "[subrepo]\n\tremote = https://github.com/jupyter/qtconsole.git\n\tcommit = 1234abcd\n"}, name="subrepo")
    assert _violations(cli, root) == []
    root = make_repo(files, name="own")
    assert [v[0] for v in _violations(cli, root)] == ["SSOT001", "SSOT003"]


def test_a_vendor_folder_whose_copies_keep_their_licences_further_down_is_vendored(make_repo, cli):
    """OpenPype's ``openpype/vendor/`` holds ``python/common/`` (copies with no licence of
    their own) beside ``python/python_2/``, whose copies keep their licences and
    ``*.dist-info`` two levels further down: the whole folder is vendored. So is a folder
    whose name has the word ``vendor`` in it (``python2_vendor/``) holding a copied project
    with its licence, and one named for third-party code (golismero's ``thirdparty_libs/``,
    ``third-party-libs/``); a folder of another name with a licence is the project's."""
    copy = "class FailedOperations(Exception):\n    pass\n\n\ndef run():\n    from .gone import X\n"
    root = make_repo({
        "app/__init__.py": "",
        "app/ops.py": "class FailedOperations(Exception):\n    pass\n",
        "app/vendor/__init__.py": "",
        "app/vendor/python/common/ayon_api/__init__.py": "",
        "app/vendor/python/common/ayon_api/exceptions.py": copy,
        "app/vendor/python/python_2/secrets/LICENSE": "PSF\n",
        "app/vendor/python/python_2/setuptools-45.0.0.dist-info/RECORD": "setuptools\n",
        "app/ftrack/python2_vendor/ftrack-python-api/LICENSE.txt": "Apache\n",
        "app/ftrack/python2_vendor/ftrack-python-api/source/ftrack_api/disk.py": "def read(:\n    pass\n",
        "thirdparty_libs/snakemq/LICENSE.txt": "MIT\n",
        "thirdparty_libs/snakemq/link.py": "def read(:\n    pass\n",
        "third-party-libs/shodan/COPYING": "MIT\n",
        "third-party-libs/shodan/api.py": "def read(:\n    pass\n",
        "app/plugins/LICENSE": "MIT\n",
        "app/plugins/tool.py": "from app.gone import Y\n",
    })
    assert _violations(cli, root) == [("SSOT003", "app/plugins/tool.py", 1)]
