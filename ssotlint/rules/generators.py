"""The modules a first-party generator writes one per service, for SSOT001 and SSOT006.

A generator that writes one module per service (localstack's ``aws/scaffold.py`` writing
``aws/api/<service>/__init__.py`` from each service's botocore spec) writes a module of a
literal name (``__init__.py``) into a folder it computes (``Path(base_path, service)``),
under a folder its text names (the ``--path`` option's default,
``"./localstack-core/localstack/aws/api"``): ``FileSummary.written_under``. The modules of
that name one folder below the named one, two or more, are the generator's output, each
one service's (the folder's name). They are written whole again at its next run (never
told to change), and what two of them share is each spec's own: the two services' types
are not one (S3 Control's ``Tag`` and EC2's are two specs' shapes that happen to agree).

Only a literal folder of the repository counts (read from the repository's top, or from
the generator's folder), and only its direct subfolders' modules of the written name: a
generator writing into a folder it does not name says nothing of where its output lies.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from posixpath import normpath

from ssotlint.extract.summary import FileSummary
from ssotlint.model.project import Project, SourceFile


def per_service_outputs(project: Project) -> dict[str, str]:
    """``path -> service`` (the folder name) for each module a first-party generator writes
    one per service (see the module's docstring). Once per model."""
    return project.shared(per_service_outputs, partial(_per_service_outputs, project))


def _per_service_outputs(project: Project) -> dict[str, str]:
    found: dict[str, str] = _script_outputs(project)
    writers = [f for f in project.files if f.summary.written_under and not f.is_test]
    if not writers:
        return found
    paths = [f.path for f in project.files]
    for w in writers:
        here = w.path.rpartition("/")[0]
        names = [t for t in w.summary.written_files if "/" not in t]
        for literal in w.summary.written_under:
            plain = literal.strip("/")
            for folder in {normpath(plain), normpath(f"{here}/{plain}") if here else normpath(plain)}:
                if folder.startswith("..") or folder == ".":
                    continue
                for name in names:
                    members = _members(paths, folder, name)
                    if len(members) >= 2:
                        found.update(members)
    return found


def _script_outputs(project: Project) -> dict[str, str]:
    """``path -> output`` (the output's last name) for each module a code generator that a
    shell script runs writes (``Config.generator_outputs``: open-inwoner's ``xsdata
    --package open_inwoner.ssd.service.jaaropgave``, then ``...uitkering``, two services'
    WSDLs): each output its own spec's, written whole again at the next run."""
    outputs = project.config.generator_outputs
    if not outputs:
        return {}
    found: dict[str, str] = {}
    for f in project.files:
        module = f.module or ""
        for output in outputs:
            if output.package and (module == output.package or module.startswith(output.package + ".")):
                found[f.path] = output.package.rpartition(".")[2]
                continue
            written = next((p for p in output.paths if f.path == p or f.path.startswith(p + "/")), None)
            if written is not None:
                found[f.path] = written.rpartition("/")[2]
    return found


def _members(paths: list[str], folder: str, name: str) -> dict[str, str]:
    """The paths ``folder/<service>/name``, each with its ``service``."""
    prefix, suffix = folder + "/", "/" + name
    found: dict[str, str] = {}
    for path in paths:
        if path.startswith(prefix) and path.endswith(suffix):
            service = path[len(prefix): -len(suffix)]
            if service and "/" not in service:
                found[path] = service
    return found


def of_service(path: str, service: str) -> bool:
    """``path`` lies in a folder named for ``service`` (``services/lambda_/...`` for
    ``lambda_``; a trailing ``_``, added to a keyword, and case aside)."""
    wanted = service.rstrip("_").casefold()
    return any(part.rstrip("_").casefold() == wanted for part in path.split("/")[:-1])


def per_service_apart(outputs: dict[str, str], a: SourceFile, b: SourceFile) -> bool:
    """Two files whose same-named definitions are each its own spec's, by design: two
    modules a generator writes one per service, or one of them and a generated module, or
    one of them and a hand-written module of another
    service (a path with no folder named for the generated module's service). A
    hand-written module of the same service (``services/ec2/...`` and the generated
    ``aws/api/ec2``) is compared as usual."""
    sa, sb = outputs.get(a.path), outputs.get(b.path)
    if sa is None and sb is None:
        return False
    if sa is not None and sb is not None:
        return True
    service, other = (sa, b) if sa is not None else (sb, a)
    assert service is not None
    if other.summary.generated:
        return True
    return not of_service(other.path, service)


def generator_sources(project: Project) -> dict[str, frozenset[str]]:
    """``generated path -> the paths of the files its header says it was generated from``
    (:attr:`~ssotlint.extract.summary.FileSummary.generated_from`: a path from the
    repository's top, from the generated file's folder, or the end of the source's path),
    for the generated files that name a file of the project, and those the project's own
    code writes from files it reads (:func:`written_copies`). Once per model."""
    return project.shared(generator_sources, partial(_generator_sources, project))


def written_copies(files: Iterable[tuple[str, FileSummary, bool]]) -> dict[str, frozenset[str]]:
    """``generated path -> source paths`` for the files the project's own code writes from
    files it reads: a module (not test code) whose text reads one Python file and writes
    another by literal paths (``FileSummary.read_files``, ``written_files``: from the
    writer's folder, or from the repository's top), the written one's header saying it is
    generated (altair's ``tools/generate_schema_wrapper.py`` copies
    ``tools/schemapi/schemapi.py`` into ``altair/utils/schemapi.py``, "automatically written
    by tools/generate_schema_wrapper.py. Do not modify directly."). ``files``: path,
    summary and whether it is test code."""
    listed = list(files)
    writers = [(path, summary) for path, summary, test in listed if not test and summary.written_files and summary.read_files]
    if not writers:
        return {}
    summaries = {path: summary for path, summary, _ in listed}

    def resolved(folder: str, literals: Iterable[str]) -> set[str]:
        found = set()
        for literal in literals:
            if not literal.endswith(".py"):
                continue
            for candidate in {normpath(f"{folder}/{literal}") if folder else normpath(literal), normpath(literal)}:
                if candidate in summaries:
                    found.add(candidate)
        return found

    copies: dict[str, set[str]] = {}
    for path, summary in writers:
        folder = path.rpartition("/")[0]
        written = {t for t in resolved(folder, summary.written_files) if summaries[t].generated}
        sources = resolved(folder, summary.read_files) - written
        for target in written:
            copies.setdefault(target, set()).update(sources)
    return {target: frozenset(sources) for target, sources in copies.items() if sources}


def _generator_sources(project: Project) -> dict[str, frozenset[str]]:
    found = dict(written_copies((f.path, f.summary, f.is_test) for f in project.files))
    said = [f for f in project.files if f.summary.generated_from]
    if not said:
        return found
    paths = {f.path for f in project.files}
    by_tail: dict[str, list[str]] = {}
    for path in paths:
        at = path.find("/")
        while at >= 0:
            by_tail.setdefault(path[at + 1:], []).append(path)
            at = path.find("/", at + 1)
    for f in said:
        folder = f.path.rpartition("/")[0]
        sources: set[str] = set()
        for literal in f.summary.generated_from:
            plain = normpath(literal)
            for candidate in (plain, normpath(f"{folder}/{literal}") if folder else plain):
                if candidate in paths:
                    sources.add(candidate)
            if not plain.startswith(".."):
                sources.update(by_tail.get(plain, ()))
        sources.discard(f.path)
        if sources:
            found[f.path] = found.get(f.path, frozenset()) | sources
    return found


def unasync_outputs(project: Project) -> dict[str, str]:
    """``written path -> source path`` for the files an ``unasync.Rule`` of the project's
    own code (not its tests) writes from their namesakes (``FileSummary.unasync_rules``):
    unasync matches a rule's ``fromdir`` anywhere in a source's path and writes the file
    with that part replaced by ``todir``. Once per model."""
    return project.shared(unasync_outputs, partial(_unasync_outputs, project))


def _unasync_outputs(project: Project) -> dict[str, str]:
    return unasync_written((f.path, f.summary, f.is_test) for f in project.files)


def unasync_written(files: Iterable[tuple[str, FileSummary, bool]]) -> dict[str, str]:
    """:func:`unasync_outputs` of ``files`` (path, summary and whether it is test code)."""
    listed = list(files)
    rules = {rule for _, summary, test in listed if not test for rule in summary.unasync_rules}
    if not rules:
        return {}
    paths = {path for path, _, _ in listed}
    found: dict[str, str] = {}
    for fromdir, todir in rules:
        for path in paths:
            rooted = "/" + path
            if fromdir in rooted:
                written = rooted.replace(fromdir, todir, 1).lstrip("/")
                if written != path and written in paths:
                    found[written] = path
    return found


def converter_inputs(project: Project) -> frozenset[str]:
    """The files some generated file says it was generated from (:func:`generator_sources`)
    that no first-party module imports: a converter's input (transformers' ``modular_x.py``),
    read by the converter, never imported, so its imports never run."""
    sources = {s for group in generator_sources(project).values() for s in group}
    if not sources:
        return frozenset()
    return frozenset(
        f.path for f in project.files
        if f.path in sources and not (f.module and project.importers.get(f.module))
    )

