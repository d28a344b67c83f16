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
