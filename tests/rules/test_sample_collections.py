"""A repository (or a deployment unit) whose distribution is named as a collection of
samples (``temporalio-samples``) holds one sample per folder, as a ``samples/`` folder does:
each sample keeps its own copy of what it needs (SSOT001, SSOT006), unless one sample's
production code imports another's."""

from __future__ import annotations

import pytest

_INPUT = "from dataclasses import dataclass\n\n\n@dataclass\nclass GreetingInput:\n    greeting: str\n    name: str\n"
_MAIN = "\n\nasync def main():\n    return GreetingInput('Hello', 'World')\n\n\nif __name__ == '__main__':\n    main()\n"


def _files(name: str) -> dict[str, str]:
    return {
        "pyproject.toml": f'[project]\nname = "{name}"\nversion = "0.1"\n',
        "hello/__init__.py": "",
        # Two programs of one sample folder; a test imports them to test them.
        "hello/hello_activity.py": _INPUT + _MAIN,
        "hello/hello_cron.py": _INPUT + _MAIN,
        "polling/__init__.py": "",
        "polling/service.py": _INPUT,
        "polling/worker.py": "from polling.service import GreetingInput\n\nINPUT = GreetingInput('a', 'b')\n",
        "standalone/__init__.py": "",
        "standalone/activity.py": _INPUT,
        "standalone/starter.py": "from standalone.activity import GreetingInput\n\nINPUT = GreetingInput('a', 'b')\n",
        "tests/__init__.py": "",
        "tests/test_hello.py": "from hello.hello_activity import GreetingInput\nfrom hello.hello_cron import GreetingInput as G\n\n\n"
        "def test_it():\n    assert GreetingInput('a', 'b') == G('a', 'b')\n",
    }


# Named as a product: every copy but the kept one (the first by path, none imported more).
_PRODUCT_COPIES = [("hello/hello_activity.py", 5), ("hello/hello_cron.py", 5), ("standalone/activity.py", 5)]
# In the collection, once `polling` imports `standalone`: only their pair is compared.
_BUILT_ON = ("polling/service.py", 5)


def _duplicates(cli, root) -> list[tuple[str, int]]:
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT001")
    return sorted((v["path"], v["line"]) for v in result.json()["violations"])


@pytest.mark.parametrize("name", ["acme-samples", "acme_examples", "acme-demos"])
def test_the_samples_of_a_collection_each_keep_their_own(make_repo, cli, name):
    assert _duplicates(cli, make_repo(_files(name))) == []


def test_the_same_folders_in_a_product_are_copies(make_repo, cli):
    """Named as a product, the same tree's copies are reported: the sample programs' (their
    only importer a test) and the other folders' modules."""
    assert _duplicates(cli, make_repo(_files("acme"))) == _PRODUCT_COPIES


def test_a_sample_that_imports_another_shares_its_classes(make_repo, cli):
    """One sample built on another (``polling`` importing ``standalone``) can import its
    class: that copy is reported, the other samples' are not."""
    files = _files("acme-samples")
    files["polling/worker.py"] = "from standalone.starter import INPUT\nfrom polling.service import GreetingInput\n"
    assert _duplicates(cli, make_repo(files)) == [_BUILT_ON]
