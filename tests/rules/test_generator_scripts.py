"""Modules a code generator writes, run from a shell script of the repository: open-inwoner's
``bin/generate_xsdata_classes.sh`` runs ``xsdata --package open_inwoner.ssd.service.jaaropgave``
and the same for ``uitkering``, each from its own service's WSDL. The types both schemas
share come out twice, each its spec's, written whole again at the next run: 12 findings
there were read as noise."""

from __future__ import annotations

from ssotlint.config_project import GeneratorOutput, generator_outputs

ACTOR = "from dataclasses import dataclass\n\n\n@dataclass\nclass Actor:\n    naam: str | None = None\n    code: str | None = None\n"
SCRIPT = (
    "#!/bin/bash\n\nrm -rf ./src/app/ssd/service\ncd ./src\n\n"
    'xsdata --package app.ssd.service.jaaropgave "app/ssd/files/jaaropgave/Client.wsdl"\n'
    'xsdata --package app.ssd.service.uitkering "app/ssd/files/uitkering/Client.wsdl"  # the second service\n'
)
FILES = {
    "pyproject.toml": "[tool.ssotlint]\nsrc = ['src']\n",
    "src/app/__init__.py": "",
    "src/app/ssd/__init__.py": "",
    "src/app/ssd/service/__init__.py": "",
    "src/app/ssd/service/jaaropgave/__init__.py": "",
    "src/app/ssd/service/jaaropgave/fwi.py": ACTOR,
    "src/app/ssd/service/uitkering/__init__.py": "",
    "src/app/ssd/service/uitkering/fwi.py": ACTOR,
}


def _found(cli, root) -> list[str]:
    result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT001")
    return sorted(v["path"] for v in result.json()["violations"])


def test_two_packages_a_generator_script_writes_keep_their_own_types(make_repo, cli):
    assert _found(cli, make_repo({**FILES, "bin/generate_xsdata_classes.sh": SCRIPT})) == []


def test_without_the_script_they_are_copies(make_repo, cli):
    assert _found(cli, make_repo(FILES)) == ["src/app/ssd/service/uitkering/fwi.py"]


def test_the_outputs_a_script_names(tmp_path):
    (tmp_path / "bin").mkdir()
    (tmp_path / "bin" / "gen.sh").write_text(
        SCRIPT + "datamodel-codegen --input api.yaml --output=models/api.py\n"
        "openapi-generator generate -i spec.yaml -g python -o $OUT\n"
    )
    (tmp_path / "notes.txt").write_text("xsdata --package not.a.script\n")
    assert generator_outputs(tmp_path) == (
        GeneratorOutput("app.ssd.service.jaaropgave", ()),
        GeneratorOutput("app.ssd.service.uitkering", ()),
        GeneratorOutput("", ("models/api.py", "bin/models/api.py")),
    )
