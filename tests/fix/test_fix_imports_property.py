"""The import-retargeting codemod over generated from-imports: aliases, parentheses,
comments, continuation lines, relative modules, statements in functions and ``try`` blocks.

Whatever the shape, the rewritten file compiles, binds the same names in the same block,
each moved name now from its new module and every other one from where it was, and the
rest of the file is unchanged.
"""

from __future__ import annotations

import ast

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ssotlint.fix.codemods import CannotFix
from ssotlint.fix.codemods.imports import retarget

NAMES = st.lists(st.sampled_from(["Alpha", "Beta", "Gamma", "delta", "Epsilon", "zeta"]), min_size=1, max_size=5, unique=True)
TARGETS = st.sampled_from(["app.models", "app.core.types", ".sibling", "..pkg.other"])


@st.composite
def cases(draw):
    names = draw(NAMES)
    aliases = {n: draw(st.one_of(st.none(), st.just(n.lower() + "_alias"))) for n in names}
    level = draw(st.integers(0, 2))
    module = draw(st.sampled_from(["old", "app.old", "app.legacy.old"]))
    style = draw(st.sampled_from(["plain", "parens", "parens-comments", "backslash"]))
    place = draw(st.sampled_from(["module", "function", "try"]))
    moved = draw(st.lists(st.sampled_from(names), min_size=1, unique=True))
    moves = {n: draw(TARGETS) for n in moved}
    sibling = draw(st.booleans())
    items = [n + (f" as {aliases[n]}" if aliases[n] else "") for n in names]
    head = f"from {'.' * level}{module} import "
    if style == "plain":
        statement = head + ", ".join(items) + "  # trailing"
    elif style == "parens":
        statement = head + "(\n" + "".join(f"    {i},\n" for i in items) + ")"
    elif style == "parens-comments":
        statement = head + "(  # why\n" + "".join(f"    {i},  # {i.split()[0]}\n" for i in items) + ")"
    else:
        statement = head + ", \\\n    ".join(items)
    lines = statement.splitlines()
    indent = "" if place == "module" else "    "
    body = "\n".join(indent + line if line.strip() else line for line in lines)
    prefix = "import os\n"
    if sibling:
        prefix += f"from {sorted(moves.values())[0]} import Existing\n" if place == "module" else ""
    if place == "module":
        text = prefix + "# above\n" + body + "\nVALUE = os.sep\n"
        line = prefix.count("\n") + 2
    elif place == "function":
        text = prefix + "def f():\n    '''doc'''\n" + body + "\n    return os.sep\n"
        line = prefix.count("\n") + 3
    else:
        text = prefix + "try:\n" + body + "\nexcept ImportError:\n    pass\n"
        line = prefix.count("\n") + 2
    args = {"line": line, "level": level, "module": module, "moves": [[n, t] for n, t in moves.items()]}
    return text, args, names, aliases, moves


def bindings(tree: ast.Module) -> dict[str, tuple[int, str, str]]:
    """Bound name -> (level, module, name) of every from-import in the file."""
    found = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            for alias in node.names:
                found[alias.asname or alias.name] = (node.level, node.module or "", alias.name)
    return found


def other_statements(tree: ast.Module) -> list[str]:
    result = []
    for node in ast.walk(tree):
        if isinstance(node, ast.stmt) and not isinstance(node, (ast.ImportFrom, ast.FunctionDef, ast.Try)):
            result.append(ast.dump(node))
    return result


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_retarget_keeps_everything_but_the_moved_names(case):
    text, args, names, aliases, moves = case
    result = retarget(text, args)
    after = ast.parse(result)  # it compiles
    before = ast.parse(text)
    old, new = bindings(before), bindings(after)
    assert set(new) == set(old)
    for name in names:
        bound = aliases[name] or name
        if name in moves:
            target = moves[name]
            level = len(target) - len(target.lstrip("."))
            assert new[bound] == (level, target.lstrip("."), name)
        else:
            assert new[bound] == old[bound]
    assert other_statements(after) == other_statements(before)
    # Comments on lines the fix does not rewrite survive.
    for comment in ("# above", "# why", "'''doc'''"):
        if comment in text and not (comment == "# why" and set(moves) == set(names)):
            assert comment in result
    # Applied twice (a stale fix), it refuses: the statement no longer imports the names.
    with pytest.raises(CannotFix):
        retarget(result, args)
