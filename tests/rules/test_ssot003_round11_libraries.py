"""SSOT003 classes seen on round 11's libraries (pydicom, pyomo, scons, jax): what the
user reads in the JSON output."""

from __future__ import annotations


def _check(make_repo, cli, files: dict[str, str]):
    root = make_repo(files)
    return cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT003")


def _findings(result) -> list[dict]:
    return sorted((v for v in result.json()["violations"] if v["rule"] == "SSOT003"), key=lambda v: (v["path"], v["line"]))


def test_did_you_mean_never_offers_the_reverse_operation(make_repo, cli):
    """``from app.rle import rle_encode_frame`` where the module has only a private
    ``_rle_decode_frame`` (pydicom's benchmark of a removed encoder): the decoder does the
    reverse, so it is not offered; a misspelt name still gets its near name."""
    result = _check(make_repo, cli, {
        "app/__init__.py": "",
        "app/rle.py": "def _rle_decode_frame(data):\n    return data\n\n\ndef get_user():\n    pass\n\n\n"
        "def read_config():\n    pass\n",
        "bench/run.py": "from app.rle import rle_encode_frame\nfrom app.rle import set_user\n"
        "from app.rle import write_config\nfrom app.rle import read_confg\n",
    })
    encode, set_, write, near = _findings(result)
    for finding in (encode, set_, write):
        assert finding["message"].endswith("it is not defined anywhere in the project"), finding["message"]
    assert near["message"].endswith("did you mean 'read_config'?"), near["message"]


_IR_RULE = '''load("//jaxlib:symlink.bzl", "symlink_inputs")

symlink_inputs(
    name = "ir",
    rule = py_library,
    symlinked_inputs = {"srcs": {
        ".": [
            "@llvm-project//mlir/python:IRPyFiles",
        ],
    }},
)
'''

_CPP_RULE = '''nanobind_pywrap_extension(
    name = "_mlir",
    srcs = [
        "@llvm-project//mlir:lib/Bindings/Python/MainModule.cpp",
    ],
)

py_library(
    name = "tools",
    srcs = ["build_utils.py"],
    deps = ["@pypi//wheel"],
)
'''


def test_a_bazel_package_taking_python_sources_from_another_repository_may_hold_any_module(make_repo, cli):
    """jax's ``jaxlib/mlir/BUILD.bazel`` symlinks ``ir.py`` and friends from
    ``@llvm-project//mlir/python:IRPyFiles`` into ``jaxlib/mlir/``: ``from jaxlib.mlir
    import ir`` works in a build though no file of the repository is ``ir.py``. A package
    whose BUILD file names only C++ sources or dependencies of another repository is
    judged as before."""
    result = _check(make_repo, cli, {
        "jaxlib/__init__.py": "",
        "jaxlib/mlir/BUILD.bazel": _IR_RULE,
        "jaxlib/mlir/dialects/__init__.py": "",
        "jaxlib/tools/BUILD.bazel": _CPP_RULE,
        "jaxlib/tools/build_utils.py": "",
        "app/use.py": "from jaxlib.mlir import ir\nfrom jaxlib.mlir import passmanager\nimport jaxlib.mlir.ir\n"
        "from jaxlib.tools import platform_tags\n",
    })
    assert [(v["path"], v["line"]) for v in _findings(result)] == [("app/use.py", 4)]


def test_an_extension_module_cmake_builds_by_a_literal_name_exists(make_repo, cli):
    """``nanobind_add_module(_gpu_examples NB_STATIC ...)`` in ``examples/ffi/CMakeLists.txt``
    builds ``_gpu_examples`` for the package below it (jax's FFI example); a name made of
    CMake variables is not guessed, and a name no call builds is still missing."""
    result = _check(make_repo, cli, {
        "examples/ffi/CMakeLists.txt": "cmake_minimum_required(VERSION 3.18)\n"
        "nanobind_add_module(_gpu_examples NB_STATIC \"src/ffi_example/gpu_examples.cc\")\n"
        "nanobind_add_module(\"_${PROJECT}\" NB_STATIC \"src/ffi_example/${PROJECT}.cc\")\n",
        "examples/ffi/pyproject.toml": "[project]\nname = 'ffi_example'\n",
        "examples/ffi/src/ffi_example/__init__.py": "",
        "examples/ffi/src/ffi_example/gpu_examples.py": "from ffi_example import _gpu_examples\n"
        "from ffi_example import _rms_norm\n",
    })
    assert [(v["path"], v["line"]) for v in _findings(result)] == [("examples/ffi/src/ffi_example/gpu_examples.py", 2)]


def test_an_extension_module_cmake_installs_into_a_subfolder_exists_there(make_repo, cli):
    """awkward's ``awkward-cpp/CMakeLists.txt`` builds ``_ext`` with pybind11 and installs
    it with ``install(TARGETS ... _ext LIBRARY DESTINATION "${SKBUILD_PROJECT_NAME}/lib")``:
    ``awkward_cpp.lib._ext`` exists once built, though no ``lib/`` folder is in the
    source; a module of another name in that folder is still missing, and so is ``_ext``
    where the install does not put it."""
    result = _check(make_repo, cli, {
        "awkward-cpp/CMakeLists.txt": "find_package(pybind11 CONFIG REQUIRED)\n"
        "pybind11_add_module(_ext MODULE ${LAYOUT_SOURCES})\n"
        "install(\n  TARGETS awkward _ext\n  LIBRARY DESTINATION \"${SKBUILD_PROJECT_NAME}/lib\"\n"
        "  RUNTIME DESTINATION \"${SKBUILD_PROJECT_NAME}/lib\")\n",
        "awkward-cpp/pyproject.toml": "[project]\nname = 'awkward_cpp'\n",
        "awkward-cpp/src/awkward_cpp/__init__.py": "",
        "src/awkward/__init__.py": "",
        "src/awkward/highlevel.py": "from awkward_cpp.lib import _ext\nfrom awkward_cpp.lib._ext import ArrayBuilder\n"
        "from awkward_cpp.lib import _other\nfrom awkward_cpp import _ext as here\n",
        # classic scikit-build: ``python_extension_module(_demo)``, installed into ``demo``
        "examples/cython/CMakeLists.txt": "add_cython_target(_demo _demo.pyx PY3 CXX)\n"
        "add_python_library(\n  _demo\n  MODULE\n  SOURCES\n  ${_demo}\n)\npython_extension_module(_demo)\n\n"
        "install(\n  TARGETS _demo\n  RUNTIME DESTINATION demo\n  LIBRARY DESTINATION demo)\n",
        "examples/cython/demo/__init__.py": "from ._demo import create_demo_array\nfrom ._gone import x\n",
    })
    assert [(v["path"], v["line"]) for v in _findings(result)] == [
        ("examples/cython/demo/__init__.py", 2), ("src/awkward/highlevel.py", 3), ("src/awkward/highlevel.py", 4)
    ]


def test_imports_through_the_bazel_repository_name_of_a_top_level_folder_are_not_judged(make_repo, cli):
    """jax's ``MODULE.bazel`` says ``module(name = "jax")``, and its Bazel tests import the
    repository's ``jaxlib/`` and ``tests/`` folders through that name (``from jax.jaxlib
    import _jax``): Bazel puts the root on the path as ``jax``. A missing module of the
    package ``jax`` itself is still reported, and so is everything without the Bazel name."""
    result = _check(make_repo, cli, {
        "MODULE.bazel": 'module(name = "jax")\n\nbazel_dep(name = "rules_python", version = "1.0")\n',
        "jax/__init__.py": "",
        "jax/core.py": "",
        "jaxlib/__init__.py": "",
        "jaxlib/config_test.py": "from jax.jaxlib import _jax\nfrom jax.gone import x\nimport jax.core.gone\n",
        "tests/filecheck/array.filecheck.py": "from jax.tests.filecheck.helpers import print_ir\n",
    })
    assert [(v["path"], v["line"]) for v in _findings(result)] == [("jaxlib/config_test.py", 2), ("jaxlib/config_test.py", 3)]


def test_a_pybind11_extension_installed_into_the_package_above_its_cmakelists_exists(make_repo, cli):
    """psi4: ``psi4/src/CMakeLists.txt`` makes ``core`` a Python extension with
    ``pybind11_extension(core)`` and installs it (as a LIBRARY; the ARCHIVE goes elsewhere)
    into ``${CMAKE_INSTALL_LIBDIR}${PYMOD_INSTALL_LIBDIR}/psi4``: the ``psi4`` package, a
    folder above the build file. A module of another name there is still missing."""
    result = _check(make_repo, cli, {
        "psi4/src/CMakeLists.txt": "add_library(core SHARED core.cc)\npybind11_extension(core)\n"
        "install(TARGETS core\n        EXPORT \"psi4Targets\"\n        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}\n"
        "        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}${PYMOD_INSTALL_LIBDIR}/psi4)\n",
        "psi4/src/core.cc": "int f() { return 1; }\n",
        "psi4/__init__.py": "from psi4.core import get_num_threads\nfrom psi4.other import x\n",
    })
    assert [(v["path"], v["line"]) for v in _findings(result)] == [("psi4/__init__.py", 2)]


def test_an_example_pinned_to_a_release_of_the_project_is_judged_by_that_release(make_repo, cli):
    """ColossalAI's ``examples/language/gpt/titans/requirements.txt`` pins
    ``colossalai==0.2.0+torch1.12cu11.3``: its imports of ``colossalai`` are written for that
    release, which this tree no longer is. An example that pins a lower bound, or pins
    another distribution, is judged by this tree."""
    files = {
        "colossalai/__init__.py": "",
        "colossalai/zero/__init__.py": "",
        "examples/titans/requirements.txt": "torch==1.12.0\ncolossalai==0.2.0+torch1.12cu11.3\n",
        "examples/titans/train.py": "from colossalai.zero.shard_utils import TensorShardStrategy\n",
        "examples/opt/requirements.txt": "colossalai>=0.3.0\n",
        "examples/opt/run.py": "from colossalai.zero.shard_utils import TensorShardStrategy\n",
    }
    result = _check(make_repo, cli, files)
    assert [(v["path"], v["line"]) for v in _findings(result)] == [("examples/opt/run.py", 1)]


def test_a_unit_pinned_to_a_release_of_the_project_in_its_pyproject(make_repo, cli):
    """flower's baselines are projects of their own: ``niid_bench/pyproject.toml`` pins
    ``flwr = { extras = ["simulation"], version = "1.5.0" }`` (Poetry's exact release), and
    its ``from flwr.common.typing import Dict`` was written for that release. A caret
    range, or a PEP 621 lower bound, is judged by this tree; a PEP 621 ``==`` pin too is
    the release's."""
    poetry = "[tool.poetry]\nname = '{name}'\nversion = '1.0'\n\n[tool.poetry.dependencies]\npython = '>=3.8'\nflwr = {spec}\n"
    use = "from flwr.common.typing import Dict\n"
    files = {
        "framework/flwr/__init__.py": "",
        "framework/flwr/common/__init__.py": "",
        "framework/flwr/common/typing.py": "Scalar = float\n",
        "pyproject.toml": "[tool.ssotlint]\nsrc = ['framework']\n",
        "baselines/niid/pyproject.toml": poetry.format(name="niid", spec='{ extras = ["simulation"], version = "1.5.0" }'),
        "baselines/niid/niid/__init__.py": "",
        "baselines/niid/niid/server.py": use,
        "baselines/fedx/pyproject.toml": poetry.format(name="fedx", spec='"^1.5.0"'),
        "baselines/fedx/fedx/__init__.py": "",
        "baselines/fedx/fedx/server.py": use,
        "baselines/pep/pyproject.toml": "[project]\nname = 'pep'\ndependencies = ['flwr[simulation]==1.5.0']\n",
        "baselines/pep/pep/__init__.py": "",
        "baselines/pep/pep/server.py": use,
        "baselines/low/pyproject.toml": "[project]\nname = 'low'\ndependencies = ['flwr>=1.5.0']\n",
        "baselines/low/low/__init__.py": "",
        "baselines/low/low/server.py": use,
    }
    result = _check(make_repo, cli, files)
    assert sorted((v["path"], v["line"]) for v in _findings(result)) == [
        ("baselines/fedx/fedx/server.py", 1), ("baselines/low/low/server.py", 1),
    ]


# Another folder of the repository builds its own `transformers` (unilm's `xtune/`).
TRANSFORMERS_FORK = {
    "xtune/setup.py": "from setuptools import setup\nsetup(name='transformers', packages=['transformers'])\n",
    "xtune/transformers/__init__.py": "",
}


def test_a_unit_pinned_to_a_release_of_the_project_in_its_setup_py(make_repo, cli):
    """unilm's ``s2s-ft/setup.py``: ``install_requires=['transformers == 2.10.0', ...]``, while
    another folder of the repository builds its own ``transformers``: the unit's imports of
    that name are written for the pinned release. A lower bound is judged by this tree."""
    setup = "from setuptools import setup\nsetup(name='{name}', packages=['{name}'], install_requires=[{requires}])\n"
    use = "from transformers import ElectraTokenizer\n"
    files = {
        **TRANSFORMERS_FORK,
        "s2s/setup.py": setup.format(name="s2s", requires="'transformers == 2.10.0', 'torch'"),
        "s2s/s2s/__init__.py": "",
        "s2s/s2s/run.py": use,
        "e5/setup.py": setup.format(name="e5", requires="'transformers>=4.15.0'"),
        "e5/e5/__init__.py": "",
        "e5/e5/run.py": use,
    }
    result = _check(make_repo, cli, files)
    assert [(v["path"], v["line"]) for v in _findings(result)] == [("e5/e5/run.py", 1)]


def test_a_folder_whose_readme_installs_a_release_of_the_project(make_repo, cli):
    """unilm's MMPT: its README says "``pip install transformers==3.4``" while another folder
    of the repository builds a ``transformers`` of its own: the folder's imports of that
    name are written for that release. A README installing it with no release says nothing."""
    use = "from transformers import default_data_collator\n"
    files = {
        **TRANSFORMERS_FORK,
        "mmpt/README.md": "# MMPT\n\nMost models require `transformers==3.4`: `pip install transformers==3.4`.\n",
        "mmpt/processors.py": use,
        "e5/README.md": "# E5\n\n```\npip install transformers\n```\n",
        "e5/run.py": use,
    }
    result = _check(make_repo, cli, files)
    assert [(v["path"], v["line"]) for v in _findings(result)] == [("e5/run.py", 1)]


def test_an_extension_cmake_writes_into_a_package_of_the_source_tree_exists_there(make_repo, cli):
    """mmdeploy's ``pyncnn_ext/CMakeLists.txt`` builds ``ncnn_ext`` and sets its target's
    ``LIBRARY_OUTPUT_DIRECTORY`` to ``${CMAKE_SOURCE_DIR}/mmdeploy/backend/ncnn`` (through a
    ``set()`` variable): the module is built into that package. A target named by its
    project (``pybind11_add_module(${PROJECT_NAME} ...)`` under ``project(fast_ops)``) too.
    Another name, or a folder outside the source tree, is still missing."""
    result = _check(make_repo, cli, {
        "CMakeLists.txt": "cmake_minimum_required(VERSION 3.14)\nadd_subdirectory(csrc/ncnn)\nadd_subdirectory(csrc/ops)\n",
        "csrc/ncnn/CMakeLists.txt": "project(ncnn_ext)\npybind11_add_module(ncnn_ext ncnn_ext.cpp)\n"
        "set(_EXT_DIR ${CMAKE_SOURCE_DIR}/app/backend)  # beside the wrapper\n"
        "set_target_properties(ncnn_ext PROPERTIES\n    LIBRARY_OUTPUT_DIRECTORY ${_EXT_DIR}\n"
        "    LIBRARY_OUTPUT_DIRECTORY_RELEASE ${_EXT_DIR})\n",
        "csrc/ops/CMakeLists.txt": "project(fast_ops)\npybind11_add_module(${PROJECT_NAME} ops.cpp)\n"
        "set_target_properties(${PROJECT_NAME} PROPERTIES LIBRARY_OUTPUT_DIRECTORY \"${CMAKE_SOURCE_DIR}/app\")\n",
        "csrc/far/CMakeLists.txt": "pybind11_add_module(far_ext far.cpp)\n"
        "set_target_properties(far_ext PROPERTIES LIBRARY_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/app)\n",
        "app/__init__.py": "from app import fast_ops\nfrom app import far_ext\n",
        "app/backend/__init__.py": "",
        "app/backend/wrapper.py": "from app.backend import ncnn_ext\nfrom app.backend import other_ext\n",
    })
    assert [(v["path"], v["line"]) for v in _findings(result)] == [("app/__init__.py", 2), ("app/backend/wrapper.py", 2)]
