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
    # scikit-build-core (tvm: ``wheel.packages = ["python/tvm"]``).
    "scikit-build": ("python", 'pyproject.toml', '[tool.scikit-build]\nwheel.packages = ["python/pkg"]\n'),
    # maturin, a mixed Rust/Python project (pathway: ``python-source = "python"``).
    "maturin": ("python", 'pyproject.toml', '[build-system]\nbuild-backend = "maturin"\n\n[tool.maturin]\npython-source = "python"\n'),
    "uv-build": ("lib", 'pyproject.toml', '[build-system]\nbuild-backend = "uv_build"\n\n[tool.uv.build-backend]\nmodule-root = "lib"\n'),
    "setup-py-package-dir": ("lib", "setup.py", "from setuptools import setup\n\nsetup(name='x', package_dir={'': 'lib'})\n"),
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


# matplotlib's meson-python layout: the root meson.build reaches lib/meson.build, which
# reaches lib/matplotlib/meson.build, whose install_sources(..., subdir: 'matplotlib') says
# lib/matplotlib/ is installed as matplotlib/: lib/ is the source root.
MESON = {
    "pyproject.toml": '[project]\nname = "pkg"\n\n[build-system]\nbuild-backend = "mesonpy"\nrequires = ["meson-python"]\n',
    "meson.build": "project('pkg', 'c')  # subdir('vendored') in a comment is not read\n"
                   "py3 = import('python').find_installation()\nsubdir('lib')\n",
    "lib/meson.build": "py3.install_sources(['top.py'])\nsubdir('pkg')\n",
    "lib/top.py": "",
    "lib/pkg/meson.build": "python_sources = [\n  '__init__.py',  # the package\n  'a.py',\n  'b.py',\n]\n"
                           "py3.install_sources(python_sources,\n                    subdir: 'pkg')\n"
                           "install_subdir('data', install_tag: 'tests', install_dir: py3.get_install_dir(subdir: 'pkg'))\n",
    "lib/pkg/__init__.py": "",
    "lib/pkg/a.py": "from pkg.b import Gone\n",
    "lib/pkg/b.py": "X = 1\n",
}


def test_meson_build_declares_the_source_roots(make_repo, cli):
    root = make_repo(MESON)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--verbose")
    assert result.code == 1, result.err
    assert ssot003(result) == [("lib/pkg/a.py", 1, "cannot import name 'Gone' from pkg.b (lib/pkg/b.py); it is not defined anywhere in the project")]
    assert "ssotlint: note: source roots: lib, .; lib from meson.build [install_sources subdir]" in result.err, result.err


def test_meson_roots_read_only_what_meson_reads(tmp_path):
    from ssotlint.packaging_meson import meson_roots
    from tests.conftest import write_files

    write_files(tmp_path, {
        "meson.build": "project('x')\n# subdir('commented')\nsubdir('numpy')\nsubdir('../outside')\n"
                       "message('subdir(\\'quoted\\')')\ninstall_subdir('sklearn', install_dir: py.get_install_dir())\n",
        "numpy/meson.build": "py.install_sources(['a.py'], subdir: 'numpy')\npy.install_sources(['b.py'], subdir: where)\n"
                             "py.install_sources(['c.py'], subdir: 'elsewhere')\n"
                             "install_subdir('tests', install_dir: np_dir / '_core')\n",
        # never reached by a subdir() call: a vendored Meson's test case, a commented folder
        "vendored-meson/test cases/python/1 basic/meson.build": "py.install_sources('source.py')\n",
        "commented/meson.build": "py.install_sources('x.py')\n",
        "quoted/meson.build": "py.install_sources('x.py')\n",
        "sklearn/__init__.py": "",
    })
    assert meson_roots(tmp_path) == [""]


def test_meson_roots_from_install_subdir_and_nested_folders(tmp_path):
    from ssotlint.packaging_meson import meson_roots
    from tests.conftest import write_files

    write_files(tmp_path, {
        "meson.build": "subdir('python')\n",
        "python/meson.build": "install_subdir('pkg', install_dir: py.get_install_dir(pure: false))\nsubdir('pkg/sub')\n",
        "python/pkg/sub/meson.build": "py.install_sources('m.py', subdir: 'pkg/sub/')\n",
        "lib2/meson.build": "py.install_sources('m.py', subdir: 'pkg')\n",
    })
    assert meson_roots(tmp_path) == ["python"]
