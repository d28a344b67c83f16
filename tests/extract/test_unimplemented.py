"""What a class leaves to its subclasses, and what runs only when a module is a script
(ClassRecord.unimplemented, FileSummary.main_functions): the same from both engines."""

from __future__ import annotations

import pytest

from ssotlint.extract.summarize import summarize

_SOURCE = '''import abc


class Strategy:
    """A base."""

    phil_scope = None

    def __init__(self, params=None):
        self._params = params

    def find_models(self, reflections):
        """Find them."""
        raise NotImplementedError()

    def close(self):
        raise NotImplementedError

    def done(self):
        raise ValueError("no")


class Reader(abc.ABC):
    @abc.abstractmethod
    def read(self):
        return None

    @staticmethod
    def open(path):
        return path


def run():
    return 1


if __name__ == "__main__":

    def func(x):
        return x

    def run():
        return 2
'''


@pytest.mark.parametrize("libcst", [True, False])
def test_unimplemented_methods_and_script_only_functions(libcst):
    summary = summarize(_SOURCE.encode(), use_libcst=libcst)
    assert {c.name: c.unimplemented for c in summary.classes} == {"Strategy": ("close", "find_models"), "Reader": ("read",)}
    assert summary.main_functions == ("func",)  # `run` is defined at the top as well
