"""Which files git keeps with their line endings as written, from the repository's
top-level ``.gitattributes`` (read as text, never through git: the file is the project's
declaration, whatever the local git configuration says).

A path whose ``text`` attribute is unset (``-text``, its old name ``-crlf``, or the
``binary`` macro) is stored and
checked out byte for byte; one with ``eol=crlf`` is checked out with CRLF endings on every
platform. Either way the project chose those bytes: pylint keeps ``tests/**/functional/**
-text`` for lint inputs that test line endings. Patterns follow gitattributes(5): a pattern
without a slash matches a file name at any depth, one with a slash (a leading one aside) is
anchored at the top, ``**`` spans folders, and a pattern naming a folder does not apply to
the files inside it (``dir/**`` does). Later lines override earlier ones, attribute by
attribute. A macro (``[attr]dos text eol=crlf``, then ``*.bat dos``: sphinx's CRLF test
inputs) stands for the attributes it names, as does the built-in ``binary`` (``-diff
-merge -text``). Nested ``.gitattributes`` files are not read.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple, Pattern

from ssotlint.config_project import read_text
from ssotlint.globs import glob_body

_MAX_LINES = 10_000


class AttributeLine(NamedTuple):
    """One line's pattern and what it says of the two attributes that decide the endings:
    ``text`` (True set, False unset, None not said or ``text=auto``) and ``eol`` ("" when
    not said)."""

    pattern: str
    text: bool | None
    eol: str
    says_text: bool  # the line sets, unsets or unspecifies ``text`` (``text=auto`` included)
    # ``linguist-generated`` (GitHub's: the paths a generator writes): True set, False
    # unset (``-linguist-generated``, ``=false``), None not said.
    generated: bool | None = None


def read_attributes(root: Path) -> tuple[AttributeLine, ...]:
    """The lines of ``root/.gitattributes`` that say something of line endings."""
    return parse_attributes(read_text(root / ".gitattributes"))


def parse_attributes(text: str | None) -> tuple[AttributeLine, ...]:
    """The lines of a ``.gitattributes`` text that say something of line endings (a
    malformed line is skipped, as git skips it)."""
    found: list[AttributeLine] = []
    lines = (text or "").splitlines()[:_MAX_LINES]
    macros = _macros(lines)
    for raw in lines:
        line = raw.strip()
        if not line or line.startswith("#") or line.startswith("[attr]") or line.startswith('"'):
            continue
        pattern, *attributes = line.split()
        if pattern.startswith("!"):
            continue  # negative patterns are forbidden in gitattributes
        text_state: bool | None = None
        says_text = False
        eol = ""
        generated: bool | None = None
        for attribute in _expanded(attributes, macros):
            if attribute in ("linguist-generated", "linguist-generated=true"):
                generated = True
                continue
            if attribute in ("-linguist-generated", "linguist-generated=false", "!linguist-generated"):
                generated = False
                continue
            # ``crlf`` is git's old name of ``text`` (``-crlf``: unset; ``crlf=input``: set,
            # with LF endings checked out): guildai's ``* -crlf``.
            if attribute in ("-text", "binary", "-crlf"):
                text_state, says_text = False, True
            elif attribute in ("text", "crlf"):
                text_state, says_text = True, True
            elif attribute in ("!text", "text=auto", "!crlf"):
                text_state, says_text = None, True
            elif attribute == "crlf=input":
                text_state, says_text, eol = True, True, "lf"
            elif attribute.startswith("eol="):
                eol = attribute[4:].lower()
        if says_text or eol or generated is not None:
            found.append(AttributeLine(pattern, text_state, eol, says_text, generated))
    return tuple(found)


class GeneratedPaths:
    """``generated(path)``: the project's ``.gitattributes`` marks the path
    ``linguist-generated`` (the last line that says so wins): a generator writes it
    (data-product-portal's ``sdk/sdk/api_client/** linguist-generated=true``, an OpenAPI
    client whose files carry no header saying so)."""

    def __init__(self, lines: tuple[AttributeLine, ...]) -> None:
        said = [line for line in lines if line.generated is not None]
        self._lines = [(_compile(line.pattern), bool(line.generated)) for line in said] if any(
            line.generated for line in said
        ) else []
        self._answers: dict[str, bool] = {}

    def generated(self, path: str) -> bool:
        if not self._lines:
            return False
        found = self._answers.get(path)
        if found is None:
            found = False
            for regex, value in self._lines:
                if regex.match(path):
                    found = value
            self._answers[path] = found
        return found


def _macros(lines: list[str]) -> dict[str, list[str]]:
    """The macros the lines define (``[attr]NAME attr ...``), by name."""
    macros: dict[str, list[str]] = {"binary": ["-diff", "-merge", "-text"]}
    for raw in lines:
        line = raw.strip()
        if line.startswith("[attr]"):
            name, *attributes = line[len("[attr]"):].split() or [""]
            if name and name != "binary":  # git refuses to redefine the built-in
                macros[name] = attributes
    return macros


def _expanded(attributes: list[str], macros: dict[str, list[str]], depth: int = 0) -> list[str]:
    """The attributes with each set macro replaced by what it stands for, in place (a
    macro may name another; a loop of them stops)."""
    found: list[str] = []
    for attribute in attributes:
        inner = macros.get(attribute)
        if inner is not None and depth < 8:
            found += _expanded(inner, macros, depth + 1)
        else:
            found.append(attribute)
    return found


def _compile(pattern: str) -> Pattern[str]:
    if pattern.startswith("/"):
        pattern = pattern[1:]
        anchored = True
    else:
        anchored = "/" in pattern.rstrip("/")
    if pattern.endswith("/"):
        return re.compile(r"(?!)")  # a folder pattern: applies to no file
    body = glob_body(pattern)
    return re.compile(f"^{body}$" if anchored else f"^(?:.*/)?{body}$", re.S)


class KeptEndings:
    """``kept(path)``: git keeps the file's line endings as written (see the module's
    docstring)."""

    def __init__(self, lines: tuple[AttributeLine, ...]) -> None:
        # Only a line that unsets ``text`` or asks for CRLF can keep a file's endings: a
        # file of ``text eol=lf`` lines alone (the usual) keeps none, whatever the path.
        keeping = any(line.text is False or line.eol == "crlf" for line in lines)
        self._lines = [(_compile(line.pattern), line) for line in lines] if keeping else []
        # Answers by path: a history asks the same paths at every commit of one configuration.
        self._answers: dict[str, bool] = {}

    def kept(self, path: str) -> bool:
        found = self._answers.get(path)
        if found is None:
            found = self._answers[path] = self._kept(path)
        return found

    def _kept(self, path: str) -> bool:
        text: bool | None = None
        eol = ""
        for regex, line in self._lines:
            if regex.match(path):
                if line.says_text:
                    text = line.text
                if line.eol:
                    eol = line.eol
        return text is False or eol == "crlf"
