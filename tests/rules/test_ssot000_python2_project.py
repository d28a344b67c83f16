"""A Python 2 project judged by Python 3 (cabot: Python 2.7 throughout, ``except X, e`` and
``print 'x'``, no version declared anywhere): the findings stand, and one warning says that
SSOT000 judges Python 3 syntax."""

from __future__ import annotations

import pytest

PYTHON2 = {
    "app/__init__.py": "",
    "app/graphite.py": "def get():\n    print 'Getting'\n",
    "app/views.py": "try:\n    pass\nexcept ValueError, e:\n    pass\n",
    # One module in Python 3's own syntax: the code is not all Python 2.
    "app/models.py": "X: int = 1\n",
    "pyproject.toml": "",
}
WARNING = "this looks like a Python 2 project: 2 of the 2 files that do not compile fail on Python 2 statements"


def run(make_repo, cli, files, name="repo"):
    root = make_repo(files, name=name)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT000")
    return sorted(v["path"] for v in result.json()["violations"]), result.err


def test_code_in_python_2_alone_is_python_2_code(make_repo, cli):
    """Anesidora's game sources: no Python declared, 246 files of print statements among
    2,022, and no f-string, annotation or `async` anywhere: the project runs on Python 2,
    and its Python 2 syntax is not reported. One Python 3 construct, or failures that are
    few among many files, and the findings stand."""
    python2 = {**PYTHON2, "app/models.py": "X = 1\n"}
    paths, err = run(make_repo, cli, python2)
    assert paths == []
    assert (
        "the project runs on Python 2 (2 of the 2 files that do not compile fail on Python 2 statements, no file uses "
        "Python 3's own syntax (an f-string, an annotation, async), and nothing declares Python 3)"
    ) in err
    many = {**python2, **{f"app/m{i}.py": "X = 1\n" for i in range(40)}}  # 2 of 45 files
    paths, err = run(make_repo, cli, many, name="many")
    assert paths == ["app/graphite.py", "app/views.py"]
    assert "the project runs on Python 2 (" not in err


def test_calls_of_what_only_python_2_has_count_as_its_code(make_repo, cli):
    """Mengine's game scripts: one file with a `print` statement, 121 of 2,007 calling
    `d.iteritems()`, `xrange` and the like, none in Python 3's own syntax: Python 2 code.
    A name the module binds itself (`xrange = range`) is no such call, one Python 3
    construct still makes the whole Python 3, and so does one module that prepares for
    Python 3."""
    files = {
        "app/__init__.py": "",
        "app/graphite.py": "def get():\n    print 'Getting'\n",
        "app/scenes.py": "def names(d):\n    return [k for k, v in d.iteritems()]\n",
        **{f"app/m{i}.py": "X = 1\n" for i in range(20)},
    }
    paths, err = run(make_repo, cli, files)
    assert paths == []
    assert (
        "the project runs on Python 2 (1 of the 1 files that do not compile fail on Python 2 statements and 1 call "
        "what only Python 2 has (iteritems, xrange ...), no file uses Python 3's own syntax"
    ) in err
    assert "so the 1 file Python 3 cannot compile (`print 'x'`, `except X, e:`, `0755`) is not reported" in err
    bound = {**files, "app/scenes.py": "xrange = range\n\n\ndef count(n):\n    return list(xrange(n))\n"}
    paths, err = run(make_repo, cli, bound, name="bound")
    assert paths == ["app/graphite.py"]
    python3 = {**files, "app/models.py": "X: int = 1\n"}
    paths, err = run(make_repo, cli, python3, name="python3")
    assert paths == ["app/graphite.py"]
    # A module that prepares for Python 3 (TACTIC's, ported): the calls say nothing then.
    for i, aware in enumerate((
        "from __future__ import print_function\n",
        "import sys\nIS_PY3 = sys.version_info[0] > 2\n",
        "import six\n",
        "from six.moves import range\n",
    )):
        paths, err = run(make_repo, cli, {**files, "app/compat.py": aware}, name=f"aware{i}")
        assert paths == ["app/graphite.py"], aware


def test_a_python_2_project_gets_one_warning_and_its_findings(make_repo, cli):
    paths, err = run(make_repo, cli, PYTHON2)
    assert paths == ["app/graphite.py", "app/views.py"]
    assert err.count(WARNING) == 1, err
    assert "SSOT000 judges Python 3 syntax" in err


@pytest.mark.parametrize(
    "extra",
    [
        # A Python 3 project keeping two stale Python 2 scripts (Limnoria's sandbox/).
        {"setup.py": "from setuptools import setup\nsetup(classifiers=['Programming Language :: Python :: 3.8'])\n"},
        {"pyproject.toml": '[project]\nname = "app"\nrequires-python = ">=3.8"\n'},
        {".github/workflows/ci.yml": "jobs:\n  t:\n    steps:\n      - with:\n          python-version: '3.9'\n"},
        # Most files that do not compile fail for other reasons.
        {"app/a.py": "def f(:\n", "app/b.py": "x = (\n", "app/c.py": "class C\n"},
    ],
    ids=["classifier", "requires-python", "CI version", "other errors"],
)
def test_no_warning_when_python_3_is_declared_or_python_2_is_not_most(make_repo, cli, extra):
    _, err = run(make_repo, cli, {**PYTHON2, **extra})
    assert "Python 2 project" not in err


@pytest.mark.parametrize(
    "installs",
    [
        {"requirements.txt": 'futures==3.3.0; python_version < "3"\n'},  # a marker: Python 3 installs without it
        {"requirements.txt": "enum34\nconfigparser\nfutures\n"},  # backports that install on Python 3 too
        {"deploy/app/requirements.txt": "functools32\n"},  # a nested project's requirements
        {"Dockerfile": "FROM debian:buster\nRUN apt-get install -y python-dev python3-dev\n"},
        {"Dockerfile": "FROM python:3.9\n", "legacy/requirements.txt": "functools32\n"},  # a Python 3 image declares
        {".github/workflows/ci.yml": "jobs:\n  t:\n    steps:\n      - with:\n          python-version: '3.x'\n",
         "requirements.txt": "functools32\n"},  # CI runs a Python 3, if no version in particular
    ],
    ids=["marker", "backports", "nested", "both pythons", "python 3 image", "CI python 3.x"],
)
def test_installs_that_allow_python_3_are_no_python_2_declaration(make_repo, cli, installs):
    paths, err = run(make_repo, cli, {**PYTHON2, **installs})
    assert paths == ["app/graphite.py", "app/views.py"]
    assert "the project runs on Python 2 (" not in err


def test_one_python_2_file_is_no_python_2_project(make_repo, cli):
    files = {k: v for k, v in PYTHON2.items() if k != "app/views.py"}
    _, err = run(make_repo, cli, files)
    assert "Python 2 project" not in err


# -- a project that declares Python 2 only ------------------------------------------------
# Its Python 2 syntax is valid where it runs: not reported, and one warning names the
# evidence (cuckoo: setup.py's 'Python :: 2.7' classifier; PyBitmessage: '2.7 :: Only').

SETUP_27 = "from setuptools import setup\nsetup(name='app', classifiers=[\n    'Programming Language :: Python :: 2.7',\n])\n"


@pytest.mark.parametrize(
    "declaration, evidence",
    [
        ({"setup.py": SETUP_27}, "setup.py:3 'Programming Language :: Python :: 2.7', and no Python 3 classifier"),
        (
            {"setup.cfg": "[metadata]\nclassifiers =\n    Programming Language :: Python :: 2.7 :: Only\n"},
            "setup.cfg:3 'Programming Language :: Python :: 2.7 :: Only'",
        ),
        ({"setup.cfg": "[options]\npython_requires = >=2.6, <3\n"}, "python_requires = '>=2.6, <3' in setup.cfg"),
        (
            {"setup.py": "from setuptools import setup\nsetup(name='app', python_requires='~=2.7')\n"},
            "python_requires = '~=2.7' in setup.py",
        ),
        # No metadata, but what it installs runs only on Python 2 (pupy).
        (
            {"requirements.txt": "six\nfutures==3.3.0  # concurrent.futures\n"},
            "requirements.txt:2 pins 'futures==3.3.0', which installs only on Python 2",
        ),
        ({"server/requirements.txt": "functools32\n"}, "server/requirements.txt:1 pins 'functools32'"),
        (
            {"conf/Dockerfile": "FROM debian:buster-slim\nRUN apt-get update && \\\n  apt-get install -y libffi-dev python-dev python-pip\n"},
            "conf/Dockerfile:3 installs python-dev, the distribution's Python 2, and no Python 3",
        ),
        ({"Dockerfile": "FROM python:2.7-slim\n"}, "Dockerfile:1 builds from a Python 2 image"),
        # A build step that runs Python 2's pip (zenoss' ``RUN python2 -m pip ... install``).
        (
            {"Dockerfile": "FROM zenoss/wheel:py2-2\n\nRUN <<EOT\npython2 -m pip --no-cache-dir install --user jsbuilder\nEOT\n"},
            "Dockerfile:4 installs python2",
        ),
        # A CI folder's script provisions the build machine with the distribution's Python 2
        # (synnefo's ``ci/utils.py``, building its packages on Debian jessie), in a shell
        # command spread over lines.
        (
            {"ci/utils.py": (
                "def build_packages(run):\n    cmd = \"\"\"\n    apt-get update\n"
                "    apt-get install zlib1g-dev dpkg-dev debhelper \\\n            python-dev python-all python-pip --yes\n"
                "    \"\"\"\n    run(cmd)\n"
            )},
            "ci/utils.py:5 installs python-dev, the distribution's Python 2, and no Python 3",
        ),
        ({"ci/install.sh": "#!/bin/sh\nsudo apt-get -y install python-setuptools git\n"}, "ci/install.sh:2 installs python-setuptools"),
        # No metadata, but its CI tests it on Python 2 alone (w3af's CircleCI 1.0 file).
        (
            {"circle.yml": "machine:\n  services:\n    - docker\n\n  python:\n    version: 2.7.3\n"},
            "circle.yml:6 sets up Python 2.7.3, and no Python 3",
        ),
        ({".travis.yml": "language: python\npython:\n  - '2.6'\n  - '2.7'\n"}, ".travis.yml:2 sets up Python 2.6"),
        # tox testing Python 2.7 alone (nylas' sync-engine).
        ({"tox.ini": "[tox]\nenvlist = py27\n\n[testenv]\ncommands = py.test\n"},
         "tox.ini envlist 'py27' tests on Python 2, and no Python 3"),
        # A GitHub Actions job in a Python 2 container, no Python 3 anywhere (senaite.core,
        # Plone 5.2 on Python 2.7 by buildout).
        (
            {".github/workflows/build-and-test.yml": (
                "name: build\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-20.04\n    container:\n"
                "      image: python:2.7.18-buster\n    steps:\n      - uses: actions/checkout@v3\n"
            )},
            ".github/workflows/build-and-test.yml:7 runs its jobs in Python 2.7.18, and no Python 3",
        ),
        # No metadata, but the project's own start script runs it with python2 (a game
        # server's ``astron/linux/start_ai_server.sh``: ``/usr/bin/python2 -m pirates.ai.ServiceStart``).
        (
            {"deploy/linux/start.sh": "#!/bin/sh\ncd ../..\nwhile true\ndo\n/usr/bin/python2 -m app.models\ndone\n"},
            "deploy/linux/start.sh:5 runs app.models with python2, and nothing runs a Python 3",
        ),
        ({"run.bat": "@echo off\r\npython2.7.exe app\\graphite.py %*\r\n"}, "run.bat:2 runs app/graphite.py with python2"),
        # No metadata, but its Windows CI builds it in Python 2.7's install folders, and its
        # conda environment pins Python 2.7 (mcedit2).
        (
            {"appveyor.yml": (
                "environment:\n  matrix:\n    - PYTHON: \"c:\\\\python27\"\n      WHL_ARCH: 32\n"
                "    - PYTHON: \"c:\\\\python27-x64\"\n"
            )},
            "appveyor.yml:3 builds with Python 2.7, and no Python 3",
        ),
        ({".appveyor.yml": "environment:\n  matrix:\n    - PYTHON_VERSION: \"2.7.x\"\n"}, ".appveyor.yml:3 builds with Python 2.7"),
        ({"environment.yml": "name: docs\ndependencies:\n  - python=2.7\n  - numpy\n"}, "environment.yml:3 builds with Python 2.7"),
        # An RPM spec of a first-level folder requiring the distribution's Python 2
        # (openshift-tools' ``openshift_tools/python-openshift-tools.spec``).
        (
            {"openshift_tools/python-app.spec": (
                "Summary: App\nName: python-app\nBuildRequires: python2-devel\nRequires:      python2,python-boto\n"
            )},
            "openshift_tools/python-app.spec:3 requires python2-devel, the distribution's Python 2, and no Python 3",
        ),
    ],
    ids=[
        "classifier", "only", "python_requires", "compatible", "futures 3", "functools32", "apt python-dev", "image", "pip step",
        "ci folder script", "ci folder shell", "circle",
        "travis", "tox", "actions container", "start script", "batch file", "appveyor", "appveyor version", "conda", "rpm spec",
    ],
)
def test_a_project_declaring_python_2_only_gets_no_python_2_syntax_errors(make_repo, cli, declaration, evidence):
    files = {**PYTHON2, "app/octal.py": "import os\nos.chmod('f', 0755)\n", **declaration}
    paths, err = run(make_repo, cli, files)
    assert paths == []
    assert err.count("ssotlint: warning: the project runs on Python 2 (") == 1, err
    assert evidence in err
    assert "the 3 files Python 3 cannot compile" in err
    assert "Python 2 project" not in err  # not the undeclared project's warning as well


@pytest.mark.parametrize(
    "declaration",
    [
        # Both Pythons declared: judged as Python 3 (alignak, Limnoria).
        {
            "setup.py": SETUP_27.replace(
                "'Programming Language :: Python :: 2.7',", "'Programming Language :: Python :: 2.7', 'Programming Language :: Python :: 3',"
            )
        },
        {"setup.py": SETUP_27, "pyproject.toml": '[project]\nname = "app"\nrequires-python = ">=3.8"\n'},
        {"setup.cfg": "[options]\npython_requires = >=2.7\n"},
        # A CI that tests Python 3 as well as Python 2.
        {".travis.yml": "language: python\npython:\n  - '2.7'\n  - '3.6'\n"},
        {"tox.ini": "[tox]\nenvlist = py27-django111, py3{8,9}-django22\n"},
        # ... or in a job of its matrix.
        {".travis.yml": "language: python\npython: 2.7\njobs:\n  include:\n    - python: '3.6'\n      env: X=1\n"},
        # An old Dockerfile installing Python 2's pip, beside a CI or a documentation build
        # on Python 3 (eden: Travis on 3.7, Read the Docs on 3.9).
        {"Dockerfile": "FROM debian:buster\nRUN apt-get install -y python-pip\n", ".travis.yml": "language: python\npython:\n  - \"3.7\"\n"},
        {"Dockerfile": "FROM debian:buster\nRUN apt-get install -y python-pip\n",
         ".readthedocs.yaml": "version: 2\nbuild:\n  os: ubuntu-20.04\n  tools:\n    python: \"3.9\"\n"},
        # A Python 2 container job whose steps run a Python 3 too (no version a CI reader
        # takes as the project's, but a Python 3 all the same).
        {".github/workflows/ci.yml": (
            "jobs:\n  py2:\n    container:\n      image: python:2.7\n    steps:\n      - run: python3 -m tox\n"
        )},
        # Start scripts that run Python 2 and Python 3 both, or Python 2 on no code of the project.
        {"start.sh": "python2 -m app.models\n", "tools/run3.sh": "python3 -m app.views\n"},
        {"start.sh": "python2 -m SimpleHTTPServer 8000\n"},
        {"start.sh": "python2 missing/script.py\n"},
        # A CI folder's script installing Python 2's packages beside Python 3's, one naming
        # them only in a comment or outside an install command.
        {"ci/setup.sh": "apt-get install -y python-dev python3-dev\n"},
        {"ci/setup.sh": "apt-get install -y git  # python-dev not needed\necho python-dev\n"},
        # AppVeyor or conda building with Python 3 as well as Python 2, or conda with Python 3
        # beside an old Dockerfile's Python 2 pip.
        {"appveyor.yml": "environment:\n  matrix:\n    - PYTHON: C:\\Python27\n    - PYTHON: C:\\Python36-x64\n"},
        {"appveyor.yml": "environment:\n  matrix:\n    - PYTHON: C:\\Python27\n", "environment-dev.yml": "dependencies:\n  - \"python>=3.8\"\n"},
        {"Dockerfile": "FROM debian:buster\nRUN apt-get install -y python-pip\n", "environment.yaml": "dependencies:\n  - python 3.10.*\n"},
        # An RPM spec requiring Python 3's packages beside Python 2's.
        {"app.spec": "Name: app\nBuildRequires: python2-devel python3-devel\nRequires: python3\n"},
    ],
    ids=[
        "both classifiers", "requires-python", "open python_requires", "travis both", "tox both", "travis job", "travis 3", "readthedocs 3",
        "actions both", "launchers both", "launcher of no first-party module", "launcher of no first-party file",
        "ci folder both", "ci folder comment", "appveyor both", "appveyor and conda 3", "conda 3 beside dockerfile 2",
        "rpm spec both",
    ],
)
def test_a_project_declaring_python_3_too_is_judged_as_python_3(make_repo, cli, declaration):
    paths, err = run(make_repo, cli, {**PYTHON2, **declaration})
    assert paths == ["app/graphite.py", "app/views.py"]
    assert "the project runs on Python 2 (" not in err


@pytest.mark.parametrize(
    "declaration",
    [{"setup.cfg": "[options]\npython_requires = >=2.7, !=3.0.*\n"}, {"setup.py": SETUP_27.replace(
        "'Programming Language :: Python :: 2.7',", "'Programming Language :: Python :: 2.7', 'Programming Language :: Python :: 3',"
    )}],
    ids=["python_requires", "classifiers"],
)
def test_a_documentation_example_of_a_project_on_both_pythons_may_be_python_2(make_repo, cli, declaration):
    """WebOb 1.8 (``python_requires='>=2.7,...'``): its ``docs/*-example-code/*.py`` say
    ``except X, e:``, written for the Python 2.7 it supports. Its package must compile on
    Python 3, and is still judged; with Python 3 alone declared, so are the examples."""
    example = {"docs/wiki/example.py": "try:\n    pass\nexcept ValueError, e:\n    print 'x'\n"}
    paths, err = run(make_repo, cli, {**PYTHON2, **declaration, **example})
    assert paths == ["app/graphite.py", "app/views.py"]
    assert (
        "1 documentation example or script outside its packages (docs/wiki/example.py) Python 3 cannot compile "
        "may be written for its Python 2" in err
    )
    three = {"pyproject.toml": '[project]\nname = "app"\nrequires-python = ">=3.8"\n'}
    root = make_repo({**PYTHON2, **declaration, **example, **three}, name="three")
    result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT000")
    paths = sorted(v["path"] for v in result.json()["violations"])
    if "setup.cfg" in declaration:  # python_requires, which pip enforces, says 2.7 whatever else does
        assert paths == ["app/graphite.py", "app/views.py"]
    else:
        assert paths == ["app/graphite.py", "app/views.py", "docs/wiki/example.py"]


@pytest.mark.parametrize(
    "both",
    [
        {"setup.py": SETUP_27.replace(
            "'Programming Language :: Python :: 2.7',", "'Programming Language :: Python :: 2.7', 'Programming Language :: Python :: 3',"
        )},
        # No metadata, but CI tests Python 2 as well as 3 (bcfg2's Travis matrix: 2.6 and
        # 2.7, then 3.5 allowed to fail; a tox envlist of both).
        {".travis.yml": (
            "language: python\nmatrix:\n  include:\n    - python: \"2.6\"\n    - python: \"2.7\"\n"
            "    - python: \"3.5\"\n  allow_failures:\n    - python: \"3.5\"\n"
        )},
        {"tox.ini": "[tox]\nenvlist = py27, py36\n"},
    ],
    ids=["classifiers", "travis", "tox"],
)
def test_a_script_outside_the_packages_of_a_project_on_both_pythons_may_be_python_2(make_repo, cli, both):
    """pywinauto (classifiers 2.7 and 3.x): ``sandbox/recorder.py`` says ``print x``, a
    script outside its packages that nothing imports. In a package, imported by a module,
    or failing for a reason Python 2 shares (an unclosed bracket), it is judged."""
    loose = {
        "sandbox/recorder.py": "import sys\nprint sys.argv\n",
        "tools/typo.py": "x = (\n",
        "tools/used.py": "print 'used'\n",
        "tools/run.py": "from tools import used\n",
        "app/helper.py": "print 'in the package'\n",
    }
    paths, err = run(make_repo, cli, {**PYTHON2, **both, **loose})
    assert paths == ["app/graphite.py", "app/helper.py", "app/views.py", "tools/typo.py", "tools/used.py"]
    assert "1 documentation example or script outside its packages (sandbox/recorder.py)" in err


def test_undecodable_bytes_in_a_python_2_project_are_reported(make_repo, cli):
    files = {**PYTHON2, "setup.py": SETUP_27}
    root = make_repo(files)
    (root / "app" / "latin.py").write_bytes(b"x = '\xe4'\n")
    result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT000")
    assert [v["path"] for v in result.json()["violations"]] == ["app/latin.py"]


def test_python2_declared_reads_classifiers_of_both_pythons_as_python_3(tmp_path):
    from ssotlint.config_project import python2_declared

    (tmp_path / "setup.cfg").write_text("[metadata]\nclassifiers =\n    Programming Language :: Python :: 2.7\n")
    assert python2_declared(tmp_path) == "setup.cfg:3 'Programming Language :: Python :: 2.7', and no Python 3 classifier"
    (tmp_path / "pyproject.toml").write_text('[project]\nclassifiers = ["Programming Language :: Python :: 3"]\n')
    assert python2_declared(tmp_path) is None


def test_a_shebang_naming_a_python_2_interpreters_folder_runs_on_python_2(make_repo, cli):
    """Anesidora's ``rpc/testclient.py``: ``#!/sdk/python/Python-2.4.1/PCbuild/python``, an
    interpreter built in a folder named by its version, is Python 2 as ``python2`` is."""
    files = {
        **PYTHON2,
        "tools/client.py": "#!/home/dev/sdk/python/Python-2.4.1/PCbuild/python\nprint 'x'\n",
        "tools/other.py": "#!/home/dev/sdk/python/Python-3.9/bin/python\nprint 'x'\n",
    }
    paths, _ = run(make_repo, cli, files)
    assert paths == ["app/graphite.py", "app/views.py", "tools/other.py"]
