"""``--format sarif``: a SARIF 2.1.0 log, for GitHub code scanning and other SARIF viewers.

One run; its tool driver lists every rule (selected or not, so ``ruleIndex`` is stable),
each with its document as help. Locations are relative to the repository root through
the ``%SRCROOT%`` base, so uploads work from any checkout folder.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence
from urllib.parse import quote

from ssotlint import __version__
from ssotlint.rules import ALL_RULES
from ssotlint.rules.base import Rule, Violation
from ssotlint.rules.docs import find_rule_document, first_paragraph, section

if TYPE_CHECKING:
    from ssotlint.fix.edits import Edit

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/ssotlint/"
SRCROOT = "%SRCROOT%"
# The fingerprint is independent of line numbers and wording; bump the suffix if its recipe
# changes (v2: keyed on subjects, e.g. an import's module and name, not its statement text).
FINGERPRINT_KEY = "ssotlint/v2"


def artifact_uri(path: str) -> str:
    """A repository-relative POSIX path as a relative URI reference (percent-encoded).

    Paths arrive as ``str`` with undecodable bytes kept as surrogates; encoding them back
    keeps the URI pointing at the real file.
    """
    return quote(path.encode("utf-8", "surrogateescape"), safe="/")


def _rule_descriptor(rule: Rule) -> dict[str, Any]:
    descriptor: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
    }
    document = find_rule_document(rule.code)
    finds = section(document, "What it finds") if document else None
    descriptor["fullDescription"] = {"text": first_paragraph(finds) if finds else rule.summary}
    if document:
        descriptor["help"] = {"text": document, "markdown": document}
    descriptor["defaultConfiguration"] = {"level": rule.level}
    descriptor["properties"] = {"tags": ["ssotlint", rule.name], "fixable": rule.fixable}
    return descriptor


def _fixes(v: Violation, edit: "Edit") -> list[dict[str, Any]]:
    """SARIF's ``fixes``: one artifact change replacing a region (columns from 1, the end
    exclusive), so code-scanning UIs can offer it."""
    assert v.fix is not None
    kind = "" if v.fix.safe else " (unsafe: may change behaviour)"
    return [
        {
            "description": {"text": v.fix.description + kind},
            "artifactChanges": [
                {
                    "artifactLocation": {"uri": artifact_uri(v.path), "uriBaseId": SRCROOT},
                    "replacements": [
                        {
                            "deletedRegion": {
                                "startLine": edit.line,
                                "startColumn": edit.col + 1,
                                "endLine": edit.end_line,
                                "endColumn": edit.end_col + 1,
                            },
                            "insertedContent": {"text": edit.content},
                        }
                    ],
                }
            ],
        }
    ]


def _result(v: Violation, index: dict[str, int], rules: Sequence[Rule], edit: "Edit | None" = None) -> dict[str, Any]:
    rule_index = index[v.rule]
    region = {"startLine": max(v.line, 1), "startColumn": v.col + 1}
    result: dict[str, Any] = {
        "ruleId": v.rule,
        "ruleIndex": rule_index,
        "level": rules[rule_index].level,
        "message": {"text": v.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(v.path), "uriBaseId": SRCROOT},
                    "region": region,
                }
            }
        ],
    }
    if v.fingerprint:
        result["partialFingerprints"] = {FINGERPRINT_KEY: v.fingerprint}
    if edit is not None and v.fix is not None:
        result["fixes"] = _fixes(v, edit)
    return result


def sarif_document(
    violations: Iterable[Violation], root: Path, rules: Sequence[Rule] = ALL_RULES, edits: "Mapping[str, Edit | None] | None" = None
) -> dict[str, Any]:
    """The SARIF log of one analysis. ``root`` is the repository root the paths are relative
    to; ``edits``: the fixes that can be carried out, by fingerprint."""
    index = {rule.code: i for i, rule in enumerate(rules)}
    found = edits or {}
    results = [_result(v, index, rules, found.get(v.fingerprint)) for v in violations]
    root_uri = Path(root).resolve().as_uri().rstrip("/") + "/"
    return {
        "$schema": SARIF_SCHEMA_URI,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "ssotlint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": [_rule_descriptor(rule) for rule in rules],
                    }
                },
                "originalUriBaseIds": {SRCROOT: {"uri": root_uri}},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
