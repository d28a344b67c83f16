"""SSOT000 on a script an async runner executes: pydantic-core's
``wasm-preview/run_tests.py`` awaits at its top level (Pyodide's ``runPythonAsync`` runs
it), and the line says so to the linter (``# noqa: F704``, pyflakes' and ruff's code for
``await`` outside a function)."""

from __future__ import annotations

_RUNNER = "import sys\n\nimport micropip\n\nawait micropip.install(sys.argv[1])  # noqa: F821,F704\n"


def test_a_top_level_await_marked_for_the_linter_is_meant(make_repo, cli):
    root = make_repo({"app/__init__.py": "", "wasm-preview/run_tests.py": _RUNNER})
    result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT000")
    assert result.code == 0, [v["message"] for v in result.json()["violations"]]
    assert "wasm-preview/run_tests.py" in result.err and "kept invalid on purpose" in result.err, result.err


def test_without_the_mark_it_is_reported(make_repo, cli):
    root = make_repo({"app/__init__.py": "", "wasm-preview/run_tests.py": _RUNNER.replace("  # noqa: F821,F704", "")})
    result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT000")
    assert [(v["rule"], v["path"], v["line"]) for v in result.json()["violations"]] == [
        ("SSOT000", "wasm-preview/run_tests.py", 5)
    ]
