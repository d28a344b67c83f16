"""A package installed from a folder of another name (setuptools' ``package_dir``).

Limnoria's setup.py installs ``src/`` as the package ``supybot`` (``package_dir =
{"supybot": "src", "supybot.plugins": "plugins"}``): ``from . import conf`` in
``src/ircmsgs.py`` is ``supybot.conf``. No source root can say that, and read by the folder
names every relative import at the top of ``src/`` climbs "beyond the top-level package".
The table is read as data (a literal in setup.py, setup.cfg, pyproject.toml), never run.
"""

from __future__ import annotations

import pytest

from ssotlint.packaging import PackageDirs, package_dirs

CODE = {
    "src/__init__.py": "class authors: ...\n",
    "src/conf.py": "from . import utils\nfrom .utils import text\nfrom .version import version\n",
    # Written by setup.py and git-ignored: it exists in every installed copy.
    ".gitignore": "src/version.py\n",
    "src/utils/__init__.py": "",
    "src/utils/text.py": "from .. import conf, authors\n",
    "src/drivers/__init__.py": "from .. import conf\nfrom ..utils.text import *\n",
    "plugins/__init__.py": "from .. import conf, utils\nfrom ..conf import *\n",
    "plugins/Admin/__init__.py": "from . import plugin\n",
    "plugins/Admin/plugin.py": "from ... import drivers\n",
    # Broken by the installed names too: still reported.
    "src/world.py": "from . import gone\nfrom .conf import missing_name\nfrom .nothere import x\n",
}

SETUP_LITERAL = "from setuptools import setup\nsetup(name='bot', package_dir={'supybot': 'src', 'supybot.plugins': 'plugins'})\n"
SETUP_NAMED = (
    "import os\nfrom setuptools import setup\n"
    "package_dir = {'supybot': 'src'}\n"
    "package_dir['supybot.plugins'] = 'plugins'\n"
    "for name in os.listdir('plugins'):\n    package_dir['supybot.plugins.' + name] = 'plugins/' + name\n"
    "setup(name='bot', package_dir=package_dir)\n"
)
FORMS = {
    "setup-py-literal": ("setup.py", SETUP_LITERAL),
    "setup-py-name": ("setup.py", SETUP_NAMED),
    "setup-cfg": ("setup.cfg", "[options]\npackage_dir =\n    supybot = src\n    supybot.plugins = plugins\n"),
    "pyproject": ("pyproject.toml", '[tool.setuptools.package-dir]\nsupybot = "src"\n"supybot.plugins" = "plugins"\n'),
}


def ssot003(result) -> list[tuple[str, int, str]]:
    return sorted((v["path"], v["line"], v["message"]) for v in result.json()["violations"] if v["rule"] == "SSOT003")


@pytest.mark.parametrize("form", sorted(FORMS))
def test_relative_imports_are_judged_by_the_installed_package(make_repo, cli, form):
    name, text = FORMS[form]
    files = dict(CODE)
    files[name] = text
    if name != "pyproject.toml":
        files["pyproject.toml"] = ""
    root = make_repo(files)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    found = ssot003(result)
    # Only src/world.py's imports, which fail under the installed names as well: said in them.
    assert found == [
        ("src/world.py", 1, "cannot import name 'gone' from supybot (src/__init__.py); it is neither defined there nor a module of it"),
        ("src/world.py", 2, "cannot import name 'missing_name' from supybot.conf (src/conf.py); it is neither defined there nor a module of it"),
        ("src/world.py", 3, "`from .nothere import x`: no module supybot.nothere (the package supybot is installed from src/)"),
    ], found
    assert result.code == 1


def test_without_the_table_the_imports_climb_beyond_the_top(make_repo, cli):
    files = dict(CODE)
    files["pyproject.toml"] = ""
    root = make_repo(files)
    found = ssot003(cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1"))
    assert ("src/conf.py", 1, "`from . import utils`: attempted relative import beyond the top-level package") in found
    assert ("plugins/Admin/plugin.py", 1, "`from ... import drivers`: attempted relative import beyond the top-level package") in found


def test_the_table_is_read_as_data(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "lib" / "pkg").mkdir(parents=True)
    # Computed values are not seen; a folder named like its package is a root, not a remap.
    (tmp_path / "setup.py").write_text(
        "import os\nfrom setuptools import setup\nsetup(package_dir={'pkg': 'lib/pkg', os.environ['X']: 'src'})\n"
    )
    assert package_dirs(tmp_path) == ()
    (tmp_path / "setup.py").write_text("from setuptools import setup\nsetup(package_dir={'bot': 'src', 'bot.x': '../outside', 'y': 'missing'})\n")
    assert package_dirs(tmp_path) == (("bot", "src"),)
    (tmp_path / "setup.py").write_text("setup(package_dir={'bot': 'src'}\n")  # does not parse
    assert package_dirs(tmp_path) == ()


def test_module_names_by_the_table():
    dirs = PackageDirs((("bot", "src"), ("bot.plugins", "plugins")))
    assert dirs.module_of("src/conf.py") == ("bot.conf", False)
    assert dirs.module_of("src/utils/__init__.py") == ("bot.utils", True)
    assert dirs.module_of("plugins/Admin/plugin.py") == ("bot.plugins.Admin.plugin", False)
    assert dirs.module_of("other/x.py") is None
    assert dirs.module_of("src/0001-x.py") is None
    assert dirs.candidates("bot.plugins.Admin") == ["plugins/Admin.py", "plugins/Admin/__init__.py"]
    assert dirs.candidates("bot") == ["src/__init__.py"]
    assert dirs.candidates("other.x") == []


# detectron2: a dict of subpackages of its own package, each installed from a folder of
# another name under ``projects/`` (``detectron2/projects/`` is a package of its own).
PROJECTS = {
    "setup.py": "from setuptools import find_packages, setup\n\n"
    "PROJECTS = {\n    'det.projects.point_rend': 'projects/Point-Rend/point_rend',\n"
    "    'det.projects.deeplab': 'projects/DeepLab/deeplab',\n}\n\n"
    "setup(name='det', packages=find_packages() + list(PROJECTS.keys()), package_dir=PROJECTS)\n",
    "det/__init__.py": "",
    "det/projects/__init__.py": "",
    "projects/Point-Rend/point_rend/__init__.py": "from .config import add_pointrend_config\n",
    "projects/Point-Rend/point_rend/config.py": "def add_pointrend_config(cfg):\n    return cfg\n",
    "projects/Point-Rend/point_rend/point_features.py": "def point_sample(x):\n    return x\n",
    "projects/DeepLab/deeplab/__init__.py": "",
    "tools/export.py": (
        "from det.projects.point_rend import add_pointrend_config\n"
        "from det.projects.point_rend.point_features import point_sample\n"
        "from det.projects import point_rend\n"
        "import det.projects.deeplab as deeplab\n"
        "from det.projects.point_rend import gone\n"
        "from det.projects.nothere import x\n"
    ),
}


def test_absolute_imports_of_subpackages_installed_from_elsewhere(make_repo, cli):
    root = make_repo(PROJECTS)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    found = sorted((v["path"], v["line"], v["message"]) for v in result.json()["violations"] if v["rule"] == "SSOT003")
    assert [(p, line) for p, line, _ in found] == [("tools/export.py", 5), ("tools/export.py", 6)]
    assert "cannot import name 'gone' from det.projects.point_rend (projects/Point-Rend/point_rend/__init__.py)" in found[0][2]


MAKE_DEFS = (
    "ROOT ?= /usr/share/rhn\n"
    'SPACEWALK_ROOT\t?= $(shell python2 -c "from distutils.sysconfig import get_python_lib; print get_python_lib()")/spacewalk\n'
    "export SPACEWALK_ROOT\n"
)
BACKEND = {
    "backend/Makefile.defs": MAKE_DEFS,
    "backend/__init__.py": "",
    "backend/common/__init__.py": "",
    "backend/common/rhnLog.py": "from spacewalk.common.rhnLib import isSUSE\n\n\ndef log_debug(*args):\n    return isSUSE()\n",
    "backend/common/rhnLib.py": "def isSUSE():\n    return False\n",
    "backend/server/__init__.py": "",
    "backend/server/rhnSQL.py": "from spacewalk.common.rhnLog import log_debug\nfrom spacewalk.common.rhnLog import log_gone\n",
    # The repository's own top-level ``spacewalk/`` folder: admin scripts, no ``common``.
    "spacewalk/admin/rhn_satellite_activate.py": "import os\n",
}


def test_a_makefile_installing_a_folder_into_site_packages_names_its_package(tmp_path):
    """spacewalk's ``backend/Makefile.defs`` installs ``backend/`` as ``spacewalk``
    (``SPACEWALK_ROOT ?= $(shell python2 -c "...get_python_lib()...")/spacewalk``)."""
    for path, text in BACKEND.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text)
    assert package_dirs(tmp_path) == (("spacewalk", "backend"),)
    (tmp_path / "backend/Makefile.defs").write_text("ROOT ?= /usr/share/rhn\nPREFIX ?=\n")
    assert package_dirs(tmp_path) == ()


def test_imports_of_a_package_a_makefile_installs_are_judged_by_its_folder(make_repo, cli):
    root = make_repo({**BACKEND, "pyproject.toml": ""})
    found = ssot003(cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1"))
    assert [(p, line) for p, line, _ in found] == [("backend/server/rhnSQL.py", 2)], found
    assert "cannot import name 'log_gone' from spacewalk.common.rhnLog (backend/common/rhnLog.py)" in found[0][2]
