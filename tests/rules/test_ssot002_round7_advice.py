"""SSOT002's advice on the shapes a seventh holdout of real code got wrong (litestar,
sktime, azure-ai-ml, opentelemetry, numba, sanic, cobbler): the cycles were real, the
advice did not break them, or refused a one-line fix that does. Each test reads what the
user reads, the JSON finding."""

from __future__ import annotations

import pytest

from ssotlint.extract.summary import USE_ANNOTATION, USE_CALL, USE_IMPORT_TIME, USE_NONE
from tests.conftest import write_files
from tests.rules.cycle_findings import cannot_fail, cycles as _cycles, advice as _advice, import_failures, import_uses as _uses


# ``o``'s ``__init__`` runs ``plugins``, which imports from ``h``: importing ``h.base`` (via
# ``o.spec``) reaches ``h`` again, which ``h/ws.py`` is inside of and which is half-way
# through its ``__init__``.
_REACHES_BACK = {
    "o/__init__.py": "from .plugins import P\n",
    "o/spec.py": "class S: ...\n",
}


# litestar's handlers (``h/__init__.py`` imports ``base``, which runs ``o``'s ``plugins``,
# which takes ``Late`` from ``h``, then ``ws``, which takes ``Base`` from ``h``): see
# test_ssot002_cannot_fail.py's
# test_a_failure_through_a_package_init_that_no_cycle_as_written_runs_is_reported_where_it_reads.
# (A failure through a package's ``__init__`` is a finding of its own, without advice: the
# tests below read the advice on the cycle as written.)


def test_a_definer_that_started_first_runs_the_importer_is_not_advised(make_repo, cli, tmp_path):
    """``d.base`` (outside ``h``) reaches ``o/plugins.py``, which imports ``Early`` from
    ``h``, bound on line 1 of ``h/__init__.py``: with ``h`` imported first, ``ws`` could take
    ``Base`` from ``d.base``. But imported first, ``d.base`` runs ``o``, then ``h`` and
    ``ws`` before it binds ``Base``: the rerouted import fails there (the interpreter shows
    it), so it is not the advice (it once was)."""
    files = {
        **_REACHES_BACK,
        "o/plugins.py": "from h import Early\n\n\nclass P(Early): ...\n",
        "h/__init__.py": "from .early import Early\nfrom .ws import W\nfrom d.base import Base\n",
        "h/early.py": "class Early: ...\n",
        "h/ws.py": "from h import Base\n\n\nclass W(Base): ...\n",
        "d/__init__.py": "",
        "d/base.py": "from o.spec import S\n\n\nclass Base: ...\n",
    }
    rerouted = tmp_path / "rerouted"
    write_files(rerouted, {**files, "h/ws.py": "from d.base import Base\n\n\nclass W(Base): ...\n"})
    assert "d.base" in import_failures(rerouted)
    [finding] = [f for f in _cycles(make_repo, cli, files) if not f["details"].get("through_packages")]
    assert "importing `Base` from d.base" not in finding["message"], finding["message"]


def test_a_name_read_below_the_line_that_imports_the_importer_is_not_there(make_repo, cli):
    """The same, but ``plugins`` imports ``Late``, which ``h/__init__.py`` binds only after
    it imports ``ws``: ``d.base`` would read ``h`` half-initialised, and the cycle stays.
    Not advised: the definition moves."""
    [finding] = [f for f in _cycles(make_repo, cli, {
        **_REACHES_BACK,
        "o/plugins.py": "from h import Late\n\n\nclass P(Late): ...\n",
        "h/__init__.py": "from .ws import W\nfrom d.base import Base\nfrom .late import Late\n",
        "h/late.py": "class Late: ...\n",
        "h/ws.py": "from h import Base\n\n\nclass W(Base): ...\n",
        "d/__init__.py": "",
        "d/base.py": "from o.spec import S\n\n\nclass Base: ...\n",
    }) if not f["details"].get("through_packages")]
    assert "importing `Base` from d.base" not in finding["message"], finding["message"]
    assert "cannot move into a function" in _advice(finding), finding["message"]


def test_a_package_read_only_in_a_string_annotation_cannot_fail(make_repo, cli):
    """``m/_internal/inst.py`` reads ``m.Meter`` only in a string annotation
    (opentelemetry's metrics): no order fails."""
    cannot_fail(make_repo, cli, {
        "m/__init__.py": "from m._internal import Meter\n",
        "m/_internal/__init__.py": "from m._internal.inst import Counter\n\n\nclass Meter: ...\n",
        "m/_internal/inst.py": "import m\n\n\nclass Counter:\n    def meter(self) -> \"m.Meter\": ...\n",
    })


def test_a_cycle_a_module_closes_by_reading_its_package_in_a_method_is_not_reported(make_repo, cli):
    """``n/c/disp.py`` reads ``c.grid`` in a method: the cycle it closes cannot fail.
    ``n.c.intr`` reads ``c.target`` at module level, which ``n/c/__init__.py`` binds only
    after its ``from .dev import *`` has run ``intr``: that cycle fails, and is the one
    reported (numba's ``cuda/intrinsics.py`` and ``cuda/dispatcher.py``)."""
    findings = _cycles(make_repo, cli, {
        "n/__init__.py": "",
        "n/c/__init__.py": "from .dev import *\n\ntarget = 'gpu'\n",
        "n/c/dev.py": "from n.c.intr import grid\nfrom n.c.disp import Disp\n",
        "n/c/intr.py": "from n import c\n\nREG = [c.target]\n\n\ndef grid(): ...\n",
        "n/c/disp.py": "from n import c\n\n\nclass Disp:\n    def run(self):\n        return c.grid()\n",
    })
    # ``disp``'s own cycle cannot fail (it reads ``c`` in a method): only ``intr``'s, which
    # reads ``c.target`` before the package binds it, is reported.
    [intr] = findings
    assert intr["message"].startswith("circular import: n.c -> n.c.dev -> n.c.intr -> n.c "), intr["message"]


@pytest.mark.parametrize("engine", ["libcst", "ast"])
def test_types_given_as_strings_to_type_constructors_are_forward_references(engine):
    """A quoted type given to ``TypeVar`` (a bound or a constraint), ``cast``, ``NewType``,
    ``TypeAliasType``, ``ForwardRef`` or as the value of a ``TypeAlias`` is read only by
    type checkers, whatever runs it; the name ``TypeVar`` takes first is not a type, and an
    unquoted type is evaluated. Both engines say the same."""
    uses = _uses(
        """
        from typing import TypeAlias, TypeVar, NewType, cast
        import a
        import b
        import c
        import d
        import e
        from f import g
        from h import Named
        import i

        A = TypeVar("A", bound="a.App")
        B = TypeVar("B", "b.One", "b.Two")
        C: TypeAlias = "c.Thing"
        D = cast("d.Thing", None)
        E = NewType("E", "e.Key")
        G = TypeVar("G", bound=g)
        N = TypeVar("Named")
        I = typing.TypeVar("I", bound="i.Item")
        """,
        engine,
    )
    assert uses["a"] == uses["b"] == uses["c"] == uses["d"] == uses["e"] == uses["i"] == (USE_ANNOTATION,), uses
    assert uses["f.g"] == (USE_IMPORT_TIME,), uses
    assert uses["h.Named"] == (USE_NONE,), uses


def test_a_package_read_only_in_a_typevar_bound_cannot_fail(make_repo, cli):
    """``s/types.py`` imports its own package ``s`` for ``TypeVar("A", bound="s.App")``
    alone, a forward reference (sanic's handler types): no order fails."""
    cannot_fail(make_repo, cli, {
        "s/__init__.py": "from s.app import App\n",
        "s/app.py": "from s.types import A\n\n\nclass App: ...\n",
        "s/types.py": "from typing import TypeVar\n\nimport s\n\nA = TypeVar(\"A\", bound=\"s.App\")\n",
    })


def test_a_package_whose_names_only_a_plain_string_mentions_is_read_by_nothing(make_repo, cli):
    """``s.App`` in a message is not a read of ``s``: the import is read by nothing. Inside
    the package, which started first, it runs nothing and reads nothing that can be
    missing: the cycle it closes cannot fail, and is not reported (round 9: nltk's
    ``corpus/reader/chunked.py``)."""
    assert _cycles(make_repo, cli, {
        "s/__init__.py": "from s.app import App\n",
        "s/app.py": "from s.types import HELP\n\n\nclass App: ...\n",
        "s/types.py": "import s\n\nHELP = \"see s.App\"\n",
    }, code=0) == []


def test_a_package_attribute_defined_in_a_module_that_leads_back_is_moved_not_imported(make_repo, cli):
    """``s/types.py`` reads ``s.App`` and ``s.U`` at module level. ``U`` can come from
    ``s.util``; ``App`` cannot come from ``s.app``, which imports ``s.types``: its
    definition has to move out."""
    [finding] = _cycles(make_repo, cli, {
        "s/__init__.py": "from s.app import App\nfrom s.util import U\n",
        "s/app.py": "from s.types import X\n\n\nclass App: ...\n",
        "s/util.py": "class U: ...\n",
        "s/types.py": "import s\n\nX = s.App\nY = s.U\n",
    })
    advice = _advice(finding)
    assert "(`U` from s.util)" in advice, finding["message"]
    assert "`App` from s.app" not in advice, finding["message"]
    assert "moving the definition of `App` out of s.app, which leads back to s.types" in advice, finding["message"]


def test_an_import_that_runs_the_cycle_again_through_a_package_init_is_advised_too(make_repo, cli):
    """Deferring ``item.py``'s import of ``opt`` is not enough: its import of ``c.utils.conv``
    runs ``c/utils/__init__.py``, which imports ``opt``, which needs ``item`` (cobbler's
    ``base_item.py`` and ``cobbler.utils``). The package is outside the cycles found on the
    imports as written; the advice names that import too, joined by ``; and``."""
    [finding] = _cycles(make_repo, cli, {
        "c/__init__.py": "",
        "c/items/__init__.py": "",
        "c/items/item.py": "from c.items import opt\nfrom c.utils import conv\n\n\nclass Item:\n"
        "    def f(self):\n        return opt.X, conv.y()\n",
        "c/items/opt.py": "from c.items import item\n\nBOUND = item.Item\nX = 1\n",
        "c/utils/__init__.py": "from c.items import opt\n",
        "c/utils/conv.py": "def y(): ...\n",
    })
    assert _advice(finding) == (
        "break it by moving c/items/item.py:1 `from c.items import opt` into the function that uses it; and break it by moving c/items/item.py:2 `from c.utils import conv` into the function "
        "that uses it"
    ), finding["message"]


@pytest.mark.parametrize("engine", ["libcst", "ast"])
def test_a_name_read_in_a_jit_compiled_function_cannot_move_into_it(engine):
    """numba compiles the body of an ``@njit`` function (``@numba.jit(...)``, ``@cuda.jit``,
    or a wrapper named so, as sktime's ``utils.numba.njit``) and reads its globals: it
    cannot run an import there, and ``TYPE_CHECKING`` would leave the global unset. Such a
    use counts as one while the module is imported. Not jax's ``jit``, which runs the
    function in Python to trace it."""
    uses = _uses(
        """
        import jax
        import numba
        from jax import jit as jjit
        from wrap import njit
        import a
        import b
        import c
        import d
        import e

        @njit(cache=True)
        def f(x):
            return a.mean(x)

        @numba.cuda.jit
        def g(x):
            return b.std(x)

        @jax.jit
        def h(x):
            return c.mean(x)

        @jjit
        def i(x):
            return d.mean(x)

        def j(x):
            return e.mean(x)
        """,
        engine,
    )
    assert uses["a"] == uses["b"] == (USE_IMPORT_TIME,), uses
    assert uses["c"] == uses["d"] == uses["e"] == (USE_CALL,), uses


def test_an_import_read_only_in_jit_compiled_functions_is_not_deferred(make_repo, cli):
    """``general.py`` reads ``stats`` only inside ``@njit`` functions (sktime's
    ``utils/numba``): moving the import into them breaks their compilation, so that is not
    the advice. (Given signatures, numba compiles as the ``def`` runs and reads the globals
    then, so the cycle can fail; without them it compiles at the first call, and cannot:
    ``test_ssot002_round33.py``.)"""
    [finding] = _cycles(make_repo, cli, {
        "u/__init__.py": "",
        "u/njit.py": "def njit(*a, **k):\n    return lambda f: f\n",
        "u/general.py": "import u.stats as stats\nfrom u.njit import njit\n\n\n@njit('f8(f8[:])', cache=True)\n"
        "def spread(x):\n    return stats.std(x)\n",
        "u/stats.py": "import u.general as general\nfrom u.njit import njit\n\n\n@njit('f8(f8[:])', cache=True)\n"
        "def std(x):\n    return general.spread(x)\n",
    })
    assert "into the function that uses it" not in _advice(finding), finding["message"]
    assert "cannot move into a function" in _advice(finding), finding["message"]


def test_a_name_bound_above_the_import_of_the_reader_cannot_fail(make_repo, cli):
    """``k/views/api.py`` imports ``EXTRA`` from ``k``, which binds it above its import
    of ``k.views.api`` (lnbits' ``core/views/admin_api.py``): no order fails."""
    cannot_fail(make_repo, cli, {
        "k/__init__.py": "EXTRA = 1\n\nfrom k.views.api import api\n",
        "k/views/__init__.py": "",
        "k/views/api.py": "from k import EXTRA\nfrom k.models.user import User\n\n\ndef api():\n    return EXTRA, User\n",
        "k/models/__init__.py": "from k.models.user import User\nfrom k.db import DB\n",
        "k/models/user.py": "class User: ...\n",
        "k/db.py": "DB = 1\n",
    })


def test_no_other_import_is_needed_when_the_cycle_comes_back_through_the_importers_package(make_repo, cli):
    """``client.py``'s other import runs ``o/models/__init__.py``, which imports ``fmt``;
    but ``fmt`` reaches ``client`` again only through ``o.backend``, the package ``client``
    is inside of, which started first and does not run again (OctoBot's
    ``supabase_backend``): the deferral alone is the advice. (``fmt`` reads ``Client`` off
    the package while it is imported: imported first, ``o.backend`` fails.)"""
    [finding] = _cycles(make_repo, cli, {
        "o/__init__.py": "",
        "o/models/__init__.py": "from o.models.user import User\nfrom o.models.fmt import fmt\n",
        "o/models/user.py": "class User: ...\n",
        "o/models/fmt.py": "import o.backend as backend\n\nREF = backend.Client\n\n\ndef fmt():\n    return REF\n",
        "o/backend/__init__.py": "from o.backend.client import Client\n",
        "o/backend/client.py": "import o.models.fmt as fmt\nimport o.models.user as user\n\n\nclass Client:\n"
        "    def f(self):\n        return fmt.fmt(), user.User\n",
    })
    assert "o/backend/client.py:1 `import o.models.fmt as fmt` into the function" in finding["message"], finding["message"]
    assert "; and " not in finding["message"], finding["message"]
