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
import posixpath
import re
import shlex
import stat
import sys
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, NamedTuple

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


def string_list(value: Any) -> list[str]:
    """A configuration value that may be one string or a list of them, as a list of its
    strings (other items, and any other value, give nothing)."""
    if isinstance(value, str):
        return [value]
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def read_toml(text: str | None) -> Any:
    """TOML text as data; None when there is none or it does not parse."""
    if text is None:
        return None
    try:
        return tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError):
        return None


# -- the files that declare dependencies ----------------------------------------------------
_MAX_REQUIREMENT_FILES = 100
_REQUIREMENTS_DEPTH = 4  # folders below the root searched (``app/requirements/python3/x.in``)
_NOT_SEARCHED = frozenset(
    {"node_modules", "site-packages", "venv", "env", "build", "dist", "__pycache__", "fixtures", "testdata", "test_data"}
)


def _is_requirements(name: str, folder: str) -> bool:
    """pip-tools' and pip's file names: ``requirements*.txt`` / ``.in`` (``dev-requirements.in``,
    ``requirements-test.txt``), and any ``.txt`` / ``.in`` in a ``requirements/`` folder."""
    lowered = name.lower()
    if not lowered.endswith((".txt", ".in")):
        return False
    return "requirements" in lowered or "requirements" in folder.lower().split("/")


def requirement_paths(root: Path) -> list[Path]:
    """The requirements files of the project, as paths: at the root and in folders up to
    four levels down (a nested application's ``securedrop/requirements/python3/requirements.in``,
    a service's ``svc/requirements.txt``); not in hidden folders, environments or test
    fixtures; regular files only, at most a hundred, in a stable order."""
    found: list[Path] = []
    level = [root]
    for depth in range(_REQUIREMENTS_DEPTH + 1):
        below: list[Path] = []
        for folder in level:
            rel = folder.relative_to(root).as_posix() if folder != root else ""
            for entry in _entries(folder):
                if entry.is_dir(follow_symlinks=False):
                    if depth < _REQUIREMENTS_DEPTH and not entry.name.startswith(".") and entry.name not in _NOT_SEARCHED:
                        below.append(folder / entry.name)
                elif entry.is_file(follow_symlinks=False) and _is_requirements(entry.name, rel):
                    found.append(folder / entry.name)
                    if len(found) >= _MAX_REQUIREMENT_FILES:
                        return found
        level = below[:2_000]  # bound the walk on a hostile tree
    return found


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
    found = setup_tree(text)
    return found[1] if found is not None else []


def setup_tree(text: str | None) -> tuple[ast.Module, list[ast.Call]] | None:
    """A setup.py's syntax tree and its ``setup(...)`` calls (see :func:`setup_calls`);
    None when it has none or does not parse. The tree serves a keyword that names a
    module-level variable (``package_dir=PACKAGE_DIR``)."""
    if not text or "setup" not in text:
        return None
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    calls = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
        if name == "setup":
            calls.append(node)
    return (tree, calls) if calls else None


_SETUP_REQUIREMENT_KEYWORDS = ("install_requires", "extras_require", "tests_require", "setup_requires")
_REQUIREMENT_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


def setup_dependencies(root: Path) -> tuple[list[str], list[str]]:
    """The distribution names a setup.py's ``setup(...)`` (``install_requires``,
    ``tests_require``, ``setup_requires``; ``extras_require``: literal lists, a dict of them,
    or a module-level name bound to one) and setup.cfg's ``[options]`` /
    ``[options.extras_require]`` declare, as written: ``(required, extras)``. Nothing runs:
    a computed list is not seen, nor an f-string entry."""
    required: list[str] = []
    extras: list[str] = []
    text = read_text(root / "setup.py")
    parsed = setup_tree(text) if text and "require" in text else None
    if parsed is not None:
        tree, calls = parsed
        bound = {
            t.id: stmt.value for stmt in tree.body if isinstance(stmt, ast.Assign)
            for t in stmt.targets if isinstance(t, ast.Name)
        }
        for call in calls:
            for keyword in call.keywords:
                if keyword.arg in _SETUP_REQUIREMENT_KEYWORDS:
                    into = extras if keyword.arg == "extras_require" else required
                    into.extend(_requirement_literals(keyword.value, bound))
    ini = read_ini(read_text(root / "setup.cfg"))
    if ini is not None:
        for key in ("install_requires", "tests_require", "setup_requires"):
            if ini.has_option("options", key):
                required.extend(ini.get("options", key).splitlines())
        if ini.has_section("options.extras_require"):
            for key in ini.options("options.extras_require"):
                extras.extend(ini.get("options.extras_require", key).splitlines())
    return _requirement_names(required), _requirement_names(extras)


def _requirement_names(entries: Iterable[str]) -> list[str]:
    names = (_REQUIREMENT_NAME.match(entry) for entry in entries)
    return [m.group(1) for m in names if m is not None]


def _requirement_literals(value: ast.expr, bound: dict[str, ast.expr], depth: int = 0) -> Iterable[str]:
    """The string literals of a requirements list, a dict of such lists, or a name bound to one.
    A string stands for its lines, as setuptools reads it (``extras_require={"onnx":
    "optimum-onnx"}``)."""
    if isinstance(value, ast.Constant) and isinstance(value.value, str):
        yield from (line.strip() for line in value.value.splitlines() if line.strip())
    elif isinstance(value, ast.Name) and value.id in bound and depth < 3:
        yield from _requirement_literals(bound[value.id], bound, depth + 1)
    elif isinstance(value, (ast.List, ast.Tuple, ast.Set)):
        for item in value.elts:
            if isinstance(item, ast.Constant) and isinstance(item.value, str):
                yield item.value
            elif isinstance(item, (ast.Name, ast.List, ast.Tuple)):
                yield from _requirement_literals(item, bound, depth + 1)
    elif isinstance(value, ast.Dict):
        for item in value.values:
            yield from _requirement_literals(item, bound, depth + 1)
    elif isinstance(value, ast.BinOp) and isinstance(value.op, ast.Add):
        yield from _requirement_literals(value.left, bound, depth + 1)
        yield from _requirement_literals(value.right, bound, depth + 1)


def setup_py_python(root: Path) -> tuple[Version, str] | None:
    """The string literal passed as ``python_requires=`` to a ``setup(...)`` call in
    setup.py (``setup``, ``setuptools.setup``), read from its syntax tree: nothing in the
    file runs, so a value computed at run time is not seen."""
    return setup_py_requires(read_text(root / "setup.py"), "setup.py")


def setup_py_requires(text: str | None, where: str) -> tuple[Version, str] | None:
    """:func:`setup_py_python` of a setup.py's text (``where``: its path, as the reason says)."""
    if text is None or "python_requires" not in text:
        return None
    for call in setup_calls(text):
        for keyword in call.keywords:
            value = keyword.value
            if keyword.arg == "python_requires" and isinstance(value, ast.Constant) and isinstance(value.value, str):
                return _requirement(value.value, where)
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


def _ruff_table(root: Path) -> tuple[dict | None, str]:
    """ruff's configuration and where it was read: ``ruff.toml``, ``.ruff.toml``, else
    ``[tool.ruff]`` in pyproject.toml (the first that exists, as ruff reads it)."""
    for name in ("ruff.toml", ".ruff.toml"):
        data = read_toml(read_text(root / name))
        if isinstance(data, dict):
            return data, name
    tool = (read_toml(read_text(root / "pyproject.toml")) or {}).get("tool")
    ruff = tool.get("ruff") if isinstance(tool, dict) else None
    return (ruff if isinstance(ruff, dict) else None), "[tool.ruff]"


def linter_python(root: Path) -> tuple[Version, str] | None:
    """The oldest Python the project's linter and type checker are told the code supports:
    ruff's ``target-version`` (``ruff.toml``, ``.ruff.toml``, else ``[tool.ruff]`` in
    pyproject.toml; ``"py313"``), else mypy's ``python_version`` (``[tool.mypy]``;
    ``"3.13"``), else the oldest of black's ``target-version`` list. Each refuses (or
    formats for) that syntax, so the code is written for it."""
    ruff, where = _ruff_table(root)
    if where != "[tool.ruff]":
        return _ruff_target(ruff.get("target-version"), where) if ruff is not None else None  # a ruff.toml says it all
    tool = (read_toml(read_text(root / "pyproject.toml")) or {}).get("tool")
    return table_linter_python(tool if isinstance(tool, dict) else {})


def table_linter_python(tool: Mapping[str, Any], where: str = "") -> tuple[Version, str] | None:
    """:func:`linter_python` of a pyproject.toml's ``[tool]`` table (``where``: the file, for
    the message, when it is not the root's)."""
    suffix = f" in {where}" if where else ""
    ruff = tool.get("ruff")
    found = _ruff_target(ruff.get("target-version"), "[tool.ruff]") if isinstance(ruff, dict) else None
    if found is not None:
        return found[0], found[1] + suffix
    mypy = tool.get("mypy")
    declared = mypy.get("python_version") if isinstance(mypy, dict) else None
    match = _PINNED.fullmatch(declared.strip()) if isinstance(declared, str) else None
    if match is not None:
        return (3, int(match.group(1))), f"[tool.mypy] python_version = {declared[:20]!r}{suffix}"
    black = _black_target(tool.get("black"))
    return None if black is None else (black[0], black[1] + suffix)


def _black_target(black: Any) -> tuple[Version, str] | None:
    """The oldest of black's ``target-version`` list (``['py312']``: subiquity's, whose
    code uses 3.12's ``type`` statement), which black formats for: the code is written for
    the oldest Python it names."""
    listed = black.get("target-version") if isinstance(black, dict) else None
    if not isinstance(listed, list):
        return None
    found = [t for t in (_ruff_target(v, "[tool.black]") for v in listed) if t is not None]
    if not found:
        return None
    version, _ = min(found)
    return version, f"[tool.black] target-version = {listed[:4]!r}"


def linter_excludes(root: Path) -> tuple[str, ...]:
    """The paths the project tells its linter to skip: ruff's ``exclude`` and
    ``extend-exclude`` (see :func:`_ruff_table`), and its linter's own ``[lint] exclude``
    (ESMValTool's ``"archive/*"``, "No longer maintained code"), as written. Not black's
    excludes: a formatter is kept off code for its style too (sonic-mgmt's maintained
    ``spytest/``), which says nothing of whether the code is maintained."""
    ruff, _ = _ruff_table(root)
    if ruff is None:
        return ()
    lint = ruff.get("lint")
    values = [ruff.get("exclude"), ruff.get("extend-exclude"), lint.get("exclude") if isinstance(lint, dict) else None]
    found: list[str] = []
    for value in values:
        if isinstance(value, list):
            found.extend(v.strip().strip("/") for v in value if isinstance(v, str) and v.strip().strip("/"))
    return tuple(found)


def _ruff_target(declared: Any, where: str) -> tuple[Version, str] | None:
    match = _RUFF_TARGET.match(declared.strip()) if isinstance(declared, str) else None
    return None if match is None else ((3, int(match.group(1))), f"{where} target-version = {declared[:20]!r}")


def project_python(root: Path) -> tuple[Version, str] | None:
    """The oldest Python the project declares outside ``[project]``, and where: setup.cfg's
    or setup.py's ``python_requires``, then ruff's ``target-version`` or mypy's
    ``python_version`` (``requires-python`` and ``[tool.ssotlint] target-version`` come
    before all of them; :func:`runtime_python` after)."""
    for reader in (setup_cfg_python, setup_py_python, linter_python):
        found = reader(root)
        if found is not None:
            return found
    return None


_PYTHON3_CLASSIFIER = "Programming Language :: Python :: 3"


def python3_classifier(root: Path) -> bool:
    """Whether the project's packaging metadata lists a Python 3 classifier
    (``Programming Language :: Python :: 3.8`` in setup.py, setup.cfg or pyproject.toml,
    read as text): it says the code is Python 3, though not from which version."""
    return any(_PYTHON3_CLASSIFIER in (read_text(root / name) or "") for name in ("setup.py", "setup.cfg", "pyproject.toml"))


def is_source_distribution(root: Path) -> bool:
    """The tree is an unpacked source distribution, not a checkout: a ``PKG-INFO`` at its
    top that opens with ``Metadata-Version:`` (what ``python -m build --sdist`` writes),
    and no ``.git``. An sdist ships what its packaging includes: often only the tests'
    ``test*.py`` files (setuptools' default), not the helpers and fixtures they import."""
    if (root / ".git").exists():
        return False
    head = read_file(root / "PKG-INFO")
    return head is not None and head.lstrip().startswith(b"Metadata-Version:")


# -- a Python 2 project ----------------------------------------------------------------------
# A project that declares Python 2 and nothing of Python 3 runs on Python 2: its packaging
# metadata lists only Python 2 classifiers (``Programming Language :: Python :: 2.7``,
# ``:: 2.7 :: Only``), or its ``python_requires`` stops below 3 (``>=2.6, <3``, ``~=2.7``).

_CLASSIFIER = re.compile(r"Programming Language :: Python :: ([23])\b[^'\"\n]*")
# A clause that excludes every Python 3: ``<3``, ``<3.0``, ``<=2.7``, ``==2.7.*``, ``~=2.7``.
_BELOW_3 = re.compile(r"^\s*(?:<\s*3(?:\.0)*(?:\.\*)?|<=\s*2(?:\.[\d*]+)*|(?:==|~=)\s*2(?:\.[\d*]+)*)\s*$")


def python2_only(requires: str) -> bool:
    """A version specifier that allows no Python 3 (``>=2.7, <3``, ``==2.7.*``)."""
    return any(_BELOW_3.match(clause) for clause in requires.split(","))


def _requires_python(root: Path) -> tuple[str, str] | None:
    """The project's ``python_requires`` (setup.cfg's ``[options]``, then a string literal
    passed to ``setup()`` in setup.py, read from its syntax tree) or ``requires-python``
    (pyproject.toml's ``[project]``), with the file it is in."""
    ini = read_ini(read_text(root / "setup.cfg"))
    if ini is not None and ini.has_option("options", "python_requires"):
        return ini.get("options", "python_requires"), "setup.cfg"
    text = read_text(root / "setup.py")
    if text is not None and "python_requires" in text:
        for call in setup_calls(text):
            for keyword in call.keywords:
                value = keyword.value
                if keyword.arg == "python_requires" and isinstance(value, ast.Constant) and isinstance(value.value, str):
                    return value.value, "setup.py"
    data = read_toml(read_text(root / "pyproject.toml"))
    project = data.get("project") if isinstance(data, dict) else None
    requires = project.get("requires-python") if isinstance(project, dict) else None
    return (requires, "pyproject.toml") if isinstance(requires, str) else None


def python2_declared(root: Path, exclusive: bool = False) -> str | None:
    """Where the project declares that it runs on Python 2 only, in words (``setup.py:170
    'Programming Language :: Python :: 2.7'``); None when it does not, or declares Python 3
    too (a ``Python :: 3`` classifier: the code is judged as Python 3). ``exclusive``: only
    a declaration that rules Python 3 out counts (``:: 2.7 :: Only``, ``python_requires``
    below 3), as when a tox envlist or a CI job also names a Python 3. Everything is read as
    text or with ``ast``, never run."""
    requires = _requires_python(root)
    if requires is not None and python2_only(requires[0]):
        key = "requires-python" if requires[1] == "pyproject.toml" else "python_requires"
        return f"{key} = {requires[0]!r} in {requires[1]}"
    found: str | None = None
    for name in ("setup.py", "setup.cfg", "pyproject.toml"):
        text = read_text(root / name) or ""
        for match in _CLASSIFIER.finditer(text):
            if match.group(1) == "3":
                return None
            if found is None and (not exclusive or ":: Only" in match.group(0)):
                line = text.count("\n", 0, match.start()) + 1
                found = f"{name}:{line} {match.group(0).strip()!r}, and no Python 3 classifier"
    return found


# What a project installs says which Python it runs on when no metadata does: a requirements
# file at the root or in a first-level folder that pins, with no environment marker, a
# package whose releases install only on Python 2 (``functools32``; ``futures`` 3.x, whose
# ``python_requires`` is ``<3``), or a Dockerfile there that starts from a Python 2 image or
# installs the distribution's Python 2 (``python-dev``, ``python-pip``, ``python2.7``) and no
# Python 3. Backports that also install on Python 3 (``enum34``, ``configparser``) say
# nothing.
_PYTHON2_PIN = re.compile(r"^\s*(functools32\b[^;]*|futures\s*(?:==|>=|~=)\s*3[^;]*)$", re.IGNORECASE)
# The distribution's Python 2 packages a Dockerfile or provisioning script installs (Debian's
# and Ubuntu's ``python-dev``, ``python-all``, ``python-pip``, ``python-setuptools``,
# ``python2.7``; ``python3-*`` are Python 3's), named in a package manager's install command,
# continuation lines included.
_PYTHON2_PACKAGE = re.compile(
    r"(?<![\w.-])(python-(?:dev|all|all-dev|pip|setuptools)|python2(?:\.7)?(?:-dev|-minimal)?)(?![\w.-])"
)
_INSTALL_COMMAND = re.compile(r"\b(?:(?:apt-get|apt|aptitude|yum|dnf|zypper)\s+(?:-\S+\s+)*install|apk\s+add)\b")
_PYTHON2_IMAGE = re.compile(r"^\s*FROM\s+(?:--\S+\s+)*(?:[^\s/:@]+(?::\d+)?/)*python:2(?![\d])", re.IGNORECASE | re.MULTILINE)


# A Python 3 named by a container or CI file (``python3``, ``python:3.12``, ``python:latest``,
# ``python-version: '3.x'``): the project runs there too.
_PYTHON3_NAMED = re.compile(
    r"python3|pypy3|python:(?:3|latest|slim|alpine)|python[-_]versions?\W[^\n]*\b3(?:\.|\b)", re.IGNORECASE
)


def _python3_named(root: Path) -> bool:
    """A container, CI or CI folder's file of the root names a Python 3 (:data:`_PYTHON3_NAMED`)."""
    return any(
        _PYTHON3_NAMED.search(read_text(path) or "")
        for path in (*_container_files(root), *_ci_files(root), *_ci_folder_files(root))
    )


# Folders at the root that hold a project's CI and provisioning scripts (synnefo's ``ci/``,
# whose ``utils.py`` builds the packages on a Debian jessie with ``python-dev python-all``).
_CI_FOLDERS = ("ci", ".ci")
_CI_FOLDER_SUFFIXES = (".sh", ".bash", ".py", ".yml", ".yaml", ".conf", ".cfg")


def _ci_folder_files(root: Path) -> list[Path]:
    """The scripts and configuration files directly in the root's CI folders
    (:data:`_CI_FOLDERS`); regular files only, a bounded number."""
    found = [
        root / name / e.name
        for name in _CI_FOLDERS
        for e in _entries(root / name)
        if e.is_file(follow_symlinks=False) and e.name.endswith(_CI_FOLDER_SUFFIXES)
    ]
    return found[:_MAX_RUNTIME_FILES]


def _python2_provisioned(text: str) -> tuple[int, str] | None:
    """The line and name of the first Python 2 package of the distribution
    (:data:`_PYTHON2_PACKAGE`) that a package manager's install command in ``text``
    installs (``apt-get install -y python-dev python-all``, or on a line continuing it with
    a trailing backslash); None when none does."""
    lines = text.splitlines()
    for number, line in enumerate(lines, 1):
        if not _INSTALL_COMMAND.search(line):
            continue
        index = number - 1
        while True:
            package = _PYTHON2_PACKAGE.search(lines[index].split("#", 1)[0])  # not a comment's
            if package:
                return index + 1, package.group(1)
            if not lines[index].rstrip().endswith("\\") or index + 1 >= len(lines):
                break
            index += 1
    return None


def python2_installed(root: Path) -> str | None:
    """Where the project installs what runs only on Python 2 (see above), in words
    (``requirements.txt:7 pins 'futures==3.3.0', which installs only on Python 2``); None
    when nothing does, or when a Dockerfile or CI file names a Python 3 anywhere. Read as
    text, never run."""
    if _python3_named(root):
        return None
    if python3_tested(root):
        return None
    for path in requirement_paths(root):
        rel = path.relative_to(root).as_posix()
        if rel.count("/") > 1:
            continue  # a nested project's requirements say nothing of the whole
        for number, line in enumerate((read_text(path) or "").splitlines(), 1):
            match = _PYTHON2_PIN.match(line.split(" #", 1)[0].rstrip())
            if match:
                return f"{rel}:{number} pins {match.group(1).strip()!r}, which installs only on Python 2"
    for path in _container_files(root):
        text = read_text(path) or ""
        rel = path.relative_to(root).as_posix()
        image = _PYTHON2_IMAGE.search(text)
        if image:
            line = text.count("\n", 0, image.start()) + 1
            return f"{rel}:{line} builds from a Python 2 image"
        # A Dockerfile's lines are all build steps: any that installs, or continues a step,
        # naming a Python 2 (zenoss' ``RUN python2 -m pip ... install``) says so.
        for number, line in enumerate(text.splitlines(), 1):
            package = _PYTHON2_PACKAGE.search(line) if "install" in line or line.startswith((" ", "\t")) else None
            if package:
                return f"{rel}:{number} installs {package.group(1)}, the distribution's Python 2, and no Python 3"
    # An RPM spec's dependencies (openshift-tools' ``python-openshift-tools.spec``:
    # ``BuildRequires: python2-devel``, ``Requires: python2``), in a spec naming no Python 3.
    for path in _spec_files(root):
        text = read_text(path) or ""
        if "python3" in text.lower():
            continue
        for number, line in enumerate(text.splitlines(), 1):
            package = _RPM_PYTHON2.match(line)
            if package:
                rel = path.relative_to(root).as_posix()
                return f"{rel}:{number} requires {package.group(1)}, the distribution's Python 2, and no Python 3"
    # A CI folder's files are scripts and code too: only a package manager's install command counts.
    for path in _ci_folder_files(root):
        found = _python2_provisioned(read_text(path) or "")
        if found is not None:
            return f"{path.relative_to(root).as_posix()}:{found[0]} installs {found[1]}, the distribution's Python 2, and no Python 3"
    return None


# The CI files that say which Pythons a project is tested on by a ``python`` key: Travis
# CI's ``python: ["2.7"]`` and CircleCI 1.0's ``machine: python: version: 2.7.3``.
_OLD_CI_FILES = (".travis.yml", "circle.yml")
# (at any depth: a job of Travis' matrix, ``- python: "3.6"``, names a Python too)
_TRAVIS_PYTHON = re.compile(r"^[ \t]*(?:-[ \t]*)?python:[ \t]*(\S[^\n]*)?\n((?:[ \t]*-[ \t]*['\"]?\d[^\n]*\n)*)", re.MULTILINE)
_CIRCLE_PYTHON = re.compile(r"^[ \t]+python:[ \t]*\n[ \t]+version:[ \t]*['\"]?([\d.]+)", re.MULTILINE)
_CI_VERSION_TEXT = re.compile(r"['\"]?(\d+(?:\.\d+)*)")


# Files that name the Pythons the project's tests or documentation builds run on by a
# ``python`` key: Travis CI's ``python: ["3.7"]``, CircleCI 1.0's, Read the Docs'
# ``build: tools: python: "3.9"``.
_PYTHON_KEY_FILES = (*_OLD_CI_FILES, ".readthedocs.yaml", ".readthedocs.yml")


def python3_tested(root: Path) -> bool:
    """Whether the root's ``.travis.yml``, ``circle.yml``, Read the Docs, AppVeyor or conda
    environment configuration names a Python 3 (a ``python:`` version, or ``python3`` anywhere: Travis' apt packages
    ``python3-pip``): the code runs on Python 3 (eden's Travis on 3.7, its documentation
    built on 3.9, beside an old Dockerfile's ``python-pip``). Read as text, never run."""
    for name in _PYTHON_KEY_FILES:
        text = read_text(root / name)
        if not text:
            continue
        if _PYTHON3_NAMED.search(text):
            return True
        if any(v.partition(".")[0] == "3" for v, _ in _ci_python_versions(text)):
            return True
    return any(version.partition(".")[0] == "3" for version, _ in environment_pythons(root))


def _ci_python_versions(text: str) -> list[tuple[str, int]]:
    """The Python versions a ``.travis.yml`` (its ``python:`` keys, its matrix's jobs' too)
    or a CircleCI 1.0 ``circle.yml`` (``machine: python: version:``) sets up, each with its
    line."""
    versions: list[tuple[str, int]] = []
    for match in _TRAVIS_PYTHON.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        items = [match.group(1) or ""] + [item.strip().lstrip("-") for item in match.group(2).splitlines()]
        versions += [(v, line) for item in items for v in _CI_VERSION_TEXT.findall(item.strip())]
    for match in _CIRCLE_PYTHON.finditer(text):
        versions.append((match.group(1), text.count("\n", 0, match.start(1)) + 1))
    return versions


def python2_tested(root: Path) -> str | None:
    """Where the project's CI tests it on Python 2 alone, in words (``circle.yml:12 sets up
    Python 2.7.3, and no Python 3``): Travis CI's ``python:`` versions or CircleCI 1.0's
    ``machine: python: version:`` in the root's ``.travis.yml`` or ``circle.yml``, each
    naming a Python 2 and none a Python 3 (w3af, tested on 2.7.3). None otherwise; read as
    text, never run."""
    for name in _OLD_CI_FILES:
        text = read_text(root / name)
        if not text:
            continue
        versions = _ci_python_versions(text)
        majors = {v.partition(".")[0] for v, _ in versions}
        if majors == {"2"}:
            version, line = versions[0]
            return f"{name}:{line} sets up Python {version}, and no Python 3"
    return _tox_python2(root) or _python2_ci_image(root) or _python2_environments(root)


# The root's files that name the Pythons a project is built or tested with outside
# ``.travis.yml``: AppVeyor's (Windows CI) and conda's environment files.
_APPVEYOR_FILES = ("appveyor.yml", ".appveyor.yml")
_CONDA_FILE = re.compile(r"environment(?:[-_.][\w.-]*)?\.ya?ml")
# AppVeyor names an interpreter by its install folder (``PYTHON: "C:\\Python27-x64"``) or a
# version variable (``PYTHON_VERSION: "2.7.x"``).
_APPVEYOR_PYTHON = re.compile(
    r"^[ \t]*(?:-[ \t]*)?PYTHON[ \t]*:[^\n]*?python(\d)(\d{0,2})|^[ \t]*(?:-[ \t]*)?PYTHON_VERSION[ \t]*:[ \t]*[\"']?(\d)(?:\.(\d+))?",
    re.IGNORECASE | re.MULTILINE,
)
# A conda environment's dependency on the interpreter: ``- python=2.7``, ``- python>=3.9``,
# ``- "python 3.10.*"``.
_CONDA_PYTHON = re.compile(r"^[ \t]*-[ \t]*[\"']?python[ \t]*(?:[=<>~!]=?=?[ \t]*|[ \t]+)(\d)(?:\.(\d+))?", re.MULTILINE)


def environment_pythons(root: Path) -> list[tuple[str, str]]:
    """The Pythons the root's AppVeyor and conda environment files build or test the
    project with, as ``(major.minor, where)``: ``("2.7", "appveyor.yml:31")``. Read as
    text, never run."""
    paths = [root / name for name in _APPVEYOR_FILES]
    paths += [root / e.name for e in _entries(root) if e.is_file(follow_symlinks=False) and _CONDA_FILE.fullmatch(e.name)]
    found: list[tuple[str, str]] = []
    for path in paths[:_MAX_RUNTIME_FILES]:
        text = read_text(path)
        if not text:
            continue
        pattern = _APPVEYOR_PYTHON if path.name in _APPVEYOR_FILES else _CONDA_PYTHON
        for match in pattern.finditer(text):
            major, minor = (match.group(1), match.group(2)) if match.lastindex and match.group(1) else match.groups()[-2:]
            line = text.count("\n", 0, match.start()) + 1
            found.append((f"{major}.{minor}" if minor else major, f"{path.name}:{line}"))
    return found


def _python2_environments(root: Path) -> str | None:
    """Where the root's AppVeyor or conda environment files build the project with a
    Python 2 (mcedit2's ``environment.yml`` ``- python=2.7``, its AppVeyor matrix of
    ``C:\\python27`` folders), when they name no Python 3 and no container or CI file does."""
    found = environment_pythons(root)
    if not found or any(version.partition(".")[0] != "2" for version, _ in found):
        return None
    if _python3_named(root) or python3_tested(root):
        return None
    version, where = found[0]
    return f"{where} builds with Python {version}, and no Python 3"


# tox environment factors that name a Python 2 (``py27``, ``py2.7``, ``py2``, ``pypy27``) or
# a Python 3 (``py3``, ``py312``, ``py3.12``, ``pypy3``, ``pypy310``).
_TOX_PYTHON2 = re.compile(r"^(?:py2(?:\d+|\.\d+)?|pypy2(?:\d*|\.\d+))$")
_TOX_PYTHON3 = re.compile(r"^(?:py3(?:\d*|\.\d+)|pypy3(?:\d*|\.\d+))$")


def _tox_python2(root: Path) -> str | None:
    """Where the root's tox.ini tests the project on Python 2 alone: its ``envlist`` names
    a Python 2 (``envlist = py27``: nylas' sync-engine) and no Python 3."""
    envs = _tox_factors(root)
    if envs is None:
        return None
    shown, factors = envs
    if any(_TOX_PYTHON2.match(f) for f in factors) and not any(_TOX_PYTHON3.match(f) for f in factors):
        return f"tox.ini envlist {shown!r} tests on Python 2, and no Python 3"
    return None


def _tox_factors(root: Path) -> tuple[str, list[str]] | None:
    """The root's tox.ini ``envlist`` (or ``env_list``) as written (spaces folded, at most
    60 characters) and the factors of its environments (``py27``, ``django111``); None
    without one."""
    ini = read_ini(read_text(root / "tox.ini"))
    if ini is None or not ini.has_section("tox"):
        return None
    for key in ("env_list", "envlist"):
        if ini.has_option("tox", key):
            raw = ini.get("tox", key)
            factors = [factor.strip() for env in _split_envs(raw) for name in _expand(env) for factor in name.split("-")]
            return " ".join(raw.split())[:60], factors
    return None


# A CI job's container of Python 2 (``image: python:2.7.18-buster`` under GitHub Actions'
# ``container:``, a GitLab job's ``image: python:2.7``).
_PYTHON2_CI_IMAGE = re.compile(r"^\s*(?:-\s+)?(?:image|container)\s*:\s*[\"']?(?:[^\s/:@\"']+(?::\d+)?/)*python:(2(?:\.\d+)*)", re.MULTILINE)


def _python2_ci_image(root: Path) -> str | None:
    """Where a CI file of the root (GitHub Actions, GitLab CI) runs its jobs in a Python 2
    container, when no CI or container file names a Python 3 (senaite.core's ``container:
    image: python:2.7.18-buster``)."""
    if _python3_named(root):
        return None
    for path in _ci_files(root):
        text = read_text(path) or ""
        match = _PYTHON2_CI_IMAGE.search(text)
        if match is not None:
            line = text.count("\n", 0, match.start()) + 1
            return f"{path.relative_to(root).as_posix()}:{line} runs its jobs in Python {match.group(1)}, and no Python 3"
    return None


# A launcher's command that runs a module or a file with a Python 2 interpreter:
# ``/usr/bin/python2 -m pirates.ai.ServiceStart``, ``python2.7 tools/run.py``.
_PYTHON2_LAUNCH = re.compile(
    r"(?:^|[\s/\\\"'=;&|(])python2(?:\.\d+)?(?:\.exe)?[\"']?\s+(?:-[A-Za-z]+\s+)*(?:-m\s+([A-Za-z_][\w.]*)|([\w./\\-]+\.py)\b)",
    re.MULTILINE,
)
_LAUNCHER_SUFFIXES = (".sh", ".bash", ".bat", ".cmd", ".command")
_LAUNCHER_NAMES = frozenset({"Procfile", "Makefile", "makefile"})
_PYTHON3_LAUNCH = re.compile(r"(?:^|[\s/\\\"'=;&|(])(?:python3|pypy3)(?:\.\d+)?\b", re.MULTILINE)


def _launchers(root: Path) -> list[Path]:
    """Shell and batch scripts, Procfiles and Makefiles at the root and two folder levels
    below it (not hidden ones, nor environments): a bounded number."""
    found: list[Path] = []
    level = [root]
    for _ in range(3):
        below: list[Path] = []
        for folder in level[:_MAX_FOLDERS]:
            for entry in _entries(folder):
                if entry.is_dir(follow_symlinks=False):
                    if not entry.name.startswith(".") and entry.name not in _SKIPPED_FOLDERS:
                        below.append(folder / entry.name)
                elif entry.is_file(follow_symlinks=False) and (
                    entry.name.endswith(_LAUNCHER_SUFFIXES) or entry.name in _LAUNCHER_NAMES
                ):
                    found.append(folder / entry.name)
                    if len(found) >= _MAX_RUNTIME_FILES:
                        return found
        level = below
    return found


def python2_launched(root: Path) -> str | None:
    """Where a script of the project starts its own code on Python 2, in words
    (``astron/linux/start_ai_server.sh:6 runs pirates.ai.ServiceStart with python2``): a
    launcher (shell or batch script, Procfile, Makefile) runs a module of a first-party
    package (``python2 -m pkg.mod``, ``pkg`` a folder or module of the root) or a
    first-party file with ``python2``, when no launcher runs a Python 3 and no container or
    CI file names one. None otherwise; read as text, never run."""
    if _python3_named(root):
        return None
    launchers = [(path, read_text(path) or "") for path in _launchers(root)]
    if any(_PYTHON3_LAUNCH.search(text) for _, text in launchers):
        return None
    for path, text in launchers:
        for match in _PYTHON2_LAUNCH.finditer(text):
            module, script = match.group(1), match.group(2)
            if module is not None:
                top = module.partition(".")[0]
                first_party = (root / top).is_dir() or (root / f"{top}.py").is_file()
                what = module
            else:
                relative = script.replace("\\", "/")
                first_party = (root / relative).is_file() or (path.parent / relative).is_file()
                what = relative
            if first_party:
                line = text.count("\n", 0, match.start(1) if module else match.start(2)) + 1
                return f"{path.relative_to(root).as_posix()}:{line} runs {what} with python2, and nothing runs a Python 3"
    return None


# A clause that admits a Python 2: ``>=2.7``, ``>2.6``, ``==2.7.*``, ``~=2.7``.
_FROM_2 = re.compile(r"^\s*(?:>=|>|==|~=)\s*2(?:\.[\d*]+)*\s*$")


def python2_supported(root: Path) -> str | None:
    """Where the project declares that it runs on Python 2 as well as Python 3, in words
    (``python_requires = '>=2.7,!=3.0.*' in setup.py``, ``setup.py:39 'Programming Language
    :: Python :: 2.7'``); None when it declares no Python 2. Its shipped code must compile
    on Python 3 too; its documentation examples may be written for the Python 2 it
    supports. Read as text or with ``ast``, never run."""
    requires = _requires_python(root)
    if requires is not None:  # what pip enforces, whatever the classifiers say
        if not any(_FROM_2.match(clause) for clause in requires[0].split(",")):
            return None
        key = "requires-python" if requires[1] == "pyproject.toml" else "python_requires"
        return f"{key} = {requires[0]!r} in {requires[1]}"
    for name in ("setup.py", "setup.cfg", "pyproject.toml"):
        text = read_text(root / name) or ""
        for match in _CLASSIFIER.finditer(text):
            if match.group(1) == "2":
                line = text.count("\n", 0, match.start()) + 1
                return f"{name}:{line} {match.group(0).strip()!r}"
    return _python2_tested_too(root)


def _python2_tested_too(root: Path) -> str | None:
    """Where the root's ``.travis.yml`` or ``circle.yml`` tests the project on a Python 2
    (beside a Python 3: one tested on Python 2 alone runs on Python 2, see
    :func:`python2_tested`), or its tox.ini's ``envlist`` names a Python 2 environment:
    bcfg2's Travis matrix of Pythons 2.4 to 2.7, and 3.5 allowed to fail."""
    for name in _OLD_CI_FILES:
        text = read_text(root / name)
        version = next(((v, line) for v, line in _ci_python_versions(text or "") if v.partition(".")[0] == "2"), None)
        if version is not None:
            return f"{name}:{version[1]} tests Python {version[0]}"
    envs = _tox_factors(root)
    if envs is not None and any(_TOX_PYTHON2.match(f) for f in envs[1]):
        return f"tox.ini envlist {envs[0]!r} tests on Python 2"
    return None


# -- the Python the project runs on, when it declares none ----------------------------------
# A project that declares no version still says which interpreters run its code: the base
# image of its container (``FROM python:3.13-alpine``), the versions its CI sets up
# (``python-version: ["3.12", "3.13"]``), the one it pins (``.python-version``, Heroku's
# ``runtime.txt``, asdf's ``.tool-versions``), the ones tox tests on. Its code must parse on
# each of them, so the oldest is the target. All of it is read as text, never run.

_MAX_RUNTIME_FILES = 64  # files of each kind read (the repository is untrusted: bound the work)
_MAX_FOLDERS = 200  # first-level folders looked into for container files
_SKIPPED_FOLDERS = frozenset({"node_modules", "venv", "build", "dist", "site-packages", "__pycache__"})
_HIDDEN_READ = frozenset({".devcontainer", ".docker"})  # hidden folders that hold container files

# ``python:3.12-slim``; ``python:3``, ``python:3-slim``: the newest Python 3 (an open tag
# that moves with each release).
_IMAGE = re.compile(r"^(?:[^\s/:@]+(?::\d+)?/)*python:3(?:\.(\d{1,2}))?(?![\d.])", re.IGNORECASE)
# A Dockerfile's ``FROM`` written by a CI script (``echo "FROM python:3-slim" >> Dockerfile``,
# a heredoc): the image of the containers CI builds. Upper case, as Dockerfiles write it.
_WRITTEN_FROM = re.compile(r"""(?:^|[\s"'>])FROM\s+(?:--\S+\s+)*([^\s"'\\;]+)""")
_FROM = re.compile(r"^\s*FROM\s+(?:--\S+\s+)*(\S+)", re.IGNORECASE)
_RUN = re.compile(r"^\s*RUN\s", re.IGNORECASE)
# A package manager's install (apt, apk, dnf ...), pyenv's or uv's, in a RUN step, and the
# Python 3 versions its packages name (``python3.12``, ``python3.12-venv``; ``pyenv install
# 3.12.1``, ``uv python install 3.12``).
_INSTALLS = re.compile(r"\b(?:apt-get|apt|apk|yum|dnf|microdnf|zypper|pyenv|uv python)\s+(?:\S+\s+)*?(?:install|add)\b")
_INSTALLED_PYTHON = re.compile(r"(?:\bpython3\.|(?:pyenv|uv python)\s+install\s+(?:-\S+\s+)*3\.)(\d{1,2})(?![\d])")
_ARG = re.compile(r"^\s*ARG\s+([A-Za-z_][A-Za-z0-9_]*)=(\S+)", re.IGNORECASE)
_VARIABLE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)")
_IMAGE_KEY = re.compile(r"^\s*(?:-\s+)?(?:image|container|name)\s*:\s*[\"']?([^\s\"'#]+)")
_YAML_KEY = re.compile(r"^(\s*)(?:-\s+)?[\"']?([A-Za-z0-9_.-]+)[\"']?\s*:(?:\s+(.*?))?\s*$")
_REFERENCE = re.compile(r"\$\{\{\s*(?:matrix|env)(?:\.([A-Za-z0-9_-]+)|\[\s*['\"]([^'\"]+)['\"]\s*\])\s*\}\}")
_CI_VERSION = re.compile(r"^(?:pypy-?|cpython-?|python-?)?3\.(\d{1,2})(?![\d])", re.IGNORECASE)
_PYTHON_KEYS = ("python-version", "python_version", "python-versions", "python_versions")


# The newest Python 3, which an open image tag (``python:3-slim``) runs: newer than any
# version named, so the oldest of the Pythons a project runs on is another one when there
# is one; judged by the newest version LibCST's parser knows.
NEWEST_PYTHON: Version = (3, 99)


def version_text(version: Version) -> str:
    """``3.12``; ``3 (the newest)`` for :data:`NEWEST_PYTHON`."""
    return "3 (the newest)" if version == NEWEST_PYTHON else f"{version[0]}.{version[1]}"


def _evidence(version: Version | None, where: str) -> list[tuple[Version, str]]:
    return [] if version is None else [(version, where)]


def _image_version(reference: str) -> Version | None:
    """The Python of a container image reference (``python:3.13-alpine``,
    ``docker.io/library/python:3.12@sha256:...``; ``python:3-slim``: :data:`NEWEST_PYTHON`);
    None for any other image (Python 2's, ``python:latest``, another distribution's)."""
    match = _IMAGE.match(reference.strip())
    if match is None:
        return None
    return NEWEST_PYTHON if match.group(1) is None else (3, int(match.group(1)))


def dockerfile_pythons(text: str, where: str) -> list[tuple[Version, str]]:
    """The Python base images a Dockerfile builds from, its ``ARG`` defaults substituted
    (``ARG PYTHON_VERSION=3.12`` ... ``FROM python:${PYTHON_VERSION}-slim``)."""
    found: list[tuple[Version, str]] = []
    args: dict[str, str] = {}
    step = ""  # a RUN step's text so far, over its continued lines
    for number, line in enumerate(text.splitlines(), 1):
        step = f"{step} {line}" if step else (line if _RUN.match(line) else "")
        if step and line.rstrip().endswith("\\"):
            continue
        if step:
            # A step that installs a Python of the distribution (hydroshare's
            # `apt-get -y install python3.12` on a GDAL image): what runs the code there.
            for version in sorted({int(v) for v in _INSTALLED_PYTHON.findall(step)} if _INSTALLS.search(step) else ()):
                found.append(((3, version), f"{where}:{number} installs python3.{version}"))
            step = ""
            continue
        arg = _ARG.match(line)
        if arg is not None:
            args[arg.group(1)] = arg.group(2).strip("\"'")
            continue
        match = _FROM.match(line)
        if match is None:
            continue
        image = _VARIABLE.sub(lambda m: args.get(m.group(1) or m.group(3), m.group(2) or ""), match.group(1))
        found += _evidence(_image_version(image), f"{where}:{number} FROM {image[:60]}")
    return found


def dockerfile_python(text: str, where: str) -> tuple[Version, str] | None:
    """The oldest Python a Dockerfile's stages build from (:func:`dockerfile_pythons`), with
    where; None when no stage is a Python 3 image."""
    found = dockerfile_pythons(text, where)
    return min(found, key=lambda item: item[0]) if found else None


def _yaml_items(lines: list[str], index: int, indent: int, value: str | None) -> list[str]:
    """The values of the key on line ``index``: its inline scalar or ``[a, b]`` list, else
    the ``- item`` lines below it, indented more than the key."""
    if value:
        value = value.split(" #", 1)[0].strip()
        if value.startswith("[") and value.endswith("]"):
            return [v.strip().strip("\"'") for v in value[1:-1].split(",")]
        return [value.strip("\"'")]
    items = []
    for line in lines[index + 1 :]:
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if len(line) - len(line.lstrip()) < indent or not stripped.startswith("-"):
            break
        items.append(stripped[1:].split(" #", 1)[0].strip().strip("\"'"))
    return items


def ci_pythons(text: str, where: str) -> list[tuple[Version, str]]:
    """The Python versions a CI file sets up, read line by line as YAML text: the values of
    a ``python-version`` key (setup-python's input, a matrix axis: a scalar, ``[...]`` or
    ``- item`` lines), of the matrix or env key it names (``${{ matrix.python }}``), and
    ``python:3.X`` images (``image:``, ``container:``). ``3.x``, ``>=3.9`` say no oldest
    version and are left out."""
    lines = text.splitlines()
    found: list[tuple[Version, str]] = []
    keys: dict[str, list[tuple[int, int, str | None]]] = {}
    for index, line in enumerate(lines):
        image = _IMAGE_KEY.match(line)
        if image is not None:
            found += _evidence(_image_version(image.group(1)), f"{where}:{index + 1} image {image.group(1)[:60]}")
        for written in _WRITTEN_FROM.findall(line) if "FROM" in line else ():
            found += _evidence(_image_version(written), f"{where}:{index + 1} FROM {written[:60]}")
        match = _YAML_KEY.match(line)
        if match is not None:
            keys.setdefault(match.group(2), []).append((index, len(match.group(1)) + 1, match.group(3)))
    wanted, seen = list(_PYTHON_KEYS), set()
    while wanted:
        key = wanted.pop()
        if key in seen:
            continue
        seen.add(key)
        for index, indent, value in keys.get(key, ()):
            for item in _yaml_items(lines, index, indent, value):
                reference = _REFERENCE.search(item)
                if reference is not None:
                    wanted.append(reference.group(1) or reference.group(2))
                    continue
                version = _CI_VERSION.match(item)
                if version is not None:
                    found.append(((3, int(version.group(1))), f"{where}:{index + 1} {key} {item[:20]!r}"))
    return found


def _entries(folder: Path) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as it:
            return sorted(it, key=lambda e: e.name)
    except OSError:
        return []


def is_container_file(name: str) -> bool:
    lowered = name.lower()
    return lowered in ("dockerfile", "containerfile") or lowered.startswith(("dockerfile.", "containerfile.")) or lowered.endswith((".dockerfile", ".containerfile"))


def _container_files(root: Path) -> list[Path]:
    """Dockerfiles (``Dockerfile``, ``Dockerfile.web``, ``web.Dockerfile``, ``Containerfile``)
    at the root and in its first-level folders (``docker/``, ``.devcontainer/``, a
    service's folder); regular files only, a bounded number."""
    return _first_level_files(root, is_container_file)


def _first_level_files(root: Path, wanted: Callable[[str], bool]) -> list[Path]:
    """The files whose names ``wanted`` takes at the root and in its first-level folders
    (hidden ones only those :data:`_HIDDEN_READ` names); regular files only, a bounded
    number."""
    found, folders = [], []
    for entry in _entries(root):
        if entry.is_file(follow_symlinks=False) and wanted(entry.name):
            found.append(root / entry.name)
        elif entry.is_dir(follow_symlinks=False) and entry.name not in _SKIPPED_FOLDERS:
            if not entry.name.startswith(".") or entry.name in _HIDDEN_READ:
                folders.append(root / entry.name)
    for folder in folders[:_MAX_FOLDERS]:
        found += [folder / e.name for e in _entries(folder) if e.is_file(follow_symlinks=False) and wanted(e.name)]
    return found[:_MAX_RUNTIME_FILES]


# An RPM spec's ``Requires:`` or ``BuildRequires:`` naming the distribution's Python 2:
# ``python2``, ``python2-devel``, ``python-devel`` (Fedora's and RHEL 7's Python 2 headers).
_RPM_PYTHON2 = re.compile(
    r"^\s*(?:Build)?Requires(?:\([^)]*\))?\s*:[^#\n]*?(?<![\w.-])(python2(?:-devel)?|python-devel)(?![\w.-])", re.IGNORECASE
)


# ``Requires: python2,python-boto,ansible`` (also ``BuildRequires``, ``Requires(post)``):
# the packages an RPM spec names, split on commas and spaces (a version constraint aside).
_RPM_REQUIRES = re.compile(r"^\s*(?:Build)?Requires(?:\([^)]*\))?\s*:\s*([^#\n]*)", re.IGNORECASE | re.MULTILINE)
_RPM_PACKAGE = re.compile(r"^[A-Za-z][\w.+-]*$")
# The distribution's prefixes of Python packages: ``python-boto``, ``python2-clamd``, ``python3-yaml``.
_RPM_PYTHON_PREFIX = re.compile(r"^python[23]?-")


def spec_requirements(root: Path) -> frozenset[str]:
    """The distributions the RPM specs at the root and in its first-level folders require,
    as written but for the distribution's Python prefix (``python-boto`` is ``boto``;
    ``ansible`` is ``ansible``): what the packaged program is installed with
    (openshift-tools' ``ansible/openshift-tools-ansible.spec``: ``Requires: ansible``, the
    library its modules import). Versions, file paths, macros and headers (``-devel``) are
    none. Read as text, never run."""
    found: set[str] = set()
    for path in _spec_files(root):
        for match in _RPM_REQUIRES.finditer(read_text(path) or ""):
            for word in re.split(r"[,\s]+", match.group(1)):
                if not _RPM_PACKAGE.match(word) or word.endswith("-devel"):
                    continue  # a version (``>= 2.4``), an operator, a file path, a macro, headers
                name = _RPM_PYTHON_PREFIX.sub("", word)
                if name and not name.startswith("python"):
                    found.add(name)
    return frozenset(found)


def _spec_files(root: Path) -> list[Path]:
    """RPM spec files (``*.spec``) at the root and in its first-level folders."""
    return _first_level_files(root, lambda name: name.endswith(".spec"))


def _ci_files(root: Path) -> list[Path]:
    """GitHub Actions workflows, GitLab CI's file, and compose files at the root."""
    workflows = root / ".github" / "workflows"
    found = [
        workflows / e.name
        for e in _entries(workflows)
        if e.is_file(follow_symlinks=False) and e.name.endswith((".yml", ".yaml"))
    ]
    found += [
        root / e.name
        for e in _entries(root)
        if e.is_file(follow_symlinks=False)
        and (e.name in (".gitlab-ci.yml", ".gitlab-ci.yaml") or re.fullmatch(r"(docker-)?compose[\w.-]*\.ya?ml", e.name))
    ]
    return found[:_MAX_RUNTIME_FILES]


_RUNTIME_TXT = re.compile(r"^\s*python-3\.(\d{1,2})(?![\d])")
_TOOL_VERSIONS = re.compile(r"^\s*python\s+(.*)$")


def pinned_pythons(root: Path) -> list[tuple[Version, str]]:
    """The interpreters the project pins: ``.python-version``, Heroku's ``runtime.txt``
    (``python-3.12.4``), asdf's ``.tool-versions`` (``python 3.12.1``)."""
    found = []
    pinned = python_version_file(root)
    if pinned is not None:
        found.append(pinned)
    runtime = read_text(root / "runtime.txt", 1024) or ""
    match = _RUNTIME_TXT.match(runtime)
    if match is not None:
        found.append(((3, int(match.group(1))), f"runtime.txt {runtime.strip()[:20]!r}"))
    for line in (read_text(root / ".tool-versions", 4096) or "").splitlines():
        tool = _TOOL_VERSIONS.match(line)
        for version in _PINNED.findall(tool.group(1)) if tool is not None else ():
            found.append(((3, int(version)), f".tool-versions {line.strip()[:40]!r}"))
    return found


# A requirement pinned to one release: ``name==version`` (``===`` too; a local version label,
# ``==0.2.0+torch1.12cu11.3``; extras, ``flwr[simulation]==1.5.0``; an environment marker or
# a comment after it). Read the same in a requirements file and in a pyproject's list.
EXACT_PIN = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*===?\s*[\w.+!-]+\s*(?:[;#].*)?$")


# A README's statement of the oldest Python the project runs on: "at least Python 3.12",
# "requires Python 3.10", "minimum Python version 3.9", "Python 3.10 or later", "Python
# >= 3.8", "Python 3.11+".
_README_FLOOR = re.compile(
    r"(?:at\s+least|minimum|requires?|required)\s+(?:version\s+)?(?:of\s+)?python\s*(?:version\s*)?v?3\.(\d{1,2})(?!\d|\.\d)"
    r"|python\s*(?:version\s*)?v?3\.(\d{1,2})(?!\d|\.\d)\s*(?:\+|or\s+(?:later|newer|higher|above|greater))"
    r"|python\s*(?:>=|≥)\s*3\.(\d{1,2})(?!\d|\.\d)",
    re.IGNORECASE,
)
_README_NAMES = ("README.md", "README.rst", "README.txt", "README", "readme.md")
# A version named as a condition ("when using Python 3.13 or later", "if you run Python
# 3.12+"): what to do on newer Pythons, not the oldest one the project needs.
_CONDITION = re.compile(r"\b(?:when|whenever|if|unless|using)\b", re.IGNORECASE)
_CONDITION_REACH = 30  # characters before the version, on its line
# A version named as the subject of a change in Python itself ("Python 3.12+ removed the
# `imp` module, which breaks j2cli": sonic-buildimage's note on its build host), just after it.
_PYTHON_CHANGED = re.compile(
    r"\W{0,3}(?:has\s+|have\s+|also\s+)?(?:removed|removes|dropped|drops|deprecated|deprecates|no\s+longer|broke|breaks|changed|changes)\b",
    re.IGNORECASE,
)


# Code generators a shell script runs, and the options that name where each writes: a
# package (xsdata's ``--package``) or a path (an output file or folder).
_GENERATOR_PACKAGE_OPTIONS = {"xsdata": ("--package", "-p")}
_GENERATOR_PATH_OPTIONS = {
    "datamodel-codegen": ("--output",),
    "openapi-generator": ("-o", "--output"),
    "openapi-generator-cli": ("-o", "--output"),
    "openapi-python-client": ("--output-path",),
}
_MAX_GENERATOR_SCRIPTS = 50


class GeneratorOutput(NamedTuple):
    """Where a code generator a shell script runs writes: a dotted ``package`` (the model
    places it), or ``paths`` from the repository's top (the option's path read from the
    top and from the script's folder)."""

    package: str
    paths: tuple[str, ...]


def generator_outputs(root: Path) -> tuple[GeneratorOutput, ...]:
    """What the shell scripts at the top of the repository and one folder down (``bin/``,
    ``scripts/``) have a code generator write (open-inwoner's
    ``bin/generate_xsdata_classes.sh``: ``xsdata --package open_inwoner.ssd.service.jaaropgave
    <wsdl>``, then the same for ``uitkering``): each output is written whole again at the
    next run, from its own spec. Read as text, each script up to 1 MB; nothing runs."""
    found: dict[GeneratorOutput, None] = {}
    tools = (*_GENERATOR_PACKAGE_OPTIONS, *_GENERATOR_PATH_OPTIONS)
    for script in _shell_scripts(root)[:_MAX_GENERATOR_SCRIPTS]:
        text = read_text(script)
        if not text or not any(tool in text for tool in tools):
            continue
        folder = script.parent.relative_to(root).as_posix() if script.parent != root else ""
        for line in text.splitlines():
            try:
                words = shlex.split(line, comments=True)
            except ValueError:
                continue
            found.update(dict.fromkeys(_written_by(words, folder)))
    return tuple(found)


def _shell_scripts(root: Path) -> list[Path]:
    """The ``.sh`` files at the top of ``root`` and one folder down (not hidden, no links),
    in name order."""
    found: list[Path] = []
    try:
        tops = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError:
        return found
    for entry in tops:
        if entry.name.startswith("."):
            continue
        if entry.is_file(follow_symlinks=False) and entry.name.endswith(".sh"):
            found.append(Path(entry.path))
        elif entry.is_dir(follow_symlinks=False):
            try:
                found += sorted(Path(e.path) for e in os.scandir(entry.path) if e.name.endswith(".sh") and e.is_file(follow_symlinks=False))
            except OSError:
                continue
    return found


def _written_by(words: list[str], folder: str) -> Iterator[GeneratorOutput]:
    """What the generator a command line's ``words`` run writes (a script in ``folder``):
    each output option's literal value, after the generator's name."""
    for i, word in enumerate(words):
        tool = word.rpartition("/")[2]
        packages, paths = _GENERATOR_PACKAGE_OPTIONS.get(tool, ()), _GENERATOR_PATH_OPTIONS.get(tool, ())
        for j in range(i + 1, len(words)) if packages or paths else ():
            option, _, inline = words[j].partition("=")
            value = inline or (words[j + 1] if j + 1 < len(words) else "")
            if option not in packages + paths or not value or value.startswith("-") or "$" in value:
                continue  # not an output option, or one whose value is computed
            if option in packages:
                if all(part.isidentifier() for part in value.split(".")):
                    yield GeneratorOutput(value, ())
                continue
            plain = posixpath.normpath(value.replace("\\", "/"))
            if plain not in (".", "..") and not plain.startswith(("/", "../")):
                near = posixpath.normpath(f"{folder}/{plain}") if folder else plain
                yield GeneratorOutput("", tuple(dict.fromkeys((plain, near))))


# A README's instruction to clone another repository into a named folder: ``git clone
# https://github.com/yan-gao-GY/CtP.git fedvssl/CtP`` (options before the URL allowed).
_CLONE_INTO = re.compile(r"^\s*(?:\$\s*)?git\s+clone\s+(?:-{1,2}[\w-]+(?:[ =]\S+)?\s+)*\S+\s+([\w.][\w./-]*)\s*$", re.MULTILINE)


def readme_clones(root: Path, folders: Iterable[str]) -> tuple[str, ...]:
    """The folders, from the repository's top, into which the README of the root or of one
    of ``folders`` (the deployment units' folders) says to clone another repository (flower's
    ``baselines/fedvssl/README.md``: ``git clone https://github.com/yan-gao-GY/CtP.git
    fedvssl/CtP``): code a set-up step puts in place, which a clone of this repository
    lacks. Read as text; a destination that leaves its folder (``..``), or one the tree
    already holds with Python files (the project's own clone step), is not taken."""
    found: dict[str, None] = {}
    for folder in dict.fromkeys(("", *folders)):
        for name in _README_NAMES:
            text = read_text(root / folder / name) if folder else read_text(root / name)
            if not text or "git clone" not in text:
                continue
            for match in _CLONE_INTO.finditer(text):
                target = match.group(1).strip("/")
                if target and ".." not in target.split("/") and not _holds_python(root / folder / target):
                    found[f"{folder}/{target}" if folder else target] = None
    return tuple(found)


def _holds_python(folder: Path) -> bool:
    """The folder is in the tree already, with Python files of its own: a clone into it
    would fail, so the README's clone is of this project (opencompass' ``git clone
    https://github.com/open-compass/opencompass opencompass``, its package's name)."""
    try:
        return any(e.name.endswith(".py") and e.is_file(follow_symlinks=False) for e in os.scandir(folder))
    except OSError:
        return False


# A ``pip install`` command in a README (``pip install airweave-sdk``, ``python -m pip
# install -U "x-client>=2"``, ``uv pip install ...``, ``uv add ...``): what follows, on its line.
_PIP_INSTALL = re.compile(r"(?:\bpip3?|\buv\s+pip|\bpython3?\s+-m\s+pip)\s+install\s+([^\n`]*)|\buv\s+add\s+([^\n`]*)")
_INSTALLED = re.compile(r"[\"']?([A-Za-z0-9][A-Za-z0-9._-]*)")
_MAX_README_FOLDERS = 500
_FILE_OPTIONS = frozenset({"-r", "--requirement", "-c", "--constraint", "-e", "--editable"})
_NOT_DISTRIBUTIONS = (".txt", ".in", ".whl", ".gz", ".zip", ".toml", ".cfg", ".py", ".lock")


def readme_installs(root: Path, folders: Iterable[str]) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """``(folder, distribution)`` for each distribution (as written) that the README of a
    folder below the root says to ``pip install``:
    the folders looked at are those of ``folders`` (the deployment units'), the root's own
    sub-folders and theirs (airweave's ``examples/README.md``: "Airweave SDK: ``pip install
    airweave-sdk``", the published client whose import name is the backend's package). Not
    the root's README, which speaks to every user of the project. Options, paths, URLs and
    requirement files (``-r``, ``.``, ``./pkg``, ``git+https://...``) name no distribution.
    And, apart, those it says to install at one release (unilm's MMPT: "``pip install
    transformers==3.4``"), as the folder's pins. Read as text."""
    looked: dict[str, None] = {}
    for folder in dict.fromkeys(("", *folders)):
        if folder:
            looked[folder] = None
        base = root / folder if folder else root
        for entry in _entries(base):
            if entry.is_dir(follow_symlinks=False) and not entry.name.startswith(".") and entry.name not in _NOT_SEARCHED:
                looked[f"{folder}/{entry.name}" if folder else entry.name] = None
        if len(looked) >= _MAX_README_FOLDERS:
            break
    found: dict[tuple[str, str], None] = {}
    pinned: dict[tuple[str, str], None] = {}
    for folder in list(looked)[:_MAX_README_FOLDERS]:
        names = [e.name for e in _entries(root / folder) if e.name in _README_NAMES and e.is_file(follow_symlinks=False)]
        for name in names:
            text = read_text(root / folder / name)
            if not text or "install" not in text:
                continue
            for match in _PIP_INSTALL.finditer(text):
                words = (match.group(1) or match.group(2) or "").split()
                for before, word in zip(["", *words], words):
                    if before in _FILE_OPTIONS or word.startswith(("-", ".", "/", "<", "$")) or "://" in word or "/" in word:
                        continue
                    if word.lower().rstrip("\"'").endswith(_NOT_DISTRIBUTIONS):
                        continue
                    named = _INSTALLED.match(word)
                    if named is not None:
                        found[(folder, named.group(1))] = None
                        if folder and EXACT_PIN.match(word.strip("\"'")):
                            pinned[(folder, named.group(1))] = None
    return tuple(found), tuple(pinned)


def readme_python(root: Path) -> tuple[Version, str] | None:
    """The oldest Python the root's README says the project needs ("at least Python 3.12",
    "Python 3.10 or later", "Python >= 3.8", "Python 3.11+"), the newest such statement when
    it makes several (a README naming its old floors in a changelog keeps the current one
    highest), with where it says so; not a version named as a condition ("legacy-cgi when
    using Python 3.13 or later": mnemosyne's README). Read as text."""
    for name in _README_NAMES:
        text = read_text(root / name)
        if not text:
            continue
        best: tuple[Version, str] | None = None
        for match in _README_FLOOR.finditer(text):
            if _CONDITION.search(text, max(text.rfind("\n", 0, match.start()), match.start() - _CONDITION_REACH), match.start()):
                continue  # "legacy-cgi when using Python 3.13 or later": a condition, not a floor
            if _PYTHON_CHANGED.match(text, match.end()):
                continue  # "Python 3.12+ removed the `imp` module": what changed in Python, not a floor
            minor = int(next(g for g in match.groups() if g is not None))
            line = text.count("\n", 0, match.start()) + 1
            if best is None or (3, minor) > best[0]:
                best = ((3, minor), f"{name}:{line} says {' '.join(match.group(0).split())!r}")
        return best
    return None


def runtime_python(root: Path) -> tuple[Version, str] | None:
    """The oldest Python the project evidently runs on, when it declares none: the lowest
    version among the ones it pins (:func:`pinned_pythons`), tox.ini tests on, its
    Dockerfiles build from and its CI sets up, with where that one was found. None when
    none of these names a Python 3 version."""
    found = pinned_pythons(root)
    tox = tox_python(root)
    if tox is not None:
        found.append(tox)
    for path in _container_files(root):
        found += dockerfile_pythons(read_text(path) or "", path.relative_to(root).as_posix())
    for path in _ci_files(root):
        found += ci_pythons(read_text(path) or "", path.relative_to(root).as_posix())
    if not found:
        return None
    version, where = min(found, key=lambda item: item[0])
    versions = sorted({v for v, _ in found})
    if len(versions) > 1:
        where += f"; the oldest of the Pythons it runs on: {', '.join(version_text(v) for v in versions)}"
    return version, where


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
    ignored: tuple[str, ...] = ()  # ``--ignore`` paths in ``addopts``, from the root
    ignored_globs: tuple[str, ...] = ()  # ``--ignore-glob`` patterns in ``addopts``
    # The pytest configurations of folders below (``(folder, its collection)``, deepest
    # first): pytest run on a folder takes the nearest configuration above it (pymol's
    # ``testing/pytest.ini``, ``python_files = *.py``, for ``testing/tests/``).
    nested: tuple[tuple[str, "Collection"], ...] = ()

    def _governing(self, path: str) -> tuple["Collection", str]:
        """The collection whose folder is nearest above ``path``, and the path from there."""
        for folder, collection in self.nested:
            if path.startswith(folder + "/"):
                return collection, path[len(folder) + 1 :]
        return self, path

    def collects(self, path: str) -> bool:
        """Whether a test runner imports the file by itself: a module unittest discovers
        (``test*.py``), or, outside the folders pytest does not enter (``norecursedirs``),
        a ``conftest.py`` or a module pytest collects (a name that matches
        ``python_files``, or any module under ``--doctest-modules``). Nothing the
        configuration's own ``addopts`` tells pytest to skip (``--ignore
        tests/_ast/codegen_data``, ``--ignore-glob``) is collected: those are a suite's
        inputs, whatever their names (marimo's ``codegen_data/test_syntax_errors.py``).
        Below a folder with its own configuration, that one says (:attr:`nested`)."""
        governing, path = self._governing(path)
        return governing._collects(path)

    def _collects(self, path: str) -> bool:
        if self._skipped(path):
            return False
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

    def skipped(self, path: str) -> bool:
        """Whether ``addopts`` tells pytest to skip the file: it is, or is inside, an
        ``--ignore`` path, or matches an ``--ignore-glob`` pattern (as pytest matches it,
        ``*`` crossing folders), both relative to the root (the governing configuration's)."""
        governing, path = self._governing(path)
        return governing._skipped(path)

    def _skipped(self, path: str) -> bool:
        return any(path == p or path.startswith(p + "/") for p in self.ignored) or any(
            fnmatchcase(path, g) for g in self.ignored_globs
        )

    def names_test_module(self, path: str) -> bool:
        """The file's name matches one of the project's own ``python_files`` patterns that
        names test modules (``tests.py``, ``check_*.py`` does not: only a pattern that
        says "test"; a catch-all ``*.py`` narrowed by ``testpaths`` says nothing of a name)."""
        governing, path = self._governing(path)
        return any("test" in p.lower() and _fnmatch_ex(path, p) for p in governing.python_files)


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
    addopts = _args(options.get("addopts"))
    every = "--doctest-modules" in addopts
    return Collection(tuple(files), every, tuple(norecurse), _option_values(addopts, "--ignore"), _option_values(addopts, "--ignore-glob"))


def _option_values(args: list[str], option: str) -> tuple[str, ...]:
    """The values given to a command-line ``option`` (``--ignore x``, ``--ignore=x``), as
    paths from the root: ``./`` and trailing slashes dropped; none that climbs out of it
    or is absolute (a path of another machine)."""
    found: list[str] = []
    for i, arg in enumerate(args):
        if arg == option and i + 1 < len(args):
            value = args[i + 1]
        elif arg.startswith(option + "="):
            value = arg[len(option) + 1 :]
        else:
            continue
        value = posixpath.normpath(value.replace("\\", "/")) if value else ""
        if value and value != "." and not value.startswith(("/", "../")) and value != "..":
            found.append(value)
    return tuple(found)


def pytest_collection(root: Path, pyproject: Any = None) -> Collection:
    """pytest's collection settings (see :func:`pytest_options`), with those of the folders
    below that configure pytest otherwise than its defaults (:attr:`Collection.nested`)."""
    nested = tuple(sorted(_nested_collections(root), key=lambda found: -found[0].count("/")))
    return _collection(pytest_options(root, pyproject) or {})._replace(nested=nested)


# Folders never searched for a pytest configuration: environments, caches, build output,
# and the fixtures a suite reads (a sample project's own pytest.ini configures nothing here).
_NOT_PYTEST_FOLDERS = frozenset(
    {"node_modules", "site-packages", "dist-packages", "venv", "__pycache__", "fixtures", "testdata", "test_data"}
)
_PYTEST_CONFIG_NAMES = frozenset(
    {"pytest.toml", ".pytest.toml", "pytest.ini", ".pytest.ini", "pyproject.toml", "tox.ini", "setup.cfg"}
)
_NESTED_PYTEST_DEPTH = 2
_NESTED_PYTEST_FOLDERS = 20_000  # bound the walk on a hostile tree


def _nested_collections(root: Path) -> Iterator[tuple[str, Collection]]:
    """``(folder, collection)`` of the folders below ``root`` that
    configure pytest with other collection settings than its defaults (two levels down:
    ``testing/``, a monorepo's ``packages/<name>/``; a deeper search costs a warm check more
    than it finds)."""
    level: list[tuple[Path, str]] = [(root, "")]
    seen = 0
    for _ in range(_NESTED_PYTEST_DEPTH + 1):
        below: list[tuple[Path, str]] = []
        for folder, rel in level:
            try:
                with os.scandir(folder) as entries:
                    listed = [(e.name, e.is_dir(follow_symlinks=False)) for e in entries]
            except OSError:
                continue
            if rel and any(not is_dir and name in _PYTEST_CONFIG_NAMES for name, is_dir in listed):
                options = pytest_options(folder)
                if options is not None:
                    collection = _collection(options)
                    if collection != Collection():
                        yield rel, collection
            for name, is_dir in listed:
                if is_dir and not name.startswith(".") and name not in _NOT_PYTEST_FOLDERS:
                    below.append((folder / name, f"{rel}/{name}" if rel else name))
            seen += 1
            if seen >= _NESTED_PYTEST_FOLDERS:
                return
        level = below


def pytest_options(root: Path, pyproject: Any = None) -> dict[str, Any] | None:
    """pytest's options in ``root``, from the first file that configures pytest, in pytest's
    own order: pytest 9's ``pytest.toml`` and ``.pytest.toml`` (its ``[pytest]`` table,
    even when empty), ``pytest.ini`` (even without a ``[pytest]`` section), ``.pytest.ini``,
    ``pyproject.toml`` (``[tool.pytest.ini_options]``, or pytest 9's ``[tool.pytest]``),
    ``tox.ini`` (``[pytest]``), ``setup.cfg`` (``[tool:pytest]``); None when no file
    configures pytest. ``pyproject``: the root's pyproject.toml as data, when the caller
    has read it."""
    for name in ("pytest.toml", ".pytest.toml"):
        text = read_text(root / name)
        if text is not None:
            data = read_toml(text)
            table = data.get("pytest") if isinstance(data, dict) else None
            return table if isinstance(table, dict) else {}
    for name in ("pytest.ini", ".pytest.ini"):
        text = read_text(root / name)
        if text is not None:
            ini = read_ini(text)
            return dict(ini.items("pytest")) if ini is not None and ini.has_section("pytest") else {}
    if pyproject is None:
        pyproject = read_toml(read_text(root / "pyproject.toml"))
    tool = pyproject.get("tool") if isinstance(pyproject, dict) else None
    table = tool.get("pytest") if isinstance(tool, dict) else None
    if isinstance(table, dict):
        options = table.get("ini_options")
        return options if isinstance(options, dict) else table
    for name, section in (("tox.ini", "pytest"), ("setup.cfg", "tool:pytest")):
        ini = read_ini(read_text(root / name))
        if ini is not None and ini.has_section(section):
            return dict(ini.items(section))
    return None


def pytest_pythonpath(root: Path) -> list[str]:
    """The folders, relative to ``root``, that the pytest configuration in ``root`` puts on
    ``sys.path`` (``pythonpath = . src``): POSIX, normalised ("" for ``root`` itself); none
    that leave ``root`` or are absolute."""
    options = pytest_options(root)
    found: list[str] = []
    for entry in _args(options.get("pythonpath")) if options else ():
        path = posixpath.normpath(entry.replace("\\", "/"))
        if path.startswith(("/", "..")) or ":" in path or "$" in path:
            continue
        found.append("" if path == "." else path)
    return list(dict.fromkeys(found))


def tox_pythonpath(root: Path) -> list[str]:
    """The folders, relative to ``root``, that ``root``'s tox.ini puts on ``sys.path`` for
    its test environments (vdsm's ``setenv = PYTHONPATH = {toxinidir}/lib``): each entry of
    a ``PYTHONPATH`` that any section's ``setenv`` sets, written from ``{toxinidir}``. An
    entry built from anything else (another substitution, an environment variable, a path
    outside the tree) is left out: it names no folder of the repository."""
    ini = read_ini(read_text(root / "tox.ini"))
    if ini is None:
        return []
    found: list[str] = []
    for section in ini.sections():
        if not ini.has_option(section, "setenv"):
            continue
        for line in ini.get(section, "setenv").splitlines():
            name, sep, value = line.partition("=")
            if not sep or name.strip() != "PYTHONPATH":
                continue
            for entry in value.strip().split(":"):
                path = entry.strip()
                if path != "{toxinidir}" and not path.startswith("{toxinidir}/"):
                    continue
                folder = _tree_folder("." + path[len("{toxinidir}"):])
                if folder is not None:
                    found.append(folder)
    return list(dict.fromkeys(found))


def _tree_folder(entry: str) -> str | None:
    """A ``sys.path`` entry written from the repository's top (``./lib``, ``packages``) as a
    folder of the tree (``""`` for the top itself); None for an absolute path, one that
    leaves the tree, or one built from a variable or a substitution."""
    entry = entry.strip()
    if not entry or entry.startswith("/") or any(c in entry for c in "{}$\\`"):
        return None
    path = posixpath.normpath(entry)
    return None if path.startswith("..") else "" if path == "." else path


def ci_pythonpath(root: Path) -> list[str]:
    """The folders, relative to ``root``, that the CI's commands put on ``sys.path``: each
    entry of a ``PYTHONPATH`` that a workflow's command line or environment sets (openWB's
    ``PYTHONPATH=packages python -m pytest packages``), written from the working directory
    (the checkout) or from ``${{ github.workspace }}``, ``$GITHUB_WORKSPACE``, ``$PWD``,
    ``$CI_PROJECT_DIR``. An entry built from anything else is left out."""
    found: list[str] = []
    for path in _ci_files(root):
        text = read_text(path)
        if not text or "PYTHONPATH" not in text:
            continue
        for match in _CI_PYTHONPATH.finditer(_WORKSPACE.sub(".", text)):
            found.extend(f for f in map(_tree_folder, match.group(2).split(":")) if f is not None)
    return list(dict.fromkeys(found))


# ``PYTHONPATH=packages`` on a command line, ``PYTHONPATH: src`` in an environment map.
_CI_PYTHONPATH = re.compile(r"""(?:^|[\s;&(])PYTHONPATH\s*[=:]\s*(["']?)([^\s"';&|)]+)\1""", re.MULTILINE)
# The checkout, however a workflow spells it.
_WORKSPACE = re.compile(
    r"\$\{\{\s*github\.workspace\s*\}\}|\$\{?(?:GITHUB_WORKSPACE|PWD|CI_PROJECT_DIR)\}?|\$\(pwd\)|`pwd`"
)


def declared_pythonpath(root: Path) -> list[str]:
    """The folders ``root``'s test configuration puts on ``sys.path``: pytest's
    ``pythonpath``, tox's ``PYTHONPATH``, then the CI's (see :func:`pytest_pythonpath`,
    :func:`tox_pythonpath`, :func:`ci_pythonpath`)."""
    return list(dict.fromkeys([*pytest_pythonpath(root), *tox_pythonpath(root), *ci_pythonpath(root)]))


def local_files(root: Path) -> tuple[str, ...]:
    """:func:`ignored_names` of ``root``'s top-level ``.gitignore``."""
    return ignored_names(read_text(root / ".gitignore"))


def ignored_module_patterns(root: Path) -> tuple[str, ...]:
    """:func:`ignored_patterns` of ``root``'s top-level ``.gitignore``."""
    return ignored_patterns(read_text(root / ".gitignore"))


def ignored_patterns(text: str | None) -> tuple[str, ...]:
    """The ``.py`` patterns a ``.gitignore`` lists in a named folder, the folder written out
    and the file's name a wildcard (vyos-1x's ``python/vyos/xml_ref/pkg_cache/*_cache.py``):
    modules a build step writes there, one per input, which a clone never has. Not a
    pattern whose folder is a wildcard too (``**/*.py``), which says nowhere in particular."""
    found: dict[str, None] = {}
    for line in (text or "").splitlines():
        entry = line.strip().lstrip("/")
        if not entry.endswith(".py") or entry.startswith(("#", "!")) or "/" not in entry:
            continue
        folder, _, name = entry.rpartition("/")
        if any(c in folder for c in "*?[\\") or not any(c in name for c in "*?[") or name in ("*.py", "**.py"):
            continue
        found[entry] = None
    return tuple(found)


def generated_stubs(root: Path) -> tuple[str, ...]:
    """:func:`ignored_stubs` of ``root``'s top-level ``.gitignore``."""
    return ignored_stubs(read_text(root / ".gitignore"))


def ignored_stubs(text: str | None) -> tuple[str, ...]:
    """The patterns of a ``.gitignore`` that name type stubs (``*_stub.pyi``,
    ``kitty/options/types.pyi``): stubs a build step writes beside the modules whose names
    a type checker reads from them (kitty's ``cli_stub.py`` writes ``cli_stub.pyi`` with
    the option classes the remote-control commands import under ``if TYPE_CHECKING:``).
    Not a negation, not one that names every stub (``*.pyi``: a project that ignores all
    its stubs says nothing of which are written)."""
    found: dict[str, None] = {}
    for line in (text or "").splitlines():
        entry = line.strip()
        if entry.endswith(".pyi") and not entry.startswith(("#", "!")) and entry.lstrip("/").rpartition("/")[2] not in ("*.pyi", "**.pyi"):
            found[entry.lstrip("/")] = None
    return tuple(found)


def _plain_python_entries(text: str | None) -> Iterator[str]:
    """The lines of a ``.gitignore`` that name one ``.py`` file as written: no comment,
    negation or wildcard."""
    for line in (text or "").splitlines():
        entry = line.strip()
        if entry.endswith(".py") and not entry.startswith(("#", "!")) and not any(c in entry for c in "*?[\\"):
            yield entry


def ignored_literals(text: str | None) -> list[str]:
    """The ``.py`` files a ``.gitignore`` names with a folder, relative to its folder
    (``pkg/_version.py``, ``/pkg/_version.py``), which the build or the developer's tooling
    writes. A name alone (``_version.py``) matches in any folder and says nowhere in
    particular (see :func:`ignored_names`)."""
    found: list[str] = []
    for entry in _plain_python_entries(text):
        entry = entry.lstrip("/")
        if "/" in entry and ".." not in entry.split("/"):
            found.append(entry)
    return found


def ignored_names(text: str | None) -> tuple[str, ...]:
    """The ``.py`` file names a ``.gitignore`` lists alone (``config.py``: no folder, not
    anchored with ``/``), which match in any folder: files a developer creates where the
    code expects them, which git never tracks (:func:`ignored_literals` takes those with a
    folder)."""
    return tuple(dict.fromkeys(entry for entry in _plain_python_entries(text) if "/" not in entry))
