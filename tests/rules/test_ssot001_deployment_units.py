"""Copies across deployment units that cannot import each other (SSOT001, SSOT006): a
standalone client distribution that mirrors its server's schemas without requiring the
server (the server only in an optional extra), and analyzer folders each shipped from its
own ``requirements.txt`` that share no first-party code, keep their own copies; two
distributions of one namespace that never meet are told to keep one where both can import
it, never to import the other's. Copies between units that need each other, or that both
build on a shared one, are told to import."""

from __future__ import annotations

_ORG = (
    "from pydantic import BaseModel\n\n\nclass OrgRead(BaseModel):\n"
    "    id: str\n    name: str\n    slug: str\n    is_active: bool\n"
)
_STATUS = "import enum\n\n\nclass RepositoryStatus(enum.Enum):\n    SYNCED = 'synced'\n    FAILED = 'failed'\n"


def _client_and_server(requires: str) -> dict[str, str]:
    """A server distribution at the root and a CLI distribution of its own in ``packages/``
    whose one bootstrap module imports the server (an optional extra)."""
    return {
        "pyproject.toml": "[project]\nname = 'server'\ndependencies = ['pydantic']\n",
        "server/__init__.py": "",
        "server/schemas.py": _ORG,
        "server/enums.py": _STATUS,
        "server/api.py": "from server.schemas import OrgRead\nfrom server.enums import RepositoryStatus\n",
        "packages/admin-cli/pyproject.toml": (
            f"[project]\nname = 'admin-cli'\ndependencies = [{requires}]\n"
            "[project.optional-dependencies]\nbootstrap = ['server']\n"
        ),
        "packages/admin-cli/admin_cli/__init__.py": "",
        "packages/admin-cli/admin_cli/schemas.py": _ORG,
        "packages/admin-cli/admin_cli/enums.py": _STATUS,
        "packages/admin-cli/admin_cli/client.py": "from admin_cli.schemas import OrgRead\nfrom admin_cli.enums import RepositoryStatus\n",
        "packages/admin-cli/admin_cli/bootstrap.py": "from server.api import OrgRead\n",
    }


def _findings(make_repo, cli, files: dict[str, str], name: str = "repo") -> list[dict]:
    root = make_repo(files, name=name)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT001,SSOT006")
    return [v for v in result.json()["violations"] if v["rule"] in ("SSOT001", "SSOT006")]


def test_a_client_distribution_that_does_not_require_the_server_keeps_its_copy(make_repo, cli):
    assert _findings(make_repo, cli, _client_and_server("'httpx'")) == []


def test_two_distributions_of_one_namespace_that_never_meet_are_told_to_keep_one_where_both_can_import_it(
    make_repo, cli
):
    files = {
        "pyproject.toml": "[tool.ssotlint]\n",
        "exporters/json/pyproject.toml": "[project]\nname = 'acme-exporter-json'\ndependencies = ['requests']\n",
        "exporters/json/src/acme/exporter/json/__init__.py": _ORG,
        "exporters/json/src/acme/exporter/json/enums.py": _STATUS,
        "exporters/proto/pyproject.toml": "[project]\nname = 'acme-exporter-proto'\ndependencies = ['protobuf']\n",
        "exporters/proto/src/acme/exporter/proto/__init__.py": _ORG,
        "exporters/proto/src/acme/exporter/proto/enums.py": _STATUS,
        # An example may use the other distribution: the product does not.
        "exporters/json/examples/demo.py": "import acme.exporter.proto\n",
    }
    found = _findings(make_repo, cli, files)
    assert sorted(v["rule"] for v in found) == ["SSOT001", "SSOT006"]
    for v in found:
        mine = "json" if v["path"].startswith("exporters/json/") else "proto"
        theirs = "proto" if mine == "json" else "json"
        assert (
            f"keep one definition, in a module both can import: acme_exporter_{mine} and acme_exporter_{theirs} are "
            f"installed apart" in v["message"]
        )
        assert "import it from" not in v["message"] and not v.get("fix")


def test_a_client_distribution_that_requires_the_server_is_told_to_import(make_repo, cli):
    found = _findings(make_repo, cli, _client_and_server("'httpx', 'server>=1'"))
    assert sorted((v["rule"], v["path"], v["line"]) for v in found) == [
        ("SSOT001", "packages/admin-cli/admin_cli/schemas.py", 4),
        ("SSOT006", "packages/admin-cli/admin_cli/enums.py", 4),
    ]
    assert all("import it from server." in v["message"] or "import RepositoryStatus from server." in v["message"] for v in found)


_ERROR = (
    "class APIGeneralError(Exception):\n    def __init__(self, message):\n        self.message = message\n\n"
    "    def describe(self):\n        return 'API error: ' + self.message\n"
)


def _analyzers(shared: bool) -> dict[str, str]:
    """Two analyzer folders, each shipped on its own from its own requirements.txt, with
    the same error class; with ``shared``, both build on the repository's ``common``."""
    use = "from common.report import summary\n" if shared else ""
    return {
        "common/__init__.py": "",
        "common/report.py": "def summary(x):\n    return x\n",
        "analyzers/Onyphe/requirements.txt": "requests\n",
        "analyzers/Onyphe/onyphe_api.py": use + _ERROR,
        "analyzers/Onyphe/onyphe_analyzer.py": "from onyphe_api import APIGeneralError\n",
        "analyzers/ActiveScan/requirements.txt": "requests\n",
        "analyzers/ActiveScan/scan_api.py": use + _ERROR,
        "analyzers/ActiveScan/scan_analyzer.py": "from scan_api import APIGeneralError\n",
    }


def test_folders_shipped_apart_from_their_own_requirements_keep_their_copies(make_repo, cli):
    assert _findings(make_repo, cli, _analyzers(shared=False)) == []


def test_folders_that_share_first_party_code_are_still_reported(make_repo, cli):
    found = _findings(make_repo, cli, _analyzers(shared=True))
    assert len(found) == 1 and found[0]["path"].startswith("analyzers/")


def test_score_history_sees_two_units_meet_and_part():
    """Whether two units are apart reads imports of modules that define neither copy:
    ``score --history`` makes the names defined in two units again when such imports
    change, and finds at each step what ``check`` finds."""
    from dataclasses import replace

    from ssotlint.deployment_units import Unit
    from ssotlint.testing import config_from_text, rule_counts_over

    settings = replace(
        config_from_text(""), units=(Unit("", None, None), Unit("one", None, None), Unit("two", None, None))
    )
    base = {
        "one/api.py": _ERROR, "one/run.py": "from glue import Z\n", "two/api.py": _ERROR, "two/run.py": "Y = 2\n",
        "glue.py": "Z = 3\n",
    }
    steps = [
        {"glue.py": "from two.run import Y\nZ = 3\n"},  # the root now needs two, so one does through it
        {"glue.py": "Z = 3\n"},  # and no longer
    ]
    assert rule_counts_over(base, steps, settings, "SSOT001") == [0, 1, 0]


def test_score_history_sees_a_snapshot_stop_being_one():
    """A module only migrations import is their frozen snapshot (not compared); when its
    importer stops being a migration, ``score --history`` compares it again."""
    from ssotlint.rules.ssot001_duplicate_concept import _snapshot
    from ssotlint.testing import config_from_text, rule_counts_over

    settings = config_from_text("")
    # A revision outside ``versions/``: a migration by the names it assigns.
    base = {**_snapshot({}), "app/db/rev_f8c.py": _snapshot({})["app/db/alembic/versions/f8c_fix.py"]}
    del base["app/db/alembic/versions/f8c_fix.py"]
    steps = [
        {"app/db/rev_f8c.py": "from app.db.alembic.models import f8c_fix as models\n"},
        {"app/db/rev_f8c.py": base["app/db/rev_f8c.py"]},
    ]
    assert rule_counts_over(base, steps, settings, "SSOT001") == [0, 1, 0]


def test_a_developer_script_is_told_to_import_from_any_unit(make_repo, cli):
    """Tooling may import any unit of the repository, as it may any package: a script's
    copy is told to import the distribution's, whatever units say."""
    files = {
        "pyproject.toml": "[tool.ssotlint]\n",
        "exporters/json/pyproject.toml": "[project]\nname = 'acme-exporter-json'\ndependencies = ['requests']\n",
        "exporters/json/src/acme/exporter/json/__init__.py": _ORG,
        "scripts/sync/requirements.txt": "requests\n",
        "scripts/sync/tool.py": _ORG,
    }
    found = _findings(make_repo, cli, files)
    assert [(v["path"], "import it from acme.exporter.json" in v["message"]) for v in found] == [("scripts/sync/tool.py", True)]


_NOTIFIER = (
    "class Notifier:\n{mark}    def __init__(self):\n        self._waiters = []\n\n"
    "    def wait(self):\n        self._waiters.append(1)\n        return self._waiters\n\n"
    "    def notify(self, result):\n        waiters, self._waiters = self._waiters, []\n        return waiters\n"
)


def test_a_unit_s_copy_that_says_it_copies_another_unit_s_class_is_kept(make_repo, cli):
    """buildbot's worker distribution keeps ``Notifier`` with ``# this is a copy of
    buildbot.util.Notifier`` (the master's, through the package that re-exports it): the
    worker does not require the master, so it cannot import it, and says it copied it on
    purpose. Without the comment, the pair is told to keep one where both can import it."""
    def files(mark: str) -> dict[str, str]:
        return {
            "master/setup.py": "from setuptools import setup\nsetup(name='buildbot', packages=['buildbot'])\n",
            "master/buildbot/__init__.py": "",
            "master/buildbot/util/__init__.py": "from buildbot.util._notifier import Notifier\n",
            "master/buildbot/util/_notifier.py": _NOTIFIER.format(mark=""),
            "master/buildbot/use.py": "from buildbot.util import Notifier\n",
            "worker/setup.py": "from setuptools import setup\nsetup(name='buildbot-worker', packages=['buildbot_worker'])\n",
            "worker/buildbot_worker/__init__.py": "",
            "worker/buildbot_worker/util/__init__.py": "",
            "worker/buildbot_worker/util/_notifier.py": _NOTIFIER.format(mark=mark),
        }

    assert _findings(make_repo, cli, files("    # this is a copy of buildbot.util.Notifier\n\n")) == []
    [finding] = _findings(make_repo, cli, files(""), name="unmarked")
    assert finding["path"] == "worker/buildbot_worker/util/_notifier.py"
    assert "keep one definition, in a module both can import" in finding["message"]


_NOT_FOUND = "class NotFoundException(Exception):\n    def __init__(self, message: str) -> None:\n        super().__init__(message)\n"


def _services(app_requires: str = "") -> dict[str, str]:
    """Two services, each its own distribution on a shared library (amundsen's search and
    metadata on ``amundsen-common``), and maybe an application that installs both."""
    files = {
        "common/setup.py": "from setuptools import setup\nsetup(name='acme-common', packages=['acme_common'])\n",
        "common/acme_common/__init__.py": "",
        "common/acme_common/models.py": _ORG,
    }
    for service in ("search", "metadata"):
        files.update({
            f"{service}/setup.py": (
                "from setuptools import setup\n"
                f"setup(name='acme-{service}', packages=['{service}_service'], install_requires=['acme-common'])\n"
            ),
            f"{service}/{service}_service/__init__.py": "",
            f"{service}/{service}_service/exception.py": _NOT_FOUND,
            f"{service}/{service}_service/api.py": (
                f"from acme_common.models import OrgRead\nfrom {service}_service.exception import NotFoundException\n"
            ),
        })
    if app_requires:
        files.update({
            "app/setup.py": f"from setuptools import setup\nsetup(name='acme-app', install_requires=[{app_requires}])\n",
            "app/acme_app/__init__.py": "",
            "app/acme_app/main.py": "import search_service.api\nimport metadata_service.api\n",
        })
    return files


def test_two_services_on_a_shared_library_keep_their_own_exceptions(make_repo, cli):
    """No program loads both services, so what one raises the other never catches."""
    assert _findings(make_repo, cli, _services()) == []


def test_exceptions_of_two_services_one_program_loads_together_are_reported(make_repo, cli):
    found = _findings(make_repo, cli, _services("'acme-search', 'acme-metadata'"))
    assert [(v["rule"], v["path"]) for v in found] == [("SSOT001", "search/search_service/exception.py")]


def test_a_program_of_a_unit_is_not_told_to_import_another_units_copy(make_repo, cli):
    """QFieldCloud's worker (``docker-qgis/``, its own distribution and image) keeps the
    payload type the Django app (``docker-app/``, its requirements in a ``requirements/``
    folder) writes. The worker's command is a program nothing imports, but a program may
    import only what its own unit installs: it is told to keep one where both can import
    it, not to import the app's module. The app's ``requirements/`` folder makes
    ``docker-app/`` the unit."""
    payload = "from typing import TypedDict\n\n\nclass BasemapConfig(TypedDict):\n    url: str\n    name: str\n    style: str\n"
    files = {
        "pyproject.toml": '[tool.ssotlint]\nsrc = ["docker-app", "docker-qgis"]\n',
        "docker-app/Dockerfile": "FROM python:3.12\nCOPY . /app\n",
        "docker-app/requirements/requirements.txt": "django\n",
        "docker-app/qfieldcloud/__init__.py": "",
        "docker-app/qfieldcloud/seed.py": payload,
        "docker-app/qfieldcloud/views.py": "from qfieldcloud.seed import BasemapConfig\n",
        "docker-qgis/pyproject.toml": "[project]\nname = 'qfc_worker'\ndependencies = ['qgis-sdk']\n",
        "docker-qgis/qfc_worker/__init__.py": "",
        "docker-qgis/qfc_worker/create_project.py": payload + "\n\nif __name__ == '__main__':\n    print(BasemapConfig)\n",
    }
    [finding] = _findings(make_repo, cli, files)
    assert finding["path"] == "docker-qgis/qfc_worker/create_project.py"
    assert "keep one definition, in a module both can import" in finding["message"], finding["message"]
    assert finding.get("fix") is None


def test_a_folder_of_requirements_makes_its_parent_a_unit(make_repo, cli):
    """Two services, each built into its own image from the requirements files kept in its
    own ``requirements/`` folder (QFieldCloud's ``docker-app/requirements/``), importing
    no first-party code in common: each service is a unit, shipped apart, and keeps its
    own copy. The root's own ``requirements/`` folder is the root's."""
    record = "class JobStatus:\n    queued = 'queued'\n    running = 'running'\n    done = 'done'\n    failed = 'failed'\n"
    files = {
        "pyproject.toml": '[tool.ssotlint]\nsrc = ["svc_a", "svc_b"]\n',
        "requirements/requirements.txt": "pre-commit\n",
        **{
            f"svc_{s}/{name}": text
            for s in ("a", "b")
            for name, text in {
                "Dockerfile": "FROM python:3.12\nCOPY . /srv\n",
                "requirements/requirements.txt": "flask\n",
                f"app_{s}/__init__.py": "",
                f"app_{s}/jobs.py": record,
                f"app_{s}/api.py": f"from app_{s}.jobs import JobStatus\n",
            }.items()
        },
    }
    assert _findings(make_repo, cli, files) == []


def _programs(api: str, svc_docker: str) -> dict[str, str]:
    """blueking-paas: an API server and a service each with a pyproject.toml naming a
    project, neither requiring the other, with one copied client class."""
    client = (
        "class KubeClient:\n    def __init__(self, config):\n        self.config = config\n\n"
        "    def get(self, name):\n        return self.config.fetch(name)\n\n"
        "    def delete(self, name):\n        return self.config.remove(name)\n"
    )
    return {
        "apiserver/pyproject.toml": f"[project]\nname = 'apiserver'\ndependencies = ['django']\n{api}",
        "apiserver/paas/__init__.py": "",
        "apiserver/paas/kube.py": client,
        "svc-redis/pyproject.toml": "[project]\nname = 'svc_redis'\ndependencies = ['django']\n",
        "svc-redis/Dockerfile": f"FROM python:3.11\nCOPY . /app\n{svc_docker}\nCMD ['python', 'manage.py']\n",
        "svc-redis/svc_redis/__init__.py": "",
        "svc-redis/svc_redis/kube.py": client,
    }


def test_services_never_installed_as_distributions_keep_their_copies(make_repo, cli):
    """Poetry's `package-mode = false` (the API server) and an image that installs only the
    dependencies (`poetry install --no-root`): both are programs shipped apart, each with its
    own copy. Either one built and installed as a distribution is told to share it."""
    programs = _programs("[tool.poetry]\npackage-mode = false\n", "RUN poetry install --no-root -vvv")
    assert _findings(make_repo, cli, programs) == []
    installed = _programs("[tool.poetry]\npackage-mode = false\n", "RUN poetry install -vvv")
    assert len(_findings(make_repo, cli, installed, name="installed")) == 1
    packaged = _programs("", "RUN poetry install --no-root -vvv")
    assert len(_findings(make_repo, cli, packaged, name="packaged")) == 1


_BUFFER = (
    "class GlobalMemoryBuffer:\n    def __init__(self):\n        self.buffer = {}\n\n"
    "    def get_tensor(self, shape, dtype, name):\n        key = (name, dtype)\n"
    "        return self.buffer.setdefault(key, shape)\n"
)


def _library_unit(guarded: bool) -> dict[str, str]:
    """Megatron's layout: ``core/`` (no packaging of its own) builds on a distribution kept
    inside it (``core/fsdp/src/``: megatron-fsdp, which requires only torch) and holds the
    same ``GlobalMemoryBuffer``; the distribution reads ``core`` only if it is installed
    (``guarded``: under ``try: ... except ImportError:``), or always."""
    reach = (
        "try:\n    from core.utils import is_submodule\nexcept ImportError:\n    def is_submodule(a, b):\n        return False\n"
        if guarded else "from core.utils import is_submodule\n"
    )
    return {
        "core/requirements.txt": "torch\n",
        "core/__init__.py": "",
        "core/utils.py": "def is_submodule(a, b):\n    return a in b\n\n\n" + _BUFFER,
        "core/train.py": "from core.utils import GlobalMemoryBuffer\nfrom fsdp_lib.shard import shard\n",
        "core/model.py": "from core.utils import GlobalMemoryBuffer\n",
        "core/fsdp/src/pyproject.toml": "[project]\nname = 'fsdp-lib'\ndependencies = ['torch', 'einops']\n",
        "core/fsdp/src/fsdp_lib/__init__.py": "",
        "core/fsdp/src/fsdp_lib/utils.py": _BUFFER,
        "core/fsdp/src/fsdp_lib/shard.py": reach + "\n\ndef shard(model):\n    return is_submodule(model, [])\n",
    }


def test_a_distribution_another_builds_on_is_not_told_to_import_from_it(make_repo, cli):
    """megatron-fsdp's copy of ``megatron.core.utils.GlobalMemoryBuffer`` ("copied from
    megatron.core.utils to avoid depending on MCore"): it imports megatron.core only when it
    is installed, and megatron.core builds on it; importing from there would turn that around."""
    found = _findings(make_repo, cli, _library_unit(guarded=True))
    assert [v["path"] for v in found] == ["core/fsdp/src/fsdp_lib/utils.py"]
    assert "core/ builds on fsdp_lib (a distribution of its own" in found[0]["message"]
    assert "import it from core.utils" not in found[0]["message"] and not found[0].get("fix")


def test_a_distribution_that_always_imports_the_other_is_told_to_import(make_repo, cli):
    found = _findings(make_repo, cli, _library_unit(guarded=False), name="always")
    assert [v["path"] for v in found] == ["core/fsdp/src/fsdp_lib/utils.py"]
    assert "import it from core.utils" in found[0]["message"]


def _django_sample(folder: str) -> dict[str, str]:
    """One sample of a repository of samples (python-docs-samples): a Django project run
    from its own folder, with its own requirements and its own copy of the tutorial's app."""
    return {
        f"{folder}/manage.py": "import os\n\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
        f"{folder}/requirements.txt": "Django==5.0\n",
        f"{folder}/mysite/__init__.py": "",
        f"{folder}/mysite/settings.py": "INSTALLED_APPS = ['polls']\nROOT_URLCONF = 'mysite.urls'\n",
        f"{folder}/mysite/wsgi.py": "from django.core.wsgi import get_wsgi_application\n\napplication = get_wsgi_application()\n",
        f"{folder}/polls/__init__.py": "",
        f"{folder}/polls/models.py": (
            "from django.db import models\n\n\nclass Question(models.Model):\n"
            "    question_text = models.CharField(max_length=200)\n    pub_date = models.DateTimeField('published')\n"
        ),
        f"{folder}/polls/views.py": "from polls.models import Question\n\n\ndef index(request):\n    return Question.objects.all()\n",
    }


def test_samples_run_from_their_own_folders_keep_their_copies(make_repo, cli):
    """Two samples, one a source root of the model (a Django project two folders down), the
    other deeper, run from its folder by a script importing its own ``mysite.wsgi``: what
    its modules import by a name its own folder holds is its own, not the other sample's,
    so neither needs the other and each keeps its copy of the tutorial's models. A sample
    that does import the other's module (a name its own folder lacks) needs it."""
    files = {
        **_django_sample("run/django"),
        **_django_sample("appengine/standard/django"),
        "appengine/standard/django/main.py": "from mysite.wsgi import application\n\napp = application\n",
    }
    assert _findings(make_repo, cli, files) == []
    files["appengine/standard/django/polls/admin.py"] = "from shared.urls import patterns\n"
    files["run/django/shared/__init__.py"] = ""
    files["run/django/shared/urls.py"] = "patterns = []\n"
    assert [v["path"] for v in _findings(make_repo, cli, files, name="needs")] == ["appengine/standard/django/polls/models.py"]


def _per_device(first: str, second: str) -> dict[str, str]:
    """Two device folders, each building its distribution (named as given) of a package of
    its own, a copy of one class in each (sonic-buildimage's per-platform builds)."""
    files: dict[str, str] = {}
    for folder, name, package in (("platform/vendor-a/device-1", first, "platform_a"), ("platform/vendor-b/device-2", second, "platform_b")):
        files[f"{folder}/setup.py"] = f"from setuptools import setup\n\nsetup(name='{name}', packages=['{package}'])\n"
        files[f"{folder}/{package}/__init__.py"] = ""
        files[f"{folder}/{package}/thermal.py"] = _ORG
        files[f"{folder}/{package}/chassis.py"] = f"from {package}.thermal import OrgRead\n"
    return files


def test_distributions_of_one_name_are_alternatives_each_with_its_own_copies(make_repo, cli):
    """Two builds of a distribution of one name (one per device): only one is ever
    installed, so neither can import the other's copy. Two distributions of two names
    that share a copy are told to keep one where both can import it."""
    assert _findings(make_repo, cli, _per_device("sonic-platform", "sonic-platform")) == []
    findings = _findings(make_repo, cli, _per_device("sonic-platform-a", "sonic-platform-b"), name="two")
    assert [(v["rule"], v["path"]) for v in findings] == [("SSOT001", "platform/vendor-b/device-2/platform_b/thermal.py")]
