"""Round 17 (SSOT002): when following every finding's advice still leaves the advised
importer on a cycle (a way back through a package ``__init__`` that no message names:
django-cms's ``cms/forms/fields.py``), the message says so; when the other findings' advice closes every way back, nothing is added (see
``test_ssot002_round11_cycle_advice``)."""

from __future__ import annotations

from ssotlint.testing import run_rule

FILES = {
    "models/__init__.py": "from .content import Content\n",
    "models/content.py": "from models.fields import PageField\n\n\nclass Content:\n    field = PageField\n",
    "models/fields.py": "from forms.fields import PageSelect\n\n\nclass PageField:\n    form = PageSelect\n",
    "models/page.py": "class Page:\n    pass\n",
    "forms/__init__.py": "",
    "forms/utils.py": "from models import Content\n\n\nclass Choices:\n    base = Content\n\n\ndef choices():\n    return Choices\n",
    "forms/fields.py": (
        "from forms.utils import choices\nfrom models.page import Page\n\n\n"
        "class PageSelect:\n    def get(self):\n        return choices(), Page\n"
    ),
}


def test_an_importer_that_stays_on_a_cycle_through_a_package_is_told_so():
    (v,) = run_rule("SSOT002", FILES)
    assert (v.path, v.line) == ("forms/fields.py", 1)
    assert v.message.endswith(
        "break it by moving forms/fields.py:1 `from forms.utils import choices` into the function that uses it; "
        "that breaks this loop, but forms.fields stays on a cycle even once the imports these findings advise "
        "move: its import of models.page (line 2) leads back to it"
    ), v.message
    assert [e["line"] for e in v.details["suggested_fix"]] == [1, 2]


def test_no_note_once_the_way_back_is_gone():
    files = dict(FILES, **{"forms/fields.py": FILES["forms/fields.py"].replace("from models.page import Page\n", "")
                           .replace("return choices(), Page", "return choices()")})
    (v,) = run_rule("SSOT002", files)
    assert "stays on a cycle" not in v.message


def test_a_moved_statement_takes_every_module_it_imports_with_it():
    """An advised statement that imports two modules (``from forms import utils, extra``):
    the note names only the way back no message moves (``models.page``), never the moved
    statement. (That the statement's other modules count as moved even when no finding's
    pair names them, qutebrowser's ``from qutebrowser.keyinput import modeman,
    modeparsers``, this fixture does not isolate: here ``extra`` is no member of the cycle.
    It was checked on qutebrowser, where the wrong note went.)"""
    files = dict(FILES)
    files["forms/extra.py"] = "from models.page import Page\n\n\nclass Extra:\n    base = Page\n"
    files["forms/fields.py"] = (
        "from forms import utils, extra\nfrom models.page import Page\n\n\n"
        "class PageSelect:\n    def get(self):\n        return utils.choices(), extra.Extra, Page\n"
    )
    messages = [v.message for v in run_rule("SSOT002", files)]
    assert len(messages) == 1
    for message in messages:
        assert message.endswith(
            "break it by moving forms/fields.py:1 `from forms import utils, extra` into the function that uses it; "
            "that breaks this loop, but forms.fields stays on a cycle even once the imports these findings advise "
            "move: its import of models.page (line 2) leads back to it"
        ), message
