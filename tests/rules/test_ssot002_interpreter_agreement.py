"""SSOT002 against the interpreter, on packages generated at random (our own fixtures, never
a repository under audit): a package ``p`` of three or four modules (one in a sub-package
half the time), each binding two names and importing one to three names, module objects
(some read off the package while it is imported, some in a function), star imports, names
for the type checker only, imports in functions and class bodies reading what they import,
or the package's own name from the others, at random places among its bindings and an
``__all__`` (sometimes), and an ``__init__`` that imports some of them. The interpreter imports each module first, in a
fresh process; ssotlint must report a cycle exactly when one of those imports fails with a
circular-import error (a module read while it is still running).

Before cycles were judged by the runs the interpreter can make (``ImportRuns``), 17 of these
60 packages were judged wrong, nearly all reported though no order of importing them fails:
the package's ``__init__`` settles which module starts first."""

from __future__ import annotations

import random

import pytest

from ssotlint.testing import run_rule
from tests.rules.cycle_findings import import_failures


def package(seed: int) -> dict[str, str]:
    rng = random.Random(seed)
    modules = ["a", "b", "c"] + (["s.d"] if rng.random() < 0.5 else [])
    names = {m: [f"{m.replace('.', '_').upper()}{i}" for i in range(2)] for m in modules}
    init = []
    for m in modules:
        if rng.random() < 0.5:
            init.append(rng.choice([
                f"from p.{m} import {names[m][0]}", f"import p.{m}" if "." in m else f"from p import {m}", f"from p.{m} import *",
            ]))
    if rng.random() < 0.5:
        init.insert(rng.randrange(len(init) + 1), "INIT = 1")
    if rng.random() < 0.3:
        rng.shuffle(init)
    files = {"p/__init__.py": "\n".join(init) + "\n"}
    if "s.d" in modules:
        files["p/s/__init__.py"] = rng.choice(["", "from p.s.d import S_D0\n", "from p import a\n"])
    for m in modules:
        statements = [f"{names[m][0]} = 1", f"{names[m][1]} = 2"]
        for _ in range(rng.randint(1, 3)):
            other = rng.choice([o for o in modules if o != m])
            kind = rng.random()
            if kind < 0.4:
                statement = f"from p.{other} import {rng.choice(names[other])}"
            elif kind < 0.55:
                statement = f"import p.{other}"
            elif kind < 0.7:
                # the module object, read off the package while it is imported or in a function
                name = rng.choice(names[other])
                read = (
                    f"R_{other.replace('.', '_')}_{name} = p.{other}.{name}" if rng.random() < 0.6
                    else f"def f_{name}():\n    return p.{other}.{name}"
                )
                statement = f"import p.{other}\n{read}"
            elif kind < 0.76:
                name = rng.choice(names[other])
                statement = rng.choice([
                    f"from p.{other} import *",
                    f"from p.{other} import *\nclass K2_{name}:\n    v = {name}",
                    f"def g_{name}():\n    from p.{other} import {name}\n    return {name}",
                    f"from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from p.{other} import {name}",
                    f"from p.{other} import {name}\nclass K_{name}:\n    v = {name}",
                ])
            elif kind < 0.85 and "INIT = 1" in files["p/__init__.py"]:
                statement = "from p import INIT"
            else:
                statement = "from p.s import d" if "." in other else f"from p import {other}"
            statements.insert(rng.randrange(len(statements) + 1), statement)
        if rng.random() < 0.4:
            statements.insert(rng.randrange(len(statements) + 1), f"__all__ = {names[m]!r}")
        files[f"p/{m.replace('.', '/')}.py"] = "\n".join(statements) + "\n"
    return files


# 280 is a failure on no cycle of explicit imports: ``p`` star-imports ``p.s.d``, which runs
# ``p/s/__init__.py``, whose ``from p import a`` runs ``a``, which reads ``p.s.d.S_D1`` off the
# package while ``p.s`` is still running. Only the package's own run links ``a`` back to
# ``p.s`` (``_Cycles.through_packages``).
@pytest.mark.parametrize("seed", range(0, 420, 7))
def test_a_cycle_is_reported_exactly_when_the_interpreter_can_fail_on_it(make_repo, seed):
    files = package(seed)
    failures = import_failures(make_repo(files))
    reported = run_rule("SSOT002", files)
    assert bool(reported) == bool(failures), (files, failures, [v.message for v in reported])
