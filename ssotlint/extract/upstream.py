"""Whether a module's header says it is another project's file, copied in.

A project may keep a module of another project as that project wrote it, to stay in step
with it: Kolibri Studio's ``kolibri_content/base_models.py`` ("This file is an exact copy
of the base_models.py file from Kolibri", with the address of the file upstream) and its
``kolibri_public/views.py`` ("vendored and modified from Kolibri ... Copied from:
https://github.com/learningequality/kolibri/..."). What such a module defines is the other
project's; its classes are not the project's own duplicates, and advice to change them
would drift them from upstream. Read narrowly: the header (extract/generated.py
``header_lines``) says the file is vendored, copied or a copy *from* somewhere, and gives
the address of a file or repository on a code host. "Adapted from", "inspired by" or a
snippet's address (a question-and-answer site) describe code the project made its own.
"""

from __future__ import annotations

import re

from ssotlint.extract.generated import header_lines

_SAYS_COPIED = re.compile(
    r"(?i:\b(?:vendored|copied|(?:an?\s+)?(?:exact\s+|verbatim\s+|direct\s+)?copy\s+of|taken))\b(?:[^.]|\.(?=\w)){0,160}?\b(?i:from)\b"
    # ... another project, named (``from Kolibri``) or by its address (``from: https://``),
    # not a path of this one (``copied from app/foo.py`` is a copy to consolidate)
    r"\s*(?::\s*)?(?:the\s+)?(?:https?://|[A-Z][\w-]*\b(?![/.]\w))",
)
_CODE_ADDRESS = re.compile(
    r"https?://(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org|raw\.githubusercontent\.com|"
    r"git\.[\w.-]+|hg\.[\w.-]+|svn\.[\w.-]+|sourceforge\.net)/\S+",
    re.I,
)


def upstream_address(text: str) -> str:
    """The address of the file the header says this module copies, or ""."""
    if "http" not in text[:4_000]:
        return ""
    header = " ".join(line for line in header_lines(text) if line)
    if not _SAYS_COPIED.search(header):
        return ""
    address = _CODE_ADDRESS.search(header)
    return address.group(0).rstrip(".,;)") if address else ""
