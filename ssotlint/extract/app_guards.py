"""Imports of a Django application, or of any module, that run only when it is there.

An open-core project ships code that uses an application of its paid edition only when
that application is installed (frePPLe's ``if "freppledb.inventoryplanning" in
settings.INSTALLED_APPS: from freppledb.inventoryplanning.models import ...``), or a module
of an add-on only when it can be imported (taipy's ``if find_spec("taipy.enterprise"):
from taipy.enterprise._init import *``). The application or add-on is absent from the
open repository, and the check says so: the import is deliberately optional, as one under
``except ImportError`` is. Only imports of what the check names (or below it) are.
"""

from __future__ import annotations

import ast

from ssotlint.astnames import dotted_name
from ssotlint.extract.builder import last_part
from ssotlint.extract.summary import CTX_GUARDED, ImportRecord


def app_guarded_lines(tree: ast.Module, text: str) -> tuple[int, ...]:
    """The lines of the imports (absolute ones) inside an ``if`` that asks whether the
    application they import from is installed: ``"app" in <...>INSTALLED_APPS`` or
    ``apps.is_installed("app")``, or whether a module can be imported (``find_spec("m")``,
    ``find_loader``, or either ``is not None``), or a name bound once to such a test (its
    body; the ``else`` of ``not in`` or ``is None``), the imported module being the one
    named or below it (``from pkg import ext`` under ``find_spec("pkg.ext")`` too)."""
    if "INSTALLED_APPS" not in text and "is_installed" not in text and "find_spec" not in text and "find_loader" not in text:
        return ()
    found: list[int] = []
    # A name bound to such a test (``with_ip = "freppledb.inventoryplanning" in
    # settings.INSTALLED_APPS``, then ``if with_ip:``), bound once in the file.
    flags: dict[str, tuple[str | None, bool]] = {}
    bound: dict[str, int] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            bound[name] = bound.get(name, 0) + 1
            flags[name] = _installed_test(node.value)
    for node in ast.walk(tree):
        if not isinstance(node, ast.If):
            continue
        if isinstance(node.test, ast.Name) and bound.get(node.test.id) == 1:
            app, present = flags[node.test.id]
        else:
            app, present = _installed_test(node.test)
        if app is None:
            continue
        for statement in node.body if present else node.orelse:
            for inner in ast.walk(statement):
                if isinstance(inner, ast.ImportFrom) and not inner.level and (
                    _below(inner.module or "", app)
                    # `from pkg import ext` under `find_spec("pkg.ext")`: the module asked about
                    or any(_below(f"{inner.module}.{a.name}", app) for a in inner.names)
                ):
                    found.append(inner.lineno)
                elif isinstance(inner, ast.Import) and any(_below(a.name, app) for a in inner.names):
                    found.append(inner.lineno)
    return tuple(sorted(set(found)))


def guard_app_imports(imports: list[ImportRecord], lines: tuple[int, ...]) -> list[ImportRecord]:
    """``imports`` with those on ``lines`` marked deliberately optional (``CTX_GUARDED``)."""
    if not lines:
        return imports
    wanted = frozenset(lines)
    return [rec._replace(context=rec.context | CTX_GUARDED) if rec.line in wanted else rec for rec in imports]


def _installed_test(test: ast.expr) -> tuple[str | None, bool]:
    """The application (or module) an ``if`` test asks about, and whether its body runs when
    it is there (``in``, ``is_installed``, ``find_spec``, ``is not None``) or its ``else``
    does (``not in``, ``is None``)."""
    if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.left, ast.Constant):
        app = test.left.value
        container = test.comparators[0]
        named = container.attr if isinstance(container, ast.Attribute) else getattr(container, "id", None)
        if isinstance(app, str) and named == "INSTALLED_APPS" and isinstance(test.ops[0], (ast.In, ast.NotIn)):
            return app, isinstance(test.ops[0], ast.In)
    if isinstance(test, ast.Call) and isinstance(test.func, ast.Attribute) and test.func.attr == "is_installed":
        if len(test.args) == 1 and isinstance(test.args[0], ast.Constant) and isinstance(test.args[0].value, str):
            return test.args[0].value, True
    present = True
    if (
        isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], (ast.Is, ast.IsNot))
        and isinstance(test.comparators[0], ast.Constant) and test.comparators[0].value is None
    ):
        test, present = test.left, isinstance(test.ops[0], ast.IsNot)  # `find_spec("x") is not None`
    if (
        isinstance(test, ast.Call) and last_part(dotted_name(test.func) or "") in _FINDERS and test.args
        and isinstance(test.args[0], ast.Constant) and isinstance(test.args[0].value, str)
    ):
        return test.args[0].value, present  # whether the module can be imported
    return None, True


# ``importlib.util.find_spec(name)``, ``pkgutil.find_loader(name)``: None when no module of
# that name can be imported.
_FINDERS = frozenset({"find_spec", "find_loader"})



def _below(module: str, app: str) -> bool:
    return module == app or module.startswith(app + ".")
