"""SSOT001 and SSOT006 advice found wrong in kind on real code (issue 11, round 5): what
each message claims about imports must hold, and it never asks for a dependency the
import graph says the design keeps out."""

from __future__ import annotations

_MIXIN = "class NestedViewSetMixin:\n    def get_queryset(self):\n        return self.parent_filter(self.queryset)\n"


def _findings(make_repo, cli, files: dict[str, str], rule: str = "SSOT001") -> list[dict]:
    root = make_repo(files)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", rule)
    return sorted((v for v in result.json()["violations"] if v["rule"] == rule), key=lambda v: (v["path"], v["line"]))


def test_an_import_of_an_already_started_package_closes_no_cycle(make_repo, cli):
    """``viewsets`` loads ``mixins``; ``mixins`` loads ``settings``, which reads a constant of
    their own package (``from . import ISO_8601``), whose ``__init__`` imports ``viewsets``.
    That package has started before ``viewsets`` runs, so importing the mixin from
    ``mixins`` closes no cycle: the advice is to import it (Taiga's ``NestedViewSetMixin``
    was told both that ``viewsets`` loads ``mixins`` and that ``mixins`` loads ``viewsets``)."""
    files = {
        "app/__init__.py": "",
        "app/api/__init__.py": "ISO_8601 = 'iso-8601'\nfrom .viewsets import NestedViewSetMixin\n",
        "app/api/settings.py": "from . import ISO_8601\n\nDATE_FORMAT = ISO_8601\n",
        "app/api/mixins.py": "from . import settings\n\n\n" + _MIXIN,
        "app/api/viewsets.py": "from . import mixins\n\n\n" + _MIXIN,
    }
    found = _findings(make_repo, cli, files)
    assert [v["path"] for v in found] == ["app/api/viewsets.py"]
    message = found[0]["message"]
    assert "close an import cycle" in message  # keeping this copy would: mixins is loaded here
    assert message.endswith("keep one definition and import it from app.api.mixins")
    assert "app.api.mixins loads this module" not in message
