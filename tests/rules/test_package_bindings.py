"""A package's compiled binding named after it with a leading underscore (gaffer's
``python/Gaffer/__init__.py``: ``from ._Gaffer import *``, built by SCons from
``src/GafferModule/*.cpp``) exists where the package runs when the repository holds C or
C++ sources in a folder named for the package. Any other missing module is still
reported, and so is the binding of a repository with no such sources."""

from __future__ import annotations

FILES = {
    "python/Core/__init__.py": "from ._Core import *\nfrom .helpers import run\nfrom ._Other import x\n",
    "python/Core/helpers.py": "def run(): ...\n",
    "python/CoreUI/__init__.py": "from ._CoreUI import *\n",
    "python/CoreUI/UniverseBlock.py": "from ._CoreUI import _UniverseBlock\n",
    "src/CoreModule/Module.cpp": "// BOOST_PYTHON_MODULE( _Core ) {}\n",
    "src/CoreUI_bindings/Module.cpp": "// PYBIND11_MODULE(_CoreUI, m) {}\n",
}


def _broken(cli, root) -> list[tuple[str, int]]:
    result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT003")
    return sorted((v["path"], v["line"]) for v in result.json()["violations"])


def test_a_package_binding_built_from_sources_named_for_it_exists(make_repo, cli):
    assert _broken(cli, make_repo(FILES)) == [("python/Core/__init__.py", 3)]


def test_without_sources_named_for_the_packages_binding_it_is_missing(make_repo, cli):
    """A folder of sources named as the package alone (open_spiel's C++ ``algorithms/``)
    is the library, not its binding."""
    files = {path: text for path, text in FILES.items() if not path.endswith(".cpp")}
    files |= {"src/Core/engine.cpp": "int main() {}\n", "src/CoreUI/widgets.cpp": "int main() {}\n"}
    assert _broken(cli, make_repo(files)) == [
        ("python/Core/__init__.py", 1), ("python/Core/__init__.py", 3),
        ("python/CoreUI/UniverseBlock.py", 1), ("python/CoreUI/__init__.py", 1),
    ]


# Sources of its own kind a build converts into modules beside them: gaffer's SConstruct
# globs `python/<Lib>/*.gfr` and exports each node as `<Node>.py`, which the package's
# `__init__` imports.
CONVERTED = {
    "SConstruct": 'for source in glob.glob("python/" + name + "/*.gfr"):\n    export(source)\n'
    'docs = glob.glob("doc/*.md") + glob.glob("python/*/*.json")\n',
    "python/Image/__init__.py": "from .Anaglyph import Anaglyph\nfrom .Settings import load\nfrom .Gone import x\n",
    "python/Image/Anaglyph.gfr": "# a node's script\n",
    "python/Image/Settings.json": "{}\n",
    "python/Image/Widget.py": "class Widget: ...\n",
}


def test_a_module_a_build_converts_from_a_source_beside_it_exists(make_repo, cli):
    """Line 2: the build globs ``*.json`` too, but a data file makes no module; line 3:
    nothing there."""
    assert _broken(cli, make_repo(CONVERTED)) == [("python/Image/__init__.py", 2), ("python/Image/__init__.py", 3)]


def test_without_the_builds_glob_the_converted_module_is_missing(make_repo, cli):
    files = {**CONVERTED, "SConstruct": 'docs = glob.glob("doc/*.md")\n'}
    assert _broken(cli, make_repo(files)) == [
        ("python/Image/__init__.py", 1), ("python/Image/__init__.py", 2), ("python/Image/__init__.py", 3),
    ]
