"""SSOT007: the suppression below silences nothing (the import it was for was fixed)."""

import os  # ssotlint: ignore[SSOT003] old import of a removed module

DEBUG = os.environ.get("DEBUG") == "1"
