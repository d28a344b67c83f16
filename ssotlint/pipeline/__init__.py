"""The whole pipeline: discover -> (cache | extract) -> model -> rules, one job a module.

- :mod:`.results`: what an analysis produces (:class:`Outcome`, :class:`Analysis`, timings);
- :mod:`.options`: how a run is carried out; progress is a callback the caller passes in;
- :mod:`.caching`: the cache-key policy (content keys, outcome keys, which cache to use);
- :mod:`.source`: the interface of a tree of files, implemented by :mod:`.worktree` (the
  stat/read loop) and :mod:`.revision` (a commit's tree listing and blobs);
- :mod:`.parsing`: summaries from the cache or from a pool of parser workers;
- :mod:`.analyse`: one tree from its source to model and rules.

Commands use the names below.
"""

from ssotlint.pipeline.analyse import analyse_revision, analyse_source, analyse_worktree, build_outcome
from ssotlint.pipeline.caching import open_cache
from ssotlint.pipeline.options import Options, Progress, ProgressFactory
from ssotlint.pipeline.parsing import summarize_blobs
from ssotlint.pipeline.results import Analysis, FileFacts, Outcome, Timings
from ssotlint.pipeline.revision import revision_blobs

__all__ = [
    "Analysis",
    "FileFacts",
    "Options",
    "Outcome",
    "Progress",
    "ProgressFactory",
    "Timings",
    "analyse_revision",
    "analyse_source",
    "analyse_worktree",
    "build_outcome",
    "open_cache",
    "revision_blobs",
    "summarize_blobs",
]
