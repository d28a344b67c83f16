"""The .py files a module reads as text by a literal path (extract/writes.py read_files)."""

from __future__ import annotations

import pytest

from ssotlint.extract.summarize import summarize

CASES = [
    ("T = read_file('devscripts/lazy_load_template.py')\n", ["devscripts/lazy_load_template.py"]),
    ("import os\nA = open(os.path.join(HERE, 'tpl', 'mod.py'), encoding='utf-8').read()\n", ["tpl/mod.py"]),
    ("from pathlib import Path\nB = (Path(__file__).parent / 'base.py').read_text()\n", ["base.py"]),
    # Files a benchmark pushes to a machine or locates as resources (PerfKitBenchmarker's
    # `vm.PushDataFile(...)`, `data.ResourcePath(...)`), a format template's as a pattern.
    ("CONFIG = 'mlperf_{benchmark}_{scenario}_custom.py'\n\n\ndef prepare(vm, b, s):\n"
     "    config = CONFIG.format(benchmark=b, scenario=s)\n    vm.PushDataFile(config, '/tmp/custom.py')\n"
     "    vm.PushDataFile('mlperf_custom_list.py', '/tmp/list.py')\n    return data.ResourcePath('agents/common_utils.py')\n",
     ["mlperf_*_*_custom.py", "mlperf_custom_list.py", "agents/common_utils.py"]),
    # A function of the module that reads its parameter as a file, called with a literal
    # path (taipy's stub generator pastes `pyi_header.py` into the `.pyi` it writes); one
    # that only passes its parameter on reads nothing.
    ("from pathlib import Path\n\n\ndef _build_header(filename):\n    _file = Path(filename)\n"
     "    return _file.read_text()\n\n\ndef load(name, where):\n    return open(where).read()\n\n\n"
     "def show(path):\n    print(path)\n\n\nif __name__ == '__main__':\n    header_file = 'stubs/pyi_header.py'\n"
     "    pyi = _build_header(header_file)\n    load('x', 'tpl/body.py')\n    show('shown.py')\n",
     ["stubs/pyi_header.py", "tpl/body.py"]),
    # Written, run in a thread, or no .py: not read as text.
    ("open('out.py', 'w').write(x)\nThread('job.py')\nread_file('data.json')\n", []),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_read_files(text, expected):
    assert list(summarize(text.encode()).read_files) == expected
