"""``check --fix`` / ``--diff`` / ``--unsafe-fixes`` as a user meets them: marks, diffs,
JSON and SARIF fixes, rollback of a harmful fix, and the files that are never touched."""

from __future__ import annotations

import json
import os
import subprocess
import time

import pytest

from ssotlint.fix import plan as planning
from ssotlint.fix.plan import Job, plan, plan_file
from ssotlint.rules.base import Fix, Violation

FIXABLE = {
    "app/__init__.py": "",
    "app/models.py": "class User:\n    name = ''\n",
    "app/old.py": "def helper(): ...\n",
    "app/views.py": "from app.old import helper, User\nfrom app.old import Nowhere\n\nVALUE = (helper, User, Nowhere)\n",
}
VIEWS_FIXED = "from app.old import helper\nfrom app.models import User\nfrom app.old import Nowhere\n\nVALUE = (helper, User, Nowhere)\n"


def test_fixable_violations_are_marked_and_counted(make_repo, cli):
    root = make_repo(FIXABLE)
    result = cli("check", str(root), "--no-cache", "--jobs", "1")
    assert result.code == 1
    lines = [line for line in result.out.splitlines() if "SSOT003" in line]
    assert lines[0].startswith("app/views.py:1:1: SSOT003 [*] cannot import name 'User'")
    assert "it is defined in app.models: import it from there" in lines[0]
    assert "[*]" not in lines[1]  # Nowhere is defined nowhere: nothing to fix
    assert "1 fixable with --fix." in result.out


def test_fix_rewrites_the_import_and_reports_what_is_left(make_repo, cli):
    root = make_repo(FIXABLE)
    result = cli("check", str(root), "--fix", "--no-cache", "--jobs", "1")
    assert result.code == 1  # Nowhere is still broken
    assert (root / "app/views.py").read_text() == VIEWS_FIXED
    assert "Fixed 1 violation in 1 file." in result.out
    assert "cannot import name 'User'" not in result.out
    assert "cannot import name 'Nowhere'" in result.out
    assert result.err == ""


def test_diff_prints_the_change_and_writes_nothing(make_repo, cli):
    root = make_repo(FIXABLE)
    before = (root / "app/views.py").read_bytes()
    result = cli("check", str(root), "--diff", "--no-cache", "--jobs", "1")
    assert result.code == 1
    assert (root / "app/views.py").read_bytes() == before
    assert result.out.splitlines()[:2] == ["--- a/app/views.py", "+++ b/app/views.py"]
    assert "-from app.old import helper, User\n+from app.old import helper\n+from app.models import User\n" in result.out
    assert "Would fix 1 violation in 1 file." in result.err
    # The diff applies: git apply reads it, and gives the fixed file.
    subprocess.run(["git", "apply", "-"], input=result.out.encode(), cwd=root, check=True)
    assert (root / "app/views.py").read_text() == VIEWS_FIXED


def test_diff_with_nothing_to_fix_exits_zero(make_repo, cli):
    root = make_repo({"app/__init__.py": "", "app/a.py": "from app.b import X\n", "app/b.py": "X = 1\n"})
    result = cli("check", str(root), "--diff", "--no-cache")
    assert result.code == 0 and result.out == ""


def test_json_carries_the_fix_and_its_edit(make_repo, cli):
    root = make_repo(FIXABLE)
    document = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1").json()
    by_name = {v["details"].get("name"): v for v in document["violations"]}
    assert by_name["Nowhere"]["fix"] is None
    fix = by_name["User"]["fix"]
    assert fix["applicability"] == "safe"
    assert fix["description"] == "import 'User' from app.models"
    (edit,) = fix["edits"]
    lines = (root / "app/views.py").read_text().splitlines(keepends=True)
    start = sum(map(len, lines[: edit["line"] - 1])) + edit["col"]
    end = sum(map(len, lines[: edit["end_line"] - 1])) + edit["end_col"]
    text = "".join(lines)
    assert text[:start] + edit["content"] + text[end:] == VIEWS_FIXED


def test_sarif_carries_the_fix_as_an_artifact_change(make_repo, cli):
    root = make_repo(FIXABLE)
    log = cli("check", str(root), "--format", "sarif", "--no-cache", "--jobs", "1").json()
    results = log["runs"][0]["results"]
    fixed = [r for r in results if "fixes" in r]
    assert len(fixed) == 1 and "User" in fixed[0]["message"]["text"]
    (change,) = fixed[0]["fixes"][0]["artifactChanges"]
    assert change["artifactLocation"]["uri"] == "app/views.py"
    (replacement,) = change["replacements"]
    assert replacement["deletedRegion"]["startLine"] == 1
    assert "from app.models import User" in replacement["insertedContent"]["text"]


def test_a_fix_that_makes_a_cycle_is_rolled_back(make_repo, cli):
    # The only definition of Setting lives in a module that imports the fixed one.
    root = make_repo(
        {
            "app/__init__.py": "",
            "app/config.py": "import app.views\nclass Setting:\n    value = 1\n",
            "app/views.py": "from app.gone import Setting\n",
        }
    )
    result = cli("check", str(root), "--fix", "--unsafe-fixes", "--no-cache", "--jobs", "1")
    assert (root / "app/views.py").read_text() == "from app.gone import Setting\n"
    assert "ssotlint: warning: rolled back the fixes of app/views.py: they caused SSOT002" in result.err
    assert "Fixed" not in result.out
    assert result.code == 1


def test_files_git_does_not_track_are_not_fixed(make_repo, cli):
    root = make_repo(FIXABLE, git_init=True)
    (root / "app/new.py").write_text("from app.old import User\n")
    result = cli("check", str(root), "--fix", "--no-cache", "--jobs", "1")
    assert (root / "app/new.py").read_text() == "from app.old import User\n"
    assert "could not fix app/new.py:1 SSOT003: git does not track the file" in result.err
    assert (root / "app/views.py").read_text() == VIEWS_FIXED


@pytest.mark.parametrize(
    "files",
    [
        # Two production modules define it: which one is meant is a decision, not a fix.
        {"app/a.py": "class Thing: ...\n", "app/b.py": "class Thing: ...\n"},
        # Only test code defines it: production must not import from there.
        {"tests/helpers.py": "class Thing: ...\n"},
        # Only a fallback stub defines it.
        {"app/compat.py": "try:\n    from fastlib import Thing\nexcept ImportError:\n    class Thing: ...\n"},
    ],
    ids=["two-definitions", "only-in-tests", "only-a-stub"],
)
def test_no_fix_without_one_certain_source(make_repo, cli, files):
    root = make_repo({"app/__init__.py": "", "app/user.py": "from app.gone import Thing\n", **files})
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    (v,) = [v for v in result.json()["violations"] if v["path"] == "app/user.py"]
    assert v["fix"] is None


def test_encoding_bom_and_line_endings_are_kept(make_repo, cli):
    source = "\ufeff# -*- coding: utf-8 -*-\r\nfrom app.old import User  # é\r\n".encode("utf-8")
    root = make_repo({**FIXABLE, "app/views.py": source})
    result = cli("check", str(root), "--fix", "--select", "SSOT003", "--no-cache", "--jobs", "1")
    assert result.code == 0, result.out + result.err
    data = (root / "app/views.py").read_bytes()
    assert data == "\ufeff# -*- coding: utf-8 -*-\r\nfrom app.models import User  # é\r\n".encode("utf-8")


def _violation(line: int = 1) -> Violation:
    fix = Fix("retarget-import", True, "import 'X' from b", {"line": line, "level": 0, "module": "a", "moves": [["X", "b"]]})
    return Violation("SSOT003", "m.py", line, 0, "cannot import name 'X'", key="a:X", fix=fix)


def test_a_fix_whose_result_would_not_compile_is_dropped():
    job = Job("m.py", b"from a import X\n", (_violation(),))
    result = plan_file(job, lambda action: (lambda text, args: text + "def (:\n"))
    assert not result.changed
    assert [d.reason for d in result.dropped] == ["the fixed file would not compile"]


def test_a_crashing_parser_drops_the_fixes_of_that_file_only(monkeypatch):
    from ssotlint.fix.codemods import imports

    real = imports.retarget

    def crash_on_marker(text, args):
        if "CRASH" in text:
            os._exit(139)  # as LibCST's native parser does on some inputs
        return real(text, args)

    monkeypatch.setattr(imports, "retarget", crash_on_marker)
    jobs = [
        Job("bad.py", b"# CRASH\nfrom a import X\n", (_violation(2),)),
        Job("good.py", b"from a import X\n", (_violation(),)),
    ]
    bad, good = plan(jobs)
    assert not bad.changed and bad.dropped[0].reason == "the parser crashed on it"
    assert good.after == b"from b import X\n"


def test_a_parser_that_hangs_is_stopped(monkeypatch):
    from ssotlint.fix.codemods import imports

    monkeypatch.setattr(imports, "retarget", lambda text, args: time.sleep(60) or text)
    monkeypatch.setattr(planning, "_budget", lambda job: 0.5)
    started = time.monotonic()
    (result,) = plan([Job("slow.py", b"from a import X\n", (_violation(),))])
    assert time.monotonic() - started < 10
    assert result.dropped[0].reason == "rewriting it took too long"


def test_rules_json_says_which_rules_can_fix(cli):
    rules = {r["code"]: r["fixable"] for r in json.loads(cli("rules", "--format", "json").out)}
    assert rules["SSOT005"] == "always" and rules["SSOT003"] == "sometimes"


def test_json_edits_come_from_the_cache_when_nothing_changed(make_repo, cli, monkeypatch, tmp_path):
    import sqlite3

    from ssotlint.fix import edits as edits_module

    root = make_repo(FIXABLE)
    cache = ["--cache-dir", str(tmp_path / "cache")]
    first = cli("check", str(root), "--format", "json", *cache).json()
    planned: list[int] = []
    real = edits_module.plan

    def spy(jobs, processes=0):
        planned.append(len(jobs))
        return real(jobs, processes)

    monkeypatch.setattr(edits_module, "plan", spy)
    second = cli("check", str(root), "--format", "json", *cache).json()
    assert planned == []
    assert second["violations"] == first["violations"]
    assert any(v["fix"] and v["fix"]["edits"] for v in second["violations"])
    # A forged row is not believed: the edit is computed again.
    db = sqlite3.connect(tmp_path / "cache" / "cache.db")
    db.execute("UPDATE facts SET data = replace(data, 'models', 'mudels')")
    db.commit()
    db.close()
    third = cli("check", str(root), "--format", "json", *cache).json()
    assert planned == [1]
    assert third["violations"] == first["violations"]


def test_a_name_imported_twice_moves_once(make_repo, cli):
    root = make_repo({**FIXABLE, "app/views.py": "from app.old import User, helper, User\n"})
    result = cli("check", str(root), "--fix", "--no-cache", "--jobs", "1")
    assert result.code == 0, result.out + result.err
    assert "Fixed 2 violations in 1 file." in result.out
    assert result.err == ""
    assert (root / "app/views.py").read_text() == "from app.old import helper\nfrom app.models import User\n"


@pytest.mark.parametrize(
    "files",
    [
        # A test module's own stand-in for the removed class is not what others should import.
        {"tests/test_startup.py": "class Manager:\n    def __init__(self, env):\n        self.env = env\n"},
        # A placeholder left behind for a removed class: importing it only moves the failure.
        {"app/compat.py": "class Manager:\n    '''Stub for the deleted Manager'''\n    def __init__(self):\n        pass\n"},
        # Only a backup copy of the old tree still has it.
        {"backup/app_core_old.py": "class Manager:\n    def run(self):\n        return 1\n"},
        # Only an abstract interface: code that built a Manager could not build this one.
        {"app/interfaces.py": "from abc import ABC, abstractmethod\n\n\nclass Manager(ABC):\n"
         "    @abstractmethod\n    def run(self): ...\n"},
    ],
    ids=["test-module-double", "placeholder", "backup-copy", "abstract-interface"],
)
def test_no_fix_towards_a_stand_in(make_repo, cli, files):
    root = make_repo({"app/__init__.py": "", "app/core.py": "", "tests/test_user.py": "from app.core import Manager\n", **files})
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    (v,) = [v for v in result.json()["violations"] if v["path"] == "tests/test_user.py"]
    assert v["fix"] is None
    if any(path.startswith(("backup/", "tests/")) for path in files):
        assert "import it from there" not in v["message"]  # nor is it advised


def test_json_computes_the_edits_of_unsafe_fixes_only_when_asked(make_repo, cli):
    enum = "from enum import Enum\n\n\nclass Status(Enum):\n    DONE = 'done'\n"
    root = make_repo({"app/__init__.py": "", "app/a.py": enum, "app/b.py": enum, "app/use.py": "from app.b import Status\n"})
    (v,) = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1").json()["violations"]
    assert v["fix"] == {"applicability": "unsafe", "description": "replace the copy with `from app.b import Status`"}
    (v,) = cli("check", str(root), "--format", "json", "--unsafe-fixes", "--no-cache", "--jobs", "1").json()["violations"]
    (edit,) = v["fix"]["edits"]
    assert (edit["line"], edit["end_line"], edit["content"]) == (4, 6, "from app.b import Status\n")


def test_a_cycle_inside_a_component_that_was_cyclic_is_not_new():
    from ssotlint.fix.run import harmful

    def cycle(modules, component):
        return Violation("SSOT002", "a.py", 1, 0, "cycle", key="cycle:" + "|".join(modules),
                         details={"modules": modules, "component": component}, fingerprint="|".join(modules))

    before = [cycle(["a", "b"], ["a", "b", "c", "d"])]
    inside = cycle(["c", "d"], ["a", "b", "c", "d"])  # another of the same component's cycles
    across = cycle(["a", "e"], ["a", "e"])  # a module that was never in the component
    assert harmful(before, [inside, across]) == [across]


def test_no_fix_towards_a_non_canonical_implementation_of_a_concept(make_repo, cli):
    """The removed name survives only as another implementation of a consolidated concept:
    the advice is the canonical class, and there is no fix building on the copy."""
    concept = '[tool.ssotlint.concepts.websocket-manager]\npattern = ".*WebSocketManager"\n'
    files = {
        "app/__init__.py": "",
        "app/ws.py": "class UnifiedWebSocketManager:\n    def send(self, e):\n        return e\n",
        "app/isolated.py": "class IsolatedWebSocketManager:\n    def send(self, e):\n        return [e]\n",
        "tests/test_ws.py": "from app.ws import IsolatedWebSocketManager\n",
    }
    root = make_repo({**files, "pyproject.toml": "[tool.ssotlint]\n" + concept + 'canonical = "app.ws.UnifiedWebSocketManager"\n'})
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    (v,) = [v for v in result.json()["violations"] if v["rule"] == "SSOT003"]
    assert v["fix"] is None
    assert v["message"].endswith(
        "it is defined in app.isolated, one implementation of the websocket-manager concept: "
        "use the canonical app.ws.UnifiedWebSocketManager"
    )


def test_a_retarget_across_top_level_packages_is_unsafe(make_repo, cli):
    """Within one top-level package a missing name found elsewhere is a moved module; across
    packages (a script's helper, found only in the backend) it may be a namesake."""
    root = make_repo(
        {
            "app/__init__.py": "",
            "app/config.py": "class ConfigurationManager:\n    def get(self, key):\n        return key\n",
            "scripts/__init__.py": "",
            "scripts/tracking/__init__.py": "",
            "scripts/tracking/enabler.py": "from scripts.tracking.config_manager import ConfigurationManager\n",
        }
    )
    (v,) = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1").json()["violations"]
    assert v["fix"]["applicability"] == "unsafe"
    result = cli("check", str(root), "--fix", "--no-cache", "--jobs", "1")
    assert (root / "scripts/tracking/enabler.py").read_text() == "from scripts.tracking.config_manager import ConfigurationManager\n"
    assert "1 fixable with --fix --unsafe-fixes." in result.out


def test_copies_calling_each_their_own_helper_are_not_replaced(make_repo, cli):
    """The same text, but ``backoff`` is each module's own function: maybe not the same."""
    module = "def backoff(n):\n    return n\n\n\nclass Retry:\n    def delay(self, n):\n        return backoff(n)\n"
    root = make_repo({"app/__init__.py": "", "app/a.py": module, "app/b.py": module, "app/use.py": "from app.a import Retry\n"})
    (v,) = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1").json()["violations"]
    assert v["fix"] is None
    assert "backoff may be another object there" in v["message"]


def test_a_gone_module_is_retargeted_safely_only_where_it_moved(make_repo, cli):
    """A module that is gone is known to have moved when its last part is where the name
    is now (``app.utils.fonts`` -> ``app.fonts.fonts``): ``--fix`` retargets the import. A
    namesake in a module of another name (cellpose's removed ``segformer.Transformer``,
    ``vit_sam.Transformer`` another network) may be another thing: only
    ``--unsafe-fixes`` retargets it."""
    root = make_repo(
        {
            "app/__init__.py": "",
            "app/fonts/__init__.py": "",
            "app/fonts/fonts.py": "class Font:\n    size = 10\n",
            "app/vit_sam.py": "class Transformer:\n    layers = 12\n",
            "app/render.py": "from app.utils.fonts import Font\n",
            "app/analysis.py": "from app.segformer import Transformer\n",
        }
    )
    result = cli("check", str(root), "--fix", "--no-cache", "--jobs", "1")
    assert (root / "app/render.py").read_text() == "from app.fonts.fonts import Font\n"
    assert (root / "app/analysis.py").read_text() == "from app.segformer import Transformer\n"
    assert "1 fixable with --fix --unsafe-fixes" in result.out, result.out
    cli("check", str(root), "--fix", "--unsafe-fixes", "--no-cache", "--jobs", "1")
    assert (root / "app/analysis.py").read_text() == "from app.vit_sam import Transformer\n"
