"""The pre-commit hooks, for real: `pre-commit run` of this checkout's hooks manifest.

The hooks come from this checkout with its uncommitted changes, as `pre-commit try-repo`
takes them (its own code picks the revision), but they are installed once for the module:
try-repo installs them into a throw-away store on every call, ~20 s each.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT, git

CHECKOUT = REPO_ROOT

pytestmark = pytest.mark.skipif(
    shutil.which("git") is None or subprocess.run([sys.executable, "-m", "pre_commit", "--version"], capture_output=True).returncode != 0,
    reason="pre-commit (test extra) or git is not installed",
)


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory) -> Path:
    """One hook environment for the whole module: building it is the slow part."""
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture(scope="module")
def hooks_config(tmp_path_factory) -> Path:
    """A configuration naming this checkout at the revision `pre-commit try-repo` would
    use: HEAD, or a temporary commit of the uncommitted changes (try-repo's own helper, so
    that a change to the hooks is tested before it is committed)."""
    from pre_commit.commands.try_repo import _repo_ref

    folder = tmp_path_factory.mktemp("hooks-source")
    repo, rev = _repo_ref(str(folder), str(CHECKOUT), None)
    config = folder / ".pre-commit-config.yaml"
    hooks = "".join(f"      - id: {json.dumps(hook['id'])}\n" for hook in _manifest())
    config.write_text(f"repos:\n  - repo: {json.dumps(repo)}\n    rev: {json.dumps(rev)}\n    hooks:\n{hooks}")
    return config


def _manifest() -> list[dict]:
    from pre_commit.clientlib import load_manifest

    return load_manifest(str(CHECKOUT / ".pre-commit-hooks.yaml"))


def run_hook(root: Path, hook: str, home: Path, config: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    env.pop("SSOTLINT_CACHE_DIR", None)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", hook, "--config", str(config)],
        cwd=root, env=env, capture_output=True, text=True, timeout=600,
    )


@pytest.mark.parametrize("hook", ["ssotlint-diff", "ssotlint"])
def test_hook_passes_clean_change_and_refuses_broken_import(hook, make_repo, pre_commit_home, hooks_config):
    root = make_repo(
        {
            "app/__init__.py": "",
            "app/a.py": "class A:\n    pass\n",
            # A violation that predates the change: the diff hook must not blame it.
            "legacy/old.py": "from app.a import Removed\n",
            "legacy/__init__.py": "",
        },
        git_init=True,
    )
    (root / "app/b.py").write_text("from app.a import A\n")
    git(root, "add", "app/b.py")
    clean = run_hook(root, hook, pre_commit_home, hooks_config)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Passed" in clean.stdout

    (root / "app/c.py").write_text("from app.a import IsolatedWebSocketManager\n")
    git(root, "add", "app/c.py")
    broken = run_hook(root, hook, pre_commit_home, hooks_config)
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert "Failed" in broken.stdout
    assert "app/c.py:1:1: SSOT003" in broken.stdout
    assert "legacy/old.py" not in broken.stdout


def test_fix_hook_fixes_the_changed_file_and_fails_like_a_formatter(make_repo, pre_commit_home, hooks_config):
    root = make_repo(
        {
            "app/__init__.py": "",
            "app/models.py": "class User:\n    name = ''\n",
            "app/old.py": "def helper():\n    pass\n",
            # Fixable too, but not part of the change: left alone.
            "legacy/__init__.py": "",
            "legacy/old.py": "from app.old import User\n",
        },
        git_init=True,
    )
    (root / "app/view.py").write_text("from app.old import helper, User\n")
    git(root, "add", "app/view.py")
    result = run_hook(root, "ssotlint-fix", pre_commit_home, hooks_config)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "files were modified by this hook" in result.stdout
    assert (root / "app/view.py").read_text() == "from app.old import helper\nfrom app.models import User\n"
    assert (root / "legacy/old.py").read_text() == "from app.old import User\n"
    git(root, "add", "app/view.py")
    again = run_hook(root, "ssotlint-fix", pre_commit_home, hooks_config)
    assert again.returncode == 0, again.stdout + again.stderr
