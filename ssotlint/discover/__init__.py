"""Step 1 of the pipeline: which files make up the repository, and their module names."""
