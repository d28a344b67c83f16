"""Modules a build configuration in another language writes into a package (anki's
``build/configure/src/pylib.rs`` declares ``"pylib/anki/buildinfo.py"`` an output of its
Rust-driven build; git never sees the file): they exist, with contents unknown. Only a
path spelt in full, into a folder of Python files, in a build configuration counts."""

from __future__ import annotations


def test_a_module_a_build_configuration_names_as_an_output_exists(make_repo, cli):
    root = make_repo({
        "pylib/pyproject.toml": '[project]\nname = "anki"\n\n[build-system]\nrequires = ["hatchling"]\n',
        "pylib/anki/collection.py": "",  # no __init__.py, as in anki
        "pylib/anki/utils.py": "from anki.buildinfo import version\nfrom anki.hooks_gen import *\nfrom anki.gone import x\n",
        "build/configure/src/pylib.rs": 'build.add_outputs("out", vec!["pylib/anki/buildinfo.py"]);\n',
        "Makefile": "hooks:\n\tpython tools/genhooks.py 'pylib/anki/hooks_gen.py'\n",
        # Named outside a build configuration, or outside a package: nothing.
        "docs/build.md": '"pylib/anki/gone.py"\n',
        "build/configure/src/other.rs": 'let p = "out/pylib/anki/gone.py";\n',
    }, git_init=True)  # git tracks build/: the build's configuration, not its output
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT003")
    found = [(v["path"], v["line"], v["message"]) for v in result.json()["violations"]]
    assert found == [("pylib/anki/utils.py", 3, "`from anki.gone import x`: package anki has no module 'gone'")], result.err
