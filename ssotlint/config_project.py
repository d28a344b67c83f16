"""What the project's own files say that ``[tool.ssotlint]`` leaves unsaid: the oldest
Python it supports, and which files its test runner collects.

Everything is read statically from the repository's root: TOML and INI files are parsed as
data, and ``setup.py`` is parsed with CPython's ``ast`` (never run). The repository is
untrusted, so a file is read only when it is a regular file (a link is not followed out of
the repository, a FIFO not opened), and only its first megabyte; anything unreadable or
malformed simply says nothing.
"""

from __future__ import annotations

import ast
import configparser
import os
import re
import shlex
import stat
import sys
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any, Iterable, NamedTuple

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

_MAX_BYTES = 1_000_000

Version = tuple[int, int]


def read_file(path: Path, limit: int = _MAX_BYTES) -> bytes | None:
    """A project file read as data: a regular file, never a link (it could lead out of the
    repository) nor a FIFO (never opened), of at most ``limit`` bytes; None when it is
    missing, something else, larger or unreadable. The one reader of the project's own
    configuration files (pyproject.toml, setup.cfg, tox.ini, nested projects' files)."""
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return None
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as fh:
            data = fh.read(limit + 1)
    except OSError:
        return None
    return data if len(data) <= limit else None


def read_text(path: Path, limit: int = _MAX_BYTES) -> str | None:
    """:func:`read_file` as text (undecodable bytes replaced)."""
    data = read_file(path, limit)
    return data.decode("utf-8", "replace") if data is not None else None


def read_ini(text: str | None) -> configparser.ConfigParser | None:
    """An INI file (setup.cfg, tox.ini, pytest.ini) as data: no interpolation, duplicate
    keys and sections tolerated; None when it does not parse."""
    if text is None:
        return None
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        parser.read_string(text)
    except (configparser.Error, ValueError, RecursionError):
        return None
    return parser


def read_toml(text: str | None) -> Any:
    """TOML text as data; None when there is none or it does not parse."""
    if text is None:
        return None
    try:
        return tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError):
        return None


# -- the Python version ---------------------------------------------------------------------
_LOWER_BOUND = re.compile(r"^\s*(?:>=|~=|===?|>)\s*(\d+)(?:\.(\d+))?")


def lowest_python(requires: str) -> Version | None:
    """The lowest Python 3 version a ``requires-python`` specifier allows, as (3, minor):
    the largest lower bound among its clauses (``>=3.10, !=3.11.*`` -> (3, 10); ``~=3.12``
    and ``==3.12.*`` -> (3, 12); ``>3.11`` -> (3, 11), as 3.11.1 qualifies). None when no
    clause sets a Python 3 lower bound."""
    bounds = []
    for clause in requires.split(","):
        match = _LOWER_BOUND.match(clause)
        if match and match.group(1) == "3":
            bounds.append((3, int(match.group(2) or 0)))
    return max(bounds) if bounds else None


_PINNED = re.compile(r"(?<![\d.])3\.(\d{1,2})(?!\d)")


def python_version_file(root: Path) -> tuple[Version, str] | None:
    """The Python the project pins in ``.python-version`` (pyenv's and uv's file: ``3.14``,
    ``3.12.4``, ``pypy3.10``, one per line), the oldest when it lists several, with where it
    came from; None when there is no such file or no Python 3 version in it. The code runs
    on that interpreter."""
    text = read_text(root / ".python-version", 1024)
    if text is None:
        return None
    versions = [
        ((3, int(match.group(1))), line.strip())
        for line in text.splitlines()
        if not line.lstrip().startswith("#")
        for match in [_PINNED.search(line)]
        if match is not None
    ]
    if not versions:
        return None
    version, line = min(versions)
    return version, f".python-version {line[:40]!r}"


def _requirement(requires: str, where: str) -> tuple[Version, str] | None:
    lowest = lowest_python(requires)
    return None if lowest is None else (lowest, f"{where} python_requires = {requires.strip()[:60]!r}")


def setup_cfg_python(root: Path) -> tuple[Version, str] | None:
    """``python_requires`` in setup.cfg's ``[options]``."""
    ini = read_ini(read_text(root / "setup.cfg"))
    if ini is None or not ini.has_option("options", "python_requires"):
        return None
    return _requirement(ini.get("options", "python_requires"), "setup.cfg")


def setup_calls(text: str | None) -> list[ast.Call]:
    """The ``setup(...)`` calls (``setup``, ``setuptools.setup``) in a setup.py's text, read
    from its syntax tree: nothing in the file runs."""
    if not text or "setup" not in text:
        return []
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return []
    calls = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
        if name == "setup":
            calls.append(node)
    return calls


def setup_py_python(root: Path) -> tuple[Version, str] | None:
    """The string literal passed as ``python_requires=`` to a ``setup(...)`` call in
    setup.py (``setup``, ``setuptools.setup``), read from its syntax tree: nothing in the
    file runs, so a value computed at run time is not seen."""
    text = read_text(root / "setup.py")
    if text is None or "python_requires" not in text:
        return None
    for call in setup_calls(text):
        for keyword in call.keywords:
            value = keyword.value
            if keyword.arg == "python_requires" and isinstance(value, ast.Constant) and isinstance(value.value, str):
                return _requirement(value.value, "setup.py")
    return None


_TOX_FACTOR = re.compile(r"^(?:py|pypy)3\.?(\d{1,2})$")
_BRACES = re.compile(r"\{([^{}]*)\}")
_RANGE = re.compile(r"^(\d+)-(\d+)$")
_MAX_ENVS = 10_000  # a generative list multiplies out: bound the work on hostile input


def _expand(env: str) -> list[str]:
    """tox's generative names: ``py3{11,12}-django{42,50}`` -> ``py311-django42`` ...;
    a range ``{10-13}`` as tox 4 reads it."""
    names = [env]
    while True:
        expanded: list[str] = []
        for name in names:
            match = _BRACES.search(name)
            if match is None:
                expanded.append(name)
                continue
            options: list[str] = []
            for part in match.group(1).split(","):
                span = _RANGE.match(part.strip())
                if span and int(span.group(2)) - int(span.group(1)) < 100:
                    options.extend(str(n) for n in range(int(span.group(1)), int(span.group(2)) + 1))
                else:
                    options.append(part.strip())
            expanded.extend(name[: match.start()] + o + name[match.end() :] for o in options)
        if expanded == names or len(expanded) > _MAX_ENVS:
            return expanded[:_MAX_ENVS]
        names = expanded


def _split_envs(envlist: str) -> list[str]:
    """The environments of an ``envlist``: separated by commas or line breaks, except
    inside braces."""
    envs, depth, current = [], 0, []
    for char in envlist:
        depth += char == "{"
        depth -= char == "}" and depth > 0
        if depth == 0 and (char == "," or char == "\n"):
            envs.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    envs.append("".join(current).strip())
    return [e for e in envs if e and not e.startswith("#")]


def tox_envlist_versions(envlist: str) -> list[Version]:
    """The Python 3 versions an ``envlist`` names (``py312``, ``py3.12``, ``pypy310``, as
    factors of an environment such as ``py312-django50``); ``py3``, ``lint`` name none."""
    found = []
    for env in _split_envs(envlist):
        for name in _expand(env):
            for factor in name.split("-"):
                match = _TOX_FACTOR.match(factor.strip())
                if match:
                    found.append((3, int(match.group(1))))
    return found


def tox_python(root: Path) -> tuple[Version, str] | None:
    """The oldest Python tox.ini's ``envlist`` (or ``env_list``) tests on."""
    ini = read_ini(read_text(root / "tox.ini"))
    if ini is None or not ini.has_section("tox"):
        return None
    for key in ("env_list", "envlist"):
        if ini.has_option("tox", key):
            raw = ini.get("tox", key)
            versions = tox_envlist_versions(raw)
            if versions:
                shown = " ".join(raw.split())
                return min(versions), f"tox.ini envlist {shown[:60]!r}"
    return None


_RUFF_TARGET = re.compile(r"^py3(\d{1,2})$")


def linter_python(root: Path) -> tuple[Version, str] | None:
    """The oldest Python the project's linter and type checker are told the code supports:
    ruff's ``target-version`` (``ruff.toml``, ``.ruff.toml``, else ``[tool.ruff]`` in
    pyproject.toml; ``"py313"``), else mypy's ``python_version`` (``[tool.mypy]``;
    ``"3.13"``). Both refuse syntax newer than that, so the code is written for it."""
    for name in ("ruff.toml", ".ruff.toml"):
        data = read_toml(read_text(root / name))
        if isinstance(data, dict):
            return _ruff_target(data.get("target-version"), name)
    tool = (read_toml(read_text(root / "pyproject.toml")) or {}).get("tool")
    if not isinstance(tool, dict):
        return None
    ruff, mypy = tool.get("ruff"), tool.get("mypy")
    found = _ruff_target(ruff.get("target-version"), "[tool.ruff]") if isinstance(ruff, dict) else None
    if found is None and isinstance(mypy, dict):
        declared = mypy.get("python_version")
        match = _PINNED.fullmatch(declared.strip()) if isinstance(declared, str) else None
        if match is not None:
            found = (3, int(match.group(1))), f"[tool.mypy] python_version = {declared[:20]!r}"
    return found


def _ruff_target(declared: Any, where: str) -> tuple[Version, str] | None:
    match = _RUFF_TARGET.match(declared.strip()) if isinstance(declared, str) else None
    return None if match is None else ((3, int(match.group(1))), f"{where} target-version = {declared[:20]!r}")


def project_python(root: Path) -> tuple[Version, str] | None:
    """The oldest Python the project declares outside ``[project]``, and where: setup.cfg's
    or setup.py's ``python_requires``, then ruff's ``target-version`` or mypy's
    ``python_version``, then ``.python-version``, then the oldest version tox.ini tests on
    (``requires-python`` and ``[tool.ssotlint] target-version`` come before all of them)."""
    for reader in (setup_cfg_python, setup_py_python, linter_python, python_version_file, tox_python):
        found = reader(root)
        if found is not None:
            return found
    return None


# -- what the test runner collects ----------------------------------------------------------
PYTEST_DEFAULT_FILES = ("test_*.py", "*_test.py")
PYTEST_DEFAULT_NORECURSE = ("*.egg", ".*", "_darcs", "build", "CVS", "dist", "node_modules", "venv", "{arch}")
# unittest's discovery pattern (``python -m unittest``, Django's test runner): its test
# modules are collected whatever pytest is told.
UNITTEST_FILES = "test*.py"


def _fnmatch_ex(path: str, pattern: str) -> bool:
    """pytest's matching of a path against a pattern: a pattern without ``/`` against the
    last part, one with ``/`` against the whole path (at any depth)."""
    if "/" not in pattern:
        return fnmatchcase(path.rpartition("/")[2], pattern)
    return fnmatchcase("/" + path, pattern if pattern.startswith("/") else "*/" + pattern)


class Collection(NamedTuple):
    """Which ``.py`` files the project's test runner imports by itself, as its pytest
    configuration says."""

    python_files: tuple[str, ...] = PYTEST_DEFAULT_FILES
    every_module: bool = False  # ``--doctest-modules``: every module is imported
    norecursedirs: tuple[str, ...] = PYTEST_DEFAULT_NORECURSE  # folders pytest does not enter

    def collects(self, path: str) -> bool:
        """Whether a test runner imports the file by itself: a module unittest discovers
        (``test*.py``), or, outside the folders pytest does not enter (``norecursedirs``),
        a ``conftest.py`` or a module pytest collects (a name that matches
        ``python_files``, or any module under ``--doctest-modules``)."""
        name = path.rpartition("/")[2]
        if fnmatchcase(name, UNITTEST_FILES):
            return True
        if not (name == "conftest.py" or self.every_module or any(_fnmatch_ex(path, p) for p in self.python_files)):
            return False
        folder = path.rpartition("/")[0]
        while folder:
            if any(_fnmatch_ex(folder, p) for p in self.norecursedirs):
                return False
            folder = folder.rpartition("/")[0]
        return True


    def names_test_module(self, path: str) -> bool:
        """The file's name matches one of the project's own ``python_files`` patterns that
        names test modules (``tests.py``, ``check_*.py`` does not: only a pattern that
        says "test"; a catch-all ``*.py`` narrowed by ``testpaths`` says nothing of a name)."""
        return any("test" in p.lower() and _fnmatch_ex(path, p) for p in self.python_files)


def _args(value: Any) -> list[str]:
    """An ``args`` ini value: a TOML list, or a string split as a shell would."""
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    if not isinstance(value, str):
        return []
    try:
        return shlex.split(value)
    except ValueError:  # an unbalanced quote
        return value.split()


def _collection(options: dict[str, Any]) -> Collection:
    default = Collection()
    files = _args(options["python_files"]) if "python_files" in options else default.python_files
    norecurse = _args(options["norecursedirs"]) if "norecursedirs" in options else default.norecursedirs
    every = "--doctest-modules" in _args(options.get("addopts"))
    return Collection(tuple(files), every, tuple(norecurse))


def pytest_collection(root: Path, pyproject: Any = None) -> Collection:
    """pytest's collection settings, from the first file that configures pytest, in pytest's
    own order: ``pytest.ini`` (even without a ``[pytest]`` section), ``.pytest.ini``,
    ``pyproject.toml`` (``[tool.pytest.ini_options]``, or pytest 9's ``[tool.pytest]``),
    ``tox.ini`` (``[pytest]``), ``setup.cfg`` (``[tool:pytest]``). ``pyproject``: the
    root's pyproject.toml as data, when the caller has read it."""
    for name in ("pytest.ini", ".pytest.ini"):
        text = read_text(root / name)
        if text is not None:
            ini = read_ini(text)
            return _collection(dict(ini.items("pytest")) if ini is not None and ini.has_section("pytest") else {})
    if pyproject is None:
        pyproject = read_toml(read_text(root / "pyproject.toml"))
    tool = pyproject.get("tool") if isinstance(pyproject, dict) else None
    table = tool.get("pytest") if isinstance(tool, dict) else None
    if isinstance(table, dict):
        options = table.get("ini_options")
        return _collection(options if isinstance(options, dict) else table)
    for name, section in (("tox.ini", "pytest"), ("setup.cfg", "tool:pytest")):
        ini = read_ini(read_text(root / name))
        if ini is not None and ini.has_section(section):
            return _collection(dict(ini.items(section)))
    return Collection()
