"""Documentation listings written for an asyncio REPL or a notebook cell (odmantic's
``docs/examples_src/``, run as ``python -m asyncio`` says, with ``await`` at the top level)
are not modules, and SSOT000 does not report them; the same code anywhere else is a module
the interpreter refuses to compile, and is reported, as is a listing with another error."""

from __future__ import annotations

from ssotlint.extract.summarize import summarize

LISTING = "from app import engine\n\nasync with engine.session() as session:\n    await session.save(1)\nasync for row in engine.find():\n    print(row)\n"


def test_a_top_level_await_is_marked_and_nothing_else_is():
    for engine in (True, False):
        awaited = summarize(LISTING.encode(), use_libcst=engine).problem
        assert awaited is not None and awaited.awaited
        other = summarize(b"x = 1\nreturn x\n", use_libcst=engine).problem
        assert other is not None and not other.awaited
        both = summarize(b"await f()\nreturn 1\n", use_libcst=engine).problem
        assert both is not None and not both.awaited


def test_a_repl_listing_in_the_documentation_is_not_reported(make_repo, cli):
    root = make_repo({
        "app/__init__.py": "",
        "app/engine.py": "def find():\n    return []\n",
        "docs/examples_src/engine/fetch.py": LISTING,
        "docs/examples_src/engine/broken.py": "def f(:\n    pass\n",
        "app/script.py": LISTING,
    })
    result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT000")
    assert sorted((v["path"], v["line"]) for v in result.json()["violations"]) == [
        ("app/script.py", 3), ("docs/examples_src/engine/broken.py", 1),
    ]
