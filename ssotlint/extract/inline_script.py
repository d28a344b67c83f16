"""A script's own environment, declared inline (PEP 723).

``# /// script`` ... ``# ///`` comment lines hold TOML (``requires-python``,
``dependencies``): ``uv run --script release.py`` or ``pipx run`` installs those
dependencies in an environment of the script's own and runs it there. The script imports
what those dependencies provide (and the standard library), nothing else of the repository
unless a dependency names the project's own distribution.
"""

from __future__ import annotations

import re
import sys

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

# The block, as PEP 723's reference expression reads it: the type, then lines each ``#``
# alone or ``# `` and content, then the closing ``# ///``.
_BLOCK = re.compile(r"(?m)^# /// (?P<type>[a-zA-Z0-9-]+)$\s(?P<content>(^#(| .*)$\s)+)^# ///$")
_REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


def script_dependencies(text: str) -> tuple[str, ...] | None:
    """The distribution names a ``# /// script`` block's ``dependencies`` lists (as
    written, before any version or marker), ``()`` for a block that lists none; None when
    the file has no such block, or it is not TOML."""
    if "# /// script" not in text:
        return None
    match = next((m for m in _BLOCK.finditer(text) if m.group("type") == "script"), None)
    if match is None:
        return None
    content = "".join(line[2:] if line.startswith("# ") else line[1:] for line in match.group("content").splitlines(keepends=True))
    try:
        data = tomllib.loads(content)
    except (tomllib.TOMLDecodeError, ValueError):
        return None
    dependencies = data.get("dependencies", [])
    if not isinstance(dependencies, list):
        return None
    names = (_REQUIREMENT.match(d) for d in dependencies if isinstance(d, str))
    return tuple(m.group(1) for m in names if m is not None)
