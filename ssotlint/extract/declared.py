"""Names a class decorator declares in the module under another name than the class's.

A library's decorator may build the public class from the one it decorates and bind it in
the defining module under a name it is given: pyomo's ``@declare_custom_block(name=
"BendersCutGenerator")`` on ``class BendersCutGeneratorData`` creates
``BendersCutGenerator`` and sets it on ``sys.modules[cls.__module__]``. Read narrowly, so
that a registry's ``@register(name="csv")`` binds nothing: a module-level class whose
decorator is a call with the keyword ``name=`` spelling a class-like identifier (a capital
first letter) that is the start of the class's own name (``BendersCutGenerator`` of
``BendersCutGeneratorData``), or whose start the class's name is.

Django's history libraries do the same for each model they track: django-pghistory's
``@pghistory.track(...)`` creates the event model ``<Model>Event`` (or its ``model_name=``)
in the model's module, and django-simple-history's ``history = HistoricalRecords()`` field
creates ``Historical<Model>`` (or its ``custom_model_name=``) there: courtlistener's
``from cl.search.models import DocketEvent``. So do the translation libraries: a
``translations = TranslatedFields(...)`` field of django-parler (or django-hvad, whose API
it follows) creates ``<Model>Translation`` and sets it on the model's module
(adhocracy-plus' ``from apps.organisations.models import OrganisationTranslation``).

Computed from the interpreter's tree, for both engines alike.
"""

from __future__ import annotations

import ast

from ssotlint.astnames import dotted_name


def declared_names(tree: ast.Module, text: str) -> tuple[str, ...]:
    """The names module-level class decorators declare (see the module's docstring)."""
    history = library_models(tree, text)
    if "name=" not in text.replace(" ", ""):
        return history
    found: dict[str, None] = dict.fromkeys(history)
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


def library_models(tree: ast.Module, text: str) -> tuple[str, ...]:
    """The models Django's history and translation libraries create beside the
    module-level models they track or translate (see the module's docstring)."""
    pghistory, simple_history = "pghistory" in text, "simple_history" in text  # the libraries, imported
    translated = "TranslatedFields" in text and ("parler" in text or "hvad" in text)
    if not pghistory and not simple_history and not translated:
        return ()
    found: dict[str, None] = {}
    for stmt in tree.body:
        if not isinstance(stmt, ast.ClassDef):
            continue
        for decorator in stmt.decorator_list if pghistory else ():
            called = dotted_name(decorator.func) if isinstance(decorator, ast.Call) else ""
            if called == "pghistory.track" or (called == "track" and "from pghistory import" in text):
                found[_named(decorator, "model_name") or f"{stmt.name}Event"] = None  # type: ignore[arg-type]
        for field in stmt.body:
            value = field.value if isinstance(field, (ast.Assign, ast.AnnAssign)) else None
            called = dotted_name(value.func).rpartition(".")[2] if isinstance(value, ast.Call) else ""
            if simple_history and called == "HistoricalRecords":
                found[_named(value, "custom_model_name") or f"Historical{stmt.name}"] = None  # type: ignore[union-attr]
            elif translated and called == "TranslatedFields":
                found[f"{stmt.name}Translation"] = None
    return tuple(found)


def _named(call: ast.Call, keyword: str) -> str | None:
    """The identifier a call's keyword spells as a literal string."""
    for k in call.keywords:
        if k.arg == keyword and isinstance(k.value, ast.Constant) and isinstance(k.value.value, str):
            return k.value.value if k.value.value.isidentifier() else None
    return None
