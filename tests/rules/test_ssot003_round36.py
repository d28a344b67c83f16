"""SSOT003's advice on shapes rounds 34 to 36 found: a broken import's hint named a
namesake of another kind (gunicorn's benchmark calls ``HttpParser(cfg, addr,
is_ssl=False)``, and ``gunicorn.config.HttpParser`` is a command-line setting built with no
argument; lbry's script builds ``Daemon(LBC(), url=...)``, an RPC client, and the SDK's
``Daemon(conf, component_manager=None)`` is its JSON-RPC server). What the file passes when
it calls the name tells them apart; a namesake that takes it is still advised."""

from __future__ import annotations

SETTING = "class Setting:\n    def __init__(self):\n        self.value = None\n\n\nclass HttpParser(Setting):\n    name = 'http_parser'\n"


def _violations(make_repo, cli, files: dict[str, str]) -> list[dict]:
    result = cli("check", str(make_repo(files)), "--format", "json", "--no-cache", "--select", "SSOT003")
    return result.json()["violations"]


def test_a_namesake_that_cannot_take_the_calls_arguments_is_no_advice(make_repo, cli):
    found = _violations(make_repo, cli, {
        "app/__init__.py": "",
        "app/config.py": SETTING,
        "app/parser.py": "class PythonProtocol:\n    pass\n",
        "bench/run.py": "def bench(cfg):\n    from app.parser import HttpParser\n\n"
        "    return HttpParser(cfg, ('127.0.0.1', 8000), is_ssl=False)\n",
    })
    assert [(v["path"], v["line"]) for v in found] == [("bench/run.py", 2)]
    assert "fix" not in found[0] or found[0]["fix"] is None
    assert "takes other arguments than this file passes it" in found[0]["message"]
    assert "import it from there" not in found[0]["message"]


def test_a_missing_module_is_not_retargeted_to_a_namesake_of_another_kind(make_repo, cli):
    found = _violations(make_repo, cli, {
        "app/__init__.py": "",
        "app/daemon.py": "class Registry(type):\n    pass\n\n\nclass Daemon(metaclass=Registry):\n"
        "    def __init__(self, conf, component_manager=None):\n        self.conf = conf\n",
        "scripts/check.py": "from app.server.daemon import Daemon\n\n\ndef main(url):\n    return Daemon(object(), url=url)\n",
    })
    assert [(v["path"], v["line"]) for v in found] == [("scripts/check.py", 1)]
    assert found[0].get("fix") is None


def test_a_namesake_that_takes_the_arguments_is_advised(make_repo, cli):
    """The control: the class moved, and takes what the file passes."""
    found = _violations(make_repo, cli, {
        "app/__init__.py": "",
        "app/server/__init__.py": "",
        "app/server/daemon.py": "class Daemon:\n    def __init__(self, conf, url=None, **options):\n        self.conf = conf\n",
        "app/parser.py": "class PythonProtocol:\n    pass\n",
        "scripts/check.py": "from app.parser import Daemon\n\n\ndef main(url):\n    return Daemon(object(), url=url, retries=3)\n",
        "scripts/other.py": "from app.daemon import Daemon\n\n\ndef main(url):\n    return Daemon(object(), url=url)\n",
    })
    messages = {v["path"]: v for v in found}
    assert "it is defined in app.server.daemon: import it from there" in messages["scripts/check.py"]["message"]
    assert messages["scripts/other.py"]["fix"]["description"] == "import 'Daemon' from app.server.daemon"


def test_an_import_only_type_checkers_run_says_so(make_repo, cli):
    """Round 37: a stale name under ``if TYPE_CHECKING:`` is broken for the type checker,
    not for the program, and the message says which."""
    found = _violations(make_repo, cli, {
        "app/__init__.py": "",
        "app/exchange.py": "class GateIoPerpetualDerivative:\n    pass\n",
        "app/use.py": "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    from app.exchange import GateIoPerpetualExchange\n\n"
        "from app.exchange import Gone\n",
    })
    messages = {v["line"]: v["message"] for v in found}
    assert sorted(messages) == [4, 6]
    assert messages[4].endswith("(under `if TYPE_CHECKING:`: type checkers and IDEs fail on it, the program does not)")
    assert "TYPE_CHECKING" not in messages[6]


def test_a_name_a_registry_sets_on_the_module_says_when_it_exists(make_repo, cli):
    """Round 38: cinder's `from cinder.objects import SnapshotList`, which `cinder.objects`
    binds only under `if TYPE_CHECKING:` and its registry sets when classes register
    (`setattr(objects, cls.obj_name(), cls)`). The import is still reported (it depends on
    the registry having run first), and the message no longer says the name cannot exist."""
    found = _violations(make_repo, cli, {
        "app/__init__.py": "",
        "app/objects/__init__.py": "import typing\n\nif typing.TYPE_CHECKING:\n    from app.objects.snapshot import SnapshotList\n",
        "app/objects/snapshot.py": "class SnapshotList:\n    pass\n",
        "app/objects/base.py": "from app import objects\n\n\nclass Registry:\n    def hook(self, cls):\n"
        "        setattr(objects, cls.obj_name(), cls)\n",
        "app/drivers.py": "from app.objects import SnapshotList\n",
    })
    assert [(v["path"], v["line"]) for v in found] == [("app/drivers.py", 1)]
    message = found[0]["message"]
    assert "app.objects.base sets computed names on app.objects when called (a registry)" in message
    assert "does not exist at runtime" not in message


def test_an_import_type_checkers_read_from_a_generated_stub_is_not_reported(make_repo, cli):
    """Round 38: kitty's `cli_stub.py` writes `cli_stub.pyi` (its `.gitignore` lists
    `*_stub.pyi`), and the remote-control commands import their option classes from it
    under `if TYPE_CHECKING:`. The same import at run time, or from a module whose stub no
    pattern names, is still reported."""
    found = _violations(make_repo, cli, {
        ".gitignore": "*.so\n*_stub.pyi\n",
        "app/__init__.py": "",
        "app/cli_stub.py": "class CLIOptions:\n    pass\n",
        "app/other.py": "class Options:\n    pass\n",
        "app/rc.py": "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    from app.cli_stub import CloseTabRCOptions\n"
        "    from app.other import CloseTabRCOptions as Other\n",
        "app/run.py": "from app.cli_stub import CloseTabRCOptions\n",
    })
    assert sorted((v["path"], v["line"]) for v in found) == [("app/rc.py", 5), ("app/run.py", 1)]


def test_a_name_the_importing_module_defines_itself_is_no_advice_to_import_it(make_repo, cli):
    """Round 40: Solaar's `common.py` imports `FirmwareKind` under `if TYPE_CHECKING:` from
    a module that lacks it, and defines the class itself further down: the hint pointed
    the file at itself."""
    found = _violations(make_repo, cli, {
        "app/__init__.py": "",
        "app/constants.py": "X = 1\n",
        "app/common.py": "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    from app.constants import FirmwareKind\n\n\n"
        "class FirmwareKind:\n    pass\n",
    })
    assert [(v["path"], v["line"]) for v in found] == [("app/common.py", 4)]
    assert "this module defines FirmwareKind itself: the import is not needed" in found[0]["message"]
    assert "import it from there" not in found[0]["message"]


_FORGE = {
    "ML/pyproject.toml": "[project]\nname = 'forge'\n\n[tool.setuptools]\npackages = {find = {where = ['src/python']}}\n\n"
    "[tool.setuptools.package-dir]\n'' = 'src/python'\n",
    "ML/src/python/forge/__init__.py": "from .trainer import Trainer\n",
    "ML/src/python/forge/trainer.py": "class Trainer:\n    pass\n",
    "ML/src/python/forge/models.py": "class ResNet:\n    pass\n",
    # another project of the repository, whose tests import its package through `src`
    # too, which makes `src` a first-party name
    "Hang/pyproject.toml": "[tool.poetry]\nname = 'hangman'\npackages = [{include = 'hangman', from = 'src'}]\n\n"
    "[build-system]\nrequires = ['poetry-core']\nbuild-backend = 'poetry.core.masonry.api'\n",
    "Hang/src/hangman/__init__.py": "",
    "Hang/src/hangman/main.py": "def run():\n    return 1\n",
    "Hang/tests/__init__.py": "",
    "Hang/tests/test_main.py": "from src.hangman.main import run\n\n\ndef test_run():\n    assert run() == 1\n",
}


def test_a_nested_projects_modules_imported_through_the_folders_above_its_root(make_repo, cli):
    """Round 41: geekcomputers' `ML/pyproject.toml` maps its packages to `src/python`, so the
    model names them `forge.*`; the scripts in `ML/`, run from there, import
    `src.python.forge...`, which `ML/` on `sys.path` finds. A module that is there under
    neither name is still missing."""
    found = _violations(make_repo, cli, {
        **_FORGE,
        "ML/train.py": "from src.python.forge import Trainer\nfrom src.python.forge.models import ResNet\n"
        "from src.python.forge.gone import Loader\n\nif __name__ == '__main__':\n    Trainer(ResNet(), Loader())\n",
    })
    assert [(v["path"], v["line"]) for v in found] == [("ML/train.py", 3)]
