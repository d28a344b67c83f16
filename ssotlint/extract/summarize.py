"""Bytes of one file -> :class:`FileSummary`. Pure: no file system, no rules.

Order of work, and why:
1. Decode per PEP 263. Undecodable bytes are an SSOT000 finding, as they are an import error
   (unless the interpreter accepts them anyway: CPython 3.11 skips the bytes of comments).
2. CPython's parser (``compile(..., PyCF_ONLY_AST)``) decides whether the file is valid
   Python: its verdict is what the interpreter says at import time, it answers in
   milliseconds on inputs that hang or crash LibCST, and its tree gives exact positions.
   Its compiler then compiles that tree (not the text again): what it refuses (``return``
   outside a function, ``break`` outside a loop) fails at import time too.
3. LibCST parses the file and a statement-only walk extracts the facts.
4. Where LibCST rejects a file the interpreter accepts, the same facts come from the
   ``ast`` tree, with a note saying so.
5. Where the interpreter rejects a file but the project targets a newer Python than the one
   running (``target``), LibCST's parser for that version gives the verdict instead, and the
   facts and positions come from its tree alone. When that parser fails (a bug of its own,
   not a syntax error: LibCST 1.9 on implicitly concatenated t-strings), the file is not
   judged, and its facts come from the statements the interpreter parses (``unjudged``).
"""

from __future__ import annotations

import ast
import re
import sys
import warnings

from ssotlint.extract import source
from ssotlint.extract.ast_walk import (
    dotted,
    AstWalker,
    class_annotations,
    class_tags,
    class_decorators,
    class_factory_bases,
    class_model_options,
    class_registrations,
    class_shapes,
    class_statements,
    class_copied_from,
    class_texts,
    class_placeholders,
    class_unimplemented,
    class_values,
    split_lines,
    statement_positions,
    walrus_bindings,
)
from ssotlint.extract.bodies import (
    class_bodies, class_instances, class_nestings, class_reads, function_digests, value_digests,
)
from ssotlint.extract.deprecation import deprecated_classes
from ssotlint.extract.generated import (
    generated_from, forbids_edits, is_generated, is_scaffolded, notebook_magic, says_not_python, session_transcript,
)
from ssotlint.extract.older_syntax import older_syntax
from ssotlint.extract.writes import ends_block, written_under
from ssotlint.extract.tool_config import injected_config
from ssotlint.extract.dynamic import (
    attribute_reads,
    class_attribute_reads,
    deep_class_reads,
    local_module_reads,
    attribute_sets,
    attribute_writes,
    computed_sets,
    definer_writers,
    dotted_reads,
    entered_writes,
    forwards_to_module,
    argument_fills,
    getattr_decorated,
    getattr_installers,
    module_fillers,
    hook_installers,
    finder_names,
    handing_calls,
    called_at_import,
    loader_writes,
    module_writers,
    name_calls,
    own_name_calls,
    planted_modules,
    replaced_by_other,
    public_bindings,
    with_callees,
)
from ssotlint.extract.builder import SummaryBuilder
from ssotlint.extract.registering import class_partners, module_decorators
from ssotlint.extract.annotated import annotated_aliases, declared_only
from ssotlint.extract.lazy_getattr import closed_getattr_names
from ssotlint.extract.upstream import derived_address, skips_linters, upstream_address
from ssotlint.extract.binding_lines import binding_lines, branch_bindings
from ssotlint.extract.python3_syntax import python_facts
from ssotlint.extract.name_loads import (
    dotted_class_paths,
    import_alternatives,
    loaded_by_name,
    names_read_off_loaded,
    inherits_history,
    sets_names_on_loaded,
)
from ssotlint.extract.annotation_names import annotation_names
from ssotlint.extract.app_guards import app_guarded_lines, guard_app_imports
from ssotlint.extract.data_paths import named_folders
from ssotlint.extract.summary import CTX_TYPE_CHECKING, FileSummary, ParseProblem
from ssotlint.extract.uses import import_facts, import_mentions, module_level_bindings
from ssotlint.extract.flags import checking_flags, flag_imports
from ssotlint.extract.syspath import sys_path_facts
from ssotlint.extract.package_path import path_folders
from ssotlint.extract.rebinding import redefined_reads
from ssotlint.extract.relocation import relocations
from ssotlint.extract.module_exec import execs_at_module_level
from ssotlint.extract.declared import declared_names
from ssotlint.extract.django_apps import installed_apps
from ssotlint.extract.call_shapes import call_shapes
from ssotlint.extract.spelling import module_respelling, object_based
from ssotlint.extract.collect_ignores import collect_ignores
from ssotlint.extract.module_self import module_self_attributes
from ssotlint.extract.named import self_named
from ssotlint.extract.inline_script import script_dependencies
from ssotlint.extract.version_imports import legacy_imports, version_flags, version_imports
from ssotlint.extract.writes import (
    dead_imports,
    function_signatures,
    package_only_imports,
    runs_both_ways,
    read_files,
    source_copied,
    unasync_rules,
    usage_list,
    written_files,
)

_DYNAMIC_NAMES = re.compile(
    # globals()[k] = v (a write: ``return globals()[name]`` reads, see _NAMESPACE_LOOKUPS)
    r"globals\(\)\s*(?:\[.*\]\s*=(?!=)|\.update\b|\.setdefault\b)"
    r"|=\s*globals\(\)\s*$"  # d = globals(), then d[k] = v
    # Replaces a module by a computed name (``sys.modules[__name__] = ...``); a literal name
    # (``sys.modules['ZODB.TimeStamp'] = ...``) plants that module (``planted_modules``).
    r"|\b_*sys_*\.modules\[(?!\s*['\"])[^\]\n]+\]\s*=(?!=)"
    r"|\bglobal_enum\b"  # enum.global_enum copies members into the module
    r"|^exec\s*\("  # module-level exec(source): binds whatever the source defines
    r"|\bexec\s*\(.*\bglobals\(\)"  # exec(source, globals()) anywhere
    # locals()[k] = v and vars()[k] = v (the module's namespace at module level: pomegranate's
    # copy of nose.tools binds an ``assert_*`` per unittest method, ``vars()[pep8(n)] = ...``)
    r"|^\s*(?:locals|vars)\(\)\[[^\]\n]+\]\s*=(?!=)"
    # A module-level call (unindented) handed ``locals()``, which is the module's namespace
    # there: mayavi's ``_make_functions(locals())`` binds a factory for each registered filter.
    r"|^[A-Za-z_][\w.]*\((?:[^()\n]*,\s*)?(?:\w+\s*=\s*)?locals\(\)\s*[,)]"
    # The module's namespace handed to a function that fills it: f(..., namespace=globals()),
    # f(sys.modules[__name__]), f(find_current_module()).
    r"|[(,]\s*(?:\w+\s*=\s*)?(?:globals\(\)|vars\(\)|\b_*sys_*\.modules\[__name__\]|\w*current_module\(\))\s*[,)]"
    # The module bound to a name, then given attributes of computed names:
    # module = sys.modules[__name__]; for ...: setattr(module, f"pre_{action}", Signal()),
    # with ``sys`` perhaps imported under a private alias (``import sys as _sys``); at the
    # module's level or in a function it calls (dgl's ``_load_backend``, which copies every
    # name of the chosen backend's module onto ``dgl.nn``).
    r"|^[ \t]*(\w+)\s*=\s*_*sys_*\.modules\[__name__\]\s*$[\s\S]*?\bsetattr\(\s*\1\s*,(?!\s*[\"'][^\"'{]*[\"']\s*,)",
    re.MULTILINE,
)

# Words one of which every match of ``_DYNAMIC_NAMES`` holds: most files have none, and
# looking for them costs far less than the pattern.
_DYNAMIC_WORDS = ("globals", "modules", "global_enum", "exec", "locals", "vars", "current_module")

# What may put modules into ``sys.modules`` under names no import statement shows, beside
# binding names: a write under a computed key (``sys.modules[__name__ + ".path"] = ...``),
# ``sys.modules.update(...)``, the module replaced by an object that is not built by a call
# here (``sys.modules[__name__] = other_package``: its submodules are that package's; see
# :func:`~ssotlint.extract.dynamic.replaced_by_other`), or source run by ``exec``. A module replaced by an instance it builds of its own module type
# (deepchecks' ``sys.modules[__name__] = _SubstituteModule(__name__)``, its ``__dict__``
# copied) keeps its own ``__path__``: a submodule missing from its folder stays missing.
_MAY_PLANT = re.compile(
    r"\b_*sys_*\.modules\[(?!\s*['\"])(?!\s*__name__\s*\])[^\]\n]+\]\s*=(?!=)"
    r"|\b_*sys_*\.modules\.(?:update|setdefault)\b"
    r"|^exec\s*\("
    r"|\bexec\s*\(.*\bglobals\(\)",
    re.MULTILINE,
)

# A module's code reading its own namespace by a computed name: ``globals()[...]`` and
# ``globals().get(...)``, ``vars()`` alike (module level, or a name built at run time), and
# the module object itself (``sys.modules[__name__]``, read with ``getattr``).
_NAMESPACE_LOOKUPS = re.compile(
    r"\bglobals\(\)\s*(?:\[|\.get\b)"
    r"|\bvars\(\)\s*(?:\[|\.get\b)"
)
_MODULE_OBJECT = re.compile(r"\b_*sys_*\.modules\[\s*__name__\s*\]")
# A use of the module object (or of a local name bound to it) that reads no name by a
# computed key: ``setattr(obj, ...)`` writes one, ``obj.name`` reads a literal attribute.
_WRITTEN_ONTO = re.compile(r"\bsetattr\(\s*$")
_LITERAL_ATTRIBUTE = re.compile(r"\s*\.(?!__dict__\b)[A-Za-z_]")
_BOUND_TO = re.compile(r"^[ \t]*([A-Za-z_]\w*)\s*=\s*$")


def _reads_nothing_computed(text: str, start: int, end: int) -> bool:
    """Whether the use of the module object at ``text[start:end]`` writes a name onto it
    or reads a literal attribute of it."""
    if _LITERAL_ATTRIBUTE.match(text, end):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    return _WRITTEN_ONTO.search(text, line_start, start) is not None and text[end:].lstrip().startswith(",")


def namespace_lookups(text: str) -> bool:
    """Whether the module reads its own namespace by a computed name: ``globals()[...]``,
    ``vars().get(...)``, or its module object ``sys.modules[__name__]`` used otherwise
    than to write names onto it or read literal attributes (bs4's
    ``register_treebuilders_from``: ``this_module = sys.modules[__name__]``, then
    ``setattr(this_module, name, obj)`` and ``this_module.builder_registry.register(obj)``:
    no definition is looked up by a computed name)."""
    if _NAMESPACE_LOOKUPS.search(text):
        return True
    if "__name__" not in text:
        return False
    for m in _MODULE_OBJECT.finditer(text):
        if _reads_nothing_computed(text, m.start(), m.end()):
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        bound = _BOUND_TO.match(text[line_start : m.start()])
        line_end = text.find("\n", m.end())
        rest = text[m.end() : len(text) if line_end < 0 else line_end]
        if bound is None or rest.split("#", 1)[0].strip():
            return True  # read, passed on, or replaced
        # ``this = sys.modules[__name__]``: every other mention of ``this`` decides.
        for use in re.finditer(rf"(?<![\w.]){re.escape(bound.group(1))}\b", text):
            if use.start() != line_start + bound.start(1) and not _reads_nothing_computed(text, use.start(), use.end()):
                return True
    return False

_EXTENDS_PATH = re.compile(
    # __path__ = extend_path(...), += [...]; indented too: under an `if` or a loop over
    # the plugin folders an environment variable names (pyscf's PYSCF_EXT_PATH)
    r"^[ \t]*__path__\s*(?:\+?=|\.(?:append|extend|insert)\b)"
    r"|\bdeclare_namespace\s*\(",  # pkg_resources.declare_namespace(__name__)
    re.MULTILINE,
)

# ``if __name__ == "__main__":`` (either way round, perhaps after other conditions joined
# by ``and``: ``if not TYPE_CHECKING and __name__ == "__main__":``) at the start of a line:
# a script.
_MAIN_GUARD = re.compile(
    r"""^if\s*(?:[^:\n#]*\sand\s+)?\(?\s*(?:__name__\s*==\s*(['"])__main__\1|(['"])__main__\2\s*==\s*__name__)\s*\)?\s*(?:and\s[^:\n#]*)?:""",
    re.MULTILINE,
)
# A Modal application built at the module's top level (``app = modal.App("qwen2_5_omni")``),
# or its local entry point (``@app.local_entrypoint()``): a program ``modal run`` / ``modal
# serve`` runs in a container image of its own, as a ``__main__`` block marks one.
_MODAL_APP = re.compile(r"^(?:\w+\s*=\s*modal\.(?:App|Stub)\(|@\w+\.local_entrypoint\()", re.MULTILINE)

# A first line that runs the file with Python (``#!/usr/bin/env python``, ``#! /usr/bin/python2.7``,
# ``#!/usr/bin/env -S uv run python``, PyPy's): a script meant to be run, guard or not.
_PYTHON_SHEBANG = re.compile(r"\A(?:\ufeff)?#![^\n]*\b(?:python|pypy)[\d.]*\b")
# The major version a Python shebang names: ``python2``, ``python2.7``, ``pypy3``.
# (also an interpreter built in a folder named by its version: `#!/sdk/Python-2.4.1/PCbuild/python`)
_SHEBANG_MAJOR = re.compile(r"\A(?:\ufeff)?#![^\n]*\b(?:python|pypy)-?([23])(?:\.\d+)*\b", re.IGNORECASE)


def shebang_major(text: str) -> int:
    """The major version the file's Python shebang names, 0 when none."""
    match = _SHEBANG_MAJOR.match(text)
    return int(match.group(1)) if match else 0

_RUNNING = "%d.%d" % sys.version_info[:2]

LONG_LINE = 20_000  # characters: real code never has such lines, generated code might
# Characters past which a file is walked with CPython's ast: LibCST reads about 150 KB a
# second, so a generated 4 MB test module (manticore's per-instruction CPU tests) alone
# costs half a minute of a cold run, three times the ast engine's time for the same facts.
HUGE_FILE = 512 * 1024

_CONFLICT = re.compile(r"^(<{7}|={7}|>{7})(?: |$)", re.MULTILINE)
# Mako's control keywords, after the `%` that opens a control line: `% for x in xs:`, `%endfor`.
_MAKO_CONTROL = r"(?:(?:end)?(?:for|if|while|try|with|def)|elif|else|except|finally)\b"
# Jinja's (and Django's) statement, expression and comment markup: `{% if x %}`, `{{ name }}`;
# also with the delimiters a project may choose for Python templates, which braces would
# clash with (ploomber's scaffold: `[% if x %]`, `def [[function_name]](product):`).
# Mako's too: `${name}` expressions and `% for x in xs:` ... `% endfor` control lines
# (tvb-root's rateML `tmpl8_python.py`, rendered with `Template(filename=...)`).
# And `str.format`'s `{name}` where no set display can stand: after a dot, a word or a
# keyword that names something, or before a word (amuse's `dir_templates/__init__.py`:
# `from amuse.community.{code}.interface import {user_class}`, `class {interface_class}Tests(...)`).
_FORMAT_FIELD = r"\{[A-Za-z_]\w*\}"
_MARKUP = re.compile(
    r"\{%-?\s*\w.*?%\}|\{\{.*?\}\}|\{#.*?#\}|\[%-?\s*\w.*?%\]|\[\[\s*[A-Za-z_][\w.]*\s*\]\]|\$\{[^}\n]+\}"
    r"|^[ \t]*%[ \t]*" + _MAKO_CONTROL
    + r"|(?<=[\w.])" + _FORMAT_FIELD + r"|\b(?:class|def|import|from|as)[ \t]+" + _FORMAT_FIELD + "|" + _FORMAT_FIELD + r"(?=\w)"
)
# A line that is one statement tag and nothing else: `{% include 'common/aes.py' %}`, `{%- endif %}`, `[% endif %]`,
# `% endfor`.
_STATEMENT_LINE = re.compile(r"\s*(?:\{%-?\s*\w[^\n]*?-?%\}|\[%-?\s*\w[^\n]*?-?%\]|%[ \t]*" + _MAKO_CONTROL + r"[^\n]*)\s*")
# The same, anywhere in a file: a template's control flow.
_STATEMENT_LINES = re.compile(
    r"^[ \t]*(?:\{%-?[ \t]*\w[^\n]*?-?%\}|\[%-?[ \t]*\w[^\n]*?-?%\]|%[ \t]*" + _MAKO_CONTROL + r"[^\n]*)[ \t]*\r?$",
    re.MULTILINE,
)
# Code elided with an ellipsis, ``...`` or ``…`` (outside a comment's ``#``: a valid
# ``x = ...`` never reaches here, the line is the one the parser rejects).
_ELISION = re.compile(r"^[^#]*(?:\.\.\.|…)")


def problem_summary(
    problem: ParseProblem,
    eol: source.LineEndings,
    lines: int = 0,
    suppressions=(),
    main_guard: bool = False,
    shebang: bool = False,
    major: int = 0,
    generated: bool = False,
    regenerated: bool = False,
) -> FileSummary:
    return FileSummary(
        problem=problem,
        imports=(),
        classes=(),
        functions=(),
        assigned=(),
        aliases=(),
        all_names=None,
        has_getattr=False,
        suppressions=tuple(suppressions),
        crlf=eol.crlf,
        lone_cr=eol.lone_cr,
        first_bad_eol_line=eol.first_line,
        lines=lines,
        engine="none",
        main_guard=main_guard,
        shebang=shebang,
        shebang_major=major,
        generated=generated,
        regenerated=regenerated,
    )


# `# noqa: TC001`, `# noqa: E501, TCH002`: flake8-type-checking's and ruff's codes for an
# import that only annotations use.
_RUNTIME_NOQA = re.compile(r"#\s*noqa\s*:[^#\n]*\bTCH?\d{3}\b", re.IGNORECASE)


def runtime_noqa(text: str) -> tuple[int, ...]:
    """The lines whose ``# noqa`` names a type-checking-import code."""
    if "noqa" not in text:
        return ()
    return tuple(text.count("\n", 0, m.start()) + 1 for m in _RUNTIME_NOQA.finditer(text))


# What a comment says when an import stands where it does on purpose.
_EXPLAINING = re.compile(
    r"circular|cyclic|import cycle|sphinx|autodoc|run[- ]?time|on purpose|intentional|deliberate", re.IGNORECASE
)
_EXPLAINED_REACH = 20  # lines of one block of statements a comment above covers


def explained_imports(text: str) -> tuple[int, ...]:
    """The lines of module-level imports that a comment explains (see
    ``FileSummary.explained_imports``): the comment block directly above the block of
    statements (no blank line between) that the import belongs to."""
    if not _EXPLAINING.search(text):
        return ()
    lines = text.split("\n")
    found: list[int] = []
    for i, line in enumerate(lines):
        if not line.startswith(("import ", "from ")):
            continue
        j = i - 1
        while j >= 0 and i - j <= _EXPLAINED_REACH and lines[j].strip() and not lines[j].lstrip().startswith("#"):
            j -= 1  # up through the block's other statements
        block: list[str] = []
        while j >= 0 and lines[j].lstrip().startswith("#"):
            block.append(lines[j])
            j -= 1
        if block and _EXPLAINING.search(" ".join(block)):
            found.append(i + 1)
    return tuple(found)


# `# noqa: F811` (pyflakes' and ruff's "redefinition of unused name"), a bare `# noqa`
# (which silences F811 with every other code: modelscope's second `class AttnBlock(nn.Module):
# # noqa` in one module), and `# pylint: disable=function-redefined` (or its code, E0102):
# the author redefines the name on purpose (a tutorial's next step).
_REDEFINITION_NOQA = re.compile(
    r"#\s*noqa\s*:[^#\n]*\bF811\b|#\s*noqa\b(?!\s*:)"
    r"|#\s*pylint\s*:\s*disable\s*=[^#\n]*\b(?:function-redefined|E0102)\b",
    re.IGNORECASE,
)


def redefinition_noqa(text: str) -> tuple[int, ...]:
    """The lines whose ``# noqa`` or pylint pragma says a redefinition there is meant."""
    if "F811" not in text and "redefined" not in text and "E0102" not in text and "noqa" not in text.lower():
        return ()
    return tuple(text.count("\n", 0, m.start()) + 1 for m in _REDEFINITION_NOQA.finditer(text))


# `# type: ignore[import-not-found]` (mypy's code, `import` before mypy 1.5) and
# `# pyright: ignore[reportMissingImports]`: the project tells its type checker that the
# module an import names is missing (not `import-untyped`: a module without type hints).
_MISSING_IMPORT_IGNORE = re.compile(
    r"#\s*type:\s*ignore\[[^\]\n]*\bimport(?:-not-found)?(?![\w-])"
    r"|#\s*pyright:\s*ignore\[[^\]\n]*\breportMissingImports\b"
)


def missing_import_ignores(text: str) -> tuple[int, ...]:
    """The lines whose comment tells a type checker to ignore a missing module."""
    if "ignore[" not in text:
        return ()
    return tuple(text.count("\n", 0, m.start()) + 1 for m in _MISSING_IMPORT_IGNORE.finditer(text))


# `# noqa: E999` (flake8's and ruff's code for a syntax error), alone or among other codes.
_SYNTAX_NOQA = re.compile(r"#\s*noqa\s*:[^#\n]*\bE999\b", re.IGNORECASE)
# `# noqa: F704` (pyflakes' and ruff's code for ``yield`` or ``await`` outside a function).
_AWAIT_NOQA = re.compile(r"#\s*noqa\s*:[^#\n]*\bF704\b", re.IGNORECASE)


def _syntax_problem(exc: SyntaxError, text: str) -> ParseProblem:
    line = exc.lineno or 1
    col = max((exc.offset or 1) - 1, 0)
    message = f"{type(exc).__name__}: {exc.msg}"
    conflict = _CONFLICT.search(text)
    if conflict:
        conflict_line = text.count("\n", 0, conflict.start()) + 1
        message += f" (unresolved merge-conflict marker at line {conflict_line})"
    at = _line(text, line)
    markup = _MARKUP.search(at) is not None
    # A template: the error is one of its statement tags, or markup in a file whose lines
    # hold its control flow (``[% if extract_upstream -%]`` ... ``[% endif -%]``), which
    # no module with a placeholder left in it has.
    template = _STATEMENT_LINE.fullmatch(at.rstrip("\r")) is not None or (markup and _STATEMENT_LINES.search(text) is not None)
    return ParseProblem(
        message, line, col, "syntax", markup, _ELISION.search(at) is not None,
        says_not_python(text) or notebook_magic(text, at) or session_transcript(text),
        template, _SYNTAX_NOQA.search(at) is not None, newer=_newer_syntax(exc, at),
    )


# What a Python older than 3.12 says of an f-string that nests its own quotes, a backslash
# or a comment in a replacement field (PEP 701 lifted each), and the heads of PEP 695's
# statements (a ``type`` alias, a function or class with type parameters).
_FSTRING_ERRORS = ("f-string: unmatched", "f-string: expecting '}'", "f-string expression part cannot include")
_TYPE_PARAMETERS = re.compile(r"\s*(?:type\s+[A-Za-z_]\w*\s*(?:\[.*\])?\s*=|(?:async\s+)?def\s+\w+\s*\[|class\s+\w+\s*\[)")


def _newer_syntax(exc: SyntaxError, at: str) -> str:
    """The version from which on the construct the error is about is valid, when the
    running interpreter is older than that and the error is one of the constructs it added
    (see :data:`ParseProblem.newer`); ""."""
    if sys.version_info >= (3, 12):
        return ""
    if exc.msg.startswith(_FSTRING_ERRORS) and ("f'" in at or 'f"' in at or "F'" in at or 'F"' in at):
        return "3.12"
    if exc.msg.startswith("unterminated string literal") and _field_left_open(at):
        return "3.12"  # a replacement field that goes on on the next line (blessed's `f' Rule {`)
    if _TYPE_PARAMETERS.match(at):
        return "3.12"
    return ""


_FSTRING_START = re.compile(r"""(?<![\w'"])[rRbB]?[fF][rR]?(['"])""")


def _field_left_open(at: str) -> bool:
    """The line opens an f-string and, after it, more braces than it closes: a replacement
    field that the line leaves open, which only Python 3.12 lets go on on the next line."""
    start = _FSTRING_START.search(at)
    if start is None:
        return False
    rest = at[start.end():].replace("{{", "").replace("}}", "")
    return rest.count("{") > rest.count("}")


def _null_byte_problem(message: str, text: str) -> ParseProblem:
    nul = text.find("\0")
    line = text.count("\n", 0, nul) + 1 if nul >= 0 else 1
    return ParseProblem(message, line, 0, "syntax")


def _interpreter_decodes_bytes(data: bytes) -> bool:
    """CPython (3.11 at least) reads a file whose undecodable bytes are all in comments;
    asked only when decoding fails, so its verdict, not ours, decides SSOT000. A file it
    rejects for its syntax before any decoding trouble (golismero's Python 2 modules, a
    Latin-1 name in a comment under a ``utf-8`` cookie) is judged by that syntax error,
    which the rest of SSOT000 reads (a Python 2 project's code is not reported)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compile(data, "<ssotlint>", "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
    except SyntaxError as exc:
        return not _DECODING_ERROR.search(str(exc.msg))
    except (ValueError, RecursionError, MemoryError):
        return False
    return True


# What CPython says when it cannot decode a file: a literal's bytes, a cookie it does not know.
_DECODING_ERROR = re.compile(r"codec can't decode|unicode error|Non-UTF-8 code|unknown encoding|encoding problem", re.IGNORECASE)


def python_ast(text: str) -> ast.Module | ParseProblem:
    """The interpreter's verdict: its syntax tree, or why it rejects the text."""
    try:
        with warnings.catch_warnings():
            # Invalid escapes and the like warn at parse time: never print them, and never
            # let -W error / PYTHONWARNINGS=error turn a valid file into an SSOT000.
            warnings.simplefilter("ignore")
            return compile(text, "<ssotlint>", "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
    except SyntaxError as exc:
        if exc.lineno is None and "\0" in text:  # 3.11.4+: null bytes, without a position
            return _null_byte_problem(f"SyntaxError: {exc.msg}", text)
        return _syntax_problem(exc, text)
    except ValueError as exc:  # before 3.11.4: "source code string cannot contain null bytes"
        return _null_byte_problem(f"SyntaxError: {exc}", text)
    except (RecursionError, MemoryError):
        return ParseProblem(
            "too deeply nested for the interpreter's parser (it fails to compile this file)",
            1,
            0,
            "too-complex",
        )


def compile_problem(tree: ast.Module, text: str) -> ParseProblem | None:
    """Why CPython's compiler refuses a tree its parser accepts: ``return`` or ``yield``
    outside a function, ``await`` or ``async with`` outside an async function, ``break``
    outside a loop, ``nonlocal`` at module level, a ``from __future__`` import after other
    statements ... The interpreter raises these SyntaxErrors when it imports the file, as
    it does a parse error. Compiling the tree the parser gave costs a fraction of parsing
    it (about a fifth, on the standard library) and answers as the interpreter does; the
    tree itself is left as it is."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compile(tree, "<ssotlint>", "exec", dont_inherit=True)
    except SyntaxError as exc:
        problem = _syntax_problem(exc, text)
        awaited = _awaits_at_top_level(tree)
        # A top-level ``await`` whose line tells the linter it is meant (``# noqa: F704``):
        # code an async runner executes (pydantic-core's ``wasm-preview/run_tests.py``, run
        # by Pyodide's ``runPythonAsync``), as ``# noqa: E999`` marks a syntax error meant.
        meant = problem.meant or (awaited and _AWAIT_NOQA.search(_line(text, problem.line)) is not None)
        return problem._replace(awaited=awaited, meant=meant)
    except (RecursionError, MemoryError, ValueError, TypeError):
        return None  # the parse was the interpreter's verdict; nothing more is known
    return None


def _line(text: str, line: int) -> str:
    """The text of line ``line`` (1-based), "" past the end."""
    lines = text.split("\n", line)
    return lines[line - 1] if len(lines) >= line else ""


def _awaits_at_top_level(tree: ast.Module) -> bool:
    """Whether the compiler accepts the tree once ``await``, ``async for`` and ``async
    with`` may stand at the top level: code for an asyncio REPL (``python -m asyncio``)
    or a notebook cell, not a module."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compile(tree, "<ssotlint>", "exec", ast.PyCF_ALLOW_TOP_LEVEL_AWAIT, dont_inherit=True)
    except (SyntaxError, RecursionError, MemoryError, ValueError, TypeError):
        return False
    return True


def summarize(data: bytes, use_libcst: bool = True, note: str = "", target: str | None = None) -> FileSummary:
    """The summary of one file. ``target``: a Python version newer than the running
    interpreter (``"3.12"``, one LibCST knows) that judges the files the interpreter rejects."""
    eol = source.line_endings(data)
    try:
        text = source.decode(data)
    except source.DecodeError as exc:
        if not _interpreter_decodes_bytes(data):
            return problem_summary(ParseProblem(f"cannot decode: {exc}", exc.line, 0, "decode"), eol)
        text = source.decode_lenient(data)
    lines = source.count_lines(text)
    suppressions = source.suppressions(text)
    tree = python_ast(text)
    parsed = not isinstance(tree, ParseProblem)
    if parsed:
        # A tree the compiler refuses: no newer Python compiles it either, LibCST is not asked.
        tree = compile_problem(tree, text) or tree
    if isinstance(tree, ParseProblem):
        # Only LibCST knows a newer grammar: it judges these files whichever engine was
        # chosen, except on the retry of a file that already defeated LibCST (a ``note``).
        if target is not None and not note and not parsed and tree.kind == "syntax":
            builder, failure, lowered = _target_facts(text, target)
            if builder is not None:
                facts = _facts(text, eol, lines, suppressions)
                if lowered is not None:  # how it uses its imports, as for any file (extract/lowered.py)
                    facts = _module_facts(facts, *lowered)
                    _with_tree_facts(builder, *lowered, _dead(facts))
                return builder.build(engine="libcst", note="", **facts)
            if failure:
                return _unjudged(text, target, failure, eol, lines, suppressions)
        if target is None and not note and tree.newer and _valid_for(text, tree.newer):
            tree = tree._replace(newer_valid=True)
        return problem_summary(
            tree,
            eol,
            lines,
            suppressions,
            _MAIN_GUARD.search(text) is not None,
            _PYTHON_SHEBANG.match(text) is not None,
            shebang_major(text),
            *_generated(text),  # a generator's output that does not parse may be test data
        )

    facts = _module_facts(_facts(text, eol, lines, suppressions), tree, text)
    if use_libcst and len(text) > HUGE_FILE:
        use_libcst = False
        note = f"{len(text):,} characters; analysed with CPython's ast"
    if use_libcst and len(text) > LONG_LINE:
        longest = max(map(len, text.split("\n")))
        if longest > LONG_LINE:
            # LibCST takes minutes on huge one-line expressions; the interpreter's tree has
            # every fact we need, so don't even try.
            use_libcst = False
            note = f"a {longest:,}-character line; analysed with CPython's ast"
    if use_libcst:
        builder, failure = _libcst_facts(text, tree)
        if builder is not None:
            _with_tree_facts(builder, tree, text, _dead(facts))
            return builder.build(engine="libcst", note=note, **facts)
        note = failure
    builder = SummaryBuilder(text)
    AstWalker(builder).walk(tree.body)
    _with_tree_facts(builder, tree, text, _dead(facts))
    return builder.build(engine="ast", note=note, **facts)


def _module_facts(facts: dict[str, object], tree: ast.Module, text: str) -> dict[str, object]:
    """The text's ``facts`` with :func:`_tree_facts`, and whether the module binds names no
    statement shows."""
    facts = facts | _tree_facts(tree, text)
    if facts["dynamic_names"] or facts["plants_modules"]:
        facts |= _beyond_loaders(facts, tree, text)
    if not facts["plants_modules"] and replaced_by_other(tree, text):
        facts["plants_modules"] = True
    if not facts["plants_modules"] and execs_at_module_level(tree, text):
        # an indented exec(source) of import-time code (extract/module_exec.py)
        facts["dynamic_names"] = facts["plants_modules"] = True
    if not facts["plants_modules"] and forwards_to_module(tree):
        # a shim serving another module's names (`moved("pkg.new")`)
        facts["dynamic_names"] = facts["plants_modules"] = True
    return facts


def _beyond_loaders(facts: dict[str, object], tree: ast.Module, text: str) -> dict[str, object]:
    """``dynamic_names`` and ``plants_modules`` again, without the writes of a loader that
    puts a module into ``sys.modules`` under the name its caller gives
    (:func:`~ssotlint.extract.dynamic.loader_writes`), when no statement of the module's
    own level calls it: those writes are the caller's modules', not this one's names."""
    if "modules" not in text:
        return {}
    lines, functions = loader_writes(tree)
    if not lines or called_at_import(tree, functions):
        return {}

    def line(match: re.Match[str]) -> int:
        return text.count("\n", 0, match.start()) + 1

    found: dict[str, object] = {}
    if facts["dynamic_names"]:
        others = [m for m in _DYNAMIC_NAMES.finditer(text) if line(m) not in lines]
        found["dynamic_names"] = bool(others)
        found["dynamic_line"] = line(others[0]) if others else 0
    if facts["plants_modules"]:
        found["plants_modules"] = any(line(m) not in lines for m in _MAY_PLANT.finditer(text))
    return found


def _dead(facts: dict[str, object]) -> tuple[int, ...]:
    """The lines of the imports that never run, from the tree facts."""
    dead = facts["dead_imports"]
    return dead if isinstance(dead, tuple) else ()


def _with_tree_facts(builder: SummaryBuilder, tree: ast.Module, text: str, dead: tuple[int, ...] = ()) -> None:
    """The facts taken from the interpreter's tree whichever engine walked the statements,
    so both engines' summaries hold them alike. ``dead``: the lines of imports that never
    run (extract/writes.py ``dead_imports``: ``if False:``, a constant flag's dead branch),
    which are marked as ``TYPE_CHECKING`` imports are: read by tools, never run, so every
    rule treats them alike (no import-time edge for SSOT002, names bound only for type
    checkers)."""
    if builder.imports and dead:
        lines = frozenset(dead)
        builder.imports = [
            rec._replace(context=rec.context | CTX_TYPE_CHECKING) if rec.line in lines else rec
            for rec in builder.imports
        ]
    if builder.imports:
        # Under a check that the Django application they import from is installed: optional.
        builder.imports = guard_app_imports(builder.imports, app_guarded_lines(tree, text))
    if builder.imports:
        builder.with_import_uses(*import_facts(tree, text, builder.imports))
        builder.attribute_reads = attribute_reads(text, builder.imports, tree)
        builder.deep_class_reads = deep_class_reads(builder.attribute_reads, text)
        builder.local_module_reads = local_module_reads(text, builder.imports)
        builder.class_attribute_reads = class_attribute_reads(text, builder.imports)
        builder.import_mentions = import_mentions(text, builder.imports)
        builder.annotation_names = annotation_names(tree, module_level_bindings(builder.imports))
        builder.dotted_reads = dotted_reads(tree, builder.imports)
        # Names a call binds in the module (atpublic's ``public(now=...)``) are module-level
        # bindings like an assignment's.
        builder.assigned.extend(public_bindings(tree, text))
        # So are the old names the project's own relocation helpers keep (extract/relocation.py).
        builder.assigned.extend(relocations(tree, text)[0])
        # And the classes a class decorator declares under a name it is given (extract/declared.py).
        builder.assigned.extend(declared_names(tree, text))
    # Assignment expressions bind module-level names too (``@doc.demo(title := 'x')``),
    # and so do attributes set on the module's own object (extract/module_self.py).
    builder.assigned.extend(walrus_bindings(tree, text))
    builder.assigned.extend(module_self_attributes(tree, text))
    _with_class_facts(builder, tree, text)


def _tree_facts(tree: ast.Module, text: str) -> dict[str, object]:
    """Facts read from the interpreter's tree whichever engine walks the statements."""
    written, under = written_files(tree, text), written_under(tree, text)
    return dict(
        named_folders=named_folders(tree, text),
        self_named=self_named(tree, text),
        module_writers=module_writers(tree, text), name_calls=name_calls(tree, text),
        definer_writers=definer_writers(tree, text),
        getattr_installers=(installers := getattr_installers(tree, text)),
        getattr_decorated=getattr_decorated(tree, installers),
        module_fillers=module_fillers(tree, text),
        argument_fills=argument_fills(tree, text),
        hook_installers=hook_installers(tree, text), own_name_calls=own_name_calls(tree, text),
        finder_names=finder_names(tree, text), handing_calls=handing_calls(tree, text),
        checking_flags=checking_flags(tree, text), flag_imports=flag_imports(tree, text),
        attribute_writes=attribute_writes(tree, text), planted_modules=planted_modules(tree, text) + relocations(tree, text)[1],
        entered_writes=entered_writes(tree, text), with_callees=with_callees(tree, text),
        runtime_noqa=runtime_noqa(text), explained_imports=explained_imports(text),
        missing_import_ignores=missing_import_ignores(text),
        redefinition_noqa=redefinition_noqa(text),
        written_files=written, read_files=read_files(tree, text), dead_imports=dead_imports(tree),
        source_copied=source_copied(tree, text, bool(written or under)), usage_list=usage_list(tree),
        unasync_rules=unasync_rules(tree, text),
        injected_config=injected_config(tree, text),
        written_under=under,
        function_signatures=function_signatures(tree),
        **dict(zip(("path_entries", "foreign_entry_line"), sys_path_facts(tree, text))),
        path_folders=path_folders(tree, text),
        redefined_reads=redefined_reads(tree), deprecated=deprecated_classes(tree, text),
        attribute_sets=attribute_sets(tree, text), computed_sets=computed_sets(tree, text),
        version_imports=version_imports(tree, text), legacy_imports=legacy_imports(tree, text),
        version_flags=version_flags(tree, text), **python_facts(tree, text)._asdict(),
        module_decorators=module_decorators(tree), class_partners=class_partners(tree),
        annotated_aliases=annotated_aliases(tree),
        declared_only=declared_only(tree), upstream=upstream_address(text), derived=derived_address(text),
        skips_linters=skips_linters(text), getattr_names=closed_getattr_names(tree),
        package_only_imports=package_only_imports(tree) if "__package__" in text or "in __name__" in text else (),
        runs_both_ways=("__package__" in text or "in __name__" in text) and runs_both_ways(tree),
        binding_lines=binding_lines(tree), branch_bindings=branch_bindings(tree),
        stops_at=next((stmt.lineno for stmt in tree.body if isinstance(stmt, ast.Raise) or ends_block(stmt)), 0),
        loaded_by_name=loaded_by_name(tree, text), **dict(zip(("installed_apps", "installed_apps_open"), installed_apps(tree, text))),
        plugin_names=names_read_off_loaded(tree, text), import_alternatives=import_alternatives(tree),
        dotted_refs=dotted_class_paths(tree, text),
        top_level_calls=any(isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call) for stmt in tree.body),
        generates_at_import="enerat" in text and _generates_at_import(tree),
        sets_module_names=sets_names_on_loaded(tree, text) or inherits_history(tree, text),
        call_shapes=call_shapes(tree),
        older_syntax=older_syntax(tree, text),
        collect_ignored=collect_ignores(tree, text),
    )


def _with_class_facts(builder: SummaryBuilder, tree: ast.Module, text: str) -> None:
    """What the text says of each class (member digests, its own digest and the module
    names it mentions), from one pass over the class statements and one split of the text."""
    classes = class_statements(tree)
    if not classes:
        return
    lines = split_lines(text)
    respelling = module_respelling(tree)
    spelled = respelling.class_lines(lines, classes) if respelling or any(map(object_based, classes)) else None
    builder.with_shapes(class_shapes(classes, spelled or lines))
    builder.with_annotations(class_annotations(classes, respelling))
    builder.with_tags(class_tags(classes))
    builder.with_values(class_values(classes))
    builder.with_registrations(class_registrations(classes))
    builder.with_model_options(class_model_options(classes))
    builder.with_decorators(class_decorators(classes))
    builder.with_factory_bases(class_factory_bases(classes))
    builder.with_texts(class_texts(classes))
    builder.with_copied_from(class_copied_from(classes, lines))
    builder.with_placeholders(class_placeholders(classes))
    builder.with_unimplemented(class_unimplemented(classes))
    callables = set(builder.functions) | builder.imported_since((0, 0, 0))
    # ``__file__`` too: a class that reads its module's location (a data file beside it)
    # is bound to that place (rules/copies.py, ``wired_to_own``).
    own_classes = {c.name for c in builder.classes if c.top_level}
    builder.with_bodies(
        class_bodies(classes, lines, builder.bound_names() | {"__file__"}, callables, own_classes, spelled)
    )
    bound = builder.bound_names()
    builder.with_nestings(class_nestings(classes, bound))
    builder.with_instances(class_instances(classes, bound))
    builder.with_reads(class_reads(tree, classes))
    read = {name for c in builder.classes for name in c.names_used} & set(builder.functions)
    builder.function_digests = function_digests(tree, lines, read)
    data = set(builder.assigned) - set(builder.functions) - own_classes
    builder.value_digests = value_digests(tree, lines, {name for c in builder.classes for name in c.refs} & data)


def _generates_at_import(tree: ast.Module) -> bool:
    """A statement of the module's own level calls a generator: a callee whose dotted name
    has ``generat`` in one of its parts (clearml-server's ``apierrors/__init__.py`` ends
    ``ErrorsGenerator.generate_python_files()``, which writes the ``errors`` subpackage
    from a configuration file each time the package is imported)."""
    for stmt in tree.body:
        value = stmt.value if isinstance(stmt, (ast.Expr, ast.Assign, ast.AnnAssign)) else None
        if isinstance(value, ast.Call):
            name = dotted(value.func) if isinstance(value.func, (ast.Name, ast.Attribute)) else None
            if name and "generat" in name.lower():
                return True
    return False


def _generated(text: str) -> tuple[bool, bool]:
    """Whether the header says a generator wrote the file, and whether also that a
    generator writes it again (not to edit it): ``FileSummary.generated``, ``.regenerated``."""
    generated = is_generated(text)
    return generated, generated and forbids_edits(text)


def _facts(text: str, eol: source.LineEndings, lines: int, suppressions) -> dict[str, object]:
    dynamic = _DYNAMIC_NAMES.search(text) if any(word in text for word in _DYNAMIC_WORDS) else None
    return dict(
        dynamic_names=dynamic is not None,
        dynamic_line=text.count("\n", 0, dynamic.start()) + 1 if dynamic is not None else 0,
        plants_modules=("modules" in text or "exec" in text) and _MAY_PLANT.search(text) is not None,
        namespace_lookups=namespace_lookups(text),
        extends_path=_EXTENDS_PATH.search(text) is not None,
        main_guard=_MAIN_GUARD.search(text) is not None or ("modal" in text and _MODAL_APP.search(text) is not None),
        shebang=_PYTHON_SHEBANG.match(text) is not None,
        shebang_major=shebang_major(text),
        **dict(zip(("generated", "regenerated"), _generated(text))),
        generated_from=generated_from(text),
        scaffolded=is_scaffolded(text),
        script_dependencies=script_dependencies(text),
        suppressions=suppressions,
        crlf=eol.crlf,
        lone_cr=eol.lone_cr,
        first_bad_eol_line=eol.first_line,
        lines=lines,
    )


def libcst_version(target: tuple[int, int]) -> str:
    """The newest Python version not above ``target`` that LibCST's parser can be configured
    for (``PartialParserConfig`` rejects the versions it does not know)."""
    import libcst as cst

    major, minor = target
    for candidate in range(minor, -1, -1):
        version = f"{major}.{candidate}"
        try:
            cst.PartialParserConfig(python_version=version)
        except ValueError:
            continue
        return version
    return "3.0"


def _target_facts(text: str, target: str) -> tuple[SummaryBuilder | None, str, tuple[ast.Module, str] | None]:
    """Facts of a file the running interpreter rejects, if LibCST's parser for ``target``
    accepts it, with CPython's tree of the file lowered when that compiles
    (extract/lowered.py). Else None, and "" when that parser rejects the file too (then the
    interpreter's SyntaxError stands), or why it could not judge it (it failed: a bug of
    the parser, its tree too deep to walk)."""
    import libcst as cst
    from libcst.metadata import MetadataWrapper

    from ssotlint.extract.cst_walk import CstWalker, StatementPositions
    from ssotlint.extract.lowered import lowered_tree

    try:
        module = cst.parse_module(text, config=cst.PartialParserConfig(python_version=target))
        builder = SummaryBuilder(text)
        CstWalker(builder).walk(module.body)
        positions = StatementPositions()
        MetadataWrapper(module, unsafe_skip_copy=True).visit(positions)
    except cst.ParserSyntaxError:
        return None, "", None
    except (RecursionError, MemoryError, Exception) as exc:  # noqa: BLE001 - a parser bug
        return None, f"failed on it ({type(exc).__name__})", None
    if not builder.with_positions(positions.imports, positions.classes):
        return None, "gave statements that disagree with their positions", None
    return builder, "", lowered_tree(module, text)


def _valid_for(text: str, version: str) -> bool:
    """Whether LibCST's parser for Python ``version`` accepts ``text`` (a file the running
    interpreter rejects for a construct that version added: ``ParseProblem.newer``)."""
    import libcst as cst

    try:
        cst.parse_module(text, config=cst.PartialParserConfig(python_version=libcst_version(_version(version))))
    except (RecursionError, MemoryError, Exception):  # noqa: BLE001 - a syntax error, or a parser bug
        return False
    return True


def _version(dotted: str) -> tuple[int, int]:
    major, _, minor = dotted.partition(".")
    return int(major), int(minor or 0)


def _unjudged(
    text: str, target: str, failure: str, eol: source.LineEndings, lines: int, suppressions
) -> FileSummary:
    """The summary of a file written for ``target``, newer than the running interpreter,
    which rejects it, when LibCST's parser for ``target`` could not judge it either
    (``failure`` says why): nothing says whether it compiles there, so it has no problem,
    and ``unjudged`` names the version. Its facts come from the statements the running
    interpreter parses (:func:`~ssotlint.extract.salvage.salvage`), none when that fails;
    the names it binds are not all known (``dynamic_names``)."""
    from ssotlint.extract.salvage import salvage

    facts = _facts(text, eol, lines, suppressions)
    facts["dynamic_names"] = facts["plants_modules"] = True
    note = f"not judged: Python {_RUNNING} cannot compile it, and LibCST's parser for Python {target} {failure}"
    salvaged = salvage(text)
    builder = SummaryBuilder(text)
    if salvaged is None:
        return builder.build(engine="ast", note=note + "; no facts", unjudged=target, **facts)
    tree, partial = salvaged.tree, salvaged.text
    facts |= _tree_facts(tree, partial)
    facts["dynamic_names"] = facts["plants_modules"] = True
    AstWalker(builder).walk(tree.body)
    _with_tree_facts(builder, tree, partial, _dead(facts))
    replaced = f"{salvaged.replaced} statement{'s' if salvaged.replaced != 1 else ''}"
    note += f"; facts from the statements Python {_RUNNING} parses ({replaced} it rejects left out)"
    return builder.build(engine="ast", note=note, unjudged=target, **facts)


def _libcst_facts(text: str, tree: ast.Module) -> tuple[SummaryBuilder | None, str]:
    import libcst as cst  # imported lazily: a warm run never needs it

    from ssotlint.extract.cst_walk import CstWalker

    try:
        module = cst.parse_module(text)
    except cst.ParserSyntaxError as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return None, f"LibCST rejected valid Python ({reason}); analysed with CPython's ast"
    except (RecursionError, MemoryError, Exception) as exc:  # noqa: BLE001 - parser bug
        return None, f"LibCST failed ({type(exc).__name__}); analysed with CPython's ast"
    builder = SummaryBuilder(text)
    try:
        CstWalker(builder).walk(module.body)
    except RecursionError:
        return None, "LibCST tree too deep to walk; analysed with CPython's ast"
    imports, classes = statement_positions(tree)
    if not builder.with_positions(imports, classes):
        return None, "LibCST and CPython disagree on the statements; analysed with CPython's ast"
    return builder, ""
