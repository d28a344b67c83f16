"""SSOT003: names a module's import-time code sets on another module (``setattr``, an
attribute assignment, ``sys.modules[...] = m``, in a function it calls at module level) exist
there when the setter has run before any import of that module: a package above, or what
one imports at module level. ``score --history`` must check those imports again when the
setter, or what runs before the module, changes."""

from __future__ import annotations

from collections import Counter

from ssotlint.rules.runner import RulesOverHistory, run_rules
from ssotlint.testing import config_from_text, model_in_memory

GRAVEYARD = (
    "import sys\nimport app as pkg\nfrom app.plugins import precision\n"
    "def _patch_modules():\n    sys.modules['app.plugins.old_precision'] = precision\n"
    "def _patch():\n    setattr(pkg.plugins, 'OldPlugin', object)\n"
    "_patch_modules()\n_patch()\n"
)
BASE = {
    "app/__init__.py": "from app import _graveyard\n",
    "app/_graveyard/__init__.py": "import app._graveyard.precision\n",
    "app/_graveyard/precision.py": GRAVEYARD,
    "app/plugins/__init__.py": "",
    "app/plugins/precision.py": "",
    "tests/test_old.py": "from app.plugins import OldPlugin\nfrom app.plugins.old_precision import Precision\n",
}
STEPS = [
    ("the setter sets another name: the import breaks",
     {"app/_graveyard/precision.py": GRAVEYARD.replace("'OldPlugin'", "'OtherPlugin'")}),
    ("and sets it again", {"app/_graveyard/precision.py": GRAVEYARD}),
    ("a module between the package and the setter stops importing it: both imports break",
     {"app/_graveyard/__init__.py": ""}),
    ("and imports it again", {"app/_graveyard/__init__.py": BASE["app/_graveyard/__init__.py"]}),
    ("the setter's function is no longer called at import time",
     {"app/_graveyard/precision.py": GRAVEYARD.replace("_patch_modules()\n_patch()\n", "")}),
]


def _subjects(violations) -> Counter:
    return Counter((v.rule, v.path, v.line, v.key) for v in violations if v.rule == "SSOT003")


def test_a_setter_that_runs_first_provides_the_names_and_history_follows_it():
    settings = config_from_text("")
    files = dict(BASE)
    rules = RulesOverHistory()
    model = model_in_memory(files, settings)
    assert not _subjects(rules(model))
    broken = 0
    for what, writes in STEPS:
        files.update(writes)
        model = model_in_memory(files, settings, previous=model)
        found = _subjects(rules(model))
        assert found == _subjects(run_rules(model_in_memory(files, settings))), what
        broken += bool(found)
    assert broken == 3


def test_a_name_set_by_code_that_may_not_have_run_is_reported(make_repo, cli):
    root = make_repo(
        {
            **BASE,
            "app/__init__.py": "",  # nothing imports the graveyard before the plugins
        }
    )
    result = cli("check", str(root), "--select", "SSOT003", "--format", "json")
    found = sorted((v["path"], v["line"]) for v in result.json()["violations"])
    assert found == [("tests/test_old.py", 1), ("tests/test_old.py", 2)]


def test_a_template_that_code_comes_to_import_is_checked_again_over_history():
    """A file of a template folder is a fill-in template (its imports unchecked) while no
    code imports it; ``score --history`` checks it again when that changes, though the
    template itself does not."""
    settings = config_from_text("")
    files = {
        "app/__init__.py": "",
        "app/template/__init__.py": "",
        "app/template/render.py": "from app.somewhere import Engine\n",
        "app/views.py": "X = 1\n",
    }
    rules = RulesOverHistory()
    model = model_in_memory(files, settings)
    assert not _subjects(rules(model))
    seen = []
    for text in ("from app.template import render\n", "X = 1\n"):
        files["app/views.py"] = text
        model = model_in_memory(files, settings, previous=model)
        found = _subjects(rules(model))
        assert found == _subjects(run_rules(model_in_memory(files, settings))), text
        seen.append(sorted(path for _, path, _, _ in found))
    assert seen == [["app/template/render.py"], []]


def test_what_a_context_manager_sets_for_its_block_is_followed_over_history():
    """An import inside ``with legacy_patch():`` finds what entering it sets; when the
    context manager (imported through a re-exporting package) stops setting it, the import
    is checked again and breaks."""
    settings = config_from_text("")
    utils = (
        "import app.enums\nclass legacy_patch:\n    def __enter__(self):\n        app.enums.OldMode = 1\n"
        "    def __exit__(self, *exc):\n        pass\n"
    )
    files = {
        "app/__init__.py": "",
        "app/enums.py": "class Mode: ...\n",
        "app/migration/__init__.py": "from app.migration.utils import legacy_patch\n",
        "app/migration/utils.py": utils,
        "tests/test_utils.py": "from app.migration import legacy_patch\n"
        "def test_a():\n    with legacy_patch():\n        from app.enums import OldMode\n",
    }
    rules = RulesOverHistory()
    model = model_in_memory(files, settings)
    assert not _subjects(rules(model))
    seen = []
    for text in (utils.replace("OldMode", "Other"), utils):
        files["app/migration/utils.py"] = text
        model = model_in_memory(files, settings, previous=model)
        found = _subjects(rules(model))
        assert found == _subjects(run_rules(model_in_memory(files, settings))), text
        seen.append(sorted(path for _, path, _, _ in found))
    assert seen == [["tests/test_utils.py"], []]
