"""What the advice of SSOT001 and SSOT006 claims about import cycles (``Chooser.closes_cycle``)."""

from __future__ import annotations

from ssotlint.rules.definitions import Chooser
from ssotlint.testing import config_from_text, model_in_memory


def _chooser(viewsets_imports_mixins: bool) -> Chooser:
    files = {
        "app/__init__.py": "",
        "app/api/__init__.py": "from .viewsets import ModelViewSet\n\nISO_8601 = 'iso-8601'\n",
        "app/api/settings.py": "from . import ISO_8601\n",
        "app/api/mixins.py": "from . import settings\n\n\nclass Mixin:\n    pass\n",
        "app/api/viewsets.py": ("from . import mixins\n" if viewsets_imports_mixins else "") + "\n\nclass ModelViewSet:\n    pass\n",
    }
    return Chooser(model_in_memory(files, config_from_text("")), {})


def test_a_sibling_loaded_already_closes_no_cycle_through_the_started_package():
    """``viewsets`` loads ``mixins`` already: importing one more name from it loads nothing
    new, and the way back runs through their package, which has started (Taiga)."""
    assert not _chooser(viewsets_imports_mixins=True).closes_cycle("app.api.mixins", "app.api.viewsets")


def test_a_sibling_loaded_anew_may_find_the_package_half_initialised():
    """``viewsets`` does not load ``mixins`` yet; importing it would run ``settings``' ``from .
    import ISO_8601`` while the package's ``__init__`` (which imports ``viewsets`` before it
    binds ``ISO_8601``) is half done: that counts as closing a cycle."""
    assert _chooser(viewsets_imports_mixins=False).closes_cycle("app.api.mixins", "app.api.viewsets")
