"""ssotlint: keep a Python monorepo on a single source of truth."""

import sys as _sys


def _forget_the_working_directory() -> None:
    """``python -m ssotlint`` puts the working directory first on ``sys.path`` (unless Python
    runs with ``-P``), so a module there named like one of the standard library's that
    ssotlint imports later (an audited repository's own ``bisect.py`` or ``difflib.py``, run
    from its root) would be imported, and run, in its place. While Python looks for the
    module to run, ``sys.argv[0]`` is ``"-m"``: only then is the entry taken out, before
    anything else is imported. The package itself is already found, and finds its modules
    through its own ``__path__``."""
    if _sys.argv[:1] != ["-m"] or not _sys.path or getattr(_sys.flags, "safe_path", False):
        return
    import os  # already loaded by the interpreter's start-up: no module of the directory

    try:
        here = os.getcwd()
    except OSError:
        here = None
    if _sys.path[0] in ("", ".", here):
        del _sys.path[0]


_forget_the_working_directory()

__version__ = "0.1.0"
