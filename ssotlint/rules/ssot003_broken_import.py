"""SSOT003 broken-import: first-party imports of modules or names that do not exist."""

from __future__ import annotations

import difflib
from fnmatch import fnmatchcase
import sys
import re
from collections import defaultdict
from functools import partial
from os.path import commonprefix
from posixpath import normpath
from typing import Callable, Collection, Iterator, Mapping, Sequence

from ssotlint.config import Concept, dependency_name
from ssotlint.deployment_units import unit_of
from ssotlint.discover.excludes import TreeExcludes
from ssotlint.discover.files import in_folders
from ssotlint.discover.modules import (
    TEST_FOLDERS, bare_module, file_anchored, importable, module_name, one_split_package, opaque_module_name,
)
from ssotlint.discover.roles import NAME_WORDS, SAMPLE_FOLDERS, is_backup, is_product, is_tooling, tooling_root
from ssotlint.extract.summary import (
    ANY_NAME,
    CTX_EXPECTED_FAILURE,
    CTX_FUNCTION,
    CTX_GUARDED,
    CTX_IMPLICIT_RELATIVE,
    CTX_TYPE_CHECKING,
    KIND_ABSTRACT,
    KIND_ENUM,
    KIND_PLAIN,
    KIND_PROTOCOL,
    NOT_AT_IMPORT_TIME,
    ClassRecord,
    ImportRecord,
)
from ssotlint.extract.call_shapes import accepts
from ssotlint.model.built_src import files_by_path, installed_dirs
from ssotlint.model.changes import parents, prefixes
from ssotlint.model.graph import describe
from ssotlint.model.project import MODULE_ATTRIBUTES, ClassRef, Project, Provided, SourceFile, is_script, sides
from ssotlint.model.unparsable import unparsable_modules
from ssotlint.packaging import PackageDirs
from ssotlint.rules.apart import read_as_data, shadowed_modules
from ssotlint.rules.base import Example, Fix, Rule, Violation
from ssotlint.rules.definitions import package_tasks_module
from ssotlint.rules.units import Units, runs_as_program
from ssotlint.rules.generators import converter_inputs


class Definitions:
    """Where top-level classes and functions are defined (classes made by a call too:
    ``Color = Enum("Color", ...)``), never counting a fallback stub (a
    class standing in for an import that may fail): every definition, for hints, product
    first, then tooling and backups, then test code; and the real ones, for fixes: not a
    class only type checkers see, not a placeholder left for a removed class."""

    def __init__(self, project: Project) -> None:
        self.anywhere: dict[str, list[SourceFile]] = defaultdict(list)
        self.real: dict[str, list[SourceFile]] = defaultdict(list)
        # The files that define the name as a stand-in for a removed class (:func:`_stand_in`).
        self.placeholders: dict[str, set[str]] = defaultdict(set)
        for f in project.files:
            if f.module is None:
                continue
            for c in f.summary.classes:
                if c.top_level and not c.fallback:
                    self.anywhere[c.name].append(f)
                    if not c.context & CTX_TYPE_CHECKING and not _placeholder(c):
                        self.real[c.name].append(f)
                    elif _stand_in(c):
                        self.placeholders[c.name].add(f.path)
            script_only = f.summary.main_functions  # dials' `util/mp.py` defines `func` only when run
            for name in (*f.summary.functions, *f.summary.self_named):
                if name not in script_only:
                    self.anywhere[name].append(f)
                    self.real[name].append(f)
        for files in self.anywhere.values():
            files.sort(key=_advice_rank)  # the order hints advise them in
        self._project = project
        self._assigned: dict[str, list[SourceFile]] | None = None

    def assigned(self, name: str) -> list[SourceFile]:
        """The modules that bind ``name`` at module level otherwise (an assignment: moto's
        ``ARN_PARTITION_REGEX = r"^arn:(" + ...``, or ``X = other.Y``; not a function, a class,
        a fallback stub or an import, whose binding :meth:`Project.bindings` says wins), product first: no
        definition to advise importing (a constant of one spelling may be many things), but
        the name exists. Indexed at the first question (a broken import with no other hint)."""
        if self._assigned is None:
            project = self._project
            index: dict[str, list[SourceFile]] = defaultdict(list)
            for f in project.files:
                if f.module is None:
                    continue
                functions = set(f.summary.functions)
                for bound, binding in project.bindings(f.module).items():
                    if binding.kind in ("def", "alias") and bound not in functions:
                        index[bound].append(f)
            for files in index.values():
                files.sort(key=_advice_rank)
            self._assigned = index
        return self._assigned.get(name, [])

    def source(
        self, name: str, absolute: str, importer: SourceFile, skip: Collection[str] = (), product: bool = False
    ) -> SourceFile | None:
        """The one module ``importer`` should import ``name`` from, when that is certain:
        the only production module that really defines it, or else the only module at all
        that does, if the importer may import from there (see :func:`_usable`). ``skip``:
        modules not to advise (the importer already imports the name from them).
        ``product``: the import names production code, so test code's namesake is not
        what it meant (see :func:`_defined_elsewhere`)."""
        real = [
            f for f in dict.fromkeys(self.real.get(name, ()))
            if f.module != absolute and f.module != importer.module and importable(f.module)  # type: ignore[arg-type]
            and not is_test_case_file(f.path) and f.module not in skip and not (product and f.is_test)
        ]
        own = [f for f in real if not f.is_test and _own_tooling(f, importer)]
        if len(own) == 1:
            return own[0]  # the importer's own tooling tree first (see :func:`_own_tooling`)
        product = [f for f in real if _is_production(f)]
        if len(product) == 1 and not own:
            return product[0]
        if not product and len(real) == 1 and _usable(real[0], importer):
            return real[0]
        return None


def _placeholder(c: ClassRecord) -> bool:
    """A class no fix should point at in place of a missing one: a stand-in for a removed
    class, with no base to inherit behaviour from and no member that does anything
    (``class JobManager: "Stub"; def __init__(self): pass``: an ImportError would become a
    later AttributeError), or an abstract interface (an ABC, a Protocol: code that built the
    missing class could not build it)."""
    if c.kind in (KIND_ABSTRACT, KIND_PROTOCOL) or c.interface_body:
        return True
    return not c.shapes and all(base in ("object", "") for base in c.bases)


def _stand_in(c: ClassRecord) -> bool:
    """A placeholder (:func:`_placeholder`) that can be nothing but a stand-in: a concrete
    class with no base and no member but a constructor that does nothing, or raises
    (statsmodels' ``tsa.arima_model.ARMA``, whose ``__init__`` raises NotImplementedError).
    A class with other stub members may be a null object; this one cannot be used."""
    return (
        c.kind not in (KIND_ABSTRACT, KIND_PROTOCOL) and not c.interface_body and _placeholder(c)
        and bool(c.members) and set(c.members) <= {"__init__", "__new__", "__doc__"}
    )


def is_test_case_file(path: str) -> bool:
    """A module of test cases (``test_*.py``, ``*_test.py``, ``conftest.py``): the classes in
    it are its own doubles, never what another module should import."""
    name = path.rpartition("/")[2]
    return name.startswith("test_") or name.endswith("_test.py") or name == "conftest.py"


def _is_production(f: SourceFile) -> bool:
    return not f.is_test and _product(f)


# Tooling folder names that, as a sub-package of a product package, are the product's own:
# ``pymisp/tools/`` (the library's shipped helpers, ``Neo4j``), ``buildbot_worker/scripts/``.
_OWN_TOOLING = frozenset({"scripts", "script", "tools", "tooling", "bin"})


def _product(f: SourceFile) -> bool:
    """Neither tooling nor a backup copy; a ``tasks.py`` inside a package is the package's
    own tasks module (a Celery or Huey app's ``deviceadmin/tasks.py``), never invoke's
    developer tasks, which sit at a project's top, outside every package; so is a
    ``tools`` or ``scripts`` sub-package of a package (``pymisp.tools``)."""
    if is_product(f.path):
        return True
    inner = set((f.module or "").split(".")[1:-1 if not f.is_package else None]) & _OWN_TOOLING
    if inner and is_product("/".join(part for part in f.path.split("/") if part not in inner)):
        return True
    return package_tasks_module(f)


# Said of an import under ``if TYPE_CHECKING:``: it is broken, but only for the tools that
# read it (a renamed class left in an annotation's import), not at run time.
_TYPE_CHECKING_ONLY = " (under `if TYPE_CHECKING:`: type checkers and IDEs fail on it, the program does not)"


def _usable(definition: SourceFile, importer: SourceFile) -> bool:
    """Nothing imports from a backup copy; test code may import from anywhere else,
    production code not from test code or developer tooling, unless it is tooling itself
    that lies in the same tooling folder (see :func:`_own_tooling`)."""
    return not is_backup(definition.path) and (
        importer.is_test or _is_production(definition) or (not definition.is_test and _own_tooling(definition, importer))
    )


def _own_tooling(definition: SourceFile, importer: SourceFile) -> bool:
    """Both lie in one tree of the importer's tooling folder (pyNastran's
    ``dev/bdf_vectorized3/``, which keeps its own cards beside the product's): what the
    importer's own tree defines is what it meant, before a namesake of the product. Two
    trees of one tooling folder (``docs/tutorial/`` and ``docs/quickstart/``, two example
    projects) are two programs."""
    root = tooling_root(importer.path)
    if root is None:
        return False
    rest = importer.path[len(root) + 1 :].split("/")
    tree = f"{root}/{rest[0]}" if len(rest) > 1 else root
    return definition.path.startswith(tree + "/")


def _written(importer: SourceFile, rec: ImportRecord, target: str) -> str:
    """``target`` as the fixed statement names it: relative, as the original was, when it
    lies in the importer's package; absolute otherwise."""
    package = importer.package
    if rec.level and package and target.startswith(package + "."):
        return "." + target[len(package) + 1 :]
    return target


def _retarget(
    rec: ImportRecord, importer: SourceFile, absolute: str, moves: list[tuple[str, str]], module_gone: bool = False,
    is_package: bool = False,
) -> Fix:
    """Import each moved name from its module (absolute names) instead of ``absolute``.

    Safe within the top-level package the import names (a module renamed or moved inside one
    service); unsafe across top-level packages, where the one definition of the name may be
    another service's namesake (a script's own ``ConfigurationManager`` is not the backend's)."""
    targets = sorted({t for _, t in moves})
    names = ", ".join(repr(n) for n, _ in moves)
    top = absolute.partition(".")[0]
    return Fix(
        "retarget-import",
        safe=all(target.partition(".")[0] == top for target in targets) and (
            # A module that is gone (not a name gone from a module that is there) is only
            # known to have moved when its last part is where the name is now
            # (``app.utils.fonts`` -> ``app.fonts.fonts``); a namesake in another module
            # (cellpose's removed ``segformer.Transformer``, ``vit_sam.Transformer`` another
            # network) may be another thing: the fix is then unsafe.
            all(_moved_to(absolute, t) for t in targets) if module_gone
            # A name gone from a module that is there is only known to have moved within
            # the package that module is in (`gauges.base_gauge` -> `gauges.base_controller`);
            # a namesake elsewhere in the tree may be another thing (pychron's `from . import
            # Image as PILImage` in `pychron.image`, meant PIL's, beside a canvas primitive
            # `Image` in `pychron.canvas...`): the fix is then unsafe.
            else all(_near(absolute, is_package, importer, t) for t in targets)
        ),
        description=f"import {names} from {', '.join(targets)}",
        args={
            "line": rec.line,
            # as written: a Python 2 implicit relative import has no dots in the source
            "level": 0 if rec.context & CTX_IMPLICIT_RELATIVE else rec.level,
            "module": rec.module,
            "moves": [[name, _written(importer, rec, target)] for name, target in moves],
        },
    )


def _advice_rank(f: SourceFile) -> int:
    """0 for the product, 1 for tooling and backup copies, 2 for test code: a test whose
    import is broken is pointed at the real class before a mock of it in another test."""
    if f.is_test:
        return 2
    return 0 if _product(f) else 1


def _defined_elsewhere(
    files: list[SourceFile], absolute: str, importer: SourceFile, product: bool = False, name: str = ""
) -> str | None:
    """Where else the name is defined, as a hint. Advice to import from there is given only
    for a definition the importer may use: one an import statement can name (not
    ``dev-tools.py``, ``0001_initial.py``), never a backup copy, and for production code not
    in test code or developer tooling; a real definition comes before a test's double of
    it; and only when one such module, at the best of those ranks, defines it, or one lies
    nearer the importer than the others (a name that several define alike, ``foo`` or
    ``Config``, in unrelated places: which one the import meant is not known). Otherwise
    the hint only says where it is. When the import names production code (``product``),
    a definition in test code is no advice even for a test: the test asked the product for
    it, and a test module's namesake is its own double or dummy (numba's
    ``numba.tests.dummy_module.function``, a dummy ``def``, is not the removed
    ``numba.core.function`` module a test imported)."""
    others = [f for f in files if f.module != absolute]
    usable = [
        f for f in others
        if _usable(f, importer) and importable(f.module) and not is_test_case_file(f.path)  # type: ignore[arg-type]
        and not (product and f.is_test)
    ]
    if usable:
        own = [f for f in usable if not f.is_test and _own_tooling(f, importer)]
        if own:
            usable = own  # the importer's own tooling tree first (see :func:`_own_tooling`)
        best = [f for f in dict.fromkeys(usable) if _advice_rank(f) == _advice_rank(usable[0])]
        if len(best) == 1:
            return f"; it is defined in {best[0].module}: import it from there"
        near = _nearest(best, absolute, importer) if not _unlike_functions(best, name) else None
        if near is not None:
            return f"; it is defined in {near.module}, the nearest of {len(best)} modules that define it: import it from there"
        return _several(best)
    if not others:
        return None
    first = others[0]
    if all(is_test_case_file(f.path) for f in others):
        return f"; the only other definition is a test module's own ({first.path}), not one to import"
    if not importable(first.module):  # type: ignore[arg-type]
        return f"; it is defined only in {first.path}, which no import statement can name"
    if is_backup(first.path):
        return f"; it is defined only in a backup copy ({first.path}), which no code should import"
    if first.is_test and importer.is_test and product:
        return f"; it is defined only in test code ({first.path}), not in the production code the import names"
    kind = "test code" if first.is_test else "developer tooling"
    return f"; it is defined only in {kind} ({first.path}), which production code should not import"


def _unlike_functions(definitions: list[SourceFile], name: str) -> bool:
    """Whether ``name`` is a function in some of ``definitions`` whose parameters differ
    between them (diffusers' ``prepare_mask_and_masked_image(image, mask, latents_shape)``
    beside ``(image, mask, height, width)``): namesakes, not one function in several
    places, so the nearest is not known to be the one an import meant."""
    shapes = {dict(f.summary.function_signatures).get(name) for f in definitions if name in f.summary.functions}
    return len(shapes) > 1


def _nearest(definitions: list[SourceFile], absolute: str, importer: SourceFile) -> SourceFile | None:
    """The one definition nearer than any other: one in the importer's own folder first (a
    package's ``__init__`` importing ``validate_schema`` from a wrong module means its own
    ``utils``, not another service's namesake that happens to sit nearer the wrong module);
    then the one nearest the module the import names (where the name was expected: it moved
    within that package); then the one nearest the importer (a transport's
    ``ProtocolError`` from ``transports/base.py`` next to it, not the client's). None on a tie."""
    named = absolute.split(".")
    here = importer.path.split("/")[:-1]

    def rank(f: SourceFile) -> tuple[bool, int, int]:
        folder = f.path.split("/")[:-1]
        return folder == here, len(commonprefix([(f.module or "").split(".")[:-1], named])), len(commonprefix([folder, here]))

    ranked = sorted(((rank(f), i) for i, f in enumerate(definitions)), reverse=True)
    if ranked[0][0] > ranked[1][0]:
        return definitions[ranked[0][1]]
    return None


def _dunder(name: str) -> bool:
    return len(name) > 4 and name.startswith("__") and name.endswith("__")


def _same_kind(candidate: str, name: str) -> bool:
    """Whether the two names are spelt as the same kind of thing by Python's naming
    conventions: a class (``CapWords``, a capital first letter) or not (a function, module
    or variable: lower case). An import of ``task_runner`` means a function; a
    ``TaskRunner`` class is used differently (instantiated, subclassed), so offering it
    would be advice of the wrong kind."""
    return candidate.lstrip("_")[:1].isupper() == name.lstrip("_")[:1].isupper()


def _adds_word_in_front(name: str, candidate: str) -> bool:
    """Whether the missing name is the candidate with a word in front, at a word boundary
    (``remove_future_import`` for ``future_import``, ``AsyncClient`` for ``Client``): the
    word says what is done to it, or which kind of it, so the candidate is another thing
    (python-future's ``future_import`` adds the import ``remove_future_import`` removed).
    ``sclient`` for ``client`` is a misspelling, not a word in front. A numbered variant
    (``future_import2``) is the same name."""
    bare = candidate.lstrip("_").rstrip("0123456789")
    if not bare or len(name) <= len(bare) or not name.endswith(bare):
        return False
    front = name[: -len(bare)].strip("_")
    return bool(front) and (name[: -len(bare)].endswith("_") or bare[:1].isupper())




def _other_first_word(name: str, candidate: str) -> bool:
    """Whether the two names differ only in their first word, of two or more
    (``check_future_import`` for ``remove_future_import``, ``set_user`` for ``get_user``,
    ``SyncClient`` for ``AsyncClient``): the same object, another operation or kind."""
    words, others = NAME_WORDS.findall(name), NAME_WORDS.findall(candidate)
    return len(words) > 1 and len(others) > 1 and words[1:] == others[1:] and words[0] != others[0]


def _other_words(name: str, candidate: str) -> bool:
    """Whether the two names are made of other words, not the same words spelt apart: a
    misspelling keeps the words and their order, each one alike (``Client_eror`` for
    ``Client_error``, ``shared_tsk`` for ``shared_task``), and ``getuser`` for ``get_user``
    only moves a separator. Names that merely share a last word (``MitmproxyException``,
    the base of every exception, for a removed ``HttpSyntaxException``; ``DetectorConfig``
    for ``DetectorTypeEnum``) or whose words differ (``get_scores`` for ``score_keys``)
    name other things."""
    words = [w.lower() for w in NAME_WORDS.findall(name)]
    others = [w.lower() for w in NAME_WORDS.findall(candidate)]
    if "".join(words) == "".join(others):
        return False
    if len(words) != len(others):
        return True
    return any(a != b and difflib.SequenceMatcher(None, a, b).ratio() < 0.7 for a, b in zip(words, others))


# Words that name opposite operations or ends: a name made of one of a pair, where the
# other has its partner, is the other half of the pair, never a misspelling of it.
_OPPOSITES = {
    frozenset(pair) for pair in (
        ("encode", "decode"), ("get", "set"), ("read", "write"), ("load", "dump"), ("load", "save"),
        ("add", "remove"), ("open", "close"), ("start", "stop"), ("push", "pop"), ("enable", "disable"),
        ("show", "hide"), ("lock", "unlock"), ("pack", "unpack"), ("encrypt", "decrypt"),
        ("compress", "decompress"), ("serialize", "deserialize"), ("import", "export"),
        ("upload", "download"), ("input", "output"), ("begin", "end"), ("min", "max"),
        ("insert", "delete"), ("attach", "detach"), ("connect", "disconnect"), ("subscribe", "unsubscribe"),
        ("register", "unregister"), ("install", "uninstall"), ("mount", "unmount"), ("wrap", "unwrap"),
        ("to", "from"), ("before", "after"), ("first", "last"), ("inc", "dec"), ("increment", "decrement"),
        ("send", "receive"), ("send", "recv"), ("request", "response"), ("src", "dst"), ("source", "target"),
    )
}


def _opposite_words(name: str, candidate: str) -> bool:
    """Whether the two names differ in a word that names the opposite operation
    (``rle_encode_frame`` for a private ``_rle_decode_frame``, ``set_user`` for
    ``get_user``, ``read_config`` for ``write_config``): the candidate does the reverse, so
    offering it would send the reader to the wrong function."""
    words = {w.lower() for w in NAME_WORDS.findall(name)}
    others = {w.lower() for w in NAME_WORDS.findall(candidate)}
    return any(frozenset((a, b)) in _OPPOSITES for a in words - others for b in others - words)


def _candidates(name: str, provided: Collection[str]) -> list[str]:
    """The names a "did you mean" may offer for ``name``: not a module's dunder attributes
    (``__package__`` for a missing ``package``), which nobody imports by mistake for a
    plain name."""
    return sorted(n for n in provided if _dunder(name) or not _dunder(n))


def _several(definitions: list[SourceFile]) -> str:
    """A name defined in several modules alike (``foo``, ``Config``, ``bar``): which one the
    import meant is not known, so the hint names them and advises none."""
    shown = ", ".join(f.module for f in definitions[:3])  # type: ignore[misc]
    more = f" and {len(definitions) - 3} more" if len(definitions) > 3 else ""
    return f"; it is defined in {len(definitions)} modules ({shown}{more}), none of them certainly the one meant"


def _near(absolute: str, is_package: bool, importer: SourceFile, target: str) -> bool:
    """``target`` lies in the package ``absolute`` is in; or, for a top-level package or the
    importer's own (``from manticore import Manticore``, ``from . import Image``), in that
    package itself."""
    own = (importer.package or "") == absolute or (importer.package or "").startswith(absolute + ".")
    package = absolute if is_package and (own or "." not in absolute) else absolute.rpartition(".")[0]
    return bool(package) and target.startswith(package + ".")


def _moved_to(gone: str, module: str) -> bool:
    """A module that is gone is known to have moved to ``module`` only when the last parts
    of their names agree (``app.utils.fonts`` -> ``app.fonts.fonts``); a namesake in a
    module of another name may be another thing (cellpose's ``segformer.Transformer`` and
    ``vit_sam.Transformer``)."""
    return gone.rpartition(".")[2] == module.rpartition(".")[2]


def _found_in(places: list[tuple[str, str]], gone: str | None = None) -> str:
    """``; Real is defined in app.real: import it from there``, for each module the names
    of a from-import of a missing module are defined in (the fix's retargeting). ``gone``:
    the missing module, when it is gone as a whole; a module of another last part is not
    known to be where it moved (exabgp's ``conf.yang.tree.Tree``, a parse tree, beside
    ``lab.conf.yang.parser.Tree``, a parser), so the advice says to check first."""
    by_module: dict[str, list[str]] = {}
    for name, module in places:
        by_module.setdefault(module, []).append(name)
    parts = [
        f"{' and '.join(names) if len(names) <= 2 else ', '.join(names[:-1]) + ' and ' + names[-1]} "
        f"{'is' if len(names) == 1 else 'are'} defined in {module}"
        for module, names in by_module.items()
    ]
    it = "it" if len(places) == 1 else "them"
    if gone is not None and not all(_moved_to(gone, module) for module in by_module):
        same = "it is the same thing" if len(places) == 1 else "they are the same things"
        return "; " + "; ".join(parts) + f", a module of another name: check that {same} before importing {it} from there"
    return "; " + "; ".join(parts) + f": import {it} from there"


def _missing_module(
    project: Project, module: str, exists: Callable[[str], bool] | None = None, folder_of: Callable[[str], str | None] | None = None,
) -> str:
    """What is missing of ``module``; ``exists``: whether a module exists where the import
    runs, when not the model's (an importer's own root, see :class:`_Namesakes`), and
    ``folder_of``: the folder of a package there, named when the model knows another
    package of that name (``package common (tests2/common/)``, not the top's ``common/``)."""
    parts = module.split(".")
    for i in range(len(parts) - 1, 0, -1):
        parent = ".".join(parts[:i])
        if exists(parent) if exists is not None else project.module_exists(parent):
            if exists is None and parent in project.modules and parent not in project.packages:
                return f"{parent} is a module, not a package; it has no submodule {parts[i]!r}"
            folder = folder_of(parent) if folder_of is not None else None
            if folder is not None:
                return f"package {parent} ({folder}/) has no module {parts[i]!r}"
            return f"package {parent} has no module {parts[i]!r}"
    return f"no first-party module named {module!r}"


def _missing_below(project: Project, f: SourceFile, rec: ImportRecord) -> str | None:
    """What a relative import lacks, said from the folder it starts in, for a package the
    model names by no import's name (``from .pcie import PcieBase`` in sonic's
    ``platform/broadcom/sonic-platform-modules-ragile/ra-b6510-32c/sonic_pcie/pcie_common.py``:
    ``package sonic_pcie (.../sonic_pcie/) has no module 'pcie'``, not something of the
    folders above it, which no import goes through). None when nothing is missing there."""
    folder = f.path.rpartition("/")[0]
    for _ in range(rec.level - 1):
        folder = folder.rpartition("/")[0]
    tree = _script_folders(project)  # the tree's files by path, and every folder holding one
    for part in (rec.module or "").split("."):
        below = f"{folder}/{part}" if folder else part
        if f"{below}.py" not in tree.files and below not in tree.folders:
            name = folder.rpartition("/")[2]
            return f"package {name} ({folder}/) has no module {part!r}" if folder else f"the repository's top has no module {part!r}"
        folder = below
    return None


def _has_getattr(f: SourceFile) -> bool:
    """A module-level ``__getattr__`` (PEP 562), defined or assigned (``__getattr__ =
    lazy.attach(...)``)."""
    return f.summary.has_getattr or "__getattr__" in f.summary.assigned


def _in_excluded_folder(project: Project, module: str) -> bool:
    """The first missing part of ``module`` would sit in a folder or file the configuration
    excludes from analysis (``exclude`` matches any folder named ``build`` or ``dist``, and
    ``pip/_internal/operations/build/`` is a package): ssotlint did not look there, so it
    cannot say that the module is missing. Each missing part is looked at in turn, since
    folders without an ``__init__.py`` may lie between (onyx's
    ``onyx/background/celery/tasks/build/``, under namespace packages)."""
    parent = project.nearest_module(module)
    if parent is None:
        folder, rest = "", module
    elif not parent.is_package or parent.module is None:
        return False
    else:
        folder, rest = parent.path.rpartition("/")[0], module[len(parent.module) + 1 :]
    excludes = tree_excludes(project)
    for part in rest.split("."):
        folder = f"{folder}/{part}" if folder else part
        if excludes.matches(folder) or excludes.matches(folder + ".py"):
            return True
    return False


def _subject(rec: ImportRecord, name: str | None) -> str:
    """What a broken import is about: the module as written, and the imported name.

    Neither the reason it fails (no such package, module or name) nor the statement's
    other names or aliases: a commit that adds the missing module but not the name turns
    "package has no module" into "module has no name", and that is the same finding."""
    module = "." * rec.level + rec.module
    return module if name is None else f"{module}:{name}"


def _subjects(path: str, rec: ImportRecord) -> tuple[str, tuple[tuple[str, str], ...]]:
    """The subjects of a statement that fails as a whole: one per imported name."""
    if not rec.is_from:
        return _subject(rec, None), ()
    keys = [_subject(rec, name) for name, _ in rec.names]
    return keys[0], tuple((path, k) for k in keys[1:])


def check(project: Project) -> Iterator[Violation]:
    return check_files(project, project.files)


class _Excused:
    """Imports that fail by the model's module names but resolve where the code really
    runs, in two shapes read from the whole tree (so :func:`_excused_key` makes a history
    check every file again when they change):

    - *installed under another name*: the packaging maps a package to a folder of another
      name (``package_dir = {"supybot": "src"}``, see :func:`ssotlint.packaging.package_dirs`),
      so ``from . import conf`` in ``src/ircmsgs.py`` is ``supybot.conf``, ``src/conf.py``;
      a relative import there that resolves by the installed names is not broken (one that
      does not is judged as before);
    - *a drop-in copied into the package*: a file outside the package tree it imports
      (``samples/``, ``contrib/``) imports ``pkg.a.b.x`` where ``pkg.a`` is a package and
      the missing rest (``b/x.py``) lies in a folder above the importer
      (``samples/mgmt_driver/ansible/x.py`` for ``tacker.vnfm.mgmt_drivers.ansible.x``; the
      docs say to copy the folder there). Each such import places a folder at a package
      (``samples/mgmt_driver`` at ``tacker.vnfm.mgmt_drivers``); a placement is believed
      when more imports make it than any placement that contradicts it (puts the same
      folder elsewhere; on a tie the outer folder wins), so a drop-in's own stale import of a module the package lost
      (``from tacker.vnfm import utils`` beside ``utils.py``, while its siblings place the
      folder at ``tacker.vnfm.mgmt_drivers.ansible``) stays reported. A file inside the
      package's own tree is never a drop-in: a module that moved away from it is broken."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.paths = {f.path for f in project.files}
        self.files = files_by_path(project)
        self.pairs: set[tuple[str, int, str]] = set()  # (importer path, line, module) excused
        # Relative imports in a folder installed under another name that fail by those
        # names: (path, line, module) -> (the installed module, its missing names or [""]).
        self.installed_broken: dict[tuple[str, int, str], tuple[str, list[str], str]] = {}
        self._folders: set[str] | None = None  # folders holding analysed files, when asked
        self._depths: dict[tuple[str, str], int] = {}  # a sub-folder's placement -> its folder's depth
        self._remapped(project)
        self._drop_ins(project)

    # -- installed under another name ------------------------------------------------------
    def _remapped(self, project: Project) -> None:
        dirs = installed_dirs(project)
        if dirs is None:
            return
        files = self.files
        for f in project.files:
            if f.summary.imports:
                self._installed_absolute(project, dirs, files, f)
            placed = dirs.module_of(f.path) if f.summary.imports else None
            if placed is None:
                continue
            module, is_package = placed
            package = module if is_package else module.rpartition(".")[0]
            for rec in f.summary.imports:
                target = _relative(package, rec)
                if target is None:
                    continue
                key = (f.path, rec.line, "." * rec.level + rec.module)
                missing = self._unresolved(dirs, files, target, rec)
                if missing:
                    self.installed_broken[key] = (target, missing, _installed_from(dirs, files, target, missing))
                else:
                    self.pairs.add(key)

    def _installed_absolute(self, project: Project, dirs: PackageDirs, files: dict[str, SourceFile], f: SourceFile) -> None:
        """``f``'s absolute imports of a package the table installs from a folder of another
        name, which the model's names do not know: detectron2's ``package_dir`` installs
        ``projects/PointRend/point_rend/`` as ``detectron2.projects.point_rend``, inside its
        own ``detectron2.projects`` package, so ``from detectron2.projects.point_rend import
        X`` and ``from detectron2.projects import point_rend`` resolve once installed. Judged
        by the installed names, as the relative imports are; an import the model resolves is
        left to it."""
        by_package = dirs.by_package
        for rec in f.summary.imports:
            if rec.level or not rec.module:
                continue
            target = rec.module
            key = (f.path, rec.line, target)
            if project.module_exists(target):
                names = [name for name, _ in rec.names] if rec.is_from else []
                if names and "*" not in names and all(
                    f"{target}.{name}" in by_package and not project.module_exists(f"{target}.{name}") for name in names
                ):
                    self.pairs.add(key)  # every name is a package installed from its folder
                continue
            if not dirs.candidates(target):
                continue
            missing = self._unresolved(dirs, files, target, rec)
            if missing:
                self.installed_broken[key] = (target, missing, _installed_from(dirs, files, target, missing))
            else:
                self.pairs.add(key)

    def _unresolved(self, dirs: PackageDirs, files: dict[str, SourceFile], target: str, rec: ImportRecord) -> list[str]:
        """What the import lacks by the installed names: ``[""]`` when the module is
        missing, else the names it does not provide (none: it resolves)."""
        found = self._installed(dirs, files, target)
        if found is None and self._opaque(dirs, f"{target}"):
            found = True  # written by the build (git-ignored `src/version.py`): exists, contents unknown
        if found is None:
            return [""]
        if not rec.is_from:
            return []
        provided = None if found is True else self._names(found)
        return [
            name for name, _ in rec.names
            if name != "*" and self._installed(dirs, files, f"{target}.{name}") is None
            and not self._opaque(dirs, f"{target}.{name}") and provided is not None and name not in provided
        ]

    def _names(self, f: SourceFile) -> frozenset[str] | None:
        """What the module built from ``f`` provides; None when that may be any name."""
        project = self.project
        if f.module is not None and project.modules.get(f.module) is f:
            provided = project.provided(f.module)
            return None if provided.open else provided.names
        if _open_names(f):
            return None
        names, _ = Project._local_names(f)
        # A file the model names no module (``Panoptic-DeepLab/panoptic_deeplab/__init__.py``)
        # cannot place its relative imports; what they bind is bound all the same.
        for rec, absolute in zip(f.summary.imports, f.absolutes):
            if absolute is None and rec.level and rec.is_from and not rec.context & (CTX_FUNCTION | CTX_TYPE_CHECKING):
                if any(name == "*" for name, _ in rec.names):
                    return None
                names.update(asname or name for name, asname in rec.names)
        return frozenset(names) | MODULE_ATTRIBUTES

    def _opaque(self, dirs: PackageDirs, module: str) -> bool:
        """Whether the file ``module`` is installed from is a module that exists without
        being analysed (generated, compiled, a stub), by the name the model gives it."""
        project = self.project
        excludes = tree_excludes(project)
        for path in dirs.candidates(module):
            parts = path.split("/")
            if any(excludes.matches("/".join(parts[:i])) for i in range(1, len(parts))) or excludes.matches(path):
                return True  # in a folder ssotlint does not read (panda3d's `direct/src/dist/`)
            name = module_name(path, project.source_roots)[0]
            if name is not None and (name in project.opaque_modules or project.in_opaque_tree(name)):
                return True
        return False

    def _installed(self, dirs: PackageDirs, files: dict[str, SourceFile], module: str) -> SourceFile | bool | None:
        """The file ``module`` is installed from, True for a mapped package without one or
        a namespace package (a folder of the mapped tree holding Python files and no
        ``__init__.py``: an Ansible collection's ``plugins/module_utils/``), None when it
        does not exist."""
        candidates = dirs.candidates(module)
        for path in candidates:
            if path in files:
                return files[path]
        if module in dirs.by_package:
            return True
        if candidates and candidates[-1].endswith("/__init__.py"):
            if self._folders is None:
                self._folders = {p.rsplit("/", i)[0] for p in files for i in range(1, p.count("/") + 1)}
            if candidates[-1][: -len("/__init__.py")] in self._folders:
                return True
        return None

    # -- drop-ins ----------------------------------------------------------------------------
    def _drop_ins(self, project: Project) -> None:
        # A folder inside a source root of its own (a nested distribution: deluge's
        # `plugins/Blocklist/` beside its `setup.py`) holds an installed package, never a
        # drop-in: its import of a module its host lacks is broken.
        installed = tuple(r + "/" for r in project.source_roots if r)
        # Asked once per file, not per import: a history asks at every commit.
        shipped = {f.path for f in project.files if _shipped_to_copy(f.path) and not (installed and f.path.startswith(installed))}
        if not shipped:
            return
        votes: dict[tuple[str, str], int] = defaultdict(int)
        made: list[tuple[list[tuple[str, str]], tuple[str, int, str], tuple[tuple[str, str | None], ...]]] = []
        for f, rec, absolute in project.first_party_imports:
            if f.path not in shipped:
                continue
            if absolute is None or (f.module is not None and f.module.partition(".")[0] == absolute.partition(".")[0]):
                continue
            for missing in self._missing(rec, absolute):
                placements = self._placements(f, missing)
                for placement in placements:
                    votes[placement] += 1
                if placements:
                    asked = rec.names if rec.is_from and missing == absolute else ()
                    made.append((placements, (f.path, rec.line, missing), asked))
        # More votes win; on a tie, the outer folder (its own name then names a package
        # part too: ``samples/driver`` at ``app.drivers`` holds ``ansible/`` for
        # ``app.drivers.ansible``, rather than ``ansible.py`` inside it).
        weight = {p: (n, -self._depths.get(p, p[0].count("/"))) for p, n in votes.items()}
        believed = {p for p in votes if all(weight[p] > weight[q] for q in votes if q != p and _contradict(p, q))}
        for placements, pair, asked in made:
            good = [p for p in placements if p in believed]
            if good and self._provides(good[0], pair[2], asked):
                self.pairs.add(pair)

    def _provides(self, placement: tuple[str, str], missing: str, asked: tuple[tuple[str, str | None], ...]) -> bool:
        """Whether the drop-in's module that ``missing`` names, copied in by ``placement``,
        has the names a ``from missing import ...`` asks of it (``asked``): its submodules
        in the folder, or names its file binds."""
        if not asked:
            return True
        folder, package = placement
        rest = missing[len(package) + 1 :].replace(".", "/")
        base = f"{folder}/{rest}" if rest else folder
        f = self.files.get(f"{base}/__init__.py") or self.files.get(f"{base}.py")
        names = self._names(f) if f is not None else frozenset()
        return all(
            name == "*" or names is None or name in names
            or f"{base}/{name}.py" in self.paths or f"{base}/{name}/__init__.py" in self.paths
            for name, _ in asked
        )

    def _missing(self, rec: ImportRecord, absolute: str) -> list[str]:
        """The modules the import names that do not exist: the module, or the names of a
        ``from package import`` that are neither its submodules nor names it defines."""
        project = self.project
        if not project.module_exists(absolute):
            return [absolute]
        if not rec.is_from or absolute not in project.packages:
            return []
        defined = project.defined_names(absolute) if absolute in project.modules else frozenset()
        return [f"{absolute}.{n}" for n, _ in rec.names if n != "*" and n not in defined and not project.has_submodule(absolute, n)]

    def _placements(self, f: SourceFile, missing: str) -> list[tuple[str, str]]:
        """``(folder, package)`` for each folder above ``f`` that holds the missing rest of
        ``missing`` below its nearest existing package: where copying that folder's content
        into the package makes the import resolve (a rest ``ansible.x`` may lie in the
        importer's own folder, as ``ansible.py`` beside ``x.py``, and in the folder above,
        as ``ansible/x.py``: the votes of all the drop-in's imports settle which is meant)."""
        project = self.project
        parts = missing.split(".")
        for i in range(len(parts) - 1, 0, -1):
            package = ".".join(parts[:i])
            if not project.module_exists(package):
                continue
            if package not in project.packages:
                return []  # a module, not a package: nothing can be copied into it
            rest = "/".join(parts[i:])
            found = []
            here = folder = f.path.rpartition("/")[0]
            while folder:
                # The importer is part of what is copied in: the folder the rest starts with
                # (`ansible/` of `ansible/x.py`), or, for a plain module (`wrapper.py`), the
                # folder's own files beside it. An archive's `examples/` importing a module the
                # package lost that now lies in the archive above it is a broken import of a
                # module that moved, not a drop-in. Nor is the importer itself the rest
                # (`from deluge.ui.gtkui import dialogs` in a plugin's own `gtkui.py`).
                unit = f"{folder}/{parts[i]}"
                module = f"{folder}/{rest}.py"
                if f"{folder}/{rest}/__init__.py" in self.paths or (module in self.paths and module != f.path):
                    if f"{unit}.py" in self.paths and len(parts) - i == 1:
                        if here == folder:
                            found.append((folder, package))
                    elif f.path.startswith(unit + "/"):
                        # The folder the rest starts with is what is copied in, to its own
                        # place: two samples of one folder may go into two packages
                        # (openWB's `docs/samples/sample_modbus/` into `modules.devices`,
                        # `docs/samples/sample_vehicle/` into `modules.vehicles`).
                        placement = (unit, f"{package}.{parts[i]}")
                        self._depths[placement] = folder.count("/")  # on a tie, the outer folder wins
                        found.append(placement)
                folder = folder.rpartition("/")[0]
            return found
        return []


# Folders that ship code for users to copy into place (samples, examples, demos, contributed
# extras). Drop-ins live there; an archive of modules the package lost
# (``archive/nonparametric/testdata.py`` for ``statsmodels.sandbox.nonparametric.testdata``)
# does not, and its imports of them are broken.
_SHIPPED_FOLDERS = SAMPLE_FOLDERS | {"contrib", "extras", "extra"}


# A module name's part that names test code: ``tests``, ``test``, ``testing``, ``e2e_test``,
# ``test_utils``, ``distributed_testing_utils``, ``conftest``.
_TEST_PART = re.compile(r"(?:^|_)(?:tests?|testing)(?:$|_)|^conftest$")


def _test_module(module: str) -> bool:
    """The module is test code by its dotted name (a part of it names tests)."""
    return any(_TEST_PART.search(part) for part in module.split("."))


def _left_out_of_sdist(f: SourceFile, module: str, packages: Collection[str]) -> bool:
    """In an unpacked sdist, an import the sdist's choice of files broke, not the project:
    a file no wheel installs (test code, developer tooling or documentation, a loose script
    at the top: ``runtests.py``) imports a module of that kind that is not there (a test
    helper, ``doc/_ext/ui_reference.py``). An sdist ships some of those folders' files and
    not others (panel's sdist takes ``scripts/`` and parts of ``doc/``, peewee's ships
    ``runtests.py`` and part of ``tests/``); its packages are shipped whole, and their
    broken imports are reported, a package's ``benchmark`` subpackage's too (shap's).
    ``packages``: the project's top-level packages (module names)."""
    top = (f.module or "").partition(".")[0]
    shipped = "." in (f.module or "") and top in packages  # a module of a top-level package
    loose = f.is_test or (not shipped and (is_tooling(f.path) or "/" not in f.path))
    return loose and (_test_module(module) or is_tooling(module.replace(".", "/") + ".py"))


def _shipped_to_copy(path: str) -> bool:
    return any(part.lower() in _SHIPPED_FOLDERS for part in path.split("/")[:-1])


def _relative(package: str, rec: ImportRecord) -> str | None:
    """The module a relative import names from ``package``; None for an absolute import
    (judged by the model's names) or one that climbs above the top."""
    if not rec.level:
        return None
    parts = package.split(".") if package else []
    if rec.level - 1 >= len(parts):
        return None
    base = ".".join(parts[: len(parts) - (rec.level - 1)])
    return f"{base}.{rec.module}" if rec.module else base


def _contradict(p: tuple[str, str], q: tuple[str, str]) -> bool:
    """Whether two placements put one folder at two packages (one folder holds the other,
    or they are the same, and the package the outer one implies for the inner differs)."""
    (outer, at), (inner, other) = (p, q) if len(p[0]) <= len(q[0]) else (q, p)
    if inner != outer and not inner.startswith(outer + "/"):
        return False
    rest = inner[len(outer) + 1 :].replace("/", ".") if inner != outer else ""
    return (f"{at}.{rest}" if rest else at) != other


def _excused_key(project: Project) -> tuple[frozenset, ...]:
    """What :class:`_Excused` excuses or judges by installed names, the modules the
    project's code writes, what scripts' own folders answer (:class:`_ScriptFolders`), the
    modules a decorator fills (``Project.decorator_filled``), and the ``.gitignore`` patterns
    of modules a build writes (``Project.written_patterns``):
    a history checks every file again when they change."""
    excused = project.shared(_Excused, partial(_Excused, project))  # built once for this and check_files
    return (
        frozenset(excused.pairs), frozenset(excused.installed_broken), written_modules(project),
        _script_folders(project).key(), read_as_text(project), _front_folders(project).key(),
        converter_inputs(project), project.decorator_filled, project.argument_filled, unused_namespaces(project),
        foreign_namesakes(project), namespaces_of_tests(project),
        shallower_names(project), project.runs_on_python2,  # whether ``if six.PY2:`` imports run
        project.module_name_writers,  # the registries that set derived classes on modules
        frozenset((path, rec.line) for path, pairs in implicit_relative_imports(project).items() for rec, _ in pairs),
        shadowed_modules(project), build_filled(project), project.written_patterns,
    )


def unused_namespaces(project: Project) -> frozenset[str]:
    """Top-level namespace packages (a folder without ``__init__.py``) that hold no module
    of their own, only folders, and through which no absolute import of the project
    reaches a module: a folder of the repository that only groups things
    (micropython-lib's ``micropython/``, whose packages install as top-level modules). ``from micropython import const`` cannot mean such a folder, which binds no
    names; a regular module of that name anywhere on the path (the runtime's built-in
    ``micropython``) wins over a namespace portion, so the import is of that module, when
    the project has no module of that name of its own.
    A folder the project does import through (``from app.models import User`` beside
    ``from app import create_app``, an ``app/__init__.py`` deleted) is judged as before."""
    modules, children = project.modules, project.submodules
    # Only a folder holding no module of its own (subfolders alone): ``tests/`` with its test
    # files is a package of them, and ``from tests import config`` asks for a missing one.
    tops = {
        p for p in project.packages
        if "." not in p and p not in modules and p not in project.opaque_modules and not children.get(p)
    }
    if not tops:
        return frozenset()
    tops -= {m.partition(".")[0] for m in project.absolutely_named if "." in m}
    if tops:
        # A module of that name the project has elsewhere (``app/data/analyzer/windows/
        # analyzer.py``, put on ``sys.path`` by a conftest) is the one meant: judged as before.
        tops -= {m.rpartition(".")[2] for m in modules}
    return frozenset(tops)


def published_namesake(project: Project, f: SourceFile, absolute: str) -> bool:
    """``absolute`` lies in a first-party top-level package whose name a published
    distribution the file's folder installs also takes (``Config.folder_installs``: its
    requirements list, or its README says to ``pip install``, ``<top>-<more>``: airweave's
    ``examples/`` and the ``airweave-sdk`` client, imported as ``airweave``, beside the
    server's ``backend/airweave``), and the file's deployment unit cannot import the
    first-party one (it does not need the unit holding it): there, the name is that
    distribution's. A file the package's own unit holds, or one of a unit that needs it,
    is judged as before."""
    found = _published_namesakes(project).get(absolute.partition(".")[0])
    if found is None:
        return False
    folders, holder = found
    if not any(not folder or f.path.startswith(folder + "/") for folder in folders):
        return False
    return not Units.of_model(project).can_import(f.path, holder)


def _published_namesakes(project: Project) -> dict[str, tuple[tuple[str, ...], str]]:
    """For each first-party top-level name, the folders that install a distribution not
    built here whose name is that name and more words (``airweave_sdk``), and the path of
    a file of the first-party package. Once per model."""
    def build() -> dict[str, tuple[tuple[str, ...], str]]:
        config = project.config
        tops = {dependency_name(t): t for t in project.top_level}
        found: dict[str, list[str]] = defaultdict(list)
        for folder, distribution in config.folder_installs:
            if distribution in config.built_distributions:
                continue
            parts = distribution.split("_")
            for i in range(1, len(parts)):
                top = tops.get("_".join(parts[:i]))
                if top is not None:
                    found[top].append(folder)
        holders: dict[str, str] = {}
        for module, g in project.modules.items():
            top = module.partition(".")[0]
            if top in found and (top not in holders or module == top):
                holders[top] = g.path
        return {top: (tuple(folders), holders[top]) for top, folders in found.items() if top in holders}
    return project.shared(_published_namesakes, build)


def foreign_namesakes(project: Project) -> frozenset[str]:
    """:func:`_foreign_namesakes`, worked out once per model."""
    return project.shared(_foreign_namesakes, partial(_foreign_namesakes, project))


def namespaces_of_tests(project: Project) -> frozenset[str]:
    """Top-level namespace packages (a folder without ``__init__.py``) that hold test files
    only: a test folder that the test configuration puts on ``sys.path`` (pytest's
    ``pythonpath = ["tests"]`` makes siliconcompiler's ``tests/schema/`` the top-level
    ``schema``). Only the test runner has that folder on its path, so a production module's
    import of the name never means it: it means another module of that name (the ``schema``
    distribution, or the package a host program's own ``sys.path`` entry holds:
    siliconcompiler's KLayout scripts append the package folder KLayout is given and
    import ``schema.safeschema`` from there). Test code's imports of it are judged as
    before."""
    return project.shared(_namespaces_of_tests, partial(_namespaces_of_tests, project))


def _namespaces_of_tests(project: Project) -> frozenset[str]:
    modules = project.modules
    tops = {p for p in project.packages if "." not in p and p not in modules and p not in project.opaque_modules}
    if not tops:
        return frozenset()
    # Not one at the top of a source root that is no test folder (``tests/`` beside the
    # code, which the program run from the repository's top has on its path too).
    kept: set[str] = set()
    for f in project.files:
        if f.module is None:
            continue
        top = f.module.partition(".")[0]
        if top not in tops:
            continue
        parts = f.path.split("/")
        depth = f.module.count(".") + 1 + (parts[-1] == "__init__.py")
        if f.is_test and not _TEST_ROOT_NAMES.isdisjoint(parts[:-depth]):
            continue  # a test file below a test folder the test configuration made a root
        kept.add(top)
    return frozenset(tops - kept)


_TEST_ROOT_NAMES = frozenset({"tests", "test", "testing"})


def _foreign_namesakes(project: Project) -> frozenset[str]:
    """Top-level namespace packages (a folder without ``__init__.py``) that the absolute
    imports naming them do not mean: every such import comes from a file inside the folder,
    names a module the folder does not have (two at least), and none resolves. The
    folder holds files another distribution of that name runs, which import that
    distribution's modules (kitty's ``bypy/``, its recipes for the ``bypy`` build tool:
    ``bypy/linux/__main__.py`` imports ``bypy.constants``, ``bypy.freeze`` and
    ``bypy.utils``, which the tool provides), or that reads names off a plain ``import`` of
    it (osc's ``behave/features/steps/``: ``import behave``, ``@behave.step(...)``). A folder
    whose own files import one module of it that exists, or that any file outside it
    imports through, is judged as before. So is a namespace folder named like a distribution
    the project declares (a dependency, an extra, a unit's requirement), when no import of
    that name reaches a module the folder holds: the installed library is what they mean."""
    modules = project.modules
    tops = {p for p in project.packages if "." not in p and p not in modules and p not in project.opaque_modules}
    if not tops:
        return frozenset()
    missing: dict[str, set[str]] = {}
    spoiled: set[str] = set()
    named: set[str] = set()  # tops some import names
    reached: set[str] = set()  # tops through which some import reaches a module or package
    for f, rec, absolute in project.first_party_imports:
        if absolute is None:
            continue
        top = absolute.partition(".")[0]
        if top not in tops:
            continue
        names = [absolute] + ([f"{absolute}.{n}" for n, _ in rec.names] if rec.is_from else [])
        resolves = any(n in modules or n in project.packages for n in names if n != top)
        named.add(top)
        if resolves:
            reached.add(top)
        if top in spoiled:
            continue
        inside = f.path.startswith(top + "/")
        if inside and absolute == top and not rec.is_from and not rec.asname:
            # `import behave` in the folder's own steps, then `@behave.step(...)`: what it
            # reads off the name, the folder (no `__init__.py`, binding nothing) would have
            # to hold as modules (osc's `behave/features/`, the steps of the `behave` tool).
            read = {p.split(".")[1] for p, _ in f.summary.dotted_reads if p.startswith(top + ".")}
            if any(f"{top}.{child}" in modules or f"{top}.{child}" in project.packages for child in read):
                spoiled.add(top)
            else:
                missing.setdefault(top, set()).update(f"{top}.{child}" for child in read)
            continue
        if not inside or resolves or (absolute == top and not rec.is_from):
            spoiled.add(top)
            continue
        # `from bypy import constants` names the submodule `constants`, which the folder
        # (binding no names: it has no `__init__.py`) would have to hold; `from
        # ansible.module_utils.basic import X` names that module (copr's Ansible module in
        # its folder of playbooks, `ansible/library/copr.py`).
        # A module below a child the folder has (`examples/cython/` for `from ._gone` in
        # `examples/cython/demo/`) is the folder's own, missing: it names nothing foreign.
        subs = [f"{top}.{n}" for n, _ in rec.names] if absolute == top else [absolute]
        child = absolute.split(".")[1] if absolute != top else None
        if child is not None and (f"{top}.{child}" in project.packages or f"{top}.{child}" in modules):
            spoiled.add(top)
            continue
        missing.setdefault(top, set()).update(subs)
    found = {t for t, subs in missing.items() if t not in spoiled and len(subs) >= 2}
    # A distribution the project declares, installed as a regular package, wins over a
    # namespace portion of its name wherever that lies on the path (livekit's
    # `examples/voice_agents/mcp/`, beside the `mcp` library the agents' `mcp` extra
    # installs): when no import through the folder reaches a module it holds, the imports mean the library.
    declared = project.config.every_requirement
    found.update(t for t in named - reached if dependency_name(t) in declared)
    return frozenset(found)


def shallower_names(project: Project) -> frozenset[str]:
    """The names the modules (and the folders above them) below a source root have when
    they are imported from a shallower root around it: geekcomputers' ``ML/pyproject.toml``
    maps ``""`` to ``src/python``, so the model names ``ML/src/python/neuralforge/config.py``
    ``neuralforge.config``, while the scripts in ``ML/``, run from there, import
    ``src.python.neuralforge.config`` (with ``ML/`` on ``sys.path`` the import finds it,
    through the namespace folders on the way). A history checks every file again when these
    names change (SSOT003's scope key)."""
    return project.shared(shallower_names, partial(_shallower_names, project))


def _shallower_names(project: Project) -> frozenset[str]:
    roots = project.source_roots
    found: set[str] = set()
    for f in project.files:
        module = f.module
        if module is None:
            continue
        inner = next((r for r in roots if r and f.path.startswith(r + "/")), None)
        if inner is None:
            continue
        for outer in roots:
            if outer == inner or (outer and not inner.startswith(outer + "/")):
                continue
            prefix = (inner[len(outer) + 1 :] if outer else inner).split("/")
            if not all(part.isidentifier() for part in prefix):
                continue
            parts = prefix + module.split(".")
            found.update(".".join(parts[:k]) for k in range(len(prefix) + 1, len(parts) + 1))
    return frozenset(found)


def _put_there_outside_git(project: Project, package: SourceFile, absolute: str) -> bool:
    """The module ``absolute``, below ``package``, lies where something outside the tree
    puts code: a file a ``.gitignore`` keeps out by a pattern in the package's folder (the
    top-level one's are ``Config.ignored_modules``: vyos-1x's ``pkg_cache/*_cache.py``, which
    its Makefile's ``generate_cache.py`` writes; a folder's own, ``Project.written_patterns``:
    sonic-buildimage's ``sonic_grpc/gnoi/*_pb2.py``), or a folder a README says to clone another
    repository into (``Config.cloned_folders``: flower's fedvssl baseline clones ``CtP``
    into ``fedvssl/CtP`` and imports ``fedvssl.CtP.pyvrl.apis``)."""
    config = project.config
    patterns = (*config.ignored_modules, *project.written_patterns)
    if not (patterns or config.cloned_folders) or not package.module:
        return False
    if not absolute.startswith(package.module + "."):
        return False
    rest = absolute[len(package.module) + 1 :].replace(".", "/")
    path = f"{package.path.rpartition('/')[0]}/{rest}"
    if "/" not in rest and any(fnmatchcase(f"{path}.py", pattern) for pattern in patterns):
        return True
    return any(path == folder or path.startswith(folder + "/") for folder in config.cloned_folders)


def written_modules(project: Project) -> frozenset[str]:
    """The modules the project's own code writes by a literal path (a generator step's
    ``open(CODE_DIR / "async_client_base.py", "w")``, the next step importing
    ``tools.generator.async_client_base``; ``setup.py`` writing ``pkg/version.py``): the
    literal read from the writer's folder, or from the repository's top. A clone lacks
    them until that code runs, so an import of one is not broken. Test code's writes (a
    test writing ``mod.py`` into a temporary folder) say nothing of the project's modules."""
    found: set[str] = set()
    roots = project.source_roots
    for f in project.files:
        if f.is_test:
            continue
        for literal in f.summary.written_files:
            folder = f.path.rpartition("/")[0]
            for path in {normpath(f"{folder}/{literal}") if folder else normpath(literal), normpath(literal)}:
                if path.startswith("../") or not path.endswith(".py"):
                    continue
                name = module_name(path, roots)[0]
                if name is not None:
                    found.add(name)
    return frozenset(found)


# How many of its own submodules, none in the tree, a package's ``__init__`` must import
# for the build to be what fills the package.
_CLAIMED_SUBMODULES = 2


def build_filled(project: Project) -> frozenset[str]:
    """Packages that hold nothing but their ``__init__.py`` (no module, package or compiled
    module of theirs is in the tree) whose ``__init__`` imports, at import time and
    unguarded, two or more submodules of its own: the package cannot be imported without
    them, so where it runs something put them there, a build step (TensorFlow Probability's
    ``substrates/jax/``, whose ``__init__`` imports ``bijectors``, ``distributions`` ...
    that Bazel's ``multi_substrate_py_library`` writes, rewritten from
    ``tensorflow_probability/python/``). Nothing is known below such a package. A package
    with modules of its own whose ``__init__`` imports a missing one is judged as usual."""
    return project.shared(build_filled, partial(_build_filled, project))


def _build_filled(project: Project) -> frozenset[str]:
    children = project.submodules
    opaque_parents = {m.rpartition(".")[0] for m in project.opaque_modules}
    found: set[str] = set()
    for package in project.packages:
        if children.get(package) or package in opaque_parents:
            continue
        init = project.modules.get(package)
        if init is None or not init.is_package:
            continue  # a folder without an ``__init__.py``: nothing claims its modules
        claimed: set[str] = set()
        for rec in init.summary.imports:
            if rec.context & (CTX_FUNCTION | CTX_GUARDED | CTX_TYPE_CHECKING):
                continue
            absolute = project.absolute(init, rec)
            if absolute == package:
                claimed.update(name for name, _ in rec.names)
            elif absolute is not None and absolute.startswith(package + "."):
                claimed.add(absolute[len(package) + 1 :].partition(".")[0])
        if len(claimed) >= _CLAIMED_SUBMODULES:
            found.add(package)
    return frozenset(found)


def _usage_list(name: str, then: str = "") -> dict[str, str]:
    """A vulture-style list of uses at ``name`` that imports a class nested in a function,
    followed by ``then``."""
    return {
        "app/__init__.py": "",
        "app/state.py": "def patches():\n    class State:\n        pass\n\n    return State\n",
        name: "from app.state import State\nfrom app import state\n\n# app/state.py\nState\nstate.patches\n_.unused_attr\n"
        + then,
    }


# What a dead-code checker's list of uses is called (``vulture_whitelist.py``, ``whitelist.py``).
_WHITELIST_WORDS = ("whitelist", "allowlist", "vulture")


def dead_code_whitelist(f: SourceFile) -> bool:
    """``f`` is a dead-code checker's list of uses: named for one (:data:`_WHITELIST_WORDS`)
    and holding only imports and bare names (``FileSummary.usage_list``). vulture parses it
    to count the names as used; nothing imports or runs it, so its imports never run
    (execution-specs' ``vulture_whitelist.py`` names a class nested in a function)."""
    return f.summary.usage_list and any(word in f.path.rpartition("/")[2].lower() for word in _WHITELIST_WORDS)


def read_as_text(project: Project) -> frozenset[str]:
    """Paths of the modules the project's own code reads as text by a literal path (see
    ``Summary.read_files``; the literal read from the reader's folder, or from the
    repository's top) that no module imports and that are no scripts (no ``__main__``
    block, no Python shebang): a template whose source a generator pastes into the module it
    writes (yt-dlp's ``devscripts/lazy_load_template.py``, whose ``from ..utils import x``
    is right where it lands, in ``yt_dlp/extractor/``). Its imports never run where it lies.
    Test code reading a file says nothing of it."""
    read = read_as_data(project)
    return frozenset(f.path for f in project.files if f.path in read and not is_script(f)) if read else frozenset()


def _installed_from(dirs: PackageDirs, files: dict[str, SourceFile], target: str, missing: list[str]) -> str:
    """Where the message says the installed module comes from: its file, or for a missing
    module the folder its nearest mapped package is installed from."""
    if missing != [""]:
        path = next((p for p in dirs.candidates(target) if p in files), None)
        if path is not None:
            return path
    parts = target.split(".")
    for i in range(len(parts), 0, -1):
        package = ".".join(parts[:i])
        if package in dirs.by_package:
            return f"the package {package} is installed from {dirs.by_package[package]}/"
    return "installed under another name"


def _installed_violations(f: SourceFile, rec: ImportRecord, target: str, missing: list[str], where: str) -> Iterator[Violation]:
    """A relative import in a folder installed as a package of another name, failing by
    those names: said in them."""
    text = describe(rec)
    if missing == [""]:
        key, also = _subjects(f.path, rec)
        yield RULE.violation(
            f.path, rec.line, rec.col,
            f"`{text}`: no module {target} ({where})",
            key=key, details={"import": text, "module": target}, also=also,
        )
        return
    for name in missing:
        yield RULE.violation(
            f.path, rec.line, rec.col,
            f"cannot import name {name!r} from {target} ({where}); it is neither defined there nor a module of it",
            key=_subject(rec, name), details={"import": text, "module": target, "name": name},
        )


def _standalone_copy(project: Project, f: SourceFile) -> bool:
    """A generated module (its header says so) that binds its own ``__version__``: a
    stand-alone copy of the generator's library written into the project (awkward's
    ``_awkward_datashape_parser.py``, "automatically generated by Lark v0.12.0", with
    ``__version__ = "0.12.0"``). The imports inside its functions name that library's own
    layout (``from .lexer import Token``), on paths the generated parser does not take;
    what the project could fix is the generator's run, not the copy."""
    return f.summary.generated and f.module is not None and "__version__" in project.bindings(f.module)


def check_files(project: Project, files: Collection[SourceFile]) -> Iterator[Violation]:
    """The broken imports of ``files``: whether an import fails is read from the modules it
    reaches (see ``Rule.check_files``); the hints and fixes read the whole project."""
    checker = _Checker(project)
    judged = project.shared(_Excused, partial(_Excused, project))
    excused = checker.excused = judged.pairs
    installed = judged.installed_broken
    scripts = _script_folders(project)
    front = _front_folders(project)
    unparsable = unparsable_modules(project)
    wanted = None if files is project.files else {f.path for f in files}
    data = project.test_data | shadowed_modules(project)  # never imported: its imports never run
    # copied or pasted, never imported: nor these; nor a converter's input (``modular_x.py``)
    templates = project.fill_in_templates | read_as_text(project) | converter_inputs(project)
    # A few files (a history's change): their own imports, not a pass over every file's.
    imports = project.first_party_imports if wanted is None else [i for f in files for i in project.imports_of(f)]
    if scripts.answered:
        imports = [*imports, *_beside_only(project, files, scripts)]
    pins = _own_pins(project)
    for f, rec, absolute in imports:
        if f.path in data or f.path in templates or dead_code_whitelist(f):
            continue  # never imported, or a dead-code checker's list of uses: its imports never run
        if pins and absolute is not None and _pinned_release(pins, f.path, absolute):
            continue  # written for the release of the project its folder pins, not this tree
        if rec.context & (CTX_GUARDED | CTX_EXPECTED_FAILURE):
            continue  # deliberately optional, or the code asserts that it fails
        if rec.context & CTX_TYPE_CHECKING and rec.line in f.summary.missing_import_ignores:
            continue  # never runs, and the type checker is told the module is missing here
        if rec.context & CTX_TYPE_CHECKING and absolute is not None and _stub_written(project, absolute):
            continue  # read by type checkers from a stub a build step writes beside the module
        if f.summary.dead_imports and rec.line in f.summary.dead_imports:
            continue  # in a branch a module-level constant makes dead: it never runs
        if f.summary.legacy_imports and rec.line in project.python2_only_lines(f):
            continue  # only Python 2 runs it (`if six.PY2:`), and the project runs on Python 3 alone
        if f.summary.shebang_major == 2 and not project.runs_on_python2:
            continue  # a Python 2 script (`#!/usr/bin/python2`) of a Python 3 project: it runs against an older release
        if rec.context & CTX_FUNCTION and _standalone_copy(project, f):
            continue  # inside a generator's stand-alone copy of its own library: that library's layout
        if unparsable and absolute is not None and unparsable.loaded_by(rec, absolute) is not None:
            continue  # it fails on a module that does not parse: SSOT000 names the importers
        if excused and (f.path, rec.line, "." * rec.level + rec.module) in excused:
            continue  # relative, in a folder installed as a package of another name: it resolves
        if rec.level and absolute is not None and _placed_elsewhere(project, f, absolute):
            continue  # a loose file's relative import: it runs where the file is mounted or copied
        if installed and (f.path, rec.line, "." * rec.level + rec.module) in installed:
            continue  # judged by the installed names, below
        if f.summary.fallback_imports and absolute is not None and _other_release(checker, f, rec, absolute):
            continue  # the fallback for another release of the project, whose own import resolves
        if f.summary.fallback_imports and _dead_fallback(project, f, rec):
            continue  # the fallback for a standard-library module every Python it runs on has
        if front.answered and absolute is not None and (f.path, rec.line, absolute) in front.answered:
            yield from front.judge(f, rec, absolute)  # the folder the module put first on sys.path answers it
            continue
        beside = scripts.answered.get((f.path, rec.line, absolute)) if absolute is not None and scripts.answered else None
        if beside is not None:
            folders, strict = beside
            found = [list(scripts.judge(f, rec, absolute, folder)) for folder in folders]  # type: ignore[arg-type]
            # Beside a regular first-party package of that name (a tool's `fabric.py`
            # config file beside a fabfile the running `fabric` loads), either may be what
            # the import gets: it fails only when both fail, and is judged by the package.
            # So does an import that other folders on sys.path may answer (not strict).
            if not all(found):
                continue
            if strict:
                # The script's own folder is first on sys.path: what it lacks is what the
                # message names, also when a first-party namesake elsewhere fails too
                # (openbmc's `tools/experimental/ncsi/ncsi.py`, `import utils.utils` beside its
                # `utils.py`, not `tests2/utils/`, a folder its runner puts first).
                if absolute.partition(".")[0] not in project.modules or next(iter(_by_model(checker, f, rec, absolute)), None):  # type: ignore[union-attr]
                    yield from found[0]
                continue
            # Broken only when the model's reading fails too; then it is reported as the
            # model reads it (with its hints), for what the first folder lacks too.
            yield from _lacking_both(list(_by_model(checker, f, rec, absolute)), found[0])
            continue
        found = _by_model(checker, f, rec, absolute)
        if rec.context & CTX_TYPE_CHECKING:
            found = (v._replace(message=v.message + _TYPE_CHECKING_ONLY) for v in found)
        yield from (v for v in found if not _local_file(project, f, v)) if project.config.local_files else found
    # Relative imports in a folder installed under another name that fail by those names
    # (the model may read them as first-party or not at all: ``from .x`` in a top module).
    for f in files if installed else ():
        for rec in f.summary.imports:
            broken = installed.get((f.path, rec.line, "." * rec.level + rec.module))
            if broken is None or rec.context & (CTX_GUARDED | CTX_EXPECTED_FAILURE) or f.path in data or f.path in templates:
                continue
            if rec.context & CTX_TYPE_CHECKING and rec.line in f.summary.missing_import_ignores:
                continue  # never runs, and the type checker is told the module is missing here
            if (f.summary.dead_imports and rec.line in f.summary.dead_imports) or (
                f.summary.legacy_imports and rec.line in project.python2_only_lines(f)
            ):
                continue  # never runs: a dead branch, or one only Python 2 takes
            found = _installed_violations(f, rec, *broken)
            if rec.context & CTX_TYPE_CHECKING:
                found = (v._replace(message=v.message + _TYPE_CHECKING_ONLY) for v in found)
            yield from found
    implicit = implicit_relative_imports(project)
    for f in files if implicit else ():
        for rec, sibling in implicit.get(f.path, ()):
            if f.path in data or f.path in templates:
                continue
            text = describe(rec)
            yield RULE.violation(
                f.path, rec.line, rec.col,
                f"`{text}`: Python 3 has no implicit relative imports, and no module {rec.module.partition('.')[0]} "
                f"exists outside this folder; it means the sibling {sibling}: import it relatively "
                f"(`from .{rec.module} import ...`, or by its full name)",
                key=f"implicit:{rec.module}", details={"import": text, "module": rec.module},
            )


def _reads_sibling(project: Project, f: SourceFile, rec: ImportRecord, package: str | None, top: str) -> bool:
    """What ``f`` takes from the bare name is what the sibling module has: every name a
    ``from top import A, B`` imports is bound there (twilio's ``AuthType`` in
    ``auth_type.py``), or, for a plain ``import top``, every attribute the file reads off it
    (one at least). A wrapper named like a library (``tasks.py`` importing ``shared_task``
    from ``celery`` beside the project's own ``celery.py``) takes what the sibling lacks."""
    return bool(package) and _takes_from(project, f, rec, f"{package}.{rec.module}")


def _takes_from(project: Project, f: SourceFile, rec: ImportRecord, module: str) -> bool:
    """What ``f`` takes from the bare name of ``rec`` is what first-party ``module`` has
    (see :func:`_reads_sibling`)."""
    if module not in project.modules:
        return False
    provided = project.provided(module)
    if provided.open:
        # A module open to any name (it star-imports a library, or fills its globals with
        # ``exec``) that defines every name taken itself (TACTIC's ``flash.py``, ``from
        # subprocess import *`` above its own ``class Flash``) is what the import takes.
        names = [name for name, _ in rec.names] if rec.is_from else []
        defined = project.defined_names(module) if names else ()
        if names == ["*"]:
            return bool(defined)
        return bool(names) and "*" not in names and all(name in defined for name in names)
    if rec.is_from:
        names = [name for name, _ in rec.names]
        if names == ["*"]:
            # ``from sibling import *`` (TACTIC's package ``__init__`` files, ``from
            # flash_builder import *``): it takes whatever the sibling has, when it has
            # names of its own to give.
            return bool(project.defined_names(module))
        return bool(names) and "*" not in names and all(
            name in provided.names or project.has_submodule(module, name) for name in names
        )
    read = {p.split(".")[1] for p, _ in f.summary.dotted_reads if p.startswith(rec.module + ".") and p.count(".") >= 1}
    return bool(read) and all(name in provided.names or project.has_submodule(module, name) for name in read)


def _names_own_package(project: Project, f: SourceFile, rec: ImportRecord, files: Mapping[str, SourceFile], folder: str, top: str) -> bool:
    """The bare name is the importer's own package, a top-level package of a folder that is
    no package (ayon-core's ``vendor/python/scriptsmenu/``, whose launchers ``import
    scriptsmenu`` and read ``scriptsmenu.ScriptsMenu``, which its ``__init__`` binds from the
    sibling ``scriptsmenu.py``): written for the folder above on ``sys.path``, the import
    is of the package, and what the file takes from it the package provides."""
    parent, _, name = folder.rpartition("/")
    if name != top or not parent or f"{parent}/__init__.py" in files or not f.package:
        return False
    return _takes_from(project, f, rec, f.package)


def _read_as_module(f: SourceFile, rec: ImportRecord, name: str) -> bool:
    """The file reads attributes off the name the import binds for ``name`` (``lex.lexer``
    after ``from . import lex``), as one does off a module."""
    bound = next((alias or imported for imported, alias in rec.names if imported == name), name)
    return bound in f.summary.local_module_reads or any(path.startswith(bound + ".") for path, _ in f.summary.dotted_reads)


def tree_excludes(project: Project) -> TreeExcludes:
    """The configuration's excludes over the project's tree (a subpackage named ``build``
    is analysed, :class:`ssotlint.discover.excludes.TreeExcludes`), worked out once per model."""
    return project.shared("ssot003_tree_excludes", lambda: TreeExcludes.of(project.config, (f.path for f in project.files)))


def implicit_relative_imports(project: Project) -> dict[str, tuple[tuple[ImportRecord, str], ...]]:
    """:func:`_implicit_relative_imports`, worked out once per model."""
    return project.shared("ssot003_implicit_relative", partial(_implicit_relative_imports, project))


def _local_name(rec: ImportRecord, name: str) -> str:
    """The name a from-import binds ``name`` to in its file (its alias, if any)."""
    return next((alias or n for n, alias in rec.names if n == name), name)


def _read_off(f: SourceFile, local: str) -> set[str]:
    """The attributes ``f`` reads off the module-level name ``local`` (``x`` of ``local.x``)."""
    return {p.split(".")[1] for p, _ in f.summary.dotted_reads if p.startswith(local + ".")}


def _script_elsewhere(project: Project, source: SourceFile, importer: SourceFile) -> bool:
    """``source`` is a program of its own (:func:`is_script`) in another folder than the
    importer's (lear's job script ``generate_cprd_subset_extract.py`` and its ``run(cfg)``):
    no module to import a name from; a module beside it, run with it, may. A program that
    other modules import is a module too (pyNastran's ``op2/test/op2_test.py``, run as a
    tool and imported by the other tests for its helpers)."""
    return (
        is_script(source) and source.path.rpartition("/")[0] != importer.path.rpartition("/")[0]
        and not (project.importers.get(source.module or "", frozenset()) - {importer.module})
    )


def _enum_like(record: ClassRecord, first_party: list[ClassRef], external: list[str]) -> bool:
    """Whether a class may be an enum (or a framework's choices, which are enums): its kind
    or a first-party ancestor's says so, or a base outside the project is named like one."""
    if record.kind == KIND_ENUM or any(r.record.kind == KIND_ENUM for r in first_party):
        return True
    return any(_ENUM_LIKE.search(e.rpartition(".")[2]) for e in external)


_ENUM_LIKE = re.compile(r"Enum|Choices|Flag")


def _library_of_the_name(sibling: SourceFile | None, importer: SourceFile, top: str) -> bool:
    """The bare name is a library's, whatever module lies beside: the sibling is a plain
    module that imports ``top`` itself (sirepo's ``raydata/databroker.py``, a wrapper of the
    ``databroker`` library), or the importer imports a submodule of it (``import
    databroker.queries``), which a plain module cannot have."""
    if sibling is None:
        return False  # a package beside: ``top.sub`` may be its module
    absolute = [r.module for r in importer.summary.imports if not r.level and r.module]
    if any(m.startswith(top + ".") for m in absolute):
        return True
    return any(not r.level and r.module and r.module.partition(".")[0] == top for r in sibling.summary.imports)


def _implicit_relative_imports(project: Project) -> dict[str, tuple[tuple[ImportRecord, str], ...]]:
    """Python 2's implicit relative imports left in a Python 3 package: a module of a
    regular package (its folder has an ``__init__.py``) imports by its bare name a module
    beside it (twilio's ``auth_strategy/no_auth_strategy.py``: ``from auth_type import
    AuthType`` for ``auth_strategy/auth_type.py``). Python 3 reads the name as a top-level
    module, and fails. Only where nothing else can answer: the name is no first-party
    top-level module, no standard-library module, no declared dependency, and no import
    of it anywhere in the project comes from a folder without such a sibling (where it
    would be a third-party module); the file imports that module relatively nowhere else
    (a fallback for running outside the package); the folder holds no script (run as ``python
    pkg/tool.py``, its folder is first on ``sys.path``; also a module nothing imports whose
    own statements call something, ``parser.parse_args()``, or that has a Python shebang;
    a shebang on a module other modules import makes no script), unless the file is the
    package's ``__init__.py``, which runs only as the package (MAVProxy's
    ``mavproxy_smartcamera/__init__.py``, importing ``sc_webcam`` beside five scripts), no module of it puts a folder
    on ``sys.path``, and no module puts the folder itself there (a start-up script appending
    its ``modules/``); some module imports a module of the importer's top-level package (one
    never imported is run by path); the importer is product code (not a test) of a project
    that does not run on Python 2. Deliberately optional imports, and those only type checkers read,
    are not judged."""
    if project.python2 or project.runs_on_python2:
        return {}
    files = {f.path: f for f in project.files}
    declared = project.config.required_anywhere
    siblings: dict[str, set[str]] = {}  # folder -> the module names it holds
    for path in files:
        folder, _, name = path.rpartition("/")
        if name == "__init__.py":
            parent, _, package = folder.rpartition("/")
            siblings.setdefault(parent, set()).add(package)
        elif name.endswith(".py"):
            siblings.setdefault(folder, set()).add(name[:-3])
    unsafe: set[str] = set()  # folders with a sys.path entry, and the folders put there
    scripts: set[str] = set()  # folders with a script
    importers = project.importers
    for f in project.files:
        folder = f.path.rpartition("/")[0]
        if (
            f.summary.main_guard or f.path.endswith("/__main__.py")
            # A shebang alone on a module other modules import says which Python would run
            # it, not that anyone does (PYME's `#!/usr/bin/python` atop every module).
            or (f.summary.shebang and not importers.get(f.module or ""))
            or (f.summary.top_level_calls and runs_as_program(project, f))
        ):
            scripts.add(folder)  # (a program: PyG's `benchmark/kernel/main.py`, parsing its arguments at its top)
        if f.summary.path_entries:
            unsafe.add(folder)
            # OpenPype's Flame start-up script appends its `modules/` folder to sys.path
            # before it imports `panel_app`: the modules there import each other by bare name.
            unsafe.update(file_anchored(f.path, f.summary))
    found: dict[str, list[tuple[ImportRecord, str]]] = {}
    elsewhere: set[str] = set()  # top-level names imported from a folder without such a sibling
    # Top-level packages some module (a test too) imports a module of: those imported as
    # packages. A package no statement ever imports from (infrahub's ``models/``, whose
    # files ``infrahubctl run models/infrastructure_edge.py`` loads by path) is a folder of
    # files run by path, with their folder first on ``sys.path``.
    imported_tops = {m.partition(".")[0] for m, importers in project.importers.items() if importers}
    for f in project.files:
        folder = f.path.rpartition("/")[0]
        here = siblings.get(folder, set())
        if f.module is not None and f.module.partition(".")[0] not in imported_tops:
            continue
        # What the file also imports relatively: a bare import of the same module beside it
        # is the file's way when it runs outside its package (ANTLR's generated
        # `if "." in __name__: from .XParser import XParser` / `else: from XParser import
        # XParser`; hamilton's `except ImportError: from version import VERSION`).
        relative = {
            name for r in f.summary.imports if r.level == 1
            for name in ([r.module.partition(".")[0]] if r.module else [n for n, _ in r.names])
        }
        for rec in f.summary.imports:
            if rec.level or not rec.module:
                continue
            top = rec.module.partition(".")[0]
            if top in project.top_level or top in sys.stdlib_module_names:
                continue
            if top not in here:
                elsewhere.add(top)
                continue
            if (
                f.is_test or not f.summary.ok or folder in unsafe or f"{folder}/__init__.py" not in files
                # (the package's own `__init__.py` runs only as the package: never with its
                # folder first on sys.path, as the scripts beside it do)
                or (folder in scripts and not f.is_package)
                or rec.context & (CTX_GUARDED | CTX_EXPECTED_FAILURE | CTX_TYPE_CHECKING | CTX_IMPLICIT_RELATIVE)
                or dependency_name(top) in declared or f.path in (f"{folder}/{top}.py", f"{folder}/{top}/__init__.py")
                or top in relative
                or _library_of_the_name(files.get(f"{folder}/{top}.py"), f, top)
                or not _reads_sibling(project, f, rec, f.package, top)
                or _names_own_package(project, f, rec, files, folder, top)
            ):
                continue  # (a module named like the library it wraps imports that library)
            sibling = f"{folder}/{top}.py" if f"{folder}/{top}.py" in files else f"{folder}/{top}/"
            found.setdefault(f.path, []).append((rec, sibling))
    return {
        path: tuple(pair for pair in pairs if pair[0].module.partition(".")[0] not in elsewhere)
        for path, pairs in found.items()
        if any(pair[0].module.partition(".")[0] not in elsewhere for pair in pairs)
    }


def _own_pins(project: Project) -> dict[str, frozenset[str]]:
    """Folder -> the project's own top-level packages its requirements pin to a release
    (``Config.folder_pins``: ColossalAI's ``examples/language/gpt/titans`` pins
    ``colossalai==0.2.0``)."""
    pins = project.config.folder_pins
    if not pins:
        return {}
    tops = {dependency_name(t): t for t in project.top_level}
    found: dict[str, set[str]] = {}
    for folder, name in pins:
        if name in tops:
            found.setdefault(folder, set()).add(tops[name])
    return {folder: frozenset(names) for folder, names in found.items()}


def _pinned_release(pins: dict[str, frozenset[str]], path: str, absolute: str) -> bool:
    """``path`` lies in a folder whose requirements pin the release of the project's own
    package that ``absolute`` is in: the example runs against that release, whose modules
    and names this tree may no longer have (every import of ColossalAI's titans example
    exists in v0.2.0). Judged by nothing here."""
    top = absolute.partition(".")[0]
    return any(
        top in names and path.startswith(folder + "/") for folder, names in pins.items()
    )


def _derived_from(name: str, module: SourceFile) -> bool:
    """``name`` is a class name built on one of ``module``'s own classes, with a word in
    front and perhaps a field after (``HistoricalPoll``, ``HistoricalPoll_places`` for a
    module defining ``Poll``): what a registry that ``setattr``s the classes it derives onto
    their model's module names them (``Project.module_name_writers``)."""
    if not name[:1].isupper():
        return False
    for c in module.summary.classes:
        if not c.top_level or len(c.name) < 2:
            continue
        at = name.find(c.name, 1)
        while at > 0:
            rest = name[at + len(c.name):]
            if name[at - 1].islower() and (not rest or rest.startswith("_")):
                return True
            at = name.find(c.name, at + 1)
    return False


def _stub_written(project: Project, module: str) -> bool:
    """The module has a type stub the top-level ``.gitignore`` says a build step writes
    beside it (kitty's ``*_stub.pyi``: ``cli_stub.py`` writes ``cli_stub.pyi``, from which
    the remote-control commands import their option classes under ``if TYPE_CHECKING:``).
    Only type checkers read such an import, and they read the stub."""
    f = project.modules.get(module)
    return f is not None and project.config.stub_generated(f.path)


def _local_file(project: Project, f: SourceFile, v: Violation) -> bool:
    """The finding is a module missing beside its importer that the top-level
    ``.gitignore`` lists by its file name alone (``config.py``): a file each developer
    creates there (python-o365's ``tests/config.py`` with a client secret, which its test
    notes say to write), which a clone never has. Only in the importer's own folder: the
    same name imported from elsewhere is still reported."""
    details = v.details or {}
    module = details.get("module")
    if not isinstance(module, str) or not module:
        return False
    name = details.get("name")
    module = f"{module}.{name}" if isinstance(name, str) and name else module
    parent, _, last = module.rpartition(".")
    if f"{last}.py" not in project.config.local_files or f.module is None:
        return False
    own = f.module if f.is_package else f.module.rpartition(".")[0]  # the package the file is in
    return parent == own


def _other_release(checker: "_Checker", f: SourceFile, rec: ImportRecord, absolute: str) -> bool:
    """``rec`` sits in the ``except ImportError:`` handler of a ``try`` whose body imports
    from the same top-level package, and every one of those imports resolves (``try: from
    qiskit.qpy import dump`` / ``except ModuleNotFoundError: from
    qiskit.circuit.qpy_serialization import dump``): the handler is where older (or newer)
    releases of the project keep them, and runs only against one of those. What it binds
    need not match: an older release may offer the same thing under another name
    (``from ddtrace import __version__ as version`` / ``from ddtrace import get_version;
    version = get_version()``)."""
    body_lines = dict(f.summary.fallback_imports).get(rec.line)
    if not body_lines:
        return False
    top = absolute.partition(".")[0]
    for other, other_absolute in zip(f.summary.imports, f.absolutes):
        if other.line not in body_lines:
            continue
        if other_absolute is None or other_absolute.partition(".")[0] != top:
            return False  # a third-party alternative, or one that climbs too high: no release of this project
        if any(_by_model(checker, f, other, other_absolute)):
            return False
    return True


# Standard-library modules added after Python 3.0, with the release that added them; a
# ``try: import tomllib`` / ``except ImportError:`` handler runs on every Python before it.
_STDLIB_ADDED: dict[str, tuple[int, int]] = {
    "argparse": (3, 2), "concurrent": (3, 2), "faulthandler": (3, 3), "ipaddress": (3, 3),
    "lzma": (3, 3), "venv": (3, 3), "unittest.mock": (3, 3), "asyncio": (3, 4), "enum": (3, 4),
    "pathlib": (3, 4), "selectors": (3, 4), "statistics": (3, 4), "tracemalloc": (3, 4),
    "ensurepip": (3, 4), "typing": (3, 5), "zipapp": (3, 5), "secrets": (3, 6),
    "contextvars": (3, 7), "dataclasses": (3, 7), "importlib.resources": (3, 7),
    "importlib.metadata": (3, 8), "zoneinfo": (3, 9), "graphlib": (3, 9), "tomllib": (3, 11),
    "wsgiref.types": (3, 11),
}
# Standard-library modules later releases removed (PEP 594, distutils, imp): on those, the
# handler runs.
_STDLIB_REMOVED = frozenset({
    "distutils", "imp", "asynchat", "asyncore", "smtpd", "aifc", "audioop", "cgi", "cgitb", "chunk",
    "crypt", "imghdr", "mailcap", "msilib", "nis", "nntplib", "ossaudiodev", "pipes", "sndhdr",
    "spwd", "sunau", "telnetlib", "uu", "xdrlib", "lib2to3",
})
# The oldest Python assumed of a project that declares none.
_UNDECLARED_PYTHON = (3, 6)


def _dead_fallback(project: Project, f: SourceFile, rec: ImportRecord) -> bool:
    """``rec`` sits in the ``except ImportError:`` handler of a ``try`` whose body imports
    only standard-library modules that every Python the file runs on has (ProDy's ``try:
    import argparse`` / ``except ImportError: from .. import argparse``, a Python 2.6
    fallback to a bundled copy, in a project that requires Python 3.10): the handler never
    runs, so what it imports is never looked for. A module added after the oldest Python
    the project declares (``tomllib`` for a project on 3.8) or removed by a later release
    (``imp``, ``distutils``) leaves the handler live, and it is judged."""
    body_lines = dict(f.summary.fallback_imports).get(rec.line)
    if not body_lines:
        return False
    oldest = project.oldest_python(f.path)
    floor = oldest[0] if oldest is not None else _UNDECLARED_PYTHON
    body = [other for other in f.summary.imports if other.line in body_lines]
    if not body:
        return False
    for other in body:
        top = other.module.partition(".")[0]
        if other.level or top not in sys.stdlib_module_names:
            return False
        if top in project.top_level or top in _STDLIB_REMOVED or other.module in _STDLIB_REMOVED:
            return False  # a first-party module of that name shadows it; or a release lacks it
        names = [other.module, *(f"{other.module}.{n}" for n, _ in other.names)] if other.is_from else [other.module]
        if any(_STDLIB_ADDED.get(n, _STDLIB_ADDED.get(n.partition(".")[0], (3, 0))) > floor for n in names):
            return False
    return True


def _placed_elsewhere(project: Project, f: SourceFile, absolute: str) -> bool:
    """Whether ``f``'s relative import of the missing module ``absolute`` can only run where
    the file is placed, not where it lies: no folder from the file's up to the top is a
    regular package (no ``__init__.py``: readthedocs' ``dockerfiles/settings/web.py`` doing
    ``from .docker_compose import X``, which docker-compose mounts into the
    ``readthedocs/settings/`` package), no module here imports the file, and the module it
    names is missing. Run as a script, a relative import fails whatever it names; imported
    from this tree, it would be an edge."""
    if project.module_exists(absolute) or f.module is None or project.importers.get(f.module):
        return False
    paths = project.shared(_placed_elsewhere, lambda: frozenset(g.path for g in project.files))
    folder = f.path.rpartition("/")[0]
    while folder:
        if f"{folder}/__init__.py" in paths:
            return False
        folder = folder.rpartition("/")[0]
    return True


def _lacking_both(model: list[Violation], folder: list[Violation]) -> list[Violation]:
    """What an import lacks both as the model reads it and in a folder on ``sys.path``:
    the model's findings (its hints and fixes) when the folder lacks the module too, or for
    the names the folder lacks too; else the folder's own (the model misses the module, the
    folder only some names)."""
    if not model:
        return []
    lacking = {v.details.get("name") for v in folder}
    if None in lacking:
        return model
    kept = [v for v in model if v.details.get("name") in lacking]
    return kept or folder


def _named_apart(project: Project, f: SourceFile, absolute: str) -> str:
    """A relative import's module (named as the model names ``f``'s folders) as ``f``'s own
    project apart names it: ``export.orbax.export.x`` is ``orbax.export.x`` in
    ``export/``'s environment, where its own imports are judged."""
    place = project.apart_place(f.path)
    module = f.module or ""
    if place is None or not place[1] or not module.endswith(place[1]) or module == place[1]:
        return absolute
    prefix = module[: len(module) - len(place[1])]
    return absolute[len(prefix):] if absolute.startswith(prefix) and prefix.endswith(".") else absolute


def _by_model(checker: _Checker, f: SourceFile, rec: ImportRecord, absolute: str | None) -> Iterator[Violation]:
    """The import as the model's module names answer it (a module reached through a folder
    its package adds to ``__path__`` by the name the model gives its file)."""
    project = checker.project
    if absolute is not None and project.path_folders and absolute not in project.modules:
        absolute = project.through_path(absolute) or absolute
    if absolute is not None and rec.level and project.apart:
        absolute = _named_apart(project, f, absolute)
    if rec.level and absolute is not None and not all(part.isidentifier() for part in absolute.split(".")):
        found = checker.relative_by_path(f, rec, absolute)
        if found is not None:
            yield from found
            return
    own = checker.namesakes.own(f, absolute) if absolute is not None else None
    if own is None and absolute is not None:
        portion = checker.own_portion(f, absolute)
        if portion is not None:
            found = list(checker.in_own_root(f, rec, absolute, portion))
            if not found:
                return  # the importer's own root holds all of it: a part of whatever the import finds
            target = checker.namesakes.files.get((portion, absolute))
            if target is not None and not target.is_package:
                yield from found  # a module of its own root: the names it lacks, it lacks
                return
    if own is not None:
        yield from checker.in_own_root(f, rec, absolute, own)  # type: ignore[arg-type]
    elif absolute is None:
        yield from checker.beyond_top(f, rec)
    elif absolute not in project.modules and not project.module_exists(absolute):
        yield from checker.missing_module(f, rec, absolute)
    elif rec.is_from:
        yield from checker.missing_names(f, rec, absolute)


def _beside_only(project: Project, files: Sequence[SourceFile], scripts: "_ScriptFolders") -> Iterator[tuple[SourceFile, ImportRecord, str]]:
    """The imports of ``files`` that only the script's own folder answers: a bare name that
    is no first-party top-level module, of a module beside a script run from a folder that
    is no package (icefall's recipes: ``from asr_datamodule import LibriSpeechAsrDataModule``
    in ``egs/iwslt22_ta/ST/zipformer/streaming_decode.py``, whose ``asr_datamodule.py``
    beside it defines another data module). The model reads them as a library's; the folder,
    first on ``sys.path`` when the script runs, decides. Not a standard library module's
    name: a module beside that shadows it (open_spiel's ``sequential_games/typing.py``,
    itself importing from ``typing``) is imported by its package's path, and the interpreter
    may have loaded the library's before the script runs."""
    top_level = project.top_level
    for f in files:
        # A nested project apart's own packages are first-party there (``Project.apart``).
        judged = {(rec.line, absolute) for _, rec, absolute in project.imports_of(f)} if project.apart else ()
        for rec, absolute in zip(f.summary.imports, f.absolutes):
            if absolute is None or rec.level or absolute.partition(".")[0] in top_level or (rec.line, absolute) in judged:
                continue  # a first-party import: judged with the others
            if absolute.partition(".")[0] in sys.stdlib_module_names:
                continue
            beside = scripts.answered.get((f.path, rec.line, absolute))
            if beside is not None and beside[1]:
                yield f, rec, absolute


def _front_folders(project: Project) -> "_FrontFolders":
    """The model's :class:`_FrontFolders`, built once for the scope key and the check."""
    return project.shared(_FrontFolders, partial(_FrontFolders, project))


def _script_folders(project: Project) -> "_ScriptFolders":
    """The model's :class:`_ScriptFolders`, built once for the scope key and the check."""
    return project.shared(_ScriptFolders, partial(_ScriptFolders, project))


class _ScriptFolders:
    """Imports that a folder on ``sys.path`` other than a source root may answer, read from
    the tree (nothing runs):

    - *a script's own folder*: ``python path/to/script.py`` (and pytest, for a test module
      outside any package) puts the file's folder first on ``sys.path``, so an absolute
      import in a file whose folder is no package (no ``__init__.py``) and no source root
      finds a module or regular package beside it before anything else (diffusers'
      ``examples/server-async/serverasync.py`` imports ``utils`` from its own ``utils/``
      package, not the repository's top ``utils/`` folder). Such an import is judged by the
      files in that folder alone (*strict*);
    - a namespace folder beside such a script, and anything beside a script (a ``__main__``
      block) in a package folder (a service's ``main.py`` that a
      launcher runs as ``python service/x/main.py``, importing its ``api/`` folder): the
      script may also run as a module of its package, so the import fails only when both
      readings fail;
    - *below a script's folder*: a module under the folder of such a script whose import
      spells its own path from that folder (``api/im2txt/sample.py`` importing
      ``api.im2txt.model`` beside ``main.py``, which imports ``api.im2txt.sample``): it runs
      with that folder on ``sys.path``, as its script does; either reading may answer;
    - *folders the code puts on sys.path* (``Summary.path_entries``): a module's own
      ``sys.path.insert(0, os.path.join(os.path.dirname(__file__), "lib"))`` for its imports
      below the call, and a ``conftest.py``'s for every module under its folder (pytest
      runs it before it imports them: cuckoo's root conftest puts
      ``cuckoo/data/analyzer/windows`` first, and ``tests/windows/test_analyzer.py`` imports
      ``analyzer`` from there). A bare literal is relative to the working directory: the
      conftest's folder, or the repository's top. Either reading may answer.

    Where several folders may answer (conditional inserts: one per platform), the import
    is broken only when none does and the model's reading fails too."""

    def __init__(self, project: Project) -> None:
        self.files = {f.path: f for f in project.files}
        # Modules that exist but are not analysed, by path without suffix: a module file
        # committed as a link to another (luci-py's ``appengine/swarming/server/large.py ->
        # ../../../client/utils/large.py``), a compiled extension, a stub.
        self.opaque = frozenset(_stem(path) for path, _ in project.opaque_files)
        # The folders of deployment units (a folder with its own requirements or packaging):
        # each may be deployed, and run, as the top of its own ``sys.path``.
        self.units = frozenset(u.folder for u in project.config.units if u.folder)
        # Those copied whole into an image of their own (``Unit.image``), run from that copy.
        self.images = frozenset(u.folder for u in project.config.units if u.folder and u.image)
        self.roots = set(project.source_roots)
        prior = project.earlier(_ScriptFolders)
        if not isinstance(prior, _ScriptFolders):
            prior = None
        # Each file's own reading of its imports, kept while the file is the same object:
        # path -> (file, the (folder, head) a service's package import names, the heads a
        # script imports by their bare names (None: no script)).
        self._own: dict[str, tuple[SourceFile, tuple[tuple[str, str], ...], tuple[str, ...] | None]] = {}
        if prior is not None and prior.files.keys() == self.files.keys():
            # The same paths: the same folders, packages and conftests.
            self.folders, self.init_folders, self.conftests = prior.folders, prior.init_folders, prior.conftests
        else:
            self.folders = set()  # every folder holding a file
            for path in self.files:
                folder = path.rpartition("/")[0]
                while folder and folder not in self.folders:
                    self.folders.add(folder)
                    folder = folder.rpartition("/")[0]
            # What pytest's own sys.path entries read: the package folders and the conftests' folders.
            self.init_folders = frozenset(p[: -len("/__init__.py")] for p in self.files if p.endswith("/__init__.py"))
            self.conftests = frozenset(p.rpartition("/")[0] for p in self.files if p.rpartition("/")[2] == "conftest.py")
        self._read_own(project.files, prior)
        self.inserted = self._conftest_folders(project.files)  # conftest folder -> folders it inserts
        self.script_roots = self._script_roots(project.files)
        self.service_roots = self._service_roots(project.files)
        # (importer path, import line, module) -> the folders that may answer it, and
        # whether the first one alone judges it (a regular package beside a script)
        self.answered: dict[tuple[str, int, str], tuple[tuple[str, ...], bool]] = {}
        # Each file's share of ``answered``, with the file object it was read from.
        self._by_file: dict[str, tuple[SourceFile, list[tuple[tuple[str, int, str], tuple[tuple[str, ...], bool]]], list[tuple[str, int, str | None]]]] = {}
        self._above: dict[tuple[str, bool], list[tuple[str, int, str | None]]] = {}  # see _places
        self._heads_of: dict[tuple[str, ...], set[str]] = {}  # place folders -> the heads any of them holds
        self._held: dict[str, set[str]] | None = None
        earlier = prior
        if not (
            earlier is not None and earlier.folders == self.folders
            and earlier.roots == self.roots and earlier.inserted == self.inserted
            and earlier.script_roots == self.script_roots and earlier.service_roots == self.service_roots
            and earlier.init_folders == self.init_folders and earlier.conftests == self.conftests
        ):
            earlier = None  # a file's share reads the tree's folders: taken over only when they are the same
        # The folders whose modules differ (a file added or removed; for an ``__init__.py``,
        # the folder above too, which a package beside a script is judged from): a file's
        # share that reads none of them is taken over.
        self._moved: set[str] = set()
        for path in self.files.keys() ^ earlier.files.keys() if earlier is not None else ():
            folder, _, name = path.rpartition("/")
            self._moved.add(folder)
            if name == "__init__.py":
                self._moved.add(folder.rpartition("/")[0])
        self._earlier = earlier  # for :meth:`key`, once
        self._texts: dict[str, tuple[SourceFile, str]] = {}  # path -> (file, its interface as text)
        self._inside: tuple[frozenset[str], list[str]] | None = None  # bases -> the paths inside them
        if earlier is not None:
            earlier._earlier = None  # no chain of models' folders
        for f in project.files:
            known = earlier._by_file.get(f.path) if earlier is not None else None
            if known is not None and known[0] is f:
                # The same file in the same folders: the same places (a function of the file
                # and of the folders compared above), and its share unless one of them moved.
                places = known[2]
                share = known[1] if self._reads_unmoved(f, places) else self._share(f, places)
            else:
                places = self._places(f, self.inserted, self.script_roots)
                share = self._share(f, places)
            self._by_file[f.path] = (f, share, places)
            self.answered.update(share)

    def _read_own(self, files: Collection[SourceFile], prior: "_ScriptFolders | None") -> None:
        """Fill ``_own``: of each file, what :meth:`_service_roots` and :meth:`_script_roots`
        read of its path and imports alone, taken over from ``prior`` for the same object."""
        known = prior._own if prior is not None else {}
        for f in files:
            had = known.get(f.path)
            if had is not None and had[0] is f:
                self._own[f.path] = had
                continue
            parts = f.path.split("/")
            services: list[tuple[str, str]] = []
            heads: list[str] = []
            for rec, absolute in zip(f.summary.imports, f.absolutes):
                if rec.level or not absolute:
                    continue
                head = absolute.partition(".")[0]
                heads.append(head)
                for i in range(1, len(parts) - 1):
                    if parts[i] == head:  # the first folder of that name, as the import would read it
                        services.append(("/".join(parts[:i]), head))
                        break
            self._own[f.path] = (f, tuple(dict.fromkeys(services)), tuple(dict.fromkeys(heads)) if is_script(f) else None)

    def _reads_unmoved(self, f: SourceFile, places: list[tuple[str, int, str | None]]) -> bool:
        """Whether ``f``'s share reads no folder whose modules differ from the last model's."""
        moved = self._moved
        return not moved or (f.path.rpartition("/")[0] not in moved and all(folder not in moved for folder, _, _ in places))

    def _share(self, f: SourceFile, places: list[tuple[str, int, str | None]]) -> list[tuple[tuple[str, int, str], tuple[tuple[str, ...], bool]]]:
        """``f``'s imports that a folder other than the model's may answer (see ``answered``),
        given the folders that may (:meth:`_places`)."""
        if not places:
            return []
        key = tuple(folder for folder, _, _ in places)
        heads = self._heads_of.get(key)
        if heads is None:
            if self._held is None:
                self._held = self._held_heads()
            heads = self._heads_of[key] = set().union(*(self._held.get(folder, ()) for folder in key))
        share = []
        own = f.path.rpartition("/")[2].removesuffix(".py")
        for rec, absolute in zip(f.summary.imports, f.absolutes):
            if rec.level or not absolute:
                continue
            head = absolute.partition(".")[0]
            if head not in heads:
                continue  # no place holds it (what most imports are: the model's to judge)
            if head == own:
                # The library the module is named for (studio's test helper ``mixer.py``:
                # ``from mixer.backend.django import Mixer``), not the module itself.
                continue
            found = [folder for folder, after, spelled in places if rec.line > after and (spelled is None or spelled == head) and self._holds(folder, head)]
            if not found:
                continue
            strict = (
                found[0] == places[0][0] and places[0][1] < 0 and self._strict(f, found[0], head)
            ) or self._put_first(f, found[0], head, rec.line)
            share.append(((f.path, rec.line, absolute), ((found[0],), True) if strict else (tuple(dict.fromkeys(found)), False)))
        return share

    def _held_heads(self) -> dict[str, set[str]]:
        """Folder -> the names of the modules and folders directly in it: the heads
        :meth:`_holds` answers for it."""
        held: dict[str, set[str]] = {}
        for path in self.files:
            folder, _, name = path.rpartition("/")
            if name.endswith(".py"):
                held.setdefault(folder, set()).add(name[:-3])
        for folder in self.folders:
            parent, _, name = folder.rpartition("/")
            held.setdefault(parent, set()).add(name)
        return held

    def _holds(self, folder: str, head: str) -> bool:
        """Whether ``folder`` holds a module, package or namespace folder ``head``."""
        return f"{folder}/{head}.py" in self.files or f"{folder}/{head}" in self.folders

    def _strict(self, f: SourceFile, folder: str, head: str) -> bool:
        """Whether the script's own folder alone answers ``head``: no package, and ``head``
        a module or regular package there (which comes before anything else). Not when
        ``head`` is the top-level package the file itself is a module of (poetry's
        ``src/poetry/``, a namespace package beside ``poetry-core``, whose ``factory.py``
        imports ``poetry.console`` while a ``poetry.py`` lies beside it): such a file is
        written for its package (``python -m poetry``), and either reading may answer. Nor
        when the file imports from its own top-level package by absolute name
        (chatgpt-on-wechat's ``channel/wechatmp/active_reply.py``, a module of the namespace
        package ``channel.wechatmp``, imports ``channel.wechatmp.common`` and
        ``channel.chat_message``): it runs with the folder above that package on
        ``sys.path``, where its ``from common.log import logger`` reads the top ``common/``,
        not the ``common.py`` beside it. Nor when the file, with no ``__main__`` block, is a
        module of a regular top-level package through namespace folders (letta's
        ``letta/schemas/openai/responses_request.py``, under ``letta/__init__.py``, whose
        ``from openai import NOT_GIVEN`` reads the library while an ``openai.py`` lies beside
        it): nothing says it runs apart from its package."""
        module = f.module or ""
        top = module.partition(".")[0]
        return (
            f.path.rpartition("/")[0] == folder and f"{folder}/__init__.py" not in self.files
            and not ("." in module and (top == head or any(a and a.partition(".")[0] == top for a in f.absolutes)))
            and not ("." in module and not f.summary.main_guard and self._in_regular_top(f.path, module))
            and (f"{folder}/{head}.py" in self.files or f"{folder}/{head}/__init__.py" in self.files)
        )

    def _put_first(self, f: SourceFile, folder: str, head: str, line: int) -> bool:
        """Whether ``f`` puts its own folder first on ``sys.path`` (``sys.path.insert(0,
        str(Path(__file__).parent))``) before ``line``, and ``head`` is a module or regular
        package there: from then on that folder answers ``head``, however the file is run,
        also in a package folder (agentUniverse's example app ``app/run_example.py``,
        importing ``intelligence.test.x`` from ``app/intelligence/``)."""
        if folder != f.path.rpartition("/")[0] or not (
            f"{folder}/{head}.py" in self.files or f"{folder}/{head}/__init__.py" in self.files
        ):
            return False
        return any(
            front and anchor == "file" and after < line and folder in self._entry(folder, anchor, path)
            for anchor, path, after, front in f.summary.path_entries
        )

    def _places(
        self, f: SourceFile, inserted: dict[str, list[str]], script_roots: set[str]
    ) -> list[tuple[str, int, str | None]]:
        """The folders that may answer ``f``'s absolute imports, in ``sys.path`` order:
        ``(folder, line after which it holds (-1: always), the head an import must spell
        from it (None: any))``."""
        places: list[tuple[str, int, str | None]] = []
        folder = f.path.rpartition("/")[0]
        if folder and folder not in self.roots and (
            self._run_there(f, folder) or (folder in script_roots and not f.is_package)
        ):
            # A module beside a script that imports its siblings by their bare names (a
            # benchmark folder's `benchmark.py` doing `import prompts`) runs with that folder
            # first on sys.path too, when the script imports it or it imports the script.
            # Not the package's own `__init__.py`: no script imports it by a bare name, it
            # runs when the package is imported by its name, from the folder above
            # (MAVProxy's `mavproxy_smartcamera/__init__.py` importing `sc_webcam`, a module
            # beside its scripts, as a top-level module).
            places.append((folder, -1, None))
        for anchor, path, line, _ in f.summary.path_entries:
            places.extend((entry, line, None) for entry in self._entry(folder, anchor, path))
        conftest = f.path.rpartition("/")[2] == "conftest.py"
        from_above = self._above.get((folder, conftest))  # the same for every file of the folder
        if from_above is None:
            from_above = self._above[(folder, conftest)] = []
            above = folder
            while True:  # the file's folder and every folder above it, up to the top
                if above != folder and above in script_roots:
                    from_above.append((above, -1, folder[len(above) + 1 :].partition("/")[0]))
                if not (conftest and above == folder):  # a conftest's own imports: by its path_entries
                    from_above.extend((entry, -1, None) for entry in inserted.get(above, ()))
                if not above:
                    break
                above = above.rpartition("/")[0]
        places.extend(from_above)
        places.extend(self._pytest_places(f, folder))
        return places

    def _pytest_places(self, f: SourceFile, folder: str) -> list[tuple[str, int, str | None]]:
        """The folders pytest (in its default ``prepend`` import mode) puts first on
        ``sys.path`` before it imports test module ``f``: the *basedir* of ``f`` and of every
        ``conftest.py`` in ``f``'s folder or above it (the first folder upward that is no
        package: ``svc/tests/`` for ``svc/tests/a/test_x.py`` with no ``__init__.py``
        there, ``svc/`` for ``svc/tests/test_x.py`` in the package ``tests``), and the
        service folders above ``f`` (:meth:`_service_roots`). So a test's ``from conftest
        import x`` reads its own suite's conftest, and ``from tests.helpers import y`` its
        own service's ``tests`` package, not another service's namesake."""
        places: list[tuple[str, int, str | None]] = []
        service = self._service_above(folder)
        if service is not None:
            places.append((service, -1, None))
        name = f.path.rpartition("/")[2]
        if not (name == "conftest.py" or (name.startswith("test_") or name.endswith("_test.py"))):
            return places
        found = [self._basedir(folder)]
        above = folder
        while above:
            above = above.rpartition("/")[0]
            if above in self.conftests:
                found.append(self._basedir(above))
        if folder in self.conftests and folder not in found:
            found.append(self._basedir(folder))
        # A suite's ``tests/`` folder outside any package is run from the project folder
        # above it (``python -m pytest tests`` there puts it on ``sys.path`` too):
        # professional-services' ``ml-audio-content-profiling/tests/``, whose tests import
        # ``app.python.gcs_transcript_utils`` from the namespace folders beside ``tests/``, not
        # another example's ``app`` package.
        suite = found[0]
        if suite.rpartition("/")[2] in _SUITE_FOLDERS and suite.rpartition("/")[0]:
            found.append(suite.rpartition("/")[0])
        places.extend((base, -1, None) for base in dict.fromkeys(found) if base and base not in self.roots)
        return places

    def _in_regular_top(self, path: str, module: str) -> bool:
        """Whether the top-level package of ``module`` (at ``path``) is a regular one."""
        parts = path.split("/")
        depth = module.count(".") + 1
        if len(parts) < depth:
            return False
        return "/".join(parts[: len(parts) - depth + 1] + ["__init__.py"]) in self.files

    def _basedir(self, folder: str) -> str:
        """The first folder from ``folder`` upward that is no package ("" for the top): as
        pytest reads it, a folder whose name is no identifier is none, ``__init__.py`` or
        not (aws-parallelcluster's ``tests/integration-tests/``, the basedir of both its
        ``tests/`` and ``benchmarks/`` packages)."""
        while folder in self.init_folders and folder.rpartition("/")[2].isidentifier():
            folder = folder.rpartition("/")[0]
        return folder

    def _service_above(self, folder: str) -> str | None:
        """The innermost service folder (:meth:`_service_roots`) holding ``folder``."""
        while folder:
            if folder in self.service_roots:
                return folder
            folder = folder.rpartition("/")[0]
        return None

    def _service_roots(self, files: Collection[SourceFile]) -> frozenset[str]:
        """Folders that run as services of their own: a folder below the top, no package and
        no source root, holding a regular package ``H`` (``svc/src/__init__.py``) whose own
        modules import it by the name it has from that folder (``svc/src/models/config.py``
        importing ``src.models.base``): that import works only with the folder on
        ``sys.path`` (``python -m src`` in the folder, as a monorepo's per-service
        Dockerfile runs it), so every module under the folder may import what the folder
        holds (another service's ``src`` package is not this one's). So is such a folder that
        is a package too, when it is a deployment unit of its own (its own requirements):
        catapult's ``skia_bridge/``, an App Engine service deployed from that folder, whose
        ``application/app.py`` imports ``application.perf_api`` and whose modules import its
        ``common`` package, not the repository's top ``common/``. So is a folder its own
        Dockerfile copies whole into an image (``Unit.image``: ``ADD . /workspace/unet3p``),
        run from that copy, when a module below it imports a folder or module beside it by
        its bare name, namespace folders too (DeepLearningExamples' UNet3P, whose
        ``data_generators/`` import ``utils.general_utils`` from its ``utils/``)."""
        found: set[str] = set()
        for f in files:
            for base, head in self._own[f.path][1]:
                if (
                    base not in found and base not in self.roots and f"{base}/{head}/__init__.py" in self.files
                    and (f"{base}/__init__.py" not in self.files or base in self.units)
                ):
                    found.add(base)
        if self.images:
            for f in files:
                image = unit_of(self.images, f.path)
                if not image or image in found or image in self.roots:
                    continue
                heads = {absolute.partition(".")[0] for rec, absolute in zip(f.summary.imports, f.absolutes) if absolute and not rec.level}
                if any(f"{image}/{head}" in self.folders or f"{image}/{head}.py" in self.files for head in heads):
                    found.add(image)
        return frozenset(found)

    def _run_there(self, f: SourceFile, folder: str) -> bool:
        """Whether ``f`` may run with its own folder first on ``sys.path``: a file outside any
        package, or a module of a package with a ``__main__`` block or a test of whether it
        runs in its package (``if __package__ is None: from utils import x``, ``else: from
        .utils import x``). A Python shebang alone says which Python runs it, not that it
        runs apart from its package."""
        return f"{folder}/__init__.py" not in self.files or f.summary.main_guard or f.summary.runs_both_ways

    def _entry(self, folder: str, anchor: str, path: str) -> list[str]:
        """The folders of the tree a ``sys.path`` entry of a module in ``folder`` may be:
        relative to the module's folder, and for a bare literal (relative to the working
        directory) to the repository's top too; never a source root (the model's own)."""
        spelled = [f"{folder}/{path}" if folder else path]
        if anchor == "cwd":
            spelled.append(path)
        found = []
        for candidate in spelled:
            candidate = normpath(candidate) if candidate else ""
            if candidate in (".", "") or candidate.startswith("..") or candidate in self.roots or candidate not in self.folders:
                continue
            found.append(candidate)
        return list(dict.fromkeys(found))

    def _conftest_folders(self, files: Collection[SourceFile]) -> dict[str, list[str]]:
        """For each folder with a ``conftest.py`` that puts folders on ``sys.path``, those
        folders (pytest runs it before it imports the modules under it)."""
        found: dict[str, list[str]] = {}
        for f in files:
            folder, _, name = f.path.rpartition("/")
            if name != "conftest.py" or not f.summary.path_entries:
                continue
            entries = [e for anchor, path, _, _ in f.summary.path_entries for e in self._entry(folder, anchor, path)]
            if entries:
                found[folder] = list(dict.fromkeys(entries))
        return found

    def _script_roots(self, files: Collection[SourceFile]) -> set[str]:
        """The folders (no source root) of scripts that import a module or package beside
        them by its bare name: the folder is on ``sys.path`` while the script runs."""
        found: set[str] = set()
        for f in files:
            heads = self._own[f.path][2]
            if not heads:
                continue  # no script, or one importing nothing by an absolute name
            folder = f.path.rpartition("/")[0]
            if not folder or folder in self.roots or folder in found or not self._run_there(f, folder):
                continue
            if any(self._holds(folder, head) for head in heads):
                found.add(folder)
        return found

    def key(self) -> frozenset[tuple[str, ...]]:
        """What the judgements read (:meth:`judge`): which imports a folder answers, which
        files lie in the modules they name (a module or a name there may be a file), and
        the interface of each file they import (the names it binds): a history checks every
        file again when it changes. Another file of those modules may change as it likes."""
        heads = {(folder, absolute.partition(".")[0]) for (_, _, absolute), (folders, _) in self.answered.items() for folder in folders}
        # Not the lines: a file whose lines moved is checked again as a changed file.
        found: set[tuple] = {(path, module, *folders, str(strict)) for (path, _, module), (folders, strict) in self.answered.items()}
        found.update(("opaque", stem) for stem in self.opaque)  # modules that exist, unread
        bases = frozenset(f"{folder}/{head}" for folder, head in heads)
        earlier, self._earlier = self._earlier, None
        if earlier is not None and not self._moved and earlier._inside is not None and earlier._inside[0] == bases:
            self._inside = earlier._inside  # the same paths in the same places
        elif bases:
            self._inside = (bases, [path for path in self.files if self._is_inside(path, bases)])
        read = set()
        for (_, _, absolute), (folders, _) in self.answered.items():
            for folder in folders:
                base = f"{folder}/{absolute.replace('.', '/')}"
                read.update(p for p in (f"{base}.py", f"{base}/__init__.py") if p in self.files)
        texts = earlier._texts if earlier is not None else {}
        for path in self._inside[1] if self._inside is not None and bases else ():
            if path not in read:
                found.add((path,))
                continue
            f = self.files[path]
            known = texts.get(path)
            text = known[1] if known is not None and known[0] is f else repr(f.interface)
            self._texts[path] = (f, text)
            found.add((path, text))
        return frozenset(found)

    @staticmethod
    def _is_inside(path: str, bases: frozenset[str]) -> bool:
        """Whether the file ``path`` is one of the modules ``bases`` (folder/head) name, or in one."""
        return path[:-3] in bases or in_folders(path, bases)

    def judge(self, f: SourceFile, rec: ImportRecord, absolute: str, folder: str) -> Iterator[Violation]:
        """The import as its folder answers it: a missing module, or names its file lacks."""
        base = f"{folder}/{absolute.replace('.', '/')}"
        target = self.files.get(f"{base}.py") or self.files.get(f"{base}/__init__.py")
        text = describe(rec)
        beside = folder == f.path.rpartition("/")[0]
        if target is None and base in self.opaque:
            return  # it exists, unread: what it binds is not known
        if target is None and base not in self.folders:
            key, also = _subjects(f.path, rec)
            yield RULE.violation(
                f.path, rec.line, rec.col,
                f"`{text}`: no module {absolute} beside the script ({folder}/ is first on sys.path when it runs)" if beside
                else f"`{text}`: no module {absolute} in {folder}/ (on sys.path when it runs)",
                key=key, details={"import": text, "module": absolute}, also=also,
            )
            return
        if not rec.is_from:
            return
        names: set[str] = set()
        if target is not None:
            if _open_names(target):
                return  # may provide any name
            names = _bound_names(target)
        where = target.path if target is not None else f"{base}/"
        for name, _ in rec.names:
            if name == "*" or name in names or f"{base}/{name}.py" in self.files or f"{base}/{name}" in self.folders:
                continue
            if f"{base}/{name}" in self.opaque:
                continue  # a module of it that exists, unread (a link, an extension)
            yield RULE.violation(
                f.path, rec.line, rec.col,
                f"cannot import name {name!r} from {absolute} ({where}, {'beside the script' if beside else 'on sys.path'}); it is neither defined there nor a module of it",
                key=_subject(rec, name), details={"import": text, "module": absolute, "name": name},
            )


# Names of a folder holding a project's test suite.
_SUITE_FOLDERS = TEST_FOLDERS | {"unittests", "unit_tests"}


def _other_projects_module(units: Units, f: SourceFile, target: SourceFile) -> bool:
    """``target`` is a plain top-level module (``main.py``, no package) of another project
    of the repository, one the importer's does not depend on (professional-services'
    ``tools/cuds-prioritized-attribution/test/test_e2e_bq.py`` and its ``from main
    import main``, which read its own ``source/main.py`` through a ``sys.path`` entry of a
    folder since removed, not ``examples/dataflow-custom-templates/python/main.py``): no
    distribution installs such a module for another project, so the import names a
    module the importer's project does not have."""
    return "." not in (target.module or ".") and not target.is_package and not units.can_import(f.path, target.path)


def _stem(path: str) -> str:
    """A module file's path without its suffixes (``pkg/_speedups`` for
    ``pkg/_speedups.cpython-311-x86_64-linux-gnu.so``)."""
    folder, _, name = path.rpartition("/")
    stem = name.partition(".")[0]
    return f"{folder}/{stem}" if folder else stem


def _front_inserts(f: SourceFile) -> list[tuple[str, int]]:
    """``(path, line)`` for each folder ``f`` puts first on ``sys.path`` by a path built from
    its own ``__file__`` (``sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..",
    ".."))``), the path relative to its folder (``FileSummary.path_entries``)."""
    return [(path, line) for anchor, path, line, front in f.summary.path_entries if front and anchor == "file"]


class _FrontFolders:
    """Imports that a folder the module itself put first on ``sys.path`` answers
    (``sys.path.insert(0, PROJECT_PATH)`` with ``PROJECT_PATH`` two folders above the file,
    see extract/syspath.py): below that call, a module or package there comes before
    anything else, the script's own folder and the source roots included (nicotine-plus's
    ``build-aux/windows/setup.py`` runs ``from setup import build_translations`` from the
    repository's top ``setup.py``). Judged by the file it reaches there, when that is not
    the file the model reads; an import that folder does not answer, or of a module
    missing there, is read as before (with the model's hints)."""

    def __init__(self, project: Project) -> None:
        self.files: dict[str, SourceFile] = {}
        # (importer path, import line, module) -> (the folder, the file the import reaches)
        self.answered: dict[tuple[str, int, str], tuple[str, str]] = {}
        inserting = [(f, front) for f in project.files if (front := _front_inserts(f))]
        if not inserting:
            return
        self.files = {f.path: f for f in project.files}
        for f, front in inserting:
            here = f.path.rpartition("/")[0]
            entries = sorted(
                ((line, folder) for path, line in front if (folder := _below_top(here, path)) is not None),
                reverse=True,
            )
            for rec, absolute in zip(f.summary.imports, f.absolutes):
                if rec.level or not absolute:
                    continue
                for line, folder in entries:
                    if line < rec.line:
                        reached = self._reached(folder, absolute)
                        if reached is None:
                            continue
                        model = project.modules.get(absolute)
                        if reached and (model is None or model.path != reached):
                            self.answered[(f.path, rec.line, absolute)] = (folder, reached)
                        break  # the file the model reads already, or a module missing there: as before

    def _reached(self, folder: str, absolute: str) -> str | None:
        """The file ``absolute`` is in ``folder``, when ``folder`` holds its top-level name."""
        prefix = f"{folder}/" if folder else ""
        head = absolute.partition(".")[0]
        if f"{prefix}{head}.py" not in self.files and f"{prefix}{head}/__init__.py" not in self.files:
            return None
        base = prefix + absolute.replace(".", "/")
        # A package first: the interpreter's finder takes ``x/__init__.py`` over ``x.py``
        # beside it (bleachbit's launcher ``bleachbit.py`` beside its ``bleachbit/``).
        for path in (f"{base}/__init__.py", f"{base}.py"):
            if path in self.files:
                return path
        return ""  # a module the folder's package lacks

    def key(self) -> frozenset[tuple[str, ...]]:
        """What the judgements read: which imports a folder answers, and the interface of
        each file they reach."""
        found: set[tuple[str, ...]] = set()
        for (path, line, module), (folder, reached) in self.answered.items():
            found.add((path, str(line), module, folder, reached))
            if reached:
                found.add((reached, repr(self.files[reached].interface)))
        return frozenset(found)

    def judge(self, f: SourceFile, rec: ImportRecord, absolute: str) -> Iterator[Violation]:
        """The import as the folder answers it: the names the file there lacks (a module
        missing there is read as before: the folder's package may be extended)."""
        folder, reached = self.answered[(f.path, rec.line, absolute)]
        target = self.files.get(reached)
        if target is None or not rec.is_from:
            return
        if _open_names(target):
            return  # may provide any name
        names = _bound_names(target)
        base = reached.rpartition("/")[0] if reached.endswith("/__init__.py") else None
        text = describe(rec)
        for name, _ in rec.names:
            if name == "*" or name in names or (base is not None and (f"{base}/{name}.py" in self.files or f"{base}/{name}/__init__.py" in self.files)):
                continue
            yield RULE.violation(
                f.path, rec.line, rec.col,
                f"cannot import name {name!r} from {absolute} ({reached}, on sys.path first: this module puts "
                f"{folder or 'the top of the repository'}{'/' if folder else ''} there before the import); "
                "it is neither defined there nor a module of it",
                key=_subject(rec, name), details={"import": text, "module": absolute, "name": name},
            )


def _below_top(folder: str, path: str) -> str | None:
    """``path`` (relative to ``folder``) as a folder of the repository ("" for its top);
    None when it leaves the repository."""
    joined = normpath(f"{folder}/{path}" if folder and path else folder or path or ".")
    if joined == ".":
        return ""
    return None if joined.startswith("..") or joined.startswith("/") else joined


def _bound_names(f: SourceFile) -> set[str]:
    """The names a file binds at module level, its relative imports' too (a script's
    sibling package may have no module name: ``examples/server-async/utils/``)."""
    s = f.summary
    names = {*s.assigned, *s.functions, *(name for name, _ in s.aliases), *MODULE_ATTRIBUTES}
    names.update(c.name for c in s.classes if c.top_level)
    for rec in s.imports:
        if rec.context & CTX_FUNCTION:
            continue
        if rec.is_from:
            names.update(asname or name for name, asname in rec.names)
        else:
            names.add(rec.asname or rec.module.partition(".")[0])
    return names


class _Namesakes:
    """Top-level packages that several source roots hold (a ``tests`` package in each
    project of a monorepo: ``libs/a/tests/``, ``libs/b/tests/``). The model knows one module
    per name, the first by path; an import in one of those roots runs with its own root
    first on ``sys.path`` (and a relative import never leaves its package), so when its
    root's package is a regular one (with ``__init__.py``, which hides the others) it is
    judged by its own root's files. Portions of a namespace package (``langgraph/`` in
    each ``libs/*``, installed together) merge, and the model's view of them stands.
    So is an import in a nested project apart (``Project.apart``: ``api/`` and
    ``services/`` each build a distribution with its own ``oss`` package) of one of its
    own packages: its environment holds its own files under their own names."""

    def __init__(self, project: Project) -> None:
        held: dict[str, set[str]] = defaultdict(set)  # top-level name -> roots holding it
        placed: list[tuple[str, SourceFile]] = []
        for f in project.files:
            if f.module is None or not importable(f.module):
                continue
            root = project.source_root_of(f.path)
            held[f.module.partition(".")[0]].add(root)
            placed.append((root, f))
        self.held = {top: found for top, found in held.items() if len(found) > 1}
        self._project = project
        self._opaque: set[tuple[str, str]] | None = None  # (root, module) of compiled modules, see exists
        self._splits: dict[str, bool] = {}  # top-level name -> whether it is one split package
        self.root_of: dict[str, str] = {f.path: root for root, f in placed} if self.held else {}
        for f in project.files if project.apart else ():
            place = project.apart_place(f.path)
            if place is None:
                continue
            folder, inner = place
            self.root_of[f.path] = folder  # an importer there, importable itself or not (a migration)
            if importable(inner):
                self.held.setdefault(inner.partition(".")[0], set()).add(folder)
                placed.append((folder, _renamed(f, inner)))
        # (root, module) -> file, and (root, package) for every package, namespace ones included.
        self.files: dict[tuple[str, str], SourceFile] = {}
        self.packages: set[tuple[str, str]] = set()
        # (root, package) holding production code: what a distribution installs.
        self.installed: set[tuple[str, str]] = set()
        for root, f in placed:
            module = f.module or ""
            if module.partition(".")[0] not in self.held:
                continue
            existing = self.files.get((root, module))
            if existing is None or (f.is_package and not existing.is_package):
                self.files[(root, module)] = f
            parent = module if f.is_package else module.rpartition(".")[0]
            while parent:
                self.packages.add((root, parent))
                if not f.is_test:
                    self.installed.add((root, parent))
                parent = parent.rpartition(".")[0]

    def own(self, importer: SourceFile, absolute: str) -> str | None:
        """The importer's source root, when the top-level package ``absolute`` names is one
        several roots hold, this root among them, as a regular package or a module (either
        comes first on ``sys.path`` and hides the other roots' portions: a unit's
        ``analyzer.py`` beside an ``analyzer/`` namespace folder holding the units)."""
        if not self.held:
            return None
        root = self.root_of.get(importer.path)
        top = absolute.partition(".")[0]
        if root is None or root not in self.held.get(top, ()):
            return None
        own = self.files.get((root, top))
        if (
            own is None and (root, top) in self.packages and (root, top) not in self.installed
            and not self._portion_elsewhere(root, top)
        ):
            # A namespace folder of test code alone (dbt-postgres's ``tests/`` beside
            # dbt-bigquery's regular ``tests`` package): nothing installs it, so no other
            # project's portion is on the path where its project's tests run. Not a portion
            # of a namespace package other projects install production code into
            # (NeMo-Agent-Toolkit's ``nvidia_nat_test/src/nat/test/``, its testing
            # utilities, beside ``nvidia_nat_core/src/nat/``): it merges with theirs.
            return root
        if own is None or (own.is_package and own.summary.extends_path):
            # A namespace package: every root's portion merges into one (also a regular
            # ``__init__`` that extends its ``__path__``: ``pkgutil.extend_path``).
            return None
        if own.is_package and self._split(top):
            # Regular packages of one name in several projects that install into one folder
            # (agno's core and its infra add-on): one package, the model's view of it.
            return None
        if own.is_package and self._portion_elsewhere(root, top):
            # Another project holds the package's folder without an ``__init__.py``: a part
            # built to be installed into this package's folder (vaex-ui's ``vaex/ui/``,
            # ``packages=['vaex.ui', ...]``, installed beside vaex-core's ``vaex/``).
            return None
        if not own.is_package and absolute != top:
            return None  # a module has no submodules: the name is the model's (a relative import's)
        return root

    def _split(self, top: str) -> bool:
        """The roots' regular packages named ``top`` are one package installed from several
        distributions (:func:`~ssotlint.discover.modules.one_split_package`)."""
        if top not in self._splits:
            held = self.held.get(top, set())
            roots = [r for r in held if (f := self.files.get((r, top))) is not None and f.is_package]
            if not held <= set(self._project.distributions):
                roots = []  # a deployment unit's own package beside the repository's: never one environment
            children: dict[str, set[str]] = {r: set() for r in roots}
            prefix = top + "."
            for root, module in self.files:
                if root in children and module.startswith(prefix):
                    children[root].add(module[len(prefix):].partition(".")[0])
            busy = sum(not bare_module(self.files[(r, top)].summary) for r in roots)
            self._splits[top] = len(roots) > 1 and one_split_package(children.values(), busy)
        return self._splits[top]

    def _portion_elsewhere(self, root: str, top: str) -> bool:
        """Another root holds ``top`` as a folder of production modules with no
        ``__init__.py``. Test folders are not installed: each plugin's own ``tests/``, some
        without ``__init__.py`` (flytekit's), merges into no other."""
        return any(
            other != root and (other, top) in self.installed and (other, top) not in self.files
            for other in self.held.get(top, ())
        )

    def folder_of(self, root: str, package: str) -> str | None:
        """The folder of ``root``'s package ``package``, when the model's module of that
        name is another file or none (an import there could be read as the other's)."""
        own = self.files.get((root, package))
        model = self._project.modules.get(package)
        if own is not None and own is model:
            return None
        if own is not None and own.is_package:
            return own.path.rpartition("/")[0]
        if own is None and (root, package) in self.packages:
            return "/".join(p for p in (root, package.replace(".", "/")) if p)
        return None

    def exists(self, root: str, module: str) -> bool:
        """``module`` is there in ``root``: a file or package of it, or a compiled module
        (or its stub) in it or above it, which may hold submodules (htseq's
        ``HTSeq/_HTSeq.so`` built from ``src/_HTSeq.c``, beside ``src/HTSeq/``)."""
        if (root, module) in self.files or (root, module) in self.packages:
            return True
        if self._opaque is None:
            self._opaque = set()
            for path, name in self._project.opaque_files:
                place = self._project.apart_place(path)
                if place is not None:
                    # In a nested project apart, by its own name there (modal's vendored
                    # ``py/modal/_vendor/tblib.py`` is ``modal._vendor.tblib`` in ``py/``).
                    root, name = place[0], opaque_module_name(path, [place[0]]) or ""
                else:
                    root = self._project.source_root_of(path)
                if name.partition(".")[0] in self.held:
                    self._opaque.add((root, name))
        parts = module.split(".")
        return any((root, ".".join(parts[:i])) in self._opaque for i in range(len(parts), 0, -1))


def _open_names(target: SourceFile) -> bool:
    """The module may provide any name: it does not parse, has a ``__getattr__``, writes
    its names at run time or star-imports another's."""
    s = target.summary
    return not s.ok or s.has_getattr or "__getattr__" in s.assigned or target.names_unknown or target.star_imports


def _file_provided(target: SourceFile) -> Provided:
    """What a file the model may not name as its module provides: the names it binds (and
    a module's own attributes)."""
    names, typing_only = Project._local_names(target)
    return Provided(frozenset(names | MODULE_ATTRIBUTES), frozenset(typing_only), False)


def _renamed(f: SourceFile, module: str) -> SourceFile:
    """``f`` as its own project apart names it (see :class:`_Namesakes`): an
    ``__init__.py`` is its package there, even when the model can give it no name (a
    project in ``data-tool/``, a folder no import can spell)."""
    return SourceFile(f.path, module, f.is_package or f.path.endswith("/__init__.py"), f.is_test, f.summary)


class _Checker:
    """The three ways an import fails, with what they share: where names are defined (for
    hints and fixes) and what each module provides, both computed once, on demand."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self._definitions: Definitions | None = None
        self._provided: dict[str, Provided] = {}
        self._concepts: dict[str, Concept | None] = {}
        self._class_names: set[str] | None = None
        self._planted: dict[str, frozenset[str]] = {}
        self._runs: dict[str, frozenset[str]] = {}
        self._shared_tops: dict[str, bool] = {}
        self._namesakes: _Namesakes | None = None
        self._written: frozenset[str] | None = None
        self._tops: frozenset[str] | None = None
        self._by_last_part: dict[str, list[str]] | None = None  # see :meth:`_modules_named`
        self._libraries: dict[str, str] | None = None  # see :meth:`_library_named`
        self.excused: set[tuple[str, int, str]] = set()  # see :class:`_Excused`

    def names_product(self, absolute: str) -> bool:
        """The module an import names (or the nearest one above it that exists) is
        production code."""
        target = self.project.nearest_module(absolute)
        return target is not None and _is_production(target)

    @property
    def written(self) -> frozenset[str]:
        """See :func:`written_modules`."""
        if self._written is None:
            self._written = written_modules(self.project)
        return self._written

    @property
    def namesakes(self) -> _Namesakes:
        if self._namesakes is None:
            self._namesakes = _Namesakes(self.project)
        return self._namesakes

    def relative_by_path(self, f: SourceFile, rec: ImportRecord, absolute: str) -> list[Violation] | None:
        """A relative import whose dotted name runs through a folder no import can name
        (circuitpython's ``ports/zephyr-cp/tests/conftest.py``: ``from . import
        NativeSimProcess``; pytest imports the package as ``tests``, from ``zephyr-cp/``):
        judged by the files where it points, as Python finds them from the package it runs
        in. None when nothing is there (the model's reading then stands)."""
        files = files_by_path(self.project)
        folder = f.path.rpartition("/")[0]
        for _ in range(rec.level - 1):
            folder = folder.rpartition("/")[0]
        base = "/".join(p for p in (folder, (rec.module or "").replace(".", "/")) if p)
        target = files.get(f"{base}.py") or files.get(f"{base}/__init__.py")
        if target is None:
            return None
        if not rec.is_from:
            return []
        if _open_names(target):
            return []  # may provide any name
        provided = _file_provided(target)
        is_package = target.path.endswith("/__init__.py")
        return list(self._names_not_provided(
            f, rec, absolute, provided, target,
            lambda name: is_package and (f"{base}/{name}.py" in files or f"{base}/{name}/__init__.py" in files),
        ))

    def own_portion(self, f: SourceFile, absolute: str) -> str | None:
        """The importer's own root, when it holds ``absolute`` and the package is one several
        roots hold whose merged view the model keeps (a namespace package, a package split
        over distributions, one with a portion installed into it from elsewhere): what the
        import finds includes its own root's part, so what that part holds is there (and a
        module file of it has the names it has). Five forks of fairseq in unilm each hold a
        regular ``examples`` package while other projects have namespace folders
        ``examples/``; ``from .adaptive_span_attention import AdaptiveSpan`` in one fork
        finds the module beside it, whichever ``examples`` the model lists first."""
        namesakes = self.namesakes
        root = namesakes.root_of.get(f.path)
        if root is None or root not in namesakes.held.get(absolute.partition(".")[0], ()):
            return None
        return root if namesakes.exists(root, absolute) else None

    def in_own_root(self, f: SourceFile, rec: ImportRecord, absolute: str, root: str) -> Iterator[Violation]:
        """An import of a package several roots hold, judged by the importer's own root."""
        namesakes = self.namesakes
        if not namesakes.exists(root, absolute):
            yield from self.missing_module(f, rec, absolute, lambda m: namesakes.exists(root, m), partial(namesakes.folder_of, root))
            return
        if not rec.is_from:
            return
        target = namesakes.files.get((root, absolute))
        if target is not None and self.project.modules.get(absolute) is target:
            provided = self.project.provided(absolute)  # the model's module is this root's
        elif target is not None:
            if _open_names(target):
                return  # may provide any name
            provided = _file_provided(target)
        else:
            provided = Provided(frozenset(), frozenset(), False)  # a namespace package: its submodules
        if provided.open:
            return
        yield from self._names_not_provided(
            f, rec, absolute, provided, target,
            lambda name: namesakes.exists(root, f"{absolute}.{name}")
            or (target is not None and target.is_package and target.summary.extends_path),
        )

    def _offered(self, absolute: str, provided: Provided) -> Collection[str]:
        """The names a "did you mean" may offer from ``absolute``: what a package provides
        (its ``__init__`` re-exports its modules' names), but of a plain module only what it
        defines itself or lists in ``__all__``: the names it imports are its helpers, not
        its API (``GateIoPerpetualAuth``, imported by a connector's module, is no
        replacement for its removed ``GateIoPerpetualExchange`` class)."""
        target = self.project.modules.get(absolute)
        if target is None or target.is_package:
            return provided.names
        return self.project.defined_names(absolute) | set(target.summary.all_names or ())

    def _concept(self, name: str) -> Concept | None:
        """The concept whose pattern the class name matches, when that concept is being
        consolidated: a canonical class is configured, or the project has more than one
        class it matches (SSOT001 reports them)."""
        if name not in self._concepts:
            self._concepts[name] = next(
                (c for c in self.project.config.concepts if c.select([name]) and (c.canonical or len(self._members(c)) > 1)),
                None,
            )
        return self._concepts[name]

    def _members(self, concept: Concept) -> frozenset[str]:
        if self._class_names is None:
            self._class_names = {c.name for f in self.project.files for c in f.summary.classes if c.top_level}
        return concept.select(self._class_names)

    def planted(self, module: str) -> frozenset[str]:
        """The names set on ``module`` as attributes by import-time code that runs before
        any import of it reads it: the packages above it (``base.dialect = dialect`` in
        ``sqlalchemy/dialects/sqlite/__init__.py``, after ``from . import base``) and what
        they import at module level, directly or not (lightning's ``__init__`` imports its
        deprecation graveyard, whose functions, called at module level, ``setattr`` the old
        class names on ``pl.plugins``). :data:`ANY_NAME` among them: a computed name, so
        any. A name another module sets (a sibling, a module that imports it, a registry
        hook called later) may not exist yet when the import runs: not counted."""
        found = self._planted.get(module)
        if found is None:
            planted = self.project.planted
            pairs = planted.get(module, frozenset()) | planted.get(module.rpartition(".")[0] + ".*", frozenset())
            found = frozenset()
            if pairs:
                before = self.runs_before(module)
                found = frozenset(attribute for setter, attribute in pairs if attribute and setter in before)
            self._planted[module] = found
        return found

    def loaded_planted(self, importer: SourceFile, module: str) -> frozenset[str]:
        """The names set on ``module`` by import-time code of the modules ``importer`` loads
        when it is loaded (its module-level imports, directly or not): an import inside
        one of its functions runs after them (cctbx's test imports ``libtbx.load_env``,
        whose ``libtbx.env = ...`` runs then, and reads ``from libtbx import env`` in a
        test function)."""
        pairs = self.project.planted.get(module)
        if not pairs or importer.module is None:
            return frozenset()
        loaded = self.project.import_time_closure(importer.module)
        return frozenset(attribute for setter, attribute in pairs if attribute and setter in loaded)

    def main_planted(self, module: str) -> frozenset[str]:
        """The names the program of ``module``'s top-level package (its ``__main__``
        module) sets on ``module`` while it starts (nuitka's ``__main__`` runs
        ``__import__("nuitka").getLaunchingNuitkaProcessEnvironmentValue = ...`` in the
        ``main()`` its guard calls): an import inside a function of the package, which runs
        once the program has started, finds them."""
        pairs = self.project.planted.get(module)
        if not pairs:
            return frozenset()
        program = module.partition(".")[0] + ".__main__"
        return frozenset(attribute for setter, attribute in pairs if setter == program and attribute)

    def module_planted(self, module: str) -> bool:
        """Code that runs before any import of ``module`` puts a module into ``sys.modules``
        under its name (``sys.modules["pkg.old_name"] = new``): it exists, with contents
        ssotlint cannot know."""
        pairs = self.project.planted.get(module)
        if not pairs or not any(attribute == "" for _, attribute in pairs):
            return False
        before = self.runs_before(module)
        return any(attribute == "" and setter in before for setter, attribute in pairs)

    def under_planted(self, module: str) -> bool:
        """A package above ``module`` is put into ``sys.modules`` under its name by code that
        has run by then (:meth:`module_planted`): an object ssotlint cannot see into, whose
        ``__path__`` decides what lies below it (Cython's ``sys.modules["cython.cimports"] =
        CythonCImports(...)``, a mock package for its compile-time namespace)."""
        parts = module.split(".")
        return any(self.module_planted(".".join(parts[:i])) for i in range(1, len(parts)))

    def entered(self, f: SourceFile, rec: ImportRecord) -> set[tuple[str, str]]:
        """What the context managers of the ``with`` blocks around the import set on entering:
        ``(module, attribute)``, ``(module, "")`` for a module put into ``sys.modules``
        (lightning's ``with pl_legacy_patch(): from ...utilities.enums import
        _FaultTolerantMode``, a removed enum its ``__enter__`` sets back for the block).
        The context manager may be imported, through re-exports too."""
        callees = dict(f.summary.with_callees).get(rec.line) if f.summary.with_callees and f.module else None
        found: set[tuple[str, str]] = set()
        for callee in callees or ():
            located = self.project._function_of(f.module, callee)  # type: ignore[arg-type]
            for _ in range(5):  # follow a few re-exports
                if located is None:
                    break
                module, name = located
                writes = [(o, a) for cm, o, a in self.project.modules[module].summary.entered_writes if cm == name]
                if writes:
                    for owner, attribute in writes:
                        path = self.project.bound_path(module, owner) if owner else attribute
                        if path is not None:
                            found.add((path, attribute if owner else ""))
                    break
                binding = self.project.bindings(module).get(name)
                located = self.project._function_of(module, name) if binding and binding.kind == "from" else None
        return found

    def runs_before(self, module: str) -> set[str]:
        """The modules that have run when an import of ``module`` reads it: the packages
        above it, and what they import at module level (conditionally too), directly or
        not, with the packages of those."""
        found: set[str] = set()
        for package in parents(module):
            closure = self._runs.get(package)
            if closure is None:
                closure = self._runs[package] = self._run_by(package)
            found |= closure
        return found

    def _run_by(self, package: str) -> frozenset[str]:
        edges = self.project.import_edges
        seen = {package}
        stack = [package]
        while stack:
            for target, statements in edges.get(stack.pop(), {}).items():
                if not any(s.runtime for s in statements):
                    continue
                for loaded in prefixes(target):
                    if loaded not in seen:
                        seen.add(loaded)
                        stack.append(loaded)
        return frozenset(seen)

    def in_shared_namespace(self, missing: str) -> bool:
        """Whether the first missing part of ``missing`` would be a submodule of a namespace
        package (PEP 420: a folder without ``__init__.py``, with only such folders above it)
        that other installed distributions extend: the project declares a dependency whose
        name extends the top-level name (``poetry-core`` for ``src/poetry/``,
        ``opentelemetry-api`` for ``src/opentelemetry/``). Python merges every portion of a
        namespace package on the path, so ``poetry.core`` comes from the dependency: whether
        it exists is not known here. A regular package anywhere on the way has one folder,
        and what it lacks is missing."""
        project = self.project
        parts = missing.split(".")
        if len(parts) < 2 or not self._shared_top(parts[0]):
            return False
        for i in range(1, len(parts)):
            prefix = ".".join(parts[:i])
            if prefix in project.modules or prefix in project.opaque_modules or prefix not in project.packages:
                return False  # a regular package, a module or nothing: its own folder decides
            if not project.module_exists(".".join(parts[: i + 1])):
                return True
        return False

    def _registered(self, module: str) -> bool:
        """``module`` imports a registry that sets the classes it derives on their model's
        module at run time (``Project.module_name_writers``)."""
        writers = self.project.module_name_writers
        return bool(writers) and not writers.isdisjoint(self.project.import_edges.get(module, {}))

    def served_by_hook(self, missing: str) -> bool:
        """The first missing part of ``missing`` is a name its own package registers with a
        first-party import hook at import time, or one a package further up registers with
        a finder it installs in ``sys.meta_path`` (``Project.hook_served``): the packages
        above run before the import, so the hook serves it. A name a package further up only
        writes into ``sys.modules`` is that package's own (``app``'s lazily served ``Engine``
        is not ``app.plain.Engine``). So is a name a finder the project installs in
        ``sys.meta_path`` says it answers for (``Project.finder_served``: calibre's legacy
        ``calibre.web.feeds.feedparser``)."""
        if self.project.finder_served and self.project.served_by_finder(missing):
            return True
        served = self.project.hook_served
        if not served:
            return False
        parts = missing.split(".")
        for i in range(1, len(parts)):
            if not self.project.module_exists(".".join(parts[: i + 1])):
                here = ".".join(parts[:i])
                if any(name == parts[i] for name, _ in served.get(here, ())):
                    return True  # its own package's hook
                return any(  # a finder a package further up installs
                    (parts[i], True) in served.get(".".join(parts[:k]), ()) for k in range(1, i)
                )
        return False

    def in_opaque_module(self, missing: str) -> bool:
        """A module above ``missing`` exists but is not analysed (a compiled extension, a
        stub, a module the build writes): an extension may be a package of its own
        (``hypothesis._native.internal.cathetus`` in maturin's ``hypothesis._native``)."""
        opaque = self.project.opaque_modules
        return bool(opaque) and any(p in opaque for p in parents(missing))

    def _shared_top(self, top: str) -> bool:
        """A declared dependency's name extends ``top`` (``poetry_core`` for ``poetry``): the
        root's, or a deployment unit's (openllmetry's ``packages/*/pyproject.toml``, each
        requiring ``opentelemetry-api`` for its portion of ``opentelemetry/``)."""
        found = self._shared_tops.get(top)
        if found is None:
            prefix = dependency_name(top) + "_"
            config = self.project.config
            # A distribution the repository builds itself brings only its own folders, which
            # are here (trulens' `trulens-core`, `trulens-providers-cortex` ...): one from
            # outside may bring any module.
            found = self._shared_tops[top] = any(
                d.startswith(prefix) and d not in config.built_distributions for d in config.every_requirement
            )
        return found

    @property
    def definitions(self) -> Definitions:
        if self._definitions is None:
            self._definitions = Definitions(self.project)
        return self._definitions

    def beyond_top(self, f: SourceFile, rec: ImportRecord) -> Iterator[Violation]:
        if rec.line in f.summary.package_only_imports:
            return  # runs only where the module is part of a package (SWIG's `if __package__ ...:`)
        if self.project.relative_overflow(f, rec):
            text = describe(rec)
            key, also = _subjects(f.path, rec)
            yield RULE.violation(
                f.path, rec.line, rec.col,
                f"`{text}`: attempted relative import beyond the top-level package",
                key=key, details={"import": text}, also=also,
            )

    def _top_packages(self) -> frozenset[str]:
        """The project's top-level regular packages (module names), once per check."""
        if self._tops is None:
            # Not ``Project.packages``, which holds namespace packages (``scripts``) too.
            self._tops = frozenset(m for m, f in self.project.modules.items() if "." not in m and f.is_package)
        return self._tops

    def missing_module(
        self, f: SourceFile, rec: ImportRecord, absolute: str, exists: Callable[[str], bool] | None = None,
        folder_of: Callable[[str], str | None] | None = None,
    ) -> Iterator[Violation]:
        """``exists``, ``folder_of``: see :func:`_missing_module`; the model's modules are
        then not where the import runs, and no fix names one of them."""
        parent = self.project.nearest_module(absolute)
        if parent is not None and parent.names_unknown and (parent.summary.plants_modules or not parent.summary.dynamic_names):
            return  # it registers modules in sys.modules itself (os.path), or is replaced by another package
        if parent is not None and parent.is_package and parent.summary.extends_path:
            return  # its __path__ takes in other folders: the submodule may be in one
        if parent is not None and parent.is_package and parent.summary.generates_at_import and (
            absolute.startswith(f"{parent.module}.")
        ):
            return  # the package runs a generator when imported, which may write the submodule
        if parent is not None and not parent.is_package and _has_getattr(parent):
            return  # a module's __getattr__ answers for __path__ too: it may act as a package
        if _in_excluded_folder(self.project, absolute):
            return  # it may well exist: ssotlint was told not to read that folder
        if self.in_shared_namespace(absolute):
            return  # another distribution's portion of the namespace package may hold it
        if self.in_opaque_module(absolute):
            return  # a compiled module ssotlint cannot see into may hold submodules
        if self.module_planted(absolute) or self.under_planted(absolute):
            return  # code that has run by then puts a module into sys.modules under this name (or above it)
        if self.served_by_hook(absolute):
            return  # a package above registers the name with the project's own import hook
        if (absolute, "") in self.entered(f, rec):
            return  # the `with` block around it puts a module into sys.modules under this name
        if f.summary.foreign_entry_line and rec.line > f.summary.foreign_entry_line:
            return  # the module put a folder outside the tree on sys.path before: it may be there
        if absolute in self.written:
            return  # the project's own code writes it (a generator's earlier step)
        if parent is not None and parent.is_package and _put_there_outside_git(self.project, parent, absolute):
            return  # a build or a set-up step the project documents puts it there
        if parent is not None and parent.is_package and parent.module in build_filled(self.project) and (
            absolute.startswith(f"{parent.module}.")
        ):
            return  # the package's own __init__ imports modules the tree lacks: a build writes them
        if absolute.partition(".")[0] in foreign_namesakes(self.project):
            return  # a folder of files another distribution of that name runs: its modules
        if published_namesake(self.project, f, absolute):
            return  # the folder installs a published client of that import name: its modules
        if not f.is_test and absolute.partition(".")[0] in namespaces_of_tests(self.project):
            return  # only the test runner has that folder of tests on its path: another module's name
        if absolute in shallower_names(self.project):
            return  # the file is there, named from a folder above its own root (`src.python.pkg`)
        if (f.path, rec.line, absolute) in self.excused:
            return  # a drop-in outside the package: the module lies in its folder, to be copied in
        if self.project.config.source_distribution and _left_out_of_sdist(f, absolute, self._top_packages()):
            return  # a test helper or a tool's module the sdist does not ship (only some of its files)
        text = describe(rec)
        key, also = _subjects(f.path, rec)
        fix = None
        hint = ""
        if self.project.advice and exists is None and rec.is_from and rec.names[0][0] != "*":
            product = self.names_product(absolute)
            # Not a module this file imports the name from elsewhere: an alternative beside it
            # (mmf's sweeps, `from .slurm import main` and `from .fblearner import main` in
            # two branches of one `if`), not where the missing one went.
            sources = [
                self.definitions.source(name, absolute, f, {m for m, _ in _imported_elsewhere(f, rec, name)}, product)
                for name, _ in rec.names
            ]
            # A namesake that cannot take what the file passes it is another thing (lbry's
            # script builds `Daemon(LBC(), url=...)`, an RPC client, not the SDK's server).
            if all(sources) and not any(s.module in self._unfit(f, rec, n) for (n, _), s in zip(rec.names, sources)):  # type: ignore[union-attr]
                fix = _retarget(rec, f, absolute, [(n, s.module) for (n, _), s in zip(rec.names, sources)], module_gone=True)  # type: ignore[union-attr, misc]
                hint = _found_in([(n, s.module) for (n, _), s in zip(rec.names, sources)], gone=absolute)  # type: ignore[union-attr, misc]
        missing = None
        if rec.level and exists is None:
            # A relative import points at files, whatever the model names them: when they are
            # there (unilm's `fairseq/examples/simultaneous_translation/__init__.py`, `from .
            # import criterions`, in a nested project apart), nothing is missing.
            missing = _missing_below(self.project, f, rec) if rec.module else None
            if missing is None:
                return
            if importable(absolute) and self.project.is_first_party(absolute):
                missing = None  # the model's own words for it
        yield RULE.violation(
            f.path, rec.line, rec.col,
            f"`{text}`: {missing or _missing_module(self.project, absolute, exists, folder_of)}{hint}",
            key=key, details={"import": text, "module": absolute}, also=also, fix=fix,
        )

    def missing_names(self, f: SourceFile, rec: ImportRecord, absolute: str) -> Iterator[Violation]:
        project = self.project
        if absolute.endswith(".__init__"):
            # `from pkg.__init__ import x` runs the package's file once more, under another
            # name: its names are the package's.
            absolute = absolute[: -len(".__init__")]
        defined = project.defined_names(absolute)
        names = rec.names
        if names[0][0] in defined and (len(names) == 1 or all(n in defined for n, _ in names)):
            return  # the common case, settled without the full name resolution
        provided = self._provided.get(absolute)
        if provided is None:
            provided = self._provided[absolute] = project.provided(absolute)
        if provided.open:
            return
        if absolute in project.twinned and (rec.context & CTX_TYPE_CHECKING or not project.modules[absolute].summary.generated):
            # A stub beside the module declares its interface (not analysed here): the type
            # checker reads it; and a stub kept by hand beside a hand-written module says
            # the module gets names at run time that its statements do not bind (zipline's
            # ``api.pyi``, whose functions a decorator ``setattr``s on ``zipline.api``). A
            # generator writing both (gRPC's ``_grpc.py`` and ``.pyi``) puts typing-only
            # names in the stub: at run time those are missing.
            return
        target = project.modules.get(absolute)
        planted = self.planted(absolute)
        entered = self.entered(f, rec)

        def may_exist(name: str) -> bool:
            return (
                project.has_submodule(absolute, name)
                # set on the module by code that has run before (a package above, what it imports)
                or name in planted or ANY_NAME in planted
                # set on its package by the package's program (``__main__``) before a function runs
                or (rec.context & CTX_FUNCTION and name in self.main_planted(absolute))
                # set on it by a module the importer loads when it is loaded, before a function runs
                or (rec.context & CTX_FUNCTION and name in self.loaded_planted(f, absolute))
                or self.module_planted(f"{absolute}.{name}")
                or self.served_by_hook(f"{absolute}.{name}")  # the project's import hook serves it
                or f"{absolute}.{name}" in self.written  # a module the project's code writes
                # set, or put into sys.modules, by the `with` block around the import
                or (absolute, name) in entered or (absolute, ANY_NAME) in entered
                or (f"{absolute}.{name}", "") in entered
                # a submodule, perhaps, from another folder on its __path__
                or (target is not None and target.is_package and target.summary.extends_path)
                # a submodule, perhaps, that the package's own generator writes when it is imported
                or (target is not None and target.is_package and target.summary.generates_at_import)
                or absolute in build_filled(project)  # a submodule a build writes into the package
                # a submodule a build writes there, by a `.gitignore`'s pattern for it
                or (target is not None and target.is_package and _put_there_outside_git(project, target, f"{absolute}.{name}"))
                or _in_excluded_folder(project, f"{absolute}.{name}")  # in a folder not read
                # a submodule, perhaps, from another distribution's portion
                or (target is None and self.in_shared_namespace(f"{absolute}.{name}"))
                or (f.path, rec.line, f"{absolute}.{name}") in self.excused  # a drop-in's module, beside it
                # a class a registry the module imports derives from one of its classes, and sets on it
                or (target is not None and self._registered(absolute) and _derived_from(name, target))
                # a package's submodule an unpacked sdist left out (``from tests import pwasyncio``)
                or (
                    project.config.source_distribution and (target is None or target.is_package)
                    and _left_out_of_sdist(f, f"{absolute}.{name}", self._top_packages())
                )
            )

        if target is None and absolute in unused_namespaces(project):
            return  # a folder the project never imports through: the name is another module's
        if target is None and absolute in foreign_namesakes(project):
            return  # a folder of files another distribution of that name runs: its modules
        if published_namesake(project, f, absolute):
            return  # the folder installs a published client of that import name: its names
        if target is None and not f.is_test and absolute.partition(".")[0] in namespaces_of_tests(project):
            return  # only the test runner has that folder of tests on its path: another module's name
        units = Units.of_model(project)
        if target is not None and _other_projects_module(units, f, target):
            if any(name != "*" and name not in provided.names and not may_exist(name) for name, _ in rec.names):
                key, also = _subjects(f.path, rec)
                yield RULE.violation(
                    f.path, rec.line, rec.col,
                    f"`{describe(rec)}`: no module {absolute} in {units.label(f.path)}; {target.path} is a module of "
                    f"another project of this repository ({units.label(target.path)}), which "
                    f"{units.label(f.path)} does not depend on",
                    key=key, details={"import": describe(rec), "module": absolute}, also=also,
                )
            return
        yield from self._names_not_provided(f, rec, absolute, provided, target, may_exist)

    def _names_not_provided(
        self, f: SourceFile, rec: ImportRecord, absolute: str, provided: Provided, target: SourceFile | None,
        may_exist: Callable[[str], bool],
    ) -> Iterator[Violation]:
        """A finding for each name of ``from absolute import ...`` that ``provided`` lacks
        and ``may_exist`` cannot account for (a name bound only under ``TYPE_CHECKING``
        serves an import under it too)."""
        where = f"{absolute} ({target.path})" if target is not None else f"namespace package {absolute}"
        for name, _ in rec.names:
            if name in provided.names or name == "*" or may_exist(name):
                continue
            if name in provided.typing_only and rec.context & CTX_TYPE_CHECKING:
                continue
            hint, fix = self._hint(f, rec, absolute, name, provided) if self.project.advice else ("", None)
            yield RULE.violation(
                f.path, rec.line, rec.col,
                f"cannot import name {name!r} from {where}{hint}",
                key=_subject(rec, name),
                details={"import": describe(rec), "module": absolute, "name": name},
                fix=fix,
            )

    def _unfit_for_calls(self, f: SourceFile, rec: ImportRecord, name: str) -> dict[str, str]:
        """The modules defining ``name`` as a class or a function that cannot take what
        ``f`` passes when it calls the name (a class's ``__init__``, its own or a
        first-party base's, lacks a keyword the file names, or takes fewer positional
        arguments; a function also needs an argument no call passes): a namesake of another
        kind, no advice (gunicorn's benchmark calls ``HttpParser(cfg, addr, is_ssl=False)``;
        ``gunicorn.config.HttpParser`` is a setting, built with no argument). Each with
        what does not fit. A class whose ``__init__`` is not known (generated by a
        decorator, a metaclass or a base from outside the project) fits."""
        local = _local_name(rec, name)
        shape = next((s for s in f.summary.call_shapes if s[0] == local), None)
        if shape is None or shape[3]:
            return {}
        _, positional, keywords, _ = shape
        unfit: dict[str, str] = {}
        for g in self.definitions.anywhere.get(name, []):
            if g.module is None:
                continue
            record = next((c for c in g.summary.classes if c.name == name and c.top_level), None)
            if record is not None:
                parameters, function, what = self._init_parameters(g.module, record), False, "`__init__`"
            else:
                # A function of that name (letta's `count_tokens(actor, llm_config, messages)`,
                # called with one string): the arguments it must be passed are known.
                parameters, function, what = dict(g.summary.function_signatures).get(name), True, "it"
            if parameters is not None and not accepts(parameters, positional, keywords, bound=not function, defaults_known=function):
                passed = [f"{positional} positional"] if positional else ["nothing"]
                passed += [f"{k}=" for k in keywords]
                unfit[g.module] = (
                    f"takes other arguments than this file passes it (it passes {', '.join(passed)}; "
                    f"{what} takes ({parameters.replace('=', '')}))"
                )
        return unfit

    def _unfit(self, f: SourceFile, rec: ImportRecord, name: str) -> dict[str, str]:
        """The modules defining ``name`` as a class that does not fit how ``f`` uses the
        name: :meth:`_unfit_for_calls` and :meth:`_unfit_for_reads`, each with why."""
        return {**self._unfit_for_reads(f, rec, name), **self._unfit_for_calls(f, rec, name)}

    def _unfit_for_reads(self, f: SourceFile, rec: ImportRecord, name: str) -> dict[str, str]:
        """The modules defining ``name`` as a class that lacks an attribute ``f`` reads off
        the name (``Node.objects``, ``Node.DoesNotExist``: devilry's removed Django model,
        where the only namesake left is a graphviz helper), with what it lacks. Only a
        class all of whose ancestors are first-party, with no decorator or metaclass (what
        else could give it attributes no statement shows)."""
        local = _local_name(rec, name)
        read = _read_off(f, local)
        reads = dict(f.summary.class_attribute_reads).get(local, ())
        read.update(a for a in reads if "." not in a)
        as_members = {a.partition(".")[0]: a for a in reads if "." in a}  # ``Level.BEGINNER.value``
        if not read:
            return {}
        unfit: dict[str, str] = {}
        for g in self.definitions.anywhere.get(name, []):
            if g.module is None:
                continue
            record = next((c for c in g.summary.classes if c.name == name and c.top_level), None)
            if record is None or record.decorators or record.metaclass:
                continue
            first_party, external = self.project.ancestors(g.module, record)
            has = set(record.members).union(*(r.record.members for r in first_party))
            if any(e not in ("object", "builtins.object") for e in external) or any(
                r.record.decorators or r.record.metaclass for r in first_party
            ):
                # A base no statement shows may give it any attribute, but not make it an
                # enum: tasking-manager's removed `MappingLevel` enum, read as
                # `MappingLevel.BEGINNER.value`, is no SQLAlchemy model of that name.
                lacking = sorted(a for a in as_members if a not in has)
                if lacking and not _enum_like(record, first_party, external):
                    unfit[g.module] = (
                        f"is no enum, and this file reads {local}.{as_members[lacking[0]]} off it as off an enum member's"
                    )
                continue
            lacking = sorted(a for a in read if a not in has and not a.startswith("__"))
            if lacking:
                unfit[g.module] = f"has no attribute {', '.join(lacking[:3])}, which this file reads off it"
        return unfit

    def _init_parameters(self, module: str, record: ClassRecord) -> str | None:
        """The parameters of the ``__init__`` a class's instances are built by, when known:
        its own, or the nearest first-party ancestor's; ``self`` alone when neither it nor
        any ancestor has one and every ancestor is first-party (``object``'s)."""
        if record.decorators or record.kind not in (KIND_PLAIN, KIND_ABSTRACT) or len(record.bases) > 1:
            return None  # a dataclass, a NamedTuple, an enum, a mixin ...: an __init__ no statement shows
        if record.metaclass and not self._plain_metaclass(module, record.metaclass):
            return None  # its metaclass may build instances its own way
        own = dict(record.parameters)
        if "__new__" in own:
            return None
        if "__init__" in own:
            return own["__init__"]
        first_party, external = self.project.ancestors(module, record)
        for ref in first_party:
            theirs = dict(ref.record.parameters)
            if "__new__" in theirs or ref.record.decorators or ref.record.metaclass or len(ref.record.bases) > 1:
                return None
            if "__init__" in theirs:
                return theirs["__init__"]
        return None if external else "self"

    def _plain_metaclass(self, module: str, metaclass: str) -> bool:
        """A first-party metaclass that does not define ``__call__`` (lbry's
        ``JSONRPCServerType`` collects the API's methods): instances are built by the
        class's ``__init__`` as usual."""
        target = self.project.resolve(module, metaclass)
        return isinstance(target, ClassRef) and "__call__" not in dict(target.record.parameters)

    def _hint(self, f: SourceFile, rec: ImportRecord, absolute: str, name: str, provided: Provided) -> tuple[str, Fix | None]:
        """What the message adds about the missing name, and the fix when it is certain."""
        setters = self.project.filled_by_setattr.get(absolute)
        if setters:
            # A registry sets computed names on the module when its code is called
            # (cinder's `setattr(objects, cls.obj_name(), cls)`): the name may exist then.
            during = f"; {' and '.join(setters[:2])} set{'s' if len(setters) == 1 else ''} computed names on {absolute} when called (a registry): the import works only once that has run"
            typing = f"; {absolute} imports it only under `if TYPE_CHECKING:`" if name in provided.typing_only else ""
            return typing + during, None
        if name in provided.typing_only:
            target = self.project.modules.get(absolute)
            if target is not None and name in target.summary.declared_only:
                return f"; {absolute} only declares it (`{name}: ...` with no value), so it does not exist at runtime", None
            return f"; {absolute} imports it only under `if TYPE_CHECKING:`, so it does not exist at runtime", None
        # A module this file already imports the name from (sanic's example imports the
        # route decorator `from sanic.views import stream as stream_decorator`, beside the
        # removed response helper `from sanic.response import stream`): the broken import
        # means another thing of that name, so that module is no advice.
        imported = _imported_elsewhere(f, rec, name)
        already = {module for module, _ in imported}
        product = self.names_product(absolute)
        units = Units.of_model(self.project)
        # No hint into a project this one does not depend on. The import is judged as one
        # of the project it names, though (bolt-python's `examples/falcon/`, a folder with
        # its own requirements.txt whose apps import slack_bolt from the checkout): that
        # project is one it reads.
        meant = self.project.modules.get(absolute)
        meant_unit = units.of(meant.path) if meant is not None else None
        reachable = lambda path: units.can_import(f.path, path) or units.of(path) == meant_unit  # noqa: E731
        source = self.definitions.source(name, absolute, f, already, product)
        if source is not None and not reachable(source.path):
            source = None
        if source is not None and _script_elsewhere(self.project, source, f):
            source = None
        concept = self._concept(name) if source is not None else None
        if source is not None and concept is not None and concept.canonical != f"{source.module}.{name}":
            # One implementation of a concept the project consolidates: importing it would
            # build on the copy the concept's rule asks to remove.
            canonical = f": use the canonical {concept.canonical}" if concept.canonical else ""
            return (
                f"; it is defined in {source.module}, one implementation of the {concept.name} concept{canonical}",
                None,
            )
        unfit = self._unfit(f, rec, name)
        if source is not None and source.module in unfit:
            source = None
        if source is not None and _read_as_module(f, rec, name) and name in dict(source.summary.function_signatures):
            # guildai's vendored PLY: `from . import lex`, then `lex.lexer`, beside `_lex.py`
            # whose function `lex()` has no such attribute: the file means a module.
            module = source.module or ""
            meant = (
                f" (its module {module} may be what it means: `from {module.rpartition('.')[0] or module} import "
                f"{module.rpartition('.')[2]} as {name}`)"
                if module.rpartition(".")[2].strip("_") == name else ""
            )
            return (
                f"; {module}.{name} is a function, and this file reads attributes off {_local_name(rec, name)} as off a "
                f"module: another thing of that name{meant}"
            ), None
        if source is not None:
            named = self.project.modules.get(absolute)
            is_package = named is not None and named.is_package
            fix = _retarget(rec, f, absolute, [(name, source.module)], is_package=is_package)  # type: ignore[list-item]
            if not _near(absolute, is_package, f, source.module or ""):
                # Not where a name moved from that module goes: a namesake, perhaps another
                # thing (pychron's `from . import Image as PILImage`, and a canvas primitive).
                pair = sides(f.module or "", source.module or "")
                if pair is not None and pair not in self.project.package_dependencies:
                    # In a package the importer's never imports from (deepmd's TF backend's
                    # `Descriptor` for its dpmodel backend; another project of the monorepo):
                    # another thing of that name, no advice.
                    return (
                        f"; a namesake is defined in {source.module}, but {pair[0]} never imports from {pair[1]}: "
                        "another thing of that name, perhaps"
                    ), None
                return f"; it is defined in {source.module}, outside the package it was imported from: if that is the one meant, import it from there", fix
            return f"; it is defined in {source.module}: import it from there", fix
        defined = self.definitions.anywhere.get(name, [])
        stand_ins = self.definitions.placeholders.get(name, set())
        everywhere = [d for d in defined if reachable(d.path) and d.path not in stand_ins]
        programs = [d for d in everywhere if _script_elsewhere(self.project, d, f)]
        if programs and len(programs) == len(everywhere):
            more = f" and {len(programs) - 1} more" if len(programs) > 1 else ""
            kind = "programs" if programs[1:] else "a program"
            return (
                f"; it is defined only in {programs[0].path}{more}, {kind} of {'their' if programs[1:] else 'its'} own "
                f"(a `__main__` block or a shebang), not a module to import it from"
            ), None
        everywhere = [d for d in everywhere if d not in programs]
        fitting = [d for d in everywhere if d.module not in unfit]
        if everywhere and not fitting:
            first = everywhere[0]
            kind = "function" if name in dict(first.summary.function_signatures) and not any(
                c.name == name and c.top_level for c in first.summary.classes) else "class"
            return (
                f"; the {kind} {name} of {first.module} {unfit[first.module or '']}: another thing of that name, no advice"
            ), None
        everywhere = fitting
        if defined and not everywhere and any(d.path in stand_ins for d in defined):
            # statsmodels' ``tsa.arima_model.ARMA``, whose ``__init__`` raises
            # NotImplementedError: importing it moves the failure to the first call.
            first = next(d for d in defined if d.path in stand_ins)
            return (
                f"; {first.module} defines it only as a placeholder left for a removed class (no base, and no member "
                f"that does anything), not one to import"
            ), None
        if any(d.module == f.module for d in everywhere):
            # The file defines the name itself (Solaar's `common.py` imports `FirmwareKind`
            # under `if TYPE_CHECKING:` and defines it further down): the import is stale.
            return f"; this module defines {name} itself: the import is not needed", None
        others = [d for d in everywhere if d.module not in already]
        if others and _read_as_module(f, rec, name):
            # The file reads attributes off the name, as off a module (cctbx's test of the
            # removed module `mmtbx.hydrogens.find`): a function of that name is another thing.
            functions = [d for d in others if name in dict(d.summary.function_signatures)]
            if len(functions) == len(others):
                return (
                    f"; {functions[0].module}.{name} is a function, and this file reads attributes off "
                    f"{_local_name(rec, name)} as off a module: another thing of that name, no advice"
                ), None
            others = [d for d in others if d not in functions]
        elsewhere = _defined_elsewhere(others, absolute, f, product, name)
        if elsewhere is not None:
            return elsewhere, None
        if defined and not everywhere:
            return (
                f"; it is defined only in {defined[0].path}, in another project of this repository "
                f"({units.label(defined[0].path)}), which {units.label(f.path)} does not depend on"
            ), None
        if len(others) < len(everywhere):
            known = ", ".join(sorted(already))
            home = sorted(d.module for d in everywhere if d.module in already)
            if home and (home[0], _local_name(rec, name)) in imported:
                # GridCal's `edit_grid.py` imports `FileOpen` from the module that defines
                # it, then again, by copy and paste, from a package that lacks it: the
                # second binds the same name to the same class, once it is fixed.
                return (
                    f"; this file already imports {name} under that name from {home[0]}, where it is defined: "
                    f"this import of it is a duplicate, drop it"
                ), None
            return f"; this file already imports the {name!r} of {known}, so another one is meant, and it is defined nowhere else", None
        # A near name, but not one that differs only in case, which in Python is another
        # kind of thing, nor the name with a word in front, a more specific thing (celery's
        # removed `task` decorator is neither its `Task` class nor its `subtask`), nor one
        # spelt as another kind of thing (`task_runner` is no `TaskRunner` class).
        close = [
            c for c in difflib.get_close_matches(name, _candidates(name, self._offered(absolute, provided)), n=3)
            if not c.lower().endswith(name.lower()) and _same_kind(c, name)
        ][:1]
        # The nearest name is the same object under another operation or kind
        # (`future_import` for `remove_future_import`): nothing is offered, not a weaker
        # match in its place.
        if close and (
            _adds_word_in_front(name, close[0]) or _other_first_word(name, close[0]) or _other_words(name, close[0])
            or _opposite_words(name, close[0])  # the reverse operation (encode for decode)
        ):
            close = []
        if close:
            return f"; did you mean {close[0]!r}?", None
        # Never the importing module itself: PYME's `bakeshop_app.main()` importing
        # `bakeshop_app` from a module that lacks it would call itself, not what it meant.
        moved = [m for m in self._modules_named(name, absolute, reachable) if m != f.module]
        wanted = _read_off(f, _local_name(rec, name))
        if wanted:
            # ibllib's examples read `spikeglx.Reader` off `from ibllib.io import spikeglx`,
            # a module that left for the `spikeglx` library: a first-party module of that
            # name without those attributes is another thing.
            moved = [m for m in moved if not self._lacks(m, wanted)]
        library = self._library_named(name) if wanted and not moved and name.islower() else None
        if library is not None:
            return (
                f"; {absolute} has no module or name {name!r}, but the project imports a module of that name "
                f"from outside it (`import {name}` in {library}): that may be what is meant"
            ), None
        if moved:
            # ezdxf's example imports `fonts` from `ezdxf.tools`, which it left for
            # `ezdxf.fonts.fonts`: a module of that name elsewhere is what the import meant.
            listed = ", ".join(moved[:3]) + (", ..." if len(moved) > 3 else "")
            return f"; {absolute} has no module or name {name!r}, but the project has module{'s' if len(moved) > 1 else ''} of that name: {listed}", None
        # (Not a module no import statement can name: a migration, `versions/3_oauth.py`,
        # a frozen snapshot of its day: augur's `CLI_USER_ID`.)
        assigned = [g for g in self.definitions.assigned(name) if g.module != absolute]
        bound = [g for g in assigned if g.module and importable(g.module)]
        if assigned and not bound:
            return "; it is not defined in any module an import statement can name", None
        if bound and not f.is_test and all(g.is_test for g in bound):
            # Only tests bind it (shap's `tests/benchmark/perturbation.py`, a string
            # `perturbation = "keep"`): not what a product module's import means.
            return "; it is not defined anywhere in the project outside its tests", None
        if bound:
            # Never one that imports this module as an example to take it from: importing it
            # from there would close an import cycle (thingsboard's gRPC manager assigns its
            # own `log` after it imports the converter that asks for one). An import that does
            # not run at import time (under `if TYPE_CHECKING:`, in a function) closes no
            # cycle: crawl4ai's type-only `RunManyReturn` is to come from `crawl4ai.models`.
            at_import = not rec.context & NOT_AT_IMPORT_TIME
            apart = [g for g in bound if not (at_import and self._loads_at_import(g.module or "", f.module or ""))]
            # The example first that the module named, or the importer, imports already
            # (crawl4ai's `async_dispatcher` imports `crawl4ai.models`), then the most imported.
            edges, importers = self.project.import_edges, self.project.importers
            near = {*edges.get(absolute, ()), *edges.get(f.module or "", ())}
            apart.sort(key=lambda g: (g.module not in near, -len(importers.get(g.module or "", ()))))
            if not apart:
                own = "it" if len(bound) == 1 else "each"
                return (
                    f"; {absolute} does not define it; {own} of the module{'s' if len(bound) > 1 else ''} that assign a "
                    f"module-level {name!r} imports this one, so define it here"
                ), None
            where = apart[0].module if len(bound) == 1 else f"{len(bound)} modules, such as {apart[0].module}"
            return f"; {absolute} does not define it, but {where} assign{'s' if len(bound) == 1 else ''} a module-level {name!r}", None
        unread = sorted(
            m for m in self.project.opaque_modules
            if m.rpartition(".")[0] == absolute and importable(m) and not m.rpartition(".")[2].endswith("version")
        )
        if unread:
            # xpra's `xpra.net.vsock` package holds `vsock.pyx`, a Cython module that defines
            # `CID_ANY`: "not defined anywhere" would be false, and the likely home is there.
            # Only the package's own modules, and not the version file a build writes
            # (setuptools-scm's `_version.py`), which holds nothing else.
            listed = ", ".join(unread[:3]) + (", ..." if len(unread) > 3 else "")
            return (
                f"; no Python module of the project defines it, but {absolute} holds "
                f"{'modules' if len(unread) > 1 else 'a module'} ssotlint does not read ({listed}: compiled, a stub "
                f"or generated) that may"
            ), None
        return "; it is not defined anywhere in the project", None

    def _loads_at_import(self, source: str, target: str) -> bool:
        """Importing ``source`` runs ``target`` (its import-time imports, and their packages,
        lead there)."""
        if not target:
            return False
        seen: set[str] = set()
        stack = [source]
        while stack:
            module = stack.pop()
            if module == target:
                return True
            if module in seen:
                continue
            seen.add(module)
            for step, packages in self.project.runtime_steps(module):
                stack.append(step)
                stack.extend(packages)
        return False

    def _lacks(self, module: str, attributes: set[str]) -> bool:
        """Whether ``module`` certainly has none of some of ``attributes`` (no name it
        binds or serves, no submodule)."""
        provided = self.project.provided(module)
        if provided.open:
            return False
        return any(a not in provided.names and f"{module}.{a}" not in self.project.modules for a in attributes)

    def _library_named(self, name: str) -> str | None:
        """A production file that imports a module outside the project named ``name``
        (``import spikeglx`` when no first-party ``spikeglx`` is at the top), the first by
        path; None when none does or ``name`` is first-party at the top."""
        if self._libraries is None:
            self._libraries = {}
            for g in self.project.files:
                if g.is_test:
                    continue
                for rec in g.summary.imports:
                    if not rec.level and rec.module and "." not in rec.module and not self.project.is_first_party(rec.module):
                        self._libraries.setdefault(rec.module, g.path)
        return self._libraries.get(name)

    def _modules_named(self, name: str, absolute: str, reachable: Callable[[str], bool]) -> list[str]:
        """The project's production modules called ``name`` (the last part of their dotted
        name) outside ``absolute``, that the importing file can reach, by name."""
        if self._by_last_part is None:
            self._by_last_part = {}
            for m, f in self.project.modules.items():
                if not f.is_test:
                    self._by_last_part.setdefault(m.rpartition(".")[2], []).append(m)
        modules = self.project.modules
        return sorted(
            m for m in self._by_last_part.get(name, ())
            if m.rpartition(".")[0] != absolute and reachable(modules[m].path)
        )


def _imported_elsewhere(f: SourceFile, rec: ImportRecord, name: str) -> set[tuple[str, str]]:
    """``(module, local name)`` for each other from-import statement of ``f`` that imports
    ``name`` (under any alias)."""
    return {
        (absolute, alias or n)
        for other, absolute in zip(f.summary.imports, f.absolutes)
        if other is not rec and other.is_from and absolute is not None
        for n, alias in other.names if n == name
    }


# A context manager that sets names on a module, and puts one into sys.modules, for its
# ``with`` block (a class's ``__enter__``; a ``@contextmanager`` function).
_LEGACY_PATCH = (
    "import sys\nfrom types import ModuleType\nimport app.enums\n"
    "from contextlib import contextmanager\n"
    "class legacy_patch:\n    def __enter__(self):\n"
    "        sys.modules['app.argparse_utils'] = ModuleType('app.argparse_utils')\n"
    "        app.enums._FaultTolerantMode = 1\n        return self\n"
    "    def __exit__(self, *exc):\n        del app.enums._FaultTolerantMode\n"
    "@contextmanager\ndef patched():\n    setattr(app.enums, 'Old', 1)\n    yield\n"
)

def _history_registry(setter: str) -> dict[str, str]:
    """django-simple-history: ``HistoricalRecords`` builds a history class for each model
    that declares it and ``setter`` puts it on the model's module; the tests import those."""
    return {
        "hist/__init__.py": "",
        "hist/models.py": (
            "import importlib\n\n\nclass HistoricalRecords:\n    prefix = 'Historical'\n\n"
            "    def finalize(self, model):\n        history = type(self.prefix + model.__name__, (), {})\n"
            "        module = importlib.import_module(model.__module__)\n"
            f"        {setter}\n"
        ),
        "hist/tests/__init__.py": "",
        "hist/tests/models.py": "from hist.models import HistoricalRecords\n\n\nclass Poll:\n    history = HistoricalRecords()\n",
        "hist/tests/test_models.py": "from hist.tests.models import HistoricalPoll, HistoricalPoll_places, PollArchive\n",
    }


def _inherited_history(inherit: str) -> dict[str, str]:
    """A base with a django-simple-history field, built by a factory in ``core.models``;
    ``inherit`` is the field's keyword."""
    return {
        "core/__init__.py": "",
        "core/models.py": (
            "from django.db import models\nfrom simple_history.models import HistoricalRecords\n\n\n"
            "class SoftDeleteHistoricalRecords(HistoricalRecords):\n    pass\n\n\n"
            "def auditable_factory(excluded=()):\n    class Base(models.Model):\n"
            f"        history = SoftDeleteHistoricalRecords(excluded_fields=list(excluded), {inherit})\n\n"
            "        class Meta:\n            abstract = True\n\n    return Base\n"
        ),
        "features/__init__.py": "",
        "features/models.py": (
            "from django.db import models\nfrom core.models import auditable_factory\n\n\n"
            "class FeatureState(auditable_factory(excluded=['uuid'])):\n    enabled = models.BooleanField()\n"
        ),
        "features/tasks.py": "from features.models import FeatureState, HistoricalFeatureState, HistoricalSegment\n",
    }


def _exported_interface(call: str) -> dict[str, str]:
    """ganga: ``GPIexport.py``'s ``exportToGPI`` hands ``app.gpi`` to ``_add``, which sets each
    exported name on it with ``setattr``; ``call`` is its statement that hands the module on."""
    return {
        "app/__init__.py": "",
        "app/gpi/__init__.py": '"""The interface: filled at run time."""\n',
        "app/export.py": "import app.gpi\n\n\ndef _add(interface, name, obj):\n    setattr(interface, name, obj)\n\n\n"
        "def exportToGPI(name, obj):\n    " + call + "\n",
        "app/jobs.py": "from app.export import exportToGPI\n\n\nclass Job:\n    pass\n\n\nexportToGPI('Job', Job)\n",
        "app/scripts.py": "from app.gpi import Job\n",
    }



def _implicit_relative(more: dict[str, str]) -> dict[str, str]:
    """A module of a package importing its sibling by the bare name, and ``more`` files."""
    return {
        "app/__init__.py": "",
        "app/auth/__init__.py": "",
        "app/auth/auth_type.py": "class AuthType:\n    NO_AUTH = 'none'\n",
        "app/auth/no_auth.py": "from auth_type import AuthType\n\n\ndef kind():\n    return AuthType.NO_AUTH\n",
        **more,
    }

def _own_top_package(init: str) -> dict[str, str]:
    """ayon-core's ``vendor/python/scriptsmenu/``: a package in a folder of top-level
    packages (no ``__init__.py`` there), whose launcher imports it by its bare name and reads
    ``ScriptsMenu`` off it; its ``__init__`` is ``init``."""
    return {
        "app/__init__.py": "",
        "app/vendor/__init__.py": "",
        "app/vendor/python/menu/__init__.py": init,
        "app/vendor/python/menu/menu.py": "class ScriptsMenu:\n    pass\n",
        "app/vendor/python/menu/launch.py": "import menu\n\n\ndef main():\n    return menu.ScriptsMenu()\n",
        "app/cli.py": "from app.vendor.python.menu import launch\n",
    }


def _built_from_src_tree(**more: str) -> dict[str, str]:
    """panda3d's shape: ``direct/`` holds only ``src/``, which its build copies to the
    installed ``direct`` package (no ``__init__.py`` in either folder)."""
    return {
        "direct/src/showbase/__init__.py": "",
        "direct/src/showbase/ShowBase.py": "from .Loader import Loader\n\n\nclass ShowBase:\n    pass\n",
        "direct/src/showbase/Loader.py": "class Loader:\n    pass\n",
        "direct/src/gui/__init__.py": "",
        "direct/src/gui/DirectButton.py": "from direct.showbase.ShowBase import ShowBase\n",
        "direct/src/dist/__init__.py": "",  # `dist` folders are not read (default exclude)
        "samples/roaming.py": "from direct.showbase.ShowBase import ShowBase\nfrom direct.gui import DirectButton\n"
        "from direct.dist import FreezeTool\n",
        **more,
    }

def _ffi_fallback(alias: str) -> dict[str, str]:
    """A module importing a compiled module's names, with a pure-Python fallback, under an
    ``except`` that names a module-level alias bound to ``alias``."""
    return {
        "app/__init__.py": "",
        "app/_cy3/__init__.py": "",
        "app/_ctypes.py": "def convert(x):\n    return x\n",
        "app/ffi.py": f"MODE = 'cython'\nIMPORT_EXCEPT = {alias}\ntry:\n    from app._cy3.core import convert\n"
        "except IMPORT_EXCEPT:\n    from app._ctypes import convert\n",
    }


RULE = Rule(
    code="SSOT003",
    name="broken-import",
    summary="Importing a first-party module or name that does not exist",
    check=check,
    check_files=check_files,
    through_closure=False,  # a name is importable from what its module binds
    scope_key=_excused_key,
    fixable="sometimes",
    valid=(
        # A module with a Python shebang that no module imports is a script: its folder is
        # first on sys.path when it runs, and the bare sibling imports there may be meant so.
        Example(
            {
                "app/__init__.py": "",
                "app/main.py": "from app.sub import user\n",
                "app/sub/__init__.py": "",
                "app/sub/helper.py": "def f():\n    pass\n",
                "app/sub/tool.py": "#!/usr/bin/env python\nimport helper\n\n\ndef run():\n    return helper.f()\n",
                "app/sub/user.py": "import helper\n\n\ndef g():\n    return helper.f()\n",
            },
        ),
        # A package folder whose runner script is run there (openbmc's `tests2/cit_runner.py`,
        # `python cit_runner.py`): its folder is first on `sys.path`, and the tests it loads
        # import its packages by their own names (`from common.base_test import BaseTest`),
        # not the top-level `common/` folder of build recipes.
        Example({
            "common/recipes/files/flash.py": "def flash():\n    return 0\n",
            "tests2/__init__.py": "",
            "tests2/cit_runner.py": (
                "import unittest\n\nfrom utils.platforms import PLATFORMS\n\n\n"
                "if __name__ == '__main__':\n    unittest.main(module=None, argv=['x', *PLATFORMS])\n"
            ),
            "tests2/utils/__init__.py": "",
            "tests2/utils/platforms.py": "PLATFORMS = ['wedge']\n",
            "tests2/common/__init__.py": "",
            "tests2/common/base_test.py": "from utils.platforms import PLATFORMS\n\n\nclass BaseTest:\n    platforms = PLATFORMS\n",
            "tests2/tests/__init__.py": "",
            "tests2/tests/wedge/__init__.py": "",
            **{
                f"tests2/tests/wedge/test_{name}.py": f"from common.base_test import BaseTest\n\n\nclass {name.title()}Test(BaseTest):\n    pass\n"
                for name in ("eeprom", "fans", "psu")
            },
        }),
        # A dead-code checker's list of uses (execution-specs' `vulture_whitelist.py`):
        # vulture parses it; nothing imports or runs it.
        Example(_usage_list("vulture_whitelist.py")),
        # A name a module sets on a package when it is loaded (cctbx's `libtbx/load_env.py`:
        # `libtbx.env = ...`), read inside a function of a module that loads that module at
        # its top: the function runs after the name is set.
        Example({
                "lib/__init__.py": "",
                "lib/config.py": "class Env:\n    name = 'dev'\n\n\ndef load():\n    return Env()\n",
                "lib/load_env.py": "import lib\nimport lib.config\n\nlib.env = lib.config.load()\n",
                "app/__init__.py": "",
                "app/run.py": "import lib.load_env\n\n\ndef main():\n    from lib import env\n    return env.name\n",
            }),
        # A folder holding only a `src/` folder of packages, imported as the folder's own
        # (panda3d's `direct/src/showbase/` imported as `direct.showbase`): the build makes
        # `src/` the package, and the imports are judged by those names.
        Example(_built_from_src_tree()),
        # A test module skipped as a whole before its imports (adk-python's "skip until
        # fixed", `pytest.skip(..., allow_module_level=True)`): they never run.
        Example({
            "app/__init__.py": "",
            "app/agents.py": "class Agent:\n    pass\n",
            "tests/test_agents.py": "import pytest\n\npytest.skip('until fixed', allow_module_level=True)\n\n"
            "from app.agents import Agent, InvocationContext\n",
        }),
        # A package no statement imports from (infrahub's `models/`, whose script a runner
        # loads by path): its folder is first on `sys.path`, and the bare name is the sibling.
        Example(_implicit_relative({})),
        # A package in a folder of top-level packages (ayon-core's `vendor/python/`, no
        # `__init__.py`), whose launcher imports it by its own bare name and reads what its
        # `__init__` binds from the sibling of that name: written for the folder on sys.path.
        Example(_own_top_package("from .menu import ScriptsMenu\n")),
        # A program beside them that parses its arguments at its top, which nothing imports
        # (PyG's `benchmark/kernel/main.py`, run as `python main.py`): the folder is first
        # on sys.path, and the bare names are the siblings.
        Example(_implicit_relative({
            "tests/test_auth.py": "from app.auth.no_auth import kind\n",
            "app/auth/main.py": "import argparse\n\nfrom no_auth import kind\n\nparser = argparse.ArgumentParser()\n"
            "parser.add_argument('--epochs', type=int)\nargs = parser.parse_args()\nprint(kind(), args.epochs)\n",
        })),
        # A bare name beside a module of that name that is the library it wraps (a Django
        # project's `celery.py`, its `tasks.py` importing `shared_task` from celery), a
        # module importing the library it is named for, and a script's folder (first on
        # sys.path when it runs) are no implicit relative imports.
        Example({
            "proj/__init__.py": "",
            "proj/celery.py": "import celery\n\napp = celery.Celery('proj')\n",
            "proj/tasks.py": "from celery import shared_task\n\n\n@shared_task\ndef ping():\n    return 1\n",
            "proj/redis.py": "from redis import Redis\n\nclient = Redis()\n",
            # The wrapper imports the library it is named for, so the name is the
            # library's beside it too (sirepo's `raydata/databroker.py`).
            "proj/broker.py": "import broker\n\n\ndef catalog(name):\n    return broker.catalog[name]\n",
            "proj/replay.py": "import broker\n\n\ndef run(uid):\n    return broker.catalog['x'][uid]\n",
            "tools/__init__.py": "",
            "tools/helpers.py": "def run():\n    return 1\n",
            "tools/cli.py": "from helpers import run\n\nif __name__ == '__main__':\n    run()\n",
            # A fallback for running outside the package (ANTLR's generated visitors).
            "proj/gen/__init__.py": "",
            "proj/gen/CalcParser.py": "class CalcParser:\n    pass\n",
            "proj/gen/CalcVisitor.py": (
                "if __name__ is not None and '.' in __name__:\n    from .CalcParser import CalcParser\nelse:\n"
                "    from CalcParser import CalcParser\n"
            ),
        }),
        # A submodule of the bare name is a package's, which no plain module beside can be.
        Example({
            "proj/__init__.py": "",
            "proj/store.py": "def connect():\n    return 1\n",
            "proj/search.py": "import store\nimport store.queries\n\n\ndef find():\n    return store.connect()\n",
        }),
        # A folder without `__init__.py` named for the tool that runs its files (osc's
        # `behave/features/`): what its files import of that name is the tool's.
        Example({
            "app/__init__.py": "",
            "behave/features/environment.py": "from behave.model_core import Status\n",
            "behave/features/steps/common.py": "import behave\n\n\n@behave.step('I run it')\ndef step_impl(context):\n    pass\n",
        }),
        # A Django application of another edition, imported only when it is installed
        # (frePPLe's open-core `freppledb.inventoryplanning`): deliberately optional.
        Example({
            "shop/__init__.py": "",
            "shop/settings.py": "INSTALLED_APPS = ['shop']\n",
            "shop/sync.py": (
                "from django.apps import apps\nfrom django.conf import settings\n\n\ndef sync():\n"
                "    with_plan = 'shop.planning' in settings.INSTALLED_APPS\n    if with_plan:\n"
                "        from shop.planning.models import Segment\n        return Segment\n"
                "    if apps.is_installed('shop.forecast'):\n        from shop.forecast import engine\n        return engine\n"
                "    if 'shop.reports' not in settings.INSTALLED_APPS:\n        return None\n    else:\n"
                "        import shop.reports.views\n"
            ),
        }),
        # A generator's stand-alone copy of its own library (awkward's Lark parser,
        # "automatically generated by Lark v0.12.0", with its own `__version__`): the imports
        # inside its functions name that library's layout, on paths it does not take.
        Example({
            "app/__init__.py": "",
            "app/types/__init__.py": "",
            "app/types/_parser.py": "# flake8: noqa\n\n# The file was automatically generated by Lark v0.12.0\n__version__ = '0.12.0'\n\n\n"
                "class UnexpectedEOF(Exception):\n    def __init__(self):\n        from .lexer import Token\n        self.token = Token()\n",
            "app/types/parse.py": "from app.types._parser import UnexpectedEOF\n",
        }),
        # A package whose `__init__` runs a generator when imported may write its own
        # submodules (clearml-server's `apierrors/__init__.py` ends
        # `ErrorsGenerator.generate_python_files()`, which writes `apierrors/errors/` from a
        # configuration file): what is imported from them is not missing.
        Example(
            {
                "api/__init__.py": "",
                "api/errors_generator.py": "class ErrorsGenerator:\n    @classmethod\n    def generate_python_files(cls): ...\n",
                "api/apierrors/__init__.py": "from .base import BaseError\nfrom api.errors_generator import ErrorsGenerator\n\n"
                "ErrorsGenerator.generate_python_files()\n",
                "api/apierrors/base.py": "class BaseError(Exception): ...\n",
                "api/bll.py": "from api.apierrors import errors\nfrom api.apierrors.errors.bad_request import InvalidModelId\n"
                "from api.apierrors.errors import bad_request\n",
            }
        ),
        # A Python 2 script (its shebang says so) of a project that runs on Python 3 alone
        # runs against an older release installed where Python 2 is (freeipa's
        # `contrib/copy-schema-to-ca-RHEL6.py`, for RHEL6 masters): the names it imports
        # are that release's.
        Example(
            {
                "app/__init__.py": "",
                "app/install/__init__.py": "",
                "app/install/dsinstance.py": "def schema_dirname(): ...\n",
                "contrib/copy_schema.py": "#!/usr/bin/python2\nfrom app.install.dsinstance import schema_dirname, DS_USER\n"
                "from app.install.sysrestore import restore\n",
            }
        ),
        # A retired module that raises at its top before its imports (lino's
        # `utils/weekly.py`): importing it stops at the `raise`, the imports never run.
        Example({"app/__init__.py": "", "app/weekly.py": "raise Exception('no longer used')\n\nfrom app.gone import SiteUser\n"}),
        # The same after a `raise` in a function (Tuxemon's unfinished action).
        Example({"app/__init__.py": "", "app/net.py": "def load(data):\n    raise NotImplementedError\n    from app.gone import Npc\n    return Npc(data)\n"}),
        # A folder without `__init__.py` whose own files import modules of its name that it
        # does not have, and that nothing outside it imports through: the recipes another
        # distribution of that name runs (kitty's `bypy/` for the `bypy` build tool).
        Example(
            {
                "app/__init__.py": "",
                "bypy/init_env.py": "from bypy.constants import BIN, PREFIX\nfrom bypy.utils import run_shell\n",
                "bypy/linux/__main__.py": "from bypy.freeze import freeze_python\nfrom bypy import macos_sign\n",
                "bypy/site.py": "import sys\n",
            }
        ),
        # A package whose own decorator installs a `__getattr__` on the module of what it
        # decorates (PySyft's `@module_property`): the package serves the names it computes.
        Example(
            {
                "app/__init__.py": "import sys\n\n\ndef module_property(func):\n    module = sys.modules[func.__module__]\n"
                "    old = getattr(module, '__getattr__', None)\n\n    def new_getattr(name):\n"
                "        if f'_{name}' == func.__name__:\n            return func()\n        return old(name)\n\n"
                "    module.__getattr__ = new_getattr\n    return func\n\n\n@module_property\ndef _settings():\n    return {}\n",
                "app/tests.py": "from app import settings\n",
            }
        ),
        # A package a function of the project fills with `setattr` on its argument, handed
        # the package (ganga's `GangaCore.GPI`, filled by `exportToGPI`).
        Example(_exported_interface("_add(app.gpi, name, obj)")),
        # The same with one package of the other distribution, at two depths: an Ansible
        # module in a folder of playbooks (copr's `ansible/library/copr.py`).
        Example(
            {
                "app/__init__.py": "",
                "ansible/library/copr.py": "from ansible.module_utils import distro\n"
                "from ansible.module_utils.basic import AnsibleModule\n",
            }
        ),
        # A shim that binds nothing and hands another module's dotted name to a call
        # (`zope.deprecation.moved`, `zope.deferredimport`): it serves that module's names.
        Example(
            {
                "app/__init__.py": "",
                "app/PloneBatch.py": "from zope.deprecation import moved\n\nmoved('plone.base.batch', 'Version 7.0')\n",
                "app/compat.py": "import zope.deferredimport\n\n__all__ = ['Batch']\n"
                "zope.deferredimport.deprecated('moved', Batch='plone.base.batch:Batch')\n",
                "app/setup.py": "from app.PloneBatch import Batch\nfrom app.compat import Batch as B\n",
            }
        ),
        # A class decorator that sets computed names on its class's module
        # (`setattr(sys.modules[cls.__module__], name, ...)`, matplotlib's backends'
        # `@_Backend.export`, reached through a subclass): the module serves them.
        Example(
            {
                "app/__init__.py": "",
                "app/base.py": "import sys\n\n\nclass Backend:\n    @classmethod\n    def export(cls):\n"
                "        for name in ['FigureCanvas', 'show']:\n"
                "            setattr(sys.modules[cls.__module__], name, getattr(cls, name))\n        return cls\n",
                "app/qt.py": "from app.base import Backend\n\n\nclass BackendQt(Backend):\n    pass\n",
                "app/qtagg.py": "from app.qt import BackendQt\n\n\nclass CanvasAgg:\n    pass\n\n\n"
                "@BackendQt.export\nclass _BackendQtAgg(BackendQt):\n    FigureCanvas = CanvasAgg\n",
                "app/embed.py": "from app.qtagg import FigureCanvas, show\n",
            }
        ),
        # The ImportError handler of a `try` whose own imports from the project resolve is
        # where another release of the project keeps them, under the same names or not.
        Example(
            {
                "app/qpy.py": "def dump(): ...\ndef load(): ...\n",
                "test/test_compat.py": "try:\n    from app.qpy import dump, load\n"
                "except ModuleNotFoundError:\n    from app.circuit.qpy_serialization import dump, load\n"
                "def run():\n    try:\n        from app import __version__ as version\n"
                "    except ImportError:\n        from app import get_version\n        version = get_version()\n"
                "    try:\n        from app.qpy import dump\n"
                "    except ImportError:\n        from app.old_qpy import dump, load\n        import app.old_qpy\n",
                "app/__init__.py": "__version__ = '1.0'\n",
            }
        ),
        # A star import of a package without `__all__` brings the submodules the package's
        # own statements import: the import system sets them on it.
        Example(
            {
                "app/__init__.py": "",
                "app/backend/__init__.py": "from app.backend.jax import *\n",
                "app/backend/jax/__init__.py": "from app.backend.jax import random\nfrom .linalg import solve\n",
                "app/backend/jax/random.py": "def seed(): ...\n",
                "app/backend/jax/linalg.py": "def solve(): ...\n",
                "app/ops.py": "from app.backend import random, linalg, solve\n",
            }
        ),
        # A package that registers old submodule names with the project's own import hook
        # (a finder in sys.meta_path), passing its own `__name__`: the hook serves them.
        Example(
            {
                "app/__init__.py": "",
                "app/_compat.py": "import sys\nclass Finder: ...\n"
                "def deprecated_submodule(*, new_module_name, old_parent, old_child):\n"
                "    sys.meta_path.append(Finder())\n",
                "app/data/__init__.py": "from app import _compat\n_compat.deprecated_submodule("
                "new_module_name=f'{__name__}.module_a', old_parent=__name__, old_child='fake_a')\n"
                "_compat.deprecated_submodule(new_module_name=f'{__name__}.module_a.b', "
                "old_parent=f'{__name__}.module_a', old_child='fake_ab')\n",
                "app/data/module_a/__init__.py": "",
                "app/data/module_a/b.py": "",
                "app/test_compat.py": "import app.data.fake_a\nfrom app.data.fake_a import b\n"
                "import app.data.module_a.fake_ab\nfrom app.data import fake_a\n",
            }
        ),
        # A branch a module-level constant makes dead never runs (an unasync-generated sync
        # module keeps its async twin's imports under `else:` of `if _IS_SYNC:`).
        Example(
            {
                "app/__init__.py": "",
                "app/network.py": "def receive_data(): ...\n",
                "app/sync_io.py": "_IS_SYNC = True\nDEBUG: bool = False\n"
                "def read():\n    if _IS_SYNC:\n        from app.network import receive_data\n"
                "    else:\n        from app.network import receive_data_socket\n"
                "if not _IS_SYNC:\n    import app.async_only\n"
                "if DEBUG:\n    from app.debug_tools import trace\n",
            }
        ),
        # A script runs with its own folder first on sys.path: `utils` is the package beside
        # it (whose relative imports bind its names), not the repository's top `utils/`.
        Example(
            {
                "utils/check_copies.py": "",
                "examples/server-async/serverasync.py": "from utils import Pipeline, helper\nimport utils.scheduler\n",
                "examples/server-async/utils/__init__.py": "from .pipe import Pipeline\nfrom . import helper\n",
                "examples/server-async/utils/pipe.py": "class Pipeline: ...\n",
                "examples/server-async/utils/helper.py": "",
                "examples/server-async/utils/scheduler.py": "",
                # Beside a regular first-party package's namesake (a tool's `fabric.py`
                # config file beside a fabfile that the running `fabric` loads): it
                # resolves in the package, so it is not broken.
                "fabric/__init__.py": "def task(f):\n    return f\n",
                "deploy/py_conf/fabfile.py": "from fabric import task\n",
                "deploy/py_conf/fabric.py": "it_came_from = 'py'\n",
                # A module of a namespace package that imports its own top package by its
                # absolute name (chatgpt-on-wechat's `channel/wechatmp/`): written to run
                # with the repository's top on sys.path, where `common` is the top one,
                # whatever `common.py` lies beside it.
                "common/log.py": "logger = None\n",
                "channel/chat_message.py": "class ChatMessage: ...\n",
                "channel/wechatmp/common.py": "TOKEN = 1\n",
                "channel/wechatmp/reply.py": "from channel.wechatmp.common import TOKEN\nfrom common.log import logger\n",
                "channel/wechatmp/message.py": "from channel.chat_message import ChatMessage\nfrom common.log import logger\n",
                # A module of a regular package through namespace folders, with no
                # `__main__` block (letta's `letta/schemas/openai/`): its `from openai import`
                # reads the library, whatever `openai.py` lies beside it.
                "agent/__init__.py": "",
                "agent/schemas/openai/openai.py": "class Request: ...\n",
                "agent/schemas/openai/responses.py": "from openai import NOT_GIVEN\nfrom openai.types import Metadata\n",
            }
        ),
        # A script in a package folder (a service's `main.py` a launcher runs as `python
        # service/captioning/main.py`) imports its folder's `api/` by its bare name, and the
        # modules below that folder spell their own path from it: that folder is on
        # sys.path while the script runs, not the repository's top `api` package.
        Example(
            {
                "api/__init__.py": "",
                "api/models.py": "",
                "service/__init__.py": "",
                "service/captioning/__init__.py": "",
                "service/captioning/main.py": "from api.im2txt.sample import Im2txt\nif __name__ == '__main__':\n    Im2txt()\n",
                "service/captioning/api/im2txt/sample.py": "from api.im2txt.model import Decoder\nclass Im2txt: ...\n",
                "service/captioning/api/im2txt/model.py": "class Decoder: ...\n",
                "service/captioning/api/im2txt/blip/blip.py": "from api.im2txt.blip.med import Bert\n",
                "service/captioning/api/im2txt/blip/med.py": "class Bert: ...\n",
            }
        ),
        # An import under a check that its module can be imported runs only when it can (an
        # add-on installed apart: taipy's `if find_spec("taipy.enterprise"):`).
        Example(
            {
                "app/__init__.py": "",
                "app/run.py": "from importlib.util import find_spec\nimport importlib.util\n"
                "if find_spec('app.enterprise'):\n    from app.enterprise._init import *\n"
                "if importlib.util.find_spec('app.designer') is not None:\n    import app.designer\n"
                "if find_spec('app.pro') is None:\n    pass\nelse:\n    from app.pro import extra\n",
                # A compiled extension the build may put in the package (mmdeploy's ncnn_ext).
                "app/backend/__init__.py": "",
                "app/backend/wrapper.py": "import importlib.util\n\n\ndef load(net):\n"
                "    if importlib.util.find_spec('app.backend.ncnn_ext'):\n        from app.backend import ncnn_ext\n"
                "        ncnn_ext.register(net)\n",
            }
        ),
        # A module that tests whether it runs in its package is written to run as a script
        # too, its own folder first on sys.path: its bare `utils` is the module beside it
        # there, not the repository's top `utils/` folder (NVIDIA's SE3Transformer tests).
        Example(
            {
                "utils/readme.py": "",
                "se3/__init__.py": "",
                "se3/tests/__init__.py": "",
                "se3/tests/utils.py": "def rot(): ...\n",
                "se3/tests/test_equivariance.py": "if __package__ is None or __package__ == '':\n"
                "    from utils import rot\nelse:\n    from .utils import rot\n",
            }
        ),
        # Folders the code puts on sys.path answer its imports: a conftest's (pytest runs it
        # before the tests under its folder; a bare literal is relative to the working
        # directory, one folder per platform), and a script's own, built from `__file__`,
        # for its imports below the call.
        Example(
            {
                "analyzer/readme.py": "",
                "helpers/__init__.py": "",
                "conftest.py": "import sys\nif WINDOWS:\n    sys.path.insert(0, 'app/data/analyzer/windows')\n"
                "else:\n    sys.path.insert(0, 'app/data/analyzer/linux')\n",
                "app/__init__.py": "",
                "app/data/analyzer/windows/analyzer.py": "class Analyzer: ...\nclass Files: ...\n",
                "app/data/analyzer/linux/analyzer.py": "class Analyzer: ...\n",
                "tests/windows/test_analyzer.py": "from analyzer import Analyzer, Files\n",
                "tests/linux/test_analyzer.py": "from analyzer import Analyzer\n",
                "tools/run.py": "import os, sys\nHERE = os.path.dirname(os.path.abspath(__file__))\n"
                "sys.path.insert(0, os.path.join(HERE, 'lib'))\nfrom helpers import fmt\n",
                "tools/lib/helpers.py": "def fmt(): ...\n",
            }
        ),
        # A template whose source a generator reads as text and pastes into the module it
        # writes: its imports are right where it lands, never run where it lies.
        Example(
            {
                "app/__init__.py": "",
                "app/utils.py": "def age(): ...\n",
                "devscripts/__init__.py": "",
                "devscripts/utils.py": "def read_file(name):\n    with open(name) as f:\n        return f.read()\n",
                "devscripts/make_lazy.py": "from devscripts.utils import read_file\nTEMPLATE = read_file('devscripts/lazy_template.py')\n",
                "devscripts/lazy_template.py": "from ..utils import age\nfrom app.gone import x\n",
            }
        ),
        # Modules the project's code writes by a literal path: a generator's first step
        # writes `async_base.py` beside itself, which the next steps import; `setup.py`
        # writes the version module.
        Example(
            {
                "tools/__init__.py": "",
                "tools/gen/__init__.py": "",
                "tools/gen/config.py": "from pathlib import Path\nCODE_DIR = Path(__file__).parent\n",
                "tools/gen/base_generator.py": "from tools.gen.config import CODE_DIR\ndef main():\n"
                "    with open(CODE_DIR / 'async_base.py', 'w') as out:\n        out.write('class AsyncBase: ...')\n",
                "tools/gen/client_generator.py": "from tools.gen.async_base import AsyncBase\nfrom tools.gen import async_base\n",
                "setup.py": "import os\nhere = os.path.dirname(__file__)\n"
                "target = os.path.join(here, 'app', 'version.py')\nopen(target, mode='w').write('v = 1')\n",
                "app/__init__.py": "from app.version import v\n",
            }
        ),
        Example(
            {
                "app/__init__.py": "from app.core import *\n",
                "app/core.py": "__all__ = ['Engine']\nclass Engine: ...\n",
                "app/lazy.py": "def __getattr__(name):\n    return name\n",
                "app/flags.py": "import sys\nfor _n in ('A', 'B'):\n    globals()['CO_' + _n] = 1\n"
                "sys.modules[__name__ + '.path'] = sys\n",
                "app/flag_user.py": "from app.flags import CO_A\nimport app.flags.path\n",
                # A generated parser kept as source text and run by exec at import time.
                "app/parser.py": "exec(r\"\"\"\nclass Parser:\n    pass\n\"\"\")\n",
                "app/parse_user.py": "from app.parser import Parser\n",
                # `build` folders are excluded by default, but this one is a package: the
                # imports may well work, and ssotlint did not read it.
                "app/build/__init__.py": "",
                "app/build/tracker.py": "class Tracker: ...\n",
                "app/builder.py": "from app.build.tracker import Tracker\nfrom app import build\nimport app.build\n"
                "from app.tasks.celery.build.tasks import cleanup\n",
                # ... below folders with no __init__.py (namespace packages) too.
                "app/tasks/celery/build/__init__.py": "",
                "app/tasks/celery/build/tasks.py": "def cleanup(): ...\n",
                # Providers installed separately land in this package's extended __path__.
                "app/providers/__init__.py": "__path__ = __import__('pkgutil').extend_path(__path__, __name__)\n",
                "app/hooks.py": "from app.providers.sql.hooks import DbApiHook\nfrom app.providers import sql\n",
                # ... also under a condition, from folders an environment variable names.
                "app/plugins/__init__.py": "import os\nif os.environ.get('APP_PLUGINS'):\n"
                "    for folder in os.environ['APP_PLUGINS'].split(':'):\n        __path__.append(folder)\n",
                "app/solvers.py": "from app.plugins.dispersion import dftd3\nfrom app.plugins import tblis\n",
                "app/sub/__init__.py": "",
                "app/sub/leaf.py": "X = 1\n",
                "app/user.py": "from app import Engine, sub\nfrom app.lazy import anything\n"
                "from app.sub import leaf\nimport app.sub.leaf\nimport requests\n"
                "try:\n    from app.optional import Thing\nexcept ImportError:\n    Thing = None\n",
            }
        ),
        # A module whose namespace a function fills at import time: handed over as
        # `namespace=globals()`, as `sys.modules[__name__]` or a `find_current_module()`,
        # or written through `locals()[k] = v` or `vars()[k] = v` at module level, or bound to a name
        # (`module = sys.modules[__name__]`, `sys` perhaps under an alias) that `setattr` gives
        # names it computes (one signal per action and prefix, in a loop). Any name may exist there.
        Example(
            {
                "app/__init__.py": "",
                "app/events.py": "import sys\nmodule = sys.modules[__name__]\nfor action in ('create', 'complete'):\n"
                "    for prefix in ('pre', 'post'):\n        setattr(module, f'{prefix}_{action}_case', object())\n",
                "app/test_events.py": "from app.events import post_complete_case\n",
                "app/_utils.py": "def add_prefixes(unit, namespace):\n    namespace['k' + unit] = unit\n"
                "def set_consts(module):\n    setattr(module, 'c', 1)\n",
                "app/units.py": "from app._utils import add_prefixes\nadd_prefixes('m', namespace=globals())\n",
                "app/consts.py": "import sys\nfrom app import _utils\n_utils.set_consts(\n    sys.modules[__name__],\n)\n",
                "app/astro.py": "from app import _utils\nfrom app.introspect import find_current_module\n"
                "_utils.set_consts(find_current_module())\n",
                "app/introspect.py": "import sys\ndef find_current_module():\n    return sys.modules[__name__]\n",
                "app/si.py": "for _n, _v in (('G', 1), ('h', 2)):\n    locals()[_n] = _v\n",
                "app/tools.py": "import unittest\n__all__ = ['ok_']\n\n\ndef ok_(x):\n    assert x\n\n\n"
                "_t = unittest.TestCase('__init__')\nfor at in [a for a in dir(_t) if a.startswith('assert')]:\n"
                "    name = at.lower()\n    vars()[name] = getattr(_t, at)\n    __all__.append(name)\n",
                "app/test_tools.py": "from app.tools import assertequal, ok_\n",
                "app/metrics.py": "import sys as _sys\n_module_obj = _sys.modules[__name__]\n"
                "for _name in ('rate_difference', 'rate_ratio'):\n    setattr(_module_obj, _name, len)\n",
                "app/user.py": "from app.units import km\nfrom app.consts import c\nfrom app.astro import c as c2\n"
                "from app.si import G\nfrom app.metrics import rate_difference\n",
                # bound in a function the package calls when it is imported (dgl's `nn`,
                # which copies every name of the chosen backend's module onto itself)
                "app/nn/__init__.py": "import importlib\nimport sys\n\n\ndef _load_backend(name):\n"
                "    mod = importlib.import_module('.%s' % name, __name__)\n    thismod = sys.modules[__name__]\n"
                "    for api, obj in mod.__dict__.items():\n        setattr(thismod, api, obj)\n\n\n_load_backend('pytorch')\n",
                "app/nn/pytorch.py": "class GraphConv:\n    pass\n",
                "app/model.py": "from app.nn import GraphConv, SAGEConv\n",
            }
        ),
        # An `except` naming a module-level alias of ImportError (dgl's `IMPORT_EXCEPT =
        # RuntimeError if _FFI_MODE == "cython" else ImportError`) guards as the name does:
        # the compiled module may be missing, and the ctypes fallback is imported instead.
        Example(_ffi_fallback("RuntimeError if MODE == 'cython' else ImportError")),
        # A module with a stub beside it: type checkers read the stub, whose names are not
        # analysed, so a TYPE_CHECKING import of a name only the stub defines is fine.
        Example(
            {
                "app/__init__.py": "",
                "app/protos/__init__.py": "",
                "app/protos/worker_grpc.py": "class AgentRpcStub: ...\n",
                "app/protos/worker_grpc.pyi": "class AgentRpcStub: ...\nclass AgentRpcAsyncStub: ...\n",
                "app/runtime.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                "    from app.protos.worker_grpc import AgentRpcAsyncStub\n",
            }
        ),
        # The same at run time: a stub kept beside a module whose names a decorator sets on it
        # (zipline's ``api.pyi``; ``api_method`` does ``setattr(zipline.api, f.__name__, f)``).
        Example(
            {
                "app/__init__.py": "from app import algorithm\n",
                "app/api.py": "from app.finance import commission\n\n__all__ = ['commission']\n",
                "app/api.pyi": "def order(asset, amount): ...\n",
                "app/finance.py": "commission = 1\n",
                "app/support.py": "import app.api\n\n\ndef api_method(f):\n    setattr(app.api, f.__name__, f)\n"
                "    return f\n",
                "app/algorithm.py": "from app.support import api_method\n\n\nclass Algo:\n    @api_method\n"
                "    def order(self, asset, amount): ...\n",
                "app/strategy.py": "from app.api import order\n",
            }
        ),
        # The import fails, but because the module does not parse: that is its SSOT000.
        Example(
            {
                "app/__init__.py": "",
                "app/models/__init__.py": "class User(:\n    pass\n",
                "app/models/base.py": "",
                "app/views.py": "from app.models import User\nimport app.models.gone\n"
                "from app.models.base import Gone\n",
            }
        ),
        # Deliberately optional: an ImportError handler (alone or in a tuple) that goes on.
        Example(
            {
                "app/__init__.py": "",
                "app/opt.py": "import builtins\n"
                "try:\n    from app.gpu import Accel\nexcept (OSError, ModuleNotFoundError):\n    Accel = None\n"
                "try:\n    import app.fast\nexcept builtins.ImportError:\n    fast = None\n",
            }
        ),
        # Optional: it runs only when the file it loads exists (local settings).
        Example(
            {
                "app/__init__.py": "",
                "app/settings.py": "import os\nfrom pathlib import Path\nBASE = Path(__file__).parent\n"
                "if os.path.exists('app/local_settings.py'):\n    from app.local_settings import *\n"
                "if (BASE / 'extra.py').is_file():\n    from app import extra\n",
            }
        ),
        # Expected to fail: the test asserts it (pytest.raises / assertRaises with ImportError,
        # a tuple holding one, or a base such as Exception), or skips without the module.
        Example(
            {
                "app/__init__.py": "",
                "tests/test_removed.py": "import pytest, unittest\n"
                "def test_gone():\n    with pytest.raises((ImportError, AttributeError)):\n"
                "        from app import gone\n"
                "    pytest.importorskip('app.extra')\n    import app.extra\n"
                "class TestGone(unittest.TestCase):\n    def test_gone(self):\n"
                "        with self.assertRaises(Exception):\n            import app.gone\n",
            }
        ),
        # A package's __init__ binds a submodule under another name (`from . import mapper
        # as mapperlib`); `from pkg.__init__ import x` finds the package's names.
        Example(
            {
                "app/__init__.py": "",
                "app/orm/__init__.py": "testing = False\nfrom . import mapper as mapperlib\n",
                "app/orm/mapper.py": "class Mapper: ...\n",
                "app/orm/events.py": "from . import mapperlib\nfrom app.orm import mapperlib as m\n"
                "from app.orm.__init__ import testing\n",
            }
        ),
        # A folder with files but no Python is a namespace package (Python 3): it can be
        # imported, and so can the folders in it.
        Example(
            {
                "app/__init__.py": "from . import templates\n",
                "app/templates/index.html": "<html></html>\n",
                "app/static/css/site.css": "body {}\n",
                "app/assets.py": "import app.static.css\nfrom app.static import css\nfrom app import static as s\n",
            }
        ),
        # Test data: a code checker's test inputs that import what does not exist on purpose.
        # Nothing imports them but other test data, and no test runner collects them.
        Example(
            {
                "app/__init__.py": "",
                "tests/__init__.py": "",
                "tests/test_imports.py": "def test_broken():\n    assert open('tests/input/import_error.py').read()\n",
                "tests/input/__init__.py": "",
                "tests/input/import_error.py": "from app import gone\nimport app.missing\n",
                "tests/input/importer.py": "from tests.input import import_error\nfrom .nothere import X\n",
            }
        ),
        # A package sets a name on its own module (sqlalchemy's dialect packages:
        # `base.dialect = dialect`); importing the module runs the package first.
        Example(
            {
                "app/__init__.py": "",
                "app/sqlite/__init__.py": "from . import base, driver\nbase.dialect = dialect = driver.dialect\n"
                "setattr(base, 'default', 1)\n",
                "app/sqlite/base.py": "class SQLiteDialect: ...\n",
                "app/sqlite/driver.py": "from .base import SQLiteDialect\ndialect = SQLiteDialect\n",
                "tests/test_base.py": "from app.sqlite.base import dialect, default\n",
                # the same through an absolute import under another name
                "app/mysql/__init__.py": "from app.mysql import base as impl\nimpl.dialect = 1\n",
                "app/mysql/base.py": "class MySQLDialect: ...\n",
                "tests/test_mysql.py": "from app.mysql.base import dialect\n",
            }
        ),
        # Names set on a module by code that has run before any import of it: a package
        # above imports a deprecation graveyard whose functions, called at module level,
        # set the old names (computed ones too) on the packages and put a renamed module
        # into sys.modules; atpublic's `public(now=...)` binds `now` in its caller.
        Example(
            {
                "app/__init__.py": "from app import _graveyard\n",
                "app/_graveyard/__init__.py": "import app._graveyard.precision\n",
                "app/_graveyard/precision.py": "import sys\nimport app as pkg\nfrom app.plugins import precision\n"
                "def _patch_modules():\n    sys.modules['app.plugins.old_precision'] = precision\n"
                "def _patch():\n    for module, name in (('fsdp', 'FSDPPlugin'),):\n"
                "        setattr(getattr(pkg.plugins, module), name, object)\n"
                "        setattr(pkg.plugins, name, object)\n"
                "    setattr(pkg.plugins.fsdp, 'Literal', 1)\n"
                "_patch_modules()\n_patch()\n",
                "app/plugins/__init__.py": "",
                "app/plugins/precision.py": "",
                "app/plugins/fsdp.py": "class FSDP: ...\n",
                "tests/test_graveyard.py": "from app.plugins import FSDPPlugin\n"
                "from app.plugins.fsdp import FSDPPlugin as F2, Literal\n"
                "from app.plugins.old_precision import Precision\nimport app.plugins.old_precision\n",
                "app/clock.py": "from public import public\nimport atpublic as ap\nnow: object\n"
                "public(now=object, RFC_FMT='%a')\nap.public(later=1)\n",
                "app/use_clock.py": "from app.clock import now, RFC_FMT, later\n",
            }
        ),
        # A converter's input, named by the header of the module generated from it and
        # imported by nothing (transformers' ``modular_x.py``): the converter reads it, its
        # imports never run. Imported, or named by no generated header, it is a module.
        Example(
            {
                "app/__init__.py": "",
                "app/utils.py": "",
                "app/modular_mail.py": "from app.utils import logger\n",
                "app/modeling_mail.py": "# This file was automatically generated from app/modular_mail.py.\n"
                "# Do NOT edit this file manually.\nimport logging\n",
                "app/modular_sms.py": "from app.utils import logger\n",
                "app/modeling_sms.py": "# This file was automatically generated from app/modular_sms.py.\n"
                "# Do NOT edit this file manually.\nfrom app import modular_sms\n",
                "app/modular_push.py": "from app.utils import logger\n",
            },
            expect=(("app/modular_push.py", 1), ("app/modular_sms.py", 1)),
        ),
        # A package put into sys.modules by code that has run before (a mock package
        # object with its own ``__path__``): what lies below it is the object's business.
        # A module below a module that is not planted is still missing.
        Example(
            {
                "app/__init__.py": "from app import _shadow\n",
                "app/_shadow.py": "import sys\nclass Mock:\n    __path__ = []\n"
                "sys.modules['app.cimports'] = Mock()\n",
                "app/use.py": "from app.cimports.libc.stdlib import malloc\nimport app.cimports.cpython\n"
                "from app.nothing.inner import x\n",
            },
            expect=(("app/use.py", 3),),
        ),
        # The project's own relocation helpers keep old names alive: called at module level
        # with the old name and its new place in the project spelled as literals, one serves
        # the name from the calling module (a module __getattr__), the other, in a package
        # above, imports the new module under the old module's name.
        Example(
            {
                "app/__init__.py": "",
                "app/common/__init__.py": "",
                "app/common/deprecation.py": "def relocated_module_attribute(local, target, version): ...\n"
                "def moved_module(old_name, new_name, version=None): ...\n",
                "app/solvers.py": "from app.common.deprecation import relocated_module_attribute\n"
                "relocated_module_attribute('available', 'app.interface.available', version='6.6')\n",
                "app/interface.py": "available = True\n",
                "app/expr/__init__.py": "from app.common.deprecation import moved_module\n"
                "moved_module('app.expr.current', 'app.archive.current', version='6.6')\n",
                "app/archive/__init__.py": "",
                "app/archive/current.py": "def exp(): ...\n",
                "tests/test_old.py": "from app.solvers import available\nfrom app.expr.current import exp\n"
                "import app.expr.current\n",
            }
        ),
        # Import-time code that runs exec() on source it builds, in a module-level loop,
        # binds names no statement spells (SCons' `exec("%s = call(%s)" % (name, ...))`).
        Example(
            {
                "app/__init__.py": "",
                "app/script.py": "NAMES = ['Depends', 'Clean']\nfor name in NAMES:\n"
                "    exec('%s = %r' % (name, name))\n",
                "tests/test_script.py": "from app.script import Depends\n",
            }
        ),
        # A class decorator that builds the public class from the decorated one and binds it
        # under the name it is given (pyomo's `@declare_custom_block(name=...)`).
        Example(
            {
                "app/__init__.py": "",
                "app/blocks.py": "def declare_custom_block(name):\n    return lambda cls: cls\n",
                "app/cuts.py": "from app.blocks import declare_custom_block\n"
                "@declare_custom_block(name='CutGenerator')\nclass CutGeneratorData: ...\n",
                "tests/test_cuts.py": "from app.cuts import CutGenerator\n",
            }
        ),
        # Django's history libraries create each tracked model's history model in its
        # module (courtlistener's `@pghistory.track()` on `Docket`: `DocketEvent`; a
        # `model_name=`; django-simple-history's `Historical<Model>`).
        Example(
            {
                "app/__init__.py": "",
                "app/models.py": (
                    "import pghistory\nfrom django.db import models\nfrom simple_history.models import HistoricalRecords\n\n\n"
                    "@pghistory.track()\nclass Docket(models.Model):\n    pass\n\n\n"
                    "@pghistory.track(pghistory.InsertEvent(), model_name='WebhookHistoryEvent')\n"
                    "class Webhook(models.Model):\n    pass\n\n\n"
                    "class Poll(models.Model):\n    history = HistoricalRecords()\n"
                ),
                "app/tasks.py": "from app.models import DocketEvent, WebhookHistoryEvent, HistoricalPoll\n",
            }
        ),
        # django-parler's `TranslatedFields` creates `<Model>Translation` in the model's
        # module (adhocracy-plus' `OrganisationTranslation`).
        Example(
            {
                "app/__init__.py": "",
                "app/models.py": (
                    "from django.db import models\nfrom parler.models import TranslatableModel, TranslatedFields\n\n\n"
                    "class Organisation(TranslatableModel):\n    translations = TranslatedFields(\n"
                    "        title=models.CharField(max_length=100),\n    )\n"
                ),
                "app/serializers.py": "from app.models import OrganisationTranslation\n",
            }
        ),
        # A context manager sets names on a module, or puts one into sys.modules, for its
        # `with` block (lightning's `pl_legacy_patch`, a class; a @contextmanager function):
        # imports inside the block find them.
        Example(
            {
                "app/__init__.py": "",
                "app/enums.py": "class Mode: ...\n",
                "app/migration/__init__.py": "from app.migration.utils import legacy_patch\n",
                "app/migration/utils.py": _LEGACY_PATCH,
                "tests/test_utils.py": "from app.migration import legacy_patch\n"
                "from app.migration.utils import patched\n"
                "def test_a():\n    with legacy_patch():\n        from app.enums import _FaultTolerantMode\n"
                "        from app import argparse_utils\n        import app.argparse_utils\n"
                "    with patched():\n        from app.enums import Old\n",
            }
        ),
        # Fill-in templates: files of a template folder that nothing outside such folders
        # imports, copied by users and completed; their imports name placeholders.
        Example(
            {
                "app/__init__.py": "",
                "extension_templates/split.py": '"""Extension template: a fill-in coding template."""\n'
                "from app import base\nclass MySplitter:\n    def __init__(self):\n"
                "        from app.somewhere import MyOtherEstimator\n",
                "extension_templates/forecasting.py": "from extension_templates import split\nfrom app.yours import X\n",
                "app/base.py": "",
                "{{cookiecutter.slug}}/settings.py": "from app.project_name import urls\n",
            }
        ),
        # A type-checking import the project marks as knowingly unresolved (its model lives
        # in a closed extension that shares the package): it never runs, and the type
        # checker is told to ignore it.
        Example(
            {
                "app/__init__.py": "",
                "app/entities.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                "    from app.models.purpose import (  # type: ignore[import-not-found]\n        Purpose,\n    )\n"
                "    from app.models.consumer import Consumer  # pyright: ignore[reportMissingImports]\n",
            }
        ),
        # Modules a tool's loader runs (Ansible's): it merges the `module_utils/` folder beside
        # them into the package of that name, so `library/test.py` finds `foo` and a relative
        # `..module_utils.basic` finds the package's `basic`. Test data of that tool, with every
        # other module of those folders (the loader may redirect names too).
        Example(
            {
                "app/__init__.py": "",
                "app/module_utils/__init__.py": "",
                "app/module_utils/basic.py": "class AnsibleModule: ...\n",
                "tests/targets/mu/library/test.py": "from app.module_utils.foo import data\nimport app.module_utils.bar\n",
                "tests/targets/mu/library/test_failure.py": "from app.module_utils.zebra import foo\n",
                "tests/targets/mu/module_utils/__init__.py": "",
                "tests/targets/mu/module_utils/foo.py": "data = 1\n",
                "tests/targets/mu/module_utils/bar.py": "",
                "tests/targets/coll/plugins/modules/uses.py": "from ..module_utils.basic import AnsibleModule\n"
                "if __name__ == '__main__':\n    AnsibleModule()\n",
                "tests/targets/coll/plugins/modules/missing.py": "from ..module_utils import bogus\n",
                "tests/targets/coll/plugins/module_utils/leaf.py": "X = 1\n",
            }
        ),
        # A package that replaces itself by a lazy module (its __name__ handed to a function
        # that writes sys.modules) serves its __all__, its TYPE_CHECKING mirror and the names
        # the call spells; a plain module with __getattr__ may answer for __path__ as well.
        Example(
            {
                "app/__init__.py": "import typing\nfrom app import _lazy\n__all__ = ['Celery']\n"
                "if typing.TYPE_CHECKING:\n    from app.canvas import chain\n"
                "_lazy.recreate(__name__, by_module={'app.canvas': ['Signature']})\n",
                "app/_lazy.py": "import sys\ndef recreate(name, by_module):\n    sys.modules[name] = object()\n",
                "app/canvas.py": "class Signature: ...\nclass chain: ...\nclass Celery: ...\n",
                "app/distributed.py": "def __getattr__(name):\n    import distributed\n"
                "    return getattr(distributed, name)\n",
                "app/user.py": "from app import Celery, Signature, chain\nfrom app.distributed.protocol import dumps\n",
            }
        ),
        # A drop-in outside the package, meant to be copied into it: its imports name the
        # package it will be copied to, and the missing rest lies in its own folder
        # (`samples/driver/ansible/` becomes `app/drivers/ansible/`; `contrib/hooks/`'s two
        # files go into the existing `app/drivers/`).
        Example(
            {
                "app/__init__.py": "",
                "app/drivers/__init__.py": "",
                "samples/driver/ansible/__init__.py": "",
                "samples/driver/ansible/ansible.py": "from app.drivers.ansible import runner\n",
                "samples/driver/ansible/runner.py": "from app.drivers.ansible import errors\n",
                "samples/driver/ansible/errors.py": "",
                "contrib/hooks/notify.py": "from app.drivers import wrapper\n",
                "contrib/hooks/wrapper.py": "X = 1\n",
                # `kit/kit.py` or the package `kit/`: one import each way, the outer folder wins.
                "examples/plug/kit/__init__.py": "",
                "examples/plug/kit/kit.py": "",
                "examples/plug/kit/main.py": "from app.drivers.kit import kit\n",
            }
        ),
        # A name the package's program (`__main__`) sets on the package while it starts,
        # through `__import__("tool")` (nuitka's launcher hack), imported inside a function
        # of the package: the program has run by then.
        Example(
            {
                "tool/__init__.py": "",
                "tool/__main__.py": "def launch_env():\n    return {}\n\n\ndef main():\n"
                "    __import__('tool').launch_env = launch_env\n\n\nif __name__ == '__main__':\n    main()\n",
                "tool/utils.py": "def environment():\n    from tool import launch_env\n\n    return launch_env()\n",
            }
        ),
        # A top-level folder without `__init__.py` that only groups things, and that no
        # import goes through (micropython-lib's `micropython/`): `from micropython import
        # const` is the runtime's built-in module, which wins over a namespace portion.
        Example(
            {
                "micropython/aiorepl/aiorepl.py": "from micropython import const\n\n_MODE = const(1)\n",
                "micropython/bluetooth/aioble/peripheral.py": "from micropython import const, schedule\n",
                "python-stdlib/abc/abc.py": "class ABC: ...\n",
            }
        ),
        # A module hidden by a package of its name beside it (horilla's `recruitment/views.py`
        # beside `recruitment/views/`): the import system takes the package, so the
        # module's imports never run.
        Example(
            {
                "app/__init__.py": "",
                "app/views.py": "from app.gone import old_view\n",
                "app/views/__init__.py": "from app.views.list import list_view\n",
                "app/views/list.py": "def list_view():\n    return []\n",
            }
        ),
        # A folder holding only a file no import can name (ubuntu-pro-client's apport hook
        # `apport/source_ubuntu-advantage-tools.py`, installed for the system's apport) is
        # no package: `apport.hookutils` is the installed library's.
        Example(
            {
                "app/__init__.py": "",
                "apport/source_ubuntu-advantage-tools.py": "from apport.hookutils import attach_file_if_exists\n",
            }
        ),
        # A module sets names on its own module object when it is loaded (OpenPype's
        # Resolve integration: `self = sys.modules[__name__]`, `self.publish_clip_color = ...`).
        Example(
            {
                "app/__init__.py": "",
                "app/lib.py": "import sys\n\nself = sys.modules[__name__]\nself.project_manager = None\n"
                "self.publish_clip_color = 'Pink'\n",
                "app/use.py": "from app.lib import publish_clip_color\n",
            }
        ),
        # A start-up script puts its `modules/` folder on sys.path before it imports the
        # panel there (OpenPype's Flame baby-publisher): the modules of that folder import
        # each other by bare name, as top-level modules.
        Example(
            {
                "app/__init__.py": "",
                "app/flame/__init__.py": "",
                "app/flame/startup/publisher.py": "import os\nimport sys\n\nSCRIPT_DIR = os.path.dirname(__file__)\n"
                "sys.path.append(os.path.join(SCRIPT_DIR, 'modules'))\n\n\ndef run():\n    import panel_app\n    return panel_app\n",
                "app/flame/startup/modules/__init__.py": "",
                "app/flame/startup/modules/app_utils.py": "def get_config():\n    return {}\n",
                "app/flame/startup/modules/panel_app.py": "import app_utils\n\n\nCONFIG = app_utils.get_config()\n",
            }
        ),
    ),
    invalid=(
        # A relative import in a package below a folder no import can name (circuitpython's
        # `ports/zephyr-cp/tests/`, which pytest imports as `tests`): judged by the files
        # where it points; a name the package lacks is reported.
        Example(
            {
                "ports/common/tool.py": "X = 1\n",
                "ports/zephyr-cp/cptools/__init__.py": "class NativeSimProcess:\n    pass\n",
                "ports/zephyr-cp/cptools/helpers.py": "X = 1\n",
                "ports/zephyr-cp/cptools/run.py": "from . import NativeSimProcess, helpers\nfrom . import Gone\n",
                "ports/zephyr-cp/cptools/sim/__init__.py": "",
                "ports/zephyr-cp/cptools/sim/serial.py": "from .. import NativeSimProcess\nfrom ..helpers import X\n",
            },
            expect=(("ports/zephyr-cp/cptools/run.py", 2),),
        ),
        # A relative import's module is the package's own, whatever the folders above it are
        # called: a top folder the standard library's `platform` shadows, a vendor folder no
        # import can name (sonic's `platform/broadcom/sonic-platform-modules-ragile/.../
        # sonic_pcie/pcie_common.py`, whose `from .pcie import PcieBase` has no `pcie.py`).
        Example(
            {
                f"platform/{vendor}/b6510/sonic_pcie/{name}": text
                for vendor in ("ruijie", "modules-ragile")
                for name, text in (
                    ("__init__.py", ""),
                    ("pcie_common.py", "from .pcie import PcieBase\nfrom .util import read_bar\n"),
                    ("util.py", "def read_bar():\n    return 0\n"),
                )
            },
            expect=(
                ("platform/modules-ragile/b6510/sonic_pcie/pcie_common.py", 1),
                ("platform/ruijie/b6510/sonic_pcie/pcie_common.py", 1),
            ),
        ),
        # What such a package's `__init__` brings from its own modules is there (NVFlare's
        # `research/condist-fl/src/data/augmentations/`); what it does not bring is not.
        Example(
            {
                "research/condist-fl/src/__init__.py": "",
                "research/condist-fl/src/data/__init__.py": "",
                "research/condist-fl/src/data/augmentations/__init__.py": "from .intensity import RandGamma\n",
                "research/condist-fl/src/data/augmentations/intensity.py": "class RandGamma:\n    pass\n\n\nclass Other:\n    pass\n",
                "research/condist-fl/src/data/transforms.py": "from .augmentations import RandGamma\nfrom .augmentations import Other\n",
            },
            expect=(("research/condist-fl/src/data/transforms.py", 2),),
        ),
        # The same list under another name, or a whitelist's name over code that does
        # something, is a module like any other.
        Example(_usage_list("uses.py"), expect=(("uses.py", 1),)),
        # Where the check says the module is missing, the import runs, and fails; so does an
        # import of another module than the one the check asks about.
        Example(
            {
                "app/__init__.py": "",
                "app/run.py": "from importlib.util import find_spec\n"
                "if find_spec('app.pro') is None:\n    from app.pro import extra\n"
                "if find_spec('numpy'):\n    from app.np_backend import Array\n"
                "if find_spec('app.ext'):\n    from app import other_ext\n",
            },
            expect=(("app/run.py", 3), ("app/run.py", 5), ("app/run.py", 7)),
        ),
        # Run either way, a name neither reading finds is broken.
        Example(
            {
                "utils/readme.py": "",
                "se3/__init__.py": "",
                "se3/tests/__init__.py": "",
                "se3/tests/utils.py": "def rot(): ...\n",
                "se3/tests/test_equivariance.py": "if not __package__:\n"
                "    from utils import rot, get_max_diff\nelse:\n    from .utils import rot\n",
                # A module of the package that runs only in it has no such second reading.
                "se3/tests/test_other.py": "from utils import rot\n",
            },
            expect=(("se3/tests/test_equivariance.py", 2), ("se3/tests/test_other.py", 1)),
        ),
        Example(_usage_list("whitelist.py", "run(State)\n"), expect=(("whitelist.py", 1),)),
        Example(
            {**_usage_list("allowlist.py"), "allowlist.py": "from app.state import State\n"},
            expect=(("allowlist.py", 1),),
        ),
        # The same with an alias of other exceptions only: the import is required.
        Example(_ffi_fallback("(RuntimeError, OSError)"), expect=(("app/ffi.py", 4),)),
        # ... but not when nothing the module loads sets it: `lib.env` may not exist yet.
        Example(
            {
                "lib/__init__.py": "",
                "lib/config.py": "class Env:\n    name = 'dev'\n\n\ndef load():\n    return Env()\n",
                "lib/load_env.py": "import lib\nimport lib.config\n\nlib.env = lib.config.load()\n",
                "app/__init__.py": "",
                "app/run.py": "import lib.config\n\n\ndef main():\n    from lib import env\n    return env.name\n",
            },
            expect=(("app/run.py", 5),),
        ),
        # A test package named like a deleted module (bk-sops' `tests/taskflow3/context/`
        # beside `gcloud.taskflow3.context`, gone) is no folder a loader merges into it
        # unless it serves what the test asks: it does not hold `TaskContext`.
        Example(
            {
                "gcloud/__init__.py": "",
                "gcloud/taskflow3/__init__.py": "",
                "gcloud/taskflow3/domains/__init__.py": "",
                "gcloud/taskflow3/domains/context.py": "class TaskContext:\n    pass\n",
                "gcloud/tests/__init__.py": "",
                "gcloud/tests/taskflow3/__init__.py": "",
                "gcloud/tests/taskflow3/context/__init__.py": "",
                "gcloud/tests/taskflow3/context/task_context/__init__.py": "",
                "gcloud/tests/taskflow3/context/task_context/test_executor.py": (
                    "from gcloud.taskflow3.context import TaskContext\n\n\ndef test_context():\n    assert TaskContext\n"
                ),
            },
            expect=(("gcloud/tests/taskflow3/context/task_context/test_executor.py", 1),),
        ),
        # A translation model is named after the model that declares it, and no other.
        Example(
            {
                "app/__init__.py": "",
                "app/models.py": (
                    "from parler.models import TranslatableModel, TranslatedFields\n\n\n"
                    "class Organisation(TranslatableModel):\n    translations = TranslatedFields()\n"
                ),
                "app/serializers.py": "from app.models import OrganisationTranslation\nfrom app.models import ProjectTranslation\n",
            },
            expect=(("app/serializers.py", 2),),
        ),
        # The built tree is code, not a test's input, though a test names its folder
        # (panda3d's `tests/run_mypy.py` copies `direct/src` to type-check it): its own
        # broken imports are reported.
        Example(_built_from_src_tree(**{
            "tests/run_mypy.py": "import pathlib\n\nroot = pathlib.Path(__file__).parent.parent\n"
            "direct_src = root / 'direct' / 'src'\n",
            "direct/src/gui/DirectLabel.py": "from direct.showbase.Gone import Gone\n",
        }), expect=(("direct/src/gui/DirectLabel.py", 1),)),
        # A module the built package lacks is still missing, by the name it is installed as.
        Example(_built_from_src_tree(**{"tests/test_gui.py": "from direct.gui.DirectEntry import DirectEntry\n"}),
                expect=(("tests/test_gui.py", 1),)),
        # A project that spells the folder as it lies (`direct.src.showbase`) runs it from
        # the tree: the imports that skip `src` are judged by those names.
        Example(_built_from_src_tree(**{"tools/run.py": "from direct.src.showbase.ShowBase import ShowBase\n"}),
                expect=(("direct/src/gui/DirectButton.py", 1), ("samples/roaming.py", 1), ("samples/roaming.py", 2))),
        # A history model named otherwise (`model_name=`) leaves no `<Model>Event`.
        Example(
            {
                "app/__init__.py": "",
                "app/models.py": (
                    "import pghistory\nfrom django.db import models\n\n\n"
                    "@pghistory.track(model_name='WebhookHistoryEvent')\nclass Webhook(models.Model):\n    pass\n"
                ),
                "app/tasks.py": "from app.models import WebhookHistoryEvent\nfrom app.models import WebhookEvent\n",
            },
            expect=(("app/tasks.py", 2),),
        ),
        # The same folder with a module an import can name is a namespace package of the
        # project's, and it has no `hookutils`.
        Example(
            {
                "app/__init__.py": "",
                "apport/source_ubuntu-advantage-tools.py": "from apport.hookutils import attach_file_if_exists\n",
                "apport/helpers.py": "X = 1\n",
            },
            expect=(("apport/source_ubuntu-advantage-tools.py", 1),),
        ),
        # What a function would set on the module object is not there when it is imported.
        Example(
            {
                "app/__init__.py": "",
                "app/lib.py": "import sys\n\nself = sys.modules[__name__]\n\n\ndef setup():\n    self.color = 'Pink'\n",
                "app/use.py": "from app.lib import color\n",
            },
            expect=(("app/use.py", 1),),
        ),
        # Python 2's implicit relative import left in a Python 3 package (twilio's
        # `auth_strategy/no_auth_strategy.py`): the bare name means the sibling, and fails.
        Example(_implicit_relative({"tests/test_auth.py": "from app.auth.no_auth import kind\n"}), expect=(("app/auth/no_auth.py", 1),)),
        # Also when the sibling is open to any name (it star-imports a library: TACTIC's
        # `flash.py`, `from subprocess import *`) but defines the name taken itself.
        Example(
            _implicit_relative({
                "tests/test_auth.py": "from app.auth.no_auth import kind\n",
                "app/auth/auth_type.py": "from subprocess import *\n\n\nclass AuthType:\n    NO_AUTH = 'none'\n",
            }),
            expect=(("app/auth/no_auth.py", 1),),
        ),
        # A star import of the sibling by its bare name (TACTIC's package `__init__` files,
        # `from flash_builder import *`): it takes whatever the sibling defines.
        Example(
            _implicit_relative({
                "tests/test_auth.py": "from app.auth.no_auth import kind\n",
                "app/auth/__init__.py": "from auth_type import *\n",
            }),
            expect=(("app/auth/__init__.py", 1), ("app/auth/no_auth.py", 1)),
        ),
        # The same in a package's `__init__.py` beside scripts that import their siblings
        # by bare names (MAVProxy's `mavproxy_smartcamera/`): the scripts run with their
        # folder first on sys.path, the `__init__.py` only as the package, and fails.
        Example(
            {
                "app/__init__.py": "",
                "app/loader.py": "import importlib\n\n\ndef load(name):\n    return importlib.import_module('app.camera')\n",
                "app/camera/__init__.py": "from webcam import WebCam\n\n\ndef init():\n    return WebCam()\n",
                "app/camera/webcam.py": (
                    "class WebCam:\n    pass\n\n\nif __name__ == '__main__':\n    WebCam()\n"
                ),
                "app/camera/main.py": "from webcam import WebCam\n\nif __name__ == '__main__':\n    WebCam()\n",
                "tests/test_camera.py": "from app.camera import init\n",
            },
            expect=(("app/camera/__init__.py", 1),),
        ),
        # A shebang on a module other modules import makes its folder no folder of scripts
        # (PYME's `#!/usr/bin/python` atop every module): the bare sibling imports beside it fail.
        Example(
            {
                "app/__init__.py": "",
                "app/main.py": "from app.sub import user, other\n",
                "app/sub/__init__.py": "",
                "app/sub/helper.py": "def f():\n    pass\n",
                "app/sub/other.py": "#!/usr/bin/python\nX = 1\n",
                "app/sub/user.py": "#!/usr/bin/python\nimport helper\n\n\ndef g():\n    return helper.f()\n",
            },
            expect=(("app/sub/user.py", 2),),
        ),
        # The same, when the package does not provide what the launcher reads: only the
        # sibling module has it, and Python 3 never reads the bare name as the sibling.
        Example(_own_top_package(""), expect=(("app/vendor/python/menu/launch.py", 1),)),
        # The check asks for another application than the one imported from.
        Example(
            {
                "shop/__init__.py": "",
                "shop/sync.py": (
                    "from django.conf import settings\n\n\ndef sync():\n    if 'shop.planning' in settings.INSTALLED_APPS:\n"
                    "        from shop.forecast.models import Segment\n        return Segment\n"
                ),
            },
            expect=(("shop/sync.py", 6),),
        ),
        # The same function handed another object: the package is not filled.
        Example(_exported_interface("_add(globals(), name, obj)"), expect=(("app/scripts.py", 1),)),
        # A folder without `__init__.py` whose own file imports one module of its name that it
        # lacks, once: a slip, not another distribution's layout.
        Example(
            {"app/__init__.py": "", "tools/release/bump.py": "from tools.versioning import next_version\n"},
            expect=(("tools/release/bump.py", 1),),
        ),
        # ... but not at its top (importing it fails), nor in a generated module of the
        # project's own (no `__version__` of its own).
        Example(
            {
                "app/__init__.py": "",
                "app/types/__init__.py": "",
                "app/types/_parser.py": "# flake8: noqa\n\n# The file was automatically generated by Lark v0.12.0\n__version__ = '0.12.0'\n\n\n"
                "class UnexpectedEOF(Exception):\n    def __init__(self):\n        from .lexer import Token\n        self.token = Token()\n" + "\nfrom .gone import Rule\n",
                "app/types/_client.py": "# Generated by the project's codegen\n\n\ndef load():\n    from app.models.gone import Pet\n    return Pet\n",
            },
            expect=(("app/types/_client.py", 5), ("app/types/_parser.py", 12)),
        ),
        # A package that generates nothing when imported: its missing submodules are missing.
        Example(
            {
                "api/__init__.py": "",
                "api/errors_generator.py": "class ErrorsGenerator:\n    @classmethod\n    def generate_python_files(cls): ...\n",
                "api/apierrors/__init__.py": "from .base import BaseError\nfrom api.errors_generator import ErrorsGenerator\n",
                "api/apierrors/base.py": "class BaseError(Exception): ...\n",
                "api/bll.py": "from api.apierrors import errors\nfrom api.apierrors.errors.bad_request import InvalidModelId\n",
            },
            expect=(("api/bll.py", 1), ("api/bll.py", 2)),
        ),
        # The same script for Python 3 (or without a shebang) runs against this tree.
        Example(
            {
                "app/__init__.py": "",
                "app/install/__init__.py": "",
                "app/install/dsinstance.py": "def schema_dirname(): ...\n",
                "contrib/copy_schema.py": "#!/usr/bin/python3\nfrom app.install.dsinstance import schema_dirname, DS_USER\n",
                "contrib/other.py": "from app.install.sysrestore import restore\n",
            },
            expect=(("contrib/copy_schema.py", 2), ("contrib/other.py", 1)),
        ),
        # A module `__getattr__` that answers a closed set of names and raises
        # AttributeError for any other (thermo's lazily loaded tables, `if name in
        # ("IPDB",): ...`): those names are served, any other is missing. Reading its own
        # namespace (`return globals()[name]`) binds nothing.
        Example(
            {
                "app/__init__.py": "",
                "app/params.py": "_TABLES = ('SPDB', 'CPDB')\n\n\ndef load():\n    global IPDB\n    IPDB = 1\n\n\n"
                "def __getattr__(name):\n    \"\"\"Load the tables on first use.\"\"\"\n    if name in ('IPDB',):\n"
                "        load()\n        return globals()[name]\n    elif name == 'KDB' or name in _TABLES:\n"
                "        return 2\n    raise AttributeError(f'module {__name__} has no attribute {name}')\n",
                "app/use.py": "from app.params import IPDB, SPDB, KDB\n\n\ndef validate():\n"
                "    from app.params import ip_files\n    return ip_files\n",
            },
            expect=(("app/use.py", 5),),
        ),
        # SWIG's wrapper, kept at the top as a template the build copies into its package:
        # its relative import runs only under `if __package__ or "." in __name__:` (run on
        # its own, the `else` imports the extension by its bare name). The same relative
        # import at the top with no such test climbs beyond the top-level package. So does
        # one in the script's branch (`if __package__ is None:`), whose `else` is the package's.
        Example(
            {
                "StepVector.py": "if __package__ or '.' in __name__:\n    from . import _StepVector\n"
                "else:\n    import _StepVector\n",
                "wrap.py": "from . import _wrap\n",
                "tool.py": "if __package__ is None:\n    from . import _a\nelse:\n    from . import _b\n",
                "both.py": "if not __package__:\n    import _c\nelse:\n    from . import _c\n",
            },
            expect=(("tool.py", 2), ("wrap.py", 1)),
        ),
        # A package that puts an instance of its own module type in its place (deepchecks'
        # `sys.modules[__name__] = _SubstituteModule(__name__)`, kept for old names) keeps
        # its folder for submodules: one missing there is missing. One that puts another
        # package in its place serves that package's submodules.
        Example(
            {
                "app/__init__.py": "import sys\nimport types\n\n\nclass _Substitute(types.ModuleType):\n    pass\n\n\n"
                "__substitute__ = _Substitute(__name__)\nsys.modules[__name__] = __substitute__\n",
                "app/tabular.py": "class Dataset: ...\n",
                "app/shim.py": "import sys\nimport other_package\nsys.modules[__name__] = other_package\n",
                "run.py": "from app.tabular import Dataset\nfrom app.base import Dataset as Old\nimport app.shim.anything\n",
            },
            expect=(("run.py", 2),),
        ),
        # Files a benchmark pushes to a machine as data (PerfKitBenchmarker's
        # `vm.PushDataFile(CONFIG.format(...))` of `mlperf_{benchmark}_{scenario}_custom.py`,
        # copied into NVIDIA's package there): their imports run there, not here. A file of
        # the same folder nothing pushes is judged as usual.
        Example(
            {
                "pkb/__init__.py": "",
                "pkb/data/__init__.py": "def ResourcePath(name):\n    return name\n",
                "pkb/data/mlperf_bert_offline_custom.py": "from . import ConfigRegistry\n\n\nclass Custom: ...\n",
                "pkb/data/mlperf_dlrm_server_custom.py": "from . import ConfigRegistry\n\n\nclass Custom: ...\n",
                "pkb/data/stale.py": "from . import ConfigRegistry\n",
                "pkb/benchmark.py": (
                    "CONFIG = 'mlperf_{benchmark}_{scenario}_custom.py'\n\n\ndef prepare(vm, b, s):\n"
                    "    config = CONFIG.format(benchmark=b, scenario=s)\n    vm.PushDataFile(config, '/tmp/custom.py')\n"
                ),
            },
            expect=(("pkb/data/stale.py", 1),),
        ),
        # A package that holds nothing but an `__init__` importing its own submodules (TFP's
        # `substrates/jax/`, which Bazel fills with modules rewritten from `python/`): the
        # build writes them, and nothing is known below it. A package whose `__init__`
        # claims one missing module, or that has modules of its own, is judged as usual.
        Example(
            {
                "tfp/__init__.py": "",
                "tfp/substrates/__init__.py": "",
                "tfp/substrates/jax/__init__.py": (
                    "from tfp.substrates.jax import bijectors\nfrom tfp.substrates.jax import distributions\n"
                    "from . import math\n"
                ),
                "tfp/substrates/numpy/__init__.py": "from tfp.substrates.numpy import bijectors\n",
                "tfp/python/__init__.py": "from tfp.python import bijectors\nfrom tfp.python import gone\n",
                "tfp/python/bijectors.py": "class Softplus: ...\n",
                "tfp/fastgp.py": (
                    "from tfp.substrates.jax.distributions import normal\nfrom tfp.substrates.jax.math.psd import kernel\n"
                    "from tfp.substrates.numpy.bijectors import softplus\nfrom tfp.python.gone import x\n"
                ),
            },
            expect=(
                ("tfp/fastgp.py", 3), ("tfp/fastgp.py", 4), ("tfp/python/__init__.py", 2),
                ("tfp/substrates/numpy/__init__.py", 1),
            ),
        ),
        # A package that plants its own submodule under its own name and a literal rest
        # (cupy's `cupy.fft`: `__import__("sys").modules[__spec__.name + ".config"] =
        # config`, keeping `import cupy.fft.config` working) serves it; another is missing.
        Example(
            {
                "gpu/__init__.py": "",
                "gpu/fft/__init__.py": (
                    "from gpu.fft._config import config\n\n"
                    "__import__('sys').modules[__spec__.name + '.config'] = config\n"
                ),
                "gpu/fft/_config.py": "class _Config:\n    plan_cache = None\n\n\nconfig = _Config()\n",
                "gpu/fft/flags.py": "import sys\n\nsys.modules[f'{__name__}.legacy'] = sys.modules[__name__]\n",
                "tests/test_fft.py": (
                    "import gpu.fft.config as config\nimport gpu.fft.flags.legacy\n\n\n"
                    "def test_cache():\n    import gpu.fft.settings\n    assert config.plan_cache is None\n"
                ),
            },
            expect=(("tests/test_fft.py", 6),),
        ),
        # A package that plants a module under a literal name (ZODB's `sys.modules[
        # 'ZODB.TimeStamp'] = ...`) serves that module, and its other names stay known: a
        # name it never binds is missing. A module that plants itself (`sys.modules['sh']`)
        # serves whatever it is replaced by, submodules included.
        Example(
            {
                "zodb/__init__.py": "import sys\nimport persistent.TimeStamp\n"
                "sys.modules['zodb.TimeStamp'] = sys.modules['persistent.TimeStamp']\n",
                "zodb/utils.py": "X = 1\n",
                "zodb/migrate.py": "from zodb import StorageTypes\nfrom zodb import utils, TimeStamp\n"
                "from zodb.TimeStamp import TimeStamp as T\n",
                "sh.py": "import sys\nsys.modules['sh'] = object()\n",
                "run.py": "from sh import ls\n",
                # qutip's `qip.py` puts another distribution's package there under its own name.
                "zodb/qip.py": "import sys\nimport qutip_qip\nsys.modules['zodb.qip'] = sys.modules['qutip_qip']\n",
                "zodb/use_qip.py": "import zodb.qip.circuit\nfrom zodb.qip.circuit import QubitCircuit\n",
            },
            expect=(("zodb/migrate.py", 1),),
        ),
        # A star import passes on, to type checkers, the names its module imports under
        # `if TYPE_CHECKING:` (modelscope's `hf_util/__init__.py`: `from .auto_class import *`,
        # whose module imports `AutoConfig` from transformers so): an import under
        # `if TYPE_CHECKING:` finds them; one that runs does not, nor a private name.
        Example(
            {
                "app/__init__.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                "    from app.hf import AutoConfig\n    from app.hf import _Private\n",
                "app/hf/__init__.py": "from .auto_class import *\n",
                "app/hf/auto_class.py": "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n"
                "    from transformers import AutoConfig\n    from transformers import AutoConfig as _Private\n",
                "app/run.py": "from app.hf import AutoConfig\n",
            },
            expect=(("app/__init__.py", 4), ("app/run.py", 1)),
        ),
        # A name the module only declares (`snakemake: Snakemake`, no value) is there for
        # type checkers, so an import under `if TYPE_CHECKING:` finds it; at run time it is
        # not bound, and a name nothing declares is missing either way.
        Example(
            {
                "app/__init__.py": "",
                "app/io.py": "class Snakemake: ...\n\nsnakemake: Snakemake\n",
                "app/script.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                "    from app.io import snakemake\n    from app.io import workflow\n",
                "app/run.py": "from app.io import snakemake\n",
            },
            expect=(("app/run.py", 1), ("app/script.py", 4)),
        ),
        # A registry sets the classes it derives on their model's module at run time: a
        # `Historical` + model name is there, though no statement binds it; a name not
        # built on one of the module's classes is still missing (`PollArchive`), and so are
        # all three when nothing sets names on modules (a literal name is no registry).
        Example(_history_registry("setattr(module, history.__name__, history)"), expect=(("hist/tests/test_models.py", 1),)),
        Example(_history_registry("setattr(module, 'HistoricalPoll', history)"), expect=(("hist/tests/test_models.py", 1),) * 3),
        # django-simple-history's field with `inherit=True`, declared by a base a factory of
        # another module builds: the library sets `Historical` + each concrete subclass's
        # name on that subclass's module (flagsmith's `HistoricalFeatureState`); a name
        # built on no class of the module is still missing, and without `inherit=True` the
        # subclass gets no history class.
        Example(_inherited_history("inherit=True"), expect=(("features/tasks.py", 1),)),
        Example(_inherited_history("inherit=False"), expect=(("features/tasks.py", 1),) * 2),
        # A `raise` under a condition stops nothing for certain: the import is checked.
        Example(
            {"app/__init__.py": "", "app/weekly.py": "import os\n\nif os.environ.get('X'):\n    raise Exception('off')\n\nfrom app.gone import SiteUser\n"},
            expect=(("app/weekly.py", 6),),
        ),
        # ... but one whose own files import one of its modules that exists, or that a file
        # outside it imports through, is the project's own: its missing modules are broken.
        Example(
            {
                "app/__init__.py": "",
                "tools/init_env.py": "from tools.constants import BIN\nfrom tools.utils import run_shell\n",
                "tools/site.py": "from tools.common import X\n",
                "tools/common.py": "X = 1\n",
                "lib/run.py": "from lib.gone import A\nfrom lib.old import B\n",
                "scripts/use.py": "from lib.gone import A\n",
            },
            expect=(("lib/run.py", 1), ("lib/run.py", 2), ("scripts/use.py", 1), ("tools/init_env.py", 1), ("tools/init_env.py", 2)),
        ),
        # A module that defines something of its own is no shim, whatever its calls spell.
        Example(
            {
                "app/__init__.py": "",
                "app/log.py": "import logging\n\nlogging.getLogger('app.core').setLevel(10)\n\n\ndef setup():\n    pass\n",
                "app/main.py": "from app.log import setup, teardown\n",
            },
            expect=(("app/main.py", 1),),
        ),
        # The same name imported at module level: a module imported before the program sets
        # it (or without the program) fails.
        Example(
            {
                "tool/__init__.py": "",
                "tool/__main__.py": "def launch_env():\n    return {}\n\n\ndef main():\n"
                "    __import__('tool').launch_env = launch_env\n\n\nif __name__ == '__main__':\n    main()\n",
                "tool/utils.py": "from tool import launch_env\n",
            },
            expect=(("tool/utils.py", 1),),
        ),
        # A top-level folder without `__init__.py` that the project does import through
        # (`from app.models import User`): a name imported from the folder itself is missing
        # (its `__init__.py` deleted in a refactor).
        Example(
            {
                "app/models.py": "class User: ...\n",
                "main.py": "from app.models import User\nfrom app import create_app\n",
            },
            expect=(("main.py", 2),),
        ),
        # A flag that something may rebind (a second assignment, a `global` in a function),
        # a condition that is not the bare flag, and the live branch are checked.
        Example(
            {
                "app/__init__.py": "",
                "app/flags.py": "FAST = False\nLOUD = False\nSLOW = True\n"
                "def enable():\n    global LOUD\n    LOUD = True\n"
                "if FAST:\n    import app.gone_a\nFAST = True\n"
                "if LOUD:\n    import app.gone_b\n"
                "if SLOW and FAST:\n    import app.gone_c\n"
                "if SLOW:\n    import app.gone_d\n",
            },
            expect=(("app/flags.py", 8), ("app/flags.py", 11), ("app/flags.py", 13), ("app/flags.py", 15)),
        ),
        # A module no such decorator touches still lacks its missing names.
        Example(
            {
                "app/__init__.py": "",
                "app/base.py": "import sys\n\n\nclass Backend:\n    @classmethod\n    def export(cls):\n"
                "        for name in ['FigureCanvas', 'show']:\n"
                "            setattr(sys.modules[cls.__module__], name, getattr(cls, name))\n        return cls\n",
                "app/plain.py": "from dataclasses import dataclass\n\n\n@dataclass\nclass Canvas:\n    width: int = 0\n",
                "app/embed.py": "from app.plain import FigureCanvas\n",
            },
            expect=(("app/embed.py", 1),),
        ),
        # What the folder beside a script lacks is missing; a module inside a package is no
        # script, and its `utils` is the top one.
        Example(
            {
                "utils/check_copies.py": "",
                "examples/tool/run.py": "from utils import Gone, X\nimport utils.missing\n",
                "examples/tool/utils.py": "X = 1\n",
                "app/__init__.py": "",
                "app/utils.py": "X = 1\n",
                "app/main.py": "from utils import X\n",
            },
            expect=(("app/main.py", 1), ("examples/tool/run.py", 1), ("examples/tool/run.py", 2)),
        ),
        # A package's module with no `__main__` block is no script: its bare `api` is the
        # top package, and so is that of the modules below its folder. A script's import that
        # neither its folder nor the top package answers is broken (reported as its folder
        # reads it: the name missing there).
        Example(
            {
                "api/__init__.py": "",
                "service/__init__.py": "",
                "service/captioning/__init__.py": "",
                "service/captioning/main.py": "from api.im2txt.sample import Im2txt\n",
                "service/captioning/api/im2txt/sample.py": "from api.im2txt.model import Decoder\nclass Im2txt: ...\n",
                "service/captioning/api/im2txt/model.py": "class Decoder: ...\n",
                "service/tags/__init__.py": "",
                "service/tags/main.py": "from api.places import Places, Gone\nif __name__ == '__main__':\n    Places()\n",
                "service/tags/api/places.py": "class Places: ...\n",
                # Below the script's folder, an import that does not spell the module's own
                # path from it is read as the model reads it.
                "service/tags/other/views.py": "from api.places import Places\n",
            },
            expect=(
                ("service/captioning/api/im2txt/sample.py", 1), ("service/captioning/main.py", 1),
                ("service/tags/main.py", 1), ("service/tags/other/views.py", 1),
            ),
        ),
        # A folder on sys.path answers nothing above the call that puts it there, nor outside
        # the conftest's folder, nor a name none of the folders defines.
        Example(
            {
                "analyzer/readme.py": "",
                "helpers/__init__.py": "",
                "tests/conftest.py": "from analyzer import Analyzer\nimport sys\nsys.path.insert(0, 'app/data/analyzer/windows')\n",
                "app/__init__.py": "",
                "app/data/analyzer/windows/analyzer.py": "class Analyzer: ...\n",
                "tests/test_analyzer.py": "from analyzer import Analyzer, Gone\n",
                "bench/run_analyzer.py": "from analyzer import Analyzer\n",
                "tools/run.py": "from helpers import fmt\nimport sys\nsys.path.insert(0, 'lib')\n",
                "tools/lib/helpers.py": "def fmt(): ...\n",
            },
            expect=(("bench/run_analyzer.py", 1), ("tests/conftest.py", 1), ("tests/test_analyzer.py", 1), ("tools/run.py", 1)),
        ),
        # Read as text, but imported too, or run as a script, or read only by a test: its
        # imports run.
        Example(
            {
                "app/__init__.py": "",
                "app/make.py": "import os\nA = open('app/tpl_a.py').read()\n"
                "B = open(os.path.join('app', 'tpl_b.py'), encoding='utf-8').read()\n",
                "app/tpl_a.py": "from app.gone import x\n",
                "app/tpl_b.py": "from app.gone import x\nif __name__ == '__main__':\n    x()\n",
                "app/use.py": "from app import tpl_a\n",
                "app/tpl_c.py": "from app.gone import x\n",
                "tests/test_c.py": "from pathlib import Path\ndef test_c():\n    assert Path('app/tpl_c.py').read_text()\n",
                "main.py": "import app.use\n",  # the product's package is imported: not a folder of inputs
            },
            expect=(("app/tpl_a.py", 1), ("app/tpl_b.py", 1), ("app/tpl_c.py", 1)),
        ),
        # Read, not written; a name computed whole; a test writing a module into a folder
        # of its own: none of them makes the module exist.
        Example(
            {
                "app/__init__.py": "",
                "app/reader.py": "import os\nopen('app/gone.py').read()\nopen(os.path.join('app', NAME), 'w')\n",
                "app/use.py": "import app.gone\nfrom app import made\n",
                "tests/__init__.py": "",
                "tests/test_w.py": "def test_w(tmp_path):\n    (tmp_path / 'made.py').write_text('')\n",
                "tests/test_x.py": "from tests import made\n",
            },
            expect=(("app/use.py", 1), ("app/use.py", 2), ("tests/test_x.py", 1)),
        ),
        # Not a drop-in's: an import inside the package of a module that lies elsewhere (it
        # moved), and a drop-in's import that its siblings contradict (they place its folder
        # at `app.drivers.ansible`, where `app.utils` is not `utils.py` beside it).
        Example(
            {
                "app/__init__.py": "",
                "app/shim.py": "x = 1\n",
                "app/drivers/__init__.py": "",
                "app/drivers/local.py": "from app.drivers.shim import x\n",
                "samples/driver/ansible/__init__.py": "",
                "samples/driver/ansible/ansible.py": "from app.drivers.ansible import runner\n",
                "samples/driver/ansible/runner.py": "from app.drivers.ansible import errors, utils\n",
                "samples/driver/ansible/errors.py": "",
                "samples/driver/ansible/utils.py": "",
                "samples/driver/ansible/events.py": "from app import utils\n",
                # A plugin's own gtkui.py naming its host's removed `app.ui.gtkui`: not beside it.
                "app/ui/__init__.py": "",
                "plugins/block/gtkui.py": "from app.ui.gtkui import dialogs\n",
                # An archive of modules the package lost: its imports of them are broken,
                # beside them too (it ships nothing to copy in).
                "archive/gam.py": "class Model: ...\n",
                "archive/examples/example_gam.py": "from app.ui.gam import Model\n",
                "archive/ui/kde.py": "from app.ui.testdata import rows\n",
                "archive/ui/testdata.py": "rows = []\n",
            },
            expect=(
                ("app/drivers/local.py", 1), ("archive/examples/example_gam.py", 1), ("archive/ui/kde.py", 1),
                ("plugins/block/gtkui.py", 1), ("samples/driver/ansible/events.py", 1),
            ),
        ),
        Example(
            {
                "app/__init__.py": "",
                "app/ws.py": "class UnifiedWebSocketManager: ...\n",
                "tests/test_ws.py": "import os\nfrom app.ws import IsolatedWebSocketManager\n",
                "app/other.py": "import app.missing\n",
                # exec into a namespace of its own binds nothing in the module.
                "app/runner.py": "def run(source):\n    namespace = {}\n    exec(source, namespace)\n    return namespace\n",
                "app/run_user.py": "from app.runner import Parser\n",
            },
            expect=(("app/other.py", 1), ("app/run_user.py", 1), ("tests/test_ws.py", 2)),
        ),
        # Fixable: the name lives in exactly one production module. The fix imports it from
        # there, keeping aliases and comments, and relative imports relative.
        Example(
            {
                "app/__init__.py": "",
                "app/ws/__init__.py": "",
                "app/ws/manager.py": "class UnifiedWebSocketManager:\n    def send(self, event):\n        return event\n",
                "app/ws/legacy.py": "def helper(): ...\n",
                "app/api.py": "import os\n"
                "from app.ws.legacy import helper, UnifiedWebSocketManager as Manager  # moved\n"
                "def handler():\n    from .ws.gone import UnifiedWebSocketManager\n"
                "    return Manager, UnifiedWebSocketManager\n",
            },
            expect=(("app/api.py", 2), ("app/api.py", 4)),
            fixed={
                "app/api.py": "import os\n"
                "from app.ws.legacy import helper  # moved\n"
                "from app.ws.manager import UnifiedWebSocketManager as Manager\n"
                "def handler():\n    from .ws.manager import UnifiedWebSocketManager\n"
                "    return Manager, UnifiedWebSocketManager\n",
            },
        ),
        # A file no import statement can name still runs its imports (importlib loads
        # Django migrations; scripts run): relative ones resolve from its package.
        Example(
            {
                "app/__init__.py": "",
                "app/models.py": "class User: ...\n",
                "app/migrations/__init__.py": "",
                "app/migrations/0002_auto.py": "from ..models import User, Group\n",
                "dev-tools.py": "from app.models import Admin\n",
            },
            expect=(("app/migrations/0002_auto.py", 1), ("dev-tools.py", 1)),
        ),
        # Caught by accident, or caught and then failed: the import is required, and broken.
        Example(
            {
                "app/__init__.py": "",
                "app/views.py": "def view():\n    try:\n        from app.models import Gone\n"
                "    except Exception:\n        raise\n"
                "try:\n    import app.gone\nexcept:\n    pass\n"
                "try:\n    import app.gone2\nexcept (ValueError, KeyError):\n    pass\n"
                "try:\n    import app.gone3\nexcept ImportError:\n    raise SystemExit('reinstall')\n",
                "app/models.py": "",
                "tests/test_views.py": "import pytest\n"
                "def test_a():\n    try:\n        import app.gone4\n    except ImportError:\n"
                "        pytest.fail('gone')\n"
                "    with pytest.raises(ValueError):\n        import app.gone5\n",
            },
            expect=(
                ("app/views.py", 3), ("app/views.py", 7), ("app/views.py", 11), ("app/views.py", 15),
                ("tests/test_views.py", 4), ("tests/test_views.py", 8),
            ),
        ),
        # A namespace package provides its submodules and folders only; a module beside a
        # folder of the same name wins (``app/mod.py`` over ``app/mod/``).
        Example(
            {
                "app/__init__.py": "",
                "app/templates/index.html": "<html></html>\n",
                "app/mod.py": "X = 1\n",
                "app/mod/data.json": "{}\n",
                "app/views.py": "from app.templates import render\nimport app.templates.missing\nimport app.mod.data\n",
            },
            expect=(("app/views.py", 1), ("app/views.py", 2), ("app/views.py", 3)),
        ),
        # In the test tree, but code: what conftest.py imports (and what that imports in
        # turn), the package of a collected test, a script.
        Example(
            {
                "app/__init__.py": "",
                "tests/__init__.py": "",
                "tests/unit/conftest.py": "from tests.fixtures import users\n",
                "tests/fixtures/__init__.py": "",
                "tests/fixtures/users.py": "from tests.fixtures import accounts\n",
                "tests/fixtures/accounts.py": "from app.models import Account\n",
                "tests/unit/__init__.py": "from app import gone\n",
                "tests/unit/test_models.py": "X = 1\n",
                "tests/seed.py": "from app.db import session\nif __name__ == '__main__':\n    session()\n",
            },
            expect=(("tests/fixtures/accounts.py", 1), ("tests/seed.py", 1), ("tests/unit/__init__.py", 1)),
        ),
        # A name set on a module by a module that is not a package above it, nor imported
        # by one at module level, may not exist yet when the import runs: still reported. So
        # is one a function sets that no import-time code calls (a registry's hook), and a
        # module put into sys.modules only so.
        Example(
            {
                "app/__init__.py": "",
                "app/base.py": "",
                "app/setup.py": "from app import base\nbase.dialect = 1\n",
                "app/use.py": "from app.base import dialect\n",
                "app/objects/__init__.py": "from app.objects import registry\n",
                "app/objects/registry.py": "import sys\nimport app.objects as objects\n"
                "def hook(cls):\n    setattr(objects, cls.__name__, cls)\n"
                "    sys.modules['app.objects.port'] = cls\n",
                "app/objects/portgroup.py": "from app.objects import Port\nimport app.objects.port\n",
            },
            expect=(("app/objects/portgroup.py", 1), ("app/objects/portgroup.py", 2), ("app/use.py", 1)),
        ),
        # A namesake folder is no loader's unless it lies beside a test file that needs it and
        # no absolute import names it: production code, a test importing what no namesake
        # beside it holds, and one beside a test helper package, are checked.
        Example(
            {
                "app/__init__.py": "",
                "app/module_utils/__init__.py": "",
                "app/tools/library/run.py": "from app.module_utils.foo import data\n",
                "app/tools/module_utils/foo.py": "data = 1\n",
                "tests/test_mu.py": "from app.module_utils.foo import data\n",
                "tests/targets/mu/module_utils/foo.py": "data = 1\n",
                "tests/targets/other/library/test.py": "from app.module_utils.foo import data\n",
                # A test helper package mirroring a product package is imported by its own
                # name: it is no folder a loader merges, and a missing module stays broken.
                "app/clients/__init__.py": "",
                "tests/__init__.py": "",
                "tests/clients/__init__.py": "",
                "tests/clients/auth.py": "token = 1\n",
                "tests/helpers.py": "from tests.clients.auth import token\n",
                "tests/web/test_ws.py": "from app.clients.auth import token\n",
            },
            expect=(
                ("app/tools/library/run.py", 1), ("tests/targets/other/library/test.py", 1), ("tests/test_mu.py", 1),
                ("tests/web/test_ws.py", 1),
            ),
        ),
        # What a context manager sets exists inside its `with` block only; and a `with` of
        # something else sets nothing.
        Example(
            {
                "app/__init__.py": "",
                "app/enums.py": "class Mode: ...\n",
                "app/migration/__init__.py": "from app.migration.utils import legacy_patch\n",
                "app/migration/utils.py": _LEGACY_PATCH,
                "tests/test_utils.py": "import contextlib\nfrom app.migration import legacy_patch\n"
                "def test_a():\n    with legacy_patch():\n        pass\n    from app.enums import _FaultTolerantMode\n"
                "    with contextlib.suppress(KeyError):\n        from app.enums import Old\n",
            },
            expect=(("tests/test_utils.py", 6), ("tests/test_utils.py", 8)),
        ),
        # Not a name a registry call spells (its callee's name says nothing of a move), nor
        # one moved out of the project, nor one a relocation helper keeps only inside a
        # function (it has not run when the import does).
        Example(
            {
                "app/__init__.py": "",
                "app/common.py": "def register(name, target): ...\ndef moved_module(old, new): ...\n",
                "app/plugins/__init__.py": "from app.common import register, moved_module\n"
                "register('foo', 'app.impl.Foo')\nmoved_module('app.plugins.old', 'other.new')\n"
                "def setup():\n    moved_module('app.plugins.older', 'app.impl')\n",
                "app/impl.py": "class Foo: ...\n",
                "tests/test_reg.py": "from app.plugins import foo\nimport app.plugins.old\nimport app.plugins.older\n",
            },
            expect=(("tests/test_reg.py", 1), ("tests/test_reg.py", 2), ("tests/test_reg.py", 3)),
        ),
        # Not a name exec() would bind in a function's namespace, or in a namespace of its own.
        Example(
            {
                "app/__init__.py": "",
                "app/script.py": "def make(name):\n    exec('%s = 1' % name)\n"
                "ns = {}\nfor name in ['Clean']:\n    exec('%s = 1' % name, ns)\n",
                "tests/test_script.py": "from app.script import Depends\nfrom app.script import Clean\n",
            },
            expect=(("tests/test_script.py", 1), ("tests/test_script.py", 2)),
        ),
        # Not a name a registry's decorator is given (`name='csv'`), nor a class-like name
        # unlike the class's own.
        Example(
            {
                "app/__init__.py": "",
                "app/registry.py": "def register(name):\n    return lambda cls: cls\n",
                "app/formats.py": "from app.registry import register\n"
                "@register(name='csv')\nclass CsvFormat: ...\n@register(name='Json')\nclass Reader: ...\n",
                "tests/test_formats.py": "from app.formats import csv\nfrom app.formats import Json\n",
            },
            expect=(("tests/test_formats.py", 1), ("tests/test_formats.py", 2)),
        ),
        # A template folder that code imports from (a framework's `template/` package) is code.
        Example(
            {
                "app/__init__.py": "",
                "app/template/__init__.py": "",
                "app/template/render.py": "from app.gone import Engine\n",
                "app/views.py": "from app.template import render\n",
            },
            expect=(("app/template/render.py", 1),),
        ),
        # Marked so, but run: it fails when it runs. A mark for another error (a module
        # without type hints) says nothing of a missing module.
        Example(
            {
                "app/__init__.py": "",
                "app/entities.py": "from typing import TYPE_CHECKING\n"
                "from app.models.purpose import Purpose  # type: ignore[import-not-found]\n"
                "if TYPE_CHECKING:\n    from app.models.consumer import Consumer  # type: ignore[import-untyped]\n",
            },
            expect=(("app/entities.py", 2), ("app/entities.py", 4)),
        ),
        # Conditions that are not file-existence checks leave the import checked.
        Example(
            {
                "app/__init__.py": "",
                "app/settings.py": "import os\nfrom pathlib import Path\nBASE = Path('.')\n"
                "if os.path.exists('a.py') or os.environ.get('A'):\n    from app.gone_a import A\n"
                "if BASE.exists():\n    from app.gone_b import B\n"
                "if not os.path.exists('c.py'):\n    from app.gone_c import C\n",
            },
            expect=(("app/settings.py", 5), ("app/settings.py", 7), ("app/settings.py", 9)),
        ),
        # A name only the stub beside a generated module defines does not exist at run
        # time: the generator wrote typing-only names into the stub.
        Example(
            {
                "app/__init__.py": "",
                "app/grpc_mod.py": "# Generated by the gRPC Python protocol compiler plugin. DO NOT EDIT!\nclass Stub: ...\n",
                "app/grpc_mod.pyi": "class Stub: ...\nclass AsyncStub: ...\n",
                "app/runtime.py": "from app.grpc_mod import AsyncStub\n",
            },
            expect=(("app/runtime.py", 1),),
        ),
        # The lazy package serves only what it declares; a package's own __path__ is real.
        Example(
            {
                "app/__init__.py": "import typing\nfrom app import _lazy\n__all__ = ['Celery']\n"
                "_lazy.recreate(__name__)\n",
                "app/_lazy.py": "import sys\ndef recreate(name):\n    sys.modules[name] = object()\n",
                "app/proxy/__init__.py": "def __getattr__(name):\n    return name\n",
                "app/user.py": "from app import Celery\nfrom app import task\nimport app.proxy.gone\n",
            },
            expect=(("app/user.py", 2), ("app/user.py", 3)),
        ),
        # Not a submodule the package leaves unimported, nor one it imports only for type
        # checkers.
        Example(
            {
                "app/__init__.py": "",
                "app/backend/__init__.py": "from app.backend.jax import *\n",
                "app/backend/jax/__init__.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                "    from app.backend.jax import typed\n",
                "app/backend/jax/typed.py": "",
                "app/backend/jax/other.py": "",
                "app/ops.py": "from app.backend import other\nfrom app.backend import typed\n",
            },
            expect=(("app/ops.py", 1), ("app/ops.py", 2)),
        ),
        # Not a name the package hands to a function that installs no import hook, nor a
        # name no call spells.
        Example(
            {
                "app/__init__.py": "",
                "app/_compat.py": "import sys\nclass Finder: ...\ndef install(old):\n    sys.meta_path.append(Finder())\n"
                "def note(name, old):\n    return name\n",
                "app/data/__init__.py": "from app import _compat\n_compat.note(__name__, 'fake_x')\n"
                "_compat.install(f'{__name__}.fake_a')\n",
                "app/test_compat.py": "import app.data.fake_x\nimport app.data.gone\n",
            },
            expect=(("app/test_compat.py", 1), ("app/test_compat.py", 2)),
        ),
        # A module reached through a folder its package adds to `__path__` is judged by that
        # folder's file: what it lacks is missing.
        Example(
            {
                "app/__init__.py": "import os\n__path__.append(os.path.join(os.path.dirname(__file__), 'api'))\n",
                "app/api/__init__.py": "",
                "app/api/activations.py": "def relu(): ...\n",
                "use.py": "from app.activations import relu\nfrom app.activations import gone\n"
                "from app import activations\n",
            },
            expect=(("use.py", 2),),
        ),
        # A handler's import is checked when its `try` imports from another package, or
        # something that does not resolve either.
        Example(
            {
                "app/__init__.py": "",
                "app/qpy.py": "def dump(): ...\n",
                "test/test_compat.py": "try:\n    from app.qpy import dump, gone\n"
                "except ImportError:\n    from app.old_qpy import dump, gone\n"
                "try:\n    from ujson import dump\n"
                "except ImportError:\n    from app.old_qpy import dump\n",
            },
            expect=(("test/test_compat.py", 4), ("test/test_compat.py", 8)),
        ),
        # A module that sets attributes on itself by literal names only is not open to any
        # name: importing another one is reported.
        Example(
            {
                "app/__init__.py": "",
                "app/events.py": "import sys\nmodule = sys.modules[__name__]\nsetattr(module, 'post_create', object())\n",
                "app/user.py": "from app.events import post_gone\n",
            },
            expect=(("app/user.py", 1),),
        ),
        # A package's `__init__` (the settings package the program imports first) puts
        # folders on sys.path from its own `__file__`, in a loop over literal paths: their
        # namespace folders complete the source roots' (`ee/zentral/` and `zentral/` are
        # one `zentral`; `ee/server/realms/` and `server/realms/` one `realms`). What no
        # portion holds is still reported.
        Example(
            {
                "server/server/__init__.py": "import os, sys\nfor rel in ('../../ee', '../../ee/server'):\n"
                "    sys.path.insert(0, os.path.realpath(os.path.join(os.path.dirname(__file__), rel)))\n",
                "server/realms/models.py": "class Realm: ...\n",
                "zentral/core/stores.py": "class Store: ...\n",
                "ee/zentral/contrib/wsone/models.py": "class Instance: ...\n",
                "ee/server/realms/scim.py": "from .models import Realm\n",
                "tests/test_wsone.py": "from zentral.contrib.wsone.models import Instance\nfrom zentral.core.stores import Store\n",
                "tests/test_gone.py": "from zentral.contrib.gone.models import Instance\n",
            },
            expect=(("tests/test_gone.py", 1),),
            config='src = ["server"]',
        ),
        # A folder whose script imports its siblings by their bare names runs first on
        # sys.path: a module beside it may import the script's names by the script's bare
        # name (`from bench import cleanup` is bench/bench.py there, not the package
        # bench), and is reported only when that reading fails too.
        Example(
            {
                "bench/__init__.py": "",
                "bench/bench.py": "import prompts\ndef cleanup(): ...\nif __name__ == '__main__':\n    cleanup()\n",
                "bench/prompts.py": "TEXT = ''\n",
                "bench/test_bench.py": "from bench import cleanup\n",
                "bench/test_other.py": "from bench import gone\n",
            },
            expect=(("bench/test_other.py", 1),),
        ),
        # A script (a `__main__` block) in a namespace folder of a regular package runs with
        # that folder first on sys.path: its `openai` is the module beside it, which lacks
        # the name (the same file without the block is a module of its package).
        Example(
            {
                "agent/__init__.py": "",
                "agent/tools/openai.py": "class Request: ...\n",
                "agent/tools/call.py": "from openai import NOT_GIVEN\nif __name__ == '__main__':\n    print(NOT_GIVEN)\n",
            },
            expect=(("agent/tools/call.py", 1),),
        ),
        # A loose file (no regular package holds it, nothing here imports it) whose relative
        # import names a missing sibling is placed elsewhere when it runs (mounted into a
        # package); in a regular package, or imported here, it is reported.
        Example(
            {
                "docker/settings/web.py": "from .compose import Base\n",
                "app/__init__.py": "",
                "app/loose/web.py": "from .compose import Base\n",
                "tools/settings/run.py": "from .compose import Base\n",
                "tools/use.py": "import tools.settings.run\n",
            },
            expect=(("app/loose/web.py", 1), ("tools/settings/run.py", 1)),
        ),
        # Services of one repository, each run from its own folder (`python -m src` there),
        # each with its own `src` package: a service's module that imports its own package
        # by the name it has from that folder shows the folder is on sys.path, and every
        # module under it reads that folder's `src`, not another service's (the model's `src`
        # is services/cve's). Test modules read what pytest puts on sys.path: the folder of
        # their own suite's conftest (`from conftest import ...`), and the first folder
        # above a test package (`from tests.conftest import ...` in the service's own
        # `tests` package). What the service's own folder lacks too is still reported.
        Example(
            {
                "services/cve/src/__init__.py": "",
                "services/cve/src/models/__init__.py": "",
                "services/cve/src/models/configs/__init__.py": "class ConfigCve: ...\n",
                "services/cve/tests/__init__.py": "",
                "services/cve/tests/conftest.py": "def env(): ...\n",
                "services/cof/tests/conftest.py": "def stub(): ...\n",
                "services/mitre/src/__init__.py": "",
                "services/mitre/src/models/__init__.py": "",
                "services/mitre/src/models/configs/__init__.py": "from src.models.configs.mitre import ConfigMitre\n",
                "services/mitre/src/models/configs/mitre.py": "class ConfigMitre: ...\n",
                "services/mitre/src/models/configs/loader.py": "from src.models.configs import ConfigMitre\n",
                "services/mitre/src/app.py": "from src.models.configs import Gone\n",
                "services/mitre/tests/test_app.py": "from src.models.configs.mitre import ConfigMitre\n",
                "services/crowd/tests/conftest.py": "def mock_env(): ...\n",
                "services/crowd/tests/scope/test_scope.py": "from conftest import mock_env\n",
                "services/crowd/tests/scope/test_gone.py": "from conftest import gone\n",
                "services/poly/tests/__init__.py": "",
                "services/poly/tests/conftest.py": "SHA = 'x'\n",
                "services/poly/tests/test_vcr.py": "from tests.conftest import SHA\n",
            },
            expect=(("services/crowd/tests/scope/test_gone.py", 1), ("services/mitre/src/app.py", 1)),
            config='src = ["services/cve", "services/cof/tests"]',
        ),
        # Plugins of one repository, each a source root with its own `tests` (flytekit's
        # `plugins/*/tests/`): a relative import reads its own plugin's `tests`, not the
        # model's (the first by path), also when another plugin's `tests/` has no
        # `__init__.py` (test folders are not installed: they merge into nothing). What its
        # own module lacks is still reported.
        Example(
            {
                "plugins/a/tests/__init__.py": "",
                "plugins/a/tests/test_task.py": "def other(): ...\n",
                "plugins/b/tests/test_x.py": "X = 1\n",
                "plugins/c/tests/__init__.py": "",
                "plugins/c/tests/test_task.py": "tk = 1\n",
                "plugins/c/tests/test_tracker.py": "from .test_task import tk\nfrom .test_task import gone\n",
            },
            expect=(("plugins/c/tests/test_tracker.py", 2),),
            config='src = ["plugins/a", "plugins/b", "plugins/c"]',
        ),
    ),
)
