"""SSOT002 in a Django project (round 36, grafana's oncall): the set-up imports the
installed applications' models in the settings' order, named by package or by AppConfig
path, and no run defines a model before it."""

from __future__ import annotations

import pytest

from ssotlint.rules.registry import RULES_BY_CODE
from ssotlint.rules.ssot002_circular_import import _django_apps
from ssotlint.testing import config_from_text, model_in_memory

_CONFIGS = {
    "users/apps.py": "from django.apps import AppConfig\n\n\nclass UsersConfig(AppConfig):\n    name = 'users'\n",
    "alerts/apps.py": "from django.apps import AppConfig\n\n\nclass AlertsConfig(AppConfig):\n    name = 'alerts'\n",
}


@pytest.mark.parametrize(
    "installed, found",
    [
        (("users.apps.UsersConfig", "alerts.apps.AlertsConfig"), []),
        (("alerts.apps.AlertsConfig", "users.apps.UsersConfig"), [("alerts/models.py", 3)]),
    ],
)
def test_applications_named_by_their_app_config_are_set_up_in_order(installed, found):
    project = model_in_memory({**_django_apps(*installed), **_CONFIGS}, config_from_text(""))
    assert project.django_setup.order[-2:] == tuple(f"{path.partition('.')[0]}.models" for path in installed)
    assert [(v.path, v.line) for v in RULES_BY_CODE["SSOT002"].check(project)] == found


def test_without_installed_apps_each_application_may_be_set_up_first():
    """No settings spell INSTALLED_APPS: the applications are the packages whose models
    define Django models, in an order not known, so each is tried first in turn, and
    importing `alerts.models` first fails."""
    files = {k: v for k, v in _django_apps("users", "alerts").items() if k != "settings.py"}
    project = model_in_memory(files, config_from_text(""))
    setup = project.django_setup
    assert {setup.order, *setup.alternatives} == {
        ("alerts", "users", "alerts.models", "users.models"), ("users", "alerts", "users.models", "alerts.models"),
    }
    assert [(v.path, v.line) for v in RULES_BY_CODE["SSOT002"].check(project)] == [("alerts/models.py", 3)]


def test_without_django_models_there_is_no_set_up():
    """Nothing defines a Django model and no settings list applications: nothing is held
    back, every start is a run."""
    files = {k: v.replace("(models.Model)", "") for k, v in _django_apps("users", "alerts").items() if k != "settings.py"}
    project = model_in_memory(files, config_from_text(""))
    assert not project.django_setup


def test_an_app_config_elsewhere_names_its_application():
    """kpi lists ``kobo.apps.KpiConfig``, whose ``name = 'kpi'``: the application set up is
    ``kpi``, not the ``kobo`` package holding the config, so ``kpi.models`` loads in the
    settings' order (here ``users`` first, as its own config does for ``users``)."""
    configs = {
        "proj/__init__.py": "",
        "proj/apps.py": (
            "from django.apps import AppConfig\n\n\nclass UsersConfig(AppConfig):\n    name = 'users'\n\n\n"
            "class AlertsConfig(AppConfig):\n    name = 'alerts'\n"
        ),
    }
    for installed, found in (
        (("proj.apps.UsersConfig", "proj.apps.AlertsConfig"), []),
        (("proj.apps.AlertsConfig", "proj.apps.UsersConfig"), [("alerts/models.py", 3)]),
    ):
        project = model_in_memory({**_django_apps(*installed), **configs}, config_from_text(""))
        apps = [path.rpartition(".")[2].removesuffix("Config").lower() for path in installed]
        assert project.django_setup.order[-2:] == tuple(f"{app}.models" for app in apps), installed
        assert [(v.path, v.line) for v in RULES_BY_CODE["SSOT002"].check(project)] == found, installed


def _admin_project(installed: tuple[str, ...]) -> dict[str, str]:
    """janeway's `core`: `logic` imports the `forms` module, `forms` a function of
    `logic`; `admin` imports `forms` first. Importing `logic` first fails, but before the
    set-up `logic` stops at its models import, and the set-up loads `forms` first."""
    return {
        "settings.py": f"INSTALLED_APPS = [{', '.join(map(repr, installed))}]\n",
        "core/__init__.py": "",
        "core/models.py": "from django.db import models\n\n\nclass Press(models.Model):\n    pass\n",
        "core/logic.py": (
            "from django.contrib.contenttypes.models import ContentType\n\nfrom core import forms\n\n\n"
            "def resize():\n    return ContentType, forms\n"
        ),
        "core/forms.py": "from core.logic import resize\n\n\nclass ImageForm:\n    size = resize\n",
        "core/admin.py": "from core import forms, models\n",
    }


@pytest.mark.parametrize(
    "installed, found",
    [
        (("django.contrib.admin", "core"), []),
        (("apps.JanewayAdminConfig", "core"), []),  # the project's own AdminConfig
        (("django.contrib.auth", "core"), [("core/forms.py", 1)]),  # no admin: `logic` may come first after set-up
    ],
)
def test_the_admins_autodiscovery_is_part_of_the_set_up(installed, found):
    project = model_in_memory(_admin_project(installed), config_from_text(""))
    assert [(v.path, v.line) for v in RULES_BY_CODE["SSOT002"].check(project)] == found


def test_installed_apps_built_of_names_are_read():
    """django-tenants' settings (django-bims): ``INSTALLED_APPS = list(SHARED_APPS) + [app
    for app in TENANT_APPS if app not in SHARED_APPS]``, each list bound above and extended
    by ``+=``: the set-up's order is read through them."""
    import ast

    from ssotlint.extract.django_apps import installed_apps

    text = (
        "SHARED_APPS = ('django_tenants', 'users')\nTENANT_APPS = ('users', 'alerts')\nif DEBUG:\n"
        "    SHARED_APPS += ('debug_toolbar',)\n"
        "INSTALLED_APPS = list(SHARED_APPS) + [app for app in TENANT_APPS if app not in SHARED_APPS]\n"
    )
    # every application spelt here: nothing else is installed
    assert installed_apps(ast.parse(text), text) == (("django_tenants", "users", "debug_toolbar", "alerts"), False)
    extended = text + "INSTALLED_APPS += ADMIN_APPS\n"  # a name this module does not bind
    assert installed_apps(ast.parse(extended), extended)[1] is True
    files = {k: v for k, v in _django_apps("users", "alerts").items() if k != "settings.py"}
    files["settings.py"] = (
        "SHARED_APPS = ('django.contrib.auth', 'users')\nTENANT_APPS = ('alerts',)\n"
        "INSTALLED_APPS = list(SHARED_APPS) + [app for app in TENANT_APPS if app not in SHARED_APPS]\n"
    )
    project = model_in_memory(files, config_from_text(""))
    assert project.django_setup.order[-2:] == ("users.models", "alerts.models")
    assert list(RULES_BY_CODE["SSOT002"].check(project)) == []
