"""Files whose names are not identifiers (``0001_initial.py``, ``dev-tools.py``).

importlib loads them (Django's migrations) or they run as scripts: their imports run and
their classes exist. Nothing can import them by statement, so they can only be importers,
and no advice ever says to import from them.
"""

from __future__ import annotations

import json

FILES = {
    "app/__init__.py": "",
    "app/migrations/__init__.py": "",
    "app/models.py": "class Model: ...\n",
    "app/config.py": "class RetryConfig:\n    retries = 3\n",
    "app/migrations/0001_initial.py": (
        "from ..models import Model, Gone\n"  # a relative import, resolved from its package
        "from app.models import Missing\n"
        "from . import models_gone\n"
        "class RetryConfig:\n    retries = 5\n"
    ),
    "dev-tools.py": "import app.models\nfrom app.nope import x\nclass RetryConfig:\n    retries = 1\n",
    "app/user.py": "from app.models import Modle\n",
}


def test_their_imports_duplicates_and_edges_count(make_repo, cli):
    root = make_repo(FILES)
    result = cli("check", str(root), "--format", "json", "--no-cache")
    assert result.code == 1
    found = [(v["rule"], v["path"], v["line"], v["message"]) for v in result.json()["violations"]]
    assert found == [
        ("SSOT003", "app/migrations/0001_initial.py", 1,
         "cannot import name 'Gone' from app.models (app/models.py); it is not defined anywhere in the project"),
        ("SSOT003", "app/migrations/0001_initial.py", 2,
         "cannot import name 'Missing' from app.models (app/models.py); it is not defined anywhere in the project"),
        ("SSOT003", "app/migrations/0001_initial.py", 3,
         "cannot import name 'models_gone' from app.migrations (app/migrations/__init__.py); "
         "it is not defined anywhere in the project"),
        ("SSOT001", "app/migrations/0001_initial.py", 4,
         "class RetryConfig is also defined in app.config.RetryConfig (app/config.py:1), the one in the module "
         "named for it (config; none is imported more, none is configured); the two have the same members written "
         "differently, so importing it as it is would change what this one does: reconcile the two into one class "
         "first, then import it from app.config (no fix)"),
        ("SSOT003", "app/user.py", 1,
         "cannot import name 'Modle' from app.models (app/models.py); did you mean 'Model'?"),
        ("SSOT003", "dev-tools.py", 2, "`from app.nope import x`: package app has no module 'nope'"),
        ("SSOT001", "dev-tools.py", 3,
         "class RetryConfig is also defined in app.config.RetryConfig (app/config.py:1), the one in the module "
         "named for it (config; none is imported more, none is configured); the two have the same members written "
         "differently, so importing it as it is would change what this one does: reconcile the two into one class "
         "first, then import it from app.config (no fix)"),
    ]


def test_they_are_importers_in_the_graph(make_repo, cli):
    root = make_repo(FILES)
    result = cli("graph", str(root), "--format", "json", "--no-cache")
    assert result.code == 0, result.err
    edges = {(e["source"], e["target"]) for e in json.loads(result.out)["edges"]}
    assert ("dev-tools", "app.models") in edges
    assert ("app.migrations.0001_initial", "app.models") in edges
    assert not [e for e in edges if e[1] in ("dev-tools", "app.migrations.0001_initial")]


def test_a_hint_never_points_into_a_script(make_repo, cli):
    root = make_repo({
        "app/__init__.py": "",
        "app/core.py": "X = 1\n",
        "app/user.py": "from app.core import Helper\n",
        "dev-tools.py": "class Helper: ...\n",
    })
    (violation,) = cli("check", str(root), "--format", "json", "--no-cache").json()["violations"]
    assert violation["message"] == (
        "cannot import name 'Helper' from app.core (app/core.py); "
        "it is defined only in dev-tools.py, which no import statement can name"
    )


def test_migrations_extending_a_base_of_the_same_name_are_not_duplicates(make_repo, cli):
    root = make_repo({
        "fw/__init__.py": "",
        "fw/migration.py": "class Migration:\n    operations = []\n",
        "app/__init__.py": "",
        "app/migrations/__init__.py": "",
        "app/migrations/0001_initial.py": "from fw import migration\nclass Migration(migration.Migration):\n    x = 1\n",
        "app/migrations/0002_more.py": "from fw import migration\nclass Migration(migration.Migration):\n    x = 2\n",
        # A project whose migration base is external: every definition is in a file no
        # import statement can name, so there is nowhere to import one from.
        "other/__init__.py": "",
        "other/migrations/__init__.py": "",
        "other/migrations/0001_initial.py": "class Step:\n    pass\n",
        "other/migrations/0002_more.py": "class Step:\n    pass\n",
    })
    result = cli("check", str(root), "--format", "json", "--no-cache")
    assert result.code == 0, result.out
