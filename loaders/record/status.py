"""Each commitment's status, computed from its target and progress.

The rules are written in words in dashboard/i18n.py (STATUS_RULES, shown by the dashboard) and in
the README's "Status rules" section (a test keeps the two in step).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from loaders.model import Commitment, Progress, Target

MET = "met"
MET_LATE = "met_late"
UNDER_WAY = "under_way"
MISSED = "missed"
NO_FIGURE = "no_figure"
NOT_YET_DUE = "not_yet_due"

#: from done to not reported: work under way (a milestone not reported done, with a later
#: document saying it is in hand) stands between met late and missed
STATUSES = (MET, MET_LATE, UNDER_WAY, MISSED, NO_FIGURE, NOT_YET_DUE)


@dataclass(frozen=True)
class StatusResult:
    """A commitment's status, the entry that decided it, and the percentage of target."""

    status: str
    decided_by: Progress | None
    latest: Progress | None
    percent_of_target: float | None


def reaches(target: Target, entry: Progress) -> bool:
    """Return True when a progress entry reaches the target."""
    if target.op == "done":
        return entry.done
    if entry.value is None or target.value is None:
        return False
    if target.op == ">=":
        return entry.value >= target.value
    if target.op == "<=":
        return entry.value <= target.value
    return entry.value >= target.value - (target.tolerance or 0)


def percent_of_target(target: Target, entry: Progress | None) -> float | None:
    """Return the entry's value as a percentage of the target value (None for milestones)."""
    if entry is None or entry.value is None or target.value in (None, 0) or target.op == "done":
        return None
    return entry.value / target.value * 100


def commitment_status(commitment: Commitment, as_of: dt.date) -> StatusResult:
    """Return the status of a commitment on a given day."""
    target = commitment.target
    due = commitment.year
    entries = sorted(commitment.progress, key=lambda p: p.sort_key)
    latest = entries[-1] if entries else None
    on_time = [p for p in entries if p.period_year <= due]
    late = [p for p in entries if p.period_year > due]
    last_on_time = on_time[-1] if on_time else None
    if target.op == "done":
        # a milestone reported done stays done: a later "under way" does not undo it
        last_on_time = next((p for p in on_time if p.done), last_on_time)
    if last_on_time is not None and reaches(target, last_on_time):
        return StatusResult(MET, last_on_time, latest, percent_of_target(target, last_on_time))
    reached_late = next((p for p in late if reaches(target, p)), None)
    if reached_late is not None:
        return StatusResult(MET_LATE, reached_late, latest, percent_of_target(target, reached_late))
    if target.op == "done" and latest is not None:
        # not reported done; the latest entry (done: false) says the work is under way
        return StatusResult(UNDER_WAY, latest, latest, None)
    if as_of.year <= due:
        return StatusResult(
            NOT_YET_DUE, last_on_time, latest, percent_of_target(target, last_on_time)
        )
    if latest is None:
        return StatusResult(NO_FIGURE, None, None, None)
    return StatusResult(MISSED, latest, latest, percent_of_target(target, latest))
