"""The model derives "names a module binds" three ways, for speed: ``bindings`` (what each
name is bound to, for class resolution), ``_local_names`` (two sets, for from-imports) and
``defined_names`` (the module's own definitions, a shortcut). They must agree; this test
fails as soon as one of them learns a construct the others do not."""

from __future__ import annotations

from pathlib import Path

import pytest

from ssotlint.config import load_config
from ssotlint.discover.files import discover
from ssotlint.discover.modules import source_roots
from ssotlint.extract.summarize import summarize
from ssotlint.model.project import Project

from tests.conftest import FIXTURES, REPO_ROOT

# Every construct that binds a module-level name, once each.
EVERY_BINDING = {
    "app/__init__.py": "",
    "app/base.py": "class Base: ...\nVALUE = 1\n",
    "app/kinds.py": (
        "from typing import TYPE_CHECKING\n"
        "import os\nimport os.path as osp\nimport app.base\n"
        "from app.base import Base, VALUE as V\nfrom app import base\n"
        "from app.kinds import Self\n"
        "if TYPE_CHECKING:\n    from collections import OrderedDict\n    class OnlyTyping: ...\n"
        "Alias = app.base.Base\nX, (Y, Z) = 1, (2, 3)\nfor LOOP in range(1): pass\n"
        "def function(): import json\n"
        "class Local(Base): ...\n"
        "try:\n    import tomllib\nexcept ImportError:\n    tomllib = None\n"
    ),
}
REPOS = [FIXTURES / "traps", REPO_ROOT / "examples" / "sample_repo", None]


@pytest.mark.parametrize("root", REPOS, ids=lambda p: p.name if p else "every-binding")
def test_the_three_views_of_module_names_agree(root, make_repo):
    if root is None:
        root = make_repo(EVERY_BINDING)
    config = load_config(root)
    files = discover(root, config.excludes()).files
    entries = [(path, summarize((root / path).read_bytes())) for path in files]
    project = Project.build(config, source_roots(root, config.src), entries)
    checked = 0
    for module, f in project.modules.items():
        if not f.summary.ok:
            continue
        runtime, typing_only = project._local_names(f)
        bindings = project.bindings(module)
        assert runtime | typing_only == set(bindings), module
        assert typing_only == {n for n, b in bindings.items() if b.typing_only}, module
        assert project.defined_names(module) <= runtime, module
        checked += 1
    assert checked >= 3


def test_a_class_defined_only_for_type_checkers_cannot_be_imported(make_repo, cli):
    """What the agreement protects: the shortcut once accepted this import, which fails at
    run time."""
    root = make_repo({
        "app/__init__.py": "",
        "app/types.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    class Hint: ...\n",
        "app/use.py": "from app.types import Hint\n",
    })
    result = cli("check", str(root), "--format", "json", "--no-cache")
    assert [(v["path"], v["rule"]) for v in result.json()["violations"]] == [("app/use.py", "SSOT003")]
    assert "only under `if TYPE_CHECKING:`" in result.json()["violations"][0]["message"]
