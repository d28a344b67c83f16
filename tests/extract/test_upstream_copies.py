"""A module whose header says it copies another project's file (extract/upstream.py)."""

from __future__ import annotations

import pytest

from ssotlint.extract.upstream import upstream_address

KOLIBRI = "https://github.com/learningequality/kolibri/blob/0f6bb67/kolibri/core/content/base_models.py#L68"


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # Kolibri Studio's two copies of Kolibri modules
        (f'"""\nThis file is an exact copy of the base_models.py file from Kolibri.\n{KOLIBRI}\n"""\nX = 1\n', KOLIBRI),
        ('"""\nThe code in this file is vendored and modified from Kolibri.\nCopied from:\n'
         'https://github.com/learningequality/kolibri/blob/b8ef721/kolibri/core/content/api.py\n"""\n',
         "https://github.com/learningequality/kolibri/blob/b8ef721/kolibri/core/content/api.py"),
        ("# Vendored from Werkzeug 2.0 (https://github.com/pallets/werkzeug).\nX = 1\n", "https://github.com/pallets/werkzeug"),
        # the project's own code, or no file of another project's
        ('"""Adapted from https://github.com/a/b/blob/main/x.py"""\n', ""),
        ('"""Copied from https://stackoverflow.com/a/123"""\n', ""),
        ("# Copied from app/foo.py\n# see https://github.com/org/app/issues/12\n", ""),
        ("# Vendored from Werkzeug 2.0, with our fixes.\nX = 1\n", ""),
        ("import os\n# Copied from: https://github.com/a/b/blob/m/x.py\n", ""),  # not the header
    ],
)
def test_upstream_address(text, address):
    assert upstream_address(text) == address
