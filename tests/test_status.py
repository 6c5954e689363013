"""Every status rule, on tiny commitments built in code."""

import datetime as dt

import pytest

from loaders.model import Commitment, PartialDate, Progress, Target
from loaders.record.status import (
    MET,
    MET_LATE,
    MISSED,
    NO_FIGURE,
    NOT_YET_DUE,
    STATUSES,
    UNDER_WAY,
    commitment_status,
    reaches,
)

AFTER_DUE = dt.date(2023, 6, 1)
DURING_DUE = dt.date(2022, 6, 1)


def commitment(op=">=", value=6900.0, unit="个", tolerance=None, progress=(), year=2022):
    return Commitment(
        id="school-places",
        report="qc-2022",
        year=year,
        area="livelihood",
        title="新增学位",
        title_en="New school places",
        target=Target(op, value, unit, tolerance),
        quote="学位 6900个以上",
        progress=tuple(progress),
    )


def figure(year, value, source="stats"):
    return Progress(source=source, year=year, value=value)


def test_met_when_the_due_year_figure_reaches_a_floor():
    result = commitment_status(commitment(progress=[figure(2022, 7000)]), AFTER_DUE)
    assert result.status == MET
    assert result.percent_of_target == pytest.approx(7000 / 6900 * 100)


def test_missed_when_the_due_year_figure_falls_short():
    result = commitment_status(commitment(progress=[figure(2022, 6000)]), AFTER_DUE)
    assert result.status == MISSED
    assert result.percent_of_target == pytest.approx(6000 / 6900 * 100)


def test_met_late_when_only_a_later_year_reaches_it():
    c = commitment(progress=[figure(2022, 6000), figure(2023, 7100)])
    result = commitment_status(c, dt.date(2024, 2, 1))
    assert result.status == MET_LATE
    assert result.decided_by.year == 2023


def test_no_published_figure_when_due_year_is_over_and_nothing_reported():
    result = commitment_status(commitment(), AFTER_DUE)
    assert result.status == NO_FIGURE
    assert result.percent_of_target is None


def test_not_yet_due_while_the_due_year_runs():
    assert commitment_status(commitment(), DURING_DUE).status == NOT_YET_DUE


def test_not_yet_due_with_partial_progress_keeps_the_percentage():
    result = commitment_status(commitment(progress=[figure(2022, 3450)]), DURING_DUE)
    assert result.status == NOT_YET_DUE
    assert result.percent_of_target == pytest.approx(50.0)


def test_met_before_the_year_is_over():
    assert commitment_status(commitment(progress=[figure(2022, 6900)]), DURING_DUE).status == MET


def test_ceiling_met_when_at_or_below():
    c = commitment(op="<=", value=3.0, unit="%", progress=[figure(2022, 1.6)])
    result = commitment_status(c, AFTER_DUE)
    assert result.status == MET
    assert result.percent_of_target == pytest.approx(1.6 / 3.0 * 100)


def test_ceiling_missed_when_above():
    c = commitment(op="<=", value=3.0, unit="%", progress=[figure(2022, 3.2)])
    assert commitment_status(c, AFTER_DUE).status == MISSED


def test_about_target_met_within_tolerance():
    c = commitment(op="~", value=6.5, unit="%", tolerance=0.5, progress=[figure(2022, 6.0)])
    assert commitment_status(c, AFTER_DUE).status == MET


def test_about_target_missed_below_tolerance():
    c = commitment(op="~", value=6.5, unit="%", tolerance=0.5, progress=[figure(2022, 1.1)])
    result = commitment_status(c, AFTER_DUE)
    assert result.status == MISSED
    assert result.percent_of_target == pytest.approx(1.1 / 6.5 * 100)


def test_about_target_exceeded_counts_as_met():
    c = commitment(op="~", value=6.5, unit="%", tolerance=0.5, progress=[figure(2022, 8.0)])
    assert commitment_status(c, AFTER_DUE).status == MET


def test_milestone_met_late_when_done_the_year_after():
    c = commitment(
        op="done",
        value=None,
        unit=None,
        progress=[Progress(source="qc-2024", year=2023, done=True)],
    )
    result = commitment_status(c, dt.date(2024, 3, 1))
    assert result.status == MET_LATE
    assert result.percent_of_target is None


def test_milestone_met_when_done_in_the_due_year():
    c = commitment(
        op="done", value=None, unit=None, progress=[Progress(source="r", year=2022, done=True)]
    )
    assert commitment_status(c, AFTER_DUE).status == MET


def test_latest_dated_figure_of_the_due_year_decides():
    c = commitment(
        progress=[
            Progress(source="r", date=PartialDate(2022, 12, 31), value=7000),
            Progress(source="r", date=PartialDate(2022, 6, 30), value=3000),
        ]
    )
    result = commitment_status(c, AFTER_DUE)
    assert result.status == MET
    assert result.decided_by.value == 7000


def test_reaches_is_false_for_an_entry_without_a_value():
    assert reaches(Target(">=", 1, "个"), Progress(source="r", year=2022)) is False


def milestone(*progress, year=2022):
    return commitment(op="done", value=None, unit=None, progress=progress, year=year)


def under_way(year, source="qc-2023"):
    return Progress(source=source, year=year, done=False, quote="主体工程基本完工")


def done(year, source="qc-2024"):
    return Progress(source=source, year=year, done=True, quote="全面竣工")


def test_under_way_stands_between_met_late_and_missed():
    assert STATUSES == (MET, MET_LATE, UNDER_WAY, MISSED, NO_FIGURE, NOT_YET_DUE)


@pytest.mark.parametrize(
    "as_of", [DURING_DUE, AFTER_DUE, dt.date(2030, 1, 1)], ids=["during", "after", "long-after"]
)
def test_a_milestone_whose_latest_entry_is_done_false_is_under_way(as_of):
    c = milestone(under_way(2022, "qc-2022-mid"), under_way(2022))
    result = commitment_status(c, as_of)
    assert result.status == UNDER_WAY
    assert result.decided_by is c.progress[1]
    assert result.latest is c.progress[1]
    assert result.percent_of_target is None


def test_a_milestone_reported_under_way_after_its_due_year_is_under_way():
    result = commitment_status(milestone(under_way(2023)), dt.date(2024, 3, 1))
    assert (result.status, result.decided_by.year) == (UNDER_WAY, 2023)


def test_a_milestone_under_way_then_done_on_time_is_met():
    c = milestone(under_way(2022, "qc-2022-mid"), done(2022))
    assert commitment_status(c, AFTER_DUE).status == MET


def test_a_milestone_under_way_then_done_later_is_met_late():
    c = milestone(under_way(2022), done(2023))
    result = commitment_status(c, dt.date(2024, 3, 1))
    assert (result.status, result.decided_by.year) == (MET_LATE, 2023)


def test_a_milestone_done_stays_done_when_a_later_entry_says_under_way():
    on_time = milestone(done(2022, "qc-2022-mid"), under_way(2022))
    late = milestone(done(2023), under_way(2024, "qc-2025"))
    assert commitment_status(on_time, AFTER_DUE).decided_by.source == "qc-2022-mid"
    assert commitment_status(on_time, AFTER_DUE).status == MET
    assert commitment_status(late, dt.date(2025, 3, 1)).status == MET_LATE


def test_a_milestone_without_progress_is_not_yet_due_then_no_figure():
    assert commitment_status(milestone(), DURING_DUE).status == NOT_YET_DUE
    assert commitment_status(milestone(), AFTER_DUE).status == NO_FIGURE


def test_done_false_does_not_reach_a_milestone():
    assert reaches(Target("done"), under_way(2022)) is False
