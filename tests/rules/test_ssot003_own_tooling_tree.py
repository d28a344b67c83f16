"""A broken import inside a tooling tree (pyNastran's ``dev/bdf_vectorized3``) is pointed at
the definition in its own tree before a namesake of the product: the tree keeps its own
implementation of what the product names alike."""

from __future__ import annotations

FILES = {
    "pkg/__init__.py": "",
    "pkg/bdf/__init__.py": "",
    "pkg/bdf/cards.py": "class CQUAD4:\n    pass\n",
    "pkg/dev/__init__.py": "",
    "pkg/dev/vectorized/__init__.py": "",
    "pkg/dev/vectorized/cards/__init__.py": "",
    "pkg/dev/vectorized/cards/shell.py": "class CQUAD4:\n    vectorized = True\n",
    "pkg/dev/vectorized/solver.py": "from pkg.dev.vectorized.cards.shells import CQUAD4\n",
    "pkg/model.py": "from pkg.bdf.plates import CQUAD4\n",
}


def _messages(make_repo, cli) -> dict[str, str]:
    result = cli("check", str(make_repo(FILES)), "--format", "json", "--no-cache", "--select", "SSOT003")
    return {v["path"]: v["message"] for v in result.json()["violations"]}


def test_a_tooling_tree_is_pointed_at_its_own_definition(make_repo, cli):
    messages = _messages(make_repo, cli)
    assert "CQUAD4 is defined in pkg.dev.vectorized.cards.shell" in messages["pkg/dev/vectorized/solver.py"]


def test_the_product_is_never_pointed_at_tooling(make_repo, cli):
    messages = _messages(make_repo, cli)
    assert "pkg.dev" not in messages["pkg/model.py"]
