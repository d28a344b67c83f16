"""An untrusted repository, attacked as an attacker would: nothing it holds runs, nothing is
written outside it, and it cannot choose the verdict. Each case is a real git repository;
each asserts that a marker file is never created, that nothing appears outside the
repository, and that the verdict equals a run with ``--no-cache``."""

from __future__ import annotations

import os
import pickle
import shutil
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ssotlint.cache import Cache
from ssotlint.pipeline import Outcome
from ssotlint.trust import Key, installation_key

from tests.conftest import REPO_ROOT, git, run_process

FILES = {
    "app/__init__.py": "",
    "app/a.py": "from app.b import Missing\n",
    "app/b.py": "X = 1\n",
    "app/c.py": "import app.b\n",
}
ATTACKER_SECRET = "the attacker's own key, not ours"


@pytest.fixture(autouse=True)
def own_installation(tmp_path, monkeypatch):
    """This installation's key lives in a folder of the test's own."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    for name in ("SSOTLINT_CACHE_KEY", "SSOTLINT_CACHE_DIR"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def marker(tmp_path) -> Path:
    return tmp_path / "PWNED"


@pytest.fixture
def outside(tmp_path) -> Path:
    folder = tmp_path / "outside"
    folder.mkdir()
    return folder


class _Payload:
    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def payload(marker: Path) -> bytes:
    data = pickle.dumps(_Payload(marker))
    assert b"system" in data
    return data


def check_json(cli, root: Path, *extra: str):
    result = cli("check", str(root), "--format", "json", "--jobs", "1", *extra)
    assert "Traceback" not in result.err
    return result


def verdict(result) -> list:
    return [(v["rule"], v["path"], v["line"], v["message"]) for v in result.json()["violations"]]


def warnings_of(result) -> list[str]:
    return [line for line in result.err.splitlines() if line.startswith("ssotlint: warning: ")]


def attacker_cache(cli, root: Path, monkeypatch) -> Path:
    """A cache made by the attacker's own ssotlint (so every key in it is right)."""
    with monkeypatch.context() as attacker:
        attacker.setenv("SSOTLINT_CACHE_KEY", ATTACKER_SECRET)
        assert check_json(cli, root).code == 1
    return root / ".ssotlint_cache" / "cache.db"


def attacker_key(monkeypatch) -> Key:
    with monkeypatch.context() as attacker:
        attacker.setenv("SSOTLINT_CACHE_KEY", ATTACKER_SECRET)
        return installation_key()


def forge_clean_results(db_path: Path, key: Key) -> int:
    """Every stored outcome replaced by a well-formed "no violations", signed with ``key``."""
    cache = Cache.open(db_path.parent, [], key)
    assert cache.db is not None
    keys = [row[0] for row in cache.db.execute("SELECT key FROM results")]
    forged = 0
    for result_key in keys:
        outcome = cache.get_result(result_key, Outcome)
        if outcome is not None:
            cache.put_result(result_key, outcome._replace(violations=[]))
            forged += 1
    cache.close()
    return forged


def test_a_committed_pickle_payload_never_runs(make_repo, cli, marker, tmp_path, monkeypatch):
    root = make_repo(FILES, git_init=True)
    db_path = attacker_cache(cli, root, monkeypatch)
    with sqlite3.connect(db_path) as db:
        db.execute("UPDATE results SET data = ?", (payload(marker),))
        db.execute("UPDATE summaries SET data = ?", (payload(marker),))
    git(root, "add", "-f", ".ssotlint_cache")
    git(root, "commit", "-q", "-m", "a cache, committed")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(root), str(clone))
    before = {p.name: p.read_bytes() for p in (clone / ".ssotlint_cache").iterdir()}

    result = check_json(cli, clone)
    assert result.code == 1
    assert verdict(result) == verdict(check_json(cli, clone, "--no-cache"))
    assert not marker.exists()
    assert warnings_of(result) == [
        "ssotlint: warning: cache not used: git tracks files in .ssotlint_cache/ (it came with the "
        "repository); keep the cache outside the checkout with --cache-dir DIR or SSOTLINT_CACHE_DIR"
    ]
    assert {p.name: p.read_bytes() for p in (clone / ".ssotlint_cache").iterdir()} == before  # not written
    assert git(clone, "status", "--porcelain") == ""


def test_an_untracked_pickle_payload_is_never_loaded(make_repo, cli, marker, tmp_path, monkeypatch):
    """A cache that came in an archive (not tracked): its rows fail the digest, and even a
    row that passed would be read as JSON, never unpickled."""
    root = make_repo(FILES)
    db_path = attacker_cache(cli, root, monkeypatch)
    with sqlite3.connect(db_path) as db:
        db.execute("UPDATE results SET data = ?", (payload(marker),))
        db.execute("UPDATE summaries SET data = ?", (payload(marker),))
    expected = verdict(check_json(cli, root, "--no-cache"))
    for _ in range(2):
        result = check_json(cli, root)
        assert result.code == 1 and verdict(result) == expected
        assert warnings_of(result) == []
    assert not marker.exists()


@pytest.mark.parametrize("tracked", [True, False], ids=["committed", "from-an-archive"])
def test_a_forged_verdict_is_not_believed(make_repo, cli, tmp_path, monkeypatch, tracked):
    root = make_repo(FILES, git_init=True)
    db_path = attacker_cache(cli, root, monkeypatch)
    assert forge_clean_results(db_path, attacker_key(monkeypatch)) >= 1
    with monkeypatch.context() as attacker:  # the attacker's own installation now passes the tree ...
        attacker.setenv("SSOTLINT_CACHE_KEY", ATTACKER_SECRET)
        assert check_json(cli, root).code == 0
    if tracked:
        git(root, "add", "-f", ".ssotlint_cache")
        git(root, "commit", "-q", "-m", "a cache, committed")
    # ... ours does not: check, score and the diff ratchet all see the broken import.
    expected = verdict(check_json(cli, root, "--no-cache"))
    assert any(rule == "SSOT003" for rule, *_ in expected)
    result = check_json(cli, root)
    assert result.code == 1 and verdict(result) == expected
    score = cli("score", str(root), "--format", "json", "--jobs", "1")
    assert score.json()["overall"]["violations"] == len(expected), score.err
    diff = cli("diff", str(root), "--format", "json", "--jobs", "1")
    assert "Traceback" not in diff.err
    assert diff.json()["unchanged"] == len(expected) and diff.json()["new"] == []


def test_malformed_rows_signed_with_our_key_are_misses(make_repo, cli, tmp_path):
    """Rows that pass the digest (a bug, a half-written row) but not the type check."""
    root = make_repo(FILES)
    expected = verdict(check_json(cli, root, "--no-cache"))
    assert check_json(cli, root).code == 1
    cache = Cache.open(root / ".ssotlint_cache", [], installation_key())
    assert cache.db is not None
    blobs = [row[0] for row in cache.db.execute("SELECT blob FROM summaries ORDER BY blob")]
    result_keys = [row[0] for row in cache.db.execute("SELECT key FROM results")]
    shapes = [b"[1, 2, 3]", b"[" * 100_000 + b"]" * 100_000, b'{"paths": 5}', b"\xff\xfe", b"null"]
    for i, blob in enumerate(blobs):
        bad = shapes[i % len(shapes)]
        cache.db.execute("UPDATE summaries SET data = ?, mac = ? WHERE blob = ?",
                         (bad, cache._sign_summary(blob.encode(), bad), blob))
    for result_key in result_keys:
        bad = b'{"paths": [1], "violations": "none"}'
        cache.db.execute("UPDATE results SET data = ?, mac = ? WHERE key = ?",
                         (bad, cache._sign_result(result_key.encode(), bad), result_key))
    cache.close()
    result = check_json(cli, root, "--profile")
    assert result.code == 1 and verdict(result) == expected
    assert f"{len(FILES)} parsed, 0 cached" in result.err


def test_repository_git_config_runs_no_program(make_repo, cli, marker, tmp_path):
    """core.fsmonitor, hooks, an external diff, a textconv driver, a pager and a GPG program
    for signed commits, all configured by the repository's own .git/config."""
    root = make_repo(FILES, git_init=True)
    script = tmp_path / "evil.sh"
    script.write_text(f"#!/bin/sh\ntouch {marker}\ncat\n")
    script.chmod(0o755)
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    for hook in ("post-index-change", "reference-transaction", "post-checkout", "pre-auto-gc"):
        shutil.copy(script, hooks / hook)
    for key, value in [
        ("core.fsmonitor", str(script)),
        ("core.hooksPath", str(hooks)),
        ("core.pager", str(script)),
        ("diff.external", str(script)),
        ("diff.evil.textconv", str(script)),
        ("diff.evil.command", str(script)),
        ("log.showSignature", "true"),
        ("gpg.program", str(script)),
    ]:
        git(root, "config", key, value)
    (root / ".gitattributes").write_text("*.py diff=evil\n")
    (root / "app/b.py").write_text("X = 1\nY = 2\n")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "second")
    _sign_head(root)
    marker.unlink(missing_ok=True)  # committing above may have run the configured programs
    (root / "app/b.py").write_text("X = 1\nY = 3\n")  # a dirty tree: fsmonitor would be asked

    env = {"XDG_CACHE_HOME": str(tmp_path / "user-cache")}
    for code, *args in (
        (1, "check", str(root)),  # the broken import
        (1, "check", str(root), "--no-cache"),
        (0, "score", str(root)),
        (0, "diff", str(root)),  # nothing new since HEAD
        (0, "diff", str(root), "--base", "HEAD~1"),
        (1, "session", str(root), "--since", "HEAD~1"),  # app/b.py changed behaviour
        (1, "session", str(root), "--since", "HEAD~1", "--format", "json"),
    ):
        result = run_process(*args, env=env, timeout=120)
        assert "Traceback" not in result.err, (args, result.err)
        assert result.code == code, (args, result.out, result.err)
        assert not marker.exists(), f"ssotlint {' '.join(args[:1])} ran a program the repository configured"


def _sign_head(root: Path) -> None:
    """Make HEAD a "signed" commit (a gpgsig header), so log.showSignature has work to do."""
    body = git(root, "cat-file", "commit", "HEAD")
    header, _, message = body.partition("\n\n")
    signature = "gpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEzBAABCAAdFiEE\n -----END PGP SIGNATURE-----"
    signed = f"{header}\n{signature}\n\n{message}"
    path = root.parent / "commit.txt"
    path.write_text(signed)
    sha = git(root, "hash-object", "-t", "commit", "-w", str(path)).strip()
    git(root, "update-ref", "HEAD", sha)


@pytest.mark.parametrize("link", ["folder", "database", "wal", "gitignore"])
def test_a_symlinked_cache_writes_nothing_outside(make_repo, cli, outside, link):
    root = make_repo(FILES, git_init=True)
    cache = root / ".ssotlint_cache"
    victim = outside / "cache.db"
    victim.write_bytes(b"someone else's database")
    if link == "folder":
        cache.symlink_to(outside, target_is_directory=True)
        shown = ".ssotlint_cache"
    else:
        cache.mkdir()
        name = {"database": "cache.db", "wal": "cache.db-wal", "gitignore": ".gitignore"}[link]
        (cache / name).symlink_to(outside / name if link != "database" else victim)
        shown = f".ssotlint_cache/{name}"
    before = sorted((p.name, p.read_bytes()) for p in outside.iterdir())
    expected = verdict(check_json(cli, root, "--no-cache"))
    for _ in range(2):
        result = check_json(cli, root)
        assert result.code == 1 and verdict(result) == expected
        assert warnings_of(result) == [
            f"ssotlint: warning: cache not used: {shown} is a symbolic link; keep the cache outside "
            "the checkout with --cache-dir DIR or SSOTLINT_CACHE_DIR"
        ]
    assert cli("diff", str(root), "--jobs", "1").code in (0, 1)
    cleared = cli("cache", "clear", str(root))
    assert cleared.code == 2 and "cache not cleared" in cleared.err
    assert sorted((p.name, p.read_bytes()) for p in outside.iterdir()) == before


def test_a_cache_folder_elsewhere_is_the_users_choice(make_repo, cli, tmp_path):
    root = make_repo(FILES, git_init=True)
    folder = tmp_path / "ci-cache"
    assert check_json(cli, root, "--cache-dir", str(folder)).code == 1
    again = check_json(cli, root, "--cache-dir", str(folder), "--profile")
    assert warnings_of(again) == [] and "0 parsed" in again.err
    assert not (root / ".ssotlint_cache").exists()


def test_a_shared_ci_key_trusts_a_restored_cache_and_nothing_else(make_repo, cli, tmp_path, monkeypatch):
    """SSOTLINT_CACHE_KEY: a cache restored by the CI system (another machine, same secret)
    is used; without the secret (a fork's pull request) the same cache yields nothing."""
    root = make_repo(FILES)
    monkeypatch.setenv("SSOTLINT_CACHE_KEY", "ci-secret")
    assert check_json(cli, root).code == 1
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "another-machine"))
    restored = check_json(cli, root, "--profile")
    assert "0 parsed" in restored.err and "model" not in restored.err
    monkeypatch.delenv("SSOTLINT_CACHE_KEY")
    fork = check_json(cli, root, "--profile")
    assert f"{len(FILES)} parsed, 0 cached" in fork.err


def test_the_key_is_private_and_an_unusable_one_is_not_trusted(make_repo, cli, tmp_path, monkeypatch):
    root = make_repo(FILES)
    assert check_json(cli, root).code == 1
    key = tmp_path / "user-cache" / "ssotlint" / "key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600 and len(key.read_bytes()) == 32
    key.chmod(0o644)  # readable by others: no longer a secret
    result = check_json(cli, root, "--profile")
    assert verdict(result) == verdict(check_json(cli, root, "--no-cache"))
    assert [w for w in warnings_of(result) if "cache not kept across runs" in w]
    assert f"{len(FILES)} parsed, 0 cached" in result.err


def test_a_catastrophic_concept_pattern_fails_fast(make_repo, tmp_path):
    files = dict(FILES)
    files["app/d.py"] = "class " + "A" * 60 + ":\n    pass\n"
    root = make_repo(files, config='[tool.ssotlint.concepts.evil]\npattern = "(A+)+B"\n')
    started = time.monotonic()
    result = run_process("check", str(root), "--no-cache", "--jobs", "1", timeout=60)
    assert time.monotonic() - started < 30
    assert result.code == 2, result.err
    assert result.err.startswith("ssotlint: error: concept 'evil': pattern '(A+)+B' took more than 2 s")
    assert len(result.err.splitlines()) == 1

    long_pattern = "A" * 501
    (root / "pyproject.toml").write_text(f'[tool.ssotlint.concepts.long]\npattern = "{long_pattern}"\n')
    result = run_process("check", str(root), "--no-cache", "--jobs", "1", timeout=60)
    assert result.code == 2 and "longer than 500 characters" in result.err


def test_output_and_fix_never_write_through_a_link_that_leaves(make_repo, cli, outside, tmp_path):
    root = make_repo({**FILES, "app/dos.py": "X = 1\r\nY = 2\r\n"})
    victim = outside / "victim.py"
    victim.write_bytes(b"X = 1\r\n")
    (root / "app/escape.py").symlink_to(victim)
    result = cli("check", str(root), "--fix", "--no-cache", "--jobs", "1")
    assert "Traceback" not in result.err
    assert victim.read_bytes() == b"X = 1\r\n"  # not rewritten
    assert (root / "app/dos.py").read_bytes() == b"X = 1\nY = 2\n"  # the file inside was
    assert "could not fix app/escape.py" in result.err and "outside" in result.err

    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "report.json").symlink_to(victim)
    result = cli("check", str(root), "--no-cache", "--output", str(reports / "report.json"))
    assert result.code == 2 and result.err.startswith("ssotlint: error: --output: ")
    assert victim.read_bytes() == b"X = 1\r\n"


def test_git_is_started_in_one_place():
    """A git command added later goes through ssotlint/gitcmd.py, or this fails."""
    package = REPO_ROOT / "ssotlint"
    offenders = []
    for path in sorted(package.rglob("*.py")):
        if path.name == "gitcmd.py":
            continue
        text = path.read_text(encoding="utf-8")
        for needle in ('["git"', "'git'", "git.Repo(", "git.Git("):
            if needle in text:
                offenders.append(f"{path.relative_to(package)}: {needle!r}")
    assert offenders == []


def test_python_m_ssotlint_run_from_the_repository_imports_none_of_its_modules(make_repo, marker):
    """``python -m ssotlint check .`` from the repository's root: Python puts the working
    directory first on ``sys.path``, where the repository's own ``bisect.py`` (a module
    ssotlint imports from the standard library) would be imported instead of the library's,
    and run. It is not: the verdict is the same as from elsewhere, and nothing runs."""
    payload = f"import pathlib\npathlib.Path({str(marker)!r}).write_text('ran')\nraise SystemExit(97)\n"
    root = make_repo({**FILES, "bisect.py": payload, "difflib.py": payload}, git_init=True)
    inside = run_process("check", ".", "--no-cache", "--format", "json", cwd=root)
    assert not marker.exists()
    outside = run_process("check", str(root), "--no-cache", "--format", "json", cwd=REPO_ROOT)
    assert inside.code == outside.code == 1
    assert inside.out == outside.out


# Started like Windows starts ssotlint's workers: by ``spawn``, not ``fork``.
SPAWNING_DRIVER = """
import sys

import ssotlint.workers as workers
from ssotlint.cli import main

if __name__ == "__main__":
    workers.can_fork = lambda: False
    sys.exit(main(sys.argv[1:]))
"""


def test_spawned_workers_import_none_of_the_repositorys_modules(make_repo, marker, outside):
    """A spawned worker is a new interpreter started with ``-c``, which puts its working
    directory, the repository's root, first on ``sys.path`` before it imports
    ``multiprocessing`` and what that needs (``socket``, ``pickle``, ``selectors`` ...): the
    repository's modules of those names would run in it. They do not, and the verdict is
    the one a forked worker gives."""
    payload = f"import pathlib\npathlib.Path({str(marker)!r}).write_text('ran')\nraise SystemExit(97)\n"
    planted = {f"{name}.py": payload for name in ("socket", "pickle", "selectors", "struct", "threading", "signal", "runpy")}
    many = {f"app/m{i}.py": f"from app.b import X as Y{i}\n" for i in range(4)}
    root = make_repo({**FILES, **many, **planted}, git_init=True)
    driver = outside / "drive.py"
    driver.write_text(SPAWNING_DRIVER)
    args = ["check", ".", "--no-cache", "--format", "json", "--jobs", "2"]
    spawned = subprocess.run(
        [sys.executable, str(driver), *args], cwd=root, capture_output=True, text=True, timeout=300
    )
    assert not marker.exists(), spawned.stderr
    forked = run_process(*args, cwd=root)
    assert spawned.returncode == forked.code == 1, spawned.stderr
    assert spawned.stdout == forked.out
