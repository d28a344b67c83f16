"""A top-level package that several projects of a monorepo each hold (``libs/a/tests/``,
``libs/b/tests/``): an import in one project resolves in its own project first (its root
is first on ``sys.path`` when its tests run; a relative import never leaves its package),
not in the namesake the model happens to list first by path (langgraph's
``libs/langgraph/tests/test_remote_graph.py``: ``from tests.conftest import NO_DOCKER``)."""

from __future__ import annotations

PROJECT = '[project]\nname = "{name}"\n[build-system]\nrequires = ["hatchling"]\n'

FILES = {
    "libs/alpha/pyproject.toml": PROJECT.format(name="alpha"),
    "libs/alpha/alpha/__init__.py": "",
    "libs/alpha/tests/__init__.py": "",
    "libs/alpha/tests/conftest.py": "ALPHA = 1\n",
    "libs/alpha/tests/utils.py": "def alpha_helper(): ...\n",
    "libs/zeta/pyproject.toml": PROJECT.format(name="zeta"),
    "libs/zeta/zeta/__init__.py": "",
    "libs/zeta/tests/__init__.py": "",
    "libs/zeta/tests/conftest.py": "NO_DOCKER = True\n",
    "libs/zeta/tests/helpers/__init__.py": "",
    "libs/zeta/tests/test_remote.py": "from tests.conftest import NO_DOCKER\nfrom .conftest import NO_DOCKER as nd\n"
    "from tests import helpers\nfrom tests.conftest import ALPHA\nfrom tests.utils import alpha_helper\n"
    "from .utils import alpha_helper as h\n",
    "libs/alpha/tests/test_alpha.py": "from tests.conftest import ALPHA\nfrom tests.conftest import NO_DOCKER\n"
    "from tests import helpers\n",
}


def broken(result) -> list[tuple[str, int]]:
    return sorted((v["path"], v["line"]) for v in result.json()["violations"] if v["rule"] == "SSOT003")


def test_an_import_resolves_in_its_own_project_first(make_repo, cli):
    root = make_repo(FILES)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    assert broken(result) == [
        ("libs/alpha/tests/test_alpha.py", 2),  # zeta's conftest is not alpha's
        ("libs/alpha/tests/test_alpha.py", 3),
        ("libs/zeta/tests/test_remote.py", 4),  # alpha's names are not zeta's
        ("libs/zeta/tests/test_remote.py", 5),
        ("libs/zeta/tests/test_remote.py", 6),
    ]
    messages = {v["line"]: v["message"] for v in result.json()["violations"] if v["path"].endswith("test_remote.py")}
    assert "libs/zeta/tests/conftest.py" in messages[4]


def test_portions_of_a_namespace_package_merge(make_repo, cli):
    """``langgraph/`` without ``__init__.py`` in each project: installed together, Python
    merges the portions, so one project's module is importable from another's."""
    files = {
        **FILES,
        "libs/alpha/shared/checkpoint/__init__.py": "class Saver: ...\n",
        "libs/zeta/shared/graph.py": "from shared.checkpoint import Saver\nfrom shared import checkpoint\n"
        "from shared.gone import X\n",
    }
    root = make_repo(files)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    assert [b for b in broken(result) if b[0].startswith("libs/zeta/shared")] == [("libs/zeta/shared/graph.py", 3)]


# sagemaker-python-sdk: four projects, each building ``src/sagemaker/``, whose regular
# ``__init__.py`` extends its ``__path__`` (``pkgutil.extend_path``): one package made of
# every portion, installed together.
EXTENDED = "__path__ = __import__('pkgutil').extend_path(__path__, __name__)\n"
PORTIONS = {
    "core/pyproject.toml": PROJECT.format(name="sm-core"),
    "core/src/sm/__init__.py": EXTENDED,
    "core/src/sm/core/__init__.py": "",
    "core/src/sm/core/session.py": "class Session: ...\n",
    "train/pyproject.toml": PROJECT.format(name="sm-train"),
    "train/src/sm/__init__.py": EXTENDED,
    "train/src/sm/train/__init__.py": "",
    "train/src/sm/train/job.py": "from sm.core.session import Session\nfrom sm.core import session\nfrom sm.core.gone import X\n",
}


def test_portions_whose_init_extends_the_path_merge(make_repo, cli):
    root = make_repo(PORTIONS)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    violations = result.json()["violations"]
    assert broken(result) == [("train/src/sm/train/job.py", 3)]
    # Named as installed: the module of the package, not of a ``src`` folder.
    assert "sm.core" in next(v["message"] for v in violations if v["rule"] == "SSOT003")



def test_a_part_installed_into_a_package_of_another_project_merges(make_repo, cli):
    """vaex: ``packages/vaex-ui`` builds ``vaex.ui`` from ``vaex/ui/`` with no
    ``vaex/__init__.py`` of its own: installed into vaex-core's ``vaex/`` folder, so vaex-core's
    code imports ``vaex.ui``. A module neither project holds is still reported."""
    files = {
        "packages/core/pyproject.toml": PROJECT.format(name="vx-core"),
        "packages/core/vx/__init__.py": "",
        "packages/core/vx/frame.py": "class Frame: ...\n",
        "packages/core/vx/viewer.py": "from vx.ui import main\nimport vx.ui.main\nfrom vx.gone import x\n",
        "packages/ui/pyproject.toml": PROJECT.format(name="vx-ui"),
        "packages/ui/vx/ui/__init__.py": "",
        "packages/ui/vx/ui/main.py": "from vx.frame import Frame\n",
    }
    root = make_repo(files)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    assert broken(result) == [("packages/core/vx/viewer.py", 3)]


def test_a_namespace_folder_of_tests_resolves_in_its_own_project(make_repo, cli):
    """dbt-adapters: dbt-postgres's ``tests/`` has no ``__init__.py``, dbt-bigquery's is a
    regular package. Nothing installs test code, so where dbt-postgres's tests run no other
    project's ``tests`` is on the path: ``from tests.functional.utils import run_dbt`` is
    judged by dbt-postgres's own ``tests/functional/utils.py``, and a name it lacks is
    reported against that file."""
    files = {
        "dbt-bigquery/pyproject.toml": PROJECT.format(name="bigquery"),
        "dbt-bigquery/src/bq/__init__.py": "",
        "dbt-bigquery/tests/__init__.py": "",
        "dbt-bigquery/tests/functional/__init__.py": "",
        "dbt-bigquery/tests/functional/utils.py": "def bq_helper(): ...\n",
        "dbt-postgres/pyproject.toml": PROJECT.format(name="postgres"),
        "dbt-postgres/src/pg/__init__.py": "",
        "dbt-postgres/tests/functional/__init__.py": "",
        "dbt-postgres/tests/functional/utils.py": "def run_dbt(): ...\n",
        "dbt-postgres/tests/functional/test_basic.py": "from tests.functional.utils import run_dbt\n"
        "from tests.functional.utils import bq_helper\n",
    }
    root = make_repo(files)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    assert broken(result) == [("dbt-postgres/tests/functional/test_basic.py", 2)]
    (message,) = [v["message"] for v in result.json()["violations"] if v["rule"] == "SSOT003"]
    assert "dbt-postgres/tests/functional/utils.py" in message, message


def test_a_namespace_portion_of_test_code_merges_with_the_installed_portions(make_repo, cli):
    """NeMo-Agent-Toolkit: ``packages/nvidia_nat_test/src/nat/test/`` (testing utilities, test
    code by its path) is a portion of the ``nat`` namespace package that
    ``nvidia_nat_core/src/nat/`` installs production code into. Installed together, one
    ``nat``: ``from nat.data_models.memory import MemoryItem`` is found in the core's portion,
    and a name that module lacks is still reported."""
    files = {
        "packages/core/pyproject.toml": PROJECT.format(name="nat-core"),
        "packages/core/src/nat/data_models/__init__.py": "",
        "packages/core/src/nat/data_models/memory.py": "class MemoryItem: ...\n",
        "packages/testkit/pyproject.toml": PROJECT.format(name="nat-test"),
        "packages/testkit/src/nat/test/__init__.py": "",
        "packages/testkit/src/nat/test/memory.py": (
            "from nat.data_models.memory import MemoryItem\nfrom nat.data_models.memory import Missing\n"
        ),
        "examples/tests/conftest.py": "from nat.test.memory import MemoryItem\n",  # the utilities in use
    }
    result = cli("check", str(make_repo(files)), "--format", "json", "--no-cache", "--jobs", "1")
    assert broken(result) == [("packages/testkit/src/nat/test/memory.py", 2)]


def test_portions_under_a_stray_src_package_keep_their_src_roots(make_repo, cli):
    """zato's eight distributions, each ``code/zato-X/src/zato/`` extending its path, with an
    ``__init__.py`` in each ``src/`` folder too: ``zato`` is every project's own name, not
    another project's, so each ``src/`` stays a root (``zato.common.api``, not
    ``src.zato.common.api``) and an import of a module none of them has is reported."""
    setup = "from setuptools import setup, find_packages\nsetup(name='{n}', package_dir={{'': 'src'}}, packages=find_packages('src'))\n"
    extend = "from pkgutil import extend_path\n__path__ = extend_path(__path__, __name__)\n"
    files: dict[str, str] = {}
    for part in ("common", "cli"):
        files.update({
            f"code/ns-{part}/setup.py": setup.format(n=f"ns-{part}"),
            f"code/ns-{part}/src/__init__.py": "",
            f"code/ns-{part}/src/ns/__init__.py": extend,
            f"code/ns-{part}/src/ns/{part}/__init__.py": "",
        })
    files["code/ns-common/src/ns/common/api.py"] = "class Api:\n    pass\n"
    files["code/ns-cli/src/ns/cli/main.py"] = "from ns.common.api import Api\nfrom ns.common.gone import Missing\n"
    result = cli("check", str(make_repo(files)), "--format", "json", "--no-cache", "--jobs", "1")
    assert broken(result) == [("code/ns-cli/src/ns/cli/main.py", 2)]


# agno: ``libs/agno`` and ``libs/agno_infra`` each build a regular ``agno`` package, the
# core's with the agents, the add-on's with ``aws`` under an empty ``__init__.py``. Installed
# together, their files land in one ``agno/`` folder: one package.
SPLIT = {
    "libs/core/pyproject.toml": PROJECT.format(name="ag"),
    "libs/core/ag/__init__.py": "__version__ = '1'\n",
    "libs/core/ag/utils/__init__.py": "",
    "libs/core/ag/utils/log.py": "def log_info(): ...\n",
    "libs/core/ag/cloud.py": "from ag.aws.client import Client\nfrom ag.gone import X\n",
    "libs/infra/pyproject.toml": PROJECT.format(name="ag-infra"),
    "libs/infra/ag/__init__.py": "",
    "libs/infra/ag/aws/__init__.py": "",
    "libs/infra/ag/aws/client.py": "from ag.utils.log import log_info\n\n\nclass Client: ...\n",
}


def _graph_modules(cli, root) -> set[str]:
    document = cli("graph", str(root), "--format", "json", "--no-cache", "--jobs", "1").json()
    return {node["id"] for node in document["nodes"]}


def test_regular_packages_of_one_name_with_disjoint_parts_are_one_package(make_repo, cli):
    root = make_repo(SPLIT)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    assert broken(result) == [("libs/core/ag/cloud.py", 2)]
    # Named as installed, not by the folders that hold it (``libs.core.ag.cloud``).
    assert {"ag.cloud", "ag.aws.client", "ag.utils.log"} <= _graph_modules(cli, root)


def test_regular_packages_of_one_name_that_overlap_stay_apart(make_repo, cli):
    """Both projects hold ``ag/utils/``: two packages that cannot be installed together,
    each in its own environment (named apart, by their folders)."""
    files = {**SPLIT, "libs/infra/ag/utils/__init__.py": "", "libs/infra/ag/utils/other.py": "X = 1\n"}
    root = make_repo(files)
    assert "ag.cloud" not in _graph_modules(cli, root)


def test_regular_packages_of_one_name_each_set_up_stay_apart(make_repo, cli):
    """Each project's ``ag/__init__.py`` does something of its own: installed together, one
    would overwrite the other's."""
    files = {**SPLIT, "libs/infra/ag/__init__.py": "NAME = 'infra'\n"}
    root = make_repo(files)
    assert "ag.cloud" not in _graph_modules(cli, root)


SETUP = 'from setuptools import setup, find_packages\nsetup(name="{name}", packages=find_packages({args}))\n'


def test_a_fork_finds_its_own_modules_beside_namespace_portions_of_the_name(make_repo, cli):
    """unilm: two forks of one library (their ``engine`` packages clash, so each is a
    project apart) each hold a regular ``examples`` package, and two installed projects
    have namespace folders ``examples/`` of their own programs, which the model merges
    into its ``examples``. A fork's own relative import of the module beside it resolves
    in its own folder; a name that module lacks is reported against it, and so is a
    module missing from the package."""
    exclude = 'exclude=["examples", "examples.*"]'
    files = {
        "pkgs/markup/setup.py": SETUP.format(name="markup", args=""),
        "pkgs/markup/markup/__init__.py": "",
        "pkgs/markup/examples/fine_tuning/run.py": "import os\n",
        "pkgs/layout/setup.py": SETUP.format(name="layout", args=""),
        "pkgs/layout/layout/__init__.py": "",
        "pkgs/layout/examples/classification/run.py": "import os\n",
        "forks/alpha/setup.py": SETUP.format(name="engine", args=exclude),
        "forks/alpha/engine/__init__.py": "",
        "forks/alpha/engine/core.py": "X = 1\n",
        "forks/alpha/examples/__init__.py": "",
        "forks/zeta/setup.py": SETUP.format(name="engine", args=exclude),
        "forks/zeta/engine/__init__.py": "",
        "forks/zeta/engine/core.py": "X = 2\n",
        "forks/zeta/examples/__init__.py": "",
        "forks/zeta/examples/span/__init__.py": "",
        "forks/zeta/examples/span/attention.py": "class Span: ...\n",
        "forks/zeta/examples/span/model.py": "from .attention import Span\nfrom .attention import Gone\n"
        "from .missing import Thing\nfrom . import attention\n",
    }
    root = make_repo(files)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    assert broken(result) == [("forks/zeta/examples/span/model.py", 2), ("forks/zeta/examples/span/model.py", 3)]
    gone = next(v for v in result.json()["violations"] if v["line"] == 2)
    assert gone["message"].startswith("cannot import name 'Gone' from examples.span.attention (forks/zeta/examples/span/attention.py)")
