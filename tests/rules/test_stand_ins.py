"""Which modules are stand-ins for the real ones (SSOT001 and SSOT006 keep their classes
apart from the real modules'): the first word of the module's or a folder's name says so."""

from __future__ import annotations

import pytest

from ssotlint.discover.roles import is_stand_in


@pytest.mark.parametrize(
    ("path", "stand_in"),
    [
        ("roundup/cgi/TAL/DummyEngine.py", True),
        ("django/db/backends/dummy/base.py", True),
        ("app/fake_client.py", True),
        ("app/_fake.py", True),
        ("app/MockLLM.py", True),
        ("app/stubs/payments.py", True),
        ("app/mockups.py", False),  # a word that merely starts alike
        ("app/stubborn.py", False),
        ("scripts/migrate_mock_to_usercontext.py", False),  # a script about mocks
        ("app/services/llm.py", False),
    ],
)
def test_a_stand_in_is_named_so_by_its_first_word(path, stand_in):
    assert is_stand_in(path) is stand_in
