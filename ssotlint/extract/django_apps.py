"""The applications a Django settings module installs, in order.

Django imports a project's models only in ``django.setup()``: first every installed
application's package (and its ``apps`` module), then each application's ``models``, in the
order ``INSTALLED_APPS`` lists them; a model class defined before that raises
``AppRegistryNotReady``. That order decides which import cycles through models modules can
run (rules/ssot002_circular_import.py). Read from the interpreter's tree, for both engines
alike: each module-level statement binding ``INSTALLED_APPS`` (``=``, ``+=``, annotated),
the string literals of its value in order (lists, tuples and their concatenations, and
names bound above to such values, through ``list()``, ``tuple()`` and filtering
comprehensions), the statements in source order.
"""

from __future__ import annotations

import ast
from typing import Iterator

from ssotlint.extract.nodes import import_time_statements

_NAME = "INSTALLED_APPS"


def installed_apps(tree: ast.Module, text: str) -> tuple[tuple[str, ...], bool]:
    """The application names the module's ``INSTALLED_APPS`` statements spell, in order,
    each once (empty when it has none), and whether they also take applications the module
    does not spell (``FileSummary.installed_apps_open``): a name it does not bind
    (waldur's ``INSTALLED_APPS += ADMIN_INSTALLED_APPS``, a star import's), a call (its
    plugins' ``(ext.django_app(),)``), anything but string literals."""
    if _NAME not in text:
        return (), False
    found: dict[str, None] = {}
    unspelt = False
    # What each module-level name holds so far, for a value built of names (django-tenants'
    # `INSTALLED_APPS = list(SHARED_APPS) + [app for app in TENANT_APPS if app not in
    # SHARED_APPS]`, each list bound above, and extended by `+=`).
    names: dict[str, list[str]] = {}
    for stmt in import_time_statements(tree.body):
        if isinstance(stmt, ast.Assign):
            targets, value = stmt.targets, stmt.value
        elif isinstance(stmt, (ast.AugAssign, ast.AnnAssign)) and stmt.value is not None:
            targets, value = [stmt.target], stmt.value
        else:
            continue
        missing: list[ast.expr] = []
        spelt = list(_strings(value, names, missing))
        for target in targets:
            if isinstance(target, ast.Name):
                if isinstance(stmt, ast.AugAssign):
                    names.setdefault(target.id, []).extend(spelt)
                else:
                    names[target.id] = spelt
        if any(isinstance(t, ast.Name) and t.id == _NAME for t in targets):
            found.update(dict.fromkeys(spelt))
            unspelt = unspelt or bool(missing)
    return tuple(found), unspelt


def _strings(node: ast.expr, names: dict[str, list[str]], missing: list[ast.expr]) -> Iterator[str]:
    """The dotted names a list, tuple or concatenation of them spells, in order; a name
    bound above to such a value (``names``), ``list(...)`` or ``tuple(...)`` of one, and a
    comprehension that filters one (``[app for app in APPS if ...]``) spell what it holds.
    What spells nothing that can be read here goes to ``missing``."""
    if isinstance(node, (ast.List, ast.Tuple)):
        for element in node.elts:
            if isinstance(element, ast.Constant) and isinstance(element.value, str):
                name = element.value.strip()
                if name and all(part.isidentifier() for part in name.split(".")):
                    yield name
            elif isinstance(element, ast.Starred):
                yield from _strings(element.value, names, missing)
            else:
                missing.append(element)
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        yield from _strings(node.left, names, missing)
        yield from _strings(node.right, names, missing)
    elif isinstance(node, ast.Name) and node.id in names:
        yield from names[node.id]
    elif (read := _namespace_get(node)) is not None and read in names:
        # ``locals().get("INSTALLED_APPS", [])`` at the module's level: the name's value so
        # far (bk-itsm's settings re-read it before they extend it).
        yield from names[read]
    elif (
        isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("list", "tuple")
        and len(node.args) == 1 and not node.keywords
    ):
        yield from _strings(node.args[0], names, missing)
    elif (
        isinstance(node, (ast.ListComp, ast.GeneratorExp)) and len(node.generators) == 1
        and isinstance(node.elt, ast.Name) and isinstance(node.generators[0].target, ast.Name)
        and node.elt.id == node.generators[0].target.id
    ):
        # (what the filter keeps is not known: every name it may keep, in order)
        yield from _strings(node.generators[0].iter, names, missing)
    else:
        missing.append(node)


def _namespace_get(node: ast.expr) -> str | None:
    """``NAME`` of ``locals().get("NAME", ...)`` or ``globals().get("NAME", ...)`` (the
    module's namespace, read by a literal name); None for anything else."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get"):
        return None
    owner = node.func.value
    if not (
        isinstance(owner, ast.Call) and isinstance(owner.func, ast.Name) and owner.func.id in ("locals", "globals")
        and not owner.args and not owner.keywords
    ):
        return None
    first = node.args[0] if node.args else None
    return first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else None
