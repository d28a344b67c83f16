"""session's judgement of Python changes, directly: a statement that only calls something
is behaviour (routes registered, logging configured), never a no-op like a docstring."""

from __future__ import annotations

import json

import pytest

from tests.conftest import git, write_files

from ssotlint.session.semantics import compare_python

APP = b"from fastapi import FastAPI\nfrom app.routes import r\napp = FastAPI()\n"
LOGGING = b"import logging\nlogging.basicConfig()\n"


@pytest.mark.parametrize(
    "old, new, reason",
    [
        (APP, APP + b"app.include_router(r)\n", "changed module-level code (line 4)"),
        (APP + b"app.include_router(r)\n", APP, "changed module-level code (after line 3)"),
        (LOGGING, LOGGING.replace(b"()", b"(level=logging.DEBUG)"), "changed module-level code (line 2)"),
        (LOGGING, b"import logging\n", "changed module-level code (after line 1)"),
        (b"def f():\n    pass\n", b"def f():\n    g()\n", "changed f (line 2)"),
        (b"class C:\n    x = 1\n", b"class C:\n    x = 1\n    register(x)\n", "changed C (line 3)"),
        (APP, APP + b"await setup()\n", "changed module-level code (line 4)"),
    ],
    ids=["call-added", "call-removed", "call-arguments", "call-dropped", "in-function", "in-class", "await"],
)
def test_a_bare_call_statement_is_behaviour(old: bytes, new: bytes, reason: str):
    result = compare_python(old, new)
    assert (result.equivalent, result.reason) == (False, reason)


@pytest.mark.parametrize("noop", [b'"""Doc."""\n', b"...\n", b"pass\n", b"'a string'\n", b"42\n"])
def test_a_constant_statement_is_not_behaviour(noop: bytes):
    result = compare_python(APP, APP + noop)
    assert result.equivalent is True, result.reason


def test_session_reports_a_commit_that_adds_only_a_call(make_repo, cli):
    root = make_repo({"app/__init__.py": "", "app/main.py": APP.decode(), "docs/x.md": "a\n"}, git_init=True)
    write_files(root, {"app/main.py": APP.decode() + "app.include_router(r)\n"})
    git(root, "commit", "-qam", "register routes")
    write_files(root, {"app/main.py": APP.decode() + "app.include_router(r)\n\"\"\"Routes.\"\"\"\n"})
    git(root, "commit", "-qam", "document")
    result = cli("session", str(root), "--since", "HEAD~2", "--format", "json")
    assert result.code == 1, result.err
    commits = {c["subject"]: c for c in json.loads(result.out)["commits"]}
    [routes] = commits["register routes"]["files"]
    assert routes["path"] == "app/main.py" and routes["functional"] is True
    assert routes["reason"].endswith("changed module-level code (line 4)")
    [doc] = commits["document"]["files"]
    assert doc["functional"] is False
