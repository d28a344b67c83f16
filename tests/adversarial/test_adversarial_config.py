"""Broken configuration: exit 2 and one line naming the file, the key and the problem, for
every command that reads it (never a traceback, never a silently ignored typo)."""

from __future__ import annotations

import pytest

from tests.conftest import git, write_files

FILES = {"app/__init__.py": "", "app/m.py": "class AWebSocketManager:\n    def send(self):\n        pass\n"}

# (pyproject.toml text, what the one-line message must contain)
BAD = [
    pytest.param('[tool.ssotlint]\nselect = ["SSOT001"\n', ["invalid TOML", "Unclosed array"], id="unclosed-array"),
    pytest.param("[tool.ssotlint]\na = 1\na = 2\n", ["invalid TOML", "line 3"], id="duplicate-key"),
    pytest.param("a = " + "[" * 3000 + "]" * 3000 + "\n", ["invalid TOML", "nested too deeply"], id="deep-nesting"),
    pytest.param(b"[tool.ssotlint]\nsrc = ['caf\xe9']\n", ["cannot read", "utf-8"], id="not-utf8"),
    pytest.param("[tool]\nssotlint = 5\n", ["[tool.ssotlint] must be a table"], id="not-a-table"),
    pytest.param("[tool.ssotlint]\nexlcude = []\n", ["unknown key tool.ssotlint.exlcude"], id="unknown-key"),
    pytest.param("[tool.ssotlint]\nfail_under = 9\n", ["tool.ssotlint.fail_under", "did you mean 'fail-under'"], id="snake-case"),
    pytest.param('[tool.ssotlint]\nsrc = "app"\n', ["tool.ssotlint.src", "must be a list of strings"], id="string-not-list"),
    pytest.param("[tool.ssotlint]\nexclude = [1, 2]\n", ["tool.ssotlint.exclude", "list of strings"], id="ints-not-strings"),
    pytest.param("[tool.ssotlint]\nfail-under = 101\n", ["tool.ssotlint.fail-under", "from 0 to 100"], id="out-of-range"),
    pytest.param("[tool.ssotlint]\nfail-under = true\n", ["tool.ssotlint.fail-under", "number"], id="bool-not-number"),
    pytest.param('[tool.ssotlint]\nselect = ["E501"]\n', ["tool.ssotlint.select", "'E501' is not a rule code"], id="foreign-code"),
    pytest.param('[tool.ssotlint.per-file-ignores]\n"a.py" = "SSOT001"\n', ["per-file-ignores.'a.py'", "list of strings"], id="pfi-type"),
    pytest.param("[tool.ssotlint.concepts.ws]\npattern = 1\n", ["tool.ssotlint.concepts.ws.pattern", "regular expression"], id="pattern-type"),
    pytest.param("[tool.ssotlint.concepts.ws]\npattern = 'x'\ncolour = 1\n", ["tool.ssotlint.concepts.ws", "unknown key 'colour'"], id="concept-key"),
    pytest.param("[tool.ssotlint.session]\nbogus = 1\n", ["tool.ssotlint.session", "unknown key 'bogus'"], id="session-key"),
    pytest.param("[tool.ssotlint.session]\nconfig-is-functional = 'yes'\n", ["session.config-is-functional", "true or false"], id="session-type"),
]

CANONICAL = "[tool.ssotlint.concepts.ws]\npattern = '.*WebSocketManager'\ncanonical = '{}'\n"
MISSING_CANONICAL = [
    pytest.param(CANONICAL.format("app.m.Nope"), ["concepts.ws.canonical", "'app.m.Nope' does not exist", "no class Nope in app/m.py"], id="no-class"),
    pytest.param(CANONICAL.format("app.gone.AWebSocketManager"), ["concepts.ws.canonical", "does not exist", "no such module"], id="no-module"),
    pytest.param(CANONICAL.format("NoDots"), ["concepts.ws.canonical", "dotted 'module.Class'"], id="not-dotted"),
]


@pytest.fixture
def repo_with(make_repo):
    def make(config: str | bytes):
        root = make_repo({**FILES, "pyproject.toml": config}, git_init=True)
        git(root, "commit", "-q", "--allow-empty", "-m", "second")
        return root

    return make


def assert_config_error(result, root, needles) -> None:
    assert result.code == 2, (result.out, result.err)
    assert result.out == ""
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith(f"ssotlint: error: {root / 'pyproject.toml'}: "), lines[0]
    for needle in needles:
        assert needle in lines[0], lines[0]


@pytest.mark.parametrize("config,needles", BAD)
def test_every_command_refuses_a_broken_configuration(repo_with, cli, config, needles):
    root = repo_with(config)
    for command in (["check"], ["score"], ["diff"], ["graph"], ["session", "--since", "HEAD~1"]):
        assert_config_error(cli(*command, str(root), *(["--no-cache"] if command[0] != "session" else [])), root, needles)


@pytest.mark.parametrize("config,needles", MISSING_CANONICAL)
def test_a_canonical_class_that_does_not_exist(repo_with, cli, config, needles):
    root = repo_with(config)
    for command in ("check", "score", "diff", "graph"):
        assert_config_error(cli(command, str(root), "--no-cache"), root, needles)


def test_explicit_config_file_problems(make_repo, cli, tmp_path):
    root = make_repo(FILES)
    missing = tmp_path / "nope.toml"
    result = cli("check", str(root), "--no-cache", "--config", str(missing))
    assert result.code == 2 and result.err.strip() == f"ssotlint: error: {missing}: configuration file not found"
    other = tmp_path / "other.toml"
    other.write_text("[tool.ssotlint]\nexclude = 'app'\n")
    result = cli("check", str(root), "--no-cache", "--config", str(other))
    assert result.code == 2 and result.err.strip() == (
        f"ssotlint: error: {other}: tool.ssotlint.exclude must be a list of strings"
    )


def test_unrelated_tables_and_a_pyproject_folder_are_not_errors(make_repo, cli, tmp_path):
    root = make_repo({**FILES, "pyproject.toml": "tool = 1\n[project]\nname = 'x'\n"})
    assert cli("check", str(root), "--no-cache").code == 0
    root2 = tmp_path / "repo2"
    write_files(root2, {**FILES, "pyproject.toml/README": "a folder, not a file\n"})
    result = cli("check", str(root2), "--no-cache")
    assert result.code == 0 and "(2 files analysed)" in result.out
