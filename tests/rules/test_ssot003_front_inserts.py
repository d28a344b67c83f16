"""SSOT003: a module that puts a folder first on ``sys.path`` (``sys.path.insert(0, ...)`` with a
path built from its ``__file__``) imports from there below the call (nicotine-plus's build
scripts import the repository's top ``setup.py``)."""

from __future__ import annotations


def test_a_folder_the_module_puts_first_on_sys_path_answers_its_imports_below_the_call(make_repo, cli):
    """Build scripts (each a project folder of its own, a ``setup.py`` calling ``setup()``)
    put the repository's top first on ``sys.path``, two folders above their own file, then
    import from the top ``setup.py``: that file answers, not the script itself. A name the
    top file lacks is reported in its terms; an import above the call reads as before."""
    root = make_repo({
        "setup.py": "from setuptools import setup\ndef build_translations(): ...\nsetup(name='app')\n",
        "app/__init__.py": "",
        "build-aux/windows/setup.py": (
            "import os, sys\nfrom setuptools import setup\n"
            "CURRENT_PATH = os.path.dirname(os.path.abspath(__file__))\n"
            "PROJECT_PATH = os.path.abspath(os.path.join(CURRENT_PATH, '..', '..'))\n"
            "sys.path.insert(0, PROJECT_PATH)\n"
            "def build():\n    from setup import build_translations, gone\n"
            "setup(name='app')\nfrom app.gone import x\n"
        ),
        "build-aux/macos/setup.py": (
            "import sys\nfrom pathlib import Path\nfrom setuptools import setup\n"
            "sys.path.insert(0, str(Path(__file__).resolve().parents[2]))\n"
            "def build():\n    from setup import build_translations\nsetup(name='app')\n"
        ),
    })
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT003")
    found = {(v["path"], v["line"]): v["message"] for v in result.json()["violations"]}
    # A module missing in that folder's package reads as before.
    assert sorted(found) == [("build-aux/windows/setup.py", 7), ("build-aux/windows/setup.py", 9)], found
    assert found[("build-aux/windows/setup.py", 7)] == (
        "cannot import name 'gone' from setup (setup.py, on sys.path first: this module puts the top of the repository "
        "there before the import); it is neither defined there nor a module of it"
    ), found


def test_a_module_file_linked_from_elsewhere_is_reported_once_at_its_real_path(make_repo, cli):
    """``build-aux/macos/setup.py -> ../windows/setup.py``: one file, analysed and reported
    once, where it really is; the link's module still exists."""
    root = make_repo({
        "app/__init__.py": "",
        "app/models.py": "class User: ...\n",
        "tools/windows/build.py": "from app.models import User, Gone\n",
        "tools/use.py": "import sys\nsys.path.insert(0, 'tools/macos')\nfrom app.models import User\n",
    })
    (root / "tools/macos").mkdir()
    (root / "tools/macos/build.py").symlink_to("../windows/build.py")
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT003")
    assert [(v["path"], v["line"]) for v in result.json()["violations"]] == [("tools/windows/build.py", 1)], result.err
