"""Two kinds of import-time behaviour a reader of one file cannot see alone:

- an import that never runs (``if False:``, ``if 0:``, a constant flag's dead branch, a flag
  a first-party module binds once to ``False`` or ``TYPE_CHECKING``: pipenv's ``if
  MYPY_RUNNING:``) is no import-time edge: it closes no SSOT002 cycle, as one under ``if
  TYPE_CHECKING:`` does not;
- a module that hands its own ``__name__`` to a first-party function installing a
  ``__getattr__`` on it (yt-dlp's ``passthrough_module(__name__, '.extractors')``) serves
  names no statement of it binds: SSOT003 does not report them.

``score --history`` must follow both when the files change (the installer stops installing,
the condition or the flag's module starts running it)."""

from __future__ import annotations

from collections import Counter

from ssotlint.rules.runner import RulesOverHistory, run_rules
from ssotlint.testing import config_from_text, model_in_memory

INSTALLER = (
    "import importlib\nimport sys\n\n\n"
    "def passthrough(parent, child):\n"
    "    def __getattr__(attr):\n"
    "        return getattr(importlib.import_module(child, parent), attr)\n\n"
    "    return _install(sys.modules[parent], __getattr__)\n\n\n"
    "def _install(module, getter):\n"
    "    module.__getattr__ = getter\n"
    "    return module\n"
)
PASSTHROUGH = {
    "app/__init__.py": "",
    "app/compat/__init__.py": "from .utils import passthrough\n",
    "app/compat/utils.py": INSTALLER,
    "app/ext/__init__.py": "from ..compat import passthrough\n\npassthrough(__name__, '.registry')\n",
    "app/ext/registry.py": "from .nrk import NRKIE\n",
    "app/ext/nrk.py": "class NRKIE:\n    pass\n",
    "tests/test_ext.py": "from app.ext import NRKIE\n",
}
PASSTHROUGH_STEPS = [
    ("the helper no longer installs a __getattr__: the import breaks",
     {"app/compat/utils.py": INSTALLER.replace("module.__getattr__ = getter", "module.getter = getter")}),
    ("and installs it again", {"app/compat/utils.py": INSTALLER}),
    ("the package passes another name: the import breaks",
     {"app/ext/__init__.py": "from ..compat import passthrough\n\npassthrough('other', '.registry')\n"}),
    ("and its own again", {"app/ext/__init__.py": PASSTHROUGH["app/ext/__init__.py"]}),
]
FILLER = (
    "import sys\n\n\n"
    "def extend_module(module_name, attrs):\n"
    "    module = sys.modules[module_name]\n"
    "    for key, value in attrs.items():\n"
    "        setattr(module, key, value)\n\n\n"
    "def extend_settings(module_name, namespace):\n"
    "    extend_module(module_name, load_defaults(namespace))\n\n\n"
    "def load_defaults(namespace):\n"
    "    return {}\n"
)
FILLED = {
    "portal/__init__.py": "",
    "portal/util.py": FILLER,
    "portal/settings.py": "from portal.util import extend_settings\n\nDEBUG = False\nextend_settings(__name__, 'portal')\n",
    "app/__init__.py": "",
    "app/crypto.py": "from portal.settings import SECRET_KEY, DEBUG\n",
}
FILLED_STEPS = [
    ("the helper sets a literal name: SECRET_KEY breaks",
     {"portal/util.py": FILLER.replace("setattr(module, key, value)", "setattr(module, 'OTHER', value)")}),
    ("it fills the module through its __dict__", {"portal/util.py": FILLER.replace(
        "for key, value in attrs.items():\n        setattr(module, key, value)", "module.__dict__.update(attrs)")}),
    ("the settings pass another module's name: SECRET_KEY breaks",
     {"portal/settings.py": FILLED["portal/settings.py"].replace("extend_settings(__name__", "extend_settings('other'")}),
    ("and their own again", {"portal/settings.py": FILLED["portal/settings.py"]}),
    ("the helper fills an object it is given, not a module: SECRET_KEY breaks",
     {"portal/util.py": FILLER.replace("module = sys.modules[module_name]", "module = module_name")}),
]
DEVENDOR = (
    "import sys\nfrom importlib.util import find_spec\n\n\n"
    "class DeVendor:\n    def find_spec(self, fullname, path=None, target=None):\n"
    "        if fullname == 'books.web.feedparser':\n            return find_spec('feedparser')\n"
    "        if fullname.startswith('books.ebooks.markdown'):\n            return find_spec(fullname[len('books.ebooks.'):])\n\n\n"
    "sys.meta_path.insert(0, DeVendor())\n"
)
FINDER = {
    "books/__init__.py": "from books import constants\n",  # the package installs it (run.py imports no constants)
    "books/constants.py": DEVENDOR,
    "books/web/__init__.py": "",
    "books/ebooks/__init__.py": "",
    "books/run.py": "import books.web.feedparser as f\nfrom books.ebooks.markdown import Markdown\n"
    "from books.ebooks.markdown.extensions import toc\n",
}
FINDER_STEPS = [
    ("the finder answers for another name: feedparser breaks",
     {"books/constants.py": DEVENDOR.replace("'books.web.feedparser'", "'books.web.feeds'")}),
    ("and for it again", {"books/constants.py": DEVENDOR}),
    ("the finder is no longer installed: both break",
     {"books/constants.py": DEVENDOR.replace("sys.meta_path.insert(0, DeVendor())", "FINDER = DeVendor()")}),
    ("it is appended instead", {"books/constants.py": DEVENDOR.replace("insert(0, ", "append(")}),
]
REWRITER = (
    "import sys\n\n\ndef _root_name():\n    return __name__.rpartition('.')[0].rpartition('.')[0]\n\n\n"
    "class Finder:\n    def find_spec(self, fullname, path, target=None):\n"
    "        root_name = _root_name() + '.dynamic'\n        if not fullname.startswith(root_name):\n"
    "            return None\n        return None\n\n\nsys.meta_path.insert(0, Finder())\n"
)
REWRITE = {
    "mc/__init__.py": "",
    "mc/backends/__init__.py": "",
    "mc/backends/rewrite.py": REWRITER,
    "mc/dynamic/__init__.py": "",
    "mc/dynamic/backend_jax/__init__.py": "from mc.backends import rewrite\n",
    "mc/api.py": "X = 1\n",
    "mc/using_jax.py": "from mc.dynamic.backend_jax import api\nfrom mc.dynamic.backend_jax.api import *\n",
}
REWRITE_STEPS = [
    ("the finder serves another package: api breaks",
     {"mc/backends/rewrite.py": REWRITER.replace("'.dynamic'", "'.static'")}),
    ("and the dynamic one again", {"mc/backends/rewrite.py": REWRITER}),
]
DEAD = {
    "lib/__init__.py": "",
    "lib/types.py": "if False:  # work around for mypy\n    from lib.base import Node\n\n\nclass Kind: ...\n",
    "lib/base.py": "from lib.types import Kind\n\n\nclass Node:\n    kind = Kind\n",
}
DEAD_STEPS = [
    ("the condition becomes true: the cycle exists",
     {"lib/types.py": DEAD["lib/types.py"].replace("if False:", "if True:")}),
    ("if 0: never runs either", {"lib/types.py": DEAD["lib/types.py"].replace("if False:", "if 0:")}),
    ("a flag bound once to False", {"lib/types.py": "MYPY = False\n" + DEAD["lib/types.py"].replace("if False:", "if MYPY:")}),
    ("or to 0 (codecs' `_false = 0`)", {"lib/types.py": "_false = 0\n" + DEAD["lib/types.py"].replace("if False:", "if _false:")}),
    ("a flag rebound: the cycle exists",
     {"lib/types.py": "MYPY = False\nMYPY = True\n" + DEAD["lib/types.py"].replace("if False:", "if MYPY:")}),
]

CONSTANTS = (
    "def is_type_checking():\n    try:\n        from typing import TYPE_CHECKING\n"
    "    except ImportError:\n        return False\n    return TYPE_CHECKING\n\n\n"
    "MYPY_RUNNING = is_type_checking()\n"
)
FLAG = {
    "pkg/__init__.py": "",
    "pkg/constants.py": CONSTANTS,
    "pkg/indexes.py": "from pkg.constants import MYPY_RUNNING\n\nif MYPY_RUNNING:\n    from pkg.project import Project\n\n\n"
    "def index(project: 'Project'):\n    return project\n",
    "pkg/project.py": "from pkg.indexes import index\n\n\nclass Project:\n    pass\n",
}
FLAG_STEPS = [
    ("the flag's function may return True: the cycle exists",
     {"pkg/constants.py": CONSTANTS.replace("return False", "return True")}),
    ("the flag is typing.TYPE_CHECKING", {"pkg/constants.py": "import typing\n\nMYPY_RUNNING = typing.TYPE_CHECKING\n"}),
    ("the flag is rebound: the cycle exists",
     {"pkg/constants.py": "import typing\n\nMYPY_RUNNING = typing.TYPE_CHECKING\nMYPY_RUNNING = True\n"}),
    ("the flag is False: a default the entry point may set (plexpy.DEV = True) before the import runs",
     {"pkg/constants.py": "MYPY_RUNNING = False\n"}),
    ("the flag is typing.TYPE_CHECKING again", {"pkg/constants.py": "import typing\n\nMYPY_RUNNING = typing.TYPE_CHECKING\n"}),
    ("the importer's own flag, True: the cycle exists",
     {"pkg/indexes.py": FLAG["pkg/indexes.py"].replace("from pkg.constants import MYPY_RUNNING", "MYPY_RUNNING = True")}),
    ("its own flag, TYPE_CHECKING",
     {"pkg/indexes.py": FLAG["pkg/indexes.py"].replace(
         "from pkg.constants import MYPY_RUNNING", "from typing import TYPE_CHECKING\nMYPY_RUNNING = TYPE_CHECKING")}),
    ("another flag, imported from a module that does not bind it so: the cycle exists",
     {"pkg/indexes.py": FLAG["pkg/indexes.py"].replace("MYPY_RUNNING", "DEBUG"), "pkg/constants.py": "import os\nDEBUG = bool(os.environ.get('D'))\n"}),
]


def _subjects(violations, rule: str) -> Counter:
    return Counter((v.rule, v.path, v.line, v.key) for v in violations if v.rule == rule)


def _over_history(base: dict[str, str], steps, rule: str) -> list[bool]:
    """Whether each step reports ``rule``; asserting that the history run agrees with a
    fresh run at each step."""
    settings = config_from_text("")
    files = dict(base)
    rules = RulesOverHistory()
    model = model_in_memory(files, settings)
    found = [bool(_subjects(rules(model), rule))]
    for what, writes in steps:
        files.update(writes)
        model = model_in_memory(files, settings, previous=model)
        subjects = _subjects(rules(model), rule)
        assert subjects == _subjects(run_rules(model_in_memory(files, settings)), rule), what
        found.append(bool(subjects))
    return found


def test_a_module_that_installs_a_getattr_through_a_helper_serves_any_name():
    assert _over_history(PASSTHROUGH, PASSTHROUGH_STEPS, "SSOT003") == [False, True, False, True, False]


def test_a_module_filled_with_computed_names_through_a_helper_serves_any_name():
    """synnefo's settings: ``extend_settings(__name__, 'synnefo')`` sets each installed
    application's default settings on the module (``setattr(sys.modules[name], k, v)``)."""
    assert _over_history(FILLED, FILLED_STEPS, "SSOT003") == [False, True, False, True, False, True]


def test_names_a_finder_in_sys_meta_path_answers_for_are_served():
    """calibre's ``DeVendor`` (``constants.py``: ``sys.meta_path.insert(0, DeVendor())``)
    serves the legacy ``calibre.web.feeds.feedparser`` and ``calibre.ebooks.markdown*``."""
    assert _over_history(FINDER, FINDER_STEPS, "SSOT003") == [False, True, False, True, False]


def test_a_finder_that_rewrites_its_own_packages_modules_serves_them():
    """fun_mc's ``backends/rewrite.py``: its ``Finder`` answers for every name that starts
    with ``_root_name() + '.dynamic'`` (the package it is in, computed, and a literal end),
    serving ``fun_mc.dynamic.backend_jax.api`` rewritten from ``fun_mc.api``."""
    assert _over_history(REWRITE, REWRITE_STEPS, "SSOT003") == [False, True, False]


def test_an_import_that_never_runs_closes_no_cycle():
    assert _over_history(DEAD, DEAD_STEPS, "SSOT002") == [False, True, False, False, False, True]


def test_an_import_under_an_imported_type_checking_flag_closes_no_cycle():
    assert _over_history(FLAG, FLAG_STEPS, "SSOT002") == [False, True, False, True, True, False, True, False, True]


def test_cli_reports_neither(make_repo, cli):
    root = make_repo({**PASSTHROUGH, **FILLED, **FINDER, **DEAD, **FLAG, "web/__init__.py": "if 0:\n    from web.tools import Tool\n",
                      "web/tools.py": "from web import *\n\n\nclass Tool: ...\n"})
    for parser in ("libcst", "ast"):
        result = cli("check", str(root), "--no-cache", "--parser", parser)
        assert result.code == 0, result.out + result.err


FFI = {
    "vm/__init__.py": "",
    "vm/testing/__init__.py": "from ._ffi_api import echo, object_use_count\n",
    "vm/testing/_ffi_api.py": '"""FFI APIs for vm.testing"""\nimport tvm_ffi\n\ntvm_ffi.init_ffi_api("testing", __name__)\n',
}
FFI_STEPS = [
    ("the result is kept: an assignment says nothing of the module",
     {"vm/testing/_ffi_api.py": 'import tvm_ffi\n\napi = tvm_ffi.init_ffi_api("testing", __name__)\n'}),
    ("a call of the library's function again", {"vm/testing/_ffi_api.py": FFI["vm/testing/_ffi_api.py"]}),
    ("a first-party function that sets nothing: the names break",
     {"vm/testing/_ffi_api.py": 'from vm import log\n\nlog.note("testing", __name__)\n', "vm/log.py": "def note(*args):\n    return args\n"}),
]


def test_a_module_handed_to_a_librarys_function_serves_any_name():
    """tvm's ``_ffi_api.py`` modules: ``tvm_ffi.init_ffi_api("testing", __name__)`` sets on
    the module the functions a C++ library registers."""
    assert _over_history(FFI, FFI_STEPS, "SSOT003") == [False, True, False, True]


REPOS_FINDER = (
    "import sys\n\nROOT_NAMESPACE = 'tool.pkg'\n\n\n"
    "class PackagesFinder:\n    def find_spec(self, fullname, path, target=None):\n"
    "        if not fullname.startswith(ROOT_NAMESPACE):\n            return None\n        return None\n\n\n"
    "class ObjectsFinder:\n    def __init__(self, kind):\n        self.kind = kind\n\n"
    "    def find_spec(self, fullname, path, target=None):\n"
    "        if not fullname.startswith('tool.'):\n            return None\n        return None\n\n\n"
    "sys.meta_path.append(PackagesFinder())\n"
    "for kind in ('app', 'mgr'):\n    finder = ObjectsFinder(kind)\n    sys.meta_path.append(finder)\n"
)


def test_finders_installed_through_a_name_with_a_prefix_in_a_constant_serve_their_namespaces(make_repo, cli):
    """ramble and its vendored spack: ``sys.meta_path.append(finder)`` for ``finder =
    ReposFinder(kind)`` in a loop, asked for every ``ramble.*``, serves the namespaces its
    repositories declare (``ramble.app``); spack's compares with ``ROOT_PYTHON_NAMESPACE``, a
    module-level constant. A finder asked for the whole package serves no module missing
    from a package the tree holds."""
    import json

    root = make_repo({
        "tool/__init__.py": "from tool import repo\n",
        "tool/repo.py": REPOS_FINDER,
        "tool/util/__init__.py": "",
        "tool/run.py": (
            "from tool.app.builtin.basic import Basic\nimport tool.pkg.builtin.mock\n"
            "from tool.mgr.builtin.spack import Spack\nfrom tool.util.gone import helper\n"
        ),
    })
    result = cli("check", str(root), "--format", "json", "--no-cache")
    found = [(v["path"], v["line"]) for v in json.loads(result.out)["violations"]]
    assert found == [("tool/run.py", 4)]
    unnamed = root / "tool" / "repo.py"
    unnamed.write_text(REPOS_FINDER.replace("    sys.meta_path.append(finder)\n", "    print(finder)\n"))
    result = cli("check", str(root), "--format", "json", "--no-cache")
    assert [(v["path"], v["line"]) for v in json.loads(result.out)["violations"]] == [("tool/run.py", n) for n in (1, 3, 4)]
