"""SSOT003 on a shape a 33rd reading of unseen repositories found: mayavi's
``tools/filters.py`` ends with ``_make_functions(locals())``, which binds a factory class
for each registered filter in the module's namespace (``locals()`` is that namespace at
module level), so ``from .filters import PolyDataNormalsFactory`` works."""

from __future__ import annotations

_FILLER = (
    "FILTERS = ['PolyDataNormals', 'ExtractVectorNorm']\n\n\n"
    "def _make_functions(namespace):\n"
    "    for name in FILTERS:\n"
    "        namespace[name + 'Factory'] = type(name + 'Factory', (), {})\n\n\n"
)


def _broken(make_repo, cli, filters: str) -> list[tuple[str, int]]:
    root = make_repo({
        "viz/__init__.py": "",
        "viz/filters.py": filters,
        "viz/helpers.py": "from viz.filters import PolyDataNormalsFactory\n",
    })
    result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT003")
    return [(v["path"], v["line"]) for v in result.json()["violations"]]


def test_a_module_handing_its_locals_to_a_function_at_module_level_binds_names_not_known(make_repo, cli):
    assert _broken(make_repo, cli, _FILLER + "_make_functions(locals())\n") == []


def test_locals_handed_on_inside_a_function_are_the_functions_own(make_repo, cli):
    """The control: in a function, ``locals()`` is the function's namespace, not the module's."""
    filters = _FILLER + "def build():\n    _make_functions(locals())\n"
    assert _broken(make_repo, cli, filters) == [("viz/helpers.py", 1)]
