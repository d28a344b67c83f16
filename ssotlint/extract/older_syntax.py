"""Syntax the running interpreter accepts but an older Python 3 rejects.

A project that says it supports Python 3.8 (``requires-python = ">=3.8"``) and writes a
``match`` statement ships a module that does not compile on 3.8: installing it there
byte-compiles with a SyntaxError, importing it fails. The running interpreter accepts the
file, so its verdict says nothing of this. What the file needs depends only on its text,
so it is a per-file fact (cached by content, like the summary): for each Python ``3.minor``
below the running one (from 3.7, the oldest CPython's parser can be asked for), the first
error that version reports. SSOT000 compares it with the target of the file's project.

Two sources, because neither alone is complete:

- CPython's parser asked for an older grammar (``ast.parse(..., feature_version=)``): it
  knows assignment expressions, positional-only parameters, parenthesised context
  managers, ``match``, ``except*``, ``f"{x=}"``... Asked only when the text holds a sign of
  one of them (:data:`_SIGNS`), so that most files cost nothing more.
- the tree itself, for what that parser does not check: a decorator that is not a dotted
  name or a call of one (3.9, PEP 614), and a starred expression in a subscript or as the
  annotation of ``*args`` (3.11, PEP 646).
"""

from __future__ import annotations

import ast
import re
import sys

# (minor, line, column, message): on Python 3.minor the file fails with message at line:column.
OlderError = tuple[int, int, int, str]

OLDEST_MINOR = 7  # the oldest grammar CPython's parser can be asked for (3.13 dropped 3.4 to 3.6)

# Signs, in the text, of syntax some Python 3 from 3.8 on added and CPython's parser checks
# for an older ``feature_version``: each a substring test first (most files have none),
# then a pattern where the substring is common. ``:=``; ``f"{x=}"``; a ``/`` that ends
# positional parameters; a parenthesised ``with``; ``except*``; a ``match`` statement;
# ``type X = ...``, ``def f[T]`` and ``class C[T]`` (3.12, seen only by a newer interpreter).
_SELF_DOCUMENTING = re.compile(r"=[ \t]*(?:\}|![rsa][ \t]*\}|:)")
_POSITIONAL_ONLY = re.compile(r"[(,][ \t]*/[ \t]*[,)]")
_EXCEPT_STAR = re.compile(r"except[ \t]*\*")
_TYPE_PARAMETERS = re.compile(r"^[ \t]*(?:type[ \t]+\w+[ \t]*[=\[]|(?:async[ \t]+)?(?:def|class)[ \t]+\w+\[)", re.MULTILINE)


def _signs(text: str) -> bool:
    """Whether ``text`` may hold syntax an older Python's parser rejects."""
    return (
        ":=" in text
        or ("{" in text and _SELF_DOCUMENTING.search(text) is not None)
        or ("/" in text and _POSITIONAL_ONLY.search(text) is not None)
        or _starts_statement(text, ("with (", "with("), ("", "async"))
        or ("except" in text and _EXCEPT_STAR.search(text) is not None)
        or _starts_statement(text, ("match ", "match("), ("",), block=True)
        or (sys.version_info >= (3, 12) and _TYPE_PARAMETERS.search(text) is not None)
    )


def _starts_statement(text: str, needles: tuple[str, ...], before: tuple[str, ...], block: bool = False) -> bool:
    """Whether one of ``needles`` stands in ``text`` after only indentation on its line, or
    indentation and one of the words ``before``, and, for a ``block``, the line ends with a
    colon (plain substring searches: a pattern anchored at line starts is several times
    slower)."""
    for needle in needles:
        at = text.find(needle)
        while at >= 0:
            start = text.rfind("\n", 0, at) + 1
            if text[start:at].strip() in before:
                if not block:
                    return True
                end = text.find("\n", at)
                if text[at : end if end >= 0 else len(text)].partition("#")[0].rstrip().endswith(":"):
                    return True
            at = text.find(needle, at + 1)
    return False


_DECORATOR_SIGN = re.compile(r"^[ \t]*@(?![ \t]*[\w.]+[ \t]*(?:\(|#|$))", re.MULTILINE)
# ``x[*a]`` (a subscript, not a list display: a name, ``]`` or ``)`` just before the bracket)
# and ``*args: *Ts``.
_STARRED_SIGN = re.compile(r"[\w)\]][ \t]*\[(?:[^\]\n]*,)?[ \t]*\*(?!\*)|\*\w+[ \t]*:[ \t]*\*\w")


def older_syntax(tree: ast.Module, text: str, running: int | None = None) -> tuple[OlderError, ...]:
    """For each Python ``3.minor`` from :data:`OLDEST_MINOR` below the running one whose
    grammar rejects ``text`` (which the running interpreter parsed into ``tree``), the first
    error it reports, oldest minor first; ``()`` when every one of them accepts it."""
    running = sys.version_info[1] if running is None else running
    if running <= OLDEST_MINOR or sys.version_info[0] != 3:
        return ()
    found: dict[int, tuple[int, int, str]] = {}
    anchored: dict[tuple[str, int, int], tuple[int, int, str]] = {}
    if _signs(text):
        for minor in range(OLDEST_MINOR, running):
            try:
                ast.parse(text, feature_version=(3, minor))
            except SyntaxError as exc:
                error = (str(exc.msg).strip(), exc.lineno or 1, (exc.offset or 1) - 1)
                if error not in anchored:  # (older versions mostly fail on the same construct)
                    anchored[error] = _anchored(tree, *error)
                found[minor] = anchored[error]
                continue
            except (ValueError, MemoryError, RecursionError):
                break  # (what the interpreter parsed once it parses again: never in practice)
            break  # accepted by this minor: by every newer one too
    for minor, line, col, message in _tree_errors(tree, text):
        for older in range(OLDEST_MINOR, min(minor, running)):
            known = found.get(older)
            if known is None or (line, col) < known[:2]:
                found[older] = (line, col, message)
    return tuple((minor, *found[minor]) for minor in sorted(found))


# The constructs whose error CPython's parser reports at their end (the last line of a
# ``match`` block, the end of an assignment expression): the finding points at the start
# of the construct instead.
_CONSTRUCTS = {
    "Pattern matching": getattr(ast, "Match", ()),
    "Exception groups": getattr(ast, "TryStar", ()),
    "Parenthesized context managers": (ast.With, ast.AsyncWith),
    "Assignment expressions": ast.NamedExpr,
    "f-string: self documenting": ast.JoinedStr,
}


def _anchored(tree: ast.Module, message: str, line: int, col: int) -> tuple[int, int, str]:
    """``(line, column, message)``, at the start of the innermost construct the error is
    of that holds the place the parser reports; else of the one that ends last before it
    (a parenthesised ``with`` block is reported at the next statement after its end: mmf's
    test, whose ``with (`` at line 310 was reported at 343)."""
    kind = next((k for prefix, k in _CONSTRUCTS.items() if message.startswith(prefix)), None)
    if kind is None:
        return line, col, message
    best: tuple[int, int] | None = None
    # (end, start negated) of the outermost construct that ends last before the place
    before: tuple[tuple[int, int], tuple[int, int]] | None = None
    for node in ast.walk(tree):
        if not isinstance(node, kind):
            continue
        start = (node.lineno, node.col_offset)
        end = (node.end_lineno or node.lineno, node.end_col_offset if node.end_col_offset is not None else col)
        if start <= (line, col) <= end and (best is None or start > best):
            best = start
        elif end < (line, col) and (before is None or (end, (-start[0], -start[1])) > before):
            before = (end, (-start[0], -start[1]))
    if best is None and before is not None:
        best = (-before[1][0], -before[1][1])
    return (*best, message) if best is not None else (line, col, message)


def _tree_errors(tree: ast.Module, text: str) -> list[OlderError]:
    """``(minor, line, column, message)`` of each construct the tree shows that Python
    ``3.minor`` added and CPython's parser does not check for an older ``feature_version``."""
    decorators = _DECORATOR_SIGN.search(text) is not None
    starred = _STARRED_SIGN.search(text) is not None
    if not (decorators or starred):
        return []
    errors: list[OlderError] = []
    split: list[bytes] = []

    def lines() -> list[bytes]:  # the text's lines as bytes, split once when asked (offsets count bytes)
        if not split:
            split.extend(text.encode("utf-8", "surrogatepass").split(b"\n"))
        return split

    for node in ast.walk(tree):
        if decorators and isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            for decorator in node.decorator_list:
                if not _classic_decorator(decorator):
                    errors.append((
                        9, decorator.lineno, decorator.col_offset,
                        "a decorator that is not a dotted name or a call of one is only supported in Python 3.9 and greater",
                    ))
        elif starred and isinstance(node, ast.Subscript) and _starred_index(node.slice) and not _parenthesized(node.slice, lines()):
            errors.append((
                11, node.lineno, node.col_offset, "a starred expression in a subscript is only supported in Python 3.11 and greater"
            ))
        elif starred and isinstance(node, ast.arguments) and node.vararg is not None:
            if isinstance(node.vararg.annotation, ast.Starred):
                errors.append((
                    11, node.vararg.lineno, node.vararg.col_offset,
                    "a starred annotation of *args is only supported in Python 3.11 and greater",
                ))
    return errors


def _classic_decorator(node: ast.expr) -> bool:
    """A decorator every Python 3 accepts: a dotted name, or a call of one."""
    if isinstance(node, ast.Call):
        node = node.func
    while isinstance(node, ast.Attribute):
        node = node.value
    return isinstance(node, ast.Name)


def _parenthesized(node: ast.expr, lines: list[bytes]) -> bool:
    """The tuple is written in parentheses: ``a[(x, *b)]``, valid since Python 3.5, whose
    tree is the same as ``a[x, *b]``'s (tvm's ``A[(i, *rest)]``)."""
    if not isinstance(node, ast.Tuple) or node.end_lineno is None or node.end_col_offset is None:
        return False
    first, last = node.lineno - 1, node.end_lineno - 1
    if not (0 <= first < len(lines) and 0 <= last < len(lines)):
        return False
    start, end = lines[first][node.col_offset : node.col_offset + 1], lines[last][node.end_col_offset - 1 : node.end_col_offset]
    return start == b"(" and end == b")"


def _starred_index(node: ast.expr) -> bool:
    """``a[*b]`` or ``a[x, *b]``: a starred expression directly in the subscript."""
    if isinstance(node, ast.Starred):
        return True
    return isinstance(node, ast.Tuple) and any(isinstance(e, ast.Starred) for e in node.elts)
