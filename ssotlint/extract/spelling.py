"""One type spelt two ways in two copies of a class: ``owner_id: UUID`` under ``from uuid
import UUID`` and ``owner_id: uuid.UUID`` under ``import uuid`` (papermerge's ``Owner``),
``vector: List[float]`` under ``from typing import List`` and ``vector: list[float]``
(Kiln's ``Embedding``). The interpreter reads each pair as one thing, so a class copied and
then re-spelt is still written alike.

:class:`Respelling` rewrites a member statement's text into one spelling before its digest
is taken (``extract/layout.py``), from the module's own top-level imports. It only ever
merges spellings: a module qualifier before a class-like name (``uuid.`` in ``uuid.UUID``)
is dropped, and ``typing``'s aliases of builtin generics (``List``, ``typing.Dict``) are
written as the builtins, and a class statement's ``(object)`` base (Python 2's new-style
class) goes. Two statements written alike before stay alike after."""

from __future__ import annotations

import ast
import re
from typing import Iterable, Sequence

# typing's (and typing_extensions') deprecated aliases of builtin generics (PEP 585).
_GENERIC_ALIASES = {
    "List": "list", "Dict": "dict", "Tuple": "tuple", "Set": "set",
    "FrozenSet": "frozenset", "Type": "type",
}
_TYPING_MODULES = frozenset({"typing", "typing_extensions"})
# A submodule's name in a dotted path (``props`` in ``bpy.props.FloatProperty``): lower case.
_SUBMODULE = r"[a-z_][a-z0-9_]*"


class Respelling:
    """How one module spells what its imports bind: the names ``import M [as A]`` binds
    (module qualifiers), and the names ``from typing import List [as L]`` binds."""

    def __init__(self, modules: Iterable[str], generics: dict[str, str]) -> None:
        self._generics = dict(generics)  # ``List`` or ``typing.List`` -> ``list``
        names = sorted(self._generics, key=len, reverse=True)
        qualifiers = sorted(set(modules), key=len, reverse=True)
        parts: list[str] = []
        if names:
            # First, so that ``typing.List`` becomes ``list`` before its qualifier goes.
            parts.append(rf"(?<![\w.])(?P<alias>{'|'.join(map(re.escape, names))})(?!\w)")
        if qualifiers:
            # A qualifier (``uuid.``, ``t.``, or a submodule path through it: ``bpy.props.``)
            # right before a capitalised attribute; not an attribute of something else
            # (``self.uuid.UUID``).
            parts.append(rf"(?<![\w.])(?:{'|'.join(map(re.escape, qualifiers))})(?:\.{_SUBMODULE})*\.(?=[A-Z])")
        self._pattern = re.compile("|".join(parts)) if parts else None
        # The same two merges in ``ast.dump(node, annotate_fields=False)`` of an annotation.
        self._dumped_generics = {_dumped(name): builtin for name, builtin in self._generics.items()}
        dumped = [f"(?P<generic>{'|'.join(map(re.escape, self._dumped_generics))})"] if names else []
        if qualifiers:
            dumped.append(
                rf"(?P<opened>(?:Attribute\()+)Name\('(?:{'|'.join(map(re.escape, qualifiers))})', Load\(\)\)"
                rf"(?P<path>(?:, '{_SUBMODULE}', Load\(\)\))*), '(?P<attr>[A-Z]\w*)', Load\(\)\)"
            )
        self._dumped = re.compile("|".join(dumped)) if dumped else None

    def __bool__(self) -> bool:
        return self._pattern is not None

    def line(self, text: str) -> str:
        """The line in this module's one spelling."""
        if self._pattern is None:
            return text
        return self._pattern.sub(self._replace, text)

    def class_lines(self, lines: Sequence[str], classes: Sequence[ast.ClassDef]) -> list[str]:
        """``lines`` with those of the class statements (decorators included) in this
        module's one spelling, each respelt once however deep its classes nest."""
        spelled = list(lines)
        done = bytearray(len(lines))
        for node in classes:
            first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            for index in range(first - 1, min(node.end_lineno or node.lineno, len(lines))):
                if not done[index]:
                    spelled[index] = self.line(lines[index])
                    done[index] = 1
        for node in classes:
            if object_based(node) and node.lineno <= len(lines):
                # ``class X(object):`` is ``class X:`` in Python 3 (ramble's ``FetchStrategy``
                # copied from spack's and modernised).
                spelled[node.lineno - 1] = _OBJECT_BASE.sub(r"\1:", spelled[node.lineno - 1], count=1)
        return spelled

    def dump(self, text: str) -> str:
        """An annotation's ``ast.dump(..., annotate_fields=False)`` in this module's one
        spelling."""
        if self._dumped is None:
            return text
        return self._dumped.sub(self._replace_dumped, text)

    def _replace_dumped(self, match: re.Match[str]) -> str:
        generic = match.group("generic") if self._generics else None
        if generic:
            return _dumped(self._dumped_generics[generic])
        # The attributes opened before the qualifier and not closed by its path and name
        # are those of an outer expression (``bpy.props.X.y``): kept open.
        unclosed = match.group("opened").count("(") - match.group("path").count("Load())") - 1
        return "Attribute(" * unclosed + _dumped(match.group("attr"))

    def _replace(self, match: re.Match[str]) -> str:
        alias = match.group("alias") if self._generics else None
        return self._generics[alias] if alias else ""


_OBJECT_BASE = re.compile(r"^(\s*class\s+\w+)\s*\(\s*object\s*,?\s*\)\s*:")


def object_based(node: ast.ClassDef) -> bool:
    """The class statement names ``object`` as its only base, on its own first line."""
    return (
        len(node.bases) == 1 and isinstance(node.bases[0], ast.Name) and node.bases[0].id == "object"
        and not node.keywords and node.bases[0].lineno == node.lineno
    )


def _dumped(dotted: str) -> str:
    """How ``ast.dump(..., annotate_fields=False)`` writes a name or a one-dot attribute."""
    head, _, attribute = dotted.partition(".")
    name = f"Name('{head}', Load())"
    return f"Attribute({name}, '{attribute}', Load())" if attribute else name


def module_respelling(tree: ast.Module) -> Respelling:
    """The respelling of a module, from the imports at its top level (and in top-level
    ``if``/``try`` blocks, where ``TYPE_CHECKING`` imports and fallbacks sit)."""
    modules: set[str] = set()
    generics: dict[str, str] = {}
    typing_modules: set[str] = set()
    for stmt in _top_level(tree.body):
        if isinstance(stmt, ast.Import):
            for alias in stmt.names:
                bound = alias.asname or alias.name.partition(".")[0]
                modules.add(bound)
                if alias.name in _TYPING_MODULES:
                    typing_modules.add(bound)
        elif isinstance(stmt, ast.ImportFrom) and not stmt.level and stmt.module in _TYPING_MODULES:
            for alias in stmt.names:
                if alias.name in _GENERIC_ALIASES:
                    generics[alias.asname or alias.name] = _GENERIC_ALIASES[alias.name]
    for module in typing_modules:
        for name, builtin in _GENERIC_ALIASES.items():
            generics[f"{module}.{name}"] = builtin
    return Respelling(modules, generics)


def _top_level(body: Sequence[ast.stmt]) -> Iterable[ast.stmt]:
    for stmt in body:
        yield stmt
        if isinstance(stmt, ast.If):
            yield from _top_level(stmt.body)
            yield from _top_level(stmt.orelse)
        elif isinstance(stmt, ast.Try):
            yield from _top_level(stmt.body)
            for handler in stmt.handlers:
                yield from _top_level(handler.body)
