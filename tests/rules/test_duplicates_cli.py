"""SSOT001 and SSOT006 as a user meets them: which definitions are reported, which one the
advice points to, how the message says it was chosen, and the JSON details behind it."""

from __future__ import annotations

from tests.conftest import run_process  # noqa: F401 - the fixtures come from conftest

RETRY = "class RetryConfig:\n    attempts = 3\n    backoff = 0.5\n"
STATUS = "from enum import Enum\n\n\nclass Status(Enum):\n    DONE = 'done'\n"
PARSER = "class Parser:\n    def parse(self, text):\n        return text.split()\n"


def findings(result, rule: str) -> list[dict]:
    return sorted(
        (v for v in result.json()["violations"] if v["rule"] == rule), key=lambda v: (v["path"], v["line"])
    )


def check(make_repo, cli, files: dict[str, str], config: str = "", name: str = "repo"):
    root = make_repo(files, config=config, name=name)
    return cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT001,SSOT006")


def test_the_most_imported_copy_is_kept_and_the_message_says_so(make_repo, cli):
    result = check(make_repo, cli, {
        "app/__init__.py": "",
        "app/a.py": RETRY,
        "app/b.py": RETRY,
        "app/use1.py": "from app.b import RetryConfig\n",
        "app/use2.py": "from app.b import RetryConfig\n",
    })
    assert result.code == 1
    (v,) = findings(result, "SSOT001")
    assert (v["path"], v["line"]) == ("app/a.py", 1)
    assert v["message"] == (
        "class RetryConfig is also defined in app.b.RetryConfig (app/b.py:1), the most imported "
        "definition (2 first-party modules import it); keep one definition and import it from app.b"
    )
    assert "canonical " not in v["message"]
    assert v["details"]["chosen_by"] == "most-imported"
    assert v["details"]["canonical_importers"] == 2
    assert (v["details"]["canonical_path"], v["details"]["canonical_line"]) == ("app/b.py", 1)


def test_without_imports_the_same_package_then_the_first_by_path(make_repo, cli):
    result = check(make_repo, cli, {
        "alpha/__init__.py": "",
        "alpha/retry.py": RETRY,
        "beta/__init__.py": "",
        "beta/one.py": RETRY,
        "beta/two.py": RETRY,
    })
    by_path = {v["path"]: v for v in findings(result, "SSOT001")}
    assert sorted(by_path) == ["beta/one.py", "beta/two.py"]  # alpha/retry.py is kept
    # Advice points only to copies ranked before (kept first): never back and forth.
    assert by_path["beta/one.py"]["details"]["canonical_path"] == "alpha/retry.py"
    assert by_path["beta/two.py"]["details"]["canonical_path"] == "beta/one.py"
    assert by_path["beta/two.py"]["details"]["chosen_by"] == "same-package"
    assert "the definition in the same top-level package" in by_path["beta/two.py"]["message"]
    result = check(make_repo, cli, {"alpha/__init__.py": "", "alpha/a.py": RETRY, "alpha/b.py": RETRY}, name="two")
    (v,) = findings(result, "SSOT001")
    assert v["path"] == "alpha/b.py" and v["details"]["chosen_by"] == "first-by-path"
    assert "alpha.a.RetryConfig (alpha/a.py:1), the first by path" in v["message"]
    # ... unless the class's name names a folder of one copy's path, and no other's: that
    # copy is kept, whatever the paths' order (zds-site's notification app).
    named = "class RetryNotice:\n" + RETRY.partition("\n")[2]
    result = check(make_repo, cli, {
        "alpha/__init__.py": "", "alpha/mp/__init__.py": "", "alpha/mp/views.py": named,
        "alpha/notices/__init__.py": "", "alpha/notices/views.py": named,
    }, name="named")
    (v,) = findings(result, "SSOT001")
    assert v["path"] == "alpha/mp/views.py" and v["details"]["chosen_by"] == "named-home"
    assert "the one in the package its name names (notices; none is imported more, none is configured)" in v["message"]


def test_production_is_never_told_to_import_from_tooling(make_repo, cli):
    result = check(make_repo, cli, {
        "scripts/__init__.py": "",
        "scripts/retry.py": RETRY,
        "services/__init__.py": "",
        "services/retry.py": RETRY,
        "tools/__init__.py": "",
        "tools/status.py": STATUS,
        "services/status.py": STATUS,
    })
    assert [(v["path"], v["details"]["canonical_path"]) for v in findings(result, "SSOT001")] == [
        ("scripts/retry.py", "services/retry.py")
    ]
    assert [(v["path"], v["details"]["canonical_path"]) for v in findings(result, "SSOT006")] == [
        ("tools/status.py", "services/status.py")
    ]


def test_a_fallback_stub_is_neither_reported_nor_kept(make_repo, cli):
    stub = "try:\n    from app._speedups import Parser\nexcept ImportError:\n" + "".join(
        "    " + line + "\n" for line in PARSER.splitlines()
    )
    result = check(make_repo, cli, {"app/__init__.py": "", "app/compat.py": stub, "app/real.py": PARSER})
    assert result.code == 0, result.out
    result = check(make_repo, cli, {
        "app/__init__.py": "", "app/compat.py": stub, "app/other.py": PARSER, "app/real.py": PARSER,
    }, name="three")
    (v,) = findings(result, "SSOT001")
    assert (v["path"], v["details"]["canonical_path"]) == ("app/real.py", "app/other.py")


def test_availability_checks_mark_the_unavailable_branch(make_repo, cli):
    guarded = "try:\n    import fastlib\n    HAS_FAST = True\nexcept ImportError:\n    HAS_FAST = False\n\n"
    positive = guarded + "if HAS_FAST:\n    Parser = fastlib.Parser\nelse:\n" + "".join(
        "    " + line + "\n" for line in PARSER.splitlines()
    )
    negative = guarded + "if not HAS_FAST:\n" + "".join("    " + line + "\n" for line in PARSER.splitlines())
    unguarded = "DEBUG = False\n\nif not DEBUG:\n" + "".join("    " + line + "\n" for line in PARSER.splitlines())
    files = {"app/__init__.py": "", "app/real.py": PARSER, "app/pos.py": positive, "app/neg.py": negative}
    assert check(make_repo, cli, files).code == 0
    # A check of a name no ImportError guard binds is no availability check.
    result = check(make_repo, cli, {**files, "app/zdebug.py": unguarded}, name="unguarded")
    assert [v["path"] for v in findings(result, "SSOT001")] == ["app/zdebug.py"]


def test_same_module_redefinition_is_reported_once_at_the_later_class(make_repo, cli):
    result = check(make_repo, cli, {
        "app/__init__.py": "",
        "app/shapes.py": "class Point:\n    x = 0\n\n\nclass Point:\n    y = 0\n",
        "app/zother.py": "class Point:\n    y = 0\n",
    })
    vs = findings(result, "SSOT001")
    assert [(v["path"], v["line"]) for v in vs] == [("app/shapes.py", 5), ("app/zother.py", 1)]
    shadow = vs[0]
    assert shadow["message"] == (
        "class Point is defined again in this module (first at line 1); this definition "
        "replaces the earlier one, which is dead: keep one"
    )
    assert shadow["details"]["shadowed_line"] == 1
    # Only the definition that survives (the later one) is compared with other modules.
    assert vs[1]["details"]["canonical_line"] == 5


def test_a_redefined_class_a_decorator_may_have_registered_is_not_called_dead(make_repo, cli):
    """``@ns.route("/a") class Token`` then ``@ns.route("/b") class Token``: each statement
    registers a route as it runs, so the first class is in use; only renaming is safe. A
    plain ``@dataclass`` registers nothing: the first is dead."""
    routes = (
        "from app.web import ns\n\n\n@ns.route('/a')\nclass Token:\n    x = 0\n\n\n"
        "@ns.route('/b')\nclass Token:\n    y = 0\n"
    )
    plain = "from dataclasses import dataclass\n\n\n@dataclass\nclass Point:\n    x: int = 0\n\n\n@dataclass\nclass Point:\n    y: int = 0\n"
    result = check(make_repo, cli, {
        "app/__init__.py": "", "app/web.py": "ns = object()\n", "app/routes.py": routes, "app/points.py": plain,
    })
    messages = {v["path"]: v["message"] for v in findings(result, "SSOT001")}
    assert messages["app/routes.py"] == (
        "class Token is defined again in this module (first at line 5, decorated with @ns.route, which may "
        "register it when the statement runs: a route, a handler, a plugin); if it does, both classes stay in "
        "use under one name: rename one"
    )
    assert messages["app/points.py"].endswith("which is dead: keep one")


def test_unconfigured_concept_is_not_called_canonical(make_repo, cli):
    manager = "class {}:\n    def send(self, event):\n        self.sent = event\n"
    result = check(make_repo, cli, {
        "app/__init__.py": "",
        "app/a.py": manager.format("UnifiedWebSocketManager"),
        "app/b.py": manager.format("IsolatedWebSocketManager"),
    })
    (v,) = findings(result, "SSOT001")
    assert v["path"] == "app/b.py"
    assert v["message"] == (
        "IsolatedWebSocketManager is another implementation of the websocket-manager concept, also "
        "implemented by app.a.UnifiedWebSocketManager (app/a.py:1), the first by path (none is imported "
        "more, none is configured); keep one (set tool.ssotlint.concepts.websocket-manager.canonical to "
        "choose it)"
    )
    assert v["details"]["chosen_by"] == "first-by-path"


def test_configured_concepts_stay_strict(make_repo, cli):
    """Every implementation matching the pattern is reported, whatever its members or base."""
    result = check(
        make_repo,
        cli,
        {
            "app/__init__.py": "",
            "app/a.py": "class MainClock:\n    def now(self):\n        return 0\n",
            "app/b.py": "import base\n\n\nclass OtherClock(base.Thing):\n    def tick(self):\n        pass\n",
        },
        config='[tool.ssotlint.concepts.clock]\npattern = ".*Clock"\ncanonical = "app.a.MainClock"\n',
    )
    (v,) = findings(result, "SSOT001")
    assert v["path"] == "app/b.py"
    assert "use the canonical app.a.MainClock (app/a.py:1) instead" in v["message"]
    assert v["details"]["chosen_by"] == "configured"


def test_enum_advice_says_canonical_only_when_configured(make_repo, cli):
    files = {"app/__init__.py": "", "app/a.py": STATUS, "app/b.py": STATUS}
    (v,) = findings(check(make_repo, cli, files), "SSOT006")
    assert v["path"] == "app/b.py"
    assert "the first by path" in v["message"] and "canonical" not in v["message"]
    assert v["details"]["chosen_by"] == "first-by-path"
    configured = check(make_repo, cli, files, config='canonical-enum-modules = ["app.b"]\n', name="configured")
    (v,) = findings(configured, "SSOT006")
    assert v["path"] == "app/a.py"
    assert "app.b.Status (app/b.py:4), the canonical definition" in v["message"]
    assert v["details"]["chosen_by"] == "configured"


def test_framework_roles_are_told_apart_through_star_re_exports(make_repo, cli):
    """A model field and a form field of one name are projections, not copies, also when
    their bases are reached through ``from .base import *`` in a package."""
    point = "from app import {pkg}\n\n\nclass PointField({pkg}.Field):\n    geom_type = 'POINT'\n    srid = 4326\n"
    result = check(make_repo, cli, {
        "app/__init__.py": "",
        "app/fields/__init__.py": "from app.fields.base import *\n",
        "app/fields/base.py": "class Field:\n    def db_type(self):\n        return 'x'\n",
        "app/forms/__init__.py": "from app.forms.base import *\n",
        "app/forms/base.py": "class Field:\n    def widget(self):\n        return 'y'\n",
        "app/model_fields.py": point.format(pkg="fields"),
        "app/form_fields.py": point.format(pkg="forms"),
        "app/use1.py": "from app.model_fields import PointField\n",
        "app/use2.py": "from app.form_fields import PointField\n",
    })
    assert result.code == 0, result.out


def test_advice_never_closes_an_import_cycle(make_repo, cli):
    """A definition whose module loads the other's is never the one to import: the core copy
    is kept even though the contrib copy comes first by path."""
    factory = "class KeyFactory:\n    def __init__(self, key):\n        self.key = key\n\n    def __call__(self):\n        return self.key\n"
    result = check(make_repo, cli, {
        "app/__init__.py": "",
        "app/contrib/__init__.py": "",
        "app/contrib/hstore.py": "import app.core.json\n\n\n" + factory,
        "app/core/__init__.py": "",
        "app/core/json.py": factory,
    })
    (v,) = findings(result, "SSOT001")
    assert (v["path"], v["details"]["canonical_path"]) == ("app/contrib/hstore.py", "app/core/json.py")
    assert v["details"]["chosen_by"] == "loaded-by-this-module"
    assert "app/core/json.py:1), the one to keep: this module loads it, so keeping this copy" in v["message"]
    # Of two candidates, the one whose module loads the reporter's is passed over, and the
    # message says why.
    result = check(make_repo, cli, {
        "app/__init__.py": "",
        "app/x.py": factory,
        "app/r.py": "import app.x\n\n\n" + factory,
        "app/y.py": "import app.r\n\n\n" + factory,
        "app/u1.py": "from app.y import KeyFactory\n",
        "app/u2.py": "from app.y import KeyFactory\n",
    }, name="three")
    by_path = {v["path"]: v for v in findings(result, "SSOT001")}
    assert sorted(by_path) == ["app/r.py", "app/y.py"]  # app/x.py loads no other copy: kept
    v = by_path["app/r.py"]  # app.y is the most imported, but it loads app.r
    assert v["details"]["canonical_path"] == "app/x.py"
    assert v["details"]["chosen_by"] == "no-import-cycle"
    assert "app.x.KeyFactory (app/x.py:1), the one importable here without an import cycle" in v["message"]

    # Two modules that load each other: neither copy is "the one to keep", and the advice
    # is a module both can import (pwndbg's aglib and gdblib ELFInfo). The copy imported
    # more says it was adapted from the other, which is kept.
    result = check(make_repo, cli, {
        "app/__init__.py": "",
        "app/core/__init__.py": "",
        "app/core/json.py": "import app.core.sub.hstore\n\n\n" + factory,
        "app/core/sub/__init__.py": "",
        "app/core/sub/hstore.py": "import app.core.json\n\n\n# Adapted from app.core.json.KeyFactory\n" + factory,
        "app/u1.py": "from app.core.sub.hstore import KeyFactory\n",
        "app/u2.py": "from app.core.sub.hstore import KeyFactory\n",
    }, name="mutual")
    (v,) = findings(result, "SSOT001")
    assert v["path"] == "app/core/sub/hstore.py"
    assert v["details"]["chosen_by"] == "modules-load-each-other"
    assert "the one to keep" not in v["message"]
    assert "whose module and this one load each other" in v["message"]
    assert "keep one definition, in a module both can import" in v["message"]
    assert v["fix"] is None


def test_backend_variants_with_their_own_bodies_are_not_copies(make_repo, cli):
    """Each backend's class overrides the same hook with its own body: not a copy, though
    both are imported by name. Written the same way, they are."""
    validation = (
        "from app.backends.base import BaseValidation\n\n\nclass DatabaseValidation(BaseValidation):\n"
        "    def check_field_type(self, field):\n        return [{0}]\n\n    def check_sql_mode(self):\n        return [{0}, 'strict']\n"
        "\n    def close(self):\n        self.connection = None\n"
    )
    files = {
        "app/__init__.py": "",
        "app/backends/__init__.py": "",
        "app/backends/base.py": "class BaseValidation:\n    def check(self):\n        return []\n",
        "app/backends/mysql/__init__.py": "",
        "app/backends/mysql/validation.py": validation.format("'mysql'"),
        "app/backends/mysql/base.py": "from .validation import DatabaseValidation\n",
        "app/backends/oracle/__init__.py": "",
        "app/backends/oracle/validation.py": validation.format("'oracle'"),
        "app/backends/oracle/base.py": "from .validation import DatabaseValidation\n",
    }
    assert check(make_repo, cli, files).code == 0
    copied = {**files, "app/backends/oracle/validation.py": validation.format("'mysql'")}
    result = check(make_repo, cli, copied, name="copied")
    assert [v["path"] for v in findings(result, "SSOT001")] == ["app/backends/oracle/validation.py"]


def test_enum_namesakes_are_not_reported_against_a_configured_module(make_repo, cli):
    other = "from enum import Enum\n\n\nclass Status(Enum):\n    OPEN = 1\n    CLOSED = 2\n"
    files = {"app/__init__.py": "", "app/a.py": other, "app/b.py": STATUS}
    result = check(make_repo, cli, files, config='canonical-enum-modules = ["app.b"]\n')
    assert result.code == 0, result.out


def test_plugins_found_by_module_path_are_not_copies(make_repo, cli):
    """Three or more same-named classes extending one base, none imported by name (found by
    their module path), are a plugin convention, even written alike; two are not."""
    command = (
        "from app.core.base import BaseCommand\n\n\nclass Command(BaseCommand):\n"
        "    def handle(self, *args):\n        self.stdout.write('done')\n"
    )
    files = {
        "app/__init__.py": "",
        "app/core/__init__.py": "",
        "app/core/base.py": "class BaseCommand:\n    def run(self):\n        return self.handle()\n",
        "app/core/commands/__init__.py": "",
        "app/core/commands/migrate.py": command,
        "app/core/commands/serve.py": command,
        "app/core/commands/check.py": command,
    }
    assert check(make_repo, cli, files).code == 0
    two = {k: v for k, v in files.items() if not k.endswith("check.py")}
    result = check(make_repo, cli, two, name="two")
    assert [v["path"] for v in findings(result, "SSOT001")] == ["app/core/commands/serve.py"]


TEST_LOCATIONS = [
    "tests/a.py", "pkg/tests/a.py", "test/a.py", "pkg/test/a.py", "test_framework/base.py",
    "svc/test_framework/base.py", "testing/fakes.py", "conftest.py", "pkg/conftest.py",
    "pkg/test_x.py", "pkg/x_test.py",
    # a folder with "test" or "tests" as a word of its name
    "typing_tests/mypy.py", "python_modules/dagster/dagster_tests/core/a.py", "tests_pytorch/a.py",
    "test_apps/app/main.py", "e2e-tests/a.py", "pkg/tests-unit/a.py", "pkg/unit_test/a.py", "src/trio/_tests/a.py",
    "pkg/test-data/a.py", "test_launcher/isolation/a.py",
]


def test_check_and_session_call_the_same_python_files_tests():
    from ssotlint.config import Config
    from ssotlint.session.paths import Category, PathRules

    config = Config()
    rules = PathRules(config)
    not_tests = ["pkg/x.py", "pkg/testing.py", "app/tester.py", "app/latest/x.py", "contest_entries/a.py", "pytest_plugin/a.py",
        "app/services/realistic_test_data/a.py", "pkg/api_tests_v2/a.py", "test_results/run_42.json"]
    for path in TEST_LOCATIONS + not_tests:
        assert config.is_test_file(path) == (rules.classify(path).category is Category.TEST), path
    assert all(config.is_test_file(path) for path in TEST_LOCATIONS)
    assert not any(config.is_test_file(path) for path in not_tests)


def test_a_name_the_projects_pytest_collects_is_test_code_for_check_and_session(make_repo, cli):
    """``python_files = tests.py`` (Django's and Horizon's per-app test modules): two apps'
    ``tests.py`` with the same helper class are test code, not copies; a catch-all pattern
    (``*.py``, narrowed by ``testpaths``) names no test module. Without the configuration
    the helper is production code's, while the test case beside it is a test wherever it
    lies (SSOT001 never counts a class with tests on a framework's case)."""
    from ssotlint.config import Config
    from ssotlint.config_project import Collection
    from ssotlint.session.paths import Category, PathRules

    case = (
        "import unittest\n\n\nclass RouterFixture:\n    def build(self):\n        self.routes = []\n\n"
        "    def add(self, route):\n        self.routes.append(route)\n\n\n"
        "class RouterTests(unittest.TestCase):\n    def test_a(self):\n        self.x = 1\n"
    )
    files = {
        "app/__init__.py": "", "app/admin/__init__.py": "", "app/admin/tests.py": case,
        "app/project/__init__.py": "", "app/project/tests.py": case,
        "tox.ini": "[tox]\nenvlist = py3\n\n[pytest]\npython_files = tests.py test_*.py\n",
    }
    assert check(make_repo, cli, files).code == 0
    unconfigured = {k: v for k, v in files.items() if k != "tox.ini"}
    result = check(make_repo, cli, unconfigured, name="unconfigured")
    assert [v["path"] for v in findings(result, "SSOT001")] == ["app/project/tests.py"]
    config = Config(test_collection=Collection(python_files=("tests.py", "*.py")))
    rules = PathRules(config)
    for path, is_test in (("app/admin/tests.py", True), ("app/admin/views.py", False)):
        assert config.is_test_file(path) is is_test, path
        assert (rules.classify(path).category is Category.TEST) is is_test, path


def test_duplicates_in_test_locations_are_not_reported(make_repo, cli):
    files = {"app/__init__.py": "", "app/retry.py": RETRY}
    for path in ("test_framework/retry.py", "testing/retry.py", "svc/test/retry.py"):
        files[path] = RETRY
    result = check(make_repo, cli, files)
    assert result.code == 0, result.out


def test_alternative_implementations_of_one_base_are_not_copies(make_repo, cli):
    """Two start methods overriding the same base methods, each its own way, sharing one
    line of configuration: alternatives, not copies."""
    popen = (
        "from app.procs.base import Popen as BasePopen, DupFd\n\n\nclass Popen(BasePopen):\n"
        "    fd_class = DupFd\n\n    def _launch(self, obj):\n        self.pid = {}(obj)\n"
    )
    files = {
        "app/__init__.py": "",
        "app/procs/__init__.py": "",
        "app/procs/base.py": "class DupFd:\n    pass\n\n\nclass Popen:\n    def _launch(self, obj):\n        raise NotImplementedError\n",
        "app/procs/spawn.py": popen.format("spawn_main"),
        "app/procs/forkserver.py": popen.format("connect_to_server"),
        "app/context.py": "from app.procs.spawn import Popen\nfrom app.procs.forkserver import Popen as P\n",
    }
    assert check(make_repo, cli, files).code == 0


def test_a_third_namesake_on_another_base_makes_no_plugin_convention(make_repo, cli):
    item = (
        "from app.ui import Component\n\n\nclass ActionMenuItem(Component):\n    order = 100\n    label = ''\n\n"
        "    def is_shown(self, context):\n        return context.get('user') is not None\n"
    )
    result = check(make_repo, cli, {
        "app/__init__.py": "",
        "app/ui.py": "class Component:\n    def render(self):\n        return ''\n\n\nclass MenuItem:\n    def url(self):\n        return '/'\n",
        "app/admin_menu.py": item,
        "app/snippet_menu.py": item,
        "app/sidebar.py": "from app.ui import MenuItem\n\n\nclass ActionMenuItem(MenuItem):\n    order = 100\n",
    })
    assert [v["path"] for v in findings(result, "SSOT001")] == ["app/snippet_menu.py"]


def test_a_data_declaration_copied_as_a_subset_is_a_copy(make_repo, cli):
    """An API model keeping part of another's fields, written the same way, on the same
    base: a copy (and a namesake sharing one field is not, nor is the schema of each of
    two parallel parts)."""
    full = (
        "from pydantic import BaseModel\n\n\nclass AssetResponse(BaseModel):\n    id: int\n    name: str\n"
        "    uri: str\n    group: str\n    created_at: str\n    updated_at: str\n    aliases: list\n    consumers: list\n"
    )
    subset = "from pydantic import BaseModel\n\n\nclass AssetResponse(BaseModel):\n    name: str\n    uri: str\n    group: str\n"
    other = "from pydantic import BaseModel\n\n\nclass AssetResponse(BaseModel):\n    name: str\n    size: int\n    owner: str\n"
    files = {
        "app/__init__.py": "",
        "app/core/__init__.py": "", "app/core/models.py": full, "app/core/api.py": "from app.core.models import AssetResponse\n",
        "app/runtime/__init__.py": "", "app/runtime/schemas.py": subset,
        "app/runtime/api.py": "from app.runtime.schemas import AssetResponse\n",
    }
    result = check(make_repo, cli, files)
    assert [(v["path"], v["details"]["canonical_path"]) for v in findings(result, "SSOT001")] == [
        ("app/runtime/schemas.py", "app/core/models.py")
    ]
    result = check(make_repo, cli, {**files, "app/runtime/schemas.py": other}, name="namesake")
    assert result.code == 0, result.out
    # The same module of two parts that follow one layout (each its own ``models.py`` and
    # ``api.py``): each API's own schema, not reported (rules/SSOT001.md, parallel parts).
    parallel = {k: v for k, v in files.items() if k != "app/runtime/schemas.py"}
    parallel["app/runtime/models.py"] = subset
    parallel["app/runtime/api.py"] = "from app.runtime.models import AssetResponse\n"
    result = check(make_repo, cli, parallel, name="parallel")
    assert result.code == 0, result.out


def test_test_code_imported_only_by_scripts_stays_test_code(make_repo, cli):
    """Production importing a test-located module makes it production (and its copy a
    finding); a script, a loose module at the top or a backup copy importing it does not."""
    files = {
        "app/__init__.py": "",
        "app/retry.py": RETRY,
        "test_framework/__init__.py": "",
        "test_framework/retry.py": RETRY,
        "scripts/run.py": "from test_framework.retry import RetryConfig\n",
        "verify_fix.py": "from test_framework.retry import RetryConfig\n",  # a loose script at the top
        "backups/old/__init__.py": "",
        "backups/old/use.py": "from test_framework.retry import RetryConfig\n",
    }
    assert check(make_repo, cli, files).code == 0
    files["app/use.py"] = "from test_framework.retry import RetryConfig\n"
    root = make_repo(files, name="imported")
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT001")
    # The copy under test paths is production now (so the pair is reported), but the advice
    # never points production at test code: the test-path copy is the one reported.
    assert [(v["path"], v["details"]["canonical_path"]) for v in result.json()["violations"]] == [
        ("test_framework/retry.py", "app/retry.py")
    ]


def test_tooling_is_told_by_its_folder():
    from ssotlint.discover.roles import is_backup, is_tooling

    for path in ("scripts/x.py", "a/tools/x.py", "dev/x.py", "dev_launcher/x.py", "dev-tools/x.py", "setup.py",
                 "examples/x.py", "pkg/docs/conf.py", "ckanext/example_iauthfunctions/plugin.py",
                 "django_example/app.py"):
        assert is_tooling(path), path
    for path in ("app/x.py", "devices/x.py", "app/developer.py", "scripts.py", "app/tooling_api.py",
                 "app/exampled/x.py", "app/example_x.py"):
        assert not is_tooling(path), path
    assert is_backup("backups/app/x.py") and is_backup("Backup_2024/x.py") and not is_backup("app/backup.py")
    assert is_backup("test_framework/archived/duplicates/x.py") and not is_backup("app/archive/zipper.py")


def test_enum_message_says_what_mixing_the_two_does(make_repo, cli):
    """Plain members of two enums never compare equal; with a str mix-in (here through a
    first-party base) they compare as values, but are still two types."""
    plain = findings(check(make_repo, cli, {"app/__init__.py": "", "app/a.py": STATUS, "app/b.py": STATUS}), "SSOT006")
    mixed_base = "import enum\n\n\nclass Text(str, enum.Enum):\n    pass\n"
    mixed = "from app.base import Text\n\n\nclass Status(Text):\n    DONE = 'done'\n"
    valued = findings(
        check(make_repo, cli, {"app/__init__.py": "", "app/base.py": mixed_base, "app/a.py": mixed, "app/b.py": mixed}, name="mixed"),
        "SSOT006",
    )
    assert [len(plain), len(valued)] == [1, 1]
    assert "members of different enums never compare equal" in plain[0]["message"]
    assert "are different types (they compare equal only as values" in valued[0]["message"]


def test_no_advice_to_import_a_copy_from_a_module_that_loads_this_one(make_repo, cli):
    """Two copies whose modules load each other: importing either from the other closes an
    import cycle, so the message says where the class must go instead."""
    result = check(make_repo, cli, {
        "app/__init__.py": "",
        "app/a.py": "import app.b\n\n" + RETRY,
        "app/b.py": "import app.a\n\n" + RETRY,
    })
    found = findings(result, "SSOT001")
    assert [v["path"] for v in found] == ["app/b.py"]
    assert "in a module both can import: app.a loads this module" in found[0]["message"]
    assert "import it from" not in found[0]["message"]


def test_a_package_that_imports_all_its_modules_does_not_make_every_import_a_cycle(make_repo, cli):
    """``app/__init__.py`` imports both modules (as model registries do): importing one copy
    from the other runs no module twice, since the package has started first."""
    result = check(make_repo, cli, {
        "app/__init__.py": "from app import a, b\n",
        "app/a.py": RETRY,
        "app/b.py": RETRY,
    })
    found = findings(result, "SSOT001")
    assert [v["path"] for v in found] == ["app/b.py"]
    assert "keep one definition and import it from app.a" in found[0]["message"]


def test_an_import_inside_a_function_does_not_load_back(make_repo, cli):
    result = check(make_repo, cli, {
        "app/__init__.py": "",
        "app/a.py": "def later():\n    import app.b\n\n\n" + RETRY,
        "app/b.py": "import app.a\n\n" + RETRY,
    })
    found = findings(result, "SSOT001")
    assert [v["path"] for v in found] == ["app/b.py"]
    assert "keep one definition and import it from app.a" in found[0]["message"]


def test_a_loader_of_any_module_of_the_top_package_makes_no_alternatives(make_repo, cli):
    """``importlib.import_module("app." + name)`` may load any module of ``app``: it says
    nothing of which are alternatives, and two of them defining one enum are reported."""
    enum = "import enum\n\n\nclass Mode(enum.Enum):\n    READ = 'r'\n    WRITE = 'w'\n"
    root = make_repo({
        "app/__init__.py": "",
        "app/loader.py": "import importlib\n\n\ndef load(name):\n    return importlib.import_module('app.' + name)\n",
        "app/fast.py": enum,
        "app/slow.py": enum,
    })
    result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT006")
    assert [v["path"] for v in result.json()["violations"]] == ["app/slow.py"]


def test_alternatives_loaded_by_a_relative_computed_name_are_apart(make_repo, cli):
    """``import_module(".backend_" + name, package=__package__)``: the start is read relative
    to the runner's package. Without an anchor the name cannot be resolved, and says nothing."""
    enum = "import enum\n\n\nclass Mode(enum.Enum):\n    READ = 'r'\n    WRITE = 'w'\n"
    files = {
        "app/__init__.py": "",
        "app/store/__init__.py": "",
        "app/store/backend_fast.py": enum,
        "app/store/backend_slow.py": enum,
    }
    load = "import importlib\n\n\ndef load(name):\n    return importlib.import_module('.backend_' + name{})\n"
    reported = []
    for name, anchor in (("anchored", ", package=__package__"), ("unanchored", "")):
        root = make_repo({**files, "app/store/runner.py": load.format(anchor)}, name=name)
        result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT006")
        reported.append([v["path"] for v in result.json()["violations"]])
    assert reported == [[], ["app/store/backend_slow.py"]]


SIGNAL_MODEL = (
    "from django.db import models\n\n\nclass Signal(models.Model):\n    module_path = models.TextField()\n"
    "    name = models.CharField(max_length=64)\n"
)


def test_a_model_of_an_application_no_settings_install_is_never_the_one_kept(make_repo, cli):
    """bk-itsm keeps a copy of its installed ``django_signal_valve`` application under
    ``pipeline/``, which no settings install and whose own modules import its models: the
    installed application's ``Signal`` is kept, and the message says why."""
    result = check(make_repo, cli, {
        "config/__init__.py": "",
        "config/settings.py": "INSTALLED_APPS = ['django.contrib.admin', 'valve.apps.ValveConfig']\n",
        "valve/__init__.py": "",
        "valve/apps.py": "from django.apps import AppConfig\n\n\nclass ValveConfig(AppConfig):\n    name = 'valve'\n",
        "valve/models.py": SIGNAL_MODEL,
        "pipeline/__init__.py": "",
        "pipeline/valve/__init__.py": "",
        "pipeline/valve/models.py": SIGNAL_MODEL,
        "pipeline/valve/admin.py": "from pipeline.valve.models import Signal\n\nprint(Signal)\n",
        "pipeline/valve/send.py": "from pipeline.valve.models import Signal\n\nprint(Signal)\n",
    })
    (v,) = findings(result, "SSOT001")
    assert (v["path"], v["line"]) == ("pipeline/valve/models.py", 4)
    assert v["details"]["chosen_by"] == "installed-application"
    assert "the one of an installed application (no settings install this model's application" in v["message"]


def test_a_module_that_imports_the_enum_and_then_defines_its_own_is_told_to_delete_it(make_repo, cli):
    """DeepLearningExamples' ``run_performance_on_triton.py`` imports ``MeasurementMode``
    from ``.deployment_toolkit.core``, then defines its own: members of the two never
    compare equal, and the import is already there; no import to add, so no fix."""
    measurement = "from enum import Enum\n\n\nclass MeasurementMode(Enum):\n    COUNT_WINDOWS = 'count_windows'\n    TIME_WINDOWS = 'time_windows'\n"
    result = check(make_repo, cli, {
        "triton/__init__.py": "",
        "triton/toolkit/__init__.py": "",
        "triton/toolkit/core.py": measurement,
        "triton/toolkit/report.py": "from triton.toolkit.core import MeasurementMode\n\nprint(MeasurementMode)\n",
        "triton/run_performance.py": "from .toolkit.core import MeasurementMode\n\n\n" + measurement
        + "\n\ndef mode():\n    return MeasurementMode.COUNT_WINDOWS\n",
    })
    (v,) = findings(result, "SSOT006")
    assert (v["path"], v["line"]) == ("triton/run_performance.py", 7)
    assert v["message"].endswith(
        "this module already imports MeasurementMode from triton.toolkit.core (line 1), and this class statement "
        "replaces it: delete the class"
    ), v["message"]
    assert v.get("fix") is None


def test_an_ansible_plugin_loaded_by_its_class_name_is_never_called_unused(make_repo, cli):
    """Two roles' ``filter_plugins/`` each ship a ``FilterModule`` (openshift-tools): Ansible
    loads it from the file by that name, so "neither copy is used" would be false; a class of
    another name that nothing reads still is unused."""
    plugin = (
        "#!/usr/bin/env python\n\n\nclass FilterModule(object):\n    def filters(self):\n"
        "        return {'get_running_pods': lambda pods: [p for p in pods if p]}\n"
    )
    result = check(make_repo, cli, {
        "ansible/roles/zagg/filter_plugins/zagg_filters.py": plugin,
        "ansible/roles/sso/filter_plugins/sso_filters.py": plugin,
        "tools/a.py": "#!/usr/bin/env python\n\n\nclass Tag(object):\n    def name(self):\n        return 'a'\n",
        "tools/b.py": "#!/usr/bin/env python\n\n\nclass Tag(object):\n    def name(self):\n        return 'a'\n",
    })
    messages = {v["path"]: v["message"] for v in findings(result, "SSOT001")}
    plugin_message = next(m for p, m in messages.items() if p.endswith("_filters.py"))
    assert "neither copy is used" not in plugin_message, plugin_message
    tag_message = next(m for p, m in messages.items() if p.startswith("tools/"))
    assert "neither copy is used" in tag_message, tag_message


def test_copies_no_import_can_name_are_reported_against_each_other_without_an_import_to_follow(make_repo, cli):
    """Two libraries of one vendor's tree below a folder whose name is no identifier (sonic's
    ``sonic-platform-modules-micas/common/lib/``): the copy is reported, told to go into a
    module both can import, not to import a module no statement can spell; no fix. Two
    vendors' trees are built and installed apart: their copies are not reported."""
    files = {
        "platform/modules-micas/lib/rjutil/retry.py": RETRY,
        "platform/modules-micas/lib/wbutil/retry.py": RETRY,
        "platform/modules-micas/lib/wbutil/status.py": STATUS,
        "platform/modules-micas/lib/rjutil/status.py": STATUS,
    }
    result = check(make_repo, cli, files)
    assert result.code == 1
    by_rule = {v["rule"]: v for v in result.json()["violations"]}
    assert sorted(by_rule) == ["SSOT001", "SSOT006"]
    copy = by_rule["SSOT001"]
    assert (copy["path"], copy["line"]) == ("platform/modules-micas/lib/wbutil/retry.py", 1)
    assert copy["message"] == (
        "class RetryConfig is also defined in RetryConfig (platform/modules-micas/lib/rjutil/retry.py:1), the first by "
        "path (none is imported more, none is configured); keep one definition, in a module both can import: no import "
        "statement can name platform/modules-micas/lib/rjutil/retry.py (a folder or file name on its path is not an "
        "identifier)"
    )
    assert "fix" not in copy or copy["fix"] is None
    enum = by_rule["SSOT006"]
    assert enum["path"] == "platform/modules-micas/lib/wbutil/status.py"
    assert "no import statement can name platform/modules-micas/lib/rjutil/status.py" in enum["message"]
    assert "import Status from" not in enum["message"]
    apart = {path.replace("micas/lib/wbutil", "ragile/lib/wbutil"): text for path, text in files.items()}
    assert check(make_repo, cli, apart, name="apart").json()["violations"] == []


def test_among_copies_no_import_can_name_the_products_is_kept_before_toolings(make_repo, cli):
    """Neither of a product module's copy and a tool's below ``kosmos-2/`` can be named: the
    tool's copy is the one reported, whatever the paths' order."""
    result = check(make_repo, cli, {
        "kosmos-2/alpha/scripts/data/retry.py": RETRY,
        "kosmos-2/unilm/data/retry.py": RETRY,
    })
    (v,) = findings(result, "SSOT001")
    assert v["path"] == "kosmos-2/alpha/scripts/data/retry.py"
    assert v["details"]["canonical_path"] == "kosmos-2/unilm/data/retry.py"


def test_scripts_no_import_can_name_are_not_called_unused(make_repo, cli):
    """sonic's vendor scripts below ``sonic-platform-modules-micas/``: a shebang and no import
    the model can see say nothing of whether a Makefile installs one as a library that others
    import, so the advice is a module both can import, never "delete the copies"."""
    script = "#!/usr/bin/env python3\n" + RETRY + "\n\nif __name__ == '__main__':\n    print('ok')\n"
    result = check(make_repo, cli, {"platform/modules-micas/script/a.py": script, "platform/modules-micas/script/b.py": script})
    (v,) = findings(result, "SSOT001")
    assert v["path"] == "platform/modules-micas/script/b.py"
    assert "keep one definition, in a module both can import: no import statement can name" in v["message"]
    assert "delete" not in v["message"] and "program of its own" not in v["message"]
