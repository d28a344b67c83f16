"""An application's ``admin.py`` that registers models when Django's admin discovers it
(gcd's ``apps/gcd/admin.py``) is loaded by the set-up, by its name: a module, not "a
program of its own", whatever its statements do when it is loaded."""

from __future__ import annotations

from ssotlint.testing import run_rule

ADMIN = (
    "from django.contrib import admin\n\nfrom {app}.models import Grant\n\n\n"
    "class GrantAdmin(admin.ModelAdmin):\n    list_display = ('name', 'year')\n    search_fields = ('name',)\n\n\n"
    "admin.site.register(Grant, GrantAdmin)\n"
)


def _files(installed: list[str]) -> dict[str, str]:
    files = {"settings.py": f"INSTALLED_APPS = {installed!r}\n"}
    for app in ("gcd", "indexer"):
        files[f"{app}/__init__.py"] = ""
        files[f"{app}/models.py"] = "from django.db import models\n\n\nclass Grant(models.Model):\n    name = models.CharField()\n"
        # (both administer gcd's model: an admin of each application's own model is its own)
        files[f"{app}/admin.py"] = ADMIN.format(app="gcd")
    return files


def _admin_finding(installed: list[str]) -> str:
    (found,) = [v.message for v in run_rule("SSOT001", _files(installed)) if v.path == "indexer/admin.py"]
    return found


def test_an_autodiscovered_admin_module_is_no_program():
    assert "is a program of its own" not in _admin_finding(["django.contrib.admin", "gcd", "indexer"])


def test_without_the_admin_such_a_module_is_a_program():
    assert "gcd/admin.py is a program of its own" in _admin_finding(["gcd", "indexer"])


def test_an_admin_module_of_an_app_no_settings_list_is_no_program_either():
    """waldur's applications come from its plugins' entry points, which no settings module
    names: with the admin installed, an application's ``admin.py`` that imports Django is
    still loaded by its name; so it is when no settings module is found at all."""
    assert "is a program of its own" not in _admin_finding(["django.contrib.admin", "gcd"])
    files = {k: v for k, v in _files([]).items() if k != "settings.py"}
    (found,) = [v.message for v in run_rule("SSOT001", files) if v.path == "indexer/admin.py"]
    assert "is a program of its own" not in found
    # A module of that name that does not import Django, beside no models, may be a program.
    plain = {
        "tools/admin.py": "import sys\n\n\nclass Grant:\n    name = 'x'\n    year = 1\n\n\nprint(sys.argv)\n",
        "scripts/admin.py": "import sys\n\n\nclass Grant:\n    name = 'x'\n    year = 1\n\n\nprint(sys.argv)\n",
    }
    messages = [v.message for v in run_rule("SSOT001", plain)]
    assert messages and all("is a program of its own" in m for m in messages)


def test_settings_that_take_applications_they_do_not_spell_leave_the_admin_possible():
    """waldur's settings: ``INSTALLED_APPS += ADMIN_INSTALLED_APPS`` (a star import's name,
    which lists ``django.contrib.admin``) and ``INSTALLED_APPS += (ext.django_app(),)``:
    what is installed is not known, so an ``admin.py`` is no program."""
    for extension in ("from base_apps import *\n\nINSTALLED_APPS += ADMIN_APPS\n", "INSTALLED_APPS += (load_app(),)\n"):
        files = _files(["gcd", "indexer"])
        files["settings.py"] += extension
        (found,) = [v.message for v in run_rule("SSOT001", files) if v.path == "indexer/admin.py"]
        assert "is a program of its own" not in found, extension
