"""Precision classes of issue 11 seen on real code: what the user reads in the JSON output."""

from __future__ import annotations


def _check(make_repo, cli, files: dict[str, str], rules: str):
    root = make_repo(files)
    return cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", rules)


def _findings(result, rule: str) -> list[dict]:
    return sorted((v for v in result.json()["violations"] if v["rule"] == rule), key=lambda v: (v["path"], v["line"]))


def test_a_broken_import_in_a_test_is_pointed_at_the_real_class_not_a_mock(make_repo, cli):
    """The advice names the production definition, not a test double in another test
    module that happens to be found first."""
    result = _check(make_repo, cli, {
        "app/__init__.py": "",
        "app/cache.py": "class Other: ...\n",
        "app/core/__init__.py": "",
        "app/core/manager.py": "class CacheManager:\n    def get(self, key):\n        return None\n",
        # A test double, found first by path.
        "app/_tests/__init__.py": "",
        "app/_tests/test_helpers.py": "class CacheManager:\n    def get(self, key):\n        return 'mocked'\n",
        "tests/test_cache.py": "from app.cache import CacheManager\n",
    }, "SSOT003")
    [finding] = _findings(result, "SSOT003")
    assert (finding["path"], finding["line"]) == ("tests/test_cache.py", 1)
    assert "it is defined in app.core.manager: import it from there" in finding["message"], finding["message"]


def test_a_fallback_stub_is_never_the_advised_definition(make_repo, cli):
    """A class standing in for a failed import is not where to import the real one from."""
    result = _check(make_repo, cli, {
        "app/__init__.py": "",
        "app/cache.py": "class Other: ...\n",
        "app/compat.py": "try:\n    from app.native import CacheManager\nexcept ImportError:\n"
        "    class CacheManager:\n        pass\n",
        "app/views.py": "from app.cache import CacheManager\n",
    }, "SSOT003")
    messages = [v["message"] for v in _findings(result, "SSOT003") if v["path"] == "app/views.py"]
    assert messages and all("app.compat" not in m for m in messages), messages


def test_enum_namesakes_and_copies_are_told_apart_in_the_json(make_repo, cli):
    """Three of four members in common: one enum (reported, with the kept copy in the
    details); two of four: two scales that share a name (not reported)."""
    enum = "import enum\n\n\nclass {name}(enum.Enum):\n" + "{members}"
    def members(*names: str) -> str:
        return "".join(f"    {n} = {i}\n" for i, n in enumerate(names))
    result = _check(make_repo, cli, {
        "app/__init__.py": "",
        "app/a.py": enum.format(name="Level", members=members("DEBUG", "INFO", "WARNING", "ERROR")),
        "app/b.py": enum.format(name="Level", members=members("DEBUG", "INFO", "WARNING", "FATAL")),
        "app/use.py": "from app.a import Level\n",
        "app/c.py": enum.format(name="Degradation", members=members("NORMAL", "MINIMAL", "PARTIAL", "DEGRADED")),
        "app/d.py": enum.format(name="Degradation", members=members("NORMAL", "MINIMAL", "REDUCED", "EMERGENCY")),
    }, "SSOT006")
    assert [(v["path"], v["details"]["canonical_path"]) for v in _findings(result, "SSOT006")] == [("app/b.py", "app/a.py")]


def test_a_django_project_folder_is_a_source_root(make_repo, cli):
    """`portal/manage.py` beside the `portal/portal/` package: `python manage.py` puts
    `portal/` first on sys.path, so `from portal.api import Router` is `portal/portal/api.py`
    (and an app there imports its siblings by their own names). A folder that is itself a
    package does not become a root because it holds a manage.py."""
    files = {
        "portal/manage.py": "import sys\n",
        "portal/portal/__init__.py": "",
        "portal/portal/api.py": "class Router: ...\n",
        "portal/shop/__init__.py": "",
        "portal/shop/views.py": "from portal.api import Router\nfrom shop import views\n",
        "kit/__init__.py": "",
        "kit/manage.py": "",
        "kit/demo.py": "from kit.gone import X\n",
    }
    result = _check(make_repo, cli, files, "SSOT003")
    assert [(v["path"], v["line"]) for v in _findings(result, "SSOT003")] == [("kit/demo.py", 1)]


def test_a_django_project_folder_that_is_a_package_is_a_root_when_the_code_says_so(make_repo, cli):
    """jumpserver's ``apps/`` holds ``manage.py`` and an ``__init__.py``, and its apps
    import each other by their own names (``from accounts.const import SSHKeyStrategy``),
    never through ``apps``: ``python manage.py`` puts ``apps/`` first on sys.path, so those
    imports are read there (a name the module lacks is broken; the class imported by name
    is the one its duplicate is told to import)."""
    files = {
        "apps/__init__.py": "",
        "apps/manage.py": "import os\n\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'jumpserver.settings')\n",
        # A package's `manage` command module (designate's `cmd/manage.py`) is no Django script.
        "svc/__init__.py": "", "svc/cmd/__init__.py": "", "svc/cmd/manage.py": "import sys\n",
        "svc/cmd/api.py": "from svc.cmd import manage\nfrom svc.gone import X\n",
        "apps/accounts/__init__.py": "",
        "apps/accounts/const.py": "class SSHKeyStrategy:\n    add = 'add'\n    set = 'set'\n    set_jms = 'set_jms'\n",
        "apps/accounts/models.py": "from accounts.const import SSHKeyStrategy\n",
        "apps/ops/__init__.py": "",
        "apps/ops/const.py": "class SSHKeyStrategy:\n    add = 'add'\n    set = 'set'\n    set_jms = 'set_jms'\n",
        "apps/ops/tasks.py": "from ops.const import Missing\n",
    }
    result = _check(make_repo, cli, files, "SSOT001,SSOT003")
    assert [(v["path"], v["line"]) for v in _findings(result, "SSOT003")] == [("apps/ops/tasks.py", 1), ("svc/cmd/api.py", 2)]
    [dup] = _findings(result, "SSOT001")
    assert (dup["path"], dup["details"]["canonical"]) == ("apps/ops/const.py", "accounts.const.SSHKeyStrategy"), dup["message"]


def test_a_packaging_folder_with_a_stray_init_is_a_root_when_the_code_says_so(make_repo, cli):
    """tracim's ``backend/`` holds ``setup.py`` (``find_packages()``), the
    ``tracim_backend`` package and an empty ``__init__.py``; its code imports
    ``tracim_backend.lib``, never ``backend.tracim_backend.lib``. The folder is installed on
    its own, so those imports resolve there (a missing name is broken, an existing one is
    not), and the graph they make directs the advice. A packaging folder whose code does
    import it through the outer package stays part of the repository's namespace."""
    setup = "from setuptools import setup, find_packages\n\nsetup(name='{name}', packages=find_packages())\n"
    context = "class Context:\n    def load(self):\n        return self.read()\n\n    def read(self):\n        return 1\n"
    files = {
        "backend/__init__.py": "",
        "backend/setup.py": setup.format(name="tracim-backend"),
        "backend/tracim_backend/__init__.py": "",
        "backend/tracim_backend/lib/__init__.py": "",
        "backend/tracim_backend/lib/core.py": context,
        "backend/tracim_backend/lib/api.py": "from tracim_backend.lib.core import Context, Gone\n",
        "backend/tracim_backend/command/__init__.py": "",
        "backend/tracim_backend/command/db.py": "from tracim_backend.lib import api\n\n\n" + context,
        # Imported through the outer package: no root of its own.
        "tools/__init__.py": "",
        "tools/setup.py": setup.format(name="tools"),
        "tools/kit/__init__.py": "",
        "tools/kit/run.py": "from tools.kit import helpers\n",
        "tools/kit/helpers.py": "X = 1\n",
    }
    result = _check(make_repo, cli, files, "SSOT001,SSOT003")
    assert [(v["path"], v["line"]) for v in _findings(result, "SSOT003")] == [("backend/tracim_backend/lib/api.py", 1)]
    assert "Gone" in _findings(result, "SSOT003")[0]["message"]
    [dup] = _findings(result, "SSOT001")
    assert (dup["path"], dup["details"]["canonical"]) == (
        "backend/tracim_backend/command/db.py", "tracim_backend.lib.core.Context"
    ), dup["message"]


def test_a_folder_the_django_settings_put_on_sys_path_is_a_root(make_repo, cli):
    """UK-Polling-Stations' settings put ``polling_stations/apps`` first on ``sys.path``
    through a helper (``sys.path.insert(0, root("apps"))``), and its apps import each other
    by their own names (``from data_importers.base import X``): Django imports the settings
    before any application, so a name those packages lack is a broken import, not a
    third-party one. A folder the settings insert whose packages the code imports through
    the outer package stays part of it."""
    settings = (
        "import os\nimport sys\n\n\ndef here(*x):\n    return os.path.join(os.path.abspath(os.path.dirname(__file__)), *x)\n\n\n"
        "PROJECT_ROOT = here('..')\n\n\ndef root(*x):\n    return os.path.join(os.path.abspath(PROJECT_ROOT), *x)\n\n\n"
        "sys.path.insert(0, root('apps'))\nsys.path.insert(0, root('lib'))\n\n"
        "INSTALLED_APPS = ['django.contrib.admin', 'importers', 'councils']\n"
    )
    files = {
        "manage.py": "import os\n\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'site_app.settings.base')\n",
        "site_app/__init__.py": "",
        "site_app/settings/__init__.py": "",
        "site_app/settings/base.py": settings,
        "site_app/apps/__init__.py": "",
        "site_app/apps/importers/__init__.py": "",
        "site_app/apps/importers/base.py": "class BaseImporter:\n    pass\n",
        "site_app/apps/importers/commands/__init__.py": "from importers.base import BaseImporter\n",
        "site_app/apps/importers/commands/import_a.py": "from importers.commands import BaseImporter\n",
        "site_app/apps/importers/commands/import_b.py": "from importers.commands import BaseRemovedImporter\n",
        "site_app/apps/councils/__init__.py": "",
        "site_app/apps/councils/models.py": "from importers.base import BaseImporter\n",
        # Imported through the outer package only: no root of its own.
        "site_app/lib/__init__.py": "",
        "site_app/lib/util.py": "X = 1\n",
        "site_app/views.py": "from site_app.lib.util import X\n",
    }
    result = _check(make_repo, cli, files, "SSOT003")
    assert [(v["path"], v["line"]) for v in _findings(result, "SSOT003")] == [
        ("site_app/apps/importers/commands/import_b.py", 1)
    ]


def test_a_folder_named_like_no_identifier_is_the_basedir_of_the_test_packages_in_it(make_repo, cli):
    """pytest's package walk stops at a folder whose name is no identifier, ``__init__.py``
    or not: aws-parallelcluster's ``tests/integration-tests/`` is the folder it puts on
    ``sys.path`` for its ``benchmarks/`` tests, so their ``from tests.common.assertions
    import x`` reads ``integration-tests/tests/``, not another project's ``tests``."""
    files = {
        "cli/setup.py": "from setuptools import setup\n\nsetup(name='cli', packages=['cli_pkg'])\n",
        "cli/cli_pkg/__init__.py": "",
        "cli/tests/__init__.py": "",
        "cli/tests/test_cli.py": "import cli_pkg\n\n\ndef test_it():\n    assert cli_pkg\n",
        "tests/integration-tests/__init__.py": "",
        "tests/integration-tests/conftest.py": "",
        "tests/integration-tests/tests/__init__.py": "",
        "tests/integration-tests/tests/common/__init__.py": "",
        "tests/integration-tests/tests/common/assertions.py": "def no_errors(logs):\n    assert not logs\n",
        "tests/integration-tests/benchmarks/__init__.py": "",
        "tests/integration-tests/benchmarks/test_scaling.py": (
            "from tests.common.assertions import no_errors\nfrom tests.common.assertions import gone\n\n\n"
            "def test_scaling():\n    no_errors([])\n"
        ),
    }
    result = _check(make_repo, cli, files, "SSOT003")
    assert [(v["path"], v["line"]) for v in _findings(result, "SSOT003")] == [
        ("tests/integration-tests/benchmarks/test_scaling.py", 2)
    ]


def test_advice_never_names_a_namesake_that_lacks_what_the_file_reads(make_repo, cli):
    """tasking-manager's tests import the removed ``MappingLevel`` enum and read
    ``MappingLevel.BEGINNER.value``: the model class of that name (built on a base outside
    the project, which may give it any attribute but does not make it an enum) is no advice.
    ibllib's examples read ``spikeglx.Reader`` off ``from ibllib.io import spikeglx``, a
    module that left for the ``spikeglx`` library: the project's own ``spikeglx`` module,
    which has no ``Reader``, is no advice, and the library the project imports is named."""
    files = {
        "app/__init__.py": "",
        "app/statuses.py": "import enum\n\n\nclass TaskStatus(enum.Enum):\n    READY = 0\n",
        "app/levels.py": "from sqlalchemy.orm import declarative_base\n\nBase = declarative_base()\n\n\n"
        "class MappingLevel(Base):\n    __tablename__ = 'levels'\n",
        "app/io/__init__.py": "",
        "app/io/reader.py": "import spikeglx\n\n\ndef load(path):\n    return spikeglx.Reader(path)\n",
        "app/plots/__init__.py": "",
        "app/plots/spikeglx.py": "def extract_waveforms(path):\n    return []\n",
        "examples/actions.py": "from app.statuses import MappingLevel\n\n\ndef level(user):\n"
        "    user.level = MappingLevel.BEGINNER.value\n",
        "examples/download.py": "from app.io import spikeglx\n\nreader = spikeglx.Reader('x.bin')\n",
    }
    result = _check(make_repo, cli, files, "SSOT003")
    messages = {v["path"]: v["message"] for v in _findings(result, "SSOT003")}
    assert messages["examples/actions.py"].endswith(
        "; the class MappingLevel of app.levels is no enum, and this file reads MappingLevel.BEGINNER.value off "
        "it as off an enum member's: another thing of that name, no advice"
    ), messages["examples/actions.py"]
    assert messages["examples/download.py"].endswith(
        "; app.io has no module or name 'spikeglx', but the project imports a module of that name from outside it "
        "(`import spikeglx` in app/io/reader.py): that may be what is meant"
    ), messages["examples/download.py"]


def test_a_function_defined_only_when_its_module_runs_as_a_script_is_no_advice(make_repo, cli):
    """dials' ``util/mp.py`` defines ``func`` only under ``if __name__ == "__main__":``:
    importing it from there fails as the broken import does, so the advice does not name
    it; a function defined at module level as well is still advised."""
    files = {
        "app/__init__.py": "",
        "app/mp.py": "def run():\n    return 1\n\n\nif __name__ == '__main__':\n\n    def func(x):\n        return x\n\n"
        "    def helper(x):\n        return x\n",
        "app/tools.py": "def helper(x):\n    return x\n",
        "app/cluster.py": "def go():\n    from app.cluster_func_test import func\n    from app.gone import helper\n"
        "    return func, helper\n",
    }
    result = _check(make_repo, cli, files, "SSOT003")
    messages = [v["message"] for v in _findings(result, "SSOT003")]
    assert messages == [
        "`from app.cluster_func_test import func`: package app has no module 'cluster_func_test'",
        "`from app.gone import helper`: package app has no module 'gone'; helper is defined in app.tools, a module of "
        "another name: check that it is the same thing before importing it from there",
    ], messages


def test_a_program_other_modules_import_is_a_module_too(make_repo, cli):
    """pyNastran's ``op2/test/op2_test.py``: run as a tool, and imported by other tests for
    its helpers; a broken import of one of them is pointed at it."""
    files = {
        "app/__init__.py": "",
        "app/op2/__init__.py": "",
        "app/op2/cli/__init__.py": "",
        "app/op2/cli/run_op2.py": "def get_all_files(folder):\n    return [folder]\n\n\n"
        "if __name__ == '__main__':\n    get_all_files('.')\n",
        "app/gui/__init__.py": "",
        "app/gui/viewer.py": "from app.op2.cli.run_op2 import get_all_files\n",
        "app/bdf/__init__.py": "",
        "app/bdf/helpers.py": "def read_deck(path):\n    return path\n",
        "app/bdf/loader.py": "from app.bdf.helpers import get_all_files\n",
        # the bdf package reads op2's results elsewhere: a package it builds on
        "app/bdf/results.py": "from app.op2 import cli\n",
    }
    result = _check(make_repo, cli, files, "SSOT003")
    [finding] = _findings(result, "SSOT003")
    assert finding["message"].endswith(
        "; it is defined in app.op2.cli.run_op2, outside the package it was imported from: if that is the one meant, "
        "import it from there"
    ), finding["message"]


def test_a_program_of_its_own_in_another_folder_is_no_module_to_import_from(make_repo, cli):
    """lear's example runner imports ``run``, a method its service never had at module
    level; the only module-level ``run`` is a job's script (a shebang, a ``__main__``
    block) in another folder: no module to import it from, and the hint says why."""
    files = {
        "app/__init__.py": "",
        "app/service.py": "class QueueServiceManager:\n    def run(self):\n        return 1\n",
        "app/runner.py": "from app.service import run\n",
        "jobs/refresh/extract.py": "#!/usr/bin/env python3\n\n\ndef run(cfg):\n    return cfg\n\n\n"
        "if __name__ == '__main__':\n    run(None)\n",
    }
    result = _check(make_repo, cli, files, "SSOT003")
    [finding] = _findings(result, "SSOT003")
    assert finding["message"].endswith(
        "; it is defined only in jobs/refresh/extract.py, a program of its own (a `__main__` block or a shebang), "
        "not a module to import it from"
    ), finding["message"]
    assert finding.get("fix") is None


def test_a_nested_project_whose_packaging_finds_none_of_its_code_is_parked(make_repo, cli):
    """emmet's ``emmet-builders-legacy/`` builds ``include = ["emmet.builders"]``, but its
    code moved to ``emmet/builders-legacy/``, a name no import can spell: nothing installs
    or imports it, and its tests target a layout that is gone. Not analysed, as a retired
    folder is; a project whose packaging finds its code is."""
    find = '[project]\nname = "{name}"\n\n[tool.setuptools.packages.find]\nwhere = ["."]\ninclude = ["app.{package}"]\n'
    files = {
        "app-builders/pyproject.toml": find.format(name="app-builders", package="builders"),
        "app-builders/app/builders/__init__.py": "",
        "app-builders/app/builders/core.py": "X = 1\n",
        "app-builders/tests/test_core.py": "from app.builders.core import X, Gone\n\n\ndef test_x():\n    assert X\n",
        "app-builders-legacy/pyproject.toml": find.format(name="app-builders", package="builders"),
        "app-builders-legacy/app/builders-legacy/__init__.py": "",
        "app-builders-legacy/app/builders-legacy/materials.py": "from app.builders.gone import Old\n",
        "app-builders-legacy/tests/test_molecules.py": "from app.builders.molecules import MoleculesBuilder\n\n\n"
        "def test_m():\n    assert MoleculesBuilder\n",
    }
    result = _check(make_repo, cli, files, "SSOT003")
    assert [(v["path"], v["line"]) for v in _findings(result, "SSOT003")] == [("app-builders/tests/test_core.py", 1)]


def test_a_subpackage_that_is_its_own_project_is_not_parked(make_repo, cli):
    """taipy's ``taipy/gui/pyproject.toml`` includes ``taipy.gui``: its release builds the
    folder from a staged copy, and the code imports it as ``taipy.gui``. It was parked (its
    search finds no ``taipy/gui/taipy/gui``), and every import of it read as broken; the
    folder is the package the pattern names, and its own broken import is reported."""
    files = {
        "pyproject.toml": '[project]\nname = "app"\n',
        "app/__init__.py": "",
        "app/run.py": "from app.gui import Gui\nfrom app.gui.page import Page\n",
        "app/gui/pyproject.toml": '[project]\nname = "app-gui"\n\n[tool.setuptools.packages]\n'
        'find = {include = ["app", "app.gui", "app.gui.*"]}\n',
        "app/gui/__init__.py": "from .gui import Gui\n",
        "app/gui/gui.py": "class Gui: ...\n",
        "app/gui/page.py": "from app.gui.gone import Missing\nclass Page: ...\n",
    }
    result = _check(make_repo, cli, files, "SSOT003")
    assert [(v["path"], v["line"]) for v in _findings(result, "SSOT003")] == [("app/gui/page.py", 1)]


def test_a_setuptools_table_nothing_reads_parks_nothing(make_repo, cli):
    """agent-framework's uv workspace root (``python/pyproject.toml``, built by flit) keeps
    a ``[tool.setuptools.packages.find]`` that would find no package, and its members each
    have packaging of their own: the whole tree was parked and 11 of 1,151 files analysed.
    A table another backend never reads says nothing, and a workspace member's files are
    its own project's, not the root's; a broken import in each is reported."""
    find = '[tool.setuptools.packages.find]\nwhere = ["packages"]\ninclude = ["app_fw**"]\n'
    files = {
        # another backend builds it: the table is dead
        "flit/pyproject.toml": '[project]\nname = "flitted"\n\n' + find
        + '\n[build-system]\nrequires = ["flit-core"]\nbuild-backend = "flit_core.buildapi"\n',
        "flit/flitted/__init__.py": "",
        "flit/flitted/core.py": "from flitted.gone import Missing\n",
        # setuptools would find nothing, but each member builds its own files
        "ws/pyproject.toml": '[project]\nname = "ws"\n\n' + find,
        "ws/packages/core/pyproject.toml": '[project]\nname = "ws-core"\n',
        "ws/packages/core/app_core/__init__.py": "",
        "ws/packages/core/app_core/run.py": "from app_core.gone import Missing\n",
    }
    result = _check(make_repo, cli, files, "SSOT003")
    assert sorted(v["path"] for v in _findings(result, "SSOT003")) == ["flit/flitted/core.py", "ws/packages/core/app_core/run.py"]


def test_a_packages_tasks_module_is_product_code_when_choosing_the_copy_to_keep(make_repo, cli):
    """emmet's ``emmet.core.tasks`` (task documents, imported across the package) is the
    package's own module, not invoke's developer ``tasks.py``: its ``CustodianDoc``, which
    a module imports, is the copy to keep, not the unimported one first by path."""
    doc = "from pydantic import BaseModel\n\n\nclass CustodianDoc(BaseModel):\n    corrections: list = []\n    job: dict = {}\n"
    files = {
        "app/__init__.py": "",
        "app/core/__init__.py": "",
        "app/core/qc_tasks.py": doc,
        "app/core/tasks.py": doc,
        "app/core/neb.py": "from app.core.tasks import (\n    CustodianDoc,\n)\n\n\nclass Neb:\n    custodian: CustodianDoc\n",
    }
    result = _check(make_repo, cli, files, "SSOT001")
    [finding] = _findings(result, "SSOT001")
    assert (finding["path"], finding["details"]["canonical"]) == ("app/core/qc_tasks.py", "app.core.tasks.CustodianDoc"), finding["message"]


def test_records_built_of_their_own_modules_unlike_parts_are_no_copies(make_repo, cli):
    """emmet's OpenMM and Q-Chem ``Calculation`` records share their field names, but each
    types ``input`` and ``output`` with its own module's ``CalculationInput`` and
    ``CalculationOutput``, which have no field in common: two records, not one copied. The
    same parts written alike make the records copies again."""
    record = (
        "from pydantic import BaseModel\n\n\nclass CalculationInput(BaseModel):\n{input}\n\n"
        "class Calculation(BaseModel):\n    dir_name: str\n    input: CalculationInput\n    task_name: str\n"
    )
    files = {
        "app/__init__.py": "",
        "app/openmm/__init__.py": "",
        "app/openmm/tasks.py": record.format(input="    n_steps: int\n    temperature: float\n"),
        "app/qchem/__init__.py": "",
        "app/qchem/calculation.py": record.format(input="    charge: int\n    spin_multiplicity: int\n"),
    }
    assert _findings(_check(make_repo, cli, files, "SSOT001"), "SSOT001") == []
    files["app/qchem/calculation.py"] = record.format(input="    n_steps: int\n    temperature: float\n")
    root = make_repo(files, name="alike")
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT001")
    assert {v["message"].partition(" is also")[0] for v in _findings(result, "SSOT001")} >= {"class Calculation"}


def test_copies_told_to_meet_in_a_shared_module_say_how_they_differ(make_repo, cli):
    """agent-framework's two sandbox providers, each a distribution on the core, each keep a
    ``FileMount``; monty's has two more fields. Moving the class where both can import it
    still leaves two shapes to make one: the message says which members differ."""
    mount = "from typing import NamedTuple\n\n\nclass FileMount(NamedTuple):\n    host_path: str\n    mount_path: str\n"
    files = {
        "packages/core/pyproject.toml": '[project]\nname = "fw-core"\n',
        "packages/core/fw_core/__init__.py": "X = 1\n",
        "packages/hyper/pyproject.toml": '[project]\nname = "fw-hyper"\ndependencies = ["fw-core"]\n',
        "packages/hyper/fw_hyper/__init__.py": "import fw_core\n\nfrom fw_hyper._types import FileMount\n",
        "packages/hyper/fw_hyper/_types.py": mount,
        "packages/monty/pyproject.toml": '[project]\nname = "fw-monty"\ndependencies = ["fw-core"]\n',
        "packages/monty/fw_monty/__init__.py": "import fw_core\n\nfrom fw_monty._types import FileMount\n",
        "packages/monty/fw_monty/_types.py": mount + "    mode: str = 'overlay'\n    write_bytes_limit: int = 0\n",
        "packages/monty/fw_monty/run.py": "from fw_monty._types import FileMount\n",
    }
    result = _check(make_repo, cli, files, "SSOT001")
    [finding] = _findings(result, "SSOT001")
    assert finding["path"] == "packages/hyper/fw_hyper/_types.py", finding["message"]
    assert "keep one definition, in a module both can import" in finding["message"], finding["message"]
    assert "the two differ (only there: mode, write_bytes_limit): make them one class there" in finding["message"]


def test_an_examples_model_copied_into_a_benchmark_is_neither_ones_to_import(make_repo, cli):
    """dgl's pinsage example (a folder of scripts on the product) and the speed benchmark
    that copied its model: neither is the product's, and neither is a module the other
    should import from, so the copy is not reported. The same model copied into the product
    is."""
    model = (
        "class PinSAGEModel:\n    layers = 2\n    hidden = 64\n\n    def forward(self, x):\n        return x * self.layers\n\n"
        "    def score(self, x):\n        return self.forward(x) + self.hidden\n"
    )
    files = {
        "python/setup.py": "from setuptools import find_packages, setup\n\nsetup(name='gl', packages=find_packages())\n",
        "python/gl/__init__.py": "",
        "python/gl/nn.py": "X = 1\n",
        "examples/pinsage/layers.py": "import gl\nimport gl.nn as glnn\n\n\n" + model,
        "benchmarks/benchmarks/__init__.py": "",
        "benchmarks/benchmarks/utils.py": "X = 1\n",
        "benchmarks/benchmarks/model_speed/__init__.py": "",
        "benchmarks/benchmarks/model_speed/bench_pinsage.py": "import gl\n\nfrom .. import utils\n\n\n" + model,
    }
    assert _findings(_check(make_repo, cli, files, "SSOT001"), "SSOT001") == []
    files["python/gl/models.py"] = model
    files["python/gl/use.py"] = "from gl.models import PinSAGEModel\n"
    root = make_repo(files, name="with_product")
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT001")
    found = _findings(result, "SSOT001")
    assert found and all(v["details"]["canonical"] == "gl.models.PinSAGEModel" for v in found), found


def test_an_example_copying_a_class_of_the_packages_scripts_is_told_to_import_it(make_repo, cli):
    """lerobot's ``examples/backward_compatibility/replay.py`` copies ``ReplayConfig`` from
    ``lerobot.scripts.lerobot_replay``, a module of the installed package (its folder is
    named ``scripts``, but it is no benchmark or tool of the repository): reported."""
    config = "from dataclasses import dataclass\n\n\n@dataclass\nclass ReplayConfig:\n    robot: str = ''\n    dataset: str = ''\n    play_sounds: bool = True\n"
    files = {
        "pyproject.toml": '[project]\nname = "lr"\n\n[tool.setuptools.packages.find]\nwhere = ["src"]\n',
        "src/lr/__init__.py": "",
        "src/lr/scripts/__init__.py": "",
        "src/lr/scripts/lr_replay.py": config + "\n\ndef main(cfg: ReplayConfig):\n    return cfg\n",
        "src/lr/robots.py": "from lr.scripts.lr_replay import ReplayConfig\n",
        "examples/backward_compatibility/replay.py": "import lr.robots\n\n" + config,
    }
    found = _findings(_check(make_repo, cli, files, "SSOT001"), "SSOT001")
    assert [(v["path"], v["details"]["canonical"]) for v in found] == [
        ("examples/backward_compatibility/replay.py", "lr.scripts.lr_replay.ReplayConfig")
    ], found
