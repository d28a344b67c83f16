"""Did a change to a package manifest or requirements file change the dependencies?

Each function takes the two versions as bytes (``None`` for a side that does not exist:
the file was added or deleted) and returns a :class:`ManifestVerdict` whose ``kind`` is
one of ``"dependency"``, ``"config"`` (the file changed elsewhere), ``"test"`` or
``"tooling"`` (only developer-tool tables changed: ``[tool.pytest.ini_options]``,
``[tool.ruff]``..., which no build or installer reads) or ``"non-functional"`` (nothing
but comments or layout changed). A version that cannot be parsed is reported as
a dependency change: when in doubt, the safe answer.
"""

from __future__ import annotations

import ast
import configparser
import json
import re
import sys
from typing import Any, Callable, Mapping, NamedTuple

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

DEPENDENCY = "dependency"
CONFIG = "config"
NON_FUNCTIONAL = "non-functional"
TEST = "test"
TOOLING = "tooling"

# Tables of developer tools (linters, type checkers, formatters, test runners, release
# notes): configuration for people working on the code, never read by a build, an
# installer or the running program. Packaging tools (setuptools, poetry, hatch, pdm,
# flit, uv, maturin, setuptools_scm, cibuildwheel...) are deliberately absent.
TEST_TOOLS = frozenset({"pytest", "coverage", "tox", "nox", "hypothesis", "pytest-benchmark"})
DEV_TOOLS = TEST_TOOLS | frozenset({
    "ruff", "black", "isort", "flake8", "pylint", "mypy", "pyright", "basedpyright", "pytype",
    "pyre", "ssotlint", "codespell", "bandit", "pydocstyle", "interrogate", "autoflake",
    "docformatter", "yapf", "pyupgrade", "vulture", "deptry", "importlinter", "django-stubs",
    "pydantic-mypy", "typos", "sqlfluff", "doc8", "towncrier", "commitizen", "bumpversion",
    "bumpver", "tbump", "check-manifest", "pycln", "refurb", "pyflakes", "pycodestyle",
    "pep8", "yamllint", "mdformat", "blacken-docs", "nbqa", "pip-audit", "liccheck",
})


class ManifestVerdict(NamedTuple):
    kind: str
    reason: str


class _Unreadable(Exception):
    pass


def compare_manifest(name: str, old: bytes | None, new: bytes | None) -> ManifestVerdict:
    """Dispatch on the file name (``pyproject.toml``, ``setup.py``, ``setup.cfg``, ``package.json``)."""
    compare = _BY_NAME.get(name.lower())
    if compare is None:
        return ManifestVerdict(DEPENDENCY, f"{name} changed")
    return compare(old, new)


def compare_requirements(old: bytes | None, new: bytes | None) -> ManifestVerdict:
    """requirements*.txt and constraints files: only non-comment, non-blank lines count."""
    if old is None or new is None:
        verb = "added" if old is None else "deleted"
        return ManifestVerdict(DEPENDENCY, f"requirements file {verb}")
    if _requirement_lines(old) == _requirement_lines(new):
        return ManifestVerdict(NON_FUNCTIONAL, "only comments or blank lines changed")
    return ManifestVerdict(DEPENDENCY, "requirements changed")


def _requirement_lines(data: bytes) -> list[str]:
    lines = []
    for raw in data.decode("utf-8", "replace").splitlines():
        line = raw.split(" #", 1)[0].split("\t#", 1)[0].strip()
        if line and not line.startswith("#"):
            lines.append(" ".join(line.split()))
    return lines


# ---------------------------------------------------------------------------------------
# pyproject.toml


def _get(table: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(table, dict):
            return None
        table = table.get(key)
    return table


def _pyproject_dependencies(doc: Mapping[str, Any]) -> dict[str, Any]:
    """Every dependency list a build or installer reads, keyed by a readable name."""
    found = {
        "[project] dependencies": _get(doc, "project", "dependencies"),
        "[project.optional-dependencies]": _get(doc, "project", "optional-dependencies"),
        "[project] requires-python": _get(doc, "project", "requires-python"),
        "[build-system] requires": _get(doc, "build-system", "requires"),
        "[dependency-groups]": _get(doc, "dependency-groups"),
        "[tool.poetry.dependencies]": _get(doc, "tool", "poetry", "dependencies"),
        "[tool.poetry.dev-dependencies]": _get(doc, "tool", "poetry", "dev-dependencies"),
        "[tool.poetry.extras]": _get(doc, "tool", "poetry", "extras"),
        "[tool.pdm.dev-dependencies]": _get(doc, "tool", "pdm", "dev-dependencies"),
        "[tool.uv] dependency settings": {
            k: v for k, v in (_get(doc, "tool", "uv") or {}).items()
            if k in ("dev-dependencies", "sources", "override-dependencies", "constraint-dependencies")
        } if isinstance(_get(doc, "tool", "uv"), dict) else None,
        "[tool.setuptools.dynamic] dependencies": {
            k: v for k, v in (_get(doc, "tool", "setuptools", "dynamic") or {}).items()
            if k in ("dependencies", "optional-dependencies")
        } if isinstance(_get(doc, "tool", "setuptools", "dynamic"), dict) else None,
    }
    groups = _get(doc, "tool", "poetry", "group")
    if isinstance(groups, dict):
        for group, table in groups.items():
            found[f"[tool.poetry.group.{group}.dependencies]"] = _get(table, "dependencies")
    return {k: v for k, v in found.items() if v not in (None, {})}


def _tables(doc: Mapping[str, Any]) -> dict[str, Any]:
    """Top-level tables, with ``[tool.*]`` split per tool, for naming what changed."""
    tables: dict[str, Any] = {}
    for key, value in doc.items():
        if key == "tool" and isinstance(value, dict):
            for tool, table in value.items():
                tables[f"[tool.{tool}]"] = table
        else:
            tables[f"[{key}]"] = value
    return tables


def _changed_keys(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    return [k for k in dict.fromkeys([*old, *new]) if old.get(k) != new.get(k)]


def _load_toml(data: bytes | None, which: str) -> dict[str, Any]:
    if data is None:
        return {}
    try:
        return tomllib.loads(data.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise _Unreadable(f"the {which} version is not valid TOML ({exc})") from None
    except RecursionError:  # tomllib recurses once per nested array or inline table
        raise _Unreadable(f"the {which} version nests arrays or tables too deeply to read") from None


def _pyproject_tool(table: str) -> str | None:
    """``"[tool.ruff]"`` -> ``"ruff"``; None for a table that is not a ``[tool.*]`` one."""
    if table.startswith("[tool.") and table.endswith("]"):
        return table[len("[tool."):-1].lower()
    return None


def compare_pyproject(old: bytes | None, new: bytes | None) -> ManifestVerdict:
    return _compare_structured(
        old, new, _load_toml, _pyproject_dependencies, _tables, "pyproject.toml", _pyproject_tool
    )


# ---------------------------------------------------------------------------------------
# setup.cfg

_CFG_DEPENDENCY_OPTIONS = ("install_requires", "setup_requires", "python_requires", "tests_require")


def _load_cfg(data: bytes | None, which: str) -> dict[str, Any]:
    if data is None:
        return {}
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        parser.read_string(data.decode("utf-8"))
    except (configparser.Error, UnicodeDecodeError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise _Unreadable(f"the {which} setup.cfg cannot be parsed ({first})") from None
    return {
        section: {key: _cfg_value(value) for key, value in parser.items(section, raw=True)}
        for section in parser.sections()
    }


def _cfg_value(value: str) -> tuple[str, ...]:
    return tuple(
        line.strip() for line in value.splitlines() if line.strip() and not line.strip().startswith("#")
    )


def _cfg_dependencies(doc: Mapping[str, Any]) -> dict[str, Any]:
    options = doc.get("options", {})
    found = {f"[options] {k}": options.get(k) for k in _CFG_DEPENDENCY_OPTIONS}
    found["[options.extras_require]"] = doc.get("options.extras_require")
    return {k: v for k, v in found.items() if v is not None}


def _cfg_tool(section: str) -> str | None:
    """``"[tool:pytest]"``, ``"[coverage:run]"``, ``"[mypy-foo.*]"``, ``"[flake8]"`` -> the tool."""
    name = section.strip("[]").lower()
    if name.startswith("tool:"):
        name = name[len("tool:"):]
    return re.split(r"[:.\-]", name, maxsplit=1)[0] if name not in DEV_TOOLS else name


def compare_setup_cfg(old: bytes | None, new: bytes | None) -> ManifestVerdict:
    return _compare_structured(
        old, new, _load_cfg, _cfg_dependencies, lambda d: {f"[{k}]": v for k, v in d.items()}, "setup.cfg", _cfg_tool
    )


# ---------------------------------------------------------------------------------------
# package.json

_NPM_DEPENDENCY_KEYS = (
    "dependencies", "devDependencies", "peerDependencies", "optionalDependencies",
    "bundleDependencies", "bundledDependencies", "overrides", "resolutions", "engines",
)


def _load_json(data: bytes | None, which: str) -> dict[str, Any]:
    if data is None:
        return {}
    try:
        doc = json.loads(data.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise _Unreadable(f"the {which} package.json is not valid JSON ({exc})") from None
    except RecursionError:
        raise _Unreadable(f"the {which} package.json nests too deeply to read") from None
    return doc if isinstance(doc, dict) else {"": doc}


def compare_package_json(old: bytes | None, new: bytes | None) -> ManifestVerdict:
    return _compare_structured(
        old,
        new,
        _load_json,
        lambda d: {f'"{k}"': d[k] for k in _NPM_DEPENDENCY_KEYS if k in d},
        lambda d: {f'"{k}"': v for k, v in d.items()},
        "package.json",
    )


def _compare_structured(
    old: bytes | None,
    new: bytes | None,
    load: Callable[[bytes | None, str], dict[str, Any]],
    dependencies: Callable[[Mapping[str, Any]], dict[str, Any]],
    sections: Callable[[Mapping[str, Any]], dict[str, Any]],
    name: str,
    tool_of: Callable[[str], str | None] = lambda _section: None,
) -> ManifestVerdict:
    try:
        old_doc, new_doc = load(old, "previous"), load(new, "new")
    except _Unreadable as exc:
        return ManifestVerdict(DEPENDENCY, f"{exc}, so its dependencies may have changed")
    changed = _changed_keys(dependencies(old_doc), dependencies(new_doc))
    if changed:
        return ManifestVerdict(DEPENDENCY, f"changed {', '.join(changed)}")
    if old is None or new is None:
        verb = "added" if old is None else "deleted"
        return ManifestVerdict(CONFIG, f"{name} {verb} (without dependencies)")
    if old_doc == new_doc:
        return ManifestVerdict(NON_FUNCTIONAL, "only comments or layout changed")
    changed = _changed_keys(sections(old_doc), sections(new_doc))
    tools = {tool_of(section) for section in changed}
    if tools <= DEV_TOOLS:  # None (not a tool's table) is never in DEV_TOOLS
        kind = TEST if tools <= TEST_TOOLS else TOOLING
        return ManifestVerdict(kind, f"changed {', '.join(changed)}: developer-tool configuration only")
    return ManifestVerdict(CONFIG, f"changed {', '.join(changed)}, not the dependencies")


# ---------------------------------------------------------------------------------------
# setup.py

_SETUP_DEPENDENCY_KEYWORDS = (
    "install_requires", "extras_require", "setup_requires", "tests_require",
    "python_requires", "dependency_links",
)


class _NotLiteral(Exception):
    pass


def _setup_dependencies(tree: ast.Module) -> dict[str, Any]:
    """The literal dependency keywords of every ``setup(...)`` call.

    :class:`_NotLiteral` when there is no such call or a dependency keyword is computed
    (a variable, a function reading requirements.txt, ``**kwargs``): then the lists may
    have changed anywhere in the file.
    """
    calls = [
        node for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and (getattr(node.func, "id", None) == "setup" or getattr(node.func, "attr", None) == "setup")
    ]
    if not calls:
        raise _NotLiteral("no setup() call")
    found: dict[str, Any] = {}
    for index, call in enumerate(calls):
        for keyword in call.keywords:
            if keyword.arg is None:
                raise _NotLiteral("setup(**...)")
            if keyword.arg in _SETUP_DEPENDENCY_KEYWORDS:
                try:
                    found[f"{keyword.arg}#{index}"] = ast.literal_eval(keyword.value)
                except (ValueError, TypeError, SyntaxError, RecursionError):
                    raise _NotLiteral(keyword.arg) from None
    return found


def compare_setup_py(old: bytes | None, new: bytes | None) -> ManifestVerdict:
    from ssotlint.session.semantics import Unparsable, normalise, parse

    trees = []
    for data, which in ((old, "previous"), (new, "new")):
        if data is None:
            trees.append(None)
            continue
        try:
            trees.append(parse(data))
        except Unparsable as exc:
            return ManifestVerdict(DEPENDENCY, f"the {which} setup.py cannot be parsed ({exc}), so its dependencies may have changed")
    old_tree, new_tree = trees
    if old_tree is None or new_tree is None:
        verb = "added" if old_tree is None else "deleted"
        return ManifestVerdict(DEPENDENCY, f"setup.py {verb}")
    normalise(old_tree)
    normalise(new_tree)
    try:
        if ast.dump(old_tree) == ast.dump(new_tree):
            return ManifestVerdict(NON_FUNCTIONAL, "only comments, docstrings or formatting changed")
        if _setup_dependencies(old_tree) != _setup_dependencies(new_tree):
            return ManifestVerdict(DEPENDENCY, "changed the dependency arguments of setup()")
    except _NotLiteral as exc:
        return ManifestVerdict(DEPENDENCY, f"setup.py changed and its dependencies are not literal ({exc}), so they may have changed")
    except RecursionError:
        return ManifestVerdict(DEPENDENCY, "setup.py is too deeply nested to compare")
    return ManifestVerdict(CONFIG, "setup.py changed outside the dependency arguments of setup()")


_BY_NAME: Mapping[str, Callable[[bytes | None, bytes | None], ManifestVerdict]] = {
    "pyproject.toml": compare_pyproject,
    "setup.cfg": compare_setup_cfg,
    "package.json": compare_package_json,
    "setup.py": compare_setup_py,
}

__all__ = [
    "ManifestVerdict",
    "compare_manifest",
    "compare_requirements",
    "compare_pyproject",
    "compare_setup_cfg",
    "compare_setup_py",
    "compare_package_json",
]
