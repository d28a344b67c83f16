"""Shared helpers: small repositories on disk, and running the real CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

import pytest

from ssotlint.cli import main

REPO_ROOT = Path(__file__).resolve().parents[1]
FIXTURES = REPO_ROOT / "tests" / "fixtures"


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


def write_files(root: Path, files: Mapping[str, str | bytes]) -> None:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8", newline="")


def git(root: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    proc = subprocess.run(["git", *args], cwd=root, env=env, capture_output=True, text=True, check=True)
    return proc.stdout


@pytest.fixture
def make_repo(tmp_path: Path):
    """make_repo({"app/a.py": "..."}, config="...", git=True) -> root folder."""

    def make(files: Mapping[str, str | bytes], config: str = "", git_init: bool = False, name: str = "repo") -> Path:
        root = tmp_path / name
        root.mkdir()
        write_files(root, files)
        if "pyproject.toml" not in files:
            (root / "pyproject.toml").write_text("[tool.ssotlint]\n" + textwrap.dedent(config))
        if git_init:
            git(root, "init", "-q", "-b", "main")
            git(root, "add", "-A")
            git(root, "commit", "-q", "-m", "initial")
        return root

    return make


@pytest.fixture
def cli(capsys, monkeypatch):
    """Run ssotlint in-process: cli("check", str(root), "--format", "json")."""

    def run(*args: str, cwd: Path | None = None) -> Result:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        capsys.readouterr()
        code = main(list(args))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


def run_process(*args: str, cwd: Path | None = None, env: Mapping[str, str] | None = None, timeout: float = 300) -> Result:
    """Run ssotlint as a real process (for exit codes, signals, stdout/stderr separation)."""
    proc = subprocess.run(
        [sys.executable, "-m", "ssotlint", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=timeout,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)
