"""The shape of each rule's ``details`` (the ``details`` object of ``--format json``).

One TypedDict per kind of finding, so a rule builds its details against a declared shape
(type checkers hold it to it) and ``tests/test_details.py`` checks every rule's examples
against the shapes listed in :data:`SHAPES`. Keys that are Python keywords (``import``,
``class``) need the functional form.
"""

from __future__ import annotations

from typing import Literal, TypedDict


class ImportedBy(TypedDict):
    path: str
    line: int
    at_import: bool  # the import runs when the importer is imported


class _SyntaxErrorRequired(TypedDict):
    kind: str  # ssotlint.extract.summary.ProblemKind


class SyntaxErrorDetails(_SyntaxErrorRequired, total=False):
    imported_by: list[ImportedBy]  # first-party importers that fail with it (blast radius)


Choice = TypedDict(
    "Choice",
    {
        "canonical": str,  # the definition to keep, module.Name
        "canonical_path": str,
        "canonical_line": int,
        # how it was chosen (rules/definitions.py REASON_*)
        "chosen_by": Literal[
            "configured", "most-imported", "same-package", "no-import-cycle", "loaded-by-this-module",
            "modules-load-each-other", "upstream",
            "enclosing-package", "generic", "kept", "most-imported-module", "named-home", "first-by-path"
        ],
        "canonical_importers": int,
    },
)
ConceptDuplicate = TypedDict("ConceptDuplicate", {"concept": str, "class": str}, total=True)
NameDuplicate = TypedDict("NameDuplicate", {"class": str}, total=True)
ClassShadow = TypedDict("ClassShadow", {"class": str, "shadowed_line": int})


class EnumDuplicate(TypedDict):
    enum: str
    module: str | None


class EnumShadow(TypedDict):
    enum: str
    module: str | None
    shadowed_line: int


class Cycle(TypedDict):
    modules: list[str]  # the cycle, in import order
    edges: list[dict]  # each import of the cycle: source, target, path, line, import
    component_size: int  # modules in the strongly connected component around it
    component: list[str]  # its modules (the first 50)
    suggested_fix: list[dict]  # the imports whose removal breaks the whole component


class PackageRun(TypedDict):
    """A failure on no cycle of explicit imports, through a package's ``__init__`` that
    importing one of its modules runs first (see rules/SSOT002.md)."""

    modules: list[str]  # the reading module, then the way back as the run came
    reads: str  # the module read while it is still running
    component_size: int  # modules in the component of what importing each module runs
    through_packages: bool  # always true: tells this shape from a cycle's


TestBase = TypedDict("TestBase", {"class": str, "bases": list[str]})


# A broken import: the statement as written; the absolute module when it resolved; the
# missing name when the module exists.
_BrokenImportRequired = TypedDict("_BrokenImportRequired", {"import": str})


class BrokenImport(_BrokenImportRequired, total=False):
    module: str
    name: str


class LineEndings(TypedDict):
    crlf: int
    lone_cr: int
    first_line: int


class UnusedSuppression(TypedDict):
    codes: list[str] | None  # None: a suppression comment without codes (it silences every rule)


def shape_keys(shape: type) -> tuple[frozenset[str], frozenset[str]]:
    """(required keys, all keys) of a TypedDict, with those of the shapes it is made of."""
    required = frozenset(getattr(shape, "__required_keys__", ()))
    return required, frozenset(shape.__annotations__) | required | frozenset(getattr(shape, "__optional_keys__", ()))


# Rule code -> the shapes its details may take (a union of the listed keys, each complete).
SHAPES: dict[str, tuple[tuple[type, ...], ...]] = {
    "SSOT000": ((SyntaxErrorDetails,),),
    "SSOT001": ((ConceptDuplicate, Choice), (NameDuplicate, Choice), (ClassShadow,)),
    "SSOT002": ((Cycle,), (PackageRun,)),
    "SSOT003": ((BrokenImport,),),
    "SSOT004": ((TestBase,),),
    "SSOT005": ((LineEndings,),),
    "SSOT006": ((EnumDuplicate, Choice), (EnumShadow,)),
    "SSOT007": ((UnusedSuppression,),),
}
