"""Running the selected rules over a project and giving each violation its fingerprint."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Hashable, Iterable

from ssotlint.model.changes import Change, Since, Snapshot
from ssotlint.model.project import Project
from ssotlint.rules.base import Rule, Violation, fingerprint
from ssotlint.rules.registry import ALL_RULES
from ssotlint.rules.spelling import as_spelled


def validate(project: Project) -> None:
    """Configuration problems only the model can reveal (raises ConfigError)."""
    for rule in ALL_RULES:
        if rule.validate is not None:
            rule.validate(project)


def run_rules(project: Project) -> list[Violation]:
    validate(project)
    return _finish(project, [v for rule in _enabled(project) for v in rule.check(project)])  # type: ignore[misc]


def _enabled(project: Project) -> list[Rule]:
    return [rule for rule in ALL_RULES if rule.check is not None and project.config.rule_enabled(rule.code)]


def _finish(project: Project, found: list[Violation]) -> list[Violation]:
    """Post-processors, then the report order and the fingerprints."""
    return assign_fingerprints(sorted(as_spelled(project, _post_process(project, found)), key=Violation.sort_key))


def _post_process(project: Project, found: list[Violation]) -> list[Violation]:
    """The post-processors see every rule's findings, in registry order."""
    for rule in ALL_RULES:
        if rule.post_process is not None:
            found = list(rule.post_process(project, found))
    return found


@dataclass
class _Checked:
    """One tree's findings of the rules that can check a subset of files, by rule and path,
    with what the next tree's change is measured against."""

    snapshot: Snapshot
    keys: dict[str, Hashable]
    found: dict[str, dict[str, list[Violation]]]
    # The findings of the rules over the whole tree that can keep them, with the graph
    # they were made on.
    whole: dict[str, tuple[list[Violation], Since]]


class RulesOverHistory:
    """The rules over a sequence of similar trees, oldest first (``score --history``).

    A rule with ``check_files`` checks again only the files the change from the previous
    tree can affect (:class:`ssotlint.model.changes.Change`) and keeps its other
    findings; a rule over the whole tree keeps its findings while ``Rule.unchanged`` says
    they stand. The findings are the ones :func:`run_rules` makes, rule, place and count,
    in no particular order and without fingerprints; a kept finding keeps the wording (hint,
    fix) it was made with. Scores read none of that. Call it with each tree's model in turn.
    """

    def __init__(self) -> None:
        self._last: _Checked | None = None

    def __call__(self, project: Project) -> list[Violation]:
        last, self._last = self._last, None  # a rule that raises leaves nothing to build on
        validate(project)
        change = Change(last.snapshot, project) if last is not None else None
        found: list[Violation] = []
        checked = _Checked(Snapshot.of(project), {}, {}, {})
        for rule in _enabled(project):
            if rule.check_files is None:
                found.extend(self._whole(rule, project, last, change, checked.whole))
            else:
                found.extend(self._per_file(rule, project, last, change, checked))
        self._last = checked
        return _post_process(project, found)  # scores read neither the report's order nor fingerprints

    @staticmethod
    def _per_file(rule: Rule, project: Project, last: _Checked | None, change: Change | None, checked: _Checked) -> list[Violation]:
        """A rule that can check a subset of files: the files the change can affect checked
        again, the others' findings kept (all of them checked when its scope changed)."""
        key = checked.keys[rule.code] = rule.scope_key(project) if rule.scope_key is not None else None
        earlier = last.found.get(rule.code) if last is not None and last.keys.get(rule.code) == key else None
        if change is None or earlier is None:
            by_path = _by_path(rule.check(project))  # type: ignore[misc]
        else:
            again = change.affected_paths(rule.through_closure)
            present = checked.snapshot.files
            by_path = {p: vs for p, vs in earlier.items() if p not in again and p in present}
            by_path.update(_by_path(rule.check_files(project, [f for f in project.files if f.path in again])))  # type: ignore[misc]
        checked.found[rule.code] = by_path
        return [v for vs in by_path.values() for v in vs]

    @staticmethod
    def _whole(
        rule: Rule, project: Project, last: _Checked | None, change: Change | None, whole: dict[str, tuple[list[Violation], Since]]
    ) -> list[Violation]:
        """A rule over the whole tree: its findings on the previous tree when the change
        cannot alter them, else made again (on this tree's graph, which later changes are
        then judged against)."""
        earlier = last.whole.get(rule.code) if last is not None else None
        if earlier is not None and change is not None:
            since = change.since(earlier[1])
            if rule.unchanged is not None and rule.unchanged(change, since):
                whole[rule.code] = (earlier[0], since)
                return earlier[0]
            names = rule.affected_names(change, since) if rule.affected_names is not None else None
            if names is not None:
                # The other names' findings stand, as of the graph they were judged against.
                found = [v for v in earlier[0] if _name_of(v) not in names]
                if names:
                    found.extend(rule.check_names(project, names))  # type: ignore[misc]
                if "reachability" in project.__dict__:
                    # The other findings stand on this graph too (the change reached no
                    # module their names' definitions run): judge the next change against it,
                    # when the names' check had it computed.
                    since = Since(project.reachability, frozenset(), frozenset())
                whole[rule.code] = (found, since)
                return found
        found = list(rule.check(project))  # type: ignore[misc]
        if rule.unchanged is not None or rule.affected_names is not None:
            whole[rule.code] = (found, Since(project.reachability, frozenset(), frozenset()))
        return found


def _name_of(violation: Violation) -> str:
    """The name a finding of a rule with ``check_names`` is about (see ``Rule.affected_names``)."""
    return violation.key.rpartition(":")[2]


def _by_path(violations: Iterable[Violation]) -> dict[str, list[Violation]]:
    found: dict[str, list[Violation]] = {}
    for v in violations:
        found.setdefault(v.path, []).append(v)
    return found


def assign_fingerprints(violations: list[Violation]) -> list[Violation]:
    """Each subject of each violation gets a fingerprint ranked among the subjects of the
    same rule, file and key, in report order: the second identical broken import of a file
    is another finding, not the first one again."""
    seen: Counter[tuple[str, str, str]] = Counter()

    def rank(rule: str, path: str, key: str) -> str:
        ident = (rule, path, key)
        digest = fingerprint(rule, path, key, seen[ident])
        seen[ident] += 1
        return digest

    result = []
    for v in violations:
        primary = rank(v.rule, v.path, v.key)
        related = tuple(rank(v.rule, path, key) for path, key in v.also)
        result.append(v._replace(fingerprint=primary, related=related))
    return result


def rule_warnings(project: Project) -> list[str]:
    """What the selected rules have to say about how they apply to this project."""
    config = project.config
    return [
        warning
        for rule in ALL_RULES
        if rule.advice is not None and config.rule_enabled(rule.code)
        for warning in rule.advice(project)
    ]
