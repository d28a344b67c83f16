"""A namespace folder named like a distribution the project declares does not shadow it:
an installed regular package wins over a namespace portion wherever that lies on the path.
livekit's agents declare the ``mcp`` library as an extra, and ``examples/voice_agents/mcp/``
(no ``__init__.py``) holds an example's MCP server: 8 imports of the library were read as
imports of that folder."""

from __future__ import annotations

CORE = "[project]\nname = 'agents-core'\ndependencies = ['aiohttp']\n\n[project.optional-dependencies]\n{extras}\n"
FILES = {
    "core/pyproject.toml": CORE.format(extras="mcp = ['mcp>=1.24']"),
    "core/agents/__init__.py": "",
    "core/agents/llm.py": "import mcp.types\nfrom mcp.client.sse import sse_client\n\n\ndef tools():\n    return mcp.types, sse_client\n",
    "examples/voice/pyproject.toml": "[project]\nname = 'voice-example'\ndependencies = ['agents-core[mcp]']\n",
    "examples/voice/mcp/server.py": "from mcp.server.fastmcp import FastMCP\n\napp = FastMCP('weather')\n",
}


def _found(cli, root) -> list[tuple[str, int]]:
    result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT003")
    return sorted((v["path"], v["line"]) for v in result.json()["violations"])


def test_a_declared_extra_is_the_library_not_the_folder(make_repo, cli):
    assert _found(cli, make_repo(FILES)) == []


def test_undeclared_the_folder_is_what_the_imports_name(make_repo, cli):
    files = {**FILES, "core/pyproject.toml": CORE.format(extras="images = ['pillow']")}
    assert _found(cli, make_repo(files)) == [("core/agents/llm.py", 1), ("core/agents/llm.py", 2), ("examples/voice/mcp/server.py", 1)]


def test_a_folder_an_import_reaches_stays_first_party(make_repo, cli):
    """An import through the folder that reaches one of its modules: the folder is what the
    project imports by that name, and the others are judged by it."""
    files = {**FILES, "core/agents/use.py": "from mcp import server\n"}
    found = _found(cli, make_repo(files))
    assert ("core/agents/llm.py", 1) in found, found
