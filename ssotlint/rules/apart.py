"""Same-named definitions that are each their own by design, for SSOT001 and SSOT006 alike.

Both rules ask the same question of two files before calling two same-named classes one
thing defined twice, so they ask it here, in one place:

- two self-contained files (documentation listings, example and sample scripts: see
  :func:`~ssotlint.discover.roles.is_self_contained`), each written to be read or run on
  its own;
- two vendored third-party distributions' files, kept as released.

A generated file (:attr:`~ssotlint.extract.summary.FileSummary.generated`) is never told
to change (:func:`never_edited`): a generator writes each module whole, and writes it
again at its next run, so what two generated files share is its business. A hand-written
copy of a generated class is still a copy, told to import the generated one (the
:class:`~ssotlint.rules.definitions.Chooser` keeps a generated definition first).
"""

from __future__ import annotations

from ssotlint.discover.roles import is_self_contained
from ssotlint.model.project import Project, SourceFile
from ssotlint.rules.definitions import is_vendored


def never_edited(f: SourceFile) -> bool:
    """A file no finding may tell anyone to edit: a generator wrote it."""
    return f.summary.generated


class Apart:
    """Whether two files' same-named definitions are each their own by design (see the
    module's docstring), with the project's package folders (one pass per model, shared by
    both rules: :attr:`Project.package_folders`)."""

    def __init__(self, project: Project) -> None:
        self._packages = project.package_folders

    def __call__(self, a: SourceFile, b: SourceFile) -> bool:
        if is_vendored(a.path) and is_vendored(b.path):
            return True  # two third-party distributions' own code, vendored as released
        return is_self_contained(a.path, self._packages) and is_self_contained(b.path, self._packages)
