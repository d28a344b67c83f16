"""Round 21 (SSOT001): a program nothing imports (vaex's stale ``misc/parallelize.py``, with
a ``__main__`` demo) is never the home the live module production imports is told to use,
whatever the packages' layering; its own copy is reported and told to import the live one,
which a program may, as it depends on no one."""

from __future__ import annotations

from ssotlint.rules.ssot001_duplicate_concept import RULE
from ssotlint.testing import run_rule

# The rule's own example: ``pkg/parallelize.py`` (imported by ``pkg/ui.py``, and building on
# ``pkg.misc``) and the program ``pkg/misc/parallelize.py`` define the same ``Watchdog``.
FILES = next(e.files for e in RULE.invalid if "pkg/misc/parallelize.py" in e.files)


def test_the_program_is_told_to_import_the_live_module():
    (v,) = run_rule("SSOT001", FILES)
    assert (v.path, v.line) == ("pkg/misc/parallelize.py", 5)
    assert v.message.endswith("keep one definition and import it from pkg.parallelize"), v.message


def test_once_something_imports_it_the_layering_decides_again():
    files = dict(FILES, **{"pkg/misc/runner.py": "from pkg.misc.parallelize import Watchdog\n\n\ndef run():\n    return Watchdog(3)\n"})
    paths = {v.path for v in run_rule("SSOT001", files)}
    assert paths == {"pkg/parallelize.py"}
