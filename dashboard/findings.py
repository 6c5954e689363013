"""Titles that state a finding, and the filters in force named: pure text from the rows.

A chart's title says what its data shows ("48 of 51 commitments: no published outcome", "GDP
growth: 1.1% against about 6.5%, missed by 5.4 points"), with one colon at most; the place, the
years and the method go in the subtitle. A view narrowed by the filters says so ("2 of 51
commitments shown: met, missed") and still gives the whole record's counts, so an image taken
out of the dashboard cannot pass a filtered view off as the record.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import pandas as pd

from dashboard.commitment_row import frame_rows
from dashboard.i18n import status_label, t
from dashboard.measures import (
    AMOUNT,
    RATE,
    RATE_UNITS,
    margin_points,
    measure_kind,
    missing,
    percent_figure,
)
from dashboard.numbers import format_quantity, target_in_words
from loaders import MET, MET_LATE, MISSED, NO_FIGURE, NOT_YET_DUE, STATUSES, UNDER_WAY

#: a status as a finding ends with it
FINDING_WORDS = {
    "en": {
        MET: "met",
        MET_LATE: "met late",
        UNDER_WAY: "under way",
        MISSED: "missed",
        NO_FIGURE: "no published outcome",
        NOT_YET_DUE: "not yet due",
    },
    "zh": {
        MET: "已完成",
        MET_LATE: "逾期完成",
        UNDER_WAY: "推进中",
        MISSED: "未完成",
        NO_FIGURE: "未见公布结果",
        NOT_YET_DUE: "未到期",
    },
}


def count_text(count: int) -> str:
    """Return a count with thousands separators, as both languages print it here: 51,000."""
    return f"{count:,}"


def counts_finding(counts: Mapping[str, int], lang: str, noun: str = "commitments") -> str:
    """Return the counts' finding: the largest status among them, "48 of 51 commitments: …"."""
    total = sum(counts.values())
    if not total:
        return t("finding_none", lang)
    status = max(STATUSES, key=lambda s: (counts.get(s, 0), -STATUSES.index(s)))
    words = FINDING_WORDS[lang][status]
    name = t(f"noun_{noun}", lang)
    if counts[status] == total:
        return t("finding_all", lang, total=count_text(total), noun=name, words=words)
    return t(
        "finding_part",
        lang,
        count=count_text(counts[status]),
        total=count_text(total),
        noun=name,
        words=words,
    )


def gap_size(difference: float, unit: str | None, lang: str) -> str:
    """Return a gap in a finding: "5.4 points" / "5.4个百分点", else the unit's quantity."""
    size = abs(round(difference, 6))
    if unit in RATE_UNITS:
        return t("finding_points", lang, value=f"{size:g}")
    return format_quantity(size, unit, lang)


def verdict_words(row, lang: str) -> str:
    """Return how a commitment with an outcome fared: "missed by 5.4 points", "met"."""
    status = row.status
    words = FINDING_WORDS[lang][status]
    kind = measure_kind(row.op, row.unit, row.metric)
    if status != MISSED or kind != RATE or missing(row.target):
        return words
    gap = gap_size(
        margin_points(row.op, float(row.target), float(row.latest_value)), row.unit, lang
    )
    return t("finding_missed_by", lang, gap=gap)


def commitment_finding(row, title: str, lang: str) -> str:
    """Return one commitment's finding: "GDP growth: 1.1% against about 6.5%, missed by 5.4
    points"; a milestone's year done, or that no outcome was published."""
    status = row.status
    year = int(row.year)
    if row.op == "done":
        return milestone_finding(row, title, lang)
    if status == NO_FIGURE:
        return t("finding_no_figure", lang, title=title, year=year)
    target = target_in_words(row.op, row.target, row.unit, None, lang)
    if missing(row.latest_value):
        return t("finding_target_only", lang, title=title, target=target, year=year)
    outcome = format_quantity(row.latest_value, row.unit, lang)
    verdict = verdict_words(row, lang)
    if measure_kind(row.op, row.unit, row.metric) == AMOUNT and not missing(row.percent_of_target):
        percent = percent_figure(row.percent_of_target, lang)
        return t(
            "finding_amount",
            lang,
            title=title,
            outcome=outcome,
            target=target,
            percent=percent,
            verdict=verdict,
        )
    return t("finding_against", lang, title=title, outcome=outcome, target=target, verdict=verdict)


def milestone_finding(row, title: str, lang: str) -> str:
    """Return a milestone's finding: done in a year (and how late), under way, or no news."""
    status, year = row.status, int(row.year)
    if status in (MET, MET_LATE) and not missing(row.latest_year):
        done = int(row.latest_year)
        if done > year:
            key = "finding_year_late" if done - year == 1 else "finding_years_late"
            late = t(key, lang, late=done - year)
            return t("finding_done_late", lang, title=title, done=done, late=late)
        return t("finding_done", lang, title=title, done=done)
    if status == UNDER_WAY and not missing(row.latest_year):
        return t("finding_under_way", lang, title=title, seen=int(row.latest_year), year=year)
    if status == NO_FIGURE:
        return t("finding_no_figure", lang, title=title, year=year)
    return f"{title}{'：' if lang == 'zh' else ': '}{FINDING_WORDS[lang][status]}"


def with_outcome(rows: pd.DataFrame) -> pd.DataFrame:
    """Return the rows whose commitment has a published figure."""
    if rows.empty:
        return rows
    return rows[[not missing(v) for v in rows["latest_value"]]]


def measures_finding(rows: pd.DataFrame, titles: Sequence[str], lang: str, noun: str) -> str:
    """Return the finding of a chart of rates or amounts: the one outcome or the worst miss
    ("GDP growth: …, missed by 5.4 points"), else the counts of those with an outcome."""
    found = with_outcome(rows)
    if found.empty:
        return ""
    named = dict(zip(rows["id"].tolist(), titles, strict=True))
    missed = found[found["status"] == MISSED]
    if len(found) == 1 or not missed.empty:
        pool = missed if not missed.empty else found
        # the first row of the smallest margin; only the columns a margin reads are made rows
        margins = [margin(r) for r in frame_rows(pool, ("op", "target", "latest_value"))]
        (worst,) = frame_rows(pool.iloc[[margins.index(min(margins))]])
        return commitment_finding(worst, named[worst.id], lang)
    counts = {s: int((found["status"] == s).sum()) for s in STATUSES}
    return counts_finding(counts, lang, noun)


def margin(row) -> float:
    """Return how far a row's outcome is on the good side of its target (0 when either is
    missing)."""
    outcome = row.latest_value
    if outcome is None or missing(outcome) or missing(row.target):
        return 0.0
    return margin_points(row.op, float(row.target), float(outcome))


def nothing_to_plot(count: int, noun: str, lang: str) -> str:
    """Return the sentence that stands for a chart with nothing to plot."""
    return t("finding_nothing", lang, count=count_text(count), noun=t(f"noun_{noun}", lang))


def outcome_count(rows: pd.DataFrame, noun: str, lang: str) -> str:
    """Return how many of some rows have a published outcome: "2 of 10 rate targets …"."""
    return t(
        "finding_with_outcome",
        lang,
        count=count_text(len(with_outcome(rows))),
        total=count_text(len(rows)),
        noun=t(f"noun_{noun}", lang),
    )


def filter_note(
    shown: int,
    total: int,
    lang: str,
    statuses: Sequence[str] = (),
    areas: Sequence[str] = (),
    query: str = "",
    report: str = "",
) -> str:
    """Return the filters in force and what they leave: "2 of 51 commitments shown: met,
    missed"; empty when no filter is set."""
    listed = "、" if lang == "zh" else ", "
    parts = []
    if report:
        parts.append(report)
    if areas:
        parts.append(listed.join(areas))
    if statuses:
        parts.append(listed.join(status_label(s, lang) for s in statuses))
    if query:
        parts.append(t("filter_note_search", lang, query=query))
    if not parts:
        return ""
    return t(
        "filter_note",
        lang,
        shown=count_text(shown),
        total=count_text(total),
        parts=("；" if lang == "zh" else "; ").join(parts),
    )


def record_note(counts: Mapping[str, int], lang: str) -> str:
    """Return the whole record's counts, without a colon: "all 51: 1 met, …" is not it."""
    join = "，" if lang == "zh" else ", "
    items = [
        t("count_of", lang, count=count_text(n), name=status_label(s, lang))
        for s, n in counts.items()
        if n
    ]
    if lang == "en" and len(items) > 1:
        items = [*items[:-2], f"{items[-2]} and {items[-1]}"]
    return t("record_note", lang, total=count_text(sum(counts.values())), items=join.join(items))


def filter_slug(statuses: Sequence[str], areas: Sequence[str], query: str, report: str) -> str:
    """Return the filters as a file-name part: "met-missed", "livelihood-no-figure-q-school"."""
    parts = [report, *areas, *statuses]
    if query:
        parts += ["q", query]
    words = "-".join(p for p in parts if p).lower()
    return re.sub(r"[^a-z0-9]+", "-", words).strip("-")
