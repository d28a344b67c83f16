"""ssotlint.testing: the in-memory harness reads the tree as `check` reads a folder."""

from __future__ import annotations

import pytest

from ssotlint.errors import ConfigError
from ssotlint.rules.registry import RULES_BY_CODE
from ssotlint.testing import run_rule, run_rules_in_memory

BROKEN = {"app/__init__.py": "", "app/a.py": "import app.gone\n"}


def where(violations) -> list[tuple[str, str, int]]:
    return [(v.rule, v.path, v.line) for v in violations]


def test_a_rule_by_code_or_object():
    assert where(run_rule("SSOT003", BROKEN)) == where(run_rule(RULES_BY_CODE["SSOT003"], BROKEN)) == [("SSOT003", "app/a.py", 1)]
    assert run_rule("SSOT002", BROKEN) == []


def test_excludes_and_selection_come_from_the_configuration():
    assert run_rule("SSOT003", BROKEN, 'exclude = ["app/a.py"]') == []
    assert run_rule("SSOT003", BROKEN, 'ignore = ["SSOT003"]') == []


def test_a_stub_is_an_opaque_module_and_src_is_a_source_root():
    assert run_rule("SSOT003", {**BROKEN, "app/gone.pyi": "X: int\n"}) == []
    moved = {"src/" + path: text for path, text in BROKEN.items()}
    assert where(run_rule("SSOT003", moved)) == [("SSOT003", "src/app/a.py", 1)]
    assert run_rule("SSOT003", {**moved, "src/app/gone.py": ""}) == []


def test_bytes_are_read_as_they_are():
    assert where(run_rule("SSOT005", {"a.py": b"x = 1\r\ny = 2\r\n"})) == [("SSOT005", "a.py", 1)]
    assert where(run_rule("SSOT000", {"a.py": b"\xff\xfe = 1\n"})) == [("SSOT000", "a.py", 1)]


def test_the_engine_and_errors_of_the_configuration():
    both = [where(run_rules_in_memory(BROKEN, f'parser = "{engine}"')) for engine in ("libcst", "ast")]
    assert both[0] == both[1] == [("SSOT003", "app/a.py", 1)]
    with pytest.raises(ConfigError):
        run_rules_in_memory(BROKEN, 'parser = "regex"')
