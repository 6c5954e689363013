"""Which targets file to read: the one given, else $TARGETS_FILE, else targets.yaml."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_TARGETS_FILE = "targets.yaml"


def targets_path(explicit: str | os.PathLike | None = None) -> Path:
    """Return the targets file to use: the explicit path, else $TARGETS_FILE, else targets.yaml."""
    if explicit:
        return Path(explicit)
    return Path(os.environ.get("TARGETS_FILE") or DEFAULT_TARGETS_FILE)
