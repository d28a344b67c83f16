"""A published client whose import name is a first-party package's: airweave's
``examples/README.md`` says ``pip install airweave-sdk``, a distribution imported as
``airweave``, and the tutorial beside it imports ``AirweaveSDK`` from it, not from the
server's ``backend/airweave``, which the examples' project does not depend on. Its imports
are of that distribution: not reported. The same imports without that install, from the
server's own project, or with only the server's own distribution installed, are judged."""

from __future__ import annotations

FILES = {
    "backend/pyproject.toml": '[project]\nname = "airweave"\nversion = "1.0"\n',
    "backend/airweave/__init__.py": "",
    "backend/airweave/core.py": "X = 1\n",
    "backend/scripts/backfill.py": "from airweave import AirweaveSDK\n",
    "examples/README.md": "# Examples\n\nInstall the SDK:\n\n```\npip install -U airweave-sdk\n```\n",
    "examples/tutorial.py": "from airweave import AirweaveSDK\nfrom airweave.core import Filter\nfrom airweave.search import Query\n",
}


def _broken(cli, root) -> list[tuple[str, int]]:
    result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT003")
    return sorted((v["path"], v["line"]) for v in result.json()["violations"])


def test_a_folder_that_installs_a_published_client_of_that_name_imports_it(make_repo, cli):
    """Only the server's own script is judged."""
    assert _broken(cli, make_repo(FILES)) == [("backend/scripts/backfill.py", 1)]


def test_a_requirements_file_that_lists_the_client_says_the_same(make_repo, cli):
    files = {**FILES, "examples/README.md": "# Examples\n", "examples/requirements.txt": "airweave-sdk>=0.6\nhttpx\n"}
    assert _broken(cli, make_repo(files)) == [("backend/scripts/backfill.py", 1)]


def test_without_the_install_or_with_the_servers_own_distribution_the_imports_are_judged(make_repo, cli):
    tutorial = [("examples/tutorial.py", 1), ("examples/tutorial.py", 2), ("examples/tutorial.py", 3)]
    plain = {**FILES, "examples/README.md": "# Examples\n\nRun `python tutorial.py`.\n"}
    assert _broken(cli, make_repo(plain, name="plain")) == [("backend/scripts/backfill.py", 1), *tutorial]
    own = {**FILES, "examples/README.md": "pip install airweave\npip install -r requirements-sdk.txt\n"}
    assert _broken(cli, make_repo(own, name="own")) == [("backend/scripts/backfill.py", 1), *tutorial]


def test_a_project_that_needs_the_package_reads_the_first_party_one(make_repo, cli):
    """The examples' own project requires the server's distribution: the README's client
    install does not make its imports another package's."""
    files = {**FILES, "examples/pyproject.toml": '[project]\nname = "demo"\nversion = "1"\ndependencies = ["airweave"]\n'}
    assert _broken(cli, make_repo(files)) == [
        ("backend/scripts/backfill.py", 1), ("examples/tutorial.py", 1), ("examples/tutorial.py", 2), ("examples/tutorial.py", 3),
    ]
