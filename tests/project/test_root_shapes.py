"""Where a repository's import roots are, in shapes the packaging files alone do not say.

Each shape was seen on real applications: a root missed makes ssotlint read the package
as a namespace folder of the repository (its imports look third-party, so cycles and
broken imports go unseen, and advice names modules nobody can import); a folder taken for
the project's code that is not (a dependency's namesake) makes every import of it "broken".
"""

from __future__ import annotations

import pytest

SETUP_PY = "from setuptools import setup\n\nsetup(name='x')\n"


def _check(cli, root):
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    return result.json()["violations"]


def _found(violations, rule):
    return sorted((v["path"], v["line"]) for v in violations if v["rule"] == rule)


def test_a_folder_holding_a_package_of_its_own_name_is_its_root(make_repo, cli):
    """securedrop's ``journalist_gui/journalist_gui/``: the outer folder is no package; its
    script and test run with it first on ``sys.path``, and a regular package wins over a
    namespace portion anyway, so ``journalist_gui`` is the inner package."""
    root = make_repo({
        "gui/gui/__init__.py": "",
        "gui/gui/strings.py": "TITLE = 'x'\n",
        "gui/gui/updater.py": "from gui import strings\nfrom gui.strings import Gone\n",
        "gui/test_gui.py": "from gui.updater import strings\n",
    })
    assert _found(_check(cli, root), "SSOT003") == [("gui/gui/updater.py", 2)]


def test_a_stray_outer_name_import_does_not_unmake_an_installed_project(make_repo, cli):
    """allura's ``Allura/setup.py`` beside ``Allura/allura/``: one test imports
    ``Allura.allura.tests...`` (the repository's root is on its path too), every other
    module imports ``allura...``: the project is installed, its folder is a root, and the
    cycles and broken imports of its package are found."""
    root = make_repo({
        "Core/setup.py": SETUP_PY,
        "Core/core/__init__.py": "",
        "Core/core/helpers.py": "from core import validators\n\nX = validators.Y\n",
        "Core/core/validators.py": "from core import helpers\n\nY = 1\n",
        "Core/core/security.py": "from core.helpers import Missing\n",
        "Core/core/tests/__init__.py": "",
        "Core/core/tests/test_a.py": "from core.helpers import X\n",
        "Core/core/tests/test_b.py": "from Core.core.tests.test_a import X\n",
    })
    violations = _check(cli, root)
    assert _found(violations, "SSOT003") == [("Core/core/security.py", 1)]
    assert [v["path"] for v in violations if v["rule"] == "SSOT002"] == ["Core/core/helpers.py"]


def test_a_nested_requirements_file_declares_the_dependency_a_folder_is_named_like(make_repo, cli):
    """securedrop's ``securedrop/alembic/`` migrations (no ``__init__.py``) in the
    application folder, with ``alembic`` declared in
    ``securedrop/requirements/python3/requirements.in``: the installed package wins."""
    root = make_repo({
        "app/manage.py": "import models\n",
        "app/models.py": "from manage import Gone\n",
        "app/alembic/env.py": "from alembic import context\n",
        "app/alembic/versions/0001_init.py": "from alembic import op\n",
        "app/requirements/python3/requirements.in": "# direct dependencies\nalembic>=1.1\nflask\n",
    })
    assert _found(_check(cli, root), "SSOT003") == [("app/models.py", 1)]


def test_requirements_in_a_fixture_folder_declare_nothing(make_repo, cli):
    root = make_repo({
        "app/manage.py": "import models\n",
        "app/models.py": "X = 1\n",
        "app/alembic/env.py": "from alembic import context\n",
        "tests/fixtures/requirements.txt": "alembic\n",
    })
    assert _found(_check(cli, root), "SSOT003") == [("app/alembic/env.py", 1)]


PANTS = '''[GLOBAL]
pants_version = "2.30.0"

[source]
root_patterns = ["/packages/trading", "/services/*", "src/python", "/"]
marker_filenames = ["SOURCE_ROOT"]
'''


def test_pants_source_roots(make_repo, cli):
    """OctoBot's ``pants.toml``: each ``/packages/<name>`` is a source root, so
    ``octobot_trading`` is a package, its cycles and broken imports are found, and each
    root's own ``tests`` package is the one its tests import. Anchored (``/x``), wildcard
    (``/services/*``), unanchored (``src/python``: any folder ending so) patterns, and
    folders holding a marker file, as Pants reads them."""
    root = make_repo({
        "pants.toml": PANTS,
        "packages/trading/trading_core/__init__.py": "from trading_core import enums\n",
        "packages/trading/trading_core/enums.py": "import trading_core\n\nSIDE = 1\nDEFAULT = trading_core.DEFAULT_SIDE\n",
        "packages/trading/trading_core/orders.py": "from trading_core.enums import Gone\n",
        "packages/trading/tests/__init__.py": "",
        "packages/trading/tests/mocks.py": "DATA = 1\n",
        "packages/trading/tests/test_orders.py": "from tests.mocks import DATA\nfrom trading_core.enums import SIDE\n",
        "tests/__init__.py": "",
        "tests/test_app.py": "from tests import helpers\n",
        "tests/helpers.py": "",
        "services/billing/invoicing/__init__.py": "",
        "services/billing/invoicing/api.py": "from invoicing.models import Invoice\n",
        "apps/web/src/python/web/__init__.py": "",
        "apps/web/src/python/web/views.py": "from web.forms import Form\n",
        "libs/marked/SOURCE_ROOT": "",
        "libs/marked/marked_lib/__init__.py": "from marked_lib.core import Absent\n",
        "libs/marked/marked_lib/core.py": "",
    })
    violations = _check(cli, root)
    assert _found(violations, "SSOT003") == [
        ("apps/web/src/python/web/views.py", 1),
        ("libs/marked/marked_lib/__init__.py", 1),
        ("packages/trading/trading_core/orders.py", 1),
        ("services/billing/invoicing/api.py", 1),
    ]
    cycles = [v["message"] for v in violations if v["rule"] == "SSOT002"]
    assert len(cycles) == 1 and "trading_core -> trading_core.enums -> trading_core" in cycles[0], cycles


def test_pants_patterns_that_name_no_folder_or_leave_the_repository_add_nothing(tmp_path):
    from ssotlint.discover.build_roots import pants_roots

    (tmp_path / "outside").mkdir()
    root = tmp_path / "repo"
    (root / "lib").mkdir(parents=True)
    (root / "pants.toml").write_text('[source]\nroot_patterns = ["/../outside", "../outside", "/missing", "nowhere/python", "/lib"]\n')
    assert pants_roots(root) == ["lib"]


ENTRY = (
    "import os\nimport sys\n\n"
    "sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'lib'))\n\n"
    "import app\n"
)
COPIED = {
    "lib/six.py": "class Iterator:\n    pass\n",
    "lib/requests/__init__.py": "from . import models\n",
    "lib/requests/models.py": "from .gone import X\n",
    "lib/oauth/__init__.py": "class Iterator:\n    pass\n",
    "app/__init__.py": "",
    "app/main.py": "from app.util import Missing\n",
    "app/util.py": "",
}


def test_a_folder_of_dependencies_an_entry_script_puts_on_sys_path_is_vendored(make_repo, cli):
    """Tautulli's ``lib/`` (72 copied distributions, all in requirements.txt), put first on
    ``sys.path`` by ``Tautulli.py``: other projects' code, not analysed, and imports of it
    are imports of modules that exist."""
    root = make_repo({"Main.py": ENTRY, "requirements.txt": "six==1.17\nrequests\n", **COPIED})
    violations = _check(cli, root)
    assert sorted((v["rule"], v["path"]) for v in violations) == [("SSOT003", "app/main.py")]


@pytest.mark.parametrize("declared", ["", "six==1.17\n"], ids=["nothing-declared", "one-name"])
def test_a_folder_on_sys_path_without_copies_of_dependencies_is_the_projects_code(make_repo, cli, declared):
    """A script's own modules on ``sys.path`` (fides' ``sys.path.append("noxfiles")``) are
    the project's code; so is a folder only one of whose names is a declared dependency."""
    root = make_repo({"Main.py": ENTRY, "requirements.txt": declared, **COPIED})
    violations = _check(cli, root)
    assert ("SSOT003", "lib/requests/models.py") in {(v["rule"], v["path"]) for v in violations}


def test_a_folder_no_script_puts_on_sys_path_is_the_projects_code(make_repo, cli):
    root = make_repo({"Main.py": "import app\n", "requirements.txt": "six\nrequests\n", **COPIED})
    violations = _check(cli, root)
    assert ("SSOT003", "lib/requests/models.py") in {(v["rule"], v["path"]) for v in violations}


MANY_COPIED = {
    **COPIED,
    "lib/attr/__init__.py": "from ._make import gone\n",
    "lib/certifi/__init__.py": "from .core import where\n",
}


def test_a_folder_mostly_of_copied_dependencies_is_vendored_without_a_literal_path_call(make_repo, cli):
    """Medusa's ``ext/`` (36 of its 78 packages pinned in requirements.txt) is put on
    ``sys.path`` by a function that builds the path from constants: no literal call names
    it, but half or more of its importable names are declared distributions."""
    root = make_repo({"Main.py": "import app\n", "requirements.txt": "six\nrequests\nattrs\ncertifi\n", **MANY_COPIED})
    violations = _check(cli, root)
    assert sorted((v["rule"], v["path"]) for v in violations) == [("SSOT003", "app/main.py")]


def test_a_folder_of_deployable_units_named_like_dependencies_is_the_projects_code(make_repo, cli):
    """Cortex-Analyzers' ``analyzers/Censys/`` is the project's analyzer for Censys, with
    its own requirements.txt: a unit named like what it integrates, not a copy of it."""
    units = {
        path.replace("/__init__.py", "/requirements.txt"): "x\n"
        for path in MANY_COPIED if path.startswith("lib/") and path.endswith("__init__.py")
    }
    root = make_repo(
        {"Main.py": "import app\n", "requirements.txt": "six\nrequests\nattrs\ncertifi\n", **MANY_COPIED, **units}
    )
    violations = _check(cli, root)
    assert ("SSOT003", "lib/requests/models.py") in {(v["rule"], v["path"]) for v in violations}


RELEASED = "__version__ = '2.1'\n__author__ = 'Someone Else'\n"


@pytest.mark.parametrize(
    "released, text", [(5, RELEASED), (4, RELEASED), (5, "__version__ = '2.1'\n")], ids=["five-releases", "four", "versions-only"]
)
def test_a_folder_on_sys_path_of_other_projects_releases_is_vendored_whatever_is_declared(make_repo, cli, released, text):
    """CouchPotato's ``libs/`` (a package itself, put first on ``sys.path`` by
    ``CouchPotato.py``; the project declares no dependency): ``requests/``, ``tornado/``
    ... each carry a release's metadata. Five such packages make the folder vendored; a
    folder with fewer is the project's code, and so is one whose packages only number their
    versions (a project's own plugins)."""
    names = ["requests", "tornado", "guessit", "chardet", "oauthlib"]
    files = {
        "Main.py": ENTRY,
        "lib/__init__.py": "",
        "lib/requests/models.py": "from .gone import X\n",
        **{f"lib/{n}/__init__.py": text if i < released else "" for i, n in enumerate(names)},
        "app/__init__.py": "",
        "app/main.py": "from app.util import Missing\n",
        "app/util.py": "",
    }
    violations = _check(cli, make_repo(files))
    found = {(v["rule"], v["path"]) for v in violations}
    assert (("SSOT003", "lib/requests/models.py") in found) == (released < 5 or text != RELEASED)
    assert ("SSOT003", "app/main.py") in found


@pytest.mark.parametrize("released", [2, 1], ids=["two-releases", "one"])
def test_a_package_folder_on_sys_path_of_declared_and_released_copies_is_vendored(make_repo, cli, released):
    """mylar3's ``lib/`` (a package itself, put on ``sys.path`` at index 1 by ``Mylar.py``):
    two of its packages are named like declared distributions (``natsort``, ``rarfile``) and
    two carry a release's metadata (``rtorrent``, ``transmissionrpc``). With only one
    release among them the folder stays the project's code."""
    files = {
        "Main.py": ENTRY.replace("insert(0,", "insert(1,"),
        "requirements.txt": "natsort\nrarfile\n",
        "lib/__init__.py": "",
        "lib/natsort/__init__.py": "",
        "lib/rarfile/__init__.py": "",
        "lib/rarfile/core.py": "from .gone import X\n",
        **{f"lib/{n}/__init__.py": RELEASED if i < released else "" for i, n in enumerate(["rtorrent", "transmit"])},
        "app/__init__.py": "",
        "app/main.py": "from app.util import Missing\n",
        "app/util.py": "",
    }
    found = {(v["rule"], v["path"]) for v in _check(cli, make_repo(files))}
    assert (("SSOT003", "lib/rarfile/core.py") in found) == (released < 2)
    assert ("SSOT003", "app/main.py") in found


RELEASE_OF = (
    "__title__ = 'dbus_next'\n__url__ = 'https://github.com/someone/python-dbus-next'\n"
    "__version__ = '0.2.3'\n__author__ = 'Someone Else'\n__license__ = 'MIT'\n"
)


@pytest.mark.parametrize(
    "where, project, copied",
    [
        ("agent/linux/dbus_next", "[project]\nname = 'sandbox'\n", True),
        ("agent/linux/dbus_next", "[project]\nname = 'python-dbus-next'\n", False),
        ("agent/linux/dbus_next", "", False),
        ("dbus_next", "[project]\nname = 'sandbox'\n", False),
    ],
    ids=["copied-release", "its-own-project", "nothing-declared", "at-the-top"],
)
def test_a_package_whose_metadata_names_another_projects_release_is_vendored(make_repo, cli, where, project, copied):
    """CAPEv2's ``analyzer/linux/dbus_next/``: its ``__version__.py`` names the upstream
    project (``__url__`` ending ``python-dbus-next``, a version, an author and a licence),
    and the repository builds ``CAPEv2``: a copy of another project's release, not
    analysed. The same package is the project's own when the repository builds a
    distribution of its name, declares nothing, or holds it at its top."""
    files = {
        "pyproject.toml": project,
        f"{where}/__init__.py": "from . import message\n",
        f"{where}/__version__.py": RELEASE_OF,
        f"{where}/message.py": "from .errors import Fault\n\n\nclass Message:\n    pass\n",
        f"{where}/errors.py": "from .message import Message\n\n\nclass Fault(Exception):\n    pass\n",
        "agent/linux/agent.py": "import dbus_next\n",
        "agent/linux/lib/__init__.py": "",
    }
    found = {(v["rule"], v["path"]) for v in _check(cli, make_repo(files))}
    assert any(rule == "SSOT002" and path.startswith(where) for rule, path in found) != copied, found


@pytest.mark.parametrize("shape", ["copies", "script"])
def test_diff_and_history_leave_out_the_vendored_folder_as_check_does(make_repo, cli, shape):
    """A commit is read like the working tree: the working tree's vendored folders are not
    analysed in it either. A clean tree has nothing new or fixed against HEAD, and the last
    point of ``score --history`` is ``score``'s."""
    files = (
        {"Main.py": "import app\n", "requirements.txt": "six\nrequests\nattrs\ncertifi\n", **MANY_COPIED}
        if shape == "copies"
        else {"Main.py": ENTRY, "requirements.txt": "six==1.17\nrequests\n", **COPIED}
    )
    root = make_repo(files, git_init=True)
    diff = cli("diff", str(root), "--format", "json", "--no-cache").json()
    assert (diff["new"], diff["fixed"], diff["unchanged"]) == ([], [], 1)
    score = cli("score", str(root), "--format", "json", "--no-cache").json()["overall"]
    [point] = cli("score", str(root), "--history", "--format", "json", "--no-cache").json()["commits"]
    assert point["overall"] == score and point["overall"]["files"] == 4


def test_outer_name_imports_through_a_shared_package_keep_the_folder_in_the_namespace(make_repo, cli):
    """``services/auth/`` builds a distribution, and its own code imports ``auth_core``
    more often than the rest imports ``services.auth.auth_core``; but ``services/`` holds
    other code, so as a root the outer-name import would read as broken: it stays in the
    repository's namespace."""
    root = make_repo({
        "services/__init__.py": "",
        "services/auth/pyproject.toml": '[project]\nname = "auth"\n',
        "services/auth/auth_core/__init__.py": "from auth_core import tokens\n",
        "services/auth/auth_core/tokens.py": "from auth_core import keys\n",
        "services/auth/auth_core/keys.py": "from auth_core.tokens import x\n\nK = 1\n",
        "services/app/__init__.py": "",
        "services/app/main.py": "from services.auth.auth_core.keys import K\n",
    })
    assert _found(_check(cli, root), "SSOT003") == []


def test_a_folder_imported_by_its_own_names_tenfold_is_a_root_though_its_outer_folder_is_shared(make_repo, cli):
    """Kiln's ``libs/core/`` (a uv workspace member beside ``libs/server/``): hundreds of
    imports of ``kiln_ai`` and two through ``libs.core.kiln_ai``. The own names win by ten
    to one or more, so the folder is installed: its modules are ``auth_core.*`` (a cycle
    and a missing name are found under those names), and the outer-name import is no
    broken import."""
    files = {
        "services/__init__.py": "",
        "services/auth/pyproject.toml": '[project]\nname = "auth"\n',
        "services/auth/auth_core/__init__.py": "",
        "services/auth/auth_core/tokens.py": "from auth_core.keys import K\nfrom auth_core.keys import missing_one\nx = 1\n",
        "services/auth/auth_core/keys.py": "K = 1\n",
        **{f"services/auth/auth_core/m{i}.py": "from auth_core.tokens import x\nfrom auth_core import keys\n" for i in range(5)},
        "services/app/__init__.py": "",
        "services/app/main.py": "from services.auth.auth_core.keys import K\n",
    }
    found = [(v["rule"], v["path"], v["message"].split(";")[0]) for v in _check(cli, make_repo(files))]
    assert found == [(
        "SSOT003", "services/auth/auth_core/tokens.py",
        "cannot import name 'missing_one' from auth_core.keys (services/auth/auth_core/keys.py)",
    )]


def _engine_tree(config: dict[str, str]) -> dict[str, str]:
    """ballistica's shape: the game's packages under ``src/assets/python/`` and the tools
    under ``tools/``, folders that are no package, each put on ``sys.path`` by the
    programs that run them."""
    return {
        **config,
        "src/assets/python/gamebase/__init__.py": "from gamebase.core import run\n",
        "src/assets/python/gamebase/core.py": "def run():\n    return 1\n",
        "src/assets/python/gamelib/__init__.py": "",
        "src/assets/python/gamelib/level.py": "from gamebase.core import run\nfrom gamebase.core import walk\n",
        "tools/buildtools/__init__.py": "",
        "tools/buildtools/make.py": "from buildtools.util import helper\n",
        "tools/buildtools/util.py": "def helper():\n    return 2\n",
    }


@pytest.mark.parametrize(
    "config",
    [
        {".vscode/settings.json": '{\n  // the engine sets these up\n  "python.analysis.extraPaths": ["src/assets/python", "${workspaceFolder}/tools",],\n}\n'},
        {"pyrightconfig.json": '{"extraPaths": ["src/assets/python"], "executionEnvironments": [{"root": "tools"}]}'},
        {"pyproject.toml": '[tool.mypy]\nmypy_path = ["src/assets/python", "tools"]\n'},
        {"mypy.ini": "[mypy]\nmypy_path = $MYPY_CONFIG_FILE_DIR/src/assets/python:tools\n"},
    ],
    ids=["vscode", "pyright", "mypy-toml", "mypy-ini"],
)
def test_folders_the_type_checkers_are_told_about_are_source_roots(make_repo, cli, config):
    """The folders a project's Pyright, VS Code or mypy settings put on the import path are
    roots: ``gamebase`` is first-party, its missing ``walk`` is reported under the name the
    code uses, and nothing is called ``src.assets.python.gamebase``."""
    violations = _check(cli, make_repo(_engine_tree(config)))
    assert [(v["rule"], v["path"], v["line"]) for v in violations] == [
        ("SSOT003", "src/assets/python/gamelib/level.py", 2)
    ], violations
    assert "gamebase.core" in violations[0]["message"] and "src.assets" not in violations[0]["message"]


def test_without_such_settings_the_folders_are_no_roots(make_repo, cli):
    """The control: nothing says so, and ``gamebase`` reads as a library not installed here."""
    violations = _check(cli, make_repo(_engine_tree({})))
    assert _found(violations, "SSOT003") == []


def test_checker_paths_outside_the_repository_or_absent_add_nothing(tmp_path):
    from ssotlint.discover.checker_roots import checker_roots

    (tmp_path / "outside").mkdir()
    root = tmp_path / "repo"
    (root / "lib").mkdir(parents=True)
    (root / "pyrightconfig.json").write_text(
        '{"extraPaths": ["../outside", "/abs/lib", "missing", "lib", ".", "${env:HOME}/x"]}'
    )
    (root / "setup.cfg").write_text("[mypy]\nmypy_path = lib, ../outside\n")
    assert checker_roots(root) == ["lib"]


def test_a_linked_editor_settings_folder_is_not_followed(tmp_path):
    """The repository is untrusted: a ``.vscode`` that links out of it is not read."""
    from ssotlint.discover.checker_roots import checker_roots

    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "settings.json").write_text('{"python.analysis.extraPaths": ["lib"]}')
    root = tmp_path / "repo"
    (root / "lib").mkdir(parents=True)
    (root / ".vscode").symlink_to(outside, target_is_directory=True)
    assert checker_roots(root) == []
    (root / ".vscode").unlink()
    (root / ".vscode").mkdir()
    (root / ".vscode" / "settings.json").write_text('{"python.analysis.extraPaths": ["lib"]}')
    assert checker_roots(root) == ["lib"]


def test_a_src_package_imported_by_its_name_is_a_package_not_a_root(make_repo, cli):
    """MaiBot's ``src/`` has an ``__init__.py`` and its code imports ``src.chat.x`` (1,664
    statements): its modules are ``src.*``, and a broken import through ``src.`` is found.
    A ``src/`` whose code imports its packages by their own names stays a root."""
    files = {
        "src/__init__.py": "",
        "src/chat/__init__.py": "",
        "src/chat/message.py": "class Message:\n    pass\n",
        "src/chat/events.py": "from src.chat.message import Message, MessageSending\n",
        "src/bot.py": "from src.chat import events\nfrom src.chat.message import Message\n",
        "scripts/run.py": "from src.bot import main\n",
    }
    result = cli("check", str(make_repo(files)), "--format", "json", "--no-cache", "--select", "SSOT003")
    assert [(v["path"], v["line"]) for v in result.json()["violations"]] == [
        ("scripts/run.py", 1), ("src/chat/events.py", 1),
    ]
    inner = {p: t.replace("src.", "") for p, t in files.items() if p != "scripts/run.py"}
    result = cli("check", str(make_repo(inner, name="inner")), "--format", "json", "--no-cache", "--select", "SSOT003")
    assert [(v["path"], v["line"]) for v in result.json()["violations"]] == [("src/chat/events.py", 1)]


def test_a_src_folder_imported_through_as_a_namespace_is_no_root(make_repo, cli):
    """achatbot's ``src/`` has no ``__init__.py``, and its code imports ``src.common.x``
    (1,227 statements, none by ``common.x``): a namespace package of the repository's top,
    whose broken imports are found. A folder the code puts on ``sys.path`` by an absolute path
    (a container's, ``sys.path.insert(1, "/examples/sweep")``) may hold what an import after
    it lacks here. A ``src/`` whose packages are imported by their own names stays a root."""
    files = {
        "src/common/__init__.py": "",
        "src/common/interface.py": "class IAsr:\n    pass\n",
        "src/modules/__init__.py": "",
        "src/modules/whisper_asr.py": "from src.common.interface import IAsr as Base\n\n\nclass WhisperAsr(Base):\n    pass\n",
        "test/test_factory.py": "from src.modules.whisper_asr import WhisperAsr\nfrom src.modules.whisper_asr import IAsr\n",
        "deploy/train.py": "import sys\n\nsys.path.insert(1, '/examples/sweep')\n\nfrom src.dataset import Dataset\n",
    }
    result = cli("check", str(make_repo(files)), "--format", "json", "--no-cache", "--select", "SSOT003")
    assert [(v["path"], v["line"]) for v in result.json()["violations"]] == [("test/test_factory.py", 2)]
    inner = {p: t.replace("src.", "") for p, t in files.items() if not p.startswith("deploy/")}
    result = cli("check", str(make_repo(inner, name="inner")), "--format", "json", "--no-cache", "--select", "SSOT003")
    assert [(v["path"], v["line"]) for v in result.json()["violations"]] == [("test/test_factory.py", 2)]
    assert "from modules.whisper_asr" in result.json()["violations"][0]["message"]
    # As many imports through `src.` as by the packages' own names: `src/` stays a root.
    tie = {
        "src/common/__init__.py": "",
        "src/common/interface.py": "class IAsr:\n    pass\n",
        "test/test_one.py": "from src.common.interface import IAsr\n",
        "test/test_two.py": "from common.gone import IAsr\n",
    }
    result = cli("check", str(make_repo(tie, name="tie")), "--format", "json", "--no-cache", "--select", "SSOT003")
    assert [(v["path"], v["line"]) for v in result.json()["violations"]] == [("test/test_two.py", 1)]
