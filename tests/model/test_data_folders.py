"""A folder that holds files but no Python is a namespace package: ``from pkg import
templates`` works in Python 3, and is not a broken import (SSOT003)."""

from __future__ import annotations

import pytest

from ssotlint.discover.files import data_folders

FILES = {
    "app/__init__.py": "from . import templates, locale\n",
    "app/templates/index.html": "<html></html>\n",
    "app/locale/de/LC_MESSAGES/django.po": "",
    "app/views.py": "import app.locale.de.LC_MESSAGES\nfrom app.templates import render\n",
    "app/build/readme.txt": "excluded by default\n",
    "docs/index.md": "",
    "app/notes.py": "import docs\n",  # a data folder at the top makes nothing first-party
    "app/mod.py": "X = 1\n",  # a module beside a folder of the same name wins
    "app/mod/data.json": "{}\n",
    "app/mod_user.py": "import app.mod.data\n",
}


@pytest.mark.parametrize("git_init", [True, False], ids=["git", "walk"])
def test_a_folder_without_python_is_an_importable_namespace_package(make_repo, cli, git_init):
    root = make_repo(FILES, git_init=git_init)
    result = cli("check", str(root), "--format", "json", "--no-cache")
    found = [(v["rule"], v["path"], v["line"], v["message"]) for v in result.json()["violations"]]
    assert found == [
        ("SSOT003", "app/mod_user.py", 1, "`import app.mod.data`: app.mod is a module, not a package; it has no submodule 'data'"),
        ("SSOT003", "app/views.py", 2,
         "cannot import name 'render' from namespace package app.templates; it is not defined anywhere in the project"),
    ]


def test_untracked_but_not_ignored_folders_count_and_ignored_ones_do_not(make_repo, cli):
    root = make_repo({**FILES, ".gitignore": "app/cache/\n"}, git_init=True)
    (root / "app" / "media").mkdir()
    (root / "app" / "media" / "logo.png").write_bytes(b"\x89PNG")
    (root / "app" / "cache").mkdir()
    (root / "app" / "cache" / "blob").write_text("x")
    (root / "app" / "late.py").write_text("from app import media, cache\n")
    result = cli("check", str(root), "--format", "json", "--no-cache")
    broken = [(v["path"], v["details"].get("name")) for v in result.json()["violations"] if v["rule"] == "SSOT003"]
    assert ("app/late.py", "cache") in broken
    assert ("app/late.py", "media") not in broken


def test_data_folders():
    modules = ["app/__init__.py", "app/sub/x.py", "lib/_fast.so"]
    others = ["app/sub/data/a.json", "app/sub/y.txt", "app/tpl/a/b.html", "lib/readme", "README.md", "ops/k8s/a.yaml"]
    assert data_folders(modules, others) == ["app/sub/data/", "app/tpl/", "app/tpl/a/", "ops/", "ops/k8s/"]
