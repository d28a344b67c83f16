"""A folder without ``__init__.py`` whose Python files no import statement can spell
(``0001_init.py``) is still a namespace package inside a first-party package, as a folder
of data is; at the top, such a folder makes no package of its name."""

from __future__ import annotations


def _broken(cli, root) -> list[tuple[str, int]]:
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT003")
    return sorted((v["path"], v["line"]) for v in result.json()["violations"])


def test_a_folder_of_numbered_revisions_inside_a_package_is_importable(make_repo, cli):
    """pajbot's ``migration_revisions/redis/`` holds only ``0001_*.py`` revisions, listed by
    its migrator through the package's ``__path__``: ``import pajbot.migration_revisions.redis``
    works; a folder that is not there is still missing."""
    root = make_repo({
        "app/__init__.py": "",
        "app/revisions/redis/0001_init.py": "def up(db):\n    return db\n",
        "app/revisions/redis/0002_keys.py": "def up(db):\n    return db\n",
        "app/bot.py": "import app.revisions.redis\nimport app.revisions.sql\nfrom app.revisions import redis\n",
    })
    assert _broken(cli, root) == [("app/bot.py", 2)]


def test_such_a_folder_at_the_top_makes_no_first_party_package(make_repo, cli):
    """ubuntu-pro-client's ``apport/`` holds a hook named ``source_ubuntu-advantage-tools.py``:
    ``from apport.hookutils import x`` stays the installed library's, never first-party."""
    root = make_repo({
        "app/__init__.py": "",
        "apport/source_ubuntu-advantage-tools.py": "x = 1\n",
        "app/hook.py": "from apport.hookutils import attach_file\n",
    })
    assert _broken(cli, root) == []
