"""The project model: every analysed file, its module, and what each module provides.

Pure domain code: no I/O, no parser. Built from (path, summary) pairs, so the same model
serves the working tree and a git revision. Name resolution is memoised per model.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Iterable, Iterator, NamedTuple

from ssotlint.config import Config
from ssotlint.discover.modules import module_name, opaque_module_name
from ssotlint.extract.builder import ENUM_BASES, last_part
from ssotlint.extract.summary import (
    CTX_FUNCTION,
    CTX_TYPE_CHECKING,
    KIND_ENUM,
    ClassRecord,
    FileSummary,
    ImportRecord,
)

if TYPE_CHECKING:
    import networkx as nx


@dataclass(frozen=True)
class SourceFile:
    path: str  # POSIX, relative to the root
    module: str | None
    is_package: bool
    is_test: bool
    summary: FileSummary

    @property
    def package(self) -> str | None:
        """The package relative imports are resolved against."""
        if self.module is None:
            return None
        if self.is_package:
            return self.module
        return self.module.rpartition(".")[0]


# Every module has these, whatever its source says.
MODULE_ATTRIBUTES = frozenset(
    {"__doc__", "__file__", "__name__", "__spec__", "__loader__", "__package__", "__path__",
     "__builtins__", "__dict__", "__cached__"}
)


class ClassRef(NamedTuple):
    """A first-party class: where it is defined."""

    module: str
    record: ClassRecord

    @property
    def qualname(self) -> str:
        return f"{self.module}.{self.record.name}"


class Binding(NamedTuple):
    kind: str  # "class" | "alias" | "from" | "import" | "def"
    target: str  # class name, alias target, "module:name", or module path
    typing_only: bool


class Provided(NamedTuple):
    names: frozenset[str]
    typing_only: frozenset[str]  # bound only under TYPE_CHECKING
    open: bool  # may provide names we cannot see (``__getattr__``, unknown star import)


@dataclass
class Project:
    config: Config
    files: list[SourceFile]
    modules: dict[str, SourceFile] = field(init=False)
    packages: set[str] = field(init=False)
    top_level: set[str] = field(init=False)
    opaque_modules: set[str] = field(default_factory=set)  # exist, but are not analysed
    graph: "nx.DiGraph" = field(init=False, default=None)  # set by model.graph.build_graph

    def __post_init__(self) -> None:
        self.files.sort(key=lambda f: f.path)
        self.modules = {}
        for f in self.files:
            if f.module is None:
                continue
            existing = self.modules.get(f.module)
            # The interpreter prefers the package (a/b/__init__.py) over a/b.py.
            if existing is None or (f.is_package and not existing.is_package):
                self.modules[f.module] = f
        self.packages = {m for m, f in self.modules.items() if f.is_package}
        self.opaque_modules -= set(self.modules)
        for name in [*self.modules, *self.opaque_modules]:
            parts = name.split(".")
            for i in range(1, len(parts)):
                self.packages.add(".".join(parts[:i]))  # namespace packages included
        self.top_level = {m.split(".", 1)[0] for m in (*self.modules, *self.opaque_modules)} | {
            p.split(".", 1)[0] for p in self.packages
        }
        self._provided: dict[str, Provided] = {}
        self._bindings: dict[str, dict[str, Binding]] = {}
        self._ancestors: dict[tuple[str, str], tuple[list[ClassRef], list[str]]] = {}

    @classmethod
    def build(
        cls,
        config: Config,
        roots: list[str],
        entries: Iterable[tuple[str, FileSummary]],
        opaque_paths: Iterable[str] = (),
    ) -> "Project":
        files = []
        for path, summary in entries:
            module, is_package = module_name(path, roots)
            files.append(SourceFile(path, module, is_package, config.is_test_file(path), summary))
        opaque = {m for m in (opaque_module_name(p, roots) for p in opaque_paths) if m}
        return cls(config, files, opaque)

    # -- modules ----------------------------------------------------------------------
    def is_first_party(self, dotted: str) -> bool:
        return dotted.split(".", 1)[0] in self.top_level

    def module_exists(self, dotted: str) -> bool:
        if dotted.endswith(".__init__"):  # `import pkg.__init__` loads the file once more
            package = self.modules.get(dotted[: -len(".__init__")])
            return package is not None and package.is_package
        return dotted in self.modules or dotted in self.packages or dotted in self.opaque_modules

    def absolute(self, importer: SourceFile, rec: ImportRecord) -> str | None:
        """The absolute module a record names; None when a relative import has no anchor
        or climbs above the top-level package."""
        if rec.level == 0:
            return rec.module
        package = importer.package
        if package is None:
            return None
        parts = package.split(".") if package else []
        drop = rec.level - 1
        if drop > len(parts) or (drop == len(parts) and not rec.module and not parts):
            return None
        base = parts[: len(parts) - drop]
        if not base and not rec.module:
            return None
        return ".".join(base + ([rec.module] if rec.module else []))

    def relative_overflow(self, importer: SourceFile, rec: ImportRecord) -> bool:
        """A relative import that climbs above the top-level package (fails at runtime)."""
        if rec.level == 0 or importer.module is None:
            return False
        package = importer.package or ""
        depth = len(package.split(".")) if package else 0
        return rec.level - 1 >= depth if depth else True

    # -- names a module provides --------------------------------------------------------
    def bindings(self, module: str) -> dict[str, Binding]:
        """Module-level names and what they are bound to (later bindings win)."""
        cached = self._bindings.get(module)
        if cached is not None:
            return cached
        f = self.modules.get(module)
        result: dict[str, Binding] = {}
        if f is not None:
            s = f.summary
            for name in s.assigned:
                result[name] = Binding("def", name, False)
            for name in s.functions:
                result[name] = Binding("def", name, False)
            for name, target in s.aliases:
                result[name] = Binding("alias", target, False)
            for rec in s.imports:
                if rec.context & CTX_FUNCTION:
                    continue
                typing_only = bool(rec.context & CTX_TYPE_CHECKING)
                absolute = self.absolute(f, rec)
                if absolute is None:
                    continue
                if rec.is_from:
                    if absolute == module:
                        continue  # `from m import x` inside m itself binds nothing new
                    for name, asname in rec.names:
                        if name == "*":
                            continue
                        local = asname or name
                        if local in result and not result[local].typing_only and typing_only:
                            continue
                        result[local] = Binding("from", f"{absolute}:{name}", typing_only)
                else:
                    local = rec.asname or absolute.split(".", 1)[0]
                    target = absolute if rec.asname else local
                    if local in result and not result[local].typing_only and typing_only:
                        continue
                    result[local] = Binding("import", target, typing_only)
            for c in s.classes:
                if c.top_level:
                    result[c.name] = Binding("class", c.name, bool(c.context & CTX_TYPE_CHECKING))
        self._bindings[module] = result
        return result

    def provided(self, module: str, _seen: frozenset[str] = frozenset()) -> Provided:
        """Every name ``from module import name`` can find, star re-exports included."""
        cached = self._provided.get(module)
        if cached is not None:
            return cached
        f = self.modules.get(module)
        if f is None:  # a stub/extension we cannot see into, or a namespace package
            return Provided(frozenset(), frozenset(), module in self.opaque_modules)
        if not f.summary.ok:
            return Provided(frozenset(), frozenset(), True)
        bindings = self.bindings(module)
        names = {n for n, b in bindings.items() if not b.typing_only} | MODULE_ATTRIBUTES
        typing_only = {n for n, b in bindings.items() if b.typing_only}
        is_open = f.summary.has_getattr or f.summary.dynamic_names
        for rec in f.summary.imports:
            if rec.context & CTX_FUNCTION or not rec.is_from or rec.names[0][0] != "*":
                continue
            source = self.absolute(f, rec)
            if source is None or not self.is_first_party(source) or source not in self.modules:
                is_open = True  # unknown star import: anything may come through
                continue
            if source in _seen or source == module:
                continue
            exported = self.exports(source, _seen | {module})
            target = typing_only if rec.context & CTX_TYPE_CHECKING else names
            target.update(exported.names)
            is_open = is_open or exported.open
        result = Provided(frozenset(names), frozenset(typing_only - names), is_open)
        if not _seen:
            self._provided[module] = result
        return result

    def exports(self, module: str, _seen: frozenset[str] = frozenset()) -> Provided:
        """What ``from module import *`` brings: ``__all__``, else the public names."""
        f = self.modules.get(module)
        provided = self.provided(module, _seen)
        if f is not None and f.summary.all_names is not None:
            return Provided(frozenset(f.summary.all_names), frozenset(), provided.open)
        public = frozenset(n for n in provided.names if not n.startswith("_"))
        return Provided(public, frozenset(), provided.open)

    def nearest_module(self, dotted: str) -> SourceFile | None:
        """The analysed module that is the longest prefix of ``dotted``."""
        parts = dotted.split(".")
        for i in range(len(parts), 0, -1):
            found = self.modules.get(".".join(parts[:i]))
            if found is not None:
                return found
        return None

    def has_submodule(self, module: str, name: str) -> bool:
        return self.module_exists(f"{module}.{name}")

    # -- classes ------------------------------------------------------------------------
    def resolve(self, module: str, dotted: str, depth: int = 0) -> ClassRef | str | None:
        """What ``dotted`` names inside ``module``: a first-party class, an external
        dotted name (``enum.Enum``), or None when unknown."""
        if depth > 25:
            return None
        head, _, rest = dotted.partition(".")
        binding = self.bindings(module).get(head)
        if binding is None:
            return dotted if not self.is_first_party(dotted) else self._resolve_path(dotted, depth)
        if binding.kind == "class" and not rest:
            f = self.modules[module]
            record = next(
                (c for c in reversed(f.summary.classes) if c.top_level and c.name == head), None
            )
            return ClassRef(module, record) if record else None
        if binding.kind == "alias":
            return self.resolve(module, binding.target + (f".{rest}" if rest else ""), depth + 1)
        if binding.kind == "from":
            source, _, name = binding.target.partition(":")
            if not self.is_first_party(source):
                return f"{source}.{name}" + (f".{rest}" if rest else "")
            if self.module_exists(f"{source}.{name}"):
                return self._resolve_path(f"{source}.{name}" + (f".{rest}" if rest else ""), depth)
            if source in self.modules:
                return self.resolve(source, name + (f".{rest}" if rest else ""), depth + 1)
            return None
        if binding.kind == "import":
            full = binding.target + (f".{rest}" if rest else "")
            if not self.is_first_party(full):
                return full
            return self._resolve_path(full, depth)
        return None

    def _resolve_path(self, dotted: str, depth: int) -> ClassRef | str | None:
        """``pkg.mod.Class``: the longest module prefix, then the name inside it."""
        parts = dotted.split(".")
        for i in range(len(parts) - 1, 0, -1):
            module = ".".join(parts[:i])
            if module in self.modules:
                return self.resolve(module, ".".join(parts[i:]), depth + 1)
        return None

    def ancestors(self, module: str, record: ClassRecord) -> tuple[list[ClassRef], list[str]]:
        """All first-party ancestor classes and the external base names reached."""
        key = (module, f"{record.name}:{record.line}")
        cached = self._ancestors.get(key)
        if cached is not None:
            return cached
        first_party: list[ClassRef] = []
        external: list[str] = []
        seen: set[tuple[str, int, str]] = {(module, record.line, record.name)}
        stack = [(module, base) for base in record.bases]
        while stack:
            where, base = stack.pop()
            target = self.resolve(where, base)
            if isinstance(target, ClassRef):
                ident = (target.module, target.record.line, target.record.name)
                if ident in seen:
                    continue
                seen.add(ident)
                first_party.append(target)
                stack.extend((target.module, b) for b in target.record.bases)
            elif isinstance(target, str):
                external.append(target)
            else:
                external.append(base)  # unresolved: keep the name as written
        self._ancestors[key] = (first_party, external)
        return first_party, external

    def is_enum(self, module: str, record: ClassRecord) -> bool:
        if record.kind == KIND_ENUM:
            return True
        first_party, external = self.ancestors(module, record)
        return any(r.record.kind == KIND_ENUM for r in first_party) or any(
            last_part(e) in ENUM_BASES for e in external
        )

    # -- iteration helpers ----------------------------------------------------------------
    def production_files(self) -> Iterator[SourceFile]:
        return (f for f in self.files if not f.is_test)

    def top_level_classes(self, files: Iterable[SourceFile]) -> Iterator[tuple[SourceFile, ClassRecord]]:
        for f in files:
            if f.module is None:
                continue
            for c in f.summary.classes:
                if c.top_level:
                    yield f, c

    @cached_property
    def file_by_path(self) -> dict[str, SourceFile]:
        return {f.path: f for f in self.files}
