"""A folder inside a package that the root's ``.gitignore`` names by its whole path is put
there when the code runs (hacs' ``custom_components/hacs/hacs_frontend``, which a script
pip-installs into the package): its modules are not known, not missing. A pattern with a
wildcard, or an ignored folder outside a package, says nothing."""

from __future__ import annotations

FILES = {
    ".gitignore": "__pycache__\n*/build/*\n# downloaded on release\napp/plug/frontend\napp/plug/wild*\nloose/front\n",
    "app/__init__.py": "",
    "app/plug/__init__.py": "",
    "app/plug/dev.py": "from .frontend import VERSION, locate_dir\nfrom app.plug.frontend.sub import x\n"
    "from app.plug.wildcard import y\nfrom app.plug.gone import z\n",
}


def _broken(cli, root) -> list[tuple[str, int]]:
    result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT003")
    return sorted((v["path"], v["line"]) for v in result.json()["violations"])


def _lines(cli, root) -> list[int]:
    result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT003")
    return [v["line"] for v in result.json()["violations"]]


def test_imports_of_an_ignored_folder_inside_a_package_are_not_broken(make_repo, cli):
    assert _lines(cli, make_repo(FILES)) == [3, 4]


def test_the_same_folder_not_ignored_is_missing(make_repo, cli):
    files = {**FILES, ".gitignore": "__pycache__\n"}
    assert _lines(cli, make_repo(files)) == [1, 2, 3, 4]


# A folder kept by a placeholder whose contents a build writes (dash's ``dash/html/*`` with
# ``!dash/html/.gitkeep``: the components' generated classes).
GENERATED = {
    ".gitignore": "dash/html/*\n!dash/html/.gitkeep\ndash/data/*\n",
    "dash/__init__.py": "",
    "dash/html/.gitkeep": "",
    "dash/data/__init__.py": "",
    "dash/app.py": "from dash.html import Div\nfrom .html import Span\nimport dash.html.Table\nfrom dash.data import rows\n",
}


def test_a_kept_folder_whose_contents_are_ignored_is_generated(make_repo, cli):
    """Line 4: ``dash/data/*`` ignores a folder that holds a module here, which lacks
    ``rows``: that import is judged."""
    assert _lines(cli, make_repo(GENERATED)) == [4]


def test_the_kept_folder_not_ignored_is_missing(make_repo, cli):
    files = {**GENERATED, ".gitignore": "dash/other/*\n"}
    assert _lines(cli, make_repo(files)) == [1, 2, 3, 4]


# A package whose modules a developer writes at setup, from samples: a .gitignore in its
# source root ignores its contents and keeps its `__init__.py` alone (researchhub's
# `src/.gitignore`: `config_local/*`, `!config_local/__init__.py`).
LOCAL = {
    "src/.gitignore": "config/*\n!config/*.py\nconfig_local/*\n!config_local/__init__.py\n",
    "src/config_local/__init__.py": "",
    "src/config/__init__.py": "",
    "src/app/__init__.py": "",
    "src/app/settings.py": "import os\n\nif os.environ.get('CLOUD'):\n    from config import db\nelse:\n"
    "    from config_local import db, keys\n",
}


def test_a_package_kept_by_its_init_alone_is_written_at_setup(make_repo, cli):
    """Line 4: ``config/*`` keeps every ``.py`` of its folder (no placeholder alone): judged."""
    assert _lines(cli, make_repo(LOCAL)) == [4]


def test_the_same_package_with_its_contents_not_ignored_is_missing(make_repo, cli):
    files = {**LOCAL, "src/.gitignore": "config/*\n!config/*.py\n"}
    assert _lines(cli, make_repo(files)) == [4, 6, 6]


def test_a_wildcard_for_the_packages_a_generated_folder_is_in(make_repo, cli):
    """ballistica's ``/src/assets/ba_data/python/*/_generated``: a build writes each
    package's ``_generated`` there. Each package the wildcard matches gets its folder as
    unknown; a name the pattern does not end in, or a package it does not match, is
    still missing."""
    files = {
        ".gitignore": "/pkgs/*/_generated\n",
        "pkgs/alpha/__init__.py": "",
        "pkgs/alpha/use.py": "from pkgs.alpha._generated.enums import Mode\nfrom pkgs.alpha._gone import x\n",
        "pkgs/beta/__init__.py": "",
        "pkgs/beta/use.py": "from pkgs.beta._generated import enums\n",
        "other/__init__.py": "",
        "other/use.py": "from other._generated import enums\n",
    }
    assert _broken(cli, make_repo(files)) == [("other/use.py", 1), ("pkgs/alpha/use.py", 2)]


def test_a_folder_of_a_package_ignored_at_any_depth(make_repo, cli):
    """sonic-mgmt's ``**/common/sai_validation/generated/``: a test fixture compiles the gNMI
    stubs into that folder of the package wherever it lies. Its modules are unknown; a
    package of another path, and a bare ``**/generated`` (every package's), say nothing."""
    files = {
        ".gitignore": "**/common/sai_validation/generated/\n**/generated\n",
        "app/__init__.py": "",
        "app/common/__init__.py": "",
        "app/common/sai_validation/__init__.py": "",
        "app/common/sai_validation/client.py": "from app.common.sai_validation.generated import gnmi_pb2\n",
        "app/other/__init__.py": "",
        "app/other/use.py": "from app.other.generated import gnmi_pb2\n",
    }
    assert _broken(cli, make_repo(files)) == [("app/other/use.py", 1)]


def test_a_folder_the_linters_skip_and_a_build_writes_is_unknown(make_repo, cli):
    """experimenter's Dockerfile writes ``experimenter/glean/generated`` and its
    ``pyproject.toml`` (one folder down) tells ruff to skip it; a ``setup.cfg`` tells
    flake8 to skip ``app/proto/gen``. Imports from them are not broken. A skipped path
    that is here is read as it is, a wildcard or a folder outside a package says nothing."""
    files = {
        "web/pyproject.toml": '[project]\nname = "web"\n\n[tool.ruff]\nexclude = ["migrations", "portal/glean/generated", "**/node_modules"]\n',
        "web/portal/__init__.py": "",
        "web/portal/glean/__init__.py": "",
        "web/portal/glean/views.py": "from portal.glean.generated.server_events import logger\nfrom portal.glean.gone import x\n",
        "setup.cfg": "[flake8]\nexclude =\n    .git,\n    app/proto/gen,\n    app/present,\n    loose/gen\n",
        "app/__init__.py": "",
        "app/proto/__init__.py": "",
        "app/api.py": "from app.proto.gen.messages_pb2 import Ping\nfrom app.present import missing\nfrom loose.gen import y\n",
        "app/present.py": "here = 1\n",
        "loose/other.py": "z = 1\n",
        # The root's ruff configuration, as ssotlint reads it for `respect-linter-excludes`.
        "ruff.toml": 'extend-exclude = ["app/schemas"]\n',
        "app/client.py": "from app.schemas.v1 import Model\n",
    }
    assert _broken(cli, make_repo(files)) == [("app/api.py", 2), ("app/api.py", 3), ("web/portal/glean/views.py", 2)]


# A package of generated modules whose `.gitignore` ignores every module but its
# `__init__.py` (modal's `modal_proto/`: `*.py`, `!__init__.py`), or whose parent's does
# (`modal_proto/*.py`, `!modal_proto/__init__.py`): protoc writes its modules.
PROTOS = {
    "gen/.gitignore": "# written by protoc\n*.py\n!__init__.py\n",
    "gen/__init__.py": "",
    "lib/.gitignore": "stubs/*.py\n!stubs/__init__.py\n",
    "lib/stubs/__init__.py": "",
    "lib/kept/.gitignore": "*.py\n!__init__.py\n",
    "lib/kept/__init__.py": "",
    "lib/kept/real.py": "X = 1\n",
    "app.py": "from gen.api_grpc import Stub\nfrom gen import api_pb2\nimport lib.stubs.rpc_pb2\nfrom lib.kept import gone\n",
}


def test_a_package_whose_gitignore_ignores_its_modules_is_generated(make_repo, cli):
    """Line 4: ``lib/kept`` holds a module of its own here (more than a placeholder
    ``__init__.py``): judged."""
    assert _lines(cli, make_repo(PROTOS)) == [4]


def test_the_generated_package_without_its_negation_is_missing(make_repo, cli):
    """Ignoring ``*.py`` alone, the ``__init__.py`` kept by force: nothing says the rest
    is written, so every import is judged."""
    files = {**PROTOS, "gen/.gitignore": "*.py\n", "lib/.gitignore": "stubs/*.py\n"}
    assert _lines(cli, make_repo(files)) == [1, 2, 3, 4]


# A home of private plugins (unstract's `backend/plugins/`): the package's own `.gitignore`
# ignores every sub-folder (`*/`) and keeps its `__init__.py`; a few plugins are tracked.
PLUGINS = {
    "app/__init__.py": "",
    "app/plugins/.gitignore": "# each installation's plugins\n*/\n!__init__.py\n!core\n",
    "app/plugins/__init__.py": "",
    "app/plugins/core/__init__.py": "",
    "app/plugins/core/helpers.py": "X = 1\n",
    "app/views.py": "from app.plugins.notification.constants import ResourceType\n"
    "from app.plugins.core.helpers import Y\nfrom app.gone import z\nfrom app.plugins import shared\n",
}


def test_a_package_whose_gitignore_ignores_its_sub_folders_holds_private_plugins(make_repo, cli):
    """Line 1 names a plugin not here; line 2 a name a tracked plugin lacks (judged);
    line 4 a module, which ``*/`` does not ignore: not known either, as the package is."""
    assert _lines(cli, make_repo(PLUGINS)) == [2, 3]


def test_sub_folders_ignored_without_the_packages_init_kept_say_nothing(make_repo, cli):
    files = {**PLUGINS, "app/plugins/.gitignore": "*/\n!core\n"}
    assert _lines(cli, make_repo(files)) == [1, 2, 3, 4]


# A module file that a `.gitignore` names in any folder: a generator writes it where the
# code runs (cognitive_robot_abstract_machine's `**/ormatic_interface.py`, one per package),
# below the `.gitignore`'s own folder. A wildcard in the name, a module of a package the
# pattern does not reach, or a name alone (a developer's own file beside its importer, see
# `local_files`) is still broken.
IGNORED_MODULES = {
    ".gitignore": "**/ormatic_interface.py\n**/*_pb2.py\nlocal_settings.py\n",
    "lib/.gitignore": "**/schema_gen.py\n",
    "app/__init__.py": "",
    "app/orm/__init__.py": "",
    "app/run.py": "from app.orm.ormatic_interface import WorldDAO\nfrom app.schema_gen import version\n"
    "from app.orm import ormatic_interface\nfrom app.msg_pb2 import Msg\nfrom app.orm.local_settings import DEBUG\n",
    "lib/__init__.py": "",
    "lib/conf.py": "from lib.schema_gen import Schema\nfrom lib.gone import x\n",
}


def test_imports_of_an_ignored_module_file_are_not_broken(make_repo, cli):
    assert _broken(cli, make_repo(IGNORED_MODULES)) == [("app/run.py", 2), ("app/run.py", 4), ("app/run.py", 5), ("lib/conf.py", 2)]


def test_the_same_modules_not_ignored_are_missing(make_repo, cli):
    files = {**IGNORED_MODULES, ".gitignore": "", "lib/.gitignore": ""}
    assert _broken(cli, make_repo(files)) == [
        ("app/run.py", 1), ("app/run.py", 2), ("app/run.py", 3), ("app/run.py", 4), ("app/run.py", 5),
        ("lib/conf.py", 1), ("lib/conf.py", 2),
    ]
