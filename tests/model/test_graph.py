"""``ssotlint graph``: the import graph as DOT, Mermaid and JSON, and its filters."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

FILES = {
    "app/__init__.py": "",
    # app.a <-> app.b: a runtime cycle
    "app/a.py": "import os\nfrom app.b import B\n\nclass A: ...\n",
    "app/b.py": "from app import a\n\nclass B: ...\n",
    # app.c -> app.a only for the type checker; app.c -> app.sub.leaf only when f() runs
    "app/c.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from app.a import A\n\n"
    "def f():\n    from app.sub.leaf import X\n    return X\n",
    "app/sub/__init__.py": "",
    "app/sub/leaf.py": "from app.c import f\nX = 1\n",
    # lib is a namespace package (no __init__.py)
    "lib/util/tools.py": "from app.a import A\n",
    "lib/util/more.py": "def g():\n    import app.c\n",
}


def _graph(cli, root, *args):
    return cli("graph", str(root), "--no-cache", "--jobs", "1", *args)


@pytest.fixture
def repo(make_repo):
    return make_repo(FILES)


def _edges(document):
    return {(e["source"], e["target"]): e for e in document["edges"]}


def test_json(repo, cli):
    result = _graph(cli, repo, "--format", "json")
    assert result.code == 0, result.err
    document = result.json()
    nodes = {n["id"]: n for n in document["nodes"]}
    assert set(nodes) == {"app", "app.a", "app.b", "app.c", "app.sub", "app.sub.leaf", "lib.util.tools", "lib.util.more"}
    assert nodes["app.a"] == {"id": "app.a", "path": "app/a.py", "in_cycle": True}
    assert nodes["app.sub"]["path"] == "app/sub/__init__.py"
    assert [n for n, v in nodes.items() if v["in_cycle"]] == ["app.a", "app.b"]
    edges = _edges(document)
    ab = edges[("app.a", "app.b")]
    assert (ab["runtime"], ab["type_checking"]) == (True, False)
    assert ab["imports"] == [{"path": "app/a.py", "line": 2, "text": "from app.b import B"}]
    assert (edges[("app.c", "app.a")]["runtime"], edges[("app.c", "app.a")]["type_checking"]) == (False, True)
    assert (edges[("app.c", "app.sub.leaf")]["runtime"], edges[("app.c", "app.sub.leaf")]["type_checking"]) == (False, False)
    assert edges[("app.sub.leaf", "app.c")]["runtime"] is True
    assert set(edges[("app.a", "app.b")]) >= {"source", "target", "runtime", "type_checking", "imports"}


def test_dot_styles(repo, cli):
    result = _graph(cli, repo)  # dot is the default
    assert result.code == 0, result.err
    dot = result.out
    assert dot.startswith("digraph imports {") and dot.rstrip().endswith("}")
    assert re.search(r'"app\.a" -> "app\.b" \[style=solid[^\]]*color="#[0-9a-f]{6}"', dot)
    assert re.search(r'"app\.c" -> "app\.a" \[style=dashed', dot)
    assert re.search(r'"app\.c" -> "app\.sub\.leaf" \[style=dotted', dot)
    assert re.search(r'"app\.a" \[[^\]]*color=', dot)  # highlighted: in a cycle
    assert not re.search(r'"app\.c" \[[^\]]*color=', dot)


def test_dot_renders(repo, cli):
    dot = shutil.which("dot")
    if dot is None:
        pytest.skip("graphviz's dot is not installed (apt-get install graphviz)")
    for args in ((), ("--depth", "2"), ("--cycles-only",)):
        result = _graph(cli, repo, *args)
        proc = subprocess.run([dot, "-Tsvg"], input=result.out, capture_output=True, text=True, timeout=60)
        assert proc.returncode == 0, proc.stderr
        assert "<svg" in proc.stdout


def test_mermaid(repo, cli):
    result = _graph(cli, repo, "--format", "mermaid")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == "flowchart LR"
    nodes = dict(re.findall(r'^  (\S+)\["([^"]+)"\]$', result.out, re.MULTILINE))
    assert sorted(nodes.values()) == sorted(["app", "app.a", "app.b", "app.c", "app.sub", "app.sub.leaf", "lib.util.tools", "lib.util.more"])
    assert all(re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", node_id) for node_id in nodes)
    ids = {label: node_id for node_id, label in nodes.items()}
    assert f"  {ids['app.a']} --> {ids['app.b']}" in lines
    assert f"  {ids['app.c']} -.-> {ids['app.a']}" in lines
    assert f"  {ids['app.c']} -.-> {ids['app.sub.leaf']}" in lines
    cycle_class = next(line for line in lines if line.startswith("  class "))
    assert set(cycle_class.split()[1].split(",")) == {ids["app.a"], ids["app.b"]}
    assert any("stroke-dasharray" in line for line in lines if line.startswith("  linkStyle"))


def test_cycles_only(repo, cli):
    document = _graph(cli, repo, "--format", "json", "--cycles-only").json()
    assert [n["id"] for n in document["nodes"]] == ["app.a", "app.b"]
    assert set(_edges(document)) == {("app.a", "app.b"), ("app.b", "app.a")}


def test_package(repo, cli):
    document = _graph(cli, repo, "--format", "json", "--package", "app.sub").json()
    assert [n["id"] for n in document["nodes"]] == ["app.sub", "app.sub.leaf"]
    assert document["edges"] == []  # app.sub.leaf -> app.c leaves the package
    result = _graph(cli, repo, "--package", "nosuch")
    assert result.code == 2
    assert result.err.strip() == "ssotlint: error: --package: no first-party module named nosuch or under it"


def test_depth_merges_modules_and_edges(repo, cli):
    document = _graph(cli, repo, "--format", "json", "--depth", "1").json()
    assert document["nodes"] == [
        {"id": "app", "path": "app/__init__.py", "in_cycle": True},
        {"id": "lib", "path": "lib", "in_cycle": False},  # a namespace package: its folder
    ]
    (edge,) = document["edges"]
    assert (edge["source"], edge["target"]) == ("lib", "app")
    # lib.util.tools imports app.a at import time, lib.util.more imports app.c in a function:
    # merged, the edge is runtime because one of them is.
    assert edge["runtime"] is True
    assert sorted(i["path"] for i in edge["imports"]) == ["lib/util/more.py", "lib/util/tools.py"]
    two = _graph(cli, repo, "--format", "json", "--depth", "2").json()
    assert [n["id"] for n in two["nodes"]] == ["app", "app.a", "app.b", "app.c", "app.sub", "lib.util"]
    assert next(n for n in two["nodes"] if n["id"] == "lib.util")["path"] == "lib/util"
    assert ("app.c", "app.sub") in _edges(two)


def test_depth_must_be_positive(repo, cli):
    result = _graph(cli, repo, "--depth", "0")
    assert result.code == 2
    assert "--depth must be 1 or more" in result.err


def test_output_file(repo, cli, tmp_path):
    target = tmp_path / "graph.mmd"
    result = _graph(cli, repo, "--format", "mermaid", "--output", str(target))
    assert (result.code, result.out) == (0, "")
    assert target.read_text().startswith("flowchart LR\n")
