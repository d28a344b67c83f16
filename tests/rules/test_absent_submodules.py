"""A git submodule that is not checked out (a clone without ``--recursive``, a source
archive) holds files in any full checkout: the modules below its path are not known, not
missing (electrum's ``plugins/keepkey/keepkeylib``). ``.gitmodules`` is read as text."""

from __future__ import annotations

from tests.conftest import git

GITMODULES = '[submodule "app/plug/lib"]\n\tpath = app/plug/lib\n\turl = https://example.invalid/lib.git\n'
FILES = {
    ".gitmodules": GITMODULES,
    "app/__init__.py": "",
    "app/plug/__init__.py": "",
    "app/plug/dev.py": "from .lib.lib.transport import Hid\nfrom .lib import client\nfrom app.plug.lib import thing\n"
    "from app.plug.gone import X\n",
}


def _broken(cli, root) -> list[tuple[str, int, str]]:
    result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT003")
    return [(v["path"], v["line"], v["message"]) for v in result.json()["violations"]]


def test_imports_into_a_submodule_not_checked_out_are_not_broken(make_repo, cli):
    root = make_repo(FILES)
    # Only the module that exists nowhere is reported.
    assert _broken(cli, root) == [("app/plug/dev.py", 4, "`from app.plug.gone import X`: package app.plug has no module 'gone'")]


def test_the_same_in_a_git_work_tree_whose_submodule_is_a_gitlink(make_repo, cli):
    root = make_repo(FILES, git_init=True)
    git(root, "update-index", "--add", "--cacheinfo", "160000,1111111111111111111111111111111111111111,app/plug/lib")
    assert [line for _, line, _ in _broken(cli, root)] == [4]


def test_a_checked_out_submodule_is_read_like_any_folder(make_repo, cli):
    """Its files are here: what it lacks is missing."""
    root = make_repo({**FILES, "app/plug/lib/__init__.py": "thing = 1\nclient = 2\n"})
    assert [line for _, line, _ in _broken(cli, root)] == [1, 4]


def test_a_link_into_a_submodule_not_checked_out_is_not_known_either(make_repo, cli):
    """landscape-client's ``landscape/client/snap_http -> ../../snap-http/snap_http``: the
    package is the submodule's, whose files a full checkout has; only the module that
    exists nowhere is reported."""
    root = make_repo({
        ".gitmodules": '[submodule "snap-http"]\n\tpath = snap-http\n\turl = https://example.invalid/snap-http.git\n',
        "app/__init__.py": "",
        "app/snaps.py": "from app import snap_http\nfrom app.snap_http.types import Response\nfrom app.gone import X\n",
    })
    (root / "app" / "snap_http").symlink_to("../snap-http/snap_http")
    assert [line for _, line, _ in _broken(cli, root)] == [3]
