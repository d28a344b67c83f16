"""`ssotlint check` as a user meets it: output, exit codes, options, configuration, --fix."""

from __future__ import annotations

import json
import os
import shutil
import stat
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT, run_process

SAMPLE = REPO_ROOT / "examples" / "sample_repo"
ALL_CODES = [f"SSOT00{i}" for i in range(8)]


def test_sample_repository_has_every_rule(cli, tmp_path):
    root = tmp_path / "sample"
    shutil.copytree(SAMPLE, root)
    result = cli("check", str(root), "--format", "json", "--no-cache")
    assert result.code == 1
    document = result.json()
    assert document["version"] == 1
    assert sorted(document["summary"]["by_rule"]) == ALL_CODES
    assert document["files"] == 21


def test_text_output_format_and_summary(make_repo, cli):
    root = make_repo({"app/__init__.py": "", "app/a.py": "from app.b import Gone\n", "app/b.py": "X = 1\n"})
    result = cli("check", str(root), "--no-cache")
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[0].startswith("app/a.py:1:1: SSOT003 cannot import name 'Gone' from app.b")
    assert lines[-1] == "Found 1 violation in 1 file (3 files analysed)."


def test_clean_repository_exits_zero(make_repo, cli):
    root = make_repo({"app/__init__.py": "", "app/a.py": "from app.b import X\n", "app/b.py": "X = 1\n"})
    result = cli("check", str(root), "--no-cache")
    assert result.code == 0
    assert "All checks passed (3 files analysed)." in result.out


def test_json_document_shape(make_repo, cli):
    root = make_repo({"app/__init__.py": "", "app/a.py": "import os\n\nfrom app.b import Gone\n", "app/b.py": ""})
    document = cli("check", str(root), "--format", "json", "--no-cache").json()
    assert set(document) == {"version", "tool", "root", "files", "violations", "summary"}
    (v,) = document["violations"]
    assert v == {
        "rule": "SSOT003",
        "name": "broken-import",
        "path": "app/a.py",
        "line": 3,
        "col": 0,
        "message": v["message"],
        "fingerprint": v["fingerprint"],
        "details": {"import": "from app.b import Gone", "module": "app.b", "name": "Gone"},
        "fix": None,
    }
    assert document["summary"] == {
        "violations": 1,
        "files_with_violations": 1,
        "files_analysed": 3,
        "files_not_analysed": 0,
        "by_rule": {"SSOT003": 1},
    }


def test_fingerprint_survives_line_shifts(make_repo, cli):
    root = make_repo({"app/__init__.py": "", "app/a.py": "from app.b import Gone\n", "app/b.py": ""})
    before = cli("check", str(root), "--format", "json", "--no-cache").json()["violations"][0]
    (root / "app/a.py").write_text('"""Docs."""\n\nimport os\n\nfrom app.b import Gone\n')
    after = cli("check", str(root), "--format", "json", "--no-cache").json()["violations"][0]
    assert after["line"] == 5 and before["line"] == 1
    assert after["fingerprint"] == before["fingerprint"]


def test_paths_narrow_the_report_not_the_analysis(make_repo, cli):
    root = make_repo({
        "app/__init__.py": "",
        "app/a.py": "from app.b import Gone\n",
        "app/b.py": "from app.c import Missing\n",
        "app/c.py": "",
    })
    result = cli("check", str(root / "app/a.py"), "--format", "json", "--no-cache")
    assert [v["path"] for v in result.json()["violations"]] == ["app/a.py"]
    assert result.code == 1


def test_select_and_ignore(make_repo, cli):
    root = make_repo({"app/__init__.py": "", "app/a.py": "from app.b import Gone\r\n", "app/b.py": ""})
    only_crlf = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT005").json()
    assert [v["rule"] for v in only_crlf["violations"]] == ["SSOT005"]
    no_crlf = cli("check", str(root), "--format", "json", "--no-cache", "--ignore", "SSOT005").json()
    assert [v["rule"] for v in no_crlf["violations"]] == ["SSOT003"]
    bad = cli("check", str(root), "--select", "E501")
    assert bad.code == 2 and "not a rule code" in bad.err


def test_inline_suppression_and_unused_suppression(make_repo, cli):
    root = make_repo({
        "app/__init__.py": "",
        "app/a.py": "from app.b import Gone  # ssotlint: ignore[SSOT003] removed in #123\n"
        "import os  # ssotlint: ignore\n"
        "x = '# ssotlint: ignore[SSOT001] in a string is not a comment'\n",
        "app/b.py": "",
    })
    document = cli("check", str(root), "--format", "json", "--no-cache").json()
    assert [(v["rule"], v["line"]) for v in document["violations"]] == [("SSOT007", 2)]


def test_per_file_ignores(make_repo, cli):
    root = make_repo(
        {"app/__init__.py": "", "app/a.py": "from app.b import Gone\n", "app/b.py": ""},
        config='[tool.ssotlint.per-file-ignores]\n"app/a.py" = ["SSOT003"]\n',
    )
    assert cli("check", str(root), "--no-cache").code == 0


@pytest.mark.parametrize(
    "config,needle",
    [
        ("unknown-key = 1\n", "unknown key tool.ssotlint.unknown-key"),
        ("exclude = 'build'\n", "tool.ssotlint.exclude must be a list of strings"),
        ("test_patterns = []\n", "did you mean 'test-patterns'"),
        ("type-checking-imports = 'sometimes'\n", "type-checking-imports must be"),
        ("[concepts.x]\npattern = '('\n", "invalid regex"),
        ("[concepts.ws]\npattern = '.*Manager'\ncanonical = 'app.nope.Manager'\n", "concepts.ws.canonical"),
        ("select = [\n", "invalid TOML"),
    ],
)
def test_configuration_errors_exit_2_with_file_and_key(make_repo, cli, config, needle):
    header = "[tool.ssotlint]\n" if not config.startswith("[") else "[tool.ssotlint]\n[tool.ssotlint."
    text = header + (config[1:] if config.startswith("[") else config)
    root = make_repo({"app/__init__.py": "", "pyproject.toml": text})
    result = cli("check", str(root), "--no-cache")
    assert result.code == 2
    assert needle in result.err
    assert "pyproject.toml" in result.err
    assert len(result.err.strip().splitlines()) == 1


def test_missing_path_is_a_usage_error(cli, tmp_path):
    result = cli("check", str(tmp_path / "nope"))
    assert result.code == 2 and "no such file or directory" in result.err


def test_fix_converts_line_endings_atomically_and_keeps_mode(make_repo, cli):
    original = b"\xef\xbb\xbfx = 1\r\ny = 'caf\xc3\xa9'\r\nz = 3\rw = 4\n"
    root = make_repo({"app/dos.py": original})
    path = root / "app/dos.py"
    os.chmod(path, 0o640)
    result = cli("check", str(root), "--fix", "--no-cache")
    assert result.code == 0
    assert "Fixed 1 violation in 1 file." in result.out
    assert path.read_bytes() == b"\xef\xbb\xbfx = 1\ny = 'caf\xc3\xa9'\nz = 3\nw = 4\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in path.parent.iterdir()] == ["dos.py"]


def test_without_fix_nothing_is_written(make_repo, cli):
    root = make_repo({"app/dos.py": b"x = 1\r\n"})
    cli("check", str(root), "--no-cache")
    assert (root / "app/dos.py").read_bytes() == b"x = 1\r\n"


def test_output_file(make_repo, cli, tmp_path):
    root = make_repo({"app/a.py": "import app.missing\n", "app/__init__.py": ""})
    target = tmp_path / "report.json"
    result = cli("check", str(root), "--format", "json", "--output", str(target), "--no-cache")
    assert result.code == 1 and result.out == ""
    assert json.loads(target.read_text())["summary"]["violations"] == 1


def test_real_process_separates_streams_and_python_m_works(make_repo):
    root = make_repo({"app/__init__.py": "", "app/a.py": "import app.missing\n"})
    result = run_process("check", str(root), "--format", "json", "--no-cache")
    assert result.code == 1
    assert json.loads(result.out)["summary"]["violations"] == 1
    assert "Traceback" not in result.err


def test_cache_makes_second_run_parse_nothing(make_repo, cli):
    root = make_repo({"app/__init__.py": "", "app/a.py": "import app.missing\n", "app/b.py": "X = 1\n"})
    first = cli("check", str(root), "--profile")
    assert "(3 parsed, 0 cached)" in first.err
    second = cli("check", str(root), "--profile")
    assert "(0 parsed, 3 cached)" in second.err
    assert second.out == first.out
    assert (root / ".ssotlint_cache" / ".gitignore").read_text().strip().endswith("*")
    (root / "app/b.py").write_text("X = 2\n")
    third = cli("check", str(root), "--profile")
    assert "(1 parsed, 2 cached)" in third.err


def test_cache_clear(make_repo, cli):
    root = make_repo({"app/a.py": "X = 1\n"})
    cli("check", str(root))
    assert (root / ".ssotlint_cache").is_dir()
    result = cli("cache", "clear", str(root))
    assert result.code == 0 and "Removed the cache" in result.out
    assert not (root / ".ssotlint_cache").exists()


def test_generated_stub_and_extension_modules_are_not_broken_imports(make_repo, cli):
    root = make_repo(
        {
            ".gitignore": "*_pb2.py\n",
            "app/__init__.py": "",
            "app/proto/events_pb2.py": "Event = object\n",  # generated, git-ignored
            "app/_speedups.cpython-311-x86_64-linux-gnu.so": b"\x7fELF",
            "app/typed.pyi": "class Stub: ...\n",
            "app/user.py": "from app.proto.events_pb2 import Event\nfrom app._speedups import fast\n"
            "from app.typed import Stub\nimport app.missing\n",
        },
        git_init=True,
    )
    document = cli("check", str(root), "--format", "json", "--no-cache").json()
    assert [(v["path"], v["line"]) for v in document["violations"]] == [("app/user.py", 4)]


def test_json_output_matches_the_published_schema(cli, tmp_path):
    import jsonschema

    schema = json.loads((REPO_ROOT / "ssotlint/schemas/check-v1.schema.json").read_text())
    root = tmp_path / "sample"
    shutil.copytree(SAMPLE, root)
    document = cli("check", str(root), "--format", "json", "--no-cache").json()
    jsonschema.validate(document, schema)
    assert len(document["violations"]) == 8


def test_a_module_importing_from_itself_does_not_provide_the_name(make_repo, cli):
    root = make_repo({
        "app/__init__.py": "",
        "app/m.py": "from app.m import Nope\n",
        "app/user.py": "from app.m import Nope\n",
    })
    document = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT003").json()
    assert [(v["path"], v["line"]) for v in document["violations"]] == [("app/m.py", 1), ("app/user.py", 1)]


def test_unreadable_module_is_skipped_with_a_warning_not_a_broken_import(make_repo, cli, monkeypatch):
    from pathlib import Path as _Path

    root = make_repo({"app/__init__.py": "", "app/secret.py": "X = 1\n", "app/user.py": "from app.secret import X\n"})
    real = _Path.read_bytes

    def read_bytes(self):
        if self.name == "secret.py":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(_Path, "read_bytes", read_bytes)
    result = cli("check", str(root), "--format", "json", "--no-cache")
    assert result.code == 0, result.out
    assert "skipped app/secret.py: Permission denied" in result.err
