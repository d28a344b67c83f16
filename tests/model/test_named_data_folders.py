"""A folder outside the test tree whose path a test spells as literal pieces
(``os.path.join(os.getcwd(), "examples", name)``), and whose modules nothing outside it
imports, holds the tests' inputs: a code checker's samples broken on purpose, a
framework's keyword libraries loaded by path. Test data for every rule; a folder that
code imports stays code."""

from __future__ import annotations

from ssotlint.testing import config_from_text, model_in_memory

_CHECKER = {
    "checker/__init__.py": "",
    "checker/core.py": "def scan(path):\n    return open(path).read()\n",
    "examples/__init__.py": "",
    "examples/nonsense.py": "def f(:\n    pass\n",
    "examples/imports_from.py": "from ... import secrets\n",
    "examples/timeout.py": "import requests\n\nasync with requests.Session() as s:\n    pass\n",
    "tests/__init__.py": "",
    "tests/functional/__init__.py": "",
    "tests/functional/test_functional.py": (
        "import os\nfrom checker.core import scan\n\n\ndef check(name):\n"
        "    return scan(os.path.join(os.getcwd(), \"examples\", name))\n"
    ),
}

_LIBRARIES = {
    "src/fw/__init__.py": "",
    "src/fw/run.py": "X = 1\n",
    "atest/testdata/misc/Helper.py": "def keyword():\n    pass\n",
    "atest/testdata/kw/Annotations.py": "from enum import Enum\n\n\nclass MyEnum(Enum):\n    FOO = 1\n    BAR = 2\n    BAZ = 3\n",
    "atest/testdata/kw/DefaultValues.py": "from enum import Enum\n\n\nclass MyEnum(Enum):\n    FOO = 1\n    BAR = 2\n    BAZ = 3\n",
    "utest/test_run.py": "from os.path import join\n\nDATADIR = join(ROOT, \"atest\", \"testdata\", \"misc\")\n",
    # A test inside the folder of inputs naming another folder does not make it code.
    "atest/testdata/test_libraries/test_thread.py": "import os\n\nSRC = os.path.join(ROOT, \"src\")\n",
}


def _found(cli, root) -> list[tuple[str, str]]:
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    return sorted((v["rule"], v["path"]) for v in result.json()["violations"])


def test_samples_a_test_reads_by_a_spelled_path_are_test_data(make_repo, cli):
    assert _found(cli, make_repo(_CHECKER)) == []


def test_without_the_test_naming_them_the_samples_are_code(make_repo, cli):
    files = {**_CHECKER, "tests/functional/test_functional.py": "from checker.core import scan\n"}
    found = _found(cli, make_repo(files))
    assert ("SSOT000", "examples/nonsense.py") in found
    # Refused only for its top-level `async with`: an example for an asyncio REPL (SSOT000's
    # documentation listings), not reported either way.
    assert ("SSOT000", "examples/timeout.py") not in found
    assert ("SSOT003", "examples/imports_from.py") in found


_RUN_BY_PATH = {
        "checker/__init__.py": "",
        "checker/core.py": "def scan(path):\n    return path\n",
        "docs/source/tutorials/__init__.py": "",
        "docs/source/tutorials/plot_scan.py": "from .helpers import scan\n\nscan('x')\n",
        "tests/test_docs.py": (
            "from pathlib import Path\nfrom runpy import run_path\n\n\ndef test_plots():\n"
            "    path = Path(__file__).parent.parent / 'docs' / 'source'\n"
            "    for file in path.glob('**/plot_*.py'):\n        run_path(str(file))\n"
        ),
}


def test_a_folder_whose_files_a_test_runs_by_path_is_code(make_repo, cli):
    """deepchecks' GPU test runs each gallery script of ``docs/source`` with
    ``runpy.run_path``: the scripts are programs, and a broken import in one is reported."""
    assert ("SSOT003", "docs/source/tutorials/plot_scan.py") in _found(cli, make_repo(_RUN_BY_PATH))


def test_a_folder_whose_files_a_test_only_reads_stays_inputs(make_repo, cli):
    test = _RUN_BY_PATH["tests/test_docs.py"].replace("run_path(str(file))", "file.read_text()")
    assert _found(cli, make_repo({**_RUN_BY_PATH, "tests/test_docs.py": test})) == []


def test_a_folder_of_inputs_a_spelled_path_runs_through_is_test_data_whole(make_repo, cli):
    # The test names `atest/testdata/misc`; the libraries of `atest/testdata/kw` are inputs too.
    assert _found(cli, make_repo(_LIBRARIES)) == []


def test_a_named_folder_that_code_imports_stays_code(make_repo, cli):
    # Code imports one module of it: the folder is code, its other modules too.
    files = {**_CHECKER, "checker/core.py": "from examples import imports_from\n"}
    assert ("SSOT000", "examples/nonsense.py") in _found(cli, make_repo(files))


def test_a_named_folder_of_programs_stays_code(make_repo, cli):
    # A test reads the schemas in doc/schema/; the Python files there are the programs writing them.
    files = {
        **_LIBRARIES,
        "doc/schema/gen.py": "from fw.missing import schema\n\nif __name__ == \"__main__\":\n    schema()\n",
        "utest/test_schema.py": "import os\n\nSCHEMA = os.path.join(ROOT, \"doc\", \"schema\", \"result.json\")\n",
    }
    assert ("SSOT003", "doc/schema/gen.py") in _found(cli, make_repo(files))
    project = model_in_memory(files, config_from_text(""))
    assert project.named_data_folders() == ["atest/testdata"]
    assert not next(f for f in project.files if f.path == "doc/schema/gen.py").is_test


def test_a_folder_spelled_under_a_temporary_folder_is_not_the_repositorys(make_repo, cli):
    """unstract's rig test writes ``tmp_path / "workers"``, a folder of its own making;
    the repository's ``workers/`` project beside it stays code (its broken import is
    reported). Spelled from the repository's root, the same folder is the tests' inputs."""
    workers = {
        "workers/shared/__init__.py": "",
        "workers/shared/tasks.py": "from .gone import helper\n",
        "tests/rig/test_cli.py": (
            "from pathlib import Path\nimport os, tempfile\n\n\ndef test_cli(tmp_path, tmpdir):\n"
            "    parent = tmp_path / \"workers\"\n    other = Path(tmpdir) / \"workers\" / \"shared\"\n"
            "    made = os.path.join(tempfile.mkdtemp(), \"workers\")\n"
        ),
    }
    assert _found(cli, make_repo(workers)) == [("SSOT003", "workers/shared/tasks.py")]
    spelled = {**workers, "tests/rig/test_cli.py": "from pathlib import Path\n\nROOT = Path('.')\nDATA = ROOT / \"workers\"\n"}
    assert _found(cli, make_repo(spelled, name="spelled")) == []


def test_applications_built_on_the_product_that_a_test_reads_a_file_of_stay_code(make_repo, cli):
    """agentUniverse: a test reads a YAML file of an example app under ``examples/``; the
    app's modules import the product, so they are code its users run, and a module of the
    product they import that is gone is reported. A folder named for inputs stays inputs."""
    files = {
        "checker/__init__.py": "",
        "checker/core.py": "def scan(path):\n    return path\n",
        "examples/app/__init__.py": "",
        "examples/app/tool.py": "from checker.core import scan\nfrom checker.gone import Tool\n",
        "examples/app/other.py": "X = 1\n",
        "tests/test_tool.py": (
            "import os\n\n\ndef test_config():\n"
            "    assert os.path.join(os.getcwd(), 'examples', 'app', 'tool.yaml')\n"
        ),
    }
    assert ("SSOT003", "examples/app/tool.py") in _found(cli, make_repo(files))
    moved = {k.replace("examples/", "examples/data/"): v for k, v in files.items()}
    moved["tests/test_tool.py"] = files["tests/test_tool.py"].replace("'examples', 'app'", "'examples', 'data', 'app'")
    assert _found(cli, make_repo(moved, name="inputs")) == []
