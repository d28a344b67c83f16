"""Round 7's same-named classes that are distinct things (SSOT001), in the shapes of the
repositories they were read in: each service's view of a shared configuration in its own
distribution, models stored under names their nested options give, instances of one
convention named by a value naming their own module, and templates registered by each
module's own registry. Their drifted copies stay reported."""

from __future__ import annotations

_SHARED = (
    "class BaseConfig:\n    def __init__(self, path=None):\n        self.path = path\n\n\n"
    "class GeneralConfig:\n    timezone = 'UTC'\n\n\nclass RabbitMQConfig:\n    host = 'localhost'\n"
)
_CONFIG = (
    "from libshared.config import BaseConfig, GeneralConfig, RabbitMQConfig\n{imports}\n\nclass Config(BaseConfig):\n"
    "    general: GeneralConfig\n    rabbitmq: RabbitMQConfig = RabbitMQConfig()\n{extra}"
)


def _distribution(name: str) -> dict[str, str]:
    return {f"{name}/pyproject.toml": f"[project]\nname = '{name}'\n", f"{name}/setup.py": "", f"{name}/lib{name}/__init__.py": ""}


def _services(worker_extra: str = "") -> dict[str, str]:
    """A shared library and three services, each a distribution of its own with its own
    view (a ``Config``) of one configuration file."""
    return {
        **_distribution("shared"),
        "shared/libshared/config.py": _SHARED,
        **_distribution("worker"),
        "worker/libworker/config.py": _CONFIG.format(imports="", extra=worker_extra),
        "worker/libworker/main.py": "from libworker.config import Config\n",
        **_distribution("analyzer"),
        "analyzer/libanalyzer/config.py": _CONFIG.format(imports="", extra=""),
        **_distribution("playout"),
        "playout/libplayout/models.py": "class PlayoutConfig:\n    fade = 0.5\n\n\nclass StreamConfig:\n    outputs = ()\n",
        "playout/libplayout/config.py": _CONFIG.format(
            imports="from libplayout.models import PlayoutConfig, StreamConfig\n",
            extra="    playout: PlayoutConfig = PlayoutConfig()\n    stream: StreamConfig = StreamConfig()\n",
        ),
        **{f"playout/libplayout/use{i}.py": "from libplayout.config import Config\n" for i in range(3)},
    }


def _findings(make_repo, cli, files: dict[str, str]) -> list[dict]:
    root = make_repo(files)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT001")
    return [v for v in result.json()["violations"] if v["rule"] == "SSOT001"]


def test_each_services_view_of_a_shared_config_is_its_own(make_repo, cli):
    found = _findings(make_repo, cli, _services())
    # The worker's and the analyzer's views are the same: a copy; the playout's, with
    # sections only the playout reads, is the playout's own.
    assert [(v["path"], v["line"]) for v in found] == [("worker/libworker/config.py", 4)] or [
        (v["path"], v["line"]) for v in found
    ] == [("analyzer/libanalyzer/config.py", 4)]
    assert "libplayout" not in found[0]["message"]


def test_a_view_with_a_field_of_its_own_is_not_told_to_import_another_services(make_repo, cli):
    found = _findings(make_repo, cli, _services(worker_extra="    storage: GeneralConfig = GeneralConfig()\n"))
    assert found == []


def test_models_stored_under_names_their_options_give_are_two(make_repo, cli):
    model = (
        "from ming import schema\nfrom ming.odm import FieldProperty, MappedClass\n\n\nclass Globals(MappedClass):\n"
        "    class __mongometa__:\n        name = {name!r}\n        session = None\n\n"
        "    _id = FieldProperty(schema.ObjectId)\n    app_config_id = FieldProperty(schema.ObjectId)\n"
    )
    files = {
        "forge/__init__.py": "",
        "forge/wiki/__init__.py": "",
        "forge/wiki/model.py": model.format(name="wiki-globals"),
        "forge/blog/__init__.py": "",
        "forge/blog/model.py": model.format(name="blog-globals"),
        "forge/tracker/__init__.py": "",
        "forge/tracker/ticket.py": model.format(name="globals"),
        "forge/tracker/copy.py": model.format(name="globals"),
        "forge/tracker/views.py": "from forge.tracker.copy import Globals\n",
        "forge/wiki/views.py": "from forge.wiki.model import Globals\n",
        "forge/blog/views.py": "from forge.blog.model import Globals\n",
    }
    found = _findings(make_repo, cli, files)
    # Only the two stored under one name are one model defined twice.
    assert sorted(v["path"] for v in found) == ["forge/tracker/ticket.py"]
    assert "forge.tracker.copy" in found[0]["message"]


def test_a_subcommand_named_for_its_module_is_not_a_copy_but_a_drifted_value_is(make_repo, cli):
    command = "{head}\n\nclass {cls}:\n    name = {name!r}\n    command = {function}\n"
    own = "def {function}(args):\n    return args\n"
    shared = "from mailer.core import run\n"
    files = {
        "mailer/__init__.py": "",
        "mailer/core.py": "def run(args):\n    return args\n",
        "mailer/commands/__init__.py": "",
        "mailer/commands/cli_members.py": command.format(head=own.format(function="members"), cls="Members", name="members", function="members"),
        "mailer/commands/cli_admins.py": command.format(head=own.format(function="admins"), cls="Members", name="admins", function="admins"),
        "mailer/digest/__init__.py": "",
        "mailer/digest/send.py": command.format(head=shared, cls="Digest", name="weekly", function="run"),
        "mailer/digest/plan.py": command.format(head=shared, cls="Digest", name="monthly", function="run"),
    }
    found = _findings(make_repo, cli, files)
    # ``weekly`` and ``monthly`` name neither module: a copy whose value drifted.
    assert [v["path"] for v in found] == ["mailer/digest/send.py"]


def test_classes_naming_their_own_service_but_holding_other_fields_are_compared_as_usual(make_repo, cli):
    head = "from pydantic import BaseModel\n\n\nclass HealthResponse(BaseModel):\n    status: str\n"
    files = {
        "analytics/__init__.py": "",
        "analytics/routes/__init__.py": "",
        "analytics/routes/health.py": head + "    service: str = 'analytics'\n    version: str = '1.0'\n"
        "    uptime_seconds: float\n    components: list\n",
        "auth/__init__.py": "",
        "auth/schemas.py": head + "    service: str = 'auth'\n    version: str = '1.0'\n    redis_connected: bool = False\n",
        **{f"auth/use{i}.py": "from auth.schemas import HealthResponse\n" for i in range(2)},
    }
    found = _findings(make_repo, cli, files)
    # Each names its own service, but they hold other fields too: a drifted copy.
    assert [v["path"] for v in found] == ["analytics/routes/health.py"]
