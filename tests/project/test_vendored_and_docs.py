"""Code that is not the project's product: vendored copies of other projects, and
documentation listings in folders named like ``docs`` (FastAPI's ``docs_src/``).

Vendored code (setuptools keeps ``setuptools/_vendor/more_itertools`` beside
``more_itertools-10.8.0.dist-info``) is not analysed: nothing in it is the project's to
fix. Its modules still exist, so importing them is no broken import. Documentation
listings are read one at a time: a tutorial's steps repeat each other's classes.
"""

from __future__ import annotations

import pytest

COPY = "class bucket:\n    def __init__(self, iterable, key):\n        self._it = iter(iterable)\n        self._key = key\n"


def _violations(cli, root, rule):
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    return sorted((v["path"], v["line"]) for v in result.json()["violations"] if v["rule"] == rule)


def test_vendored_distributions_are_not_analysed(make_repo, cli):
    root = make_repo({
        "pkg/__init__.py": "",
        "pkg/core.py": "from pkg._vendor.more_itertools import chunked\nfrom pkg._vendor.importlib_metadata import version\n",
        "pkg/_vendor/more_itertools/__init__.py": "from .more import *\n",
        "pkg/_vendor/more_itertools/more.py": COPY + "import gone_module_of_theirs\nfrom .recipes import Missing\n",
        "pkg/_vendor/more_itertools-10.8.0.dist-info/METADATA": "Name: more-itertools\n",
        "pkg/_vendor/importlib_metadata/__init__.py": "from ._itertools import bucket\n",
        "pkg/_vendor/importlib_metadata/_itertools.py": "# Copied from more_itertools\n" + COPY,
        # pip install --target: the folder beside a *.dist-info holds installed distributions.
        "app/libs/six.py": "from .moves import urllib\n",
        "app/libs/six-1.16.0.dist-info/RECORD": "six.py\n",
        "app/libs/other.py": "class Iterator:\n    pass\n",
        # A third_party folder holding copied projects (each keeps its licence).
        "third_party/tomli/LICENSE": "MIT\n",
        "third_party/tomli/parser.py": "from .missing import X\n",
        # A deps folder of other projects' clones, each with its licence (bunkerweb's
        # src/deps/src/libinjection/COPYING and its Python 2 tools).
        "src/deps/src/libinjection/COPYING": "BSD\n",
        "src/deps/src/libinjection/lua/data2lua.py": "print 'fingerprints = {'\nfrom .gone import X\n",
        # An externals folder with the script that copies a project in (joblib's vendor_loky.sh).
        "app/externals/__init__.py": "",
        "app/externals/vendor_loky.sh": "#!/bin/sh\npip install loky --target=.\n",
        "app/externals/loky/__init__.py": "from .backend import reduction\n",
        "app/externals/loky/backend/__init__.py": "",
        "app/externals/loky/backend/reduction.py": "from . import _posix_reduction\n",
        "app/externals/loky/backend/_posix_reduction.py": "from .reduction import register\nfrom .gone import X\n",
    })
    assert _violations(cli, root, "SSOT000") == []
    assert _violations(cli, root, "SSOT001") == []
    assert _violations(cli, root, "SSOT002") == []
    assert _violations(cli, root, "SSOT003") == []


def test_a_vendor_app_of_the_project_is_its_code(make_repo, cli):
    # A `vendor` Django app (suppliers), no licence or manifest: the project's own code.
    root = make_repo({
        "vendor/__init__.py": "",
        "vendor/models.py": "from vendor.forms import Gone\n",
        "vendor/forms.py": "X = 1\n",
        "vendor/templates/vendor_list.html": "<ul></ul>\n",
        "vendor/vendor_utils.py": "X = 2\n",
    })
    assert _violations(cli, root, "SSOT003") == [("vendor/models.py", 1)]


def test_a_deps_folder_without_licences_is_the_projects_code(make_repo, cli):
    """A FastAPI app's own ``api/deps/`` (its dependency-injection functions): no licence,
    no manifest."""
    root = make_repo({
        "app/__init__.py": "",
        "app/api/__init__.py": "",
        "app/api/deps/__init__.py": "from app.api.deps.session import gone\n",
        "app/api/deps/session.py": "def get_session():\n    return None\n",
    })
    assert _violations(cli, root, "SSOT003") == [("app/api/deps/__init__.py", 1)]


LISTING = "from pydantic_settings import BaseSettings\n\n\nclass Settings(BaseSettings):\n    app_name: str = 'Awesome API'\n    admin_email: str\n"


@pytest.mark.parametrize("folder", ["docs_src", "doc_src", "docs_examples", "api_docs", "user-docs", "listings"])
def test_listings_in_docs_named_folders_are_not_duplicates(make_repo, cli, folder):
    # FastAPI's docs_src/settings/app01 and app02: two example apps, each run on its own.
    root = make_repo({f"{folder}/settings/{app}/config.py": LISTING for app in ("app01", "app02")})
    expected = [(f"{folder}/settings/app02/config.py", 4)] if folder == "listings" else []  # not named like docs
    assert _violations(cli, root, "SSOT001") == expected


@pytest.mark.parametrize("metadata", ["pyproject.toml", "setup.py"])
def test_an_unpacked_source_distribution_is_vendored(make_repo, cli, metadata):
    """gem5's ``ext/ply/``: PLY 3.11 as its release unpacks (``PKG-INFO`` beside
    ``setup.py``, or a ``pyproject.toml``), with its Python 2 examples and its own copies of a
    logger: another project's code. A folder with a setup.py and no PKG-INFO stays the
    project's own."""
    files = {
        "src/__init__.py": "",
        "src/parser.py": "from ply import lex, yacc\n",
        "ext/ply/PKG-INFO": "Metadata-Version: 1.1\nName: ply\nVersion: 3.11\n",
        f"ext/ply/{metadata}": "[project]\nname = 'ply'\n" if metadata.endswith("toml") else "from setuptools import setup\n\nsetup(name='ply')\n",
        "ext/ply/ply/__init__.py": "",
        "ext/ply/ply/lex.py": COPY.replace("bucket", "NullLogger"),
        "ext/ply/ply/yacc.py": COPY.replace("bucket", "NullLogger"),
        "ext/ply/example/calc.py": "print 'calc'\n",
        "tools/sdk/setup.py": "from setuptools import setup\n\nsetup(name='sdk')\n",
        "tools/sdk/sdk/__init__.py": "print 'old'\n",
    }
    root = make_repo(files)
    assert _violations(cli, root, "SSOT000") == [("tools/sdk/sdk/__init__.py", 1)]
    assert _violations(cli, root, "SSOT001") == []
    assert _violations(cli, root, "SSOT003") == []
