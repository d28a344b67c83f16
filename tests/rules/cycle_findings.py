"""What the SSOT002 tests read: the cycle findings of a check run, the advice part of a
message, and the name uses the per-file summary records for each import (both engines)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

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


def import_failures(root: Path) -> dict[str, str]:
    """Ground truth for a fixture of our own (never for a repository under audit): each
    first-party module imported first, in a fresh interpreter, and the circular-import
    error it raised, by module. Empty when no order of importing them fails."""
    modules = []
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if parts and all(p.isidentifier() for p in parts):
            modules.append(".".join(parts))
    found = {}
    for module in modules:
        run = subprocess.run(
            [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(root)!r}); import {module}; "
             f"assert sys.modules[{module!r}].__file__.startswith({str(root)!r}), 'a module of the standard library'"],
            capture_output=True, text=True, timeout=60, cwd=root.parent,
        )
        last = run.stderr.strip().splitlines()[-1] if run.returncode else ""
        assert "the standard library" not in last, f"{module} is named like a module that is already loaded"
        # "cannot import name 'X' from partially initialized module", "partially initialized
        # module 'p.a' has no attribute 'X'", "cannot access submodule 'a' of module 'p'":
        # each "(most likely due to a circular import)".
        if "partially initialized" in last or "due to a circular import" in last:
            found[module] = last
    return found


def cannot_fail(make_repo, cli, files: dict[str, str]) -> None:
    """The modules' cycle cannot fail in any order of importing them, as the interpreter
    shows, and SSOT002 reports nothing."""
    root = make_repo(files)
    assert import_failures(root) == {}
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT002")
    assert result.code == 0, [v["message"] for v in result.json()["violations"]]


def can_fail(make_repo, cli, files: dict[str, str]) -> list[dict]:
    """The modules' cycle fails in some order of importing them, as the interpreter shows;
    SSOT002's findings, which must not be empty."""
    root = make_repo(files)
    assert import_failures(root)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT002")
    assert result.code == 1, result.err
    return sorted(result.json()["violations"], key=lambda v: (v["path"], v["line"], v["message"]))
