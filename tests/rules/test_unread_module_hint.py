"""A name no Python module defines, imported from a package that holds a module ssotlint
does not read (xpra's ``xpra/net/vsock/vsock.pyx``, a Cython module): the hint says where it
may be instead of claiming that it is defined nowhere. Only the package's own modules count,
and not a version file, which holds nothing else."""

from __future__ import annotations


def test_a_package_holding_a_compiled_module_is_named_as_where_it_may_be(make_repo, cli):
    root = make_repo({
        "xpra/__init__.py": "",
        "xpra/net/__init__.py": "",
        "xpra/net/vsock/__init__.py": "",
        "xpra/net/vsock/vsock.pyx": "CID_ANY = -1\n",
        "xpra/net/other/__init__.py": "",
        "xpra/net/other/deep/__init__.py": "",
        "xpra/net/other/deep/codec.pyx": "CID_ANY = -1\n",
        "xpra/net/other/_version.pyi": "version: str\n",
        "tests/test_vsock.py": "from xpra.net.vsock import CID_ANY\n",
        "tests/test_other.py": "from xpra.net.other import CID_ANY\n",
    })
    result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT003")
    assert [(v["path"], v["message"]) for v in result.json()["violations"]] == [
        ("tests/test_other.py",
         "cannot import name 'CID_ANY' from xpra.net.other (xpra/net/other/__init__.py); it is not defined anywhere in the project"),
        ("tests/test_vsock.py",
         "cannot import name 'CID_ANY' from xpra.net.vsock (xpra/net/vsock/__init__.py); no Python module of the project "
         "defines it, but xpra.net.vsock holds a module ssotlint does not read (xpra.net.vsock.vsock: compiled, a stub "
         "or generated) that may"),
    ]
