"""How a file uses the names its imports bind (``FileSummary.import_uses``): what SSOT002
needs before it advises moving an import into "the function that uses it". Both engines
must agree, and the summary must come back from the cache unchanged."""

from __future__ import annotations

import textwrap

from ssotlint import storage
from ssotlint.extract.summarize import summarize
from ssotlint.extract.summary import USE_ANNOTATION, USE_CALL, USE_IMPORT_TIME, USE_NONE, FileSummary

SOURCE = textwrap.dedent(
    '''\
    from __future__ import annotations
    import os, sys as system
    from typing import TYPE_CHECKING, Any
    from app.base import Base, helper, later, Ann, Dec, Default, Hinted
    from app.reg import plugin  # noqa: F401 - registers itself
    from app.star import *
    import app.mod
    if TYPE_CHECKING:
        from app.tc import T
    try:
        from app.opt import fast
    except ImportError:
        fast = None
    CONFIG = {"fast": fast}


    class A(Base):
        x = helper()
        y: Ann = 1

        @Dec
        def m(self, d=Default) -> T:
            import json
            if d:
                return json.dumps(os.sep)
            return app.mod.x

        class Inner:
            from app.inner import Q


    def f(a: "system.Thing") -> Hinted:
        return lambda: later
    '''
)


def _uses(summary: FileSummary) -> dict[str, tuple[int, ...]]:
    return {(r.module or ".") + ("." + r.names[0][0] if r.is_from else ""): u for r, u in zip(summary.imports, summary.import_uses)}


def test_each_import_says_how_its_names_are_used():
    uses = _uses(summarize(SOURCE.encode()))
    assert uses["__future__.annotations"] == (USE_NONE,)
    assert uses["os"] == (USE_CALL,)  # only in a method
    assert uses["sys"] == (USE_ANNOTATION,)  # only in a string annotation
    assert uses["typing.TYPE_CHECKING"] == (USE_IMPORT_TIME, USE_NONE)
    # Base: a base class; helper: a class-body call; later: in a lambda's body (when
    # called); Ann: a field annotation, postponed; Dec: a decorator; Default: a default
    # value; Hinted: a postponed return annotation.
    assert uses["app.base.Base"] == (
        USE_IMPORT_TIME, USE_IMPORT_TIME, USE_CALL, USE_ANNOTATION, USE_IMPORT_TIME, USE_IMPORT_TIME, USE_ANNOTATION,
    )
    assert uses["app.reg.plugin"] == (USE_NONE,)  # there for what importing it does
    assert uses["app.star.*"] == (USE_IMPORT_TIME,)  # its names cannot be followed
    assert uses["app.mod"] == (USE_CALL,)
    assert uses["app.tc.T"] == (USE_ANNOTATION,)
    assert uses["app.opt.fast"] == (USE_IMPORT_TIME,)  # read at module level
    assert uses["json"] == ()  # inside a function: binds no module name
    assert uses["app.inner.Q"] == (USE_IMPORT_TIME,)  # a class body's import


def test_annotations_are_evaluated_without_the_future_import():
    source = "from app.base import Ann\n\n\ndef f(x: Ann):\n    return x\n"
    assert _uses(summarize(source.encode()))["app.base.Ann"] == (USE_IMPORT_TIME,)
    postponed = "from __future__ import annotations\n" + source
    assert _uses(summarize(postponed.encode()))["app.base.Ann"] == (USE_ANNOTATION,)


def test_a_name_a_function_binds_itself_is_not_the_module_import():
    """websockets' ``frames.py``: the parameter ``extensions`` shadows the module of that
    name in the function body, so the module is read only in the (postponed) annotation."""
    source = textwrap.dedent(
        """\
        from __future__ import annotations
        from app import extensions, codecs, tables, stats


        class Frame:
            def parse(self, extensions: list[extensions.Extension] | None = None):
                for extension in extensions:
                    extension.decode(self)
                return extensions.pop()

            def encode(self):
                for codecs in self.codecs:  # a loop variable, local to the method
                    codecs.run()

            def lookup(self):
                global tables
                return tables.get()  # declared global: the module's

        def count(rows):
            total = sum(stats.weight(r) for r in rows)  # the module: nothing local is named so
            return [stats for stats in rows]  # a comprehension's own variable
        """
    )
    uses = _uses(summarize(source.encode()))
    assert uses["app.extensions"] == (USE_ANNOTATION, USE_NONE, USE_CALL, USE_CALL)
    ast_uses = _uses(summarize(source.encode(), use_libcst=False))
    assert ast_uses == uses


def test_both_engines_give_the_same_uses_and_the_cache_keeps_them():
    cst = summarize(SOURCE.encode())
    ast_ = summarize(SOURCE.encode(), use_libcst=False)
    assert cst.engine == "libcst" and ast_.engine == "ast"
    assert cst.import_uses == ast_.import_uses
    assert len(cst.import_uses) == len(cst.imports)
    assert storage.loads(storage.dumps(cst), FileSummary) == cst
