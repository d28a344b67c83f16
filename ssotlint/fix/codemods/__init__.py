"""One codemod per fix action: ``(text, args) -> text``.

A codemod receives the file's current text (decoded, as :mod:`ssotlint.fix.text` read it)
and the parameters its rule chose, and returns the new text, or raises :class:`CannotFix`
saying why not (the file changed since the analysis, the statement is not where the rule
saw it, the rewrite would not be provably safe). Codemods never read or write files.
"""

from __future__ import annotations

import importlib
from typing import Any, Callable, Mapping

Codemod = Callable[[str, Mapping[str, Any]], str]


class CannotFix(Exception):
    """The proposal cannot be carried out on this text; the message says why."""


# Action -> (module in this package, function). Loaded on first use: a run without
# ``--fix`` never imports LibCST, and line endings never need it.
ACTIONS: dict[str, tuple[str, str]] = {
    "line-endings": ("line_endings", "normalise"),
    "retarget-import": ("imports", "retarget"),
    "replace-with-import": ("copies", "replace_with_import"),
    "defer-import": ("defer", "defer"),
    "add-base-class": ("bases", "add_base"),
}


def codemod(action: str) -> Codemod | None:
    """The codemod of ``action``; None for an action this version does not know."""
    where = ACTIONS.get(action)
    if where is None:
        return None
    module = importlib.import_module(f"{__name__}.{where[0]}")
    return getattr(module, where[1])
