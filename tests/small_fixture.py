"""The SYNTHETIC small targets file the dashboard's tests use: one commitment per status."""

import datetime as dt
from pathlib import Path

from dashboard.data import DashboardData, build_data
from loaders.validate import load_targets

SMALL = Path(__file__).resolve().parent / "fixtures" / "small"
SMALL_TARGETS = SMALL / "targets.yaml"
AS_OF = dt.date(2026, 1, 1)


def small_data(as_of: dt.date = AS_OF) -> DashboardData:
    """Return the dashboard's data for the small fixture on a given day."""
    return build_data(load_targets(SMALL_TARGETS), as_of, str(SMALL_TARGETS))
