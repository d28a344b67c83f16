"""The Markdown document of each rule (``rules/SSOT002.md``), and its sections.

The documents live at the top of the source tree, where they are read on GitHub; a wheel
carries them as ``ssotlint/rule_docs`` (see pyproject's force-include).
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

from ssotlint.errors import SsotlintError

_HEADING = re.compile(r"^## +(?P<title>.+?) *$", re.MULTILINE)


def find_rule_document(code: str) -> str | None:
    """The document of a rule, from the installed package or the source tree, or None."""
    packaged = resources.files("ssotlint") / "rule_docs" / f"{code}.md"
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    checkout = Path(__file__).resolve().parents[2] / "rules" / f"{code}.md"
    if checkout.is_file():
        return checkout.read_text(encoding="utf-8")
    return None


def rule_document(code: str) -> str:
    """Like :func:`find_rule_document`, but a missing document is an error."""
    document = find_rule_document(code)
    if document is None:
        raise SsotlintError(f"the document of {code} is missing from this installation")
    return document


def section(document: str, title: str) -> str | None:
    """The text under ``## title`` (up to the next ``##`` heading), stripped; None if absent."""
    headings = list(_HEADING.finditer(document))
    for i, heading in enumerate(headings):
        if heading.group("title").lower() == title.lower():
            end = headings[i + 1].start() if i + 1 < len(headings) else len(document)
            return document[heading.end() : end].strip()
    return None


def first_paragraph(text: str) -> str:
    """The first paragraph of some Markdown, joined onto one line."""
    paragraph = text.strip().split("\n\n", 1)[0]
    return " ".join(line.strip() for line in paragraph.splitlines())
