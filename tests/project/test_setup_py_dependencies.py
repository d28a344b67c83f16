"""A root setup.py's dependency lists are the project's declared dependencies.

google-cloud-storage keeps ``google/`` and ``google/cloud/`` as PEP 420 namespace folders
and declares ``google-api-core`` and ``google-auth`` in a list its ``setup(...)`` call names
(``install_requires=dependencies``): ``google.api_core`` is another distribution's portion
of the namespace, never a missing module. Nothing in setup.py runs: its syntax tree is read.
"""

from __future__ import annotations

import pytest

SETUP = (
    "import setuptools\n\n"
    "{binding}\n"
    "setuptools.setup(name='google-cloud-thing', {keyword}, packages=setuptools.find_namespace_packages())\n"
)
FILES = {
    "google/cloud/thing/__init__.py": "",
    "google/cloud/thing/client.py": "X = 1\n",
    "google/cloud/thing/api.py": (
        "from google.api_core import exceptions\n"
        "from google.cloud.thing.gone import Missing\n"
    ),
}


def _broken(cli, root):
    violations = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1").json()["violations"]
    return sorted((v["path"], v["line"]) for v in violations if v["rule"] == "SSOT003")


@pytest.mark.parametrize(("binding", "keyword"), [
    ("dependencies = ['google-api-core >= 2.27.0, < 3.0.0', 'requests']", "install_requires=dependencies"),
    ("base = ['requests']\nextras = {'grpc': ['google-api-core[grpc] >= 2']}", "install_requires=base + [], extras_require=extras"),
    ("", "install_requires=['google-api-core']"),
])
def test_setup_py_dependencies_extend_a_namespace(make_repo, cli, binding, keyword):
    root = make_repo({"setup.py": SETUP.format(binding=binding, keyword=keyword), **FILES})
    # The dependency's portion may hold api_core; the regular package's missing module is reported.
    assert _broken(cli, root) == [("google/cloud/thing/api.py", 2)]


def test_a_list_setup_py_does_not_hand_to_setup_declares_nothing(make_repo, cli):
    root = make_repo({"setup.py": SETUP.format(binding="unused = ['google-api-core']", keyword="install_requires=[]"), **FILES})
    assert _broken(cli, root) == [("google/cloud/thing/api.py", 1), ("google/cloud/thing/api.py", 2)]
