"""What tells an exact copy of a class: its text without comments and docstrings, and the
module-level names it mentions.

Two classes whose bodies read the same (lines stripped, blank and comment lines, trailing
comments and every docstring dropped, decorators included) are the same syntax. They behave the same only if
the module-level names they mention are the same objects in both modules, so each class
also records which of its module's bound names (imports, classes, functions, assignments)
appear in its text: the model compares how the two modules bind them. Computed from the
interpreter's tree and the text, for both engines alike, with string operations only.
"""

from __future__ import annotations

import ast
import hashlib
import re
from typing import Iterable, Iterator, Sequence

from ssotlint.extract.layout import layout_digest, text_digest
from ssotlint.extract.nodes import nodes_of
from ssotlint.extract.nodes import parameter_list
from ssotlint.extract.summary import PROGRAM_INPUT


_IDENTIFIER = re.compile(r"[^\W\d]\w*")


def _reads(body: str, name: str) -> bool:
    """``body`` reads ``name`` as a name somewhere: an occurrence not after a dot
    (``np.frompyfunc``), not part of a longer identifier, and not inside a one-line string
    (an odd number of quotes before it on its line: ``f"frompyfunc-{x}"``). Stops at the
    first such occurrence, which is usually the first."""
    size = len(name)
    start = body.find(name)
    while start >= 0:
        before = body[start - 1] if start else "\n"
        end = start + size
        after = body[end] if end < len(body) else "\n"
        if before != "." and not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_"):
            line = body[body.rfind("\n", 0, start) + 1 : start]
            if not line.count('"') % 2 and not line.count("'") % 2:
                return True
        start = body.find(name, end)
    return False


def without_comment(line: str) -> str:
    """The (stripped) line without a trailing comment: from the first ``#`` that no
    one-line string holds (an even number of each quote before it), as two copies of a
    class differ in a note beside a statement (``)  # min_value = ...``) and nothing else."""
    start = line.find("#")
    while start > 0:
        before = line[:start]
        if not before.count('"') % 2 and not before.count("'") % 2:
            return before.rstrip()
        start = line.find("#", start + 1)
    return line


ClassBody = tuple[int, tuple[str, ...], tuple[str, ...], tuple[tuple[str, str], ...], tuple[str, ...], int, int, int]

# Fewer words than this say too little to mark a copy ("Base class.", "A user.").
_DOC_WORDS = 5


def doc_digest(node: ast.ClassDef) -> int:
    """A digest of the class's docstring, whitespace collapsed, when it has
    :data:`_DOC_WORDS` words or more; 0 otherwise."""
    first = node.body[0] if node.body else None
    if first is None or not _is_docstring(first):
        return 0
    words = first.value.value.split()  # type: ignore[attr-defined]
    if len(words) < _DOC_WORDS:
        return 0
    digest = hashlib.blake2b(" ".join(words).encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def class_bodies(
    classes: Sequence[ast.ClassDef], lines: Sequence[str], bound: Iterable[str], callables: Iterable[str] = (),
    class_names: Iterable[str] = (), spelled_lines: Sequence[str] | None = None,
) -> list[ClassBody]:
    """For each class statement (in the order of ``statement_positions``; ``lines``: the
    text's lines): the digest of its text, the module-level names it mentions (its own
    name aside), those of them it reads as names (not only after a dot or in a string),
    among ``callables`` (the module's functions and imported names: what rules/copies.py
    compares; only those are looked at, the search costs time), and the parameters of
    each method it defines (:func:`method_parameters`), those of the mentioned names
    among ``class_names`` (the module's classes) it reads as names, its docstring's digest,
    and the digest of its text in the module's one spelling (``spelled_lines``: ``lines``
    respelt, see ``extract/spelling.py``) where that differs from the text (0 where it does
    not), and the digest of the strings its text holds (:func:`_words_digest`; 0 when none)."""
    names = frozenset(bound)
    wanted = frozenset(callables)
    own_classes = frozenset(class_names)
    result: list[ClassBody] = []
    for node in classes:
        first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
        skip = _docstring_lines(node)
        last = node.end_lineno or node.lineno
        numbers = [n for n in _code_numbers(lines, first, last) if n not in skip]
        kept = _code_lines(lines, numbers)
        body = "\n".join(kept)
        mentioned = sorted(names.intersection(_names_in(node)) - {node.name})
        read = [n for n in mentioned if n in wanted and _reads(body, n)]
        classes_read = tuple(n for n in mentioned if n in own_classes and _reads(body, n))
        digest = layout_digest(kept)
        spelled = layout_digest(_code_lines(spelled_lines, numbers)) if spelled_lines is not None else digest
        result.append((
            digest, tuple(mentioned), tuple(read), method_parameters(node), classes_read, doc_digest(node),
            0 if spelled == digest else spelled, _words_digest(node),
        ))
    return result


def _names_in(node: ast.ClassDef) -> set[str]:
    """The module-level names the class's code reads or binds (decorators, bases and
    keywords included, ``global`` statements, and the names a string type spells: an
    annotation's ``"Config"``, a base's ``Usecase["aiokafka.Record"]``, ``cast("Config",
    x)``), not the words of its other strings, attributes after a dot, nor a method's own
    names (its parameters, what it assigns or imports): a ``response_format = "json"``
    mentions no ``json`` module, a ``self.json`` none either, and a method's
    ``config_path`` parameter is no module-level ``config_path``."""
    found: set[str] = set()
    annotations: list[ast.expr] = [*node.bases, *(k.value for k in node.keywords)]  # `Usecase["aiokafka.Record"]`
    stack: list[ast.AST] = list(ast.iter_child_nodes(node))
    while stack:
        n = stack.pop()
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            _function_names(n, found, annotations)
            continue
        _note(n, found, annotations)
        stack.extend(ast.iter_child_nodes(n))
    for annotation in annotations:
        for n in ast.walk(annotation):
            if isinstance(n, ast.Constant) and isinstance(n.value, str):
                found.update(_IDENTIFIER.findall(n.value))
    return found


def _note(n: ast.AST, found: set[str], annotations: list[ast.expr]) -> None:
    """What one node of the class's code says of the names it reads (see :func:`_names_in`)."""
    if isinstance(n, ast.Name):
        found.add(n.id)
    elif isinstance(n, (ast.Global, ast.Nonlocal)):
        found.update(n.names)
    elif isinstance(n, (ast.arg, ast.AnnAssign)) and n.annotation is not None:
        annotations.append(n.annotation)
    elif isinstance(n, ast.Call) and n.args and _callee(n.func) == "cast":
        annotations.append(n.args[0])  # `cast("Config", value)`


def _function_names(f: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda, found: set[str], annotations: list[ast.expr]) -> None:
    """The names a method (or a lambda) reads from outside itself: those its decorators,
    defaults and annotations read (evaluated where it is defined), and those its body
    reads that it does not bind itself (a nested function's own names counted as its)."""
    args = f.args
    outside: list[ast.AST] = [*getattr(f, "decorator_list", ()), *args.defaults, *(d for d in args.kw_defaults if d is not None)]
    parameters = [*args.posonlyargs, *args.args, *args.kwonlyargs, *(a for a in (args.vararg, args.kwarg) if a is not None)]
    typed: list[ast.expr] = [a.annotation for a in parameters if a.annotation is not None]
    returns = getattr(f, "returns", None)
    if returns is not None:
        typed.append(returns)
    annotations.extend(typed)  # (their string types read below, their names here)
    outside.extend(typed)
    for n in (m for e in outside for m in ast.walk(e)):
        _note(n, found, annotations)
    inner = [m for b in (f.body if isinstance(f.body, list) else [f.body]) for m in ast.walk(b)]
    declared = {name for m in inner if isinstance(m, (ast.Global, ast.Nonlocal)) for name in m.names}
    own = {a.arg for a in parameters}
    for m in inner:
        if isinstance(m, ast.Name) and not isinstance(m.ctx, ast.Load):
            own.add(m.id)
        elif isinstance(m, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            own.add(m.name)
        elif isinstance(m, ast.arg):
            own.add(m.arg)
        elif isinstance(m, (ast.Import, ast.ImportFrom)):
            own.update((alias.asname or alias.name).partition(".")[0] for alias in m.names)
        elif isinstance(m, ast.ExceptHandler) and m.name:
            own.add(m.name)
    own -= declared
    for m in inner:
        if isinstance(m, ast.Name):
            if m.id not in own:
                found.add(m.id)
        else:
            _note(m, found, annotations)


def _callee(func: ast.expr) -> str:
    """The last part of a called name (``cast`` of ``typing.cast``)."""
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _words_digest(node: ast.ClassDef) -> int:
    """A 64-bit digest of the prose the class's code holds (:func:`_is_prose`), in order,
    each string's runs of whitespace made one space: what it shows people (a prompt, a
    message), apart from its code, its patterns and keys, its docstrings (a statement of a
    string alone) and how each string is quoted or indented. 0 when it holds none."""
    docstrings: set[int] = set()
    words: list[str] = []
    for n in ast.walk(node):  # breadth first: a statement before the string it holds
        if _is_docstring(n):
            docstrings.add(id(n.value))  # type: ignore[attr-defined]
        elif isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings and _is_prose(n.value):
            words.append(" ".join(n.value.split()))
    return text_digest("\0".join(words)) if words else 0


_WORD = re.compile(r"[^\W\d_]{2,}")


def _is_prose(text: str) -> bool:
    """Words for people: two words of letters or more, apart (not a key, a pattern or a
    format code: ``"num_placeholders"``, a regular expression for a bullet)."""
    return len(text.split()) >= 2 and len(_WORD.findall(text)) >= 2


def _is_docstring(node: ast.AST) -> bool:
    return isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)


def _code_numbers(lines: Sequence[str], first: int, last: int) -> list[int]:
    """The (1-based) numbers of the lines from ``first`` to ``last`` that hold code: not
    blank, not a comment alone."""
    return [n for n, line in enumerate(map(str.strip, lines[first - 1 : last]), first) if line and line[0] != "#"]


def _code_lines(lines: Sequence[str], numbers: Iterable[int]) -> list[str]:
    """The lines of these (1-based) numbers, stripped, without their comments."""
    return [without_comment(line) if "#" in line else line for line in (lines[n - 1].strip() for n in numbers)]


def method_parameters(node: ast.ClassDef) -> tuple[tuple[str, str], ...]:
    """Each method the class body defines, with the parameters it takes
    (:func:`~ssotlint.extract.nodes.parameter_list`); the last definition of a name
    wins, as at run time. Two classes whose method of one name
    takes other parameters cannot stand in for each other, whatever their bodies share."""
    found = {
        stmt.name: parameter_list(stmt.args)
        for stmt in node.body
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef))
    }
    return tuple(found.items())


def _docstring_lines(node: ast.ClassDef) -> set[int]:
    """The lines of the class's docstrings: its own and those of the methods and classes
    it defines, at any depth. Two copies of a class whose code is the same read the same
    whatever their docstrings say (a copied fix class whose methods document its own
    variable), so no docstring is part of the text compared."""
    found: set[int] = set()
    stack: list[ast.AST] = [node]
    while stack:  # statements only: a docstring is a statement, never inside an expression
        owner = stack.pop()
        body = getattr(owner, "body", None)
        if isinstance(owner, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and body:
            first = body[0]
            if _is_docstring(first) and first.lineno != owner.lineno:  # not `def f(): "doc"` on the header line
                found.update(range(first.lineno, (first.end_lineno or first.lineno) + 1))
        for block in ("body", "orelse", "finalbody", "handlers", "cases"):
            inner = getattr(owner, block, None)
            if isinstance(inner, list):
                stack.extend(n for n in inner if isinstance(n, (ast.stmt, ast.excepthandler, ast.match_case)))
    return found


def function_digests(tree: ast.Module, lines: Sequence[str], wanted: Iterable[str]) -> tuple[tuple[str, int], ...]:
    """A digest of the text of each module-level function named in ``wanted`` (the helpers
    its classes read: ``apply_gufunc``), lines stripped and comment lines dropped, the last
    definition of a name winning: two modules' helpers of one name are one copied function
    when their digests match, two implementations when they differ."""
    names = frozenset(wanted)
    if not names:
        return ()
    found: dict[str, int] = {}
    for node in _module_statements(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name in names:
            first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            kept = [s for s in map(str.strip, lines[first - 1 : node.end_lineno or node.lineno]) if s and s[0] != "#"]
            found[node.name] = layout_digest(kept) or 1
    return tuple(sorted(found.items()))


def _module_statements(tree: ast.Module) -> Iterator[ast.stmt]:
    """The module's own statements in order, those in its ``if`` and ``try`` blocks too."""
    stack: list[ast.stmt] = list(tree.body)
    while stack:
        node = stack.pop(0)
        if isinstance(node, (ast.If, ast.Try, getattr(ast, "TryStar", ast.Try))):
            stack[:0] = [*node.body, *(s for h in getattr(node, "handlers", ()) for s in h.body), *node.orelse,
                         *getattr(node, "finalbody", ())]
        else:
            yield node


def value_digests(tree: ast.Module, lines: Sequence[str], wanted: Iterable[str]) -> tuple[tuple[str, int], ...]:
    """A digest of the value each module-level assignment to a name of ``wanted`` gives
    (the text of its lines, stripped, comments dropped), the last assignment of
    a name winning, as at run time; in ``if`` and ``try`` blocks of the module's level too.
    Two modules that assign a name the same value text bind the same data; two that assign
    it otherwise (each plugin's ``_CONFIG = OpenCitiesConfig(domain=...)``) bind their own."""
    names = frozenset(wanted)
    if not names:
        return ()
    found: dict[str, int] = {}
    for node in _module_statements(tree):
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            bound = [t.id for t in targets if isinstance(t, ast.Name) and t.id in names]
            if bound:
                value = node.value
                if _program_input(value):
                    digest = PROGRAM_INPUT
                else:
                    numbers = _code_numbers(lines, value.lineno, value.end_lineno or value.lineno)
                    digest = layout_digest(_code_lines(lines, numbers)) or 1
                found.update(dict.fromkeys(bound, digest))
    return tuple(sorted(found.items()))


_PARSING_CALLS = frozenset({"parse_args", "parse_known_args", "parse_intermixed_args", "getopt"})


def _program_input(value: ast.expr) -> bool:
    """The value is (or is read off) the program's command line: a call of ``parse_args``
    (``parse_known_args``, ``getopt``), or ``sys.argv``."""
    for node in ast.walk(value):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if name in _PARSING_CALLS:
                return True
        elif isinstance(node, ast.Attribute) and node.attr == "argv" and isinstance(node.value, ast.Name) and node.value.id == "sys":
            return True
    return False


def class_nestings(classes: Sequence[ast.ClassDef], bound: Iterable[str]) -> list[tuple[tuple[str, tuple[str, ...]], ...]]:
    """For each class statement: its class-level fields whose value (or annotation) names
    what its module binds at its top (``bound``: its classes, functions, imports), each
    with those names in source order (``project = ProjectSerializer()``: a webhook payload's
    serializer nesting its own module's ``ProjectSerializer``; ``status: StreamStatus``,
    imported or defined beside). Two namesakes that build a field from different names, one
    of them a class of its own module (``project = Field(attr="project_id")`` in the other),
    represent it apart (see rules/copies.py ``nests_apart``)."""
    names = frozenset(bound)
    result: list[tuple[tuple[str, tuple[str, ...]], ...]] = []
    for node in classes:
        found: dict[str, tuple[str, ...]] = {}
        for stmt in node.body:
            if isinstance(stmt, ast.Assign):
                targets = [t.id for t in stmt.targets if isinstance(t, ast.Name)]
                parts: list[ast.AST] = [stmt.value]
            elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
                targets = [stmt.target.id]
                parts = [stmt.annotation, *([stmt.value] if stmt.value is not None else [])]
            else:
                continue
            mentioned = tuple(dict.fromkeys(
                n.id for part in parts for n in ast.walk(part) if isinstance(n, ast.Name) and n.id in names and n.id != node.name
            ))
            for target in targets:
                if mentioned and target not in found:
                    found[target] = mentioned
        result.append(tuple(found.items()))
    return result


def class_instances(classes: Sequence[ast.ClassDef], bound: Iterable[str]) -> list[tuple[str, ...]]:
    """For each class statement: the names its module binds at its top (``bound``) of
    which a class-level field holds an instance (``personal_details =
    PersonalDetailsSerializer(required=True)``: a serializer nesting another), in source
    order. A field typed by a name, or holding one of its members (``strategy:
    RetryStrategy = RetryStrategy.FIXED``), holds no instance of it."""
    names = frozenset(bound)
    result: list[tuple[str, ...]] = []
    for node in classes:
        found: dict[str, None] = {}
        for stmt in node.body:
            value = stmt.value if isinstance(stmt, (ast.Assign, ast.AnnAssign)) else None
            if isinstance(value, ast.Call) and isinstance(value.func, ast.Name):
                if value.func.id in names and value.func.id != node.name:
                    found.setdefault(value.func.id)
        result.append(tuple(found))
    return result


def class_reads(tree: ast.Module, classes: Sequence[ast.ClassDef]) -> list[bool]:
    """For each class statement: whether the module reads its name (a name, not an
    attribute) outside the statement itself, anywhere in the file: a helper its module
    uses (``cls=CustomJSONEncoder``), not a class only a framework finds by the module's
    path (a management command's ``Command``). From the tree's shared list of nodes."""
    names = {node.name for node in classes}
    if not names:
        return []
    found: dict[str, list[int]] = {}
    Name, Load = ast.Name, ast.Load
    for node in nodes_of(tree):
        if node.__class__ is Name and node.id in names and node.ctx.__class__ is Load:  # type: ignore[attr-defined]
            found.setdefault(node.id, []).append(node.lineno)  # type: ignore[attr-defined]
    result: list[bool] = []
    for node in classes:
        end = node.end_lineno or node.lineno
        result.append(any(not node.lineno <= line <= end for line in found.get(node.name, ())))
    return result
