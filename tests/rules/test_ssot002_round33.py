"""SSOT002 on shapes the 33rd reading found, and a re-reading of ten repositories earlier
rounds had read: sktime's ``utils/numba/general.py`` and ``stats.py`` import each other as
module objects and read them only in ``@njit(cache=True)`` bodies, which numba compiles at
their first call, reading the globals then (a compiler cannot hold an import statement, so
those bodies still cannot take the import)."""

from __future__ import annotations

from ssotlint.extract.summarize import summarize
from tests.rules.cycle_findings import cannot_fail

# A stand-in for numba's decorator: the interpreter runs the fixture without numba.
_NJIT = "def njit(*args, **kwargs):\n    return lambda function: function\n"


def test_modules_read_only_in_bodies_compiled_at_their_first_call_cannot_fail(make_repo, cli):
    cannot_fail(make_repo, cli, {
        "sk/__init__.py": "",
        "sk/njit.py": _NJIT,
        "sk/general.py": "import sk.stats as stats\nfrom sk.njit import njit\n\n\n@njit(fastmath=True, cache=True)\n"
                         "def normalise(x):\n    return x - stats.mean(x)\n",
        "sk/stats.py": "import sk.general as general\nfrom sk.njit import njit\n\n\n@njit(cache=True)\n"
                       "def mean(x):\n    return sum(x) / len(x)\n\n\n@njit\ndef centred(x):\n    return general.normalise(x)\n",
    })


def test_what_a_lazily_compiled_body_calls_is_read_at_the_call_too():
    """``outer`` is compiled at its first call, and with it what it calls: ``inner``'s read of
    ``stats`` is not a read while the module is imported."""
    summary = summarize(
        b"import sk.stats as stats\nfrom numba import njit\n\n\ndef inner(x):\n    return stats.mean(x)\n\n\n"
        b"@njit\ndef outer(x):\n    return inner(x)\n"
    )
    assert dict(summary.import_time_reads)["stats"] == ("~mean",)


def test_a_body_compiled_as_the_def_runs_reads_while_the_module_is_imported():
    """The control: with a signature, numba compiles as the ``def`` runs."""
    summary = summarize(b"import sk.stats as stats\nfrom numba import njit\n\n\n@njit('f8(f8[:])')\ndef f(x):\n    return stats.mean(x)\n")
    assert dict(summary.import_time_reads)["stats"] == ("mean",)


def test_a_from_import_of_several_modules_runs_them_in_the_order_written(make_repo, cli):
    """tianshou's ``from tianshou import data, env, exploration, algorithm, trainer, utils``
    ("Import order is important to avoid circular import errors!"): ``data`` runs first, and
    entered there the cycle with ``algorithm`` cannot fail; entered at ``algorithm`` (the
    alphabetical order) it would."""
    cannot_fail(make_repo, cli, {
        "app/__init__.py": "from app import data, algo\n",
        "app/data.py": "def helper():\n    return 1\n\n\nfrom app.algo import Algo  # noqa: E402\n",
        "app/algo.py": "from app.data import helper\n\n\nclass Algo:\n    h = helper\n",
    })


def test_what_is_read_off_the_top_package_is_not_read_of_a_dotted_import(make_repo, cli):
    """pwndbg's ``commands/windbg.py``: ``import pwndbg.hexdump`` below ``enhex``, which
    ``hexdump`` takes back, and ``pwndbg.dbg`` read while it is imported. That read is of
    the package ``pwndbg``, which has finished; nothing is read through ``pwndbg.hexdump``
    then (only in a function), so the cycle cannot fail."""
    cannot_fail(make_repo, cli, {
        "pw/__init__.py": "DBG = 1\n",
        "pw/config.py": "",
        "pw/windbg.py": "import pw.config\n\n\ndef enhex(v):\n    return v\n\n\nimport pw.hexdump  # noqa: E402\n\nLEVEL = pw.DBG\n\n\n"
                        "def dump():\n    return pw.hexdump.hexdump()\n",
        "pw/hexdump.py": "from pw.windbg import enhex\n\n\ndef hexdump():\n    return enhex(1)\n",
    })


def test_a_dotted_module_read_only_in_bodies_compiled_at_their_first_call_cannot_fail(make_repo, cli):
    """The same with ``import sk.stats`` read as ``sk.stats.mean`` in the compiled body: the
    package has ``stats`` by the first call, whatever was running while the module was
    imported."""
    cannot_fail(make_repo, cli, {
        "sk/__init__.py": "",
        "sk/njit.py": _NJIT,
        "sk/general.py": "import sk.stats\nfrom sk.njit import njit\n\n\n@njit(cache=True)\n"
                         "def normalise(x):\n    return x - sk.stats.mean(x)\n",
        "sk/stats.py": "import sk.general\nfrom sk.njit import njit\n\n\n@njit(cache=True)\n"
                       "def mean(x):\n    return sum(x) / len(x)\n\n\n@njit\ndef centred(x):\n    return sk.general.normalise(x)\n",
    })
