"""Step 5 of the pipeline: turning violations into text, JSON, SARIF, GitHub annotations.

Reporters see violations, rules' metadata and figures; they know nothing of parsers.
"""
