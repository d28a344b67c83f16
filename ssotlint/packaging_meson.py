"""Source roots a Meson build (meson-python) declares, read statically from ``meson.build``.

meson-python has no table of package folders: each ``meson.build`` says where its Python
files go in the installed tree. matplotlib's ``lib/matplotlib/meson.build`` says
``py3.install_sources(python_sources, subdir: 'matplotlib')``, so ``lib/matplotlib/axes.py``
is installed as ``matplotlib/axes.py``: ``lib/`` is the source root, and the module is
``matplotlib.axes``, never ``lib.matplotlib.axes``. numpy's ``numpy/meson.build`` (``subdir:
'numpy'``) gives the repository's root, as expected.

What is read, as Meson reads it:

- only the ``meson.build`` files Meson itself reads: the root's, then those of the folders
  named by a literal ``subdir('x')`` (a vendored Meson's own test cases, a ``subprojects/``
  tree, are never reached);
- ``<python>.install_sources(..., subdir: 'a/b')`` in folder ``F``: its files go to ``a/b``,
  so when ``F`` ends with ``a/b`` the rest of ``F`` is a root; with no ``subdir:``, ``F`` is;
- ``install_subdir('x', install_dir: <python>.get_install_dir() / 'a')`` (or
  ``get_install_dir(subdir: 'a')``): the folder ``F/x`` becomes ``a/x`` (``a`` with
  ``strip_directory: true``).

A ``subdir:`` that is not a string literal (a variable), or a folder not named like the
place it is installed to (a file mapped to another name), gives no root. Nothing is run.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from ssotlint.config_project import read_text

_MAX_BUILD_FILES = 2_000  # bound the walk of subdir() calls on a hostile tree
_MAX_CALLS = 5_000  # install calls read in one file

# A Meson string ('...', '''...''') or a comment (# to the end of the line): comments are
# blanked, strings kept, so that a '#' in a string or a ')' in a comment never misleads.
_TOKENS = re.compile(r"'''.*?'''|'(?:\\.|[^'\\\n])*'|#[^\n]*", re.S)
_SUBDIR_CALL = re.compile(r"(?<![\w.])subdir\s*\(\s*'([^'\\\n]*)'\s*\)")
_INSTALL_SOURCES = re.compile(r"\.\s*install_sources\s*\(")
_INSTALL_SUBDIR = re.compile(r"(?<![\w.])install_subdir\s*\(")
_STRING = r"'([^'\\\n]*)'"
_SUBDIR_KW = re.compile(r"(?<![\w.])subdir\s*:\s*")
_INSTALL_DIR_KW = re.compile(
    r"(?<![\w.])install_dir\s*:\s*\w+\s*\.\s*get_install_dir\s*\(([^()]*)\)((?:\s*/\s*'[^'\\\n]*')*)\s*(?:,|$)"
)
_STRIP_KW = re.compile(r"(?<![\w.])strip_directory\s*:\s*true\b")


def meson_roots(root: Path) -> list[str]:
    """The source roots the Meson build of ``root`` declares, as relative POSIX folders
    ("" for the root itself), in the order met; [] without a ``meson.build``."""
    found: list[str] = []
    queue = [""]
    seen: set[str] = set()
    while queue and len(seen) < _MAX_BUILD_FILES:
        folder = queue.pop(0)
        if folder in seen:
            continue
        seen.add(folder)
        text = read_text(root / folder / "meson.build") if folder else read_text(root / "meson.build")
        if text is None:
            continue
        code = _TOKENS.sub(lambda m: m.group(0) if m.group(0).startswith("'") else " ", text)
        for name in _SUBDIR_CALL.findall(code):
            child = _join(folder, name)
            if child is not None and child not in seen:
                queue.append(child)
        for source, installed in _installs(code, folder):
            place = _root_for(source, installed)
            if place is not None and place not in found:
                found.append(place)
    return found


def _installs(code: str, folder: str) -> list[tuple[str, str]]:
    """``(source folder, installed path)`` of each Python install call of one file."""
    pairs: list[tuple[str, str]] = []
    for match in list(_INSTALL_SOURCES.finditer(code))[:_MAX_CALLS]:
        args = _arguments(code, match.end())
        installed = _subdir_literal(args)
        if installed is not None:
            pairs.append((folder, installed))
    for match in list(_INSTALL_SUBDIR.finditer(code))[:_MAX_CALLS]:
        args = _arguments(code, match.end())
        name = re.match(r"\s*" + _STRING, args)
        target = _INSTALL_DIR_KW.search(args)
        if name is None or target is None:
            continue
        source = _join(folder, name.group(1))
        base = _subdir_literal(target.group(1)) if _SUBDIR_KW.search(target.group(1)) else ""
        if base is None:
            continue
        parts = [base, *re.findall(_STRING, target.group(2))]
        if not _STRIP_KW.search(args):
            parts.append(PurePosixPath(name.group(1)).name)
        installed = _join("", "/".join(p for p in parts if p))
        if source is not None and installed is not None:
            pairs.append((source, installed))
    return pairs


def _subdir_literal(args: str) -> str | None:
    """The ``subdir:`` a call's arguments give ("" without one); None when it is not a
    string literal (a variable: where it points is not read)."""
    keyword = _SUBDIR_KW.search(args)
    if keyword is None:
        return ""
    literal = re.match(_STRING + r"\s*(?:,|$)", args[keyword.end() :].strip())
    return literal.group(1) if literal is not None else None


def _arguments(code: str, start: int) -> str:
    """The text of a call's arguments, from just after its ``(`` to its matching ``)``
    (strings are whole tokens: a parenthesis inside one does not count)."""
    depth = 1
    index = start
    while index < len(code):
        char = code[index]
        if char == "'":
            token = _TOKENS.match(code, index)
            index = token.end() if token is not None else index + 1
            continue
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
            if depth == 0:
                return code[start:index]
        index += 1
    return code[start:]


def _join(folder: str, name: str) -> str | None:
    """``folder/name`` as a clean relative POSIX path; None for a path leaving the tree."""
    parts = [p for p in name.replace("\\", "/").split("/") if p and p != "."]
    if name.startswith("/") or ".." in parts:
        return None
    return "/".join([folder, *parts] if folder else parts)


def _root_for(source: str, installed: str) -> str | None:
    """The folder that holds ``source`` as the installed path ``installed`` (``lib`` for
    ``lib/matplotlib`` installed as ``matplotlib``); None when ``source`` is not named
    like the place it is installed to."""
    if not installed:
        return source
    if source == installed:
        return ""
    if source.endswith("/" + installed):
        return source[: -len(installed) - 1]
    return None
