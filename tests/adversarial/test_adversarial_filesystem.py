"""Hostile file systems: what cannot be read is a warning on stderr, never a crash.

Both discovery paths are covered: ``git ls-files`` in a work tree, and the walk elsewhere.
Tests run as root (here and in CI), where chmod 000 denies nothing: the permission tests
then simulate the OSError the kernel would raise.
"""

from __future__ import annotations

import os
import pathlib
from pathlib import Path

import pytest

from tests.conftest import git, run_process

BROKEN = {"app/__init__.py": "", "app/a.py": "from app.b import Missing\n", "app/b.py": "X = 1\n"}
SENTINEL_LINE = "app/a.py:1:1: SSOT003 cannot import name 'Missing' from app.b"

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def warnings_of(err: str) -> list[str]:
    assert "Traceback" not in err, err
    return [line for line in err.splitlines() if line.startswith("ssotlint: warning: ")]


def check_text(cli, root: Path, *extra: str):
    result = cli("check", str(root), "--no-cache", "--jobs", "1", *extra)
    assert result.code == 1, result.err
    assert any(line.startswith(SENTINEL_LINE) for line in result.out.splitlines()), result.out
    return result


@pytest.fixture(params=["git", "walk"])
def discovery(request):
    return request.param


def _repo(make_repo, files, discovery):
    return make_repo({**BROKEN, **files}, git_init=discovery == "git")


def deny(monkeypatch, *names: str) -> None:
    """Make reading these files (by name) fail as chmod 000 does for a normal user."""
    real = pathlib.Path.read_bytes

    def read_bytes(self):
        if self.name in names:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(pathlib.Path, "read_bytes", read_bytes)


def test_unreadable_file_is_skipped_with_a_warning(make_repo, cli, monkeypatch, discovery):
    root = _repo(make_repo, {"app/secret.py": "import os\n", "app/c.py": "import os\n"}, discovery)
    deny(monkeypatch, "secret.py")
    result = check_text(cli, root)
    assert warnings_of(result.err) == ["ssotlint: warning: skipped app/secret.py: Permission denied"]
    assert result.out.splitlines()[-1] == "Found 1 violation in 1 file (4 files analysed)."


@pytest.mark.skipif(IS_ROOT, reason="running as root: chmod 000 does not deny reads to root "
                    "(test_unreadable_file_is_skipped_with_a_warning simulates it)")
def test_chmod_000_file_and_folder(make_repo, cli):  # pragma: no cover - not as root
    root = make_repo({**BROKEN, "app/secret.py": "import os\n", "locked/x.py": "import os\n"})
    (root / "app/secret.py").chmod(0)
    (root / "locked").chmod(0)
    try:
        result = check_text(cli, root)
    finally:
        (root / "app/secret.py").chmod(0o644)
        (root / "locked").chmod(0o755)
    found = warnings_of(result.err)
    assert "ssotlint: warning: skipped app/secret.py: Permission denied" in found
    assert "ssotlint: warning: cannot read folder locked: Permission denied" in found


def test_unreadable_folder_is_a_warning(make_repo, cli, monkeypatch):
    root = make_repo({**BROKEN, "locked/x.py": "import os\n", "open/y.py": "import os\n"})
    real = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = check_text(cli, root)
    assert warnings_of(result.err) == ["ssotlint: warning: cannot read folder locked: Permission denied"]
    assert "(4 files analysed)" in result.out


def test_symlinks_loops_and_dangling_links(make_repo, cli, discovery):
    root = make_repo(BROKEN)
    outside = root.parent / "outside"
    outside.mkdir()
    (outside / "ext.py").write_text("class FromOutside:\n    pass\n")
    (root / "app/loop1.py").symlink_to("loop2.py")
    (root / "app/loop2.py").symlink_to("loop1.py")
    (root / "app/dangling.py").symlink_to("nowhere.py")
    (root / "app/alias.py").symlink_to("b.py")
    (root / "app/ext.py").symlink_to(outside / "ext.py")
    (root / "app/self").symlink_to(".", target_is_directory=True)  # a folder loop
    (root / "app/use.py").write_text("from app.ext import FromOutside\nfrom app.alias import X\n")
    if discovery == "git":
        git(root, "init", "-q", "-b", "main")
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", "links")
    result = check_text(cli, root)
    assert sorted(warnings_of(result.err)) == [
        "ssotlint: warning: skipped app/dangling.py: No such file or directory",
        "ssotlint: warning: skipped app/loop1.py: Too many levels of symbolic links",
        "ssotlint: warning: skipped app/loop2.py: Too many levels of symbolic links",
    ]
    # Links to files are analysed as the files they point at: the imports through them
    # resolve. A link to a file analysed here is that file, analysed once at its real path
    # (``alias.py -> b.py``: its module exists).
    assert result.out.splitlines()[-1] == "Found 1 violation in 1 file (5 files analysed)."


def test_folder_named_like_a_module_and_special_files(make_repo, cli, discovery):
    root = make_repo(BROKEN)
    (root / "empty.py").mkdir()
    (root / "pkg.py").mkdir()
    (root / "pkg.py/inner.py").write_text("import os\n")
    os.mkfifo(root / "app/fifo.py")  # reading it would block forever
    if discovery == "git":
        git(root, "init", "-q", "-b", "main")
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", "odd")
    result = check_text(cli, root)
    found = warnings_of(result.err)
    assert found in ([], ["ssotlint: warning: skipped app/fifo.py: not a regular file"])
    if discovery == "walk":
        assert found == ["ssotlint: warning: skipped app/fifo.py: not a regular file"]
    assert result.out.splitlines()[-1] == "Found 1 violation in 1 file (4 files analysed)."


def _odd_names(make_repo, discovery) -> Path:
    root = make_repo(BROKEN)
    (root / "with space.py").write_text("import app.nothere\n")
    weird = os.fsencode(root / "app") + b"/caf\xe9.py"
    with open(weird, "wb") as fh:
        fh.write(b"import app.gone\nx = (\n")
    old = 1_500_000_000_000_000_000  # older than the cache's racy window: stat rows get written
    for path in [*root.rglob("*.py"), Path(os.fsdecode(weird))]:
        os.utime(path, ns=(old, old))
    if discovery == "git":
        git(root, "init", "-q", "-b", "main")
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", "names")
    return root


def test_file_names_with_spaces_and_undecodable_bytes(make_repo, cli, discovery):
    root = _odd_names(make_repo, discovery)
    expected = [("app/a.py", "SSOT003"), ("app/caf\ufffd.py", "SSOT000"), ("with space.py", "SSOT003")]
    for run in ("cold cache", "warm cache"):
        result = cli("check", str(root), "--jobs", "1", "--format", "json")
        assert result.code == 1 and warnings_of(result.err) == [], (run, result.err)
        assert sorted((v["path"], v["rule"]) for v in result.json()["violations"]) == expected
    text = cli("check", str(root), "--jobs", "1")
    assert "app/caf\ufffd.py:2:5: SSOT000 SyntaxError: '(' was never closed" in text.out
    assert "with space.py:1:1: SSOT003" in text.out
    for command in (["score"], ["graph"], ["graph", "--format", "json"]):
        other = cli(*command, str(root))
        assert other.code == 0 and warnings_of(other.err) == [], (command, other.err)


def test_undecodable_names_on_an_ascii_terminal(make_repo):
    """Output in a non-UTF-8 encoding (PYTHONIOENCODING, a Windows code page) escapes what it
    cannot encode as \\uXXXX: readable text, and still valid JSON."""
    root = _odd_names(make_repo, "git")
    (root / "app/\u00fcber.py").write_text("import app.gone_too\n")
    ascii_env = {"PYTHONIOENCODING": "ascii"}
    text = run_process("check", str(root), env=ascii_env)
    assert text.code == 1, text.err
    assert "app/caf\\ufffd.py:2:5: SSOT000" in text.out and "app/\\u00fcber.py:1:1: SSOT003" in text.out
    document = run_process("check", str(root), "--format", "json", env=ascii_env)
    assert document.code == 1 and document.out.isascii()
    paths = {v["path"] for v in document.json()["violations"]}
    assert {"app/caf\ufffd.py", "app/\u00fcber.py"} <= paths


def test_file_deleted_between_discovery_and_parsing(make_repo, cli, monkeypatch, discovery):
    import ssotlint.pipeline.analyse as pipeline

    root = _repo(make_repo, {"app/gone.py": "import os\n", "app/dir_now.py": "import os\n"}, discovery)
    real = pipeline.discover_configured

    def discover_then_delete(*args, **kwargs):
        found = real(*args, **kwargs)
        (root / "app/gone.py").unlink()
        (root / "app/dir_now.py").unlink()
        (root / "app/dir_now.py").mkdir()
        return found

    monkeypatch.setattr(pipeline, "discover_configured", discover_then_delete)
    result = check_text(cli, root)
    assert sorted(warnings_of(result.err)) == [
        "ssotlint: warning: skipped app/dir_now.py: not a regular file",
        "ssotlint: warning: skipped app/gone.py: No such file or directory",
    ]
    assert result.out.splitlines()[-1] == "Found 1 violation in 1 file (3 files analysed)."


def test_file_deleted_after_a_cached_run(make_repo, cli, tmp_path):
    """The stat cache knows the file; it is gone now: a warning, not a stale answer."""
    root = make_repo({**BROKEN, "app/gone.py": "import os\n"})
    cache = ["--cache-dir", str(tmp_path / "cache"), "--jobs", "1"]
    first = cli("check", str(root), *cache)
    assert first.code == 1 and "(4 files analysed)" in first.out
    (root / "app/gone.py").unlink()
    second = cli("check", str(root), *cache)
    assert second.code == 1
    assert warnings_of(second.err) == []  # the walk no longer finds it: nothing to warn about
    assert "(3 files analysed)" in second.out
