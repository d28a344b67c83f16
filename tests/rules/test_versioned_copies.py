"""Versioned copies (a bundled legacy major version, a generated SDK per API version) are
each version's own: ``check`` reports no duplicate across versions and never advises an
import across them; two copies inside one version package are still reported."""

from __future__ import annotations

REPR = "class Representation:\n    def __repr_args__(self):\n        return []\n\n    def __repr__(self):\n        return 'x'\n"
KIND = "import enum\n\n\nclass Protocol(enum.Enum):\n    json = 'json'\n    pickle = 'pickle'\n    yaml = 'yaml'\n"

EVENT = "class ResponseDone:\n    type = 'response.done'\n\n    def describe(self):\n        return self.type\n"

FILES = {
    "pydantic/__init__.py": "",
    "pydantic/_internal/__init__.py": "",
    "pydantic/_internal/_repr.py": REPR,
    "pydantic/main.py": "from pydantic._internal._repr import Representation\n",
    "pydantic/parse.py": KIND,
    "pydantic/v1/__init__.py": "",
    "pydantic/v1/utils.py": REPR,
    "pydantic/v1/parse.py": KIND,
    "pydantic/v1/main.py": "from pydantic.v1.utils import Representation\n",
    "sdk/__init__.py": "",
    "sdk/v2026_04/__init__.py": "",
    "sdk/v2026_04/errors.py": REPR,
    "sdk/v2026_10/__init__.py": "",
    "sdk/v2026_10/errors.py": REPR,
    "sdk/v2026_10/more.py": KIND,
    "sdk/v2026_10/models/__init__.py": "",
    "sdk/v2026_10/models/errors.py": REPR,
    # an API's beta channel keeps its own copies of the released types
    "sdk/types/__init__.py": "",
    "sdk/types/events.py": EVENT,
    "sdk/types/beta/__init__.py": "",
    "sdk/types/beta/events.py": EVENT,
}


def test_versioned_copies_are_not_duplicates(make_repo, cli):
    result = cli("check", str(make_repo(FILES)), "--format", "json", "--no-cache")
    found = [(v["rule"], v["path"], v["line"], v["details"].get("canonical_path")) for v in result.json()["violations"]]
    # Only the copy inside one version package, told to import from the same package.
    assert found == [("SSOT001", "sdk/v2026_10/models/errors.py", 1, "sdk/v2026_10/errors.py")]


RECORD = (
    "import collections\n\n\n"
    "class StepInfo(collections.namedtuple('StepInfo', ['energy', 'depth'])):\n"
    "    \"\"\"Internal state of one step.\"\"\"\n    __slots__ = ()\n"
)


def test_a_fork_into_an_experimental_package_is_a_copy(make_repo, cli):
    """An experimental package's module forked from a stable one under a new name keeps the
    stable module's classes as copies (TensorFlow Probability's
    ``experimental/mcmc/preconditioned_nuts.py`` beside ``mcmc/nuts.py``); the channel's
    mirror of a module of the same name stays the channel's own."""
    files = {
        "prob/__init__.py": "",
        "prob/mcmc/__init__.py": "",
        "prob/mcmc/nuts.py": RECORD,
        "prob/experimental/__init__.py": "",
        "prob/experimental/mcmc/__init__.py": "",
        "prob/experimental/mcmc/preconditioned_nuts.py": RECORD,
        "prob/experimental/mcmc/tuned.py": EVENT,
        "prob/mcmc/tuned.py": EVENT,
    }
    result = cli("check", str(make_repo(files)), "--format", "json", "--no-cache", "--select", "SSOT001")
    found = sorted((v["path"], v["line"], v["details"].get("canonical_path")) for v in result.json()["violations"])
    assert found == [("prob/experimental/mcmc/preconditioned_nuts.py", 4, "prob/mcmc/nuts.py")]


def test_a_channels_mirror_is_apart_from_a_namesake_in_a_third_package(make_repo, cli):
    """The beta channel's mirror of a stable module (openai's
    ``types/beta/realtime/response_created_event.py`` beside
    ``types/realtime/response_created_event.py``) is the channel's own version, apart from
    a namesake in another package outside the channel (``types/responses/``, another API's
    event of that name) as from its stable twin; a fork under a name the stable package
    does not have is still compared with that namesake."""
    files = {
        "sdk/__init__.py": "",
        "sdk/types/__init__.py": "",
        "sdk/types/realtime/__init__.py": "",
        "sdk/types/realtime/response_created_event.py": EVENT.replace("ResponseDone", "ResponseCreated"),
        "sdk/types/responses/__init__.py": "",
        "sdk/types/responses/response_created_event.py": EVENT.replace("ResponseDone", "ResponseCreated"),
        "sdk/types/responses/done.py": EVENT,
        "sdk/types/beta/__init__.py": "",
        "sdk/types/beta/realtime/__init__.py": "",
        "sdk/types/beta/realtime/response_created_event.py": EVENT.replace("ResponseDone", "ResponseCreated"),
        "sdk/types/beta/realtime/done_event.py": EVENT,
    }
    result = cli("check", str(make_repo(files)), "--format", "json", "--no-cache", "--select", "SSOT001")
    found = sorted((v["path"], v["details"].get("canonical_path")) for v in result.json()["violations"])
    assert found == [
        ("sdk/types/beta/realtime/done_event.py", "sdk/types/responses/done.py"),
        ("sdk/types/realtime/response_created_event.py", "sdk/types/responses/response_created_event.py"),
    ]
