"""What a file reads off a module it holds (``FileSummary.attribute_reads``), which SSOT002's
advice lists: code only, not a comment, a docstring or an import statement, and a ``#``
inside a string does not hide what follows it."""

from __future__ import annotations

import pytest

from ssotlint.extract.summarize import summarize

TEXT = (
    "import pkg\nfrom pkg.util import helper\n# see pkg.in_comment\n\n\nclass T:\n"
    "    '''Read pkg.in_docstring.'''\n    v = pkg.__version__  # pkg.after_code\n\n\n"
    "def f():\n    return pkg.common.x, '#', pkg.after_hash_in_string\n"
)


@pytest.mark.parametrize("use_libcst", [False, True])
def test_only_code_reads_count(use_libcst: bool):
    summary = summarize(TEXT.encode(), use_libcst=use_libcst)
    assert summary.attribute_reads == (("pkg", ("__version__", "after_hash_in_string", "common")),)


@pytest.mark.parametrize("use_libcst", [False, True])
def test_a_string_value_is_no_read_but_a_type_string_is(use_libcst: bool):
    """paramiko's ``self.log_name = "paramiko.transport"`` names a logger: SSOT002's advice
    must not say the module reads ``transport`` off the package. A string that spells a
    type (an annotation, a generic's argument, ``cast``'s type) is read by type checkers."""
    text = (
        "import pkg\nfrom typing import Optional, Literal, cast\n\n\n"
        "class T:\n    def __init__(self):\n        self.log_name = 'pkg.transport'\n"
        "        self.logger = get_logger(\"pkg.channel\")\n"
        "    def f(self, a: 'pkg.Annotated') -> Optional['pkg.Returned']:\n"
        "        mode: Literal['pkg.literal'] = 'pkg.value'\n"
        "        return cast('pkg.Cast', a), f'{pkg.formatted}'\n"
    )
    summary = summarize(text.encode(), use_libcst=use_libcst)
    assert summary.attribute_reads == (("pkg", ("Annotated", "Cast", "Returned", "formatted")),)
