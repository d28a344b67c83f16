"""Folders a tool's loader runs (``ssotlint.model.overlay``): a test script's failing import
that a namesake package *beside it* holds is served by the loader; the same import from a
folder no such namesake lies beside is broken."""

from __future__ import annotations

SCRIPT = "from app.module_utils.foo import data\n\nif __name__ == '__main__':\n    print(data)\n"

FILES = {
    "app/__init__.py": "",
    "app/module_utils/__init__.py": "",
    "app/module_utils/basic.py": "class AnsibleModule: ...\n",
    "tests/__init__.py": "",
    "tests/targets/__init__.py": "",
    # a namesake above both scripts, without the module they ask for
    "tests/targets/module_utils/__init__.py": "",
    # beside the first script: the namesake a loader merges, holding it
    "tests/targets/mu/module_utils/__init__.py": "",
    "tests/targets/mu/module_utils/foo.py": "data = 1\n",
    "tests/targets/mu/library/run.py": SCRIPT,
    # the same import where no namesake holding it lies beside: broken
    "tests/targets/zz/library/run.py": SCRIPT,
}


def test_the_same_import_is_served_beside_a_namesake_and_broken_elsewhere(make_repo, cli):
    root = make_repo(FILES)
    result = cli("check", str(root), "--format", "json", "--no-cache")
    broken = [(v["rule"], v["path"], v["line"]) for v in result.json()["violations"] if v["rule"] == "SSOT003"]
    assert broken == [("SSOT003", "tests/targets/zz/library/run.py", 1)]
