"""Step 3 of the pipeline: the project model (files, modules, names) and the import graph."""
