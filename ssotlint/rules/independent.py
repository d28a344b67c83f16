"""A repository that is a collection of independent projects (microsoft/unilm: one folder
per paper, each with its own environment, none importing another): two copies of a class
in two of its projects are each that project's own, as two samples of a collection are.

Read from the model alone: the layout (no module or packaging at the top; five top-level
folders of code at least, not counting folders of tooling such as ``scripts/``, ``tools/``
or ``docs/``, which are the repository's own; two in three of them with a packaging or
requirements file of their own) and the imports (no module of one top-level folder imports
another's through that folder's name, which is how one project of a repository would use
another's code: ``from shared.auth import User``). An import of an
installed package that another folder happens to build (unilm's ``transformers`` fork in
``xtune/src/``, imported by name from a dozen projects that install the library) is not one
project using another.
"""

from __future__ import annotations

from functools import partial

from ssotlint.discover.roles import is_tooling
from ssotlint.model.project import Project, SourceFile
from ssotlint.rules.units import runs_as_program

# Fewer top-level folders of code are a product's parts (``backend/``, ``frontend/``,
# ``worker/``), which copy from one another by mistake.
MIN_PROJECTS = 5
# A repository of this many top-level folders of code or more is a collection (of guides,
# exercises, examples): a folder of programs that nothing outside imports is one of its
# projects even with no environment declared. A product has a handful of parts, which run
# together (gem5's six).
MIN_COLLECTION = 20


def independent_projects(project: Project) -> frozenset[str]:
    """The top-level folders of a repository of independent projects (see the module's
    docstring), each one project; empty for any other repository. Once per model."""
    return project.shared(independent_projects, partial(_independent_projects, project))


def _independent_projects(project: Project) -> frozenset[str]:
    config = project.config
    if any(u.folder == "" and u.name for u in config.units):
        return frozenset()  # the repository's top builds a distribution: its folders are its parts
    tops: dict[str, list[SourceFile]] = {}
    for f in project.files:
        top, below, _ = f.path.partition("/")
        if not below:
            if f.is_test or runs_as_program(project, f):
                # A program over the whole tree (Adafruit's `SPDX.py` header check); one that
                # imports a folder's code is caught below, as any other folder's import is.
                continue
            return frozenset()  # a module at the top: code of the whole repository
        if not f.is_test and not is_tooling(f"{top}/x.py"):
            tops.setdefault(top, []).append(f)  # `scripts/`, `tools/`, `docs/`: the repository's own tooling, no project
    if len(tops) < MIN_PROJECTS:
        return frozenset()
    # Each project its own environment: most folders hold a deployment unit (a packaging
    # or requirements file, in them or below), or, in a collection of many folders,
    # programs that need nothing outside their folder (Adafruit's 988 guides, each a
    # `code.py` copied onto its board). gem5's `configs/`, `src/`, `util/` ... are one
    # simulator's parts, run together with nothing of their own.
    environments = {u.folder.partition("/")[0] for u in config.units if u.folder}
    if len(tops) >= MIN_COLLECTION:
        environments |= {top for top, files in tops.items() if top not in environments and _holds_programs(project, files)}
    if len(tops.keys() & environments) * 3 < len(tops) * 2:
        return frozenset()
    modules = project.modules
    for module, importers in project.importers.items():
        target = modules.get(module)
        if target is None or not importers:
            continue
        top = target.path.partition("/")[0]
        if module != top and not module.startswith(top + "."):
            continue  # not imported through its folder's name
        for importer in importers:
            source = modules.get(importer)
            if source is not None and not source.is_test and not source.path.startswith(top + "/"):
                return frozenset()  # one project uses another's code
    return frozenset(tops)


def _holds_programs(project: Project, files: list[SourceFile]) -> bool:
    """A folder of a collection that holds a program (a script, or a module nothing
    imports whose statements run when it is loaded): run on its own, it is a project."""
    return any(runs_as_program(project, f) for f in files)


def top_folder(path: str) -> str:
    """The top-level folder a file lies in ("" for a file at the top)."""
    top, below, _ = path.partition("/")
    return top if below else ""
