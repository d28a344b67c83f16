"""SSOT003, round 8: a drop-in outside the package, meant to be copied into it.

tacker's ``samples/mgmt_driver/ansible/`` imports ``tacker.vnfm.mgmt_drivers.ansible.*``
(its docs say to copy the folder to ``tacker/vnfm/mgmt_drivers/ansible/``): every module it
names lies in its own folder. Whether one import is such a drop-in's depends on the other
files of the drop-in (their imports place its folder), so ``score --history`` must check
every file again when that changes: each step's findings equal a fresh check's.
"""

from __future__ import annotations

from collections import Counter

from ssotlint.rules.runner import RulesOverHistory, run_rules
from ssotlint.testing import config_from_text, model_in_memory, models_over

BASE = {
    "app/__init__.py": "",
    "app/drivers/__init__.py": "",
    "samples/driver/ansible/__init__.py": "",
    "samples/driver/ansible/runner.py": "from app.drivers.ansible import errors\n",
    "samples/driver/ansible/errors.py": "",
    "samples/driver/ansible/events.py": "from app import utils\n",
}

STEPS = [
    # utils.py appears beside events.py: `from app import utils` now places the folder at
    # `app`, one import against runner.py's one at `app.drivers` (the outer folder wins).
    {"samples/driver/ansible/utils.py": ""},
    # ansible.py appears: its import places the folder again; events.py is unchanged.
    {"samples/driver/ansible/ansible.py": "from app.drivers.ansible import runner\n"},
    # runner.py goes: events.py's finding, unchanged file, depends on it.
    {"samples/driver/ansible/runner.py": None},
    {"samples/driver/ansible/ansible.py": None},
    # errors.py goes: runner.py's import, unchanged, is broken again.
    {"samples/driver/ansible/runner.py": "from app.drivers.ansible import errors\n"},
    {"samples/driver/ansible/errors.py": None},
]


def _found(violations) -> Counter:
    return Counter((v.path, v.line, v.key) for v in violations if v.rule == "SSOT003")


def test_history_finds_what_check_finds_as_a_drop_in_changes():
    settings = config_from_text("")
    rules = RulesOverHistory()
    seen = []
    for n, (files, model) in enumerate(models_over(BASE, STEPS, settings)):
        found = _found(rules(model))
        assert found == _found(run_rules(model_in_memory(files, settings))), n
        seen.append(sorted(path for path, _, _ in found))
    # The steps do flip findings of files they leave alone.
    assert seen[0] == ["samples/driver/ansible/events.py"]
    assert seen[1] == ["samples/driver/ansible/events.py"]
    assert seen[4] == []  # runner.py and ansible.py gone: nothing contradicts events.py's placement
    # errors.py gone: runner.py asks the drop-in for a name it lacks (its placement still stands).
    assert seen[6] == ["samples/driver/ansible/events.py", "samples/driver/ansible/runner.py"]


def test_a_packages_tasks_module_is_production_and_invokes_is_tooling(make_repo, cli):
    """kolibri's ``deviceadmin/tasks.py`` is the app's background-job module (production
    code imports it): a name that moved there is advised from there. invoke's ``tasks.py``
    at the project's top is developer tooling: production code is not told to import it."""
    root = make_repo(
        {
            "app/__init__.py": "",
            "app/deviceadmin/__init__.py": "",
            "app/deviceadmin/tasks.py": "def perform_vacuum():\n    return 1\n",
            "app/deviceadmin/utils.py": "",
            "app/deviceadmin/vacuum.py": "from app.deviceadmin.utils import perform_vacuum\n",
            "tasks.py": "def release():\n    return 1\n",
            "app/cli.py": "from app.deviceadmin.utils import release\n",
        }
    )
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1")
    found = sorted((v["path"], v["line"], v["message"]) for v in result.json()["violations"] if v["rule"] == "SSOT003")
    assert found == [
        ("app/cli.py", 1, "cannot import name 'release' from app.deviceadmin.utils (app/deviceadmin/utils.py); "
         "it is defined only in developer tooling (tasks.py), which production code should not import"),
        ("app/deviceadmin/vacuum.py", 1, "cannot import name 'perform_vacuum' from app.deviceadmin.utils "
         "(app/deviceadmin/utils.py); it is defined in app.deviceadmin.tasks: import it from there"),
    ]


def test_two_samples_of_one_folder_go_into_two_packages():
    """openWB's ``docs/samples/``: ``sample_modbus/`` is copied into ``modules.devices``,
    ``sample_vehicle/`` into ``modules.vehicles``; each sub-folder is placed on its own,
    so the one with fewer imports is not contradicted by the other. A stale import of the
    package the drop-in itself lacks is still reported."""
    files = {
        "modules/__init__.py": "",
        "modules/devices/__init__.py": "",
        "modules/vehicles/__init__.py": "",
        "docs/samples/sample_modbus/bat.py": "from modules.devices.sample_modbus.config import Setup\n",
        "docs/samples/sample_modbus/counter.py": "from modules.devices.sample_modbus.config import Setup\n",
        "docs/samples/sample_modbus/device.py": "from modules.devices.sample_modbus.bat import Bat\n",
        "docs/samples/sample_modbus/config.py": "class Setup: ...\n",
        "docs/samples/sample_vehicle/soc.py": "from modules.vehicles.sample_vehicle.config import Soc\n"
        "from modules.vehicles.sample_vehicle.gone import Old\n",
        "docs/samples/sample_vehicle/config.py": "class Soc: ...\n",
    }
    found = _found(run_rules(model_in_memory(files, config_from_text(""))))
    assert sorted((path, line) for path, line, _ in found) == [
        ("docs/samples/sample_modbus/device.py", 1), ("docs/samples/sample_vehicle/soc.py", 2),
    ], found
