"""A monorepo's nested projects (``server/``, ``sdk/``) declare their own Python: each file is
judged for the target of the nearest folder above it whose pyproject.toml declares one, in
the working tree (check), in a commit (diff) and along a history (score --history)."""

from __future__ import annotations

import os
import sys

import pytest

from tests.conftest import git, write_files

RUNNING = sys.version_info[:2]
NEWER = (3, RUNNING[1] + 1)
NEWER_TEXT = f"{NEWER[0]}.{NEWER[1]}"
RUNNING_TEXT = f"{RUNNING[0]}.{RUNNING[1]}"

# Syntax of Python 3.12 (a type statement), then a broken first-party import: when the file
# is judged for its target it parses, and the import is found.
NEW_SYNTAX = "import os\ntype Alias = int\nfrom app.missing import X\n"


def nested(requires: str, extra: str = "") -> str:
    return f'[project]\nname = "svc"\nrequires-python = "{requires}"\n{extra}'


MONOREPO = {
    "pyproject.toml": "[tool.ssotlint]\n",  # the root targets nothing
    "app/__init__.py": "",
    "server/pyproject.toml": nested(f">={NEWER_TEXT}"),
    "server/svc/__init__.py": "",
    "server/svc/new.py": NEW_SYNTAX,
    # A deeper pyproject.toml without a target: its files keep server/'s.
    "server/plugins/pyproject.toml": '[project]\nname = "plugins"\n',
    "server/plugins/p.py": NEW_SYNTAX,
    # A nested project on the running Python: the interpreter's verdict stands there.
    "server/legacy/pyproject.toml": nested(f">={RUNNING_TEXT}"),
    "server/legacy/old.py": NEW_SYNTAX,
    # Outside every nested project: the root's (no) target.
    "tools/new.py": NEW_SYNTAX,
}


def found(result) -> list[tuple[str, str, int]]:
    return sorted((v["rule"], v["path"], v["line"]) for v in result.json()["violations"])


EXPECTED = [
    ("SSOT000", "server/legacy/old.py", 2),
    ("SSOT000", "tools/new.py", 2),
    ("SSOT003", "server/plugins/p.py", 3),
    ("SSOT003", "server/svc/new.py", 3),
]


@pytest.mark.skipif(RUNNING >= (3, 12), reason="the interpreter itself accepts 3.12 syntax")
@pytest.mark.parametrize("git_init", [False, True])
def test_each_file_is_judged_for_its_nested_project(make_repo, cli, git_init):
    root = make_repo(MONOREPO, git_init=git_init)
    result = cli("check", str(root), "--format", "json", "--no-cache")
    assert found(result) == EXPECTED
    lines = [line for line in result.err.splitlines() if "targets Python" in line]
    assert lines == [
        f"ssotlint: warning: the nested project server/ targets Python {NEWER_TEXT} "
        f"(requires-python = '>={NEWER_TEXT}' in server/pyproject.toml), newer than the running Python "
        f"{RUNNING_TEXT}: its files this interpreter cannot compile are judged by LibCST's parser for "
        f"Python {NEWER_TEXT}"
    ]


@pytest.mark.skipif(RUNNING >= (3, 12), reason="the interpreter itself accepts 3.12 syntax")
def test_the_root_target_holds_where_no_nested_project_says_otherwise(make_repo, cli):
    files = {**MONOREPO, "pyproject.toml": f'[project]\nname = "mono"\nrequires-python = ">={NEWER_TEXT}"\n'}
    result = cli("check", str(make_repo(files)), "--format", "json", "--no-cache")
    # tools/ now follows the root; server/legacy/ still declares the running Python.
    assert found(result) == sorted([e for e in EXPECTED if e[1] != "tools/new.py"] + [("SSOT003", "tools/new.py", 3)])
    assert sum("targets Python" in line for line in result.err.splitlines()) == 2


@pytest.mark.skipif(RUNNING >= (3, 12), reason="the interpreter itself accepts 3.12 syntax")
def test_a_nested_ssotlint_target_version_wins_over_its_requires_python(make_repo, cli):
    files = {**MONOREPO, "server/pyproject.toml": nested(">=3.8", f'[tool.ssotlint]\ntarget-version = "py3{NEWER[1]}"\n')}
    result = cli("check", str(make_repo(files)), "--format", "json", "--no-cache")
    assert found(result) == EXPECTED
    assert f"(target-version = 'py3{NEWER[1]}' in server/pyproject.toml)" in result.err


@pytest.mark.skipif(RUNNING >= (3, 12), reason="the interpreter itself accepts 3.12 syntax")
def test_the_cache_keeps_the_nested_verdicts_apart(make_repo, cli):
    root = make_repo(MONOREPO)
    first = cli("check", str(root), "--format", "json")
    assert found(first) == EXPECTED
    assert found(cli("check", str(root), "--format", "json")) == EXPECTED  # the result cache
    # The nested project now targets the running Python: its files are judged by it.
    (root / "server/pyproject.toml").write_text(nested(f">={RUNNING_TEXT}"))
    again = cli("check", str(root), "--format", "json")
    assert ("SSOT000", "server/svc/new.py", 2) in found(again)
    assert ("SSOT000", "server/plugins/p.py", 2) in found(again)
    assert "targets Python" not in again.err


@pytest.mark.skipif(RUNNING >= (3, 12), reason="the interpreter itself accepts 3.12 syntax")
def test_a_nested_configuration_is_read_safely(make_repo, cli, tmp_path):
    """The repository is untrusted: a link is not followed out of it, a FIFO is not opened,
    an oversized or broken file is not a target (nor an error)."""
    outside = tmp_path / "outside.toml"
    outside.write_text(nested(f">={NEWER_TEXT}"))
    # (server/legacy/ declares the running Python: the project declares one, so syntax no
    # declared target accepts is reported.)
    base = {
        p: c for p, c in MONOREPO.items()
        if not p.startswith("server/") or p.startswith(("server/svc/", "server/legacy/pyproject.toml"))
    }
    linked = make_repo(base, name="linked")
    (linked / "server/pyproject.toml").symlink_to(outside)
    fifo = make_repo(base, name="fifo")
    os.mkfifo(fifo / "server/pyproject.toml")
    huge = make_repo({**base, "server/pyproject.toml": nested(f">={NEWER_TEXT}") + "#" * 1_100_000 + "\n"}, name="huge")
    broken = make_repo({**base, "server/pyproject.toml": "[project\nrequires-python = '>=3.99'\n"}, name="broken")
    for root in (linked, fifo, huge, broken):
        result = cli("check", str(root), "--format", "json", "--no-cache")
        assert result.code == 1, result.err
        assert ("SSOT000", "server/svc/new.py", 2) in found(result), root
        assert "targets Python" not in result.err


@pytest.mark.skipif(RUNNING >= (3, 12), reason="the interpreter itself accepts 3.12 syntax")
def test_diff_reads_the_base_commits_nested_targets(make_repo, cli):
    root = make_repo(MONOREPO, git_init=True)
    write_files(root, {"server/svc/other.py": "from app.gone import Y\n"})
    git(root, "add", "-A")
    git(root, "commit", "-qm", "second")
    result = cli("diff", str(root), "--base", "HEAD~1", "--format", "json", "--no-cache")
    document = result.json()
    # Judged alike in base and tree: only the new broken import is new, nothing is fixed.
    assert [(v["path"], v["rule"]) for v in document["new"]] == [("server/svc/other.py", "SSOT003")]
    assert document["fixed"] == []
    assert document["unchanged"] == len(EXPECTED)


@pytest.mark.skipif(RUNNING >= (3, 12), reason="the interpreter itself accepts 3.12 syntax")
def test_history_reads_each_commits_nested_targets(make_repo, cli):
    root = make_repo(MONOREPO, git_init=True)
    # Second commit: server/ now targets the running Python (its new syntax breaks);
    # third: back to the newer target, with an unrelated change.
    (root / "server/pyproject.toml").write_text(nested(f">={RUNNING_TEXT}"))
    git(root, "commit", "-qam", "server on the running Python")
    (root / "server/pyproject.toml").write_text(nested(f">={NEWER_TEXT}"))
    write_files(root, {"app/x.py": "X = 1\n"})
    git(root, "add", "-A")
    git(root, "commit", "-qm", "back to the newer Python")
    result = cli("score", "--history", str(root), "--format", "json", "--no-cache")
    assert result.code == 0, result.err
    commits = result.json()["commits"]
    assert [c["files_not_analysed"] for c in commits] == [2, 4, 2]
    assert [c["by_rule"].get("SSOT003", 0) for c in commits] == [2, 0, 2]
    assert "the nested project server/ targets Python" in result.err


CONTAINERS = {
    "pyproject.toml": "[tool.ssotlint]\n",  # the project declares no version
    "app/__init__.py": "",
    "workers/ovh/Dockerfile": f"FROM python:{NEWER_TEXT}-slim\n",
    "workers/ovh/run.py": NEW_SYNTAX,
    "tools/new.py": NEW_SYNTAX,
}


@pytest.mark.skipif(RUNNING >= (3, 12), reason="the interpreter itself accepts 3.12 syntax")
def test_history_and_diff_read_each_commits_folder_dockerfiles(make_repo, cli):
    """A folder's Dockerfile (the project declares no version) is read from each commit,
    like a nested pyproject.toml: changing its image changes the verdict of its files."""
    root = make_repo(CONTAINERS, git_init=True)
    (root / "workers/ovh/Dockerfile").write_text(f"FROM python:{RUNNING_TEXT}-slim\n")
    git(root, "commit", "-qam", "worker on the running Python")
    (root / "workers/ovh/Dockerfile").write_text("FROM python:3-slim\n")
    write_files(root, {"app/x.py": "X = 1\n"})
    git(root, "add", "-A")
    git(root, "commit", "-qm", "worker on the newest Python")
    result = cli("score", "--history", str(root), "--format", "json", "--no-cache")
    assert result.code == 0, result.err
    commits = result.json()["commits"]
    assert [c["files_not_analysed"] for c in commits] == [1, 2, 1]
    assert [c["by_rule"].get("SSOT003", 0) for c in commits] == [1, 0, 1]
    # The first commit's worker ran a newer Python too: judged alike, nothing new or fixed.
    diff = cli("diff", str(root), "--base", "HEAD~2", "--format", "json", "--no-cache").json()
    assert (diff["new"], diff["fixed"]) == ([], [])
    diff = cli("diff", str(root), "--base", "HEAD~1", "--format", "json", "--no-cache").json()
    assert [(v["path"], v["rule"]) for v in diff["new"]] == [("workers/ovh/run.py", "SSOT003")]
    assert [(v["path"], v["rule"]) for v in diff["fixed"]] == [("workers/ovh/run.py", "SSOT000")]


WALRUS = "def first(xs):\n    if (n := len(xs)) > 0:\n        return xs[0], n\n"
SETUP = "from setuptools import setup\n\nsetup(name='{name}', python_requires='{requires}')\n"


@pytest.mark.parametrize("git_init", [False, True])
def test_a_nested_setup_py_declares_its_distributions_python(make_repo, cli, git_init):
    """GridCal ships its engine from ``src/VeraGridEngine/setup.py`` (``python_requires
    >=3.8``) beside a stale root ``setup.py`` (``>=3.7``): the engine's walrus is valid for
    the engine's own Python, and still reported where only the root's holds. A folder's
    pyproject.toml that declares a target comes before its setup.py."""
    files = {
        "setup.py": SETUP.format(name="mono", requires=">=3.7"),
        "src/engine/setup.py": SETUP.format(name="engine", requires=">=3.8"),
        "src/engine/engine/__init__.py": "",
        "src/engine/engine/core.py": WALRUS,
        "src/both/setup.py": SETUP.format(name="both", requires=">=3.8"),
        "src/both/pyproject.toml": nested(">=3.7"),
        "src/both/both/__init__.py": "",
        "src/both/both/core.py": WALRUS,
        "tools/walrus.py": WALRUS,
    }
    result = cli("check", str(make_repo(files, git_init=git_init)), "--format", "json", "--no-cache")
    assert found(result) == [("SSOT000", "src/both/both/core.py", 2), ("SSOT000", "tools/walrus.py", 2)]
    old = {**files, "src/engine/engine/old.py": "x = f'{1=}'\n", "src/engine/setup.py": SETUP.format(name="engine", requires=">=3.6")}
    result = cli("check", str(make_repo(old, git_init=git_init, name="old")), "--format", "json", "--no-cache")
    [message] = [v["message"] for v in result.json()["violations"] if v["path"] == "src/engine/engine/old.py"]
    # The reason names the setup.py it comes from, and no pyproject.toml the folder lacks.
    assert "(src/engine/setup.py python_requires = '>=3.6')" in message, message
    if git_init:
        history = cli("score", str(make_repo(files, git_init=True, name="hist")), "--history", "--format", "json", "--no-cache")
        [point] = history.json()["commits"]
        assert point["by_rule"] == {"SSOT000": 2}
