"""SSOT001 on round 14's holdout: generated schema trees, per-module constant namespaces."""

from __future__ import annotations

from ssotlint.testing import run_rule

_NAMES = 'class ClassNames:\n    """Styles of the {c}."""\n\n    ROOT = "{root}"\n    TRIGGER = ""\n    TITLE = "{title}"\n    POPUP = "{popup}"\n'
_USE = "\n\ndef {c}(props):\n    return ClassNames.POPUP + ClassNames.TITLE\n"


def _components(values: dict[str, tuple[str, str, str]]) -> dict[str, str]:
    files = {"ui/__init__.py": "", "ui/base/__init__.py": ""}
    for c, (root, title, popup) in values.items():
        files[f"ui/base/{c}.py"] = _NAMES.format(c=c, root=root, title=title, popup=popup) + _USE.format(c=c)
    return files


def test_a_family_of_per_module_constant_namespaces_is_each_modules_own():
    """reflex's ``components/base/*.py`` each declare ``class ClassNames`` with the
    component's own style strings, used only in its module; some (``ROOT = ""``) alike."""
    files = _components({"popover": ("", "text-lg", "p-1 min-w-36"), "dialog": ("fixed", "text-xl", "p-3"), "card": ("rounded", "text-2xl", "p-6")})
    assert list(run_rule("SSOT001", files)) == []


def test_the_same_values_in_the_family_are_still_a_copy():
    files = _components({"popover": ("", "text-lg", "p-1"), "dialog": ("", "text-lg", "p-1"), "card": ("rounded", "text-2xl", "p-6")})
    assert [v.path for v in run_rule("SSOT001", files)] == ["ui/base/popover.py"]


def test_two_namespaces_are_not_yet_a_family():
    files = _components({"popover": ("", "text-lg", "p-1 min-w-36"), "dialog": ("", "text-xl", "p-3")})
    assert len(list(run_rule("SSOT001", files))) == 1
