"""A PEP 420 namespace package that other distributions extend: ``src/poetry/`` has no
``__init__.py`` and the project depends on ``poetry-core``, which installs ``poetry.core``
into the same namespace (opentelemetry-python-contrib: ``src/opentelemetry/`` beside
``opentelemetry-api``'s ``opentelemetry.trace``). A module missing there is unknown, not
broken; under a regular package, or with no such dependency, it is still reported."""

from __future__ import annotations

import pytest

NAMESPACE = {
    "src/poetry/console/__init__.py": "",
    "src/poetry/console/app.py": "from poetry.core.packages import Package\nfrom poetry import core\n"
    "from poetry.core import masonry as m\nimport poetry.utils.helpers\n",
    "src/poetry/installation/__init__.py": "",
    "src/poetry/installation/run.py": "from poetry.console.gone import X\nfrom poetry.console import missing\n"
    "from poetry.installation.run import nothing\n",
}


def broken(result) -> list[tuple[str, int]]:
    return sorted((v["path"], v["line"]) for v in result.json()["violations"] if v["rule"] == "SSOT003")


REGULAR_PACKAGE_BREAKS = [
    ("src/poetry/installation/run.py", 1), ("src/poetry/installation/run.py", 2), ("src/poetry/installation/run.py", 3),
]


@pytest.mark.parametrize(
    "declared",
    [
        '[project]\nname = "poetry"\ndependencies = ["poetry-core @ git+https://example.org/poetry-core.git"]\n',
        '[tool.poetry.dependencies]\npython = "^3.11"\n"poetry.core" = "^2"\n',
        # setup.py's extras as plain strings, setuptools reading a string as its lines
        # (optimum: ``EXTRAS_REQUIRE = {"onnx": "optimum-onnx", ...}``).
        'SETUP.PY:EXTRAS = {"core": "poetry-core>=2", "dev": ["pytest"]}\nsetup(name="poetry", extras_require=EXTRAS)\n',
    ],
    ids=["pyproject", "poetry", "setup.py extras string"],
)
def test_a_dependency_extending_the_namespace_may_provide_what_is_missing(make_repo, cli, declared):
    if declared.startswith("SETUP.PY:"):
        files = {**NAMESPACE, "setup.py": "from setuptools import setup\n" + declared[len("SETUP.PY:"):]}
    else:
        files = {**NAMESPACE, "pyproject.toml": declared + "[tool.ssotlint]\n"}
    root = make_repo(files)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    assert broken(result) == REGULAR_PACKAGE_BREAKS  # what regular packages lack is still broken


def test_without_such_a_dependency_the_namespace_is_the_project_s_own(make_repo, cli):
    root = make_repo({**NAMESPACE, "requirements.txt": "poetrycore\nrequests\n"})
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    assert broken(result) == sorted(
        [("src/poetry/console/app.py", n) for n in (1, 2, 3, 4)] + REGULAR_PACKAGE_BREAKS
    )


def test_a_regular_package_is_not_extended(make_repo, cli):
    """With ``__init__.py`` the package has one folder: ``poetry-core`` cannot add to it."""
    files = {**NAMESPACE, "src/poetry/__init__.py": "", "requirements.txt": "poetry-core\n"}
    root = make_repo(files)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    assert ("src/poetry/console/app.py", 1) in broken(result)


def _instrumentation(name: str, requires: str) -> dict[str, str]:
    folder = f"packages/opentelemetry-instrumentation-{name}"
    return {
        f"{folder}/pyproject.toml": f'[project]\nname = "opentelemetry-instrumentation-{name}"\n'
        f"dependencies = [{requires}]\n[build-system]\nrequires = [\"hatchling\"]\n"
        'build-backend = "hatchling.build"\n[tool.hatch.build.targets.wheel]\npackages = ["opentelemetry"]\n',
        f"{folder}/opentelemetry/instrumentation/{name}/__init__.py": "from opentelemetry import context\n"
        f"from opentelemetry.trace import get_tracer\nfrom opentelemetry.instrumentation.{name}.gone import X\n",
    }


def test_a_unit_s_dependency_extends_the_namespace_too(make_repo, cli):
    """openllmetry: no root project; each ``packages/*/pyproject.toml`` requires
    ``opentelemetry-api`` for its portion of ``opentelemetry/``. What the regular package
    lacks is still broken."""
    root = make_repo({**_instrumentation("a", '"opentelemetry-api>=1"'), **_instrumentation("b", '"requests"')})
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    assert broken(result) == [
        ("packages/opentelemetry-instrumentation-a/opentelemetry/instrumentation/a/__init__.py", 3),
        ("packages/opentelemetry-instrumentation-b/opentelemetry/instrumentation/b/__init__.py", 3),
    ]


def test_with_no_unit_declaring_it_the_namespace_is_the_project_s_own(make_repo, cli):
    root = make_repo({**_instrumentation("a", '"requests"'), **_instrumentation("b", '"requests"')})
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    assert len(broken(result)) == 6


def test_a_namespace_extended_only_by_the_repositorys_own_distributions_is_all_here(make_repo, cli):
    """trulens: each ``src/*`` project builds a ``trulens-*`` distribution into the
    ``trulens`` namespace, and they require each other. Every portion is in the tree, so a
    module none of them holds is missing (``trulens.providers.cortext``, a typo for
    ``cortex``). A requirement from outside the repository (``opentelemetry-api`` here,
    ``opentelemetry-instrumentation-b`` being the only one built here) may still bring it."""
    files = {**_instrumentation("a", '"opentelemetry-instrumentation-b"'), **_instrumentation("b", '"requests"')}
    result = cli("check", str(make_repo(files)), "--format", "json", "--no-cache", "--jobs", "1")
    assert len(broken(result)) == 6
    files = {**_instrumentation("a", '"opentelemetry-instrumentation-b", "opentelemetry-api"'), **_instrumentation("b", '"requests"')}
    result = cli("check", str(make_repo(files, name="outside")), "--format", "json", "--no-cache", "--jobs", "1")
    assert len(broken(result)) == 2
