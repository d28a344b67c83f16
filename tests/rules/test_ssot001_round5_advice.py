"""SSOT001 and SSOT006 advice found wrong in kind on real code (issue 11, round 5): what
each message claims about imports must hold, and it never asks for a dependency the
import graph says the design keeps out."""

from __future__ import annotations

_MIXIN = "class NestedViewSetMixin:\n    def get_queryset(self):\n        return self.parent_filter(self.queryset)\n"


def _findings(make_repo, cli, files: dict[str, str], rule: str = "SSOT001", name: str = "repo") -> list[dict]:
    root = make_repo(files, name=name)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", rule)
    return sorted((v for v in result.json()["violations"] if v["rule"] == rule), key=lambda v: (v["path"], v["line"]))


def test_an_import_of_an_already_started_package_closes_no_cycle(make_repo, cli):
    """``viewsets`` loads ``mixins``; ``mixins`` loads ``settings``, which reads a constant of
    their own package (``from . import ISO_8601``), whose ``__init__`` imports ``viewsets``.
    That package has started before ``viewsets`` runs, so importing the mixin from
    ``mixins`` closes no cycle: the advice is to import it (Taiga's ``NestedViewSetMixin``
    was told both that ``viewsets`` loads ``mixins`` and that ``mixins`` loads ``viewsets``)."""
    files = {
        "app/__init__.py": "",
        "app/api/__init__.py": "ISO_8601 = 'iso-8601'\nfrom .viewsets import NestedViewSetMixin\n",
        "app/api/settings.py": "from . import ISO_8601\n\nDATE_FORMAT = ISO_8601\n",
        "app/api/mixins.py": "from . import settings\n\n\n" + _MIXIN,
        "app/api/viewsets.py": "from . import mixins\n\n\n" + _MIXIN,
    }
    found = _findings(make_repo, cli, files)
    assert [v["path"] for v in found] == ["app/api/viewsets.py"]
    message = found[0]["message"]
    assert "close an import cycle" in message  # keeping this copy would: mixins is loaded here
    assert message.endswith("keep one definition and import it from app.api.mixins")
    assert "app.api.mixins loads this module" not in message


_NOTIFIER = (
    "class Notifier:\n    def __init__(self):\n        self._waiters = []\n\n"
    "    def wait(self):\n        self._waiters.append(1)\n        return len(self._waiters)\n\n"
    "    def notify(self, result):\n        waiters, self._waiters = self._waiters, []\n        return waiters\n"
)


def _distributions(master_imports_worker: str) -> dict[str, str]:
    """Two distributions of one repository (buildbot's ``master/`` and ``worker/``), each
    with a copy of ``Notifier``; the master's tests import the worker at module level."""
    return {
        "master/pyproject.toml": "[project]\nname = 'master'\n",
        "master/buildbot/__init__.py": "",
        "master/buildbot/util/__init__.py": "",
        "master/buildbot/util/notifier.py": _NOTIFIER,
        "master/buildbot/local.py": master_imports_worker,
        "master/buildbot/test/__init__.py": "",
        "master/buildbot/test/fake.py": "from buildbot_worker.bot import Bot\n",
        "worker/pyproject.toml": "[project]\nname = 'worker'\n",
        "worker/buildbot_worker/__init__.py": "",
        "worker/buildbot_worker/bot.py": "class Bot:\n    pass\n",
        "worker/buildbot_worker/util/__init__.py": "",
        "worker/buildbot_worker/util/notifier.py": _NOTIFIER,
        "worker/buildbot_worker/run.py": "from buildbot_worker.util.notifier import Notifier\n",
    }


def test_a_distribution_is_never_told_to_import_another_its_product_does_not_import(make_repo, cli):
    """The master's product imports the worker only inside a function (an optional extra),
    its tests at module level: neither side is told to import the other's copy."""
    lazy = "def start():\n    from buildbot_worker.bot import Bot\n    return Bot()\n"
    found = _findings(make_repo, cli, _distributions(lazy))
    assert len(found) == 1
    message = found[0]["message"]
    assert "keep one definition, in a module both can import: " in message
    # They do meet, inside the function: the message does not claim they never do.
    assert "buildbot imports buildbot_worker only inside functions, never when it is loaded" in message
    assert "import it from buildbot_worker" not in message and "import it from buildbot." not in message
    assert found[0].get("fix") is None


def test_a_distribution_whose_product_imports_another_at_module_level_may_import_from_it(make_repo, cli):
    """When the master's product imports the worker at module level, the worker is a
    dependency it has already: the master's copy is told to import the worker's."""
    eager = "from buildbot_worker.bot import Bot\n"
    found = _findings(make_repo, cli, _distributions(eager))
    assert [v["path"] for v in found] == ["master/buildbot/util/notifier.py"]
    assert found[0]["message"].endswith("keep one definition and import it from buildbot_worker.util.notifier")


_TZ = "class TimezoneMixin:\n    def initial(self, request):\n        self.tz = request.user.tz\n        return self.tz\n"


def test_copies_point_to_the_one_kept_and_say_truly_why(make_repo, cli):
    """Three layers copy one mixin; ``api`` and ``space`` build on ``core`` (they import it,
    never the other way). Both are told to import ``core``'s, none the other's (Plane's
    ``space`` was told to import ``api``'s, itself told to import ``app``'s), and ``api``'s
    message does not call ``core``'s "the first by path": ``app/api`` comes first."""
    files = {
        "app/__init__.py": "",
        "app/core/__init__.py": "",
        "app/core/views.py": _TZ,
        "app/core/auth.py": "TOKEN = 'x'\n",
        "app/api/__init__.py": "",
        "app/api/views.py": "import app.core.auth\n\n\n" + _TZ,
        "app/space/__init__.py": "",
        "app/space/views.py": "import app.core.views\n\n\n" + _TZ,
    }
    found = _findings(make_repo, cli, {**files, "pyproject.toml": ""})
    assert [(v["path"], v["details"]["canonical"]) for v in found] == [
        ("app/api/views.py", "app.core.views.TimezoneMixin"),
        ("app/space/views.py", "app.core.views.TimezoneMixin"),
    ]
    api = found[0]
    assert api["details"]["chosen_by"] == "upstream"
    assert "the first by path" not in api["message"]


_ROLE = "from enum import Enum\n\n\nclass ROLE(Enum):\n    ADMIN = 20\n    MEMBER = 15\n    GUEST = 5\n"


def test_the_most_imported_is_said_only_of_the_most_imported(make_repo, cli):
    """``app.permissions.base.ROLE`` is imported by four modules (three through its
    package's re-export), but its module loads ``app.db.models``, whose copy is kept: the third copy
    is told to import the kept one, and the message does not call that one (2 importers)
    "the most imported definition"."""
    files = {
        "app/__init__.py": "",
        "app/db/__init__.py": "",
        "app/db/models.py": _ROLE,
        "app/db/use.py": "from app.db.models import ROLE\n",
        "app/db/more.py": "from app.db.models import ROLE\n",
        "app/permissions/__init__.py": "from .base import ROLE\n",
        "app/permissions/base.py": "import app.db.models\n" + _ROLE,
        "app/views/__init__.py": "",
        "app/views/a.py": "from app.permissions import ROLE\n",
        "app/views/b.py": "from app.permissions import ROLE\n",
        "app/views/c.py": "from app.permissions import ROLE\n",
        "app/utils/__init__.py": "",
        "app/utils/permissions.py": "import app.db.models\n" + _ROLE,
    }
    found = _findings(make_repo, cli, files, rule="SSOT006")
    assert [(v["path"], v["details"]["canonical"]) for v in found] == [
        ("app/permissions/base.py", "app.db.models.ROLE"),
        ("app/utils/permissions.py", "app.db.models.ROLE"),
    ]
    utils = found[1]
    assert "the most imported definition" not in utils["message"]
    assert utils["details"]["chosen_by"] == "kept"
    assert (
        "the one kept (app.permissions.base.ROLE is imported more, by 4 first-party modules, but its module "
        "loads app.db.models, which could then not import it)" in utils["message"]
    )


_SORT = "import enum\n\n\nclass FlowSort(str, enum.Enum):\n    NAME_ASC = 'NAME_ASC'\n    NAME_DESC = 'NAME_DESC'\n"
_SQL_SORT = "\n    def as_sql_sort(self):\n        return [ENGINE.order(self.value)]\n"


def _server_on_client() -> dict[str, str]:
    """A server package that builds on its client's (imports it, never the other way)."""
    return {
        "app/__init__.py": "",
        "app/client/__init__.py": "",
        "app/client/base.py": "TIMEOUT = 3\n",
        "app/client/use.py": "from app.client.sorting import FlowSort\n",
        "app/client/more.py": "from app.client.sorting import FlowSort\n",
        "app/server/__init__.py": "",
        "app/server/db.py": "import app.client.base\n\nENGINE = object()\n",
    }


def test_a_server_enum_is_not_told_to_merge_its_database_code_into_the_client(make_repo, cli):
    """The server's copy of a client enum adds ``as_sql_sort`` (its queries call it). Merging
    it into the client's enum would move server code into a package that never imports the
    server (Prefect's sorting enums): the advice keeps it on the server's side."""
    files = {
        **_server_on_client(),
        "app/client/sorting.py": _SORT,
        "app/server/sorting.py": "from app.server.db import ENGINE\n" + _SORT + _SQL_SORT,
    }
    found = _findings(make_repo, cli, files, rule="SSOT006")
    assert [v["path"] for v in found] == ["app/server/sorting.py"]
    message = found[0]["message"]
    assert "merge the two into one enum first" not in message
    assert (
        "the two differ (only here: as_sql_sort), and app.client never imports from app.server, so what only this one "
        "has cannot move there: move as_sql_sort out of the enum, into app.server, then import FlowSort from "
        "app.client.sorting (no fix)"
    ) in message


_PROJECTION = (
    "from app.base import LightSerializer, Field\n\n\nclass MilestoneSerializer(LightSerializer):\n"
    "    id = Field()\n    name = Field()\n    slug = Field()\n    owner = Field()\n{extra}"
)


def test_two_projections_for_two_consumers_are_told_to_share_a_base(make_repo, cli):
    """A webhook payload's serializer (with ``permalink``) and the REST API's (with
    ``total_points``) share their fields; the webhooks package builds on the projects one.
    Merging them would change the API's output, importing the API's the payload's: the advice
    is a shared base each extends (Taiga's webhook serializers)."""
    files = {
        "app/__init__.py": "",
        "app/base.py": "class LightSerializer:\n    pass\n\n\nclass Field:\n    pass\n",
        "app/projects/__init__.py": "",
        "app/projects/services.py": "def url(obj):\n    return obj.slug\n",
        "app/projects/serializers.py": _PROJECTION.format(
            extra="    total_points = Field()\n\n    def get_total_points(self, obj):\n        return sum(obj.points)\n"
        ),
        "app/projects/api.py": "from app.projects.serializers import MilestoneSerializer\n",
        "app/webhooks/__init__.py": "",
        "app/webhooks/serializers.py": "from app.projects.services import url\n" + _PROJECTION.format(
            extra="    permalink = Field()\n\n    def get_permalink(self, obj):\n        return url(obj)\n"
        ),
    }
    found = _findings(make_repo, cli, files)
    assert [v["path"] for v in found] == ["app/webhooks/serializers.py"]
    message = found[0]["message"]
    assert "merge the two into one class first" not in message
    assert (
        "the two differ (only here: permalink, get_permalink; only there: total_points, get_total_points), and "
        "app.projects never imports from app.webhooks, so what only this one has cannot move there, nor would "
        "importing it as it is keep this one as it is: keep what both have in one base class in a module both can "
        "import (such as app.projects.serializers), and let each extend it with its own (no fix)"
    ) in message


_ORDER = "import enum\n\n\nclass EventOrder(str, enum.Enum):\n    ASC = 'ASC'\n    DESC = 'DESC'\n"


def test_two_layers_that_never_import_each_other_are_not_told_to(make_repo, cli):
    """``app.events`` and ``app.server`` each build on other packages of ``app`` but never
    on each other at import time (the one import between them is inside a function): the
    client's events module is not told to import the server's enum. Two packages that
    import no sibling at all have simply not met yet, and are told to import as usual."""
    files = {
        "app/__init__.py": "",
        "app/types.py": "ID = str\n",
        "app/events/__init__.py": "",
        "app/events/filters.py": "import app.types\n" + _ORDER + "\n\ndef serve():\n    import app.server.filters\n    return app.server.filters\n",
        "app/server/__init__.py": "",
        "app/server/filters.py": "import app.types\n" + _ORDER,
        "app/server/use.py": "from app.server.filters import EventOrder\n",
        "app/server/more.py": "from app.server.filters import EventOrder\n",
        "app/a/__init__.py": "",
        "app/a/kinds.py": _SORT,
        "app/b/__init__.py": "",
        "app/b/kinds.py": _SORT,
    }
    found = _findings(make_repo, cli, files, rule="SSOT006")
    assert [v["path"] for v in found] == ["app/b/kinds.py", "app/events/filters.py"]
    apart, met = found[1]["message"], found[0]["message"]
    assert apart.endswith(
        "keep one definition, in a module both can import: app.events imports app.server only inside functions, "
        "never when it is loaded, so importing it from app.server.filters would make loading app.events load app.server"
    )
    assert met.endswith("import FlowSort from app.a.kinds")


_STATUS = "import enum\n\n\nclass WorkerStatus(str, enum.Enum):\n    ONLINE = 'ONLINE'\n    OFFLINE = 'OFFLINE'\n"


def test_an_import_inside_a_function_is_not_said_to_load_a_module(make_repo, cli):
    """The server's statuses module imports the client's objects only inside a function: the
    message does not claim that it loads them, so that keeping it would close a cycle
    (Prefect's ``server/schemas/statuses.py``); the client's copy is kept as the one
    upstream, though the server's is imported more."""
    files = {
        **_server_on_client(),
        "app/client/sorting.py": _SORT,
        "app/client/objects.py": _STATUS,
        "app/server/statuses.py": _STATUS + "\n\ndef to_client(status):\n    from app.client import objects\n    return objects\n",
        "app/server/a.py": "from app.server.statuses import WorkerStatus\n",
        "app/server/b.py": "from app.server.statuses import WorkerStatus\n",
    }
    found = _findings(make_repo, cli, files, rule="SSOT006")
    assert [(v["path"], v["details"]["chosen_by"]) for v in found] == [("app/server/statuses.py", "upstream")]
    assert "this module loads it" not in found[0]["message"]


_DIVER = "class LabelDiver:\n    def __init__(self, values):\n        self.values = values\n\n    def dive(self, key):\n        return self.values[key]\n"
_LABELLED = "class Labelled:\n    def labels(self):\n        return self.values\n\n    def has_label(self, key):\n        return key in self.values\n"


def test_a_module_not_told_to_import_is_not_cited_as_told_to(make_repo, cli):
    """Two layers kept apart each keep a copy of the other's class: neither is told to
    import the other's, so neither message claims the other module is told to import from
    it (Prefect's ``events/schemas/labelling.py`` and ``server/events/schemas/labelling.py``)."""
    files = {
        "app/__init__.py": "",
        "app/types.py": "ID = str\n",
        "app/events/__init__.py": "",
        "app/events/labelling.py": "import app.types\n\n\n" + _DIVER + "\n\n" + _LABELLED,
        "app/events/one.py": "from app.events.labelling import Labelled\n",
        "app/events/two.py": "from app.events.labelling import Labelled\n",
        "app/server/__init__.py": "",
        "app/server/labelling.py": "import app.types\n\n\n" + _DIVER + "\n\n" + _LABELLED,
        "app/server/a.py": "from app.server.labelling import LabelDiver\n",
        "app/server/b.py": "from app.server.labelling import LabelDiver\n",
        "app/server/c.py": "from app.server.labelling import LabelDiver\n",
    }
    found = _findings(make_repo, cli, files)
    assert [(v["path"], v["details"]["canonical"]) for v in found] == [
        ("app/events/labelling.py", "app.server.labelling.LabelDiver"),
        ("app/server/labelling.py", "app.events.labelling.Labelled"),
    ]
    for v in found:
        assert "is told to import" not in v["message"]
        assert "never import each other" in v["message"]


def test_a_sibling_module_may_take_a_copys_members(make_repo, cli):
    """Within one package, a module that imports its sibling's copy is told to merge the
    two, then import: moving code between two modules of one package adds no dependency
    between layers."""
    files = {
        "app/__init__.py": "",
        "app/base.py": "class LightSerializer:\n    pass\n\n\nclass Field:\n    pass\n",
        "app/projects/__init__.py": "",
        "app/projects/serializers.py": _PROJECTION.format(extra="    total_points = Field()\n"),
        "app/projects/api.py": "from app.projects.serializers import MilestoneSerializer\n",
        "app/projects/payloads.py": "import app.projects.serializers\n" + _PROJECTION.format(extra="    permalink = Field()\n"),
    }
    found = _findings(make_repo, cli, files)
    assert [v["path"] for v in found] == ["app/projects/payloads.py"]
    assert "merge the two into one class first, then import it from app.projects.serializers" in found[0]["message"]


def test_a_tie_in_importers_is_not_the_most_imported(make_repo, cli):
    """Two copies with one importer each: the one kept is "the first by path", not "the most
    imported definition" (the stdlib's ``distutils`` ``MSVCCompiler``)."""
    files = {
        "app/__init__.py": "",
        "app/a.py": _NOTIFIER,
        "app/b.py": _NOTIFIER,
        "app/c.py": _NOTIFIER,
        "app/u1.py": "from app.a import Notifier\n",
        "app/u2.py": "from app.b import Notifier\n",
    }
    found = _findings(make_repo, cli, files)
    assert [(v["path"], v["details"]["chosen_by"]) for v in found] == [
        ("app/b.py", "first-by-path"), ("app/c.py", "first-by-path"),
    ]
    assert all("the most imported" not in v["message"] for v in found)


def test_the_same_statements_in_another_order_are_no_drift(make_repo, cli):
    """pychron's per-task `SaveAction`s set `name`, `method` and `image` in two orders: the
    same class, to import as it is. A dataclass whose fields are reordered is built
    differently by position: that one drifted, and the advice says to reconcile first."""
    action = "from app.base import TaskAction\n\n\nclass SaveAction(TaskAction):\n{body}"
    lines = ["    name = 'Save'\n", "    method = 'save'\n", "    image = 'save.png'\n"]
    files = {
        "app/__init__.py": "",
        "app/base.py": "class TaskAction:\n    name = ''\n",
        "app/entry.py": action.format(body="".join(lines)),
        "app/image.py": action.format(body="".join(reversed(lines))),
        "app/use.py": "from app.image import SaveAction\n",
    }
    found = _findings(make_repo, cli, files)
    assert [v["path"] for v in found] == ["app/entry.py"]
    assert found[0]["message"].endswith(
        "keep one definition and import it from app.image (no fix: the same statements, in another order)"
    )
    point = "from dataclasses import dataclass\n\n\n@dataclass\nclass Point:\n{body}"
    fields = ["    x: int = 0\n", "    y: int = 0\n"]
    dataclasses = {
        "app/__init__.py": "",
        "app/geo.py": point.format(body="".join(fields)),
        "app/draw.py": point.format(body="".join(reversed(fields))),
        "app/use.py": "from app.geo import Point\n",
    }
    result = cli("check", str(make_repo(dataclasses, name="points")), "--format", "json", "--no-cache", "--select", "SSOT001")
    drifted = result.json()["violations"]
    assert [v["path"] for v in drifted] == ["app/draw.py"]
    assert "written differently" in drifted[0]["message"]


def test_the_same_members_on_other_bases_are_not_said_to_be_reordered(make_repo, cli):
    """newrelic's OpenAI and Bedrock `LLMStreamProxy`: the same `__init__` and `close`, a
    `__next__` of each its own (a protocol method, left out of the statements compared)
    and a mixin on one. Nothing is in another order: the message names the other bases."""
    proxy = (
        "from app.base import ObjectProxy{extra}\n\n\nclass StreamProxy({bases}):\n"
        "    def __init__(self, wrapped):\n        self.wrapped = wrapped\n\n"
        "    def __next__(self):\n        return {call}(self.wrapped)\n\n"
        "    def close(self):\n        return self.wrapped.close()\n"
    )
    files = {
        "app/__init__.py": "",
        "app/base.py": "class ObjectProxy:\n    pass\n\n\nclass RecordMixin:\n    def record(self, value):\n        return value\n",
        "app/openai_hook.py": proxy.format(extra="", bases="ObjectProxy", call="next"),
        "app/bedrock_hook.py": proxy.format(
            extra=", RecordMixin", bases="RecordMixin, ObjectProxy", call="self.record"
        ),
        "app/use.py": "from app.bedrock_hook import StreamProxy\n",
    }
    found = _findings(make_repo, cli, files)
    assert [v["path"] for v in found] == ["app/openai_hook.py"]
    assert "in another order" not in found[0]["message"]
    assert found[0]["message"].endswith("(no fix: the same members, written differently, on other bases (RecordMixin, ObjectProxy there))")


def test_a_copy_left_in_a_module_nothing_imports_is_not_kept_for_its_package(make_repo, cli):
    """papermerge's `core/schemas/perms.py`, a leftover no module imports, in a package the
    features build on: the live `features/users.py` copy is kept, and the leftover told
    to go, whatever the layering of their packages."""
    user = "class CreateUser:\n    username: str\n    email: str\n    password: str\n{more}"
    files = {
        "app/__init__.py": "",
        "app/core/__init__.py": "",
        "app/core/db.py": "def session():\n    return None\n",
        "app/core/schemas/__init__.py": "",
        "app/core/schemas/perms.py": user.format(more=""),
        "app/features/__init__.py": "",
        "app/features/users.py": "from app.core.db import session\n\n\n" + user.format(more="    is_active: bool = True\n"),
        "app/features/api.py": "from app.features.users import CreateUser\nfrom app.core.db import session\n",
    }
    found = _findings(make_repo, cli, files)
    assert [(v["path"], v["details"]["canonical"]) for v in found] == [
        ("app/core/schemas/perms.py", "app.features.users.CreateUser"),
    ]


_OWNER_BODY = (
    "\n\nclass Owner(BaseModel):\n    owner_id: {uuid}\n    scores: {floats}\n\n"
    "    @staticmethod\n    def create_from(user_id: {uuid} | None = None) -> \"Owner\":\n"
    "        if user_id is None:\n            raise ValueError(\"user_id is required\")\n"
    "        return Owner(owner_id=user_id, scores=[])\n"
)


def test_a_copy_that_spells_a_type_otherwise_is_found_and_told_to_import(make_repo, cli):
    """papermerge's ``Owner``: ``uuid.UUID`` under ``import uuid`` in one module and ``UUID``
    under ``from uuid import UUID`` in the other, and Kiln's ``List[float]`` against
    ``list[float]``. The interpreter reads one class, so it is a copy, and importing it
    changes nothing: the message says so instead of asking to reconcile two behaviours."""
    files = {
        "app/__init__.py": "",
        "app/types.py": "import uuid\nfrom typing import List\n\nfrom pydantic import BaseModel\n"
        + _OWNER_BODY.format(uuid="uuid.UUID", floats="List[float]"),
        "app/schema.py": "from uuid import UUID\n\nfrom pydantic import BaseModel\n"
        + _OWNER_BODY.format(uuid="UUID", floats="list[float]"),
        "app/views.py": "from app.types import Owner\n",
    }
    [found] = _findings(make_repo, cli, files)
    assert (found["path"], found["line"]) == ("app/schema.py", 6)
    assert "the two differ only in how they spell a name" in found["message"]
    assert "so import it from app.types (no fix: the names are spelt otherwise there)" in found["message"]
    assert "would change what this one does" not in found["message"]


def test_a_name_spelt_alike_but_bound_to_another_module_is_no_respelling(make_repo, cli):
    """``json.JSONEncoder`` and ``JSONEncoder`` are one spelling only where ``json`` is the
    module the file imports: ``self.json.JSONEncoder`` is an attribute of something else,
    not ``self.JSONEncoder`` spelt otherwise, and the copy stays a drifted one."""
    body = (
        "\n\nclass Codec:\n    def encoder(self):\n        return {call}()\n\n    def name(self):\n        return 'codec'\n"
        "\n    def version(self):\n        return (1, 2)\n\n    def close(self):\n        self.closed = True\n"
        "        return self.closed\n"
    )
    files = {
        "app/__init__.py": "",
        "app/one.py": "import json\n" + body.format(call="self.json.JSONEncoder"),
        "app/two.py": "import json\n" + body.format(call="self.JSONEncoder"),
        "app/views.py": "from app.one import Codec\n",
    }
    [found] = _findings(make_repo, cli, files)
    assert found["path"] == "app/two.py"
    assert "the two have the same members written differently" in found["message"]


_TIMER = (
    "import time\n\n\nclass Timer:\n    def __init__(self, total):\n        self.total = total\n        self.steps = 0\n"
    "        self.used = 0.0\n\n    def count(self):\n        self.steps += 1\n\n"
    "    def timing(self):\n        return {timing}\n{extra}"
)


def test_an_upstream_copy_whose_shared_members_differ_is_not_told_to_subclass_as_it_is(make_repo, cli):
    """PaddleSpeech's ``Timer`` has an ``ips`` of its own and a ``timing`` that returns the
    reciprocal of the kept one's: a subclass holding ``ips`` would inherit the other
    ``timing``, so the shared members are reconciled first."""
    files = {
        "audio/__init__.py": "",
        "audio/timer.py": _TIMER.format(timing="self.steps / self.used", extra=""),
        "audio/use.py": "from audio.timer import Timer\n",
        "speech/__init__.py": "",
        "speech/timer.py": "import audio.use\n" + _TIMER.format(
            timing="self.used / self.steps", extra="\n    def ips(self):\n        return self.steps / self.used\n"
        ),
    }
    (v,) = _findings(make_repo, cli, files)
    assert v["path"] == "speech/timer.py"
    assert v["message"].endswith(
        "the two differ (only here: ips), and audio never imports from speech, so what only this one has cannot move "
        "there, and members both have are written differently, so a subclass of it would change what this one does: "
        "reconcile what both have first, then import it from audio.timer, and keep what only this one has in a "
        "subclass of it here (no fix)"
    )
    files["speech/timer.py"] = files["speech/timer.py"].replace("self.used / self.steps", "self.steps / self.used")
    (v,) = _findings(make_repo, cli, files, name="same")  # the same shared members: a subclass keeps this one as it is
    assert "written differently" not in v["message"] and "keep what only this one has in a subclass" in v["message"]


def test_a_copy_built_by_its_base_is_not_told_to_import_one_with_its_own_constructor(make_repo, cli):
    """mmagic's ``GroupNorm32``: the kept one has an ``__init__`` that takes ``num_channels``
    first, this one is built by ``nn.GroupNorm``'s (``GroupNorm32(32, channels)``): importing
    it would swap the arguments of every call."""
    forward = "    def forward(self, x):\n        return super().forward(x.float()).type(x.dtype)\n"
    files = {
        "app/__init__.py": "",
        "app/unet.py": (
            "from torch import nn\n\n\nclass GroupNorm32(nn.GroupNorm):\n"
            "    def __init__(self, num_channels, num_groups=32, **kwargs):\n"
            "        super().__init__(num_groups, num_channels, **kwargs)\n\n" + forward
        ),
        "app/use1.py": "from app.unet import GroupNorm32\n",
        "app/use2.py": "from app.unet import GroupNorm32\n",
        "app/classifier.py": "from torch import nn\n\n\nclass GroupNorm32(nn.GroupNorm):\n" + forward
        + "\n\ndef norm(channels):\n    return GroupNorm32(32, channels)\n",
    }
    (v,) = _findings(make_repo, cli, files)
    assert v["path"] == "app/classifier.py"
    assert v["message"].endswith(
        "the other one has an __init__ of its own, where this one is built by its base's, so importing it as it is "
        "would change what each call that builds this one passes: reconcile the two first, then import it from "
        "app.unet (no fix)"
    )
    assert v.get("fix") is None


def test_a_copy_on_its_own_modules_base_of_one_name_is_told_to_reconcile_the_bases(make_repo, cli):
    """TACTIC's ``AnimLoadOptionsWdg(LoadOptionsWdg)``, the same text in two modules, each on
    its own module's ``LoadOptionsWdg``, two different classes (a copy that drifted):
    importing the other copy would rebase this one on the other base."""
    options = (
        "class AnimLoadOptionsWdg(LoadOptionsWdg):\n    def get_display(self):\n"
        "        widget = self.draw('anim')\n        widget.add_style('width', '100%')\n        return widget\n\n"
        "    def get_options(self):\n        return ['reference', 'import', 'open']\n"
    )
    base = (
        "class LoadOptionsWdg:\n    def draw(self, kind):\n        return {kind}\n\n"
        "    def get_connection(self):\n        return self.kwargs.get('connection', 'xmlrpc')\n\n"
        "    def get_port(self):\n        return int(self.kwargs.get('port', 4444))\n"
    )
    files = {
        "app/__init__.py": "",
        "app/old.py": base.format(kind="kind") + "\n\n" + options,
        "app/new.py": base.format(kind="[kind, 'port']") + "\n\n" + options,
        "app/use1.py": "from app.old import AnimLoadOptionsWdg\n",
        "app/use2.py": "from app.old import AnimLoadOptionsWdg\n",
    }
    found = [v for v in _findings(make_repo, cli, files) if "AnimLoadOptionsWdg is" in v["message"]]
    assert [v["path"] for v in found] == ["app/new.py"]
    assert found[0]["message"].endswith(
        "each extends its own module's LoadOptionsWdg, and the two are different classes, so importing it as it is "
        "would change what this one is built on: reconcile the two LoadOptionsWdg classes first, then import it "
        "from app.old (no fix)"
    )
    # The same base in both modules, word for word: the advice is to import the copy.
    files["app/new.py"] = files["app/old.py"]
    found = [v for v in _findings(make_repo, cli, files, name="same") if "AnimLoadOptionsWdg is" in v["message"]]
    assert len(found) == 1 and "; keep one definition and import it from app.old" in found[0]["message"]


def test_a_modal_app_is_a_program_not_a_module_to_import_from(make_repo, cli):
    """achatbot's Modal apps (``app = modal.App("qwen3_omni")``, ``@app.local_entrypoint()``):
    ``modal run`` runs each in an image of its own; one is never told to import a class
    from another, whose import would build that app."""
    streamer = (
        "class TokenStreamer:\n    def __init__(self, tokenizer):\n        self.tokenizer = tokenizer\n\n"
        "    def put(self, value):\n        return self.tokenizer.decode(value)\n\n"
        "    def end(self):\n        return None\n"
    )
    app = "import modal\n\napp = modal.App('{name}')\n\n\n" + streamer + "\n\n@app.local_entrypoint()\ndef main():\n    TokenStreamer(None)\n"
    files = {
        "deploy/omni_a.py": app.format(name="a"),
        "deploy/omni_b.py": app.format(name="b"),
    }
    (v,) = _findings(make_repo, cli, files)
    assert "is a program of its own" in v["message"] and "import it from" not in v["message"]
