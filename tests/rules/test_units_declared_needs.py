"""What a deployment unit needs, when its packaging says little: StarlingX's nfv, eight
``setup.py`` distributions each with ``install_requires=[]`` (Debian packaging installs what
each imports). An empty list names nothing, so a unit's needs are read from its imports,
and a copy between two units that import each other is reported with plain advice; and a
unit whose product code already imports another's is never told that importing from there
"would add a dependency against that direction"."""

from __future__ import annotations

CONFIG = (
    "import configparser\n\n\nclass Config(configparser.ConfigParser):\n"
    "    def as_dict(self):\n        return dict(self._sections)\n"
)


def _setup(name: str, requires: str) -> str:
    return f"from setuptools import setup\n\nsetup(name={name!r}, packages=[{name!r}], install_requires={requires})\n"


def _ssot001(cli, root) -> list[dict]:
    result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT001")
    return result.json()["violations"]


def test_an_empty_install_requires_reads_the_units_needs_from_its_imports(make_repo, cli):
    files = {
        "common/setup.py": _setup("common", "[]"),
        "common/common/__init__.py": "",
        "common/common/config.py": CONFIG + "\n\nCONF = {}\n",
        "common/common/timers.py": "from common.config import CONF\n",
        "vim/setup.py": _setup("vim", "[]"),
        "vim/vim/__init__.py": "",
        "vim/vim/api.py": "from common import config\n\n" + CONFIG,
    }
    found = _ssot001(cli, make_repo(files))
    assert [(v["path"], v["details"]["canonical"]) for v in found] == [("vim/vim/api.py", "common.config.Config")]
    assert "keep one definition and import it from common.config" in found[0]["message"]


def test_the_same_units_with_declared_requirements_keep_their_own_copies(make_repo, cli):
    """``install_requires=["six"]`` is a declaration: the vim unit imports common without
    requiring it, so it chose its own copy (not reported)."""
    files = {
        "common/setup.py": _setup("common", '["six"]'),
        "common/common/__init__.py": "",
        "common/common/config.py": CONFIG,
        "vim/setup.py": _setup("vim", '["six"]'),
        "vim/vim/__init__.py": "",
        "vim/vim/api.py": "from common import config\n\n" + CONFIG,
    }
    assert _ssot001(cli, make_repo(files)) == []


def test_a_unit_whose_code_imports_the_other_is_told_to_import_from_it(make_repo, cli):
    """The plugins unit requires vim; vim's product code imports plugins too, without
    declaring it: importing one more name from plugins adds no dependency."""
    objects = "class ServiceCategory:\n    PLATFORM = 'platform'\n    OPENSTACK = 'openstack'\n    NETWORK = 'network'\n"
    files = {
        "plugins/setup.py": _setup("plugins", '["vim"]'),
        "plugins/plugins/__init__.py": "",
        "plugins/plugins/objects.py": "import vim.core\n\n\n" + objects,
        "plugins/plugins/fm.py": "from plugins.objects import ServiceCategory\n",
        "plugins/plugins/nova.py": "from plugins.objects import ServiceCategory\n",
        "vim/setup.py": _setup("vim", '["six"]'),
        "vim/vim/__init__.py": "",
        "vim/vim/core.py": "X = 1\n",
        "vim/vim/_objects.py": objects,
        "vim/vim/_openstack.py": "from plugins.objects import ServiceCategory as Category\n",
    }
    found = _ssot001(cli, make_repo(files))
    assert [v["path"] for v in found] == ["vim/vim/_objects.py"]
    assert "against that direction" not in found[0]["message"]
    assert "keep one definition and import it from plugins.objects" in found[0]["message"]
