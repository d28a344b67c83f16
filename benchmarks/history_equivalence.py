"""Check that ``score --history``'s incremental rules find what ``check`` finds, on a real
repository: ``python benchmarks/history_equivalence.py REPO [--max-commits 100] [score options]``.

It runs ``ssotlint score --history`` on REPO and, at every commit the history analyses, also
runs every rule afresh (:func:`ssotlint.rules.runner.run_rules`) on the same model, and
compares the findings: rule, file, line and subject. Exit 1, with the first differences,
when any commit differs. Use a scratch ``--cache-dir`` (scores already cached are not
computed again, so nothing would be compared).
"""

from __future__ import annotations

import sys
from collections import Counter

from ssotlint import history
from ssotlint.cli import main
from ssotlint.rules import runner


def _subjects(violations) -> Counter:
    return Counter((v.rule, v.path, v.line, v.key) for v in violations)


def run(argv: list[str]) -> int:
    compared: list[int] = []
    differing: list[str] = []
    incremental = runner.RulesOverHistory.__call__

    def checked(self, project):
        found = incremental(self, project)
        expected = runner.run_rules(project)
        compared.append(len(expected))
        got, want = _subjects(found), _subjects(expected)
        if got != want:
            differing.append(
                f"commit #{len(compared)}: extra {list((got - want).items())[:3]}, missing {list((want - got).items())[:3]}"
            )
        return found

    runner.RulesOverHistory.__call__ = checked  # type: ignore[method-assign]
    # One walk in this process: runs walked in forked processes would compare there, and
    # report nothing here.
    min_run, history.MIN_RUN = history.MIN_RUN, sys.maxsize
    try:
        code = main(["score", "--history", *argv, "--format", "json"])
    finally:
        runner.RulesOverHistory.__call__ = incremental  # type: ignore[method-assign]
        history.MIN_RUN = min_run
    print(f"{len(compared)} commits compared ({sum(compared)} findings), {len(differing)} differing", file=sys.stderr)
    for line in differing[:10]:
        print(line, file=sys.stderr)
    return 1 if differing or code not in (0,) else 0


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
