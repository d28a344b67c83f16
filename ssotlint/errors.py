"""Errors that end a run with a one-line message and a documented exit code."""

from __future__ import annotations

EXIT_OK = 0
EXIT_VIOLATIONS = 1
EXIT_ERROR = 2
EXIT_INTERRUPTED = 130


class SsotlintError(Exception):
    """A problem with the user's input (arguments, configuration, repository).

    The CLI prints ``ssotlint: error: <message>`` and exits with ``exit_code``.
    """

    exit_code = EXIT_ERROR


class ConfigError(SsotlintError):
    """The configuration is malformed or names something that does not exist."""


class GitError(SsotlintError):
    """A git operation the command needs is impossible (no repository, unknown ref...)."""
