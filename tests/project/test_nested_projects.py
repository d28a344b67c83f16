"""Nested projects: folders of a repository that each build their own distribution.

buildbot keeps ``master/`` and ``worker/``, each with its own ``setup.py`` and its package
right inside (``master/buildbot/``). Each is installed on its own, so its code imports
``buildbot.steps``, never ``master.buildbot.steps``: such a folder is a source root, or
every first-party import looks third-party (cycles and broken imports go unseen) and
advice names modules nobody can import. Unless the code itself says otherwise: a folder
whose modules the code imports by the outer name, or whose package names another root's
package, stays part of the repository's namespace.
"""

from __future__ import annotations

import pytest

SETUP_PY = "from setuptools import setup\n\nsetup(name='x')\n"
PROJECT = '[project]\nname = "x"\n'


def _check(cli, root):
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--verbose")
    return result, result.json()["violations"]


def _messages(violations, rule):
    return sorted((v["path"], v["line"], v["message"]) for v in violations if v["rule"] == rule)


def test_nested_distributions_are_source_roots(make_repo, cli):
    root = make_repo({
        "pyproject.toml": "[tool.ruff]\nline-length = 100\n",
        "master/setup.py": SETUP_PY,
        # setuptools-scm writes buildbot/_version.py at build time (git-ignored): it exists.
        "master/pyproject.toml": '[build-system]\nrequires = ["setuptools"]\n\n[tool.setuptools_scm]\nversion_file = "buildbot/_version.py"\n',
        "master/buildbot/__init__.py": "from buildbot._version import version\n",
        "master/buildbot/steps.py": "from buildbot.util import helper\n\n\ndef run():\n    return helper\n",
        "master/buildbot/util.py": "from buildbot.steps import run\n\nhelper = run\n",
        "master/buildbot/gone.py": "from buildbot.util import Missing\n",
        # A `tests` package in the root and in a project: ambiguous for tests only.
        "tests/__init__.py": "",
        "master/tests/__init__.py": "",
        "worker/setup.py": SETUP_PY,
        "worker/buildbot_worker/__init__.py": "",
        "worker/buildbot_worker/bot.py": "from buildbot_worker.base import Gone\n",
        "worker/buildbot_worker/base.py": "X = 1\n",
        # A nested project's own declared roots count too (src layout).
        "tools/plugin/pyproject.toml": PROJECT + '\n[tool.setuptools.packages.find]\nwhere = ["lib"]\n',
        "tools/plugin/lib/plugin_pkg/__init__.py": "from plugin_pkg.core import Absent\n",
        "tools/plugin/lib/plugin_pkg/core.py": "Y = 2\n",
    })
    result, violations = _check(cli, root)
    assert _messages(violations, "SSOT003") == [
        ("master/buildbot/gone.py", 1, "cannot import name 'Missing' from buildbot.util (master/buildbot/util.py); it is not defined anywhere in the project"),
        ("tools/plugin/lib/plugin_pkg/__init__.py", 1, "cannot import name 'Absent' from plugin_pkg.core (tools/plugin/lib/plugin_pkg/core.py); it is not defined anywhere in the project"),
        ("worker/buildbot_worker/bot.py", 1, "cannot import name 'Gone' from buildbot_worker.base (worker/buildbot_worker/base.py); it is not defined anywhere in the project"),
    ], result.err
    cycles = [v["message"] for v in violations if v["rule"] == "SSOT002"]
    assert len(cycles) == 1 and "buildbot.steps -> buildbot.util -> buildbot.steps" in cycles[0], cycles


@pytest.mark.parametrize("parent", ["services", "src"])
def test_a_folder_imported_by_its_outer_name_stays_in_the_namespace(make_repo, cli, parent):
    # A service with its own pyproject.toml, but the repository's code imports it through
    # the folder's path (the root, or src/, is on sys.path; the folder is a namespace package).
    outer = "services.auth" if parent == "services" else "auth"
    root = make_repo({
        f"{parent}/auth/pyproject.toml": PROJECT,
        f"{parent}/auth/auth_core/__init__.py": "",
        f"{parent}/auth/auth_core/tokens.py": "def issue():\n    return 1\n",
        f"{parent}/app/__init__.py": "",
        f"{parent}/app/main.py": f"from {outer}.auth_core.tokens import issue, revoke\n",
    })
    _, violations = _check(cli, root)
    assert _messages(violations, "SSOT003") == [
        (f"{parent}/app/main.py", 1, f"cannot import name 'revoke' from {outer}.auth_core.tokens ({parent}/auth/auth_core/tokens.py); it is not defined anywhere in the project"),
    ]


def test_a_script_named_setup_py_does_not_make_a_project(make_repo, cli):
    # scripts/setup.py is a developer script (no setup() call): scripts/ is no distribution.
    root = make_repo({
        "scripts/setup.py": "def main():\n    print('installing')\n\n\nif __name__ == '__main__':\n    main()\n",
        "scripts/tool.py": "def helper():\n    return 1\n",
        "app/__init__.py": "",
        "app/main.py": "from scripts.tool import Gone\n",
    })
    result, violations = _check(cli, root)
    assert _messages(violations, "SSOT003") == [
        ("app/main.py", 1, "cannot import name 'Gone' from scripts.tool (scripts/tool.py); it is not defined anywhere in the project"),
    ]
    assert "source roots" not in result.err, result.err  # not even a candidate


def test_projects_whose_packages_share_a_name_are_not_roots(make_repo, cli):
    # Two services, each with its own `app` package: one name cannot stand for both.
    root = make_repo({
        "svc_a/pyproject.toml": PROJECT,
        "svc_a/app/__init__.py": "",
        "svc_a/app/api.py": "from app.models import A\n",
        "svc_a/app/models.py": "A = 1\n",
        "svc_b/pyproject.toml": PROJECT,
        "svc_b/app/__init__.py": "",
        "svc_b/app/api.py": "from app.models import B\n",
        "svc_b/app/models.py": "B = 1\n",
    })
    # As roots, `app.models` would be svc_a's file for both, and svc_b's import "broken".
    _, violations = _check(cli, root)
    assert _messages(violations, "SSOT003") == []


def test_projects_three_folders_down_are_source_roots(make_repo, cli):
    """A uv workspace keeps its members at ``python/packages/<name>/src`` (autogen): three
    folders down, each is a distribution of its own, imported by its package's name."""
    root = make_repo({
        "python/pyproject.toml": '[tool.uv.workspace]\nmembers = ["packages/*"]\n',
        "python/packages/core/pyproject.toml": '[project]\nname = "core"\n[build-system]\nrequires = ["hatchling"]\n',
        "python/packages/core/src/core/__init__.py": "",
        "python/packages/core/src/core/a.py": "from core.b import Missing\n\nY = 1\n",
        "python/packages/agent/pyproject.toml": '[project]\nname = "agent"\n',
        "python/packages/agent/src/agent/__init__.py": "",
        "python/packages/agent/src/agent/x.py": "from core.a import Y\nfrom core.a import Z\n",
    })
    _, violations = _check(cli, root)
    assert [(p, line) for p, line, _ in _messages(violations, "SSOT003")] == [
        ("python/packages/agent/src/agent/x.py", 2),
        ("python/packages/core/src/core/a.py", 1),
    ]


def test_fixture_projects_in_the_test_tree_are_not_roots(make_repo, cli):
    """A test tree's projects are fixtures (poetry's ``tests/fixtures/<name>/``): their
    ``build.py`` is no top-level module ``build`` hiding the installed distribution."""
    root = make_repo({
        "src/app/__init__.py": "",
        "src/app/builder.py": "from build import ProjectBuilder\n",
        "tests/fixtures/simple_project/pyproject.toml": '[project]\nname = "simple"\n',
        "tests/fixtures/simple_project/build.py": "X = 1\n",
        "tests/fixture/proj/pyproject.toml": '[project]\nname = "proj"\n',
        "tests/fixture/proj/build.py": "X = 1\n",
    })
    _, violations = _check(cli, root)
    assert _messages(violations, "SSOT003") == []


def test_a_project_apart_resolves_its_own_packages(make_repo, cli):
    """agenta: ``api/`` and ``services/`` each build a distribution holding its own ``oss``
    package, and a third project holds an ``oss`` namespace folder. Neither is a root (one
    name cannot stand for both), yet each runs in its own environment, where ``oss.src`` is
    its own folder: its imports of it are judged there, and what is missing is named as
    it is missing there."""
    root = make_repo({
        "api/pyproject.toml": PROJECT,
        "api/oss/__init__.py": "",
        "api/oss/src/__init__.py": "",
        "api/oss/src/models.py": "class UserDB:\n    pass\n",
        "api/oss/src/core.py": "from oss.src.models import UserDB\nfrom oss.src.gone import Missing\nfrom oss.src.models import NoSuch\n",
        "api/migrations/0001_initial.py": "from oss.src.models import UserDB\n",
        "services/pyproject.toml": PROJECT,
        "services/oss/__init__.py": "",
        "services/oss/src/__init__.py": "",
        "services/oss/src/chat.py": "from oss.src.completion import run\n",
        "services/oss/src/completion.py": "def run():\n    return 1\n",
        "sdks/python/pyproject.toml": PROJECT,
        "sdks/python/oss/tests/conftest.py": "X = 1\n",
        "sdks/python/agenta/__init__.py": "",
        "sdks/python/agenta/sdk.py": "from agenta import __name__ as n\n",
    })
    _, violations = _check(cli, root)
    assert _messages(violations, "SSOT003") == [
        ("api/oss/src/core.py", 2, "`from oss.src.gone import Missing`: package oss.src (api/oss/src/) has no module 'gone'"),
        ("api/oss/src/core.py", 3, "cannot import name 'NoSuch' from oss.src.models (api/oss/src/models.py); it is not defined anywhere in the project"),
    ]


def test_history_follows_a_project_apart(make_repo, cli):
    """A commit that changes only a module of a project apart changes what its own
    imports of it find: the last point of ``score --history`` is ``score``'s."""
    from conftest import git, write_files

    root = make_repo({
        "api/pyproject.toml": PROJECT,
        "api/oss/__init__.py": "",
        "api/oss/src/__init__.py": "",
        "api/oss/src/models.py": "class UserDB:\n    pass\n",
        "api/oss/src/core.py": "from oss.src.models import UserDB, Later\n",
        "services/pyproject.toml": PROJECT,
        "services/oss/__init__.py": "",
        "services/oss/src/__init__.py": "",
        "services/oss/src/chat.py": "X = 1\n",
        "sdks/python/pyproject.toml": PROJECT,
        "sdks/python/oss/tests/conftest.py": "X = 1\n",
    }, git_init=True)
    write_files(root, {"api/oss/src/models.py": "class UserDB:\n    pass\n\n\nLater = 1\n"})
    git(root, "commit", "-q", "-am", "define Later")
    score = cli("score", str(root), "--format", "json", "--no-cache").json()["overall"]
    points = cli("score", str(root), "--history", "--format", "json", "--no-cache").json()["commits"]
    assert points[-1]["overall"] == score
    assert points[0]["overall"] != score  # the first commit's import was broken


def test_a_distribution_folder_apart_is_no_namespace_package(make_repo, cli):
    """toga: ``android/`` and ``cocoa/`` each build a backend's distribution from ``src/``
    and hold a ``tests_backend`` package of the same name, so neither folder is a root. The
    folder ``android/`` is still no namespace package of the repository: ``from
    android.widget import TextView`` there is Chaquopy's ``android`` package."""
    build = '[build-system]\nrequires = ["setuptools"]\n\n[project]\nname = "backend"\n'
    root = make_repo({
        "android/pyproject.toml": build,
        "android/src/toga_android/__init__.py": "",
        "android/src/toga_android/label.py": "from android import R\nfrom android.widget import TextView\nfrom toga_android.gone import Missing\n",
        "android/tests_backend/__init__.py": "",
        "android/tests_backend/probe.py": "X = 1\n",
        "cocoa/pyproject.toml": build,
        "cocoa/src/toga_cocoa/__init__.py": "",
        "cocoa/src/toga_cocoa/label.py": "Y = 1\n",
        "cocoa/tests_backend/__init__.py": "",
        "cocoa/tests_backend/probe.py": "X = 1\n",
    })
    _, violations = _check(cli, root)
    assert _messages(violations, "SSOT003") == [
        ("android/src/toga_android/label.py", 3, "`from toga_android.gone import Missing`: package toga_android has no module 'gone'"),
    ]


def test_a_folder_its_own_pytest_configuration_puts_on_sys_path_is_a_project(make_repo, cli):
    """A deployment unit (a guest agent shipped to another machine) holds its own ``lib``
    package, its entry script and its own ``pytest.ini`` with ``pythonpath = .`` (its CI
    runs ``cd unit; pytest``): its modules' ``from lib.common import x`` is the unit's
    ``lib``, not the repository's top ``lib`` package, and its test's ``from analyzer import
    X`` is the unit's ``analyzer.py`` module, not the ``analyzer/`` folder holding the units. What the
    unit lacks is still reported, in its terms; a folder whose pytest configuration names
    no ``pythonpath`` stays in the repository's namespace."""
    root = make_repo({
        "lib/__init__.py": "",
        "lib/cuckoo/__init__.py": "",
        "lib/cuckoo/core.py": "X = 1\n",
        "analyzer/windows/pytest.ini": "[pytest]\npythonpath = .\n",
        "analyzer/windows/analyzer.py": "from lib.common.abstracts import Package\nPROCESS_LIST = set()\n",
        "analyzer/windows/lib/__init__.py": "",
        "analyzer/windows/lib/common/__init__.py": "",
        "analyzer/windows/lib/common/abstracts.py": "class Package:\n    pass\n",
        "analyzer/windows/modules/packages/vbs.py": "from lib.common.abstracts import Package, Gone\n",
        "analyzer/windows/tests/test_analyzer.py": "from analyzer import PROCESS_LIST\n",
        "analyzer/linux/tox.ini": "[pytest]\naddopts = -q\n",
        "analyzer/linux/lib/__init__.py": "",
        "analyzer/linux/lib/common/__init__.py": "",
        "analyzer/linux/lib/common/results.py": "class Handler:\n    pass\n",
        "analyzer/linux/modules/run.py": "from lib.common.results import Handler\n",
        # A unit's relative imports, beside its own top-level `analyzer.py` module.
        "analyzer/macos/pytest.ini": "[pytest]\npythonpath = .\n",
        "analyzer/macos/analyzer.py": "X = 1\n",
        "analyzer/macos/lib/__init__.py": "",
        "analyzer/macos/dbus_next/__init__.py": "",
        "analyzer/macos/dbus_next/errors.py": "class DBusError(Exception):\n    pass\n",
        "analyzer/macos/dbus_next/message.py": "from .errors import DBusError\n",
    })
    _, violations = _check(cli, root)
    assert _messages(violations, "SSOT003") == [
        ("analyzer/linux/modules/run.py", 1, "`from lib.common.results import Handler`: package lib has no module 'common'"),
        ("analyzer/windows/modules/packages/vbs.py", 1, "cannot import name 'Gone' from lib.common.abstracts (analyzer/windows/lib/common/abstracts.py); it is not defined anywhere in the project"),
    ]


def test_the_folders_the_repositorys_tox_or_pytest_puts_on_sys_path_are_roots(make_repo, cli):
    """vdsm keeps its package in ``lib/vdsm/`` with no packaging file: tox's ``setenv =
    PYTHONPATH = {toxinidir}/lib`` puts ``lib`` on ``sys.path``, and the whole code base
    imports ``vdsm.common``. ``lib`` is a root (so the real broken import is found and the
    thousand others are not reported); so is a folder the root's pytest ``pythonpath``
    names. A package's folder on the path (``lib/vdsm/hook`` for the hooks' ``import
    hooking``) leaves its modules named by their package; an entry built from another
    variable names no folder."""
    root = make_repo({
        "tox.ini": (
            "[tox]\nenvlist = tests\n\n[base]\nsetenv =\n    PYTHONPATH = {toxinidir}/lib\n    LC_ALL = C.UTF8\n\n"
            "[testenv:hooks]\nsetenv =\n    PYTHONPATH = {toxinidir}/lib:{toxinidir}/lib/vdsm/hook:{env:HOME}/x\n"
        ),
        "pyproject.toml": '[tool.pytest.ini_options]\npythonpath = ["helpers"]\n',
        "lib/vdsm/__init__.py": "",
        "lib/vdsm/common/__init__.py": "",
        "lib/vdsm/common/units.py": "MiB = 1 << 20\n",
        "lib/vdsm/hook/__init__.py": "",
        "lib/vdsm/hook/hooking.py": "from vdsm.common.units import MiB\n",
        "lib/vdsm/storage/__init__.py": "",
        "lib/vdsm/storage/sd.py": "from vdsm.common.units import MiB, GiB\nfrom vdsm.hook import hooking\n",
        "hooks/before_vm_start.py": "import hooking\n",
        "hooks/after_vm_stop.py": "import hooking\n",
        "helpers/fixtures_lib/__init__.py": "from fixtures_lib.gone import X\n",
        "tests/sd_test.py": "from vdsm.storage import sd\nfrom fixtures_lib import X\n",
    })
    _, violations = _check(cli, root)
    assert _messages(violations, "SSOT003") == [
        ("helpers/fixtures_lib/__init__.py", 1, "`from fixtures_lib.gone import X`: package fixtures_lib has no module 'gone'"),
        ("lib/vdsm/storage/sd.py", 1, "cannot import name 'GiB' from vdsm.common.units (lib/vdsm/common/units.py); it is not defined anywhere in the project"),
    ]


def test_a_projects_own_tests_mirroring_its_package_leave_its_src_a_root(make_repo, cli):
    """spiff-arena's backend puts ``src`` and ``tests`` on ``sys.path`` (pytest's
    ``pythonpath = ["src", "tests"]``), and its tests mirror the product package
    (``tests/spiffworkflow_backend/``). ``src`` comes first, so the product package is
    ``spiffworkflow_backend``: its broken imports are found, and its copy of the shared
    library's exception is compared. Without the mirror the same holds; two services'
    product packages of one name still make both apart (above)."""
    files = {
        "common/pyproject.toml": '[project]\nname = "acme-common"\n[build-system]\nbuild-backend = "hatchling.build"\n',
        "common/src/acme_common/__init__.py": "",
        "common/src/acme_common/data_stores.py": "class DataStoreReadError(Exception):\n    pass\n",
        "backend/pyproject.toml": (
            '[project]\nname = "backend"\ndependencies = ["acme-common"]\n[tool.uv]\npackage = true\n'
            '[tool.pytest.ini_options]\npythonpath = ["src", "tests"]\n'
        ),
        "backend/src/backend_app/__init__.py": "",
        "backend/src/backend_app/crud.py": "import acme_common.data_stores\n\n\nclass DataStoreReadError(Exception):\n    pass\n",
        "backend/src/backend_app/kkv.py": "from backend_app.crud import DataStoreReadError\nfrom backend_app.gone import X\n",
        "backend/tests/__init__.py": "",
        "backend/tests/backend_app/__init__.py": "",
        "backend/tests/backend_app/test_kkv.py": "from backend_app.kkv import DataStoreReadError\n",
    }
    root = make_repo(files)
    _, violations = _check(cli, root)
    assert _messages(violations, "SSOT003") == [
        ("backend/src/backend_app/kkv.py", 2, "`from backend_app.gone import X`: package backend_app has no module 'gone'"),
    ]
    assert [(v["rule"], v["path"]) for v in violations if v["rule"] == "SSOT001"] == [
        ("SSOT001", "backend/src/backend_app/crud.py"),
    ]


def test_projects_each_with_a_package_of_tests_named_alike_are_roots(make_repo, cli):
    """girder's plugins: each ``plugins/<name>/`` builds its own distribution beside a
    ``plugin_tests`` package of its tests. No project installs its tests, so two of them
    holding one are not two distributions of one package: the plugins are source roots, and
    the server's ``from girder_jobs.constants import JobStatus`` is the plugin's module."""
    root = make_repo({
        "plugins/jobs/setup.py": SETUP_PY,
        "plugins/jobs/girder_jobs/__init__.py": "",
        "plugins/jobs/girder_jobs/constants.py": "class JobStatus:\n    QUEUED = 0\n",
        "plugins/jobs/plugin_tests/__init__.py": "",
        "plugins/jobs/plugin_tests/jobs_test.py": "from girder_jobs.constants import JobStatus\n",
        "plugins/thumbnails/setup.py": SETUP_PY,
        "plugins/thumbnails/girder_thumbnails/__init__.py": "from girder_jobs.constants import JobStatus, Gone\n",
        "plugins/thumbnails/plugin_tests/__init__.py": "",
        "plugins/thumbnails/plugin_tests/thumbnail_test.py": "from girder_thumbnails import JobStatus\n",
    })
    _, violations = _check(cli, root)
    assert _messages(violations, "SSOT003") == [
        ("plugins/thumbnails/girder_thumbnails/__init__.py", 1,
         "cannot import name 'Gone' from girder_jobs.constants (plugins/jobs/girder_jobs/constants.py); it is not defined anywhere in the project"),
    ]
