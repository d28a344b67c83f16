"""Folders a module spells as literal pieces of a path: ``os.path.join(ROOT, "atest",
"testdata", "misc")``, ``Path(__file__).parent / "../../atest/testdata/libdoc/"``,
``os.path.join(os.getcwd(), "examples", name)``. A test that builds such a path reads the
folder's files as its inputs (a code checker's samples, a framework's libraries loaded by
path): see ``Project.named_data_folders``. A module that runs files by path
(``runpy.run_path(file)``, ``exec(path.read_text())``) names none: the folders it spells
hold the programs it runs (deepchecks' GPU test runs each gallery script of
``docs/source``), which are code. Pure: the tree in, sorted strings out."""

from __future__ import annotations

import ast
import re
from ssotlint.extract.nodes import nodes_of

# Calls that join their arguments into a path, by the name called.
_JOINERS = frozenset({"join", "joinpath", "Path", "PurePath", "PosixPath", "PurePosixPath"})
# A text that has no such call nor a division by a literal spells no path.
_HINT = re.compile(r"\b(?:join|joinpath|Path|PurePath|PosixPath|PurePosixPath)\s*\(|/\s*[rRbBuU]?['\"]")
# A folder's name as a path spells it: no spaces, no glob, no extension (``misc``, not
# ``pass_and_fail.robot`` nor ``*.py``).
_FOLDER = re.compile(r"[A-Za-z_][\w-]*")
_MOST = 200  # folders per file: a table of paths says nothing more


def named_folders(tree: ast.Module, text: str) -> tuple[str, ...]:
    """The relative folder paths (``atest/testdata/misc``) that consecutive literal
    pieces of a path-joining call or a chain of ``/`` spell, ``.`` and ``..`` left out;
    the pieces after a file name or a computed piece are not part of it."""
    if not _HINT.search(text) or (_RUNS_HINT.search(text) and _runs_files(tree)):
        return ()
    found: set[str] = set()
    inner: set[int] = set()  # the left operands of a longer chain of `/`
    for node in nodes_of(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if name in _JOINERS and not (node.args and _temporary(node.args[0])):
                _spelled(node.args, found)
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div) and id(node) not in inner:
            pieces: list[ast.expr] = []
            while isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
                inner.add(id(node))
                pieces.append(node.right)
                node = node.left
            pieces.append(node)
            if not _temporary(node):
                _spelled(pieces[::-1], found)
        if len(found) >= _MOST:
            break
    return tuple(sorted(found))


# A temporary folder by its name (pytest's ``tmp_path`` and ``tmpdir``, ``temp_dir``,
# ``self.tmp_root``), or a call that makes one (``tempfile.mkdtemp()``,
# ``tmp_path_factory.mktemp("data")``, ``TemporaryDirectory().name``).
_TEMPORARY_NAME = re.compile(r"^tmp|^temp(?:_|$|dir|path|folder)|_(?:tmp|temp)(?:_|$|dir|path|folder)", re.IGNORECASE)
_TEMPORARY_CALLS = frozenset({"mkdtemp", "mktemp", "gettempdir", "TemporaryDirectory"})


def _temporary(base: ast.expr) -> bool:
    """``base``, the first piece of a path, is a temporary folder: what is joined onto it
    is made by the code in that folder, never a folder of the repository (unstract's rig
    test writes ``tmp_path / "workers"``, beside the real ``workers/`` project)."""
    while isinstance(base, (ast.Attribute, ast.Call, ast.Subscript)):
        if isinstance(base, ast.Call):
            func = base.func
            called = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if called in _TEMPORARY_CALLS:
                return True
            if called in _JOINERS and base.args:
                base = base.args[0]  # ``Path(tmpdir)``, ``os.path.join(tmp_path, "a")``
                continue
            base = func.value if isinstance(func, ast.Attribute) else func
            continue
        if isinstance(base, ast.Attribute) and _TEMPORARY_NAME.search(base.attr):
            return True
        base = base.value
    return isinstance(base, ast.Name) and bool(_TEMPORARY_NAME.search(base.id))


# Calls that run a file's code: runpy's, Python 2's ``execfile``, and ``exec`` of a text read.
_RUNNERS = frozenset({"run_path", "execfile"})
_READERS = frozenset({"read", "read_text", "read_bytes", "open", "compile"})
_RUNS_HINT = re.compile(r"\b(?:run_path|execfile|exec)\s*\(")


def _runs_files(tree: ast.Module) -> bool:
    """The module runs code read from files: ``run_path(...)``, ``execfile(...)``, or
    ``exec`` of something built by reading (``exec(open(p).read())``, ``exec(compile(...))``)."""
    for node in nodes_of(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if name in _RUNNERS:
            return True
        if name == "exec" and node.args and any(
            isinstance(inner, ast.Call)
            and (inner.func.attr if isinstance(inner.func, ast.Attribute) else getattr(inner.func, "id", "")) in _READERS
            for inner in ast.walk(node.args[0])
        ):
            return True
    return False


def _spelled(pieces: list[ast.expr], found: set[str]) -> None:
    """Add each run of literal pieces, as a folder path, to ``found``."""
    run: list[str] = []
    for piece in pieces:
        ended = not (isinstance(piece, ast.Constant) and isinstance(piece.value, str))
        if not ended:
            for part in piece.value.replace("\\", "/").split("/"):
                if part in ("", ".", ".."):
                    continue
                if not _FOLDER.fullmatch(part):
                    ended = True
                    break
                run.append(part)
        if ended:
            if run:
                found.add("/".join(run))
            run = []
    if run:
        found.add("/".join(run))
