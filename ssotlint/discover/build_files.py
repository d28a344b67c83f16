"""Reading build declarations (never running them): which modules a build creates.

Two kinds of build file are read here, both as text, none executed:

- Python build scripts (``setup.py``, ``_setup.py``, ``setup_package.py``, cffi's
  ``_corecffi_build.py`` ...): :func:`is_build_script` says which files are read,
  :func:`script_modules` the dotted module names they declare (``Extension("pkg._fast")``,
  cffi's ``ffi.set_source("pkg._ffi", ...)``), parsed with ``ast``;
- meson's ``meson.build`` files (:func:`meson_declarations`): ``py.extension_module('_x',
  ..., subdir: 'pkg/sub')`` builds a compiled module, ``py.install_sources([...], subdir:
  'pkg/sub')`` installs Python files into a package, and an install whose ``subdir`` is
  computed (``external_dir / prefix`` over a subproject's file list) installs modules that
  cannot be named under the literal part of it.
"""

from __future__ import annotations

import ast
import re
from typing import Iterable, Iterator, NamedTuple

from ssotlint.config_project import setup_calls

# Words in a Python file's name that make it a build script worth reading for declared
# extensions: ``setup.py``, ``_setup.py``, ``setup_package.py``, ``build_ext.py``,
# ``_corecffi_build.py``, a cffi builder such as python-zstandard's ``make_cffi.py``. Only
# these files are read a second time.
_BUILD_WORDS = ("setup", "build", "cffi")


def is_build_script(name: str) -> bool:
    """``name`` (a file name) is a Python file whose name says it builds or sets up the
    project (:data:`_BUILD_WORDS`), not a test of it."""
    if not name.endswith(".py") or name.startswith("test_") or name.endswith("_test.py"):
        return False
    stem = name[: -len(".py")].lower()
    return any(word in stem for word in _BUILD_WORDS) and stem != "conftest"


# ``cffi_modules=["pygit2/_run.py:ffi"]``: a cffi build script named by setup.py's keyword.
_CFFI_MODULES = re.compile(r"""cffi_modules\s*=\s*\[([^\]]*)\]""")
_CFFI_SCRIPT = re.compile(r"""["']([^"':]+\.py):[A-Za-z_]\w*["']""")


def cffi_scripts(text: str | None) -> list[str]:
    """The build scripts a ``setup.py`` names in ``cffi_modules=[...]`` (``"pygit2/_run.py:
    ffi"``), relative to its folder, read as text: each is a cffi build script, whatever its
    name (its ``ffi.set_source("pygit2._libgit2", ...)`` declares the compiled module)."""
    if not text or "cffi_modules" not in text:
        return []
    found: list[str] = []
    for match in _CFFI_MODULES.finditer(text):
        for path in _CFFI_SCRIPT.findall(match.group(1)):
            parts = path.lstrip("./").split("/")
            if ".." not in parts:
                found.append("/".join(parts))
    return found


def _dotted(value: object) -> str | None:
    """A string that is a dotted module name."""
    if isinstance(value, str) and value and all(part.isidentifier() for part in value.split(".")):
        return value
    return None


def _callee(node: ast.Call) -> str:
    """The called name: ``Extension`` for ``Extension(...)`` and ``setuptools.Extension(...)``."""
    func = node.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def script_modules(text: str | None) -> list[str]:
    """The module names a Python build script declares, as string literals: the first
    argument (or ``name=``) of any call whose name ends in ``Extension`` or names Cython
    (Ren'Py's ``cython("renpy.display.render")`` helper), and the first argument (or
    ``module_name=``) of cffi's ``<builder>.set_source(...)``; or a parameter of the
    enclosing function's whose default is such a literal. A name computed by an f-string
    (``cython(f"renpy.styledata.style_{p}functions")``) declares modules of the package its
    literal start names, ``renpy.styledata.*``: which ones is not known; so does one
    formatted with ``%`` or ``.format()`` (dgl's ``"dgl._ffi.%s.%s" % (subdir, fn[:-4])``,
    one per Cython source, declares ``dgl._ffi.*``). The file is parsed, never run."""
    if not text or ("Extension" not in text and "set_source" not in text and "cython" not in text):
        return []
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return []
    found: list[str] = []
    defaults = _parameter_defaults(tree)
    aliases = _extension_aliases(tree)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        callee = _callee(node)
        if callee.endswith("Extension") or (isinstance(node.func, ast.Name) and callee in aliases) or callee.lower() == "cython":
            # setuptools-rust's ``RustExtension(target="biotite.rust", ...)`` names it ``target``.
            keyword = "target" if callee == "RustExtension" else "name"
        elif callee == "set_source" and isinstance(node.func, ast.Attribute):
            keyword = "module_name"
        else:
            continue
        values = [k.value for k in node.keywords if k.arg == keyword] or node.args[:1]
        for value in values:
            if isinstance(value, ast.Constant):
                name = _dotted(value.value)
            elif isinstance(value, ast.JoinedStr) and value.values and isinstance(value.values[0], ast.Constant):
                package = str(value.values[0].value).rpartition(".")[0]
                name = f"{package}.*" if _dotted(package) else None
            elif (template := _template(value)) is not None:
                # ``"dgl._ffi.%s.%s" % (subdir, stem)``, ``"pkg.{}".format(stem)``: as an
                # f-string, the package its literal start names.
                package = re.split(r"%|\{", template, maxsplit=1)[0].rpartition(".")[0]
                name = f"{package}.*" if _dotted(package) else None
            elif isinstance(value, ast.Name):
                found.extend(defaults.get(value.id, ()))
                continue
            else:
                name = None
            if name:
                found.append(name)
    return found


def _template(value: ast.expr) -> str | None:
    """The string of a ``%`` formatting or a ``.format()`` call on a string literal."""
    if isinstance(value, ast.BinOp) and isinstance(value.op, ast.Mod) and isinstance(value.left, ast.Constant):
        return value.left.value if isinstance(value.left.value, str) else None
    if (
        isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr == "format"
        and isinstance(value.func.value, ast.Constant) and isinstance(value.func.value.value, str)
    ):
        return value.func.value.value
    return None


def _extension_aliases(tree: ast.Module) -> frozenset[str]:
    """Names the script binds to an extension class (detectron2's ``extension =
    CppExtension``, then ``extension = CUDAExtension`` when CUDA is found), so that
    ``extension("detectron2._C", sources)`` declares ``detectron2._C``: every value bound
    to the name is a class whose name ends in ``Extension``."""
    bound: dict[str, bool] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    value = node.value
                    name = value.id if isinstance(value, ast.Name) else value.attr if isinstance(value, ast.Attribute) else ""
                    bound[target.id] = bound.get(target.id, True) and name.endswith("Extension")
    return frozenset(name for name, extension in bound.items() if extension)


def _parameter_defaults(tree: ast.Module) -> dict[str, list[str]]:
    """The dotted module names the script's functions take as parameter defaults, by
    parameter: python-zstandard's ``def get_c_extension(..., name="zstandard.backend_c")``
    returns ``Extension(name, sources, ...)``, and ``setup.py`` calls it with the default."""
    found: dict[str, list[str]] = {}
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            args = node.args
            positional = [*args.posonlyargs, *args.args]
            pairs = [*zip(positional[len(positional) - len(args.defaults):], args.defaults), *zip(args.kwonlyargs, args.kw_defaults)]
            for arg, default in pairs:
                name = _dotted(default.value) if isinstance(default, ast.Constant) else None
                if name and "." in name:
                    found.setdefault(arg.arg, []).append(name)
    return found


class MesonDeclarations(NamedTuple):
    """What one ``meson.build`` says a build installs. ``here``: module names (no dots)
    built into the meson.build's own folder; ``dotted``: compiled module names placed by
    an install ``subdir`` (``scipy.special._ufuncs``); ``installed``: Python modules
    installed into a package from elsewhere (``src/version.py`` installed with ``subdir:
    'pkg/_external/packaging_version'``); ``trees``: install folders (``scipy/_external``)
    that receive modules whose names are computed."""

    here: list[str]
    dotted: list[str]
    installed: list[str]
    trees: list[str]


_STRING = re.compile(r"'''(.*?)'''|'((?:[^'\\\n]|\\.)*)'", re.DOTALL)
_CALL = re.compile(r"\b(extension_module|install_sources|custom_target)\s*\(")


def _strip_comments(text: str) -> str:
    """``text`` without meson comments (``#`` to the end of a line, outside strings)."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "'":
            end = _string_end(text, i)
            out.append(text[i:end])
            i = end
        elif c == "#":
            nl = text.find("\n", i)
            i = n if nl < 0 else nl
        else:
            out.append(c)
            i += 1
    return "".join(out)


def _string_end(text: str, start: int) -> int:
    """The index just past the meson string starting at ``start`` (``'...'`` or ``'''...'''``)."""
    if text.startswith("'''", start):
        end = text.find("'''", start + 3)
        return len(text) if end < 0 else end + 3
    i = start + 1
    while i < len(text) and text[i] not in "'\n":
        i += 2 if text[i] == "\\" else 1
    return min(i + 1, len(text))


def _arguments(text: str, start: int) -> list[str]:
    """The top-level arguments of the call whose ``(`` is just before ``start``, as text
    (strings kept whole; brackets balanced)."""
    args: list[str] = []
    depth, i, begin = 0, start, start
    while i < len(text):
        c = text[i]
        if c == "'":
            i = _string_end(text, i)
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            if depth == 0:
                args.append(text[begin:i])
                break
            depth -= 1
        elif c == "," and depth == 0:
            args.append(text[begin:i])
            begin = i + 1
        i += 1
    return [a.strip() for a in args if a.strip()]


def _keyword(arg: str) -> tuple[str | None, str]:
    """(``subdir``, ``'pkg/sub'``) for ``subdir: 'pkg/sub'``; (None, arg) for a positional one."""
    match = re.match(r"([A-Za-z_]\w*)\s*:(?!:)\s*(.*)\Z", arg, re.DOTALL)
    return (match.group(1), match.group(2).strip()) if match else (None, arg)


def _literal(expr: str) -> str | None:
    """The value of ``expr`` when it is one plain string literal."""
    match = _STRING.fullmatch(expr.strip())
    return None if match is None else (match.group(1) if match.group(1) is not None else match.group(2))


def _assigned(text: str, name: str) -> Iterator[str]:
    """The expressions assigned to the variable ``name`` (``name = ...``, ``name += ...``)
    at the start of a line, each up to the end of its statement."""
    for expr, _ in _assignments(text, name):
        yield expr


def _assignments(text: str, name: str) -> Iterator[tuple[str, bool]]:
    """Each expression assigned to ``name`` (:func:`_assigned`), and whether it is added
    (``+=``) to what the variable held."""
    for match in re.finditer(rf"(?m)^[ \t]*{re.escape(name)}[ \t]*(\+?)=(?!=)", text):
        yield _first_line(text[match.end() :]), bool(match.group(1))


def _first_line(expr: str) -> str:
    """The statement at the start of ``expr``: up to a newline outside brackets and strings."""
    depth, i = 0, 0
    while i < len(expr):
        c = expr[i]
        if c == "'":
            i = _string_end(expr, i)
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif c == "\n" and depth <= 0:
            return expr[:i]
        i += 1
    return expr


def _strings(expr: str, text: str, at: int | None = None) -> list[str]:
    """The string literals in ``expr``, and in what a bare variable it names was assigned
    (one level: ``python_sources = files('a.py', 'b.py')``). With ``at``, the position of
    the call that reads the variable, only what it holds there: the assignments before
    it, from the last ``=`` on (PYME's ``py_sources`` assigned anew before each
    ``install_sources``, each list installed into its own ``subdir``)."""
    name = expr.strip()
    if re.fullmatch(r"[A-Za-z_]\w*", name):
        if at is None:
            return [s for e in _assigned(text, name) for s in _strings_in(e)]
        held: list[str] = []
        for assigned, added in _assignments(text[:at], name):
            held = held + _strings_in(assigned) if added else _strings_in(assigned)
        return held
    return _strings_in(expr)


def _strings_in(expr: str) -> list[str]:
    return [m.group(1) if m.group(1) is not None else m.group(2) for m in _STRING.finditer(expr)]


def _subdir(expr: str, text: str) -> tuple[str | None, bool]:
    """An install ``subdir`` as (folder, computed): ``'pkg/sub'`` and ``'pkg' / 'sub'`` are
    (``pkg/sub``, False); ``external_dir / prefix`` with ``external_dir = 'pkg/ext'``
    assigned once and ``prefix`` a loop variable is (``pkg/ext``, True): the literal
    operands before the first one that is not; with none, (None, True)."""
    known: list[str] = []
    operands = _operands(expr)
    for operand in operands:
        value = _literal(operand)
        if value is None and re.fullmatch(r"[A-Za-z_]\w*", operand):
            values = [_literal(e) for e in _assigned(text, operand)]
            value = values[0] if len(values) == 1 else None
        if value is None:
            break
        known.append(value)
    computed = len(known) < len(operands)
    return (_clean("/".join(known)) if known else None), computed


def _operands(expr: str) -> list[str]:
    """``['external_dir', 'prefix']`` of ``external_dir / prefix``: split at each ``/``
    outside strings."""
    parts: list[str] = []
    i, begin = 0, 0
    while i < len(expr):
        if expr[i] == "'":
            i = _string_end(expr, i)
        elif expr[i] == "/":
            parts.append(expr[begin:i].strip())
            i += 1
            begin = i
        else:
            i += 1
    parts.append(expr[begin:].strip())
    return parts


def _clean(folder: str) -> str | None:
    """A relative install folder (``pkg/sub``), or None for one that leaves the tree."""
    parts = [p for p in folder.strip().strip("/").split("/") if p and p != "."]
    if not parts or ".." in parts or not all(p.isidentifier() for p in parts):
        return None
    return "/".join(parts)


def meson_declarations(text: str | None) -> MesonDeclarations:
    """The modules one ``meson.build`` (its text) builds or installs (see
    :class:`MesonDeclarations`). Read as text: literal names, and variables assigned once
    in the same file; what only running meson would tell (a name from a loop variable) is
    not guessed."""
    declared = MesonDeclarations([], [], [], [])
    if not text or not any(call in text for call in ("extension_module", "install_sources", "custom_target")):
        return declared
    text = _strip_comments(text)
    for match in _CALL.finditer(text):
        args = _arguments(text, match.end())
        keywords = dict(_keyword(a) for a in args if _keyword(a)[0])
        positional = [a for a in args if _keyword(a)[0] is None]
        folder, computed = _subdir(keywords["subdir"], text) if "subdir" in keywords else (None, False)
        if match.group(1) == "custom_target":
            # Python modules a generator writes and the build installs beside this
            # meson.build's own (frida-python's ``output: ['__init__.py', ..., 'aio.py']``,
            # ``install: true``): modules of this folder's package, as a compiled one is.
            if keywords.get("install", "").strip() == "true":
                for output in _strings(keywords.get("output", ""), text):
                    stem = output[: -len(".py")] if output.endswith(".py") else ""
                    if stem.isidentifier() and stem != "__init__":
                        declared.here.append(stem)
            continue
        if match.group(1) == "extension_module":
            name = _literal(positional[0]) if positional else None
            if name is None or not name.isidentifier():
                continue
            if folder and not computed:
                declared.dotted.append(folder.replace("/", ".") + "." + name)
            elif "subdir" not in keywords:
                declared.here.append(name)
        elif folder and computed:
            declared.trees.append(folder)
        elif folder:
            for source in (s for a in positional for s in _strings(a, text, at=match.start())):
                stem = source.rpartition("/")[2][: -len(".py")] if source.endswith(".py") else ""
                if stem.isidentifier() and stem != "__init__":
                    declared.installed.append(folder.replace("/", ".") + "." + stem)
    return declared


# A Bazel label of another repository: ``"@llvm-project//mlir/python:IRPyFiles"``.
_EXTERNAL_LABEL = re.compile(r"""["']@[\w.-]+//([\w/.+-]*)(?::([\w/.+-]+))?["']""")
# ``srcs = [...]`` or ``"srcs": {...}``: what follows up to the first closing bracket.
_SRCS = re.compile(r"""\bsrcs["']?\s*[=:]\s*[\[{]([^\]}]*)""")
_NOT_PYTHON_SOURCES = (".c", ".cc", ".cpp", ".cxx", ".h", ".hpp", ".cu", ".inc", ".td", ".pyi")


def _python_label(package: str, target: str) -> bool:
    """A label that names Python sources: a ``.py`` file, or a target named for Python
    files (``IRPyFiles``, ``core_py_files``), or one in a ``python`` package of its
    repository that is no C/C++ source or header (``//mlir/python:FuncPyFiles``)."""
    lowered = target.lower()
    if target.endswith(".py") or lowered.endswith(("pyfiles", "py_files", "py_srcs")):
        return True
    return "python" in package.lower().split("/") and not lowered.endswith(_NOT_PYTHON_SOURCES) and "." not in target


def bazel_brings_python(text: str | None) -> bool:
    """Whether a Bazel ``BUILD`` file (its text) brings Python sources from another
    repository into its own folder: a ``srcs`` of a Python rule (``py_library``, or a
    ``symlink_inputs(rule = py_library, symlinked_inputs = {"srcs": {".": [...]}})``)
    naming an external label for Python files (jax's ``jaxlib/mlir/BUILD.bazel`` takes
    ``ir.py`` and ``passmanager.py`` from ``@llvm-project//mlir/python:IRPyFiles``). The
    package then holds modules no file of this repository is."""
    if not text or "@" not in text or "py_" not in text:
        return False
    for srcs in _SRCS.finditer(text):
        for label in _EXTERNAL_LABEL.finditer(srcs.group(1)):
            if _python_label(label.group(1), label.group(2) or label.group(1).rpartition("/")[2]):
                return True
    return False


# ``nanobind_add_module(_ext ...)``, ``pybind11_add_module(_ext ...)``,
# ``Python_add_library(_ext MODULE ...)``, classic scikit-build's ``add_python_library(_ext
# MODULE ...)`` and ``python_extension_module(_ext)``: a Python extension module CMake builds.
_CMAKE_MARKERS = ("_add_", "add_python_library", "python_extension_module", "pybind11_extension")  # cheap pre-checks
_CMAKE_MODULE = re.compile(
    r"""^[ \t]*(?:nanobind_add_module|pybind11_add_module|pybind11_extension|python3?_add_library|add_python_library|python_extension_module|cython_add_module)"""
    r"""\s*\(\s*["']?([A-Za-z_]\w*)["']?[\s)]""",
    re.IGNORECASE | re.MULTILINE,
)


def cmake_modules(text: str | None) -> list[str]:
    """The extension modules a ``CMakeLists.txt`` (its text) builds under a literal name
    (``nanobind_add_module(_gpu_examples NB_STATIC src/gpu_examples.cc)``), or under the
    project's name when the file names its project literally (mmdeploy's
    ``project(mmdeploy_runtime)``, then ``pybind11_add_module(${PROJECT_NAME} ...)``); a
    name made of other variables (``"_${PROJECT}"``) is not guessed."""
    if not text or not any(marker in text for marker in _CMAKE_MARKERS):
        return []
    return list(dict.fromkeys(_CMAKE_MODULE.findall(_with_project_name(text))))


# ``project(NAME ...)``: the name ``${PROJECT_NAME}`` stands for below it.
_CMAKE_PROJECT = re.compile(r"^[ \t]*project\s*\(\s*([A-Za-z_]\w*)[\s)]", re.IGNORECASE | re.MULTILINE)


def _with_project_name(text: str) -> str:
    """``text`` with ``${PROJECT_NAME}`` spelled out, when one ``project(...)`` names it."""
    names = set(_CMAKE_PROJECT.findall(text))
    if len(names) != 1 or "${PROJECT_NAME}" not in text:
        return text
    return text.replace("${PROJECT_NAME}", names.pop())


# ``set(VAR value)``, one value.
_CMAKE_SET = re.compile(r"^[ \t]*set\s*\(\s*([A-Za-z_]\w*)\s+([^\s()]+)\s*\)", re.IGNORECASE | re.MULTILINE)
# ``set_target_properties(T ... PROPERTIES ... LIBRARY_OUTPUT_DIRECTORY dir ...)``.
_CMAKE_TARGET_PROPERTIES = re.compile(r"\bset_target_properties\s*\(([^()]*)\)", re.IGNORECASE)


def cmake_output_folders(text: str | None, folder: str, built: list[str]) -> list[tuple[str, str]]:
    """(module, folder) for each extension a ``CMakeLists.txt`` in ``folder`` builds
    and writes into a folder of the source tree by its target's
    ``LIBRARY_OUTPUT_DIRECTORY`` (mmdeploy's ``ncnn_ext``, written into
    ``${CMAKE_SOURCE_DIR}/mmdeploy/backend/ncnn``, the package that imports it): the folder
    as a path from the repository's root, read when it starts at ``${CMAKE_SOURCE_DIR}``
    (the top ``CMakeLists.txt``'s folder, taken as the root) or
    ``${CMAKE_CURRENT_SOURCE_DIR}``, directly or through one ``set()`` variable.
    ``built``: what :func:`cmake_modules` read of the same text."""
    if not built or not text or "LIBRARY_OUTPUT_DIRECTORY" not in text:
        return []
    text = _with_project_name(_CMAKE_COMMENT.sub("", text))
    variables = {name: value.strip('"') for name, value in _CMAKE_SET.findall(text)}
    found: list[tuple[str, str]] = []
    for call in _CMAKE_TARGET_PROPERTIES.finditer(text):
        words = call.group(1).split()
        if "PROPERTIES" not in words:
            continue
        targets = [w for w in words[: words.index("PROPERTIES")] if w in built]
        for i, word in enumerate(words[:-1]):
            if word.startswith("LIBRARY_OUTPUT_DIRECTORY"):
                place = _source_path(words[i + 1].strip('"'), variables, folder)
                if place is not None:
                    found.extend((target, place) for target in targets)
    return list(dict.fromkeys(found))


def _source_path(value: str, variables: dict[str, str], folder: str) -> str | None:
    variable = re.fullmatch(r"\$\{([A-Za-z_]\w*)\}", value)
    if variable and variable.group(1) in variables:
        value = variables[variable.group(1)]
    for head, base in (("${CMAKE_SOURCE_DIR}", ""), ("${CMAKE_CURRENT_SOURCE_DIR}", folder)):
        if value == head or value.startswith(head + "/"):
            rest = value[len(head) :].strip("/")
            if "$" in rest or ".." in rest.split("/"):
                return None
            return "/".join(p for p in (base, rest) if p)
    return None


# A CMake command call: its name and its arguments, up to the first closing parenthesis
# (a generator expression's ``$<...>`` holds none that matter here).
_CMAKE_CALL = re.compile(r"\b([A-Za-z_]\w*)\s*\(([^()]*)\)")
_CMAKE_COMMENT = re.compile(r"#[^\n]*")


class InstalledFile(NamedTuple):
    """A Python file a ``CMakeLists.txt`` installs from a sub-folder of its own:
    ``source`` its path relative to the CMakeLists.txt's folder (``sub/X.py``),
    ``destination`` the literal end of the folder it goes to (``""``: the folder the
    CMakeLists.txt is in, the package its folder mirrors; ``None``: named by variables alone)."""

    source: str
    destination: str | None


def cmake_installed_files(text: str | None) -> list[InstalledFile]:
    """The Python files in sub-folders that a ``CMakeLists.txt`` (its text) installs, read
    as text: the arguments ``sub/X.py`` of ``install(FILES ... DESTINATION d)`` and of a
    project's own install command (any command whose name has ``install`` in it: isce2's
    ``InstallSameDir(demstitcher/DemStitcher.py ...)``, which installs into the package the
    CMakeLists.txt's folder mirrors). Such a build flattens the tree: the package holds
    ``X.py``, which the source tree keeps one folder down. A file of the CMakeLists.txt's
    own folder counts with a literal destination (deepmd-kit's ``install(FILES __init__.py
    DESTINATION deepmd/lib)``, which makes the package ``deepmd.lib``). A destination that
    is variables alone (``${PYTHON_DIR}``) is ``None``: where it lands is not known."""
    if not text or ".py" not in text or "nstall" not in text.lower():
        return []
    found: list[InstalledFile] = []
    for match in _CMAKE_CALL.finditer(_CMAKE_COMMENT.sub("", text)):
        if "install" not in match.group(1).lower():
            continue
        words = [w.strip("\"'") for w in match.group(2).split()]
        upper = [w.upper() for w in words]
        destination: str | None = ""
        if "DESTINATION" in upper:
            at = upper.index("DESTINATION")
            raw = words[at + 1] if at + 1 < len(words) else ""
            literal = raw.rpartition("}")[2].strip("/") if "$" in raw else raw.strip("/")
            destination = literal if literal and "$" not in literal else None
            words = words[:at]
        for word in words:
            while word.startswith("./"):
                word = word[2:]
            parts = word.split("/")
            if (
                (len(parts) > 1 or destination) and word.endswith(".py") and "$" not in word and ".." not in parts
                and all(parts) and parts[-1][: -len(".py")].isidentifier()
            ):
                found.append(InstalledFile(word, destination))
    return list(dict.fromkeys(found))


# ``install(TARGETS a b LIBRARY DESTINATION "pkg/lib" ...)``: where CMake installs targets.
_CMAKE_INSTALL = re.compile(r"\binstall\s*\(([^()]*)\)", re.IGNORECASE)
_CMAKE_INSTALL_KEYWORDS = frozenset({
    "EXPORT", "RUNTIME_DEPENDENCIES", "RUNTIME_DEPENDENCY_SET", "ARCHIVE", "LIBRARY", "RUNTIME", "OBJECTS",
    "FRAMEWORK", "BUNDLE", "PRIVATE_HEADER", "PUBLIC_HEADER", "RESOURCE", "FILE_SET", "CXX_MODULES_BMI",
    "DESTINATION", "PERMISSIONS", "CONFIGURATIONS", "COMPONENT", "NAMELINK_COMPONENT", "OPTIONAL",
    "EXCLUDE_FROM_ALL", "NAMELINK_ONLY", "NAMELINK_SKIP", "INCLUDES",
})
# scikit-build-core's variables for the wheel's folders: the root of site-packages.
_WHEEL_ROOTS = ("${SKBUILD_PLATLIB_DIR}", "${SKBUILD_PURELIB_DIR}")


def cmake_installed(text: str | None, modules: Iterable[str], project: str | None) -> list[str]:
    """The dotted names under which a ``CMakeLists.txt`` (its text) installs ``modules``,
    the extension modules it builds (:func:`cmake_modules`), into the wheel: ``install(TARGETS
    _ext LIBRARY DESTINATION "${SKBUILD_PROJECT_NAME}/lib")`` is ``awkward_cpp.lib._ext``
    for the project ``awkward_cpp`` (``project``: its ``[project] name``, as
    scikit-build-core spells it). A destination made of other variables is not guessed."""
    modules = set(modules)
    if not modules or not text:
        return []
    found: list[str] = []
    for match in _CMAKE_INSTALL.finditer(text):
        words = [w.strip("\"'") for w in match.group(1).split()]
        if not words or words[0].upper() != "TARGETS":
            continue
        targets = []
        for word in words[1:]:
            if word.upper() in _CMAKE_INSTALL_KEYWORDS:
                break
            targets.append(word)
        destinations = [words[i + 1] for i, w in enumerate(words[:-1]) if w.upper() == "DESTINATION"]
        if not destinations:
            continue
        # An extension module is a LIBRARY (a RUNTIME on Windows), not an ARCHIVE.
        kinds = {words[i - 1].upper(): words[i + 1] for i, w in enumerate(words[:-1]) if w.upper() == "DESTINATION" and i}
        folder = kinds.get("LIBRARY") or kinds.get("RUNTIME") or destinations[0]
        for root in _WHEEL_ROOTS:
            folder = folder.replace(root, "")
        if project:
            folder = folder.replace("${SKBUILD_PROJECT_NAME}", project.replace("-", "_").replace(".", "_"))
        folder = folder.strip("/")
        if "$" in folder:
            # A literal folder below unknown install directories names the package by its
            # own name (psi4's ``${CMAKE_INSTALL_LIBDIR}${PYMOD_INSTALL_LIBDIR}/psi4``).
            folder = folder.rpartition("}")[2].strip("/") if folder.endswith("/" + folder.rpartition("}")[2].strip("/")) else ""
            if not folder or "$" in folder:
                continue
        if not all(part.isidentifier() for part in folder.split("/") if part):
            continue
        package = folder.replace("/", ".")
        found.extend(f"{package}.{t}" if package else t for t in targets if t in modules)
    return list(dict.fromkeys(found))


# ``module(name = "jax")`` in ``MODULE.bazel``; ``workspace(name = "jax")`` in ``WORKSPACE``.
_BAZEL_NAME = re.compile(r"""^[ \t]*(?:module|workspace)\s*\(\s*name\s*=\s*["']([A-Za-z_]\w*)["']""", re.MULTILINE)


def bazel_repository_name(text: str | None) -> str | None:
    """The name a root ``MODULE.bazel`` / ``WORKSPACE`` gives the repository, under which
    Bazel's Python rules may import its top-level folders (``jax.jaxlib`` for ``jaxlib/``)."""
    match = _BAZEL_NAME.search(text) if text else None
    return match.group(1) if match else None


def scm_version_file(text: str | None) -> str | None:
    """The file a setup.py's ``setup()`` call tells setuptools-scm to write the version to
    (``use_scm_version={"write_to": "pkg/version.py"}``, also ``version_file``; the path a
    string literal or ``os.path.join`` of literals: PypeIt's ``os.path.join('pypeit',
    'version.py')``), relative to the script's folder, as a POSIX path; None when it says
    none. Read with ``setup_calls``: the file is parsed, never run."""
    if not text or "use_scm_version" not in text:
        return None
    for call in setup_calls(text):
        for keyword in call.keywords:
            if keyword.arg != "use_scm_version" or not isinstance(keyword.value, ast.Dict):
                continue
            for key, value in zip(keyword.value.keys, keyword.value.values):
                if isinstance(key, ast.Constant) and key.value in ("write_to", "version_file"):
                    path = _literal_path(value)
                    if path is not None:
                        return path
    return None


def _literal_path(node: ast.expr) -> str | None:
    """A path written as a string literal, or ``os.path.join`` (``path.join``, ``join``) of
    string literals, as a POSIX path; None for anything computed."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value.replace("\\", "/").lstrip("./") or None
    if isinstance(node, ast.Call) and _callee(node).endswith("join") and node.args and not node.keywords:
        parts = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
        if len(parts) == len(node.args):
            return "/".join(p.strip("/") for p in parts if p.strip("/")) or None
    return None


# A quoted GN string (GN strings cannot span lines).
_GN_STRING = re.compile(r'"([^"\n]*)"')


def gn_placed(text: str | None) -> list[str]:
    """What a ``BUILD.gn`` puts into its own folder, relative to it, read as text: the
    destination of each ``"source=>destination"`` mapping its targets copy (the form GN
    resource templates take: ten-framework's tests each get the shared helpers as
    ``"//tests/utils/${rel}=>utils/${rel}"`` beside their ``test_case.py``, which imports
    them as ``from .utils import cmd_exec``). A destination ending in ``.py`` is that
    file; one computed from a variable below a literal folder (``utils/${rel}``) is that
    folder followed by ``/**`` (``files.UNKNOWN_TREE``): something is there, nothing known
    of it. Destinations outside the folder (``//``, ``$root_out_dir``, ``..``) are not read."""
    found: list[str] = []
    for match in _GN_STRING.finditer(text or ""):
        _, arrow, target = match.group(1).partition("=>")
        target = target.strip()
        parts = target.split("/")
        if not arrow or not target or target.startswith(("/", "$")) or ".." in parts or "" in parts:
            continue
        folder, _, leaf = target.rpartition("/")
        if "$" in folder:
            continue
        if "$" in leaf:
            if folder:
                found.append(folder + "/**")
        elif leaf.endswith(".py"):
            found.append(target)
    return list(dict.fromkeys(found))
