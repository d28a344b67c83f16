"""A project that supports an older Python than the one running ssotlint: a file that
uses syntax that Python lacks does not compile there, and SSOT000 says so. A formatter's
or linter's newer target wins over a packaging floor left behind."""

from __future__ import annotations

import sys

import pytest

pytestmark = pytest.mark.skipif(sys.version_info < (3, 11), reason="needs an interpreter that parses 3.10 and 3.11 syntax")

ROUTE = "def route(event):\n    match event:\n        case 'a':\n            return 1\n"


def pyproject(requires: str, tool: str = "") -> str:
    return f'[project]\nname = "demo"\nrequires-python = "{requires}"\n{tool}'


def findings(result) -> list[tuple[str, str, int, int]]:
    return [(v["rule"], v["path"], v["line"], v["col"]) for v in result.json()["violations"]]


def test_syntax_newer_than_the_oldest_python_is_reported_with_its_source(make_repo, cli):
    root = make_repo({
        "pyproject.toml": pyproject(">=3.8"),
        "app/__init__.py": "",
        "app/route.py": ROUTE,
        "app/walrus.py": "def first(items):\n    if (n := len(items)):\n        return n\n",
        "app/debug.py": "def show(x):\n    return f'{x = }'\n",
    })
    result = cli("check", str(root), "--format", "json", "--no-cache")
    assert result.code == 1
    assert findings(result) == [("SSOT000", "app/route.py", 2, 4)]
    violation = result.json()["violations"][0]
    assert violation["message"] == (
        "SyntaxError on Python 3.8: Pattern matching is only supported in Python 3.10 and greater; the project "
        "supports Python 3.8 (requires-python = '>=3.8'), which cannot compile this file (rewrite it for 3.8, "
        "or raise the oldest Python the project supports)"
    )
    assert violation["details"] == {"kind": "older-python"}
    # On 3.7 the assignment expression and the f-string's `=` fail as well.
    (root / "pyproject.toml").write_text(pyproject(">=3.7"))
    older = cli("check", str(root), "--format", "json", "--no-cache")
    assert findings(older) == [
        ("SSOT000", "app/debug.py", 2, 11), ("SSOT000", "app/route.py", 2, 4), ("SSOT000", "app/walrus.py", 2, 8),
    ]


def test_a_linters_newer_target_wins_over_a_stale_floor(make_repo, cli):
    files = {"app/__init__.py": "", "app/route.py": ROUTE}
    root = make_repo({**files, "pyproject.toml": pyproject(">=3.8", "[tool.black]\ntarget-version = ['py310', 'py311']\n")})
    result = cli("check", str(root), "--format", "json", "--no-cache")
    assert result.code == 0, result.out
    # ... and in a nested project, from its own pyproject.toml.
    nested = make_repo(name="nested", files={
        "pyproject.toml": pyproject(">=3.8"),
        "svc/pyproject.toml": pyproject(">=3.8", '[tool.ruff]\ntarget-version = "py310"\n'),
        "svc/route.py": ROUTE,
        "web/route.py": ROUTE,
    })
    result = cli("check", str(nested), "--format", "json", "--no-cache")
    assert findings(result) == [("SSOT000", "web/route.py", 2, 4)]


def test_a_nested_projects_floor_is_named_and_the_cache_follows_it(make_repo, cli):
    root = make_repo({
        "pyproject.toml": pyproject(">=3.11"),
        "lib/pyproject.toml": pyproject(">=3.9"),
        "lib/route.py": ROUTE,
        "app/route.py": ROUTE,
    })
    first = cli("check", str(root), "--format", "json")
    assert findings(first) == [("SSOT000", "lib/route.py", 2, 4)]
    assert "(requires-python = '>=3.9' in lib/pyproject.toml)" in first.json()["violations"][0]["message"]
    (root / "lib" / "pyproject.toml").write_text(pyproject(">=3.10"))
    assert findings(cli("check", str(root), "--format", "json")) == []


def test_no_declared_oldest_python_no_finding(make_repo, cli):
    root = make_repo({"app/route.py": ROUTE})
    assert cli("check", str(root), "--format", "json", "--no-cache").code == 0


def test_a_tool_kept_in_a_hidden_folder_sets_no_floor_for_the_repository(make_repo, cli):
    """sonic-mgmt's root pyproject.toml packages only its pre-commit hooks, from `.hooks/`,
    with `requires-python = ">=3.7"`; its tests run in a container on 3.12. The hooks'
    floor does not judge the rest of the tree; a distribution of the code itself does."""
    hooks = '[tool.setuptools]\npackage-dir = {"" = ".hooks"}\n'
    walrus = "def first(items):\n    if (n := len(items)):\n        return n\n"
    files = {".hooks/pre_commit_hooks/__init__.py": "", "tests/test_first.py": walrus}
    root = make_repo({**files, "pyproject.toml": pyproject(">=3.7", hooks)})
    assert findings(cli("check", str(root), "--format", "json", "--no-cache")) == []
    code = make_repo(name="code", files={
        **files, "src/app/__init__.py": "", "pyproject.toml": pyproject(">=3.7", '[tool.setuptools]\npackage-dir = {"" = "src"}\n'),
    })
    assert findings(cli("check", str(code), "--format", "json", "--no-cache")) == [("SSOT000", "tests/test_first.py", 2, 8)]


def test_a_starred_index_is_311_syntax_but_a_parenthesized_tuple_of_one_is_not(make_repo, cli):
    """``A[(i, *rest)]`` has been valid since Python 3.5 (tvm's tests), though its tree is
    ``A[i, *rest]``'s, which only 3.11 accepts."""
    root = make_repo({
        "pyproject.toml": pyproject(">=3.8"),
        "app/__init__.py": "",
        "app/index.py": "def at(a, i, rest):\n    return a[(i, *rest)], {'é': a}['é'][(i, *rest)]\n",
        "app/star.py": "def at(a, i, rest):\n    return a[i, *rest]\n",
    })
    result = cli("check", str(root), "--format", "json", "--no-cache")
    assert findings(result) == [("SSOT000", "app/star.py", 2, 11)]


def test_a_parenthesised_with_is_reported_where_it_starts_not_where_the_parser_notices(make_repo, cli):
    """CPython's parser, asked for 3.8, reports a parenthesised ``with`` at the statement
    after its block (mmf's checkpoint test: the ``with (`` at line 310, reported at 343).
    The finding points at the outermost ``with`` that ended there, not a plain one inside."""
    text = (
        "def test_resume(self):\n"  # 1
        "    with (\n"  # 2
        "        open('a') as a,\n"
        "        open('b') as b,\n"
        "    ):\n"
        "        with open('c') as c:\n"  # 6
        "            print(a, b, c)\n"
        "\n"
        "\n"
        "def test_other(self):\n"  # 10
        "    return 1\n"
    )
    root = make_repo({"pyproject.toml": pyproject(">=3.8"), "app/__init__.py": "", "app/test_resume.py": text})
    assert findings(cli("check", str(root), "--format", "json", "--no-cache")) == [("SSOT000", "app/test_resume.py", 2, 4)]
