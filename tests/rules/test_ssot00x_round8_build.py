"""SSOT003 and SSOT002 on modules that exist only after a build, declared in build files
an eighth holdout of real code used (scipy's meson.build files, gevent's cffi build
scripts, pymongo's ``_setup.py``). The build files are read as text, never run. Each test
reads what the user reads, the JSON findings."""

from __future__ import annotations

import pytest

from tests.rules.cycle_findings import cycles as _cycles

_MESON_ROOT = """project('sci', 'c')
py3 = import('python').find_installation()
external_dir = 'sci/_bundled'

vendored = subproject('extra')
vendored_sources = vendored.get_variable('sources')
foreach prefix, files : vendored_sources
  py3.install_sources(files, subdir: external_dir / prefix)
endforeach
subdir('sci')
"""

_MESON_SPECIAL = """# py3.extension_module('_commented_out', 'x.c', subdir: 'sci/special')
py3.extension_module('_ufuncs',
  ['_ufuncs.cpp', 'sf_error.cc'],
  include_directories: ['..'],
  install: true,
  subdir: 'sci/special',
)
py3.extension_module('_local', '_local.c', install: true)
py3.extension_module('_joined', '_joined.c', install: true, subdir: 'sci' / 'special')
"""

_MESON_VERSION = """python_sources = files(
  'src/_structures.py',
  'src/version.py',
)

py3.install_sources(python_sources, subdir: 'sci/_external/packaging_version')
"""

MESON = {
    "pyproject.toml": '[build-system]\nbuild-backend = "mesonpy"\n[project]\nname = "sci"\n',
    "meson.build": _MESON_ROOT,
    "sci/meson.build": "subdir('special')\nsubdir('_external')\n",
    "sci/__init__.py": "",
    "sci/special/meson.build": _MESON_SPECIAL,
    "sci/special/__init__.py": "from ._multi import legendre\n",
    "sci/special/_multi.py": "from ._ufuncs import legendre\nfrom . import _local\nfrom ._gone import nothing\n"
    "from ._commented_out import x\nfrom ._joined import j\n",
    "sci/special/_ufuncs.cpp": "// C++ source\n",
    "sci/_external/__init__.py": "",
    "sci/_bundled/__init__.py": "",
    "sci/_external/meson.build": "subdir('packaging_version')\n",
    "sci/_external/packaging_version/meson.build": _MESON_VERSION,
    "sci/_external/packaging_version/src/version.py": "class Version:\n    pass\n",
    "sci/_external/packaging_version/src/_structures.py": "",
    "sci/stats.py": "import sci._bundled.extra as xpx\nfrom sci._bundled import extra\n"
    "from sci._external.packaging_version import version\n"
    "from sci._external.packaging_version.version import Version\n",
}


def _broken(result) -> list[tuple[str, int]]:
    return sorted((v["path"], v["line"]) for v in result.json()["violations"] if v["rule"] == "SSOT003")


def test_meson_declared_modules_exist(make_repo, cli):
    """``py3.extension_module('_ufuncs', ..., subdir: 'sci/special')`` is a compiled
    module of ``sci.special``; one without ``subdir`` lies in the meson.build's folder;
    ``install_sources(files, subdir: ...)`` installs ``version.py`` into its package; an
    install under ``external_dir / prefix`` puts modules no file names under
    ``sci/_bundled``. An undeclared module, or one only a comment names, stays broken."""
    root = make_repo(MESON)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    assert _broken(result) == [("sci/special/_multi.py", 3), ("sci/special/_multi.py", 4)]


def test_without_the_meson_files_they_are_broken(make_repo, cli):
    files = {p: t for p, t in MESON.items() if not p.endswith("meson.build")}
    root = make_repo(files)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    assert _broken(result) == [
        ("sci/special/_multi.py", 1), ("sci/special/_multi.py", 2), ("sci/special/_multi.py", 3),
        ("sci/special/_multi.py", 4), ("sci/special/_multi.py", 5), ("sci/stats.py", 1), ("sci/stats.py", 2), ("sci/stats.py", 3),
        ("sci/stats.py", 4),
    ]


def test_a_files_variable_assigned_anew_installs_each_list_into_its_own_subdir(make_repo, cli):
    """PYME's ``meson.build`` assigns ``py_sources = files(...)`` anew before each
    ``install_sources``: the second list goes to ``app/sub`` alone, so ``app.mod`` is no
    module the build installs, and its import is broken; ``+=`` adds to what came before."""
    root = make_repo({
        "meson.build": "project('x')\nsubdir('app')\n",
        "app/meson.build": "py_sources = files(\n    '__init__.py',\n    'user.py',\n)\n"
        "py.install_sources(py_sources, subdir:'app')\n\n"
        "py_sources = files(\n    'sub/__init__.py',\n    'sub/mod.py',\n    'sub/gen.py',\n)\n"
        "py_sources += files('sub/extra.py')\n"
        "py.install_sources(py_sources, subdir:'app/sub')\n",
        "app/__init__.py": "",
        "app/user.py": "from app.mod import X\nfrom app.sub.extra import Y\nfrom app.extra import Z\n"
        "from app.sub.gen import W\n",
        "app/sub/__init__.py": "",
        "app/sub/mod.py": "X = 1\n",
    })
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    assert _broken(result) == [("app/user.py", 1), ("app/user.py", 3)]


_MESON_CYCLE = {
    "meson.build": "py.extension_module('_sigtools', ['_sigtoolsmodule.cc'], subdir: 'sig', install: true)\n",
    "sig/__init__.py": "from ._signaltools import convolve\n",
    "sig/_signaltools.py": "from . import _sigtools\n\n\ndef convolve():\n    return _sigtools.run\n",
}


def test_a_meson_compiled_submodule_is_no_import_of_the_package(make_repo, cli):
    """``from . import _sigtools`` inside ``sig`` loads the extension a meson.build
    declares (scipy's ``signal/_signaltools.py``), not a name of ``sig/__init__.py``: no
    cycle, and no broken import."""
    assert _cycles(make_repo, cli, _MESON_CYCLE, code=0) == []


_CFFI_BUILD = """from cffi import FFI
ffi = FFI()
ffi.cdef("int run(void);")
ffi.set_source(
    'ev.loopuv._corecffi',
    '#include "uv.h"',
    sources=['deps/uv.c'],
)
"""

CFFI = {
    "setup.py": "from setuptools import setup\nsetup(cffi_modules=['src/ev/loopuv/_corecffi_build.py:ffi'])\n",
    "src/ev/__init__.py": "",
    "src/ev/loopuv/__init__.py": "",
    "src/ev/loopuv/_corecffi_build.py": _CFFI_BUILD,
    "src/ev/loopuv/watcher.py": "from ev.loopuv import _corecffi\nfrom ev.loopuv import _gone\n",
}


def test_a_cffi_built_module_exists(make_repo, cli):
    """``ffi.set_source('ev.loopuv._corecffi', ...)`` in a cffi build script (gevent's
    ``libuv/_corecffi_build.py``) names the module the build compiles."""
    root = make_repo(CFFI)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    assert _broken(result) == [("src/ev/loopuv/watcher.py", 2)]


def test_modules_a_builder_helper_declares_exist(make_repo, cli):
    """python-zstandard: ``setup_zstd.py`` returns ``Extension(name, ...)`` with ``name``
    a parameter defaulting to ``"zstandard.backend_c"``, and the cffi builder
    ``make_cffi.py`` (no "setup" or "build" in its name) calls ``ffi.set_source``."""
    files = {
        "setup.py": "import setup_zstd, make_cffi\nfrom setuptools import setup\n"
        "setup(ext_modules=[setup_zstd.get_c_extension(), make_cffi.ffi.distutils_extension()])\n",
        "setup_zstd.py": "import distutils.extension\n\n\ndef get_c_extension(legacy=False, name='zstandard.backend_c'):\n"
        "    return distutils.extension.Extension(name, ['c-ext/backend_c.c'])\n",
        "make_cffi.py": _CFFI_BUILD.replace("ev.loopuv._corecffi", "zstandard._cffi"),
        "zstandard/__init__.py": "",
        "zstandard/api.py": "import zstandard.backend_c\nfrom zstandard import _cffi\nimport zstandard.backend_rust\n",
    }
    root = make_repo(files)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    assert _broken(result) == [("zstandard/api.py", 3)]


_OTHER_SETUP = """from setuptools import Extension

ext_modules = [
    Extension(
        "bson._cbson",
        include_dirs=["bson"],
        sources=["bson/_cbsonmodule.c"],
    ),
    Extension("mongo._cmessage", sources=["mongo/_cmessagemodule.c"]),
]
"""

OTHER = {
    "setup.py": "from _setup import ext_modules\nfrom setuptools import setup\nsetup(ext_modules=ext_modules)\n",
    "_setup.py": _OTHER_SETUP,
    "bson/__init__.py": "def _dict_to_bson():\n    pass\n",
    "mongo/__init__.py": "from mongo.message import send\n",
    "mongo/message.py": "try:\n    from mongo import _cmessage\nexcept ImportError:\n    _cmessage = None\n\n\n"
    "def send():\n    return _cmessage\n",
    "tools/fail_if_no_c.py": "from mongo import _cmessage\nfrom bson import _cbson\nfrom bson import _cgone\n",
}


def test_extensions_declared_in_another_build_script_exist(make_repo, cli):
    """``Extension("bson._cbson", ...)`` in ``_setup.py``, which ``setup.py`` imports
    (pymongo), declares a compiled module as much as one in ``setup.py``: neither a broken
    import nor an edge to the package it lies in."""
    root = make_repo(OTHER)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    assert _broken(result) == [("tools/fail_if_no_c.py", 3)]
    assert not [v for v in result.json()["violations"] if v["rule"] == "SSOT002"]


def test_an_extension_class_bound_to_a_name_declares_its_module(make_repo, cli):
    """detectron2: ``extension = CppExtension`` (``CUDAExtension`` when CUDA is found), then
    ``extension("detectron2._C", sources)``; a name also bound to something else declares
    nothing."""
    files = {
        "setup.py": "from torch.utils.cpp_extension import CppExtension, CUDAExtension\nfrom setuptools import setup\n\n\n"
        "def get_extensions(cuda):\n    extension = CppExtension\n    if cuda:\n        extension = CUDAExtension\n"
        "    return [extension('det._C', ['det/csrc/vision.cpp'])]\n\n\n"
        "make = dict\nmake('det._gone')\nsetup(ext_modules=get_extensions(False))\n",
        "det/__init__.py": "",
        "det/layers.py": "from det import _C\nfrom det import _gone\n",
    }
    root = make_repo(files)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    assert _broken(result) == [("det/layers.py", 2)]


def test_modules_a_cython_helper_declares_exist(make_repo, cli):
    """Ren'Py's ``setup.py``: its own ``cython("renpy.display.render")`` helper builds each
    extension, and ``cython(f"renpy.styledata.style_{p}functions")`` a family whose names
    are computed: any module of ``renpy.styledata`` may be one. A module of another package
    that no call declares is still missing."""
    files = {
        "setup.py": "from scripts.setuplib import cython\n\ncython('game.display.render')\n"
        "for p in ['hover_', 'idle_']:\n    cython(f'game.styledata.style_{p}functions')\n",
        "scripts/__init__.py": "",
        "scripts/setuplib.py": "def cython(name):\n    return name\n",
        "game/__init__.py": "",
        "game/display/__init__.py": "",
        "game/styledata/__init__.py": "import game.styledata.style_hover_functions\nimport game.styledata.stylesets\n",
        "game/core.py": "from game.display import render\nfrom game.display import gone\n",
    }
    root = make_repo(files)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    assert _broken(result) == [("game/core.py", 2)]


def test_extensions_named_by_formatting_declare_their_package(make_repo, cli):
    """dgl's ``setup.py`` builds ``Extension("dgl._ffi.%s.%s" % (subdir, fn[:-4]), ...)``
    for each Cython source: which modules of ``dgl._ffi`` exist after the build is not
    known (``dgl._ffi._cy3.core`` among them). The same with ``.format()``; a module of
    another package stays missing."""
    files = {
        "setup.py": "import os\nfrom setuptools.extension import Extension\n\nexts = []\n"
        "for fn in os.listdir('dgl/_ffi/_cython'):\n    exts.append(Extension('dgl._ffi.%s.%s' % ('_cy3', fn[:-4]), []))\n"
        "exts.append(Extension('dgl.fmt.{}'.format('fast'), []))\n",
        "dgl/__init__.py": "",
        "dgl/_ffi/__init__.py": "",
        "dgl/_ffi/_cy3/__init__.py": "",
        "dgl/_ffi/_cython/core.pyx": "def f(): pass\n",
        "dgl/fmt/__init__.py": "",
        "dgl/use.py": "import dgl._ffi._cy3.core\nfrom dgl.fmt import fast\nfrom dgl.other import gone\n",
    }
    root = make_repo(files)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    assert _broken(result) == [("dgl/use.py", 3)]


def test_a_cffi_script_setup_py_names_declares_its_module(make_repo, cli):
    """pygit2: ``setup(cffi_modules=["pygit2/_run.py:ffi"])`` names a build script whose
    name says nothing of building; its ``ffi.set_source("pygit2._libgit2", ...)`` declares
    the compiled module, beside the folder of stubs of that name."""
    files = {
        "setup.py": "from setuptools import setup\n\nsetup(name='git', cffi_modules=['git/_run.py:ffi'])\n",
        "git/__init__.py": "",
        "git/_run.py": "from cffi import FFI\n\nffi = FFI()\nffi.set_source('git._libgit', '#include <git2.h>')\n",
        "git/ffi.py": "from ._libgit import lib as C\nfrom ._gone import lib\n",
    }
    root = make_repo(files)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    assert _broken(result) == [("git/ffi.py", 2)]


_GENERATED = {
    "pyproject.toml": '[build-system]\nbuild-backend = "mesonpy"\n[project]\nname = "fr"\n',
    "meson.build": "subdir('fr')\n",
    "fr/meson.build": (
        "code = custom_target('binding-code',\n  output: [\n    '__init__.py',\n    '_fr.pyi',\n    'aio.py',\n  ],\n"
        "  command: [python, '-m', 'fr_bindgen'],\n  install: {install},\n)\n"
    ),
    "fr/fr_bindgen/__init__.py": "",
    "tests/__init__.py": "",
    "tests/test_aio.py": "import fr.aio\nimport fr.absent\n",
}


@pytest.mark.parametrize("install, broken", [("true", [2]), ("false", [1, 2])])
def test_modules_a_meson_custom_target_writes_and_installs_exist(make_repo, cli, install, broken):
    """frida-python's ``custom_target('binding-code', output: [..., 'aio.py'], install:
    true)`` in ``frida/meson.build`` writes ``frida/aio.py`` at build time: ``import
    frida.aio`` is not broken. An output the build does not install, and a module nothing
    writes, are."""
    files = {**_GENERATED, "fr/meson.build": _GENERATED["fr/meson.build"].format(install=install)}
    result = cli("check", str(make_repo(files)), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT003")
    assert _broken(result) == [("tests/test_aio.py", line) for line in broken]


@pytest.mark.parametrize("planting, broken", [
    ("sys.modules.setdefault('lx._elementpath', _ElementPathModule())\n", [("lx/tests/test_path.py", 2)]),
    ("sys.modules['lx._elementpath'] = _ElementPathModule()\n", [("lx/tests/test_path.py", 2)]),
    ("# the module is gone\n", [("lx/tests/test_path.py", 1), ("lx/tests/test_path.py", 2)]),
])
def test_a_module_cython_code_puts_into_sys_modules_exists(make_repo, cli, planting, broken):
    """lxml's ``elementpath.pxi``, included by ``etree.pyx``, registers the replacement of
    the deleted ``lxml/_elementpath.py`` under its old name: ``from lxml import
    _elementpath`` works once ``lxml.etree`` is loaded. A name it does not register stays
    broken."""
    files = {
        "lx/__init__.py": "",
        "lx/etree.pyx": "import sys\ninclude 'elementpath.pxi'\n",
        "lx/elementpath.pxi": "class _ElementPathModule:\n    pass\n\n" + planting,
        "lx/tests/__init__.py": "",
        "lx/tests/test_path.py": "from lx import _elementpath\nfrom lx import _gone\n",
    }
    result = cli("check", str(make_repo(files)), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT003")
    assert _broken(result) == broken
