"""Records drafted for a report's untracked plan figures."""
