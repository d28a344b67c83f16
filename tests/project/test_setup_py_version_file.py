"""The version module a setup.py tells setuptools-scm to write (``use_scm_version={
'write_to': os.path.join('pypeit', 'version.py')}``: PypeIt's, git-ignored) exists where
the code runs: importing it is no broken import. setup.py is read with ``ast``, never run."""

from __future__ import annotations

import pytest

SETUP = (
    "import os\nfrom setuptools import setup\n\n"
    "setup(use_scm_version={{'write_to': {path}, 'write_to_template': '{{version}}'}})\n"
)


def broken(cli, root) -> list[tuple[str, int]]:
    result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT003")
    return [(v["path"], v["line"]) for v in result.json()["violations"]]


@pytest.mark.parametrize("path", ["os.path.join('pypeit', 'version.py')", "'pypeit/version.py'", "'./pypeit/version.py'"])
def test_the_written_version_module_exists(make_repo, cli, path):
    root = make_repo({
        "setup.py": SETUP.format(path=path),
        "pypeit/__init__.py": "from .version import version\nfrom .core import missing\n",
        "pypeit/core.py": "x = 1\n",
    })
    assert broken(cli, root) == [("pypeit/__init__.py", 2)]


def test_a_computed_or_absent_path_declares_nothing(make_repo, cli):
    root = make_repo({
        "setup.py": SETUP.format(path="os.path.join(HERE, 'version.py')"),
        "pypeit/__init__.py": "from .version import version\n",
    })
    assert broken(cli, root) == [("pypeit/__init__.py", 1)]
