"""``ssotlint session``: verdicts per commit on a scripted history, through the real CLI.

One history (built once per module) holds a commit of every kind; the tests read the JSON
and text reports, the exit codes, and check that the repository is left untouched.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

try:  # tests/ as pytest's rootdir-style conftest, or (with tests/__init__.py) a package
    from tests.conftest import git, run_process, write_files
except ImportError:  # pragma: no cover
    from tests.conftest import git, run_process, write_files
from ssotlint.config import Config, SessionConfig
from ssotlint.session.classify import FileChange, Kind, Policy, Side, Status, classify
from ssotlint.session.manifests import compare_pyproject, compare_setup_cfg, compare_setup_py
from ssotlint.session.semantics import compare_python

PYPROJECT = """\
[project]
name = "demo"
version = "1.0"
dependencies = ["websockets>=12"]

[tool.ruff]
line-length = 100

[tool.ssotlint]
"""

WS_MANAGER = """\
import os
class WebSocketManager:
    def __init__(self, url, retries=3):
        self.url = url; self.retries = retries
        self.timeout = int(os.environ.get('WS_TIMEOUT', '30'))
    def connect(self):
        return {'url': self.url, 'timeout': self.timeout, 'retries': self.retries, 'mode': 'a' 'b'}
"""

WS_MANAGER_REFORMATTED = '''\
"""The production WebSocket manager."""

import os


class WebSocketManager:
    """Keeps one connection per client."""

    def __init__(
        self,
        url,
        retries=3,
    ):
        # Where to connect.
        self.url = url
        self.retries = retries
        self.timeout = int(
            os.environ.get(
                "WS_TIMEOUT",
                "30",
            )
        )

    def connect(self):
        return {
            "url": self.url,
            "timeout": self.timeout,
            "retries": self.retries,
            "mode": "ab",
        }
'''

SETTINGS = '''\
"""Settings."""

TIMEOUT = 30


def timeout() -> int:
    """Return the timeout."""
    return TIMEOUT
'''

FEATURE = """\
def feature(x):
    return x + 1


def other(y):
    return y * 2
"""

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"


def commit(root: Path, subject: str, files: dict[str, str | bytes] | None = None, *, rm: tuple[str, ...] = (), mv: tuple[tuple[str, str], ...] = ()) -> None:
    if files:
        write_files(root, files)
    for path in rm:
        git(root, "rm", "-q", path)
    for old, new in mv:
        git(root, "mv", old, new)
    git(root, "add", "-A")
    git(root, "commit", "-q", "--allow-empty", "-m", subject)


# subject -> (functional?, the files that make it functional, {path: kind} of every file)
EXPECTED: dict[str, tuple[bool, set[str], dict[str, str]]] = {
    "docs only": (False, set(), {"README.md": "docs", "docs/design.md": "docs"}),
    "tests only": (False, set(), {"tests/test_app.py": "test", "tests/helpers/factory.py": "test", "test_framework/base.py": "test", "conftest.py": "test"}),
    "docstring only": (False, set(), {"app/settings.py": "non-functional"}),
    "comment only": (False, set(), {"app/util.py": "non-functional"}),
    "reformat the websocket manager": (False, set(), {"app/ws_manager.py": "non-functional"}),
    "rename util": (False, set(), {"app/utils.py": "non-functional"}),
    "bump the timeout": (True, {"app/settings.py"}, {"app/settings.py": "functional"}),
    "add a module": (True, {"app/feature.py"}, {"app/feature.py": "functional"}),
    "delete the legacy module": (True, {"app/legacy.py"}, {"app/legacy.py": "functional"}),
    "add a requirement": (True, {"requirements.txt"}, {"requirements.txt": "dependency"}),
    "pyproject dependency": (True, {"pyproject.toml"}, {"pyproject.toml": "dependency"}),
    "pyproject tool config": (False, set(), {"pyproject.toml": "tooling"}),
    "dockerfile": (True, {"Dockerfile"}, {"Dockerfile": "config"}),
    "ci workflow": (True, {".github/workflows/ci.yml"}, {".github/workflows/ci.yml": "config"}),
    "binary docs and fixtures": (False, set(), {"docs/diagram.png": "docs", "tests/fixtures/sample.bin": "test"}),
    "binary model": (True, {"app/model.bin"}, {"app/model.bin": "functional"}),
    "break the syntax": (True, {"app/broken.py"}, {"app/broken.py": "functional"}),
    "fix the syntax": (True, {"app/broken.py"}, {"app/broken.py": "functional"}),
    "feature docs": (False, set(), {"docs/feature.md": "docs"}),
    "main docs": (False, set(), {"docs/main.md": "docs"}),
    # Clean merges: the branch's commits were judged on their own; the merge resolved nothing.
    "merge feature docs": (False, set(), {}),
    "hotfix code": (True, {"app/feature.py"}, {"app/feature.py": "functional"}),
    "merge hotfix": (False, set(), {}),
    "empty commit": (False, set(), {}),
    "rename and comment": (False, set(), {"app/features.py": "non-functional"}),
    "move production code into tests": (True, {"tests/old_helpers.py"}, {"tests/old_helpers.py": "functional"}),
    "docs and a one-character change": (True, {"app/ws_manager.py"}, {"README.md": "docs", "app/ws_manager.py": "functional"}),
}


def build_history(root: Path) -> None:
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    commit(root, "base", {
        "pyproject.toml": PYPROJECT,
        "requirements.txt": "websockets==12.0\n",
        "README.md": "# Demo\n",
        "docs/guide.md": "Guide.\n",
        "app/__init__.py": "",
        "app/settings.py": SETTINGS,
        "app/ws_manager.py": WS_MANAGER,
        "app/util.py": "def double(x):\n    return 2 * x\n",
        "app/legacy.py": "OLD = True\n",
        "app/broken.py": "def broken():\n    return 1\n",
        "app/helpers.py": "def helper():\n    return 'help'\n",
        "tests/test_app.py": "def test_it():\n    assert True\n",
        "Dockerfile": "FROM python:3.11\n",
        ".github/workflows/ci.yml": "on: push\n",
    })
    commit(root, "docs only", {"README.md": "# Demo\n\nMore words.\n", "docs/design.md": "Design.\n"})
    commit(root, "tests only", {
        "tests/test_app.py": "def test_it():\n    assert 1 + 1 == 2\n",
        "tests/helpers/factory.py": "def make():\n    return 1\n",
        "test_framework/base.py": "class SSotBaseTestCase:\n    pass\n",
        "conftest.py": "import pytest\n",
    })
    commit(root, "docstring only", {"app/settings.py": SETTINGS.replace('"""Settings."""', '"""Runtime settings, read once."""').replace('"""Return the timeout."""', '"""Return the timeout.\n\n    In seconds.\n    """')})
    commit(root, "comment only", {"app/util.py": "# Helpers.\ndef double(x):  # twice\n    # multiply\n    return 2 * x\n"})
    commit(root, "reformat the websocket manager", {"app/ws_manager.py": WS_MANAGER_REFORMATTED})
    commit(root, "rename util", mv=(("app/util.py", "app/utils.py"),))
    commit(root, "bump the timeout", {"app/settings.py": (root / "app/settings.py").read_text().replace("TIMEOUT = 30", "TIMEOUT = 31")})
    commit(root, "add a module", {"app/feature.py": FEATURE})
    commit(root, "delete the legacy module", rm=("app/legacy.py",))
    commit(root, "add a requirement", {"requirements.txt": "websockets==12.0\nredis==5.0.0\n"})
    commit(root, "pyproject dependency", {"pyproject.toml": PYPROJECT.replace('["websockets>=12"]', '["websockets>=12", "redis>=5"]')})
    commit(root, "pyproject tool config", {"pyproject.toml": (root / "pyproject.toml").read_text().replace("line-length = 100", "line-length = 120")})
    commit(root, "dockerfile", {"Dockerfile": "FROM python:3.12\n"})
    commit(root, "ci workflow", {".github/workflows/ci.yml": "on: [push, pull_request]\n"})
    commit(root, "binary docs and fixtures", {"docs/diagram.png": PNG, "tests/fixtures/sample.bin": bytes(range(256))})
    commit(root, "binary model", {"app/model.bin": bytes(range(256)) * 4})
    commit(root, "break the syntax", {"app/broken.py": "def broken(:\n    return 1\n"})
    commit(root, "fix the syntax", {"app/broken.py": "def broken():\n    return 2\n"})
    git(root, "checkout", "-q", "-b", "feature")
    commit(root, "feature docs", {"docs/feature.md": "Feature.\n"})
    git(root, "checkout", "-q", "main")
    commit(root, "main docs", {"docs/main.md": "Main.\n"})
    git(root, "merge", "-q", "--no-ff", "feature", "-m", "merge feature docs")
    git(root, "checkout", "-q", "-b", "hotfix")
    commit(root, "hotfix code", {"app/feature.py": FEATURE.replace("x + 1", "x + 2")})
    git(root, "checkout", "-q", "main")
    git(root, "merge", "-q", "--no-ff", "hotfix", "-m", "merge hotfix")
    commit(root, "empty commit")
    git(root, "mv", "app/feature.py", "app/features.py")
    commit(root, "rename and comment", {"app/features.py": "# Features.\n" + FEATURE.replace("x + 1", "x + 2")})
    commit(root, "move production code into tests", mv=(("app/helpers.py", "tests/old_helpers.py"),))
    commit(root, "docs and a one-character change", {
        "README.md": "# Demo\n\nEven more words.\n",
        "app/ws_manager.py": WS_MANAGER_REFORMATTED.replace('"30"', '"31"'),
    })
    # A session in progress: staged, unstaged and untracked changes, and a stash.
    write_files(root, {"docs/wip.md": "stash me\n"})
    git(root, "add", "docs/wip.md")
    git(root, "stash", "-q")
    write_files(root, {"app/settings.py": "TIMEOUT = 99\n", "notes.txt": "untracked\n", "docs/staged.md": "staged\n"})
    git(root, "add", "docs/staged.md")


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("session") / "repo"
    build_history(root)
    return root


def base_sha(root: Path) -> str:
    return git(root, "rev-list", "--max-parents=0", "HEAD").strip()


def by_subject(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    commits = document["commits"]
    assert len({c["subject"] for c in commits}) == len(commits)
    return {c["subject"]: c for c in commits}


def test_every_commit_gets_the_right_verdict_and_files(history: Path, cli) -> None:
    result = cli("session", "--since", base_sha(history), "--format", "json", cwd=history)
    assert result.code == 1, result.err
    document = result.json()
    commits = by_subject(document)
    assert set(commits) == set(EXPECTED)
    for subject, (functional, culprits, kinds) in EXPECTED.items():
        c = commits[subject]
        assert c["functional"] is functional, (subject, c["files"])
        assert {f["path"]: f["kind"] for f in c["files"]} == kinds, subject
        assert {f["path"] for f in c["files"] if f["functional"]} == culprits, subject
        assert all(f["reason"] for f in c["files"]), subject
    assert document["summary"] == {"commits": len(EXPECTED), "functional": sum(e[0] for e in EXPECTED.values())}
    assert document["range"]["since_commit"] == base_sha(history)


def test_reasons_and_details(history: Path, cli) -> None:
    commits = by_subject(cli("session", "--since", base_sha(history), "--format", "json", cwd=history).json())

    def only(subject: str) -> dict[str, Any]:
        (f,) = commits[subject]["files"]
        return f

    assert "line 3" in only("bump the timeout")["reason"]
    assert only("rename util")["status"] == "renamed"
    assert only("rename util")["old_path"] == "app/util.py"
    assert "content unchanged" in only("rename util")["reason"]
    assert only("rename and comment")["old_path"] == "app/feature.py"
    assert "cannot be parsed" in only("break the syntax")["reason"]
    assert "cannot be parsed" in only("fix the syntax")["reason"]
    assert "docstrings" in only("docstring only")["reason"]
    assert only("comment only")["reason"] == "only comments or formatting changed"
    assert "[project] dependencies" in only("pyproject dependency")["reason"]
    assert "[tool.ruff]" in only("pyproject tool config")["reason"]
    assert only("delete the legacy module")["status"] == "deleted"
    assert commits["merge hotfix"]["merge"] is True
    assert len(commits["merge hotfix"]["parents"]) == 2
    assert commits["empty commit"]["files"] == []
    # Oldest first: parents always before their children.
    order = [c for c in commits]
    assert order.index("hotfix code") < order.index("merge hotfix") < order.index("empty commit")
    assert order[0] == "docs only" and order[-1] == "docs and a one-character change"
    head = commits["docs and a one-character change"]
    assert head["date"] == git(history, "log", "-1", "--format=%cI", head["sha"]).strip()
    assert head["short_sha"] == head["sha"][:10]


def test_config_is_functional_false(history: Path, cli, tmp_path: Path) -> None:
    config = tmp_path / "session.toml"
    config.write_text("[tool.ssotlint.session]\nconfig-is-functional = false\n")
    result = cli("session", "--since", base_sha(history), "--format", "json", "--config", str(config), cwd=history)
    commits = by_subject(result.json())
    for subject in ("dockerfile", "ci workflow"):
        assert commits[subject]["functional"] is False, subject
        assert commits[subject]["files"][0]["kind"] == "config"
    for subject in ("pyproject dependency", "add a requirement", "bump the timeout"):
        assert commits[subject]["functional"] is True, subject
    assert result.code == 1


def test_configured_docs_and_test_paths(history: Path, cli, tmp_path: Path) -> None:
    config = tmp_path / "session.toml"
    config.write_text('[tool.ssotlint.session]\ndocs-patterns = ["app/model.bin"]\ntest-paths = ["app/broken.py"]\n')
    commits = by_subject(cli("session", "--since", base_sha(history), "--format", "json", "--config", str(config), cwd=history).json())
    assert commits["binary model"]["files"][0]["kind"] == "docs"
    assert commits["break the syntax"]["files"][0]["kind"] == "test"
    assert not commits["binary model"]["functional"] and not commits["break the syntax"]["functional"]


def test_text_report(history: Path, cli) -> None:
    result = cli("session", "--since", base_sha(history), cwd=history)
    assert result.code == 1
    functional = sum(e[0] for e in EXPECTED.values())
    lines = result.out.splitlines()
    assert lines[-1] == f"{len(EXPECTED)} commits, {functional} functional"
    row = next(line for line in lines if "bump the timeout" in line)
    assert "functional" in row and "app/settings.py (functional)" in row
    row = next(line for line in lines if "docstring only" in line)
    assert "read-only" in row and "app/settings.py" not in row
    sha = git(history, "rev-parse", "HEAD").strip()
    assert any(line.startswith(sha[:10]) for line in lines)
    assert not any(line != line.rstrip() for line in lines)

    quiet = cli("session", "--since", base_sha(history), "--quiet", cwd=history)
    assert quiet.code == 1
    assert "docstring only" not in quiet.out and "bump the timeout" in quiet.out
    assert "commits," not in quiet.out

    verbose = cli("session", "--since", base_sha(history), "--verbose", cwd=history)
    row = next(line for line in verbose.out.splitlines() if "docstring only" in line)
    assert "app/settings.py (non-functional: only docstrings" in row


def test_read_only_range_exits_zero(history: Path, cli) -> None:
    model = git(history, "rev-parse", ":/^binary model").strip()
    result = cli("session", "--since", f"{model}~2", "--until", f"{model}~1", "--format", "json", cwd=history)
    assert result.code == 0
    assert [c["subject"] for c in result.json()["commits"]] == ["binary docs and fixtures"]
    result = cli("session", "--since", "HEAD~5", "--until", "HEAD~4", "--format", "json", cwd=history)
    assert [c["subject"] for c in result.json()["commits"]] == ["hotfix code", "merge hotfix"]
    assert result.code == 1
    result = cli("session", "--since", "HEAD~3", "--until", "HEAD~2", cwd=history)
    assert result.code == 0, result.out
    assert result.out.splitlines()[-1] == "1 commit, 0 functional"


def test_empty_range(history: Path, cli) -> None:
    result = cli("session", "--since", "HEAD", cwd=history)
    assert result.code == 0
    assert result.out == "No commits in HEAD..HEAD: nothing to check.\n"
    result = cli("session", "--since", "HEAD", "--format", "json", cwd=history)
    assert result.code == 0
    assert result.json()["commits"] == [] and result.json()["summary"] == {"commits": 0, "functional": 0}
    result = cli("session", "--since", "2999-01-01T00:00:00Z", cwd=history)
    assert result.code == 0 and "No commits" in result.out


def snapshot(root: Path) -> dict[str, str]:
    """Every file of the work tree and of .git, by content and modification time."""
    found = {}
    for path in sorted(root.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            found[path.relative_to(root).as_posix()] = f"{hashlib.sha1(data).hexdigest()} {path.stat().st_mtime_ns}"
    return found


def git_state(root: Path) -> tuple[str, ...]:
    return (
        git(root, "status", "--porcelain"),
        git(root, "rev-parse", "HEAD"),
        git(root, "for-each-ref"),
        git(root, "stash", "list"),
    )


def test_the_repository_is_left_untouched(history: Path, cli, tmp_path: Path) -> None:
    state = git_state(history)  # git status may refresh the index: before the snapshot
    assert "app/settings.py" in state[0] and "notes.txt" in state[0] and state[3]
    files = snapshot(history)
    index = (history / ".git" / "index").read_bytes()
    for fmt in ("json", "text"):
        cli("session", "--since", base_sha(history), "--format", fmt, cwd=history)
    cli("session", "--since", "2000-01-01", "--output", str(tmp_path / "report.json"), "--format", "json", cwd=history)
    assert (history / ".git" / "index").read_bytes() == index
    assert snapshot(history) == files
    assert git_state(history) == state
    assert json.loads((tmp_path / "report.json").read_text())["summary"]["commits"] == len(EXPECTED) + 1


def test_time_ranges(make_repo, cli, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_repo({"app/a.py": "A = 1\n"}, git_init=False)
    git(root, "init", "-q", "-b", "main")
    dated = [
        ("2024-01-01T10:00:00+00:00", "january", {"docs/a.md": "a\n"}),
        ("2024-02-01T10:00:00+00:00", "february", {"app/a.py": "A = 2\n"}),
        ("2020-06-01T10:00:00+00:00", "skewed", {"docs/b.md": "b\n"}),  # a wrong clock
        ("2024-03-01T10:00:00+00:00", "march", {"docs/c.md": "c\n"}),
    ]
    for date, subject, files in dated:
        monkeypatch.setenv("GIT_COMMITTER_DATE", date)
        commit(root, subject, files)
    monkeypatch.delenv("GIT_COMMITTER_DATE")

    def subjects(since: str) -> list[str]:
        result = cli("session", "--since", since, "--format", "json", cwd=root)
        document = result.json()
        assert result.code == (1 if document["summary"]["functional"] else 0), result.err
        return [c["subject"] for c in document["commits"]]

    assert subjects("2024-02-01T10:00:00Z") == ["february", "march"]  # at or after
    assert subjects("2024-02-01T10:00:01+00:00") == ["march"]
    assert subjects("2024-02-01T12:00:00+02:00") == ["february", "march"]
    assert subjects("2024-01-15") == ["february", "march"]
    # Commits after the time are kept even behind an older (skewed) one.
    assert subjects("2023-01-01T00:00:00Z") == ["january", "february", "march"]
    result = cli("session", "--since", "2024-02-15T00:00:00Z", "--format", "json", cwd=root)
    assert result.code == 0 and result.json()["range"]["since_time"] == "2024-02-15T00:00:00+00:00"
    assert cli("session", "--since", "2024-01-15T00:00:00Z", cwd=root).code == 1
    # No offset: local time, as a real process in two time zones shows.
    tokyo = run_process("session", "--since", "2024-02-01 18:30", "--format", "json", cwd=root, env={"TZ": "Asia/Tokyo"})
    utc = run_process("session", "--since", "2024-02-01 18:30", "--format", "json", cwd=root, env={"TZ": "UTC"})
    assert [c["subject"] for c in tokyo.json()["commits"]] == ["february", "march"], tokyo.err
    assert [c["subject"] for c in utc.json()["commits"]] == ["march"], utc.err
    assert (tokyo.code, utc.code) == (1, 0)


@pytest.mark.parametrize(
    "args,message",
    [
        (("--since", "no-such-ref"), "--since: 'no-such-ref' is neither a commit nor an ISO-8601 time"),
        (("--since", "2024-13-45"), "--since: '2024-13-45' is neither a commit nor an ISO-8601 time"),
        (("--since", "HEAD~1", "--until", "nope"), "--until: 'nope' is not a commit in this repository"),
        (("--since=--all",), "--since: '--all' is neither a commit nor an ISO-8601 time"),
    ],
)
def test_errors_in_a_repository(history: Path, cli, args: tuple[str, ...], message: str) -> None:
    result = cli("session", *args, cwd=history)
    assert result.code == 2
    assert result.err == f"ssotlint: error: {message}\n"
    assert result.out == ""


def test_errors_outside_a_repository(tmp_path: Path, cli) -> None:
    plain = tmp_path / "plain"
    plain.mkdir()
    result = cli("session", "--since", "HEAD", cwd=plain)
    assert result.code == 2
    assert result.err == f"ssotlint: error: {plain.resolve()}: not a git repository\n"
    result = cli("session", str(tmp_path / "missing"), "--since", "HEAD")
    assert result.code == 2 and result.err.endswith("missing: no such file or directory\n")
    empty = tmp_path / "empty"
    empty.mkdir()
    git(empty, "init", "-q")
    result = cli("session", "--since", "HEAD", cwd=empty)
    assert (result.code, result.err) == (2, "ssotlint: error: the repository has no commits yet\n")
    result = cli("session", cwd=empty)
    assert result.code == 2 and "--since" in result.err and "Traceback" not in result.err


def test_as_a_process_with_repo_option(history: Path, tmp_path: Path) -> None:
    result = run_process("session", "--repo", str(history), "--since", "HEAD~1", "--format", "json", cwd=tmp_path)
    assert result.code == 1, result.err
    assert [c["subject"] for c in result.json()["commits"]] == ["docs and a one-character change"]
    bad = run_process("session", str(history), "--since", "nope", cwd=tmp_path)
    assert bad.code == 2 and bad.err.count("\n") == 1 and "Traceback" not in bad.err


def test_shallow_clone(history: Path, tmp_path: Path, cli) -> None:
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "2", history.as_uri(), str(clone)], check=True, capture_output=True)
    result = cli("session", "--since", "2000-01-01", "--format", "json", cwd=clone)
    assert result.code == 1, result.err
    boundary, last = result.json()["commits"]
    assert boundary["parents"] == []  # compared against the empty tree
    assert {f["status"] for f in boundary["files"]} == {"added"}
    assert last["subject"] == "docs and a one-character change"


def test_huge_commit_and_long_range(make_repo, cli) -> None:
    """Built with git fast-import: 300 commits, then one commit touching 3,000 files."""
    root = make_repo({}, git_init=False)
    git(root, "init", "-q", "-b", "main")
    stream = []
    for i in range(1, 301):
        msg = f"commit {i}\n"
        stream.append(f"commit refs/heads/main\nmark :{i}\ncommitter t <t@example.com> {1700000000 + i} +0000\ndata {len(msg)}\n{msg}")
        if i > 1:
            stream.append(f"from :{i - 1}\n")
        body = f"# page {i}\n" if i % 50 else f"X = {i}\n"
        name = f"docs/page{i % 10}.md" if i % 50 else "app/x.py"
        stream.append(f"M 100644 inline {name}\ndata {len(body)}\n{body}\n")
    msg = "format everything\n"
    stream.append(f"commit refs/heads/main\nmark :301\ncommitter t <t@example.com> 1700001000 +0000\ndata {len(msg)}\n{msg}from :300\n")
    for f in range(3000):
        body = f"def f{f}(x):\n    return x + {f}  # reformatted\n" if f != 1234 else "def f1234(x):\n    return x - 1234\n"
        stream.append(f"M 100644 inline pkg/m{f}.py\ndata {len(body)}\n{body}")
    stream.append("\n")
    subprocess.run(["git", "fast-import", "--quiet"], cwd=root, input="".join(stream).encode(), check=True)
    before = cli("session", "--since", "HEAD~1", "--format", "json", cwd=root)
    stream = []
    msg = "reformat everything\n"
    stream.append(f"commit refs/heads/main\nmark :302\ncommitter t <t@example.com> 1700002000 +0000\ndata {len(msg)}\n{msg}from refs/heads/main^0\n")
    for f in range(3000):
        body = f"def f{f}(x):  # same\n    return (x + {f})\n" if f != 1234 else "def f1234(x):\n    return x - 1234\n"
        if f % 3 == 0:
            stream.append(f"M 100644 inline pkg/m{f}.py\ndata {len(body)}\n{body}")
    stream.append("\n")
    subprocess.run(["git", "fast-import", "--quiet"], cwd=root, input="".join(stream).encode(), check=True)
    assert before.code == 1
    (c,) = before.json()["commits"]
    assert len(c["files"]) == 3000
    assert sum(f["kind"] == "functional" for f in c["files"]) == 3000  # all added
    result = cli("session", "--since", "HEAD~1", "--format", "json", cwd=root)
    (c,) = result.json()["commits"]
    assert len(c["files"]) == 1000 and result.code == 0
    assert {f["kind"] for f in c["files"]} == {"non-functional"}
    result = cli("session", "--since", "1999-01-01", "--format", "json", cwd=root)
    document = result.json()
    assert document["summary"] == {"commits": 302, "functional": 7}
    assert [c["subject"] for c in document["commits"]][:2] == ["commit 1", "commit 2"]


# ---------------------------------------------------------------------------------------
# The pure core, without git.


def test_compare_python_cases() -> None:
    source = b"import os\n\ndef run(url: str) -> None:\n    connect(url)\n\nif __name__ == '__main__':\n    run('x')\n"
    assert compare_python(source, source.replace(b"url: str", b"url")).equivalent is False
    assert compare_python(source, source.replace(b"if __name__ == '__main__':\n    run('x')\n", b"")).equivalent is False
    assert compare_python(source, source.replace(b"'x'", b'"x"')).equivalent is True
    assert compare_python(b"def f():\n    pass\n", b'def f():\n    """Doc."""\n').equivalent is True
    assert compare_python(b"x = 1\n", b"x = 1.0\n").equivalent is False
    assert compare_python(b"x = 1000\n", b"x = 1_000  # same value\n").equivalent is True
    assert compare_python(b"x = 1\r\n", b"x = 1\n").equivalent is True
    bad = compare_python(b"x = 1\n", b"x = (\n")
    assert bad.equivalent is False and "cannot be parsed" in bad.reason
    assert compare_python(b"\xff\xfe = 1\n", b"x = 1\n").equivalent is False


def test_manifest_cases() -> None:
    deps = b'[project]\ndependencies = ["a"]\n[tool.ruff]\nx = 1\n'
    assert compare_pyproject(deps, deps.replace(b'["a"]', b'["a", "b"]')).kind == "dependency"
    assert compare_pyproject(deps, deps.replace(b"x = 1", b"x = 2")).kind == "tooling"
    assert compare_pyproject(deps, deps.replace(b'[project]', b'[project]\nname = "n"')).kind == "config"
    tables = b'[tool.pytest.ini_options]\naddopts = "-q"\n[tool.coverage.run]\nbranch = true\n[tool.mypy]\nstrict = true\n'
    assert compare_pyproject(tables, tables.replace(b"-q", b"-v")).kind == "test"
    assert compare_pyproject(tables, tables.replace(b"branch = true", b"branch = false")).kind == "test"
    assert compare_pyproject(tables, tables.replace(b"-q", b"-v").replace(b"strict = true", b"strict = false")).kind == "tooling"
    assert compare_pyproject(tables, tables + b'[tool.ssotlint]\nsrc = ["app"]\n').kind == "tooling"
    for packaging in (b'[tool.setuptools]\npackages = ["a"]\n', b'[tool.hatch.build]\ninclude = ["a"]\n',
                      b'[project.scripts]\nrun = "a:main"\n', b'[tool.setuptools_scm]\n'):
        assert compare_pyproject(tables, tables + packaging).kind == "config", packaging
    cfg = b"[metadata]\nname = x\n[tool:pytest]\naddopts = -q\n[mypy-app.*]\nstrict = 1\n[flake8]\nmax = 1\n"
    assert compare_setup_cfg(cfg, cfg.replace(b"-q", b"-v")).kind == "test"
    assert compare_setup_cfg(cfg, cfg.replace(b"strict = 1", b"strict = 0").replace(b"max = 1", b"max = 2")).kind == "tooling"
    assert compare_setup_cfg(cfg, cfg.replace(b"name = x", b"name = y")).kind == "config"
    assert compare_pyproject(deps, deps + b"# comment\n").kind == "non-functional"
    assert compare_pyproject(deps, b"[project\n").kind == "dependency"
    assert compare_pyproject(deps, b"x = " + b"[" * 100_000 + b"]" * 100_000 + b"\n").kind == "dependency"
    assert compare_pyproject(b'[tool.poetry.group.dev.dependencies]\npytest = "^7"\n', b'[tool.poetry.group.dev.dependencies]\npytest = "^8"\n').kind == "dependency"
    setup = b"from setuptools import setup\nsetup(name='x', version='1', install_requires=['a'])\n"
    assert compare_setup_py(setup, setup.replace(b"['a']", b"['a', 'b']")).kind == "dependency"
    assert compare_setup_py(setup, setup.replace(b"'1'", b"'2'")).kind == "config"
    assert compare_setup_py(setup, setup.replace(b"setup(", b"setup(  # c\n    ")).kind == "non-functional"
    computed = b"from setuptools import setup\nREQS = ['a']\nsetup(name='x', install_requires=REQS)\n"
    assert compare_setup_py(computed, computed.replace(b"['a']", b"['b']")).kind == "dependency"


def test_classify_without_git() -> None:
    blobs = {"1": b"A = 1\n", "2": b"A = 1  # same\n", "3": b"A = 2\n"}
    policy = Policy.from_config(Config())

    def change(old: str | None, new: str | None, old_oid: str = "1", new_oid: str = "2", status: Status = Status.MODIFIED) -> FileChange:
        return FileChange(status, Side(old, old_oid, 0o100644) if old else None, Side(new, new_oid, 0o100644) if new else None)

    def kind(c: FileChange, p: Policy = policy) -> Kind:
        return classify(c, p, blobs.__getitem__).kind

    assert kind(change("app/a.py", "app/a.py")) is Kind.NON_FUNCTIONAL
    assert kind(change("app/a.py", "app/a.py", new_oid="3")) is Kind.FUNCTIONAL
    assert kind(change("app/a.py", "tests/a.py", status=Status.RENAMED)) is Kind.FUNCTIONAL
    assert kind(change("tests/a.py", "tests/b.py", status=Status.RENAMED)) is Kind.TEST
    assert kind(change(None, "app/new.py", status=Status.ADDED)) is Kind.FUNCTIONAL
    blobs["4"] = b"def broken(:\n"
    added = classify(change(None, "app/broken.py", new_oid="4", status=Status.ADDED), policy, blobs.__getitem__)
    assert added.kind is Kind.FUNCTIONAL and "cannot be parsed (line 1" in added.reason
    assert kind(change("app/a.py", "app/b.py", status=Status.COPIED)) is Kind.FUNCTIONAL
    assert kind(change("docs/requirements.txt", "docs/requirements.txt")) is Kind.DOCS
    assert kind(change("requirements.txt", "requirements/base.txt", new_oid="1", status=Status.RENAMED)) is Kind.DEPENDENCY
    assert kind(change("app/a.py", "lib/a.py", new_oid="1", status=Status.RENAMED)) is Kind.NON_FUNCTIONAL
    assert kind(change("infra/main.tf", "infra/main.tf")) is Kind.CONFIG
    assert kind(change(".gitignore", ".gitignore")) is Kind.NON_FUNCTIONAL
    assert kind(change("scripts/deploy.sh", "scripts/deploy.sh")) is Kind.FUNCTIONAL
    off = Policy.from_config(Config(session=SessionConfig(config_is_functional=False)))
    assert off.counts(Kind.CONFIG) is False and policy.counts(Kind.CONFIG) is True
