"""Hostile file contents: every file is analysed or reported as SSOT000, and nothing crashes.

Hypothesis generates bytes and Python-like text; tests/adversarial/hostile.py holds the measured LibCST
hazards. Many generated files share one repository per example, so the suite stays fast.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import signal
import subprocess
import sys
import sysconfig
import tempfile
import time
import warnings
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ssotlint.cli import main
from ssotlint.extract.summarize import summarize
from tests.conftest import REPO_ROOT, Result, run_process, write_files
from tests.adversarial.hostile import HOSTILE, write_hostile

# A package whose one violation must be reported whatever else the repository holds.
SENTINEL = {
    "sentinel/__init__.py": "",
    "sentinel/a.py": "from sentinel.b import Missing\n",
    "sentinel/b.py": "X = 1\n",
}


def run_inprocess(*args: str) -> Result:
    """main() with captured streams; usable inside @given (no function-scoped fixtures)."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(args))
    return Result(code, out.getvalue(), err.getvalue())


def cpython_accepts(data: bytes) -> bool:
    """The interpreter's own verdict on the raw bytes (it applies PEP 263 itself): parsed and
    compiled, as importing the module would (``return`` outside a function fails there)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compile(data, "<generated>", "exec", dont_inherit=True)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return True


def assert_clean_stderr(err: str) -> None:
    assert "Traceback" not in err, err
    for line in err.splitlines():
        assert line.startswith("ssotlint: "), f"unexpected stderr line: {line!r}\n{err}"


def sentinel_found(document: dict) -> bool:
    return any(v["rule"] == "SSOT003" and v["path"] == "sentinel/a.py" for v in document["violations"])


# -- strategies --------------------------------------------------------------------------

_FRAGMENTS = [
    "import ", "from ", " import ", "os", "x", "y", "pkg.mod", ".", "..", " as ", ", ", "*",
    "class ", "C", "(", ")", "[", "]", "{", "}", ":", " = ", " + ", "-", "not ", "lambda ",
    "def f", "async ", "await ", "yield ", "return ", "match ", "case ", "if ", "else", "try:",
    "except ImportError:", "if TYPE_CHECKING:", "__all__ = [", "'", '"', '"""', "f'{", "}'",
    "\\", "#", "# ssotlint: ignore[SSOT003]", "1", "1.5j", "0x", "...", "@", "->", ":=",
    "\n", "\n", "\n", "    ", "    ", "\t", "\r\n", "\r", "\x0c", " ", "\0", "\ufeff", "é",
    "\ud800", "\U0001f600", "<<<<<<< HEAD\n", "=======\n", ">>>>>>> branch\n", "print 'x'",
]
_PREFIXES = [b"", b"", b"", b"\xef\xbb\xbf", b"# -*- coding: latin-1 -*-\n", b"# coding: utf-8\n",
             b"# coding: ascii\n", b"#!/usr/bin/env python\n# vim: set fileencoding=cp1252 :\n",
             b"# coding: nonsense\n", b"\xef\xbb\xbf# coding: latin-1\n"]


@st.composite
def python_like(draw) -> bytes:
    text = "".join(draw(st.lists(st.sampled_from(_FRAGMENTS), max_size=60)))
    body = text.encode("utf-8", "surrogatepass")  # a lone surrogate becomes invalid UTF-8
    if draw(st.booleans()):
        raw = draw(st.binary(max_size=8))
        at = draw(st.integers(0, len(body)))
        body = body[:at] + raw + body[at:]
    return draw(st.sampled_from(_PREFIXES)) + body


any_file = st.one_of(st.binary(max_size=200), python_like())


# -- properties --------------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(any_file)
def test_summary_matches_the_interpreters_verdict(data):
    summary = summarize(data)
    accepted = cpython_accepts(data)
    if accepted:
        assert summary.problem is None, (data, summary.problem)
    else:
        assert summary.problem is not None, data
        assert summary.problem.message.strip()
        assert summary.problem.line >= 1


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(any_file, min_size=1, max_size=8))
def test_generated_files_in_one_repository(datas):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_files(root, {**SENTINEL, "pyproject.toml": "[tool.ssotlint]\n"})
        names = [f"gen/f{i}.py" for i in range(len(datas))]
        write_files(root, dict(zip(names, datas)))
        result = run_inprocess("check", str(root), "--format", "json", "--no-cache", "--jobs", "2")
        assert result.code in (0, 1), result.err
        assert_clean_stderr(result.err)
        document = result.json()
        assert document["files"] == len(datas) + 3
        assert sentinel_found(document)
        ssot000 = {v["path"]: v["message"] for v in document["violations"] if v["rule"] == "SSOT000"}
        silenced = 0  # an inline suppression comment may silence the file's own SSOT000
        for name, data in zip(names, datas):
            if cpython_accepts(data):
                assert name not in ssot000, (data, ssot000.get(name))
            elif name not in ssot000 and b"ssotlint" in data.lower():
                silenced += 1
            else:
                assert ssot000.get(name, "").strip(), data
        assert document["summary"]["files_not_analysed"] == len(ssot000) + silenced


# -- the measured hazards, plus a slice of the standard library ---------------------------

STDLIB = Path(sysconfig.get_paths()["stdlib"])
# Small but varied: a package with relative imports, big modules, enums, 3.11 syntax.
STDLIB_SLICE = ["json", "concurrent", "enum.py", "tokenize.py"]


def _copy_stdlib_slice(target: Path) -> int:
    count = 0
    for name in STDLIB_SLICE:
        source = STDLIB / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
            count += sum(1 for _ in (target / name).rglob("*.py"))
        elif source.is_file():
            target.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
            count += 1
    return count


def test_stdlib_slice_and_every_hostile_file(tmp_path):
    """The acceptance run: real process, default --timeout, hostile files beside real code.

    The whole standard library is the lead's smoke test (tests/test_stdlib_smoke.py); by hand:
    ``python tests/adversarial/hostile.py /tmp/h && ssotlint check /tmp/h --no-cache``.
    """
    root = tmp_path / "repo"
    write_files(root, {**SENTINEL, "pyproject.toml": "[tool.ssotlint]\n"})
    stdlib_files = _copy_stdlib_slice(root / "stdlib")
    assert stdlib_files >= 10
    cases = write_hostile(root / "hostile", [n for n in HOSTILE if n != "lines_50000.py"])
    # The 50,000-line file, as a first-party module whose last line is a broken import:
    # facts and positions come out right all the way down.
    big = HOSTILE["lines_50000.py"].make() + b"from sentinel.b import AlsoMissing\n"
    (root / "sentinel" / "big.py").write_bytes(big)
    started = time.monotonic()
    result = run_process("check", str(root), "--format", "json", "--no-cache", "--jobs", "2", timeout=120)
    elapsed = time.monotonic() - started
    assert result.code == 1, result.err
    assert elapsed < 60, f"took {elapsed:.0f} s"
    assert_clean_stderr(result.err)
    document = result.json()
    assert document["files"] == stdlib_files + len(cases) + 4
    assert sentinel_found(document)
    assert [(v["rule"], v["line"]) for v in document["violations"] if v["path"] == "sentinel/big.py"] == [
        ("SSOT003", 50_001)
    ]
    ssot000 = {v["path"]: v for v in document["violations"] if v["rule"] == "SSOT000"}
    assert not [p for p in ssot000 if p.startswith("stdlib/")]
    for name, case in cases.items():
        found = ssot000.get(f"hostile/{name}")
        # SSOT000 exactly when the running interpreter would refuse to import the file.
        assert (found is None) == cpython_accepts(case.make()), (name, found)
        if case.expect == "ok":
            assert found is None, (name, found)
        elif case.expect == "ssot000" or found is not None:
            assert found is not None, name
            assert re.search(case.message, found["message"], re.IGNORECASE), (name, found["message"])
            assert found["line"] >= 1
    # Facts still come out of the fallback parser: the CRLF file gets SSOT005, not SSOT000.
    assert any(v["rule"] == "SSOT005" and v["path"] == "hostile/crlf.py" for v in document["violations"])


def test_merge_conflict_and_null_byte_point_at_the_right_line(make_repo, cli):
    root = make_repo({
        "a.py": HOSTILE["merge_conflict.py"].make(),
        "b.py": b"x = 1\ny = 2\n\nz = '\0'\n",
        "c.py": b"x = 1\n\ny = '\xff'\n",
        "d.py": b"# coding: ascii\nx = 1\ny = '\xc3\xa9'\n",
        # A Latin-1 name in a comment under a utf-8 cookie: CPython reads past it, and
        # stops at the Python 2 print statement; that is the verdict.
        "e.py": b"# -*- encoding: utf-8 -*-\n# Michael Str\xf6der\nprint 'x'\n",
        "f.py": b"# Michael Str\xf6der\nx = 1\n",
    })
    document = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1").json()
    found = {v["path"]: (v["line"], v["message"]) for v in document["violations"] if v["rule"] == "SSOT000"}
    assert found["a.py"][0] == 3 and "merge-conflict marker at line 3" in found["a.py"][1]
    assert found["b.py"] == (4, "SyntaxError: source code string cannot contain null bytes")
    assert found["c.py"][0] == 3 and "not valid utf-8: byte 0xff on line 3" in found["c.py"][1]
    assert found["d.py"][0] == 3 and "not valid ascii: byte 0xc3 on line 3" in found["d.py"][1]
    assert found["e.py"][0] == 3 and "Missing parentheses in call to 'print'" in found["e.py"][1]
    assert "f.py" not in found


def test_a_python2_project_is_not_told_its_comments_do_not_decode(make_repo, cli):
    """golismero: a Python 2 project (its entry script runs on ``python2``) whose module has
    a Latin-1 byte in a comment under a ``utf-8`` cookie. CPython 3 stops at its Python 2
    syntax, not at the byte, and Python 2 code of a Python 2 project is not reported."""
    root = make_repo({
        "golem.py": "#!/usr/bin/env python2\nimport app.dns\n",
        "app/__init__.py": "",
        "app/dns.py": b"# -*- encoding: utf-8 -*-\n# Michael Str\xf6der\nprint 'dns'\n",
    })
    document = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1").json()
    assert [v for v in document["violations"] if v["rule"] == "SSOT000"] == []


def test_warnings_neither_print_nor_become_errors(make_repo, cli):
    """Parsing warns about invalid escapes (SyntaxWarning on 3.12+): never on the user's
    terminal, and -W error / PYTHONWARNINGS=error must not turn valid files into SSOT000."""
    root = make_repo({"app/re_user.py": 'import re\nDIGITS = re.compile("\\d+")\nOK = 1 is 1\n'})
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # inherited by the forked parser processes
        result = cli("check", str(root), "--no-cache", "--jobs", "1")
    assert result.code == 0 and result.err == "", result.out
    loud = run_process("check", str(root), "--no-cache", "--jobs", "1", env={"PYTHONWARNINGS": "always"})
    assert loud.code == 0 and loud.err == "", loud.err


# -- a parser that dies or hangs ------------------------------------------------------------

CRASH = b"# crash-me\n"
HANG = b"# hang-me\n"


def _hostile_summarize(real):
    def fake(data: bytes, use_libcst: bool = True, note: str = "", target: str | None = None):
        if data.startswith(CRASH) and (use_libcst or b"always" in data):
            os.kill(os.getpid(), signal.SIGSEGV)
        if data.startswith(HANG) and (use_libcst or b"always" in data):
            while True:  # stuck computing, as LibCST on a 20,000-term expression
                pass
        return real(data, use_libcst, note, target)

    return fake


@pytest.fixture
def hostile_parser(monkeypatch):
    import ssotlint.extract.pool as pool

    monkeypatch.setattr(pool, "summarize", _hostile_summarize(pool.summarize))


def _many(prefix: str, count: int) -> dict[str, str]:
    return {f"gen/{prefix}{i}.py": f"import os\nV{i} = {i}\n" for i in range(count)}


def test_a_crashing_parser_falls_back_then_reports(hostile_parser, make_repo, cli):
    root = make_repo({
        **SENTINEL, **_many("ok", 30),
        "gen/crash_once.py": CRASH + b"import os\nclass A:\n    pass\n",
        "gen/crash_always.py": CRASH + b"# always\nx = 1\n",
    })
    result = cli("check", str(root), "--no-cache", "--jobs", "2", "--verbose")
    assert result.code == 1, result.err
    assert_clean_stderr(result.err)
    lines = result.out.splitlines()
    assert "gen/crash_always.py:1:1: SSOT000 not analysed: could not be analysed: the parser crashed" in lines
    assert any(line.startswith("sentinel/a.py:1:1: SSOT003") for line in lines)
    assert lines[-1] == "Found 2 violations in 2 files (34 files analysed, 1 not parsable (SSOT000))."
    assert "ssotlint: note: gen/crash_once.py: LibCST: the parser crashed; analysed with CPython's ast" in result.err


def test_a_hanging_parser_is_stopped_by_the_time_budget(hostile_parser, make_repo, cli):
    root = make_repo({
        **SENTINEL, **_many("ok", 10),
        "gen/hang_once.py": HANG + b"import os\n",
        "gen/hang_always.py": HANG + b"# always\n",
    })
    started = time.monotonic()
    result = cli("check", str(root), "--no-cache", "--jobs", "2", "--timeout", "1", "--verbose")
    assert time.monotonic() - started < 20
    assert result.code == 1, result.err
    assert_clean_stderr(result.err)
    lines = result.out.splitlines()
    assert "gen/hang_always.py:1:1: SSOT000 not analysed: could not be analysed: the parser exceeded its time budget (1 s)" in lines
    assert any(line.startswith("sentinel/a.py:1:1: SSOT003") for line in lines)
    assert lines[-1] == "Found 2 violations in 2 files (14 files analysed, 1 not parsable (SSOT000))."
    assert "ssotlint: note: gen/hang_once.py: LibCST: the parser exceeded its time budget (1 s); analysed with CPython's ast" in result.err


_CRASHING_RUN = """
import os, signal, sys
import ssotlint.extract.pool as pool
from ssotlint.cli import main

real = pool.summarize

def crash(data, use_libcst=True, note="", target=None):
    if data.startswith(b"# crash-me") and use_libcst:
        os.kill(os.getpid(), signal.SIGSEGV)
    return real(data, use_libcst, note, target)

pool.summarize = crash
sys.exit(main(sys.argv[1:]))
"""


def test_a_real_segfault_prints_no_dump_even_with_faulthandler(make_repo, tmp_path):
    """A parser process killed by SIGSEGV, in a real run with PYTHONFAULTHANDLER=1: the
    user sees one note, not a C-level dump (the parent reports the crash itself)."""
    root = make_repo({**SENTINEL, "app/crash.py": CRASH + b"import os\n"})
    script = tmp_path / "crashing_run.py"
    script.write_text(_CRASHING_RUN)
    proc = subprocess.run(
        [sys.executable, str(script), "check", str(root), "--no-cache", "--jobs", "1", "--verbose"],
        capture_output=True, text=True, timeout=120, cwd=REPO_ROOT,
        env={**os.environ, "PYTHONFAULTHANDLER": "1"},
    )
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == "ssotlint: note: app/crash.py: LibCST: the parser crashed; analysed with CPython's ast\n"


def test_hostile_script_writes_and_lists(tmp_path):
    script = Path(__file__).with_name("hostile.py")
    listing = subprocess.run([sys.executable, str(script), "--list"], capture_output=True, text=True, check=True)
    assert len(listing.stdout.splitlines()) == len(HOSTILE)
    subprocess.run([sys.executable, str(script), str(tmp_path / "h")], capture_output=True, check=True)
    assert sorted(p.name for p in (tmp_path / "h").iterdir()) == sorted(HOSTILE)
