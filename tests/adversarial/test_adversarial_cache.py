"""A damaged, foreign or contended cache never changes the results: at most a warning, and
the cache is rebuilt."""

from __future__ import annotations

import json
import os
import pickle
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from ssotlint.cache import _RESULTS_KEPT, SCHEMA

FILES = {
    "app/__init__.py": "",
    "app/a.py": "from app.b import Missing\n",
    "app/b.py": "from app import c\nX = 1\n",
    "app/c.py": "from app.b import X\n",
}


@pytest.fixture
def repo(make_repo):
    root = make_repo(FILES)
    old = 1_500_000_000_000_000_000  # files older than the racy window, so their stats are cached
    for path in (root / "app").iterdir():
        os.utime(path, ns=(old, old))
    return root


def db_path(root: Path) -> Path:
    return root / ".ssotlint_cache" / "cache.db"


def run(cli, root: Path, *extra: str):
    result = cli("check", str(root), "--format", "json", "--jobs", "1", "--profile", *extra)
    assert result.code == 1, result.err
    assert "Traceback" not in result.err
    return result


def violations(result) -> list:
    return result.json()["violations"]


def cache_warnings(result) -> list[str]:
    lines = [l for l in result.err.splitlines() if not l.startswith("ssotlint: profile: ")]
    assert all(l.startswith("ssotlint: warning: ") for l in lines), result.err
    return lines


@pytest.fixture
def expected(repo, cli):
    return violations(run(cli, repo, "--no-cache"))


def parsed_cached(result) -> str:
    return result.err.rsplit("(", 1)[1].rstrip(")\n")


@pytest.mark.parametrize("damage", ["garbage", "truncated-half", "truncated-header", "empty"])
def test_corrupt_cache_is_rebuilt(repo, cli, expected, damage):
    run(cli, repo)
    path = db_path(repo)
    size = path.stat().st_size
    if damage == "garbage":
        path.write_bytes(os.urandom(size))
    elif damage == "truncated-half":
        os.truncate(path, size // 2)
    elif damage == "truncated-header":
        os.truncate(path, 50)
    else:
        os.truncate(path, 0)
    for name in ("cache.db-wal", "cache.db-shm"):
        (path.parent / name).unlink(missing_ok=True)
    damaged = run(cli, repo)
    assert violations(damaged) == expected
    found = cache_warnings(damaged)
    assert len(found) <= 1
    if damage != "empty":  # an empty file is a valid, empty database to SQLite
        assert found and "rebuilding it" in found[0], damaged.err
    again = run(cli, repo)
    assert violations(again) == expected
    assert cache_warnings(again) == []
    assert parsed_cached(again) == "0 parsed, 4 cached"


def test_cache_of_another_version_is_replaced_silently(repo, cli, expected):
    run(cli, repo)
    with sqlite3.connect(db_path(repo)) as db:
        db.execute("UPDATE meta SET value = '1:0.0.1:0123456789ab' WHERE key = 'schema'")
        # What an older release might have left: same table names, other columns.
        db.execute("DROP TABLE summaries")
        db.execute("CREATE TABLE summaries (blob TEXT PRIMARY KEY, data BLOB NOT NULL, extra INTEGER)")
    result = run(cli, repo)
    assert violations(result) == expected
    assert cache_warnings(result) == []
    assert parsed_cached(result) == "4 parsed, 0 cached"
    with sqlite3.connect(db_path(repo)) as db:
        assert db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone() == (SCHEMA,)
    assert parsed_cached(run(cli, repo)) == "0 parsed, 4 cached"


def test_damaged_rows_are_misses(repo, cli, expected):
    run(cli, repo)
    with sqlite3.connect(db_path(repo)) as db:
        db.execute("DELETE FROM results")  # so the run below needs the summaries
        blobs = [row[0] for row in db.execute("SELECT blob FROM summaries ORDER BY blob")]
        assert len(blobs) == 4
        db.execute("UPDATE summaries SET data = ? WHERE blob = ?", (b"\xffnot marshal data", blobs[0]))
        db.execute("UPDATE summaries SET data = ? WHERE blob = ?", (pickle.dumps({"a": 1}), blobs[1]))
        db.execute("DELETE FROM summaries WHERE blob = ?", (blobs[2],))  # the stat row now points nowhere
    result = run(cli, repo)
    assert violations(result) == expected
    assert cache_warnings(result) == []
    assert parsed_cached(result) == "3 parsed, 1 cached"
    assert parsed_cached(run(cli, repo)) == "0 parsed, 4 cached"


def test_a_damaged_result_is_recomputed(repo, cli, expected):
    run(cli, repo)
    with sqlite3.connect(db_path(repo)) as db:
        assert db.execute("SELECT count(*) FROM results").fetchone() == (1,)
        db.execute("UPDATE results SET data = ?", (b"\x80\x05not a pickle",))
    result = run(cli, repo)
    assert violations(result) == expected
    assert cache_warnings(result) == []
    assert "model" in result.err  # the model was built again, from cached summaries
    assert parsed_cached(result) == "0 parsed, 4 cached"
    hit = run(cli, repo)
    assert violations(hit) == expected
    assert "model" not in hit.err and "rules" not in hit.err  # the outcome came from the cache


def test_results_follow_content_and_configuration(repo, cli, expected):
    assert violations(run(cli, repo)) == expected
    (repo / "app" / "a.py").write_text("from app.b import X\n")  # the broken import mended
    mended = violations(run(cli, repo))
    assert [v["rule"] for v in mended] == [v["rule"] for v in expected if v["rule"] != "SSOT003"]
    (repo / "pyproject.toml").write_text("[tool.ssotlint]\nignore = ['SSOT002']\n")
    result = cli("check", str(repo), "--format", "json", "--jobs", "1")
    assert result.code == 0 and violations(result) == []
    (repo / "pyproject.toml").write_text("")
    assert violations(run(cli, repo)) == mended  # back to an earlier tree: its outcome again
    for i in range(_RESULTS_KEPT + 2):  # many trees: only the most recent outcomes are kept
        (repo / "app" / "extra.py").write_text(f"X = {i}\n")
        run(cli, repo)
    with sqlite3.connect(db_path(repo)) as db:
        assert db.execute("SELECT count(*) FROM results").fetchone()[0] == _RESULTS_KEPT


def test_unusable_cache_locations_only_warn(repo, cli, expected, monkeypatch, tmp_path):
    (repo / ".ssotlint_cache").write_text("a file where the cache folder should be\n")
    result = run(cli, repo)
    assert violations(result) == expected
    assert cache_warnings(result) == [f"ssotlint: warning: cache disabled: cannot create {repo / '.ssotlint_cache'}: File exists"]

    folder = tmp_path / "cache"
    (folder / "cache.db").mkdir(parents=True)  # a folder where the database should be
    result = run(cli, repo, "--cache-dir", str(folder))
    assert violations(result) == expected
    assert cache_warnings(result)[-1] == "ssotlint: warning: cache disabled: unable to open database file"

    monkeypatch.setenv("SSOTLINT_CACHE_DIR", "/dev/null/cache")
    result = run(cli, repo)
    assert violations(result) == expected
    assert cache_warnings(result) == ["ssotlint: warning: cache disabled: cannot create /dev/null/cache: Not a directory"]


def test_concurrent_runs_share_one_cache(make_repo, cli):
    files = {"app/__init__.py": ""}
    for i in range(150):
        files[f"app/m{i}.py"] = f"import os\nV{i} = {i}\n" + ("from app.m1 import Nope\n" if i % 30 == 0 else "")
    root = make_repo(files)
    expected = violations(run(cli, root, "--no-cache"))
    assert len(expected) == 5
    for round_ in range(2):
        if round_ == 0:  # start from a corrupt cache: every process may try to rebuild it
            db_path(root).parent.mkdir(exist_ok=True)
            db_path(root).write_bytes(os.urandom(4096))
        procs = [
            subprocess.Popen(
                [sys.executable, "-m", "ssotlint", "check", str(root), "--format", "json", "--jobs", "1"],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            )
            for _ in range(3)
        ]
        for proc in procs:
            out, err = proc.communicate(timeout=120)
            assert proc.returncode == 1, err
            assert json.loads(out)["violations"] == expected
            assert all(line.startswith("ssotlint: warning: ") for line in err.splitlines()), err
    final = run(cli, root)
    assert violations(final) == expected and cache_warnings(final) == []
    assert parsed_cached(final) == "0 parsed, 151 cached"
