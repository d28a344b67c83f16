"""What a rule is, what it reports, and the examples it carries.

A rule is a pure function of the project model: ``check(project) -> Iterable[Violation]``.
Every rule carries VALID and INVALID example repositories (as in Fixit) that one generic
test runs, so a rule's documentation of itself is also its test.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Collection, Hashable, Iterable, Literal, Mapping, NamedTuple

if TYPE_CHECKING:
    from ssotlint.model.changes import Change, Since
    from ssotlint.model.project import Project, SourceFile


class Fix(NamedTuple):
    """A change a rule proposes to the violation's file, as data (as Fixit's replacement is
    part of its violation): ``action`` names the codemod in :mod:`ssotlint.fix.codemods`
    that carries it out, ``args`` are that codemod's parameters (JSON values). A rule never
    touches a file; the fix layer re-reads the file, applies the codemod, and drops a fix
    whose result would not compile.

    ``safe``: the rewrite keeps the program's behaviour (``--fix``); an unsafe one may change
    it and is applied only with ``--unsafe-fixes`` (ruff's convention).
    """

    action: str
    safe: bool
    description: str  # imperative, for reports: "import 'X' from app.models"
    args: Mapping[str, Any] = {}


class Violation(NamedTuple):
    """One finding. Its identity is its *subject*, never its wording.

    ``key`` names what the finding is about within ``path`` (an import's module and name,
    a class name, a cycle's modules), never why or how it is reported: a message that
    changes while the subject stays is the same finding ("changed" in ``ssotlint diff``).
    ``also`` lists further ``(path, key)`` subjects the same finding covers (the other names
    of a from-import whose module is missing: one finding now, one per name once the module
    exists). ``fingerprint`` and ``related`` are filled in by the runner.
    """

    rule: str
    path: str
    line: int
    col: int
    message: str
    key: str  # what the finding is about, independent of line numbers and wording
    details: Mapping[str, Any] = {}
    fingerprint: str = ""
    also: tuple[tuple[str, str], ...] = ()
    related: tuple[str, ...] = ()  # fingerprints of the ``also`` subjects
    fix: Fix | None = None  # what would remove it, when the rule knows

    def subjects(self) -> tuple[tuple[str, str], ...]:
        return ((self.path, self.key), *self.also)

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.col, self.rule, self.message)


# The rules that pass over test data (``Project.test_data``): what they check breaks nothing
# in a file that never runs.
SKIP_TEST_DATA = frozenset({"SSOT000", "SSOT003", "SSOT005"})


def fingerprint(rule: str, path: str, key: str, occurrence: int) -> str:
    """Stable across line shifts and rewording: rule, file, subject, and its rank (the
    n-th finding about that subject in the file, so a second identical one is distinct)."""
    digest = hashlib.sha256(f"{rule}\0{path}\0{key}\0{occurrence}".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()[:20]


@dataclass(frozen=True)
class Example:
    """A small repository (path -> source) and the violations the rule must report in it,
    as ``(path, line)`` pairs. VALID examples expect none."""

    files: Mapping[str, str]
    expect: tuple[tuple[str, int], ...] = ()
    config: str = ""  # extra ``[tool.ssotlint]`` lines
    # For a fixable rule: the files as ``check --fix --unsafe-fixes`` leaves them (only the
    # changed ones); the generic test applies the fixes and compares.
    fixed: Mapping[str, str] | None = None


@dataclass(frozen=True)
class Rule:
    """A rule: ``check`` finds violations in the model. A rule may instead (or also) be a
    post-processor, ``post_process(project, violations)``, which sees every other rule's
    violations and returns the ones to keep plus its own (SSOT007 drops the suppressed
    ones and reports the comments that suppressed nothing); ``validate`` raises
    ConfigError for configuration only the model can judge."""

    code: str
    name: str
    summary: str
    check: Callable[[Project], Iterable[Violation]] | None
    level: str = "error"  # SARIF default level
    # "never", "sometimes" (when the finding allows one: see the rule's document) or
    # "always"; each violation says whether it has a fix (``Violation.fix``).
    fixable: Literal["never", "sometimes", "always"] = "never"
    valid: tuple[Example, ...] = field(default=(), repr=False)
    invalid: tuple[Example, ...] = field(default=(), repr=False)
    # Warnings about how the rule applies to this project (its configuration names nothing
    # that exists, say): printed once by the commands, kept with the cached outcome.
    advice: Callable[[Project], Iterable[str]] | None = field(default=None, repr=False)
    post_process: Callable[[Project, Iterable[Violation]], Iterable[Violation]] | None = field(default=None, repr=False)
    validate: Callable[[Project], None] | None = field(default=None, repr=False)
    # A rule whose findings in a file depend only on that file and on the modules its
    # imports reach (see ssotlint.model.changes), apart from what ``scope_key`` returns,
    # may also check a subset of the files: ``check`` is then ``check_files`` over all of
    # them. Over a sequence of similar trees (score --history) such a rule checks again only
    # the files a change can affect. Its messages and fixes may read the whole project:
    # reused findings keep the wording of the tree they were made in.
    # ``through_closure``: False when a file's findings read only the modules it imports
    # (and what they star-import), not the modules those import in turn.
    check_files: Callable[[Project, Collection[SourceFile]], Iterable[Violation]] | None = field(default=None, repr=False)
    scope_key: Callable[[Project], Hashable] | None = field(default=None, repr=False)
    through_closure: bool = True
    # For a rule over the whole tree: True when the change from the previous tree cannot
    # alter its findings (which files, lines and subjects), which are then kept. ``Since``
    # is the import graph those findings were made on (its reachability, and the modules
    # whose edges changed since).
    unchanged: Callable[[Change, Since], bool] | None = field(default=None, repr=False)
    # For a rule over the whole tree whose findings are each about one name (the last part
    # of their ``key``, after a colon) and read only what concerns that name: the names whose
    # findings the change may alter (None: any), and ``check`` restricted to some names.
    affected_names: Callable[[Change, Since], Collection[str] | None] | None = field(default=None, repr=False)
    check_names: Callable[[Project, Collection[str]], Iterable[Violation]] | None = field(default=None, repr=False)

    def violation(
        self,
        path: str,
        line: int,
        col: int,
        message: str,
        key: str,
        details: Mapping[str, Any] | None = None,
        also: tuple[tuple[str, str], ...] = (),
        fix: Fix | None = None,
    ) -> Violation:
        """A finding of this rule: its code is the rule's, written once."""
        return Violation(self.code, path, line, col, message, key=key, details=details or {}, also=also, fix=fix)
