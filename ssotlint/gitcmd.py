"""Every git process ssotlint starts is configured here, so none can run a program that the
audited repository chose.

A repository's own ``.git/config`` is untrusted input (a repository handed over as an
archive, a shared folder, a build cache): it can name programs that git runs on its own
(``core.fsmonitor``, hooks, a pager, an external diff, textconv filters, a GPG program for
``log.showSignature``). Each of those is switched off through ``GIT_CONFIG_COUNT`` (git
2.31+), which takes precedence over every configuration file, and through an explicit
environment in which the user's pager and editor never start. :func:`git_command` and
:func:`git_env` are the only ways ssotlint launches git (through :mod:`ssotlint.gitrev`,
its one git adapter).
"""

from __future__ import annotations

import os
from typing import Mapping

# Configuration that overrides the repository's. Values that name a program are replaced by
# ones that start nothing; switches that would make git run a program are turned off.
SAFE_CONFIG: tuple[tuple[str, str], ...] = (
    ("core.fsmonitor", "false"),  # a program git runs to learn which files changed
    ("core.hooksPath", os.devnull),  # no hook of the repository's
    ("core.pager", "cat"),
    ("core.editor", ":"),
    ("sequence.editor", ":"),
    ("core.askPass", ""),
    ("credential.helper", ""),
    ("protocol.allow", "never"),  # never fetch (a partial clone's missing objects included)
    ("diff.external", ""),
    ("log.showSignature", "false"),  # would run gpg.program on signed commits
    ("gpg.program", "false"),
    ("gpg.ssh.program", "false"),
    ("gpg.x509.program", "false"),
    ("gc.auto", "0"),  # read-only: no automatic housekeeping
    ("maintenance.auto", "false"),
    ("core.untrackedCache", "false"),  # ls-files --others must not rewrite the index
    ("core.quotepath", "off"),  # paths as they are, not octal-escaped
)

# The user's environment may name programs too (their pager, editor, diff tool); a linter
# has no use for any of them.
_UNSET = (
    "GIT_EXTERNAL_DIFF",
    "GIT_DIFF_OPTS",
    "GIT_ASKPASS",
    "SSH_ASKPASS",
    "GIT_SSH",
    "GIT_SSH_COMMAND",
    "GIT_PROXY_COMMAND",
    "GIT_TRACE2_EVENT",
)
_FORCED = {
    "GIT_PAGER": "cat",
    "PAGER": "cat",
    "GIT_EDITOR": ":",
    "GIT_SEQUENCE_EDITOR": ":",
    "GIT_TERMINAL_PROMPT": "0",
    "GIT_NO_LAZY_FETCH": "1",  # a partial clone's missing object is missing, not downloaded
    "GIT_OPTIONAL_LOCKS": "0",  # no index refresh written back by a read
    "GIT_NO_REPLACE_OBJECTS": "1",  # objects are what their ids say
}

# Options for commands that can show file differences: no external diff program, no
# textconv filter, no signature check.
DIFF_SAFETY = ("--no-ext-diff", "--no-textconv")
LOG_SAFETY = (*DIFF_SAFETY, "--no-show-signature")


def config_overrides() -> dict[str, str]:
    """The ``GIT_CONFIG_COUNT`` variables that impose :data:`SAFE_CONFIG`."""
    overrides = {"GIT_CONFIG_COUNT": str(len(SAFE_CONFIG))}
    for index, (key, value) in enumerate(SAFE_CONFIG):
        overrides[f"GIT_CONFIG_KEY_{index}"] = key
        overrides[f"GIT_CONFIG_VALUE_{index}"] = value
    return overrides


def git_env(base: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment every git process runs in."""
    env = dict(os.environ if base is None else base)
    for name in _UNSET:
        env.pop(name, None)
    env.update(_FORCED)
    # Our count replaces the caller's: their GIT_CONFIG_KEY_n are overwritten or ignored.
    env.update(config_overrides())
    return env


def git_command(*args: str) -> list[str]:
    """The argument vector of ``git ARGS`` (run it with :func:`git_env`)."""
    return ["git", "--no-pager", *args]
