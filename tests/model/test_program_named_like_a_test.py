"""A program whose file name only looks like a test module's (``*_test.py``) is production:
checkbox's hardware tests are commands its jobs run, not pytest modules."""

from __future__ import annotations

from ssotlint.testing import config_from_text, model_in_memory, run_rule

PROGRAM = (
    "#!/usr/bin/env python3\nimport sys\n\n\nclass Device:\n    def __init__(self, name):\n        self.name = name\n\n"
    "    def probe(self):\n        return self.name\n\n\ndef main():\n    return Device(sys.argv[1]).probe()\n\n\n"
    "if __name__ == '__main__':\n    main()\n"
)


def kinds(files: dict[str, str], config: str = "") -> dict[str, bool]:
    model = model_in_memory(files, config_from_text(config))
    return {f.path: f.is_test for f in model.files}


def test_a_script_named_like_a_test_is_production_and_real_tests_stay_tests():
    found = kinds({
        "bin/audio_test.py": PROGRAM,
        "bin/test_runner_test.py": "import pytest\n\n\ndef test_x():\n    pass\n\n\nif __name__ == '__main__':\n    pytest.main()\n",
        "bin/case_test.py": "import unittest\n\n\nclass TestCase1(unittest.TestCase):\n    pass\n\n\nif __name__ == '__main__':\n    unittest.main()\n",
        "bin/helper_test.py": "class Device:\n    pass\n",
        "tests/net_test.py": PROGRAM,
        "client/setup_job_unittest.py": "import unittest\n\n\nclass SetupJobTest(unittest.TestCase):\n    pass\n",
        "client/setup_job.py": "class SetupJob:\n    pass\n",
        "site/settings/test.py": "from site.settings.base import *\n\nTEST_RUNNER = 'app.tests.Runner'\n",
        "site/settings/base.py": "DEBUG = False\n",
    })
    assert found == {
        "bin/audio_test.py": False,  # a program: a __main__ block and a shebang, no test in it
        "bin/case_test.py": True,
        "bin/helper_test.py": True,  # no __main__ block, no shebang: named for a test, taken as one
        "bin/test_runner_test.py": True,
        "tests/net_test.py": True,  # in the test tree
        "client/setup_job_unittest.py": True,  # unittest discovery's *_unittest.py (autotest)
        "client/setup_job.py": False,
        "site/settings/test.py": True,  # a Django project's test settings (synnefo)
        "site/settings/base.py": False,
    }
    # The project's own patterns are taken at their word.
    assert kinds({"bin/audio_test.py": PROGRAM}, 'test-patterns = ["*_test.py"]\n') == {"bin/audio_test.py": True}


def test_copies_between_such_programs_are_duplicates():
    body = "".join(f"    def step{i}(self, value):\n        return value + {i}\n\n" for i in range(8))
    cls = "class Recorder:\n    rate = 48000\n\n" + body
    files = {
        "providers/base/bin/audio_test.py": "#!/usr/bin/env python3\n" + cls + "\nif __name__ == '__main__':\n    Recorder()\n",
        "providers/base/bin/pipewire_test.py": "#!/usr/bin/env python3\n" + cls + "\nif __name__ == '__main__':\n    Recorder()\n",
    }
    assert [(v.path, v.line) for v in run_rule("SSOT001", files)] != []
