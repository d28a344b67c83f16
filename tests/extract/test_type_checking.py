"""Imports only type checkers see make no cycle; every spelling of the guard counts, and the
runtime branch of a negated guard is runtime."""

from __future__ import annotations

import pytest

A = "from app.b import B\n\nclass A:\n    pass\n"
GUARDS = {
    "name": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from app.a import A\n",
    "attribute": "import typing\nif typing.TYPE_CHECKING:\n    from app.a import A\n",
    "negated-else": "from typing import TYPE_CHECKING\nif not TYPE_CHECKING:\n    pass\nelse:\n    from app.a import A\n",
    "else-of-guard": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from app.a import A\nelse:\n    A = None\n",
}
RUNTIME = {
    "negated-body": "from typing import TYPE_CHECKING\nif not TYPE_CHECKING:\n    from app.a import A\n",
    "else-of-guard": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    pass\nelse:\n    from app.a import A\n",
    "other-condition": "import sys\nif sys.version_info >= (3, 8):\n    from app.a import A\n",
}


# Both extractors: the ast fallback reads the guards itself, and a file LibCST cannot
# handle is judged by it.
ENGINES = ("libcst", "ast")


def cycles(make_repo, cli, b_source: str, engine: str) -> list[dict]:
    root = make_repo({"app/__init__.py": "", "app/a.py": A, "app/b.py": b_source + "\nclass B:\n    pass\n"})
    result = cli(
        "check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT002", "--parser", engine
    )
    found = [v for v in result.json()["violations"] if v["rule"] == "SSOT002"]
    assert result.code == (1 if found else 0) and result.err == ""
    return found


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("spelling", sorted(GUARDS))
def test_a_type_checking_import_makes_no_cycle(make_repo, cli, spelling, engine):
    assert cycles(make_repo, cli, GUARDS[spelling], engine) == []


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("spelling", sorted(RUNTIME))
def test_a_runtime_import_makes_the_cycle(make_repo, cli, spelling, engine):
    found = cycles(make_repo, cli, RUNTIME[spelling], engine)
    assert len(found) == 1
    assert found[0]["path"] in ("app/a.py", "app/b.py")


@pytest.mark.parametrize(
    "hub, broken",
    [
        ("if TYPE_CHECKING:\n    class Hub:\n        pass\nelse:\n    Hub = object\n", False),
        ("Hub = object\nif TYPE_CHECKING:\n    class Hub:\n        pass\n", False),
        ("if TYPE_CHECKING:\n    class Hub:\n        pass\n", True),
    ],
    ids=["else-assigns", "assigned-before", "typing-only"],
)
def test_a_typing_only_class_does_not_hide_a_runtime_name(make_repo, cli, hub, broken):
    root = make_repo({
        "app/__init__.py": "",
        "app/hub.py": "from typing import TYPE_CHECKING\n" + hub,
        "app/user.py": "from app.hub import Hub\n",
    })
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    found = [(v["rule"], v["path"]) for v in result.json()["violations"]]
    assert found == ([("SSOT003", "app/user.py")] if broken else [])
