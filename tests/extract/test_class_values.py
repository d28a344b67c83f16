"""Each class records the values its own body assigns, as CPython reads them, and which are
labels (text other than the member's name): two enums that name the same members tell a
copy (same values) from one scale encoded twice and from a table of display labels."""

from __future__ import annotations

from ssotlint.extract.summary import VALUE_INT, VALUE_LABEL, VALUE_PLAIN
from tests.extract.test_extractor_parity import both


def _values(source: str) -> list[dict[str, tuple[int, int]]]:
    cst, fallback = both(source.encode())
    assert [c.values for c in cst.classes] == [c.values for c in fallback.classes]  # the engines agree
    return [{name: (digest, label) for name, digest, label in c.values} for c in cst.classes]


def test_quotes_spacing_and_comments_do_not_change_a_value():
    first, second, labels = _values(
        "import enum\n\n"
        "class A(enum.Enum):\n    CLOSED = 'closed'  # normal\n    LEVEL: int = 3\n    CLOSED = 'reopened'\n\n"
        "class B(enum.Enum):\n    CLOSED = \"closed\"\n    LEVEL: int = (3)\n\n"
        "class C(enum.Enum):\n    CLOSED = 'Closed circuit'\n    LEVEL = 4\n"
    )
    assert first == second  # the first assignment of a name is the member
    assert first.keys() == labels.keys() == {"CLOSED", "LEVEL"}
    assert first["CLOSED"][0] != labels["CLOSED"][0] and first["LEVEL"][0] != labels["LEVEL"][0]


def test_a_label_is_text_other_than_the_name():
    (kinds,) = _values(
        "class Kind(Enum):\n    HALF_OPEN = 'half-open'\n    LOW = 'LOW'\n    bdist_dmg = 'OSX Disk Image'\n"
        "    sdist = 'Source'\n    DEBUG = 10\n    EXPONENTIAL_BACKOFF = 'exponential'\n    bdist_msi = 'Windows MSI'\n"
    )
    assert {name: kind for name, (_, kind) in kinds.items()} == {
        "HALF_OPEN": VALUE_PLAIN, "LOW": VALUE_PLAIN, "bdist_dmg": VALUE_LABEL, "sdist": VALUE_LABEL,
        "DEBUG": VALUE_INT, "EXPONENTIAL_BACKOFF": VALUE_PLAIN, "bdist_msi": VALUE_LABEL,
    }


def test_an_int_as_written_is_a_code():
    """``0x01``, ``-1`` are ints (a code table's entries); ``True`` and ``1.5`` are not."""
    (kinds,) = _values("class Code(IntEnum):\n    UP = 0x01\n    NONE = -1\n    YES = True\n    HALF = 1.5\n")
    assert {name: kind for name, (_, kind) in kinds.items()} == {
        "UP": VALUE_INT, "NONE": VALUE_INT, "YES": VALUE_PLAIN, "HALF": VALUE_PLAIN,
    }


def test_classes_without_bases_record_values_only_when_they_declare_data():
    (plain,) = _values("class Settings:\n    debug = False\n")
    assert set(plain) == {"debug"}
    (behaviour,) = _values("class Settings:\n    debug = False\n\n    def on(self):\n        return True\n")
    assert behaviour == {}


def test_only_plain_values_are_recorded():
    """Enum members are written with constants, names, ``auto()`` or tuples of those; a field
    built by a call with arguments (a model's column) is no member and is not recorded."""
    (model,) = _values(
        "class Row(models.Model):\n    name = models.CharField(max_length=20)\n    A = auto()\n"
        "    B = (1, 'x')\n    C = -1\n    D = Kind.OTHER\n"
    )
    assert set(model) == {"A", "B", "C", "D"}


def test_a_class_body_reads_the_same_without_its_comments():
    """Two copies of a class that differ in a note beside a statement (FunASR's two
    ``MultiHeadedAttention``: ``)  # min_value = ...`` against ``)  # float(...)``) are the
    same text; a ``#`` inside a string is text."""
    source = (
        "class A:\n    def f(self):\n        return min(  # the smallest\n            1)  # float(x)\n\n"
        "class A:\n    def f(self):\n        return min(\n            1)  # min_value = x\n\n"
        "class A:\n    def f(self):\n        return min(\n            '#1')\n\n"
        "class A:\n    def f(self):\n        return min(\n            '#2')\n"
    )
    cst, fallback = both(source.encode())
    assert [c.body for c in cst.classes] == [c.body for c in fallback.classes]  # the engines agree
    first, second, third, fourth = (c.body for c in cst.classes)
    assert first == second
    assert third != fourth != first
