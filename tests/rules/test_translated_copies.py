"""SSOT001 and a module written for another language (lm-evaluation-harness' IFEval
checkers): a checker whose prompts are translated is that language's own; one that shows
the same prose, however its code, docstrings, keys or layout differ, is a copy."""

from __future__ import annotations

import pytest

from ssotlint.rules.ssot001_duplicate_concept import _ENGLISH_PROMPTS, _checkers, _language_modules

# The Catalan module's EndChecker drifts from the English one in its code.
ENGLISH = _checkers(*_ENGLISH_PROMPTS).replace(
    "return self._description_pattern.format(", "return self._description_pattern.strip().format("
)
COPIES = [("app/multilingual/ca_instructions.py", 6), ("app/multilingual/ca_instructions.py", 20)]


def _found(cli, make_repo, catalan: str) -> list[tuple[str, int]]:
    result = cli("check", str(make_repo(_language_modules(catalan))), "--format", "json", "--no-cache", "--select", "SSOT001")
    return [(v["path"], v["line"]) for v in result.json()["violations"]]


@pytest.mark.parametrize(
    "catalan",
    [
        ENGLISH.replace("    ", "  "),  # indented otherwise
        ENGLISH.replace('"""Checks that the response ends with a given phrase."""', '"""Checks the ending, in full."""'),
        _checkers(*_ENGLISH_PROMPTS).replace("'end_phrase'", "'ending'"),  # a key, not prose
        ENGLISH.replace("Finish your response", "Finish  your  response"),  # spacing inside the prose
    ],
    ids=["indentation", "docstring", "key", "spacing"],
)
def test_the_same_prose_is_a_copy_whatever_else_differs(cli, make_repo, catalan):
    assert _found(cli, make_repo, catalan) == COPIES


def test_translated_prompts_are_the_languages_own(cli, make_repo):
    catalan = _checkers("En tota la resposta, no facis servir comes.", "Acaba la resposta amb aquesta frase exacta {ender}.")
    assert _found(cli, make_repo, catalan.replace("format(", "strip().format(")) == []
