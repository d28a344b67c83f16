"""A project that targets a newer Python than the running interpreter: its syntax is
judged for its target (LibCST's parser), not as SSOT000 by the interpreter that runs us."""

from __future__ import annotations

import sys

import pytest

from ssotlint.config import lowest_python

RUNNING = sys.version_info[:2]
NEWER = (3, RUNNING[1] + 1)

FILES = {
    "app/__init__.py": "",
    # Python 3.12 syntax: a type statement and a generic class, then a broken import.
    "app/new.py": "import os\ntype Alias = int\nclass Box[T]:\n    pass\nfrom app.missing import X\n",
    "app/bad.py": "x = 1\n1syntax_error\n",
}


def pyproject(requires: str, extra: str = "") -> str:
    return f'[project]\nname = "demo"\nrequires-python = "{requires}"\n[tool.ssotlint]\n{extra}'


def found(result) -> list[tuple[str, str, int]]:
    return [(v["rule"], v["path"], v["line"]) for v in result.json()["violations"]]


def test_newer_target_syntax_is_analysed_not_reported(make_repo, cli):
    target = f"{NEWER[0]}.{NEWER[1]}"
    root = make_repo({**FILES, "pyproject.toml": pyproject(f">={target}")})
    result = cli("check", str(root), "--format", "json", "--no-cache")
    assert result.code == 1
    # The file is analysed in full (its broken import is found); a real error still counts.
    assert found(result) == [("SSOT000", "app/bad.py", 2), ("SSOT003", "app/new.py", 5)]
    warnings = [line for line in result.err.splitlines() if "targets Python" in line]
    assert len(warnings) == 1
    assert warnings[0].startswith(
        f"ssotlint: warning: the project targets Python {target} (requires-python = '>={target}'), "
        f"newer than the running Python {RUNNING[0]}.{RUNNING[1]}"
    )
    assert "judged by LibCST's parser for Python 3." in warnings[0]


@pytest.mark.skipif(RUNNING >= (3, 12), reason="the interpreter itself accepts 3.12 syntax")
def test_the_target_decides_and_the_cache_keeps_verdicts_apart(make_repo, cli):
    root = make_repo({**FILES, "pyproject.toml": pyproject(">=3.10", 'target-version = "py312"\n')})
    first = cli("check", str(root), "--format", "json")
    assert found(first) == [("SSOT000", "app/bad.py", 2), ("SSOT003", "app/new.py", 5)]
    assert "targets Python 3.12 (target-version = 'py312')" in first.err
    warm = cli("check", str(root), "--format", "json")  # outcome from the result cache
    assert found(warm) == found(first)
    assert warm.err.count("targets Python 3.12") == 1
    # Same files, target now the running interpreter: its verdict, not the cached summary.
    (root / "pyproject.toml").write_text(pyproject(">=3.10"))
    older = cli("check", str(root), "--format", "json")
    assert found(older) == [("SSOT000", "app/bad.py", 2), ("SSOT000", "app/new.py", 2)]
    assert "targets Python" not in older.err


def test_no_warning_when_the_target_is_not_newer(make_repo, cli):
    root = make_repo({"app/__init__.py": "", "pyproject.toml": pyproject(">=3.8")})
    result = cli("check", str(root), "--no-cache")
    assert result.code == 0
    assert "targets Python" not in result.err


def test_a_bad_target_version_is_a_configuration_error(make_repo, cli):
    root = make_repo({"app/__init__.py": ""}, config='target-version = "3.12"\n')
    result = cli("check", str(root), "--no-cache")
    assert result.code == 2
    assert "tool.ssotlint.target-version must be a Python version such as 'py312', not '3.12'" in result.err


@pytest.mark.parametrize(
    "requires,lowest",
    [(">=3.12", (3, 12)), (">= 3.10, !=3.11.*", (3, 10)), ("~=3.12", (3, 12)), ("==3.11.*", (3, 11)),
     ("<4,>=3.9", (3, 9)), (">=2.7", None), ("<3.13", None)],
)
def test_lowest_python_allowed(requires, lowest):
    assert lowest_python(requires) == lowest


@pytest.mark.parametrize(
    "pinned, judged_newer",
    [
        (f"{NEWER[0]}.{NEWER[1]}\n", True),
        (f"# was 3.8 until May\ncpython-{NEWER[0]}.{NEWER[1]}.2\n", True),
        (f"{NEWER[0]}.{NEWER[1]}\npypy{RUNNING[0]}.{RUNNING[1]}\n", False),  # the oldest it lists
        ("system\n", False),
    ],
)
def test_a_pinned_python_version_is_the_target_when_nothing_else_says(make_repo, cli, pinned, judged_newer):
    """``.python-version`` (pyenv, uv) names the interpreter the code runs on."""
    root = make_repo({**FILES, ".python-version": pinned})
    result = cli("check", str(root), "--format", "json", "--no-cache")
    reported = ("SSOT000", "app/new.py", 2) in found(result) or ("SSOT000", "app/new.py", 3) in found(result)
    assert reported is not judged_newer, result.out
    assert ("'.python-version" in result.err or ".python-version '" in result.err) is judged_newer, result.err


def test_requires_python_wins_over_a_pinned_version(make_repo, cli):
    root = make_repo({**FILES, ".python-version": f"{NEWER[0]}.{NEWER[1]}\n",
                      "pyproject.toml": pyproject(f">={RUNNING[0]}.{RUNNING[1]}")})
    result = cli("check", str(root), "--format", "json", "--no-cache")
    assert any(v[:2] == ("SSOT000", "app/new.py") for v in found(result))
    assert "targets Python" not in result.err


def test_a_pinned_version_that_is_not_a_regular_file_is_not_read(make_repo, cli, tmp_path):
    """The repository is untrusted: a link is not followed out of it, a FIFO not opened."""
    import os

    outside = tmp_path / "outside-version"
    outside.write_text(f"{NEWER[0]}.{NEWER[1]}\n")
    linked = make_repo(FILES, name="linked")
    (linked / ".python-version").symlink_to(outside)
    fifo = make_repo(FILES, name="fifo")
    os.mkfifo(fifo / ".python-version")
    for root in (linked, fifo):
        result = cli("check", str(root), "--format", "json", "--no-cache")
        assert "targets Python" not in result.err
        assert any(v[:2] == ("SSOT000", "app/new.py") for v in found(result))
