"""Django models as tables (SSOT001): a concrete model is stored in a table named after its
application (``<app_label>_<model name>``), so two applications' models of one name are two
tables, whatever their fields. Telling one application to import the other's model would
move its rows into the other's table: wrong in kind. What the two share is already said
once when it is an abstract base (``class Meta: abstract = True``), and a copied class that
is not a model is compared as usual."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ssotlint.extract.ast_walk import name_digest
from ssotlint.extract.summary import ClassRecord
from ssotlint.model.django_setup import installed_apps, is_django_model_base
from ssotlint.model.project import ClassRef, Project, SourceFile

if TYPE_CHECKING:
    from ssotlint.rules.definitions import Definition

# Options of a model's ``Meta`` that leave it without a table of its own.
_TABLELESS = frozenset({"abstract", "proxy"})


def app_label(module: str, record: ClassRecord) -> str | None:
    """The application label Django gives a model of ``module``: its ``Meta.app_label``,
    else the package holding its ``models`` module or package (``geotrek.outdoor.models``
    -> ``outdoor``), else the package holding the module. None for a top-level module with
    no package."""
    for option in record.model_options:
        if option.startswith("app_label="):
            return option.partition("=")[2]
    package = _models_package(module)
    if package is not None:
        return package.rpartition(".")[2]
    parts = module.split(".")
    return parts[-2] if len(parts) > 1 else None


def _models_package(module: str) -> str | None:
    """The package holding the last ``models`` module or package on ``module``'s path
    (``geotrek.outdoor`` for ``geotrek.outdoor.models.base``); None when there is none
    below the top."""
    parts = module.split(".")
    if "models" not in parts[1:]:
        return None
    return ".".join(parts[: len(parts) - 1 - parts[::-1].index("models")])


def concrete_model(project: Project, module: str, record: ClassRecord) -> bool:
    """A Django model with a table of its own: some ancestor is Django's ``Model`` and its
    own ``Meta`` says neither ``abstract`` nor ``proxy`` (neither is inherited)."""
    if not record.bases or _TABLELESS & set(record.model_options):
        return False
    _, external = project.ancestors(module, record)
    return any(is_django_model_base(name) for name in external)


def _implicit_table(project: Project, module: str | None, record: ClassRecord) -> str | None:
    """The application label of a concrete model stored under the implicit
    ``<label>_<name>`` table; None for a class that is no concrete model, or one that names
    its table itself (``db_table``: compared by that name, ``ClassRecord.registered``)."""
    if module is None or record.registered or not concrete_model(project, module, record):
        return None
    return app_label(module, record)


def tables_apart(project: Project, a: Definition, b: Definition) -> bool:
    """Two concrete Django models of one name in two applications (Geotrek's ``outdoor``
    and ``trekking`` each keep a ``Rating`` and a ``RatingScale`` on one abstract base,
    each with a foreign key to its own application's ``Practice``): two tables."""
    ta, tb = _implicit_table(project, a[0].module, a[1]), _implicit_table(project, b[0].module, b[1])
    return ta is not None and tb is not None and ta != tb


def uninstalled_model(project: Project, d: Definition) -> bool:
    """A concrete model in the ``models`` of a package that no installed application is,
    when the settings spell every one (:func:`~ssotlint.model.django_setup.installed_apps`):
    Django refuses to create it (it belongs to no application), so the module cannot be
    imported where Django runs. bk-itsm's ``pipeline/django_signal_valve/`` is a copy of the
    installed ``django_signal_valve`` application that no settings install: its ``Signal`` is
    never the copy to keep, however many of its own modules import it."""
    f, record = d
    package = _models_package(f.module) if f.module is not None else None
    if package is None or any(option.startswith("app_label=") for option in record.model_options):
        return False
    entries = installed_apps(project)
    if entries is None or not concrete_model(project, f.module, record):  # type: ignore[arg-type]
        return False
    # An entry is the package, or an AppConfig class in it (``pkg.apps.PkgConfig``).
    return not any(
        entry == package or (entry.startswith(package + ".") and entry.rpartition(".")[2][:1].isupper())
        for entry in entries
    )


def bound_to_own_tables(project: Project, a: Definition, b: Definition) -> bool:
    """The objects each class is bound to, in its own module, that are concrete Django
    models of two applications: a class-level field holding the model (an admin inline's
    ``model = Rating``), or the model named beside the class at the module's level
    (``translator.register(Rating, RatingTO)``, ``(trekking_models.Rating, RatingTO)`` in
    a list a loop registers: ``FileSummary.class_partners``). Each is its own
    application's admin, form or translation options; importing one in place of the other
    would show or edit the other application's table."""
    (fa, ca), (fb, cb) = a, b
    if fa.module is None or fb.module is None or fa.module == fb.module:
        return False
    return any(
        ra.record.name == rb.record.name and (ra.module, ra.record.line) != (rb.module, rb.record.line)
        and tables_apart(project, (project.modules[ra.module], ra.record), (project.modules[rb.module], rb.record))
        for ra in bound_models(project, fa, ca) for rb in bound_models(project, fb, cb)
    )


def bound_models(project: Project, f: SourceFile, c: ClassRecord) -> list[ClassRef]:
    """The first-party classes ``c`` is bound to in its module (see
    :func:`bound_to_own_tables`). A history re-checks a
    class name when one of these, or their ancestors, changes (``definitions._names_read``)."""
    module = f.module or ""
    values = {value for _, value, _ in c.values}
    names = [n for n in c.refs if name_digest(n) in values] if values else []
    names += [partner for name, partner in f.summary.class_partners if name == c.name and c.top_level]
    found = []
    for name in dict.fromkeys(names):
        target = project.resolve(module, name)
        if isinstance(target, ClassRef) and target.module in project.modules:
            found.append(target)
    return found
