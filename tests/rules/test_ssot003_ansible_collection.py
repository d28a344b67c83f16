"""An Ansible collection's repository is installed as ``ansible_collections.<namespace>.
<name>`` (its ``galaxy.yml``), and its code imports itself by that name, through folders
that are namespace packages: amazon.aws' ``from ansible_collections.amazon.aws.plugins.
module_utils.transformations import ...``, a module renamed to ``transformation``."""

from __future__ import annotations

from ssotlint.packaging import ansible_collection

GALAXY = "---\nnamespace: amazon\nname: aws  # the collection\nversion: 12.0.0\nauthors:\n  - Ansible\n"
FILES = {
    "galaxy.yml": GALAXY,
    "plugins/module_utils/transformation.py": "class AnsibleAWSResourceList(list):\n    pass\n",
    "plugins/modules/autoscaling_instance.py": (
        "from ansible_collections.amazon.aws.plugins.module_utils.transformation import AnsibleAWSResourceList\n"
        "from ansible_collections.amazon.aws.plugins.module_utils import transformation\n"
        "from ansible_collections.amazon.aws.plugins.module_utils.transformations import AnsibleAWSResourceList\n"
        "from ansible_collections.community.aws.plugins.module_utils.base import Base\n"
    ),
    "plugins/modules/ec2_instance.py": (
        "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n"
        "    from ansible_collections.amazon.aws.plugins.module_utils.transformations import AnsibleAWSResourceList\n"
        "import six\n\nif six.PY2:\n    from ansible_collections.amazon.aws.plugins.module_utils.py2 import compat\n"
    ),
}


def test_the_collection_is_named_by_its_galaxy_file():
    assert ansible_collection(GALAXY) == "ansible_collections.amazon.aws"
    assert ansible_collection("namespace: 'community'\nname: \"general\"\n") == "ansible_collections.community.general"
    assert ansible_collection("name: aws\n") is None
    assert ansible_collection("namespace: amazon\nname: my-collection\n") is None


def test_its_own_imports_are_checked_through_namespace_folders(make_repo, cli):
    result = cli("check", str(make_repo(FILES)), "--format", "json", "--no-cache", "--select", "SSOT003")
    found = {(v["path"], v["line"]): v["message"] for v in result.json()["violations"]}
    # Only the renamed module: the folders are namespace packages, another collection is
    # not this one, and an import only Python 2 runs is not judged.
    assert sorted(found) == [("plugins/modules/autoscaling_instance.py", 3), ("plugins/modules/ec2_instance.py", 4)]
    assert found[("plugins/modules/ec2_instance.py", 4)].endswith("type checkers and IDEs fail on it, the program does not)")


FACTS_BASE = (
    "class FactsBase(object):\n    COMMANDS = []\n\n    def __init__(self, module):\n        self.module = module\n\n"
    "    def populate(self):\n        self.responses = run_commands(self.module, self.COMMANDS)\n\n\n"
    "class Default(FactsBase):\n    COMMANDS = ['show version']\n\n    def populate(self):\n"
    "        super(Default, self).populate()\n        self.version = self.responses[0]\n"
)


def test_each_platforms_facts_module_keeps_its_own_template(make_repo, cli):
    """community.network's facts modules: each platform's `FactsBase` (and the `Default`
    built on it) is one text, but runs its own platform's `run_commands`, imported by the
    name the collection is installed as. Importing one into the other would run the other
    platform's commands: a template per backend, not a copy. Copied with the same helper,
    they are copies."""
    def facts(platform: str) -> str:
        return (
            f"from ansible_collections.amazon.aws.plugins.module_utils.network.{platform} import run_commands\n\n\n"
            + FACTS_BASE
        )

    files = {
        "galaxy.yml": GALAXY,
        "plugins/module_utils/network/enos.py": "def run_commands(module, commands):\n    return module.run('enos', commands)\n",
        "plugins/module_utils/network/cnos.py": "def run_commands(module, commands):\n    return module.run('cnos', commands)\n",
        "plugins/modules/enos_facts.py": facts("enos"),
        "plugins/modules/cnos_facts.py": facts("cnos"),
    }
    result = cli("check", str(make_repo(files)), "--format", "json", "--no-cache", "--select", "SSOT001")
    assert result.json()["violations"] == []
    files["plugins/modules/cnos_facts.py"] = facts("enos")  # the same platform's helper: a copy
    copied = cli("check", str(make_repo(files, name="copied")), "--format", "json", "--no-cache", "--select", "SSOT001")
    assert {(v["path"], v["line"]) for v in copied.json()["violations"]} == {
        ("plugins/modules/enos_facts.py", 4), ("plugins/modules/enos_facts.py", 14),
    }
