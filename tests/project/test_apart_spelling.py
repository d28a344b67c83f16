"""Findings in a nested project apart name its modules as its own code imports them.

``api/`` and ``services/`` each build a distribution holding an ``oss`` package: neither
folder is a root of the repository's namespace (one name cannot stand for both), so the
model names ``api/oss/retry.py`` by its folders. The advice to ``api/oss/client.py`` must
still say ``oss.retry``, the module its own code imports, never ``api.oss.retry``."""

from __future__ import annotations

PROJECT = '[project]\nname = "{name}"\n[build-system]\nrequires = ["hatchling"]\n'
RETRY = (
    "class RetryConfig:\n    def __init__(self, attempts=3):\n        self.attempts = attempts\n\n"
    "    def delays(self):\n        return [2 ** i for i in range(self.attempts)]\n"
)


def test_a_project_apart_is_spelled_as_its_own_code_imports_it(make_repo, cli):
    root = make_repo({
        "api/pyproject.toml": PROJECT.format(name="api"),
        "api/oss/__init__.py": "",
        "api/oss/retry.py": RETRY,
        "api/oss/client.py": "from oss.retry import RetryConfig as Used\n\n\n" + RETRY,
        "api/oss/broken.py": "from oss.retry import Gone\n",
        "services/pyproject.toml": PROJECT.format(name="services"),
        "services/oss/__init__.py": "",
        "services/oss/worker.py": "X = 1\n",
        "services/oss/retry.py": "DELAY = 2\n",  # both hold `oss.retry`: two packages apart
    })
    result = cli("check", str(root), "--format", "json", "--no-cache")
    violations = result.json()["violations"]
    duplicate = next(v for v in violations if v["rule"] == "SSOT001")
    assert duplicate["path"] == "api/oss/client.py"
    assert "import it from oss.retry" in duplicate["message"], duplicate["message"]
    assert "api.oss" not in str(duplicate), duplicate
    broken = next(v for v in violations if v["rule"] == "SSOT003")
    assert "api.oss" not in broken["message"], broken["message"]


def test_a_project_apart_answers_its_own_imports_from_its_own_folders(make_repo, cli):
    """lear: each job builds its own distribution with its own `services` package, and a
    tool folder that no import can spell (`data-tool/flows/`) holds a regular `common`
    package: their imports are answered by their own folders, and only what is missing
    there is reported. A folder without `__init__.py` answers nothing: a namespace portion
    loses to an installed package of its name (bugbug's `alembic/` migrations)."""
    setup = "from setuptools import setup\n\nsetup(name='{name}')\n"
    root = make_repo({
        "jobs/gazette/setup.py": setup.format(name="gazette"),
        "jobs/gazette/services/__init__.py": "",
        "jobs/gazette/services/sftp.py": "class SFTPService: ...\n",
        # A folder of migrations beside, no package: `alembic` is the library.
        "jobs/gazette/alembic/env.py": "from alembic import context\n",
        "jobs/gazette/tasks/processor.py": "from services.sftp import SFTPService\nfrom services.gone import X\n",
        "jobs/gazette/util/__init__.py": "NAME = 1\n",  # a regular package both jobs set up: each job apart
        "jobs/report/util/__init__.py": "NAME = 2\n",
        "jobs/report/setup.py": setup.format(name="report"),
        "jobs/report/services/__init__.py": "",
        "jobs/report/services/sftp.py": "class SFTPService: ...\n",
        "jobs/report/tasks/processor.py": "from services.sftp import SFTPService\n",
        "jobs/report/report/__init__.py": "",
        "jobs/report/report/worker/__init__.py": "",
        "jobs/report/report/worker/models.py": "class Job: ...\n",
        "jobs/report/report/worker/run.py": "from .models import Job\nfrom report.worker.models import Job as J\n",
        "data-tool/flows/setup.py": setup.format(name="flows"),
        "data-tool/flows/common/__init__.py": "",
        "data-tool/flows/common/init_utils.py": "def get_config(): ...\n",
        "data-tool/flows/auth/flow.py": "from common.init_utils import get_config\nfrom common.init_utils import gone\n",
        "data-tool/flows/common/use.py": "from .init_utils import get_config\n",  # relative: fine
        "data-tool/other/setup.py": setup.format(name="other"),
        "data-tool/other/common/__init__.py": "",
        "data-tool/other/common/init_utils.py": "X = 1\n",
    })
    result = cli("check", str(root), "--format", "json", "--no-cache")
    found = sorted((v["path"], v["line"]) for v in result.json()["violations"] if v["rule"] == "SSOT003")
    assert found == [("data-tool/flows/auth/flow.py", 2), ("jobs/gazette/tasks/processor.py", 2)], result.json()["violations"]


def test_relative_imports_in_a_project_apart_named_as_its_package(make_repo, cli):
    """nl-kat: `boefjes/` builds a distribution with a `boefjes` package and sits apart (its
    `tools` package is another project's name too). `from .interfaces import Task` in
    `boefjes/boefjes/worker/` is answered as the model names the file (it was reported as
    `package boefjes has no module 'boefjes'`); only absolute imports of the project's own
    packages are read in its folder."""
    setup = "from setuptools import setup\n\nsetup(name='{name}')\n"
    root = make_repo({
        "boefjes/setup.py": setup.format(name="boefjes"),
        "boefjes/tools/__init__.py": "A = 1\n",
        "boefjes/boefjes/__init__.py": "",
        "boefjes/boefjes/worker/__init__.py": "",
        "boefjes/boefjes/worker/interfaces.py": "class Task: ...\n",
        "boefjes/boefjes/worker/run.py": "from .interfaces import Task\nfrom boefjes.worker.interfaces import Task as T\n"
        "from boefjes.worker.gone import X\nfrom .third_party.protos import manifest_pb2\n",
        "rocky/setup.py": setup.format(name="rocky"),
        "rocky/tools/__init__.py": "B = 2\n",
        "rocky/rocky/__init__.py": "",
    })
    result = cli("check", str(root), "--format", "json", "--no-cache")
    found = sorted((v["path"], v["line"]) for v in result.json()["violations"] if v["rule"] == "SSOT003")
    assert ("boefjes/boefjes/worker/run.py", 1) not in found, result.json()["violations"]
    assert ("boefjes/boefjes/worker/run.py", 2) not in found, result.json()["violations"]
    # A relative import of what the project lacks is broken all the same (orbax's
    # `export/orbax/`: `from .third_party.neptune.protos import manifest_pb2`).
    [missing] = [v for v in result.json()["violations"] if (v["path"], v["line"]) == ("boefjes/boefjes/worker/run.py", 4)]
    assert "package boefjes.worker (boefjes/boefjes/worker/) has no module 'third_party'" in missing["message"]
    # The import as the code spells it, and the package, keep their folder's name when the
    # folder is named as its package (`boefjes/boefjes/`), not stripped a second time.
    [gone] = [v for v in result.json()["violations"] if (v["path"], v["line"]) == ("boefjes/boefjes/worker/run.py", 3)]
    assert gone["message"].startswith("`from boefjes.worker.gone import X`: package boefjes.worker (boefjes/boefjes/worker/) has no module 'gone'")


def test_a_vendored_folder_of_a_project_apart_exists_under_its_own_name(make_repo, cli):
    """modal: `py/` builds the client and holds a `modal_proto` package as the repository's
    root does, so it sits apart; its vendored `modal/_vendor/` is not analysed but exists,
    as `modal._vendor` in `py/` (it was reported as `package modal has no module
    '_vendor'`). A module of the package that is not there is still missing."""
    root = make_repo({
        "modal_proto/__init__.py": "",
        "py/pyproject.toml": PROJECT.format(name="client"),
        "py/modal_proto/__init__.py": "",
        "py/modal/__init__.py": "",
        "py/modal/_vendor/__init__.py": "",
        "py/modal/_vendor/tblib.py": "def pickling_support(): ...\n",
        "py/modal/run.py": "from modal._vendor import tblib\nimport modal._vendor.tblib\nfrom modal._gone import x\n",
    })
    result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT003")
    found = sorted((v["path"], v["line"]) for v in result.json()["violations"])
    assert found == [("py/modal/run.py", 3)], result.json()["violations"]
