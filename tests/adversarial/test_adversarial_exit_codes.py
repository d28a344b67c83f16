"""Exit codes as the README documents them: 0 clean, 1 violations, 2 error, 130 interrupted.

An error or an interruption is one line on stderr, never a traceback.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT, run_process

CLEAN = {"app/__init__.py": "", "app/a.py": "from app.b import X\n", "app/b.py": "X = 1\n"}
BROKEN = {**CLEAN, "app/a.py": "from app.b import Missing\n"}


def one_line_error(result, needle: str) -> None:
    assert result.code == 2, (result.out, result.err)
    assert "Traceback" not in result.err
    lines = result.err.strip().splitlines()
    assert lines[-1].startswith("ssotlint: error: ") and needle in lines[-1], result.err
    # Argument errors print the usage block first (its first line starts with "usage: ",
    # the rest are indented); nothing else may appear.
    usage = lines[:-1]
    assert not usage or (usage[0].startswith("usage: ") and all(l.startswith(" ") for l in usage[1:])), result.err


def test_zero_one_two_from_a_real_process(make_repo):
    clean = make_repo(CLEAN, name="clean")
    broken = make_repo(BROKEN, name="broken")
    assert run_process("check", str(clean), "--no-cache").code == 0
    assert run_process("check", str(broken), "--no-cache").code == 1
    assert run_process("check", str(broken), "--no-cache", "--exit-zero").code == 0
    one_line_error(run_process("check", str(clean / "nope")), "no such file or directory")


@pytest.mark.parametrize(
    "args,needle",
    [
        (["--bogus"], "unrecognized arguments: --bogus"),
        (["--jobs", "-1"], "--jobs must be 0"),
        (["--timeout", "0"], "--timeout must be a positive number"),
        (["--select", "E501"], "'E501' is not a rule code"),
        (["--format", "xml"], "invalid choice: 'xml'"),
        (["--config", "/nonexistent/pyproject.toml"], "configuration file not found"),
        (["--output", "/nonexistent/dir/report.txt"], "does not exist"),
    ],
)
def test_usage_errors_exit_two(make_repo, cli, args, needle):
    root = make_repo(BROKEN)
    one_line_error(cli("check", str(root), "--no-cache", *args), needle)


def test_other_commands_usage_errors(make_repo, cli):
    root = make_repo(BROKEN, git_init=True)
    one_line_error(cli("rules", "SSOT999"), "unknown rule 'SSOT999'")
    one_line_error(cli("diff", str(root), "--no-cache", "--base", "no-such-ref"), "unknown revision 'no-such-ref'")
    one_line_error(cli("session", str(root), "--since", "not a time"), "--since")
    one_line_error(cli("nosuchcommand"), "invalid choice")


def test_an_internal_error_is_one_line_unless_debugging(make_repo, cli, monkeypatch):
    import ssotlint.rules.runner as runner

    def boom(project):
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(runner, "run_rules", boom)  # the pipeline imports it at call time
    root = make_repo(BROKEN)
    result = cli("check", str(root), "--no-cache", "--jobs", "1")
    one_line_error(result, "internal error: RuntimeError: simulated bug")
    assert "SSOTLINT_DEBUG=1" in result.err
    monkeypatch.setenv("SSOTLINT_DEBUG", "1")
    with pytest.raises(RuntimeError, match="simulated bug"):
        cli("check", str(root), "--no-cache", "--jobs", "1")


def test_keyboard_interrupt_in_process(make_repo, cli, monkeypatch):
    import ssotlint.pipeline.analyse as pipeline

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "build_outcome", interrupted)
    root = make_repo(BROKEN)
    result = cli("check", str(root), "--no-cache", "--jobs", "1")
    assert result.code == 130
    assert result.err == "ssotlint: interrupted\n" and result.out == ""


# A real process whose parse of one file blocks, announcing it with a marker file, so that
# the signal arrives while worker processes are busy: the hardest moment to be interrupted.
_SLOW_RUN = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    import ssotlint.extract.pool as pool
    from ssotlint.cli import main

    real = pool.summarize
    marker = Path(sys.argv[1])

    def slow(data, *args):
        if data.startswith(b"# slow"):
            marker.write_text("parsing")
            time.sleep(60)
        return real(data, *args)

    pool.summarize = slow
    sys.exit(main(sys.argv[2:]))
    """
)


@pytest.mark.parametrize("target", ["group", "parent"])
def test_sigint_exits_130_with_one_line(make_repo, tmp_path, target):
    """``group`` is Ctrl-C in a terminal (every process gets SIGINT); ``parent`` is a CI
    runner signalling the main process only. Either way: 130, one line, no worker left."""
    files = {**BROKEN, "app/slow.py": "# slow\nimport os\n"}
    files.update({f"app/m{i}.py": f"V = {i}\n" for i in range(20)})
    root = make_repo(files)
    script = tmp_path / "slow_run.py"
    script.write_text(_SLOW_RUN)
    marker = tmp_path / "marker"
    proc = subprocess.Popen(
        [sys.executable, str(script), str(marker), "check", str(root), "--no-cache", "--jobs", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
        cwd=REPO_ROOT,
    )
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "the parse never started"
            time.sleep(0.05)
        if target == "group":
            os.killpg(proc.pid, signal.SIGINT)
        else:
            proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 130, err
    assert err == "ssotlint: interrupted\n"
    assert out == ""
    # No worker survives its parent (they would keep parsing, or sleeping, in the background).
    time.sleep(0.2)
    with pytest.raises(ProcessLookupError):
        os.killpg(proc.pid, 0)
