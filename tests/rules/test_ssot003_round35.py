"""SSOT003 on a shape a 35th reading found: bleachbit keeps its launcher ``bleachbit.py``
beside its package ``bleachbit/`` at the top of the repository, and a test puts that top
on ``sys.path`` before ``from bleachbit import IS_POSIX``. The interpreter's finder takes
the package (a folder with ``__init__.py``) over the module of the same name beside it."""

from __future__ import annotations

import subprocess
import sys

_TEST = (
    "import os\nimport sys\n\nsys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))\n\n"
    "from app import IS_POSIX\n"
)


def _findings(make_repo, cli, files: dict[str, str]) -> list[tuple[str, int]]:
    result = cli("check", str(make_repo(files)), "--format", "json", "--no-cache", "--select", "SSOT003")
    return [(v["path"], v["line"]) for v in result.json()["violations"]]


def test_a_package_beside_a_module_of_its_name_is_the_one_imported(make_repo, cli, tmp_path):
    files = {
        "app.py": "import app\n\nif __name__ == '__main__':\n    app.main()\n",
        "app/__init__.py": "IS_POSIX = True\n\n\ndef main():\n    return IS_POSIX\n",
        "tests/__init__.py": "",
        "tests/test_sudo.py": _TEST,
    }
    assert _findings(make_repo, cli, files) == []
    # The interpreter agrees (our own fixture): the package is what `import app` finds.
    root = tmp_path / "check"
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text)
    run = subprocess.run([sys.executable, "-c", "import app; print(app.IS_POSIX)"], cwd=root, capture_output=True, text=True)
    assert run.stdout.strip() == "True", run.stderr


def test_the_module_is_read_when_there_is_no_package(make_repo, cli):
    """The control: with no ``app/`` package, ``app.py`` is what the import finds, and it
    lacks the name."""
    files = {"app.py": "def main():\n    return 1\n", "tests/__init__.py": "", "tests/test_sudo.py": _TEST}
    assert _findings(make_repo, cli, files) == [("tests/test_sudo.py", 6)]
