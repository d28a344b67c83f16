"""Configuration files a tool executes with names of its own injected: not modules.

traitlets' configuration loader (IPython's ``ipython_config.py``, Jupyter's
``jupyter_server_config.py``, ``jupyter_nbconvert_config.py``) runs the file with
``get_config`` in its namespace: ``c = get_config()`` at module level, with ``get_config``
neither defined nor imported, fails as an import. Nothing imports such a file, and its
classes (an IPython prompt class) are its own settings, not a module's definitions: two
copies of one profile (pwntools' ``extra/docker/develop/ipython_config.py``, copied by a
Makefile into ``travis/docker/``) are not a concept defined twice.
"""

from __future__ import annotations

import ast

# The names a tool injects into the configuration files it executes.
_INJECTED = frozenset({"get_config"})


def injected_config(tree: ast.Module, text: str) -> bool:
    """Whether a module-level statement calls an injected name (``get_config()``, bare or
    assigned) that the file never binds (no ``def``, import or assignment of it)."""
    if "get_config" not in text:
        return False
    called = {name for name in map(_bare_call, tree.body) if name in _INJECTED}
    return bool(called) and not called & _bound_names(tree)


def _bare_call(stmt: ast.stmt) -> str | None:
    """The bare name a statement calls (``get_config()``, ``c = get_config()``), or None."""
    value = stmt.value if isinstance(stmt, (ast.Expr, ast.Assign, ast.AnnAssign)) else None
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Name):
        return value.func.id
    return None


def _bound_names(tree: ast.Module) -> set[str]:
    """Every name the file binds anywhere: definitions, imports, assignments."""
    bound: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            bound.update((alias.asname or alias.name).partition(".")[0] for alias in node.names)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            bound.add(node.id)
        elif isinstance(node, ast.Global):
            bound.update(node.names)
    return bound
