"""SSOT002 reports a cycle only when some order of importing its modules can fail (the
rule's why: a start-up that breaks). Each fixture is checked against the interpreter
itself, which imports each module first in a fresh process (our own fixtures only), so a
test here fails both when ssotlint misses a cycle that breaks and when it reports one
that cannot (holdouts: flair, shapely, geopandas, archivy, openfisca, plumbum, nextcord,
backend.ai's click groups)."""

from __future__ import annotations

from tests.rules.cycle_findings import can_fail, cannot_fail, cycles


def test_a_package_read_only_in_its_modules_functions_cannot_fail(make_repo, cli):
    """flair: the package sets its globals, then imports its modules, which read
    ``flair.device`` in their methods only."""
    cannot_fail(make_repo, cli, {
        "fl/__init__.py": "device = 'cpu'\ncache_root = '/tmp'\n\nfrom . import data\nfrom .models import Model\n",
        "fl/data.py": "import fl\n\n\nclass Sentence:\n    def to(self):\n        return fl.device\n",
        "fl/models.py": "import fl\nfrom fl.data import Sentence\n\n\nclass Model:\n    def path(self):\n"
        "        return fl.cache_root, Sentence\n",
    })


def test_names_the_package_binds_above_its_imports_cannot_fail(make_repo, cli):
    """nextcord: ``__version__`` is bound at the top of ``__init__``, above every import;
    ``http.py`` takes it, and a submodule, with ``from . import __version__, utils``."""
    cannot_fail(make_repo, cli, {
        "nc/__init__.py": "__version__ = '2.0'\n\nfrom .client import Client\nfrom .utils import snowflake\n",
        "nc/client.py": "from .http import HTTPClient\n\n\nclass Client:\n    http = HTTPClient\n",
        "nc/http.py": "from . import __version__, utils\n\nUSER_AGENT = 'nc ' + __version__\n\n\nclass HTTPClient:\n"
        "    agent = USER_AGENT\n",
        "nc/utils.py": "def snowflake():\n    return 1\n",
    })


def test_a_command_group_its_modules_register_on_cannot_fail(make_repo, cli):
    """click's idiom (backend.ai's ``admin`` group): the package defines the group, then
    imports the modules that hang their commands on it, each reading it while imported."""
    cannot_fail(make_repo, cli, {
        "cli/__init__.py": "def group(f):\n    f.commands = []\n    return f\n\n\n@group\ndef admin():\n    pass\n\n\n"
        "from . import acl, etcd  # noqa: E402\n",
        "cli/acl.py": "from . import admin\n\nadmin.commands.append('acl')\n",
        "cli/etcd.py": "from cli import admin\n\nadmin.commands.append('etcd')\n",
    })


def test_an_application_its_views_module_decorates_cannot_fail(make_repo, cli):
    """Flask's application as a package (archivy): ``app`` is bound, then the routes module
    is imported at the bottom and reads ``app`` at once."""
    cannot_fail(make_repo, cli, {
        "webapp/__init__.py": "class App:\n    routes = []\n\n\napp = App()\n\nfrom webapp import views  # noqa: E402\n",
        "webapp/views.py": "from webapp import app\n\napp.routes.append('/')\n",
    })


def test_the_same_application_imported_above_its_binding_fails_and_is_reported(make_repo, cli):
    """The views imported before ``app`` is bound: importing the package fails."""
    [finding] = can_fail(make_repo, cli, {
        "webapp/__init__.py": "from webapp import views  # noqa: E402\n\n\nclass App:\n    routes = []\n\n\napp = App()\n",
        "webapp/views.py": "from webapp import app\n\napp.routes.append('/')\n",
    })
    assert finding["message"].startswith("circular import: webapp -> webapp.views -> webapp"), finding["message"]


def test_a_cycle_that_fails_through_a_package_init_run_from_outside_is_reported(make_repo, cli):
    """``h/base.py`` imports ``o.spec``, which runs ``o/__init__.py``, whose ``plugins``
    imports ``Late`` from ``h`` before ``h`` binds it: importing ``h`` fails, though the
    cycle as its imports are written (``h -> h.ws -> h``) could not."""
    [finding] = can_fail(make_repo, cli, {
        "o/__init__.py": "from .plugins import P\n",
        "o/spec.py": "class S: ...\n",
        "o/plugins.py": "from h import Late\n\n\nclass P(Late): ...\n",
        "h/__init__.py": "from .base import Base\nfrom .ws import W\nfrom .late import Late\n",
        "h/base.py": "from o.spec import S\n\n\nclass Base: ...\n",
        "h/late.py": "class Late: ...\n",
        "h/ws.py": "from h import Base\n\n\nclass W(Base): ...\n",
    })
    assert finding["message"].startswith("circular import: h -> h.ws -> h"), finding["message"]


def test_two_modules_of_one_package_taking_each_others_module_objects_are_reported(make_repo, cli):
    """Neither module is the other's package: they cannot fail as they stand, but one
    ``from x import name`` in either makes them fail, and two modules that need each other
    are the coupling the rule is there for (the traps fixture's planted ``x -> y -> x``)."""
    [finding] = cycles(make_repo, cli, {
        "app/__init__.py": "",
        "app/x.py": "from app import y\n",
        "app/y.py": "import app.x\n\nVALUE = 1\n",
    })
    assert finding["message"].startswith("circular import: app.x -> app.y -> app.x"), finding["message"]


def test_a_package_read_only_in_its_modules_main_block_cannot_fail(make_repo, cli):
    """PyTables' ``expression.py``: ``import tables as tb`` read in a method and in the
    ``if __name__ == "__main__":`` demo, which runs when the file is run as a script, never
    while it is imported."""
    cannot_fail(make_repo, cli, {
        "tb/__init__.py": "from tb.expression import Expr\n\nFloat32Atom = float\n",
        "tb/expression.py": "import tb\n\n\nclass Expr:\n    def atom(self):\n        return tb.Float32Atom\n\n\n"
        "if __name__ == '__main__':\n    print(tb.Float32Atom(1))\n",
    })


def test_a_name_a_star_import_brings_above_cannot_fail(make_repo, cli):
    """featuretools' ``primitives/__init__.py`` brings ``NumberOfCommonWords`` with ``from
    ...standard import *`` above its import of ``utils``, which takes it back."""
    cannot_fail(make_repo, cli, {
        "ft/__init__.py": "",
        "ft/primitives/__init__.py": "from ft.primitives.standard import *\nfrom ft.primitives.utils import load\n",
        "ft/primitives/standard.py": "class NumberOfCommonWords: ...\n",
        "ft/primitives/utils.py": "from ft.primitives import NumberOfCommonWords\n\nDEFAULT = NumberOfCommonWords\n\n\n"
        "def load():\n    return DEFAULT\n",
    })


def test_of_a_component_that_can_fail_only_the_cycles_that_do_are_shown(make_repo, cli):
    """``a`` and ``b`` fail when ``a`` is imported first; ``c``'s ``import pkg``, read in a
    function, closes another cycle of the same modules, which cannot fail: it is not shown,
    and its import is not the one advised (featuretools' ``primitives/utils.py``, chroma's
    ``from chromadb import __version__``)."""
    findings = can_fail(make_repo, cli, {
        "pkg/__init__.py": "from pkg.a import A\n",
        "pkg/a.py": "from pkg.b import B\n\n\nclass A: ...\n",
        "pkg/b.py": "from pkg.a import A\nfrom pkg import c\n\n\nclass B(A): ...\n",
        "pkg/c.py": "import pkg\n\n\ndef helper():\n    return pkg.A\n",
    })
    assert findings and all(f["details"]["modules"] == ["pkg.a", "pkg.b"] for f in findings), [f["message"] for f in findings]
    assert not any("pkg/c.py" in f["message"] for f in findings)


def test_a_name_bound_above_the_import_in_the_same_branch_cannot_fail(make_repo, cli):
    """imbalanced-learn's ``__init__``: under ``else:`` of a setup flag, ``__version__`` is
    imported two lines above the module that takes it back; the other branch imports
    neither."""
    cannot_fail(make_repo, cli, {
        "imb/__init__.py": "import os\n\nif os.environ.get('IMB_SETUP'):\n    pass\nelse:\n"
        "    from ._version import __version__\n    from .utils import show_versions\n",
        "imb/_version.py": "__version__ = '1.0'\n",
        "imb/utils.py": "from imb import __version__\n\nVERSION = __version__\n\n\ndef show_versions():\n    return VERSION\n",
    })
