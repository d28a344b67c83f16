"""ssotlint: keep a Python monorepo on a single source of truth."""

__version__ = "0.1.0"
