"""An import under a main guard runs only when the file is run as a script: both engines
see the guard written either way round, and as one operand of an ``and``."""

from __future__ import annotations

import pytest

from ssotlint.extract.summarize import summarize
from ssotlint.extract.summary import CTX_CONDITIONAL, CTX_MAIN


@pytest.mark.parametrize(
    "test",
    ["__name__ == '__main__'", "'__main__' == __name__", "not TYPE_CHECKING and __name__ == '__main__'",
     "(__name__ == '__main__') and sys.argv and True"],
)
def test_an_import_under_a_main_guard_is_marked_by_both_engines(test: str):
    data = f"import sys\nTYPE_CHECKING = False\nif {test}:\n    import app.main\nelse:\n    import app.shadow\n".encode()
    for summary in (summarize(data), summarize(data, use_libcst=False)):
        contexts = {rec.module: rec.context for rec in summary.imports}
        assert contexts["app.main"] & CTX_MAIN, summary.engine
        assert not contexts["app.shadow"] & CTX_MAIN and contexts["app.shadow"] & CTX_CONDITIONAL
        assert summary.main_guard


@pytest.mark.parametrize("test", ["x or __name__ == '__main__'", "__name__ != '__main__'", "__name__ == 'main'"])
def test_other_conditions_are_not_a_main_guard(test: str):
    data = f"x = 1\nif {test}:\n    import app.main\n".encode()
    for summary in (summarize(data), summarize(data, use_libcst=False)):
        assert not summary.imports[0].context & CTX_MAIN, summary.engine
