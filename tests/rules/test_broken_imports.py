"""SSOT003 on real files through the CLI: which guarded or expected failures are reported.

Only ``except ImportError`` / ``except ModuleNotFoundError`` (that lets the program go on)
makes an import optional; an import a test asserts to fail is not broken.
"""

from __future__ import annotations

import pytest

PACKAGE = {"app/__init__.py": "", "app/real.py": "class Real: ...\n"}


def ssot003(result) -> list[tuple[str, int, str]]:
    return [(v["path"], v["line"], v["message"]) for v in result.json()["violations"] if v["rule"] == "SSOT003"]


@pytest.mark.parametrize("engine", ("libcst", "ast"))  # each extractor reads the handlers itself
def test_only_import_error_handlers_that_go_on_make_an_import_optional(make_repo, cli, engine):
    root = make_repo(
        {
            **PACKAGE,
            "app/guards.py": (
                "try:\n    from app.real import Gone1\nexcept Exception:\n    raise\n"  # 2
                "try:\n    from app.real import Gone2\nexcept:\n    pass\n"  # 6
                "try:\n    from app.real import Gone3\nexcept (ValueError, KeyError):\n    pass\n"  # 10
                "try:\n    from app.real import Gone4\nexcept ImportError as exc:\n"  # 14
                "    raise RuntimeError('app is broken') from exc\n"
                "def handler():\n    try:\n        from app.real import Gone5\n"  # 19
                "    except Exception:\n        return 500\n"
                "try:\n    from app.real import Fine1\nexcept ImportError:\n    Fine1 = None\n"
                "try:\n    from app.real import Fine2\nexcept (OSError, ModuleNotFoundError):\n    Fine2 = None\n"
                "import builtins\n"
                "try:\n    import app.fine3\nexcept builtins.ImportError:\n    pass\n"
            ),
            "tests/test_guard.py": (
                "import pytest\n"
                "class TestX:\n    def test_a(self):\n        try:\n"
                "            from app.real import Gone6\n"  # 5
                "        except ImportError:\n            self.fail('gone')\n"
                "    def test_b(self):\n        try:\n"
                "            from app.real import Gone7\n"  # 10
                "        except ImportError:\n            pytest.fail('gone')\n"
            ),
        }
    )
    result = cli("check", str(root), "--format", "json", "--no-cache", "--parser", engine)
    assert result.code == 1
    found = ssot003(result)
    assert [(p, line) for p, line, _ in found] == [
        ("app/guards.py", 2), ("app/guards.py", 6), ("app/guards.py", 10), ("app/guards.py", 14),
        ("app/guards.py", 19), ("tests/test_guard.py", 5), ("tests/test_guard.py", 10),
    ]
    assert found[0][2] == "cannot import name 'Gone1' from app.real (app/real.py); it is not defined anywhere in the project"


def test_imports_a_test_expects_to_fail_are_not_broken(make_repo, cli):
    root = make_repo(
        {
            **PACKAGE,
            "tests/test_removed.py": (
                "import pytest\nimport unittest\n"
                "def test_removed():\n"
                "    with pytest.raises(ImportError):\n        from app.real import Removed\n"
                "    with pytest.raises((ModuleNotFoundError, AttributeError), match='x'):\n"
                "        import app.removed\n"
                "    with pytest.raises(Exception):\n        import app.removed2\n"
                "    with pytest.raises(ValueError):\n        import app.removed3\n"  # 11: reported
                "class TestRemoved(unittest.TestCase):\n"
                "    def test_a(self):\n"
                "        with self.assertRaises(ImportError):\n            from app import removed4\n"
                "        with self.assertRaisesRegex(BaseException, 'no'):\n            import app.removed5\n"
                "def test_skip():\n"
                "    pytest.importorskip('app.optional')\n    from app.optional import thing\n"
                "def test_not_skipped():\n    from app.optional import thing\n"  # 22: reported
                "mod = pytest.importorskip('app.other')\n"
            ),
        }
    )
    result = cli("check", str(root), "--format", "json", "--no-cache")
    assert result.code == 1
    assert ssot003(result) == [
        ("tests/test_removed.py", 11, "`import app.removed3`: package app has no module 'removed3'"),
        ("tests/test_removed.py", 22, "`from app.optional import thing`: package app has no module 'optional'"),
    ]


def test_production_is_never_told_to_import_from_tests_tooling_or_backups(make_repo, cli):
    root = make_repo({
        "app/__init__.py": "",
        "app/core.py": "X = 1\n",
        "app/a.py": "from app.core import Fixture\n",
        "app/b.py": "from app.core import Helper\n",
        "app/c.py": "from app.core import Shared\n",
        "tests/__init__.py": "",
        "tests/conftest_mocks.py": "class Fixture:\n    pass\n",
        "tests/test_x.py": "from app.core import Fixture\n",
        "scripts/__init__.py": "",
        "scripts/tool.py": "def Helper():\n    pass\n",
        "backups/__init__.py": "",
        "backups/old.py": "class Shared:\n    pass\nclass OnlyInBackup:\n    pass\n",
        "tests/test_y.py": "from app.core import OnlyInBackup\n",
        "zz/__init__.py": "",
        "zz/shared.py": "class Shared:\n    pass\n",  # after backups/ by path
        # A package's own `tools` sub-package is the product's (pymisp.tools.neo4j).
        "app/tools/__init__.py": "",
        "app/tools/graph.py": "class Neo4j:\n    pass\n",
        "app/d.py": "from app.core import Neo4j\n",
    })
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT003")
    messages = {v["path"]: v["message"] for v in result.json()["violations"]}
    assert messages["app/a.py"].endswith(
        "it is defined only in test code (tests/conftest_mocks.py), which production code should not import"
    )
    assert messages["app/b.py"].endswith(
        "it is defined only in developer tooling (scripts/tool.py), which production code should not import"
    )
    assert messages["app/c.py"].endswith("it is defined in zz.shared: import it from there")  # not backups.old
    assert messages["app/d.py"].endswith("it is defined in app.tools.graph: import it from there")
    # The test asked the product (app.core) for it: the test helpers' mock is no advice.
    assert messages["tests/test_x.py"].endswith(
        "it is defined only in test code (tests/conftest_mocks.py), not in the production code the import names"
    )
    assert messages["tests/test_y.py"].endswith(
        "it is defined only in a backup copy (backups/old.py), which no code should import"
    )


def test_namespace_folders_are_checked_like_packages(make_repo, cli):
    """Folders without __init__.py are packages too (PEP 420): a `lib/` layout used through
    relative imports, and a namespace package whose code imports itself absolutely, keep
    their broken imports reported."""
    root = make_repo({
        "lib/pkg/__init__.py": "from . import core\n",
        "lib/pkg/core.py": "from .util import helper\nfrom .util import missing\n",
        "lib/pkg/util.py": "def helper():\n    pass\n",
        "app/a.py": "import app.gone\n",
        "tests/test_front.py": "from frontend.lib.client import Client\n",
        "frontend/build.py": "import os\n",
    })
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT003")
    found = [(v["path"], v["line"]) for v in result.json()["violations"]]
    assert found == [("app/a.py", 1), ("lib/pkg/core.py", 2), ("tests/test_front.py", 1)]


def test_a_name_only_declared_serves_type_checkers_and_is_named_so_at_run_time(make_repo, cli):
    root = make_repo(
        {
            **PACKAGE,
            "app/io.py": "class Snakemake: ...\n\nsnakemake: Snakemake\n",
            "app/script.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from app.io import snakemake\n",
            "app/run.py": "from app.io import snakemake\n",
        }
    )
    result = cli("check", str(root), "--format", "json")
    assert ssot003(result) == [
        ("app/run.py", 1, "cannot import name 'snakemake' from app.io (app/io.py); app.io only declares it "
         "(`snakemake: ...` with no value), so it does not exist at runtime"),
    ]
    assert result.code == 1


def test_a_module_imported_from_a_package_it_left_is_named_where_it_is(make_repo, cli):
    """ezdxf's example imports `fonts` from `ezdxf.tools`; the module is now
    `ezdxf.fonts.fonts`: not "defined nowhere", and the message lists where it is."""
    root = make_repo(
        {
            "ez/__init__.py": "",
            "ez/tools/__init__.py": "",
            "ez/fonts/__init__.py": "",
            "ez/fonts/fonts.py": "def load(): ...\n",
            "tests/test_fonts.py": "def test_x(): ...\n",
            "examples/use.py": "from ez.tools import fonts\nfrom ez.tools import gone\n",
        }
    )
    result = cli("check", str(root), "--format", "json", "--select", "SSOT003")
    assert ssot003(result) == [
        ("examples/use.py", 1, "cannot import name 'fonts' from ez.tools (ez/tools/__init__.py); ez.tools has no module "
         "or name 'fonts', but the project has modules of that name: ez.fonts, ez.fonts.fonts"),
        ("examples/use.py", 2, "cannot import name 'gone' from ez.tools (ez/tools/__init__.py); it is not defined anywhere in the project"),
    ]


def test_the_importing_module_is_never_named_as_the_module_meant(make_repo, cli):
    """PYME's `recipes/bakeshop_app.py` imports `bakeshop_app` from `recipes.bakeshop`,
    which lacks it, and calls its `main()`: the module of that name is the importer itself,
    and pointing there would have it call itself. Another module of that name is named."""
    root = make_repo(
        {
            "app/__init__.py": "",
            "app/recipes/__init__.py": "",
            "app/recipes/bakeshop.py": "def run(): ...\n",
            "app/recipes/bakeshop_app.py": "def main():\n    from app.recipes.bakeshop import bakeshop_app\n"
            "    bakeshop_app.main()\n",
            "app/ui/__init__.py": "",
            "app/ui/panel.py": "def main(): ...\n",
            "app/ui/use.py": "def main():\n    from app.recipes.bakeshop import panel\n",
        }
    )
    result = cli("check", str(root), "--format", "json", "--select", "SSOT003")
    assert ssot003(result) == [
        ("app/recipes/bakeshop_app.py", 2, "cannot import name 'bakeshop_app' from app.recipes.bakeshop "
         "(app/recipes/bakeshop.py); it is not defined anywhere in the project"),
        ("app/ui/use.py", 2, "cannot import name 'panel' from app.recipes.bakeshop (app/recipes/bakeshop.py); "
         "app.recipes.bakeshop has no module or name 'panel', but the project has module of that name: app.ui.panel"),
    ]


def test_a_missing_module_says_where_the_names_it_was_to_give_are_defined(make_repo, cli):
    root = make_repo(
        {
            "app/__init__.py": "",
            "app/real.py": "class Real:\n    def run(self, a):\n        total = a + 1\n        return total * 2\n\n\n"
            "def helper():\n    return 2\n",
            "app/use.py": "from app.old import Real, helper\nfrom app.gone import Nowhere\nfrom app.utils.real import Real\n",
        }
    )
    result = cli("check", str(root), "--format", "json", "--select", "SSOT003")
    assert ssot003(result) == [
        # app.old is not known to have moved to app.real: the names may be namesakes
        ("app/use.py", 1, "`from app.old import Real, helper`: package app has no module 'old'; Real and helper are "
         "defined in app.real, a module of another name: check that they are the same things before importing "
         "them from there"),
        ("app/use.py", 2, "`from app.gone import Nowhere`: package app has no module 'gone'"),
        # app.utils.real moved to app.real
        ("app/use.py", 3, "`from app.utils.real import Real`: package app has no module 'utils'; Real is "
         "defined in app.real: import it from there"),
    ]
    assert [v["fix"] is not None for v in result.json()["violations"]] == [True, False, True]


def test_a_module_that_assigns_the_name_but_loads_the_importer_is_no_example(make_repo, cli):
    """thingsboard's gRPC converter imports `log` from a module that has none; the module
    that assigns a `log` of its own and is named as the example must not be one that loads
    the converter (importing from there would close an import cycle)."""
    files = {
        **PACKAGE,
        "app/converter.py": "class Converter: ...\n",
        "app/grpc_converter.py": "from app.converter import Converter, log\n",
        "app/manager.py": "from app.grpc_converter import Converter\nimport logging\n\nlog = logging.getLogger()\n",
        "app/service.py": "import app.manager\nimport logging\n\nlog = logging.getLogger()\n",
    }
    root = make_repo(files)
    (finding,) = ssot003(cli("check", str(root), "--format", "json", "--no-cache"))
    assert "define it here" in finding[2], finding
    root = make_repo({**files, "app/client.py": "import logging\n\nlog = logging.getLogger()\n"}, name="other")
    (finding,) = ssot003(cli("check", str(root), "--format", "json", "--no-cache"))
    assert "such as app.client assign a module-level 'log'" in finding[2], finding


def test_a_type_only_import_may_take_the_name_from_a_module_that_loads_the_importer(make_repo, cli):
    """crawl4ai's `if TYPE_CHECKING: from .async_dispatcher import RunManyReturn`: the alias
    is assigned in `crawl4ai.models`, which loads the importer through the package. An
    import that never runs at import time closes no cycle, so that module is the example,
    not "define it here" (a third definition)."""
    files = {
        **PACKAGE,
        "app/converter.py": "class Converter: ...\n",
        "app/grpc_converter.py": "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n"
        "    from app.converter import Converter, log\n",
        "app/manager.py": "import app.grpc_converter\nimport logging\n\nlog = logging.getLogger()\n",
    }
    (finding,) = ssot003(cli("check", str(make_repo(files)), "--format", "json", "--no-cache"))
    assert finding[1] == 4, finding
    assert "but app.manager assigns a module-level 'log'" in finding[2], finding
    # Of several, the one the module named imports already comes first (not the most imported).
    files = {**files, "app/alpha.py": "log = None\n", "app/beta.py": "import app.alpha\n", "app/gamma.py": "import app.alpha\n",
             "app/converter.py": "import app.manager\n\n\nclass Converter: ...\n"}
    (finding,) = ssot003(cli("check", str(make_repo(files, name="other")), "--format", "json", "--no-cache"))
    assert "but 2 modules, such as app.manager assign a module-level 'log'" in finding[2], finding


def test_a_name_gone_from_a_module_is_retargeted_safely_only_near_it(make_repo, cli):
    """A name gone from a module that is there is known to have moved only within that
    module's package: `gauges.base_gauge`'s `BaseGauge` now in `gauges.base_controller`.
    A namesake elsewhere may be another thing: pychron's `from . import Image as PILImage`
    meant PIL's, and the tree's only `Image` is a canvas primitive. That fix is unsafe."""
    root = make_repo({
        "app/__init__.py": "",
        "app/gauges/__init__.py": "",
        "app/gauges/base_gauge.py": "",
        "app/gauges/base_controller.py": "class BaseGauge:\n    def read(self):\n        value = self.ask('read')\n        return float(value)\n",
        "app/gauges/mks/__init__.py": "",
        "app/gauges/mks/gauge.py": "from app.gauges.base_gauge import BaseGauge\n\n\nclass MKSGauge(BaseGauge):\n    pass\n",
        "app/canvas/__init__.py": "",
        "app/canvas/primitives.py": "class Image:\n    def draw(self, buf):\n        self.buf = buf\n        return self.render()\n",
        "app/image/__init__.py": "",
        "app/image/video.py": "def frame(buf):\n    from . import Image as PILImage\n    return PILImage.draw(buf)\n",
        # manticore's examples: `from manticore import Manticore`, now in `manticore.native`.
        "app/native/__init__.py": "",
        "app/native/engine.py": "class Engine:\n    def run(self, path):\n        self.path = path\n        return self.go()\n",
        "examples/solve.py": "from app import Engine\n\nEngine().run('a.out')\n",
    })
    result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT003")
    fixes = {v["path"]: (v["fix"] or {}).get("applicability") for v in result.json()["violations"]}
    assert fixes == {"app/gauges/mks/gauge.py": "safe", "app/image/video.py": None, "examples/solve.py": "safe"}
    messages = {v["path"]: v["message"] for v in result.json()["violations"]}
    assert messages["app/gauges/mks/gauge.py"].endswith("; it is defined in app.gauges.base_controller: import it from there")
    assert messages["examples/solve.py"].endswith("; it is defined in app.native.engine: import it from there")
    # (app.image never imports from app.canvas: that namesake is no advice, nor a fix)
    assert messages["app/image/video.py"].endswith(
        "; a namesake is defined in app.canvas.primitives, but app.image never imports from app.canvas: "
        "another thing of that name, perhaps"
    )
    # Where the package does import from the namesake's, it is offered, with an unsafe fix.
    root = make_repo({
        "app/__init__.py": "",
        "app/canvas/__init__.py": "",
        "app/canvas/primitives.py": "class Image:\n    def draw(self, buf):\n        self.buf = buf\n        return self.render()\n",
        "app/image/__init__.py": "",
        "app/image/video.py": "def frame(buf):\n    from . import Image as PILImage\n    return PILImage.draw(buf)\n",
        "app/image/paint.py": "from app.canvas import primitives\n",
    }, name="built-on")
    result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT003")
    (v,) = result.json()["violations"]
    assert v["fix"]["applicability"] == "unsafe", v
    assert v["message"].endswith(
        "; it is defined in app.canvas.primitives, outside the package it was imported from: if that is the one "
        "meant, import it from there"
    ), v["message"]


@pytest.mark.parametrize("top", ("platform", "modules-ragile"))
def test_a_relative_import_below_folders_no_import_names_says_what_its_package_lacks(make_repo, cli, top):
    """sonic's ``platform/broadcom/sonic-platform-modules-ragile/.../sonic_pcie/pcie_common.py``:
    a top folder the standard library's ``platform`` shadows, or one no import can name, is
    no reason to skip ``from .pcie import PcieBase``; the message names the package the
    import starts in, not the folders above it."""
    package = f"{top}/b6510/sonic_pcie"
    root = make_repo({
        f"{package}/__init__.py": "",
        f"{package}/util.py": "def read_bar():\n    return 0\n",
        f"{package}/pcie_common.py": "from .util import read_bar\nfrom .pcie import PcieBase\nfrom .util import gone\n"
        "from .regs.map import REGS\n",
        f"{package}/regs/map.py": "REGS = {}\n",  # a folder of modules without __init__.py
    })
    result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT003")
    assert result.code == 1
    found = ssot003(result)
    assert [(p, line) for p, line, _ in found] == [(f"{package}/pcie_common.py", 2), (f"{package}/pcie_common.py", 3)]
    assert found[0][2] == f"`from .pcie import PcieBase`: package sonic_pcie ({package}/) has no module 'pcie'"
    assert "cannot import name 'gone'" in found[1][2]


def test_a_script_that_puts_its_own_package_folder_first_is_judged_by_it(make_repo, cli):
    """agentUniverse: an example app's ``app/run_example.py`` (``app/`` is a package) inserts
    its own folder at the front of ``sys.path`` and then imports ``intelligence.test.x`` from
    ``app/intelligence/``: whatever the way it is run, that folder answers, and a module it
    lacks is reported. Without the insert either reading may answer, and nothing is."""
    run = (
        "import sys\nfrom pathlib import Path\n\n"
        "sys.path.insert(0, str(Path(__file__).parent))\n\n"
        "from intelligence.test.demo import main\nfrom intelligence.test.generator import build\n\n"
        "if __name__ == '__main__':\n    main(build())\n"
    )
    files = {
        "app/__init__.py": "",
        "app/intelligence/__init__.py": "",
        "app/intelligence/test/__init__.py": "",
        "app/intelligence/test/generator.py": "def build():\n    return 1\n",
        "app/run_example.py": run,
        "app/run_other.py": run.replace("sys.path.insert(0, str(Path(__file__).parent))", "print(sys.path)"),
        # The product imports the package through ``app``: ``app/`` is no root of its own.
        **{f"service/{n}.py": "from app.intelligence.test.generator import build\n" for n in "abcdef"},
    }
    result = cli("check", str(make_repo(files)), "--format", "json", "--no-cache", "--select", "SSOT003")
    assert ssot003(result) == [(
        "app/run_example.py", 6,
        "`from intelligence.test.demo import main`: no module intelligence.test.demo beside the script (app/ is first on sys.path when it runs)",
    )]
    # With nothing importing it through ``app``, ``app/`` is a project apart whose own
    # packages answer its programs' imports: each broken import is reported once.
    files = {k: v for k, v in files.items() if not k.startswith("service/")}
    result = cli("check", str(make_repo(files, name="apart")), "--format", "json", "--no-cache", "--select", "SSOT003")
    assert [(p, line) for p, line, _ in ssot003(result)] == [("app/run_example.py", 6), ("app/run_other.py", 6)]


def test_a_script_beside_its_own_module_is_judged_by_it_whatever_another_root_holds(make_repo, cli):
    """openbmc: a first-party ``utils`` package elsewhere; ``tools/ncsi/ncsi.py`` runs with
    its own folder first on ``sys.path``, where ``utils.py`` is: ``import utils.utils`` lacks
    what the script's folder lacks, and the message says so."""
    root = make_repo({
        "utils/__init__.py": "",
        "utils/platforms.py": "PLATFORMS = []\n",
        "app.py": "from utils.platforms import PLATFORMS\n",
        "tools/ncsi/utils.py": "def pack():\n    return b''\n",
        "tools/ncsi/ncsi.py": "import utils.utils as utils\n\nif __name__ == '__main__':\n    utils.pack()\n",
    })
    result = cli("check", str(root), "--format", "json", "--no-cache", "--select", "SSOT003")
    assert ssot003(result) == [(
        "tools/ncsi/ncsi.py", 1,
        "`import utils.utils as utils`: no module utils.utils beside the script (tools/ncsi/ is first on sys.path when it runs)",
    )]
