"""SSOT002's advice on shapes seen on a third holdout of real code (scrapy, dask, netbox,
paperless-ngx, ansible-core): which import the finding says to move, and how, as the user
reads it in the JSON output."""

from __future__ import annotations

from tests.rules.cycle_findings import cannot_fail

import pytest


def _cycles(make_repo, cli, files: dict[str, str]) -> list[dict]:
    root = make_repo(files)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT002")
    assert result.code == 1, result.err
    return sorted(result.json()["violations"], key=lambda v: (v["path"], v["line"], v["message"]))


def test_a_package_whose_modules_read_it_only_in_methods_cannot_fail(make_repo, cli):
    """The package ``p`` re-exports ``p.a``, whose submodule ``p.a.x`` imports ``p``
    back and reads it only in a method (scrapy's ``from scrapy.http import Request``,
    dask.dataframe's ``from .io import read_csv``): no order fails, and no re-export is
    ever advised to move."""
    cannot_fail(make_repo, cli, {
        "p/__init__.py": "from p.a import A\n",
        "p/a/__init__.py": "from p.a.y import A\nfrom p.a.x import X\n",
        "p/a/y.py": "from p.a.x import X\n\n\nclass A(X): ...\n",
        "p/a/x.py": "import p\n\n\nclass X:\n    def make(self):\n        return p.A()\n",
    })


def _advice(finding: dict) -> str:
    return finding["message"].partition("; ")[2]


def test_a_base_class_is_imported_from_the_module_that_defines_it_not_moved_into_a_function(make_repo, cli):
    """``api.owners`` derives from a serializer it imports from its own package ``api``,
    which re-exports it from ``api.base`` below its import of ``owners`` (seen on netbox's
    users serializers): no function can take that import; importing from ``api.base``
    breaks the cycle, since ``api`` has started before its module. No fix is offered.
    (Re-exported above, the name is there first and nothing is reported.)"""
    [finding] = _cycles(make_repo, cli, {
        "api/__init__.py": "from .owners import *\nfrom .base import *\n",
        "api/base.py": "class ValidatedSerializer: ...\n",
        "api/owners.py": "from api import ValidatedSerializer\n\n\nclass OwnerSerializer(ValidatedSerializer): ...\n",
    })
    assert _advice(finding).startswith(
        "break it by importing the names of api/owners.py:1 `from api import ValidatedSerializer` from the modules "
        "that define them, not from the package"
    ), finding["message"]
    assert "cannot move into a function" in finding["message"], finding["message"]
    assert finding.get("fix") is None


def test_a_module_outside_the_package_is_not_told_to_import_from_its_submodule(make_repo, cli):
    """The same re-export imported from outside the package (``users.owners``): importing
    ``api.base`` from there runs ``api/__init__.py`` first, which imports ``api.models``,
    which imports ``users.owners`` back, so the cycle stays (misago's ``from ..threads.views
    import BaseThreadView``). The definitions must leave the package."""
    [finding] = _cycles(make_repo, cli, {
        "api/__init__.py": "from .base import *\nfrom .models import *\n",
        "api/base.py": "class ValidatedSerializer: ...\n",
        "api/models.py": "from users.owners import OwnerSerializer\n",
        "users/__init__.py": "",
        "users/owners.py": "from api import ValidatedSerializer\n\n\nclass OwnerSerializer(ValidatedSerializer): ...\n",
    })
    assert _advice(finding) == (
        "users/owners.py:1 `from api import ValidatedSerializer` cannot move into a function: users/owners.py uses "
        "`ValidatedSerializer` while it is imported (at module level, in a class body, a decorator or a default "
        "value); break it by moving the definitions of `ValidatedSerializer` (and what they need of the cycle) out "
        "of api.base into a module outside api (importing anything in it runs its `__init__`, which is on the "
        "cycle) that imports none of the cycle's modules, and importing them from there"
    ), finding["message"]
    assert finding.get("fix") is None


def test_a_name_used_in_a_class_body_is_not_advised_into_a_function(make_repo, cli):
    """``core`` reads ``optimize`` in a class body, ``opt`` reads ``getter`` at module level
    (seen on dask.array.core): neither import can move into a function; the advice says
    so, names the names, and offers no fix."""
    [finding] = _cycles(make_repo, cli, {
        "app/__init__.py": "",
        "app/core.py": "from app.opt import optimize\n\n\ndef getter(x):\n    return x\n\n\n"
                       "class Array:\n    __optimize__ = staticmethod(optimize)\n",
        "app/opt.py": "from app.core import getter\n\nGETTERS = (getter,)\n\n\ndef optimize(g):\n    return g\n",
    })
    advice = _advice(finding)
    assert "into the function" not in advice, advice
    assert advice.startswith(
        "app/core.py:1 `from app.opt import optimize` cannot move into a function: app/core.py uses "
        "`optimize` while it is imported"
    ), advice
    assert "moving the definitions of `optimize`" in advice, advice
    assert finding.get("fix") is None


def test_an_import_kept_for_its_side_effect_is_not_the_one_advised(make_repo, cli):
    """``store`` imports a migration only to register it (seen on paperless-ngx): nothing
    reads the name, so the migration's own import of the store, used in a function, is the
    one to move (though the store's comes first by name). The store imports it above its
    class, so importing the store first fails. (At its bottom, below the class, no order
    would fail, and nothing is reported.)"""
    [finding] = _cycles(make_repo, cli, {
        "app/__init__.py": "",
        "app/migrations/__init__.py": "MIGRATIONS = []\n",
        "app/migrations/m0001.py": "from app.migrations import MIGRATIONS\nfrom app.base_store import Store\n\n\n"
                                   "def apply():\n    return Store()\n\n\nMIGRATIONS.append(apply)\n",
        "app/base_store.py": "from app.migrations import m0001  # noqa: F401 - registers it\n\n\nclass Store: ...\n",
    })
    assert [(e["from"], e["to"]) for e in finding["details"]["suggested_fix"]] == [("app.migrations.m0001", "app.base_store")]
    assert _advice(finding) == (
        "break it by moving app/migrations/m0001.py:2 `from app.base_store import Store` into the function that "
        "uses it"
    ), finding["message"]


def test_names_the_package_defines_itself_are_not_sent_to_other_modules(make_repo, cli):
    """A submodule importing helpers its package's ``__init__`` defines (seen on
    ansible-core's collection_loader and scrapy.linkextractors): "import them from the
    modules that define them" cannot apply. Used only in functions, the import moves
    there; used at import time, the helpers must move out of the ``__init__``."""
    files = {
        "pkg/__init__.py": "from pkg.config import Config\n\n\ndef _to_text(x):\n    return str(x)\n",
        "pkg/config.py": "from pkg import _to_text\n\n\nclass Config:\n    def name(self):\n        return _to_text(1)\n",
    }
    [deferred] = _cycles(make_repo, cli, files)
    assert _advice(deferred) == (
        "break it by moving pkg/config.py:1 `from pkg import _to_text` into the function that uses it"
    ), deferred["message"]
    files["pkg/config.py"] = "from pkg import _to_text\n\n\nclass Config:\n    name = _to_text(1)\n"
    [needed] = _cycles_again(make_repo, cli, files)
    advice = _advice(needed)
    assert "modules that define them" not in advice and "into the function" not in advice, advice
    assert "moving the definitions of `_to_text` (and what they need of the cycle) out of pkg (the package's own " \
           "`__init__` defines them)" in advice, advice


def _cycles_again(make_repo, cli, files: dict[str, str]) -> list[dict]:
    root = make_repo(files, name="again")
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT002")
    return result.json()["violations"]


def test_a_name_another_distribution_provides_is_advised_from_there(make_repo, cli):
    """``features`` reads ``Database`` in a class body, from ``base``, which took it from
    the standard library (seen on Django's sqlite3 backend): importing it from there
    breaks the cycle; moving ``base``'s import of ``features`` (a class attribute) cannot."""
    [finding] = _cycles(make_repo, cli, {
        "db/__init__.py": "",
        "db/base.py": "from sqlite3 import dbapi2 as Database\n\nfrom .features import Features\n\n\n"
                      "class Wrapper:\n    features_class = Features\n",
        "db/features.py": "from .base import Database\n\n\nclass Features:\n    version = Database.sqlite_version_info\n",
    })
    assert _advice(finding) == (
        "break it by importing `dbapi2` (as `Database`) from sqlite3 in db/features.py:1 "
        "`from .base import Database`, where it is defined, not from db.base"
    ), finding["message"]


def _cycle_messages(make_repo, cli, files: dict[str, str]) -> list[str]:
    root = make_repo(files)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT002")
    return [v["message"] for v in result.json()["violations"]]


def test_a_module_import_of_the_package_is_told_which_names_to_import_from_where(make_repo, cli):
    """``import shop as s`` in the package's own submodule, reading ``s.ShopError`` (which
    the package re-exports from shop.errors): the advice names the name and its module,
    not "the names of `import shop as s`" (seen on dask's ``import dask.dataframe as dd``
    and warehouse's ``from ... import cache``)."""
    [message] = _cycle_messages(make_repo, cli, {
        "shop/__init__.py": "from shop.orders import Order\nfrom shop.errors import ShopError\n",
        "shop/errors.py": "class ShopError(Exception): ...\n",
        "shop/orders.py": "import shop as s\n\n\nclass Order:\n    error = s.ShopError\n",
    })
    assert message.endswith(
        "break it by importing `ShopError` from shop.errors in shop/orders.py:1 `import shop as s`, "
        "where it is defined, not from shop"
    ), message


def test_a_module_import_reading_what_the_package_defines_itself_says_to_move_it_out(make_repo, cli):
    """``from parent import pkg`` reading ``pkg.enabled()`` (defined by pkg's ``__init__``
    itself) and ``pkg.ShopError`` (re-exported): import the one from its module, move the
    other out of the package; a name only a docstring mentions is left out."""
    [message] = _cycle_messages(make_repo, cli, {
        "app/__init__.py": "",
        "app/shop/__init__.py": "from app.shop.orders import Order\n\n\ndef enabled():\n    return True\n\n\n"
        "from app.shop.errors import ShopError\n",
        "app/shop/errors.py": "class ShopError(Exception): ...\n",
        "app/shop/orders.py": '"""Use shop.Order and shop.nothing."""\nfrom app import shop\n\n\n'
        "class Order:\n    on = shop.enabled()\n    error = shop.ShopError\n",
    })
    assert message.endswith(
        "app/shop/orders.py:2 `from app import shop` cannot move into a function: app/shop/orders.py uses `shop` "
        "while it is imported (at module level, in a class body, a decorator or a default value); break it by "
        "importing what it reads of app.shop from the modules that define it instead (`ShopError` from "
        "app.shop.errors) and moving the definition of `enabled`, which app.shop defines itself, into a module "
        "that imports none of the cycle's modules, and importing it from there"
    ), message


def test_an_import_kept_at_runtime_on_purpose_is_flagged_and_not_fixed(make_repo, cli):
    """``import shop  # noqa: TC001`` (scrapy keeps such an import for its docs build): the
    advice to move it under TYPE_CHECKING says it is marked as kept on purpose, and no fix
    moves it."""
    root = make_repo({
        "shop/__init__.py": "",
        "shop/items.py": "from shop.orders import Order\n\n\nclass Item(Order): ...\n",
        "shop/orders.py": "from __future__ import annotations\n\n# docs workaround\nimport shop.items  # noqa: TC001\n\n\n"
        "class Order:\n    def first(self) -> shop.items.Item:\n        return self\n",
    })
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT002")
    [finding] = result.json()["violations"]
    assert finding["message"].endswith(
        "break it by moving shop/orders.py:4 `import shop.items` under `if TYPE_CHECKING:`: its names are used only in "
        "annotations (shop/orders.py:4 carries a `# noqa` for a type-checking-import code: it is kept at runtime on "
        "purpose, so check why before moving it)"
    ), finding["message"]
    assert not finding.get("fix"), finding["fix"]


@pytest.mark.parametrize(("comment", "fixed"), [("", True), ("  # noqa: TCH001", False)])
def test_no_fix_moves_an_import_marked_as_kept_at_runtime(make_repo, cli, comment, fixed):
    """The deferral fix is offered for an annotation-only import, but not when it carries
    ``# noqa: TC001`` (or ruff's ``TCH001``)."""
    files = {
        "app/__init__.py": "",
        "app/a.py": "from __future__ import annotations\n\nfrom app.b import B{}\n\n\n"
        "class A:\n    def make(self) -> B:\n        raise NotImplementedError\n",
        "app/b.py": "from app.a import A\n\n\nclass B(A): ...\n",
    }
    root = make_repo({**files, "app/a.py": files["app/a.py"].format(comment)})
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT002")
    [finding] = result.json()["violations"]
    assert (finding["path"], finding["line"]) == ("app/a.py", 3), finding
    assert bool(finding.get("fix")) is fixed, (comment, finding)
