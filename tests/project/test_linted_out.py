"""Folders the project's own linter skips (ruff's ``exclude`` / ``extend-exclude``) that are
no package and no test code are not the project's maintained code: statsmodels keeps a
top-level ``archive/`` of code its README calls deprecated and unmaintained, excluded from
ruff, and 34 findings there were read as noise."""

from __future__ import annotations

from ssotlint.discover.files import linted_out_folders
from ssotlint.globs import GlobSet

_TESTS = GlobSet(("tests/**", "**/test/**"))


def test_only_folders_that_are_no_package_and_no_test_code_are_left_out():
    paths = [
        "archive/old.py", "archive/distributions/transformed.py",  # left out, and everything below
        "examples/python/ols.py",  # an anchored pattern
        "app/__init__.py", "app/migrations/__init__.py", "app/migrations/0001_initial.py",  # a package
        "app/core/__init__.py",  # `*__init__.py`: a file pattern, not a folder
        "pkg/sgx/test/test_rhf.py",  # test code: its line endings still reach the test run
        "docs/conf.py",
    ]
    patterns = ["archive", "examples/python", "migrations", "*__init__.py", "test", "docs/conf.py"]
    assert linted_out_folders(paths, patterns, _TESTS.matches) == {"archive", "examples/python"}
    assert linted_out_folders(paths, [], _TESTS.matches) == set()


def test_a_folder_ruff_skips_is_not_analysed_and_its_modules_exist(make_repo, cli):
    files = {
        "app/__init__.py": "",
        "app/core.py": "X = 1\n",
        "prototypes/old_model.py": "from app.gone import Legacy\n\n\nclass Model:\n    pass\n",
        "scripts/compare.py": "from prototypes.old_model import Model\n",
    }
    root = make_repo({**files, "pyproject.toml": '[tool.ruff]\nextend-exclude = ["prototypes"]\n'})
    result = cli("check", str(root), "--format", "json", "--no-cache")
    assert result.code == 0, [v["message"] for v in result.json()["violations"]]
    assert result.json()["summary"]["files_analysed"] == 3
    # The control: with no such configuration, the folder is analysed, its broken import found.
    root = make_repo({**files, "pyproject.toml": "[tool.ruff]\nline-length = 100\n"}, name="control")
    result = cli("check", str(root), "--format", "json", "--no-cache")
    assert [(v["rule"], v["path"]) for v in result.json()["violations"]] == [("SSOT003", "prototypes/old_model.py")]


def test_respect_linter_excludes_false_analyses_those_folders(make_repo, cli):
    files = {
        "app/__init__.py": "",
        "prototypes/old_model.py": "from app.gone import Legacy\n",
        "pyproject.toml": '[tool.ruff]\nextend-exclude = ["prototypes"]\n\n[tool.ssotlint]\nrespect-linter-excludes = false\n',
    }
    result = cli("check", str(make_repo(files)), "--format", "json", "--no-cache")
    assert [(v["rule"], v["path"]) for v in result.json()["violations"]] == [("SSOT003", "prototypes/old_model.py")]


def test_the_linters_own_exclude_counts_and_a_folders_children_pattern(make_repo, cli):
    """ruff's ``[lint] exclude`` skips files from linting as ``exclude`` does; ESMValTool
    keeps ``"prototypes/*"`` there ("No longer maintained code"), whose folders hold retired
    diagnostics still importing their old package paths."""
    files = {
        "app/__init__.py": "",
        "prototypes/legacy/mlr/old.py": "from app.gone import Legacy\n",
        "pyproject.toml": '[tool.ruff]\nline-length = 79\n\n[tool.ruff.lint]\nexclude = ["prototypes/*"]\n',
    }
    result = cli("check", str(make_repo(files)), "--format", "json", "--no-cache")
    assert result.code == 0, [v["message"] for v in result.json()["violations"]]
    files["pyproject.toml"] = '[tool.ruff]\nline-length = 79\n\n[tool.ruff.lint]\nselect = ["ALL"]\n'
    result = cli("check", str(make_repo(files, name="control")), "--format", "json", "--no-cache")
    assert [(v["rule"], v["path"]) for v in result.json()["violations"]] == [("SSOT003", "prototypes/legacy/mlr/old.py")]


def test_a_file_ruff_skips_by_its_path_outside_a_package_is_not_analysed(make_repo, cli):
    """aiida-core keeps two documentation listings out of ruff by their very paths (an
    IPython session, an example of a SyntaxError): not Python a program runs, so no SSOT000.
    A package's module kept out of the lint the same way is code that runs, and still
    checked; so is a file a pattern skips, and the listing when the setting is off."""
    files = {
        "app/__init__.py": "",
        "app/legacy.py": "def f(:\n    pass\n",
        # (IPython's help syntax without its prompts: a prompted transcript is no module anyway)
        "docs/snippets/session.py": "builder = Wrapper.get_builder()\nbuilder.x?\n",
        "docs/snippets/illegal.py": "def add(x, y=1, z):\n    return x\n",
        "docs/snippets/other.py": "def g(:\n    pass\n",
    }
    ruff = '[tool.ruff]\nexclude = ["docs/snippets/session.py", "./docs/snippets/illegal.py", "app/legacy.py", "docs/snippets/o*.py"]\n'
    result = cli("check", str(make_repo({**files, "pyproject.toml": ruff})), "--format", "json", "--no-cache")
    assert [(v["rule"], v["path"]) for v in result.json()["violations"]] == [
        ("SSOT000", "app/legacy.py"), ("SSOT000", "docs/snippets/other.py")
    ]
    off = ruff + "\n[tool.ssotlint]\nrespect-linter-excludes = false\n"
    result = cli("check", str(make_repo({**files, "pyproject.toml": off}, name="off")), "--format", "json", "--no-cache")
    assert len(result.json()["violations"]) == 4


def test_a_folder_black_excludes_is_analysed(make_repo, cli):
    """A formatter is kept off code for its style too: sonic-mgmt's black configuration
    excludes its maintained ``spytest/``, whose broken imports are real."""
    black = "[tool.black]\nline-length = 120\nextend-exclude = '''\n(\n  \\.git\n  | spytest/\n)\n'''\n"
    files = {
        "app/__init__.py": "",
        "spytest/__init__.py": "",
        "spytest/hooks.py": "from spytest.gone import Hooks\n",
        "pyproject.toml": black,
    }
    root = make_repo(files)
    result = cli("check", str(root), "--format", "json", "--no-cache")
    assert [(v["rule"], v["path"]) for v in result.json()["violations"]] == [("SSOT003", "spytest/hooks.py")]
