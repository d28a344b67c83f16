"""One type spelt two ways in two copies of a class: ``owner_id: UUID`` under ``from uuid
import UUID`` and ``owner_id: uuid.UUID`` under ``import uuid`` (papermerge's ``Owner``),
``vector: List[float]`` under ``from typing import List`` and ``vector: list[float]``
(Kiln's ``Embedding``). The interpreter reads each pair as one thing, so a class copied and
then re-spelt is still written alike.

:class:`Respelling` rewrites a member statement's text into one spelling before its digest
is taken (``extract/layout.py``), from the module's own top-level imports. It only ever
merges spellings: a module qualifier before a class-like name (``uuid.`` in ``uuid.UUID``)
is dropped, and ``typing``'s aliases of builtin generics (``List``, ``typing.Dict``) are
written as the builtins. Two statements written alike before stay alike after."""

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


class Respelling:
    """How one module spells what its imports bind: the names ``import M [as A]`` binds
    (module qualifiers), and the names ``from typing import List [as L]`` binds."""

    def __init__(self, modules: Iterable[str], generics: dict[str, str]) -> None:
        self._pattern: re.Pattern[str] | None = None
        self._generics = dict(generics)
        parts: list[str] = []
        names = sorted(self._generics, key=len, reverse=True)
        if names:
            # First, so that ``typing.List`` becomes ``list`` before its qualifier goes.
            parts.append(rf"(?<![\w.])(?P<alias>{'|'.join(map(re.escape, names))})(?!\w)")
        qualifiers = sorted(set(modules), key=len, reverse=True)
        if qualifiers:
            # A qualifier (``uuid.``, ``t.``) right before a capitalised attribute; not
            # an attribute of something else (``self.uuid.UUID``).
            parts.append(rf"(?<![\w.])(?:{'|'.join(map(re.escape, qualifiers))})\.(?=[A-Z])")
        if parts:
            self._pattern = re.compile("|".join(parts))
        # The same two merges in ``ast.dump(node, annotate_fields=False)`` of an annotation.
        dumped: list[str] = []
        if qualifiers:
            dumped.append(
                rf"Attribute\(Name\('(?:{'|'.join(map(re.escape, qualifiers))})', Load\(\)\), '(?P<attr>[A-Z]\w*)', Load\(\)\)"
            )
        if self._generics:
            plain = [n for n in names if "." not in n]
            dotted = [n.split(".") for n in names if "." in n]
            alternatives = [rf"Name\('{re.escape(n)}', Load\(\)\)" for n in plain]
            alternatives += [rf"Attribute\(Name\('{re.escape(m)}', Load\(\)\), '{re.escape(a)}', Load\(\)\)" for m, a in dotted]
            dumped.insert(0, f"(?P<generic>{'|'.join(alternatives)})")
        self._dumped = re.compile("|".join(dumped)) if dumped else None

    def __bool__(self) -> bool:
        return self._pattern is not None

    def line(self, text: str) -> str:
        """The line in this module's one spelling."""
        if self._pattern is None:
            return text
        return self._pattern.sub(self._replace, text)

    def dump(self, text: str) -> str:
        """An annotation's ``ast.dump(..., annotate_fields=False)`` in this module's one
        spelling."""
        if self._dumped is None:
            return text
        return self._dumped.sub(self._replace_dumped, text)

    def _replace_dumped(self, match: re.Match[str]) -> str:
        generic = match.group("generic") if self._generics else None
        if generic:
            name = re.sub(r"Attribute\(Name\('([\w]+)', Load\(\)\), '(\w+)', Load\(\)\)", r"\1.\2", generic)
            name = re.sub(r"Name\('(\w+)', Load\(\)\)", r"\1", name)
            return f"Name('{self._generics[name]}', Load())"
        return f"Name('{match.group('attr')}', Load())"

    def _replace(self, match: re.Match[str]) -> str:
        alias = match.group("alias") if self._generics else None
        return self._generics[alias] if alias else ""


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
