"""Python 2's implicit relative imports (PyBitmessage: 'Python :: 2.7 :: Only'): inside
package ``network``, ``from threads import X`` finds ``network/threads.py`` before a
top-level ``threads``, unless the module says ``from __future__ import absolute_import``.
SSOT003 judges such an import as Python 2 does."""

from __future__ import annotations

import pytest

SETUP_ONLY = (
    "from setuptools import setup\n"
    "setup(name='app', classifiers=['Programming Language :: Python :: 2.7 :: Only'])\n"
)
FILES = {
    "threads.py": "class Other(object):\n    pass\n",
    "network/__init__.py": "",
    "network/threads.py": "class StoppableThread(object):\n    pass\n",
    "network/worker.py": "import Queue\nfrom threads import StoppableThread\n",
    "network/aliased.py": "import threads as t\n\nX = t.StoppableThread\n",
}


def broken(make_repo, cli, files):
    root = make_repo(files)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT003")
    return sorted((v["path"], v["line"], v["message"]) for v in result.json()["violations"])


def test_a_python_2_import_finds_the_sibling_module_first(make_repo, cli):
    assert broken(make_repo, cli, {**FILES, "setup.py": SETUP_ONLY}) == []


def test_a_root_script_running_on_python2_makes_the_project_python_2(make_repo, cli):
    files = {**FILES, "serve.py": "#!/usr/bin/env python2\nimport network.worker\n"}
    assert broken(make_repo, cli, files) == []


@pytest.mark.parametrize(
    "extra",
    [
        # Python 3 judges it: the top-level `threads` lacks the name.
        {},
        {"setup.py": SETUP_ONLY.replace("2.7 :: Only", "2.7', 'Programming Language :: Python :: 3")},
        # Python 2 with absolute imports switched on.
        {"setup.py": SETUP_ONLY, "network/worker.py": "from __future__ import absolute_import\nfrom threads import StoppableThread\n"},
        # A Python 2 project's script that runs on python3.
        {"setup.py": SETUP_ONLY, "network/worker.py": "#!/usr/bin/env python3\nfrom threads import StoppableThread\n"},
    ],
    ids=["undeclared", "both pythons", "absolute_import", "python3 shebang"],
)
def test_the_import_is_absolute_otherwise(make_repo, cli, extra):
    found = broken(make_repo, cli, {**FILES, **extra})
    worker = [f for f in found if f[0] == "network/worker.py"]
    assert len(worker) == 1, found
    line = 2
    assert worker[0][1] == line
    assert "cannot import name 'StoppableThread' from threads (threads.py)" in worker[0][2]


def test_a_python_2_import_of_a_sibling_lacking_the_name_is_reported_as_written(make_repo, cli):
    files = {**FILES, "setup.py": SETUP_ONLY, "network/worker.py": "from threads import Missing\n"}
    found = broken(make_repo, cli, files)
    assert [(p, line) for p, line, _ in found] == [("network/worker.py", 1)]
    assert "network.threads" in found[0][2], found


def test_a_python_2_module_named_like_the_library_it_imports_means_the_library(make_repo, cli):
    """golismero's report plugins ``plugins/report/bson.py`` and ``yaml.py`` import the
    libraries they are named after (``from bson import dumps``): a module never means itself,
    so the import is of the library, not an implicit relative import of the file. A sibling
    of another name is still read relatively."""
    files = {
        "setup.py": SETUP_ONLY,
        "plugins/__init__.py": "",
        "plugins/report/__init__.py": "",
        "plugins/report/bson.py": "def load():\n    from bson import dumps\n    return dumps\n",
        "plugins/report/json.py": "def dumps(obj):\n    return str(obj)\n",
        "plugins/report/html.py": "from json import loads\n",
    }
    found = broken(make_repo, cli, files)
    assert [(path, line) for path, line, _ in found] == [("plugins/report/html.py", 1)]
