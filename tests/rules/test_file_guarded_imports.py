"""An import that runs only when a file exists is optional, like one under ``except ImportError``.

``if os.path.exists("hc/local_settings.py"): from hc import local_settings`` (healthchecks'
optional local settings) fails only where the file is missing, which is what the check is
for. Only ``os.path.exists``/``os.path.isfile`` and ``exists()``/``is_file()`` of a path made
in the test (``Path(...)``, ``.joinpath(...)``, ``BASE / "x.py"``) count; any other condition
leaves the import checked.
"""

from __future__ import annotations

import pytest

from ssotlint.extract.summarize import summarize
from ssotlint.extract.summary import CTX_GUARDED

SETTINGS = (
    "import os\n"
    "from pathlib import Path\n"
    "BASE_DIR = Path(__file__).parent\n"
    "if os.path.exists('app/local_settings.py'):\n    from app import local_settings\n"  # 5
    "if (BASE_DIR / 'local.py').exists():\n    from .local import *\n"  # 7
    "if Path('x.py').is_file() and os.environ.get('X') and os.environ.get('W'):\n    from app.x import X\n"  # 9
    "if not os.path.isfile('y.py'):\n    Y = None\nelse:\n    from app.y import Y\n"  # 13
    "if BASE_DIR.joinpath('z.py').exists():\n    import app.z\n"  # 15
    # Not file-existence checks: checked.
    "if os.path.exists('a.py') or os.environ.get('A'):\n    from app.gone_a import A\n"  # 17
    "if BASE_DIR.exists():\n    from app.gone_b import B\n"  # 19
    "if not os.path.exists('c.py'):\n    from app.gone_c import C\n"  # 21
    "if os.path.isdir('d'):\n    from app.gone_d import D\n"  # 23
)


@pytest.mark.parametrize("engine", ("libcst", "ast"))
def test_imports_under_a_file_existence_check_are_optional(make_repo, cli, engine):
    root = make_repo({"app/__init__.py": "", "app/settings.py": SETTINGS})
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--parser", engine)
    assert result.code == 1, result.err
    found = sorted(v["line"] for v in result.json()["violations"] if v["rule"] == "SSOT003")
    assert found == [17, 19, 21, 23]


def test_both_extractors_mark_the_same_imports_guarded():
    libcst, ast = summarize(SETTINGS.encode()), summarize(SETTINGS.encode(), use_libcst=False)
    assert libcst.engine == "libcst"
    assert libcst._replace(engine="") == ast._replace(engine="")
    guarded = [r.line for r in libcst.imports if r.context & CTX_GUARDED]
    assert guarded == [5, 7, 9, 13, 15]
