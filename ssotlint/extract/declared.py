"""Names a class decorator declares in the module under another name than the class's.

A library's decorator may build the public class from the one it decorates and bind it in
the defining module under a name it is given: pyomo's ``@declare_custom_block(name=
"BendersCutGenerator")`` on ``class BendersCutGeneratorData`` creates
``BendersCutGenerator`` and sets it on ``sys.modules[cls.__module__]``. Read narrowly, so
that a registry's ``@register(name="csv")`` binds nothing: a module-level class whose
decorator is a call with the keyword ``name=`` spelling a class-like identifier (a capital
first letter) that is the start of the class's own name (``BendersCutGenerator`` of
``BendersCutGeneratorData``), or whose start the class's name is.

Computed from the interpreter's tree, for both engines alike.
"""

from __future__ import annotations

import ast


def declared_names(tree: ast.Module, text: str) -> tuple[str, ...]:
    """The names module-level class decorators declare (see the module's docstring)."""
    if "name=" not in text.replace(" ", ""):
        return ()
    found: dict[str, None] = {}
    for stmt in tree.body:
        if not isinstance(stmt, ast.ClassDef):
            continue
        for decorator in stmt.decorator_list:
            if not isinstance(decorator, ast.Call):
                continue
            for keyword in decorator.keywords:
                value = keyword.value
                if keyword.arg != "name" or not isinstance(value, ast.Constant) or not isinstance(value.value, str):
                    continue
                name = value.value
                if (
                    name.isidentifier() and name[:1].isupper() and name != stmt.name
                    and (stmt.name.startswith(name) or name.startswith(stmt.name))
                ):
                    found[name] = None
    return tuple(found)
