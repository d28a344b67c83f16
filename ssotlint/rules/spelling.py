"""Module names in findings as the code that reads them spells them.

A nested project apart (``Project.apart``: two services that each build a distribution
with an ``app`` package of their own) has no name in the repository's namespace, so the
model names its modules by their folders (``services.api.app.models``). Its own code
imports them by the name its environment gives them (``app.models``), and a finding that
tells it to import from ``services.api.app.models`` names a module no import can spell.
The runner rewrites such names in each finding's message, details and fix before they are
reported. Identities (``key``) keep the model's names: they only need to be stable."""

from __future__ import annotations

import re
from typing import Any

from ssotlint.model.project import Project
from ssotlint.rules.base import Violation


def as_spelled(project: Project, violations: list[Violation]) -> list[Violation]:
    """``violations`` with every module name of a project apart spelled as in its own
    environment (the model's ``boefjes.boefjes.worker.models`` is ``boefjes.worker.models``)."""
    if not project.apart:
        return violations
    # A folder's dotted name, only where one of the project's own top-level packages follows
    # it: the model's ``boefjes.boefjes.worker``, never the ``boefjes.worker`` a finding
    # quotes as the code spells it (a folder named as its package).
    tops = project.apart_own_tops
    alternatives = []
    for folder in sorted(project.apart, key=len, reverse=True):
        own = sorted(tops.get(folder, ()), key=len, reverse=True)
        after = rf"(?=(?:{'|'.join(map(re.escape, own))})\b)" if own else r"(?=[A-Za-z_])"
        alternatives.append(re.escape(folder.replace("/", ".") + ".") + after)
    outer = re.compile(r"(?<![\w.])(?:" + "|".join(alternatives) + ")")

    def spelled(value: Any) -> Any:
        if isinstance(value, str):
            return outer.sub("", value)
        if isinstance(value, dict):
            return {key: spelled(item) for key, item in value.items()}
        if isinstance(value, (list, tuple)):
            return type(value)(spelled(item) for item in value)
        return value

    result: list[Violation] = []
    for v in violations:
        message = spelled(v.message)
        details = spelled(dict(v.details)) if v.details else v.details
        fix = v.fix._replace(description=spelled(v.fix.description), args=spelled(dict(v.fix.args))) if v.fix else None
        result.append(v._replace(message=message, details=details, fix=fix))
    return result
