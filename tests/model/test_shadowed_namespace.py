"""A namespace folder at the top named like a declared dependency is shadowed by the
installed package (PEP 420: a regular package anywhere on the path wins over namespace
portions), so imports of that name are not first-party. Seen: an ``alembic/`` migrations
folder in a monorepo that requires alembic; a ``packaging/`` folder beside the library."""

from __future__ import annotations

import pytest

MIGRATIONS = {
    "app/__init__.py": "",
    "alembic/env.py": "from alembic import context\nfrom alembic.config import Config\n",
    "alembic/versions/0001_init.py": "from alembic import op\n",
    "app/models.py": "from app.gone import Model\n",
}


def broken(result) -> list[str]:
    return sorted(v["path"] for v in result.json()["violations"] if v["rule"] == "SSOT003")


@pytest.mark.parametrize(
    "declared",
    [
        {"pyproject.toml": '[project]\nname = "svc"\ndependencies = ["Alembic>=1.16", "sqlalchemy"]\n[tool.ssotlint]\n'},
        {"requirements.txt": "# pinned\n-r base.txt\nalembic==1.16.4 ; python_version >= '3.9'\n"},
        {"pyproject.toml": '[tool.poetry.dependencies]\npython = "^3.11"\nalembic = "^1.16"\n[tool.ssotlint]\n'},
        # setup.py's keywords, read from its tree: a dict of extras, a name bound to a list.
        {"setup.py": "from setuptools import setup\nDEV = ['pytest', 'alembic>=1.16; python_version >= \"3.9\"']\n"
                     "setup(name='svc', extras_require={'dev': DEV, 'c': [f'x=={1}']})\n"},
        {"setup.cfg": "[options]\ninstall_requires =\n    sqlalchemy\n[options.extras_require]\ndb =\n    alembic>=1.16\n"},
    ],
    ids=["pyproject", "requirements", "poetry", "setup.py", "setup.cfg"],
)
def test_a_declared_dependency_shadows_a_namespace_folder(make_repo, cli, declared):
    root = make_repo({**MIGRATIONS, **declared})
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    assert broken(result) == ["app/models.py"]  # real broken imports are still found


# A module outside the folder imports through it too: the folder is not only the recipes
# another distribution of its name runs (rules/ssot003_broken_import.py ``foreign_namesakes``).
IMPORTED_THROUGH = {**MIGRATIONS, "app/db.py": "from alembic import op\n"}


def test_without_the_dependency_the_folder_is_first_party(make_repo, cli):
    root = make_repo(IMPORTED_THROUGH)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    assert broken(result) == [
        "alembic/env.py", "alembic/env.py", "alembic/versions/0001_init.py", "app/db.py", "app/models.py",
    ]


def test_without_the_dependency_a_folder_only_its_own_files_import_through_is_anothers(make_repo, cli):
    """Every import naming the folder comes from inside it and names a module it lacks:
    the files another distribution of that name runs (alembic runs ``env.py`` by path)."""
    root = make_repo(MIGRATIONS)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    assert broken(result) == ["app/models.py"]


def test_a_regular_package_is_not_shadowed(make_repo, cli):
    """With an ``__init__.py`` the folder is a regular package, found first on the path."""
    files = {**MIGRATIONS, "alembic/__init__.py": "", "requirements.txt": "alembic\n"}
    root = make_repo(files)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    assert "alembic/env.py" in broken(result)


def test_a_linked_requirements_file_is_not_read(make_repo, cli, tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("alembic\n")
    root = make_repo(IMPORTED_THROUGH)
    (root / "requirements.txt").symlink_to(outside)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    assert "alembic/env.py" in broken(result)


@pytest.mark.parametrize(
    "declared",
    [
        {"requirements.txt": "alembic==1.16.4\n"},
        # An RPM spec of a first-level folder (openshift-tools' `Requires: ansible`, beside
        # its top-level `ansible/` folder of roles, imported through from `openshift_tools/`):
        # `python-alembic` is alembic.
        {"app/python-svc.spec": "Name: python-svc\nBuildRequires: python2-devel\nRequires:      python2,python-alembic >= 1.16\n"},
    ],
    ids=["requirements", "rpm spec"],
)
def test_a_declared_dependency_shadows_a_folder_imported_through_from_outside(make_repo, cli, declared):
    root = make_repo({**IMPORTED_THROUGH, **declared})
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    assert broken(result) == ["app/models.py"]
