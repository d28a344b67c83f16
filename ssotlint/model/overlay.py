"""Folders of modules that a tool's own loader runs, not the interpreter's import system.

Some tools run their plugins with a loader that merges folders into a package: Ansible
ships a module with the ``module_utils/`` folder beside it merged into
``ansible.module_utils`` (``library/test.py`` imports ``ansible.module_utils.foo``, found in
``../module_utils/foo.py``), and a collection's ``from ..module_utils.basic import X``
finds ``ansible.module_utils.basic``. The test suites of such tools hold folders of these
modules. Plain Python cannot import what they import; the tool can. When a test file's
import fails but a *namesake* of the package it names (another first-party package with
the same last name, one of the two lying beside the importer, in a package above it)
holds what the import asks for, the file's folder is such a folder: every module in it is
written for that loader, which may also redirect names or search other folders, so none of
their imports can be judged by Python's rules (see ``Project.test_data``).
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Collection, Iterable, NamedTuple

if TYPE_CHECKING:
    from ssotlint.extract.summary import ImportRecord
    from ssotlint.model.project import Project, SourceFile


class Candidates(NamedTuple):
    """What a later model takes over (see :func:`loader_folders`): the mergeable folders'
    last names by the package they lie in, and per test file its first-party imports (the
    list object :meth:`Project.imports_of` keeps while the file is the same), the last
    names of the mergeable folders beside it, and the imports (module, names asked) that
    run through one of those names."""

    beside: dict[str, frozenset[str]]
    files: dict[str, tuple[object, frozenset[str], tuple[tuple[str, tuple[str, ...]], ...]]]


def loader_folders(project: "Project", earlier: Candidates | None = None) -> tuple[frozenset[str], Candidates | None]:
    """The folders (POSIX paths) of test files one of whose imports only a loader that
    merges a namesake package beside it can serve; and each test file's candidate imports,
    which a later model (``earlier``) takes over for a file whose imports and neighbouring
    folders are the same (a history walks 30,000 test imports per commit otherwise). When
    no mergeable folder moved, a file the later model keeps (the same imports) that asks
    nothing costs a lookup: the mergeable folders beside it are the same."""
    namesakes = _namesakes(project.packages)
    shared = {name for name, packages in namesakes.items() if len(packages) > 1}
    if not shared:
        return frozenset(), None
    named = project.absolutely_named
    # The folders a loader could merge: a package with a namesake, inside a package, that no
    # absolute import names; by the package it lies in, their last names.
    beside: dict[str, set[str]] = defaultdict(set)
    for name in shared:
        for package in namesakes[name]:
            parent = package.rpartition(".")[0]
            if parent and package not in named:
                beside[parent].add(name)
    if not beside:
        return frozenset(), None
    folders = {package: frozenset(names) for package, names in beside.items()}
    known_files = earlier.files if earlier is not None else {}
    same_beside = earlier is not None and earlier.beside == folders
    candidates: dict[str, tuple[object, frozenset[str], tuple[tuple[str, tuple[str, ...]], ...]]] = {}
    # package -> the last names of such folders beside a module in it (in it or above it)
    mergeable: dict[str, frozenset[str]] = {"": frozenset()}

    def lasts_in(package: str) -> frozenset[str]:
        lasts = mergeable.get(package)
        if lasts is None:
            lasts = mergeable[package] = lasts_in(package.rpartition(".")[0]).union(beside.get(package, ()))
        return lasts

    missing_from: dict[tuple[str, tuple[str, ...]], list[str] | None] = {}  # test files repeat imports
    # (the package the importer lies in, the import): whether a namesake serves it; all
    # an importer's place changes in :func:`_overlaid` is which packages are above it
    overlaid: dict[tuple[str, tuple[str, tuple[str, ...]]], bool] = {}
    found: set[str] = set()
    own_tops = project.apart_own_tops
    for f in project.files:
        if not f.is_test or f.module is None:
            continue
        imports = project.imports_of(f)
        place = project.apart_place(f.path) if own_tops else None
        if place is not None and own_tops.get(place[0]):
            # A nested project apart answers its own packages' names from its own folder
            # (openbmc's ``tests2/tests/``, ``from common.base_fans_test import ...`` for
            # ``tests2/common/``): no loader merges them, and the import is judged there.
            # Not taken over from an earlier model, whose projects apart may differ.
            tops = own_tops[place[0]]
            imports = [i for i in imports if i[2] is None or i[2].partition(".")[0] not in tops]
        known = known_files.get(f.path) if place is None else None
        if same_beside and known is not None and known[0] is imports:
            # The same file (its imports' list object) in the same package, beside the same folders.
            candidates[f.path] = known
            asking = known[2]
        else:
            lasts = lasts_in(f.module.rpartition(".")[0])
            if known is not None and known[0] is imports and known[1] == lasts:
                asking = known[2]
            else:
                asking = _asking(imports, lasts)
            candidates[f.path] = (imports, lasts, asking)
        if not asking:
            continue
        above = f.module.rpartition(".")[0]
        folder = f.path.rpartition("/")[0]
        if folder in found:
            continue
        for asked in asking:
            if asked not in missing_from:
                missing_from[asked] = _missing(project, *asked)
            missing = missing_from[asked]
            if missing is None:
                continue
            verdict = overlaid.get((above, asked))
            if verdict is None:
                # A module missing as a whole: the namesake must serve the names asked of it
                # too (bk-sops' test package `tests/taskflow3/context/` beside the deleted
                # `gcloud.taskflow3.context`, whose `TaskContext` it does not hold).
                wanted = missing if missing else list(asked[1])
                verdict = overlaid[(above, asked)] = _overlaid(project, namesakes, named, f.module, asked[0], wanted)
            if verdict:
                found.add(folder)
                break
    return frozenset(found), Candidates(folders, candidates)


def _asking(imports: Iterable[tuple[object, "ImportRecord", str | None]], lasts: frozenset[str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The imports (module, names asked) whose path runs through a folder name in ``lasts``."""
    asking: dict[tuple[str, tuple[str, ...]], None] = {}
    for _, rec, absolute in imports:
        if absolute is None or lasts.isdisjoint(absolute.split(".")):
            continue  # no folder beside it could merge into a package on the path
        names = tuple(n for n, _ in rec.names if n != "*") if rec.is_from else ()
        asking[(absolute, names)] = None
    return tuple(asking)


def _missing(project: "Project", absolute: str, names: Collection[str]) -> list[str] | None:
    """What the import asks for that is not there: None when it all exists (or may: the
    module is open to any name), else the names missing from an existing module ([] when
    the module itself is missing)."""
    if not project.module_exists(absolute):
        return []
    if not names:
        return None
    defined = project.defined_names(absolute)
    if all(n in defined for n in names):
        return None
    provided = project.provided(absolute)
    if provided.open:
        return None
    missing = [n for n in names if n not in provided.names and not project.has_submodule(absolute, n)]
    return missing or None


def _namesakes(packages: Iterable[str]) -> dict[str, list[str]]:
    """First-party packages (namespace packages too) by their last name."""
    found: dict[str, list[str]] = defaultdict(list)
    for package in sorted(packages):
        found[package.rpartition(".")[2]].append(package)
    return found


def named_absolutely(absolutes: Iterable[str]) -> list[str]:
    """The modules absolute import statements naming ``absolutes`` name, with the packages
    each runs through (``a.b.c``: ``a``, ``a.b``, ``a.b.c``), once per statement."""
    named: list[str] = []
    for absolute in absolutes:
        parts = absolute.split(".")
        named.extend(".".join(parts[:i]) for i in range(1, len(parts) + 1))
    return named


def _overlaid(
    project: "Project", namesakes: dict[str, list[str]], named: Collection[str], importer: str, absolute: str,
    names: Collection[str],
) -> bool:
    """Whether a namesake of a package on ``absolute``'s path, it or the package lying
    beside ``importer``, holds the rest of the path and ``names``; the one beside the
    importer is a folder the loader merges, so no absolute import names it (a test helper
    package that mirrors a product package, ``tests/clients/`` beside ``tests/websocket/``
    for ``app.clients``, is imported as ``tests.clients`` and is no such folder)."""
    parts = absolute.split(".")
    for i in range(len(parts), 0, -1):
        package = ".".join(parts[:i])
        if package not in project.packages:
            continue
        tail = parts[i:]
        for namesake in namesakes.get(parts[i - 1], ()):
            if namesake == package:
                continue
            local = namesake if _beside(namesake, importer) else package if _beside(package, importer) else None
            if local is None or local in named:
                continue
            if _serves(project, ".".join([namesake, *tail]), names):
                return True
    return False


def _beside(package: str, importer: str) -> bool:
    """``package`` lies in a package above ``importer`` (``a.b.mu`` beside ``a.b.lib.mod``)."""
    parent = package.rpartition(".")[0]
    return bool(parent) and importer.startswith(parent + ".")


def _serves(project: "Project", module: str, names: Collection[str]) -> bool:
    if not project.module_exists(module):
        return False
    provided = project.provided(module).names if names else frozenset()
    return all(n in provided or project.has_submodule(module, n) for n in names)


def in_loader_folder(f: "SourceFile", folders: Collection[str]) -> bool:
    return f.path.rpartition("/")[0] in folders
