"""The cache-key policy: which cache a run may use, and what each key says.

A file's summary is keyed by its content (its git blob id), so the working tree and every
commit share one entry per distinct content; an outcome is keyed by everything model and
rules depend on.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Mapping, Sequence

from ssotlint.cache import RESULT_SCHEMA, Cache, default_cache_dir
from ssotlint.config import Config
from ssotlint.pipeline.options import Options
from ssotlint.trust import refusal


def result_key(
    config: Config, roots: Sequence[str], path_blob: Mapping[str, str], opaque: Sequence[str], targets: str = ""
) -> str:
    """Everything model and rules depend on: same key, same outcome. ``targets``: the
    fingerprint of nested projects' own Python targets (they decide what parses)."""
    digest = hashlib.sha1(f"{RESULT_SCHEMA}\0{config.fingerprint()}\0{list(roots)!r}\0{targets}".encode())
    digest.update("\n".join(f"{p}\0{path_blob[p]}" for p in sorted(path_blob)).encode("utf-8", "surrogateescape"))
    digest.update(b"\0opaque\0")
    digest.update("\n".join(sorted(opaque)).encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def summary_key(blob: str, target: str | None) -> str:
    """The cache key of a file's summary: its blob id, and the target Python version when
    one judges the files the interpreter rejects (the verdict then depends on it)."""
    return blob if target is None else f"{blob}:{target}"


def parser_target(config: Config) -> tuple[str, str] | None:
    """When the project targets a newer Python than the running one: the version LibCST's
    parser is configured for (the target, or the newest version it knows below it), and the
    warning that says so. None otherwise: the interpreter's own verdict stands. (A tree
    with nested projects: :class:`~ssotlint.pipeline.targets.FileTargets`.)"""
    from ssotlint.pipeline.targets import FileTargets

    targets = FileTargets.of(config)
    version = targets.parser_version("")
    return None if version is None else (version, targets.warnings()[0])


def summary_target(key: str) -> str | None:
    """The target Python version a summary key says (the inverse of :func:`summary_key`)."""
    return key.partition(":")[2] or None


def summary_blob(key: str) -> str:
    """The blob id a summary key is made from."""
    return key.partition(":")[0]


def open_cache(root: Path, options: Options, warnings: list[str]) -> Cache | None:
    """The cache, unless it is off or arrived with the repository (then a warning says so)."""
    if not options.use_cache:
        return None
    directory = options.cache_dir or default_cache_dir(root)
    if (root, directory) not in options.judged:
        options.judged[(root, directory)] = refusal(root, directory)
    refused = options.judged[(root, directory)]
    if refused is not None:
        warnings.append(refused)
        return None
    return Cache.open(directory, warnings, engine=options.parser)
