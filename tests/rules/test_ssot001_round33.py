"""SSOT001's advice on a shape a 33rd reading of unseen repositories found: deepchem keeps
``BaseOrbParams`` in ``models/dft/hamilton`` and ``utils/dft_utils/hamilton``; 46 modules of
``models`` import from ``utils``, one of ``utils`` from ``models``. The layering is one way
all but once, and the copy to keep is ``utils``' (the path alone chose ``models``)."""

from __future__ import annotations

_PARAMS = "class BaseOrbParams:\n    rank: int = 2\n\n    def params(self, coeffs):\n        return [coeffs] * self.rank\n"


def _layered(users: int, back: int) -> dict[str, str]:
    files = {
        "chem/__init__.py": "",
        "chem/models/__init__.py": "",
        "chem/models/dft/__init__.py": "",
        "chem/models/dft/orbparams.py": _PARAMS,
        "chem/utils/__init__.py": "",
        "chem/utils/dft/__init__.py": "",
        "chem/utils/dft/orbparams.py": _PARAMS,
        "chem/utils/maths.py": "def norm(x):\n    return x\n",
    }
    for i in range(users):
        files[f"chem/models/m{i}.py"] = "from chem.utils.maths import norm\n"
    for i in range(back):
        files[f"chem/utils/u{i}.py"] = "from chem.models import m0\n"
    return files


def _finding(make_repo, cli, files: dict[str, str]) -> dict:
    root = make_repo(files)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT001")
    (v,) = result.json()["violations"]
    return v


def test_the_package_the_other_mostly_builds_on_keeps_the_copy(make_repo, cli):
    v = _finding(make_repo, cli, _layered(users=6, back=1))
    assert v["path"] == "chem/models/dft/orbparams.py"
    assert "import it from chem.utils.dft.orbparams" in v["message"], v["message"]
    assert "the one upstream (6 modules of this package import from its package, only 1 of its modules from this one)" \
        in v["message"], v["message"]


def test_packages_that_import_each_other_as_much_are_not_layered(make_repo, cli):
    """The control: two imports back against six is no layering; the path decides."""
    v = _finding(make_repo, cli, _layered(users=6, back=2))
    assert v["path"] == "chem/utils/dft/orbparams.py"
    assert "the first by path" in v["message"], v["message"]
