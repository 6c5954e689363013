"""Each commitment's status, computed from its target and progress.

The rules are written once, in STATUS_RULES below (shown by the dashboard) and in the README's
"Status rules" section (a test keeps the two in step).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from loaders.model import Commitment, Progress, Target
from loaders.wording import OP_NAMES

MET = "met"
MET_LATE = "met_late"
MISSED = "missed"
NO_FIGURE = "no_figure"
NOT_YET_DUE = "not_yet_due"

STATUSES = (MET, MET_LATE, MISSED, NO_FIGURE, NOT_YET_DUE)

STATUS_LABELS = {
    "en": {
        MET: "met",
        MET_LATE: "met late",
        MISSED: "missed",
        NO_FIGURE: "no published figure",
        NOT_YET_DUE: "not yet due",
    },
    "zh": {
        MET: "已完成",
        MET_LATE: "逾期完成",
        MISSED: "未完成",
        NO_FIGURE: "未公布数据",
        NOT_YET_DUE: "未到期",
    },
}

STATUS_RULES = {
    "en": {
        MET: "The latest figure for the due year (or earlier) reaches the target; a milestone was reported done by the end of the due year.",
        MET_LATE: "Not reached by the due year, but a figure for a later year reaches the target.",
        MISSED: "The due year is over and the figures published, on time or later, do not reach the target.",
        NO_FIGURE: "The due year is over and nothing has been published for it: a finding in itself.",
        NOT_YET_DUE: "The due year is not over and the target is not reached yet.",
    },
    "zh": {
        MET: "截至到期年度（含）最新公布的数据达到目标；里程碑类目标在到期年度内报告完成。",
        MET_LATE: "到期年度未达到，但此后年度公布的数据达到目标。",
        MISSED: "到期年度已过，已公布的数据（按时或其后）均未达到目标。",
        NO_FIGURE: "到期年度已过，但未见公布任何相关数据——这本身就是一个发现。",
        NOT_YET_DUE: "到期年度尚未结束，目前尚未达到目标。",
    },
}

_EN, _ZH = OP_NAMES["en"], OP_NAMES["zh"]

#: what "reaches the target" means for each comparator, in the words of loaders.wording
REACH_RULES = {
    "en": {
        ">=": f"{_EN['>=']} the target",
        "<=": f"{_EN['<=']} the target",
        "~": f"{_EN['>=']} the target minus its tolerance "
        f"(exceeding an “{_EN['~']}” target counts as met)",
        "done": f"reported {_EN['done']}",
    },
    "zh": {
        ">=": f"{_ZH['>=']}目标值",
        "<=": f"{_ZH['<=']}目标值",
        "~": f"{_ZH['>=']}目标值减去容差（超过“{_ZH['~']}”目标视为完成）",
        "done": f"报告已{_ZH['done']}",
    },
}


@dataclass(frozen=True)
class StatusResult:
    """A commitment's status, the entry that decided it, and the percentage of target."""

    status: str
    decided_by: Progress | None
    latest: Progress | None
    percent_of_target: float | None

    def label(self, lang: str = "en") -> str:
        """Return the status in words."""
        return STATUS_LABELS[lang][self.status]

    def rule(self, lang: str = "en") -> str:
        """Return the rule that gave this status."""
        return STATUS_RULES[lang][self.status]


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
    if last_on_time is not None and reaches(target, last_on_time):
        return StatusResult(MET, last_on_time, latest, percent_of_target(target, last_on_time))
    reached_late = next((p for p in late if reaches(target, p)), None)
    if reached_late is not None:
        return StatusResult(MET_LATE, reached_late, latest, percent_of_target(target, reached_late))
    if as_of.year <= due:
        return StatusResult(
            NOT_YET_DUE, last_on_time, latest, percent_of_target(target, last_on_time)
        )
    if latest is None:
        return StatusResult(NO_FIGURE, None, None, None)
    return StatusResult(MISSED, latest, latest, percent_of_target(target, latest))
