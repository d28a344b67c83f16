"""Which category a changed path belongs to, from its path alone.

The rules are an ordered table: the first rule that matches wins. The order matters and
encodes a few decisions:

* explicit ``docs-patterns`` and the test locations win over everything, so that
  ``tests/requirements.txt`` or ``tests/Dockerfile`` are test files; backup copies
  (``*.bak``, ``*.orig``, ``*~``, ``x.py.backup_2``) come next: nothing loads them,
  whatever they are a copy of;
* documentation folders come next (``docs/requirements.txt`` feeds the docs build only);
* dependency files come before documentation extensions (``requirements.txt`` is not
  prose) and Python before configuration (``infra/stack.py`` gets the precise,
  syntax-tree comparison rather than a blanket verdict);
* ``tooling-paths`` (developer scripts) come after dependency files and before Python:
  ``scripts/fix_imports.py`` is tooling, ``scripts/requirements.txt`` still a dependency;
* whatever matches nothing is treated as able to change behaviour (see ``OTHER``).

Built-in patterns are matched case-insensitively (``Dockerfile``, ``README.MD``); the
user's ``test-paths``/``docs-patterns`` are matched as written, like everywhere else.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass
from enum import Enum
from typing import Callable, Pattern

from ssotlint.config import DEFAULT_TEST_PATHS, Config
from ssotlint.globs import compile_glob


class Category(Enum):
    DOCS = "docs"
    TEST = "test"
    PYTHON = "python"  # production Python: decided by comparing syntax trees
    MANIFEST = "manifest"  # pyproject.toml, setup.py, setup.cfg, package.json: by content
    REQUIREMENTS = "requirements"  # requirements*.txt and the like: by meaningful lines
    DEPENDENCY = "dependency"  # lock files, vendored code: always a dependency change
    CONFIG = "config"
    METADATA = "metadata"  # .gitignore and friends: never behaviour
    BACKUP = "backup"  # a backup copy of another file: nothing loads it
    TOOLING = "tooling"  # developer scripts (tooling-paths): reported, not behaviour by default
    DATA = "data"  # JSON, CSV...: behaviour only if production code or deployment refers to it
    OTHER = "other"  # anything else outside docs and tests: assumed to be behaviour


@dataclass(frozen=True)
class PathClass:
    category: Category
    label: str  # why, for the report: "Markdown document", "CI workflow"...


# Test locations in addition to the configured test-patterns/test-paths: check's default
# test paths (one list, so both commands call the same files tests) and test configuration.
SESSION_TEST_PATHS = (
    *DEFAULT_TEST_PATHS,
    "pytest.toml",
    ".pytest.toml",
    "pytest.ini",
    "tox.ini",
    "noxfile.py",
    ".coveragerc",
)

DOCS_FOLDERS = ("docs/**", "doc/**", "**/docs/**", "**/doc/**", "documentation/**")
DOCS_EXTENSIONS = (
    "*.md", "*.markdown", "*.mdx", "*.rst", "*.txt", "*.text", "*.adoc", "*.asciidoc",
    "*.rdoc", "*.org", "*.textile", "*.tex", "*.ipynb",
)
DOCS_NAMES = (
    "readme", "readme.*", "changelog", "changelog.*", "changes", "changes.*", "history",
    "history.*", "news", "news.*", "license", "license.*", "licence", "licence.*",
    "copying", "copying.*", "authors", "authors.*", "contributors", "contributors.*",
    "contributing", "contributing.*", "notice", "notice.*", "code_of_conduct*",
    "security.md", "codeowners", "mkdocs.yml", "mkdocs.yaml", ".readthedocs.yml",
    ".readthedocs.yaml",
)
MEDIA_EXTENSIONS = (
    "*.png", "*.jpg", "*.jpeg", "*.gif", "*.svg", "*.ico", "*.webp", "*.bmp", "*.tif",
    "*.tiff", "*.pdf", "*.drawio", "*.puml", "*.plantuml", "*.mmd",
)
MANIFEST_NAMES = ("pyproject.toml", "setup.py", "setup.cfg", "package.json")
REQUIREMENTS_NAMES = ("*requirements*.txt", "*requirements*.in", "*constraints*.txt")
REQUIREMENTS_FOLDERS = ("requirements/*.txt", "**/requirements/*.txt", "**/requirements/*.in")
LOCK_NAMES = (
    "*.lock", "pipfile", "pipfile.lock", "package-lock.json", "npm-shrinkwrap.json",
    "pnpm-lock.yaml", "environment.yml", "environment.yaml", "conda-lock.yml", "go.mod",
    "go.sum", "gemfile",
)
VENDORED_FOLDERS = ("vendor/**", "third_party/**", "third-party/**", "**/site-packages/**")
PYTHON_EXTENSIONS = ("*.py", "*.pyi")
CONFIG_FOLDERS = (
    ".github/workflows/**", ".github/actions/**", ".circleci/**", ".buildkite/**",
    ".gitlab/**", ".devcontainer/**", "**/k8s/**", "**/kubernetes/**", "**/kube/**",
    "**/helm/**", "**/charts/**", "**/deploy/**", "**/deployment/**", "**/deployments/**",
    "**/infra/**", "**/infrastructure/**", "**/terraform/**", "**/ansible/**",
    "**/docker/**",
)
CONFIG_NAMES = (
    "dockerfile", "dockerfile.*", "*.dockerfile", "containerfile", ".dockerignore",
    "docker-compose*.yml", "docker-compose*.yaml", "compose.yml", "compose.yaml",
    "compose.*.yml", "compose.*.yaml", "procfile", "jenkinsfile", "makefile", "*.mk",
    ".gitlab-ci.yml", ".travis.yml", "azure-pipelines*.yml", "bitbucket-pipelines.yml",
    "cloudbuild*.yaml", "cloudbuild*.yml", "buildspec*.yml", "app.yaml", "app.yml",
    "fly.toml", "render.yaml", "vercel.json", "netlify.toml", "serverless.yml",
    "serverless.yaml", "skaffold.yaml", "tiltfile", ".env", ".env.*", "*.env", "*.env.*",
    "env.example", "env.sample", "env.template", "*.tf", "*.tfvars", "*.hcl", "*.nomad",
)
BACKUP_NAMES = ("*.backup*", "*.bak", "*.bak[0-9]", "*.orig", "*.rej", "*~", "*.swp")
# Data formats that programs write (reports, results, generated listings) as often as they
# read them: whether one is behaviour depends on whether anything in production refers to it.
DATA_EXTENSIONS = ("*.json", "*.jsonl", "*.ndjson", "*.csv", "*.tsv", "*.xml", "*.html", "*.htm", "*.log")
METADATA_NAMES = (
    ".gitignore", ".gitattributes", ".mailmap", ".editorconfig", ".git-blame-ignore-revs",
)
CONFIG_EXTENSIONS = (
    "*.yml", "*.yaml", "*.toml", "*.ini", "*.cfg", "*.conf", "*.properties",
)


class PathRules:
    """The ordered rule table for one configuration."""

    def __init__(self, config: Config) -> None:
        session = config.session
        user_docs = _regex_of_globs(session.extra_docs_patterns)
        # Config.is_test_file (test-patterns on the file name, test-paths on the path, the
        # project's pytest python_files), compiled once: it is asked about every changed path of every commit.
        test_names = _regex_of_names(config.test_patterns)
        test_paths = _regex_of_globs(config.test_paths + session.extra_test_paths + SESSION_TEST_PATHS)
        tooling = _regex_of_globs(session.tooling_paths)

        collection = config.test_collection  # the project's own pytest python_files

        def is_test(path: str, _lower: str) -> bool:
            return bool(test_names.match(path.rsplit("/", 1)[-1]) or test_paths.match(path)) or (
                path.endswith(".py") and collection.names_test_module(path)
            )

        self._rules: tuple[tuple[Callable[[str, str], bool], PathClass], ...] = (
            (lambda p, _l: bool(user_docs.match(p)), PathClass(Category.DOCS, "matches docs-patterns")),
            (is_test, PathClass(Category.TEST, "test code")),
            (_names(BACKUP_NAMES), PathClass(Category.BACKUP, "backup copy; nothing loads it")),
            (_globs(DOCS_FOLDERS), PathClass(Category.DOCS, "in a documentation folder")),
            (_names(MANIFEST_NAMES), PathClass(Category.MANIFEST, "package manifest")),
            (_names(REQUIREMENTS_NAMES), PathClass(Category.REQUIREMENTS, "requirements file")),
            (_globs(REQUIREMENTS_FOLDERS), PathClass(Category.REQUIREMENTS, "requirements file")),
            (_names(LOCK_NAMES), PathClass(Category.DEPENDENCY, "lock file")),
            (_names((".gitmodules",)), PathClass(Category.DEPENDENCY, "submodule list")),
            (_globs(VENDORED_FOLDERS), PathClass(Category.DEPENDENCY, "vendored third-party code")),
            (lambda p, _l: bool(tooling.match(p)), PathClass(Category.TOOLING, "developer tooling (tooling-paths)")),
            (_names(PYTHON_EXTENSIONS), PathClass(Category.PYTHON, "production Python")),
            (_globs((".github/workflows/**",)), PathClass(Category.CONFIG, "CI workflow")),
            (_globs(CONFIG_FOLDERS), PathClass(Category.CONFIG, "deployment or infrastructure file")),
            (_names(CONFIG_NAMES), PathClass(Category.CONFIG, "build, deployment or environment file")),
            (_names(DOCS_NAMES), PathClass(Category.DOCS, "documentation")),
            (_names(DOCS_EXTENSIONS), PathClass(Category.DOCS, "documentation")),
            (_names(MEDIA_EXTENSIONS), PathClass(Category.DOCS, "image or document")),
            (_names(METADATA_NAMES), PathClass(Category.METADATA, "repository metadata")),
            (_names(DATA_EXTENSIONS), PathClass(Category.DATA, "data file")),
            (_names(CONFIG_EXTENSIONS), PathClass(Category.CONFIG, "configuration file")),
        )

    def classify(self, path: str) -> PathClass:
        lower = path.lower()
        for matches, result in self._rules:
            if matches(path, lower):
                return result
        return PathClass(Category.OTHER, "not documentation, tests or Python source")


_NOTHING = re.compile(r"(?!)")


def _regex_of_globs(patterns: tuple[str, ...]) -> Pattern[str]:
    """One regex for a union of path globs, with :mod:`ssotlint.globs` semantics."""
    if not patterns:
        return _NOTHING
    return re.compile("|".join(f"(?:{compile_glob(p).pattern})" for p in patterns))


def _regex_of_names(patterns: tuple[str, ...]) -> Pattern[str]:
    """One regex for a union of file-name globs (``fnmatchcase`` semantics)."""
    if not patterns:
        return _NOTHING
    return re.compile("|".join(f"(?:{fnmatch.translate(p)})" for p in patterns))


def _globs(patterns: tuple[str, ...]) -> Callable[[str, str], bool]:
    regex = _regex_of_globs(patterns)
    return lambda _path, lower: bool(regex.match(lower))


def _names(patterns: tuple[str, ...]) -> Callable[[str, str], bool]:
    regex = _regex_of_names(patterns)
    return lambda _path, lower: bool(regex.match(lower.rsplit("/", 1)[-1]))
