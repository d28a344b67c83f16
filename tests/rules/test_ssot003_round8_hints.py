"""SSOT003's hints never name a different thing as the missing one (round 8): a name the
missing one puts a word in front of (the opposite operation), test code's namesake for an
import that names production code, and the nearest of namesake functions whose parameters
differ."""

from __future__ import annotations

from ssotlint.testing import run_rule


def _messages(files: dict[str, str]) -> dict[tuple[str, int], str]:
    return {(v.path, v.line): v.message for v in run_rule("SSOT003", files)}


def test_a_name_with_a_word_in_front_is_not_offered_but_a_misspelling_is():
    found = _messages({
        "lib/__init__.py": "",
        "lib/fixer_util.py": "def future_import(name): ...\ndef check_future_import(node): ...\n"
        "def future_import2(name): ...\n"
        "def client(): ...\nclass Client: ...\nclass SyncClient: ...\n",
        "lib/fix.py": "from lib.fixer_util import remove_future_import\nfrom lib.fixer_util import sclient\n"
        "from lib.fixer_util import AsyncClient\n",
    })
    assert found[("lib/fix.py", 1)].endswith("; it is not defined anywhere in the project"), found
    assert found[("lib/fix.py", 2)].endswith("did you mean 'client'?"), found
    assert found[("lib/fix.py", 3)].endswith("; it is not defined anywhere in the project"), found


def test_a_test_importing_from_production_is_not_pointed_at_a_test_modules_namesake():
    found = _messages({
        "app/__init__.py": "",
        "app/core/__init__.py": "",
        "app/tests/__init__.py": "",
        "app/tests/dummy_module.py": "def function(): ...\n",
        "app/tests/test_types.py": "def dump():\n    from app.core import function\n",
        # A test importing from test code is still pointed at test code.
        "app/tests/helpers.py": "def make_user(): ...\n",
        "app/tests/test_users.py": "from app.tests.dummy_module import make_user\n",
    })
    assert found[("app/tests/test_types.py", 2)].endswith(
        "; it is defined only in test code (app/tests/dummy_module.py), not in the production code the import names"
    ), found
    assert "it is defined in app.tests.helpers: import it from there" in found[("app/tests/test_users.py", 1)], found


def test_namesake_functions_with_other_parameters_are_not_the_nearest_one():
    pipelines = {
        "app/__init__.py": "",
        "app/pipes/__init__.py": "",
        "app/pipes/inpaint.py": "X = 1\n",
        "app/pipes/onnx_inpaint.py": "def prepare_mask(image, mask, latents_shape): ...\n",
        "app/other/__init__.py": "",
        "app/other/kandinsky.py": "def prepare_mask(image, mask, height, width): ...\n",
        "examples/run.py": "from app.pipes.inpaint import prepare_mask\n",
    }
    found = _messages(pipelines)
    assert "none of them certainly the one meant" in found[("examples/run.py", 1)], found
    # The same parameters everywhere: one function in several places, the nearest advised.
    same = {**pipelines, "app/other/kandinsky.py": "def prepare_mask(image, mask, latents_shape): ...\n"}
    assert "it is defined in app.pipes.onnx_inpaint, the nearest of 2 modules" in _messages(same)[("examples/run.py", 1)]


def test_a_name_of_other_words_is_not_offered_and_a_class_made_by_a_call_is_defined():
    """A name that only shares a last word with the missing one (the base class of every
    exception for a removed ``HttpSyntaxException``), or whose words differ (``get_scores``
    for ``score_keys``), is not offered; a misspelt word is. A class made by a call given
    its own name (``DetectorTypeEnum = StrEnum("DetectorTypeEnum", ...)``) is defined where
    the call binds it: the hint says to import it from there."""
    found = _messages({
        "app/__init__.py": "",
        "app/exceptions.py": "class AppException(Exception): ...\nclass TcpException(AppException): ...\n",
        "app/score.py": "def get_scores(video): ...\n",
        "app/errors.py": "class Client_error(Exception): ...\n",
        "app/config.py": "DetectorConfig = dict\n",
        "app/detectors/__init__.py": "",
        "app/detectors/types.py": "from enum import Enum\nclass StrEnum(str, Enum): ...\n"
        "DetectorTypeEnum = StrEnum('DetectorTypeEnum', {'cpu': 'cpu'})\n",
        "app/use.py": "from app.exceptions import HttpSyntaxException\nfrom app.score import score_keys\n"
        "from app.errors import Client_eror\nfrom app.config import DetectorTypeEnum\n",
    })
    assert found[("app/use.py", 1)].endswith("; it is not defined anywhere in the project"), found
    assert found[("app/use.py", 2)].endswith("; it is not defined anywhere in the project"), found
    assert found[("app/use.py", 3)].endswith("did you mean 'Client_error'?"), found
    assert found[("app/use.py", 4)].endswith("; it is defined in app.detectors.types: import it from there"), found

