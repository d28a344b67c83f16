"""``ssotlint score --history``: the score at each first-parent commit, from git objects alone."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from ssotlint.history import sparkline
from tests.conftest import git, run_process, write_files
from tests.adversarial.test_adversarial_readonly import snapshot

# One commit per step: (message, files to write, paths to delete).
STEPS: list[tuple[str, dict[str, str], tuple[str, ...]]] = [
    ("start", {
        "pyproject.toml": "[tool.ssotlint]\n",
        "app/__init__.py": "",
        "app/a.py": "X = 1\n",
        "app/b.py": "from app.a import X\n",
        "tests/test_a.py": "import unittest\n\nclass TestA(unittest.TestCase):\n    pass\n",
    }, ()),
    ("a cycle", {"app/a.py": "from app import b\nX = 1\n"}, ()),
    ("a broken import", {"app/c.py": "from app.gone import Y\n"}, ()),
    ("docs only", {"README.md": "hello\n"}, ()),
    ("fix the cycle", {"app/a.py": "X = 1\n"}, ()),
    ("a stub", {"app/ext.pyi": "Y: int\n", "app/e.py": "from app.ext import Y\n"}, ()),
    ("drop the stub", {}, ("app/ext.pyi", "app/e.py")),
    ("a syntax error", {"app/d.py": "def f(:\n"}, ()),
]


def _commit_steps(root: Path, steps=STEPS) -> list[str]:
    shas = []
    for message, files, deleted in steps:
        write_files(root, files)
        for path in deleted:
            (root / path).unlink()
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", message)
        shas.append(git(root, "rev-parse", "HEAD").strip())
    return shas


@pytest.fixture
def history_repo(tmp_path: Path) -> tuple[Path, list[str]]:
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    return root, _commit_steps(root)


def _history(cli, root: Path, *extra: str) -> dict:
    result = cli("score", "--history", str(root), "--format", "json", *extra)
    assert result.code == 0, result.err
    return result.json()


def test_series_equals_score_at_each_commit(cli, history_repo, tmp_path):
    root, shas = history_repo
    document = _history(cli, root)
    assert [c["sha"] for c in document["commits"]] == shas  # oldest first
    oracle = tmp_path / "oracle"
    git(tmp_path, "clone", "-q", str(root), str(oracle))
    previous = None
    for entry in document["commits"]:
        git(oracle, "checkout", "-q", entry["sha"])
        expected = cli("score", str(oracle), "--format", "json", "--no-cache").json()
        for kind in ("production", "tests", "overall", "by_rule"):
            assert entry[kind] == expected[kind], (entry["subject"], kind)
        current = expected["overall"]["score"]
        assert entry["delta"] == (None if previous is None else round(current - previous, 1))
        previous = current
    assert [c["by_rule"].get("SSOT002", 0) for c in document["commits"]] == [0, 1, 1, 1, 0, 0, 0, 0]
    assert document["commits"][-1]["files_not_analysed"] == 1
    assert document["summary"] == {
        "commits": 8, "analysed": 8, "gaps": 0,
        "first": document["commits"][0]["overall"]["score"],
        "last": document["commits"][-1]["overall"]["score"],
        "change": round(document["commits"][-1]["overall"]["score"] - document["commits"][0]["overall"]["score"], 1),
    }


# A history that adds, removes, renames and breaks files, so that each commit's model is
# built from the previous one with something to invalidate: a cycle and a broken import
# through a file the commit does not touch, a third-party name becoming first-party, a
# module shadowed by a package, a test helper imported by production and released again.
CHURN: list[tuple[str, dict[str, str], tuple[str, ...]]] = [
    ("start", {
        "pyproject.toml": "[tool.ssotlint]\n",
        "app/__init__.py": "",
        "app/a.py": "class Manager:\n    pass\n\n\nX = 1\n",
        "app/b.py": "from app.a import X\nfrom lib.m import thing\n",
        "app/c.py": "from app.d import D\n",
        "app/s.py": "from app.a import *\n",
        "app/t.py": "from app.s import Manager\n",
        "tests/__init__.py": "",
        "tests/helpers.py": "def make():\n    return 1\n",
        "tests/test_a.py": "import unittest\n\nclass TestA(unittest.TestCase):\n    pass\n",
    }, ()),
    ("add d: fixes c's import, closes a cycle through c", {"app/d.py": "from app.c import *\nD = 1\n"}, ()),
    ("same summary, other blob", {"app/d.py": "from app.c import *\nD = 1  # the same names\n"}, ()),
    ("rename d to e: c is broken again, no cycle", {"app/e.py": "from app.c import *\nD = 1\n"}, ("app/d.py",)),
    ("lib becomes first-party without thing", {"lib/__init__.py": "", "lib/m.py": "other = 1\n"}, ()),
    ("production imports a test helper", {"app/b.py": "from app.a import X\nfrom lib.m import other\nfrom tests.helpers import make\n"}, ()),
    ("drop lib; release the helper", {"app/b.py": "from app.a import X\nfrom lib.m import thing\n"}, ("lib/__init__.py", "lib/m.py")),
    ("a package shadows a module", {"app/c/__init__.py": "from app.e import D\n", "app/c/x.py": "Y = 2\n"}, ()),
    ("Manager leaves a: the star import no longer brings it", {"app/a.py": "X = 1\n"}, ()),
    ("a syntax error", {"app/e.py": "def f(:\n"}, ()),
    ("fixed, the package removed", {"app/e.py": "from app.c import D\nD = 1\n", "app/a.py": "class Manager:\n    pass\n\n\nX = 1\n"}, ("app/c/__init__.py", "app/c/x.py")),
    ("remove a module b imports", {}, ("app/a.py",)),
    ("u imports a submodule w that does not exist yet", {"app/u.py": "from app import w\n"}, ()),
    ("add w: a cycle through the untouched u (u first fails)", {"app/w.py": "from app import u\n\nPEER = u.w\n"}, ()),
    ("a test imports the helper: test code, no longer test data",
     {"tests/test_a.py": "import unittest\nfrom tests.helpers import make\n\nclass TestA(unittest.TestCase):\n    pass\n"}, ()),
]


def _oracle_scores(cli, root: Path, shas: list[str], tmp_path: Path) -> list[dict]:
    """``score`` of a fresh checkout of each commit (no cache): what history must equal."""
    oracle = tmp_path / "oracle"
    git(tmp_path, "clone", "-q", str(root), str(oracle))
    scores = []
    for sha in shas:
        git(oracle, "checkout", "-q", sha)
        scores.append(cli("score", str(oracle), "--format", "json", "--no-cache").json())
    return scores


@pytest.mark.parametrize("engine", ["libcst", "ast"])
def test_series_equals_score_through_added_removed_renamed_and_broken_files(cli, tmp_path, engine):
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    shas = _commit_steps(root, CHURN)
    document = _history(cli, root, "--parser", engine)
    assert [c["sha"] for c in document["commits"]] == shas
    expected = _oracle_scores(cli, root, shas, tmp_path)
    for entry, score in zip(document["commits"], expected):
        for kind in ("production", "tests", "overall", "by_rule"):
            assert entry[kind] == score[kind], (entry["subject"], kind)
    by_rule = [c["by_rule"] for c in document["commits"]]
    # The history exercises what it says: the cycle through the untouched app/c.py comes
    # and goes, as do the broken imports of untouched files (app/c.py's runs no import
    # while the package app/c/ hides it).
    assert [r.get("SSOT002", 0) for r in by_rule] == [0, 1, 1, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1]
    assert [r.get("SSOT003", 0) for r in by_rule] == [1, 0, 0, 1, 2, 1, 1, 0, 1, 1, 1, 3, 4, 3, 3]
    # The helper is test data (not scored) while nothing imports it, production while
    # app/b.py imports it, and test code once a test does.
    assert [c["tests"]["files"] for c in document["commits"]] == [2] * 14 + [3]
    production = [c["production"]["files"] for c in document["commits"]]
    assert production[5] - production[4] == 1 and production[6] == production[4] - 2


def _record_builders(monkeypatch, path: Path) -> Path:
    """``path``, to which every model the history builds appends the id of the process
    that builds it (runs walk in processes of their own)."""
    from ssotlint import history

    original_build = history.build_outcome

    def build(*args, **named):
        with path.open("a") as out:
            out.write(f"{os.getpid()}\n")
        return original_build(*args, **named)

    monkeypatch.setattr(history, "build_outcome", build)
    return path


def test_the_walk_spread_over_processes_gives_the_series_of_one_walk(cli, tmp_path, monkeypatch):
    """Runs of consecutive commits walked in processes of their own, each run's first model
    built from scratch, score every commit as one walk through them all does."""
    from ssotlint import history

    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    shas = _commit_steps(root, CHURN)
    one = _history(cli, root, "--no-cache", "--jobs", "1")["commits"]
    monkeypatch.setattr(history, "MIN_RUN", 4)
    builders = _record_builders(monkeypatch, tmp_path / "builders")
    spread = _history(cli, root, "--no-cache", "--jobs", "3")["commits"]
    assert [c["sha"] for c in spread] == shas
    assert spread == one
    processes = builders.read_text().split()
    assert len(set(processes)) == 3 and str(os.getpid()) not in processes
    assert len(processes) == len(shas) - 1  # "same summary, other blob" builds none in its run


def test_the_walk_takes_no_more_processes_than_the_memory_holds(cli, tmp_path, monkeypatch):
    """Each forked walk may come to hold what the parent holds: when the available memory
    holds one, the walk stays in the parent, and scores the same."""
    from ssotlint import history

    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    _commit_steps(root, CHURN)
    one = _history(cli, root, "--no-cache", "--jobs", "1")["commits"]
    monkeypatch.setattr(history, "MIN_RUN", 4)
    monkeypatch.setattr(history, "_affordable_runs", lambda: 1)
    builders = _record_builders(monkeypatch, tmp_path / "builders")
    assert _history(cli, root, "--no-cache", "--jobs", "3")["commits"] == one
    assert set(builders.read_text().split()) == {str(os.getpid())}


def test_the_memory_a_walk_may_take_is_read_from_the_system():
    from ssotlint.history import _affordable_runs

    found = _affordable_runs()
    assert found is None or found >= 1


def _count_builds(monkeypatch) -> list[int]:
    """The number of files of each model the history builds, in order."""
    from ssotlint import history

    built: list[int] = []
    original_build = history.build_outcome

    def build(config, roots, entries, *rest, **named):
        built.append(len(entries))
        return original_build(config, roots, entries, *rest, **named)

    monkeypatch.setattr(history, "build_outcome", build)
    return built


def test_a_commit_its_summaries_do_not_see_builds_no_model(cli, tmp_path, monkeypatch):
    """A changed comment (same summary, another blob) scores as the commit before it."""
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    _commit_steps(root, CHURN[:4])
    built = _count_builds(monkeypatch)
    commits = _history(cli, root, "--no-cache")["commits"]
    assert built == [9, 10, 10]  # "same summary, other blob" built none
    assert commits[2]["overall"] == commits[1]["overall"] and commits[2]["by_rule"] == {"SSOT002": 1}


def test_a_model_built_from_the_previous_one_equals_a_fresh_one(tmp_path):
    """Every violation (message, line, fingerprint) and every file's test status, not only
    the counts: Project.build(previous=...) through the whole history equals a fresh build."""
    from ssotlint.config import load_config
    from ssotlint.discover.modules import source_roots
    from ssotlint.model.project import Project
    from ssotlint.pipeline import Options, analyse_worktree
    from ssotlint.rules.runner import run_rules

    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    previous = config = None
    for step in CHURN:
        _commit_steps(root, [step])
        config = config or load_config(root)  # one configuration, as a history judges
        fresh = analyse_worktree(root, config, Options(use_cache=False, jobs=1), need_model=True)
        entries = [(f.path, f.summary) for f in fresh.project.files]
        roots = source_roots(root, config.src)
        model = Project.build(config, roots, entries, fresh.opaque, previous=previous)
        rebuilt = Project.build(config, roots, entries, fresh.opaque)
        assert [(f.path, f.module, f.is_test) for f in model.files] == [(f.path, f.module, f.is_test) for f in rebuilt.files], step[0]
        assert model.import_edges == rebuilt.import_edges, step[0]
        assert run_rules(model) == run_rules(rebuilt) == fresh.violations, step[0]
        previous = model


def test_listings_from_one_log_equal_one_ls_tree_per_commit(tmp_path):
    """The commits' files come from the oldest commit's tree plus each commit's changes:
    the same as listing each commit, for files added, removed, renamed, made executable,
    turned into a link, excluded, or outside the analysed folder."""
    from ssotlint.config import load_config
    from ssotlint.gitrev import open_repo
    from ssotlint.history import RangeSpec, first_parent_commits, list_tree, list_trees

    top = tmp_path / "repo"
    root = top / "svc"
    root.mkdir(parents=True)
    git(top, "init", "-q", "-b", "main")
    write_files(top, {"other/x.py": "X = 1\n"})
    _commit_steps(root, [(message, files, deleted) for message, files, deleted in CHURN])
    write_files(root, {"pyproject.toml": "[tool.ssotlint]\nexclude = ['build/']\n", "build/gen.py": "G = 1\n", "app/ext.pyi": "Y: int\n"})
    _commit_steps(root, [("excluded and stub", {}, ())])
    (root / "app/run.py").write_text("R = 1\n")
    os.chmod(root / "app/run.py", 0o755)
    _commit_steps(root, [("executable", {}, ())])
    (root / "app/ext.pyi").unlink()
    os.symlink("w.py", root / "app/link.py")
    _commit_steps(root, [("a link, the stub gone", {"other/y.py": "Y = 2\n"}, ("app/run.py",))])
    os.unlink(root / "app/link.py")
    _commit_steps(root, [("the link becomes a file", {"app/link.py": "L = 1\n"}, ())])
    git(top, "checkout", "-q", "-b", "side", "HEAD~1")
    _commit_steps(root, [("side", {"app/side.py": "S = 1\n"}, ())])
    git(top, "checkout", "-q", "main")
    git(top, "merge", "-q", "--no-ff", "-m", "merge side", "side")  # its change: app/side.py
    config = load_config(root)
    repo = open_repo(root)
    commits = first_parent_commits(repo, RangeSpec(None, "HEAD", 100))
    assert len(commits) == len(CHURN) + 5
    batched = list_trees(repo, commits, root, config)
    assert batched is not None
    for commit in commits:
        single = list_tree(repo, commit.sha, root, config)
        assert batched[commit.sha].blobs == single.blobs, commit.subject
        assert batched[commit.sha].opaque == sorted(single.opaque), commit.subject
    stub, executable, link, last, merge = (batched[c.sha] for c in commits[-5:])
    assert "app/side.py" in merge.blobs and "app/side.py" not in last.blobs
    assert stub.opaque == ["app/ext.pyi"] and "build/gen.py" not in stub.blobs
    assert "app/run.py" in executable.blobs and "other/x.py" not in executable.blobs
    assert link.opaque == [] and "app/link.py" not in link.blobs and "app/run.py" not in link.blobs
    assert "app/link.py" in last.blobs


def test_a_project_targeting_a_newer_python_is_parsed_for_its_target(cli, tmp_path):
    """As `check` does: newer syntax is analysed (its broken import found), not SSOT000."""
    import sys

    newer = f"3.{sys.version_info[1] + 1}"
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    _commit_steps(root, [("newer syntax", {
        "pyproject.toml": f'[project]\nname = "demo"\nrequires-python = ">={newer}"\n[tool.ssotlint]\n',
        "app/__init__.py": "",
        "app/new.py": "import os\ntype Alias = int\nclass Box[T]:\n    pass\nfrom app.missing import X\n",
        "app/bad.py": "x = 1\n1syntax_error\n",
    }, ())])
    expected = cli("score", str(root), "--format", "json", "--no-cache").json()
    for extra in (["--no-cache"], [], []):  # without a cache, cold, warm
        result = cli("score", "--history", str(root), "--format", "json", *extra)
        entry = result.json()["commits"][0]
        assert entry["by_rule"] == expected["by_rule"] == {"SSOT000": 1, "SSOT003": 1}
        assert entry["overall"] == expected["overall"]
        assert f"the project targets Python {newer}" in result.err


def test_warm_run_gives_the_same_series(cli, history_repo):
    root, _ = history_repo
    cold = _history(cli, root)
    warm = _history(cli, root)
    uncached = _history(cli, root, "--no-cache")
    assert cold == warm == uncached


def test_a_later_process_reads_the_cache_whatever_its_hash_seed(tmp_path):
    """The cache keys hold the configuration's digest, which must not depend on the order
    Python happens to give a set: with declared dependencies (a frozenset), every process
    computed another key, and a warm `check` or history redid the model and rules."""
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    write_files(root, {"requirements.txt": "requests\nflask\ndjango\nnumpy\nrich\nattrs\n"})
    _commit_steps(root, STEPS[:3])
    cache = ["--cache-dir", str(tmp_path / "cache"), "--profile"]
    for command in (["check", str(root)], ["score", "--history", str(root)]):
        first = run_process(*command, *cache, env={"PYTHONHASHSEED": "1"})
        again = run_process(*command, *cache, env={"PYTHONHASHSEED": "2"})
        assert "rules" in first.err.split("profile:")[1], first.err
        assert "rules" not in again.err.split("profile:")[1], (command, again.err)
        assert again.out == first.out


def test_only_contents_the_cache_lacks_are_parsed(cli, history_repo, monkeypatch):
    """After a check of the working tree, history parses only the older contents, each once."""
    from ssotlint.extract import pool

    root, shas = history_repo
    assert cli("check", str(root)).code == 1
    started: list[int] = []
    original = pool.ExtractionPool.start

    def start(self, datas, *args, **kwargs):
        started.append(len(datas))
        return original(self, datas, *args, **kwargs)

    monkeypatch.setattr(pool.ExtractionPool, "start", start)
    _history(cli, root)
    # HEAD lacks app/a.py of "a cycle" ("fix the cycle" restored it) and app/e.py.
    assert started == [2]
    # "docs only" changed no Python file, "drop the stub" restored the tree of "fix the cycle":
    # their models are not built again.
    built = _count_builds(monkeypatch)
    assert len(_history(cli, root, "--no-cache")["commits"]) == len(STEPS)
    assert len(built) == len(STEPS) - 2
    started.clear()
    _history(cli, root)
    assert started == []


def test_range_options(cli, history_repo):
    root, shas = history_repo
    assert [c["sha"] for c in _history(cli, root, "--since", shas[2])["commits"]] == shas[3:]
    assert [c["sha"] for c in _history(cli, root, "--max-commits", "2")["commits"]] == shas[-2:]
    assert [c["sha"] for c in _history(cli, root, "--until", shas[3], "--max-commits", "2")["commits"]] == shas[2:4]
    assert [c["sha"] for c in _history(cli, root, "--since", "2000-01-01T00:00Z")["commits"]] == shas
    assert _history(cli, root, "--since", "2999-01-01T00:00Z")["commits"] == []


def test_default_is_the_last_30_first_parent_commits(cli, tmp_path):
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    write_files(root, {"pyproject.toml": "[tool.ssotlint]\n", "app/__init__.py": ""})
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "c0")
    for i in range(1, 33):
        (root / "app/m.py").write_text(f"X = {i}\n")
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", f"c{i}")
    git(root, "checkout", "-q", "-b", "side", "HEAD~1")
    (root / "app/side.py").write_text("import app.nowhere\n")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "side")
    git(root, "checkout", "-q", "main")
    git(root, "merge", "-q", "--no-ff", "-m", "merge side", "side")
    subjects = [c["subject"] for c in _history(cli, root)["commits"]]
    assert len(subjects) == 30
    assert subjects[-1] == "merge side" and "side" not in subjects  # first parents only
    assert subjects[0] == "c4"


def test_gaps_are_shown_not_errors(cli, tmp_path):
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    shas = _commit_steps(root, [
        ("python", {"pyproject.toml": "[tool.ssotlint]\n", "app/__init__.py": "", "app/a.py": "X = 1\n"}, ()),
        ("no python", {"README.md": "x\n"}, ("app/__init__.py", "app/a.py")),
        ("lost blob", {"app/__init__.py": "", "app/b.py": "LOST = 'only in this commit'\n"}, ()),
        ("back", {"app/b.py": "X = 2\n"}, ()),
    ])
    lost = git(root, "rev-parse", f"{shas[2]}:app/b.py").strip()
    os.remove(root / ".git/objects" / lost[:2] / lost[2:])  # an object missing from the database
    document = _history(cli, root)
    gaps = {c["subject"]: c.get("gap") for c in document["commits"] if not c["analysed"]}
    assert gaps == {"no python": "no Python files", "lost blob": "1 file not readable from git (e.g. app/b.py)"}
    assert document["summary"]["gaps"] == 2
    assert document["commits"][3]["delta"] == 0.0  # compared with the last analysed commit
    text = cli("score", "--history", str(root))
    assert text.code == 0
    assert f"gap: {shas[1][:10]} not analysed (no Python files)" in text.out
    assert "4 commits (up to the last 30 commits of HEAD), 2 gaps; overall 100.0% -> 100.0% (+0.0)." in text.out


def test_text_table_and_terminal_sparkline(cli, history_repo, monkeypatch):
    root, shas = history_repo
    result = cli("score", "--history", str(root))
    lines = result.out.splitlines()
    assert lines[0].split() == ["commit", "date", "production", "tests", "overall", "change", "SSOT000", "SSOT002", "SSOT003", "subject"]
    row = lines[2].split()
    assert row[0] == shas[1][:10] and row[-2:] == ["a", "cycle"]
    assert row[3:10] == ["66.7%", "100.0%", "75.0%", "-25.0", "0", "1", "0"]
    assert "lowest" not in result.out  # no sparkline in a pipe
    monkeypatch.setenv("FORCE_COLOR", "1")
    result = cli("score", "--history", str(root))
    assert result.out.splitlines()[-1].endswith("(lowest .. highest)")
    assert sparkline([50.0, None, 100.0, 75.0]) == "▁ █▅"
    assert sparkline([90.0, 90.0]) == "▅▅"


def test_history_errors(cli, history_repo, tmp_path):
    root, _ = history_repo
    for extra, message in [
        (["--since", "no-such-thing"], "--since: 'no-such-thing' is neither a commit nor an ISO-8601 time"),
        (["--until", "nope"], "--until: 'nope' is not a commit"),
        (["--max-commits", "0"], "--max-commits must be 1 or more"),
        (["--min-score", "90"], "do not apply to --history"),
    ]:
        result = cli("score", "--history", str(root), *extra)
        assert result.code == 2 and message in result.err, (extra, result.err)
    result = cli("score", str(root), "--since", "HEAD~1")
    assert result.code == 2 and "go with --history" in result.err
    plain = tmp_path / "plain"
    write_files(plain, {"pyproject.toml": "[tool.ssotlint]\n", "a.py": "X = 1\n"})
    result = cli("score", "--history", str(plain))
    assert result.code == 2 and "not in a git repository" in result.err


def test_history_is_read_only(history_repo):
    root, _ = history_repo
    (root / "app/a.py").write_text("X = 99\n")  # unstaged
    (root / "app/new.py").write_text("Y = 1\n")  # untracked
    git(root, "stash", "-q", "-u")
    (root / "app/b.py").write_text("Z = 1\n")
    git(root, "add", "app/b.py")  # staged
    before = snapshot(root)
    result = run_process("score", "--history", str(root), "--format", "json", cwd=root)
    after = snapshot(root)
    assert result.code == 0, result.err
    assert len(json.loads(result.out)["commits"]) == len(STEPS)
    for key in before:
        if key != "git_dir":
            assert after[key] == before[key], key
    assert {k: v for k, v in after["git_dir"].items()} == before["git_dir"]


def test_a_commit_the_configuration_does_not_fit_is_a_gap(cli, tmp_path):
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    config = '[tool.ssotlint.concepts.manager]\npattern = ".*Manager$"\ncanonical = "app.core.Manager"\n'
    _commit_steps(root, [
        ("before core", {"pyproject.toml": config, "app/__init__.py": "", "app/a.py": "X = 1\n"}, ()),
        ("core", {"app/core.py": "class Manager:\n    pass\n"}, ()),
    ])
    first, second = _history(cli, root)["commits"]
    assert first["gap"].startswith("the configuration does not apply: ")
    assert "'app.core.Manager' does not exist (no such module)" in first["gap"]
    assert second["analysed"] and second["overall"]["score"] == 100.0


def test_control_characters_in_subjects_reach_no_terminal(cli, history_repo, tmp_path):
    root, _ = history_repo
    (root / "app/z.py").write_text("Z = 1\n")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "\x1b]0;owned\x07\x1b[2Jcleared")
    result = cli("score", "--history", str(root))
    assert "\x1b" not in result.out and "\x07" not in result.out
    assert "\ufffd]0;owned\ufffd\ufffd[2Jcleared" in result.out
    assert cli("score", "--history", str(root), "--format", "json").json()["commits"][-1]["subject"].startswith("\x1b]0;")
    out = tmp_path / "r.html"
    assert cli("report", str(root), "-o", str(out)).code == 0
    page = out.read_text(encoding="utf-8")
    assert "\x1b" not in page and "\x07" not in page and "\ufffd[2Jcleared" in page


def test_shallow_clone_and_empty_repository(cli, history_repo, tmp_path):
    root, shas = history_repo
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "3", root.as_uri(), str(shallow))
    document = _history(cli, shallow)
    assert [c["sha"] for c in document["commits"]] == shas[-3:]  # the walk ends at the boundary
    assert document["summary"]["gaps"] == 0
    empty = tmp_path / "empty"
    empty.mkdir()
    git(empty, "init", "-q")
    (empty / "a.py").write_text("X = 1\n")
    result = cli("score", "--history", str(empty))
    assert result.code == 2 and "the repository has no commits yet" in result.err
    out = tmp_path / "r.html"
    assert cli("report", str(empty), "-o", str(out)).code == 0
    assert "The repository has no commits yet." in out.read_text()


# SSOT002 reports only cycles that can fail (rules/SSOT002.md): whether one can may change
# with a module outside the cycle as written (a package ``__init__`` run from outside), or
# with the order of the package's own statements.
CAN_FAIL = [
    ("a package whose module takes back a name bound above: cannot fail", {
        "pyproject.toml": "[tool.ssotlint]\n",
        "o/__init__.py": "from .plugins import P\n",
        "o/spec.py": "class S: ...\n",
        "o/plugins.py": "class P: ...\n",
        "h/__init__.py": "from .base import Base\nfrom .ws import W\nfrom .late import Late\n",
        "h/base.py": "from o.spec import S\n\n\nclass Base: ...\n",
        "h/late.py": "class Late: ...\n",
        "h/ws.py": "from h import Base\n\n\nclass W(Base): ...\n",
    }, ()),
    # A module outside the cycle decides whether it can fail: once o's plugins import
    # h.ws, h/__init__.py's first line (h.base, which runs o/__init__.py) leads to h.ws,
    # which takes Base from h before that line has bound it.
    ("o's plugins, run by h/base.py through o/__init__.py, import h.ws: fails",
     {"o/plugins.py": "from h.ws import W\n\n\nclass P(W): ...\n"}, ()),
    ("the plugins no longer import it", {"o/plugins.py": "class P: ...\n"}, ()),
    ("ws imported above Base: fails", {"h/__init__.py": "from .ws import W\nfrom .base import Base\nfrom .late import Late\n"}, ()),
    ("ws reads h only in a method: cannot fail",
     {"h/ws.py": "import h\n\n\nclass W:\n    def base(self):\n        return h.Base\n"}, ()),
]


def _rule_series(cli, tmp_path, steps, rule: str) -> list[int]:
    """A history of ``steps``, checked commit by commit against ``score`` of a fresh
    checkout; the rule's count at each commit."""
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    shas = _commit_steps(root, steps)
    document = _history(cli, root)
    expected = _oracle_scores(cli, root, shas, tmp_path)
    for entry, score in zip(document["commits"], expected):
        assert entry["by_rule"] == score["by_rule"], entry["subject"]
    return [c["by_rule"].get(rule, 0) for c in document["commits"]]


def test_series_equals_score_as_cycles_start_and_stop_being_able_to_fail(cli, tmp_path):
    assert _rule_series(cli, tmp_path, CAN_FAIL, "SSOT002") == [0, 1, 0, 1, 0]


LOADED_ALONE = [
    ("two benchmark modules define one enum: duplicates", {
        "pyproject.toml": "[tool.ssotlint]\n",
        "bench/__init__.py": "",
        "bench/bench_fast.py": "import enum\n\n\nclass Mode(enum.Enum):\n    READ = 'r'\n    WRITE = 'w'\n",
        "bench/bench_slow.py": "import enum\n\n\nclass Mode(enum.Enum):\n    READ = 'r'\n    WRITE = 'w'\n",
    }, ()),
    ("a runner loads each by a computed name: alternatives",
     {"bench/runner.py": "import importlib\n\n\ndef run(lib):\n    return importlib.import_module(f'bench.bench_{lib}')\n"}, ()),
    ("the runner loads them by a literal name: duplicates again",
     {"bench/runner.py": "import importlib\n\n\ndef run(lib):\n    return importlib.import_module('bench.bench_fast')\n"}, ()),
]


def test_series_equals_score_as_a_runner_starts_and_stops_loading_modules_by_a_computed_name(cli, tmp_path):
    assert _rule_series(cli, tmp_path, LOADED_ALONE, "SSOT006") == [1, 0, 1]


def test_a_run_that_fails_in_its_process_is_reported_once_by_the_command(tmp_path):
    """A walk that raises in a run's process prints no traceback there: the parent walks
    the run again and the command reports the failure in one line (exit 2 with
    ssotlint's internal-error message), as any other."""
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    _commit_steps(root, CHURN)
    runner = tmp_path / "run.py"
    runner.write_text(
        "import sys\n"
        "from ssotlint import history\n"
        "from ssotlint.cli import main\n"
        "history.MIN_RUN = 4\n"
        "def broken(*args, **named):\n"
        "    raise RuntimeError('boom')\n"
        "history.build_outcome = broken\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, str(runner), "score", "--history", str(root), "--no-cache", "--jobs", "3"],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.stderr.count("boom") == 1, proc.stderr


CHOSEN_APART = [
    ("an `if` chooses one of two servers, each with its own error class: alternatives", {
        "pyproject.toml": "[tool.ssotlint]\n",
        "app/__init__.py": "",
        "app/servers/__init__.py": "",
        "app/servers/util.py": "X = 1\n",
        "app/servers/base.py": "class ServerError(Exception):\n    def code(self):\n        return 500\n\n\n"
        "class BaseServer:\n    pass\n",
        "app/servers/simple.py": "from app.servers import util\n\n\nclass ServerError(Exception):\n    def code(self):\n"
        "        return 500\n\n\nclass SimpleServer:\n    pass\n",
        "app/start.py": "import os\n\nif os.environ.get('SERVER') == 'simple':\n"
        "    from app.servers.simple import SimpleServer as Server\nelse:\n"
        "    from app.servers.base import BaseServer as Server\n",
    }, ()),
    ("a module the one imports imports the other: loaded together, a duplicate",
     {"app/servers/util.py": "from app.servers.base import BaseServer\n"}, ()),
    ("it imports nothing again: alternatives", {"app/servers/util.py": "X = 1\n"}, ()),
    ("their package imports both: loaded together", {"app/servers/__init__.py": "from . import base, simple\n"}, ()),
    ("the package imports neither again: alternatives", {"app/servers/__init__.py": ""}, ()),
]


def test_series_equals_score_as_two_alternatives_start_and_stop_being_loaded_together(cli, tmp_path):
    assert _rule_series(cli, tmp_path, CHOSEN_APART, "SSOT001") == [0, 1, 0, 1, 0]
