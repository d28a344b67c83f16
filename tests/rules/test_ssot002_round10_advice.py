"""SSOT002's advice on two shapes a tenth reading of real applications got wrong: a
registration import at a module's bottom (faraday's ``import faraday.server.events  # noqa``
below every model) was never offered, and core definitions were told to move instead; and a
multi-name import one of whose names nothing reads (mylar3's ``from mylar import db, helpers,
webserve``) was said to have no name read at all. Each test reads the JSON finding."""

from __future__ import annotations

import pytest

from tests.rules.cycle_findings import cannot_fail, advice as _advice, cycles as _cycles

# ``events`` also takes ``READY``, which ``models`` binds below its registration import:
# importing ``models`` first fails (without it, no order would, and nothing is reported).
_EVENTS = "from app.models import Host, db, READY\n\nLISTENED = [Host]\n\n\ndef on_insert(target):\n    return db.add(target)\n"


def _models(tail: str = "") -> str:
    return (
        "db = object()\n\n\nclass Host:\n    pass\n\n\n"
        f"{tail}# after every model\nimport app.events  # noqa: F401\n\nREADY = True\n"
    )


@pytest.mark.parametrize("guard", ["", "if ENABLED:\n    "], ids=["unconditional", "under-a-module-level-if"])
def test_a_registration_import_at_a_modules_bottom_is_the_import_to_move(make_repo, cli, guard):
    models = _models().replace("import app.events", guard + "import app.events").replace("db = object()", "ENABLED = bool(len(__name__))\ndb = object()")
    [finding] = _cycles(make_repo, cli, {"app/__init__.py": "", "app/events.py": _EVENTS, "app/models.py": models})
    line = 11 if guard else 10
    assert _advice(finding) == (
        f"break it by moving app/models.py:{line} `import app.events` out of app/models.py, to where the program "
        "starts (after it imports app.models): it sits below the module's classes and imports and nothing in "
        "app/models.py reads its names, so it is there for what importing app.events does (registering what "
        "app.models defines), which works as well from there"
    ), finding["message"]


def test_an_unread_import_above_a_class_is_no_bottom_registration(make_repo, cli):
    """A class below the import may be what the imported module's code expects not to
    exist yet: the import is not told to move, the definitions are."""
    models = _models().replace("# after every model\nimport app.events  # noqa: F401\n\nREADY = True\n", "") + (
        "import app.events  # noqa: F401\n\n\nclass Service:\n    pass\n\n\nREADY = True\n"
    )
    [finding] = _cycles(make_repo, cli, {"app/__init__.py": "", "app/events.py": _EVENTS, "app/models.py": models})
    assert "out of app/models.py, to where the program starts" not in finding["message"]
    assert "moving the definitions of `Host`" in _advice(finding), finding["message"]


# ``web`` imports three views, each needing ``weekly.pull`` while it is imported: cutting the
# cycles anywhere else takes three imports, so the advice is on ``weekly``'s import of ``web``.
_VIEWS = {
    "app/__init__.py": "",
    "app/db.py": "def connect():\n    return 1\n",
    "app/web.py": "from app.va import A\nfrom app.vb import B\nfrom app.vc import C\n\nVIEWS = [A, B, C]\n",
    **{f"app/v{x}.py": f"from app.weekly import pull\n\n{x.upper()} = pull\n" for x in "abc"},
}


def test_the_unread_name_of_a_multi_name_import_is_the_one_to_drop(make_repo, cli):
    weekly = "from app import db, web\n\n\ndef pull():\n    return db.connect()\n"
    findings = _cycles(make_repo, cli, {**_VIEWS, "app/weekly.py": weekly})
    assert findings
    for finding in findings:
        assert _advice(finding) == (
            "break it by dropping `web` from app/weekly.py:1 `from app import db, web`: nothing in app/weekly.py "
            "reads it or imports it from there (its other names stay; if it is there for what importing app.web "
            "does, import app.web where the program starts instead)"
        ), finding["message"]


def test_an_import_whose_every_name_is_unread_keeps_its_advice(make_repo, cli):
    weekly = "from app import web\n\n\ndef pull():\n    return 1\n\n\nclass Later:\n    pass\n"
    findings = _cycles(make_repo, cli, {**_VIEWS, "app/weekly.py": weekly})
    assert findings
    for finding in findings:
        assert "dropping" not in finding["message"]
        assert "nothing in app/weekly.py reads its names" in _advice(finding), finding["message"]


_PKG = (
    "try:\n    from ._version import __version__\nexcept ImportError:\n    __version__ = 'unknown'\n\n"
    "config = object()\n\nfrom pkg.base import specs\n"
)


def test_a_version_the_package_binds_on_every_branch_of_its_fallback_cannot_fail(make_repo, cli):
    """nipype's and gcsfs' ``__init__`` bind ``__version__`` from the version file the
    build writes, or a fallback on every other branch, above the import of the module
    that reads it: no order fails, and nothing is reported (importing it from the
    generated, gitignored file instead would undo the fallback)."""
    cannot_fail(make_repo, cli, {
        "pyproject.toml": "[tool.setuptools_scm]\nversion_file = 'pkg/_version.py'\n",
        "pkg/__init__.py": _PKG,
        "pkg/base/__init__.py": "",
        "pkg/base/specs.py": "from .. import config, __version__\n\nVERSION = __version__\n\n\ndef get():\n    return config\n",
    })


def test_a_module_of_one_import_registers_nothing(make_repo, cli):
    """CPython's ``circular_imports/basic.py``: the import is the module's only statement,
    and ``basic2`` reads only what the import system sets on it: CPython's own test that
    such a cycle works, so it cannot fail and is not reported."""
    cannot_fail(make_repo, cli, {
        "app/__init__.py": "",
        "app/basic.py": "from . import basic2\n",
        "app/basic2.py": "from . import basic\n\nNAME = basic.__name__\n",
    })
