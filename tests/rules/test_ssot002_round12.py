"""SSOT002's advice on the shapes a twelfth reading found wrong (the cycles were real):

- "or under ``if TYPE_CHECKING:``" offered for names the code reads at run time (c7n's
  ``ValueFilter``, angr's ``AILCallable``): under ``TYPE_CHECKING`` they would be unbound
  then, so only the functions can take the import; ``TYPE_CHECKING`` stays for names only
  annotations use;
- a module said to read a name off the package that only its docstrings spell (pymc's
  ``pm.sample()`` examples, pyzmq's ``:const:`zmq.COPY_THRESHOLD```);
- ``import pkg.sub`` judged by what the module reads of ``pkg`` at import time, though a
  plain ``import pkg`` binds ``pkg`` too (pwndbg's ``aglib/elf.py``);
- the advice to move a definition out of a module that looks names up in its own namespace
  by a computed name (ranger's ``vcs.py``: ``globals()[kind + "Root"]``);
- a conditional import whose other branch defines the same name (click's ``_compat.py``).
"""

from __future__ import annotations

from ssotlint.extract.summary import USE_CALL, USE_IMPORT_TIME
from tests.rules.cycle_findings import cannot_fail, advice as _advice, cycles as _cycles, import_uses


def test_a_name_called_in_a_function_is_not_told_to_go_under_type_checking(make_repo, cli):
    [finding] = _cycles(make_repo, cli, {
        "app/__init__.py": "",
        "app/a.py": "from app.b import B\n\n\nclass A:\n    def make(self):\n        return B()\n",
        "app/b.py": "from app.a import A\n\n\nclass B(A): ...\n",
    })
    assert _advice(finding) == "break it by moving app/a.py:1 `from app.b import B` into the function that uses it", finding["message"]


def test_a_name_used_only_in_annotations_still_goes_under_type_checking(make_repo, cli):
    [finding] = _cycles(make_repo, cli, {
        "app/__init__.py": "",
        "app/a.py": "from __future__ import annotations\n\nfrom app.b import B\n\n\nclass A:\n"
        "    def make(self) -> B: ...\n",
        "app/b.py": "from app.a import A\n\n\nclass B(A): ...\n",
    })
    assert _advice(finding) == (
        "break it by moving app/a.py:3 `from app.b import B` under `if TYPE_CHECKING:`: its names are used only in "
        "annotations"
    ), finding["message"]


_REPO = {
    "app/__init__.py": "from app.core import archive, output\nfrom app import hooks\n",
    "app/core.py": "archive = object()\noutput = object()\n",
    "app/hooks.py": (
        "import app as hv  # hv.archive is set by app.notebook\n\n\n"
        "def pick():\n    \"\"\"Like ``hv.archive.add(x)``, but for the output:\n\n    >>> hv.archive.add(1)\n    \"\"\"\n"
        "    return hv.output\n"
    ),
    "app/notebook.py": "import app\n\n\ndef enable(notebook):\n    app.archive = notebook\n",
}


def test_a_package_read_in_a_function_and_named_in_prose_cannot_fail(make_repo, cli):
    """``hooks.py`` reads ``hv.output`` only in a function, and names ``hv.archive``
    only in prose: no order fails."""
    cannot_fail(make_repo, cli, _REPO)


def test_a_dotted_import_is_not_used_at_import_time_for_what_a_plain_import_of_its_root_reads():
    source = """\
        import pkg
        import pkg.auxv
        import pkg.stack

        if pkg.dbg.enabled():
            X = pkg.stack.TOP


        def entry():
            return pkg.auxv.get()
        """
    for engine in ("libcst", "ast"):
        uses = import_uses(source, engine)
        assert uses["pkg"] == (USE_IMPORT_TIME,), engine
        assert uses["pkg.auxv"] == (USE_CALL,), engine
        assert uses["pkg.stack"] == (USE_IMPORT_TIME,), engine


def test_a_dotted_import_read_only_in_a_function_is_advised_into_it(make_repo, cli):
    [finding] = _cycles(make_repo, cli, {
        "pkg/__init__.py": "",
        "pkg/dbg.py": "def enabled():\n    return True\n",
        "pkg/elf.py": "import pkg\nimport pkg.dbg\n\nif pkg.dbg.enabled():\n    import pkg.auxv\n\n\n"
        "def entry():\n    return pkg.auxv.get()\n\n\ndef base():\n    return 1\n",
        "pkg/auxv.py": "import pkg.elf\n\nBASE = pkg.elf.base\n\n\ndef get():\n    return BASE\n",
    })
    assert "`import pkg.auxv` into the function that uses it" in _advice(finding), finding["message"]


_VCS = (
    "class Vcs:\n    KIND = 'git'\n\n    def init_state(self):\n"
    "        self.__class__ = globals()[self.KIND.title() + 'Root']\n\n\n"
    "class VcsRoot(Vcs): ...\n\n\n"
    "from .git import Git  # noqa: E402\n\n\nclass GitRoot(VcsRoot, Git): ...\n"
)


def test_a_definition_is_not_advised_out_of_a_module_that_looks_up_its_own_namespace(make_repo, cli):
    [finding] = _cycles(make_repo, cli, {
        "app/__init__.py": "",
        "app/vcs.py": _VCS,
        "app/git.py": "from .vcs import Vcs\n\n\nclass Git(Vcs): ...\n",
    })
    text = _advice(finding)
    assert "break it by moving the definitions" not in text, finding["message"]
    assert "looks names up in its own namespace by computed name" in text, finding["message"]
    assert text.endswith("suppress the finding on this line saying so"), finding["message"]


def test_without_the_lookup_the_definition_is_advised_out(make_repo, cli):
    [finding] = _cycles(make_repo, cli, {
        "app/__init__.py": "",
        "app/vcs.py": _VCS.replace("globals()[self.KIND.title() + 'Root']", "VcsRoot"),
        "app/git.py": "from .vcs import Vcs\n\n\nclass Git(Vcs): ...\n",
    })
    assert "break it by moving the definitions of `Vcs`" in _advice(finding), finding["message"]


_COMPAT = (
    "import sys\n\n\nclass Wrapper: ...\n\n\n"
    "if sys.platform.startswith('win'):\n    from ._console import get_stream\nelse:\n\n"
    "    def get_stream(f):\n        return None\n\n\n"
    "def stdin():\n    return get_stream(sys.stdin)\n"
)


def test_a_conditional_import_whose_other_branch_defines_the_name_is_not_advised_into_functions(make_repo, cli):
    [finding] = _cycles(make_repo, cli, {
        "app/__init__.py": "",
        "app/compat.py": _COMPAT,
        "app/_console.py": "from .compat import Wrapper\n\nassert True\n\n\nclass Stream(Wrapper): ...\n\n\n"
        "def get_stream(f):\n    return Stream()\n",
    })
    text = _advice(finding)
    assert text.startswith("app/compat.py:8 `from ._console import get_stream` is one branch of a conditional definition"), finding["message"]
    assert text.endswith(
        "break it by defining `get_stream` in that branch as a function that imports the real one from app._console "
        "when called"
    ), finding["message"]


def test_a_conditional_import_without_another_definition_is_advised_into_functions(make_repo, cli):
    [finding] = _cycles(make_repo, cli, {
        "app/__init__.py": "",
        "app/compat.py": _COMPAT.replace("else:\n\n    def get_stream(f):\n        return None\n", ""),
        "app/_console.py": "from .compat import Wrapper\n\n\nclass Stream(Wrapper): ...\n\n\ndef get_stream(f):\n    return Stream()\n",
    })
    assert _advice(finding).endswith("into the function that uses it"), finding["message"]


# ``edit_tools`` also takes ``READY``, bound below the registration import: importing the
# server first fails (without it, no order would, and nothing is reported).
_SERVER = (
    "class Server:\n    tools = []\n\n\nmcp = Server()\n\n\nfrom . import edit_tools  # noqa: E402 - registers its tools\n"
    "\nREADY = True\n"
)


def test_a_registration_import_goes_into_the_package_init_that_imports_its_module(make_repo, cli):
    [finding] = _cycles(make_repo, cli, {
        "app/__init__.py": "",
        "app/mcp/__init__.py": "from .server import mcp\n",
        "app/mcp/server.py": _SERVER,
        "app/mcp/edit_tools.py": "from .server import mcp, READY\n\nmcp.tools.append('edit')\n",
    })
    assert _advice(finding).startswith(
        "break it by moving app/mcp/server.py:8 `from . import edit_tools` out of app/mcp/server.py, into "
        "app/mcp/__init__.py, below its import of app.mcp.server:"
    ), finding["message"]


def test_a_registration_import_no_package_init_runs_goes_where_the_program_starts(make_repo, cli):
    [finding] = _cycles(make_repo, cli, {
        "app/__init__.py": "",
        "app/mcp/__init__.py": "",
        "app/mcp/server.py": _SERVER,
        "app/mcp/edit_tools.py": "from .server import mcp, READY\n\nmcp.tools.append('edit')\n",
    })
    assert "to where the program starts (after it imports app.mcp.server)" in _advice(finding), finding["message"]


def test_a_submodule_read_off_its_own_package_is_advised_as_a_module_though_it_leads_back(make_repo, cli):
    """``magic.py`` reads ``pkg.config.Configurable`` as a base; ``config`` imports ``magic``
    back (volatility3's ``interfaces`` and ``automagic``): importing ``config`` as a module
    removes the reported cycle's own edge, ``magic`` -> ``pkg``; the cycle through
    ``config`` stays, and the message says so. (``config`` uses ``magic`` while it is
    imported, so no finding moves that import: one that did would count as done, and
    ``config`` would no longer lead back.)"""
    findings = _cycles(make_repo, cli, {
        "pkg/__init__.py": "from pkg import config, magic\n",
        "pkg/config.py": "from pkg import magic\n\n\nclass Configurable: ...\n\n\nMODULES = [magic]\n",
        "pkg/magic.py": "import pkg\n\n\nclass Magic(pkg.config.Configurable): ...\n",
    })
    texts = [_advice(f) for f in findings if "pkg/magic.py:1 `import pkg`" in f["message"]]
    assert texts, [f["message"] for f in findings]
    assert any(
        "break this cycle by importing it as module (`from pkg import config`) instead of reading it off the package, "
        "which removes this import of pkg; it leads back to pkg.magic too" in t for t in texts
    ), texts
