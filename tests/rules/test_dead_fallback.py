"""An ``except ImportError:`` handler behind a standard-library import that every Python
the project runs on has never runs: ProDy's ``try: import argparse`` / ``except
ImportError: from .. import argparse`` (a Python 2.6 fallback to a bundled copy since
removed) in a project requiring Python 3.10. The handler's import of a missing module is
not reported. Behind a module added after the project's oldest Python (``tomllib`` on
3.8), or one a later release removed (``imp``), the handler is live and its import judged."""

from __future__ import annotations

import pytest

APP = "try:\n    import {module}\nexcept ImportError:\n    from .. import {fallback}\n"


def _files(module: str, requires: str) -> dict[str, str]:
    return {
        "pyproject.toml": f'[project]\nname = "pkg"\nversion = "1"\nrequires-python = "{requires}"\n',
        "pkg/__init__.py": "",
        "pkg/apps/__init__.py": APP.format(module=module, fallback=module.partition(".")[0]),
    }


def _lines(cli, root) -> list[int]:
    result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT003")
    return [v["line"] for v in result.json()["violations"]]


def test_a_fallback_for_a_module_every_python_has_is_never_run(make_repo, cli):
    assert _lines(cli, make_repo(_files("argparse", ">=3.10"))) == []


@pytest.mark.parametrize(
    ("module", "requires"),
    [("tomllib", ">=3.8"), ("imp", ">=3.8"), ("argparse_compat", ">=3.10")],
    ids=["added later", "removed later", "not the standard library's"],
)
def test_a_fallback_a_python_may_run_is_judged(make_repo, cli, module, requires):
    assert _lines(cli, make_repo(_files(module, requires))) == [4]
