"""Figures in a report text: found, classified, and offered as outcomes."""
