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
        "data-tool/flows/setup.py": setup.format(name="flows"),
        "data-tool/flows/common/__init__.py": "",
        "data-tool/flows/common/init_utils.py": "def get_config(): ...\n",
        "data-tool/flows/auth/flow.py": "from common.init_utils import get_config\nfrom common.init_utils import gone\n",
        "data-tool/other/setup.py": setup.format(name="other"),
        "data-tool/other/common/__init__.py": "",
        "data-tool/other/common/init_utils.py": "X = 1\n",
    })
    result = cli("check", str(root), "--format", "json", "--no-cache")
    found = sorted((v["path"], v["line"]) for v in result.json()["violations"] if v["rule"] == "SSOT003")
    assert found == [("data-tool/flows/auth/flow.py", 2), ("jobs/gazette/tasks/processor.py", 2)], result.json()["violations"]
