"""SSOT006 compares what two enums of one name hold, not only their member names, and says
truly what mixing them does."""

from __future__ import annotations


def _enum_findings(make_repo, cli, files: dict[str, str]) -> list[dict]:
    root = make_repo({"app/__init__.py": "", **files})
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT006")
    return [v for v in result.json()["violations"] if v["rule"] == "SSOT006"]


def test_a_str_enum_and_a_plain_enum_never_compare_equal(make_repo, cli):
    """Only when both have a value mix-in do their members compare equal as values; a
    ``StrEnum`` member against a plain enum's never does."""
    plain = "import enum\n\n\nclass Mode(enum.Enum):\n    FAST = 'fast'\n    SLOW = 'slow'\n"
    text = "import enum\n\n\nclass Mode(enum.StrEnum):\n    FAST = 'fast'\n    SLOW = 'slow'\n"
    found = _enum_findings(make_repo, cli, {"app/a.py": plain, "app/b.py": text})
    assert len(found) == 1
    assert "members of different enums never compare equal" in found[0]["message"]
    assert "compare equal only as values" not in found[0]["message"]


def test_same_names_with_other_values_are_another_enum(make_repo, cli):
    """A label per stored value is not the stored enum: no finding, no advice to swap them."""
    labels = "import enum\n\n\nclass Kind(enum.Enum):\n    bdist_msi = 'Windows MSI Installer'\n    sdist = 'Source'\n    bdist_egg = 'Egg'\n"
    stored = "import enum\n\n\nclass Kind(enum.StrEnum):\n    bdist_msi = 'bdist_msi'\n    sdist = 'sdist'\n    bdist_egg = 'bdist_egg'\n"
    assert _enum_findings(make_repo, cli, {"app/filters.py": labels, "app/models.py": stored}) == []


def test_one_concept_encoded_twice_is_reported_and_the_message_names_the_other_values(make_repo, cli):
    """``LOW = "LOW"`` and ``LOW = "low"`` (or ``0`` and ``"low"``, or ``"exponential"`` for
    ``EXPONENTIAL_BACKOFF``: part of the name, not a label) are one scale encoded twice: reported, but the message says which members hold other values (importing one
    changes them) rather than that they compare equal as values."""
    upper = "import enum\n\n\nclass Severity(str, enum.Enum):\n    LOW = 'LOW'\n    HIGH = 'HIGH'\n    CRITICAL = 'CRITICAL'\n"
    lower = "import enum\n\n\nclass Severity(str, enum.Enum):\n    LOW = 'low'\n    HIGH = 'high'\n    CRITICAL = 'critical'\n"
    uses = {"app/a.py": "from app.codes import Severity\n", "app/b.py": "from app.codes import Severity\n"}
    found = _enum_findings(make_repo, cli, {"app/codes.py": lower, "app/logging_types.py": upper, **uses})
    assert [v["path"] for v in found] == ["app/logging_types.py"]
    message = found[0]["message"]
    assert "(LOW, HIGH, CRITICAL have other values there; the others compare equal only as values" in message
    # Every value differs: two encodings, each perhaps its side's wire or storage format
    # (mlflow's Databricks ``"PENDING"`` against its own ``"pending"``): "merge the values"
    # would break one side; one enum converted where the values are written does not.
    assert (
        "; import Severity from app.codes; the two encode the same members with other values, and each side's "
        "values may be what it stores or sends (a wire format, a database column), which importing the other as "
        "it is would change: keep one Severity and convert its members to the other values where those are "
        "written or read (a mapping), or, if the two encodings are meant to stay apart, rename one "
        "(no fix: LOW, HIGH, CRITICAL have other values there)"
    ) in message
    assert "merge the values" not in message


def test_one_member_with_another_value_is_named_in_the_singular(make_repo, cli):
    """A copy that drifted in one value of three: still one enum, and the message names it."""
    one = "import enum\n\n\nclass Mode(enum.Enum):\n    FAST = 'fast'\n    SLOW = 'slow'\n    OFF = 'off'\n"
    found = _enum_findings(make_repo, cli, {"app/a.py": one, "app/b.py": one.replace("'off'", "'none'")})
    assert len(found) == 1
    assert found[0]["message"].endswith("(no fix: OFF has another value there; merge the values first)")


def test_a_value_made_by_auto_is_not_claimed_to_differ(make_repo, cli):
    """``auto()`` makes a value the text does not say (an ``AutoEnum`` base's
    ``_generate_next_value_`` returns the member's name, as a ``StrEnum``'s returns it in
    lower case): the message never says such a member has another value than a written one."""
    base = (
        "import enum\n\n\nclass AutoEnum(str, enum.Enum):\n    @staticmethod\n"
        "    def _generate_next_value_(name, start, count, last_values):\n        return name\n"
    )
    client = "from app.base import AutoEnum\n\n\nclass Sort(AutoEnum):\n    NAME_ASC = AutoEnum.auto()\n    NAME_DESC = AutoEnum.auto()\n"
    server = "from app.base import AutoEnum\n\n\nclass Sort(AutoEnum):\n    NAME_ASC = 'NAME_ASC'\n    NAME_DESC = 'NAME_DESC'\n"
    uses = {"app/a.py": "from app.client import Sort\n", "app/b.py": "from app.client import Sort\n"}
    found = _enum_findings(make_repo, cli, {"app/base.py": base, "app/client.py": client, "app/server.py": server, **uses})
    assert [v["path"] for v in found] == ["app/server.py"]
    message = found[0]["message"]
    assert "other value" not in message and "another value" not in message
    assert "they compare equal only as values" in message


def test_an_enum_of_one_member_is_no_subset_of_a_longer_one(make_repo, cli):
    """``JoinMode`` with the one mode an answer joiner supports against the four of a
    document joiner (haystack): one word in common is no evidence of one list. Two copies
    of a one-member sentinel (``Default.token``) are one enum."""
    one = "import enum\n\n\nclass JoinMode(enum.Enum):\n    CONCATENATE = 'concatenate'\n"
    four = one + "    MERGE = 'merge'\n    RECIPROCAL_RANK_FUSION = 'rrf'\n    DISTRIBUTION_BASED_RANK_FUSION = 'dbrf'\n"
    sentinel = "import enum\n\n\nclass Default(enum.Enum):\n    token = 0\n"
    found = _enum_findings(make_repo, cli, {
        "app/answer_joiner.py": one, "app/document_joiner.py": four, "app/typing.py": sentinel, "app/utils.py": sentinel,
    })
    assert [(v["path"], v["details"]["enum"]) for v in found] == [("app/utils.py", "Default")]


def test_two_numbered_lists_of_other_members_are_two_enums(make_repo, cli):
    """Freqtrade's ``Actions`` of a 4-action and of a 5-action environment: each numbers its
    own list in order, so ``Long_enter`` is 2 in one and 1 in the other; their values are
    places in two action spaces, not a drifted copy. A numbered copy that gained a member at
    its end (every shared value alike) is still one enum."""
    four = "import enum\n\n\nclass Actions(enum.Enum):\n    Neutral = 0\n    Exit = 1\n    Long_enter = 2\n    Short_enter = 3\n"
    five = (
        "import enum\n\n\nclass Actions(enum.Enum):\n    Neutral = 0\n    Long_enter = 1\n    Long_exit = 2\n"
        "    Short_enter = 3\n    Short_exit = 4\n"
    )
    three = "import enum\n\n\nclass Level(enum.Enum):\n    LOW = 1\n    MID = 2\n    HIGH = 3\n"
    found = _enum_findings(make_repo, cli, {
        "app/base4.py": four, "app/base5.py": five, "app/a.py": three, "app/b.py": three + "    MAX = 4\n",
    })
    assert [(v["path"], v["details"]["enum"]) for v in found] == [("app/b.py", "Level")]


_CHOICES = (
    "from django.db import models\nfrom django.utils.translation import gettext_lazy as _\n\n\n"
    "class BasemapStyle(models.TextChoices):\n    STANDARD = 'standard', _('Standard')\n"
    "    GRAYSCALE_LIGHT = 'grayscale_light', 'Grayscale light'\n    GRAYSCALE_DARK = 'grayscale_dark', _('Grayscale dark')\n"
)
_WORKER = (
    "import enum\n\n\nclass BasemapStyle(str, enum.Enum):\n    STANDARD = 'standard'\n"
    "    GRAYSCALE_LIGHT = 'grayscale_light'\n    GRAYSCALE_DARK = {dark!r}\n"
)


def test_django_choices_are_enums_and_their_labels_are_not_values(make_repo, cli):
    """Django's ``TextChoices`` is an enum whose members may carry a label after their value
    (QFieldCloud's app model and its worker's copy): the stored values are compared, the
    labels are display text."""
    found = _enum_findings(make_repo, cli, {"app/models.py": _CHOICES, "app/worker.py": _WORKER.format(dark="grayscale_dark")})
    assert [(v["path"], v["line"]) for v in found] == [("app/worker.py", 4)]
    assert "they compare equal only as values" in found[0]["message"]
    assert "another value" not in found[0]["message"]


def test_a_django_choice_whose_stored_value_drifted_is_named(make_repo, cli):
    found = _enum_findings(make_repo, cli, {"app/models.py": _CHOICES, "app/worker.py": _WORKER.format(dark="dark")})
    assert len(found) == 1
    assert "GRAYSCALE_DARK has another value there" in found[0]["message"]
