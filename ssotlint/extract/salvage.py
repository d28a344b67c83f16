"""The statements of a file the running interpreter parses, when it rejects the file as a whole.

A file written for a newer Python than the one running ssotlint (a t-string of 3.14, a
``type`` statement of 3.12) that LibCST's parser cannot read either is not judged (see
``summarize``), but its imports, classes and functions still belong to the project: the
import graph needs them. This module gives them best effort: each statement the
interpreter rejects is replaced, in place, by one it accepts, until the whole parses:

- a simple statement by ``pass``, or by ``<targets> = ...`` when it assigns (the names
  stay bound; ``type X = ...`` keeps ``X``);
- a ``class`` or ``def`` header by the same without its type parameters (``class
  Box[T](Base):`` -> ``class Box(Base):``), else by a plain one of the same name (the
  body stays);
- an ``if``/``elif``/``while`` header by one testing ``1``, a ``for``/``with`` header by
  ``if 1:``, an ``except`` clause by ``except Exception:``.

Lines keep their numbers (a replaced statement's other lines are left blank), so every
position in the tree is the file's own. Anything else (a ``match`` statement, text the
tokenizer rejects, more than :data:`MAX_REPLACED` statements) gives up: None.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
import warnings
from typing import NamedTuple

MAX_REPLACED = 200

_NAMED = re.compile(r"\s*(?:async\s+)?(class|def)\s+(\w+)")
# A generic class or function (3.12): the name, its type parameters, the rest of the header.
_GENERIC = re.compile(r"(\s*(?:async\s+)?(?:class|def)\s+\w+)\s*\[[^\]]*\](.*)$")
_TYPE_ALIAS = re.compile(r"\s*type\s+(\w+)\s*(?:\[.*\])?\s*$")


class _Statement(NamedTuple):
    """One logical line: its first and last line (1-based), whether a block follows it,
    and the text before its first ``=`` at bracket depth 0 when that is on its first line."""

    first: int
    last: int
    header: bool
    targets: str | None


class Salvaged(NamedTuple):
    tree: ast.Module
    text: str  # the text the tree was parsed from (same lines as the file's)
    replaced: int  # how many statements were replaced


def salvage(text: str) -> Salvaged | None:
    """The interpreter's tree of ``text`` with the statements it rejects replaced (see the
    module's docstring); None when that does not work out."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    statements = _statements(text)
    if statements is None:
        return None
    lines = text.split("\n")
    done: dict[int, int] = {}  # first line -> times replaced
    for _ in range(MAX_REPLACED):
        source = "\n".join(lines)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                tree = compile(source, "<ssotlint>", "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
        except SyntaxError as exc:
            statement = _containing(statements, exc.lineno or 0)
            if statement is None or done.get(statement.first, 0) >= 2:
                return None
            attempt = done.get(statement.first, 0)
            replacement = _replacement(statement, lines[statement.first - 1], attempt)
            if replacement is None:
                return None
            done[statement.first] = attempt + 1
            lines[statement.first - 1] = replacement
            for number in range(statement.first + 1, statement.last + 1):
                lines[number - 1] = ""
            continue
        except (ValueError, RecursionError, MemoryError):
            return None
        return Salvaged(tree, source, len(done))
    return None


def _containing(statements: list[_Statement], line: int) -> _Statement | None:
    for statement in statements:
        if statement.first <= line <= statement.last:
            return statement
    return None


def _replacement(statement: _Statement, first_line: str, attempt: int) -> str | None:
    """The line that replaces the statement's first line (its others are left blank)."""
    indent = first_line[: len(first_line) - len(first_line.lstrip())]
    if statement.header:
        named = _NAMED.match(first_line)
        if named:
            generic = _GENERIC.match(first_line)
            if attempt == 0 and generic and statement.first == statement.last:
                return generic.group(1) + generic.group(2)  # ``class Box[T](Base):`` -> ``class Box(Base):``
            return f"{indent}class {named.group(2)}:" if named.group(1) == "class" else f"{indent}def {named.group(2)}(*a, **k):"
        if attempt:
            return None
        word = first_line.split(None, 1)[0].rstrip(":") if first_line.strip() else ""
        if word in ("if", "elif", "while"):
            return f"{indent}{word} 1:"
        if word in ("for", "with", "async"):
            return f"{indent}if 1:"
        if word == "except":
            return f"{indent}except Exception:"
        return None
    if attempt == 0 and statement.targets is not None:
        alias = _TYPE_ALIAS.match(statement.targets)
        targets = alias.group(1) if alias else statement.targets.strip()
        if targets:
            return f"{indent}{targets} = ..."
    return f"{indent}pass"


def _statements(text: str) -> list[_Statement] | None:
    """The logical lines of ``text``, from the running interpreter's tokenizer (which reads
    newer syntax too: ``t"..."`` is a name and a string); None when it gives up."""
    found: list[_Statement] = []
    first = 0
    depth = 0
    targets: str | None = None
    pending: _Statement | None = None  # a statement whose next token says whether a block follows
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            kind = token.type
            if kind in (tokenize.NL, tokenize.COMMENT):
                continue
            if pending is not None and kind != tokenize.DEDENT:
                found.append(pending._replace(header=kind == tokenize.INDENT))
                pending = None
            if kind in (tokenize.INDENT, tokenize.DEDENT, tokenize.ENDMARKER):
                continue
            if kind == tokenize.NEWLINE:
                if first:
                    pending = _Statement(first, token.start[0], False, targets)
                first, depth, targets = 0, 0, None
                continue
            if not first:
                first = token.start[0]
            if kind == tokenize.OP:
                if token.string in "([{":
                    depth += 1
                elif token.string in ")]}":
                    depth -= 1
                elif token.string == "=" and depth == 0 and targets is None and token.start[0] == first:
                    targets = token.line[: token.start[1]]
    except (tokenize.TokenError, SyntaxError, IndentationError, ValueError):
        return None
    if pending is not None:
        found.append(pending._replace(header=False))
    return found
