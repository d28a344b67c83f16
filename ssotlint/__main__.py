"""Allow ``python -m ssotlint``."""

from ssotlint.cli import run

run()
