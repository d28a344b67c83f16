"""The one git adapter: processes, tree listings and the blob reader, on real repositories."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import git, write_files

from ssotlint.errors import GitError
from ssotlint.gitrev import BlobReader, BlobUnavailable, blob_id, commit_sha, find_repo, open_repo, tree_blobs


@pytest.fixture
def repo_dir(tmp_path: Path) -> Path:
    root = tmp_path / "r"
    root.mkdir()
    write_files(root, {"a.py": "A = 1\n", "pkg/b.py": "B = 2\n" * 1000, "README": "hi\n", "empty.py": ""})
    (root / "link.py").symlink_to("a.py")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "one")
    return root


def test_blob_ids_are_gits(repo_dir: Path):
    for name in ("a.py", "pkg/b.py", "empty.py"):
        assert blob_id((repo_dir / name).read_bytes()) == git(repo_dir, "hash-object", name).strip()


def test_tree_listing_leaves_out_symbolic_links(repo_dir: Path):
    repo = open_repo(repo_dir)
    listing = {name.decode(): blob for name, blob in tree_blobs(repo, commit_sha(repo, "HEAD"))}
    assert set(listing) == {"a.py", "pkg/b.py", "README", "empty.py"}
    assert listing["a.py"] == blob_id(b"A = 1\n")
    with pytest.raises(GitError, match="cannot list the files"):
        list(tree_blobs(repo, "0" * 40))


def test_reader_reads_one_many_missing_and_too_large(repo_dir: Path):
    reader = BlobReader(open_repo(repo_dir))
    a, b, empty, missing = blob_id(b"A = 1\n"), blob_id(b"B = 2\n" * 1000), blob_id(b""), "1" * 40
    assert reader.read(a) == b"A = 1\n" and reader.read(empty) == b""
    assert reader.read(missing) is None
    assert reader.read_many([a, missing, b, a], max_bytes=100) == {a: b"A = 1\n"}  # b is over the limit
    with pytest.raises(BlobUnavailable, match="too large"):
        reader.read_limited(b, 100)
    with pytest.raises(BlobUnavailable, match="cannot be read"):
        reader.read_limited(missing, None)
    assert reader.read_limited(b, None) == b"B = 2\n" * 1000  # the process is still in step
    reader.close()


def test_reader_starts_again_after_its_process_dies(repo_dir: Path):
    reader = BlobReader(open_repo(repo_dir))
    a = blob_id(b"A = 1\n")
    assert reader.read(a) == b"A = 1\n"
    reader._proc.kill()  # noqa: SLF001 - the failure this guards against
    reader._proc.wait()  # noqa: SLF001
    assert reader.read_many([a]) == {}  # the broken exchange is given up...
    assert reader.read(a) == b"A = 1\n"  # ...and the next read starts a new process
    reader.close()


def test_stream_reports_a_failing_command(repo_dir: Path):
    repo = open_repo(repo_dir)
    with pytest.raises(GitError, match="git merge-base failed"):
        with repo.stream("merge-base", "HEAD", "no-such-ref") as out:
            out.read()
    # git exits without reading a large input: its message, not a broken pipe.
    with pytest.raises(GitError, match="git rev-parse failed: fatal: Needed a single revision"):
        with repo.stream("rev-parse", "--verify", "no-such-ref", stdin=b"HEAD\n" * 200_000) as out:
            out.read()
    with repo.stream("rev-list", "--stdin", stdin=b"HEAD\n") as out:
        assert out.read().decode().strip() == commit_sha(repo, "HEAD")


def test_bare_repositories_are_found_and_diff_refuses_them(repo_dir: Path, tmp_path: Path):
    bare = tmp_path / "bare.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(repo_dir), str(bare)], check=True)
    repo = find_repo(bare)
    assert repo is not None and repo.working_tree_dir is None and Path(repo.git_dir) == bare.resolve()
    assert BlobReader(repo).read(blob_id(b"A = 1\n")) == b"A = 1\n"
    assert find_repo(tmp_path) is None
    with pytest.raises(GitError, match="not in a git repository"):
        open_repo(bare)


def test_session_reads_a_bare_repository(repo_dir: Path, tmp_path: Path, cli):
    write_files(repo_dir, {"a.py": "A = 2\n"})
    git(repo_dir, "commit", "-q", "-am", "change a")
    bare = tmp_path / "bare.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(repo_dir), str(bare)], check=True)
    result = cli("session", str(bare), "--since", "HEAD~1", "--format", "json")
    assert result.code == 1, result.err
    [commit] = result.json()["commits"]
    assert commit["subject"] == "change a" and [f["path"] for f in commit["files"]] == ["a.py"]
