"""A project that declares no Python version but evidently runs a newer one than the
interpreter running ssotlint (its container's base image, its CI's setup-python versions,
``runtime.txt``, ``.tool-versions``): its syntax is judged for the oldest of those, and the
warning says where it came from. The files are read as text, never run."""

from __future__ import annotations

import os
import sys

import pytest

from ssotlint.config_project import ci_pythons, dockerfile_pythons

RUNNING = sys.version_info[:2]
NEWER = (3, RUNNING[1] + 1)
NEWER_TEXT = f"{NEWER[0]}.{NEWER[1]}"
NEWEST_TEXT = f"{NEWER[0]}.{NEWER[1] + 1}"
RUNNING_TEXT = f"{RUNNING[0]}.{RUNNING[1]}"

FILES = {
    "app/__init__.py": "",
    # Syntax of Python 3.12 (a type statement, a generic class); then a broken import, which
    # is found only when the file is analysed.
    "app/new.py": "import os\ntype Alias = int\nclass Box[T]:\n    pass\nfrom app.missing import X\n",
    "app/bad.py": "x = 1\n1syntax_error\n",
    "pyproject.toml": '[project]\nname = "demo"\n',
}

WORKFLOW = f"""name: CI
on: [push]
jobs:
  test:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        python: ["{NEWEST_TEXT}", "{NEWER_TEXT}"]
        node-version: ["18"]
    steps:
      - name: Set up Python ${{{{ matrix.python }}}}
        uses: actions/setup-python@v5
        with:
          python-version: ${{{{ matrix.python }}}}
"""


def found(result) -> list[tuple[str, str, int]]:
    return [(v["rule"], v["path"], v["line"]) for v in result.json()["violations"]]


NEWER_SYNTAX_ANALYSED = [("SSOT000", "app/bad.py", 2), ("SSOT003", "app/new.py", 5)]
NEWER_SYNTAX_REPORTED = [("SSOT000", "app/bad.py", 2), ("SSOT000", "app/new.py", 2)]
# Nothing declares a Python at all: a file of newer syntax is not reported (a warning says so).
NEWER_SYNTAX_UNDECLARED = [("SSOT000", "app/bad.py", 2)]

needs_older_interpreter = pytest.mark.skipif(NEWER > (3, 14), reason="LibCST knows no newer Python")


@needs_older_interpreter
def test_the_oldest_python_of_the_container_and_the_ci_is_the_target(make_repo, cli):
    """Tandoor's shape: no requires-python, ``FROM python:3.13-alpine`` and CI on 3.12."""
    root = make_repo(
        {
            **FILES,
            "Dockerfile": f"FROM python:{NEWEST_TEXT}-alpine AS base\nRUN pip install -r requirements.txt\n",
            ".github/workflows/ci.yml": WORKFLOW,
        }
    )
    result = cli("check", str(root), "--format", "json", "--no-cache")
    assert found(result) == NEWER_SYNTAX_ANALYSED
    assert (
        f"the project targets Python {NEWER_TEXT} (.github/workflows/ci.yml:8 python '{NEWER_TEXT}'; the oldest "
        f"of the Pythons it runs on: {NEWER_TEXT}, {NEWEST_TEXT}), newer than the running Python {RUNNING_TEXT}"
    ) in result.err


@needs_older_interpreter
@pytest.mark.parametrize(
    "evidence, source",
    [
        ({"Dockerfile": f"ARG PYTHON_VERSION={NEWER_TEXT}\nFROM --platform=linux/amd64 docker.io/library/python:${{PYTHON_VERSION}}-slim\n"},
         f"Dockerfile:2 FROM docker.io/library/python:{NEWER_TEXT}-slim"),
        ({"docker/web.Dockerfile": f"FROM python:{NEWER_TEXT}\n"}, f"docker/web.Dockerfile:1 FROM python:{NEWER_TEXT}"),
        ({".gitlab-ci.yml": f"test:\n  image: python:{NEWER_TEXT}-bookworm\n  script: pytest\n"},
         f".gitlab-ci.yml:2 image python:{NEWER_TEXT}-bookworm"),
        ({"runtime.txt": f"python-{NEWER_TEXT}.4\n"}, f"runtime.txt 'python-{NEWER_TEXT}.4'"),
        ({".tool-versions": f"nodejs 20.1.0\npython {NEWER_TEXT}.1\n"}, f".tool-versions 'python {NEWER_TEXT}.1'"),
        ({".github/workflows/test.yaml": f"env:\n  PY: '{NEWER_TEXT}'\njobs:\n  t:\n    steps:\n      - uses: actions/setup-python@v5\n"
          "        with:\n          python-version: ${{ env.PY }}\n"},
         f".github/workflows/test.yaml:2 PY '{NEWER_TEXT}'"),
    ],
    ids=["ARG in FROM", "a folder's Dockerfile", "gitlab image", "runtime.txt", ".tool-versions", "env in a workflow"],
)
def test_each_kind_of_evidence(make_repo, cli, evidence, source):
    root = make_repo({**FILES, **evidence})
    result = cli("check", str(root), "--format", "json", "--no-cache")
    assert found(result) == NEWER_SYNTAX_ANALYSED
    assert f"the project targets Python {NEWER_TEXT} ({source}), newer than the running" in result.err


@pytest.mark.parametrize(
    "files",
    [
        # The CI also runs the running interpreter: the code must parse there.
        {"Dockerfile": f"FROM python:{NEWER_TEXT}-alpine\n",
         ".github/workflows/ci.yml": f"jobs:\n  t:\n    strategy:\n      matrix:\n        python-version:\n          - '{RUNNING_TEXT}'\n          - '{NEWER_TEXT}'\n"},
        # A declared version wins over what the project runs on.
        {"Dockerfile": f"FROM python:{NEWER_TEXT}-alpine\n",
         "pyproject.toml": f'[project]\nname = "demo"\nrequires-python = ">={RUNNING_TEXT}"\n'},
        {"Dockerfile": f"FROM python:{NEWER_TEXT}\n", "setup.cfg": f"[options]\npython_requires = >={RUNNING_TEXT}\n"},
        # Another image, an open version in CI, a Python 2 image, a moving tag other than
        # python:3: they say nothing.
        {"Dockerfile": "FROM node:20\nFROM python:2.7\nFROM python:latest\n",
         ".github/workflows/ci.yml": "jobs:\n  t:\n    steps:\n      - with:\n          python-version: '3.x'\n"},
        # python:3 with the running Python in CI: the oldest is the running one.
        {"Dockerfile": "FROM python:3-slim\n",
         ".github/workflows/ci.yml": f"jobs:\n  t:\n    steps:\n      - with:\n          python-version: '{RUNNING_TEXT}'\n"},
        # A folder two levels down is not looked into, nor a vendored one.
        {"services/api/Dockerfile": f"FROM python:{NEWER_TEXT}\n", "node_modules/Dockerfile": f"FROM python:{NEWER_TEXT}\n"},
    ],
    ids=["CI runs the running Python", "requires-python", "python_requires", "no version", "python:3 and CI", "too deep"],
)
def test_what_does_not_make_a_newer_target(make_repo, cli, files, request):
    root = make_repo({**FILES, **files})
    result = cli("check", str(root), "--format", "json", "--no-cache")
    undeclared = request.node.callspec.id == "no version"
    assert found(result) == (NEWER_SYNTAX_UNDECLARED if undeclared else NEWER_SYNTAX_REPORTED)
    assert ("the project declares no Python" in result.err) is undeclared, result.err
    assert "targets Python" not in result.err


@needs_older_interpreter
def test_a_changed_dockerfile_changes_the_cached_verdict(make_repo, cli):
    """The target is part of the configuration's digest, which keys cached results."""
    root = make_repo({**FILES, "Dockerfile": f"FROM python:{NEWER_TEXT}-slim\n"})
    assert found(cli("check", str(root), "--format", "json")) == NEWER_SYNTAX_ANALYSED
    assert found(cli("check", str(root), "--format", "json")) == NEWER_SYNTAX_ANALYSED
    (root / "Dockerfile").write_text(f"FROM python:{RUNNING_TEXT}-slim\n")
    assert found(cli("check", str(root), "--format", "json")) == NEWER_SYNTAX_REPORTED


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_container_and_ci_files_that_are_not_regular_files_are_not_read(make_repo, cli, tmp_path):
    outside = tmp_path / "outside"
    outside.write_text(f"FROM python:{NEWER_TEXT}\n")
    root = make_repo(FILES)
    (root / "Dockerfile").symlink_to(outside)
    (root / ".github" / "workflows").mkdir(parents=True)
    os.mkfifo(root / ".github" / "workflows" / "ci.yml")
    result = cli("check", str(root), "--format", "json", "--no-cache")
    assert found(result) == NEWER_SYNTAX_UNDECLARED
    assert "targets Python" not in result.err
    assert "the project declares no Python" in result.err


def test_ci_versions_read_as_yaml_text():
    text = (
        "jobs:\n"
        "  test:\n"
        "    strategy:\n"
        "      matrix:\n"
        "        py:\n"
        "          - \"3.13\"  # newest\n"
        "          - pypy3.10\n"
        "        include:\n"
        "          - py: '3.12'\n"
        "        exclude: []\n"
        "    container: python:3.14-slim\n"
        "    steps:\n"
        "      - uses: actions/setup-python@v5\n"
        "        with:\n"
        "          python-version: ${{ matrix['py'] }}\n"
        "      - with:\n"
        "          python-version: \">=3.9 <3.13\"\n"
    )
    assert sorted(v for v, _ in ci_pythons(text, "ci.yml")) == [(3, 10), (3, 12), (3, 13), (3, 14)]


def test_dockerfile_stages_and_args():
    text = "ARG BASE=python:3.12-slim\nFROM $BASE AS build\nFROM ${RUNTIME:-python:3.13}\nFROM scratch\n"
    assert dockerfile_pythons(text, "Dockerfile") == [
        ((3, 12), "Dockerfile:2 FROM python:3.12-slim"),
        ((3, 13), "Dockerfile:3 FROM python:3.13"),
    ]


def test_a_dockerfile_that_installs_a_distributions_python():
    """hydroshare's ``hs_extract/Dockerfile``: a GDAL image, then ``apt-get -y install
    python3.12``. A step continued over lines counts at its last line; pyenv's and uv's
    installs count; a version named by a step that installs nothing (``echo``, ``pip install``
    of a package that has one in its name) does not."""
    text = (
        "FROM ghcr.io/osgeo/gdal:ubuntu-small-3.11.4\nRUN apt-get update\nRUN apt-get -y install python3.12\n"
        "RUN apt-get install -y \\\n    python3.10-venv \\\n    curl\nRUN pyenv install 3.9.7\n"
        "RUN uv python install 3.13\nRUN echo python3.8\nRUN pip install python3.6-compat\n"
    )
    assert dockerfile_pythons(text, "Dockerfile") == [
        ((3, 12), "Dockerfile:3 installs python3.12"),
        ((3, 10), "Dockerfile:6 installs python3.10"),
        ((3, 9), "Dockerfile:7 installs python3.9"),
        ((3, 13), "Dockerfile:8 installs python3.13"),
    ]


@pytest.mark.parametrize(
    "evidence, source",
    [
        ({"Dockerfile": "FROM python:3-slim\n"}, "Dockerfile:1 FROM python:3-slim"),
        # Cortex-Analyzers' build writes a Dockerfile for each folder that has none.
        ({".github/workflows/build.yml": (
            "jobs:\n  b:\n    steps:\n      - run: |\n"
            '          echo "FROM python:3-slim AS builder" > "$dockerfile_path"\n'
            "          python -c 'from x import y'\n"
        )}, ".github/workflows/build.yml:5 FROM python:3-slim"),
    ],
    ids=["python:3-slim", "a Dockerfile CI writes"],
)
def test_an_open_python_3_image_runs_the_newest_python(make_repo, cli, evidence, source):
    """``python:3``, ``python:3-slim``: the tag moves with each release, so the code runs on
    the newest Python 3 (PEP 701 f-strings and all)."""
    root = make_repo({**FILES, **evidence})
    result = cli("check", str(root), "--format", "json", "--no-cache")
    assert found(result) == NEWER_SYNTAX_ANALYSED
    assert f"the project targets the newest Python 3 ({source}), newer than the running" in result.err
    assert "judged by LibCST's parser for Python 3." in result.err


FOLDERS = {
    "app/__init__.py": "",
    "app/new.py": "type Alias = int\n",
    "analyzers/ovh/run.py": "type Alias = int\nimport analyzers.missing\n",
    "analyzers/ovh/Dockerfile": "FROM python:3-alpine AS build\nFROM python:3-slim\n",
    "analyzers/old/run.py": "type Alias = int\n",
    "analyzers/old/Dockerfile": "FROM python:3-slim AS build\nFROM python:3.9-slim\n",
    "analyzers/py2/run.py": "print 'x'\n",
    "analyzers/py2/Dockerfile": "FROM python:2\n",
    "pyproject.toml": '[project]\nname = "demo"\n',
}


@needs_older_interpreter
def test_a_folders_dockerfile_says_which_python_runs_its_files(make_repo, cli):
    """A project that declares no version: each folder's Dockerfile governs the files below
    it (the oldest of its stages); other folders keep the root's verdict."""
    root = make_repo(FOLDERS)
    result = cli("check", str(root), "--format", "json", "--no-cache")
    assert found(result) == [
        ("SSOT000", "analyzers/old/run.py", 1), ("SSOT003", "analyzers/ovh/run.py", 2),
        ("SSOT000", "analyzers/py2/run.py", 1), ("SSOT000", "app/new.py", 1),
    ]
    assert (
        f"1 folder's Dockerfile builds from a Python newer than the running Python {RUNNING_TEXT} "
        "(FROM python:3-alpine in analyzers/ovh/)"
    ) in result.err


@pytest.mark.parametrize(
    "declared",
    [
        {"pyproject.toml": f'[project]\nname = "demo"\nrequires-python = ">={RUNNING_TEXT}"\n'},
        {"analyzers/pyproject.toml": f'[project]\nname = "a"\nrequires-python = ">={RUNNING_TEXT}"\n'},
    ],
    ids=["the project", "a nested project above the folder"],
)
def test_a_declared_version_wins_over_a_folders_dockerfile(make_repo, cli, declared):
    root = make_repo({**FOLDERS, **declared})
    result = cli("check", str(root), "--format", "json", "--no-cache")
    assert ("SSOT000", "analyzers/ovh/run.py", 1) in found(result)
    assert "Dockerfile" not in result.err
