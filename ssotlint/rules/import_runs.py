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

A framework may hold modules back until its set-up has run (a Django model class raises
``AppRegistryNotReady`` until ``django.setup()`` has imported every installed
application, model/django_setup.py). Then a run before the set-up stops, raising, at the
first statement of such a module (``guard``); the set-up imports its modules in the order
its settings fix (``setup``), one run, during which nothing is held back; and a program
may start any run after it, with what the set-up imported finished.

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
    ``setup``: the modules a framework's set-up imports, in order (``other_setups``: other
    orders it may take, each run in turn); ``guards``: for each
    module that cannot run before it, the line of the statement that raises then (both
    empty: no set-up, nothing held back). ``caught``: each module's import statements that
    a ``try`` guards with an ``except ImportError``: a failing read raised below one of
    them fails all the same (silently: what the guarded import brings is never there), but
    is caught there, so the modules still running above it are dropped (CPython removes a
    module whose statements raised from ``sys.modules``) and the run goes on after the
    handler; a later import starts them again (lumibot's logger imports its credentials
    under such a ``try``, and the package imports the same modules again once its
    constants are bound: those later reads do not fail).
    """

    def __init__(
        self,
        statements: Callable[[str], Statements],
        runs: Callable[[str], Sequence[str]],
        modules: Mapping[str, object],
        fails: Reads,
        setup: Sequence[str] = (),
        guards: Mapping[str, int] | None = None,
        caught: Callable[[str], frozenset[int]] | None = None,
        import_error: Callable[[str, str, "int | None"], bool] | None = None,
        lost_harmlessly: Callable[[str, int], bool] | None = None,
        other_setups: Sequence[Sequence[str]] = (),
    ) -> None:
        self._statements = statements
        # ``caught(m)``: the lines of ``m``'s import statements inside a ``try`` whose
        # handler catches ImportError (see :meth:`_run`).
        self._caught = caught or (lambda module: frozenset())
        # ``import_error(u, v, line)``: ``u``'s failing read of ``v`` raises ImportError
        # (a from-import of a name not bound yet), which such a handler catches.
        self._import_error = import_error or (lambda u, v, line: False)
        # ``lost_harmlessly(m, line)``: what ``m``'s guarded import statement on ``line``
        # binds is read by nothing that runs (only in annotations never evaluated), and no
        # other module imports it from ``m``: a failure caught there loses nothing.
        self._lost_harmlessly = lost_harmlessly or (lambda module, line: False)
        self._runs = runs
        self._modules = modules
        self._fails = fails
        self._setup = tuple(setup)
        # Other orders the set-up may import in, when the settings do not say (each
        # application first in turn: model/django_setup.py ``alternatives``).
        self._other_setups = tuple(tuple(order) for order in other_setups) if setup else ()
        self._guards: Mapping[str, int] = dict(guards or {}) if setup else {}
        self._importers: dict[str, list[str]] | None = None
        self._raising: dict[str, bool] = {}

    def first_failures(self, component: Sequence[str]) -> dict[tuple[str, str], tuple[str, ...]]:
        """Where each run stops (its first failing read between modules of ``component``),
        with the way the run came back: the modules running from the one read to the
        reader, as the interpreter's stack holds them."""
        members = frozenset(component)
        found: dict[tuple[str, str], tuple[str, ...]] = {}
        for failing, ways in self._each_run(members, stop=True):
            for pair in failing:
                if pair[0] in members and pair[1] in members and pair in ways:
                    found.setdefault(pair, ways[pair])
        return found

    def failures(self, component: Sequence[str]) -> frozenset[tuple[str, str]]:
        """The imports ``u -> v`` between modules of ``component`` that fail in some run:
        ``u`` reads of ``v`` while ``v`` is running what ``v`` has not bound yet (also those
        a run reaches only once an earlier failure of it is fixed)."""
        members = frozenset(component)
        found: set[tuple[str, str]] = set()
        for failing, _ in self._each_run(members, stop=False):
            found.update(f for f in failing if f[0] in members and f[1] in members)
        return frozenset(found)

    def _each_run(
        self, members: frozenset[str], stop: bool
    ) -> Iterator[tuple[set[tuple[str, str]], dict[tuple[str, str], tuple[str, ...]]]]:
        """Each run that can enter the component: its failing reads, and their ways back.
        ``stop``: a run stops at its first failing read within the component. With a
        set-up: every start before it (a run stops, raising, at a held-back statement),
        the set-up's own run, then every start it left unfinished, after it."""
        touching = self._touching(members)
        stop_in = members if stop else None
        starts = self._starts(members, touching)
        for start in starts:
            ways: dict[tuple[str, str], tuple[str, ...]] = {}
            yield self._run([start], touching, stop_in, ways, held=bool(self._guards)), ways
        if not self._guards:
            return
        for setup in (self._setup, *self._other_setups):
            finished: set[str] = set()
            ways = {}
            yield self._run(list(setup), touching, stop_in, ways, finished=finished), ways
            for start in starts:
                if start not in finished:
                    ways = {}
                    yield self._run([start], touching, stop_in, ways, finished=set(finished)), ways

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

    def _catcher(self, frames: list[list]) -> int | None:
        """The index of the innermost frame whose module is on an import statement that a
        ``try`` with an ``except ImportError`` guards (the frame that catches a failure
        raised now), or None when the failure escapes the run."""
        for i in range(len(frames) - 1, -1, -1):
            module, statements, index, _ = frames[i]
            if module is not None and index < len(statements) and statements[index][0] in self._caught(module):
                return i
        return None

    def _caught_harmlessly(self, frame: list) -> bool:
        """The catching frame's guarded statement binds nothing that anything reads when
        it runs (see ``lost_harmlessly``)."""
        module, statements, index, _ = frame
        return module is not None and index < len(statements) and self._lost_harmlessly(module, statements[index][0])

    def _raises(self, module: str) -> bool:
        """Running ``module`` to its end runs a held-back statement (its own or that of a
        module it imports)."""
        found = self._raising.get(module)
        if found is None:
            found = self._raising[module] = any(m in self._guards for m in self._closure([module]))
        return found

    def _run(
        self, starts: list[str], touching: frozenset[str], stop_in: frozenset[str] | None = None,
        ways: dict[tuple[str, str], tuple[str, ...]] | None = None, held: bool = False,
        finished: set[str] | None = None,
    ) -> set[tuple[str, str]]:
        """The failing reads of one run: from ``starts[0]``, its packages finished before it,
        or, given several, importing each in turn as a program's statement would (the
        set-up's run). Modules whose run reaches no member run to their end at once:
        nothing in them can take part. ``stop_in``: the run stops at its first failing
        read between two of these modules. ``ways``: filled with each failing read's way
        back (see :meth:`first_failures`). ``held``: before the set-up, the run stops at
        a held-back statement (it raises there). ``finished``: the modules that have run
        already, updated as the run goes."""
        finished = finished if finished is not None else set()
        if len(starts) == 1:
            # The packages of the start ran to their end before it, and so did what they
            # import (none of it leads to the component: the start is the first that does).
            before = self._closure([p for p in packages_of(starts[0]) if p in self._modules and p not in finished])
            if held and any(m in self._guards for m in before):
                return set()  # they could not run before the set-up
            finished.update(before)
        paused: dict[str, int] = {}  # running module -> the line of the statement it is on
        failures: set[tuple[str, str]] = set()
        checked: set[tuple[str, str]] = set()
        # A frame: [module, its statements, index of the statement, modules of it left to import]
        frames: list[list] = []

        def started(module: str) -> bool:
            return module in finished or module in paused

        def done(module: str) -> bool:
            return module in finished

        def begin(module: str) -> bool:
            """Start ``module``; False when it raises first (held back)."""
            if module not in touching:
                if held and self._raises(module):
                    return False
                finished.add(module)
                return True
            statements = self._statements(module)
            if held and module in self._guards and (not statements or statements[0][0] > self._guards[module]):
                return False
            paused[module] = statements[0][0] if statements else 0
            frames.append([module, statements, 0, list(statements[0][1]) if statements else []])
            return True

        if len(starts) == 1:
            if not begin(starts[0]):
                return set()
        else:
            # The set-up's own frame: one statement importing each module in turn.
            frames.append([None, ((0, tuple(starts)),), 0, list(starts)])
        while frames:
            frame = frames[-1]
            module, statements, index, pending = frame
            if index >= len(statements):
                frames.pop()
                if module is not None:
                    del paused[module]
                    finished.add(module)
                continue
            if pending:
                target = pending[0]
                chain = [q for q in (*packages_of(target), target) if q in self._modules]
                waiting = next((q for q in chain if not started(q)), None)
                if waiting is not None:
                    if not begin(waiting):
                        return failures  # it raises before the set-up: the run ends there
                    continue
                pending.pop(0)
                if module is not None and (module, target) not in checked:
                    checked.add((module, target))
                    failing = [(module, f) for f in self._fails(module, target, paused.get(target), done)]
                    catcher = (
                        self._catcher(frames) if failing and self._import_error(module, target, paused.get(target)) else None
                    )
                    if catcher is not None and self._caught_harmlessly(frames[catcher]):
                        # habitat-lab's task module guards its import of the dataset module,
                        # whose class it names only in a string annotation: whichever starts
                        # first, the ImportError is caught there, the task finishes without
                        # the name it never reads, and the dataset module runs again, whole,
                        # when imported next. No order fails.
                        failing = []
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
                    if catcher is not None:
                        # The ImportError unwinds to the `try` that catches it (the failure is
                        # real, silent: what the guarded import brings is never there): the
                        # modules running above that frame are dropped, and run again, whole,
                        # when something imports them later.
                        dropped = {f[0] for f in frames[catcher + 1 :] if f[0] is not None}
                        for name in dropped:
                            paused.pop(name, None)
                        del frames[catcher + 1 :]
                        frames[catcher][3] = []  # the guarded statement ends in its handler
                        checked.difference_update({pair for pair in checked if pair[0] in dropped})
                continue
            index += 1
            frame[2] = index
            if held and module in self._guards and (index >= len(statements) or statements[index][0] > self._guards[module]):
                return failures  # the module reaches its held-back statement: the run raises there
            if index < len(statements):
                paused[module] = statements[index][0]
                frame[3] = list(statements[index][1])
        return failures
