"""SSOT000 syntax-error: files the interpreter cannot import."""

from __future__ import annotations

import re
import sys
from typing import Collection, Iterator

from ssotlint.discover.roles import NAME_WORDS, in_template_folder, is_documentation, is_template
from ssotlint.extract.summary import NOT_AT_IMPORT_TIME
from ssotlint.model.project import Project, SourceFile
from ssotlint.model.python2 import PYTHON2_SYNTAX, python2_statements
from ssotlint.model.unparsable import (
    Importer,
    Version,
    imported_from_newer_python,
    imported_only_on_python2,
    importers_of_unparsable,
)
from ssotlint.rules.apart import read_as_data
from ssotlint.rules.details import SyntaxErrorDetails
from ssotlint.rules.base import Example, Rule, Violation


def blast_radius(importers: list[Importer]) -> str:
    """``imported by 13 first-party modules, which fail at import``; imports inside
    functions (or ``__main__`` blocks) fail later, when the import runs."""
    count = len(importers)
    total = f"{count} first-party module{'' if count == 1 else 's'}"
    now = sum(1 for i in importers if i.at_import)
    verb = "fails" if count == 1 else "fail"
    if now == count:
        return f"imported by {total}, which {verb} at import"
    if now == 0:
        return f"imported by {total}, which {verb} when the import runs"
    return f"imported by {total} ({now} fail at import, {count - now} when the import runs)"


_TEMPLATE_FOLDERS = ("template", "templates", "_templates", "jinja", "jinja2")


def _template_note(path: str, line: int) -> str:
    """What to say of a file whose error line holds template markup (``{% if x %}``): it may
    be a template a generator renders (polar's ``sdk/generator/python/template/``), and then
    it is better excluded; or a module with a placeholder left in it, and then it is broken.
    ssotlint cannot tell which, so the finding stays and says how to exclude it."""
    parts = path.split("/")
    folder = _template_folder(parts)
    pattern = "/".join(parts[: folder + 1]) + "/**" if folder is not None else path
    return (
        f" (line {line} holds template markup, `{{% ... %}}`, `{{{{ ... }}}}` or a `{{name}}` placeholder: if a generator renders this file, "
        f"it is a template, not a module: exclude it in [tool.ssotlint] with extend-exclude = [\"{pattern}\"])"
    )


def _template_folder(parts: list[str]) -> int | None:
    """The index of the innermost folder of a path's ``parts`` named like a template folder
    (:data:`_TEMPLATE_FOLDERS`), or None."""
    return next((i for i in range(len(parts) - 2, -1, -1) if parts[i].lower() in _TEMPLATE_FOLDERS), None)


def _rendered_template(f: SourceFile) -> bool:
    """A file whose error line holds template markup and that lies in a template folder
    (``templates/``, ``*_templates/``, ``jinja/``: crewAI's
    ``crewai_cli/templates/crew/crew.py``, whose ``{{crew_name}}`` the CLI fills in when
    it creates a project): a generator renders it, nothing runs it as it is. Decided by
    the file's own path and text, as a history checks a file again when it changes."""
    problem = f.summary.problem
    if problem is None or not problem.markup:
        return False
    return in_template_folder(f.path) or _template_folder(f.path.split("/")) is not None


def _undeclared_newer(project: Project, f: SourceFile) -> bool:
    """A file the running interpreter rejects for a construct a newer Python added (an
    f-string that nests its own quotes, ``def f[T]``: ``ParseProblem.newer``) in a project
    that declares no Python at all (no target of any kind, its own, a nested project's or a
    folder's container:
    pipe_tasks, whose Python the LSST stack pins outside the repository), when LibCST's
    parser for that Python accepts the whole file: nothing says the code must run on a
    Python that rejects it, so it is not reported; a warning names it."""
    problem = f.summary.problem
    return (
        problem is not None and problem.newer_valid and not project.oldest_python.declares_any
    )


def _newer_note(project: Project, f: SourceFile, newer: str) -> str:
    """What to say of an error that a newer Python accepts (an f-string that nests its own
    quotes, valid from 3.12): the file fails on the Pythons the project says it supports,
    below that one (its own project's, when a nested one declares its own)."""
    config = project.config
    oldest = project.oldest_python(f.path)
    target = oldest[0] if oldest is not None else config.target_version
    if target is not None:
        supported = ".".join(map(str, target))
        return f" (valid from Python {newer} on, but the project supports Python {supported}, which rejects it)"
    return (
        f" (valid from Python {newer} on: if the project runs on Python {newer} or newer only, "
        f"say so, requires-python = \">={newer}\", and it is judged for that version)"
    )


# A file name that says the file holds a syntax error (``tests_syntax_error.py``,
# ``badsyntax_future3.py``, ``InvalidSyntax.py``), its words joined by ``_``.
_NAMED_BROKEN = re.compile(r"(?:syntax_?errors?|bad_?syntax|invalid_?syntax|broken_?syntax)(?:_|$)")


def named_broken(path: str) -> bool:
    """The file's name says it holds a syntax error: it starts with the words, after a
    ``test`` or ``tests`` (``tests_syntax_error.py``, ``badsyntax_future3.py``,
    ``InvalidSyntax.py``; words apart by ``_``, ``-`` or case), not one that only mentions
    them later (``check_syntax_errors.py``)."""
    words = [word.lower() for word in NAME_WORDS.findall(path.rpartition("/")[2].rpartition(".")[0])]
    if words[:1] in (["test"], ["tests"]):
        words = words[1:]
    return bool(_NAMED_BROKEN.match("_".join(words)))


def _not_code(f: SourceFile, project: Project) -> bool:
    """A file that does not parse and was never meant to: a documentation listing whose
    error line elides code with ``...`` (``def jit_myfunc(arg0, arg1, ...):``, shown for
    readers to fill in), a file whose header says it is not Python (a configuration
    file in a Python-like syntax, named ``.py`` for editors), or a file of the test tree
    whose name says it holds a syntax error, or bytes that do not decode (Django's
    ``tests/test_runner_apps/tagged/tests_syntax_error.py``, which its runner's tests load
    to see the error reported; CPython's ``Lib/test/badsyntax_*.py``): an input broken on
    purpose, loaded by a path, a string or an import inside a test's function, when no
    module imports it at module level (one that does fails where it runs), and unless ``skip-test-data = false`` asks for test data to
    be checked. The file's own account decides, not its importers:
    ``score --history`` checks a file again when it changes, not when another file starts
    importing it."""
    problem = f.summary.problem
    config = project.config
    return problem is not None and (
        problem.not_python
        or ((problem.elided or problem.awaited) and is_documentation(f.path))
        or (
            problem.kind in ("syntax", "decode") and config.skip_test_data and config.in_test_tree(f.path) and named_broken(f.path)
            and not _imported_at_import_time(project, f)
        )
    )


def _imported_at_import_time(project: Project, f: SourceFile) -> bool:
    """A module imports ``f`` by a statement that runs when that module is imported (at
    module level: a test module doing so fails to collect). An import inside a function is
    the test's own act (CPython's ``test_future.py`` importing ``badsyntax_future10`` under
    ``assertRaises(SyntaxError)``)."""
    module = f.module
    for importer in project.importers.get(module or "", ()):
        g = project.modules.get(importer)
        if g is None:
            continue
        for rec, absolute in zip(g.summary.imports, g.absolutes):
            if rec.context & NOT_AT_IMPORT_TIME or absolute is None:
                continue
            if absolute == module or (rec.is_from and any(f"{absolute}.{name}" == module for name, _ in rec.names)):
                return True
    return False


def _python2_code(project: Project, f: SourceFile, loose: Collection[str]) -> bool:
    """A file that runs on Python 2 (``Project.runs_python2``: the project declares Python
    2 only, or the file's shebang names ``python2``) and that Python 3 rejects for its
    syntax: ssotlint has no Python 2 parser, and ``print 'x'``, ``except X, e:``, ``0755``
    or tabs mixed with spaces are valid there. Not excused: bytes the declared encoding
    cannot decode, null bytes and merge-conflict markers, which Python 2 rejects too."""
    problem = f.summary.problem
    return (
        problem is not None
        and problem.kind == "syntax"
        and "merge-conflict marker" not in problem.message
        and "null bytes" not in problem.message
        and (project.runs_python2(f) or _python2_example(project, f, loose))
    )


def _python2_example(project: Project, f: SourceFile, loose: Collection[str]) -> bool:
    """A documentation example (under ``docs/`` or ``examples/``: ``is_documentation``) of
    a project that declares Python 2 beside Python 3 (``Config.python2_also``): WebOb's
    ``docs/wiki-example-code/example.py`` says ``except X, e:`` for the Python 2.7 the
    project supports. So may a script outside its packages that fails on a Python 2
    statement (``loose``: :func:`loose_python2_scripts`). Its shipped modules must compile on Python 3
    and are judged so."""
    if not project.config.python2_also or f.summary.shebang_major == 3:
        return False
    return is_documentation(f.path) or f.path in loose


def loose_python2_scripts(project: Project) -> frozenset[str]:
    """The files of a project that declares Python 2 beside 3 that fail on Python 2
    statements (``print 'x'``, ``except X, e:``) and are no part of a package: outside
    any regular package, and imported by no first-party module (pywinauto's
    ``sandbox/recorder.py``). Whoever runs them runs them with a Python the project
    supports, and for these that is Python 2."""
    if not project.config.python2_also:
        return frozenset()
    imported = importers_of_unparsable(project)
    return frozenset(
        f.path for f in project.files
        if f.summary.problem is not None and f.summary.problem.kind == "syntax"
        and f.summary.problem.message.partition(": ")[2].startswith(PYTHON2_SYNTAX)
        and not _in_regular_package(project, f)
        and not imported.get(f.path)
    )


def _in_regular_package(project: Project, f: SourceFile) -> bool:
    """Its folder is a package with an ``__init__.py`` (a namespace folder is not)."""
    if f.module is None:
        return False
    parent = project.modules.get(f.module.rpartition(".")[0])
    return parent is not None and parent.is_package


RUNNING = sys.version_info[:2]


def _scope(project: Project) -> tuple[str, frozenset[str]]:
    """What SSOT000's findings depend on beyond each file (``score --history`` checks every
    file again when it changes): whether the project runs on Python 2, and which modules
    are imported only on a newer Python than the running one."""
    loose = loose_python2_scripts(project)
    older = frozenset((path, error, oldest) for path, (error, oldest) in _failing_on_oldest(project).items())
    return (
        project.python2, frozenset(imported_from_newer_python(project, RUNNING)), imported_only_on_python2(project), loose,
        older, _read_as_data(project),
    )


def _read_as_data(project: Project) -> frozenset[str]:
    """The files that do not parse which the project's own code reads as text by a literal
    path and no import names (``rules.apart.read_as_data``): data with a ``.py`` name
    (airunner's ``gui_vulture_whitelist.py``, ``path:{names}`` lines its dead-code script
    parses line by line), never imported, so never compiled."""
    read = read_as_data(project)
    if not read:
        return frozenset()
    return project.shared(_read_as_data, lambda: frozenset(f.path for f in project.files if f.path in read and f.summary.problem is not None))


def check(project: Project) -> Iterator[Violation]:
    return check_files(project, project.files)


def check_files(project: Project, files: Collection[SourceFile]) -> Iterator[Violation]:
    """The files of ``files`` that do not parse: a file's own business (its importers are
    only named in the message)."""
    importers: dict[str, list[Importer]] | None = None
    data = project.test_data
    newer = imported_from_newer_python(project, RUNNING)
    python2_only = imported_only_on_python2(project)
    loose = loose_python2_scripts(project)
    older = _failing_on_oldest(project)
    read = _read_as_data(project)
    for f in files:
        problem = f.summary.problem
        if problem is None and f.path in older and not is_template(f.path) and f.path not in data:
            yield _older_violation(f, *older[f.path])
        if problem is None or is_template(f.path) or f.path in data:
            continue  # a template (`{{module_name}}.py`) is rendered into Python first; test data never runs
        message = problem.message
        if problem.kind in ("crash", "internal"):
            message = f"not analysed: {message}"
        if problem.markup:
            message += _template_note(f.path, problem.line)
        if problem.newer:
            if _undeclared_newer(project, f):
                continue  # valid on a newer Python, and the project says of none: listed in a warning
            message += _newer_note(project, f, problem.newer)
        if _not_code(f, project):
            continue  # pseudo-code in a documentation listing, a configuration file named .py
        if f.path in read:
            continue  # data the project's code reads as text, never imported: never compiled
        if problem.template or _rendered_template(f):
            continue  # a template named .py (a `{% include %}` line, markup in a template folder): listed in a warning
        if problem.meant:
            continue  # `# noqa: E999` on the error line: kept invalid on purpose, listed in a warning
        if _python2_code(project, f, loose):
            continue  # Python 2 code: what Python 3's parser rejects in it, Python 2 may accept
        if f.path in newer:
            continue  # loaded only on a newer Python than the running one: listed in a warning
        if f.path in python2_only:
            continue  # loaded only on Python 2 (`if six.PY2:`), which the project does not run on
        details: SyntaxErrorDetails = {"kind": problem.kind}
        if importers is None:
            importers = importers_of_unparsable(project)
        broken = importers.get(f.path)
        if broken:
            message += f"; {blast_radius(broken)}"
            details["imported_by"] = [
                {"path": i.file.path, "line": i.record.line, "at_import": i.at_import} for i in broken
            ]
        yield RULE.violation(
            f.path,
            problem.line,
            problem.col,
            message,
            # The subject is the file: an error that moves or changes kind is the same finding.
            key="unparsable",
            details=details,
        )


def _failing_on_oldest(project: Project) -> dict[str, tuple[tuple[int, int, int, str], tuple[Version, str]]]:
    """Path of each module the running interpreter compiles and the oldest Python its
    project supports does not (``FileSummary.older_syntax``: a ``match`` statement under
    ``requires-python = ">=3.8"``) -> that version's error, and the version with where it is
    said. Judged for the newest of the project's oldest Python, the version a conftest
    collects the file from or its name says (``FileTargets.oldest``), and the oldest one
    every import of it waits for (``if sys.version_info >= (3, 10): from ._match import
    x``): a module only loaded there never meets the older Pythons. An import whose
    ``SyntaxError`` is caught loads it on none of them (``except SyntaxError:`` falls back)."""
    return project.shared("ssot000_failing_on_oldest", lambda: _oldest_failures(project))


def _oldest_failures(project: Project) -> dict[str, tuple[tuple[int, int, int, str], tuple[Version, str]]]:
    candidates: dict[str, tuple[tuple[tuple[int, int, int, str], ...], tuple[Version, str]]] = {}
    for f in project.files:
        older = f.summary.older_syntax
        if not older or f.summary.problem is not None:
            continue
        oldest = project.oldest_python(f.path)
        if oldest is None or oldest[0][0] != 3 or oldest[0][1] > older[-1][0]:
            continue  # (the project's oldest Python compiles it)
        candidates[f.path] = (older, oldest)
    if not candidates:
        return {}
    gated = imported_from_newer_python(project, (3, 0), candidates)
    found = {}
    for path, (older, (version, source)) in candidates.items():
        wait = gated.get(path)
        if wait is not None and wait > version:
            version, source = wait, f"imported only on Python {wait[0]}.{wait[1]} and later"
        error = next((e for e in older if e[0] == max(version[1], older[0][0])), None)
        if error is not None:
            found[path] = (error, (version, source))
    return found


def _older_violation(f: SourceFile, error: tuple[int, int, int, str], oldest: tuple[Version, str]) -> Violation:
    """A module that the oldest Python its project supports cannot compile."""
    _, line, col, message = error
    (major, minor), source = oldest
    return RULE.violation(
        f.path,
        line,
        col,
        f"SyntaxError on Python {major}.{minor}: {message}; the project supports Python {major}.{minor} ({source}), "
        f"which cannot compile this file (rewrite it for {major}.{minor}, or raise the oldest Python the project supports)",
        key="older-python",
        details={"kind": "older-python"},
    )




def _advice(project: Project) -> Iterator[str]:
    """One warning when the project looks like Python 2 code judged by Python 3: it says
    no Python 3 anywhere (no target of any kind, no ``Python :: 3`` classifier), and most
    of the files that do not compile, two at least, fail on Python 2 statements (cabot: a
    Python 2.7 Django application). The findings stand: they are Python 3's verdicts."""
    yield from _python2_advice(project)
    yield from _template_advice(project)
    yield from _meant_advice(project)
    yield from _newer_advice(project)
    yield from _undeclared_newer_advice(project)
    config = project.config
    if config.target_version is not None or config.python3_classifier or project.python2:
        return
    data = project.test_data
    failing = [
        f.summary.problem.message for f in project.files
        if f.summary.problem is not None and f.summary.problem.kind == "syntax"
        and not is_template(f.path) and f.path not in data and not _not_code(f, project) and not f.summary.problem.template
        and not _rendered_template(f)
    ]
    python2 = python2_statements(failing)
    if python2 < 2 or 2 * python2 <= len(failing):
        return
    yield (
        f"this looks like a Python 2 project: {python2} of the {len(failing)} files that do not compile fail on "
        "Python 2 statements (`print 'x'`, `except X, e:`), and nothing declares Python 3 (requires-python, "
        "target-version, a `Python :: 3` classifier, a Python 3 image or CI version); SSOT000 judges Python 3 "
        "syntax: if the project runs on Python 2, these findings are what porting it would meet "
        '(ignore = ["SSOT000"] until then)'
    )


def _template_advice(project: Project) -> Iterator[str]:
    """One warning naming the files named ``.py`` that are templates (the syntax error is a
    line holding one statement tag, ``{% include 'common/aes.py' %}``): not reported."""
    data = project.test_data
    found = sorted(
        f.path for f in project.files
        if f.summary.problem is not None and (f.summary.problem.template or _rendered_template(f))
        and not is_template(f.path) and f.path not in data
    )
    if found:
        count = f"{len(found)} file{'s' if len(found) != 1 else ''} named .py"
        yield (
            f"{count} {'is a template' if len(found) == 1 else 'are templates'} (a line is a `{{% ... %}}` tag alone, "
            "or markup in a template folder: "
            f"{', '.join(found[:3])}{', ...' if len(found) > 3 else ''}): rendered by a generator, never imported, "
            "so SSOT000 does not report them"
        )


def _meant_advice(project: Project) -> Iterator[str]:
    """One warning naming the files whose syntax error the project's linter is told to
    ignore (``# noqa: E999`` on the error line: streamlit's ``compilation_error_dialog.py``,
    the input of a test of its error dialog; ``# noqa: F704`` on a top-level ``await``):
    not reported."""
    data = project.test_data
    found = sorted(
        f.path for f in project.files
        if f.summary.problem is not None and f.summary.problem.meant and not is_template(f.path) and f.path not in data
    )
    if found:
        yield (
            f"{len(found)} file{'s' if len(found) != 1 else ''} ({', '.join(found[:3])}{', ...' if len(found) > 3 else ''}) "
            f"{'is' if len(found) == 1 else 'are'} kept invalid on purpose (`# noqa: E999` on the line of the syntax "
            "error, or `# noqa: F704` on a top-level `await` an async runner executes), so SSOT000 does not report them"
        )


def _newer_advice(project: Project) -> Iterator[str]:
    """Warnings naming the files written for a Python newer than the running one that were
    not judged, one per version and reason: those only imports gated on it load
    (:func:`~ssotlint.model.unparsable.imported_from_newer_python`), and those a newer
    target declares (requires-python, a conftest's gate) that LibCST's parser failed on
    (``FileSummary.unjudged``)."""
    data = project.test_data
    running = f"{RUNNING[0]}.{RUNNING[1]}"
    gated: dict[Version, list[str]] = {}
    for path, version in imported_from_newer_python(project, RUNNING).items():
        if not is_template(path) and path not in data:
            gated.setdefault(version, []).append(path)
    for version, paths in sorted(gated.items()):
        dotted = f"{version[0]}.{version[1]}"
        yield (
            f"{_files(paths)} imported only under a check for Python {dotted} or later (`if sys.version_info >= "
            f"{version}:`), newer than the running Python {running}, which cannot judge their syntax: SSOT000 does "
            f"not report them (run ssotlint on Python {dotted} to judge them)"
        )
    unjudged: dict[Version, list[str]] = {}
    for f in project.files:
        if f.summary.unjudged and f.path not in data:
            major, _, minor = f.summary.unjudged.partition(".")
            unjudged.setdefault((int(major), int(minor or 0)), []).append(f.path)
    for version, paths in sorted(unjudged.items()):
        dotted = f"{version[0]}.{version[1]}"
        yield (
            f"{_files(paths)} written for Python {dotted} (the project's target, or a conftest that collects them "
            f"from that version on) could not be judged: the running Python {running} cannot compile them and "
            f"LibCST's parser failed on them; SSOT000 does not report them (run ssotlint on Python {dotted} to judge them)"
        )


def _undeclared_newer_advice(project: Project) -> Iterator[str]:
    """One warning per version naming the files not reported by :func:`_undeclared_newer`."""
    data = project.test_data
    by_version: dict[str, list[str]] = {}
    for f in project.files:
        if _undeclared_newer(project, f) and not is_template(f.path) and f.path not in data:
            by_version.setdefault(f.summary.problem.newer, []).append(f.path)  # type: ignore[union-attr]
    running = f"{RUNNING[0]}.{RUNNING[1]}"
    for version, paths in sorted(by_version.items()):
        yield (
            f"{_files(paths)} {'uses' if len(paths) == 1 else 'use'} syntax valid from Python {version} on, which the "
            f"running Python {running} rejects, and the project declares no Python: SSOT000 does not report "
            f"{'it' if len(paths) == 1 else 'them'}, and {'its' if len(paths) == 1 else 'their'} own imports are not read "
            f"(declare the oldest Python the code runs on, requires-python = \">={version}\" or target-version, "
            "and they are judged for it)"
        )


def _files(paths: list[str]) -> str:
    """``2 files (a.py, b.py)``, naming three at most."""
    paths = sorted(paths)
    shown = ", ".join(paths[:3]) + (", ..." if len(paths) > 3 else "")
    return f"{len(paths)} file{'s' if len(paths) != 1 else ''} ({shown})"


def _python2_advice(project: Project) -> Iterator[str]:
    """One warning naming the evidence when files that run on Python 2 were not judged
    (:func:`_python2_code`)."""
    data = project.test_data
    loose = loose_python2_scripts(project)
    files = sorted(
        (f for f in project.files if _python2_code(project, f, loose) and not is_template(f.path) and f.path not in data),
        key=lambda f: f.path,
    )
    if not files:
        return
    excused = [f.path for f in files]
    count = f"{len(excused)} file{'s' if len(excused) != 1 else ''}"
    examples = [f.path for f in files if not project.runs_python2(f)]
    if examples:
        one = len(examples) == 1
        yield (
            f"the project runs on Python 2 as well as 3 ({project.config.python2_also}): {len(examples)} documentation "
            f"example{'' if one else 's'} or script{'' if one else 's'} outside its packages "
            f"({', '.join(examples[:3])}{', ...' if len(examples) > 3 else ''}) Python 3 "
            f"cannot compile may be written for its Python 2, and {'is' if one else 'are'} not reported"
        )
        excused = [p for p in excused if p not in examples]
        if not excused:
            return
        count = f"{len(excused)} file{'s' if len(excused) != 1 else ''}"
    if project.python2:
        yield (
            f"the project runs on Python 2 ({project.python2}): SSOT000 judges Python 3 syntax, so the {count} "
            f"Python 3 cannot compile (`print 'x'`, `except X, e:`, `0755`) {'is' if len(excused) == 1 else 'are'} not reported"
        )
        return
    one = len(excused) == 1
    yield (
        f"{count} run{'s' if one else ''} on Python 2 by {'its' if one else 'their'} shebang (`#!/usr/bin/env "
        f"python2`: {', '.join(excused[:3])}{', ...' if len(excused) > 3 else ''}) and Python 3 cannot compile "
        f"{'it' if one else 'them'}: SSOT000 judges Python 3 syntax, so {'it is' if one else 'they are'} not reported"
    )


def _jupytext_notebook(cell: str) -> dict[str, str]:
    """A jupytext percent-format notebook under ``docs/`` whose third cell is ``cell``."""
    header = (
        "# ---\n# jupyter:\n#   jupytext:\n#     formats: py:percent\n#     text_representation:\n"
        "#       format_name: percent\n#   kernelspec:\n#     name: python3\n# ---\n\n"
    )
    return {"docs/live/article.py": header + "import panel\n\n# %%\n" + cell + "\n# %%\npanel.extension()\n"}


def _per_python_parsers(extra: dict[str, str] | None = None) -> dict[str, str]:
    """congress's generated parsers: one package per Python, chosen by ``six.PY2``; the
    Python 2 one mixes tabs and spaces, which Python 2 accepts."""
    return {
        "app/__init__.py": "",
        "app/compile.py": (
            "import six\n\nif six.PY2:\n    from app.py2 import parser\nelse:\n    from app.py3 import parser\n"
        ),
        "app/py2/__init__.py": "",
        "app/py2/parser.py": "def parse(text):\n\tif text:\n        return text\n",
        "app/py3/__init__.py": "",
        "app/py3/parser.py": "def parse(text):\n    if text:\n        return text\n",
        **(extra or {}),
    }


RULE = Rule(
    code="SSOT000",
    name="syntax-error",
    summary="A Python file that does not parse (it fails at import time)",
    check=check,
    advice=_advice,
    check_files=check_files,
    through_closure=False,
    scope_key=_scope,
    valid=(
        # Transcripts of interactive sessions kept as .py files for a document to include
        # (h2o-3's booklet listings: IPython's prompts, the server's output pasted below).
        Example(
            {
                "docs/booklet/python/train_gbm.py": "In [1]: import h2o\n\nIn [2]: h2o.init()\n"
                "Checking whether there is an H2O instance running ..... not found.\n\nOut[2]: 1-Byte Int   C1   1\n",
                "docs/tutorial/session.py": "# The interpreter's session\n>>> import os\n>>> os.sep\n'/'\n",
            }
        ),
        # Data with a `.py` name that a script of the project reads as text, never imported
        # (airunner's vulture whitelist of `path:{names}` lines): never compiled.
        Example({
            "whitelist.py": '"""Auto-generated whitelist."""\napp/core.py:{run, stop}\n',
            "scripts/dead_code.py": (
                "WHITELIST = 'whitelist.py'\n\n\ndef load():\n    with open(WHITELIST, encoding='utf-8') as f:\n"
                "        return [line.split(':') for line in f if ':' in line]\n"
            ),
            "app/__init__.py": "",
            "app/core.py": "def run():\n    return 1\n",
        }),
        # Loaded only under `if six.PY2:`: no Python 3 runs it (congress's Python 2 parser).
        Example(_per_python_parsers()),
        Example({"app/ok.py": "x = 1\n"}),
        # A test-tree file named for the syntax error it holds (Django's
        # ``tests/test_runner_apps/tagged/tests_syntax_error.py``, which its runner's tests
        # import to see the error reported): an input broken on purpose.
        Example(
            {
                "tests/runner_apps/tests_syntax_error.py": (
                    "from unittest import TestCase\n\n\nclass SyntaxErrorTestCase(TestCase):\n    pass\n\n\n1syntax_error\n"
                ),
                "tests/test_runner.py": (
                    "import importlib\n\nimport pytest\n\n\ndef test_reports_syntax_error():\n"
                    "    with pytest.raises(SyntaxError):\n        importlib.import_module('runner_apps.tests_syntax_error')\n"
                ),
            }
        ),
        # ... also one that cannot be decoded (CPython's ``badsyntax_pep3120.py``), here named
        # so that a test runner collects it.
        Example({"tests/test_badsyntax_pep3120.py": b"print('\xf6sterreich')\n"}),
        # ... also when a test imports it inside its own function, to see it fail (CPython's
        # ``test_future.py`` and ``badsyntax_future10.py``).
        Example(
            {
                "tests/__init__.py": "",
                "tests/badsyntax_future10.py": "from __future__ import annotations\nimport os\nfrom __future__ import division\n",
                "tests/test_future.py": (
                    "import unittest\n\n\nclass FutureTest(unittest.TestCase):\n    def test_badfuture10(self):\n"
                    "        with self.assertRaises(SyntaxError):\n            from tests import badsyntax_future10  # noqa: F401\n"
                ),
            }
        ),
        # Python 2 code: the project's root script runs on `python2` (and nothing declares
        # Python 3), or the file's own shebang names `python2` (tests/rules/
        # test_ssot000_python2_project.py: packaging metadata that declares Python 2 only).
        Example({"Server.py": "#!/usr/bin/env python2\nimport app\n", "app/__init__.py": "print 'x'\n"}),
        Example({"scripts/stats.py": "#!/usr/bin/env python2\nprint 'x'\n", "app/ok.py": "x = 1\n"}),
        # The project's linter is told to ignore the syntax error (streamlit's input of its
        # compilation-error dialog test): kept invalid on purpose.
        Example({"e2e/compilation_error_dialog.py": "import app\n\n123 foo  # noqa: E999\n", "app/__init__.py": ""}),
        # Templates a generator renders into Python (cookiecutter, copier, a project's own;
        # amuse's `dir_templates/`, filled in with `str.format`).
        Example(
            {
                "app/tools/dir_templates/__init__.py": "from app.community.{code}.interface import Code\n",
                "app/tools/dir_templates/interface.py": "import app\n\nclass {interface_class}(app.Base):\n    pass\n",
                "app/tools/dir_templates/tests_test_code.py": "import app\n\ninstance = {interface_class}Interface()\n",
                "templates/module/{{module_name}}.py": "def {{ function_name }}():\n    return {{ value }}\n",
                "{{cookiecutter.slug}}/app.py": "{% if cookiecutter.async %}async {% endif %}def main(): ...\n",
            }
        ),
        # A folder's container runs the newest Python 3 (``FROM python:3-slim``), and the
        # project declares no version: PEP 701's f-strings are its syntax.
        Example(
            {
                "analyzers/ovh/Dockerfile": "FROM python:3-slim\nCOPY . /worker\n",
                "analyzers/ovh/ovh_cloud.py": "report = {'status': 1}\nline = f\"{report[\"status\"]}\"\n",
            }
        ),
        # A template named .py outside any template folder (a server renders an agent's
        # stager from it): its syntax error is a line holding one statement tag.
        Example(
            {
                "app/data/stagers/http.py": "import random\n\n{% include 'common/aes.py' %}\n"
                "class Stage:\n    key = '{{ staging_key }}'\n",
                "app/data/stagers/smb.py": "x = 1\n  {%- if debug %}\nprint(x)\n{% endif %}\n",
            }
        ),
        # Mako templates named .py (tvb-root's rateML `tmpl8_python.py` and
        # `tmpl8_driver.py`, rendered with `Template(filename=...)`): a `${name}` placeholder
        # in a file of `% for` ... `% endfor` lines, or a control line where Python stops.
        Example(
            {
                "app/rateml/tmpl8_python.py": "import numpy\n\n\nclass ${modelname}(Model):\n"
                "    %for const in consts:\n        ${const.name} = ${const.value}\n    %endfor\n",
                "app/rateml/tmpl8_driver.py": "def setup(xml):\n    params = []\n    % for p in range(len(xml.parameters)):\n"
                "    params.append(${p})\n    % endfor\n    return params\n",
                "app/rateml/tmpl8_bounds.py": "bounds = {}\n% if limits:\nbounds = ${limits}\n% else:\nbounds = None\n% endif\n",
            }
        ),
        # An IDE's file templates (PyCharm's ``.idea/fileTemplates/``): the editor's
        # settings, not discovered (like ``.venv``).
        Example({".idea/fileTemplates/Nox Pipeline.py": "import nox\n\ndef ${NAME}(session):\n    pass\n"}),
        # Syntax of the project's target, newer than the interpreter running ssotlint.
        Example(
            {"app/types.py": "type UserId = int\nclass Box[T]:\n    item: T\n"},
            config='target-version = "py312"\n',
        ),
        # Syntax the project's oldest Python accepts (an assignment expression under 3.8);
        # newer syntax in a module every import loads only from that version on, or whose
        # name says the version, or whose nested project's linter is told it (ruff's
        # target-version: the packaging's floor is left behind); and any syntax the running
        # interpreter accepts when the project says no oldest Python.
        Example(
            {
                "app/__init__.py": "import sys\n\nif sys.version_info >= (3, 10):\n    from app._route310 import route\n",
                "app/_route310.py": "def route(event):\n    match event:\n        case 'a':\n            return 1\n",
                "app/walrus.py": "def first(items):\n    if (n := len(items)):\n        return n\n",
                "tests/test_route_py310.py": "def test_route():\n    match 1:\n        case 1:\n            pass\n",
                "svc/pyproject.toml": (
                    '[project]\nname = "svc"\nrequires-python = ">=3.8"\n\n[tool.ruff]\ntarget-version = "py310"\n'
                ),
                "svc/handler.py": "def handle(event):\n    match event:\n        case _:\n            return 0\n",
            },
            config='target-version = "py38"\n',
        ),
        Example({"app/route.py": "def route(event):\n    match event:\n        case 'a':\n            return 1\n"}),
        # Test data: the inputs of a code checker's tests, broken on purpose. In the test
        # tree, collected by no test runner, no script, imported by nothing (but other data).
        Example(
            {
                "tests/__init__.py": "",
                "tests/test_checker.py": "def test_syntax():\n    assert open('tests/functional/bad_syntax.py').read()\n",
                "tests/functional/bad_syntax.py": "def f(:\n    pass\n",
                "tests/functional/uses_bad.py": "from tests.functional import bad_syntax\nprint 'python 2'\n",
            }
        ),
        # Pseudo-code in a documentation listing (code elided with `...`), a listing for an
        # asyncio REPL (`await` at its top level, odmantic's `docs/examples_src/`), and a
        # configuration file in a Python-like syntax whose header says it is not Python.
        Example(
            {
                "docs/source/extending/template.py": "@overload(myfunc)\ndef jit_myfunc(arg0, arg1, ...):\n    return impl\n",
                "docs/examples_src/engine/fetch.py": "from app import engine\n\nasync for user in engine.find(User):\n"
                "    print(user)\nawait engine.save(user)\n",
                "app/etc/geomap/config.py": (
                    "# Warning: Despite the name, this file is NOT a Python file.\n\n"
                    "def variant(normal, \"Map\"):\n    template_file(popup, \"popup.html\")\n"
                ),
            }
        ),
        # A notebook kept as a Python file by jupytext, whose cells run IPython's magics and
        # shell escapes (pathway's `docs/.../.live_data_jupyter/article.py`): IPython's
        # source, in a header-declared notebook or a `# %%` percent-format one.
        Example(_jupytext_notebook("%%capture --no-display\n!wget -nc https://example.org/ticker.csv\n")),
        Example({"examples/plot.py": "# %%\nimport math\n\n# %%\n%matplotlib inline\nprint(math.pi)\n"}),
        # The body of a function its host wraps it in (Zope's "Script (Python)", Plone's
        # skin scripts): `##bind` and `##parameters=` lines, then a top-level `return`.
        Example(
            {
                "src/app/skins/app_scripts/title_or_id.py": (
                    '## Script (Python) "title_or_id"\n##bind container=container\n##bind context=context\n'
                    "##parameters=obj=None\n##title=\n\nreturn (obj or context).Title()\n"
                ),
            }
        ),
        # Modules that only imports under a check for a newer Python load (a test module
        # beside its importer, run with its folder on sys.path; an implementation chosen in
        # the `else` of `< (3, 12)`): written for that Python, not judged by an older one.
        Example(
            {
                "utest/__init__.py": "",
                "utest/running/__init__.py": "",
                "utest/running/_test_alias.py": "import unittest\n\ntype Alias = int\n\n\nclass TestAlias(unittest.TestCase):\n    pass\n",
                "utest/running/test_alias.py": "import sys\n\nif sys.version_info >= (3, 12):\n    from _test_alias import TestAlias\n",
                "app/__init__.py": (
                    "import sys\n\nif sys.version_info < (3, 12):\n    from app._compat import run\n"
                    "else:\n    from app._impl312 import run\n"
                ),
                "app/_compat.py": "def run():\n    pass\n",
                "app/_impl312.py": "type Runner = int\n\n\ndef run():\n    pass\n",
            }
        ),
        # A compiler's test inputs: a test folder whose Cython sources outnumber its `.py`
        # files (Cython's tests/run/), each compiled by Cython, even a collected-looking
        # `test_*.py`: written for that compiler, not for the interpreter.
        Example(
            {
                "tests/run/cdef_class.pyx": "cdef class A:\n    pass\n",
                "tests/run/fused.pyx": "ctypedef fused T:\n    int\n",
                "tests/run/memview.pyx": "cdef int[:] view\n",
                "tests/run/test_patma.py": "# cython: language_level=3\nimport cython\nmatch 0:\n    case +0:\n        pass\n",
                "tests/run/pure_mode.py": "import cython\n@cython.cfunc\ndef f(x: cython.int) -> cython.int:\n    return x +\n",
            }
        ),
        # A nested project's own target (a monorepo's service) judges the files below it.
        Example(
            {
                "server/pyproject.toml": '[project]\nname = "server"\nrequires-python = ">=3.12"\n',
                "server/app/types.py": "type UserId = int\n",
            }
        ),
    ),
    invalid=(
        # ... but a file read to be run (`exec(open(...).read())`) is code.
        Example(
            {
                "version.py": '"""Auto-generated."""\napp/core.py:{run, stop}\n',
                "setup.py": "exec(open('version.py').read())\n",
                "app/__init__.py": "",
            },
            expect=(("version.py", 2),),
        ),
        # The same parser imported also without the check: Python 3 loads it, and fails.
        Example(_per_python_parsers({"app/tool.py": "from app.py2 import parser\n"}), expect=(("app/py2/parser.py", 3),)),
        Example({"app/bad.py": "def f(:\n    pass\n"}, expect=(("app/bad.py", 1),)),
        # In such a notebook a line that is no magic is Python, and its error is reported;
        # so is a magic in a file no jupytext header or cell marker declares a notebook.
        Example(_jupytext_notebook("def f(:\n    pass\n"), expect=(("docs/live/article.py", 14),)),
        Example({"app/fetch.py": "import os\n\n!wget -nc https://example.org/ticker.csv\n"}, expect=(("app/fetch.py", 3),)),
        # The same name outside the test tree is product code that does not compile; and in
        # the test tree, a name that only mentions the error later says nothing of it.
        Example({"app/syntax_error.py": "1syntax_error\n"}, expect=(("app/syntax_error.py", 1),)),
        Example({"tests/test_check_syntax_errors.py": "def test_it(:\n    pass\n"}, expect=(("tests/test_check_syntax_errors.py", 1),)),
        # ... and so is one that a test imports by statement: that test fails to collect.
        Example(
            {
                "tests/__init__.py": "",
                "tests/syntax_error.py": "1syntax_error\n",
                "tests/test_loader.py": "from tests import syntax_error\n\n\ndef test_it():\n    assert syntax_error\n",
            },
            expect=(("tests/syntax_error.py", 1),),
        ),
        Example({"app/indent.py": "if True:\nx = 1\n"}, expect=(("app/indent.py", 2),)),
        # `##` section comments are no host's header, and a `##parameters=` line after the
        # first statement opens nothing: a top-level `return` there is a module's error.
        Example(
            {
                "app/sections.py": "## Helpers\n## --------\n\nreturn 1\n",
                "app/late.py": "x = 1\n##parameters=obj\nreturn x\n",
            },
            expect=(("app/late.py", 3), ("app/sections.py", 4)),
        ),
        # Another code's noqa, or E999 on another line, says nothing of the error.
        Example(
            {"app/noqa.py": "import os  # noqa: E999\n\n123 foo  # noqa: E501\n"},
            expect=(("app/noqa.py", 3),),
        ),
        Example({"app/py2.py": "x = 1\nprint 'hello'\n"}, expect=(("app/py2.py", 2),)),
        # A prompt pasted into a module, or a single one: no transcript.
        Example(
            {"app/pasted.py": "import os\n>>> os.sep\n>>> os.name\n", "app/one.py": "In [1]: import os\n"},
            expect=(("app/pasted.py", 2), ("app/one.py", 1)),
        ),
        # In a Python 2 project, a script whose shebang names python3 is Python 3, and a
        # merge-conflict marker breaks Python 2 too; a declared Python 3 target wins over a
        # root script's `python2` shebang.
        Example(
            {
                "Server.py": "#!/usr/bin/env python2\nimport app\n",
                "app/__init__.py": "print 'x'\n",
                "tools/new.py": "#!/usr/bin/env python3\nprint 'x'\n",
                "app/merge.py": "x = 1\n<<<<<<< HEAD\ny = 2\n=======\ny = 3\n>>>>>>> b\n",
            },
            expect=(("tools/new.py", 2), ("app/merge.py", 2)),
        ),
        Example(
            {"Server.py": "#!/usr/bin/env python2\nimport app\n", "app/__init__.py": "print 'x'\n"},
            config='target-version = "py38"',
            expect=(("app/__init__.py", 1),),
        ),
        # Errors CPython's compiler raises after parsing: the import fails all the same
        # (a return or await outside a function, break outside a loop, nonlocal at module level).
        Example(
            {
                "app/__init__.py": "",
                "app/setup_db.py": "import sys\nif not sys.argv:\n    return\n",
                "app/client.py": "import asyncio\n\nasync with asyncio.timeout(1):\n    pass\n",
                "app/loop.py": "def f():\n    for x in []:\n        pass\n    else:\n        break\n",
                "app/scope.py": "x = 1\nnonlocal x\n",
            },
            expect=(("app/setup_db.py", 3), ("app/client.py", 3), ("app/loop.py", 5), ("app/scope.py", 2)),
        ),
        # A placeholder left in a module (its path is not a template) is a real error, and so
        # is a statement tag inside a line of code.
        Example(
            {"app/render.py": "x = 1\nNAME = {{ name }}x\n", "app/format.py": "from app.{backend} import run\n"},
            expect=(("app/render.py", 2), ("app/format.py", 1)),
        ),
        Example({"app/tag.py": "x = 1\ny = {% if a %}1{% endif %}\n"}, expect=(("app/tag.py", 2),)),
        # One finding for the broken module, naming its importers; none for them.
        Example(
            {
                "app/__init__.py": "",
                "app/models.py": "class User(:\n    pass\n",
                "app/views.py": "from app.models import User\n",
                "app/admin.py": "from app import models\n",
            },
            expect=(("app/models.py", 1),),
        ),
        # In the test tree, but code: a module a test imports, a script (a ``__main__``
        # block, or a Python shebang: a program a test runs), a collected test.
        Example(
            {
                "tests/__init__.py": "",
                "tests/test_views.py": "from tests import helpers\n",
                "tests/helpers.py": "def login(:\n    pass\n",
                "tests/run_all.py": "import sys\nprint 'running'\nif __name__ == '__main__':\n    sys.exit(0)\n",
                "tests/ticker.py": "#!/usr/bin/env python\nimport time\nprint 'tick'\n",
                "tests/test_broken.py": "def test_a(:\n    pass\n",
            },
            expect=(
                ("tests/helpers.py", 1), ("tests/run_all.py", 2), ("tests/ticker.py", 3), ("tests/test_broken.py", 1),
            ),
        ),
        # A test folder with a few extensions among more `.py` files holds modules; and a
        # file of a compiler-input folder that running code imports is code.
        Example(
            {
                "tests/test_speedups.py": "def test_a(:\n    pass\n",
                "tests/test_other.py": "x = 1\n",
                "tests/_speedups.pyx": "cdef int x\n",
                "tests/run/a.pyx": "cdef int x\n",
                "tests/run/b.pyx": "cdef int y\n",
                "tests/run/helper.py": "def f(:\n    pass\n",
                "runtests.py": "import sys\nsys.path.insert(0, 'tests/run')\nfrom tests.run import helper\n",
            },
            expect=(("tests/test_speedups.py", 1), ("tests/run/helper.py", 1)),
        ),
        # A folder's Dockerfile on an older Python (the oldest stage's) keeps the interpreter's verdict.
        Example(
            {
                "analyzers/old/Dockerfile": "FROM python:3-slim AS build\nFROM python:3.9-slim\n",
                "analyzers/old/run.py": "report = {'status': 1}\nline = f\"{report[\"status\"]}\"\n",
            },
            expect=(("analyzers/old/run.py", 2),),
        ),
        # Elided code outside documentation is broken code; Python 2 in a docs script is
        # stale, not pseudo-code; "not Python 2 compatible" is about a version.
        Example(
            {
                "app/__init__.py": "",
                "app/handlers.py": "def handle(request, ...):\n    pass\n",
                "docs/coversizing.py": "width = 1\nprint 'spine width', width\n",
                "app/legacy.py": "# This module is not Python 2 compatible.\nhost = \"db\" port\n",
            },
            expect=(("app/handlers.py", 1), ("docs/coversizing.py", 2), ("app/legacy.py", 2)),
        ),
        # A module some import loads without a version check, or under a check for a Python
        # the running one is not older than, is judged.
        Example(
            {
                "app/__init__.py": "import sys\n\nif sys.version_info >= (3, 99):\n    from app._impl399 import run\n",
                "app/cli.py": "from app._impl399 import run\n",
                "app/_impl399.py": "def run(:\n    pass\n",
                "app/loader.py": "import sys\n\nif sys.version_info >= (3, 8):\n    from app import _old\n",
                "app/_old.py": "def old(:\n    pass\n",
            },
            expect=(("app/_impl399.py", 1), ("app/_old.py", 1)),
        ),
        # Test data checked all the same when the project asks for it.
        Example(
            {"tests/__init__.py": "", "tests/functional/bad_syntax.py": "def f(:\n    pass\n"},
            expect=(("tests/functional/bad_syntax.py", 1),),
            config="skip-test-data = false\n",
        ),
        # Syntax newer than the oldest Python the project supports: a `match` statement
        # (3.10) under 3.8, and a subscript with a starred expression (3.11), which CPython's
        # parser does not check for an older version, under 3.10 in a nested project.
        Example(
            {
                "app/__init__.py": "",
                "app/route.py": "def route(event):\n    match event:\n        case 'a':\n            return 1\n",
                "lib/pyproject.toml": '[project]\nname = "lib"\nrequires-python = ">=3.10"\n',
                "lib/grid.py": "def cell(grid, index):\n    return grid[*index]\n",
            },
            expect=(("app/route.py", 2), ("lib/grid.py", 2)),
            config='target-version = "py38"\n',
        ),
        # ... a parenthesised `with` (3.9), in a module a check for 3.8 loads.
        Example(
            {
                "app/__init__.py": "import sys\n\nif sys.version_info >= (3, 8):\n    from app import copy\n",
                "app/copy.py": "def copy(a, b):\n    with (open(a) as src, open(b, 'w') as dst):\n        dst.write(src.read())\n",
            },
            expect=(("app/copy.py", 2),),
            config='target-version = "py38"\n',
        ),
    ),
)
