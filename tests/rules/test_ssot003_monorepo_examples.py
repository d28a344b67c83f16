"""SSOT003 in a repository of many example projects (professional-services): an example's
tests import its own folders, and a bare ``main`` names no other project's module."""

from __future__ import annotations


def _check(cli, root) -> list[tuple[str, int, str]]:
    result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT003")
    return [(v["path"], v["line"], v["message"]) for v in result.json()["violations"]]


def _examples(test_import: str) -> dict[str, str]:
    """An example whose code lies in namespace folders (``app/python/``) beside its
    ``tests/``, and another example, a project of its own, with an ``app`` package."""
    return {
        "examples/slo-assistant/pyproject.toml": '[project]\nname = "slo"\nversion = "0"\n',
        "examples/slo-assistant/app/__init__.py": "",
        "examples/slo-assistant/app/server.py": "X = 1\n",
        "examples/slo-assistant/main.py": "from app.server import X\n\nprint(X)\n",
        "examples/ml-audio/README.md": "# Audio profiling\n",
        "examples/ml-audio/app/python/transcripts.py": "def read_transcript(name):\n    return name\n",
        # the service, run from app/: its folder is on sys.path, its modules import `python`
        "examples/ml-audio/app/python/main.py": (
            "#!/usr/bin/env python3\nfrom python import transcripts\n\nprint(transcripts.read_transcript('a'))\n"
        ),
        "examples/ml-audio/tests/test_transcripts.py": (
            f"#!/usr/bin/env python3\n{test_import}\n\n\ndef test_read():\n    assert read_transcript('a')\n"
        ),
    }


def test_an_examples_tests_import_the_folders_beside_them(make_repo, cli):
    root = make_repo(_examples("from app.python.transcripts import read_transcript"))
    assert _check(cli, root) == []


def test_a_module_missing_beside_the_tests_is_reported_there(make_repo, cli):
    root = make_repo(_examples("from app.python.gone import read_transcript"))
    [(path, line, message)] = _check(cli, root)
    assert (path, line) == ("examples/ml-audio/tests/test_transcripts.py", 2)
    assert "app.python.gone" in message and "examples/slo-assistant" not in message, message


def test_a_bare_module_of_another_project_is_no_module_here(make_repo, cli):
    """A test whose ``sys.path`` entry names a folder since removed imports ``main``; the
    only ``main.py`` is another project's, which this one does not depend on: one finding
    for the statement, saying so, not one per name as if that module were the one meant."""
    files = {
        "pyproject.toml": '[project]\nname = "tools"\nversion = "0"\n',
        "examples/templates/python/pyproject.toml": '[project]\nname = "dataflow-template"\nversion = "0"\n',
        "examples/templates/python/main.py": "def run():\n    return 1\n",
        "tools/attribution/test/test_e2e.py": (
            "import sys\n\nsys.path.append('../source')\nfrom main import execute_query, main\n\n\n"
            "def test_main():\n    assert main(execute_query)\n"
        ),
    }
    [(path, line, message)] = _check(cli, make_repo(files))
    assert (path, line) == ("tools/attribution/test/test_e2e.py", 4)
    assert message == (
        "`from main import execute_query, main`: no module main in tools; examples/templates/python/main.py is a module "
        "of another project of this repository (dataflow_template), which tools does not depend on"
    )


def _examples_folder() -> dict[str, str]:
    """A library at the root and an examples folder with its own requirements.txt (which
    does not list the library: it is installed from the checkout), whose apps import the
    library; one app imports a class from a package that never re-exported it."""
    return {
        "pyproject.toml": '[project]\nname = "bolt"\nversion = "0"\ndependencies = ["sdk"]\n',
        "bolt/__init__.py": "from bolt.app import App\n",
        "bolt/app.py": "class App:\n    pass\n",
        "bolt/adapter/__init__.py": "",
        "bolt/adapter/falcon/__init__.py": "from .resource import AppResource\n",
        "bolt/adapter/falcon/resource.py": "class AppResource:\n    pass\n",
        "bolt/adapter/falcon/async_resource.py": "class AsyncAppResource:\n    def __init__(self, app):\n        self.app = app\n",
        "examples/falcon/requirements.txt": "falcon>=2\ngunicorn\n",
        "examples/falcon/app.py": "from bolt import App\nfrom bolt.adapter.falcon import AppResource\n\napi = AppResource(App())\n",
        "examples/falcon/async_app.py": (
            "from bolt import App\nfrom bolt.adapter.falcon import AsyncAppResource\n\napi = AsyncAppResource(App())\n"
        ),
    }


def test_the_hint_reads_the_project_the_import_names(make_repo, cli):
    """The import is judged as one of the project it names, so the hint names the module
    of that project that defines the class, not "another project ..., which
    examples/falcon/ does not depend on" (bolt-python's falcon examples)."""
    [(path, line, message)] = _check(cli, make_repo(_examples_folder()))
    assert (path, line) == ("examples/falcon/async_app.py", 2)
    assert message == (
        "cannot import name 'AsyncAppResource' from bolt.adapter.falcon (bolt/adapter/falcon/__init__.py); "
        "it is defined in bolt.adapter.falcon.async_resource: import it from there"
    ), message


def test_a_suite_folder_of_any_usual_name_is_run_from_the_project_above(make_repo, cli):
    """The suite folder may be ``unit_tests/``, ``unittests/`` or ``testing/`` as well as
    ``tests/``: pytest run from the example's folder reads ``app.python`` beside it."""
    for suite in ("unit_tests", "unittests", "testing"):
        files = {
            path.replace("ml-audio/tests/", f"ml-audio/{suite}/"): text
            for path, text in _examples("from app.python.transcripts import read_transcript").items()
        }
        assert _check(cli, make_repo(files, name=suite)) == [], suite
