"""SSOT002's advice on the shapes a thirteenth reading found wrong (the cycles were real):
a module that imports its package (``import paramiko``) and, by statements of its own, the
package's submodules (``from paramiko.auth_handler import AuthHandler``) was said to read
those submodules off the package inside functions: an import statement reads nothing off
the package."""

from __future__ import annotations

from tests.rules.cycle_findings import cycles as _cycles


def test_a_submodule_the_module_imports_itself_is_no_read_off_the_package(make_repo, cli):
    [finding] = _cycles(make_repo, cli, {
        "pkg/__init__.py": "from pkg.transport import Transport\n\n__version__ = '1'\n",
        "pkg/transport.py": "import pkg\nfrom pkg.util import helper\nimport pkg.auth\n\n\nclass Transport:\n"
        "    version = pkg.__version__\n\n    def run(self):\n        return pkg.common.X, helper()\n",
        "pkg/util.py": "def helper():\n    return 1\n",
        "pkg/auth.py": "Y = 2\n",
        "pkg/common.py": "X = 1\n",
    })
    message = finding["message"]
    assert "what it reads of pkg only inside functions (`common`)" in message, message
