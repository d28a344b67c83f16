"""SSOT003's hint for a name missing from the package it was imported from: a namesake in a
package the importer's never imports from is another thing (deepmd-kit's dpmodel backend
asked for ``Descriptor``, the TF backend's class of that name): no advice, no fix. One in a
package it does import from is offered, hedged, with its fix."""

from __future__ import annotations


def _broken(make_repo, cli, files: dict[str, str]) -> list[dict]:
    result = cli("check", str(make_repo(files)), "--format", "json", "--no-cache", "--select", "SSOT003")
    return result.json()["violations"]


FILES = {
    "app/__init__.py": "",
    "app/core/__init__.py": "",
    "app/core/descriptor/__init__.py": "",
    "app/core/stat.py": "from app.core.descriptor import Descriptor\n",
    "app/tf/__init__.py": "",
    "app/tf/descriptor/__init__.py": "",
    "app/tf/descriptor/descriptor.py": "class Descriptor:\n    def compute(self, x):\n        return x\n",
    "app/util/__init__.py": "",
    "app/util/helpers.py": "class Helper: ...\n",
}


def test_a_namesake_in_a_package_never_imported_from_is_no_advice(make_repo, cli):
    (v,) = _broken(make_repo, cli, FILES)
    assert v["message"].endswith(
        "; a namesake is defined in app.tf.descriptor.descriptor, but app.core never imports from app.tf: "
        "another thing of that name, perhaps"
    ), v["message"]
    assert v.get("fix") is None


def test_a_namesake_in_a_package_imported_from_is_offered(make_repo, cli):
    files = {**FILES, "app/core/run.py": "from app.tf.descriptor.descriptor import Descriptor as TFDescriptor\n"}
    (v,) = _broken(make_repo, cli, files)
    assert "it is defined in app.tf.descriptor.descriptor, outside the package it was imported from: if that is the one meant" \
        in v["message"], v["message"]
