"""SSOT001's advice never tells a module to import a copy from a module that needs what the
project treats as optional (pymca: ``Median2DBrowser`` told to import from
``SilxMaskImageWidget``, which imports silx when it is loaded, while silx is guarded with
``except ImportError`` elsewhere; ``FFTAlignmentWindow`` told to import from
``SIFTAlignmentWindow``, which the project itself imports only inside a ``try``)."""

from __future__ import annotations

from ssotlint.testing import run_rule

PARAMS = "class MedianParameters:\n    width = 3\n    height = 3\n\n    def size(self):\n        return self.width * self.height\n"


def _files(plotting_imports: str, plugin: str) -> dict[str, str]:
    return {
        "gui/__init__.py": "",
        "gui/plotting.py": plotting_imports + "\n\n" + PARAMS,
        "gui/browser.py": "import numpy\n\n\n" + PARAMS,
        "gui/main.py": "from gui.plotting import MedianParameters\nfrom gui.browser import MedianParameters as M2\n",
        "gui/other.py": "from gui.plotting import MedianParameters\n",
        "gui/plugin.py": plugin,
        "gui/stack.py": "from gui import browser\nfrom gui import plotting\n",
    }


def _finding(files: dict[str, str]):
    found = [v for v in run_rule("SSOT001", files) if v.path == "gui/browser.py"]
    assert len(found) == 1, [v.message for v in run_rule("SSOT001", files)]
    return found[0]


def _message(files: dict[str, str]) -> str:
    return _finding(files).message


def test_a_library_the_project_guards_elsewhere_is_not_imported_for_a_copy():
    guarded = "try:\n    import silx\nexcept ImportError:\n    silx = None\n"
    finding = _finding(_files("import numpy\nimport silx.gui", guarded))
    assert "gui.plotting imports silx when it is loaded, an optional library" in finding.message, finding.message
    assert "import it from gui.plotting" not in finding.message
    assert finding.fix is None  # no fix imports it from there either


def test_a_library_nobody_guards_is_no_reason():
    finding = _finding(_files("import numpy\nimport silx.gui", "import silx\n"))
    assert "keep one definition and import it from gui.plotting" in finding.message, finding.message
    assert finding.fix is not None  # the same text: the fix imports it


def test_a_module_the_project_imports_only_inside_a_try_may_fail_to_load():
    files = _files("import numpy", "X = 1\n")
    for importer in ("gui/main.py", "gui/other.py"):
        del files[importer]
    files["gui/stack.py"] = "try:\n    from gui import plotting\nexcept Exception:\n    plotting = None\n"
    message = _message(files)
    assert "the project imports gui.plotting only under a condition or a guard" in message, message


def test_a_module_only_some_platforms_have_is_not_imported_for_a_copy():
    """apprise's ``rsyslog`` plugin keeps its own copy of the facility constants that the
    ``syslog`` plugin, which imports Unix's ``syslog`` when it is loaded, defines: importing
    them from there would fail on Windows."""
    message = _message(_files("import numpy\nimport syslog", "X = 1\n"))
    assert "gui.plotting imports syslog when it is loaded, which only some platforms' Python has" in message, message
