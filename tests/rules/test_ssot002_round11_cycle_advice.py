"""SSOT002's advice on shapes a twelfth reading found would break the code (or do more
than needed):

- the component's cut goes through an import needed at import time that many cycles share
  (a module holding handler modules in a list, a re-export hub), while each of those cycles
  has an import of its own read only in functions: that one is advised;
- a statement binding a module of the cycle read only in functions and another module every
  annotation reads (``from . import domain_logic, models``): only the first goes, with no
  advice to postpone annotations;
- ``from pkg import sub`` binding a subpackage whose ``__init__`` re-exports a function of
  the same name (``@action.action``): the advice says what to read instead;
- a module-level write of an attribute of the importer's own package (``pkg.ENV = ...``) is
  not a read of it;
- an import of a module whose decorators register things on an imported object at import
  time stays at import time, when nothing else imports that module;
- a package ``__init__``'s alias of a submodule's object (``config = configurations.config``)
  is not the package's own definition.

Each fixture imports what closes its cycle above what it reads, so that the cycle can fail
(one that cannot is not reported: test_ssot002_cannot_fail.py)."""

from __future__ import annotations

from ssotlint.testing import run_rule


def _messages(files: dict[str, str]) -> list[str]:
    return [v.message for v in sorted(run_rule("SSOT002", files), key=lambda v: (v.path, v.line, v.message))]


def _advice(message: str) -> str:
    return message.partition("; ")[2]


_BACK = "from app import config\n\n\ndef run():\n    return config.X\n"
_HANDLERS = {
    "app/__init__.py": "",
    "app/config.py": "import app.handler as handler\n\nX = 1\nHANDLERS = [handler]\n",
    "app/handler.py": (
        "from app import config\nfrom app.encaps import frames\nfrom app.fileutil import size\n"
        "from app.utils import dtype\n\n\ndef run():\n    return config.X, frames(), size(), dtype()\n"
    ),
    "app/encaps.py": _BACK.replace("run", "frames"),
    "app/fileutil.py": _BACK.replace("run", "size"),
    "app/utils.py": _BACK.replace("run", "dtype"),
}


def test_each_cycle_through_a_shared_needed_import_is_broken_by_its_own_import_read_in_functions():
    """``config`` needs its handler module at import time (a list of handlers), and three
    cycles that can fail go through that import (``handler`` takes names of ``encaps``,
    ``fileutil`` and ``utils``, which import ``config`` back): cutting it is one edge where
    the way back is three, but each way back is read only in functions, and deferring it
    breaks that cycle. (``config`` and ``handler`` alone take only each other's module
    objects, ``handler`` reading ``config`` in a function: that cycle cannot fail.)"""
    messages = _messages(_HANDLERS)
    assert len(messages) == 3
    for message in messages:
        assert "cannot move" not in message, message
    back = {m.partition(" -> ")[2].split(" -> ")[-2] for m in messages}
    assert back == {"app.encaps", "app.fileutil", "app.utils"}
    for message in messages:
        last = message.split(" (part of")[0].split(" -> ")[-2]
        path = last.replace(".", "/") + ".py"
        assert _advice(message) == (
            f"break it by moving {path}:1 `from app import config` into the function that uses it"
        ), message


def test_a_cycle_whose_only_way_back_needs_its_names_keeps_the_advice_to_move_definitions():
    """The control: the way back needs ``config.X`` at import time too: nothing is read only
    in functions, and the needed import keeps its advice."""
    files = {
        "app/__init__.py": "",
        "app/config.py": "import app.handler as handler\n\nX = 1\nHANDLERS = [handler]\n",
        "app/handler.py": "from app import config\n\nDEFAULT = config.X\n",
    }
    [message] = _messages(files)
    assert "cannot move into a function" in message, message


_CASES = {
    "app/__init__.py": "",
    "app/models.py": "class Case:\n    pass\n",
    "app/api.py": (
        "from . import domain_logic, models\n\n\ndef start(case: models.Case) -> models.Case:\n"
        "    return domain_logic.run(case)\n"
    ),
    "app/domain_logic.py": (
        "from . import api\n\n\ndef run(case):\n    return case\n\n\ndef cancel(case):\n    return api.start(case)\n\n\n"
        "def retry(case):\n    return api.start(api.start(api.start(case)))\n\n\nSTART = api.start\n"
    ),
}


def test_a_statement_whose_cycle_name_is_read_in_functions_moves_that_name_alone():
    [message] = _messages(_CASES)
    assert _advice(message) == (
        "break it at app/api.py:1 `from . import domain_logic, models` by moving its import of `domain_logic` "
        "into the function that uses it; its other names stay, app/api.py needs "
        "them while it is imported"
    ), message


def test_annotations_evaluated_for_the_cycle_name_itself_keep_the_advice_to_postpone_them():
    """The control: ``domain_logic`` itself is read then only in annotations (and the way
    back needs ``api`` at import time)."""
    api = "from . import domain_logic\n\n\ndef start(case: domain_logic.Case) -> None:\n    pass\n"
    logic = "from . import api\n\nSTART = api.start\n\n\nclass Case:\n    pass\n"
    files = {**_CASES, "app/api.py": api, "app/domain_logic.py": logic}
    [message] = _messages(files)
    assert "adding `from __future__ import annotations` to app/api.py" in message, message


_ACTIONS = {
    "pkg/__init__.py": "",
    "pkg/utils.py": "X = 1\n",
    "pkg/action/__init__.py": (
        "from pkg.action.add import run_add\nfrom pkg.action.lock import run_lock\nfrom pkg.action.base import action\n"
    ),
    "pkg/action/base.py": "def action(f):\n    return f\n",
    "pkg/action/add.py": "from pkg import action\n\n\n@action.action\ndef run_add():\n    pass\n",
    "pkg/action/lock.py": "from pkg import action, utils\n\n\n@action.action\ndef run_lock():\n    return utils.X\n",
}


def test_a_subpackage_bound_under_the_name_of_a_function_it_re_exports_is_read_differently_once_imported():
    """``from pkg import action`` binds the subpackage ``pkg.action``, read as ``@action.action``
    (the decorator its ``__init__`` re-exports from ``base``): importing ``action`` from
    ``pkg.action.base`` binds the function, so the advice says ``action.action`` becomes
    ``action``; a statement that also binds another module (``utils``) is advised alike."""
    add, lock = _messages(_ACTIONS)
    assert _advice(add) == (
        "break it by importing `action` from pkg.action.base in pkg/action/add.py:1 `from pkg import action`, where "
        "it is defined, not from pkg.action (pkg/action/add.py binds `action` to the module pkg.action and reads "
        "`action.action` off it: once imported by name, read it as `action`, and the module is no longer bound there)"
    ), add
    assert _advice(lock).startswith(
        "break it by importing `action` from pkg.action.base in pkg/action/lock.py:1 `from pkg import action, utils`"
    ), lock
    assert "read it as `action`" in lock, lock


def test_a_module_object_read_under_other_names_needs_no_note():
    """The control: ``from pkg import action as act``, read as ``@act.action``."""
    add = "from pkg import action as act\n\n\n@act.action\ndef run_add():\n    pass\n"
    files = {**_ACTIONS, "pkg/action/add.py": add}
    add_message = _messages(files)[0]
    assert "importing `action` from pkg.action.base" in add_message, add_message
    assert "once imported by name" not in add_message, add_message


_WRITER = {
    "app/__init__.py": "from . import classes, tv\n\nENV = {}\n",
    "app/classes.py": (
        "import app\n\n\nclass EnvVar:\n    pass\n\n\napp.ENV = EnvVar()\n\n\ndef show():\n    return app.tv.NAME\n"
    ),
    "app/tv.py": "NAME = 'x'\n",
}


def test_a_module_level_write_to_its_own_package_is_no_read_of_it():
    """``app.ENV = EnvVar()`` in ``app/classes.py`` sets an attribute of the package, which
    never fails, whatever ``app/__init__.py`` has bound yet: the import reads nothing of the
    package while the module is imported, and functions read it later, so the cycle it
    closes cannot fail and no function can take the import (the write needs it)."""
    assert _messages(_WRITER) == []


def test_an_augmented_write_reads_the_attribute_first():
    """The control: ``app.ENV += ...`` reads ``app.ENV`` while ``classes`` is imported."""
    classes = _WRITER["app/classes.py"].replace("app.ENV = EnvVar()", "app.ENV += EnvVar()")
    [message] = _messages({**_WRITER, "app/classes.py": classes})
    assert "app/classes.py uses `app` while it is imported" in message, message


def test_the_summary_marks_an_attribute_only_set_at_import_time():
    from ssotlint.extract.summarize import summarize

    text = "import app\nimport other\n\napp.ENV = 1\nother.N += 1\nX = app.__file__\n"
    for engine in (True, False):
        reads = dict(summarize(text.encode(), use_libcst=engine).import_time_reads)
        assert reads == {"app": ("=ENV", "__file__"), "other": ("N",)}, (engine, reads)


_FILTERS = {
    "web/__init__.py": "import flask\n\nimport web.app  # noqa: E402\n\nUI = flask.Blueprint('ui', __name__)\n",
    "web/app.py": (
        "import web.filters\nfrom web import UI\n\n\n@UI.route('/')\ndef index():\n    return web.filters.markdown('x')\n"
    ),
    "web/filters.py": "from web import UI\n\n\n@UI.app_template_filter('markdown')\ndef markdown(text):\n    return text\n",
}


def test_the_only_import_of_a_module_that_registers_at_import_time_stays_there():
    """``web/filters.py`` registers its template filters on the blueprint ``UI`` while it is
    imported, and ``web/app.py``'s import is the only one: one view also calls a filter, but
    moving the import into it would leave the templates without filters until it runs. The
    cycle is advised at the filters' own import of the blueprint instead."""
    messages = [m for m in _messages(_FILTERS) if "web.filters" in m]
    [message] = messages
    assert "import web.filters` into the function" not in message, message
    assert _advice(message).startswith("web/filters.py:1 `from web import UI` cannot move into a function"), message


def test_a_registering_module_another_module_imports_too_may_be_deferred_here():
    """The control: ``web/cli.py`` imports the filters too, so ``app``'s import is not the
    one that registers them."""
    cli = "import web.filters\n\n\ndef main():\n    return web.filters.markdown('y')\n"
    messages = [m for m in _messages({**_FILTERS, "web/cli.py": cli}) if "web.app -> web.filters" in m]
    assert messages and all("`import web.filters` into the function that uses it" in m for m in messages), messages


def test_the_summary_records_module_level_dotted_decorators():
    from ssotlint.extract.summarize import summarize

    text = (
        "from web import UI\nimport functools\n\n\n@UI.app_template_filter('x')\ndef f():\n    pass\n\n\n"
        "if True:\n    @functools.lru_cache\n    def g():\n        pass\n\n\nclass A:\n    @UI.inner\n"
        "    def m(self):\n        pass\n\n\n@plain\ndef h():\n    pass\n"
    )
    for engine in (True, False):
        found = summarize(text.encode(), use_libcst=engine).module_decorators
        assert found == ("UI.app_template_filter", "functools.lru_cache"), (engine, found)


_ALIASED = {
    "fx/__init__.py": (
        "from fx import core\nfrom fx import configurations\nconfig: configurations.Config = configurations.config\n"
        "del configurations\n"
    ),
    "fx/configurations.py": "class Config:\n    pass\n\n\nconfig = Config()\n",
    "fx/core/__init__.py": "from fx.core.scope import Scope\n",
    "fx/core/scope.py": "from fx import config as config\n\n\nclass Scope:\n    flag = config\n",
}


def test_a_package_alias_of_a_submodule_object_is_imported_from_that_submodule():
    """``config: Config = configurations.config`` in the package's ``__init__`` binds the
    object ``fx.configurations`` defines (annotated or not): ``scope`` is told to import it
    from there, not to move a definition out of the package."""
    for init in (_ALIASED["fx/__init__.py"], _ALIASED["fx/__init__.py"].replace(": configurations.Config", "")):
        [message] = _messages({**_ALIASED, "fx/__init__.py": init})
        assert _advice(message) == (
            "break it by importing `config` from fx.configurations in fx/core/scope.py:1 `from fx import config as "
            "config`, where it is defined, not from fx"
        ), message


def test_a_package_s_own_annotated_object_is_its_own_definition():
    """The control: ``config: Config = Config()`` is the package's own object."""
    init = "from fx import core\nfrom fx.configurations import Config\nconfig: Config = Config()\n"
    [message] = _messages({**_ALIASED, "fx/__init__.py": init})
    assert "the package's own `__init__` defines them" in message, message


_BACK_TO_STATE = "from acc.state import PartialState\n\n\ndef NAME():\n    return PartialState()\n"
_ACC = {
    "acc/__init__.py": "",
    "acc/log.py": _BACK_TO_STATE.replace("NAME", "get_logger"),
    "acc/state.py": (
        "from acc.utils import needed\nfrom acc.utils.dataclasses import Kind\n\nFLAG = needed()\n\n\n"
        "class PartialState:\n    def kind(self):\n        return Kind\n"
    ),
    "acc/utils/__init__.py": (
        "from acc.utils.dataclasses import Kind\nfrom acc.utils.helpers import needed\nfrom acc.utils.fsdp import fsdp\n"
        "from acc.utils.a import a\nfrom acc.utils.b import b\nfrom acc.utils.c import c\n"
    ),
    "acc/utils/dataclasses.py": "class Kind:\n    pass\n",
    "acc/utils/helpers.py": "def needed():\n    return 1\n",
    "acc/utils/fsdp.py": "from acc.log import get_logger\n\nlogger = get_logger()\n\n\ndef fsdp():\n    pass\n",
    **{f"acc/utils/{n}.py": _BACK_TO_STATE.replace("NAME", n) for n in "abc"},
}


def test_imports_that_go_together_with_one_moving_definitions_give_way_to_one_read_in_functions():
    """``state`` needs ``needed`` from the ``utils`` package at import time, and imports
    ``utils.dataclasses`` too (which runs ``utils/__init__.py``): breaking each cycle there
    takes both (``; and``), one a definitions move; each cycle's own way back into ``state``
    is read only in functions, and is advised instead."""
    messages = _messages(_ACC)
    assert len(messages) == 4
    for message in messages:
        assert _advice(message).startswith("break it by moving acc/"), message
        assert "`from acc.state import PartialState` into the function that uses it" in message, message
