"""``ssotlint session``: find the commits of a supposedly read-only session that changed behaviour.

The package is split so that the decisions can be tested without git:

* :mod:`.paths` - which category a path belongs to (docs, tests, Python, config...);
* :mod:`.semantics` - whether two versions of a Python file behave the same;
* :mod:`.manifests` - whether a pyproject.toml / setup.py / requirements change touches
  dependencies;
* :mod:`.classify` - one changed file in, one verdict out;
* :mod:`.commits` - the only module that talks to git (read-only plumbing);
* :mod:`.report` - text and JSON output.
"""
