"""A package named like a standard-library module, under a source root other than the
repository's (``src/html/``), is never what ``import html`` finds: the root is on
``sys.path`` only as installed, after the standard library (python-future installs its
``src/html/`` and ``src/builtins/`` only on Python 2). At the repository's root, a script run
from there imports the local one, and it stays first-party."""

from __future__ import annotations

_FILES = {
    "src/pkg/__init__.py": "",
    "src/pkg/utils.py": "from html import escape\n\n\ndef clean(s):\n    return escape(s)\n",
    "src/html/__init__.py": "from pkg.utils import clean\n",
}


def _rules(result) -> list[tuple[str, str]]:
    return sorted((v["rule"], v["path"]) for v in result.json()["violations"])


def test_a_shim_under_src_named_like_the_standard_library_is_not_what_imports_find(make_repo, cli):
    root = make_repo({"pyproject.toml": "[tool.setuptools.packages.find]\nwhere = [\"src\"]\n", **_FILES})
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT002,SSOT003")
    assert _rules(result) == []  # no cycle through the shim, no missing `escape` in it


def test_at_the_repository_root_the_local_package_is_what_a_script_run_there_imports(make_repo, cli):
    files = {path.removeprefix("src/"): text for path, text in _FILES.items()}
    result = cli("check", str(make_repo(files)), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT002,SSOT003")
    assert ("SSOT003", "pkg/utils.py") in _rules(result)  # the local html/ has no `escape`
    assert ("SSOT002", "html/__init__.py") in _rules(result) or ("SSOT002", "pkg/utils.py") in _rules(result)


def test_a_namespace_folder_named_like_the_standard_library_never_hides_it(make_repo, cli):
    # A root folder ``collections/`` without ``__init__.py`` (an Ansible collections path):
    # a namespace portion loses to the standard library's regular package, wherever it lies.
    root = make_repo({
        "collections/ansible_collections/acme/plugins/x.py": "X = 1\n",
        "pkg/__init__.py": "",
        "pkg/cli.py": "from collections.abc import Callable\nfrom collections import defaultdict\n",
    })
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT002,SSOT003")
    assert _rules(result) == []
