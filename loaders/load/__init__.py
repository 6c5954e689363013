"""A set of targets files loaded: each file's outcome, then the checks across files."""
