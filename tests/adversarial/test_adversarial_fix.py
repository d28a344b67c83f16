"""``check --fix`` is atomic: a temp file beside the original, then a rename; a failure at any
point leaves the original byte-for-byte intact and no temp file behind."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

import pytest

import ssotlint.fix.atomic as fix

CRLF = b"import os\r\n\r\nVALUE = os.sep\r\n"
LF = b"import os\n\nVALUE = os.sep\n"


@pytest.fixture
def dos_repo(make_repo):
    root = make_repo({"app/__init__.py": "", "app/dos.py": CRLF, "app/other.py": "X = 1\n"})
    path = root / "app/dos.py"
    os.chmod(path, 0o754)
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    return root


def state(path: Path) -> tuple:
    st = path.stat()
    return (path.read_bytes(), stat.S_IMODE(st.st_mode), st.st_ino, st.st_mtime_ns)


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_fix_renames_a_new_file_over_the_old_one(dos_repo, cli):
    path = dos_repo / "app/dos.py"
    inode = path.stat().st_ino
    result = cli("check", str(dos_repo), "--fix", "--no-cache", "--jobs", "1")
    assert result.code == 0, result.err
    assert "Fixed 1 violation in 1 file." in result.out
    assert path.read_bytes() == LF
    assert stat.S_IMODE(path.stat().st_mode) == 0o754  # the executable bit survives
    assert path.stat().st_ino != inode  # a new file was renamed into place, not rewritten in place
    assert listing(path.parent) == ["__init__.py", "dos.py", "other.py"]


def test_fix_never_writes_through_a_symlink(make_repo, cli, tmp_path):
    """The link's target inside the repository is fixed under its own path; the link is
    left as it is; a target outside the repository is never written."""
    outside = tmp_path / "outside.py"
    outside.write_bytes(CRLF)
    root = make_repo({"app/__init__.py": "", "app/real.py": CRLF})
    (root / "app/link.py").symlink_to("real.py")
    (root / "app/away.py").symlink_to(outside)
    result = cli("check", str(root), "--fix", "--no-cache", "--jobs", "1")
    assert (root / "app/link.py").is_symlink() and (root / "app/away.py").is_symlink()
    assert (root / "app/real.py").read_bytes() == LF
    assert outside.read_bytes() == CRLF
    assert "could not fix app/away.py:1 SSOT005: a symbolic link" in result.err
    assert listing(root / "app") == ["__init__.py", "away.py", "link.py", "real.py"]


@pytest.mark.parametrize(
    "target,error",
    [
        ("fsync", OSError(errno.ENOSPC, "No space left on device")),
        ("replace", OSError(errno.EXDEV, "Invalid cross-device link")),
        ("chmod", PermissionError(errno.EPERM, "Operation not permitted")),
    ],
)
def test_a_failure_midway_leaves_the_original_and_no_temp_file(dos_repo, cli, monkeypatch, target, error):
    path = dos_repo / "app/dos.py"
    before = state(path)
    calls = []

    def fail(*args, **kwargs):
        calls.append(args)
        raise error

    monkeypatch.setattr(fix.os, target, fail)
    result = cli("check", str(dos_repo), "--fix", "--no-cache", "--jobs", "1")
    assert calls, f"os.{target} was never called: the test would prove nothing"
    assert result.code == 1  # still a violation: it was not fixed
    assert f"ssotlint: warning: could not fix app/dos.py: {error.strerror}" in result.err
    assert "Traceback" not in result.err
    assert "SSOT005" in result.out and "Fixed" not in result.out
    assert state(path) == before
    assert listing(path.parent) == ["__init__.py", "dos.py", "other.py"]


def test_no_room_for_the_temp_file(dos_repo, cli, monkeypatch):
    path = dos_repo / "app/dos.py"
    before = state(path)

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    result = cli("check", str(dos_repo), "--fix", "--no-cache", "--jobs", "1")
    assert result.code == 1
    assert "ssotlint: warning: could not fix app/dos.py: Permission denied" in result.err
    assert state(path) == before


def test_interrupted_while_writing(dos_repo, cli, monkeypatch):
    path = dos_repo / "app/dos.py"
    before = state(path)

    def interrupt(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(fix.os, "fsync", interrupt)
    result = cli("check", str(dos_repo), "--fix", "--no-cache", "--jobs", "1")
    assert result.code == 130
    assert result.err.strip().splitlines() == ["ssotlint: interrupted"]
    assert state(path) == before
    assert listing(path.parent) == ["__init__.py", "dos.py", "other.py"]


def test_read_only_file_mode_is_kept(make_repo, cli):
    root = make_repo({"app/ro.py": CRLF})
    path = root / "app/ro.py"
    os.chmod(path, 0o444)
    result = cli("check", str(root), "--fix", "--no-cache", "--jobs", "1")
    assert result.code == 0, result.err
    assert path.read_bytes() == LF and stat.S_IMODE(path.stat().st_mode) == 0o444


def test_without_fix_nothing_is_written_even_with_many_fixable_files(make_repo, cli):
    root = make_repo({f"app/d{i}.py": CRLF for i in range(5)})
    before = {p.name: state(p) for p in (root / "app").iterdir()}
    result = cli("check", str(root), "--no-cache", "--jobs", "1")
    assert result.code == 1 and result.out.count("SSOT005") == 5
    assert {p.name: state(p) for p in (root / "app").iterdir()} == before


# -- --output FILE: the other write a user asks for ------------------------------------------


@pytest.fixture
def broken_repo(make_repo):
    return make_repo({"app/__init__.py": "", "app/a.py": "import app.gone\n"})


def test_output_replaces_a_file_atomically_keeping_mode_and_links(broken_repo, cli, tmp_path):
    report = tmp_path / "out/report.json"
    report.parent.mkdir()
    report.write_text("old report\n")
    os.chmod(report, 0o640)
    link = tmp_path / "out/latest.json"
    link.symlink_to("report.json")
    result = cli("check", str(broken_repo), "--no-cache", "--format", "json", "--output", str(link))
    assert result.code == 1 and result.out == "", result.err
    assert link.is_symlink() and '"violations": 1' in report.read_text()
    assert stat.S_IMODE(report.stat().st_mode) == 0o640
    fresh = tmp_path / "out/new.txt"
    assert cli("check", str(broken_repo), "--no-cache", "--output", str(fresh)).code == 1
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~umask  # not mkstemp's 0600
    assert listing(report.parent) == ["latest.json", "new.txt", "report.json"]


def test_output_into_a_device_or_fifo_is_written_not_replaced(broken_repo, cli, tmp_path):
    import threading

    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text()), daemon=True)
    reader.start()
    result = cli("check", str(broken_repo), "--no-cache", "--output", str(fifo))
    reader.join(timeout=10)
    assert result.code == 1, result.err
    assert stat.S_ISFIFO(fifo.stat().st_mode), "the FIFO was replaced by a regular file"
    assert "Found 1 violation" in received[0]
    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a private /dev/null
    except PermissionError:
        pytest.skip("not allowed to create a device node here")
    assert cli("check", str(broken_repo), "--no-cache", "--output", str(device)).code == 1
    assert stat.S_ISCHR(device.stat().st_mode), "the device was replaced by a regular file"


def test_output_errors_are_one_line(broken_repo, cli, tmp_path):
    folder = tmp_path / "a_folder"
    folder.mkdir()
    result = cli("check", str(broken_repo), "--no-cache", "--output", str(folder))
    assert result.code == 2 and result.err == f"ssotlint: error: --output: {folder} is a folder\n"
    full = tmp_path / "full"  # a private /dev/full: a regression must not replace the real one
    try:
        os.mknod(full, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    except PermissionError:
        pytest.skip("not allowed to create a device node here")
    result = cli("check", str(broken_repo), "--no-cache", "--output", str(full))
    assert result.code == 2
    assert result.err == f"ssotlint: error: --output: cannot write {full}: No space left on device\n"


def test_output_failure_midway_keeps_the_old_report(broken_repo, cli, tmp_path, monkeypatch):
    import ssotlint.report.render as render

    report = tmp_path / "report.txt"
    report.write_text("old report\n")

    def half_then_fail(args, analysis, violations, stream, fixes=None, edits=None):
        stream.write("half a rep")
        raise RuntimeError("renderer bug")

    monkeypatch.setattr(render, "check_report", half_then_fail)
    result = cli("check", str(broken_repo), "--no-cache", "--output", str(report))
    assert result.code == 2 and "internal error: RuntimeError: renderer bug" in result.err
    assert report.read_text() == "old report\n"
    assert listing(tmp_path) == sorted(["report.txt", broken_repo.name])
