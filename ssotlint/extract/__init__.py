"""Step 2 of the pipeline: one file's bytes -> a picklable :class:`FileSummary`."""
