"""What ``django.setup()`` imports, and which modules cannot run before it.

A Django project's model classes can be defined only inside ``django.setup()``: the
metaclass asks the application registry which application the model belongs to, and
that raises ``AppRegistryNotReady`` until every installed application has been imported.
So a module that defines a model (or imports a module of ``django.contrib`` that does)
cannot be run by a program before the set-up: a run of imports that reaches such a
statement stops there. The set-up itself imports the project's modules in an order its
settings fix: each installed application's package, and its ``apps`` module, in the order
of ``INSTALLED_APPS``; then each application's ``models``, in the same order; then what
each application's ``ready()`` imports (the admin's ``admin`` modules, django-modeltranslation's
``translation`` modules), in that order again. Only the runs
that order allows can break an import cycle through models modules at start-up
(rules/import_runs.py).

Read from the model: the settings' ``INSTALLED_APPS`` (``FileSummary.installed_apps``),
each class's resolved bases and each module-level import. When no settings module spells
``INSTALLED_APPS`` (akvo-rsr's settings package executes ``*.conf`` files; class-based
settings), the applications are the packages whose ``models`` define Django models, in an
order not known: the set-up is tried with each of them first in turn. A project with
neither has no set-up here, and no module is held back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ssotlint.extract.summary import CTX_CONDITIONAL, NOT_AT_IMPORT_TIME

if TYPE_CHECKING:
    from ssotlint.model.project import Project, SourceFile


@dataclass(frozen=True)
class DjangoSetup:
    """``order``: the first-party modules ``django.setup()`` imports, in order (none: not a
    Django project, as far as its settings say). ``guards``: for each module that cannot
    run before it, the line of its first statement that raises then."""

    order: tuple[str, ...] = ()
    guards: dict[str, int] = field(default_factory=dict)
    # Other orders the set-up may take when the settings do not say (see the module's
    # docstring); empty when they do.
    alternatives: tuple[tuple[str, ...], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.order)


# The most applications whose set-up orders are tried one by one when no settings say.
_MOST_INFERRED = 24


def django_setup(project: "Project") -> DjangoSetup:
    entries = _installed_apps(project)
    if not entries:
        return _inferred_setup(project)
    modules = project.modules
    apps: list[str] = []
    first: list[str] = []
    outside: set[str] = set()  # the top packages of applications from other distributions
    for entry in entries:
        if entry in modules:
            app, imported = entry, [entry]
            if f"{entry}.apps" in modules:
                imported.append(f"{entry}.apps")
        else:
            holder, _, config = entry.rpartition(".")  # an AppConfig's dotted path
            if holder not in modules:
                outside.add(entry.partition(".")[0])
                continue
            # The application is the one its ``name`` says (kpi's ``kobo.apps.KpiConfig``
            # has ``name = 'kpi'``), else the package holding its ``apps`` module.
            named = _config_name(modules[holder], config)
            app = named if named in modules else holder[: -len(".apps")] if holder.endswith(".apps") else holder
            imported = [holder]
        if app not in apps:
            apps.append(app)
        first.extend(m for m in imported if m not in first)
    order = first + [f"{app}.models" for app in apps if f"{app}.models" in modules and f"{app}.models" not in first]
    if not order:
        return DjangoSetup()
    # Then each application's ``ready()``, in the same order: the admin's imports every
    # application's ``admin`` module (``autodiscover``), django-modeltranslation's every
    # ``translation`` module (janeway's ``core/admin.py`` importing ``core.forms`` there).
    for entry in entries:
        submodule = _autodiscovered(entry)
        if submodule is not None:
            order += [m for m in (f"{app}.{submodule}" for app in apps) if m in modules and m not in order]
    return DjangoSetup(tuple(order), _guards(project, outside))


def _inferred_setup(project: "Project") -> DjangoSetup:
    """The set-up of a project whose settings spell no ``INSTALLED_APPS``: its applications
    are the packages whose ``models`` module (or package) defines a Django model, tried
    each first in turn (each application's package, then each ``models``). None when
    some settings take applications they do not spell, or there are too many to try."""
    if any(f.summary.installed_apps_open for f in project.files if not f.is_test):
        return DjangoSetup()
    modules = project.modules
    apps: set[str] = set()
    for f in project.files:
        module = f.module
        if f.is_test or module is None or modules.get(module) is not f or not f.summary.ok:
            continue
        parts = module.split(".")
        if "models" not in parts[1:]:
            continue
        app = ".".join(parts[: len(parts) - 1 - parts[::-1].index("models")])
        if app in apps or app not in modules or f"{app}.models" not in modules:
            continue
        if any(
            c.top_level and c.bases and any(is_django_model_base(e) for e in project.ancestors(module, c)[1])
            for c in f.summary.classes
        ):
            apps.add(app)
    if not apps or len(apps) > _MOST_INFERRED:
        return DjangoSetup()
    ordered = sorted(apps)
    orders = [ordered[i:] + ordered[:i] for i in range(len(ordered))]
    setups = tuple(tuple(order) + tuple(f"{app}.models" for app in order) for order in orders)
    return DjangoSetup(setups[0], _guards(project, set()), setups[1:])


def _guards(project: "Project", outside: set[str]) -> dict[str, int]:
    """For each module that cannot run before the set-up, the line of its first statement
    that raises then (see :func:`_guard`)."""
    guards: dict[str, int] = {}
    for f in project.files:
        if f.module is None or project.modules.get(f.module) is not f or not f.summary.ok:
            continue
        line = _guard(project, f, outside)
        if line is not None:
            guards[f.module] = line
    return guards


def discovered_modules(project: "Project") -> frozenset[str] | None:
    """The module names the installed applications' ``ready()`` search every application's
    package for (``admin`` when Django's admin is installed, ``translation`` for
    django-modeltranslation), whatever else lists the applications; None when no settings
    module lists ``INSTALLED_APPS``, or one takes applications it does not spell (what is
    installed is not known: waldur's ``INSTALLED_APPS += ADMIN_INSTALLED_APPS``, a star
    import's, and its plugins' ``ext.django_app()``)."""
    return project.shared(discovered_modules, lambda: _discovered_modules(project))


def _discovered_modules(project: "Project") -> frozenset[str] | None:
    entries = installed_apps(project)
    if entries is None:
        return None
    return frozenset(name for name in map(_autodiscovered, entries) if name is not None)


def installed_apps(project: "Project") -> tuple[str, ...] | None:
    """The applications the settings install, as the settings spell them (``"weixin.core"``,
    ``"django.contrib.humanize.apps.HumanizeConfig"``); None when no settings module lists
    ``INSTALLED_APPS``, or one takes applications it does not spell (what is installed is
    not known)."""
    return project.shared(installed_apps, lambda: _known_installed_apps(project))


def _known_installed_apps(project: "Project") -> tuple[str, ...] | None:
    entries = _installed_apps(project)
    if not entries or any(f.summary.installed_apps_open for f in project.files if not f.is_test):
        return None
    return entries


def _autodiscovered(entry: str) -> str | None:
    """The module each application's package is searched for by the ``ready()`` of the
    installed application ``entry``: ``admin`` for Django's admin (``django.contrib.admin``,
    or an ``AdminConfig`` of the project's: janeway's ``apps.JanewayAdminConfig``),
    ``translation`` for django-modeltranslation; None for the others."""
    if entry in ("django.contrib.admin", "django.contrib.admin.apps.AdminConfig") or entry.rpartition(".")[2].endswith("AdminConfig"):
        return "admin"
    if entry == "modeltranslation" or entry.startswith("modeltranslation."):
        return "translation"
    return None


def _config_name(f: "SourceFile", config: str) -> str | None:
    """The ``name`` an AppConfig class of ``f`` assigns as a literal string, if any."""
    for c in f.summary.classes:
        if c.name == config and c.top_level:
            return next((text for field, text in c.texts if field == "name"), None)
    return None


def _installed_apps(project: "Project") -> tuple[str, ...]:
    """The applications of the settings module that lists the most, in its order, then
    those only other settings modules list (a ``local.py`` adding a debug toolbar)."""
    lists = sorted(
        ((f.summary.installed_apps, f.path) for f in project.files if f.summary.installed_apps and not f.is_test),
        key=lambda item: (-len(item[0]), item[1]),
    )
    merged: dict[str, None] = {}
    for names, _ in lists:
        merged.update(dict.fromkeys(names))
    return tuple(merged)


def is_django_model_base(name: str) -> bool:
    """An external base from Django's model layer that makes a class a model:
    ``django.db.models.Model``, GeoDjango's ``django.contrib.gis.db.models.Model``,
    ``django.contrib.auth.models.AbstractUser`` (not a field class such as
    ``django.db.models.CharField``)."""
    parts = name.split(".")
    last = parts[-1]
    return parts[0] == "django" and "models" in parts[1:-1] and (last == "Model" or last.startswith("Abstract"))


def _model_base(name: str, outside: set[str]) -> bool:
    """A class from Django's model layer or an installed application's ``models``
    (``django.db.models.Model``, ``django.contrib.auth.models.AbstractUser``,
    ``mptt.models.MPTTModel``)."""
    parts = name.split(".")
    return "models" in parts[1:-1] and (parts[0] == "django" or parts[0] in outside)


def _guard(project: "Project", f: "SourceFile", outside: set[str]) -> int | None:
    """The line of the module's first statement that raises before the set-up: a model
    class at its top level, or an import of a models module of ``django.contrib`` or of an
    installed application from another distribution, run at import time."""
    module = f.module
    assert module is not None
    lines: list[int] = []
    for c in f.summary.classes:
        if c.top_level and not c.context & (NOT_AT_IMPORT_TIME | CTX_CONDITIONAL) and c.bases:
            if any(_model_base(e, outside) for e in project.ancestors(module, c)[1]):
                lines.append(c.line)
                break
    for rec, absolute in zip(f.summary.imports, f.absolutes):
        if absolute is None or rec.context & (NOT_AT_IMPORT_TIME | CTX_CONDITIONAL):
            continue
        names = [absolute] + ([f"{absolute}.{name}" for name, _ in rec.names] if rec.is_from else [])
        if any(_models_module(n, outside) for n in names):
            lines.append(rec.line)
            break
    return min(lines) if lines else None


def _models_module(name: str, outside: set[str]) -> bool:
    """``django.contrib.auth.models``, ``taggit.models``: a models module of another
    distribution's application (importing it defines its models)."""
    parts = name.split(".")
    if parts[-1] != "models":
        return False
    return (parts[:2] == ["django", "contrib"] and len(parts) == 4) or (len(parts) == 2 and parts[0] in outside)
