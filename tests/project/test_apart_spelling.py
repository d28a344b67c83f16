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
