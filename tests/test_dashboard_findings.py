"""Titles that state the finding and the filters named, in both languages: exact strings."""

from types import SimpleNamespace

import pytest

from dashboard.charts import nothing_plotted, status_counts, titles
from dashboard.commitment_row import frame_rows
from dashboard.filters import Filters, apply_filters
from dashboard.findings import (
    commitment_finding,
    count_text,
    counts_finding,
    filter_note,
    filter_slug,
    measures_finding,
    record_note,
)
from dashboard.scope import chart_scope, file_stem, subtitle, with_filters


def row(**fields):
    """Return a SYNTHETIC row of the dashboard's frame with these fields."""
    base = {
        "op": ">=",
        "target": 5000.0,
        "unit": "个",
        "tolerance": None,
        "metric": None,
        "year": 2020,
        "latest_value": None,
        "latest_year": None,
        "percent_of_target": None,
        "status": "no_figure",
        "id": "syn",
    }
    return SimpleNamespace(**{**base, **fields})


def test_counts_state_the_largest_status_with_separators():
    counts = {"met": 1, "met_late": 1, "missed": 1, "no_figure": 48}
    assert counts_finding(counts, "en") == "48 of 51 commitments: no published outcome"
    assert counts_finding(counts, "zh") == "51项承诺中48项：未见公布结果"
    assert counts_finding({"met": 51_000}, "en") == "All 51,000 commitments: met"
    assert counts_finding({"met": 51_000}, "zh") == "全部51,000项承诺：已完成"
    assert counts_finding({}, "en") == "No commitment in view"
    assert count_text(51_000) == "51,000"


def test_a_rate_missed_says_by_how_much_in_points():
    gdp = row(op="~", target=6.5, tolerance=0.5, unit="%", latest_value=1.1, latest_year=2022)
    gdp.status, gdp.year = "missed", 2022
    assert commitment_finding(gdp, "GDP growth", "en") == (
        "GDP growth: 1.1% against about 6.5%, missed by 5.4 points"
    )
    assert commitment_finding(gdp, "地区生产总值增长", "zh") == (
        "地区生产总值增长：1.1%，目标6.5%左右，未完成，差5.4个百分点"
    )


def test_an_amount_gives_its_percent_and_a_milestone_its_year():
    places = row(latest_value=4000.0, latest_year=2020, percent_of_target=80.0, status="missed")
    assert commitment_finding(places, "New school places", "en") == (
        "New school places: 4,000 against at least 5,000, 80% of target, missed"
    )
    assert commitment_finding(places, "新增学位", "zh") == (
        "新增学位：4000个，目标不低于5000个，达目标的80%，未完成"
    )
    late = row(op="done", target=None, unit=None, latest_value=True, latest_year=2023)
    late.status, late.year = "met_late", 2022
    assert commitment_finding(late, "Library", "en") == "Library: done in 2023, a year late"
    assert commitment_finding(late, "图书馆", "zh") == "图书馆：2023年完成，逾期1年"
    assert commitment_finding(row(), "Parks", "en") == "Parks: no published outcome for 2020"
    assert commitment_finding(row(), "公园", "zh") == "公园：未见2020年结果公布"
    due = row(status="not_yet_due", year=2099)
    assert commitment_finding(due, "Roads", "en") == "Roads: at least 5,000 in 2099, not yet due"


def test_a_chart_of_rates_leads_with_its_worst_miss(small_frame):
    rates = small_frame[small_frame["id"].isin(["syn-gdp", "syn-cpi"])]
    assert measures_finding(rates, titles(rates, "en"), "en", "rates_reported") == (
        "Consumer prices: 3.5% against at most 3.0%, missed by 0.5 points"
    )


def test_a_chart_with_nothing_to_plot_is_a_sentence(small_frame):
    parks = small_frame[small_frame["id"].isin(["syn-parks", "syn-roads"])]
    assert nothing_plotted(parks, "amounts", "en") == (
        "None of the 2 amount targets has a published outcome: nothing to plot"
    )
    assert nothing_plotted(parks, "amounts", "zh") == "2项数量目标均未见公布结果，没有可绘制的数据"
    assert nothing_plotted(small_frame, "amounts", "en") == ""


def test_the_filters_are_named_with_the_whole_record():
    assert filter_note(2, 51, "en", ("met", "missed")) == "2 of 51 commitments shown: met, missed"
    assert filter_note(2, 51, "zh", ("met", "missed")) == "共51项承诺，显示2项：已完成、未完成"
    assert filter_note(3, 51, "en", ("no_figure",), ("Livelihoods",), "school", "2022") == (
        "3 of 51 commitments shown: 2022; Livelihoods; no published figure; search “school”"
    )
    assert filter_note(51, 51, "en") == ""
    counts = {"met": 1, "met_late": 1, "under_way": 0, "missed": 1, "no_figure": 48}
    assert record_note(counts, "en") == (
        "in the whole record of 51, 1 met, 1 met late, 1 missed and 48 no published figure"
    )
    assert record_note(counts, "zh") == (
        "全部51项中已完成 1 项，逾期完成 1 项，未完成 1 项，未公布数据 48 项"
    )
    assert filter_slug(("met", "missed"), (), "", "") == "met-missed"
    assert filter_slug(("no_figure",), ("livelihood",), "school 学位", "2022") == (
        "2022-livelihood-no-figure-q-school"
    )


def test_a_filtered_scope_names_its_filters_in_subtitles_and_file_names(small_loaded, small_frame):
    filters = Filters(lang="en", statuses=("met", "missed"))
    rows = apply_filters(small_frame, filters)
    scope = with_filters(
        chart_scope(small_loaded, rows, "en", "2026-01-01"), filters, small_frame, len(rows), ""
    )
    assert scope.headline == "3 of 6 commitments shown: met, missed"
    assert subtitle(scope, "Status of commitments by area") == (
        "Synthetic District, 2020 targets; Status of commitments by area; 3 of 6 commitments "
        "shown: met, missed (in the whole record of 6, 2 met, 1 met late, 1 missed, 1 no "
        "published figure and 1 not yet due)"
    )
    assert file_stem(scope, "briefing") == (
        "synthetic-district-2020-met-missed-briefing-en-2021-03"
    )
    assert scope.statuses == ("met", "missed")
    unfiltered = chart_scope(small_loaded, small_frame, "en", "2026-01-01")
    assert with_filters(unfiltered, Filters(lang="en"), small_frame, 6, "") is unfiltered


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_finding_has_one_colon_at_most(small_frame, lang):
    names = titles(small_frame, lang)
    found = [
        commitment_finding(r, n, lang) for r, n in zip(frame_rows(small_frame), names, strict=True)
    ]
    found.append(counts_finding(status_counts(small_frame), lang))
    assert [f for f in found if f.count(":") + f.count("：") > 1] == []
