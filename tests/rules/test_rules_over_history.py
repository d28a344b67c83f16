"""The rules over a sequence of trees (``score --history``) find what ``check`` finds.

``RulesOverHistory`` checks again only the files a change can affect, with the rules that
allow it (SSOT003, SSOT004). Each step below changes a file that others depend on in one of
the ways a finding can depend on another module; at every step its findings (rule, file,
line, subject) must equal a fresh ``run_rules`` on a fresh model.
"""

from __future__ import annotations

from collections import Counter

import pytest

from ssotlint.model.changes import Change, Snapshot
from ssotlint.model.unparsable import imported_from_newer_python
from ssotlint.rules.runner import RulesOverHistory, run_rules
from ssotlint.rules.ssot003_broken_import import _script_folders
from ssotlint.testing import Summaries, config_from_text, model_in_memory, models_over

CONFIG = 'test-base-classes = ["SSotBaseTestCase"]\n'
RETRY = "class RetryConfig:\n    attempts = 3\n    backoff = 0.5\n\n    def delay(self, n):\n        return self.backoff * n\n"
BACKOFF = "class Backoff:\n    base = 2\n    cap = 60\n\n    def wait(self, n):\n        return min(self.cap, self.base**n)\n"
HANDLER = (
    "from abc import abstractmethod\nfrom app.hbase import BaseHandler\n\nclass Handler(BaseHandler):\n"
    "    @abstractmethod\n    def handle(self, x): ...\n\n    @abstractmethod\n    def close(self): ...\n"
)
STATUS = "from enum import Enum\n\nclass Status(Enum):\n    READY = 1\n    DONE = 2\n    FAILED = 3\n"

DJ_BASE = (
    "from django.db import models\n\nclass RatingBase(models.Model):\n    name = models.CharField()\n"
    "    order = models.IntegerField()\n\n    class Meta:\n        abstract = True\n"
)
DJ_APP = {
    "__init__.py": "",
    "models.py": "from dj.common.models import RatingBase\n\nclass Rating(RatingBase):\n    label = 'x'\n    weight = 2\n",
    "translation.py": (
        "from modeltranslation.translator import TranslationOptions, translator\nfrom dj.APP import models as m\n\n"
        "class RatingTO(TranslationOptions):\n    fields = ('name', 'order')\n    required = ('en',)\n\n"
        "for model, options in [(m.Rating, RatingTO)]:\n    translator.register(model, options)\n"
    ),
}

BASE = {
    "fw/__init__.py": "",
    "fw/cases.py": (
        "import unittest\n\nclass SSotBaseTestCase(unittest.TestCase):\n    pass\n\n"
        "class Intermediate(SSotBaseTestCase):\n    pass\n"
    ),
    "app/__init__.py": "",
    "app/impl.py": "class Thing:\n    pass\n\nclass Helper:\n    pass\n",
    "app/api.py": "from app.impl import Thing\n",
    "app/use.py": "from app.api import Thing\n",
    "app/core.py": "class Tool:\n    pass\n",
    "app/facade.py": "from app.core import *\n",
    "app/user.py": "from app.facade import Tool\n",
    "scripts/dev-tool.py": "from app.gone import Missing\n",
    "app/other.py": "from newtop.mod import Y\n",
    "tests/__init__.py": "",
    "tests/mid.py": "from fw.cases import SSotBaseTestCase\n\nclass Mid(SSotBaseTestCase):\n    pass\n",
    "tests/base.py": "from tests.mid import Mid\n\nclass Base(Mid):\n    pass\n",
    "tests/test_x.py": "from tests.base import Base\n\nclass TestX(Base):\n    def test_a(self):\n        pass\n",
    "app/nsuser.py": "from app.ns import A, B\n",  # no app/ns/ yet: one finding for the statement
    "app/prod.py": "from tests.test_shared import TestShared\n",  # makes that module production
    # a base reached through `import fw` as an attribute path, and one whose head nothing binds
    "tests/test_y.py": "import fw\n\nclass TestY(fw.cases.Intermediate):\n    def test_b(self):\n        pass\n",
    "tests/test_w.py": (
        "import fw\n\nAlias = fw.cases.Intermediate\n\nclass TestW(Alias):\n    def test_e(self):\n        pass\n"
    ),
    "tests/test_v.py": "Alias = fw.cases.Intermediate\n\nclass TestV(Alias):\n    def test_f(self):\n        pass\n",
    "tests/test_u.py": (
        "import fw\n\nF = fw\nAlias = F.cases.Intermediate\n\nclass TestU(Alias):\n    def test_g(self):\n        pass\n"
    ),
    "fw/aliases.py": "import unittest\nfrom fw.cases import Intermediate\n\nBaseCase = Intermediate\n",
    "tests/test_al.py": "from fw.aliases import BaseCase\n\nclass TestAl(BaseCase):\n    def test_i(self):\n        pass\n",
    "fw/pkg/__init__.py": "",
    "fw/pkg/inner.py": "from fw.cases import SSotBaseTestCase\n\nclass Deep(SSotBaseTestCase):\n    pass\n",
    "tests/test_t.py": "from fw import pkg\n\nclass TestT(pkg.inner.Deep):\n    def test_h(self):\n        pass\n",
    # a cycle, a module it imports, two copies of a class (the more imported one is kept), two enums
    "app/cyc_a.py": "from app import cyc_b\nfrom app import lm\n",
    "app/cyc_b.py": "from app import cyc_a\n",
    "app/lm.py": "X = 1\n",
    "app/one.py": "from app import helper\n\n" + RETRY,
    "app/helper.py": "X = 1\n",
    "app/two.py": RETRY,
    "app/pick.py": "from app.two import RetryConfig\n",
    "app/reader.py": "from app.two import RetryConfig\nfrom app.lm import X\n",
    # two copies, one of whose modules loads the other's through three modules: that one is kept
    "app/far_a.py": "from app import far_x\n\n" + BACKOFF,
    "app/far_x.py": "from app import far_c\n",
    "app/far_c.py": "from app import far_d\n",
    "app/far_d.py": "from app import far_b\n",
    "app/far_b.py": BACKOFF,
    # two copies whose base (re-exported by the module they import it from) is a concrete
    # class: reported, until the base is an interface
    "app/hcore.py": "class BaseHandler:\n    def handle(self, x):\n        raise NotImplementedError\n",
    "app/hbase.py": "from app.hcore import BaseHandler\n",
    "app/h1.py": HANDLER,
    "app/h2.py": HANDLER,
    # two implementations of the default concept (websocket-manager): the first by path is kept
    "app/ws1.py": "class WebSocketManager:\n    def send(self, event):\n        return event\n",
    "app/ws2.py": "class UnifiedWebSocketManager:\n    def emit(self, event):\n        return [event]\n",
    "app/e1.py": STATUS,
    "app/e2.py": STATUS,
    "tests/test_z.py": "class TestZ(fw.cases.Intermediate):\n    def test_d(self):\n        pass\n",
    "tests/test_shared.py": "import unittest\n\nclass TestShared(unittest.TestCase):\n    def test_s(self):\n        pass\n",
    "tests/test_plain.py": "import unittest\n\nclass TestPlain(unittest.TestCase):\n    def test_p(self):\n        pass\n",
    "tests/test_leaf.py": "from fw.cases import SSotBaseTestCase\n\nclass TestLeaf(SSotBaseTestCase):\n    def test_c(self):\n        pass\n",
    # test data: nothing imports it but other test data (its broken import, syntax and line
    # endings are not findings), until a test does
    "tests/test_data_user.py": "X = 1\n",
    "tests/data/__init__.py": "",
    "tests/data/entry.py": "from tests.data import sample, broken, crlf\n",
    "tests/data/sample.py": "from app.nothere import Gone\nfrom tests.data import entry\n",  # a cycle of test data
    "tests/data/broken.py": "class Broken(:\n",
    "tests/data/crlf.py": "X = 1\r\n",
}

BASE_CASES_TEXT = BASE["fw/cases.py"]

# (what the step does, the files it writes (None: deletes))
STEPS: list[tuple[str, dict[str, str | None]]] = [
    ("a leaf changes beside a cycle, copies and enums", {"tests/test_leaf.py": "\n" + BASE["tests/test_leaf.py"]}),
    ("a test imports test data: it and the data it imports are code now (their cycle too)",
     {"tests/test_data_user.py": "from tests.data import entry\n"}),
    ("and stops: they are test data again", {"tests/test_data_user.py": "X = 2\n"}),
    ("an importer moves to the other copy: the other one is reported", {"app/pick.py": "from app.one import RetryConfig\n"}),
    ("a third copy appears", {"app/three.py": RETRY}),
    ("a copy's module comes to load another copy", {"app/helper.py": "from app import two\n"}),
    ("a module three imports away from a copy's imports the other copy's only in a function: the other is kept",
     {"app/far_d.py": "def load():\n    from app import far_b\n"}),
    ("and at import time again", {"app/far_d.py": BASE["app/far_d.py"]}),
    ("a module three imports away from a copy's stops loading the other copy's: the other is kept",
     {"app/far_c.py": "X = 1\n"}),
    ("two copies no module imports by name", {"app/twin_a.py": BACKOFF.replace("Backoff", "Cadence"),
                                              "app/twin_b.py": BACKOFF.replace("Backoff", "Cadence")}),
    ("modules start importing the second copy's module, not the class: its copy is kept",
     {"app/fan1.py": "import app.twin_b\n", "app/fan2.py": "from app import twin_b\n"}),
    ("and stop", {"app/fan1.py": "X = 1\n", "app/fan2.py": None}),
    ("a package starts loading one enum's module: its other modules, the other enum's too, load it",
     {"app/__init__.py": "from app import e2\n"}),
    ("and stops", {"app/__init__.py": ""}),
    ("a third implementation, imported: it is kept, and the first is reported now",
     {"app/ws3.py": "class IsolatedWebSocketManager:\n    pass\n", "app/wsuse.py": "from app.ws3 import IsolatedWebSocketManager\n"}),
    ("a module defines a class twice: the first is dead", {"app/lm.py": "X = 1\n\nclass Once:\n    pass\n\nclass Once:\n    pass\n"}),
    ("once again", {"app/lm.py": "X = 1\n\nclass Once:\n    pass\n"}),
    ("the base of two abstract copies becomes an interface: they are interfaces too",
     {"app/hcore.py": "from typing import Protocol\n\nclass BaseHandler(Protocol):\n    def handle(self, x): ...\n"}),
    ("two copies go, one is left", {"app/two.py": None, "app/three.py": None}),
    ("a module in the cycle moves its import", {"app/cyc_a.py": "\n" + BASE["app/cyc_a.py"]}),
    ("the cycle is broken", {"app/cyc_b.py": "X = 1\n"}),
    ("a module the cycle imported imports back: a new cycle", {"app/lm.py": "from app import cyc_a\n"}),
    ("an enum is no longer the same", {"app/e2.py": STATUS.replace("READY", "QUEUED").replace("FAILED", "LOST")}),
    ("a re-export goes: its importer breaks", {"app/api.py": "X = 1\n"}),
    ("a star-imported module loses a class", {"app/core.py": "class Other:\n    pass\n"}),
    ("a base two modules away leaves the SSOT base", {"tests/mid.py": "class Mid:\n    pass\n"}),
    ("a missing module appears", {"app/gone.py": "class Missing:\n    pass\n"}),
    ("a new top-level package makes an import first-party", {"newtop/__init__.py": "", "newtop/mod.py": "Z = 1\n"}),
    ("the top-level package leaves again", {"newtop/__init__.py": None, "newtop/mod.py": None}),
    ("a namespace package appears: each missing name is a finding",
     {"app/ns/other.py": "Q = 1\n"}),
    ("a class reached through dotted base paths leaves the SSOT base",
     {"fw/cases.py": BASE_CASES_TEXT.replace("class Intermediate(SSotBaseTestCase)", "class Intermediate")}),
    ("a module reached through a module a from-import binds changes",
     {"fw/pkg/inner.py": "class Deep:\n    pass\n"}),
    ("production stops importing a test module: it is test code again", {"app/prod.py": "X = 1\n"}),
    ("a leaf test changes its lines", {"tests/test_leaf.py": "\n\n" + BASE["tests/test_leaf.py"]}),
    ("a module stops parsing", {"app/impl.py": "class Thing(:\n"}),
    ("it parses again, and the re-export is back",
     {"app/impl.py": BASE["app/impl.py"], "app/api.py": BASE["app/api.py"]}),
    ("the configured base leaves the project: SSOT004 reports nothing",
     {"fw/cases.py": "X = 1\n", "tests/test_leaf.py": "class TestLeaf:\n    def test_c(self):\n        pass\n"}),
    ("and comes back", {"fw/cases.py": BASE["fw/cases.py"]}),
    ("an alias another module's test class inherits through now names another class, and nothing else changes",
     {"fw/aliases.py": "import unittest\nfrom fw.cases import Intermediate\n\nBaseCase = unittest.TestCase\n"}),
    ("modules leave", {"app/gone.py": None, "tests/base.py": None, "tests/test_plain.py": None}),
    ("two sibling packages each keep a copy; the second's is more imported",
     {"app/pa/__init__.py": "", "app/pa/x.py": BACKOFF.replace("Backoff", "Jitter"), "app/pa/z.py": "X = 1\n",
      "app/pb/__init__.py": "", "app/pb/y.py": BACKOFF.replace("Backoff", "Jitter"), "app/pb/w.py": "Y = 1\n",
      "app/pbuse.py": "from app.pb.y import Jitter\n"}),
    ("another module of the second package starts importing the first: the first's copy is kept",
     {"app/pb/w.py": "from app.pa import z\n"}),
    ("a test of the first package imports the second: test code makes no dependency, the first's copy stays kept",
     {"app/pa/tests/__init__.py": "", "app/pa/tests/test_q.py": "from app.pb import w\n"}),
    ("a product module of the first package imports the second: each imports the other, the more imported is kept",
     {"app/pa/z.py": "from app.pb import w\n"}),
    ("and imports another package instead: the second's copy is kept again", {"app/pb/w.py": "from app import lm\n"}),
    # Two roots each hold a `tests` package: the model lists src/'s conftest, and an import
    # in the root's tests reads the root's own, which the model hides ...
    ("a second root holds a tests package too; each root's tests import their own conftest",
     {"src/tests/__init__.py": "", "src/tests/conftest.py": "SHARED = 1\n",
      "src/tests/test_s.py": "from tests.conftest import SHARED\n",
      "tests/conftest.py": "OTHER = 1\n", "tests/test_c.py": "from tests.conftest import OTHER\n"}),
    # ... and when the hidden one loses the name, its importer breaks.
    ("the conftest the model hides loses a name", {"tests/conftest.py": "X = 1\n"}),
    ("and gets it back", {"tests/conftest.py": "OTHER = 2\n"}),
    ("the roots part again", {"src/tests/__init__.py": None, "src/tests/conftest.py": None, "src/tests/test_s.py": None}),
    ("a type-checking import of a name no module defines",
     {"app/stubbed.py": "class S: ...\n",
      "app/stub_user.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from app.stubbed import AsyncS\n"}),
    ("a stub beside the module defines it: type checkers read the stub", {"app/stubbed.pyi": "class AsyncS: ...\n"}),
    ("the stub goes again", {"app/stubbed.pyi": None}),
    # A tool's loader folder (see ssotlint.model.overlay): a script under the test tree imports
    # a module its package does not have, while a namesake folder lies elsewhere ...
    ("a test script imports a missing module; a folder named like its package lies elsewhere",
     {"app/module_utils/__init__.py": "", "app/module_utils/basic.py": "class AnsibleModule: ...\n",
      "tests/targets/mu/library/run.py": "from app.module_utils.foo import data\n\nif __name__ == '__main__':\n    print(data)\n",
      "tests/targets/other/module_utils/__init__.py": ""}),
    # ... then beside it, unchanged: its folder is one a loader runs, test data
    ("the namesake folder appears beside the script: a loader serves its import",
     {"tests/targets/mu/module_utils/__init__.py": "", "tests/targets/mu/module_utils/foo.py": "data = 1\n"}),
    # An absolute import of that folder makes it a package Python imports, which no loader
    # merges: the script's import is broken again; and when the import goes, it is not.
    ("a module imports the folder beside the script by its absolute name: no loader folder",
     {"tests/targets/mu/use.py": "import tests.targets.mu.module_utils.foo\n"}),
    ("and stops: the loader serves the script again", {"tests/targets/mu/use.py": "X = 1\n"}),
    # The mergeable folders stay where they are while the script's own import changes.
    ("the script asks the folder beside it for a module it lacks: no loader serves that",
     {"tests/targets/mu/library/run.py": "from app.module_utils.bar import data\n\nif __name__ == '__main__':\n    print(data)\n"}),
    ("and for the one it has again",
     {"tests/targets/mu/library/run.py": "from app.module_utils.foo import data\n\nif __name__ == '__main__':\n    print(data)\n"}),
    # An unchanged module's import becomes first-party when its top-level package appears.
    ("a module imports from a package that is not there", {"app/later.py": "import plug.module_utils.basic\n"}),
    ("the package appears, with a folder named like a loader's",
     {"plug/__init__.py": "", "plug/module_utils/__init__.py": "", "plug/module_utils/basic.py": "X = 1\n"}),
    ("and leaves again", {"plug/__init__.py": None, "plug/module_utils/__init__.py": None, "plug/module_utils/basic.py": None}),
    # ``from lazy import win`` loads the submodule only while the package does not bind
    # ``win`` itself: the edge, and the cycle, follow the package's own statements.
    ("a package's submodules import each other through it: a cycle",
     {"lazy/__init__.py": "", "lazy/app.py": "from lazy import win\n\nRUN = 1\n",
      "lazy/win.py": "from lazy import app\n\nLOOP = app.RUN\n"}),
    ("the package binds its submodules' names to lazy proxies: no cycle",
     {"lazy/__init__.py": "class P:\n    def __init__(self, n):\n        self.n = n\n\n\napp = P('app')\nwin = P('win')\n"}),
    ("and imports one of them again: the cycle is back",
     {"lazy/__init__.py": "from . import win\n\napp = 1\n"}),
    # Two samples of a samples folder each keep their own copy, until one imports the other.
    ("two samples each keep a copy of a class",
     {"samples/__init__.py": "", "samples/pa/__init__.py": "", "samples/pa/x.py": BACKOFF.replace("Backoff", "Drift"),
      "samples/pa/z.py": "X = 1\n", "samples/pb/__init__.py": "", "samples/pb/y.py": BACKOFF.replace("Backoff", "Drift"),
      "samples/pb/sub/__init__.py": "", "samples/pb/sub/w.py": "Y = 1\n", "samples/pbuse.py": "from samples.pb.y import Drift\n"}),
    ("a module below one sample imports another module of the other sample: the copies are reported",
     {"samples/pb/sub/w.py": "from samples.pa import z\n"}),
    ("and stops: each keeps its own again", {"samples/pb/sub/w.py": "Y = 2\n"}),
    # A module the project's own code writes (a generator's earlier step) exists.
    ("a generator's step imports a module nothing writes yet", {"gen/__init__.py": "", "gen/step2.py": "from gen.made import Made\n"}),
    ("an earlier step appears that writes it", {"gen/step1.py": "def run():\n    open('made.py', 'w')\n"}),
    ("and stops writing it", {"gen/step1.py": "def run():\n    open('made.py')\n"}),
    # A script's own folder answers its imports before a top-level folder of the same name.
    ("a script beside its own utils package, with a top utils folder",
     {"utils/tool.py": "", "demo-x/run.py": "from utils import Helper\n",
      "demo-x/utils/__init__.py": "from .h import Helper\n", "demo-x/utils/h.py": "class Helper: ...\n"}),
    ("the package beside the script loses the name", {"demo-x/utils/__init__.py": "X = 1\n"}),
    ("and gets it back", {"demo-x/utils/__init__.py": "from .h import Helper\n"}),
    ("the package beside the script goes: the top folder answers", {"demo-x/utils/__init__.py": None, "demo-x/utils/h.py": None}),
    # A module appears in, then leaves, a folder that already was: the folders are the same,
    # and only the imports that folder may answer are judged again.
    ("another script there imports a name the top folder lacks", {"demo-x/run2.py": "from utils import Gone\n"}),
    ("a module beside the scripts appears with it", {"demo-x/utils.py": "Gone = 1\n"}),
    ("and goes again", {"demo-x/utils.py": None}),
    # Two programs each run from its own folder with its own `lib` keep their own copies;
    # when one folder's script stops importing from beside it, the copies are duplicates,
    # though no file defining or importing them changed.
    ("two programs of their own, each with its own lib and a copy of a class",
     {"an/win/agent.py": "from lib import util\n\nif __name__ == '__main__':\n    util.run()\n",
      "an/win/lib/util.py": "def run(): ...\n", "an/lin/lib/util.py": "def run(): ...\n",
      "an/win/lib/__init__.py": "", "an/win/lib/core.py": BACKOFF.replace("Backoff", "Probe"),
      "an/lin/agent.py": "from lib import util\n\nif __name__ == '__main__':\n    util.run()\n",
      "an/lin/lib/__init__.py": "", "an/lin/lib/core.py": BACKOFF.replace("Backoff", "Probe")}),
    ("one program's script stops importing from beside it", {"an/lin/agent.py": "X = 1\n"}),
    ("and starts again", {"an/lin/agent.py": "from lib import util\n\nif __name__ == '__main__':\n    util.run()\n"}),
    # The project starts running on Python 2 (a root script's `python2` shebang): an
    # unchanged Python 2 module is Python 2 code, which Python 3's verdict does not judge.
    # Its imports then find a sibling module first (Python 2's implicit relative imports).
    ("a module in Python 2 syntax, and one importing a name from `sib`",
     {"app/py2.py": "print 'x'\n", "app/py2imp.py": "from sib import Y\n"}),
    ("a root script that runs on python2 appears", {"serve.py": "#!/usr/bin/env python2\nimport app.py2\n"}),
    ("a sibling `sib` appears without the name", {"app/sib.py": "X = 1\n"}),
    ("and goes again", {"serve.py": None}),
    # A package adds a folder to its own __path__: the folder's modules are its submodules,
    # and an importer of one is judged by the folder's file, which it names otherwise.
    ("a package adds a folder to its __path__; a module imports a name its module there lacks",
     {"kp/__init__.py": "import os\n__path__.append(os.path.join(os.path.dirname(__file__), 'api'))\n",
      "kp/api/__init__.py": "from kp import acts\n", "kp/api/acts.py": "def relu(): ...\n",
      "app/kpuse.py": "from kp.acts import relu, gelu\n"}),
    ("the folder's module gains the name", {"kp/api/acts.py": "def relu(): ...\ndef gelu(): ...\n"}),
    ("the package stops adding the folder", {"kp/__init__.py": "X = 1\n"}),
    ("and adds it again", {"kp/__init__.py": "import os\n__path__.append(os.path.join(os.path.dirname(__file__), 'api'))\n"}),
    # A package registers an old submodule name with the project's own import hook.
    ("a package registers an old name with a function that installs an import hook",
     {"hk/__init__.py": "", "hc/__init__.py": "",
      "hc/compat.py": "import sys\ndef alias(old_parent, old_child):\n    sys.meta_path.append(object())\n",
      "hk/data/__init__.py": "from hc import compat\ncompat.alias(__name__, 'old')\n", "app/hkuse.py": "import hk.data.old\n"}),
    ("the function stops installing it", {"hc/compat.py": "import sys\ndef alias(old_parent, old_child):\n    return None\n"}),
    ("and installs it again", {"hc/compat.py": "import sys\ndef alias(old_parent, old_child):\n    sys.meta_path.insert(0, object())\n"}),
    # A star import of a package brings the submodules its __init__ imports.
    ("a star-imported package imports a submodule",
     {"sp/__init__.py": "from sp.jax import *\n", "sp/jax/__init__.py": "from sp.jax import random\n",
      "sp/jax/random.py": "", "app/spuse.py": "from sp import random\n"}),
    ("it stops importing it", {"sp/jax/__init__.py": "X = 1\n"}),
    # A fallback for another release of the project, in an ImportError handler.
    ("a fallback import for another release, whose try resolves",
     {"app/fbnew.py": "class Tool: ...\n",
      "app/fb.py": "try:\n    from app.fbnew import Tool\nexcept ImportError:\n    from app.fbold import Tool\n"}),
    ("the try's import breaks too: the fallback is reported", {"app/fbnew.py": "X = 1\n"}),
    # A service folder runs its own `src` package (its modules import `src.*`): a test
    # under it reads that package, which lacks a name, not another service's.
    ("a service whose modules import its own src package, and a test importing a name it lacks",
     {"svc/src/__init__.py": "", "svc/src/base.py": "class Model: ...\n",
      "svc/src/config.py": "from src.base import Model\n", "svc/tests/test_cfg.py": "from src.base import Missing\n"}),
    ("the service's module stops importing its package by that name: no service folder",
     {"svc/src/config.py": "from .base import Model\n"}),
    ("and imports it so again, in another line", {"svc/src/config.py": "\nfrom src.base import Model\n"}),
    ("the package gains the name", {"svc/src/base.py": "class Model: ...\nclass Missing: ...\n"}),
    # A module starts putting its own folder's `lib` first on sys.path, no other file
    # changing: its import is then answered from there.
    ("a module imports a name the top module of that name lacks",
     {"helper.py": "Y = 1\n", "tool/__init__.py": "", "tool/lib/helper.py": "X = 1\n", "tool/run.py": "from helper import X\n"}),
    ("it puts its lib folder first on sys.path before that import",
     {"tool/run.py": "import os, sys\nsys.path.insert(0, os.path.join(os.path.dirname(__file__), 'lib'))\nfrom helper import X\n"}),
    # A generated copy of a module and its source, the writer's text changing alone: while
    # a first-party script reads the one and writes the other, the two are apart; when it
    # stops writing, they are copies, though neither file changed.
    ("a script copies a module into a generated one",
     {"tools/__init__.py": "", "tools/schemapi/__init__.py": "",
      "tools/make.py": "def copy():\n    src = open('schemapi/schemapi.py').read()\n"
                       "    open('../alt/utils/schemapi.py', 'w').write(src)\n",
      "tools/schemapi/schemapi.py": BACKOFF.replace("Backoff", "SchemaBase"),
      "tools/codegen.py": "from tools.schemapi.schemapi import SchemaBase\n",
      "alt/__init__.py": "", "alt/utils/__init__.py": "", "alt/core.py": "from alt.utils.schemapi import SchemaBase\n",
      "alt/utils/schemapi.py": "# The contents of this file are automatically written by\n# tools/make.py. Do not modify directly.\n"
      + BACKOFF.replace("Backoff", "SchemaBase")}),
    ("the script stops writing it", {"tools/make.py": "def copy():\n    return open('schemapi/schemapi.py').read()\n"}),
    ("and writes it again", {"tools/make.py": "def copy():\n    src = open('schemapi/schemapi.py').read()\n"
                                              "    open('../alt/utils/schemapi.py', 'w').write(src)\n"}),
    # A package that runs a generator when imported may write its own submodules: what is
    # imported from them is not missing while it does, though no importer changes.
    ("a package runs its errors generator when imported",
     {"gapi/__init__.py": "", "gapi/errors_gen.py": "class ErrorsGenerator:\n    @classmethod\n    def generate_python_files(cls): ...\n",
      "gapi/apierrors/__init__.py": "from gapi.errors_gen import ErrorsGenerator\n\nErrorsGenerator.generate_python_files()\n",
      "gapi/use.py": "from gapi.apierrors import errors\nfrom gapi.apierrors.errors.bad_request import InvalidModelId\n"}),
    ("it stops generating", {"gapi/apierrors/__init__.py": "from gapi.errors_gen import ErrorsGenerator\n"}),
    ("and generates again", {"gapi/apierrors/__init__.py": "from gapi.errors_gen import ErrorsGenerator\n\nErrorsGenerator.generate_python_files()\n"}),
    # A name a package's import-time code sets on a submodule (`base.dialect = ...`) exists
    # for the importers that run after it: while the package imports the setter at run
    # time. An edit to run-time imports elsewhere changes nothing; one on the way does.
    ("a package sets a name on its submodule",
     {"dia/__init__.py": "from dia import setup\n", "dia/base.py": "X = 1\n",
      "dia/setup.py": "from dia import base\nbase.dialect = object()\n",
      "dia/use.py": "from dia.base import dialect\n", "elsewhere/__init__.py": "", "elsewhere/a.py": "X = 1\n"}),
    ("a module elsewhere imports otherwise", {"elsewhere/a.py": "import json\nfrom elsewhere import b\n", "elsewhere/b.py": "Y = 2\n"}),
    ("the package stops importing the setter", {"dia/__init__.py": "X = 1\n"}),
    ("and imports it through another module", {"dia/__init__.py": "from dia import hub\n", "dia/hub.py": "from dia import setup\n"}),
    ("the module on the way stops", {"dia/hub.py": "X = 1\n"}),
    # A module no Python here compiles, imported only under a check for a newer Python,
    # then also without one, by a file that does not change while its neighbours do.
    ("a module for a newer Python, loaded under a check for it",
     {"newpy/__init__.py": "", "newpy/_impl99.py": "def f(:\n    pass\n",
      "newpy/api.py": "import sys\nif sys.version_info >= (3, 39):\n    from newpy._impl99 import f\n"}),
    ("another module loads it without the check", {"newpy/other.py": "from newpy._impl99 import f\n"}),
    ("a neighbour changes", {"newpy/api.py": "import sys\nX = 1\nif sys.version_info >= (3, 39):\n    from newpy._impl99 import f\n"}),
    ("the unchecked import goes", {"newpy/other.py": "from newpy import api\n"}),
    ("the module compiles", {"newpy/_impl99.py": "def f():\n    pass\n"}),
    # A wrapper reads its namesake through two packages that re-export its module; the
    # package two steps away stops re-exporting it: the wrapper's read names nothing now.
    ("a wrapper reads its namesake through re-exporting packages",
     {"wr/__init__.py": "", "wr/nn/__init__.py": "from wr.nn import blocks\n",
      "wr/nn/blocks/__init__.py": "from wr.nn.blocks import deep as deepset\n",
      "wr/nn/blocks/deep.py": RETRY.replace("RetryConfig", "DeepSet"),
      "wr/models.py": "import wr.nn as nk\n\n" + RETRY.replace("RetryConfig", "DeepSet")
      + "\n    def build(self):\n        return nk.blocks.deepset.DeepSet()\n"}),
    ("the inner package stops re-exporting the module", {"wr/nn/blocks/__init__.py": "X = 1\n"}),
    ("and re-exports it again", {"wr/nn/blocks/__init__.py": "from wr.nn.blocks import deep as deepset\n"}),
    # Two Django applications each keep a model on one abstract base, and translation
    # options registered with it: two tables and their own options, until the base is no
    # model. The translation modules import neither changed module directly.
    ("two applications' own models and the options bound to them",
     {"dj/__init__.py": "", "dj/common/__init__.py": "", "dj/common/models.py": DJ_BASE,
      **{f"dj/{app}/{name}": text.replace("APP", app) for app in ("outdoor", "trek") for name, text in DJ_APP.items()}}),
    ("the base stops being a model: copies, options and all",
     {"dj/common/models.py": DJ_BASE.replace("(models.Model)", "").replace("abstract = True", "ordering = ()")}),
    ("and is a model again", {"dj/common/models.py": DJ_BASE}),
    # Two packages' settings objects, each set by its own package's code when it starts:
    # two states, until one package stops setting its own (the defining files unchanged).
    ("two settings objects, each configured by its own package",
     {"otel/__init__.py": "", **{f"otel/{n}/config.py": "class Config:\n    exception_logger = None\n    legacy = True\n" for n in ("a", "b")},
      **{f"otel/{n}/__init__.py": f"from otel.{n}.config import Config\n\n\ndef start(log):\n    Config.exception_logger = log\n"
         for n in ("a", "b")}}),
    ("one package stops configuring its own", {"otel/b/__init__.py": "from otel.b.config import Config\n\n\ndef start(log):\n    return Config.legacy\n"}),
    ("and configures it again", {"otel/b/__init__.py": "from otel.b.config import Config\n\n\ndef start(log):\n    Config.exception_logger = log\n"}),
    # An unasync rule writes a sync module from its async source: the two are apart while
    # the generator's rule names their folders, though neither file changes.
    ("unasync writes a sync client from the async one",
     {"utils/__init__.py": "",
      "utils/generate.py": "import unasync\n\nRULES = [unasync.Rule(fromdir='/osp/_async/client/', todir='/osp/client/')]\n",
      "osp/__init__.py": "", "osp/_async/__init__.py": "", "osp/_async/client/__init__.py": "", "osp/client/__init__.py": "",
      "osp/_async/client/base.py": BACKOFF.replace("Backoff", "NamespacedClient"),
      "osp/client/base.py": BACKOFF.replace("Backoff", "NamespacedClient"),
      "osp/use.py": "from osp.client.base import NamespacedClient\nfrom osp._async.client.base import NamespacedClient as A\n"}),
    ("the rule names another folder", {"utils/generate.py": "import unasync\n\nRULES = [unasync.Rule('/osp/_async/plugins/', '/osp/plugins/')]\n"}),
    ("and the client's again", {"utils/generate.py": "import unasync\n\nRULES = [unasync.Rule('/osp/_async/client/', '/osp/client/')]\n"}),
    # A top-level folder that only groups folders: a name imported from it is another
    # module's, until a module of its own appears there.
    ("a grouping folder's name is imported", {"mpy/drivers/lcd/lcd.py": "from mpy import const\n"}),
    ("the folder gets a module of its own", {"mpy/helpers.py": "X = 1\n"}),
    ("and loses it", {"mpy/helpers.py": None}),
    ("a module elsewhere imports through the folder", {"use_mpy.py": "from mpy.drivers.lcd.lcd import const\n"}),
    ("and stops", {"use_mpy.py": "X = 1\n"}),
    # A snapshot package only migrations reach keeps its own enum; a production module
    # importing the snapshot's models (not its enums) makes both ordinary code.
    ("a snapshot package of the models for the migrations",
     {"app/snap/__init__.py": "", "app/snap/enums.py": STATUS, "app/snap/models.py": "from app.snap.enums import Status\n",
      "alembic/versions/a1_init.py": "from app.snap.models import Status\n\nrevision = 'a1'\ndown_revision = None\n"}),
    ("a production module imports the snapshot's models", {"app/uses_snap.py": "from app.snap import models\n"}),
    ("and stops", {"app/uses_snap.py": "X = 1\n"}),
    # Where the runs of a package enter a cycle decides whether it can fail (``ImportRuns``):
    # a module that is on no cycle but leads to one changes the order of its imports.
    ("a package whose loader enters a cycle where it cannot fail",
     {"seq/__init__.py": "from seq import loader\n", "seq/loader.py": "from seq import x\nfrom seq import y\n",
      "seq/x.py": "def helper():\n    return 1\n\n\nfrom seq.y import Y  # noqa: E402\n",
      "seq/y.py": "from seq.x import helper\n\n\nclass Y:\n    h = helper\n"}),
    ("the loader enters it at the other module: it fails", {"seq/loader.py": "from seq import y\nfrom seq import x\n"}),
    ("and back", {"seq/loader.py": "from seq import x\nfrom seq import y\n"}),
    # Django imports the applications' models in the order its settings install them, and
    # no model class can be defined before: a change of the settings alone decides whether
    # a cycle through models modules fails.
    ("a Django project whose set-up enters a cycle of models where it cannot fail",
     {"settings.py": "INSTALLED_APPS = ['users', 'alerts']\n", "users/__init__.py": "", "alerts/__init__.py": "",
      "users/models.py": "from django.db import models\n\n\nclass User(models.Model):\n    pass\n\n\n"
      "from alerts.models import Alert  # noqa: E402\n",
      "alerts/models.py": "from django.db import models\n\nfrom alerts.snapshot import Snapshot\n\n\n"
      "class Alert(models.Model):\n    pass\n",
      "alerts/snapshot.py": "from users.models import User\n\n\nclass Snapshot:\n    owner = User\n"}),
    ("the settings install the other application first: the set-up's run fails",
     {"settings.py": "INSTALLED_APPS = ['alerts', 'users']\n"}),
    ("and back", {"settings.py": "INSTALLED_APPS = ['users', 'alerts']\n"}),
    # A plugin protocol's name (a loader reads it off each module it imports by path) is no
    # copy; only the loader's file changes, and two drifted copies elsewhere are plugins.
    ("two drifted copies of a class", {"app/dr1.py": RETRY, "app/dr2.py": RETRY + "\n    def reset(self):\n        self.attempts = 0\n",
                                       "app/dr_use.py": "from app.dr1 import RetryConfig\n"}),
    ("a loader reads the name off each module it imports by path: the copies are plugins",
     {"app/plug.py": "import importlib\n\n\ndef load(path):\n    return getattr(importlib.import_module(path), 'RetryConfig')\n"}),
    ("and reads another name", {"app/plug.py": "import importlib\n\n\ndef load(path):\n    return importlib.import_module(path).Other\n"}),
    # Two backends an `if` chooses between are loaded alone: each one's class is its own; only
    # the selector changes.
    ("two backends' drifted copies of a class", {"app/bk1.py": RETRY.replace("RetryConfig", "Pacer"),
                                                 "app/bk2.py": RETRY.replace("RetryConfig", "Pacer") + "\n    def reset(self):\n        self.attempts = 0\n",
                                                 "app/bk_use.py": "from app.bk1 import Pacer\n"}),
    ("a selector imports one backend or the other", {"app/sel.py": "import os\n\nif os.name == 'nt':\n    from app import bk1\nelse:\n    from app import bk2\n"}),
    ("and both", {"app/sel.py": "from app import bk1\nfrom app import bk2\n"}),
    # A setting's dotted path to a class counts as an import of that copy; only the setting
    # changes.
    ("two more copies no module imports by name", {"app/ds1.py": BACKOFF.replace("Backoff", "Pulse"),
                                                   "app/ds2.py": BACKOFF.replace("Backoff", "Pulse")}),
    ("a setting names the second copy by its dotted path: it is kept", {"app/conf.py": "PULSE = 'app.ds2.Pulse'\n"}),
    ("and then the first", {"app/conf.py": "PULSE = 'app.ds1.Pulse'\n"}),
    # A tools folder inside the package is the product's once product code imports it: its
    # copy is then ranked as any product copy; only the importer changes.
    ("a copy in the package's tools folder, more imported, beside a product copy",
     {"app/tools/__init__.py": "", "app/tools/gauge.py": BACKOFF.replace("Backoff", "Gauge"),
      "app/tools/gauge_use.py": "from app.tools.gauge import Gauge\n", "app/tools/gauge_use2.py": "from app.tools.gauge import Gauge\n",
      "app/meter.py": BACKOFF.replace("Backoff", "Gauge")}),
    ("product code imports the tools folder: its copy is kept", {"app/runner.py": "from app.tools import gauge_use\n"}),
    ("and stops", {"app/runner.py": "X = 1\n"}),
    # A module loaded only by an `except ImportError` handler holds the fallback's classes;
    # only the importer changes.
    ("a third copy of a class, in a module a package imports",
     {"app/ft/__init__.py": "import app.ft._legacy\n", "app/ft/_legacy.py": BACKOFF.replace("Backoff", "Tick"),
      "app/tk1.py": BACKOFF.replace("Backoff", "Tick"), "app/tk2.py": BACKOFF.replace("Backoff", "Tick")}),
    ("the package imports it only when another import fails: the fallback's copy is no candidate",
     {"app/ft/__init__.py": "try:\n    import app.ft._fast\nexcept ImportError:\n    import app.ft._legacy\n"}),
    ("and plainly again", {"app/ft/__init__.py": "import app.ft._legacy\n"}),
    # A package filled by a function that sets computed names on its argument (ganga's
    # `exportToGPI`) serves any name; only the exporting module changes.
    ("an interface package, and a script importing a name nothing defines",
     {"app/gpi/__init__.py": "", "app/gpi_user.py": "from app.gpi import Job\n",
      "app/gpi_export.py": "import app.gpi\n\n\ndef _add(interface, name, obj):\n    setattr(interface, name, obj)\n"}),
    ("the exporter hands the package to the function that fills it: the name may be there",
     {"app/gpi_export.py": "import app.gpi\n\n\ndef _add(interface, name, obj):\n    setattr(interface, name, obj)\n\n\n"
      "def export(name, obj):\n    _add(app.gpi, name, obj)\n"}),
    ("and stops", {"app/gpi_export.py": "import app.gpi\n\n\ndef _add(interface, name, obj):\n    setattr(interface, name, obj)\n"}),
    # Two add-on packages loaded by path, each versioned on its own, keep their own copies;
    # when an import statement names one, its copy is compared, no defining file changing.
    ("two versioned add-ons loaded by path, each with a copy",
     {**{f"addons/{n}/server/__init__.py": "from .version import __version__\nfrom .settings import Knob\n" for n in ("nk", "hr")},
      **{f"addons/{n}/server/version.py": "__version__ = '1.0'\n" for n in ("nk", "hr")},
      **{f"addons/{n}/server/settings.py": BACKOFF.replace("Backoff", "Knob") for n in ("nk", "hr")}}),
    # A package appears beside a module of its name: the module's imports never run again.
    # A series of versions of one package, each a whole copy of the one before, keeps its
    # classes apart until one version loses the modules that made it a copy (its
    # `blocks.py` untouched), and again when they come back.
    ("three forks, each a whole copy of the one before",
     {"spec/__init__.py": "",
      **{f"spec/{fork}/{m}.py": ("from dataclasses import dataclass\n\n\n@dataclass\nclass Header:\n    parent_hash: bytes\n    number: int\n\n    def child_number(self):\n        return self.number + 1\n" if m == "blocks" else f"def {m}_root(items):\n    return len(items)\n")
         for fork in ("frontier", "homestead", "byzantium") for m in ("__init__", "blocks", "state", "trie", "fork_types", "utils")}}),
    ("one fork loses its other modules", {f"spec/byzantium/{m}.py": None for m in ("state", "trie", "fork_types", "utils")}),
    ("and gets them back", {f"spec/byzantium/{m}.py": f"def {m}_root(items):\n    return len(items)\n" for m in ("state", "trie", "fork_types", "utils")}),
    # A Django migration's copy of a shape counts until the migration runs Python on the
    # data (a data migration keeps it frozen), and again when it stops.
    ("a Django migration copies a shape",
     {"refs/__init__.py": "", "refs/types.py": "from typing import TypedDict\n\n\nclass StoredRef(TypedDict):\n    path: str\n    line: int\n", "refs/use.py": "from refs.types import StoredRef\n",
      "refs/migrations/__init__.py": "",
      "refs/migrations/0003_refs.py": "from django.db import migrations\nfrom typing import TypedDict\n\n\nclass StoredRef(TypedDict):\n    path: str\n    line: int\n\n\nclass Migration(migrations.Migration):\n    operations = []\n"}),
    ("it becomes a data migration",
     {"refs/migrations/0003_refs.py": "from django.db import migrations\nfrom typing import TypedDict\n\n\nclass StoredRef(TypedDict):\n    path: str\n    line: int\n\n\nclass Migration(migrations.Migration):\n"
      "    operations = [migrations.RunPython(migrations.RunPython.noop)]\n"}),
    ("and is a schema migration again",
     {"refs/migrations/0003_refs.py": "from django.db import migrations\nfrom typing import TypedDict\n\n\nclass StoredRef(TypedDict):\n    path: str\n    line: int\n\n\nclass Migration(migrations.Migration):\n    operations = []\n"}),
    ("a module imports what is gone", {"app/shadow.py": "from app.gone_too import X\n"}),
    ("a package of its name appears beside it", {"app/shadow/__init__.py": "Y = 1\n"}),
    ("and goes", {"app/shadow/__init__.py": None}),
    ("a module names one add-on by its absolute name", {"app/addon_use.py": "from addons.nk.server.version import __version__\n"}),
    ("and stops", {"app/addon_use.py": "X = 1\n"}),
]


def _subjects(violations) -> Counter:
    return Counter((v.rule, v.path, v.line, v.key) for v in violations)


def test_every_step_finds_what_check_finds():
    settings = config_from_text(CONFIG)
    rules = RulesOverHistory()
    seen_rules: set[str] = set()
    labels = ["the first tree", *(what for what, _ in STEPS)]
    memo: Summaries = {}  # each content parsed once, for the walk and the fresh models
    for what, (files, model) in zip(labels, models_over(BASE, (writes for _, writes in STEPS), settings, memo)):
        found = rules(model)
        expected = run_rules(model_in_memory(files, settings, summaries=memo))
        assert _subjects(found) == _subjects(expected), what
        seen_rules |= {v.rule for v in expected}
    assert {"SSOT000", "SSOT001", "SSOT002", "SSOT003", "SSOT004", "SSOT005", "SSOT006"} <= seen_rules  # as they claim


def test_facts_a_model_takes_over_from_the_previous_one_equal_a_fresh_models():
    """What a model built from the previous one counts or classifies incrementally (the
    modules absolute imports name, test data, the folders a loader runs) is, at every
    step, what a model built from scratch finds."""
    settings = config_from_text(CONFIG)
    labels = ["the first tree", *(what for what, _ in STEPS)]
    memo: Summaries = {}  # each content parsed once, for the walk and the fresh models
    for what, (files, model) in zip(labels, models_over(BASE, (writes for _, writes in STEPS), settings, memo)):
        fresh = model_in_memory(files, settings, summaries=memo)
        assert model.absolutely_named == fresh.absolutely_named, what
        assert model.test_data == fresh.test_data, what
        assert model.importers == fresh.importers, what
        for running in ((3, 11), (3, 40)):
            assert imported_from_newer_python(model, running) == imported_from_newer_python(fresh, running), (what, running)


def test_script_folders_a_model_takes_over_equal_a_fresh_models():
    """SSOT003's reading of the folders on ``sys.path`` besides the source roots (scripts'
    own folders, services, conftest inserts), which a model takes over per file from the
    previous one, is at every step what a model built from scratch reads."""
    settings = config_from_text(CONFIG)
    labels = ["the first tree", *(what for what, _ in STEPS)]
    memo: Summaries = {}  # each content parsed once, for the walk and the fresh models
    for what, (files, model) in zip(labels, models_over(BASE, (writes for _, writes in STEPS), settings, memo)):
        fresh = model_in_memory(files, settings, summaries=memo)
        got, want = _script_folders(model), _script_folders(fresh)
        assert (got.script_roots, got.service_roots, got.answered) == (want.script_roots, want.service_roots, want.answered), what
        assert got.key() == want.key(), what


def test_import_time_closures_a_model_takes_over_equal_a_fresh_models():
    """What importing each module runs (with and without its packages), asked of every
    model of the walk so that each takes over all of the previous one's answers, is at
    every step what a model built from scratch answers."""
    settings = config_from_text(CONFIG)
    labels = ["the first tree", *(what for what, _ in STEPS)]
    memo: Summaries = {}  # each content parsed once, for the walk and the fresh models
    for what, (files, model) in zip(labels, models_over(BASE, (writes for _, writes in STEPS), settings, memo)):
        fresh = model_in_memory(files, settings, summaries=memo)
        for module in sorted(set(model.modules) | set(fresh.modules)):
            for skip in (frozenset(), frozenset(module.split(".")[:1])):
                assert model.import_time_closure(module, skip) == fresh.import_time_closure(module, skip), (what, module, skip)


@pytest.mark.parametrize(
    "writes, expected",
    [
        # A leaf test file: only itself.
        ({"tests/test_leaf.py": "\n" + BASE["tests/test_leaf.py"]}, ({"tests/test_leaf.py"}, {"tests/test_leaf.py"})),
        # A base class's module: its importers directly, and their importers through it.
        (
            {"tests/mid.py": "class Mid:\n    pass\n"},
            ({"tests/mid.py", "tests/base.py"}, {"tests/mid.py", "tests/base.py", "tests/test_x.py"}),
        ),
        # A module whose importers read nothing new (a body and lines change, the names it
        # binds do not): only itself, however many files import it.
        (
            {"fw/cases.py": "# the framework's cases\n\n" + BASE["fw/cases.py"]},
            ({"fw/cases.py"}, {"fw/cases.py"}),
        ),
        # A star-imported module: the star importer and its importers, directly.
        (
            {"app/core.py": "class Other:\n    pass\n"},
            ({"app/core.py", "app/facade.py", "app/user.py"}, {"app/core.py", "app/facade.py", "app/user.py"}),
        ),
    ],
)
def test_a_change_affects_only_what_can_read_it(writes, expected):
    """The point of the exercise: a leaf's change checks one file again, not the tree."""
    settings = config_from_text(CONFIG)
    before = model_in_memory(BASE, settings)
    snapshot = Snapshot.of(before)
    after = model_in_memory({**BASE, **writes}, settings, previous=before)
    change = Change(snapshot, after)
    assert (change.affected_paths(closure=False), change.affected_paths(closure=True)) == expected


@pytest.mark.parametrize(
    "writes, kept, names",
    [
        ({"tests/test_leaf.py": "\n" + BASE["tests/test_leaf.py"]}, {"SSOT002"}, set()),
        ({"app/pick.py": "from app.one import RetryConfig\n"}, {"SSOT002"}, {"RetryConfig"}),  # the copy to keep may change
        # an importer of a copy imports from a module whose names change: the copy's are as they were
        ({"app/lm.py": "X = 1\nY = 2\n"}, {"SSOT002"}, set()),
        # an importer of a copy changes elsewhere: what it imports is as it was
        ({"app/pick.py": "from app.two import RetryConfig\n\nretries = RetryConfig()\n"}, {"SSOT002"}, set()),
        ({"app/cyc_a.py": "\n" + BASE["app/cyc_a.py"]}, set(), set()),  # the cycle's lines move
        ({"app/lm.py": "from app import cyc_a\n"}, set(), set()),  # a new cycle, away from every copy
        ({"app/e2.py": "\n" + STATUS}, {"SSOT002"}, {"Status"}),
        # the pair is gone; a module leaving touches its package: what imports from it is read again
        ({"app/two.py": None}, {"SSOT002"}, {"RetryConfig", "Backoff", "Handler"}),
        ({"app/helper.py": "from app import two\n"}, {"SSOT002"}, {"RetryConfig"}),  # one copy's module now loads the other
        # a module between two copies' modules stops loading the next one
        ({"app/far_c.py": "X = 1\n"}, {"SSOT002"}, {"Backoff"}),
        ({"app/__init__.py": "from app import two\n"}, set(),
         {"RetryConfig", "Status", "Backoff", "Handler", "WebSocketManager", "UnifiedWebSocketManager"}),  # a package every module of it runs
        # test code importing a copy counts for neither rule
        ({"tests/test_uses.py": "from app.two import RetryConfig\n"}, {"SSOT002"}, set()),
    ],
)
def test_rules_over_the_whole_tree_keep_their_findings_only_when_nothing_they_read_changed(writes, kept, names):
    """SSOT002 keeps all its findings or none; SSOT001 and SSOT006 check again only the
    class names the change can concern."""
    from ssotlint.model.changes import Since
    from ssotlint.rules.registry import ALL_RULES

    settings = config_from_text(CONFIG)
    before = model_in_memory(BASE, settings)
    since = Since(before.reachability, frozenset())
    snapshot = Snapshot.of(before)
    files = {path: text for path, text in {**BASE, **writes}.items() if text is not None}
    change = Change(snapshot, model_in_memory(files, settings, previous=before))
    answers = {r.code for r in ALL_RULES if r.unchanged is not None and r.unchanged(change, change.since(since))}
    assert answers == kept
    by_name = {r.code: r.affected_names(change, change.since(since)) for r in ALL_RULES if r.affected_names is not None}
    assert by_name == {"SSOT001": names, "SSOT006": names}


def _per_file_examples():
    from ssotlint.rules.registry import ALL_RULES

    for rule in ALL_RULES:
        if rule.check_files is not None:
            for n, example in enumerate((*rule.valid, *rule.invalid)):
                yield pytest.param(rule, example, id=f"{rule.code}-{n}")


@pytest.mark.parametrize("rule, example", list(_per_file_examples()))
def test_checking_one_file_finds_what_checking_all_finds_there(rule, example):
    """The contract of ``check_files``: a file's findings are the same whichever other files
    are checked with it, on every example the rule carries."""
    project = model_in_memory(example.files, config_from_text(example.config))
    everything = _subjects(rule.check(project))
    for f in project.files:
        alone = _subjects(rule.check_files(project, [f]))
        assert alone == Counter({k: n for k, n in everything.items() if k[1] == f.path}), f.path
