"""What the SSOT002 tests read: the cycle findings of a check run, the advice part of a
message, and the name uses the per-file summary records for each import (both engines)."""

from __future__ import annotations

import textwrap

from ssotlint.extract.summarize import summarize


def cycles(make_repo, cli, files: dict[str, str], code: int = 1) -> list[dict]:
    """SSOT002's findings on a repository of these files, sorted; the exit code checked."""
    root = make_repo(files)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT002")
    assert result.code == code, result.err
    return sorted(result.json()["violations"], key=lambda v: (v["path"], v["line"], v["message"]))


def advice(finding: dict) -> str:
    """The message after the cycle it names: what to do."""
    return finding["message"].partition("; ")[2]


def import_uses(source: str, engine: str = "libcst") -> dict[str, tuple[int, ...]]:
    """Each import statement of ``source`` (``pkg.mod`` or ``pkg.mod.a,b`` for a from-import)
    with the uses the summary records for it, from the given engine."""
    summary = summarize(textwrap.dedent(source).encode(), use_libcst=engine == "libcst")
    assert summary.engine == engine
    return {
        (r.module or ".") + ("." + ",".join(n for n, _ in r.names) if r.is_from else ""): u
        for r, u in zip(summary.imports, summary.import_uses)
    }
