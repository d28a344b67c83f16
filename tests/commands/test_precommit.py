"""Both pre-commit hooks, for real: `pre-commit try-repo` against this checkout."""

from __future__ import annotations

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


def try_repo(root: Path, hook: str, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    env.pop("SSOTLINT_CACHE_DIR", None)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(CHECKOUT), hook],
        cwd=root, env=env, capture_output=True, text=True, timeout=600,
    )


@pytest.mark.parametrize("hook", ["ssotlint-diff", "ssotlint"])
def test_hook_passes_clean_change_and_refuses_broken_import(hook, make_repo, pre_commit_home):
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
    clean = try_repo(root, hook, pre_commit_home)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Passed" in clean.stdout

    (root / "app/c.py").write_text("from app.a import IsolatedWebSocketManager\n")
    git(root, "add", "app/c.py")
    broken = try_repo(root, hook, pre_commit_home)
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert "Failed" in broken.stdout
    assert "app/c.py:1:1: SSOT003" in broken.stdout
    assert "legacy/old.py" not in broken.stdout


def test_fix_hook_fixes_the_changed_file_and_fails_like_a_formatter(make_repo, pre_commit_home):
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
    result = try_repo(root, "ssotlint-fix", pre_commit_home)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "files were modified by this hook" in result.stdout
    assert (root / "app/view.py").read_text() == "from app.old import helper\nfrom app.models import User\n"
    assert (root / "legacy/old.py").read_text() == "from app.old import User\n"
    git(root, "add", "app/view.py")
    again = try_repo(root, "ssotlint-fix", pre_commit_home)
    assert again.returncode == 0, again.stdout + again.stderr
