"""SSOT003 on builds that install Python files by another path than the source tree's
(isce2's CMake and SCons builds): the package a user imports from holds what the build
put there, so the tree's layout is not the verdict, nor the advice."""

from __future__ import annotations


def _findings(make_repo, cli, files: dict[str, str]) -> list[tuple[str, int, str]]:
    root = make_repo(files)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT003")
    return sorted((v["path"], v["line"], v["message"]) for v in result.json()["violations"])


_STITCHER = "class DemStitcher:\n    pass\n"


def test_files_a_cmake_install_takes_from_sub_folders_are_modules_of_the_package(make_repo, cli):
    """isce2's ``contrib/demUtils/CMakeLists.txt`` installs ``demstitcher/DemStitcher.py``
    into the package its folder mirrors (a project's own ``InstallSameDir``), and a plain
    ``install(FILES ... DESTINATION ...)`` whose literal end is the package does the same:
    ``from contrib.demUtils.DemStitcher import DemStitcher`` works once installed, and
    advising ``contrib.demUtils.demstitcher.DemStitcher`` instead would break it. A file
    installed where only variables say, or not installed at all, is judged as before."""
    findings = _findings(make_repo, cli, {
        "contrib/__init__.py": "",
        "contrib/demUtils/__init__.py": "",
        "contrib/demUtils/CMakeLists.txt": "# InstallSameDir(demstitcher/Commented.py)\n"
        "InstallSameDir(\n    demStitch\n    __init__.py\n    demstitcher/DemStitcher.py\n)\n"
        "install(FILES watermask/WaterMask.py DESTINATION ${ISCE2_PKG}/contrib/demUtils)\n"
        "install(FILES upsample/Upsample.py DESTINATION ${PYTHON_DIR})\n",
        "contrib/demUtils/demstitcher/DemStitcher.py": _STITCHER,
        "contrib/demUtils/demstitcher/Commented.py": "class Commented:\n    pass\n",
        "contrib/demUtils/watermask/WaterMask.py": "class MaskStitcher:\n    pass\n",
        "contrib/demUtils/upsample/Upsample.py": "class Upsample:\n    pass\n",
        "apps/stitch.py": "from contrib.demUtils.DemStitcher import DemStitcher\n"
        "from contrib.demUtils.WaterMask import MaskStitcher\n"
        "from contrib.demUtils.Upsample import Upsample\n"
        "from contrib.demUtils.Commented import Commented\n",
    })
    assert [(path, line) for path, line, _ in findings] == [("apps/stitch.py", 3), ("apps/stitch.py", 4)]


def test_an_extension_cmake_builds_with_cython_add_module_exists_in_its_package(make_repo, cli):
    """``cython_add_module(isceLib pyx/isceLib.pyx ...)`` (FindCython's command) builds the
    extension ``isceLib`` beside the package's ``__init__``; a name nothing builds is
    still missing."""
    findings = _findings(make_repo, cli, {
        "library/__init__.py": "",
        "library/isceLib/__init__.py": "from .isceLib import PyEllipsoid\nfrom .isceGone import PyPeg\n",
        "library/isceLib/CMakeLists.txt": "cython_add_module(isceLib\n    pyx/isceLib.pyx\n    src/Peg.cpp\n)\n"
        "InstallSameDir(\n    isceLib\n    __init__.py\n)\n",
    })
    assert [(path, line) for path, line, _ in findings] == [("library/isceLib/__init__.py", 2)]


_SCONSCRIPT = """import os
Import('envorbit')
envgetpeg = envorbit.Clone()
package = envorbit['PACKAGE']
install = os.path.join(envgetpeg['PRJ_SCONS_INSTALL'], package)
listFiles = ['Getpeg.py']
envgetpeg.Install(install, listFiles)
"""


def test_a_components_own_build_file_installs_the_files_it_names_into_the_package_above(make_repo, cli):
    """isce2's ``stdproc/orbit/getpeg/SConscript`` installs ``Getpeg.py`` into
    ``stdproc.orbit`` (SCons installs by the environment's package, whatever the folder),
    whose ``__init__`` imports ``from .Getpeg import Getpeg``; so does a ``CMakeLists.txt``
    in a component folder that is no package. A CMakeLists.txt in a sub-package installs
    into that sub-package (CMake projects mirror their folders), and a file no build file
    names is where the tree has it: both are still reported."""
    findings = _findings(make_repo, cli, {
        "stdproc/__init__.py": "",
        "stdproc/orbit/__init__.py": "def createGetpeg():\n    from .Getpeg import Getpeg\n    return Getpeg()\n\n\n"
        "def createSch():\n    from .Sch2orbit import Sch2orbit\n    return Sch2orbit()\n\n\n"
        "def createMocomp():\n    from .Mocomp import Mocomp\n    return Mocomp()\n\n\n"
        "def createFdmo():\n    from .Fdmocomp import Fdmocomp\n    return Fdmocomp()\n",
        "stdproc/orbit/getpeg/__init__.py": "",
        "stdproc/orbit/getpeg/SConscript": _SCONSCRIPT,
        "stdproc/orbit/getpeg/Getpeg.py": "class Getpeg:\n    pass\n",
        "stdproc/orbit/sch2orbit/CMakeLists.txt": "InstallSameDir(\n    Sch2orbit.py\n)\n",
        "stdproc/orbit/sch2orbit/Sch2orbit.py": "class Sch2orbit:\n    pass\n",
        "stdproc/orbit/mocomp/__init__.py": "",
        "stdproc/orbit/mocomp/CMakeLists.txt": "InstallSameDir(\n    Mocomp.py\n)\n",
        "stdproc/orbit/mocomp/Mocomp.py": "class Mocomp:\n    pass\n",
        "stdproc/orbit/fdmocomp/__init__.py": "",
        "stdproc/orbit/fdmocomp/SConscript": "Import('envorbit')\nlistFiles = ['__init__.py']\n",
        "stdproc/orbit/fdmocomp/Fdmocomp.py": "class Fdmocomp:\n    pass\n",
        # isce2's `geo_autoRIFT/geogrid/SConscript` installs into `package + '/' + project`,
        # the folder's own name: `geogrid.Geogrid`, not `orbit.Geogrid`.
        "stdproc/orbit/geogrid/__init__.py": "",
        "stdproc/orbit/geogrid/SConscript": "Import('envorbit')\npackage = envorbit['PACKAGE']\nproject = 'geogrid'\n"
        "install = envorbit['PRJ_SCONS_INSTALL'] + '/' + package + '/' + project\nlistFiles = ['Geogrid.py']\n"
        "envorbit.Install(install, listFiles)\n",
        "stdproc/orbit/geogrid/Geogrid.py": "class Geogrid:\n    pass\n",
        "stdproc/use.py": "from stdproc.orbit.Geogrid import Geogrid\nfrom stdproc.orbit.geogrid.Geogrid import Geogrid as G\n",
    })
    assert [(path, line) for path, line, _ in findings] == [
        ("stdproc/orbit/__init__.py", 12), ("stdproc/orbit/__init__.py", 17), ("stdproc/use.py", 1),
    ]


def test_a_cmake_install_of_its_own_init_into_a_new_folder_makes_a_sub_package(make_repo, cli):
    """deepmd-kit's ``source/config/CMakeLists.txt`` installs its ``__init__.py`` into
    ``deepmd/lib`` (scikit-build-core's wheel root): ``import deepmd.lib`` works once
    built. A folder the install names below no package of the tree, or a sub-package no
    install makes, is judged as before."""
    findings = _findings(make_repo, cli, {
        "deepmd/__init__.py": "",
        "deepmd/env.py": "import deepmd.lib\nimport deepmd.op\nimport deepmd.gone\n",
        "source/config/CMakeLists.txt": "install(FILES ${CMAKE_CURRENT_BINARY_DIR}/run_config.ini __init__.py\n"
        "        DESTINATION deepmd/lib)\ninstall(FILES op.py DESTINATION elsewhere/op)\n",
        "source/config/__init__.py": "",
        "source/config/op.py": "",
    })
    assert [(path, line) for path, line, _ in findings] == [("deepmd/env.py", 2), ("deepmd/env.py", 3)]


def test_files_a_gn_target_copies_beside_a_test_are_there(make_repo, cli):
    """ten-framework's tests each import the shared helpers as ``from .utils import
    cmd_exec``: their folder's ``BUILD.gn`` copies them there (``"src=>utils/x.py"``, or a
    whole folder through a variable, ``"//tests/utils/${rel}=>utils/${rel}"``) before the
    test runs. A name the copied file cannot hold, or a folder no mapping fills, is judged
    as before; so is a mapping out of the folder."""
    test = "def test_it():\n    pass\n"
    findings = _findings(make_repo, cli, {
        "tests/__init__.py": "",
        "tests/utils/__init__.py": "",
        "tests/utils/cmd_exec.py": "def run():\n    pass\n",
        "tests/whole/__init__.py": "",
        "tests/whole/BUILD.gn": 'test("whole") {\n  resources = [\n    "//tests/utils/${rel}=>utils/${rel}",\n  ]\n}\n',
        "tests/whole/test_case.py": "from .utils import cmd_exec, build_pkg\n" + test,
        "tests/one/__init__.py": "",
        "tests/one/BUILD.gn": 'test("one") {\n  resources = [\n    "//.gnfiles/scripts/cmd_exec.py=>utils/cmd_exec.py",\n'
        '    "test_case.py",\n    "//x/y.py=>$root_out_dir/helpers/y.py",\n  ]\n}\n',
        "tests/one/test_case.py": "from .utils import cmd_exec\nfrom .helpers import y\n" + test,
        "tests/one/test_more.py": "from .utils import cmd_exec, other\n" + test,
        "tests/none/__init__.py": "",
        "tests/none/test_case.py": "from .utils import cmd_exec\n" + test,
    })
    assert [(path, line) for path, line, _ in findings] == [
        ("tests/none/test_case.py", 1), ("tests/one/test_case.py", 2), ("tests/one/test_more.py", 1),
    ]
