"""``ssotlint session``: files that are not the product, on a scripted history.

Reports and generated data nothing in production refers to, backup copies, developer-tool
tables of pyproject.toml, developer scripts (tooling), Python scripts without a ``.py``
suffix, and ``--author``. Verdicts are asserted per commit and per file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import git, write_files

PYPROJECT = """\
[project]
name = "demo"
version = "1.0"
dependencies = ["requests"]

[tool.pytest.ini_options]
addopts = "-q"

[tool.mypy]
strict = false

[tool.ssotlint]
"""

LOADER = """\
import json


def limits():
    with open("config/limits.json") as f:
        return json.load(f)
"""

MIGRATE = """\
import json
import time


def write_report(rows):
    stamp = time.strftime("%Y%m%dT%H%M")
    with open(f"migration_report_{stamp}.json", "w") as f:
        json.dump(rows, f)
"""

MANAGE = "#!/usr/bin/env python3\nimport sys\n\n\ndef main():\n    return 0\n\n\nsys.exit(main())\n"

DOCKERFILE = "FROM python:3.12\nCOPY scripts/entrypoint.sh /entrypoint.sh\nCOPY . /app\nCMD [\"/entrypoint.sh\"]\n"

# subject -> (functional?, {path: kind} of every file)
EXPECTED: dict[str, tuple[bool, dict[str, str]]] = {
    "test results and reports": (False, {
        "test_results/run_42.json": "non-functional",
        "reports/2024/daily/summary.json": "non-functional",
        "SPEC/generated/index.json": "non-functional",
        "reports/coverage.csv": "non-functional",
    }),
    "timestamped migration report": (False, {"migration_report_20240101T1200.json": "non-functional"}),
    "tune the limits": (True, {"config/limits.json": "functional"}),
    "backup copies": (False, {
        "app/loader.py.backup_20240101": "non-functional",
        "app/migrate.py.bak": "non-functional",
        "Dockerfile.orig": "non-functional",
        "app/__init__.py~": "non-functional",
        "config/limits.backup.json": "non-functional",
    }),
    "pytest options": (False, {"pyproject.toml": "test"}),
    "mypy and pytest options": (False, {"pyproject.toml": "tooling"}),
    "one-off fix script": (False, {"scripts/fix_imports.py": "tooling", "scripts/run_checks.sh": "tooling"}),
    "entrypoint": (True, {"scripts/entrypoint.sh": "functional"}),
    "reword the manage script": (False, {"bin/manage": "non-functional"}),
    "manage exits 1": (True, {"bin/manage": "functional"}),
    "shell tool without suffix": (True, {"bin/deploy": "functional"}),
    "a loader that reads reports": (True, {"app/reports.py": "functional"}),
    "reports are now read": (True, {"reports/2024/daily/summary.json": "functional"}),
}


def commit(root: Path, subject: str, files: dict[str, str], author: str | None = None) -> None:
    write_files(root, files)
    git(root, "add", "-A")
    args = ["commit", "-q", "-m", subject]
    if author:
        args += ["--author", f"{author} <{author.lower()}@example.com>"]
    git(root, *args)


def build(root: Path) -> None:
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    commit(root, "base", {
        "pyproject.toml": PYPROJECT,
        "Dockerfile": DOCKERFILE,
        "app/__init__.py": "",
        "app/loader.py": LOADER,
        "app/migrate.py": MIGRATE,
        "config/limits.json": '{"max": 10}\n',
        "scripts/entrypoint.sh": "#!/bin/sh\nexec python -m app\n",
        "scripts/fix_imports.py": "print('fixing')\n",
        "bin/manage": MANAGE,
        "bin/deploy": "#!/bin/sh\necho deploy\n",
        "reports/2024/daily/summary.json": "{}\n",
    })
    commit(root, "test results and reports", {
        "test_results/run_42.json": '{"passed": 3}\n',
        "reports/2024/daily/summary.json": '{"ok": true}\n',
        "SPEC/generated/index.json": "[]\n",
        "reports/coverage.csv": "file,cover\n",
    })
    commit(root, "timestamped migration report", {"migration_report_20240101T1200.json": "[]\n"})
    commit(root, "tune the limits", {"config/limits.json": '{"max": 20}\n'})
    commit(root, "backup copies", {
        "app/loader.py.backup_20240101": LOADER,
        "app/migrate.py.bak": MIGRATE,
        "Dockerfile.orig": DOCKERFILE,
        "app/__init__.py~": "x = 1\n",
        "config/limits.backup.json": '{"max": 10}\n',
    })
    commit(root, "pytest options", {"pyproject.toml": PYPROJECT.replace('"-q"', '"-v"')})
    commit(root, "mypy and pytest options", {"pyproject.toml": PYPROJECT.replace("false", "true")})
    commit(root, "one-off fix script", {
        "scripts/fix_imports.py": "print('fixing all')\n",
        "scripts/run_checks.sh": "#!/bin/sh\npytest\n",
    }, author="Other")
    commit(root, "entrypoint", {"scripts/entrypoint.sh": "#!/bin/sh\nexec python -m app --prod\n"}, author="Other")
    commit(root, "reword the manage script", {"bin/manage": MANAGE.replace("import sys\n", "# The CLI.\nimport sys  # for exit\n")})
    commit(root, "manage exits 1", {"bin/manage": MANAGE.replace("return 0", "return 1")})
    commit(root, "shell tool without suffix", {"bin/deploy": "#!/bin/sh\necho deploy now\n"})
    commit(root, "a loader that reads reports", {
        "app/reports.py": "from pathlib import Path\n\nDAILY = Path('reports/2024/daily/summary.json')\n",
    })
    commit(root, "reports are now read", {"reports/2024/daily/summary.json": '{"ok": false}\n'})


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("classes") / "repo"
    build(root)
    return root


def session(cli, root: Path, *args: str) -> dict[str, Any]:
    base = git(root, "rev-list", "--max-parents=0", "HEAD").strip()
    result = cli("session", str(root), "--since", base, "--format", "json", *args)
    assert result.code in (0, 1), result.err
    document = result.json()
    assert result.code == (1 if document["summary"]["functional"] else 0)
    return {c["subject"]: c for c in document["commits"]}


def test_each_class_gets_its_verdict(history: Path, cli) -> None:
    commits = session(cli, history)
    assert set(commits) == set(EXPECTED)
    for subject, (functional, kinds) in EXPECTED.items():
        c = commits[subject]
        assert {f["path"]: f["kind"] for f in c["files"]} == kinds, (subject, c["files"])
        assert c["functional"] is functional, (subject, c["files"])


def test_reasons_name_what_refers_to_a_file(history: Path, cli) -> None:
    commits = session(cli, history)

    def reason(subject: str, path: str) -> str:
        return next(f["reason"] for f in commits[subject]["files"] if f["path"] == path)

    assert reason("tune the limits", "config/limits.json").endswith("referred to by app/loader.py")
    assert reason("entrypoint", "scripts/entrypoint.sh").endswith("referred to by Dockerfile")
    assert "no production code or deployment file refers to" in reason("test results and reports", "test_results/run_42.json")
    assert reason("reports are now read", "reports/2024/daily/summary.json").endswith("referred to by app/reports.py")
    assert "backup" in reason("backup copies", "app/migrate.py.bak")
    assert "[tool.pytest]" in reason("pytest options", "pyproject.toml")
    # compared as Python: the changed scope is named
    assert reason("manage exits 1", "bin/manage") == "changed main (line 6)"
    assert reason("reword the manage script", "bin/manage") == "only comments or formatting changed"


def test_tooling_is_shown_in_text_but_does_not_flip_the_verdict(history: Path, cli, tmp_path: Path) -> None:
    base = git(history, "rev-list", "--max-parents=0", "HEAD").strip()
    result = cli("session", str(history), "--since", base)
    row = next(line for line in result.out.splitlines() if "one-off fix script" in line)
    assert "read-only" in row and "scripts/fix_imports.py (tooling)" in row
    config = tmp_path / "tooling.toml"
    config.write_text('[tool.ssotlint.session]\ntooling-paths = ["scripts/fix_*"]\ntooling-is-functional = true\n')
    commits = session(cli, history, "--config", str(config))
    c = commits["one-off fix script"]
    assert c["functional"] is True
    assert {f["path"]: f["kind"] for f in c["files"]} == {"scripts/fix_imports.py": "tooling", "scripts/run_checks.sh": "functional"}


def test_author_limits_the_range(history: Path, cli) -> None:
    commits = session(cli, history, "--author", "^Other ")
    assert list(commits) == ["one-off fix script", "entrypoint"]
    commits = session(cli, history, "--author", "nobody-at-all")
    assert commits == {}
    base = git(history, "rev-list", "--max-parents=0", "HEAD").strip()
    document = cli("session", str(history), "--since", base, "--author", "other@", "--format", "json").json()
    assert document["range"]["author"] == "other@"
    assert document["summary"] == {"commits": 2, "functional": 1}


SERVICE = "def rate():\n    return 1\n\n\n\n\ndef burst():\n    return 2\n"


def build_merges(root: Path) -> None:
    """Branches merged cleanly, with a conflict resolved in code and in docs, and with an
    extra change slipped into a clean merge ("evil merge")."""
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    commit(root, "base", {"app/__init__.py": "", "app/service.py": SERVICE, "docs/guide.md": "one\n"})

    def branch(name: str, subject: str, files: dict[str, str]) -> None:
        git(root, "checkout", "-q", "-b", name, "main")
        commit(root, subject, files)
        git(root, "checkout", "-q", "main")

    branch("rate", "rate 10", {"app/service.py": SERVICE.replace("return 1", "return 10")})
    commit(root, "burst 20", {"app/service.py": SERVICE.replace("return 2", "return 20")})
    git(root, "merge", "-q", "--no-ff", "rate", "-m", "clean merge")

    branch("burst", "burst 30", {"app/service.py": SERVICE.replace("return 1", "return 10").replace("return 2", "return 30")})
    commit(root, "burst 40", {"app/service.py": SERVICE.replace("return 1", "return 10").replace("return 2", "return 40")})
    subprocess_ok = git_may_fail(root, "merge", "-q", "burst", "-m", "resolve in code")
    assert not subprocess_ok  # a conflict
    write_files(root, {"app/service.py": SERVICE.replace("return 1", "return 10").replace("return 2", "return 35")})
    git(root, "add", "-A")
    git(root, "commit", "-q", "--no-edit", "-m", "resolve in code")

    branch("words", "words two", {"docs/guide.md": "two\n"})
    commit(root, "words three", {"docs/guide.md": "three\n"})
    assert not git_may_fail(root, "merge", "-q", "words", "-m", "resolve in docs")
    write_files(root, {"docs/guide.md": "two and three\n"})
    git(root, "add", "-A")
    git(root, "commit", "-q", "--no-edit", "-m", "resolve in docs")

    branch("notes", "notes", {"docs/notes.md": "notes\n"})
    git(root, "merge", "-q", "--no-ff", "--no-commit", "notes")
    write_files(root, {"app/extra.py": "FLAG = True\n"})
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "evil merge")


def git_may_fail(root: Path, *args: str) -> bool:
    try:
        git(root, *args)
    except Exception:  # noqa: BLE001 - CalledProcessError: the conflict we want
        return False
    return True


@pytest.fixture(scope="module")
def merges(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("merges") / "repo"
    build_merges(root)
    return root


def test_a_merge_is_judged_by_its_resolution(merges: Path, cli) -> None:
    commits = session(cli, merges)
    kinds = {s: ({f["path"]: f["kind"] for f in c["files"]}, c["functional"]) for s, c in commits.items()}
    assert kinds["clean merge"] == ({}, False)
    assert kinds["resolve in code"] == ({"app/service.py": "functional"}, True)
    assert kinds["resolve in docs"] == ({"docs/guide.md": "docs"}, False)
    assert kinds["evil merge"] == ({"app/extra.py": "functional"}, True)
    assert kinds["rate 10"] == ({"app/service.py": "functional"}, True)  # the branch's own commit
    reason = commits["resolve in code"]["files"][0]["reason"]
    assert reason.startswith("merge resolution: ")


def test_first_parent_judges_a_merge_by_what_it_brought_in(merges: Path, cli) -> None:
    commits = session(cli, merges, "--first-parent")
    assert "rate 10" not in commits and "words two" not in commits and "notes" not in commits
    kinds = {s: {f["path"]: f["kind"] for f in c["files"]} for s, c in commits.items()}
    assert kinds["clean merge"] == {"app/service.py": "functional"}
    assert kinds["resolve in docs"] == {"docs/guide.md": "docs"}
    assert kinds["evil merge"] == {"app/extra.py": "functional", "docs/notes.md": "docs"}
    assert not any(f["reason"].startswith("merge resolution") for c in commits.values() for f in c["files"])


def test_merge3() -> None:
    from ssotlint.session.merges import merge3

    base = [b"a\n", b"b\n", b"c\n", b"d\n", b"e\n"]
    ours = [b"A\n", b"b\n", b"c\n", b"d\n", b"e\n"]
    theirs = [b"a\n", b"b\n", b"c\n", b"d\n", b"E\n"]
    assert merge3(base, ours, theirs) == [b"A\n", b"b\n", b"c\n", b"d\n", b"E\n"]
    assert merge3(base, ours, ours) == ours
    assert merge3(base, ours, [b"X\n", *base[1:]]) is None  # both changed the first line
    assert merge3(base, base[1:], [*base, b"f\n"]) == [*base[1:], b"f\n"]


def test_ci_naming_a_script_or_report_does_not_make_it_behaviour(make_repo, cli) -> None:
    root = make_repo({
        "app/__init__.py": "",
        ".github/workflows/ci.yml": "jobs:\n  t:\n    steps:\n      - run: scripts/test\n"
        "      - uses: upload\n        with:\n          path: reports/results.json\n",
        "scripts/test": "#!/bin/sh\npytest\n",
        "reports/results.json": "{}\n",
    }, git_init=True)
    commit(root, "tweak", {"scripts/test": "#!/bin/sh\npytest -x\n", "reports/results.json": "[]\n"})
    commits = session(cli, root)
    kinds = {f["path"]: f["kind"] for f in commits["tweak"]["files"]}
    assert kinds == {"scripts/test": "tooling", "reports/results.json": "non-functional"}
    assert commits["tweak"]["functional"] is False
