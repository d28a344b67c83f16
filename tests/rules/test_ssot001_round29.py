"""SSOT001's choice of the copy to keep between a package's tree of sub-packages and a
variant of it one sub-package deeper (napari's ``layer_controls.widgets`` and its
experimental ``layer_controls.dynamic.widgets``): the enclosing tree is kept for every
copy, whether the two modules share a name or not, so the findings never point the two
trees at each other."""

from __future__ import annotations

from ssotlint.testing import run_rule

_BOX = "class ColorBox:\n    size = 3\n\n    def paint(self, color):\n        return (color, self.size)\n"
_LABEL = "class WrappedLabel:\n    width = 10\n\n    def wrap(self, text):\n        return text[: self.width]\n"


def test_copies_in_a_variant_tree_are_told_to_import_the_enclosing_trees_whatever_their_modules_names():
    files = {
        "app/__init__.py": "",
        "app/controls/__init__.py": "",
        "app/controls/widgets/__init__.py": "",
        "app/controls/widgets/_labels/__init__.py": "",
        "app/controls/widgets/_labels/label_color.py": _BOX,
        "app/controls/widgets/base.py": _LABEL,
        "app/controls/dynamic/__init__.py": "",
        "app/controls/dynamic/widgets/__init__.py": "",
        "app/controls/dynamic/widgets/_labels/__init__.py": "",
        # another module name than the enclosing tree's: a variant all the same
        "app/controls/dynamic/widgets/_labels/current_label.py": _BOX,
        "app/controls/dynamic/widgets/base.py": _LABEL,
    }
    found = sorted((v.path, v.message.split(", ")[0]) for v in run_rule("SSOT001", files))
    assert [path for path, _ in found] == [
        "app/controls/dynamic/widgets/_labels/current_label.py",
        "app/controls/dynamic/widgets/base.py",
    ], found
    for v in run_rule("SSOT001", files):
        assert "keep one definition and import it from app.controls.widgets." in v.message, v.message


def test_a_loose_module_of_the_root_package_is_no_enclosing_tree():
    """The restriction kept: ``app/startup_checks.py`` and ``app/schemas/checks.py`` are
    not a tree and its variant (``app.schemas`` repeats no tail of ``app``)."""
    files = {
        "app/__init__.py": "",
        "app/startup_checks.py": _LABEL,
        "app/schemas/__init__.py": "",
        "app/schemas/checks.py": _LABEL,
    }
    [finding] = run_rule("SSOT001", files)
    assert "enclosing package" not in finding.message, finding.message
