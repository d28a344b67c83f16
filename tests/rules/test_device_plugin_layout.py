"""openWB's layout: the code runs with ``packages/`` on ``sys.path`` (its CI runs
``PYTHONPATH=packages python -m pytest packages``), each device a plugin package with a
private ``KwargsDict`` per component, and device samples under ``docs/samples/`` to copy
into place. Each piece is a general class: a CI's ``PYTHONPATH`` is a candidate root the
code confirms; a relative import climbing out of a candidate root to a module there says
the folder is a package, no root; a ``TypedDict`` no module imports is its module's own."""

from __future__ import annotations

_KWARGS = "from typing import TypedDict\n\n\nclass KwargsDict(TypedDict):\n    device_id: int\n{extra}\n\n" \
    "def create(**kwargs):\n    own: KwargsDict = kwargs\n    return own\n"


def _device(vendor: str, extra: str = "", counter_extra: str = "") -> dict[str, str]:
    base = f"packages/modules/devices/{vendor}/{vendor}"
    return {
        f"{base}/__init__.py": "",
        f"{base}/bat.py": _KWARGS.format(extra=extra),
        f"{base}/counter.py": _KWARGS.format(extra=counter_extra),
        f"packages/modules/devices/{vendor}/__init__.py": "",
        f"packages/modules/devices/{vendor}/vendor.py": "vendor_descriptor = 1\n",
        f"{base}/config.py": "from ..vendor import vendor_descriptor\n",
    }


FILES = {
    ".github/workflows/ci.yml": "jobs:\n  test:\n    steps:\n      - run: |\n"
    "          PYTHONPATH=packages python -m pytest packages\n",
    "__init__.py": "",
    "packages/modules/__init__.py": "",
    "packages/modules/devices/__init__.py": "",
    "packages/modules/common/__init__.py": "",
    "packages/modules/common/store.py": "def store(): ...\n",
    "packages/control/__init__.py": "",
    "packages/control/run.py": "from modules.common.store import store\nfrom modules.common.gone import missing\n",
    **_device("deye", extra="    client: str"),
    **_device("alpha", extra="    client: str", counter_extra="    client: str"),
    **_device("kaco", counter_extra="    modbus_id: int"),
    # a sample device to copy into `packages/modules/devices/`, its `__init__.py` misspelt
    "docs/samples/sample_modbus/__init__ .py": "",
    "docs/samples/sample_modbus/vendor.py": "vendor_descriptor = 1\n",
    "docs/samples/sample_modbus/sample_modbus/__init__.py": "",
    "docs/samples/sample_modbus/sample_modbus/config.py": "from ..vendor import vendor_descriptor\nclass Setup: ...\n",
    "docs/samples/sample_modbus/sample_modbus/bat.py":
    "from modules.devices.sample_modbus.sample_modbus.config import Setup\n",
}


def _check(make_repo, cli) -> list[dict]:
    result = cli("check", str(make_repo(FILES)), "--format", "json", "--no-cache")
    return result.json()["violations"]


def test_the_ci_pythonpath_is_the_source_root(make_repo, cli):
    """``modules.common.store`` is ``packages/modules/common/store.py``; only the missing
    module is reported, named as the code spells it."""
    broken = [(v["path"], v["line"], v["message"]) for v in _check(make_repo, cli) if v["rule"] == "SSOT003"]
    assert broken == [
        ("packages/control/run.py", 2, "`from modules.common.gone import missing`: package modules.common has no module 'gone'")
    ], broken


def test_private_typed_dicts_of_two_plugins_are_each_ones_own(make_repo, cli):
    """Only the one device whose battery and counter declare the same keys is reported
    (alpha); deye's two differ, kaco's two differ, and no device is compared with
    another's."""
    found = sorted(v["path"] for v in _check(make_repo, cli) if v["rule"] == "SSOT001")
    assert found == ["packages/modules/devices/alpha/alpha/counter.py"], found


def test_the_ci_pythonpath_forms(tmp_path):
    """A command's prefix, an environment map, the checkout spelled as a variable; an
    absolute path, another variable or a path out of the tree names no folder of it."""
    from ssotlint.config_project import ci_pythonpath

    workflows = tmp_path / ".github" / "workflows"
    workflows.mkdir(parents=True)
    (workflows / "a.yml").write_text(
        "env:\n  PYTHONPATH: ${{ github.workspace }}/src\njobs:\n  t:\n    steps:\n"
        "      - run: export PYTHONPATH=$PYTHONPATH:$(pwd)/lib:/opt/x:$HOME/y:../out\n"
        '      - run: env PYTHONPATH="tools:." pytest\n'
    )
    (tmp_path / ".gitlab-ci.yml").write_text("test:\n  script:\n    - PYTHONPATH=$CI_PROJECT_DIR/services pytest\n")
    assert ci_pythonpath(tmp_path) == ["src", "lib", "tools", "", "services"]
