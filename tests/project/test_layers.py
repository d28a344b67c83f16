"""ssotlint's own layering, checked with ssotlint's own import graph.

Each layer may import only from itself and the layers below it; the peers of one layer
(rules and session, cache and git) do not import each other. A new import against this
order fails here, with the file and line of the offending statement.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import REPO_ROOT

ROOT = REPO_ROOT

# Top to bottom. Several packages on one line are peers.
LAYERS: list[tuple[str, ...]] = [
    ("ssotlint.cli", "ssotlint.__main__", "ssotlint.testing"),
    ("ssotlint.commands",),
    ("ssotlint.report",),
    ("ssotlint.pipeline", "ssotlint.history", "ssotlint.score", "ssotlint.fix", "ssotlint.compare"),
    ("ssotlint.cache", "ssotlint.storage", "ssotlint.trust"),
    ("ssotlint.rules", "ssotlint.session"),
    ("ssotlint.model",),
    ("ssotlint.extract",),
    ("ssotlint.discover",),
    ("ssotlint.gitrev", "ssotlint.gitcmd"),
    ("ssotlint.config", "ssotlint.config_project", "ssotlint.packaging", "ssotlint.packaging_meson", "ssotlint.deployment_units", "ssotlint.import_contracts", "ssotlint.gitattributes", "ssotlint.editorconfig", "ssotlint.globs", "ssotlint.workers"),
    ("ssotlint.errors", "ssotlint"),
]
# Peers that must not import each other (independent parts of one layer).
SEPARATE = {frozenset({"ssotlint.rules", "ssotlint.session"})}


def layer_of(module: str) -> tuple[int, str]:
    """(layer index, the package prefix that placed it): the longest prefix wins."""
    best: tuple[int, str] | None = None
    for index, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and (best is None or len(prefix) > len(best[1])):
                best = (index, prefix)
    assert best is not None, f"{module} belongs to no layer: add it to LAYERS"
    return best


def test_no_import_against_the_layers(cli):
    result = cli("graph", str(ROOT), "--format", "json", "--package", "ssotlint", "--no-cache", "--parser", "ast")
    assert result.code == 0, result.err
    graph = json.loads(result.out)
    assert len(graph["nodes"]) > 60  # the whole package was read
    offences = []
    for edge in graph["edges"]:
        if edge["type_checking"] and not edge["runtime"]:
            continue  # annotations only: no import at run time
        (source, source_prefix), (target, target_prefix) = layer_of(edge["source"]), layer_of(edge["target"])
        upward = target < source
        across = frozenset({source_prefix, target_prefix}) in SEPARATE
        if upward or across:
            where = edge["imports"][0]
            offences.append(f"{where['path']}:{where['line']}: {where['text']} ({source_prefix} -> {target_prefix})")
    assert offences == []


def test_the_check_fails_on_an_import_against_the_layers():
    """The order itself: the model importing a rule would be upward."""
    assert layer_of("ssotlint.rules.runner")[0] < layer_of("ssotlint.model.project")[0]
    assert layer_of("ssotlint.report.session")[1] == "ssotlint.report"
    assert layer_of("ssotlint")[1] == "ssotlint"
