"""SSOT003 through a symbolic link to a folder (an eighth holdout of real code:
elasticsearch-py's ``test_examples/examples -> ../../../../examples/dsl``): Python follows
the link, so its modules exist. A link out of the repository is never followed (the
audited repository is untrusted), so imports through it stay broken."""

from __future__ import annotations

import os

import pytest

from tests.conftest import git

FILES = {
    "examples/dsl/completion.py": "class Person:\n    pass\n",
    "examples/dsl/async/percolate.py": "class BlogPost:\n    pass\n",
    "tests/__init__.py": "",
    "tests/integ/__init__.py": "",
    "tests/integ/_sync/__init__.py": "",
    "tests/integ/_sync/test_completion.py": "from ..examples.completion import Person\n"
    "from ..async_examples.percolate import BlogPost\n"
    "from ..examples.gone import Gone\n"
    "from ..outside.mod import Elsewhere\n",
}


@pytest.mark.parametrize("git_init", [False, True], ids=["walk", "git"])
def test_an_import_through_a_link_to_a_folder_of_the_repository(make_repo, cli, tmp_path, git_init):
    """Through ``examples`` and ``async_examples`` (links to folders of the repository) the
    imports resolve; a module missing at the link's target (``gone``) is still broken, and
    so is one through ``outside``, a link to a folder outside the repository."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "mod.py").write_text("class Elsewhere:\n    pass\n")
    root = make_repo(FILES)
    integ = root / "tests" / "integ"
    os.symlink("../../examples/dsl", integ / "examples")
    os.symlink("../../examples/dsl/async", integ / "async_examples")
    os.symlink(str(elsewhere), integ / "outside")
    if git_init:
        git(root, "init", "-q", "-b", "main")
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", "initial")
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    broken = sorted((v["path"], v["line"]) for v in result.json()["violations"] if v["rule"] == "SSOT003")
    assert broken == [("tests/integ/_sync/test_completion.py", 3), ("tests/integ/_sync/test_completion.py", 4)]
