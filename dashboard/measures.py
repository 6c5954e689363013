"""What a commitment measures, and how its outcome is set against its target.

Rates (`%`, `个百分点`, or a metric that is a growth or a rate) are compared in percentage
points: target and outcome side by side and the gap between them; "1.1% against about 6.5%"
is 5.4 points short, not "17% of target". Percent of target is kept for amounts (counts,
lengths, money), where half the target means something. Ranks and milestones have neither.
For an "at most" target, being under it is the good side, and the words say so.
"""

from __future__ import annotations

import math
import re

import pandas as pd

from dashboard.i18n import t
from dashboard.numbers import format_percent, format_quantity, format_rate, trim

RATE = "rate"
AMOUNT = "amount"
RANK = "rank"
MILESTONE = "milestone"

RATE_UNITS = ("%", "个百分点")
RANK_UNITS = ("名",)
RATE_METRIC = re.compile(r"(?:^|[-_])(?:growth|rate|rates)(?:[-_]|$)")


def measure_kind(op: str, unit: str | None, metric: str | None) -> str:
    """Return what a target measures: "rate", "amount", "rank" or "milestone"."""
    if op == "done":
        return MILESTONE
    if unit in RATE_UNITS or (isinstance(metric, str) and RATE_METRIC.search(metric)):
        return RATE
    if unit in RANK_UNITS:
        return RANK
    return AMOUNT


def missing(value) -> bool:
    """Return True for no value (None, NaN, or a milestone's True for done, False for under way)."""
    return (
        value is None or isinstance(value, bool) or (isinstance(value, float) and math.isnan(value))
    )


def gap_quantity(difference: float, unit: str | None, lang: str) -> str:
    """Return the size of a gap: "5.4 pp" / "5.4个百分点" for rates, the unit otherwise."""
    size = abs(difference)
    if unit in RATE_UNITS:
        return t("gap_points", lang, value=format_rate(size))
    return format_quantity(size, unit, lang)


def gap_words(
    op: str, target: float, tolerance: float | None, outcome: float, unit: str | None, lang: str
) -> str:
    """Return how far an outcome is from its target, in words that say which side is good."""
    difference = round(outcome - target, 6)
    size = gap_quantity(difference, unit, lang)
    if op == "<=":
        if difference < 0:
            return t("gap_under_ceiling", lang, gap=size)
        return (
            t("gap_at_ceiling", lang) if difference == 0 else t("gap_over_ceiling", lang, gap=size)
        )
    if difference > 0:
        return t("gap_above", lang, gap=size)
    if difference == 0:
        return t("gap_on_target", lang)
    if op == "~" and tolerance and -difference <= tolerance:
        return t("gap_within", lang, gap=size, tolerance=trim(tolerance, 2))
    return t("gap_short", lang, gap=size)


def against_target(row, lang: str) -> str:
    """Return a row's outcome against its target: "104%" for amounts, the gap for rates."""
    kind = measure_kind(row.op, row.unit, row.metric)
    if kind == AMOUNT:
        return percent_figure(row.percent_of_target, lang)
    if kind == RATE and not missing(row.latest_value) and not missing(row.target):
        return gap_words(row.op, row.target, row.tolerance, row.latest_value, row.unit, lang)
    return ""


def percent_figure(value: float | None, lang: str) -> str:
    """Return a percent of target, whole unless rounding would hide a miss: 104%, 99.7%."""
    if value is not None and not missing(value) and 99.5 <= value < 100.5 and value != 100:
        return f"{value:.1f}%"
    return format_percent(value, lang)


def percent_shown(row) -> float | None:
    """Return a row's percent of target where it means something (amounts), else None."""
    if measure_kind(row.op, row.unit, row.metric) != AMOUNT or missing(row.percent_of_target):
        return None
    return float(row.percent_of_target)


def measure_kinds(frame: pd.DataFrame) -> pd.Series:
    """Return each row's measure kind ("rate", "amount", "rank", "milestone"): the frame's
    `measure_kind` column (made with its rows), else worked out vectorised."""
    if "measure_kind" in frame:
        return frame["measure_kind"]
    metric = frame["metric"].fillna("").astype(str)
    rate = frame["unit"].isin(RATE_UNITS) | metric.str.contains(RATE_METRIC)
    kinds = pd.Series(AMOUNT, index=frame.index, dtype=object)
    kinds[frame["unit"].isin(RANK_UNITS)] = RANK
    kinds[rate] = RATE
    kinds[frame["op"] == "done"] = MILESTONE
    return kinds


def margin_points(op: str, target: float, outcome: float) -> float:
    """Return how far an outcome is on the good side of its target (negative: the bad side)."""
    return round(target - outcome if op == "<=" else outcome - target, 6)


def zone_percent(
    op: str, target: float, tolerance: float | None, top: float
) -> tuple[float, float]:
    """Return where an amount target counts as reached, in percent of target: (from, to)."""
    if op == "<=":
        return 0.0, 100.0
    if op == "~" and tolerance and target:
        return (target - tolerance) / target * 100, top
    return 100.0, top
