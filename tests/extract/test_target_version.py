"""A project that targets a newer Python than the running interpreter: its syntax is
judged for its target (LibCST's parser), not as SSOT000 by the interpreter that runs us."""

from __future__ import annotations

import sys

import pytest

from ssotlint.config import lowest_python

RUNNING = sys.version_info[:2]
NEWER = (3, RUNNING[1] + 1)

FILES = {
    "app/__init__.py": "",
    # Python 3.12 syntax: a type statement and a generic class, then a broken import.
    "app/new.py": "import os\ntype Alias = int\nclass Box[T]:\n    pass\nfrom app.missing import X\n",
    "app/bad.py": "x = 1\n1syntax_error\n",
}


def pyproject(requires: str, extra: str = "") -> str:
    return f'[project]\nname = "demo"\nrequires-python = "{requires}"\n[tool.ssotlint]\n{extra}'


def found(result) -> list[tuple[str, str, int]]:
    return [(v["rule"], v["path"], v["line"]) for v in result.json()["violations"]]


def test_newer_target_syntax_is_analysed_not_reported(make_repo, cli):
    target = f"{NEWER[0]}.{NEWER[1]}"
    root = make_repo({**FILES, "pyproject.toml": pyproject(f">={target}")})
    result = cli("check", str(root), "--format", "json", "--no-cache")
    assert result.code == 1
    # The file is analysed in full (its broken import is found); a real error still counts.
    assert found(result) == [("SSOT000", "app/bad.py", 2), ("SSOT003", "app/new.py", 5)]
    warnings = [line for line in result.err.splitlines() if "targets Python" in line]
    assert len(warnings) == 1
    assert warnings[0].startswith(
        f"ssotlint: warning: the project targets Python {target} (requires-python = '>={target}'), "
        f"newer than the running Python {RUNNING[0]}.{RUNNING[1]}"
    )
    assert "judged by LibCST's parser for Python 3." in warnings[0]


@pytest.mark.skipif(RUNNING >= (3, 12), reason="the interpreter itself accepts 3.12 syntax")
def test_the_target_decides_and_the_cache_keeps_verdicts_apart(make_repo, cli):
    root = make_repo({**FILES, "pyproject.toml": pyproject(">=3.10", 'target-version = "py312"\n')})
    first = cli("check", str(root), "--format", "json")
    assert found(first) == [("SSOT000", "app/bad.py", 2), ("SSOT003", "app/new.py", 5)]
    assert "targets Python 3.12 (target-version = 'py312')" in first.err
    warm = cli("check", str(root), "--format", "json")  # outcome from the result cache
    assert found(warm) == found(first)
    assert warm.err.count("targets Python 3.12") == 1
    # Same files, target now the running interpreter: its verdict, not the cached summary.
    (root / "pyproject.toml").write_text(pyproject(">=3.10"))
    older = cli("check", str(root), "--format", "json")
    assert found(older) == [("SSOT000", "app/bad.py", 2), ("SSOT000", "app/new.py", 2)]
    assert "targets Python" not in older.err


def test_no_warning_when_the_target_is_not_newer(make_repo, cli):
    root = make_repo({"app/__init__.py": "", "pyproject.toml": pyproject(">=3.8")})
    result = cli("check", str(root), "--no-cache")
    assert result.code == 0
    assert "targets Python" not in result.err


def test_a_bad_target_version_is_a_configuration_error(make_repo, cli):
    root = make_repo({"app/__init__.py": ""}, config='target-version = "3.12"\n')
    result = cli("check", str(root), "--no-cache")
    assert result.code == 2
    assert "tool.ssotlint.target-version must be a Python version such as 'py312', not '3.12'" in result.err


@pytest.mark.parametrize(
    "requires,lowest",
    [(">=3.12", (3, 12)), (">= 3.10, !=3.11.*", (3, 10)), ("~=3.12", (3, 12)), ("==3.11.*", (3, 11)),
     ("<4,>=3.9", (3, 9)), (">=2.7", None), ("<3.13", None)],
)
def test_lowest_python_allowed(requires, lowest):
    assert lowest_python(requires) == lowest


@pytest.mark.parametrize(
    "pinned, judged_newer, reported",
    [
        (f"{NEWER[0]}.{NEWER[1]}\n", True, False),
        (f"# was 3.8 until May\ncpython-{NEWER[0]}.{NEWER[1]}.2\n", True, False),
        (f"{NEWER[0]}.{NEWER[1]}\npypy{RUNNING[0]}.{RUNNING[1]}\n", False, True),  # the oldest it lists
        # Nothing declared at all: newer syntax LibCST's parser accepts is not reported (a warning says so).
        ("system\n", False, RUNNING >= (3, 12)),
    ],
)
def test_a_pinned_python_version_is_the_target_when_nothing_else_says(make_repo, cli, pinned, judged_newer, reported):
    """``.python-version`` (pyenv, uv) names the interpreter the code runs on."""
    root = make_repo({**FILES, ".python-version": pinned})
    result = cli("check", str(root), "--format", "json", "--no-cache")
    found_new = ("SSOT000", "app/new.py", 2) in found(result) or ("SSOT000", "app/new.py", 3) in found(result)
    assert found_new is reported, result.out
    assert ("'.python-version" in result.err or ".python-version '" in result.err) is judged_newer, result.err


def test_requires_python_wins_over_a_pinned_version(make_repo, cli):
    root = make_repo({**FILES, ".python-version": f"{NEWER[0]}.{NEWER[1]}\n",
                      "pyproject.toml": pyproject(f">={RUNNING[0]}.{RUNNING[1]}")})
    result = cli("check", str(root), "--format", "json", "--no-cache")
    assert any(v[:2] == ("SSOT000", "app/new.py") for v in found(result))
    assert "targets Python" not in result.err


def test_a_pinned_version_that_is_not_a_regular_file_is_not_read(make_repo, cli, tmp_path):
    """The repository is untrusted: a link is not followed out of it, a FIFO not opened."""
    import os

    outside = tmp_path / "outside-version"
    outside.write_text(f"{NEWER[0]}.{NEWER[1]}\n")
    linked = make_repo(FILES, name="linked")
    (linked / ".python-version").symlink_to(outside)
    fifo = make_repo(FILES, name="fifo")
    os.mkfifo(fifo / ".python-version")
    for root in (linked, fifo):
        result = cli("check", str(root), "--format", "json", "--no-cache")
        assert "targets Python" not in result.err
        # Not judged for the version behind the link: the project declares none.
        assert "the project declares no Python" in result.err or RUNNING >= (3, 12), result.err


NEWER_TEXT = f"{NEWER[0]}.{NEWER[1]}"
RUNNING_TEXT = f"{RUNNING[0]}.{RUNNING[1]}"
SETUP_PY = (
    "import pathlib\n"
    "pathlib.Path('EXECUTED').write_text('setup.py ran')\n"  # never: it is read, not run
    "from setuptools import setup\n"
    "setup(name='demo', python_requires='>={version}', packages=['app'])\n"
)


@pytest.mark.parametrize(
    "declared, source",
    [
        ({"setup.cfg": f"[metadata]\nname = demo\n[options]\npython_requires = >={NEWER_TEXT}\n"},
         f"setup.cfg python_requires = '>={NEWER_TEXT}'"),
        ({"setup.py": SETUP_PY.format(version=NEWER_TEXT)}, f"setup.py python_requires = '>={NEWER_TEXT}'"),
        ({"tox.ini": f"[tox]\nenvlist = py{{{NEWER[0]}{NEWER[1]},{NEWER[0]}{NEWER[1] + 1}}}-django{{42,50}}, lint\n"},
         f"tox.ini envlist 'py{{{NEWER[0]}{NEWER[1]},{NEWER[0]}{NEWER[1] + 1}}}-django{{42,50}}, lint'"),
        ({"tox.ini": f"[tox]\nenv_list =\n    py{NEWER[0]}{NEWER[1] + 1}\n    py{NEWER[0]}.{NEWER[1]}\n"},
         f"tox.ini envlist 'py{NEWER[0]}{NEWER[1] + 1} py{NEWER[0]}.{NEWER[1]}'"),
        ({"ruff.toml": f'line-length = 100\ntarget-version = "py{NEWER[0]}{NEWER[1]}"\n'},
         f"ruff.toml target-version = 'py{NEWER[0]}{NEWER[1]}'"),
        ({"pyproject.toml": f'[tool.ruff]\ntarget-version = "py{NEWER[0]}{NEWER[1]}"\n'},
         f"[tool.ruff] target-version = 'py{NEWER[0]}{NEWER[1]}'"),
        ({"pyproject.toml": f'[tool.mypy]\npython_version = "{NEWER_TEXT}"\n'},
         f"[tool.mypy] python_version = '{NEWER_TEXT}'"),
        # black's list: the oldest it names (subiquity's `['py312']`)
        ({"pyproject.toml": f"[tool.black]\ntarget-version = ['py{NEWER[0]}{NEWER[1] + 1}', 'py{NEWER[0]}{NEWER[1]}']\n"},
         f"[tool.black] target-version = ['py{NEWER[0]}{NEWER[1] + 1}', 'py{NEWER[0]}{NEWER[1]}']"),
    ],
    ids=["setup.cfg", "setup.py", "tox envlist", "tox env_list", "ruff.toml", "tool.ruff", "tool.mypy", "tool.black"],
)
def test_the_python_declared_outside_pyproject_is_the_target(make_repo, cli, declared, source):
    """A project that says its Python only in setup.cfg, setup.py or tox.ini: its syntax is
    judged for the lowest version declared, and the warning says where that came from."""
    root = make_repo({**FILES, **declared})
    result = cli("check", str(root), "--format", "json", "--no-cache")
    assert found(result) == [("SSOT000", "app/bad.py", 2), ("SSOT003", "app/new.py", 5)]
    assert f"the project targets Python {NEWER_TEXT} ({source}), newer than the running" in result.err
    assert not (root / "EXECUTED").exists()


@pytest.mark.parametrize(
    "declared",
    [
        # requires-python before python_requires
        {"pyproject.toml": pyproject(f">={RUNNING_TEXT}"),
         "setup.cfg": f"[options]\npython_requires = >={NEWER_TEXT}\n"},
        # setup.cfg before setup.py
        {"setup.cfg": f"[options]\npython_requires = >={RUNNING_TEXT}\n", "setup.py": SETUP_PY.format(version=NEWER_TEXT)},
        # python_requires before .python-version
        {"setup.py": SETUP_PY.format(version=RUNNING_TEXT), ".python-version": f"{NEWER_TEXT}\n"},
        # .python-version before tox's envlist
        {".python-version": f"{RUNNING_TEXT}\n", "tox.ini": f"[tox]\nenvlist = py{NEWER[0]}{NEWER[1]}\n"},
    ],
    ids=["requires-python", "setup.cfg", "python_requires", ".python-version"],
)
def test_which_declaration_wins(make_repo, cli, declared):
    """target-version > requires-python > python_requires (setup.cfg, then setup.py) >
    .python-version > tox envlist: here the first says the running Python, so the newer
    syntax is an error."""
    root = make_repo({**FILES, **declared})
    result = cli("check", str(root), "--format", "json", "--no-cache")
    assert any(v[:2] == ("SSOT000", "app/new.py") for v in found(result))
    assert "targets Python" not in result.err


@pytest.mark.parametrize(
    "envlist, versions",
    [
        ("py312, py313", [(3, 12), (3, 13)]),
        ("py3{10-12}-lint", [(3, 10), (3, 11), (3, 12)]),
        ("py{311,312}-django{42,50}\n  docs", [(3, 11), (3, 11), (3, 12), (3, 12)]),
        ("pypy310, py3, py27, lint, py3.9-x", [(3, 10), (3, 9)]),
        ("{py312,py313}-{a,b}", [(3, 12), (3, 12), (3, 13), (3, 13)]),
    ],
)
def test_tox_envlist_versions(envlist, versions):
    from ssotlint.config_project import tox_envlist_versions

    assert tox_envlist_versions(envlist) == versions


def test_a_setup_py_that_does_not_parse_or_computes_its_value_says_nothing(make_repo, cli):
    for name, text in [("broken", "setup(python_requires='>=3.99'\n"), ("computed", "V = '>=3.99'\nsetup(python_requires=V)\n")]:
        root = make_repo({**FILES, "setup.py": text}, name=name)
        result = cli("check", str(root), "--format", "json", "--no-cache")
        assert "targets Python" not in result.err


# Two modules of a project for Python 3.12 that import each other's module objects and read
# them only in functions; one of them uses PEP 695's syntax.
_CYCLE_312 = {
    "pyproject.toml": pyproject(">=3.12"),
    "app/__init__.py": "",
    "app/web.py": (
        "import app.master\n\ntype Handler = app.master.Master\n\n\n"
        "class View[T]:\n    def get[**P, R](self, fn: T) -> R:\n        return app.master.Master()\n"
    ),
    "app/master.py": "from app import web\n\n\nclass Master:\n    def views(self):\n        return web.View()\n",
}


@pytest.mark.skipif(RUNNING >= (3, 12), reason="the interpreter itself accepts 3.12 syntax")
@pytest.mark.parametrize("engine", ["libcst", "ast"])
def test_a_file_only_a_newer_parser_reads_keeps_how_it_uses_its_imports(engine):
    """Lowered (type parameters dropped, ``type X = v`` as ``X = lambda: (v)``), the file
    compiles here, and CPython's tree says how it uses what it imports: ``app.master`` is
    read in a function and in an alias's value, which is evaluated only when asked for."""
    from ssotlint.extract.summarize import summarize
    from ssotlint.extract.summary import USE_CALL

    summary = summarize(_CYCLE_312["app/web.py"].encode(), use_libcst=engine == "libcst", target="3.12")
    assert summary.problem is None
    assert [rec.module for rec in summary.imports] == ["app.master"]
    assert summary.import_uses == ((USE_CALL,),)
    assert dict(summary.import_time_reads).get("app") is None  # nothing read while it is imported


@pytest.mark.skipif(RUNNING >= (3, 12), reason="the interpreter itself accepts 3.12 syntax")
def test_a_cycle_through_a_file_only_a_newer_parser_reads_is_judged_as_any_other(make_repo, cli):
    """mitmproxy's ``tools/web/app.py`` and sphinx's ``util/docutils.py`` (PEP 695
    syntax, the project requiring 3.12): their cycles of module objects read in functions
    cannot fail, as anywhere else, and are not reported; with nothing known of how the file
    used its imports, they were."""
    root = make_repo(_CYCLE_312)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT002")
    assert result.code == 0, [v["message"] for v in result.json()["violations"]]
    # The control: reading the other's name while it is imported can fail, and is reported.
    root = make_repo({**_CYCLE_312, "app/master.py": "from app.web import View\n\n\nclass Master(View):\n    pass\n"}, name="control")
    result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT002")
    assert result.code == 1, result.err


# A module of a Python 3.12 project whose f-strings only 3.12 reads (PEP 701: the same
# quotes inside a field), importing from a module that imports it back.
_FSTRINGS_312 = {
    "pyproject.toml": pyproject(">=3.12"),
    "app/__init__.py": "",
    "app/views.py": (
        "from app.fields import IdField\n\n"
        "LABEL = f'{IdField.__name__['x']}'\n"
        "NOTE = f\"\"\"\n{'\\n'.join(['a', 'b'])}\n\"\"\" 'plain'\n\n\n"
        "class UserIdField(IdField):\n    pass\n\n\n"
        "def show(row):\n    return f'{row['id']:{IdField.width}}'\n\n\n"
        "from app.fields import late\n"
    ),
    "app/fields.py": "class IdField:\n    width = 3\n\n\nfrom app.views import UserIdField\n\n\ndef late():\n    pass\n",
}


@pytest.mark.skipif(RUNNING >= (3, 12), reason="the interpreter itself accepts 3.12 syntax")
def test_a_file_with_newer_f_strings_keeps_how_it_uses_its_imports():
    """PEP 701's f-strings are lowered to the values of their fields: CPython's tree then
    says the imported class is read at import time (a base, an f-string at module level),
    and the import after a triple-quoted one keeps its line."""
    from ssotlint.extract.summarize import summarize

    summary = summarize(_FSTRINGS_312["app/views.py"].encode(), use_libcst=False, target="3.12")
    assert summary.problem is None
    assert [(rec.module, rec.line) for rec in summary.imports] == [("app.fields", 1), ("app.fields", 17)]
    assert dict(summary.import_time_reads).get("IdField")


@pytest.mark.skipif(RUNNING >= (3, 12), reason="the interpreter itself accepts 3.12 syntax")
def test_cycle_advice_through_a_file_with_newer_f_strings_knows_its_uses(make_repo, cli):
    """osf.io's serializers (Python 3.12 f-strings): the imported class is a base at module
    level, so the advice is never to move its import into a function."""
    root = make_repo(_FSTRINGS_312)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT002")
    messages = [v["message"] for v in result.json()["violations"]]
    assert len(messages) == 1, messages
    assert "cannot move into a function" in messages[0] and "cannot read the file" not in messages[0], messages[0]


def test_a_readme_that_needs_a_newer_python_than_tox_tests_is_the_target(make_repo, cli):
    """PerfKitBenchmarker declares nothing; its tox.ini still tests py39 and its README says
    "at least Python 3.12": the inferred floor is stale, the README's is the target. A
    README naming an older Python does not lower an inferred one, and a declaration
    (python_requires) wins over any README."""
    readme = {"README.md": f"# Demo\n\nYou need a recent version of Python 3 (at least Python {NEWER_TEXT}).\n"}
    tox = {"tox.ini": f"[tox]\nenvlist = py{RUNNING[0]}{RUNNING[1]}\n"}
    root = make_repo({**FILES, **tox, **readme})
    result = cli("check", str(root), "--format", "json", "--no-cache")
    assert found(result) == [("SSOT000", "app/bad.py", 2), ("SSOT003", "app/new.py", 5)]
    assert f"the project targets Python {NEWER_TEXT} (README.md:3 says 'at least Python {NEWER_TEXT}', newer than tox.ini" in result.err
    older = {"README.md": "Needs Python 3.6+.\n"}
    root = make_repo({**FILES, "tox.ini": f"[tox]\nenvlist = py{NEWER[0]}{NEWER[1]}\n", **older}, name="older")
    result = cli("check", str(root), "--format", "json", "--no-cache")
    assert f"the project targets Python {NEWER_TEXT} (tox.ini envlist" in result.err
    declared = {"setup.cfg": f"[options]\npython_requires = >={RUNNING_TEXT}\n"}
    root = make_repo({**FILES, **tox, **readme, **declared}, name="declared")
    result = cli("check", str(root), "--format", "json", "--no-cache")
    assert any(v[:2] == ("SSOT000", "app/new.py") for v in found(result))


@pytest.mark.parametrize(
    "text, version",
    [
        ("Requires Python 3.10.\n", (3, 10)),
        ("Works with Python 3.9 or later.\n", (3, 9)),
        ("* Python >= 3.8\n", (3, 8)),
        ("Python 3.11+ is needed. Older notes: requires Python 3.6\n", (3, 11)),  # the highest floor
        ("minimum Python version 3.12\n", (3, 12)),
        ("Tested on Python 3.10 and 3.11.\n", None),  # versions tested are no floor
        ("pip install python3.10-dev\n", None),
        ("- legacy-cgi when using Python 3.13 or later.\n", None),  # a condition, not a floor
        ("If you run Python 3.12+, install tomli too.\nRequires Python 3.9.\n", (3, 9)),
        ("Python 3.12+ removed the `imp` module, which breaks j2cli.\nRequires Python 3.9.\n", (3, 9)),
        ("Note: Python 3.12 or later no longer ships distutils.\n", None),  # what changed in Python
    ],
)
def test_readme_python(tmp_path, text, version):
    from ssotlint.config_project import readme_python

    (tmp_path / "README.md").write_text(text)
    found_ = readme_python(tmp_path)
    assert (found_[0] if found_ else None) == version
