"""SSOT000 through the CLI: the blast radius of a module that does not parse."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

SCHEMA = REPO_ROOT / "ssotlint/schemas/check-v1.schema.json"

BROKEN = {
    "app/__init__.py": "",
    "app/bad.py": "def f(:\n    pass\n",
    "app/pkg/__init__.py": "class X(:\n",
    "app/pkg/sub.py": "Y = 1\n",
    "app/a.py": "from app.bad import f, g\n",
    "app/b.py": "import os\nfrom app import bad\n",
    "app/c.py": "def later():\n    from app.bad import h\n",
    "app/d.py": "import app.pkg.sub\nimport app.pkg.missing\nfrom app.pkg.sub import Y, Z\n",
    # except ImportError does not catch the SyntaxError: fails too.
    "app/e.py": "try:\n    from app.bad import f\nexcept ImportError:\n    f = None\n",
    # The SyntaxError is caught or expected: these do not fail.
    "app/f.py": "try:\n    import app.bad\nexcept SyntaxError:\n    pass\n",
    "app/g.py": "try:\n    import app.bad\nexcept Exception:\n    bad = None\n",
    "tests/test_bad.py": "import pytest\ndef test_bad():\n    with pytest.raises(SyntaxError):\n        import app.bad\n",
    "app/ok.py": "from app.pkg_free import nothing\n",
}


def test_importers_of_an_unparsable_module_are_named_in_its_finding(make_repo, cli):
    root = make_repo(BROKEN)
    result = cli("check", str(root), "--format", "json", "--no-cache")
    assert result.code == 1
    violations = result.json()["violations"]
    # No SSOT003 for any import that fails on the broken module (app.pkg.missing, Z, g, h);
    # the unrelated broken import is still reported.
    assert [(v["rule"], v["path"]) for v in violations if v["rule"] == "SSOT003"] == [("SSOT003", "app/ok.py")]
    ssot000 = {v["path"]: v for v in violations if v["rule"] == "SSOT000"}
    bad = ssot000["app/bad.py"]
    assert bad["line"] == 1
    assert bad["message"] == (
        "SyntaxError: invalid syntax; imported by 4 first-party modules (3 fail at import, 1 when the import runs)"
    )
    assert bad["details"] == {
        "kind": "syntax",
        "imported_by": [
            {"path": "app/a.py", "line": 1, "at_import": True},
            {"path": "app/b.py", "line": 2, "at_import": True},
            {"path": "app/c.py", "line": 2, "at_import": False},
            {"path": "app/e.py", "line": 2, "at_import": True},
        ],
    }
    package = ssot000["app/pkg/__init__.py"]
    assert package["message"].endswith("; imported by 1 first-party module, which fails at import")
    assert package["details"]["imported_by"] == [{"path": "app/d.py", "line": 1, "at_import": True}]


def test_an_unparsable_module_nobody_imports_says_nothing_more(make_repo, cli):
    root = make_repo({"app/__init__.py": "", "app/bad.py": "x = (\n"})
    (violation,) = cli("check", str(root), "--format", "json", "--no-cache").json()["violations"]
    assert violation["message"] == "SyntaxError: '(' was never closed"
    assert violation["details"] == {"kind": "syntax"}


def test_blast_radius_details_follow_the_published_schema(make_repo, cli):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text())
    document = cli("check", str(make_repo(BROKEN)), "--format", "json", "--no-cache").json()
    jsonschema.validate(document, schema)
    broken = next(v for v in document["violations"] if v["rule"] == "SSOT000" and "imported_by" in v["details"])
    del broken["details"]["imported_by"][0]["at_import"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema)
