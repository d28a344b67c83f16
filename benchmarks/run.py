"""Benchmark ssotlint on a synthetic monorepo and on the standard library, against the
LibCST parse floor and pylint.

    python benchmarks/run.py                          # 5,000 synthetic modules + the stdlib
    python benchmarks/run.py --modules 2000 --repeat 3 --json bench.json
    python benchmarks/run.py --only synthetic --modules 10000 --skip-pylint

Every figure is a whole process, timed from the outside (wall clock, median of
``--repeat`` runs), exactly as a user or CI would run it:

- ``floor``: LibCST's bare ``parse_module`` over the same files, in a pool of ``--jobs``
  worker processes that read and parse (interpreter start-up and the LibCST import
  included, as they are for ssotlint);
- ``cold``: ``ssotlint check`` with a fresh, empty ``--cache-dir`` each run;
- ``warm``: ``ssotlint check`` again, nothing changed;
- ``one file changed``: one module modified (content and mtime) before each run;
- ``diff (clean tree)``: ``ssotlint diff --base HEAD`` with nothing changed;
- ``pylint``: ``pylint --disable=all --enable=cyclic-import,no-name-in-module,import-error
  -j N`` on the same files, when pylint is installed (it has no result cache, so every
  run is cold; ``--pylint-repeat`` runs, 1 by default, since it is slow);
- ``startup``: ``ssotlint check`` on a one-file repository (warm): the fixed cost of a run.

Targets stated for 10,000 files are projected when the repository is smaller: the phases
that grow with the repository (``--profile``: discover, hash, cache, model, rules) scale
linearly and the rest of the run stays; memory adds the warm run's growth per file (over
the one-file repository) to the measured peak. Run ``--modules 10000`` for real figures.

The repositories are git repositories with one commit, in a temporary folder (``--keep``
keeps it): ``synthetic`` is made by :mod:`synth` (deterministic), ``stdlib`` is a copy of
the running interpreter's standard library (``sysconfig.get_paths()["stdlib"]``, without
site-packages) with a ``pyproject.toml``. The file list is ssotlint's own discovery, so the
floor and pylint see exactly the files ssotlint analyses.

Memory: the peak of the whole process tree (ssotlint and its parser workers), sampled
every 0.1 s from /proc as the sum of the processes' PSS (RSS where PSS is unreadable), and
the largest single process (``ru_maxrss`` from ``os.wait4``).

Prints a table, the targets of the "Speed" issue with PASS/FAIL, and writes everything
(each sample included) to ``--json PATH``.
"""

from __future__ import annotations

import sys

if __name__ == "__main__" and "--floor-files" in sys.argv:
    # The floor child: keep this path free of anything but LibCST and the pool.
    import multiprocessing
    import time

    import libcst

    def _parse(path: str) -> tuple[int, int]:
        with open(path, "rb") as fh:
            data = fh.read()
        try:
            libcst.parse_module(data)
            return data.count(b"\n"), 1
        except Exception:  # noqa: BLE001 - a file LibCST rejects still counts as read
            return data.count(b"\n"), 0

    _listing, _jobs = sys.argv[sys.argv.index("--floor-files") + 1], int(sys.argv[sys.argv.index("--jobs") + 1])
    with open(_listing, encoding="utf-8", errors="surrogateescape") as _fh:
        _paths = [p for p in _fh.read().split("\0") if p]
    _start = time.perf_counter()
    _ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with _ctx.Pool(_jobs) as _pool:
        _chunk = max(1, min(64, len(_paths) // (_jobs * 8) or 1))
        _results = list(_pool.imap_unordered(_parse, _paths, chunksize=_chunk))
    print(f"{len(_results)} {sum(ok for _, ok in _results)} {sum(n for n, _ in _results)} {time.perf_counter() - _start:.3f}")
    sys.exit(0)

import argparse
import importlib.metadata
import importlib.util
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sysconfig
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synth  # noqa: E402

TARGET_FILES = 10_000
PYLINT_CHECKS = "cyclic-import,no-name-in-module,import-error"
GIT_ENV = {
    "GIT_AUTHOR_NAME": "bench",
    "GIT_AUTHOR_EMAIL": "bench@example.invalid",
    "GIT_COMMITTER_NAME": "bench",
    "GIT_COMMITTER_EMAIL": "bench@example.invalid",
    "GIT_AUTHOR_DATE": "2023-11-14T22:13:20+00:00",
    "GIT_COMMITTER_DATE": "2023-11-14T22:13:20+00:00",
}


# -- running and measuring one process -------------------------------------------------------


def _children_map() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(b")") + 2 :].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    return children


def _memory_of(pid: int) -> int:
    """PSS of a process in bytes (RSS when smaps_rollup is unreadable), 0 if gone."""
    for name, key in (("smaps_rollup", b"Pss:"), ("status", b"VmRSS:")):
        try:
            with open(f"/proc/{pid}/{name}", "rb") as fh:
                for line in fh:
                    if line.startswith(key):
                        return int(line.split()[1]) * 1024
        except OSError:
            continue
    return 0


class TreeSampler(threading.Thread):
    """Peak summed memory of a process and its descendants, sampled from /proc."""

    def __init__(self, pid: int, interval: float = 0.1) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak = 0
        self.done = threading.Event()
        self.enabled = os.path.isdir("/proc/self")

    def run(self) -> None:
        while self.enabled and not self.done.wait(self.interval):
            tree, stack = [], [self.pid]
            kids = _children_map()
            while stack:
                pid = stack.pop()
                tree.append(pid)
                stack.extend(kids.get(pid, ()))
            self.peak = max(self.peak, sum(_memory_of(p) for p in tree))


@dataclass
class Run:
    seconds: float
    returncode: int
    cpu_seconds: float  # user + system time of the process and its reaped children
    max_rss: int  # bytes, largest single process of the tree (wait4)
    tree_peak: int  # bytes, sampled sum over the tree (0 if unavailable)
    stderr_tail: str = ""
    profile: dict[str, float] = field(default_factory=dict)


PROFILE_RE = re.compile(r"ssotlint: profile: (.*)")


def run_process(cmd: list[str], cwd: Path, timeout: float, out_dir: Path) -> Run:
    out_dir.mkdir(parents=True, exist_ok=True)
    with open(out_dir / "stdout", "wb") as out, open(out_dir / "stderr", "wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        sampler = TreeSampler(proc.pid)
        sampler.start()
        deadline = start + timeout
        status = rusage = None
        while True:
            pid, status, rusage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                _kill_tree(proc.pid)
                _, status, rusage = os.wait4(proc.pid, 0)
                status = None
                break
            time.sleep(0.005)
        seconds = time.perf_counter() - start
        proc.returncode = -1 if status is None else os.waitstatus_to_exitcode(status)
        sampler.done.set()
        sampler.join()
    stderr = (out_dir / "stderr").read_text(errors="replace")
    profile: dict[str, float] = {}
    match = PROFILE_RE.search(stderr)
    if match:
        for name, value in re.findall(r"(\w+) ([\d.]+)s", match.group(1)):
            profile[name] = float(value)
    # ru_maxrss is in KiB on Linux.
    return Run(
        seconds if status is not None else float("inf"),
        proc.returncode,
        rusage.ru_utime + rusage.ru_stime,
        rusage.ru_maxrss * 1024,
        sampler.peak,
        stderr[-2000:],
        profile,
    )


def _kill_tree(pid: int) -> None:
    kids = _children_map()
    stack, tree = [pid], []
    while stack:
        p = stack.pop()
        tree.append(p)
        stack.extend(kids.get(p, ()))
    for p in reversed(tree):
        try:
            os.kill(p, 9)
        except OSError:
            pass


# -- repositories ------------------------------------------------------------------------------


def git(root: Path, *args: str) -> str:
    proc = subprocess.run(
        ["git", "-c", "core.autocrlf=false", "-c", "gc.auto=0", "-c", "commit.gpgsign=false", *args],
        cwd=root, env={**os.environ, **GIT_ENV}, capture_output=True, text=True, check=True,
    )
    return proc.stdout


def make_git_repo(root: Path) -> None:
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "--no-verify", "-m", "benchmark tree")


def copy_stdlib(dest: Path) -> Path:
    source = Path(sysconfig.get_paths()["stdlib"])
    copy_tree(source, dest, skip=("site-packages", "dist-packages", "lib-dynload"))
    (dest / "pyproject.toml").write_text('[project]\nname = "stdlib-copy"\nversion = "0"\n\n[tool.ssotlint]\n')
    return source


def copy_repo(source: Path, dest: Path) -> Path:
    """A copy of any source tree (``--repo``), without its git history or virtualenvs."""
    copy_tree(source, dest, skip=(".git", ".venv", "venv", ".tox", "node_modules", "build", "dist"))
    if not (dest / "pyproject.toml").exists():
        (dest / "pyproject.toml").write_text(f'[project]\nname = "{source.name}-copy"\nversion = "0"\n')
    return source


def copy_tree(source: Path, dest: Path, skip: tuple[str, ...]) -> None:
    dest.mkdir(parents=True)
    skip = skip + ("__pycache__",)
    for folder, dirs, names in os.walk(source):
        dirs[:] = sorted(d for d in dirs if d not in skip and not d.startswith("config-"))
        rel = Path(folder).relative_to(source)
        for name in names:
            # Data files too: pylint's astroid imports some modules for real (lib2to3
            # loads its grammar pickles), and crashes without them.
            if name.endswith((".pyc", ".so")):
                continue
            target = dest / rel / name
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                shutil.copyfile(Path(folder) / name, target)
            except OSError:  # a socket, a dangling link: not code
                continue
            os.utime(target, (synth.FIXED_MTIME, synth.FIXED_MTIME))


def discovered(root: Path) -> list[str]:
    """The files ssotlint analyses (its own discovery and excludes)."""
    from ssotlint.config import load_config
    from ssotlint.discover.files import discover_configured

    return discover_configured(root, load_config(root, None)).files


def pick_changed_file(root: Path, files: list[str]) -> str:
    """A median-sized production module: the file edited in the one-file-changed runs."""
    candidates = [
        f for f in files
        if not f.endswith("__init__.py") and "test" not in f and not f.startswith("tests/")
    ] or files
    sized = sorted((os.path.getsize(root / f), f) for f in candidates)
    return sized[len(sized) // 2][1]


# -- the benchmark -----------------------------------------------------------------------------


@dataclass
class Scenario:
    name: str
    runs: list[Run] = field(default_factory=list)
    note: str = ""
    available: bool = True

    @property
    def ok_runs(self) -> list[Run]:
        return [r for r in self.runs if r.seconds != float("inf")]

    @property
    def median(self) -> float | None:
        ok = self.ok_runs
        return statistics.median(r.seconds for r in ok) if ok else None

    @property
    def peak_tree(self) -> int:
        return max((r.tree_peak for r in self.runs), default=0)

    @property
    def peak_process(self) -> int:
        return max((r.max_rss for r in self.runs), default=0)

    def summary(self, lines: int) -> dict[str, Any]:
        times = [r.seconds for r in self.ok_runs]
        median = self.median
        return {
            "available": self.available,
            "note": self.note,
            "median_s": median,
            "min_s": min(times) if times else None,
            "max_s": max(times) if times else None,
            "spread": (max(times) - min(times)) / median if times and median else None,
            "cpu_median_s": statistics.median(r.cpu_seconds for r in self.ok_runs) if times else None,
            "lines_per_s": lines / median if median else None,
            "peak_tree_bytes": self.peak_tree,
            "peak_process_bytes": self.peak_process,
            "profile_median": _median_profile(self.runs),
            "runs": [asdict(r) for r in self.runs],
        }


def _median_profile(runs: list[Run]) -> dict[str, float]:
    keys = {k for r in runs for k in r.profile}
    return {k: statistics.median(r.profile.get(k, 0.0) for r in runs) for k in sorted(keys)}


class Bench:
    def __init__(self, args: argparse.Namespace, work: Path) -> None:
        self.args = args
        self.work = work
        self.jobs = args.jobs
        exe = Path(sys.executable).with_name("ssotlint")
        self.ssotlint = [str(exe)] if exe.exists() else [sys.executable, "-m", "ssotlint"]
        self.counter = 0

    def _out(self, label: str) -> Path:
        self.counter += 1
        return self.work / "logs" / f"{self.counter:03d}-{label}"

    def ssot(self, root: Path, command: str, cache: Path, *extra: str) -> Run:
        cmd = [*self.ssotlint, command, ".", "--cache-dir", str(cache), "--jobs", str(self.jobs), "--profile", *extra]
        run = run_process(cmd, root, self.args.timeout, self._out(f"{root.name}-{command}"))
        if run.returncode not in (0, 1):
            print(f"  ! ssotlint {command} exited {run.returncode}: {run.stderr_tail.strip()[-500:]}", file=sys.stderr)
        return run

    def diff_available(self) -> bool:
        proc = subprocess.run([*self.ssotlint, "diff", "--help"], capture_output=True)
        return proc.returncode == 0

    def pylint_version(self) -> str | None:
        if importlib.util.find_spec("pylint") is None:
            return None
        proc = subprocess.run([sys.executable, "-m", "pylint", "--version"], capture_output=True, text=True)
        return proc.stdout.splitlines()[0] if proc.returncode == 0 and proc.stdout else None

    def dataset(self, name: str, root: Path, info: dict[str, Any]) -> dict[str, Any]:
        args = self.args
        files = discovered(root)
        total_lines = sum((root / f).read_bytes().count(b"\n") for f in files)
        info.update(files=len(files), lines=total_lines)
        print(f"\n== {name}: {len(files):,} files, {total_lines:,} lines ({root})", file=sys.stderr)
        listing = self.work / f"{name}.files"
        listing.write_bytes(b"\0".join(os.fsencode(root / f) for f in files))
        scenarios: dict[str, Scenario] = {}

        def progress(label: str, run: Run) -> None:
            print(f"  {label:<22} {run.seconds:8.2f} s  rc={run.returncode}", file=sys.stderr)

        # Floor and cold runs alternate, so that both see the same load on the machine.
        floor = scenarios["floor"] = Scenario("LibCST parse floor")
        cold = scenarios["cold"] = Scenario("ssotlint check, cold")
        cold_ast = scenarios["cold_ast"] = Scenario("ssotlint check --parser ast, cold")
        cache = self.work / "caches" / f"{name}-cold"
        for i in range(args.repeat):
            out = self._out(f"{name}-floor")
            cmd = [sys.executable, str(Path(__file__).resolve()), "--floor-files", str(listing), "--jobs", str(self.jobs)]
            run = run_process(cmd, root, args.timeout, out)
            floor.runs.append(run)
            progress("floor", run)
            try:
                parsed = (out / "stdout").read_text().split()
                floor.note = f"LibCST parsed {parsed[1]} of {parsed[0]} files"
            except (OSError, IndexError):
                pass
            cache = self.work / "caches" / f"{name}-cold-{i}"  # fresh and empty
            run = self.ssot(root, "check", cache)
            cold.runs.append(run)
            progress("cold", run)
            ast_cache = self.work / "caches" / f"{name}-cold-ast-{i}"
            run = self.ssot(root, "check", ast_cache, "--parser", "ast")
            cold_ast.runs.append(run)
            progress("cold, ast engine", run)

        warm = scenarios["warm"] = Scenario("ssotlint check, warm")
        warm_ast = scenarios["warm_ast"] = Scenario("ssotlint check --parser ast, warm")
        for _ in range(args.repeat):
            run = self.ssot(root, "check", cache)
            warm.runs.append(run)
            progress("warm", run)
            run = self.ssot(root, "check", ast_cache, "--parser", "ast")
            warm_ast.runs.append(run)
            progress("warm, ast engine", run)

        changed = pick_changed_file(root, files)
        one = scenarios["one_changed"] = Scenario("ssotlint check, 1 file changed", note=changed)
        one_ast = scenarios["one_changed_ast"] = Scenario("ssotlint check --parser ast, 1 changed", note=changed)
        target = root / changed
        original, st = target.read_bytes(), target.stat()
        try:
            for i in range(args.repeat):
                for engine, scenario, engine_cache in (("libcst", one, cache), ("ast", one_ast, ast_cache)):
                    target.write_bytes(original + f"\nBENCHMARK_EDIT = {i + 1}\n".encode())
                    run = self.ssot(root, "check", engine_cache, "--parser", engine)
                    scenario.runs.append(run)
                    progress(f"one changed, {engine}", run)
        finally:
            target.write_bytes(original)
            os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns))
        git(root, "status", "--porcelain")  # refresh the index: a clean tree, as after a commit

        diff = scenarios["diff"] = Scenario("ssotlint diff --base HEAD, clean tree")
        if self.diff_available():
            for _ in range(args.repeat):
                run = self.ssot(root, "diff", cache, "--base", "HEAD")
                diff.runs.append(run)
                progress("diff (clean tree)", run)
        else:
            diff.available, diff.note = False, "ssotlint diff not available"
            print("  diff: not available", file=sys.stderr)

        pylint = scenarios["pylint"] = Scenario("pylint (3 import checks)")
        if args.skip_pylint:
            pylint.available, pylint.note = False, "skipped (--skip-pylint)"
        elif self.pylint_version() is None:
            pylint.available, pylint.note = False, "pylint not installed"
            print("  pylint: not installed", file=sys.stderr)
        else:
            pylint.note = self.pylint_version() or ""
            cmd = [
                sys.executable, "-m", "pylint", "--disable=all", f"--enable={PYLINT_CHECKS}",
                "-j", str(self.jobs), "--persistent=n", "--score=n", "--reports=n", *files,
            ]
            for _ in range(args.pylint_repeat):
                run = run_process(cmd, root, args.pylint_timeout, self._out(f"{name}-pylint"))
                pylint.runs.append(run)
                progress("pylint", run)
                if run.seconds == float("inf"):
                    pylint.note += f" (timed out after {args.pylint_timeout:.0f} s)"
                    break
                if run.returncode < 0 or run.returncode & (1 | 32):  # fatal message or usage error
                    pylint.note += f" (exit {run.returncode}: pylint crashed or stopped early; see --keep logs)"
        return {
            "info": info,
            "scenarios": {key: s.summary(total_lines) for key, s in scenarios.items()},
            "_objects": scenarios,
        }

    def startup(self) -> Scenario:
        """Fixed cost of a run: a warm check of a one-file repository."""
        root = self.work / "tiny"
        root.mkdir()
        (root / "pyproject.toml").write_text("[tool.ssotlint]\n")
        (root / "app.py").write_text("X = 1\n")
        os.utime(root / "app.py", (synth.FIXED_MTIME, synth.FIXED_MTIME))
        scenario = Scenario("ssotlint check, 1-file repo (start-up)")
        cache = self.work / "caches" / "tiny"
        self.ssot(root, "check", cache)
        for _ in range(self.args.repeat):
            scenario.runs.append(self.ssot(root, "check", cache))
        return scenario


# -- report ------------------------------------------------------------------------------------


def _fmt_s(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _mb(value: int) -> str:
    return f"{value / 2**20:,.0f}" if value else "-"


SCALING_PHASES = ("discover", "hash", "cache", "model", "rules")  # grow with the file count


def project(measured: float, fixed: float, files: int) -> float:
    """Affine projection to TARGET_FILES: a fixed part, plus the rest scaled linearly."""
    if files >= TARGET_FILES:
        return measured
    return fixed + max(0.0, measured - fixed) * TARGET_FILES / files


def project_time(scenario: "Scenario", files: int) -> float | None:
    """Wall time projected to TARGET_FILES files, run by run: the phases that grow with the
    repository (ssotlint's own ``--profile`` figures) scale linearly, the rest (start-up,
    imports, parsing the one changed file, output) stays. Median over the runs."""
    values = []
    for run in scenario.ok_runs:
        growing = sum(run.profile.get(k, 0.0) for k in SCALING_PHASES)
        values.append(project(run.seconds, run.seconds - growing, files))
    return statistics.median(values) if values else None


def targets(data: dict[str, Any], startup: Scenario) -> list[dict[str, Any]]:
    s: dict[str, Scenario] = data["_objects"]
    files = data["info"]["files"]
    scaled = files < TARGET_FILES
    how = f" (projected from {files:,} files)" if scaled else ""
    out = []

    def add(name: str, value: float | None, limit: float, op: str, unit: str, note: str = "") -> None:
        if value is None:
            out.append({"target": name, "value": None, "result": "n/a", "note": note})
            return
        ok = value <= limit if op == "<=" else value < limit if op == "<" else value >= limit
        out.append({"target": name, "value": value, "limit": limit, "unit": unit,
                    "result": "PASS" if ok else "FAIL", "note": note})

    cold, floor, warm, one, diff, pylint = (s[k].median for k in ("cold", "floor", "warm", "one_changed", "diff", "pylint"))
    add("cold <= 1.3x LibCST parse floor", cold / floor if cold and floor else None, 1.3, "<=", "x")
    add("warm < 1 s for 10,000 files", project_time(s["warm"], files) if warm else None, 1.0, "<", "s", how)
    add("1 file changed < 1.5 s for 10,000 files", project_time(s["one_changed"], files) if one else None, 1.5, "<", "s", how)
    add("diff (clean) <= 1.3x warm check", diff / warm if diff and warm else None, 1.3, "<=", "x",
        "" if s["diff"].available else s["diff"].note)
    pyl_note = "" if s["pylint"].available else s["pylint"].note
    add(">= 3x faster than pylint, cold vs cold", pylint / cold if pylint and cold else None, 3.0, ">=", "x", pyl_note)
    add(">= 50x faster than pylint, warm", pylint / warm if pylint and warm else None, 50.0, ">=", "x", pyl_note)
    peak = max(max(s[k].peak_tree, s[k].peak_process) for k in ("cold", "warm", "one_changed", "diff"))
    # The parser workers hold one file at a time; what grows is the main process (every
    # summary, the model). Its growth per file is the warm run's (no workers, so its exact
    # ru_maxrss) over a one-file repository's.
    per_file = max(0, s["warm"].peak_process - startup.peak_process) / files if files else 0
    projected = peak + per_file * max(0, TARGET_FILES - files)
    add("peak memory < 1 GB for 10,000 files", projected / 2**30 if peak else None, 1.0, "<", "GB", how)
    return out


def render(report: dict[str, Any], datasets: dict[str, dict[str, Any]]) -> str:
    lines = []
    env = report["environment"]
    lines.append(
        f"ssotlint {env['ssotlint']} | Python {env['python']} | LibCST {env['libcst']} | "
        f"{env['cpus']} CPUs, --jobs {report['options']['jobs']} | --repeat {report['options']['repeat']} | "
        f"load avg {env['load_before']} -> {env['load_after']}"
    )
    st = report["startup"]
    lines.append(f"start-up (warm check of a 1-file repo): {_fmt_s(st['median_s'])} s")
    for name, data in datasets.items():
        info = data["info"]
        lines.append("")
        lines.append(f"{name}: {info['files']:,} files, {info['lines']:,} lines")
        header = f"  {'scenario':<38} {'median s':>9} {'min':>7} {'max':>7} {'cpu s':>7} {'lines/s':>10} {'tree MB':>8} {'proc MB':>8}  vs"
        lines.append(header)
        lines.append("  " + "-" * (len(header) - 2))
        sc = data["scenarios"]
        base = {"cold": sc["floor"]["median_s"], "warm": sc["warm"]["median_s"]}
        objs: dict[str, Scenario] = data["_objects"]
        for key, s in objs.items():
            row = sc[key]
            if not s.available or row["median_s"] is None:
                lines.append(f"  {s.name:<38} {s.note or 'n/a'}")
                continue
            vs = ""
            if key == "cold" and base["cold"]:
                vs = f"{row['median_s'] / base['cold']:.2f}x floor"
            elif key.endswith("_ast") and sc[key[:-4]]["median_s"]:
                vs = f"{sc[key[:-4]]['median_s'] / row['median_s']:.2f}x faster than the libcst engine"
            elif key == "one_changed" and base["warm"]:
                vs = f"+{row['median_s'] - base['warm']:.2f} s over warm"
            elif key == "diff" and base["warm"]:
                vs = f"{row['median_s'] / base['warm']:.2f}x warm"
            elif key == "pylint":
                parts = []
                if sc["cold"]["median_s"]:
                    parts.append(f"{row['median_s'] / sc['cold']['median_s']:.1f}x cold")
                if sc["warm"]["median_s"]:
                    parts.append(f"{row['median_s'] / sc['warm']['median_s']:.0f}x warm")
                vs = "slower than ssotlint " + ", ".join(parts)
                if "(exit" in s.note:
                    vs += " " + s.note[s.note.index("(exit"):]
            lines.append(
                f"  {s.name:<38} {row['median_s']:>9.2f} {row['min_s']:>7.2f} {row['max_s']:>7.2f} {row['cpu_median_s']:>7.2f} "
                f"{row['lines_per_s']:>10,.0f} {_mb(row['peak_tree_bytes']):>8} {_mb(row['peak_process_bytes']):>8}  {vs}"
            )
        prof = sc["warm"]["profile_median"]
        if prof:
            lines.append("  warm phases (median, --profile): " + "  ".join(f"{k} {v:.3f}" for k, v in prof.items()))
        lines.append("  targets:")
        for t in data["targets"]:
            value = "-" if t["value"] is None else (
                f"{t['value']:.2f} {t['unit']}" if t["unit"] != "x" else f"{t['value']:.2f}x")
            lines.append(f"    [{t['result']:>4}] {t['target']:<42} {value:>10}{t['note']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Benchmark ssotlint: cold, warm, one file changed, diff, vs the LibCST floor and pylint."
    )
    parser.add_argument("--modules", type=int, default=5000, help="Python files in the synthetic monorepo (default 5000)")
    parser.add_argument("--jobs", type=int, default=0, help="worker processes for ssotlint, the floor and pylint (default: all cores)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per scenario; the median is reported (default 3)")
    parser.add_argument("--pylint-repeat", type=int, default=1, help="pylint runs (default 1: it is slow)")
    parser.add_argument("--skip-stdlib", action="store_true", help="do not benchmark the standard library")
    parser.add_argument("--skip-pylint", action="store_true", help="do not run pylint")
    parser.add_argument("--only", choices=("synthetic", "stdlib", "repos"), help="benchmark only the synthetic monorepo, the stdlib, or the --repo trees")
    parser.add_argument("--repo", type=Path, action="append", default=[], metavar="PATH",
                        help="also benchmark a copy of this source tree (repeatable), e.g. an unpacked sqlalchemy")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (repositories, caches, logs)")
    parser.add_argument("--json", type=Path, metavar="PATH", help="write every figure and sample as JSON")
    parser.add_argument("--seed", type=int, default=0, help="seed of the synthetic monorepo (default 0)")
    parser.add_argument("--workdir", type=Path, help="where to create the temporary folder (default: the system's)")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds before an ssotlint or floor run is killed")
    parser.add_argument("--pylint-timeout", type=float, default=3600, help="seconds before a pylint run is killed")
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.pylint_repeat < 1:
        parser.error("--repeat and --pylint-repeat must be at least 1")
    if args.jobs <= 0:
        args.jobs = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    wanted = [args.only] if args.only else ["synthetic"] + ([] if args.skip_stdlib else ["stdlib"])
    if args.only == "repos":
        if not args.repo:
            parser.error("--only repos needs at least one --repo PATH")
        wanted = []
    for repo in args.repo:
        if not repo.is_dir():
            parser.error(f"--repo: {repo} is not a folder")

    if args.workdir:
        args.workdir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="ssotlint-bench-", dir=args.workdir))
    bench = Bench(args, work)
    import ssotlint

    try:
        libcst_version = importlib.metadata.version("libcst")
    except Exception:  # noqa: BLE001
        libcst_version = "?"
    report: dict[str, Any] = {
        "options": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
        "environment": {
            "ssotlint": ssotlint.__version__,
            "python": platform.python_version(),
            "libcst": libcst_version,
            "pylint": bench.pylint_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "load_before": " ".join(f"{x:.2f}" for x in os.getloadavg()),
        },
        "datasets": {},
    }
    datasets: dict[str, dict[str, Any]] = {}
    try:
        startup = bench.startup()
        report["startup"] = startup.summary(1)
        for name in wanted + [f"repo:{r.resolve().name}" for r in args.repo]:
            root = work / name.replace(":", "-")
            if name == "synthetic":
                t = time.perf_counter()
                stats = synth.generate(root, args.modules, args.seed)
                info: dict[str, Any] = {"generator": stats.to_json(), "generate_s": round(time.perf_counter() - t, 2)}
            elif name == "stdlib":
                info = {"source": str(copy_stdlib(root))}
            else:
                source = args.repo[[f"repo:{r.resolve().name}" for r in args.repo].index(name)]
                info = {"source": str(copy_repo(source.resolve(), root))}
            make_git_repo(root)
            data = bench.dataset(name, root, info)
            data["targets"] = targets(data, startup)
            datasets[name] = data
        report["environment"]["load_after"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
        report["datasets"] = {n: {k: v for k, v in d.items() if k != "_objects"} for n, d in datasets.items()}
        print(render(report, datasets))
        if args.json:
            args.json.write_text(json.dumps(report, indent=2, default=str) + "\n")
            print(f"\nJSON written to {args.json}", file=sys.stderr)
    finally:
        if args.keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
