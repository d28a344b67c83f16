"""Which two modules are one module written for two languages (SSOT001 leaves their
translated classes alone): the names differ only in a language code, as a word of its own."""

from __future__ import annotations

import pytest

from ssotlint.rules.definitions import language_variants


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("tasks.ifeval.multilingual.instructions.ca_instructions", "tasks.ifeval.instructions"),
        ("tasks.ca_instructions", "tasks.es_instructions"),
        ("app.messages_de", "app.messages"),
        ("app.messages_pt_br", "app.messages_fr"),
        ("app.locale.de", "app.locale.fr"),
    ],
)
def test_modules_named_for_two_languages(one, other):
    assert language_variants(one, other) and language_variants(other, one)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("app.instructions", "lib.instructions"),  # no language named
        ("app.es_instructions", "lib.es_instructions"),  # the same language
        ("app.my_utils", "app.utils"),  # an English word, no language
        ("app.io_utils", "app.utils"),
        ("app.ml_models", "app.models"),
        ("app.de", "app.utils"),
        ("app.ca_instructions", "app.es_helpers"),  # another module
    ],
)
def test_other_modules(one, other):
    assert not language_variants(one, other)
