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
    if kind is Any:
        return _json_value
    if kind in (str, int, float, bool):
        return _scalar(kind)
    if kind is type(None):
        return _none
    if isinstance(kind, type) and issubclass(kind, tuple) and hasattr(kind, "_fields"):
        return _named_tuple(kind)
    origin = typing.get_origin(kind)
    arguments = typing.get_args(kind)
    if origin in (typing.Union, types.UnionType):
        return _union(tuple(converter(a) for a in arguments))
    if origin is tuple:
        if len(arguments) == 2 and arguments[1] is Ellipsis:
            return _sequence(converter(arguments[0]), tuple)
        return _fixed(tuple(converter(a) for a in arguments))
    if origin is list:
        return _sequence(converter(arguments[0]), list)
    if origin in (dict, collections.abc.Mapping):
        return _mapping(converter(arguments[0]), converter(arguments[1]))
    raise TypeError(f"no storage form for {kind!r}")


def _scalar(kind: type) -> Convert:
    def convert(value: Any) -> Any:
        if type(value) is not kind:
            _fail(kind.__name__, value)
        return value

    return convert


def _none(value: Any) -> None:
    if value is not None:
        _fail("null", value)
    return None


def _json_value(value: Any) -> Any:
    """Anything JSON can hold (arrays come back as lists)."""
    return value


def _union(options: tuple[Convert, ...]) -> Convert:
    if len(options) == 2 and _none in options:  # X | None, the common case
        other = options[0] if options[1] is _none else options[1]

        def optional(value: Any) -> Any:
            return None if value is None else other(value)

        return optional

    def convert(value: Any) -> Any:
        for option in options:
            try:
                return option(value)
            except ValueError:
                continue
        _fail("one of several types", value)

    return convert


def _sequence(item: Convert, build: type) -> Convert:
    def convert(value: Any) -> Any:
        if type(value) is not list:
            _fail("array", value)
        return build(map(item, value))

    return convert


def _fixed(items: tuple[Convert, ...]) -> Convert:
    size = len(items)

    def convert(value: Any) -> Any:
        if type(value) is not list or len(value) != size:
            _fail(f"array of {size}", value)
        return tuple(map(_apply, items, value))

    return convert


def _mapping(key: Convert, item: Convert) -> Convert:
    def convert(value: Any) -> Any:
        if type(value) is not dict:
            _fail("object", value)
        return {key(k): item(v) for k, v in value.items()}

    return convert


def _apply(convert: Convert, value: Any) -> Any:
    return convert(value)


def _named_tuple(kind: type) -> Convert:
    hints = typing.get_type_hints(kind)
    fields = tuple(converter(hints[name]) for name in kind._fields)
    size = len(fields)
    new = tuple.__new__

    def convert(value: Any) -> Any:
        if type(value) is not list or len(value) != size:
            _fail(f"{kind.__name__} ({size} fields)", value)
        return new(kind, map(_apply, fields, value))

    return convert
