"""The cache's storage format: JSON, read back through a validator derived from the types.

The cache is untrusted input (it lives in the audited repository by default), so rows are
plain JSON, whose loader builds nothing but lists, dicts, strings, numbers and booleans,
and every row is checked against the shape its type declares before it is used: a
:class:`~ssotlint.extract.summary.FileSummary` or an outcome with a wrong field, a wrong
length or a value of the wrong type raises :class:`ValueError`, which the cache treats as a
miss. The validators are built from the named tuples' type hints, so a field added to a
summary is stored and checked without touching this module.
"""

from __future__ import annotations

import collections.abc
import json
import types
import typing
from functools import lru_cache
from typing import Any, Callable

Convert = Callable[[Any], Any]

_dumps = json.JSONEncoder(ensure_ascii=True, check_circular=False, separators=(",", ":")).encode
_loads = json.loads


def dumps(value: Any) -> bytes:
    """Named tuples and tuples become JSON arrays; non-UTF-8 text stays escaped (\\udcxx)."""
    return _dumps(value).encode("ascii")


def loads(data: bytes, kind: type) -> Any:
    """``data`` as a ``kind`` (a named tuple or a typing form); ValueError if it is not one."""
    try:
        value = _loads(data)
    except (ValueError, RecursionError, TypeError) as exc:
        raise ValueError(f"not JSON: {exc}") from None
    return converter(kind)(value)


def _fail(expected: str, value: Any) -> typing.NoReturn:
    raise ValueError(f"expected {expected}, found {type(value).__name__}")


@lru_cache(maxsize=None)
def converter(kind: Any) -> Convert:
    """A function that checks a decoded JSON value against ``kind`` and returns it as one."""
    return _Generator().compile(kind)


class _Generator:
    """Writes a validator for a type as straight-line Python.

    A 10,000-file tree has some 100,000 import records to check when its summaries are read;
    a function call per field would cost more than decoding the JSON. So records, tuples and
    arrays are checked inline, in loops, with one generated function per top-level type.
    The code is ssotlint's own, made from its type hints; stored data only ever reaches it as
    the value being checked.
    """

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.scope: dict[str, Any] = {"fail": _fail, "new": tuple.__new__}
        self.count = 0

    def compile(self, kind: Any) -> Convert:
        result = self.emit(kind, "value", 1)
        self.lines.append(f"    return {result}")
        source = "def convert(value):\n" + "\n".join(self.lines) + "\n"
        exec(source, self.scope)  # noqa: S102 - generated from our own types (see the class docstring)
        return self.scope["convert"]

    def name(self, prefix: str) -> str:
        self.count += 1
        return f"{prefix}{self.count}"

    def constant(self, value: Any) -> str:
        key = self.name("k")
        self.scope[key] = value
        return key

    def fail(self, pad: str, kind: Any, var: str) -> None:
        self.lines.append(f"{pad}    fail({_label(kind)!r}, {var})")

    def emit(self, kind: Any, var: str, depth: int) -> str:
        """Lines that check ``var`` against ``kind``; returns the expression of the result."""
        pad = "    " * depth
        check = _inline_check(kind, var)
        if check is not None:
            if check != "True":
                self.lines.append(f"{pad}if not ({check}):")
                self.fail(pad, kind, var)
            return var
        origin, arguments = typing.get_origin(kind), typing.get_args(kind)
        if isinstance(kind, type) and issubclass(kind, tuple) and hasattr(kind, "_fields"):
            hints = typing.get_type_hints(kind)
            return self.record([hints[f] for f in kind._fields], kind, var, depth)
        if origin is tuple and not (len(arguments) == 2 and arguments[1] is Ellipsis):
            return self.record(list(arguments), None, var, depth)
        if origin in (tuple, list):
            return self.sequence(arguments[0], tuple if origin is tuple else list, var, depth)
        if origin in (typing.Union, types.UnionType) and len(arguments) == 2 and type(None) in arguments:
            other = arguments[0] if arguments[1] is type(None) else arguments[1]
            result = self.name("r")
            self.lines.append(f"{pad}if {var} is None:\n{pad}    {result} = None\n{pad}else:")
            inner = self.emit(other, var, depth + 1)
            self.lines.append(f"{pad}    {result} = {inner}")
            return result
        # Rare shapes (mappings, wider unions): a call to a validator of their own.
        function = self.constant(_composite(kind))
        return f"{function}({var})"

    def record(self, kinds: list[Any], build: type | None, var: str, depth: int) -> str:
        pad = "    " * depth
        label = f"{getattr(build, '__name__', 'array')} ({len(kinds)} fields)"
        fields = [self.name("f") for _ in kinds]
        self.lines.append(f"{pad}if type({var}) is not list or len({var}) != {len(kinds)}:")
        self.lines.append(f"{pad}    fail({label!r}, {var})")
        self.lines.append(f"{pad}{', '.join(fields)}{',' if len(fields) == 1 else ''} = {var}")
        results = [self.emit(kind, field, depth) for kind, field in zip(kinds, fields)]
        items = ", ".join(results) + ("," if len(results) == 1 else "")
        if build is None:
            return f"({items})"
        return f"new({self.constant(build)}, ({items}))"

    def sequence(self, item: Any, build: type, var: str, depth: int) -> str:
        pad = "    " * depth
        result = self.name("s")
        if item in _SCALARS:  # one pass in C over the item types
            allowed = self.constant(frozenset({item}))
            self.lines.append(f"{pad}if type({var}) is not list or not {allowed}.issuperset(map(type, {var})):")
            self.lines.append(f"{pad}    fail('array of {item.__name__}', {var})")
            return f"{build.__name__}({var})"
        element = self.name("e")
        self.lines.append(f"{pad}if type({var}) is not list:")
        self.lines.append(f"{pad}    fail('array', {var})")
        self.lines.append(f"{pad}{result} = []")
        self.lines.append(f"{pad}for {element} in {var}:")
        converted = self.emit(item, element, depth + 1)
        self.lines.append(f"{pad}    {result}.append({converted})")
        return f"{build.__name__}({result})" if build is tuple else result


_SCALARS = (str, int, float, bool)


def _optional_scalar(kind: Any) -> bool:
    arguments = typing.get_args(kind)
    return (
        typing.get_origin(kind) in (typing.Union, types.UnionType)
        and len(arguments) == 2
        and type(None) in arguments
        and all(a in _SCALARS or a is type(None) for a in arguments)
    )


def _inline_check(kind: Any, name: str) -> str | None:
    """A Python expression, true when ``name`` holds a ``kind``; None for a composite kind."""
    if kind is Any:
        return "True"
    if kind in _SCALARS:
        return f"type({name}) is {kind.__name__}"
    if kind is type(None):
        return f"{name} is None"
    if _optional_scalar(kind):
        other = next(a for a in typing.get_args(kind) if a is not type(None))
        return f"{name} is None or type({name}) is {other.__name__}"
    if typing.get_origin(kind) is typing.Literal and all(type(a) is str for a in typing.get_args(kind)):
        return f"type({name}) is str and {name} in {frozenset(typing.get_args(kind))!r}"
    return None


def _label(kind: Any) -> str:
    return getattr(kind, "__name__", None) or str(kind).replace("typing.", "")


def _composite(kind: Any) -> Convert:
    origin, arguments = typing.get_origin(kind), typing.get_args(kind)
    if origin in (dict, collections.abc.Mapping):
        key, item = converter(arguments[0]), converter(arguments[1])

        def mapping(value: Any) -> Any:
            if type(value) is not dict:
                _fail("object", value)
            return {key(k): item(v) for k, v in value.items()}

        return mapping
    if origin in (typing.Union, types.UnionType):
        options = [converter(a) for a in arguments]

        def union(value: Any) -> Any:
            for option in options:
                try:
                    return option(value)
                except ValueError:
                    continue
            _fail("one of several types", value)

        return union
    raise TypeError(f"no storage form for {kind!r}")
