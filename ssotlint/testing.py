"""Rules run on files held in memory: no CLI, no disk, no worker processes.

For rule unit tests (and plugin authors)::

    run_rule("SSOT003", {"app/__init__.py": "", "app/a.py": "import app.gone\\n"})

returns what ``ssotlint check`` reports for that rule on a repository that holds exactly
those files and whose ``pyproject.toml`` has ``config`` under ``[tool.ssotlint]``. The
files go through the same steps as on disk (the configuration's excludes and engine,
source roots, the model, every selected rule, suppressions and fingerprints), so a rule's
examples can be checked in milliseconds while its end-to-end tests stay few.
"""

from __future__ import annotations

import sys
from functools import partial
from typing import Iterable, Iterator, Mapping

from ssotlint.config import Config, parse_table
from ssotlint.discover.excludes import TreeExcludes
from ssotlint.discover.files import OPAQUE_SUFFIXES, data_folders
from ssotlint.discover.modules import roots_of
from ssotlint.extract.summarize import summarize
from ssotlint.extract.summary import FileSummary
from ssotlint.model.project import Project
from ssotlint.pipeline import Timings, build_outcome
from ssotlint.pipeline.targets import FileTargets, declared_targets, is_target_config
from ssotlint.rules.base import Rule, Violation

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def config_from_text(config: str) -> Config:
    """The configuration of a ``pyproject.toml`` whose ``[tool.ssotlint]`` table is ``config``."""
    table = tomllib.loads("[tool.ssotlint]\n" + config).get("tool", {}).get("ssotlint", {})
    return parse_table(table, "<memory>")


def run_rules_in_memory(files: Mapping[str, str | bytes], config: str = "") -> list[Violation]:
    """Every violation ``check`` reports on these files, in report order."""
    settings = config_from_text(config)
    tree = _Tree(files, settings)
    _, outcome = build_outcome(
        settings, tree.roots, tree.entries, tree.opaque, Timings(), warnings=tree.warnings, oldest_python=tree.oldest
    )
    return outcome.violations


# Summaries already made, by content, engine and target Python: what a history's walk
# shares between its trees (and between a model and the fresh one it is compared with).
Summaries = dict[tuple[bytes, bool, str | None], FileSummary]


def model_in_memory(
    files: Mapping[str, str | bytes],
    settings: Config,
    previous: Project | None = None,
    advice: bool = True,
    summaries: Summaries | None = None,
) -> Project:
    """The project model of these files (``previous``, ``advice``: see ``Project.build``).
    ``summaries``: a memo of summaries to reuse and add to (each content is parsed once)."""
    tree = _Tree(files, settings, summaries)
    return Project.build(settings, tree.roots, tree.entries, tree.opaque, previous, advice, tree.oldest)


def models_over(
    files: Mapping[str, str | bytes],
    steps: Iterable[Mapping[str, str | bytes | None]],
    settings: Config,
    summaries: Summaries | None = None,
) -> Iterator[tuple[dict[str, str | bytes], Project]]:
    """The files and the model of each tree of a history: the first tree (``files``),
    then each step's writes applied (``None`` removes a file), each model built from the
    previous one as ``score --history`` builds it (a step that writes nothing keeps it).
    As in a history, an unchanged file keeps its summary object from tree to tree."""
    summaries = {} if summaries is None else summaries
    tree = dict(files)
    model = model_in_memory(tree, settings, summaries=summaries)
    yield dict(tree), model
    for writes in steps:
        for path, text in writes.items():
            if text is None:
                tree.pop(path, None)
            else:
                tree[path] = text
        model = model_in_memory(tree, settings, previous=model, summaries=summaries) if writes else model
        yield dict(tree), model


def rule_counts_over(
    files: Mapping[str, str | bytes], steps: Iterable[Mapping[str, str | bytes | None]], settings: Config, rule: str
) -> list[int]:
    """How many ``rule`` findings each tree of a history has (see :func:`models_over`), as
    ``score --history`` checks it (rules re-run only where a commit can change them);
    asserts at every tree that its findings equal a fresh check's."""
    from collections import Counter

    from ssotlint.rules.runner import RulesOverHistory, run_rules

    rules = RulesOverHistory()
    counts = []
    memo: Summaries = {}
    for tree, model in models_over(files, steps, settings, memo):
        found = Counter((v.rule, v.path, v.line, v.key) for v in rules(model))
        fresh = model_in_memory(tree, settings, summaries=memo)
        assert found == Counter((v.rule, v.path, v.line, v.key) for v in run_rules(fresh))
        counts.append(sum(n for (name, *_), n in found.items() if name == rule))
    return counts


class _Tree:
    """The files as the pipeline sees them: excludes applied, summaries, source roots."""

    def __init__(self, files: Mapping[str, str | bytes], settings: Config, summaries: Summaries | None = None) -> None:
        excludes = TreeExcludes.of(settings, files)
        kept = sorted(p for p in files if not excludes.matches(p))
        modules = [p for p in kept if p.endswith((".py", *OPAQUE_SUFFIXES))]
        self.opaque = [p for p in kept if p.endswith(OPAQUE_SUFFIXES)] + data_folders(
            modules, [p for p in kept if p not in modules]
        )
        self.roots = roots_of(settings.src, has_src=any(p.startswith("src/") for p in files))
        # Nested projects' own pyproject.toml files set their files' target, as on disk.
        nested = declared_targets(
            {p: partial(_data, files[p]) for p in kept if is_target_config(p)}
        )
        targets = FileTargets.of(settings, nested)
        self.oldest = targets
        use_libcst = settings.parser == "libcst"
        memo: Summaries = {} if summaries is None else summaries
        self.entries = []
        for p in kept:
            if p.endswith(".py"):
                key = (_data(files[p]), use_libcst, targets.parser_version(p))
                if key not in memo:
                    memo[key] = summarize(key[0], use_libcst, target=key[2])
                self.entries.append((p, memo[key]))
        self.warnings = tuple(targets.warnings())


def run_rule(rule: Rule | str, files: Mapping[str, str | bytes], config: str = "") -> list[Violation]:
    """The violations of one rule (a Rule or its code) that ``check`` reports on these files."""
    code = rule if isinstance(rule, str) else rule.code
    return [v for v in run_rules_in_memory(files, config) if v.rule == code]


def _data(content: str | bytes) -> bytes:
    return content if isinstance(content, bytes) else content.encode("utf-8")
