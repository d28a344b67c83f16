"""A package folder whose program is run there (openbmc's ``tests2/cit_runner.py``) puts
that folder first on ``sys.path`` for its own files, and for no one else's."""

from __future__ import annotations

from ssotlint.discover.modules import SourceRoots, settle_roots
from ssotlint.extract.summarize import summarize

RUNNER = {
    "tests2/__init__.py": "",
    "tests2/cit_runner.py": "from utils.platforms import PLATFORMS\n\nif __name__ == '__main__':\n    print(PLATFORMS)\n",
    "tests2/utils/__init__.py": "",
    "tests2/utils/platforms.py": "PLATFORMS = []\n",
    "tests2/common/__init__.py": "",
    "tests2/common/base.py": "from utils.platforms import PLATFORMS\n",
    "tests2/tests/__init__.py": "",
    **{f"tests2/tests/test_{n}.py": "from common.base import PLATFORMS\n" for n in ("a", "b", "c")},
}


def settled(files: dict[str, str]):
    entries = [(path, summarize(text.encode())) for path, text in files.items()]
    return settle_roots(SourceRoots([""]), entries)


def test_a_runners_package_folder_is_a_project_apart():
    roots = settled(RUNNER)
    assert list(roots) == [""]  # its modules keep their names from the top ...
    assert roots.apart == ("tests2",)  # ... and its own files' imports resolve in it


def test_a_module_beside_a_program_is_no_root():
    """``from webcam import WebCam`` in a package's program is Python 2's implicit relative
    import, no sign of a folder put first on ``sys.path``."""
    roots = settled({
        "app/__init__.py": "",
        "app/camera/__init__.py": "",
        "app/camera/webcam.py": "class WebCam:\n    pass\n",
        "app/camera/main.py": "from webcam import WebCam\n\nif __name__ == '__main__':\n    WebCam()\n",
    })
    assert getattr(roots, "apart", ()) == ()


def test_imports_through_the_outer_package_keep_it_a_package():
    files = {**RUNNER, **{f"tests2/tests/test_{n}.py": "from tests2.common.base import PLATFORMS\n" for n in ("a", "b", "c")}}
    files["tests2/common/base.py"] = "from tests2.utils.platforms import PLATFORMS\n"
    assert getattr(settled(files), "apart", ()) == ()


def test_the_runners_tests_are_judged_by_its_own_packages(make_repo, cli):
    """The tests a runner apart loads import its own ``common`` package, while the top holds
    another ``common/`` folder: what they lack of their own is reported, named by its folder,
    and what their own packages hold is not."""
    import json

    files = {
        **RUNNER,
        "common/recipe.py": "RECIPE = 1\n",
        "tests2/tests/test_a.py": (
            "import unittest\n"
            "from common.base import PLATFORMS\n"
            "from common.gone import Thing\n\n"
            "class FansTest(unittest.TestCase):\n"
            "    def test_fans(self):\n"
            "        self.assertTrue(PLATFORMS is not Thing)\n"
        ),
    }
    root = make_repo(files)
    result = cli("check", str(root), "--format", "json", "--no-cache")
    found = [(v["rule"], v["path"], v["line"], v["message"]) for v in json.loads(result.out)["violations"]]
    assert found == [(
        "SSOT003", "tests2/tests/test_a.py", 3,
        "`from common.gone import Thing`: package common (tests2/common/) has no module 'gone'",
    )]
    assert result.code == 1
