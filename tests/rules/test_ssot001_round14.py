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


_SECTION = "class Section:\n    def __init__(self, title):\n        self.title = title\n        self.entries = []\n\n    def add(self, entry):\n        self.entries.append(entry)\n"


def test_a_script_in_an_environment_of_its_own_keeps_its_copy(make_repo, cli):
    """reflex's ``scripts/release.py`` declares its own environment (PEP 723: ``uv run
    --script``) without the repository's distributions: it cannot import
    ``reflex_release.changelog.Section``, so its copy is not reported. A script whose
    block lists the project, or that has no block, is compared as usual."""
    def findings(header: str, name: str) -> list[str]:
        files = {
            "pyproject.toml": "[project]\nname = 'reflex-release'\n",
            "reflex_release/__init__.py": "",
            "reflex_release/changelog.py": _SECTION,
            "reflex_release/cli.py": "from reflex_release.changelog import Section\n",
            "scripts/release.py": header + _SECTION,
        }
        root = make_repo(files, name=name)
        result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT001")
        return [v["path"] for v in result.json()["violations"]]

    own = '# /// script\n# requires-python = ">=3.10"\n# dependencies = [\n#     "packaging==26.2",\n# ]\n# ///\n'
    assert findings(own, "own") == []
    assert findings(own.replace('"packaging==26.2"', '"reflex-release"'), "listed") == ["scripts/release.py"]
    assert findings("", "plain") == ["scripts/release.py"]
