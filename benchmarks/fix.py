"""Benchmark ``ssotlint check --fix`` on a real repository, against what it must cost.

``python benchmarks/fix.py REPO [--parser ast] [--unsafe-fixes]`` copies the git work tree
REPO to a scratch folder (REPO is never written), warms the cache, and times whole
processes:

- warm check: nothing changed since the last run;
- fix: ``check --fix`` (plans the fixes in worker processes, writes them, analyses again);
- re-analysis: the same fixed contents put in place by hand on the unfixed, warm tree, then
  ``check``: what analysing the changed files costs without any fixing.

The bound the fix aims at is "warm check + re-analysis of the changed files"; the planning
of the fixes (LibCST parses of the changed files) comes on top of it. It also checks the
result: every changed file compiles, no violation is new, and a second ``--fix`` changes
nothing.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def run(root: Path, cache: Path, *args: str) -> tuple[float, subprocess.CompletedProcess[str]]:
    env = {**os.environ, "SSOTLINT_CACHE_DIR": str(cache)}
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "ssotlint", *args], cwd=root, env=env, capture_output=True, text=True)
    return time.perf_counter() - started, proc


def changed_files(root: Path) -> list[str]:
    out = subprocess.run(["git", "status", "--porcelain", "-z"], cwd=root, capture_output=True, check=True).stdout
    return sorted(entry[3:].decode() for entry in out.split(b"\0") if entry[:2] == b" M" and entry.endswith(b".py"))


def violations(root: Path, cache: Path, parser: list[str]) -> dict[str, dict]:
    _, proc = run(root, cache, "check", ".", "--format", "json", "--exit-zero", *parser)
    return {v["fingerprint"]: v for v in json.loads(proc.stdout)["violations"]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("repo", type=Path)
    ap.add_argument("--parser", choices=("libcst", "ast"))
    ap.add_argument("--unsafe-fixes", action="store_true")
    ap.add_argument("--keep", action="store_true", help="keep the scratch copy")
    args = ap.parse_args()
    parser = ["--parser", args.parser] if args.parser else []
    fix = ["--fix", *(["--unsafe-fixes"] if args.unsafe_fixes else [])]
    scratch = Path(tempfile.mkdtemp(prefix="ssotlint-fix-bench-"))
    root, cache = scratch / "repo", scratch / "cache"
    shutil.copytree(args.repo, root, symlinks=True)
    try:
        for _ in range(2):
            run(root, cache, "check", ".", "--exit-zero", *parser)
        warm, _ = run(root, cache, "check", ".", "--exit-zero", *parser)
        before = violations(root, cache, parser)
        # The cache as it is before fixing: re-analysis is timed against it below (after the
        # fix, the cache also holds the fixed tree's outcome, which would make it free).
        shutil.copytree(cache, scratch / "cache-before")
        fixing, proc = run(root, cache, "check", ".", "--exit-zero", *fix, *parser)
        summary = [line for line in proc.stdout.splitlines() if line.startswith("Fixed")]
        files = changed_files(root)
        fixed = {path: (root / path).read_bytes() for path in files}
        not_compiling = []
        for path, data in fixed.items():
            try:
                compile(data, path, "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
            except SyntaxError:
                not_compiling.append(path)
        after = violations(root, cache, parser)
        new = [v for fp, v in after.items() if fp not in before]
        second, proc2 = run(root, cache, "check", ".", "--exit-zero", *fix, *parser)
        same_files = changed_files(root) == files
        same_bytes = all((root / p).read_bytes() == d for p, d in fixed.items())
        nothing_fixed = not any(line.startswith("Fixed ") for line in proc2.stdout.splitlines())
        # Re-analysis alone: the fixed contents on the cache as it was before the fix.
        reanalysis, _ = run(root, scratch / "cache-before", "check", ".", "--exit-zero", *parser)
        report = {
            "files_changed": len(files),
            "fixed": summary[0] if summary else "nothing fixed",
            "warm_check_s": round(warm, 2),
            "fix_s": round(fixing, 2),
            "reanalysis_s": round(reanalysis, 2),
            "fix_over_bound": round(fixing / (warm + reanalysis), 2),
            "not_compiling": not_compiling,
            "new_violations": [f"{v['rule']} {v['path']}:{v['line']} {v['message'][:100]}" for v in new],
            "second_fix_s": round(second, 2),
            "second_fix_changed_nothing": {"same_files": same_files, "same_bytes": same_bytes, "nothing_fixed": nothing_fixed},
            "by_rule_before": _count(before),
            "by_rule_after": _count(after),
        }
        print(json.dumps(report, indent=2))
    finally:
        if not args.keep:
            shutil.rmtree(scratch, ignore_errors=True)


def _count(found: dict[str, dict]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for v in found.values():
        counts[v["rule"]] = counts.get(v["rule"], 0) + 1
    return dict(sorted(counts.items()))


if __name__ == "__main__":
    main()
