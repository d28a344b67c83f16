"""SSOT002's advice on the shapes a fifth holdout of real code got wrong (nautobot, misago,
flexget, privacyidea, beets, prefect, mypy, openlibrary): every cycle was real, the advice
was not. Each test reads what the user reads, the JSON finding."""

from __future__ import annotations

from tests.rules.cycle_findings import cannot_fail


def _cycles(make_repo, cli, files: dict[str, str], code: int = 1, name: str = "repo") -> list[dict]:
    root = make_repo(files, name=name)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT002")
    assert result.code == code, result.err
    return sorted(result.json()["violations"], key=lambda v: (v["path"], v["line"], v["message"]))


def _advice(finding: dict) -> str:
    return finding["message"].partition("; ")[2]


def test_a_file_whose_uses_are_not_known_is_not_the_one_told_to_defer(make_repo, cli):
    """``code.py`` uses syntax only Python 3.14 reads (``except A, B:``), so how it uses
    ``load_config`` is not known (it calls it at module level, under an ``if``: seen on
    openlibrary's coverstore). The import whose uses are known to allow the move,
    ``server.py``'s ``from app import code`` (read only in a function, which only the
    ``__main__`` block calls: not at import time), is advised."""
    [finding] = _cycles(make_repo, cli, {
        "pyproject.toml": '[project]\nname = "x"\nrequires-python = ">=3.14"\n',
        "app/__init__.py": "",
        "app/code.py": "import os\nfrom app.server import load_config\n\ntry:\n    pass\nexcept ValueError, TypeError:\n"
        "    pass\n\nif cfg := os.getenv('CFG'):\n    load_config(cfg)\n\n\ndef handle():\n    return 1\n",
        "app/server.py": "from app import code\n\n\ndef load_config(path):\n    return path\n\n\ndef main():\n"
        "    return code.handle()\n\n\nif __name__ == '__main__':\n    main()\n",
    })
    assert _advice(finding) == (
        "break it by moving app/server.py:1 `from app import code` into the function that uses it"
    ), finding["message"]


def test_a_name_used_under_a_module_level_if_is_needed_at_import_time(make_repo, cli):
    """The same shape in a file this Python reads: the call under the module-level ``if``
    runs while the module is imported, so ``code.py``'s import is not the one to move."""
    [finding] = _cycles(make_repo, cli, {
        "app/__init__.py": "",
        "app/code.py": "import os\nfrom app.server import load_config\n\nif cfg := os.getenv('CFG'):\n"
        "    load_config(cfg)\n\n\ndef handle():\n    return 1\n",
        "app/server.py": "from app import code\n\n\ndef load_config(path):\n    return path\n\n\ndef main():\n"
        "    return code.handle()\n",
    })
    assert "app/server.py:1 `from app import code`" in _advice(finding), finding["message"]
    assert "app/code.py:2" not in _advice(finding), finding["message"]


def test_a_submodule_is_not_told_to_import_from_a_package_whose_init_leads_back(make_repo, cli):
    """``polls.views`` derives from ``BaseThreadView``, which ``threads.views`` re-exports
    from ``threads.views.base``; ``threads/views/__init__.py`` also imports ``detail``,
    which imports ``polls.views`` (misago). Importing ``threads.views.base`` from
    ``polls.views`` runs ``threads/views/__init__.py`` first: the cycle would stay, so the
    advice is to move the definition out of that package."""
    [finding] = _cycles(make_repo, cli, {
        "app/__init__.py": "",
        "app/polls/__init__.py": "",
        "app/polls/views.py": "from ..threads.views import BaseThreadView\n\n\nclass PollView(BaseThreadView): ...\n",
        "app/threads/__init__.py": "",
        "app/threads/views/__init__.py": "from .base import BaseThreadView\nfrom .detail import DetailView\n",
        "app/threads/views/base.py": "class BaseThreadView: ...\n",
        "app/threads/views/detail.py": "from ...polls.views import PollView\nfrom .base import BaseThreadView\n\n\n"
        "class DetailView(BaseThreadView):\n    poll = PollView\n",
    })
    advice = _advice(finding)
    assert "from app.threads.views.base in" not in advice, finding["message"]
    assert "outside app.threads.views (importing anything in it runs its `__init__`" in advice, finding["message"]


def test_an_edge_whose_removal_leaves_the_package_route_is_not_the_advice(make_repo, cli):
    """``generics`` imports two modules of the package ``extras``, whose ``__init__``
    imports ``approvals``, which imports ``generics`` (nautobot's core.models.generics):
    cutting ``customfields``' import of the package leaves ``generics -> extras ->
    approvals -> generics``, since importing ``extras.customfields`` runs
    ``extras/__init__.py`` first. Every import the advice names is needed, and they are
    enough (the import of the package in a function runs nothing at import time)."""
    findings = _cycles(make_repo, cli, {
        "core/__init__.py": "",
        "core/generics.py": "from extras.change_logging import ChangeLoggedModel\n"
        "from extras.customfields import CustomFieldModel\n\n\n"
        "class PrimaryModel(ChangeLoggedModel, CustomFieldModel): ...\n\n\n"
        "def approvals():\n    from extras import Approval\n    return Approval\n",
        "extras/__init__.py": "from .change_logging import ChangeLoggedModel\nfrom .customfields import CustomFieldModel\n"
        "from .approvals import Approval\n",
        "extras/change_logging.py": "class ChangeLoggedModel: ...\n",
        "extras/customfields.py": "from extras import ChangeLoggedModel\n\n\nclass CustomFieldModel(ChangeLoggedModel): ...\n",
        "extras/approvals.py": "from core.generics import PrimaryModel\n\n\nclass Approval(PrimaryModel): ...\n",
    })
    [finding] = [f for f in findings if f["details"]["modules"][:2] == ["core.generics", "extras.customfields"]]
    advice = _advice(finding)
    assert "break it by importing `ChangeLoggedModel` from extras.change_logging in extras/customfields.py:1" not in advice
    named = {e["from"] for e in finding["details"]["suggested_fix"]}
    assert named and not (named <= {"extras.customfields"}), finding["details"]["suggested_fix"]
    # Moving generics' two imports is enough (its import of the package in a function runs
    # nothing at import time): customfields' import is not needed too.
    assert "core/generics.py:1" in advice and "core/generics.py:2" in advice, advice
    assert "extras/customfields.py:1" not in advice, advice


def test_a_submodule_reading_only_what_the_import_system_sets_on_its_package_is_no_cycle(make_repo, cli):
    """``from . import __path__`` (flexget's api.app, read at module level): the package
    started before its module did, and the import system set ``__path__`` before the
    package's code ran, so this import runs nothing and reads nothing that can be missing,
    in any order, and no function could take it. No finding for that cycle; one closed by
    a name imported back from the package before the package binds it still is one."""
    files = {
        "api/__init__.py": "from .app import api_app\nfrom .tools import helper\n",
        "api/app.py": "from pathlib import Path\n\nfrom . import __path__\n\napi_app = Path(__path__[0]) / 'templates'\n",
        "api/tools.py": "def helper():\n    return 1\n",
    }
    assert _cycles(make_repo, cli, files, code=0) == []
    files["api/__init__.py"] = "from .tools import helper\nfrom .app import api_app\n"
    files["api/tools.py"] = "from api import api_app\n\n\ndef helper():\n    return api_app\n"
    [finding] = _cycles(make_repo, cli, files, name="named")
    assert finding["details"]["modules"] == ["api", "api.tools"], finding["message"]


def test_an_import_of_ones_own_package_read_only_in_functions_cannot_fail(make_repo, cli):
    """``import beets`` in ``beets/util/deprecation.py``, read only in a function
    (beets, privacyidea's ``__file__``, prefect's ``import prefect.server.database``):
    no order fails."""
    cannot_fail(make_repo, cli, {
        "beets/__init__.py": "from .util.deprecation import deprecate\n\n__version__ = '2'\n",
        "beets/util/__init__.py": "",
        "beets/util/deprecation.py": "import beets\n\n\ndef deprecate():\n    return beets.__version__\n",
    })


def test_a_cycle_through_a_package_init_is_reported_on_the_import_that_runs_it(make_repo, cli):
    """``forms.fields`` imports its package only for functions (harmless), but
    ``ipam.formfields`` imports ``forms.fields`` from outside, which runs
    ``forms/__init__.py``, which imports ``forms.views``, which imports
    ``ipam.formfields`` (nautobot's core.forms): that cycle is real and its advice names
    an import on it, not ``fields``' one, whose removal would leave it."""
    findings = _cycles(make_repo, cli, {
        "forms/__init__.py": "from .fields import Field\nfrom .views import View\n",
        "forms/fields.py": "import forms\n\n\nclass Field:\n    def expand(self):\n        return forms.View\n",
        "forms/views.py": "from ipam.formfields import IPField\n\n\nclass View:\n    field = IPField\n",
        "ipam/__init__.py": "",
        "ipam/formfields.py": "from forms.fields import Field\n\n\nclass IPField(Field): ...\n",
    })
    through = [f for f in findings if "ipam.formfields" in f["details"]["modules"]]
    assert through, [f["message"] for f in findings]
    for finding in through:
        assert "forms/fields.py:1" not in _advice(finding), finding["message"]


def test_the_other_names_of_a_statement_are_accounted_for(make_repo, cli):
    """``Type`` is a base class (needed at import time); the statement's other names are
    used only in annotations (mypy's type_visitor): moving ``Type`` alone leaves the
    import, so the advice says where the others go."""
    [finding] = _cycles(make_repo, cli, {
        "m/__init__.py": "",
        "m/visitor.py": "from __future__ import annotations\n\nfrom m.types import AnyType, Instance, Type\n\n\n"
        "class TypeTranslator(Type):\n    def visit(self, t: AnyType) -> Instance: ...\n",
        "m/types.py": "class Type: ...\n\n\nclass AnyType(Type): ...\n\n\nclass Instance(Type): ...\n\n\n"
        "from m.visitor import TypeTranslator\n",
    })
    assert _advice(finding).endswith(
        "; its other names still import m.types: move `AnyType`, `Instance` under `if TYPE_CHECKING:` "
        "(only annotations use them)"
    ), finding["message"]


def test_a_name_a_module_level_call_of_an_own_function_reads_is_needed_at_import_time(make_repo, cli):
    """``int_binary_op`` calls ``binary_op`` and runs at module level (``INT_ADD =
    int_binary_op(...)``, mypyc's int_ops): ``binary_op`` is needed while the module is
    imported, as ``custom_op`` is, so the advice names both."""
    [finding] = _cycles(make_repo, cli, {
        "p/__init__.py": "",
        "p/ops.py": "from p.registry import binary_op, custom_op\n\n\ndef int_binary_op(name):\n"
        "    return binary_op(name)\n\n\nINT_ADD = int_binary_op('+')\nINT_NEG = custom_op('-')\n",
        "p/registry.py": "OPS = []\n\n\ndef binary_op(name):\n    return name\n\n\ndef custom_op(name):\n"
        "    return name\n\n\nfrom p.ops import INT_ADD\n",
    })
    assert "uses `binary_op`, `custom_op` while it is imported" in finding["message"], finding["message"]


def test_every_import_that_runs_the_package_is_named(make_repo, cli):
    """``tenancy.forms`` imports names from the package ``extras.forms`` and a mixin from
    its module ``extras.forms.mixins``, which also runs ``extras/forms/__init__.py`` (nautobot):
    both imports must go for the cycle to break, and the advice names both."""
    [finding] = _cycles(make_repo, cli, {
        "extras/__init__.py": "",
        "extras/forms/__init__.py": "from .base import ModelForm\nfrom .forms import TenancyForm\n",
        "extras/forms/base.py": "class ModelForm: ...\n",
        "extras/forms/mixins.py": "class TagsMixin: ...\n",
        "extras/forms/forms.py": "from tenancy.forms import TenantForm\n\n\nclass TenancyForm:\n    form = TenantForm\n",
        "tenancy/__init__.py": "",
        "tenancy/forms.py": "from extras.forms import ModelForm\nfrom extras.forms.mixins import TagsMixin\n\n\n"
        "class TenantForm(ModelForm, TagsMixin): ...\n",
    })
    advice = _advice(finding)
    assert "tenancy/forms.py:1 `from extras.forms import ModelForm`" in advice, advice
    assert "tenancy/forms.py:2 `from extras.forms.mixins import TagsMixin`" in advice, advice


def test_an_import_of_the_package_read_in_a_function_closes_no_cycle_that_can_fail(make_repo, cli):
    """sentry_sdk's ``_init_implementation``: ``pkg/init.py``'s ``import pkg`` is read
    only in a function, and ``pkg/api.py`` takes ``Client``, which the package binds
    above its import of ``api``: no order fails."""
    cannot_fail(make_repo, cli, {
        "pkg/__init__.py": "from pkg.client import Client\nfrom pkg.api import capture\n",
        "pkg/client.py": "class Client: ...\n",
        "pkg/api.py": "from pkg import Client\nfrom pkg.init import init\n\n\nclass Hub(Client): ...\n\n\n"
        "def capture():\n    return init()\n",
        "pkg/init.py": "import pkg\n\n\ndef init():\n    return pkg.Client()\n",
    })


def test_a_dotted_import_of_ones_own_package_for_its_file_cannot_fail(make_repo, cli):
    """``import app.lib.plugins`` in ``app/lib/plugins/base.py``, read only as
    ``app.lib.plugins.__file__`` in a function (privacyidea, prefect's
    alembic_commands): no order fails."""
    cannot_fail(make_repo, cli, {
        "app/__init__.py": "",
        "app/lib/__init__.py": "",
        "app/lib/plugins/__init__.py": "from app.lib.plugins.base import get_plugins\n",
        "app/lib/plugins/base.py": "import os\n\nimport app.lib.plugins\n\n\ndef get_plugins():\n"
        "    return os.listdir(os.path.dirname(app.lib.plugins.__file__))\n",
    })


def test_a_name_other_modules_import_from_here_is_not_read_by_nothing(make_repo, cli):
    """``Helper`` is not read in ``visitor.py``, but ``user.py`` imports it from there (a
    re-export, seen on DefectDojo's ``dojo/models.py``): taking it out of the statement
    would break ``user.py``, so the advice sends its importers to where it is defined."""
    [finding] = _cycles(make_repo, cli, {
        "m/__init__.py": "",
        "m/visitor.py": "from m.types import Helper, Type\n\n\nclass TypeTranslator(Type):\n    pass\n",
        "m/types.py": "class Type: ...\n\n\nclass Helper: ...\n\n\nfrom m.visitor import TypeTranslator\n",
        "m/user.py": "from m.visitor import Helper\n",
    })
    assert _advice(finding).endswith(
        "; its other names still import m.types: move `Helper` (nothing here reads them, but other modules "
        "import them from m.visitor) into those modules' imports, from where they are defined"
    ), finding["message"]
