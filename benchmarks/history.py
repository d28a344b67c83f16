"""Benchmark ``ssotlint score --history``: a synthetic repository with scripted commits.

``python benchmarks/history.py /tmp/hist --files 2000 --commits 100`` writes the synthetic
monorepo (``synth.py``), commits it, then makes ``commits - 1`` more commits that each touch
a few files (a changed constant, an added function, now and then a new broken import or a
new cycle, later fixed), and times whole ``ssotlint score --history`` processes:

- cold: an empty cache (every content of the range parsed, then per commit a model built
  from the previous commit's, and the rules);
- after check: the working tree was checked first (the usual CI order), so only the
  contents that differ from the working tree's are parsed;
- warm: the same history again (the per-commit scores come from the cache).

The folder is reused if it already holds the repository (delete it to regenerate).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synth  # noqa: E402

ENV = {**os.environ, "GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "b@example.com",
       "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "b@example.com"}


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, env=ENV, check=True, capture_output=True, text=True).stdout


def make_history(root: Path, files: int, commits: int, seed: int = 0) -> None:
    synth.generate(root, files, seed)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "synthetic monorepo")
    rng = random.Random(seed)
    modules = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.py") if p.name != "__init__.py")
    for n in range(1, commits):
        touched = rng.sample(modules, 3)
        for path in touched:
            with open(root / path, "a", encoding="utf-8") as fh:
                fh.write(f"\n\ndef added_in_commit_{n}() -> int:\n    return {n}\n")
        if n % 10 == 3:  # a broken import, fixed 4 commits later
            (root / f"broken_{n}.py").write_text(f"from billing.gone_{n} import Missing\n")
        if n % 10 == 7 and (root / f"broken_{n - 4}.py").exists():
            (root / f"broken_{n - 4}.py").unlink()
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", f"change {n}: {', '.join(touched)}")


def timed(root: Path, cache: Path, *args: str) -> tuple[float, str]:
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "ssotlint", *args, str(root), "--cache-dir", str(cache), "--profile"],
        capture_output=True, text=True,
    )
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"ssotlint {' '.join(args)} failed: {proc.stderr}")
    profile = [line for line in proc.stderr.splitlines() if "profile:" in line]
    return elapsed, profile[-1] if profile else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--commits", type=int, default=100)
    parser.add_argument("--parser", choices=("libcst", "ast"), default=None, help="the extraction engine (default: the configuration's)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    root = args.folder / "repo"
    if not (root / ".git").exists():
        root.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        make_history(root, args.files, args.commits)
        print(f"repository: {args.files} files, {args.commits} commits ({time.perf_counter() - started:.0f} s)")
    engine = ("--parser", args.parser) if args.parser else ()
    history = ("score", "--history", "--max-commits", str(args.commits), "--format", "json", *engine)
    figures = {}
    cache = args.folder / "cache"
    shutil.rmtree(cache, ignore_errors=True)
    figures["cold"] = timed(root, cache, *history)
    shutil.rmtree(cache, ignore_errors=True)
    figures["check (cold)"] = timed(root, cache, "check", "--format", "json", *engine)
    figures["after check"] = timed(root, cache, *history)
    figures["warm"] = timed(root, cache, *history)
    figures["warm check"] = timed(root, cache, "check", "--format", "json", *engine)
    for name, (seconds, profile) in figures.items():
        print(f"{name:>14}: {seconds:7.2f} s   {profile}")
    cold, check = figures["cold"][0], figures["check (cold)"][0]
    print(f"cold history / cold check: {cold / check:.2f}; cold history - cold check: {cold - check:.1f} s "
          f"({(cold - check) / max(args.commits - 1, 1) * 1000:.0f} ms a further commit)")
    if args.json:
        args.json.write_text(json.dumps({k: v[0] for k, v in figures.items()}, indent=2))


if __name__ == "__main__":
    main()
