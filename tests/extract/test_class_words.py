"""The digest of the prose a class shows (``ClassRecord.worded``), which tells SSOT001 a
class translated into another language from a copy drifted in its code: the prompts and
messages count; docstrings, keys, patterns, quoting and indentation do not."""

from __future__ import annotations

import pytest

from ssotlint.extract.summarize import summarize

ENGLISH = (
    "class EndChecker:\n"
    '    """Checks the ending."""\n\n'
    "    def build(self):\n"
    '        """Build the description."""\n'
    "        self.pattern = 'Finish your response with this exact phrase {ender}.'\n"
    "        return {'end_phrase': self.pattern}\n\n"
    "    def check(self, value):\n"
    "        return re.search(r'[.!?]$', value)\n"
)


def worded(text: str) -> int:
    [record] = summarize(text.encode(), use_libcst=False).classes
    return record.worded


@pytest.mark.parametrize(
    "variant",
    [
        ENGLISH.replace("    ", "  "),  # indented otherwise
        ENGLISH.replace('"""Build the description."""', '"""Builds the instruction description, in full."""'),
        ENGLISH.replace("r'[.!?]$'", "r'[.!?。]$'"),  # a pattern, not prose
        ENGLISH.replace("'end_phrase'", "'ending'"),  # a key
        ENGLISH.replace("'Finish your response with this exact phrase {ender}.'",
                        '"Finish  your response with this exact phrase {ender}."'),  # quoting, spacing
    ],
)
def test_what_is_no_prose_leaves_the_digest_alone(variant):
    assert worded(variant) == worded(ENGLISH) != 0


def test_a_translated_prompt_changes_it():
    catalan = ENGLISH.replace("Finish your response with this exact phrase", "Acaba la resposta amb aquesta frase exacta")
    assert worded(catalan) != worded(ENGLISH)
