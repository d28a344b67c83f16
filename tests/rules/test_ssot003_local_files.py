"""A module each developer creates beside the code that imports it, which the top-level
``.gitignore`` lists by its file name alone (python-o365's ``tests/config.py`` with a
client secret, which its test notes say to write): a clone never has it, so its import is
not reported there; the same name imported from another folder still is, as is every
import without such a ``.gitignore`` line."""

from __future__ import annotations

FILES = {
    ".gitignore": "__pycache__/\n*.py[cod]\n# the secrets each developer writes\nconfig.py\n/anchored.py\n",
    "tests/test_anchored.py": "from tests import anchored\n",
    "app/__init__.py": "",
    "app/client.py": "from tests import config\n",
    "tests/test_teams.py": "from tests import config\n\n\ndef test_it():\n    assert config.CLIENT_ID\n",
}


def broken(result) -> list[tuple[str, int]]:
    return sorted((v["path"], v["line"]) for v in result.json()["violations"] if v["rule"] == "SSOT003")


def test_a_gitignored_file_beside_its_importer_is_not_missing(make_repo, cli):
    root = make_repo(FILES)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    # Beside the importer (in a namespace folder here): not reported; from another folder,
    # and a name the line anchors to the top (``/anchored.py``): reported.
    assert broken(result) == [("app/client.py", 1), ("tests/test_anchored.py", 1)]


def test_without_the_gitignore_line_they_are_missing(make_repo, cli):
    files = dict(FILES, **{".gitignore": "__pycache__/\n"})
    root = make_repo(files)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    assert broken(result) == [("app/client.py", 1), ("tests/test_anchored.py", 1), ("tests/test_teams.py", 1)]


def test_a_gitignored_pattern_in_a_package_folder_is_what_the_build_writes(make_repo, cli):
    """vyos-1x's ``.gitignore`` keeps out ``python/vyos/xml_ref/pkg_cache/*_cache.py``, the
    modules its Makefile's ``generate_cache.py`` writes: ``from
    vyos.xml_ref.pkg_cache.vyos_1x_cache import reference`` is not broken. A name the
    pattern does not match, and a pattern whose folder is a wildcard, say nothing."""
    files = {
        ".gitignore": "python/vyos/xml_ref/pkg_cache/*_cache.py\n**/*_gen.py\n",
        "pyproject.toml": "[tool.ssotlint]\nsrc = ['python']\n",
        "python/vyos/__init__.py": "",
        "python/vyos/xml_ref/__init__.py": "",
        "python/vyos/xml_ref/pkg_cache/__init__.py": "",
        "python/vyos/config.py": (
            "from vyos.xml_ref.pkg_cache.vyos_1x_cache import reference\n"
            "from vyos.xml_ref.pkg_cache.other import table\n"
            "from vyos.xml_ref.pkg_cache.ops_gen import ops\n"
        ),
    }
    result = cli("check", str(make_repo(files)), "--format", "json", "--no-cache", "--jobs", "1")
    assert broken(result) == [("python/vyos/config.py", 2), ("python/vyos/config.py", 3)]


def test_a_folders_own_gitignore_pattern_is_what_the_build_writes_there(make_repo, cli):
    """sonic-buildimage's ``src/sonic-py-common/.gitignore`` keeps out
    ``sonic_grpc/gnoi/*_pb2.py``, the modules its ``setup.py`` generates from the protos:
    ``from sonic_grpc.gnoi import system_pb2`` is not broken. A name the pattern does not
    match is; so is the same name below another folder."""
    files = {
        "src/common/.gitignore": "build/\nsonic_grpc/gnoi/*_pb2.py\n",
        "src/common/setup.py": "from setuptools import setup\n\nsetup(name='common', packages=['sonic_grpc', 'sonic_grpc.gnoi'])\n",
        "src/common/sonic_grpc/__init__.py": "",
        "src/common/sonic_grpc/gnoi/__init__.py": "",
        "src/common/sonic_grpc/gnoi/client.py": "from sonic_grpc.gnoi import system_pb2\nfrom sonic_grpc.gnoi import system_helpers\n",
        "src/common/sonic_grpc/other/__init__.py": "",
        "src/common/sonic_grpc/other/use.py": "from sonic_grpc.other import file_pb2\n",
    }
    result = cli("check", str(make_repo(files)), "--format", "json", "--no-cache", "--jobs", "1")
    assert broken(result) == [("src/common/sonic_grpc/gnoi/client.py", 2), ("src/common/sonic_grpc/other/use.py", 1)]


def test_a_folder_a_readme_says_to_clone_into_is_a_set_up_steps_code(make_repo, cli):
    """flower's ``baselines/fedvssl/README.md`` says ``git clone
    https://github.com/yan-gao-GY/CtP.git fedvssl/CtP``; its modules import
    ``fedvssl.CtP.pyvrl.apis``, which a clone of flower lacks until that step. Another
    missing module of the package is reported, and so is the same import without the README."""
    files = {
        "baselines/fedvssl/pyproject.toml": "[project]\nname = 'fedvssl'\ndependencies = ['flwr']\n",
        "baselines/fedvssl/README.md": "## Setup\n\n```bash\ngit clone https://github.com/yan-gao-GY/CtP.git fedvssl/CtP\n```\n",
        "baselines/fedvssl/fedvssl/__init__.py": "",
        "baselines/fedvssl/fedvssl/utils.py": (
            "from fedvssl.CtP.pyvrl.apis import train_network\nfrom .CtP.pyvrl.builder import build_model\n"
            "from fedvssl.gone import helper\n"
        ),
    }
    result = cli("check", str(make_repo(files)), "--format", "json", "--no-cache", "--jobs", "1")
    assert broken(result) == [("baselines/fedvssl/fedvssl/utils.py", 3)]
    files["baselines/fedvssl/README.md"] = "## Setup\n\nRun `pip install -e .`\n"
    result = cli("check", str(make_repo(files, name="plain")), "--format", "json", "--no-cache", "--jobs", "1")
    assert broken(result) == [("baselines/fedvssl/fedvssl/utils.py", n) for n in (1, 2, 3)]


def test_a_readme_that_clones_this_project_puts_nothing_in_place(make_repo, cli):
    """opencompass' README says ``git clone https://github.com/open-compass/opencompass
    opencompass``: the project's own install step, into a folder the tree holds already
    (its package). The package's stale imports are reported, not taken for a clone's code."""
    files = {
        "README.md": "## Install\n\n```bash\ngit clone https://github.com/open-compass/opencompass opencompass\ncd opencompass\n```\n",
        "opencompass/__init__.py": "",
        "opencompass/utils.py": "X = 1\n",
        "opencompass/configs/__init__.py": "",
        "opencompass/configs/base.py": "from opencompass.configs.agieval.agieval_mixed_713d14 import datasets\n",
    }
    result = cli("check", str(make_repo(files)), "--format", "json", "--no-cache", "--jobs", "1")
    assert broken(result) == [("opencompass/configs/base.py", 1)]
