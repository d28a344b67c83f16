"""SSOT003 hints never name an unrelated namesake: not a definition the importing file
already imports under another name (the broken import means another thing), and a "did you
mean" offers of a plain module only what it defines (or lists in ``__all__``), never a helper
it imports."""

from __future__ import annotations


def _messages(cli, root) -> dict[tuple[str, int], str]:
    result = cli("check", str(root), "--select", "SSOT003", "--format", "json")
    return {(v["path"], v["line"]): v["message"] for v in result.json()["violations"]}


def test_a_definition_the_file_already_imports_is_not_advised(make_repo, cli):
    root = make_repo(
        {
            "app/__init__.py": "",
            "app/response/__init__.py": "def text(body):\n    return body\n",
            "app/views.py": "def stream(func):\n    return func\n",
            "app/server.py": "from app.response import stream, text\nfrom app.views import stream as stream_decorator\n",
            # without the second import, the one definition elsewhere is advised
            "app/other.py": "from app.response import stream\n",
        }
    )
    found = _messages(cli, root)
    assert set(found) == {("app/server.py", 1), ("app/other.py", 1)}
    assert "import it from there" not in found[("app/server.py", 1)]
    assert "already imports the 'stream' of app.views" in found[("app/server.py", 1)]
    assert found[("app/other.py", 1)].endswith("it is defined in app.views: import it from there")


def test_a_second_import_of_a_name_under_the_same_name_is_a_duplicate_to_drop(make_repo, cli):
    """GridCal's ``edit_grid.py`` imports ``FileOpen`` from the module that defines it, then
    again, by copy and paste, from a package that lacks it: the same class under the same
    name, so the broken statement is told to go. Under another name, another thing is
    meant (above)."""
    root = make_repo(
        {
            "app/__init__.py": "",
            "app/io/__init__.py": "",
            "app/io/file_handler.py": "class FileOpen: ...\n\n\nclass FileSave: ...\n",
            "app/edit.py": "from app.io.file_handler import FileOpen\n\nfrom app.io import FileOpen, FileSave\n",
        }
    )
    result = cli("check", str(root), "--select", "SSOT003", "--format", "json")
    assert sorted((v["line"], v["message"]) for v in result.json()["violations"]) == [
        (3, "cannot import name 'FileOpen' from app.io (app/io/__init__.py); this file already imports FileOpen under "
         "that name from app.io.file_handler, where it is defined: this import of it is a duplicate, drop it"),
        (3, "cannot import name 'FileSave' from app.io (app/io/__init__.py); it is defined in app.io.file_handler: "
         "import it from there"),
    ]


def test_a_name_only_a_module_no_import_can_name_assigns_is_not_offered(make_repo, cli):
    """augur's tests import ``CLI_USER_ID``, which only an Alembic migration assigns
    (``versions/3_oauth_and_user_groups.py``: no import statement can spell it, and it is
    a frozen snapshot of its day): the hint does not name it. An importable module that
    assigns the name is named."""
    root = make_repo(
        {
            "app/__init__.py": "",
            "app/util.py": "X = 1\n",
            "app/schema/__init__.py": "",
            "app/schema/versions/__init__.py": "",
            "app/schema/versions/3_oauth_and_user_groups.py": "CLI_USER_ID = 1\n",
            "app/models.py": "DEFAULT_GROUP = 2\n",
            "app/use.py": "from app.util import CLI_USER_ID\nfrom app.util import DEFAULT_GROUP\n",
        }
    )
    found = _messages(cli, root)
    assert found[("app/use.py", 1)].endswith("; it is not defined in any module an import statement can name")
    assert found[("app/use.py", 2)].endswith("app.util does not define it, but app.models assigns a module-level 'DEFAULT_GROUP'")


def test_did_you_mean_offers_what_a_module_defines_not_what_it_imports(make_repo, cli):
    root = make_repo(
        {
            "app/__init__.py": "",
            "app/conn/__init__.py": "from .auth import GateIoPerpetualAuth\n",
            "app/conn/auth.py": "class GateIoPerpetualAuth: ...\n",
            "app/conn/derivative.py": "from app.conn.auth import GateIoPerpetualAuth\n\nclass Connector: ...\n",
            "app/conn/stream.py": "from app.conn.derivative import GateIoPerpetualExchange\n",
            # a package's imports are its API: offered
            "app/conn/user.py": "from app.conn import GateIoPerpetualAuths\n",
        }
    )
    found = _messages(cli, root)
    assert set(found) == {("app/conn/stream.py", 1), ("app/conn/user.py", 1)}
    assert "did you mean" not in found[("app/conn/stream.py", 1)]
    assert found[("app/conn/user.py", 1)].endswith("did you mean 'GateIoPerpetualAuth'?")


def test_a_name_another_module_assigns_is_never_said_to_be_defined_nowhere(make_repo, cli):
    """moto's ``ARN_PARTITION_REGEX`` is a module-level constant built from an expression in
    ``moto/utilities/utils.py``; imported from ``moto.utilities.arns``, the hint said it was
    defined nowhere. It says where it is assigned (no fix: a constant of one spelling may be
    many things); a name bound nowhere is still defined nowhere."""
    root = make_repo(
        {
            "app/__init__.py": "",
            "app/utils.py": "NAMES = ['aws', 'aws-cn']\nARN_REGEX = r'^arn:(' + '|'.join(NAMES) + ')'\n",
            "app/arns.py": "def parse(arn):\n    return arn\n",
            "app/provider.py": "from app.arns import ARN_REGEX\nfrom app.arns import QZX_UNKNOWN\n",
        }
    )
    found = _messages(cli, root)
    assert found[("app/provider.py", 1)].endswith(
        "; app.arns does not define it, but app.utils assigns a module-level 'ARN_REGEX'"
    ), found
    assert found[("app/provider.py", 2)].endswith("it is not defined anywhere in the project")


def test_a_product_module_is_not_pointed_to_a_name_only_a_test_binds(make_repo, cli):
    """shap's ``benchmark/framework.py`` imports the removed module ``perturbation`` from
    ``shap.benchmark``; only a test binds that name (``perturbation = "keep"``), which is not
    what the import meant. A test importing it is still told where a test binds it."""
    root = make_repo(
        {
            "app/__init__.py": "",
            "app/benchmark/__init__.py": "",
            "app/benchmark/framework.py": "from app.benchmark import perturbation\n",
            "tests/__init__.py": "",
            "tests/benchmark/__init__.py": "",
            "tests/benchmark/test_keep.py": "perturbation = 'keep'\n\n\ndef test_keep():\n    assert perturbation\n",
            "tests/benchmark/test_use.py": "from app.benchmark import perturbation\n",
        }
    )
    found = _messages(cli, root)
    assert found[("app/benchmark/framework.py", 1)].endswith(
        "; it is not defined anywhere in the project outside its tests"
    ), found
    assert found[("tests/benchmark/test_use.py", 1)].endswith(
        "but tests.benchmark.test_keep assigns a module-level 'perturbation'"
    ), found
