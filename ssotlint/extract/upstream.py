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


# A header that says where the module's code came from, with the address of a file or
# repository on a code host: "Adapted from https://github.com/huggingface/controlnet_aux",
# "Initially pulled from https://github.com/black-forest-labs/flux", "From:
# https://raw.githubusercontent.com/mv-lab/swin2sr/...", "Based on huggingface code base
# https://github.com/...", "The implementation is adopted (or "adopated") from MiDaS / made publicly
# available under the MIT license / https://github.com/isl-org/MiDaS" (the address up to
# two lines below), "The GPEN implementation is also open-sourced by the authors, and
# available at https://github.com/yangxy/GPEN/..." (the same code, published by its
# authors), "References: https://github.com/facebookresearch/dino/..." (dinov2's
# modules), "Copyright 3D-Speaker
# (https://github.com/alibaba-damo-academy/3D-Speaker)". Said of code the project took
# from another and changed.
_SAYS_DERIVED = re.compile(
    r"(?i:\b(?:adapted|adopa?ted|modified|borrowed|ported|pulled|derived|taken|copied|vendored|based\s+on|open[- ]sourced)\b"
    r"[^\n]{0,120}?|\bcopyright\b[^\n]{0,60}?\(\s*|(?:^|\s)(?:from|references?)\s*:\s*)https?://"
)


def derived_address(text: str) -> str:
    """The address the header says the module's code comes from (copied, or adapted and
    changed since: see :data:`_SAYS_DERIVED`), or "". A first header line that is only the
    address of a file or repository on a code host (``# https://github.com/eladrich/
    pixel2style2pixel``) says the same."""
    if "http" not in text[:4_000]:
        return ""
    lines = [line for line in header_lines(text) if line]
    if lines:
        alone = _CODE_ADDRESS.fullmatch(lines[0].strip())
        if alone is not None:
            return alone.group(0).rstrip(".,;)")
    for i, line in enumerate(lines):
        joined = " ".join(lines[i : i + 3])
        match = _SAYS_DERIVED.search(joined)
        if match is not None:
            address = _CODE_ADDRESS.search(joined, match.end() - len("https://") - 1)
            if address is not None:
                return address.group(0).rstrip(".,;)")
    return ""


# File-level directives that tell the project's own linters or type checker to skip the
# whole module: what it holds is not written to the project's standards, as code copied
# in from elsewhere is not (Fooocus' ``ldm_patched/pfn/architecture/*.py``, each opening
# with ``# pylint: skip-file``).
_SKIP_FILE = re.compile(
    r"^(?:pylint:\s*(?:skip-file|disable-all)|flake8:\s*noqa|ruff:\s*noqa|mypy:\s*ignore-errors|type:\s*ignore)\s*$", re.I
)


def skips_linters(text: str) -> bool:
    """The file's opening comment lines (before any statement or docstring) hold a
    directive that skips the whole file (:data:`_SKIP_FILE`)."""
    for line in text[:4_000].split("\n")[:40]:
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            return False
        if _SKIP_FILE.match(stripped[1:].strip()):
            return True
    return False
