"""SSOT002's advice on a shape a tenth reading of real code still got wrong: an import whose
names the module reads while it is imported only in annotations it evaluates (no ``from
__future__ import annotations``: certbot's apache ``assertions.py``) was told to move the
definitions out of the cycle, when postponing the annotations lets the import go under
``TYPE_CHECKING``. Each test reads what the user reads, the JSON finding."""

from __future__ import annotations

from tests.rules.cycle_findings import advice as _advice, cycles as _cycles

# ``obj.py`` needs ``same`` while it is imported; ``assertions.py`` reads ``VirtualHost``
# then only in a parameter's annotation, which Python evaluates with the ``def``.
_OBJ = "from app.assertions import same\n\nCHECK = same\n\n\nclass VirtualHost:\n    pass\n"


def _assertions(imports: str = "", body: str = "    return True\n") -> str:
    return f"{imports}from app.obj import VirtualHost\n\n\ndef same(first: VirtualHost) -> bool:\n{body}"


def test_names_read_only_in_evaluated_annotations_are_told_to_postpone_them(make_repo, cli):
    [finding] = _cycles(make_repo, cli, {"app/__init__.py": "", "app/assertions.py": _assertions(), "app/obj.py": _OBJ})
    assert _advice(finding) == (
        "break it by adding `from __future__ import annotations` to app/assertions.py (or quoting the annotations) "
        "and moving app/assertions.py:1 `from app.obj import VirtualHost` under `if TYPE_CHECKING:`: "
        "app/assertions.py reads `VirtualHost` while it is imported only in annotations, which it evaluates then "
        "because it does not postpone them"
    ), finding["message"]


def test_a_name_a_function_body_also_reads_may_go_into_it_once_postponed(make_repo, cli):
    [finding] = _cycles(make_repo, cli, {
        "app/__init__.py": "",
        "app/assertions.py": _assertions(body="    return isinstance(first, VirtualHost)\n"),
        "app/obj.py": _OBJ,
    })
    assert "moving app/assertions.py:1 `from app.obj import VirtualHost` into the function that uses it: app/assertions.py reads `VirtualHost` while it is imported only in annotations" \
        in _advice(finding), finding["message"]


def test_a_name_read_at_import_time_outside_annotations_still_needs_its_definition_moved(make_repo, cli):
    """``VirtualHost`` is also a base class: postponing the annotations changes nothing."""
    [finding] = _cycles(make_repo, cli, {
        "app/__init__.py": "",
        "app/assertions.py": _assertions(body="    return True\n\n\nclass Host(VirtualHost):\n    pass\n"),
        "app/obj.py": _OBJ,
    })
    assert "__future__" not in finding["message"]
    assert "cannot move into a function" in _advice(finding), finding["message"]


def test_a_library_that_resolves_annotations_at_run_time_keeps_them_needed(make_repo, cli):
    """With pydantic imported, the annotation is read at run time even when postponed."""
    [finding] = _cycles(make_repo, cli, {
        "app/__init__.py": "",
        "app/assertions.py": _assertions(imports="import pydantic\n"),
        "app/obj.py": _OBJ,
    })
    assert "__future__" not in finding["message"], finding["message"]


def test_a_re_exported_name_stays_bound_whatever_reads_it(make_repo, cli):
    """``__all__`` lists ``VirtualHost``: under ``TYPE_CHECKING`` it would be gone."""
    [finding] = _cycles(make_repo, cli, {
        "app/__init__.py": "",
        "app/assertions.py": _assertions(imports="__all__ = ['same', 'VirtualHost']\n"),
        "app/obj.py": _OBJ,
    })
    assert "__future__" not in finding["message"], finding["message"]
