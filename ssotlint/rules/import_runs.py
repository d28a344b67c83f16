"""Import orders as the interpreter runs them, for SSOT002.

A cycle can fail only in an order of starting its modules that a program can produce, and
the interpreter narrows those down: importing ``a.b.c`` runs ``a``'s ``__init__`` to its
end first (unless it is running), then ``a.b``'s, then ``a.b.c``; each module runs its
statements in order, and an import of a module that has started runs nothing. So once one
module of a strongly connected component has started, the rest of the component runs in
one order, the one its statements fix; and which module starts first is fixed too when a
package that always runs before it leads there (qutip's ``qutip/core/__init__.py`` binds
what ``blochredfield`` takes from it on lines 2 to 13, then imports ``blochredfield`` on
line 16: a program that imports ``blochredfield`` first runs the ``__init__`` first, and
nothing can reach ``blochredfield`` before line 16).

:class:`ImportRuns` replays those runs over the static model (nothing is executed): for
each way the component can be entered, the module-level imports of every module the run
reaches, in line order, each running the packages of what it imports first; at each
import of a module that is still running it checks what the importer reads of it against
the names that module has bound above the statement it is paused on. It answers which
imports of a component fail in some run; a component none of whose runs fails cannot
break a start-up as written.

What it cannot see (imports by computed name, ``importlib`` loops over a package's
modules, imports under conditions that never hold) it does not follow: every import
statement runs, none is added.
"""

from __future__ import annotations

from typing import Callable, Iterable, Iterator, Mapping, Sequence

# One module's import-time statements: (line, modules imported, in the order they run).
Statements = tuple[tuple[int, tuple[str, ...]], ...]
# ``fails(u, v, line, finished)``: the modules whose reads fail when ``u`` imports ``v``,
# ``v`` paused on ``line`` (None: ``v`` has finished) and ``finished`` telling which modules
# have: ``v`` when ``u`` reads of it a name it has not bound yet, ``v.m`` when ``u`` reads
# the module ``m`` off ``v`` before ``m`` has finished (the package has it only then).
Reads = Callable[[str, str, "int | None", Callable[[str], bool]], Iterable[str]]


def packages_of(module: str) -> Iterator[str]:
    """``a`` and ``a.b`` for ``a.b.c``: the packages importing it runs first, outermost first."""
    dot = module.find(".")
    while dot >= 0:
        yield module[:dot]
        dot = module.find(".", dot + 1)


class ImportRuns:
    """Runs of the imports of a project's modules (see the module's docstring).

    ``statements(m)``: ``m``'s import statements that run while it is imported, by line,
    each with the first-party modules it imports (a from-import's submodules after their
    package). ``runs``: each module's successors as importing runs them (what it imports
    and their packages). ``modules``: the project's modules. ``fails``: see :data:`Reads`.
    """

    def __init__(
        self,
        statements: Callable[[str], Statements],
        runs: Callable[[str], Sequence[str]],
        modules: Mapping[str, object],
        fails: Reads,
    ) -> None:
        self._statements = statements
        self._runs = runs
        self._modules = modules
        self._fails = fails
        self._importers: dict[str, list[str]] | None = None

    def first_failures(self, component: Sequence[str]) -> dict[tuple[str, str], tuple[str, ...]]:
        """Where each run stops (its first failing read between modules of ``component``),
        with the way the run came back: the modules running from the one read to the
        reader, as the interpreter's stack holds them."""
        members = frozenset(component)
        touching = self._touching(members)
        found: dict[tuple[str, str], tuple[str, ...]] = {}
        for start in self._starts(members, touching):
            ways: dict[tuple[str, str], tuple[str, ...]] = {}
            for pair in self._run(start, touching, members, ways):
                if pair[0] in members and pair[1] in members and pair in ways:
                    found.setdefault(pair, ways[pair])
        return found

    def failures(self, component: Sequence[str]) -> frozenset[tuple[str, str]]:
        """The imports ``u -> v`` between modules of ``component`` that fail in some run:
        ``u`` reads of ``v`` while ``v`` is running what ``v`` has not bound yet (also those
        a run reaches only once an earlier failure of it is fixed)."""
        members = frozenset(component)
        touching = self._touching(members)
        found: set[tuple[str, str]] = set()
        for start in self._starts(members, touching):
            found.update(f for f in self._run(start, touching) if f[0] in members and f[1] in members)
        return frozenset(found)

    # -- where a run can start ------------------------------------------------------------

    def _touching(self, members: frozenset[str]) -> frozenset[str]:
        """The modules whose run reaches the component (its members among them)."""
        importers = self._all_importers()
        seen = set(members)
        stack = list(members)
        while stack:
            n = stack.pop()
            for m in importers.get(n, ()):
                if m not in seen:
                    seen.add(m)
                    stack.append(m)
        return frozenset(seen)

    def _all_importers(self) -> dict[str, list[str]]:
        if self._importers is None:
            importers: dict[str, list[str]] = {}
            for u in self._modules:
                for v in self._runs(u):
                    importers.setdefault(v, []).append(u)
                # A module's packages run before it: reaching it reaches them.
                for p in packages_of(u):
                    if p in self._modules:
                        importers.setdefault(p, []).append(u)
            self._importers = importers
        return self._importers

    def _starts(self, members: frozenset[str], touching: frozenset[str]) -> list[str]:
        """The modules a run that enters the component starts from, outer packages done: a
        member none of whose packages leads to the component (a program imports it first),
        or the outermost package of a member that leads there (it always runs first, and its
        statements decide which member starts)."""
        starts: dict[str, None] = {}
        for m in sorted(members):
            packages = [p for p in packages_of(m) if p in self._modules]
            if any(p in members for p in packages):
                continue  # a package of it in the component starts before it
            start = next((p for p in packages if p in touching), m)
            starts.setdefault(start)
        return list(starts)

    def _closure(self, modules: list[str]) -> set[str]:
        """``modules`` and what running them runs."""
        seen = set(modules)
        stack = list(modules)
        while stack:
            for m in self._runs(stack.pop()):
                if m not in seen:
                    seen.add(m)
                    stack.append(m)
        return seen

    # -- one run --------------------------------------------------------------------------

    def _run(
        self, start: str, touching: frozenset[str], stop_in: frozenset[str] | None = None,
        ways: dict[tuple[str, str], tuple[str, ...]] | None = None,
    ) -> set[tuple[str, str]]:
        """The failing reads of one run from ``start``, its packages finished before it.
        Modules whose run reaches no member run to their end at once: nothing in them can
        take part. ``stop_in``: the run stops at its first failing read between two of
        these modules. ``ways``: filled with each failing read's way back (see
        :meth:`first_failures`)."""
        # The packages of ``start`` ran to their end before it, and so did what they import
        # (none of it leads to the component: ``start`` is the first that does).
        finished: set[str] = self._closure([p for p in packages_of(start) if p in self._modules])
        paused: dict[str, int] = {}  # running module -> the line of the statement it is on
        failures: set[tuple[str, str]] = set()
        checked: set[tuple[str, str]] = set()
        # A frame: [module, its statements, index of the statement, modules of it left to import]
        frames: list[list] = []

        def started(module: str) -> bool:
            return module in finished or module in paused

        def done(module: str) -> bool:
            return module in finished

        def begin(module: str) -> None:
            if module not in touching:
                finished.add(module)
                return
            statements = self._statements(module)
            paused[module] = statements[0][0] if statements else 0
            frames.append([module, statements, 0, list(statements[0][1]) if statements else []])

        begin(start)
        while frames:
            frame = frames[-1]
            module, statements, index, pending = frame
            if index >= len(statements):
                frames.pop()
                del paused[module]
                finished.add(module)
                continue
            if pending:
                target = pending[0]
                chain = [q for q in (*packages_of(target), target) if q in self._modules]
                waiting = next((q for q in chain if not started(q)), None)
                if waiting is not None:
                    begin(waiting)
                    continue
                pending.pop(0)
                if (module, target) not in checked:
                    checked.add((module, target))
                    failing = [(module, f) for f in self._fails(module, target, paused.get(target), done)]
                    failures.update(failing)
                    if ways is not None:
                        stack = [frame[0] for frame in frames]
                        for pair in failing:
                            # (a module read off its package: the way comes back through the package)
                            held = next((m for m in (pair[1], *reversed(list(packages_of(pair[1])))) if m in stack), None)
                            if held is not None:
                                ways.setdefault(pair, tuple(stack[stack.index(held):]))
                    if stop_in is not None and any(u in stop_in and v in stop_in for u, v in failures):
                        return failures
                continue
            index += 1
            frame[2] = index
            if index < len(statements):
                paused[module] = statements[index][0]
                frame[3] = list(statements[index][1])
        return failures
