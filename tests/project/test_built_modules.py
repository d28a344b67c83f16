"""Modules a build writes, absent from a fresh clone, exist for the rules: protobuf's
``*_pb2`` / ``*_pb2_grpc`` beside their ``.proto`` sources (streamlit), compiled extensions
declared by name (``Extension(...)`` in ``setup_package.py``, maturin's ``module-name``,
setuptools' ``ext-modules``), Cython templates (``.pyx.in``, ``.pyx.tp``), modules rendered from a template (``.py.in``), and files a ``.gitignore``
names (``pkg/_version.py``). Nothing of the repository is run."""

from __future__ import annotations

PYPROJECT = """[project]
name = "app"
[tool.maturin]
python-source = "."
module-name = "app._native"
[tool.setuptools]
ext-modules = [{name = "app.speedups", sources = ["app/speedups.c"]}]
[tool.ssotlint]
"""

FILES = {
    "pyproject.toml": PYPROJECT,
    ".gitignore": "*.pyc\n/app/_version.py\nbuild/\n*_pb2.py\n",
    "protos/app/proto/Block.proto": 'syntax = "proto3";\nmessage Block {}\n',
    "app/__init__.py": "from app._version import version\n",
    "app/proto/__init__.py": "",
    # Compiled in place: a folder of protos alone inside a package (tfx's `tfx/proto/`).
    "app/specs/example_gen.proto": 'syntax = "proto3";\n',
    "app/pipeline.py": "from app.specs import example_gen_pb2\nfrom app.specs import trainer_pb2\n",
    # A Makefile that builds a Python extension from the C++ beside it (Megatron's helpers).
    "app/data/__init__.py": "",
    "app/data/Makefile": "CPPFLAGS += $(shell python3 -m pybind11 --includes)\nLIBNAME = helpers\n"
    "LIBEXT = $(shell python3-config --extension-suffix)\n",
    "app/data/helpers.cpp": "int f() { return 1; }\n",
    "app/data/loader.py": "from app.data import helpers\nfrom app.data import fast\n",
    # A module each installation writes from its sample (listenbrainz's `config.py.sample`).
    "app/settings.py.sample": "SECRET = 'change me'\n",
    "app/jobs/__init__.py": "from app.settings import SECRET, REDIS_URL\nfrom app.local import x\n",
    "app/ui.py": "from app.proto.Block_pb2 import Block\nfrom app.proto import Block_pb2_grpc\n"
    "from app.proto.Gone_pb2 import Gone\n",
    "app/other/__init__.py": "from app.other.Block_pb2 import Block\n",
    "app/wcs/__init__.py": "",
    "app/wcs/setup_package.py": "from setuptools import Extension\n"
    "def get_extensions():\n    return [Extension('app.wcs._wcs', sources=['src/wcs.c'])]\n",
    "app/wcs/wcs.py": "from ._wcs import Wcs\nfrom app.wcs import _wcs\nfrom ._gone import Gone\n",
    "app/floats.py": "from app._native.internal.floats import next_up\nfrom app import speedups\n",
    # A build script inside a package, built in place: a name with no package lands beside
    # it (EasyOCR's ``dcn/setup.py``, ``CppExtension('deform_conv_cpu', ...)``).
    "app/dcn/__init__.py": "",
    "app/dcn/setup.py": "from torch.utils.cpp_extension import CppExtension\n"
    "from setuptools import setup\n\nsetup(name='dcn', ext_modules=[CppExtension('deform_conv_cpu', ['src/a.cpp'])])\n",
    "app/dcn/functions/__init__.py": "",
    "app/dcn/functions/conv.py": "from .. import deform_conv_cpu\nfrom ..deform_conv_cpu import forward\n"
    "from .. import deform_pool_cpu\n",
    # setuptools-rust names its module `target` (biotite's `biotite.rust`, with submodules
    # of its own); a package folder holding only an extension's sources (stardist's
    # `stardist/lib/` with `stardist2d.cpp`) is where that extension lands.
    "setup.py": "from setuptools import Extension, setup\nfrom setuptools_rust import RustExtension\n\n"
    "setup(rust_extensions=[RustExtension(target='app.rust', path='Cargo.toml')],\n"
    "      ext_modules=[Extension('app.lib.fast2d', sources=['app/lib/fast2d.cpp'])])\n",
    "app/lib/fast2d.cpp": "int f() { return 1; }\n",
    "app/native.py": "from app.rust.sequence import Codec\nfrom app.lib.fast2d import star\nfrom app.lib.fast3d import star3\n",
    "app/tsa/__init__.py": "",
    "app/tsa/_kalman.pyx.in": "{{py: dtypes = ['s', 'd']}}\n",
    "app/tsa/_seq.pyx.tp": "{{py: dtypes = ['32', '64']}}\n",
    "app/__config__.py.in": "def show():\n    return '@BUILD@'\n",
    # Qt's compilers write a Designer form's module and a resource list's beside them
    # (sasview's ``UI/DensityPanel.ui`` -> ``UI/DensityPanel.py``, ``main_resources_rc``).
    "app/forms/__init__.py": "",
    "app/forms/Main.ui": '<?xml version="1.0"?>\n<ui version="4.0"/>\n',
    "app/forms/icons.qrc": "<RCC/>\n",
    "app/gui.py": "from app.forms.Main import Ui_Main\nfrom app.forms import icons_rc\nfrom app.forms.Other import Ui_Other\n"
    "from app.forms import ui_Main\n",
    "app/tsa/tools.py": "from app.tsa import _kalman\nfrom app.tsa import _smoother\nfrom app.tsa._seq import Seq\n"
    "from app.__config__ import show\n",
}


def broken(result) -> list[tuple[str, int]]:
    return sorted((v["path"], v["line"]) for v in result.json()["violations"] if v["rule"] == "SSOT003")


EXPECTED = [
    ("app/data/loader.py", 2),  # no fast.cpp
    ("app/dcn/functions/conv.py", 3),  # not declared
    ("app/gui.py", 3),  # no Other.ui
    ("app/jobs/__init__.py", 2),  # no local.py.sample
    ("app/native.py", 3),  # not declared
    ("app/other/__init__.py", 1),  # no .proto there: not generated
    ("app/pipeline.py", 2),  # no trainer.proto
    ("app/tsa/tools.py", 2),
    ("app/ui.py", 3),
    ("app/wcs/wcs.py", 3),
]


def test_built_modules_exist(make_repo, cli):
    root = make_repo(FILES)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    assert broken(result) == EXPECTED


def test_in_a_git_work_tree_too(make_repo, cli):
    root = make_repo(FILES, git_init=True)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    assert broken(result) == EXPECTED


def test_without_their_declarations_they_are_missing(make_repo, cli):
    files = {
        **{p: t for p, t in FILES.items() if not p.endswith((".proto", "setup_package.py", ".pyx.in", ".pyx.tp", ".py.in", ".gitignore", ".ui", ".qrc", ".sample", "Makefile"))},
        "pyproject.toml": '[project]\nname = "app"\n[tool.ssotlint]\n',
    }
    root = make_repo(files)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    assert broken(result) == sorted(
        [("app/__init__.py", 1), ("app/data/loader.py", 1), ("app/floats.py", 1), ("app/pipeline.py", 1), ("app/jobs/__init__.py", 1), ("app/gui.py", 1), ("app/gui.py", 2), ("app/gui.py", 4), ("app/floats.py", 2), ("app/tsa/tools.py", 1), ("app/tsa/tools.py", 3), ("app/tsa/tools.py", 4), ("app/ui.py", 1),
         ("app/ui.py", 2), ("app/wcs/wcs.py", 1), ("app/wcs/wcs.py", 2)] + EXPECTED
    )


def test_the_cache_sees_a_new_proto(make_repo, cli):
    """A ``.proto`` is no Python file, but the modules it makes are part of the cached
    result's key: adding one changes the findings of a warm run."""
    root = make_repo(FILES)
    assert ("app/other/__init__.py", 1) in broken(cli("check", str(root), "--format", "json", "--jobs", "1"))
    (root / "protos/app/other").mkdir(parents=True)
    (root / "protos/app/other/Block.proto").write_text('syntax = "proto3";\n')
    assert ("app/other/__init__.py", 1) not in broken(cli("check", str(root), "--format", "json", "--jobs", "1"))


def test_a_module_built_into_one_of_two_roots_of_one_package_exists_there(make_repo, cli):
    """htseq: ``src/HTSeq/`` (the Cython sources) and the top's ``HTSeq/`` both hold the
    package, and setup.py builds ``HTSeq._HTSeq`` from ``src/_HTSeq.c`` into the top's
    folder: an import in the top's package, judged by its own root's files, finds the
    compiled module there; a module nothing builds is still missing."""
    root = make_repo(
        {
            "pyproject.toml": '[project]\nname = "HT"\n',
            "setup.py": "from setuptools import Extension, setup\n\nsetup(ext_modules=[Extension('HT._core', ['src/_core.c'])])\n",
            "HT/__init__.py": "from HT._core import *\nfrom HT._gone import x\n",
            "HT/util.py": "def f():\n    pass\n",
            "src/HT/__init__.py": "",
            "src/HT/_core.pyx": "cdef int x = 1\n",
            "src/_core.c": "int x;\n",
        }
    )
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    assert broken(result) == [("HT/__init__.py", 2)]


def test_an_extension_entry_point_in_a_source_beside_the_modules_builds_that_module(make_repo, cli):
    """orbax's ``bfloat16_toolkit/python/``: ``bfloat16.cc`` says ``PYBIND11_MODULE(bfloat16,
    m)``, built by a Bazel file the public tree lacks; nanobind's ``NB_MODULE`` and CPython's
    ``PyInit_<name>`` say the same. A macro's name in capitals (torch's
    ``TORCH_EXTENSION_NAME``) names no module, and a source outside a folder of Python files
    builds nothing there."""
    root = make_repo({
        "app/__init__.py": "",
        "app/bf16/__init__.py": "",
        "app/bf16/bfloat16.cc": "#include <pybind11/pybind11.h>\nPYBIND11_MODULE(bfloat16, m) {\n}\n",
        "app/bf16/tree.cpp": "NB_MODULE( tree , m) {}\n",
        "app/bf16/_speed.c": "PyMODINIT_FUNC\nPyInit__speed(void) { return NULL; }\n",
        "app/bf16/ext.cc": "PYBIND11_MODULE(TORCH_EXTENSION_NAME, m) {}\n",
        "csrc/other.cc": "PYBIND11_MODULE(other, m) {}\n",
        "app/bf16/use.py": "from app.bf16 import bfloat16\nfrom app.bf16 import tree\nfrom app.bf16 import _speed\n"
        "from app.bf16 import TORCH_EXTENSION_NAME\nfrom app.bf16 import other\n",
    })
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    assert broken(result) == [("app/bf16/use.py", 4), ("app/bf16/use.py", 5)]
