"""Source roots read from the packaging configuration when ssotlint's own ``src`` is not set.

A project that builds its packages from ``lib/`` imports ``pkg.b``, never ``lib.pkg.b``:
without the root, ``from pkg.b import Gone`` is a third-party import (unchecked) and the
module is named ``lib.pkg.b`` in every message. Each packaging form on a real tmp repository.
"""

from __future__ import annotations

import pytest

CODE = {
    "PKGDIR/pkg/__init__.py": "",
    "PKGDIR/pkg/a.py": "from pkg.b import Gone\n",
    "PKGDIR/pkg/b.py": "X = 1\n",
}

FORMS = {
    "setuptools-find": ("lib", 'pyproject.toml', '[tool.setuptools.packages.find]\nwhere = ["lib", "missing"]\n'),
    "setuptools-find-inline": ("lib", 'pyproject.toml', '[tool.setuptools]\npackages = {find = {where = ["lib"]}}\n'),
    "setuptools-package-dir-root": ("source", 'pyproject.toml', '[tool.setuptools]\npackage-dir = {"" = "source"}\n'),
    "setuptools-package-dir-named": ("lib", 'pyproject.toml', '[tool.setuptools.package-dir]\npkg = "lib/pkg"\n'),
    "setup-cfg-find": ("lib", "setup.cfg", "[options]\npackages = find:\n\n[options.packages.find]\nwhere = lib\n"),
    "setup-cfg-package-dir": ("code", "setup.cfg", "[options]\npackage_dir =\n    = code\n"),
    "poetry": ("lib", 'pyproject.toml', '[tool.poetry]\nname = "x"\npackages = [{include = "pkg", from = "lib"}]\n'),
    "hatch-packages": ("lib", 'pyproject.toml', '[tool.hatch.build.targets.wheel]\npackages = ["lib/pkg"]\n'),
    "hatch-sources-list": ("lib", 'pyproject.toml', '[tool.hatch.build.targets.wheel]\nsources = ["lib"]\n'),
    "hatch-sources-map": ("lib", 'pyproject.toml', '[tool.hatch.build.targets.wheel.sources]\n"lib/pkg" = "pkg"\n'),
    "pdm": ("lib", 'pyproject.toml', '[tool.pdm.build]\npackage-dir = "lib"\n'),
}


def _repo(make_repo, folder: str, config_file: str, text: str, extra: str = ""):
    files = {path.replace("PKGDIR", folder): body for path, body in CODE.items()}
    files[config_file] = text + extra
    if config_file != "pyproject.toml":
        files["pyproject.toml"] = extra
    return make_repo(files)


def ssot003(result) -> list[tuple[str, int, str]]:
    return [(v["path"], v["line"], v["message"]) for v in result.json()["violations"] if v["rule"] == "SSOT003"]


@pytest.mark.parametrize("form", sorted(FORMS))
def test_packaging_configuration_declares_the_source_roots(make_repo, cli, form):
    folder, config_file, text = FORMS[form]
    root = _repo(make_repo, folder, config_file, text)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--verbose")
    assert result.code == 1, result.err
    assert ssot003(result) == [(f"{folder}/pkg/a.py", 1, f"cannot import name 'Gone' from pkg.b ({folder}/pkg/b.py); it is not defined anywhere in the project")]
    assert f"ssotlint: note: source roots: {folder}, .; {folder} from {config_file} [" in result.err, result.err


def test_ssotlint_src_wins_and_unsafe_entries_are_ignored(make_repo, cli):
    # An explicit src (even empty) is the user's choice: the packaging roots are not read.
    root = _repo(make_repo, "lib", "pyproject.toml", '[tool.setuptools.packages.find]\nwhere = ["lib"]\n',
                 extra="[tool.ssotlint]\nsrc = []\n")
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    assert ssot003(result) == []


def test_entries_outside_the_repository_are_not_roots(tmp_path, cli):
    from tests.conftest import write_files

    outside = tmp_path / "outside"
    write_files(outside, {"pkg/__init__.py": "", "pkg/b.py": "X = 1\n"})
    root = tmp_path / "repo"
    write_files(root, {
        "lib/pkg/__init__.py": "", "lib/pkg/a.py": "from pkg.b import Gone\n", "lib/pkg/b.py": "X = 1\n",
        "setup.cfg": f"[options.packages.find]\nwhere = ../outside, {outside}, nowhere\n",
        "pyproject.toml": "",
    })
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--verbose")
    assert ssot003(result) == []  # lib is not a root: `pkg` is not first-party
    assert "source roots" not in result.err, result.err  # the root alone: nothing to say
