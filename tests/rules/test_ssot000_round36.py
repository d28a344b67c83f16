"""SSOT000's message on a construct a newer Python added (rounds 36 and 37: magic-wormhole's
docs example and hummingbot's connector nest an f-string's own quotes, valid from Python
3.12, in projects that support 3.10): the finding stands, and says from which version on
the line is valid and which version the project supports."""

from __future__ import annotations

import sys

import pytest

pytestmark = pytest.mark.skipif(sys.version_info >= (3, 12), reason="the running Python accepts these constructs")


def _messages(make_repo, cli, files: dict[str, str]) -> dict[str, str]:
    result = cli("check", str(make_repo(files)), "--format", "json", "--no-cache", "--select", "SSOT000")
    return {v["path"]: v["message"] for v in result.json()["violations"]}


def test_a_construct_of_a_newer_python_says_so(make_repo, cli):
    messages = _messages(make_repo, cli, {
        "pyproject.toml": "[project]\nname = 'app'\nrequires-python = '>=3.10'\n",
        "app/__init__.py": "",
        "app/show.py": "def show(msg):\n    print(f\"msg: {msg.decode(\"utf8\")}\")\n",
        "app/broken.py": "def f(:\n    pass\n",
        # blessed's demo: a replacement field that goes on on the next line (PEP 701).
        "app/rule.py": "def rule(self):\n    return f' Rule {\n        self.rule} row'\n",
        "app/open.py": "x = 'no f-string {\n",
    })
    assert messages["app/show.py"].endswith("(valid from Python 3.12 on, but the project supports Python 3.10, which rejects it)")
    assert messages["app/rule.py"].endswith("(valid from Python 3.12 on, but the project supports Python 3.10, which rejects it)")
    assert "valid from" not in messages["app/broken.py"]
    assert "valid from" not in messages["app/open.py"]


def test_with_no_declared_version_it_is_not_reported_and_a_warning_says_how_to_declare_one(make_repo, cli):
    """pipe_tasks: 3.12's `def f[P: BaseModel](...)` in a project whose Python is pinned
    outside the repository. A real error beside it is still reported."""
    root = make_repo({"app/__init__.py": "", "app/alias.py": "type Vector = list[float]\n", "app/bad.py": "def f(:\n    pass\n"})
    result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT000")
    assert [v["path"] for v in result.json()["violations"]] == ["app/bad.py"]
    assert (
        "1 file (app/alias.py) uses syntax valid from Python 3.12 on, which the running Python 3.11 rejects, and the "
        "project declares no Python: SSOT000 does not report it"
    ) in result.err
    assert 'requires-python = ">=3.12"' in result.err


def test_a_nested_projects_version_is_the_one_named(make_repo, cli):
    messages = _messages(make_repo, cli, {
        "svc/pyproject.toml": "[project]\nname = 'svc'\nrequires-python = '>=3.9'\n",
        "svc/alias.py": "type Vector = list[float]\n",
    })
    assert messages["svc/alias.py"].endswith("(valid from Python 3.12 on, but the project supports Python 3.9, which rejects it)")
