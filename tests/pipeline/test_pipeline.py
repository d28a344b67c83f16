"""The pipeline's seams: the two sources of a tree agree, and progress is the caller's."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import git

from ssotlint.config import load_config
from ssotlint.gitrev import open_repo, resolve
from ssotlint.pipeline import Options, analyse_revision, analyse_worktree
from ssotlint.pipeline.revision import RevisionSource
from ssotlint.pipeline.worktree import WorktreeSource

FILES = {
    "app/__init__.py": "",
    "app/a.py": "from app import b\nimport app.missing\n\nLIMIT = b.VALUE\n",
    "app/b.py": "from app import a\n\nVALUE = 1\n",
    "app/empty.py": "",
}


class Recorder:
    """A progress callback that remembers what it was told."""

    made: list["Recorder"] = []

    def __init__(self, total: int) -> None:
        self.total, self.done, self.closed = total, [], False
        Recorder.made.append(self)

    def __call__(self, done: int) -> None:
        self.done.append(done)

    def close(self) -> None:
        self.closed = True


def test_progress_is_the_callers_callback(make_repo):
    root = make_repo(FILES)
    Recorder.made = []
    analysis = analyse_worktree(root, load_config(root), Options(jobs=1, use_cache=False, progress=Recorder))
    assert analysis.parsed == 3  # the two empty files share one content
    [progress] = Recorder.made
    assert progress.total == 3 and progress.closed
    assert progress.done and progress.done[-1] == 3


def test_no_progress_when_the_caller_wants_none(make_repo):
    root = make_repo(FILES)
    analysis = analyse_worktree(root, load_config(root), Options(jobs=1, use_cache=False, progress=None))
    assert analysis.parsed == 3


def test_worktree_and_revision_list_the_same_keys_and_bytes(make_repo):
    root = make_repo(FILES, git_init=True)
    repo = open_repo(root)
    sha = resolve(repo, "HEAD")
    config = load_config(root)
    paths = sorted(p for p in FILES)
    worktree = WorktreeSource(root, paths, warnings := [])
    revision = RevisionSource(root, config, repo, sha)
    assert dict(worktree.list_files()) == dict(revision.list_files())
    for path, key in revision.list_files().items():
        assert worktree.read(path, key) == revision.read(path, key) == (root / path).read_bytes()
    assert warnings == []


def test_worktree_and_revision_outcomes_are_equal(make_repo):
    root = make_repo(FILES, git_init=True)
    config = load_config(root)
    options = Options(jobs=1, use_cache=False)
    repo = open_repo(root)
    here = analyse_worktree(root, config, options)
    there = analyse_revision(root, config, options, repo, resolve(repo, "HEAD"))
    assert here.outcome == there.outcome
    assert {v.rule for v in here.violations} >= {"SSOT002", "SSOT003"}


def test_a_changed_file_in_a_known_tree_starts_a_parser_once(tmp_path: Path):
    for name in ("a.py", "b.py", "c.py"):
        (tmp_path / name).write_text(f"# {name}\n")
    calls: list[int] = []
    stats = {"a.py": ((0, 0, 0), "0" * 40)}  # stale: every file counts as changed
    source = WorktreeSource(tmp_path, ["a.py", "b.py", "c.py"], [], stats, on_change=lambda: calls.append(1))
    assert len(source.list_files()) == 3
    assert calls == [1] and len(source.new_stats) == 3 and source.unchanged == set()


def test_an_unreadable_file_is_reported_and_left_out(tmp_path: Path):
    (tmp_path / "a.py").write_text("x = 1\n")
    warnings: list[str] = []
    source = WorktreeSource(tmp_path, ["a.py", "gone.py"], warnings)
    assert list(source.list_files()) == ["a.py"]
    assert source.unreadable == ["gone.py"] and "skipped gone.py" in warnings[0]


_ = git  # the fixture module's helper, imported for repositories made by hand
