"""SSOT002's advice on the shapes a fifth holdout of real code got wrong (nautobot, misago,
flexget, privacyidea, beets, prefect, mypy, openlibrary): every cycle was real, the advice
was not. Each test reads what the user reads, the JSON finding."""

from __future__ import annotations


def _cycles(make_repo, cli, files: dict[str, str], code: int = 1) -> list[dict]:
    root = make_repo(files)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT002")
    assert result.code == code, result.err
    return sorted(result.json()["violations"], key=lambda v: (v["path"], v["line"], v["message"]))


def _advice(finding: dict) -> str:
    return finding["message"].partition("; ")[2]


def test_a_file_whose_uses_are_not_known_is_not_the_one_told_to_defer(make_repo, cli):
    """``code.py`` uses syntax only Python 3.14 reads (``except A, B:``), so how it uses
    ``load_config`` is not known (it calls it at module level, under an ``if``: seen on
    openlibrary's coverstore). The import whose uses are known to allow the move,
    ``server.py``'s ``from app import code`` (read only in a function), is advised."""
    [finding] = _cycles(make_repo, cli, {
        "pyproject.toml": '[project]\nname = "x"\nrequires-python = ">=3.14"\n',
        "app/__init__.py": "",
        "app/code.py": "import os\nfrom app.server import load_config\n\ntry:\n    pass\nexcept ValueError, TypeError:\n"
        "    pass\n\nif cfg := os.getenv('CFG'):\n    load_config(cfg)\n\n\ndef handle():\n    return 1\n",
        "app/server.py": "from app import code\n\n\ndef load_config(path):\n    return path\n\n\ndef main():\n"
        "    return code.handle()\n",
    })
    assert _advice(finding) == (
        "break it by moving app/server.py:1 `from app import code` into the function that uses it or under "
        "`if TYPE_CHECKING:`"
    ), finding["message"]


def test_a_name_used_under_a_module_level_if_is_needed_at_import_time(make_repo, cli):
    """The same shape in a file this Python reads: the call under the module-level ``if``
    runs while the module is imported, so ``code.py``'s import is not the one to move."""
    [finding] = _cycles(make_repo, cli, {
        "app/__init__.py": "",
        "app/code.py": "import os\nfrom app.server import load_config\n\nif cfg := os.getenv('CFG'):\n"
        "    load_config(cfg)\n\n\ndef handle():\n    return 1\n",
        "app/server.py": "from app import code\n\n\ndef load_config(path):\n    return path\n\n\ndef main():\n"
        "    return code.handle()\n",
    })
    assert "app/server.py:1 `from app import code`" in _advice(finding), finding["message"]
    assert "app/code.py:2" not in _advice(finding), finding["message"]
