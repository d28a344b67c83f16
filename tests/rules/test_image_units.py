"""A folder whose own Dockerfile copies it whole into an image (NVIDIA's
DeepLearningExamples: one image per example project) is a deployment unit of its own, run
from that copy: its copies of another project's helpers are its own (SSOT001), and its
modules import the folders beside them by their bare names (SSOT003)."""

from __future__ import annotations

_AFFINITY = "class Device:\n    def __init__(self, index):\n        self.index = index\n\n    def cores(self):\n        return [self.index]\n"


def _check(make_repo, cli, files: dict[str, str], rules: str, name: str = "repo") -> list[tuple[str, str, int]]:
    root = make_repo(files, name=name)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", rules)
    return sorted((v["rule"], v["path"], v["line"]) for v in result.json()["violations"])


def _examples(dockerfile: str | None) -> dict[str, str]:
    files = {
        "PyTorch/Detection/Efficientdet/setup.py": "from setuptools import setup\n\nsetup(name='effdet')\n",
        "PyTorch/Detection/Efficientdet/utils/__init__.py": "",
        "PyTorch/Detection/Efficientdet/utils/gpu_affinity.py": _AFFINITY,
        "PyTorch/Detection/Efficientdet/train.py": "from utils.gpu_affinity import Device\n\nprint(Device(0).cores())\n",
        "TensorFlow2/Segmentation/UNet3P/utils/general_utils.py": "def join_paths(*parts):\n    return '/'.join(parts)\n",
        "TensorFlow2/Segmentation/UNet3P/utils/gpu_affinity.py": _AFFINITY,
        "TensorFlow2/Segmentation/UNet3P/data_generators/data_generator.py": (
            "from utils.general_utils import join_paths\nfrom utils.gpu_affinity import Device\n\n"
            "print(join_paths('a', 'b'), Device(1).cores())\n"
        ),
    }
    if dockerfile is not None:
        files["PyTorch/Detection/Efficientdet/Dockerfile"] = "FROM nvcr.io/pytorch\nWORKDIR /workspace/effdet\nCOPY . .\n"
        files["TensorFlow2/Segmentation/UNet3P/Dockerfile"] = dockerfile
    return files


def test_two_examples_each_shipped_in_an_image_of_its_own_folder_keep_their_own_copies(make_repo, cli):
    findings = _check(make_repo, cli, _examples("FROM nvcr.io/tensorflow\nADD . /workspace/unet3p\nWORKDIR /workspace/unet3p\n"), "SSOT001,SSOT003")
    assert findings == []


def test_without_the_images_the_copies_and_the_bare_imports_are_judged_as_before(make_repo, cli):
    findings = _check(make_repo, cli, _examples(None), "SSOT001,SSOT003")
    assert ("SSOT001", "TensorFlow2/Segmentation/UNet3P/utils/gpu_affinity.py", 1) in findings
    assert ("SSOT003", "TensorFlow2/Segmentation/UNet3P/data_generators/data_generator.py", 1) in findings


def test_a_name_missing_from_the_images_own_folder_is_still_reported(make_repo, cli):
    files = _examples("FROM nvcr.io/tensorflow\nADD . /workspace/unet3p\nWORKDIR /workspace/unet3p\n")
    files["TensorFlow2/Segmentation/UNet3P/predict.py"] = "from utils.general_utils import get_gpus_count\n"
    findings = _check(make_repo, cli, files, "SSOT003")
    assert findings == [("SSOT003", "TensorFlow2/Segmentation/UNet3P/predict.py", 1)]


def test_a_dockerfile_below_a_shipped_folder_is_built_from_that_folder(make_repo, cli):
    """Jasper's ``triton/Dockerfile`` (``docker build . -f triton/Dockerfile``) copies the
    project, not ``triton/``: a module there still reads the project's ``inference.py``."""
    files = {
        "Jasper/Dockerfile": "FROM nvcr.io/pytorch\nWORKDIR /workspace/jasper\nCOPY . .\n",
        "Jasper/inference.py": "def get_parser():\n    return None\n",
        "Jasper/triton/Dockerfile": "FROM nvcr.io/triton\nWORKDIR /workspace/jasper\nCOPY . .\n",
        "Jasper/triton/speech_utils.py": "def normalize(x):\n    return x\n",
        "Jasper/triton/jasper_module.py": "import sys\n\nsys.path.append('./')\nfrom speech_utils import normalize\n\n\n"
        "def main():\n    from inference import get_parser\n    return normalize(get_parser())\n",
        "Transformer/Dockerfile": "FROM nvcr.io/pytorch\nCOPY . /workspace/translation\n",
        "Transformer/inference.py": "def translate():\n    return None\n",
        "Transformer/setup.py": "from setuptools import setup\n\nsetup(name='fairseq', py_modules=['inference'])\n",
    }
    assert _check(make_repo, cli, files, "SSOT003") == []


def test_a_distribution_copied_into_its_image_keeps_its_copies_unless_the_image_installs_it(make_repo, cli):
    """FastSpeech has a ``setup.py`` beside its Dockerfile, which only copies the folder:
    run from that copy, it keeps its own copies. DLRM's image runs ``pip install -e .``:
    an installed distribution is told to share, as any other (another project's install
    after ``cd dgl/python &&`` is not its own)."""
    def files(install: str) -> dict[str, str]:
        found = _examples("FROM nvcr.io/tensorflow\nADD . /workspace/unet3p\nWORKDIR /workspace/unet3p\n")
        found["PyTorch/Detection/Efficientdet/Dockerfile"] = f"FROM nvcr.io/pytorch\nWORKDIR /workspace/effdet\nCOPY . .\n{install}\n"
        return found

    assert _check(make_repo, cli, files("RUN cd dgl/python && python setup.py install"), "SSOT001") == []
    installed = _check(make_repo, cli, files("RUN pip install -e ."), "SSOT001", name="installed")
    assert installed == [("SSOT001", "TensorFlow2/Segmentation/UNet3P/utils/gpu_affinity.py", 1)]
