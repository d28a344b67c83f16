"""SSOT002's advice on shapes seen on a third holdout of real code (scrapy, dask, netbox,
paperless-ngx, ansible-core): which import the finding says to move, and how, as the user
reads it in the JSON output."""

from __future__ import annotations


def _cycles(make_repo, cli, files: dict[str, str]) -> list[dict]:
    root = make_repo(files)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT002")
    assert result.code == 1, result.err
    return sorted(result.json()["violations"], key=lambda v: (v["path"], v["line"], v["message"]))


def test_a_package_is_never_told_to_move_its_own_re_export(make_repo, cli):
    """The package ``p`` re-exports ``p.a``, whose submodules import ``p`` back. Weighing
    the re-export heavily is not enough: the ordering heuristic sums a node's edges, and
    ``p.a``'s two heavy re-exports put it before ``p`` (seen on scrapy's
    ``from scrapy.http import Request`` and dask.dataframe's ``from .io import read_csv``).
    The import back into the package is the one advised."""
    findings = _cycles(make_repo, cli, {
        "p/__init__.py": "from p.a import A\n",
        "p/a/__init__.py": "from p.a.y import A\nfrom p.a.x import X\n",
        "p/a/y.py": "from p.a.x import X\n\n\nclass A(X): ...\n",
        "p/a/x.py": "import p\n\n\nclass X:\n    def make(self):\n        return p.A()\n",
    })
    assert findings
    for finding in findings:
        advised = [(e["from"], e["to"]) for e in finding["details"]["suggested_fix"]]
        assert advised == [("p.a.x", "p")], finding["message"]
        assert "p/a/x.py:1 `import p`" in finding["message"], finding["message"]
        assert "p/__init__.py:1" not in finding["message"], finding["message"]
