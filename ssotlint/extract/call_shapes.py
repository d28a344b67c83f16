"""How a file calls the names it imports: the arguments a definition must take.

A broken import's hint names where else the name is defined. A namesake there may be
another thing altogether (lbry's script calls ``Daemon(LBC(), url=...)``, an RPC client;
the SDK's ``Daemon(conf, component_manager=None)`` is its JSON-RPC server): what the file
passes tells them apart. Recorded for each name a from-import binds (in any scope), over
every call of it by that bare name: the most positional arguments one call passes, the
keywords any call names, and whether a call unpacks (``*args``, ``**kwargs``: then the
arguments are not known). Computed from the interpreter's tree, for both engines alike.
"""

from __future__ import annotations

import ast

from ssotlint.extract.nodes import nodes_of

# (local name, most positional arguments, keywords named, some call unpacks)
CallShape = tuple[str, int, tuple[str, ...], bool]


def call_shapes(tree: ast.Module) -> tuple[CallShape, ...]:
    imported: set[str] = set()
    calls: list[ast.Call] = []
    for node in nodes_of(tree):  # the list every extractor shares, made once per tree
        if isinstance(node, ast.ImportFrom):
            imported.update(alias.asname or alias.name for alias in node.names if alias.name != "*")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            calls.append(node)
    found: dict[str, tuple[int, dict[str, None], bool]] = {}
    for call in calls:
        name = call.func.id  # type: ignore[attr-defined]
        if name not in imported:
            continue
        most, keywords, unpacks = found.get(name, (0, {}, False))
        unpacks = unpacks or any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords)
        keywords.update(dict.fromkeys(k.arg for k in call.keywords if k.arg is not None))
        found[name] = (max(most, len(call.args)), keywords, unpacks)
    return tuple(sorted((name, most, tuple(keywords), unpacks) for name, (most, keywords, unpacks) in found.items()))


def accepts(
    parameters: str, positional: int, keywords: tuple[str, ...], bound: bool = True, defaults_known: bool = False
) -> bool:
    """Whether a function whose parameters read ``parameters`` (extract/bodies.py
    ``method_parameters``: ``"self, conf, *, component_manager, **kwargs"``) can take
    ``positional`` arguments and the ``keywords``; ``bound``: its first parameter is the
    instance (a method called through its class). ``defaults_known``: the list marks the
    parameters that have a default (``"a, b=, *, c="``:
    :func:`~ssotlint.extract.writes.function_signatures`), and each of the others must be
    passed, by position or by keyword; otherwise fewer arguments than it has parameters may
    be fine."""
    names = [p.strip() for p in parameters.split(",") if p.strip()]
    if bound and names and names[0] not in ("/", "*") and not names[0].startswith("*"):
        names = names[1:]
    capacity, variadic, any_keyword = 0, False, False
    named: list[str] = []
    required: list[tuple[str, int | None]] = []  # (name, its position; None: keyword-only)
    positional_only: set[str] = set()
    keyword_only = False
    for p in names:
        if p == "/":
            positional_only = set(named)
        elif p == "*":
            keyword_only = True
        elif p.startswith("**"):
            any_keyword = True
        elif p.startswith("*"):
            variadic, keyword_only = True, True
        else:
            name = p.removesuffix("=")
            if defaults_known and not p.endswith("="):
                required.append((name, None if keyword_only else capacity))
            named.append(name)
            capacity += 0 if keyword_only else 1
    if positional > capacity and not variadic:
        return False
    if not (any_keyword or all(k in named and k not in positional_only for k in keywords)):
        return False
    return all((at is not None and at < positional) or name in keywords for name, at in required)
