"""What a file is for, judged by its path alone: developer tooling and backup copies.

Neither is the product: production code is never told to import from them, a definition in
one is never the one to keep, and importing test-looking code from them does not make that
code production.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Collection, Container, Iterable

# Folders and files of developer tooling.
TOOLING_FOLDERS = frozenset(
    {"scripts", "script", "tools", "tooling", "devtools", "bin", "ci",
     "benchmarks", "benchmark", "benchmarking", "examples", "example", "docs", "doc"}
)
TOOLING_FILES = frozenset({"setup.py", "noxfile.py", "fabfile.py", "tasks.py", "manage.py"})


def is_example_folder(part: str) -> bool:
    """A folder of one worked example: ``example_app``, ``example_iauthfunctions``,
    ``django_example``, ``examples_async`` (``examples`` and ``example`` themselves are
    among the tooling and documentation folders). Not a word that merely starts alike
    (``exampled``)."""
    return part.startswith(("example_", "examples_", "example-", "examples-")) or part.endswith(
        ("_example", "_examples", "-example", "-examples")
    )


def is_docs_folder(part: str) -> bool:
    """A folder named like documentation other than ``docs`` and ``doc`` themselves:
    ``docs_src`` (FastAPI's listings), ``doc_src``, ``docs_examples``, ``docs-site``,
    ``api_docs``, ``user-docs``."""
    return part.startswith(("docs_", "docs-", "doc_src", "doc-src", "doc_source", "doc_examples")) or part.endswith(
        ("_docs", "-docs")
    )


def is_tooling(path: str) -> bool:
    """Developer tooling: scripts, tools, examples, documentation, setup.py, ``dev/`` and
    ``dev_*`` folders ..."""
    *folders, name = path.split("/")
    return name in TOOLING_FILES or any(_tooling_folder(part) for part in map(str.lower, folders))


def _tooling_folder(part: str) -> bool:
    return part in TOOLING_FOLDERS or part == "dev" or part.startswith(("dev_", "dev-")) or is_documentation_folder(part)


def tooling_root(path: str) -> str | None:
    """The folder that makes a file developer tooling (pyNastran's ``pyNastran/dev`` for
    ``pyNastran/dev/bdf_vectorized3/cards/loads.py``): the path up to its first tooling
    folder; None for a file no folder makes tooling."""
    folders = path.split("/")[:-1]
    for i, part in enumerate(folders):
        if _tooling_folder(part.lower()):
            return "/".join(folders[: i + 1])
    return None


# Folders of documentation: the code in them is read, one listing at a time.
DOCUMENTATION_FOLDERS = frozenset({"docs", "doc", "examples", "example"})
# A documentation folder's source tree, kept apart from the prose (FastAPI's ``docs_src/``
# of tutorial listings, ``doc-examples/``, ``docs_snippets/``).
_DOCUMENTATION_SOURCES = re.compile(r"docs?[_-](?:src|source|sources|examples?|snippets?|code|listings?)")


def is_documentation_folder(part: str) -> bool:
    """A folder of documentation code: ``docs/``, ``examples/``, ``docs_src/``, a folder
    named like docs (:func:`is_docs_folder`) ... or of one worked example (``example_app/``).
    In any case (Cython's ``Demos/``, ``Docs/``)."""
    part = part.lower()
    return (
        part in DOCUMENTATION_FOLDERS
        or is_example_folder(part)
        or is_docs_folder(part)
        or bool(_DOCUMENTATION_SOURCES.fullmatch(part))
    )


@lru_cache(maxsize=1 << 16)  # asked of every file's path at every commit of a history
def is_documentation(path: str) -> bool:
    """Documentation code: listings and examples under ``docs/`` or ``examples/`` (or a
    folder named like them: ``docs_src/``, ``example_app/``), each written to be read (and
    run) on its own, so a tutorial's successive steps repeat the classes of the step before
    (``plugin_v1.py``, ``plugin_v2.py``, ``plugin.py``)."""
    return any(is_documentation_folder(part) for part in path.split("/")[:-1])


# Folders of samples and demonstrations: scripts run one at a time (``python
# samples/grpc_worker/run_worker.py``), not modules of the product.
SAMPLE_FOLDERS = frozenset({"samples", "sample", "demo", "demos", "tutorial", "tutorials", "examples", "example"})


def in_samples(path: str) -> bool:
    """The file lies below a folder of samples (``samples/``, ``examples/``, ``demos/`` ...)."""
    return any(part.lower() in SAMPLE_FOLDERS for part in path.split("/")[:-1])


def is_sample_script(path: str, package_folders: Collection[str]) -> bool:
    """A self-contained sample script: in a folder under a samples folder (``samples/``,
    ``examples/``, ``demo/``, ``demos/``, ``tutorial/`` ...) that is not a package (no
    ``__init__.py``; ``package_folders``: the folders that hold one). Each is run as a
    script, so it cannot import its neighbours by their dotted path: every sample keeps
    what it needs."""
    return path.rpartition("/")[0] not in package_folders and in_samples(path)


def is_self_contained(path: str, package_folders: Collection[str]) -> bool:
    """Code written to be read or run on its own, one file at a time: documentation code
    (:func:`is_documentation`) or a sample script (:func:`is_sample_script`). Two such
    files each keep their own copy of what they share, by design."""
    return is_documentation(path) or is_sample_script(path, package_folders)


# The words of a name, CamelCase, snake_case or both (``HTTPStub``: ``HTTP``, ``Stub``;
# ``badsyntax_future3``: ``badsyntax``, ``future3``), for every rule that reads names.
NAME_WORDS = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+")
# Words that name a stand-in for the real thing, in a module's or folder's name.
STAND_IN_WORDS = frozenset({"dummy", "dummies", "fake", "fakes", "mock", "mocks", "stub", "stubs"})


@lru_cache(maxsize=1 << 16)  # asked of the same paths for every pair of copies, every commit
def is_stand_in(path: str) -> bool:
    """A module written to stand in for the real one, by its name or a folder's: the name's
    first word (``_`` or case apart) is ``dummy``, ``fake``, ``mock`` or ``stub`` (roundup's
    ``TAL/DummyEngine.py``, a ``backends/dummy/`` package, ``fake_client.py``). Its classes
    are named as the real ones on purpose, so that code can take either: a dummy engine's
    own ``CompilerError`` is what that engine raises, not a copy of the real engine's. Not a
    name that only mentions one (``migrate_mock_to_usercontext.py``, a script about mocks),
    nor a word that merely starts alike (``mockup``, ``stubborn``)."""
    parts = path.split("/")
    parts[-1] = parts[-1].rpartition(".")[0] or parts[-1]
    return any(words[0].lower() in STAND_IN_WORDS for words in map(NAME_WORDS.findall, parts) if words)


# The module-level names every Alembic revision assigns (``revision = "ce5c4ac967d8"``).
REVISION_NAMES = frozenset({"revision", "down_revision"})


def is_migration(
    path: str, assigned: Collection[str] = (), attribute_reads: Collection[tuple[str, Collection[str]]] = ()
) -> bool:
    """An Alembic revision: a module that assigns both ``revision`` and ``down_revision`` at
    its top level (``assigned``: its module-level bound names), wherever it lives, or a file
    under ``migrations/versions/`` or ``alembic/versions/``. Each keeps a frozen copy of the
    models and enums it needs, as they were when it was written: importing the live ones
    would change history. So does a module of a ``migrations`` folder named by its version
    (``v0061_mysql_fix_blob_text_type.py``: sqlmesh's, each with its frozen ``SqlValue``).
    So does a Django data migration: a numbered module of a ``migrations`` folder
    (``0003_introduce_per_feature_scanned_references.py``) that runs Python on the data
    (``migrations.RunPython``, read off the module's imports: ``attribute_reads``), where
    Django's documentation says to use the historical models ``apps.get_model`` gives and
    not the live ones, so the shapes it defines beside them are frozen with it (flagsmith's
    ``StoredCodeReference``). (Other numbered Django migrations are not included: their
    duplicates count, as for any file no import can name.)"""
    if REVISION_NAMES.issubset(assigned):
        return True
    if attribute_reads and _django_data_migration(path, attribute_reads):
        return True
    folders = path.split("/")[:-1]
    if folders and folders[-1] == "migrations" and _VERSIONED_MIGRATION.match(path.rpartition("/")[2]):
        return True  # sqlmesh's ``migrations/v0061_mysql_fix_blob_text_type.py``, run in order by a loader
    return len(folders) >= 2 and folders[-1] == "versions" and folders[-2] in ("migrations", "alembic")


def _django_data_migration(path: str, attribute_reads: Collection[tuple[str, Collection[str]]]) -> bool:
    folder, _, name = path.rpartition("/")
    return (
        folder.rpartition("/")[2] == "migrations" and _DJANGO_MIGRATION.match(name) is not None
        and any("RunPython" in attributes for _, attributes in attribute_reads)
    )


# A Django migration's file: ``0003_introduce_per_feature_scanned_references.py``.
_DJANGO_MIGRATION = re.compile(r"\d{4}_\w*\.py$")

# A migration named by its version: ``v0061_mysql_fix_blob_text_type.py``.
_VERSIONED_MIGRATION = re.compile(r"v\d{3,}_\w+\.py$")


def is_template(path: str) -> bool:
    """A template of a file, not the file: a path with a placeholder to fill in
    (``templates/module/{{module_name}}.py``, ``{{cookiecutter.slug}}/app.py``,
    ``{% if docker %}Dockerfile.py{% endif %}``). A generator renders it into Python;
    as written it need not parse."""
    return ("{{" in path and "}}" in path) or ("{%" in path and "%}" in path)


def is_backup(path: str) -> bool:
    """A backup copy of code: under a folder named ``backup``, ``backups``, ``backup_2024``,
    ``archived``, ``archived_2025`` ... (not ``archive``: product code may archive things)."""
    return any(part.lower().startswith(("backup", "archived")) for part in path.split("/")[:-1])


def is_product(path: str) -> bool:
    """Neither tooling nor a backup copy (tests are told apart by the configuration)."""
    return not (is_tooling(path) or is_backup(path))


# A folder named like a version of an API: ``v1``, ``v2``, ``v2026_10`` (a dated API version),
# ``v1_1``, ``v3beta2``, ``v1alpha``, ``v2rc1``. Not a word that merely starts with ``v`` and a
# digit in another way (``v2ray``, ``v8js``), nor a bare number.
_VERSION_FOLDER = re.compile(r"v\d+(?:_\d+)*(?:(?:alpha|beta|rc|a|b)\d*)?", re.IGNORECASE)
# A folder of one version's set of modules, named with the version and what it holds
# (vulnerablecode's ``pipelines/v2_improvers/`` beside the first version's
# ``pipelines/``; ``handlers_v2/``): a rewrite kept beside the version it replaces.
_VERSIONED_SET_FOLDER = re.compile(r"v\d+_[a-z][a-z0-9_]*|[a-z][a-z0-9_]*_v\d+", re.IGNORECASE)
# An API's release channel named alone, inside a package: a pre-release channel
# (``openai/types/beta/`` beside ``openai/types/``; ``semconv/_incubating/``, the
# experimental registry regenerated from each new specification, beside the stable
# ``semconv/attributes/``) or a deprecated one (``pydantic/deprecated/``, kept as it was
# for compatibility): it holds that channel's own frozen types. A top-level package of that
# name (under the root or ``src/``) is just a name. (Not ``legacy/``: a live package that
# serves legacy clients, such as a web application's old API, is code like any other.)
_CHANNEL_FOLDER = re.compile(r"alpha|beta|preview|_?(?:incubating|experimental|unstable|deprecated)", re.IGNORECASE)
_ROOT_FOLDERS = frozenset({"src", "lib"})


def version_package(path: str) -> str | None:
    """The innermost versioned package a file lies in (the folder path up to a folder named
    like a version, ``pkg/v2026_10``, or like a release channel, ``pkg/beta``,
    ``pkg/_incubating``, ``pkg/deprecated``), or None. Such a package holds a frozen version
    of an API (a generated per-version SDK, a bundled legacy major version such as
    ``pydantic.v1``, an experimental registry beside the stable one): its classes are that
    version's own."""
    folders = path.split("/")[:-1]
    stem = path.rpartition("/")[2].partition(".")[0]
    if _VERSION_FOLDER.fullmatch(stem):
        return path.rpartition(".")[0] if "." in path.rpartition("/")[2] else path  # a module named like a version
    for i in range(len(folders) - 1, -1, -1):
        if _VERSION_FOLDER.fullmatch(folders[i]) or (
            i > 0 and folders[i - 1] not in _ROOT_FOLDERS
            and (_CHANNEL_FOLDER.fullmatch(folders[i]) or _VERSIONED_SET_FOLDER.fullmatch(folders[i]))
        ):
            return "/".join(folders[: i + 1])
    return None


def versioned_apart(a: str, b: str, files: Container[str]) -> bool:
    """Two files of which at least one lies in a versioned package, not the same one: a
    class in each is a deliberate copy (each version keeps its own), never a duplicate,
    and neither is told to import the other. Two files of one version package are not
    apart. So are two modules named for two Pythons (dd-trace-py's
    ``instrumentation_py3_9.py`` and ``instrumentation_py3_11.py``, one loaded by each
    interpreter, each asserting its own version). ``files``: the tree's paths, which
    tell a live channel's mirror of a stable module from a fork (:func:`_forked_into_channel`)."""
    first, second = version_package(a), version_package(b)
    if (first != second and not _forked_into_channel(a, first, b, second, files)) or _version_named_apart(a, b):
        return True
    python_a = named_version(a)
    return python_a is not None and named_version(b) not in (None, python_a)


# A release channel where new code grows beside the stable package rather than a frozen
# copy of it: ``experimental/``, ``unstable/``, ``alpha/``, ``beta/``, ``preview/``.
_LIVE_CHANNEL = re.compile(r"alpha|beta|preview|_?(?:experimental|unstable)", re.IGNORECASE)


def _forked_into_channel(a: str, first: str | None, b: str, second: str | None, files: Container[str]) -> bool:
    """One file in a live channel of the package the other lies in, under a module name
    the stable package does not have: TensorFlow Probability's
    ``experimental/mcmc/preconditioned_nuts.py``, a fork of ``mcmc/nuts.py`` that kept its
    record classes, is code of the same release that could import the original. The
    channel's mirror of a stable module (``types/beta/realtime/response_created_event.py``
    beside ``types/realtime/response_created_event.py``) is the channel's own version,
    apart from the stable module and from every namesake outside the channel (openai's
    ``types/responses/response_created_event.py``, another API's event)."""
    if (first is None) == (second is None):
        return False
    channel, inside, other = (first, a, b) if first is not None else (second or "", b, a)
    parent, _, folder = channel.rpartition("/")
    if not _LIVE_CHANNEL.fullmatch(folder) or not other.startswith(parent + "/"):
        return False
    twin = f"{parent}/{inside[len(channel) + 1:]}"
    return twin != other and twin not in files


# A file's name that ends with the Python it is written for: ``test_pep695_py312.py``,
# ``instrumentation_py3_11.py``.
_NAMED = re.compile(r"(?:^|[_-])py3_?(\d{1,2})\.pyi?$")


def named_version(path: str) -> tuple[int, int] | None:
    """The Python version a file's name says it is written for (``tests/test_match_py310.py``:
    3.10), None when it says none. Projects that support an older Python keep such files
    for the newer one, and load or collect them only there (by a check of
    ``sys.version_info``, often computed from the very name)."""
    name = path.rpartition("/")[2]
    if "py3" not in name:
        return None
    found = _NAMED.search(name)
    return (3, int(found.group(1))) if found else None


# A module name ending in a version of an API: ``schemasv2``, ``api_v1``, ``client-v3beta``.
_VERSIONED_NAME = re.compile(r"(?P<base>.*?)(?P<sep>[_-]?)(?P<version>v\d+(?:_\d+)*(?:(?:alpha|beta|rc|a|b)\d*)?)", re.IGNORECASE)


# A module name that ends with a number after a separator, a word of four letters or more
# before it: ``schema_6``, ``schema-7`` (not ``conv1``, not ``v_2``).
_NUMBERED_NAME = re.compile(r"(?P<base>[A-Za-z][A-Za-z_]{3,}?)[_-](?P<number>\d+)")


# A module name with a version between two parts: ``ofproto_v1_3_parser``.
_INNER_VERSION = re.compile(r"(?P<pre>\w+?)[_-](?P<version>v\d+(?:_\d+)*)[_-](?P<post>[A-Za-z]\w*)", re.IGNORECASE)


def _version_named_apart(a: str, b: str) -> bool:
    """Two modules of one folder named for two versions of one thing (BentoML's
    ``schemasv1.py`` and ``schemasv2.py``, each the schemas of its API version), or one
    named for a version beside the unversioned one (``api.py`` and ``api_v2.py``), or with
    the version inside the name (``ofproto_v1_2_parser.py``, ``ofproto_v1_3_parser.py``),
    or numbered snapshots of one thing (``schema_6.py``, ``schema_7.py``): each keeps its own
    classes."""
    (fa, _, na), (fb, _, nb) = a.rpartition("/"), b.rpartition("/")
    if fa != fb:
        return False
    ia, ib = _INNER_VERSION.fullmatch(na.partition(".")[0]), _INNER_VERSION.fullmatch(nb.partition(".")[0])
    if ia and ib and (ia["pre"], ia["post"]) == (ib["pre"], ib["post"]):
        # The version inside the name (ryu's ``ofproto_v1_2_parser.py`` and
        # ``ofproto_v1_3_parser.py``, each the parser of its protocol version).
        return ia["version"].lower() != ib["version"].lower()
    sa, sb = _NUMBERED_NAME.fullmatch(na.partition(".")[0]), _NUMBERED_NAME.fullmatch(nb.partition(".")[0])
    if sa and sb and sa["base"] == sb["base"] and int(sa["number"]) != int(sb["number"]):
        # Numbered snapshots of one thing (opentrons' ``tables/schema_6.py`` and
        # ``schema_7.py``, each the database schema its migrations read).
        return True
    ma, mb = _VERSIONED_NAME.fullmatch(na.partition(".")[0]), _VERSIONED_NAME.fullmatch(nb.partition(".")[0])
    if ma and mb:
        # Without a separator the name must be a word before the version (``conv1`` and
        # ``conv2`` are layers, not versions of ``con``).
        return (
            ma["base"] == mb["base"] and ma["version"].lower() != mb["version"].lower()
            and (bool(ma["sep"] and mb["sep"]) or len(ma["base"]) >= 4)
            and bool(ma["base"])
        )
    # One versioned beside the plain name: only with a separator (``dev1`` is no ``de`` v1).
    found, plain = (ma, nb) if ma else (mb, na)
    return found is not None and bool(found["sep"]) and bool(found["base"]) and found["base"] == plain.partition(".")[0]


def in_template_folder(path: str) -> bool:
    """A file of a template folder: under a folder named ``template``/``templates`` (or
    ``*_template``, ``*-templates``: an SDK generator's ``generator/python/template/``,
    sktime's ``extension_templates/``), or with a placeholder in its path
    (``{{cookiecutter.slug}}/app.py``, see :func:`is_template`). Such a folder may hold code
    too (a web framework's ``template/`` package): what imports a file there decides."""
    if is_template(path):
        return True
    return any(
        part in ("template", "templates") or part.endswith(("_template", "_templates", "-template", "-templates"))
        for part in path.split("/")[:-1]
    )


# Cython's sources among the files discovery lists (``.pxd``, ``.pxi`` and ``.srctree``
# files are not listed: counting ``.pyx`` alone errs towards modules).
CYTHON_SUFFIXES = (".pyx",)


def compiler_input_folders(paths: Iterable[str]) -> frozenset[str]:
    """Folders whose Cython sources (:data:`CYTHON_SUFFIXES`) outnumber their ``.py``
    files: a compiler's test inputs (Cython's ``tests/run/`` holds 806 ``.pyx`` beside 102
    ``.py``, and its harness compiles every one of them, ``.py`` files included, with Cython).
    Such a ``.py`` file is written for the compiler, not for the interpreter running the
    tests (a t-string guarded for Pythons that cannot parse one, Cython's own
    ``cython.compiled`` branches). A folder of modules with a few extensions beside them
    holds more ``.py`` files than ``.pyx`` ones."""
    counts: dict[str, list[int]] = {}
    for path in paths:
        folder, _, name = path.rpartition("/")
        if name.endswith(".py"):
            counts.setdefault(folder, [0, 0])[0] += 1
        elif name.endswith(CYTHON_SUFFIXES):
            counts.setdefault(folder, [0, 0])[1] += 1
    return frozenset(folder for folder, (python, cython) in counts.items() if cython > python)
