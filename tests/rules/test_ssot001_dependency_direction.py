"""SSOT001 and SSOT006 never advise importing against the dependencies between packages: a
client is not told to import the server's copy when the server builds on the client, and
two top-level packages that never import each other (two distributions) are told to share a
module, not to import one another."""

from __future__ import annotations

_RETRY = "class RetryPolicy:\n    attempts: int = 3\n    delay: float = 0.5\n\n    def next_delay(self, n):\n        return self.delay * 2 ** n\n"
_SERVICE = "class Service:\n    name: str = 'bb'\n    port: int = 9989\n\n    def start(self):\n        return self.port\n"
_STATUS = "import enum\n\n\nclass WorkStatus(enum.Enum):\n    READY = 'ready'\n    PAUSED = 'paused'\n"


def _findings(make_repo, cli, files: dict[str, str], rule: str) -> list[dict]:
    root = make_repo(files)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", rule)
    return [v for v in result.json()["violations"] if v["rule"] == rule]


def _client_server(definition: str, name: str) -> dict[str, str]:
    """The server imports the client; the client never imports the server. The server's
    copy is the more imported one."""
    return {
        "app/__init__.py": "",
        "app/client/__init__.py": "",
        "app/client/schemas.py": definition,
        "app/server/__init__.py": "",
        "app/server/schemas.py": definition,
        "app/server/api.py": f"from app.client import schemas\nfrom app.server.schemas import {name}\n",
        "app/server/jobs.py": f"from app.server.schemas import {name}\n",
    }


def test_the_client_is_kept_and_the_server_told_to_import_it(make_repo, cli):
    (v,) = _findings(make_repo, cli, _client_server(_RETRY, "RetryPolicy"), "SSOT001")
    assert v["path"] == "app/server/schemas.py"
    assert v["details"]["canonical_path"] == "app/client/schemas.py"
    assert "import it from app.client.schemas" in v["message"]
    # Chosen by the direction, not by import counts (the server's copy is more imported).
    assert v["details"]["chosen_by"] == "upstream"
    assert "app/client/schemas.py:1), the one upstream (this package imports from its package, never the other way)" \
        in v["message"]


def test_an_enum_of_the_client_is_kept_too(make_repo, cli):
    (v,) = _findings(make_repo, cli, _client_server(_STATUS, "WorkStatus"), "SSOT006")
    assert v["path"] == "app/server/schemas.py"
    assert "import WorkStatus from app.client.schemas" in v["message"]


def test_two_distributions_are_told_to_share_a_module(make_repo, cli):
    """``master/`` and ``worker/`` never import each other: neither is told to import the
    other's copy, and there is no fix."""
    files = {
        "master/__init__.py": "",
        "master/notify.py": _RETRY,
        "master/use.py": "from master.notify import RetryPolicy\n",
        "worker/__init__.py": "",
        "worker/notify.py": _RETRY,
        # the worker's own command-line scripts are the worker's product code
        "worker/scripts/__init__.py": "",
        "worker/scripts/service.py": _SERVICE,
        "master/scripts/__init__.py": "",
        "master/scripts/service.py": _SERVICE,
    }
    found = _findings(make_repo, cli, files, "SSOT001")
    assert sorted(v["path"] for v in found) == ["worker/notify.py", "worker/scripts/service.py"]
    assert all("import it from" not in v["message"] and v.get("fix") is None for v in found)
    v = next(v for v in found if v["path"] == "worker/notify.py")
    assert "keep one definition, in a module both can import: worker and master never import each other" in v["message"]
    assert v.get("fix") is None


def test_a_distribution_that_imports_the_other_inside_functions_is_not_said_to_never_import_it(make_repo, cli):
    """DeepSpeed's ``op_builder`` reads ``deepspeed.git_version_info`` inside a function only:
    the two meet when an op is loaded, so "never import each other" would be false; the
    message says what importing the copy at the top would change."""
    files = {
        "master/__init__.py": "",
        "master/notify.py": _RETRY,
        "master/use.py": "from master.notify import RetryPolicy\n",
        "master/version.py": "VERSION = '1'\n",
        "worker/__init__.py": "",
        "worker/notify.py": _RETRY,
        "worker/load.py": "def version():\n    from master.version import VERSION\n    return VERSION\n",
    }
    (v,) = _findings(make_repo, cli, files, "SSOT001")
    assert v["path"] == "worker/notify.py"
    assert "never import each other" not in v["message"]
    assert (
        "keep one definition, in a module both can import: worker imports master only inside functions, "
        "never when it is loaded, so importing it from master.notify would make loading worker load master"
    ) in v["message"]


def test_a_module_that_loads_the_other_already_is_told_to_import_it(make_repo, cli):
    """``schemas`` never imports ``services`` directly, but its module loads it through
    ``core``: importing the services' enum adds no dependency, so the advice stands."""
    files = {
        "app/__init__.py": "",
        "app/schemas/__init__.py": "",
        "app/schemas/billing.py": "from app.core import hub\n\n\n" + _STATUS.replace("import enum\n\n\n", "import enum\n"),
        "app/schemas/other.py": "X = 1\n",
        "app/core/__init__.py": "",
        "app/core/hub.py": "from app.services import pay\n",
        "app/services/__init__.py": "",
        "app/services/pay.py": "from app.schemas import other\n" + _STATUS,
        "app/use.py": "from app.services.pay import WorkStatus\n",
    }
    (v,) = _findings(make_repo, cli, files, "SSOT006")
    assert v["path"] == "app/schemas/billing.py"
    assert "import WorkStatus from app.services.pay" in v["message"]


def test_a_top_level_scripts_folder_may_import_the_product(make_repo, cli):
    files = {
        "app/__init__.py": "",
        "app/retry.py": _RETRY,
        "app/use.py": "from app.retry import RetryPolicy\n",
        "scripts/report.py": _RETRY,
    }
    (v,) = _findings(make_repo, cli, files, "SSOT001")
    assert v["path"] == "scripts/report.py"
    assert "keep one definition and import it from app.retry" in v["message"]


def test_a_program_inside_a_library_is_not_told_to_import_from_a_package_built_on_it(make_repo, cli):
    """cctbx: ``scitbx/lbfgsb/boost_python/tst_fit_cdf.py``, a program nothing imports, is
    scitbx's; ``rstbx`` imports ``scitbx`` and never the other way, so the program is not
    told to import ``rstbx``'s copy (a program outside any package still may)."""
    program = _RETRY + "\n\nif __name__ == '__main__':\n    print(RetryPolicy().next_delay(2))\n"
    files = {
        "lib/__init__.py": "",
        "lib/util.py": "def norm(x):\n    return abs(x)\n",
        "lib/fit/__init__.py": "",
        "lib/fit/tst_fit.py": program,
        "app/__init__.py": "",
        "app/core.py": "from lib.util import norm\n",
        "app/retry.py": _RETRY,
        "app/use.py": "from app.retry import RetryPolicy\n",
    }
    (v,) = _findings(make_repo, cli, files, "SSOT001")
    assert v["path"] == "lib/fit/tst_fit.py"
    assert "import it from app.retry" not in v["message"] and v.get("fix") is None
    assert "app imports from lib, never the other way" in v["message"]


def _projects(parent_init: bool) -> dict[str, str]:
    """Two packages of one folder, neither importing the other nor any other sibling."""
    files = {
        "projects/PETR/__init__.py": "",
        "projects/PETR/grid.py": _RETRY,
        "projects/DETR3D/__init__.py": "",
        "projects/DETR3D/grid.py": _RETRY,
        "projects/DETR3D/use.py": "from projects.DETR3D.grid import RetryPolicy\n",
    }
    if parent_init:
        files["projects/__init__.py"] = ""
    return files


def test_two_packages_of_a_namespace_folder_are_told_to_share_a_module(make_repo, cli):
    """mmdetection3d's ``projects/PETR`` and ``projects/DETR3D`` (``projects/`` has no
    ``__init__.py``): each is loaded alone, and importing one from the other would run the
    other's registrations; they are apart as two top-level packages are."""
    (v,) = _findings(make_repo, cli, _projects(parent_init=False), "SSOT001")
    assert v["path"] == "projects/PETR/grid.py"
    assert "keep one definition, in a module both can import: projects.PETR " in v["message"], v["message"]
    assert "it from projects.DETR3D.grid would" in v["message"], v["message"]
    assert v.get("fix") is None


def test_two_packages_of_one_package_that_do_not_meet_yet_are_told_to_import(make_repo, cli):
    """Under a regular package the two simply do not meet yet: one imports the other's copy."""
    (v,) = _findings(make_repo, cli, _projects(parent_init=True), "SSOT001")
    assert v["path"] == "projects/PETR/grid.py"
    assert "import it from projects.DETR3D.grid" in v["message"], v["message"]


def test_two_programs_share_an_enum_through_a_module_both_import(make_repo, cli):
    """PyKotor's ``holopatcher/__main__.py`` (the package's ``-m`` entry point) and the
    script beside it each keep an ``ExitCode``: neither is a module to import from."""
    files = {
        "tool/__init__.py": "",
        "tool/config.py": "X = 1\n",
        "tool/__main__.py": _STATUS + "\n\nif __name__ == '__main__':\n    print(WorkStatus.READY)\n",
        "tool/new_ui.py": "#!/usr/bin/env python3\n" + _STATUS + "\n\nif __name__ == '__main__':\n    print(WorkStatus.PAUSED)\n",
    }
    (v,) = _findings(make_repo, cli, files, "SSOT006")
    assert "keep one definition, in a module both import: tool/" in v["message"], v["message"]
    assert "is a program of its own" in v["message"], v["message"]
    assert v.get("fix") is None


def test_told_to_share_a_module_copies_written_differently_are_said_to_differ(make_repo, cli):
    """blueking-dbm's doris ``TransFileService`` beside redis' (the same members, redis'
    retrying where doris' raises): the shared module has to hold one class made of both,
    and the message says so."""
    drifted = _RETRY.replace("return self.delay * 2 ** n", "return self.delay * 3 ** n + 1")
    files = {
        "master/__init__.py": "",
        "master/notify.py": _RETRY,
        "master/use.py": "from master.notify import RetryPolicy\n",
        "worker/__init__.py": "",
        "worker/notify.py": drifted,
    }
    (v,) = _findings(make_repo, cli, files, "SSOT001")
    assert "keep one definition, in a module both can import: worker and master never import each other" in v["message"]
    assert v["message"].endswith(
        "; the two have the same members written differently: reconcile them into one class there"
    ), v["message"]


def test_told_to_share_a_module_two_empty_bodies_are_not_said_to_differ(make_repo, cli):
    """cognitive_robot_abstract_machine's two ``ParseError``s, a docstring and ``pass``
    against a docstring alone: nothing to reconcile."""
    files = {
        "master/__init__.py": "",
        "master/errors.py": 'class ParseError(Exception):\n    """Bad input."""\n\n    pass\n',
        "master/use.py": "from master.errors import ParseError\n",
        "worker/__init__.py": "",
        "worker/errors.py": 'class ParseError(Exception):\n    """Bad\n    input."""\n',
    }
    (v,) = _findings(make_repo, cli, files, "SSOT001")
    assert "keep one definition, in a module both can import: worker and master never import each other" in v["message"]
    assert "written differently" not in v["message"], v["message"]
