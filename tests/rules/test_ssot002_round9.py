"""SSOT002's claims and advice on the shapes a ninth reading of real code (round 8's holdout,
read again on main) still got wrong: annotations pydantic reads at run time told to go under
``TYPE_CHECKING`` (pydantic-ai), a re-exported name told to move into a function (zarr), a
package's unused import of itself reported as a cycle (nltk), a generated file's header not
recognised (opcua-asyncio). Each test reads what the user reads, the JSON finding."""

from __future__ import annotations

from tests.rules.cycle_findings import cannot_fail, advice as _advice, cycles as _cycles

# ``report.py``'s dataclass annotates a field with ``Result``, and hands the class to
# pydantic's ``TypeAdapter`` while it is imported: pydantic resolves the (postponed)
# annotation then, so ``Result`` must be there. ``results.py`` calls ``Case`` in a method.
_REPORT = (
    "from __future__ import annotations\n\nfrom dataclasses import dataclass\n\n{imports}"
    "from app.results import Result\n\n\n@dataclass\nclass Case:\n    result: Result\n\n\n{tail}"
)
_RESULTS_CALLS = "from app.report import Case\n\n\nclass Result:\n    def case(self):\n        return Case(result=self)\n"


def _report(imports: str = "from pydantic import TypeAdapter\n\n", tail: str = "CaseAdapter = TypeAdapter(Case)\n") -> str:
    return _REPORT.format(imports=imports, tail=tail)


def test_annotations_a_library_resolves_at_run_time_are_not_told_to_go_under_type_checking(make_repo, cli):
    """pydantic-ai's ``reporting/__init__.py``: the import used only in annotations is kept,
    and the cycle is broken at the other import, which a function can take."""
    [finding] = _cycles(make_repo, cli, {"app/__init__.py": "", "app/report.py": _report(), "app/results.py": _RESULTS_CALLS})
    assert _advice(finding) == (
        "break it by moving app/results.py:1 `from app.report import Case` into the function that uses it"
    ), finding["message"]


def test_without_such_a_library_the_annotation_only_import_goes_under_type_checking(make_repo, cli):
    """The same modules without pydantic: nothing reads the annotation at run time."""
    [finding] = _cycles(make_repo, cli, {
        "app/__init__.py": "", "app/report.py": _report(imports="", tail=""), "app/results.py": _RESULTS_CALLS,
    })
    assert _advice(finding) == (
        "break it by moving app/report.py:5 `from app.results import Result` under `if TYPE_CHECKING:`: its names "
        "are used only in annotations"
    ), finding["message"]


def test_when_the_annotation_import_is_the_one_to_move_the_advice_says_why_it_cannot(make_repo, cli):
    """Both imports are needed while their modules are imported (``results.py`` subclasses
    ``Case``): the advice on ``report.py``'s import says pydantic reads its annotation."""
    [finding] = _cycles(make_repo, cli, {
        "app/__init__.py": "",
        "app/report.py": _report(),
        "app/results.py": "from app.report import Case\n\n\nclass Result:\n    pass\n\n\nclass Sub(Case):\n    pass\n",
    })
    assert _advice(finding) == (
        "app/report.py:7 `from app.results import Result` cannot move into a function: app/report.py uses `Result` "
        "only in annotations, but it imports pydantic, which resolves annotations at run time (a model's fields, "
        "a type adapter, a validated signature): under `if TYPE_CHECKING:` it would be missing then; break it by "
        "moving the definitions of `Result` (and what they need of the cycle) out of app.results into a module "
        "that imports none of the cycle's modules, and importing them from there"
    ), finding["message"]


def test_a_name_the_module_re_exports_is_not_told_to_move_into_a_function(make_repo, cli):
    """zarr's ``api/asynchronous.py`` lists ``create_hierarchy`` in ``__all__``: its import
    cannot move into the functions that use it, so the cycle is broken at ``core/group.py``'s
    import, read only in a method."""
    [finding] = _cycles(make_repo, cli, {
        "z/__init__.py": "",
        "z/api.py": "from z.group import create_hierarchy\n\n__all__ = ['create_hierarchy', 'open_group']\n\n\n"
        "def open_group():\n    return create_hierarchy()\n",
        "z/group.py": "import z.api as async_api\n\n\ndef create_hierarchy():\n    return 1\n\n\n"
        "class Group:\n    def open(self):\n        return async_api.open_group()\n",
    })
    assert _advice(finding) == (
        "break it by moving z/group.py:1 `import z.api as async_api` into the function that uses it"
    ), finding["message"]


def test_when_the_re_export_is_the_one_to_move_the_advice_says_it_must_stay(make_repo, cli):
    """``from .a import X as X`` (the explicit re-export), read only in a function, on an
    edge whose other way is needed at import time: the advice says it stays bound."""
    [finding] = _cycles(make_repo, cli, {
        "p/__init__.py": "",
        "p/a.py": "from p.b import Tool as Tool\n\n\ndef make():\n    return Tool()\n",
        "p/b.py": "from p.a import make\n\nDEFAULT = make\n\n\nclass Tool:\n    pass\n",
    })
    assert _advice(finding) == (
        "p/a.py:1 `from p.b import Tool as Tool` cannot move into a function: p/a.py re-exports `Tool` (its "
        "`__all__` lists it, it imports it as itself, or other modules import it from it): it must stay bound at "
        "module level; break it by moving the definitions of `Tool` (and what they need of the cycle) out of p.b "
        "into a module that imports none of the cycle's modules, and importing them from there"
    ), finding["message"]


def test_an_unused_import_of_the_own_package_closes_no_cycle(make_repo, cli):
    """nltk's ``corpus/reader/chunked.py`` imports ``nltk`` and reads nothing of it: inside
    the package, the import runs nothing and reads nothing that may be missing, and there is
    no use for a function to take. No cycle is reported (deleting it is tidying)."""
    assert _cycles(make_repo, cli, {
        "pkg/__init__.py": "from pkg import reader\n\nVERSION = 1\n",
        "pkg/reader.py": '"""Uses ``pkg.chunk``."""\nimport os\n\nimport pkg\n\n\nclass Reader:\n    sep = os.sep\n',
    }, code=0) == []


def test_a_shouted_generated_header_is_recognised_in_the_advice(make_repo, cli):
    """opcua-asyncio's ``uaerrors/_auto.py`` opens with ``#AUTOGENERATED!!! Date: ...``: the
    advice on its import says to make the change in what generates it."""
    [finding] = _cycles(make_repo, cli, {
        "ua/__init__.py": "from ua._auto import *\nfrom ua._base import UaError\n",
        "ua/_base.py": "class UaError(Exception):\n    pass\n",
        "ua/_auto.py": "#AUTOGENERATED!!! Date: 2026-05-16 06:47:20\n\nfrom ua import UaError\n\n\n"
        "class BadTimeout(UaError):\n    pass\n",
    })
    assert _advice(finding) == (
        "break it by importing `UaError` from ua._base in ua/_auto.py:3 `from ua import UaError`, where it is "
        "defined, not from ua (ua/_auto.py says a generator wrote it: an edit there is lost at its next run, so "
        "make the change in what generates it)"
    ), finding["message"]


def test_a_name_bound_on_both_branches_above_the_import_cannot_fail(make_repo, cli):
    """python-future's ``past/builtins/__init__.py`` binds ``str`` under ``if PY3:`` and
    in the ``else``, above its import of ``misc``, which takes it back: whichever branch
    runs, it is bound first, and nothing is reported."""
    cannot_fail(make_repo, cli, {
        "past/__init__.py": "",
        "past/types.py": "class oldstr(bytes):\n    pass\n",
        "past/builtins/__init__.py": "import sys\n\nif sys.version_info[0] == 3:\n    from past.types import oldstr as str\n"
        "else:\n    from __builtin__ import str\n\nfrom past.builtins.misc import chr\n",
        "past/builtins/misc.py": "from past.builtins import str as oldstr\n\n\ndef chr(i):\n    return oldstr(bytes((i,)))\n",
    })


