"""Code that runs on Python 2, and how Python 2 resolves its imports.

A project runs on Python 2 when its packaging metadata declares Python 2 only
(``Config.python2_source``), or when nothing declares any Python 3 and a script at the root
runs on ``python2`` by its shebang (the program the project is started as). A file runs on
Python 2 when its own shebang names ``python2``, or when the project does and its shebang
names no ``python3``.

Python 2 imports *implicitly relative*: inside package ``network``, ``from threads import
X`` finds ``network/threads.py`` first, and only then a top-level ``threads``, unless the
module says ``from __future__ import absolute_import``. The model sees such an import as
the relative import it is (``from .threads import X``), so every rule judges it as the
interpreter would.
"""

from __future__ import annotations

from typing import Iterable, Sequence

from ssotlint.config import Config
from ssotlint.discover.modules import module_name
from ssotlint.extract.summary import CTX_IMPLICIT_RELATIVE, FileSummary, ImportRecord

Entry = tuple[str, FileSummary]


def python2_evidence(config: Config, entries: Iterable[Entry]) -> str:
    """Where the project says it runs on Python 2 only, in words; "" when it does not (see
    the module's docstring)."""
    if config.python2_source:
        return config.python2_source
    if config.target_version is not None or config.python3_classifier:
        return ""
    entries = list(entries)
    roots = sorted(path for path, summary in entries if "/" not in path and summary.shebang_major == 2)
    if roots:
        return f"{roots[0]}:1 runs on `python2` (its shebang), and nothing declares Python 3"
    return _written_for_python2(entries)


# What CPython 3 says of Python 2's statements: ``print 'x'``, ``exec code in ns``,
# ``except ValueError, e:``.
PYTHON2_SYNTAX = (
    "Missing parentheses in call to 'print'",
    "Missing parentheses in call to 'exec'",
    "multiple exception types must be parenthesized",
)

def python2_statements(messages: Iterable[str]) -> int:
    """How many of these syntax errors (``"SyntaxError: ..."``) are Python 2 statements."""
    return sum(1 for message in messages if message.partition(": ")[2].startswith(PYTHON2_SYNTAX))


# The share of a project's files that fail on Python 2 statements, beyond which (with no file
# in Python 3's own syntax) the project is Python 2 code rather than Python 3 code with a few
# stale scripts: Anesidora's game sources, 246 of 2,022 (12%).
_PYTHON2_SHARE = 0.05


def _written_for_python2(entries: list[Entry]) -> str:
    """Evidence, in words, that code no configuration speaks for is Python 2 code: most
    of the files Python 3 cannot compile fail on Python 2 statements, those files and the
    files that call what only Python 2 has (``d.iteritems()``, ``xrange``:
    :func:`~ssotlint.extract.python3_syntax.python_facts`) are two at least and one in
    twenty of all files, and no file uses syntax Python 2 lacks (an f-string, an
    annotation, ``async``: :func:`~ssotlint.extract.python3_syntax.python3_syntax`).
    A project with one Python 3 construct anywhere is Python 3 code, its failures stale
    (Mengine's game scripts: one file with a ``print`` statement, 121 calling
    ``iteritems()`` and the like, none in Python 3's own syntax). The calls count only
    where no module prepares for Python 3 (the same function's *aware*)."""
    if any(summary.python3_syntax for _, summary in entries):
        return ""
    failing = [summary.problem.message for _, summary in entries if summary.problem is not None and summary.problem.kind == "syntax"]
    python2 = python2_statements(failing)
    # Python 2 calls count only in code that never prepares for Python 3: a project with a
    # module that asks which Python runs it, or imports six, is being ported (TACTIC).
    aware = any(summary.python3_aware for _, summary in entries)
    idioms = 0 if aware else sum(1 for _, summary in entries if summary.python2_idioms)
    evidence = python2 + idioms
    if python2 < 1 or 2 * python2 <= len(failing) or evidence < 2 or evidence < _PYTHON2_SHARE * len(entries):
        return ""
    calling = f" and {idioms} call what only Python 2 has (iteritems, xrange ...)" if idioms else ""
    return (
        f"{python2} of the {len(failing)} files that do not compile fail on Python 2 statements{calling}, no file uses "
        "Python 3's own syntax (an f-string, an annotation, async), and nothing declares Python 3"
    )


def runs_python2(summary: FileSummary, project_python2: bool) -> bool:
    """The file runs on Python 2: its shebang names ``python2``, or the project runs on
    Python 2 and its shebang names no ``python3``."""
    major = summary.shebang_major
    return major == 2 or (major != 3 and project_python2)


def _absolute_import(summary: FileSummary) -> bool:
    """``from __future__ import absolute_import``: Python 3's import rules."""
    return any(
        rec.module == "__future__" and not rec.level and any(name == "absolute_import" for name, _ in rec.names)
        for rec in summary.imports
    )


def _candidate(summary: FileSummary, project_python2: bool) -> bool:
    """A file whose imports Python 2 may resolve relatively: it runs on Python 2, has an
    absolute from-import (or a plain import with ``as``) and no ``absolute_import``."""
    return (
        runs_python2(summary, project_python2)
        and any(not rec.level and rec.module != "__future__" and (rec.is_from or rec.asname) for rec in summary.imports)
        and not _absolute_import(summary)
    )


def implicit_relative(config: Config, roots: Sequence[str], entries: list[Entry]) -> list[Entry]:
    """``entries`` with the imports of Python 2 files rewritten as Python 2 resolves them:
    an absolute ``from helper import x`` (or ``import helper as h``) inside package ``p``
    becomes ``from .helper import x`` when ``p.helper`` is a first-party module or package.
    A plain ``import helper`` without ``as`` is left as written: it binds ``helper``, which
    no relative import record can say. Costs nothing in a project without Python 2 files."""
    project_python2 = bool(python2_evidence(config, entries))
    candidates = [i for i, (_, summary) in enumerate(entries) if _candidate(summary, project_python2)]
    if not candidates:
        return entries
    modules = {name for name in (module_name(path, roots)[0] for path, _ in entries) if name}
    result = list(entries)
    for i in candidates:
        path, summary = entries[i]
        name, is_package = module_name(path, roots)
        package = name if is_package else (name or "").rpartition(".")[0]
        if not package:
            continue  # a top-level module or a script: nothing to be relative to
        imports = tuple(_resolve(rec, package, modules, name or "") for rec in summary.imports)
        if imports != summary.imports:
            result[i] = (path, _with_imports(summary, imports))
    return result


def _resolve(rec: ImportRecord, package: str, modules: set[str], own: str) -> ImportRecord:
    """``rec`` as Python 2 reads it in ``package`` (``own``: the importing module). A module
    never means itself: one named like the library it imports wraps that library
    (golismero's report plugin ``plugins/report/bson.py``: ``from bson import dumps``,
    loaded by path), as in Python 3."""
    if rec.level or rec.module == "__future__" or not (rec.is_from or rec.asname):
        return rec
    sibling = f"{package}.{rec.module.partition('.')[0]}"
    if sibling in modules and sibling != own:
        return rec._replace(level=1, context=rec.context | CTX_IMPLICIT_RELATIVE)
    return rec


def _with_imports(summary: FileSummary, imports: tuple[ImportRecord, ...]) -> FileSummary:
    """``summary`` with other import records, in the same order (so ``import_uses`` still
    pairs with them)."""
    return summary._replace(imports=imports)
