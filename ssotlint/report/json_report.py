"""``--format json``: the stable machine interface (``version`` 1). See README "JSON output"."""

from __future__ import annotations

import json
from collections import Counter
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from ssotlint import __version__
from ssotlint.discover.files import display_path
from ssotlint.rules.base import Violation

if TYPE_CHECKING:
    from ssotlint.fix.edits import Edit

JSON_VERSION = 1


def fix_dict(v: Violation, edit: "Edit | None" = None, computed: bool = False) -> dict[str, Any] | None:
    """The violation's fix: applicability, description and, when ``computed`` (the fixes
    the run's options would apply), its edits (none when it cannot be carried out on the
    file as it is)."""
    if v.fix is None:
        return None
    fix: dict[str, Any] = {"applicability": "safe" if v.fix.safe else "unsafe", "description": v.fix.description}
    if computed:
        fix["edits"] = [] if edit is None else [
            {
                "path": display_path(v.path),
                "line": edit.line,
                "col": edit.col,
                "end_line": edit.end_line,
                "end_col": edit.end_col,
                "content": edit.content,
            }
        ]
    return fix


def violation_dict(v: Violation, edits: "Mapping[str, Edit | None] | None" = None) -> dict[str, Any]:
    from ssotlint.rules.registry import RULES_BY_CODE  # the rules load only if output needs them

    return {
        "rule": v.rule,
        "name": RULES_BY_CODE[v.rule].name,
        "path": display_path(v.path),
        "line": v.line,
        "col": v.col,
        "message": v.message,
        "fingerprint": v.fingerprint,
        "details": dict(v.details),
        "fix": fix_dict(v, edits.get(v.fingerprint), v.fingerprint in edits) if edits is not None else fix_dict(v),
    }


def summary_dict(violations: list[Violation], files: int, not_analysed: int) -> dict[str, Any]:
    by_rule = Counter(v.rule for v in violations)
    return {
        "violations": len(violations),
        "files_with_violations": len({v.path for v in violations}),
        "files_analysed": files - not_analysed,
        "files_not_analysed": not_analysed,
        "by_rule": {code: by_rule[code] for code in sorted(by_rule)},
    }


def check_document(
    root: str, files: int, violations: list[Violation], not_analysed: int, edits: "Mapping[str, Edit | None] | None" = None
) -> dict[str, Any]:
    return {
        "version": JSON_VERSION,
        "tool": {"name": "ssotlint", "version": __version__},
        "root": root,
        "files": files,
        "violations": [violation_dict(v, edits) for v in violations],
        "summary": summary_dict(violations, files, not_analysed),
    }


def dumps(document: Any) -> str:
    return json.dumps(document, indent=2, sort_keys=False, ensure_ascii=False) + "\n"


def violations_list(violations: Iterable[Violation]) -> list[dict[str, Any]]:
    return [violation_dict(v) for v in violations]
