"""The deployment units of a repository, read as data: the folders that declare their own
dependencies and are built, installed or shipped on their own.

A unit is a folder that builds a distribution (a ``pyproject.toml`` with a named
``[project]``, a ``setup.cfg`` with ``[metadata] name``, a ``setup.py`` whose ``setup(...)``
call passes ``name=``), or that holds its own ``requirements.txt`` (an analyzer folder that
is built into its own image, a service with its own environment), in it or in a
``requirements/`` folder of its own (QFieldCloud's ``docker-app/requirements/``); the
repository's root is one too. Each file belongs to the innermost unit whose folder holds it.

What a unit declares it needs is read only where it is written as data: ``[project]
dependencies``, Poetry's ``[tool.poetry.dependencies]``, ``install_requires=[...]`` of a
literal list (optional extras are not needs: an extra is installed only on request). A unit
that says nothing there (no such key, a ``requirements.txt`` beside it) is read from its
imports instead. The entry-point groups a unit registers plugins in (``[project.entry-points]``,
Poetry's ``[tool.poetry.plugins]``, setup.cfg's ``[options.entry_points]``, a literal
``entry_points={...}``) say which units are plugins of one host (toga's backends). Nothing is run. See :class:`~ssotlint.rules.apart.Units` for what the rules make of it.
"""

from __future__ import annotations

import ast
import os
import re
from pathlib import Path
from typing import Any, Collection, Iterable, Iterator, NamedTuple

from ssotlint.config_project import EXACT_PIN, is_container_file, read_ini, read_text, read_toml, setup_calls

_MAX_DEPTH = 6  # folders below the root searched (``packages/<name>/``, megatron-fsdp's ``megatron/core/distributed/fsdp/src/``)
_MAX_FOLDERS = 20_000  # bound the walk on a hostile tree
_MAX_UNITS = 2_000
# Never units: environments, caches, build output and test trees (a test fixture's project
# is built by a test, never shipped beside the code).
_SKIPPED = frozenset(
    {"node_modules", "site-packages", "dist-packages", "venv", "env", "build", "dist", "__pycache__",
     "tests", "test", "testing", "fixtures", "testdata", "test_data"}
)


class Unit(NamedTuple):
    folder: str  # relative POSIX path, "" for the repository's root
    name: str | None  # the distribution it builds, normalised (``dependency_name``); None for none
    # The distributions it requires, normalised, when its packaging says so as data; None
    # when it declares nothing readable (a requirements file names no first-party unit).
    requires: frozenset[str] | None
    # The entry-point groups its packaging registers something in (``toga.backends``), as
    # written; not ``console_scripts`` nor ``gui_scripts``, which name commands, not plugins.
    entry_groups: frozenset[str] = frozenset()
    # It names a distribution but is never built or installed as one (Poetry's
    # ``package-mode = false``, an image that runs ``poetry install --no-root``): a program.
    program: bool = False
    # The distributions its extras name (``[project.optional-dependencies]``), normalised:
    # installed on request, so no need, but what the unit's imports of those names mean.
    extras: frozenset[str] = frozenset()
    # The distributions it pins to one release (``flwr==1.5.0``; Poetry's bare ``"1.5.0"``),
    # normalised: what its programs run against (``Config.folder_pins``).
    pins: frozenset[str] = frozenset()
    # Its own Dockerfile copies the whole folder into an image (``COPY . .``): shipped on
    # its own, whatever it also builds (:func:`_ships_own_folder`).
    image: bool = False


def deployment_units(root: Path) -> tuple[Unit, ...]:
    """The root's unit and every folder below it (up to ``_MAX_DEPTH`` levels, not hidden
    ones, environments, build output or test trees) that is a unit, sorted by folder."""
    units = [_unit(root, "", _names(root))]
    seen = {""}
    images: list[str] = []  # the folders found that ship themselves whole (``Unit.image``)
    for rel, names in _walk(root):
        dockerfiles = _container_texts(root / rel, names)
        ships = _ships_own_folder(dockerfiles)
        if "requirements.txt" in names or names & _PACKAGING or ships:
            folder, _, last = rel.rpartition("/")
            if last in _REQUIREMENTS_FOLDERS and not names & _PACKAGING:
                # A folder of the requirements of the folder above it (QFieldCloud's
                # `docker-app/requirements/`): that folder is the unit.
                if folder not in seen:
                    seen.add(folder)
                    units.append(_unit(root / folder, folder, _names(root / folder))._replace(requires=None))
                continue
            unit = _unit(root / rel, rel, names)
            # A Dockerfile below a folder that ships itself whole is built from that folder
            # (Jasper's ``triton/Dockerfile``, ``docker build . -f triton/Dockerfile``).
            image = ships and not any(rel.startswith(f + "/") for f in images)
            if image:
                images.append(rel)
                if unit.name is None:
                    unit = unit._replace(requires=None, image=True)
                elif not _image_installs_project(dockerfiles):
                    unit = unit._replace(image=True)  # a distribution it never installs: run from the copy
            if (unit.name is not None or "requirements.txt" in names or image) and rel not in seen:
                seen.add(rel)
                units.append(unit)
            if len(units) >= _MAX_UNITS:
                break
    return tuple(sorted(units))


# Folders that hold the requirements files of the folder above them.
_REQUIREMENTS_FOLDERS = frozenset({"requirements", "reqs", "requirements.d"})


def _unit(folder: Path, rel: str, names: frozenset[str]) -> Unit:
    """:func:`_declared`, but a folder that also holds a ``requirements.txt`` installs what
    that file names (often everything, with ``[project] dependencies`` left empty): what
    it needs is then read from its imports, not from its packaging."""
    unit = _declared(folder, rel, names)
    return unit._replace(requires=None) if "requirements.txt" in names else unit


_PACKAGING = frozenset({"pyproject.toml", "setup.cfg", "setup.py"})


def unit_of(folders: Collection[str], path: str) -> str:
    """The folder of the innermost unit (of ``folders``) that holds the file ``path``; ""
    (the root's) when none does."""
    parts = path.split("/")[:-1]
    for i in range(len(parts), 0, -1):
        folder = "/".join(parts[:i])
        if folder in folders:
            return folder
    return ""


def _declared(folder: Path, rel: str, names: frozenset[str]) -> Unit:
    """The unit of ``folder``: its distribution's name and required distributions, from the
    first of pyproject.toml, setup.cfg and setup.py that names one."""
    if "pyproject.toml" in names:
        data = read_toml(read_text(folder / "pyproject.toml"))
        found = _from_pyproject(data)
        if found is not None:
            program = _not_a_package(data) or _image_skips_root(folder, names)
            return Unit(rel, *found, _pyproject_groups(data), program, _pyproject_extras(data), _pyproject_pins(data))
    if "setup.cfg" in names:
        cfg = read_ini(read_text(folder / "setup.cfg"))
        if cfg is not None and cfg.has_option("metadata", "name"):
            requires = cfg.get("options", "install_requires", fallback=None)
            names = frozenset(_requirement_names(requires.splitlines())) if requires is not None else None
            groups = _plugin_groups(cfg.options("options.entry_points") if cfg.has_section("options.entry_points") else ())
            return Unit(rel, _normal(cfg.get("metadata", "name")), names, groups)
    if "setup.py" in names:
        for call in setup_calls(read_text(folder / "setup.py")):
            keywords = {k.arg: k.value for k in call.keywords if k.arg}
            name = keywords.get("name")
            if isinstance(name, ast.Constant) and isinstance(name.value, str):
                requires = _literal_requirements(keywords.get("install_requires"))
                return Unit(
                    rel, _normal(name.value), requires, _literal_groups(keywords.get("entry_points")),
                    pins=_literal_pins(keywords.get("install_requires")),
                )
    return Unit(rel, None, None)


# Entry-point groups that name commands to install, not plugins a host looks up.
_COMMAND_GROUPS = frozenset({"console_scripts", "gui_scripts"})


def _pyproject_extras(data: Any) -> frozenset[str]:
    """The distributions ``[project.optional-dependencies]`` names, normalised."""
    project = data.get("project") if isinstance(data, dict) else None
    extras = project.get("optional-dependencies") if isinstance(project, dict) else None
    if not isinstance(extras, dict):
        return frozenset()
    return frozenset(
        name for group in extras.values() if isinstance(group, list)
        for name in _requirement_names([r for r in group if isinstance(r, str)])
    )


# Poetry's exact constraint: a bare ``1.5.0`` (or ``==1.5.0``); not a range, a caret or a tilde.
_POETRY_PIN = re.compile(r"^\s*(?:==)?\s*\d+(?:\.\d+)*(?:[\w.+!-]*)\s*$")


def _pyproject_pins(data: Any) -> frozenset[str]:
    """The distributions ``[project] dependencies`` or Poetry's dependencies pin to one
    release, normalised."""
    if not isinstance(data, dict):
        return frozenset()
    project = data.get("project")
    requires = project.get("dependencies") if isinstance(project, dict) else None
    found = set(_exact_pins(requires if isinstance(requires, list) else ()))
    tool = data.get("tool")
    poetry = tool.get("poetry") if isinstance(tool, dict) else None
    table = poetry.get("dependencies") if isinstance(poetry, dict) else None
    for name, spec in table.items() if isinstance(table, dict) else ():
        version = spec.get("version") if isinstance(spec, dict) else spec
        if isinstance(name, str) and isinstance(version, str) and _POETRY_PIN.match(version):
            found.add(_normal(name))
    return frozenset(found)


def _plugin_groups(groups: Iterable[Any]) -> frozenset[str]:
    return frozenset(g.strip() for g in groups if isinstance(g, str) and g.strip() and g.strip() not in _COMMAND_GROUPS)


def _pyproject_groups(data: Any) -> frozenset[str]:
    """The groups of ``[project.entry-points]`` and Poetry's ``[tool.poetry.plugins]``."""
    if not isinstance(data, dict):
        return frozenset()
    project = data.get("project")
    tool = data.get("tool")
    poetry = tool.get("poetry") if isinstance(tool, dict) else None
    found: list[Any] = []
    for table in (
        project.get("entry-points") if isinstance(project, dict) else None,
        poetry.get("plugins") if isinstance(poetry, dict) else None,
    ):
        if isinstance(table, dict):
            found.extend(g for g, entries in table.items() if isinstance(entries, dict) and entries)
    return _plugin_groups(found)


def _literal_groups(node: ast.expr | None) -> frozenset[str]:
    """The string keys of ``entry_points={...}`` written as a literal dict."""
    if not isinstance(node, ast.Dict):
        return frozenset()
    return _plugin_groups(k.value for k in node.keys if isinstance(k, ast.Constant))


def declared_name(folder: Path, names: frozenset[str]) -> str | None:
    """The normalised name of the distribution the packaging files ``names`` (of
    ``pyproject.toml``, ``setup.cfg``, ``setup.py``) in ``folder`` build; None for none."""
    return _declared(folder, "", names).name


def _not_a_package(data: Any) -> bool:
    """Poetry's ``[tool.poetry] package-mode = false``: the project only manages its
    dependencies and is never built or installed (blueking-paas' ``apiserver``)."""
    tool = data.get("tool") if isinstance(data, dict) else None
    poetry = tool.get("poetry") if isinstance(tool, dict) else None
    return isinstance(poetry, dict) and poetry.get("package-mode") is False


# ``COPY . /workspace/bert``, ``ADD ./ .``, ``COPY --chown=app . /app``: an image that takes
# the whole of its build context.
_COPIES_CONTEXT = re.compile(r"^\s*(?:COPY|ADD)\s+(?:--\S+\s+)*\.\/?\s+\S", re.IGNORECASE | re.MULTILINE)


def _container_texts(folder: Path, names: frozenset[str]) -> list[str]:
    """The texts of the folder's own Dockerfiles (``names``: its files), each read once."""
    return [read_text(folder / name) or "" for name in sorted(names) if is_container_file(name)]


def _ships_own_folder(dockerfiles: list[str]) -> bool:
    """The folder's own Dockerfile (of ``dockerfiles``, their texts) copies its whole build
    context, the folder, into the image (``COPY . .``, ``ADD . /workspace/bert``): a project
    built and shipped on its own (NVIDIA's DeepLearningExamples, one image per example:
    ``TensorFlow2/LanguageModeling/BERT/``), even with no requirements file or packaging of
    its own. It is a unit that needs what its imports say, run from its image's copy of the
    folder."""
    return any(_COPIES_CONTEXT.search(text) for text in dockerfiles)


# A Dockerfile step that installs the project itself: ``pip install -e .``, ``pip install
# ./``, ``python setup.py install`` (or ``develop``), ``poetry install`` without ``--no-root``.
_INSTALLS_ITSELF = re.compile(
    r"pip3?\s+install\b[^\n#]*?\s(?:-e\s+)?\.\/?(?:\[[^\]]*\])?(?:\s|$)|setup\.py\s+(?:install|develop)\b"
    r"|poetry\s+install\b(?![^\n#]*--no-root)",
    re.MULTILINE,
)


def _image_installs_project(dockerfiles: list[str]) -> bool:
    """The folder's own Dockerfile (of ``dockerfiles``, their texts) installs the project
    as a distribution (see :data:`_INSTALLS_ITSELF`; a commented-out step says nothing):
    DeepLearningExamples' DLRM runs ``pip install -e .``, FastSpeech only copies its folder
    beside its ``setup.py``."""
    for text in dockerfiles:
        for line in text.splitlines():
            found = _INSTALLS_ITSELF.search(line) if not line.lstrip().startswith("#") else None
            # (not after ``cd dgl/python &&``: another project's install)
            if found and not re.search(r"\bcd\s+\S", line[: found.start()]):
                return True
    return False


def _image_skips_root(folder: Path, names: frozenset[str]) -> bool:
    """The folder's own Dockerfile installs its dependencies with ``poetry install
    --no-root`` and never the project itself (blueking-paas' ``svc-redis``, run from its
    image's copy of the folder): a program shipped in its image, not a distribution."""
    installs: list[str] = []
    for name in sorted(names):
        if is_container_file(name):
            text = read_text(folder / name) or ""
            installs.extend(line for line in text.splitlines() if "poetry install" in line or "pip install ." in line)
    return bool(installs) and all("poetry install" in line and "--no-root" in line for line in installs)


def _from_pyproject(data: Any) -> tuple[str, frozenset[str] | None] | None:
    """(name, required distributions) of a pyproject.toml's ``[project]`` or Poetry table."""
    if not isinstance(data, dict):
        return None
    project = data.get("project")
    if isinstance(project, dict) and isinstance(project.get("name"), str):
        requires = project.get("dependencies")
        if not isinstance(requires, list):
            return _normal(project["name"]), None  # not said (or ``dynamic``): read from the imports
        return _normal(project["name"]), frozenset(_requirement_names(requires))
    tool = data.get("tool")
    poetry = tool.get("poetry") if isinstance(tool, dict) else None
    if isinstance(poetry, dict) and isinstance(poetry.get("name"), str):
        table = poetry.get("dependencies")
        names = {_normal(k) for k in table if isinstance(k, str) and k.lower() != "python"} if isinstance(table, dict) else set()
        return _normal(poetry["name"]), frozenset(names)
    return None


def _literal_requirements(node: ast.expr | None) -> frozenset[str] | None:
    """``install_requires=[...]`` of string literals, as names; None when not given, not
    a literal, or empty: ``install_requires=[]`` names nothing (StarlingX's nfv-vim, whose
    Debian packaging installs what it imports), so what the unit needs is read from its
    imports, as when nothing is written."""
    if node is None:
        return None
    if isinstance(node, (ast.List, ast.Tuple)) and not node.elts:
        return None
    if not isinstance(node, (ast.List, ast.Tuple)) or not all(
        isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts
    ):
        return None
    return frozenset(_requirement_names([e.value for e in node.elts]))  # type: ignore[attr-defined]


def _literal_pins(node: ast.expr | None) -> frozenset[str]:
    """The distributions a literal ``install_requires=[...]`` pins to one release
    (s2s-ft's ``'transformers == 2.10.0'``), normalised."""
    if not isinstance(node, (ast.List, ast.Tuple)):
        return frozenset()
    return frozenset(_exact_pins(e.value for e in node.elts if isinstance(e, ast.Constant)))


def _exact_pins(specifiers: Iterable[Any]) -> Iterator[str]:
    """The distributions requirement strings pin to one release (``name==1.2``), normalised."""
    for item in specifiers:
        match = EXACT_PIN.match(item) if isinstance(item, str) else None
        if match:
            yield _normal(match.group(1))


def _requirement_names(specifiers: list[Any]) -> Iterator[str]:
    for item in specifiers:
        if isinstance(item, str):
            head = item.strip().split(";")[0]
            for stop in "<>=!~[( @":
                head = head.split(stop)[0]
            if head:
                yield _normal(head)


def _normal(name: str) -> str:
    from ssotlint.config import dependency_name  # config imports this module

    return dependency_name(name.strip())


def _names(folder: Path) -> frozenset[str]:
    try:
        with os.scandir(folder) as entries:
            return frozenset(e.name for e in entries if e.is_file(follow_symlinks=False))
    except OSError:
        return frozenset()


def _walk(root: Path) -> Iterator[tuple[str, frozenset[str]]]:
    """(relative folder, its file names) for the folders one to ``_MAX_DEPTH`` levels down."""
    level = [root]
    seen = 0
    for depth in range(_MAX_DEPTH):
        below: list[Path] = []
        for folder in level:
            try:
                with os.scandir(folder) as entries:
                    subfolders = [
                        Path(e.path) for e in entries
                        if e.is_dir(follow_symlinks=False) and not e.name.startswith(".") and e.name not in _SKIPPED
                    ]
            except OSError:
                continue
            for sub in sorted(subfolders):
                seen += 1
                if seen > _MAX_FOLDERS:
                    return
                yield sub.relative_to(root).as_posix(), _names(sub)
                below.append(sub)
        level = below
