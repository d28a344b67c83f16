"""Fixes: carrying out the changes rules propose (``Violation.fix``), safely.

``codemods`` turns one proposal into new source text (LibCST, keeping comments and
formatting); ``plan`` applies the proposals of each file in a worker process and keeps only
results that still compile; ``apply`` writes them atomically and rolls back what re-analysis
shows to be harmful; ``atomic`` is the one way a file is replaced.
"""
