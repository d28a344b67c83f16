"""Precision classes of issue 11 seen on a second holdout of real code (saleor, networkx,
pylint, jedi, ckan): what the user reads in the JSON output."""

from __future__ import annotations


def _check(make_repo, cli, files: dict[str, str], rules: str):
    root = make_repo(files)
    return cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", rules)


def _findings(result, rule: str) -> list[dict]:
    return sorted((v for v in result.json()["violations"] if v["rule"] == rule), key=lambda v: (v["path"], v["line"]))


def test_a_cycle_through_a_package_is_broken_where_the_submodule_imports_the_package(make_repo, cli):
    """A package re-exporting its submodule's class is its public surface: no function of
    the package uses it, so the advice moves the submodule's import of the package, never
    the package's import of its own submodule (seen on saleor's graphql packages and
    networkx's ``from networkx import algorithms``)."""
    result = _check(make_repo, cli, {
        "shop/__init__.py": "from .orders import Order\nfrom .errors import ShopError\n",
        "shop/errors.py": "class ShopError(Exception): ...\n",
        "shop/orders.py": "from shop import ShopError\n\n\nclass Order:\n    error = ShopError\n",
    }, "SSOT002")
    [finding] = _findings(result, "SSOT002")
    assert (finding["path"], finding["line"]) == ("shop/__init__.py", 1)
    assert finding["message"].endswith(
        "break it by importing `ShopError` from shop.errors in shop/orders.py:1 `from shop import ShopError`, "
        "where it is defined, not from shop"
    ), finding["message"]
    assert [e["path"] for e in finding["details"]["suggested_fix"]] == ["shop/orders.py"]
    assert "fix" not in finding or finding["fix"] is None


def test_a_missing_name_defined_in_several_modules_gets_no_advice_to_import_one(make_repo, cli):
    """``bar`` defined alike in three modules: the hint names them and advises none (seen on
    pylint's test data: "import it from there" pointed at one arbitrary ``bar`` of six);
    one definition is still advised."""
    result = _check(make_repo, cli, {
        "app/__init__.py": "",
        "app/one.py": "def bar():\n    return 1\n",
        "app/two.py": "def bar():\n    return 2\n",
        "app/three.py": "class bar: ...\n",
        "app/only.py": "def baz():\n    return 3\n",
        "app/utils.py": "x = 1\n",
        "app/views.py": "from app.utils import bar\nfrom app.utils import baz\n",
    }, "SSOT003")
    several, one = _findings(result, "SSOT003")
    assert (several["line"], one["line"]) == (1, 2)
    assert "import it from there" not in several["message"], several["message"]
    assert "it is defined in 3 modules (app.one, app.three, app.two), none of them certainly the one meant" in several["message"], several["message"]
    assert "it is defined in app.only: import it from there" in one["message"], one["message"]


def test_of_several_definitions_the_one_nearest_the_importer_is_advised(make_repo, cli):
    """A transport importing ``ProtocolError`` from the wrong module is pointed at its own
    package's definition, not the client's (seen on the monorepo: the first by path was
    advised); the hint says how it was chosen."""
    result = _check(make_repo, cli, {
        "svc/__init__.py": "",
        "svc/db.py": "x = 1\n",
        "svc/client/__init__.py": "",
        "svc/client/core.py": "class ProtocolError(Exception): ...\n",
        "svc/client/transports/__init__.py": "",
        "svc/client/transports/base.py": "class ProtocolError(Exception): ...\n",
        "svc/client/transports/ws.py": "from svc.db import ProtocolError\n",
    }, "SSOT003")
    [finding] = _findings(result, "SSOT003")
    assert finding["message"].endswith(
        "it is defined in svc.client.transports.base, the nearest of 2 modules that define it: import it from there"
    ), finding["message"]


def test_of_several_definitions_the_one_nearest_the_named_module_comes_first(make_repo, cli):
    """A test far from both expected ``EventValidator`` in the backend's websocket package:
    the backend's definition is advised, not another service's namesake."""
    result = _check(make_repo, cli, {
        "backend/__init__.py": "",
        "backend/ws/__init__.py": "",
        "backend/ws/validator.py": "x = 1\n",
        "backend/ws/framework.py": "class EventValidator: ...\n",
        "analytics/__init__.py": "",
        "analytics/utils.py": "class EventValidator: ...\n",
        "tests/e2e/test_events.py": "from backend.ws.validator import EventValidator\n",
    }, "SSOT003")
    [finding] = _findings(result, "SSOT003")
    assert finding["message"].endswith(
        "it is defined in backend.ws.framework, the nearest of 2 modules that define it: import it from there"
    ), finding["message"]


def test_a_definition_in_the_importers_own_package_comes_before_one_nearer_the_named_module(make_repo, cli):
    """A package's ``__init__`` imports ``validate_schema`` from an unrelated module; its own
    ``utils`` defines it, and so does a service beside the wrong module: its own is advised
    (seen on the monorepo: the nearest-the-named-module rule advised the other service's)."""
    result = _check(make_repo, cli, {
        "app/__init__.py": "",
        "app/services/__init__.py": "",
        "app/services/audit/__init__.py": "",
        "app/services/audit/utils.py": "x = 1\n",
        "app/services/synthetic/__init__.py": "",
        "app/services/synthetic/validators.py": "def validate_schema(s): ...\n",
        "app/core/__init__.py": "",
        "app/core/schema_sync/__init__.py": "from app.services.audit.utils import validate_schema\n",
        "app/core/schema_sync/utils.py": "def validate_schema(s): ...\n",
    }, "SSOT003")
    [finding] = _findings(result, "SSOT003")
    assert finding["message"].endswith(
        "it is defined in app.core.schema_sync.utils, the nearest of 2 modules that define it: import it from there"
    ), finding["message"]


def test_a_relative_import_one_level_above_the_top_package_is_reported(make_repo, cli):
    """``from ....celeryconf import app`` in ``shop/channel/tasks/job.py`` (package of three
    parts, level four) climbs above ``shop``: importlib refuses it, even when a module of
    that name lies next to the package (seen on saleor: a task module moved one folder
    deeper kept its dots; the independent checker found it, ssotlint resolved it to the
    top-level ``celeryconf``)."""
    result = _check(make_repo, cli, {
        "celeryconf.py": "app = object()\n",
        "shop/__init__.py": "",
        "shop/celeryconf.py": "app = object()\n",
        "shop/channel/__init__.py": "",
        "shop/channel/tasks/__init__.py": "",
        "shop/channel/tasks/job.py": "from ....celeryconf import app\nfrom ...celeryconf import app as ok\n",
    }, "SSOT003")
    assert [(v["path"], v["line"], v["message"]) for v in _findings(result, "SSOT003")] == [
        ("shop/channel/tasks/job.py", 1, "`from ....celeryconf import app`: attempted relative import beyond the top-level package")
    ]


def test_did_you_mean_never_offers_a_module_dunder_attribute(make_repo, cli):
    """``from app.w import package`` with nothing alike in ``app.w``: no "did you mean
    '__package__'?" (seen 4 times on pylint's tests); a real near name is still offered."""
    result = _check(make_repo, cli, {
        "app/__init__.py": "",
        "app/w.py": "packages = []\n",
        "app/v.py": "x = 1\n",
        "app/use.py": "from app.w import package\nfrom app.v import package as p\n",
    }, "SSOT003")
    near, plain = _findings(result, "SSOT003")
    assert near["message"].endswith("did you mean 'packages'?"), near["message"]
    assert plain["message"].endswith("it is not defined anywhere in the project"), plain["message"]


def test_did_you_mean_never_offers_a_name_that_differs_only_in_case(make_repo, cli):
    """``from app import task`` where app has a ``Task`` class (celery's removed decorator):
    the class is another kind of thing, not the name meant; a real near name still is."""
    result = _check(make_repo, cli, {
        "app/__init__.py": "class Task:\n    pass\n\n\ndef shared_task(fn):\n    return fn\n\n\nsubtask = Task\n",
        "app/use.py": "from app import task\nfrom app import shared_tsk\n",
    }, "SSOT003")
    case_only, near = _findings(result, "SSOT003")
    assert case_only["message"].endswith("it is not defined anywhere in the project"), case_only["message"]
    assert near["message"].endswith("did you mean 'shared_task'?"), near["message"]


def test_did_you_mean_never_offers_a_name_spelt_as_another_kind_of_thing(make_repo, cli):
    """``from app import task_runner`` (a function, by its spelling) where app has a
    ``TaskRunner`` class: a class is used differently, so it is not offered; a lower-case
    near name is, and so is a class for a class."""
    result = _check(make_repo, cli, {
        "app/__init__.py": "class TaskRunner:\n    pass\n\n\ndef run_tasks():\n    pass\n\n\nclass Runner:\n    pass\n",
        "app/use.py": "from app import task_runner\nfrom app import run_task\nfrom app import Runer\n",
    }, "SSOT003")
    kind, near, cls = _findings(result, "SSOT003")
    assert kind["message"].endswith("it is not defined anywhere in the project"), kind["message"]
    assert near["message"].endswith("did you mean 'run_tasks'?"), near["message"]
    assert cls["message"].endswith("did you mean 'Runner'?"), cls["message"]
