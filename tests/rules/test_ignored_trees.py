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


def _lines(cli, root) -> list[int]:
    result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT003")
    return [v["line"] for v in result.json()["violations"]]


def test_imports_of_an_ignored_folder_inside_a_package_are_not_broken(make_repo, cli):
    assert _lines(cli, make_repo(FILES)) == [3, 4]


def test_the_same_folder_not_ignored_is_missing(make_repo, cli):
    files = {**FILES, ".gitignore": "__pycache__\n"}
    assert _lines(cli, make_repo(files)) == [1, 2, 3, 4]
