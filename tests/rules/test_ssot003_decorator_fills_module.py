"""SSOT003: a class decorator that sets computed names on its class's module
(``setattr(sys.modules[cls.__module__], name, ...)``, matplotlib's ``_Backend.export``)
makes that module serve names no statement of it binds. The decorated module does not
change when the decorator's module does, so a history must not keep what it provided."""

from __future__ import annotations

WRITER = (
    "import sys\n\n\nclass Backend:\n    @classmethod\n    def export(cls):\n"
    "        for name in ['FigureCanvas']:\n"
    "            setattr(sys.modules[cls.__module__], name, getattr(cls, name))\n        return cls\n"
)
PLAIN = "class Backend:\n    @classmethod\n    def export(cls):\n        return cls\n"
FILES = {
    "app/__init__.py": "",
    "app/base.py": WRITER,
    "app/agg.py": "from app.base import Backend\n\n\n@Backend.export\nclass _BackendAgg(Backend):\n    FigureCanvas = int\n",
    "app/embed.py": "from app.agg import FigureCanvas\n",
}


def test_the_decorated_module_follows_its_decorator_over_a_history():
    from ssotlint.testing import config_from_text, rule_counts_over

    steps = ({"app/base.py": PLAIN}, {"app/base.py": WRITER})
    assert rule_counts_over(FILES, steps, config_from_text(""), "SSOT003") == [0, 1, 0]


def test_a_literal_name_or_another_module_opens_nothing():
    from ssotlint.testing import run_rule

    literal = "import sys\n\n\ndef export(cls):\n    setattr(sys.modules[cls.__module__], 'Other', cls)\n    return cls\n"
    files = {**FILES, "app/base.py": literal.replace("def export", "class Backend:\n    pass\n\n\ndef export")}
    assert [(v.path, v.line) for v in run_rule("SSOT003", files)] == [("app/embed.py", 1)]
    own = "import sys\n\n\ndef export(cls):\n    setattr(sys.modules[__name__], cls.__name__, cls)\n    return cls\n"
    files = {**FILES, "app/base.py": own.replace("def export", "class Backend:\n    pass\n\n\ndef export")}
    assert [(v.path, v.line) for v in run_rule("SSOT003", files)] == [("app/embed.py", 1)]
