"""A subpackage named like a folder the default excludes skip (litex's ``litex/build/``,
Meerschaum's ``meerschaum/utils/venv/``) is the project's code: a build output or a virtual
environment is never a package inside a package. At the top, or without ``__init__.py``
on both sides, the folder stays excluded; a name the user writes excludes as written. The
work tree (with git or without), a revision (``diff``) and a history agree."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import git, write_files

FILES = {
    "soc/__init__.py": "",
    "soc/core.py": "X = 1\n",
    "soc/build/__init__.py": "",
    "soc/build/tools.py": "from soc.core import X\nfrom soc.gone import Y\n",
    "soc/utils/__init__.py": "",
    "soc/utils/venv/__init__.py": "from soc.core import Z\n",
    # Build output at the top, a documentation build, a folder of scripts: not packages in a package.
    "build/lib/soc/core.py": "from soc.missing import W\n",
    "docs/build/conf.py": "from soc.absent import V\n",
    "scripts/dist/__init__.py": "from soc.nothing import U\n",
}

ANALYSED_FINDINGS = [("soc/build/tools.py", 2), ("soc/utils/venv/__init__.py", 1)]


def _broken(result) -> list[tuple[str, int]]:
    assert result.code in (0, 1), result.err
    return sorted((v["path"], v["line"]) for v in result.json()["violations"] if v["rule"] == "SSOT003")


@pytest.mark.parametrize("git_init", [True, False], ids=["git", "walk"])
def test_a_subpackage_named_build_or_venv_is_analysed(make_repo, cli, git_init):
    root = make_repo(FILES, git_init=git_init)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    assert _broken(result) == ANALYSED_FINDINGS
    score = cli("score", str(root), "--format", "json", "--no-cache", "--jobs", "1").json()
    assert score["overall"]["files"] == 6  # soc's six files; nothing under build/, docs/build/, scripts/dist/


def test_a_name_the_user_writes_excludes_as_written(make_repo, cli):
    root = make_repo(FILES, config='extend-exclude = ["build"]\n', git_init=True)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    assert _broken(result) == [("soc/utils/venv/__init__.py", 1)]


def test_a_revision_and_a_history_see_the_same_files(tmp_path: Path, cli):
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    write_files(root, {"pyproject.toml": "[tool.ssotlint]\n", "soc/__init__.py": "", "soc/core.py": "X = 1\n",
                       "soc/build/tools.py": "from soc.gone import Y\n"})
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "build/ is no package yet")
    write_files(root, {"soc/build/__init__.py": ""})
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "build/ becomes a subpackage")
    write_files(root, {"soc/core.py": "X = 2\n"})  # a change in the work tree, for diff
    history = cli("score", "--history", str(root), "--format", "json", "--no-cache").json()["commits"]
    assert [(c["overall"]["files"], c["by_rule"].get("SSOT003", 0)) for c in history] == [(2, 0), (4, 1)]
    diff = cli("diff", str(root), "--format", "json", "--no-cache")
    assert diff.code == 0, diff.err
    assert diff.json()["new"] == [] and diff.json()["fixed"] == []  # HEAD's finding in soc/build is known
