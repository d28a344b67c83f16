"""``--format github``: GitHub Actions workflow commands that annotate the changed code.

``::error file=app/a.py,line=2,col=1,title=SSOT002 circular-import::circular import: ...``

GitHub resolves ``file`` against the workspace, so the paths (relative to the repository
root) are right when the repository is checked out at the top of the workspace.
"""

from __future__ import annotations

from typing import Iterable

from ssotlint.discover.files import display_path
from ssotlint.rules import RULES_BY_CODE
from ssotlint.rules.base import Violation

# SARIF-style rule levels -> workflow commands.
_COMMANDS = {"error": "error", "warning": "warning", "note": "notice", "none": "notice"}


def escape_data(text: str) -> str:
    """The message part of a workflow command: one line, ``%`` escaped first."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A ``key=value`` property: also ``:`` and ``,``, which delimit the properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_line(v: Violation) -> str:
    rule = RULES_BY_CODE.get(v.rule)
    command = _COMMANDS.get(rule.level if rule else "error", "error")
    title = f"{v.rule} {rule.name}" if rule else v.rule
    properties = {
        "file": display_path(v.path),
        "line": str(max(v.line, 1)),
        "col": str(v.col + 1),
        "title": title,
    }
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{command} {joined}::{escape_data(v.message)}"


def github_lines(violations: Iterable[Violation]) -> list[str]:
    """One workflow command per violation, in the given order."""
    return [github_line(v) for v in violations]
