"""Real-world check: run ssotlint on code no one here wrote, and read samples of its findings.

Precision on real code cannot be computed by a program: someone has to open the code and
judge each finding. This script does everything around that judgement, reproducibly:

* runs ``ssotlint check DIR --format json --no-cache`` as a subprocess on each corpus folder
  (the corpus is only read by ssotlint, never imported or executed here), writing
  ``OUT/NAME.json`` (ssotlint's own JSON document plus a ``realworld`` block: corpus,
  command, seconds, warnings) and a per-rule count table ``OUT/counts.md``;
* ``--sample N --seed S [--rules CODES]`` draws N findings per rule (deterministically) into a
  worksheet, ``OUT/worksheet-NAME-sS.md`` and ``.json``: message, details, the source lines around the
  finding and, for duplicate definitions (SSOT001, SSOT006), around the other definition;
  each entry has an empty ``verdict`` for the reviewer (``right`` / ``wrong`` / ``unsure``);
* ``--tally WORKSHEET.json`` computes precision per rule from the filled verdicts;
* ``--compare OLD.json NEW.json`` shows per-rule counts and the findings that appeared or
  disappeared between two runs (matched by fingerprint, then by site; a duplicate now reported
  on the other definition of its pair is "moved"); with ``--verdicts WORKSHEET.json...``
  each listed finding carries its hand verdict, so a fix that drops a finding judged
  ``right`` (a lost true positive) stands out from one that drops a ``wrong`` one.

``--download NAME...`` fetches sdists with ``pip download --no-deps --no-binary :all:``
into ``--cache`` and unpacks them; ``--stdlib`` adds a copy of the running interpreter's
standard library. Only the standard library and ssotlint (as a subprocess) are used.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shlex
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import time
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

CONTEXT_LINES = 4  # source lines shown before and after a finding
VERDICTS = ("right", "wrong", "unsure")
TWO_DEFINITION_RULES = ("SSOT001", "SSOT006")
_WHERE = re.compile(r"\(([^()\s:]+\.py):(\d+)\)")  # "(pkg/mod.py:12)" in a message


# -- corpora ----------------------------------------------------------------------------


def _project_name(requirement: str) -> str:
    """``Django==5.2`` -> ``django``: the normalised name an sdist file starts with."""
    match = re.match(r"[A-Za-z0-9._-]+", requirement)
    if not match:
        raise SystemExit(f"--download: {requirement!r} is not a project name")
    return re.sub(r"[-_.]+", "_", match.group(0)).lower()


def _archive_stem(archive: Path) -> str:
    for suffix in (".tar.gz", ".tgz", ".tar.bz2", ".zip"):
        if archive.name.endswith(suffix):
            return archive.name[: -len(suffix)]
    return archive.stem


def unpack(archive: Path, dest: Path) -> Path:
    """Unpack an sdist into ``dest/STEM`` (once) and return the project folder."""
    target = dest / _archive_stem(archive)
    if not target.exists():
        tmp = dest / (target.name + ".partial")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        if archive.name.endswith(".zip"):
            with zipfile.ZipFile(archive) as z:
                z.extractall(tmp)
        else:
            with tarfile.open(archive) as t:
                if hasattr(tarfile, "data_filter"):
                    t.extractall(tmp, filter="data")
                else:  # pragma: no cover - Python < 3.11.4
                    t.extractall(tmp)
        tmp.rename(target)
    entries = [p for p in target.iterdir()]
    return entries[0] if len(entries) == 1 and entries[0].is_dir() else target


def download(requirements: Sequence[str], cache: Path) -> list[Path]:
    """Fetch each project's sdist (no dependencies, never a wheel) and unpack it.

    Note: pip may run the project's build backend to read an sdist's metadata.
    """
    archives = cache / "sdists"
    archives.mkdir(parents=True, exist_ok=True)
    folders = []
    for requirement in requirements:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
             "-d", str(archives), requirement],
            check=True,
        )
        folders.append(unpack(find_sdist(archives, requirement), cache / "src"))
    return folders


def find_sdist(archives: Path, requirement: str) -> Path:
    """The newest sdist of that project in ``archives`` (``django`` is not ``django-extensions``)."""
    name = re.compile(re.escape(_project_name(requirement)) + r"_\d")
    found = [p for p in archives.iterdir() if name.match(re.sub(r"[-_.]+", "_", p.name).lower())]
    if not found:
        raise SystemExit(f"--download {requirement}: pip wrote no sdist into {archives}")
    return max(found, key=lambda p: p.stat().st_mtime)


def copy_stdlib(cache: Path) -> Path:
    """A copy of this interpreter's standard library (without site-packages and caches)."""
    source = Path(sysconfig.get_paths()["stdlib"])
    dest = cache / f"stdlib-{sys.version_info.major}.{sys.version_info.minor}"
    if not dest.exists():
        shutil.copytree(source, dest, ignore=shutil.ignore_patterns(
            "__pycache__", "site-packages", "dist-packages", "config-*"))
    return dest


# -- running ssotlint ---------------------------------------------------------------------


def run_ssotlint(folder: Path, out: Path, command: Sequence[str], jobs: int, parser: str | None = None) -> dict[str, Any]:
    """Run ``check`` on one corpus and return its JSON document with a ``realworld`` block.
    ``parser``: the extraction engine (the findings are the same; ``ast`` is ten times faster)."""
    argv = [*command, "check", str(folder), "--format", "json", "--no-cache", "--exit-zero",
            "--output", str(out), "--jobs", str(jobs), *(["--parser", parser] if parser else [])]
    started = time.perf_counter()
    proc = subprocess.run(argv, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if proc.returncode != 0 or not out.exists():
        raise SystemExit(f"ssotlint failed on {folder} (exit {proc.returncode}):\n{proc.stderr}")
    document = json.loads(out.read_text(encoding="utf-8"))
    document["realworld"] = {
        "corpus": str(folder.resolve()),
        "command": shlex.join(argv),
        "seconds": round(seconds, 1),
        "warnings": [line for line in proc.stderr.splitlines() if line.strip()],
    }
    if Path(document["root"]).resolve() != folder.resolve():
        print(f"warning: ssotlint analysed {document['root']}, not {folder} "
              "(it audits the repository containing a path)", file=sys.stderr)
    out.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return document


def load_run(path: Path) -> dict[str, Any]:
    document = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(document, dict) or "violations" not in document:
        raise SystemExit(f"{path}: not an ssotlint check --format json document")
    return document


def counts_table(runs: Mapping[str, Mapping[str, Any]]) -> str:
    """Markdown: one row per rule, one column per corpus, plus files and seconds."""
    names = list(runs)
    per_run = {n: Counter(v["rule"] for v in runs[n]["violations"]) for n in names}
    rules = sorted(set().union(*per_run.values())) if per_run else []
    lines = ["| rule | " + " | ".join(names) + " |", "| --- |" + " ---: |" * len(names)]
    lines += [f"| {r} | " + " | ".join(str(per_run[n][r]) for n in names) + " |" for r in rules]
    lines.append("| **all** | " + " | ".join(str(len(runs[n]["violations"])) for n in names) + " |")
    lines.append("| files | " + " | ".join(str(runs[n].get("files", "?")) for n in names) + " |")
    seconds = [str(runs[n].get("realworld", {}).get("seconds", "?")) for n in names]
    lines.append("| seconds | " + " | ".join(seconds) + " |")
    return "\n".join(lines) + "\n"


# -- worksheets ---------------------------------------------------------------------------


def source_context(root: Path, rel: str, line: int, around: int = CONTEXT_LINES) -> list[str]:
    """Numbered lines ``line-around .. line+around`` of ``root/rel`` (``>`` marks ``line``)."""
    try:
        text = (root / rel).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        return [f"(cannot read {rel}: {exc.strerror})"]
    first, last = max(1, line - around), min(len(text), line + around)
    return [f"{'>' if n == line else ' '}{n:6d}  {text[n - 1]}" for n in range(first, last + 1)]


def other_definition(root: Path, finding: Mapping[str, Any]) -> dict[str, Any] | None:
    """Where the definition a duplicate finding points at is (path and line)."""
    details = finding.get("details") or {}
    path = details.get("canonical_path")
    if not path:
        return None
    for where, line in _WHERE.findall(finding.get("message", "")):
        if where == path:
            return {"path": path, "line": int(line)}
    name = str(details.get("canonical", "")).rpartition(".")[2]
    pattern = re.compile(rf"^\s*class\s+{re.escape(name)}\b")
    try:
        for number, text in enumerate((root / path).read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            if pattern.match(text):
                return {"path": path, "line": number}
    except OSError:
        pass
    return {"path": path, "line": 0}


def draw_sample(violations: Sequence[Mapping[str, Any]], per_rule: int, seed: int,
                rules: Sequence[str] = ()) -> list[Mapping[str, Any]]:
    """Up to ``per_rule`` findings of each rule (only ``rules`` when given), the same for the
    same input and seed."""
    rng = random.Random(seed)
    by_rule: dict[str, list[Mapping[str, Any]]] = {}
    for v in sorted(violations, key=lambda v: (v["rule"], v["path"], v["line"], v["fingerprint"])):
        if not rules or v["rule"] in rules:
            by_rule.setdefault(v["rule"], []).append(v)
    sample = []
    for rule in sorted(by_rule):
        found = by_rule[rule]
        chosen = rng.sample(found, min(per_rule, len(found)))
        sample.extend(sorted(chosen, key=lambda v: (v["path"], v["line"])))
    return sample


def worksheet(document: Mapping[str, Any], per_rule: int, seed: int, rules: Sequence[str] = ()) -> dict[str, Any]:
    root = Path(document["root"])
    totals = Counter(v["rule"] for v in document["violations"])
    entries = []
    for number, v in enumerate(draw_sample(document["violations"], per_rule, seed, rules), 1):
        entry = {
            "id": number, "rule": v["rule"], "path": v["path"], "line": v["line"],
            "fingerprint": v["fingerprint"], "message": v["message"], "details": v.get("details", {}),
            "context": source_context(root, v["path"], v["line"]),
            "verdict": "", "error_class": "", "note": "",
        }
        other = other_definition(root, v) if v["rule"] in TWO_DEFINITION_RULES else None
        if other is not None:
            other["context"] = source_context(root, other["path"], other["line"]) if other["line"] else []
            entry["other"] = other
        entries.append(entry)
    return {"root": str(root), "seed": seed, "per_rule": per_rule, "totals": dict(sorted(totals.items())),
            "entries": entries}


def worksheet_markdown(sheet: Mapping[str, Any], title: str) -> str:
    out = [f"# Review worksheet: {title}", "",
           f"Root `{sheet['root']}`, seed {sheet['seed']}, up to {sheet['per_rule']} findings per rule.",
           "Fill `verdict` (right / wrong / unsure) and, for wrong ones, `error_class`.", ""]
    current = None
    for e in sheet["entries"]:
        if e["rule"] != current:
            current = e["rule"]
            out += [f"## {current} ({sheet['totals'].get(current, 0)} findings)", ""]
        out += [f"### {e['id']}. {e['path']}:{e['line']}", "", f"> {e['message']}", ""]
        if e["details"]:
            out += [f"details: `{json.dumps(e['details'], ensure_ascii=False)}`", ""]
        out += ["```", *e["context"], "```", ""]
        if "other" in e:
            out += [f"other definition: {e['other']['path']}:{e['other']['line']}", "",
                    "```", *e["other"]["context"], "```", ""]
        out += [f"- verdict: {e['verdict']}", f"- error_class: {e['error_class']}", f"- note: {e['note']}", ""]
    return "\n".join(out)


def tally(entries: Iterable[Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """Per rule: how many were judged right / wrong / unsure, precision over the judged."""
    result: dict[str, dict[str, Any]] = {}
    for e in entries:
        verdict = str(e.get("verdict", "")).strip().lower()
        row = result.setdefault(e["rule"], {"right": 0, "wrong": 0, "unsure": 0, "open": 0, "classes": Counter()})
        if verdict in VERDICTS:
            row[verdict] += 1
        else:
            row["open"] += 1
        if verdict == "wrong":
            row["classes"][e.get("error_class") or "(unclassified)"] += 1
    for row in result.values():
        judged = row["right"] + row["wrong"]
        row["precision"] = round(row["right"] / judged, 3) if judged else None
        row["classes"] = dict(row["classes"].most_common())
    return dict(sorted(result.items()))


def tally_markdown(result: Mapping[str, Mapping[str, Any]]) -> str:
    lines = ["| rule | judged | right | wrong | unsure | precision | wrong by class |",
             "| --- | ---: | ---: | ---: | ---: | ---: | --- |"]
    for rule, row in result.items():
        classes = "; ".join(f"{k} ({n})" for k, n in row["classes"].items())
        precision = "-" if row["precision"] is None else f"{row['precision']:.2f}"
        lines.append(f"| {rule} | {row['right'] + row['wrong']} | {row['right']} | {row['wrong']} | "
                     f"{row['unsure']} | {precision} | {classes} |")
    return "\n".join(lines) + "\n"


# -- comparing two runs -------------------------------------------------------------------


def _site(v: Mapping[str, Any]) -> tuple[str, str, int]:
    """Where a finding is: stable across ssotlint versions on an unchanged corpus, even when a
    rule's fingerprint key changes (the fingerprint stays the primary identity)."""
    return (v["rule"], v["path"], v["line"])


def compare(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, Any]:
    """Per-rule counts and the findings only in one run: matched by fingerprint, then the
    rest by site (rule, path, line), so a changed fingerprint key is not a lost finding."""
    old_by = {v["fingerprint"]: v for v in old["violations"]}
    new_by = {v["fingerprint"]: v for v in new["violations"]}
    old_rest: dict[tuple[str, str, int], list[Mapping[str, Any]]] = {}
    for f in old_by.keys() - new_by.keys():
        old_rest.setdefault(_site(old_by[f]), []).append(old_by[f])
    appeared = []
    for f in sorted(new_by.keys() - old_by.keys()):
        same_site = old_rest.get(_site(new_by[f]))
        if same_site:
            same_site.pop()
        else:
            appeared.append(new_by[f])
    disappeared = [v for rest in old_rest.values() for v in rest]
    moved, appeared, disappeared = _match_pairs(appeared, disappeared)
    old_count = Counter(v["rule"] for v in old["violations"])
    new_count = Counter(v["rule"] for v in new["violations"])
    rules = sorted(set(old_count) | set(new_count))
    return {
        "counts": {r: {"old": old_count[r], "new": new_count[r]} for r in rules},
        "appeared": sorted(appeared, key=_order),
        "disappeared": sorted(disappeared, key=_order),
        "moved": sorted(moved, key=lambda pair: _order(pair[0])),
    }


def _pair(v: Mapping[str, Any]) -> tuple[str, frozenset[str], str] | None:
    """A duplicate-definition finding's subject: the rule, both files and the name, whichever
    of the two files it is reported on."""
    details = v.get("details") or {}
    other = details.get("canonical_path")
    name = str(details.get("class") or details.get("enum") or "").rpartition(".")[2]
    return (v["rule"], frozenset((v["path"], other)), name) if other and name else None


def _match_pairs(appeared: list, disappeared: list) -> tuple[list, list, list]:
    """(moved, still appeared, still disappeared): a duplicate now reported on the other
    definition of the same pair is a move, not a lost finding plus a new one."""
    gone_by_pair: dict[Any, list] = {}
    for v in disappeared:
        gone_by_pair.setdefault(_pair(v), []).append(v)
    moved, new_only = [], []
    for v in appeared:
        candidates = gone_by_pair.get(_pair(v)) if _pair(v) else None
        if candidates:
            moved.append((candidates.pop(), v))
        else:
            new_only.append(v)
    return moved, new_only, [v for rest in gone_by_pair.values() for v in rest]


def _order(v: Mapping[str, Any]) -> tuple[str, str, int]:
    return (v["rule"], v["path"], v["line"])


class Verdicts:
    """Hand verdicts of filled worksheets, looked up by fingerprint, else by site when all
    verdicts at that site agree."""

    def __init__(self, entries: Iterable[Mapping[str, Any]] = ()) -> None:
        self.by_fingerprint: dict[str, str] = {}
        self.by_site: dict[tuple[str, str, int], set[str]] = {}
        for e in entries:
            verdict = str(e.get("verdict", "")).strip().lower()
            if verdict in VERDICTS:
                self.by_fingerprint[e["fingerprint"]] = verdict
                self.by_site.setdefault(_site(e), set()).add(verdict)

    def get(self, v: Mapping[str, Any]) -> str | None:
        if v["fingerprint"] in self.by_fingerprint:
            return self.by_fingerprint[v["fingerprint"]]
        at_site = self.by_site.get(_site(v), set())
        return next(iter(at_site)) if len(at_site) == 1 else None


def load_verdicts(paths: Iterable[Path]) -> Verdicts:
    return Verdicts(e for path in paths for e in json.loads(path.read_text(encoding="utf-8"))["entries"])


def compare_markdown(result: Mapping[str, Any], limit: int, verdicts: Verdicts | None = None) -> str:
    """Counts table, then the findings that appeared / disappeared; judged ones first, tagged
    with their verdict, and a line counting the judged ones that disappeared."""
    verdicts = verdicts or Verdicts()
    lines = ["| rule | old | new | change | appeared | disappeared |", "| --- | ---: | ---: | ---: | ---: | ---: |"]
    appeared = Counter(v["rule"] for v in result["appeared"])
    gone = Counter(v["rule"] for v in result["disappeared"])
    for rule, c in result["counts"].items():
        lines.append(f"| {rule} | {c['old']} | {c['new']} | {c['new'] - c['old']:+d} | {appeared[rule]} | {gone[rule]} |")
    if verdicts.by_fingerprint:
        judged = Counter(verdicts.get(v) for v in result["disappeared"])
        lines += ["", f"Disappeared among hand-judged findings: {judged['right']} judged right (lost true "
                      f"positives), {judged['wrong']} judged wrong (fixed false positives), {judged['unsure']} unsure."]
    moved = result.get("moved", [])
    if moved:
        lines += ["", f"## Moved to the other definition of the pair ({len(moved)})", ""]
        for old_v, new_v in moved[:limit]:
            tag = f" [judged {verdicts.get(old_v)}]" if verdicts.get(old_v) else ""
            lines.append(f"- {old_v['rule']} {old_v['path']}:{old_v['line']}{tag} -> {new_v['path']}:{new_v['line']} {new_v['message']}")
    for title, key in (("Appeared", "appeared"), ("Disappeared", "disappeared")):
        shown: Counter[str] = Counter()
        lines += ["", f"## {title} ({len(result[key])})", ""]
        for v in sorted(result[key], key=lambda v: (v["rule"], verdicts.get(v) is None, v["path"], v["line"])):
            shown[v["rule"]] += 1
            if shown[v["rule"]] <= limit:
                tag = f" [judged {verdicts.get(v)}]" if verdicts.get(v) else ""
                lines.append(f"- {v['rule']} {v['path']}:{v['line']}{tag} {v['message']}")
        lines += [f"- {rule}: {n - limit} more" for rule, n in sorted(shown.items()) if n > limit]
    return "\n".join(lines) + "\n"


# -- command line -------------------------------------------------------------------------


def _unique_name(folder: Path, taken: set[str]) -> str:
    name, n = folder.name, 2
    while name in taken:
        name, n = f"{folder.name}-{n}", n + 1
    taken.add(name)
    return name


def _write_worksheets(document: Mapping[str, Any], name: str, out: Path, per_rule: int, seed: int,
                      rules: Sequence[str]) -> None:
    """``OUT/worksheet-NAME-sSEED[-RULES].md`` and ``.json``: one file per draw, so a second
    sample (another seed, or more of some rules) never overwrites a filled one."""
    sheet = worksheet(document, per_rule, seed, rules)
    stem = "-".join(["worksheet", name, f"s{seed}", *rules])
    (out / f"{stem}.json").write_text(json.dumps(sheet, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (out / f"{stem}.md").write_text(worksheet_markdown(sheet, name), encoding="utf-8")
    print(f"{out / stem}.md: {len(sheet['entries'])} findings to review")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("corpora", nargs="*", type=Path, help="source folders to audit (a copy; not modified)")
    p.add_argument("--download", nargs="+", default=[], metavar="NAME", help="pip sdists to fetch and audit")
    p.add_argument("--stdlib", action="store_true", help="also audit a copy of this interpreter's stdlib")
    p.add_argument("--cache", type=Path, default=Path("realworld-cache"), help="sdists, unpacked sources, stdlib copy")
    p.add_argument("--out", type=Path, default=Path("realworld-out"), help="where results and worksheets go")
    p.add_argument("--ssotlint", default=f"{shlex.quote(sys.executable)} -m ssotlint",
                   help="command that runs ssotlint (default: this interpreter's)")
    p.add_argument("--jobs", type=int, default=0, help="ssotlint --jobs (default 0: all cores)")
    p.add_argument("--parser", choices=("libcst", "ast"), help="ssotlint --parser (default: the corpus's own setting)")
    p.add_argument("--reuse", action="store_true", help="use OUT/NAME.json when it exists instead of running again")
    p.add_argument("--sample", type=int, default=0, metavar="N", help="write worksheets with N findings per rule")
    p.add_argument("--seed", type=int, default=0, metavar="S", help="random seed for --sample")
    p.add_argument("--rules", default="", metavar="CODES", help="--sample only these rules (comma-separated)")
    p.add_argument("--tally", nargs="+", type=Path, default=[], metavar="WORKSHEET",
                   help="precision per rule from filled worksheet .json files")
    p.add_argument("--compare", nargs=2, type=Path, metavar=("OLD", "NEW"), help="compare two result files")
    p.add_argument("--limit", type=int, default=30, help="--compare: findings listed per rule and direction")
    p.add_argument("--verdicts", nargs="+", type=Path, default=[], metavar="WORKSHEET",
                   help="--compare: filled worksheets whose verdicts tag the listed findings")
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.compare:
        result = compare(load_run(args.compare[0]), load_run(args.compare[1]))
        print(compare_markdown(result, args.limit, load_verdicts(args.verdicts)), end="")
        return 0
    if args.tally:
        for path in args.tally:
            print(f"## {path}\n\n{tally_markdown(tally(json.loads(path.read_text(encoding='utf-8'))['entries']))}")
        return 0
    folders = list(args.corpora)
    if args.download:
        folders += download(args.download, args.cache)
    if args.stdlib:
        folders.append(copy_stdlib(args.cache))
    if not folders:
        raise SystemExit("nothing to do: give corpus folders, --download, --stdlib, --tally or --compare")
    args.out.mkdir(parents=True, exist_ok=True)
    runs: dict[str, dict[str, Any]] = {}
    taken: set[str] = set()
    for folder in folders:
        name = _unique_name(folder, taken)
        result = args.out / f"{name}.json"
        if args.reuse and result.exists():
            runs[name] = load_run(result)
        else:
            print(f"ssotlint check {folder} ...", file=sys.stderr, flush=True)
            runs[name] = run_ssotlint(folder, result, shlex.split(args.ssotlint), args.jobs, args.parser)
        if args.sample:
            rules = [r.strip().upper() for r in args.rules.split(",") if r.strip()]
            _write_worksheets(runs[name], name, args.out, args.sample, args.seed, rules)
    table = counts_table(runs)
    (args.out / "counts.md").write_text(table, encoding="utf-8")
    print(table, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
